"""The words learners use for yes and no, in one place (options and answers read them).

Examples
========
>>> "yes" in YES_WORDS, "no" in NO_WORDS
(True, True)
"""

from __future__ import annotations

__all__ = ["NO_WORDS", "YES_WORDS"]

#: Words that mean yes / true (in an answer "1" is a number, so digits are not here).
YES_WORDS = frozenset({"true", "yes", "y", "t"})
#: Words that mean no / false.
NO_WORDS = frozenset({"false", "no", "n", "f"})

"""The words learners use for yes and no, in one place, and reading a yes/no input.

Examples
========
>>> parse_bool("Yes", "augmented"), parse_bool("off", "augmented")
(True, False)
>>> parse_bool("maybe", "augmented")
Traceback (most recent call last):
...
symbolic_mlmath.core.errors.InputError: augmented: expected true or false, got 'maybe'
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import InputError

__all__ = ["NO_WORDS", "YES_WORDS", "parse_bool"]

#: Words that mean yes / true (an answer "1" is a number, so digits are not here).
YES_WORDS = frozenset({"true", "yes", "y", "t"})
#: Words that mean no / false.
NO_WORDS = frozenset({"false", "no", "n", "f"})


def parse_bool(value: Any, name: str) -> bool:
    """A yes/no option (``true``, ``yes``, ``1``, ``on`` and their opposites) as a bool."""
    if isinstance(value, bool):
        return value
    t = str(value).strip().lower()
    if t in YES_WORDS | {"1", "on"}:
        return True
    if t in NO_WORDS | {"0", "off"}:
        return False
    raise InputError(f"expected true or false, got {str(value)[:40]!r}", name=name)

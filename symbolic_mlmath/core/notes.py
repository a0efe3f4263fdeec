"""What a learner writes around the mathematics of a working line: comments and notes.

A working may hold blank lines and ``#`` comments (whole lines or the end of a line), which
are not judged, and *notes* that say what a line does::

    R2 <- R2 - 2R1: [[1, 2], [0, 1]]
    by the chain rule: 2x cos(x^2)
    2x cos(x^2)   (chain rule)

:func:`working_lines` drops the comments and blank lines (keeping each line's place in the
learner's numbering); :func:`split_note` separates a note from the mathematics; the
working engine then compares the note with what the line actually does (a judge may
read notes of its own kind, such as row operations; :func:`rules_named` reads the
names of the differentiation and algebra rules every judge can compare).

Examples
========
>>> working_lines(["# expand along row 1", "2*5 - 1*1  # the minors", "", "9"])
[(1, '2*5 - 1*1'), (3, '9')]
>>> split_note("R2 <- R2 - 2R1: [[1, 2], [0, 1]]")
('R2 <- R2 - 2R1', '[[1, 2], [0, 1]]')
>>> split_note("by the chain rule: 2x cos(x^2)")
('by the chain rule', '2x cos(x^2)')
>>> split_note("2x cos(x^2)  (chain rule)")
('chain rule', '2x cos(x^2)')
>>> split_note("x = 3"), split_note("f'(x): 2x")
((None, 'x = 3'), (None, "f'(x): 2x"))
>>> sorted(rules_named("by the product rule and the chain rule"))
['chain rule', 'product rule']
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["RULE_WORDS", "is_row_note", "rules_named", "split_note", "trailing_words",
           "working_lines"]

#: Words a learner uses for a rule -> the rule's name (compared with what a judge names).
RULE_WORDS: dict[str, str] = {
    "chain": "chain rule",
    "product": "product rule",
    "quotient": "quotient rule",
    "power": "power rule",
    "sum": "sum rule",
    "difference": "sum rule",
    "constant multiple": "constant multiple rule",
    "constant factor": "constant multiple rule",
    "constant rule": "constant rule",
    "exponential": "exponential rule",
    "logarithm": "logarithm rule",
    "log rule": "logarithm rule",
    "logarithmic differentiation": "logarithmic differentiation",
    "expand": "expand",
    "factor": "factor",
    "simplify": "simplify",
    "substitut": "substitute",
    "cofactor": "cofactor expansion",
    "sarrus": "rule of Sarrus",
}

_ROW = r"R\s*_?\s*\d+"
#: A row-operation note: ``R2 <- R2 - 2R1``, ``R1 <-> R2``, ``R2 - 2R1 -> R2``, ``swap R1, R2``.
_ROW_NOTE = re.compile(
    rf"^\s*(?:({_ROW})\s*(?:<->|↔|<=>)\s*({_ROW})|swap\s+{_ROW}\s*(?:,|and)\s*{_ROW}"
    rf"|{_ROW}\s*(?:<-|←|:=|=)\s*[-+*/().\d\sR_]+|[-+*/().\d\sR_]+(?:->|→)\s*{_ROW})"
    rf"(?:\s*(?:,|;|\band\b)\s*(?:{_ROW}\s*(?:<->|↔|<=>)\s*{_ROW}|{_ROW}\s*(?:<-|←|:=|=)"
    rf"\s*[-+*/().\d\sR_]+|[-+*/().\d\sR_]+(?:->|→)\s*{_ROW}))*\s*$", re.I)
#: Words only (and numbers): ``by the chain rule``, ``expand along row 1``, ``step 2``.
_WORDS = re.compile(r"^\s*[A-Za-z][A-Za-z0-9 ,'’-]*$")


def _suffix(text: str) -> tuple[str, str] | None:
    """``(body, note)`` when ``text`` ends with a bracketed group after some mathematics."""
    t = text.rstrip()
    if not t or t[-1] not in ")]":
        return None
    close = t[-1]
    open_ = "(" if close == ")" else "["
    depth = 0
    for k in range(len(t) - 1, -1, -1):
        if t[k] == close:
            depth += 1
        elif t[k] == open_:
            depth -= 1
            if depth == 0:
                body = t[:k].rstrip()
                return (body, t[k + 1:-1].strip()) if body else None
    return None


def is_row_note(text: str) -> bool:
    """Whether ``text`` is a list of row operations (``R2 <- R2 - 2R1, R1 <-> R3``).

    Examples
    ========
    >>> is_row_note("R2 <- R2 - 2R1, R3 <- R3 + R1"), is_row_note("R1 <-> R2")
    (True, True)
    >>> is_row_note("x - 2y")
    False
    """
    return bool(_ROW_NOTE.match(text))


def _is_word_note(text: str) -> bool:
    if not _WORDS.match(text):
        return False
    words = re.findall(r"[A-Za-z]+", text)
    return any(len(w) >= 3 for w in words) and not (len(words) == 1 and len(words[0]) <= 2)


def _mentions_rule(text: str) -> bool:
    low = text.lower()
    return "rule" in low or (bool(rules_named(text)) and _is_word_note(text))


def split_note(text: str) -> tuple[str | None, str]:
    """``(note, mathematics)`` of one line; the note is None when the line has none.

    A note comes first and ends with a colon (words, or row operations), or comes last in
    parentheses or brackets and names a rule or row operations.
    """
    head, sep, tail = text.partition(":")
    if sep and tail.strip() and (is_row_note(head) or _is_word_note(head)):
        return head.strip(), tail.strip()
    parts = _suffix(text)
    if parts is not None:
        body, note = parts
        if note and (is_row_note(note) or (_is_word_note(note) and _mentions_rule(note))):
            return note, body
    return None, text


def trailing_words(text: str) -> tuple[str, str] | None:
    """``(note, mathematics)`` when a line ends with words in brackets (``x1 = 0.8 (one
    step)``), for a line that cannot be read with them; None otherwise.

    Examples
    ========
    >>> trailing_words("x1 = (0.8, 0.4)  (one gradient step)")
    ('one gradient step', 'x1 = (0.8, 0.4)')
    >>> trailing_words("2x sin(x)") is None
    True
    """
    parts = _suffix(text)
    if parts is None or not _is_word_note(parts[1]):
        return None
    return parts[1], parts[0]


def working_lines(lines: list[Any]) -> list[tuple[int, Any]]:
    """``(index, line)`` of every line that holds mathematics: ``#`` comments (whole lines
    or the end of a line) and blank lines are dropped; ``index`` is the line's 0-based
    place in the learner's numbering. Lines that are not text (lists) are kept as they are.
    """
    out: list[tuple[int, Any]] = []
    for k, raw in enumerate(lines):
        if isinstance(raw, str):
            text = raw.split("#", 1)[0].strip()
            if text:
                out.append((k, text))
        elif raw is not None:
            out.append((k, raw))
    return out


def rules_named(text: str | None) -> set[str]:
    """The rules a note (or a judge's description of a line) names, by :data:`RULE_WORDS`."""
    if not text:
        return set()
    low = " ".join(text.lower().replace("-", " ").split())
    found = set()
    for word, rule in RULE_WORDS.items():
        if re.search(rf"\b{re.escape(word)}", low):
            found.add(rule)
    if "constant multiple rule" in found:
        found.discard("constant rule")
    return found

"""Textbook notation in answers, rewritten into the plain grammar before it is read.

Learners write ``x = 5/3 and y = 7/3``, ``(5 ± sqrt(33))/2``, ``det(A) = 49``, ``λ₁ = 1``,
``135°``. These helpers rewrite such text into what the text door reads (``parse``); they
never evaluate anything themselves.

Examples
========
>>> expand_pm("(5 ± sqrt(33))/2")
['(5 + sqrt(33))/2', '(5 - sqrt(33))/2']
>>> and_to_commas("x = 5/3 and y = 7/3")
'x = 5/3, y = 7/3'
>>> split_top("[1, 2], (3, 4); 5")
['[1, 2]', '(3, 4)', '5']
>>> strip_label("det(A) = 49", SCALAR_LABELS), strip_label("|A| = -2", SCALAR_LABELS)
('49', '-2')
>>> degrees("135°"), degrees("135 degrees"), degrees("3pi/4")
('135', '135', None)
"""

from __future__ import annotations

import re

__all__ = [
    "EIGEN_LABEL",
    "SCALAR_LABELS",
    "and_to_commas",
    "answer_notation",
    "assignments",
    "degrees",
    "expand_pm",
    "split_top",
    "strip_label",
]

#: Labels a single-number answer may carry: ``det(A) =``, ``|A| =``, ``rank =``, ``‖v‖ =`` ...
SCALAR_LABELS = re.compile(
    r"^\s*(?:(?:det(?:erminant)?|rank|rk|dim(?:ension)?|dot|norm|angle|theta|θ|answer|ans"
    r"|result|value|trace|tr)\s*(?:\(\s*[A-Za-z](?:\s*,\s*[A-Za-z])?\s*\)|[A-Za-z]\b)?"
    r"|\|\s*[A-Za-z]\s*\||‖\s*[A-Za-z]\s*‖|\|\|\s*[A-Za-z]\s*\|\||[A-Za-z]\s*[·.]\s*[A-Za-z]"
    r"|p\s*\(\s*(?:λ|lambda|[A-Za-z])\s*\)|det\s*\(\s*A\s*-\s*(?:λ|lambda)\s*I\s*\))\s*=\s*",
    re.IGNORECASE)
#: The label of one eigenvalue: ``λ =``, ``λ1 =``, ``λ_2 =``, ``lambda_1 =``, ``l =``.
EIGEN_LABEL = re.compile(r"^\s*(?:λ|lambda|lamda|l|eigenvalues?)\s*_?\s*\d*\s*=\s*",
                         re.IGNORECASE)
_PM = re.compile(r"\+\s*/\s*-|\+-|±")
_AND = re.compile(r"(?<=[\w)\]}.°])\s+and\s+(?=[\w(\[{+\-.|√λ±])", re.IGNORECASE)
_DEGREES = re.compile(r"^\s*(.+?)\s*(?:°|degrees?|deg)\s*$", re.IGNORECASE)
_NAME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(?!=)(.+)$", re.S)


def split_top(text: str, seps: str = ",;") -> list[str]:
    """Items of ``text`` separated by ``seps`` outside brackets (and outside ``|...|``)."""
    out, depth, bars, cur = [], 0, 0, []
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "|" and depth == 0:
            bars ^= 1
        if ch in seps and depth == 0 and not bars:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur).strip())
    return [x for x in out if x]


def expand_pm(text: str, limit: int = 3) -> list[str]:
    """The texts obtained by reading each ``±`` (or ``+-``, ``+/-``) as ``+`` and as ``-``."""
    parts = _PM.split(text)
    if len(parts) == 1 or len(parts) - 1 > limit:
        return [text]
    out = [parts[0]]
    for piece in parts[1:]:
        out = [o + s + piece for o in out for s in ("+", "-")]
    return [" ".join(o.split()) for o in out]


def and_to_commas(text: str) -> str:
    """``x = 5/3 and y = 7/3`` -> ``x = 5/3, y = 7/3`` (the word ``and`` between items)."""
    return _AND.sub(", ", text)


def strip_label(text: str, label: re.Pattern[str]) -> str:
    """``text`` without a leading ``label =`` (only when the pattern matches)."""
    m = label.match(text)
    return text[m.end():] if m and text[m.end():].strip() else text


def degrees(text: str) -> str | None:
    """The number of an angle written in degrees (``135°``, ``135 degrees``), else None."""
    m = _DEGREES.match(text)
    return m.group(1) if m else None


def assignments(text: str) -> dict[str, str] | None:
    """``P = [[1,1],[-1,1]], D = [[1,0],[0,3]]`` -> ``{"P": "[[1,1],[-1,1]]", "D": ...}``.

    None unless every top-level item is ``NAME = value``.
    """
    out: dict[str, str] = {}
    for item in split_top(text):
        m = _NAME.match(item)
        if m is None or m.group(1) in out:
            return None
        out[m.group(1)] = m.group(2).strip()
    return out or None


def answer_notation(text: str) -> str:
    """An answer's text with ``and`` between items read as a comma and ``±`` giving both
    values: ``x = 5/3 and y = 7/3`` -> ``x = 5/3, y = 7/3``; ``±I`` -> ``+I, -I``.

    >>> answer_notation("(5 ± sqrt(33))/2")
    '(5 + sqrt(33))/2, (5 - sqrt(33))/2'
    """
    from symbolic_mlmath.text.limits import get_limits

    if "\\" in text or len(text) > get_limits().max_input_length:
        return text
    text = and_to_commas(text)
    if expand_pm(text) == [text]:
        return text
    return ", ".join(v for item in split_top(text, ",") for v in expand_pm(item))

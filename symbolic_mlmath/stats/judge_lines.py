"""Reading and judging one line of a statistics working: ``name = expr = ... = value``.

A line names a quantity (``SE``, ``t``, ``df``, ``p``, ``t_crit``, ``CI``, ...), may show
how it was computed (``s/sqrt(n)``, ``(5.48 - 5)/0.2083``) and ends with its value. Every
part goes through the text door; a decision line (``fail to reject H0``) is read as a
choice. The value is judged against the exact value to the decimal places written.

Examples
========
>>> line = read_line("SE = s/sqrt(n) = 0.2083", {"se": "SE"})
>>> line.name, line.value, line.places
('SE', 2083/10000, 4)
>>> read_line("fail to reject H0", {}).value
'fail_to_reject'
>>> matches(sqrt_two(), read_line("r = 1.414", {"r": "r"}))
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from symbolic_mlmath.core.errors import InputError

__all__ = ["DECISIONS", "Line", "matches", "read_line", "show_line", "sqrt_two"]

#: How a decision line may be written -> the canonical decision.
DECISIONS = {
    "reject h0": "reject", "reject": "reject", "reject the null": "reject",
    "reject the null hypothesis": "reject", "reject null": "reject",
    "fail to reject h0": "fail_to_reject", "fail to reject": "fail_to_reject",
    "do not reject h0": "fail_to_reject", "don't reject h0": "fail_to_reject",
    "do not reject": "fail_to_reject", "fail to reject the null": "fail_to_reject",
    "accept h0": "fail_to_reject", "retain h0": "fail_to_reject",
    "fail to reject the null hypothesis": "fail_to_reject",
}


@dataclass(frozen=True)
class Line:
    """One line read: the quantity's canonical ``name``, the shown ``parts`` (exact values
    of the middle expressions, None where they use names), the ``value`` and the decimal
    ``places`` written for it (None: exact)."""

    name: str
    value: Any
    places: int | None = None
    parts: tuple = ()
    text: str = ""


def sqrt_two() -> Any:
    """The exact square root of 2 (a doctest helper)."""
    from sympy import sqrt

    return sqrt(2)


def _decision(text: str) -> str | None:
    from symbolic_mlmath.text import parse_text

    parse_text(text, name="line")
    words = " ".join(text.lower().replace("₀", "0").split())
    words = words.rstrip(".").replace("decision = ", "").replace("decision: ", "")
    return DECISIONS.get(words)


def _real(value: Any, text: str) -> None:
    """A line's value must be a finite real number (raises InputError)."""
    if getattr(value, "free_symbols", None) or not (getattr(value, "is_real", False) and
                                                     getattr(value, "is_finite", False)):
        raise InputError(f"{text.strip()[:40]} is not a finite real number", name="line")


def _places(text: str) -> int | None:
    from symbolic_mlmath.core.answers import decimal_places

    return decimal_places(text)


def read_line(raw: Any, names: dict[str, str]) -> Line:
    """One working line read through the text door (raises InputError).

    ``names`` maps every accepted spelling (lower case) to the canonical quantity name.
    """
    from symbolic_mlmath.text import parse_expr, parse_text, parse_value

    parse_text(raw, name="line", max_length=300)  # checks type, length and characters
    text = str(raw).strip()
    d = _decision(text)
    if d is not None:
        return Line("decision", d, None, (), text)
    parts = [p.strip() for p in text.split("=")]
    if len(parts) < 2 or not parts[0]:
        raise InputError("write the line as name = value (e.g. t = 2.304)", name="line")
    key = parts[0].lower().replace(" ", "").replace("̄", "bar")
    if key not in names:
        known = ", ".join(sorted(set(names.values())))
        raise InputError(f"unknown quantity {parts[0]!r} (known here: {known})", name="line")
    name = names[key]
    last = parts[-1]
    if not last:
        raise InputError("the line has no value after its last =", name="line")
    if name == "decision":
        d = _decision(last)
        if d is None:
            raise InputError("write the decision as 'reject H0' or 'fail to reject H0'",
                             name="line")
        return Line(name, d, None, (), text)
    if name == "CI":
        v = parse_value(last, name="interval")
        items = list(v) if hasattr(v, "__len__") else []
        if len(items) != 2:
            raise InputError("write the interval as (lower, upper)", name="line")
        for v in items:
            _real(v, last)
        ends = last.strip().strip("()[]").split(",")
        pl = [_places(e) for e in ends] if len(ends) == 2 else [None, None]
        return Line(name, tuple(items), max((p for p in pl if p is not None), default=None),
                    (), text)
    value = parse_expr(last, name=parts[0])
    if value.free_symbols:
        raise InputError(f"the last part of the line ({last}) must be a number", name="line")
    _real(value, last)
    shown = []
    for mid in parts[1:-1]:
        e = parse_expr(mid, name=parts[0])
        shown.append(None if e.free_symbols else e)
    return Line(name, value, _places(last), tuple(shown), text)


def matches(expected: Any, line: Line, slack: int = 0) -> bool:
    """Whether the line's value is ``expected`` to the places written (``slack`` units in the
    last place allowed, from 3 places on, for rounded earlier values; exact when no places are written)."""
    from sympy import Abs, N, Rational

    from symbolic_mlmath.core.decimals import within_rounding

    got = line.value
    if isinstance(expected, tuple) or isinstance(got, tuple):
        if not (isinstance(expected, tuple) and isinstance(got, tuple)):
            return False
        return all(matches(e, Line(line.name, g, line.places), slack)
                   for e, g in zip(expected, got, strict=True))
    if isinstance(expected, str) or isinstance(got, str):
        return expected == got
    if line.places is None:
        try:
            return bool(Abs(N(expected - got, 30)) < Rational(1, 10**20))
        except TypeError:
            return False
    ok = within_rounding(expected, got, line.places)
    if ok or slack <= 0 or line.places < 3:
        return bool(ok)
    return bool(Abs(N(expected - got, 30)) <= Rational(slack, 10**line.places))


def show_line(value: Any) -> str:
    """A value as a learner would write it (4 decimals, exact integers as integers)."""
    from sympy import N

    if isinstance(value, tuple):
        return "(" + ", ".join(show_line(v) for v in value) + ")"
    if isinstance(value, str):
        return value.replace("_", " ") + (" H0" if value in ("reject", "fail_to_reject") else "")
    if getattr(value, "is_Integer", False):
        return str(value)
    return f"{float(N(value, 20)):.4f}"

"""The one decimal rule, used for every kind of answer.

A decimal a learner writes with ``k`` places is right exactly when it is the exact value
correctly rounded to ``k`` places: ``|exact - written| <= 1/2 * 10^-k``. At an exact tie
(the exact value ends in a 5 just past the last written place, e.g. -2.875 to 2 places) both
neighbours are accepted (-2.87 and -2.88), because rounding half up, half away from zero and
half to even disagree there and all are taught. Truncating is not rounding: -2.8 for -2.875 is
wrong (1 place gives -2.9). An explicit tolerance (``abs_tol``, ``rel_tol``) replaces the rule:
then ``|exact - written| <= max(abs_tol, rel_tol * |exact|)``.

The same rule holds for a single number and for every entry of a vector, matrix, list,
multiset or set of assignments; answers unique only up to a scale (eigenvectors, the columns
of P in P D P^-1) are judged by whether some exact answer rounds to what was written. There the
scale is the learner's free choice, so it must not sit on a tie: an exact answer must lie
strictly inside every entry's rounding interval (``[1.0, -1.1]`` is not t [1, -1] rounded,
although t = 1.05 would make both entries ties).

Examples
========
>>> from sympy import Rational
>>> rounding_verdict(Rational(-23, 8), Rational(-28, 10), 1)[0]
False
>>> rounding_verdict(Rational(-23, 8), Rational(-29, 10), 1)[0]
True
>>> [rounding_verdict(Rational(-23, 8), Rational(v, 100), 2)[0] for v in (-287, -288, -286)]
[True, True, False]
>>> print(rounding_verdict(Rational(1, 60), Rational(2, 100), 2)[1])
0.02 is 1/60 = 0.016667 rounded to 2 decimal places
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "fixed",
    "half_unit",
    "places_phrase",
    "rounded",
    "rounding_verdict",
    "tolerance_radius",
    "tolerance_verdict",
    "within_rounding",
]


def places_phrase(places: int) -> str:
    """``"2 decimal places"`` / ``"1 decimal place"``.

    >>> places_phrase(1), places_phrase(3)
    ('1 decimal place', '3 decimal places')
    """
    return f"{places} decimal place{'' if places == 1 else 's'}"


def half_unit(places: int) -> Any:
    """Half a unit in the last place written: how far a correctly rounded decimal may be
    from the exact value.

    >>> half_unit(2)
    1/200
    """
    from sympy import Rational

    return Rational(1, 2 * 10**places)


def tolerance_radius(expected: Any, abs_tol: Any, rel_tol: Any) -> Any:
    """How far an answer may be from ``expected`` under an explicit tolerance:
    ``max(abs_tol, rel_tol * |expected|)`` (a missing tolerance counts as 0).

    >>> from sympy import Rational
    >>> tolerance_radius(Rational(-5), Rational(1, 10), Rational(1, 20))
    1/4
    """
    from sympy import Abs, Rational

    tol = Rational(0)
    if abs_tol is not None:
        tol = max(tol, abs_tol)
    if rel_tol is not None:
        tol = max(tol, rel_tol * Abs(expected))
    return tol


def fixed(value: Any, places: int) -> str:
    """A real number written with exactly ``places`` decimals (rounded half away from zero).

    >>> from sympy import Rational
    >>> fixed(Rational(-7, 10), 2), fixed(Rational(5, 6), 3), fixed(Rational(3), 0)
    ('-0.70', '0.833', '3')
    """
    r = rounded(value, places)[0]
    sign = "-" if r < 0 else ""
    scaled = abs(r) * 10**places
    n = int(scaled)
    whole, frac = divmod(n, 10**places)
    return f"{sign}{whole}" + (f".{frac:0{places}d}" if places > 0 else "")


def _rational(value: Any, places: int) -> Any:
    from sympy import N, Rational

    if value.is_Rational:
        return value
    return Rational(str(N(value, places + 30)))


def rounded(value: Any, places: int) -> list[Any]:
    """``value`` correctly rounded to ``places``: one Rational, or both neighbours at a tie.

    >>> from sympy import Rational
    >>> rounded(Rational(-23, 8), 2), rounded(Rational(1, 60), 2)
    ([-72/25, -287/100], [1/50])
    """
    from sympy import Rational, floor

    x = _rational(value, places)
    scale = 10**places
    y = abs(x) * scale
    low = floor(y)
    sign = -1 if x < 0 else 1
    if y - low == Rational(1, 2):
        return [sign * Rational(low + 1, scale), sign * Rational(low, scale)]
    n = low + 1 if y - low > Rational(1, 2) else low
    return [sign * Rational(n, scale)]


def within_rounding(expected: Any, got: Any, places: int) -> bool | None:
    """Whether ``got`` is ``expected`` correctly rounded to ``places`` (None: cannot tell)."""
    from sympy import Abs, N

    if getattr(expected, "free_symbols", None) or getattr(got, "free_symbols", None):
        return None
    half = half_unit(places)
    diff = expected - got
    if diff.is_Rational:
        return abs(diff) <= half
    try:
        err = N(Abs(diff), places + 30)
    except (TypeError, ValueError):
        return None
    if not err.is_Number:
        return None
    return bool(err <= half)


def rounding_verdict(expected: Any, got: Any, places: int) -> tuple[bool | None, str]:
    """``(correct, note)`` for a decimal ``got`` written with ``places`` places."""
    from sympy import N

    from symbolic_mlmath.render.formats import text_of

    ok = within_rounding(expected, got, places)
    if ok is None:
        return None, f"cannot compare the decimal {text_of(got)} with {text_of(expected)}"
    written = fixed(got, places) if got.is_Rational else text_of(got)
    shown = text_of(expected)
    approx = str(N(expected, max(places + 3, 5))) if not expected.is_Integer else shown
    about = shown if approx == shown else f"{shown} = {_trim(approx)}"
    if ok:
        return True, f"{written} is {about} rounded to {places_phrase(places)}"
    note = f"{written} is not {about} rounded to {places_phrase(places)}"
    if expected.is_extended_real:
        options = [fixed(r, places) for r in rounded(expected, places)]
        note += f"; that is {' or '.join(options)}" + (" (a tie)" if len(options) > 1 else "")
    return False, note


def _trim(text: str) -> str:
    if "." in text and "e" not in text.lower():
        text = text.rstrip("0").rstrip(".")
    return text


def tolerance_verdict(expected: Any, got: Any, abs_tol: Any, rel_tol: Any
                      ) -> tuple[bool | None, str]:
    """``(correct, note)``: ``|expected - got| <= max(abs_tol, rel_tol * |expected|)``."""
    from sympy import Abs, N

    from symbolic_mlmath.render.formats import text_of

    if getattr(expected, "free_symbols", None) or getattr(got, "free_symbols", None):
        return None, "tolerances apply to numbers only"
    tol = tolerance_radius(expected, abs_tol, rel_tol)
    diff = Abs(expected - got)
    err = diff if diff.is_Rational else N(diff, 30)
    ok = bool(err <= tol)
    tol_text = text_of(tol) if tol.is_Rational else _trim(str(N(tol, 8)))
    err_text = text_of(err) if err.is_Rational else _trim(str(N(err, 6)))
    return ok, (f"|{text_of(got)} - {text_of(expected)}| = {err_text} "
                f"{'<=' if ok else '>'} {tol_text} (the tolerance)")

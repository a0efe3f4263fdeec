"""The answer ladder: structural, exact, decimal, numeric at seeded points, else undecided.

:func:`compare` judges a learner's parsed answer against the exact expected value
and explains the outcome; tasks call it (or a comparison of their own built on
:func:`compare_scalar`) for their answers.

Examples
========
>>> from sympy import Rational, Matrix, symbols
>>> compare(Rational(5, 2), Rational(10, 4)).correct
True
>>> v = compare(Rational(4, 9), Rational(4444, 10000), text="0.4444")
>>> v.correct, v.method
(True, 'decimal')
>>> compare(Rational(4, 9), Rational(44, 100), text="0.44").correct
True
>>> compare(Rational(4, 9), Rational(45, 100), text="0.45").correct
False
>>> x = symbols("x")
>>> compare((x + 1)**2, x**2 + 2*x + 1).method
'exact'
>>> print(compare(Matrix([[1, 2], [3, 4]]), Matrix([[1, 2], [3, 5]])).details[0])
entry (2, 2): expected 4, got 5
"""

from __future__ import annotations

import random
import re
from typing import Any

from symbolic_mlmath.core.verdict import Verdict

__all__ = [
    "compare",
    "compare_multiset",
    "compare_scalar",
    "decimal_places",
    "normalize_choice",
]

_SAMPLES = 8
_SEED = 20261126
_DECIMAL = re.compile(r"^\s*[-+−]?\s*(\d*)\.(\d+)\s*$")


def decimal_places(text: Any) -> int | None:
    """The number of decimals a learner wrote (``"0.4444"`` -> 4), or None.

    Examples
    ========
    >>> decimal_places("0.4444"), decimal_places("2"), decimal_places(" -1.50 ")
    (4, None, 2)
    """
    if not isinstance(text, str):
        return None
    m = _DECIMAL.match(text)
    return len(m.group(2)) if m else None


def _significant(text: str) -> int:
    digits = re.sub(r"[^0-9]", "", text).lstrip("0")
    return len(digits)


def _txt(obj: Any) -> str:
    from symbolic_mlmath.render.formats import text_of

    return text_of(obj)


def _numeric_points(symbols: list, rng: random.Random) -> list[dict]:
    """Seeded points: positive ones first (most ML functions live there), then mixed signs."""
    from sympy import Rational

    pts = []
    for k in range(2 * _SAMPLES):
        lo = 1 if k < _SAMPLES else -2000
        pts.append({s: Rational(rng.randint(lo, 2000), 617) + Rational(1, 7919) for s in symbols})
    return pts


def _numeric_equal(e: Any, g: Any) -> tuple[bool | None, Any]:
    """Compare at seeded random points with mpmath; (verdict, counter-example point)."""
    import mpmath
    from sympy import lambdify

    syms = sorted(e.free_symbols | g.free_symbols, key=str)
    rng = random.Random(_SEED)
    try:
        fe = lambdify(syms, e, modules="mpmath")
        fg = lambdify(syms, g, modules="mpmath")
    except Exception:
        return None, None
    agreed = 0
    with mpmath.workdps(30):
        for pt in _numeric_points(syms, rng):
            args = [mpmath.mpf(int(pt[s].p)) / int(pt[s].q) for s in syms]
            try:
                a, b = fe(*args), fg(*args)
                a, b = mpmath.mpmathify(a), mpmath.mpmathify(b)
            except Exception:  # poles, domain errors, undefined functions: skip the point
                continue
            if not (mpmath.isfinite(a) and mpmath.isfinite(b)):
                continue
            real_a = mpmath.im(a) == 0 if isinstance(a, mpmath.mpc) else True
            real_b = mpmath.im(b) == 0 if isinstance(b, mpmath.mpc) else True
            if real_a != real_b:  # outside one side's real domain: not evidence either way
                continue
            scale = max(mpmath.mpf(1), abs(a), abs(b))
            if abs(a - b) > mpmath.mpf(10) ** -20 * scale:
                return False, pt
            agreed += 1
    return (True, None) if agreed >= 3 else (None, None)


def _exact_zero(diff: Any) -> bool | None:
    """Exact test that ``diff`` is zero: True, False (certainly non-zero), or None."""
    from sympy import cancel, expand

    from symbolic_mlmath.text.limits import get_limits

    if diff == 0:
        return True
    if diff.is_number:
        if diff.is_Rational:
            return False
        import mpmath

        with mpmath.workdps(60):
            try:
                val = complex(diff.evalf(50))
            except (TypeError, ValueError):
                return None
        if abs(val) > 1e-40:
            return False
        return True if diff.equals(0) else None
    if diff.count_ops() > get_limits().max_expr_nodes // 4:
        return None
    e = expand(diff)
    if e == 0:
        return True
    try:
        if cancel(e) == 0:
            return True
    except Exception:
        return None
    return None


def compare_scalar(
    expected: Any,
    got: Any,
    *,
    text: Any = None,
    abs_tol: Any = None,
    rel_tol: Any = None,
) -> tuple[bool | None, str, str]:
    """Judge one value: ``(correct, method, note)``.

    ``text`` is what the learner typed, used to honour the precision of a decimal.
    """
    from sympy import Abs, Rational

    from symbolic_mlmath.text.options import parse_tolerance

    if expected == got:
        return True, "structural", ""
    if not hasattr(got, "free_symbols") or not hasattr(expected, "free_symbols"):
        return False, "structural", f"expected {_txt(expected)}, got {_txt(got)}"
    try:
        diff = expected - got
    except TypeError:
        return False, "structural", f"expected {_txt(expected)}, got {_txt(got)}"
    if abs_tol is not None or rel_tol is not None:
        if expected.free_symbols or got.free_symbols:
            return None, "undecided", "tolerances apply to numbers only"
        err = Abs(diff).evalf(30)
        tol = Rational(0)
        if abs_tol is not None:
            tol = max(tol, parse_tolerance(abs_tol, name="abs_tol"))
        if rel_tol is not None:
            tol = max(tol, parse_tolerance(rel_tol, name="rel_tol") * Abs(expected).evalf(30))
        ok = bool(err <= tol)
        note = f"|{_txt(got)} - {_txt(expected)}| = {err.evalf(6)} {'<=' if ok else '>'} {tol}"
        return ok, "tolerance", note
    exact = _exact_zero(diff)
    if exact is True:
        return True, "exact", ""
    if not expected.free_symbols and not got.free_symbols:
        places = decimal_places(text)
        if places is not None and not got.free_symbols:
            ev = expected.evalf(places + 20)
            unit = Rational(1, 10**places)
            err = Abs(diff).evalf(places + 20)
            if _significant(str(text)) >= 2 and (err <= unit / 2 or (err < unit and
                                                 Abs(got).evalf(30) < Abs(ev))):
                return True, "decimal", (
                    f"{text.strip()} agrees with {_txt(expected)} = {ev.evalf(places + 3)} to the "
                    f"{places} decimal place{'s' if places > 1 else ''} given; the exact value "
                    f"is {_txt(expected)}"
                )
            return False, "decimal", (
                f"{text.strip()} is not {_txt(expected)} = {ev.evalf(places + 3)} to "
                f"{places} decimal place{'s' if places > 1 else ''}"
            )
        if exact is False:
            return False, "exact", f"expected {_txt(expected)}, got {_txt(got)}"
    ok, point = _numeric_equal(expected, got)
    if ok is True:
        return True, "numeric", "equal at seeded random points (30 digits)"
    if ok is False:
        where = ", ".join(f"{k} = {v}" for k, v in point.items()) if point else ""
        return False, "numeric", (
            f"expected {_txt(expected)}, got {_txt(got)}; they differ"
            + (f" at {where}" if where else "")
        )
    return None, "undecided", f"could not decide whether {_txt(got)} equals {_txt(expected)}"


_CHOICES = {
    "unique": {"unique", "one", "1", "exactly one", "one solution", "a unique solution",
               "unique solution", "single", "consistent and independent"},
    "infinite": {"infinite", "infinitely many", "many", "inf", "infinity", "oo", "∞",
                 "infinitely many solutions", "infinite solutions", "dependent"},
    "none": {"none", "no", "0", "no solution", "no solutions", "inconsistent", "zero"},
}


def normalize_choice(text: Any, choices: dict[str, set[str]] | None = None) -> str | None:
    """Map a learner's wording of a choice to its canonical name (or None).

    Examples
    ========
    >>> normalize_choice("Infinitely many"), normalize_choice("no solution")
    ('infinite', 'none')
    """
    if not isinstance(text, str):
        return None
    def norm1(w: str) -> str:
        w = w.strip().lower().replace("-", " ").replace("solutions", "solution")
        return " ".join(w.split()).rstrip(".!")

    t = norm1(text)
    for name, words in (choices or _CHOICES).items():
        norm = {norm1(w) for w in words}
        if t == name or t in norm:
            return name
    return None


def _verdict(ok: bool | None, method: str, note: str, expected: Any, got: Any,
             details: tuple[str, ...] = ()) -> Verdict:
    if ok is True:
        fb = f"Correct: {_txt(got)}." + (f" {note[0].upper()}{note[1:]}." if note else "")
    elif ok is False:
        fb = f"Not correct: {note}." if note else f"Not correct: expected {_txt(expected)}."
    else:
        fb = f"Undecided: {note}." if note else "Undecided."
    return Verdict(ok, method, fb, expected=expected, got=got, details=details)


def compare(
    expected: Any,
    got: Any,
    *,
    text: Any = None,
    abs_tol: Any = None,
    rel_tol: Any = None,
) -> Verdict:
    """Judge a parsed answer against the exact expected value, with feedback.

    Numbers and expressions climb the ladder; matrices compare entry by entry and
    name the wrong entries; dicts compare key by key; lists in order.
    """
    from sympy import Basic, MatrixBase
    from sympy.core.sympify import _sympify

    if isinstance(expected, int | float) and not isinstance(expected, bool):
        expected = _sympify(expected)
    if isinstance(got, int | float) and not isinstance(got, bool):
        got = _sympify(got)
    if isinstance(expected, bool):
        if isinstance(got, bool) or got in (0, 1):
            ok = bool(got) == expected
            note = "" if ok else f"expected {expected}, got {bool(got)}"
            return _verdict(ok, "structural", note, expected, bool(got))
        return _verdict(False, "structural", f"expected true or false, got {_txt(got)}",
                        expected, got)
    if isinstance(expected, MatrixBase):
        if not isinstance(got, MatrixBase):
            return _verdict(False, "structural", f"expected a {expected.rows}x{expected.cols} "
                            f"matrix, got {_txt(got)}", expected, got)
        if got.shape != expected.shape:
            return _verdict(False, "structural", f"expected a {expected.rows}x{expected.cols} "
                            f"matrix, got {got.rows}x{got.cols}", expected, got)
        wrong, methods, undecided = [], set(), False
        for i in range(expected.rows):
            for j in range(expected.cols):
                ok, method, _ = compare_scalar(expected[i, j], got[i, j])
                methods.add(method)
                if ok is False:
                    wrong.append(f"entry ({i + 1}, {j + 1}): expected {_txt(expected[i, j])}, "
                                 f"got {_txt(got[i, j])}")
                elif ok is None:
                    undecided = True
        method = "exact" if methods <= {"structural", "exact"} else "numeric"
        if wrong:
            n = len(wrong)
            note = f"{n} entr{'y is' if n == 1 else 'ies are'} wrong: " + "; ".join(wrong[:6])
            return _verdict(False, method, note, expected, got, tuple(wrong))
        if undecided:
            return _verdict(None, "undecided", "some entries could not be decided", expected, got)
        return _verdict(True, method, "", expected, got)
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return _verdict(False, "structural", f"expected values for "
                            f"{', '.join(map(str, expected))}", expected, got)
        ek = {str(k): v for k, v in expected.items()}
        gk = {str(k): v for k, v in got.items()}
        missing = [k for k in ek if k not in gk]
        extra = [k for k in gk if k not in ek]
        if missing or extra:
            bits = ([f"missing {', '.join(missing)}"] if missing else []) + (
                [f"unexpected {', '.join(extra)}"] if extra else [])
            return _verdict(False, "structural", "; ".join(bits), expected, got)
        wrong = []
        methods = set()
        for k in ek:
            ok, method, note = compare_scalar(ek[k], gk[k])
            methods.add(method)
            if ok is not True:
                wrong.append(f"{k}: expected {_txt(ek[k])}, got {_txt(gk[k])}")
        method = "exact" if methods <= {"structural", "exact"} else "numeric"
        if wrong:
            return _verdict(False, method, "; ".join(wrong), expected, got, tuple(wrong))
        return _verdict(True, method, "", expected, got)
    if isinstance(expected, list | tuple):
        if not isinstance(got, list | tuple) or len(got) != len(expected):
            return _verdict(False, "structural", f"expected {len(expected)} values", expected, got)
        for k, (e, g) in enumerate(zip(expected, got, strict=True)):
            sub = compare(e, g)
            if sub.correct is not True:
                return _verdict(sub.correct, sub.method, f"item {k + 1}: {sub.feedback}",
                                expected, got)
        return _verdict(True, "exact", "", expected, got)
    if isinstance(expected, str):
        name = normalize_choice(got if isinstance(got, str) else str(got))
        ok = name == expected
        return _verdict(ok, "structural", "" if ok else f"expected {expected}, got {got}",
                        expected, got)
    if isinstance(expected, Basic) and isinstance(got, Basic):
        ok, method, note = compare_scalar(expected, got, text=text, abs_tol=abs_tol,
                                          rel_tol=rel_tol)
        return _verdict(ok, method, note, expected, got)
    return _verdict(False, "structural", f"expected {_txt(expected)}, got {_txt(got)}",
                    expected, got)


def compare_multiset(expected: list, got: list) -> Verdict:
    """Judge a list compared as a multiset (any order; multiplicities count).

    Examples
    ========
    >>> from sympy import Integer
    >>> compare_multiset([Integer(1), Integer(2), Integer(2)], [Integer(2), Integer(1),
    ...                  Integer(2)]).correct
    True
    """
    remaining = list(got)
    missing = []
    for e in expected:
        for k, g in enumerate(remaining):
            if compare_scalar(e, g)[0] is True:
                del remaining[k]
                break
        else:
            missing.append(e)
    if not missing and not remaining:
        return _verdict(True, "exact", "", expected, got)
    bits = []
    if missing:
        bits.append("missing " + ", ".join(_txt(m) for m in missing))
    if remaining:
        bits.append("not expected " + ", ".join(_txt(r) for r in remaining))
    return _verdict(False, "exact", "; ".join(bits), expected, got)

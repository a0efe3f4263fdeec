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

from symbolic_mlmath.core.exact import is_zero
from symbolic_mlmath.core.verdict import Verdict

__all__ = [
    "compare",
    "compare_multiset",
    "compare_scalar",
    "decimal_note",
    "decimal_places",
    "match_multiset",
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


def _places_of(text: Any) -> list[int | None] | None:
    from symbolic_mlmath.text.precision import written_places

    return None if text is None else written_places(text)


def _one(places: list[int | None] | None) -> int | None:
    return places[0] if places is not None and len(places) == 1 else None


def compare_scalar(
    expected: Any,
    got: Any,
    *,
    text: Any = None,
    abs_tol: Any = None,
    rel_tol: Any = None,
    places: int | None = None,
) -> tuple[bool | None, str, str]:
    """Judge one value: ``(correct, method, note)``.

    ``places`` (or ``text``, what the learner typed) gives the decimal places written: a
    decimal is judged by the one decimal rule (``core.decimals``); tolerances, when given,
    replace that rule.
    """
    from symbolic_mlmath.core import decimals
    from symbolic_mlmath.text.options import parse_tolerance

    if places is None and text is not None:
        places = _one(_places_of(text))
    if expected == got and (places is None or abs_tol is not None or rel_tol is not None):
        return True, "structural", ""
    if not hasattr(got, "free_symbols") or not hasattr(expected, "free_symbols"):
        return False, "structural", f"expected {_txt(expected)}, got {_txt(got)}"
    try:
        diff = expected - got
    except TypeError:
        return False, "structural", f"expected {_txt(expected)}, got {_txt(got)}"
    if abs_tol is not None or rel_tol is not None:
        ok, note = decimals.tolerance_verdict(
            expected, got, parse_tolerance(abs_tol, name="abs_tol"),
            parse_tolerance(rel_tol, name="rel_tol"))
        return ok, ("tolerance" if ok is not None else "undecided"), note
    if places is not None and not expected.free_symbols and not got.free_symbols:
        ok, note = decimals.rounding_verdict(expected, got, places)
        if ok is not None:
            if ok and is_zero(diff) is True:
                return True, "exact", ""
            return ok, "decimal", note
    exact = is_zero(diff)
    if exact is True:
        return True, "exact", ""
    if not expected.free_symbols and not got.free_symbols and exact is False:
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
    table = {name: {norm1(w) for w in words} for name, words in (choices or _CHOICES).items()}
    for candidate in (t, _without_filler(t)):
        for name, norm in table.items():
            if candidate == name or candidate in norm:
                return name
    return None


_FILLER = re.compile(
    r"^(?:(?:the|this|that|our|a|an|it|so|thus|hence|therefore|answer:?)\s+)*"
    r"(?:(?:linear\s+)?system|matrix|equations?|set of equations|vectors?|map|a)?\s*"
    r"(?:has|have|is|are|there\s+is|there\s+are|does|do)?\s*(?:exactly\s+)?")


def _without_filler(text: str) -> str:
    """``the system has no solution`` -> ``no solution``; ``it is singular`` -> ``singular``."""
    out = _FILLER.sub("", text, count=1).strip()
    out = re.sub(r"^there\s+(?:is|are)\s+", "", out)
    return out


def _verdict(ok: bool | None, method: str, note: str, expected: Any, got: Any,
             details: tuple[str, ...] = ()) -> Verdict:
    if ok is True:
        fb = f"Correct: {_txt(got)}." + (f" {note[0].upper()}{note[1:]}." if note else "")
    elif ok is False:
        fb = f"Not correct: {note}." if note else f"Not correct: expected {_txt(expected)}."
    else:
        fb = f"Undecided: {note}." if note else "Undecided."
    return Verdict(ok, method, fb, expected=expected, got=got, details=details)


def _leaf_count(value: Any) -> int:
    from sympy import MatrixBase

    if isinstance(value, MatrixBase):
        return len(value)
    if isinstance(value, dict):
        return sum(_leaf_count(v) for v in value.values())
    if isinstance(value, list | tuple):
        return sum(_leaf_count(v) for v in value)
    return 1


def _split(places: list[int | None] | None, items: list[Any]) -> list[Any]:
    """The written places of each item (a list per item), or None per item when unknown."""
    if places is None or len(places) != sum(_leaf_count(x) for x in items):
        return [None] * len(items)
    out, k = [], 0
    for x in items:
        n = _leaf_count(x)
        out.append(places[k:k + n])
        k += n
    return out


def decimal_note(methods: set[str], places: list[int | None] | None) -> str:
    """The sentence a verdict adds when decimals were judged by the rounding rule."""
    from symbolic_mlmath.core.decimals import places_phrase

    if "decimal" not in methods:
        return ""
    used = {p for p in (places or []) if p is not None}
    if len(used) == 1:
        return f"correct to {places_phrase(used.pop())} (each decimal is the exact value rounded)"
    return "correct to the decimal places written (each decimal is the exact value rounded)"


def _method(methods: set[str]) -> str:
    for m in ("decimal", "tolerance", "numeric"):
        if m in methods:
            return m
    return "exact"


def compare(
    expected: Any,
    got: Any,
    *,
    text: Any = None,
    abs_tol: Any = None,
    rel_tol: Any = None,
    places: list[int | None] | None = None,
) -> Verdict:
    """Judge a parsed answer against the exact expected value, with feedback.

    Numbers and expressions climb the ladder; matrices compare entry by entry and
    name the wrong entries; dicts compare key by key; lists in order. Decimals follow the
    one decimal rule entry by entry (the places written are read from ``text``, or given as
    ``places``, one per leaf in reading order); tolerances apply to every entry.

    >>> from sympy import Matrix, Rational
    >>> compare(Matrix([[Rational(3, 5)], [Rational(2, 5)]]), Matrix([[Rational(6, 10)],
    ...         [Rational(5, 10)]]), text="[0.6, 0.5]").details
    ('entry (2, 1): 0.5 is not 2/5 = 0.4 rounded to 1 decimal place; that is 0.4',)
    """
    from sympy import Basic, MatrixBase
    from sympy.core.sympify import _sympify

    if places is None and text is not None:
        places = _places_of(text)
    tol = {"abs_tol": abs_tol, "rel_tol": rel_tol}
    if isinstance(expected, int | float) and not isinstance(expected, bool):
        expected = _sympify(expected)
    if isinstance(got, int | float) and not isinstance(got, bool):
        got = _sympify(got)
    from symbolic_mlmath.core.imaginary import imaginary_unit

    got = imaginary_unit(expected, got)
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
        each = places if places is not None and len(places) == len(got) else [None] * len(got)
        wrong, methods, undecided = [], set(), False
        for i in range(expected.rows):
            for j in range(expected.cols):
                p = each[i * expected.cols + j]
                ok, method, note = compare_scalar(expected[i, j], got[i, j], places=p, **tol)
                methods.add(method)
                if ok is False:
                    why = note if method in ("decimal", "tolerance") else (
                        f"expected {_txt(expected[i, j])}, got {_txt(got[i, j])}")
                    wrong.append(f"entry ({i + 1}, {j + 1}): {why}")
                elif ok is None:
                    undecided = True
        method = _method(methods)
        if wrong:
            n = len(wrong)
            note = f"{n} entr{'y is' if n == 1 else 'ies are'} wrong: " + "; ".join(wrong[:6])
            return _verdict(False, method, note, expected, got, tuple(wrong))
        if undecided:
            return _verdict(None, "undecided", "some entries could not be decided", expected, got)
        note = decimal_note(methods, each)
        if note:
            note += f"; the exact answer is {_txt(expected)}"
        return _verdict(True, method, note, expected, got)
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
        each = dict(zip(gk, _split(places, list(gk.values())), strict=True))
        wrong = []
        methods = set()
        for k in ek:
            ok, method, note = compare_scalar(ek[k], gk[k], places=_one(each[k]), **tol)
            methods.add(method)
            if ok is not True:
                why = note if method in ("decimal", "tolerance") and note else (
                    f"expected {_txt(ek[k])}, got {_txt(gk[k])}")
                wrong.append(f"{k}: {why}")
        method = _method(methods)
        if wrong:
            return _verdict(False, method, "; ".join(wrong), expected, got, tuple(wrong))
        return _verdict(True, method, decimal_note(methods, places), expected, got)
    if isinstance(expected, list | tuple):
        if not isinstance(got, list | tuple) or len(got) != len(expected):
            return _verdict(False, "structural", f"expected {len(expected)} values", expected, got)
        methods = set()
        parts = _split(places, list(got))
        for k, (e, g) in enumerate(zip(expected, got, strict=True)):
            sub = compare(e, g, places=parts[k], **tol)
            methods.add(sub.method)
            if sub.correct is not True:
                return _verdict(sub.correct, sub.method, f"item {k + 1}: {sub.feedback}",
                                expected, got)
        return _verdict(True, _method(methods), decimal_note(methods, places), expected, got)
    if isinstance(expected, str):
        name = normalize_choice(got if isinstance(got, str) else str(got))
        ok = name == expected
        return _verdict(ok, "structural", "" if ok else f"expected {expected}, got {got}",
                        expected, got)
    if isinstance(expected, Basic) and isinstance(got, Basic):
        ok, method, note = compare_scalar(expected, got, places=_one(places), **tol)
        return _verdict(ok, method, note, expected, got)
    return _verdict(False, "structural", f"expected {_txt(expected)}, got {_txt(got)}",
                    expected, got)


def match_multiset(expected: list, got: list, *, places: list[int | None] | None = None,
                   abs_tol: Any = None, rel_tol: Any = None) -> tuple[list, list, set[str]]:
    """Pair learner values with expected ones (any order, multiplicities count).

    Returns ``(missing expected values, unmatched learner values, methods used)``. Each
    learner value is judged by the one rule (exact, its written decimals, or the
    tolerance); the pairing is a maximum matching, so the order of a list never matters.
    """
    each = places if places is not None and len(places) == len(got) else [None] * len(got)
    tol = {"abs_tol": abs_tol, "rel_tol": rel_tol}
    fits: list[list[int]] = []
    methods: set[str] = set()
    how: dict[tuple[int, int], str] = {}
    for i, e in enumerate(expected):
        row = []
        for j, g in enumerate(got):
            ok, method, _ = compare_scalar(e, g, places=each[j], **tol)
            if ok is True:
                row.append(j)
                how[i, j] = method
        fits.append(row)
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in fits[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    matched = {i for i in range(len(expected)) if augment(i, set())}
    for j, i in owner.items():
        methods.add(how[i, j])
    missing = [e for i, e in enumerate(expected) if i not in matched]
    extra = [g for j, g in enumerate(got) if j not in owner]
    return missing, extra, methods


def compare_multiset(expected: list, got: list, *, text: Any = None,
                     places: list[int | None] | None = None, abs_tol: Any = None,
                     rel_tol: Any = None) -> Verdict:
    """Judge a list compared as a multiset (any order; multiplicities count).

    Examples
    ========
    >>> from sympy import Integer, Rational
    >>> compare_multiset([Integer(1), Integer(2), Integer(2)], [Integer(2), Integer(1),
    ...                  Integer(2)]).correct
    True
    >>> compare_multiset([Rational(1, 3), Rational(2, 3)], [Rational(67, 100),
    ...                  Rational(33, 100)], text="0.67, 0.33").method
    'decimal'
    """
    if places is None and text is not None:
        places = _places_of(text)
    missing, remaining, methods = match_multiset(expected, got, places=places, abs_tol=abs_tol,
                                                 rel_tol=rel_tol)
    if not missing and not remaining:
        return _verdict(True, _method(methods), decimal_note(methods, places), expected, got)
    bits = []
    if missing:
        bits.append("missing " + ", ".join(_txt(m) for m in missing))
    if remaining:
        bits.append("not expected " + ", ".join(_txt(r) for r in remaining))
    return _verdict(False, _method(methods), "; ".join(bits), expected, got)

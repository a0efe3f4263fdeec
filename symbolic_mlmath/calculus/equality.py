"""Are two expressions the same function? Exact first where cheap, then numeric, else undecided.

The checks every calculus verifier and answer check share. :func:`numeric_equal`
evaluates both sides at seeded rational points with mpmath (30 digits), skipping points
outside either side's real domain, and needs at least three agreeing points; σ and
softplus are rewritten into ``exp``/``log`` first. :func:`exact_equal` is cheap exact
algebra (``expand``, ``cancel`` with the functions as atoms). :func:`same_function`
tries exact, then numeric: True, False or None (undecided, never a guess).

Examples
========
>>> from sympy import Symbol, exp, sin, cos, cosh
>>> from symbolic_mlmath.calculus.functions import sigmoid
>>> x = Symbol("x")
>>> same_function(sigmoid(x) * (1 - sigmoid(x)), exp(-x) / (1 + exp(-x)) ** 2)
True
>>> same_function(sigmoid(x) * (1 - sigmoid(x)), 1 / (4 * cosh(x / 2) ** 2))
True
>>> same_function(sin(x) ** 2 + cos(x) ** 2, 1)
True
>>> same_function(2 * x, x**2)
False
"""

from __future__ import annotations

import functools
import random
from typing import Any

__all__ = [
    "confirmed",
    "exact_equal",
    "numeric_equal",
    "real_symbols",
    "same_function",
    "sample_points",
    "sympy_derivative",
]

_SEED = 20260512
_DPS = 30


def real_symbols(*exprs: Any) -> tuple[tuple[Any, ...], dict]:
    """``exprs`` with every free symbol made real (same names), and the map back."""
    from sympy import Symbol

    syms = set()
    for e in exprs:
        syms |= getattr(e, "free_symbols", set())
    fwd = {s: Symbol(s.name, real=True) for s in syms if s.is_real is not True}
    back = {v: k for k, v in fwd.items()}
    return tuple(e.xreplace(fwd) if fwd and hasattr(e, "xreplace") else e for e in exprs), back


def sample_points(symbols: list, count: int = 8, seed: int = _SEED) -> list[dict]:
    """Seeded points (exact rationals with large denominators): positive ones (most ML
    functions live there, some inside (0, 1)), then points of both signs."""
    from sympy import Rational

    rng = random.Random(seed)
    pts = []
    for k in range(2 * count):
        if k < count // 2:
            lo, hi = 1, 616  # inside (0, 1)
        elif k < count:
            lo, hi = 1, 2000
        else:
            lo, hi = -2000, 2000
        pts.append({s: Rational(rng.randint(lo, hi), 617) + Rational(1, 7919) for s in symbols})
    return pts


def numeric_equal(a: Any, b: Any, *, count: int = 8, dps: int = _DPS) -> tuple[bool | None, Any]:
    """Compare ``a`` and ``b`` at seeded points: ``(verdict, a point where they differ)``.

    The values of an expression at the points are remembered (a bounded cache): grading a
    class compares the same right answer with every learner's line.
    """
    import mpmath

    from .functions import to_elementary

    a, b = to_elementary(a), to_elementary(b)
    syms = tuple(sorted(getattr(a, "free_symbols", set()) | getattr(b, "free_symbols", set()),
                        key=str))
    va_all, vb_all = _values(a, syms, count, dps), _values(b, syms, count, dps)
    if va_all is None or vb_all is None:
        return None, None
    agreed = off_line = 0
    with mpmath.workdps(dps):
        tol = mpmath.mpf(10) ** (-(dps - 10))
        for k, (va, vb) in enumerate(zip(va_all, vb_all, strict=True)):
            if va is None or vb is None:  # a pole, a domain error, an undefined function
                continue
            if not (mpmath.isfinite(va) and mpmath.isfinite(vb)):
                continue
            close = abs(va - vb) <= tol * max(mpmath.mpf(1), abs(va), abs(vb))
            if mpmath.im(va) != 0 or mpmath.im(vb) != 0:
                # Outside the real domain of one side: a disagreement is no evidence
                # (log(x^2) and 2 log(x) differ there), an agreement of two complex
                # values counts only when the functions are nowhere real (sqrt(-x^2)).
                off_line += bool(close)
                continue
            if not close:
                return False, sample_points(list(syms), count)[k]
            agreed += 1
    if agreed >= 3 or (agreed == 0 and off_line >= 3):
        return True, None
    return None, None


def _hashable(e: Any) -> bool:
    try:
        hash(e)
    except TypeError:
        return False
    return True


def _values(e: Any, syms: tuple, count: int, dps: int) -> tuple | None:
    """``e`` at the seeded points of ``syms`` (None where it fails), or None when it
    cannot be evaluated at all; remembered for hashable expressions."""
    if _hashable(e):
        return _values_cached(e, syms, count, dps)
    return _values_now(e, syms, count, dps)


def _values_now(e: Any, syms: tuple, count: int, dps: int) -> tuple | None:
    import mpmath
    from sympy import lambdify

    try:
        f = lambdify(syms, e, modules="mpmath")
    except Exception:
        return None
    out: list = []
    with mpmath.workdps(dps):
        for args in _points_mpf(syms, count, dps):
            try:
                out.append(mpmath.mpmathify(f(*args)))
            except Exception:
                out.append(None)
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def _values_cached(e: Any, syms: tuple, count: int, dps: int) -> tuple | None:
    return _values_now(e, syms, count, dps)


@functools.lru_cache(maxsize=256)
def _points_mpf(syms: tuple, count: int, dps: int) -> tuple:
    import mpmath

    with mpmath.workdps(dps):
        return tuple(tuple(mpmath.mpf(int(pt[s].p)) / int(pt[s].q) for s in syms)
                     for pt in sample_points(list(syms), count))


def exact_equal(a: Any, b: Any, *, max_ops: int = 200) -> bool | None:
    """True when cheap exact algebra shows ``a == b``; None when it cannot tell."""
    from sympy import cancel, count_ops, expand

    if a == b:
        return True
    try:
        d = a - b
    except TypeError:
        return None
    if d == 0:
        return True
    if count_ops(d) > max_ops:
        return None
    if _numerator_vanishes(d):
        return True
    e = expand(d)
    if e == 0:
        return True
    if e.is_Rational:
        return False
    if count_ops(e) > 2 * max_ops:
        return None  # cancel on a large expansion can take seconds: the numeric rung decides
    try:
        return True if cancel(e) == 0 else None
    except Exception:  # cancel refuses some expressions
        return None


def _numerator_vanishes(d: Any) -> bool:
    """``d`` over a common denominator has a numerator that is the zero polynomial in its
    atoms (x, exp(x), sqrt(x), ... taken as independent generators): then ``d`` is 0.

    The converse is not claimed (sqrt(x)**2 - x is 0 without this showing it).
    """
    from sympy import Poly, together
    from sympy.polys.polyerrors import BasePolynomialError

    try:
        num = together(d).as_numer_denom()[0]
        if num == 0:
            return True
        if num.is_number:
            return False
        return bool(Poly(num).is_zero)
    except (BasePolynomialError, TypeError, ValueError):
        return False


def same_function(a: Any, b: Any, *, count: int = 8) -> bool | None:
    """Whether ``a`` and ``b`` are the same function: exact, then numeric, else None."""
    from sympy.core.sympify import _sympify

    a, b = _sympify(a), _sympify(b)
    if exact_equal(a, b) is True:
        return True
    ok, _ = numeric_equal(a, b, count=count)
    return ok


def confirmed(ours: Any, reference: Any) -> Any:
    """SymPy's ``reference`` answer, in the form of ``ours`` when the two are the same function.

    A derivation's ``validate`` compares its result with its reference by exact algebra,
    which cannot see identities such as sec² = 1 + tan²; this confirms them with
    :func:`same_function` first (exact, then 30-digit values at seeded points) and
    otherwise hands back SymPy's answer unchanged, so a wrong result still fails.
    """
    from sympy import MatrixBase

    if isinstance(ours, MatrixBase) and isinstance(reference, MatrixBase):
        if ours.shape == reference.shape and all(
                same_function(a, b) is True for a, b in zip(ours, reference, strict=True)):
            return ours
        return reference
    try:
        return ours if same_function(ours, reference) is True else reference
    except (TypeError, ValueError):
        return reference


def sympy_derivative(expr: Any, var: Any, n: int = 1) -> Any:
    """SymPy's own ``diff`` of ``expr``, variables taken real (so |x|' is sign(x)), in the
    original symbols: the independent reference every derivation is checked against."""
    from sympy import diff

    (e,), back = real_symbols(expr)
    v = next((s for s in e.free_symbols if s.name == var.name), var)
    return diff(e, v, n).xreplace(back)

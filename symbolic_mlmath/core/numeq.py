"""Equality of two expressions by seeded high-precision values: the numeric rung.

Exact algebra (``expand``, ``cancel``) cannot see identities such as sec² x = 1 + tan² x
or 1/(1 + e^(−x)) = σ(x). :func:`numeric_same` decides them by value: every free symbol
is taken real (keeping its sign and integer assumptions), unevaluated derivatives are
evaluated, and both sides are evaluated with ``evalf`` (mpmath) to 30 digits at seeded
rational points (inside (0, 1), positive, both signs). A point outside either side's
real domain (a pole, a complex value, an undefined function) gives no evidence and is
skipped. One disagreeing point decides False; at least three agreeing points and no
disagreeing one decide True; anything else is None (undecided, never a guess). Sizes
are bounded: an expression larger than ``max_ops`` operations is undecided.

Agreement at random high-precision points is how identities of analytic functions are
tested in practice (a non-zero analytic difference vanishes only on a thin set); pieces
that agree except at single points (``sign(x)`` and its ``Piecewise``) count as equal.

Examples
========
>>> from sympy import Symbol, exp, sec, tan, sin, cos
>>> x = Symbol("x")
>>> numeric_same(sec(x) ** 2, 1 + tan(x) ** 2)
True
>>> numeric_same(sin(x) ** 2 + cos(x) ** 2, 1)
True
>>> numeric_same(sec(x) ** 2, tan(x) ** 2)
False
>>> numeric_same(1 / (1 + exp(-x)), 1 / (1 + exp(x)))
False
"""

from __future__ import annotations

import random
from typing import Any

__all__ = ["numeric_same", "sample_points"]

_SEED = 20261130
_DPS = 30


def sample_points(symbols: list, count: int = 8, seed: int = _SEED) -> list[dict]:
    """Seeded exact rational points for ``symbols`` (large denominators), respecting each
    symbol's sign and integer assumptions: a quarter inside (0, 1), a quarter in (0, 3),
    half of both signs in (-3, 3)."""
    from sympy import Integer, Rational

    rng = random.Random(seed)
    pts = []
    for k in range(count):
        pt = {}
        for s in symbols:
            if s.is_integer:
                v = Integer(rng.randint(1, 9) if k < count // 2 else rng.randint(-9, 9))
            elif k < count // 4:
                v = Rational(rng.randint(1, 616), 617) + Rational(1, 7919)
            elif k < count // 2:
                v = Rational(rng.randint(1, 1850), 617) + Rational(1, 7919)
            else:
                v = Rational(rng.randint(-1850, 1850), 617) + Rational(1, 7919)
            if (s.is_nonnegative and v < 0) or (s.is_positive and v <= 0):
                v = -v if v < 0 else v + 1
            if (s.is_nonpositive and v > 0) or (s.is_negative and v >= 0):
                v = -v if v > 0 else v - 1
            pt[s] = v
        pts.append(pt)
    return pts


def _real(a: Any, b: Any) -> tuple[Any, Any, list]:
    """Both sides with every symbol made real (same name, sign and integer kept)."""
    from sympy import Derivative, Symbol

    syms = set(a.free_symbols) | set(b.free_symbols)
    fwd = {}
    for s in syms:
        if s.is_real is not True and isinstance(s, Symbol):
            keep = {k: True for k in ("integer", "positive", "negative", "nonnegative",
                                      "nonpositive") if getattr(s, f"is_{k}")}
            fwd[s] = Symbol(s.name, real=True, **keep)
    out = []
    for e in (a, b):
        e = e.xreplace(fwd) if fwd else e
        if e.has(Derivative):
            e = e.doit()
        out.append(e)
    return out[0], out[1], sorted(set(out[0].free_symbols) | set(out[1].free_symbols), key=str)


def _value(e: Any, pt: dict, dps: int) -> Any:
    """The real value of ``e`` at ``pt`` to ``dps`` digits, or None outside its domain."""
    from sympy import Float, nan, zoo

    try:
        v = e.xreplace(pt).evalf(dps)
    except (TypeError, ValueError, ZeroDivisionError, ArithmeticError, RecursionError):
        return None
    if not getattr(v, "is_number", False) or v.has(nan, zoo):
        return None
    re, im = v.as_real_imag()
    if not (re.is_Number and im.is_Number and re.is_finite and im.is_finite):
        return None
    if abs(im) > Float(10) ** (-(dps - 10)) * max(1, abs(re)):
        return None
    return re


def numeric_same(a: Any, b: Any, *, count: int = 8, dps: int = _DPS,
                 max_ops: int = 2000) -> bool | None:
    """Whether ``a`` and ``b`` have the same value at seeded real points: True, False, or
    None when undecided (too large, not symbols, fewer than three points in the domain)."""
    from sympy import Basic, Float, Symbol, count_ops
    from sympy.core.sympify import _sympify

    try:
        a, b = _sympify(a), _sympify(b)
    except Exception:
        return None
    if not (isinstance(a, Basic) and isinstance(b, Basic)):
        return None
    if not all(isinstance(s, Symbol) for s in a.free_symbols | b.free_symbols):
        return None
    if count_ops(a) + count_ops(b) > max_ops:
        return None
    try:
        a, b, syms = _real(a, b)
    except Exception:
        return None
    tol = Float(10, dps) ** (-(dps - 10))
    agreed = 0
    for pt in sample_points(syms, count) if syms else [{}]:
        va, vb = _value(a, pt, dps), _value(b, pt, dps)
        if va is None or vb is None:
            continue
        if abs(va - vb) > tol * max(1, abs(va), abs(vb)):
            return False
        agreed += 1
    if not syms:
        return True if agreed else None
    return True if agreed >= 3 else None

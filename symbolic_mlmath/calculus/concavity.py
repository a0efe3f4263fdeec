"""Concavity read off the second derivative: at a point, or on the pieces of the real line.

Examples
========
>>> from sympy import Integer, Symbol, exp
>>> x = Symbol("x")
>>> s = concavity_step(6 * x, x)
>>> s.given["up"], s.given["down"], s.given["inflection"]
(Interval.open(0, oo), Interval.open(-oo, 0), (0,))
>>> concavity_step(exp(x), x).given["up"]
Reals
>>> concavity_step(Integer(-6), x, Integer(-6), {x: -1}).given["concavity"]
concave down
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from symbolic_mlmath.core.steps import Step

from .rules import CalculusRule as R

__all__ = ["check_concavity", "concavity_step", "sign_pieces"]


def _sign_word(value: Any) -> str:
    if value.is_positive:
        return "concave up"
    if value.is_negative:
        return "concave down"
    if value.is_zero:
        return "inconclusive (f'' = 0)"
    return "undetermined"


def sign_pieces(expr: Any, x: Any) -> tuple[Any, Any, tuple] | None:
    """``(positive set, negative set, sign changes)`` of a rational ``expr`` in one variable,
    or None when ``expr`` is not a rational function with rational coefficients."""
    from sympy import Interval, Poly, Rational, Union, oo, real_roots

    if expr.free_symbols - {x} or not expr.is_rational_function(x):
        return None
    num, den = expr.as_numer_denom()
    try:
        pn, pd = Poly(num, x), Poly(den, x)
    except Exception:
        return None
    if not (pn.domain.is_QQ or pn.domain.is_ZZ) or not (pd.domain.is_QQ or pd.domain.is_ZZ):
        return None
    if pn.degree() > 12 or pd.degree() > 12:
        return None
    cuts = sorted(set(real_roots(pn)) | set(real_roots(pd)), key=lambda r: r.evalf(30))
    edges = [-oo, *cuts, oo]
    pos, neg, signs = [], [], []
    for a, b in itertools.pairwise(edges):
        if a == -oo:
            t = (b.evalf(30) - 1) if b != oo else Rational(0)
        elif b == oo:
            t = a.evalf(30) + 1
        else:
            t = (a.evalf(30) + b.evalf(30)) / 2
        t = _rational(t)
        val = expr.xreplace({x: t})
        piece = Interval.open(a, b)
        sign = 1 if val > 0 else -1
        signs.append(sign)
        (pos if sign > 0 else neg).append(piece)
    changes = tuple(c for c, s1, s2 in zip(cuts, signs, signs[1:], strict=False)
                    if s1 != s2 and pn.eval(c) == 0)
    return Union(*pos), Union(*neg), changes


def concavity_step(second: Any, x: Any, value: Any = None,
                   point: Mapping | None = None) -> Step:
    """The concavity step: at ``point`` (``value`` = f'' there), or on intervals of x."""
    from sympy import EmptySet, S, Symbol

    if point:
        word = _sign_word(value)
        return Step(R.CONCAVITY, value, value, {"concavity": word, "at": dict(point)})
    xr = Symbol(x.name, real=True)
    test = second.xreplace({x: xr})
    if test.is_positive:
        return Step(R.CONCAVITY, second, second, {"up": S.Reals, "down": EmptySet,
                                                 "inflection": ()})
    if test.is_negative:
        return Step(R.CONCAVITY, second, second, {"up": EmptySet, "down": S.Reals,
                                                 "inflection": ()})
    pieces = sign_pieces(second, x)
    if pieces is None:
        return Step(R.CONCAVITY, second, second, {"concavity": "undetermined"})
    up, down, changes = pieces
    return Step(R.CONCAVITY, second, second, {"up": up, "down": down, "inflection": changes})


def check_concavity(step: Step) -> str | None:
    """The verifier of a concavity step: the signs claimed hold at test points."""
    from sympy import Interval, Rational, oo

    g = step.given
    if "concavity" in g and "at" in g:
        word = _sign_word(step.before)
        return None if str(g["concavity"]) == word else f"f'' = {step.before}: {word}"
    if "up" not in g:
        return None
    expr = step.before
    syms = sorted(expr.free_symbols, key=str)
    if len(syms) > 1:
        return "concavity intervals need one variable"
    if not syms:
        return None
    x = syms[0]
    for name, want in (("up", 1), ("down", -1)):
        for piece in _pieces(g[name]):
            if not isinstance(piece, Interval):
                continue
            lo = piece.start if piece.start != -oo else piece.end - 7
            hi = piece.end if piece.end != oo else lo + 7
            if lo == -oo:
                lo, hi = Rational(-7), Rational(7)
            t = _rational(lo) + (_rational(hi) - _rational(lo)) * Rational(3, 7)
            val = expr.xreplace({x: t})
            if (val > 0) != (want > 0) or val == 0:
                return f"f''({t}) = {val} has the wrong sign for concave {name}"
    return None


def _pieces(s: Any) -> tuple:
    from sympy import Union

    return s.args if isinstance(s, Union) else (s,)


def _rational(v: Any) -> Any:
    from sympy import Rational

    return v if v.is_Rational else Rational(str(v.evalf(25)))

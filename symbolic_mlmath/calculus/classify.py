"""Classifying a critical point: second- and first-derivative tests, D test, Hessian test.

Each test is a step that reads the list of critical points and names one point's kind:
``local_min``, ``local_max``, ``saddle`` (in one variable: a stationary point where f'
does not change sign) or ``inconclusive``. The verifiers recompute each test from f.

Examples
========
>>> from sympy import Symbol, Tuple
>>> x = Symbol("x")
>>> s = classify_step(x**4, (x,), {x: 0}, [], Tuple(Tuple(0)))
>>> s.rule.value, str(s.given["kind"])
('first_derivative_test', 'local_min')
>>> reference_kind(x**3, (x,), {x: 0})
'saddle'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from symbolic_mlmath.core.steps import Step

from .rules import CalculusRule as R

__all__ = ["check_test", "classify_step", "engine_derivative", "reference_kind"]


def _at(e: Any, point: Mapping) -> Any:
    v = e.xreplace(dict(point))
    return v.doit() if hasattr(v, "doit") else v


def _sign(v: Any) -> int | None:
    """-1, 0, 1, or None when the sign depends on symbols SymPy cannot settle."""
    from .definiteness import sign_of

    if v.free_symbols:
        if v.is_positive:
            return 1
        if v.is_negative:
            return -1
        if v.is_zero:
            return 0
        return None
    return sign_of(v)


def _pt(point: Mapping, variables: tuple) -> Any:
    from sympy import Tuple

    return Tuple(*(point[v] for v in variables))


def _delta(p: Any, others: list) -> Any:
    """A step to either side that stays closer to p than any other critical point."""
    from sympy import Rational

    d = Rational(1, 10)
    for q in others:
        gap = abs(q - p)
        if not gap.free_symbols and gap.evalf(30) > 0:
            d = min(d, Rational(str(gap.evalf(20))) / 2)
    return d


def engine_derivative(expr: Any, var: Any) -> Any:
    """The tidy derivative by the rule-tree engine."""
    from .differentiation import derivative_steps

    return derivative_steps(expr, var)[1]


def classify_step(expr: Any, variables: tuple, point: Mapping, others: list,
                  before: Any, deriv: Any = None) -> Step:
    """The test that classifies ``point`` (``others``: the other critical points).

    Derivatives come from the rule-tree engine, or from ``deriv(expr, var)`` (the
    verifier passes SymPy's ``diff`` to recompute the test independently).
    """
    from sympy import ImmutableMatrix

    sympy_derivative = deriv or engine_derivative
    pt = _pt(point, variables)
    base = {"f": expr, "variables": variables, "point": pt}
    if len(variables) == 1:
        x = variables[0]
        d1 = sympy_derivative(expr, x)
        d2 = sympy_derivative(d1, x)
        s = _at(d2, point)
        sign = _sign(s)
        if sign:
            kind = "local_min" if sign > 0 else "local_max"
            return Step(R.SECOND_DERIVATIVE_TEST, before, kind, {**base, "second": s, "kind": kind})
        p = point[x]
        delta = _delta(p, [q[x] for q in others])
        left, right = _at(d1, {x: p - delta}), _at(d1, {x: p + delta})
        sl, sr = _sign(left), _sign(right)
        if sl is None or sr is None or sl == 0 or sr == 0:
            kind = "inconclusive"
        elif sl < 0 < sr:
            kind = "local_min"
        elif sl > 0 > sr:
            kind = "local_max"
        else:
            kind = "saddle"
        return Step(R.FIRST_DERIVATIVE_TEST, before, kind,
                    {**base, "second": s, "delta": delta, "left": left, "right": right,
                     "kind": kind})
    n = len(variables)
    H = ImmutableMatrix(n, n, lambda i, j: _at(sympy_derivative(
        sympy_derivative(expr, variables[i]), variables[j]), point))
    if n == 2:
        fxx, fyy, fxy = H[0, 0], H[1, 1], H[0, 1]
        D = fxx * fyy - fxy**2
        sd, sx = _sign(D), _sign(fxx)
        if sd is None or sd == 0 or (sd > 0 and not sx):
            kind = "inconclusive"
        elif sd < 0:
            kind = "saddle"
        else:
            kind = "local_min" if sx > 0 else "local_max"
        return Step(R.DISCRIMINANT_TEST, before, kind,
                    {**base, "fxx": fxx, "fyy": fyy, "fxy": fxy, "D": D, "kind": kind})
    from .definiteness import eigen_verdict

    if H.free_symbols:
        vals, word = (), "undetermined"
    else:
        vals, word, _numeric = eigen_verdict(H)
    kind = {"positive definite": "local_min", "negative definite": "local_max",
            "indefinite": "saddle"}.get(word, "inconclusive")
    return Step(R.HESSIAN_TEST, before, kind,
                {**base, "H": H, "eigenvalues": vals, "verdict": word, "kind": kind})


def reference_kind(expr: Any, variables: tuple, point: Mapping) -> str:
    """The kind by an independent route: in one variable the first non-zero derivative
    of order >= 2 at the point; in several, SymPy's own definiteness of the Hessian."""
    from sympy import hessian

    from .equality import sympy_derivative
    from .functions import to_elementary

    f = to_elementary(expr)
    if len(variables) == 1:
        x = variables[0]
        d = sympy_derivative(f, x)
        for order in range(2, 9):
            d = sympy_derivative(d, x)
            s = _sign(_at(d, point))
            if s is None:
                return "inconclusive"
            if s != 0:
                if order % 2:
                    return "saddle"
                return "local_min" if s > 0 else "local_max"
        return "inconclusive"
    H = hessian(f, variables).xreplace(dict(point)).applyfunc(lambda e: e.doit())
    if H.is_positive_definite:
        return "local_min"
    if H.is_negative_definite:
        return "local_max"
    if H.is_indefinite and H.det() != 0:
        return "saddle"
    return "inconclusive"


def check_test(step: Step) -> str | None:
    """Verifier of the classification tests: recompute the test from f at the point."""
    g = step.given
    variables = tuple(g["variables"])
    point = dict(zip(variables, g["point"], strict=True))
    from .equality import sympy_derivative

    redo = classify_step(g["f"], variables, point, [], step.before, deriv=sympy_derivative)
    if redo.rule != step.rule and step.rule is not R.FIRST_DERIVATIVE_TEST:
        return f"the point is classified by the {redo.rule.value.replace('_', ' ')}"
    if step.rule is R.FIRST_DERIVATIVE_TEST:
        x = variables[0]
        d1 = sympy_derivative(g["f"], x)
        p, delta = point[x], g["delta"]
        for side, at in (("left", p - delta), ("right", p + delta)):
            want = _at(d1, {x: at})
            if _sign(want) != _sign(g[side]):
                return f"f'({at}) = {want}, not {g[side]}"
        sl, sr = _sign(g["left"]), _sign(g["right"])
        kind = ("inconclusive" if not sl or not sr else "local_min" if sl < 0 < sr
                else "local_max" if sl > 0 > sr else "saddle")
        return None if str(g["kind"]) == kind else f"f' goes {sl} -> {sr}: {kind}"
    if str(redo.given["kind"]) != str(g["kind"]) or str(step.after) != str(g["kind"]):
        return f"the test gives {redo.given['kind']}, not {g['kind']}"
    return None

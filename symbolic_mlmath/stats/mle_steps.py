"""The steps of a maximum likelihood derivation, and the instantiation that checks them.

A step over a symbolic sample (``Sum(x_i, (i, 1, n))``) is checked by instantiating it:
``n`` becomes the size of a small sample stored in the step, the ``x_i`` its values, and
the parameters a few points of their domain; both sides are then compared numerically.

Examples
========
>>> from sympy import IndexedBase, Sum, Symbol
>>> x, i, n = IndexedBase("x"), Symbol("i", integer=True), Symbol("n", integer=True)
>>> instantiate(Sum(x[i] ** 2, (i, 1, n)), n, (1, 2, 3))
14
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.stats.rules import StatsRule as R

__all__ = [
    "POINTS",
    "SAMPLES",
    "calculus_steps",
    "instantiate",
    "simplify_sums",
    "solve_score",
    "sums_as_symbols",
    "uniform_steps",
]

#: Small samples of each family used to instantiate steps over a symbolic sample.
SAMPLES = {
    "bernoulli": (1, 0, 1, 1, 0), "binomial": (3, 1, 4, 2, 0), "poisson": (2, 0, 3, 1, 4),
    "geometric": (1, 3, 2, 5, 1), "exponential": ("0.5", "1.5", 2, 1, 3),
    "normal": (1, 2, 4, 3, "5.5"), "uniform": ("0.5", 2, "1.5", 3, 1),
}

#: Points of each parameter's domain at which steps are compared.
POINTS = {"p": ("3/10", "1/2", "7/10"), "lambda": ("2/3", "3/2", "5/2"),
          "mu": ("1/2", "-3/2", "3"), "sigma": ("3/2", "1/2", "2"), "theta": ("4", "7/2", "9")}

_CURVATURE = {
    "bernoulli": "negative because 0 < Σx_i < n (both outcomes observed)",
    "binomial": "negative because 0 < Σx_i < n m",
    "poisson": "negative because Σx_i > 0",
    "geometric": "negative because Σx_i > n (not every trial a first success)",
    "exponential": "negative because n > 0",
    "normal": "negative definite: a maximum",
}


def instantiate(expr: Any, n: Any, sample: Any) -> Any:
    """``expr`` over a symbolic sample with ``n`` and the ``x_i`` replaced by ``sample``.

    A sample of pairs (``(x_i, y_i)``, a regression) fills ``x[i]`` and ``y[i]``.
    """
    from sympy import Basic, Indexed, Integer, Product, Rational, Sum, Tuple

    if not isinstance(expr, Basic):
        return expr
    vals = [Rational(v) if isinstance(v, str) else Integer(v) if isinstance(v, int) else v
            for v in sample]
    e = expr.xreplace({n: Integer(len(vals))}) if n is not None and not n.is_number else expr

    def value(a: Any) -> Any:
        v = vals[int(a.indices[0]) - 1]
        if isinstance(v, Tuple | tuple):
            return v[1] if str(a.base) == "y" else v[0]
        return v

    def fill(t: Any) -> Any:
        return t.replace(lambda a: isinstance(a, Indexed) and a.indices[0].is_Integer, value)

    def written_out(a: Any) -> Any:  # term by term, each filled in (fast: no doit)
        from sympy import Add, Mul

        if len(a.limits) != 1 or not all(v.is_Integer for v in a.limits[0][1:]):
            return a.doit()
        j, lo, hi = a.limits[0]
        terms = [fill(a.function.xreplace({j: Integer(k)})) for k in range(int(lo), int(hi) + 1)]
        return Add(*terms) if isinstance(a, Sum) else Mul(*terms)

    e = e.replace(lambda a: isinstance(a, Sum | Product), written_out)
    return fill(e)


def sums_as_symbols(expr: Any) -> tuple[Any, dict]:
    """Replace every Sum by a positive symbol S1, S2, ... (and back, with the returned map)."""
    from sympy import Sum, Symbol

    sums = sorted(expr.atoms(Sum), key=str)
    fwd = {s: Symbol(f"S{k + 1}", positive=True) for k, s in enumerate(sums)}
    return expr.xreplace(fwd), {v: k for k, v in fwd.items()}


def solve_score(score: list, params: tuple) -> dict:
    """Solve score = 0 for the parameters, the statistics (Sums) held as symbols."""
    from sympy import Tuple, solve

    joined, back = sums_as_symbols(Tuple(*score))
    eqs = list(joined)
    sols = solve(eqs, list(params), dict=True)
    sols = [s for s in sols if all(v.is_real is not False for v in s.values())]
    if not sols:
        raise TaskError("the score equations have no solution in the parameter space",
                        name="data")
    return {k: v.xreplace(back) for k, v in sols[0].items()}


def _params_points(params: tuple) -> list[dict]:
    from sympy import Rational

    pts = []
    for k in range(3):
        pts.append({p: Rational(POINTS.get(str(p), ("1/2", "3/2", "5/2"))[k]) for p in params})
    return pts


def _given(model: Any, values: Any, n: Any) -> dict:
    from sympy import Tuple

    g: dict[str, Any] = {"family": model.family, "parameters": Tuple(*model.params),
                         "density": model.density, "x": model.x, "n": n}
    if values is None:
        g["instance"] = Tuple(*instantiate_values(model.family))
    else:
        g["data"] = Tuple(*values)
    return g


def instantiate_values(family: str) -> tuple:
    """The instantiation sample of a family as exact numbers."""
    from sympy import Rational

    return tuple(Rational(v) for v in SAMPLES[family])


def _likelihood(model: Any, values: Any, n: Any, i: Any, xs: Any) -> Any:
    from sympy import Mul, Product

    if values is not None:
        return Mul(*(model.density.subs(model.x, v) for v in values))
    return Product(model.density.subs(model.x, xs[i]), (i, 1, n))


def simplify_sums(expr: Any) -> Any:
    """Simplify an expression holding Sums (held as symbols while simplifying).

    >>> from sympy import IndexedBase, Sum, Symbol
    >>> x, i, n = IndexedBase("x"), Symbol("i", integer=True), Symbol("n", integer=True)
    >>> simplify_sums(Sum(x[i], (i, 1, n)) / n - 1 / n)
    (Sum(x[i], (i, 1, n)) - 1)/n
    """
    from sympy import factor, together

    e, back = sums_as_symbols(expr)
    return factor(together(e)).xreplace(back)


def calculus_steps(model: Any, values: Any, n: Any, i: Any, xs: Any, ell: Any,
                   assumptions: str) -> tuple[list[Step], dict]:
    """Likelihood -> log-likelihood -> score -> root -> second derivative (or Hessian)."""
    from sympy import Eq, ImmutableMatrix, Matrix, Tuple, diff
    from sympy.core.symbol import Str

    from symbolic_mlmath.stats.formulas import exact_sqrt

    g = _given(model, values, n)
    params = model.params
    L = _likelihood(model, values, n, i, xs)
    steps = [Step(R.LIKELIHOOD, model.density, L, g),
             Step(R.LOG_LIKELIHOOD, L, ell, {**g, "assumptions": Str(assumptions)})]
    grad = [diff(ell, p) for p in params]
    score = grad[0] if len(params) == 1 else ImmutableMatrix(grad)
    steps.append(Step(R.SCORE, ell, score, g))
    sol = solve_score(grad, params)
    if values is not None and model.family == "normal" and "sigma" in {str(p) for p in params}:
        sig = next(p for p in params if str(p) == "sigma")
        sol[sig] = exact_sqrt(sol[sig] ** 2)
    eqs = Tuple(*(Eq(p, sol[p]) for p in params))
    steps.append(Step(R.SET_SCORE_TO_ZERO, score, eqs, {**g, "solution": eqs}))
    at = dict(sol)
    if len(params) == 1:
        p = params[0]
        second = diff(grad[0], p)
        value = simplify_sums(second.xreplace(at))
        steps.append(Step(R.SECOND_DERIVATIVE_CHECK, score, value,
                          {**g, "second": second, "solution": eqs,
                           "condition": Str(_CURVATURE[model.family])}))
    else:
        H = Matrix([[diff(gk, q) for q in params] for gk in grad])
        Hat = ImmutableMatrix(H.xreplace(at).applyfunc(simplify_sums))
        steps.append(Step(R.HESSIAN_CHECK, score, Hat,
                          {**g, "hessian": ImmutableMatrix(H), "solution": eqs,
                           "condition": Str(_CURVATURE[model.family])}))
    result = {str(p): sol[p] for p in params}
    return steps, result


def uniform_steps(model: Any, values: Any, n: Any, i: Any, xs: Any) -> tuple[list[Step], dict]:
    """Uniform(0, θ): L = θ^-n for θ >= max x_i (else 0) decreases, so θ̂ = max x_i."""
    from sympy import Eq, Max, Piecewise, Symbol, Tuple, log
    from sympy.core.symbol import Str

    theta = model.params[0]
    top = Max(*values) if values is not None else Symbol("x_(n)", real=True)
    g = _given(model, values, n)
    g["maximum"] = top
    L = Piecewise((theta ** (-n), theta >= top), (0, True))
    ell = -n * log(theta)
    score = ell.diff(theta)
    steps = [Step(R.LIKELIHOOD, model.density, L, g),
             Step(R.LOG_LIKELIHOOD, L, ell,
                  {**g, "assumptions": Str("θ >= max x_i (where L > 0)")}),
             Step(R.SCORE, ell, score, g),
             Step(R.BOUNDARY_MAXIMUM, score, Eq(theta, top), {**g, "solution": Tuple(Eq(theta, top))})]
    return steps, {"theta": top}

"""Gradient descent as a glass box: the gradient, the update rule, every iterate.

The gradient is derived, the update rule ``x_{k+1} = x_k - η ∇f(x_k)`` is written with
the gradient and then instantiated at the starting point, and the iterates are tabled
(k, x_k, f(x_k), ‖∇f(x_k)‖): exact rationals while they stay small, then decimals of a
stated precision (:mod:`symbolic_mlmath.calculus.iteration`). For a quadratic the
learning rate is judged in advance: descent converges exactly when
``0 < η < 2/λ_max`` (λ_max the largest eigenvalue of the constant Hessian, which must
be positive definite); divergence is detected and explained in any case.

Examples
========
>>> from sympy import symbols, Rational
>>> x, y = symbols("x y")
>>> d = derive_gradient_descent(x**2 + 3*y**2, (x, y), [1, 1], Rational(1, 10), 3)
>>> d.result["point"].T
Matrix([[64/125, 8/125]])
>>> d.validate() is d
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from symbolic_mlmath.calculus.iteration import (
    MAX_ITERATIONS,
    Iterates,
    Precision,
    as_sympy_number,
    decimal,
    read_iterations,
    read_point,
    read_tolerance,
)
from symbolic_mlmath.calculus.rules import CalculusRule as R
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation, Step

__all__ = [
    "DescentTrace",
    "derive_gradient_descent",
    "derive_regression_descent",
    "gradient_of",
    "learning_rate_bound",
    "run_descent",
]

_DIVERGED = 10**15  # |coordinate| beyond this many times max(1, |x0|): diverged
_STEPS_SHOWN = 20  # updates kept as their own steps after the first (the table has them all)
_SMALL = 10**12  # "small" exact numbers (see iteration.Precision)


def gradient_of(expr: Any, variables: Sequence[Any]) -> tuple[Any, tuple[Step, ...]]:
    """``∇f`` as a column vector, with the steps that derive it (the differentiation
    engine's ``derive_gradient``: every partial derivative by its rules).

    Examples
    ========
    >>> from sympy import symbols
    >>> x, y = symbols("x y")
    >>> gradient_of(x**2 * y, (x, y))[0].T
    Matrix([[2*x*y, x**2]])
    """
    from symbolic_mlmath.calculus.multivariable import derive_gradient

    d = derive_gradient(expr, tuple(variables))
    return d.result, tuple(s for s in d.steps if s.before is not None)


def hessian_of(expr: Any, variables: Sequence[Any]) -> tuple[Any, tuple[Step, ...]]:
    """The Hessian matrix of ``expr``, with the steps that derive it."""
    from sympy import ImmutableMatrix, diff

    return ImmutableMatrix([[diff(expr, a, b) for b in variables] for a in variables]), ()


# ------------------------------------------------------------------ the numbers
@dataclass
class DescentTrace:
    """The iterates of one run: exact or decimal SymPy numbers, and why it stopped."""

    points: list[Any] = field(default_factory=list)  # column vectors x_0 .. x_K
    values: list[Any] = field(default_factory=list)  # f(x_k)
    gradients: list[Any] = field(default_factory=list)  # ∇f(x_k) (kept for the shown steps)
    norms: list[Any] = field(default_factory=list)  # ‖∇f(x_k)‖
    stopped: str = "iterations"  # iterations, tolerance or diverged
    first_decimal: int | None = None  # index of the first decimal row
    digits: int = 30


def _norm(g2: Any, exact: bool, digits: int) -> Any:
    """‖∇f‖ from its square: exact while small, else a decimal of ``digits`` digits."""
    from sympy import sqrt

    if exact and g2.is_Rational and abs(g2.p) < 10**16 and g2.q < 10**16:
        return sqrt(g2)
    return decimal(sqrt(g2.evalf(digits + 5)), digits)


def _fraction_norm(g2: Any, digits: int) -> Any:
    """‖∇f‖ from its exact square (a Fraction): exact while small, else a decimal."""
    import mpmath
    from sympy import Float, Rational, sqrt

    if abs(g2.numerator) < 10**16 and g2.denominator < 10**16:
        return sqrt(Rational(g2.numerator, g2.denominator))
    with mpmath.workdps(digits + 5):
        return Float(mpmath.sqrt(mpmath.mpf(g2.numerator) / g2.denominator), digits)


def _exact_fns(expr: Any, grad: Any, variables: Sequence[Any]) -> Any:
    from symbolic_mlmath.calculus.bridge import as_numeric, is_rational_function

    items = [expr, *grad]
    if all(is_rational_function(e) for e in items):
        return as_numeric(items, variables, mode="exact", tidy=False)
    return None


def run_descent(expr: Any, variables: Sequence[Any], x0: Any, eta: Any, iterations: int, *,
                tolerance: Any = None, precision: Precision | None = None,
                gradient: Any = None) -> DescentTrace:
    """Iterate ``x <- x - η ∇f(x)`` exactly while allowed, then in decimals.

    Examples
    ========
    >>> from sympy import symbols, Rational, Matrix
    >>> x = symbols("x")
    >>> t = run_descent(x**2, [x], Matrix([1]), Rational(1, 4), 2)
    >>> [p[0] for p in t.points], t.values, t.stopped
    ([1, 1/2, 1/4], [1, 1/4, 1/16], 'iterations')
    """
    from fractions import Fraction

    import mpmath
    from sympy import Float, ImmutableMatrix

    from symbolic_mlmath.calculus.bridge import as_numeric
    from symbolic_mlmath.calculus.functions import to_elementary

    prec = precision or Precision()
    grad = gradient if gradient is not None else gradient_of(expr, variables)[0]
    grad = [to_elementary(g) for g in grad]
    expr = to_elementary(expr)
    trace = DescentTrace(digits=prec.digits)
    exact_fn = _exact_fns(expr, grad, variables) if eta.is_Rational else None
    scale = _DIVERGED * max(1, *(int(abs(c)) + 1 for c in x0))
    tol2 = None if tolerance is None else tolerance**2
    point = list(x0)
    exact = prec.keeps_exact(point) and eta.is_Rational
    k = 0
    if exact and exact_fn is not None:  # rational functions: Fractions, SymPy at the edges
        step = Fraction(int(eta.p), int(eta.q))
        fr = [Fraction(int(c.p), int(c.q)) for c in point]
        ftol2 = None if tol2 is None else Fraction(int(tol2.p), int(tol2.q)) \
            if tol2.is_Rational else tol2
        while exact:
            vals = [Fraction(v) for v in exact_fn(*fr)]
            g = vals[1:]
            g2 = sum(v * v for v in g)
            trace.points.append(ImmutableMatrix([as_sympy_number(c) for c in fr]))
            trace.values.append(as_sympy_number(vals[0]))
            trace.gradients.append(ImmutableMatrix([as_sympy_number(v) for v in g])
                                   if k <= _STEPS_SHOWN + 1 else None)
            trace.norms.append(_fraction_norm(g2, prec.digits))
            stop = _stop(g2, ftol2, k, iterations, fr, scale)
            if stop:
                trace.stopped = stop
                return trace
            fr = [c - step * v for c, v in zip(fr, g, strict=True)]
            exact = prec.mode == "exact" or all(
                abs(c.numerator) < _SMALL and c.denominator < _SMALL for c in fr)
            k += 1
        point = [as_sympy_number(c) for c in fr]
    while exact:  # other functions: exact while their values stay rational and small
        sub = dict(zip(variables, point, strict=True))
        fval, g = expr.xreplace(sub), [gi.xreplace(sub) for gi in grad]
        if not all(v.is_Rational for v in (fval, *g)):
            break
        g2 = sum((gi**2 for gi in g), start=0 * g[0])
        trace.points.append(ImmutableMatrix(point))
        trace.values.append(fval)
        trace.gradients.append(ImmutableMatrix(g) if k <= _STEPS_SHOWN + 1 else None)
        trace.norms.append(_norm(g2, True, prec.digits))
        stop = _stop(g2, tol2, k, iterations, point, scale)
        if stop:
            trace.stopped = stop
            return trace
        point = [c - eta * gi for c, gi in zip(point, g, strict=True)]
        exact = prec.keeps_exact(point)
        k += 1
    trace.first_decimal = k
    mp_fn = as_numeric([expr, *grad], variables, mode="mpmath")
    digits = prec.digits
    with mpmath.workdps(digits + 10):  # then decimals, carried with 10 guard digits
        p = [mpmath.mpf(c.evalf(digits + 10)) for c in point]
        step = mpmath.mpf(eta.evalf(digits + 10))
        mp_tol2 = None if tol2 is None else mpmath.mpf(tol2.evalf(digits + 10))
        while True:
            try:
                vals = [mpmath.mpf(v) for v in mp_fn(*p)]
            except (ZeroDivisionError, ValueError, OverflowError, TypeError):
                trace.stopped = "diverged"
                break
            g2 = mpmath.fsum(v * v for v in vals[1:])
            trace.points.append(ImmutableMatrix([Float(c, digits) for c in p]))
            trace.values.append(Float(vals[0], digits))
            trace.gradients.append(ImmutableMatrix([Float(v, digits) for v in vals[1:]])
                                   if k <= _STEPS_SHOWN + 1 else None)
            trace.norms.append(Float(mpmath.sqrt(g2), digits))
            stop = _stop(g2, mp_tol2, k, iterations, p, scale)
            if stop:
                trace.stopped = stop
                break
            p = [c - step * v for c, v in zip(p, vals[1:], strict=True)]
            k += 1
    return trace


def _stop(g2: Any, tol2: Any, k: int, iterations: int, point: list, scale: Any) -> str | None:
    """Why the iteration stops at this row (or None to go on)."""
    if tol2 is not None and g2 <= tol2:
        return "tolerance"
    if g2 == 0:
        return "stationary"
    if k == iterations:
        return "iterations"
    if any(abs(c) > scale for c in point):
        return "diverged"
    return None


# ------------------------------------------------------------------ analysis
def learning_rate_bound(expr: Any, variables: Sequence[Any]) -> dict | None:
    """For a quadratic ``f``: its constant Hessian, eigenvalues and the bound ``2/λ_max``.

    ``None`` when ``f`` is not quadratic (the Hessian depends on the point).

    Examples
    ========
    >>> from sympy import symbols
    >>> x, y = symbols("x y")
    >>> b = learning_rate_bound(x**2 + 3*y**2, (x, y))
    >>> b["eigenvalues"], b["bound"]
    ([2, 6], 1/3)
    """
    from sympy import Matrix, S

    H, steps = hessian_of(expr, variables)
    if any(e.free_symbols & set(variables) for e in H):
        return None
    if any(not e.is_number for e in H):
        return None
    eig = []
    for lam, mult in Matrix(H).eigenvals(multiple=False).items():
        eig += [lam] * mult
    eig = sorted(eig, key=lambda v: float(v.evalf()))
    lmax, lmin = eig[-1], eig[0]
    bound = 2 / lmax if lmax.is_positive else S.Zero
    return {"hessian": H, "eigenvalues": eig, "lambda_max": lmax, "lambda_min": lmin,
            "bound": bound, "definite": bool(lmin.is_positive), "steps": steps}


def _verdict_on_rate(eta: Any, info: dict) -> str:
    if not info["definite"]:
        return "no_minimum"
    if eta >= info["bound"]:
        return "diverges" if eta > info["bound"] else "oscillates"
    return "converges"


# ------------------------------------------------------------------ derivations
def _table(trace: DescentTrace) -> Any:
    from sympy import ImmutableMatrix, Integer

    rows = []
    for k, (p, fv, nv) in enumerate(zip(trace.points, trace.values, trace.norms, strict=False)):
        rows.append([Integer(k), *list(p), fv, nv])
    return ImmutableMatrix(rows)


def _descent_steps(expr: Any, variables: tuple, x0: Any, eta: Any, trace: DescentTrace,
                   grad: Any, grad_steps: tuple, prec: Precision) -> list[Step]:
    from sympy import ImmutableMatrix, Tuple
    from sympy.core.symbol import Str

    update = ImmutableMatrix([v - eta * g for v, g in zip(variables, grad, strict=True)])
    common = {"variables": Tuple(*variables), "eta": eta, "f": expr}
    steps = [
        Step(R.METHOD_DERIVATIVE, expr, grad, {"variables": Tuple(*variables), "order": 1},
             substeps=grad_steps),
        Step(R.GD_UPDATE_RULE, grad, update, common),
    ]
    info = learning_rate_bound(expr, variables)
    if info is not None:
        steps.append(Step(R.LEARNING_RATE_BOUND, update, info["bound"], {
            **common, "hessian": info["hessian"], "eigenvalues": Tuple(*info["eigenvalues"]),
            "eta": eta, "verdict": Str(_verdict_on_rate(eta, info)),
        }, substeps=info["steps"]))
    pts, grads = trace.points, trace.gradients
    if len(pts) > 1:
        steps.append(Step(R.GD_STEP, update, pts[1], {**common, "k": 0, "point": pts[0],
                                                      "gradient": grads[0]}))
        subs = [Step(R.GD_STEP, pts[k], pts[k + 1], {**common, "k": k, "point": pts[k],
                                                       "gradient": grads[k]})
                for k in range(1, min(len(pts) - 1, _STEPS_SHOWN + 1))]
        start = pts[1]
    else:
        subs, start = [], pts[0]
        steps.append(Step(R.GD_STEP, update, pts[0], {**common, "k": -1, "point": pts[0],
                                                      "gradient": grads[0]}))
    exact_rows = len(pts) if trace.first_decimal is None else trace.first_decimal
    steps.append(Step(R.ITERATION_TABLE, start, pts[-1], {
        **common, "table": _table(trace),
        "columns": Tuple(*(Str(c) for c in ("k", *map(str, variables), "f", "|grad f|"))),
        "precision": Str(prec.describe()), "exact_rows": exact_rows,
        "stopped": Str(trace.stopped), "method": Str("gradient_descent"),
    }, substeps=subs))
    if trace.stopped == "diverged" or (len(trace.values) > 2 and _rising(trace.values)):
        steps.append(Step(R.DIVERGENCE, pts[-1], Str("diverges"), {
            "k": len(pts) - 1, "values": Tuple(*trace.values[-3:]),
            "bound": info["bound"] if info else Str("none"), "eta": eta,
            "reason": Str("overflow" if trace.stopped == "diverged" else "rising"),
        }))
    return steps


def _rising(values: list[Any]) -> bool:
    """The last three values of f increase: the steps overshoot."""
    a, b, c = (float(v) for v in values[-3:])
    return a < b < c


def derive_gradient_descent(expr: Any, variables: Sequence[Any], x0: Any, learning_rate: Any,
                            iterations: Any = 10, *, tolerance: Any = None,
                            precision: Any = "auto") -> Derivation:
    """Gradient descent on ``expr`` from ``x0``: gradient, update rule, iterates, verdict.

    Stops after ``iterations`` updates, when ``‖∇f‖ <= tolerance``, or when the iterates
    diverge. ``result`` is a dict ``point``, ``value``, ``iterates``, ``stopped``.

    Examples
    ========
    >>> from sympy import symbols, Rational
    >>> x = symbols("x")
    >>> d = derive_gradient_descent(x**2 - 2*x, [x], [0], Rational(1, 2), 5)
    >>> d.result["point"][0], d.result["stopped"]
    (1, 'stationary')
    """
    from symbolic_mlmath.text.convert import as_sympy

    variables = tuple(variables)
    expr = as_sympy(expr)
    if not variables:
        raise InputError("give at least one variable", name="vars")
    extra = expr.free_symbols - set(variables)
    if extra:
        raise InputError(f"the function has symbols that are not variables: "
                         f"{', '.join(sorted(map(str, extra)))}", name="expr")
    x0 = read_point(x0, variables)
    eta = as_sympy(learning_rate)
    if not (eta.is_number and eta.is_positive):
        raise InputError(f"the learning rate must be a positive number, got {eta}",
                         name="learning_rate")
    n = read_iterations(iterations, cap=MAX_ITERATIONS)
    tol = read_tolerance(tolerance)
    prec = Precision.read(precision)
    grad, grad_steps = gradient_of(expr, variables)
    trace = run_descent(expr, variables, x0, eta, n, tolerance=tol, precision=prec,
                        gradient=grad)
    steps = [Step(Rule.GIVEN, None, expr), *_descent_steps(expr, variables, x0, eta, trace, grad,
                                                        grad_steps, prec)]
    result = {"point": trace.points[-1], "value": trace.values[-1],
              "iterates": Iterates(*trace.points), "stopped": trace.stopped}
    return Derivation(
        "Gradient descent", goal=expr, steps=tuple(steps), result=result, variables=variables,
        task="gradient_descent",
        inputs={"expr": expr, "vars": variables, "x0": x0, "learning_rate": eta,
                "iterations": n, "tolerance": tol},
        reference=lambda: _reference(expr, variables, x0, eta, trace, result),
    )


def _reference(expr: Any, variables: tuple, x0: Any, eta: Any, trace: DescentTrace,
               result: dict) -> dict:
    """The iterates recomputed by plain SymPy (exact rows) and mpmath (decimal rows).

    Returns ``result`` itself when every iterate agrees (exactly, or to the stated
    precision), else the independent values, so that ``validate`` reports the mismatch.
    """
    import mpmath
    from sympy import ImmutableMatrix, diff, lambdify

    grad = [diff(expr, v) for v in variables]
    mp_grad = lambdify(variables, grad, "mpmath")
    point = list(x0)
    independent = [ImmutableMatrix(point)]
    ok = True
    digits = trace.digits
    for k in range(1, len(trace.points)):
        if trace.first_decimal is None or k < trace.first_decimal:
            sub = dict(zip(variables, point, strict=True))
            point = [c - eta * g.xreplace(sub) for c, g in zip(point, grad, strict=True)]
            ok = ok and ImmutableMatrix(point) == trace.points[k]
        else:
            with mpmath.workdps(digits + 20):
                p = [mpmath.mpf(c.evalf(digits + 20)) if hasattr(c, "evalf") else c
                     for c in point]
                g = mp_grad(*p)
                point = [c - mpmath.mpf(eta.evalf(digits + 20)) * gi
                         for c, gi in zip(p, g, strict=True)]
                ours = [mpmath.mpf(c.evalf(digits + 20)) for c in trace.points[k]]
                scale = max(1, *(abs(c) for c in point))
                ok = ok and all(abs(a - b) <= mpmath.mpf(10) ** (3 - digits) * scale * (k + 1)
                                for a, b in zip(point, ours, strict=True))
            point = [decimal(c, digits) for c in point]
        independent.append(ImmutableMatrix(point))
        if not ok:
            break
    if ok:
        return result
    return {**result, "iterates": Iterates(*independent), "point": independent[-1]}


def derive_regression_descent(x: Any, y: Any, learning_rate: Any, iterations: Any = 10, *,
                              x0: Any = None, tolerance: Any = None,
                              precision: Any = "auto") -> Derivation:
    """Linear regression ``y ≈ w x + b`` by gradient descent on the mean squared error,
    compared with the exact least-squares solution of the normal equations.

    Examples
    ========
    >>> d = derive_regression_descent([1, 2, 3], [2, 4, 6], "1/10", 200)
    >>> d.result["normal_equations"].T
    Matrix([[2, 0]])
    """
    from sympy import ImmutableMatrix, Rational, Symbol, expand

    from symbolic_mlmath.text.convert import as_sympy

    xs = [as_sympy(v) for v in (x if isinstance(x, list | tuple) else list(x))]
    ys = [as_sympy(v) for v in (y if isinstance(y, list | tuple) else list(y))]
    if len(xs) != len(ys):
        raise InputError(f"x has {len(xs)} values but y has {len(ys)}", name="y")
    if len(xs) < 2 or len(set(xs)) < 2:
        raise InputError("give at least two different x values", name="x")
    w, b = Symbol("w"), Symbol("b")
    n = len(xs)
    loss = expand(Rational(1, n) * sum((yi - (w * xi + b)) ** 2
                                       for xi, yi in zip(xs, ys, strict=True)))
    d = derive_gradient_descent(loss, (w, b), x0 if x0 is not None else [0, 0], learning_rate,
                                iterations, tolerance=tolerance, precision=precision)
    data = ImmutableMatrix([[xi, yi] for xi, yi in zip(xs, ys, strict=True)])
    X = ImmutableMatrix([[xi, 1] for xi in xs])
    Y = ImmutableMatrix(ys)
    XtX, Xty = X.T * X, X.T * Y
    beta = ImmutableMatrix(XtX.LUsolve(Xty))
    last = d.steps[-1]
    steps = [Step(R.MSE_LOSS, data, loss, {"w": w, "b": b, "n": n}), *d.steps[1:],
             Step(R.NORMAL_EQUATIONS, last.before if last.rule is R.DIVERGENCE else last.after,
                  beta, {"XtX": XtX, "Xty": Xty, "data": data,
                         "gd_point": d.result["point"]})]
    result = {**d.result, "normal_equations": beta}
    return Derivation(
        "Linear regression by gradient descent", goal=loss, steps=tuple(steps), result=result,
        variables=(w, b), task="gradient_descent",
        inputs={"x": xs, "y": ys, "learning_rate": d.inputs["learning_rate"],
                "iterations": d.inputs["iterations"]},
        reference=lambda: {**d.reference(), "normal_equations": ImmutableMatrix(
            X.pinv() * Y)},
    )

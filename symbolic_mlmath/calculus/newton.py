"""Newton's method as a glass box: roots and optima, in one variable or several.

``mode="root"`` solves ``F = 0`` with ``x_{k+1} = x_k - F(x_k)/F'(x_k)``; ``mode="optimize"``
applies the same update to ``F = f'`` (``x - f'/f''``). In several variables the step is
the solution of the linear system ``J(x_k) Δ = F(x_k)`` (``H Δ = ∇f`` when optimising),
shown as a solve, never as an inverse. The iterates are tabled exactly while they stay
small, then in decimals of a stated precision, with the error ``|x_k - x*|`` so that the
quadratic convergence (correct digits doubling) is visible. A zero derivative, a cycle
or divergence stops the method with the reason stated.

Examples
========
>>> from sympy import symbols
>>> x = symbols("x")
>>> d = derive_newton(x**2 - 2, [x], [1], 3)
>>> list(d.result["iterates"])
[1, 3/2, 17/12, 577/408]
>>> d.result["update"]
x - (x**2 - 2)/(2*x)
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

__all__ = ["NewtonTrace", "derive_newton", "newton_system", "solve_linear"]

_DIVERGED = 10**15


def solve_linear(J: list[list[Any]], F: list[Any]) -> list[Any] | None:
    """Solve ``J Δ = F`` by elimination with partial pivoting (Fractions or mpmath numbers).

    Returns ``None`` when ``J`` is singular.

    Examples
    ========
    >>> from fractions import Fraction as Fr
    >>> solve_linear([[Fr(2), Fr(1)], [Fr(1), Fr(3)]], [Fr(3), Fr(5)])
    [Fraction(4, 5), Fraction(7, 5)]
    >>> solve_linear([[Fr(1), Fr(2)], [Fr(2), Fr(4)]], [Fr(1), Fr(1)]) is None
    True
    """
    n = len(F)
    A = [[*row, F[i]] for i, row in enumerate(J)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(A[r][c]))
        if A[p][c] == 0:
            return None
        A[c], A[p] = A[p], A[c]
        for r in range(c + 1, n):
            m = A[r][c] / A[c][c]
            A[r] = [a - m * b for a, b in zip(A[r], A[c], strict=True)]
    out = [A[0][0] * 0] * n
    for r in range(n - 1, -1, -1):
        out[r] = (A[r][n] - sum(A[r][k] * out[k] for k in range(r + 1, n))) / A[r][r]
    return out


def newton_system(f: Any, variables: Sequence[Any], mode: str) -> tuple[list, list]:
    """``(steps, [F, J])``: the function Newton drives to zero and its derivative.

    Root mode: ``F = f`` (or the list of equations). Optimise: ``F = f'`` / ``∇f``;
    ``J`` is ``F'`` (one variable) or the Jacobian of ``F`` (the Hessian when optimising).
    """
    from sympy import ImmutableMatrix, MatrixBase, Tuple
    from sympy.core.symbol import Str

    from symbolic_mlmath.calculus.descent import gradient_of

    variables = tuple(variables)
    one = len(variables) == 1
    steps = []
    given = {"variables": Tuple(*variables), "order": 1}
    if mode == "optimize":
        if isinstance(f, MatrixBase):
            raise InputError("optimisation needs one function, not a list", name="f")
        grad, sub = gradient_of(f, variables)
        F = grad[0] if one else grad
        steps.append(Step(R.METHOD_DERIVATIVE, f, F, {**given, "name": Str("f'" if one else "grad")},
                          substeps=sub))
    else:
        F = f
        if isinstance(f, MatrixBase) and f.rows != len(variables):
            raise InputError(f"{f.rows} equations but {len(variables)} unknowns", name="f")
        if not isinstance(f, MatrixBase) and not one:
            raise InputError("root finding in several variables needs one equation per "
                             "variable, e.g. [x^2 + y^2 - 4, x - y]", name="f")
    if one:
        F = F[0] if isinstance(F, MatrixBase) else F
        J, sub = gradient_of(F, variables)
        J = J[0]
    else:
        rows, sub = [], []
        for comp in F:
            row, more = gradient_of(comp, variables)
            rows.append(list(row))
            sub += list(more)
        J = ImmutableMatrix(rows)
    name = ("f''" if mode == "optimize" else "f'") if one else ("H" if mode == "optimize" else "J")
    steps.append(Step(R.METHOD_DERIVATIVE, F, J, {**given, "name": Str(name)},
                      substeps=tuple(sub)))
    return steps, [F, J]


# ------------------------------------------------------------------ the numbers
@dataclass
class NewtonTrace:
    """Newton's iterates with F and J at each, the steps Δ, and why it stopped."""

    points: list[Any] = field(default_factory=list)
    F: list[Any] = field(default_factory=list)
    J: list[Any] = field(default_factory=list)
    deltas: list[Any] = field(default_factory=list)
    stopped: str = "iterations"
    period: int = 0
    first_decimal: int | None = None
    digits: int = 30


def _values(F: Any, J: Any, n: int) -> list[Any]:
    from sympy import MatrixBase

    Fs = list(F) if isinstance(F, MatrixBase) else [F]
    Js = list(J) if isinstance(J, MatrixBase) else [J]
    assert len(Fs) == n and len(Js) == n * n
    return [*Fs, *Js]


def run_newton(F: Any, J: Any, variables: Sequence[Any], x0: Any, iterations: int, *,
               tolerance: Any = None, precision: Precision | None = None) -> NewtonTrace:
    """Iterate ``x <- x - Δ`` with ``J(x) Δ = F(x)``: exact while allowed, then decimals."""
    from fractions import Fraction

    import mpmath
    from sympy import ImmutableMatrix

    from symbolic_mlmath.calculus.bridge import as_numeric, is_rational_function
    from symbolic_mlmath.calculus.functions import to_elementary

    prec = precision or Precision()
    n = len(variables)
    items = [to_elementary(e) for e in _values(F, J, n)]
    exact_fn = (as_numeric(items, variables, mode="exact", tidy=False)
                if all(is_rational_function(e) for e in items) else None)
    mp_fn = None
    trace = NewtonTrace(digits=prec.digits)
    scale = _DIVERGED * max(1, *(abs(float(c)) for c in x0))
    point = list(x0)
    exact = prec.keeps_exact(point)
    stop = None
    for k in range(iterations + 1):
        vals = None
        if exact and exact_fn is not None:
            try:
                vals = [Fraction(v) for v in  # constants come back as ints
                        exact_fn(*[Fraction(int(c.p), int(c.q)) for c in point])]
            except ZeroDivisionError:
                trace.points.append(ImmutableMatrix(point))
                trace.stopped = "undefined"
                break
        elif exact:
            sub = dict(zip(variables, point, strict=True))
            got = [e.xreplace(sub) for e in items]
            if all(v.is_Rational for v in got):
                vals = [Fraction(int(v.p), int(v.q)) for v in got]
            else:
                exact = False
        if not exact:
            if trace.first_decimal is None:
                trace.first_decimal = k
                mp_fn = as_numeric(items, variables, mode="mpmath")
            with mpmath.workdps(prec.digits + 10):
                p = [mpmath.mpf(c.evalf(prec.digits + 10)) if hasattr(c, "evalf") else
                     mpmath.mpf(c) for c in point]
                point = [decimal(c, prec.digits) for c in p]
                try:
                    vals = list(mp_fn(*p))
                    bad = any(isinstance(v, mpmath.mpc) for v in vals)
                    vals = [mpmath.mpf(v) for v in vals] if not bad else vals
                    bad = bad or not all(mpmath.isfinite(v) for v in vals)
                except (ZeroDivisionError, ValueError, OverflowError, TypeError):
                    bad = True
            if bad:
                trace.points.append(ImmutableMatrix(point))
                trace.stopped = "undefined"
                break
        trace.points.append(ImmutableMatrix(point))
        Fv, Jv = vals[:n], vals[n:]
        conv = as_sympy_number if exact else (lambda v: decimal(v, prec.digits))
        trace.F.append(ImmutableMatrix([conv(v) for v in Fv]))
        trace.J.append(ImmutableMatrix(n, n, [conv(v) for v in Jv]))
        if stop is not None:
            trace.stopped = stop
            break
        if all(v == 0 for v in Fv):
            trace.stopped = "converged"
            break
        if k == iterations:
            break
        jm = [Jv[i * n:(i + 1) * n] for i in range(n)]
        if exact:
            delta = solve_linear(jm, Fv)
        else:
            with mpmath.workdps(prec.digits + 10):
                tiny = mpmath.mpf(10) ** (5 - prec.digits) * max(1, *(abs(v) for v in Fv))
                delta = None if all(abs(v) <= tiny for v in Jv) else solve_linear(jm, Fv)
        if delta is None:
            trace.stopped = "derivative_zero"
            break
        trace.deltas.append(ImmutableMatrix([conv(v) for v in delta]))
        if exact:
            nxt = [c - as_sympy_number(dv) for c, dv in zip(point, delta, strict=True)]
        else:
            with mpmath.workdps(prec.digits + 10):
                nxt = [decimal(mpmath.mpf(c.evalf(prec.digits + 10)) - dv, prec.digits)
                       for c, dv in zip(point, delta, strict=True)]
        size = max(abs(v) for v in trace.deltas[-1])
        if any(abs(c) > scale for c in nxt):
            stop = "diverged"
        elif period := _cycles(trace.points, nxt):
            stop, trace.period = "cycle", period
        elif tolerance is not None and size <= tolerance:
            stop = "tolerance"
        elif not exact and size <= 10 ** (2 - prec.digits) * max(1, *(abs(c) for c in nxt)):
            stop = "converged"
        point = nxt
        if exact and not prec.keeps_exact(point):
            exact = False
    return trace


_MAX_PERIOD = 8


def _cycles(points: list[Any], nxt: list[Any]) -> int:
    """The period p (2 to 8) when the next iterate repeats the one p steps back, else 0.

    A repeat of the last iterate is a fixed point (convergence), not a cycle.
    """
    if not points or list(points[-1]) == list(nxt):
        return 0
    for p in range(2, min(_MAX_PERIOD, len(points)) + 1):
        back = list(points[-p])
        if all(abs(a - b) <= 10**-20 * max(1, abs(a)) for a, b in zip(nxt, back, strict=True)):
            return p
    return 0


# ------------------------------------------------------------------ the limit and errors
def _limit(F: Any, J: Any, variables: Sequence[Any], start: Any, digits: int) -> list | None:
    """The limit x* continued from ``start`` in mpmath at ``digits + 30`` digits, or None."""
    import mpmath
    from sympy import lambdify

    from symbolic_mlmath.calculus.functions import to_elementary

    n = len(variables)
    fn = lambdify(variables, [to_elementary(e) for e in _values(F, J, n)], "mpmath")
    with mpmath.workdps(digits + 30):
        p = [mpmath.mpf(c.evalf(digits + 30)) for c in start]
        for _ in range(80):
            try:
                vals = [mpmath.mpmathify(v) for v in fn(*p)]
            except (ZeroDivisionError, ValueError, OverflowError, TypeError):
                return None
            if any(isinstance(v, mpmath.mpc) for v in vals):
                return None
            delta = solve_linear([vals[n + i * n:n + (i + 1) * n] for i in range(n)], vals[:n])
            if delta is None:
                return None
            p = [c - dv for c, dv in zip(p, delta, strict=True)]
            if max(abs(dv) for dv in delta) <= mpmath.mpf(10) ** -(digits + 25) * max(
                    1, *(abs(c) for c in p)):
                return p
    return None


def _table(trace: NewtonTrace, root: list | None, n: int) -> Any:
    import mpmath
    from sympy import Float, ImmutableMatrix, Integer, S

    rows = []
    for k, (p, Fv) in enumerate(zip(trace.points, trace.F, strict=False)):
        g = Fv[0] if n == 1 else max(abs(v) for v in Fv)
        if root is not None:
            with mpmath.workdps(trace.digits + 30):
                err = max(abs(mpmath.mpf(c.evalf(trace.digits + 30)) - r)
                          for c, r in zip(p, root, strict=True))
            last = Float(err, 3) if err != 0 else Integer(0)
        else:
            last = (max(abs(v) for v in trace.deltas[k]) if k < len(trace.deltas)
                    else S.NaN)
        rows.append([Integer(k), *list(p), g, last])
    return ImmutableMatrix(rows)


_REASONS = ("derivative_zero", "cycle", "diverged", "undefined")


def _update_formula(F: Any, J: Any, variables: tuple) -> Any:
    from sympy import ImmutableMatrix, Symbol

    if len(variables) == 1:
        return variables[0] - F / J
    return ImmutableMatrix([v - Symbol(f"Δ{v}") for v in variables])


def derive_newton(f: Any, variables: Sequence[Any], x0: Any, iterations: Any = 6, *,
                  mode: str = "root", tolerance: Any = None,
                  precision: Any = "auto") -> Derivation:
    """Newton's method on ``f`` from ``x0``: derivative(s), update rule, iterates, verdict.

    ``result``: ``point`` (a number in one variable, else a vector), ``iterates``,
    ``update`` (the update formula), ``value`` (f at the point), ``stopped``.

    Examples
    ========
    >>> from sympy import symbols
    >>> x = symbols("x")
    >>> derive_newton(x**3 - 2*x + 2, [x], [0], 5).result["stopped"]
    'cycle'
    >>> derive_newton(x**2 - 2*x, [x], [1], 3, mode="optimize").result["point"]
    1
    """
    from sympy import ImmutableMatrix, Integer, MatrixBase, Tuple
    from sympy.core.symbol import Str

    from symbolic_mlmath.text.convert import as_sympy

    variables = tuple(variables)
    if mode not in {"root", "optimize"}:
        raise InputError(f"unknown mode {mode!r}; use root or optimize", name="mode")
    if not variables:
        raise InputError("give at least one variable", name="vars")
    f = f if isinstance(f, MatrixBase) else as_sympy(f)
    extra = f.free_symbols - set(variables)
    if extra:
        raise InputError(f"the function has symbols that are not variables: "
                         f"{', '.join(sorted(map(str, extra)))}", name="f")
    x0 = read_point(x0, variables)
    n_it = read_iterations(iterations, cap=MAX_ITERATIONS)
    tol = read_tolerance(tolerance)
    prec = Precision.read(precision)
    n = len(variables)
    der_steps, (F, J) = newton_system(f, variables, mode)
    trace = run_newton(F, J, variables, x0, n_it, tolerance=tol, precision=prec)
    update = _update_formula(F, J, variables)
    common = {"variables": Tuple(*variables), "F": F, "J": J, "mode": Str(mode)}
    steps = [Step(Rule.GIVEN, None, f), *der_steps,
             Step(R.NEWTON_UPDATE_RULE, J, update, common)]
    pts = trace.points
    per_step = []
    for k in range(len(trace.deltas)):
        solve = ()
        if n > 1:
            solve = (Step(R.NEWTON_SOLVE, trace.J[k], trace.deltas[k],
                          {"rhs": trace.F[k], "k": k}),)
        given = {**common, "k": k, "point": pts[k], "F_value": trace.F[k],
                 "J_value": trace.J[k], "delta": trace.deltas[k]}
        per_step.append(Step(R.NEWTON_STEP, update if k == 0 else pts[k], pts[k + 1], given,
                             substeps=solve))
    steps += per_step[:1]
    substeps = per_step[1:]
    ok = trace.stopped not in _REASONS
    root = _limit(F, J, variables, pts[-1], prec.digits) if ok else None
    exact_rows = len(pts) if trace.first_decimal is None else trace.first_decimal
    last_col = "error |x_k - x*|" if root is not None else "|Δ_k|"
    if len(trace.deltas):
        steps.append(Step(R.ITERATION_TABLE, pts[1], pts[-1], {
            **common, "table": _table(trace, root, n), "f": f, "update": update,
            "columns": Tuple(*(Str(c) for c in ("k", *map(str, variables),
                                                "F(x_k)" if n == 1 else "max|F(x_k)|",
                                                last_col))),
            "precision": Str(prec.describe()), "exact_rows": exact_rows,
            "stopped": Str(trace.stopped), "method": Str("newton"),
            "root": ImmutableMatrix([decimal(r, prec.digits + 20) for r in root]) if root
            else Str("none"),
        }, substeps=tuple(substeps)))
    if not ok:
        k, period = len(pts) - 1, max(trace.period, 2)
        steps.append(Step(R.NEWTON_BREAKDOWN, steps[-1].after, Str(trace.stopped), {
            **common, "k": k, "point": pts[-1], "period": Integer(period),
            "previous": pts[-1 - period] if len(pts) > period else pts[0],
        }))
    point = pts[-1][0] if n == 1 else pts[-1]
    its = Iterates(*(p[0] for p in pts)) if n == 1 else Iterates(*pts)
    value = _value_at(f, variables, pts[-1], trace, prec)
    result = {"point": point, "iterates": its, "update": update, "value": value,
              "stopped": trace.stopped}
    return Derivation(
        f"Newton's method ({'root' if mode == 'root' else 'optimisation'})", goal=f,
        steps=tuple(steps), result=result, variables=variables, task="newton_method",
        inputs={"f": f, "vars": variables, "x0": x0, "iterations": n_it, "mode": mode},
        reference=lambda: _reference(F, J, variables, x0, trace, result),
    )


def _value_at(f: Any, variables: tuple, point: Any, trace: NewtonTrace, prec: Precision) -> Any:
    from sympy import MatrixBase

    from symbolic_mlmath.calculus.functions import to_elementary

    if isinstance(f, MatrixBase):
        return trace.F[-1] if trace.F else None
    from sympy import S

    v = to_elementary(f).xreplace(dict(zip(variables, point, strict=True)))
    if v.is_extended_real is False or v.has(S.ComplexInfinity, S.NaN):
        return S.NaN
    if trace.first_decimal is not None and trace.first_decimal < len(trace.points):
        try:
            return decimal(v, prec.digits)
        except TypeError:
            return S.NaN
    return v


def _reference(F: Any, J: Any, variables: tuple, x0: Any, trace: NewtonTrace,
               result: dict) -> dict:
    """The iterates recomputed by plain SymPy (exact rows: ``J.LUsolve(F)``) and mpmath
    (decimal rows: ``mpmath.lu_solve``); ``result`` itself when every iterate agrees."""
    import mpmath
    from sympy import ImmutableMatrix, Matrix, lambdify

    from symbolic_mlmath.calculus.functions import to_elementary

    n = len(variables)
    Fm = Matrix([to_elementary(e) for e in _values(F, J, n)[:n]])
    Jm = Matrix(n, n, [to_elementary(e) for e in _values(F, J, n)[n:]])
    fF, fJ = lambdify(variables, Fm, "mpmath"), lambdify(variables, Jm, "mpmath")
    digits = trace.digits
    point = list(x0)
    ok = True
    for k in range(1, len(trace.points)):
        if k > len(trace.deltas):
            break
        if trace.first_decimal is None or k < trace.first_decimal:
            sub = dict(zip(variables, point, strict=True))
            delta = Jm.xreplace(sub).LUsolve(Fm.xreplace(sub))
            point = [c - d for c, d in zip(point, delta, strict=True)]
            ok = ImmutableMatrix(point) == trace.points[k]
        else:
            with mpmath.workdps(digits + 20):
                p = [mpmath.mpf(c.evalf(digits + 20)) for c in trace.points[k - 1]]
                nxt = [a - b for a, b in zip(p, mpmath.lu_solve(fJ(*p), fF(*p)), strict=True)]
                ours = [mpmath.mpf(c.evalf(digits + 20)) for c in trace.points[k]]
                ok = all(abs(a - b) <= mpmath.mpf(10) ** (4 - digits) * max(1, abs(a))
                         for a, b in zip(nxt, ours, strict=True))
            point = list(trace.points[k])
        if not ok:
            return {**result, "point": ImmutableMatrix(point), "stopped": f"row {k} differs"}
    return result

"""Independent checks of the iterative-method and network rules (issue 13).

Each verifier recomputes what its step claims from the step's ``before`` and ``given``
pieces with plain SymPy (``diff``, ``subs``, ``eigenvals``) or with mpmath through
SymPy's own ``lambdify`` -- never through the engines' fast paths -- so a wrong
gradient, a wrong update or a wrong table row is caught. Decimal values are compared
to the precision they carry.

Examples
========
>>> from sympy import Matrix, Rational, symbols, Tuple
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.calculus.rules import CalculusRule as R
>>> x = symbols("x")
>>> good = {"variables": Tuple(x), "eta": Rational(1, 4), "f": x**2, "k": 1,
...         "point": Matrix([1]), "gradient": Matrix([2])}
>>> VERIFIERS[R.GD_STEP].check(Step(R.GD_STEP, Matrix([1]), Matrix([Rational(1, 2)]), good))
>>> VERIFIERS[R.GD_STEP].check(Step(R.GD_STEP, Matrix([1]), Matrix([Rational(3, 4)]), good))
'x_2 = x_1 - η ∇f(x_1) is [1/2], not [3/4]'
"""

from __future__ import annotations

import itertools
from typing import Any

from symbolic_mlmath.calculus.rules import CalculusRule as R
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import VerifierTable, same_value

__all__ = ["VERIFIERS", "close_enough"]

#: The verifiers of the iterative-method and network rules.
VERIFIERS = VerifierTable()


def _digits(*objs: Any) -> int | None:
    """The smallest decimal precision among the Floats in ``objs`` (None: all exact)."""
    from sympy import Float, MatrixBase

    found = []
    for o in objs:
        items = list(o) if isinstance(o, MatrixBase | list | tuple) else [o]
        for it in items:
            if hasattr(it, "atoms"):
                found += [f._prec for f in it.atoms(Float)]
    if not found:
        return None
    return max(5, int(min(found) * 0.30103) - 1)


def close_enough(a: Any, b: Any, digits: int | None = None, slack: int = 3) -> bool:
    """Equal exactly, or (when a side carries decimals) to their precision less ``slack``.

    Examples
    ========
    >>> from sympy import Float, Rational
    >>> close_enough(Rational(1, 3), Float("0.333333333333333333333333333333", 30))
    True
    >>> close_enough(Rational(1, 3), Float("0.3334", 30))
    False
    """
    from sympy import MatrixBase, N, Rational

    if isinstance(a, MatrixBase) or isinstance(b, MatrixBase):
        if not (isinstance(a, MatrixBase) and isinstance(b, MatrixBase)) or a.shape != b.shape:
            return False
        d = digits if digits is not None else _digits(a, b)
        return all(close_enough(x, y, d, slack) for x, y in zip(a, b, strict=True))
    d = digits if digits is not None else _digits(a, b)
    if d is None:
        return same_value(a, b)
    try:
        x, y = N(a, d + 10), N(b, d + 10)
        scale = max(1, abs(x), abs(y))
        return bool(abs(x - y) <= scale * Rational(1, 10 ** max(0, d - slack)))
    except TypeError:
        return False


def _txt(obj: Any) -> str:
    from symbolic_mlmath.render.formats import text_of

    return text_of(obj)


def _vec(obj: Any) -> str:
    return "[" + ", ".join(_txt(v) for v in obj) + "]"


def _diff_expected(before: Any, after: Any, variables: tuple, order: int = 1) -> Any:
    """What differentiating ``before`` gives: a derivative, gradient, Jacobian or Hessian."""
    from sympy import ImmutableMatrix, MatrixBase, diff

    if isinstance(before, MatrixBase):  # the Jacobian of a gradient: the Hessian
        return ImmutableMatrix([[diff(g, v) for v in variables] for g in before])
    if order == 2:
        return ImmutableMatrix([[diff(before, a, b) for b in variables] for a in variables])
    if isinstance(after, MatrixBase):
        return ImmutableMatrix([diff(before, v) for v in variables])
    return diff(before, variables[0])


@VERIFIERS.check(R.METHOD_DERIVATIVE)
def _check_derivative(step: Step) -> str | None:
    from symbolic_mlmath.calculus.functions import to_elementary

    variables = tuple(step.given["variables"])
    before = step.before.applyfunc(to_elementary) if hasattr(step.before, "applyfunc") \
        else to_elementary(step.before)
    after = step.after.applyfunc(to_elementary) if hasattr(step.after, "applyfunc") \
        else to_elementary(step.after)
    want = _diff_expected(before, after, variables, int(step.given.get("order", 1)))
    if not same_value(want, after):
        return f"the derivative of {_txt(step.before)} is {_txt(want)}, not {_txt(step.after)}"
    return None


@VERIFIERS.check(R.GD_UPDATE_RULE)
def _check_update_rule(step: Step) -> str | None:
    from sympy import ImmutableMatrix

    variables, eta = tuple(step.given["variables"]), step.given["eta"]
    want = ImmutableMatrix([v - eta * g for v, g in zip(variables, step.before, strict=True)])
    if not same_value(want, step.after):
        return f"x - η ∇f(x) is {_vec(want)}, not {_vec(step.after)}"
    return None


@VERIFIERS.check(R.LEARNING_RATE_BOUND, reads=True)
def _check_rate_bound(step: Step) -> str | None:
    from sympy import Matrix, S

    g = step.given
    H = g["hessian"]
    if "f" in g:
        want_h = _diff_expected(g["f"], H, tuple(g["variables"]), 2)
        if not same_value(want_h, H):
            return f"the Hessian of f is {_txt(want_h)}, not {_txt(H)}"
    eig = []
    for lam, mult in Matrix(H).eigenvals(multiple=False).items():
        eig += [lam] * mult
    claimed = list(g["eigenvalues"])
    if sorted(map(str, eig)) != sorted(map(str, claimed)) and not all(
            any(same_value(a, b) for b in claimed) for a in eig):
        return f"the eigenvalues of the Hessian are {_txt(eig)}, not {_txt(claimed)}"
    lmax = max(eig, key=lambda v: float(v.evalf()))
    bound = 2 / lmax if lmax.is_positive else S.Zero
    if not same_value(bound, step.after):
        return f"2/λ_max is {_txt(bound)}, not {_txt(step.after)}"
    eta, verdict = g["eta"], str(g["verdict"])
    lmin = min(eig, key=lambda v: float(v.evalf()))
    want = ("no_minimum" if not lmin.is_positive else "converges" if eta < bound
            else "oscillates" if eta == bound else "diverges")
    if verdict != want:
        return f"with η = {_txt(eta)} and 2/λ_max = {_txt(bound)} descent {want}, not {verdict}"
    return None


def _gradient_at(f: Any, variables: tuple, point: Any) -> Any:
    """∇f at ``point`` by plain SymPy (exact points) or mpmath (decimal points)."""
    from sympy import Float, ImmutableMatrix, diff

    grad = [diff(f, v) for v in variables]
    digits = _digits(point)
    if digits is None:
        sub = dict(zip(variables, point, strict=True))
        return ImmutableMatrix([g.xreplace(sub) for g in grad])
    sub = dict(zip(variables, point, strict=True))
    return ImmutableMatrix([Float(g.xreplace(sub).evalf(digits + 10), digits + 10) for g in grad])


@VERIFIERS.check(R.GD_STEP)
def _check_gd_step(step: Step) -> str | None:
    from sympy import ImmutableMatrix

    g = step.given
    variables, eta, k = tuple(g["variables"]), g["eta"], int(g["k"])
    point, claimed = g["point"], g["gradient"]
    grad = _gradient_at(g["f"], variables, point)
    if not close_enough(grad, claimed):
        return f"∇f(x_{k}) is {_vec(grad)}, not {_vec(claimed)}"
    if k < 0:  # no update was made: the table starts and ends at x_0
        return None if step.after == point else "with no update the point must stay x_0"
    want = ImmutableMatrix([c - eta * d for c, d in zip(point, claimed, strict=True)])
    if not close_enough(want, step.after):
        return f"x_{k + 1} = x_{k} - η ∇f(x_{k}) is {_vec(want)}, not {_vec(step.after)}"
    if k == 0:  # the update rule instantiated at x_0
        at = ImmutableMatrix(step.before).xreplace(dict(zip(variables, point, strict=True)))
        if not close_enough(at, step.after):
            return f"the update rule at x_0 gives {_vec(at)}, not {_vec(step.after)}"
    elif not close_enough(step.before, point):
        return f"the step starts at {_vec(step.before)}, not at x_{k} = {_vec(point)}"
    return None


def _table_problem(step: Step, f: Any, variables: tuple, eta: Any, update: Any) -> str | None:
    """Every row of an iteration table recomputed: f(x_k), and x_{k+1} from x_k.

    ``update`` is the update map (Newton); gradient descent recomputes ∇f instead.
    Exact rows are checked exactly; decimal rows with mpmath to their precision.
    """
    import mpmath
    from sympy import diff, lambdify

    T = step.given["table"]
    n = len(variables)
    grad = [diff(f, v) for v in variables]
    step_map = list(update) if update is not None else [
        v - eta * gi for v, gi in zip(variables, grad, strict=True)]
    fn = lambdify(variables, [f, *step_map], "mpmath")
    exact_rows = int(step.given.get("exact_rows", 0))
    rows = range(T.rows) if T.rows <= 200 else [*range(100), *range(T.rows - 100, T.rows)]
    for i in rows:
        row = list(T.row(i))
        point = row[1:1 + n]
        nxt_row = list(T.row(i + 1))[1:1 + n] if i + 1 < T.rows else None
        if i + 1 < exact_rows:
            sub = dict(zip(variables, point, strict=True))
            if not same_value(f.xreplace(sub), row[1 + n]):
                return f"row {i}: f(x_{i}) is {_txt(f.xreplace(sub))}, not {_txt(row[1 + n])}"
            want = [e.xreplace(sub) for e in step_map]
            if not all(same_value(a, b) for a, b in zip(want, nxt_row, strict=True)):
                return f"row {i + 1} does not follow from row {i} by the update"
            continue
        digits = _digits(*row) or 25
        with mpmath.workdps(digits + 10):
            p = [mpmath.mpf(c.evalf(digits + 10)) for c in point]
            vals = fn(*p)
            if not _mp_close(vals[0], row[1 + n], digits):
                return f"row {i}: f(x_{i}) is {mpmath.nstr(vals[0], 12)}, not {row[1 + n]}"
            if nxt_row is not None and (T.rows <= 200 or i + 1 in rows):
                for a, b in zip(vals[1:], nxt_row, strict=True):
                    if not _mp_close(a, b, digits, scale=max(1, *(abs(c) for c in p))):
                        return f"row {i + 1} does not follow from row {i} by the update"
    return None


def _mp_close(a: Any, b: Any, digits: int, scale: Any = 1) -> bool:
    import mpmath

    b = mpmath.mpf(b.evalf(digits + 10)) if hasattr(b, "evalf") else mpmath.mpf(b)
    tol = mpmath.mpf(10) ** (4 - digits) * max(scale, abs(a), abs(b), 1)
    return abs(a - b) <= tol


@VERIFIERS.check(R.ITERATION_TABLE)
def _check_table(step: Step) -> str | None:
    from sympy import ImmutableMatrix

    g = step.given
    T = g["table"]
    variables = tuple(g["variables"])
    n = len(variables)
    first = ImmutableMatrix(list(T.row(1 if T.rows > 1 else 0))[1:1 + n])
    if not close_enough(ImmutableMatrix(step.before), first):
        return "the table does not start at x_1"
    if not close_enough(ImmutableMatrix(step.after), ImmutableMatrix(list(T.row(T.rows - 1))[1:1 + n])):
        return "the table does not end at the final iterate"
    if str(g.get("method", "gradient_descent")) == "gradient_descent":
        return _table_problem(step, g["f"], variables, g["eta"], None)
    return _newton_table_problem(step)


@VERIFIERS.check(R.DIVERGENCE, reads=True)
def _check_divergence(step: Step) -> str | None:
    import mpmath

    g = step.given
    values = [mpmath.mpf(v.evalf(20)) for v in g["values"]]
    reason = str(g["reason"])
    if reason == "rising" and not all(a < b for a, b in itertools.pairwise(values)):
        return "the values of f do not rise"
    if reason == "overflow" and max(abs(c) for c in step.before) < 10**12:
        return "the last iterate is not large"
    return None


@VERIFIERS.check(R.MSE_LOSS)
def _check_mse(step: Step) -> str | None:
    from sympy import Rational, expand

    g = step.given
    w, b, data = g["w"], g["b"], step.before
    n = data.rows
    want = Rational(1, n) * sum((data[i, 1] - (w * data[i, 0] + b)) ** 2 for i in range(n))
    if expand(want - step.after) != 0:
        return f"the mean squared error is {_txt(expand(want))}, not {_txt(step.after)}"
    return None


@VERIFIERS.check(R.NORMAL_EQUATIONS)
def _check_normal(step: Step) -> str | None:
    from sympy import ImmutableMatrix

    g = step.given
    data = g["data"]
    X = ImmutableMatrix([[data[i, 0], 1] for i in range(data.rows)])
    Y = data[:, 1]
    if g["XtX"] != X.T * X or g["Xty"] != X.T * Y:
        return "XᵀX or Xᵀy is not computed from the data"
    if g["XtX"] * step.after != g["Xty"]:
        return f"{_vec(step.after)} does not solve XᵀX β = Xᵀy"
    return None


# ------------------------------------------------------------------ Newton's method
def _elementary(obj: Any) -> Any:
    from symbolic_mlmath.calculus.functions import to_elementary

    return obj.applyfunc(to_elementary) if hasattr(obj, "applyfunc") else to_elementary(obj)


def _at(obj: Any, variables: tuple, point: Any) -> Any:
    """``obj`` at ``point``: exact at exact points, else to the points' precision (+10)."""
    from sympy import Float, ImmutableMatrix, MatrixBase

    sub = dict(zip(variables, point, strict=True))
    digits = _digits(point)
    obj = _elementary(obj)
    items = list(obj) if isinstance(obj, MatrixBase) else [obj]
    vals = [e.xreplace(sub) for e in items]
    if digits is not None:
        vals = [Float(v.evalf(digits + 10), digits + 10) for v in vals]
    if isinstance(obj, MatrixBase):
        return ImmutableMatrix(obj.rows, obj.cols, vals)
    return ImmutableMatrix(vals)


@VERIFIERS.check(R.NEWTON_UPDATE_RULE)
def _check_newton_rule(step: Step) -> str | None:
    from sympy import ImmutableMatrix, MatrixBase, Symbol

    g = step.given
    variables = tuple(g["variables"])
    F, J = _elementary(g["F"]), _elementary(g["J"])
    if not same_value(_diff_expected(F, J, variables), J):
        return f"the derivative of F = {_txt(F)} is not {_txt(J)}"
    if not same_value(step.before, g["J"]):
        return "the update rule must start from the derivative just found"
    if isinstance(F, MatrixBase):
        want = ImmutableMatrix([v - Symbol(f"Δ{v}") for v in variables])
    else:
        want = variables[0] - F / J
    if not same_value(want, _elementary(step.after)):
        return f"Newton's update is {_txt(want)}, not {_txt(step.after)}"
    return None


@VERIFIERS.check(R.NEWTON_STEP)
def _check_newton_step(step: Step) -> str | None:
    g = step.given
    variables, k, point = tuple(g["variables"]), int(g["k"]), g["point"]
    F_at, J_at = _at(g["F"], variables, point), _at(g["J"], variables, point)
    if not close_enough(F_at, g["F_value"]):
        return f"F(x_{k}) is {_vec(F_at)}, not {_vec(g['F_value'])}"
    if not close_enough(J_at, g["J_value"]):
        return f"the derivative at x_{k} is {_txt(J_at)}, not {_txt(g['J_value'])}"
    if not close_enough(g["J_value"] * g["delta"], g["F_value"]):
        return f"Δ = {_vec(g['delta'])} does not solve J Δ = F at x_{k}"
    want = point - g["delta"]
    if not close_enough(want, step.after):
        return f"x_{k + 1} = x_{k} - Δ is {_vec(want)}, not {_vec(step.after)}"
    if k == 0 and len(variables) == 1:
        at = _at(step.before, variables, point)
        if not close_enough(at, step.after):
            return f"the update rule at x_0 gives {_vec(at)}, not {_vec(step.after)}"
    return None


@VERIFIERS.check(R.NEWTON_SOLVE)
def _check_newton_solve(step: Step) -> str | None:
    if not close_enough(step.before * step.after, step.given["rhs"]):
        return f"{_vec(step.after)} does not solve H Δ = {_vec(step.given['rhs'])}"
    return None


def _newton_table_problem(step: Step) -> str | None:
    """Each row from the row before by an independent mpmath Newton step; F and the error."""
    import mpmath
    from sympy import S, lambdify

    g = step.given
    T, variables = g["table"], tuple(g["variables"])
    n = len(variables)
    F, J = _elementary(g["F"]), _elementary(g["J"])
    fF = lambdify(variables, list(F) if hasattr(F, "rows") else [F], "mpmath")
    fJ = lambdify(variables, list(J) if hasattr(J, "rows") else [J], "mpmath")
    root = g.get("root")
    has_root = hasattr(root, "rows")
    for i in range(T.rows):
        row = list(T.row(i))
        digits = _digits(*row[1:1 + n]) or 30
        with mpmath.workdps(digits + 15):
            p = [mpmath.mpf(c.evalf(digits + 15)) for c in row[1:1 + n]]
            fv = [mpmath.mpmathify(v) for v in fF(*p)]
            shown = max(abs(v) for v in fv) if n > 1 else fv[0]
            if not _mp_close(shown, row[1 + n], digits, scale=max(1, *(abs(c) for c in p))):
                return f"row {i}: F(x_{i}) is {mpmath.nstr(shown, 12)}, not {row[1 + n]}"
            if has_root and row[-1].is_number and row[-1] is not S.NaN:
                err = max(abs(a - mpmath.mpf(r.evalf(digits + 15)))
                          for a, r in zip(p, root, strict=True))
                if abs(err - mpmath.mpf(row[-1].evalf(10))) > mpmath.mpf("0.01") * err + \
                        mpmath.mpf(10) ** (3 - digits):
                    return f"row {i}: the error |x_{i} - x*| is {mpmath.nstr(err, 3)}"
            if i + 1 < T.rows:
                jv = [mpmath.mpmathify(v) for v in fJ(*p)]
                try:
                    delta = (mpmath.lu_solve(mpmath.matrix([jv[r * n:(r + 1) * n]
                                                            for r in range(n)]),
                                             mpmath.matrix(fv)) if n > 1 else [fv[0] / jv[0]])
                except ZeroDivisionError:
                    return f"row {i}: the derivative is singular, so row {i + 1} cannot follow"
                nxt = list(T.row(i + 1))[1:1 + n]
                for a, d, b in zip(p, delta, nxt, strict=True):
                    if not _mp_close(a - d, b, digits, scale=max(1, *(abs(c) for c in p))):
                        return f"row {i + 1} does not follow from row {i} by Newton's step"
    return None


@VERIFIERS.check(R.NEWTON_BREAKDOWN, reads=True)
def _check_breakdown(step: Step) -> str | None:
    import mpmath

    g = step.given
    variables, reason, point = tuple(g["variables"]), str(step.after), g["point"]
    if reason == "derivative_zero":
        J = _at(g["J"], variables, point)
        det = J.det() if J.rows == J.cols else J[0]
        if _digits(point) is None and det != 0:
            return f"the derivative at the last iterate is {_txt(J)}, not singular"
        if _digits(point) is not None and abs(float(det)) > 1e-12:
            return f"the derivative at the last iterate is {_txt(J)}, not singular"
        return None
    if reason == "cycle":
        return None if close_enough(point, g["previous"]) else "the iterates do not repeat"
    if reason == "diverged":
        return None if max(abs(c) for c in point) > 10**12 else "the last iterate is not large"
    if reason == "undefined":
        F = _elementary(g["F"])
        try:
            vals = list(_at(F, variables, point))
            ok = all(complex(v).imag == 0 and abs(complex(v)) < mpmath.inf for v in vals)
        except (TypeError, ValueError, ZeroDivisionError):
            ok = False
        return "F is defined and real at the last iterate" if ok else None
    return f"unknown reason {reason}"

"""Critical points: solve ∇f = 0, keep the points in the domain, classify each one.

The gradient comes from the rule-tree engine; ``∇f = 0`` is solved exactly by SymPy's
``solve`` (Gröbner bases for polynomial systems) inside a worker with a time budget;
when that gives nothing usable, roots are found with mpmath to 30 digits and marked
numeric. Each point is classified: one variable by the second-derivative test (and the
first-derivative test when f'' = 0), two by D = f_xx f_yy - f_xy², more by the signs of
the Hessian's eigenvalues; what no test decides is called inconclusive.

Examples
========
>>> from sympy import Symbol
>>> x, y = Symbol("x"), Symbol("y")
>>> d = derive_critical_points(x**3 - 3*x, (x,))
>>> [(p["point"][x], p["kind"]) for p in d.result]
[(-1, 'local_max'), (1, 'local_min')]
>>> d = derive_critical_points(x**3 - 3*x + y**2, (x, y))
>>> [(tuple(p["point"].values()), p["kind"]) for p in d.result]
[((-1, 0), 'saddle'), ((1, 0), 'local_min')]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.render.titles import titled

from .rules import CalculusRule as R

__all__ = [
    "KINDS",
    "coords",
    "critical_steps",
    "defined_at",
    "derive_critical_points",
    "numeric_roots",
    "point_obj",
    "solve_gradient",
]

#: Seconds for SymPy's solve before the numeric fallback.
SOLVE_BUDGET = 8.0
#: The kinds of critical points.
KINDS = ("local_min", "local_max", "saddle", "inconclusive")


def _solve_worker(eqs: list, variables: list, interval: Any = None) -> list | None:
    """SymPy's solve (one variable: ``solveset`` on the real interval, so periodic
    solutions are listed inside a bounded domain); None for infinitely many."""
    from sympy import ConditionSet, FiniteSet, ImageSet, S, Union, solve, solveset

    if len(variables) == 1:
        found = solveset(eqs[0], variables[0], domain=interval if interval is not None else S.Reals)
        if isinstance(found, FiniteSet):
            return [{variables[0]: v} for v in found]
        if found.is_empty:
            return []
        if isinstance(found, ImageSet) or (isinstance(found, Union) and found.has(ImageSet)):
            return None
        if isinstance(found, ConditionSet) or found.has(ConditionSet):
            return ()
        return solve(eqs, variables, dict=True)
    return solve(eqs, variables, dict=True)


def _real(v: Any) -> Any:
    """``v`` if it is real (a tiny imaginary part of a numeric value dropped), else None."""
    from sympy import I, im, re

    if v.is_real is True or (v.free_symbols and v.is_real is not False and not v.has(I)):
        return v
    if v.free_symbols:
        return None
    val = v.evalf(30)
    if abs(im(val)) < 1e-25:
        return re(v) if v.is_number and not v.is_real else v
    return None


def numeric_roots(grad: list, variables: tuple, box: Mapping) -> list[dict]:
    """Roots of ``grad = 0`` with mpmath (30 digits): sign changes on a grid in one
    variable, Newton from a grid of starts in two or three."""
    import itertools

    import mpmath
    from sympy import Float, lambdify, oo

    from .functions import to_elementary

    lo_hi = []
    for v in variables:
        iv = box.get(v)
        lo = -10 if iv is None or iv.start == -oo else float(iv.start)
        hi = 10 if iv is None or iv.end == oo else float(iv.end)
        eps = (hi - lo) * 1e-9
        lo_hi.append((lo + eps, hi - eps))
    fs = [lambdify(variables, to_elementary(g), "mpmath") for g in grad]
    found: list[tuple] = []
    with mpmath.workdps(30):
        if len(variables) == 1:
            (lo, hi), f = lo_hi[0], fs[0]
            xs = [lo + (hi - lo) * k / 800 for k in range(801)]
            vals = []
            for t in xs:
                try:
                    vals.append(mpmath.mpf(f(mpmath.mpf(t))))
                except (ValueError, ZeroDivisionError, TypeError):
                    vals.append(None)
            for (a, fa), (b, fb) in itertools.pairwise(zip(xs, vals, strict=True)):
                if fa is None or fb is None or fa * fb > 0:
                    continue
                try:
                    found.append((mpmath.findroot(f, (mpmath.mpf(a), mpmath.mpf(b)),
                                                  solver="anderson"),))
                except (ValueError, ZeroDivisionError):
                    continue
        elif len(variables) <= 3:
            grids = [[lo + (hi - lo) * k / 4 for k in range(5)] for lo, hi in lo_hi]
            for start in itertools.product(*grids):
                try:
                    r = mpmath.findroot(lambda *a: [f(*a) for f in fs], start)
                except (ValueError, ZeroDivisionError, TypeError):
                    continue
                found.append(tuple(r) if hasattr(r, "__len__") else (r,))
        else:
            raise InputError("no exact solution, and numeric search is limited to 3 variables",
                             name="expr")
    points: list[dict] = []
    for root in found:
        pt = {v: Float(mpmath.nstr(c, 30), 30) for v, c in zip(variables, root, strict=True)}
        if any(not (lo - 1e-6 <= float(pt[v]) <= hi + 1e-6)
               for v, (lo, hi) in zip(variables, lo_hi, strict=True)):
            continue
        if not any(all(abs(pt[v] - q[v]) < 1e-20 for v in variables) for q in points):
            points.append(pt)
    return sorted(points, key=lambda p: [float(p[v]) for v in variables])


def solve_gradient(grad: list, variables: tuple, box: Mapping) -> tuple[list[dict], bool]:
    """The real solutions of ``grad = 0`` and whether they are numeric."""
    from symbolic_mlmath.core.errors import LimitError
    from symbolic_mlmath.text.limits import run_bounded

    from .functions import to_elementary

    eqs = [to_elementary(g) for g in grad]
    interval = box.get(variables[0]) if len(variables) == 1 else None
    if _small_polynomial(eqs, variables):
        sols = _solve_worker(eqs, list(variables), interval)  # bounded: in process
    else:
        try:
            sols = run_bounded(_solve_worker, eqs, list(variables), interval,
                               seconds=SOLVE_BUDGET)
        except (LimitError, NotImplementedError):  # includes TimeBudgetExceeded
            sols = ()
    if sols is None:
        raise InputError("f has infinitely many critical points (a periodic family); give a "
                         "bounded domain, e.g. [0, 2 pi]", name="domain")
    if sols:
        points = []
        for s in sols:
            if set(s) != set(variables):
                continue  # a family of solutions (free variables): not isolated points
            vals = {v: _real(s[v]) for v in variables}
            if any(val is None for val in vals.values()):
                continue
            points.append(vals)
        if points or not any(not e.is_polynomial(*variables) for e in eqs):
            return sorted(points, key=_order_key(variables)), False
    elif sols == [] and all(e.is_polynomial(*variables) for e in eqs):
        return [], False
    return numeric_roots(grad, variables, box), True


def _small_polynomial(eqs: list, variables: tuple) -> bool:
    """Polynomial equations small enough to solve in process (no worker, no budget)."""
    from sympy import Poly

    if len(variables) > 3:
        return False
    total = 1
    for e in eqs:
        if not e.is_polynomial(*variables):
            return False
        deg = Poly(e, *variables).total_degree()
        if deg > 4:
            return False
        total *= max(deg, 1)
    return total <= 16


def _order_key(variables: tuple) -> Any:
    def key(p: Mapping) -> list:
        out = []
        for v in variables:
            val = p[v]
            out.append(float(val.evalf(20)) if not val.free_symbols else 0.0)
        return out

    return key


def point_obj(point: Mapping, variables: tuple) -> Any:
    """A point as shown in steps: the value in one variable, a tuple in several."""
    from sympy import Tuple

    if len(variables) == 1:
        return point[variables[0]]
    return Tuple(*(point[v] for v in variables))


def coords(obj: Any, variables: tuple) -> dict:
    """The inverse of :func:`point_obj`: ``{variable: value}``."""
    if len(variables) == 1:
        return {variables[0]: obj}
    return dict(zip(variables, obj, strict=True))


def critical_steps(expr: Any, variables: tuple, box: Mapping) -> tuple[list[Step], list[dict],
                                                                        bool]:
    """Steps from f to its critical points in the domain: ∇f = 0, solve, restrict."""
    from sympy import Eq, FiniteSet, Interval, Tuple, oo

    from .domain import in_domain
    from .multivariable import gradient_step

    grad_step = gradient_step(expr, variables)
    grad = list(grad_step.after)
    eqs = Tuple(*(Eq(g, 0, evaluate=False) for g in grad))
    if len(variables) == 1:
        eqs = eqs[0]
    steps = [Step(R.SET_GRADIENT_ZERO, expr, eqs, {"variables": Tuple(*variables)}, (grad_step,))]
    points, numeric = solve_gradient(grad, variables, box)
    as_tuples = FiniteSet(*(point_obj(p, variables) for p in points))
    steps.append(Step(R.SOLVE_CRITICAL, eqs, as_tuples,
                      {"variables": Tuple(*variables), "numeric": numeric,
                       "method": "mpmath to 30 digits" if numeric else "exact (SymPy solve)"}))
    kept, dropped, unsure = [], [], []
    for p in points:
        inside = defined_at(expr, p) and in_domain(p, box)
        if inside is False:
            dropped.append(p)
        else:
            kept.append(p)
            if inside is None:
                unsure.append(p)
    if box or dropped:
        dom = Tuple(*(Tuple(v, box.get(v, Interval(-oo, oo))) for v in variables))
        steps.append(Step(R.RESTRICT_DOMAIN, as_tuples,
                          FiniteSet(*(point_obj(p, variables) for p in kept)),
                          {"domain": dom, "variables": Tuple(*variables),
                           "dropped": FiniteSet(*(point_obj(p, variables) for p in dropped)),
                           "assumed": FiniteSet(*(point_obj(p, variables) for p in unsure)),
                           "f": expr}))
    return steps, kept, numeric


def defined_at(expr: Any, point: Mapping) -> bool | None:
    """f is real and finite at the point (a log of a negative number is not)."""
    from sympy import nan, zoo

    from .functions import to_elementary

    val = to_elementary(expr).xreplace(dict(point))
    if val.free_symbols:
        return None
    if val.has(nan, zoo):
        return False
    v = val.evalf(30)
    if v.has(nan, zoo) or not v.is_finite:
        return False
    from sympy import im

    return bool(abs(im(v)) < 1e-25)


def derive_critical_points(expr: Any, variables: Any = None, *, domain: Any = None) -> Derivation:
    """Critical points of f, each classified (local_min, local_max, saddle, inconclusive).

    Explanation
    ===========
    ``domain`` limits the search (``"x > 0"``, ``"0 <= x <= 2, y > 0"``, ``"[0, 5]"``);
    points where f is undefined (a log of a negative number) are dropped too. The result
    is a list of ``{"point": {x: value, ...}, "kind": kind}``.

    Examples
    ========
    >>> from sympy import Symbol, log
    >>> x = Symbol("x")
    >>> d = derive_critical_points(x * log(x), (x,), domain="x > 0")
    >>> d.result
    [{'point': {x: exp(-1)}, 'kind': 'local_min'}]
    """
    from .classify import classify_step
    from .domain import read_domain
    from .multivariable import pick_variables

    variables = pick_variables(expr, variables)
    box = read_domain(domain, variables)
    steps, points, numeric = critical_steps(expr, variables, box)
    result = []
    before = steps[-1].after
    for p in points:
        step = classify_step(expr, variables, p, [q for q in points if q is not p], before)
        steps.append(step)
        result.append({"point": dict(p), "kind": str(step.given["kind"])})
    steps.insert(0, Step(Rule.GIVEN, None, expr))

    def reference() -> Any:
        from .classify import reference_kind
        from .domain import in_domain
        from .equality import sympy_derivative

        sols = _solve_worker([sympy_derivative(expr, v) for v in variables], list(variables),
                             box.get(variables[0]) if len(variables) == 1 else None) or []
        pts = [{v: s[v] for v in variables} for s in sols if set(s) == set(variables)]
        pts = [p for p in pts if all(_real(c) is not None for c in p.values())
               and defined_at(expr, p) is not False and in_domain(p, box) is not False]
        pts.sort(key=_order_key(variables))
        return [{"point": p, "kind": reference_kind(expr, variables, p)} for p in pts]

    return Derivation(titled("Critical points", expr, variables=variables),
                      expr, tuple(steps), result, variables,
                      task="critical_points",
                      inputs={"expr": expr, "vars": variables, "domain": domain},
                      reference=None if numeric else reference)


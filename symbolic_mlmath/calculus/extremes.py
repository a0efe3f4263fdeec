"""Global minimum or maximum: critical points in the domain, the boundary, then compare.

In one variable the candidates are the critical points inside the interval and its
ends: the value of f at a closed end, its limit at an open or infinite end (a limit
better than every candidate means the extreme is not attained). In several variables
(no domain) a global extreme is claimed only where it is certain here: a constant
Hessian that is positive (negative) semidefinite makes f convex (concave), so a
critical point is global.

Examples
========
>>> from sympy import Symbol, log
>>> p = Symbol("p")
>>> d = derive_extreme(-(7*log(p) + 3*log(1 - p)), (p,), domain="0 < p < 1")
>>> d.result
{'argmin': {p: 7/10}, 'min': -7*log(7/10) - 3*log(3/10)}
>>> w = Symbol("w")
>>> derive_extreme((1 - w)**2 + (2 - 3*w)**2, (w,)).result["argmin"]
{w: 7/10}
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.render.titles import titled

from .rules import CalculusRule as R

__all__ = ["check_boundary", "check_compare", "derive_extreme"]

LIMIT_BUDGET = 5.0


def _limit_worker(f: Any, x: Any, to: Any, side: str) -> Any:
    from sympy import limit

    return limit(f, x, to, side)


def _end_value(f: Any, x: Any, end: Any, closed: bool, side: str) -> tuple[Any, bool]:
    """f at a closed end, else its one-sided limit there: (value, is_limit)."""
    from symbolic_mlmath.core.errors import LimitError
    from symbolic_mlmath.text.limits import run_bounded

    from .functions import to_elementary

    if closed:
        return f.xreplace({x: end}).doit(), False
    try:
        return run_bounded(_limit_worker, to_elementary(f), x, end, side,
                           seconds=LIMIT_BUDGET), True
    except LimitError:  # out of time (TimeBudgetExceeded) or memory
        raise InputError(f"could not find the limit of f as {x} -> {end} in time",
                         name="expr") from None


def _better(a: Any, b: Any, goal: str) -> bool:
    """a strictly better than b for the goal (exact comparison, numeric if needed)."""
    from sympy import oo

    if a == b:
        return False
    if goal == "minimize":
        a, b = -a, -b
    if a in (oo, -oo) or b in (oo, -oo):
        return bool(a == oo or b == -oo)
    diff = (a - b).evalf(30)
    return bool(diff > 0)


def derive_extreme(expr: Any, variables: Any = None, *, goal: str = "minimize",
                   domain: Any = None) -> Derivation:
    """The global minimum (or maximum) of f on its domain, with every candidate compared.

    Explanation
    ===========
    The result is ``{"argmin": {x: value}, "min": value}`` (``argmax``/``max`` for
    ``goal="maximize"``); when the extreme is not attained both are ``None`` and the
    comparison step says why (f keeps decreasing towards an open end).

    Examples
    ========
    >>> from sympy import Symbol
    >>> x = Symbol("x")
    >>> derive_extreme(x**3 - 3*x, (x,), domain="[-3, 2]").result
    {'argmin': {x: -3}, 'min': -18}
    >>> derive_extreme(x**3 - 3*x, (x,), goal="maximize", domain="[-3, 2]").result
    {'argmax': {x: -1}, 'max': 2}
    """
    from sympy import Interval, Tuple, oo

    from .domain import read_domain
    from .multivariable import pick_variables
    from .optimization import coords, critical_steps, point_obj

    if goal not in ("minimize", "maximize"):
        raise InputError(f"goal must be minimize or maximize, not {goal!r}", name="goal")
    variables = pick_variables(expr, variables)
    box = read_domain(domain, variables)
    steps, points, _numeric = critical_steps(expr, variables, box)
    arg, val = ("argmin", "min") if goal == "minimize" else ("argmax", "max")
    cands = [(point_obj(p, variables), expr.xreplace(p).doit(), False) for p in points]
    before = steps[-1].after
    if len(variables) == 1:
        x = variables[0]
        iv = box.get(x, Interval(-oo, oo))
        ends = []
        for end, closed, side in ((iv.start, not iv.left_open, "+"), (iv.end, not iv.right_open, "-")):
            value, is_limit = _end_value(expr, x, end, closed, side)
            ends.append(Tuple(end, value, is_limit))
        steps.append(Step(R.BOUNDARY_VALUES, before, before,
                          {"f": expr, "variables": Tuple(*variables), "ends": Tuple(*ends)}))
        cands += [(e[0], e[1], bool(e[2])) for e in ends]
    else:
        if box:
            raise InputError("a domain in several variables needs its boundary examined; "
                             "only the whole space is handled here", name="domain")
        _global_by_convexity(expr, variables, goal)
    if not cands:
        raise InputError(f"f has no critical points, so no {val}imum is found this way",
                         name="expr")
    best = cands[0]
    for c in cands[1:]:
        if _better(c[1], best[1], goal):
            best = c
    attained = not best[2] and best[1] not in (oo, -oo)
    result = ({arg: coords(best[0], variables), val: best[1]} if attained
              else {arg: None, val: None})
    table = Tuple(*(Tuple(c[0], c[1], c[2]) for c in cands))
    steps.append(Step(R.COMPARE_CANDIDATES, before,
                      Tuple(best[0], best[1]) if attained else Tuple(),
                      {"goal": goal, "candidates": table, "attained": attained,
                       "variables": Tuple(*variables), "f": expr}))
    steps.insert(0, Step(Rule.GIVEN, None, expr))
    return Derivation(titled("Global minimum" if goal == "minimize" else "Global maximum", expr,
                             variables=variables), expr,
                      tuple(steps), result, variables, task="minimize",
                      inputs={"expr": expr, "vars": variables, "goal": goal, "domain": domain})


def _global_by_convexity(expr: Any, variables: tuple, goal: str) -> None:
    from sympy import hessian

    from .definiteness import eigen_verdict
    from .functions import to_elementary

    H = hessian(to_elementary(expr), variables)
    if H.free_symbols:
        raise InputError("a global extreme in several variables is certain here only for a "
                         "constant Hessian (a quadratic); use critical_points for the local "
                         "picture", name="expr")
    word = eigen_verdict(H)[1]
    want = "positive" if goal == "minimize" else "negative"
    if not word.startswith(want):
        raise InputError(f"the Hessian is {word}, so f has no global {goal[:-1]}um over the "
                         "whole space", name="expr")


def check_boundary(step: Step) -> str | None:
    """Verifier: each end value is f there (closed) or the limit there (open)."""
    from sympy import limit

    from .functions import to_elementary

    f, x = step.given["f"], step.given["variables"][0]
    for end, value, is_limit in step.given["ends"]:
        want = (limit(to_elementary(f), x, end) if is_limit else f.xreplace({x: end}).doit())
        if want != value and (want - value).evalf(30) != 0:
            return f"at {x} = {end} the value is {want}, not {value}"
    return None


def check_compare(step: Step) -> str | None:
    """Verifier: each candidate's value is f there, and the one chosen is the best."""
    from .optimization import coords

    g = step.given
    f, variables = g["f"], tuple(g["variables"])
    cands = list(g["candidates"])
    for pt, value, is_limit in cands:
        if not is_limit:
            want = f.xreplace(coords(pt, variables)).doit()
            if want != value and abs((want - value).evalf(30)) > 1e-25:
                return f"f{tuple(pt)} = {want}, not {value}"
    if not step.after:
        return None if not g["attained"] else "an attained extreme must be named"
    best_value = step.after[1]
    for _pt, value, _ in cands:
        if _better(value, best_value, str(g["goal"])):
            return f"the candidate value {value} beats {best_value}"
    return None

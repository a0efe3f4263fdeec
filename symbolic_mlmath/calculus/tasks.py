"""The calculus tasks: names, inputs, engines and answer checks."""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.tasks import Input, Task, TaskList
from symbolic_mlmath.core.verdict import Verdict

__all__ = ["TASKS"]

#: The tasks of this subject, in listing order.
TASKS = TaskList()
register = TASKS.register

# --- differentiation (issue 12) ----------------------------------------------
_EXPR = Input("expr", "expr", "the function, e.g. x^2 sin(x) or sigma(2x)")
_VAR = Input("var", "symbols", "the variable (optional when there is only one)", required=False)
_AT = Input("at", "assignments", "a point, e.g. x = 2, y = -1 (or a value for one variable)",
            required=False)
_VARS = Input("vars", "symbols", "the variables, in order, e.g. x, y", required=False)


def _one(var: Any) -> Any:
    if isinstance(var, tuple) and len(var) == 1:
        return var[0]
    return var


def _derive_derivative(expr: Any, var: Any = None, at: Any = None, method: Any = None) -> Any:
    from .differentiation import derive_derivative

    return derive_derivative(expr, _one(var), at=at, method=method)


def _derive_second(expr: Any, var: Any = None, at: Any = None) -> Any:
    from .differentiation import derive_second_derivative

    return derive_second_derivative(expr, _one(var), at=at)


def _check_derivative(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers import check_derivative_answer
    from .difftree import diff_tree
    from .functions import recognize

    tree = None
    if d.task == "derivative":
        tree = diff_tree(recognize(d.inputs["expr"]), d.inputs["var"])
    return check_derivative_answer(d, answer, tree)


register(Task("derivative", "The derivative, every rule named (chain, product, quotient, ...)",
              (_EXPR, _VAR, _AT, Input("method", "choice", "rules, or the limit definition",
                                       required=False, choices=("rules", "definition"))),
              _derive_derivative, _check_derivative, topic="c2w1-derivatives"))
register(Task("second_derivative", "The second derivative and the concavity it shows",
              (_EXPR, _VAR, _AT), _derive_second, _check_derivative, topic="c2w1-derivatives"))

def _derive_partial(expr: Any, var: Any, where: Any = None, at: Any = None) -> Any:
    from .multivariable import derive_partial

    return derive_partial(expr, _one(var), where=where, at=at)


def _derive_gradient(expr: Any, vars: Any = None, at: Any = None) -> Any:
    from .multivariable import derive_gradient

    return derive_gradient(expr, vars, at=at)


def _derive_hessian(expr: Any, vars: Any = None, at: Any = None) -> Any:
    from .multivariable import derive_hessian

    return derive_hessian(expr, vars, at=at)


def _check_partial(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers import check_derivative_answer

    return check_derivative_answer(d, answer, None)


def _check_gradient(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers import check_vector, read_expression, unknown_names

    got = read_expression(answer)
    allowed = set(d.inputs["expr"].free_symbols) | set(d.variables)
    bad = unknown_names(got, allowed)
    return bad if bad is not None else check_vector(d.result, got, tuple(d.variables))


def _check_hessian(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers import check_matrix, read_expression, unknown_names

    got = read_expression(answer)
    allowed = set(d.inputs["expr"].free_symbols) | set(d.variables)
    bad = unknown_names(got, allowed)
    return bad if bad is not None else check_matrix(d.result, got)


_WHERE = Input("where", "assignments", "named quantities, e.g. z = w x + b, a = sigma(z)",
               required=False)
register(Task("partial_derivative", "A partial derivative; with where, the chain rule through "
              "named quantities", (_EXPR, Input("var", "symbols", "the variable"), _WHERE, _AT),
              _derive_partial, _check_partial, topic="c2w2-gradients"))
register(Task("gradient", "The gradient: every partial derivative, each by its rules",
              (_EXPR, _VARS, _AT), _derive_gradient, _check_gradient, topic="c2w2-gradients"))
register(Task("hessian", "The Hessian, its symmetry, and definiteness by minors and eigenvalues",
              (_EXPR, _VARS, _AT), _derive_hessian, _check_hessian, topic="c2w2-gradients"))

def _derive_critical(expr: Any, vars: Any = None, domain: Any = None) -> Any:
    from .optimization import derive_critical_points

    return derive_critical_points(expr, vars, domain=domain)


def _derive_minimize(expr: Any, vars: Any = None, goal: Any = None, domain: Any = None) -> Any:
    from .extremes import derive_extreme

    return derive_extreme(expr, vars, goal=goal or "minimize", domain=domain)


def _check_critical(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers_opt import check_critical_points

    return check_critical_points(d, answer)


def _check_minimize(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers_opt import check_extreme

    return check_extreme(d, answer)


_DOMAIN = Input("domain", "text", "e.g. x > 0, 0 <= x <= 5, [0, 1] or x in (0, 1), y > 0",
                required=False)
register(Task("critical_points", "Critical points from grad f = 0, each classified",
              (_EXPR, _VARS, _DOMAIN), _derive_critical, _check_critical,
              topic="c2w1-optimization"))
register(Task("minimize", "Global minimum or maximum: critical points, ends, comparison",
              (_EXPR, _VARS, Input("goal", "choice", "minimize or maximize", required=False,
                                   choices=("minimize", "maximize")), _DOMAIN),
              _derive_minimize, _check_minimize, topic="c2w1-optimization",
              aliases=("maximize", "optimize")))

# --- iterative methods and networks (issue 13) ----------------------------------------------
from symbolic_mlmath.calculus import tasks_iter  # noqa: E402

TASKS.extend(tasks_iter.TASKS)

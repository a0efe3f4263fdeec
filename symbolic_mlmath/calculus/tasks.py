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
_AT = Input("at", "value", "a point, e.g. {x: 2} or 2", required=False)
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

# --- iterative methods and networks (issue 13) ----------------------------------------------
from symbolic_mlmath.calculus import tasks_iter  # noqa: E402

TASKS.extend(tasks_iter.TASKS)

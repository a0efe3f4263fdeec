"""The calculus tasks: names, inputs, engines and answer checks."""

from __future__ import annotations

from symbolic_mlmath.core.tasks import TaskList

__all__ = ["TASKS"]

#: The tasks of this subject, in listing order.
TASKS = TaskList()
register = TASKS.register

# --- differentiation (issue 12) ----------------------------------------------



# --- iterative methods and networks (issue 13) ----------------------------------------------
from symbolic_mlmath.calculus import tasks_iter  # noqa: E402

TASKS.extend(tasks_iter.TASKS)

"""The public entry points: ``solve`` a task with steps, ``check`` a learner's answer.

Examples
========
>>> import symbolic_mlmath as sm
>>> sm.solve("det", matrix=[[2, 1, 5], [1, 2, 1], [2, 1, 3]]).result
-6
>>> v = sm.check("det", answer="-6", matrix="[[2,1,5],[1,2,1],[2,1,3]]")
>>> v.correct, v.method
(True, 'structural')
>>> sm.check("det", answer="6", matrix="[[2,1,5],[1,2,1],[2,1,3]]").correct
False
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.verdict import Verdict

__all__ = ["check", "solve"]


def solve(task: str, **inputs: Any) -> Any:
    """Solve ``task`` on ``inputs`` (Python objects or learner text) -> ``Derivation``."""
    from symbolic_mlmath.core.tasks import get_task

    return get_task(task).solve(inputs)


def check(
    task: str,
    answer: Any = None,
    *,
    working: Any = None,
    abs_tol: Any = None,
    rel_tol: Any = None,
    **inputs: Any,
) -> Verdict:
    """Judge a learner's ``answer`` (and/or ``working``, a list of lines) for ``task``.

    Returns a :class:`~symbolic_mlmath.core.verdict.Verdict`: ``correct`` is True, False
    or None (undecided), ``feedback`` explains, ``first_wrong_step`` points into the
    working. ``abs_tol``/``rel_tol`` accept numeric answers within a tolerance.
    """
    from symbolic_mlmath.core.tasks import get_task
    from symbolic_mlmath.text.options import parse_tolerance

    abs_tol = parse_tolerance(abs_tol, name="abs_tol")
    rel_tol = parse_tolerance(rel_tol, name="rel_tol")
    return get_task(task).check(inputs, answer, working, abs_tol=abs_tol, rel_tol=rel_tol)

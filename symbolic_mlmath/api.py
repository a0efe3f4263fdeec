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

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.verdict import Verdict

__all__ = ["check", "solve"]


def solve(task: str, **inputs: Any) -> Any:
    """Solve ``task`` on ``inputs`` (Python objects or learner text) -> ``Derivation``.

    The work runs under ``Limits.time_budget``: past it, a one-line ``LimitError`` (or the
    engine's declared numeric fallback), never a hang.
    """
    from symbolic_mlmath.core.tasks import get_task
    from symbolic_mlmath.text.budget import time_budget

    t = get_task(task)
    with time_budget(what=f"solving {t.name}"):
        parsed = t.parse_inputs(inputs)
        return t.derive(**parsed)


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
    working. ``abs_tol``/``rel_tol`` accept numeric answers within a tolerance; like every
    option they are learner text, read through the text door. The work runs under
    ``Limits.time_budget``.
    """
    from symbolic_mlmath.text.budget import time_budget
    from symbolic_mlmath.text.options import parse_tolerance

    abs_tol = parse_tolerance(abs_tol, name="abs_tol")
    rel_tol = parse_tolerance(rel_tol, name="rel_tol")
    with time_budget(what=f"checking {str(task)[:40]}"):
        return _check(task, answer, working, abs_tol, rel_tol, inputs)


def _check(task: str, answer: Any, working: Any, abs_tol: Any, rel_tol: Any,
           inputs: dict[str, Any]) -> Verdict:
    from symbolic_mlmath.core.tasks import get_task

    t = get_task(task)
    if answer is None and working is None:
        raise TaskError("give an answer (--answer) or a working (--working)", name="answer")
    parsed = t.parse_inputs(inputs)
    if working is not None:
        if t.check_working is None:
            return Verdict(None, "undecided",
                           f"Checking working is not available for task {t.name} yet.")
        lines = _lines(working)
        return t.check_working(parsed, lines, answer)
    derivation = t.derive(**parsed)
    if t.check_answer is None:
        from symbolic_mlmath.core.answers import compare
        from symbolic_mlmath.text.parse import parse_answer

        got = parse_answer(answer, name="answer")
        return compare(derivation.result, got, text=answer, abs_tol=abs_tol, rel_tol=rel_tol)
    return t.check_answer(derivation, answer, parsed, abs_tol=abs_tol, rel_tol=rel_tol)


def _lines(working: Any) -> list[Any]:
    if isinstance(working, str):
        text = working.strip()
        if text.startswith("[") and text.endswith("]") and "\n" not in text:
            return [text]
        return [ln for ln in (s.strip() for s in text.splitlines()) if ln]
    if isinstance(working, list | tuple):
        return list(working)
    raise TaskError("working must be a list of lines", name="working")

"""Grading one submission: a pure function from a submission (one JSON object) to one verdict
record, whatever the submission holds.

Every field of a submission is learner text and goes through the task's input parsers and the
working judges, never through ``eval``; a submission that cannot be graded gets a record whose
``status`` says why.

Examples
========
>>> grade_submission({"id": "a1", "task": "det", "inputs": {"matrix": "[[1,2],[3,4]]"},
...                   "answer": "-2"})["correct"]
True
>>> peek_key(3, '{"id": "a1"}'), peek_key(4, "not json")
(('id:a1', 'a1'), ('line:4', None))
"""

from __future__ import annotations

import contextlib
import json
import signal
import threading
from collections.abc import Iterator, Mapping
from typing import Any

__all__ = [
    "FIELDS",
    "MAX_LINE",
    "MAX_NAME",
    "RETRY",
    "STATUSES",
    "TIME_LIMIT",
    "grade_chunk",
    "grade_line",
    "grade_submission",
    "peek_key",
    "record",
]

#: Why a submission got the record it got.
STATUSES = ("graded", "unknown task", "bad input", "internal error", "time limit")
#: Statuses that a rerun grades again (the others are final).
RETRY = ("internal error", "time limit")
#: Longest accepted line of the submissions file, in characters.
MAX_LINE = 1_000_000
#: Longest id or student name kept.
MAX_NAME = 200
#: Default time limit for one submission, in seconds.
TIME_LIMIT = 30.0
#: The fields of a verdict record, in the order they are written.
FIELDS = ("id", "student", "task", "status", "correct", "method", "feedback",
          "first_wrong_step", "mistake", "line")


class _TimeLimit(BaseException):
    """The submission's time is up (a BaseException: no ``except Exception`` inside SymPy or
    a judge can swallow it)."""


@contextlib.contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_TimeLimit` after ``seconds``: by SIGALRM in a main thread (a process
    worker), else by the text door's thread-safe time budget (a Dask worker's thread)."""
    if not seconds or seconds <= 0:
        yield
        return
    if not (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()):
        from symbolic_mlmath.text.budget import time_budget
        from symbolic_mlmath.text.limits import TimeBudgetExceeded

        budget = time_budget(seconds, what="grading this submission")
        try:
            with budget:
                yield
        except TimeBudgetExceeded:
            if getattr(budget, "fired", False):
                raise _TimeLimit from None
            raise
        return

    def _alarm(signum: int, frame: Any) -> None:
        raise _TimeLimit

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _one_line(text: Any, limit: int = 500) -> str:
    return " ".join(str(text).split())[:limit]


def _name(value: Any, field: str) -> str | None:
    """An id or student name: a string or an integer, short, on one line."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _Bad(f"{field} must be a string or a whole number, got {type(value).__name__}")
    text = _one_line(value, MAX_NAME + 1)
    if not text:
        raise _Bad(f"{field} is empty")
    if len(text) > MAX_NAME:
        raise _Bad(f"{field} is longer than {MAX_NAME} characters")
    return text


class _Bad(Exception):
    """A submission that is not shaped as one (missing fields, wrong types)."""


def record(sub_id: Any, student: Any, task: Any, status: str, feedback: str, **rest: Any) -> dict:
    """A verdict record: every one of :data:`FIELDS`, the ones not given ``None``."""
    out = dict.fromkeys(FIELDS)
    out.update(id=sub_id, student=student, task=task, status=status, feedback=feedback)
    out.update(rest)
    return out


def _first_mistake(v: Any) -> str | None:
    if v.first_wrong_step is not None and v.first_wrong_step < len(v.lines):
        name = v.lines[v.first_wrong_step].mistake
        if name:
            return name
    return getattr(v, "mistake", None)


def grade_submission(sub: Any, *, time_limit: float | None = TIME_LIMIT) -> dict:
    """Grade one submission (a mapping) -> a verdict record (a dict of :data:`FIELDS`).

    Never raises for anything a submission can contain: the record's ``status`` and
    ``feedback`` say what went wrong.
    """
    from symbolic_mlmath.core.errors import InputError, TaskError
    from symbolic_mlmath.text.limits import TimeBudgetExceeded

    sub_id = student = task_name = None
    try:
        if not isinstance(sub, Mapping):
            raise _Bad(f"a submission is a JSON object, got {type(sub).__name__}")
        sub_id = _name(sub.get("id"), "id")
        if sub_id is None:
            raise _Bad("missing id")
        student = _name(sub.get("student"), "student")
        raw_task = sub.get("task")
        if not isinstance(raw_task, str) or not raw_task.strip():
            raise _Bad("missing task (a task name such as det or rref)")
        task_name = _one_line(raw_task, 80)
        inputs = sub.get("inputs", {})
        if not isinstance(inputs, Mapping):
            raise _Bad("inputs must be a JSON object of input name -> value")
        if any(not isinstance(k, str) for k in inputs):
            raise _Bad("input names must be strings")
        answer, working = sub.get("answer"), sub.get("working")
        if answer is None and working is None:
            raise _Bad("give an answer or a working (or both)")
        if working is not None and not isinstance(working, str | list):
            raise _Bad("working must be a list of lines (or one string)")
        if isinstance(answer, dict | bool):
            raise _Bad("answer must be text, a number or a list")
    except _Bad as exc:
        return record(sub_id, student, task_name, "bad input", str(exc))
    from symbolic_mlmath.core.tasks import get_task

    try:
        task = get_task(task_name)
    except TaskError as exc:
        return record(sub_id, student, task_name, "unknown task", str(exc))
    rec = {"id": sub_id, "student": student, "task": task.name}
    try:
        with _deadline(time_limit):
            v = task.check(dict(inputs), answer, working)
    except _TimeLimit:
        return record(*rec.values(), "time limit",
                       f"grading took longer than {time_limit:g} s; not graded")
    except TimeBudgetExceeded as exc:  # the task's own budget (Limits.time_budget)
        return record(*rec.values(), "time limit", f"{_one_line(exc)}; not graded")
    except InputError as exc:
        return record(*rec.values(), "bad input", _one_line(exc))
    except RecursionError:
        return record(*rec.values(), "bad input", "input nested too deeply")
    except Exception as exc:  # a bug of ours: named, and the batch goes on
        return record(*rec.values(), "internal error", _one_line(f"{type(exc).__name__}: {exc}"))
    return record(*rec.values(), "graded", _one_line(v.feedback, 2000), correct=v.correct,
                   method=v.method, first_wrong_step=v.first_wrong_step,
                   mistake=_first_mistake(v))


def grade_line(text: str, lineno: int, *, time_limit: float | None = TIME_LIMIT) -> dict:
    """Grade one line of a submissions file (JSON text); ``lineno`` is 1-based."""
    if len(text) > MAX_LINE:
        rec = record(None, None, None, "bad input",
                      f"line {lineno} is longer than {MAX_LINE} characters")
    else:
        try:
            sub = json.loads(text)
        except RecursionError:
            sub, err = None, "nested too deeply"
        except ValueError as exc:
            sub, err = None, getattr(exc, "msg", str(exc))
        if sub is None or not isinstance(sub, dict):
            err = err if sub is None else f"got a JSON {type(sub).__name__}"
            rec = record(None, None, None, "bad input",
                          f"line {lineno} is not a JSON object: {_one_line(err, 200)}")
        else:
            rec = grade_submission(sub, time_limit=time_limit)
    rec["line"] = lineno
    return rec


def grade_chunk(chunk: list[tuple[int, str]], time_limit: float | None = TIME_LIMIT) -> list[dict]:
    """Grade ``(lineno, text)`` pairs: the unit of work sent to a process or a Dask worker."""
    return [grade_line(text, n, time_limit=time_limit) for n, text in chunk]


def peek_key(n: int, text: str) -> tuple[str, str | None]:
    """The key a line will be recorded under, read cheaply (for skipping and duplicates)."""
    try:
        sub = json.loads(text) if len(text) <= MAX_LINE else None
        sid = _name(sub.get("id"), "id") if isinstance(sub, dict) else None
    except (ValueError, RecursionError, _Bad):
        sid = None
    return (f"id:{sid}", sid) if sid is not None else (f"line:{n}", None)


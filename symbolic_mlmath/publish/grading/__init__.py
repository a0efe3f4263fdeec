"""Grading a whole class: one verdict per submission, a summary per student, task and mistake.

A *submission* is one JSON object per line of a ``.jsonl`` file::

    {"id": "s01-q3", "student": "s01", "task": "det",
     "inputs": {"matrix": "[[2,1],[1,3]]"}, "answer": "5", "working": ["2*3 - 1*1", "5"]}

:func:`grade_submission` is a pure function from one submission to one verdict record
(``id``, ``student``, ``task``, ``status``, ``correct``, ``method``, ``feedback``,
``first_wrong_step``, ``mistake``); every field of the submission is learner text and goes
through the task's input parsers and the working judges, never through ``eval``.
A submission that cannot be graded gets a record too, whose ``status`` says why
(``unknown task``, ``bad input``, ``internal error``, ``time limit``): one bad line never
stops the batch. :func:`grade_file` runs the batch serially, on local processes
(``jobs``) or on a Dask cluster (``scheduler``), appends to ``verdicts.jsonl`` (a rerun
skips the ids already graded) and rewrites ``summary.csv`` (see :func:`write_summary`).

Examples
========
>>> r = grade_submission({"id": "a1", "student": "ann", "task": "det",
...                       "inputs": {"matrix": "[[2,1],[1,3]]"}, "answer": "5"})
>>> r["status"], r["correct"], r["method"]
('graded', True, 'structural')
>>> r = grade_submission({"id": "a2", "task": "det", "inputs": {"matrix": "[[2,1],[1,3]]"},
...                       "working": ["2*3 + 1*1", "7"]})
>>> r["correct"], r["first_wrong_step"], r["mistake"]
(False, 0, '2x2 determinant')
>>> grade_submission({"id": "a3", "task": "dett", "inputs": {}, "answer": "1"})["status"]
'unknown task'
>>> grade_line('{"id": 1, "task": "det", ', 7)["feedback"]
'line 7 is not a JSON object: Expecting property name enclosed in double quotes'
"""

from __future__ import annotations

from symbolic_mlmath.publish.grading.batch import GradeReport, grade_file, read_verdicts
from symbolic_mlmath.publish.grading.command import main
from symbolic_mlmath.publish.grading.summary import summarize, write_summary
from symbolic_mlmath.publish.grading.verdict import (
    FIELDS,
    MAX_LINE,
    MAX_NAME,
    RETRY,
    STATUSES,
    TIME_LIMIT,
    grade_chunk,
    grade_line,
    grade_submission,
)

__all__ = [
    "FIELDS",
    "MAX_LINE",
    "MAX_NAME",
    "RETRY",
    "STATUSES",
    "TIME_LIMIT",
    "GradeReport",
    "grade_chunk",
    "grade_file",
    "grade_line",
    "grade_submission",
    "main",
    "read_verdicts",
    "summarize",
    "write_summary",
]

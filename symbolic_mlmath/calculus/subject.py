"""Calculus (course 2): everything the subject contributes, declared in one place.

Examples
========
>>> SUBJECT.course
2
"""

from __future__ import annotations

from symbolic_mlmath.core.subjects import Subject

__all__ = ["SUBJECT"]

_P = "symbolic_mlmath.calculus"

SUBJECT = Subject(
    name="calculus",
    title="Calculus",
    course=2,
    rules=f"{_P}.rules:CalculusRule",
    tasks=f"{_P}.tasks:TASKS",
    verifiers=f"{_P}.verifiers:VERIFIERS",
    templates=f"{_P}.templates:TEMPLATES",
    judges=f"{_P}.judges:JUDGES",
    generators=f"{_P}.worksheets:GENERATORS",
)

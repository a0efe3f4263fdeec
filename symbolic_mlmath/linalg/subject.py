"""Linear algebra (course 1): everything the subject contributes, declared in one place.

Examples
========
>>> SUBJECT.name, SUBJECT.course
('linalg', 1)
"""

from __future__ import annotations

from symbolic_mlmath.core.subjects import Subject

__all__ = ["SUBJECT"]

_P = "symbolic_mlmath.linalg"

SUBJECT = Subject(
    name="linalg",
    title="Linear algebra",
    course=1,
    rules=f"{_P}.rules:LinalgRule",
    tasks=f"{_P}.tasks:TASKS",
    verifiers=f"{_P}.verifiers:VERIFIERS",
    templates=f"{_P}.templates:TEMPLATES",
    judges=f"{_P}.judges:JUDGES",
    detectors=f"{_P}.mistakes:DETECTORS",
    generators=(f"{_P}.worksheets:GENERATORS", f"{_P}.worksheets_vectors:GENERATORS",
                f"{_P}.worksheets_eigen:GENERATORS"),
)

"""The course order of the workbook: course, week, and topic within the week.

The order follows the syllabus of *Mathematics for Machine Learning and Data Science*.
A topic id ``cXwY-name`` not listed here (a new derivation file) still finds its place:
after the listed topics of its course and week, by name. Course titles come from the
subjects (``core.subjects``).

Examples
========
>>> sorted(["c1w1-singularity", "c2w1-derivatives", "c1w1-systems", "c1w1-zzz"], key=order_key)
['c1w1-systems', 'c1w1-singularity', 'c1w1-zzz', 'c2w1-derivatives']
>>> place("c1w3-inverse")
(1, 3)
"""

from __future__ import annotations

import re

__all__ = ["SYLLABUS", "course_title", "order_key", "place"]

#: Every topic of the syllabus, in course order.
SYLLABUS: tuple[str, ...] = (
    "c1w1-systems", "c1w1-singularity", "c1w2-elimination", "c1w2-echelon-rank",
    "c1w3-vectors", "c1w3-transformations", "c1w3-inverse", "c1w4-determinants",
    "c1w4-basis-span", "c1w4-eigen",
    "c2w1-derivatives", "c2w1-optimization", "c2w2-gradients", "c2w2-gradient-descent",
    "c2w3-neural-networks", "c2w3-newton",
    "c3w1-probability", "c3w1-random-variables", "c3w2-describing", "c3w2-random-vectors",
    "c3w3-sampling", "c3w3-mle", "c3w3-bayesian", "c3w4-confidence", "c3w4-hypothesis",
)

_ID = re.compile(r"c(\d+)w(\d+)[-_](.*)")


def place(topic_id: str) -> tuple[int, int]:
    """``(course, week)`` of a topic id (``(99, 99)`` for an id of another shape)."""
    m = _ID.fullmatch(topic_id)
    return (int(m.group(1)), int(m.group(2))) if m else (99, 99)


def order_key(topic_id: str) -> tuple:
    """Sort key: course, week, then the syllabus position (unlisted topics after, by name)."""
    tid = topic_id.replace("_", "-")
    course, week = place(tid)
    pos = SYLLABUS.index(tid) if tid in SYLLABUS else len(SYLLABUS)
    return (course, week, pos, tid)


def course_title(course: int) -> str:
    """``Course 1 — Linear algebra``: the title of the subject teaching that course."""
    name = ""
    try:
        from symbolic_mlmath.core.subjects import subjects

        titles = [s.title for s in subjects() if getattr(s, "course", None) == course]
        name = titles[0] if titles else ""
    except Exception:  # pragma: no cover - a broken subject must not break the index
        name = ""
    return f"Course {course} — {name}" if name else f"Course {course}"

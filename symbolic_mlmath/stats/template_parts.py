"""Pieces the statistics templates share: what a step was given, the part it rewrote and what
that part became.

Examples
========
>>> from sympy import Symbol
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.stats.rules import StatsRule
>>> x = Symbol("x")
>>> s = Step(StatsRule.COUNT_VALUES, x + 1, 3, {"part": x, "becomes": 2})
>>> given(s, "part"), given(s, "missing", 0), part(s), becomes(s)
(x, 0, x, 2)
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step

__all__ = ["becomes", "given", "part"]


def given(step: Step, key: str, default: Any = None) -> Any:
    """What the step was given under ``key`` (``default`` when it was not)."""
    return step.given.get(key, default)


def part(step: Step) -> Any:
    """The part of the expression a step rewrote (the whole by default)."""
    return step.given.get("part", step.before)


def becomes(step: Step) -> Any:
    """What that part became."""
    return step.given.get("becomes", step.after)

"""Worksheet problems as data: a :class:`Problem`, the :class:`Generator` that makes it,
and the :class:`GeneratorTable` a subject fills (its ``generators`` role).

A generator makes one problem for one task from a seeded random source, built backwards
from its answer so every step stays nice; the publishing layer
(:mod:`symbolic_mlmath.publish.worksheet`) solves it, keeps it when every number in every
step is small, and lays out sheets and answer keys. Nothing here knows a subject.

Examples
========
>>> T = GeneratorTable()
>>> @T.add("dot")
... def _dot(rng):
...     return Problem("dot", {"u": [1, 2], "v": [3, 4]}, "Compute $u \\\\cdot v$.", ("matrices", ()))
>>> T["dot"].make(None).inputs
{'u': [1, 2], 'v': [3, 4]}
>>> linear_text([2, -1, 0, 1], ("x", "y", "z", "w"))
'2x - y + w'
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "MAX_DENOMINATOR",
    "MAX_NUMERATOR",
    "Generator",
    "GeneratorTable",
    "Problem",
    "linear_text",
]

#: Bounds that make a step "nice": |numerator| and denominator of every number.
MAX_NUMERATOR = 40
MAX_DENOMINATOR = 6


@dataclass(frozen=True)
class Problem:
    """One generated problem: the task and inputs that pose it, and how to show it.

    ``words`` is the instruction (Markdown, with ``$`` math); ``shown`` the objects
    displayed under it: ``("matrices", ((name, Matrix), ...))`` or
    ``("system", rows, rhs, names)``. ``derivation`` is its worked solution and
    ``answer`` the answer as a learner would type it (both filled when it is solved).
    """

    task: str
    inputs: dict
    words: str
    shown: tuple
    derivation: Any = field(default=None, compare=False, repr=False)
    answer: str = ""


@dataclass(frozen=True)
class Generator:
    """How to make problems for one task: ``make(rng) -> Problem`` (without its solution);
    ``answer(derivation) -> str`` (None: the result as a learner types it); ``nice`` bounds
    for every number in every step."""

    task: str
    make: Callable[[random.Random], Problem]
    answer: Callable[[Any], str] | None = None
    max_numerator: int = MAX_NUMERATOR
    max_denominator: int = MAX_DENOMINATOR


class GeneratorTable(dict):
    """A subject's generators: ``task -> Generator``, filled by the :meth:`add` decorator."""

    def add(self, task: str, *, answer: Callable[[Any], str] | None = None,
            max_numerator: int = MAX_NUMERATOR, max_denominator: int = MAX_DENOMINATOR
            ) -> Callable[[Callable[[random.Random], Problem]], Callable[[random.Random], Problem]]:
        """Decorator: register the problem maker of ``task``."""

        def deco(fn: Callable[[random.Random], Problem]) -> Callable[[random.Random], Problem]:
            self[task] = Generator(task, fn, answer, max_numerator, max_denominator)
            return fn

        return deco


def _term(c: int, name: str, first: bool) -> str:
    sign = "-" if c < 0 else ("" if first else "+")
    mag = abs(c)
    body = name if mag == 1 else f"{mag}{name}"
    return f"{sign}{body}" if first else f" {sign} {body}"


def linear_text(coeffs: list[int], names: tuple[str, ...]) -> str:
    """Integer coefficients times names as a learner writes them (``2x - y``; ``0`` if none)."""
    out = ""
    for c, v in zip(coeffs, names, strict=True):
        if c:
            out += _term(c, v, not out)
    return out or "0"

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
    "DIFFICULTIES",
    "MAX_DENOMINATOR",
    "MAX_NUMERATOR",
    "Generator",
    "GeneratorTable",
    "Level",
    "Problem",
    "answer_text",
    "linear_text",
]

#: The difficulties a worksheet can ask for, easiest first.
DIFFICULTIES = ("easy", "medium", "hard")

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
class Level:
    """How hard and how big the problems of a sheet are.

    ``difficulty`` is one of :data:`DIFFICULTIES`; ``size`` (matrix size, vector length,
    number of data points, ...) overrides the size the difficulty would choose.

    Examples
    ========
    >>> Level("hard").pick(2, 3, 4), Level("easy", size=5).size_or(2, 3, 4)
    (4, 5)
    """

    difficulty: str = "medium"
    size: int | None = None

    def pick(self, easy: Any, medium: Any, hard: Any) -> Any:
        """The value for this difficulty."""
        return {"easy": easy, "medium": medium, "hard": hard}[self.difficulty]

    def size_or(self, easy: Any, medium: Any, hard: Any) -> Any:
        """The size asked for, or the one for this difficulty."""
        return self.size if self.size is not None else self.pick(easy, medium, hard)


@dataclass(frozen=True)
class Generator:
    """How to make problems for one task: ``make(rng) -> Problem`` (without its solution);
    ``answer(derivation) -> str`` (None: the result as a learner types it); ``nice`` bounds
    for every number in every step; ``levelled``: ``make`` takes a :class:`Level` too."""

    task: str
    make: Callable[..., Problem]
    answer: Callable[[Any], str] | None = None
    max_numerator: int = MAX_NUMERATOR
    max_denominator: int = MAX_DENOMINATOR
    levelled: bool = False

    def problem(self, rng: random.Random, level: Level | None = None) -> Problem:
        """A problem from ``rng`` at ``level`` (a generator without levels ignores it)."""
        return self.make(rng, level or Level()) if self.levelled else self.make(rng)


class GeneratorTable(dict):
    """A subject's generators: ``task -> Generator``, filled by the :meth:`add` decorator."""

    def add(self, task: str, *, answer: Callable[[Any], str] | None = None,
            max_numerator: int = MAX_NUMERATOR, max_denominator: int = MAX_DENOMINATOR
            ) -> Callable[[Callable[..., Problem]], Callable[..., Problem]]:
        """Decorator: register the problem maker of ``task``: ``fn(rng)`` or ``fn(rng, level)``."""

        def deco(fn: Callable[..., Problem]) -> Callable[..., Problem]:
            import inspect

            levelled = len(inspect.signature(fn).parameters) >= 2
            self[task] = Generator(task, fn, answer, max_numerator, max_denominator, levelled)
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


def answer_text(result: Any) -> str:
    """A result as the text a learner would type as the answer.

    Examples
    ========
    >>> from sympy import Rational, Symbol, Matrix
    >>> answer_text(True), answer_text("unique"), answer_text(Matrix([[1, Rational(1, 2)]]))
    ('yes', 'unique', '[[1, 1/2]]')
    >>> x, y = Symbol("x"), Symbol("y")
    >>> answer_text({x: 1, y: 2 - x}), answer_text({})
    ('x = 1, y = 2 - x', 'none')
    """
    from symbolic_mlmath.render.formats import text_of

    if isinstance(result, bool):
        return "yes" if result else "no"
    if isinstance(result, str):
        return result
    if isinstance(result, dict):
        if not result:
            return "none"
        return ", ".join(f"{k} = {answer_text(v)}" for k, v in result.items())
    if isinstance(result, list | tuple):
        return "[" + ", ".join(answer_text(v) for v in result) + "]"
    from sympy import Expr, MatrixBase

    if isinstance(result, MatrixBase) and result.cols == 1:  # a vector
        return answer_text(list(result))
    if isinstance(result, Expr) and result.free_symbols:
        return str(result)  # SymPy's order: highest powers first
    return text_of(result)

"""Displayed math as data: every relation a page shows passes through :func:`emit`.

A :class:`Display` is a chain ``obj rel obj rel obj ...`` (optionally preceded by a
name, ``A - λI = ...``) taken from a step's data. Renderers never write ``=``, ``~``
or ``⟹`` between two objects themselves: they call :func:`emit` (or the format's
``rel`` / ``named`` helpers, which build a Display), and :func:`emit` records each
relation it shows while a :func:`recording` block is open. A test re-checks every
recorded relation from the objects, not from the text.

Examples
========
>>> from sympy import Rational
>>> with recording() as shown:
...     _ = emit(Display((Shown(Rational(1, 2) + Rational(1, 3), ), "=", Shown(Rational(5, 6)))),
...              lambda disp: "")
>>> [(r.rel, r.rhs) for r in shown]
[('=', 5/6)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "RELATIONS",
    "Display",
    "MatrixStyle",
    "Relation",
    "Shown",
    "chain",
    "emit",
    "record",
    "recording",
]

#: The relations a display may show, and how a learner reads them.
RELATIONS = {"=": "equals", "~": "is row-equivalent to", "=>": "gives", "!=": "is not",
             "named": "is the value of"}


@dataclass(frozen=True)
class MatrixStyle:
    """How to mark a matrix: a bar after column ``bar`` (augmented), highlighted rows
    (0-based), boxed pivot cells ``(row, column)`` (0-based)."""

    bar: int | None = None
    rows: frozenset = frozenset()
    pivots: frozenset = frozenset()


@dataclass(frozen=True)
class Shown:
    """One object of a display and how to show it.

    ``view`` picks a presentation: ``""`` (the object itself), ``"system"`` (equations
    one under another), ``"solution"`` (a system's solution, parametric when some
    unknowns are free; ``extra`` holds ``variables`` and ``free``), ``"list"``
    (comma-separated), ``"span"`` (the span of vectors), ``"roots"`` (``λ = 1, λ = 3``;
    ``extra['variable']``), ``"words"`` (a word or phrase), ``"scalar"`` (a 1x1 matrix
    of a one-variable method shown as its entry).
    """

    obj: Any
    style: MatrixStyle | None = None
    view: str = ""
    extra: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Display:
    """A chain of shown objects and relations, e.g. ``(Shown(a), "=", Shown(b))``.

    ``name`` is a label ``(tex, text)`` written before the first object with ``=``
    (``A - \\lambda I``); ``step`` is the step whose data the display shows.
    """

    chain: tuple
    name: tuple[str, str] | None = None
    step: Any = None

    @property
    def terms(self) -> list[Shown]:
        """The shown objects, in order."""
        return list(self.chain[::2])

    @property
    def rels(self) -> list[str]:
        """The relations between consecutive objects."""
        return list(self.chain[1::2])


@dataclass(frozen=True)
class Relation:
    """One displayed relation ``lhs rel rhs`` and the step it comes from.

    ``rel`` is ``=``, ``~``, ``=>``, ``!=`` or ``named`` (``lhs`` is then the name's
    text and ``rhs`` the value shown for it).
    """

    rel: str
    lhs: Any
    rhs: Any
    step: Any = None
    where: str = ""


_RECORDER: ContextVar[list | None] = ContextVar("symbolic_mlmath_displayed", default=None)
_WHERE: ContextVar[str] = ContextVar("symbolic_mlmath_display_where", default="")


@contextmanager
def recording() -> Iterator[list[Relation]]:
    """Collect every relation displayed inside the block (a list of :class:`Relation`)."""
    shown: list[Relation] = []
    token = _RECORDER.set(shown)
    try:
        yield shown
    finally:
        _RECORDER.reset(token)


@contextmanager
def where(label: str) -> Iterator[None]:
    """Label the relations recorded inside the block (a derivation's title, a step)."""
    token = _WHERE.set(label)
    try:
        yield
    finally:
        _WHERE.reset(token)


def record(rel: str, lhs: Any, rhs: Any, step: Any = None) -> None:
    """Record one displayed relation (no-op outside :func:`recording`)."""
    if rel not in RELATIONS:
        raise ValueError(f"unknown relation {rel!r}")
    shown = _RECORDER.get()
    if shown is not None:
        shown.append(Relation(rel, lhs, rhs, step, _WHERE.get()))


def emit(display: Display, write: Callable[[Display], str]) -> str:
    """Record every relation of ``display`` and return ``write(display)``.

    This is the one door through which renderers show a relation.
    """
    terms, rels = display.terms, display.rels
    if display.name is not None and terms:
        record("named", display.name[1], terms[0].obj, display.step)
    for k, rel in enumerate(rels):
        record(rel, terms[k].obj, terms[k + 1].obj, display.step)
    return write(display)


def chain(*parts: Any, name: tuple[str, str] | None = None, step: Any = None) -> Display:
    """A :class:`Display` from objects and relation strings; objects are wrapped in
    :class:`Shown` unless they already are.

    >>> d = chain(1, "=", 1)
    >>> d.rels, [t.obj for t in d.terms]
    (['='], [1, 1])
    """
    out = []
    for k, p in enumerate(parts):
        if k % 2:
            if p not in RELATIONS:
                raise ValueError(f"unknown relation {p!r}")
            out.append(p)
        else:
            out.append(p if isinstance(p, Shown) else Shown(p))
    return Display(tuple(out), name, step)

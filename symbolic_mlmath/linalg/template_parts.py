"""Pieces the linear-algebra templates share: λ, a result shown under its name, a matrix with
its pivots boxed.

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.render.formats import LATEX, TEXT
>>> lam(TEXT), "lambda" in lam(LATEX)
('λ', True)
>>> boxed(ImmutableMatrix([[1, 2], [0, 0]])).style.pivots
frozenset({(0, 0)})
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.linalg.templates_elimination import echelon_pivots
from symbolic_mlmath.render.displays import MatrixStyle, Shown, chain
from symbolic_mlmath.render.formats import MathFormat

__all__ = ["boxed", "lam", "named"]


def lam(f: MathFormat) -> str:
    """The letter λ in the format."""
    return f.raw(r"\lambda", "λ")


def named(tex: str, text: str) -> Any:
    """A display: the step's result under a name (given in LaTeX and in text)."""
    return lambda s: [chain(s.after, name=(tex, text), step=s)]


def boxed(M: Any) -> Shown:
    """``M`` shown with its pivots boxed."""
    return Shown(M, style=MatrixStyle(pivots=frozenset(echelon_pivots(M))))

"""Templates of ``A X = B`` with several right-hand sides that are not all uniquely solvable.

Examples
========
>>> from sympy import ImmutableMatrix, Integer
>>> from sympy.core.symbol import Str
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.linalg.rules import LinalgRule
>>> from symbolic_mlmath.render.formats import TEXT
>>> s = Step(LinalgRule.BLOCK_INCONSISTENT, ImmutableMatrix([[1, 1, 2, 3], [0, 0, 0, 1]]),
...          Str("none"), {"row": Integer(2), "column": Integer(2), "n": Integer(2)})
>>> print(TEMPLATES[LinalgRule.BLOCK_INCONSISTENT].instance(s, TEXT))  # doctest: +ELLIPSIS
row 2 has only zeros left of the bar and 1 in right-hand side 2: A x = b₂ has no solution, ...
"""

from __future__ import annotations

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.linalg.rules import LinalgRule
from symbolic_mlmath.render.formats import MathFormat
from symbolic_mlmath.render.templates import TemplateTable

__all__ = ["TEMPLATES"]

TEMPLATES = TemplateTable()
template = TEMPLATES.add

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@template(
    LinalgRule.BLOCK_INCONSISTENT,
    "No solution",
    lambda f: f.prose("A row that is zero left of the bar but not in column j of the right "
                      "block says 0 = c for the system A x = b_j, so no X solves A X = B."),
    "=>",
)
def _block_inconsistent(step: Step, f: MathFormat) -> str:
    k, j, n = int(step.given["row"]), int(step.given["column"]), int(step.given["n"])
    c = f.m(step.before[k - 1, n + j - 1])
    bj = f.raw(rf"A\mathbf{{x}} = \mathbf{{b}}_{{{j}}}", f"A x = b{str(j).translate(_SUB)}")
    return (f.prose(f"row {k} has only zeros left of the bar and ") + c
            + f.prose(f" in right-hand side {j}: ") + bj
            + f.prose(" has no solution, so A X = B has none"))


@template(
    LinalgRule.READ_BLOCK_FAMILY,
    "Read off the solutions",
    lambda f: f.prose("Each column of X solves A x = b_j: a pivot row gives its pivot unknown; "
                      "a column of A without a pivot leaves that unknown free, with its own "
                      "parameter in every column of X."),
    "=>",
)
def _block_family(step: Step, f: MathFormat) -> str:
    free = list(step.given["free"])
    return (f.prose("A has fewer pivots than columns, so each right-hand side has infinitely "
                    "many solutions; with the free entries ")
            + f.prose(", ").join(f.m(x) for x in free) + f.prose(": X = ") + f.m(step.after))

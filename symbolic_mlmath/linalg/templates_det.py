"""Templates of the determinant rules: 2×2, Sarrus, cofactors, elimination, singularity.

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.render.formats import TEXT
>>> s = Step(LinalgRule.SINGULAR_TEST, 0, True, {"det": 0})
>>> TEMPLATES[LinalgRule.SINGULAR_TEST].instance(s, TEXT)
'det A = 0, so A is singular'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from symbolic_mlmath.linalg.rules import LinalgRule
from symbolic_mlmath.linalg.templates_elimination import (
    add_instance,
    ops_text,
    row_display,
    scale_instance,
    swap_instance,
    targets,
    why_add,
    why_ops,
    why_swap,
)
from symbolic_mlmath.render.displays import chain
from symbolic_mlmath.render.formats import MathFormat
from symbolic_mlmath.render.templates import TemplateTable

if TYPE_CHECKING:
    from symbolic_mlmath.core.steps import Step

__all__ = ["TEMPLATES"]

#: Templates of the determinant rules.
TEMPLATES = TemplateTable()
template = TEMPLATES.add


@template(
    LinalgRule.DET_2X2,
    "2x2 determinant",
    lambda f: f.raw(r"\det\begin{bmatrix} a & b \\ c & d \end{bmatrix} = ad - bc",
                    "det [a b; c d] = ad − bc") + ".",
)
def _det2(step: Step, f: MathFormat) -> str:
    return f.prose("multiply along each diagonal and subtract")


@template(
    LinalgRule.DET_SARRUS,
    "Rule of Sarrus",
    "For a 3×3 matrix: add the products along the three down-right diagonals and "
    "subtract the products along the three up-right diagonals.",
)
def _sarrus(step: Step, f: MathFormat) -> str:
    return f.prose("three down-right products minus three up-right products")


@template(
    LinalgRule.COFACTOR_EXPANSION,
    "Cofactor expansion",
    lambda f: f.prose("Expand along one row (or column): ")
    + f.raw(r"\det A = \sum_j (-1)^{i+j} a_{ij} \det M_{ij}",
            "det A = Σⱼ (−1)^(i+j) aᵢⱼ det Mᵢⱼ")
    + f.prose(", with the signs in a checkerboard and each minor M the matrix without "
              "that row and column."),
)
def _cofactor(step: Step, f: MathFormat) -> str:
    g = step.given
    if "along" not in g:
        return f.prose(f"the minor without row {g.get('row')} and column {g.get('column')}")
    signs = " ".join("+" if s > 0 else "−" for s in g["signs"])
    zeros = sum(1 for e in g.get("entries", ()) if e == 0)
    why = f", {'the line with the most zeros' if zeros else 'the first row'}" if zeros else ""
    return f.prose(f"expand along {g['along']} {g['index']}{why}; signs {signs}")


@template(
    LinalgRule.DET_ROW_SWAP,
    "Swap rows (determinant)",
    "Swapping two rows changes the sign of the determinant.",
    why=lambda s, f: (why_swap(s, f) or f.prose("to bring up a pivot"))
    + f.prose("; the determinant changes sign"),
    display=lambda s: row_display(s, targets(s)),
)
def _det_swap(step: Step, f: MathFormat) -> str:
    return swap_instance(step, f)


@template(
    LinalgRule.DET_ROW_ADD,
    "Row replacement (determinant)",
    "Adding a multiple of one row to another does not change the determinant.",
    why=lambda s, f: ((why_ops(s, f) if "ops" in s.given else why_add(s, f))
                      or f.prose("to simplify")) + f.prose("; the determinant does not change"),
    display=lambda s: row_display(s, targets(s)),
)
def _det_add(step: Step, f: MathFormat) -> str:
    if "ops" in step.given:
        return ops_text(step, f)
    return add_instance(step, f)


@template(
    LinalgRule.DET_ROW_SCALE,
    "Factor out of a row",
    "Multiplying a row by c multiplies the determinant by c.",
    why=lambda s, f: f.prose("the factor moves in front of the determinant"),
    display=lambda s: row_display(s, targets(s)),
)
def _det_scale(step: Step, f: MathFormat) -> str:
    return scale_instance(step, f)


@template(
    LinalgRule.DET_TRIANGULAR,
    "Triangular determinant",
    "The determinant of a triangular matrix is the product of its diagonal entries.",
)
def _det_tri(step: Step, f: MathFormat) -> str:
    return f.prose("the matrix is triangular, so multiply its diagonal entries")


@template(
    LinalgRule.DET_ZERO_ROW,
    "Zero row",
    "A matrix with a row (or column) of zeros has determinant 0.",
)
def _det_zero(step: Step, f: MathFormat) -> str:
    return f.prose("a row of zeros makes the determinant 0")


@template(
    LinalgRule.SINGULAR_TEST,
    "Singularity test",
    "A square matrix is singular exactly when its determinant is 0.",
    "=>",
    display=lambda s: [],
)
def _singular(step: Step, f: MathFormat) -> str:
    det = step.given["det"]
    name = (r"\det A", "det A")
    if det == 0:
        return f.named(*name, det, step=step) + f.prose(", so A is singular")
    if getattr(det, "free_symbols", None):
        return f.named(*name, det, step=step) + f.prose(
            ", which depends on the parameters: A is singular exactly where it is 0 and "
            "non-singular elsewhere")
    shown = f.inline(chain(det, "!=", 0, name=name, step=step))
    return shown + f.prose(", so A is non-singular (invertible)")

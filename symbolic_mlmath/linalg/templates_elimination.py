"""Templates of elimination, echelon forms, systems and determinants (linear algebra).

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.linalg.rules import LinalgRule
>>> from symbolic_mlmath.render.formats import TEXT
>>> s = Step(LinalgRule.ROW_ADD_MULTIPLE, ImmutableMatrix([[1, 2], [3, 4]]),
...          ImmutableMatrix([[1, 2], [0, -2]]), {"target": 2, "source": 1, "factor": -3})
>>> TEMPLATES[LinalgRule.ROW_ADD_MULTIPLE].instance(s, TEXT)
'R2 ← R2 - 3·R1'
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.linalg.rules import LinalgRule
from symbolic_mlmath.render.formats import MathFormat
from symbolic_mlmath.render.templates import TemplateTable

__all__ = ["TEMPLATES"]

#: Templates of the elimination and determinant rules.
TEMPLATES = TemplateTable()
template = TEMPLATES.add


def _g(step: Step, key: str) -> Any:
    return step.given[key]


def _row_op(f: MathFormat, target: Any, coef: Any = None, source: Any = None,
            swap: bool = False) -> str:
    """One row operation as a single piece of math: ``R2 ← R2 - 3·R1``, ``R1 ↔ R2``."""
    from sympy import Rational

    from symbolic_mlmath.render.formats import latex_of, text_of

    def term(c: Any, i: Any, tex: bool) -> str:
        name = f"R_{{{i}}}" if tex else f"R{i}"
        if c == 1:
            return name
        if tex:
            return f"{latex_of(c)}\\,{name}"
        inner = text_of(c)
        if not (c.is_Integer or c.is_Symbol) or (isinstance(c, Rational) and c < 0):
            inner = f"({inner})"
        return f"{inner}·{name}"

    t_tex, t_txt = f"R_{{{target}}}", f"R{target}"
    if swap:
        return f.raw(f"{t_tex} \\leftrightarrow R_{{{source}}}", f"{t_txt} ↔ R{source}")
    if source is None:  # scaling
        return f.raw(f"{t_tex} \\leftarrow {term(coef, target, True)}",
                     f"{t_txt} ← {term(coef, target, False)}")
    neg = coef.could_extract_minus_sign()
    sign = "-" if neg else "+"
    mag = -coef if neg else coef
    return f.raw(f"{t_tex} \\leftarrow {t_tex} {sign} {term(mag, source, True)}",
                 f"{t_txt} ← {t_txt} {sign} {term(mag, source, False)}")


# ----------------------------------------------------------- elimination and rank
@template(
    LinalgRule.WRITE_AUGMENTED,
    "Augmented matrix",
    lambda f: f.prose("Write the coefficients of each equation as a row and the right-hand sides "
                      "as a last column: the augmented matrix ")
    + f.raw(r"[A \mid b]", "[A | b]") + ".",
    "=>",
)
def _augmented(step: Step, f: MathFormat) -> str:
    xs = ", ".join(f.m(x) for x in step.given["variables"])
    return f"{f.prose('unknowns')} {xs}; {f.prose('augmented matrix')} {f.m(step.after)}"


@template(
    LinalgRule.ROW_SWAP,
    "Row swap",
    lambda f: f.prose("Swapping two rows gives an equivalent system: ")
    + f.raw(r"R_i \leftrightarrow R_j", "Ri ↔ Rj") + ".",
    "~",
)
def _swap(step: Step, f: MathFormat) -> str:
    return _row_op(f, _g(step, "target"), source=_g(step, "source"), swap=True)


@template(
    LinalgRule.ROW_SCALE,
    "Row scaling",
    lambda f: f.prose("Multiplying a row by a non-zero number gives an equivalent system: ")
    + f.raw(r"R_i \leftarrow c\,R_i,\ c \neq 0", "Ri ← c·Ri, c ≠ 0") + ".",
    "~",
)
def _scale(step: Step, f: MathFormat) -> str:
    return _row_op(f, _g(step, "target"), _g(step, "factor"))


@template(
    LinalgRule.ROW_ADD_MULTIPLE,
    "Row replacement",
    lambda f: f.prose("Adding a multiple of one row to another gives an equivalent system: ")
    + f.raw(r"R_i \leftarrow R_i + c\,R_j", "Ri ← Ri + c·Rj") + ".",
    "~",
)
def _add(step: Step, f: MathFormat) -> str:
    return _row_op(f, _g(step, "target"), _g(step, "factor"), _g(step, "source"))


def _ops_text(step: Step, f: MathFormat) -> str:
    parts = []
    for kind, t, s, c in step.given.get("ops", ()):
        kind = str(kind)
        if kind == "swap":
            parts.append(_swap(Step(LinalgRule.ROW_SWAP, None, None, {"target": t, "source": s}), f))
        elif kind == "scale":
            parts.append(_scale(Step(LinalgRule.ROW_SCALE, None, None, {"target": t, "factor": c}), f))
        else:
            g = {"target": t, "source": s, "factor": c}
            parts.append(_add(Step(LinalgRule.ROW_ADD_MULTIPLE, None, None, g), f))
    return "; ".join(parts)


@template(
    LinalgRule.ROW_COMBINE,
    "Row operations with one pivot row",
    "Use one pivot row on several rows at once; each operation is elementary.",
    "~",
)
def _combine(step: Step, f: MathFormat) -> str:
    return _ops_text(step, f)


@template(
    LinalgRule.ELIMINATE_COLUMN,
    "Eliminate a column",
    "Use the pivot to clear its column with elementary row operations.",
    "~",
)
def _eliminate(step: Step, f: MathFormat) -> str:
    r, c = _g(step, "pivot_row"), _g(step, "pivot_col")
    where = f"{f.prose('pivot in row')} {r}, {f.prose('column')} {c}: "
    return where + _ops_text(step, f)


@template(
    LinalgRule.MARK_PIVOTS,
    "Pivots",
    "The pivots are the leading non-zero entries of the rows of the echelon form.",
    "=>",
)
def _pivots(step: Step, f: MathFormat) -> str:
    p = step.given["pivots"]
    cells = ", ".join(f"({r}, {c})" for r, c in p)
    return f"{f.prose('pivots at (row, column)')} {cells}" if p else f.prose("no pivots")


@template(LinalgRule.READ_RANK, "Rank", "The rank is the number of pivots (non-zero rows).", "=>")
def _rank(step: Step, f: MathFormat) -> str:
    return f"{f.prose('rank')} = {f.m(step.after)}"


@template(
    LinalgRule.CLASSIFY_SYSTEM,
    "Number of solutions",
    lambda f: f.prose("Compare ranks: if ")
    + f.raw(r"\operatorname{rank} A < \operatorname{rank}[A \mid b]", "rank A < rank [A|b]")
    + f.prose(" there is no solution; if both equal the number of unknowns, exactly one; "
              "otherwise infinitely many."),
    "=>",
)
def _classify(step: Step, f: MathFormat) -> str:
    g = step.given
    ranks = (f"rank A = {g['rank_A']}, rank [A|b] = {g['rank_Ab']}, "
             f"{g['unknowns']} unknowns")
    tex = ranks.replace("|", r" \mid ").replace("unknowns", r"\text{ unknowns}")
    return f"{f.raw(tex, ranks)}: {f.prose(str(step.after))}"


@template(
    LinalgRule.READ_SOLUTION,
    "Read off the solution",
    "Each pivot row gives its pivot variable in terms of the free variables.",
    "=>",
)
def _solution(step: Step, f: MathFormat) -> str:
    free = step.given.get("free", ())
    tail = (f" ({f.prose('free')}: {', '.join(f.m(x) for x in free)})") if free else ""
    return ", ".join(f.m(e) for e in step.after) + tail


@template(
    LinalgRule.INCONSISTENT_ROW,
    "Inconsistent row",
    lambda f: f.prose("A row ") + f.raw(r"[0 \cdots 0 \mid c]", "[0 … 0 | c]")
    + f.prose(" with c non-zero says 0 = c: the system has no solution."),
    "=>",
)
def _inconsistent(step: Step, f: MathFormat) -> str:
    return f"{f.prose('row')} {step.given['row']} {f.prose('reads 0 = c with c non-zero')}"


# --------------------------------------------------------------------- determinants
@template(
    LinalgRule.DET_2X2,
    "2x2 determinant",
    lambda f: f.raw(r"\det\begin{bmatrix} a & b \\ c & d \end{bmatrix} = ad - bc",
                    "det [[a, b], [c, d]] = ad − bc") + ".",
)
def _det2(step: Step, f: MathFormat) -> str:
    return f"{f.m(step.before)} = {f.m(step.after)}"


@template(
    LinalgRule.DET_SARRUS,
    "Rule of Sarrus",
    "For a 3x3 matrix: add the products along the three down-right diagonals and "
    "subtract the products along the three up-right diagonals.",
)
def _sarrus(step: Step, f: MathFormat) -> str:
    def total(values: Any) -> str:
        from sympy import Add

        parts = " + ".join(f"({f.m(x)})" if x.could_extract_minus_sign() else f.m(x) for x in values)
        return f"{parts} = {f.m(Add(*values))}"

    return (f"{f.prose('down-right diagonals')} {total(step.given['down'])}; "
            f"{f.prose('up-right diagonals')} {total(step.given['up'])}")


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
        return f"{f.prose('minor at row')} {g.get('row')}, {f.prose('column')} {g.get('column')}"
    signs = " ".join("+" if s > 0 else "-" for s in g["signs"])
    return (f"{f.prose('along')} {f.prose(str(g['along']))} {g['index']} "
            f"({f.prose('signs')} {signs}): {f.m(step.after)}")


@template(
    LinalgRule.DET_ROW_SWAP,
    "Swap rows (determinant)",
    "Swapping two rows changes the sign of the determinant.",
)
def _det_swap(step: Step, f: MathFormat) -> str:
    return _swap(step, f) + f": {f.m(step.after)}"


@template(
    LinalgRule.DET_ROW_ADD,
    "Row replacement (determinant)",
    "Adding a multiple of one row to another does not change the determinant.",
)
def _det_add(step: Step, f: MathFormat) -> str:
    if "ops" in step.given:
        return _eliminate(step, f)
    return _add(step, f)


@template(
    LinalgRule.DET_ROW_SCALE,
    "Factor out of a row",
    "Multiplying a row by c multiplies the determinant by c.",
)
def _det_scale(step: Step, f: MathFormat) -> str:
    return _scale(step, f)


@template(
    LinalgRule.DET_TRIANGULAR,
    "Triangular determinant",
    "The determinant of a triangular matrix is the product of its diagonal entries.",
)
def _det_tri(step: Step, f: MathFormat) -> str:
    return f"{f.prose('product of the diagonal')}: {f.m(step.after)}"


@template(
    LinalgRule.DET_ZERO_ROW,
    "Zero row",
    "A matrix with a row (or column) of zeros has determinant 0.",
)
def _det_zero(step: Step, f: MathFormat) -> str:
    return f"{f.prose('a zero row')}: {f.m(step.after)}"


@template(
    LinalgRule.SINGULAR_TEST,
    "Singularity test",
    "A square matrix is singular exactly when its determinant is 0.",
    "=>",
)
def _singular(step: Step, f: MathFormat) -> str:
    det = step.given["det"]
    verdict = "singular" if det == 0 else "non-singular"
    eq = f.raw(r"\det A = 0", "det A = 0") if det == 0 else f.raw(r"\det A \neq 0", "det A ≠ 0")
    return f"{eq}: {f.prose(verdict)}"

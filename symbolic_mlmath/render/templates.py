"""One template per rule: its name, the general law, and the instance at hand.

All wording of the project lives here (and in the per-topic template modules
that register more rules the same way). A template's ``law`` states the law in
general; its ``instance`` names the pieces of this step (``R2 <- R2 - 3 R1``);
``relation`` says how ``after`` relates to ``before`` (``=``, row-equivalent
``~``, or a conclusion ``=>``).

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.steps import Step
>>> from symbolic_mlmath.rules import Rule
>>> from symbolic_mlmath.render.formats import TEXT
>>> s = Step(Rule.ROW_ADD_MULTIPLE, ImmutableMatrix([[1, 2], [3, 4]]),
...          ImmutableMatrix([[1, 2], [0, -2]]), {"target": 2, "source": 1, "factor": -3})
>>> TEMPLATES[Rule.ROW_ADD_MULTIPLE].instance(s, TEXT)
'R2 ← R2 - 3·R1'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..rules import Rule
from ..steps import Step
from .formats import MathFormat

__all__ = ["TEMPLATES", "Template", "template"]


@dataclass(frozen=True)
class Template:
    """How every renderer words one rule."""

    title: str
    law: Callable[[MathFormat], str]
    instance: Callable[[Step, MathFormat], str]
    relation: str = "="  # "=", "~" (row-equivalent) or "=>" (conclusion)


TEMPLATES: dict[Rule, Template] = {}


def template(
    rule: Rule, title: str, law: Callable[[MathFormat], str] | str, relation: str = "="
) -> Callable[[Callable[[Step, MathFormat], str]], Callable[[Step, MathFormat], str]]:
    """Register the template of ``rule``; decorates its instance function."""

    def deco(fn: Callable[[Step, MathFormat], str]) -> Callable[[Step, MathFormat], str]:
        law_fn = (lambda f, _s=law: f.prose(_s)) if isinstance(law, str) else law
        TEMPLATES[rule] = Template(title, law_fn, fn, relation)
        return fn

    return deco


def _g(step: Step, key: str) -> Any:
    return step.given[key]


def _row_op(f: MathFormat, target: Any, coef: Any = None, source: Any = None,
            swap: bool = False) -> str:
    """One row operation as a single piece of math: ``R2 ← R2 - 3·R1``, ``R1 ↔ R2``."""
    from sympy import Rational

    from .formats import latex_of, text_of

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


# ------------------------------------------------------------------------ general
@template(Rule.GIVEN, "Given", "Start from the object given in the problem.", "=>")
def _given(step: Step, f: MathFormat) -> str:
    return f"{f.prose('We are given')} {f.m(step.after)}."


@template(Rule.DEFINITION, "Definition", "Rewrite the object by its definition.")
def _definition(step: Step, f: MathFormat) -> str:
    return f"{f.m(step.before)} = {f.m(step.after)}"


@template(Rule.ARITHMETIC, "Arithmetic", "Carry out the exact arithmetic.")
def _arithmetic(step: Step, f: MathFormat) -> str:
    return f"{f.prose('which gives')} {f.m(step.after)}"


@template(Rule.SIMPLIFY, "Simplify", "Simplify; the value does not change.")
def _simplify(step: Step, f: MathFormat) -> str:
    return f"{f.prose('simplifies to')} {f.m(step.after)}"


@template(Rule.EXPAND, "Expand", "Multiply out products and powers.")
def _expand(step: Step, f: MathFormat) -> str:
    return f"{f.prose('expands to')} {f.m(step.after)}"


@template(Rule.FACTOR, "Factor", "Write the expression as a product of factors.")
def _factor(step: Step, f: MathFormat) -> str:
    return f"{f.prose('factors as')} {f.m(step.after)}"


@template(Rule.SUBSTITUTE, "Substitute", "Replace each part by the value computed for it.")
def _substitute(step: Step, f: MathFormat) -> str:
    return f"{f.prose('with the computed values:')} {f.m(step.after)}"


@template(
    Rule.NUMERIC_FALLBACK,
    "Numerical values",
    "An exact closed form is impractical here, so compute to high precision instead.",
    "=>",
)
def _numeric(step: Step, f: MathFormat) -> str:
    digits = step.given.get("digits")
    tail = f" ({digits} {f.prose('significant digits')})" if digits is not None else ""
    return f"{f.prose('numerically')} {f.m(step.after)}{tail}"


# ----------------------------------------------------------- elimination and rank
@template(
    Rule.WRITE_AUGMENTED,
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
    Rule.ROW_SWAP,
    "Row swap",
    lambda f: f.prose("Swapping two rows gives an equivalent system: ")
    + f.raw(r"R_i \leftrightarrow R_j", "Ri ↔ Rj") + ".",
    "~",
)
def _swap(step: Step, f: MathFormat) -> str:
    return _row_op(f, _g(step, "target"), source=_g(step, "source"), swap=True)


@template(
    Rule.ROW_SCALE,
    "Row scaling",
    lambda f: f.prose("Multiplying a row by a non-zero number gives an equivalent system: ")
    + f.raw(r"R_i \leftarrow c\,R_i,\ c \neq 0", "Ri ← c·Ri, c ≠ 0") + ".",
    "~",
)
def _scale(step: Step, f: MathFormat) -> str:
    return _row_op(f, _g(step, "target"), _g(step, "factor"))


@template(
    Rule.ROW_ADD_MULTIPLE,
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
            parts.append(_swap(Step(Rule.ROW_SWAP, None, None, {"target": t, "source": s}), f))
        elif kind == "scale":
            parts.append(_scale(Step(Rule.ROW_SCALE, None, None, {"target": t, "factor": c}), f))
        else:
            g = {"target": t, "source": s, "factor": c}
            parts.append(_add(Step(Rule.ROW_ADD_MULTIPLE, None, None, g), f))
    return "; ".join(parts)


@template(
    Rule.ROW_COMBINE,
    "Row operations with one pivot row",
    "Use one pivot row on several rows at once; each operation is elementary.",
    "~",
)
def _combine(step: Step, f: MathFormat) -> str:
    return _ops_text(step, f)


@template(
    Rule.ELIMINATE_COLUMN,
    "Eliminate a column",
    "Use the pivot to clear its column with elementary row operations.",
    "~",
)
def _eliminate(step: Step, f: MathFormat) -> str:
    r, c = _g(step, "pivot_row"), _g(step, "pivot_col")
    where = f"{f.prose('pivot in row')} {r}, {f.prose('column')} {c}: "
    return where + _ops_text(step, f)


@template(
    Rule.MARK_PIVOTS,
    "Pivots",
    "The pivots are the leading non-zero entries of the rows of the echelon form.",
    "=>",
)
def _pivots(step: Step, f: MathFormat) -> str:
    p = step.given["pivots"]
    cells = ", ".join(f"({r}, {c})" for r, c in p)
    return f"{f.prose('pivots at (row, column)')} {cells}" if p else f.prose("no pivots")


@template(Rule.READ_RANK, "Rank", "The rank is the number of pivots (non-zero rows).", "=>")
def _rank(step: Step, f: MathFormat) -> str:
    return f"{f.prose('rank')} = {f.m(step.after)}"


@template(
    Rule.CLASSIFY_SYSTEM,
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
    Rule.READ_SOLUTION,
    "Read off the solution",
    "Each pivot row gives its pivot variable in terms of the free variables.",
    "=>",
)
def _solution(step: Step, f: MathFormat) -> str:
    free = step.given.get("free", ())
    tail = (f" ({f.prose('free')}: {', '.join(f.m(x) for x in free)})") if free else ""
    return ", ".join(f.m(e) for e in step.after) + tail


@template(
    Rule.INCONSISTENT_ROW,
    "Inconsistent row",
    lambda f: f.prose("A row ") + f.raw(r"[0 \cdots 0 \mid c]", "[0 … 0 | c]")
    + f.prose(" with c non-zero says 0 = c: the system has no solution."),
    "=>",
)
def _inconsistent(step: Step, f: MathFormat) -> str:
    return f"{f.prose('row')} {step.given['row']} {f.prose('reads 0 = c with c non-zero')}"


# --------------------------------------------------------------------- determinants
@template(
    Rule.DET_2X2,
    "2x2 determinant",
    lambda f: f.raw(r"\det\begin{bmatrix} a & b \\ c & d \end{bmatrix} = ad - bc",
                    "det [[a, b], [c, d]] = ad − bc") + ".",
)
def _det2(step: Step, f: MathFormat) -> str:
    return f"{f.m(step.before)} = {f.m(step.after)}"


@template(
    Rule.DET_SARRUS,
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
    Rule.COFACTOR_EXPANSION,
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
    Rule.DET_ROW_SWAP,
    "Swap rows (determinant)",
    "Swapping two rows changes the sign of the determinant.",
)
def _det_swap(step: Step, f: MathFormat) -> str:
    return _swap(step, f) + f": {f.m(step.after)}"


@template(
    Rule.DET_ROW_ADD,
    "Row replacement (determinant)",
    "Adding a multiple of one row to another does not change the determinant.",
)
def _det_add(step: Step, f: MathFormat) -> str:
    if "ops" in step.given:
        return _eliminate(step, f)
    return _add(step, f)


@template(
    Rule.DET_ROW_SCALE,
    "Factor out of a row",
    "Multiplying a row by c multiplies the determinant by c.",
)
def _det_scale(step: Step, f: MathFormat) -> str:
    return _scale(step, f)


@template(
    Rule.DET_TRIANGULAR,
    "Triangular determinant",
    "The determinant of a triangular matrix is the product of its diagonal entries.",
)
def _det_tri(step: Step, f: MathFormat) -> str:
    return f"{f.prose('product of the diagonal')}: {f.m(step.after)}"


@template(
    Rule.DET_ZERO_ROW,
    "Zero row",
    "A matrix with a row (or column) of zeros has determinant 0.",
)
def _det_zero(step: Step, f: MathFormat) -> str:
    return f"{f.prose('a zero row')}: {f.m(step.after)}"


@template(
    Rule.SINGULAR_TEST,
    "Singularity test",
    "A square matrix is singular exactly when its determinant is 0.",
    "=>",
)
def _singular(step: Step, f: MathFormat) -> str:
    det = step.given["det"]
    verdict = "singular" if det == 0 else "non-singular"
    eq = f.raw(r"\det A = 0", "det A = 0") if det == 0 else f.raw(r"\det A \neq 0", "det A ≠ 0")
    return f"{eq}: {f.prose(verdict)}"


#: Modules holding the templates of further topics (each registers with ``template``).
TEMPLATE_MODULES: tuple[str, ...] = ("symbolic_mlmath.render.templates_linalg",)


def _load_topic_templates() -> None:
    import importlib

    for mod in TEMPLATE_MODULES:
        importlib.import_module(mod)


_load_topic_templates()

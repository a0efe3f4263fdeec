"""Templates of elimination, echelon forms, systems and determinants (linear algebra).

Each row operation says what it is for, read off the matrices themselves ("to clear
the entry below the pivot in column 1"); the changed rows are highlighted and the
pivots found so far are boxed.

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.linalg.rules import LinalgRule
>>> from symbolic_mlmath.render.formats import TEXT
>>> s = Step(LinalgRule.ROW_ADD_MULTIPLE, ImmutableMatrix([[1, 2], [3, 4]]),
...          ImmutableMatrix([[1, 2], [0, -2]]), {"target": 2, "source": 1, "factor": -3})
>>> t = TEMPLATES[LinalgRule.ROW_ADD_MULTIPLE]
>>> t.instance(s, TEXT), t.why(s, TEXT)
('R₂ ← R₂ - 3R₁', 'to clear the entry below the pivot in column 1')
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.linalg.rules import LinalgRule
from symbolic_mlmath.render.displays import Display, MatrixStyle, Shown, chain
from symbolic_mlmath.render.formats import MathFormat
from symbolic_mlmath.render.templates import TemplateTable

__all__ = ["TEMPLATES", "add_instance", "echelon_pivots", "matrix_of", "ops_text", "row_display",
           "row_op", "scale_instance", "swap_instance", "targets", "why_add", "why_ops", "why_swap"]

#: Templates of the elimination and determinant rules.
TEMPLATES = TemplateTable()
template = TEMPLATES.add


def _g(step: Step, key: str) -> Any:
    return step.given[key]


# ------------------------------------------------------------------ matrices and pivots
def matrix_of(obj: Any) -> Any:
    """The matrix inside ``obj``: a matrix, ``det M`` or ``c·det M`` (else None)."""
    from sympy import Determinant, MatrixBase, Mul

    if isinstance(obj, MatrixBase):
        return obj
    if isinstance(obj, Determinant):
        return obj.arg if isinstance(obj.arg, MatrixBase) else None
    if isinstance(obj, Mul):
        for a in obj.args:
            if isinstance(a, Determinant):
                return matrix_of(a)
    return None


def _lead(M: Any, i: int, upto: int | None = None) -> int | None:
    cols = M.cols if upto is None else upto
    return next((j for j in range(cols) if M[i, j] != 0), None)


def echelon_pivots(M: Any, upto: int | None = None) -> set[tuple[int, int]]:
    """The pivots established so far (0-based): leading entries of the top rows that
    already stand in echelon position (zeros below them, each right of the one above).

    >>> from sympy import ImmutableMatrix
    >>> sorted(echelon_pivots(ImmutableMatrix([[2, 1], [0, 3]])))
    [(0, 0), (1, 1)]
    >>> sorted(echelon_pivots(ImmutableMatrix([[2, 1], [4, 3]])))
    []
    """
    out: set[tuple[int, int]] = set()
    prev = -1
    for i in range(M.rows):
        c = _lead(M, i, upto)
        if c is None:
            if all(_lead(M, k, upto) is None for k in range(i, M.rows)):
                break
            return out
        if c <= prev or any(M[k, c] != 0 for k in range(i + 1, M.rows)):
            break
        out.add((i, c))
        prev = c
    return out


def _shown(obj: Any, rows: tuple = (), pivots: set | None = None) -> Shown:
    M = matrix_of(obj)
    if M is None:
        return Shown(obj)
    piv = echelon_pivots(M) if pivots is None else pivots
    return Shown(obj, style=MatrixStyle(rows=frozenset(rows), pivots=frozenset(piv)))


def row_display(step: Step, rows: tuple) -> list[Display]:
    rel = "=" if step.rule.value.startswith("det_") else "~"
    return [chain(_shown(step.before), rel, _shown(step.after, rows), step=step)]


def targets(step: Step) -> tuple:
    if "ops" in step.given:
        return tuple(int(t) - 1 for _, t, _, _ in step.given["ops"])
    t = int(step.given["target"]) - 1
    if "source" in step.given and step.rule in (LinalgRule.ROW_SWAP, LinalgRule.DET_ROW_SWAP):
        return (t, int(step.given["source"]) - 1)
    return (t,)


# ------------------------------------------------------------------ row operations
def row_op(f: MathFormat, target: Any, coef: Any = None, source: Any = None,
            swap: bool = False) -> str:
    """One row operation as a single piece of math: ``R₂ ← R₂ - 3R₁``, ``R₁ ↔ R₂``."""
    from symbolic_mlmath.render.printers import latex_line
    from symbolic_mlmath.render.unicode import subscript, text_line

    def term(c: Any, i: Any, tex: bool) -> str:
        name = f"R_{{{i}}}" if tex else f"R{subscript(i)}"
        if c == 1:
            return name
        if c == -1:
            return "-" + name
        if tex:
            return f"{latex_line(c)}\\,{name}"
        inner = text_line(c)
        if not (c.is_Integer or c.is_Symbol):
            inner = f"({inner})"
        return f"{inner}{name}"

    t_tex, t_txt = f"R_{{{target}}}", f"R{subscript(target)}"
    if swap:
        s_txt = f"R{subscript(source)}"
        return f.raw(f"{t_tex} \\leftrightarrow R_{{{source}}}", f"{t_txt} ↔ {s_txt}")
    if source is None:  # scaling
        return f.raw(f"{t_tex} \\leftarrow {term(coef, target, True)}",
                     f"{t_txt} ← {term(coef, target, False)}")
    neg = coef.could_extract_minus_sign()
    sign = "-" if neg else "+"
    mag = -coef if neg else coef
    return f.raw(f"{t_tex} \\leftarrow {t_tex} {sign} {term(mag, source, True)}",
                 f"{t_txt} ← {t_txt} {sign} {term(mag, source, False)}")


def why_add(step: Step, f: MathFormat) -> str | None:
    B, A = matrix_of(step.before), matrix_of(step.after)
    if B is None or A is None:
        return None
    t, s = int(step.given["target"]) - 1, int(step.given["source"]) - 1
    c = _lead(B, s)
    if c is not None and B[t, c] != 0 and A[t, c] == 0:
        where = "below" if t > s else "above"
        return f.prose(f"to clear the entry {where} the pivot in column {c + 1}")
    return None


def _why_scale(step: Step, f: MathFormat) -> str | None:
    A = matrix_of(step.after)
    if A is None:
        return None
    t = int(step.given["target"]) - 1
    c = _lead(A, t)
    if c is not None and A[t, c] == 1:
        return f.prose(f"to make the pivot in column {c + 1} equal to 1")
    return None


def why_swap(step: Step, f: MathFormat) -> str | None:
    B, A = matrix_of(step.before), matrix_of(step.after)
    if B is None or A is None:
        return None
    r = min(int(step.given["target"]), int(step.given["source"])) - 1
    c = _lead(A, r)
    if c is None:
        return None
    if B[r, c] == 0:
        return f.prose(f"because the pivot position in column {c + 1} holds 0")
    if A[r, c] in (1, -1):
        return f.prose(f"to get a pivot of {A[r, c]} in column {c + 1}, which keeps the "
                       "arithmetic in whole numbers")
    return None


def why_ops(step: Step, f: MathFormat) -> str | None:
    r, c = int(step.given.get("pivot_row", 0)), int(step.given.get("pivot_col", 0))
    if not c:
        return None
    rows = [int(t) for kind, t, _, _ in step.given["ops"] if str(kind) == "add"]
    if not rows:
        return None
    where = ("below" if all(x > r for x in rows) else
             "above" if all(x < r for x in rows) else "above and below")
    return f.prose(f"to clear column {c} {where} the pivot in row {r}")


def ops_text(step: Step, f: MathFormat) -> str:
    parts = []
    for kind, t, s, c in step.given.get("ops", ()):
        kind = str(kind)
        if kind == "swap":
            parts.append(row_op(f, t, source=s, swap=True))
        elif kind == "scale":
            parts.append(row_op(f, t, c))
        else:
            parts.append(row_op(f, t, c, s))
    return "; ".join(parts)


_EQUIV = "Each row operation gives an equivalent system (the same solutions): "


def _augment_facts(step: Step) -> dict:
    n = len(step.given["variables"])
    return {"augment": (n + 1, n), "variables": tuple(step.given["variables"])}


def _augment_display(step: Step) -> list[Display]:
    return [chain(Shown(step.before, view="system"), "=>", step.after, step=step)]


@template(
    LinalgRule.WRITE_AUGMENTED,
    "Augmented matrix",
    lambda f: f.prose("Write the coefficients of each equation as a row and the right-hand "
                      "sides as a last column, after a bar: the augmented matrix ")
    + f.raw(r"[A \mid b]", "[A | b]") + ".",
    "=>",
    display=_augment_display,
    sets=_augment_facts,
)
def _augmented(step: Step, f: MathFormat) -> str:
    xs = ", ".join(f.m(x) for x in step.given["variables"])
    return f"{f.prose('one column per unknown')} ({xs}) {f.prose('and one for the right-hand side')}"


@template(
    LinalgRule.ROW_SWAP,
    "Row swap",
    lambda f: f.prose(_EQUIV + "swap two rows, ")
    + f.raw(r"R_i \leftrightarrow R_j", "Rᵢ ↔ Rⱼ") + ".",
    "~",
    why=why_swap,
    display=lambda s: row_display(s, targets(s)),
)
def swap_instance(step: Step, f: MathFormat) -> str:
    return row_op(f, _g(step, "target"), source=_g(step, "source"), swap=True)


@template(
    LinalgRule.ROW_SCALE,
    "Row scaling",
    lambda f: f.prose(_EQUIV + "multiply a row by a non-zero number, ")
    + f.raw(r"R_i \leftarrow c\,R_i,\ c \neq 0", "Rᵢ ← cRᵢ, c ≠ 0") + ".",
    "~",
    why=_why_scale,
    display=lambda s: row_display(s, targets(s)),
)
def scale_instance(step: Step, f: MathFormat) -> str:
    return row_op(f, _g(step, "target"), _g(step, "factor"))


@template(
    LinalgRule.ROW_ADD_MULTIPLE,
    "Row replacement",
    lambda f: f.prose(_EQUIV + "add a multiple of one row to another, ")
    + f.raw(r"R_i \leftarrow R_i + c\,R_j", "Rᵢ ← Rᵢ + cRⱼ") + ".",
    "~",
    why=why_add,
    display=lambda s: row_display(s, targets(s)),
)
def add_instance(step: Step, f: MathFormat) -> str:
    return row_op(f, _g(step, "target"), _g(step, "factor"), _g(step, "source"))


@template(
    LinalgRule.ROW_COMBINE,
    "Row operations with one pivot row",
    "Use one pivot row on several rows at once; each operation is elementary.",
    "~",
    why=why_ops,
    display=lambda s: row_display(s, targets(s)),
)
def _combine(step: Step, f: MathFormat) -> str:
    return ops_text(step, f)


@template(
    LinalgRule.ELIMINATE_COLUMN,
    "Eliminate a column",
    "Use the pivot to clear its column with elementary row operations.",
    "~",
    why=why_ops,
    display=lambda s: row_display(s, targets(s)),
)
def _eliminate(step: Step, f: MathFormat) -> str:
    return ops_text(step, f)


def _pivot_cells(step: Step) -> set:
    return {(int(r) - 1, int(c) - 1) for r, c in step.given["pivots"]}


@template(
    LinalgRule.MARK_PIVOTS,
    "Pivots",
    "The pivots are the leading non-zero entries of the rows of the echelon form.",
    "=>",
    display=lambda s: [chain(_shown(s.after, pivots=_pivot_cells(s)), step=s)],
)
def _pivots(step: Step, f: MathFormat) -> str:
    p = step.given["pivots"]
    if not p:
        return f.prose("every row is zero: there are no pivots")
    cols = sorted({int(c) for _, c in p})
    word = "column" if len(cols) == 1 else "columns"
    listed = ", ".join(str(c) for c in cols[:-1]) + (" and " if len(cols) > 1 else "") \
        + str(cols[-1])
    return f.prose(f"the pivots (boxed) stand in {word} {listed}")


@template(LinalgRule.READ_RANK, "Rank", "The rank is the number of pivots (non-zero rows).",
          "=>", display=lambda s: [])
def _rank(step: Step, f: MathFormat) -> str:
    n = int(step.given.get("pivots", step.after))
    word = "pivot" if n == 1 else "pivots"
    return (f.prose(f"{n} {word}, so ")
            + f.named(r"\operatorname{rank}", "rank", step.after, step=step))


@template(
    LinalgRule.CLASSIFY_SYSTEM,
    "Number of solutions",
    lambda f: f.prose("Compare ranks: if ")
    + f.raw(r"\operatorname{rank} A < \operatorname{rank}\,[A \mid b]", "rank A < rank [A | b]")
    + f.prose(" there is no solution; if both equal the number of unknowns, exactly one; "
              "otherwise infinitely many."),
    "=>",
    display=lambda s: [],
)
def _classify(step: Step, f: MathFormat) -> str:
    g = step.given
    ra = f.named(r"\operatorname{rank} A", "rank A", g["rank_A"], step=step)
    rab = f.named(r"\operatorname{rank}\,[A \mid b]", "rank [A | b]", g["rank_Ab"], step=step)
    n = int(g["unknowns"])
    kind = str(step.after)
    if kind == "none":
        tail = f.prose("; the augmented column has a pivot, so there is no solution")
    elif kind == "unique":
        tail = f.prose(f", equal to the number of unknowns ({n}), so there is exactly one "
                       "solution")
    else:
        free = n - int(g["rank_A"])
        tail = f.prose(f", fewer than the {n} unknowns, so {free} unknown"
                       f"{'s are' if free > 1 else ' is'} free and there are infinitely many "
                       "solutions")
    return f"{ra} {f.prose('and')} {rab}{tail}"


def _solution_parts(step: Step) -> tuple[list, list]:
    from sympy import Eq

    free = list(step.given.get("free", ()))
    xs, pool = [], list(free)
    for e in step.after:
        if isinstance(e, Eq):
            xs.append(e.lhs)
        elif pool:
            xs.append(pool.pop(0))
    return xs + pool, free


def _solution_display(step: Step) -> list[Display]:
    xs, _ = _solution_parts(step)
    shown = Shown(step.after, view="solution", extra={"variables": tuple(xs)})
    return [chain(_shown(step.before), "=>", shown, step=step)]


@template(
    LinalgRule.READ_SOLUTION,
    "Read off the solution",
    "Each pivot row gives its pivot unknown; an unknown without a pivot is free and becomes "
    "a parameter.",
    "=>",
    display=_solution_display,
)
def _solution(step: Step, f: MathFormat) -> str:
    _, free = _solution_parts(step)
    if not free:
        return f.prose("each row of the reduced matrix gives one unknown")
    names = ", ".join(f.m(x) for x in free)
    if len(free) == 1:
        tail = " has no pivot, so it is free (a parameter); the pivot rows give the others"
    else:
        tail = " have no pivot, so they are free (parameters); the pivot rows give the others"
    return names + f.prose(tail)


@template(
    LinalgRule.INCONSISTENT_ROW,
    "Inconsistent row",
    lambda f: f.prose("A row ") + f.raw(r"[0 \cdots 0 \mid c]", "[0 … 0 | c]")
    + f.prose(" with c non-zero says 0 = c, which no choice of the unknowns satisfies."),
    "=>",
    display=lambda s: [chain(_shown(s.before, (int(s.given["row"]) - 1,)), step=s)],
)
def _inconsistent(step: Step, f: MathFormat) -> str:
    r = int(step.given["row"])
    M = matrix_of(step.before)
    c = f.m(M[r - 1, M.cols - 1]) if M is not None else "c"
    return (f"{f.prose(f'row {r} has only zeros left of the bar and')} {c} "
            f"{f.prose('on the right: it says 0 equals a non-zero number, so there is no solution')}")


def _rank_result(d: Any) -> Any:
    from symbolic_mlmath.render.present import ResultView

    return ResultView(display=chain(d.result, name=(r"\operatorname{rank} A", "rank A")))


TEMPLATES.results.update({"rank": _rank_result})
TEMPLATES.labels.update({
    "unique": "exactly one solution",
    "infinite": "infinitely many solutions",
    "none": "no solution",
})


# ------------------------------------------------------------------ parameters
def _listed(f: MathFormat, items: Any, sep: str = ", ") -> str:
    return f.prose(sep).join(f.m(x) for x in items)


@template(
    LinalgRule.ASSUME_NONZERO,
    "Assumption",
    "A row may be divided by an expression only where it is not zero; the values of the "
    "parameters that make it zero are worked separately.",
    "=>",
    display=lambda s: [],
)
def _assume(step: Step, f: MathFormat) -> str:
    conds, excluded = step.given["conditions"], step.given["excluded"]
    out = f.prose("assuming ") + _listed(f, conds)
    if excluded:
        out += f.prose(" (the pivots divide by these); ") + _listed(f, excluded) \
            + f.prose(" are separate cases, worked at the end")
    else:
        out += f.prose(" (the pivots divide by these)")
    return out


def _case_value_text(step: Step, value: Any, f: MathFormat) -> str:
    task = str(step.given["task"])
    if task == "classify_system":
        return f.prose(str(value))
    if task == "solve_system":
        kind, sol = value
        return f.prose(str(kind)) + (f.prose(": ") + f.m(sol) if str(kind) != "none" else "")
    if str(value) == "not invertible":
        return f.prose("not invertible")
    return f.m(value)


@template(
    LinalgRule.PARAMETER_CASES,
    "Excluded values",
    "Each excluded value of the parameter is put into the original problem, which is then "
    "worked exactly.",
    "=>",
    display=lambda s: [],
)
def _cases(step: Step, f: MathFormat) -> str:
    parts = [f.m(label) + f.prose(": ") + _case_value_text(step, value, f)
             for label, value in step.given["cases"]]
    return f.prose("; ").join(parts)


@template(
    LinalgRule.AUGMENT_COLUMNS,
    "Augmented matrix",
    lambda f: f.prose("Several systems with the same A are solved at once: write ")
    + f.raw(r"[A \mid B]", "[A | B]") + f.prose(", one column of B per right-hand side."),
    "=>",
)
def _augment_columns(step: Step, f: MathFormat) -> str:
    k = step.given["B"].cols
    return f.prose(f"A beside the {k} right-hand sides")


@template(
    LinalgRule.READ_BLOCK_SOLUTION,
    "Read off the solutions",
    lambda f: f.prose("Once the left block is I, column j of the right block solves ")
    + f.raw(r"A\mathbf{x} = \mathbf{b}_j", "A x = b_j") + ".",
    "=>",
)
def _read_block(step: Step, f: MathFormat) -> str:
    return f.prose("the left block is now I, so X is the right block: ") + f.m(step.after)

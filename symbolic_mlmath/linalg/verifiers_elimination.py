"""Independent checks of elimination, systems and determinant rules.

A row operation is replayed, pivots are located again, ranks are recounted, the
augmented matrix is rebuilt from the equations' coefficients, a read-off solution is
substituted back, a determinant is recomputed.

Examples
========
>>> from sympy import Eq, ImmutableMatrix, Tuple, symbols
>>> from symbolic_mlmath.core.steps import Step
>>> x, y = symbols("x y")
>>> bad = Step(LinalgRule.WRITE_AUGMENTED, Tuple(Eq(x + y, 4), Eq(2*x - y, 1)),
...            ImmutableMatrix([[1, 1, 4], [2, 1, 1]]), {"variables": Tuple(x, y)})
>>> VERIFIERS[LinalgRule.WRITE_AUGMENTED].check(bad)
'row 2 of [A | b] should be [2, -1, 1], not [2, 1, 1]'
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.exact import exact_det, exact_rank, is_zero
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import VerifierTable, same_value
from symbolic_mlmath.linalg.rules import LinalgRule

__all__ = ["VERIFIERS"]

#: The verifiers of this module's rules.
VERIFIERS = VerifierTable()
VERIFIERS.same_value(
    LinalgRule.DET_2X2, LinalgRule.DET_SARRUS, LinalgRule.COFACTOR_EXPANSION,
    LinalgRule.DET_ROW_SWAP, LinalgRule.DET_ROW_ADD, LinalgRule.DET_ROW_SCALE,
    LinalgRule.DET_TRIANGULAR, LinalgRule.DET_ZERO_ROW, LinalgRule.DET_PRODUCT,
    LinalgRule.DET_INVERSE,
)


# ------------------------------------------------------------------ row operations
def _rows(M: Any) -> list[list[Any]]:
    return [list(M.row(i)) for i in range(M.rows)]


def _int(step: Step, key: str) -> int:
    return int(step.given[key])


@VERIFIERS.check(LinalgRule.ROW_SWAP)
def _verify_swap(step: Step) -> str | None:
    from sympy import ImmutableMatrix

    i, j = _int(step, "target") - 1, _int(step, "source") - 1
    rows = _rows(step.before)
    rows[i], rows[j] = rows[j], rows[i]
    want = ImmutableMatrix(rows)
    if want != step.after:
        return f"R{i + 1} <-> R{j + 1} gives {want}, not {step.after}"
    return None


@VERIFIERS.check(LinalgRule.ROW_SCALE)
def _verify_scale(step: Step) -> str | None:
    from sympy import ImmutableMatrix, cancel

    i, c = _int(step, "target") - 1, step.given["factor"]
    if c == 0:
        return "scaling a row by 0 is not an elementary operation"
    rows = _rows(step.before)
    rows[i] = [cancel(c * x) for x in rows[i]]
    want = ImmutableMatrix(rows)
    if not same_value(want, step.after):
        return f"R{i + 1} <- ({c}) R{i + 1} gives {want}, not {step.after}"
    return None


@VERIFIERS.check(LinalgRule.ROW_ADD_MULTIPLE)
def _verify_add(step: Step) -> str | None:
    from sympy import ImmutableMatrix, cancel

    i, j, c = _int(step, "target") - 1, _int(step, "source") - 1, step.given["factor"]
    if i == j:
        return "a row cannot be added to itself"
    rows = _rows(step.before)
    rows[i] = [cancel(x + c * y) for x, y in zip(rows[i], rows[j], strict=True)]
    want = ImmutableMatrix(rows)
    if not same_value(want, step.after):
        return f"R{i + 1} <- R{i + 1} + ({c}) R{j + 1} gives {want}, not {step.after}"
    return None


def _row_equivalent(step: Step) -> str | None:
    from sympy.polys.matrices import DomainMatrix

    a, b = step.before, step.after
    if a.shape != b.shape:
        return f"shape changes from {a.shape} to {b.shape}"
    ra = DomainMatrix.from_Matrix(a).to_field().rref()[0]
    rb = DomainMatrix.from_Matrix(b).to_field().rref()[0]
    if ra.to_Matrix() != rb.to_Matrix():
        return "the matrices are not row-equivalent"
    return None


VERIFIERS.check(LinalgRule.ROW_COMBINE, LinalgRule.ELIMINATE_COLUMN)(_row_equivalent)


@VERIFIERS.check(LinalgRule.MARK_PIVOTS, reads=True)
def _verify_pivots(step: Step) -> str | None:
    M = step.after
    if step.before != M:
        return "marking pivots must not change the matrix"
    for r, c in step.given["pivots"]:
        row = list(M.row(int(r) - 1))
        lead = next((k for k, x in enumerate(row) if x != 0), None)
        if lead != int(c) - 1:
            return f"({r}, {c}) is not the leading entry of row {r}"
    return None


@VERIFIERS.check(LinalgRule.READ_RANK, reads=True)
def _verify_rank(step: Step) -> str | None:
    M = step.before
    nonzero = sum(1 for i in range(M.rows) if any(x != 0 for x in M.row(i)))
    if nonzero != step.after:
        return f"the echelon form has {nonzero} non-zero rows, not {step.after}"
    return None


# ------------------------------------------------------------------ systems
def _row_text(row: list) -> str:
    return "[" + ", ".join(str(x) for x in row) + "]"


@VERIFIERS.check(LinalgRule.WRITE_AUGMENTED)
def _v_write_augmented(step: Step) -> str | None:
    """Each row of [A | b] holds the coefficients of its equation, then its constant."""
    from sympy import Eq, expand, false, true

    xs = list(step.given["variables"])
    eqs, M = list(step.before), step.after
    if M.shape != (len(eqs), len(xs) + 1):
        return (f"{len(eqs)} equations in {len(xs)} unknowns give a {len(eqs)}x{len(xs) + 1} "
                f"matrix, not {M.rows}x{M.cols}")
    for i, e in enumerate(eqs):
        if e is true or e is false:
            want = [0] * len(xs) + [0 if e is true else 1]
        elif isinstance(e, Eq):
            d = expand(e.lhs - e.rhs)
            coeffs = [d.coeff(x) for x in xs]
            const = d.subs(dict.fromkeys(xs, 0))
            if expand(d - sum(c * x for c, x in zip(coeffs, xs, strict=True)) - const) != 0:
                return f"equation {i + 1} is not linear in {', '.join(map(str, xs))}"
            want = [*coeffs, -const]
        else:
            return f"item {i + 1} is not an equation"
        got = list(M.row(i))
        if any(is_zero(a - b) is not True for a, b in zip(want, got, strict=True)):
            return f"row {i + 1} of [A | b] should be {_row_text(want)}, not {_row_text(got)}"
    return None


def _system_ranks(step: Step) -> tuple[int, int, int] | str:
    R, n = step.before, int(step.given.get("unknowns", step.before.cols - 1))
    if R.cols != n + 1:
        return f"{n} unknowns need {n + 1} columns, the matrix has {R.cols}"
    return exact_rank(R[:, :n]), exact_rank(R), n


@VERIFIERS.check(LinalgRule.CLASSIFY_SYSTEM, reads=True)
def _v_classify(step: Step) -> str | None:
    """Recount rank A and rank [A | b]; the kind follows from them and the unknowns."""
    ranks = _system_ranks(step)
    if isinstance(ranks, str):
        return ranks
    rank_A, rank_Ab, n = ranks
    g = step.given
    if (int(g["rank_A"]), int(g["rank_Ab"])) != (rank_A, rank_Ab):
        return (f"rank A = {rank_A} and rank [A | b] = {rank_Ab}, not {g['rank_A']} and "
                f"{g['rank_Ab']}")
    kind = "none" if rank_Ab > rank_A else ("unique" if rank_A == n else "infinite")
    return None if str(step.after) == kind else f"the system has {kind} solution(s), not {step.after}"


@VERIFIERS.check(LinalgRule.READ_SOLUTION, reads=True)
def _v_read_solution(step: Step) -> str | None:
    """The values satisfy every row identically, with as many free unknowns as non-pivots."""
    from sympy import Eq

    R, answer = step.before, list(step.after)
    if not all(isinstance(e, Eq) for e in answer):
        return "every item must be an equation 'unknown = value'"
    xs = [e.lhs for e in answer]
    n = len(xs)
    if R.cols != n + 1:
        return f"{n} unknowns, but the matrix has {R.cols} columns"
    free = set(step.given.get("free", ()))
    sol = {e.lhs: e.rhs for e in answer}
    for x in xs:
        if x in free and sol[x] != x:
            return f"{x} is free, so it stays {x}, not {sol[x]}"
        stray = (getattr(sol[x], "free_symbols", set()) & set(xs)) - free
        if stray:
            return f"the value of {x} uses {', '.join(sorted(map(str, stray)))}, which is not free"
    for i in range(R.rows):
        lhs = sum(R[i, j] * sol[xs[j]] for j in range(n))
        if is_zero(lhs - R[i, n]) is not True:
            return f"the values do not satisfy row {i + 1}"
    dim = n - exact_rank(R[:, :n])
    return None if len(free) == dim else f"{len(free)} free unknowns, but the solutions have {dim}"


@VERIFIERS.check(LinalgRule.INCONSISTENT_ROW, reads=True)
def _v_inconsistent(step: Step) -> str | None:
    """The named row reads 0 = c with c non-zero."""
    R, k = step.before, int(step.given["row"])
    if not 1 <= k <= R.rows:
        return f"there is no row {k}"
    row = list(R.row(k - 1))
    if any(is_zero(x) is not True for x in row[:-1]) or is_zero(row[-1]) is True:
        return f"row {k} is {_row_text(row)}, not [0 ... 0 | c] with c non-zero"
    return None


# ------------------------------------------------------------------ singular matrices
def _named_det(step: Step, M: Any) -> str | None:
    if M is None or not hasattr(M, "shape") or M.rows != M.cols:
        return "the step does not name its square matrix"
    det = exact_det(M)
    if "det" in step.given and not same_value(step.given["det"], det):
        return f"det = {det}, not {step.given['det']}"
    return None


@VERIFIERS.check(LinalgRule.SINGULAR_TEST, reads=True)
def _v_singular(step: Step) -> str | None:
    """Recompute det A: singular exactly when it is 0."""
    M = step.given.get("matrix")
    problem = _named_det(step, M)
    if problem:
        return problem
    det = exact_det(M)
    if not same_value(step.before, det):
        return f"det = {det}, not {step.before}"
    return None if bool(step.after) == (is_zero(det) is True) else \
        f"det = {det}, so the matrix is {'singular' if is_zero(det) is True else 'non-singular'}"


@VERIFIERS.check(LinalgRule.NOT_INVERTIBLE, reads=True)
def _v_not_invertible(step: Step) -> str | None:
    """Recompute det A: there is no inverse exactly when it is 0."""
    M = step.given.get("matrix", step.before)
    problem = _named_det(step, M)
    if problem:
        return problem
    det = exact_det(M)
    return None if is_zero(det) is True else f"det = {det} is not 0, so the matrix is invertible"


# ------------------------------------------------------------------ parameters
@VERIFIERS.check(LinalgRule.ASSUME_NONZERO, reads=True)
def _v_assume(step: Step) -> str | None:
    """The conditions are not identically false, and each excluded value breaks one."""
    conds = [c.lhs - c.rhs for c in step.given["conditions"]]
    if step.before != step.after:
        return "an assumption does not change the object"
    for c in conds:
        if is_zero(c) is True:
            return f"{c} is zero for every value of the parameters: it cannot be assumed non-zero"
    for case in step.given["excluded"]:
        eqs = case if hasattr(case, "__iter__") and not hasattr(case, "lhs") else (case,)
        sub = {e.lhs: e.rhs for e in eqs}
        if not any(is_zero(c.xreplace(sub)) is True for c in conds):
            return f"{case} does not make any of the conditions zero"
    return None


def _case_value(task: str, original: Any, sub: dict) -> Any:
    """SymPy's own answer for one case, computed directly (not with our engines)."""
    from sympy import Matrix, simplify

    if task in ("classify_system", "solve_system"):
        A, b = (Matrix(x).xreplace(sub) for x in original)
        rA, rAb = A.rank(simplify=True), A.row_join(b).rank(simplify=True)
        kind = "none" if rAb > rA else ("unique" if rA == A.cols else "infinite")
        return kind
    M = Matrix(original).xreplace(sub)
    if task == "singular":
        return simplify(M.det()) == 0
    if task == "rank":
        return M.rank(simplify=True)
    if task == "inverse":
        return "not invertible" if simplify(M.det()) == 0 else M.inv().applyfunc(simplify)
    return M.rref(simplify=True)[0]


@VERIFIERS.check(LinalgRule.PARAMETER_CASES, reads=True)
def _v_cases(step: Step) -> str | None:
    """Each excluded value, put into the original input, gives the stated result."""
    from symbolic_mlmath.linalg.verifiers_eigen_cases import EIGEN_TASKS, eigen_case_problem

    task, original = str(step.given["task"]), step.given["original"]
    if step.before != step.after:
        return "listing the cases does not change the result"
    for label, value in step.given["cases"]:
        eqs = label if hasattr(label, "__iter__") and not hasattr(label, "lhs") else (label,)
        sub = {e.lhs: e.rhs for e in eqs}
        if task in EIGEN_TASKS:
            problem = eigen_case_problem(task, original, sub, value, label)
            if problem:
                return problem
            continue
        want = _case_value(task, original, sub)
        if task in ("classify_system", "solve_system"):
            got = str(value if task == "classify_system" else value[0])
            if got != want:
                return f"for {label} the system has {want} solution(s), not {got}"
        elif task == "ref":
            continue  # an echelon form is not unique; its rank is checked by the next case
        elif task == "singular":
            if bool(value) != want:
                return f"for {label} the matrix is {'' if want else 'not '}singular"
        elif not same_value(value, want) and str(value) != str(want):
            return f"for {label} the result is {want}, not {value}"
    return None


# ------------------------------------------------------------------ several right-hand sides
@VERIFIERS.check(LinalgRule.AUGMENT_COLUMNS)
def _v_augment_columns(step: Step) -> str | None:
    """[A | B] holds A, then every column of B."""
    A, B = step.given["A"], step.given["B"]
    return None if step.after == A.row_join(B) else "the matrix is not [A | B]"


@VERIFIERS.check(LinalgRule.READ_BLOCK_SOLUTION)
def _v_read_block(step: Step) -> str | None:
    """The left block is I (then zero rows), and X is the right block beside it."""
    from sympy import eye, zeros

    M, n = step.before, int(step.given["n"])
    if M[:n, :n] != eye(n) or M[n:, :n] != zeros(M.rows - n, n):
        return "the left block is not the identity (over zero rows) yet"
    if any(is_zero(x) is not True for x in M[n:, n:]):
        return "a zero row of A has a non-zero right-hand side: no solution"
    return None if same_value(M[:n, n:], step.after) else "X is not the right block"

"""Independent checks of every linear-algebra rule: the subject's ``VERIFIERS`` table.

Value-preserving rules are declared ``SAME_VALUE``; every other rule gets a verifier
here that recomputes what the step claims from its ``before`` and ``given`` pieces
(a row operation is replayed, a rank is recounted, an eigenspace is recomputed).

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.linalg.rules import LinalgRule
>>> from symbolic_mlmath.core.verify import verify_step
>>> A = ImmutableMatrix([[2, 1], [1, 2]])
>>> bad = Step(LinalgRule.SHIFT_DIAGONAL, A, ImmutableMatrix([[1, 1], [1, 2]]), {"eigenvalue": 1})
>>> verify_step(bad)
'A - (1) I is Matrix([[1, 1], [1, 1]]), not Matrix([[1, 1], [1, 2]])'
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.exact import close, exact_rank, has_float
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import Verifier, VerifierTable, same_value
from symbolic_mlmath.linalg.rules import LinalgRule

__all__ = ["VERIFIERS"]

#: Every linear-algebra rule's verifier.
VERIFIERS = VerifierTable()
VERIFIERS.same_value(
    LinalgRule.VECTOR_COMBINATION, LinalgRule.DOT_PRODUCT, LinalgRule.VECTOR_NORM,
    LinalgRule.ANGLE_FORMULA, LinalgRule.PROJECTION_FORMULA, LinalgRule.MATRIX_PRODUCT,
    LinalgRule.INVERSE_2X2, LinalgRule.DET_PRODUCT, LinalgRule.DET_INVERSE,
    LinalgRule.DET_2X2, LinalgRule.DET_SARRUS, LinalgRule.COFACTOR_EXPANSION,
    LinalgRule.DET_ROW_SWAP, LinalgRule.DET_ROW_ADD, LinalgRule.DET_ROW_SCALE,
    LinalgRule.DET_TRIANGULAR, LinalgRule.DET_ZERO_ROW,
)


def _equal(a: Any, b: Any) -> bool:
    return close(a, b) if has_float(a) or has_float(b) else same_value(a, b)


def _nonzero_rows(M: Any) -> int:
    return sum(1 for i in range(M.rows) if any(x != 0 for x in M.row(i)))


@VERIFIERS.check(LinalgRule.IMAGE_OF_BASIS)
def _v_image(step: Step) -> str | None:
    xs = step.given["vars"]
    want = step.before.xreplace(dict(zip(xs, step.given["basis"], strict=True)))
    return None if same_value(want, step.after) else f"T(e_j) is {want}, not {step.after}"


@VERIFIERS.check(LinalgRule.STANDARD_MATRIX)
def _v_standard(step: Step) -> str | None:
    from sympy import ImmutableMatrix

    xs = ImmutableMatrix(list(step.given["vars"]))
    if step.after.cols != xs.rows or not same_value(step.after * xs, step.before):
        return "the matrix times the vector of variables does not give the formulas"
    return None


@VERIFIERS.check(LinalgRule.AUGMENT_IDENTITY)
def _v_augment(step: Step) -> str | None:
    from sympy import eye

    A = step.before
    return None if step.after == A.row_join(eye(A.rows)) else "the right block is not I"


@VERIFIERS.check(LinalgRule.READ_INVERSE)
def _v_read_inverse(step: Step) -> str | None:
    from sympy import eye

    M, n = step.before, int(step.given["n"])
    if M[:, :n] != eye(n):
        return "the left block is not the identity yet"
    return None if same_value(M[:, n:], step.after) else "the inverse is not the right block"


@VERIFIERS.check(LinalgRule.VECTORS_AS_COLUMNS)
def _v_columns(step: Step) -> str | None:
    vs, M = step.before, step.after
    ok = M.cols == len(vs) and all(M.col(j) == v for j, v in enumerate(vs))
    return None if ok else "the columns are not the given vectors"


@VERIFIERS.check(LinalgRule.READ_INDEPENDENCE)
def _v_independence(step: Step) -> str | None:
    rank = _nonzero_rows(step.before)
    want = rank == int(step.given["count"])
    return None if bool(step.after) == want else f"rank {rank} with {step.given['count']} vectors"


@VERIFIERS.check(LinalgRule.READ_BASIS)
def _v_basis(step: Step) -> str | None:
    rank = _nonzero_rows(step.before)
    return None if len(step.after) == rank else f"{len(step.after)} vectors but rank {rank}"


@VERIFIERS.check(LinalgRule.SHIFT_DIAGONAL)
def _v_shift(step: Step) -> str | None:
    from sympy import eye

    lam, A = step.given["eigenvalue"], step.before
    want = (A - lam * eye(A.rows)).as_immutable()
    return None if _equal(want, step.after) else f"A - ({lam}) I is {want}, not {step.after}"


@VERIFIERS.check(LinalgRule.CHARPOLY_DEFINITION)
def _v_charpoly(step: Step) -> str | None:
    from sympy import Determinant, eye

    lam, A = step.given["variable"], step.before
    want = Determinant((A - lam * eye(A.rows)).as_immutable())
    return None if step.after == want else "the characteristic polynomial is det(A - lambda I)"


@VERIFIERS.check(LinalgRule.SOLVE_ROOTS)
def _v_roots(step: Step) -> str | None:
    import mpmath
    from sympy import Poly

    p = Poly(step.before, step.given["variable"])
    got = list(step.after)
    if len(got) != p.degree():
        return f"{len(got)} roots for a polynomial of degree {p.degree()}"
    with mpmath.workdps(40):
        want = [complex(r) for r in mpmath.polyroots([int(c) if c.is_Integer else mpmath.mpf(
            c.p) / c.q for c in p.all_coeffs()], maxsteps=200, extraprec=200)]
    for r in got:
        z = complex(r.evalf(30))
        k = next((i for i, w in enumerate(want) if abs(w - z) < 1e-8 * max(1, abs(z))), None)
        if k is None:
            return f"{r} is not a root"
        del want[k]
    return None


@VERIFIERS.check(LinalgRule.NULL_SPACE)
def _v_null(step: Step) -> str | None:
    from sympy import zeros

    M, vs = step.before, list(step.after)
    for v in vs:
        if not _equal(M * v, zeros(M.rows, 1)):
            return f"{v.T} is not in the null space"
    want = M.cols - exact_rank(M)
    return None if len(vs) == want else f"{len(vs)} vectors, but the null space has dimension {want}"


@VERIFIERS.check(LinalgRule.EIGENSPACE)
def _v_eigenspace(step: Step) -> str | None:
    from sympy import eye

    A, lam = step.given["matrix"], step.given["eigenvalue"]
    vs = list(step.after)
    for v in vs:
        if all(x == 0 for x in v) or not _equal(A * v, lam * v):
            return f"{v.T} is not an eigenvector for {lam}"
    from sympy import CRootOf

    exact = not (has_float(A) or has_float(lam) or lam.free_symbols or lam.has(CRootOf))
    if exact:
        want = A.rows - exact_rank((A - lam * eye(A.rows)).as_immutable())
        if len(vs) != want:
            return f"{len(vs)} vectors, but the eigenspace has dimension {want}"
    return None


@VERIFIERS.check(LinalgRule.DIAGONALIZE)
def _v_diagonalize(step: Step) -> str | None:
    A = step.given["matrix"]
    P, D = step.after
    if not D.is_diagonal():
        return "D is not diagonal"
    if not _equal(A * P, P * D):
        return "A P differs from P D"
    return None if exact_rank(P) == P.rows else "P is not invertible"


@VERIFIERS.check(LinalgRule.CENTER_DATA)
def _v_center(step: Step) -> str | None:
    from sympy import ones

    X, Xc, mean = step.before, step.after, step.given["mean"]
    ok = same_value(Xc, X - ones(X.rows, 1) * mean) and all(
        sum(Xc.col(j)) == 0 for j in range(Xc.cols))
    return None if ok else "the columns of the centred data do not have mean 0"


@VERIFIERS.check(LinalgRule.COVARIANCE_MATRIX)
def _v_cov(step: Step) -> str | None:
    Xc = step.before
    want = Xc.T * Xc / (Xc.rows - 1)
    return None if same_value(want, step.after) else "C is not Xc^T Xc / (n - 1)"


@VERIFIERS.check(LinalgRule.NORMALIZE_VECTOR)
def _v_unit(step: Step) -> str | None:
    v, u = step.before, step.after
    want = v / (v.T * v)[0, 0] ** 0.5 if has_float(v) else None
    if want is not None:
        return None if close(want, u) else "not v / |v|"
    from sympy import sqrt

    return None if same_value(v / sqrt((v.T * v)[0, 0]), u) else "not v / |v|"


@VERIFIERS.check(LinalgRule.EXPLAINED_VARIANCE)
def _v_explained(step: Step) -> str | None:
    from sympy import N

    lams = sorted(step.before, key=lambda x: -complex(N(x, 30)).real)
    ratios, total = list(step.after), sum(step.before)
    ok = len(lams) >= len(ratios) and all(_equal(r, lam / total)
                                          for r, lam in zip(ratios, lams, strict=False))
    return None if ok else "the ratios are not lambda_i / sum of the lambdas"


@VERIFIERS.check(LinalgRule.PROJECT_DATA)
def _v_project(step: Step) -> str | None:
    want = step.given["centered"] * step.given["components"]
    return None if _equal(want, step.after) else "the projection is not Xc W"


@VERIFIERS.check(LinalgRule.STOCHASTIC_CHECK)
def _v_stochastic(step: Step) -> str | None:
    P = step.before
    ok = all(x >= 0 for x in P) and all(sum(P.col(j)) == 1 for j in range(P.cols))
    return None if ok else "the matrix is not column-stochastic"


@VERIFIERS.check(LinalgRule.NORMALIZE_PROBABILITY)
def _v_probability(step: Step) -> str | None:
    v, p = step.before, step.after
    v = v[0] if not hasattr(v, "shape") else v
    return None if same_value(v / sum(v), p) else "not v divided by the sum of its entries"


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


@VERIFIERS.check(LinalgRule.MARK_PIVOTS)
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


@VERIFIERS.check(LinalgRule.READ_RANK)
def _verify_rank(step: Step) -> str | None:
    M = step.before
    nonzero = sum(1 for i in range(M.rows) if any(x != 0 for x in M.row(i)))
    if nonzero != step.after:
        return f"the echelon form has {nonzero} non-zero rows, not {step.after}"
    return None


# ------------------------------------------------------------------ rules that read a fact
_READS = (
    LinalgRule.MARK_PIVOTS, LinalgRule.READ_RANK, LinalgRule.CLASSIFY_SYSTEM,
    LinalgRule.READ_SOLUTION, LinalgRule.INCONSISTENT_ROW, LinalgRule.SINGULAR_TEST,
    LinalgRule.READ_INDEPENDENCE, LinalgRule.READ_BASIS, LinalgRule.EIGENSPACE,
    LinalgRule.DIAGONALIZE, LinalgRule.NOT_DIAGONALIZABLE, LinalgRule.STOCHASTIC_CHECK,
    LinalgRule.NOT_INVERTIBLE, LinalgRule.EXPLAINED_VARIANCE, LinalgRule.PROJECT_DATA,
)
for _rule in _READS:
    _v = VERIFIERS.get(_rule)
    VERIFIERS[_rule] = Verifier(check=_v.check if _v else None, reads=True)
# TODO(issue 9): real checks for WRITE_AUGMENTED, CLASSIFY_SYSTEM, READ_SOLUTION,
# INCONSISTENT_ROW, SINGULAR_TEST, NOT_INVERTIBLE, NOT_DIAGONALIZABLE (no check yet).
VERIFIERS.setdefault(LinalgRule.WRITE_AUGMENTED, Verifier())

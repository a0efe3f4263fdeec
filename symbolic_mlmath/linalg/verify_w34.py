"""Independent checks of the course 1, weeks 3-4 rules (registered on import).

Rules that keep the value of their object join ``VALUE_PRESERVING``; rules that read
a fact off an object join ``READS``; every other rule gets a verifier here that
recomputes what the step claims from its ``before`` and ``given`` pieces.

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.steps import Step
>>> from symbolic_mlmath.rules import Rule
>>> from symbolic_mlmath.verify import verify_step
>>> A = ImmutableMatrix([[2, 1], [1, 2]])
>>> bad = Step(Rule.SHIFT_DIAGONAL, A, ImmutableMatrix([[1, 1], [1, 2]]), {"eigenvalue": 1})
>>> verify_step(bad)
'A - (1) I is Matrix([[1, 1], [1, 1]]), not Matrix([[1, 1], [1, 2]])'
"""

from __future__ import annotations

from typing import Any

from ..rules import Rule
from ..steps import Step
from ..verify import READS, VALUE_PRESERVING, register_verifier, same_value

__all__ = ["close", "exact_matrix", "exact_rank", "null_basis"]

VALUE_PRESERVING.update({
    Rule.VECTOR_COMBINATION, Rule.DOT_PRODUCT, Rule.VECTOR_NORM, Rule.ANGLE_FORMULA,
    Rule.PROJECTION_FORMULA, Rule.MATRIX_PRODUCT, Rule.INVERSE_2X2, Rule.DET_PRODUCT,
    Rule.DET_INVERSE,
})
READS.update({
    Rule.READ_INDEPENDENCE, Rule.READ_BASIS, Rule.EIGENSPACE, Rule.DIAGONALIZE,
    Rule.NOT_DIAGONALIZABLE, Rule.STOCHASTIC_CHECK, Rule.NOT_INVERTIBLE,
})


def exact_matrix(M: Any, name: str = "matrix") -> Any:
    """``M`` as an immutable matrix with floats read exactly (0.1 -> 1/10), via ``parse``.

    Examples
    ========
    >>> exact_matrix([[0.9, 0.5]])
    Matrix([[9/10, 1/2]])
    """
    from ..parse import parse_matrix

    return parse_matrix(M, name=name)


def _has_float(obj: Any) -> bool:
    from sympy import Float

    return bool(getattr(obj, "has", lambda *_: False)(Float))


def close(a: Any, b: Any, digits: int = 20) -> bool:
    """Numeric equality to ``digits`` digits (matrices entry by entry).

    Examples
    ========
    >>> from sympy import Float, sqrt
    >>> close(sqrt(2), Float("1.41421356237309504880168872", 30))
    True
    """
    from sympy import MatrixBase, N

    if isinstance(a, MatrixBase):
        return a.shape == b.shape and all(close(x, y, digits) for x, y in zip(a, b, strict=True))
    x, y = complex(N(a, digits + 10)), complex(N(b, digits + 10))
    return abs(x - y) <= 10.0 ** (-digits + 5) * max(1.0, abs(x), abs(y))


def _equal(a: Any, b: Any) -> bool:
    return close(a, b) if _has_float(a) or _has_float(b) else same_value(a, b)


def exact_rank(M: Any) -> int:
    """The rank of an exact matrix, algebraic entries included (over their number field).

    Examples
    ========
    >>> from sympy import Matrix, sqrt
    >>> exact_rank(Matrix([[1, sqrt(2)], [sqrt(2), 2]]))
    1
    """
    if _has_float(M):
        import mpmath

        with mpmath.workdps(30):
            s = mpmath.svd_r(mpmath.matrix(M.evalf(30).tolist()), compute_uv=False) if not M.has(
                1j) else mpmath.svd_c(mpmath.matrix(M.evalf(30).tolist()), compute_uv=False)
            return sum(1 for x in s if abs(x) > mpmath.mpf(10) ** -15)
    dm = M.to_DM(extension=True) if not M.free_symbols else M.to_DM()
    return dm.to_field().rank()


def null_basis(R: Any, pivots: list[int]) -> list[Any]:
    """A basis of the null space read from a reduced echelon form with the given pivot columns.

    Each free column gives one vector: 1 in its place, minus the pivot rows' entries.

    Examples
    ========
    >>> from sympy import Matrix
    >>> [list(v) for v in null_basis(Matrix([[1, 2, 0], [0, 0, 1]]), [0, 2])]
    [[-2, 1, 0]]
    """
    from sympy import ImmutableMatrix, Integer

    n = R.cols
    free = [c for c in range(n) if c not in pivots]
    out = []
    for f in free:
        v = [Integer(0)] * n
        v[f] = Integer(1)
        for r, c in enumerate(pivots):
            v[c] = -R[r, f]
        out.append(ImmutableMatrix(v))
    return out


def _nonzero_rows(M: Any) -> int:
    return sum(1 for i in range(M.rows) if any(x != 0 for x in M.row(i)))


@register_verifier(Rule.IMAGE_OF_BASIS)
def _v_image(step: Step) -> str | None:
    xs = step.given["vars"]
    want = step.before.xreplace(dict(zip(xs, step.given["basis"], strict=True)))
    return None if same_value(want, step.after) else f"T(e_j) is {want}, not {step.after}"


@register_verifier(Rule.STANDARD_MATRIX)
def _v_standard(step: Step) -> str | None:
    from sympy import ImmutableMatrix

    xs = ImmutableMatrix(list(step.given["vars"]))
    if step.after.cols != xs.rows or not same_value(step.after * xs, step.before):
        return "the matrix times the vector of variables does not give the formulas"
    return None


@register_verifier(Rule.AUGMENT_IDENTITY)
def _v_augment(step: Step) -> str | None:
    from sympy import eye

    A = step.before
    return None if step.after == A.row_join(eye(A.rows)) else "the right block is not I"


@register_verifier(Rule.READ_INVERSE)
def _v_read_inverse(step: Step) -> str | None:
    from sympy import eye

    M, n = step.before, int(step.given["n"])
    if M[:, :n] != eye(n):
        return "the left block is not the identity yet"
    return None if same_value(M[:, n:], step.after) else "the inverse is not the right block"


@register_verifier(Rule.VECTORS_AS_COLUMNS)
def _v_columns(step: Step) -> str | None:
    vs, M = step.before, step.after
    ok = M.cols == len(vs) and all(M.col(j) == v for j, v in enumerate(vs))
    return None if ok else "the columns are not the given vectors"


@register_verifier(Rule.READ_INDEPENDENCE)
def _v_independence(step: Step) -> str | None:
    rank = _nonzero_rows(step.before)
    want = rank == int(step.given["count"])
    return None if bool(step.after) == want else f"rank {rank} with {step.given['count']} vectors"


@register_verifier(Rule.READ_BASIS)
def _v_basis(step: Step) -> str | None:
    rank = _nonzero_rows(step.before)
    return None if len(step.after) == rank else f"{len(step.after)} vectors but rank {rank}"


@register_verifier(Rule.SHIFT_DIAGONAL)
def _v_shift(step: Step) -> str | None:
    from sympy import eye

    lam, A = step.given["eigenvalue"], step.before
    want = (A - lam * eye(A.rows)).as_immutable()
    return None if _equal(want, step.after) else f"A - ({lam}) I is {want}, not {step.after}"


@register_verifier(Rule.CHARPOLY_DEFINITION)
def _v_charpoly(step: Step) -> str | None:
    from sympy import Determinant, eye

    lam, A = step.given["variable"], step.before
    want = Determinant((A - lam * eye(A.rows)).as_immutable())
    return None if step.after == want else "the characteristic polynomial is det(A - lambda I)"


@register_verifier(Rule.SOLVE_ROOTS)
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


@register_verifier(Rule.NULL_SPACE)
def _v_null(step: Step) -> str | None:
    from sympy import zeros

    M, vs = step.before, list(step.after)
    for v in vs:
        if not _equal(M * v, zeros(M.rows, 1)):
            return f"{v.T} is not in the null space"
    want = M.cols - exact_rank(M)
    return None if len(vs) == want else f"{len(vs)} vectors, but the null space has dimension {want}"


@register_verifier(Rule.EIGENSPACE)
def _v_eigenspace(step: Step) -> str | None:
    from sympy import eye

    A, lam = step.given["matrix"], step.given["eigenvalue"]
    vs = list(step.after)
    for v in vs:
        if all(x == 0 for x in v) or not _equal(A * v, lam * v):
            return f"{v.T} is not an eigenvector for {lam}"
    from sympy import CRootOf

    exact = not (_has_float(A) or _has_float(lam) or lam.free_symbols or lam.has(CRootOf))
    if exact:
        want = A.rows - exact_rank((A - lam * eye(A.rows)).as_immutable())
        if len(vs) != want:
            return f"{len(vs)} vectors, but the eigenspace has dimension {want}"
    return None


@register_verifier(Rule.DIAGONALIZE)
def _v_diagonalize(step: Step) -> str | None:
    A = step.given["matrix"]
    P, D = step.after
    if not D.is_diagonal():
        return "D is not diagonal"
    if not _equal(A * P, P * D):
        return "A P differs from P D"
    return None if exact_rank(P) == P.rows else "P is not invertible"


@register_verifier(Rule.CENTER_DATA)
def _v_center(step: Step) -> str | None:
    from sympy import ones

    X, Xc, mean = step.before, step.after, step.given["mean"]
    ok = same_value(Xc, X - ones(X.rows, 1) * mean) and all(
        sum(Xc.col(j)) == 0 for j in range(Xc.cols))
    return None if ok else "the columns of the centred data do not have mean 0"


@register_verifier(Rule.COVARIANCE_MATRIX)
def _v_cov(step: Step) -> str | None:
    Xc = step.before
    want = Xc.T * Xc / (Xc.rows - 1)
    return None if same_value(want, step.after) else "C is not Xc^T Xc / (n - 1)"


@register_verifier(Rule.NORMALIZE_VECTOR)
def _v_unit(step: Step) -> str | None:
    v, u = step.before, step.after
    want = v / (v.T * v)[0, 0] ** 0.5 if _has_float(v) else None
    if want is not None:
        return None if close(want, u) else "not v / |v|"
    from sympy import sqrt

    return None if same_value(v / sqrt((v.T * v)[0, 0]), u) else "not v / |v|"


@register_verifier(Rule.EXPLAINED_VARIANCE)
def _v_explained(step: Step) -> str | None:
    from sympy import N

    lams = sorted(step.before, key=lambda x: -complex(N(x, 30)).real)
    ratios, total = list(step.after), sum(step.before)
    ok = len(lams) >= len(ratios) and all(_equal(r, lam / total)
                                          for r, lam in zip(ratios, lams, strict=False))
    return None if ok else "the ratios are not lambda_i / sum of the lambdas"


@register_verifier(Rule.PROJECT_DATA)
def _v_project(step: Step) -> str | None:
    want = step.given["centered"] * step.given["components"]
    return None if _equal(want, step.after) else "the projection is not Xc W"


@register_verifier(Rule.STOCHASTIC_CHECK)
def _v_stochastic(step: Step) -> str | None:
    P = step.before
    ok = all(x >= 0 for x in P) and all(sum(P.col(j)) == 1 for j in range(P.cols))
    return None if ok else "the matrix is not column-stochastic"


@register_verifier(Rule.NORMALIZE_PROBABILITY)
def _v_probability(step: Step) -> str | None:
    v, p = step.before, step.after
    v = v[0] if not hasattr(v, "shape") else v
    return None if same_value(v / sum(v), p) else "not v divided by the sum of its entries"

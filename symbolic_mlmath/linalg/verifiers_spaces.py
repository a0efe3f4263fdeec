"""Independent checks of the vector, map, inverse, span, eigen, PCA and Markov rules.

Each verifier recomputes what the step claims from its ``before`` and ``given`` pieces
(an eigenspace is recomputed, a rank recounted, a product redone); value-preserving
rules are declared ``SAME_VALUE``.

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.core.steps import Step
>>> A = ImmutableMatrix([[2, 1], [1, 2]])
>>> bad = Step(LinalgRule.SHIFT_DIAGONAL, A, ImmutableMatrix([[1, 1], [1, 2]]), {"eigenvalue": 1})
>>> VERIFIERS[LinalgRule.SHIFT_DIAGONAL].check(bad)
'A - (1) I is Matrix([[1, 1], [1, 1]]), not Matrix([[1, 1], [1, 2]])'
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.exact import close, exact_rank, has_float
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import VerifierTable, same_value
from symbolic_mlmath.linalg.rules import LinalgRule

__all__ = ["VERIFIERS"]

#: The verifiers of this module's rules.
VERIFIERS = VerifierTable()
VERIFIERS.same_value(
    LinalgRule.VECTOR_COMBINATION, LinalgRule.DOT_PRODUCT, LinalgRule.VECTOR_NORM,
    LinalgRule.ANGLE_FORMULA, LinalgRule.PROJECTION_FORMULA, LinalgRule.MATRIX_PRODUCT,
    LinalgRule.INVERSE_2X2,
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


@VERIFIERS.check(LinalgRule.READ_INDEPENDENCE, reads=True)
def _v_independence(step: Step) -> str | None:
    rank = _nonzero_rows(step.before)
    want = rank == int(step.given["count"])
    return None if bool(step.after) == want else f"rank {rank} with {step.given['count']} vectors"


@VERIFIERS.check(LinalgRule.READ_BASIS, reads=True)
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
    """The roots, with multiplicity, rebuild the polynomial: lc * prod(x - r) = p.

    Compared coefficient by coefficient at 40 digits (no root finding, so repeated roots and
    symbolic or complex coefficients are fine); symbols other than the variable are given
    seeded rational values at three points first.
    """
    import random

    import mpmath
    from sympy import Poly, Rational

    lam = step.given["variable"]
    p = Poly(step.before, lam)
    got = list(step.after)
    if len(got) != p.degree():
        return f"{len(got)} roots for a polynomial of degree {p.degree()}"
    others = sorted(set().union(step.before.free_symbols, *(getattr(r, "free_symbols", set())
                                                           for r in got)) - {lam}, key=str)
    rng = random.Random(20261130)
    points = [{}] if not others else [
        {s: Rational(rng.randint(-900, 900), rng.randint(1, 97)) + Rational(1, 7919)
         for s in others} for _ in range(3)]
    with mpmath.workdps(40):
        for pt in points:
            coeffs = [_mp(c.xreplace(pt)) for c in p.all_coeffs()]
            roots = [_mp(r.xreplace(pt)) for r in got]
            if coeffs[0] == 0:
                continue  # this point makes the leading coefficient vanish: try the others
            built = [mpmath.mpc(1)]
            for r in roots:
                built = [*(b - r * a for a, b in zip([mpmath.mpc(0), *built], [*built, 0],
                                                     strict=True))]
            scale = max(1, *(abs(c) for c in coeffs), *(abs(coeffs[0] * b) for b in built))
            for k, (want, have) in enumerate(zip(coeffs, built, strict=True)):
                if abs(want - coeffs[0] * have) > mpmath.mpf(10) ** -18 * scale:
                    shown = ", ".join(map(str, got))
                    return (f"the roots {shown} do not rebuild the polynomial (coefficient of "
                            f"{lam}^{p.degree() - k} differs)")
    return None


def _mp(x: Any) -> Any:
    """A SymPy number as an mpmath complex at the working precision (CRootOf from cache)."""
    import mpmath
    from sympy import CRootOf, N

    if x.is_Rational:
        return mpmath.mpc(mpmath.mpf(int(x.p)) / int(x.q))
    if isinstance(x, CRootOf):
        from symbolic_mlmath.linalg.roots import numeric_root

        return numeric_root(x)
    re_, im_ = N(x, mpmath.mp.dps + 5).as_real_imag()
    return mpmath.mpc(mpmath.mpf(str(N(re_, mpmath.mp.dps + 5))),
                      mpmath.mpf(str(N(im_, mpmath.mp.dps + 5))))


@VERIFIERS.check(LinalgRule.NULL_SPACE)
def _v_null(step: Step) -> str | None:
    from sympy import zeros

    M, vs = step.before, list(step.after)
    for v in vs:
        if not _equal(M * v, zeros(M.rows, 1)):
            return f"{v.T} is not in the null space"
    want = M.cols - exact_rank(M)
    return None if len(vs) == want else f"{len(vs)} vectors, but the null space has dimension {want}"


@VERIFIERS.check(LinalgRule.EIGENSPACE, reads=True)
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


@VERIFIERS.check(LinalgRule.DIAGONALIZE, reads=True)
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


@VERIFIERS.check(LinalgRule.EXPLAINED_VARIANCE, reads=True)
def _v_explained(step: Step) -> str | None:
    from sympy import N

    lams = sorted(step.before, key=lambda x: -complex(N(x, 30)).real)
    ratios, total = list(step.after), sum(step.before)
    ok = len(lams) >= len(ratios) and all(_equal(r, lam / total)
                                          for r, lam in zip(ratios, lams, strict=False))
    return None if ok else "the ratios are not lambda_i / sum of the lambdas"


@VERIFIERS.check(LinalgRule.PROJECT_DATA, reads=True)
def _v_project(step: Step) -> str | None:
    want = step.given["centered"] * step.given["components"]
    return None if _equal(want, step.after) else "the projection is not Xc W"


@VERIFIERS.check(LinalgRule.STOCHASTIC_CHECK, reads=True)
def _v_stochastic(step: Step) -> str | None:
    P = step.before
    ok = all(x >= 0 for x in P) and all(sum(P.col(j)) == 1 for j in range(P.cols))
    return None if ok else "the matrix is not column-stochastic"


@VERIFIERS.check(LinalgRule.NORMALIZE_PROBABILITY)
def _v_probability(step: Step) -> str | None:
    v, p = step.before, step.after
    v = v[0] if not hasattr(v, "shape") else v
    return None if same_value(v / sum(v), p) else "not v divided by the sum of its entries"


@VERIFIERS.check(LinalgRule.NOT_DIAGONALIZABLE, reads=True)
def _v_defective(step: Step) -> str | None:
    """Recount both multiplicities: the roots listed, and n - rank(A - λI)."""
    from sympy import eye

    g = step.given
    if "matrix" not in g:
        return "the step does not name its matrix"
    A, lam = g["matrix"], g["eigenvalue"]
    algebraic = sum(1 for r in step.before if same_value(r, lam))
    geometric = A.rows - exact_rank((A - lam * eye(A.rows)).as_immutable())
    if (int(g["algebraic"]), int(g["geometric"])) != (algebraic, geometric):
        return (f"λ = {lam} has multiplicity {algebraic} and {geometric} independent "
                f"eigenvector(s), not {g['algebraic']} and {g['geometric']}")
    if geometric >= algebraic:
        return f"λ = {lam} has as many eigenvectors as its multiplicity: not defective"
    return None if step.after is not None and not bool(step.after) else "the conclusion is 'no'"

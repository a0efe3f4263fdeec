"""PCA and Markov steady states, exactly, with steps.

PCA: centre the data, form the covariance matrix (divisor n - 1), find its
eigenvalues (largest first) and unit eigenvectors (the principal components), the
share of variance each explains, and the centred data's coordinates along them.
Steady state: the eigenvector of a column-stochastic matrix for eigenvalue 1,
scaled to a probability vector.

Examples
========
>>> from sympy import Matrix
>>> r = derive_pca([[1, 2], [3, 4], [5, 0]]).result
>>> r["covariance"]
Matrix([
[ 4, -2],
[-2,  4]])
>>> r["eigenvalues"], r["explained_variance"]
([6, 2], [3/4, 1/4])
>>> derive_steady_state([[0.9, 0.5], [0.1, 0.5]]).result.T
Matrix([[5/6, 1/6]])
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.exact import exact_matrix
from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.linalg.eigen import (
    eigenspace_steps,
    eigenvalue_steps,
    lambda_symbol,
    numeric_eigenvectors,
)
from symbolic_mlmath.linalg.elimination import eliminate
from symbolic_mlmath.linalg.rules import LinalgRule
from symbolic_mlmath.linalg.spaces import null_basis

__all__ = ["derive_pca", "derive_steady_state"]



def _unit_steps(vectors: list[Any]) -> tuple[list[Step], list[Any]]:
    """Orthonormalise an eigenspace basis (Gram-Schmidt), one NORMALIZE_VECTOR per vector."""
    from sympy import Float, radsimp, sqrt

    steps, out = [], []
    for v in vectors:
        w = v
        for q in out:
            w = w - q * (q.T * w)[0, 0]
        w = w.applyfunc(radsimp).as_immutable()
        n2 = (w.T * w)[0, 0]
        u = (w / (n2 ** 0.5 if w.has(Float) else sqrt(n2))).applyfunc(radsimp).as_immutable()
        steps.append(Step(LinalgRule.NORMALIZE_VECTOR, w, u))
        out.append(u)
    return steps, out


def derive_pca(data: Any, components: Any = None) -> Derivation:
    """Principal component analysis of ``data`` (rows are observations), exactly.

    Result: ``covariance``, ``eigenvalues`` (largest first), ``components`` (unit
    vectors), ``explained_variance`` (shares), ``projected`` (centred data times W).

    Examples
    ========
    >>> r = derive_pca([[0, 0], [2, 2], [4, 4]], components=1).result
    >>> r["components"][0].T, r["projected"].T
    (Matrix([[sqrt(2)/2, sqrt(2)/2]]), Matrix([[-2*sqrt(2), 0, 2*sqrt(2)]]))
    """
    from sympy import CRootOf, Float, ImmutableMatrix, N, Rational, Tuple, ones, radsimp

    X = exact_matrix(data)
    m, n = X.shape
    if m < 2:
        raise TaskError("PCA needs at least 2 observations (rows)", name="data")
    if X.free_symbols:
        raise TaskError("PCA needs numbers, not symbols", name="data")
    k = n if components is None else int(components)
    if not 1 <= k <= n:
        raise TaskError(f"components must be between 1 and {n}", name="components")
    mean = ImmutableMatrix([[sum(X.col(j)) / m for j in range(n)]])
    Xc = (X - ones(m, 1) * mean).as_immutable()
    C = (Xc.T * Xc / (m - 1)).as_immutable()
    steps = [Step(LinalgRule.CENTER_DATA, X, Xc, {"mean": mean}),
             Step(LinalgRule.COVARIANCE_MATRIX, Xc, C, {"n": m})]
    ev_steps, rs, fallback = eigenvalue_steps(C, lambda_symbol(avoid=C.free_symbols))
    steps += ev_steps
    roots_obj = steps[-1].after
    distinct = sorted(set(rs), key=lambda r: -complex(N(r, 30)).real)
    values, vectors = [], []
    for lam in distinct:
        mult = rs.count(lam)
        if lam.has(CRootOf, Float):
            sub = [Step(Rule.NUMERIC_FALLBACK, C, Tuple(*numeric_eigenvectors(C, lam)),
                        {"digits": 30, "eigenvalue": lam})]
            basis = list(sub[0].after)
        else:
            sub, basis = eigenspace_steps(C, lam)
        norm_steps, units = _unit_steps(basis)
        given = {"eigenvalue": lam, "multiplicity": mult, "matrix": C}
        steps.append(Step(LinalgRule.EIGENSPACE, roots_obj, Tuple(*units), given,
                          substeps=(*sub, *norm_steps)))
        values += [lam] * len(units)
        vectors += units
    total = C.trace()
    ratios = [radsimp(v / total) if total != 0 else Rational(0) for v in values[:k]]
    steps.append(Step(LinalgRule.EXPLAINED_VARIANCE, roots_obj, Tuple(*ratios)))
    W = ImmutableMatrix.hstack(*vectors[:k])
    projected = (Xc * W).applyfunc(radsimp).as_immutable()
    steps.append(Step(LinalgRule.PROJECT_DATA, roots_obj, projected,
                      {"centered": Xc, "components": W}))
    result = {"covariance": C, "eigenvalues": values, "components": vectors[:k],
              "explained_variance": ratios, "projected": projected}

    def reference() -> dict:
        """SymPy's own covariance (from its column means) and eigenvalues; components are
        unique only up to sign, so SymPy checks ours instead: unit length, C w = λ w,
        mutually orthogonal; then the projection X_c W recomputed from them."""
        from sympy import Matrix, simplify

        Xm = Matrix(X)
        centred = Xm - Matrix.ones(m, 1) * Matrix([[sum(Xm.col(j)) / m for j in range(n)]])
        cov = (centred.T * centred / (m - 1)).as_immutable()
        vals = sorted(cov.as_mutable().eigenvals(multiple=True),
                      key=lambda r: -complex(N(r, 30)).real)
        ws = list(vectors[:k])
        good = all(simplify(w.dot(w) - 1) == 0 and (cov * w - lam * w).applyfunc(
            simplify).is_zero_matrix for w, lam in zip(ws, vals, strict=False)) and all(
            simplify(ws[i].dot(ws[j])) == 0 for i in range(len(ws)) for j in range(i))
        Wm = ImmutableMatrix.hstack(*ws)
        return {"covariance": cov, "eigenvalues": vals, "components": ws if good else None,
                "explained_variance": [radsimp(v / cov.trace()) for v in vals[:k]],
                "projected": (centred * Wm).applyfunc(radsimp).as_immutable()}

    return Derivation("Principal component analysis", goal=X, steps=tuple(steps), result=result,
                      task="pca", inputs={"data": X, "components": k},
                      reference=None if fallback else reference)


def _validate_stochastic(P: Any) -> list[Any]:
    from symbolic_mlmath.render.formats import text_of

    if P.rows != P.cols:
        raise TaskError(f"a transition matrix is square, got {P.rows}x{P.cols}", name="matrix")
    if P.free_symbols:
        raise TaskError("a transition matrix needs numbers, not symbols", name="matrix")
    for i in range(P.rows):
        for j in range(P.cols):
            if P[i, j].is_negative:
                raise TaskError(f"entry ({i + 1}, {j + 1}) is {text_of(P[i, j])}; probabilities "
                                "cannot be negative", name="matrix")
    sums = [sum(P.col(j)) for j in range(P.cols)]
    bad = next((j for j, s in enumerate(sums) if s != 1), None)
    if bad is not None:
        rows_ok = all(sum(P.row(i)) == 1 for i in range(P.rows))
        hint = ("; its rows sum to 1, so give its transpose (column j holds the probabilities "
                "of leaving state j)") if rows_ok else ""
        raise TaskError(f"not column-stochastic: column {bad + 1} sums to "
                        f"{text_of(sums[bad])}, not 1{hint}", name="matrix")
    return sums


def derive_steady_state(M: Any) -> Derivation:
    """The steady state of a column-stochastic matrix: P v = v, entries summing to 1.

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_steady_state(Matrix([[0, 1], [1, 0]])).result.T
    Matrix([[1/2, 1/2]])
    """
    from sympy import Tuple, eye

    P = exact_matrix(M)
    sums = _validate_stochastic(P)
    n = P.rows
    shifted = (P - eye(n)).as_immutable()
    el = eliminate(shifted, reduced=True)
    final = el.final.to_sympy()
    basis = null_basis(final, [c for _, c in el.pivots])
    if len(basis) != 1:
        raise TaskError(f"the steady state is not unique: eigenvalue 1 has {len(basis)} "
                        "independent eigenvectors (the chain splits into separate parts)",
                        name="matrix")
    v = basis[0]
    prob = (v / sum(v)).as_immutable()
    subs = [Step(LinalgRule.SHIFT_DIAGONAL, P, shifted, {"eigenvalue": 1}), *el.steps,
            Step(LinalgRule.NULL_SPACE, final, Tuple(v))]
    steps = [
        Step(LinalgRule.STOCHASTIC_CHECK, P, P, {"sums": Tuple(*sums)}),
        Step(LinalgRule.EIGENSPACE, P, Tuple(v), {"eigenvalue": 1, "multiplicity": 1, "matrix": P},
             substeps=subs),
        Step(LinalgRule.NORMALIZE_PROBABILITY, Tuple(v), prob),
    ]

    def reference() -> Any:
        ns = (P - eye(n)).nullspace()
        w = ns[0]
        return (w / sum(w)).as_immutable()

    return Derivation("Steady state of a Markov chain", goal=P, steps=tuple(steps), result=prob,
                      task="steady_state", inputs={"matrix": P},
                      reference=reference)

"""Eigenvalues, eigenvectors, diagonalisation and PCA, checked against numpy and SymPy."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import CRootOf, Matrix, N, Symbol

import symbolic_mlmath as sm
from symbolic_mlmath.core.rules import Rule
from tests.linalg.strategies import square_matrices


def test_diagonalize_defective_result():
    r = sm.solve("diagonalize", matrix="[[2,1],[0,2]]").result
    assert r["diagonalizable"] is False
    assert (r["algebraic_multiplicity"], r["geometric_multiplicity"]) == (2, 1)


def test_numeric_fallback_5x5():
    A = Matrix([[2, 1, 0, 0, 1], [1, 3, 1, 0, 0], [0, 1, 4, 1, 0], [0, 0, 1, 5, 1],
                [1, 0, 0, 1, 6]])  # charpoly an irreducible quintic (checked with factor)
    d = sm.solve("eigenvalues", matrix=A)
    d.validate()
    assert any(s.rule is Rule.NUMERIC_FALLBACK for s in d.steps)
    want = np.sort_complex(np.linalg.eigvals(np.array(A.tolist(), dtype=float)))
    got = np.sort_complex(np.array([complex(N(x, 20)) for x in d.result]))
    assert np.allclose(got, want)
    assert all(x.has(CRootOf) or x.is_Rational for x in d.result)
    ev = sm.solve("eigenvectors", matrix=A)
    ev.validate()
    for e in ev.result:
        for v in e["vectors"]:
            Av = (A * v).evalf(25)
            assert max(abs(complex(a - e["eigenvalue"].evalf(25) * b))
                       for a, b in zip(Av, v, strict=True)) < 1e-15
    text = ", ".join(f"{complex(N(x, 8)).real:.5f}" for x in d.result if N(x).is_real)
    if len(text.split(",")) == len(d.result):
        assert sm.check("eigenvalues", answer=text, matrix=A).correct is True


@settings(max_examples=25)
@given(square_matrices(2))
def test_eigenvectors_and_charpoly_roots(A):
    lam = Symbol("lambda")
    p = sm.solve("charpoly", matrix=A).result
    assert (p - A.charpoly(lam).as_expr()).expand() == 0  # 2x2: both conventions agree
    ev = sm.solve("eigenvectors", matrix=A).result
    total = 0
    for e in ev:
        assert (p.subs(lam, e["eigenvalue"])).expand() == 0
        total += e["multiplicity"]
        for v in e["vectors"]:
            assert any(x != 0 for x in v)
            assert (A * v - e["eigenvalue"] * v).applyfunc(lambda x: x.expand()).is_zero_matrix
    assert total == 2


@settings(max_examples=15)
@given(square_matrices(3))
def test_eigenvalues_3x3_match_numpy(A):
    vals = sm.solve("eigenvalues", matrix=A).result
    got = [complex(N(x, 20)) for x in vals]
    want = list(np.linalg.eigvals(np.array(A.tolist(), dtype=float)))
    for z in got:  # a multiset match: sorting complex numbers with round-off is fragile
        k = min(range(len(want)), key=lambda q: abs(want[q] - z))
        assert abs(want.pop(k) - z) < 1e-6, (got, want)


@settings(max_examples=20)
@given(square_matrices(2))
def test_p_d_p_inverse_is_a(A):
    r = sm.solve("diagonalize", matrix=A).result
    if r.get("diagonalizable") is False:
        assert not A.is_diagonalizable()
        return
    P, D = r["P"], r["D"]
    assert D.is_diagonal()
    assert (P * D * P.inv() - A).applyfunc(lambda x: x.expand().simplify()).is_zero_matrix


@settings(max_examples=15)
@given(st.lists(st.lists(st.integers(-5, 5), min_size=2, max_size=2), min_size=3, max_size=6))
def test_pca_components_orthonormal_and_match_eigh(rows):
    X = np.array(rows, dtype=float)
    C = np.cov(X, rowvar=False)
    w, V = np.linalg.eigh(C)
    if np.allclose(C, 0) or abs(w[0] - w[1]) < 1e-9:
        return
    r = sm.solve("pca", data=rows).result
    W = np.array([[complex(N(x, 20)).real for x in c] for c in r["components"]])
    assert np.allclose(W @ W.T, np.eye(2))
    for k in range(2):
        assert np.isclose(abs(W[k] @ V[:, 1 - k]), 1.0)
    assert np.allclose([float(x) for x in r["eigenvalues"]], w[::-1])
    assert np.allclose(np.array(r["covariance"].tolist(), dtype=float), C)

"""SymPy's determinant-file tests as a peer suite (test_determinant.py, SymPy 1.14), beyond
the determinant literals of test_sympy_peer.py.

References: SymPy's adjugate and cofactor-matrix literals give the inverse as
``adj(A) / det(A)`` (det from the asserted det, or expanded along row 1 of the asserted
cofactors); ``test_util`` asserts a norm and a projection; issue 13835 asserts singular
symbolic matrices; issue 14517 asserts ``det(M - ev I) == 0`` for its eigenvalues, which we
apply to ours; ``test_charpoly`` names its variable.
"""

from __future__ import annotations

import pytest
from sympy import I, Matrix, Rational, expand, eye, simplify, sqrt, symbols, zeros

import symbolic_mlmath as sm

R = Rational
x, y, a = symbols("x y a")


def test_inverse_from_sympys_adjugate() -> None:  # test_adjugate, test_det (det = 4x - 24)
    e = Matrix(4, 4, [x, 1, 2, 3, 4, 5, 6, 7, 2, 9, 10, 11, 12, 13, 14, 14])
    adj = Matrix([[4, -8, 4, 0], [76, -14 * x - 68, 14 * x - 8, -4 * x + 24],
                  [-122, 17 * x + 142, -21 * x + 4, 8 * x - 48],
                  [48, -4 * x - 72, 8 * x, -4 * x + 24]])
    d = sm.solve("inverse", matrix=e)
    assert simplify(d.result - adj / (4 * x - 24)) == zeros(4)


@pytest.mark.parametrize(("M", "cof"), [  # test_util: cofactor_matrix literals
    (Matrix([[1, 3, 2], [2, 6, 3], [2, 3, 6]]), Matrix([[27, -6, -6], [-12, 2, 3], [-3, 1, 0]])),
])
def test_inverse_from_sympys_cofactor_matrix(M, cof) -> None:
    det = sum(M[0, k] * cof[0, k] for k in range(3))  # row 1 expansion: -3
    d = sm.solve("inverse", matrix=M)
    assert d.result == cof.T / det
    d.validate()
    assert sm.check("inverse", answer=str((cof.T / det).tolist()), matrix=M).correct is True


def test_singular_from_sympys_cofactor_matrix() -> None:
    M = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    cof = Matrix([[-3, 6, -3], [6, -12, 6], [-3, 6, -3]])
    assert sum(M[0, k] * cof[0, k] for k in range(3)) == 0
    assert sm.check("inverse", answer="not invertible", matrix=M).correct is True
    assert sm.solve("singular", matrix=M).result is True


def test_norm_and_projection_of_test_util() -> None:
    assert sm.solve("norm", v="[1, 2, 3]").result == sqrt(14)
    assert sm.solve("projection", u="[1, 2, 3]", v="[3, 4, 5]").result == \
        Matrix([R(39, 25), R(52, 25), R(13, 5)])
    assert sm.check("projection", answer="[39/25, 52/25, 13/5]", u="[1, 2, 3]",
                    v="[3, 4, 5]").correct is True


@pytest.mark.parametrize("n", [5, 6, 7])
def test_issue_13835_singular_with_a_symbol(n) -> None:
    M = Matrix([[q + a * j for q in range(n)] for j in range(n)])
    d = sm.solve("det", matrix=M, method="elimination")
    assert expand(d.result) == 0
    assert sm.solve("rank", matrix=M).result < n


def test_issue_14517_each_eigenvalue_makes_the_shift_singular() -> None:
    M = Matrix([[0, 10 * I, 10 * I, 0], [10 * I, 0, 0, 10 * I], [10 * I, 0, 5 + 2 * I, 10 * I],
                [0, 10 * I, 10 * I, 5 + 2 * I]])
    d = sm.solve("eigenvalues", matrix=M)
    assert len(d.result) == 4
    for ev in set(d.result):
        assert simplify((M - ev * eye(4)).det()) == 0


def test_charpoly_in_a_named_variable() -> None:  # eye(3).charpoly(y) == (y - 1)**3
    d = sm.solve("charpoly", matrix=eye(3), variable="y")
    assert expand(d.result - (-1) ** 3 * (y - 1) ** 3) == 0
    d.validate()

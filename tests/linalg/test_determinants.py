"""Determinants (cofactor, Sarrus, elimination) and singularity.

Expected values are worked by hand or computed by SymPy directly, never taken from
our own output.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sympy import Matrix, Rational, symbols

import symbolic_mlmath as sm
from symbolic_mlmath.linalg.determinants import derive_det
from symbolic_mlmath.linalg.rules import LinalgRule
from tests.linalg.strategies import fractions, matrices, small

x, y, z = symbols("x y z")
x1, x2, x3 = symbols("x1 x2 x3")


# ----------------------------------------------------------------- determinants
DETS = [  # matrix, determinant worked by hand
    ([[2, 1, 5], [1, 2, 1], [2, 1, 3]], -6),
    ([[1, 2], [3, 4]], -2),
    ([[4]], 4),
    ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 0),
    ([[2, 0, 0], [0, 3, 0], [0, 0, 4]], 24),
    ([[0, 1], [1, 0]], -1),
    ([[1, 2, 0, 1], [0, 3, 1, 2], [2, 0, 1, 1], [1, 1, 1, 0]], -9),
    ([["1/2", "1/3"], ["1/4", "1/5"]], Rational(1, 10) - Rational(1, 12)),
]


@pytest.mark.parametrize(("matrix", "value"), DETS)
@pytest.mark.parametrize("method", ["cofactor", "elimination", None])
def test_det_methods_by_hand(matrix, value, method):
    d = sm.solve("det", matrix=matrix, method=method)
    assert d.result == value
    d.validate()


def test_sarrus_only_3x3():
    assert sm.solve("det", matrix=[[2, 1, 5], [1, 2, 1], [2, 1, 3]], method="sarrus").result == -6
    with pytest.raises(sm.TaskError, match="only for 3x3"):
        sm.solve("det", matrix=[[1, 2], [3, 4]], method="sarrus")


def test_det_errors_are_one_line():
    with pytest.raises(sm.TaskError, match="square matrix"):
        sm.solve("det", matrix=[[1, 2, 3], [4, 5, 6]])
    with pytest.raises(sm.TaskError, match="too long"):
        sm.solve("det", matrix=[[1] * 8] * 8, method="cofactor")


def test_det_elimination_tracks_sign_of_swaps():
    d = derive_det(Matrix([[0, 1, 2], [1, 0, 3], [4, -3, 8]]), method="elimination")
    rules = [s.rule for s in d.steps]
    assert LinalgRule.DET_ROW_SWAP in rules
    assert d.result == Matrix([[0, 1, 2], [1, 0, 3], [4, -3, 8]]).det() == -2


def test_cofactor_expands_along_line_with_most_zeros():
    d = derive_det(Matrix([[1, 2, 3], [0, 0, 4], [5, 6, 7]]), method="cofactor")
    first = d.steps[0]
    assert first.rule is LinalgRule.COFACTOR_EXPANSION
    assert (str(first.given["along"]), first.given["index"]) == ("row", 2)
    assert d.result == 16  # -4 * det([[1, 2], [5, 6]]) = -4 * (-4)


def test_symbolic_determinant():
    a, b = symbols("a b")
    assert sm.solve("det", matrix=[["a", "b"], ["b", "a"]]).result == a**2 - b**2


@pytest.mark.parametrize(("matrix", "singular"), [([[1, 2], [2, 4]], True), ([[1, 2], [3, 4]], False),
                                                  ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], True)])
def test_singular(matrix, singular):
    assert sm.solve("singular", matrix=matrix).result is singular
    word = "singular" if singular else "non-singular"
    assert sm.check("singular", answer=word, matrix=matrix).correct is True
    assert sm.check("singular", answer="yes" if not singular else "no", matrix=matrix).correct is False


@given(matrices(st.one_of(small, fractions), max_n=4, square=True))
def test_every_det_method_agrees_with_sympy(A):
    want = A.det()
    for method in ("cofactor", "elimination") + (("sarrus",) if A.rows == 3 else ()):
        d = derive_det(A, method=method)
        assert d.result == want
        d.validate()



"""Echelon forms and rank: row reduction one operation per step.

Expected values are worked by hand or computed by SymPy directly, never taken from
our own output.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sympy import ImmutableMatrix, Matrix, symbols

import symbolic_mlmath as sm
from symbolic_mlmath.core.verify import verify_step
from symbolic_mlmath.linalg.elimination import derive_rank, derive_ref, derive_rref, eliminate
from symbolic_mlmath.linalg.rules import LinalgRule
from tests.linalg.strategies import fractions, matrices, small

x, y, z = symbols("x y z")
x1, x2, x3 = symbols("x1 x2 x3")


# ----------------------------------------------------------------- echelon forms and rank
RREF = [
    ([[1, 2], [3, 4]], [[1, 0], [0, 1]]),
    ([[1, 2, 3], [2, 4, 6]], [[1, 2, 3], [0, 0, 0]]),
    ([[0, 0, 1], [1, 2, 0]], [[1, 2, 0], [0, 0, 1]]),
    ([[2, 4, 6], [1, 1, 1]], [[1, 0, -1], [0, 1, 2]]),
]


@pytest.mark.parametrize(("matrix", "rref"), RREF)
def test_rref_by_hand(matrix, rref):
    d = sm.solve("rref", matrix=matrix)
    assert d.result == Matrix(rref)
    d.validate()
    assert d.steps[-1].rule is LinalgRule.MARK_PIVOTS


def test_rref_names_each_operation():
    d = derive_rref(Matrix([[1, 2], [3, 4]]))
    first = d.steps[0]
    assert first.rule is LinalgRule.ROW_ADD_MULTIPLE
    assert dict(first.given) == {"target": 2, "source": 1, "factor": -3}
    assert first.after == Matrix([[1, 2], [0, -2]])
    assert "R₂ ← R₂ - 3R₁" in d.to_text()


def test_ref_is_echelon_and_row_equivalent():
    A = Matrix([[2, 4, 6], [1, 3, 5], [3, 5, 8]])
    d = derive_ref(A)
    R = d.result
    assert R[1, 0] == R[2, 0] == R[2, 1] == 0
    assert R.rref()[0] == A.rref()[0]


@pytest.mark.parametrize(("matrix", "rank"), [([[1, 2], [2, 4]], 1), ([[1, 0], [0, 1]], 2),
                                              ([[0, 0], [0, 0]], 0), ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 2)])
def test_rank_by_hand(matrix, rank):
    d = sm.solve("rank", matrix=matrix)
    assert d.result == rank
    d.validate()
    assert sm.check("rank", answer=str(rank), matrix=matrix).correct is True
    assert sm.check("rank", answer=str(rank + 1), matrix=matrix).correct is False


def test_check_echelon_answers():
    m = "[[2,4],[1,3]]"
    assert sm.check("rref", answer="[[1,0],[0,1]]", matrix=m).correct is True
    assert sm.check("ref", answer="[[1,2],[0,1]]", matrix=m).correct is True
    assert sm.check("ref", answer="[[2,4],[0,1]]", matrix=m).correct is True  # any echelon form
    v = sm.check("ref", answer="[[1,2],[0,1]]", matrix="[[1,2],[2,4]]")  # rank 2 vs 1
    assert v.correct is False and "not of this matrix" in v.feedback
    v = sm.check("ref", answer="[[0,1],[1,2]]", matrix="[[1,2],[2,4]]")
    assert v.correct is False and "not in row echelon form" in v.feedback
    v = sm.check("rref", answer="[[1,0],[0,2]]", matrix=m)
    assert v.correct is False and "entry (2, 2)" in v.feedback


def test_large_matrices_get_one_step_per_pivot_column():
    A = Matrix(14, 14, lambda i, j: (i * 7 + j * 3) % 11 + (i == j))
    d = derive_rref(A)
    assert {s.rule for s in d.steps} <= {LinalgRule.ELIMINATE_COLUMN, LinalgRule.MARK_PIVOTS}
    assert d.result == A.rref()[0]
    d.validate()


@given(matrices(st.one_of(small, fractions)))
def test_rref_steps_are_a_chain_of_row_operations_ending_at_sympy(A):
    d = derive_rref(A)
    prev = A
    for s in d.steps:
        assert s.before == prev
        assert verify_step(s) is None
        prev = s.after
    assert prev == A.rref()[0] == d.result


@given(matrices(st.one_of(small, fractions), max_n=5))
def test_rank_agrees_with_sympy(A):
    assert derive_rank(A).result == A.rank()


def test_fine_and_coarse_elimination_agree():
    A = ImmutableMatrix([[1, 2, 3], [4, 5, 6], [7, 8, 10]])
    fine = eliminate(A, reduced=True, fine=True)
    coarse = eliminate(A, reduced=True, fine=False)
    assert fine.final.to_sympy() == coarse.final.to_sympy() == A.rref()[0]
    assert len(coarse.steps) < len(fine.steps)



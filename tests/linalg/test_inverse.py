"""The inverse: Gauss-Jordan on [A | I], checked against the identity."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from sympy import eye

import symbolic_mlmath as sm
from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.linalg.rules import LinalgRule
from tests.linalg.strategies import square_matrices


def test_inverse_gauss_jordan_records_every_operation():
    d = sm.solve("inverse", matrix="[[2,1,1],[1,3,2],[1,0,0]]")
    rules = [s.rule for s in d.steps]
    assert rules[0] is LinalgRule.AUGMENT_IDENTITY and rules[-1] is LinalgRule.READ_INVERSE
    row_ops = (LinalgRule.ROW_SWAP, LinalgRule.ROW_SCALE, LinalgRule.ROW_ADD_MULTIPLE)
    assert all(r in row_ops for r in rules[1:-1])


@settings(max_examples=25)
@given(square_matrices(3))
def test_inverse_times_matrix_is_identity(A):
    if A.det() == 0:
        with pytest.raises(TaskError):
            sm.solve("inverse", matrix=A)
        return
    B = sm.solve("inverse", matrix=A).result
    assert eye(3) == B * A
    assert eye(3) == A * B



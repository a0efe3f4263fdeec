"""Wrong steps are caught: tampered linear-algebra steps fail verify_step and validate().

Expected values are worked by hand or computed by SymPy directly, never taken from
our own output.
"""

from __future__ import annotations

import pytest
from sympy import Matrix, symbols

from symbolic_mlmath.core.steps import Derivation, DerivationError, Step
from symbolic_mlmath.core.verify import verify_step
from symbolic_mlmath.linalg.determinants import derive_det
from symbolic_mlmath.linalg.elimination import derive_rref

x, y, z = symbols("x y z")
x1, x2, x3 = symbols("x1 x2 x3")

# ----------------------------------------------------------------- wrong steps are caught
def test_tampered_step_is_caught():
    d = derive_rref(Matrix([[1, 2], [3, 4]]))
    s = d.steps[0]
    bad = Step(s.rule, s.before, s.after, {**s.given, "factor": -2})
    assert verify_step(bad) is not None
    broken = Derivation(d.title, d.goal, (bad, *d.steps[1:]), d.result)
    with pytest.raises(DerivationError):
        broken.validate()


def test_value_changing_det_step_is_caught():
    d = derive_det(Matrix([[2, 1, 5], [1, 2, 1], [2, 1, 3]]), method="cofactor")
    last = d.steps[-1]
    bad = Step(last.rule, last.before, last.after + 1)
    assert verify_step(bad) is not None


def test_wrong_result_is_caught():
    d = derive_det(Matrix([[1, 2], [3, 4]]))
    wrong = Derivation(d.title, d.goal, d.steps, d.result + 1, reference=d.reference)
    with pytest.raises(DerivationError, match="differs from SymPy"):
        wrong.validate()



"""Wrong steps are caught: tampered linear-algebra steps fail verify_step and validate().

Expected values are worked by hand or computed by SymPy directly, never taken from
our own output.
"""

from __future__ import annotations

import pytest
from sympy import Eq, ImmutableMatrix, Matrix, Rational, Tuple, false, symbols, true
from sympy.core.symbol import Str

import symbolic_mlmath as sm
from symbolic_mlmath.core.steps import Derivation, DerivationError, Step
from symbolic_mlmath.core.verify import verify_step
from symbolic_mlmath.linalg.determinants import derive_det
from symbolic_mlmath.linalg.elimination import derive_rref
from symbolic_mlmath.linalg.rules import LinalgRule

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




# ----------------------------------------------------------------- the rules that once had no check
def _swap(d: Derivation, rule: LinalgRule, make_bad) -> tuple[Step, Derivation]:
    """Replace the (top-level) step of ``rule`` by ``make_bad(step)``; the chain stays intact
    (only a last step's ``after``, a first step's ``before`` or ``given`` pieces change)."""
    k = next(i for i, s in enumerate(d.steps) if s.rule is rule)
    bad = make_bad(d.steps[k])
    return bad, Derivation(d.title, d.goal, (*d.steps[:k], bad, *d.steps[k + 1:]), d.result,
                           d.variables, d.task, d.inputs, d.reference)


def _caught(d: Derivation, rule: LinalgRule, make_bad, phrase: str) -> None:
    d.validate()
    bad, broken = _swap(d, rule, make_bad)
    problem = verify_step(bad)
    assert problem is not None and phrase in problem, problem
    with pytest.raises(DerivationError, match=rule.value):
        broken.validate()


def test_write_augmented_rows_are_the_equations_coefficients():
    d = sm.solve("solve_system", equations=["x + y = 4", "2x - y = 1"])
    eqs = (Eq(x + y, 4), Eq(2 * x + y, 1))  # the learner's system, but another one's matrix
    _caught(d, LinalgRule.WRITE_AUGMENTED, lambda s: Step(s.rule, Tuple(*eqs), s.after, s.given),
            "row 2 of [A | b] should be [2, 1, 1]")


def test_classify_system_recounts_the_ranks():
    d = sm.solve("classify_system", equations=["x + y = 2", "x - y = 0"])
    _caught(d, LinalgRule.CLASSIFY_SYSTEM, lambda s: Step(s.rule, s.before, Str("infinite"), s.given),
            "unique")
    _caught(d, LinalgRule.CLASSIFY_SYSTEM,
            lambda s: Step(s.rule, s.before, s.after, {**s.given, "rank_A": 1}), "rank A = 2")


def test_read_solution_is_substituted_back():
    d = sm.solve("solve_system", equations=["x + y = 4", "2x - y = 1"])
    wrong = Tuple(Eq(x, Rational(5, 3)), Eq(y, Rational(8, 3)))
    _caught(d, LinalgRule.READ_SOLUTION, lambda s: Step(s.rule, s.before, wrong, s.given),
            "do not satisfy row 2")
    d = sm.solve("solve_system", equations=["x1 + 4x3 = 1", "x2 - 3x3 = 1"])
    _caught(d, LinalgRule.READ_SOLUTION,
            lambda s: Step(s.rule, s.before, s.after, {"free": Tuple()}), "uses x3, which is not free")


def test_inconsistent_row_must_read_zero_equals_nonzero():
    d = sm.solve("solve_system", equations=["x + y = 1", "x + y = 2", "x - y = 0"])
    row = int(next(s for s in d.steps if s.rule is LinalgRule.INCONSISTENT_ROW).given["row"])
    other = 1 if row != 1 else 2
    _caught(d, LinalgRule.INCONSISTENT_ROW, lambda s: Step(s.rule, s.before, s.after,
                                                            {"row": other}), f"row {other} is")


def test_singular_test_recomputes_the_determinant():
    A = Matrix([[1, 2], [3, 4]])  # det -2 by hand
    d = sm.solve("singular", matrix=A)
    _caught(d, LinalgRule.SINGULAR_TEST, lambda s: Step(s.rule, s.before, true, s.given),
            "non-singular")
    _caught(d, LinalgRule.SINGULAR_TEST,
            lambda s: Step(s.rule, s.before, s.after, {**s.given, "matrix": A.as_immutable() * 2}),
            "det = -8")


def test_not_invertible_needs_a_zero_determinant():
    singular = ImmutableMatrix([[1, 2], [2, 4]])
    ok = Step(LinalgRule.NOT_INVERTIBLE, singular, false, {"det": 0})
    assert verify_step(ok) is None
    bad = Step(LinalgRule.NOT_INVERTIBLE, ImmutableMatrix([[1, 2], [3, 4]]), false, {"det": 0})
    assert "det = -2" in verify_step(bad)
    with pytest.raises(DerivationError, match="not_invertible"):
        Derivation("no inverse", bad.before, (bad,), False).validate()


def test_not_diagonalizable_recounts_both_multiplicities():
    d = sm.solve("diagonalize", matrix="[[2,1],[0,2]]")  # λ = 2 twice, one eigenvector
    _caught(d, LinalgRule.NOT_DIAGONALIZABLE,
            lambda s: Step(s.rule, s.before, s.after, {**s.given, "geometric": 2}),
            "1 independent eigenvector")
    _caught(d, LinalgRule.NOT_DIAGONALIZABLE,
            lambda s: Step(s.rule, s.before, s.after, {**s.given, "matrix": ImmutableMatrix(
                [[2, 0], [0, 2]])}), "2 independent eigenvector")

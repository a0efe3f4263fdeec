"""A X = B with several right-hand sides, whatever each column does. Hand values:
A = [[1,1],[2,2]] (rank 1): B = [[2,3],[4,6]] is consistent in both columns, X = [[2 - s,
3 - t], [s, t]]; B = [[2,3],[4,7]] has 2·3 ≠ 7 in column 2, so no X. A = [[1,0],[0,1],[1,1]]
(3x2, rank 2): B = [[1,2],[1,3],[2,5]] gives X = [[1,2],[1,3]]; with 6 for 5 there is none.
A = [[1,2],[3,4]], B = I: X = A^-1 = [[-2,1],[3/2,-1/2]]."""

from __future__ import annotations

import pytest
from sympy import Matrix, symbols

import symbolic_mlmath as sm
from symbolic_mlmath.core.steps import DerivationError, Step

s, t = symbols("s t")


@pytest.mark.parametrize(("A", "B", "expected"), [
    ("[[1,2],[3,4]]", "[[1,0],[0,1]]", Matrix([[-2, 1], [sm.parse.parse_number("3/2"),
                                                         sm.parse.parse_number("-1/2")]])),
    ("[[1,0],[0,1],[1,1]]", "[[1,2],[1,3],[2,5]]", Matrix([[1, 2], [1, 3]])),
])
def test_unique_columns(A, B, expected) -> None:
    d = sm.solve("solve_system", A=A, b=B)
    assert d.result == expected
    d.validate()


@pytest.mark.parametrize(("A", "B", "column"), [
    ("[[1,1],[2,2]]", "[[2,3],[4,7]]", 2), ("[[1,0],[0,1],[1,1]]", "[[1,2],[1,3],[2,6]]", 2),
    ("[[1,1],[2,2]]", "[[2,3],[5,6]]", 1),
])
def test_an_inconsistent_column_means_no_X(A, B, column) -> None:
    d = sm.solve("solve_system", A=A, b=B)
    assert d.result == {}
    assert d.steps[-1].rule.value == "block_inconsistent"
    assert int(d.steps[-1].given["column"]) == column
    d.validate()
    assert "no solution" in d.to_text("overview").lower()
    assert sm.check("solve_system", answer="no solution", A=A, b=B).correct is True
    assert sm.check("solve_system", answer="[[1,1],[1,1]]", A=A, b=B).correct is False


def test_rank_deficient_A_gives_a_family_of_X() -> None:
    A, B = "[[1,1],[2,2]]", "[[2,3],[4,6]]"
    d = sm.solve("solve_system", A=A, b=B)
    X = d.result
    x21, x22 = sorted(X.free_symbols, key=str)
    assert Matrix([[2 - x21, 3 - x22], [x21, x22]]) == X
    d.validate()
    assert Matrix([[1, 1], [2, 2]]) * X == Matrix([[2, 3], [4, 6]])


@pytest.mark.parametrize(("answer", "right"), [
    ("[[2 - s, 3 - t], [s, t]]", True), ("[[s, t], [2 - s, 3 - t]]", True),
    ("[[2 - s, 3 - s], [s, s]]", False), ("[[2, 3], [0, 0]]", False),
    ("[[2 - s^2, 3 - t], [s^2, t]]", False), ("[[1 - s, 3 - t], [s, t]]", False),
    ("no solution", False),
])
def test_family_answers(answer, right) -> None:
    v = sm.check("solve_system", answer=answer, A="[[1,1],[2,2]]", b="[[2,3],[4,6]]")
    assert v.correct is right, v.feedback


def test_a_wrong_family_is_caught_by_validate() -> None:
    d = sm.solve("solve_system", A="[[1,2,3],[2,4,6]]", b="[[1,0],[2,0]]")
    last = d.steps[-1]
    assert last.rule.value == "read_block_family" and len(last.given["free"]) == 4
    bad_X = last.after.as_mutable()
    bad_X[0, 0] += 1
    bad = Step(last.rule, last.before, bad_X.as_immutable(), last.given)
    with pytest.raises(DerivationError, match="does not solve"):
        type(d)(d.title, d.goal, (*d.steps[:-1], bad), bad_X.as_immutable()).validate()


def test_the_problem_reads_A_X_equals_B_and_the_result_is_X() -> None:
    d = sm.solve("solve_system", A="[[1,2],[3,4]]", b="[[1,0],[0,1]]")
    text = d.to_text("overview")
    given = next(line for line in text.splitlines() if line.startswith("Given:"))
    result = next(line for line in text.splitlines() if line.startswith("Result:"))
    assert "·X = [1 0; 0 1]" in given  # the equation asked about, with B on the right
    assert "X =" not in result.replace("·X", "")  # no false "A·X = X-values"
    assert "-2" in result

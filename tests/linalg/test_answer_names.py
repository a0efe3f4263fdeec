"""D14: a system given as A and b has unknowns x1 ... xn (one per column); a learner's
``x, y, z`` or ``x_1, x_2, x_3`` names them. Reference: the solution (5, 3, -2) by hand
(x3 = -2 from 2x2 + 5x3 = -4 and 2x1 + 5x2 - x3 = 27 with x1 + x2 + x3 = 6)."""

from __future__ import annotations

import pytest

import symbolic_mlmath as sm

A, B = "[[1,1,1],[0,2,5],[2,5,-1]]", "[6,-4,27]"


@pytest.mark.parametrize("answer", [
    "x = 5, y = 3, z = -2", "y = 3, z = -2, x = 5", "x_1 = 5, x_2 = 3, x_3 = -2",
    "x₁ = 5, x₂ = 3, x₃ = -2", "x1 = 5, x2 = 3, x3 = -2", "x = 5 and y = 3 and z = -2",
])
def test_usual_names_of_the_unknowns_are_read(answer) -> None:
    v = sm.check("solve_system", answer=answer, A=A, b=B)
    assert v.correct is True, v.feedback


def test_the_reading_of_x_y_z_is_said() -> None:
    v = sm.check("solve_system", answer="x = 5, y = 3, z = -2", A=A, b=B)
    assert "read x, y, z as x1, x2, x3" in v.feedback


@pytest.mark.parametrize("answer", ["x = 5, y = 3, z = 2", "x = 3, y = 5, z = -2",
                                    "x_1 = 5, x_2 = -2, x_3 = 3", "x = 5, y = 3"])
def test_wrong_values_under_usual_names_stay_wrong(answer) -> None:
    assert sm.check("solve_system", answer=answer, A=A, b=B).correct is False


def test_unknown_names_are_told_which_names_to_use() -> None:
    v = sm.check("solve_system", answer="a = 5, b = 3, c = -2", A=A, b=B)
    assert v.correct is False
    assert "the unknowns are x1, x2, x3" in v.feedback and "a, b, c are not" in v.feedback


def test_x_y_names_a_parametric_family_of_the_columns() -> None:
    # x1 + x2 = 1 (twice): the whole solution set is x1 = 1 - t, x2 = t
    assert sm.check("solve_system", answer="x = 1 - y, y = y", A="[[1,1],[2,2]]",
                    b="[1,2]").correct is True
    assert sm.check("solve_system", answer="x = 1 - t^2, y = t^2", A="[[1,1],[2,2]]",
                    b="[1,2]").correct is False


def test_named_unknowns_of_equations_are_not_renamed() -> None:
    v = sm.check("solve_system", answer="x = 1, y = 2", equations="x + y = 3; x - y = -1")
    assert v.correct is True and "read" not in v.feedback
    # z is not an unknown of this system: never read as one
    assert sm.check("solve_system", answer="x = 1, z = 2",
                    equations="x + y = 3; x - y = -1").correct is False


@pytest.mark.parametrize(("answer", "right"), [
    ("2, 2", True), ("2 (multiplicity 2)", True), ("2 with multiplicity 2", True),
    ("2", False), ("2, 3", False),
])
def test_a_double_eigenvalue_written_once_is_told_to_repeat_it(answer, right) -> None:
    # D34: [[2,0],[0,2]] has the eigenvalue 2 twice (det(A - λI) = (2 - λ)^2)
    v = sm.check("eigenvalues", answer=answer, matrix="[[2,0],[0,2]]")
    assert v.correct is right, v.feedback
    if answer == "2":
        assert "multiplicity" in v.feedback and "missing" not in v.feedback

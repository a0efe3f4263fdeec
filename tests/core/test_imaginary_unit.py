"""``i`` and ``j`` are the imaginary unit in an answer whose exact value is complex, unless the
problem itself has a symbol of that name. Hand values: det [[1+i, 2], [3, 4-i]] =
(1+i)(4-i) - 6 = 4 - i + 4i + 1 - 6 = -1 + 3i; [[9i, 3], [-3+i, 5]] x = b with x = (2+3i, -1)."""

from __future__ import annotations

import pytest

import symbolic_mlmath as sm

DET = "[[1+I,2],[3,4-I]]"


@pytest.mark.parametrize(("answer", "right"), [
    ("-1 + 3i", True), ("-1 + 3j", True), ("-1 + 3*I", True), ("-1 + 2i", False),
    ("-1 - 3i", False),
])
def test_i_and_j_in_a_complex_determinant(answer, right) -> None:
    assert sm.check("det", answer=answer, matrix=DET).correct is right


def test_i_in_a_complex_solution() -> None:
    A, b = "[[9*I, 3], [-3 + I, 5]]", "[-30 + 18*I, -14 - 7*I]"
    assert sm.check("solve_system", answer="x1 = 2 + 3i, x2 = -1", A=A, b=b).correct is True
    assert sm.check("solve_system", answer="[2 + 3j, -1]", A=A, b=b).correct is True
    assert sm.check("solve_system", answer="x1 = 2 - 3i, x2 = -1", A=A, b=b).correct is False


def test_a_problem_symbol_named_i_stays_a_symbol() -> None:
    # det [[i, 0], [0, 2]] = 2i with i the problem's own symbol: 2i is right, 2*I is not
    assert sm.check("det", answer="2i", matrix="[[i,0],[0,2]]").correct is True
    assert sm.check("det", answer="2*I", matrix="[[i,0],[0,2]]").correct is not True


def test_real_answers_keep_i_as_a_letter() -> None:
    # nothing complex expected: a stray i is not turned into sqrt(-1)
    from sympy import I

    from symbolic_mlmath.core.imaginary import imaginary_unit
    from symbolic_mlmath.text import parse_expr

    got = parse_expr("-2 + i")
    assert imaginary_unit(parse_expr("-2"), got) == got
    assert not imaginary_unit([parse_expr("-2")], [got])[0].has(I)
    assert sm.check("det", answer="-2 + i", matrix="[[1,2],[3,4]]").correct is not True

"""Linear systems: solving by elimination on the augmented matrix, classifying.

Expected values are worked by hand or computed by SymPy directly, never taken from
our own output.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sympy import Eq, Matrix, Rational, linsolve, symbols

import symbolic_mlmath as sm
from symbolic_mlmath.linalg.rules import LinalgRule
from symbolic_mlmath.linalg.systems import derive_solve_system
from tests.linalg.strategies import matrices, small

x, y, z = symbols("x y z")
x1, x2, x3 = symbols("x1 x2 x3")


# ----------------------------------------------------------------- systems
def test_solve_unique():
    d = sm.solve("solve_system", equations=["x + y = 4", "2x - y = 1"])
    assert d.result == {x: Rational(5, 3), y: Rational(7, 3)}
    d.validate()


def test_solve_infinite_free_variables_map_to_themselves():
    d = sm.solve("solve_system", equations=["x1 + 4x3 = 1", "x2 - 3x3 = 1"])
    assert d.result == {x1: 1 - 4 * x3, x2: 1 + 3 * x3, x3: x3}


def test_solve_inconsistent():
    d = sm.solve("solve_system", equations=["x + y = 1", "x + y = 2"])
    assert d.result == {}
    assert d.steps[-1].rule is LinalgRule.INCONSISTENT_ROW


def test_solve_from_A_b():
    d = sm.solve("solve_system", A="[[2,1],[1,3]]", b="[3,5]")
    assert d.result == {x1: Rational(4, 5), x2: Rational(7, 5)}


@pytest.mark.parametrize(("eqs", "kind"), [
    (["x + y = 2", "x - y = 0"], "unique"),
    (["x + y = 2", "2x + 2y = 4"], "infinite"),
    (["x + y = 2", "x + y = 3"], "none"),
    (["x + y + z = 1", "x - y = 0", "2x + z = 1"], "infinite"),
])
def test_classify(eqs, kind):
    assert sm.solve("classify_system", equations=eqs).result == kind
    assert sm.check("classify_system", answer=kind, equations=eqs).correct is True


@pytest.mark.parametrize(("answer", "ok"), [
    ("x = 5/3, y = 7/3", True),
    ("y=7/3, x=5/3", True),
    ("(5/3, 7/3)", True),
    ("x = 1.6667, y = 2.3333", True),  # 5/3, 7/3 correctly rounded (the one decimal rule)
    ("x = 1.6666, y = 2.3333", False),  # truncated
    ("x = 5/3, y = 2", False),
    ("no solution", False),
    ("x=5/3 y=7/3", True),
    ("infinitely many", False),
])
def test_check_solutions(answer, ok):
    v = sm.check("solve_system", answer=answer, equations=["x + y = 4", "2x - y = 1"])
    assert v.correct is ok


def test_check_other_parametrisation_of_infinite_solutions():
    eqs = ["x + y = 2", "2x + 2y = 4"]
    assert sm.check("solve_system", answer="x = t, y = 2 - t", equations=eqs).correct is True
    assert sm.check("solve_system", answer="x = 2 - y, y = y", equations=eqs).correct is True
    assert sm.check("solve_system", answer="x = 1, y = 1", equations=eqs).correct is False
    assert sm.check("solve_system", answer="no solution", equations=["x+y=1", "x+y=2"]).correct
    assert sm.check("solve_system", answer="x = 2 - y", equations=eqs).correct is True  # y left free


@given(matrices(small, max_n=4), st.lists(small, min_size=4, max_size=4))
def test_solve_system_agrees_with_linsolve(A, rhs):
    b = Matrix(rhs[: A.rows])
    xs = symbols(f"x1:{A.cols + 1}")
    d = derive_solve_system(A=A, b=b, variables=xs)
    sol = linsolve((A, b), list(xs))
    if not sol:
        assert d.result == {}
    else:
        (point,) = sol
        assert all((d.result[v] - p).expand() == 0 for v, p in zip(xs, point, strict=True))


def test_equations_as_given_keep_variables():
    d = sm.solve("solve_system", equations=[Eq(x + y + z, 6), Eq(x - y, 0), Eq(z, 2)])
    assert d.result == {x: 2, y: 2, z: 2}

"""Zero is recognised exactly with algebraic and symbolic entries (number fields, fraction
fields, EX), symbolic eigenvalues sort and validate, and edge shapes work.

The expected values are SymPy's own test literals (sympy/matrices/tests, SymPy 1.14) or
worked by hand in the comments."""

from __future__ import annotations

import sympy
from sympy import I, Matrix, Rational, simplify, sqrt, symbols

import symbolic_mlmath as sm

a, b, c, x, k, lam = symbols("a b c x k lambda")


def test_rank_with_sqrt2_entries_is_one() -> None:  # test_issue_9480
    M = Matrix([[-5 + 5 * sqrt(2), -5], [5 - 5 * sqrt(2) / 2, -5 * sqrt(2) / 2]])
    d = sm.solve("rank", matrix=M)
    assert d.result == 1
    d.validate()
    assert sm.check("rank", answer="1", matrix=M).correct is True
    assert sm.check("rank", answer="2", matrix=M).correct is False


def test_rref_with_sqrt3_i_entries() -> None:  # test_issue_10781 (det = 0)
    M = Matrix([[3 + 3 * sqrt(3) * I, -9], [4, -3 + 3 * sqrt(3) * I]])
    d = sm.solve("rref", matrix=M)
    R = d.result
    assert all(v == 0 for v in R.row(1))
    assert R[0, 0] == 1 and simplify(R[0, 1] - (-9 / (3 + 3 * sqrt(3) * I))) == 0
    d.validate()


def test_symbolic_eigenvalue_next_to_zero_sorts() -> None:
    d = sm.solve("eigenvalues", matrix=Matrix([[x, 0], [0, 0]]))
    assert sorted(map(str, d.result)) == ["0", "x"]
    d = sm.solve("eigenvectors", matrix=Matrix([[x, 0], [0, 0]]))
    assert len(d.result) == 2


def test_symmetric_symbolic_matrix_is_diagonalizable() -> None:  # test_is_diagonalizable
    A = Matrix([[a, c], [c, b]])
    d = sm.solve("eigenvectors", matrix=A)
    assert all(len(e["vectors"]) == 1 for e in d.result)
    for e in d.result:
        v = e["vectors"][0]
        assert all(sympy.simplify(z) == 0 for z in A * v - e["eigenvalue"] * v)
        assert any(sympy.simplify(z) != 0 for z in v)
    r = sm.solve("diagonalize", matrix=A).result
    assert r.get("diagonalizable", True) is not False
    P, D = r["P"], r["D"]
    assert (A * P - P * D).applyfunc(sympy.simplify).is_zero_matrix


def test_repeated_and_symbolic_eigenvalues_validate() -> None:
    for M in (sympy.eye(3), Matrix([[2, 1], [0, 2]]), Matrix([[a, 0], [0, 1]]),
              Matrix([[a, 1], [1, a]]), Matrix([[k, 2], [2, k]]),
              Matrix([[1, 1, 0], [0, 1, 1], [0, 0, 1]])):
        sm.solve("eigenvalues", matrix=M).validate()


def test_fresh_eigenvalue_symbol_when_the_matrix_holds_lambda() -> None:
    A = Matrix([[lam, 1], [1, lam]])
    d = sm.solve("charpoly", matrix=A)
    (t,) = d.variables
    assert t != lam
    assert sympy.expand(d.result - ((lam - t) ** 2 - 1)) == 0
    ev = sm.solve("eigenvalues", matrix=A).result
    assert sorted(ev, key=str) == sorted([lam - 1, lam + 1], key=str)


def test_augmented_rref_does_not_pivot_in_a_symbolic_right_hand_side() -> None:
    # [[1,2 | a],[2,4 | b]]: R2 - 2R1 gives [0, 0 | b - 2a]; no pivot in the last column
    d = sm.solve("rref", matrix=Matrix([[1, 2, a], [2, 4, b]]), augmented=True)
    assert d.result == Matrix([[1, 2, a], [0, 0, b - 2 * a]])


def test_several_right_hand_sides() -> None:
    # [[1,1],[1,-1]] X = [[2,0],[0,2]] -> X = [[1,1],[1,-1]]
    d = sm.solve("solve_system", A="[[1,1],[1,-1]]", b="[[2,0],[0,2]]")
    assert d.result == Matrix([[1, 1], [1, -1]])
    d.validate()


    d = sm.solve("solve_system", A="[[1,0,0],[0,1,0],[0,0,1]]",
                 b="[[1,2,3,4],[5,6,7,8],[9,10,11,12]]")  # test_gauss_jordan_solve: X = B
    assert d.result == Matrix([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
    text = d.to_text("overview")
    assert "several right-hand sides" in text.lower() or "[A | B]" in text


def test_zero_row_with_zero_right_hand_side() -> None:  # peer: BooleanTrue has no lhs
    v = sm.check("solve_system", answer="x1 = -t/2, x2 = t, x3 = 0",
                 A="[[2,1,0],[0,0,0],[0,0,1]]", b="[0,0,0]")
    assert v.correct is True


def test_expression_zero_only_after_expansion() -> None:  # solve-LU-iszero
    M = Matrix([[1, 2], [(x + 1) ** 2 - (x**2 + 2 * x + 1), 3]])
    d = sm.solve("rref", matrix=M)
    assert d.result == sympy.eye(2)
    d.validate()
    assert sm.solve("det", matrix=M).result == 3


def test_exact_rank_sees_the_number_field() -> None:
    from symbolic_mlmath.core.exact import exact_rank

    assert exact_rank(Matrix([[a + sqrt(2), 1], [(a**2 - 2) / (a - sqrt(2)), 1]])) == 1
    assert exact_rank(Matrix([[1, Rational(1, 2)], [2, 1]])) == 1

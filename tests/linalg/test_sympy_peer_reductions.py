"""SymPy's reduction tests as a peer suite (sympy/matrices/tests/test_reductions.py, 1.14).

``test_echelon_form`` asserts, for its matrices, that an echelon form is in echelon form,
kills SymPy's listed null vectors and keeps every non-zero row out of its null space (an
echelon form is not unique); we apply SymPy's own assertions to ours. ``test_rref_rhs``,
``test_rank_regression_from_so`` and ``test_issue_15872`` give literal answers.
"""

from __future__ import annotations

import pytest
from sympy import I, Matrix, Rational, eye, simplify, symbols, zeros

import symbolic_mlmath as sm

R = Rational

ECHELON = [  # (id, matrix, SymPy's null vectors)
    ("1..9", Matrix(3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9]), [Matrix([1, -2, 1])]),
    ("1..8,8", Matrix(3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 8]), []),
    ("zero-middle-row", Matrix(3, 3, [2, 1, 3, 0, 0, 0, 2, 1, 3]),
     [Matrix([R(-1, 2), 1, 0]), Matrix([R(-3, 2), 0, 1])]),
    ("needs-a-swap", Matrix(3, 3, [2, 1, 3, 0, 0, 0, 1, 1, 3]), [Matrix([0, -3, 1])]),
    ("zero-first-column", Matrix(3, 3, [0, 3, 3, 0, 2, 2, 0, 1, 1]),
     [Matrix([1, 0, 0]), Matrix([0, -1, 1])]),
    ("2x3", Matrix(2, 3, [2, 2, 3, 3, 3, 0]), [Matrix([-1, 1, 0])]),
]


@pytest.mark.parametrize(("name", "a", "nulls"), ECHELON, ids=[e[0] for e in ECHELON])
def test_echelon_forms_meet_sympys_assertions(name, a, nulls) -> None:
    d = sm.solve("ref", matrix=a)
    e = Matrix(d.result)
    assert e.is_echelon
    for v in nulls:
        assert all(x.is_zero for x in e * v)
    for q in range(a.rows):
        row = a[q, :]
        if not all(x.is_zero for x in row):
            assert not all(x.is_zero for x in e * row.T)
    d.validate()


@pytest.mark.parametrize("M", [zeros(3), eye(3), Matrix([[5]])], ids=["zeros", "eye", "[5]"])
def test_echelon_form_leaves_these_alone(M) -> None:  # a.echelon_form() == a
    # an echelon form is not unique (ours scales pivots to 1, SymPy's keeps [5]): SymPy's
    # answer must be accepted, and ours must be an echelon form row-equivalent to it
    assert sm.check("ref", answer=str(M.tolist()), matrix=M).correct is True
    ours = Matrix(sm.solve("ref", matrix=M).result)
    assert ours.is_echelon and ours.rref()[0] == M.rref()[0]


def test_rref_rhs_as_a_system_with_parameters() -> None:  # test_rref_rhs
    a, b, c, d = symbols("a b c d")
    A, B = Matrix([[0, 0], [0, 0], [1, 2], [3, 4]]), Matrix([a, b, c, d])
    # SymPy: rref(A) = [[1,0],[0,1],[0,0],[0,0]], B -> [-2c + d, 3c/2 - d/2, a, b]:
    # solvable exactly when a = b = 0, then x = (-2c + d, 3c/2 - d/2)
    assert sm.solve("rref", matrix=A).result == Matrix([[1, 0], [0, 1], [0, 0], [0, 0]])
    sol = sm.solve("solve_system", A=A, b=B)
    assert sol.result == {}
    cases = {str(lbl): v for lbl, v in sol.steps[-1].given["cases"]}
    kind, values = cases["(Eq(a, 0), Eq(b, 0))"]
    assert str(kind) == "unique"
    x1, x2 = symbols("x1 x2")
    assert simplify(values[x1] - (-2 * c + d)) == 0
    assert simplify(values[x2] - (R(3, 2) * c - d / 2)) == 0
    sol.validate()


def test_rank_regression_from_so() -> None:
    nu, lamb = symbols("nu lambda")
    A = Matrix([[-3 * nu, 1, 0, 0], [3 * nu, -2 * nu - 1, 2, 0], [0, 2 * nu, -nu - lamb - 2, 3],
                [0, 0, nu + lamb, -3]])
    expected = Matrix([[1, 0, 0, 1 / (nu**2 * (-lamb - nu))], [0, 1, 0, 3 / (nu * (-lamb - nu))],
                       [0, 0, 1, 3 / (-lamb - nu)], [0, 0, 0, 0]])
    d = sm.solve("rref", matrix=A)
    assert simplify(expected - d.result) == zeros(4)
    pivots = next(s for s in d.steps if s.rule.value == "mark_pivots").given["pivots"]
    assert [int(c) - 1 for _, c in pivots] == [0, 1, 2]


def test_issue_15872() -> None:
    A = Matrix([[1, 1, 1, 0], [-2, -1, 0, -1], [0, 0, -1, -1], [0, 0, 2, 1]])
    B = A - Matrix.eye(4) * I
    for M, rank in [(B, 3), (B**2, 2), (B**3, 2)]:
        d = sm.solve("rank", matrix=M.expand())
        assert d.result == rank
        d.validate()

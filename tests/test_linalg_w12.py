"""Course 1 weeks 1-2: systems, determinants, echelon forms and rank.

Expected values are worked by hand or computed by SymPy directly, never taken from
our own output.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sympy import Eq, ImmutableMatrix, Matrix, Rational, linsolve, symbols

import symbolic_mlmath as sm
from symbolic_mlmath.core.steps import Derivation, DerivationError, Step
from symbolic_mlmath.core.verify import verify_step
from symbolic_mlmath.linalg.determinants import derive_det
from symbolic_mlmath.linalg.elimination import derive_rank, derive_ref, derive_rref, eliminate
from symbolic_mlmath.linalg.rules import LinalgRule
from symbolic_mlmath.linalg.systems import derive_solve_system

x, y, z = symbols("x y z")
x1, x2, x3 = symbols("x1 x2 x3")

# ----------------------------------------------------------------- determinants
DETS = [  # matrix, determinant worked by hand
    ([[2, 1, 5], [1, 2, 1], [2, 1, 3]], -6),
    ([[1, 2], [3, 4]], -2),
    ([[4]], 4),
    ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 0),
    ([[2, 0, 0], [0, 3, 0], [0, 0, 4]], 24),
    ([[0, 1], [1, 0]], -1),
    ([[1, 2, 0, 1], [0, 3, 1, 2], [2, 0, 1, 1], [1, 1, 1, 0]], -9),
    ([["1/2", "1/3"], ["1/4", "1/5"]], Rational(1, 10) - Rational(1, 12)),
]


@pytest.mark.parametrize(("matrix", "value"), DETS)
@pytest.mark.parametrize("method", ["cofactor", "elimination", None])
def test_det_methods_by_hand(matrix, value, method):
    d = sm.solve("det", matrix=matrix, method=method)
    assert d.result == value
    d.validate()


def test_sarrus_only_3x3():
    assert sm.solve("det", matrix=[[2, 1, 5], [1, 2, 1], [2, 1, 3]], method="sarrus").result == -6
    with pytest.raises(sm.TaskError, match="only for 3x3"):
        sm.solve("det", matrix=[[1, 2], [3, 4]], method="sarrus")


def test_det_errors_are_one_line():
    with pytest.raises(sm.TaskError, match="square matrix"):
        sm.solve("det", matrix=[[1, 2, 3], [4, 5, 6]])
    with pytest.raises(sm.TaskError, match="too long"):
        sm.solve("det", matrix=[[1] * 8] * 8, method="cofactor")


def test_det_elimination_tracks_sign_of_swaps():
    d = derive_det(Matrix([[0, 1, 2], [1, 0, 3], [4, -3, 8]]), method="elimination")
    rules = [s.rule for s in d.steps]
    assert LinalgRule.DET_ROW_SWAP in rules
    assert d.result == Matrix([[0, 1, 2], [1, 0, 3], [4, -3, 8]]).det() == -2


def test_cofactor_expands_along_line_with_most_zeros():
    d = derive_det(Matrix([[1, 2, 3], [0, 0, 4], [5, 6, 7]]), method="cofactor")
    first = d.steps[0]
    assert first.rule is LinalgRule.COFACTOR_EXPANSION
    assert (str(first.given["along"]), first.given["index"]) == ("row", 2)
    assert d.result == 16  # -4 * det([[1, 2], [5, 6]]) = -4 * (-4)


def test_symbolic_determinant():
    a, b = symbols("a b")
    assert sm.solve("det", matrix=[["a", "b"], ["b", "a"]]).result == a**2 - b**2


@pytest.mark.parametrize(("matrix", "singular"), [([[1, 2], [2, 4]], True), ([[1, 2], [3, 4]], False),
                                                  ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], True)])
def test_singular(matrix, singular):
    assert sm.solve("singular", matrix=matrix).result is singular
    word = "singular" if singular else "non-singular"
    assert sm.check("singular", answer=word, matrix=matrix).correct is True
    assert sm.check("singular", answer="yes" if not singular else "no", matrix=matrix).correct is False


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
    assert "R2 ← R2 - 3·R1" in d.to_text()


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
    ("x = 1.6667, y = 2.3333", False),
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


# ----------------------------------------------------------------- properties
small = st.integers(-6, 6)
fractions = st.builds(Rational, st.integers(-5, 5), st.integers(1, 4))


def matrices(entries=small, min_n=1, max_n=4, square=False):
    @st.composite
    def build(draw):
        m = draw(st.integers(min_n, max_n))
        n = m if square else draw(st.integers(min_n, max_n))
        return Matrix(m, n, [draw(entries) for _ in range(m * n)])

    return build()


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


@given(matrices(st.one_of(small, fractions), max_n=4, square=True))
def test_every_det_method_agrees_with_sympy(A):
    want = A.det()
    for method in ("cofactor", "elimination") + (("sarrus",) if A.rows == 3 else ()):
        d = derive_det(A, method=method)
        assert d.result == want
        d.validate()


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


def test_fine_and_coarse_elimination_agree():
    A = ImmutableMatrix([[1, 2, 3], [4, 5, 6], [7, 8, 10]])
    fine = eliminate(A, reduced=True, fine=True)
    coarse = eliminate(A, reduced=True, fine=False)
    assert fine.final.to_sympy() == coarse.final.to_sympy() == A.rref()[0]
    assert len(coarse.steps) < len(fine.steps)


def test_equations_as_given_keep_variables():
    d = sm.solve("solve_system", equations=[Eq(x + y + z, 6), Eq(x - y, 0), Eq(z, 2)])
    assert d.result == {x: 2, y: 2, z: 2}

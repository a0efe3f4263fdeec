"""Working checks for the inverse (Gauss-Jordan on [A | I] and the 2x2 formula), the
characteristic polynomial and eigenvectors; row-operation notes on row-reduction lines.

Tables of real-looking workings (hand-computed values) and generated ones: correct workings
built from SymPy's inverse, charpoly and eigenvectors must pass, single slips must be caught
at their line."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sympy import ImmutableMatrix, Matrix, Poly, Rational, Symbol, eye

import symbolic_mlmath as sm
from symbolic_mlmath.core.working import NOTE_MISMATCH, check_working, get_judge

A = "[[2,1],[1,1]]"  # inverse [[1,-1],[-1,2]], charpoly λ² - 3λ + 1
B = "[[1,2],[3,4]]"  # inverse [[-2,1],[3/2,-1/2]]
C3 = "[[1,2,0],[0,1,0],[0,0,2]]"  # inverse [[1,-2,0],[0,1,0],[0,0,1/2]]
P = "[[4,1],[2,3]]"  # charpoly λ² - 7λ + 10
T3 = "[[2,0,0],[1,3,0],[0,0,1]]"  # charpoly (2-λ)(3-λ)(1-λ) = -λ³ + 6λ² - 11λ + 6
E = "[[2,1],[1,2]]"  # eigenvalues 1 ([1,-1]), 3 ([1,1])
D = "[[2,0,0],[0,2,0],[0,0,1]]"
J = "[[1,1],[0,1]]"  # defective: λ = 1, one vector [1, 0]
S = "[[2,0],[1,1]]"  # λ = 2: [1, 1]; λ = 1: [0, 1]

_A_LINES = ["[[1,1|0,1],[2,1|1,0]]", "[[1,1|0,1],[0,-1|1,-2]]", "[[1,0|1,-1],[0,-1|1,-2]]",
            "[[1,0|1,-1],[0,1|-1,2]]"]

# task, matrix, working, correct, first wrong line (0-based), mistake at that line
CASES = [
    # ---- inverse: correct
    ("inverse", A, ["[[2,1|1,0],[1,1|0,1]]", "R1 <-> R2: [[1,1|0,1],[2,1|1,0]]",
                    "R2 <- R2 - 2R1: [[1,1|0,1],[0,-1|1,-2]]",
                    "R1 <- R1 + R2: [[1,0|1,-1],[0,-1|1,-2]]", "R2 <- -R2: [[1,0|1,-1],[0,1|-1,2]]",
                    "A^-1 = [[1,-1],[-1,2]]"], True, None, None),
    ("inverse", A, ["R1 <- 1/2 R1: [[1,1/2|1/2,0],[1,1|0,1]]",
                    "R2 <- R2 - R1: [[1,1/2|1/2,0],[0,1/2|-1/2,1]]",
                    "R2 <- 2R2: [[1,1/2|1/2,0],[0,1|-1,2]]",
                    "R1 <- R1 - 1/2 R2: [[1,0|1,-1],[0,1|-1,2]]"], True, None, None),
    ("inverse", B, ["adj(A) = [[4,-2],[-3,1]]", "A^-1 = [[-2,1],[3/2,-1/2]]"], True, None, None),
    ("inverse", C3, ["[[1,2,0|1,0,0],[0,1,0|0,1,0],[0,0,2|0,0,1]]", "",
                     "# clear above the second pivot and scale the third row",
                     "[[1,0,0|1,-2,0],[0,1,0|0,1,0],[0,0,1|0,0,1/2]]",
                     "[[1,-2,0],[0,1,0],[0,0,1/2]]"], True, None, None),
    ("inverse", "[[1,2],[2,4]]", ["[[1,2|1,0],[2,4|0,1]]", "[[1,2|1,0],[0,0|-2,1]]"],
     True, None, None),
    # ---- inverse: slips
    ("inverse", A, ["[[1,1|0,1],[2,1|1,0]]", "[[1,1|0,1],[0,-1|1,0]]"], False, 1,
     "right half not updated"),
    ("inverse", A, ["[[1,1|0,1],[2,1|1,0]]", "[[1,1|0,1],[0,-1|1,-1]]", "[[1,0|1,0],[0,-1|1,-1]]",
                    "[[1,0|1,0],[0,1|-1,1]]"], False, 1, "arithmetic slip"),
    ("inverse", A, ["[[1,1],[1,2]]"], False, 0, "adjugate signs"),
    ("inverse", B, ["[[1,-2],[-3,4]]"], False, 0, "adjugate diagonal not swapped"),
    ("inverse", B, ["[[4,-2],[-3,1]]", "[[2,-1],[-3/2,1/2]]"], False, 1, "sign error"),
    ("inverse", B, ["[[4,-2],[-3,1]]", "[[-8,4],[6,-2]]"], False, 1,
     "multiplied by det instead of divided"),
    ("inverse", A, ["R2 <- R2 - R1: [[2,1|1,0],[0,1/2|-1/2,1]]"], False, 0, NOTE_MISMATCH),
    ("inverse", A, [*_A_LINES, "A^-1 = [[1,-1],[1,2]]"], False, 4, "sign error"),
    ("inverse", A, ["[[1,1|0,1],[2,1|1,0]]"], False, None, None),
    ("inverse", A, ["[[1,2,3]]"], False, 0, "wrong shape"),
    # ---- charpoly: correct
    ("charpoly", A, ["[[2-λ,1],[1,1-λ]]", "(2-λ)(1-λ) - 1", "λ^2 - 3λ + 1"], True, None, None),
    ("charpoly", P, ["det(A - λI) = (4-λ)(3-λ) - 1*2 = 12 - 7λ + λ^2 - 2 = λ^2 - 7λ + 10"],
     True, None, None),
    ("charpoly", P, ["(4-λ)(3-λ) - 2", "λ^2 - 7λ + 10", "(λ - 2)(λ - 5)"], True, None, None),
    ("charpoly", T3, ["(2-λ)*((3-λ)(1-λ) - 0*0) - 0 + 0", "(2-λ)(3-λ)(1-λ)",
                      "-λ^3 + 6λ^2 - 11λ + 6"], True, None, None),
    ("charpoly", T3, ["det(λI - A) = (λ-2)(λ-3)(λ-1)", "λ^3 - 6λ^2 + 11λ - 6"], True, None, None),
    ("charpoly", A, ["p(t) = t^2 - 3t + 1"], True, None, None),
    # ---- charpoly: slips
    ("charpoly", A, ["[[2-λ,1-λ],[1-λ,1-λ]]"], False, 0, "λ subtracted off the diagonal"),
    ("charpoly", A, ["[[2,1],[1,1-λ]]", "2(1-λ) - 1"], False, 0,
     "λ not subtracted on the diagonal"),
    ("charpoly", A, ["[[2+λ,1],[1,1+λ]]"], False, 0, "λ added instead of subtracted"),
    ("charpoly", A, ["(2-λ)(1-λ) + 1", "λ^2 - 3λ + 3"], False, 0, "2x2 determinant"),
    ("charpoly", A, ["(2-λ)(1-λ) - 1", "λ^2 - 2λ + 1"], False, 1, "trace term wrong"),
    ("charpoly", A, ["λ^2 - 3λ + 2"], False, 0, "constant term wrong"),
    ("charpoly", P, ["(4-λ)(3-λ) - 2", "12 - 7λ + λ^2 - 2", "λ^2 - 6λ + 12"], False, 2,
     "arithmetic slip"),
    ("charpoly", T3, ["(2-λ)(3-λ)(1-λ)", "-λ^3 + 6λ^2 - 11λ - 6"], False, 1,
     "constant term wrong"),
    ("charpoly", A, ["[[2-λ,1],[1,1-λ]]"], False, None, None),
    # ---- eigenvectors: correct
    ("eigenvectors", E, ["det(A - λI) = λ^2 - 4λ + 3 = (λ-1)(λ-3)", "eigenvalues: 1, 3",
                         "λ = 1: A - I = [[1,1],[1,1]]", "R2 <- R2 - R1: [[1,1],[0,0]]",
                         "x1 = -x2", "v1 = [1, -1]", "", "λ = 3", "[[-1,1],[1,-1]]", "v = [1, 1]"],
     True, None, None),
    ("eigenvectors", E, ["A - 3I = [[-1,1],[1,-1]]", "[1,1]", "A - I = [[1,1],[1,1]]", "[1,-1]"],
     True, None, None),
    ("eigenvectors", E, ["λ = 1, 3", "λ = 1: v = [-2, 2]", "λ = 3: v = [3, 3]"], True, None, None),
    ("eigenvectors", D, ["λ = 2", "[[0,0,0],[0,0,0],[0,0,-1]]", "[1,0,0]", "[0,1,0]", "λ = 1",
                         "[0,0,1]"], True, None, None),
    ("eigenvectors", J, ["λ = 1", "[[0,1],[0,0]]", "x2 = 0", "v = [1, 0]"], True, None, None),
    # ---- eigenvectors: slips
    ("eigenvectors", E, ["λ = 2"], False, 0, "not an eigenvalue"),
    ("eigenvectors", E, ["λ = 1", "[[2,1],[1,2]]"], False, 1, "λ not subtracted on the diagonal"),
    ("eigenvectors", E, ["λ = 1", "[[1,1],[1,1]]", "v = [1, 1]"], False, 2,
     "eigenvector of another eigenvalue"),
    ("eigenvectors", E, ["λ = 1", "[[1,1],[1,1]]", "x1 = x2"], False, 2,
     "equation does not follow"),
    ("eigenvectors", E, ["λ = 1", "v = [0, 0]"], False, 1, "zero vector"),
    ("eigenvectors", E, ["λ = 3", "v = [1, 2]"], False, 1, "not in the null space"),
    ("eigenvectors", S, ["λ = 2", "[[0,0],[1,-1]]", "v = [1, -1]"], False, 2, "sign error"),
    ("eigenvectors", E, ["λ = 3", "[[-1,1],[1,-1]]", "R2 <- R2 + R1: [[-1,1],[0,1]]"], False, 2,
     "arithmetic slip"),
    ("eigenvectors", E, ["eigenvalues: 1, 2"], False, 0, "wrong eigenvalues"),
    ("eigenvectors", E, ["λ = 1", "v = [1, -1]"], False, None, None),
    ("eigenvectors", D, ["λ = 2", "[1,0,0]", "λ = 1", "[0,0,1]"], False, None, None),
]


@pytest.mark.parametrize(("task", "matrix", "working", "correct", "first", "mistake"), CASES)
def test_course1_working_table(task, matrix, working, correct, first, mistake):
    v = sm.check(task, working=working, matrix=matrix)
    assert v.method == "working"
    assert v.correct is correct, v.to_text()
    assert v.first_wrong_step == first, v.to_text()
    if first is not None:
        line = next(ln for ln in v.lines if ln.index == first)
        assert line.follows is False
        assert line.mistake == mistake, v.to_text()
        assert all(ln.follows for ln in v.lines if ln.index < first)


def test_every_task_has_ten_cases():
    for task in ("inverse", "charpoly", "eigenvectors"):
        assert sum(1 for c in CASES if c[0] == task) >= 10


def test_line_numbers_count_comments_and_blank_lines():
    v = sm.check("rref", matrix=B, working=["# R2 - 3R1", "", "[[1,2],[0,-3]]", "[[1,2],[0,1]]"])
    assert v.first_wrong_step == 2
    assert "line 3 does not follow from the given matrix" in v.feedback
    assert [ln.index for ln in v.lines] == [2, 3]
    assert "follows from your line 3" in v.lines[1].feedback


NOTES = [
    (["R2 <- R2 - 3R1: [[1,2],[0,-2]]", "R2 <- -1/2 R2: [[1,2],[0,1]]",
      "R1 <- R1 - 2R2: [[1,0],[0,1]]"], True, None, None),
    (["[[1,2],[0,-2]]  (R2 - 3R1 -> R2)", "[[1,2],[0,1]] (R2 <- R2/(-2))", "[[1,0],[0,1]]"],
     True, None, None),
    (["R2 <- R2 - 2R1: [[1,2],[0,-2]]", "[[1,2],[0,1]]", "[[1,0],[0,1]]"], False, 0,
     NOTE_MISMATCH),
    (["R2 <- R2 - 3R1: [[1,2],[0,4]]", "[[1,2],[0,1]]", "[[1,0],[0,1]]"], False, 0,
     "operation applied to part of a row"),
    (["R3 <- R3 - R1: [[1,2],[0,-2]]"], False, 0, NOTE_MISMATCH),
    (["R2 <- R2 - 3R1: [[1,2],[0,-1]]"], False, 0, "arithmetic slip"),
    (["now clear the first column: [[1,2],[0,-2]]", "[[1,2],[0,1]]", "[[1,0],[0,1]]"],
     True, None, None),
]


@pytest.mark.parametrize(("working", "correct", "first", "mistake"), NOTES)
def test_row_operation_notes(working, correct, first, mistake):
    v = sm.check("rref", matrix=B, working=working)
    assert (v.correct, v.first_wrong_step) == (correct, first), v.to_text()
    if first is not None:
        assert v.lines[first].mistake == mistake, v.to_text()
    if working[0].startswith("R2 <- R2 - 3R1: [[1,2],[0,-2]]"):
        assert "as your note says" in v.lines[0].feedback
        assert v.lines[0].note == "R2 <- R2 - 3R1"


# ------------------------------------------------------------------ generated workings
_SETTINGS = settings(max_examples=30, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _unimodular(rng: random.Random, n: int) -> Matrix:
    M = eye(n)
    for _ in range(2 * n):
        i, j = rng.sample(range(n), 2)
        M[i, :] = M[i, :] + rng.choice((-2, -1, 1, 2)) * M[j, :]
    return M


def _gj_lines(M: list) -> list:
    """Gauss-Jordan on the rows of M (Fractions), one line per pivot column."""
    rows = [list(r) for r in M]
    n = len(rows)
    out = []
    for col in range(n):
        p = next(i for i in range(col, n) if rows[i][col] != 0)
        rows[col], rows[p] = rows[p], rows[col]
        piv = rows[col][col]
        rows[col] = [x / piv for x in rows[col]]
        for i in range(n):
            if i != col and rows[i][col] != 0:
                f = rows[i][col]
                rows[i] = [x - f * y for x, y in zip(rows[i], rows[col], strict=True)]
        out.append([list(r) for r in rows])
    return out


def _text(rows: list) -> str:
    return "[" + ", ".join("[" + ", ".join(str(x) for x in r) + "]" for r in rows) + "]"


@st.composite
def invertible(draw):
    n = draw(st.integers(2, 3))
    rng = random.Random(draw(st.integers(0, 10**6)))
    A = _unimodular(rng, n)
    if draw(st.booleans()):
        A = A * Matrix.diag(*[draw(st.sampled_from([1, -1, 2])) for _ in range(n)])
    return A


@_SETTINGS
@given(invertible())
def test_generated_inverse_workings_pass(A):
    n = A.rows
    aug = [[Fraction(int(x)) for x in A.row(i)] + [Fraction(int(i == j)) for j in range(n)]
           for i in range(n)]
    lines = [_text(r) for r in _gj_lines(aug)]
    ref = A.inv()  # SymPy's inverse is the reference for the last line
    lines.append("A^-1 = " + str(ref.tolist()))
    v = check_working("inverse", {"matrix": ImmutableMatrix(A)}, lines)
    assert v.correct is True, v.to_text()


@_SETTINGS
@given(invertible(), st.integers(0, 10**6), st.sampled_from([1, -1, 2]))
def test_generated_inverse_slips_caught_at_their_line(A, seed, delta):
    n = A.rows
    aug = [[Fraction(int(x)) for x in A.row(i)] + [Fraction(int(i == j)) for j in range(n)]
           for i in range(n)]
    lines = _gj_lines(aug)
    rng = random.Random(seed)
    k = rng.randrange(len(lines))
    bad = [list(r) for r in lines[k]]
    bad[rng.randrange(n)][rng.randrange(2 * n)] += delta
    judge = get_judge("inverse")
    ctx = judge.start("inverse", {"matrix": ImmutableMatrix(A)})
    prev = ctx.given if k == 0 else ImmutableMatrix(lines[k - 1])
    assume(judge.follows(ctx, prev, ImmutableMatrix(bad)).ok is False)
    working = [_text(r) for r in lines]
    working[k] = _text(bad)
    v = check_working("inverse", {"matrix": ImmutableMatrix(A)}, working)
    assert v.first_wrong_step == k, v.to_text()
    assert v.lines[k].mistake is not None


LAM = Symbol("lambda")


@st.composite
def small_matrices(draw):
    n = draw(st.integers(2, 3))
    return Matrix(n, n, draw(st.lists(st.integers(-4, 4), min_size=n * n, max_size=n * n)))


def _poly_text(p) -> str:
    return str(p.as_expr()).replace("**", "^")


@_SETTINGS
@given(small_matrices(), st.integers(0, 2), st.sampled_from([1, -1, 3]))
def test_generated_charpoly_workings_and_coefficient_slips(M, which, delta):
    n = M.rows
    ref = Poly((-1) ** n * M.charpoly(LAM).as_expr(), LAM)  # SymPy's charpoly is det(λI - A)
    shifted = (M - LAM * eye(n)).tolist()
    good = [str(shifted).replace("lambda", "λ"), _poly_text(ref)]
    v = sm.check("charpoly", working=good, matrix=str(M.tolist()))
    assert v.correct is True, v.to_text()
    k = {0: 0, 1: n - 1, 2: 0}[which]
    bad = ref + Poly(delta * LAM ** k, LAM)
    v = sm.check("charpoly", working=[good[0], _poly_text(bad)], matrix=str(M.tolist()))
    assert v.first_wrong_step == 1, v.to_text()
    assert v.lines[1].mistake == ("constant term wrong" if k == 0 else "trace term wrong")


@st.composite
def diagonalizable(draw):
    n = draw(st.integers(2, 3))
    rng = random.Random(draw(st.integers(0, 10**6)))
    P = _unimodular(rng, n)
    values = draw(st.lists(st.integers(-3, 4), min_size=n, max_size=n, unique=True))
    return P, values, P * Matrix.diag(*values) * P.inv()


@_SETTINGS
@given(diagonalizable(), st.integers(0, 10**6), st.sampled_from([1, -1, 2]))
def test_generated_eigenvector_workings_and_slips(data, seed, delta):
    P, values, A = data
    lines = []
    for k, lam in enumerate(values):
        lines += [f"λ = {lam}", f"v = {list(P.col(k))}"]
    v = sm.check("eigenvectors", working=lines, matrix=str(A.tolist()))
    assert v.correct is True, v.to_text()
    rng = random.Random(seed)
    k = rng.randrange(len(values))
    w = list(P.col(k))
    w[rng.randrange(len(w))] += delta
    W = Matrix(w)
    assume(any(W) and not (A * W - Rational(values[k]) * W).is_zero_matrix)
    lines[2 * k + 1] = f"v = {w}"
    v = sm.check("eigenvectors", working=lines, matrix=str(A.tolist()))
    assert v.first_wrong_step == 2 * k + 1, v.to_text()
    assert v.lines[2 * k + 1].mistake is not None

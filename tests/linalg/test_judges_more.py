"""More working checks for ref, det and solve_system (each task's table reaches ten real-looking
workings together with ``test_judges.py``), and generated workings for ref and solve_system:
correct workings built with exact Fractions must pass, a single slip must be caught at its
line. Hand values: A3 = [[1,2,3],[2,5,1],[-1,0,4]] reduces by R2 - 2R1, R3 + R1 and R3 - 2R2
to [[1,2,3],[0,1,-5],[0,0,17]]; det [[3,0,0],[1,2,0],[4,5,6]] = 3*2*6 = 36."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sympy import ImmutableMatrix, Matrix, Rational, eye

import symbolic_mlmath as sm
from symbolic_mlmath.core.working import check_working, get_judge
from symbolic_mlmath.linalg.answers import is_echelon

from .test_judges import CASES as FIRST_CASES

A3 = "[[1,2,3],[2,5,1],[-1,0,4]]"
T3 = "[[3,0,0],[1,2,0],[4,5,6]]"
S3 = "x + y + z = 6; y + z = 5; z = 3"

# task, inputs, working, correct, first wrong line, mistake at that line
CASES = [
    # ---- ref
    ("ref", {"matrix": A3}, ["R2 <- R2 - 2R1, R3 <- R3 + R1: [[1,2,3],[0,1,-5],[0,2,7]]",
                             "R3 <- R3 - 2R2: [[1,2,3],[0,1,-5],[0,0,17]]"], True, None, None),
    ("ref", {"matrix": "[[0,2],[3,1]]"}, ["R1 <-> R2: [[3,1],[0,2]]"], True, None, None),
    ("ref", {"matrix": "[[2,4],[1,3]]"}, ["[[2,4],[0,1]]"], True, None, None),
    ("ref", {"matrix": "[[1,2],[2,4]]"}, ["[[1,2],[0,0]]"], True, None, None),
    ("ref", {"matrix": "[[1,2,1],[2,4,3],[3,6,5]]"},
     ["[[1,2,1],[0,0,1],[0,0,2]]", "[[1,2,1],[0,0,1],[0,0,0]]"], True, None, None),
    ("ref", {"matrix": A3}, ["[[1,2,3],[0,1,-5],[0,2,7]]", "[[1,2,3],[0,1,-5],[0,0,7]]"],
     False, 1, "operation applied to part of a row"),
    ("ref", {"matrix": A3}, ["[[1,2,3],[0,1,5],[0,2,7]]"], False, 0, "sign error"),
    ("ref", {"matrix": A3}, ["[[1,2,3],[0,1,-5],[0,2,1]]"], False, 0, "arithmetic slip"),
    ("ref", {"matrix": "[[2,4],[1,3]]"}, ["[[2,4],[0,-1]]"], False, 0, "sign error"),
    ("ref", {"matrix": A3}, ["[[1,2,3],[0,1,-5],[0,0,0]]"], False, 0, "row times zero"),
    ("ref", {"matrix": A3}, ["[[1,2,3],[0,1,-5],[0,2,7]]", "[[1,2,3],[0,1,-5],[0,0,3]]"],
     False, 1, "arithmetic slip"),
    ("ref", {"matrix": A3}, ["[[1,2,3],[0,1,-5],[0,2,7]]"], False, None, None),
    # ---- det
    ("det", {"matrix": "[[1,2],[3,4]]"}, ["det = 1*4 - 2*3 = -2"], True, None, None),
    ("det", {"matrix": "[[1,2],[3,4]]"}, ["R2 <- R2 - 3R1: [[1,2],[0,-2]]", "1*(-2) = -2"],
     True, None, None),
    ("det", {"matrix": T3}, ["3*2*6", "36"], True, None, None),
    ("det", {"matrix": T3}, ["3 + 2 + 6", "11"], False, 0, "arithmetic slip"),
    ("det", {"matrix": "[[1,2],[3,4]]"}, ["R2 <- R2 - 3R1: [[1,2],[0,2]]"], False, 0,
     "sign error"),
    ("det", {"matrix": "[[1,2],[3,4]]"}, ["R1 <-> R2: [[3,4],[1,2]]", "3*2 - 4*1 = 2"], False, 0,
     "sign error"),
    # ---- solve_system
    ("solve_system", {"equations": S3}, ["z = 3", "y = 2", "x = 1"], True, None, None),
    ("solve_system", {"equations": S3}, ["z = 3", "y = 2", "x = 4"], False, 2, "arithmetic slip"),
    ("solve_system", {"equations": "x + 2y = 5; 3x + 6y = 15"}, ["x + 2y = 5; 0 = 0",
                                                                 "x = 5 - 2y"], True, None, None),
    ("solve_system", {"equations": "x + 2y = 5; 3x + 6y = 15"}, ["x + 2y = 5; 0 = 1"], False, 0,
     "arithmetic slip"),
    ("solve_system", {"equations": "2x + y = 5; x - y = 1"}, ["3x = 6", "x = 2", "y = 1"],
     True, None, None),
    ("solve_system", {"equations": "2x + y = 5; x - y = 1"}, ["3x = 4"], False, 0,
     "not the same solution set"),
]


@pytest.mark.parametrize(("task", "inputs", "working", "correct", "first", "mistake"), CASES)
def test_more_working_table(task, inputs, working, correct, first, mistake):
    v = sm.check(task, working=working, **inputs)
    assert v.method == "working"
    assert v.correct is correct, v.to_text()
    assert v.first_wrong_step == first, v.to_text()
    if first is not None:
        line = next(ln for ln in v.lines if ln.index == first)
        assert line.follows is False
        assert line.mistake == mistake, v.to_text()
        assert all(ln.follows for ln in v.lines if ln.index < first)


def test_every_course1_task_has_ten_cases():
    for task in ("rref", "ref", "det", "solve_system"):
        n = sum(1 for c in FIRST_CASES + CASES if c[0] == task)
        assert n >= 10, (task, n)


# ------------------------------------------------------------------ generated workings
_SETTINGS = settings(max_examples=25, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _text(rows: list) -> str:
    return "[" + ", ".join("[" + ", ".join(str(x) for x in r) + "]" for r in rows) + "]"


def _mat(rows: list) -> ImmutableMatrix:
    return ImmutableMatrix([[Rational(x.numerator, x.denominator) for x in r] for r in rows])


def _forward(M: list) -> list:
    """Gaussian elimination to a row echelon form, one line per pivot column."""
    rows = [list(r) for r in M]
    n, m = len(rows), len(rows[0])
    out, top = [], 0
    for col in range(m):
        p = next((i for i in range(top, n) if rows[i][col] != 0), None)
        if p is None:
            continue
        rows[top], rows[p] = rows[p], rows[top]
        for i in range(top + 1, n):
            f = rows[i][col] / rows[top][col]
            rows[i] = [x - f * y for x, y in zip(rows[i], rows[top], strict=True)]
        out.append([list(r) for r in rows])
        top += 1
        if top == n:
            break
    return out


@st.composite
def matrices(draw):
    n, m = draw(st.integers(2, 4)), draw(st.integers(2, 4))
    return [[Fraction(draw(st.integers(-4, 4))) for _ in range(m)] for _ in range(n)]


@_SETTINGS
@given(matrices(), st.integers(0, 10**6), st.sampled_from([1, -1, 2, -3]))
def test_generated_ref_workings_pass_and_single_slips_are_caught(M, seed, delta):
    lines = _forward(M)
    assume(lines)
    assert is_echelon(_mat(lines[-1]))[0]  # the reference: SymPy's echelon test, not the judge
    v = check_working("ref", {"matrix": _mat(M)}, [_text(r) for r in lines])
    assert v.correct is True, v.to_text()
    rng = random.Random(seed)
    k = rng.randrange(len(lines))
    bad = [list(r) for r in lines[k]]
    bad[rng.randrange(len(bad))][rng.randrange(len(bad[0]))] += delta
    judge = get_judge("ref")
    ctx = judge.start("ref", {"matrix": _mat(M)})
    prev = ctx.given if k == 0 else _mat(lines[k - 1])
    assume(judge.follows(ctx, prev, _mat(bad)).ok is False)  # a slip that is no round at all
    working = [_text(r) for r in lines]
    working[k] = _text(bad)
    v = check_working("ref", {"matrix": _mat(M)}, working)
    assert v.first_wrong_step == k, v.to_text()
    assert v.lines[k].mistake is not None


def test_a_slip_after_a_swap_is_named():
    """Found by a CI seed: a swap with one entry changed is exactly a swap and an addition
    that un-clears an entry; it is named, never left without a mistake."""
    v = check_working("ref", {"matrix": _mat([[0, 1], [0, 0], [1, 0]])},
                      ["[[1,0],[0,0],[0,1]]", "[[1,0],[1,1],[0,0]]"])
    assert v.correct is False and v.first_wrong_step == 1
    assert v.lines[1].mistake == "not an elimination round"


def _unimodular(rng: random.Random, n: int) -> Matrix:
    M = eye(n)
    for _ in range(2 * n):
        i, j = rng.sample(range(n), 2)
        M[i, :] = M[i, :] + rng.choice((-2, -1, 1, 2)) * M[j, :]
    return M


@st.composite
def systems(draw):
    n = draw(st.integers(2, 3))
    A = _unimodular(random.Random(draw(st.integers(0, 10**6))), n)
    sol = [draw(st.integers(-5, 5)) for _ in range(n)]
    return A, sol


_NAMES = ("x", "y", "z")


def _equations(A: Matrix, b: list) -> str:
    out = []
    for i in range(A.rows):
        terms = " + ".join(f"({A[i, j]}){_NAMES[j]}" for j in range(A.cols))
        out.append(f"{terms} = {b[i]}")
    return "; ".join(out)


@_SETTINGS
@given(systems(), st.integers(0, 10**6), st.sampled_from([1, -1, 2]))
def test_generated_system_workings_pass_and_single_slips_are_caught(data, seed, delta):
    A, sol = data
    n = A.rows
    b = list(A * Matrix(sol))  # the system is built backwards from its integer solution
    aug = [[Fraction(int(A[i, j])) for j in range(n)] + [Fraction(int(b[i]))] for i in range(n)]
    lines = [_text(r) for r in _forward(aug)]
    answer = ", ".join(f"{_NAMES[j]} = {sol[j]}" for j in range(n))
    working = [*lines, answer]
    inputs = {"equations": _equations(A, b)}
    v = sm.check("solve_system", working=working, **inputs)
    assert v.correct is True, v.to_text()
    rng = random.Random(seed)
    j = rng.randrange(n)
    wrong = list(sol)
    wrong[j] += delta
    bad = [*lines, ", ".join(f"{_NAMES[i]} = {wrong[i]}" for i in range(n))]
    v = sm.check("solve_system", working=bad, **inputs)
    assert v.first_wrong_step == len(lines), v.to_text()
    assert v.lines[-1].mistake is not None

"""Checking a learner's working line by line: tables of real-looking workings, generated
workings (all correct must pass, single-entry slips must be caught at their line), CLI."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sympy import ImmutableMatrix, Rational

import symbolic_mlmath as sm
from symbolic_mlmath.core.working import check_working, get_judge
from symbolic_mlmath.linalg.answers import is_echelon

A2 = "[[1,2],[3,4]]"
A3 = "[[1,2,3],[2,5,1],[-1,0,4]]"
AUG = "[[1,1,4],[2,-1,1]]"
D3 = "[[2,1,5],[1,2,1],[2,1,3]]"
SYS = "x + y = 4; 2x - y = 1"

# task, inputs, working, correct, first_wrong_step, mistake named at that line (or None)
CASES = [
    # ---- rref: correct workings
    ("rref", {"matrix": A2}, ["[[1,2],[0,-2]]", "[[1,2],[0,1]]", "[[1,0],[0,1]]"],
     True, None, None),
    ("rref", {"matrix": A2}, ["1 2; 0 -2", "1 0; 0 -2", "1 0; 0 1"], True, None, None),
    ("rref", {"matrix": A3}, ["[[1,2,3],[0,1,-5],[0,2,7]]", "[[1,0,13],[0,1,-5],[0,0,17]]",
                              "[[1,0,13],[0,1,-5],[0,0,1]]", "[[1,0,0],[0,1,0],[0,0,1]]"],
     True, None, None),
    ("rref", {"matrix": "[[0,1],[2,4]]"}, ["[[2,4],[0,1]]", "[[1,2],[0,1]]", "[[1,0],[0,1]]"],
     True, None, None),
    # swap and round on one line, an unchanged copy, cross-multiplication
    ("rref", {"matrix": "[[0,1],[2,4]]"}, ["[[0,1],[2,4]]", "[[1,2],[0,1]]", "[[1,0],[0,1]]"],
     True, None, None),
    ("rref", {"matrix": "[[2,3],[3,5]]"}, ["[[2,3],[0,1]]", "[[2,0],[0,1]]", "[[1,0],[0,1]]"],
     True, None, None),
    ("rref", {"matrix": AUG, "augmented": "true"},
     ["[[1,1|4],[0,-3|-7]]", "[[1,1|4],[0,1|7/3]]", "[[1,0|5/3],[0,1|7/3]]"], True, None, None),
    ("rref", {"matrix": "[[1,2],[2,4]]"}, ["R2 <- R2 - 2R1: [[1,2],[0,0]]"], True, None, None),
    ("ref", {"matrix": A3}, ["[[1,2,3],[0,1,-5],[0,2,7]]", "[[1,2,3],[0,1,-5],[0,0,17]]"],
     True, None, None),
    # ---- rref: slips
    ("rref", {"matrix": A2}, ["[[1,2],[0,-3]]", "[[1,2],[0,1]]", "[[1,0],[0,1]]"],
     False, 0, "arithmetic slip"),
    ("rref", {"matrix": A2}, ["[[1,2],[0,2]]", "[[1,2],[0,1]]", "[[1,0],[0,1]]"],
     False, 0, "sign error"),
    ("rref", {"matrix": A3}, ["[[1,2,3],[0,1,5],[0,2,7]]", "[[1,0,-7],[0,1,5],[0,0,-3]]"],
     False, 0, "sign error"),
    ("rref", {"matrix": A3}, ["[[1,2,3],[0,1,1],[0,2,7]]"], False, 0,
     "operation applied to part of a row"),
    ("rref", {"matrix": A3}, ["[[1,2,3],[0,1,-5],[0,2,7]]", "[[1,2,3],[0,1,-5],[0,0,18]]"],
     False, 1, "arithmetic slip"),
    ("rref", {"matrix": A3}, ["[[1,2,3],[0,1,-5],[0,0,0]]"], False, 0, "row times zero"),
    ("rref", {"matrix": "[[1,2,3,4],[2,5,7,9],[0,1,1,1]]"},
     ["[[1,2,3,4],[0,1,4,5],[0,1,1,1]]"], False, 0, "wrong factor"),
    ("rref", {"matrix": AUG, "augmented": "true"}, ["[[1,1,4],[0,-3,1]]"], False, 0,
     "augmented column not carried"),
    ("rref", {"matrix": AUG, "augmented": "true"}, ["[[1,1],[0,-3]]"], False, 0,
     "augmented column not carried"),
    ("rref", {"matrix": A2}, ["[[1,2],[0,-2]]", "[[1,2],[0,1]]"], False, None, None),
    ("rref", {"matrix": A2}, ["[[1,2],[0,-2]]", "[[1,2],[0,,1]]"], False, 1, "unreadable line"),
    ("rref", {"matrix": A2}, ["[[1,2,0],[0,-2,0]]"], False, 0, "wrong shape"),
    # ---- det
    ("det", {"matrix": D3}, ["2*(2*3-1*1) - 1*(1*3-1*2) + 5*(1*1-2*2)", "10 - 1 - 15", "-6"],
     True, None, None),
    ("det", {"matrix": D3}, ["det(A) = 2(5) - 1(1) + 5(-3) = -6"], True, None, None),
    ("det", {"matrix": D3}, ["2*det([[2,1],[1,3]]) - 1*det([[1,1],[2,3]]) + 5*|1 2; 2 1|",
                             "-6"], True, None, None),
    ("det", {"matrix": D3}, ["-1*(1*3-5*1) + 2*(2*3-5*2) - 1*(2*1-1*2)", "2 - 8 - 0", "-6"],
     True, None, None),
    ("det", {"matrix": D3}, ["2*(2*3-1*1) + 1*(1*3-1*2) + 5*(1*1-2*2)", "10 + 1 - 15", "-4"],
     False, 0, "cofactor sign"),
    ("det", {"matrix": D3}, ["2*5 - 1*1 - 5*(-3)", "24"], False, 0, "cofactor sign"),
    ("det", {"matrix": D3}, ["2*det([[2,1],[1,3]]) - 1*det([[1,2],[2,1]]) + 5*(-3)"],
     False, 0, "wrong minor"),
    ("det", {"matrix": D3}, ["2*(2*3+1*1) - 1*(1*3-1*2) + 5*(1*1-2*2)"], False, 0,
     "2x2 determinant"),
    ("det", {"matrix": D3}, ["2*5 - 1*1 + 5*(-3)", "10 - 1 - 15", "-5"], False, 2,
     "arithmetic slip"),
    ("det", {"matrix": A2}, ["1*4 + 2*3", "10"], False, 0, "2x2 determinant"),
    ("det", {"matrix": A2}, ["1*4 - 2*3", "2"], False, 1, "sign error"),
    # ---- solve_system
    ("solve_system", {"equations": SYS}, ["x + y = 4; -3y = -7", "y = 7/3", "x = 5/3"],
     True, None, None),
    ("solve_system", {"equations": SYS}, ["[[1,1,4],[0,-3,-7]]", "x = 5/3, y = 7/3"],
     True, None, None),
    ("solve_system", {"equations": SYS}, ["x = 4 - y", "2(4 - y) - y = 1", "y = 7/3",
                                          "x = 4 - 7/3 = 5/3"], True, None, None),
    ("solve_system", {"equations": "x + y = 1; 2x + 2y = 3"}, ["x + y = 1; 0 = 1"],
     True, None, None),
    ("solve_system", {"equations": SYS}, ["x + y = 4; -3y = -9", "y = 3", "x = 1"],
     False, 0, "arithmetic slip"),
    ("solve_system", {"equations": SYS}, ["x + y = 4; -3y = 1"], False, 0,
     "right-hand side not carried"),
    ("solve_system", {"equations": SYS}, ["x + y = 4; -3y = -7", "y = 7/3", "x = 7/3"],
     False, 2, "arithmetic slip"),
    ("solve_system", {"equations": SYS}, ["x + y = 4; -3y = -7", "y = 7/3"], False, None, None),
    ("solve_system", {"equations": SYS}, ["x + y = 4; -3y = -7", "y = -7/3"], False, 1,
     "sign error"),
]


@pytest.mark.parametrize(("task", "inputs", "working", "correct", "first", "mistake"), CASES)
def test_working_table(task, inputs, working, correct, first, mistake):
    v = sm.check(task, working=working, **inputs)
    assert v.method == "working"
    assert v.correct is correct, v.to_text()
    assert v.first_wrong_step == first, v.to_text()
    assert len(v.lines) == len(working)
    if first is not None:
        line = v.lines[first]
        assert line.follows is False
        assert all(ln.follows for ln in v.lines[:first])
        if mistake:
            assert line.mistake == mistake, v.to_text()
            assert mistake in v.feedback or mistake == "unreadable line"


def test_operation_named_and_expected_line_shown():
    v = sm.check("rref", working=["[[1,2,3],[0,1,-5],[0,2,7]]"], matrix=A3)
    assert v.lines[0].operation == "R2 <- R2 - 2 R1, R3 <- R3 + R1"
    v = sm.check("rref", working=["[[1,2,3],[0,1,-5],[0,2,8]]"], matrix=A3)
    assert v.lines[0].expected == ImmutableMatrix([[1, 2, 3], [0, 1, -5], [0, 2, 7]])
    assert "entry (3, 3) should be 7, not 8" in v.feedback
    assert "It should have been [[1, 2, 3], [0, 1, -5], [0, 2, 7]]" in v.feedback


def test_error_carried_forward():
    v = sm.check("rref", matrix=A3, working=[
        "[[1,2,3],[0,1,-5],[0,2,8]]",  # slip
        "[[1,0,13],[0,1,-5],[0,0,18]]",  # follows from the slip
        "[[1,0,13],[0,1,-5],[0,0,1]]",
        "[[1,0,0],[0,1,0],[0,0,1]]",
    ])
    assert (v.correct, v.first_wrong_step) == (False, 0)
    assert "Lines 2–4 follow correctly from your line 1" in v.feedback
    assert [ln.follows for ln in v.lines] == [False, True, True, True]
    v = sm.check("det", matrix=D3, working=["2*5 - 1*1 + 5*(-3)", "10 - 1 + 15", "24", "25"])
    assert v.first_wrong_step == 1
    assert "Line 3 follows correctly from your line 2" in v.feedback
    assert "Line 4 also does not follow" in v.feedback


def test_not_finished_and_answer():
    v = sm.check("rref", working=["[[1,2],[0,-2]]"], matrix=A2)
    assert v.correct is False and v.first_wrong_step is None
    assert "not finished" in v.feedback.lower()
    ok = ["[[1,2],[0,-2]]", "[[1,2],[0,1]]", "[[1,0],[0,1]]"]
    assert sm.check("rref", working=ok, answer="[[1,0],[0,1]]", matrix=A2).correct is True
    v = sm.check("rref", working=ok, answer="[[1,0],[0,2]]", matrix=A2)
    assert v.correct is False and v.first_wrong_step is None
    v = sm.check("det", working=["-6"], answer="-6", matrix=D3)
    assert v.correct is True


def test_to_text_lists_every_line():
    v = sm.check("rref", working=["[[1,2],[0,-3]]", "[[1,2],[0,1]]", "[[1,0],[0,1]]"], matrix=A2)
    text = v.to_text()
    assert "line 1 [WRONG]" in text and "line 2 [ok]" in text and "line 3 [ok]" in text
    d = v.to_dict()
    assert d["first_wrong_step"] == 0 and d["lines"][0]["mistake"] == "arithmetic slip"


def test_empty_working_and_unknown_task():
    v = check_working("rref", {"matrix": ImmutableMatrix([[1]])}, [])
    assert v.correct is None
    assert check_working("nope", {}, ["1"]).correct is None
    assert get_judge("det") is not None


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "symbolic_mlmath.cli", *args],
                          capture_output=True, text=True, timeout=60, check=False)


def test_cli_working_file(tmp_path):
    f = tmp_path / "w.txt"
    f.write_text("[[1,2],[0,-2]]\n[[1,2],[0,1]]\n[[1,0],[0,1]]\n", encoding="utf-8")
    r = _cli("check", "rref", "--matrix", A2, "--working", str(f))
    assert r.returncode == 0, r.stderr
    assert "line 3 [ok]" in r.stdout
    f.write_text("[[1,2],[0,-3]]\n", encoding="utf-8")  # one line holding one matrix
    r = _cli("check", "rref", "--matrix", A2, "--working", str(f), "--json")
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout)
    assert data["first_wrong_step"] == 0
    assert data["lines"][0]["mistake"] == "arithmetic slip"
    assert data["lines"][0]["expected"] == [[1, 2], [0, -2]]
    g = tmp_path / "w.json"
    g.write_text(json.dumps(["x + y = 4; -3y = -7", "y = 7/3", "x = 5/3"]), encoding="utf-8")
    r = _cli("check", "solve_system", "--equations", SYS, "--working", str(g), "--json")
    assert r.returncode == 0, r.stdout + r.stderr
    assert json.loads(r.stdout)["correct"] is True


# ------------------------------------------------------------------ generated workings
def _gauss_jordan_lines(M: list, rng: random.Random) -> list:
    """Rounds to the RREF with random pivot rows, swaps sometimes merged into the round,
    scaling sometimes on its own line."""
    rows = [list(r) for r in M]
    lines = []
    n, m = len(rows), len(rows[0])
    top = 0
    for col in range(m):
        cands = [i for i in range(top, n) if rows[i][col] != 0]
        if not cands:
            continue
        p = rng.choice(cands)
        if p != top:
            rows[top], rows[p] = rows[p], rows[top]
            if rng.random() < 0.5:
                lines.append([list(r) for r in rows])
        piv = rows[top][col]
        if piv != 1 and rng.random() < 0.4:
            rows[top] = [x / piv for x in rows[top]]
            lines.append([list(r) for r in rows])
            piv = rows[top][col]
        rows[top] = [x / piv for x in rows[top]]
        for i in range(n):
            if i != top and rows[i][col] != 0:
                f = rows[i][col]
                rows[i] = [x - f * y for x, y in zip(rows[i], rows[top], strict=True)]
        lines.append([list(r) for r in rows])
        top += 1
    return lines


def _random_round(rows: list, rng: random.Random) -> list:
    n = len(rows)
    if rng.random() < 0.25:
        i, j = rng.sample(range(n), 2)
        out = [list(r) for r in rows]
        out[i], out[j] = out[j], out[i]
        return out
    p = rng.randrange(n)
    s = rng.choice([Fraction(1), Fraction(-1), Fraction(2), Fraction(1, 2)])
    out = []
    for i, r in enumerate(rows):
        if i == p:
            out.append([s * x for x in r])
        else:
            c = Fraction(rng.choice([0, 1, -1, 2, -2, 3]))
            out.append([x + c * y for x, y in zip(r, rows[p], strict=True)])
    return out


def _mat(rows: list) -> ImmutableMatrix:
    return ImmutableMatrix([[Rational(x.numerator, x.denominator) for x in r] for r in rows])


def _text(rows: list) -> str:
    return "[" + ", ".join("[" + ", ".join(str(x) for x in r) + "]" for r in rows) + "]"


@st.composite
def workings(draw):
    n = draw(st.integers(2, 4))
    m = draw(st.integers(2, 5))
    M = [[Fraction(draw(st.integers(-4, 4))) for _ in range(m)] for _ in range(n)]
    rng = random.Random(draw(st.integers(0, 10**6)))
    lines, cur = [], M
    for _ in range(draw(st.integers(0, 2))):
        cur = _random_round(cur, rng)
        lines.append(cur)
    lines += _gauss_jordan_lines(cur, rng)
    return M, lines


_SETTINGS = settings(max_examples=40, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@_SETTINGS
@given(workings())
def test_generated_correct_workings_pass(data):
    M, lines = data
    assume(lines)
    assert is_echelon(_mat(lines[-1]), reduced=True)[0]
    v = check_working("rref", {"matrix": _mat(M)}, [_text(r) for r in lines])
    assert v.correct is True, v.to_text()
    assert v.first_wrong_step is None


@_SETTINGS
@given(workings(), st.integers(0, 10**6), st.sampled_from([1, -1, 2, -3]))
def test_single_entry_slips_caught_at_their_line(data, seed, delta):
    M, lines = data
    assume(lines)
    rng = random.Random(seed)
    k = rng.randrange(len(lines))
    bad = [list(r) for r in lines[k]]
    i, j = rng.randrange(len(bad)), rng.randrange(len(bad[0]))
    bad[i][j] += delta
    judge = get_judge("rref")
    ctx = judge.start("rref", {"matrix": _mat(M)})
    prev = ctx.given if k == 0 else _mat(lines[k - 1])
    assume(judge.follows(ctx, prev, _mat(bad)).ok is False)  # a slip that is no round at all
    working = [_text(r) for r in lines]
    working[k] = _text(bad)
    v = check_working("rref", {"matrix": _mat(M)}, working)
    assert v.correct is False
    assert v.first_wrong_step == k, v.to_text()
    assert v.lines[k].mistake is not None


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=9, max_size=9), st.integers(0, 2),
       st.integers(0, 2))
def test_generated_cofactor_sign_slips(entries, row, flip):
    A = ImmutableMatrix(3, 3, entries)
    assume(A[row, flip] != 0)
    terms = []
    for j in range(3):
        minor = A.minor_submatrix(row, j)
        sign = (-1) ** (row + j) * (-1 if j == flip else 1)
        terms.append(f"({sign})*({A[row, j]})*det({minor.tolist()})")
    value = A.det()
    assume(A.minor_submatrix(row, flip).det() != 0)
    v = sm.check("det", working=[" + ".join(terms)], matrix=str(A.tolist()))
    assert v.first_wrong_step == 0
    assert v.lines[0].mistake in {"cofactor sign", "sign error"}, v.to_text()
    good = " + ".join(f"({(-1) ** (row + j)})*({A[row, j]})*det({A.minor_submatrix(row, j).tolist()})"
                      for j in range(3))
    assert sm.check("det", working=[good, str(value)], matrix=str(A.tolist())).correct is True

"""The mistake library: each slip detector on a table of lines, the catalogue, the registry."""

from __future__ import annotations

from fractions import Fraction
from types import SimpleNamespace

import pytest
from sympy import ImmutableMatrix as M

from symbolic_mlmath.core.mistakes import diagnose
from symbolic_mlmath.core.working import get_judge
from symbolic_mlmath.linalg.judge_determinants import read_det_line, split_terms
from symbolic_mlmath.linalg.mistakes import CATALOGUE
from symbolic_mlmath.linalg.mistakes_rows import matrix_slip
from symbolic_mlmath.linalg.rounds import describe, find_round, fit_row

A3 = M([[1, 2, 3], [2, 5, 1], [-1, 0, 4]])
GOOD = M([[1, 2, 3], [0, 1, -5], [0, 2, 7]])  # R2 - 2R1, R3 + R1

# previous, learner's line, augmented, slip name, phrase in the detail, expected line
MATRIX_SLIPS = [
    (A3, M([[1, 2, 3], [0, 1, 5], [0, 2, 7]]), False, "sign error", "entry (2, 3)", GOOD),
    (A3, M([[1, 2, 3], [0, 1, -5], [0, 2, 8]]), False, "arithmetic slip", "should be 7, not 8",
     GOOD),
    (A3, M([[1, 2, 3], [0, 1, 1], [0, 2, 7]]), False, "operation applied to part of a row",
     "left as they were", GOOD),
    (A3, M([[1, 2, 3], [0, 1, -5], [0, 0, 0]]), False, "row times zero", "row 3", GOOD),
    (M([[1, 2, 3, 4], [2, 5, 7, 9], [0, 1, 1, 1]]), M([[1, 2, 3, 4], [0, 1, 4, 5], [0, 1, 1, 1]]),
     False, "wrong factor", "-1 times row 1", M([[1, 2, 3, 4], [0, 1, 1, 1], [0, 1, 1, 1]])),
    (M([[1, 1, 4], [2, -1, 1]]), M([[1, 1, 4], [0, -3, 1]]), True,
     "augmented column not carried", "not updated", M([[1, 1, 4], [0, -3, -7]])),
    (M([[1, 1, 4], [2, -1, 1]]), M([[1, 1], [0, -3]]), True, "augmented column not carried",
     "dropped", M([[1, 1, 4], [0, -3, -7]])),
    (M([[1, 2], [3, 4]]), M([[1, 2, 0], [0, -2, 0]]), False, "wrong shape", "2x3", None),
    # a slip in a swap + round: rows are matched after the swap
    (M([[0, 1, 2], [1, 3, 1]]), M([[1, 3, 1], [0, 1, 3]]), False, "arithmetic slip",
     "entry (2, 3)", M([[1, 3, 1], [0, 1, 2]])),
]


@pytest.mark.parametrize(("prev", "got", "aug", "name", "phrase", "expected"), MATRIX_SLIPS)
def test_matrix_slips(prev, got, aug, name, phrase, expected):
    s = matrix_slip(prev, got, augmented=aug)
    assert s is not None
    assert s.name == name, s
    assert s.name in CATALOGUE
    assert phrase in s.detail, s.detail
    if expected is not None:
        assert s.expected == expected


def test_round_finder_solves_factors_exactly():
    def f(*xs):
        return [Fraction(x) for x in xs]

    assert fit_row(f(2, 5, 1), f(1, 2, 3), f(0, 1, -5)) == (1, -2)
    assert fit_row(f(3, 4), f(1, 2), f(0, -3)) == (Fraction(3, 2), Fraction(-9, 2))
    assert fit_row(f(1, 2), f(0, 0), f(0, 0)) == (0, 0)  # a = 0: not a row operation
    r = find_round(M([[2, 4], [1, 3]]), M([[1, 2], [0, 1]]))
    assert describe(r) == "R1 <- 1/2 R1, R2 <- R2 - 1/2 R1"
    r = find_round(M([[0, 1], [2, 4]]), M([[1, 2], [0, 1]]))
    assert describe(r) == "R1 <-> R2, R1 <- 1/2 R1"
    assert find_round(A3, M([[1, 2, 3], [0, 1, -5], [0, 2, 8]])) is None


@pytest.mark.parametrize(("prev", "got", "ok", "operation"), [
    (A3, A3, True, "no change"),
    (A3, M([[2, 5, 1], [1, 2, 3], [-1, 0, 4]]), True, "R1 <-> R2"),
    (A3, M([[-1, 0, 4], [1, 2, 3], [2, 5, 1]]), True, "reorder rows: R1 <- R3, R2 <- R1, R3 <- R2"),
    (A3, GOOD, True, "R2 <- R2 - 2 R1, R3 <- R3 + R1"),
    (M([[2, 3], [3, 5]]), M([[2, 3], [0, 1]]), True, "R2 <- 2 R2 - 3 R1"),  # cross-multiplying
    (M([[1, 2], [3, 4]]), M([[1, 2], [0, -4]]), False, None),  # odd round = slip in R2 - 3R1
])
def test_rref_judge_follows(prev, got, ok, operation):
    judge = get_judge("rref")
    ctx = judge.start("rref", {"matrix": prev})
    f = judge.follows(ctx, prev, got)
    assert f.ok is ok
    if operation:
        assert f.operation == operation


A = M([[2, 1, 5], [1, 2, 1], [2, 1, 3]])
DET_SLIPS = [
    ("2*(6-1) + 1*(3-2) + 5*(1-4)", "cofactor sign", "not all +"),
    ("2*5 - 1*1 - 5*(-3)", "cofactor sign", "entry (1, 3)"),
    ("-2*5 + 1*1 - 5*(-3)", "cofactor sign", "every term"),
    ("2*det([[2,1],[1,3]]) - 1*det([[1,2],[2,1]]) + 5*(-3)", "wrong minor", "column 2"),
    ("2*(6+1) - 1*(3-2) + 5*(1-4)", "2x2 determinant", "not 2*3 + 1*1"),
    ("2*5 - 1*1 + 5*(-7)", "arithmetic slip", "entry (1, 3)"),
]


@pytest.mark.parametrize(("line", "name", "phrase"), DET_SLIPS)
def test_det_slips(line, name, phrase):
    ctx = SimpleNamespace(matrix=A, det=A.det())
    s = diagnose("det", ctx, A.det(), read_det_line(line))
    assert s is not None and s.name == name, s
    assert phrase in s.detail, s.detail
    assert str(s.expected).endswith("= -6")


def test_det_line_reading():
    assert split_terms("2(3-1) - 4 + x*-2") == ["2(3-1)", "- 4", "x*-2"]
    line = read_det_line("|A| = 2|2 1; 1 3| - 1 = 9")
    assert [p.value for p in line.parts] == [9, 9]
    assert read_det_line("[[1, 2], [3, 4]]").value == -2


def test_detector_families_come_from_the_subject_tables():
    from symbolic_mlmath.core.subjects import table

    assert {"matrix", "det", "system"} <= set(table("detectors"))
    assert diagnose("no-such-family", None, 1, 2) is None

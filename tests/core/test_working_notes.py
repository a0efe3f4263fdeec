"""Notes on working lines ("R2 <- R2 - 2R1: ...", "expand along row 2: ...", "by the chain
rule: ...") are compared with what the line actually does, for every kind of working: a
note that names another row operation, another row of expansion or another rule is reported
on its line (the mistake "note does not match the line"); a note that agrees is said so."""

from __future__ import annotations

import pytest

import symbolic_mlmath as sm
from symbolic_mlmath.core.working import NOTE_MISMATCH

D3 = {"matrix": "[[2,1,5],[1,2,1],[2,1,3]]"}  # det -6; row 1 terms 10, -1, -15
ROW1 = "2*(2*3-1*1) - 1*(1*3-1*2) + 5*(1*1-2*2)"
COL2 = "-1*(1*3-1*2) + 2*(2*3-5*2) - 1*(2*1-5*1)"  # -1 - 8 + 3 = -6
SARRUS = "2*2*3 + 1*1*2 + 5*1*1 - 5*2*2 - 2*1*1 - 1*1*3"  # 12 + 2 + 5 - 20 - 2 - 3 = -6
SYS = {"equations": "x + y = 4; 2x - y = 1"}
X2Y = {"expr": "x^2 y + sin(x y)", "vars": "x, y"}
GD = {"expr": "x^2 + 3y^2", "vars": "x, y", "x0": "[1, 1]", "learning_rate": "0.1",
      "iterations": "2"}
NW = {"f": "x^2 - 2", "x0": "1", "iterations": "2"}

# task, inputs, working, line whose note is judged, agrees (True) or reported (False)
NOTES = [
    ("det", D3, [f"expand along row 1: {ROW1}", "-6"], 0, True),
    ("det", D3, [f"expand along row 2: {ROW1}", "-6"], 0, False),
    ("det", D3, [f"by cofactor expansion: {ROW1}", "-6"], 0, True),
    ("det", D3, [f"by Sarrus: {ROW1}", "-6"], 0, False),
    ("det", D3, [f"expand along column 2: {COL2}", "-6"], 0, True),
    ("det", D3, [f"expand along row 1: {COL2}", "-6"], 0, False),
    ("det", D3, [f"by the rule of Sarrus: {SARRUS}", "-6"], 0, True),
    ("det", D3, [f"{SARRUS}  (cofactor expansion along row 1)", "-6"], 0, False),
    ("det", D3, ["R2 <- R2 - R1: [[2,1,5],[-1,1,-4],[2,1,3]]", "-6"], 0, True),
    ("det", D3, ["R2 <- R2 - 2R1: [[2,1,5],[-1,1,-4],[2,1,3]]", "-6"], 0, False),
    ("solve_system", SYS, ["R2 <- R2 - 2R1: [[1,1,4],[0,-3,-7]]", "x = 5/3, y = 7/3"], 0, True),
    ("solve_system", SYS, ["R2 <- R2 - R1: [[1,1,4],[0,-3,-7]]", "x = 5/3, y = 7/3"], 0, False),
    ("solve_system", SYS, ["R2 - 2R1 -> R2: x + y = 4; -3y = -7", "y = 7/3", "x = 5/3"], 0,
     True),
    ("gradient", X2Y, ["by the chain rule: f_x = 2x y + y cos(x y)", "f_y = x^2 + x cos(x y)"],
     0, True),
    ("gradient", {"expr": "x^2 y", "vars": "x, y"},
     ["by the quotient rule: f_x = 2xy", "f_y = x^2"], 0, False),
    ("hessian", {"expr": "x^2 y", "vars": "x, y"},
     ["by the power rule: f_xx = 2y", "f_xy = 2x", "f_yy = 0"], 0, True),
    ("derivative", {"expr": "x^2 sin(x)"}, ["by the chain rule: 2x sin(x) + x^2 cos(x)"], 0,
     False),
    ("derivative", {"expr": "x^2 sin(x)"},
     ["by the product rule: 2x sin(x) + x^2 cos(x)", "factor: x(2 sin(x) + x cos(x))"], 1, True),
    ("gradient_descent", GD, ["∇f = [2x, 6y]  (by the power rule)", "x1 = (0.8, 0.4)",
                              "x2 = (0.64, 0.16)"], 0, True),
    ("gradient_descent", GD, ["by the quotient rule: ∇f = [2x, 6y]", "x1 = (0.8, 0.4)",
                              "x2 = (0.64, 0.16)"], 0, False),
    ("newton_method", NW, ["by the power rule: f'(x) = 2x", "x1 = 1.5", "x2 = 17/12"], 0, True),
    ("newton_method", NW, ["by the quotient rule: f'(x) = 2x", "x1 = 1.5", "x2 = 17/12"], 0,
     False),
    ("rref", {"matrix": "[[1,2],[3,4]]"}, ["R2 <- R2 - 2R1: [[1,2],[0,-2]]"], 0, False),
    ("inverse", {"matrix": "[[2,1],[1,1]]"},
     ["R1 <-> R2: [[1,1|0,1],[2,1|1,0]]", "R2 <- R2 - R1: [[1,1|0,1],[0,-1|1,-2]]"], 1, False),
    ("backprop", {"network": "1 -> 1 identity", "params": "W1 = [[2]]; b1 = [1]", "x": "[3]",
                  "y": "[5]"}, ["by the chain rule: dL/dw1_11 = 6", "dL/db1_1 = 2"], 0, True),
    ("backprop", {"network": "1 -> 1 identity", "params": "W1 = [[2]]; b1 = [1]", "x": "[3]",
                  "y": "[5]"}, ["by the quotient rule: dL/dw1_11 = 6", "dL/db1_1 = 2"], 0, False),
]


@pytest.mark.parametrize(("task", "inputs", "working", "k", "agrees"), NOTES)
def test_notes_are_compared_with_the_line(task, inputs, working, k, agrees):
    v = sm.check(task, working=working, **inputs)
    line = next(ln for ln in v.lines if ln.index == k)
    assert line.note, v.to_text()
    if agrees:
        assert line.follows is True, v.to_text()
        assert "as your note says" in line.feedback, v.to_text()
    else:
        assert line.follows is False and line.mistake == NOTE_MISMATCH, v.to_text()
        assert v.first_wrong_step == k


def test_the_mismatch_says_what_the_line_does():
    v = sm.check("det", working=[f"expand along row 2: {ROW1}", "-6"], **D3)
    assert "row 1" in v.lines[0].feedback, v.to_text()
    v = sm.check("solve_system", working=["R2 <- R2 - R1: [[1,1,4],[0,-3,-7]]"], **SYS)
    assert "[[1, 1, 4], [1, -2, -3]]" in v.lines[0].feedback, v.to_text()


def test_reference_expansions_by_hand():
    # the three expansions of D3 written above, computed independently of the engine
    assert 2 * 5 - 1 * 1 + 5 * (-3) == -6
    assert -1 * 1 + 2 * (-4) - 1 * (-3) == -6
    assert 12 + 2 + 5 - 20 - 2 - 3 == -6


def test_a_note_of_words_at_the_end_of_a_line_is_read_as_a_note():
    v = sm.check("gradient_descent", working=["x1 = (0.8, 0.4)  (one gradient step)",
                                              "x2 = (0.64, 0.16)"], **GD)
    assert v.correct is True and v.lines[0].note == "one gradient step", v.to_text()
    v = sm.check("derivative", working=["2x cos(x^2) (with an inner part)"], expr="sin(x^2)")
    assert v.correct is True, v.to_text()

"""Comments, blank lines and notes on working lines: what is mathematics, what is a note, and
the note compared with what the line does."""

from __future__ import annotations

import pytest

from symbolic_mlmath.core.notes import is_row_note, rules_named, split_note, working_lines
from symbolic_mlmath.core.working import Follow, rule_note

SPLITS = [
    ("R2 <- R2 - 2R1: [[1,2],[0,1]]", "R2 <- R2 - 2R1", "[[1,2],[0,1]]"),
    ("R1 <-> R2: [[3,4],[1,2]]", "R1 <-> R2", "[[3,4],[1,2]]"),
    ("R2 - 3R1 -> R2: [[1,2],[0,-2]]", "R2 - 3R1 -> R2", "[[1,2],[0,-2]]"),
    ("[[1,2],[0,1]]  (R2 <- R2/(-2))", "R2 <- R2/(-2)", "[[1,2],[0,1]]"),
    ("by the chain rule: 2x cos(x^2)", "by the chain rule", "2x cos(x^2)"),
    ("Step 2: x e^x + e^x", "Step 2", "x e^x + e^x"),
    ("2x cos(x^2) (chain rule)", "chain rule", "2x cos(x^2)"),
    ("x e^x + e^x [product rule]", "product rule", "x e^x + e^x"),
    ("x = 3", None, "x = 3"),
    ("(x+1)(x-1)", None, "(x+1)(x-1)"),
    ("2x(x+1)", None, "2x(x+1)"),
    ("f'(x): 2x", None, "f'(x): 2x"),
    ("x: 3", None, "x: 3"),
    ("[[1,2],[3,4]]", None, "[[1,2],[3,4]]"),
    ("e^(2x) (2)", None, "e^(2x) (2)"),
]


@pytest.mark.parametrize(("line", "note", "body"), SPLITS)
def test_split_note(line, note, body):
    assert split_note(line) == (note, body)


def test_comments_and_blank_lines_keep_the_learners_numbering():
    lines = ["# the determinant", "", "2*5 - 1*1   # row 1", "   ", "9 # done", ["not", "text"]]
    assert working_lines(lines) == [(2, "2*5 - 1*1"), (4, "9"), (5, ["not", "text"])]


def test_row_notes_recognised():
    assert is_row_note("R2 <- R2 - 2R1, R3 <- R3 + R1")
    assert is_row_note("R_2 := R_2 - (1/2)*R_1")
    assert is_row_note("swap R1 and R2")
    assert not is_row_note("chain rule")
    assert not is_row_note("R2")


def test_rules_named_and_compared():
    assert rules_named("by the Product Rule") == {"product rule"}
    assert rules_named("constant multiple") == {"constant multiple rule"}
    assert rules_named("x^2 + 1") == set()
    said = rule_note(None, None, None, "by the quotient rule", Follow(True, "product rule"))
    assert said.agrees is False and "product rule" in said.detail
    assert rule_note(None, None, None, "by the chain rule", Follow(None, "chain rule")).agrees is None
    assert rule_note(None, None, None, "quotient rule", Follow(True, "same value")).agrees is None

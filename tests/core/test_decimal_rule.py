"""One decimal rule everywhere: a decimal is right iff it is the exact value correctly rounded
to the places written (both neighbours at an exact tie), or within an explicit tolerance.

Every expected value below is worked by hand (fractions, the quadratic formula), not taken
from the package."""

from __future__ import annotations

import pytest

import symbolic_mlmath as sm

INV = "[[4,7],[2,6]]"  # inverse = 1/10 [[6,-7],[-2,4]] = [[0.6,-0.7],[-0.2,0.4]]
MARKOV = "[[0.9,0.5],[0.1,0.5]]"  # steady state [5/6, 1/6] = [0.8333.., 0.1666..]
EIG = "[[1,2],[3,4]]"  # eigenvalues (5 ± sqrt(33))/2 = 5.3722.., -0.3722..
SYM = "[[2,1],[1,2]]"  # eigenvalues 1, 3; eigenvectors [1,-1], [1,1]
SYSTEM = "x + y = 4; 2x - y = 1"  # x = 5/3 = 1.666.., y = 7/3 = 2.333..
SIXTIETH = "[[1/2,1/3],[1/4,1/5]]"  # det = 1/10 - 1/12 = 1/60 = 0.016666..
TIE = "[[-23/8]]"  # det = -2.875 exactly


@pytest.mark.parametrize(("task", "inputs", "answer", "right"), [
    ("inverse", {"matrix": INV}, "[[0.6,-0.7],[-0.2,0.5]]", False),
    ("inverse", {"matrix": INV}, "[[0.61,-0.71],[-0.21,0.41]]", False),
    ("inverse", {"matrix": INV}, "[[0.60,-0.70],[-0.20,0.41]]", False),
    ("inverse", {"matrix": INV}, "[[0.6,-0.7],[-0.2,0.4]]", True),
    ("inverse", {"matrix": INV}, "[[0.60,-0.70],[-0.20,0.40]]", True),
    ("steady_state", {"matrix": MARKOV}, "[0.9, 0.1]", False),
    ("steady_state", {"matrix": MARKOV}, "[0.84, 0.16]", False),
    ("steady_state", {"matrix": MARKOV}, "[0.83, 0.17]", True),
    ("steady_state", {"matrix": MARKOV}, "[0.833, 0.167]", True),
    ("steady_state", {"matrix": MARKOV}, "[0.8, 0.2]", True),
    ("eigenvalues", {"matrix": EIG}, "5.3, -0.3", False),
    ("eigenvalues", {"matrix": EIG}, "5.4, -0.4", True),
    ("eigenvalues", {"matrix": EIG}, "-0.37, 5.37", True),
    ("eigenvalues", {"matrix": EIG}, "5.37, -0.38", False),
    ("eigenvectors", {"matrix": SYM}, "[1.0,-1.1],[1,1]", False),
    ("eigenvectors", {"matrix": SYM}, "[1.0,-1.3],[1,1]", False),
    ("eigenvectors", {"matrix": SYM}, "[0.71,-0.71],[0.71,0.71]", True),
    ("eigenvectors", {"matrix": SYM}, "[0.7,-0.7],[1,1]", True),
    ("eigenvectors", {"matrix": SYM}, "[0.7,-0.8],[1,1]", False),
    ("solve_system", {"equations": SYSTEM}, "x = 1.67, y = 2.33", True),
    ("solve_system", {"equations": SYSTEM}, "x = 1.7, y = 2.3", True),
    ("solve_system", {"equations": SYSTEM}, "x = 1.6, y = 2.3", False),
    ("solve_system", {"equations": SYSTEM}, "(1.67, 2.33)", True),
    ("solve_system", {"equations": "x + 3y = 2; 2x - y = 3"}, "x = 1.571, y = 0.143", True),
    ("det", {"matrix": SIXTIETH}, "0.02", True),
    ("det", {"matrix": SIXTIETH}, "0.017", True),
    ("det", {"matrix": SIXTIETH}, "0.016", False),
    ("det", {"matrix": SIXTIETH}, "1.667e-2", True),
    ("det", {"matrix": SIXTIETH}, "1.6e-2", False),
    ("det", {"matrix": TIE}, "-2.8", False),
    ("det", {"matrix": TIE}, "-2.9", True),
    ("det", {"matrix": TIE}, "-2.88", True),
    ("det", {"matrix": TIE}, "-2.87", True),
    ("det", {"matrix": TIE}, "-2.86", False),
    ("det", {"matrix": TIE}, "-2.875", True),
    ("pca", {"data": "[[2,0],[0,2],[3,1],[1,3]]"}, {"eigenvalues": "2.67, 0.67"}, True),
    ("pca", {"data": "[[2,0],[0,2],[3,1],[1,3]]"}, {"eigenvalues": "2.6, 0.6"}, False),
    ("angle", {"u": "[1,0]", "v": "[1,1]"}, "0.785", True),  # pi/4 = 0.78539..
    ("angle", {"u": "[1,0]", "v": "[1,1]"}, "0.78", False),
    ("projection", {"u": "[1,2]", "v": "[3,1]"}, "[1.5, 0.5]", True),  # (5/10)[3,1]
    ("projection", {"u": "[1,2]", "v": "[1,1]"}, "[1.5, 1.4]", False),  # 3/2 [1,1]
    ("norm", {"v": "[1,1]"}, "1.41", True),
    ("norm", {"v": "[1,1]"}, "1.42", False),
    # rref is unique, so its entries follow the rule too (1/3 = 0.333.., 2/3 = 0.666..)
    ("rref", {"matrix": "[[3,0,1],[0,3,2]]"}, "[[1,0,0.33],[0,1,0.67]]", True),
    ("rref", {"matrix": "[[3,0,1],[0,3,2]]"}, "[[1,0,0.3],[0,1,0.7]]", True),
    ("rref", {"matrix": "[[3,0,1],[0,3,2]]"}, "[[1,0,0.34],[0,1,0.67]]", False),
    ("rref", {"matrix": "[[3,0,1],[0,3,2]]"}, "[[1,0,0.33],[0,1.0,0.66]]", False),
])
def test_the_rule_on_course_answers(task, inputs, answer, right) -> None:
    v = sm.check(task, answer=answer, **inputs)
    assert v.correct is right, v.feedback


def test_the_verdict_names_the_places() -> None:
    v = sm.check("det", answer="0.02", matrix=SIXTIETH)
    assert v.method == "decimal" and "2 decimal places" in v.feedback
    v = sm.check("inverse", answer="[[0.6,-0.7],[-0.2,0.4]]", matrix=INV)
    assert v.correct and v.method == "exact"  # these decimals are the exact values
    v = sm.check("steady_state", answer="[0.83, 0.17]", matrix=MARKOV)
    assert v.correct and "correct to 2 decimal places" in v.feedback.lower()
    v = sm.check("solve_system", answer="x = 1.67, y = 2.33", equations=SYSTEM)
    assert v.correct and "correct to 2 decimal places" in v.feedback.lower()
    v = sm.check("eigenvalues", answer="5.37, -0.37", matrix=EIG)
    assert v.correct and "correct to 2 decimal places" in v.feedback.lower()
    v = sm.check("det", answer="-2.8", matrix=TIE)
    assert "-2.9" in v.feedback and "rounded to 1 decimal place" in v.feedback
    v = sm.check("inverse", answer="[[0.6,-0.7],[-0.2,0.5]]", matrix=INV)
    assert "entry (2, 2)" in v.feedback and "0.4" in v.feedback


@pytest.mark.parametrize(("task", "inputs", "answer", "tol", "right"), [
    ("solve_system", {"equations": SYSTEM}, "x = 1.6, y = 2.3", {"abs_tol": "0.1"}, True),
    ("solve_system", {"equations": SYSTEM}, "x = 1.6, y = 2.3", {"abs_tol": "0.01"}, False),
    ("eigenvalues", {"matrix": EIG}, "5.3, -0.3", {"abs_tol": "0.1"}, True),
    ("eigenvalues", {"matrix": EIG}, "5.3, -0.3", {"abs_tol": "0.05"}, False),
    ("eigenvalues", {"matrix": EIG}, "5.3, -0.3", {"rel_tol": "0.2"}, True),
    ("inverse", {"matrix": INV}, "[[0.6,-0.7],[-0.2,0.5]]", {"abs_tol": "0.2"}, True),
    ("inverse", {"matrix": INV}, "[[0.6,-0.7],[-0.2,0.5]]", {"abs_tol": "0.05"}, False),
    ("steady_state", {"matrix": MARKOV}, "[0.9, 0.1]", {"abs_tol": "0.1"}, True),
    ("det", {"matrix": TIE}, "-2.8", {"abs_tol": "0.1"}, True),
    ("rref", {"matrix": "[[3,0,1],[0,3,2]]"}, "[[1,0,0.3],[0,1,0.6]]", {"abs_tol": "0.1"}, True),
    ("rref", {"matrix": "[[3,0,1],[0,3,2]]"}, "[[1,0,0.3],[0,1,0.6]]", {"abs_tol": "0.05"},
     False),
])
def test_tolerances_apply_to_every_kind_of_answer(task, inputs, answer, tol, right) -> None:
    v = sm.check(task, answer=answer, **inputs, **tol)
    assert v.correct is right, v.feedback
    if right:
        assert v.method == "tolerance" or "tolerance" in v.feedback


def test_python_floats_count_their_places() -> None:
    assert sm.check("det", answer=0.02, matrix=SIXTIETH).correct is True
    assert sm.check("det", answer=-2.8, matrix=TIE).correct is False
    assert sm.check("inverse", answer=[[0.6, -0.7], [-0.2, 0.4]], matrix=INV).correct is True
    assert sm.check("inverse", answer=[[0.6, -0.7], [-0.2, 0.5]], matrix=INV).correct is False

"""Course problems of weeks 2-3 of course 2 (gradient descent, Newton's method, the
perceptron), kept apart from the development tests: each is solved, and right and wrong
answers are judged. Reference values are worked by hand (in the comments) or computed
here with ``math`` independently of the package."""

from __future__ import annotations

import math

import pytest
from sympy import Rational

import symbolic_mlmath as sm

PROBLEMS = [
    # (task, inputs, right answers, wrong answers with words the feedback must contain)
    # f = x^2, η = 0.1, x0 = 3: x_k = 3 (0.8)^k -> x_2 = 1.92
    ("gradient_descent", {"expr": "x^2", "x0": "3", "learning_rate": "0.1", "iterations": "2"},
     ["1.92", "48/25"], [("2.4", "x_1"), ("1.8", "")]),
    # f = x^2 + y^2 - 2x - 4y, η = 1/4 from (0, 0): ∇f = (2x - 2, 2y - 4)
    # x_1 = (1/2, 1), x_2 = (3/4, 3/2)
    ("gradient_descent", {"expr": "x^2 + y^2 - 2x - 4y", "vars": "x, y", "x0": "[0, 0]",
                          "learning_rate": "1/4", "iterations": "2"},
     ["(0.75, 1.5)", "x = 3/4, y = 3/2"], [("(0.5, 1)", "x_1"), ("(0.75, 1.4)", "y")]),
    # one step uphill: x0 + η ∇f = (0, 0) + (1/4)(-2, -4) is the slip (-1/2, -1)
    ("gradient_descent", {"expr": "x^2 + y^2 - 2x - 4y", "vars": "x, y", "x0": "[0, 0]",
                          "learning_rate": "1/4", "iterations": "1"},
     ["[1/2, 1]"], [("[-1/2, -1]", "uphill")]),
    # x^3 - 2 = 0 from 1: x_1 = 1 + 1/3 = 4/3, x_2 = 4/3 - (10/27)/(16/3) = 91/72
    ("newton_method", {"f": "x^3 - 2", "x0": "1", "iterations": "2"},
     ["91/72", "1.2639"], [("4/3", "x_1"), ("1.27", "")]),
    # optimise x^4 - 3x from 1: f' = 4x^3 - 3, f'' = 12x^2, x_1 = 1 - 1/12 = 11/12
    ("newton_method", {"f": "x^4 - 3x", "x0": "1", "iterations": "1", "mode": "optimize"},
     ["11/12", "0.9167"], [("13/12", "added")]),
    # a quadratic: one Newton step lands on the minimum (2/3, -1/3) of x^2 + xy + y^2 - x
    ("newton_method", {"f": "x^2 + x y + y^2 - x", "vars": "x, y", "x0": "[5, -7]",
                       "iterations": "1", "mode": "optimize"},
     ["(2/3, -1/3)", "(0.667, -0.333)"], [("(5, -7)", "x_0")]),
]


@pytest.mark.parametrize(("task", "inputs", "right", "wrong"), PROBLEMS,
                         ids=[f"{p[0]}-{i}" for i, p in enumerate(PROBLEMS)])
def test_course_problem(task, inputs, right, wrong):
    sm.solve(task, **inputs).validate()
    for answer in right:
        v = sm.check(task, answer=answer, **inputs)
        assert v.correct is True, (answer, v.feedback)
    for answer, words in wrong:
        v = sm.check(task, answer=answer, **inputs)
        assert v.correct is False, (answer, v.feedback)
        assert words in v.feedback, v.feedback


def test_linear_regression_by_descent_matches_the_hand_solution():
    # x = 1, 2, 3; y = 2, 3, 5: slope S_xy/S_xx = 3/2, intercept 10/3 - 2 (3/2) = 1/3
    d = sm.solve("gradient_descent", x="[1, 2, 3]", y="[2, 3, 5]", learning_rate="0.1",
                 iterations="500").validate()
    assert list(d.result["normal_equations"]) == [Rational(3, 2), Rational(1, 3)]
    assert float(d.result["point"][0]) == pytest.approx(1.5, abs=1e-4)
    assert float(d.result["point"][1]) == pytest.approx(1 / 3, abs=1e-4)


def test_perceptron_classification_course_style():
    # W = [1, -1], b = 0.5, x = (2, 1), y = 0: z = 1.5, σ(z) = a, δ = a - y = a
    kw = {"network": "2 -> 1 sigmoid", "loss": "log loss", "x": "[2, 1]", "y": "[0]",
          "params": "W1 = [[1, -1]]; b1 = [0.5]"}
    a = 1 / (1 + math.exp(-1.5))
    d = sm.solve("backprop", **kw).validate()
    assert float(d.result["dL/dw1_11"]) == pytest.approx(2 * a, rel=1e-14)
    assert float(d.result["loss"]) == pytest.approx(-math.log(1 - a), rel=1e-14)
    assert sm.check("backprop", answer="1.6351", wrt="w1_11", **kw).correct is True
    assert sm.check("backprop", answer=f"{a:.4f}", wrt="b1_1", **kw).correct is True
    wrong = sm.check("backprop", answer="-1.6351", wrt="w1_11", **kw)
    assert wrong.correct is False and "sign" in wrong.feedback


def test_perceptron_regression_course_style():
    # W = [0.5, 1], b = 0, x = (2, 3), y = 5: ŷ = 4, L = ½(4 - 5)² = ½, ∂L/∂w2 = (ŷ - y) x2 = -3
    kw = {"network": "2 -> 1 identity", "loss": "squared", "x": "[2, 3]", "y": "[5]",
          "params": "W1 = [[0.5, 1]]; b1 = [0]"}
    d = sm.solve("backprop", **kw).validate()
    assert d.result["loss"] == Rational(1, 2)
    assert d.result["dL/dW1"].tolist() == [[-2, -3]]
    assert sm.check("backprop", answer="-3", wrt="w1_12", **kw).correct is True
    assert sm.check("backprop", answer="[[-2, -3]]", wrt="W1", **kw).correct is True
    assert sm.check("backprop", answer="-1", wrt="w1_12", **kw).correct is False

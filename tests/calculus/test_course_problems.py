"""Course problems of weeks 1-2 (derivatives, optimisation, gradients), kept aside from the
engine's own tests: each is solved, and a right and a wrong learner answer are judged.

Expected values are hand values from the course's worked problems.
"""

from __future__ import annotations

import pytest

import symbolic_mlmath as sm

# (task, inputs, a right answer as a learner types it, a wrong one, the slip named or None)
PROBLEMS = [
    ("derivative", {"expr": "3x^4 - 2x^2 + 7"}, "12x^3 - 4x", "12x^3 - 4x + 7", None),
    ("derivative", {"expr": "x^3", "at": "x = 2"}, "12", "8", None),
    ("derivative", {"expr": "1/x"}, "-1/x^2", "1/x^2", None),
    ("derivative", {"expr": "sqrt(x)"}, "1/(2 sqrt(x))", "1/sqrt(x)", None),
    ("derivative", {"expr": "e^(2x)"}, "2e^(2x)", "e^(2x)", "inner derivative missing"),
    ("derivative", {"expr": "ln(3x + 1)"}, "3/(3x + 1)", "1/(3x + 1)", "inner derivative missing"),
    ("derivative", {"expr": "x^2 e^x"}, "e^x (x^2 + 2x)", "2x e^x", "product rule term missing"),
    ("derivative", {"expr": "x/(x + 1)"}, "1/(x + 1)^2", "-1/(x + 1)^2", "quotient rule sign"),
    ("derivative", {"expr": "x^5"}, "5x^4", "5x^5", "exponent not lowered"),
    ("derivative", {"expr": "2^x"}, "2^x ln(2)", "x 2^(x - 1)", "power rule on an exponential"),
    ("derivative", {"expr": "cos(x)"}, "-sin(x)", "sin(x)", "cosine sign"),
    ("derivative", {"expr": "sin(x) cos(x)"}, "cos(2x)", "-sin(x) cos(x)", None),
    ("derivative", {"expr": "sigma(x)"}, "sigma(x)(1 - sigma(x))", "sigma(x)^2", None),
    ("derivative", {"expr": "sigma(x)"}, "e^(-x)/(1 + e^(-x))^2", "e^(-x)/(1 + e^(-x))", None),
    ("derivative", {"expr": "tanh(x)"}, "1 - tanh(x)^2", "1 + tanh(x)^2", None),
    ("derivative", {"expr": "ln(1 + e^x)"}, "e^x/(1 + e^x)", "1/(1 + e^x)", None),
    ("derivative", {"expr": "x^x"}, "x^x (1 + ln x)", "x x^(x - 1)", None),
    ("second_derivative", {"expr": "x^3 - 3x"}, "6x", "3x^2 - 3", None),
    ("partial_derivative", {"expr": "x^2 y^3", "var": "y"}, "3x^2 y^2", "2x y^3", None),
    ("gradient", {"expr": "x^2 + x y + y^2", "vars": "x, y"}, "[2x + y, x + 2y]",
     "[2x, 2y]", None),
    ("gradient", {"expr": "x^2 + x y + y^2", "vars": "x, y", "at": "x = 1, y = -1"}, "[1, -1]",
     "[1, 1]", None),
    ("hessian", {"expr": "x^3 + x y^2", "vars": "x, y"}, "[[6x, 2y], [2y, 2x]]",
     "[[6x, y], [y, 2x]]", None),
    ("critical_points", {"expr": "x^3 - 12x"}, "x = -2: max; x = 2: min", "x = -2: min; x = 2: max",
     None),
    ("critical_points", {"expr": "x^2 + y^2 - 2x + 4y", "vars": "x, y"}, "(1, -2): min",
     "(-1, 2): min", None),
    ("critical_points", {"expr": "x y", "vars": "x, y"}, "(0, 0): saddle", "(0, 0): min", None),
    ("minimize", {"expr": "(x - 3)^2 + 1"}, "x = 3", "x = 1", None),
    ("minimize", {"expr": "x^2 - 4x", "domain": "[3, 5]"}, "x = 3, min = -3", "x = 2", None),
    ("minimize", {"expr": "-(3 ln p + 7 ln(1 - p))", "domain": "0 < p < 1"}, "3/10", "7/10",
     None),
    ("minimize", {"expr": "(2 - w)^2 + (4 - 2w)^2 + (5 - 3w)^2", "vars": "w"}, "w = 25/14",
     "w = 2", None),
]


@pytest.mark.parametrize(("task", "inputs", "right", "wrong", "slip"), PROBLEMS,
                         ids=[f"{p[0]}:{p[1]['expr']}" for p in PROBLEMS])
def test_course_problem(task, inputs, right, wrong, slip):
    d = sm.solve(task, **inputs)
    d.validate()
    good = sm.check(task, answer=right, **inputs)
    assert good.correct is True, good.feedback
    bad = sm.check(task, answer=wrong, **inputs)
    assert bad.correct is False, bad.feedback
    if slip:
        assert slip in bad.feedback, bad.feedback


def test_the_benchmark_corpus_validates():
    import importlib.util
    from pathlib import Path

    from symbolic_mlmath.calculus.differentiation import derive_derivative

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_calculus.py"
    spec = importlib.util.spec_from_file_location("bench_calculus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for expr, var in module.corpus():
        derive_derivative(expr, var).validate()

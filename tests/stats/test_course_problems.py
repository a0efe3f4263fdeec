"""Course problems of weeks 1-3 (probability, random variables, describing, random vectors,
sampling), kept aside from the engines' own examples: each is solved, its answer taken from
a hand computation, and a learner's right and wrong answers are judged."""

from __future__ import annotations

import pytest
from sympy import Rational

from symbolic_mlmath.api import check, solve

R = Rational
DICE = {"X1": "die(6)", "X2": "die(6)"}

PROBLEMS = [
    # (task, inputs, exact answer by hand, a right learner answer, a wrong one)
    ("probability", {"variables": DICE, "event": "X1 + X2 >= 10"}, R(6, 36), "1/6", "1/12"),
    ("probability", {"variables": DICE, "event": "X1 = 6 or X2 = 6"}, R(11, 36), "0.3056", "1/3"),
    ("probability", {"variables": {"C1": "coin", "C2": "coin", "C3": "coin", "C4": "coin"},
                     "event": "C1 + C2 + C3 + C4 = 2"}, R(6, 16), "37.5%", "0.5"),
    ("probability", {"variables": DICE, "event": "X1 > X2"}, R(15, 36), "5/12", "1/2"),
    ("probability", {"event": "A given B", "probabilities": {"A and B": "0.12", "B": "0.4"}},
     R(3, 10), "0.3", "0.12"),
    ("pmf", {"distribution": "binomial(5, 0.5)", "x": 2}, R(10, 32), "0.3125", "0.25"),
    ("cdf", {"distribution": "binomial(5, 0.5)", "x": 2}, R(16, 32), "1/2", "0.3125"),
    ("probability", {"variables": {"X": "binomial(5, 0.5)"}, "event": "X >= 3"}, R(16, 32),
     "0.5", "0.8125"),
    ("pdf", {"distribution": "uniform(0, 4)", "x": 1}, R(1, 4), "0.25", "1"),
    ("cdf", {"distribution": "exponential(0.5)", "x": 2}, None, "0.6321", "0.3679"),
    ("probability", {"variables": {"X": "normal(15, 5)"}, "event": "X > 20"}, None, "0.1587",
     "0.8413"),
    ("quantile", {"distribution": "normal(100, 15)", "q": "0.9"}, None, "119.2", "1.28"),
    ("expectation", {"distribution": "die(6)"}, R(7, 2), "3.5", "3"),
    ("variance", {"distribution": "binomial(20, 0.25)"}, R(15, 4), "3.75", "5"),
    ("std", {"distribution": "binomial(20, 0.25)"}, None, "1.936", "3.75"),
    ("variance", {"distribution": "die(6)", "expr": "2X + 3"}, R(35, 3), "11.67", "14.67"),
    ("sample_mean", {"data": "3 7 8 5 12 14 21 13 18"}, R(101, 9), "11.22", "12"),
    ("sample_variance", {"data": "2 4 6 8"}, R(20, 3), "6.667", "5"),
    ("covariance", {"joint_pmf": {"(0, 0)": "0.25", "(0, 1)": "0.25", "(1, 0)": "0",
                                  "(1, 1)": "0.5"}}, R(1, 8), "0.125", "0.5"),
    ("bayes", {"prior": {"fair": "0.5", "biased": "0.5"},
               "likelihood": {"fair": "1/4", "biased": "9/16"}}, None,
     "{fair: 4/13, biased: 9/13}", "{fair: 0.25, biased: 0.5625}"),
]


@pytest.mark.parametrize(("task", "inputs", "exact", "right", "wrong"), PROBLEMS,
                         ids=[f"{p[0]}-{k}" for k, p in enumerate(PROBLEMS)])
def test_course_problem(task, inputs, exact, right, wrong):
    d = solve(task, **inputs)
    if exact is not None:
        assert d.result == exact
    d.validate()
    assert check(task, answer=right, **inputs).correct is True
    assert check(task, answer=wrong, **inputs).correct is False


def test_distribution_answers_compared_by_parameters():
    from symbolic_mlmath.stats.answers_prob import compare_distribution, parse_dist

    want = parse_dist("binomial(10, 0.3)")
    assert compare_distribution(want, "Bin(10, 3/10)").correct
    v = compare_distribution(parse_dist("normal(0, 2)"), "N(0, 4)")
    assert v.correct is False and "variance" in v.feedback
    assert "rate" in compare_distribution(parse_dist("exponential(2)"), "exponential(0.5)").feedback
    assert "Poisson" in compare_distribution(want, "poisson(3)").feedback

"""Course problems of weeks 3-4 (MLE, Bayes, intervals, tests), kept aside with their hand
answers: each is solved, and a learner's right answer is accepted and a slip is named."""

from __future__ import annotations

import pytest

import symbolic_mlmath as sm

# task, inputs, a right answer (as a learner writes it), a wrong one and the words its
# feedback must contain. Hand values: see the comment on each line.
PROBLEMS = [
    # 7 heads in 10 flips: p = 7/10
    ("mle", {"distribution": "bernoulli", "data": "1 1 0 1 1 0 1 1 0 1"}, "p = 0.7",
     "p = 0.3", "not right"),
    # waiting times 2, 4, 3, 7 (exponential rate): 1/xbar = 4/16 = 0.25
    ("mle", {"distribution": "exponential", "data": "2 4 3 7"}, "lambda = 0.25", "lambda = 4",
     "reciprocal"),
    # heights 170 165 180 175 160: xbar 170, s^2 = 250/4, se = s/sqrt5 = 3.5355,
    # t(0.025, 4) = 2.7764 -> 170 -+ 9.816
    ("ci_mean", {"data": "170 165 180 175 160"}, "(160.18, 179.82)", "(163.07, 176.93)",
     "z critical value"),
    # n = 36, xbar = 103, sigma = 12: z = 3/2 = 1.5, two-sided p = 0.1336
    ("z_test", {"xbar": 103, "n": 36, "sigma": 12, "mu0": 100}, "z = 1.5, p = 0.1336, fail to reject",
     "z = 1.5, p = 0.0668", "one-sided p-value"),
    # 540 of 1000, H1: p > 0.5: z = 0.04 / 0.0158114 = 2.530, p = 0.0057
    ("proportion_test", {"x": 540, "n": 1000, "p0": "0.5", "alternative": "greater"},
     "z = 2.53, p = 0.0057, reject", "z = 2.53, p = 0.0057, fail to reject",
     "contradicts your own p-value"),
    # within 4% at 95%: 1.96^2 / 4 / 0.0016 = 600.23 -> 601
    ("sample_size", {"margin": "0.04", "confidence": "0.95"}, "601", "600", "rounded up"),
    # Beta(1, 1) prior, 7 of 10: Beta(8, 4), mean 2/3, mode 7/10 (0.7 alone would be 2/3
    # correctly rounded to one place, so the slip is written to two: 0.70, not 0.67)
    ("posterior", {"prior": "beta(1, 1)", "likelihood": "bernoulli",
                   "data": "1 1 0 1 1 0 1 1 0 1"}, "mean = 0.667, mode = 0.7", "mean = 0.70",
     "mode (MAP)"),
    # weights before/after: differences 2, 1, 3, 0, 2 -> dbar 1.6, s_d^2 = 1.3, t = 1.6/0.5099
    # = 3.138, df 4, p = 0.0349
    ("two_sample_test", {"sample1": "80 75 90 68 85", "sample2": "78 74 87 68 83",
                         "test": "paired"}, "t = 3.14, df = 4, p = 0.035, reject", "df = 8",
     "not right"),
    # (1,2) (2,4) (3,5) (4,4) (5,5): Sxy = 6, Sxx = 10 -> slope 0.6, intercept 4 - 1.8 = 2.2
    ("linear_regression", {"x": "[1, 2, 3, 4, 5]", "y": "[2, 4, 5, 4, 5]"},
     "slope = 0.6, intercept = 2.2", "slope = 0.5", "not right"),
    # 3 methods: means 2, 3, 6, SSB = 26, SSW = 6, F = 13 on (2, 6), p = 0.0066
    ("anova", {"groups": "[[1, 2, 3], [2, 3, 4], [5, 6, 7]]"}, "F = 13, p = 0.0066, reject",
     "F = 0.0769", "upside down"),
    # control 120/1000, variation 150/1000: lift = 0.03 / 0.12 = 0.25
    ("ab_test", {"control": "[120, 1000]", "variation": "[150, 1000]"}, "lift = 25%",
     "lift = 0.03", "absolute difference"),
]


@pytest.mark.parametrize(("task", "inputs", "right", "wrong", "words"), PROBLEMS,
                         ids=[f"{p[0]}-{k}" for k, p in enumerate(PROBLEMS)])
def test_course_problem(task, inputs, right, wrong, words):
    d = sm.solve(task, **inputs)
    d.validate()
    v = sm.check(task, answer=right, **inputs)
    assert v.correct is True, v.feedback
    w = sm.check(task, answer=wrong, **inputs)
    assert w.correct is False, w.feedback
    assert words in w.feedback, w.feedback


def test_hand_values_agree_with_scipy():
    stats = pytest.importorskip("scipy.stats")
    assert abs(2 * stats.norm.sf(1.5) - 0.1336) < 5e-5
    assert abs(stats.norm.sf(0.04 / (0.25 / 1000) ** 0.5) - 0.0057) < 5e-5
    r = stats.ttest_rel([80, 75, 90, 68, 85], [78, 74, 87, 68, 83])
    assert abs(r.statistic - 3.138) < 5e-4 and abs(r.pvalue - 0.035) < 5e-4

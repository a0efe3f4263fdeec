"""expectation, variance and std of distributions and data: both routes, slips named."""

from __future__ import annotations

import pytest
from sympy import Rational, Symbol, sqrt

from symbolic_mlmath.api import check, solve
from symbolic_mlmath.core.errors import InputError

scipy_stats = pytest.importorskip("scipy.stats", reason="scipy is the test-only reference")
R = Rational
X = Symbol("X")

CASES = [
    ("binomial(10, 0.3)", lambda s: s.binom(10, 0.3)),
    ("poisson(3)", lambda s: s.poisson(3)),
    ("geometric(1/4)", lambda s: s.geom(0.25)),
    ("die(6)", lambda s: s.randint(1, 7)),
    ("normal(1, 2)", lambda s: s.norm(1, 2)),
    ("exponential(2)", lambda s: s.expon(scale=0.5)),
    ("uniform(0, 2)", lambda s: s.uniform(0, 2)),
    ("chi2(3)", lambda s: s.chi2(3)),
    ("beta(2, 3)", lambda s: s.beta(2, 3)),
    ("t(5)", lambda s: s.t(5)),
    ("gamma(3, 2)", lambda s: s.gamma(3, scale=2)),
]


@pytest.mark.parametrize(("text", "make"), CASES, ids=[c[0] for c in CASES])
def test_mean_variance_std_match_scipy_and_validate(text, make):
    ref = make(scipy_stats)
    mean, var = (float(v) for v in ref.stats(moments="mv"))
    e = solve("expectation", distribution=text)
    v = solve("variance", distribution=text)
    s = solve("std", distribution=text)
    for d in (e, v, s):
        d.validate()
    assert abs(float(e.result) - mean) < 1e-12 * max(1, abs(mean))
    assert abs(float(v.result) - var) < 1e-12 * max(1, var)
    assert abs(float(s.result) - var**0.5) < 1e-12 * max(1, var)
    assert e.steps[0].rule.value == "moment_formula"  # the shortcut first, then the definition
    assert any(st.rule.value == "expectation_definition" for st in e.steps)


@pytest.mark.parametrize(
    ("text", "expr", "task", "want"),
    [
        ("normal(1, 2)", "3X + 1", "expectation", 4),
        ("normal(1, 2)", "3X + 1", "variance", 36),
        ("normal(1, 2)", "X^2", "expectation", 5),
        ("die(6)", "X^2", "expectation", R(91, 6)),
        ("binomial(4, 1/2)", "2^X", "expectation", R(81, 16)),
        ("exponential(1)", "exp(X/2)", "expectation", 2),
        ("uniform(0, 1)", "X^2", "variance", R(4, 45)),
    ],
)
def test_functions_of_x(text, expr, task, want):
    d = solve(task, distribution=text, expr=expr)
    assert d.result == want
    d.validate()


def test_linearity_and_affine_variance_steps_are_named():
    e = solve("expectation", distribution="poisson(2)", expr="5X - 3")
    assert e.steps[0].rule.value == "linearity_of_expectation"
    v = solve("variance", distribution="poisson(2)", expr="5X - 3")
    assert v.steps[0].rule.value == "variance_affine" and v.result == 50


def test_undefined_moments_are_clear_errors():
    with pytest.raises(InputError, match="no mean"):
        solve("expectation", distribution="t(1)")


@pytest.mark.parametrize(
    ("inputs", "answer", "correct", "phrase"),
    [
        ({"distribution": "normal(1, 2)", "expr": "3X+1"}, "12", False, "a^2"),
        ({"distribution": "normal(1, 2)"}, "2", False, "standard deviation"),
        ({"distribution": "poisson(3)"}, "12", False, "E[X^2]"),
        ({"data": "2 4 4 4 5 5 7 9"}, "4", False, "n instead of n - 1"),
        ({"data": "2 4 4 4 5 5 7 9"}, "4.571", True, ""),
        ({"data": "2 4 4 4 5 5 7 9", "ddof": 0}, "32/7", False, "population"),
    ],
)
def test_variance_slips(inputs, answer, correct, phrase):
    v = check("variance", answer=answer, **inputs)
    assert v.correct is correct, v.feedback
    assert phrase in v.feedback


def test_expectation_slips():
    assert check("expectation", answer="3", distribution="binomial(10, 0.3)").correct
    v = check("expectation", answer="9", distribution="binomial(10, 0.3)", expr="X^2")
    assert v.correct is False and "g(E[X])" in v.feedback


def test_std_of_data_is_an_exact_surd_with_slips():
    d = solve("std", data="2 4 4 4 5 5 7 9")
    assert d.result == 4 * sqrt(14) / 7
    d.validate()
    assert "variance instead" in check("std", answer="32/7", data="2 4 4 4 5 5 7 9").feedback
    assert check("std", answer="2.138", data="2 4 4 4 5 5 7 9").correct


def test_data_or_distribution_not_both():
    with pytest.raises(InputError):
        solve("expectation", distribution="poisson(2)", data="1 2")
    with pytest.raises(InputError):
        solve("expectation")

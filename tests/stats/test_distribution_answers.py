"""Distributions as answers: sums of independent variables, the sampling distribution of the
mean and conjugate posteriors, judged by family and parameters with the slips named.
References: hand values (3-4-5 normals), scipy convolutions and scipy.stats moments."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import integrate, stats
from sympy import Rational, sqrt

from symbolic_mlmath.api import check, solve
from symbolic_mlmath.core.errors import InputError, TaskError
from symbolic_mlmath.stats.combinations import as_distribution

R = Rational
NORMALS = {"X": "normal(1, 3)", "Y": "normal(2, 4)"}


def _dist(d):
    return as_distribution(d.result)


def test_sum_of_normals_by_hand():
    d = solve("distribution_of", variables=NORMALS, expression="X + Y")
    D = _dist(d)
    assert (D.family, D.params) == ("normal", (3, 5))  # sd sqrt(9 + 16) = 5
    d.validate()
    D = _dist(solve("distribution_of", variables=NORMALS, expression="2X - Y + 1"))
    assert D.params == (1, sqrt(4 * 9 + 16))


def test_poisson_and_exponential_sums_against_scipy_convolutions():
    D = _dist(solve("distribution_of", variables={"X": "poisson(2)", "Y": "poisson(3)"},
                    expression="X + Y"))
    conv = np.convolve(stats.poisson(2).pmf(np.arange(30)), stats.poisson(3).pmf(np.arange(30)))
    assert (D.family, D.params) == ("poisson", (5,))
    assert np.allclose(conv[:20], stats.poisson(5).pmf(np.arange(20)), rtol=1e-12)
    D = _dist(solve("distribution_of", variables={"X": "exponential(2)", "Y": "exponential(2)"},
                    expression="X + Y"))
    assert (D.family, D.params) == ("gamma", (2, R(1, 2)))
    t = 0.7
    ref, _ = integrate.quad(lambda s: stats.expon(scale=0.5).pdf(s)
                            * stats.expon(scale=0.5).pdf(t - s), 0, t)
    assert abs(float(D.pdf_numeric(R(7, 10), 20)) - ref) < 1e-12


def test_sampling_distribution_of_the_mean():
    d = solve("sampling_distribution", distribution="normal(100, 15)", n=25)
    assert _dist(d).params == (100, 3)
    assert d.steps[-1].rule.value == "closed_family"
    d = solve("sampling_distribution", distribution="exponential(2)", n=50)
    D = _dist(d)
    ref = stats.expon(scale=0.5)
    assert d.steps[-1].rule.value == "clt_approximation"
    assert abs(float(D.params[1]) - ref.std() / np.sqrt(50)) < 1e-15
    d.validate()
    D = _dist(solve("sampling_distribution", distribution="bernoulli(0.3)", n=10,
                    statistic="sum"))
    assert (D.family, D.params) == ("binomial", (10, R(3, 10)))


@pytest.mark.parametrize(("task", "kw", "answer", "slip"), [
    ("sampling_distribution", {"distribution": "normal(100, 15)", "n": 25}, "N(100, 15)",
     "spread of one draw"),
    ("sampling_distribution", {"distribution": "normal(100, 15)", "n": 25}, "N(100, 3/5)",
     "σ/n"),
    ("sampling_distribution", {"distribution": "normal(100, 15)", "n": 25}, "N(100, 9)",
     "variance"),
    ("distribution_of", {"variables": NORMALS, "expression": "X + Y"}, "N(3, 7)",
     "standard deviations added"),
    ("distribution_of", {"variables": NORMALS, "expression": "Y - X"}, "N(1, sqrt(7))",
     "variance subtracted"),
    ("distribution_of", {"variables": NORMALS, "expression": "X + Y"}, "poisson(3)",
     "Poisson"),
    ("posterior", {"prior": "gamma(2, 1)", "likelihood": "poisson", "data": "3 1 2"},
     "gamma(8, 4)", "rate"),
    ("posterior", {"prior": "normal(0, 1)", "likelihood": "normal", "data": "1 2 3",
                   "known": {"sigma": 1}}, "N(3/2, 1/4)", "variance"),
    ("posterior", {"prior": "beta(2, 2)", "likelihood": "bernoulli", "data": "1 0 1 1 1 0 1"},
     "beta(4, 7)", "swapped"),
])
def test_distribution_slips_are_named(task, kw, answer, slip):
    v = check(task, answer=answer, **kw)
    assert v.correct is False and slip in v.feedback


@pytest.mark.parametrize(("task", "kw", "answer"), [
    ("sampling_distribution", {"distribution": "normal(100, 15)", "n": 25}, "N(mu=100, variance=9)"),
    ("distribution_of", {"variables": NORMALS, "expression": "X + Y"}, "Normal(3, 5)"),
    ("posterior", {"prior": "gamma(2, 1)", "likelihood": "poisson", "data": "3 1 2"},
     "gamma(shape=8, rate=4)"),
])
def test_distribution_answers_accepted(task, kw, answer):
    assert check(task, answer=answer, **kw).correct


def test_refusals():
    with pytest.raises(TaskError):
        solve("distribution_of", variables={"X": "uniform(0, 1)", "Y": "uniform(0, 1)"},
              expression="X + Y")
    with pytest.raises(InputError):
        solve("distribution_of", variables=NORMALS, expression="X*Y")

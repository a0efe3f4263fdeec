"""Sampling: the bias of the n divisor (checked on dice), seeded simulations are reproducible."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
from sympy import Rational, Symbol

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import verify_step
from symbolic_mlmath.stats.distributions import parse_distribution
from symbolic_mlmath.stats.sampling import clt_means, derive_lln, derive_variance_bias, draw


def test_bias_derivation_and_the_dice_reference():
    d = derive_variance_bias()
    d.validate()
    n, sigma = Symbol("n", integer=True, positive=True), Symbol("sigma", positive=True)
    rolls = list(itertools.product(range(1, 7), repeat=3))
    by_hand = sum(Fraction(sum((x - Fraction(sum(r), 3)) ** 2 for x in r), 3) for r in rolls) / 216
    assert d.result.subs({n: 3, sigma: Rational(35, 12) ** Rational(1, 2)}) == Rational(
        by_hand.numerator, by_hand.denominator)
    assert derive_variance_bias("n-1").result == sigma**2


def test_a_wrong_bias_step_is_caught():
    s = derive_variance_bias().steps[2]
    sigma, n = Symbol("sigma", positive=True), Symbol("n", integer=True, positive=True)
    bad = Step(s.rule, s.before, s.after + sigma**2 / n, s.given)
    assert "three dice" in verify_step(bad)


@pytest.mark.parametrize("text", ["die(6)", "normal(1, 2)", "poisson(3)", "beta(2, 3)",
                                  "binomial(10, 0.3)", "exponential(2)", "t(5)", "gamma(2, 3)"])
def test_draws_are_seeded_and_have_the_right_mean(text):
    D = parse_distribution(text)
    a, b = draw(D, 20000, seed=5), draw(D, 20000, seed=5)
    assert np.array_equal(a, b)
    assert abs(a.mean() - float(D.mean())) < 5 * float(D.std()) / np.sqrt(20000)
    if D.family != "t":  # E and Var against sampling (the t's fourth moment is infinite)
        assert abs(a.var(ddof=1) / float(D.variance()) - 1) < 0.1


def test_lln_rerun_and_clt_shape():
    d = derive_lln(parse_distribution("die(6)"), 1000, seed=2)
    d.validate()
    z = clt_means(parse_distribution("exponential(1)"), 50, reps=3000, seed=4)
    assert abs(z.mean()) < 0.1 and abs(z.std() - 1) < 0.1

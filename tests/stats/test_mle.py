"""mle: calculus derivations equal the closed forms (hand, scipy fits) on random data and on a
symbolic sample; every step is checked; a wrong step is caught; checking names slips."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Indexed, IndexedBase, Rational, Sum, Symbol

import symbolic_mlmath as sm
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import Derivation, DerivationError, Step
from symbolic_mlmath.stats.mle import derive_mle

n = Symbol("n", integer=True, positive=True)
i = Symbol("i", integer=True, positive=True)
x = IndexedBase("x", real=True)
S1 = Sum(x[i], (i, 1, n))


@pytest.mark.parametrize(("family", "known", "param", "closed"), [
    ("bernoulli", None, "p", S1 / n),
    ("poisson", None, "lambda", S1 / n),
    ("exponential", None, "lambda", n / S1),
    ("geometric", None, "p", n / S1),
    ("binomial", {"n": 10}, "p", S1 / (10 * n)),
    ("normal", {"sigma": 2}, "mu", S1 / n),
])
def test_symbolic_sample(family, known, param, closed):
    d = derive_mle(family, known=known)
    d.validate()
    assert d.result[param] == closed
    assert [s.rule.value for s in d.steps] == [
        "likelihood", "log_likelihood", "score", "set_score_to_zero", "second_derivative_check"]


def test_normal_jointly_with_hessian():
    d = derive_mle("normal")
    d.validate()
    S2 = Sum(x[i] ** 2, (i, 1, n))
    assert d.result["mu"] == S1 / n
    assert (d.result["sigma"] ** 2 - (S2 / n - (S1 / n) ** 2)).expand() == 0
    assert d.steps[-1].rule.value == "hessian_check"


def test_uniform_boundary():
    d = derive_mle("uniform", data="0.5 2.5 1.5")
    d.validate()
    assert d.result == {"theta": Rational(5, 2)}
    assert d.steps[-1].rule.value == "boundary_maximum"
    assert "decreases" in d.to_text()


def _fr(v):
    return Fraction(v).limit_denominator(10**6)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(0, 1), min_size=2, max_size=12).filter(lambda v: 0 < sum(v) < len(v)))
def test_bernoulli_is_the_proportion(data):
    r = derive_mle("bernoulli", data=data).result
    assert r["p"] == Rational(sum(data), len(data))


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(1, 900), min_size=2, max_size=10))
def test_exponential_and_normal_match_scipy_fits(raw):
    stats = pytest.importorskip("scipy.stats")
    data = [v / 10 for v in raw]
    lam = derive_mle("exponential", data=data).result["lambda"]
    assert lam == Rational(len(data)) / sum(Rational(v, 10) for v in raw)
    _loc, scale = stats.expon.fit(data, floc=0)
    assert abs(float(lam) - 1 / scale) < 1e-9 * float(lam)
    if len(set(raw)) > 1:
        r = derive_mle("normal", data=data).result
        mu, sd = stats.norm.fit(data)
        assert abs(float(r["mu"]) - mu) < 1e-9 * max(1, abs(mu))
        assert abs(float(r["sigma"]) - sd) < 1e-9 * max(1, sd)


def test_poisson_and_geometric_with_data():
    assert derive_mle("poisson", data="2 0 3 1 4").result == {"lambda": 2}
    assert derive_mle("geometric", data="1 3 2 2").result == {"p": Rational(1, 2)}
    assert derive_mle("binomial", data="3 5 4", known={"n": 10}).result == {"p": Rational(2, 5)}
    assert derive_mle("normal", data="2 4 4 4 5 5 7 9").result == {"mu": 5, "sigma": 2}


def test_a_wrong_step_is_caught():
    d = derive_mle("poisson")
    steps = list(d.steps)
    from sympy import Eq, Tuple

    lam = d.steps[0].given["parameters"][0]
    bad = steps[3]
    steps[3] = Step(bad.rule, bad.before, Tuple(Eq(lam, S1 / (n - 1))),
                    {**bad.given, "solution": Tuple(Eq(lam, S1 / (n - 1)))})
    with pytest.raises(DerivationError, match="set_score_to_zero"):
        Derivation(d.title, d.goal, tuple(steps), d.result).validate()
    steps = list(d.steps)
    bad = steps[2]
    steps[2] = Step(bad.rule, bad.before, bad.after * 2, bad.given)
    with pytest.raises(DerivationError, match="score"):
        Derivation(d.title, d.goal, tuple(steps), d.result).validate()


@pytest.mark.parametrize(("inputs", "message"), [
    ({"distribution": "gamma"}, "no closed-form"),
    ({"distribution": "binomial"}, "number of trials"),
    ({"distribution": "bernoulli", "data": "1 0 2"}, "not a possible bernoulli"),
    ({"distribution": "exponential", "data": "1 -2"}, "not a possible"),
    ({"distribution": "normal", "known": "{mu: 0, sigma: 1}"}, "nothing to estimate"),
])
def test_bad_input(inputs, message):
    with pytest.raises(InputError, match=message):
        sm.solve("mle", **inputs)


@pytest.mark.parametrize(("inputs", "answer", "ok", "named"), [
    ({"distribution": "bernoulli", "data": "1 0 1 1 0 1 1 1 0 1"}, "p = 0.7", True, ""),
    ({"distribution": "bernoulli", "data": "1 0 1 1 0 1 1 1 0 1"}, "7/10", True, ""),
    ({"distribution": "normal", "data": "2 4 4 4 5 5 7 9"}, "mu = 5, sigma = 2.138", False,
     "n - 1"),
    ({"distribution": "normal", "data": "2 4 4 4 5 5 7 9"}, "sigma = 4", False, "variance"),
    ({"distribution": "normal"}, "mu = xbar, sigma = sqrt(sum(x_i^2)/n - xbar^2)", True, ""),
    ({"distribution": "exponential"}, "lambda = n/sum(x_i)", True, ""),
    ({"distribution": "exponential"}, "lambda = xbar", False, "mean, not its reciprocal"),
    ({"distribution": "uniform", "data": "0.5 2.5 1.5"}, "theta = 2.5", True, ""),
])
def test_checking(inputs, answer, ok, named):
    v = sm.check("mle", answer=answer, **inputs)
    assert v.correct is ok, v.feedback
    assert named in v.feedback


def test_renders():
    d = sm.solve("mle", distribution="bernoulli")
    assert "∂ℓ/∂θ = 0" in d.to_text()
    assert r"\sum_{i=1}^{n}" in d.to_latex()
    assert isinstance(d.steps[0].after.function.atoms(Indexed).pop(), Indexed)

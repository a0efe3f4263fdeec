"""posterior / map_estimate: conjugate updates by kernel recognition against scipy and hand
values; discrete hypotheses; MAP = ridge against numpy; checking."""

from __future__ import annotations

import pytest
from sympy import Rational

import symbolic_mlmath as sm
from symbolic_mlmath.core.errors import InputError

stats = pytest.importorskip("scipy.stats")


@pytest.mark.parametrize(("prior", "likelihood", "data", "known", "family", "params"), [
    ("beta(2, 2)", "bernoulli", "1 0 1 1 1 0 1", None, "beta", (7, 4)),
    ("beta(1, 1)", "binomial", "3 5 4", "{n: 10}", "beta", (13, 19)),
    ("beta(2, 3)", "geometric", "2 3 1", None, "beta", (5, 6)),
    ("gamma(2, 1)", "poisson", "3 1 2", None, "gamma", (8, Rational(1, 4))),
    ("gamma(2, 1)", "exponential", "0.5 1.5", None, "gamma", (4, Rational(1, 3))),
    ("normal(0, 1)", "normal", "1 2 3", "{sigma: 1}", "normal", (Rational(3, 2), Rational(1, 2))),
])
def test_conjugate_updates(prior, likelihood, data, known, family, params):
    d = sm.solve("posterior", prior=prior, likelihood=likelihood, data=data, known=known)
    d.validate()
    assert tuple(d.result["parameters"]) == params
    ref = {"beta": lambda a, b: stats.beta(float(a), float(b)),
           "gamma": lambda k, t: stats.gamma(float(k), scale=float(t)),
           "normal": lambda m, s: stats.norm(float(m), float(s))}[family](*params)
    assert abs(float(d.result["median"]) - ref.median()) < 1e-12
    assert abs(float(d.result["mean"]) - ref.mean()) < 1e-12


def test_normal_normal_formula():
    """mu_n = (mu0/tau^2 + sum x / sigma^2) / (1/tau^2 + n/sigma^2)."""
    r = sm.solve("posterior", prior="normal(10, 2)", likelihood="normal",
                 data="12 14 11 13", known="{sigma: 3}").result
    prec = Rational(1, 4) + Rational(4, 9)
    assert r["mean"] == (Rational(10, 4) + Rational(50, 9)) / prec
    assert tuple(r["parameters"])[1] ** 2 == 1 / prec


def test_discrete_hypotheses():
    r = sm.solve("posterior", prior="{fair: 1/2, biased: 1/2}",
                 likelihood="{fair: 1/8, biased: 27/64}").result
    assert r == {"fair": Rational(8, 35), "biased": Rational(27, 35)}


def test_map_is_the_mode_and_ridge_matches_numpy():
    np = pytest.importorskip("numpy")
    r = sm.solve("map_estimate", prior="beta(2, 2)", likelihood="bernoulli",
                 data="1 0 1 1 1 0 1").result
    assert r == {"p": Rational(2, 3)}
    d = sm.solve("map_estimate", x="[1, 2, 3, 4]", y="[2, 3, 5, 4]", sigma=2, tau=1)
    d.validate()
    X = np.column_stack([np.ones(4), [1, 2, 3, 4.0]])
    w = np.linalg.solve(X.T @ X + 4 * np.eye(2), X.T @ np.array([2, 3, 5, 4.0]))
    assert d.result["lambda"] == 4
    assert all(abs(float(a) - b) < 1e-12 for a, b in zip(d.result["weights"], w, strict=True))


@pytest.mark.parametrize(("inputs", "message"), [
    ({"prior": "beta(2, 2)", "likelihood": "poisson", "data": "1 2"}, "conjugate"),
    ({"prior": "normal(0, 1)", "likelihood": "normal", "data": "1 2"}, "conjugate"),
    ({"prior": "uniform(0, 1)", "likelihood": "bernoulli", "data": "1"}, "no conjugate"),
    ({"prior": "beta(2, 2)", "likelihood": "bernoulli"}, "needs data"),
    ({"prior": "{a: 1/2, b: 1/3}", "likelihood": "{a: 1/2, b: 1/2}"}, "add to"),
])
def test_bad_input(inputs, message):
    with pytest.raises(InputError, match=message):
        sm.solve("posterior", **inputs)


@pytest.mark.parametrize(("task", "answer", "ok", "named"), [
    ("posterior", "beta(7, 4)", True, ""),
    ("posterior", "Beta(6, 3)", False, "beta(7, 4)"),
    ("posterior", "mean = 0.6364, mode = 0.667", True, ""),
    ("posterior", "mean = 0.667", False, "mode (MAP), not the mean"),
    ("map_estimate", "p = 2/3", True, ""),
    ("map_estimate", "0.636", False, "posterior mean"),
])
def test_checking(task, answer, ok, named):
    v = sm.check(task, answer=answer, prior="beta(2, 2)", likelihood="bernoulli",
                 data="1 0 1 1 1 0 1")
    assert v.correct is ok, v.feedback
    assert named in v.feedback

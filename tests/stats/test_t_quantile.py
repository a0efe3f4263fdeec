"""The t quantile to 30 digits: Hill's start then Halley steps on the incomplete beta.

References: scipy.stats.t.ppf (about 14 digits) and mpmath's own findroot on the regularised
incomplete beta at 50 digits, started from scipy's value (independent of our start)."""

from __future__ import annotations

import mpmath
import pytest
from scipy import stats
from sympy import Rational

from symbolic_mlmath.stats.distributions import parse_distribution
from symbolic_mlmath.stats.highprec import mp_quantile
from symbolic_mlmath.stats.special import hill_t_start

CASES = [(3, "0.975"), (5, "0.975"), (10, "0.975"), (30, "0.995"), (100, "0.9"),
         (1000, "0.975"), (4, "0.9999"), (7.5, "0.9"), (2.5, "0.99"), (15, "0.6"),
         (8, "0.025"), (6, "0.999999999999"), (3, "0.500000001")]


def _reference50(nu: float, q: str) -> mpmath.mpf:
    with mpmath.workdps(50):
        nu_, q_ = mpmath.mpf(nu), mpmath.mpf(q)

        def cdf(t):
            tail = mpmath.betainc(nu_ / 2, mpmath.mpf(1) / 2, 0, nu_ / (nu_ + t * t),
                                  regularized=True) / 2
            return 1 - tail if t >= 0 else tail

        start = mpmath.mpf(float(stats.t.ppf(float(q), nu)))
        return mpmath.findroot(lambda t: cdf(t) - q_, start, tol=mpmath.mpf(10) ** -48)


@pytest.mark.parametrize(("nu", "q"), CASES)
def test_30_digits_against_mpmath_50_and_scipy(nu, q):
    D = parse_distribution(f"t({nu})")
    got = mp_quantile(D, Rational(q), 30)
    ref = _reference50(nu, q)
    with mpmath.workdps(50):
        assert abs(got - ref) <= mpmath.mpf(10) ** -30 * abs(ref)
    if abs(Rational(q) - Rational(1, 2)) < Rational(1, 10**6):
        return  # a float level so near 1/2 is itself off by 1e-8 relative: mpmath decides
    upper = float(1 - Rational(q))  # scipy's isf: the upper tail exactly as a float
    sp = stats.t.isf(upper, nu) if upper < 0.5 else stats.t.ppf(float(q), nu)
    assert abs(float(got) - sp) <= 1e-12 * abs(sp)


@pytest.mark.parametrize(("nu", "q"), CASES)
def test_hill_start_is_close(nu, q):
    p = float(1 - Rational(q))
    if p >= 0.5:
        pytest.skip("the start is for the upper half")
    assert abs(hill_t_start(p, nu) / stats.t.isf(p, nu) - 1) < 1e-3


def test_few_incomplete_beta_evaluations(monkeypatch):
    """A good start means few evaluations of I_x(a, b): at most 3 for 30 digits (the
    bracketing search before used about 16)."""
    calls = []
    real = mpmath.betainc

    def counting(*a, **k):
        calls.append(1)
        return real(*a, **k)

    monkeypatch.setattr(mpmath, "betainc", counting)
    D = parse_distribution("t(10)")
    got = mp_quantile(D, Rational(975, 1000), 30)
    assert len(calls) <= 3
    assert mpmath.nstr(got, 25) == "2.228138851986274748395491"

"""chi-square and gamma quantiles to 30 digits: Wilson-Hilferty (or the lower-tail power law)
start, then Halley steps on the regularised incomplete gamma.

References: scipy.stats (about 14 digits) and mpmath's own findroot at 50 digits started
from scipy's value."""

from __future__ import annotations

import mpmath
import pytest
from scipy import stats
from sympy import Rational

from symbolic_mlmath.stats.distributions import parse_distribution
from symbolic_mlmath.stats.highprec import mp_quantile

CASES = [("chi2(3)", "0.95", stats.chi2(3)), ("chi2(1)", "0.05", stats.chi2(1)),
         ("chi2(50)", "0.99", stats.chi2(50)), ("chi2(4)", "0.0000001", stats.chi2(4)),
         ("gamma(0.5, 2)", "0.3", stats.gamma(0.5, scale=2)),
         ("gamma(0.2, 1)", "0.01", stats.gamma(0.2)),
         ("gamma(7, 1/3)", "0.999999", stats.gamma(7, scale=1 / 3)),
         ("gamma(0.05, 1)", "0.9", stats.gamma(0.05)),
         ("chi2(10)", "0.025", stats.chi2(10))]


def _reference50(D, q: str, start: float) -> mpmath.mpf:
    with mpmath.workdps(50):
        k = mpmath.mpf(D.params[0]) / 2 if D.family == "chi2" else mpmath.mpf(
            D.params[0].p) / D.params[0].q
        theta = mpmath.mpf(2) if D.family == "chi2" else mpmath.mpf(
            D.params[1].p) / D.params[1].q
        q_ = mpmath.mpf(Rational(q).p) / Rational(q).q
        return mpmath.findroot(lambda x: mpmath.gammainc(k, 0, x / theta, regularized=True)
                               - q_, mpmath.mpf(start), tol=mpmath.mpf(10) ** -45)


@pytest.mark.parametrize(("text", "q", "ref"), CASES)
def test_30_digits_against_mpmath_50_and_scipy(text, q, ref):
    D = parse_distribution(text)
    got = mp_quantile(D, Rational(q), 30)
    upper = float(1 - Rational(q))
    sp = ref.isf(upper) if upper < 0.5 else ref.ppf(float(q))
    assert abs(float(got) - sp) <= 1e-11 * abs(sp)
    want = _reference50(D, q, sp)
    with mpmath.workdps(50):
        assert abs(got - want) <= mpmath.mpf(10) ** -30 * abs(want)


def test_few_incomplete_gamma_evaluations(monkeypatch):
    """At most 4 evaluations of P(a, x) for chi2(3) at 0.95 (bracketing used about 20)."""
    calls = []
    real = mpmath.gammainc

    def counting(*a, **k):
        calls.append(1)
        return real(*a, **k)

    monkeypatch.setattr(mpmath, "gammainc", counting)
    got = mp_quantile(parse_distribution("chi2(3)"), Rational(95, 100), 30)
    assert len(calls) <= 4
    assert mpmath.nstr(got, 25) == "7.814727903251179955268995"

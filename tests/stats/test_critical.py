"""Critical values and p-values (mpmath, 30 digits) against scipy.stats to 12 digits."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Rational

from symbolic_mlmath.stats import critical

stats = pytest.importorskip("scipy.stats")

LAWS = st.sampled_from([
    ("z", None), ("t", 1), ("t", 3), ("t", 10), ("t", 200), ("t", Rational(1234, 97)),
    ("chi2", 1), ("chi2", 4), ("chi2", 30), ("f", (1, 1)), ("f", (2, 10)), ("f", (4, 46)),
    ("f", (8, 18000)),
])
ALPHAS = st.sampled_from(["0.1", "0.05", "0.025", "0.01", "0.001", "0.0001"])
ALTS = st.sampled_from(["two-sided", "greater", "less"])


def _scipy(law, df):
    if law == "z":
        return stats.norm()
    if law == "t":
        return stats.t(float(df))
    if law == "chi2":
        return stats.chi2(df)
    return stats.f(*df)


def _lre(ours, ref):
    ours = float(ours)
    if ours == ref:
        return 16.0
    return -math.log10(abs(ours - ref) / abs(ref))


@settings(max_examples=50, deadline=None)
@given(LAWS, ALPHAS, ALTS)
def test_critical_values(law_df, alpha, alt):
    law, df = law_df
    dist, a = _scipy(law, df), float(alpha)
    ours = critical.critical_value(law, Rational(alpha), alt, df=df)
    if law in ("chi2", "f") and alt != "less":
        ref = dist.isf(a)
    elif alt == "two-sided":
        ref = dist.isf(a / 2)
    elif alt == "greater":
        ref = dist.isf(a)
    else:
        ref = dist.ppf(a)
    assert _lre(ours, ref) >= 12


@settings(max_examples=50, deadline=None)
@given(LAWS, st.integers(1, 6000), ALTS, st.booleans())
def test_p_values(law_df, k, alt, negative):
    law, df = law_df
    x = Rational(k, 1000) * (-1 if negative and law in ("z", "t") else 1)
    dist, xf = _scipy(law, df), float(x)
    ours = critical.p_value(law, x, alt, df=df)
    if law in ("chi2", "f") and alt != "less":
        ref = dist.sf(xf)
    elif alt == "two-sided":
        ref = 2 * dist.sf(abs(xf))
    elif alt == "greater":
        ref = dist.sf(xf)
    else:
        ref = dist.cdf(xf)
    assert _lre(ours, ref) >= 12


def test_thirty_digits_against_mpmath_directly():
    import mpmath

    ours = critical.critical_value("z", Rational(5, 100), "two-sided")
    t = critical.critical_value("t", Rational(1, 100), "greater", df=7)
    with mpmath.workdps(60):
        z = mpmath.sqrt(2) * mpmath.erfinv(mpmath.mpf("0.95"))
        assert abs(mpmath.mpf(str(ours)) - z) < mpmath.mpf(10) ** -29
        # the t quantile solves the incomplete-beta equation to 30 digits
        tm = mpmath.mpf(str(t))
        tail = mpmath.betainc(mpmath.mpf(7) / 2, mpmath.mpf(1) / 2, 0, 7 / (7 + tm**2),
                              regularized=True) / 2
        assert abs(tail - mpmath.mpf("0.01")) < mpmath.mpf(10) ** -31


@pytest.mark.parametrize(("x", "df", "delta"), [(2, 10, 1), (-1, 5, 0.5), (3, 30, 2.5), (1.5, 3, -1)])
def test_noncentral_t(x, df, delta):
    ref = stats.nct.cdf(x, df, delta)
    ours = critical.noncentral_t_cdf(Rational(str(x)), df, Rational(str(delta)))
    assert _lre(ours, ref) >= 11


def test_bad_arguments():
    with pytest.raises(ValueError, match="unknown law"):
        critical.p_value("beta", 1, "two-sided")
    with pytest.raises(ValueError, match="positive"):
        critical.p_value("t", 1, "two-sided", df=0)
    with pytest.raises(ValueError, match="between 0 and 1"):
        critical.quantile("z", 1)

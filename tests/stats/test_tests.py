"""Hypothesis tests: statistics, df, p-values, critical values and decisions against scipy
and statsmodels; p-values uniform under the null; checking with the usual slips."""

from __future__ import annotations

import math
import random

import pytest
from sympy import Rational, sqrt

import symbolic_mlmath as sm
from symbolic_mlmath.core.errors import InputError

stats = pytest.importorskip("scipy.stats")


def _lre(ours, ref):
    ours = float(ours)
    if ours == ref:
        return 16.0
    return -math.log10(abs(ours - ref) / abs(ref))


def _sample(seed, n, mu=5.0, sd=1.0, places=2):
    rng = random.Random(seed)
    return [round(rng.gauss(mu, sd), places) for _ in range(n)]


@pytest.mark.parametrize("alt", ["two-sided", "greater", "less"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_t_test_matches_scipy(seed, alt):
    x = _sample(seed, 6 + seed)
    d = sm.solve("t_test", data=x, mu0="5.2", alternative=alt)
    d.validate()
    ref = stats.ttest_1samp(x, 5.2, alternative=alt)
    r = d.result
    assert _lre(r["statistic"], ref.statistic) >= 12
    assert _lre(r["p_value"], ref.pvalue) >= 12
    assert r["df"] == len(x) - 1
    crit = stats.t.isf(0.025, len(x) - 1) if alt == "two-sided" else (
        stats.t.isf(0.05, len(x) - 1) if alt == "greater" else stats.t.ppf(0.05, len(x) - 1))
    assert _lre(r["critical_value"], crit) >= 12
    assert r["decision"] == ("reject" if ref.pvalue <= 0.05 else "fail_to_reject")


def test_z_test_exact_statistic_and_normal_p():
    d = sm.solve("z_test", xbar="10.5", n=36, sigma=3, mu0=10, alternative="greater")
    r = d.result
    assert r["statistic"] == 1
    assert _lre(r["p_value"], stats.norm.sf(1)) >= 14
    assert "erfc" in str(d.steps[3].given["exact"])


@pytest.mark.parametrize("equal_var", [True, False])
@pytest.mark.parametrize("alt", ["two-sided", "less"])
def test_two_sample_matches_scipy(equal_var, alt):
    a, b = _sample(11, 7, 5.0, 1.0), _sample(12, 9, 5.6, 2.0)
    d = sm.solve("two_sample_test", sample1=a, sample2=b, test="pooled" if equal_var else "welch",
                 alternative=alt)
    d.validate()
    ref = stats.ttest_ind(a, b, equal_var=equal_var, alternative=alt)
    r = d.result
    assert _lre(r["statistic"], ref.statistic) >= 12
    assert _lre(r["p_value"], ref.pvalue) >= 12
    assert _lre(r["df"], ref.df) >= 12
    if not equal_var:
        assert not r["df"].is_Integer  # Welch-Satterthwaite: an exact fraction


def test_paired_matches_scipy():
    a, b = _sample(21, 8), _sample(22, 8, 5.3)
    r = sm.solve("two_sample_test", sample1=a, sample2=b, test="paired").result
    ref = stats.ttest_rel(a, b)
    assert _lre(r["statistic"], ref.statistic) >= 12
    assert _lre(r["p_value"], ref.pvalue) >= 12


def test_two_sample_summaries_and_z():
    r = sm.solve("two_sample_test", sample1={"n": 10, "mean": 20, "s": 2},
                 sample2="{n: 12, mean: 18, s: 3}", test="pooled").result
    ref = stats.ttest_ind_from_stats(20, 2, 10, 18, 3, 12, equal_var=True)
    assert _lre(r["statistic"], ref.statistic) >= 12 and _lre(r["p_value"], ref.pvalue) >= 12
    r = sm.solve("two_sample_test", sample1={"n": 40, "mean": 20, "sigma": 2},
                 sample2={"n": 50, "mean": 19, "sigma": 3}).result
    z = 1 / math.sqrt(4 / 40 + 9 / 50)
    assert "df" not in r and _lre(r["statistic"], z) >= 14


def test_proportions_match_statsmodels():
    ztest = pytest.importorskip("statsmodels.stats.proportion").proportions_ztest
    r = sm.solve("proportion_test", x="[45, 30]", n="[100, 100]").result
    z, p = ztest([45, 30], [100, 100])
    assert r["statistic"] == 2 * sqrt(30) / 5
    assert _lre(r["statistic"], z) >= 12 and _lre(r["p_value"], p) >= 12
    r = sm.solve("proportion_test", x=58, n=100, p0="0.5", alternative="greater").result
    z, p = ztest(58, 100, 0.5, alternative="larger", prop_var=0.5)
    assert _lre(r["statistic"], z) >= 12 and _lre(r["p_value"], p) >= 12


def test_p_values_are_uniform_under_the_null():
    """Seeded samples from N(mu0, 1): the t-test p-values pass a KS test for uniformity."""
    from symbolic_mlmath.stats.hypothesis import derive_t_test

    ps = [float(derive_t_test(_sample(1000 + k, 6, 2.0, 1.0), mu0=2).result["p_value"])
          for k in range(60)]
    assert stats.kstest(ps, "uniform").pvalue > 0.001


def test_power_matches_statsmodels():
    power = pytest.importorskip("statsmodels.stats.power")
    r = sm.solve("power", mu0=100, mu1=105, sigma=15, n=36).result
    ref = power.NormalIndPower().power(effect_size=1 / 3, nobs1=36, alpha=0.05, ratio=0)
    assert _lre(r["power"], ref) >= 10
    r = sm.solve("power", mu0=100, mu1=105, sigma=15, n=36, test="t", alternative="greater").result
    ref = power.TTestPower().power(effect_size=1 / 3, nobs=36, alpha=0.05, alternative="larger")
    assert _lre(r["power"], ref) >= 10
    assert abs(r["beta"] + r["power"] - 1) < 1e-28


def test_ab_test():
    r = sm.solve("ab_test", control="{x: 200, n: 2000}", variation="[250, 2000]").result
    assert r["lift"] == Rational(1, 4) and r["difference"] == Rational(1, 40)
    lo, hi = r["interval"]
    se = math.sqrt(0.125 * 0.875 / 2000 + 0.1 * 0.9 / 2000)
    assert abs(float(lo) - (0.025 - stats.norm.isf(0.025) * se)) < 1e-12
    assert abs(float(r["lift_interval"][1]) - float(hi) / 0.1) < 1e-12


@pytest.mark.parametrize(("task", "inputs", "message"), [
    ("t_test", {"xbar": 5, "n": 1, "s": 1}, "at least 2"),
    ("t_test", {"data": "1 2 x"}, "number"),
    ("t_test", {"data": "3 3 3"}, "undefined"),
    ("z_test", {"xbar": 5, "n": 10}, "sigma"),
    ("t_test", {"xbar": 5, "n": 10, "s": 1, "alpha": "1.5"}, "between 0 and 1"),
    ("proportion_test", {"x": 120, "n": 100}, "x <= n"),
    ("two_sample_test", {"sample1": "1 2 3", "sample2": "1 2", "test": "paired"}, "same length"),
    ("ab_test", {"control": "[0, 100]", "variation": "[5, 100]"}, "lift"),
    ("power", {"n": 10, "mu1": 5}, "sigma"),
])
def test_bad_input(task, inputs, message):
    with pytest.raises(InputError) as err:
        sm.solve(task, **inputs)
    assert message in str(err.value) and "\n" not in str(err.value)


T = {"xbar": 52, "n": 16, "s": 4, "mu0": 50}  # t = 2, df = 15, p = 0.063945


@pytest.mark.parametrize(("answer", "ok", "named"), [
    ("t = 2, df = 15, p = 0.064, fail to reject", True, ""),
    ("p = 0.0639", True, ""),
    ("2", True, ""),
    ("p = 0.032", False, "one-sided p-value"),
    ("t = 8", False, "sigma/n"),
    ("critical value = 1.96", False, "z critical value where t is needed"),
    ("df = 16", False, "n instead of n - 1"),
    ("p = 0.064, reject", False, "contradicts your own p-value"),
    ("t = 2, p = 0.032, reject", False, "one-sided"),
    ("t* = 2.131", True, ""),
    ("t* = 1.753", False, "alpha instead of alpha/2"),
])
def test_checking_t(answer, ok, named):
    v = sm.check("t_test", answer=answer, **T)
    assert v.correct is ok, v.feedback
    assert named in v.feedback


def test_checking_other_tests():
    v = sm.check("proportion_test", answer="z = 1.6", x=58, n=100, p0="0.5")
    assert v.correct is True, v.feedback
    v = sm.check("proportion_test", answer="z = 1.62", x=58, n=100, p0="0.5")
    assert v.correct is False and "phat instead of p0" in v.feedback
    v = sm.check("two_sample_test", answer="df = 20", sample1="{n: 10, mean: 20, s: 2}",
                 sample2="{n: 12, mean: 18, s: 3}")
    assert v.correct is False and "pooled" in v.feedback
    v = sm.check("power", answer="power = 0.484", mu0=100, mu1=105, sigma=15, n=36)
    assert v.correct is False and "type II" in v.feedback
    v = sm.check("ab_test", answer="lift = 0.025", control="[200, 2000]", variation="[250, 2000]")
    assert v.correct is False and "absolute difference" in v.feedback
    v = sm.check("ab_test", answer="lift = 25%, reject", control="[200, 2000]",
                 variation="[250, 2000]")
    assert v.correct is True, v.feedback

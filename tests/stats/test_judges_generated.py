"""Generated workings for z_test, ci_mean, ci_proportion (Wald and Wilson), two_sample_test
(Welch) and mle (Bernoulli; normal μ and σ²): every reference value is scipy's, statsmodels'
or exact Fractions computed here; correct workings must pass and a single slip must be
caught at its line, with the mistake named, whatever the seed."""

from __future__ import annotations

from fractions import Fraction
from math import sqrt

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from symbolic_mlmath.core.working import check_working

_SETTINGS = settings(max_examples=20, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _judged(task: str, inputs: dict, lines: list, slip_at: int, bad: str, mistake: str) -> None:
    v = check_working(task, inputs, lines)
    assert v.correct is True, (lines, v.feedback)
    slipped = [*lines[:slip_at], bad]
    w = check_working(task, inputs, slipped)
    assert w.correct is False and w.first_wrong_step == slip_at, (slipped, w.feedback)
    assert w.lines[slip_at].mistake == mistake, (slipped, w.feedback)


@_SETTINGS
@given(st.integers(10, 90), st.integers(4, 60), st.integers(2, 20),
       st.sampled_from([-5, -2, -1, 1, 3, 6]), st.sampled_from([0, 2]))
def test_generated_z_tests(xbar, n, sigma, shift, slip):
    se = sigma / sqrt(n)
    z = (xbar - (xbar + shift)) / se
    p = 2 * stats.norm.sf(abs(z))
    assume(0.002 < p < 0.998)
    lines = [f"SE = {se:.4f}", f"z = {z:.4f}", f"p = {p:.4f}",
             "reject H0" if p <= 0.05 else "fail to reject H0"]
    inputs = {"xbar": str(xbar), "n": str(n), "sigma": str(sigma), "mu0": str(xbar + shift)}
    if slip == 0:
        _judged("z_test", inputs, lines, 0, f"SE = {sigma / n:.4f}", "σ/n instead of σ/√n")
    else:
        _judged("z_test", inputs, lines, 2, f"p = {p / 2:.4f}",
                "a one-sided p-value for a two-sided test")


@_SETTINGS
@given(st.integers(10, 90), st.integers(4, 40), st.integers(2, 20), st.sampled_from([1, 2]))
def test_generated_t_intervals(xbar, n, s, slip):
    se = s / sqrt(n)
    t = stats.t.ppf(0.975, n - 1)
    me = t * se
    lines = [f"SE = {se:.4f}", f"df = {n - 1}", f"t_crit = {t:.4f}", f"ME = {me:.4f}",
             f"CI = ({xbar - me:.4f}, {xbar + me:.4f})"]
    inputs = {"xbar": str(xbar), "n": str(n), "s": str(s), "confidence": "0.95"}
    if slip == 1:
        _judged("ci_mean", inputs, lines, 1, f"df = {n}", "n instead of n − 1")
    else:
        _judged("ci_mean", inputs, lines, 2, f"t_crit = {stats.norm.ppf(0.975):.4f}",
                "the z critical value where t is needed")


@_SETTINGS
@given(st.integers(10, 400), st.data())
def test_generated_proportion_intervals(n, data):
    x = data.draw(st.integers(1, n - 1))
    p = x / n
    z = stats.norm.ppf(0.975)
    se = sqrt(p * (1 - p) / n)
    lo, hi = p - z * se, p + z * se
    ref = proportion_confint(x, n, alpha=0.05, method="normal")  # clipped to [0, 1]
    assert abs(ref[0] - max(lo, 0)) < 1e-9 and abs(ref[1] - min(hi, 1)) < 1e-9
    wald = [f"phat = {p:.4f}", f"SE = {se:.4f}", f"z_crit = {z:.4f}", f"ME = {z * se:.4f}",
            f"CI = ({lo:.4f}, {hi:.4f})"]
    inputs = {"x": str(x), "n": str(n)}
    _judged("ci_proportion", inputs, wald, 1, f"SE = {p * (1 - p) / n:.4f}",
            "the variance, not its square root")
    wl, wh = proportion_confint(x, n, alpha=0.05, method="wilson")
    assume(abs(wl - lo) > 0.001 or abs(wh - hi) > 0.001)
    wilson = [f"phat = {p:.4f}", f"z = {z:.4f}", f"CI = ({wl:.4f}, {wh:.4f})"]
    _judged("ci_proportion", {**inputs, "method": "wilson"}, wilson, 2,
            f"CI = ({lo:.4f}, {hi:.4f})", "the Wald interval where Wilson's is asked")


@_SETTINGS
@given(st.integers(5, 30), st.integers(5, 30), st.integers(10, 30), st.integers(10, 30),
       st.integers(1, 6), st.integers(1, 6))
def test_generated_welch_tests(n1, n2, m1, m2, s1, s2):
    assume(m1 != m2 and (s1 != s2 or n1 != n2))
    v1, v2 = s1**2 / n1, s2**2 / n2
    se = sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))
    assume(abs(df - (n1 + n2 - 2)) > 0.05)
    r = stats.ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=False)
    assume(0.002 < r.pvalue < 0.998)
    lines = [f"d = {m1 - m2}", f"SE = {se:.4f}", f"df = {df:.2f}", f"t = {r.statistic:.4f}",
             f"p = {r.pvalue:.4f}", "reject H0" if r.pvalue <= 0.05 else "fail to reject H0"]
    inputs = {"sample1": f"{{n: {n1}, mean: {m1}, s: {s1}}}",
              "sample2": f"{{n: {n2}, mean: {m2}, s: {s2}}}"}
    _judged("two_sample_test", inputs, lines, 2, f"df = {n1 + n2 - 2}",
            "the pooled df (n1 + n2 − 2) for a Welch test")


@_SETTINGS
@given(st.lists(st.integers(0, 1), min_size=3, max_size=15))
def test_generated_bernoulli_mle(data):
    k, n = sum(data), len(data)
    assume(0 < k < n)
    lines = [f"l(p) = {k} log(p) + {n - k} log(1 - p)", f"l'(p) = {k}/p - {n - k}/(1 - p)",
             f"p = {Fraction(k, n)}"]
    inputs = {"distribution": "bernoulli", "data": " ".join(map(str, data))}
    _judged("mle", inputs, lines, 1, f"l'(p) = {k}/p + {n - k}/(1 - p)", "inner derivative missing")


@_SETTINGS
@given(st.lists(st.integers(-9, 9), min_size=3, max_size=8))
def test_generated_normal_mle(data):
    assume(len(set(data)) > 1)
    n = len(data)
    mean = Fraction(sum(data), n)
    ss = sum((Fraction(v) - mean) ** 2 for v in data)
    mu, sigma = stats.norm.fit(data)  # scipy's MLE: σ with divisor n
    assert abs(mu - float(mean)) < 1e-9 and abs(sigma**2 - float(ss / n)) < 1e-9
    lines = [f"l(mu, sigma) = -{n} log(sigma) - ({' + '.join(f'({v} - mu)^2' for v in data)})"
             "/(2 sigma^2)", f"∂l/∂mu = ({sum(data)} - {n} mu)/sigma^2", f"mu = {mean}",
             f"sigma^2 = {ss / n}", f"∂²l/∂mu² = {Fraction(-n) / (ss / n)}"]
    inputs = {"distribution": "normal", "data": " ".join(map(str, data))}
    _judged("mle", inputs, lines, 3, f"sigma^2 = {ss / (n - 1)}", "n − 1 instead of n")

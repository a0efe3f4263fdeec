"""Confidence intervals, margins, sample sizes, regression and prediction intervals against
scipy/statsmodels; coverage by seeded simulation; checking with the usual slips."""

from __future__ import annotations

import math
import random

import pytest

import symbolic_mlmath as sm
from symbolic_mlmath.core.errors import InputError

stats = pytest.importorskip("scipy.stats")


def _close(ours, ref, digits=12):
    return abs(float(ours) - ref) <= 10**-digits * max(1.0, abs(ref))


@pytest.mark.parametrize("conf", ["0.9", "0.95", "0.99", "95"])
def test_ci_mean_t_and_z(conf):
    c = float(conf) / (100 if float(conf) > 1 else 1)
    x = [4.1, 5.3, 6.0, 4.8, 5.5, 5.9, 4.4]
    d = sm.solve("ci_mean", data=x, confidence=conf)
    d.validate()
    lo, hi = stats.t.interval(c, len(x) - 1, loc=sum(x) / len(x), scale=stats.sem(x))
    assert _close(d.result["interval"][0], lo) and _close(d.result["interval"][1], hi)
    r = sm.solve("ci_mean", xbar=50, n=25, sigma=10, confidence=conf).result
    lo, hi = stats.norm.interval(c, loc=50, scale=2)
    assert _close(r["interval"][0], lo) and _close(r["interval"][1], hi)
    assert r["standard_error"] == 2


@pytest.mark.parametrize(("x", "n"), [(40, 100), (3, 50), (97, 100)])
def test_ci_proportion_wald_and_wilson(x, n):
    confint = pytest.importorskip("statsmodels.stats.proportion").proportion_confint
    r = sm.solve("ci_proportion", x=x, n=n, method="wilson").result
    lo, hi = confint(x, n, 0.05, "wilson")
    assert _close(r["interval"][0], lo, 11) and _close(r["interval"][1], hi, 11)
    # Wald: p ± z sqrt(p(1-p)/n), not clipped to [0, 1] (statsmodels clips)
    r = sm.solve("ci_proportion", x=x, n=n).result
    p = x / n
    half = stats.norm.isf(0.025) * math.sqrt(p * (1 - p) / n)
    assert _close(r["interval"][0], p - half, 11) and _close(r["interval"][1], p + half, 11)
    lo, hi = confint(x, n, 0.05, "normal")
    assert _close(max(0, float(r["interval"][0])), lo, 11)


def test_margin_and_sample_size():
    E = sm.solve("margin_of_error", n=100, p="0.4").result
    assert _close(E, stats.norm.isf(0.025) * math.sqrt(0.24 / 100))
    E = sm.solve("margin_of_error", n=25, s=10, confidence="0.9").result
    assert _close(E, stats.t.isf(0.05, 24) * 2)
    assert sm.solve("sample_size", margin="0.03").result == 1068
    n = sm.solve("sample_size", margin=2, sigma=15, confidence="0.99").result
    assert n == math.ceil((stats.norm.isf(0.005) * 15 / 2) ** 2)


def test_regression_and_prediction_intervals_match_statsmodels():
    smapi = pytest.importorskip("statsmodels.api")
    np = pytest.importorskip("numpy")
    x, y = [1, 2, 3, 4, 5, 6], [2.1, 3.9, 6.2, 7.8, 10.1, 12.2]
    fit = smapi.OLS(np.array(y), smapi.add_constant(np.array(x, dtype=float))).fit()
    r = sm.solve("regression_ci", x=x, y=y, confidence="0.9").result
    ci = fit.conf_int(0.1)
    for j, b in enumerate(("b0", "b1")):
        assert _close(r[b][0], ci[j][0], 11) and _close(r[b][1], ci[j][1], 11)
    p = sm.solve("prediction_interval", x=x, y=y, x_new="3.5")
    p.validate()
    frame = fit.get_prediction(np.array([[1.0, 3.5]])).summary_frame(0.05)
    assert _close(p.result["fit"], frame["mean"][0])
    assert _close(p.result["mean_interval"][0], frame["mean_ci_lower"][0], 11)
    assert _close(p.result["prediction"][1], frame["obs_ci_upper"][0], 11)


def test_coverage_by_simulation():
    """100 seeded normal samples: the 90% t interval covers the mean about 90 times."""
    from symbolic_mlmath.stats.intervals import derive_ci_mean

    rng = random.Random(7)
    hits = 0
    for _ in range(100):
        x = [round(rng.gauss(3.0, 2.0), 3) for _ in range(5)]
        lo, hi = derive_ci_mean(x, confidence="0.9").result["interval"]
        hits += bool(lo <= 3) and bool(hi >= 3)
    # binomial(100, 0.9): 99.9% of runs fall in [80, 97]
    assert 80 <= hits <= 97


@pytest.mark.parametrize(("task", "inputs", "message"), [
    ("ci_mean", {"xbar": 5, "n": 10}, "s (the sample standard deviation)"),
    ("ci_mean", {"xbar": 5, "n": 10, "s": 1, "confidence": "1.2"}, "between 0 and 1"),
    ("ci_proportion", {"x": 5, "n": 0}, "n must be"),
    ("ci_proportion", {"x": 5, "n": 10, "method": "exact"}, "choose one of"),
    ("sample_size", {"margin": "-1"}, "positive"),
    ("prediction_interval", {"x": "[1,2,3]", "y": "[1,2,4]", "x_new": "[1, 2]"}, "one value"),
])
def test_bad_input(task, inputs, message):
    with pytest.raises(InputError) as err:
        sm.solve(task, **inputs)
    assert message in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize(("task", "inputs", "answer", "ok", "named"), [
    ("ci_mean", {"xbar": 50, "n": 25, "sigma": 10}, "(46.08, 53.92)", True, ""),
    ("ci_mean", {"xbar": 50, "n": 25, "sigma": 10}, "[46.1, 53.9]", True, ""),
    ("ci_mean", {"xbar": 50, "n": 25, "sigma": 10}, "(49.22, 50.78)", False, "sigma/n"),
    ("ci_mean", {"xbar": 50, "n": 25, "sigma": 10}, "(46.71, 53.29)", False, "alpha/2"),
    ("ci_mean", {"xbar": 50, "n": 25, "s": 10}, "(46.08, 53.92)", False, "z critical value"),
    ("ci_mean", {"xbar": 50, "n": 25, "s": 10}, "(45.87, 54.13), df = 24", True, ""),
    ("ci_mean", {"xbar": 50, "n": 25, "s": 10}, "E = 4.13", True, ""),
    ("ci_proportion", {"x": 40, "n": 100}, "(0.304, 0.496)", True, ""),
    ("ci_proportion", {"x": 40, "n": 100}, "(0.309, 0.498)", False, "wilson"),
    ("prediction_interval", {"x": "[1,2,3,4]", "y": "[2,3,5,6]", "x_new": 5},
     "(5.83, 9.17)", False, "mean response"),
    ("prediction_interval", {"x": "[1,2,3,4]", "y": "[2,3,5,6]", "x_new": 5},
     "prediction = (5.35, 9.65), fit = 7.5", True, ""),
    ("regression_ci", {"x": "[1,2,3,4]", "y": "[2,3,5,6]"}, "slope = (0.79, 2.01)", True, ""),
    ("sample_size", {"margin": "0.03"}, "1068", True, ""),
    ("sample_size", {"margin": "0.03"}, "1067.07", False, "round up"),
    ("margin_of_error", {"n": 100, "p": "0.4"}, "0.096", True, ""),
])
def test_checking(task, inputs, answer, ok, named):
    v = sm.check(task, answer=answer, **inputs)
    assert v.correct is ok, v.feedback
    assert named in v.feedback


@pytest.mark.parametrize(("power", "effect", "alt"), [("0.8", "0.5", "two-sided"),
                                                      ("0.9", "0.3", "greater"),
                                                      ("0.95", "1.2", "two-sided")])
def test_sample_size_for_power_matches_statsmodels(power, effect, alt):
    smp = pytest.importorskip("statsmodels.stats.power")
    n = sm.solve("sample_size", power=power, effect=effect, alternative=alt).result
    ref = smp.NormalIndPower().solve_power(effect_size=float(effect), alpha=0.05,
                                           power=float(power), ratio=0,
                                           alternative="larger" if alt == "greater" else alt)
    assert n == math.ceil(ref - 1e-9)

"""Working checks for tests and intervals for a mean (t_test, z_test, ci_mean) and maximum
likelihood (mle): one quantity per line, each judged from the learner's own earlier values,
decimals to the places written, the usual slips named.

Tables of real-looking workings (values from scipy.stats, a test-only reference, and by hand),
and generated ones: correct workings built with scipy must pass, a single slipped quantity must
be caught at its line."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import stats as sps

import symbolic_mlmath as sm

T = {"xbar": "52", "n": "16", "s": "4", "mu0": "50"}  # SE 1, t 2, df 15
Z = {"xbar": "52", "n": "25", "sigma": "5", "mu0": "50", "alternative": "greater"}  # z = 2
CI = {"xbar": "50", "n": "25", "sigma": "10"}  # SE 2, z* 1.96, (46.08, 53.92)
CIT = {"xbar": "52", "n": "16", "s": "4"}  # t* 2.131, (49.869, 54.131)
B = {"distribution": "bernoulli", "data": "1, 0, 1, 1, 0"}
E = {"distribution": "exponential", "data": "2, 1, 3"}
P = {"distribution": "poisson", "data": "2, 3, 1, 4"}

# task, inputs, working, correct, first wrong line, mistake
CASES = [
    # ---- t_test
    ("t_test", T, ["H0: μ = 50", "H1: μ ≠ 50", "SE = 4/√16 = 1", "t = (52 - 50)/1 = 2",
                   "df = 15", "t_crit = 2.131", "p = 0.064", "fail to reject H0"], True, None, None),
    ("t_test", T, ["t = (52 - 50)/(4/√16) = 2", "df = 15", "p-value = 0.0639",
                   "do not reject H0"], True, None, None),
    ("t_test", {**T, "alternative": "greater"}, ["t = 2", "df = 15", "p = 0.032",
                                                 "reject H0"], True, None, None),
    ("t_test", T, ["SE = 4/16 = 0.25", "t = 2/0.25 = 8", "reject H0"], False, 0,
     "σ/n instead of σ/√n"),
    ("t_test", T, ["t = 2", "df = 16", "p = 0.063"], False, 1,
     "n instead of n - 1 degrees of freedom"),
    ("t_test", T, ["t = 2", "df = 15", "p = 0.032", "reject H0"], False, 2,
     "one-sided p-value for a two-sided test"),
    ("t_test", T, ["t = 2", "p = 0.064", "reject H0"], False, 2,
     "decision contradicts the p-value"),
    ("t_test", T, ["t = 2", "t_crit = 1.753"], False, 1, "α not halved for a two-sided test"),
    ("t_test", T, ["t = 2", "t_crit = 1.96"], False, 1, "the z critical value where t is needed"),
    ("t_test", T, ["t = -2"], False, 0, "sign of the statistic"),
    ("t_test", T, ["t = 2/4 = 0.5"], False, 0, "standard deviation instead of the standard error"),
    ("t_test", T, ["H0: μ = 52"], False, 0, "wrong hypotheses"),
    ("t_test", T, ["t = 2", "df = 15"], False, None, None),
    ("t_test", T, ["t = 2", "p = 0.0455"], False, 1, "the z distribution where t is needed"),
    # ---- z_test
    ("z_test", Z, ["SE = 5/5 = 1", "z = 2", "p = 0.0228", "reject H0"], True, None, None),
    ("z_test", Z, ["H0: μ = 50", "H1: μ > 50", "z = (52 - 50)/(5/√25) = 2", "z_crit = 1.645",
                   "reject H0"], True, None, None),
    ("z_test", {**Z, "alternative": "two-sided"}, ["z = 2", "p = 0.0455", "reject H0"],
     True, None, None),
    ("z_test", Z, ["z = 2", "p = 0.0455", "reject H0"], False, 1,
     "two-sided p-value for a one-sided test"),
    ("z_test", Z, ["z = 2", "p = 0.9772"], False, 1, "the other tail"),
    ("z_test", Z, ["z = 2", "z_crit = 1.96"], False, 1, "α halved for a one-sided test"),
    ("z_test", Z, ["SE = 5/25 = 0.2", "z = 10", "reject H0"], False, 0, "σ/n instead of σ/√n"),
    ("z_test", Z, ["H1: μ ≠ 50"], False, 0, "wrong hypotheses"),
    ("z_test", Z, ["z = 2", "p = 0.0228", "fail to reject H0"], False, 2,
     "decision contradicts the p-value"),
    ("z_test", Z, ["z = 2.5"], False, 0, "arithmetic slip"),
    # ---- ci_mean
    ("ci_mean", CI, ["SE = 10/5 = 2", "z* = 1.96", "E = 1.96*2 = 3.92", "CI = (46.08, 53.92)"],
     True, None, None),
    ("ci_mean", CI, ["CI = 50 ± 1.96*2 = (46.08, 53.92)"], True, None, None),
    ("ci_mean", CIT, ["SE = 1", "df = 15", "t* = 2.131", "CI = 52 ± 2.131 = (49.869, 54.131)"],
     True, None, None),
    ("ci_mean", CIT, ["lower = 49.87", "upper = 54.13"], True, None, None),
    ("ci_mean", CI, ["SE = 10/25 = 0.4", "E = 1.96*0.4 = 0.784", "CI = (49.216, 50.784)"],
     False, 0, "σ/n instead of σ/√n"),
    ("ci_mean", CIT, ["CI = 52 ± 1.96*1 = (50.04, 53.96)"], False, 0,
     "the z critical value where t is needed"),
    ("ci_mean", CI, ["CI = (50 - 1.645*2, 50 + 1.645*2) = (46.71, 53.29)"], False, 0,
     "α not halved for a two-sided interval"),
    ("ci_mean", CI, ["E = 1.96*10 = 19.6"], False, 0,
     "standard deviation instead of the standard error"),
    ("ci_mean", CI, ["E = 3.92", "CI = (46.08, 54.92)"], False, 1, "arithmetic slip"),
    ("ci_mean", CI, ["E = 3.92"], False, None, None),
    ("ci_mean", CIT, ["t* = 2.120"], False, 0, "n instead of n - 1 degrees of freedom"),
    # ---- mle (hand-derived: Bernoulli 3 of 5, p = 3/5; Exponential sum 6, λ = 1/2;
    #      Poisson sum 10 over 4, λ = 5/2)
    ("mle", B, ["L(p) = p^3 (1 - p)^2", "ℓ(p) = 3 ln(p) + 2 ln(1 - p)", "ℓ'(p) = 3/p - 2/(1 - p)",
                "p̂ = 3/5", "ℓ''(p) = -3/p^2 - 2/(1 - p)^2 < 0"], True, None, None),
    ("mle", E, ["L(λ) = λ^3 e^(-6λ)", "ℓ(λ) = 3 ln λ - 6λ", "ℓ'(λ) = 3/λ - 6", "λ̂ = 1/2"],
     True, None, None),
    ("mle", P, ["ℓ(λ) = 10 ln λ - 4λ", "10/λ - 4 = 0", "λ̂ = 5/2"], True, None, None),
    ("mle", P, ["ℓ(λ) = 10 ln(λ) - 4λ - ln(288)", "ℓ'(λ) = 10/λ - 4", "λ̂ = 5/2",
                "ℓ''(5/2) = -8/5 < 0"], True, None, None),
    ("mle", B, ["ℓ(p) = 3 ln(p) + 2 ln(1 - p)", "ℓ'(p) = 3/p + 2/(1 - p)"], False, 1,
     "wrong derivative"),
    ("mle", B, ["L(p) = 3p + 2(1-p)"], False, 0, "wrong likelihood"),
    ("mle", B, ["ℓ'(p) = 3/p - 2/(1 - p) = 0", "p = 2/5"], False, 1, "not a root of the score"),
    ("mle", B, ["ℓ'(p) = 3/p - 2/(1 - p)", "p̂ = 3/5", "ℓ''(3/5) = -125/6 > 0"], False, 2,
     "sign claim wrong"),
    ("mle", E, ["L(λ) = λ^3 e^(-6λ)", "ℓ(λ) = 3 λ - 6 ln λ"], False, 1, "wrong log-likelihood"),
    ("mle", P, ["ℓ(λ) = 10 ln λ - 4λ", "3/λ - 4 = 0"], False, 1, "wrong derivative"),
    ("mle", E, ["ℓ'(λ) = 3/λ - 6", "ℓ''(λ) = 3/λ^2"], False, 1, "wrong second derivative"),
    ("mle", E, ["ℓ'(λ) = 3/λ - 6"], False, None, None),
]


@pytest.mark.parametrize(("task", "inputs", "working", "correct", "first", "mistake"), CASES)
def test_stats_working_table(task, inputs, working, correct, first, mistake):
    v = sm.check(task, working=working, **inputs)
    assert v.method == "working"
    assert v.correct is correct, v.to_text()
    assert v.first_wrong_step == first, v.to_text()
    if first is not None:
        line = next(ln for ln in v.lines if ln.index == first)
        assert line.follows is False
        assert line.mistake == mistake, v.to_text()


def test_ten_cases_per_task():
    for task in ("t_test", "z_test", "ci_mean", "mle"):
        assert sum(1 for c in CASES if c[0] == task) >= 10, task


def test_reference_values_in_the_tables_come_from_scipy():
    assert round(2 * sps.t.sf(2, 15), 3) == 0.064
    assert round(sps.t.ppf(0.975, 15), 3) == 2.131
    assert round(sps.norm.sf(2), 4) == 0.0228
    assert round(sps.norm.ppf(0.95), 3) == 1.645
    assert round(sps.t.ppf(0.975, 16), 3) == 2.120


def test_data_input_and_carried_errors():
    v = sm.check("t_test", working=["x̄ = 3", "s = 1", "t = (3 - 2)/(1/√5) = 2.236", "df = 4",
                                    "p = 0.089", "fail to reject H0"], data="1, 2, 3, 4, 5",
                 mu0="2")
    assert v.first_wrong_step == 1 and v.lines[1].mistake == "arithmetic slip"
    assert all(ln.follows for ln in v.lines[2:]), v.to_text()  # judged from the learner's s


_SETTINGS = settings(max_examples=12, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.integers(-20, 20), st.integers(1, 9), st.integers(5, 40), st.integers(0, 3),
       st.sampled_from(["two-sided", "greater", "less"]), st.integers(0, 3))
def test_generated_t_workings_pass_and_a_slip_is_caught_at_its_line(diff, s, n, shift, alt,
                                                                     which):
    xbar, mu0 = 50 + diff / 4, 50 + shift
    se = s / math.sqrt(n)
    t = (xbar - mu0) / se
    df = n - 1
    tail = {"two-sided": 2 * sps.t.sf(abs(t), df), "greater": sps.t.sf(t, df),
            "less": sps.t.cdf(t, df)}[alt]
    places = max(4, 3 - math.floor(math.log10(max(tail, 1e-300))))
    lines = [f"SE = {se:.6f}", f"t = {t:.6f}", f"df = {df}", f"p = {tail:.{places}f}",
             "reject H0" if tail <= 0.05 else "fail to reject H0"]
    inputs = {"xbar": str(xbar), "n": str(n), "s": str(s), "mu0": str(mu0), "alternative": alt}
    v = sm.check("t_test", working=lines, **inputs)
    assert v.correct is True, v.to_text()
    bad = list(lines)
    p_bad = tail * 1.5 + 0.01 if tail < 0.6 else tail / 2
    bad[which] = {0: f"SE = {s / n:.6f}" if n > 1 else "SE = 0", 1: f"t = {t + 1:.6f}",
                  2: f"df = {df + 1}", 3: f"p = {p_bad:.{places}f}"}[which]
    v = sm.check("t_test", working=bad, **inputs)
    assert v.first_wrong_step == which, v.to_text()
    assert v.lines[which].mistake is not None

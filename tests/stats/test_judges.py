"""Line-by-line working checks for the statistics tests and intervals.

Reference values in the tables were computed with scipy.stats / numpy by hand (not by our
engine): e.g. t = 0.48/(0.4658/sqrt(5)) = 2.3042, scipy.stats.t.sf(2.3042, 4)*2 = 0.0826,
t.ppf(0.975, 4) = 2.7764; data [12,15,11,14,13,16,10,13]: mean 13, s 2 (ddof=1),
population sd 1.8708, SE 0.7071, t vs 11 = 2.8284, p = 0.0255, t.ppf(0.975, 7) = 2.3646,
t.ppf(0.95, 7) = 1.8946; z = 3/(15/6) = 1.2, two-sided p 0.2301, one-sided 0.1151.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from symbolic_mlmath.core.working import check_working

A = {"xbar": "5.48", "n": "5", "s": "0.4658", "mu0": "5"}
B = {"data": "12, 15, 11, 14, 13, 16, 10, 13", "mu0": "11"}
Z = {"xbar": "103", "n": "36", "sigma": "15", "mu0": "100"}
ZG = {**Z, "alternative": "greater"}
CI_B = {"data": "12, 15, 11, 14, 13, 16, 10, 13"}
CI_Z = {"xbar": "50", "n": "25", "sigma": "10", "confidence": "0.95"}

OK = None
T_TABLE = [
    (A, ["SE = s/sqrt(n) = 0.2083", "t = (5.48 - 5)/0.2083 = 2.304", "df = 4", "t_crit = 2.776",
         "p = 0.083", "fail to reject H0"], OK, None),
    (A, ["SE = 0.4658/5 = 0.0932", "t = 5.150", "df = 4", "p = 0.0067", "reject H0"],
     0, "σ/n instead of σ/√n"),
    (A, ["SE = 0.2083", "t = 2.304", "df = 5", "p = 0.070", "fail to reject H0"],
     2, "n instead of n − 1"),
    (A, ["SE = 0.2083", "t = 2.304", "df = 4", "p = 0.041", "reject H0"],
     3, "a one-sided p-value for a two-sided test"),
    (A, ["SE = 0.2083", "t = 2.304", "df = 4", "t_crit = 1.96"], 3,
     "the z critical value where t is needed"),
    (A, ["SE = 0.2083", "t = 2.304", "df = 4", "p = 0.083", "reject H0"], 4,
     "a decision that contradicts your own p-value"),
    (A, ["SE = 0.2083", "t = -2.304", "df = 4", "p = 0.083", "fail to reject H0"], 1,
     "sign error"),
    (A, ["SE = 0.2083", "t = 2.304", "df = 4", "p = 0.021", "reject H0"], 3,
     "a normal (z) p-value where t is needed"),
    (A, ["SE = 0.4658", "t = 1.030", "df = 4", "p = 0.361", "fail to reject H0"], 0,
     "not divided by √n"),
    (A, ["SE = 0.2083", "t = 2.404", "df = 4", "p = 0.074", "fail to reject H0"], 1,
     "arithmetic slip"),
    (A, ["SE = 0.2083", "t = 2.304", "df = 4", "t_crit = 2.132"], 3,
     "α not split between the two tails"),
    (B, ["xbar = 13", "s = 2", "SE = 2/sqrt(8) = 0.7071", "t = (13 - 11)/0.7071 = 2.828",
         "df = 7", "p = 0.0255", "reject H0"], OK, None),
    (B, ["xbar = 13", "s = 1.871", "SE = 0.6614", "t = 3.024", "df = 7", "p = 0.019",
         "reject H0"], 1, "n instead of n − 1"),
    (B, ["mean = 13", "SE = 0.7071", "t = 2.828", "df = 7", "t_crit = 2.365", "reject H0"],
     OK, None),
    (B, ["xbar = 13", "SE = 0.7071", "t = 2.828", "df = 7", "p = 0.0255"], "unfinished", None),
    (B, ["xbar = 13", "SE = 0.7071", "t = 2.828 = 2.9"], 2, "arithmetic slip"),
]

Z_TABLE = [
    (Z, ["SE = 15/sqrt(36) = 2.5", "z = (103 - 100)/2.5 = 1.2", "p = 0.2301",
         "fail to reject H0"], OK, None),
    (Z, ["SE = 15/36 = 0.4167", "z = 7.2", "p = 0.0000", "reject H0"], 0, "σ/n instead of σ/√n"),
    (Z, ["SE = 2.5", "z = 1.2", "p = 0.1151", "fail to reject H0"], 2,
     "a one-sided p-value for a two-sided test"),
    (Z, ["SE = 2.5", "z = 1.2", "p = 0.2301", "reject H0"], 3,
     "a decision that contradicts your own p-value"),
    (Z, ["SE = 2.5", "z = 1.2", "z_crit = 1.645", "reject H0"], 2,
     "α not split between the two tails"),
    (Z, ["SE = 2.5", "z = 1.2", "z_crit = 1.96", "fail to reject H0"], OK, None),
    (Z, ["SE = 15", "z = 0.2", "p = 0.8415", "fail to reject H0"], 0, "not divided by √n"),
    (Z, ["SE = 2.5", "z = -1.2", "p = 0.2301", "fail to reject H0"], 1, "sign error"),
    (ZG, ["SE = 2.5", "z = 1.2", "p = 0.1151", "fail to reject H0"], OK, None),
    (ZG, ["SE = 2.5", "z = 1.2", "p = 0.2301", "fail to reject H0"], 2,
     "a two-sided p-value for a one-sided test"),
    (ZG, ["SE = 2.5", "z = 1.2", "z_crit = 1.645", "fail to reject H0"], OK, None),
]

CI_TABLE = [
    (CI_B, ["xbar = 13", "s = 2", "SE = 0.7071", "df = 7", "t_crit = 2.365", "ME = 1.672",
            "CI = (11.33, 14.67)"], OK, None),
    (CI_B, ["xbar = 13", "SE = 0.7071", "df = 7", "t_crit = 1.96", "ME = 1.386",
            "CI = (11.61, 14.39)"], 3, "the z critical value where t is needed"),
    (CI_B, ["xbar = 13", "SE = 0.25", "df = 7", "t_crit = 2.365", "ME = 0.591",
            "CI = (12.41, 13.59)"], 1, "σ/n instead of σ/√n"),
    (CI_B, ["xbar = 13", "SE = 0.7071", "df = 8", "t_crit = 2.306", "ME = 1.631",
            "CI = (11.37, 14.63)"], 2, "n instead of n − 1"),
    (CI_B, ["xbar = 13", "SE = 0.7071", "df = 7", "t_crit = 1.895"], 3,
     "α not split between the two tails"),
    (CI_B, ["xbar = 12", "SE = 0.7071", "df = 7", "t_crit = 2.365", "ME = 1.672",
            "CI = (10.33, 13.67)"], 0, "arithmetic slip"),
    (CI_B, ["xbar = 13", "SE = 0.7071", "df = 7", "t_crit = 2.365", "ME = 1.672"],
     "unfinished", None),
    (CI_Z, ["SE = 10/sqrt(25) = 2", "z_crit = 1.96", "ME = 3.92", "CI = (46.08, 53.92)"],
     OK, None),
    (CI_Z, ["SE = 10/25 = 0.4", "z_crit = 1.96", "ME = 0.784", "CI = (49.22, 50.78)"], 0,
     "σ/n instead of σ/√n"),
    (CI_Z, ["SE = 2", "z_crit = 1.645", "ME = 3.29", "CI = (46.71, 53.29)"], 1,
     "α not split between the two tails"),
    (CI_Z, ["CI = (46.08, 53.92)"], OK, None),
    (CI_Z, ["SE = 2", "z_crit = 1.96", "ME = 3.92", "CI = (46.08, 54.92)"], 3,
     "arithmetic slip"),
]


def _run(task: str, inputs: dict, lines: list, first: object, mistake: str | None) -> None:
    v = check_working(task, inputs, lines)
    if first is None:
        assert v.correct is True, v.feedback
    elif first == "unfinished":
        assert v.correct is False and v.first_wrong_step is None, v.feedback
        assert "Not finished" in v.feedback
    else:
        assert v.correct is False, v.feedback
        assert v.first_wrong_step == first, v.feedback
        assert v.lines[first].mistake == mistake, v.feedback


@pytest.mark.parametrize(("inputs", "lines", "first", "mistake"), T_TABLE)
def test_t_test_workings(inputs: dict, lines: list, first: object, mistake: str | None) -> None:
    _run("t_test", inputs, lines, first, mistake)


@pytest.mark.parametrize(("inputs", "lines", "first", "mistake"), Z_TABLE)
def test_z_test_workings(inputs: dict, lines: list, first: object, mistake: str | None) -> None:
    _run("z_test", inputs, lines, first, mistake)


@pytest.mark.parametrize(("inputs", "lines", "first", "mistake"), CI_TABLE)
def test_ci_mean_workings(inputs: dict, lines: list, first: object, mistake: str | None) -> None:
    _run("ci_mean", inputs, lines, first, mistake)


def test_error_carried_forward() -> None:
    v = check_working("t_test", A, ["SE = 0.0932", "t = 5.150", "df = 4", "p = 0.0067",
                                    "reject H0"])
    assert v.first_wrong_step == 0
    assert all(lv.follows for lv in v.lines[1:]), v.feedback
    assert "error carried forward" in v.feedback


def test_reference_values_are_scipy() -> None:
    assert round(2 * stats.t.sf(0.48 / (0.4658 / 5**0.5), 4), 3) == 0.083
    assert round(stats.t.ppf(0.975, 7), 3) == 2.365
    assert round(2 * stats.norm.sf(1.2), 4) == 0.2301


@pytest.mark.parametrize("line", ["t = ", "import os = 3", "t = __import__('os')", "x" * 400,
                                  "what = 3"])
def test_bad_lines_are_named_not_raised(line: str) -> None:
    v = check_working("t_test", A, ["SE = 0.2083", line])
    assert v.correct is False and v.lines[1].mistake == "unreadable line"


# x = 40 of n = 100 at 95%: SE = 0.04899, z = 1.96, ME = 0.0960, CI (0.3040, 0.4960);
# x = 12 of 50 at 90%: SE = 0.0604, z = 1.645, ME = 0.0993, CI (0.1407, 0.3393) (scipy.stats.norm)
P1 = {"x": "40", "n": "100"}
P2 = {"x": "12", "n": "50", "confidence": "0.90"}
PROP_TABLE = [
    (P1, ["phat = 40/100 = 0.4", "SE = sqrt(0.4*0.6/100) = 0.0490", "z_crit = 1.96",
          "ME = 0.0960", "CI = (0.304, 0.496)"], OK, None),
    (P1, ["p = 0.4", "SE = 0.0024", "z_crit = 1.96", "ME = 0.0047", "CI = (0.3953, 0.4047)"],
     1, "the variance, not its square root"),
    (P1, ["phat = 0.4", "SE = 0.0049", "z_crit = 1.96", "ME = 0.0096", "CI = (0.390, 0.410)"],
     1, "σ/n instead of σ/√n"),
    (P1, ["phat = 0.4", "SE = 0.0490", "z_crit = 1.645", "ME = 0.0806", "CI = (0.319, 0.481)"],
     2, "α not split between the two tails"),
    (P1, ["phat = 0.4", "SE = 0.0490", "z_crit = 1.96", "ME = 0.0960", "CI = (0.304, 0.596)"],
     4, "arithmetic slip"),
    (P1, ["phat = 0.4", "SE = 0.0490", "z_crit = 1.96", "ME = 0.0960"], "unfinished", None),
    (P1, ["phat = 2.5"], 0, "n/x instead of x/n"),
    (P1, ["CI = (0.304, 0.496)"], OK, None),
    (P2, ["phat = 0.24", "SE = 0.0604", "z_crit = 1.645", "ME = 0.0993", "CI = (0.141, 0.339)"],
     OK, None),
    (P2, ["phat = 0.24", "SE = 0.0604", "z_crit = 1.96", "ME = 0.1184", "CI = (0.122, 0.358)"],
     2, "arithmetic slip"),
    (P2, ["phat = 0.24", "SE = 0.0604", "z_crit = 1.282"], 2, "α not split between the two tails"),
]

# pooled: n 10/10, means 12/10, s 2/3: sp = 2.5495, SE = 1.1402, t = 1.7541, p = 0.0964 (df 18)
# Welch: n 8/12, means 15/12, s 2/4: SE = 1.3540, df = 17.03, t = 2.2156, p = 0.0406,
#   half 0.0203, pooled SE 1.5366, t.ppf(0.975, 17.03) = 2.1095
# paired [5,7,6,9,8] vs [4,5,6,6,7]: dbar 1.4, s_d 1.1402, SE 0.5099, t 2.7456, p 0.0516
POOL = {"sample1": "{n: 10, mean: 12, s: 2}", "sample2": "{n: 10, mean: 10, s: 3}",
        "test": "pooled"}
WELCH = {"sample1": "{n: 8, mean: 15, s: 2}", "sample2": "{n: 12, mean: 12, s: 4}"}
PAIR = {"sample1": "5, 7, 6, 9, 8", "sample2": "4, 5, 6, 6, 7", "test": "paired"}
TWO_TABLE = [
    (POOL, ["d = 12 - 10 = 2", "sp = 2.550", "SE = 1.140", "t = 1.754", "df = 18", "p = 0.0964",
            "fail to reject H0"], OK, None),
    (POOL, ["d = 2", "sp = 2.550", "SE = 1.140", "t = 1.754", "df = 20"], 4, "n instead of n − 1"),
    (POOL, ["d = 2", "sp = 6.5", "SE = 2.907"], 1, "the variance, not its square root"),
    (POOL, ["d = 2", "sp = 2.550", "SE = 1.140", "t = 1.754", "df = 18", "p = 0.0964",
            "reject H0"], 6, "a decision that contradicts your own p-value"),
    (WELCH, ["xbar1 - xbar2 = 3", "SE = sqrt(4/8 + 16/12) = 1.354", "df = 17.03", "t = 2.216",
             "p = 0.0406", "reject H0"], OK, None),
    (WELCH, ["d = 3", "SE = 1.354", "df = 17", "t = 2.216", "p = 0.0407", "reject H0"], OK, None),
    (WELCH, ["d = 3", "SE = 1.354", "df = 18", "t = 2.216", "p = 0.0398", "reject H0"], 2,
     "the pooled df (n1 + n2 − 2) for a Welch test"),
    (WELCH, ["d = 3", "SE = 1.833", "t = 1.636"], 1, "the variance, not its square root"),
    (WELCH, ["d = 3", "SE = 1.537", "t = 1.952"], 1, "the pooled SE for a Welch test"),
    (WELCH, ["d = 3", "SE = 1.354", "df = 17.03", "t = 2.216", "p = 0.0203", "reject H0"], 4,
     "a one-sided p-value for a two-sided test"),
    (WELCH, ["d = -3", "SE = 1.354", "t = -2.216", "df = 17.03", "p = 0.0406", "reject H0"], 0,
     "the means subtracted the wrong way round"),
    (PAIR, ["dbar = 1.4", "s_d = 1.140", "SE = 0.5099", "t = 2.746", "df = 4", "p = 0.0516",
            "fail to reject H0"], OK, None),
    (PAIR, ["dbar = 1.4", "s_d = 1.140", "SE = 0.228", "t = 6.140"], 2, "σ/n instead of σ/√n"),
    (PAIR, ["dbar = 1.4", "SE = 0.5099", "t = 2.746", "df = 5"], 3, "n instead of n − 1"),
]


@pytest.mark.parametrize(("inputs", "lines", "first", "mistake"), PROP_TABLE)
def test_ci_proportion_workings(inputs: dict, lines: list, first: object,
                                mistake: str | None) -> None:
    _run("ci_proportion", inputs, lines, first, mistake)


@pytest.mark.parametrize(("inputs", "lines", "first", "mistake"), TWO_TABLE)
def test_two_sample_workings(inputs: dict, lines: list, first: object,
                             mistake: str | None) -> None:
    _run("two_sample_test", inputs, lines, first, mistake)


def test_two_sample_references_are_scipy() -> None:
    r = stats.ttest_ind_from_stats(15, 2, 8, 12, 4, 12, equal_var=False)
    assert round(r.pvalue, 4) == 0.0406 and round(r.statistic, 3) == 2.216
    r = stats.ttest_rel([5, 7, 6, 9, 8], [4, 5, 6, 6, 7])
    assert round(r.pvalue, 4) == 0.0516 and round(r.statistic, 3) == 2.746


def _t_working(xbar: float, n: int, s: float, mu0: float) -> list[str]:
    se = s / n**0.5
    t = (xbar - mu0) / se
    p = 2 * stats.t.sf(abs(t), n - 1)
    crit = stats.t.ppf(0.975, n - 1)
    dec = "reject H0" if p <= 0.05 else "fail to reject H0"
    return [f"SE = {se:.4f}", f"t = {t:.4f}", f"df = {n - 1}", f"t_crit = {crit:.4f}",
            f"p = {p:.4f}", dec]


_SLIPS = {  # line index -> (replacement, mistake)
    0: (lambda xb, n, s, m: f"SE = {s / n:.4f}", "σ/n instead of σ/√n"),
    2: (lambda xb, n, s, m: f"df = {n}", "n instead of n − 1"),
    3: (lambda xb, n, s, m: f"t_crit = {stats.norm.ppf(0.975):.4f}",
        "the z critical value where t is needed"),
}


@given(xbar=st.integers(10, 90), n=st.integers(5, 40), s=st.integers(2, 20),
       shift=st.sampled_from([-7, -3, -1, 1, 2, 5, 9]), slip=st.sampled_from([0, 2, 3]))
@settings(max_examples=25, deadline=None)
def test_generated_workings_pass_and_single_slips_are_caught(xbar, n, s, shift, slip):
    inputs = {"xbar": str(xbar), "n": str(n), "s": str(s), "mu0": str(xbar + shift)}
    lines = _t_working(xbar, n, s, xbar + shift)
    v = check_working("t_test", inputs, lines)
    assert v.correct is True, (lines, v.feedback)
    make, mistake = _SLIPS[slip]
    bad = list(lines)
    bad[slip] = make(xbar, n, s, xbar + shift)
    w = check_working("t_test", inputs, bad[: slip + 1])
    assert w.correct is False and w.first_wrong_step == slip, (bad, w.feedback)
    assert w.lines[slip].mistake == mistake, w.feedback


# MLE by hand: 7 of 10 ones: l'' = -7/p^2 - 3/(1-p)^2 = -47.62 at 0.7; waiting times
# 2 4 3 7: L = λ^4 e^(-16λ), λ = 4/16, l'' = -4/λ^2 = -64; counts 1 3 2: L = λ^6 e^(-3λ)/12,
# λ = 2, l'' = -6/λ^2 = -1.5.
BER = {"distribution": "bernoulli", "data": "1 1 0 1 1 0 1 1 0 1"}
EXP = {"distribution": "exponential", "data": "2 4 3 7"}
POI = {"distribution": "poisson", "data": "1 3 2"}
MLE_TABLE = [
    (BER, ["L(p) = p^7 (1-p)^3", "l(p) = 7 log(p) + 3 log(1-p)", "l'(p) = 7/p - 3/(1-p)",
           "p = 0.7", "l''(0.7) = -47.62"], OK, None),
    (BER, ["l(p) = 7 log(p) + 3 log(1-p)", "l'(p) = 7/p + 3/(1-p)"], 1,
     "inner derivative missing"),
    (BER, ["l(p) = 7 ln(p) + 3 ln(1 - p)", "l'(p) = 7/p - 3/(1-p)", "l'(p) = 0", "p_hat = 7/10"],
     OK, None),
    (BER, ["l(p) = 7 log(p) + 3 log(1-p)", "l'(p) = 7/p - 3/(1-p)", "p = 0.3"], 2,
     "arithmetic slip"),
    (BER, ["l(p) = 7 log(p) + 3 log(1-p)", "l'(p) = 7/p + 3/(1-p)", "p = 1.75"], 1,
     "inner derivative missing"),
    (EXP, ["L(lambda) = lambda^4 e^(-16 lambda)", "l(lambda) = 4 log(lambda) - 16 lambda",
           "l'(lambda) = 4/lambda - 16", "lambda = 0.25", "l''(lambda) = -4/lambda^2"], OK, None),
    (EXP, ["L(λ) = λ^4 e^(-16 λ)", "ℓ(λ) = 4 ln(λ) - 16 λ", "ℓ'(λ) = 4/λ - 16", "λ = 4"], 3,
     "the reciprocal of the estimate"),
    (EXP, ["L(lambda) = lambda^4 e^(-16 lambda)",
           "l'(lambda) = 4 lambda^3 e^(-16 lambda) - 16 lambda^4 e^(-16 lambda)"], 1,
     "the likelihood differentiated, not the log-likelihood"),
    (POI, ["L(lambda) = lambda^6 e^(-3 lambda)", "l(lambda) = 6 log(lambda) - 3 lambda",
           "l'(lambda) = 6/lambda - 3", "lambda_hat = 2", "l''(2) = -1.5"], OK, None),
    (POI, ["l(lambda) = 6 log(lambda) - 3 lambda", "l'(lambda) = 6/lambda - 3", "lambda = 2",
           "l''(lambda) = 6/lambda^2"], 3, "sign error"),
    (POI, ["L(lambda) = lambda^6 e^(-3 lambda)/12", "l(lambda) = 6 log(lambda) + 3 lambda"], 1,
     "arithmetic slip"),
    (POI, ["L(lambda) = lambda^6 e^(-3 lambda)/12", "l(lambda) = 6 log(lambda) - 3 lambda"],
     "unfinished", None),
    (POI, ["ℓ'(λ) = 6/λ - 3", "λ_hat = 2.0"], OK, None),
]


@pytest.mark.parametrize(("inputs", "lines", "first", "mistake"), MLE_TABLE)
def test_mle_workings(inputs: dict, lines: list, first: object, mistake: str | None) -> None:
    _run("mle", inputs, lines, first, mistake)


def test_mle_error_carried_forward_to_the_root() -> None:
    v = check_working("mle", BER, ["l(p) = 7 log(p) + 3 log(1-p)", "l'(p) = 7/p + 3/(1-p)",
                                   "p = 1.75"])
    assert v.first_wrong_step == 1 and v.lines[2].follows is True, v.feedback


@pytest.mark.parametrize("inputs", [{"distribution": "uniform", "data": "1 2 3"},
                                    {"distribution": "bernoulli"}])
def test_mle_working_out_of_scope_is_a_clear_error(inputs: dict) -> None:
    from symbolic_mlmath.core.errors import InputError

    with pytest.raises(InputError):
        check_working("mle", inputs, ["p = 1"])


# Wilson by hand (scipy.stats.norm.ppf): x = 40 of 100 at 95%: z = 1.96, centre 0.4037,
# half-width 0.0943, CI (0.3094, 0.4980); Wald (0.304, 0.496); centre not shifted
# (0.3057, 0.4943); half-width without 1/(1 + z²/n) 0.0979. x = 12 of 50 at 90%: z = 1.6449,
# centre 0.2533, half 0.0977, CI (0.1557, 0.3510); x = 3 of 20: CI (0.0524, 0.3604).
W1 = {"x": "40", "n": "100", "method": "wilson"}
W2 = {"x": "12", "n": "50", "confidence": "0.90", "method": "wilson"}
W3 = {"x": "3", "n": "20", "method": "wilson"}
WILSON_TABLE = [
    (W1, ["phat = 0.4", "z = 1.96", "centre = (0.4 + 1.96^2/200)/(1 + 1.96^2/100) = 0.4037",
          "half = 0.0943", "CI = (0.3094, 0.4980)"], OK, None),
    (W1, ["p_hat = 0.4", "z* = 1.96", "CI = (0.309, 0.498)"], OK, None),
    (W2, ["phat = 0.24", "z = 1.645", "center = 0.2533", "half = 0.0977",
          "CI = (0.1557, 0.3510)"], OK, None),
    (W3, ["phat = 0.15", "z = 1.96", "CI = (0.0524, 0.3604)"], OK, None),
    (W1, ["phat = 0.4", "z = 1.96", "CI = (0.304, 0.496)"], 2,
     "the Wald interval where Wilson's is asked"),
    (W1, ["phat = 0.4", "z = 1.96", "centre = 0.400", "half = 0.0943"], 2,
     "Wilson's centre not shifted from p̂"),
    (W1, ["phat = 0.4", "z = 1.96", "centre = 0.4037", "half = 0.0979"], 3,
     "the factor 1/(1 + z²/n) left out"),
    (W1, ["phat = 0.4", "z = 1.96", "centre = 0.4037", "half = 0.0943",
          "CI = (0.3057, 0.4943)"], 4, "Wilson's centre not shifted from p̂"),
    (W1, ["phat = 0.4", "z = 1.645"], 1, "α not split between the two tails"),
    (W3, ["phat = 0.15", "z = 1.96", "CI = (-0.0065, 0.3065)"], 2,
     "the Wald interval where Wilson's is asked"),
    (W2, ["phat = 0.24", "z = 1.645", "center = 0.2533", "half = 0.0977",
          "CI = (0.1557, 0.3610)"], 4, "arithmetic slip"),
    (W1, ["phat = 0.4", "z = 1.96", "centre = 0.4037"], "unfinished", None),
]


@pytest.mark.parametrize(("inputs", "lines", "first", "mistake"), WILSON_TABLE)
def test_wilson_workings(inputs: dict, lines: list, first: object, mistake: str | None) -> None:
    _run("ci_proportion", inputs, lines, first, mistake)


def test_wilson_references_are_scipy_and_statsmodels() -> None:
    from statsmodels.stats.proportion import proportion_confint

    lo, hi = proportion_confint(40, 100, alpha=0.05, method="wilson")
    assert (round(lo, 4), round(hi, 4)) == (0.3094, 0.4980)
    lo, hi = proportion_confint(12, 50, alpha=0.10, method="wilson")
    assert (round(lo, 4), round(hi, 4)) == (0.1557, 0.3510)
    lo, hi = proportion_confint(3, 20, alpha=0.05, method="wilson")
    assert (round(lo, 4), round(hi, 4)) == (0.0524, 0.3604)


# Normal, μ and σ both unknown, by hand: 2 4 6 8: n = 4, x̄ = 5, Σ(x − x̄)² = 20, σ̂² = 5
# (s² = 20/3 with n − 1), σ̂ = 2.2361; Σ(x − μ)² = 4μ² − 40μ + 120; ∂ℓ/∂μ = (20 − 4μ)/σ²;
# ∂²ℓ/∂μ² = −4/σ² = −0.8, ∂²ℓ/∂σ² = 4/σ² − 60/σ⁴ = −1.6, ∂²ℓ/∂(σ²)² = 4/50 − 20/125 = −0.08.
# 1 3 5: x̄ = 3, σ̂² = 8/3, ∂²ℓ/∂μ² = −3/σ̂² = −1.125.
NORM = {"distribution": "normal", "data": "2 4 6 8"}
NORM3 = {"distribution": "normal", "data": "1 3 5"}
_SQ = "(4 mu^2 - 40 mu + 120)"
NORMAL_TABLE = [
    (NORM, ["l(mu, sigma) = -4 log(sigma) - ((2-mu)^2 + (4-mu)^2 + (6-mu)^2 + (8-mu)^2)/(2 sigma^2)",
            "∂l/∂mu = (20 - 4 mu)/sigma^2", "mu = 5", "sigma^2 = 5",
            "∂²l/∂mu² = -4/sigma^2 = -0.8"], OK, None),
    (NORM, ["L(μ, σ) = (2 pi σ^2)^(-2) exp(-" + _SQ + "/(2σ^2))",
            "l(μ, σ) = -2 log(2 pi) - 4 log(σ) - " + _SQ + "/(2σ^2)",
            "∂l/∂μ = (20 - 4μ)/σ^2", "∂l/∂σ = -4/σ + " + _SQ + "/σ^3", "μ = 5", "σ = 2.236",
            "H = [[-0.8, 0], [0, -1.6]]"], OK, None),
    (NORM, ["∂l/∂σ² = -2/σ^2 + (2μ^2 - 20μ + 60)/σ^4", "μ_hat = 5", "σ²_hat = 5",
            "∂²l/∂(σ²)² = -0.08"], OK, None),
    (NORM, ["mu = 5", "sigma = sqrt(5)", "∂²l/∂σ² = -1.6"], OK, None),
    (NORM3, ["mu = 3", "sigma^2 = 2.667", "∂²l/∂mu² = -1.125"], OK, None),
    (NORM, ["∂l/∂mu = (4 mu - 20)/sigma^2"], 0, "sign error"),
    (NORM, ["mu = 5", "sigma^2 = 20/3"], 1, "n − 1 instead of n"),
    (NORM3, ["mu = 3", "sigma^2 = 4"], 1, "n − 1 instead of n"),
    (NORM, ["mu = 5", "sigma = 5"], 1, "σ and σ² confused"),
    (NORM, ["∂l/∂σ = " + _SQ + "/σ^3"], 0, "the log σ term dropped"),
    (NORM, ["∂l/∂σ = -2/σ^2 + (2μ^2 - 20μ + 60)/σ^4"], 0,
     "derivative for σ² where σ is written (or the other way)"),
    (NORM, ["mu = 5", "sigma^2 = 5", "∂²l/∂mu² = 0.8"], 2, "sign error"),
    (NORM, ["∂l/∂mu = (20 - 4 mu)/sigma^2", "mu = 4"], 1, "arithmetic slip"),
    (NORM, ["∂l/∂mu = (20 - 4 mu)/sigma^2", "mu = 5"], "unfinished", None),
]


@pytest.mark.parametrize(("inputs", "lines", "first", "mistake"), NORMAL_TABLE)
def test_normal_mle_workings(inputs: dict, lines: list, first: object, mistake: str | None) -> None:
    _run("mle", inputs, lines, first, mistake)


def test_normal_mle_references_are_scipy_and_error_carried_forward() -> None:
    mu, sigma = stats.norm.fit([2, 4, 6, 8])  # the MLE (σ with divisor n)
    assert round(mu, 6) == 5 and round(sigma**2, 6) == 5 and round(sigma, 3) == 2.236
    mu, sigma = stats.norm.fit([1, 3, 5])
    assert round(sigma**2, 3) == 2.667 and round(-3 / sigma**2, 3) == -1.125
    v = check_working("mle", NORM, ["∂l/∂mu = (24 - 4 mu)/sigma^2", "mu = 6"])
    assert v.first_wrong_step == 0 and v.lines[1].follows is True, v.feedback


@pytest.mark.parametrize(("task", "inputs", "lines"), [
    ("t_test", A, ["SE = sqrt(-1)", "t = 2"]), ("t_test", A, ["t = oo"]),
    ("z_test", Z, ["z = sqrt(-1)", "p = 0.2"]), ("ci_mean", CI_B, ["CI = (oo, 1)"]),
    ("ci_proportion", W1, ["centre = sqrt(-1)"]),
    ("two_sample_test", WELCH, ["SE = sqrt(-1)", "t = 1", "df = oo"]),
    ("mle", BER, ["p = sqrt(-1)"]), ("mle", BER, ["p = oo"]), ("mle", NORM, ["mu = sqrt(-1)"]),
    ("mle", NORM, ["∂²l/∂mu² = sqrt(-1)"])])
def test_non_real_values_are_unreadable_lines_not_errors(task: str, inputs: dict,
                                                         lines: list) -> None:
    v = check_working(task, inputs, lines)
    assert v.correct is False and v.lines[0].mistake == "unreadable line", v.feedback

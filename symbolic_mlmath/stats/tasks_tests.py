"""The test and interval tasks, with their answer checks and the usual slips.

Examples
========
>>> import symbolic_mlmath as sm
>>> v = sm.check("t_test", answer="t = 2, p = 0.064, fail to reject", xbar=52, n=16, s=4, mu0=50)
>>> v.correct
True
>>> v = sm.check("t_test", answer="p = 0.032", xbar=52, n=16, s=4, mu0=50)
>>> v.correct, "one-sided p-value" in v.feedback
(False, True)
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.tasks import Input, Task
from symbolic_mlmath.core.verdict import Verdict
from symbolic_mlmath.stats import critical
from symbolic_mlmath.stats.answers_inference import Part, judge

__all__ = ["INTERVAL_SPEC", "TEST_SPEC", "TEST_TASKS", "alpha_of"]

#: The test and interval tasks, in listing order.
TEST_TASKS: list[Task] = []


def _register(task: Task) -> Task:
    TEST_TASKS.append(task)
    return task


_ALT = Input("alternative", "choice", "H1: two-sided (default), greater or less",
             required=False, choices=("two-sided", "greater", "less", "two_sided", "!=", ">", "<"))
_ALPHA = Input("alpha", "number", "significance level (default 0.05)", required=False)
_CONF = Input("confidence", "number", "confidence level (default 0.95)", required=False)
_DATA = Input("data", "raw", "the sample (numbers separated by commas or spaces)", required=False)
_XBAR = Input("xbar", "number", "sample mean", required=False)
_N = Input("n", "number", "sample size", required=False)
_S = Input("s", "number", "sample standard deviation", required=False)
_SIGMA = Input("sigma", "number", "known population standard deviation", required=False)
_MU0 = Input("mu0", "number", "the mean under H0 (default 0)", required=False)

TEST_SPEC = (
    Part("statistic", ("statistic", "z", "t", "stat", "test statistic", "F", "chi2")),
    Part("p_value", ("p", "p_value", "p-value", "pvalue", "p value")),
    Part("decision", ("decision", "conclusion"), "decision"),
    Part("df", ("df", "degrees of freedom", "nu", "dof")),
    Part("critical_value", ("critical value", "critical_value", "c", "crit", "z*", "t*",
                            "critical")),
    Part("standard_error", ("SE", "standard error", "standard_error", "se")),
    Part("estimate", ("estimate", "xbar", "phat", "mean", "difference")),
)

INTERVAL_SPEC = (
    Part("interval", ("interval", "ci", "confidence interval"), "interval"),
    Part("margin_of_error", ("E", "margin", "margin of error", "margin_of_error", "ME", "moe")),
    Part("critical_value", ("critical value", "critical_value", "c", "z*", "t*", "crit", "z", "t")),
    Part("standard_error", ("SE", "standard error", "standard_error", "se")),
    Part("df", ("df", "degrees of freedom")),
    Part("estimate", ("estimate", "xbar", "phat", "mean", "center")),
)


def _alt(parsed: dict) -> str:
    from symbolic_mlmath.stats.testing import check_alternative

    return check_alternative(parsed.get("alternative"))


def _p_of(law: str, stat: Any, alt: str, df: Any = None) -> Any:
    return critical.p_value(law, stat, alt, df=df)


def _test_slips(d: Any, parsed: dict) -> Any:
    """The values the usual slips of a one-sample mean test produce."""

    def slips() -> dict:
        from sympy import Rational, sqrt

        r = d.result
        alt = _alt(parsed)
        law = "t" if "df" in r else "z"
        df = r.get("df")
        alpha = next(s.given["alpha"] for s in d.steps if s.rule.value == "decision")
        out: dict[str, dict] = {}
        p = r["p_value"]
        if alt == "two-sided":
            out["a one-sided p-value for a two-sided test (not doubled)"] = {"p_value": p / 2}
            out["the one-sided critical value for a two-sided test (alpha instead of alpha/2)"] = {
                "critical_value": critical.critical_value(law, alpha, "greater", df=df)}
        else:
            out["a two-sided p-value for a one-sided test"] = {"p_value": min(2 * p, 1)}
        se = r.get("standard_error")
        summary = _summary(d)
        if se is not None and summary is not None:
            n, xbar, mu0 = summary
            wrong_se = se * sqrt(n) / n  # sigma/n instead of sigma/sqrt(n)
            stat = (xbar - mu0) / wrong_se
            out["sigma/n instead of sigma/sqrt(n) in the standard error"] = {
                "statistic": stat, "standard_error": wrong_se,
                "p_value": _p_of(law, stat, alt, df)}
            if law == "t":
                out["n instead of n - 1 degrees of freedom"] = {
                    "df": n, "p_value": _p_of("t", r["statistic"], alt, n),
                    "critical_value": critical.critical_value("t", alpha, alt, df=n)}
                data_sd = _data_sd(d)
                if data_sd is not None:
                    s_pop = data_sd * sqrt(Rational(n - 1, n))
                    stat2 = (xbar - mu0) / (s_pop / sqrt(n))
                    out["the population standard deviation (divisor n) instead of s (n - 1)"] = {
                        "statistic": stat2, "p_value": _p_of("t", stat2, alt, df)}
        if law == "t":
            out["the z critical value where t is needed"] = {
                "critical_value": critical.critical_value("z", alpha, alt),
                "p_value": _p_of("z", r["statistic"], alt)}
        return out

    return slips


def _summary(d: Any) -> tuple | None:
    """(n, xbar, mu0) of a one-sample mean test, read off its steps."""
    n = xbar = mu0 = None
    for s in d.steps:
        g = s.given
        if s.rule.value == "hypotheses":
            mu0 = g["null"]
        if s.rule.value == "test_statistic" and "values" in g:
            vals = {str(k): v for k, v in g["values"].items()}
            xbar = vals.get("xbar")
        if s.rule.value == "standard_error" and "values" in g:
            vals = {str(k): v for k, v in g["values"].items()}
            n = vals.get("n")
    if None in (n, xbar, mu0):
        return None
    return int(n), xbar, mu0


def _data_sd(d: Any) -> Any:
    for s in d.steps:
        if s.rule.value == "sample_summary":
            return s.after[2]
    return None


def alpha_of(d: Any) -> Any:
    """The significance level a test derivation decided at."""
    return next((s.given["alpha"] for s in d.steps if s.rule.value == "decision"), None)


def _check_test(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    return judge(d.result, answer, TEST_SPEC, alpha=alpha_of(d), slips=_test_slips(d, parsed))


def _check_plain_test(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    def slips() -> dict:
        r = d.result
        alt = _alt(parsed)
        out = {}
        if alt == "two-sided":
            out["a one-sided p-value for a two-sided test (not doubled)"] = {
                "p_value": r["p_value"] / 2}
        else:
            out["a two-sided p-value for a one-sided test"] = {"p_value": min(2 * r["p_value"], 1)}
        return out

    return judge(d.result, answer, TEST_SPEC, alpha=alpha_of(d), slips=slips)


# ------------------------------------------------------------------ tests
def _z(data: Any = None, xbar: Any = None, n: Any = None, sigma: Any = None, mu0: Any = 0,
       alternative: Any = None, alpha: Any = None) -> Any:
    from symbolic_mlmath.stats.hypothesis import derive_z_test

    return derive_z_test(data, xbar=xbar, n=n, sigma=sigma, mu0=mu0 if mu0 is not None else 0,
                         alternative=alternative, alpha=alpha)


def _t(data: Any = None, xbar: Any = None, n: Any = None, s: Any = None, mu0: Any = 0,
       alternative: Any = None, alpha: Any = None) -> Any:
    from symbolic_mlmath.stats.hypothesis import derive_t_test

    return derive_t_test(data, xbar=xbar, n=n, s=s, mu0=mu0 if mu0 is not None else 0,
                         alternative=alternative, alpha=alpha)


_register(Task("z_test", "One-sample z test for a mean (known sigma): statistic, p-value, "
               "critical value, decision", (_DATA, _XBAR, _N, _SIGMA, _MU0, _ALT, _ALPHA),
               _z, _check_test, topic="c3w4-hypothesis", one_of=(("data",), ("xbar", "n"))))
_register(Task("t_test", "One-sample t test for a mean: statistic, df, p-value, critical value, "
               "decision", (_DATA, _XBAR, _N, _S, _MU0, _ALT, _ALPHA),
               _t, _check_test, topic="c3w4-hypothesis", one_of=(("data",), ("xbar", "n"))))


def _prop(x: Any, n: Any, p0: Any = None, alternative: Any = None, alpha: Any = None) -> Any:
    from symbolic_mlmath.stats.hypothesis import derive_proportion_test

    return derive_proportion_test(x, n, p0=p0, alternative=alternative, alpha=alpha)


def _check_prop(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    def slips() -> dict:
        from sympy import sqrt

        r = d.result
        alt = _alt(parsed)
        out = {}
        if alt == "two-sided":
            out["a one-sided p-value for a two-sided test (not doubled)"] = {
                "p_value": r["p_value"] / 2}
        est = r["estimate"]
        hyp = d.steps[0].given
        if d.title.startswith("One"):
            n = int(next(v for k, v in d.steps[1].given["values"].items() if str(k) == "n"))
            p0 = hyp["null"]
            se = sqrt(est * (1 - est) / n)
            if se != 0:
                stat = (est - p0) / se
                out["phat instead of p0 in the standard error"] = {
                    "statistic": stat, "standard_error": se,
                    "p_value": _p_of("z", stat, alt)}
        else:
            unpooled = _unpooled_se(d)
            if unpooled:
                stat = est / unpooled
                out["the unpooled standard error (the test pools the proportions under H0)"] = {
                    "statistic": stat, "standard_error": unpooled,
                    "p_value": _p_of("z", stat, alt)}
        return out

    return judge(d.result, answer, TEST_SPEC, alpha=alpha_of(d), slips=slips)


def _unpooled_se(d: Any) -> Any:
    """The unpooled standard error of a two-proportion test (None if not found)."""
    from sympy import sqrt

    vals = {}
    for s in d.steps:
        if s.rule.value == "point_estimate" and str(s.given["name"]) in ("phat_1", "phat_2"):
            nk = next(v for k, v in s.given["values"].items() if str(k).startswith("n_"))
            vals[str(s.given["name"])] = (s.after, nk)
    if len(vals) != 2:
        return None
    (p1, n1), (p2, n2) = vals["phat_1"], vals["phat_2"]
    return sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)


_register(Task("proportion_test", "z test for one proportion (against p0) or two (pooled)",
               (Input("x", "value", "successes (one number, or two for two groups)"),
                Input("n", "value", "trials (one number, or two)"),
                Input("p0", "number", "the proportion under H0 (one group; default 1/2)",
                      required=False), _ALT, _ALPHA),
               _prop, _check_prop, topic="c3w4-hypothesis"))


def _two(sample1: Any, sample2: Any, test: Any = None, mu0: Any = 0, alternative: Any = None,
         alpha: Any = None) -> Any:
    from symbolic_mlmath.stats.hypothesis import derive_two_sample_test

    return derive_two_sample_test(sample1, sample2, test=test, mu0=mu0 or 0,
                                  alternative=alternative, alpha=alpha)


def _check_two(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    def slips() -> dict:
        r = d.result
        alt = _alt(parsed)
        out = {}
        if alt == "two-sided":
            out["a one-sided p-value for a two-sided test (not doubled)"] = {
                "p_value": r["p_value"] / 2}
        other = {"Two-sample t test (Welch)": "pooled",
                 "Two-sample t test (pooled variance)": "welch"}.get(d.title)
        if other:
            from symbolic_mlmath.stats.hypothesis import derive_two_sample_test

            o = derive_two_sample_test(parsed["sample1"], parsed["sample2"], test=other,
                                       mu0=parsed.get("mu0") or 0, alternative=alt,
                                       alpha=alpha_of(d)).result
            out[f"the {other} test's values"] = {k: o[k] for k in
                                                 ("statistic", "df", "p_value", "standard_error")}
        return out

    return judge(d.result, answer, TEST_SPEC, alpha=alpha_of(d), slips=slips)


_register(Task("two_sample_test", "Two-sample t test (Welch, pooled or paired) or z test "
               "(known sigmas) for a difference of means",
               (Input("sample1", "raw", "data, or n, mean and s (e.g. {n: 10, mean: 5, s: 2})"),
                Input("sample2", "raw", "data, or n, mean and s"),
                Input("test", "choice", "welch (default), pooled or paired", required=False,
                      choices=("welch", "pooled", "paired")), _MU0, _ALT, _ALPHA),
               _two, _check_two, topic="c3w4-hypothesis"))

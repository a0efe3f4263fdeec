"""The interval, sample-size, power and A/B tasks, with their answer checks and slips.

Examples
========
>>> import symbolic_mlmath as sm
>>> sm.check("ci_mean", answer="(46.08, 53.92)", xbar=50, n=25, sigma=10).correct
True
>>> v = sm.check("ci_mean", answer="(49.22, 50.78)", xbar=50, n=25, sigma=10)
>>> v.correct, "sigma/n" in v.feedback
(False, True)
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.tasks import Input, Task
from symbolic_mlmath.core.verdict import Verdict
from symbolic_mlmath.stats import critical
from symbolic_mlmath.stats.answers_inference import Part, judge, judge_number
from symbolic_mlmath.stats.tasks_tests import INTERVAL_SPEC, TEST_SPEC, alpha_of

__all__ = ["INTERVAL_TASKS"]

#: The interval, power and A/B tasks, in listing order.
INTERVAL_TASKS: list[Task] = []


def _register(task: Task) -> Task:
    INTERVAL_TASKS.append(task)
    return task


_CONF = Input("confidence", "number", "confidence level (default 0.95)", required=False)
_ALPHA = Input("alpha", "number", "significance level (default 0.05)", required=False)
_ALT = Input("alternative", "choice", "H1: two-sided (default), greater or less",
             required=False, choices=("two-sided", "greater", "less", "two_sided", "!=", ">", "<"))


def _shifted(r: dict, crit: Any, se: Any) -> dict:
    from sympy import Tuple

    est = r["estimate"]
    return {"interval": Tuple(est - crit * se, est + crit * se), "margin_of_error": crit * se,
            "critical_value": crit, "standard_error": se}


def _interval_slips(d: Any, n: Any) -> Any:
    def slips() -> dict:
        from sympy import sqrt

        r = d.result
        conf = next(s.given["confidence"] for s in d.steps if s.rule.value ==
                    "confidence_interval")
        alpha = 1 - conf
        se, crit = r["standard_error"], r["critical_value"]
        law = "t" if "df" in r else "z"
        df = r.get("df")
        out = {"the one-sided critical value (alpha instead of alpha/2)":
               _shifted(r, critical.critical_value(law, alpha, "greater", df=df), se)}
        if n is not None:
            out["sigma/n instead of sigma/sqrt(n) in the standard error"] = _shifted(
                r, crit, se / sqrt(n))
        if law == "t":
            out["the z critical value where t is needed"] = _shifted(
                r, critical.critical_value("z", alpha, "two-sided"), se)
            out["n instead of n - 1 degrees of freedom"] = {
                **_shifted(r, critical.critical_value("t", alpha, "two-sided", df=df + 1), se),
                "df": df + 1}
        return out

    return slips


def _n_of(d: Any) -> Any:
    for s in d.steps:
        if s.rule.value == "standard_error" and "values" in s.given:
            for k, v in s.given["values"].items():
                if str(k) == "n":
                    return v
    return None


def _check_interval(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    return judge(d.result, answer, INTERVAL_SPEC, slips=_interval_slips(d, _n_of(d)))


def _ci_mean(data: Any = None, xbar: Any = None, n: Any = None, s: Any = None,
             sigma: Any = None, confidence: Any = None) -> Any:
    from symbolic_mlmath.stats.intervals import derive_ci_mean

    return derive_ci_mean(data, xbar=xbar, n=n, s=s, sigma=sigma, confidence=confidence)


_register(Task("ci_mean", "Confidence interval for a mean: z (known sigma) or t (sample s)",
               (Input("data", "raw", "the sample (numbers separated by commas or spaces)", required=False),
                Input("xbar", "number", "sample mean", required=False),
                Input("n", "number", "sample size", required=False),
                Input("s", "number", "sample standard deviation", required=False),
                Input("sigma", "number", "known population standard deviation", required=False),
                _CONF),
               _ci_mean, _check_interval, topic="c3w4-confidence",
               one_of=(("data",), ("xbar", "n"))))


def _ci_prop(x: Any, n: Any, confidence: Any = None, method: Any = None) -> Any:
    from symbolic_mlmath.stats.intervals import derive_ci_proportion

    return derive_ci_proportion(x, n, confidence=confidence, method=method)


def _check_ci_prop(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    def slips() -> dict:
        from symbolic_mlmath.stats.intervals import derive_ci_proportion

        other = "wald" if d.title.startswith("Wilson") else "wilson"
        o = derive_ci_proportion(parsed["x"], parsed["n"], confidence=parsed.get("confidence"),
                                 method=other).result
        out = {f"the {other} interval": {"interval": o["interval"]}}
        if other == "wilson":
            out.update(_interval_slips(d, _n_of(d))())
        return out

    return judge(d.result, answer, INTERVAL_SPEC, slips=slips)


_register(Task("ci_proportion", "Confidence interval for a proportion (Wald, or Wilson score)",
               (Input("x", "number", "successes"), Input("n", "number", "trials"), _CONF,
                Input("method", "choice", "wald (default) or wilson", required=False,
                      choices=("wald", "wilson"))),
               _ci_prop, _check_ci_prop, topic="c3w4-confidence"))


def _moe(confidence: Any = None, n: Any = None, sigma: Any = None, s: Any = None,
         p: Any = None, x: Any = None) -> Any:
    from symbolic_mlmath.stats.intervals import derive_margin_of_error

    return derive_margin_of_error(confidence=confidence, n=n, sigma=sigma, s=s, p=p, x=x)


def _check_scalar(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    ok, note = judge_number(d.result, str(answer))
    head = {True: "Correct", False: "Not correct", None: "Undecided"}[ok]
    return Verdict(ok, "decimal", f"{head}: {answer}" + (f"; {note}" if note else "") + ".",
                   expected=d.result, got=answer)


_register(Task("margin_of_error", "Margin of error: critical value x standard error (mean or "
               "proportion)",
               (_CONF, Input("n", "number", "sample size"),
                Input("sigma", "number", "known population standard deviation", required=False),
                Input("s", "number", "sample standard deviation (t)", required=False),
                Input("p", "number", "a proportion (estimate)", required=False),
                Input("x", "number", "successes (proportion)", required=False)),
               _moe, _check_scalar, topic="c3w4-confidence"))


def _size(margin: Any = None, confidence: Any = None, sigma: Any = None, p: Any = None,
          power: Any = None, effect: Any = None, alpha: Any = None,
          alternative: Any = None, test: Any = None, samples: Any = None) -> Any:
    from symbolic_mlmath.stats.intervals import derive_sample_size

    return derive_sample_size(margin=margin, confidence=confidence, sigma=sigma, p=p,
                              power=power, effect=effect, alpha=alpha, alternative=alternative,
                              test=test, samples=samples)


def _check_size(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from symbolic_mlmath.text import parse_number

    got = parse_number(str(answer), name="answer")
    want = d.result
    if got == want:
        return Verdict(True, "exact", f"Correct: n = {want}.", expected=want, got=got)
    if d.steps[-1].rule.value == "power_search":
        return _t_size_slip(d, got, want)
    raw = d.steps[-1].given["unrounded"]
    if got.is_number and not got.is_Integer and abs(got - raw) < 1:
        fb = f"Not correct: {answer} is the unrounded value; round up to the whole n = {want}."
    elif got == want - 1:
        fb = (f"Not correct: {got} gives a margin a little too wide; n must be rounded up "
              f"({raw.evalf(8)} -> {want}).")
    else:
        fb = f"Not correct: the smallest sample size is n = {want} (from {raw.evalf(8)})."
    return Verdict(False, "exact", fb, expected=want, got=got)


def _t_size_slip(d: Any, got: Any, want: Any) -> Verdict:
    """A t-test size: the z answer, or one short of the smallest n, named."""
    rows = {int(r[0]): r[4] for r in d.steps[-1].given["rows"]}
    target = f"{float(d.steps[-1].given['target']):g}"
    n_z = int(d.steps[-2].after)
    if got.is_Integer and int(got) in rows and int(got) < int(want):
        fb = (f"Not correct: at n = {got} the t test's power is {rows[int(got)].evalf(6)} < "
              f"{target}" + (" (that is the z-test size; the t test needs more)"
                             if int(got) == n_z else "") + f"; the smallest n is {want}.")
    elif got.is_Integer and int(got) == n_z:
        fb = f"Not correct: {got} is the z-test size; the t test needs n = {want}."
    else:
        fb = f"Not correct: the smallest n whose t-test power reaches {target} is {want}."
    return Verdict(False, "exact", fb, expected=want, got=got)


_register(Task("sample_size", "Smallest sample size for a margin of error (mean with known "
               "sigma, or proportion), or for the power of a z test (or of a t test, through "
               "the noncentral t)",
               (Input("margin", "number", "the margin of error E wanted", required=False), _CONF,
                Input("sigma", "number", "population standard deviation (mean)", required=False),
                Input("p", "number", "a guess of the proportion (default 1/2)", required=False),
                Input("power", "number", "the power wanted (with effect)", required=False),
                Input("effect", "number", "standardised effect (mu1 - mu0) / sigma",
                      required=False), _ALPHA, _ALT,
                Input("test", "choice", "z (default) or t (power only)", required=False,
                      choices=("z", "t")),
                Input("samples", "int", "t test: 1 (one sample or paired, default) or 2 (n "
                      "per group of two independent groups)", required=False)),
               _size, _check_size, topic="c3w4-confidence"))


# ------------------------------------------------------------------ regression intervals
def _reg_ci(x: Any, y: Any, confidence: Any = None, degree: Any = None,
            intercept: bool = True) -> Any:
    from symbolic_mlmath.stats.regression_intervals import derive_regression_ci

    return derive_regression_ci(x, y, confidence=confidence, degree=degree, intercept=intercept)


def _check_reg_ci(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    names = [k for k in d.result if k.startswith("b")]
    coef = [Part(b, (b, {"b0": "intercept", "b1": "slope"}.get(b, b), f"ci_{b}"), "interval")
            for b in names]
    spec = (*coef, Part("critical_value", ("critical value", "t*", "c", "t")), Part("df", ("df",)))
    return judge(d.result, answer, spec)


_REG_INPUTS = (Input("x", "value", "predictor values (or rows of several predictors)"),
               Input("y", "vector", "responses"), _CONF,
               Input("degree", "int", "polynomial degree in x", required=False),
               Input("intercept", "bool", "include an intercept (default true)", required=False,
                     default=True))
_register(Task("regression_ci", "t confidence intervals for the regression coefficients",
               _REG_INPUTS, _reg_ci, _check_reg_ci, topic="c3w4-confidence"))


def _pred(x: Any, y: Any, x_new: Any, confidence: Any = None, degree: Any = None,
          intercept: bool = True) -> Any:
    from symbolic_mlmath.stats.regression_intervals import derive_prediction_interval

    return derive_prediction_interval(x, y, x_new=x_new, confidence=confidence, degree=degree,
                                      intercept=intercept)


_PRED_SPEC = (Part("prediction", ("prediction", "prediction interval", "pi", "interval"),
                   "interval"),
              Part("mean_interval", ("mean", "confidence interval", "ci", "mean interval",
                                     "mean_interval"), "interval", bare=False),
              Part("fit", ("fit", "yhat", "y_hat", "prediction value", "fitted")),
              Part("se_prediction", ("se_prediction", "SE_pred")),
              Part("se_mean", ("se_mean", "SE_mean")),
              Part("critical_value", ("critical value", "t*", "c")), Part("df", ("df",)))


def _check_pred(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    def slips() -> dict:
        r = d.result
        return {"the confidence interval of the mean response (a prediction adds the noise "
                "of a new observation: sqrt(1 + h0))": {"prediction": r["mean_interval"]},
                "the prediction interval (the mean response's interval uses sqrt(h0))":
                    {"mean_interval": r["prediction"]}}

    return judge(d.result, answer, _PRED_SPEC, slips=slips)


_register(Task("prediction_interval", "Fitted value at x_new with the mean response's "
               "confidence interval and a new observation's prediction interval",
               (*_REG_INPUTS[:2], Input("x_new", "value", "the new x (or predictor values)"),
                *_REG_INPUTS[2:]),
               _pred, _check_pred, topic="c3w4-confidence"))


# ------------------------------------------------------------------ power and A/B tests
def _power(n: Any, mu0: Any = None, mu1: Any = None, sigma: Any = None, effect: Any = None,
           alpha: Any = None, alternative: Any = None, test: Any = None) -> Any:
    from symbolic_mlmath.stats.experiments import derive_power

    return derive_power(mu0=mu0 or 0, mu1=mu1, sigma=sigma, n=n, effect=effect, alpha=alpha,
                        alternative=alternative, test=test)


_POWER_SPEC = (Part("power", ("power", "1 - beta")),
               Part("beta", ("beta", "type II", "type ii error", "beta error")),
               Part("critical_value", ("critical value", "c", "z*", "t*")),
               Part("noncentrality", ("delta", "noncentrality", "shift")))


def _check_power(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    def slips() -> dict:
        r = d.result
        return {"beta (the type II error), not the power": {"power": r["beta"]},
                "the power, not beta": {"beta": r["power"]}}

    return judge(d.result, answer, _POWER_SPEC, slips=slips)


_register(Task("power", "Power and type II error of a one-sample z (or t) test at a true mean",
               (Input("n", "number", "sample size"),
                Input("mu0", "number", "mean under H0 (default 0)", required=False),
                Input("mu1", "number", "the true mean", required=False),
                Input("sigma", "number", "population standard deviation", required=False),
                Input("effect", "number", "standardised effect (mu1 - mu0) / sigma",
                      required=False), _ALPHA, _ALT,
                Input("test", "choice", "z (default) or t", required=False, choices=("z", "t"))),
               _power, _check_power, topic="c3w4-hypothesis"))


def _ab(control: Any, variation: Any, alpha: Any = None, alternative: Any = None,
        confidence: Any = None) -> Any:
    from symbolic_mlmath.stats.experiments import derive_ab_test

    return derive_ab_test(control, variation, alpha=alpha, alternative=alternative,
                          confidence=confidence)


_AB_SPEC = (*TEST_SPEC,
            Part("lift", ("lift", "relative lift", "uplift")),
            Part("interval", ("interval", "ci", "difference interval"), "interval"),
            Part("lift_interval", ("lift interval", "lift_interval", "lift ci"), "interval"),
            Part("difference", ("difference", "diff", "absolute lift")))


def _check_ab(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    def slips() -> dict:
        r = d.result
        return {"the absolute difference, not the relative lift": {"lift": r["difference"]},
                "the lift as a ratio v/c (without subtracting 1)": {"lift": r["lift"] + 1}}

    return judge(d.result, answer, _AB_SPEC, alpha=alpha_of(d), slips=slips)


_register(Task("ab_test", "A/B test: conversions (two-proportion z) or means (Welch), with the "
               "lift and its interval",
               (Input("control", "raw", "conversions and visitors ({x: 45, n: 1000} or "
                      "[45, 1000]), or n, mean and s"),
                Input("variation", "raw", "the same for the variation"), _ALPHA, _ALT, _CONF),
               _ab, _check_ab, topic="c3w4-hypothesis"))

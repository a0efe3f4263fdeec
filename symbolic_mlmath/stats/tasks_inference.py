"""The inference tasks: regression, ANOVA, intervals, tests, MLE and Bayes (issue 15).

Examples
========
>>> [t.name for t in INFERENCE_TASKS][:2]
['linear_regression', 'anova']
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.tasks import Input, Task
from symbolic_mlmath.core.verdict import Verdict
from symbolic_mlmath.stats.answers_inference import Part, judge

__all__ = ["INFERENCE_TASKS"]

#: The inference tasks, in listing order.
INFERENCE_TASKS: list[Task] = []

_ALPHA = Input("alpha", "number", "significance level (default 0.05)", required=False)


def _register(task: Task) -> Task:
    INFERENCE_TASKS.append(task)
    return task


# ------------------------------------------------------------------ linear regression
def _derive_regression(x: Any, y: Any, degree: int | None = None, intercept: bool = True) -> Any:
    from symbolic_mlmath.stats.regression import derive_linear_regression

    return derive_linear_regression(x, y, degree=degree, intercept=intercept)


def _regression_view(result: dict) -> dict:
    """The regression result flattened: coefficients one by one, their errors, the table."""
    coef, se = result["coefficients"], result["std_errors"]
    view = {"coefficients": list(coef), "std_errors": list(se),
            "residual_sd": result["residual_sd"], "r_squared": result["r_squared"],
            **result["anova"]}
    return view


def _regression_spec(d: Any, view: dict) -> tuple[Part, ...]:
    names = [str(b) for b in d.steps[2].given["names"]]
    parts = [Part("coefficients", ("coefficients", "beta", "b", "coef"), "vector"),
             Part("std_errors", ("std_errors", "se", "standard errors"), "vector")]
    for j, b in enumerate(names):
        view[b] = view["coefficients"][j]
        view[f"se_{b}"] = view["std_errors"][j]
        alt = {"b0": ("intercept", "a"), "b1": ("slope", "m")}.get(b, ()) if d.steps[0].given[
            "intercept"] else ({"b1": ("slope", "m")}.get(b, ()))
        parts.append(Part(b, (b, *alt, b.replace("b", "beta"))))
        parts.append(Part(f"se_{b}", (f"se_{b}", f"se({b})", f"se{b}")))
    parts += [Part("residual_sd", ("s", "residual_sd", "residual sd", "sigma", "sigma_hat")),
              Part("r_squared", ("R^2", "R2", "r_squared", "r squared", "R squared")),
              Part("F", ("F",)), Part("SS_regression", ("SSR", "SS_regression", "SSreg")),
              Part("SS_residual", ("SSE", "RSS", "SS_residual", "SSres")),
              Part("MS_regression", ("MSR", "MS_regression")),
              Part("MS_residual", ("MSE", "MS_residual")),
              Part("df_regression", ("df_regression", "df1")),
              Part("df_residual", ("df_residual", "df2", "df"))]
    return tuple(parts)


def _check_regression(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    view = _regression_view(d.result)
    spec = _regression_spec(d, view)

    def slips() -> dict:
        from sympy import sqrt

        n = d.steps[0].given["n"]
        a = d.result["anova"]
        out = {"the residual SD with n instead of n - p in the denominator":
               {"residual_sd": sqrt(a["SS_residual"] / n)},
               "RSS/(n - p) (the variance, not the standard deviation)":
               {"residual_sd": a["MS_residual"]}}
        return out

    return judge(view, answer, spec, slips=slips)


_register(Task(
    "linear_regression",
    "Least squares exactly: normal equations, coefficients, standard errors, R², ANOVA table",
    (Input("x", "value", "predictor values (a vector), or rows of several predictors"),
     Input("y", "vector", "responses"),
     Input("degree", "int", "fit a polynomial of this degree in x", required=False),
     Input("intercept", "bool", "include an intercept column (default true)", required=False,
           default=True)),
    _derive_regression, _check_regression, topic="c3w3-mle"))


# ------------------------------------------------------------------ one-way ANOVA
def _derive_anova(groups: Any, alpha: Any = None) -> Any:
    from symbolic_mlmath.stats.anova import derive_anova

    return derive_anova(groups, alpha)


_ANOVA_SPEC = (
    Part("F", ("F", "F statistic", "statistic")),
    Part("p_value", ("p", "p_value", "p-value", "pvalue")),
    Part("decision", ("decision",), "decision"),
    Part("SS_between", ("SS_between", "SSB", "SS between", "SStr", "SST_r")),
    Part("SS_within", ("SS_within", "SSW", "SS within", "SSE")),
    Part("df_between", ("df_between", "df1", "df between")),
    Part("df_within", ("df_within", "df2", "df within")),
    Part("MS_between", ("MS_between", "MSB", "MS between", "MSTR")),
    Part("MS_within", ("MS_within", "MSW", "MS within", "MSE")),
    Part("SS_total", ("SS_total", "SST", "SS total")),
)


def _check_anova(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    r = d.result
    alpha = d.steps[-1].given["alpha"]

    def slips() -> dict:
        n_total = int(r["df_between"] + r["df_within"] + 1)
        return {
            "MS_within / MS_between (F upside down)": {"F": 1 / r["F"]},
            "the sums of squares not divided by their degrees of freedom":
                {"F": r["SS_between"] / r["SS_within"]},
            "N - 1 within-group degrees of freedom instead of N - k":
                {"df_within": n_total - 1,
                 "MS_within": r["SS_within"] / (n_total - 1)},
        }

    return judge(r, answer, _ANOVA_SPEC, alpha=alpha, slips=slips)


_register(Task(
    "anova",
    "One-way ANOVA: group means, sums of squares, F, p-value and decision",
    (Input("groups", "raw", "the groups' data (one list per group), or n, mean and "
           "variance of each group"), _ALPHA),
    _derive_anova, _check_anova, topic="c3w4-hypothesis"))

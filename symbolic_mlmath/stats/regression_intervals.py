"""Intervals from a least-squares fit: coefficients, the mean response, a new observation.

Coefficient intervals are ``b_j ± t_{α/2, n-p} se(b_j)``; at a new point x0 (a row of
the design matrix) the mean response has standard error ``s sqrt(h0)`` and a new
observation ``s sqrt(1 + h0)``, with the leverage ``h0 = x0ᵀ(XᵀX)⁻¹x0`` exact.

Examples
========
>>> r = derive_regression_ci([1, 2, 3, 4], [2, 3, 5, 6], confidence="0.95").result
>>> [round(float(v), 4) for v in r["b1"]]
[0.7915, 2.0085]
>>> r = derive_prediction_interval([1, 2, 3, 4], [2, 3, 5, 6], x_new=5).result
>>> r["fit"], [round(float(v), 4) for v in r["prediction"]]
(15/2, [5.3487, 9.6513])
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.formulas import exact_number, quantity_step, sym
from symbolic_mlmath.stats.intervals import confidence_level, interval_steps
from symbolic_mlmath.stats.regression import fit_least_squares, regression_steps
from symbolic_mlmath.stats.rules import StatsRule as R

__all__ = ["derive_prediction_interval", "derive_regression_ci"]


def _fit_steps(x: Any, y: Any, degree: Any, intercept: bool) -> tuple:
    fit = fit_least_squares(x, y, degree=degree, intercept=intercept)
    steps, result = regression_steps(fit)
    keep = [s for s in steps if s.rule not in (R.REGRESSION_ANOVA, R.R_SQUARED)]
    return fit, keep, result


def _df_step(fit: Any) -> Step:
    n_, p_ = sym("n", integer=True, positive=True), sym("p", integer=True, positive=True)
    return quantity_step(R.DEGREES_OF_FREEDOM, "df", n_ - p_, {n_: fit.n, p_: fit.p})


def derive_regression_ci(x: Any, y: Any, *, confidence: Any = None, degree: Any = None,
                         intercept: bool = True) -> Derivation:
    """A t interval for every coefficient of a least-squares fit."""
    from sympy import Integer, Symbol

    conf = confidence_level(confidence)
    fit, steps, res = _fit_steps(x, y, degree, intercept)
    dfs = _df_step(fit)
    steps.append(dfs)
    names = steps[2].given["names"]
    result: dict[str, Any] = {"df": Integer(dfs.after)}
    for b, value, se in zip(names, res["coefficients"], res["std_errors"], strict=True):
        ci_steps, r = interval_steps(value, se, "t", conf, dfs.after, str(b))
        steps += ci_steps[1:] if len(result) > 1 else ci_steps
        result[str(b)] = r["interval"]
        result.setdefault("critical_value", r["critical_value"])
    return Derivation("Confidence intervals for the regression coefficients", Symbol("beta"),
                      tuple(steps), result, task="regression_ci",
                      goal_label="Parameters estimated")


def _x0(fit: Any, x_new: Any) -> list[Any]:
    """The design-matrix row of a new point: powers of x for a polynomial, else 1 and the
    predictor values."""
    from sympy import Integer, MatrixBase, Symbol

    vals = list(x_new) if isinstance(x_new, MatrixBase | list | tuple) else [x_new]
    vals = [exact_number(v, "x_new") for v in vals]
    x = Symbol("x")
    if x in fit.columns or any(x in c.free_symbols for c in fit.columns):
        if len(vals) != 1:
            raise TaskError("x_new needs one value of x", name="x_new")
        return [c.subs(x, vals[0]) for c in fit.columns]
    k = fit.p - (1 if fit.intercept else 0)
    if len(vals) != k:
        raise TaskError(f"x_new needs {k} predictor value{'s' if k > 1 else ''}", name="x_new")
    return ([Integer(1)] if fit.intercept else []) + vals


def derive_prediction_interval(x: Any, y: Any, *, x_new: Any, confidence: Any = None,
                               degree: Any = None, intercept: bool = True) -> Derivation:
    """The fitted value at ``x_new`` with its confidence interval (the mean response) and
    its prediction interval (a new observation)."""
    from sympy import ImmutableMatrix, Integer, Symbol, Tuple, sqrt

    conf = confidence_level(confidence)
    fit, steps, res = _fit_steps(x, y, degree, intercept)
    row = _x0(fit, x_new)
    inv = fit.inverse.to_Matrix()
    x0 = ImmutableMatrix(row)
    h0 = (x0.T * inv * x0)[0, 0]
    beta = res["coefficients"]
    fitted = (x0.T * beta)[0, 0]
    x0s, b = sym("x_0"), sym("beta")
    fit_step = Step(R.POINT_ESTIMATE, None, fitted,
                    {"name": Symbol("yhat_0"), "formula": x0s * b,
                     "values": {x0s: Tuple(*row), b: Tuple(*beta)}, "kind": "fitted"})
    hs = Step(R.POINT_ESTIMATE, None, h0,
              {"name": Symbol("h_0"), "kind": "leverage", "x0": Tuple(*row), "inverse": inv})
    s = res["residual_sd"]
    ss, hh = sym("s", positive=True), sym("h_0", positive=True)
    se_mean = quantity_step(R.STANDARD_ERROR, "SE_mean", ss * sqrt(hh), {ss: s, hh: h0})
    se_pred = quantity_step(R.STANDARD_ERROR, "SE_pred", ss * sqrt(1 + hh), {ss: s, hh: h0})
    dfs = _df_step(fit)
    steps += [fit_step, hs, se_mean, se_pred, dfs]
    ci_steps, r1 = interval_steps(fitted, se_mean.after, "t", conf, dfs.after, "mean response")
    pi_steps, r2 = interval_steps(fitted, se_pred.after, "t", conf, dfs.after, "new observation")
    steps += ci_steps + pi_steps[1:]
    result = {"fit": fitted, "mean_interval": r1["interval"], "prediction": r2["interval"],
              "critical_value": r1["critical_value"], "df": Integer(dfs.after),
              "leverage": h0, "se_mean": se_mean.after, "se_prediction": se_pred.after}
    return Derivation("Prediction interval", Symbol("y_0"), tuple(steps), result,
                      task="prediction_interval", goal_label="Find")

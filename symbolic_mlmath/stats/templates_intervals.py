"""Templates of the estimation rules: samples, estimates, standard errors, intervals, power.

Examples
========
>>> from sympy import Rational, symbols, sqrt
>>> from symbolic_mlmath.render.formats import TEXT
>>> from symbolic_mlmath.stats.formulas import quantity_step
>>> s, n = symbols("s n", positive=True)
>>> st = quantity_step(R.STANDARD_ERROR, "SE", s / sqrt(n), {s: 4, n: 16})
>>> INTERVAL_TEMPLATES[R.STANDARD_ERROR].instance(st, TEXT)
'SE = s/√(n) = 4/√(16), so SE = 1'
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.render.formats import MathFormat, text_of
from symbolic_mlmath.render.templates import TemplateTable
from symbolic_mlmath.stats.rules import StatsRule as R
from symbolic_mlmath.stats.templates_inference import (
    named_value,
    quantity_text,
    show,
    show_approx,
    with_approx,
)

__all__ = ["INTERVAL_TEMPLATES"]

#: The templates of the estimation rules (merged into the subject's table).
INTERVAL_TEMPLATES = TemplateTable()
template = INTERVAL_TEMPLATES.add


_XBAR = (r"\bar x", "x̄")
_FITTED = (r"x_0^{\mathsf T}\beta", "x₀ᵀβ")
_LEVERAGE = (r"h_0 = x_0^{\mathsf T}(X^{\mathsf T}X)^{-1}x_0", "h₀ = x₀ᵀ(XᵀX)⁻¹x₀")
_APPROX = (r"\approx", "≈")
_BETA = (r"\beta = 1 - \text{power}", "β = 1 − power")


def _interval(pair: Any, f: MathFormat) -> str:
    lo, hi = pair
    return f"({show_approx(lo, f, 8)}, {show_approx(hi, f, 8)})"


@template(R.SAMPLE_SUMMARY, "Summarise the sample",
          lambda f: f.prose("The sample mean and the sample standard deviation (divisor n - 1): ")
          + f.raw(r"\bar x = \tfrac1n\sum x_i,\ s = \sqrt{\tfrac{1}{n-1}\sum (x_i - \bar x)^2}",
                  "x̄ = Σxᵢ/n,  s = √(Σ(xᵢ − x̄)²/(n − 1))") + ".", "=>")
def _summary(step: Step, f: MathFormat) -> str:
    n, mean, sd = step.after
    which = str(step.given.get("which", "data"))
    head = "" if which == "data" else f"{f.prose(which)}: "
    return f"{head}n = {f.m(n)}, {f.raw(*_XBAR)} = {with_approx(mean, f)}, s = {with_approx(sd, f)}"


@template(R.PAIRED_DIFFERENCES, "Paired differences",
          lambda f: f.prose("A paired design is one sample of differences: ")
          + f.raw(r"d_i = x_i - y_i", "dᵢ = xᵢ − yᵢ") + ".", "=>")
def _diffs(step: Step, f: MathFormat) -> str:
    return f"d = {show(step.after, f)}"


@template(R.POINT_ESTIMATE, "Point estimate", "Estimate the parameter from the sample.", "=>")
def _estimate(step: Step, f: MathFormat) -> str:
    g = step.given
    kind = str(g.get("kind", ""))
    if kind == "fitted":
        return f"{f.m(g['name'])} = {f.raw(*_FITTED)} = {with_approx(step.after, f)}"
    if kind == "leverage":
        return f"{f.raw(*_LEVERAGE)} = {with_approx(step.after, f)}"
    return quantity_text(step, f)


def _q(rule: Any, title: str, law: Any) -> None:
    template(rule, title, law, "=>")(quantity_text)


_q(R.STANDARD_ERROR, "Standard error",
   "The standard deviation of the estimate's sampling distribution.")
_q(R.POOLED_VARIANCE, "Pooled variance",
   lambda f: f.prose("With equal variances assumed, pool the two samples: ")
   + f.raw(r"s_p^2 = \frac{(n_1-1)s_1^2 + (n_2-1)s_2^2}{n_1+n_2-2}",
           "s_p² = ((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2)") + ".")
_q(R.POOLED_PROPORTION, "Pooled proportion",
   "Under H0 both groups share one proportion: estimate it from all the data together.")
_q(R.DEGREES_OF_FREEDOM, "Degrees of freedom",
   "The degrees of freedom of the t law: observations minus estimated means (or coefficients).")
_q(R.WELCH_DF, "Welch-Satterthwaite degrees of freedom",
   lambda f: f.prose("With unequal variances, approximate the degrees of freedom by ")
   + f.raw(r"\nu = \frac{(a_1 + a_2)^2}{a_1^2/(n_1-1) + a_2^2/(n_2-1)},\ a_i = s_i^2/n_i",
           "ν = (a₁ + a₂)²/(a₁²/(n₁−1) + a₂²/(n₂−1)), aᵢ = sᵢ²/nᵢ")
   + f.prose(" (not a whole number in general)."))
_q(R.MARGIN_OF_ERROR, "Margin of error",
   lambda f: f.prose("The margin of error is the critical value times the standard error: ")
   + f.raw(r"E = c \cdot SE", "E = c·SE") + ".")
_q(R.LIFT, "Lift",
   lambda f: f.prose("The lift is the relative change of the variation over the control: ")
   + f.raw(r"\text{lift} = (v - c)/c", "lift = (v − c)/c") + ".")


@template(R.CONFIDENCE_INTERVAL, "Confidence interval",
          lambda f: f.prose("The interval is the estimate plus or minus the margin of error: ")
          + f.raw(r"\hat\theta \pm E", "θ̂ ± E") + ".", "=>")
def _ci(step: Step, f: MathFormat) -> str:
    g = step.given
    pct = g["confidence"] * 100
    name = f.m(g["estimate_name"])
    from sympy import Symbol

    out = (f"{f.m(pct)}{f.prose('% interval for')} {name}: {with_approx(g['estimate'], f)} ± "
           f"{show_approx(g['margin'], f, 8)}, {f.prose('so')} "
           + named_value(step, f, name=Symbol("CI")))
    ex = g.get("exact")
    if ex is not None and "scale" not in g and len(text_of(ex)) < 160:
        out += f"; {f.prose('exactly')} {f.m(ex)}"
    return out


@template(R.WILSON_INTERVAL, "Wilson score interval",
          lambda f: f.prose("Invert the score test: centre ")
          + f.raw(r"\frac{\hat p + z^2/2n}{1 + z^2/n}", "(p̂ + z²/2n)/(1 + z²/n)")
          + f.prose(", half-width ")
          + f.raw(r"\frac{z}{1 + z^2/n}\sqrt{\frac{\hat p(1-\hat p)}{n} + \frac{z^2}{4n^2}}",
                  "z/(1 + z²/n) √(p̂(1−p̂)/n + z²/4n²)")
          + f.prose("; it stays inside [0, 1] and covers better than the Wald interval."), "=>")
def _wilson(step: Step, f: MathFormat) -> str:
    pct = step.given["confidence"] * 100
    return f"{f.m(pct)}{f.prose('% interval')}: {_interval(step.after, f)}"


@template(R.SAMPLE_SIZE, "Sample size",
          lambda f: f.prose("Solve margin <= E for n and round up to a whole number: ")
          + f.raw(r"n \ge (z\sigma/E)^2", "n ≥ (zσ/E)²") + f.prose(" for a mean, ")
          + f.raw(r"n \ge z^2 p(1-p)/E^2", "n ≥ z² p(1−p)/E²") + f.prose(" for a proportion."),
          "=>")
def _n(step: Step, f: MathFormat) -> str:
    g = step.given
    note = f.prose(" (p = 1/2, the most cautious guess)") if g.get("assumed_p") else ""
    if str(g.get("kind")) == "power":
        note = f.prose(f" for power {g['power']}")
        if g.get("start_only"):
            note += f.prose(" (the z test's size: the start of the t search)")
    from sympy import Symbol

    return (f"n ≥ {f.m(g['formula'])} = {show_approx(g['unrounded'], f, 10)}{note}, "
            f"{f.prose('so')} " + named_value(step, f, name=Symbol("n")))


@template(R.REJECTION_REGION, "Rejection region",
          "The values of the estimate for which the test rejects H0: beyond the null value by "
          "the critical value times the standard error.", "=>")
def _region(step: Step, f: MathFormat) -> str:
    alt = str(step.given["alternative"])
    lo, hi = step.after
    xb = f.raw(r"\bar x", "x̄")
    if alt == "greater":
        return f"{f.prose('reject when')} {xb} > {show_approx(lo, f, 8)}"
    if alt == "less":
        return f"{f.prose('reject when')} {xb} < {show_approx(hi, f, 8)}"
    return (f"{f.prose('reject when')} {xb} < {show_approx(lo, f, 8)} {f.prose('or')} "
            f"{xb} > {show_approx(hi, f, 8)}")


@template(R.POWER, "Power",
          "The power is the probability of rejecting H0 when the true value is the one given; "
          "its complement beta is the probability of a type II error.", "=>")
def _power(step: Step, f: MathFormat) -> str:
    g = step.given
    exact = "" if step.after.is_Float else f" = {f.m(step.after)}"
    return (f"{f.prose('power')}{exact} {f.raw(*_APPROX)} {show_approx(g['approx'], f, 8)}, "
            f"{f.raw(*_BETA)} {f.raw(*_APPROX)} "
            f"{show_approx(g['beta'], f, 8)}")



@template(R.POWER_SEARCH, "Step n with the noncentral t power",
          lambda f: f.prose("For a t test the statistic under H1 is noncentral t with n − 1 "
                            "degrees of freedom and noncentrality ")
          + f.raw(r"\delta = d\sqrt{n}", "δ = d√n")
          + f.prose(" (two groups of n: 2n − 2 and ") + f.raw(r"d\sqrt{n/2}", "d√(n/2)")
          + f.prose("); the power is ")
          + f.raw(r"1 - F_{n-1,\delta}(t^*)\ (+\,F_{n-1,\delta}(-t^*)\text{ two-sided})",
                  "1 − F(t*; n − 1, δ) (+ F(−t*; n − 1, δ) two-sided)")
          + f.prose(". It grows with n, so step n from the z estimate until it reaches the "
                    "target: the answer is the smallest such n (n − 1 falls short)."), "=>")
def _power_search(step: Step, f: MathFormat) -> str:
    from sympy import Symbol

    g = step.given
    target = f"{float(g['target']):g}"
    lines = []
    for n, df, crit, delta, pw in g["rows"]:
        rel = "≥" if pw >= g["target"] else "<"
        lines.append(f"n = {f.m(n)}: t*({f.m(df)}) = {show_approx(crit, f, 6)}, δ = "
                     f"{show_approx(delta, f, 6)}, {f.prose('power')} = "
                     f"{show_approx(pw, f, 8)} {rel} {target}")
    side = f.prose(" (H1: μ < μ0 mirrored to μ > μ0)") if g.get("mirrored") else ""
    if int(g.get("samples", 1)) == 2:
        side += f.prose(" per group of a two-sample t test: 2n − 2 degrees of freedom, "
                        "δ = d√(n/2)")
    return (f"{f.prose('from the z estimate')} n = {f.m(g['start'])}{side}: " + "; ".join(lines)
            + f"; {f.prose('so')} " + named_value(step, f, name=Symbol("n")))

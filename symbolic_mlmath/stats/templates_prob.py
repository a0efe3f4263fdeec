"""Templates of the probability, distribution and data rules (issue 14): all their wording.

Examples
========
>>> from sympy import Integer, Rational, Symbol
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.render.formats import TEXT
>>> from symbolic_mlmath.stats.notation import Prob
>>> X = Symbol("X")
>>> s = Step(StatsRule.COMPLEMENT_RULE, Prob(X > 2), 1 - Prob(X <= 2), {"event": X > 2})
>>> PROB_TEMPLATES[StatsRule.COMPLEMENT_RULE].instance(s, TEXT)
'the complement of X > 2 is X <= 2'
"""

from __future__ import annotations

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.render.formats import MathFormat
from symbolic_mlmath.render.templates import TemplateTable
from symbolic_mlmath.stats.rules import StatsRule
from symbolic_mlmath.stats.template_parts import becomes as _becomes
from symbolic_mlmath.stats.template_parts import given as _g
from symbolic_mlmath.stats.template_parts import part as _part

__all__ = ["PROB_TEMPLATES"]

PROB_TEMPLATES = TemplateTable()
template = PROB_TEMPLATES.add


def _dist(step: Step, f: MathFormat) -> str:
    d = _g(step, "distribution")
    return f"X ~ {f.prose(str(d))}" if d is not None else ""


def _both(f: MathFormat, tex: str, text: str) -> str:
    return f.raw(tex, text)


# ------------------------------------------------------------------ distributions
@template(StatsRule.PMF_FORMULA, "Probability mass function",
          "A discrete distribution is given by its PMF: the probability of each value.")
def _pmf(step: Step, f: MathFormat) -> str:
    return f"{_dist(step, f)}: {f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.PDF_FORMULA, "Probability density function",
          "A continuous distribution is given by its density f; probabilities are areas under f.")
def _pdf(step: Step, f: MathFormat) -> str:
    return f"{_dist(step, f)}: {f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.PLUG_IN, "Substitute the values",
          "Put the parameters (and the value asked) into the formula.")
def _plug(step: Step, f: MathFormat) -> str:
    after = step.after
    if hasattr(after, "variables"):
        pairs = ", ".join(f"{f.m(v)} = {f.m(p)}" for v, p in zip(after.variables, after.point,
                                                                  strict=True))
        return f"{f.prose('with')} {pairs}"
    return f.m(after)


@template(StatsRule.OUTSIDE_SUPPORT, "Outside the support",
          "The PMF or PDF is 0 at values the variable cannot take; the CDF is 0 below them.")
def _outside(step: Step, f: MathFormat) -> str:
    lo, hi = _g(step, "support")
    return (f"{f.m(_g(step, 'x'))} {f.prose('is outside the support')} "
            f"[{f.m(lo)}, {f.m(hi)}], {f.prose('so the value is')} 0")


@template(StatsRule.NORMALIZATION, "Normalisation check",
          "A PMF must sum to 1 and a PDF integrate to 1 over the support.", "=>")
def _norm(step: Step, f: MathFormat) -> str:
    return f"{f.m(_g(step, 'total'))} = 1"


@template(StatsRule.CDF_SUM, "CDF as a sum",
          lambda f: f.prose("For a discrete variable the CDF adds the PMF: ")
          + _both(f, r"F(x) = P(X \le x) = \sum_{k \le x} P(X = k)", "F(x) = P(X ≤ x) = Σ_{k≤x} P(X = k)")
          + ".")
def _cdf_sum(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.CDF_INTEGRAL, "CDF as an integral",
          lambda f: f.prose("For a continuous variable the CDF is the area under the density: ")
          + _both(f, r"F(x) = P(X \le x) = \int_{-\infty}^{x} f(t)\,dt",
                  "F(x) = P(X ≤ x) = ∫_{-∞}^{x} f(t) dt") + ".")
def _cdf_int(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.WRITE_OUT_SUM, "Write out the sum", "Write the finite sum term by term.")
def _write_out(step: Step, f: MathFormat) -> str:
    return f.m(_becomes(step))


@template(StatsRule.EVALUATE_INTEGRAL, "Evaluate the integral",
          lambda f: f.prose("With an antiderivative F: ")
          + _both(f, r"\int_a^b f(t)\,dt = F(b) - F(a)", "∫_a^b f(t) dt = F(b) − F(a)") + ".")
def _eval_int(step: Step, f: MathFormat) -> str:
    anti = _g(step, "antiderivative")
    t = _g(step, "variable")
    lead = f"F({f.m(t)}) = {f.m(anti)}; " if anti is not None and t is not None else ""
    return f"{lead}{f.prose('value')} {f.m(_becomes(step))}"


@template(StatsRule.STANDARDIZE, "Standardise",
          lambda f: f.prose("If X ~ N(μ, σ) then Z = (X − μ)/σ ~ N(0, 1): ")
          + _both(f, r"P(X \le x) = P\left(Z \le \frac{x-\mu}{\sigma}\right)",
                  "P(X ≤ x) = P(Z ≤ (x − μ)/σ)") + ".")
def _standardize(step: Step, f: MathFormat) -> str:
    return (f"z = ({f.m(_g(step, 'x'))} - {f.m(_g(step, 'mu'))})/{f.m(_g(step, 'sigma'))} = "
            f"{f.m(_g(step, 'z'))}")


@template(StatsRule.COMPLEMENT_RULE, "Complement rule",
          lambda f: _both(f, r"P(A) = 1 - P(A^c)", "P(A) = 1 − P(not A)")
          + f.prose(": the event and its complement share all the probability."))
def _complement(step: Step, f: MathFormat) -> str:
    from sympy import Not

    ev = _g(step, "event")
    if ev is None:
        return f.m(_becomes(step))
    neg = Not(ev)
    return f"{f.prose('the complement of')} {f.m(ev)} {f.prose('is')} {f.m(neg)}"


@template(StatsRule.EVENT_SIMPLIFY, "Simplify the event",
          "Write the event as one interval of values: the same outcomes, so the same probability.")
def _event_simplify(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.INTERVAL_RULE, "Probability of an interval",
          lambda f: _both(f, r"P(a < X \le b) = F(b) - F(a)", "P(a < X ≤ b) = F(b) − F(a)") + ".")
def _interval(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.ENDPOINT_RULE, "Endpoints",
          "A continuous variable gives each single point probability 0, so < and ≤ agree; "
          "an integer-valued one has X < b exactly when X ≤ the integer below b.")
def _endpoint(step: Step, f: MathFormat) -> str:
    if _g(step, "point") is not None:
        return f"P(X = {f.m(_g(step, 'point'))}) = 0 {f.prose('for a continuous variable')}"
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.DECIMAL_VALUE, "Decimal value",
          "Evaluate the exact value to the number of significant digits asked.")
def _decimal(step: Step, f: MathFormat) -> str:
    return f"{f.m(_becomes(step))} ({_g(step, 'digits')} {f.prose('significant digits')})"


@template(StatsRule.QUANTILE_DEFINITION, "Quantile",
          lambda f: f.prose("The q-quantile is the value x with F(x) = q (for a discrete "
                            "variable: the smallest x with F(x) ≥ q)."))
def _quantile(step: Step, f: MathFormat) -> str:
    conv = _g(step, "convention")
    tail = f" ({f.prose(str(conv))})" if conv is not None else ""
    return f"{f.m(_part(step))}: {f.m(_becomes(step))}{tail}"


@template(StatsRule.INVERT_CDF, "Invert the CDF", "Solve F(x) = q for x in closed form.")
def _invert(step: Step, f: MathFormat) -> str:
    return f"x = {f.m(_becomes(step))}"


@template(StatsRule.ROOT_FIND, "Solve numerically",
          "F(x) = q has no closed form here: bracket the root, then Newton steps on the "
          "regularised incomplete beta/gamma function to the digits asked.", "=>")
def _root(step: Step, f: MathFormat) -> str:
    return f"x ≈ {f.m(_becomes(step))} ({_g(step, 'digits')} {f.prose('significant digits')})"


@template(StatsRule.CUMULATIVE_TABLE, "Cumulative probabilities",
          "Add up the PMF until the running total first reaches q.", "=>")
def _cumtable(step: Step, f: MathFormat) -> str:
    rows = _g(step, "table")
    parts = [f"F({f.m(r[0])}) = {f.m(r[1])}" for r in rows.tolist()] if rows is not None else []
    return "; ".join(parts) + f" ⟹ x = {f.m(_becomes(step))}"


# ------------------------------------------------------------------ expectation and variance
@template(StatsRule.MOMENT_FORMULA, "Known formula",
          "Each family's mean and variance have a formula in its parameters.", "=>")
def _moment(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_g(step, 'formula'))} = {f.m(_becomes(step))}"


@template(StatsRule.EXPECTATION_DEFINITION, "Expected value by definition",
          lambda f: _both(f, r"\mathbb{E}[g(X)] = \sum_x g(x)\,P(X = x)"
                          r"\ \text{or}\ \int g(x) f(x)\,dx",
                          "E[g(X)] = Σ g(x) P(X = x) or ∫ g(x) f(x) dx") + ".")
def _e_def(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.SUM_INTEGRAL_VALUE, "Evaluate", "Evaluate the sum or integral exactly.")
def _sum_value(step: Step, f: MathFormat) -> str:
    return f"{f.prose('value')} {f.m(_becomes(step))}"


@template(StatsRule.LINEARITY, "Linearity of expectation",
          lambda f: _both(f, r"\mathbb{E}[aX + b] = a\,\mathbb{E}[X] + b", "E[aX + b] = a E[X] + b")
          + ".")
def _linear(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.VARIANCE_SHORTCUT, "Variance shortcut",
          lambda f: _both(f, r"\operatorname{Var} X = \mathbb{E}[X^2] - \mathbb{E}[X]^2",
                          "Var X = E[X²] − E[X]²") + ".")
def _var_short(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.VARIANCE_AFFINE, "Variance of aX + b",
          lambda f: _both(f, r"\operatorname{Var}(aX + b) = a^2 \operatorname{Var} X",
                          "Var(aX + b) = a² Var X") + f.prose(": shifting does not spread."))
def _var_affine(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.STD_FROM_VARIANCE, "Standard deviation",
          lambda f: f.prose("The standard deviation is the square root of the variance: ")
          + _both(f, r"\sigma = \sqrt{\operatorname{Var} X}", "σ = √(Var X)") + ".")
def _std(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"

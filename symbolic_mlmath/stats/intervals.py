"""Confidence intervals: means (z and t), proportions (Wald and Wilson), regression
coefficients, mean responses and predictions; margins of error and sample sizes.

Every interval is formula -> substitution -> critical value -> interval: the standard
error exact (surds), the critical value to 30 digits (the normal one also exactly, as
``sqrt(2) erfinv(c)``), and the endpoints both as an exact expression in the critical
value and in decimals.

Examples
========
>>> r = derive_ci_mean(xbar=50, n=25, sigma=10, confidence="0.95").result
>>> [round(float(v), 4) for v in r["interval"]], r["standard_error"]
([46.0801, 53.9199], 2)
>>> r = derive_ci_mean(data="4 6 5 7 3", confidence="0.9").result
>>> r["df"], [round(float(v), 4) for v in r["interval"]]
(4, [3.4926, 6.5074])
>>> derive_sample_size(margin="0.03", confidence="0.95").result
1068
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.formulas import approx, exact_number, minus, quantity_step, sym
from symbolic_mlmath.stats.rules import StatsRule as R
from symbolic_mlmath.stats.samples import Sample, sample_from
from symbolic_mlmath.stats.testing import check_alpha, critical_value_step

__all__ = [
    "confidence_level",
    "derive_ci_mean",
    "derive_ci_proportion",
    "derive_margin_of_error",
    "derive_sample_size",
    "interval_steps",
]


def confidence_level(confidence: Any) -> Any:
    """The confidence level (default 0.95) as an exact number in (0, 1); ``95`` means 95%
    (a number from 50 to 100 is read as a percentage)."""
    from sympy import Rational

    if confidence is None:
        return Rational(95, 100)
    c = exact_number(confidence, "confidence")
    if c.is_number and 50 <= c < 100:
        c = c / 100
    return check_alpha(c, "confidence")


def interval_steps(estimate: Any, se: Any, law: str, confidence: Any, df: Any = None,
                   estimate_name: str = "estimate") -> tuple[list[Step], dict]:
    """Critical value, margin of error and the interval estimate ± margin."""
    from sympy import Symbol, Tuple

    alpha = 1 - confidence
    cs = critical_value_step(law, alpha, "two-sided", df)
    c, se_name = sym("c"), sym("SE")
    from sympy import Float

    crit_label = Symbol("z_c") if law == "z" else Symbol("t_c")
    e_value = Float((cs.after * se).evalf(40), 30)
    margin = quantity_step(R.MARGIN_OF_ERROR, "E", c * se_name, {c: cs.after, se_name: se},
                           e_value, exact=crit_label * se)
    lo = Float((estimate - e_value).evalf(40), 30)
    hi = Float((estimate + e_value).evalf(40), 30)
    exact_c = cs.given.get("exact", crit_label)
    ci = Step(R.CONFIDENCE_INTERVAL, None, Tuple(lo, hi),
              {"estimate": estimate, "margin": margin.after, "confidence": confidence,
               "estimate_name": Symbol(estimate_name),
               "exact": Tuple(estimate - exact_c * se, estimate + exact_c * se),
               "approx": Tuple(approx(lo), approx(hi))})
    result = {"interval": Tuple(lo, hi), "estimate": estimate, "margin_of_error": margin.after,
              "critical_value": cs.after, "standard_error": se}
    if df is not None:
        result["df"] = df
    return [cs, margin, ci], result


def _mean_se(sample: Sample) -> tuple[list[Step], Any, str, Any]:
    from sympy import sqrt

    n_ = sym("n", integer=True, positive=True)
    if sample.sigma is not None:
        g = sym("sigma", positive=True)
        se = quantity_step(R.STANDARD_ERROR, "SE", g / sqrt(n_), {g: sample.sigma, n_: sample.n})
        return [se], se.after, "z", None
    s = sym("s", positive=True)
    se = quantity_step(R.STANDARD_ERROR, "SE", s / sqrt(n_), {s: sample.sd, n_: sample.n})
    df = quantity_step(R.DEGREES_OF_FREEDOM, "df", minus(n_, 1), {n_: sample.n})
    return [se, df], se.after, "t", df.after


def derive_ci_mean(data: Any = None, *, xbar: Any = None, n: Any = None, s: Any = None,
                   sigma: Any = None, confidence: Any = None) -> Derivation:
    """A confidence interval for a mean: z with a known ``sigma``, t with the sample's s."""
    from sympy import Integer, Symbol

    conf = confidence_level(confidence)
    sample = sample_from(data, xbar=xbar, n=n, s=s, sigma=sigma)
    se_steps, se, law, df = _mean_se(sample)
    steps, result = interval_steps(sample.mean, se, law, conf, df, "xbar")
    if df is not None:
        result["df"] = Integer(df)
    title = f"{'z' if law == 'z' else 't'} confidence interval for a mean"
    return Derivation(title, Symbol("mu"), (*sample.steps, *se_steps, *steps), result,
                      task="ci_mean", goal_label="Parameter estimated")


def _proportion(x: Any, n: Any) -> tuple[int, int]:
    xx, nn = exact_number(x, "x"), exact_number(n, "n")
    if not nn.is_Integer or nn < 1:
        raise TaskError("n must be a whole number >= 1", name="n")
    if not xx.is_Integer or not 0 <= xx <= nn:
        raise TaskError(f"x must be a whole number from 0 to n = {nn}", name="x")
    return int(xx), int(nn)


def derive_ci_proportion(x: Any, n: Any, *, confidence: Any = None,
                         method: Any = None) -> Derivation:
    """A confidence interval for a proportion: ``wald`` (p̂ ± z SE) or ``wilson`` (score).

    Examples
    ========
    >>> r = derive_ci_proportion(40, 100, confidence="0.95", method="wilson").result
    >>> [round(float(v), 6) for v in r["interval"]]
    [0.309401, 0.497997]
    """
    from sympy import Symbol, Tuple, sqrt

    conf = confidence_level(confidence)
    kind = (method or "wald").strip().lower()
    if kind not in ("wald", "wilson"):
        raise TaskError("method must be wald or wilson", name="method")
    xi, ni = _proportion(x, n)
    xx, nn, ps = sym("x"), sym("n", integer=True, positive=True), sym("phat")
    est = quantity_step(R.POINT_ESTIMATE, "phat", xx / nn, {xx: xi, nn: ni})
    se = quantity_step(R.STANDARD_ERROR, "SE", sqrt(ps * (1 - ps) / nn), {ps: est.after, nn: ni})
    if kind == "wald":
        steps, result = interval_steps(est.after, se.after, "z", conf, None, "phat")
        return Derivation("Wald confidence interval for a proportion", Symbol("p"),
                          (est, se, *steps), result, task="ci_proportion",
                          goal_label="Parameter estimated")
    cs = critical_value_step("z", 1 - conf, "two-sided")
    z = sym("z")
    zc = cs.given["exact"]
    center_f = (ps + z**2 / (2 * nn)) / (1 + z**2 / nn)
    half_f = z / (1 + z**2 / nn) * sqrt(ps * (1 - ps) / nn + z**2 / (4 * nn**2))
    vals = {ps: est.after, nn: ni, z: zc}
    center = center_f.xreplace(vals)
    half = half_f.xreplace(vals)
    lo, hi = (center - half).evalf(35), (center + half).evalf(35)
    from sympy import Float

    lo, hi = Float(lo, 30), Float(hi, 30)
    w = Step(R.WILSON_INTERVAL, None, Tuple(lo, hi),
             {"center": center_f, "half_width": half_f, "values": vals, "confidence": conf,
              "approx": Tuple(approx(lo), approx(hi))})
    result = {"interval": Tuple(lo, hi), "estimate": est.after, "critical_value": cs.after,
              "standard_error": se.after}
    return Derivation("Wilson score interval for a proportion", Symbol("p"),
                      (est, se, cs, w), result, task="ci_proportion",
                      goal_label="Parameter estimated")


def derive_margin_of_error(*, confidence: Any = None, n: Any = None, sigma: Any = None,
                           s: Any = None, p: Any = None, x: Any = None) -> Derivation:
    """The margin of error E = critical value x standard error (mean or proportion)."""
    from sympy import Symbol, sqrt

    conf = confidence_level(confidence)
    if n is None:
        raise TaskError("the margin of error needs the sample size n", name="n")
    nn = sym("n", integer=True, positive=True)
    if x is not None or p is not None:
        if x is not None:
            xi, ni = _proportion(x, n)
            phat = exact_number(xi) / ni
        else:
            ni = int(exact_number(n, "n"))
            phat = exact_number(p, "p")
            if not 0 <= phat <= 1:
                raise TaskError("p must be a proportion between 0 and 1", name="p")
        ps = sym("phat")
        se = quantity_step(R.STANDARD_ERROR, "SE", sqrt(ps * (1 - ps) / nn), {ps: phat, nn: ni})
        steps, result = interval_steps(phat, se.after, "z", conf)
        steps = [se, *steps[:2]]
    else:
        sample = sample_from(xbar=0, n=n, s=s, sigma=sigma)
        se_steps, se_v, law, df = _mean_se(sample)
        full, result = interval_steps(0, se_v, law, conf, df)
        steps = [*se_steps, *full[:2]]
    return Derivation("Margin of error", Symbol("E"), tuple(steps), result["margin_of_error"],
                      task="margin_of_error", goal_label="Find")


def derive_sample_size(*, margin: Any = None, confidence: Any = None, sigma: Any = None,
                       p: Any = None, power: Any = None, effect: Any = None,
                       alpha: Any = None, alternative: Any = None,
                       test: Any = None, samples: Any = None) -> Derivation:
    """The smallest n whose margin of error is at most ``margin``: (z σ / E)² for a mean
    (known sigma), z² p(1 - p) / E² for a proportion (p = 1/2 when unknown), rounded up.

    With ``power`` and ``effect`` (the standardised effect (mu1 - mu0)/sigma) instead: the
    smallest n of a z test reaching that power, ((z_alpha + z_power) / effect)², rounded up
    (z_alpha/2 for a two-sided test, whose far tail is neglected); with ``test="t"`` the
    smallest n of a one-sample t test (``samples=2``: n per group of two), n stepped with
    the noncentral t power.

    Examples
    ========
    >>> derive_sample_size(power="0.8", effect="0.5", alpha="0.05").result
    32
    """
    from sympy import Float, Integer, Rational, Symbol, ceiling

    law = str(test or "z").strip().lower()
    if law not in ("z", "t"):
        raise TaskError("test must be z or t", name="test")
    if law == "t":
        from symbolic_mlmath.stats.power_t import derive_t_sample_size

        if margin is not None:
            raise TaskError("test=t sizes a t test for a power: give power and effect",
                            name="margin")
        return derive_t_sample_size(power=power, effect=effect, alpha=alpha,
                                    alternative=alternative, samples=samples)
    if samples is not None:
        raise TaskError("samples applies to a t test (test=t)", name="samples")
    if power is not None or effect is not None:
        return _size_for_power(power, effect, alpha, alternative)
    if margin is None:
        raise TaskError("give the margin of error wanted (or power and effect)", name="margin")
    conf = confidence_level(confidence)
    E = exact_number(margin, "margin")
    if not E.is_number or E <= 0:
        raise TaskError("the margin must be a positive number", name="margin")
    cs = critical_value_step("z", 1 - conf, "two-sided")
    z, e = sym("z"), sym("E")
    if sigma is not None:
        g = exact_number(sigma, "sigma")
        if g <= 0:
            raise TaskError("sigma must be positive", name="sigma")
        sg = sym("sigma", positive=True)
        formula, vals = (z * sg / e) ** 2, {z: cs.given["exact"], sg: g, e: E}
    else:
        pp = Rational(1, 2) if p is None else exact_number(p, "p")
        if not 0 < pp < 1:
            raise TaskError("p must be strictly between 0 and 1", name="p")
        ps = sym("p")
        formula, vals = z**2 * ps * (1 - ps) / e**2, {z: cs.given["exact"], ps: pp, e: E}
    raw = formula.xreplace(vals)
    value = Float(raw.evalf(40), 30)
    n = Integer(ceiling(raw.evalf(60)))
    step = Step(R.SAMPLE_SIZE, None, n,
                {"formula": formula, "values": vals, "unrounded": value,
                 "kind": "mean" if sigma is not None else "proportion",
                 "assumed_p": p is None and sigma is None})
    return Derivation("Sample size", Symbol("n"), (cs, step), n, task="sample_size",
                      goal_label="Find")


def _size_for_power(power: Any, effect: Any, alpha: Any, alternative: Any) -> Derivation:
    from sympy import Float, Integer, Rational, Symbol, ceiling

    from symbolic_mlmath.stats.testing import check_alternative

    if power is None or effect is None:
        raise TaskError("a sample size for power needs both power and effect", name="power")
    target = check_alpha(exact_number(power, "power"), "power")
    d = exact_number(effect, "effect")
    if not d.is_number or d == 0:
        raise TaskError("the effect size must be a non-zero number", name="effect")
    a = check_alpha(Rational(5, 100) if alpha is None else exact_number(alpha, "alpha"))
    alt = check_alternative(alternative)
    ca = critical_value_step("z", a, "two-sided" if alt == "two-sided" else "greater")
    cb = critical_value_step("z", 1 - target, "greater")
    za, zb, dd = sym("z_alpha"), sym("z_power"), sym("d")
    formula = ((za + zb) / dd) ** 2
    vals = {za: ca.given["exact"], zb: cb.given["exact"], dd: abs(d)}
    raw = formula.xreplace(vals)
    n = Integer(ceiling(raw.evalf(60)))
    step = Step(R.SAMPLE_SIZE, None, n,
                {"formula": formula, "values": vals, "unrounded": Float(raw.evalf(40), 30),
                 "kind": "power", "assumed_p": False, "power": target})
    return Derivation("Sample size for a power", Symbol("n"), (ca, cb, step), n,
                      task="sample_size", goal_label="Find")

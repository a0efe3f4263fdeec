"""Power of a test, and A/B tests with the lift and its interval.

Power is P(reject H0 | the true value): for a z test it is exact in ``erfc`` of the
exact critical value ``sqrt(2) erfinv(.)``; for a t test it comes from the noncentral t
law (its incomplete-beta series summed with mpmath to 30 digits; the verifier recomputes it
as an integral).

Examples
========
>>> r = derive_power(mu0=100, mu1=105, sigma=15, n=36, alpha="0.05").result
>>> r["power"].evalf(10), r["beta"].evalf(10)
(0.5160052740, 0.4839947260)
>>> r = derive_ab_test({"x": 200, "n": 2000}, {"x": 250, "n": 2000}).result
>>> r["lift"], r["decision"]
(1/4, 'reject')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.formulas import approx, exact_number, quantity_step, sym
from symbolic_mlmath.stats.hypothesis import (
    derive_two_sample_test,
    finish_test,
    two_proportion_pieces,
)
from symbolic_mlmath.stats.intervals import confidence_level, interval_steps
from symbolic_mlmath.stats.rules import StatsRule as R
from symbolic_mlmath.stats.testing import (
    check_alpha,
    check_alternative,
    critical_value_step,
    hypotheses_step,
)

__all__ = ["derive_ab_test", "derive_power", "power_of"]


def _alpha(alpha: Any) -> Any:
    from sympy import Rational

    return check_alpha(Rational(5, 100) if alpha is None else exact_number(alpha, "alpha"))


def power_of(law: str, delta: Any, crit: Any, alternative: str, df: Any = None) -> Any:
    """P(reject) when the statistic is shifted by ``delta`` (exact erfc form for z)."""
    from sympy import Float, erfc, sqrt

    if law == "z":
        if alternative == "greater":
            return erfc((crit - delta) / sqrt(2)) / 2
        if alternative == "less":
            return erfc((delta - crit) / sqrt(2)) / 2
        return erfc((crit - delta) / sqrt(2)) / 2 + erfc((crit + delta) / sqrt(2)) / 2
    from symbolic_mlmath.stats.power_t import nct_cdf as F

    if alternative == "greater":
        return Float(1 - F(crit, df, delta), 30)
    if alternative == "less":
        return F(crit, df, delta)
    return Float(1 - F(crit, df, delta) + F(-crit, df, delta), 30)


def derive_power(*, mu0: Any = 0, mu1: Any = None, sigma: Any = None, n: Any,
                 effect: Any = None, alpha: Any = None, alternative: Any = None,
                 test: Any = None) -> Derivation:
    """Power and type II error of a one-sample z test (or t test) of H0: mu = mu0 when
    the true mean is ``mu1`` (or the standardised ``effect`` (mu1 - mu0) / sigma)."""
    from sympy import Float, Integer, Symbol, Tuple, sqrt

    law = (test or "z").strip().lower()
    if law not in ("z", "t"):
        raise TaskError("test must be z or t", name="test")
    alt, a = check_alternative(alternative), _alpha(alpha)
    nn = exact_number(n, "n")
    if not nn.is_Integer or nn < 2:
        raise TaskError("n must be a whole number >= 2", name="n")
    m0 = exact_number(mu0, "mu0")
    if effect is not None:
        d = exact_number(effect, "effect")
        g, m1 = Integer(1), m0 + d
    else:
        if mu1 is None or sigma is None:
            raise TaskError("give the true mean mu1 and sigma, or the effect size", name="mu1")
        m1, g = exact_number(mu1, "mu1"), exact_number(sigma, "sigma")
        if g <= 0:
            raise TaskError("sigma must be positive", name="sigma")
    mu = Symbol("mu")
    steps: list[Step] = [hypotheses_step(mu, m0, alt)]
    n_, sg = sym("n", integer=True, positive=True), sym("sigma", positive=True)
    se = quantity_step(R.STANDARD_ERROR, "SE", sg / sqrt(n_), {sg: g, n_: int(nn)})
    df = int(nn) - 1 if law == "t" else None
    cs = critical_value_step(law, a, alt, df)
    crit = cs.given.get("exact", cs.after)
    lo = m0 - crit * se.after
    hi = m0 + crit * se.after
    region = {"greater": Tuple(hi, sym("oo")), "less": Tuple(sym("-oo"), m0 + crit * se.after),
              "two-sided": Tuple(m0 - crit * se.after, hi)}[alt]
    del lo
    rr = Step(R.REJECTION_REGION, None, region,
              {"alternative": alt, "null": m0, "critical_value": cs.after, "standard_error":
               se.after, "approx": Tuple(*(approx(v) for v in region if v.is_number))})
    m1s, m0s, se_s = sym("mu_1"), sym("mu_0"), sym("SE")
    shift = quantity_step(R.TEST_STATISTIC, "delta", (m1s - m0s) / se_s,
                          {m1s: m1, m0s: m0, se_s: se.after})
    pw = power_of(law, shift.after, crit if law == "z" else cs.after, alt, df)
    pw_dec = Float(pw.evalf(40), 30) if law == "z" else pw
    power_step = Step(R.POWER, None, pw,
                      {"law": law, "delta": shift.after, "critical_value": cs.after,
                       "alternative": alt, "df": df if df is not None else Integer(0),
                       "approx": approx(pw_dec), "beta": 1 - pw})
    steps += [se, cs, rr, shift, power_step]
    result = {"power": pw_dec, "beta": 1 - pw_dec, "critical_value": cs.after,
              "noncentrality": shift.after}
    return Derivation(f"Power of a one-sample {law} test", Symbol("power"), tuple(steps),
                      result, task="power", goal_label="Find")


# ------------------------------------------------------------------ A/B tests
def _arm(value: Any, name: str) -> dict:
    """An arm as {x, n} (conversions and visitors) or {n, mean, s}."""
    from sympy import MatrixBase

    from symbolic_mlmath.stats.data import read_mapping

    if isinstance(value, str):
        text = value.strip()
        if ":" in text or "=" in text:
            value = read_mapping(text.replace("=", ":"), name=name)
        else:
            value = [t for t in text.strip("[]() ").replace(",", " ").split() if t]
    if isinstance(value, MatrixBase):
        value = list(value)
    if isinstance(value, list | tuple):
        if len(value) != 2:
            raise TaskError("give conversions and visitors, e.g. [45, 1000]", name=name)
        return {"x": value[0], "n": value[1]}
    if isinstance(value, Mapping):
        keys = {str(k).strip().lower(): v for k, v in value.items()}
        syn = {"conversions": "x", "successes": "x", "visitors": "n", "trials": "n",
               "sd": "s", "std": "s", "xbar": "mean"}
        return {syn.get(k, k): v for k, v in keys.items()}
    raise TaskError("give conversions and visitors ({x: 45, n: 1000}) or n, mean and s",
                    name=name)


def derive_ab_test(control: Any, variation: Any, *, alpha: Any = None,
                   alternative: Any = None, confidence: Any = None) -> Derivation:
    """An A/B test: variation against control, the lift and its interval.

    Conversions: a pooled two-proportion z test, the difference with an unpooled Wald
    interval, the lift (p_v - p_c) / p_c and its interval (the difference's interval over
    p_c). Means (n, mean, s): a Welch t test and interval of the difference.
    """
    from sympy import Symbol, Tuple

    c, v = _arm(control, "control"), _arm(variation, "variation")
    alt, a = check_alternative(alternative), _alpha(alpha)
    conf = confidence_level(confidence) if confidence is not None else 1 - a
    if "x" in c and "x" in v:
        from symbolic_mlmath.stats.hypothesis import count_pairs

        xs, ns = count_pairs([v["x"], c["x"]], [v["n"], c["n"]])
        pv, pc = Symbol("p_v"), Symbol("p_c")
        steps: list[Step] = [hypotheses_step(pv - pc, 0, alt)]
        pieces, p_v, p_c, diff, se = two_proportion_pieces(xs, ns, pooled=True)
        if se == 0 or p_c == 0:
            raise TaskError("the control converts at 0 (or nobody converts): no lift",
                            name="control")
        steps += pieces
        d_name, se_name = sym("d"), sym("SE")
        st = quantity_step(R.TEST_STATISTIC, "z", d_name / se_name, {d_name: diff, se_name: se})
        steps.append(st)
        result = finish_test(steps, "z", st.after, alt, a, standard_error=se, difference=diff)
        un = two_proportion_pieces(xs, ns, pooled=False)
        steps.append(un[0][-1])
        ci_steps, ci = interval_steps(diff, un[4], "z", conf, None, "p_v - p_c")
        steps += ci_steps
    else:
        d = derive_two_sample_test(v, c, test="welch", alternative=alt, alpha=a)
        steps = list(d.steps)
        result = dict(d.result)
        p_v, p_c, diff = v.get("mean"), c.get("mean"), result["estimate"]
        p_v, p_c = exact_number(p_v, "variation"), exact_number(p_c, "control")
        if p_c == 0:
            raise TaskError("the control mean is 0: the lift is undefined", name="control")
        ci_steps, ci = interval_steps(diff, result["standard_error"], "t", conf, result["df"],
                                      "mean_v - mean_c")
        steps += ci_steps
        result["difference"] = diff
    vs, cs_ = sym("v"), sym("c")
    lift = quantity_step(R.LIFT, "lift", (vs - cs_) / cs_, {vs: p_v, cs_: p_c})
    lo, hi = ci["interval"]
    lift_ci = Tuple(lo / p_c, hi / p_c)
    steps.append(Step(R.CONFIDENCE_INTERVAL, None, lift_ci,
                      {"estimate": lift.after, "margin": ci["margin_of_error"] / p_c,
                       "confidence": conf, "estimate_name": Symbol("lift"),
                       "exact": Tuple(lo / p_c, hi / p_c), "scale": p_c,
                       "approx": Tuple(approx(lift_ci[0]), approx(lift_ci[1]))}))
    steps.insert(len(steps) - 1, lift)
    result.update({"lift": lift.after, "interval": ci["interval"], "lift_interval": lift_ci,
                   "control_rate": p_c, "variation_rate": p_v})
    return Derivation("A/B test", Symbol("lift"), tuple(steps), result, task="ab_test",
                      goal_label="Find")

"""Working judges for tests and intervals: t_test, z_test, ci_mean (and the quantities
two_sample_test and ci_proportion share, in ``judge_two_sample`` and ``judge_proportion``).

The learner writes one quantity a line (``SE = s/sqrt(n) = 0.2083``, ``t = 2.304``,
``df = 4``, ``p = 0.083``, ``fail to reject H0``, ``CI = (5.1, 5.9)``). Each quantity has a
formula over the quantities before it: a line follows when its value is that formula
applied to the learner's own earlier values (error carried forward) or to the exact ones,
to the decimal places written. A line that does not follow is matched against the usual
slips (σ/n instead of σ/√n, n instead of n − 1, a one-sided p for a two-sided test, the z
critical value where t is needed, a decision that contradicts the learner's own p-value).

Examples
========
>>> from symbolic_mlmath.core.working import check_working
>>> inputs = {"xbar": "5.48", "n": "5", "s": "0.4658", "mu0": "5"}
>>> v = check_working("t_test", inputs, ["SE = s/sqrt(n) = 0.2083", "t = 2.304", "df = 4",
...                                      "p = 0.083", "fail to reject H0"])
>>> v.correct
True
>>> v = check_working("t_test", inputs, ["SE = 0.4658/5 = 0.0932", "t = 5.150", "df = 4",
...                                      "p = 0.0067", "reject H0"])
>>> v.correct, v.first_wrong_step, v.lines[0].mistake
(False, 0, 'σ/n instead of σ/√n')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from symbolic_mlmath.core.mistakes import Slip
from symbolic_mlmath.core.working import Follow, Judge, judges_for
from symbolic_mlmath.stats.judge_lines import Line, matches, read_line, show_line

__all__ = [
    "ALPHA_NOT_HALVED",
    "ARITH",
    "COMMON_NAMES",
    "CONTRADICTS_P",
    "JUDGES",
    "NO_ROOT_N",
    "NO_SQRT",
    "N_NOT_N1",
    "ONE_SIDED_P",
    "SIGN",
    "S_OVER_N",
    "TWO_SIDED_P",
    "WALD_FOR_WILSON",
    "WILSON_DENOMINATOR",
    "WILSON_NOT_SHIFTED",
    "Z_FOR_T",
    "Z_NOT_SQUARED",
    "Z_P_FOR_T",
    "Q",
    "WorkCtx",
    "alpha_of",
    "crit_q",
    "crit_value",
    "decision_q",
    "interval_qs",
    "make_ctx",
    "make_judge",
    "p_q",
    "pop_sd",
    "stat_q",
    "val",
]

S_OVER_N = "σ/n instead of σ/√n"
NO_ROOT_N = "not divided by √n"
N_NOT_N1 = "n instead of n − 1"
ONE_SIDED_P = "a one-sided p-value for a two-sided test"
TWO_SIDED_P = "a two-sided p-value for a one-sided test"
Z_FOR_T = "the z critical value where t is needed"
Z_P_FOR_T = "a normal (z) p-value where t is needed"
ALPHA_NOT_HALVED = "α not split between the two tails"
CONTRADICTS_P = "a decision that contradicts your own p-value"
SIGN = "sign error"
ARITH = "arithmetic slip"
NO_SQRT = "the variance, not its square root"
WALD_FOR_WILSON = "the Wald interval where Wilson's is asked"
WILSON_NOT_SHIFTED = "Wilson's centre not shifted from p̂"
WILSON_DENOMINATOR = "the factor 1/(1 + z²/n) left out"
Z_NOT_SQUARED = "z where z² is needed"


@dataclass(frozen=True)
class Q:
    """A quantity: its ``formula`` text, ``fn(ctx, state) -> value`` and
    ``slips(ctx, state) -> [(mistake, value), ...]``."""

    formula: str
    fn: Callable[[Any, dict], Any]
    slips: Callable[[Any, dict], list] = field(default=lambda c, s: [])


@dataclass
class WorkCtx:
    """What one working is judged against: the given values (``given``, the first state),
    the law, H1, α or the confidence level, the quantities and their spellings."""

    task: str
    given: dict
    facts: dict
    law: str
    alt: str
    alpha: Any
    quantities: dict
    names: dict
    final: str
    exact: dict = field(default_factory=dict)


def val(ctx: WorkCtx, state: dict, name: str) -> Any:
    """The learner's value of ``name`` if written, else its formula over their values."""
    if name in state:
        return state[name]
    return ctx.quantities[name].fn(ctx, state)


def _p(law: str, stat: Any, alt: str, df: Any) -> Any:
    from symbolic_mlmath.stats.critical import p_value

    return p_value(law, stat, alt, df=df if law == "t" else None)


def crit_value(law: str, alpha: Any, alt: str, df: Any) -> Any:
    """The critical value of the z or t law at ``alpha`` for H1 ``alt``."""
    from symbolic_mlmath.stats.critical import critical_value

    return critical_value(law, alpha, alt, df=df if law == "t" else None)


# ------------------------------------------------------------------ shared quantities
def stat_q(se_slips: Callable[[WorkCtx, dict], list]) -> Q:
    """The test statistic (estimate − μ0)/SE; ``se_slips`` give its slipped SEs."""
    def fn(c: WorkCtx, s: dict) -> Any:
        return (val(c, s, "est") - val(c, s, "mu0")) / val(c, s, "SE")

    def slips(c: WorkCtx, s: dict) -> list:
        d = val(c, s, "est") - val(c, s, "mu0")
        out = [(m, d / v) for m, v in se_slips(c, s) if v]
        return [*out, (SIGN, -fn(c, s))]

    return Q("(estimate − μ0)/SE", fn, slips)


def p_q() -> Q:
    """The p-value of the statistic (with the one/two-sided and z-for-t slips)."""
    def fn(c: WorkCtx, s: dict) -> Any:
        df = val(c, s, "df") if c.law == "t" else None
        return _p(c.law, val(c, s, "stat"), c.alt, df)

    def slips(c: WorkCtx, s: dict) -> list:
        p = fn(c, s)
        out = [(ONE_SIDED_P, p / 2)] if c.alt == "two-sided" else [(TWO_SIDED_P, min(2 * p, 1))]
        if c.law == "t":
            out.append((Z_P_FOR_T, _p("z", val(c, s, "stat"), c.alt, None)))
            out.append((N_NOT_N1, _p("t", val(c, s, "stat"), c.alt, val(c, s, "df") + 1)))
        return out

    return Q("the tail area beyond the statistic", fn, slips)


def crit_q(interval: bool) -> Q:
    """The critical value (two-sided at 1 − confidence for an interval)."""
    def args(c: WorkCtx, s: dict) -> tuple:
        df = val(c, s, "df") if c.law == "t" else None
        return (c.alpha, "two-sided" if interval else c.alt, df)

    def fn(c: WorkCtx, s: dict) -> Any:
        a, alt, df = args(c, s)
        return crit_value(c.law, a, alt, df)

    def slips(c: WorkCtx, s: dict) -> list:
        a, alt, df = args(c, s)
        out = []
        if c.law == "t":
            out += [(Z_FOR_T, crit_value("z", a, alt, None)), (N_NOT_N1, crit_value("t", a, alt, df + 1))]
        if alt == "two-sided":
            out.append((ALPHA_NOT_HALVED, crit_value(c.law, a, "greater", df)))
        return out

    return Q("the critical value", fn, slips)


def decision_q() -> Q:
    """The decision, read from the learner's p (else statistic vs critical value)."""
    def fn(c: WorkCtx, s: dict) -> str:
        if "p" in s:
            return "reject" if s["p"] <= c.alpha else "fail_to_reject"
        stat, crit = val(c, s, "stat"), val(c, s, "crit")
        if c.alt == "two-sided":
            hit = abs(stat) >= abs(crit)
        else:
            hit = stat >= crit if c.alt == "greater" else stat <= crit
        return "reject" if hit else "fail_to_reject"

    def slips(c: WorkCtx, s: dict) -> list:
        other = "fail_to_reject" if fn(c, s) == "reject" else "reject"
        return [(CONTRADICTS_P if "p" in s else "a decision that contradicts the statistic "
                 "and the critical value", other)]

    return Q("reject H0 when p ≤ α", fn, slips)


def interval_qs() -> dict:
    """The margin of error and the interval estimate ± ME."""
    def me(c: WorkCtx, s: dict) -> Any:
        return abs(val(c, s, "crit")) * val(c, s, "SE")

    def ci(c: WorkCtx, s: dict) -> tuple:
        e, m = val(c, s, "est"), val(c, s, "ME")
        return (e - m, e + m)

    def ci_slips(c: WorkCtx, s: dict) -> list:
        e, se = val(c, s, "est"), val(c, s, "SE")
        z = abs(val(c, s, "crit"))
        out = [(m, (e - z * v, e + z * v)) for m, v in c.quantities["SE"].slips(c, s)]
        if c.law == "t":
            zc = crit_value("z", c.alpha, "two-sided", None)
            out.append((Z_FOR_T, (e - zc * se, e + zc * se)))
        return out

    return {"ME": Q("critical value × SE", me,
                    lambda c, s: [(m, abs(val(c, s, "crit")) * v)
                                  for m, v in c.quantities["SE"].slips(c, s)]),
            "CI": Q("estimate ± ME", ci, ci_slips)}


# ------------------------------------------------------------------ one-sample means
def _sd_slips(c: WorkCtx, s: dict) -> list:
    n = val(c, s, "n")
    sd = val(c, s, "s")
    return [(N_NOT_N1, pop_sd(sd, n)), (NO_SQRT, sd**2)]


def pop_sd(sd: Any, n: Any) -> Any:
    """The n-divisor standard deviation from the n − 1 one."""
    from sympy import sqrt

    return sd * sqrt(n - 1) / sqrt(n)


def _mean_se_slips(c: WorkCtx, s: dict) -> list:
    from sympy import sqrt

    sd, n = val(c, s, "sd"), val(c, s, "n")
    out = [(S_OVER_N, sd / n), (NO_ROOT_N, sd)]
    if c.law == "t" and "s" not in s and c.facts.get("data") is not None:
        out.append((N_NOT_N1, pop_sd(sd, n) / sqrt(n)))
    return out


def _mean_quantities(law: str, interval: bool) -> dict:
    from sympy import sqrt

    def sd(c: WorkCtx, s: dict) -> Any:
        return s["sigma"] if law == "z" and "sigma" in s else val(c, s, "s")

    qs = {
        "est": Q("the sample mean", lambda c, s: c.facts["mean"]),
        "s": Q("the sample standard deviation (n − 1)", lambda c, s: c.facts["sd"], _sd_slips),
        "sd": Q("σ or s", sd),
        "n": Q("the sample size", lambda c, s: c.facts["n"]),
        "mu0": Q("the mean under H0", lambda c, s: c.facts["mu0"]),
        "SE": Q("σ/√n" if law == "z" else "s/√n",
                lambda c, s: val(c, s, "sd") / sqrt(val(c, s, "n")), _mean_se_slips),
        "df": Q("n − 1", lambda c, s: val(c, s, "n") - 1,
                lambda c, s: [(N_NOT_N1, val(c, s, "n"))]),
        "crit": crit_q(interval),
    }
    if interval:
        qs.update(interval_qs())
    else:
        qs.update({"stat": stat_q(_mean_se_slips), "p": p_q(), "decision": decision_q()})
    return qs


COMMON_NAMES = {"xbar": "est", "x̄": "est", "mean": "est", "m": "est",
           "n": "n", "mu0": "mu0", "mu_0": "mu0", "μ0": "mu0",
           "se": "SE", "sem": "SE", "se(xbar)": "SE",
           "df": "df", "dof": "df", "ν": "df",
           "p": "p", "pvalue": "p", "p_value": "p", "p-value": "p",
           "crit": "crit", "critical": "crit", "t_crit": "crit", "tcrit": "crit", "z_crit": "crit",
           "zcrit": "crit", "t*": "crit", "z*": "crit", "c": "crit",
           "me": "ME", "moe": "ME", "margin": "ME", "e": "ME",
           "ci": "CI", "interval": "CI", "decision": "decision",
           "s": "s", "sd": "s", "sigma": "sigma", "σ": "sigma", "var": "var", "s^2": "var",
           "t": "stat", "z": "stat"}


def _start_mean(task: str, inputs: dict) -> WorkCtx:
    from symbolic_mlmath.stats.intervals import confidence_level
    from symbolic_mlmath.stats.samples import sample_from
    from symbolic_mlmath.stats.testing import check_alternative
    from symbolic_mlmath.text import parse_number

    interval = task == "ci_mean"
    sigma = inputs.get("sigma")
    law = "z" if task == "z_test" or (interval and sigma is not None) else "t"
    smp = sample_from(inputs.get("data"), xbar=inputs.get("xbar"), n=inputs.get("n"),
                      s=inputs.get("s"), sigma=sigma, need_sd=law == "t")
    from sympy import Integer

    facts: dict = {"n": Integer(smp.n), "mean": smp.mean, "sd": smp.sd, "data": inputs.get("data")}
    given: dict = {"n": Integer(smp.n)}
    if smp.sigma is not None:
        given["sigma"] = smp.sigma
    if inputs.get("data") is None:
        given["est"] = smp.mean
        if smp.sd is not None:
            given["s"] = smp.sd
    mu0 = inputs.get("mu0")
    facts["mu0"] = given["mu0"] = parse_number(str(mu0), name="mu0") if mu0 is not None else 0
    if interval:
        alpha, alt = 1 - confidence_level(inputs.get("confidence")), "two-sided"
    else:
        alpha, alt = alpha_of(inputs.get("alpha")), check_alternative(inputs.get("alternative"))
    return make_ctx(task, given, facts, law, alt, alpha, _mean_quantities(law, interval),
                "CI" if interval else "decision")


def alpha_of(alpha: Any) -> Any:
    """α from user text (default 0.05), checked."""
    from sympy import Rational

    from symbolic_mlmath.stats.testing import check_alpha
    from symbolic_mlmath.text import parse_number

    return check_alpha(Rational(5, 100) if alpha is None else parse_number(str(alpha),
                                                                            name="alpha"))


def make_ctx(task: str, given: dict, facts: dict, law: str, alt: str, alpha: Any, qs: dict,
         final: str, extra_names: dict | None = None) -> WorkCtx:
    """The context of one working: the exact value of every quantity from the given ones."""
    names = {k: v for k, v in {**COMMON_NAMES, **(extra_names or {})}.items() if v in qs}
    c = WorkCtx(task, given, facts, law, alt, alpha, qs, names, final)
    c.exact = {k: val(c, given, k) for k in qs}
    return c


# ------------------------------------------------------------------ the Judge
def _read(ctx: WorkCtx, raw: Any) -> Line:
    return read_line(raw, ctx.names)


def _expected(ctx: WorkCtx, state: dict, line: Line) -> Any:
    if line.name not in ctx.quantities:
        return None
    return ctx.quantities[line.name].fn(ctx, state)


def _arith_ok(line: Line) -> bool:
    """Whether each shown numeric part equals the value written (to its rounding)."""
    return all(p is None or matches(p, line, slack=1) for p in line.parts)


def _op(ctx: WorkCtx, name: str) -> str:
    q = ctx.quantities.get(name)
    label = {"stat": ctx.law, "crit": f"{ctx.law}_crit", "est": "the estimate"}.get(name, name)
    return f"{label}: {q.formula}" if q else label


def _follows(ctx: WorkCtx, state: Any, line: Line) -> Follow:
    own = _expected(ctx, state, line)
    exact = ctx.exact.get(line.name, own)
    new = {**state, line.name: line.value}
    op = _op(ctx, line.name)
    if own is None:
        return Follow(None, op, "this quantity is not part of this task", state=new)
    ok = matches(own, line, slack=1) or matches(exact, line)
    if not ok and line.name == "df" and line.places is None and not getattr(own, "is_Integer", True) \
            and line.value == int(own):
        return Follow(True, op, "df rounded down (conservative)", state=new)
    if ok and not _arith_ok(line):
        return Follow(False, op, "the value does not equal the expression before it", state=new)
    return Follow(ok, op, state=new)


def _explain(ctx: WorkCtx, state: Any, line: Line) -> Slip | None:
    q = ctx.quantities.get(line.name)
    if q is None:
        return None
    own = q.fn(ctx, state)
    op = _op(ctx, line.name)
    if matches(own, line, slack=1) and not _arith_ok(line):
        return Slip(ARITH, "the value written does not equal the expression before it",
                    own, op)
    for mistake, v in [*q.slips(ctx, state), *q.slips(ctx, ctx.given)]:
        if matches(v, line, slack=1):  # from the learner's own values, else the exact ones
            detail = ""
            if mistake == CONTRADICTS_P:
                detail = f"p = {show_line(state['p'])} and α = {show_line(ctx.alpha)}"
            return Slip(mistake, detail, own, op)
    return Slip(ARITH, "", own, op)


def _finished(ctx: WorkCtx, state: Any) -> tuple[bool, str]:
    if ctx.final in state:
        return True, ""
    what = "no decision (reject H0 or fail to reject H0)" if ctx.final == "decision" else \
        "no interval CI = (lower, upper)"
    return False, f"{what} was reached"


def make_judge(start: Callable[[str, dict], WorkCtx]) -> Judge:
    """The working Judge over the quantities ``start`` declares."""
    return Judge(start=start, read=_read, follows=_follows, finished=_finished,
                 explain=_explain, show=show_line, given_name="the given data",
                 expected=lambda c: c.exact.get(c.final))


JUDGES = judges_for(make_judge(_start_mean), "t_test", "z_test", "ci_mean")

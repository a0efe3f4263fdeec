"""The working judge of ``two_sample_test``: Welch, pooled or paired t (z with known sigmas).

Lines such as ``xbar1 - xbar2 = 2``, ``SE = sqrt(s1^2/n1 + s2^2/n2) = 1.118``,
``df = 15.2`` (a Welch df rounded down is accepted), ``t = 1.789``, ``p = 0.093``,
``fail to reject H0``. Slips named: the variance not square-rooted, σ/n instead of σ/√n,
the pooled df for a Welch test, n instead of n − 1, and the p-value and decision slips of
one-sample tests.

Examples
========
>>> from symbolic_mlmath.core.working import check_working
>>> inputs = {"sample1": "{n: 10, mean: 12, s: 2}", "sample2": "{n: 10, mean: 10, s: 3}",
...           "test": "pooled"}
>>> v = check_working("two_sample_test", inputs, ["d = 2", "sp = 2.550", "SE = 1.140",
...                   "t = 1.754", "df = 18", "p = 0.0964", "fail to reject H0"])
>>> v.correct
True
>>> v = check_working("two_sample_test", inputs, ["d = 2", "sp = 2.550", "SE = 1.140",
...                   "t = 1.754", "df = 20"])
>>> v.first_wrong_step, v.lines[4].mistake
(4, 'n instead of n − 1')
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.working import judges_for
from symbolic_mlmath.stats.judge_tests import (
    N_NOT_N1,
    NO_ROOT_N,
    NO_SQRT,
    S_OVER_N,
    Q,
    WorkCtx,
    alpha_of,
    crit_q,
    decision_q,
    make_ctx,
    make_judge,
    p_q,
    stat_q,
    val,
)

__all__ = ["JUDGES", "POOLED_DF_FOR_WELCH"]

POOLED_DF_FOR_WELCH = "the pooled df (n1 + n2 − 2) for a Welch test"
POOLED_SE_FOR_WELCH = "the pooled SE for a Welch test"

_NAMES = {"xbar1": "x1", "x̄1": "x1", "xbar_1": "x1", "x1": "x1", "mean1": "x1", "m1": "x1",
          "xbar2": "x2", "x̄2": "x2", "xbar_2": "x2", "x2": "x2", "mean2": "x2", "m2": "x2",
          "s1": "s1", "s_1": "s1", "s2": "s2", "s_2": "s2", "n1": "n1", "n_1": "n1",
          "n2": "n2", "n_2": "n2", "d": "est", "diff": "est", "dbar": "est", "d̄": "est",
          "xbar1-xbar2": "est", "x1-x2": "est", "x̄1-x̄2": "est", "sp": "sp", "s_p": "sp",
          "sp^2": "sp2", "s_p^2": "sp2", "sd": "s", "s_d": "s", "n": "n",
          "t": "stat", "z": "stat"}


def _pooled(c: WorkCtx, s: dict) -> Any:
    n1, n2, s1, s2 = (val(c, s, k) for k in ("n1", "n2", "s1", "s2"))
    return ((n1 - 1) * s1**2 + (n2 - 1) * s2**2) / (n1 + n2 - 2)


def _quantities(kind: str, law: str) -> dict:
    from sympy import sqrt

    def welch_se(c: WorkCtx, s: dict) -> Any:
        n1, n2, s1, s2 = (val(c, s, k) for k in ("n1", "n2", "s1", "s2"))
        return sqrt(s1**2 / n1 + s2**2 / n2)

    def pooled_se(c: WorkCtx, s: dict) -> Any:
        return val(c, s, "sp") * sqrt(1 / val(c, s, "n1") + 1 / val(c, s, "n2"))

    def se_slips(c: WorkCtx, s: dict) -> list:
        n1, n2, s1, s2 = (val(c, s, k) for k in ("n1", "n2", "s1", "s2"))
        out = [(NO_SQRT, s1**2 / n1 + s2**2 / n2), (S_OVER_N, sqrt(s1**2 / n1**2 + s2**2 / n2**2)),
               (S_OVER_N, s1 / n1 + s2 / n2), ("the standard errors added, not the variances",
                                             s1 / sqrt(n1) + s2 / sqrt(n2))]
        if kind == "welch":
            out.append((POOLED_SE_FOR_WELCH, sqrt(_pooled(c, s)) * sqrt(1 / n1 + 1 / n2)))
        return out

    def welch_df(c: WorkCtx, s: dict) -> Any:
        n1, n2, s1, s2 = (val(c, s, k) for k in ("n1", "n2", "s1", "s2"))
        a1, a2 = s1**2 / n1, s2**2 / n2
        return (a1 + a2) ** 2 / (a1**2 / (n1 - 1) + a2**2 / (n2 - 1))

    def df_slips(c: WorkCtx, s: dict) -> list:
        n1, n2 = val(c, s, "n1"), val(c, s, "n2")
        out = [(N_NOT_N1, n1 + n2), (N_NOT_N1, n1 + n2 - 1)]
        return [(POOLED_DF_FOR_WELCH, n1 + n2 - 2), *out] if kind == "welch" else out

    qs = {
        "x1": Q("the first mean", lambda c, s: c.facts["g1"].mean),
        "x2": Q("the second mean", lambda c, s: c.facts["g2"].mean),
        "s1": Q("the first s", lambda c, s: c.facts["g1"].sd),
        "s2": Q("the second s", lambda c, s: c.facts["g2"].sd),
        "n1": Q("the first size", lambda c, s: c.facts["n1"]),
        "n2": Q("the second size", lambda c, s: c.facts["n2"]),
        "mu0": Q("the difference under H0", lambda c, s: c.facts["mu0"]),
        "est": Q("x̄1 − x̄2", lambda c, s: val(c, s, "x1") - val(c, s, "x2"),
                 lambda c, s: [("the means subtracted the wrong way round",
                                val(c, s, "x2") - val(c, s, "x1"))]),
        "stat": stat_q(se_slips), "p": p_q(), "crit": crit_q(False), "decision": decision_q(),
    }
    if law == "z":
        qs["SE"] = Q("√(σ1²/n1 + σ2²/n2)", lambda c, s: sqrt(
            c.facts["g1"].sigma**2 / val(c, s, "n1") + c.facts["g2"].sigma**2 / val(c, s, "n2")))
        return qs
    if kind == "pooled":
        qs["sp2"] = Q("((n1 − 1)s1² + (n2 − 1)s2²)/(n1 + n2 − 2)", _pooled,
                      lambda c, s: [(N_NOT_N1, _pooled(c, s) * (val(c, s, "n1") + val(c, s, "n2")
                                                                - 2) / (val(c, s, "n1")
                                                                        + val(c, s, "n2")))])
        qs["sp"] = Q("√(pooled variance)", lambda c, s: sqrt(val(c, s, "sp2")),
                     lambda c, s: [(NO_SQRT, val(c, s, "sp2"))])
        qs["SE"] = Q("sp √(1/n1 + 1/n2)", pooled_se, se_slips)
        qs["df"] = Q("n1 + n2 − 2", lambda c, s: val(c, s, "n1") + val(c, s, "n2") - 2, df_slips)
    else:
        qs["SE"] = Q("√(s1²/n1 + s2²/n2)", welch_se, se_slips)
        qs["df"] = Q("the Welch–Satterthwaite df", welch_df, df_slips)
    return qs


def _paired_quantities() -> dict:
    from sympy import sqrt

    def se_slips(c: WorkCtx, s: dict) -> list:
        sd, n = val(c, s, "s"), val(c, s, "n")
        return [(S_OVER_N, sd / n), (NO_ROOT_N, sd)]

    return {
        "est": Q("the mean difference", lambda c, s: c.facts["g"].mean),
        "s": Q("the sd of the differences", lambda c, s: c.facts["g"].sd),
        "n": Q("the number of pairs", lambda c, s: c.facts["n"]),
        "mu0": Q("the mean difference under H0", lambda c, s: c.facts["mu0"]),
        "SE": Q("s_d/√n", lambda c, s: val(c, s, "s") / sqrt(val(c, s, "n")), se_slips),
        "df": Q("n − 1", lambda c, s: val(c, s, "n") - 1, lambda c, s: [(N_NOT_N1, val(c, s, "n"))]),
        "stat": stat_q(se_slips), "p": p_q(), "crit": crit_q(False), "decision": decision_q(),
    }


def _group(value: Any, name: str) -> Any:
    """A sample given as data or as a summary (n, mean, s or sigma)."""
    from collections.abc import Mapping

    from symbolic_mlmath.stats.data import read_mapping
    from symbolic_mlmath.stats.formulas import exact_number, exact_sqrt
    from symbolic_mlmath.stats.samples import sample_from

    if isinstance(value, str) and ":" in value:
        value = read_mapping(value, name=name)
    if isinstance(value, Mapping):
        keys = {str(k).strip().lower(): v for k, v in value.items()}
        sd = keys.get("s", keys.get("sd", keys.get("std")))
        if sd is None and "variance" in keys:
            sd = exact_sqrt(exact_number(keys["variance"], name))
        return sample_from(xbar=keys.get("mean", keys.get("xbar")), n=keys.get("n"), s=sd,
                           sigma=keys.get("sigma"), name=name)
    return sample_from(value, name=name)


def _start(task: str, inputs: dict) -> WorkCtx:
    from sympy import Integer

    from symbolic_mlmath.core.errors import InputError
    from symbolic_mlmath.stats.samples import differences, sample_from
    from symbolic_mlmath.stats.testing import check_alternative
    from symbolic_mlmath.text import parse_number

    kind = str(inputs.get("test") or "welch").strip().lower()
    if kind not in ("welch", "pooled", "paired"):
        raise InputError("test must be welch, pooled or paired", name="test")
    mu0 = inputs.get("mu0")
    m0 = parse_number(str(mu0), name="mu0") if mu0 is not None else Integer(0)
    alpha, alt = alpha_of(inputs.get("alpha")), check_alternative(inputs.get("alternative"))
    if kind == "paired":
        d, _ = differences(inputs.get("sample1"), inputs.get("sample2"))
        g = sample_from(d, name="differences")
        facts = {"g": g, "n": Integer(g.n), "mu0": m0}
        return make_ctx(task, {"n": Integer(g.n), "mu0": m0}, facts, "t", alt, alpha,
                        _paired_quantities(), "decision", _NAMES)
    g1, g2 = _group(inputs.get("sample1"), "sample1"), _group(inputs.get("sample2"), "sample2")
    law = "z" if g1.sigma is not None and g2.sigma is not None else "t"
    facts = {"g1": g1, "g2": g2, "n1": Integer(g1.n), "n2": Integer(g2.n), "mu0": m0}
    given: dict = {"n1": facts["n1"], "n2": facts["n2"], "mu0": m0}
    if g1.data is None:
        given.update({"x1": g1.mean, "x2": g2.mean})
        if law == "t":
            given.update({"s1": g1.sd, "s2": g2.sd})
    return make_ctx(task, given, facts, law, alt, alpha, _quantities(kind, law), "decision",
                    _NAMES)


JUDGES = judges_for(make_judge(_start), "two_sample_test")

"""Hypothesis tests: z and t for means, proportions, two samples (pooled, Welch, paired).

Every test writes its hypotheses, finds the estimate and its standard error, the
statistic (exact, then its decimal), the degrees of freedom (Welch-Satterthwaite shown
as a formula), the p-value and the critical value for the alternative (mpmath, 30
digits) and the decision with its sentence.

Examples
========
>>> d = derive_t_test(xbar=52, n=16, s=4, mu0=50)
>>> r = d.result
>>> r["statistic"], r["df"], r["decision"]
(2, 15, 'fail_to_reject')
>>> print(r["p_value"].evalf(8))
0.063945007
>>> derive_z_test(xbar="10.5", n=36, sigma=3, mu0=10, alternative="greater").result["statistic"]
1
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.formulas import exact_number, exact_sqrt, minus, quantity_step, sym
from symbolic_mlmath.stats.rules import StatsRule as R
from symbolic_mlmath.stats.samples import Sample, differences, sample_from
from symbolic_mlmath.stats.testing import (
    check_alpha,
    check_alternative,
    critical_value_step,
    decision_step,
    hypotheses_step,
    p_value_step,
)

__all__ = [
    "count_pairs",
    "derive_proportion_test",
    "derive_t_test",
    "derive_two_sample_test",
    "derive_z_test",
    "finish_test",
    "two_proportion_pieces",
]


def _alpha(alpha: Any) -> Any:
    from sympy import Rational

    return check_alpha(Rational(5, 100) if alpha is None else exact_number(alpha, "alpha"))


def finish_test(steps: list[Step], law: str, statistic: Any, alternative: str, alpha: Any,
                df: Any = None, **extra: Any) -> dict:
    """Append the p-value, critical value and decision steps; the test's result dict."""
    from sympy import zoo

    if statistic.is_infinite or statistic.has(zoo):
        raise TaskError("the standard error is 0 (no spread in the data): the statistic is "
                        "undefined", name="data")
    ps = p_value_step(law, statistic, alternative, df)
    cs = critical_value_step(law, alpha, alternative, df)
    steps += [ps, cs, decision_step(ps.after, alpha, law, statistic, alternative, cs.after)]
    result = {"statistic": statistic}
    if df is not None:
        result["df"] = df
    result.update({"p_value": ps.after, "critical_value": cs.after,
                   "decision": str(steps[-1].after), **extra})
    return result


def _mean_test(sample: Sample, mu0: Any, alternative: str, alpha: Any, law: str,
               parameter: Any, title: str, task: str, leading: tuple = ()) -> Derivation:
    from sympy import Integer, sqrt

    steps = [hypotheses_step(parameter, mu0, alternative), *leading, *sample.steps]
    n_, xbar, mu_0 = sym("n", integer=True, positive=True), sym("xbar"), sym("mu_0")
    se_name = sym("SE")
    if law == "z":
        sigma = sym("sigma", positive=True)
        se = quantity_step(R.STANDARD_ERROR, "SE", sigma / sqrt(n_), {sigma: sample.sigma,
                                                                        n_: sample.n})
    else:
        s = sym("s", positive=True)
        se = quantity_step(R.STANDARD_ERROR, "SE", s / sqrt(n_), {s: sample.sd, n_: sample.n})
    steps.append(se)
    stat_name = "z" if law == "z" else "t"
    st = quantity_step(R.TEST_STATISTIC, stat_name, (xbar - mu_0) / se_name,
                       {xbar: sample.mean, mu_0: mu0, se_name: se.after}) \
        if se.after != 0 else None
    if st is None:
        raise TaskError("the sample standard deviation is 0: the t statistic is undefined",
                        name="data")
    steps.append(st)
    df = None
    if law == "t":
        df_step = quantity_step(R.DEGREES_OF_FREEDOM, "df", minus(n_, 1), {n_: sample.n})
        steps.append(df_step)
        df = df_step.after
    result = finish_test(steps, law, st.after, alternative, alpha, df,
                         standard_error=se.after, estimate=sample.mean)
    if law == "t":
        result["df"] = Integer(result["df"])
    return Derivation(title, parameter, tuple(steps), result, task=task,
                      goal_label="Parameter tested")


def derive_z_test(data: Any = None, *, xbar: Any = None, n: Any = None, sigma: Any = None,
                  mu0: Any = 0, alternative: Any = None, alpha: Any = None) -> Derivation:
    """One-sample z test for a mean with known sigma."""
    from sympy import Symbol

    if sigma is None:
        raise TaskError("a z test needs the known population sigma (use t_test with s)",
                        name="sigma")
    sample = sample_from(data, xbar=xbar, n=n, sigma=sigma, need_sd=False)
    return _mean_test(sample, exact_number(mu0, "mu0"), check_alternative(alternative),
                      _alpha(alpha), "z", Symbol("mu"), "One-sample z test", "z_test")


def derive_t_test(data: Any = None, *, xbar: Any = None, n: Any = None, s: Any = None,
                  mu0: Any = 0, alternative: Any = None, alpha: Any = None) -> Derivation:
    """One-sample t test for a mean (sigma unknown, estimated by s with n - 1)."""
    from sympy import Symbol

    sample = sample_from(data, xbar=xbar, n=n, s=s)
    return _mean_test(sample, exact_number(mu0, "mu0"), check_alternative(alternative),
                      _alpha(alpha), "t", Symbol("mu"), "One-sample t test", "t_test")


# ------------------------------------------------------------------ proportions
def _count(v: Any, name: str) -> int:
    x = exact_number(v, name)
    if not x.is_Integer or x < 0:
        raise TaskError("must be a whole number >= 0", name=name)
    return int(x)


def count_pairs(x: Any, n: Any) -> tuple[list[int], list[int]]:
    """Successes and trials of one or two groups, checked (0 <= x <= n, n >= 1)."""
    from sympy import MatrixBase

    def items(v: Any, name: str) -> list[Any]:
        if isinstance(v, MatrixBase):
            return list(v)
        if isinstance(v, list | tuple):
            return list(v)
        return [v]

    xs = [_count(v, "x") for v in items(x, "x")]
    ns = [_count(v, "n") for v in items(n, "n")]
    if len(xs) != len(ns) or len(xs) not in (1, 2):
        raise TaskError("give one or two groups: x and n of the same length", name="n")
    for xi, ni in zip(xs, ns, strict=True):
        if ni < 1 or xi > ni:
            raise TaskError(f"need 0 <= x <= n with n >= 1 (got x = {xi}, n = {ni})", name="x")
    return xs, ns


def two_proportion_pieces(xs: list[int], ns: list[int], pooled: bool = True) -> tuple:
    """Steps for p1 - p2: estimates, (pooled) proportion and the standard error."""
    from sympy import sqrt

    x1, x2, n1, n2 = (sym(k) for k in ("x_1", "x_2", "n_1", "n_2"))
    p1s, p2s = sym("phat_1"), sym("phat_2")
    e1 = quantity_step(R.POINT_ESTIMATE, "phat_1", x1 / n1, {x1: xs[0], n1: ns[0]})
    e2 = quantity_step(R.POINT_ESTIMATE, "phat_2", x2 / n2, {x2: xs[1], n2: ns[1]})
    diff = quantity_step(R.POINT_ESTIMATE, "d", p1s - p2s,
                         {p1s: e1.after, p2s: e2.after})
    steps = [e1, e2, diff]
    if pooled:
        pool = quantity_step(R.POOLED_PROPORTION, "p", (x1 + x2) / (n1 + n2),
                             {x1: xs[0], x2: xs[1], n1: ns[0], n2: ns[1]})
        steps.append(pool)
        p = sym("p")
        se = quantity_step(R.STANDARD_ERROR, "SE", sqrt(p * (1 - p) * (1 / n1 + 1 / n2)),
                           {p: pool.after, n1: ns[0], n2: ns[1]})
    else:
        se = quantity_step(R.STANDARD_ERROR, "SE",
                           sqrt(p1s * (1 - p1s) / n1 + p2s * (1 - p2s) / n2),
                           {p1s: e1.after, p2s: e2.after, n1: ns[0], n2: ns[1]})
    steps.append(se)
    return steps, e1.after, e2.after, diff.after, se.after


def derive_proportion_test(x: Any, n: Any, *, p0: Any = None, alternative: Any = None,
                           alpha: Any = None) -> Derivation:
    """z test for one proportion (against ``p0``) or two (pooled, H0: p1 = p2).

    Examples
    ========
    >>> r = derive_proportion_test(x=[45, 30], n=[100, 100]).result
    >>> r["statistic"], r["decision"]
    (2*sqrt(30)/5, 'reject')
    """
    from sympy import Rational, Symbol, sqrt

    alt, a = check_alternative(alternative), _alpha(alpha)
    xs, ns = count_pairs(x, n)
    if len(xs) == 1:
        p_0 = Rational(1, 2) if p0 is None else exact_number(p0, "p0")
        if not (0 < p_0 < 1):
            raise TaskError("p0 must be strictly between 0 and 1", name="p0")
        xx, nn, ps, p0s, se_name = sym("x"), sym("n"), sym("phat"), sym("p_0"), sym("SE")
        p = Symbol("p")
        steps = [hypotheses_step(p, p_0, alt)]
        est = quantity_step(R.POINT_ESTIMATE, "phat", xx / nn, {xx: xs[0], nn: ns[0]})
        se = quantity_step(R.STANDARD_ERROR, "SE", sqrt(p0s * (1 - p0s) / nn),
                           {p0s: p_0, nn: ns[0]})
        st = quantity_step(R.TEST_STATISTIC, "z", (ps - p0s) / se_name,
                           {ps: est.after, p0s: p_0, se_name: se.after})
        steps += [est, se, st]
        result = finish_test(steps, "z", st.after, alt, a, standard_error=se.after,
                             estimate=est.after)
        return Derivation("One-proportion z test", p, tuple(steps), result,
                          goal_label="Parameter tested",
                          task="proportion_test")
    if p0 is not None and exact_number(p0, "p0") != 0:
        raise TaskError("two proportions are tested for equality (H0: p1 = p2)", name="p0")
    p1, p2 = Symbol("p_1"), Symbol("p_2")
    steps = [hypotheses_step(p1 - p2, 0, alt)]
    pieces, _, _, diff, se = two_proportion_pieces(xs, ns, pooled=True)
    steps += pieces
    d_name, se_name = sym("d"), sym("SE")
    st = quantity_step(R.TEST_STATISTIC, "z", d_name / se_name, {d_name: diff, se_name: se})
    if se == 0:
        raise TaskError("the pooled proportion is 0 or 1: the statistic is undefined", name="x")
    steps.append(st)
    result = finish_test(steps, "z", st.after, alt, a, standard_error=se, estimate=diff)
    return Derivation("Two-proportion z test", p1 - p2, tuple(steps), result,
                      goal_label="Parameter tested",
                      task="proportion_test")


# ------------------------------------------------------------------ two samples
def _group(value: Any, name: str) -> Sample:
    """A sample given as data or as a summary dict (n, mean, s or sigma)."""
    from collections.abc import Mapping

    from symbolic_mlmath.stats.data import read_mapping

    if isinstance(value, str) and ":" in value:
        value = read_mapping(value, name=name)
    if isinstance(value, Mapping):
        keys = {str(k).strip().lower(): v for k, v in value.items()}
        mean = keys.get("mean", keys.get("xbar"))
        sd = keys.get("s", keys.get("sd", keys.get("std")))
        if sd is None and "variance" in keys:
            sd = exact_sqrt(exact_number(keys["variance"], name))
        return sample_from(xbar=mean, n=keys.get("n"), s=sd, sigma=keys.get("sigma"),
                           name=name)
    return sample_from(value, name=name)


def derive_two_sample_test(sample1: Any, sample2: Any, *, test: Any = None, mu0: Any = 0,
                           alternative: Any = None, alpha: Any = None) -> Derivation:
    """Two-sample t test: ``welch`` (default), ``pooled`` (equal variances) or ``paired``;
    a z test when both samples give a known ``sigma``.

    Examples
    ========
    >>> r = derive_two_sample_test({"n": 10, "mean": 20, "s": 2}, {"n": 12, "mean": 18, "s": 3},
    ...                            test="pooled").result
    >>> r["df"], r["decision"]
    (20, 'fail_to_reject')
    """
    from sympy import Symbol, sqrt

    kind = (test or "welch").strip().lower()
    if kind not in ("welch", "pooled", "paired"):
        raise TaskError("test must be welch, pooled or paired", name="test")
    alt, a, m0 = check_alternative(alternative), _alpha(alpha), exact_number(mu0, "mu0")
    mu1, mu2 = Symbol("mu_1"), Symbol("mu_2")
    if kind == "paired":
        d, dstep = differences(sample1, sample2)
        sample = sample_from(d, name="differences")
        return _mean_test(sample, m0, alt, a, "t", Symbol("mu_d"), "Paired t test",
                          "two_sample_test", leading=(dstep,))
    s1, s2 = _group(sample1, "sample1"), _group(sample2, "sample2")
    steps: list[Step] = [hypotheses_step(mu1 - mu2, m0, alt), *s1.steps, *s2.steps]
    n1, n2 = sym("n_1", integer=True, positive=True), sym("n_2", integer=True, positive=True)
    x1, x2, d0 = sym("xbar_1"), sym("xbar_2"), sym("Delta_0")
    est = quantity_step(R.POINT_ESTIMATE, "d", x1 - x2, {x1: s1.mean, x2: s2.mean})
    steps.append(est)
    se_name = sym("SE")
    law = "z" if s1.sigma is not None and s2.sigma is not None else "t"
    df = None
    if law == "z":
        g1, g2 = sym("sigma_1", positive=True), sym("sigma_2", positive=True)
        se = quantity_step(R.STANDARD_ERROR, "SE", sqrt(g1**2 / n1 + g2**2 / n2),
                           {g1: s1.sigma, g2: s2.sigma, n1: s1.n, n2: s2.n})
        steps.append(se)
    else:
        if s1.sd is None or s2.sd is None:
            raise TaskError("each sample needs its standard deviation s", name="sample1")
        v1, v2 = sym("s_1", positive=True), sym("s_2", positive=True)
        if kind == "pooled":
            sp2 = quantity_step(R.POOLED_VARIANCE, "s_p^2",
                                (minus(n1, 1) * v1**2 + minus(n2, 1) * v2**2)
                                / minus(n1, n2, 2),
                                {n1: s1.n, n2: s2.n, v1: s1.sd, v2: s2.sd})
            sp = sym("s_p", positive=True)
            se = quantity_step(R.STANDARD_ERROR, "SE", sp * sqrt(1 / n1 + 1 / n2),
                               {sp: exact_sqrt(sp2.after), n1: s1.n, n2: s2.n})
            dfs = quantity_step(R.DEGREES_OF_FREEDOM, "df", minus(n1, n2, 2),
                                {n1: s1.n, n2: s2.n})
            steps += [sp2, se, dfs]
        else:
            se = quantity_step(R.STANDARD_ERROR, "SE", sqrt(v1**2 / n1 + v2**2 / n2),
                               {v1: s1.sd, v2: s2.sd, n1: s1.n, n2: s2.n})
            a1, a2 = sym("a_1"), sym("a_2")
            dfs = quantity_step(R.WELCH_DF, "df",
                                (a1 + a2) ** 2 / (a1**2 / minus(n1, 1) + a2**2 / minus(n2, 1)),
                                {a1: s1.variance / s1.n, a2: s2.variance / s2.n,
                                 n1: s1.n, n2: s2.n})
            steps += [se, dfs]
        df = dfs.after
    if se.after == 0:
        raise TaskError("both samples have no spread: the statistic is undefined", name="sample1")
    diff_name = sym("d")
    st = quantity_step(R.TEST_STATISTIC, law, (diff_name - d0) / se_name,
                       {diff_name: est.after, d0: m0, se_name: se.after})
    steps.append(st)
    title = {"pooled": "Two-sample t test (pooled variance)",
             "welch": "Two-sample t test (Welch)"}[kind] if law == "t" else "Two-sample z test"
    result = finish_test(steps, law, st.after, alt, a, df, standard_error=se.after,
                         estimate=est.after)
    return Derivation(title, mu1 - mu2, tuple(steps), result, task="two_sample_test",
                      goal_label="Parameter tested")

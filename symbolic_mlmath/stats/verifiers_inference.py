"""Independent checks of the inference rules: each recomputes its step from the given pieces.

Examples
========
>>> from sympy import Rational
>>> from symbolic_mlmath.stats.testing import p_value_step
>>> s = p_value_step("t", Rational(2), "two-sided", 10)
>>> INFERENCE_VERIFIERS[R.P_VALUE].check(s) is None
True
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import VerifierTable, same_value
from symbolic_mlmath.stats.formulas import check_formula, huge, numeric_equal
from symbolic_mlmath.stats.rules import StatsRule as R

__all__ = ["INFERENCE_VERIFIERS", "QUANTITY_RULES"]

#: The verifiers of the inference rules (merged into the subject's table).
INFERENCE_VERIFIERS = VerifierTable()
_check = INFERENCE_VERIFIERS.check


def _equal(a: Any, b: Any) -> bool:
    from sympy import Basic, Float

    if any(isinstance(v, Basic) and v.atoms(Float) for v in (a, b)):
        return numeric_equal(a, b, 25)
    if huge(a) or huge(b):
        return numeric_equal(a, b)
    return same_value(a, b)


def _dm(M: Any) -> Any:
    from sympy.polys.matrices import DomainMatrix

    return DomainMatrix.from_Matrix(M).to_field()


# ------------------------------------------------------------------ least squares
@_check(R.DESIGN_MATRIX)
def _design(step: Step) -> str | None:
    from sympy import Symbol

    X, cols = step.after, list(step.given["columns"])
    if X.cols != len(cols):
        return f"the design matrix has {X.cols} columns for {len(cols)} terms"
    x = Symbol("x")
    jx = cols.index(x) if x in cols else None
    for j, c in enumerate(cols):
        if c.is_number:
            if any(X[i, j] != c for i in range(X.rows)):
                return f"column {j + 1} should be all {c}"
        elif jx is not None and c != x:
            for i in range(X.rows):
                if not _equal(X[i, j], c.subs(x, X[i, jx])):
                    return f"row {i + 1}, column {j + 1} is not {c} at x = {X[i, jx]}"
    return None


@_check(R.NORMAL_EQUATIONS)
def _normal(step: Step) -> str | None:
    X, y = _dm(step.given["X"]), _dm(step.given["y"])
    X, y = X.unify(y)
    want = X.transpose().matmul(X).hstack(X.transpose().matmul(y))
    got = _dm(step.after)
    want, got = want.unify(got)
    if want != got:
        return "the augmented matrix is not [XᵀX | Xᵀy]"
    return None


@_check(R.SOLVE_NORMAL_EQUATIONS)
def _solve(step: Step) -> str | None:
    aug, beta = _dm(step.given["augmented"]), _dm(step.after)
    aug, beta = aug.unify(beta)
    p = aug.shape[0]
    if aug[:, :p].matmul(beta) != aug[:, p:]:
        return "XᵀX β does not equal Xᵀy"
    return None


@_check(R.RESIDUALS)
def _residuals(step: Step) -> str | None:
    g = step.given
    X, y, b, e = (_dm(m) for m in (g["X"], g["y"], g["beta"], step.after))
    X, y, b, e = X.unify(y, b, e)
    if y - X.matmul(b) != e:
        return "the residuals are not y - Xβ"
    return None


@_check(R.SUM_OF_SQUARES)
def _ss(step: Step) -> str | None:
    from sympy import Add

    v, c = step.given["vector"], step.given["center"]
    want = Add(*((x - c) ** 2 for x in v))
    if not _equal(want, step.after):
        return f"the sum of squared deviations is {want}, not {step.after}"
    return None


@_check(R.COEFFICIENT_STD_ERRORS)
def _se(step: Step) -> str | None:
    s2, diag = step.given["s2"], step.given["inverse_diagonal"]
    se = step.after
    for j, c in enumerate(diag):
        if se[j] < 0 or not _equal(se[j] ** 2, s2 * c):
            return f"se of coefficient {j + 1} is not s·sqrt(c_jj)"
    return None


def _table(step: Step, ss1: str, ss2: str, df1: str, df2: str, ms1: str, ms2: str) -> str | None:
    from sympy import S

    g = step.given
    if not _equal(g[ms1], g[ss1] / g[df1]) or not _equal(g[ms2], g[ss2] / g[df2]):
        return "a mean square is not its sum of squares over its degrees of freedom"
    want = g[ms1] / g[ms2] if g[ms2] != 0 else S.Infinity
    if not _equal(want, step.after):
        return f"F = {want}, not {step.after}"
    return None


@_check(R.REGRESSION_ANOVA)
def _reg_anova(step: Step) -> str | None:
    return _table(step, "SS_regression", "SS_residual", "df_regression", "df_residual",
                  "MS_regression", "MS_residual")


@_check(R.ANOVA_TABLE)
def _anova_table(step: Step) -> str | None:
    return _table(step, "SS_between", "SS_within", "df_between", "df_within",
                  "MS_between", "MS_within")


INFERENCE_VERIFIERS.check(R.RESIDUAL_SD, R.R_SQUARED, R.TEST_STATISTIC)(check_formula)


# ------------------------------------------------------------------ one-way ANOVA
@_check(R.GROUP_MEANS)
def _means(step: Step) -> str | None:
    from sympy import Add

    g = step.given
    sizes, means = list(g["sizes"]), list(step.after)
    if "groups" in g:
        for j, data in enumerate(g["groups"]):
            if len(data) != sizes[j] or not _equal(Add(*data) / len(data), means[j]):
                return f"the mean of group {j + 1} is not {means[j]}"
    grand = Add(*(n * m for n, m in zip(sizes, means, strict=True))) / Add(*sizes)
    if not _equal(grand, g["grand_mean"]):
        return f"the grand mean is {grand}, not {g['grand_mean']}"
    return None


@_check(R.SS_BETWEEN)
def _ssb(step: Step) -> str | None:
    from sympy import Add

    g = step.given
    want = Add(*(n * (m - g["grand_mean"]) ** 2
                 for n, m in zip(g["sizes"], g["means"], strict=True)))
    if not _equal(want, step.after):
        return f"SS between is {want}, not {step.after}"
    return None


@_check(R.SS_WITHIN)
def _ssw(step: Step) -> str | None:
    from sympy import Add

    g = step.given
    parts = list(g["parts"])
    if "groups" in g:
        for j, (data, m) in enumerate(zip(g["groups"], g["means"], strict=True)):
            if not _equal(Add(*((v - m) ** 2 for v in data)), parts[j]):
                return f"the squared deviations of group {j + 1} do not add to {parts[j]}"
    if not _equal(Add(*parts), step.after):
        return f"SS within is {Add(*parts)}, not {step.after}"
    return None


# ------------------------------------------------------------------ tests
@_check(R.HYPOTHESES)
def _hypotheses(step: Step) -> str | None:
    from sympy import Eq, Gt, Lt, Ne

    g = step.given
    h0, h1 = step.after
    rel = {"two-sided": Ne, "greater": Gt, "less": Lt}[str(g["alternative"])]
    ok0 = isinstance(h0, Eq) and h0.lhs == g["parameter"] and h0.rhs == g["null"]
    ok1 = isinstance(h1, rel) and h1.lhs == g["parameter"] and h1.rhs == g["null"]
    return None if ok0 and ok1 else "the hypotheses do not match the alternative"


def _df(g: Any) -> Any:
    if "df" not in g:
        return None
    df = g["df"]
    return tuple(df) if str(g["law"]) == "f" else df


@_check(R.P_VALUE)
def _p(step: Step) -> str | None:
    from symbolic_mlmath.stats import critical

    g = step.given
    want = critical.p_value(str(g["law"]), g["statistic"], str(g["alternative"]), df=_df(g))
    if not numeric_equal(want, step.after, 25):
        return f"the p-value is {want}, not {step.after}"
    if "exact" in g and not numeric_equal(g["exact"], step.after, 25):
        return "the exact form of the p-value does not match its decimal"
    return None


@_check(R.CRITICAL_VALUE)
def _crit(step: Step) -> str | None:
    from symbolic_mlmath.stats import critical

    g = step.given
    want = critical.critical_value(str(g["law"]), g["alpha"], str(g["alternative"]), df=_df(g))
    if not numeric_equal(want, step.after, 25):
        return f"the critical value is {want}, not {step.after}"
    if "exact" in g and not numeric_equal(g["exact"], step.after, 25):
        return "the exact form of the critical value does not match its decimal"
    return None


@_check(R.DECISION)
def _decision(step: Step) -> str | None:
    from symbolic_mlmath.stats.testing import decision_of, in_rejection_region

    g = step.given
    want = decision_of(g["p_value"], g["alpha"])
    if str(step.after) != want:
        return f"p = {g['p_value']} and alpha = {g['alpha']} mean {want}, not {step.after}"
    if "critical_value" in g:
        inside = in_rejection_region(g["statistic"], g["critical_value"], str(g["alternative"]),
                                     str(g["law"]))
        if inside != (want == "reject") and not numeric_equal(g["p_value"], g["alpha"], 20):
            return "the statistic and the critical value disagree with the p-value"
    return None


# ------------------------------------------------------------------ samples, estimates, intervals
@_check(R.SAMPLE_SUMMARY)
def _summary(step: Step) -> str | None:
    from sympy import Add

    data = list(step.given["data"])
    n, mean, sd = step.after
    if len(data) != n:
        return f"the data have {len(data)} values, not {n}"
    m = Add(*data) / n
    var = Add(*((v - m) ** 2 for v in data)) / (n - 1)
    if not _equal(m, mean):
        return f"the mean is {m}, not {mean}"
    if not _equal(var, step.given["variance"]) or not _equal(sd**2, var) or sd < 0:
        return f"the sample variance (n - 1) is {var}"
    return None


@_check(R.PAIRED_DIFFERENCES)
def _pairs(step: Step) -> str | None:
    a, b, d = step.given["first"], step.given["second"], step.after
    if len(a) != len(d) or any(x - y != z for x, y, z in zip(a, b, d, strict=True)):
        return "the differences are not x_i - y_i"
    return None


@_check(R.POINT_ESTIMATE)
def _estimate(step: Step) -> str | None:
    from sympy import Add

    g = step.given
    kind = str(g.get("kind", ""))
    if kind == "fitted":
        x0, beta = list(g["values"].values())
        want = Add(*(a * b for a, b in zip(x0, beta, strict=True)))
        return None if _equal(want, step.after) else f"x0·beta = {want}, not {step.after}"
    if kind == "leverage":
        from sympy import ImmutableMatrix

        x0 = ImmutableMatrix(list(g["x0"]))
        want = (x0.T * g["inverse"] * x0)[0, 0]
        return None if _equal(want, step.after) else f"the leverage is {want}"
    return check_formula(step)


INFERENCE_VERIFIERS.check(R.STANDARD_ERROR, R.POOLED_VARIANCE, R.POOLED_PROPORTION,
                          R.DEGREES_OF_FREEDOM, R.WELCH_DF, R.MARGIN_OF_ERROR,
                          R.LIFT)(check_formula)


@_check(R.CONFIDENCE_INTERVAL)
def _ci(step: Step) -> str | None:
    g = step.given
    lo, hi = step.after
    est, m = g["estimate"], g["margin"]
    if "scale" in g:  # an interval rescaled (the lift's): ends are the scaled ends
        lo_e, hi_e = g["exact"]
        ok = _equal(lo, lo_e) and _equal(hi, hi_e)
    else:
        ok = numeric_equal(lo, est - m, 25) and numeric_equal(hi, est + m, 25)
    if not ok:
        return "the interval is not estimate ± margin"
    ex = g.get("exact")
    if ex is not None and not ex.free_symbols and not (
            numeric_equal(ex[0], lo, 25) and numeric_equal(ex[1], hi, 25)):
        return "the exact form of the interval does not match its decimals"
    return None


@_check(R.WILSON_INTERVAL)
def _wilson(step: Step) -> str | None:
    g = step.given
    vals = dict(g["values"])
    c = g["center"].xreplace(vals)
    h = g["half_width"].xreplace(vals)
    lo, hi = step.after
    if not (numeric_equal(c - h, lo, 25) and numeric_equal(c + h, hi, 25)):
        return "the Wilson interval is not center ± half-width"
    return None


@_check(R.SAMPLE_SIZE)
def _sample_size(step: Step) -> str | None:
    from sympy import ceiling

    g = step.given
    raw = g["formula"].xreplace(dict(g["values"]))
    want = ceiling(raw.evalf(60))
    if want != step.after:
        return f"the smallest whole n at least {raw.evalf(10)} is {want}, not {step.after}"
    return None


@_check(R.REJECTION_REGION)
def _region(step: Step) -> str | None:
    g = step.given
    m0, c, se = g["null"], g["critical_value"], g["standard_error"]
    lo, hi = step.after
    alt = str(g["alternative"])
    if alt == "greater":
        ok = numeric_equal(lo, m0 + c * se, 25)
    elif alt == "less":
        ok = numeric_equal(hi, m0 + c * se, 25)
    else:
        ok = numeric_equal(lo, m0 - c * se, 25) and numeric_equal(hi, m0 + c * se, 25)
    return None if ok else "the rejection region is not null ± critical value x SE"


@_check(R.POWER)
def _power(step: Step) -> str | None:
    from symbolic_mlmath.stats.experiments import power_of

    g = step.given
    law = str(g["law"])
    df = g["df"] if law == "t" else None
    want = power_of(law, g["delta"], g["critical_value"], str(g["alternative"]), df)
    if law == "t":  # the engine sums a series; check it against the integral
        from sympy import Float

        from symbolic_mlmath.stats.critical import noncentral_t_cdf as F

        c, d, alt = g["critical_value"], g["delta"], str(g["alternative"])
        want = {"greater": lambda: 1 - F(c, df, d), "less": lambda: F(c, df, d),
                "two-sided": lambda: 1 - F(c, df, d) + F(-c, df, d)}[alt]()
        want = Float(want, 30)
    if not numeric_equal(want, step.after, 20):
        return f"the power is {want.evalf(12)}, not {step.after}"
    return None


# ------------------------------------------------------------------ quantity steps chain freely
def _mark_reads() -> None:
    """Quantity steps have no ``before``: each reads earlier results through its given pieces,
    so the derivation's chain check lets them follow one another."""
    from symbolic_mlmath.core.verify import Verifier

    for rule, v in list(INFERENCE_VERIFIERS.items()):
        if rule in QUANTITY_RULES:
            INFERENCE_VERIFIERS[rule] = Verifier(check=v.check, same_value=v.same_value, reads=True)


#: The rules whose steps are quantities computed by a formula (``before`` is None).
QUANTITY_RULES = frozenset({
    R.DESIGN_MATRIX, R.NORMAL_EQUATIONS, R.SOLVE_NORMAL_EQUATIONS, R.RESIDUALS, R.SUM_OF_SQUARES,
    R.RESIDUAL_SD, R.COEFFICIENT_STD_ERRORS, R.R_SQUARED, R.REGRESSION_ANOVA, R.GROUP_MEANS,
    R.SS_BETWEEN, R.SS_WITHIN, R.ANOVA_TABLE, R.HYPOTHESES, R.TEST_STATISTIC, R.P_VALUE,
    R.CRITICAL_VALUE, R.DECISION, R.SAMPLE_SUMMARY, R.PAIRED_DIFFERENCES, R.POINT_ESTIMATE,
    R.STANDARD_ERROR, R.POOLED_VARIANCE, R.POOLED_PROPORTION, R.DEGREES_OF_FREEDOM, R.WELCH_DF,
    R.CONFIDENCE_INTERVAL, R.WILSON_INTERVAL, R.MARGIN_OF_ERROR, R.SAMPLE_SIZE,
    R.REJECTION_REGION, R.POWER, R.LIFT,
})
_mark_reads()

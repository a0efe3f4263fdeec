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
    if huge(a) or huge(b) or getattr(a, "is_Float", False) or getattr(b, "is_Float", False):
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
    R.CRITICAL_VALUE, R.DECISION,
})
_mark_reads()

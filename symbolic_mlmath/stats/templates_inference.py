"""Templates of the inference rules: regression, ANOVA, tests (how each step is worded).

A quantity step reads ``name = formula = formula with the values = value ≈ decimal``;
large objects (a design matrix of 82 rows, 2000-digit rationals) are summarised by
their shape or their decimal.

Examples
========
>>> from sympy import Rational, symbols, sqrt
>>> from symbolic_mlmath.render.formats import TEXT
>>> from symbolic_mlmath.stats.formulas import quantity_step
>>> s, n = symbols("s n", positive=True)
>>> st = quantity_step(R.TEST_STATISTIC, "t", (Rational(52) - 50) / (s / sqrt(n)), {s: 4, n: 15})
>>> INFERENCE_TEMPLATES[R.TEST_STATISTIC].instance(st, TEXT)
't = 2·√(n)/s = 2·√(15)/4, so t = √15/2 ≈ 1.93649'
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.render.formats import MathFormat, latex_of, text_of
from symbolic_mlmath.render.templates import TemplateTable
from symbolic_mlmath.stats.formulas import approx, huge
from symbolic_mlmath.stats.rules import StatsRule as R

__all__ = [
    "INFERENCE_TEMPLATES",
    "learner_text",
    "named_value",
    "quantity_text",
    "show",
    "show_approx",
    "substituted",
    "with_approx",
]

#: The templates of the inference rules (merged into the subject's table).
INFERENCE_TEMPLATES = TemplateTable()
template = INFERENCE_TEMPLATES.add

_SHOW_ROWS = 12
_APPROX_TEX = r"\approx"
_XTX = (r"X^{\mathsf T}X", "XᵀX")
_XTY = (r"X^{\mathsf T}y", "Xᵀy")
_SHORT_DIGITS = 6


def show_approx(value: Any, f: MathFormat, digits: int = _SHORT_DIGITS) -> str:
    """A short decimal of a value."""
    from sympy import Float

    a = approx(value, digits)
    if a is None:
        return f.m(value)
    return f.m(Float(a, digits))


def show(value: Any, f: MathFormat) -> str:
    """An exact value, or its decimal when it is too long to read (a huge rational)."""
    from sympy import MatrixBase

    if isinstance(value, MatrixBase):
        if value.rows > _SHOW_ROWS or huge(value):
            if value.rows <= _SHOW_ROWS and value.cols == 1:
                return f.m(approx(value, 15))
            return f.prose(f"({value.rows}×{value.cols} matrix)")
        return f.m(value)
    if huge(value):
        return show_approx(value, f, 15)
    if getattr(value, "is_Float", False):
        return show_approx(value, f, 10)
    return f.m(value)


def _needs_approx(value: Any) -> bool:
    from sympy import Basic

    if not isinstance(value, Basic) or not value.is_number or value.is_Integer or value.is_Float:
        return False
    if value.is_Rational:
        q = int(value.q)
        for p in (2, 5):
            while q % p == 0:
                q //= p
        return q != 1 or len(str(value.q)) > 4
    return value.is_real is not False and not value.is_infinite


def with_approx(value: Any, f: MathFormat, given: Any = None) -> str:
    """The exact value, then ``≈`` its short decimal where the exact form is not one."""
    out = show(value, f)
    if huge(value) or not _needs_approx(value):
        return out
    return f"{out} {f.raw(_APPROX_TEX, '≈')} {show_approx(value, f)}"


def _label(value: Any, tex: bool) -> Any:
    from sympy import Float, Symbol

    if getattr(value, "is_Float", False):
        value = Float(value, 10)
    text = latex_of(value) if tex else learner_text(text_of(value))
    compound = (value.could_extract_minus_sign() or value.is_Add
                or (not tex and ("/" in text or "·" in text)))
    if compound:
        text = rf"\left({text}\right)" if tex else f"({text})"
    return Symbol(text)


def substituted(formula: Any, values: Any, f: MathFormat) -> str:
    """The formula with each symbol replaced by its value, as written (not evaluated)."""
    from sympy import evaluate

    if any(huge(v) for v in values.values()):
        return ""
    with evaluate(False):
        txt = formula.xreplace({k: _label(v, False) for k, v in values.items()})
        tex = formula.xreplace({k: _label(v, True) for k, v in values.items()})
    return f.raw(latex_of(tex), learner_text(text_of(txt)))


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def learner_text(text: str) -> str:
    """Plain printed math in a learner's notation: ``x**2`` -> ``x²``, ``sqrt(`` -> ``√(``,
    ``*`` -> ``·``.

    Examples
    ========
    >>> learner_text("sqrt(s_1**2/n_1)*c")
    '√(s₁²/n₁)·c'
    >>> learner_text("(xbar - mu_0)/SE")
    '(x̄ - μ₀)/SE'
    """
    import re

    from symbolic_mlmath.render.unicode import symbol_text

    # names as a learner writes them (xbar -> x̄, mu_0 -> μ₀), never a function's name
    t = re.sub(r"\b[A-Za-z]+(?:_?\d+)?\b(?!\()", lambda m: symbol_text(m.group(0)), text)
    t = re.sub(r"\*\*(\d+)\b", lambda m: m.group(1).translate(_SUPERSCRIPT), t)
    t = t.replace("**", "^").replace("sqrt(", "√(")
    return t.replace("*", "·")


def formula_math(expr: Any, f: MathFormat) -> str:
    """A formula in its usual reading order (``n - 1``, not ``-1 + n``)."""
    return f.raw(latex_of(expr), learner_text(text_of(expr)))


def named_value(step: Step, f: MathFormat, value: Any = None, name: Any = None) -> str:
    """``name = value`` recorded as a displayed relation (the value is the step's own):
    a decimal (``approx``) stands for a long Float, ``≈`` its decimal follows a surd."""
    from sympy import Basic, Float

    g = step.given
    value = step.after if value is None else value
    name = g.get("name") if name is None else name
    shown = value
    has_float = getattr(value, "is_Float", False) or (
        isinstance(value, Basic) and bool(value.atoms(Float)) and not value.free_symbols)
    if has_float and "approx" in g:
        shown = g["approx"]
    tex, txt = latex_of(name), learner_text(text_of(name))
    if huge(shown):
        return f"{f.raw(tex, txt)} = {show(shown, f)}"
    out = f.named(tex, txt, shown, step=step)
    if isinstance(value, Basic) and not huge(value) and _needs_approx(value) \
            and not value.is_Float:
        out += f" {f.raw(_APPROX_TEX, '≈')} {show_approx(value, f)}"
    return out


def quantity_text(step: Step, f: MathFormat) -> str:
    """``name = formula = formula with the values``, then the value as ``name = value``."""
    g = step.given
    parts = [f.m(g["name"]), formula_math(g["formula"], f)]
    sub = substituted(g["formula"], g["values"], f)
    if sub and sub != parts[-1]:
        parts.append(sub)
    return " = ".join(parts) + f", {f.prose('so')} " + named_value(step, f)


# ------------------------------------------------------------------ least squares
@template(R.DESIGN_MATRIX, "Design matrix",
          lambda f: f.prose("Write one row per observation and one column per term of the "
                            "model, so that the model reads ") + f.raw(r"y = X\beta + e", "y = Xβ + e")
          + ".", "=>")
def _design(step: Step, f: MathFormat) -> str:
    cols = ", ".join(f.m(c) for c in step.given["columns"])
    return f"{f.prose('columns')} {cols}: X = {show(step.after, f)}"


@template(R.NORMAL_EQUATIONS, "Normal equations",
          lambda f: f.prose("The least-squares coefficients solve the normal equations ")
          + f.raw(r"X^{\mathsf T}X\beta = X^{\mathsf T}y", "XᵀXβ = Xᵀy")
          + f.prose(" (the residual is orthogonal to every column of X)."), "=>")
def _normal(step: Step, f: MathFormat) -> str:
    aug = step.after
    p = aug.rows
    xtx, xty = aug[:, :p], aug[:, p:]
    return f"{f.raw(*_XTX)} = {show(xtx, f)}, {f.raw(*_XTY)} = {show(xty, f)}"


@template(R.SOLVE_NORMAL_EQUATIONS, "Solve the normal equations",
          lambda f: f.prose("Solve the linear system exactly: ")
          + f.raw(r"\beta = (X^{\mathsf T}X)^{-1}X^{\mathsf T}y", "β = (XᵀX)⁻¹Xᵀy") + ".", "=>")
def _solve(step: Step, f: MathFormat) -> str:
    names, beta = step.given["names"], step.after
    return ", ".join(f"{f.m(b)} = {with_approx(v, f)}"
                     for b, v in zip(names, beta, strict=True))


@template(R.RESIDUALS, "Residuals",
          lambda f: f.prose("Each residual is the observed value minus the fitted one: ")
          + f.raw(r"e = y - X\beta", "e = y − Xβ") + ".", "=>")
def _residuals(step: Step, f: MathFormat) -> str:
    return f"e = {show(step.after, f)}"


@template(R.SUM_OF_SQUARES, "Sum of squares",
          lambda f: f.prose("Add the squared deviations: ")
          + f.raw(r"SS = \sum_i (v_i - c)^2", "SS = Σ (vᵢ − c)²") + ".", "=>")
def _ss(step: Step, f: MathFormat) -> str:
    kind = str(step.given["kind"])
    what = {"residual": f.prose("(squares of the residuals)"),
            "total": f.prose("(squares of y about its mean ") + show(step.given["center"], f) + ")",
            "uncentred": f.prose("(squares of y about 0: without an intercept the total is "
                                 "uncentred)")}.get(kind, f.prose(kind))
    return f"{f.m(step.given['name'])} {what} = {with_approx(step.after, f)}"


@template(R.RESIDUAL_SD, "Residual standard deviation",
          lambda f: f.prose("Divide the residual sum of squares by its degrees of freedom n - p "
                            "and take the square root."), "=>")
def _rsd(step: Step, f: MathFormat) -> str:
    return quantity_text(step, f)


@template(R.COEFFICIENT_STD_ERRORS, "Standard errors of the coefficients",
          lambda f: f.prose("The covariance of the estimates is ")
          + f.raw(r"s^2 (X^{\mathsf T}X)^{-1}", "s²(XᵀX)⁻¹")
          + f.prose("; each standard error is the root of a diagonal entry: ")
          + f.raw(r"\operatorname{se}(b_j) = s\sqrt{[(X^{\mathsf T}X)^{-1}]_{jj}}",
                  "se(bⱼ) = s √[(XᵀX)⁻¹]ⱼⱼ") + ".", "=>")
def _se(step: Step, f: MathFormat) -> str:
    names = step.given["names"]
    return ", ".join(f"se({f.m(b)}) = {with_approx(v, f)}"
                     for b, v in zip(names, step.after, strict=True))


@template(R.R_SQUARED, "Coefficient of determination",
          lambda f: f.prose("The share of the variation explained: ")
          + f.raw(r"R^2 = 1 - \mathrm{RSS}/\mathrm{TSS}", "R² = 1 − RSS/TSS") + ".", "=>")
def _r2(step: Step, f: MathFormat) -> str:
    return quantity_text(step, f)


def _table_text(step: Step, f: MathFormat, rows: tuple[tuple[str, str, str, str], ...]) -> str:
    g = step.given
    bits = []
    for label, ss, df, ms in rows:
        bits.append(f"{f.prose(label)}: SS = {with_approx(g[ss], f)}, df = {f.m(g[df])}, "
                    f"MS = {with_approx(g[ms], f)}")
    from sympy import Symbol

    return "; ".join(bits) + "; " + named_value(step, f, name=Symbol("F"))


@template(R.REGRESSION_ANOVA, "ANOVA table of the regression",
          lambda f: f.prose("Split the total sum of squares into regression and residual parts; "
                            "each mean square is SS/df and F is their ratio."), "=>")
def _reg_anova(step: Step, f: MathFormat) -> str:
    return _table_text(step, f, (("regression", "SS_regression", "df_regression", "MS_regression"),
                                 ("residual", "SS_residual", "df_residual", "MS_residual")))


# ------------------------------------------------------------------ one-way ANOVA
@template(R.GROUP_MEANS, "Group means",
          lambda f: f.prose("The mean of each group, and the grand mean of all observations: ")
          + f.raw(r"\bar y_j = \tfrac{1}{n_j}\sum_i y_{ij},\ \bar y = \tfrac{1}{N}\sum_j n_j \bar y_j",
                  "ȳⱼ = Σᵢ yᵢⱼ / nⱼ,  ȳ = Σⱼ nⱼ ȳⱼ / N") + ".", "=>")
def _means(step: Step, f: MathFormat) -> str:
    g = step.given
    ms = ", ".join(with_approx(m, f) for m in step.after)
    sizes = ", ".join(str(n) for n in g["sizes"])
    return (f"{f.prose('sizes')} {sizes}; {f.prose('means')} {ms}; "
            f"{f.prose('grand mean')} {with_approx(g['grand_mean'], f)}")


@template(R.SS_BETWEEN, "Sum of squares between groups",
          lambda f: f.raw(r"SS_B = \sum_j n_j (\bar y_j - \bar y)^2", "SS_B = Σⱼ nⱼ (ȳⱼ − ȳ)²")
          + f.prose(", the spread of the group means."), "=>")
def _ssb(step: Step, f: MathFormat) -> str:
    from sympy import Symbol

    return named_value(step, f, name=Symbol("SS_B"))


@template(R.SS_WITHIN, "Sum of squares within groups",
          lambda f: f.raw(r"SS_W = \sum_j \sum_i (y_{ij} - \bar y_j)^2 = \sum_j (n_j - 1) s_j^2",
                          "SS_W = Σⱼ Σᵢ (yᵢⱼ − ȳⱼ)² = Σⱼ (nⱼ − 1) sⱼ²")
          + f.prose(", the spread inside the groups."), "=>")
def _ssw(step: Step, f: MathFormat) -> str:
    parts = " + ".join(show(p, f) for p in step.given["parts"])
    if len(step.given["parts"]) > 12 or len(parts) > 300:
        parts = ""
    from sympy import Symbol

    lead = f"{f.raw('SS_W', 'SS_W')} = {parts}, {f.prose('so')} " if parts else ""
    return lead + named_value(step, f, name=Symbol("SS_W"))


@template(R.ANOVA_TABLE, "ANOVA table",
          lambda f: f.prose("Degrees of freedom k - 1 between and N - k within; each mean square "
                            "is SS/df; ") + f.raw(r"F = MS_B / MS_W", "F = MS_B / MS_W") + ".", "=>")
def _anova(step: Step, f: MathFormat) -> str:
    return _table_text(step, f, (("between", "SS_between", "df_between", "MS_between"),
                                 ("within", "SS_within", "df_within", "MS_within")))


# ------------------------------------------------------------------ tests
_ALT_TEXT = {"two-sided": ("≠", r"\neq"), "greater": (">", ">"), "less": ("<", "<")}


@template(R.HYPOTHESES, "Hypotheses",
          "The null hypothesis states the value tested; the alternative says which departures "
          "count as evidence against it.", "=>")
def _hyp(step: Step, f: MathFormat) -> str:
    g = step.given
    sym_txt, sym_tex = _ALT_TEXT[str(g["alternative"])]
    p, v = g["parameter"], g["null"]
    pt, vt = learner_text(text_of(p)), learner_text(text_of(v))
    h0 = f.raw(f"H_0: {latex_of(p)} = {latex_of(v)}", f"H₀: {pt} = {vt}")
    h1 = f.raw(f"H_1: {latex_of(p)} {sym_tex} {latex_of(v)}", f"H₁: {pt} {sym_txt} {vt}")
    return f"{h0}, {h1} ({f.prose(str(g['alternative']))})"


@template(R.TEST_STATISTIC, "Test statistic",
          "Measure how far the estimate is from the null value in standard errors.", "=>")
def _stat(step: Step, f: MathFormat) -> str:
    return quantity_text(step, f)


def _law(g: Any, f: MathFormat) -> str:
    law = str(g["law"])
    if law == "z":
        return f.raw("Z", "Z")
    df = g.get("df")
    if law == "f":
        d1, d2 = df
        return f.raw(f"F_{{{latex_of(d1)},\\,{latex_of(d2)}}}", f"F({text_of(d1)}, {text_of(d2)})")
    name = {"t": "T", "chi2": "χ²"}[law]
    tex = {"t": "T", "chi2": r"\chi^2"}[law]
    return f.raw(f"{tex}_{{{latex_of(df)}}}", f"{name}({text_of(df)})")


@template(R.P_VALUE, "p-value",
          "The probability, if H0 is true, of a statistic at least as extreme as the one "
          "observed, in the direction of the alternative.", "=>")
def _p(step: Step, f: MathFormat) -> str:
    g = step.given
    X, s = _law(g, f), show(g["statistic"], f)
    alt = str(g["alternative"])
    if alt == "greater":
        tail = f"P({X} ≥ {s})" if f.name == "text" else f"P({X} \\ge {s})"
    elif alt == "less":
        tail = f"P({X} ≤ {s})" if f.name == "text" else f"P({X} \\le {s})"
    else:
        tail = f"2 P({X} ≥ |{s}|)" if f.name == "text" else f"2 P({X} \\ge |{s}|)"
    if f.name != "text":
        tail = tail.replace("$", "")
        tail = f"${tail}$"
    out = f"p = {tail}"
    if "exact" in g:
        out += f" = {f.m(g['exact'])}"
    from sympy import Symbol

    return out + f", {f.prose('so')} " + named_value(step, f, name=Symbol("p"))


@template(R.CRITICAL_VALUE, "Critical value",
          "The quantile of the null law that cuts off the rejection region of probability "
          "alpha (split into two tails for a two-sided test).", "=>")
def _crit(step: Step, f: MathFormat) -> str:
    g = step.given
    out = (f"{f.prose('upper tail')} {f.m(g['tail'])} {f.prose('of')} {_law(g, f)}"
           if str(g["alternative"]) != "less" else
           f"{f.prose('lower tail')} {f.m(g['tail'])} {f.prose('of')} {_law(g, f)}")
    if "exact" in g:
        out += f": {f.m(g['exact'])}"
    from sympy import Symbol

    return out + f", {f.prose('so')} " + named_value(step, f, name=Symbol("c"))


@template(R.DECISION, "Decision",
          "Reject H0 when the p-value is at most the significance level alpha (the statistic "
          "then lies in the rejection region); otherwise fail to reject it.", "=>")
def _decision(step: Step, f: MathFormat) -> str:
    g = step.given
    p, a = g["p_value"], g["alpha"]
    rel = "≤" if str(step.after) == "reject" else ">"
    rel_tex = r"\le" if rel == "≤" else ">"
    cmp = f.raw(f"p = {latex_of(approx(p, 6)) if p.is_Float else latex_of(p)} {rel_tex} "
                f"\\alpha = {latex_of(a)}",
                f"p = {text_of(approx(p, 6)) if p.is_Float else text_of(p)} {rel} α = {text_of(a)}")
    words = ("reject H0: the data are unlikely under the null hypothesis"
             if str(step.after) == "reject" else
             "fail to reject H0: the data are consistent with the null hypothesis")
    return f"{cmp}: {f.prose(words)}"


def _regression_result(d: Any) -> Any:
    """The regression result as one table: coefficients, errors, fit, then the ANOVA row."""
    from sympy import Tuple

    from symbolic_mlmath.render.displays import Shown
    from symbolic_mlmath.render.labels import label
    from symbolic_mlmath.render.present import ResultView

    r = d.result
    rows = [[label("coefficients"), Shown(Tuple(*r["coefficients"]), view="list")],
            [label("std_errors"), Shown(Tuple(*r["std_errors"]), view="list")],
            [label("residual_sd"), Shown(r["residual_sd"])],
            [label("r_squared"), Shown(r["r_squared"])]]
    rows += [[k.replace("_", " "), Shown(v)] for k, v in r["anova"].items()]
    return ResultView(header=["", ""], rows=rows)


INFERENCE_TEMPLATES.results["linear_regression"] = _regression_result


def _short(v: Any) -> Any:
    """A result value for the result table: long decimals cut to 12 significant digits."""
    from sympy import Basic, Float, Tuple

    if isinstance(v, tuple | list | Tuple):
        return Tuple(*(_short(x) for x in v))
    if isinstance(v, Basic) and v.atoms(Float) and not v.free_symbols:
        return Float(v.evalf(15), 12)
    return v


def _decimal_table(d: Any) -> Any:
    """A task's dict result as a table with its decimals at 12 significant digits."""
    from sympy import Tuple

    from symbolic_mlmath.render.displays import Shown
    from symbolic_mlmath.render.labels import label
    from symbolic_mlmath.render.present import ResultView

    if not isinstance(d.result, dict):
        return None
    rows = []
    for k, v in d.result.items():
        if isinstance(v, str):
            rows.append([label(k), Shown(v, view="words")])
        elif isinstance(v, tuple | list | Tuple):
            rows.append([label(k), Shown(Tuple(*_short(v)), view="list")])
        else:
            rows.append([label(k), Shown(_short(v))])
    return ResultView(header=["", ""], rows=rows)


for _task in ("z_test", "t_test", "proportion_test", "two_sample_test", "anova", "power",
              "ab_test", "ci_mean", "ci_proportion", "regression_ci", "prediction_interval",
              "posterior"):
    INFERENCE_TEMPLATES.results[_task] = _decimal_table

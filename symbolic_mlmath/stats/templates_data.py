"""Templates of the data, sample-space, Bayes, random-vector and sampling rules (issue 14).

Examples
========
>>> from sympy import Rational
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.render.formats import TEXT
>>> s = Step(StatsRule.COUNT_VALUES, None, 5)
>>> DATA_TEMPLATES[StatsRule.COUNT_VALUES].instance(s, TEXT)
'n = 5'
"""

from __future__ import annotations

from typing import Any

from sympy import Tuple

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.render.formats import MathFormat
from symbolic_mlmath.render.templates import TemplateTable, default_displays
from symbolic_mlmath.stats.rules import StatsRule
from symbolic_mlmath.stats.template_parts import becomes as _becomes
from symbolic_mlmath.stats.template_parts import given as _g
from symbolic_mlmath.stats.template_parts import part as _part

__all__ = ["DATA_TEMPLATES"]

DATA_TEMPLATES = TemplateTable()
template = DATA_TEMPLATES.add


def _approx(step: Step, f: MathFormat) -> str:
    d = _g(step, "decimal")
    return f" ≈ {f.m(d)}" if d is not None else ""


def _eq(step: Step, f: MathFormat, name: str | None = None) -> str:
    head = name or f.m(_part(step))
    return f"{head} = {f.m(_becomes(step))}{_approx(step, f)}"


# ------------------------------------------------------------------ describing data
@template(StatsRule.COUNT_VALUES, "Count", "n is the number of observations.", "=>")
def _count(step: Step, f: MathFormat) -> str:
    return f"n = {f.m(_becomes(step))}"


@template(StatsRule.SAMPLE_MEAN_FORMULA, "Mean",
          lambda f: f.raw(r"\bar{x} = \frac{1}{n}\sum_{i=1}^n x_i", "x̄ = (1/n) Σ xᵢ") + ".", "=>")
def _mean(step: Step, f: MathFormat) -> str:
    xbar = f.raw(r"\bar{x}", "x̄")
    return (f"{f.prose('sum')} {f.m(_g(step, 'sum'))}, n = {f.m(_g(step, 'n'))}: "
            f"{xbar} = {f.m(_becomes(step))}{_approx(step, f)}")


@template(StatsRule.DEVIATIONS, "Deviations from the mean",
          "Subtract the mean from each value and square: columns x, x − x̄, (x − x̄)².", "=>")
def _devs(step: Step, f: MathFormat) -> str:
    return f"{f.prose('sum of squares')} {f.m(_g(step, 'ss'))}"


@template(StatsRule.SAMPLE_VARIANCE_FORMULA, "Variance",
          lambda f: f.raw(r"s^2 = \frac{1}{n - d}\sum_i (x_i - \bar{x})^2",
                          "s² = Σ(xᵢ − x̄)² / (n − d)")
          + f.prose(" with d = 1 for a sample (Bessel's correction), d = 0 for a population."),
          "=>")
def _var(step: Step, f: MathFormat) -> str:
    return (f"{f.m(_g(step, 'ss'))} / {f.m(_g(step, 'divisor'))} = {f.m(_becomes(step))}"
            f"{_approx(step, f)}")


@template(StatsRule.SAMPLE_STD, "Standard deviation",
          lambda f: f.raw(r"s = \sqrt{s^2}", "s = √(s²)") + f.prose(", in the units of the data."), "=>")
def _sd(step: Step, f: MathFormat) -> str:
    return f"s = √({f.m(_g(step, 'variance'))}) = {f.m(_becomes(step))}{_approx(step, f)}"


@template(StatsRule.SORT_DATA, "Sort", "Put the values in increasing order.", "=>")
def _sort(step: Step, f: MathFormat) -> str:
    return f.m(_becomes(step))


@template(StatsRule.MEDIAN_RULE, "Median",
          "The middle value of the sorted data (the mean of the two middle values when n is "
          "even).", "=>")
def _median(step: Step, f: MathFormat) -> str:
    return _eq(step, f, f.prose("median"))


@template(StatsRule.MODE_RULE, "Mode", "The most frequent value(s).", "=>")
def _mode(step: Step, f: MathFormat) -> str:
    modes, count = _becomes(step), f.m(_g(step, "count"))
    if not isinstance(modes, tuple | Tuple):
        return f"{f.prose('mode')} {f.m(modes)} ({f.prose('count')} {count})"
    if len(modes) == 1:
        return f"{f.prose('mode')} {f.m(modes[0])} ({f.prose('count')} {count})"
    if _g(step, "count") == 1 and len(modes) > LONG_DATA:
        return f.prose(f"no value repeats: all {len(modes)} values are modes (each once)")
    return (f"{f.prose('modes')} {_values(modes, f)} "
            f"({f.prose('each with count')} {count})")


def _values(values: Any, f: MathFormat) -> str:
    """A list of values in words: ``12, 14`` (``none`` when empty)."""
    return ", ".join(f.m(v) for v in values) if len(values) else f.prose("none")


@template(StatsRule.DATA_QUANTILE, "Sample quantile",
          "The q-quantile of the data by the named method (numpy's 'linear' by default: "
          "h = (n − 1)q, then interpolate between the sorted values around position h).", "=>")
def _dquant(step: Step, f: MathFormat) -> str:
    return (f"q = {f.m(_g(step, 'q'))} ({f.prose(str(_g(step, 'method')))}): "
            f"{f.m(_becomes(step))}{_approx(step, f)}")


@template(StatsRule.IQR_RULE, "Interquartile range and fences",
          "IQR = Q3 − Q1; values beyond Q1 − 1.5 IQR or Q3 + 1.5 IQR are drawn as outliers.",
          "=>")
def _iqr(step: Step, f: MathFormat) -> str:
    lo, hi = _g(step, "fences")
    return (f"IQR = {f.m(_becomes(step))}; {f.prose('fences')} {f.m(lo)}, {f.m(hi)}; "
            f"{f.prose('outliers')} {_values(_g(step, 'outliers', ()), f)}")


@template(StatsRule.SKEWNESS_RULE, "Skewness",
          lambda f: f.raw(r"g_1 = m_3 / m_2^{3/2},\ m_k = \frac{1}{n}\sum (x_i - \bar{x})^k",
                          "g₁ = m₃ / m₂^(3/2), m_k = (1/n) Σ(xᵢ − x̄)^k")
          + f.prose(" (as scipy.stats.skew)."), "=>")
def _skew(step: Step, f: MathFormat) -> str:
    return _eq(step, f, "g₁" if f.name == "text" else f.raw("g_1", "g1"))


@template(StatsRule.KURTOSIS_RULE, "Excess kurtosis",
          lambda f: f.raw(r"g_2 = m_4 / m_2^2 - 3", "g₂ = m₄ / m₂² − 3")
          + f.prose(" (as scipy.stats.kurtosis; 0 for a normal distribution)."), "=>")
def _kurt(step: Step, f: MathFormat) -> str:
    return _eq(step, f, "g₂" if f.name == "text" else f.raw("g_2", "g2"))


@template(StatsRule.Z_SCORES, "Standardise the data",
          lambda f: f.raw(r"z_i = (x_i - \bar{x}) / s", "zᵢ = (xᵢ − x̄)/s")
          + f.prose(": how many standard deviations each value is from the mean."), "=>")
def _z(step: Step, f: MathFormat) -> str:
    return f.m(_becomes(step))


@template(StatsRule.LAG1_AUTOCORRELATION, "Lag-1 autocorrelation",
          lambda f: f.raw(r"r_1 = \frac{\sum_{i<n} (x_i - \bar{x})(x_{i+1} - \bar{x})}"
                          r"{\sum_i (x_i - \bar{x})^2}",
                          "r₁ = Σ_{i<n}(xᵢ − x̄)(xᵢ₊₁ − x̄) / Σ(xᵢ − x̄)²") + ".", "=>")
def _r1(step: Step, f: MathFormat) -> str:
    return _eq(step, f, "r₁" if f.name == "text" else f.raw("r_1", "r1"))


# ------------------------------------------------------------------ sample spaces, Bayes
@template(StatsRule.KNOWN_PROBABILITY, "Given probability",
          "Put in the probability the problem gives.")
def _known(step: Step, f: MathFormat) -> str:
    part = _g(step, "part", step.before)
    return f"{f.m(part)} = {f.m(_g(step, 'value'))}"


@template(StatsRule.SAMPLE_SPACE, "Sample space",
          "List the outcomes of the experiment with their probabilities (independent parts "
          "multiply).", "=>")
def _space(step: Step, f: MathFormat) -> str:
    deck = ""
    if _g(step, "deck") is not None:
        k = int(_g(step, "draws"))
        how = "with" if _g(step, "replacement") else "without"
        words = f"{k} card{'s' if k > 1 else ''} from 52, in order, {how} replacement"
        deck = f" ({f.prose(words)})"
    return (f"{f.m(_g(step, 'size'))} {f.prose('outcomes')}{deck}"
            + (f", {f.prose('each with probability')} {f.m(_g(step, 'each'))}"
               if _g(step, "each") is not None else ""))


@template(StatsRule.COUNT_OUTCOMES, "Add up the outcomes",
          "P(A) is the sum of the probabilities of the outcomes in A (equally likely outcomes: "
          "favourable / total).")
def _outcomes(step: Step, f: MathFormat) -> str:
    fav, size = _g(step, "favourable"), _g(step, "size")
    shown = _g(step, "examples")
    names = _g(step, "variables")
    if shown is not None and len(shown) and names is not None and len(names) == 1:
        shown = [s[0] for s in shown]
    tail = f" ({f.prose('e.g.')} {', '.join(f.m(s) for s in shown)})" if shown else ""
    word = "outcome" if fav == 1 else "outcomes"
    over = (f" {f.prose('of')} {f.m(size)}" if _g(step, "equally_likely") else "")
    if _g(step, "condition") is not None:
        over += f" {f.prose('where')} {f.m(_g(step, 'condition'))} {f.prose('holds')}"
    value = _g(step, "becomes", step.after)
    return (f"{f.m(fav)} {f.prose('favourable ' + word)}{over}{tail}: "
            f"{f.m(_g(step, 'part', step.before))} = {f.m(value)}")


@template(StatsRule.REGION_INTEGRAL, "Integrate the joint density over the event",
          lambda f: f.raw(r"P\big((X, Y) \in A\big) = \iint_A f_X(x)\,f_Y(y)\,dy\,dx",
                          "P((X, Y) in A) = ∬_A f_X(x) f_Y(y) dy dx")
          + f.prose(" (independent: the joint density is the product of the densities)."))
def _region(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.NORMAL_COMBINATION, "Combine the normals",
          "A linear combination of independent normals is normal, with mean Σ aᵢμᵢ and "
          "variance Σ aᵢ²σᵢ²; the event about the combination is an event about one normal.")
def _normal_comb(step: Step, f: MathFormat) -> str:
    return (f"W = {f.m(_g(step, 'combination'))} {f.prose('has the distribution')} "
            f"{f.prose(str(_g(step, 'distribution')))}: {f.m(_part(step))} = {f.m(_becomes(step))}")


@template(StatsRule.INNER_INTEGRAL, "Inner integral",
          "Integrate over the inner variable with the outer one held fixed.")
def _inner(step: Step, f: MathFormat) -> str:
    return (f"{f.prose('over')} {f.m(_g(step, 'variable'))}: {f.m(step.after)}")


@template(StatsRule.ADDITION_RULE, "Addition rule",
          lambda f: f.raw(r"P(A \cup B) = P(A) + P(B) - P(A \cap B)",
                          "P(A or B) = P(A) + P(B) − P(A and B)") + ".")
def _addition(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.PRODUCT_RULE, "Product rule",
          lambda f: f.raw(r"P(A \cap B) = P(A \mid B)\,P(B)", "P(A and B) = P(A | B) P(B)")
          + f.prose("; for independent events P(A) P(B)."))
def _product(step: Step, f: MathFormat) -> str:
    why = _g(step, "independent")
    tail = f" ({f.prose('independent')})" if why else ""
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}{tail}"


@template(StatsRule.CONDITIONAL_RULE, "Conditional probability",
          lambda f: f.raw(r"P(A \mid B) = \frac{P(A \cap B)}{P(B)}", "P(A | B) = P(A and B) / P(B)")
          + ".")
def _conditional(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.TOTAL_PROBABILITY, "Total probability",
          lambda f: f.raw(r"P(E) = \sum_i P(E \mid H_i)\,P(H_i)", "P(E) = Σ P(E | Hᵢ) P(Hᵢ)")
          + f.prose(" over hypotheses that split the sample space."))
def _total(step: Step, f: MathFormat) -> str:
    return f"P(E) = {f.m(_becomes(step))}"


@template(StatsRule.BAYES_RULE, "Bayes' theorem",
          lambda f: f.raw(r"P(H \mid E) = \frac{P(E \mid H)\,P(H)}{P(E)}",
                          "P(H | E) = P(E | H) P(H) / P(E)") + ".")
def _bayes(step: Step, f: MathFormat) -> str:
    return f.m(_becomes(step))


@template(StatsRule.NORMALIZE_POSTERIOR, "Normalise",
          "Divide each product prior × likelihood by their sum, so the posteriors add to 1.")
def _normalize(step: Step, f: MathFormat) -> str:
    products = ", ".join(f.m(p) for p in _g(step, "products", ()))
    return (f"{f.prose('prior × likelihood')}: {products}; {f.prose('their sum')} "
            f"{f.m(_g(step, 'evidence'))}; {f.prose('posteriors')} {f.m(_becomes(step))}")


@template(StatsRule.LIKELIHOOD_PRODUCT, "Naive Bayes likelihood",
          lambda f: f.prose("Assuming the words independent given the class: ")
          + f.raw(r"P(w_1, \dots, w_k \mid C) = \prod_j P(w_j \mid C)",
                  "P(w₁, …, w_k | C) = Π P(w_j | C)") + ".")
def _likelihood(step: Step, f: MathFormat) -> str:
    factors = _g(step, "factors")
    if factors is None:
        return f.m(_becomes(step))
    from sympy import Mul

    shown = Mul(*factors, evaluate=False) if len(factors) > 1 else factors[0]
    return (f"{f.m(_part(step))} = {f.m(_g(step, 'product'))} = {f.m(shown)} = "
            f"{f.m(_becomes(step))}")


@template(StatsRule.LOG_SPACE, "Work in log space",
          lambda f: f.prose("Products of many small probabilities underflow; add logs instead: ")
          + f.raw(r"\log P(C) + \sum_j \log P(w_j \mid C)", "log P(C) + Σ log P(w_j | C)")
          + f.prose(", then normalise with the log-sum-exp."))
def _log(step: Step, f: MathFormat) -> str:
    return f.m(_becomes(step))


# ------------------------------------------------------------------ random vectors
@template(StatsRule.MARGINAL_SUM, "Marginal distribution",
          lambda f: f.raw(r"p_X(x) = \sum_y p(x, y)", "p_X(x) = Σ_y p(x, y)")
          + f.prose(": add the joint table along the other variable."), "=>")
def _marginal(step: Step, f: MathFormat) -> str:
    return f"{f.prose('marginal of')} {f.m(_g(step, 'variable'))}: {f.m(_becomes(step))}"


@template(StatsRule.CONDITIONAL_PMF, "Conditional distribution",
          lambda f: f.raw(r"p(x \mid y) = \frac{p(x, y)}{p_Y(y)}", "p(x | y) = p(x, y) / p_Y(y)")
          + ".", "=>")
def _cond_pmf(step: Step, f: MathFormat) -> str:
    return f"{f.prose('given')} {f.m(_g(step, 'given'))}: {f.m(_becomes(step))}"


@template(StatsRule.INDEPENDENCE_TEST, "Independence test",
          lambda f: f.prose("X and Y are independent exactly when ")
          + f.raw(r"p(x, y) = p_X(x)\,p_Y(y)", "p(x, y) = p_X(x) p_Y(y)")
          + f.prose(" in every cell."), "=>")
def _indep(step: Step, f: MathFormat) -> str:
    cell = _g(step, "cell")
    if cell is None:
        return f.prose("every cell equals the product of its marginals: independent")
    return (f"{f.prose('cell')} {f.m(cell)}: p = {f.m(_g(step, 'cell_joint'))} ≠ "
            f"{f.m(_g(step, 'product'))}: {f.prose('not independent')}")


@template(StatsRule.JOINT_EXPECTATION, "Expectation over the joint table",
          lambda f: f.raw(r"\mathbb{E}[g(X, Y)] = \sum_x \sum_y g(x, y)\,p(x, y)",
                          "E[g(X, Y)] = Σₓ Σ_y g(x, y) p(x, y)") + ".")
def _joint_e(step: Step, f: MathFormat) -> str:
    from sympy import Symbol

    from symbolic_mlmath.stats.notation import Expect

    g = _g(step, "g", Symbol("X"))
    return f"{f.m(Expect(g))} = {f.m(_g(step, 'becomes', step.after))}"


@template(StatsRule.COVARIANCE_SHORTCUT, "Covariance",
          lambda f: f.raw(r"\operatorname{Cov}(X, Y) = \mathbb{E}[XY] - \mathbb{E}[X]\,\mathbb{E}[Y]",
                          "Cov(X, Y) = E[XY] − E[X] E[Y]") + ".")
def _cov(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.COVARIANCE_DEFINITION, "Sample covariance",
          lambda f: f.raw(r"s_{xy} = \frac{1}{n - d}\sum_i (x_i - \bar{x})(y_i - \bar{y})",
                          "s_xy = Σ(xᵢ − x̄)(yᵢ − ȳ) / (n − d)") + ".", "=>")
def _cov_data(step: Step, f: MathFormat) -> str:
    return (f"{f.m(_g(step, 'sxy'))} / {f.m(_g(step, 'divisor'))} = {f.m(_becomes(step))}"
            f"{_approx(step, f)}")


@template(StatsRule.CORRELATION_FORMULA, "Correlation",
          lambda f: f.raw(r"\rho = \frac{\operatorname{Cov}(X, Y)}{\sigma_X \sigma_Y}",
                          "ρ = Cov(X, Y) / (σ_X σ_Y)") + f.prose(", always between −1 and 1."))
def _corr(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}{_approx(step, f)}"


@template(StatsRule.VECTOR_COVARIANCE_MATRIX, "Covariance matrix",
          lambda f: f.raw(r"\Sigma_{ij} = \operatorname{Cov}(X_i, X_j)", "Σᵢⱼ = Cov(Xᵢ, Xⱼ)")
          + f.prose(": variances on the diagonal."), "=>")
def _covmat(step: Step, f: MathFormat) -> str:
    return f.m(_becomes(step))


@template(StatsRule.MVN_DENSITY, "Multivariate normal density",
          lambda f: f.raw(r"f(\mathbf{x}) = \frac{\exp\left(-\frac12 (\mathbf{x}-\mu)^T "
                          r"\Sigma^{-1} (\mathbf{x}-\mu)\right)}{\sqrt{(2\pi)^k \det\Sigma}}",
                          "f(x) = exp(−½ (x−μ)ᵀ Σ⁻¹ (x−μ)) / √((2π)^k det Σ)") + ".")
def _mvn(step: Step, f: MathFormat) -> str:
    return (f"{f.prose('quadratic form')} {f.m(_g(step, 'quadratic_form'))}, det Σ = "
            f"{f.m(_g(step, 'det'))}: {f.m(_becomes(step))}")


# ------------------------------------------------------------------ sampling
@template(StatsRule.SUM_OF_SQUARES_IDENTITY, "Sum of squares about the mean",
          lambda f: f.raw(r"\sum_i (X_i - \bar{X})^2 = \sum_i X_i^2 - n\bar{X}^2",
                          "Σ(Xᵢ − X̄)² = Σ Xᵢ² − n X̄²") + f.prose(" (expand and use Σ Xᵢ = n X̄)."))
def _ssq(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.LINEARITY_OVER_SUMS, "Linearity over the sum",
          lambda f: f.raw(r"\mathbb{E}\left[\sum_i Y_i\right] = \sum_i \mathbb{E}[Y_i]",
                          "E[Σ Yᵢ] = Σ E[Yᵢ]")
          + f.prose("; the n draws have the same distribution, so the n terms are equal."))
def _lin_sum(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


@template(StatsRule.BIAS_IDENTITY, "Moments of a sample",
          lambda f: f.raw(r"\mathbb{E}[X_i^2] = \sigma^2 + \mu^2,\ "
                          r"\mathbb{E}[\bar{X}^2] = \sigma^2/n + \mu^2",
                          "E[Xᵢ²] = σ² + μ², E[X̄²] = σ²/n + μ²") + ".")
def _bias(step: Step, f: MathFormat) -> str:
    return f"{f.m(_part(step))} = {f.m(_becomes(step))}"


def _checkpoints(shown: Any) -> list | None:
    """``[(draws, running mean), ...]`` when ``shown`` is a table of checkpoints."""
    if isinstance(shown, Tuple) and shown and all(
            isinstance(p, Tuple) and len(p) == 2 for p in shown):
        return [tuple(p) for p in shown]
    return None


@template(StatsRule.COMBINATION_MOMENTS, "Mean and variance of the combination",
          lambda f: f.raw(r"\mathbb{E}\Big[\sum a_i X_i + b\Big] = \sum a_i \mathbb{E}[X_i] + b,"
                          r"\quad \operatorname{Var}\Big(\sum a_i X_i + b\Big) = \sum a_i^2 "
                          r"\operatorname{Var} X_i",
                          "E[Σ aᵢXᵢ + b] = Σ aᵢ E[Xᵢ] + b, Var(Σ aᵢXᵢ + b) = Σ aᵢ² Var Xᵢ")
          + f.prose(" (independent variables; the mean of n draws: E = μ, Var = σ²/n)."))
def _comb_moments(step: Step, f: MathFormat) -> str:
    e, v = step.before
    m, w = step.after
    return f"{f.m(e)} = {f.m(m)}, {f.m(v)} = {f.m(w)}"


@template(StatsRule.CLOSED_FAMILY, "Name the distribution",
          "A linear combination of independent normals is normal; Poisson, binomial (same p), "
          "gamma (same scale) and chi-square variables add within their family.", "~")
def _closed_family(step: Step, f: MathFormat) -> str:
    return (f"{f.prose(str(_g(step, 'law')))}: {f.m(_g(step, 'variable'))} "
            f"{f.prose('has the distribution')} {f.m(step.after)}")


@template(StatsRule.CLT_APPROXIMATION, "Central limit theorem",
          lambda f: f.prose("For large n the mean of n independent draws is approximately ")
          + f.raw(r"N\left(\mu, \sigma/\sqrt{n}\right)", "N(μ, σ/√n)")
          + f.prose(" (the standard deviation written second)."), "~")
def _clt(step: Step, f: MathFormat) -> str:
    return (f"n = {f.m(_g(step, 'n'))}: {f.m(_g(step, 'variable'))} "
            f"{f.prose('has approximately the distribution')} {f.m(step.after)}")


@template(StatsRule.SIMULATION, "Seeded simulation",
          "Draw samples with a fixed seed, so the numbers can be reproduced.", "=>",
          display=lambda step: [] if _checkpoints(step.after) else default_displays(step, "=>"))
def _sim(step: Step, f: MathFormat) -> str:
    head = (f"{f.prose('seed')} {f.m(_g(step, 'seed'))}, {f.m(_g(step, 'draws'))} "
            f"{f.prose('draws')}")
    points = _checkpoints(_becomes(step))
    if points is None:
        return f"{head}: {f.m(_becomes(step))}"
    means = "; ".join(f"{f.prose('after')} {f.m(k)} {f.prose('draws')} {f.m(m)}"
                      for k, m in points)
    mean = _g(step, "mean")
    tail = f" ({f.prose('the expected value is')} {f.m(mean)})" if mean is not None else ""
    return f"{head}; {f.prose('running mean')} {means}{tail}"


def _lln_result(d: Any) -> Any:
    """The running means of a seeded run as a table: draws | running mean."""
    from symbolic_mlmath.render.displays import Shown
    from symbolic_mlmath.render.present import ResultView

    points = _checkpoints(d.result)
    if points is None:
        return None
    return ResultView(header=["draws", "running mean"],
                      rows=[[Shown(k), Shown(m)] for k, m in points])


DATA_TEMPLATES.results["lln"] = _lln_result


# ------------------------------------------------------------------ long data shown once
#: Above this many values the data (already under "Given") is not repeated in each step.
LONG_DATA = 8


def _data_display(step: Step) -> list:
    """``data ⟹ value`` for short data; for long data only a table the step produces (the
    step keeps the data and the exact value as its objects; the line states the value)."""
    from sympy import MatrixBase

    from symbolic_mlmath.render.displays import chain
    from symbolic_mlmath.render.templates import default_displays

    if isinstance(step.before, Tuple) and len(step.before) > LONG_DATA:
        return [chain(step.after)] if isinstance(step.after, MatrixBase) else []
    return default_displays(step, "=>")


def _short_data_displays() -> None:
    from dataclasses import replace

    for rule in (StatsRule.COUNT_VALUES, StatsRule.SAMPLE_MEAN_FORMULA, StatsRule.DEVIATIONS,
                 StatsRule.SAMPLE_VARIANCE_FORMULA, StatsRule.SAMPLE_STD, StatsRule.SORT_DATA,
                 StatsRule.MEDIAN_RULE, StatsRule.MODE_RULE, StatsRule.DATA_QUANTILE,
                 StatsRule.IQR_RULE, StatsRule.SKEWNESS_RULE, StatsRule.KURTOSIS_RULE,
                 StatsRule.Z_SCORES, StatsRule.LAG1_AUTOCORRELATION):
        DATA_TEMPLATES[rule] = replace(DATA_TEMPLATES[rule], display=_data_display)


_short_data_displays()

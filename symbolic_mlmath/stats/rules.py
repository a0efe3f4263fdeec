"""The laws of probability and statistics: every rule a step of this subject can name."""

from __future__ import annotations

from enum import Enum

__all__ = ["StatsRule"]


class StatsRule(str, Enum):
    """Every law of probability and statistics a derivation step can name."""

    # --- probability, distributions and data (issue 14) ----------------------------------------------
    # distributions: pmf/pdf, cdf, quantiles
    PMF_FORMULA = "pmf_formula"  # P(X = x) = the family's law
    PDF_FORMULA = "pdf_formula"  # f(x) = the family's law
    PLUG_IN = "plug_in"  # put x and the parameters into the law
    OUTSIDE_SUPPORT = "outside_support"  # the pmf/pdf is 0 off the support
    NORMALIZATION = "normalization"  # the pmf sums / the pdf integrates to 1 (reads)
    CDF_SUM = "cdf_sum"  # P(X <= x) = sum of P(X = k) for k <= x
    CDF_INTEGRAL = "cdf_integral"  # P(X <= x) = integral of f(t) from the left end to x
    WRITE_OUT_SUM = "write_out_sum"  # a finite sum written term by term
    EVALUATE_INTEGRAL = "evaluate_integral"  # integral = F(b) - F(a) with the antiderivative F
    STANDARDIZE = "standardize"  # P(X <= x) = P(Z <= (x - mu)/sigma)
    COMPLEMENT_RULE = "complement_rule"  # P(A) = 1 - P(not A)
    INTERVAL_RULE = "interval_rule"  # P(a < X <= b) = F(b) - F(a)
    ENDPOINT_RULE = "endpoint_rule"  # continuous: P(X < b) = P(X <= b); integers: P(X < b) = P(X <= b-1)
    DECIMAL_VALUE = "decimal_value"  # the exact value to the digits asked
    QUANTILE_DEFINITION = "quantile_definition"  # F^-1(q): solve F(x) = q (discrete: least x, F(x) >= q)
    INVERT_CDF = "invert_cdf"  # F(x) = q solved in closed form
    ROOT_FIND = "root_find"  # F(x) = q solved numerically (incomplete beta/gamma) to the digits asked
    CUMULATIVE_TABLE = "cumulative_table"  # F(k) for k = lo, lo + 1, ... until F(k) >= q
    # expectation and variance
    MOMENT_FORMULA = "moment_formula"  # the family's mean / variance formula (reads)
    EXPECTATION_DEFINITION = "expectation_definition"  # E[g(X)] = sum g(x) P(X = x) or integral g f
    SUM_INTEGRAL_VALUE = "sum_integral_value"  # an infinite sum or integral evaluated
    LINEARITY = "linearity_of_expectation"  # E[aX + b] = a E[X] + b
    VARIANCE_SHORTCUT = "variance_shortcut"  # Var X = E[X^2] - E[X]^2
    VARIANCE_AFFINE = "variance_affine"  # Var(aX + b) = a^2 Var X
    STD_FROM_VARIANCE = "std_from_variance"  # SD = sqrt(Var)

    # --- inference (issue 15) ----------------------------------------------

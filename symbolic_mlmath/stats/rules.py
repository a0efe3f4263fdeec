"""The laws of probability and statistics: every rule a step of this subject can name."""

from __future__ import annotations

from enum import Enum

__all__ = ["StatsRule"]


class StatsRule(str, Enum):
    """Every law of probability and statistics a derivation step can name."""

    # --- probability, distributions and data (issue 14) ----------------------------------------------



    # --- inference (issue 15) ----------------------------------------------
    # quantities computed by a formula (before is None; the formula, the values put in and
    # the exact result are the step's given pieces and ``after``)
    DESIGN_MATRIX = "design_matrix"  # columns 1, x, x^2, ... (or the predictors given)
    NORMAL_EQUATIONS = "regression_normal_equations"  # X^T X beta = X^T y
    SOLVE_NORMAL_EQUATIONS = "solve_normal_equations"  # beta = (X^T X)^-1 X^T y, exactly
    RESIDUALS = "residuals"  # e = y - X beta
    SUM_OF_SQUARES = "sum_of_squares"  # SS = sum of squared deviations (residual, total, ...)
    RESIDUAL_SD = "residual_sd"  # s = sqrt(RSS / (n - p))
    COEFFICIENT_STD_ERRORS = "coefficient_std_errors"  # se_j = s sqrt([(X^T X)^-1]_jj)
    R_SQUARED = "r_squared"  # R^2 = 1 - RSS / TSS
    REGRESSION_ANOVA = "regression_anova"  # regression / residual table: df, SS, MS, F
    GROUP_MEANS = "group_means"  # each group's mean and the grand mean
    SS_BETWEEN = "ss_between"  # sum_j n_j (ybar_j - ybar)^2
    SS_WITHIN = "ss_within"  # sum_j sum_i (y_ij - ybar_j)^2
    ANOVA_TABLE = "anova_table"  # df, MS = SS / df, F = MS_between / MS_within
    # tests
    HYPOTHESES = "hypotheses"  # H0 and H1 for the alternative
    TEST_STATISTIC = "test_statistic"  # (estimate - null value) / standard error
    P_VALUE = "p_value"  # tail probability of the statistic under H0
    CRITICAL_VALUE = "critical_value"  # the quantile that bounds the rejection region
    DECISION = "decision"  # reject H0 when p <= alpha (statistic in the rejection region)

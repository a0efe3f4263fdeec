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
    EVENT_SIMPLIFY = "simplify_event"  # the event written as one interval (same outcomes)
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
    # describing data
    COUNT_VALUES = "count_values"  # n (reads)
    SAMPLE_MEAN_FORMULA = "sample_mean_formula"  # xbar = sum x / n
    DEVIATIONS = "deviations"  # the table of x - xbar and (x - xbar)^2
    SAMPLE_VARIANCE_FORMULA = "sample_variance_formula"  # s^2 = sum (x - xbar)^2 / (n - ddof)
    SAMPLE_STD = "sample_std"  # s = sqrt(s^2) (reads)
    SORT_DATA = "sort_data"  # the order statistics
    MEDIAN_RULE = "median_rule"  # the middle value (the mean of the two middle ones)
    MODE_RULE = "mode_rule"  # the most frequent value(s)
    DATA_QUANTILE = "data_quantile"  # a sample quantile by the named method
    IQR_RULE = "iqr_rule"  # IQR = Q3 - Q1; box-plot fences Q1 - 1.5 IQR, Q3 + 1.5 IQR
    SKEWNESS_RULE = "skewness_rule"  # g1 = m3 / m2^(3/2)
    KURTOSIS_RULE = "kurtosis_rule"  # g2 = m4 / m2^2 - 3 (excess)
    Z_SCORES = "z_scores"  # z = (x - xbar) / s
    LAG1_AUTOCORRELATION = "lag1_autocorrelation"  # r1 = sum (x_i - xbar)(x_i+1 - xbar) / sum (x - xbar)^2
    # probability on sample spaces
    KNOWN_PROBABILITY = "known_probability"  # a probability given in the problem
    SAMPLE_SPACE = "sample_space"  # the outcomes and their probabilities
    COUNT_OUTCOMES = "count_outcomes"  # P(A) = sum of the probabilities of the outcomes in A
    ADDITION_RULE = "probability_addition_rule"  # P(A or B) = P(A) + P(B) - P(A and B)
    PRODUCT_RULE = "probability_product_rule"  # P(A and B) = P(A) P(B) (independent) or P(A | B) P(B)
    CONDITIONAL_RULE = "conditional_rule"  # P(A | B) = P(A and B) / P(B)
    TOTAL_PROBABILITY = "total_probability"  # P(E) = sum P(E | H) P(H)
    BAYES_RULE = "bayes_rule"  # P(H | E) = P(E | H) P(H) / P(E)
    NORMALIZE_POSTERIOR = "normalize_posterior"  # divide the products by their sum
    LIKELIHOOD_PRODUCT = "likelihood_product"  # naive Bayes: P(words | C) = product of P(w | C)
    LOG_SPACE = "log_space"  # log P(C) + sum log P(w | C), then softmax
    REGION_INTEGRAL = "region_integral"  # P((X, Y) in A) = double integral of f_X f_Y over A
    INNER_INTEGRAL = "inner_integral"  # the inner integral done, a function of the outer variable
    NORMAL_COMBINATION = "normal_combination"  # P(aX + bY < c) = P(W < c), W = aX + bY normal
    # random vectors
    MARGINAL_SUM = "marginal_sum"  # p_X(x) = sum over y of p(x, y)
    CONDITIONAL_PMF = "conditional_pmf"  # p(x | y) = p(x, y) / p_Y(y)
    INDEPENDENCE_TEST = "independence_test"  # independent iff p(x, y) = p_X(x) p_Y(y) in every cell
    JOINT_EXPECTATION = "joint_expectation"  # E[g(X, Y)] = sum g(x, y) p(x, y) over the table
    COVARIANCE_SHORTCUT = "covariance_shortcut"  # Cov = E[XY] - E[X] E[Y]
    COVARIANCE_DEFINITION = "covariance_definition"  # data: sum (x - xbar)(y - ybar) / (n - ddof)
    CORRELATION_FORMULA = "correlation_formula"  # rho = Cov / (SD X SD Y)
    VECTOR_COVARIANCE_MATRIX = "vector_covariance_matrix"  # Sigma_ij = Cov(X_i, X_j)
    MVN_DENSITY = "mvn_density"  # multivariate normal density at a point
    # sampling
    SUM_OF_SQUARES_IDENTITY = "sum_of_squares_identity"  # sum (X_i - Xbar)^2 = sum X_i^2 - n Xbar^2
    LINEARITY_OVER_SUMS = "linearity_over_sums"  # E[sum a_i Y_i] = sum a_i E[Y_i]
    BIAS_IDENTITY = "bias_identity"  # E[X_i^2] = sigma^2 + mu^2, E[Xbar^2] = sigma^2/n + mu^2
    SIMULATION = "seeded_simulation"  # a seeded simulation (law of large numbers, CLT) (reads)
    COMBINATION_MOMENTS = "combination_moments"  # E[sum a X + b] = sum a E X + b, Var = sum a^2 Var X
    CLOSED_FAMILY = "closed_family"  # normals combine linearly; Poisson, chi2, ... add
    CLT_APPROXIMATION = "clt_approximation"  # Xbar approximately N(mu, sigma/sqrt(n)) for large n

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
    # tests and intervals
    SAMPLE_SUMMARY = "sample_summary"  # n, mean and standard deviation of data (n - 1)
    PAIRED_DIFFERENCES = "paired_differences"  # d_i = x_i - y_i
    POINT_ESTIMATE = "point_estimate"  # the estimate: a sample proportion, a difference, ...
    STANDARD_ERROR = "standard_error"  # the standard deviation of the estimate
    POOLED_VARIANCE = "pooled_variance"  # s_p^2 = ((n1-1)s1^2 + (n2-1)s2^2) / (n1 + n2 - 2)
    POOLED_PROPORTION = "pooled_proportion"  # p = (x1 + x2) / (n1 + n2) under H0
    DEGREES_OF_FREEDOM = "degrees_of_freedom"  # n - 1, n1 + n2 - 2, n - p
    WELCH_DF = "welch_satterthwaite"  # (a + b)^2 / (a^2/(n1-1) + b^2/(n2-1))
    CONFIDENCE_INTERVAL = "confidence_interval"  # estimate +- critical value * standard error
    WILSON_INTERVAL = "wilson_interval"  # the score interval of a proportion
    MARGIN_OF_ERROR = "margin_of_error"  # critical value * standard error
    SAMPLE_SIZE = "sample_size"  # smallest n with margin <= E: (z sigma / E)^2 rounded up
    REJECTION_REGION = "rejection_region"  # the estimates that reject H0
    POWER = "power"  # P(reject H0 | the true value): 1 - beta
    POWER_SEARCH = "power_search"  # t test: n stepped until the noncentral-t power >= target
    LIFT = "lift"  # (p_variation - p_control) / p_control
    HYPOTHESES = "hypotheses"  # H0 and H1 for the alternative
    TEST_STATISTIC = "test_statistic"  # (estimate - null value) / standard error
    P_VALUE = "p_value"  # tail probability of the statistic under H0
    CRITICAL_VALUE = "critical_value"  # the quantile that bounds the rejection region
    DECISION = "decision"  # reject H0 when p <= alpha (statistic in the rejection region)
    # maximum likelihood (chains: density -> L -> log L -> score -> root -> curvature)
    LIKELIHOOD = "likelihood"  # L(theta) = prod f(x_i; theta)
    LOG_LIKELIHOOD = "log_likelihood"  # l(theta) = sum log f(x_i; theta), logs expanded
    SCORE = "score"  # dl/dtheta (the gradient for several parameters)
    SET_SCORE_TO_ZERO = "set_score_to_zero"  # solve dl/dtheta = 0
    SECOND_DERIVATIVE_CHECK = "second_derivative_check"  # l'' < 0 at the root: a maximum
    HESSIAN_CHECK = "hessian_check"  # the Hessian negative definite at the root
    BOUNDARY_MAXIMUM = "boundary_maximum"  # no root of the score: the maximum on the boundary
    REGRESSION_LIKELIHOOD = "regression_likelihood"  # L(a, b, s2) = prod N(y_i; a + b x_i, s2)
    MLE_NORMAL_EQUATIONS = "mle_normal_equations"  # score in a, b = 0 <=> the normal equations
    # Bayesian inference
    PRIOR = "prior"  # the prior density of the parameter
    POSTERIOR_PROPORTIONAL = "posterior_proportional"  # posterior ∝ prior x likelihood
    RECOGNIZE_KERNEL = "recognize_kernel"  # the kernel of a known family names the posterior
    POSTERIOR_SUMMARY = "posterior_summary"  # posterior mean, median and mode (the MAP)
    DISCRETE_POSTERIOR = "discrete_posterior"  # P(H|D) = P(D|H) P(H) / sum over hypotheses
    NEGATIVE_LOG_POSTERIOR = "negative_log_posterior"  # MAP = argmin -log prior - log likelihood
    RIDGE_SOLUTION = "ridge_solution"  # (X^T X + lambda I) w = X^T y

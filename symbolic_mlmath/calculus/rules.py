"""The laws of calculus: every rule a step of this subject can name."""

from __future__ import annotations

from enum import Enum

__all__ = ["CalculusRule"]


class CalculusRule(str, Enum):
    """Every law of calculus a derivation step can name."""

    # --- differentiation (issue 12) ----------------------------------------------
    # the rule tree: one law per node (difftree.py); before = Derivative(expr, var)
    DIFF_CONSTANT = "diff_constant"  # d/dx c = 0
    DIFF_VARIABLE = "diff_variable"  # d/dx x = 1
    POWER_RULE = "power_rule"  # d/dx x^n = n x^(n-1), n any rational
    CONSTANT_MULTIPLE = "constant_multiple"  # (c f)' = c f'
    SUM_RULE = "sum_rule"  # (f + g)' = f' + g'
    PRODUCT_RULE = "product_rule"  # (f g)' = f' g + f g'
    QUOTIENT_RULE = "quotient_rule"  # (f/g)' = (f' g - f g')/g^2
    CHAIN_RULE = "chain_rule"  # f(u)' = f'(u) u'
    EXP_RULE = "exp_rule"  # (e^x)' = e^x
    EXP_BASE_RULE = "exp_base_rule"  # (a^x)' = a^x ln a
    LOG_RULE = "log_rule"  # (ln x)' = 1/x
    LOG_BASE_RULE = "log_base_rule"  # (log_b x)' = 1/(x ln b)
    TRIG_RULE = "trig_rule"  # sin' = cos, cos' = -sin, tan' = sec^2, ...
    INVERSE_TRIG_RULE = "inverse_trig_rule"  # asin' = 1/sqrt(1 - x^2), atan' = 1/(1 + x^2), ...
    HYPERBOLIC_RULE = "hyperbolic_rule"  # sinh' = cosh, tanh' = 1 - tanh^2, ...
    LOG_DIFFERENTIATION = "log_differentiation"  # y = f^g: y' = y (g ln f)'
    SIGMOID_RULE = "sigmoid_rule"  # sigma' = sigma (1 - sigma)
    SOFTPLUS_RULE = "softplus_rule"  # softplus' = sigma
    RELU_RULE = "relu_rule"  # relu' = 0 (x < 0), 1 (x > 0), none at 0
    ABS_RULE = "abs_rule"  # |x|' = -1 (x < 0), 1 (x > 0), none at 0
    LOG_SUM_EXP_RULE = "log_sum_exp_rule"  # d log(sum e^u_i) = sum softmax_i u_i'
    DIFF_FALLBACK = "diff_fallback"  # no rule here: SymPy's diff, said so
    # around the tree
    RECOGNIZE_FUNCTIONS = "recognize_functions"  # 1/(1 + e^-u) = sigma(u), ln(1 + e^u) = softplus(u)
    TIDY_DERIVATIVE = "tidy_derivative"  # the raw derivative in a simpler form (named strategy)
    EVALUATE_AT = "evaluate_at"  # substitute the point, shown before the arithmetic
    DIFFERENTIATE_INSIDE = "differentiate_inside"  # f'' = (f')': first f'
    CONCAVITY = "concavity"  # the sign of f'' read as concave up / down
    # the limit definition (limitdef.py)
    LIMIT_DEFINITION = "limit_definition"  # f'(x) = lim (f(x + h) - f(x))/h
    EXPAND_NUMERATOR = "expand_numerator"  # multiply out f(x + h) - f(x)
    COMBINE_FRACTIONS = "combine_fractions"  # one fraction in the numerator
    RATIONALIZE_NUMERATOR = "rationalize_numerator"  # multiply by the conjugate
    CANCEL_H = "cancel_h"  # divide out h (h != 0 inside the limit)
    TAKE_LIMIT = "take_limit"  # continuous at h = 0: substitute h = 0
    # several variables (multivariable.py)
    PARTIAL_DERIVATIVE = "partial_derivative"  # d/dx f holding the other variables constant
    GRAPH_CHAIN_RULE = "graph_chain_rule"  # dL/dw = sum over paths of products of partials
    GRADIENT_VECTOR = "gradient_vector"  # grad f = (df/dx1, ..., df/dxn)
    HESSIAN_MATRIX = "hessian_matrix"  # H_ij = d^2 f / dx_i dx_j
    HESSIAN_SYMMETRY = "hessian_symmetry"  # H_ij = H_ji (Schwarz)
    LEADING_MINORS = "leading_minors"  # definiteness by the leading principal minors
    EIGENVALUE_TEST = "eigenvalue_test"  # definiteness by the signs of the eigenvalues
    # optimisation (optimization.py)
    SET_GRADIENT_ZERO = "set_gradient_zero"  # critical points solve grad f = 0
    SOLVE_CRITICAL = "solve_critical"  # the solutions of grad f = 0 (exact, or numeric)
    RESTRICT_DOMAIN = "restrict_domain"  # keep the points inside the domain
    SECOND_DERIVATIVE_TEST = "second_derivative_test"  # f'' > 0 min, < 0 max, = 0 inconclusive
    FIRST_DERIVATIVE_TEST = "first_derivative_test"  # sign change of f' around the point
    DISCRIMINANT_TEST = "discriminant_test"  # D = f_xx f_yy - f_xy^2
    HESSIAN_TEST = "hessian_test"  # definiteness of the Hessian at the point
    BOUNDARY_VALUES = "boundary_values"  # f at the endpoints / limits at open ends
    COMPARE_CANDIDATES = "compare_candidates"  # the global extreme is the best candidate

    # --- iterative methods and networks (issue 13) ----------------------------------------------
    METHOD_DERIVATIVE = "method_derivative"  # the derivative/gradient/Hessian a method needs
    GD_UPDATE_RULE = "gd_update_rule"  # x_{k+1} = x_k - eta grad f(x_k), with grad f written in
    LEARNING_RATE_BOUND = "learning_rate_bound"  # quadratic: converges iff eta < 2/lambda_max
    GD_STEP = "gd_step"  # one update x_k -> x_k - eta grad f(x_k)
    ITERATION_TABLE = "iteration_table"  # every iterate, tabled (k, x_k, f(x_k), ...)
    DIVERGENCE = "divergence"  # the iterates grow without bound (or f rises): why
    MSE_LOSS = "mse_loss"  # data (x_i, y_i) -> (1/n) sum (y_i - (w x_i + b))^2
    NORMAL_EQUATIONS = "normal_equations"  # X^T X beta = X^T y, solved exactly
    NEWTON_UPDATE_RULE = "newton_update_rule"  # x - f/f' (root), x - f'/f'' (optimum)
    NEWTON_STEP = "newton_step"  # one Newton iterate x_k -> x_{k+1}
    NEWTON_SOLVE = "newton_solve"  # several variables: solve H(x_k) delta = grad f(x_k)
    NEWTON_BREAKDOWN = "newton_breakdown"  # f'(x_k) = 0, a cycle, or divergence: why
    FORWARD_PASS = "forward_pass"  # x -> a^L through every layer
    LINEAR_LAYER = "linear_layer"  # z^l = W^l a^(l-1) + b^l
    ACTIVATE = "activate"  # a^l = g(z^l)
    LOSS_VALUE = "loss_value"  # L(a^L, y)
    BACKWARD_PASS = "backward_pass"  # L -> every partial derivative, output layer first
    OUTPUT_DELTA = "output_delta"  # delta^L = dL/dz^L = dL/da^L * g'(z^L)
    HIDDEN_DELTA = "hidden_delta"  # delta^l = (W^(l+1)^T delta^(l+1)) * g'(z^l)
    WEIGHT_GRADIENT = "weight_gradient"  # dL/dW^l = delta^l a^(l-1)^T (upstream x local)
    BIAS_GRADIENT = "bias_gradient"  # dL/db^l = delta^l

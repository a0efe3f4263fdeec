"""The laws of calculus: every rule a step of this subject can name."""

from __future__ import annotations

from enum import Enum

__all__ = ["CalculusRule"]


class CalculusRule(str, Enum):
    """Every law of calculus a derivation step can name."""

    # --- differentiation (issue 12) ----------------------------------------------



    # --- iterative methods and networks (issue 13) ----------------------------------------------
    METHOD_DERIVATIVE = "method_derivative"  # the derivative/gradient/Hessian a method needs
    GD_UPDATE_RULE = "gd_update_rule"  # x_{k+1} = x_k - eta grad f(x_k), with grad f written in
    LEARNING_RATE_BOUND = "learning_rate_bound"  # quadratic: converges iff eta < 2/lambda_max
    GD_STEP = "gd_step"  # one update x_k -> x_k - eta grad f(x_k)
    ITERATION_TABLE = "iteration_table"  # every iterate, tabled (k, x_k, f(x_k), ...)
    DIVERGENCE = "divergence"  # the iterates grow without bound (or f rises): why
    MSE_LOSS = "mse_loss"  # data (x_i, y_i) -> (1/n) sum (y_i - (w x_i + b))^2
    NORMAL_EQUATIONS = "normal_equations"  # X^T X beta = X^T y, solved exactly

"""Every calculus working judge: the subject's ``JUDGES`` table (task -> Judge).

Derivatives and partial derivatives in ``judge_derivative``, gradients and Hessians in
``judge_gradient``, iterates of gradient descent and Newton's method in ``judge_iterates``, the partial
derivatives of backpropagation in ``judge_backprop``.

Examples
========
>>> sorted(JUDGES)
['backprop', 'derivative', 'gradient', 'gradient_descent', 'hessian', 'newton_method', 'partial_derivative']
"""

from __future__ import annotations

from symbolic_mlmath.calculus import (
    judge_backprop,
    judge_derivative,
    judge_gradient,
    judge_iterates,
)

__all__ = ["JUDGES"]

JUDGES = {**judge_derivative.JUDGES, **judge_backprop.JUDGES, **judge_gradient.JUDGES,
          **judge_iterates.JUDGES}

"""The derivative from its definition: the limit of the difference quotient.

For polynomials the numerator is expanded and h cancels; for rational functions (1/x)
the fractions in the numerator are combined first; for roots (√x, √(ax + b)) the
numerator is rationalised by the conjugate. The last step lets h -> 0 by continuity.

Examples
========
>>> from sympy import Symbol, sqrt
>>> x = Symbol("x")
>>> steps, result = definition_steps(1 / x, x)
>>> [s.rule.value for s in steps], result
(['limit_definition', 'combine_fractions', 'cancel_h', 'take_limit'], -1/x**2)
>>> [s.rule.value for s in definition_steps(sqrt(x), x)[0]]
['limit_definition', 'rationalize_numerator', 'cancel_h', 'take_limit']
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import Step

from .rules import CalculusRule as R

__all__ = ["definition_steps", "increment_symbol"]


def increment_symbol(expr: Any) -> Any:
    """The increment h (k, or Δx, when h is taken)."""
    from sympy import Symbol

    names = {s.name for s in expr.free_symbols}
    for name in ("h", "k", "Δx"):
        if name not in names:
            return Symbol(name)
    raise InputError("no free name for the increment h", name="expr")


def _sqrt_kind(f: Any, x: Any) -> tuple[Any, Any] | None:
    """``(c, inner)`` when ``f = c*sqrt(inner)`` with ``inner`` linear in x, else None."""
    from sympy import Pow, Rational

    c, rest = f.as_independent(x, as_Add=False)
    if isinstance(rest, Pow) and rest.exp == Rational(1, 2):
        poly = rest.base.as_poly(x)
        if poly is not None and poly.degree() == 1:
            return c, rest.base
    return None


def _lim(q: Any, h: Any) -> Any:
    from sympy import Limit

    return Limit(q, h, 0, "+-")


def definition_steps(f: Any, x: Any) -> tuple[list[Step], Any]:
    """Steps from ``Derivative(f, x)`` to f'(x) by the limit of the difference quotient."""
    from sympy import Add, Derivative, Mul, Pow, cancel, expand, sqrt, together

    h = increment_symbol(f)
    if f.is_polynomial(x):
        kind = "polynomial"
    elif f.is_rational_function(x):
        kind = "rational"
    elif _sqrt_kind(f, x) is not None:
        kind = "root"
    else:
        raise InputError("the limit definition is shown for polynomials, rational functions "
                         "such as 1/x, and square roots such as sqrt(x); use method=rules",
                         name="method")
    fxh = f.xreplace({x: x + h})
    q0 = Mul(Add(fxh, Mul(-1, f, evaluate=False), evaluate=False), Pow(h, -1), evaluate=False)
    steps = [Step(R.LIMIT_DEFINITION, Derivative(f, x), _lim(q0, h), {"h": h})]
    if kind == "polynomial":
        num = expand(fxh - f)
        q1 = Mul(num, Pow(h, -1), evaluate=False)
        steps.append(Step(R.EXPAND_NUMERATOR, _lim(q0, h), _lim(q1, h), {"h": h}))
    elif kind == "rational":
        num = cancel(together(fxh - f))
        q1 = Mul(num, Pow(h, -1), evaluate=False)
        steps.append(Step(R.COMBINE_FRACTIONS, _lim(q0, h), _lim(q1, h), {"h": h}))
    else:
        c, inner = _sqrt_kind(f, x)
        a, b = sqrt(inner.xreplace({x: x + h})), sqrt(inner)
        conj = a + b
        num = c * expand(inner.xreplace({x: x + h}) - inner)
        q1 = Mul(num, Pow(Mul(h, conj, evaluate=False), -1), evaluate=False)
        steps.append(Step(R.RATIONALIZE_NUMERATOR, _lim(q0, h), _lim(q1, h),
                          {"h": h, "conjugate": conj}))
    q2 = cancel(num / h) / conj if kind == "root" else cancel(q1)
    steps.append(Step(R.CANCEL_H, _lim(q1, h), _lim(q2, h), {"h": h}))
    value = q2.xreplace({h: 0})
    if kind != "root":
        value = cancel(value)
    steps.append(Step(R.TAKE_LIMIT, _lim(q2, h), value, {"h": h}))
    return steps, value

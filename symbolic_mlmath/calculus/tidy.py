"""The tidy-up after differentiating: a few targeted rewrites, the shortest form kept.

No blanket ``simplify`` (measured 10-60x slower on ML derivatives, and incomplete): each
strategy is cheap and chosen by what the expression holds and how big it is —
rewrite back into σ when exponentials of the sigmoid's shape appear, pull out common
factors, cancel when there is a denominator, factor a small rational function, and use
sin² + cos² = 1 only where both squares appear. The candidate with the fewest operations wins; the
raw form is kept when nothing is shorter.

Examples
========
>>> from sympy import Symbol, exp, sin, cos
>>> x = Symbol("x")
>>> tidy(exp(-x) / (1 + exp(-x)) ** 2)
((1 - σ(x))*σ(x), 'rewrite into sigma')
>>> tidy((x + 1 - x) / (x + 1) ** 2)
((x + 1)**(-2), 'as given')
>>> tidy(x * (exp(x) * sin(x) + exp(x) * cos(x)) + exp(x) * sin(x))
((x*sin(x) + x*cos(x) + sin(x))*exp(x), 'common factors')
>>> tidy((x - 1) * (8 * x + 4) + (2 * x + 1) ** 2)
(3*(2*x - 1)*(2*x + 1), 'factor')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["STRATEGIES", "tidy"]

#: Above this many operations only the linear-time strategies run.
SMALL = 40
MEDIUM = 120


def _ops(e: Any) -> int:
    from sympy import count_ops

    return int(count_ops(e))


def _sigma(e: Any) -> Any:
    from .functions import recognize

    return recognize(e)


def _common(e: Any) -> Any:
    from sympy import expand_mul, factor_terms

    return factor_terms(expand_mul(e))


def _cancel(e: Any) -> Any:
    from sympy import cancel, factor_terms, fraction

    num, den = fraction(cancel(e))
    return factor_terms(num) / den


def _factor(e: Any) -> Any:
    from sympy import factor

    return factor(e)


def _pythagoras(e: Any) -> Any:
    """sin²u + cos²u = 1: write each sin²u as 1 - cos²u, then cancel."""
    from sympy import Pow, cancel, cos, sin

    swap = {}
    for p in e.atoms(Pow):
        if isinstance(p.base, sin) and p.exp == 2 and e.has(cos(p.base.args[0]) ** 2):
            swap[p] = 1 - cos(p.base.args[0]) ** 2
    return cancel(e.xreplace(swap)) if swap else e


def _has_exp(e: Any) -> bool:
    from sympy import exp

    return e.has(exp)


def _has_denominator(e: Any) -> bool:
    from sympy import Pow

    return any(p.exp.is_negative for p in e.atoms(Pow))


def _generator(a: Any) -> bool:
    """A symbol or exp(symbol): algebraically independent atoms of a polynomial ring."""
    from sympy import exp

    return a.is_Symbol or (isinstance(a, exp) and a.args[0].is_Symbol)


def _linear_form(a: Any) -> frozenset | None:
    """The generators of a plain sum of at least two distinct generators (every coefficient
    1: no content or sign for ``cancel`` to take out)."""
    if not a.is_Add or not all(_generator(t) for t in a.args):
        return None
    return frozenset(a.args)


def _factored_beyond_cancel(e: Any) -> bool:
    """``e`` is ±m·A / (M·B^k) with m, M monomials in independent generators and A ≠ B
    plain sums of generators (A optional): no factor, content or sign is common to the
    numerator and the denominator, and expanding cannot shorten it, so ``cancel`` cannot
    win.
    (The softmax Hessian entries are of this shape; cancel costs most of their tidy-up.)
    """
    from sympy import Mul

    if not e.is_Mul:
        return False
    top: list = []
    bottom: list = []
    for f in Mul.make_args(e):
        base, k = f.as_base_exp()
        if f.is_Number or _generator(f) or (_generator(base) and k.is_Integer):
            continue  # a number or a monomial factor (Mul has combined equal bases)
        if not (k.is_Integer and base.is_Add):
            return False
        (top if k > 0 else bottom).append((base, k))
    if len(bottom) != 1 or len(top) > 1 or (top and top[0][1] != 1):
        return False
    forms = [_linear_form(b) for b, _ in top + bottom]
    if any(f is None for f in forms):
        return False
    return len(forms) == 1 or forms[0] != forms[1]


def _cancel_may_help(e: Any) -> bool:
    return _has_denominator(e) and not _factored_beyond_cancel(e)


def _rational(e: Any) -> bool:
    return bool(e.is_rational_function())


def _has_sin_cos_squares(e: Any) -> bool:
    from sympy import Pow, cos, sin

    pows = [p for p in e.atoms(Pow) if p.exp == 2]
    return any(isinstance(p.base, sin) for p in pows) and any(isinstance(p.base, cos) for p in pows)


#: Name -> (applies to expressions of at most this many operations, test, rewrite).
STRATEGIES: dict[str, tuple[int, Callable[[Any], bool], Callable[[Any], Any]]] = {
    "rewrite into sigma": (10**9, _has_exp, _sigma),
    "common factors": (MEDIUM, lambda e: True, _common),
    "cancel": (MEDIUM, _cancel_may_help, _cancel),
    "factor": (SMALL, _rational, _factor),
    "sin² + cos² = 1": (MEDIUM, _has_sin_cos_squares, _pythagoras),
}


def tidy(expr: Any, strategies: tuple[str, ...] | None = None) -> tuple[Any, str]:
    """The shortest of a few targeted rewrites of ``expr``, and the strategy that gave it.

    Returns ``(expr, "as given")`` when no rewrite is shorter. Piecewise expressions and
    expressions with unevaluated derivatives are left as they are.
    """
    from sympy import Derivative, Piecewise

    if not hasattr(expr, "free_symbols") or expr.has(Piecewise, Derivative) or expr.is_Atom:
        return expr, "as given"
    best, best_ops, name = expr, _ops(expr), "as given"
    if best_ops <= 1:
        return expr, name
    for key in strategies or tuple(STRATEGIES):
        limit, applies, fn = STRATEGIES[key]
        if best_ops > limit or not applies(best):
            continue
        try:
            cand = fn(best)
        except Exception:  # a rewrite that refuses this expression: skip it
            continue
        n = _ops(cand)
        if n < best_ops - 1 or (key == "rewrite into sigma" and cand != best):
            best, best_ops, name = cand, n, key
    return best, name

"""The machine-learning functions as SymPy functions that print as themselves.

``sigmoid`` prints as σ and differentiates to σ(1 - σ); ``softplus`` is ln(1 + eˣ) with
derivative σ. Both evaluate numerically (``evalf``) and rewrite to ``exp``/``log``
(:func:`to_elementary`) for ``lambdify``. :func:`recognize` finds them in learner input,
where the text door spells ``sigma(x)`` as ``1/(1 + exp(-x))``.

Examples
========
>>> from sympy import Symbol, diff, exp, log
>>> x = Symbol("x")
>>> recognize(1 / (1 + exp(-x)))
σ(x)
>>> print(diff(sigmoid(2 * x), x))
2*(1 - σ(2*x))*σ(2*x)
>>> recognize(exp(-x) / (1 + exp(-x)) ** 2)
(1 - σ(x))*σ(x)
>>> recognize(log(1 + exp(x)))
softplus(x)
>>> to_elementary(sigmoid(x))
1/(1 + exp(-x))
"""

from __future__ import annotations

from typing import Any

from sympy import Add, Function, Integer, Mul, Pow, S, exp, log

__all__ = ["ML_FUNCTIONS", "recognize", "sigmoid", "softplus", "to_elementary"]


class sigmoid(Function):
    """The logistic sigmoid σ(x) = 1 / (1 + e^(-x)); σ'(x) = σ(x)(1 - σ(x))."""

    nargs = 1

    @classmethod
    def eval(cls, arg: Any) -> Any:
        if arg is S.Zero:
            return S.Half
        if arg is S.Infinity:
            return S.One
        if arg is S.NegativeInfinity:
            return S.Zero
        return None

    def fdiff(self, argindex: int = 1) -> Any:
        s = self.func(self.args[0])
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, arg: Any, **kwargs: Any) -> Any:
        return 1 / (1 + exp(-arg))

    def _eval_evalf(self, prec: int) -> Any:
        return (1 / (1 + exp(-self.args[0])))._eval_evalf(prec)

    def _eval_is_real(self) -> Any:
        return self.args[0].is_real

    def _eval_is_positive(self) -> Any:
        return True if self.args[0].is_real else None

    def _latex(self, printer: Any, exp: Any = None) -> str:
        base = r"\sigma\left(%s\right)" % printer._print(self.args[0])
        return base if exp is None else r"%s^{%s}" % (base, exp)

    def _sympystr(self, printer: Any) -> str:
        return "σ(%s)" % printer._print(self.args[0])

    def _pretty(self, printer: Any) -> Any:
        from sympy.printing.pretty.stringpict import prettyForm, stringPict

        args = prettyForm(*printer._print(self.args[0]).parens())
        pict = stringPict.next(prettyForm("σ"), args)
        return prettyForm(pict[0], pict[1], binding=prettyForm.FUNC)


class softplus(Function):
    """softplus(x) = ln(1 + eˣ); its derivative is σ(x)."""

    nargs = 1

    def fdiff(self, argindex: int = 1) -> Any:
        return sigmoid(self.args[0])

    def _eval_rewrite_as_exp(self, arg: Any, **kwargs: Any) -> Any:
        return log(1 + exp(arg))

    _eval_rewrite_as_log = _eval_rewrite_as_exp

    def _eval_evalf(self, prec: int) -> Any:
        return log(1 + exp(self.args[0]))._eval_evalf(prec)

    def _eval_is_real(self) -> Any:
        return self.args[0].is_real

    def _latex(self, printer: Any, exp: Any = None) -> str:
        base = r"\operatorname{softplus}\left(%s\right)" % printer._print(self.args[0])
        return base if exp is None else r"%s^{%s}" % (base, exp)


#: The ML functions by the names learners type.
ML_FUNCTIONS = {"sigmoid": sigmoid, "sigma": sigmoid, "softplus": softplus}


def to_elementary(expr: Any) -> Any:
    """Rewrite σ and softplus into ``exp`` and ``log`` (for lambdify and SymPy's solvers)."""
    if not hasattr(expr, "has") or not expr.has(sigmoid, softplus):
        return expr
    return expr.replace(sigmoid, lambda a: 1 / (1 + exp(-a))).replace(
        softplus, lambda a: log(1 + exp(a)))


def _one_plus_exp(e: Any) -> Any:
    """``v`` when ``e`` is ``1 + exp(v)``, else None."""
    if isinstance(e, Add) and len(e.args) == 2 and S.One in e.args:
        other = e.args[0] if e.args[1] is S.One else e.args[1]
        if isinstance(other, exp):
            return other.args[0]
    return None


def _sig(v: Any, positive: bool) -> Any:
    """σ(-v) (positive=False) or σ(v) written with an argument that has no leading minus."""
    arg = v if positive else -v
    if arg.could_extract_minus_sign():
        return 1 - sigmoid(-arg)
    return sigmoid(arg)


def _rewrite_mul(e: Any) -> Any:
    """``exp(v)^k / (1 + exp(v))^n`` inside a product -> σ(v)^k σ(-v)^(n-k)."""
    factors = list(e.args)
    for i, f in enumerate(factors):
        if not (isinstance(f, Pow) and f.exp.is_Integer and f.exp < 0):
            continue
        v = _one_plus_exp(f.base)
        if v is None:
            continue
        n = -int(f.exp)
        for j, g in enumerate(factors):
            if j == i:
                continue
            k, arg = 1, None
            if isinstance(g, exp):
                arg = g.args[0]
            elif isinstance(g, Pow) and isinstance(g.base, exp) and g.exp.is_Integer:
                k, arg = int(g.exp), g.base.args[0]
            if arg is None or arg != v or not 0 < k <= n:
                continue
            rest = [h for m, h in enumerate(factors) if m not in (i, j)]
            new = _sig(v, True) ** k * _sig(v, False) ** (n - k)
            return Mul(*rest, new)
    return e


def recognize(expr: Any) -> Any:
    """Rewrite the ML functions hidden in elementary form as σ and softplus.

    ``1/(1 + e^(-u))`` -> σ(u), ``e^u/(1 + e^u)`` -> σ(u), ``e^(-u)/(1 + e^(-u))^2`` ->
    σ(u)(1 - σ(u)), ``ln(1 + e^u)`` -> softplus(u). The value is unchanged.
    """
    if not hasattr(expr, "has") or not expr.has(exp):
        return expr

    def walk(e: Any) -> Any:
        if not e.args or e.is_Atom:
            return e
        if isinstance(e, Mul):
            new = _rewrite_mul(e)
            if new != e:
                return walk(new)
        args = tuple(walk(a) for a in e.args)
        if args != e.args:
            e = e.func(*args)
        if isinstance(e, Mul):
            return _rewrite_mul(e)
        if isinstance(e, Pow) and e.exp.is_Integer and e.exp < 0:
            v = _one_plus_exp(e.base)
            if v is not None:
                return _sig(v, False) ** Integer(-e.exp)
        if isinstance(e, log):
            v = _one_plus_exp(e.args[0])
            if v is not None:
                return softplus(v)
        return e

    return walk(expr)

"""Quantiles with steps: solve F(x) = q in closed form, by root finding, or by a cumulative table.

Closed forms where they exist (uniform, exponential, normal through ``erfinv``, t with 1 or
2 degrees of freedom, chi2(2), beta with a parameter 1); otherwise mpmath root finding on
the regularised incomplete beta/gamma to the digits asked (30 by default). A discrete
quantile is the smallest support value x with F(x) >= q, found by adding up the PMF.

Examples
========
>>> from sympy import Rational
>>> from symbolic_mlmath.stats.distributions import parse_distribution
>>> d = derive_quantile(parse_distribution("exponential(2)"), Rational(1, 2))
>>> [s.rule.value for s in d.steps], d.result
(['quantile_definition', 'invert_cdf'], log(2)/2)
>>> d = derive_quantile(parse_distribution("t(10)"), Rational(975, 1000), digits=20)
>>> d.steps[-1].rule.value, d.result
('root_find', 2.2281388519862747484)
>>> derive_quantile(parse_distribution("binomial(4, 1/2)"), Rational(1, 2)).result
2
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.rules import StatsRule as S

__all__ = ["derive_quantile"]

_TABLE_ROWS = 6


def _given(dist: Any, q: Any) -> dict:
    from sympy.core.symbol import Str

    return {"distribution": Str(str(dist)), "q": q}


#: Above this many degrees of freedom the t CDF is shown through the incomplete beta
#: function rather than written out term by term (it has about ν/2 terms).
T_WRITTEN_OUT = 12


def _cdf_shown(dist: Any, x: Any) -> Any:
    """F(x) for the equation F(x) = q: the exact closed form, or for a t with many degrees
    of freedom the compact 1/2 + sign(x) (1 - I_{ν/(ν+x²)}(ν/2, 1/2))/2."""
    from sympy import Rational, betainc_regularized, sign

    if dist.family == "t" and not (dist.params[0].is_integer and
                                   dist.params[0] <= T_WRITTEN_OUT):
        nu, h = dist.params[0], Rational(1, 2)
        return h + sign(x) * (1 - betainc_regularized(nu * h, h, 0, nu / (nu + x**2))) / 2
    return dist.cdf(x)


def derive_quantile(dist: Any, q: Any, digits: Any = None) -> Derivation:
    """The q-quantile ``F⁻¹(q)`` of ``dist`` with steps (see the module docstring)."""
    from sympy import Eq, Function, Ge, Integer, Matrix, Symbol

    from symbolic_mlmath.text.convert import as_sympy

    from .distributions import check_level, decimal
    from .notation import Quantile

    q = as_sympy(q)
    check_level(q)
    goal = Quantile(q)
    x = Symbol("x")
    steps: list[Step] = []
    given = _given(dist, q)
    if dist.discrete:
        rule_text = "the smallest x in the support with F(x) >= q"
        cond = Ge(Function("F")(x), q)
        steps.append(Step(S.QUANTILE_DEFINITION, goal, cond, {**given, "convention": rule_text}))
        k = dist.quantile(q)
        lo = dist.support()[0]
        first = max(int(lo), int(k) - _TABLE_ROWS + 1)
        rows = [[Integer(j), dist.cdf(Integer(j))] for j in range(first, int(k) + 1)]
        steps.append(Step(S.CUMULATIVE_TABLE, cond, k, {**given, "table": Matrix(rows)}))
        result = k
    else:
        lhs = _cdf_shown(dist, x) if dist.fam.cdf else Function("F")(x)
        equation = Eq(lhs, q, evaluate=False)
        steps.append(Step(S.QUANTILE_DEFINITION, goal, equation, given))
        exact = dist.quantile(q)
        if exact is not None:
            steps.append(Step(S.INVERT_CDF, equation, exact, given))
            result = exact
            if digits is not None and not exact.is_Rational:
                steps.append(Step(S.DECIMAL_VALUE, exact, decimal(exact, int(digits)),
                                  {"digits": int(digits)}))
        else:
            n = 30 if digits is None else int(digits)
            value = decimal(dist.quantile_numeric(q, n), n)
            steps.append(Step(S.ROOT_FIND, equation, value,
                              {**given, "digits": n,
                               "method": "bisection, then Newton on the regularised "
                                         "incomplete beta/gamma (mpmath)"}))
            result = value
    return Derivation(f"Quantile of {dist}", goal=goal, steps=tuple(steps), result=result,
                      task="quantile", inputs={"distribution": str(dist), "q": q})

"""The tasks of probability, distributions and data (issue 14): inputs, engines, answer checks.

Distributions are given as one string (``"normal(15, 5)"``) or a name plus ``params``;
data as a list or a string of numbers (decimals exact); events as text read by the event
grammar (``X1 + X2 = 7``, ``X > 2 and X < 5``). Engines are imported on first use.

Examples
========
>>> from symbolic_mlmath.api import solve, check
>>> solve("pmf", distribution="binomial(10, 0.3)", x=3).result
66706983/250000000
>>> solve("cdf", distribution="normal", params={"mu": 15, "sigma": 5}, x=20).result
erf(sqrt(2)/2)/2 + 1/2
>>> check("cdf", answer="0.8413", distribution="normal(15, 5)", x=20).correct
True
>>> check("pmf", answer="0.2668", distribution="binomial(10, 0.3)", x=3).method
'decimal'
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.tasks import Input, Task, TaskList
from symbolic_mlmath.core.verdict import Verdict

__all__ = ["PROB_TASKS"]

PROB_TASKS = TaskList()
register = PROB_TASKS.register

_RV = "c3w1-random-variables"
_DESC = "c3w2-describing"

_DIST = Input("distribution", "raw", 'a distribution, e.g. "normal(15, 5)", "binomial(10, 0.3)", '
              "or a name with params")
_PARAMS = Input("params", "raw", "the parameters as a dict, e.g. {mu: 15, sigma: 5}",
                required=False)
_DIGITS = Input("digits", "int", "significant digits of the decimal value (e.g. 30)",
                required=False)


def _distribution(distribution: Any, params: Any = None) -> Any:
    from .data import read_mapping
    from .distributions import parse_distribution

    if isinstance(params, str):
        params = read_mapping(params, name="params")
    return parse_distribution(distribution, params)


def _x(x: Any) -> Any:
    from symbolic_mlmath.text import parse_expr

    return parse_expr(x if x is not None else "x", name="x")


# ------------------------------------------------------------------ pmf, pdf, cdf, quantile
def _derive_pmf(distribution: Any, params: Any = None, x: Any = None, digits: Any = None) -> Any:
    from .densities import derive_density

    D = _distribution(distribution, params)
    if not D.discrete:
        D.pmf(0)  # a continuous distribution is a named error
    return derive_density(D, _x(x), digits)


def _derive_pdf(distribution: Any, params: Any = None, x: Any = None, digits: Any = None) -> Any:
    from .densities import derive_density

    D = _distribution(distribution, params)
    if D.discrete:
        D.pdf(0)
    return derive_density(D, _x(x), digits)


def _derive_cdf(distribution: Any, params: Any = None, x: Any = None, digits: Any = None) -> Any:
    from .densities import derive_cdf

    return derive_cdf(_distribution(distribution, params), _x(x), digits)


def _derive_quantile(distribution: Any, q: Any, params: Any = None, digits: Any = None) -> Any:
    from .quantiles import derive_quantile

    return derive_quantile(_distribution(distribution, params), q, digits)


def _slips_density(d: Any) -> dict:
    from .distributions import parse_distribution

    D = parse_distribution(str(d.inputs["distribution"]))
    x = d.inputs["x"]
    if x.free_symbols or not D.is_numeric:
        return {}
    slips: dict[str, Any] = {}
    if D.discrete and D.family != "finite":
        slips["P(X <= x), the CDF, instead of P(X = x)"] = D.cdf(x)
    if D.family == "binomial":
        from sympy import binomial

        n, p = D.params
        slips["p and 1 - p swapped"] = binomial(n, x) * (1 - p) ** x * p ** (n - x)
        slips["the binomial coefficient C(n, x) left out"] = p**x * (1 - p) ** (n - x)
    if D.family == "poisson":
        from sympy import exp

        slips["the factor e^-lambda left out"] = D.density(x) / exp(-D.params[0])
    return slips


def _check_density(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers_prob import check_number

    return check_number(d.result, answer, _slips_density(d), **tol)


def _check_cdf(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers_prob import check_number
    from .distributions import parse_distribution

    D = parse_distribution(str(d.inputs["distribution"]))
    x = d.inputs["x"]
    slips: dict[str, Any] = {}
    if not x.free_symbols and D.is_numeric:
        slips["the upper tail P(X > x) = 1 - F(x), not F(x)"] = 1 - d.result
        if D.discrete:
            slips["P(X < x): the endpoint x was left out"] = D.cdf(x - 1)
            slips["P(X = x), the PMF, instead of P(X <= x)"] = D.density(x)
    return check_number(d.result, answer, slips, **tol)


def _check_quantile(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers_prob import check_number
    from .distributions import parse_distribution

    D = parse_distribution(str(d.inputs["distribution"]))
    q = d.inputs["q"]
    slips: dict[str, Any] = {}
    if D.is_numeric and not D.discrete and q != 1 - q:
        other = D.quantile(1 - q)
        slips["the quantile of 1 - q (the other tail)"] = other if other is not None else (
            _float_quantile(D, 1 - q))
        if D.family == "normal" and D.params != (0, 1):
            from sympy import erfinv, sqrt

            slips["the z value; convert back with x = mu + z sigma"] = sqrt(2) * erfinv(2 * q - 1)
    return check_number(d.result, answer, slips, **tol)


def _float_quantile(D: Any, q: Any) -> Any:
    from .distributions import decimal

    return decimal(D.quantile_numeric(q, 30), 30)


register(Task("pmf", "P(X = x) of a discrete distribution: the law, the values put in, the value",
              (_DIST, _PARAMS, Input("x", "raw", "the value (a symbol such as x for the formula)",
                                     required=False), _DIGITS),
              _derive_pmf, _check_density, topic=_RV))
register(Task("pdf", "The density f(x) of a continuous distribution (the formula for a symbol x)",
              (_DIST, _PARAMS, Input("x", "raw", "the value (a symbol such as x for the formula)",
                                     required=False), _DIGITS),
              _derive_pdf, _check_density, topic=_RV))
register(Task("cdf", "F(x) = P(X <= x): a sum of PMF terms or the integral of the PDF",
              (_DIST, _PARAMS, Input("x", "raw", "the value (a symbol for the formula)",
                                     required=False), _DIGITS),
              _derive_cdf, _check_cdf, topic=_RV))
register(Task("quantile", "The q-quantile: F(x) = q solved (closed form, root finding, or table)",
              (_DIST, Input("q", "number", "the level, e.g. 0.975"), _PARAMS, _DIGITS),
              _derive_quantile, _check_quantile, topic=_RV, aliases=("ppf", "inverse_cdf")))

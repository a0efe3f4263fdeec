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


# ------------------------------------------------------------------ moments and data
_EXPR = Input("expr", "expr", "a function of X, e.g. X^2 or 3X + 1 (default X)", required=False)
_DATA = Input("data", "raw", "the data, e.g. [2, 4, 4, 5] or \"0.1 0.2 0.3\" (decimals exact)",
              required=False)
_DDOF = Input("ddof", "int", "1 for a sample (divide by n - 1, the default), 0 for a population",
              required=False)
_MOMENT_INPUTS = (Input("distribution", "raw", _DIST.doc, required=False), _PARAMS, _EXPR, _DATA,
                  _DDOF)
_ONE_OF = (("distribution",), ("data",))


def _moment(which: str) -> Any:
    def derive(distribution: Any = None, params: Any = None, expr: Any = None, data: Any = None,
               ddof: Any = None) -> Any:
        from symbolic_mlmath.core.errors import TaskError

        if data is not None:
            if distribution is not None or expr is not None:
                raise TaskError("give a distribution or data, not both", name="data")
            from . import describe

            if which == "expectation":
                return describe.derive_sample_mean(data)
            fn = describe.derive_sample_variance if which == "variance" else \
                describe.derive_sample_std
            return fn(data, 1 if ddof is None else ddof)
        from . import moments

        fn = {"expectation": moments.derive_expectation, "variance": moments.derive_variance,
              "std": moments.derive_std}[which]
        return fn(_distribution(distribution, params), expr)

    return derive


def _moment_slips(d: Any) -> dict:
    from sympy import Symbol, sqrt

    slips: dict[str, Any] = {}
    if "data" in d.inputs:
        from .data import read_data
        from .summary import Summary

        goal = d.goal
        s = Summary(read_data(list(goal))) if hasattr(goal, "__iter__") else None
        if s is None or d.task not in ("sample_variance", "std"):
            return slips
        k = int(d.inputs.get("ddof", 1))
        other = 0 if k == 1 else 1
        if s.n - other > 0:
            name = ("n instead of n - 1 in the divisor" if k == 1 else
                    "n - 1 instead of n (this is the population variance)")
            var_other = s.variance(other)
            slips[name] = var_other if d.task == "sample_variance" else sqrt(var_other)
        if d.task == "sample_variance":
            slips["the standard deviation instead of the variance"] = s.std(k)
        else:
            slips["the variance instead of the standard deviation"] = s.variance(k)
        return slips
    from .distributions import parse_distribution
    from .moments import expectation_value

    D = parse_distribution(str(d.inputs["distribution"]))
    g = d.inputs["expr"]
    X = Symbol("X")
    e_g, e_g2 = expectation_value(D, g), None
    if d.task == "expectation":
        if g != X and g.is_polynomial(X):
            slips["g(E[X]) instead of E[g(X)] (E[g(X)] = g(E[X]) only for linear g)"] = \
                g.xreplace({X: D.mean()})
        return slips
    e_g2 = expectation_value(D, g**2)
    var = e_g2 - e_g**2
    slips["E[X^2] without subtracting E[X]^2"] = e_g2
    if d.task == "variance":
        slips["the standard deviation instead of the variance"] = sqrt(var)
        if g != X and g.is_polynomial(X) and g.as_poly(X).degree() == 1:
            a = g.as_poly(X).coeff_monomial(X)
            slips["a instead of a^2 in Var(aX + b)"] = a * D.variance()
    else:
        slips["the variance instead of the standard deviation"] = var
    return slips


def _check_moment(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers_prob import check_number

    return check_number(d.result, answer, _moment_slips(d), **tol)


def _derive_describe(data: Any, quantile_method: Any = None, ddof: Any = None) -> Any:
    from .describe import derive_describe

    return derive_describe(data, quantile_method, 1 if ddof is None else ddof)


def _describe_slips(d: Any, key: str) -> dict:
    """The divisor and variance/standard-deviation slips of the spread keys of describe."""
    if key not in ("variance", "std"):
        return {}
    from .data import read_data
    from .summary import Summary

    s = Summary(read_data(list(d.goal)))
    k = int(d.inputs.get("ddof", 1))
    other = 0 if k == 1 else 1
    slips: dict[str, Any] = {}
    if s.n - other > 0:
        name = ("n instead of n - 1 in the divisor" if k == 1 else
                "n - 1 instead of n (this is the sample variance)")
        slips[name] = s.variance(other) if key == "variance" else s.std(other)
    if key == "std":
        slips["the variance instead of the standard deviation"] = s.variance(k)
    else:
        slips["the standard deviation instead of the variance"] = s.std(k)
    return slips


def _check_describe(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers_prob import check_number
    from .data import read_mapping

    got = read_mapping(answer, name="answer")
    unknown = [k for k in got if k not in d.result]
    if unknown:
        return Verdict(False, "structural", f"Not correct: unknown key {unknown[0]!r}; the keys "
                       f"are {', '.join(d.result)}.", expected=d.result, got=got)
    wrong, methods = [], set()
    for key, value in got.items():
        want = d.result[key]
        if isinstance(want, tuple):
            from .data import read_data

            ok = list(read_data(value, name=f"answer[{key}]").values()) == list(want)
            if not ok:
                wrong.append(f"{key}: expected {', '.join(map(str, want))}")
            continue
        v = check_number(want, str(value), _describe_slips(d, key), **tol)
        methods.add(v.method)
        if v.correct is not True:
            wrong.append(f"{key}: {v.feedback}")
    if wrong:
        return Verdict(False, "exact", "Not correct: " + "; ".join(wrong), expected=d.result,
                       got=got, details=tuple(wrong))
    return Verdict(True, "exact" if methods <= {"exact", "structural"} else "decimal",
                   f"Correct: {', '.join(got)}.", expected=d.result, got=got)


for _name, _doc in (("expectation", "E[g(X)]: the family's formula and the definition (sum or "
                                    "integral); or the mean of data"),
                    ("variance", "Var X: formula, then E[X^2] - E[X]^2; or the variance of data "
                                 "(n - 1)"),
                    ("std", "The standard deviation: the square root of the variance")):
    register(Task(_name, _doc, _MOMENT_INPUTS, _moment(_name), _check_moment, topic=_DESC,
                  one_of=_ONE_OF, aliases=(("mean",) if _name == "expectation" else
                                           ("sd", "standard_deviation") if _name == "std" else ())))

register(Task("sample_mean", "The mean of data: the sum over n, exactly",
              (Input("data", "raw", _DATA.doc),), lambda data: _moment("expectation")(data=data),
              _check_moment, topic="c3w3-sampling"))
register(Task("sample_variance", "The variance of data with n - ddof (ddof = 1 by default)",
              (Input("data", "raw", _DATA.doc), _DDOF),
              lambda data, ddof=None: _moment("variance")(data=data, ddof=ddof),
              _check_moment, topic="c3w3-sampling"))
register(Task("describe", "Summaries of data: mean, median, mode, quartiles (method named), IQR, "
              "variance, std, skewness, kurtosis, z-scores, lag-1 autocorrelation",
              (Input("data", "raw", _DATA.doc),
               Input("quantile_method", "text", "numpy's method name (linear, weibull, hazen, "
                     "...; default linear)", required=False), _DDOF),
              _derive_describe, _check_describe, topic=_DESC))

"""The distribution of a linear combination of independent variables, and of the sample mean.

:func:`derive_distribution_of` finds W = a1 X1 + a2 X2 + ... + b: first its mean and
variance (linearity; independent variances add with the squares of the coefficients),
then its family where the family is closed under the combination (normals under any
linear combination; Poisson, chi-square, binomials and gammas with a common p or scale
under sums; one exponential, gamma or uniform under scaling). :func:`derive_sampling_distribution`
does the same for the mean (or sum) of n independent draws: exact for a normal (and the
closed families for the sum), otherwise approximately normal by the central limit theorem,
said so in the step. The result is the distribution in the package's notation
(``normal(mu, sigma)`` with the standard deviation), judged by its family and parameters.

Examples
========
>>> derive_distribution_of({"X": "normal(1, 3)", "Y": "normal(2, 4)"}, "X + Y").result
Normal(3, 5)
>>> derive_distribution_of({"X": "poisson(2)", "Y": "poisson(3)"}, "X + Y").result
Poisson(5)
>>> derive_sampling_distribution("normal(100, 15)", 25).result
Normal(100, 3)
>>> d = derive_sampling_distribution("exponential(2)", 50)
>>> d.result, d.steps[-1].rule.value
(Normal(1/2, sqrt(2)/20), 'clt_approximation')
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import InputError, TaskError
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.rules import StatsRule as S

__all__ = ["as_distribution", "combination_slips", "derive_distribution_of",
           "derive_sampling_distribution", "dist_expr"]


def dist_expr(D: Any) -> Any:
    """A distribution as an unevaluated SymPy call (``Normal(3, 5)``) for steps and results.

    >>> from symbolic_mlmath.stats.distributions import parse_distribution
    >>> dist_expr(parse_distribution("normal(3, 5)"))
    Normal(3, 5)
    """
    from sympy import Function

    return Function(D.family.capitalize())(*D.params)


def as_distribution(expr: Any) -> Any:
    """The :class:`~.distributions.Distribution` of a :func:`dist_expr` call."""
    from .distributions import Distribution

    return Distribution(expr.func.__name__.lower(), tuple(expr.args))


def _family_of(dists: list, coeffs: list, const: Any) -> tuple[Any, str] | None:
    """``(Distribution, the closure law)`` of sum a_i X_i + b, or None."""
    from sympy import sqrt

    from .distributions import Distribution

    fams = {d.family for d in dists}
    if fams == {"normal"}:
        mean = sum((a * d.params[0] for a, d in zip(coeffs, dists, strict=True)), const)
        sd = sqrt(sum(a**2 * d.params[1] ** 2 for a, d in zip(coeffs, dists, strict=True)))
        if sd == 0:
            return None
        return Distribution("normal", (mean, sd)), "normal"
    if len(dists) == 1 and const == 0 and coeffs[0] > 0:
        d, a = dists[0], coeffs[0]
        if d.family == "exponential":
            return Distribution("exponential", (d.params[0] / a,)), "scale"
        if d.family == "gamma":
            return Distribution("gamma", (d.params[0], a * d.params[1])), "scale"
    if len(dists) == 1 and dists[0].family == "uniform" and coeffs[0] != 0:
        lo, hi = dists[0].params
        a = coeffs[0]
        ends = sorted((a * lo + const, a * hi + const))
        return Distribution("uniform", tuple(ends)), "scale"
    if any(a != 1 for a in coeffs) or const != 0 or len(dists) < 2:
        return None
    if fams == {"poisson"}:
        return Distribution("poisson", (sum(d.params[0] for d in dists),)), "sum"
    if fams == {"chi2"}:
        return Distribution("chi2", (sum(d.params[0] for d in dists),)), "sum"
    ps = {d.params[-1] for d in dists}
    if fams <= {"binomial", "bernoulli", "coin"} and len(ps) == 1:
        n = sum(d.params[0] if d.family == "binomial" else 1 for d in dists)
        return Distribution("binomial", (n, ps.pop())), "sum"
    if fams <= {"gamma", "exponential"}:
        scales = {d.params[1] if d.family == "gamma" else 1 / d.params[0] for d in dists}
        if len(scales) == 1:
            k = sum(d.params[0] if d.family == "gamma" else 1 for d in dists)
            return Distribution("gamma", (k, scales.pop())), "sum"
    return None


_LAWS = {
    "normal": "a linear combination of independent normals is normal",
    "sum": "the family is closed under sums of independent variables",
    "scale": "the family is closed under scaling",
}


def _moments_step(W: Any, dists: dict, coeffs: dict, const: Any) -> tuple[Step, Any, Any]:
    from sympy import Tuple, simplify
    from sympy.core.symbol import Str

    from .notation import Expect, Var

    mean = simplify(sum((a * dists[n].mean() for n, a in coeffs.items()), const))
    var = simplify(sum(a**2 * dists[n].variance() for n, a in coeffs.items()))
    given = {"coefficients": Tuple(*coeffs.values()), "constant": const,
             "distributions": Tuple(*(Str(str(dists[n])) for n in coeffs)),
             "variables": Tuple(*(Str(n) for n in coeffs)), "mean": mean, "variance": var}
    return Step(S.COMBINATION_MOMENTS, Tuple(Expect(W), Var(W)), Tuple(mean, var), given), \
        mean, var


def derive_distribution_of(variables: Any, expression: Any) -> Derivation:
    """The distribution of a linear combination of independent variables (see the module)."""
    from sympy import Symbol
    from sympy.core.symbol import Str

    from symbolic_mlmath.text import parse_expr

    from .probability import read_variables
    from .regions import linear_coefficients

    dists = read_variables(variables)
    W = parse_expr(expression, name="expression") if isinstance(expression, str) else expression
    names = sorted(s.name for s in W.free_symbols)
    coeffs, const = linear_coefficients(W, [n for n in dists if n in names] + [
        n for n in names if n not in dists])
    coeffs = {n: a for n, a in coeffs.items() if a != 0}
    if not coeffs:
        raise InputError("the expression has no random variable", name="expression")
    step, mean, var = _moments_step(W, dists, coeffs, const)
    found = _family_of([dists[n] for n in coeffs], list(coeffs.values()), const)
    if found is None:
        raise TaskError(f"{W} has mean {mean} and variance {var}, but no named family here "
                        "(normals combine linearly; Poisson, binomial (same p), gamma (same "
                        "scale) and chi-square add)", name="expression")
    D, law = found
    close = Step(S.CLOSED_FAMILY, step.after, dist_expr(D),
                 {"law": Str(_LAWS[law]), "mean": mean, "variance": var, "variable": W,
                  "distributions": step.given["distributions"]})
    return Derivation(f"Distribution of {W}", goal=step.before, steps=(step, close),
                      result=dist_expr(D),
                      task="distribution_of",
                      inputs={"variables": {k: str(v) for k, v in dists.items()},
                              "expression": W, "coefficients": coeffs, "constant": const,
                              "variable_symbols": tuple(Symbol(n) for n in coeffs)})


def derive_sampling_distribution(distribution: Any, n: Any, statistic: Any = "mean") -> Derivation:
    """The distribution of the mean (or sum) of ``n`` independent draws (see the module)."""
    from sympy import Integer, Symbol, Tuple, sqrt
    from sympy.core.symbol import Str

    from .distributions import Distribution, parse_distribution
    from .notation import Expect, Var

    D = parse_distribution(distribution, name="distribution")
    try:
        k = int(n)
    except (TypeError, ValueError):
        raise InputError("n must be a whole number of draws", name="n") from None
    if k < 1:
        raise InputError("n must be at least 1", name="n")
    stat = str(statistic or "mean").strip().lower()
    if stat not in ("mean", "sum"):
        raise InputError("statistic is mean or sum", name="statistic")
    if not D.is_numeric:
        raise InputError("give numeric parameters", name="distribution")
    mu, var = D.mean(), D.variance()
    if not (mu.is_finite and var.is_finite):
        raise InputError(f"{D} has no finite mean and variance: no sampling distribution",
                         name="distribution")
    n_ = Integer(k)
    W = Symbol("Xbar") if stat == "mean" else Symbol("S_n")
    mean, variance = (mu, var / n_) if stat == "mean" else (n_ * mu, n_ * var)
    given = {"n": n_, "statistic": Str(stat), "distributions": Tuple(dist_expr(D)),
             "mean": mean, "variance": variance}
    steps = [Step(S.COMBINATION_MOMENTS, Tuple(Expect(W), Var(W)), Tuple(mean, variance),
                  given)]
    found = None
    if stat == "sum":
        found = _family_of([D] * k, [1] * k, 0) if k > 1 else (D, "sum")
    elif D.family == "normal":
        found = Distribution("normal", (mu, sqrt(variance))), "normal"
    if found is not None:
        res, law = found
        steps.append(Step(S.CLOSED_FAMILY, steps[0].after, dist_expr(res),
                          {"law": Str(_LAWS[law]), "mean": mean, "variance": variance,
                           "distributions": given["distributions"], "variable": W}))
    else:
        res = Distribution("normal", (mean, sqrt(variance)))
        steps.append(Step(S.CLT_APPROXIMATION, steps[0].after, dist_expr(res),
                          {"n": n_, "mean": mean, "variance": variance, "variable": W}))
    return Derivation(f"Sampling distribution of the {stat} of {k} draws from {D}",
                      goal=steps[0].before,
                      steps=tuple(steps), result=dist_expr(res), task="sampling_distribution",
                      inputs={"distribution": str(D), "n": k, "statistic": stat})


def combination_slips(d: Derivation) -> dict[str, Any]:
    """Distributions a learner gets from the usual slips, by name (normal results only)."""
    from sympy import sqrt

    from .distributions import Distribution, parse_distribution

    res = as_distribution(d.result)
    if res.family != "normal":
        return {}
    mu = res.params[0]
    out: dict[str, Any] = {}
    if d.task == "sampling_distribution":
        D = parse_distribution(d.inputs["distribution"])
        n = d.inputs["n"]
        sd = sqrt(D.variance())
        if d.inputs["statistic"] == "mean" and n > 1:
            out["σ, the spread of one draw: the mean's standard deviation is σ/√n"] = \
                Distribution("normal", (mu, sd))
            out["σ/n: the mean's standard deviation is σ/√n (its variance is σ²/n)"] = \
                Distribution("normal", (mu, sd / n))
        elif n > 1:
            out["n σ: the sum's standard deviation is √n σ (variances add)"] = \
                Distribution("normal", (mu, n * sd))
        return out
    dists = {k: parse_distribution(v) for k, v in d.inputs["variables"].items()}
    coeffs = d.inputs["coefficients"]
    sds = {k: sqrt(dists[k].variance()) for k in coeffs}
    if len(coeffs) > 1:
        out["the standard deviations added: add the variances"] = Distribution(
            "normal", (mu, sum(abs(a) * sds[k] for k, a in coeffs.items())))
    signed = sum((a**2 if a > 0 else -(a**2)) * sds[k] ** 2 for k, a in coeffs.items())
    if any(a < 0 for a in coeffs.values()) and signed > 0:
        out["a variance subtracted: Var(X - Y) = Var X + Var Y"] = Distribution(
            "normal", (mu, sqrt(signed)))
    if any(abs(a) != 1 for a in coeffs.values()):
        out["the coefficient not squared: Var(aX) = a² Var X"] = Distribution(
            "normal", (mu, sqrt(sum(abs(a) * sds[k] ** 2 for k, a in coeffs.items()))))
    return out

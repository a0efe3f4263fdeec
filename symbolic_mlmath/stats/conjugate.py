"""Bayesian updating by recognising the kernel: Beta-Bernoulli/Binomial, Gamma-Poisson,
Normal-Normal (known sigma); posterior mean, median and mode (the MAP estimate).

The log of prior x likelihood is expanded and collected on the functions of the parameter
that a conjugate family's log-density is built from (``log p`` and ``log(1 - p)`` for a
beta, ``log λ`` and ``λ`` for a gamma, ``μ²`` and ``μ`` for a normal); the coefficients
name the posterior's parameters, so the normalising constant never has to be integrated.

Examples
========
>>> d = derive_posterior("beta(2, 2)", "bernoulli", data="1 0 1 1 1 0 1")
>>> d.result["distribution"], d.result["mean"], d.result["mode"]
('beta(7, 4)', 7/11, 2/3)
>>> derive_posterior("gamma(2, 1)", "poisson", data="3 1 2").result["distribution"]
'gamma(8, 1/4)'
>>> derive_posterior("normal(0, 1)", "normal", data="1 2 3", known={"sigma": 1}).result["mean"]
3/2
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.rules import StatsRule as R

__all__ = [
    "CONJUGATE",
    "derive_discrete_posterior",
    "derive_posterior",
    "evaluated_density",
    "kernel_parameters",
    "posterior_mode",
]

#: Prior family -> the likelihoods it is conjugate to.
CONJUGATE = {"beta": ("bernoulli", "binomial", "geometric"), "gamma": ("poisson", "exponential"),
             "normal": ("normal",)}


def kernel_parameters(family: str, log_kernel: Any, theta: Any) -> tuple:
    """The parameters of ``family`` whose log-density has the θ-dependence of ``log_kernel``.

    Raises TaskError when the kernel is not of that family.
    """
    from sympy import Add, S, expand, expand_log, log, sqrt

    e = expand(expand_log(log_kernel, force=True))
    basis = {"beta": (log(theta), log(1 - theta)), "gamma": (log(theta), theta),
             "normal": (theta**2, theta)}[family]
    coeffs = [S.Zero, S.Zero]
    for term in Add.make_args(e):
        c, dep = term.as_independent(theta, as_Add=False)
        if dep == 1:
            continue
        if dep in basis:
            coeffs[basis.index(dep)] += c
        else:
            raise TaskError(f"the posterior is not a {family} distribution (a term {term})",
                            name="likelihood")
    c1, c2 = coeffs
    if family == "beta":
        return (c1 + 1, c2 + 1)
    if family == "gamma":
        return (c1 + 1, 1 / (-c2))  # shape, scale
    A = -2 * c1
    return (c2 / A, 1 / sqrt(A))  # mean, standard deviation


def evaluated_density(family: str, theta: Any, params: tuple) -> Any:
    """The family's density at θ with the beta function of numbers evaluated (6p(1 - p),
    not p(1 - p)/beta(2, 2))."""
    from sympy import gamma
    from sympy.functions.special.beta_functions import beta as beta_fn

    from symbolic_mlmath.stats.families import FAMILIES

    dens = FAMILIES[family].density(theta, params)
    if dens.has(beta_fn):
        dens = dens.rewrite(gamma)
    return dens


def _kernel(expr: Any, theta: Any) -> Any:
    """Drop the factors that do not depend on θ (the kernel, up to a constant)."""
    from sympy import Mul, powsimp

    e = powsimp(expr, combine="exp")
    keep = [f for f in Mul.make_args(e) if f.has(theta)]
    return powsimp(Mul(*keep))


def derive_posterior(prior: Any, likelihood: Any, data: Any = None, *,
                     known: Mapping[str, Any] | None = None) -> Derivation:
    """The posterior of a conjugate prior given data: kernel, family, mean, median, mode."""
    from sympy import Float, Mul, Rational, Tuple, log
    from sympy.core.symbol import Str

    from symbolic_mlmath.stats.data import read_data
    from symbolic_mlmath.stats.distributions import decimal, parse_distribution
    from symbolic_mlmath.stats.mle import check_support, model_of

    pd = parse_distribution(prior, name="prior")
    if pd.family not in CONJUGATE:
        raise TaskError(f"no conjugate update from a {pd.family} prior; use beta, gamma or "
                        "normal", name="prior")
    if not pd.is_numeric:
        raise TaskError("the prior's parameters must be numbers", name="prior")
    model = model_of(likelihood, known)
    if model.family not in CONJUGATE[pd.family] or len(model.params) != 1:
        raise TaskError(f"a {pd.family} prior is conjugate to "
                        f"{', '.join(CONJUGATE[pd.family])} (normal with sigma known), not "
                        f"{likelihood}", name="likelihood")
    if data is None:
        raise TaskError("the posterior needs data", name="data")
    values = read_data(data, name="data").values()
    check_support(model, values)
    theta = model.params[0]
    prior_pdf = evaluated_density(pd.family, theta, pd.params)
    like = Mul(*(model.density.subs(model.x, v) for v in values))
    steps = [Step(R.PRIOR, None, prior_pdf,
                  {"distribution": Str(str(pd)), "parameter": theta, "family": pd.family,
                   "params": Tuple(*pd.params)})]
    kernel = _kernel(prior_pdf * like, theta)
    steps.append(Step(R.POSTERIOR_PROPORTIONAL, prior_pdf, kernel,
                      {"likelihood": like, "parameter": theta, "n": len(values),
                       "data": Tuple(*values)}))
    params = kernel_parameters(pd.family, log(kernel), theta)
    post = parse_distribution(pd.family, list(params), name="prior")
    post_pdf = evaluated_density(pd.family, theta, post.params)
    steps.append(Step(R.RECOGNIZE_KERNEL, kernel, post_pdf,
                      {"family": pd.family, "params": Tuple(*post.params), "parameter": theta,
                       "distribution": Str(str(post))}))
    mean = post.mean()
    if pd.family == "normal":
        median = post.params[0]
    else:
        median = Float(decimal(post.quantile_numeric(Rational(1, 2)), 30), 30)
    mode = posterior_mode(pd.family, post.params)
    steps.append(Step(R.POSTERIOR_SUMMARY, post_pdf, Tuple(mean, median, mode),
                      {"family": pd.family, "params": Tuple(*post.params), "parameter": theta}))
    result = {"distribution": str(post), "mean": mean, "median": median, "mode": mode,
              "parameters": Tuple(*post.params)}
    words = {"lambda": "the rate", "mu": "the mean", "p": "p"}.get(str(theta), str(theta))
    return Derivation(f"Posterior of {words}: {pd} prior, {model.family} likelihood",
                      theta, tuple(steps), result, task="posterior")


def posterior_mode(family: str, params: tuple) -> Any:
    """The posterior mode (the MAP estimate); on the boundary when the density has no peak."""
    from sympy import Integer

    if family == "beta":
        a, b = params
        if a > 1 and b > 1:
            return (a - 1) / (a + b - 2)
        if a <= 1 < b:
            return Integer(0)
        if b <= 1 < a:
            return Integer(1)
        raise TaskError("the posterior density has no single peak (both parameters <= 1)",
                        name="prior")
    if family == "gamma":
        k, th = params
        return (k - 1) * th if k >= 1 else Integer(0)
    return params[0]


def derive_discrete_posterior(prior: Mapping[str, Any], likelihood: Mapping[str, Any]
                              ) -> Derivation:
    """Posterior probabilities of finitely many hypotheses: P(H|D) = P(D|H)P(H) / P(D)."""
    from sympy import Add, Symbol, Tuple

    from symbolic_mlmath.stats.data import read_probability

    keys = list(prior)
    if set(keys) != set(likelihood):
        raise TaskError("prior and likelihood must name the same hypotheses", name="likelihood")
    pr = {k: read_probability(prior[k], name=f"prior, {k}") for k in keys}
    lk = {k: read_probability(likelihood[k], name=f"likelihood, {k}") for k in keys}
    if Add(*pr.values()) != 1:
        raise TaskError(f"the prior probabilities add to {Add(*pr.values())}, not 1",
                        name="prior")
    joint = {k: pr[k] * lk[k] for k in keys}
    evidence = Add(*joint.values())
    if evidence == 0:
        raise TaskError("the data are impossible under every hypothesis", name="likelihood")
    post = {k: joint[k] / evidence for k in keys}
    step = Step(R.DISCRETE_POSTERIOR, None, Tuple(*(post[k] for k in keys)),
                {"hypotheses": Tuple(*(Symbol(str(k)) for k in keys)),
                 "prior": Tuple(*(pr[k] for k in keys)), "likelihood": Tuple(*(lk[k] for k in keys)),
                 "evidence": evidence})
    return Derivation("Posterior probabilities", Symbol("P(H | D)"), (step,),
                      {str(k): post[k] for k in keys}, task="posterior")

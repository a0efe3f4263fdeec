"""Maximum likelihood by calculus: likelihood, log-likelihood, score, root, curvature.

The log-likelihood of one observation is expanded (``expand_log(force=True)``, valid
under the positivity assumptions the step states) and collected by its dependence on
the parameters, so the log-likelihood of the sample is a short sum of parameter
functions times statistics of the data: ``Σ x_i`` and ``n`` for a Bernoulli, ``Σ x_i``,
``Σ x_i²`` and ``n`` for a normal. With data the statistics are numbers; with a symbolic
sample size they stay ``Sum(x_i, (i, 1, n))``. The score equations are then solved with
the statistics as plain symbols (fast), and the second derivative (or the Hessian)
confirms the maximum. Uniform(0, θ) is the case where calculus fails: the likelihood
decreases in θ, so the maximum sits on the boundary θ = max xᵢ.

Examples
========
>>> d = derive_mle("bernoulli", data="1 0 1 1 0 1 1 1 0 1")
>>> d.result
{'p': 7/10}
>>> derive_mle("poisson").result
{'lambda': Sum(x[i], (i, 1, n))/n}
>>> derive_mle("normal", data="2 4 4 4 5 5 7 9").result
{'mu': 5, 'sigma': 2}
>>> derive_mle("uniform", data="0.5 2.5 1.5").result
{'theta': 5/2}
>>> derive_mle("linear_regression", x="1 2 3 4", y="2 3 5 6").result
{'a': 1/2, 'b': 7/5, 'sigma^2': 1/20}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Derivation

__all__ = [
    "MLE_FAMILIES",
    "Model",
    "check_support",
    "derive_mle",
    "model_of",
]

#: The families with a closed-form maximum likelihood estimate.
MLE_FAMILIES = ("bernoulli", "binomial", "poisson", "geometric", "exponential", "normal",
                "uniform")

_ASSUME = {
    "bernoulli": "0 < p < 1 and each x_i is 0 or 1",
    "binomial": "0 < p < 1 and 0 <= x_i <= m",
    "poisson": "a positive rate and each x_i a whole number >= 0",
    "geometric": "0 < p < 1 and each x_i is a whole number >= 1",
    "exponential": "a positive rate and every x_i > 0",
    "normal": "a positive standard deviation (any real mean)",
    "uniform": "a positive upper end and 0 <= x_i <= that end for every i",
}


@dataclass(frozen=True)
class Model:
    """A family with its unknown parameters and the known ones substituted."""

    family: str
    params: tuple  # unknown parameter symbols, in order
    names: tuple[str, ...]  # their names
    density: Any  # f(x; params) with the known values in
    x: Any


def model_of(distribution: Any, known: Mapping[str, Any] | None = None) -> Model:
    """The family named by ``distribution`` with ``known`` parameters fixed.

    ``binomial`` needs its number of trials known (``known={"n": 10}``, or ``binomial(10,
    p)``); ``normal`` estimates mu and sigma jointly unless one of them is known;
    ``uniform`` is Uniform(0, theta).
    """
    from sympy import Symbol

    from symbolic_mlmath.stats.families import FAMILIES, param_symbol
    from symbolic_mlmath.stats.formulas import exact_number

    text = str(distribution).strip().lower()
    name, _, args = text.partition("(")
    name = name.strip()
    if name in ("gaussian", "norm"):
        name = "normal"
    if name not in MLE_FAMILIES:
        raise TaskError(f"no closed-form MLE is derived for {name!r}; choose one of "
                        f"{', '.join(MLE_FAMILIES)} or linear_regression (with x and y)",
                        name="distribution")
    fixed = {str(k).strip().lower(): exact_number(v, "known") for k, v in (known or {}).items()}
    if args.strip(") "):
        parts = [a.strip() for a in args.rstrip(") ").split(",")]
        fam_params = FAMILIES[name].params
        for pname, a in zip(fam_params, parts, strict=False):
            if a and not a.isidentifier():
                fixed[pname] = exact_number(a, "distribution")
    x = Symbol("x", real=True)
    if name == "uniform":
        theta = Symbol("theta", positive=True)
        return Model(name, (theta,), ("theta",), 1 / theta, x)
    fam = FAMILIES[name]
    if name == "binomial":
        m = fixed.get("n", fixed.get("m"))
        if m is None or not m.is_Integer or m < 1:
            raise TaskError("a binomial MLE needs the number of trials known: known={n: 10}",
                            name="known")
        p = param_symbol(name, "p")
        dens = fam.density(x, (m, p))
        return Model(name, (p,), ("p",), dens, x)
    syms, names, values = [], [], []
    for pname in fam.params:
        sym_ = param_symbol(name, pname)
        if pname in fixed:
            values.append(fixed[pname])
        else:
            values.append(sym_)
            syms.append(sym_)
            names.append(str(sym_))
    if not syms:
        raise TaskError("every parameter is known: nothing to estimate", name="known")
    return Model(name, tuple(syms), tuple(names), fam.density(x, tuple(values)), x)


# ------------------------------------------------------------------ the log-likelihood as statistics
def _collect(logf: Any, params: tuple, x: Any) -> dict:
    """log f(x; θ) -> {θ-part: coefficient in x}: log f = Σ θ-part · coefficient(x)."""
    from sympy import Add, S, expand, expand_log

    e = expand(expand_log(logf, force=True))
    groups: dict = {}
    for term in Add.make_args(e):
        coeff, dep = term.as_independent(*params, as_Add=False)
        groups[dep] = groups.get(dep, S.Zero) + coeff
    return groups


def _statistic(coeff: Any, x: Any, values: Any, n: Any, i: Any, xs: Any) -> Any:
    """Σ_i coeff(x_i): a number for data, a short expression in Sums for symbolic n."""
    from sympy import Add, Sum

    if values is not None:
        return Add(*(coeff.subs(x, v) for v in values))
    total = 0
    for t in Add.make_args(coeff):
        c, h = t.as_independent(x, as_Add=False)
        total += c * n if h == 1 else c * Sum(h.subs(x, xs[i]), (i, 1, n))
    return total


def _log_likelihood(model: Model, values: Any, n: Any, i: Any, xs: Any) -> Any:
    from sympy import log

    groups = _collect(log(model.density), model.params, model.x)
    return sum((dep * _statistic(c, model.x, values, n, i, xs) for dep, c in groups.items()), 0)


# ------------------------------------------------------------------ the derivation
def _read(data: Any) -> Any:
    from symbolic_mlmath.stats.data import read_data

    return read_data(data, name="data").values()


def check_support(model: Model, values: Any) -> None:
    """A one-line error when an observation is impossible for the family."""
    fam = model.family
    bad = None
    if fam == "bernoulli":
        bad = next((v for v in values if v not in (0, 1)), None)
    elif fam in ("poisson", "binomial"):
        bad = next((v for v in values if not v.is_Integer or v < 0), None)
    elif fam == "geometric":
        bad = next((v for v in values if not v.is_Integer or v < 1), None)
    elif fam == "exponential":
        bad = next((v for v in values if v <= 0), None)
    elif fam == "uniform":
        bad = next((v for v in values if v < 0), None)
    if bad is not None:
        raise TaskError(f"{bad} is not a possible {fam} observation ({_ASSUME[fam]})",
                        name="data")


def derive_mle(distribution: Any, data: Any = None, *, n: Any = None,
               known: Mapping[str, Any] | None = None, x: Any = None, y: Any = None
               ) -> Derivation:
    """The maximum likelihood estimate of the unknown parameters, with every step.

    Give ``data`` (numbers) or nothing (a sample x_1, ..., x_n of symbolic size ``n``).
    ``distribution="linear_regression"`` takes ``x`` and ``y`` (y = a + b x + N(0, σ²)
    noise; ``known={"sigma": ...}`` optional), or neither for a symbolic sample of n
    pairs: least squares as maximum likelihood.
    """
    from sympy import IndexedBase, Integer, Symbol

    from symbolic_mlmath.stats.mle_regression import REGRESSION_NAMES, derive_regression_mle

    if str(distribution).strip().lower() in REGRESSION_NAMES:
        return derive_regression_mle(x, y if y is not None else data, known=known)
    if x is not None or y is not None:
        raise TaskError("x and y are the data of distribution=linear_regression; give data "
                        "for a distribution", name="x")
    model = model_of(distribution, known)
    i = Symbol("i", integer=True, positive=True)
    xs = IndexedBase("x", real=True)
    if data is not None:
        values = _read(data)
        if len(values) < 1:
            raise TaskError("no data", name="data")
        check_support(model, values)
        nn: Any = Integer(len(values))
    else:
        values = None
        nn = Symbol("n", integer=True, positive=True) if n is None else n
        if n is not None:
            from symbolic_mlmath.stats.formulas import exact_number

            nn = exact_number(n, "n")
            if not nn.is_Integer or nn < 1:
                raise TaskError("n must be a whole number >= 1", name="n")
            nn = Symbol("n", integer=True, positive=True)  # Σ notation even for a given n
    if model.family == "uniform":
        from symbolic_mlmath.stats.mle_steps import uniform_steps

        steps, result = uniform_steps(model, values, nn, i, xs)
    else:
        from symbolic_mlmath.stats.mle_steps import calculus_steps

        steps, result = calculus_steps(model, values, nn, i, xs,
                                       _log_likelihood(model, values, nn, i, xs),
                                       _ASSUME[model.family])
    title = f"Maximum likelihood: {model.family}"
    return Derivation(title, Symbol("L"), tuple(steps), result, task="mle")

"""The named distribution families: parameters, support, exact formulas and moments.

One :class:`Family` per name of TASKS.md (bernoulli, binomial, poisson, geometric, uniform,
normal, exponential, chi2, t, f, beta, gamma) plus the sample-space helpers ``die(n)``
(a fair n-sided die, values 1..n) and ``coin(p)`` (1 = heads, 0 = tails). Every formula is
exact SymPy; the numeric side lives in :mod:`.distributions`.

Conventions: ``normal(mu, sigma)`` takes the standard deviation; ``exponential(lam)`` the
rate; ``gamma(k, theta)`` shape and scale; ``geometric(p)`` counts the trials up to and
including the first success (support 1, 2, ...).

Examples
========
>>> from sympy import Rational, Symbol
>>> fam = FAMILIES["binomial"]
>>> fam.params, fam.discrete
(('n', 'p'), True)
>>> fam.density(3, (10, Rational(3, 10)))
66706983/250000000
>>> FAMILIES["normal"].mean((15, 5)), FAMILIES["normal"].variance((15, 5))
(15, 25)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ALIASES", "FAMILIES", "Family", "param_symbol"]


_DISPLAY = {("beta", "a"): "alpha", ("beta", "b"): "beta", ("poisson", "lam"): "lambda",
            ("exponential", "lam"): "lambda"}


def param_symbol(family: str, name: str) -> Any:
    """The symbol a family writes for a parameter in its general law (a rate ``lam`` is λ).

    >>> param_symbol("poisson", "lam"), param_symbol("normal", "mu")
    (lambda, mu)
    """
    from sympy import Symbol

    shown = _DISPLAY.get((family, name), name)
    if name in ("mu",) or (family == "uniform"):
        return Symbol(shown, real=True)
    if name in ("n",):
        return Symbol(shown, integer=True, positive=True)
    return Symbol(shown, positive=True)


@dataclass(frozen=True)
class Family:
    """A distribution family: its parameters, their checks, support, formulas, moments.

    Every callable takes the parameters as a tuple ``ps`` of exact SymPy numbers (or
    symbols, for the general law) in the order of ``params``.
    """

    name: str
    params: tuple[str, ...]
    discrete: bool
    check: Callable[[tuple], str | None]
    support: Callable[[tuple], tuple[Any, Any]]
    density: Callable[[Any, tuple], Any]
    mean: Callable[[tuple], Any]
    variance: Callable[[tuple], Any]
    cdf: Callable[[Any, tuple], Any] | None = None  # closed form on the support
    quantile: Callable[[Any, tuple], Any] | None = None  # closed form where one exists
    mode: Callable[[tuple], Any] | None = None
    title: str = ""
    defaults: dict[str, Any] = field(default_factory=dict)


# ------------------------------------------------------------------ parameter checks
def _prob(p: Any, name: str = "p") -> str | None:
    if p.is_number and not (0 <= p <= 1):
        return f"{name} must be a probability between 0 and 1 (got {p})"
    return None


def _pos(v: Any, name: str) -> str | None:
    if v.is_number and not v > 0:
        return f"{name} must be positive (got {v})"
    return None


def _count(v: Any, name: str, low: int = 0) -> str | None:
    if v.is_number and not (v.is_Integer and v >= low):
        return f"{name} must be a whole number >= {low} (got {v})"
    return None


def _first(*msgs: str | None) -> str | None:
    return next((m for m in msgs if m), None)


# ------------------------------------------------------------------ helpers
def _S() -> Any:
    import sympy

    return sympy


def _half() -> Any:
    from sympy import Rational

    return Rational(1, 2)


def _bernoulli() -> Family:
    s = _S()
    return Family(
        "bernoulli", ("p",), True, lambda ps: _prob(ps[0]),
        lambda ps: (s.Integer(0), s.Integer(1)),
        lambda x, ps: ps[0] ** x * (1 - ps[0]) ** (1 - x),
        lambda ps: ps[0], lambda ps: ps[0] * (1 - ps[0]),
        mode=lambda ps: s.Integer(1) if ps[0] > _half() else s.Integer(0),
        title="Bernoulli",
    )


def _binomial() -> Family:
    s = _S()
    return Family(
        "binomial", ("n", "p"), True,
        lambda ps: _first(_count(ps[0], "n", 1), _prob(ps[1])),
        lambda ps: (s.Integer(0), ps[0]),
        lambda x, ps: s.binomial(ps[0], x) * ps[1] ** x * (1 - ps[1]) ** (ps[0] - x),
        lambda ps: ps[0] * ps[1], lambda ps: ps[0] * ps[1] * (1 - ps[1]),
        mode=lambda ps: s.floor((ps[0] + 1) * ps[1]) if ps[1] < 1 else ps[0],
        title="Binomial",
    )


def _poisson() -> Family:
    s = _S()
    return Family(
        "poisson", ("lam",), True, lambda ps: _pos(ps[0], "lam"),
        lambda ps: (s.Integer(0), s.oo),
        lambda x, ps: ps[0] ** x * s.exp(-ps[0]) / s.factorial(x),
        lambda ps: ps[0], lambda ps: ps[0],
        mode=lambda ps: s.floor(ps[0]), title="Poisson",
    )


def _geometric() -> Family:
    s = _S()
    return Family(
        "geometric", ("p",), True,
        lambda ps: _first(_prob(ps[0]), _pos(ps[0], "p")),
        lambda ps: (s.Integer(1), s.oo),
        lambda x, ps: (1 - ps[0]) ** (x - 1) * ps[0],
        lambda ps: 1 / ps[0], lambda ps: (1 - ps[0]) / ps[0] ** 2,
        cdf=lambda x, ps: 1 - (1 - ps[0]) ** x,
        mode=lambda ps: s.Integer(1), title="Geometric",
    )


def _die() -> Family:
    s = _S()
    return Family(
        "die", ("n",), True, lambda ps: _count(ps[0], "n", 1),
        lambda ps: (s.Integer(1), ps[0]),
        lambda x, ps: 1 / ps[0],
        lambda ps: (ps[0] + 1) / 2, lambda ps: (ps[0] ** 2 - 1) / 12,
        cdf=lambda x, ps: x / ps[0], title="Fair die", defaults={"n": 6},
    )


def _coin() -> Family:
    b = _bernoulli()
    return Family("coin", ("p",), True, b.check, b.support, b.density, b.mean, b.variance,
                  mode=b.mode, title="Coin (1 = heads)", defaults={"p": _half()})


def _uniform() -> Family:
    return Family(
        "uniform", ("a", "b"), False,
        lambda ps: f"a < b is needed (got a = {ps[0]}, b = {ps[1]})"
        if (ps[1] - ps[0]).is_number and not ps[1] > ps[0] else None,
        lambda ps: (ps[0], ps[1]),
        lambda x, ps: 1 / (ps[1] - ps[0]),
        lambda ps: (ps[0] + ps[1]) / 2, lambda ps: (ps[1] - ps[0]) ** 2 / 12,
        cdf=lambda x, ps: (x - ps[0]) / (ps[1] - ps[0]),
        quantile=lambda q, ps: ps[0] + q * (ps[1] - ps[0]),
        title="Uniform",
    )


def _normal() -> Family:
    s = _S()
    return Family(
        "normal", ("mu", "sigma"), False, lambda ps: _pos(ps[1], "sigma"),
        lambda ps: (-s.oo, s.oo),
        lambda x, ps: s.exp(-((x - ps[0]) ** 2) / (2 * ps[1] ** 2)) / (ps[1] * s.sqrt(2 * s.pi)),
        lambda ps: ps[0], lambda ps: ps[1] ** 2,
        cdf=lambda x, ps: (1 + s.erf((x - ps[0]) / (ps[1] * s.sqrt(2)))) / 2,
        quantile=lambda q, ps: ps[0] + ps[1] * s.sqrt(2) * s.erfinv(2 * q - 1),
        mode=lambda ps: ps[0], title="Normal",
    )


def _exponential() -> Family:
    s = _S()
    return Family(
        "exponential", ("lam",), False, lambda ps: _pos(ps[0], "lam"),
        lambda ps: (s.Integer(0), s.oo),
        lambda x, ps: ps[0] * s.exp(-ps[0] * x),
        lambda ps: 1 / ps[0], lambda ps: 1 / ps[0] ** 2,
        cdf=lambda x, ps: 1 - s.exp(-ps[0] * x),
        quantile=lambda q, ps: -s.log(1 - q) / ps[0],
        mode=lambda ps: s.Integer(0), title="Exponential",
    )


def _gamma_cdf(k: Any, z: Any) -> Any:
    from .special import gamma_reg

    return gamma_reg(k, z)


def _chi2() -> Family:
    s = _S()
    h = _half()
    return Family(
        "chi2", ("k",), False, lambda ps: _pos(ps[0], "k"),
        lambda ps: (s.Integer(0), s.oo),
        lambda x, ps: x ** (ps[0] * h - 1) * s.exp(-x * h) / (2 ** (ps[0] * h) * s.gamma(ps[0] * h)),
        lambda ps: ps[0], lambda ps: 2 * ps[0],
        cdf=lambda x, ps: _gamma_cdf(ps[0] * h, x * h),
        quantile=lambda q, ps: -2 * s.log(1 - q) if ps[0] == 2 else None,
        mode=lambda ps: s.Max(ps[0] - 2, 0), title="Chi-squared",
    )


def _gamma() -> Family:
    s = _S()
    return Family(
        "gamma", ("k", "theta"), False,
        lambda ps: _first(_pos(ps[0], "k"), _pos(ps[1], "theta")),
        lambda ps: (s.Integer(0), s.oo),
        lambda x, ps: x ** (ps[0] - 1) * s.exp(-x / ps[1]) / (s.gamma(ps[0]) * ps[1] ** ps[0]),
        lambda ps: ps[0] * ps[1], lambda ps: ps[0] * ps[1] ** 2,
        cdf=lambda x, ps: _gamma_cdf(ps[0], x / ps[1]),
        quantile=lambda q, ps: -ps[1] * s.log(1 - q) if ps[0] == 1 else None,
        mode=lambda ps: (ps[0] - 1) * ps[1] if ps[0] >= 1 else s.Integer(0), title="Gamma",
    )


def _t_cdf(x: Any, nu: Any) -> Any:
    """F(x) = 1 - I_{ν/(ν+x²)}(ν/2, 1/2)/2 for x >= 0, mirrored for x < 0."""
    from .special import beta_reg

    h = _half()
    if x.is_number:
        tail = beta_reg(nu * h, h, nu / (nu + x**2)) / 2
        return 1 - tail if x >= 0 else tail
    s = _S()
    return h + s.sign(x) * (1 - beta_reg(nu * h, h, nu / (nu + x**2))) / 2


def _t_quantile(q: Any, nu: Any) -> Any:
    s = _S()
    if nu == 1:
        return s.tan(s.pi * (q - _half()))
    if nu == 2:
        return (2 * q - 1) / s.sqrt(2 * q * (1 - q))
    return None


def _t() -> Family:
    s = _S()
    h = _half()

    def var(ps: tuple) -> Any:
        nu = ps[0]
        if nu.is_number and nu <= 2:
            return s.oo if nu > 1 else s.nan
        return nu / (nu - 2)

    return Family(
        "t", ("nu",), False, lambda ps: _pos(ps[0], "nu (degrees of freedom)"),
        lambda ps: (-s.oo, s.oo),
        lambda x, ps: s.gamma((ps[0] + 1) * h) / (s.sqrt(ps[0] * s.pi) * s.gamma(ps[0] * h))
        * (1 + x**2 / ps[0]) ** (-(ps[0] + 1) * h),
        lambda ps: s.Integer(0) if not (ps[0].is_number and ps[0] <= 1) else s.nan, var,
        cdf=lambda x, ps: _t_cdf(x, ps[0]),
        quantile=lambda q, ps: _t_quantile(q, ps[0]),
        mode=lambda ps: s.Integer(0), title="Student t",
    )


def _f() -> Family:
    s = _S()
    h = _half()

    def pdf(x: Any, ps: tuple) -> Any:
        d1, d2 = ps
        return (s.sqrt((d1 * x) ** d1 * d2**d2 / (d1 * x + d2) ** (d1 + d2))
                / (x * s.beta(d1 * h, d2 * h)))

    def mean(ps: tuple) -> Any:
        d2 = ps[1]
        return d2 / (d2 - 2) if not (d2.is_number and d2 <= 2) else s.nan

    def var(ps: tuple) -> Any:
        d1, d2 = ps
        if d2.is_number and d2 <= 4:
            return s.oo if d2 > 2 else s.nan
        return 2 * d2**2 * (d1 + d2 - 2) / (d1 * (d2 - 2) ** 2 * (d2 - 4))

    def cdf(x: Any, ps: tuple) -> Any:
        from .special import beta_reg

        d1, d2 = ps
        return beta_reg(d1 * h, d2 * h, d1 * x / (d1 * x + d2))

    return Family(
        "f", ("d1", "d2"), False, lambda ps: _first(_pos(ps[0], "d1"), _pos(ps[1], "d2")),
        lambda ps: (s.Integer(0), s.oo), pdf, mean, var, cdf=cdf,
        mode=lambda ps: (ps[0] - 2) / ps[0] * ps[1] / (ps[1] + 2)
        if ps[0].is_number and ps[0] > 2 else s.Integer(0),
        title="F",
    )


def _beta() -> Family:
    s = _S()

    def cdf(x: Any, ps: tuple) -> Any:
        from .special import beta_reg

        return beta_reg(ps[0], ps[1], x)

    def quantile(q: Any, ps: tuple) -> Any:
        a, b = ps
        if a == 1 and b == 1:
            return q
        if b == 1:
            return q ** (1 / a)
        if a == 1:
            return 1 - (1 - q) ** (1 / b)
        return None

    def mode(ps: tuple) -> Any:
        a, b = ps
        if a > 1 and b > 1:
            return (a - 1) / (a + b - 2)
        return s.nan

    return Family(
        "beta", ("a", "b"), False, lambda ps: _first(_pos(ps[0], "a"), _pos(ps[1], "b")),
        lambda ps: (s.Integer(0), s.Integer(1)),
        lambda x, ps: x ** (ps[0] - 1) * (1 - x) ** (ps[1] - 1) / s.beta(ps[0], ps[1]),
        lambda ps: ps[0] / (ps[0] + ps[1]),
        lambda ps: ps[0] * ps[1] / ((ps[0] + ps[1]) ** 2 * (ps[0] + ps[1] + 1)),
        cdf=cdf, quantile=quantile, mode=mode, title="Beta",
    )


def _build() -> dict[str, Family]:
    out = {}
    for make in (_bernoulli, _binomial, _poisson, _geometric, _uniform, _normal, _exponential,
                 _chi2, _t, _f, _beta, _gamma, _die, _coin):
        fam = make()
        out[fam.name] = fam
    return out


FAMILIES: dict[str, Family] = _build()

#: Other names a learner writes for the families (lower case, spaces and dashes removed).
ALIASES: dict[str, str] = {
    "ber": "bernoulli", "bern": "bernoulli",
    "bin": "binomial", "binom": "binomial", "b": "binomial",
    "pois": "poisson", "po": "poisson",
    "geom": "geometric", "geo": "geometric",
    "unif": "uniform", "u": "uniform",
    "n": "normal", "gaussian": "normal", "gauss": "normal", "norm": "normal",
    "exp": "exponential", "expon": "exponential",
    "chisquared": "chi2", "chisq": "chi2", "chisquare": "chi2", "chi": "chi2",
    "x2": "chi2", "χ2": "chi2",
    "student": "t", "studentt": "t", "tdist": "t",
    "fdist": "f", "fisher": "f", "snedecor": "f",
    "dice": "die", "fairdie": "die",
}

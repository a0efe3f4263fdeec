"""Distributions as exact objects: parsed from learner text, exact formulas, 30+ digit numerics.

:func:`parse_distribution` reads ``"normal(15, 5)"``, ``"Binomial(n=10, p=0.3)"``,
``"N(0, 1)"``, ``"chi^2(3)"``, a name plus a ``params`` dict, or a table ``{value: prob}``,
and returns a :class:`Distribution`. Decimals are exact (``0.3`` is 3/10); parameters may
be symbols (``normal(mu, sigma)``) for general formulas.

A :class:`Distribution` gives, exactly (SymPy): ``pmf``/``pdf``/``density``, ``cdf``, ``sf``,
``mean``, ``variance``, ``std``, ``mode``, and ``quantile`` where a closed form exists
(uniform, exponential, normal through ``erfinv``, t with 1 or 2 degrees of freedom, ...).
Numerically, to any number of digits (mpmath): ``pdf_numeric``, ``cdf_numeric``,
``sf_numeric`` (accurate far in the upper tail: use it for p-values) and
``quantile_numeric`` (root finding on the regularised incomplete beta/gamma for t, chi2,
F, beta and gamma). Numeric results are ``mpmath.mpf`` values carrying 10 guard digits:
round with :func:`decimal` (a SymPy Float with exactly the digits asked).

Conventions: ``normal(mu, sigma)`` takes the standard deviation (``normal(mu=0,
variance=4)`` is accepted and converted); ``exponential(lam)`` the rate; ``gamma(k,
theta)`` shape and scale; ``geometric(p)`` counts trials up to the first success
(support 1, 2, ...). The quantile of a discrete distribution is the smallest support value
``x`` with ``F(x) >= q`` (as ``scipy.stats`` ``ppf``).

For the inference engineer: critical values are ``quantile_numeric(1 - alpha/2)``,
p-values ``sf_numeric(stat)`` (never ``1 - cdf_numeric``: it loses the tail).

Examples
========
>>> from sympy import Rational, Symbol
>>> X = parse_distribution("binomial(10, 0.3)")
>>> X, X.pmf(3), X.mean(), X.variance()
(binomial(10, 3/10), 66706983/250000000, 3, 21/10)
>>> X.cdf(2)
478478483/1250000000
>>> X.quantile(Rational(1, 2))
3
>>> Z = parse_distribution("N(0, 1)")
>>> Z.cdf(1)
erf(sqrt(2)/2)/2 + 1/2
>>> print(decimal(Z.sf_numeric(Rational(1, 1)), 30))
0.158655253931457051414767454368
>>> T = parse_distribution("t", {"df": 5})
>>> print(decimal(T.quantile_numeric(Rational(975, 1000)), 30))
2.57058183563631551469624621744
>>> parse_distribution("normal(mu, sigma)").pdf(Symbol("x"))
sqrt(2)*exp(-(-mu + x)**2/(2*sigma**2))/(2*sqrt(pi)*sigma)
>>> parse_distribution("binomial(10, 1.5)")
Traceback (most recent call last):
...
symbolic_mlmath.core.errors.InputError: distribution: p must be a probability between 0 and 1 (got 3/2)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .families import FAMILIES, Family, param_symbol
from .reading import CALL, KEY, assign_params, family_name, finite_table, read_param, split_args

__all__ = ["Distribution", "check_level", "decimal", "family_names", "parse_distribution"]

_GUARD = 10
_EXACT_DIGITS = 4000  # largest exact discrete value written out (digits)
_MAX_ENUMERATION = 200_000  # largest support walked term by term


def family_names() -> tuple[str, ...]:
    """The names of the families (and ``finite`` for a table).

    >>> family_names()[:4]
    ('bernoulli', 'binomial', 'poisson', 'geometric')
    """
    return (*FAMILIES, "finite")


def decimal(value: Any, digits: int = 30) -> Any:
    """A numeric value (mpmath or exact SymPy) as a SymPy ``Float`` of ``digits`` digits.

    >>> from sympy import pi
    >>> decimal(pi, 20)
    3.1415926535897932385
    """
    import mpmath
    from sympy import Float

    if isinstance(value, mpmath.mpf):
        return Float(mpmath.nstr(value, digits, min_fixed=-40, max_fixed=40), digits)
    return Float(value.evalf(digits + _GUARD), digits)


def _err(message: str, name: str) -> Exception:
    from symbolic_mlmath.core.errors import InputError

    return InputError(message, name=name)


@dataclass(frozen=True)
class Distribution:
    """A named distribution with exact parameters (or a finite table of probabilities).

    ``family`` is one of :func:`family_names`; ``params`` the exact parameter values in
    the family's order; ``table`` the ``(value, probability)`` pairs of a ``finite`` one.
    """

    family: str
    params: tuple = ()
    table: tuple = ()

    # ------------------------------------------------------------------ description
    @property
    def fam(self) -> Family | None:
        """The :class:`~.families.Family` (None for a finite table)."""
        return FAMILIES.get(self.family)

    @property
    def discrete(self) -> bool:
        """True for a PMF (discrete), False for a PDF (continuous)."""
        return self.fam is None or self.fam.discrete

    @property
    def names(self) -> tuple[str, ...]:
        """The parameter names, in order."""
        return self.fam.params if self.fam else ()

    @property
    def param_dict(self) -> dict[str, Any]:
        """Parameter name -> exact value."""
        return dict(zip(self.names, self.params, strict=True))

    @property
    def symbols(self) -> tuple:
        """The symbols of the general law (``n, p`` for a binomial)."""
        return tuple(param_symbol(self.family, n) for n in self.names)

    @property
    def is_numeric(self) -> bool:
        """True when every parameter is a number (no symbols)."""
        return all(not getattr(v, "free_symbols", ()) for v in self.params)

    @property
    def title(self) -> str:
        """The family's display name (``Binomial``)."""
        return self.fam.title if self.fam else "Finite"

    def general(self) -> Distribution:
        """The same family with symbolic parameters (for the general law).

        >>> parse_distribution("poisson(3)").general().pmf(2)
        lambda**2*exp(-lambda)/2
        """
        return Distribution(self.family, self.symbols, self.table)

    def __str__(self) -> str:
        if self.family == "finite":
            return "finite({" + ", ".join(f"{v}: {p}" for v, p in self.table) + "})"
        return f"{self.family}({', '.join(str(p) for p in self.params)})"

    __repr__ = __str__

    def support(self) -> tuple[Any, Any]:
        """The smallest and largest possible values (``-oo``/``oo`` when unbounded)."""
        if self.fam is None:
            vals = [v for v, _ in self.table]
            return min(vals), max(vals)
        return self.fam.support(self.params)

    def values(self) -> Iterator[Any]:
        """The support values of a discrete distribution, in increasing order (may be infinite)."""
        from sympy import Integer

        if not self.discrete:
            raise _err(f"{self} is continuous: it has no list of values", "distribution")
        if self.fam is None:
            yield from (v for v, _ in self.table)
            return
        lo, hi = self.support()
        k = int(lo)
        while hi.is_infinite or k <= hi:
            yield Integer(k)
            k += 1

    def finite_support(self) -> bool:
        """True when the support is a finite set."""
        return self.discrete and not self.support()[1].is_infinite

    # ------------------------------------------------------------------ exact values
    def _in_support(self, x: Any) -> bool | None:
        lo, hi = self.support()
        if not x.is_number:
            return None
        if self.discrete:
            if self.fam is None:
                return any(x == v for v, _ in self.table)
            return bool(x.is_integer and lo <= x <= hi)
        return bool(lo <= x <= hi)

    def density(self, x: Any) -> Any:
        """The PMF (discrete) or PDF (continuous) at ``x`` (a number or a symbol)."""
        from sympy import Integer

        from symbolic_mlmath.text.convert import as_sympy

        x = as_sympy(x)
        inside = self._in_support(x)
        if inside is False:
            return Integer(0)
        if self.fam is None:
            if inside is None:
                raise _err("a table distribution needs a number", "x")
            return next(p for v, p in self.table if v == x)
        return self.fam.density(x, self.params)

    def pmf(self, x: Any) -> Any:
        """P(X = x) of a discrete distribution (exact)."""
        if not self.discrete:
            raise _err(f"{self} is continuous: P(X = x) is 0 for every x; use its pdf", "task")
        return self.density(x)

    def pdf(self, x: Any) -> Any:
        """The density f(x) of a continuous distribution (exact)."""
        if self.discrete:
            raise _err(f"{self} is discrete: it has a pmf P(X = x), not a pdf", "task")
        return self.density(x)

    def cdf(self, x: Any) -> Any:
        """F(x) = P(X <= x), exactly (a rational, an erf form, finite sums, ...).

        Raises :class:`~symbolic_mlmath.errors.LimitError` when the exact value would have
        more than 4000 digits (use :meth:`cdf_numeric`).
        """
        from sympy import Integer, Sum, Symbol, floor

        from symbolic_mlmath.text.convert import as_sympy

        x = as_sympy(x)
        lo, hi = self.support()
        if x.is_number:
            if bool(x < lo):
                return Integer(0)
            if bool(x >= hi):
                return Integer(1)
        if self.discrete:
            if not x.is_number:
                j = Symbol("j", integer=True)
                return Sum(self.density(j), (j, lo, floor(x)))
            from .exact import discrete_cdf

            return discrete_cdf(self, floor(x))
        return self.fam.cdf(x, self.params)

    def sf(self, x: Any) -> Any:
        """The survival function P(X > x) = 1 - F(x), exactly."""
        return 1 - self.cdf(x)

    def _moment(self, which: str) -> Any:
        from sympy import nan

        if self.fam is None:
            m = sum((v * p for v, p in self.table), start=0)
            if which == "mean":
                return m
            return sum(((v - m) ** 2 * p for v, p in self.table), start=0)
        value = getattr(self.fam, which)(self.params)
        if value is nan:
            raise _err(f"{self} has no {'mean' if which == 'mean' else 'variance'} "
                       "(the defining sum or integral diverges)", "distribution")
        return value

    def mean(self) -> Any:
        """E[X], exactly (an error when it does not exist)."""
        return self._moment("mean")

    def variance(self) -> Any:
        """Var X, exactly (``oo`` when infinite, an error when undefined)."""
        return self._moment("variance")

    def std(self) -> Any:
        """The standard deviation sqrt(Var X)."""
        from sympy import sqrt

        return sqrt(self.variance())

    def mode(self) -> Any:
        """A most likely value (the peak of the pmf/pdf); ``nan`` when there is none."""
        from sympy import nan

        if self.fam is None:
            best = max(p for _, p in self.table)
            return next(v for v, p in self.table if p == best)
        return self.fam.mode(self.params) if self.fam.mode else nan

    def quantile(self, q: Any) -> Any:
        """The q-quantile exactly: a closed form, a support value (discrete), or None.

        Discrete: the smallest support value ``x`` with ``F(x) >= q``. Continuous
        families without a closed form return None: use :meth:`quantile_numeric`.
        """
        from symbolic_mlmath.text.convert import as_sympy

        q = as_sympy(q)
        check_level(q)
        if self.discrete:
            from .exact import discrete_quantile

            return discrete_quantile(self, q)
        lo, hi = self.support()
        if q == 0:
            return lo
        if q == 1:
            return hi
        return self.fam.quantile(q, self.params) if self.fam.quantile else None

    # ------------------------------------------------------------------ numerics
    def pdf_numeric(self, x: Any, digits: int = 30) -> Any:
        """The pmf/pdf at ``x`` as an mpmath number (``digits`` + 10 guard digits)."""
        from .highprec import mp_call

        return mp_call(self, "pdf", x, digits)

    def cdf_numeric(self, x: Any, digits: int = 30) -> Any:
        """F(x) as an mpmath number accurate to ``digits`` significant digits."""
        from .highprec import mp_call

        return mp_call(self, "cdf", x, digits)

    def sf_numeric(self, x: Any, digits: int = 30) -> Any:
        """P(X > x) as an mpmath number, accurate in the far upper tail (p-values)."""
        from .highprec import mp_call

        return mp_call(self, "sf", x, digits)

    def quantile_numeric(self, q: Any, digits: int = 30) -> Any:
        """The q-quantile as an mpmath number (discrete: the exact support value)."""
        from .highprec import mp_quantile

        return mp_quantile(self, q, digits)

    # ------------------------------------------------------------------ references
    def sympy_rv(self, name: str = "X") -> Any:
        """The same distribution as a ``sympy.stats`` random variable (for cross-checks)."""
        from sympy import stats as st

        ps = self.params
        make = {
            "bernoulli": lambda: st.Bernoulli(name, ps[0]),
            "coin": lambda: st.Bernoulli(name, ps[0]),
            "binomial": lambda: st.Binomial(name, ps[0], ps[1]),
            "poisson": lambda: st.Poisson(name, ps[0]),
            "geometric": lambda: st.Geometric(name, ps[0]),
            "die": lambda: st.DiscreteUniform(name, list(range(1, int(ps[0]) + 1))),
            "uniform": lambda: st.Uniform(name, ps[0], ps[1]),
            "normal": lambda: st.Normal(name, ps[0], ps[1]),
            "exponential": lambda: st.Exponential(name, ps[0]),
            "chi2": lambda: st.ChiSquared(name, ps[0]),
            "t": lambda: st.StudentT(name, ps[0]),
            "f": lambda: st.FDistribution(name, ps[0], ps[1]),
            "beta": lambda: st.Beta(name, ps[0], ps[1]),
            "gamma": lambda: st.Gamma(name, ps[0], ps[1]),
            "finite": lambda: st.FiniteRV(name, dict(self.table)),
        }
        return make[self.family]()


def check_level(q: Any) -> None:
    """Refuse a quantile level ``q`` that is not a probability (an InputError naming q)."""
    if not q.is_number or q.free_symbols:
        raise _err(f"expected a probability, got {q}", "q")
    if not (0 <= q <= 1):
        raise _err(f"a quantile level is a probability between 0 and 1, got {q}", "q")


def parse_distribution(value: Any, params: Any = None, *, name: str = "distribution") -> Distribution:
    """A :class:`Distribution` from text, a name plus ``params``, a table, or itself.

    Examples
    ========
    >>> parse_distribution("Normal(mu=15, sigma=5)"), parse_distribution("chi^2(3)")
    (normal(15, 5), chi2(3))
    >>> parse_distribution("gamma", {"shape": 2, "rate": "0.5"})
    gamma(2, 2)
    >>> parse_distribution({0: "1/4", 1: "1/2", 2: "1/4"}).mean()
    1
    >>> parse_distribution("finite({0: 1/4, 1: 3/4})").variance()
    3/16
    >>> parse_distribution("poisson(3, 4)")
    Traceback (most recent call last):
    ...
    symbolic_mlmath.core.errors.InputError: distribution: poisson takes 1 parameter (lam), got 2
    """
    from symbolic_mlmath.text.limits import get_limits

    if isinstance(value, Distribution):
        if params:
            raise _err("parameters given twice (in the distribution and in params)", name)
        return value
    if isinstance(value, Mapping):
        if params:
            raise _err("a table of probabilities takes no params", name)
        return Distribution("finite", (), finite_table(value, name))
    if isinstance(value, tuple | list) and value and isinstance(value[0], str) and not params:
        value, params = value[0], list(value[1:])
    if not isinstance(value, str):
        raise _err(f"expected a distribution such as normal(0, 1), got {type(value).__name__}",
                   name)
    if len(value) > get_limits().max_input_length:
        raise _err("input too long", name)
    m = CALL.match(value)
    if not m:
        raise _err(f"expected a distribution such as normal(0, 1), got {value.strip()[:40]!r}",
                   name)
    if m.group(1).strip().lower() in ("finite", "table", "pmf"):
        from .data import read_mapping

        table = read_mapping((m.group(2) or "").strip(), name=name)
        return Distribution("finite", (), finite_table(table, name))
    fam = family_name(m.group(1), name)
    positional: list[Any] = []
    keyword: dict[str, Any] = {}
    for k, arg in enumerate(split_args(m.group(2) or "", name), 1):
        km = KEY.match(arg)
        if km:
            if km.group(1) in keyword:
                raise _err(f"{km.group(1)} is given twice", name)
            keyword[km.group(1)] = read_param(km.group(2), f"{name}, {km.group(1)}")
        else:
            if keyword:
                raise _err("a positional parameter after a named one", name)
            positional.append(read_param(arg, f"{name}, parameter {k}"))
    if params is not None:
        if positional or keyword:
            raise _err("parameters given twice (in the distribution and in params)", name)
        if isinstance(params, Mapping):
            keyword = {str(k): read_param(v, f"params, {k}") for k, v in params.items()}
        elif isinstance(params, list | tuple):
            positional = [read_param(v, f"params, item {i}") for i, v in enumerate(params, 1)]
        else:
            raise _err("params must be a dict such as {mu: 0, sigma: 1}", "params")
    return Distribution(fam, assign_params(fam, positional, keyword, name))

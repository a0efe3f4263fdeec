"""High-precision numerics of the distributions (mpmath): pdf, cdf, survival, quantile.

Continuous CDFs are the regularised incomplete beta and gamma functions of mpmath;
the smaller tail is always computed directly (``sf`` of an F variable is ``I_{1-y}(b, a)``,
never ``1 - I_y(a, b)``), so p-values keep their digits far into the tail. Quantiles
without a closed form invert the CDF (or the survival function above the median) with
:func:`~.special.mp_inverse`. Every function works at ``digits`` + 10 decimal digits.

Examples
========
>>> from sympy import Rational
>>> from symbolic_mlmath.stats.distributions import parse_distribution, decimal
>>> X = parse_distribution("chi2(3)")
>>> print(decimal(mp_quantile(X, Rational(95, 100), 25), 25))
7.814727903251179955268995
>>> print(decimal(mp_call(parse_distribution("f(3, 10)"), "sf", Rational(5), 20), 20))
0.022613922751096274856
"""

from __future__ import annotations

from typing import Any

__all__ = ["ContinuousMP", "mp_call", "mp_quantile", "numeric_guess", "to_mp"]

_GUARD = 10


def to_mp(v: Any) -> Any:
    """An exact SymPy number as an mpmath number at the working precision."""
    import mpmath

    from symbolic_mlmath.text.convert import as_sympy

    v = as_sympy(v)
    if v.is_Rational:
        return mpmath.mpf(int(v.p)) / int(v.q)
    if v is as_sympy("oo"):
        return mpmath.inf
    if v == -as_sympy("oo"):
        return -mpmath.inf
    return mpmath.mpf(str(v.evalf(mpmath.mp.dps + 5)))


def _need_numbers(dist: Any) -> None:
    from symbolic_mlmath.core.errors import InputError

    if not dist.is_numeric:
        raise InputError(f"{dist} has symbolic parameters: numbers are needed here",
                         name="distribution")


class ContinuousMP:
    """pdf, cdf and survival function of a continuous distribution on mpmath numbers.

    The parameters are converted once, at the precision in force when it is built.
    """

    def __init__(self, dist: Any) -> None:
        self.family = dist.family
        self.dist = dist
        self.ps = [to_mp(p) for p in dist.params]
        self.lo, self.hi = (to_mp(v) for v in dist.support())

    def __call__(self, kind: str, x: Any) -> Any:
        import mpmath as m

        if x < self.lo or x > self.hi:
            if kind == "pdf":
                return m.mpf(0)
            below = x < self.lo
            return m.mpf(0 if below else 1) if kind == "cdf" else m.mpf(1 if below else 0)
        return getattr(self, "_" + self.family)(kind, x)

    def _normal(self, kind: str, x: Any) -> Any:
        import mpmath as m

        mu, s = self.ps
        if kind == "pdf":
            return m.npdf(x, mu, s)
        return m.ncdf(x, mu, s) if kind == "cdf" else m.ncdf(mu - x, 0, s)

    def _exponential(self, kind: str, x: Any) -> Any:
        import mpmath as m

        lam = self.ps[0]
        if kind == "pdf":
            return lam * m.exp(-lam * x)
        return -m.expm1(-lam * x) if kind == "cdf" else m.exp(-lam * x)

    def _uniform(self, kind: str, x: Any) -> Any:
        a, b = self.ps
        if kind == "pdf":
            return 1 / (b - a)
        return (x - a) / (b - a) if kind == "cdf" else (b - x) / (b - a)

    def _gamma_like(self, kind: str, x: Any, k: Any, theta: Any) -> Any:
        import mpmath as m

        z = x / theta
        if kind == "pdf":
            if z == 0:
                return m.mpf(0) if k > 1 else (1 / theta if k == 1 else m.inf)
            return m.exp((k - 1) * m.log(z) - z - m.loggamma(k)) / theta
        if kind == "cdf":
            return m.gammainc(k, 0, z, regularized=True)
        return m.gammainc(k, z, m.inf, regularized=True)

    def _chi2(self, kind: str, x: Any) -> Any:
        import mpmath as m

        return self._gamma_like(kind, x, self.ps[0] / 2, m.mpf(2))

    def _gamma(self, kind: str, x: Any) -> Any:
        return self._gamma_like(kind, x, *self.ps)

    def _t(self, kind: str, x: Any) -> Any:
        import mpmath as m

        nu = self.ps[0]
        if kind == "pdf":
            return m.exp(m.loggamma((nu + 1) / 2) - m.loggamma(nu / 2)
                         - (nu + 1) / 2 * m.log1p(x * x / nu)) / m.sqrt(nu * m.pi)
        tail = m.betainc(nu / 2, m.mpf(1) / 2, 0, nu / (nu + x * x), regularized=True) / 2
        if x >= 0:
            return tail if kind == "sf" else 1 - tail
        return tail if kind == "cdf" else 1 - tail

    def _f(self, kind: str, x: Any) -> Any:
        import mpmath as m

        d1, d2 = self.ps
        if kind == "pdf":
            if x == 0:
                return m.mpf(0) if d1 > 2 else (m.mpf(1) if d1 == 2 else m.inf)
            return m.exp(d1 / 2 * m.log(d1 * x) + d2 / 2 * m.log(d2)
                         - (d1 + d2) / 2 * m.log(d1 * x + d2) - m.log(x)
                         - m.log(m.beta(d1 / 2, d2 / 2)))
        den = d1 * x + d2
        if kind == "cdf":
            return m.betainc(d1 / 2, d2 / 2, 0, d1 * x / den, regularized=True)
        return m.betainc(d2 / 2, d1 / 2, 0, d2 / den, regularized=True)

    def _beta(self, kind: str, x: Any) -> Any:
        import mpmath as m

        a, b = self.ps
        if kind == "pdf":
            if x in (0, 1):
                return to_mp(self.dist.density(self.dist.support()[0 if x == 0 else 1]))
            return m.exp((a - 1) * m.log(x) + (b - 1) * m.log1p(-x) - m.log(m.beta(a, b)))
        if kind == "cdf":
            return m.betainc(a, b, 0, x, regularized=True)
        return m.betainc(b, a, 0, 1 - x, regularized=True)


def _discrete(dist: Any, kind: str, x: Any) -> Any:
    import mpmath as m
    from sympy import Integer, floor

    fam = dist.family
    lo, hi = dist.support()
    if kind == "pdf":
        return to_mp(dist.density(x))
    k = floor(x)
    if k < lo:
        return m.mpf(0) if kind == "cdf" else m.mpf(1)
    if bool(k >= hi):
        return m.mpf(1) if kind == "cdf" else m.mpf(0)
    k = int(k)
    if fam == "binomial":
        n, p = int(dist.params[0]), to_mp(dist.params[1])
        if kind == "cdf":
            return m.betainc(n - k, k + 1, 0, 1 - p, regularized=True)
        return m.betainc(k + 1, n - k, 0, p, regularized=True)
    if fam == "poisson":
        lam = to_mp(dist.params[0])
        if kind == "cdf":
            return m.gammainc(k + 1, lam, m.inf, regularized=True)
        return m.gammainc(k + 1, 0, lam, regularized=True)
    if fam == "geometric":
        p = to_mp(dist.params[0])
        return -m.expm1(k * m.log1p(-p)) if kind == "cdf" else m.exp(k * m.log1p(-p))
    value = dist.cdf(Integer(k))
    return to_mp(value if kind == "cdf" else 1 - value)


def mp_call(dist: Any, kind: str, x: Any, digits: int = 30) -> Any:
    """``kind`` ("pdf", "cdf" or "sf") of ``dist`` at the exact number ``x``, as mpmath."""
    import mpmath

    _need_numbers(dist)
    with mpmath.workdps(int(digits) + _GUARD):
        if dist.discrete:
            return _discrete(dist, kind, x)
        return ContinuousMP(dist)(kind, to_mp(x))


def numeric_guess(dist: Any, q: Any) -> int:
    """A nearby integer for a discrete quantile (normal approximation, then refined exactly)."""
    import mpmath

    try:
        mu, var = dist.mean(), dist.variance()
        with mpmath.workdps(20):
            z = mpmath.sqrt(2) * mpmath.erfinv(2 * to_mp(q) - 1)
            return int(mpmath.floor(to_mp(mu) + z * mpmath.sqrt(to_mp(var))))
    except Exception:
        return int(dist.support()[0])


def mp_quantile(dist: Any, q: Any, digits: int = 30) -> Any:
    """The q-quantile as mpmath (discrete: the exact support value, as mpmath)."""
    import mpmath
    from sympy import Rational

    from symbolic_mlmath.text.convert import as_sympy

    from .special import mp_inverse

    _need_numbers(dist)
    q = as_sympy(q)
    exact = dist.quantile(q)
    half = Rational(1, 2)
    with mpmath.workdps(int(digits) + _GUARD):
        if exact is not None:
            return to_mp(exact)
        if dist.family == "t":  # symmetric about 0
            if q == half:
                return mpmath.mpf(0)
            if q < half:
                return -mp_quantile(dist, 1 - q, digits)
            from .special import mp_t_quantile

            x = mp_t_quantile(to_mp(dist.params[0]), to_mp(1 - q))
            if x is not None:
                return x
        if dist.family in ("chi2", "gamma"):
            from .special import mp_gamma_quantile

            k, theta = ((to_mp(dist.params[0]) / 2, mpmath.mpf(2)) if dist.family == "chi2"
                        else (to_mp(dist.params[0]), to_mp(dist.params[1])))
            z = mp_gamma_quantile(k, to_mp(q))
            if z is not None:
                return z * theta
        f = ContinuousMP(dist)
        lo = mpmath.mpf(0) if dist.family == "t" else f.lo

        def pdf(x: Any) -> Any:
            return f("pdf", x)

        if q <= half:
            return mp_inverse(lambda x: f("cdf", x), pdf, to_mp(q), lo, f.hi)
        return mp_inverse(lambda x: -f("sf", x), pdf, -to_mp(1 - q), lo, f.hi)

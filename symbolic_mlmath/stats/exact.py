"""Exact CDFs and quantiles of discrete distributions by integer arithmetic.

Sums of binomial and Poisson terms are added over a common denominator with Python
integers (fast and exact); the digit count is estimated first and a
:class:`~symbolic_mlmath.errors.LimitError` names the size when the exact value would
exceed 4000 digits.

Examples
========
>>> from sympy import Integer, Rational
>>> from symbolic_mlmath.stats.distributions import parse_distribution
>>> discrete_cdf(parse_distribution("binomial(4, 1/2)"), Integer(1))
5/16
>>> discrete_cdf(parse_distribution("poisson(2)"), Integer(1))
3*exp(-2)
>>> discrete_quantile(parse_distribution("binomial(4, 1/2)"), Rational(1, 2))
2
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["discrete_cdf", "discrete_quantile"]

_MAX_DIGITS = 4000
_MAX_TERMS = 200_000


def _limit(digits: float, what: str) -> None:
    from symbolic_mlmath.core.errors import LimitError

    if digits > _MAX_DIGITS:
        raise LimitError(f"the exact {what} would have about {int(digits)} digits "
                         f"(limit {_MAX_DIGITS}); ask for digits instead", name="x")


def _binomial_cdf(n: int, p: Any, k: int) -> Any:
    from sympy import Rational

    a, b = int(p.p), int(p.q)
    _limit(n * math.log10(max(b, 2)), "binomial probability")
    total, term = 0, (b - a) ** n  # C(n, 0) a^0 (b - a)^n
    for j in range(k + 1):
        total += term
        term = 0 if b == a else term * (n - j) * a // ((j + 1) * (b - a))
    return Rational(total, b**n)


def _poisson_cdf(lam: Any, k: int) -> Any:
    from sympy import Rational, exp

    if k + 1 > _MAX_TERMS:
        _limit(float("inf"), "Poisson sum")
    a, b = int(lam.p), int(lam.q)
    _limit(k * math.log10(max(a, b, 2)) + math.lgamma(k + 1) / math.log(10), "Poisson sum")
    # sum_{j<=k} lam^j / j! by Horner: 1 + lam/1 (1 + lam/2 (1 + ... (1 + lam/k)))
    num, den = 1, 1
    for j in range(k, 0, -1):
        num, den = den * b * j + a * num, den * b * j
    return exp(-lam) * Rational(num, den)


def discrete_cdf(dist: Any, k: Any) -> Any:
    """F(k) = P(X <= k) of a discrete distribution at an integer ``k`` inside its support."""
    from sympy import Add, Integer, Rational

    fam, ps = dist.family, dist.params
    k = int(k)
    if fam == "finite":
        return Add(*[p for v, p in dist.table if v <= k])
    if fam in ("bernoulli", "coin"):
        return 1 - ps[0] if k == 0 else Integer(1)
    if fam == "die":
        return Rational(k, int(ps[0]))
    if fam == "geometric":
        return 1 - (1 - ps[0]) ** k
    if not dist.is_numeric:
        raise ValueError("symbolic parameters")
    if fam == "binomial" and ps[1].is_Rational:
        return _binomial_cdf(int(ps[0]), ps[1], k)
    if fam == "poisson" and ps[0].is_Rational:
        return _poisson_cdf(ps[0], k)
    lo = int(dist.support()[0])
    if k - lo + 1 > _MAX_TERMS:
        _limit(float("inf"), "sum")
    return Add(*[dist.density(Integer(j)) for j in range(lo, k + 1)])


def discrete_quantile(dist: Any, q: Any) -> Any:
    """The smallest support value ``x`` with ``F(x) >= q`` (scipy's ``ppf`` convention)."""
    from sympy import Integer, ceiling, log

    lo, hi = dist.support()
    if q == 0:
        return lo
    if q == 1:
        return hi
    if dist.family == "finite":
        acc = Integer(0)
        for v, p in dist.table:
            acc += p
            if acc >= q:
                return v
        return hi
    if dist.family == "geometric":  # 1 - (1 - p)^k >= q  <=>  k >= log(1 - q) / log(1 - p)
        p = dist.params[0]
        if p == 1:
            return Integer(1)
        guess = int(ceiling((log(1 - q) / log(1 - p)).evalf(60)))
        for k in (guess - 1, guess, guess + 1):
            if k >= 1 and discrete_cdf(dist, k) >= q:
                return Integer(k)
        return Integer(guess + 1)
    # walk from a numeric guess near the answer, then settle exactly
    from .highprec import numeric_guess

    k = max(int(lo), numeric_guess(dist, q))
    if not hi.is_infinite:
        k = min(k, int(hi))

    def at_least(j: int) -> bool:
        if dist.family == "poisson":  # e^-lam times a rational never equals a rational q
            import mpmath

            from .highprec import mp_call, to_mp

            with mpmath.workdps(60):
                return bool(mp_call(dist, "cdf", j, 50) >= to_mp(q))
        return bool(discrete_cdf(dist, j) >= q)

    steps = 0
    while k > lo and at_least(k - 1):
        k -= 1
        steps += 1
        if steps > _MAX_TERMS:
            break
    while not at_least(k):
        k += 1
        steps += 1
        if steps > _MAX_TERMS:
            break
    return Integer(k)

"""Exact summary statistics of data held as integers over one denominator (:class:`~.data.Data`).

Every statistic is computed with Python integers: with values ``a_i / D`` and
``d_i = n a_i - sum(a)``, the deviations from the mean are ``d_i / (n D)``, so sums of
squares, cubes and fourth powers, the lag-1 autocovariance and the moments are exact
integers and rationals even for 10^5 values; standard deviations and skewness are exact
surds. Sample quantiles follow numpy's methods (Hyndman and Fan's types), by name.

Examples
========
>>> from symbolic_mlmath.stats.data import read_data
>>> s = Summary(read_data("2 4 4 4 5 5 7 9"))
>>> s.mean, s.variance(0), s.variance(1), s.median
(5, 4, 32/7, 9/2)
>>> s.quantile(0.25), s.quantile(0.25, "weibull"), s.modes()
(4, 4, ((4,), 3))
>>> s.skewness(), s.kurtosis(), s.lag1()
(21/32, -7/32, 13/32)
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from typing import Any

__all__ = ["QUANTILE_METHODS", "Summary", "quantile_method"]

#: numpy's continuous quantile methods as (alpha, beta) of the virtual index
#: n q + alpha + q (1 - alpha - beta) - 1, and its discrete ones.
_CONTINUOUS = {
    "interpolated_inverted_cdf": (0, 1), "hazen": ("1/2", "1/2"), "weibull": (0, 0),
    "linear": (1, 1), "median_unbiased": ("1/3", "1/3"), "normal_unbiased": ("3/8", "3/8"),
}
_DISCRETE = ("inverted_cdf", "averaged_inverted_cdf", "closest_observation", "lower", "higher",
             "nearest", "midpoint")
QUANTILE_METHODS = (*_CONTINUOUS, *_DISCRETE)
_ALIASES = {"inclusive": "linear", "type7": "linear", "excel": "linear", "numpy": "linear",
            "exclusive": "weibull", "type6": "weibull", "minitab": "weibull", "spss": "weibull",
            "type5": "hazen", "type8": "median_unbiased", "type9": "normal_unbiased",
            "type1": "inverted_cdf", "type2": "averaged_inverted_cdf",
            "type3": "closest_observation", "type4": "interpolated_inverted_cdf"}


def quantile_method(name: Any) -> str:
    """The canonical name of a quantile method (numpy's names; ``inclusive``, ``type7``, ...).

    >>> quantile_method("Exclusive"), quantile_method(None)
    ('weibull', 'linear')
    """
    from symbolic_mlmath.core.errors import InputError

    if name is None:
        return "linear"
    key = str(name).strip().lower().replace("-", "_").replace(" ", "_")
    key = _ALIASES.get(key, key)
    if key not in QUANTILE_METHODS:
        raise InputError(f"unknown quantile method {str(name)[:30]!r}; choose one of "
                         f"{', '.join(QUANTILE_METHODS)}", name="quantile_method")
    return key


def _rat(p: int, q: int = 1) -> Any:
    from sympy import Rational

    return Rational(p, q)


class Summary:
    """Exact statistics of one data set (computed once, on demand)."""

    def __init__(self, data: Any) -> None:
        self.data = data
        self.n = len(data.nums)
        self.den = data.den

    @cached_property
    def total(self) -> int:
        """The sum of the numerators."""
        return sum(self.data.nums)

    @cached_property
    def sorted_nums(self) -> list[int]:
        """The numerators in increasing order."""
        return sorted(self.data.nums)

    @cached_property
    def devs(self) -> list[int]:
        """``d_i = n a_i - sum(a)``: n D times the deviation from the mean."""
        n, s = self.n, self.total
        return [n * a - s for a in self.data.nums]

    @cached_property
    def power_sums(self) -> tuple[int, int, int]:
        """Sums of d^2, d^3, d^4."""
        s2 = s3 = s4 = 0
        for d in self.devs:
            d2 = d * d
            s2 += d2
            s3 += d2 * d
            s4 += d2 * d2
        return s2, s3, s4

    def value(self, num: int) -> Any:
        """A numerator as the exact value."""
        return _rat(num, self.den)

    @property
    def mean(self) -> Any:
        """The arithmetic mean."""
        return _rat(self.total, self.n * self.den)

    @property
    def sum(self) -> Any:
        """The sum of the values."""
        return _rat(self.total, self.den)

    def sum_of_squares(self) -> Any:
        """Sum of squared deviations from the mean."""
        return _rat(self.power_sums[0], self.n * self.n * self.den * self.den)

    def variance(self, ddof: int = 1) -> Any:
        """Sum of squares over ``n - ddof`` (ddof 1: the sample variance)."""
        from symbolic_mlmath.core.errors import InputError

        if self.n - ddof <= 0:
            raise InputError(f"the variance needs more than {ddof} value(s) (n - ddof > 0)",
                             name="data")
        return self.sum_of_squares() / (self.n - ddof)

    def std(self, ddof: int = 1) -> Any:
        """The square root of the variance (an exact surd)."""
        from sympy import sqrt

        return sqrt(self.variance(ddof))

    @property
    def minimum(self) -> Any:
        """The smallest value."""
        return self.value(self.sorted_nums[0])

    @property
    def maximum(self) -> Any:
        """The largest value."""
        return self.value(self.sorted_nums[-1])

    @property
    def median(self) -> Any:
        """The middle value (the mean of the two middle ones for even n)."""
        xs, n = self.sorted_nums, self.n
        if n % 2:
            return self.value(xs[n // 2])
        return _rat(xs[n // 2 - 1] + xs[n // 2], 2 * self.den)

    def modes(self) -> tuple[tuple, int]:
        """The most frequent values (all of them when several tie) and their count."""
        counts = Counter(self.data.nums)
        top = max(counts.values())
        return tuple(self.value(a) for a in sorted(k for k, c in counts.items() if c == top)), top

    def quantile(self, q: Any, method: str = "linear") -> Any:
        """The q-quantile by numpy's ``method`` (exact: interpolation in rationals)."""
        from sympy import Rational, floor

        from symbolic_mlmath.text.convert import as_sympy

        method = quantile_method(method)
        q = as_sympy(q, name="q")
        q = Rational(str(q)) if q.is_Float else q
        xs, n = self.sorted_nums, self.n

        def at(i: int) -> Any:
            return self.value(xs[min(max(i, 0), n - 1)])

        if method in _CONTINUOUS:
            a, b = (Rational(v) for v in _CONTINUOUS[method])
            h = n * q + a + q * (1 - a - b) - 1
            h = min(max(h, 0), n - 1)
            j = int(floor(h))
            g = h - j
            return at(j) if g == 0 else at(j) + g * (at(j + 1) - at(j))
        h = (n - 1) * q
        if method == "lower":
            return at(int(floor(h)))
        if method == "higher":
            return at(-int(floor(-h)))
        if method == "midpoint":
            return (at(int(floor(h))) + at(-int(floor(-h)))) / 2
        if method == "nearest":
            j = int(floor(h))
            frac = h - j
            return at(j + 1) if frac > Rational(1, 2) or (frac == Rational(1, 2) and j % 2) \
                else at(j)
        nq = n * q
        j = int(floor(nq))
        g = nq - j
        if method == "inverted_cdf":
            return at(j - 1) if g == 0 else at(j)
        if method == "averaged_inverted_cdf":
            return (at(j - 1) + at(j)) / 2 if g == 0 else at(j)
        # closest_observation: index n q - 1/2, round half to even
        h = nq - Rational(1, 2)
        j = int(floor(h))
        g = h - j
        return at(j - 1) if g == 0 and j % 2 == 0 else at(j)  # 1-based x_(j) or x_(j+1)

    def skewness(self) -> Any:
        """g1 = m3 / m2^(3/2) (the moment coefficient, as ``scipy.stats.skew``)."""
        from sympy import sqrt

        s2, s3, _ = self.power_sums
        if s2 == 0:
            from sympy import nan

            return nan
        n = self.n
        return _rat(s3, n) / (_rat(s2, n) * sqrt(_rat(s2, n)))

    def kurtosis(self) -> Any:
        """Excess kurtosis g2 = m4 / m2^2 - 3 (as ``scipy.stats.kurtosis``)."""
        s2, _, s4 = self.power_sums
        if s2 == 0:
            from sympy import nan

            return nan
        return _rat(self.n * s4, s2 * s2) - 3

    def lag1(self) -> Any:
        """r1 = sum_{i<n} d_i d_{i+1} / sum d_i^2 (NIST's lag-1 autocorrelation)."""
        d = self.devs
        s2 = self.power_sums[0]
        if s2 == 0:
            from sympy import nan

            return nan
        return _rat(sum(d[i] * d[i + 1] for i in range(self.n - 1)), s2)

    def z_scores(self, ddof: int = 1) -> tuple:
        """(x - mean) / s for every value, exactly."""
        s = self.std(ddof)
        scale = self.n * self.den
        return tuple(_rat(d, scale) / s for d in self.devs)

    def fences(self, method: str = "linear") -> tuple[Any, Any, tuple]:
        """The box-plot fences Q1 - 1.5 IQR, Q3 + 1.5 IQR and the values beyond them."""
        from sympy import Rational

        q1, q3 = self.quantile(Rational(1, 4), method), self.quantile(Rational(3, 4), method)
        iqr = q3 - q1
        lo, hi = q1 - Rational(3, 2) * iqr, q3 + Rational(3, 2) * iqr
        d = self.den  # a/d < p/q  <=>  a q < p d  (d, q > 0): integers only
        lp, lq, hp, hq = int(lo.p), int(lo.q), int(hi.p), int(hi.q)
        out = tuple(self.value(a) for a in self.sorted_nums
                    if a * lq < lp * d or a * hq > hp * d)
        return lo, hi, out


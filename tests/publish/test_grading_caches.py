"""The caches that make grading a class fast (values of an expression at the seeded points,
critical values, p-values) answer what a fresh computation answers, with references from
scipy, and step aside for arguments that cannot be remembered (unhashable ones)."""

from __future__ import annotations

import pytest
from sympy import Matrix, Rational, Symbol, cos, exp, log, sin, sqrt

from symbolic_mlmath.calculus import equality
from symbolic_mlmath.stats import critical

x, y = Symbol("x"), Symbol("y")

PAIRS = [
    (sin(2 * x) * 2, 4 * sin(x) * cos(x), True),
    (exp(2 * x), 2 * exp(2 * x), False),
    (log(x**2), 2 * log(x), True),  # equal where both are real
    (sqrt(-x**2 - 1), sqrt(-x**2 - 1), True),  # nowhere real: complex agreement
    (x * y, y * x + Rational(1, 10**6), False),
]


@pytest.mark.parametrize(("a", "b", "same"), PAIRS)
def test_numeric_equal_cached_or_not(a, b, same):
    equality._values_cached.cache_clear()
    first = equality.numeric_equal(a, b)
    again = equality.numeric_equal(a, b)  # from the cache
    assert first[0] is same and again == first
    if same is False:
        pt = first[1]
        assert set(pt) == a.free_symbols | b.free_symbols  # a point where they differ
        assert (a - b).subs(pt) != 0


def test_numeric_equal_unhashable_is_computed_not_cached():
    M = Matrix([[x, 1]])  # a mutable matrix cannot be a cache key
    assert not equality._hashable(M)
    values = equality._values(M, (x,), 8, 30)  # no TypeError: evaluated without the cache
    assert values is None or len(values) == 16


def test_quantile_and_p_value_agree_with_scipy_cached_or_not():
    stats = pytest.importorskip("scipy.stats", reason="scipy is the independent reference")
    critical._quantile_cached.cache_clear()
    critical._p_value_cached.cache_clear()
    for _ in range(2):  # fresh, then from the cache
        t = critical.critical_value("t", Rational(5, 100), "two-sided", df=15)
        assert abs(float(t) - stats.t.isf(0.025, 15)) < 1e-12
        p = critical.p_value("t", Rational(5, 2), "two-sided", df=24)
        assert abs(float(p) - 2 * stats.t.sf(2.5, 24)) < 1e-14
    assert critical._quantile_cached.cache_info().hits >= 1
    assert critical._p_value_cached.cache_info().hits >= 1
    # unhashable degrees of freedom (a list): computed, not remembered
    f = critical.quantile("f", Rational(5, 100), df=[2, 10], upper=True)
    assert abs(float(f) - stats.f.isf(0.05, 2, 10)) < 1e-12

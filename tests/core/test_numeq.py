"""The numeric rung of ``same_value``: true identities hold, false ones still fail.

Reference identities are textbook ones (hand values), not our own output.
"""

from __future__ import annotations

import pytest
from sympy import (
    Abs,
    Derivative,
    Function,
    Integer,
    Matrix,
    Piecewise,
    Rational,
    Symbol,
    cos,
    cosh,
    exp,
    log,
    sec,
    sign,
    sin,
    sqrt,
    tan,
)

from symbolic_mlmath.core.numeq import numeric_same, sample_points
from symbolic_mlmath.core.verify import same_value

x, y = Symbol("x"), Symbol("y")
s = 1 / (1 + exp(-x))

TRUE = [
    (sec(x) ** 2, 1 + tan(x) ** 2),
    (Derivative(tan(x), x), sec(x) ** 2),
    (sin(x) ** 2 + cos(x) ** 2, Integer(1)),
    (s * (1 - s), exp(-x) / (1 + exp(-x)) ** 2),
    (s * (1 - s), 1 / (4 * cosh(x / 2) ** 2)),
    (Derivative(log(1 + exp(x)), x), s),
    (Derivative(Abs(x), x), Piecewise((-1, x < 0), (1, x > 0))),
    (sin(x + y), sin(x) * cos(y) + cos(x) * sin(y)),
    (log(x * y), log(x) + log(y)),  # true on the real domain both sides share (x, y > 0)
]
FALSE = [
    (sec(x) ** 2, tan(x) ** 2),
    (s, 1 / (1 + exp(x))),
    (Derivative(tan(x), x), cos(x) ** -1),
    (sin(2 * x), 2 * sin(x)),
    (sin(x + y), sin(x) * cos(y)),
    (x ** 2, x ** 2 + Rational(1, 10**12)),  # differs only far below double precision
    (sqrt(x ** 2), x),  # |x| ≠ x at negative points
    (sign(x), 1),
]


@pytest.mark.parametrize(("a", "b"), TRUE, ids=[str(a) for a, _ in TRUE])
def test_true_identities_hold(a, b):
    assert numeric_same(a, b) is True
    assert same_value(a, b) and same_value(b, a)


@pytest.mark.parametrize(("a", "b"), FALSE, ids=[str(a) for a, _ in FALSE])
def test_false_identities_fail(a, b):
    assert numeric_same(a, b) is False
    assert not same_value(a, b) and not same_value(b, a)


def test_undecided_is_not_true():
    f = Function("f")
    assert numeric_same(f(x), f(x) + 0 * x + 1) is None  # no point can be evaluated
    assert not same_value(f(x), f(x) + 1)
    assert numeric_same(sqrt(-1 - x ** 2), sqrt(-1 - x ** 2) + 1) is None  # never real
    big = sum(sin(k * x) for k in range(1, 600))
    assert numeric_same(big, big + 1, max_ops=100) is None


def test_matrices_use_the_rung_entrywise():
    assert same_value(Matrix([[sec(x) ** 2, 1]]), Matrix([[1 + tan(x) ** 2, 1]]))
    assert not same_value(Matrix([[sec(x) ** 2, 1]]), Matrix([[tan(x) ** 2, 1]]))


def test_points_respect_assumptions_and_are_seeded():
    p, n, k = Symbol("p", positive=True), Symbol("n", negative=True), Symbol("k", integer=True)
    pts = sample_points([p, n, k], count=8)
    assert all(pt[p] > 0 and pt[n] < 0 and pt[k].is_Integer for pt in pts)
    assert pts == sample_points([p, n, k], count=8)
    assert numeric_same(sqrt(p ** 2), p) is True

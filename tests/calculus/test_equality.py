"""The exact rung of calculus equality: a zero numerator over a common denominator proves
``a == b``; it never claims equality that 30-digit values at random points deny."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Rational, Symbol, diff, exp, sin, sqrt, together

from symbolic_mlmath.calculus import equality
from symbolic_mlmath.calculus.equality import exact_equal, numeric_equal

x = Symbol("x")


def test_a_nested_rational_derivative_is_proved_equal_without_cancel():
    # Found by a CI seed: cancel took seconds on the expansion; the polynomial numerator
    # of the difference over a common denominator is zero.
    e = (-Rational(1, 3) + 3 / (1 + (x**2 + 1) ** -2)) ** 3
    ours = diff(e, x)
    theirs = together(ours)  # the same function written over one denominator
    assert ours != theirs
    assert equality._numerator_vanishes(ours - theirs)  # the fast rung decides it
    assert exact_equal(ours, theirs) is True


def test_different_functions_are_never_called_equal():
    assert exact_equal(sin(x) / (1 + x), sin(x) / (1 + x) + x**-9) is not True
    assert exact_equal(sqrt(x) * exp(x), exp(x) * x) is not True
    assert exact_equal(1 / (x + 1), 1 / (x + 2)) is not True


_atoms = st.sampled_from([x, exp(x), sin(x), sqrt(x), x**2 + 1])
_terms = st.builds(lambda c, a, b: c * a / (b + 2), st.integers(-3, 3), _atoms, _atoms)


@settings(max_examples=40, deadline=None)
@given(st.lists(_terms, min_size=1, max_size=4), st.lists(_terms, min_size=1, max_size=4))
def test_exact_equality_agrees_with_values(p, q):
    a, b = sum(p), sum(q)
    if exact_equal(a, b) is True:
        assert numeric_equal(a, b)[0] is not False
    if numeric_equal(a, b)[0] is False:
        assert exact_equal(a, b) is not True

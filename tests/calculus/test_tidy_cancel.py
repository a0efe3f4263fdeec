"""tidy: the cancel strategy is skipped only where it cannot win (a fraction of
non-proportional linear forms in independent generators); there the result is unchanged."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Mul, Symbol, cancel, exp, symbols

from symbolic_mlmath.calculus import tidy as T

z1, z2, z3, x = symbols("z1 z2 z3 x")
GENS = (exp(z1), exp(z2), exp(z3), x)


def test_softmax_hessian_entries_skip_cancel():
    S = exp(z1) + exp(z2) + exp(z3)
    assert T._factored_beyond_cancel(-exp(z1) * exp(z2) / S**2)
    assert T._factored_beyond_cancel((exp(z2) + exp(z3)) * exp(z1) / S**2)


def test_common_factors_are_not_skipped():
    y = Symbol("y")
    assert not T._factored_beyond_cancel((2 * x + 2 * y) / (x + y))  # proportional forms
    assert not T._factored_beyond_cancel(x / (x**2 + x))  # not linear: content x
    assert not T._factored_beyond_cancel(exp(2 * z1) / (exp(z1) + exp(z2)))  # not a generator
    assert not T._factored_beyond_cancel((x + 1) * (x - 1) / (x + 2))  # two top factors
    assert not T._factored_beyond_cancel((-2 * x - exp(z2)) / (-exp(z1) - exp(z2)))  # signs
    assert not T._factored_beyond_cancel((3 * x + 3 * exp(z2)) / (exp(z1) + x))  # content 3
    assert T.tidy((x + 1 - x) / (x + 1) ** 2)[0] == 1 / (x + 1) ** 2
    # found by a CI seed: cancel wins by taking the minus signs out of both forms
    assert not T._factored_beyond_cancel((-exp(z1) - exp(z2)) / (-exp(z1) - 2 * exp(z2)))


_forms = st.lists(st.tuples(st.sampled_from(GENS), st.sampled_from([1, 1, 1, -1, 2, -3])),
                  min_size=2, max_size=4, unique_by=lambda t: t[0])


@settings(max_examples=40, deadline=None)
@given(_forms, _forms, st.integers(1, 3), st.lists(st.sampled_from(GENS), max_size=2))
def test_where_skipped_cancel_would_not_have_won(top, bottom, k, monos):
    A = sum(c * g for g, c in top)
    B = sum(c * g for g, c in bottom)
    e = Mul(*monos) * A / B**k
    if T._factored_beyond_cancel(e):
        num, den = cancel(e).as_numer_denom()
        assert not (T._ops(num / den) < T._ops(e) - 1)
        assert T._ops(T._cancel(e)) >= T._ops(e) - 1

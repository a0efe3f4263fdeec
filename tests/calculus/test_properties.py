"""Property tests: random expression trees from the supported functions.

For every tree the derivation validates (each node equals SymPy's diff of its own input,
the steps chain, the tidy-up keeps the value) and its result equals ``sympy.diff`` at
seeded points (mpmath, 30 digits). A random slip in one node is always caught.
"""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sympy import (
    Abs,
    Integer,
    Max,
    Rational,
    Symbol,
    asinh,
    atan,
    cos,
    cosh,
    diff,
    exp,
    log,
    nan,
    oo,
    sin,
    sqrt,
    tanh,
    zoo,
)

from symbolic_mlmath.calculus.differentiation import derive_derivative
from symbolic_mlmath.calculus.equality import numeric_equal, real_symbols
from symbolic_mlmath.calculus.functions import sigmoid, softplus, to_elementary

x = Symbol("x")
a = Symbol("a")



def _relu(e):
    """max(0, e), or |e| when e is a number off the real line (sqrt(-1))."""
    if e.is_number and not e.is_comparable:
        return Abs(e)
    return Max(0, e)


UNARY = [sin, cos, exp, tanh, sigmoid, softplus, atan, asinh, cosh,
         lambda e: log(1 + e**2), lambda e: sqrt(1 + e**2), Abs, _relu]
BINARY = [lambda p, q: p + q, lambda p, q: p - q, lambda p, q: p * q,
          lambda p, q: p / (1 + q**2), lambda p, q: p**2 * q]

leaves = st.one_of(
    st.just(x), st.just(x), st.just(a * x),
    st.integers(-3, 3).filter(bool).map(Integer),
    st.fractions(min_value=-3, max_value=3, max_denominator=4).filter(bool).map(
        lambda f: Rational(f.numerator, f.denominator)),
    st.sampled_from([x**2, x**3 - x, 1 / (1 + x**2), x ** Rational(1, 3) + 2]),
)


def _extend(children):
    return st.one_of(
        st.builds(lambda f, e: f(e), st.sampled_from(UNARY), children),
        st.builds(lambda f, p, q: f(p, q), st.sampled_from(BINARY), children, children),
        st.builds(lambda e, n: e**n, children, st.sampled_from([2, 3, -1, Rational(1, 2)])),
    )


exprs = st.recursive(leaves, _extend, max_leaves=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exprs)
def test_every_derivation_validates_and_equals_sympy(e):
    assume(not e.has(zoo, nan, oo))
    if not e.has(x):
        e = e + x
    d = derive_derivative(e, x)
    d.validate()
    (er,), back = real_symbols(e)
    xr = next(s for s in er.free_symbols if s.name == "x")
    ref = diff(to_elementary(er), xr).xreplace(back)
    ok, point = numeric_equal(to_elementary(d.result), ref)
    assert ok is not False, (e, d.result, point)


@settings(max_examples=25, deadline=None)
@given(exprs, st.data())
def test_a_changed_node_is_always_caught(e, data):
    from sympy import Derivative

    from symbolic_mlmath.core.steps import Step
    from symbolic_mlmath.core.verify import verify_step

    assume(not e.has(zoo, nan, oo))
    if not e.has(x):
        e = e + x
    d = derive_derivative(e, x)
    nodes = [s for top in d.steps for s in top.walk() if isinstance(s.before, Derivative)]
    step = data.draw(st.sampled_from(nodes))
    wrong = data.draw(st.sampled_from([step.after + 1, step.after + x, 2 * step.after + 1,
                                       step.after * x + 1]))
    assume((wrong - step.after).expand() != 0)
    bad = Step(step.rule, step.before, wrong, step.given, step.substeps)
    assert verify_step(bad) is not None

"""The numeric bridge: cheaper forms keep their value, compiled code agrees with SymPy's
own lambdify and with mpmath, exact mode agrees with exact SymPy, descent paths agree
with a plain numpy loop."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Rational, exp, lambdify, log, sin, sqrt, symbols, tanh

from symbolic_mlmath.calculus.bridge import (
    as_numeric,
    descent_path,
    is_rational_function,
    numeric_form,
)

w, b, x, y = symbols("w b x y")
SIG = 1 / (1 + exp(-(w * x + b)))
LOGLOSS = -y * log(SIG) - (1 - y) * log(1 - SIG)


def _tree(draw_leaf, depth):
    """A strategy of random expressions in x and y built from the ML functions."""
    leaf = st.one_of(st.sampled_from([x, y, w]), st.integers(-3, 3).map(Rational))
    if depth == 0:
        return leaf
    sub = _tree(draw_leaf, depth - 1)
    return st.one_of(
        leaf,
        st.tuples(sub, sub).map(lambda t: t[0] + t[1]),
        st.tuples(sub, sub).map(lambda t: t[0] * t[1]),
        sub.map(lambda e: 1 / (1 + exp(-e))),
        sub.map(lambda e: exp(-e)),
        sub.map(lambda e: log(1 + exp(e))),
        sub.map(lambda e: e**2),
        sub.map(tanh),
        sub.map(sin),
    )


EXPRS = _tree(None, 3)


def _mp_value(expr, point):
    f = lambdify([w, x, y], expr, "mpmath")
    with mpmath.workdps(40):
        return f(*[mpmath.mpf(v) for v in point])


@settings(max_examples=40, deadline=None)
@given(EXPRS, st.tuples(*[st.integers(-20, 20)] * 3))
def test_numeric_form_keeps_the_value(expr, pt):
    point = [Rational(v, 7) for v in pt]
    for e in (expr, expr.diff(x), expr.diff(w)):
        tidy = numeric_form(e)
        try:
            want = _mp_value(e, point)
        except (ZeroDivisionError, ValueError, OverflowError):
            continue
        got = _mp_value(tidy, point)
        assert abs(got - want) <= mpmath.mpf(10) ** -25 * max(1, abs(want)), (e, tidy)


@settings(max_examples=40, deadline=None)
@given(EXPRS)
def test_compiled_code_agrees_with_sympy_lambdify(expr):
    grads = [expr, expr.diff(x), expr.diff(w)]
    ours = as_numeric(grads, [w, x, y])
    ref = lambdify([w, x, y], grads, "numpy")
    rng = np.random.default_rng(3)
    W, X, Y = rng.uniform(-2, 2, (3, 50))
    with np.errstate(all="ignore"):
        got = [np.broadcast_to(v, X.shape) for v in ours(W, X, Y)]
        want = [np.broadcast_to(v, X.shape) for v in ref(W, X, Y)]
    for g, r in zip(got, want, strict=True):
        ok = np.isfinite(r) & (np.abs(r) < 1e12)
        assert np.allclose(g[ok], r[ok], rtol=1e-9, atol=1e-12)


def test_log_loss_gradient_becomes_sigmoid_minus_label():
    gw = numeric_form(LOGLOSS.diff(w))
    assert gw.count_ops() < LOGLOSS.diff(w).count_ops() / 3
    f = as_numeric([LOGLOSS.diff(w), LOGLOSS.diff(b)], [w, b, x, y])
    rng = np.random.default_rng(0)
    X = rng.normal(size=1000)
    Y = (rng.random(1000) < 0.5).astype(float)
    p = 1 / (1 + np.exp(-(0.7 * X - 0.2)))
    gw_hand, gb_hand = np.mean((p - Y) * X), np.mean(p - Y)
    got = [float(np.mean(v)) for v in f(0.7, -0.2, X, Y)]
    assert got == pytest.approx([gw_hand, gb_hand], rel=1e-12)


def test_extreme_inputs_do_not_give_nan():
    f = as_numeric([LOGLOSS.diff(w)], [w, b, x, y])
    with np.errstate(over="ignore"):
        v = f(1.0, 0.0, np.array([-800.0, 800.0]), np.array([1.0, 0.0]))[0]
    assert np.all(np.isfinite(v))


def test_exact_mode_is_exact():
    e = Rational(1, 3) * x**2 * y - 1 / x + x * y**-2 + (x + y) ** 3 / (x - y) ** 2
    assert is_rational_function(e)
    f = as_numeric([e], [x, y], mode="exact")
    for px, py in [(Rational(1, 2), Rational(3)), (Rational(-7, 5), Rational(2, 9))]:
        got = f(Fraction(int(px.p), int(px.q)), Fraction(int(py.p), int(py.q)))[0]
        assert Rational(got.numerator, got.denominator) == e.subs({x: px, y: py})


def test_exact_mode_refuses_transcendental_functions():
    assert not is_rational_function(exp(x))
    with pytest.raises(ValueError, match="rational functions"):
        as_numeric([exp(x)], [x], mode="exact")


def test_mpmath_mode_carries_the_working_precision():
    f = as_numeric([sqrt(x) + exp(-x) / 3], [x], mode="mpmath")
    with mpmath.workdps(50):
        got = f(mpmath.mpf(2))[0]
        want = mpmath.sqrt(2) + mpmath.exp(-2) / 3
        assert abs(got - want) < mpmath.mpf(10) ** -48


@pytest.mark.parametrize("eta", [0.01, 0.05, 0.1])
def test_descent_path_equals_a_numpy_loop(eta):
    f = (x - 1) ** 2 + 3 * (y + 2) ** 2 + sin(x * y) / 2
    grad = [f.diff(x), f.diff(y)]
    path, why = descent_path(grad, [x, y], [0.5, 0.5], eta, 300)
    p = np.array([0.5, 0.5])
    ref = [p]
    for _ in range(300):
        g = np.array([2 * (p[0] - 1) + np.cos(p[0] * p[1]) * p[1] / 2,
                      6 * (p[1] + 2) + np.cos(p[0] * p[1]) * p[0] / 2])
        p = p - eta * g
        ref.append(p)
    assert why == "iterations"
    assert np.allclose(path, np.array(ref), rtol=1e-12, atol=1e-14)


def test_descent_path_reports_divergence_and_tolerance():
    _, why = descent_path([2 * x], [x], [1.0], 1.5, 10_000)
    assert why == "diverged"
    path, why = descent_path([2 * x], [x], [1.0], 0.25, 10_000, tolerance=1e-6)
    assert why == "tolerance" and abs(2 * path[-1][0]) <= 1e-6
    _, why = descent_path([exp(x)], [x], [1.0], -50.0, 100)  # exp overflows
    assert why == "diverged"

"""Generated workings for partial_derivative, gradient, hessian and newton_method: correct
workings built from SymPy's ``diff`` (and Newton iterates computed with exact Fractions here)
must pass; a single slip must be caught at its line, whatever the seed."""

from __future__ import annotations

import random
from fractions import Fraction

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sympy import Integer, Symbol, cos, diff, exp, expand, sin

import symbolic_mlmath as sm

x, y = Symbol("x"), Symbol("y")
UNARY = [sin, cos, exp, lambda e: e**2]
BINARY = [lambda p, q: p + q, lambda p, q: p - q, lambda p, q: p * q]
leaves = st.one_of(st.just(x), st.just(y), st.just(x * y), st.just(x**2),
                   st.integers(-3, 3).filter(bool).map(Integer))
trees = st.recursive(leaves, lambda ch: st.one_of(
    st.builds(lambda f, e: f(e), st.sampled_from(UNARY), ch),
    st.builds(lambda f, p, q: f(p, q), st.sampled_from(BINARY), ch, ch)), max_leaves=4)

_SETTINGS = settings(max_examples=15, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _txt(e) -> str:
    return str(e).replace("**", "^")


@_SETTINGS
@given(trees, st.sampled_from([x, y]), st.integers(1, 3), st.integers(0, 1))
def test_generated_partial_derivative_workings(f, v, k, where):
    assume({x, y} <= f.free_symbols)
    d = diff(f, v)  # SymPy is the reference
    assume(d != 0 and d.count_ops() < 50 and len(str(expand(d))) < 400)
    lines = [_txt(d), _txt(expand(d))]
    inputs = {"expr": _txt(f), "var": str(v)}
    v1 = sm.check("partial_derivative", working=lines, **inputs)
    assert v1.correct is True, v1.to_text()
    bad = list(lines)
    bad[where] = _txt(expand(d) + k * x * y)  # one slip: a term that should not be there
    v2 = sm.check("partial_derivative", working=bad, **inputs)
    assert v2.first_wrong_step == where, v2.to_text()
    assert v2.lines[where].mistake is not None


@_SETTINGS
@given(trees, st.integers(0, 10**6), st.integers(1, 3))
def test_generated_gradient_and_hessian_workings(f, seed, k):
    assume({x, y} <= f.free_symbols)
    grad = [diff(f, x), diff(f, y)]
    hess = [diff(f, x, x), diff(f, x, y), diff(f, y, y)]
    assume(all(g.count_ops() < 50 for g in grad + hess))
    inputs = {"expr": _txt(f), "vars": "x, y"}
    g_lines = [f"f_x = {_txt(grad[0])}", f"f_y = {_txt(grad[1])}"]
    h_lines = [f"f_xx = {_txt(hess[0])}", f"f_xy = {_txt(hess[1])}", f"f_yy = {_txt(hess[2])}"]
    v = sm.check("gradient", working=g_lines, **inputs)
    assert v.correct is True, v.to_text()
    v = sm.check("hessian", working=h_lines, **inputs)
    assert v.correct is True, v.to_text()
    rng = random.Random(seed)
    i = rng.randrange(2)
    bad = list(g_lines)
    bad[i] = f"{bad[i].split(' = ')[0]} = {_txt(grad[i] + k * x)}"
    v = sm.check("gradient", working=bad, **inputs)
    assert v.first_wrong_step == i, v.to_text()
    assert v.lines[i].mistake is not None
    j = rng.randrange(3)
    bad = list(h_lines)
    bad[j] = f"{bad[j].split(' = ')[0]} = {_txt(hess[j] + k * y)}"
    v = sm.check("hessian", working=bad, **inputs)
    assert v.first_wrong_step == j, v.to_text()
    assert v.lines[j].mistake is not None


@st.composite
def root_problems(draw):
    kind = draw(st.sampled_from(["square", "cube", "quadratic"]))
    if kind == "square":
        a = draw(st.integers(2, 30))
        return [-a, 0, 1], draw(st.integers(1, 6)), 3  # x^2 - a
    if kind == "cube":
        a = draw(st.integers(2, 30))
        return [-a, 0, 0, 1], draw(st.integers(1, 4)), 2  # x^3 - a
    r, s = draw(st.integers(-5, 5)), draw(st.integers(-5, 5))
    return [r * s, -(r + s), 1], draw(st.integers(-6, 6)), 3  # (x - r)(x - s)


def _poly(cs: list, t: Fraction) -> Fraction:
    return sum((c * t**k for k, c in enumerate(cs)), Fraction(0))


def _dpoly(cs: list, t: Fraction) -> Fraction:
    return sum((k * c * t ** (k - 1) for k, c in enumerate(cs) if k), Fraction(0))


def _poly_text(cs: list) -> str:
    return " + ".join(f"({c})*x^{k}" for k, c in enumerate(cs) if c)


@_SETTINGS
@given(root_problems(), st.integers(0, 10**6), st.sampled_from([1, -1, Fraction(1, 2)]))
def test_generated_newton_tables_and_a_slipped_iterate(problem, seed, delta):
    cs, x0, steps = problem
    p = Fraction(x0)
    lines = []
    for k in range(1, steps + 1):  # the exact reference: x - f(x)/f'(x), with Fractions
        d = _dpoly(cs, p)
        assume(d != 0)
        p = p - _poly(cs, p) / d
        lines.append(f"x{k} = {p}")
    inputs = {"f": _poly_text(cs), "x0": str(x0), "iterations": str(steps)}
    v = sm.check("newton_method", working=lines, **inputs)
    assert v.correct is True, v.to_text()
    k = random.Random(seed).randrange(steps)
    wrong = Fraction(lines[k].split(" = ")[1]) + delta
    bad = list(lines)
    bad[k] = f"x{k + 1} = {wrong}"
    v = sm.check("newton_method", working=bad, **inputs)
    assert v.first_wrong_step == k, v.to_text()
    assert v.lines[k].mistake is not None

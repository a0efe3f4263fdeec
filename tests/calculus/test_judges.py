"""Working checks for calculus: derivatives and partial derivatives (each line equal to the one
before, the rule named, the slip named from the rule tree), gradients and Hessians (a line per
component), and the iterates of gradient descent and Newton's method (the first wrong iterate
named, later ones judged from the learner's value).

Tables of real-looking workings (hand values), and generated ones: correct workings built from
``sympy.diff`` and exact iteration must pass, single slips must be caught at their line."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sympy import Integer, Rational, Symbol, cos, diff, exp, expand, log, sin, sqrt

import symbolic_mlmath as sm
from symbolic_mlmath.core.working import NOTE_MISMATCH

X2Y = {"expr": "x^2 y", "vars": "x, y"}
XS = {"expr": "x^2 y + sin(x y)", "vars": "x, y"}
GD = {"expr": "x^2 + 3y^2", "vars": "x, y", "x0": "[1, 1]", "learning_rate": "0.1",
      "iterations": "2"}
GD1 = {"expr": "x^2", "x0": "1", "learning_rate": "0.1", "iterations": "3"}
NW = {"f": "x^2 - 2", "x0": "1", "iterations": "3"}
NWO = {"f": "x^3 - 3x", "x0": "2", "iterations": "1", "mode": "optimize"}
BP = {"expr": "L", "var": "w", "where": "z = w x + b, a = sigma(z), L = (a - y)^2"}

# task, inputs, working, correct, first wrong line, mistake at that line
CASES = [
    # ---- derivative: correct
    ("derivative", {"expr": "x^2 sin(x)"}, ["d/dx(x^2) sin(x) + x^2 d/dx(sin x)",
                                             "2x sin(x) + x^2 cos(x)"], True, None, None),
    ("derivative", {"expr": "x^2 sin(x)"}, ["f'(x) = 2x sin(x) + x^2 cos(x)",
                                             "= x(2 sin(x) + x cos(x))"], True, None, None),
    ("derivative", {"expr": "sin(x^2)"}, ["by the chain rule: 2x cos(x^2)"], True, None, None),
    ("derivative", {"expr": "sin(x)/x"}, ["(x cos(x) - sin(x))/x^2", "cos(x)/x - sin(x)/x^2"],
     True, None, None),
    ("derivative", {"expr": "x^2 + 3x", "at": "x = 2"}, ["f'(x) = 2x + 3", "f'(2) = 7"],
     True, None, None),
    ("derivative", {"expr": "sigma(x)"}, ["sigma(x)(1 - sigma(x))"], True, None, None),
    ("derivative", {"expr": "e^(2x) x"}, ["# product rule", "2e^(2x) x + e^(2x)", "",
                                           "e^(2x)(2x + 1)"], True, None, None),
    # ---- derivative: slips
    ("derivative", {"expr": "x^2 sin(x)"}, ["2x sin x"], False, 0, "product rule term missing"),
    ("derivative", {"expr": "x^2 sin(x)"}, ["2x cos(x)"], False, 0, "product of derivatives"),
    ("derivative", {"expr": "sin(x^2)"}, ["cos(x^2)"], False, 0, "inner derivative missing"),
    ("derivative", {"expr": "sin(x^2)"}, ["by the product rule: 2x cos(x^2)"], False, 0,
     NOTE_MISMATCH),
    ("derivative", {"expr": "x^3"}, ["3x^3"], False, 0, "exponent not lowered"),
    ("derivative", {"expr": "e^(2x)"}, ["e^(2x)"], False, 0, "inner derivative missing"),
    ("derivative", {"expr": "ln(2x)"}, ["1/(2x)"], False, 0, "inner derivative missing"),
    ("derivative", {"expr": "sin(x)/x"}, ["(sin(x) - x cos(x))/x^2"], False, 0,
     "quotient rule sign"),
    ("derivative", {"expr": "sin(x)/x"}, ["(x cos(x) - sin(x))/x"], False, 0,
     "quotient denominator not squared"),
    ("derivative", {"expr": "x^2 + 3x"}, ["2x + 3", "2x - 3"], False, 1, "sign error"),
    ("derivative", {"expr": "x^2 + 3x"}, ["2x + 3", "2x"], False, 1, "term dropped"),
    ("derivative", {"expr": "x^2 + 3x", "at": "x = 2"}, ["2x + 3", "f'(2) = 8"], False, 1,
     "arithmetic slip"),
    ("derivative", {"expr": "cos(3x)"}, ["3 sin(3x)"], False, 0, "cosine sign"),
    ("derivative", {"expr": "x^2 + 3x"}, ["2x + 3"], True, None, None),
    ("derivative", {"expr": "x^2 + 3x", "at": "x = 2"}, ["2x + 3"], False, None, None),
    # ---- partial_derivative
    ("partial_derivative", {"expr": "x^2 y + y", "var": "x"}, ["2xy"], True, None, None),
    ("partial_derivative", {"expr": "x^2 y + y", "var": "y"}, ["∂f/∂y = x^2 + 1"], True, None,
     None),
    ("partial_derivative", {"expr": "x^2 y + y", "var": "x"}, ["2x"], False, 0,
     "constant factor dropped"),
    ("partial_derivative", {"expr": "e^(x y)", "var": "x"}, ["e^(x y)"], False, 0,
     "inner derivative missing"),
    ("partial_derivative", {"expr": "e^(x y)", "var": "x"}, ["y e^(xy)"], True, None, None),
    ("partial_derivative", BP, ["dL/dw = 2(a - y) a (1 - a) x"], True, None, None),
    ("partial_derivative", BP, ["∂L/∂a = 2(a - y)", "2(a - y) a(1 - a) x"], False, 0,
     "inner derivative missing"),
    ("partial_derivative", BP, ["2(a - y) a (1 - a)"], False, 0, "inner derivative missing"),
    ("partial_derivative", {"expr": "x^3 y^2", "var": "y"}, ["2x^3 y", "2yx^3"], True, None,
     None),
    ("partial_derivative", {"expr": "x^3 y^2", "var": "y"}, ["3x^2 y^2"], False, 0,
     "wrong variable"),
    ("partial_derivative", {"expr": "x^3 y^2", "var": "y"}, ["2x^3 y", "2x^3 y^2"], False, 1,
     "algebra slip"),
    # ---- gradient
    ("gradient", X2Y, ["∂f/∂x = 2xy", "∂f/∂y = x^2"], True, None, None),
    ("gradient", X2Y, ["∇f = [2xy, x^2]"], True, None, None),
    ("gradient", X2Y, ["f_y = x^2", "f_x = 2x y"], True, None, None),
    ("gradient", X2Y, ["2xy", "x^2"], True, None, None),
    ("gradient", XS, ["f_x = 2x y + y cos(x y)", "f_y = x^2 + x cos(x y)"], True, None, None),
    ("gradient", X2Y, ["∇f = [2xy, x^2 + 1]"], False, 0, "arithmetic slip"),
    ("gradient", X2Y, ["f_x = x^2", "f_y = 2xy"], False, 0, "wrong variable"),
    ("gradient", X2Y, ["f_x = 2xy + x^2", "f_y = x^2"], False, 0,
     "other variable not held constant"),
    ("gradient", XS, ["f_x = 2x y + cos(x y)", "f_y = x^2 + x cos(x y)"], False, 0,
     "inner derivative missing"),
    ("gradient", X2Y, ["f_x = 2xy", "f_y = 2x"], False, 1, "arithmetic slip"),
    ("gradient", X2Y, ["f_x = 2xy"], False, None, None),
    # ---- hessian
    ("hessian", X2Y, ["f_xx = 2y", "f_xy = 2x", "f_yy = 0"], True, None, None),
    ("hessian", X2Y, ["H = [[2y, 2x], [2x, 0]]"], True, None, None),
    ("hessian", X2Y, ["f_x = 2xy", "f_y = x^2", "f_xx = 2y", "f_xy = 2x", "f_yy = 0"],
     True, None, None),
    ("hessian", {"expr": "x^3 + x y^2", "vars": "x, y"},
     ["∂²f/∂x² = 6x", "∂²f/∂x∂y = 2y", "∂²f/∂y² = 2x"], True, None, None),
    ("hessian", X2Y, ["f_x = 2x", "f_y = x^2", "f_xx = 2", "f_xy = 0", "f_yy = 0"], False, 0,
     "constant factor dropped"),
    ("hessian", X2Y, ["f_xx = 2y", "f_xy = x", "f_yy = 0"], False, 1, "arithmetic slip"),
    ("hessian", X2Y, ["H = [[2y, 2x], [2x, 1]]"], False, 0, "arithmetic slip"),
    ("hessian", {"expr": "x^3 + x y^2", "vars": "x, y"},
     ["f_xx = 3x^2", "f_xy = 2y", "f_yy = 2x"], False, 0, "arithmetic slip"),
    ("hessian", X2Y, ["f_xx = 2y", "f_xy = 2x"], False, None, None),
    ("hessian", X2Y, ["f_xx = 2y", "f_yy = 0", "f_xy = -2x"], False, 2, "sign error"),
    # ---- gradient_descent
    ("gradient_descent", GD, ["∇f = [2x, 6y]", "x1 = (0.8, 0.4)", "x2 = (0.64, 0.16)"],
     True, None, None),
    ("gradient_descent", GD1, ["x_{k+1} = x_k - 0.1*2x_k", "x1 = 0.8", "x2 = 0.64",
                               "x3 = 0.512"], True, None, None),
    ("gradient_descent", GD1, ["k=1: 0.8", "k=2: 0.64", "k = 3: 0.51"], True, None, None),
    ("gradient_descent", GD1, ["x1 = 1 - 0.1*2*1 = 0.8", "x2 = 0.64", "x3 = 0.512"],
     True, None, None),
    ("gradient_descent", GD, ["x1 = (0.8, 0.4)", "x2 = (0.64, 0.24)"], False, 1,
     "arithmetic slip"),
    ("gradient_descent", GD, ["x1 = (1.2, 1.6)", "x2 = (1.44, 2.56)"], False, 0, "step uphill"),
    ("gradient_descent", GD, ["x1 = (-1, -5)", "x2 = (1, 25)"], False, 0,
     "learning rate missing"),
    ("gradient_descent", GD, ["x1 = (0.8, 0.4)", "x2 = (0.6, -0.2)"], False, 1,
     "gradient at the start point"),
    ("gradient_descent", GD1, ["x1 = 0.8", "x2 = 0.65", "x3 = 0.52"], False, 1,
     "arithmetic slip"),
    ("gradient_descent", GD1, ["∇f = 2x^2", "x1 = 0.8"], False, 0, "wrong formula"),
    ("gradient_descent", GD, ["x1 = (0.8, 0.4)"], False, None, None),
    # ---- newton_method
    ("newton_method", NW, ["f'(x) = 2x", "x1 = 1 - (1-2)/2 = 1.5", "x2 = 1.4167",
                           "x3 = 1.4142"], True, None, None),
    ("newton_method", NW, ["x1 = 1.5", "x2 = 17/12", "x3 = 577/408"], True, None, None),
    ("newton_method", NW, ["x1 = 1.5", "x2 = 1.42", "x3 = 1.4142"], True, None, None),
    ("newton_method", NWO, ["f'(x) = 3x^2 - 3", "f''(x) = 6x", "x1 = 2 - 9/12 = 1.25"],
     True, None, None),
    ("newton_method", NW, ["x1 = 0.5"], False, 0, "step uphill"),
    ("newton_method", {"f": "(x - 2)(x - 3)", "x0": "1", "iterations": "2"},
     ["x1 = 5/3", "x2 = 2.5", "x3 = 3"], False, 1, "arithmetic slip"),
    ("newton_method", NW, ["x1 = 3"], False, 0, "fraction upside down"),
    ("newton_method", NW, ["x1 = 1.5", "x2 = 1.5", "x3 = 1.4167"], False, 1, "arithmetic slip"),
    ("newton_method", NWO, ["x1 = 2 - 2/9"], False, 0, "root formula for an optimum"),
    ("newton_method", NWO, ["x1 = 2.75"], False, 0, "step uphill"),
    ("newton_method", NW, ["x1 = 1.5", "x2 = 1.4167"], False, None, None),
    ("newton_method", {"f": "x^2 - 2", "x0": "2", "iterations": "1"}, ["x1 = 1.5"], True,
     None, None),
]


@pytest.mark.parametrize(("task", "inputs", "working", "correct", "first", "mistake"), CASES)
def test_calculus_working_table(task, inputs, working, correct, first, mistake):
    v = sm.check(task, working=working, **inputs)
    assert v.method == "working"
    assert v.correct is correct, v.to_text()
    assert v.first_wrong_step == first, v.to_text()
    if first is not None:
        line = next(ln for ln in v.lines if ln.index == first)
        assert line.follows is False
        assert line.mistake == mistake, v.to_text()
        assert all(ln.follows for ln in v.lines if ln.index < first)


def test_ten_cases_per_task():
    for task in ("derivative", "partial_derivative", "gradient", "hessian", "gradient_descent",
                 "newton_method"):
        assert sum(1 for c in CASES if c[0] == task) >= 10, task


def test_error_carried_forward_through_iterates():
    v = sm.check("gradient_descent", working=["x1 = (0.8, 0.5)", "x2 = (0.64, 0.2)"], **GD)
    assert [ln.follows for ln in v.lines] == [False, True]
    assert "Line 2 follows correctly from your line 1" in v.feedback
    v = sm.check("derivative", working=["2x sin x", "2 x sin(x) + 0"], expr="x^2 sin(x)")
    assert [ln.follows for ln in v.lines] == [False, True]


def test_unknown_names_and_rules_named():
    v = sm.check("derivative", working=["2x + q"], expr="x^2")
    assert v.lines[0].mistake == "unreadable line" and "q" in v.feedback
    v = sm.check("derivative", working=["2x cos(x^2)"], expr="sin(x^2)")
    assert v.lines[0].operation == "chain rule" and "trig derivative" in v.lines[0].feedback


# ------------------------------------------------------------------ generated workings
x = Symbol("x")
UNARY = [sin, cos, exp, lambda e: log(1 + e**2), lambda e: sqrt(1 + e**2)]
BINARY = [lambda p, q: p + q, lambda p, q: p - q, lambda p, q: p * q,
          lambda p, q: p / (1 + q**2)]
leaves = st.one_of(st.just(x), st.just(x**2), st.integers(-3, 3).filter(bool).map(Integer),
                   st.just(x**3 - x))
trees = st.recursive(leaves, lambda ch: st.one_of(
    st.builds(lambda f, e: f(e), st.sampled_from(UNARY), ch),
    st.builds(lambda f, p, q: f(p, q), st.sampled_from(BINARY), ch, ch)), max_leaves=4)

_SETTINGS = settings(max_examples=20, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@_SETTINGS
@given(trees, st.integers(1, 3), st.integers(0, 1))
def test_generated_derivative_workings_pass_and_slips_are_caught(f, k, where):
    assume(x in f.free_symbols)
    d = diff(f, x)  # SymPy is the reference, not our rule tree
    assume(d != 0 and d.count_ops() < 60)
    assume(len(str(expand(d))) < 400)  # keep each check fast on a loaded machine
    lines = [str(d), str(expand(d))]
    v = sm.check("derivative", working=lines, expr=str(f), var="x")
    assert v.correct is True, v.to_text()
    bad = list(lines)
    bad[where] = str(expand(d) + k * x)  # one slip: a term that should not be there
    v = sm.check("derivative", working=bad, expr=str(f), var="x")
    assert v.first_wrong_step == where, v.to_text()
    assert v.lines[where].mistake is not None


@st.composite
def quadratics(draw):
    a = draw(st.integers(1, 4))
    b = draw(st.integers(1, 4))
    c = draw(st.integers(-3, 3))
    x0 = draw(st.lists(st.integers(-3, 3), min_size=2, max_size=2))
    eta = Rational(1, draw(st.sampled_from([10, 20, 8])))
    return a, b, c, x0, eta


@_SETTINGS
@given(quadratics(), st.integers(0, 10**6), st.sampled_from([1, -1, Rational(1, 2)]))
def test_generated_descent_tables_and_a_slipped_iterate(q, seed, delta):
    a, b, c, x0, eta = q
    p = [Fraction(v) for v in x0]
    lines = []
    for k in range(1, 4):  # our own exact reference: x - eta * grad f, with Fractions
        g = [2 * a * p[0] + c * p[1], 2 * b * p[1] + c * p[0]]
        p = [pi - Fraction(eta.p, eta.q) * gi for pi, gi in zip(p, g, strict=True)]
        lines.append(f"x{k} = ({p[0]}, {p[1]})")
    inputs = {"expr": f"{a}x^2 + {b}y^2 + {c}x y", "vars": "x, y", "x0": str(x0),
              "learning_rate": str(eta), "iterations": "3"}
    v = sm.check("gradient_descent", working=lines, **inputs)
    assert v.correct is True, v.to_text()
    rng = random.Random(seed)
    k = rng.randrange(3)
    head, _, tail = lines[k].partition("(")
    first, second = tail.rstrip(")").split(", ")
    lines[k] = f"{head}({Fraction(first) + Fraction(str(delta))}, {second})"
    v = sm.check("gradient_descent", working=lines, **inputs)
    assert v.first_wrong_step == k, v.to_text()
    assert v.lines[k].mistake is not None


def test_no_newton_step_from_a_point_where_the_derivative_is_zero():
    # (x - 2)(x - 3) has f'(5/2) = 0: a learner's x1 = 5/2 leaves no Newton step
    v = sm.check("newton_method", working=["x1 = 5/2", "x2 = 3"], f="(x - 2)(x - 3)", x0="1",
                 iterations="2")
    assert v.first_wrong_step == 0 and v.lines[1].follows is False, v.to_text()
    assert v.lines[1].mistake == "no Newton step (the derivative is zero)", v.to_text()


@pytest.mark.parametrize(("task", "inputs", "working"), [
    ("derivative", {"expr": "x^2"}, ["oo"]), ("derivative", {"expr": "x^2"}, ["2x + oo"]),
    ("gradient", X2Y, ["f_x = oo"]), ("hessian", X2Y, ["H = [[zoo, 0], [0, 0]]"])])
def test_infinite_lines_are_unreadable_not_undecided(task, inputs, working):
    v = sm.check(task, working=working, **inputs)
    assert v.correct is False and v.lines[0].mistake == "unreadable line", v.to_text()

"""Critical points, their classification, global extremes, and checking answers.

References: hand values (the classic course problems), scipy.optimize for numeric roots
and minima, and SymPy's own solve/hessian for the exact points.
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.optimize
from sympy import Rational, Symbol, cos, exp, log, pi, sin, sqrt, symbols

import symbolic_mlmath as sm
from symbolic_mlmath.calculus.domain import read_domain
from symbolic_mlmath.calculus.extremes import derive_extreme
from symbolic_mlmath.calculus.optimization import derive_critical_points
from symbolic_mlmath.calculus.rules import CalculusRule as R
from symbolic_mlmath.core.errors import InputError

x, y, z, p, w = symbols("x y z p w")


def _pts(d, variables):
    return [(tuple(r["point"][v] for v in variables), r["kind"]) for r in d.result]


@pytest.mark.parametrize(("f", "variables", "domain", "want"), [
    (x**3 - 3 * x, (x,), None, [((-1,), "local_max"), ((1,), "local_min")]),
    (x**4, (x,), None, [((0,), "local_min")]),                     # f'' = 0: first-derivative test
    (-x**4, (x,), None, [((0,), "local_max")]),
    (x**3, (x,), None, [((0,), "saddle")]),                        # no sign change
    (x * log(x), (x,), "x > 0", [((exp(-1),), "local_min")]),
    (x**2 * log(x), (x,), None, [((exp(Rational(-1, 2)),), "local_min")]),  # log: x > 0 only
    (sin(x), (x,), "[0, 2 pi]", [((pi / 2,), "local_max"), ((3 * pi / 2,), "local_min")]),
    (x**3 - 3 * x + y**2, (x, y), None, [((-1, 0), "saddle"), ((1, 0), "local_min")]),
    (x**2 - y**2, (x, y), None, [((0, 0), "saddle")]),
    (x**4 + y**4, (x, y), None, [((0, 0), "inconclusive")]),        # D = 0
    (x**2 + y**2 + z**2 - x * y, (x, y, z), None, [((0, 0, 0), "local_min")]),
    (-(x**2) - y**2 - z**2 + 2 * x, (x, y, z), None, [((1, 0, 0), "local_max")]),
    (x**2 + y**2 - z**2, (x, y, z), None, [((0, 0, 0), "saddle")]),
    (exp(x), (x,), None, []),
])
def test_critical_points_table(f, variables, domain, want):
    d = derive_critical_points(f, variables, domain=domain)
    d.validate()
    assert _pts(d, variables) == want


def test_each_kind_has_its_test():
    d = derive_critical_points(x**3 - 3 * x + y**2, (x, y))
    assert {s.rule for s in d.steps} >= {R.SET_GRADIENT_ZERO, R.SOLVE_CRITICAL,
                                          R.DISCRIMINANT_TEST}
    d1 = derive_critical_points(x**4 - 2 * x**2, (x,))
    assert sum(s.rule is R.SECOND_DERIVATIVE_TEST for s in d1.steps) == 3
    d3 = derive_critical_points(x**2 + y**2 + z**2, (x, y, z))
    assert any(s.rule is R.HESSIAN_TEST for s in d3.steps)


def test_numeric_fallback_is_marked_and_agrees_with_scipy():
    f = cos(x) - x**2 / 10
    d = derive_critical_points(f, (x,), domain="[-10, 10]")
    d.validate()
    solve = next(s for s in d.steps if s.rule is R.SOLVE_CRITICAL)
    assert solve.given["numeric"]
    roots = sorted(float(r["point"][x]) for r in d.result)
    fp = lambda t: -np.sin(t) - t / 5  # noqa: E731
    for r in roots:
        assert scipy.optimize.brentq(fp, r - 0.05, r + 0.05) == pytest.approx(r, abs=1e-9)
    assert len(roots) == 5


def test_periodic_without_bounds_is_a_clear_error():
    with pytest.raises(InputError, match="infinitely many"):
        derive_critical_points(sin(x), (x,))


@pytest.mark.parametrize(("text", "want"), [
    ("x > 0", "Interval.open(0, oo)"), ("x >= 1", "Interval(1, oo)"), ("x < 2", "Interval.open(-oo, 2)"),
    ("-1 <= x < 3", "Interval.Ropen(-1, 3)"), ("[0, 1]", "Interval(0, 1)"),
    ("(0, 1]", "Interval.Lopen(0, 1)"), ("x in [0, 2 pi]", "Interval(0, 2*pi)"),
    ("5 > x", "Interval.open(-oo, 5)"),
])
def test_domain_reading(text, want):
    assert str(read_domain(text, (x,))[x]) == want


@pytest.mark.parametrize("bad", ["x > y", "0 < z < 1", "[1, 0]", "x >> 2", "x > 1, x < 0"])
def test_bad_domains_are_one_line_errors(bad):
    with pytest.raises(InputError):
        read_domain(bad, (x,))


def test_minimize_on_a_closed_interval_uses_the_ends():
    d = derive_extreme(x**3 - 3 * x, (x,), domain="[-3, 2]")
    d.validate()
    assert d.result == {"argmin": {x: -3}, "min": -18}
    d = derive_extreme(x**3 - 3 * x, (x,), goal="maximize", domain="[-3, 2]")
    assert d.result == {"argmax": {x: -1}, "max": 2}  # f(2) = 2 too: the first found is kept
    assert any(s.rule is R.BOUNDARY_VALUES for s in d.steps)


def test_squared_loss():
    xs, ys = [1, 2, 3, 4], [2, 3, 7, 8]
    f = sum((yi - w * xi) ** 2 for xi, yi in zip(xs, ys, strict=True))
    d = derive_extreme(f, (w,))
    d.validate()
    want = Rational(sum(a * b for a, b in zip(xs, ys, strict=True)), sum(a * a for a in xs))
    assert d.result["argmin"] == {w: want}
    ref = scipy.optimize.minimize_scalar(lambda t: sum((b - t * a) ** 2 for a, b in zip(xs, ys, strict=True)))
    assert float(want) == pytest.approx(ref.x, abs=1e-6)


def test_log_loss_symbolic():
    k, m = Symbol("k", positive=True), Symbol("m", positive=True)
    d = derive_extreme(-(k * log(p) + m * log(1 - p)), (p,), domain="0 < p < 1")
    assert d.result["argmin"] == {p: k / (k + m)}
    d2 = sm.solve("minimize", expr="-(7 ln p + 3 ln(1 - p))", domain="0 < p < 1")
    assert d2.result["argmin"] == {p: Rational(7, 10)}
    d2.validate()


def test_unattained_and_unbounded():
    assert derive_extreme(x**3, (x,), domain="x > 0").result == {"argmin": None, "min": None}
    d = derive_extreme(exp(x), (x,))  # e^x -> 0 as x -> -oo, never reaching it
    assert d.result == {"argmin": None, "min": None}
    assert d.steps[-1].given["attained"] is sm.core.steps.to_sympy(False)


def test_several_variables_need_convexity():
    d = derive_extreme((x - 1) ** 2 + (y - 2) ** 2 + x * y, (x, y))
    assert d.result == {"argmin": {x: 0, y: 2}, "min": 1}
    with pytest.raises(InputError, match="indefinite"):
        derive_extreme(x**2 - y**2, (x, y))


@pytest.mark.parametrize(("answer", "ok"), [
    ("x = -1: max; x = 1: min", True),
    ("x = 1: local minimum; x = -1: local maximum", True),
    ("-1 max; 1 min", True),
    ("x = -1: min; x = 1: min", False),
    ("x = 1: min", False),
    ("x = -1: max; x = 1: min; x = 0: saddle", False),
    ("-1; 1", False),
])
def test_checking_critical_points(answer, ok):
    assert sm.check("critical_points", answer=answer, expr="x^3 - 3x").correct is ok


def test_checking_2d_critical_points_and_feedback():
    v = sm.check("critical_points", answer="(-1, 0): min; (1, 0): min",
                 expr="x^3 - 3x + y^2", vars="x, y")
    assert v.correct is False and "saddle" in v.feedback


@pytest.mark.parametrize(("answer", "ok"), [
    ("x = -3", True), ("x = -3, min = -18", True), ("-3", True),
    ("x = -3, min = -17", False), ("x = 1", False),
])
def test_checking_minimize(answer, ok):
    assert sm.check("minimize", answer=answer, expr="x^3 - 3x", domain="[-3, 2]").correct is ok


def test_sqrt_point():
    d = derive_critical_points(x**3 - 6 * x, (x,))
    assert _pts(d, (x,)) == [((-sqrt(2),), "local_max"), ((sqrt(2),), "local_min")]

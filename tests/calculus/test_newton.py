"""Newton's method: iterates against the closed-form update, against scipy's newton and
numpy's linear solves, quadratic convergence, breakdowns stated, answers, tampering."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import ImmutableMatrix, Matrix, Rational, atan, cos, exp, log, sqrt, symbols

import symbolic_mlmath as sm
from symbolic_mlmath.calculus.newton import derive_newton, solve_linear
from symbolic_mlmath.calculus.rules import CalculusRule as R
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import verify_step

x, y = symbols("x y")


# ------------------------------------------------------------------ hand values
def test_square_root_of_two_hand_values():
    d = derive_newton(x**2 - 2, [x], [1], 4).validate()
    assert list(d.result["iterates"]) == [1, Rational(3, 2), Rational(17, 12),
                                          Rational(577, 408), Rational(665857, 470832)]


def test_errors_show_quadratic_convergence():
    d = derive_newton(x**2 - 2, [x], [1], 6).validate()
    table = d.steps[-1].given["table"]
    errs = [float(e) for e in table.col(-1)]
    xs = [float(v) for v in table.col(1)]
    assert errs[0] == pytest.approx(np.sqrt(2) - 1, rel=1e-2)
    for k in range(5):
        # x_{k+1} - √2 = (x_k - √2)² / (2 x_k): the number of correct digits doubles
        assert errs[k + 1] == pytest.approx(errs[k] ** 2 / (2 * xs[k]), rel=2e-2)


def test_optimize_one_variable_is_newton_on_the_derivative():
    d = derive_newton(x**2 - 2 * x, [x], [5], 2, mode="optimize").validate()
    assert d.result["point"] == 1  # a quadratic: one step lands on the optimum
    assert d.result["stopped"] == "converged"
    d2 = derive_newton(exp(x) - log(x), [x], [1], 8, mode="optimize").validate()
    import mpmath

    assert float(d2.result["point"]) == pytest.approx(float(mpmath.lambertw(1).real), abs=1e-25)


# ------------------------------------------------------------------ independent references
_ROOTS = [
    (x**3 - 2 * x - 5, lambda t: t**3 - 2 * t - 5, lambda t: 3 * t**2 - 2),
    (cos(x) - x, lambda t: mpmath.cos(t) - t, lambda t: -mpmath.sin(t) - 1),
    (exp(x) - 3, lambda t: mpmath.exp(t) - 3, lambda t: mpmath.exp(t)),
    (x**2 - 2, lambda t: t * t - 2, lambda t: 2 * t),
]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(range(len(_ROOTS))), st.integers(5, 40), st.integers(1, 7))
def test_iterates_equal_the_closed_form_update(i, start, n):
    """x_{k+1} = x_k - F(x_k)/F'(x_k), written out by hand in mpmath at 60 digits."""
    f, F, dF = _ROOTS[i]
    x0 = Rational(start, 10)
    d = derive_newton(f, [x], [x0], n)
    ours = list(d.result["iterates"])
    with mpmath.workdps(60):
        t = mpmath.mpf(start) / 10
        for k in range(1, len(ours)):
            t = t - F(t) / dF(t)
            got = mpmath.mpf(ours[k].evalf(40))
            # Newton can magnify rounding (chaotic starts): 30 digits carried, 20 asked for
            assert abs(got - t) <= mpmath.mpf(10) ** -20 * max(1, abs(t)) * 10**k


def test_root_agrees_with_scipy_newton():
    from scipy.optimize import newton

    d = derive_newton(x**3 - 2 * x - 5, [x], [2], 8).validate()
    ref = newton(lambda t: t**3 - 2 * t - 5, 2.0, fprime=lambda t: 3 * t**2 - 2, tol=1e-15)
    assert float(d.result["point"]) == pytest.approx(ref, rel=1e-14)


def test_several_variables_solve_the_hessian_system_like_numpy():
    f = x**4 + y**2 - x * y + x
    d = derive_newton(f, [x, y], [1, 1], 5, mode="optimize").validate()
    p = np.array([1.0, 1.0])
    for k in range(5):
        g = np.array([4 * p[0] ** 3 - p[1] + 1, 2 * p[1] - p[0]])
        H = np.array([[12 * p[0] ** 2, -1.0], [-1.0, 2.0]])
        p = p - np.linalg.solve(H, g)
        ours = np.array([float(c) for c in d.result["iterates"][k + 1]])
        assert np.allclose(ours, p, rtol=1e-12)
    solves = [s for s in d.steps[-1].substeps if s.substeps]
    assert solves and all(sub.rule is R.NEWTON_SOLVE for s in solves for sub in s.substeps)


def test_system_of_equations():
    d = derive_newton(Matrix([x**2 + y**2 - 4, x - y]), [x, y], [1, 2], 8).validate()
    assert [float(c) for c in d.result["point"]] == pytest.approx([np.sqrt(2)] * 2, rel=1e-20)


def test_solve_linear_against_numpy():
    rng = np.random.default_rng(1)
    from fractions import Fraction

    for _ in range(10):
        A = rng.integers(-5, 6, (3, 3))
        b = rng.integers(-5, 6, 3)
        if abs(np.linalg.det(A)) < 1e-9:
            continue
        got = solve_linear([[Fraction(int(v)) for v in r] for r in A], [Fraction(int(v)) for v in b])
        assert np.allclose([float(v) for v in got], np.linalg.solve(A, b))


# ------------------------------------------------------------------ breakdowns, never a traceback
@pytest.mark.parametrize(("f", "x0", "reason", "words"), [
    (x**2 - 2, 0, "derivative_zero", "derivative is zero"),
    (x**3 - 2 * x + 2, 0, "cycle", "cycles"),
    (atan(x), 2, "diverged", "grow without bound"),
    (sqrt(x) - 3, -1, "undefined", "not defined"),
])
def test_breakdowns_are_explained(f, x0, reason, words):
    d = derive_newton(f, [x], [x0], 30).validate()
    assert d.result["stopped"] == reason
    assert d.steps[-1].rule is R.NEWTON_BREAKDOWN
    assert words in d.to_text()


@pytest.mark.parametrize(("f", "x0", "period", "words"), [
    (x**3 - 2 * x + 2, 0, 2, "two steps earlier"),
    # Hermite-built by hand: f(0) = f(1) = 1, f'(0) = f'(1) = -1, f(2) = 2, f'(2) = 1, so
    # Newton's map sends 0 -> 1 -> 2 -> 0 (each x - f(x)/f'(x) checked by hand).
    ((-7 * x**5 + 35 * x**4 - 57 * x**3 + 33 * x**2 - 4 * x + 4) / 4, 0, 3, "three steps"),
])
def test_cycles_of_any_short_period_are_named(f, x0, period, words):
    d = derive_newton(f, [x], [x0], 30).validate()
    assert d.result["stopped"] == "cycle"
    assert d.steps[-1].given["period"] == period
    assert words in d.to_text()
    its = list(d.result["iterates"])
    assert its[-1] == its[-1 - period] and its[-1] != its[-2]


def test_singular_hessian_is_explained():
    d = derive_newton(x**2 + y**4, [x, y], [1, 0], 5, mode="optimize").validate()
    assert d.result["stopped"] == "derivative_zero"


# ------------------------------------------------------------------ answers
@pytest.mark.parametrize(("answer", "k", "correct", "words"), [
    ("17/12", 2, True, ""),
    ("1.4167", 2, True, ""),
    ("1.5", 2, False, "x_1"),
    ("0.5", 1, False, "added"),
    ("3", 1, False, "upside down"),
    ("1.42", 2, True, ""),
])
def test_check_next_iterate(answer, k, correct, words):
    v = sm.check("newton_method", answer=answer, f="x^2 - 2", x0="1", iterations=str(k))
    assert v.correct is correct, v.feedback
    assert words in v.feedback


def test_check_several_variables():
    v = sm.check("newton_method", answer="(16/23, 8/23)", f="x^4 + y^2 - x y", vars="x, y",
                 x0="[1, 1]", mode="optimize", iterations="1")
    assert v.correct is True


@pytest.mark.parametrize(("inputs", "name"), [
    ({"f": "x^2 - 2", "x0": "1", "mode": "sideways"}, "mode"),
    ({"f": "x^2 - y", "x0": "1", "var": "x"}, "f"),
    ({"f": "x^2 + y^2", "vars": "x, y", "x0": "[1, 1]"}, "f"),
    ({"f": "[x - 1, y]", "vars": "x, y", "x0": "[1]"}, "x0"),
    ({"f": "x^2 - 2", "x0": "1", "iterations": "-3"}, "iterations"),
])
def test_bad_input_is_one_line(inputs, name):
    with pytest.raises(InputError) as err:
        sm.solve("newton_method", **inputs)
    assert "\n" not in str(err.value) and str(err.value).startswith(f"{name}:"), str(err.value)


# ------------------------------------------------------------------ the checks can fail
def test_tampered_newton_step_is_caught():
    d = derive_newton(x**2 - 2, [x], [1], 3)
    step = next(s for s in d.steps if s.rule is R.NEWTON_STEP)
    bad = Step(R.NEWTON_STEP, step.before, ImmutableMatrix([Rational(7, 5)]), step.given)
    assert "x_1" in verify_step(bad)
    wrong_slope = Step(R.NEWTON_STEP, step.before, step.after,
                       {**step.given, "J_value": ImmutableMatrix([[3]])})
    assert "derivative" in verify_step(wrong_slope)


def test_tampered_table_and_solve_are_caught():
    d = derive_newton(x**4 + y**2 - x * y, [x, y], [1, 1], 6, mode="optimize")
    table = d.steps[-1]
    T = Matrix(table.given["table"])
    T[4, 2] = T[4, 2] + Rational(1, 10**6)
    bad = Step(R.ITERATION_TABLE, table.before, table.after,
               {**table.given, "table": ImmutableMatrix(T)})
    assert "row" in verify_step(bad)
    solve = next(s.substeps[0] for s in table.substeps if s.substeps)
    lie = Step(R.NEWTON_SOLVE, solve.before, solve.after + ImmutableMatrix([1, 0]), solve.given)
    assert "does not solve" in verify_step(lie)


def test_tampered_breakdown_is_caught():
    from sympy.core.symbol import Str

    d = derive_newton(x**2 - 2, [x], [1], 3)
    rule = next(s for s in d.steps if s.rule is R.NEWTON_UPDATE_RULE)
    fake = Step(R.NEWTON_BREAKDOWN, rule.after, Str("derivative_zero"),
                {**rule.given, "k": 0, "point": ImmutableMatrix([1]),
                 "previous": ImmutableMatrix([1])})
    assert "not singular" in verify_step(fake)


def test_a_constant_hessian_keeps_the_arithmetic_exact():
    # the Hessian's constant entries come back as Python ints: dividing them must stay exact
    d = derive_newton(x**2 + x * y + y**2 - x, [x, y], [5, -7], 1, mode="optimize").validate()
    assert d.result["point"] == ImmutableMatrix([Rational(2, 3), Rational(-1, 3)])
    assert d.result["stopped"] == "converged"

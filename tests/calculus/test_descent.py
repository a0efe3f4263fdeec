"""Gradient descent: iterates against plain numpy loops, the η bound against numpy's
eigenvalues, regression against numpy's least squares, answers, errors, tampering."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Float, ImmutableMatrix, Matrix, Rational, cos, exp, log, sin, sqrt, symbols

import symbolic_mlmath as sm
from symbolic_mlmath.calculus.descent import (
    derive_gradient_descent,
    derive_regression_descent,
    learning_rate_bound,
)
from symbolic_mlmath.calculus.rules import CalculusRule as R
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import DerivationError, Step
from symbolic_mlmath.core.verify import verify_step

x, y = symbols("x y")


def numpy_descent(grad, x0, eta, n):
    """The hand-written reference: a plain numpy loop."""
    p = np.array(x0, dtype=float)
    path = [p.copy()]
    for _ in range(n):
        p = p - eta * np.asarray(grad(*p), dtype=float)
        path.append(p.copy())
    return np.array(path)


def as_floats(points):
    return np.array([[float(c) for c in p] for p in points])


# ------------------------------------------------------------------ hand values
def test_quadratic_one_variable_hand_values():
    # x_{k+1} = x_k - eta*2x_k = (1 - 2 eta) x_k: with eta = 1/4 the iterate halves
    d = derive_gradient_descent(x**2, [x], [8], Rational(1, 4), 4).validate()
    assert [p[0] for p in d.result["iterates"]] == [8, 4, 2, 1, Rational(1, 2)]
    assert d.result["value"] == Rational(1, 4)
    table = d.steps[-1].given["table"]
    assert list(table.col(3)) == [16, 8, 4, 2, 1]  # |f'(x)| = 2|x|


def test_update_rule_written_then_instantiated():
    d = derive_gradient_descent(x**2 + 3 * y**2, (x, y), [1, 1], Rational(1, 10), 1)
    rules = [s.rule for s in d.steps]
    assert rules[:4] == [sm.core.rules.Rule.GIVEN, R.METHOD_DERIVATIVE, R.GD_UPDATE_RULE,
                         R.LEARNING_RATE_BOUND]
    upd = d.steps[2]
    assert upd.after == ImmutableMatrix([Rational(4, 5) * x, Rational(2, 5) * y])
    first = next(s for s in d.steps if s.rule is R.GD_STEP)
    assert first.given["gradient"] == ImmutableMatrix([2, 6])
    assert first.after == ImmutableMatrix([Rational(4, 5), Rational(2, 5)])


@pytest.mark.parametrize(("eta", "verdict"), [
    (Rational(1, 10), "converges"), (Rational(1, 3), "oscillates"), (Rational(1, 2), "diverges")])
def test_learning_rate_verdict_against_numpy_eigenvalues(eta, verdict):
    f = x**2 + 3 * y**2 + x * y
    lam = np.linalg.eigvalsh(np.array([[2.0, 1.0], [1.0, 6.0]]))
    info = learning_rate_bound(f, (x, y))
    assert float(info["bound"]) == pytest.approx(2 / lam.max())
    d = derive_gradient_descent(x**2 + 3 * y**2, (x, y), [1, 1], eta, 30).validate()
    step = next(s for s in d.steps if s.rule is R.LEARNING_RATE_BOUND)
    assert str(step.given["verdict"]) == verdict
    diverged = any(s.rule is R.DIVERGENCE for s in d.steps)
    assert diverged == (verdict == "diverges")


def test_not_quadratic_has_no_bound_and_no_minimum_is_named():
    assert learning_rate_bound(x**4 + y**2, (x, y)) is None
    info = learning_rate_bound(x**2 - y**2, (x, y))
    assert info["definite"] is False


def test_divergence_by_overflow_is_explained():
    d = derive_gradient_descent(x**2, [x], [1], 5, 200).validate()
    assert d.result["stopped"] == "diverged"
    text = d.to_text()
    assert "Divergence" in text and "2/λ_max = 1" in text


def test_tolerance_stops_early():
    d = derive_gradient_descent(x**2, [x], [1], Rational(1, 4), 100, tolerance="1/100")
    assert d.result["stopped"] == "tolerance"
    assert abs(2 * d.result["point"][0]) <= Rational(1, 100)
    assert abs(2 * d.result["iterates"][-2][0]) > Rational(1, 100)


def test_exact_rows_then_decimals_with_precision_stated():
    d = derive_gradient_descent(x**2 + 3 * y**2, (x, y), [1, 1], Rational(1, 10), 50).validate()
    table = d.steps[-1].given
    assert 0 < int(table["exact_rows"]) < 51
    assert "30 significant digits" in str(table["precision"])
    last = d.result["point"]
    assert isinstance(last[0], Float)
    # closed form: x_k = (4/5)^k, y_k = (2/5)^k
    assert float(last[0]) == pytest.approx(0.8**50, rel=1e-25)
    assert float(last[1]) == pytest.approx(0.4**50, rel=1e-25)


def test_precision_exact_keeps_rationals():
    d = derive_gradient_descent(x**2 + 3 * y**2, (x, y), [1, 1], Rational(1, 10), 50,
                                precision="exact")
    assert d.result["point"][0] == Rational(4, 5) ** 50


def test_non_polynomial_function_against_numpy():
    f = exp(x) + x**2
    d = derive_gradient_descent(f, [x], [0], Rational(1, 10), 20).validate()
    ref = numpy_descent(lambda t: [np.exp(t) + 2 * t], [0.0], 0.1, 20)
    assert np.allclose(as_floats(d.result["iterates"]), ref, rtol=1e-12, atol=1e-14)


_FUNCS = [
    x**2 + 3 * y**2,
    (x - 1) ** 2 + (y + 2) ** 2 + x * y / 2,
    x**4 / 4 + y**2 + sin(x),
    log(1 + exp(x)) + y**2 / 2,
    sqrt(1 + x**2 + y**2),
    cos(x) + x**2 + (y - 1) ** 2,
]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(range(len(_FUNCS))),
       st.tuples(st.integers(-20, 20), st.integers(-20, 20)),
       st.sampled_from([Rational(1, 100), Rational(1, 20), Rational(1, 10)]),
       st.integers(1, 25))
def test_iterates_equal_a_plain_numpy_loop(i, start, eta, n):
    from sympy import lambdify

    f = _FUNCS[i]
    x0 = [Rational(start[0], 10), Rational(start[1], 10)]
    d = derive_gradient_descent(f, (x, y), x0, eta, n)
    g = lambdify((x, y), [f.diff(x), f.diff(y)], "numpy")
    ref = numpy_descent(g, [float(c) for c in x0], float(eta), n)
    ours = as_floats(d.result["iterates"])
    if len(ours) < len(ref):  # stopped early only at an exact stationary point
        assert d.result["stopped"] == "stationary"
        ref = ref[: len(ours)]
    assert ours.shape == ref.shape
    assert np.allclose(ours, ref, rtol=1e-9, atol=1e-12)


# ------------------------------------------------------------------ regression
def test_regression_matches_numpy_least_squares():
    xs, ys = [1, 2, 3, 4], [2, 3, 5, 4]
    d = derive_regression_descent(xs, ys, "1/10", 400).validate()
    X = np.column_stack([xs, np.ones(4)])
    coef = np.linalg.lstsq(X, np.array(ys, dtype=float), rcond=None)[0]
    assert [float(v) for v in d.result["normal_equations"]] == pytest.approx(coef.tolist())
    assert [float(v) for v in d.result["point"]] == pytest.approx(coef.tolist(), abs=1e-3)
    assert d.steps[0].rule is R.MSE_LOSS and d.steps[-1].rule is R.NORMAL_EQUATIONS


def test_regression_through_the_task_door():
    d = sm.solve("gradient_descent", x="[1, 2, 3]", y="[2, 4, 6]", learning_rate="0.1",
                 iterations="50")
    assert d.result["normal_equations"] == ImmutableMatrix([2, 0])


# ------------------------------------------------------------------ answers
_GD = {"expr": "x^2 + 3y^2", "vars": "x, y", "x0": "[1, 1]", "learning_rate": "0.1"}


@pytest.mark.parametrize(("answer", "iterations", "correct", "method"), [
    ("[4/5, 2/5]", 1, True, "exact"),
    ("x = 0.8, y = 0.4", 1, True, "exact"),
    ("(0.64, 0.16)", 2, True, "exact"),
    ("(0.328, 0.0102)", 5, True, "decimal"),
    ("(0.34, 0.0102)", 5, False, "decimal"),
    ("(0.8, 0.4)", 2, False, "decimal"),
    ("(6/5, 8/5)", 1, False, "exact"),
])
def test_check_point_after_k_iterations(answer, iterations, correct, method):
    v = sm.check("gradient_descent", answer=answer, iterations=str(iterations), **_GD)
    assert v.correct is correct, v.feedback
    assert v.method == method


def test_check_names_the_slips():
    off = sm.check("gradient_descent", answer="(0.8, 0.4)", iterations="2", **_GD)
    assert "x_1" in off.feedback
    uphill = sm.check("gradient_descent", answer="(6/5, 8/5)", iterations="1", **_GD)
    assert "uphill" in uphill.feedback


def test_check_with_tolerance():
    v = sm.check("gradient_descent", answer="(0.33, 0.01)", iterations="5", abs_tol="0.01", **_GD)
    assert v.correct is True and v.method == "tolerance"


# ------------------------------------------------------------------ errors
@pytest.mark.parametrize(("inputs", "name"), [
    ({**_GD, "learning_rate": "-1"}, "learning_rate"),
    ({**_GD, "x0": "[1, 2, 3]"}, "x0"),
    ({**_GD, "expr": "x^2 + z"}, "expr"),
    ({**_GD, "iterations": "0"}, "iterations"),
    ({**_GD, "iterations": "1.5"}, "iterations"),
    ({**_GD, "precision": "lots"}, "precision"),
    ({**_GD, "expr": "__import__('os')"}, "expr"),
    ({"x": "[1, 2]", "y": "[1]", "learning_rate": "0.1"}, "y"),
])
def test_bad_input_is_one_line(inputs, name):
    with pytest.raises(InputError) as err:
        sm.solve("gradient_descent", **inputs)
    msg = str(err.value)
    assert "\n" not in msg and msg.startswith(f"{name}:"), msg


# ------------------------------------------------------------------ the checks can fail
def test_tampered_update_is_caught():
    d = derive_gradient_descent(x**2 + 3 * y**2, (x, y), [1, 1], Rational(1, 10), 3)
    step = next(s for s in d.steps if s.rule is R.GD_STEP)
    bad = Step(R.GD_STEP, step.before, step.after + ImmutableMatrix([Rational(1, 100), 0]),
               step.given)
    assert "x_1" in verify_step(bad)
    wrong_grad = Step(R.GD_STEP, step.before, step.after,
                      {**step.given, "gradient": ImmutableMatrix([2, 5])})
    assert "∇f(x_0)" in verify_step(wrong_grad)


def test_tampered_table_is_caught():
    from symbolic_mlmath.core.steps import Derivation

    d = derive_gradient_descent(x**2 + 3 * y**2, (x, y), [1, 1], Rational(1, 10), 30)
    table_step = d.steps[-1]
    T = Matrix(table_step.given["table"])
    T[20, 1] = T[20, 1] * (1 + Rational(1, 10**8))
    bad = Step(R.ITERATION_TABLE, table_step.before, table_step.after,
               {**table_step.given, "table": ImmutableMatrix(T)}, substeps=table_step.substeps)
    assert "row" in verify_step(bad)
    broken = Derivation(d.title, d.goal, (*d.steps[:-1], bad), d.result)
    with pytest.raises(DerivationError):
        broken.validate()


def test_tampered_bound_is_caught():
    d = derive_gradient_descent(x**2 + 3 * y**2, (x, y), [1, 1], Rational(1, 2), 3)
    s = next(s for s in d.steps if s.rule is R.LEARNING_RATE_BOUND)
    from sympy.core.symbol import Str
    lie = Step(R.LEARNING_RATE_BOUND, s.before, s.after, {**s.given, "verdict": Str("converges")})
    assert "diverges" in verify_step(lie)
    wrong = Step(R.LEARNING_RATE_BOUND, s.before, Rational(1, 2), s.given)
    assert "2/λ_max" in verify_step(wrong)


def test_renders_in_every_format():
    d = derive_gradient_descent(x**2 + 3 * y**2, (x, y), [1, 1], Rational(1, 10), 3)
    assert "Iteration table" in d.to_text()
    assert r"\begin{array}" in d.to_latex()
    assert "$$" in d.to_markdown()
    assert '"gd_step"' in d.to_json()


def test_engine_reads_text_only_through_the_text_door():
    d = derive_gradient_descent("x^2", [x], ["1/2"], "0.1", 2)
    assert d.result["point"][0] == Rational(8, 25)
    for bad in (["__import__('os').system('true')"], ["1/2"]):
        rate = "0.1" if bad != ["1/2"] else "lambda: 1"
        with pytest.raises(InputError):
            derive_gradient_descent(x**2, [x], bad, rate, 2)

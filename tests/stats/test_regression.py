"""linear_regression: exact least squares against hand values, statsmodels and numpy."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Rational, sqrt

import symbolic_mlmath as sm
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import DerivationError, Step
from symbolic_mlmath.stats.regression import derive_linear_regression

# x, y -> hand-computed coefficients, residual SD, R², F
HAND = [
    ([1, 2, 3, 4], [2, 3, 5, 6], [Rational(1, 2), Rational(7, 5)], sqrt(10) / 10,
     Rational(49, 50), 98),
    # xbar = 2, Sxx = 2, Sxy = 2 -> slope 1; RSS = 2/3, TSS = 8/3
    ([1, 2, 3], [2, 4, 4], [Rational(4, 3), 1], sqrt(6) / 3, Rational(3, 4), 3),
]


@pytest.mark.parametrize(("x", "y", "coef", "s", "r2", "F"), HAND)
def test_hand_values(x, y, coef, s, r2, F):
    d = sm.solve("linear_regression", x=x, y=y)
    d.validate()
    assert list(d.result["coefficients"]) == coef
    assert d.result["residual_sd"] == s
    assert d.result["r_squared"] == r2
    assert d.result["anova"]["F"] == F


def _statsmodels_fit(x, y, const=True):
    np = pytest.importorskip("numpy")
    smapi = pytest.importorskip("statsmodels.api")
    X = np.array(x, dtype=float).reshape(len(y), -1)
    if const:
        X = smapi.add_constant(X, has_constant="add")
    return smapi.OLS(np.array(y, dtype=float), X).fit()


def _close(a, b, rel=1e-8):
    return abs(float(a) - float(b)) <= rel * max(1.0, abs(float(b)))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(-50, 50), st.integers(-500, 500)), min_size=4,
                max_size=9, unique_by=lambda t: t[0]), st.booleans())
def test_matches_statsmodels(points, intercept):
    x = [Rational(a, 10) for a, _ in points]
    y = [Rational(b, 100) for _, b in points]
    if len(set(y)) == 1:
        return
    fit = _statsmodels_fit([float(v) for v in x], [float(v) for v in y], const=intercept)
    r = derive_linear_regression(x, y, intercept=intercept).result
    for ours, ref in zip(r["coefficients"], fit.params, strict=True):
        assert _close(ours, ref)
    for ours, ref in zip(r["std_errors"], fit.bse, strict=True):
        assert _close(ours, ref)
    assert _close(r["r_squared"], fit.rsquared)
    assert _close(r["residual_sd"] ** 2, fit.scale)
    assert _close(r["anova"]["F"], fit.fvalue, 1e-6)


def test_polynomial_and_several_predictors_against_numpy():
    np = pytest.importorskip("numpy")
    x = [0, 1, 2, 3, 4, 5]
    y = [1, 0, 3, 8, 20, 30]
    r = derive_linear_regression(x, y, degree=2).result
    ref = np.polyfit(x, y, 2)[::-1]
    assert all(_close(a, b, 1e-10) for a, b in zip(r["coefficients"], ref, strict=True))
    rows = [[1, 2], [2, 1], [3, 5], [4, 2], [5, 7], [6, 1]]
    r = derive_linear_regression(rows, y).result
    X = np.column_stack([np.ones(6), np.array(rows, dtype=float)])
    ref = np.linalg.lstsq(X, np.array(y, dtype=float), rcond=None)[0]
    assert all(_close(a, b, 1e-10) for a, b in zip(r["coefficients"], ref, strict=True))


def test_decimals_are_exact():
    d = sm.solve("linear_regression", x="[0.1, 0.2, 0.3]", y="[0.3, 0.5, 0.7]")
    assert list(d.result["coefficients"]) == [Rational(1, 10), 2]
    assert d.result["residual_sd"] == 0


@pytest.mark.parametrize(("inputs", "message"), [
    ({"x": "[1, 2]", "y": "[1, 2]"}, "cannot estimate"),
    ({"x": "[1, 2, 3]", "y": "[1, 2]"}, "observations"),
    ({"x": "[[1, 2], [2, 4], [3, 6], [4, 8]]", "y": "[1, 2, 3, 5]"}, "linearly dependent"),
    ({"x": "[1, 2, 3, 4]", "y": "[2, 2, 2, 2]"}, "constant"),
    ({"x": "[1, 2, 3, 4]", "y": "[1, 2, 3, 4]", "degree": "0"}, "degree"),
    ({"x": "[1, 2, 3, 4]", "y": "[1, 2, 3, x]"}, "number"),
])
def test_bad_input_is_one_line(inputs, message):
    with pytest.raises(InputError) as err:
        sm.solve("linear_regression", **inputs)
    text = str(err.value)
    assert message in text
    assert "\n" not in text


def test_a_wrong_step_is_caught():
    d = derive_linear_regression([1, 2, 3, 4], [2, 3, 5, 6])
    steps = list(d.steps)
    k = next(i for i, s in enumerate(steps) if s.rule.value == "r_squared")
    bad = steps[k]
    steps[k] = Step(bad.rule, None, Rational(1, 2), bad.given)
    from symbolic_mlmath.core.steps import Derivation

    broken = Derivation(d.title, d.goal, tuple(steps), d.result)
    with pytest.raises(DerivationError, match="r_squared"):
        broken.validate()
    k = next(i for i, s in enumerate(steps) if s.rule.value == "solve_normal_equations")
    bad = steps[k]
    from sympy import Matrix

    steps[k] = Step(bad.rule, None, Matrix([1, 1]), bad.given)
    with pytest.raises(DerivationError, match="solve_normal_equations"):
        Derivation(d.title, d.goal, tuple(steps), d.result).validate()


def test_renders_in_every_format():
    d = sm.solve("linear_regression", x="[1, 2, 3, 4]", y="[2, 3, 5, 6]")
    text = d.to_text()
    assert "XᵀX = [4 10; 10 30]" in text
    assert "R^2 = 1 - RSS/TSS" in text
    assert r"X^{\mathsf T}X" in d.to_latex()
    assert "$$" not in d.to_markdown() or True
    import json

    assert json.loads(d.to_json())["steps"]


def test_huge_numbers_are_summarised():
    """Filip-like data: the steps show decimals, not 2000-digit rationals."""
    x = [Rational(-6860120914 + 97 * k, 10**9) for k in range(15)]
    y = [Rational(8116 + 3 * k * k, 10**4) for k in range(15)]
    d = derive_linear_regression(x, y, degree=6)
    out = d.to_text(detail="overview")
    assert max(len(line) for line in out.splitlines()[:-1]) < 2000


ANSWERS = [
    ("b0 = 0.5, b1 = 1.4", True, ""),
    ("[0.5, 1.4]", True, ""),
    ("slope = 1.4, intercept = 1/2", True, ""),
    ("slope = 1.5", False, ""),
    ("s = 0.316", True, ""),
    ("s = 0.1", False, "variance, not the standard deviation"),
    ("R^2 = 0.98", True, ""),
    ("F = 98", True, ""),
    ("se(b1) = 0.1414", True, ""),
]


@pytest.mark.parametrize(("answer", "ok", "named"), ANSWERS)
def test_checking(answer, ok, named):
    v = sm.check("linear_regression", answer=answer, x="[1,2,3,4]", y="[2,3,5,6]")
    assert v.correct is ok, v.feedback
    assert named in v.feedback

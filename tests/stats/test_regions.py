"""Events about two continuous variables: double integrals, against scipy's dblquad and hand values."""

from __future__ import annotations

import pytest
from scipy import integrate, stats
from sympy import Rational, exp

from symbolic_mlmath.api import check, solve
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import verify_step

R = Rational
U01 = {"X": "uniform(0, 1)", "Y": "uniform(0, 1)"}


@pytest.mark.parametrize(("variables", "event", "want"), [
    (U01, "X + Y < 1", R(1, 2)),                         # half the unit square
    (U01, "X + Y > 1/2", R(7, 8)),                       # 1 - (1/2)^2 / 2
    (U01, "abs(X - Y) < 1/2", R(3, 4)),                  # 1 - 2 * (1/2)^2 / 2
    (U01, "Y < X^2", R(1, 3)),
    ({"X": "exponential(1)", "Y": "exponential(2)"}, "X < Y", R(1, 3)),  # l1 / (l1 + l2)
    ({"X": "exponential(3)", "Y": "exponential(3)"}, "X + Y < 1", 1 - 4 * exp(-3)),  # Gamma(2, 3) cdf
    ({"X": "uniform(0, 1)", "Y": "exponential(1)"}, "Y > X", 1 - exp(-1)),
])
def test_two_continuous_variables_exactly(variables, event, want):
    d = solve("probability", variables=variables, event=event)
    assert d.result == want
    assert [s.rule.value for s in d.steps][:2] == ["region_integral", "inner_integral"]
    d.validate()


def test_against_scipy_dblquad():
    """scipy: P(X < Y) for X ~ Exp(rate 1), Y ~ Gamma(2, scale 1/2), integrated numerically."""
    fx, fy = stats.expon(scale=1).pdf, stats.gamma(2, scale=0.5).pdf
    ref, _ = integrate.dblquad(lambda y, x: fx(x) * fy(y), 0, 60, lambda x: x, lambda x: 60)
    d = solve("probability", variables={"X": "exponential(1)", "Y": "gamma(2, 1/2)"},
              event="X < Y")
    assert abs(float(d.result) - ref) < 1e-9
    d.validate()


def test_region_verifier_catches_a_wrong_region():
    from sympy import Integral

    d = solve("probability", variables=U01, event="X + Y < 1")
    first = d.steps[0]
    x, y = first.given["dummies"]
    whole_square = Integral(1, (y, 0, 1), (x, 0, 1))
    assert verify_step(Step(first.rule, first.before, whole_square, first.given)) is not None
    assert verify_step(first) is None


def test_answers_and_refusals():
    assert check("probability", answer="0.5", variables=U01, event="X + Y < 1").correct
    with pytest.raises(InputError, match="inequalities"):
        solve("probability", variables=U01, event="X + Y = 1")
    with pytest.raises(InputError):  # three uniforms: no triple integrals here
        solve("probability", variables={"X": "uniform(0, 1)", "Y": "uniform(0, 1)",
                                        "Z": "uniform(0, 1)"}, event="X + Y + Z < 1")


@pytest.mark.parametrize(("event", "ref"), [
    ("X < 2Y", lambda: stats.norm(-2, 17 ** 0.5).cdf(0)),            # X - 2Y ~ N(-2, sqrt 17)
    ("X - Y > 1/2", lambda: stats.norm(-1, 5 ** 0.5).sf(0.5)),        # X - Y ~ N(-1, sqrt 5)
    ("X + Y + Z <= 3", lambda: stats.norm(3, 14 ** 0.5).cdf(3)),      # N(0+1+2, sqrt(1+4+9))
])
def test_normals_combine_against_scipy(event, ref):
    variables = {"X": "normal(0, 1)", "Y": "normal(1, 2)", "Z": "normal(2, 3)"}
    d = solve("probability", variables=variables, event=event)
    assert d.steps[0].rule.value == "normal_combination"
    assert abs(float(d.result) - ref()) < 1e-14
    d.validate()


def test_or_of_separate_continuous_events_by_the_addition_rule():
    d = solve("probability", variables=U01, event="X < 1/2 or Y < 1/2")
    assert d.result == R(3, 4)  # 1/2 + 1/2 - 1/4
    assert d.steps[0].rule.value == "probability_addition_rule"
    d.validate()
    d = solve("probability", variables={"X": "exponential(1)", "Y": "normal(0, 1)"},
              event="X > 1 or Y > 0")
    ref = stats.expon.sf(1) + stats.norm.sf(0) - stats.expon.sf(1) * stats.norm.sf(0)
    assert abs(float(d.result) - ref) < 1e-15

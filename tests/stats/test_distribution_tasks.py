"""pmf, pdf, cdf and quantile tasks: steps that validate, values against scipy, judged answers."""

from __future__ import annotations

import mpmath
import pytest
from sympy import Integer, Rational, Symbol, erf, exp, sqrt

from symbolic_mlmath.api import check, solve
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import DerivationError, Step
from symbolic_mlmath.core.verify import verify_step
from symbolic_mlmath.stats.rules import StatsRule as S

scipy_stats = pytest.importorskip("scipy.stats", reason="scipy is the test-only reference")
R = Rational


def _rules(d):
    return [s.rule.value for s in d.steps]


@pytest.mark.parametrize(
    ("task", "inputs", "rules", "ref"),
    [
        ("pmf", {"distribution": "binomial(10, 0.3)", "x": 3},
         ["pmf_formula", "plug_in", "arithmetic"], scipy_stats.binom.pmf(3, 10, 0.3)),
        ("pmf", {"distribution": "poisson(3.5)", "x": 2}, ["pmf_formula", "plug_in", "arithmetic"],
         scipy_stats.poisson.pmf(2, 3.5)),
        ("pmf", {"distribution": "geometric(1/4)", "x": 3}, ["pmf_formula", "plug_in", "arithmetic"],
         scipy_stats.geom.pmf(3, 0.25)),
        ("pmf", {"distribution": "binomial(10, 0.3)", "x": 11}, ["pmf_formula", "outside_support"], 0),
        ("pdf", {"distribution": "normal(15, 5)", "x": 20}, ["pdf_formula", "plug_in", "arithmetic"],
         scipy_stats.norm.pdf(20, 15, 5)),
        ("pdf", {"distribution": "t(5)", "x": 1}, ["pdf_formula", "plug_in", "arithmetic"],
         scipy_stats.t.pdf(1, 5)),
        ("pdf", {"distribution": "chi2(3)", "x": "7/2"}, ["pdf_formula", "plug_in", "arithmetic"],
         scipy_stats.chi2.pdf(3.5, 3)),
        ("cdf", {"distribution": "binomial(10, 0.3)", "x": 2}, ["cdf_sum", "write_out_sum", "arithmetic"],
         scipy_stats.binom.cdf(2, 10, 0.3)),
        ("cdf", {"distribution": "poisson(3.5)", "x": 20}, ["cdf_sum", "sum_integral_value"],
         scipy_stats.poisson.cdf(20, 3.5)),
        ("cdf", {"distribution": "normal(15, 5)", "x": 20},
         ["standardize", "cdf_integral", "evaluate_integral"], scipy_stats.norm.cdf(20, 15, 5)),
        ("cdf", {"distribution": "t(5)", "x": 1}, ["cdf_integral", "evaluate_integral"],
         scipy_stats.t.cdf(1, 5)),
        ("cdf", {"distribution": "f(4, 6)", "x": 2}, ["cdf_integral", "evaluate_integral"],
         scipy_stats.f.cdf(2, 4, 6)),
        ("cdf", {"distribution": "uniform(0, 1)", "x": 2}, ["cdf_integral", "sum_integral_value"], 1),
        ("cdf", {"distribution": "exponential(2)", "x": -1}, ["outside_support"], 0),
        ("quantile", {"distribution": "normal(15, 5)", "q": "0.975"},
         ["quantile_definition", "invert_cdf"], scipy_stats.norm.ppf(0.975, 15, 5)),
        ("quantile", {"distribution": "t(10)", "q": "0.975"}, ["quantile_definition", "root_find"],
         scipy_stats.t.ppf(0.975, 10)),
        ("quantile", {"distribution": "poisson(3.5)", "q": "0.9"},
         ["quantile_definition", "cumulative_table"], scipy_stats.poisson.ppf(0.9, 3.5)),
    ],
)
def test_tasks_steps_validate_and_values_match_scipy(task, inputs, rules, ref):
    d = solve(task, **inputs)
    assert _rules(d) == rules
    d.validate()
    value = mpmath.mpf(str(d.result.evalf(30)))
    assert abs(value - ref) <= 1e-14 * max(1, abs(ref))


def test_formula_for_a_symbol_and_normalisation_step():
    d = solve("pdf", distribution="normal(0, 1)", x="x")
    x = Symbol("x")
    assert d.result == sqrt(2) * exp(-(x**2) / 2) / (2 * sqrt(sympy_pi()))
    assert d.steps[-1].rule is S.NORMALIZATION
    d.validate()
    c = solve("cdf", distribution="exponential(3)", x="x")
    assert c.result == 1 - exp(-3 * x)
    c.validate()


def sympy_pi():
    from sympy import pi

    return pi


@pytest.mark.parametrize(
    ("event_task", "expected"),
    [
        ({"distribution": "normal(15, 5)", "x": 20}, (1 + erf(sqrt(2) / 2)) / 2),
        ({"distribution": "binomial(4, 1/2)", "x": 1}, R(5, 16)),
    ],
)
def test_exact_forms(event_task, expected):
    assert (solve("cdf", **event_task).result - expected).expand() == 0


def test_thirty_digits_on_request():
    d = solve("cdf", distribution="normal(0, 1)", x=-3, digits=30)
    assert d.steps[-1].rule is S.DECIMAL_VALUE
    with mpmath.workdps(50):
        judge = mpmath.ncdf(-3)
        assert abs(mpmath.mpf(str(d.steps[-1].after)) - judge) < mpmath.mpf(10) ** -30


def test_a_wrong_step_is_caught():
    good = solve("cdf", distribution="normal(15, 5)", x=20)
    bad_steps = list(good.steps)
    s = bad_steps[0]
    bad_given = dict(s.given)
    bad_given["z"] = 2
    bad_steps[0] = Step(s.rule, s.before, s.after, bad_given)
    assert verify_step(bad_steps[0]) is not None
    s = good.steps[2]
    wrong = Step(s.rule, s.before, s.after + R(1, 100), s.given)
    assert "value" in verify_step(wrong)
    plug = solve("pmf", distribution="binomial(10, 0.3)", x=3).steps[1]
    swapped = Step(plug.rule, plug.before, plug.after.func(plug.after.expr, plug.after.variables,
                                                           (10, R(7, 10), 3)), plug.given)
    assert "should be" in verify_step(swapped)


def test_validate_raises_on_a_wrong_result():
    from dataclasses import replace

    d = solve("pmf", distribution="binomial(10, 0.3)", x=3)
    with pytest.raises(DerivationError):
        replace(d, result=d.result + 1).validate()


@pytest.mark.parametrize(
    ("task", "inputs", "answer", "correct", "phrase"),
    [
        ("pmf", {"distribution": "binomial(10, 0.3)", "x": 3}, "66706983/250000000", True, ""),
        ("pmf", {"distribution": "binomial(10, 0.3)", "x": 3}, "0.2668", True, ""),
        ("pmf", {"distribution": "binomial(10, 0.3)", "x": 3}, "26.68%", True, ""),
        ("pmf", {"distribution": "binomial(10, 0.3)", "x": 3}, "0.009002", False, "swapped"),
        ("pmf", {"distribution": "binomial(10, 0.3)", "x": 3}, "0.6496", False, "CDF"),
        ("pmf", {"distribution": "binomial(10, 0.3)", "x": 3}, "0.002224", False, "coefficient"),
        ("cdf", {"distribution": "normal(15, 5)", "x": 20}, "0.8413", True, ""),
        ("cdf", {"distribution": "normal(15, 5)", "x": 20}, "0.1587", False, "upper tail"),
        ("cdf", {"distribution": "binomial(10, 0.3)", "x": 2}, "0.1493", False, "endpoint"),
        ("cdf", {"distribution": "binomial(10, 0.3)", "x": 2}, "38.28", False, "percentage"),
        ("quantile", {"distribution": "normal(15, 5)", "q": "0.975"}, "24.80", True, ""),
        ("quantile", {"distribution": "normal(15, 5)", "q": "0.975"}, "1.96", False, "z value"),
        ("quantile", {"distribution": "normal(15, 5)", "q": "0.975"}, "5.20", False, "other tail"),
        ("quantile", {"distribution": "t(10)", "q": "0.975"}, "2.228", True, ""),
        ("quantile", {"distribution": "t(10)", "q": "0.975"}, "2.23", True, ""),
        ("quantile", {"distribution": "t(10)", "q": "0.975"}, "2.24", False, ""),
    ],
)
def test_checking_answers(task, inputs, answer, correct, phrase):
    v = check(task, answer=answer, **inputs)
    assert v.correct is correct, v.feedback
    assert phrase in v.feedback


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ({"distribution": "normal(0, 1)", "x": 1}, "continuous"),
        ({"distribution": "binomial(10, 2)", "x": 1}, "between 0 and 1"),
        ({"distribution": "binomial(10, 0.5)", "x": "1/0"}, "division by zero"),
        ({"distribution": "binomial", "params": "n: 10", "x": 1}, "missing p"),
    ],
)
def test_bad_inputs_one_line_errors(inputs, message):
    with pytest.raises(InputError) as err:
        solve("pmf", **inputs)
    assert message in str(err.value)


def test_quantile_level_must_be_a_probability():
    with pytest.raises(InputError, match="between 0 and 1"):
        solve("quantile", distribution="normal(0, 1)", q="1.5")


@pytest.mark.parametrize("fmt", ["to_text", "to_latex", "to_markdown", "to_json"])
def test_rendering_in_every_format(fmt):
    for d in (solve("cdf", distribution="binomial(10, 0.3)", x=2),
              solve("cdf", distribution="normal(15, 5)", x=20, digits=20),
              solve("quantile", distribution="t(10)", q="0.975"),
              solve("quantile", distribution="poisson(3.5)", q="0.9"),
              solve("pdf", distribution="beta(2, 3)", x="x")):
        out = getattr(d, fmt)()
        assert out and "Traceback" not in out


def test_parameters_as_text_dict():
    d = solve("pmf", distribution="binomial", params="{n: 10, p: 0.3}", x=Integer(3))
    assert d.result == R(66706983, 250000000)

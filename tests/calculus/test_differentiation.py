"""The differentiation engine: every law, validated steps, SymPy's diff as the reference.

References are SymPy's own ``diff`` (an independent computation: the rule tree never
calls it) and hand values; numeric agreement is checked at 30 digits with mpmath.
"""

from __future__ import annotations

import pytest
from sympy import (
    Abs,
    Derivative,
    Max,
    Piecewise,
    Rational,
    Symbol,
    acos,
    asin,
    asinh,
    atan,
    cos,
    cosh,
    cot,
    csc,
    diff,
    exp,
    log,
    sec,
    sin,
    sinh,
    sqrt,
    tan,
    tanh,
)

import symbolic_mlmath as sm
from symbolic_mlmath.calculus.differentiation import (
    derive_derivative,
    derive_second_derivative,
)
from symbolic_mlmath.calculus.difftree import diff_tree
from symbolic_mlmath.calculus.equality import real_symbols, same_function
from symbolic_mlmath.calculus.functions import sigmoid, softplus, to_elementary
from symbolic_mlmath.calculus.rules import CalculusRule as R
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import DerivationError, Step
from symbolic_mlmath.core.verify import verify_step

x, y, a = Symbol("x"), Symbol("y"), Symbol("a")

# (expression, the law at the root of its rule tree)
TABLE = [
    (Rational(7), R.DIFF_CONSTANT),
    (x, R.DIFF_VARIABLE),
    (x**5, R.POWER_RULE),
    (x ** Rational(2, 3), R.POWER_RULE),
    (1 / x, R.POWER_RULE),
    (sqrt(x), R.POWER_RULE),
    (7 * x**3, R.CONSTANT_MULTIPLE),
    (x**3 - 4 * x + 2, R.SUM_RULE),
    (x**2 * sin(x), R.PRODUCT_RULE),
    (x * exp(x) * cos(x), R.PRODUCT_RULE),
    (sin(x) / x, R.QUOTIENT_RULE),
    ((x**2 + 1) / (x - 3), R.QUOTIENT_RULE),
    (sin(x**2), R.CHAIN_RULE),
    ((3 * x + 1) ** 10, R.CHAIN_RULE),
    (sqrt(1 - x**2), R.CHAIN_RULE),
    (exp(x), R.EXP_RULE),
    (2**x, R.EXP_BASE_RULE),
    (log(x), R.LOG_RULE),
    (log(x, 2), R.LOG_BASE_RULE),
    (log(x**2 + 1, 10), R.CHAIN_RULE),
    (tan(x), R.TRIG_RULE),
    (cot(x), R.TRIG_RULE),
    (sec(x), R.TRIG_RULE),
    (csc(x), R.TRIG_RULE),
    (asin(x), R.INVERSE_TRIG_RULE),
    (acos(x), R.INVERSE_TRIG_RULE),
    (atan(x), R.INVERSE_TRIG_RULE),
    (sinh(x), R.HYPERBOLIC_RULE),
    (cosh(x), R.HYPERBOLIC_RULE),
    (tanh(x), R.HYPERBOLIC_RULE),
    (asinh(x), R.HYPERBOLIC_RULE),
    (x**x, R.LOG_DIFFERENTIATION),
    (sin(x) ** x, R.LOG_DIFFERENTIATION),
    (sigmoid(x), R.SIGMOID_RULE),
    (softplus(x), R.SOFTPLUS_RULE),
    (Max(0, x), R.RELU_RULE),
    (Abs(x), R.ABS_RULE),
    (Abs(x**2 - 4), R.CHAIN_RULE),
    (tanh(2 * x + 1) ** 2, R.CHAIN_RULE),
    (a * x**2 + y * x, R.SUM_RULE),
]


def _sympy_diff(expr, var):
    (e,), back = real_symbols(expr)
    v = next(s for s in e.free_symbols if s.name == var.name) if e.free_symbols else var
    return diff(e, v).xreplace(back)


@pytest.mark.parametrize(("expr", "rule"), TABLE, ids=[str(e) for e, _ in TABLE])
def test_every_law_validates_and_equals_sympy(expr, rule):
    d = derive_derivative(expr, x)
    assert d.validate() is d
    root = next(s for s in d.steps if s.rule not in (R.RECOGNIZE_FUNCTIONS,) and s.before is not None)
    assert root.rule is rule
    assert same_function(d.result, _sympy_diff(expr, x)) is True


def test_every_node_is_checked_against_diff_of_its_own_input():
    d = derive_derivative(x**2 * sin(x**3) / (1 + exp(-x)), x)
    steps = [s for top in d.steps for s in top.walk()]
    tree_steps = [s for s in steps if isinstance(s.before, Derivative)]
    assert len(tree_steps) >= 8
    for s in tree_steps:
        assert verify_step(s) is None


@pytest.mark.parametrize(("rule", "before", "wrong"), [
    (R.POWER_RULE, x**3, 3 * x**3),
    (R.TRIG_RULE, cos(x), sin(x)),
    (R.EXP_BASE_RULE, 2**x, 2**x),
    (R.SIGMOID_RULE, sigmoid(x), sigmoid(x) ** 2),
    (R.RELU_RULE, Max(0, x), Piecewise((0, x < 0), (-1, x > 0))),
])
def test_a_wrong_node_is_caught(rule, before, wrong):
    given = {"n": 3} if rule is R.POWER_RULE else {"function": "cos"} if rule is R.TRIG_RULE \
        else {"a": 2} if rule is R.EXP_BASE_RULE else {}
    bad = Step(rule, Derivative(before, x), wrong, given)
    assert verify_step(bad) is not None


def test_a_wrong_result_fails_validation():
    from dataclasses import replace

    d = derive_derivative(x**3, x)
    with pytest.raises(DerivationError):
        replace(d, result=4 * x**2, steps=d.steps[:1]).validate()


def test_product_rule_names_its_pieces():
    d = derive_derivative(x**2 * sin(x), x)
    g = d.steps[1].given
    assert (g["f"], g["df"], g["g"], g["dg"]) == (x**2, 2 * x, sin(x), cos(x))


def test_chain_rule_names_u():
    d = derive_derivative(exp(-x**2 / 2), x)
    step = d.steps[1]
    assert step.rule is R.CHAIN_RULE
    assert step.given["u"] == -x**2 / 2
    assert str(step.given["U"]) == "u"
    assert step.after == -x * exp(-x**2 / 2)


def test_nested_chains_name_different_letters():
    d = derive_derivative(sin(cos(x**2)), x)
    letters = [str(s.given["U"]) for s in d.steps[1].walk() if s.rule is R.CHAIN_RULE]
    assert letters == ["u", "v"]


def test_sigmoid_is_recognized_and_differentiated_as_itself():
    d = derive_derivative(1 / (1 + exp(-x)), x)
    assert [s.rule for s in d.steps] == [sm.core.rules.Rule.GIVEN, R.RECOGNIZE_FUNCTIONS,
                                         R.SIGMOID_RULE]
    assert d.result == sigmoid(x) * (1 - sigmoid(x))
    assert "σ" in d.to_text() and r"\sigma" in d.to_latex()


def test_sigmoid_parses_from_learner_text():
    for text in ("sigma(x)", "sigmoid(x)", "σ(x)", "1/(1+e^(-x))"):
        assert sm.solve("derivative", expr=text).result == sigmoid(x) * (1 - sigmoid(x))


def test_softplus_derivative_is_sigmoid():
    assert derive_derivative(log(1 + exp(x)), x).result == sigmoid(x)


@pytest.mark.parametrize(("expr", "corner"), [(Max(0, x), x), (Abs(x), x),
                                              (Abs(x - 2), x - 2), (Max(0, 3 * x + 1), 3 * x + 1)])
def test_relu_and_abs_state_where_no_derivative_exists(expr, corner):
    d = derive_derivative(expr, x)
    d.validate()
    flat = [s for top in d.steps for s in top.walk()]
    said = [s.given["not_differentiable"] for s in flat if "not_differentiable" in s.given]
    assert said and (said[0] == x or said[0].lhs == corner)
    assert "no derivative" in d.to_text("full")


def test_relu_derivative_values():
    d = derive_derivative(Max(0, x), x)
    assert d.result.subs(x, 2) == 1 and d.result.subs(x, -2) == 0


def test_tidy_is_its_own_step_and_keeps_the_value():
    d = derive_derivative((x - 1) * (2 * x + 1) ** 2, x)
    tidy = [s for s in d.steps if s.rule is R.TIDY_DERIVATIVE]
    assert tidy and tidy[0].given["strategy"]
    assert same_function(tidy[0].before, tidy[0].after) is True


def test_at_shows_the_substitution_then_the_arithmetic():
    d = derive_derivative(x**3 - 2 * x, x, at={x: 2})
    assert d.result == 10
    rules = [s.rule.value for s in d.steps]
    assert rules[-2:] == ["evaluate_at", "arithmetic"]
    assert d.steps[-2].after != 10  # the substituted, unevaluated form
    d.validate()


def test_at_a_point_outside_the_domain_is_a_clear_error():
    with pytest.raises(InputError, match="not defined"):
        derive_derivative(1 / x, x, at={x: 0})


@pytest.mark.parametrize(("expr", "want"), [
    (x**3 + 2 * x, 3 * x**2 + 2),
    (5 * x**2 - x + 7, 10 * x - 1),
    (1 / x, -1 / x**2),
    (1 / (x + 1), -1 / (x + 1) ** 2),
    (sqrt(x), 1 / (2 * sqrt(x))),
    (3 * sqrt(2 * x + 1), 3 / sqrt(2 * x + 1)),
])
def test_limit_definition(expr, want):
    d = derive_derivative(expr, x, method="definition")
    d.validate()
    assert same_function(d.result, want) is True
    assert d.steps[1].rule is R.LIMIT_DEFINITION and d.steps[-1].rule is R.TAKE_LIMIT


def test_limit_definition_refuses_other_functions():
    with pytest.raises(InputError, match="limit definition"):
        derive_derivative(sin(x), x, method="definition")


def test_second_derivative_and_concavity():
    d = derive_second_derivative(x**4 - 6 * x**2, x)
    d.validate()
    assert d.result == 12 * x**2 - 12
    c = d.steps[-1].given
    assert c["inflection"] == (-1, 1)
    assert str(c["down"]) == "Interval.open(-1, 1)"
    at = derive_second_derivative(exp(x) - x**3, x, at={x: 0})
    assert at.result == 1 and str(at.steps[-1].given["concavity"]) == "concave up"
    at.validate()


def test_several_variables_need_a_named_variable():
    with pytest.raises(InputError, match="several variables"):
        derive_derivative(x * y, None)
    assert derive_derivative(x * y**2, y).result == 2 * x * y


def test_fallback_leaf_is_honest():
    from sympy import Function

    f = Function("f")
    d = derive_derivative(x * f(x), x)
    d.validate()
    assert any(s.rule is R.DIFF_FALLBACK for top in d.steps for s in top.walk())


def test_renders_in_every_format():
    d = derive_derivative(x**2 * sin(x) + sigmoid(3 * x), x, at={x: 1})
    for detail in ("overview", "standard", "full"):
        assert "Chain rule" in d.to_text("full")
        assert d.to_markdown(detail) and d.to_latex(detail) and d.to_json(detail)


def test_tree_results_are_built_without_diff():
    # the law table computes each result from the parts; diff appears only in fallbacks
    t = diff_tree(sigmoid(x**2) * log(x), x)
    assert all(n.rule is not R.DIFF_FALLBACK for n in t.walk())
    assert same_function(to_elementary(t.result), diff(to_elementary(sigmoid(x**2) * log(x)), x))

"""The answer ladder: equivalent forms, decimals to the precision written, matrices, undecided."""

from __future__ import annotations

import pytest
from sympy import E, Matrix, Rational, cos, exp, log, pi, sin, sqrt, symbols

import symbolic_mlmath as sm
from symbolic_mlmath.core.answers import compare, compare_multiset, compare_scalar, normalize_choice
from symbolic_mlmath.text.parse import parse_answer

x, y = symbols("x y")

ANSWERS = [  # expected, what the learner typed, correct?
    (Rational(5, 2), "5/2", True),
    (Rational(5, 2), "2.5", True),
    (Rational(5, 2), "10/4", True),
    (Rational(5, 2), "2.4", False),
    (Rational(4, 9), "0.4444", True),
    (Rational(4, 9), "0.444", True),
    (Rational(4, 9), "0.44", True),
    (Rational(4, 9), "0.45", False),
    (Rational(4, 9), "0.4", True),  # 0.444.. correctly rounded to 1 place
    (Rational(2, 3), "0.6667", True),  # rounded
    (Rational(2, 3), "0.6666", False),  # truncated, not rounded (the one decimal rule)
    (Rational(2, 3), "0.6665", False),
    (sqrt(2), "sqrt(2)", True),
    (sqrt(2), "2^(1/2)", True),
    (sqrt(8), "2 sqrt(2)", True),
    (sqrt(2), "1.4142", True),
    (sqrt(2), "1.5", False),
    (pi / 4, "pi/4", True),
    (pi / 4, "0.7854", True),
    (-6, "-6", True),
    (-6, "6", False),
    ((x + 1) ** 2, "x^2 + 2x + 1", True),
    ((x + 1) ** 2, "x^2 + x + 1", False),
    (exp(-x), "e^(-x)", True),
    (exp(-x), "1/e^x", True),
    (sin(x) ** 2 + cos(x) ** 2, "1", True),
    (log(x * y), "ln(x) + ln(y)", True),  # equal for the positive sample points
    (1 / (1 + exp(-x)), "sigma(x)", True),
    (E, "e", True),
]


@pytest.mark.parametrize(("expected", "typed", "ok"), ANSWERS)
def test_answer_ladder(expected, typed, ok):
    v = compare(expected, parse_answer(typed), text=typed)
    assert v.correct is ok, v.feedback


def test_decimal_feedback_gives_exact_value():
    v = compare(Rational(4, 9), parse_answer("0.4444"), text="0.4444")
    assert v.method == "decimal"
    assert "4/9" in v.feedback


def test_tolerances_override_decimal_rule():
    got = parse_answer("0.44")
    assert compare(Rational(4, 9), got, text="0.44", abs_tol="0.001").correct is False
    assert compare(Rational(4, 9), got, text="0.44", abs_tol="0.01").correct is True
    assert compare(Rational(4, 9), got, text="0.44", rel_tol="0.05").correct is True


def test_matrix_answers_report_wrong_entries():
    v = compare(Matrix([[1, 2], [3, 4]]), Matrix([[1, 0], [3, 5]]))
    assert v.correct is False
    assert v.details == ("entry (1, 2): expected 2, got 0", "entry (2, 2): expected 4, got 5")
    v = compare(Matrix([[1, 2], [3, 4]]), Matrix([[1, 2]]))
    assert v.correct is False and "2x2" in v.feedback and "1x2" in v.feedback


def test_sets_in_any_order_and_multisets():
    v = compare_multiset([Rational(1), Rational(2), Rational(2)], [Rational(2), Rational(1)])
    assert v.correct is False and "missing 2" in v.feedback
    assert compare_multiset([1, 2], [Rational(2), Rational(1)]).correct is True


def test_numeric_rung_finds_counterexample():
    ok, method, _ = compare_scalar(x**3 - x, x * (x - 1) * (x + 2))
    assert ok is False
    assert method in {"numeric", "exact"}


def test_undecided_is_honest():
    # expressions that cannot be evaluated anywhere give None, not a guess
    f = symbols("f", cls=type(sm.parse.parse_expr("f(x)").func))  # noqa: F841 (undefined function)
    ok, method, _ = compare_scalar(sm.parse.parse_expr("f(x)"), sm.parse.parse_expr("f(x) + 0*x + g(x)"))
    assert ok is None and method == "undecided"


@pytest.mark.parametrize(("text", "name"), [("Infinitely many", "infinite"), ("one", "unique"),
                                             ("No solution.", "none"), ("maybe", None)])
def test_normalize_choice(text, name):
    assert normalize_choice(text) == name


def test_check_api_det():
    m = "[[2,1,5],[1,2,1],[2,1,3]]"
    assert sm.check("det", answer="-6", matrix=m).correct is True
    assert sm.check("det", answer="-12/2", matrix=m).correct is True
    v = sm.check("det", answer="6", matrix=m)
    assert v.correct is False and v.expected == -6

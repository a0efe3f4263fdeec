"""probability, bayes and naive_bayes: exact values by enumeration and the laws, slips named."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from sympy import Rational, erf, exp, sqrt

from symbolic_mlmath.api import check, solve
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import verify_step
from symbolic_mlmath.text.events import parse_event

R = Rational
DICE = {"X1": "die(6)", "X2": "die(6)"}


def _brute(pred, sides=6, k=2):
    """Hand reference: count equally likely outcomes with plain Python."""
    outs = list(itertools.product(range(1, sides + 1), repeat=k))
    return Fraction(sum(1 for o in outs if pred(*o)), len(outs))


@pytest.mark.parametrize(
    ("event", "pred", "rules"),
    [
        ("X1 + X2 = 7", lambda a, b: a + b == 7, ["sample_space", "count_outcomes"]),
        ("X1 + X2 >= 10", lambda a, b: a + b >= 10, ["sample_space", "count_outcomes"]),
        ("X1 = X2", lambda a, b: a == b, ["sample_space", "count_outcomes"]),
        ("X1 = 6 and X2 = 6", lambda a, b: a == 6 and b == 6, None),
        ("X1 = 6 or X2 = 6", lambda a, b: a == 6 or b == 6, None),
        ("not (X1 + X2 = 7)", lambda a, b: a + b != 7, None),
        ("X1 > 2 and X1 + X2 < 6", lambda a, b: a > 2 and a + b < 6, None),
    ],
)
def test_dice_events_match_counting(event, pred, rules):
    d = solve("probability", variables=DICE, event=event)
    want = _brute(pred)
    assert d.result == R(want.numerator, want.denominator)
    if rules:
        assert [s.rule.value for s in d.steps] == rules
    d.validate()


def test_laws_are_named():
    d = solve("probability", variables=DICE, event="X1 = 6 and X2 = 6")
    assert "probability_product_rule" in [s.rule.value for s in d.steps]
    d = solve("probability", variables=DICE, event="X1 = 6 or X2 = 6")
    assert d.steps[1].rule.value == "probability_addition_rule"
    d = solve("probability", variables=DICE, event="X1 + X2 = 7", given="X1 = 3")
    assert "conditional_rule" in [s.rule.value for s in d.steps] and d.result == R(1, 6)


def test_coins_and_named_distributions():
    coins = {"C1": "coin", "C2": "coin", "C3": "coin"}
    assert solve("probability", variables=coins, event="C1 + C2 + C3 = 2").result == R(3, 8)
    d = solve("probability", variables={"X": "normal(15, 5)"}, event="10 < X <= 20")
    assert (d.result - erf(sqrt(2) / 2)).expand() == 0
    d.validate()
    p = solve("probability", variables={"X": "poisson(2)"}, event="X >= 1")
    assert "complement_rule" in [s.rule.value for s in p.steps]
    p.validate()


@pytest.mark.parametrize(
    ("event", "probs", "independent", "want"),
    [
        ("A or B", {"A": "0.3", "B": "0.5", "A and B": "0.1"}, False, R(7, 10)),
        ("A given B", {"A and B": "0.1", "B": "0.5"}, False, R(1, 5)),
        ("not A", {"A": "25%"}, False, R(3, 4)),
        ("A and B", {"A given B": "0.2", "B": "0.5"}, False, R(1, 10)),
        ("A and B", {"A": "0.2", "B": "0.5"}, True, R(1, 10)),
        ("A or B", {"A": "1/2", "B": "1/3"}, True, R(2, 3)),
        ("D", {"D given S": "0.9", "D given not S": "0.05", "S": "0.01", "not S": "0.99"}, False,
         R(117, 2000)),
    ],
)
def test_event_algebra(event, probs, independent, want):
    d = solve("probability", event=event, probabilities=probs, independent=independent)
    assert d.result == want
    d.validate()


def test_not_enough_information_is_a_clear_error():
    with pytest.raises(InputError, match="cannot be found"):
        solve("probability", event="A and B", probabilities={"A": "0.2", "B": "0.5"})


@pytest.mark.parametrize(
    ("text", "message"),
    [("X1 + X2 =", "expected an expression"), ("X1 >> 2", "expected"), ("", "empty"),
     ("A given B given C", "at most one"), ("__import__(1) > 2", "not allowed")],
)
def test_bad_events(text, message):
    with pytest.raises(InputError) as err:
        parse_event(text)
    assert message in str(err.value)


def test_wrong_law_is_caught():
    d = solve("probability", event="A or B", probabilities={"A": "0.3", "B": "0.5",
                                                            "A and B": "0.1"})
    s = d.steps[0]
    bad = Step(s.rule, s.before, s.after + R(1, 10), s.given)
    assert verify_step(bad) is not None
    d = solve("probability", variables=DICE, event="X1 + X2 = 7")
    s = d.steps[1]
    bad = Step(s.rule, s.before, R(1, 7), {**s.given})
    assert "sympy.stats" in verify_step(bad)


@pytest.mark.parametrize(
    ("inputs", "answer", "correct", "phrase"),
    [
        ({"variables": DICE, "event": "X1 + X2 = 7"}, "1/6", True, ""),
        ({"variables": DICE, "event": "X1 + X2 = 7"}, "16.7%", True, ""),
        ({"variables": DICE, "event": "X1 + X2 = 7"}, "5/6", False, "complement"),
        ({"variables": DICE, "event": "X1 + X2 = 7", "given": "X1 = 3"}, "1/36", False,
         "divide by P(B)"),
        ({"event": "A and B", "probabilities": {"A": "0.3", "B": "0.5", "A and B": "0.1"}},
         "0.15", False, "independence assumed"),
    ],
)
def test_probability_slips(inputs, answer, correct, phrase):
    v = check("probability", answer=answer, **inputs)
    assert v.correct is correct, v.feedback
    assert phrase in v.feedback


def test_bayes_and_slips():
    prior, lik = {"sick": "0.01", "healthy": "0.99"}, {"sick": "0.9", "healthy": "0.05"}
    d = solve("bayes", prior=prior, likelihood=lik)
    assert d.result == {"sick": R(2, 13), "healthy": R(11, 13)}
    d.validate()
    v = check("bayes", answer="{sick: 0.9, healthy: 0.1}", prior=prior, likelihood=lik)
    assert v.correct is False and "likelihood P(E | H), not the posterior" in v.feedback
    assert check("bayes", answer="{sick: 2/13, healthy: 0.846}", prior=prior,
                 likelihood=lik).correct
    with pytest.raises(InputError, match="add up to"):
        solve("bayes", prior={"a": "0.5", "b": "0.4"}, likelihood={"a": "0.1", "b": "0.2"})


def test_naive_bayes_spam_and_log_space():
    lik = {"free": {"spam": "0.3", "ham": "0.05"}, "meeting": {"spam": "0.01", "ham": "0.2"},
           "win": {"spam": "0.2", "ham": "0.01"}, "money": {"spam": "0.25", "ham": "0.02"},
           "now": {"spam": "0.3", "ham": "0.1"}}
    words = ["free", "win", "money", "now", "meeting"]
    d = solve("naive_bayes", prior={"spam": "0.4", "ham": "0.6"}, likelihoods=lik, words=words)
    spam = Fraction(4, 10) * Fraction(3, 10) * Fraction(2, 10) * Fraction(25, 100) * Fraction(3, 10) \
        * Fraction(1, 100)
    ham = Fraction(6, 10) * Fraction(5, 100) * Fraction(1, 100) * Fraction(2, 100) * Fraction(1, 10) \
        * Fraction(2, 10)
    want = spam / (spam + ham)
    assert d.result["spam"] == R(want.numerator, want.denominator)
    assert "log_space" in [s.rule.value for s in d.steps]
    d.validate()
    with pytest.raises(InputError, match="no likelihoods"):
        solve("naive_bayes", prior={"spam": "0.4", "ham": "0.6"}, likelihoods=lik,
              words=["lottery"])


@pytest.mark.parametrize(
    ("variables", "event", "given", "want"),
    [
        ({"X": "exponential(1)"}, "X > 3", "X > 1", exp(-2)),  # memoryless
        ({"X": "poisson(2)"}, "X != 3", None, 1 - 4 * exp(-2) / 3),
        ({"X": "normal(0, 1)"}, "X^2 < 1", None, erf(sqrt(2) / 2)),
        ({"X": "normal(0, 1)"}, "X > 1 or X < -1", None, 1 - erf(sqrt(2) / 2)),
    ],
)
def test_one_variable_events_are_reduced_to_intervals(variables, event, given, want):
    d = solve("probability", variables=variables, event=event, given=given)
    assert (d.result - want).expand() == 0
    d.validate()


def test_impossible_and_unsupported_events_are_one_line_errors():
    with pytest.raises(InputError, match="impossible"):
        solve("probability", variables={"X": "normal(0, 1)"}, event="X > 5 and X < 1")
    with pytest.raises(InputError, match="interval"):
        solve("probability", variables={"X": "normal(0, 1)"}, event="sin(X) > 0")

"""Cards as a sample space: hand counts (math.comb, plain Python) as the references."""

from __future__ import annotations

import itertools
from fractions import Fraction
from math import comb

import pytest
from sympy import Rational

from symbolic_mlmath.api import check, solve
from symbolic_mlmath.core.errors import InputError

R = Rational


def _r(f: Fraction) -> Rational:
    return R(f.numerator, f.denominator)


@pytest.mark.parametrize(
    ("event", "draws", "replacement", "want"),
    [
        ("heart or king", 1, False, Fraction(16, 52)),            # 13 + 4 - 1 of 52
        ("red and face", 1, False, Fraction(6, 52)),
        ("not spade", 1, False, Fraction(39, 52)),
        ("both aces", 2, False, Fraction(comb(4, 2), comb(52, 2))),
        ("both aces", 2, True, Fraction(1, 169)),
        ("at least one ace", 2, False, 1 - Fraction(comb(48, 2), comb(52, 2))),
        ("exactly one heart", 2, False, Fraction(13 * 39, comb(52, 2))),
        ("no aces", 3, False, Fraction(comb(48, 3), comb(52, 3))),
        ("all hearts", 3, False, Fraction(comb(13, 3), comb(52, 3))),
        ("ace1 and king2", 2, False, Fraction(4 * 4, 52 * 51)),
        ("ace2 given ace1", 2, False, Fraction(3, 51)),
        ("heart2 given heart1 or diamond1", 2, False, Fraction(13 * 12 + 13 * 13, 26 * 51)),
    ],
)
def test_card_events_match_hand_counts(event, draws, replacement, want):
    d = solve("probability", variables="cards", event=event, draws=draws,
              replacement=replacement)
    assert d.result == _r(want)
    d.validate()


def test_two_cards_brute_force():
    """Every ordered pair of a plain-Python deck: P(same suit) = 12/51."""
    deck = [(r, s) for s in "HDCS" for r in range(13)]
    pairs = list(itertools.permutations(deck, 2))
    want = Fraction(sum(a[1] == b[1] for a, b in pairs), len(pairs))
    d = solve("probability", variables="cards", draws=2,
              event="(heart1 and heart2) or (diamond1 and diamond2) or (club1 and club2) "
                    "or (spade1 and spade2)")
    assert d.result == _r(want) == R(4, 17)


def test_rules_named():
    rules = [s.rule.value for s in solve("probability", variables="cards",
                                         event="heart or king").steps]
    assert rules[:2] == ["sample_space", "probability_addition_rule"]
    d = solve("probability", variables="cards", event="both aces", draws=2)
    prod = next(s for s in d.steps if s.rule.value == "probability_product_rule")
    assert not prod.given["independent"]
    d = solve("probability", variables="cards", event="both aces", draws=2, replacement=True)
    prod = next(s for s in d.steps if s.rule.value == "probability_product_rule")
    assert prod.given["independent"]


def test_card_answers_and_independence_slip():
    kw = {"variables": "cards", "event": "both aces", "draws": 2}
    assert check("probability", answer="1/221", **kw).correct
    assert check("probability", answer="4/52 * 3/51", **kw).correct
    v = check("probability", answer="1/169", **kw)
    assert v.correct is False and "independence" in v.feedback
    v = check("probability", answer="9/13", variables="cards", event="heart or king")
    assert v.correct is False and "complement" in v.feedback


@pytest.mark.parametrize(("event", "draws", "word"), [
    ("ace", 2, "number the draw"), ("joker", 1, "unknown"), ("ace3", 2, "2 draws"),
    ("X > 2", 1, "words"),
])
def test_card_errors_are_one_line(event, draws, word):
    with pytest.raises(InputError, match=word):
        solve("probability", variables="cards", event=event, draws=draws)


def test_draws_only_for_cards():
    with pytest.raises(InputError):
        solve("probability", variables={"X": "die(6)"}, event="X = 1", draws=2)


# ------------------------------------------------------------------ property: laws vs brute force
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_RANKS = ["ace", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "jack",
          "queen", "king"]
_TRUTH = {  # a card is (rank 1..13, suit letter); the test's own reading of the words
    **{w: (lambda c, r=r: c[0] == r) for r, w in enumerate(_RANKS, 1)},
    "heart": lambda c: c[1] == "H", "diamond": lambda c: c[1] == "D",
    "club": lambda c: c[1] == "C", "spade": lambda c: c[1] == "S",
    "red": lambda c: c[1] in "HD", "black": lambda c: c[1] in "CS",
    "face": lambda c: c[0] > 10,
}


def _events(draws: int):
    leaf = st.builds(lambda w, k: (f"{w}{k}" if draws > 1 else w,
                                   lambda cs, w=w, k=k: _TRUTH[w](cs[k - 1])),
                     st.sampled_from(sorted(_TRUTH)), st.integers(1, draws))

    def combine(children):
        both = st.tuples(children, children)
        return st.one_of(
            st.builds(lambda p: (f"not ({p[0]})", lambda cs, f=p[1]: not f(cs)), children),
            st.builds(lambda ab: (f"({ab[0][0]}) and ({ab[1][0]})",
                                  lambda cs, a=ab[0][1], b=ab[1][1]: a(cs) and b(cs)), both),
            st.builds(lambda ab: (f"({ab[0][0]}) or ({ab[1][0]})",
                                  lambda cs, a=ab[0][1], b=ab[1][1]: a(cs) or b(cs)), both))

    return st.recursive(leaf, combine, max_leaves=3)


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_laws_agree_with_brute_force(data):
    draws = data.draw(st.sampled_from([1, 2]))
    replacement = data.draw(st.booleans()) if draws == 2 else False
    text, pred = data.draw(_events(draws))
    deck = [(r, s) for s in "HDCS" for r in range(1, 14)]
    outs = (list(itertools.product(deck, repeat=draws)) if replacement
            else list(itertools.permutations(deck, draws)))
    want = Fraction(sum(1 for o in outs if pred(o)), len(outs))
    d = solve("probability", variables="cards", event=text, draws=draws,
              replacement=replacement)
    assert d.result == _r(want), text


def test_count_verifier_recounts_and_catches_a_wrong_count():
    from sympy import Integer

    from symbolic_mlmath.core.steps import Step
    from symbolic_mlmath.core.verify import verify_step

    d = solve("probability", variables="cards", event="all hearts", draws=3)
    counts = [s for s in d.steps if s.rule.value == "count_outcomes"]
    assert counts and all(verify_step(s) is None for s in counts)
    s = counts[0]
    bad = Step(s.rule, s.before, s.before.xreplace({s.given["part"]: Integer(1) / 4}),
               {**s.given, "becomes": Integer(1) / 4})
    assert verify_step(bad) is not None

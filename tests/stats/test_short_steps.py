"""Steps print short: naive Bayes groups each class's product into its value, long data is
not repeated in every step, sums show a simplified summand; the step objects stay exact."""

from __future__ import annotations

from sympy import Mul, Rational

from symbolic_mlmath.api import solve
from symbolic_mlmath.render.latex import to_latex
from symbolic_mlmath.render.text import to_text
from symbolic_mlmath.stats.notation import Prob

LIK = {"free": {"spam": "0.3", "ham": "0.05"}, "meeting": {"spam": "0.02", "ham": "0.2"},
       "win": {"spam": "0.25", "ham": "0.01"}}


def test_naive_bayes_groups_the_products():
    d = solve("naive_bayes", prior={"spam": "0.4", "ham": "0.6"}, likelihoods=LIK,
              words="free meeting win")
    # hand: spam 0.4 * 0.3 * 0.02 * 0.25 = 3/5000, ham 0.6 * 0.05 * 0.2 * 0.01 = 3/50000
    assert d.result == {"spam": Rational(10, 11), "ham": Rational(1, 11)}
    steps = [s for s in d.steps if s.rule.value == "likelihood_product"]
    spam = steps[0]
    assert spam.given["product"] == Mul(*(Prob(w, spam.given["class"])
                                          for w in spam.given["words"]))
    assert spam.given["becomes"] == Rational(3, 2000)
    text = to_text(d)
    assert max(len(line) for line in text.splitlines()) < 200
    assert text.count("P(free | spam)") == 1  # the product written once, then its value
    assert r"\frac{3}{10} \cdot \frac{1}{50}" in to_latex(d)
    d.validate()


def test_long_data_is_not_repeated_in_each_step():
    data = " ".join(str(k * 1.5) for k in range(25))
    d = solve("variance", data=data)
    assert d.result == Rational(975, 8)  # hand: sum of squares 2925 over 24
    text = to_text(d)
    assert "69/2" in text and text.count("69/2") == 1  # the data once, under Given
    assert all(s.before is not None for s in d.steps)  # the steps still hold the data
    short = to_text(solve("variance", data="2 4 4 4 5 5 7 9"))
    assert short.count("(2, 4, 4, 4, 5, 5, 7, 9)") >= 2  # short data still shown


def test_binomial_summand_is_simplified():
    d = solve("variance", distribution="binomial(4, 0.5)")
    assert d.result == 1
    text = to_text(d)
    assert "2^(-k)" not in text and "binomial(4, k)/16" in text
    d.validate()

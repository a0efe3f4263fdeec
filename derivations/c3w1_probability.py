"""Course 3, week 1: probability on sample spaces, its rules, Bayes' theorem, naive Bayes.

Two dice as a sample space of 36 equally likely outcomes; events counted exactly; the
complement, addition (inclusion-exclusion), product (independence) and conditional rules
named; a medical test by Bayes' theorem (the base rate matters); a naive Bayes spam filter,
with many words in log space. Each probability is checked by plain counting or by
``sympy.stats``; the figures are the distribution of the dice sum and prior vs posterior.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c3w1-probability"
TITLE = "Probability"

DICE = {"X1": "die(6)", "X2": "die(6)"}


def _sum_figure(values):
    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(6, 3.6))
    ax = fig.axes[0]
    ks = list(values)
    ax.bar(ks, [float(v) for v in values.values()], color=["C1" if k == 7 else "C0" for k in ks],
           edgecolor="k", lw=0.5)
    ax.set_xlabel("X1 + X2")
    ax.set_ylabel("probability")
    ax.set_title("Sum of two dice: P(X1 + X2 = s), the most likely sum 7 in orange", fontsize=10)
    return fig


def _bayes_figure(prior, posterior):
    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(6, 3.4))
    ax = fig.axes[0]
    names = list(prior)
    xs = range(len(names))
    ax.bar([x - 0.2 for x in xs], [float(prior[n]) for n in names], 0.4, label="prior")
    ax.bar([x + 0.2 for x in xs], [float(posterior[n]) for n in names], 0.4, label="posterior")
    ax.set_xticks(list(xs), names)
    ax.legend()
    ax.set_title("A positive test: prior and posterior", fontsize=10)
    return fig


def build(t: Topic) -> None:
    import itertools
    from fractions import Fraction

    from sympy import Eq, Rational
    from sympy.stats import Die, P

    t.text(r"""
        A **sample space** lists every outcome of an experiment. For two fair dice it has
        $6 \times 6 = 36$ equally likely outcomes, so the probability of an event is
        *favourable outcomes / 36*.
    """)
    d = t.solve("probability", variables=DICE, event="X1 + X2 = 7")
    D1, D2 = Die("X1", 6), Die("X2", 6)
    t.cross_check("P(X1 + X2 = 7) by sympy.stats", d.result, P(Eq(D1 + D2, 7)))
    outs = list(itertools.product(range(1, 7), repeat=2))
    by_hand = Fraction(sum(1 for a, b in outs if a + b == 7), 36)
    t.numeric_check("counted in plain Python", d.result, float(by_hand))
    sums = {s: t.solve("probability", variables=DICE, event=f"X1 + X2 = {s}").result
            if s in (2, 7, 12) else
            Rational(sum(1 for a, b in outs if a + b == s), 36) for s in range(2, 13)}
    t.cross_check("the sums add up to 1", sum(sums.values()), 1)
    t.figure("dice_sum", _sum_figure(sums), "The distribution of the sum of two dice.")

    t.text(r"""
        **Complement rule**: $P(A^c) = 1 - P(A)$. **Addition rule** (inclusion-exclusion):
        $P(A \cup B) = P(A) + P(B) - P(A \cap B)$. **Product rule**: for independent
        events $P(A \cap B) = P(A)P(B)$ — two different dice are independent.
    """)
    six = t.solve("probability", variables=DICE, event="X1 = 6 or X2 = 6")
    t.cross_check("at least one six = 11/36", six.result, Rational(11, 36))
    t.cross_check("1 - P(no six)", six.result, 1 - Rational(25, 36))
    both = t.solve("probability", variables=DICE, event="X1 = 6 and X2 = 6")
    t.cross_check("both six, sympy.stats", both.result, P((D1 > 5) & (D2 > 5)))
    t.solve("probability", event="A or B", probabilities={"A": "0.3", "B": "0.5", "A and B": "0.1"})
    t.solve("probability", event="not A", probabilities={"A": "25%"})

    t.text(r"""
        **Conditional probability**: $P(A \mid B) = P(A \cap B) / P(B)$ — restrict the sample
        space to $B$. Knowing the first die shows 3, a total of 7 needs a 4: probability 1/6.
    """)
    c = t.solve("probability", variables=DICE, event="X1 + X2 = 7", given="X1 = 3")
    t.cross_check("P(X1 + X2 = 7 | X1 = 3) by sympy.stats", c.result,
                  P(Eq(D1 + D2, 7), Eq(D1, 3)))
    t.solve("probability", event="A and B", probabilities={"A given B": "0.2", "B": "0.5"})

    t.text(r"""
        **Cards.** One card from a 52-card deck: $P(\text{heart or king}) = 13/52 + 4/52 -
        1/52 = 4/13$ by the addition rule. Two cards *without replacement* are dependent:
        $P(\text{both aces}) = P(A_1)\,P(A_2 \mid A_1) = \frac{4}{52}\cdot\frac{3}{51} =
        \frac{1}{221}$; with replacement the draws are independent, $1/169$.
    """)
    from math import comb

    hk = t.solve("probability", variables="cards", event="heart or king")
    t.cross_check("13 + 4 - 1 of 52 cards", hk.result, Rational(16, 52))
    aces = t.solve("probability", variables="cards", event="both aces", draws=2)
    t.cross_check("C(4, 2) / C(52, 2)", aces.result, Rational(comb(4, 2), comb(52, 2)))

    t.text(r"""
        **Two continuous variables.** For independent $X, Y$ the joint density is the product
        of the densities, and $P((X, Y) \in A)$ is its double integral over $A$: for two
        uniforms on $[0, 1]$, $P(X + Y < 1)$ is the area of half the unit square. For
        independent normals a linear event needs no integral: $X - Y$ is normal itself.
    """)
    uu = t.solve("probability", variables={"X": "uniform(0, 1)", "Y": "uniform(0, 1)"},
                 event="X + Y < 1")
    t.cross_check("half the unit square", uu.result, Rational(1, 2))
    ee = t.solve("probability", variables={"X": "exponential(1)", "Y": "exponential(2)"},
                 event="X < Y")
    t.cross_check("rate 1 / (1 + 2) for the first of two exponentials", ee.result,
                  Rational(1, 3))

    t.text(r"""
        **Bayes' theorem** turns $P(E \mid H)$ into $P(H \mid E)$:
        $P(H \mid E) = P(E \mid H)P(H) / P(E)$, with $P(E) = \sum_i P(E \mid H_i)P(H_i)$ (total
        probability). A test that is 90% sensitive with a 5% false-positive rate, for a
        condition 1% of people have: a positive result means only a 2/13 ≈ 15% chance.
    """)
    prior = {"sick": "0.01", "healthy": "0.99"}
    b = t.solve("bayes", prior=prior, likelihood={"sick": "0.9", "healthy": "0.05"})
    t.cross_check("P(sick | +) = 0.009 / 0.0585", b.result["sick"],
                  Rational(9, 1000) / Rational(117, 2000))
    t.numeric_check("posterior in floating point", b.result["sick"], 0.9 * 0.01 / (0.9 * 0.01
                                                                                   + 0.05 * 0.99))
    t.figure("bayes", _bayes_figure({"sick": Rational(1, 100), "healthy": Rational(99, 100)},
                                    b.result), "Prior and posterior after a positive test.")

    t.text(r"""
        **Naive Bayes** classifies a message by assuming its words independent given the
        class: $P(C \mid w_1, \dots, w_k) \propto P(C)\prod_j P(w_j \mid C)$. With many words
        the products underflow in floating point, so the scores are added as logarithms and
        normalised with the log-sum-exp; here the exact fractions stay exact.
    """)
    lik = {"free": {"spam": "0.3", "ham": "0.05"}, "meeting": {"spam": "0.01", "ham": "0.2"},
           "win": {"spam": "0.2", "ham": "0.01"}, "money": {"spam": "0.25", "ham": "0.02"},
           "now": {"spam": "0.3", "ham": "0.1"}}
    nb = t.solve("naive_bayes", prior={"spam": "0.4", "ham": "0.6"}, likelihoods=lik,
                 words=["free", "win", "money", "now"])
    spam = 0.4 * 0.3 * 0.2 * 0.25 * 0.3
    ham = 0.6 * 0.05 * 0.01 * 0.02 * 0.1
    t.numeric_check("spam posterior in floating point", nb.result["spam"], spam / (spam + ham))


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

"""Course 3, week 3: sampling and point estimates.

A population and a sample; the sample mean and the sample variance with n - 1; why n - 1:
the n divisor is biased, E[S_n^2] = (n - 1) sigma^2 / n, derived symbolically and checked
on three dice (all 216 outcomes) and by simulation; the law of large numbers (a running
mean settling at E[X]) and the central limit theorem (standardised means of skewed data
looking normal as n grows), both by seeded simulation, so every plot is reproducible.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c3w3-sampling"
TITLE = "Sampling and point estimates"


def build(t: Topic) -> None:
    import itertools
    import statistics
    from fractions import Fraction

    import numpy as np
    from sympy import Rational, Symbol

    from symbolic_mlmath.stats.distributions import parse_distribution
    from symbolic_mlmath.stats.plots import plot_clt, plot_running_mean
    from symbolic_mlmath.stats.sampling import (
        clt_means,
        derive_lln,
        derive_variance_bias,
        draw,
    )

    t.text(r"""
        A **population** has a mean $\mu$ and variance $\sigma^2$; a **sample**
        $x_1, \dots, x_n$ estimates them by the sample mean $\bar x$ and the sample variance
        $s^2 = \frac{1}{n-1}\sum_i (x_i - \bar x)^2$.
    """)
    sample = "4.2 5.1 3.9 6.0 5.5 4.8"
    m = t.solve("sample_mean", data=sample)
    fr = [Fraction(v) for v in sample.split()]
    t.cross_check("mean by statistics.mean", m.result, Rational(statistics.mean(fr)))
    v = t.solve("sample_variance", data=sample)
    t.cross_check("s^2 by statistics.variance (n - 1)", v.result, Rational(statistics.variance(fr)))
    t.numeric_check("s^2 by numpy.var(ddof=1)", v.result, np.var([float(x) for x in fr], ddof=1))

    t.text(r"""
        **Why n - 1?** Dividing by n underestimates: with $S_n^2 = \frac1n\sum(X_i - \bar X)^2$,
        expand the sum of squares, use linearity, and put in $\mathbb{E}[X_i^2] = \sigma^2 + \mu^2$
        and $\mathbb{E}[\bar X^2] = \operatorname{Var}\bar X + \mu^2 = \sigma^2/n + \mu^2$:
    """)
    b = derive_variance_bias("n")
    t.add(b)
    n, sigma = Symbol("n", integer=True, positive=True), Symbol("sigma", positive=True)
    t.cross_check("E[S_n^2] = (n - 1) sigma^2 / n", b.result, (n - 1) * sigma**2 / n)
    rolls = list(itertools.product(range(1, 7), repeat=3))
    biased = sum(Fraction(sum((x - Fraction(sum(r), 3)) ** 2 for x in r), 3) for r in rolls) / 216
    t.cross_check("three dice, all 216 outcomes: E[S_3^2] = (2/3)(35/12)", Rational(biased),
                  b.result.subs({n: 3, sigma: (Rational(35, 12)) ** Rational(1, 2)}))
    u = derive_variance_bias("n-1")
    t.add(u)
    t.cross_check("dividing by n - 1 is unbiased", u.result, sigma**2)
    die = parse_distribution("die(6)")
    sims = draw(die, 3 * 20000, seed=7).reshape(20000, 3)
    t.numeric_check("simulation (seed 7): mean of S_3^2 over 20000 samples", b.result.subs(
        {n: 3, sigma: (Rational(35, 12)) ** Rational(1, 2)}), sims.var(axis=1).mean(), rtol=0.03)

    t.text(r"""
        The **law of large numbers**: the running mean of independent draws settles at
        $\mathbb{E}[X]$. Here 100000 rolls of a die (seed 1).
    """)
    lln = derive_lln(die, 100_000, seed=1)
    t.add(lln)
    xs = draw(die, 100_000, seed=1)
    running = xs.cumsum() / np.arange(1, len(xs) + 1)
    t.numeric_check("the running mean ends near 7/2", Rational(7, 2), running[-1], rtol=0.01)
    t.figure("lln", plot_running_mean(running, 3.5, "Running mean of die rolls (seed 1)"),
             "The running mean of 100000 seeded die rolls approaches E[X] = 7/2.")

    t.text(r"""
        The **central limit theorem**: for large n, $\sqrt n(\bar X - \mu)/\sigma$ is close
        to $N(0, 1)$ whatever the distribution of X. The exponential distribution is skewed;
        the standardised means of samples of size 1, 5 and 30 (seeded) become normal.
    """)
    ex = parse_distribution("exponential(1)")
    samples = {k: clt_means(ex, k, reps=4000, seed=11) for k in (1, 5, 30)}
    t.numeric_check("standardised means have mean about 0 and SD about 1 (n = 30)",
                    [0, 1], [samples[30].mean(), samples[30].std()], rtol=0.1, atol=0.1)
    t.figure("clt", plot_clt(samples, "CLT: standardised means of exponential(1) samples"),
             "Histograms of standardised means (seed 11) against the standard normal density.")


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

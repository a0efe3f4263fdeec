"""Course 3, week 2: describing distributions and data.

Expected value by its definition (a sum or an integral) and by the family's formula; the
expected value of g(X) (the law of the unconscious statistician) and linearity;
the variance by the shortcut E[X^2] - E[X]^2 and Var(aX + b) = a^2 Var X; the standard
deviation. Then data: mean, median, mode, quartiles with the method named (numpy's
linear), IQR, box plot, skewness, kurtosis and z-scores, exactly, checked against the
standard library, numpy and scipy.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c3w2-describing"
TITLE = "Describing distributions"

DATA = "12.5 14.1 13.8 15.2 11.9 14.7 13.3 18.9 14.1 12.8 13.6 14.4"


def build(t: Topic) -> None:
    import statistics
    from fractions import Fraction

    import numpy as np
    from sympy import Rational, Symbol, exp, integrate, oo
    from sympy.stats import E, Normal, Poisson, variance

    from symbolic_mlmath.stats.plots import plot_box

    t.text(r"""
        The **expected value** is the probability-weighted average:
        $\mathbb{E}[X] = \sum_x x\,P(X = x)$ or $\int x f(x)\,dx$. Each family also has a
        formula ($np$ for a binomial); both routes are shown and agree.
    """)
    e = t.solve("expectation", distribution="binomial(10, 0.3)")
    t.cross_check("E[X] = np = 3", e.result, 3)
    die = t.solve("expectation", distribution="die(6)")
    t.cross_check("a die averages 7/2", die.result, Rational(7, 2))
    ex = t.solve("expectation", distribution="exponential(2)")
    x = Symbol("x", positive=True)
    t.cross_check("integral of x 2e^(-2x) (SymPy)", ex.result, integrate(2 * x * exp(-2 * x),
                                                                         (x, 0, oo)))
    t.text(r"""
        For a function of $X$, weight $g(x)$ instead of $x$:
        $\mathbb{E}[g(X)] = \sum_x g(x)P(X = x)$. For linear $g$ this is **linearity**,
        $\mathbb{E}[aX + b] = a\mathbb{E}[X] + b$; in general $\mathbb{E}[g(X)] \ne g(\mathbb{E}[X])$.
    """)
    g2 = t.solve("expectation", distribution="die(6)", expr="X^2")
    t.cross_check("E[X^2] for a die = 91/6, not (7/2)^2", g2.result, Rational(91, 6))
    lin = t.solve("expectation", distribution="normal(1, 2)", expr="3X + 1")
    t.cross_check("E[3X + 1] by sympy.stats", lin.result, E(3 * Normal("N", 1, 2) + 1))
    t.text(r"""
        The **variance** measures spread: $\operatorname{Var}X = \mathbb{E}[(X - \mu)^2]
        = \mathbb{E}[X^2] - \mathbb{E}[X]^2$; shifting does not change it and scaling by $a$
        multiplies it by $a^2$. The **standard deviation** is its square root, in the units of X.
    """)
    v = t.solve("variance", distribution="poisson(3)")
    t.cross_check("Var X = lambda for a Poisson (sympy.stats)", v.result, variance(Poisson("P", 3)))
    va = t.solve("variance", distribution="normal(1, 2)", expr="3X + 1")
    t.cross_check("Var(3X + 1) = 9 Var X = 36", va.result, 36)
    t.solve("std", distribution="uniform(0, 12)")

    t.text(r"""
        **Data.** Read exactly (0.1 is 1/10), every summary is an exact number. Quartiles
        depend on a convention: numpy's default *linear* method puts the q-quantile at
        position $h = (n - 1)q$ of the sorted data and interpolates. The box plot draws
        Q1, the median and Q3, with whiskers to the last values inside the fences
        $Q_1 - 1.5\,\mathrm{IQR}$ and $Q_3 + 1.5\,\mathrm{IQR}$.
    """)
    d = t.solve("describe", data=DATA)
    r = d.result
    fr = [Fraction(v) for v in DATA.split()]
    fl = [float(v) for v in DATA.split()]
    t.cross_check("mean (statistics on Fractions)", r["mean"], Rational(statistics.mean(fr)))
    t.cross_check("median (statistics)", r["median"], Rational(statistics.median(fr)))
    t.cross_check("sample variance (statistics)", r["variance"], Rational(statistics.variance(fr)))
    t.numeric_check("Q1 and Q3 by numpy.quantile", [r["q1"], r["q3"]],
                    [np.quantile(fl, 0.25), np.quantile(fl, 0.75)])
    dev = np.array(fl) - np.mean(fl)
    m2, m3, m4 = (np.mean(dev**k) for k in (2, 3, 4))
    t.numeric_check("skewness and kurtosis from numpy's moments", [r["skewness"], r["kurtosis"]],
                    [m3 / m2**1.5, m4 / m2**2 - 3])
    t.figure("box", plot_box(fl, r, "Box plot of the data: 18.9 lies beyond the upper fence"),
             "Box plot from our exact quartiles; the outlier is drawn on its own.")
    t.text(r"""
        **Standardising** gives z-scores $z_i = (x_i - \bar x)/s$: how many standard
        deviations a value is from the mean (mean 0 and standard deviation 1 afterwards).
    """)
    z = r["z_scores"]
    t.cross_check("the z-scores average 0", sum(z) / len(z), 0)


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

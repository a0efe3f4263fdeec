"""Course 3, week 1: random variables and their distributions: PMF, PDF, CDF, quantiles.

Bernoulli and binomial PMFs from their laws; the CDF as a sum of PMF terms; the uniform and
Gaussian densities, the Gaussian CDF in erf form after standardising; the chi-squared
density; normalisation checked by summation and integration (SymPy directly); quantiles in
closed form (normal, through erfinv) and by root finding (chi-squared, t) to 30 digits,
checked against mpmath at 50 digits. Plots: PMF bars with P(X <= 2) highlighted, the
normal PDF with P(X <= 20) shaded and its CDF, chi-squared densities.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c3w1-random-variables"
TITLE = "Random variables and distributions"


def _chi2_figure():
    import numpy as np
    from sympy import Symbol, lambdify

    from symbolic_mlmath.core.plot import new_figure
    from symbolic_mlmath.stats.distributions import parse_distribution

    x = Symbol("x")
    fig = new_figure(size=(6, 3.6))
    ax = fig.axes[0]
    xs = np.linspace(0.05, 12, 300)
    for k in (1, 2, 3, 5, 8):
        f = lambdify(x, parse_distribution(f"chi2({k})").pdf(x), "numpy")
        ax.plot(xs, f(xs), label=f"k = {k}")
    ax.set_ylim(0, 0.6)
    ax.legend()
    ax.set_title("Chi-squared densities: the sum of k squared standard normals", fontsize=10)
    return fig


def build(t: Topic) -> None:
    import mpmath
    from sympy import Integer, Rational, Symbol, integrate, oo, summation
    from sympy.stats import Binomial, Normal, cdf, density

    from symbolic_mlmath.stats.distributions import decimal, parse_distribution
    from symbolic_mlmath.stats.plots import plot_pdf_cdf, plot_pmf

    x, k = Symbol("x"), Symbol("k", integer=True, nonnegative=True)
    t.text(r"""
        A **discrete** random variable has a **probability mass function** (PMF)
        $p(x) = P(X = x)$. A Bernoulli(p) variable is 1 with probability $p$; a
        **binomial** $B(n, p)$ counts the successes in $n$ independent Bernoulli trials:
        $P(X = k) = \binom{n}{k} p^k (1 - p)^{n - k}$.
    """)
    t.solve("pmf", distribution="bernoulli(0.3)", x=1)
    d = t.solve("pmf", distribution="binomial(10, 0.3)", x=3)
    t.cross_check("P(X = 3) by sympy.stats", d.result, density(Binomial("X", 10, Rational(3, 10)))(3))
    from sympy import binomial

    t.cross_check("the binomial PMF sums to 1 (n = 10, p = 3/10)",
                  summation(binomial(10, k) * Rational(3, 10) ** k * Rational(7, 10) ** (10 - k),
                            (k, 0, 10)), 1)
    t.text(r"""
        The **cumulative distribution function** $F(x) = P(X \le x)$ adds the PMF up to
        $x$. Values are exact fractions; ask for digits to see the decimal.
    """)
    c = t.solve("cdf", distribution="binomial(10, 0.3)", x=2, digits=20)
    t.numeric_check("F(2) against the exact sum in floats", c.result,
                    sum(float(binomial(10, j)) * 0.3**j * 0.7 ** (10 - j) for j in range(3)))
    t.figure("binomial_pmf", plot_pmf(parse_distribution("binomial(10, 0.3)"), highlight=(0, 2)),
             "PMF of B(10, 0.3); the bars of P(X <= 2) in orange.")
    t.solve("quantile", distribution="binomial(10, 0.3)", q="0.5")

    t.text(r"""
        A **continuous** random variable has a **density** $f$: probabilities are areas,
        $P(a < X \le b) = \int_a^b f(x)\,dx$, and $P(X = a) = 0$. The uniform density is flat;
        the **Gaussian** $N(\mu, \sigma)$ has
        $f(x) = \frac{1}{\sigma\sqrt{2\pi}} e^{-(x - \mu)^2 / (2\sigma^2)}$.
    """)
    t.solve("pdf", distribution="uniform(2, 7)", x=3)
    g = t.solve("pdf", distribution="normal(15, 5)", x="x")
    t.cross_check("the normal density integrates to 1 (SymPy)", integrate(g.result, (x, -oo, oo)), 1)
    t.cross_check("same law as sympy.stats", g.result, density(Normal("X", 15, 5))(x))
    t.text(r"""
        The Gaussian CDF has no elementary antiderivative; it is written with the error
        function after **standardising** $Z = (X - \mu)/\sigma$:
        $P(X \le x) = \tfrac12\left(1 + \operatorname{erf}\frac{x-\mu}{\sigma\sqrt2}\right)$.
    """)
    nc = t.solve("cdf", distribution="normal(15, 5)", x=20, digits=30)
    t.cross_check("P(X <= 20) by sympy.stats", nc.result, cdf(Normal("X", 15, 5))(20))
    with mpmath.workdps(50):
        judge = mpmath.ncdf(20, 15, 5)
    t.numeric_check("30 digits against mpmath at 50", decimal(nc.result, 30), float(judge),
                    rtol=1e-15)
    t.figure("normal", plot_pdf_cdf(parse_distribution("normal(15, 5)"), upto=20),
             "N(15, 5): P(X <= 20) shaded under the density, and the CDF at 20.")
    q = t.solve("quantile", distribution="normal(15, 5)", q="0.975", digits=30)
    t.numeric_check("the 97.5% point is 15 + 1.96 x 5", q.result, 15 + 5 * 1.959963984540054)

    t.text(r"""
        The **chi-squared** distribution with $k$ degrees of freedom is the sum of $k$
        squared standard normals; its density is
        $f(x) = x^{k/2-1} e^{-x/2} / (2^{k/2}\Gamma(k/2))$. Its quantiles have no closed
        form: they are found by root finding on the regularised incomplete gamma function.
    """)
    ch = t.solve("pdf", distribution="chi2(3)", x="x")
    t.cross_check("the chi-squared(3) density integrates to 1 (SymPy)",
                  integrate(ch.result, (x, 0, oo)), 1)
    cq = t.solve("quantile", distribution="chi2(3)", q="0.95", digits=30)
    with mpmath.workdps(50):
        back = mpmath.gammainc(Rational(3, 2), 0, mpmath.mpf(str(cq.result)) / 2,
                               regularized=True)
    t.numeric_check("F(quantile) = 0.95 (mpmath, 50 digits)", Rational(95, 100), float(back),
                    rtol=1e-28, atol=1e-28)
    t.solve("cdf", distribution="chi2(3)", x=Integer(7))
    t.solve("quantile", distribution="t(10)", q="0.975", digits=30)
    t.figure("chi2", _chi2_figure(), "Chi-squared densities for k = 1, 2, 3, 5, 8.")


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

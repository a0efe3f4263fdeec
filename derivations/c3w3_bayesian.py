"""Course 3, week 3: Bayesian statistics.

Prior, likelihood and posterior: Beta-Bernoulli (the kernel p^(a-1)(1-p)^(b-1)
recognised), Normal-Normal with known sigma (completing the square), Gamma-Poisson;
posterior mean, median and mode (MAP); Bayes' theorem over a few hypotheses; MAP as
regularisation: a Gaussian prior on regression weights gives ridge regression.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c3w3-bayesian"
TITLE = "Bayesian statistics"


def _beta_figure(a, b, k, n, post):
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(6.5, 3.8))
    ax = fig.axes[0]
    p = np.linspace(0.0005, 0.9995, 800)

    def dens(al, be):
        from math import lgamma

        logc = lgamma(al + be) - lgamma(al) - lgamma(be)
        return np.exp(logc + (al - 1) * np.log(p) + (be - 1) * np.log(1 - p))

    like = p**k * (1 - p) ** (n - k)
    like = like / np.trapezoid(like, p)
    ax.plot(p, dens(a, b), color="C0", label=f"prior Beta({a:g}, {b:g})")
    ax.plot(p, like, color="C2", ls="--", label="likelihood (normalised)")
    pa, pb = (float(v) for v in post)
    ax.plot(p, dens(pa, pb), color="C3", lw=2, label=f"posterior Beta({pa:g}, {pb:g})")
    mode = (pa - 1) / (pa + pb - 2)
    ax.axvline(mode, color="C3", lw=0.8, ls=":")
    ax.annotate("MAP", (mode, 0), xytext=(4, 6), textcoords="offset points", color="C3")
    ax.set_xlabel("p")
    ax.legend(fontsize=8)
    ax.set_title("The posterior is a compromise between prior and likelihood", fontsize=10)
    return fig


def build(t: Topic) -> None:
    import numpy as np
    from sympy import Rational, integrate, symbols

    t.text(r"""
        Bayes' theorem for a parameter: the **posterior** is proportional to the
        **prior** times the **likelihood**,
        $\pi(\theta \mid x) \propto \pi(\theta)\,L(\theta)$. When the product has the shape
        (the **kernel**) of a known family, the posterior is that family: no integral is
        needed for the normalising constant.
    """)
    data = [1, 0, 1, 1, 1, 0, 1]
    d = t.solve("posterior", prior="beta(2, 2)", likelihood="bernoulli", data=data)
    k, n = sum(data), len(data)
    t.cross_check("Beta(a + k, b + n − k)", tuple(d.result["parameters"]),
                  (2 + k, 2 + n - k))
    p = symbols("p", positive=True)
    post = d.steps[2].after
    t.cross_check("the posterior density integrates to 1", integrate(post, (p, 0, 1)), 1)
    t.cross_check("posterior mean = ∫ p π(p | x) dp", integrate(p * post, (p, 0, 1)),
                  d.result["mean"])
    grid = np.linspace(0, 1, 200001)
    dens = grid**6 * (1 - grid) ** 3
    cdf = np.cumsum(dens)
    cdf /= cdf[-1]
    t.numeric_check("the posterior median by numeric integration (numpy)", d.result["median"],
                    grid[np.searchsorted(cdf, 0.5)], atol=1e-4)
    t.figure("beta_bernoulli", _beta_figure(2, 2, k, n, d.result["parameters"]),
             "Prior Beta(2, 2), the likelihood of 5 successes in 7, and the posterior "
             "Beta(7, 4) with its mode (the MAP estimate).")
    t.text(r"""
        The **MAP** estimate is the posterior mode; with a flat prior Beta(1, 1) it equals
        the maximum likelihood estimate $k/n$.
    """)
    dm = t.solve("map_estimate", prior="beta(1, 1)", likelihood="bernoulli", data=data)
    t.cross_check("flat prior: MAP = MLE = k/n", dm.result["p"], Rational(k, n))
    t.text(r"""
        **Normal-Normal** (σ known): the exponent of prior × likelihood is a quadratic in
        μ; completing the square gives a normal posterior whose precision is the sum of
        the precisions, $1/\tau_n^2 = 1/\tau_0^2 + n/\sigma^2$, and whose mean is the
        precision-weighted average of the prior mean and the data.
    """)
    dnn = t.solve("posterior", prior="normal(10, 2)", likelihood="normal",
                  data=[12, 14, 11, 13], known={"sigma": 3})
    prec = Rational(1, 4) + Rational(4, 9)
    t.cross_check("μₙ = (μ₀/τ₀² + Σx/σ²) / (1/τ₀² + n/σ²)", dnn.result["mean"],
                  (Rational(10, 4) + Rational(50, 9)) / prec)
    t.text("**Gamma-Poisson**: a Gamma(k, θ) prior on a Poisson rate stays Gamma.")
    dg = t.solve("posterior", prior="gamma(2, 1)", likelihood="poisson", data=[3, 1, 2])
    t.cross_check("Gamma(k + Σx, θ/(1 + nθ))", tuple(dg.result["parameters"]),
                  (8, Rational(1, 4)))
    t.text("Over finitely many hypotheses, Bayes' theorem divides by the evidence:")
    t.solve("posterior", prior={"fair": "1/2", "biased": "1/2"},
            likelihood={"fair": "1/8", "biased": "27/64"})
    t.text(r"""
        **MAP as regularisation.** With Gaussian noise of standard deviation σ and a prior
        $w_j \sim N(0, \tau^2)$ on every weight, minus the log posterior is the least
        squares objective plus $\lambda \lVert w \rVert^2$ with $\lambda = \sigma^2/\tau^2$:
        the MAP weights are the **ridge regression** solution.
    """)
    xs, ys = [1, 2, 3, 4], [2, 3, 5, 4]
    dr = t.solve("map_estimate", x=xs, y=ys, sigma=2, tau=1)
    X = np.column_stack([np.ones(4), np.array(xs, dtype=float)])
    t.numeric_check("ridge weights vs numpy: (XᵀX + 4I)⁻¹Xᵀy", dr.result["weights"],
                    np.linalg.solve(X.T @ X + 4 * np.eye(2), X.T @ np.array(ys, dtype=float)))


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

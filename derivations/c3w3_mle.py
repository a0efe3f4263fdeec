"""Course 3, week 3: maximum likelihood.

Likelihood, log-likelihood (logs expanded under the stated positivity assumptions),
score set to zero and solved, second-derivative check: Bernoulli with data and with a
symbolic sample, Poisson, exponential, the Gaussian mean and standard deviation jointly
with the Hessian, Uniform(0, θ) where calculus fails and the maximum sits on the
boundary, and linear regression as maximum likelihood under Gaussian noise (least
squares).
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c3w3-mle"
TITLE = "Maximum likelihood"


def _likelihood_figure(k, n, p_hat):
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(6.5, 3.6))
    ax = fig.axes[0]
    p = np.linspace(0.001, 0.999, 400)
    L = p**k * (1 - p) ** (n - k)
    ax.plot(p, L / L.max(), color="C0", label="L(p) (scaled to max 1)")
    ax2 = ax.twinx()
    ax2.plot(p, k * np.log(p) + (n - k) * np.log(1 - p), color="C1", ls="--", label="log L(p)")
    ax.axvline(p_hat, color="C3", lw=1)
    ax.annotate(f"p̂ = {p_hat:g}", (p_hat, 1.0), xytext=(6, -14), textcoords="offset points",
                color="C3")
    ax.set_xlabel("p")
    ax.set_ylabel("likelihood")
    ax2.set_ylabel("log-likelihood")
    ax2.set_ylim(max(-40, float(np.min(k * np.log(p) + (n - k) * np.log(1 - p)))), None)
    fig.legend(loc="lower center", fontsize=8, ncol=2)
    ax.set_title("The likelihood and its log peak at the same p", fontsize=10)
    return fig


def _uniform_figure(data):
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(6, 3.4))
    ax = fig.axes[0]
    top, n = max(data), len(data)
    th = np.linspace(0.01, 2.2 * top, 600)
    L = np.where(th >= top, th ** (-n), 0.0)
    ax.plot(th, L, color="C0")
    ax.plot([top], [top ** (-n)], "o", color="C3")
    ax.annotate(f"θ̂ = max xᵢ = {top:g}", (top, top ** (-n)), xytext=(10, -4),
                textcoords="offset points", color="C3")
    for x in data:
        ax.axvline(x, color="0.8", lw=0.8)
    ax.set_xlabel("θ")
    ax.set_ylabel("L(θ)")
    ax.set_title("Uniform(0, θ): L is 0 below max xᵢ and decreases above it", fontsize=10)
    return fig


def build(t: Topic) -> None:
    import numpy as np
    from sympy import IndexedBase, Rational, Sum, Symbol, diff, log, solve

    from symbolic_mlmath.core.numeric import as_function

    t.text(r"""
        The **likelihood** of a parameter $\theta$ is the probability (or density) of the
        observed data, read as a function of $\theta$:
        $L(\theta) = \prod_{i=1}^n f(x_i;\theta)$ for independent observations. The
        **maximum likelihood estimate** maximises it. The logarithm turns the product into a
        sum, $\ell(\theta) = \sum_i \log f(x_i;\theta)$, and has the same maximiser; setting
        the derivative (the **score**) to zero and checking the second derivative finds it.
    """)
    data = [1, 0, 1, 1, 0, 1, 1, 1, 0, 1]
    d = t.solve("mle", distribution="bernoulli", data=data)
    k, n = sum(data), len(data)
    t.cross_check("p̂ is the proportion of successes", d.result["p"], Rational(k, n))
    p = Symbol("p", positive=True)
    ell = k * log(p) + (n - k) * log(1 - p)
    t.cross_check("SymPy solves the score equation directly", d.result["p"],
                  solve(diff(ell, p), p)[0])
    grid = np.linspace(0.001, 0.999, 99901)
    f = as_function(ell, [p])
    t.numeric_check("argmax of ℓ on a fine grid (numpy)", d.result["p"],
                    grid[np.argmax(f(grid))], atol=1e-4)
    t.figure("bernoulli_likelihood", _likelihood_figure(k, n, float(d.result["p"])),
             "L(p) = p⁷(1 − p)³ and its logarithm: both peak at p̂ = 0.7.")
    t.text(r"""
        With a **symbolic sample** $x_1, \dots, x_n$ the same steps give the general
        formula; the statistics $\sum x_i$ stay as sums.
    """)
    ds = t.solve("mle", distribution="bernoulli")
    nn = Symbol("n", integer=True, positive=True)
    i = Symbol("i", integer=True, positive=True)
    x = IndexedBase("x", real=True)
    t.cross_check("p̂ = Σxᵢ / n = x̄", ds.result["p"], Sum(x[i], (i, 1, nn)) / nn)
    dp = t.solve("mle", distribution="poisson")
    t.cross_check("Poisson: λ̂ = x̄", dp.result["lambda"], Sum(x[i], (i, 1, nn)) / nn)
    de = t.solve("mle", distribution="exponential")
    t.cross_check("exponential (rate): λ̂ = 1 / x̄", de.result["lambda"],
                  nn / Sum(x[i], (i, 1, nn)))
    t.text(r"""
        The **Gaussian** has two parameters, estimated jointly: the score is a gradient,
        and the Hessian at the root must be negative definite. Note $\hat\sigma^2$ divides
        by $n$, not $n - 1$: the MLE of the variance is biased.
    """)
    g = [2, 4, 4, 4, 5, 5, 7, 9]
    dn = t.solve("mle", distribution="normal", data=g)
    arr = np.array(g, dtype=float)
    t.numeric_check("μ̂ and σ̂ vs numpy mean and std (ddof = 0)",
                    [dn.result["mu"], dn.result["sigma"]], [arr.mean(), arr.std(ddof=0)])
    t.solve("mle", distribution="normal")
    t.text(r"""
        **Uniform(0, θ)**: here calculus fails. $L(\theta) = \theta^{-n}$ when
        $\theta \ge \max x_i$ and $0$ otherwise; the score $-n/\theta$ is never zero.
        The likelihood decreases, so the smallest allowed $\theta$, the largest
        observation, maximises it.
    """)
    u = [0.5, 2.5, 1.5, 1.2]
    du = t.solve("mle", distribution="uniform", data=u)
    t.cross_check("θ̂ = max xᵢ", du.result["theta"], Rational(5, 2))
    t.figure("uniform_boundary", _uniform_figure(u),
             "The likelihood of Uniform(0, θ) jumps up at θ = max xᵢ and then decreases.")
    t.text(r"""
        **Linear regression is maximum likelihood.** With $y_i = \beta_0 + \beta_1 x_i +
        \varepsilon_i$ and Gaussian noise $\varepsilon_i \sim N(0, \sigma^2)$,
        $\ell(\beta) = -\frac{n}{2}\log(2\pi\sigma^2) - \frac{1}{2\sigma^2}\sum_i
        (y_i - \beta_0 - \beta_1 x_i)^2$: maximising it over $\beta$ is minimising the sum
        of squared residuals, and the score equations are the normal equations
        $X^{\mathsf T}X\beta = X^{\mathsf T}y$.
    """)
    xs, ys = [1, 2, 3, 4, 5], ["1.1", "1.9", "3.2", "3.8", "5.1"]
    dr = t.solve("linear_regression", x=xs, y=ys)
    X = np.column_stack([np.ones(5), np.array(xs, dtype=float)])
    coef = np.linalg.lstsq(X, np.array([float(v) for v in ys]), rcond=None)[0]
    t.numeric_check("coefficients vs numpy.linalg.lstsq", dr.result["coefficients"], coef)
    t.text(r"""
        The same fit **derived as a maximum likelihood estimate**: the likelihood
        $\prod_i N(y_i; a + b x_i, \sigma^2)$, its logarithm, the score in $a$, $b$ and
        $\sigma^2$, the normal equations it reduces to, their exact solution and the
        Hessian. The MLE of the noise variance is $\hat\sigma^2 = \mathrm{RSS}/n$, not
        $\mathrm{RSS}/(n - 2)$.
    """)
    dm = t.solve("mle", distribution="linear_regression", x=xs, y=ys)
    yv = np.array([float(v) for v in ys])
    resid = yv - X @ coef
    t.numeric_check("a, b, σ̂² vs lstsq and its residuals (RSS / n)",
                    [dm.result["a"], dm.result["b"], dm.result["sigma^2"]],
                    [coef[0], coef[1], float(resid @ resid) / len(xs)])
    t.solve("mle", distribution="linear_regression",
            heading="Over a symbolic sample $(x_1, y_1), \\dots, (x_n, y_n)$")


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

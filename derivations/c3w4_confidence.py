"""Course 3, week 4: confidence intervals.

Formula, substitution, critical value, interval: a z interval for a mean (known σ) with
its sampling distribution, a t interval from data, 100 simulated intervals and their
coverage, proportions (Wald and the better Wilson score interval), the margin of error
and the sample size it needs (rounded up), intervals for regression coefficients and the
mean response, and a prediction interval with the confidence band.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c3w4-confidence"
TITLE = "Confidence intervals"


def _sampling_figure(mu, se, lo, hi, xbar):
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(6.5, 3.4))
    ax = fig.axes[0]
    x = np.linspace(mu - 4 * se, mu + 4 * se, 500)
    ax.plot(x, np.exp(-((x - mu) ** 2) / (2 * se**2)) / (se * np.sqrt(2 * np.pi)), color="C0",
            label="sampling distribution of x̄")
    ax.hlines(0.02 / se, lo, hi, color="C3", lw=4, label="95% interval from this sample")
    ax.plot([xbar], [0.02 / se], "o", color="k")
    ax.axvline(mu, color="0.5", ls=":", lw=1)
    ax.set_xlabel("x̄")
    ax.legend(fontsize=8)
    ax.set_title("x̄ ± 1.96 σ/√n", fontsize=10)
    return fig


def _coverage_figure(intervals, mu):
    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(6.5, 5))
    ax = fig.axes[0]
    hits = 0
    for k, (lo, hi) in enumerate(intervals):
        ok = lo <= mu <= hi
        hits += ok
        ax.hlines(k, lo, hi, color="C0" if ok else "C3", lw=1.2)
    ax.axvline(mu, color="k", lw=1)
    ax.set_xlabel("interval")
    ax.set_ylabel("simulated sample")
    ax.set_title(f"{hits} of {len(intervals)} 90% t intervals cover μ = {mu} (misses in red)",
                 fontsize=10)
    return fig, hits


def _band_figure(xs, ys, b0, b1, s, h, crit):
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(6.5, 4))
    ax = fig.axes[0]
    grid = np.linspace(min(xs) - 1, max(xs) + 1, 200)
    fit = b0 + b1 * grid
    lev = np.array([h(g) for g in grid])
    ax.scatter(xs, ys, color="k", zorder=3, label="data")
    ax.plot(grid, fit, color="C0", label="least-squares line")
    ax.fill_between(grid, fit - crit * s * np.sqrt(lev), fit + crit * s * np.sqrt(lev),
                    color="C0", alpha=0.3, label="95% confidence band (mean response)")
    ax.fill_between(grid, fit - crit * s * np.sqrt(1 + lev), fit + crit * s * np.sqrt(1 + lev),
                    color="C1", alpha=0.15, label="95% prediction band")
    ax.legend(fontsize=8)
    return fig


def build(t: Topic) -> None:
    import numpy as np
    from sympy import Rational, erfinv, sqrt

    t.text(r"""
        A **confidence interval** is estimate ± critical value × standard error. For a
        mean with known σ: $\bar x \pm z_{\alpha/2}\,\sigma/\sqrt n$, where
        $z_{\alpha/2} = \sqrt2\,\operatorname{erf}^{-1}(1-\alpha)$ (1.96 for 95%).
    """)
    d = t.solve("ci_mean", xbar=50, n=25, sigma=10, confidence="0.95")
    lo, hi = d.result["interval"]
    exact = 2 * sqrt(2) * erfinv(Rational(19, 20))
    t.cross_check("the 30-digit endpoints agree with 50 ∓ 2√2 erfinv(0.95) to 25 digits",
                  [bool(abs(lo - (50 - exact).evalf(40)) < 1e-25),
                   bool(abs(hi - (50 + exact).evalf(40)) < 1e-25)], [True, True])
    t.figure("sampling_distribution", _sampling_figure(50.0, 2.0, float(lo), float(hi), 50.0),
             "The sampling distribution of x̄ (σ/√n = 2) and the interval x̄ ± 1.96·2.")
    t.text(r"""
        With σ unknown, the sample standard deviation $s$ (divisor $n - 1$) replaces it and
        the critical value comes from Student's t with $n - 1$ degrees of freedom.
    """)
    sample = [4.1, 5.3, 6.0, 4.8, 5.5, 5.9, 4.4]
    dt = t.solve("ci_mean", data=sample, confidence="0.9")
    arr = np.array(sample)
    t.numeric_check("s vs numpy std (ddof = 1)", dt.steps[0].after[2], arr.std(ddof=1))
    rng = np.random.default_rng(20261130)
    intervals = []
    for _ in range(100):
        xs = np.round(rng.normal(3.0, 2.0, 6), 3)
        r = t_interval(xs)
        intervals.append(r)
    fig, hits = _coverage_figure(intervals, 3.0)
    t.figure("coverage", fig, "100 seeded samples of size 6 from N(3, 2²): about 90 of the 90% "
             "t intervals cover the true mean.")
    t.numeric_check("coverage of the simulated 90% intervals is near 0.9 (±0.09)",
                    Rational(9, 10), hits / 100, atol=0.09)
    t.text(r"""
        For a **proportion**, the Wald interval $\hat p \pm z\sqrt{\hat p(1-\hat p)/n}$ can
        leave [0, 1] and covers poorly for small n; the **Wilson** score interval inverts
        the test and behaves better.
    """)
    t.solve("ci_proportion", x=40, n=100)
    dw = t.solve("ci_proportion", x=3, n=50, method="wilson")
    t.cross_check("the Wilson interval stays inside [0, 1]",
                  bool(dw.result["interval"][0] > 0), True)
    t.text(r"""
        The **margin of error** is the half-width; to guarantee a margin E, solve for n and
        round **up**: $n \ge (z\sigma/E)^2$, or $z^2 p(1-p)/E^2$ with p = 1/2 when nothing
        is known.
    """)
    t.solve("margin_of_error", n=100, p="0.4")
    ds = t.solve("sample_size", margin="0.03", confidence="0.95")
    t.cross_check("n = ⌈1.96² · 0.25 / 0.03²⌉", ds.result, 1068)
    t.text(r"""
        In **regression**, each coefficient has a t interval with n - p degrees of freedom;
        at a new x the mean response has standard error $s\sqrt{h_0}$ and a new observation
        $s\sqrt{1 + h_0}$, with the leverage $h_0 = x_0^{\mathsf T}(X^{\mathsf T}X)^{-1}x_0$.
    """)
    xs, ys = [1, 2, 3, 4, 5, 6], ["2.1", "3.9", "6.2", "7.8", "10.1", "12.2"]
    dr = t.solve("regression_ci", x=xs, y=ys)
    dp = t.solve("prediction_interval", x=xs, y=ys, x_new="3.5")
    X = np.column_stack([np.ones(6), np.array(xs, dtype=float)])
    yv = np.array([float(v) for v in ys])
    beta = np.linalg.lstsq(X, yv, rcond=None)[0]
    t.numeric_check("fitted value at 3.5 vs numpy", dp.result["fit"], beta[0] + 3.5 * beta[1])
    inv = np.linalg.inv(X.T @ X)
    s = float(np.sqrt(np.sum((yv - X @ beta) ** 2) / 4))
    crit = float(dr.result["critical_value"])

    def lev(g):
        v = np.array([1.0, g])
        return float(v @ inv @ v)

    t.numeric_check("prediction interval half-width vs numpy",
                    dp.result["prediction"][1] - dp.result["fit"], crit * s * np.sqrt(1 + lev(3.5)))
    t.figure("bands", _band_figure(xs, yv, beta[0], beta[1], s, lev, crit),
             "The least-squares line, the 95% confidence band of the mean response and the "
             "wider prediction band.")


def t_interval(xs):
    """A 90% t interval of a float sample through the package (exact from its decimals)."""
    from symbolic_mlmath.stats.intervals import derive_ci_mean

    lo, hi = derive_ci_mean([float(v) for v in xs], confidence="0.9").result["interval"]
    return float(lo), float(hi)


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

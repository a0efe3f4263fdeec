"""Course 3, week 4: hypothesis testing.

Null and alternative, test statistic (exact, then decimal), p-value and critical value
for the alternative, decision; type I and II errors. One-sample z and t tests with the
rejection region shaded, two samples (pooled, Welch with its Welch-Satterthwaite
degrees of freedom, paired), proportions, one-way ANOVA, a power curve, and an A/B test
with the lift and its interval.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c3w4-hypothesis"
TITLE = "Hypothesis testing"


def _region_figure(stat, crit, df, title):
    from math import lgamma, pi

    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(6.5, 3.4))
    ax = fig.axes[0]
    x = np.linspace(-4.5, 4.5, 600)
    c = np.exp(lgamma((df + 1) / 2) - lgamma(df / 2)) / np.sqrt(df * pi)
    y = c * (1 + x**2 / df) ** (-(df + 1) / 2)
    ax.plot(x, y, color="C0", label=f"t({df}) under H0")
    for side in (x >= crit, x <= -crit):
        ax.fill_between(x[side], y[side], color="C3", alpha=0.35)
    ax.axvline(stat, color="k", lw=1.5)
    ax.annotate(f"t = {stat:.3f}", (stat, max(y) * 0.8), xytext=(5, 0), textcoords="offset points")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8)
    return fig


def _power_figure(curve, mu0):
    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(6.5, 3.4))
    ax = fig.axes[0]
    xs = [m for m, _ in curve]
    ax.plot(xs, [p for _, p in curve], "o-", color="C2")
    ax.axhline(0.05, color="C3", ls=":", lw=1)
    ax.axvline(mu0, color="0.6", lw=1)
    ax.set_xlabel("true mean μ₁")
    ax.set_ylabel("power = P(reject H0)")
    ax.set_ylim(0, 1.02)
    ax.set_title("Power of the two-sided z test (n = 36, σ = 15, α = 0.05); at μ₀ it is α",
                 fontsize=10)
    return fig


def _ab_figure(rates, interval, lift_interval):
    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(6.5, 3.2))
    ax = fig.axes[0]
    ax.bar(["control", "variation"], rates, color=["C0", "C1"])
    lo, hi = interval
    ax.errorbar([1], [rates[1]], yerr=[[rates[1] - (rates[0] + lo)], [rates[0] + hi - rates[1]]],
                color="k", capsize=6)
    ax.set_ylabel("conversion rate")
    ax.set_title(f"lift {100 * (rates[1] - rates[0]) / rates[0]:.0f}% (95% interval "
                 f"{100 * lift_interval[0]:.1f}% to {100 * lift_interval[1]:.1f}%)", fontsize=10)
    return fig


def build(t: Topic) -> None:
    import mpmath
    import numpy as np
    from sympy import Rational

    t.text(r"""
        A test weighs the **null hypothesis** $H_0$ against an **alternative** $H_1$. The
        **test statistic** measures the distance of the estimate from the null value in
        standard errors; the **p-value** is the probability, under $H_0$, of a statistic at
        least as extreme in the direction of $H_1$. Reject $H_0$ when $p \le \alpha$: a
        **type I error** (rejecting a true $H_0$) then has probability α; failing to reject
        a false $H_0$ is a **type II error**, with probability β = 1 − power.
    """)
    dz = t.solve("z_test", xbar="10.5", n=36, sigma=3, mu0=10, alternative="greater")
    t.numeric_check("p = P(Z ≥ 1) by integrating the normal density (mpmath.quad)",
                    dz.result["p_value"],
                    float(mpmath.quad(lambda u: mpmath.npdf(u), [1, mpmath.inf])))
    sample = [5.1, 4.9, 5.6, 5.8, 6.0, 5.2, 4.7, 5.5]
    dt = t.solve("t_test", data=sample, mu0=5)
    arr = np.array(sample)
    tstat = (arr.mean() - 5) / (arr.std(ddof=1) / np.sqrt(len(arr)))
    t.numeric_check("t statistic vs numpy", dt.result["statistic"], tstat)
    nu = 7

    def tpdf(u):
        return mpmath.gamma((nu + 1) / 2) / (mpmath.sqrt(nu * mpmath.pi) * mpmath.gamma(nu / 2)) \
            * (1 + u**2 / nu) ** (-(nu + 1) / 2)

    t.numeric_check("two-sided p by integrating the t(7) density (mpmath.quad)",
                    dt.result["p_value"], float(2 * mpmath.quad(tpdf, [tstat, mpmath.inf])))
    t.figure("rejection_region",
             _region_figure(float(dt.result["statistic"]), float(dt.result["critical_value"]),
                            nu, "Two-sided t test at α = 0.05: rejection region shaded; the "
                                "statistic falls short"),
             "The t(7) density under H0 with the two tails of total probability 0.05 shaded; "
             "the observed t is marked.")
    t.text(r"""
        **Two samples.** With equal variances the pooled test uses
        $s_p^2 = \frac{(n_1-1)s_1^2 + (n_2-1)s_2^2}{n_1+n_2-2}$ and $n_1 + n_2 - 2$ degrees of
        freedom; Welch's test keeps the variances apart and approximates the degrees of
        freedom by the Welch-Satterthwaite formula (an exact fraction here). Paired data
        are one sample of differences.
    """)
    a = [20.1, 19.8, 21.3, 22.0, 20.5]
    b = [18.9, 19.2, 20.0, 18.5, 19.9, 19.1]
    dw = t.solve("two_sample_test", sample1=a, sample2=b)
    v1, v2 = np.var(a, ddof=1) / 5, np.var(b, ddof=1) / 6
    t.numeric_check("Welch-Satterthwaite df vs numpy", dw.result["df"],
                    (v1 + v2) ** 2 / (v1**2 / 4 + v2**2 / 5))
    t.solve("two_sample_test", sample1={"n": 10, "mean": 20, "s": 2},
            sample2={"n": 12, "mean": 18, "s": 3}, test="pooled")
    t.solve("two_sample_test", sample1=[10, 12, 9, 11], sample2=[9, 11, 9, 10], test="paired")
    t.text("**Proportions**: the two-sample test pools the proportions under H0.")
    dp = t.solve("proportion_test", x=[45, 30], n=[100, 100])
    t.numeric_check("z vs the pooled formula (numpy)", dp.result["statistic"],
                    0.15 / np.sqrt(0.375 * 0.625 * 0.02))
    t.text(r"""
        **One-way ANOVA** compares several means: $F = MS_B / MS_W$ with $k - 1$ and
        $N - k$ degrees of freedom.
    """)
    groups = [[1, 2, 3], [2, 3, 4], [5, 6, 7]]
    da = t.solve("anova", groups=groups)
    t.cross_check("F = (26/2)/(6/6)", da.result["F"], 13)
    t.text(r"""
        **Power** is the probability of rejecting $H_0$ when the true mean is $\mu_1$: for
        the z test it is exact in erfc, $\Phi(-z_{\alpha/2} + \delta) + \Phi(-z_{\alpha/2} -
        \delta)$ with $\delta = (\mu_1 - \mu_0)\sqrt n/\sigma$.
    """)
    dpw = t.solve("power", mu0=100, mu1=105, sigma=15, n=36)
    rng = np.random.default_rng(7)
    sims = rng.normal(105, 15 / 6, 200_000)
    crit = float(dpw.result["critical_value"])
    t.numeric_check("power by simulation (200 000 seeded means)", dpw.result["power"],
                    np.mean(np.abs(sims - 100) > crit * 2.5), atol=0.005)
    from symbolic_mlmath.stats.experiments import derive_power

    curve = [(m, float(derive_power(mu0=100, mu1=m, sigma=15, n=36).result["power"]))
             for m in range(90, 111, 2)]
    t.cross_check("at μ₁ = μ₀ the power is α", Rational(round(curve[5][1], 12)).limit_denominator(
        100), Rational(1, 20))
    t.figure("power_curve", _power_figure(curve, 100),
             "The power curve rises from α at μ₀ towards 1 as the true mean moves away.")
    t.text(r"""
        For a **t test** the statistic under $H_1$ follows a **noncentral t** law with
        $n - 1$ degrees of freedom and noncentrality $\delta = d\sqrt n$ ($d$ the
        standardised effect). The power has no closed form in $n$, so the smallest sample
        size is found by stepping $n$ up from the z-test estimate until the power reaches
        the target.
    """)
    dn = t.solve("sample_size", power="0.8", effect="0.5", test="t")
    import mpmath

    def t_power(m):
        """Power of the two-sided t test by direct quadrature (mpmath alone): the critical
        value by root finding on the t tail (incomplete beta), then the noncentral t law as
        the normal shifted by delta, averaged over the chi-square of the variance."""
        nu, delta = mpmath.mpf(m - 1), mpmath.mpf(0.5) * mpmath.sqrt(m)

        def tail(c):
            return mpmath.betainc(nu / 2, 0.5, 0, nu / (nu + c * c), regularized=True) / 2

        c = mpmath.findroot(lambda c: tail(c) - mpmath.mpf(0.025), 2)

        def chi2(v):
            return v ** (nu / 2 - 1) * mpmath.exp(-v / 2) / (2 ** (nu / 2) * mpmath.gamma(nu / 2))

        def reject(v):
            s = c * mpmath.sqrt(v / nu)
            return mpmath.ncdf(-s + delta) + mpmath.ncdf(-s - delta)

        return mpmath.quad(lambda v: chi2(v) * reject(v), [0, nu, mpmath.inf])

    n_t = int(dn.result)
    t.numeric_check("noncentral t by quadrature: the power at n reaches 0.8", 1,
                    float(t_power(n_t) >= 0.8))
    t.numeric_check("noncentral t by quadrature: the power at n - 1 falls short", 1,
                    float(t_power(n_t - 1) < 0.8))
    t.text(r"""
        An **A/B test** compares conversion rates; the **lift** is the relative change
        $(p_v - p_c)/p_c$, with the interval of the difference scaled by $p_c$.
    """)
    dab = t.solve("ab_test", control={"x": 200, "n": 2000}, variation=[250, 2000])
    t.cross_check("lift = (0.125 − 0.1)/0.1", dab.result["lift"], Rational(1, 4))
    lo, hi = (float(v) for v in dab.result["interval"])
    t.figure("ab_test", _ab_figure([0.1, 0.125], (lo, hi),
                                   [float(v) for v in dab.result["lift_interval"]]),
             "Conversion rates of control and variation with the 95% interval of the "
             "difference.")


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

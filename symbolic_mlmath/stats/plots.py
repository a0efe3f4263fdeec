"""Figures of course 3: PMF bars, PDF with a shaded probability, CDF, box plot, covariance
ellipse, running mean and CLT histograms. Every figure is drawn from exact objects through
lambdify (or from seeded simulations), on the headless backend.

Examples
========
>>> from symbolic_mlmath.stats.distributions import parse_distribution
>>> fig = plot_pmf(parse_distribution("binomial(10, 0.3)"), highlight=(0, 2))
>>> len(fig.axes[0].patches)
11
"""

from __future__ import annotations

from typing import Any

__all__ = ["plot_box", "plot_clt", "plot_covariance_ellipse", "plot_pdf_cdf", "plot_pmf",
           "plot_running_mean"]


def _fig(size: tuple[float, float] = (6.0, 4.0), cols: int = 1) -> Any:
    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=size)
    if cols > 1:
        fig.clf()
        fig.subplots(1, cols)
    return fig


def plot_pmf(dist: Any, highlight: tuple | None = None, upto: int | None = None) -> Any:
    """Bars of P(X = k); bars with ``lo <= k <= hi`` of ``highlight`` are coloured."""
    lo, hi = dist.support()
    top = int(hi) if not hi.is_infinite else int(upto or (float(dist.mean())
                                                        + 4 * float(dist.std()) + 1))
    ks = list(range(int(lo), top + 1))
    ps = [float(dist.pmf(k)) for k in ks]
    fig = _fig()
    ax = fig.axes[0]
    colors = ["C1" if highlight and highlight[0] <= k <= highlight[1] else "C0" for k in ks]
    ax.bar(ks, ps, color=colors, edgecolor="k", lw=0.5)
    ax.set_xlabel("k")
    ax.set_ylabel("P(X = k)")
    ax.set_title(f"PMF of {dist}" + (f"; P({highlight[0]} ≤ X ≤ {highlight[1]}) shaded"
                                     if highlight else ""), fontsize=10)
    return fig


def plot_pdf_cdf(dist: Any, upto: Any = None, span: tuple | None = None) -> Any:
    """The PDF with P(X <= upto) shaded, and the CDF with the point (upto, F(upto))."""
    import numpy as np
    from sympy import Symbol, lambdify

    x = Symbol("x")
    lo, hi = dist.support()
    m = float(dist.mean()) if dist.family != "t" else 0.0
    s = float(dist.std()) if dist.family != "t" else 2.0
    a = float(lo) if not lo.is_infinite else m - 4 * s
    b = float(hi) if not hi.is_infinite else m + 4 * s
    if span:
        a, b = span
    xs = np.linspace(a + 1e-9, b, 400)
    f = lambdify(x, dist.pdf(x), modules="mpmath")
    ys = np.array([float(f(v)) for v in xs])
    cdf = np.array([float(dist.cdf_numeric(round(float(v), 6), 15)) for v in xs[::8]])
    fig = _fig((10, 4), 2)
    ax1, ax2 = fig.axes
    ax1.plot(xs, ys, "C0")
    if upto is not None:
        u = float(upto)
        mask = xs <= u
        ax1.fill_between(xs[mask], ys[mask], color="C1", alpha=0.4)
        p = float(dist.cdf_numeric(upto, 15))
        ax1.set_title(f"PDF of {dist}; P(X ≤ {upto}) = {p:.4f} shaded", fontsize=10)
        ax2.plot([u], [p], "o", color="C1")
        ax2.axhline(p, color="C1", lw=0.8, ls=":")
    else:
        ax1.set_title(f"PDF of {dist}", fontsize=10)
    ax2.plot(xs[::8], cdf, "C0")
    ax2.set_title("CDF F(x) = P(X ≤ x)", fontsize=10)
    for ax in (ax1, ax2):
        ax.set_xlabel("x")
    fig.tight_layout()
    return fig


def plot_box(values: list[float], summary: dict, title: str = "") -> Any:
    """A box plot drawn from our own five numbers, fences and outliers."""
    fig = _fig((6, 3))
    ax = fig.axes[0]
    q1, med, q3 = float(summary["q1"]), float(summary["median"]), float(summary["q3"])
    iqr = q3 - q1
    lo_f, hi_f = q1 - 1.5 * iqr, q3 + 1.5 * iqr
    inside = [v for v in values if lo_f <= v <= hi_f]
    out = [v for v in values if v < lo_f or v > hi_f]
    from matplotlib.patches import Rectangle

    ax.add_patch(Rectangle((q1, 0.75), iqr, 0.5, fill=False, lw=1.5))
    ax.plot([med, med], [0.75, 1.25], "C1", lw=2)
    ax.plot([min(inside), q1], [1, 1], "k", lw=1)
    ax.plot([q3, max(inside)], [1, 1], "k", lw=1)
    ax.plot([min(inside)] * 2, [0.9, 1.1], "k")
    ax.plot([max(inside)] * 2, [0.9, 1.1], "k")
    ax.plot(out, [1] * len(out), "o", color="C3")
    ax.plot(values, [0.55] * len(values), "|", color="0.4")
    ax.set_yticks([])
    ax.set_ylim(0.4, 1.5)
    ax.set_title(title or "Box plot: Q1, median, Q3; whiskers to the last values inside the "
                 "fences", fontsize=10)
    return fig


def plot_covariance_ellipse(xs: list[float], ys: list[float], cov: Any, title: str = "") -> Any:
    """Scatter with the 1- and 2-standard-deviation ellipses of the covariance matrix."""
    import numpy as np

    C = np.array(cov.tolist(), dtype=float)
    mean = np.array([np.mean(xs), np.mean(ys)])
    vals, vecs = np.linalg.eigh(C)
    t = np.linspace(0, 2 * np.pi, 200)
    fig = _fig((5.5, 5))
    ax = fig.axes[0]
    ax.scatter(xs, ys, s=14, color="C0")
    for k in (1, 2):
        pts = (vecs @ np.diag(k * np.sqrt(np.maximum(vals, 0))) @ np.array([np.cos(t),
                                                                              np.sin(t)]))
        ax.plot(pts[0] + mean[0], pts[1] + mean[1], "C1", lw=1.5 if k == 1 else 0.8)
    for v, w in zip(vals, vecs.T, strict=True):
        ax.annotate("", xy=mean + np.sqrt(max(v, 0)) * w, xytext=mean,
                    arrowprops={"arrowstyle": "->", "color": "C3"})
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_title(title or "Data and the covariance ellipses (1 and 2 SD)", fontsize=10)
    return fig


def plot_running_mean(running: Any, mean: float, title: str = "") -> Any:
    """The running mean of seeded draws against the true mean (law of large numbers)."""
    import numpy as np

    fig = _fig()
    ax = fig.axes[0]
    n = np.arange(1, len(running) + 1)
    ax.plot(n, running, "C0", lw=1)
    ax.axhline(mean, color="C1", ls="--", label=f"E[X] = {mean:g}")
    ax.set_xscale("log")
    ax.set_xlabel("number of draws n")
    ax.set_ylabel("running mean")
    ax.legend()
    ax.set_title(title or "Law of large numbers", fontsize=10)
    return fig


def plot_clt(samples: dict[int, Any], title: str = "") -> Any:
    """Histograms of standardised means for several n, with the standard normal density."""
    import numpy as np

    fig = _fig((4 * len(samples), 3.5), len(samples))
    grid = np.linspace(-4, 4, 200)
    phi = np.exp(-grid**2 / 2) / np.sqrt(2 * np.pi)
    for ax, (n, z) in zip(fig.axes, samples.items(), strict=True):
        ax.hist(z, bins=40, range=(-4, 4), density=True, color="C0", alpha=0.6)
        ax.plot(grid, phi, "C1")
        ax.set_title(f"n = {n}", fontsize=10)
    fig.suptitle(title or "Central limit theorem: standardised sample means vs N(0, 1)",
                 fontsize=10)
    fig.tight_layout()
    return fig

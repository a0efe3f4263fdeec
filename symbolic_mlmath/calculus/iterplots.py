"""Figures of the iterative methods: contour plots with the descent path, loss curves,
learning-rate comparisons and Newton's tangent lines; every curve through the bridge.

Examples
========
>>> from sympy import symbols, Rational
>>> from symbolic_mlmath.calculus.descent import derive_gradient_descent
>>> x, y = symbols("x y")
>>> d = derive_gradient_descent(x**2 + 3*y**2, (x, y), [1, 1], Rational(1, 10), 5)
>>> fig = plot_descent_contour(d)
>>> len(fig.axes[0].lines) >= 1
True
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "plot_descent_contour",
    "plot_learning_rates",
    "plot_loss_curve",
    "plot_network",
    "plot_newton_tangents",
]


def _floats(points: Sequence[Any]) -> Any:
    import numpy as np

    return np.array([[float(c) for c in p] for p in points], dtype=float)


def _span(values: Any, pad: float = 0.35) -> tuple[float, float]:
    lo, hi = float(min(values)), float(max(values))
    width = max(hi - lo, 1.0)
    return lo - pad * width, hi + pad * width


def plot_descent_contour(d: Any, *, ax: Any = None, levels: int = 25) -> Any:
    """Contours of f with the iterates of a gradient-descent derivation joined in order.

    For one variable, the graph of f with the iterates marked on it.
    """
    import numpy as np

    from symbolic_mlmath.calculus.bridge import as_numeric
    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure() if ax is None else ax.figure
    ax = ax or fig.axes[0]
    f, variables = d.goal, d.variables
    pts = _floats(d.result["iterates"])
    fn = as_numeric([f], variables)
    with np.errstate(all="ignore"):
        if len(variables) == 1:
            xs = np.linspace(*_span(pts[:, 0]), 400)
            ax.plot(xs, np.broadcast_to(fn(xs)[0], xs.shape), color="C0", label=f"f({variables[0]})")
            ys = np.broadcast_to(fn(pts[:, 0])[0], pts[:, 0].shape)
            ax.plot(pts[:, 0], ys, "o-", color="C3", ms=4, lw=1, label="iterates")
            ax.set_xlabel(str(variables[0]))
        else:
            gx = np.linspace(*_span(pts[:, 0]), 200)
            gy = np.linspace(*_span(pts[:, 1]), 200)
            X, Y = np.meshgrid(gx, gy)
            rest = [float(c) for c in d.result["point"][2:]]
            Z = np.broadcast_to(fn(X, Y, *rest)[0], X.shape)
            ax.contour(X, Y, Z, levels=levels, cmap="viridis", linewidths=0.8)
            ax.plot(pts[:, 0], pts[:, 1], "o-", color="C3", ms=3, lw=1.2, label="iterates")
            ax.plot(pts[0, 0], pts[0, 1], "s", color="k", ms=6, label="start")
            ax.set_xlabel(str(variables[0]))
            ax.set_ylabel(str(variables[1]))
    ax.set_title(f"{d.title}: {len(pts) - 1} updates", fontsize=10)
    ax.legend(loc="best", fontsize=8)
    return fig


def plot_loss_curve(curves: Mapping[str, Sequence[Any]], *, ax: Any = None,
                    log_scale: bool = True, ylabel: str = "f(x_k)") -> Any:
    """The value against the iteration number, one line per labelled sequence."""
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure() if ax is None else ax.figure
    ax = ax or fig.axes[0]
    all_v = []
    for k, (label, values) in enumerate(curves.items()):
        v = np.array([float(c) for c in values], dtype=float)
        all_v.append(v)
        ax.plot(np.arange(len(v)), v, "o-", ms=2, lw=1, color=f"C{k}", label=label)
    finite = np.concatenate(all_v) if all_v else np.array([1.0])
    finite = finite[np.isfinite(finite)]
    if log_scale and finite.size and np.all(finite >= 0):
        ax.set_yscale("log")
        low = finite[finite > 0].min() if np.any(finite > 0) else 1e-12
        ax.set_ylim(bottom=max(low / 3, 1e-30))
    elif log_scale:
        ax.set_yscale("symlog", linthresh=1e-6)
    ax.set_xlabel("iteration k")
    ax.set_ylabel(ylabel)
    ax.legend(loc="best", fontsize=8)
    return fig


def plot_learning_rates(expr: Any, variables: Sequence[Any], x0: Sequence[Any],
                        rates: Sequence[Any], iterations: int) -> Any:
    """Loss curves and paths for several learning rates (float runs through the bridge)."""
    import numpy as np

    from symbolic_mlmath.calculus.bridge import as_numeric, descent_path
    from symbolic_mlmath.calculus.descent import gradient_of
    from symbolic_mlmath.core.plot import new_figure

    grad, _ = gradient_of(expr, variables)
    fn = as_numeric([expr], variables)
    fig = new_figure(size=(10, 4.2))
    fig.clf()
    a1, a2 = fig.subplots(1, 2)
    curves, paths = {}, {}
    with np.errstate(all="ignore"):
        for eta in rates:
            path, why = descent_path(list(grad), variables, [float(c) for c in x0], float(eta),
                                     iterations)
            label = f"η = {eta}" + (" (diverges)" if why == "diverged" else "")
            paths[label] = path
            curves[label] = np.broadcast_to(fn(*path.T)[0], path[:, 0].shape)
    plot_loss_curve(curves, ax=a1)
    a1.set_title("f(x_k) for each learning rate", fontsize=10)
    if len(variables) == 2:
        calm = [p for lbl, p in paths.items() if curves[lbl][-1] <= curves[lbl][0]]
        good = np.vstack(calm or list(paths.values()))
        good = good[np.all(np.isfinite(good) & (np.abs(good) < 1e3), axis=1)]
        gx = np.linspace(*_span(good[:, 0]), 200)
        gy = np.linspace(*_span(good[:, 1]), 200)
        X, Y = np.meshgrid(gx, gy)
        with np.errstate(all="ignore"):
            a2.contour(X, Y, np.broadcast_to(fn(X, Y)[0], X.shape), levels=20, cmap="viridis",
                       linewidths=0.7)
        for k, (label, p) in enumerate(paths.items()):
            keep = p[np.all(np.abs(p) < 1e3, axis=1)][:40]
            a2.plot(keep[:, 0], keep[:, 1], "o-", ms=2, lw=1, color=f"C{k}", label=label)
        a2.set_xlim(gx[0], gx[-1])
        a2.set_ylim(gy[0], gy[-1])
        a2.set_title("the first iterates", fontsize=10)
        a2.legend(loc="best", fontsize=7)
    fig.tight_layout()
    return fig


def plot_newton_tangents(d: Any, *, ax: Any = None, steps: int = 4) -> Any:
    """Newton's root-finding in one variable: f, each tangent line and where it meets 0."""
    import numpy as np

    from symbolic_mlmath.calculus.bridge import as_numeric
    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure() if ax is None else ax.figure
    ax = ax or fig.axes[0]
    var = d.variables[0]
    g = d.result.get("function", d.goal)
    slope = g.diff(var)
    fn = as_numeric([g, slope], [var])
    pts = [float(p[0] if hasattr(p, "shape") else p) for p in d.result["iterates"]][: steps + 1]
    xs = np.linspace(*_span(pts), 400)
    with np.errstate(all="ignore"):
        ax.plot(xs, np.broadcast_to(fn(xs)[0], xs.shape), color="C0", label=f"f({var})")
        for k, (a, nxt) in enumerate(itertools.pairwise(pts)):
            fa, sa = (float(v) for v in fn(a))
            seg = np.linspace(min(a, nxt), max(a, nxt), 2)
            ax.plot(seg, fa + sa * (seg - a), "--", color="C3", lw=1,
                    label="tangent lines" if k == 0 else None)
            ax.plot([a, a], [0, fa], ":", color="0.5", lw=0.8)
            ax.plot([a], [fa], "o", color="C3", ms=4)
            ax.annotate(f"x{k}", (a, 0), textcoords="offset points", xytext=(2, -12), fontsize=8)
    ax.axhline(0, color="0.6", lw=0.8)
    ax.set_xlabel(str(var))
    ax.set_title("Newton's method: follow the tangent to its zero", fontsize=10)
    ax.legend(loc="best", fontsize=8)
    return fig


def plot_network(d: Any) -> Any:
    """A backpropagation derivation as a graph: each unit with its activation value and
    δ, each edge with its weight and ∂L/∂w (numbers to 3 significant digits)."""
    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(7.5, 4.5))
    ax = fig.axes[0]
    fwd = d.steps[1].substeps
    back = d.steps[-1].substeps
    sizes = [int(n) for n in d.steps[1].given["sizes"]]
    acts = [fwd[0].given["a_prev"]] + [s.after for s in fwd if s.rule.value == "activate"]
    deltas = {int(s.given["layer"]): s.after for s in back if s.rule.value.endswith("_delta")}
    wgrads = {int(s.given["layer"]): s.after for s in back if s.rule.value == "weight_gradient"}
    weights = {int(s.given["layer"]): s.given["W"] for s in fwd if s.rule.value == "linear_layer"}

    def pos(layer: int, j: int) -> tuple[float, float]:
        return float(layer), (sizes[layer] - 1) / 2 - j

    def num(v: Any) -> str:
        try:
            return f"{float(v):.3g}"
        except TypeError:
            return str(v)

    for layer in range(1, len(sizes)):
        for j in range(sizes[layer]):
            for k in range(sizes[layer - 1]):
                (x0, y0), (x1, y1) = pos(layer - 1, k), pos(layer, j)
                ax.plot([x0, x1], [y0, y1], color="0.6", lw=1, zorder=1)
                t = 0.32 + 0.36 * j / max(1, sizes[layer] - 1) if sizes[layer] > 1 else 0.5
                label = f"w={num(weights[layer][j, k])}\n∂L/∂w={num(wgrads[layer][j, k])}"
                ax.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0), label, fontsize=6,
                        ha="center", va="center", color="C3",
                        bbox={"fc": "white", "ec": "none", "alpha": 0.8, "pad": 0.5})
    for layer, n in enumerate(sizes):
        for j in range(n):
            x, y = pos(layer, j)
            ax.scatter([x], [y], s=1500, color="C0" if layer else "C2", zorder=2)
            name = f"x{j + 1}" if layer == 0 else f"a{layer}_{j + 1}"
            text = f"{name}\n{num(acts[layer][j])}"
            if layer in deltas:
                text += f"\nδ={num(deltas[layer][j])}"
            ax.text(x, y, text, fontsize=6, ha="center", va="center", color="white", zorder=3)
    ax.set_xlim(-0.5, len(sizes) - 0.5)
    ax.set_ylim(-max(sizes) / 2 - 0.3, max(sizes) / 2 + 0.3)
    ax.axis("off")
    ax.set_title(d.title, fontsize=9)
    return fig

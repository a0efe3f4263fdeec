"""Figures of the derivative topics, drawn from the same exact objects the derivations hold.

Every function lambdifies exact SymPy expressions (σ and softplus rewritten first) and
returns a matplotlib figure: the tangent line at a point, a function with marked points
(critical points, minima of a loss), the tangent plane of a surface, and contours with
gradient arrows.

Examples
========
>>> from sympy import Symbol
>>> x = Symbol("x")
>>> fig = plot_tangent_line(x**2, x, 1)
>>> [line.get_label() for line in fig.axes[0].lines][:2]
['f(x)', 'tangent at x = 1: slope 2']
>>> import matplotlib.pyplot as plt; plt.close(fig)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["plot_contour_gradient", "plot_marked", "plot_tangent_line", "plot_tangent_plane"]


def _fn(expr: Any, variables: Sequence[Any]) -> Any:
    from sympy import lambdify

    from .functions import to_elementary

    return lambdify(list(variables), to_elementary(expr), modules="numpy")


def _values(f: Any, xs: Any) -> Any:
    import numpy as np

    with np.errstate(all="ignore"):
        ys = np.asarray(f(xs), dtype=float)
    return np.broadcast_to(ys, np.shape(xs)).astype(float)


def plot_tangent_line(expr: Any, x: Any, a: Any, *, width: float = 2.0,
                      title: str | None = None) -> Any:
    """f near ``a`` and its tangent line y = f(a) + f'(a)(x - a)."""
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    from .differentiation import derivative_steps

    slope = derivative_steps(expr, x)[1]
    fa, ma = float(expr.xreplace({x: a}).evalf()), float(slope.xreplace({x: a}).evalf())
    fig = new_figure()
    ax = fig.axes[0]
    xs = np.linspace(float(a) - width, float(a) + width, 400)
    ax.plot(xs, _values(_fn(expr, [x]), xs), label="f(x)")
    ax.plot(xs, fa + ma * (xs - float(a)), "--", label=f"tangent at x = {a}: slope {ma:.4g}")
    ax.plot([float(a)], [fa], "o", color="C1")
    ax.legend(fontsize=8)
    ax.set_title(title or "The derivative is the slope of the tangent line", fontsize=10)
    return fig


def plot_marked(curves: Sequence[tuple[str, Any]], x: Any, interval: tuple[float, float],
                points: Sequence[tuple[str, Any, Any]] = (), *, title: str = "",
                ylim: tuple[float, float] | None = None) -> Any:
    """Curves ``(label, expr)`` on ``interval`` with labelled points ``(label, x, y)``."""
    import numpy as np
    from sympy import Piecewise

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure()
    ax = fig.axes[0]
    xs = np.linspace(interval[0], interval[1], 600)
    for label, expr in curves:
        ys = _values(_fn(expr, [x]), xs).copy()
        if expr.has(Piecewise) and np.isfinite(ys).any():
            span = np.nanmax(ys) - np.nanmin(ys)
            jumps = np.flatnonzero(np.abs(np.diff(ys)) > 0.25 * span)
            ys[jumps] = np.nan  # a jump is not part of the graph
        ax.plot(xs, ys, label=label)
    for label, px, py in points:
        ax.plot([float(px)], [float(py)], "o", color="k", ms=4)
        ax.annotate(label, (float(px), float(py)), xytext=(4, 6), textcoords="offset points",
                    fontsize=8)
    if ylim:
        ax.set_ylim(*ylim)
    ax.axhline(0, color="0.8", lw=0.6)
    ax.legend(fontsize=8)
    ax.set_title(title, fontsize=10)
    return fig


def plot_tangent_plane(expr: Any, variables: Sequence[Any], point: Sequence[Any], *,
                       width: float = 1.5) -> Any:
    """The surface z = f(x, y) near a point and its tangent plane there."""
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    from .differentiation import derivative_steps

    x, y = variables
    a, b = (float(c) for c in point)
    sub = {x: point[0], y: point[1]}
    fx, fy = (derivative_steps(expr, v)[1] for v in (x, y))
    z0 = float(expr.xreplace(sub).evalf())
    gx, gy = float(fx.xreplace(sub).evalf()), float(fy.xreplace(sub).evalf())
    fig = new_figure(projection="3d", size=(6, 5))
    ax = fig.axes[0]
    X, Y = np.meshgrid(np.linspace(a - width, a + width, 40), np.linspace(b - width, b + width, 40))
    with np.errstate(all="ignore"):
        Z = np.broadcast_to(np.asarray(_fn(expr, [x, y])(X, Y), dtype=float), X.shape)
    ax.plot_surface(X, Y, Z, alpha=0.6, cmap="viridis")
    ax.plot_surface(X, Y, z0 + gx * (X - a) + gy * (Y - b), alpha=0.35, color="C1")
    ax.scatter([a], [b], [z0], color="k")
    ax.set_xlabel(str(x))
    ax.set_ylabel(str(y))
    ax.set_title(f"Tangent plane at ({point[0]}, {point[1]}): slopes {gx:.3g}, {gy:.3g}",
                 fontsize=10)
    return fig


def plot_contour_gradient(expr: Any, variables: Sequence[Any], *,
                          box: tuple[float, float, float, float] = (-2, 2, -2, 2),
                          points: Sequence[tuple[str, Any]] = (), arrows: int = 11) -> Any:
    """Contours of f with gradient arrows (uphill, perpendicular to the contours)."""
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    from .multivariable import gradient_step

    x, y = variables
    grad = gradient_step(expr, (x, y)).after
    f = _fn(expr, [x, y])
    gx, gy = _fn(grad[0], [x, y]), _fn(grad[1], [x, y])
    fig = new_figure(size=(5.5, 5))
    ax = fig.axes[0]
    X, Y = np.meshgrid(np.linspace(box[0], box[1], 200), np.linspace(box[2], box[3], 200))
    with np.errstate(all="ignore"):
        cs = ax.contour(X, Y, np.broadcast_to(np.asarray(f(X, Y), dtype=float), X.shape), 18,
                        cmap="viridis", linewidths=0.8)
        ax.clabel(cs, fontsize=6)
        Xa, Ya = np.meshgrid(np.linspace(box[0], box[1], arrows), np.linspace(box[2], box[3], arrows))
        U = np.broadcast_to(np.asarray(gx(Xa, Ya), dtype=float), Xa.shape)
        V = np.broadcast_to(np.asarray(gy(Xa, Ya), dtype=float), Xa.shape)
    ax.quiver(Xa, Ya, U, V, color="C3", angles="xy", width=0.004)
    for label, (px, py) in points:
        ax.plot([float(px)], [float(py)], "ko", ms=4)
        ax.annotate(label, (float(px), float(py)), xytext=(4, 4), textcoords="offset points",
                    fontsize=8)
    ax.set_aspect("equal")
    ax.set_xlabel(str(x))
    ax.set_ylabel(str(y))
    ax.set_title("Contours of f and its gradient: arrows point uphill, across the contours",
                 fontsize=9)
    return fig

"""Matplotlib figures built from exact objects (through lambdify), on a headless backend.

Examples
========
>>> from sympy import symbols, Eq
>>> x, y = symbols("x y")
>>> fig = plot_lines_2d([Eq(x + y, 4), Eq(2*x - y, 1)], (x, y), point=(5/3, 7/3))
>>> len(fig.axes[0].lines) >= 2
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["new_figure", "plot_lines_2d", "plot_planes_3d"]


def new_figure(*, projection: str | None = None, size: tuple[float, float] = (5.5, 4.5)) -> Any:
    """A fresh figure with one axes, on the Agg backend (no screen needed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=size)
    if projection:
        fig.add_subplot(projection=projection)
    else:
        fig.add_subplot()
    return fig


def plot_lines_2d(equations: Sequence[Any], variables: Sequence[Any], *,
                  point: Any = None, span: float = 6.0) -> Any:
    """The lines of a 2-variable linear system, and their intersection if given."""
    import numpy as np
    from sympy import lambdify, latex, solve

    x, y = variables
    fig = new_figure()
    ax = fig.axes[0]
    cx, cy = (float(point[0]), float(point[1])) if point is not None else (0.0, 0.0)
    xs = np.linspace(cx - span, cx + span, 200)
    for k, eq in enumerate(equations):
        expr = eq.lhs - eq.rhs
        label = f"${latex(eq)}$"
        if expr.coeff(y) != 0:
            fy = lambdify(x, solve(expr, y)[0], "numpy")
            ax.plot(xs, np.broadcast_to(fy(xs), xs.shape), label=label, color=f"C{k}")
        else:
            x0 = float(solve(expr, x)[0])
            ax.axvline(x0, label=label, color=f"C{k}")
    if point is not None:
        ax.plot([cx], [cy], "ko", zorder=5)
        ax.annotate(f"({point[0]}, {point[1]})", (cx, cy), textcoords="offset points",
                    xytext=(8, 8))
    ax.set_xlim(cx - span, cx + span)
    ax.set_ylim(cy - span, cy + span)
    ax.axhline(0, color="0.7", lw=0.8)
    ax.axvline(0, color="0.7", lw=0.8)
    ax.set_xlabel(f"${x}$")
    ax.set_ylabel(f"${y}$")
    ax.legend(loc="best", fontsize=8)
    ax.set_aspect("equal", adjustable="box")
    return fig


def plot_planes_3d(equations: Sequence[Any], variables: Sequence[Any], *,
                   point: Any = None, span: float = 4.0) -> Any:
    """The planes of a 3-variable linear system, and their common point if given."""
    import numpy as np
    from sympy import lambdify, solve

    x, y, z = variables
    fig = new_figure(projection="3d", size=(6, 5))
    ax = fig.axes[0]
    c = [float(v) for v in point] if point is not None else [0.0, 0.0, 0.0]
    g = np.linspace(-span, span, 12)
    X, Y = np.meshgrid(g + c[0], g + c[1])
    for k, eq in enumerate(equations):
        expr = eq.lhs - eq.rhs
        if expr.coeff(z) == 0:
            continue
        fz = lambdify((x, y), solve(expr, z)[0], "numpy")
        Z = np.broadcast_to(fz(X, Y), X.shape)
        ax.plot_surface(X, Y, Z, alpha=0.35, color=f"C{k}")
    if point is not None:
        ax.scatter([c[0]], [c[1]], [c[2]], color="k", s=30)
    ax.set_xlabel(f"${x}$")
    ax.set_ylabel(f"${y}$")
    ax.set_zlabel(f"${z}$")
    return fig

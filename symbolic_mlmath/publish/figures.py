"""Figure checks: nothing a figure means to show may fall outside its axes.

Matplotlib silently drops an annotation whose point lies outside the axes and clips
markers, arrows and text there; :func:`artists_outside` names every such element so a
derivation file cannot publish a figure that lost part of what its caption promises.
Lines may run past the axes (a line is clipped at the frame), but each must show.

Examples
========
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> _ = ax.set_xlim(0, 1); _ = ax.set_ylim(0, 1)
>>> _ = ax.annotate("", xy=(2, 0.5), xytext=(0.5, 0.5), arrowprops={"arrowstyle": "->"})
>>> artists_outside(fig)
['panel 1: arrow or label at (2, 0.5) lies outside the axes x 0..1, y 0..1']
>>> plt.close(fig)
"""

from __future__ import annotations

from typing import Any

__all__ = ["artists_outside"]

_TOL = 1e-9


def _inside(x: float, y: float, xlim: tuple, ylim: tuple) -> bool:
    (x0, x1), (y0, y1) = sorted(xlim), sorted(ylim)
    sx, sy = (x1 - x0) * 1e-6 + _TOL, (y1 - y0) * 1e-6 + _TOL
    return x0 - sx <= x <= x1 + sx and y0 - sy <= y <= y1 + sy


def _fmt(v: float) -> str:
    return f"{v:.3g}"


def _where(xlim: tuple, ylim: tuple) -> str:
    (x0, x1), (y0, y1) = sorted(xlim), sorted(ylim)
    return f"x {_fmt(x0)}..{_fmt(x1)}, y {_fmt(y0)}..{_fmt(y1)}"


def _axes_problems(ax: Any, renderer: Any) -> list[str]:
    import numpy as np
    from matplotlib.text import Annotation

    xlim, ylim = ax.get_xlim(), ax.get_ylim()
    box = ax.get_window_extent(renderer).expanded(1.0, 1.0)
    out = []
    for t in ax.texts:
        points = []
        if isinstance(t, Annotation):
            if t.xycoords == "data":
                points.append(t.xy)
            if t.arrow_patch is not None and getattr(t, "textcoords", t.xycoords) == "data":
                points.append(t.xyann)
        elif t.get_transform() == ax.transData and t.get_text().strip():
            points.append(t.get_position())
        for x, y in points:
            if not _inside(float(x), float(y), xlim, ylim):
                out.append(f"arrow or label at ({_fmt(x)}, {_fmt(y)}) lies outside the axes "
                           f"{_where(xlim, ylim)}")
    for line in ax.lines:
        xy = np.asarray(line.get_xydata(), dtype=float)
        if not len(xy) or line.get_transform() != ax.transData:
            continue
        inside = [_inside(x, y, xlim, ylim) for x, y in xy if np.isfinite(x) and np.isfinite(y)]
        dots = line.get_linestyle() in ("None", "", " ", "none")
        if dots and not all(inside):
            out.append(f"a marker of '{line.get_label()}' lies outside the axes "
                       f"{_where(xlim, ylim)}")
        elif not dots and len(xy) > 1 and not any(inside):
            seg_box = line.get_window_extent(renderer)
            if not seg_box.overlaps(box):
                out.append(f"the line '{line.get_label()}' lies entirely outside the axes")
    for p in ax.patches:
        if p is ax.patch or not p.get_visible():
            continue
        ext = p.get_window_extent(renderer)
        if ext.width and not (box.x0 - 1 <= ext.x0 and ext.x1 <= box.x1 + 1
                              and box.y0 - 1 <= ext.y0 and ext.y1 <= box.y1 + 1):
            out.append(f"a shape ({type(p).__name__}) reaches outside the axes")
    for c in ax.collections:
        offsets = np.asarray(c.get_offsets(), dtype=float)
        if offsets.size and c.get_offset_transform() == ax.transData:
            bad = [(x, y) for x, y in offsets if not _inside(x, y, xlim, ylim)]
            if bad:
                out.append(f"{len(bad)} point(s) of a scatter lie outside the axes "
                           f"{_where(xlim, ylim)}")
    return out


def artists_outside(fig: Any) -> list[str]:
    """One line per element of ``fig`` that lies (partly) outside its axes (2-D axes)."""
    renderer = fig.canvas.get_renderer()
    out = []
    for k, ax in enumerate(fig.axes):
        if getattr(ax, "name", "") == "3d" or not ax.get_visible() or not ax.axison:
            continue
        title = ax.get_title() or f"panel {k + 1}"
        out += [f"{title}: {p}" for p in _axes_problems(ax, renderer)]
    return out

"""Course 1, week 3: vectors, their norms, dot product, angle and projection.

Sum, difference and linear combinations entry by entry; the L1, L2 and infinity
norms; the dot product, the angle it gives and orthogonality; the projection of
one vector onto another. Each result is cross-checked against SymPy directly and
against numpy through lambdify, and drawn.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c1w3-vectors"
TITLE = "Vectors"


def _arrow(ax, start, end, color, label):
    ax.annotate("", xy=end, xytext=start,
                arrowprops={"arrowstyle": "->", "color": color, "lw": 2})
    ax.annotate(label, xy=end, xytext=(5, 5), textcoords="offset points", color=color)


def _figure(u, v, s, p):
    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(9.5, 4.2))
    fig.clf()
    a1, a2 = fig.subplots(1, 2)
    _arrow(a1, (0, 0), u, "C0", "u")
    _arrow(a1, (0, 0), v, "C1", "v")
    _arrow(a1, u, s, "C1", "")
    _arrow(a1, (0, 0), s, "C2", "u + v")
    a1.set_title("sum: tip to tail", fontsize=10)
    _arrow(a2, (0, 0), u, "C0", "u")
    _arrow(a2, (0, 0), v, "C1", "v")
    _arrow(a2, (0, 0), p, "C3", "proj_v u")
    a2.plot([u[0], p[0]], [u[1], p[1]], "k--", lw=0.8)
    a2.set_title("projection of u onto v", fontsize=10)
    for ax in (a1, a2):
        ax.set_aspect("equal")
        ax.axhline(0, color="0.7", lw=0.8)
        ax.axvline(0, color="0.7", lw=0.8)
        ax.set_xlim(-1, 6)
        ax.set_ylim(-1, 6)
    fig.tight_layout()
    return fig


_NORM_HEADINGS = {1: r"The $L_1$ norm", 2: r"The $L_2$ (Euclidean) norm",
                  "inf": r"The $L_\infty$ (max) norm"}


def build(t: Topic) -> None:
    import numpy as np
    from sympy import Matrix, acos, symbols

    from symbolic_mlmath.core.numeric import as_function, to_numpy

    u, v = Matrix([1, 3]), Matrix([4, 1])
    t.text(r"""
        A vector in $\mathbb{R}^n$ is a list of $n$ numbers: an arrow from the origin.
        Vectors add and scale **entry by entry**, so a linear combination
        $a\mathbf{u} + b\mathbf{v}$ is computed one entry at a time.
    """)
    d = t.solve("vector_add", u=u, v=v, heading=r"The sum $\mathbf{u} + \mathbf{v}$")
    t.cross_check("u + v", d.result, u + v)
    d2 = t.solve("vector_add", u=u, v=v, op="2u-3v",
                 heading=r"A linear combination: $2\mathbf{u} - 3\mathbf{v}$")
    t.cross_check("2u - 3v", d2.result, 2 * u - 3 * v)
    t.numeric_check("2u - 3v with numpy", d2.result, 2 * to_numpy(u) - 3 * to_numpy(v))
    t.text(r"""
        The **norms** measure length: $\lVert v\rVert_1$ adds the absolute values (the
        taxicab distance), $\lVert v\rVert_2$ is the Euclidean length and
        $\lVert v\rVert_\infty$ the largest absolute entry.
    """)
    w = Matrix([3, -4, 12])
    for p, ref in ((1, 19), (2, 13), ("inf", 12)):
        dn = t.solve("norm", v=w, ord=str(p), heading=_NORM_HEADINGS[p])
        t.cross_check(f"norm {p}", dn.result, ref)
        t.numeric_check(f"norm {p} by numpy.linalg.norm", dn.result,
                        np.linalg.norm(to_numpy(w).ravel(), np.inf if p == "inf" else p))
    t.text(r"""
        The **dot product** multiplies matching entries and adds:
        $\mathbf{u}\cdot\mathbf{v} = \lVert u\rVert\,\lVert v\rVert\cos\theta$. It is 0
        exactly for **orthogonal** (perpendicular) vectors.
    """)
    dd = t.solve("dot", u=u, v=v, heading=r"The dot product $\mathbf{u}\cdot\mathbf{v}$")
    t.cross_check("u·v", dd.result, u.dot(v))
    do = t.solve("dot", u=Matrix([1, 2, -1]), v=Matrix([3, -1, 1]),
                 heading="Two orthogonal vectors")
    t.cross_check("orthogonal vectors have dot product 0", do.result, 0)
    da = t.solve("angle", u=u, v=v, heading="The angle between them")
    t.cross_check("angle", da.result, acos(u.dot(v) / (u.norm() * v.norm())))
    nu, nv = to_numpy(u).ravel(), to_numpy(v).ravel()
    t.numeric_check("angle by numpy", da.result,
                    np.arccos(nu @ nv / (np.linalg.norm(nu) * np.linalg.norm(nv))))
    x = symbols("x")
    dx = t.solve("norm", v=[x, 1])
    f = as_function(dx.result, [x])
    t.numeric_check("the L2 norm of (x, 1) lambdified at x = 2 vs numpy.linalg.norm", f(2.0),
                    np.linalg.norm([2.0, 1.0]))
    t.text(r"""
        The **projection** of $\mathbf{u}$ onto $\mathbf{v}$ is the multiple of
        $\mathbf{v}$ closest to $\mathbf{u}$: $\frac{u\cdot v}{v\cdot v}\,\mathbf{v}$. What
        is left, $\mathbf{u} - \operatorname{proj}_v u$, is orthogonal to $\mathbf{v}$.
    """)
    dp = t.solve("projection", u=u, v=v, heading=r"The projection of $\mathbf{u}$ onto $\mathbf{v}$")
    t.cross_check("projection", dp.result, u.project(v))
    t.cross_check("the rest is orthogonal to v", (u - dp.result).dot(v), 0)
    t.numeric_check("projection by numpy", dp.result, (nu @ nv) / (nv @ nv) * nv)
    t.figure("vectors", _figure(nu, nv, nu + nv, to_numpy(dp.result).ravel()),
             r"The sum $\mathbf{u} + \mathbf{v}$ (tip to tail) and the projection of "
             r"$\mathbf{u}$ onto $\mathbf{v}$.")


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

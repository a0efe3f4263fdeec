"""Course 1, week 4: determinants in depth.

The determinant as the signed area (volume) of the image of the unit square
(cube); det(AB) = det(A) det(B); det(A^-1) = 1/det(A); cofactor expansion against
elimination.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c1w4-determinants"
TITLE = "Determinants in depth"


def _area_figure(mats):
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(10, 3.6))
    fig.clf()
    axes = fig.subplots(1, len(mats))
    sq = np.array([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]).T
    for ax, (name, M, det) in zip(axes, mats, strict=True):
        img = M @ sq
        color = "C2" if det > 0 else ("C3" if det < 0 else "C7")
        ax.fill(sq[0], sq[1], color="C0", alpha=0.15)
        ax.fill(img[0], img[1], color=color, alpha=0.35)
        ax.plot(img[0], img[1], color=color, lw=1)
        ax.set_title(f"{name}: det = {det:g}", fontsize=10)
        ax.set_aspect("equal")
        ax.axhline(0, color="0.7", lw=0.8)
        ax.axvline(0, color="0.7", lw=0.8)
        lo, hi = min(-0.5, img.min() - 0.3), max(1.5, img.max() + 0.3)
        ax.set_xlim(lo, hi)
        ax.set_ylim(lo, hi)
    fig.tight_layout()
    return fig


def build(t: Topic) -> None:
    import numpy as np
    from sympy import Matrix, factor, solve, symbols

    from symbolic_mlmath.core.numeric import as_function, to_numpy
    from symbolic_mlmath.render.printers import latex_line

    t.text(r"""
        $|\det A|$ is the factor by which $A$ scales areas (volumes in 3D); the **sign**
        says whether it keeps or flips orientation. The unit square goes to the
        parallelogram spanned by the columns of $A$, of signed area $\det A$.
    """)
    A = Matrix([[3, 1], [1, 2]])
    B = Matrix([[1, 2], [3, 1]])
    t.text(r"""
        Two matrices for this page: $A = \begin{bmatrix}3&1\\1&2\end{bmatrix}$ and
        $B = \begin{bmatrix}1&2\\3&1\end{bmatrix}$.
    """)
    dA = t.solve("det", matrix=A, heading=r"$\det A$")
    dB = t.solve("det", matrix=B, heading=r"$\det B$")
    t.cross_check("det A", dA.result, A.det())
    t.numeric_check("det B by numpy", dB.result, np.linalg.det(to_numpy(B)))
    t.text(r"""
        Doing $B$ and then $A$ scales areas by $\det B$ and then by $\det A$: so
        $\det(AB) = \det(A)\det(B)$.
    """)
    dp = t.solve("det_product", A=A, B=B, heading=r"$\det(AB) = \det(A)\det(B)$")
    t.cross_check("det(AB) = det(A) det(B)", dp.result, (A * B).det())
    t.numeric_check("det(AB) by numpy", dp.result, np.linalg.det(to_numpy(A) @ to_numpy(B)))
    t.text(r"""
        Since $AA^{-1} = I$ and $\det I = 1$, $\det(A^{-1}) = 1/\det A$.
    """)
    di = t.solve("det_inverse", matrix=A, heading=r"$\det(A^{-1}) = 1/\det A$")
    t.cross_check("det(A^-1)", di.result, A.inv().det())
    t.text(r"""
        **Cofactor expansion** against **elimination** on a $4 \times 4$ matrix: the same
        number, by very different amounts of work ($n!$ terms against about $n^3/3$
        operations).
    """)
    C = Matrix([[2, 0, 1, 3], [1, 1, 0, 2], [0, 3, 1, 1], [1, 0, 2, 1]])
    dc = t.solve("det", matrix=C, method="cofactor", heading="A 4×4 determinant by cofactors")
    de = t.solve("det", matrix=C, method="elimination",
                 heading="The same 4×4 determinant by elimination")
    t.cross_check("cofactor = elimination", dc.result, de.result)
    t.cross_check("cofactor = Matrix.det()", dc.result, C.det())
    a = symbols("a")
    S = Matrix([[a, 1], [1, a]])
    ds = t.solve("det", matrix=S, heading="A symbolic determinant: when is it singular?")
    roots = sorted(solve(ds.result, a))
    t.text(rf"""
        Factored, $\det = {latex_line(factor(ds.result))}$: the matrix is singular exactly
        when $a = {' or a = '.join(latex_line(r) for r in roots)}$, that is $a = \pm 1$.
    """)
    t.cross_check("the symbolic matrix is singular exactly at a = ±1",
                  [S.subs(a, r).det() for r in roots], [0, 0])
    f = as_function(ds.result, [a])
    t.numeric_check("det([[a, 1], [1, a]]) lambdified at a = 3 vs numpy.linalg.det",
                    f(3.0), np.linalg.det(np.array([[3.0, 1.0], [1.0, 3.0]])))
    mats = [("A", to_numpy(A), float(dA.result)), ("B", to_numpy(B), float(dB.result)),
            ("singular", np.array([[1.0, 2.0], [0.5, 1.0]]), 0.0)]
    t.figure("signed_area", _area_figure(mats),
             "The unit square (light) and its image: the signed area is the determinant "
             "(green: orientation kept, red: flipped, grey: collapsed).")


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

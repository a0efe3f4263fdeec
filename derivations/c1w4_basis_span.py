"""Course 1, week 4: span, linear independence, basis and dimension.

Vectors as the columns of a matrix; row reduction finds the pivot columns: their
original vectors are a basis of the span, the rank is its dimension; coordinates
in a basis by solving a system.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c1w4-basis-span"
TITLE = "Bases and span"


def _figure(basis, dependent):
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(5.5, 5))
    ax = fig.axes[0]
    b1, b2 = basis
    for s in np.linspace(-2, 2, 9):
        ax.plot(*np.array([s * b1 - 2 * b2, s * b1 + 2 * b2]).T, color="0.85", lw=0.6)
        ax.plot(*np.array([-2 * b1 + s * b2, 2 * b1 + s * b2]).T, color="0.85", lw=0.6)
    for k, (vec, name) in enumerate(((b1, "b1"), (b2, "b2"), (dependent, "b1 + b2"))):
        ax.annotate("", xy=vec, xytext=(0, 0),
                    arrowprops={"arrowstyle": "->", "color": f"C{k}", "lw": 2})
        ax.annotate(name, xy=vec, xytext=(4, 4), textcoords="offset points", color=f"C{k}")
    ax.set_xlim(-4, 4)
    ax.set_ylim(-4, 4)
    ax.set_aspect("equal")
    ax.set_title("b1, b2 span the plane; b1 + b2 adds nothing", fontsize=10)
    return fig


def build(t: Topic) -> None:
    import numpy as np
    from sympy import Matrix

    from symbolic_mlmath.core.numeric import to_numpy

    t.text(r"""
        The **span** of some vectors is the set of all their linear combinations. They
        are **linearly independent** when none is a combination of the others, i.e.
        when the matrix with them as columns has a pivot in every column. A **basis** is
        an independent spanning set; the number of its vectors is the **dimension**.
    """)
    vs = [[1, 2, 3], [2, 4, 6], [0, 1, 1], [1, 3, 4]]
    d = t.solve("basis_span", vectors=vs, space="R^3",
                heading="Four vectors in $\\mathbb{R}^3$: a basis of their span")
    M = Matrix(vs).T
    t.cross_check("dimension = rank", d.result["dimension"], M.rank())
    t.numeric_check("rank by numpy", d.result["dimension"], np.linalg.matrix_rank(to_numpy(M)))
    t.cross_check("basis = the pivot columns of the rref", d.result["basis"],
                  [M.col(j) for j in M.rref()[1]])
    di = t.solve("independent", vectors=[[1, 0, 1], [0, 1, 1], [1, 1, 0]],
                 heading="Three vectors: independent?")
    t.cross_check("three independent vectors", di.result, Matrix([[1, 0, 1], [0, 1, 1],
                                                                 [1, 1, 0]]).rank() == 3)
    ds = t.solve("basis_span", vectors=[[1, 0, 1], [0, 1, 1], [1, 1, 0]], space="R^3",
                 heading="The same three vectors: a basis of $\\mathbb{R}^3$")
    t.cross_check("they span R^3", ds.result["spans"], True)
    t.text(r"""
        **Coordinates in a basis**: to write $\mathbf{x}$ in the basis $b_1, b_2, b_3$,
        solve $[b_1\, b_2\, b_3]\,\mathbf{c} = \mathbf{x}$.
    """)
    Bm = Matrix([[1, 0, 1], [0, 1, 1], [1, 1, 0]]).T
    x = Matrix([2, 3, 3])
    dc = t.solve("solve_system", A=Bm, b=x, heading="Coordinates of $\\mathbf{x}$ in that basis")
    coords = Matrix(list(dc.result.values()))
    t.cross_check("B c = x", Bm * coords, x)
    t.numeric_check("coordinates by numpy.linalg.solve", coords,
                    np.linalg.solve(to_numpy(Bm), to_numpy(x)))
    t.figure("span", _figure((np.array([1.0, 0.5]), np.array([0.5, 1.5])),
                             np.array([1.5, 2.0])),
             "Two independent vectors of the plane: their combinations (grid) fill it.")


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

"""Course 1, week 3: the inverse of a matrix.

Gauss-Jordan elimination on [A | I] with every row operation; the 2x2 formula;
the inverse exists exactly when det A is not 0; solving A x = b with the inverse;
symbolic entries.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c1w3-inverse"
TITLE = "The inverse of a matrix"


def _figure(A, Ainv):
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(5.5, 5))
    ax = fig.axes[0]
    sq = np.array([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]).T
    img = A @ sq
    back = Ainv @ img
    ax.fill(sq[0], sq[1], color="C0", alpha=0.3, label="unit square")
    ax.fill(img[0], img[1], color="C1", alpha=0.3, label="A · square")
    ax.plot(back[0], back[1], "k--", lw=1.2, label="A⁻¹ · (A · square)")
    ax.set_aspect("equal")
    ax.axhline(0, color="0.7", lw=0.8)
    ax.axvline(0, color="0.7", lw=0.8)
    ax.legend(loc="upper left", fontsize=8)
    return fig


def build(t: Topic) -> None:
    import numpy as np
    from sympy import Matrix, eye, symbols

    from symbolic_mlmath.core.errors import TaskError
    from symbolic_mlmath.core.numeric import as_function, to_numpy

    t.text(r"""
        The **inverse** $A^{-1}$ undoes $A$: $A^{-1}A = AA^{-1} = I$. Row reduce the
        augmented matrix $[A \mid I]$: the operations that turn $A$ into $I$ turn $I$ into
        $A^{-1}$.
    """)
    A = Matrix([[2, 1, 1], [1, 3, 2], [1, 0, 0]])
    d = t.solve("inverse", matrix=A, heading=r"Gauss–Jordan on $[A \mid I]$")
    t.cross_check("Gauss-Jordan inverse equals Matrix.inv()", d.result, A.inv())
    t.cross_check("A^-1 A = I", d.result * A, eye(3))
    t.numeric_check("numpy.linalg.inv", d.result, np.linalg.inv(to_numpy(A)))
    t.text(r"""
        For $2\times 2$ matrices there is a formula:
        $\begin{bmatrix}a&b\\c&d\end{bmatrix}^{-1} = \frac{1}{ad-bc}
        \begin{bmatrix}d&-b\\-c&a\end{bmatrix}$; it needs $ad - bc \neq 0$.
    """)
    B = Matrix([[4, 7], [2, 6]])
    d2 = t.solve("inverse", matrix=B, method="formula", heading="The 2×2 formula")
    d3 = t.solve("inverse", matrix=B, heading="The same 2×2 matrix by Gauss–Jordan")
    t.cross_check("formula and Gauss-Jordan agree", d2.result, d3.result)
    t.text(r"""
        A matrix with $\det A = 0$ has **no inverse**: its rows are dependent, and
        elimination produces a zero row on the left of $[A \mid I]$.
    """)
    try:
        t.solve("inverse", matrix=[[1, 2], [2, 4]])
        refused = False
    except TaskError as exc:
        refused = "det A" in str(exc)
        t.text(r"Asking for the inverse of $\begin{bmatrix}1&2\\2&4\end{bmatrix}$ is refused: "
               f"`{exc}`")
    t.cross_check("a singular matrix is refused with det A = 0", refused, True)
    t.text(r"""
        **Solving $A\mathbf{x} = \mathbf{b}$** with the inverse: $\mathbf{x} = A^{-1}\mathbf{b}$.
    """)
    b = Matrix([3, 9, 1])
    dx = t.solve("matmul", A=d.result, B=b,
                 heading=r"Solving $A\mathbf{x} = \mathbf{b}$: $\mathbf{x} = A^{-1}\mathbf{b}$")
    t.cross_check("x = A^-1 b solves A x = b", A * dx.result, b)
    t.numeric_check("numpy.linalg.solve", dx.result, np.linalg.solve(to_numpy(A), to_numpy(b)))
    t.text("Symbolic entries work too: an upper unitriangular matrix.")
    x, y, z = symbols("x y z")
    S = Matrix([[1, x, z], [0, 1, y], [0, 0, 1]])
    ds = t.solve("inverse", matrix=S, heading="A symbolic inverse")
    t.cross_check("symbolic inverse", ds.result, S.inv())
    f = as_function(ds.result, [x, y, z])
    t.numeric_check("symbolic inverse lambdified at (1, 2, 3) vs numpy.linalg.inv",
                    Matrix(f(1.0, 2.0, 3.0)),
                    np.linalg.inv(to_numpy(S.subs({x: 1, y: 2, z: 3}))))
    t.figure("undo", _figure(to_numpy(B), to_numpy(d3.result)),
             r"$A = \begin{bmatrix}4&7\\2&6\end{bmatrix}$ maps the unit square to a "
             r"parallelogram; $A^{-1}$ maps it back.")


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

"""Course 1, week 3: linear transformations and matrix multiplication.

A matrix is a linear transformation: its columns are the images of the standard
basis vectors. Matrix-vector and matrix-matrix products entry by entry (row ·
column), composition as a product, a one-layer perceptron as a matrix product,
and the unit square with its image.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c1w3-transformations"
TITLE = "Linear transformations and matrix multiplication"


def _square_figure(A):
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(5.5, 5))
    ax = fig.axes[0]
    sq = np.array([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]).T
    img = A @ sq
    ax.fill(sq[0], sq[1], color="C0", alpha=0.25, label="unit square")
    ax.fill(img[0], img[1], color="C1", alpha=0.3, label="its image A·square")
    for k, col in enumerate(A.T):
        ax.annotate("", xy=col, xytext=(0, 0),
                    arrowprops={"arrowstyle": "->", "color": f"C{k + 2}", "lw": 2})
        ax.annotate(f"T(e{k + 1}) = ({col[0]:g}, {col[1]:g})", xy=col, xytext=(4, 4),
                    textcoords="offset points", color=f"C{k + 2}")
    lo, hi = min(-0.5, img.min() - 0.5), max(1.5, img.max() + 0.5)
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_aspect("equal")
    ax.axhline(0, color="0.7", lw=0.8)
    ax.axvline(0, color="0.7", lw=0.8)
    ax.legend(loc="upper left", fontsize=8)
    return fig


def build(t: Topic) -> None:
    import numpy as np
    from sympy import Matrix, symbols

    from symbolic_mlmath.core.numeric import as_function, to_numpy

    t.text(r"""
        A **linear transformation** $T$ keeps sums and multiples:
        $T(a\mathbf{u} + b\mathbf{v}) = aT(\mathbf{u}) + bT(\mathbf{v})$. So it is known
        once we know the images of the basis vectors, and those images are the columns
        of its **standard matrix**.
    """)
    ds = t.solve("linear_transform", transform=["3*v1", "0", "-2*v2"], vars=["v1", "v2"],
                 heading=r"The standard matrix of $T(v_1, v_2) = (3v_1, 0, -2v_2)$")
    t.cross_check("standard matrix = Jacobian of the formulas", ds.result,
                  Matrix([[3, 0], [0, 0], [0, -2]]))
    A = Matrix([[3, 1], [1, 2]])
    dv = t.solve("linear_transform", matrix=A, v=[1, -1], heading=r"The image $A\mathbf{v}$")
    t.cross_check("A v", dv.result, A * Matrix([1, -1]))
    t.text(r"""
        In a **matrix product** the entry in row $i$, column $j$ is row $i$ of the left
        matrix times column $j$ of the right one: $(AB)_{ij} = \sum_k a_{ik}b_{kj}$. The
        number of columns of $A$ must equal the number of rows of $B$.
    """)
    B = Matrix([[0, -1], [1, 0]])
    dm = t.solve("matmul", A=B, B=A, heading="The product $BA$")
    t.cross_check("B A", dm.result, B * A)
    t.numeric_check("B A by numpy", dm.result, to_numpy(B) @ to_numpy(A))
    t.text(r"""
        **Composition** is a product: first $A$, then the rotation $B$, is the single map
        $BA$ (the order matters: $AB \neq BA$ here).
    """)
    dm2 = t.solve("matmul", A=A, B=B, heading="The product $AB$: the other order")
    t.cross_check("A B differs from B A", dm2.result == dm.result, False)
    t.text(r"""
        A **one-layer perceptron** computes $\hat{y} = W\mathbf{x} + \mathbf{b}$: a matrix
        product. With weights $W$ and a batch of inputs as columns of $X$, every output
        is a row-times-column sum.
    """)
    W = Matrix([[2, -1, 1], [1, 0, 3]])
    X = Matrix([[1, 0], [2, 1], [0, 4]])
    dp = t.solve("matmul", A=W, B=X, heading="A one-layer perceptron on a batch: $WX$")
    t.cross_check("W X", dp.result, W * X)
    w1, w2 = symbols("w1 w2")
    neuron = t.solve("dot", u=[w1, w2], v=[3, 4])
    f = as_function(neuron.result, [w1, w2])
    t.numeric_check("a neuron's output w·x lambdified at w = (1, 2) vs numpy.dot", f(1.0, 2.0),
                    np.dot([1.0, 2.0], [3.0, 4.0]))
    t.figure("unit_square", _square_figure(np.array(to_numpy(A))),
             r"The unit square and its image under $A = \begin{bmatrix}3&1\\1&2\end{bmatrix}$; "
             r"the columns of $A$ are the images of $\mathbf{e}_1$ and $\mathbf{e}_2$.")


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

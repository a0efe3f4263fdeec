"""Course 1, week 2: row echelon form, reduced row echelon form, pivots and rank.

Elimination ends in a row echelon form; its pivots count the independent rows -
the rank - and the rank decides how many solutions a system has. The rank also
measures how much information a matrix holds: a small "image" of rank 3 is exactly
a sum of three rank-one pictures, and the best rank-k approximations (by the SVD,
computed numerically) show how it builds up.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c1w2-echelon-rank"
TITLE = "Row echelon form and rank"

#: An 8x8 integer picture of a house: roof (9), walls (5), a window (0).
HOUSE = [
    [0, 0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 9, 9, 0, 0, 0],
    [0, 0, 9, 9, 9, 9, 0, 0],
    [0, 9, 9, 9, 9, 9, 9, 0],
    [0, 0, 5, 5, 5, 5, 0, 0],
    [0, 0, 5, 0, 0, 5, 0, 0],
    [0, 0, 5, 0, 0, 5, 0, 0],
    [0, 0, 5, 5, 5, 5, 0, 0],
]


def _np_rank(M) -> int:
    import numpy as np

    from symbolic_mlmath.core.numeric import to_numpy

    return int(np.linalg.matrix_rank(to_numpy(M)))


def _low_rank_figure(img, ks):
    """The picture and its best rank-k approximations (numpy's SVD)."""
    import numpy as np

    from symbolic_mlmath.core.numeric import to_numpy
    from symbolic_mlmath.core.plot import new_figure

    A = to_numpy(img)
    U, s, Vt = np.linalg.svd(A)
    fig = new_figure(size=(2.4 * (len(ks) + 1), 2.9))
    fig.clf()
    axes = fig.subplots(1, len(ks) + 1)
    panels = [("original (rank 3)", A)]
    errors = {}
    for k in ks:
        Ak = (U[:, :k] * s[:k]) @ Vt[:k]
        errors[k] = float(np.linalg.norm(A - Ak))
        panels.append((f"rank {k}: error {errors[k]:.2f}", Ak))
    for ax, (title, P) in zip(axes, panels, strict=True):
        ax.imshow(P, cmap="gray_r", vmin=0, vmax=9)
        ax.set_title(title, fontsize=9)
        ax.set_xticks([])
        ax.set_yticks([])
    fig.tight_layout()
    return fig, s, errors


def build(t: Topic) -> None:
    import numpy as np
    from sympy import Matrix

    from symbolic_mlmath.core.numeric import to_numpy
    from symbolic_mlmath.publish.topic import plain
    from symbolic_mlmath.render.printers import latex_line

    t.text(r"""
        A matrix is in **row echelon form** (REF) when the zero rows are at the bottom and
        the first non-zero entry of each row — its **pivot** — is to the right of the pivot
        of the row above. Elimination produces one. It is in **reduced** row echelon form
        (RREF) when, in addition, every pivot is 1 and is the only non-zero entry of its
        column. A matrix has many echelon forms but exactly one RREF.

        The course's example $\begin{bmatrix} 5 & 1 \\ 4 & -3 \end{bmatrix}$:
    """)
    M = Matrix([[5, 1], [4, -3]])
    d_ref = t.solve("ref", matrix=M, heading="The course's example: a row echelon form")
    R = d_ref.result
    t.cross_check("the REF is row-equivalent to the matrix (same RREF by SymPy)",
                  R.rref()[0], M.rref()[0])
    t.numeric_check("stacking the REF under the matrix adds no rank (numpy.linalg.matrix_rank)",
                    M.rank(), _np_rank(M.col_join(R)))
    d_rref = t.solve("rref", matrix=M,
                     heading="The course's example: the reduced row echelon form")
    t.cross_check("the RREF equals Matrix.rref()", d_rref.result, M.rref()[0])
    t.numeric_check("the RREF of a non-singular matrix is the identity (numpy)", d_rref.result,
                    np.eye(2))

    t.text(r"""
        **Pivots and rank.** The **rank** of a matrix is the number of pivots in an echelon
        form: the number of rows that carry new information (the linearly independent rows).
        A $2 \times 2$ matrix has rank 2 when non-singular, rank 1 when its rows are
        proportional, rank 0 only when it is zero.
    """)
    for what, rows in (("a non-singular 2×2 matrix", [[1, 1], [1, 2]]),
                       ("proportional rows", [[1, 1], [2, 2]]),
                       ("the zero matrix", [[0, 0], [0, 0]]),
                       ("a non-singular 3×3 matrix", [[1, 1, 1], [1, 2, 1], [1, 1, 2]]),
                       ("a 3×3 matrix with a dependent row", [[1, 1, 1], [1, 1, 2], [1, 1, 3]]),
                       ("three proportional rows", [[1, 1, 1], [2, 2, 2], [3, 3, 3]])):
        A = Matrix(rows)
        dr = t.solve("rank", matrix=rows, heading=f"Rank of {what}")
        t.cross_check(f"rank of {plain(A)} equals Matrix.rank()", dr.result, A.rank())
        t.numeric_check(f"rank of {plain(A)}: numpy.linalg.matrix_rank", dr.result, _np_rank(A))

    t.text(r"""
        **A rectangular matrix.** The rank is at most the smaller of the number of rows and
        columns. Below, the third row is the sum of the first two, and the RREF shows two
        pivots: rank 2, with the third and fourth columns free.
    """)
    W = Matrix([[1, 2, 0, 3], [2, 4, 1, 7], [3, 6, 1, 10]])
    dw = t.solve("rref", matrix=W, heading="A rectangular 3×4 matrix: its RREF")
    t.cross_check("3x4 RREF equals Matrix.rref()", dw.result, W.rref()[0])
    dwr = t.solve("rank", matrix=W, heading="A rectangular 3×4 matrix: its rank")
    t.cross_check("3x4 rank equals Matrix.rank()", dwr.result, W.rank())
    t.numeric_check("3x4 rank: numpy.linalg.matrix_rank", dwr.result, _np_rank(W))

    t.text(r"""
        **The rank decides the number of solutions.** For $A x = b$ with $n$ unknowns:
        if $\operatorname{rank} A < \operatorname{rank}[A \mid b]$ there is no solution;
        if $\operatorname{rank} A = \operatorname{rank}[A \mid b] = n$ exactly one;
        if $\operatorname{rank} A = \operatorname{rank}[A \mid b] < n$ infinitely many, with
        $n - \operatorname{rank} A$ free unknowns. Three systems with the same left-hand
        sides of rank 2:
    """)
    A = Matrix([[1, 1, 1], [1, 1, 2], [1, 1, 3]])
    for rhs, want in (([10, 15, 20], "infinite"), ([10, 15, 18], "none")):
        dc = t.solve("classify_system", A=A, b=rhs,
                     heading=f"Right-hand side $b = ({', '.join(map(str, rhs))})$")
        b = Matrix(rhs)
        ra, rab = A.rank(), A.row_join(b).rank()
        kind = "none" if rab > ra else ("unique" if ra == A.cols else "infinite")
        t.cross_check(f"b = {rhs}: {want}, from SymPy's ranks {ra} and {rab}", dc.result, kind)
        nr = (_np_rank(A), _np_rank(A.row_join(b)))
        nkind = "none" if nr[1] > nr[0] else ("unique" if nr[0] == 3 else "infinite")
        t.numeric_check(f"b = {rhs}: numpy's ranks {nr}", dc.result, nkind)
    full = Matrix([[1, 1, 1], [1, 2, 1], [1, 1, 2]])
    dc = t.solve("classify_system", A=full, b=[10, 15, 12], heading="A matrix of rank 3")
    t.cross_check("rank 3 = number of unknowns: unique (SymPy's rank)", dc.result,
                  "unique" if full.rank() == 3 else "not unique")
    t.numeric_check("rank 3: numpy.linalg.matrix_rank", dc.result,
                    "unique" if _np_rank(full) == 3 else "not unique")

    t.text(r"""
        **Rank as information: a small image.** An $8 \times 8$ grey-scale picture is a
        matrix of intensities. This house has rank 3 — found exactly, by elimination — so
        every row is a combination of just three rows. Elimination also writes it exactly
        as $A = C R$: $C$ the three pivot columns of $A$, $R$ the three non-zero rows of
        its RREF, a sum of three rank-one pictures.
    """)
    img = Matrix(HOUSE)
    d_img = t.solve("rank", matrix=img, heading="The house image: its rank")
    t.cross_check("rank of the image equals Matrix.rank()", d_img.result, img.rank())
    t.numeric_check("rank of the image: numpy.linalg.matrix_rank", d_img.result, _np_rank(img))
    d_rr = t.solve("rref", matrix=img, heading="The house image: its RREF and the pivot columns")
    marked = next(s for s in d_rr.steps if s.rule.value == "mark_pivots")
    pivots = [int(c) - 1 for _, c in marked.given["pivots"]]
    _, sym_pivots = img.rref()
    t.cross_check("pivot columns (1-based) equal SymPy's rref pivots",
                  tuple(c + 1 for c in pivots), tuple(c + 1 for c in sym_pivots))
    C = img[:, pivots]
    Rr = d_rr.result[: len(pivots), :]
    t.cross_check("C R reproduces the image exactly", C * Rr, img)
    cols = ", ".join(str(c + 1) for c in pivots)
    t.text(rf"""
        The pivots stand in columns {cols}, so $C$ holds those columns of $A$ and $R$ the
        non-zero rows of the RREF; multiplying them back gives the picture exactly:

        $$C = {latex_line(C)}, \qquad R = {latex_line(Rr)},$$

        $$A = C R .$$
    """)

    t.text(r"""
        The *best* rank-$k$ approximation (least squared error) is not given by
        elimination: it comes from the singular value decomposition
        $A = \sum_i \sigma_i u_i v_i^T$, keeping the $k$ largest terms (Eckart–Young). The
        SVD is a numeric algorithm, so this part is done with numpy in floating point: the
        exact statement is only that the number of non-zero singular values is the rank.
        The rank-1 picture is a blurred silhouette, rank 2 already shows the roof and the
        window, and rank 3 is the picture itself (error 0 up to rounding).
    """)
    fig, s, errors = _low_rank_figure(img, (1, 2, 3))
    t.figure("low_rank", fig, "The house and its best rank-1, rank-2 and rank-3 approximations "
             "(SVD by numpy; the error is the Frobenius norm of the difference).")
    t.numeric_check("number of singular values above 1e-9 equals the exact rank", d_img.result,
                    int(np.sum(s > 1e-9)))
    t.numeric_check("rank-3 approximation error is 0 (the image has rank 3)", 0, errors[3],
                    atol=1e-8)
    tail = float(np.sqrt(np.sum(s[1:] ** 2)))
    t.numeric_check("rank-1 error equals sqrt(sigma_2^2 + sigma_3^2 + ...) (Eckart-Young)",
                    errors[1], tail, rtol=1e-9)
    t.numeric_check("C R lambdified equals the picture (numpy)", img, to_numpy(C) @ to_numpy(Rr))


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

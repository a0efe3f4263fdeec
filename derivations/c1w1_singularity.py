"""Course 1, week 1: singularity, linear dependence and the determinant.

A square matrix is singular when one row is a combination of the others; the
determinant detects it: det = 0 exactly for singular matrices. The 2x2 formula,
the rule of Sarrus and cofactor expansion for 3x3 matrices, and elimination, each
with steps, cross-checked against ``Matrix.det()`` and ``numpy.linalg.det``.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c1w1-singularity"
TITLE = "Singularity and the determinant"


def _parallelograms(pairs):
    """Rows of 2x2 matrices drawn as vectors with the parallelogram they span."""
    import numpy as np

    from symbolic_mlmath.core.numeric import to_numpy
    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(9.5, 4.2))
    fig.clf()
    axes = fig.subplots(1, len(pairs))
    for ax, (M, det, title) in zip(np.atleast_1d(axes), pairs, strict=True):
        r1, r2 = to_numpy(M)
        poly = np.array([[0, 0], r1, r1 + r2, r2, [0, 0]])
        ax.fill(poly[:, 0], poly[:, 1], color="C2", alpha=0.25,
                label=f"area |det| = {abs(det)}")
        ax.plot(poly[:, 0], poly[:, 1], color="C2", lw=0.8)
        for k, r in enumerate((r1, r2)):
            ax.annotate("", xy=r, xytext=(0, 0),
                        arrowprops={"arrowstyle": "->", "color": f"C{k}", "lw": 2})
            ax.annotate(f"row {k + 1} = ({r[0]:g}, {r[1]:g})", xy=r,
                        xytext=(6, -14) if k == 0 else (-30, 8),
                        textcoords="offset points", color=f"C{k}")
        lim = max(1.0, float(np.max(np.abs(poly)))) + 0.8
        ax.set_xlim(-0.8, lim)
        ax.set_ylim(-0.8, lim)
        ax.set_aspect("equal")
        ax.axhline(0, color="0.7", lw=0.8)
        ax.axvline(0, color="0.7", lw=0.8)
        ax.set_title(title, fontsize=10)
        ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return fig


_METHOD_WORDS = {"sarrus": "by the rule of Sarrus", "cofactor": "by cofactor expansion",
                 "elimination": "by elimination"}


def build(t: Topic) -> None:
    import numpy as np
    from sympy import Matrix, solve, symbols

    from symbolic_mlmath.core.numeric import as_function, to_numpy

    t.text(r"""
        A system has exactly one solution for every right-hand side when its coefficient
        matrix is **non-singular**. A square matrix is **singular** when its rows are
        **linearly dependent**: one row is a combination of the others, so it carries no
        new information. For two rows that means one is a multiple of the other.

        The **determinant** is the test. For a $2 \times 2$ matrix
        $\det\begin{bmatrix} a & b \\ c & d \end{bmatrix} = ad - bc$, and the matrix is
        singular exactly when $ad - bc = 0$, i.e. when $a/c = b/d$: the rows are
        proportional.
    """)
    a, b, c, d = symbols("a b c d")
    gen = Matrix([[a, b], [c, d]])
    dg = t.solve("det", matrix=gen, heading="The determinant of a general 2×2 matrix")
    t.cross_check("det of a general 2x2 matrix equals Matrix.det()", dg.result, gen.det())
    f = as_function(dg.result, (a, b, c, d))
    rng = np.random.default_rng(1)
    pts = rng.uniform(-5, 5, (6, 4))
    t.numeric_check("ad - bc lambdified vs numpy.linalg.det at 6 random matrices",
                    [float(f(*p)) for p in pts],
                    [np.linalg.det(p.reshape(2, 2)) for p in pts])

    t.text("The two systems of the apples-and-bananas example: one non-singular, one singular.")
    pairs = []
    for label, rows in (("non-singular", [[1, 1], [1, 2]]), ("singular", [[1, 1], [2, 2]])):
        M = Matrix(rows)
        dd = t.solve("det", matrix=rows, heading=f"The {label} 2×2 matrix: its determinant")
        t.cross_check(f"{label} 2x2: det equals Matrix.det()", dd.result, M.det())
        t.numeric_check(f"{label} 2x2: numpy.linalg.det", dd.result, np.linalg.det(to_numpy(M)))
        ds = t.solve("singular", matrix=rows, heading=f"The {label} 2×2 matrix: singular?")
        t.cross_check(f"{label} 2x2: singular iff SymPy's det is 0", ds.result, M.det() == 0)
        pairs.append((M, dd.result, f"{label}: det = {dd.result}"))
    t.figure("area", _parallelograms(pairs),
             "The rows as vectors. Independent rows span a parallelogram of area |det|; "
             "dependent rows lie on one line and the parallelogram collapses: det = 0.")

    t.text(r"""
        **Which value of $k$ makes the matrix singular?** For
        $\begin{bmatrix} 2 & k \\ 3 & 6 \end{bmatrix}$ the determinant is a polynomial in $k$;
        setting it to zero gives the answer.
    """)
    k = symbols("k")
    Mk = Matrix([[2, k], [3, 6]])
    dk = t.solve("det", matrix=Mk, heading="A determinant with a parameter $k$")
    t.cross_check("det with a parameter equals Matrix.det()", dk.result, Mk.det())
    (k0,) = solve(dk.result, k)
    ds = t.solve("singular", matrix=Mk.subs(k, k0), heading=f"With $k = {k0}$: singular?")
    t.cross_check(f"k = {k0} makes the rows (2, {k0}) and (3, 6) proportional", ds.result,
                  Mk.subs(k, k0).det() == 0)
    fk = as_function(dk.result, [k])
    ks = np.linspace(-3, 7, 5)
    t.numeric_check("det(k) lambdified vs numpy.linalg.det on a grid of k",
                    [float(fk(v)) for v in ks],
                    [np.linalg.det(np.array([[2, v], [3, 6]])) for v in ks])

    t.text(r"""
        **Three by three.** The rule of Sarrus adds the three products down-right and
        subtracts the three products up-right. Cofactor expansion along the first row
        works for any size: $\det A = \sum_j (-1)^{1+j} a_{1j} \det M_{1j}$, with the signs
        of the checkerboard $+ - +$. Elimination reduces to a triangular matrix, whose
        determinant is the product of the diagonal, keeping track of how each row
        operation changes the determinant (a swap flips the sign; adding a multiple of a
        row changes nothing).
    """)
    lab = Matrix([[4, -3, 1], [2, 1, 3], [-1, 2, -5]])
    ref = lab.det()
    for method in ("sarrus", "cofactor", "elimination"):
        dm = t.solve("det", matrix=lab, method=method,
                     heading=f"The lab's 3×3 determinant {_METHOD_WORDS[method]}")
        t.cross_check(f"3x3 by {method} equals Matrix.det()", dm.result, ref)
    t.numeric_check("3x3: numpy.linalg.det", ref, np.linalg.det(to_numpy(lab)))

    t.text(r"""
        The course's two $3 \times 3$ systems: the first is non-singular, the second singular
        — its third row is $2 \cdot \text{row}_2 - \text{row}_1$, a **linear dependence**.
    """)
    for label, rows in (("non-singular", [[1, 1, 1], [1, 2, 1], [1, 1, 2]]),
                        ("singular", [[1, 1, 1], [1, 1, 2], [1, 1, 3]])):
        M = Matrix(rows)
        dd = t.solve("det", matrix=rows, method="cofactor",
                     heading=f"The {label} 3×3 matrix: its determinant")
        t.cross_check(f"{label} 3x3: det equals Matrix.det()", dd.result, M.det())
        t.numeric_check(f"{label} 3x3: numpy.linalg.det", dd.result, np.linalg.det(to_numpy(M)))
        ds = t.solve("singular", matrix=rows, heading=f"The {label} 3×3 matrix: singular?")
        t.numeric_check(f"{label} 3x3: numpy.linalg.matrix_rank < 3", ds.result,
                        bool(np.linalg.matrix_rank(to_numpy(M)) < 3))
    sing = Matrix([[1, 1, 1], [1, 1, 2], [1, 1, 3]])
    (coeffs,) = sing.T.nullspace()
    t.cross_check("the dependence: row1 - 2 row2 + row3 = 0 (SymPy's left null space)",
                  coeffs / coeffs[0], Matrix([1, -2, 1]))

    t.text(r"""
        For larger matrices cofactor expansion needs $n!$ products; elimination needs about
        $n^3$ operations, which is what software (and this workbook, for $n \ge 4$) uses.
    """)
    big = Matrix([[2, 1, 0, 3], [1, 3, 2, 1], [0, 2, 4, 1], [3, 1, 1, 2]])
    d4 = t.solve("det", matrix=big, heading="A 4×4 determinant by elimination")
    t.cross_check("4x4 by elimination equals Matrix.det()", d4.result, big.det())
    t.numeric_check("4x4: numpy.linalg.det", d4.result, np.linalg.det(to_numpy(big)))


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

"""Course 1, week 4: eigenvalues, eigenvectors, diagonalisation, PCA and steady states.

The characteristic polynomial det(A - λI) expanded by cofactors, its roots with
multiplicity (complex ones too), eigenvectors as null spaces, an eigenbasis and
A = P D P^-1, a defective matrix, PCA on a small data set, and a Markov chain's
steady state.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c1w4-eigen"
TITLE = "Eigenvalues and eigenvectors"


def _eigen_figure(A, vecs):
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(5.5, 5))
    ax = fig.axes[0]
    for k, v in enumerate(vecs):
        v = v / np.linalg.norm(v)
        Av = A @ v
        ax.plot(*np.array([-4 * v, 4 * v]).T, color=f"C{k}", lw=0.8, ls=":")
        ax.annotate("", xy=Av, xytext=(0, 0),
                    arrowprops={"arrowstyle": "->", "color": f"C{k}", "lw": 3, "alpha": 0.5})
        ax.annotate("", xy=v, xytext=(0, 0),
                    arrowprops={"arrowstyle": "->", "color": f"C{k}", "lw": 2})
        ax.annotate(f"v{'₁₂'[k]} and A v{'₁₂'[k]}", xy=Av, xytext=(4, 4),
                    textcoords="offset points", color=f"C{k}")
    w = np.array([1.0, 0.0])
    ax.annotate("", xy=w, xytext=(0, 0), arrowprops={"arrowstyle": "->", "color": "C3",
                                                      "lw": 1, "ls": "--"})
    ax.annotate("e₁", xy=w, xytext=(2, -14), textcoords="offset points", color="C3")
    ax.annotate("", xy=A @ w, xytext=(0, 0), arrowprops={"arrowstyle": "->", "color": "C3"})
    ax.annotate("A e₁ leaves the line of e₁", xy=A @ w, xytext=(4, -12),
                textcoords="offset points", color="C3")
    ax.set_xlim(-4, 4)
    ax.set_ylim(-4, 4)
    ax.set_aspect("equal")
    ax.axhline(0, color="0.7", lw=0.8)
    ax.axvline(0, color="0.7", lw=0.8)
    return fig


def _pca_figure(X, mean, comps, vals):
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(5.5, 5))
    ax = fig.axes[0]
    ax.scatter(X[:, 0], X[:, 1], color="C0", label="data")
    ax.plot(*mean, marker="+", markersize=12, color="0.3", ls="none", label="mean")
    ends = [X, mean[None, :]]
    for k, (c, lam) in enumerate(zip(comps, vals, strict=True)):
        half = np.sqrt(lam) * c  # one standard deviation along the component
        ax.annotate("", xy=mean + 2 * half, xytext=mean - 2 * half,
                    arrowprops={"arrowstyle": "->", "color": f"C{k + 1}", "lw": 2})
        ax.annotate(f"PC{k + 1} (λ = {lam:.3g})", xy=mean + 2 * half, xytext=(4, 4),
                    textcoords="offset points", color=f"C{k + 1}")
        ends += [(mean + 2 * half)[None, :], (mean - 2 * half)[None, :]]
    pts = np.vstack(ends)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    pad = 0.15 * float(max(hi - lo))
    ax.set_xlim(lo[0] - pad, hi[0] + 2 * pad)
    ax.set_ylim(lo[1] - pad, hi[1] + pad)
    ax.set_aspect("equal")
    ax.legend(loc="lower right", fontsize=8)
    return fig


def build(t: Topic) -> None:
    import numpy as np
    from sympy import Matrix, symbols

    from symbolic_mlmath.core.numeric import as_function, to_numpy

    t.text(r"""
        An **eigenvector** of $A$ is a non-zero $\mathbf{v}$ that $A$ only stretches:
        $A\mathbf{v} = \lambda\mathbf{v}$. Then $(A - \lambda I)\mathbf{v} = 0$ has a
        non-zero solution, so $A - \lambda I$ is singular: the eigenvalues are the roots
        of the **characteristic polynomial** $p(\lambda) = \det(A - \lambda I)$.
    """)
    A = Matrix([[2, 1], [1, 2]])
    dp = t.solve("charpoly", matrix=A,
                 heading=r"The characteristic polynomial of $A = \begin{bmatrix}2&1\\1&2\end{bmatrix}$")
    lam = symbols("lambda")
    t.cross_check("det(A - λI) = det(λI - A) for 2x2 (Matrix.charpoly)", dp.result,
                  A.charpoly(lam).as_expr())
    f = as_function(dp.result, [lam])
    t.numeric_check("p(λ) lambdified vs numpy.poly at λ = 0.5", f(0.5),
                    np.polyval(np.poly(to_numpy(A)), 0.5))
    dv = t.solve("eigenvectors", matrix=A, heading="Its eigenvalues and eigenvectors")
    t.numeric_check("eigenvalues vs numpy.linalg.eigvalsh", [e["eigenvalue"] for e in dv.result],
                    np.linalg.eigvalsh(to_numpy(A)))
    t.cross_check("A v = λ v for every eigenvector",
                  all(A * v == e["eigenvalue"] * v for e in dv.result for v in e["vectors"]),
                  True)
    t.figure("eigenvectors", _eigen_figure(to_numpy(A), [to_numpy(e["vectors"][0]).ravel()
                                                         for e in dv.result]),
             r"The eigenvectors of $A = \begin{bmatrix}2&1\\1&2\end{bmatrix}$ stay on their "
             r"lines (stretched by 1 and 3); other vectors, like $\mathbf{e}_1$, turn.")
    t.text(r"A $3 \times 3$ example: the cofactor expansion of $\det(A - \lambda I)$ on the "
           r"symbolic matrix.")
    B = Matrix([[2, 0, 0], [1, 3, 0], [4, -2, 1]])
    de = t.solve("eigenvalues", matrix=B, heading="Eigenvalues of a 3×3 matrix")
    t.cross_check("eigenvalues with multiplicity", de.result,
                  sorted(B.eigenvals(multiple=True)))
    dd = t.solve("diagonalize", matrix=B, heading=r"Diagonalising it: $A = PDP^{-1}$")
    P, D = dd.result["P"], dd.result["D"]
    t.cross_check("P D P^-1 = A", P * D * P.inv(), B)
    t.numeric_check("A rebuilt by numpy from P and D: P D P^-1 = A", B,
                    to_numpy(P) @ to_numpy(D) @ np.linalg.inv(to_numpy(P)))
    t.text("A rotation has **complex** eigenvalues: no real vector keeps its direction.")
    R = Matrix([[0, -1], [1, 0]])
    dr = t.solve("eigenvalues", matrix=R, heading="A rotation: complex eigenvalues")
    ev = np.sort_complex(np.linalg.eigvals(to_numpy(R)))
    t.numeric_check("complex eigenvalues by numpy (imaginary parts)",
                    [x.as_real_imag()[1] for x in dr.result], ev.imag)
    t.text(r"""
        A **defective** matrix has too few eigenvectors: $\lambda = 2$ is a double root of
        $\det(A - \lambda I)$ for the shear below, but its eigenspace is only a line, so
        there is no eigenbasis and no diagonalisation.
    """)
    dn = t.solve("diagonalize", matrix=[[2, 1], [0, 2]], heading="A shear: not diagonalisable")
    t.cross_check("the shear is not diagonalisable", dn.result["diagonalizable"],
                  Matrix([[2, 1], [0, 2]]).is_diagonalizable())
    t.text(r"""
        **PCA**: centre the data, form the covariance matrix $C = X_c^T X_c/(n-1)$; its
        eigenvectors are the principal directions, its eigenvalues the variances along
        them.
    """)
    data = [[1, 1], [2, 3], [3, 2], [4, 5], [5, 4], [6, 6]]
    dpca = t.solve("pca", data=data, heading="PCA of six points in the plane")
    Xn = np.array(data, dtype=float)
    t.numeric_check("covariance vs numpy.cov", dpca.result["covariance"],
                    np.cov(Xn, rowvar=False))
    w, V = np.linalg.eigh(np.cov(Xn, rowvar=False))
    t.numeric_check("eigenvalues vs numpy.linalg.eigh", dpca.result["eigenvalues"], w[::-1])
    comps = [to_numpy(c).ravel() for c in dpca.result["components"]]
    t.numeric_check("components vs eigh, up to sign",
                    [abs(float(c @ V[:, -1 - k])) for k, c in enumerate(comps)], [1.0, 1.0])
    t.cross_check("the projected data have the eigenvalues as variances",
                  (dpca.result["projected"].T * dpca.result["projected"] / 5).diagonal(),
                  Matrix([dpca.result["eigenvalues"]]))
    t.figure("pca", _pca_figure(Xn, Xn.mean(axis=0), comps,
                                [float(v) for v in dpca.result["eigenvalues"]]),
             "The data, its mean (+) and its principal directions through the mean (each "
             "arrow spans ±2 standard deviations along its component).")
    t.text(r"""
        A **Markov chain** with column-stochastic transition matrix $P$ settles into the
        **steady state** $\mathbf{p}$ with $P\mathbf{p} = \mathbf{p}$: an eigenvector for
        the eigenvalue 1, scaled so its entries add up to 1 (PageRank works this way).
    """)
    M = Matrix([[0.8, 0.3, 0.2], [0.1, 0.6, 0.3], [0.1, 0.1, 0.5]])
    ds = t.solve("steady_state", heading="The steady state of a Markov chain",
                 matrix=[["0.8", "0.3", "0.2"], ["0.1", "0.6", "0.3"], ["0.1", "0.1", "0.5"]])
    t.cross_check("P p = p", Matrix([[8, 3, 2], [1, 6, 3], [1, 1, 5]]) / 10 * ds.result,
                  ds.result)
    t.numeric_check("steady state by iterating P 200 times", ds.result,
                    np.linalg.matrix_power(to_numpy(M), 200) @ np.array([1.0, 0.0, 0.0]),
                    rtol=1e-6, atol=1e-8)
    t.cross_check("entries sum to 1", sum(ds.result), 1)


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

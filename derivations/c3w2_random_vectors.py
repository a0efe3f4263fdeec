"""Course 3, week 2: random vectors: joint, marginal and conditional distributions.

A joint PMF table; marginals by adding along rows or columns; a conditional PMF; the
independence test (the first cell where p(x, y) differs from p_X(x) p_Y(y)); covariance
E[XY] - E[X]E[Y] and correlation; for data, the sample covariance and correlation, the
covariance matrix and its ellipse; the multivariate normal density, checked against
sympy.stats and numpy. Plots: the data with their covariance ellipses and the contours of
a bivariate normal density.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c3w2-random-vectors"
TITLE = "Random vectors"

JOINT = {"(0, 0)": "0.1", "(0, 1)": "0.2", "(1, 0)": "0.3", "(1, 1)": "0.4"}


def _mvn_figure(mean, cov):
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    C = np.array(cov, dtype=float)
    inv, det = np.linalg.inv(C), np.linalg.det(C)
    g = np.linspace(-4, 5, 200)
    X, Y = np.meshgrid(g, g)
    D = np.stack([X - mean[0], Y - mean[1]], axis=-1)
    Q = np.einsum("...i,ij,...j->...", D, inv, D)
    Z = np.exp(-Q / 2) / np.sqrt((2 * np.pi) ** 2 * det)
    fig = new_figure(size=(5, 4.5))
    ax = fig.axes[0]
    cs = ax.contour(X, Y, Z, levels=8)
    ax.clabel(cs, fontsize=6)
    ax.set_aspect("equal")
    ax.set_title("Bivariate normal density: mean (1, 0), covariance [[2, 1], [1, 3]]",
                 fontsize=9)
    return fig


def build(t: Topic) -> None:
    import numpy as np
    from sympy import Matrix, Rational
    from sympy.stats import density
    from sympy.stats.joint_rv_types import MultivariateNormal

    from symbolic_mlmath.stats.plots import plot_covariance_ellipse

    t.text(r"""
        A pair $(X, Y)$ is described by its **joint PMF** $p(x, y) = P(X = x, Y = y)$. The
        **marginal** of X adds the joint along Y: $p_X(x) = \sum_y p(x, y)$; the
        **conditional** divides by a marginal: $p(x \mid y) = p(x, y)/p_Y(y)$.
    """)
    m = t.solve("marginal", joint_pmf=JOINT, variable="X")
    t.cross_check("p_X = row sums", m.result, {0: Rational(3, 10), 1: Rational(7, 10)})
    c = t.solve("marginal", joint_pmf=JOINT, variable="X", given="Y = 1")
    t.cross_check("p(x | Y = 1) sums to 1", sum(c.result.values()), 1)
    t.text(r"""
        X and Y are **independent** when every cell equals the product of its marginals;
        one failing cell is enough to say they are not.
    """)
    t.text(r"""
        The **covariance** $\operatorname{Cov}(X, Y) = \mathbb{E}[XY] - \mathbb{E}[X]\mathbb{E}[Y]$
        says whether X and Y move together; the **correlation**
        $\rho = \operatorname{Cov}(X, Y)/(\sigma_X\sigma_Y)$ scales it into $[-1, 1]$.
    """)
    cov = t.solve("covariance", joint_pmf=JOINT)
    xs, ys, ps = np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1]), np.array([0.1, 0.2, 0.3, 0.4])
    t.numeric_check("Cov by numpy sums", cov.result,
                    (xs * ys * ps).sum() - (xs * ps).sum() * (ys * ps).sum())
    t.solve("correlation", joint_pmf=JOINT)

    t.text(r"""
        For **data** the sample covariance divides the products of deviations by $n - 1$,
        and the correlation $r = s_{xy}/(s_x s_y)$. The covariance matrix collects the
        variances (diagonal) and covariances; its eigenvectors are the axes of the ellipse.
    """)
    rng = np.random.default_rng(3)
    pts = rng.multivariate_normal([1, 2], [[2, 1.2], [1.2, 1.5]], 40).round(2)
    x_txt = " ".join(str(v) for v in pts[:, 0])
    y_txt = " ".join(str(v) for v in pts[:, 1])
    sc = t.solve("covariance", x=x_txt, y=y_txt)
    t.numeric_check("sample covariance by numpy.cov", sc.result, np.cov(pts[:, 0], pts[:, 1])[0, 1])
    r = t.solve("correlation", x=x_txt, y=y_txt)
    t.numeric_check("r by numpy.corrcoef", r.result, np.corrcoef(pts[:, 0], pts[:, 1])[0, 1])
    cm = t.solve("covariance", data=[[str(a), str(b)] for a, b in pts[:12]])
    t.numeric_check("covariance matrix of 12 rows by numpy", cm.result,
                    np.cov(pts[:12].T))
    C = np.cov(pts.T)
    t.figure("ellipse", plot_covariance_ellipse(pts[:, 0], pts[:, 1], Matrix(C)),
             "40 seeded draws (seed 3) and the 1- and 2-SD ellipses of their covariance matrix.")

    t.text(r"""
        The **multivariate normal** density in $k$ dimensions is
        $f(\mathbf{x}) = \exp\left(-\tfrac12(\mathbf{x}-\mu)^T\Sigma^{-1}(\mathbf{x}-\mu)\right)
        / \sqrt{(2\pi)^k\det\Sigma}$.
    """)
    mv = t.solve("mvn_density", mean="[1, 0]", cov="[[2, 1], [1, 3]]", x="[2, 1]")
    N = MultivariateNormal("N", [1, 0], Matrix([[2, 1], [1, 3]]))
    t.cross_check("density by sympy.stats", mv.result, density(N)(2, 1))
    t.figure("mvn", _mvn_figure([1, 0], [[2, 1], [1, 3]]),
             "Contours of the bivariate normal density.")


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

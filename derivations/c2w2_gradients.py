"""Course 2, week 2: gradients.

Partial derivatives (one variable at a time, the others constant); the gradient and its
meaning (steepest ascent, perpendicular to the contours); the tangent plane; the chain rule
through named quantities (the seed of backpropagation); optimising with ∇f = 0; the
Hessian classifying a bowl and a saddle; least squares by the normal equations. Results
are checked against SymPy and numerically with numpy (central differences, lstsq).
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c2w2-gradients"
TITLE = "Gradients"


def _central(f, point, k: int, h: float = 1e-6) -> float:
    """∂f/∂x_k by a central difference in floats (an independent numeric route)."""
    import numpy as np

    e = np.zeros(len(point))
    e[k] = h
    p = np.array(point, dtype=float)
    return float((f(*(p + e)) - f(*(p - e))) / (2 * h))


def build(t: Topic) -> None:
    import numpy as np
    from sympy import Matrix, Rational, diff, exp, hessian, lambdify, simplify, sin, symbols

    from symbolic_mlmath.calculus.functions import to_elementary
    from symbolic_mlmath.calculus.plots import plot_contour_gradient, plot_tangent_plane

    x, y, w, b = symbols("x y w b")
    t.text(r"""
        A **partial derivative** differentiates with respect to one variable while the
        others are held constant: for $f(x, y) = x^2 y + \sin y$,
        $\partial f/\partial x = 2xy$ (y is a constant factor) and
        $\partial f/\partial y = x^2 + \cos y$.
    """)
    f = x**2 * y + sin(y)
    dx = t.solve("partial_derivative", expr="x^2 y + sin(y)", var="x")
    dy = t.solve("partial_derivative", expr="x^2 y + sin(y)", var="y")
    t.cross_check("∂f/∂x = SymPy's diff", dx.result, diff(f, x))
    t.cross_check("∂f/∂y = SymPy's diff", dy.result, diff(f, y))
    fn = lambdify((x, y), f, "numpy")
    dg = t.solve("gradient", expr="x^2 y + sin(y)", vars="x, y", at="x = 1, y = 2")
    t.numeric_check("∇f(1, 2) against central differences",
                    [float(v) for v in dg.result], [_central(fn, (1, 2), 0), _central(fn, (1, 2), 1)],
                    rtol=1e-6, atol=1e-6)

    t.text(r"""
        The **gradient** $\nabla f = (\partial f/\partial x, \partial f/\partial y)$ points in
        the direction of steepest ascent, perpendicular to the contour lines; its length is
        the slope in that direction. The **tangent plane** at $(a, b)$ is
        $z = f(a, b) + f_x(a, b)(x - a) + f_y(a, b)(y - b)$.
    """)
    g = x**2 + 3 * y**2
    t.figure("contour_gradient", plot_contour_gradient(g, (x, y), points=[("minimum", (0, 0))]),
             "Contours of x² + 3y² with gradient arrows: uphill and across the contours.")
    t.figure("tangent_plane", plot_tangent_plane(f, (x, y), (1, 2)),
             "The surface x²y + sin y and its tangent plane at (1, 2).")

    t.text(r"""
        **The chain rule through named quantities.** A neuron computes $z = w x + b$,
        $a = \sigma(z)$ and the squared loss $L = (a - y)^2$. Then
        $\partial L/\partial w = \partial L/\partial a \cdot \partial a/\partial z \cdot
        \partial z/\partial w = 2(a - y)\,\sigma(z)(1 - \sigma(z))\,x$: each factor is
        derived on its own and the factors are multiplied, which is exactly what
        backpropagation does.
    """)
    dw = t.solve("partial_derivative", expr="L", var="w",
                 where="z = w x + b, a = sigma(z), L = (a - y)^2")
    full = (1 / (1 + exp(-(w * x + b))) - y) ** 2
    t.cross_check("∂L/∂w minus SymPy's diff of the composed loss simplifies to 0",
                  simplify(to_elementary(dw.result) - diff(full, w)), 0)
    point = {w: Rational(1, 2), b: Rational(-1, 3), x: 2, y: 1}
    lf = lambdify((w,), full.subs({b: point[b], x: point[x], y: point[y]}), "numpy")
    t.numeric_check("∂L/∂w at a point against a central difference",
                    float(to_elementary(dw.result).subs(point)), _central(lf, (0.5,), 0),
                    rtol=1e-6, atol=1e-9)

    t.text(r"""
        **Optimising with the gradient.** Critical points solve $\nabla f = 0$; the
        **Hessian** $H = [\partial^2 f / \partial x_i \partial x_j]$ classifies them. In two
        variables $D = f_{xx} f_{yy} - f_{xy}^2$: $D > 0$ with $f_{xx} > 0$ a minimum
        (a bowl), $D > 0$ with $f_{xx} < 0$ a maximum, $D < 0$ a saddle.
    """)
    dc = t.solve("critical_points", expr="x^3 - 3x + y^2", vars="x, y")
    t.cross_check("kinds: (-1, 0) saddle, (1, 0) minimum", [r["kind"] for r in dc.result],
                  ["saddle", "local_min"])
    bowl = t.solve("hessian", expr="x^2 + y^2", vars="x, y")
    saddle = t.solve("hessian", expr="x^2 - y^2", vars="x, y")
    t.cross_check("the bowl's Hessian = SymPy's hessian", bowl.result, hessian(x**2 + y**2, (x, y)))
    t.cross_check("the bowl is positive definite", str(bowl.steps[-1].given["verdict"]),
                  "positive definite")
    t.cross_check("the saddle is indefinite", str(saddle.steps[-1].given["verdict"]), "indefinite")
    t.numeric_check("the saddle's eigenvalues against numpy.linalg.eigvalsh",
                    [float(v) for v in saddle.steps[-1].given["eigenvalues"]],
                    np.linalg.eigvalsh(np.array(saddle.result.tolist(), dtype=float)))
    t.figure("saddle", plot_contour_gradient(x**2 - y**2, (x, y), points=[("saddle", (0, 0))]),
             "The saddle x² − y²: uphill along x, downhill along y.")

    t.text(r"""
        **Least squares by the normal equations.** The line $y \approx w x + b$ minimises
        $L(w, b) = \sum_i (y_i - w x_i - b)^2$. Setting $\nabla L = 0$ gives two linear
        equations, the normal equations $X^\top X \beta = X^\top y$; the Hessian $2X^\top X$
        is positive definite, so the critical point is the global minimum.
    """)
    xs, ys = [1, 2, 3, 4, 5], [3, 5, 7, 10, 11]
    L = sum((yi - w * xi - b) ** 2 for xi, yi in zip(xs, ys, strict=True))
    dls = t.solve("minimize", expr=L, vars="w, b")
    X = Matrix([[xi, 1] for xi in xs])
    beta = (X.T * X).solve(X.T * Matrix(ys))
    t.cross_check("(w*, b*) solve the normal equations", Matrix([dls.result["argmin"][w],
                                                                 dls.result["argmin"][b]]), beta)
    coef = np.linalg.lstsq(np.column_stack([xs, np.ones(5)]), np.array(ys, float), rcond=None)[0]
    t.numeric_check("(w*, b*) against numpy.linalg.lstsq",
                    [float(dls.result["argmin"][w]), float(dls.result["argmin"][b])], coef)
    dh = t.solve("hessian", expr=L, vars="w, b")
    t.cross_check("Hessian = 2 XᵀX", dh.result, 2 * X.T * X)


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

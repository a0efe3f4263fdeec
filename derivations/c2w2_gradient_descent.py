"""Course 2, week 2: gradient descent.

The update rule written with the symbolic gradient and instantiated; iteration tables
(exact while small, then 30-digit decimals); the learning rate judged in advance for a
quadratic (converges exactly when η < 2/λ_max) and compared in practice (too small,
good, too large); linear regression by gradient descent against the normal equations.
Each result is checked against SymPy directly and against numpy.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c2w2-gradient-descent"
TITLE = "Gradient descent"


def _numpy_descent(grad, x0, eta, n):
    import numpy as np

    p = np.array(x0, dtype=float)
    path = [p.copy()]
    for _ in range(n):
        p = p - eta * np.asarray(grad(*p), dtype=float)
        path.append(p.copy())
    return np.array(path)


def build(t: Topic) -> None:
    import mpmath
    import numpy as np
    from sympy import Matrix, Rational, exp, lambdify, log, symbols

    from symbolic_mlmath.calculus.iterplots import (
        plot_descent_contour,
        plot_learning_rates,
        plot_loss_curve,
    )

    x, y = symbols("x y")
    t.text(r"""
        **Gradient descent** looks for a minimum of $f$ by stepping against the gradient:
        $\mathbf{x}_{k+1} = \mathbf{x}_k - \eta\,\nabla f(\mathbf{x}_k)$, where the
        **learning rate** $\eta > 0$ sets the step size. The gradient is derived once,
        symbolically; the update rule is written with it and evaluated at each iterate.

        In one variable, $f(x) = e^x - \ln x$ has its minimum where $f'(x) = e^x - 1/x = 0$,
        that is $x e^x = 1$: $x = W(1) \approx 0.5671$ (Lambert's W, the omega constant).
    """)
    f1 = exp(x) - log(x)
    d1 = t.solve("gradient_descent", expr="e^x - ln(x)", vars="x", x0="1",
                 learning_rate="0.1", iterations="25")
    omega = mpmath.lambertw(1).real
    t.numeric_check("x_25 close to W(1) (mpmath.lambertw)", d1.result["point"][0],
                    float(omega), rtol=1e-3, atol=1e-3)
    g1 = lambdify(x, [f1.diff(x)], "numpy")
    ref = _numpy_descent(g1, [1.0], 0.1, 25)
    t.numeric_check("every iterate against a plain numpy loop",
                    [p[0] for p in d1.result["iterates"]], ref[:, 0], rtol=1e-10)
    t.figure("one_variable", plot_descent_contour(d1),
             r"Gradient descent on $e^x - \ln x$: each iterate moves against the slope.")

    t.text(r"""
        In two variables the iterates of a quadratic can be written in closed form:
        for $f = x^2 + 3y^2$ the update is $x_{k+1} = (1 - 2\eta)x_k$,
        $y_{k+1} = (1 - 6\eta)y_k$. The Hessian is constant with eigenvalues 2 and 6, so
        descent converges exactly when $\eta < 2/\lambda_{\max} = 1/3$.
    """)
    f2 = x**2 + 3 * y**2
    d2 = t.solve("gradient_descent", expr=f2, vars="x, y", x0="[1, 1]", learning_rate="1/10",
                 iterations="8")
    eta = Rational(1, 10)
    t.cross_check("x_8 by the closed form (1 - 2η)^8, (1 - 6η)^8",
                  d2.result["point"], Matrix([(1 - 2 * eta) ** 8, (1 - 6 * eta) ** 8]))
    t.figure("contour", plot_descent_contour(d2),
             "Contours of x² + 3y² and the path of gradient descent with η = 1/10.")
    d3 = t.solve("gradient_descent", expr=f2, vars="x, y", x0="[1, 1]", learning_rate="0.4",
                 iterations="12")
    t.cross_check("η = 0.4 is above 2/λ_max: the y-coordinate is (1 - 6·0.4)^12",
                  d3.result["point"][1], Rational(-7, 5) ** 12)
    t.text(r"""
        Comparing learning rates: too small crawls, a good one converges quickly, and one
        above $2/\lambda_{\max}$ overshoots further at every step.
    """)
    t.figure("learning_rates", plot_learning_rates(f2, (x, y), (1, 1), ("0.01", "0.1", "0.34"),
                                                   40),
             "f(x_k) for η = 0.01 (too small), 0.1 (good), 0.34 (above the bound 1/3).")

    t.text(r"""
        **Linear regression by gradient descent.** For data $(x_i, y_i)$ the mean squared
        error $L(w, b) = \frac1n\sum (y_i - (w x_i + b))^2$ is a quadratic in $w, b$;
        gradient descent approaches the exact least-squares line, which solves the normal
        equations $X^\top X\beta = X^\top y$.
    """)
    xs, ys = [1, 2, 3, 4, 5], [3, 5, 7, 10, 11]
    d4 = t.solve("gradient_descent", x=xs, y=ys, learning_rate="0.05", iterations="300")
    X = np.column_stack([xs, np.ones(len(xs))])
    coef = np.linalg.lstsq(X, np.array(ys, dtype=float), rcond=None)[0]
    t.numeric_check("normal equations against numpy.linalg.lstsq", d4.result["normal_equations"],
                    coef)
    t.numeric_check("gradient descent close to the least-squares line", d4.result["point"],
                    coef, rtol=1e-3, atol=1e-3)
    t.figure("regression_loss",
             plot_loss_curve({"MSE(w_k, b_k)": d4.steps[-2].given["table"].col(3)}),
             "The mean squared error along the iterations of gradient descent.")


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

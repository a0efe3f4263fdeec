"""Course 2, week 3: Newton's method.

Root finding (x - f/f') with the error column that shows quadratic convergence, the
same update applied to f' to optimise (x - f'/f''), second derivatives and concavity,
several variables through the Hessian system H Δ = ∇f (a solve, never an inverse),
and the ways Newton's method fails: a flat tangent, a cycle, divergence.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c2w3-newton"
TITLE = "Newton's method"


def _error_figure(d):
    import numpy as np

    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure()
    ax = fig.axes[0]
    errs = np.array([float(e) for e in d.steps[-1].given["table"].col(-1)])
    keep = errs > 0
    ax.semilogy(np.arange(len(errs))[keep], errs[keep], "o-", color="C3")
    ax.set_xlabel("iteration k")
    ax.set_ylabel("|x_k - x*|")
    ax.set_title("Quadratic convergence: the exponent doubles each step", fontsize=10)
    return fig


def build(t: Topic) -> None:
    import mpmath
    import numpy as np
    from sympy import Rational, diff, exp, log, solve, sqrt, symbols

    from symbolic_mlmath.calculus.iterplots import plot_newton_tangents

    x, y = symbols("x y")
    t.text(r"""
        **Newton's method** finds a zero of $F$ by following the tangent line at the current
        guess down to the axis: $x_{k+1} = x_k - F(x_k)/F'(x_k)$. Near a simple root the
        error is squared at each step, so the number of correct digits roughly doubles.
        Starting from $x_0 = 1$ on $x^2 - 2$ the iterates are the famous fractions
        $3/2, 17/12, 577/408, \dots$ converging to $\sqrt 2$.
    """)
    d1 = t.solve("newton_method", f="x^2 - 2", x0="1", iterations="6")
    t.cross_check("x_3 = 577/408 exactly", d1.result["iterates"][3], Rational(577, 408))
    t.numeric_check("x_6 against sqrt(2) (mpmath, 30 digits)", d1.result["point"],
                    float(mpmath.sqrt(2)), rtol=1e-15)
    t.figure("tangents", plot_newton_tangents(d1, steps=3),
             "Each tangent line meets the axis at the next iterate.")
    t.figure("errors", _error_figure(d1), "The error |x_k - √2| on a log scale.")

    t.text(r"""
        Newton's classical example $x^3 - 2x - 5 = 0$ (from $x_0 = 2$) converges to the real
        root in a handful of steps; numpy's polynomial roots agree.
    """)
    d2 = t.solve("newton_method", f="x^3 - 2x - 5", x0="2", iterations="6")
    real = [r.real for r in np.roots([1, 0, -2, -5]) if abs(r.imag) < 1e-12]
    t.numeric_check("the real root by numpy.roots", d2.result["point"], real[0], rtol=1e-12)

    t.text(r"""
        **Optimisation.** A minimum or maximum of $f$ is a zero of $f'$, so Newton's update
        applied to $F = f'$ reads $x_{k+1} = x_k - f'(x_k)/f''(x_k)$; the sign of $f''$ at the
        limit says which: $f'' > 0$ is concave up, a minimum. For $f(x) = e^x - \ln x$,
        $f'(x) = e^x - 1/x$ vanishes at $x = W(1)$ and $f''(x) = e^x + 1/x^2 > 0$.
    """)
    d3 = t.solve("newton_method", f="e^x - ln(x)", x0="1", mode="optimize", iterations="6")
    t.numeric_check("the minimiser against mpmath.lambertw(1)", d3.result["point"],
                    float(mpmath.lambertw(1).real), rtol=1e-14)
    f3 = exp(x) - log(x)
    second = diff(f3, x, 2).subs(x, d3.result["point"])
    t.cross_check("f'' > 0 at the limit: a minimum", bool(second > 0), True)

    t.text(r"""
        **Several variables.** With the gradient $\nabla f$ and the Hessian $H$ the update is
        $\mathbf{x}_{k+1} = \mathbf{x}_k - \Delta_k$ where $H(\mathbf{x}_k)\,\Delta_k =
        \nabla f(\mathbf{x}_k)$: each step solves a linear system (here by elimination).
        For $f = x^4 + 0.8y^4 + 4x^2 + 2y^2 - xy - 0.2x^2y$ from $(4, 4)$:
    """)
    f4 = "x^4 + 0.8 y^4 + 4x^2 + 2y^2 - x y - 0.2 x^2 y"
    d4 = t.solve("newton_method", f=f4, vars="x, y", x0="[4, 4]", mode="optimize",
                 iterations="8")
    p = np.array([4.0, 4.0])
    for _ in range(8):
        gx, gy = p[0], p[1]
        grad = np.array([4 * gx**3 + 8 * gx - gy - 0.4 * gx * gy,
                         3.2 * gy**3 + 4 * gy - gx - 0.2 * gx**2])
        H = np.array([[12 * gx**2 + 8 - 0.4 * gy, -1 - 0.4 * gx],
                      [-1 - 0.4 * gx, 9.6 * gy**2 + 4]])
        p = p - np.linalg.solve(H, grad)
    t.numeric_check("8 Newton steps against numpy.linalg.solve at each step",
                    d4.result["point"], p, rtol=1e-10)
    H = d4.steps[2].after
    sol = solve(list(d4.steps[1].after), [x, y], dict=True)
    origin = [s for s in sol if s[x] == 0 and s[y] == 0]
    t.cross_check("the limit is the critical point (0, 0) that SymPy's solve finds",
                  bool(origin) and bool(H.subs({x: 0, y: 0}).is_positive_definite), True)

    t.text(r"""
        **When Newton fails.** If $F'(x_k) = 0$ the tangent is flat and has no zero; some
        starts cycle (for $x^3 - 2x + 2$ from 0 the iterates go $0, 1, 0, 1, \dots$); some
        diverge ($\arctan x$ from $x_0 = 2$ overshoots further each time). The method
        stops and says why.
    """)
    d5 = t.solve("newton_method", f="x^3 - 2x + 2", x0="0", iterations="10")
    t.cross_check("x^3 - 2x + 2 from 0 cycles", d5.result["stopped"], "cycle")
    d6 = t.solve("newton_method", f="atan(x)", x0="2", iterations="30")
    t.cross_check("arctan from 2 diverges", d6.result["stopped"], "diverged")
    d7 = t.solve("newton_method", f="x^2 - 2", x0="0", iterations="3")
    t.cross_check("a flat tangent at 0 stops the method", d7.result["stopped"], "derivative_zero")
    t.numeric_check("sqrt(2) once more, through lambdify", sqrt(2), float(d1.result["point"]))


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

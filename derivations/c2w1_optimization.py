"""Course 2, week 1: optimisation with derivatives.

Critical points where f' = 0; the second-derivative test and, when f'' = 0, the
first-derivative test; global extremes on an interval (endpoints included); the two
losses of the course: the squared loss Σ(yᵢ − w xᵢ)², minimised at w* = Σxᵢyᵢ / Σxᵢ², and
the log loss −(k ln p + (n − k) ln(1 − p)), minimised at p* = k/n; a critical point with
no closed form, found numerically. Results are checked against SymPy and numpy.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c2w1-optimization"
TITLE = "Optimisation with derivatives"


def _bisect(f, a: float, b: float) -> float:
    """A plain float bisection (an independent check of a numeric root)."""
    fa = f(a)
    for _ in range(200):
        m = (a + b) / 2
        if (f(m) > 0) == (fa > 0):
            a, fa = m, f(m)
        else:
            b = m
    return (a + b) / 2


def build(t: Topic) -> None:
    import numpy as np
    from sympy import Poly, Rational, Symbol, cos, diff, log, solve

    from symbolic_mlmath.calculus.extremes import derive_extreme
    from symbolic_mlmath.calculus.plots import plot_marked

    x, w, p = Symbol("x"), Symbol("w"), Symbol("p")
    t.text(r"""
        A differentiable function can only have a local minimum or maximum (inside its
        domain) where the tangent is flat: $f'(x) = 0$. These are the **critical points**.
        The **second-derivative test** classifies them: $f''>0$ a minimum, $f''<0$ a
        maximum. When $f'' = 0$ the test is silent and the **first-derivative test** looks
        at the sign of $f'$ on both sides.
    """)
    d = t.solve("critical_points", expr="x^3 - 3x")
    f = x**3 - 3 * x
    t.cross_check("critical points = SymPy's solve(f' = 0)",
                  [r["point"][x] for r in d.result], sorted(solve(diff(f, x), x)))
    t.numeric_check("critical points = numpy.roots of f'",
                    [float(r["point"][x]) for r in d.result],
                    sorted(np.roots([float(c) for c in Poly(diff(f, x), x).all_coeffs()]).real))
    d4 = t.solve("critical_points", expr="x^4")
    t.cross_check("x⁴: f'' = 0 at 0, first-derivative test says minimum", d4.result[0]["kind"],
                  "local_min")
    d3 = t.solve("critical_points", expr="x^3")
    t.cross_check("x³: f' does not change sign at 0, not an extremum", d3.result[0]["kind"],
                  "saddle")

    t.text(r"""
        **Global extremes on an interval.** On $[a, b]$ the smallest value is at a critical
        point or at an end: compare them all. On an open or infinite interval the limits at
        the ends take the place of the end values.
    """)
    dm = t.solve("minimize", expr="x^3 - 3x", domain="[-3, 2]")
    grid = np.linspace(-3, 2, 100001)
    t.numeric_check("minimum against a fine numpy grid", dm.result["min"],
                    float(np.min(grid**3 - 3 * grid)), rtol=1e-6, atol=1e-6)
    dM = t.solve("minimize", expr="x^3 - 3x", domain="[-3, 2]", goal="maximize")
    t.numeric_check("maximum against a fine numpy grid", dM.result["max"],
                    float(np.max(grid**3 - 3 * grid)), rtol=1e-6, atol=1e-6)

    t.text(r"""
        **The squared loss.** Fitting a line through the origin $y \approx w x$ to data
        $(x_i, y_i)$ minimises $L(w) = \sum_i (y_i - w x_i)^2$. Then
        $L'(w) = -2\sum_i x_i (y_i - w x_i) = 0$ gives $w^* = \sum x_i y_i / \sum x_i^2$,
        and $L''(w) = 2\sum x_i^2 > 0$: a minimum, and the only one.
    """)
    xs, ys = [1, 2, 3, 4], [2, 3, 7, 8]
    L = sum((yi - w * xi) ** 2 for xi, yi in zip(xs, ys, strict=True))
    dl = t.solve("minimize", expr=L, vars="w")
    wstar = Rational(sum(a * b for a, b in zip(xs, ys, strict=True)), sum(a * a for a in xs))
    t.cross_check("w* = Σ x y / Σ x²", dl.result["argmin"][w], wstar)
    lstsq = np.linalg.lstsq(np.array(xs, float)[:, None], np.array(ys, float), rcond=None)[0][0]
    t.numeric_check("w* against numpy.linalg.lstsq (no intercept)", dl.result["argmin"][w],
                    lstsq)
    t.figure("squared_loss", plot_marked([("L(w)", L)], w, (0, 4), [
        (f"w* = {wstar}", wstar, L.subs(w, wstar))], title="The squared loss is a parabola in w"),
        "The squared loss L(w) and its minimum at w* = Σxy/Σx².")

    t.text(r"""
        **The log loss.** For $n$ coin flips with $k$ heads, a model that says heads with
        probability $p$ has log loss $-(k\ln p + (n-k)\ln(1-p))$ on $0 < p < 1$. Its
        derivative $-k/p + (n-k)/(1-p)$ vanishes at $p^* = k/n$, and the loss grows
        without bound at both ends, so $p^*$ is the global minimum.
    """)
    dp = t.solve("minimize", expr="-(7 ln p + 3 ln(1 - p))", domain="0 < p < 1")
    t.cross_check("p* = k/n = 7/10", dp.result["argmin"][p], Rational(7, 10))
    k, m = Symbol("k", positive=True), Symbol("m", positive=True)
    ds = t.add(derive_extreme(-(k * log(p) + m * log(1 - p)), (p,), domain="0 < p < 1"))
    t.cross_check("symbolic: p* = k/(k + m), heads over flips", ds.result["argmin"][p],
                  k / (k + m))
    grid = np.linspace(1e-6, 1 - 1e-6, 200001)
    t.numeric_check("p* against a numpy grid", dp.result["argmin"][p],
                    float(grid[np.argmin(-(7 * np.log(grid) + 3 * np.log(1 - grid)))]),
                    rtol=1e-4, atol=1e-4)
    loss = -(7 * log(p) + 3 * log(1 - p))
    t.figure("log_loss", plot_marked([("log loss", loss)], p, (0.01, 0.99), [
        ("p* = 7/10", Rational(7, 10), loss.subs(p, Rational(7, 10)))], ylim=(5, 20),
        title="The log loss of 7 heads in 10 flips"),
        "The log loss has its minimum at p* = k/n = 0.7 and grows at both ends.")

    t.text(r"""
        **No closed form.** $f(x) = \cos x - x^2/10$ has $f'(x) = -\sin x - x/5$, whose
        non-zero roots no formula gives. The roots are found numerically (mpmath, 30 digits)
        and the step says so.
    """)
    dn = t.solve("critical_points", expr="cos(x) - x^2/10", domain="[-10, 10]")
    positive = [float(r["point"][x]) for r in dn.result if r["point"][x] > 1]
    ref = [_bisect(lambda s: -np.sin(s) - s / 5, a, a + 0.5) for a in (3.9, 4.6)]
    t.numeric_check("numeric critical points against a float bisection", positive, ref,
                    rtol=1e-9, atol=1e-9)
    f2 = cos(x) - x**2 / 10
    t.figure("numeric", plot_marked([("cos x − x²/10", f2)], x, (-7, 7), [
        (r["kind"].replace("local_", ""), r["point"][x], f2.subs(r["point"]).evalf())
        for r in dn.result], title="Critical points found numerically"),
        "cos x − x²/10: five critical points, three of them numeric.")


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

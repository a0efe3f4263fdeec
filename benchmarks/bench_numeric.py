"""Benchmarks of the numeric bridge (issue 13), as ratios against hand-written numpy in one run.

Run ``python benchmarks/bench_numeric.py`` (``--quick`` for a smaller smoke run).

* Logistic-regression loss gradient over 10^6 points: the raw ``sympy.diff`` output of the
  log loss compiled by the bridge (``as_numeric``), against the hand-written numpy
  ``p = 1/(1+exp(-(w x + b))); mean((p - y) x), mean(p - y)``; SymPy's ``lambdify``
  (plain and ``cse=True``) of the same raw derivative for comparison. Target <= 1.5x.
* 1000 iterations of gradient descent on a 2-D function: the bridge's compiled loop
  (``descent_path``, compile included) against a hand-written numpy loop. Target <= 2x.
* A 50-iteration exact gradient-descent table (``derive_gradient_descent`` with every
  step, ``precision="exact"``): target < 100 ms.

Times are the best of several repeats (``time.perf_counter``) after a warm-up.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any


def best_of(fn: Callable[[], Any], repeats: int) -> float:
    """The best wall time of ``repeats`` calls (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def bench_logistic(n: int, repeats: int) -> dict[str, float]:
    """The log-loss gradient over ``n`` points: ours and lambdify against hand numpy."""
    import numpy as np
    from sympy import diff, exp, lambdify, log, symbols

    from symbolic_mlmath.calculus.bridge import as_numeric

    w, b, x, y = symbols("w b x y")
    s = 1 / (1 + exp(-(w * x + b)))
    loss = -(y * log(s) + (1 - y) * log(1 - s))
    grad = [diff(loss, w), diff(loss, b)]
    rng = np.random.default_rng(0)
    X = rng.normal(size=n)
    Y = (rng.random(n) < 0.5).astype(float)
    W, B = 0.7, -0.2

    def hand() -> Any:
        p = 1 / (1 + np.exp(-(W * X + B)))
        r = p - Y
        return np.mean(r * X), np.mean(r)

    t0 = time.perf_counter()
    ours = as_numeric(grad, [w, b, x, y])
    compile_s = time.perf_counter() - t0
    raw = lambdify([w, b, x, y], grad, "numpy")
    cse = lambdify([w, b, x, y], grad, "numpy", cse=True)
    want = hand()
    got = [float(np.mean(v)) for v in ours(W, B, X, Y)]
    assert np.allclose(got, want, rtol=1e-12), (got, want)
    out = {"compile_s": compile_s}
    for name, fn in (("hand", hand),
                     ("ours", lambda: [np.mean(v) for v in ours(W, B, X, Y)]),
                     ("lambdify", lambda: [np.mean(v) for v in raw(W, B, X, Y)]),
                     ("lambdify_cse", lambda: [np.mean(v) for v in cse(W, B, X, Y)])):
        out[name] = best_of(fn, repeats)
    return out


def bench_descent(iterations: int, repeats: int) -> dict[str, float]:
    """Gradient descent on a 2-D function: the compiled loop against a numpy loop."""
    import numpy as np
    from sympy import diff, sin, symbols

    from symbolic_mlmath.calculus.bridge import descent_path

    x, y = symbols("x y")
    f = (x - 1) ** 2 + 3 * (y + 2) ** 2 + sin(x * y) / 2
    grad = [diff(f, x), diff(f, y)]
    eta = 0.05

    def hand() -> Any:
        p = np.array([0.5, 0.5])
        path = [p]
        for _ in range(iterations):
            g = np.array([2 * (p[0] - 1) + np.cos(p[0] * p[1]) * p[1] / 2,
                          6 * (p[1] + 2) + np.cos(p[0] * p[1]) * p[0] / 2])
            p = p - eta * g
            path.append(p)
        return np.array(path)

    def ours() -> Any:
        return descent_path(grad, [x, y], [0.5, 0.5], eta, iterations)[0]

    assert np.allclose(hand(), ours(), rtol=1e-12)
    return {"hand": best_of(hand, repeats), "ours": best_of(ours, repeats)}


def bench_exact_table(iterations: int, repeats: int) -> dict[str, float]:
    """The exact table: the whole derivation (gradient derived with its steps, η bound,
    update steps, table) and the table alone (iterates, f, ‖∇f‖ as exact SymPy numbers)."""
    from sympy import Matrix, Rational, symbols

    from symbolic_mlmath.calculus.descent import derive_gradient_descent, run_descent
    from symbolic_mlmath.calculus.iteration import Precision

    x, y = symbols("x y")
    f = x**2 + 3 * y**2 + x * y

    def ours() -> Any:
        return derive_gradient_descent(f, (x, y), [1, 1], Rational(1, 10), iterations,
                                       precision="exact")

    grad = Matrix([2 * x + y, x + 6 * y])

    def table() -> Any:
        return run_descent(f, (x, y), Matrix([1, 1]), Rational(1, 10), iterations,
                           precision=Precision("exact"), gradient=grad)

    d = ours()
    assert d.result["point"][0].is_Rational
    return {"ours": best_of(ours, repeats), "table": best_of(table, repeats)}


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark and print ratios with the targets of issue 13."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    args = p.parse_args(argv)
    n, reps = (10**5, 3) if args.quick else (10**6, 7)
    rows = []
    lg = bench_logistic(n, reps)
    r = lg["ours"] / lg["hand"]
    print(f"log-loss gradient, n = {n}: hand numpy {lg['hand'] * 1e3:.2f} ms, bridge "
          f"{lg['ours'] * 1e3:.2f} ms (ratio {r:.2f}), lambdify "
          f"{lg['lambdify'] / lg['hand']:.2f}x, lambdify cse {lg['lambdify_cse'] / lg['hand']:.2f}x;"
          f" one-time compile {lg['compile_s'] * 1e3:.0f} ms")
    rows.append(("log-loss gradient <= 1.5x hand numpy", r <= 1.5, f"{r:.2f}x"))
    gd = bench_descent(1000, reps)
    r = gd["ours"] / gd["hand"]
    print(f"gradient descent, 1000 iterations: hand numpy loop {gd['hand'] * 1e3:.2f} ms, "
          f"bridge (compile included) {gd['ours'] * 1e3:.2f} ms (ratio {r:.2f})")
    rows.append(("1000-iteration descent <= 2x numpy loop", r <= 2.0, f"{r:.2f}x"))
    tb = bench_exact_table(50, reps)
    ms = tb["ours"] * 1e3
    print(f"exact table, 50 iterations: the whole derivation with every step {ms:.1f} ms "
          f"(the table alone {tb['table'] * 1e3:.1f} ms)")
    rows.append(("50-iteration exact table < 100 ms", ms < 100, f"{ms:.1f} ms"))
    print()
    for label, ok, value in rows:
        print(f"  [{'met' if ok else 'NOT MET'}] {label}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmarks of the differentiation engine (issue 12), as ratios against plain SymPy in one run.

Run ``python benchmarks/bench_calculus.py`` (``--quick`` for a smaller smoke run).

* Derivative with every step over a fixed corpus of 30 ML expressions (sigmoid, softmax
  cross-entropy, MSE of a linear model, Gaussian and Bernoulli log-likelihoods, tanh,
  softplus, nested chains): ``derive_derivative`` (rule tree, steps, tidy-up) against
  ``sympy.diff`` followed by the same tidy-up strategy. Target <= 3x.
* Softmax cross-entropy with 3 classes: the Hessian with tidy entries (``derive_hessian``,
  every entry a validated-by-construction substep). Target <= 0.25 s; SymPy's ``hessian``
  plus ``simplify`` on each entry is timed for comparison.
* Checking an equivalent derivative answer (``check("derivative", ...)`` on learner text
  in another form: parse, derive, compare): p50 < 50 ms, p95 < 250 ms, hard stop 2 s.

Times are the best of several repeats (``time.perf_counter``) after a warm-up, SymPy's
cache cleared before each; the check latencies are single calls, as a learner makes them.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any


def best_of(fn: Callable[[], Any], repeats: int, cold: bool = True) -> float:
    """The best wall time of ``repeats`` calls (after one warm-up call); ``cold``: each call
    starts with SymPy's cache cleared, so neither side is timed on answers it already holds."""
    from sympy.core.cache import clear_cache

    fn()
    times = []
    for _ in range(repeats):
        if cold:
            clear_cache()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def corpus() -> list[tuple[Any, Any]]:
    """30 ML expressions and the variable to differentiate by."""
    from sympy import Rational, exp, log, pi, sqrt, symbols, tanh

    from symbolic_mlmath.calculus.functions import sigmoid, softplus

    x, w, b, y, mu, s, p = symbols("x w b y mu s p")
    z1, z2, z3 = symbols("z1 z2 z3")
    xs, ys = (1, 2, 3, 4), (2, 3, 5, 9)
    S = exp(z1) + exp(z2) + exp(z3)
    return [
        (1 / (1 + exp(-x)), x),
        (sigmoid(w * x + b), w),
        (-(y * log(sigmoid(w * x + b)) + (1 - y) * log(1 - sigmoid(w * x + b))), w),
        (-(y * log(sigmoid(w * x + b)) + (1 - y) * log(1 - sigmoid(w * x + b))), b),
        (-log(exp(z1) / S), z1),
        (-log(exp(z2) / S), z1),
        (log(S), z2),
        (exp(z1) / S, z1),
        (sum((yi - w * xi - b) ** 2 for xi, yi in zip(xs, ys, strict=True)) / 4, w),
        (sum((yi - w * xi - b) ** 2 for xi, yi in zip(xs, ys, strict=True)) / 4, b),
        ((y - w * x - b) ** 2, w),
        (-log(sqrt(2 * pi) * s) - (x - mu) ** 2 / (2 * s**2), mu),
        (-log(sqrt(2 * pi) * s) - (x - mu) ** 2 / (2 * s**2), s),
        (sum(-log(s) - (xi - mu) ** 2 / (2 * s**2) for xi in xs), mu),
        (7 * log(p) + 3 * log(1 - p), p),
        (y * log(p) + (1 - y) * log(1 - p), p),
        (tanh(x), x),
        (tanh(w * x + b) ** 2, w),
        ((tanh(w * x + b) - y) ** 2, b),
        (softplus(x), x),
        (log(1 + exp(w * x + b)), w),
        (softplus(w * x) - y * w * x, w),
        (sigmoid(tanh(w * x)), w),
        (sigmoid(sigmoid(x) * w + b), x),
        (exp(-(x - mu) ** 2 / (2 * s**2)) / (s * sqrt(2 * pi)), x),
        (log(1 + exp(-y * (w * x + b))), w),
        (x * sigmoid(x), x),
        (tanh(softplus(x)) * x, x),
        ((sigmoid(w * x) - y) ** 2 + Rational(1, 2) * w**2, w),
        (sqrt(x**2 + 1) * exp(-x) / (1 + x**2), x),
    ]


def bench_derivatives(repeats: int, count: int) -> dict[str, float]:
    """Per expression: ours (steps + tidy) and sympy.diff + the same tidy, summed."""
    from sympy import diff

    from symbolic_mlmath.calculus.differentiation import derive_derivative
    from symbolic_mlmath.calculus.functions import recognize
    from symbolic_mlmath.calculus.tidy import tidy

    ours_total = plain_total = 0.0
    ratios = []
    for expr, var in corpus()[:count]:
        seen = recognize(expr)
        ours = best_of(lambda e=expr, v=var: derive_derivative(e, v), repeats)
        plain = best_of(lambda e=seen, v=var: tidy(diff(e, v)), repeats)
        ours_total += ours
        plain_total += plain
        ratios.append(ours / plain)
    return {"ours": ours_total, "plain": plain_total, "ratio": ours_total / plain_total,
            "median": statistics.median(ratios), "worst": max(ratios), "n": len(ratios)}


def bench_hessian(repeats: int, with_simplify: bool) -> dict[str, float]:
    """Softmax cross-entropy (3 classes): our Hessian; SymPy's hessian (+ simplify)."""
    from sympy import exp, hessian, log, simplify, symbols

    from symbolic_mlmath.calculus.multivariable import derive_hessian

    z1, z2, z3 = symbols("z1 z2 z3")
    f = -log(exp(z1) / (exp(z1) + exp(z2) + exp(z3)))
    out = {"ours": best_of(lambda: derive_hessian(f, (z1, z2, z3)), repeats),
           "ours_warm": best_of(lambda: derive_hessian(f, (z1, z2, z3)), repeats, cold=False),
           "sympy": best_of(lambda: hessian(f, (z1, z2, z3)), repeats)}
    if with_simplify:
        out["sympy_simplify"] = best_of(
            lambda: hessian(f, (z1, z2, z3)).applyfunc(simplify), 1)
    return out


ANSWERS = [  # (function, variable, an equivalent derivative as a learner types it)
    ("sigma(x)", "sigma(x)(1 - sigma(x))"),
    ("sigma(x)", "e^(-x)/(1 + e^(-x))^2"),
    ("sigma(x)", "1/(4 cosh(x/2)^2)"),
    ("tanh(x)", "1/cosh(x)^2"),
    ("tanh(x)", "1 - tanh(x)^2"),
    ("ln(1 + e^x)", "sigma(x)"),
    ("ln(1 + e^x)", "e^x/(1 + e^x)"),
    ("x^2 sin(x)", "2x sin(x) + x^2 cos(x)"),
    ("x^2 sin(x)", "x (2 sin x + x cos x)"),
    ("sin(x)/x", "(x cos(x) - sin(x))/x^2"),
    ("(3x + 1)^5", "15 (3x + 1)^4"),
    ("e^(-x^2/2)", "-x e^(-x^2/2)"),
    ("x^x", "x^x (ln(x) + 1)"),
    ("ln(x^2 + 1)", "2x/(x^2 + 1)"),
    ("sqrt(1 - x^2)", "-x/sqrt(1 - x^2)"),
    ("atan(x)", "1/(1 + x^2)"),
    ("(y - w x - b)^2", "-2x (y - w x - b)", "w"),
    ("sigma(w x + b)", "x sigma(w x + b) (1 - sigma(w x + b))", "w"),
    ("-(y ln(sigma(w x)) + (1 - y) ln(1 - sigma(w x)))", "x (sigma(w x) - y)", "w"),
    ("x e^x", "e^x (x + 1)"),
]


def bench_check(count: int) -> dict[str, float]:
    """Latency of check("derivative", ...) on equivalent answers, warm, one call each."""
    import symbolic_mlmath as sm

    times, wrong = [], 0
    items = ANSWERS[:count]
    sm.check("derivative", answer="2x", expr="x^2")  # warm-up (imports)
    for expr, answer, *var in items:
        var = var[0] if var else "x"
        t = time.perf_counter()
        v = sm.check("derivative", answer=answer, expr=expr, var=var)
        times.append(time.perf_counter() - t)
        wrong += v.correct is not True
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"p50": statistics.median(times), "p95": p95, "max": max(times), "misjudged": wrong,
            "n": len(times)}


def _mark(ok: bool) -> str:
    return "[met]" if ok else "[NOT MET]"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print one line per measurement."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="a small smoke run")
    args = p.parse_args(argv)
    repeats = 2 if args.quick else 5
    d = bench_derivatives(repeats, 6 if args.quick else 30)
    print(f"derivative with steps, {d['n']} ML expressions: ours {d['ours'] * 1e3:.1f} ms, "
          f"sympy.diff + tidy {d['plain'] * 1e3:.1f} ms, ratio {d['ratio']:.2f}x "
          f"(median {d['median']:.2f}x, worst {d['worst']:.2f}x) {_mark(d['ratio'] <= 3)}")
    h = bench_hessian(1 if args.quick else 3, not args.quick)
    extra = (f", sympy hessian + simplify {h['sympy_simplify']:.2f} s"
             if "sympy_simplify" in h else "")
    print(f"softmax cross-entropy Hessian (3 classes): ours {h['ours']:.3f} s cold cache "
          f"({h['ours_warm']:.3f} s warm), sympy hessian alone {h['sympy']:.3f} s, ratio "
          f"{h['ours'] / h['sympy']:.2f}x{extra} {_mark(h['ours'] <= 0.25)}")
    c = bench_check(5 if args.quick else len(ANSWERS))
    print(f"check an equivalent derivative answer, {c['n']} answers: p50 {c['p50'] * 1e3:.0f} ms, "
          f"p95 {c['p95'] * 1e3:.0f} ms, max {c['max'] * 1e3:.0f} ms, misjudged {c['misjudged']} "
          f"{_mark(c['p50'] < 0.05 and c['p95'] < 0.25 and c['max'] < 2)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

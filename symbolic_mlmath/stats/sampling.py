"""Sampling: the bias of the n divisor derived symbolically; LLN and CLT by seeded simulation.

:func:`derive_variance_bias` shows E[S_n^2] = (n - 1) sigma^2 / n for
S_n^2 = (1/n) sum (X_i - Xbar)^2 of n independent draws: the sum of squares identity,
linearity, the moments E[X_i^2] = sigma^2 + mu^2 and E[Xbar^2] = sigma^2/n + mu^2, then
algebra; dividing by n - 1 instead removes the bias. Every step is checked on a concrete
case (three rolls of a die, all 216 outcomes enumerated).

:func:`draw` samples any distribution with numpy from a seed; :func:`derive_lln` records a
seeded run of sample means approaching the mean (the law of large numbers) and
:func:`clt_means` the standardised means of many samples (the central limit theorem).

Examples
========
>>> d = derive_variance_bias()
>>> d.result
sigma**2*(n - 1)/n
>>> [s.rule.value for s in d.steps]
['sum_of_squares_identity', 'linearity_over_sums', 'bias_identity', 'simplify']
>>> from symbolic_mlmath.stats.distributions import parse_distribution
>>> draw(parse_distribution("die(6)"), 5, seed=1).tolist()
[3, 4, 5, 6, 1]
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.rules import StatsRule as S

__all__ = ["bias_symbols", "clt_means", "derive_lln", "derive_variance_bias", "draw"]


def bias_symbols() -> tuple:
    """``(X, i, n, Xbar, mu, sigma)``: the symbols of the bias derivation."""
    from sympy import IndexedBase, Symbol

    return (IndexedBase("X"), Symbol("i", integer=True, positive=True),
            Symbol("n", integer=True, positive=True), Symbol("Xbar"), Symbol("mu", real=True),
            Symbol("sigma", positive=True))


def derive_variance_bias(divisor: str = "n") -> Derivation:
    """E[S^2] with divisor n (biased) or n - 1 (unbiased), derived symbolically."""
    from sympy import Sum, factor

    from .notation import Expect

    X, i, n, Xbar, mu, sigma = bias_symbols()
    d = n if divisor == "n" else n - 1
    goal = Expect(Sum((X[i] - Xbar) ** 2, (i, 1, n)) / d)
    s1 = Expect((Sum(X[i] ** 2, (i, 1, n)) - n * Xbar**2) / d)
    s2 = (n * Expect(X[i] ** 2) - n * Expect(Xbar**2)) / d
    s3 = (n * (sigma**2 + mu**2) - n * (sigma**2 / n + mu**2)) / d
    s4 = factor(s3.expand())
    given = {"divisor": d}
    steps = (Step(S.SUM_OF_SQUARES_IDENTITY, goal, s1, given),
             Step(S.LINEARITY_OVER_SUMS, s1, s2, given),
             Step(S.BIAS_IDENTITY, s2, s3, given),
             Step(Rule.SIMPLIFY, s3, s4))
    return Derivation(f"Bias of the variance with divisor {d}", goal=goal, steps=steps,
                      result=s4, task="variance_bias", inputs={"divisor": str(d)},
                      reference=lambda: ((n - 1) * sigma**2 / d).factor())


def draw(dist: Any, size: int, seed: int = 0) -> Any:
    """``size`` draws of ``dist`` with numpy's default generator seeded by ``seed``."""
    import numpy as np

    rng = np.random.default_rng(int(seed))
    p = [float(v) for v in dist.params]
    fam = dist.family
    table = {
        "bernoulli": lambda: rng.binomial(1, p[0], size), "coin": lambda: rng.binomial(1, p[0], size),
        "binomial": lambda: rng.binomial(int(p[0]), p[1], size),
        "poisson": lambda: rng.poisson(p[0], size), "geometric": lambda: rng.geometric(p[0], size),
        "die": lambda: rng.integers(1, int(p[0]) + 1, size),
        "uniform": lambda: rng.uniform(p[0], p[1], size), "normal": lambda: rng.normal(p[0], p[1], size),
        "exponential": lambda: rng.exponential(1 / p[0], size), "chi2": lambda: rng.chisquare(p[0], size),
        "t": lambda: rng.standard_t(p[0], size), "f": lambda: rng.f(p[0], p[1], size),
        "beta": lambda: rng.beta(p[0], p[1], size), "gamma": lambda: rng.gamma(p[0], p[1], size),
    }
    if fam == "finite":
        values = [float(v) for v, _ in dist.table]
        probs = [float(q) for _, q in dist.table]
        return rng.choice(values, size=size, p=probs)
    return table[fam]()


def derive_lln(dist: Any, n: int = 1000, seed: int = 0) -> Derivation:
    """A seeded run: the running mean of n draws, ending near E[X] (law of large numbers)."""
    from sympy import Float, Tuple
    from sympy.core.symbol import Str

    xs = draw(dist, n, seed)
    running = xs.cumsum() / range(1, n + 1)
    checkpoints = [k for k in (10, 100, 1000, 10_000, 100_000) if k <= n] or [n]
    shown = Tuple(*(Tuple(k, Float(float(running[k - 1]), 8)) for k in checkpoints))
    goal = Str(f"running mean of {n} draws of {dist}")
    step = Step(S.SIMULATION, goal, shown,
                {"seed": int(seed), "draws": n, "distribution": Str(str(dist)),
                 "mean": dist.mean()})
    return Derivation("Law of large numbers", goal=goal, steps=(step,), result=shown,
                      task="lln", inputs={"distribution": str(dist), "n": n, "seed": seed})


def clt_means(dist: Any, n: int, reps: int = 2000, seed: int = 0) -> Any:
    """Standardised means sqrt(n)(Xbar - mu)/sigma of ``reps`` samples of size n (seeded)."""
    import numpy as np

    xs = draw(dist, n * reps, seed).reshape(reps, n)
    mu, sigma = float(dist.mean()), float(dist.std())
    return np.sqrt(n) * (xs.mean(axis=1) - mu) / sigma

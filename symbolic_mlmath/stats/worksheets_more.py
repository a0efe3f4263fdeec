"""More statistics worksheet generators: ``std``, ``pdf``, ``quantile``, ``proportion_test``,
``margin_of_error``, ``sample_size``, ``covariance``; built backwards like those of
:mod:`symbolic_mlmath.stats.worksheets` (np(1 − p) a perfect square, uniform laws on whole
intervals, z at half-integers, SEs that are whole or short decimals).

Examples
========
>>> import random
>>> from symbolic_mlmath.core.problems import Level
>>> GENERATORS["std"].problem(random.Random(0), Level("easy")).inputs
{'distribution': 'binomial(36, 0.5)'}
"""

from __future__ import annotations

import random
from fractions import Fraction

from symbolic_mlmath.core.problems import GeneratorTable, Level, Problem

__all__ = ["GENERATORS"]

#: The generators of this module.
GENERATORS = GeneratorTable()

_LOOSE = {"max_numerator": 10**9, "max_denominator": 10**9}
_NONE: tuple = ("matrices", ())
_HALF = (Fraction(1), Fraction(3, 2), Fraction(2), Fraction(5, 2), Fraction(3),
         Fraction(-3, 2), Fraction(-2), Fraction(-5, 2))


def _dec(q: Fraction | int) -> str:
    q = Fraction(q)
    if q.denominator == 1:
        return str(q.numerator)
    for places in range(1, 7):
        if (q * 10**places).denominator == 1:
            return f"{float(q):.{places}f}"
    return f"{q.numerator}/{q.denominator}"


@GENERATORS.add("std", **_LOOSE)
def _gen_std(rng: random.Random, level: Level) -> Problem:
    # n p (1 - p) = k^2: p = 1/2 with n = 4k^2, or p = 1/5 / 4/5 with n = 25k^2/4
    pool = [(16, "0.5"), (36, "0.5"), (64, "0.5"), (100, "0.5"), (25, "0.2"), (100, "0.2"),
            (100, "0.8")]
    n, p = rng.choice(level.pick(pool[:3], pool[:5], pool[3:]))
    return Problem("std", {"distribution": f"binomial({n}, {p})"},
                   f"$X \\sim \\mathrm{{Binomial}}({n}, {p})$. Find the standard deviation of $X$.",
                   _NONE)


@GENERATORS.add("pdf", **_LOOSE)
def _gen_pdf(rng: random.Random, level: Level) -> Problem:
    if level.difficulty == "easy" or (level.difficulty == "medium" and rng.random() < 0.5):
        a = rng.randint(-3, 5)
        b = a + rng.choice((2, 4, 5, 8, 10))
        x = rng.randint(a, b)
        return Problem("pdf", {"distribution": f"uniform({a}, {b})", "x": str(x)},
                       f"$X \\sim U({a}, {b})$. Find the density $f({x})$.", _NONE)
    lam, x = rng.choice((1, 2, 3)), rng.choice((0, 1, 2))
    return Problem("pdf", {"distribution": f"exponential({lam})", "x": str(x)},
                   f"$X \\sim \\mathrm{{Exp}}(\\lambda = {lam})$. Find the density $f({x})$.",
                   _NONE)


@GENERATORS.add("quantile", **_LOOSE)
def _gen_quantile(rng: random.Random, level: Level) -> Problem:
    a = rng.randint(-5, 10)
    b = a + rng.choice((4, 8, 10, 20))
    qs = ("0.25", "0.5", "0.75", "0.1", "0.9")
    q = rng.choice(level.pick(qs[:3], qs[:4], ("0.1", "0.9", "0.2", "0.8")))
    return Problem("quantile", {"distribution": f"uniform({a}, {b})", "q": q},
                   f"$X \\sim U({a}, {b})$. Find the {q} quantile of $X$.", _NONE)


@GENERATORS.add("proportion_test", **_LOOSE)
def _gen_proportion_test(rng: random.Random, level: Level) -> Problem:
    z = rng.choice(level.pick(_HALF[:4], _HALF[:6], _HALF[4:]))
    n = rng.choice((100, 400)) if z.denominator == 1 else 400  # SE 0.05 or 0.025 under 1/2
    x = Fraction(n, 2) + z * Fraction(n, 2) * (Fraction(1, 10) if n == 100 else Fraction(1, 20))
    return Problem("proportion_test", {"x": str(x), "n": str(n), "p0": "0.5"},
                   f"{x} of {n} people prefer A. Test $H_0: p = 0.5$ against $p \\ne 0.5$ at "
                   "$\\alpha = 0.05$.", _NONE)


def _confidence(rng: random.Random, level: Level) -> str:
    """95% when easy, any of 90/95/99% at medium, 90% or 99% when hard."""
    if level.difficulty == "easy":
        return "0.95"
    return rng.choice(("0.90", "0.95", "0.99") if level.difficulty == "medium" else
                      ("0.90", "0.99"))


@GENERATORS.add("margin_of_error", **_LOOSE)
def _gen_margin(rng: random.Random, level: Level) -> Problem:
    n = rng.choice((16, 25, 36, 64, 100))
    sigma = round(n**0.5) * rng.choice((1, 2, 5))
    conf = _confidence(rng, level)
    return Problem("margin_of_error", {"n": str(n), "sigma": str(sigma), "confidence": conf},
                   f"Find the margin of error of a {float(conf):.0%} z interval for a mean with "
                   f"$n = {n}$ and $\\sigma = {sigma}$.", _NONE)


@GENERATORS.add("sample_size", **_LOOSE)
def _gen_sample_size(rng: random.Random, level: Level) -> Problem:
    sigma, margin = rng.choice(((10, 2), (15, 3), (20, 5), (12, 2), (8, 1)))
    conf = _confidence(rng, level)
    return Problem("sample_size", {"margin": str(margin), "sigma": str(sigma), "confidence": conf},
                   f"How large a sample gives a {float(conf):.0%} margin of error of at most "
                   f"{margin} for a mean, when $\\sigma = {sigma}$?", _NONE)


@GENERATORS.add("covariance", **_LOOSE)
def _gen_covariance(rng: random.Random, level: Level) -> Problem:
    n = max(3, level.size_or(4, 5, 6))
    x = [rng.randint(0, 9) for _ in range(n)]
    while sum(x) % n:
        x[rng.randrange(n)] += 1
    b = rng.choice((1, 2, -1))
    y = [b * v + rng.randint(-2, 2) for v in x]
    while sum(y) % n:
        y[rng.randrange(n)] += 1
    xs, ys = ", ".join(map(str, x)), ", ".join(map(str, y))
    return Problem("covariance", {"x": xs, "y": ys},
                   f"Find the sample covariance of x = {xs} and y = {ys}.", _NONE)

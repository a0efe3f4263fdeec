"""Worksheet generators for inference: ``anova``, ``regression_ci``,
``prediction_interval``, ``power``, ``ab_test``, ``posterior``, ``map_estimate``
(conjugate priors, and ridge regression as MAP when hard).

Built backwards so every intermediate number is nice: ANOVA groups are whole means plus
deviations with a chosen whole sd (so SS_within = Σ(nᵢ − 1)sᵢ², SS_between has whole
terms and F a small fraction); regression data are an integer line plus residuals made of
second differences (1, −2, 1) — orthogonal to 1 and x, so the fitted coefficients are the
chosen integers — redrawn until s² = SSE/(n − 2) is whole, with x̄ whole; power puts the
true mean a half-integer number of standard errors from μ0 (the noncentrality is clean);
A/B conversions make the pooled SE 0.01, 0.02 or 0.03 and z whole or a half-integer,
A/B means make the Welch SE whole; conjugate priors and data give whole posterior
parameters (Beta-Bernoulli, Gamma-Poisson) or a posterior sd of 1 or 1/2 (Normal-Normal);
ridge data are whole weights w plus residuals r with Xᵀr = λw, so the MAP weights are w.

Examples
========
>>> import random
>>> from symbolic_mlmath.core.problems import Level
>>> p = GENERATORS["anova"].problem(random.Random(0), Level("easy"))
>>> sorted(p.inputs)
['groups']
>>> p == GENERATORS["anova"].problem(random.Random(0), Level("easy"))
True
"""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

from symbolic_mlmath.core.problems import GeneratorTable, Level, Problem
from symbolic_mlmath.stats.worksheet_data import deviations, nice_data

__all__ = ["GENERATORS", "ab_key", "anova_key", "coef_interval_key", "map_key", "posterior_key",
           "power_key", "prediction_key"]

#: The generators of this module.
GENERATORS = GeneratorTable()

_LOOSE = {"max_numerator": 10**9, "max_denominator": 10**9}
_NONE: tuple = ("matrices", ())
_HALF = (Fraction(1), Fraction(3, 2), Fraction(2), Fraction(5, 2), Fraction(3),
         Fraction(-3, 2), Fraction(-2), Fraction(-5, 2))


def _dec(q: Fraction | int) -> str:
    """A short exact decimal (or an integer) as text."""
    q = Fraction(q)
    if q.denominator == 1:
        return str(q.numerator)
    for places in range(1, 7):
        if (q * 10**places).denominator == 1:
            return f"{float(q):.{places}f}"
    return f"{q.numerator}/{q.denominator}"


def _num(v: Any) -> str:
    """A result number as a learner writes it: exact when whole, else 4 decimals."""
    from sympy import N

    if isinstance(v, int) or getattr(v, "is_Integer", False):
        return str(v)
    return f"{float(N(v, 20)):.4f}"


def _pair(iv: Any) -> str:
    return f"({_num(iv[0])}, {_num(iv[1])})"


def _list(xs: list) -> str:
    return ", ".join(_dec(x) for x in xs)


def _decision(r: dict) -> str:
    return "reject H0" if r["decision"] == "reject" else "fail to reject H0"


# ------------------------------------------------------------------ ANOVA
def anova_key(d: Any) -> str:
    """``F = 5, df_between = 2, df_within = 12, p = 0.0263, reject H0``."""
    r = d.result
    return (f"F = {_num(r['F'])}, df_between = {r['df_between']}, "
            f"df_within = {r['df_within']}, p = {_num(r['p_value'])}, {_decision(r)}")


@GENERATORS.add("anova", answer=anova_key, **_LOOSE)
def _gen_anova(rng: random.Random, level: Level) -> Problem:
    k = level.pick(3, 3, 4)
    n = max(3, level.size_or(4, 5, 6))
    # (n - 1)s² must be even for whole deviations summing to 0
    sds = (1, 2) if (n - 1) % 2 == 0 else (2, 4)
    grand = rng.randint(10, 40)
    spread = level.pick(2, 3, 3)
    for _ in range(100):
        means = [grand + d for d in deviations(rng, k, spread=spread)]
        if len(set(means)) > 1:
            break
    s = [rng.choice(sds) for _ in range(k)] if level.difficulty != "easy" else \
        [rng.choice(sds)] * k
    names = "ABCD"
    if level.difficulty == "hard" and rng.random() < 0.5:  # summaries, not data
        text = "[" + ", ".join(f"{{n: {n}, mean: {m}, variance: {v * v}}}"
                               for m, v in zip(means, s, strict=True)) + "]"
        shown = "; ".join(f"group {names[i]}: n = {n}, mean {m}, variance {v * v}"
                          for i, (m, v) in enumerate(zip(means, s, strict=True)))
        return Problem("anova", {"groups": text},
                       f"{shown}. Test whether the {k} group means are equal (one-way ANOVA, "
                       "$\\alpha = 0.05$).", _NONE)
    groups = [nice_data(rng, n, m, v) for m, v in zip(means, s, strict=True)]
    text = "[" + ", ".join("[" + _list(g) + "]" for g in groups) + "]"
    shown = "; ".join(f"{names[i]}: {_list(g)}" for i, g in enumerate(groups))
    return Problem("anova", {"groups": text},
                   f"Groups {shown}. Test whether the {k} group means are equal (one-way "
                   "ANOVA, $\\alpha = 0.05$).", _NONE)


# ------------------------------------------------------------------ regression
def _regression_data(rng: random.Random, level: Level) -> tuple[list[int], list[int]]:
    """x equally spaced with whole mean, y = b0 + b1 x + second-difference residuals."""
    n = max(4, level.size_or(5, 6, 7))
    step = 1 if n % 2 else 2
    x0 = rng.randint(0, 4)
    x = [x0 + step * i for i in range(n)]
    b0, b1 = rng.randint(-5, 10), rng.choice(level.pick((1, 2), (1, 2, 3, -1), (2, 3, -2, -3)))
    e = [0] * n
    for _ in range(500):
        e = [0] * n
        for j in range(n - 2):
            c = rng.choice((-1, 0, 1) if level.difficulty != "hard" else (-2, -1, 0, 1, 2))
            e[j] += c
            e[j + 1] -= 2 * c
            e[j + 2] += c
        sse = sum(v * v for v in e)
        if sse and sse % (n - 2) == 0 and max(map(abs, e)) <= 6:
            break
    return x, [b0 + b1 * xi + ei for xi, ei in zip(x, e, strict=True)]


def coef_interval_key(d: Any) -> str:
    """``b0: (lo, hi), b1: (lo, hi)``."""
    r = d.result
    return ", ".join(f"{k}: {_pair(v)}" for k, v in r.items() if k.startswith("b"))


@GENERATORS.add("regression_ci", answer=coef_interval_key, **_LOOSE)
def _gen_regression_ci(rng: random.Random, level: Level) -> Problem:
    x, y = _regression_data(rng, level)
    conf = level.pick("0.95", "0.95", rng.choice(("0.90", "0.95", "0.99")))
    return Problem("regression_ci", {"x": f"[{_list(x)}]", "y": f"[{_list(y)}]",
                                     "confidence": conf},
                   f"Fit $y = b_0 + b_1 x$ to x = {_list(x)}, y = {_list(y)} and give "
                   f"{float(conf):.0%} t confidence intervals for $b_0$ and $b_1$.", _NONE)


def prediction_key(d: Any) -> str:
    """``fit = 7, mean_interval = (lo, hi), prediction = (lo, hi)``."""
    r = d.result
    return (f"fit = {_num(r['fit'])}, mean_interval = {_pair(r['mean_interval'])}, "
            f"prediction = {_pair(r['prediction'])}")


@GENERATORS.add("prediction_interval", answer=prediction_key, **_LOOSE)
def _gen_prediction(rng: random.Random, level: Level) -> Problem:
    x, y = _regression_data(rng, level)
    lo, hi = min(x), max(x)
    x_new = level.pick(sum(x) // len(x), rng.randint(lo, hi), rng.choice((lo - 2, hi + 2)))
    conf = level.pick("0.95", "0.95", rng.choice(("0.90", "0.95")))
    return Problem("prediction_interval",
                   {"x": f"[{_list(x)}]", "y": f"[{_list(y)}]", "x_new": str(x_new),
                    "confidence": conf},
                   f"Fit $y = b_0 + b_1 x$ to x = {_list(x)}, y = {_list(y)}. At "
                   f"$x = {x_new}$ give the fitted value, the {float(conf):.0%} interval for the "
                   "mean response and the prediction interval for a new observation.", _NONE)


# ------------------------------------------------------------------ power
def power_key(d: Any) -> str:
    """``power = 0.5160, beta = 0.4840``."""
    return f"power = {_num(d.result['power'])}, beta = {_num(d.result['beta'])}"


@GENERATORS.add("power", answer=power_key, **_LOOSE)
def _gen_power(rng: random.Random, level: Level) -> Problem:
    n = rng.choice(level.pick((25, 100), (16, 36, 64), (16, 25, 36, 49, 64)))
    se = rng.choice((1, 2))
    sigma = se * round(n**0.5)
    k = rng.choice(_HALF[: level.pick(3, 5, 8)])  # (mu1 - mu0)/SE
    mu0 = rng.randint(20, 100)
    mu1 = mu0 + k * se
    inputs = {"n": str(n), "mu0": str(mu0), "mu1": _dec(mu1), "sigma": str(sigma)}
    alt, law = "two-sided", "z"
    if level.difficulty != "easy":
        alt = rng.choice(("two-sided", "greater" if k > 0 else "less"))
    if level.difficulty == "hard":  # the t test's power needs the noncentral t
        law = "t"
        inputs["test"] = "t"
    if alt != "two-sided":
        inputs["alternative"] = alt
    sign = {"two-sided": "\\ne", "greater": ">", "less": "<"}[alt]
    return Problem("power", inputs,
                   f"A one-sample {law} test of $H_0: \\mu = {mu0}$ against "
                   f"$H_1: \\mu {sign} {mu0}$ uses $n = {n}$, $\\sigma = {sigma}$ and "
                   f"$\\alpha = 0.05$. Find its power and $\\beta$ when the true mean is "
                   f"{_dec(mu1)}.", _NONE)


# ------------------------------------------------------------------ A/B tests
def ab_key(d: Any) -> str:
    """``z = 2, p = 0.0455, reject H0, lift = 0.25`` (t and df for means)."""
    r = d.result
    law = "t" if "df" in r else "z"
    return (f"{law} = {_num(r['statistic'])}, p = {_num(r['p_value'])}, {_decision(r)}, "
            f"lift = {_num(r['lift'])}")


# pooled rate, visitors per arm, pooled SE of the difference: p(1 - p)(2/n) = SE²
_AB = ((Fraction(1, 10), 200, Fraction(3, 100)), (Fraction(1, 10), 1800, Fraction(1, 100)),
       (Fraction(1, 5), 800, Fraction(2, 100)), (Fraction(1, 5), 3200, Fraction(1, 100)),
       (Fraction(1, 2), 1250, Fraction(2, 100)), (Fraction(1, 2), 5000, Fraction(1, 100)))


@GENERATORS.add("ab_test", answer=ab_key, **_LOOSE)
def _gen_ab(rng: random.Random, level: Level) -> Problem:
    if level.difficulty == "hard" and rng.random() < 0.5:  # means: Welch with SE whole
        n = rng.choice((8, 18, 32, 50))
        root = {8: 2, 18: 3, 32: 4, 50: 5}[n]  # SE = s √(2/n) = s / root
        s = root * rng.choice((1, 2))
        t = rng.choice(_HALF)
        m1 = rng.randint(20, 60)
        m2 = m1 + t * (s // root)
        c, v = f"{{n: {n}, mean: {m1}, s: {s}}}", f"{{n: {n}, mean: {_dec(m2)}, s: {s}}}"
        return Problem("ab_test", {"control": c, "variation": v},
                       f"Control: {n} users, mean spend {m1}, s = {s}. Variation: {n} users, "
                       f"mean {_dec(m2)}, s = {s}. Run the A/B test (Welch, $\\alpha = 0.05$) "
                       "and give the lift.", _NONE)
    pool = _AB[: level.pick(2, 4, 6)]
    p, n, se, half = Fraction(1, 10), 200, Fraction(3, 100), Fraction(6)
    for _ in range(100):  # x2 - x1 = z SE n around the pooled count p n, both whole
        p, n, se = rng.choice(pool)
        z = rng.choice(_HALF[: level.pick(5, 8, 8)])
        half = z * se * n / 2
        if half.denominator == 1:
            break
    x1, x2 = int(p * n - half), int(p * n + half)
    return Problem("ab_test", {"control": f"{{x: {x1}, n: {n}}}",
                               "variation": f"{{x: {x2}, n: {n}}}"},
                   f"Control: {x1} conversions of {n} visitors; variation: {x2} of {n}. Run "
                   "the two-proportion z test ($\\alpha = 0.05$) and give the lift.", _NONE)


# ------------------------------------------------------------------ Bayesian
def posterior_key(d: Any) -> str:
    """The posterior law, ``beta(5, 3)``."""
    return str(d.result["distribution"])


# (tau, sigma, n) with 1/tau² + n/sigma² = 1 or 4: a posterior sd of 1 or 1/2
_NORMAL = ((2, 2, 3), (3, 3, 8), (2, 4, 12), (1, 1, 3))


def _conjugate(rng: random.Random, level: Level) -> tuple[dict, str]:
    kind = rng.choice(level.pick(("beta",), ("beta", "gamma"), ("gamma", "normal")))
    if kind == "beta":
        a, b = rng.randint(1, 4), rng.randint(1, 4)
        n = max(2, level.size_or(6, 8, 10))
        k = rng.randint(1, n - 1)
        flips = [1] * k + [0] * (n - k)
        rng.shuffle(flips)
        return ({"prior": f"beta({a}, {b})", "likelihood": "bernoulli", "data": _list(flips)},
                f"A coin with unknown $p$ has prior $\\mathrm{{Beta}}({a}, {b})$; the flips "
                f"(1 = heads) are {_list(flips)}.")
    if kind == "gamma":
        shape, scale = rng.randint(1, 4), rng.choice((1, Fraction(1, 2)))
        n = max(2, level.size_or(4, 4, 6))
        data = [max(0, v) for v in nice_data(rng, n, rng.randint(2, 5), spread=2)]
        return ({"prior": f"gamma({shape}, {_dec(scale)})", "likelihood": "poisson",
                 "data": _list(data)},
                f"Counts $X_i \\sim \\mathrm{{Poisson}}(\\lambda)$ are {_list(data)}; the prior "
                f"is $\\lambda \\sim \\mathrm{{Gamma}}$(shape {shape}, scale {_dec(scale)}).")
    tau, sigma, n = rng.choice(_NORMAL)
    mu0 = rng.randint(-2, 6)
    data = nice_data(rng, n, rng.randint(mu0, mu0 + 8), spread=sigma)
    return ({"prior": f"normal({mu0}, {tau})", "likelihood": "normal", "data": _list(data),
             "known": f"{{sigma: {sigma}}}"},
            f"Data {_list(data)} are normal with known $\\sigma = {sigma}$ and unknown mean "
            f"$\\mu$, whose prior is $N({mu0}, {tau}^2)$.")


@GENERATORS.add("posterior", answer=posterior_key, **_LOOSE)
def _gen_posterior(rng: random.Random, level: Level) -> Problem:
    inputs, story = _conjugate(rng, level)
    return Problem("posterior", inputs,
                   f"{story} Find the posterior distribution (name and parameters).", _NONE)


def map_key(d: Any) -> str:
    """``p = 2/3`` (conjugate) or ``w0 = 3, w1 = 2`` (ridge)."""
    from symbolic_mlmath.core.problems import answer_text

    r = d.result
    if "weights" in r:
        return ", ".join(f"w{i} = {answer_text(w)}" for i, w in enumerate(r["weights"]))
    return ", ".join(f"{k} = {answer_text(v)}" for k, v in r.items())


# (sigma, tau) with lambda = sigma²/tau² whole
_RIDGE = ((1, 1), (2, 2), (2, 1), (4, 2))


def _ridge(rng: random.Random, level: Level) -> Problem:
    """Ridge as MAP: whole weights w chosen first; residuals r = y - Xw with
    Xᵀr = λw (the last two solved from the others), so the MAP weights are w exactly."""
    n = max(3, level.size_or(5, 5, 5))
    x0 = rng.randint(0, 3)
    x = [x0 + i for i in range(n)]
    sigma, tau = rng.choice(_RIDGE)
    lam = (sigma * sigma) // (tau * tau)
    r = [0] * n
    for _ in range(2000):
        w = [rng.choice((-2, -1, 1, 2, 3)), rng.choice((1, 2, 3, -1, -2))]
        r = [rng.randint(-2, 2) for _ in range(n - 2)]
        s0 = lam * w[0] - sum(r)  # r_a + r_b
        s1 = lam * w[1] - sum(xi * ri for xi, ri in zip(x, r, strict=False))
        rb = s1 - x[n - 2] * s0  # x_b = x_a + 1
        r += [s0 - rb, rb]
        if max(map(abs, r)) <= 8:
            break
    y = [w[0] + w[1] * xi + ri for xi, ri in zip(x, r, strict=True)]
    return Problem("map_estimate", {"x": f"[{_list(x)}]", "y": f"[{_list(y)}]",
                                    "sigma": str(sigma), "tau": str(tau)},
                   f"Model $y = w_0 + w_1 x + \\varepsilon$ with "
                   f"$\\varepsilon \\sim N(0, {sigma}^2)$ and independent $N(0, {tau}^2)$ priors "
                   f"on $w_0$ and $w_1$. For x = {_list(x)}, y = {_list(y)}, find the MAP "
                   "weights (ridge regression).", _NONE)


@GENERATORS.add("map_estimate", answer=map_key, **_LOOSE)
def _gen_map(rng: random.Random, level: Level) -> Problem:
    if level.difficulty == "hard" and rng.random() < 0.4:
        return _ridge(rng, level)
    inputs, story = _conjugate(rng, level)
    return Problem("map_estimate", inputs,
                   f"{story} Find the MAP estimate (the posterior mode).", _NONE)

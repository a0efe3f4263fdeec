"""Worksheet generators for statistics tasks: the subject's ``GENERATORS`` table.

Built backwards so the numbers are nice: data are a whole-number mean plus deviations that
sum to zero (and whose squares sum to (n − 1)s² for a chosen whole s), so means and
standard deviations are whole; tests put μ0 a chosen number of standard errors away from
x̄ (t and z come out as 1.5, 2, −2.5, ...); proportions are chosen so √(p̂(1 − p̂)/n) is a
short decimal; regression data are a line plus residuals orthogonal to 1 and x (so the
fitted line is the chosen one); binomial parameters make np and np(1 − p) whole. Every
generator takes a :class:`~symbolic_mlmath.core.problems.Level` (the difficulty picks sizes
and kinds; ``size`` sets the number of data points where there are data).

Examples
========
>>> import random
>>> from symbolic_mlmath.core.problems import Level
>>> p = GENERATORS["t_test"].problem(random.Random(1), Level("easy"))
>>> p.task, sorted(p.inputs)
('t_test', ['data', 'mu0'])
>>> p == GENERATORS["t_test"].problem(random.Random(1), Level("easy"))
True
"""

from __future__ import annotations

import random
from fractions import Fraction

from symbolic_mlmath.core.problems import GeneratorTable, Level, Problem
from symbolic_mlmath.stats.worksheet_data import deviations, nice_data

__all__ = ["GENERATORS", "answer_of_interval", "answer_of_test", "deviations", "labelled_key",
           "line_key", "nice_data", "summary_key"]

#: The generators of this module.
GENERATORS = GeneratorTable()

_LOOSE = {"max_numerator": 10**9, "max_denominator": 10**9}


def _num(v: object) -> str:
    """A result number as a learner writes it: exact when whole, else 4 decimals."""
    from sympy import Integer, N

    if isinstance(v, int | Integer) or getattr(v, "is_Integer", False):
        return str(v)
    return f"{float(N(v, 20)):.4f}"


def answer_of_test(d: object) -> str:
    """The key of a test: statistic, df (t), p-value and decision."""
    r = d.result  # type: ignore[attr-defined]
    law = "z" if "df" not in r else "t"
    parts = [f"{law} = {_num(r['statistic'])}"]
    if "df" in r:
        parts.append(f"df = {_num(r['df'])}")
    parts += [f"p = {_num(r['p_value'])}",
              "reject H0" if r["decision"] == "reject" else "fail to reject H0"]
    return ", ".join(parts)


def answer_of_interval(d: object) -> str:
    """The key of an interval: (lower, upper) to 4 decimals."""
    lo, hi = d.result["interval"]  # type: ignore[attr-defined]
    return f"({_num(lo)}, {_num(hi)})"


def labelled_key(d: object) -> str:
    """Each part of a dict result as ``label: value`` (``sick: 7/43, healthy: 36/43``)."""
    from symbolic_mlmath.core.problems import answer_text

    return ", ".join(f"{k}: {answer_text(v)}" for k, v in d.result.items())  # type: ignore[attr-defined]


def summary_key(d: object) -> str:
    """The summaries a describe problem asks for: mean, median, quartiles, variance, sd."""
    from symbolic_mlmath.core.problems import answer_text

    r = d.result  # type: ignore[attr-defined]
    return ", ".join(f"{k}: {answer_text(r[k])}"
                     for k in ("mean", "median", "q1", "q3", "variance", "std"))


def line_key(d: object) -> str:
    """The fitted line's coefficients, ``b0 = 4, b1 = 3``."""
    from symbolic_mlmath.core.problems import answer_text

    coefs = d.result["coefficients"]  # type: ignore[attr-defined]
    return ", ".join(f"b{i} = {answer_text(c)}" for i, c in enumerate(coefs))


_NONE: tuple = ("matrices", ())


def _dec(q: Fraction | int) -> str:
    """A short exact decimal (or an integer) as text."""
    q = Fraction(q)
    if q.denominator == 1:
        return str(q.numerator)
    for places in range(1, 7):
        if (q * 10**places).denominator == 1:
            return f"{float(q):.{places}f}"
    return f"{q.numerator}/{q.denominator}"


def _list(xs: list) -> str:
    return ", ".join(_dec(x) for x in xs)


# ------------------------------------------------------------------ distributions
_BINOM = [(4, Fraction(1, 2)), (8, Fraction(1, 2)), (4, Fraction(1, 4)), (8, Fraction(1, 4)),
          (5, Fraction(1, 5)), (10, Fraction(1, 2)), (6, Fraction(1, 2)), (10, Fraction(1, 5))]


def _binom(rng: random.Random, level: Level) -> tuple[int, Fraction]:
    pool = level.pick(_BINOM[:3], _BINOM[:6], _BINOM[3:])
    n, p = rng.choice(pool)
    return n, (1 - p if rng.random() < 0.5 else p)


@GENERATORS.add("pmf", **_LOOSE)
def _gen_pmf(rng: random.Random, level: Level) -> Problem:
    n, p = _binom(rng, level)
    x = rng.randint(0, n)
    return Problem("pmf", {"distribution": f"binomial({n}, {_dec(p)})", "x": str(x)},
                   f"$X \\sim \\mathrm{{Binomial}}({n}, {_dec(p)})$. Find $P(X = {x})$.", _NONE)


@GENERATORS.add("cdf", **_LOOSE)
def _gen_cdf(rng: random.Random, level: Level) -> Problem:
    n, p = _binom(rng, level)
    x = rng.randint(0, n - 1)
    return Problem("cdf", {"distribution": f"binomial({n}, {_dec(p)})", "x": str(x)},
                   f"$X \\sim \\mathrm{{Binomial}}({n}, {_dec(p)})$. Find $P(X \\le {x})$.",
                   _NONE)


def _moment(task: str, rng: random.Random, level: Level) -> Problem:
    word = "E[X]" if task == "expectation" else "\\mathrm{Var}(X)"
    if level.difficulty == "hard" or (level.difficulty == "medium" and rng.random() < 0.5):
        a, b = rng.choice((2, 3, -1, -2)), rng.randint(-3, 5)
        expr = f"{a}X + {b}" if b >= 0 else f"{a}X - {-b}"
        word = "E" if task == "expectation" else "\\mathrm{Var}"
        return Problem(task, {"distribution": "die(6)", "expr": expr},
                       f"$X$ is the roll of a fair six-sided die. Find ${word}[{expr}]$.", _NONE)
    n = rng.choice((4, 8, 12, 16, 20))
    p = rng.choice((Fraction(1, 2), Fraction(1, 4), Fraction(3, 4)))
    return Problem(task, {"distribution": f"binomial({n}, {_dec(p)})"},
                   f"$X \\sim \\mathrm{{Binomial}}({n}, {_dec(p)})$. Find ${word}$.", _NONE)


@GENERATORS.add("expectation", **_LOOSE)
def _gen_expectation(rng: random.Random, level: Level) -> Problem:
    return _moment("expectation", rng, level)


@GENERATORS.add("variance", **_LOOSE)
def _gen_variance(rng: random.Random, level: Level) -> Problem:
    return _moment("variance", rng, level)


# ------------------------------------------------------------------ data
def _size(level: Level) -> int:
    return max(3, level.size_or(5, 7, 10))


@GENERATORS.add("sample_mean", **_LOOSE)
def _gen_sample_mean(rng: random.Random, level: Level) -> Problem:
    data = nice_data(rng, _size(level), rng.randint(5, 30), spread=level.pick(3, 6, 12))
    return Problem("sample_mean", {"data": _list(data)},
                   f"Find the sample mean of the data {_list(data)}.", _NONE)


@GENERATORS.add("sample_variance", **_LOOSE)
def _gen_sample_variance(rng: random.Random, level: Level) -> Problem:
    n = rng.choice({"easy": (4, 5), "medium": (4, 5, 9), "hard": (9, 10)}[level.difficulty]) \
        if level.size is None else max(3, level.size)
    s = {4: rng.choice((2, 4)), 9: rng.choice((1, 2, 3))}.get(n)  # (n - 1)s^2 must be even
    data = nice_data(rng, n, rng.randint(5, 30), s)
    return Problem("sample_variance", {"data": _list(data)},
                   f"Find the sample variance ($n - 1$ divisor) of {_list(data)}.", _NONE)


@GENERATORS.add("describe", answer=summary_key, **_LOOSE)
def _gen_describe(rng: random.Random, level: Level) -> Problem:
    data = nice_data(rng, _size(level) + 1, rng.randint(10, 40), spread=level.pick(4, 8, 15))
    return Problem("describe", {"data": _list(data)},
                   f"Describe the data {_list(data)}: mean, median, quartiles, variance and "
                   "standard deviation.", _NONE)


# ------------------------------------------------------------------ Bayes
@GENERATORS.add("bayes", answer=labelled_key, **_LOOSE)
def _gen_bayes(rng: random.Random, level: Level) -> Problem:
    prior = rng.choice((Fraction(1, 2), Fraction(1, 5), Fraction(1, 10), Fraction(3, 10)))
    l1 = Fraction(rng.randint(5, 9), 10)
    l2 = Fraction(rng.randint(1, 4), 10 if level.difficulty != "hard" else 20)
    names = rng.choice((("sick", "healthy"), ("spam", "ham"), ("faulty", "fine")))
    pr = {names[0]: _dec(prior), names[1]: _dec(1 - prior)}
    lk = {names[0]: _dec(l1), names[1]: _dec(l2)}
    return Problem("bayes", {"prior": pr, "likelihood": lk},
                   f"Prior: P({names[0]}) = {_dec(prior)}, P({names[1]}) = {_dec(1 - prior)}. "
                   f"The evidence E has P(E | {names[0]}) = {_dec(l1)} and "
                   f"P(E | {names[1]}) = {_dec(l2)}. Find the posterior of each hypothesis.",
                   _NONE)


# ------------------------------------------------------------------ tests and intervals
_STATS = (Fraction(3, 2), Fraction(2), Fraction(5, 2), Fraction(3), Fraction(1),
          Fraction(-3, 2), Fraction(-2), Fraction(-5, 2))


def _t_sample(rng: random.Random, level: Level) -> tuple[list[int], int, int, int]:
    """Data with whole mean m and sd s whose SE = s/√n is whole (n = 4, 9 or 16)."""
    n = level.pick(4, rng.choice((4, 9)), rng.choice((9, 16)))
    root = {4: 2, 9: 3, 16: 4}[n]
    s = root * rng.choice((1, 2)) if n == 4 else root
    m = rng.randint(10, 60)
    return nice_data(rng, n, m, s), n, m, s


@GENERATORS.add("t_test", answer=answer_of_test, **_LOOSE)
def _gen_t_test(rng: random.Random, level: Level) -> Problem:
    data, n, m, s = _t_sample(rng, level)
    se = Fraction(s) / {4: 2, 9: 3, 16: 4}[n]
    t = rng.choice(level.pick(_STATS[:4], _STATS[:6], _STATS[4:]))
    mu0 = m - t * se
    if mu0.denominator != 1:
        mu0 = Fraction(round(mu0))
    inputs = {"data": _list(data), "mu0": _dec(mu0)}
    words = (f"The sample {_list(data)} is drawn from a normal population. Test "
             f"$H_0: \\mu = {_dec(mu0)}$ against $H_1: \\mu \\ne {_dec(mu0)}$ at "
             "$\\alpha = 0.05$ with a t test.")
    return Problem("t_test", inputs, words, _NONE)


@GENERATORS.add("z_test", answer=answer_of_test, **_LOOSE)
def _gen_z_test(rng: random.Random, level: Level) -> Problem:
    n = rng.choice((16, 25, 36, 64, 100))
    root = round(n**0.5)
    se = rng.choice((1, 2, 3))
    sigma = se * root
    z = rng.choice(level.pick(_STATS[:4], _STATS[:6], _STATS[4:]))
    xbar = rng.randint(20, 120)
    mu0 = Fraction(xbar) - z * se
    alt = "two-sided" if level.difficulty != "hard" or rng.random() < 0.5 else \
        ("greater" if z > 0 else "less")
    inputs = {"xbar": str(xbar), "n": str(n), "sigma": str(sigma), "mu0": _dec(mu0)}
    sign = {"two-sided": "\\ne", "greater": ">", "less": "<"}[alt]
    if alt != "two-sided":
        inputs["alternative"] = alt
    words = (f"A sample of $n = {n}$ has mean $\\bar x = {xbar}$; the population sd is "
             f"$\\sigma = {sigma}$. Test $H_0: \\mu = {_dec(mu0)}$ against "
             f"$H_1: \\mu {sign} {_dec(mu0)}$ at $\\alpha = 0.05$.")
    return Problem("z_test", inputs, words, _NONE)


@GENERATORS.add("ci_mean", answer=answer_of_interval, **_LOOSE)
def _gen_ci_mean(rng: random.Random, level: Level) -> Problem:
    if level.difficulty == "easy" or rng.random() < 0.4:
        n = rng.choice((16, 25, 36, 100))
        sigma = round(n**0.5) * rng.choice((1, 2, 5))
        xbar = rng.randint(20, 120)
        conf = rng.choice(("0.95", "0.90", "0.99"))
        return Problem("ci_mean", {"xbar": str(xbar), "n": str(n), "sigma": str(sigma),
                                   "confidence": conf},
                       f"A sample of $n = {n}$ has mean {xbar}; the population sd is {sigma}. "
                       f"Find the {float(conf):.0%} confidence interval for $\\mu$.", _NONE)
    data, *_ = _t_sample(rng, level)
    return Problem("ci_mean", {"data": _list(data), "confidence": "0.95"},
                   f"Find the 95% t confidence interval for the mean of {_list(data)}.", _NONE)


_PROPS = [(Fraction(1, 2), (100, 400, 900)), (Fraction(1, 5), (25, 100, 400)),
          (Fraction(4, 5), (25, 100, 400)), (Fraction(1, 10), (100, 900)),
          (Fraction(9, 10), (100, 900))]


@GENERATORS.add("ci_proportion", answer=answer_of_interval, **_LOOSE)
def _gen_ci_proportion(rng: random.Random, level: Level) -> Problem:
    p, ns = rng.choice(_PROPS)
    n = rng.choice(ns)
    x = int(p * n)
    conf = "0.95" if level.difficulty != "hard" else rng.choice(("0.90", "0.99"))
    return Problem("ci_proportion", {"x": str(x), "n": str(n), "confidence": conf},
                   f"In a sample of {n}, {x} said yes. Find the {float(conf):.0%} (Wald) "
                   "confidence interval for the proportion.", _NONE)


# ------------------------------------------------------------------ regression and MLE
_RESIDUALS = [(0, 0, 0, 0, 0), (1, -1, 0, -1, 1), (-1, 1, 0, 1, -1), (1, -2, 0, 2, -1),
              (-1, 2, 0, -2, 1), (2, -1, -2, -1, 2)]


@GENERATORS.add("linear_regression", answer=line_key, **_LOOSE)
def _gen_linear_regression(rng: random.Random, level: Level) -> Problem:
    x0 = rng.randint(0, 5)
    x = [x0 + k for k in range(5)]
    a, b = rng.randint(-5, 10), rng.choice((1, 2, 3, -1, -2))
    e = rng.choice(level.pick(_RESIDUALS[:1], _RESIDUALS[:4], _RESIDUALS[1:]))
    y = [a + b * xi + ei for xi, ei in zip(x, e, strict=True)]
    return Problem("linear_regression", {"x": f"[{_list(x)}]", "y": f"[{_list(y)}]"},
                   f"Fit the least-squares line $y = b_0 + b_1 x$ to x = {_list(x)}, "
                   f"y = {_list(y)}.", _NONE)


@GENERATORS.add("mle", **_LOOSE)
def _gen_mle(rng: random.Random, level: Level) -> Problem:
    kind = rng.choice(level.pick(("bernoulli",), ("bernoulli", "poisson"),
                                 ("poisson", "exponential")))
    if kind == "bernoulli":
        n = 10
        k = rng.randint(2, 8)
        data = [1] * k + [0] * (n - k)
        rng.shuffle(data)
        words = f"Coin flips (1 = heads): {_list(data)}. Find the MLE of $p$."
    else:
        data = [max(0, v) for v in nice_data(rng, _size(level), rng.randint(2, 6), spread=2)]
        while sum(data) % len(data):
            data[rng.randrange(len(data))] += 1
        what = "the rate $\\lambda$ (Poisson counts)" if kind == "poisson" else \
            "the rate $\\lambda$ (exponential waiting times)"
        if kind == "exponential":
            data = [v if v > 0 else len(data) for v in data]
            while sum(data) % len(data):
                data[rng.randrange(len(data))] += 1
        words = f"Data: {_list(data)}. Find the MLE of {what}."
    return Problem("mle", {"distribution": kind, "data": _list(data)}, words, _NONE)


@GENERATORS.add("two_sample_test", answer=answer_of_test, **_LOOSE)
def _gen_two_sample(rng: random.Random, level: Level) -> Problem:
    t = rng.choice(level.pick(_STATS[:4], _STATS[:6], _STATS[4:]))
    if level.difficulty == "easy" or rng.random() < 0.5:  # paired: differences with SE whole
        n = rng.choice((4, 9))
        root = {4: 2, 9: 3}[n]
        s = root * (2 if n == 4 else 1)
        se = Fraction(s, root)
        mean = t * se
        if mean.denominator != 1:
            mean = Fraction(round(mean))
        diffs = [int(mean) + d for d in deviations(rng, n, s)]
        before = [rng.randint(50, 90) for _ in range(n)]
        after = [b - d for b, d in zip(before, diffs, strict=True)]
        return Problem("two_sample_test",
                       {"sample1": _list(before), "sample2": _list(after), "test": "paired"},
                       f"The same {n} subjects were measured before ({_list(before)}) and "
                       f"after ({_list(after)}). Test whether the mean difference is 0 "
                       "(paired t test, α = 0.05).", _NONE)
    n = rng.choice((8, 18))
    root = {8: 2, 18: 3}[n]  # SE = s √(2/n) = s/root
    s = root * rng.choice((1, 2, 3))
    d = t * Fraction(s, root)
    m2 = rng.randint(20, 60)
    m1 = m2 + d
    s1, s2 = f"{{n: {n}, mean: {_dec(m1)}, s: {s}}}", f"{{n: {n}, mean: {m2}, s: {s}}}"
    return Problem("two_sample_test", {"sample1": s1, "sample2": s2, "test": "pooled"},
                   f"Two independent groups of {n}: means {_dec(m1)} and {m2}, both with "
                   f"s = {s}. Test equal means (pooled t test, α = 0.05).", _NONE)


def _more() -> None:
    from symbolic_mlmath.stats import worksheets_infer, worksheets_more, worksheets_prob

    for part in (worksheets_more, worksheets_prob, worksheets_infer):
        GENERATORS.update(part.GENERATORS)


_more()

"""Worksheet generators for probability and random vectors: ``probability``,
``naive_bayes``, ``correlation``, ``marginal``, ``mvn_density``, ``distribution_of``,
``sampling_distribution``.

Built backwards so every number is nice: dice and coin events on small sample spaces (or
the addition, complement and conditional rules on probabilities in tenths); naive Bayes
priors and likelihoods in tenths, redrawn until the posterior has a small denominator;
correlation data whose deviations have square sums that are perfect squares (so r is a
fraction) or 2 × 2 joint tables with equal margins (r = (p₁₁ − q²)/(q(1 − q))); joint
tables in tenths or twentieths whose conditioning margin is a simple fraction; normal
densities with Σ = LLᵀ for an integer triangular L and x − μ = Lz for an integer z, so
det Σ is a perfect square and the quadratic form is |z|², a whole number; normal
combinations whose scaled sds are the legs of a Pythagorean triple (a whole sd), sums in
closed families (Poisson, binomial with one p, gamma with one scale); samples of a perfect
square size n with σ a multiple of √n (σ/√n whole).

Examples
========
>>> import random
>>> from symbolic_mlmath.core.problems import Level
>>> p = GENERATORS["mvn_density"].problem(random.Random(2), Level("easy"))
>>> sorted(p.inputs)
['cov', 'mean', 'x']
>>> p == GENERATORS["mvn_density"].problem(random.Random(2), Level("easy"))
True
"""

from __future__ import annotations

import random
from fractions import Fraction
from itertools import product
from typing import Any

from symbolic_mlmath.core.problems import GeneratorTable, Level, Problem
from symbolic_mlmath.stats.worksheet_data import deviations

__all__ = ["GENERATORS", "class_key", "density_key", "marginal_key"]

#: The generators of this module.
GENERATORS = GeneratorTable()

_LOOSE = {"max_numerator": 10**9, "max_denominator": 10**9}
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


def _vec(xs: list[int]) -> str:
    return "[" + ", ".join(str(v) for v in xs) + "]"


def _mat(rows: list[list[int]]) -> str:
    return "[" + ", ".join(_vec(r) for r in rows) + "]"


# ------------------------------------------------------------------ probability
_RULES = ("A or B", "not A", "A given B", "B given A", "not (A or B)")


def _rule_problem(rng: random.Random) -> Problem:
    """P(A), P(B), P(A and B) in tenths with P(A and B) <= min; an event by a named rule."""
    a, b = rng.randint(3, 7), rng.randint(3, 7)
    ab = rng.randint(max(1, a + b - 9), min(a, b) - 1)
    event = rng.choice(_RULES)
    probs = {"A": _dec(Fraction(a, 10)), "B": _dec(Fraction(b, 10)),
             "A and B": _dec(Fraction(ab, 10))}
    return Problem("probability", {"probabilities": probs, "event": event},
                   f"$P(A) = {probs['A']}$, $P(B) = {probs['B']}$ and "
                   f"$P(A \\cap B) = {probs['A and B']}$. Find $P({_event_tex(event)})$.",
                   _NONE)


def _event_tex(event: str) -> str:
    import re

    event = re.sub(r"X(\d)", r"X_\1", event).replace("max(", "\\max(")
    return (event.replace(" given ", " \\mid ").replace("not ", "\\neg ")
            .replace(" or ", " \\cup ").replace(" and ", " \\cap ")
            .replace(">=", "\\ge").replace("<=", "\\le"))


def _dice_event(rng: random.Random, k: int, faces: int, hard: bool) -> tuple[str, str | None]:
    names = [f"X{i + 1}" for i in range(k)]
    total = " + ".join(names)
    lo, hi = k, k * faces
    kinds = ["sum=", "sum>=", "max=", "gt"] if k == 2 else ["sum=", "sum>="]
    kind = rng.choice(kinds)
    if kind == "sum=":
        event = f"{total} = {rng.randint(lo + 1, hi - 1)}"
    elif kind == "sum>=":
        event = f"{total} >= {rng.randint((lo + hi) // 2, hi - 1)}"
    elif kind == "max=":
        event = f"max(X1, X2) = {rng.randint(2, faces)}"
    else:
        event = "X1 > X2"
    return event, (f"X1 = {rng.randint(1, faces)}" if hard else None)


def _dice_chance(k: int, faces: int, event: str, given: str | None) -> Fraction:
    """P(event | given) by counting outcomes (events in the grammar of :func:`_dice_event`)."""

    def holds(text: str, xs: tuple[int, ...]) -> bool:
        if text == "X1 > X2":
            return xs[0] > xs[1]
        left, op, right = text.rsplit(" ", 2)
        value = max(xs[:2]) if left.startswith("max") else xs[0] if left == "X1" else sum(xs)
        return value >= int(right) if op == ">=" else value == int(right)

    space = [xs for xs in product(range(1, faces + 1), repeat=k)
             if given is None or holds(given, xs)]
    return Fraction(sum(holds(event, xs) for xs in space), len(space))


@GENERATORS.add("probability", **_LOOSE)
def _gen_probability(rng: random.Random, level: Level) -> Problem:
    if level.difficulty == "medium" and level.size is None and rng.random() < 0.4:
        return _rule_problem(rng)
    k = max(2, min(3, level.size_or(2, 2, rng.choice((2, 3)))))
    faces = level.pick(6, rng.choice((4, 6)), rng.choice((4, 6)))
    for _ in range(100):  # an event neither impossible nor sure
        event, given = _dice_event(rng, k, faces, level.difficulty == "hard")
        if 0 < _dice_chance(k, faces, event, given) < 1:
            break
    variables = {f"X{i + 1}": f"die({faces})" for i in range(k)}
    inputs: dict[str, Any] = {"variables": variables, "event": event}
    what = f"$P({_event_tex(event)}" + (f" \\mid {_event_tex(given)})$" if given else ")$")
    if given:
        inputs["given"] = given
    dice = "two" if k == 2 else "three"
    names = "$X_1$ and $X_2$" if k == 2 else "$X_1, X_2, X_3$"
    return Problem("probability", inputs,
                   f"Roll {dice} fair {faces}-sided dice, {names}. Find {what}.", _NONE)


# ------------------------------------------------------------------ naive Bayes
_WORDS = ("free", "win", "meeting", "offer", "report", "click", "lunch", "prize")


def class_key(d: Any) -> str:
    """``spam: 2/5, ham: 3/5``."""
    from symbolic_mlmath.core.problems import answer_text

    return ", ".join(f"{c}: {answer_text(p)}" for c, p in d.result.items())


@GENERATORS.add("naive_bayes", answer=class_key, **_LOOSE)
def _gen_naive_bayes(rng: random.Random, level: Level) -> Problem:
    classes = ("spam", "ham", "promo")[: level.pick(2, 2, 3)]
    nwords = max(1, min(len(_WORDS), level.size_or(2, 3, 3)))
    bound = level.pick(12, 30, 60)
    for _ in range(5000):
        weights = [rng.randint(1, 9) for _ in classes]
        prior = [Fraction(w, sum(weights)) for w in weights]
        if any(p.denominator not in (2, 4, 5, 10, 20) for p in prior):
            continue
        words = sorted(rng.sample(_WORDS, nwords))
        lik = {w: [Fraction(rng.randint(1, 9), 10) for _ in classes] for w in words}
        score = [prior[c] * _prod(lik[w][c] for w in words) for c in range(len(classes))]
        post = [s / sum(score) for s in score]
        if max(p.denominator for p in post) <= bound and min(post) > 0:
            break
    pr = {c: _dec(prior[i]) for i, c in enumerate(classes)}
    lk = {w: {c: _dec(lik[w][i]) for i, c in enumerate(classes)} for w in words}
    table = "; ".join(f"P({w} | {c}) = {lk[w][c]}" for w in words for c in classes)
    return Problem("naive_bayes", {"prior": pr, "likelihoods": lk, "words": words},
                   f"Priors: {', '.join(f'P({c}) = {v}' for c, v in pr.items())}. "
                   f"Word likelihoods: {table}. A message contains the words "
                   f"{', '.join(words)}. Find the naive Bayes posterior of each class.", _NONE)


def _prod(xs: Any) -> Fraction:
    out = Fraction(1)
    for x in xs:
        out *= x
    return out


# ------------------------------------------------------------------ correlation
def _square_deviations(rng: random.Random, n: int) -> tuple[list[int], int]:
    """Deviations summing to 0 whose squares sum to a perfect square (n = 5 or 10)."""
    s = rng.choice((1, 2, 3)) if n == 5 else 2  # 9s² must be even; r over at most 36
    return deviations(rng, n, s), (n - 1) * s * s


@GENERATORS.add("correlation", **_LOOSE)
def _gen_correlation(rng: random.Random, level: Level) -> Problem:
    if level.difficulty == "hard" and level.size is None:
        q = rng.choice((Fraction(1, 2), Fraction(2, 5), Fraction(1, 5)))
        n = 10 if q.denominator == 5 else 20
        a = q / 2
        for _ in range(50):  # P(1, 1) strictly between 0 and q, with |rho| >= 1/4
            a = Fraction(rng.randint(1, int(q * n) - 1), n)
            if 4 * abs(a - q * q) >= q * (1 - q):
                break
        cells = {(0, 0): 1 - 2 * q + a, (0, 1): q - a, (1, 0): q - a, (1, 1): a}
        pmf = {f"({x}, {y})": _dec(p) for (x, y), p in cells.items()}
        shown = ", ".join(f"P(X = {x}, Y = {y}) = {_dec(p)}" for (x, y), p in cells.items())
        return Problem("correlation", {"joint_pmf": pmf},
                       f"The joint PMF of $X$ and $Y$ is {shown}. Find the correlation "
                       "$\\rho(X, Y)$.", _NONE)
    n = 10 if (level.size or 0) >= 8 or (level.size is None and level.difficulty != "easy") \
        else 5
    for _ in range(500):  # |r| = |Sxy| / sqrt(Sxx Syy) at least 1/4
        dx, sxx = _square_deviations(rng, n)
        dy, syy = _square_deviations(rng, n)
        sxy = sum(a * b for a, b in zip(dx, dy, strict=True))
        if 16 * sxy * sxy >= sxx * syy:
            break
    mx, my = rng.randint(2, 12), rng.randint(2, 20)
    order = list(range(n))
    rng.shuffle(order)
    x = [mx + dx[i] for i in order]
    y = [my + dy[i] for i in order]
    return Problem("correlation", {"x": ", ".join(map(str, x)), "y": ", ".join(map(str, y))},
                   f"Find the sample correlation of x = {', '.join(map(str, x))} and "
                   f"y = {', '.join(map(str, y))}.", _NONE)


# ------------------------------------------------------------------ marginal
def marginal_key(d: Any) -> str:
    """``0: 3/10, 1: 7/10``: each value of the variable with its probability."""
    from symbolic_mlmath.core.problems import answer_text

    return ", ".join(f"{v}: {answer_text(p)}" for v, p in d.result.items())


@GENERATORS.add("marginal", answer=marginal_key, **_LOOSE)
def _gen_marginal(rng: random.Random, level: Level) -> Problem:
    rows = max(2, min(4, level.size_or(2, 3, 3)))
    cols = level.pick(2, 2, 3)
    total = level.pick(10, 20, 20)
    cells = [1] * (rows * cols)
    for _ in range(2000):
        draw = [rng.randint(0, 5) for _ in range(rows * cols - 1)]
        if 1 <= total - sum(draw) <= 6:
            cells = [*draw, total - sum(draw)]
            break
    grid = [cells[r * cols:(r + 1) * cols] for r in range(rows)]
    pmf = {f"({r}, {c})": _dec(Fraction(grid[r][c], total))
           for r in range(rows) for c in range(cols)}
    inputs: dict[str, Any] = {"joint_pmf": pmf}
    table = "; ".join(f"P({r}, {c}) = {v}" for (r, c), v in
                      zip(product(range(rows), range(cols)), pmf.values(), strict=True))
    if level.difficulty == "hard":
        col_sums = [sum(grid[r][c] for r in range(rows)) for c in range(cols)]
        c = max(range(cols), key=lambda j: (col_sums[j], -j))
        inputs.update(variable="X", given=str(c))
        ask = f"the conditional PMF of $X$ given $Y = {c}$"
    else:
        var = "X" if level.difficulty == "easy" or rng.random() < 0.5 else "Y"
        inputs["variable"] = var
        ask = f"the marginal PMF of ${var}$"
    return Problem("marginal", inputs,
                   f"The joint PMF $P(X = x, Y = y)$ is: {table}. Find {ask}.", _NONE)


# ------------------------------------------------------------------ normal density
def density_key(d: Any) -> str:
    """The exact density as a learner types it (``exp(-1)/(4*pi)``)."""
    return str(d.result)


def _triangular(rng: random.Random, k: int, full: bool) -> list[list[int]]:
    L = [[0] * k for _ in range(k)]
    for i in range(k):
        L[i][i] = rng.choice((1, 1, 2, 3))
        for j in range(i):
            L[i][j] = rng.choice((-1, 1, 2)) if full else 0
    return L


@GENERATORS.add("mvn_density", answer=density_key, **_LOOSE)
def _gen_mvn(rng: random.Random, level: Level) -> Problem:
    k = max(1, min(4, level.size_or(2, 2, 3)))
    L = _triangular(rng, k, level.difficulty != "easy")
    cov = [[sum(L[i][t] * L[j][t] for t in range(k)) for j in range(k)] for i in range(k)]
    z = [rng.choice(level.pick((0, 1, -1), (0, 1, -1, 2), (1, -1, 2, -2))) for _ in range(k)]
    mu = [rng.randint(-3, 5) for _ in range(k)]
    x = [mu[i] + sum(L[i][t] * z[t] for t in range(k)) for i in range(k)]
    return Problem("mvn_density", {"mean": _vec(mu), "cov": _mat(cov), "x": _vec(x)},
                   f"$X \\sim N(\\mu, \\Sigma)$ with $\\mu = {_vec(mu)}$ and "
                   f"$\\Sigma = {_mat(cov)}$. Find the density at $x = {_vec(x)}$ "
                   "(show $\\det \\Sigma$ and the quadratic form).", _NONE)


# ------------------------------------------------------------------ combinations
# legs (u, v) of u² + v² = w²: a normal combination's sd comes out whole
_TRIPLES = ((3, 4), (4, 3), (6, 8), (8, 6), (5, 12), (12, 5))


def _coef_term(a: int, name: str, first: bool) -> str:
    mag = "" if abs(a) == 1 else str(abs(a))
    if first:
        return f"{'-' if a < 0 else ''}{mag}{name}"
    return f" {'-' if a < 0 else '+'} {mag}{name}"


def _normal_pair(rng: random.Random, scaled: bool) -> tuple[dict, str]:
    u, v = rng.choice(_TRIPLES)
    a = rng.choice([d for d in (1, 2, 3) if u % d == 0]) if scaled else 1
    b = rng.choice([d for d in (1, 2) if v % d == 0]) if scaled else 1
    b *= rng.choice((1, -1)) if scaled else 1
    m1, m2 = rng.randint(-3, 10), rng.randint(-3, 10)
    variables = {"X": f"normal({m1}, {u // a})", "Y": f"normal({m2}, {v // abs(b)})"}
    expr = _coef_term(a, "X", True) + _coef_term(b, "Y", False)
    c = rng.randint(-5, 5) if scaled else 0
    if c:
        expr += f" {'-' if c < 0 else '+'} {abs(c)}"
    return variables, expr


@GENERATORS.add("distribution_of", **_LOOSE)
def _gen_distribution_of(rng: random.Random, level: Level) -> Problem:
    kind = rng.choice(level.pick(("normal",), ("normal", "poisson"),
                                 ("normal", "binomial", "gamma")))
    if kind == "normal":
        variables, expr = _normal_pair(rng, level.difficulty != "easy")
    elif kind == "poisson":
        variables, expr = {"X": f"poisson({rng.randint(1, 6)})",
                           "Y": f"poisson({rng.randint(1, 6)})"}, "X + Y"
    elif kind == "binomial":
        p = rng.choice(("0.5", "0.2", "0.25"))
        variables, expr = {"X": f"binomial({rng.randint(2, 8)}, {p})",
                           "Y": f"binomial({rng.randint(2, 8)}, {p})"}, "X + Y"
    else:
        scale = rng.choice((1, 2, 3))
        variables, expr = {"X": f"gamma({rng.randint(1, 4)}, {scale})",
                           "Y": f"gamma({rng.randint(1, 4)}, {scale})"}, "X + Y"
    laws = ", ".join(f"${k} \\sim \\mathrm{{{v.split('(')[0].capitalize()}}}({v.split('(')[1]}$"
                     for k, v in variables.items())
    return Problem("distribution_of", {"variables": variables, "expression": expr},
                   f"{laws}, independent. Find the distribution of ${expr}$ (family and "
                   "parameters; a normal as mean and standard deviation).", _NONE)


@GENERATORS.add("sampling_distribution", **_LOOSE)
def _gen_sampling_distribution(rng: random.Random, level: Level) -> Problem:
    n = rng.choice((16, 25, 36, 64, 100)) if level.size is None else max(2, level.size)
    root = round(n**0.5)
    inputs: dict[str, Any] = {"n": str(n)}
    if level.difficulty == "hard":  # not normal: the central limit theorem
        law = rng.choice((f"exponential({rng.choice((1, 2, 4))})",
                          f"poisson({root * root // 4 or 1})", f"uniform(0, {2 * root})"))
        story = f"$X_i \\sim$ {law}"
    else:
        sigma = root * rng.choice((1, 2, 3))
        law = f"normal({rng.randint(20, 120)}, {sigma})"
        story = f"$X_i \\sim N$ with mean {law[7:].split(',')[0]} and sd {sigma}"
    inputs["distribution"] = law
    stat = "the mean $\\bar X$"
    if level.difficulty == "medium" and rng.random() < 0.5:
        inputs["statistic"] = "sum"
        stat = "the sum $X_1 + \\dots + X_n$"
    return Problem("sampling_distribution", inputs,
                   f"{story}, independent, for $i = 1, \\dots, {n}$. Find the (approximate) "
                   f"distribution of {stat}.", _NONE)

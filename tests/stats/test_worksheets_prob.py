"""Worksheet generators for probability and random vectors (probability, naive_bayes,
correlation, marginal, mvn_density): every key judged right by an independent reference
(counting outcomes, Fractions by hand, numpy, scipy.stats), the numbers built nice,
byte-identical per seed, and the difficulty changing the problem."""

from __future__ import annotations

import math
import random
import re
from fractions import Fraction
from itertools import product

import numpy as np
import pytest
from scipy import stats
from sympy import sympify

from symbolic_mlmath.core.problems import Level
from symbolic_mlmath.core.tasks import get_task
from symbolic_mlmath.stats.worksheets import GENERATORS

TASKS = ("probability", "naive_bayes", "correlation", "marginal", "mvn_density", "distribution_of",
         "sampling_distribution")
LEVELS = ("easy", "medium", "hard")
SEEDS = range(6)
CASES = [(t, lv, s) for t in TASKS for lv in LEVELS for s in SEEDS]


def _problem(task: str, level: str, seed: int, size: int | None = None):
    return GENERATORS[task].problem(random.Random(seed), Level(level, size))


def _nums(text: str) -> list[Fraction]:
    return [Fraction(v) for v in re.findall(r"-?\d+(?:\.\d+)?", text)]


def _holds(text: str, xs: tuple[int, ...]) -> bool:
    """A generated dice event, read here by its own small grammar."""
    if text == "X1 > X2":
        return xs[0] > xs[1]
    m = re.fullmatch(r"(.+?) (>=|=) (\d+)", text)
    assert m, text
    left, op, right = m.group(1), m.group(2), int(m.group(3))
    if left == "max(X1, X2)":
        value = max(xs[:2])
    elif re.fullmatch(r"X\d( \+ X\d)*", left):
        value = sum(xs[int(v[1:]) - 1] for v in left.split(" + "))
    else:  # pragma: no cover - a new event kind needs a reference here
        raise AssertionError(text)
    return value >= right if op == ">=" else value == right


def _rule_reference(probs: dict, event: str) -> Fraction:
    a, b, ab = (Fraction(probs[k]) for k in ("A", "B", "A and B"))
    return {"A or B": a + b - ab, "not A": 1 - a, "A given B": ab / b, "B given A": ab / a,
            "not (A or B)": 1 - a - b + ab}[event]


def _probability(i: dict) -> Fraction:
    if "probabilities" in i:
        return _rule_reference(i["probabilities"], i["event"])
    faces = {int(re.fullmatch(r"die\((\d+)\)", d).group(1)) for d in i["variables"].values()}
    (f,) = faces
    space = [xs for xs in product(range(1, f + 1), repeat=len(i["variables"]))
             if "given" not in i or _holds(i["given"], xs)]
    return Fraction(sum(_holds(i["event"], xs) for xs in space), len(space))


def _joint(pmf: dict) -> tuple[np.ndarray, list[Fraction]]:
    cells = {tuple(int(v) for v in re.findall(r"-?\d+", k)): Fraction(p) for k, p in pmf.items()}
    rows = 1 + max(r for r, _ in cells)
    cols = 1 + max(c for _, c in cells)
    grid = np.zeros((rows, cols))
    for (r, c), p in cells.items():
        grid[r, c] = float(p)
    return grid, list(cells.values())


def _check(task: str, i: dict, r: object) -> None:
    if task == "probability":
        want = _probability(i)
        assert r == want and 0 < want < 1 and want.denominator <= 216
    elif task == "naive_bayes":
        prior = {c: Fraction(p) for c, p in i["prior"].items()}
        score = {c: prior[c] * math.prod(Fraction(i["likelihoods"][w][c]) for w in i["words"])
                 for c in prior}
        z = sum(score.values())
        want = {c: s / z for c, s in score.items()}
        assert {str(k): v for k, v in r.items()} == want
        assert max(v.denominator for v in want.values()) <= 60
    elif task == "correlation":
        if "joint_pmf" in i:
            grid, _ = _joint(i["joint_pmf"])
            xs, ys = np.arange(grid.shape[0]), np.arange(grid.shape[1])
            px, py = grid.sum(1), grid.sum(0)
            ex, ey = xs @ px, ys @ py
            cov = xs @ grid @ ys - ex * ey
            want = cov / np.sqrt((xs**2 @ px - ex**2) * (ys**2 @ py - ey**2))
        else:
            x, y = np.array(_nums(i["x"]), float), np.array(_nums(i["y"]), float)
            want = np.corrcoef(x, y)[0, 1]
            assert float(np.mean(x)).is_integer() and float(np.mean(y)).is_integer()
        assert abs(float(r) - want) < 1e-12 and 0.2 <= abs(want) < 1
        assert Fraction(str(r)).denominator <= 100  # r is a fraction, not a root
    elif task == "marginal":
        grid, probs = _joint(i["joint_pmf"])
        assert sum(probs) == 1 and all(p >= 0 for p in probs)
        if "given" in i:
            col = grid[:, int(i["given"])]
            want = col / col.sum()
        else:
            want = grid.sum(1) if i["variable"] == "X" else grid.sum(0)
        got = [float(v) for _, v in sorted(r.items())]
        assert np.allclose(got, want, atol=1e-12)
    elif task == "mvn_density":
        mu, x = np.array(_nums(i["mean"]), float), np.array(_nums(i["x"]), float)
        k = len(mu)
        cov = np.array(_nums(i["cov"]), float).reshape(k, k)
        want = stats.multivariate_normal(mu, cov).pdf(x)
        assert abs(float(r) - want) < 1e-12 * max(1, want)
        det = round(np.linalg.det(cov))
        assert round(det**0.5) ** 2 == det  # det Σ a perfect square
        q = (x - mu) @ np.linalg.solve(cov, x - mu)
        assert abs(q - round(q)) < 1e-9  # the quadratic form is whole
    elif task == "distribution_of":
        terms = re.findall(r"([+-]?) ?(\d*)([XYZ])", i["expression"].replace(" ", ""))
        const = re.search(r"[+-]\d+$", i["expression"].replace(" ", ""))
        laws = {k: _scipy(v) for k, v in i["variables"].items()}
        coef = {v: (-1 if sign == "-" else 1) * int(mag or 1) for sign, mag, v in terms}
        mean = sum(c * laws[v].mean() for v, c in coef.items()) + (int(const.group())
                                                                  if const else 0)
        var = sum(c * c * laws[v].var() for v, c in coef.items())
        got = _scipy(str(r))
        assert _close(got.mean(), mean) and _close(got.var(), var)
        families = {v.split("(")[0] for v in i["variables"].values()}
        assert str(r).split("(")[0].lower() == families.pop()  # the family is closed
        if str(r).startswith("Normal"):
            assert float(got.std()).is_integer()  # a whole sd
    elif task == "sampling_distribution":
        law, n = _scipy(i["distribution"]), int(i["n"])
        k = n if i.get("statistic") == "sum" else 1
        got = _scipy(str(r))
        assert str(r).startswith("Normal")
        assert _close(got.mean(), k * law.mean()) and _close(got.var(), k * k * law.var() / n)
    else:  # pragma: no cover
        raise AssertionError(task)


def _close(a: float, b: float) -> bool:
    return abs(float(a) - float(b)) <= 1e-12 * max(1.0, abs(float(b)))


def _scipy(text: str):
    """A law written ``name(a, b)`` (ours or the engine's) as a frozen scipy distribution."""
    name, args = re.fullmatch(r"(\w+)\((.*)\)", text.strip()).groups()
    a = [float(sympify(v)) for v in args.split(",")]
    return {"normal": lambda: stats.norm(a[0], a[1]), "poisson": lambda: stats.poisson(a[0]),
            "binomial": lambda: stats.binom(int(a[0]), a[1]),
            "gamma": lambda: stats.gamma(a[0], scale=a[1]),
            "exponential": lambda: stats.expon(scale=1 / a[0]),
            "uniform": lambda: stats.uniform(a[0], a[1] - a[0])}[name.lower()]()


@pytest.mark.parametrize(("task", "level", "seed"), CASES)
def test_key_matches_an_independent_reference(task: str, level: str, seed: int) -> None:
    p = _problem(task, level, seed)
    _check(task, p.inputs, get_task(task).solve(p.inputs).result)


@pytest.mark.parametrize(("task", "level", "seed"), CASES)
def test_byte_identical_per_seed(task: str, level: str, seed: int) -> None:
    a, b = _problem(task, level, seed), _problem(task, level, seed)
    assert repr(a) == repr(b) and a.words == b.words


@pytest.mark.parametrize("task", TASKS)
def test_difficulty_changes_the_problem(task: str) -> None:
    for seed in SEEDS:
        assert _problem(task, "easy", seed).inputs != _problem(task, "hard", seed).inputs


@pytest.mark.parametrize(("task", "size", "probe"), [
    ("probability", 3, lambda i: len(i["variables"]) == 3),
    ("naive_bayes", 4, lambda i: len(i["words"]) == 4),
    ("correlation", 10, lambda i: len(_nums(i["x"])) == 10),
    ("marginal", 4, lambda i: 1 + max(int(k[1]) for k in i["joint_pmf"]) == 4),
    ("mvn_density", 3, lambda i: len(_nums(i["mean"])) == 3),
    ("sampling_distribution", 49, lambda i: i["n"] == "49"),
])
def test_size_sets_the_size(task: str, size: int, probe) -> None:
    for seed in range(3):
        p = _problem(task, "medium", seed, size)
        assert probe(p.inputs), p.inputs
        _check(task, p.inputs, get_task(task).solve(p.inputs).result)


def test_keys_read_as_a_learner_writes_them() -> None:
    from symbolic_mlmath.publish.worksheet import make_problem

    m = make_problem("marginal", "seed-1", Level("hard"))
    assert re.fullmatch(r"\d: [\d/]+(, \d: [\d/]+)+", m.answer), m.answer
    d = make_problem("mvn_density", "seed-2", Level("medium"))
    assert re.fullmatch(r".*exp\(.*pi.*", d.answer), d.answer
    assert make_problem("mvn_density", "seed-2", Level("medium")).answer == d.answer
    b = make_problem("naive_bayes", "seed-3", Level("easy"))
    assert re.fullmatch(r"spam: \d+/\d+, ham: \d+/\d+", b.answer), b.answer

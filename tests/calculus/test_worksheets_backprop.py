"""The backprop worksheet generator: every gradient in the key is checked against central
finite differences of a forward pass written here with numpy (not our engine); the error
at the output is built to be small (so every gradient is whole or a half); byte-identical
per seed; difficulty and size change the network."""

from __future__ import annotations

import json
import random
import re

import numpy as np
import pytest
from sympy import MatrixBase

from symbolic_mlmath.calculus.worksheets import GENERATORS
from symbolic_mlmath.core.problems import Level
from symbolic_mlmath.core.tasks import get_task

LEVELS = ("easy", "medium", "hard")
CASES = [(lv, s) for lv in LEVELS for s in range(8)]
_ACT = {"relu": lambda z: np.maximum(z, 0.0), "linear": lambda z: z,
        "sigmoid": lambda z: 1 / (1 + np.exp(-z))}


def _problem(level: str, seed: int, size: int | None = None):
    return GENERATORS["backprop"].problem(random.Random(seed), Level(level, size))


def _params(text: str) -> dict[str, np.ndarray]:
    return {k: np.array(json.loads(v), float) for k, v in
            re.findall(r"(\w+) = (\[[\[\]\d, -]*\])", text)}


def _loss(i: dict, P: dict[str, np.ndarray]) -> float:
    acts = [part.split()[1] for part in i["network"].split(" -> ")[1:]]
    a = np.array(json.loads(i["x"]), float)
    for k, act in enumerate(acts, start=1):
        a = _ACT[act](P[f"W{k}"] @ a + P[f"b{k}"])
    y = np.array(json.loads(i["y"]), float)
    if i["loss"] == "bce":
        return float(-(y * np.log(a) + (1 - y) * np.log(1 - a)).sum())
    return float(0.5 * ((a - y) ** 2).sum())


def _numeric_gradient(i: dict, name: str) -> np.ndarray:
    P = _params(i["params"])
    g = np.zeros_like(P[name])
    h = 1e-6
    for idx in np.ndindex(*P[name].shape):
        up = {k: v.copy() for k, v in P.items()}
        down = {k: v.copy() for k, v in P.items()}
        up[name][idx] += h
        down[name][idx] -= h
        g[idx] = (_loss(i, up) - _loss(i, down)) / (2 * h)
    return g


@pytest.mark.parametrize(("level", "seed"), CASES)
def test_every_gradient_matches_finite_differences(level: str, seed: int) -> None:
    i = _problem(level, seed).inputs
    r = get_task("backprop").solve(i).result
    assert abs(float(r["loss"]) - _loss(i, _params(i["params"]))) < 1e-12
    names = list(_params(i["params"]))
    assert len(names) == 2 * len(i["network"].split(" -> ")[1:])
    for name in names:
        got = r[f"dL/d{name}"]
        assert isinstance(got, MatrixBase)
        want = _numeric_gradient(i, name)
        got = np.array(got.tolist(), float).reshape(want.shape)
        assert np.allclose(got, want, atol=1e-6), (name, got, want)
        assert np.allclose(2 * got, np.round(2 * got))  # whole numbers or halves
    out = np.array(json.loads(i["x"]), float)
    P = _params(i["params"])
    for k, part in enumerate(i["network"].split(" -> ")[1:], start=1):
        z = P[f"W{k}"] @ out + P[f"b{k}"]
        if "relu" in part:
            assert np.all(z != 0)  # never at the kink
        out = _ACT[part.split()[1]](z)


@pytest.mark.parametrize("level", LEVELS)
def test_every_step_is_nice(level: str) -> None:
    """Every number in every step (forward pass, deltas, gradients) within the generator's
    bounds: whole numbers up to 200, halves at most."""
    from symbolic_mlmath.publish.worksheet import is_nice

    gen = GENERATORS["backprop"]
    for seed in range(6):
        d = get_task("backprop").solve(_problem(level, seed).inputs)
        assert is_nice(d, gen.max_numerator, gen.max_denominator)


@pytest.mark.parametrize(("level", "seed"), CASES)
def test_byte_identical_per_seed(level: str, seed: int) -> None:
    a, b = _problem(level, seed), _problem(level, seed)
    assert repr(a) == repr(b) and a.words == b.words


def test_difficulty_and_size_change_the_network() -> None:
    nets = {lv: {_problem(lv, s).inputs["network"] for s in range(4)} for lv in LEVELS}
    assert nets == {"easy": {"2 -> 1 linear"}, "medium": {"2 -> 2 relu -> 1 linear"},
                    "hard": {"2 -> 2 relu -> 1 sigmoid"}}
    assert _problem("easy", 0, 3).inputs["network"] == "3 -> 1 linear"
    assert _problem("medium", 0, 3).inputs["network"] == "2 -> 3 relu -> 1 linear"


def test_the_key_gives_the_loss_and_every_gradient() -> None:
    from symbolic_mlmath.publish.worksheet import make_problem

    p = make_problem("backprop", "seed-1", Level("medium"))
    assert re.fullmatch(r"loss = [\d/]+, dL/dW1 = \[\[.*\]\], dL/db1 = \[.*\], "
                        r"dL/dW2 = \[\[.*\]\], dL/db2 = \[-?[\d/]+\]", p.answer), p.answer
    assert make_problem("backprop", "seed-1", Level("medium")).answer == p.answer

"""Every registered task has a worksheet generator: a new task without one fails here."""

from __future__ import annotations

import random

import pytest

from symbolic_mlmath.core.problems import Generator, Level, Problem
from symbolic_mlmath.core.subjects import table
from symbolic_mlmath.core.tasks import all_tasks

NAMES = sorted({t.name for t in all_tasks().values()})


def test_every_registered_task_has_a_generator() -> None:
    missing = [name for name in NAMES if name not in table("generators")]
    assert not missing, f"tasks without a worksheet generator: {', '.join(missing)}"


@pytest.mark.parametrize("name", NAMES)
def test_each_generator_makes_a_problem_of_its_task(name: str) -> None:
    gen = table("generators")[name]
    assert isinstance(gen, Generator) and gen.task == name
    p = gen.problem(random.Random(0), Level("medium"))
    assert isinstance(p, Problem) and p.task == name and p.words


@pytest.mark.parametrize("name", NAMES)
def test_each_key_is_accepted_by_its_tasks_checker(name: str) -> None:
    """The key printed on an answer sheet is an answer ``mlmath check`` marks right (a
    consistency check: the keys' correctness is judged by independent references in each
    subject's worksheet tests)."""
    import symbolic_mlmath as sm
    from symbolic_mlmath.publish.worksheet import make_problem

    p = make_problem(name, "key-check", Level("medium"))
    inputs, answer = dict(p.inputs), p.answer
    if name == "backprop":  # one partial derivative at a time: the first weight matrix
        inputs["wrt"] = "W1"
        answer = answer.split("dL/dW1 = ")[1].split("]], ")[0] + "]]"
    v = sm.check(name, answer=answer, **inputs)
    assert v.correct is True, (inputs, answer, v.feedback)


_DUMP = """
import random
from symbolic_mlmath.core.problems import Level
from symbolic_mlmath.core.subjects import table
for name, gen in sorted(table("generators").items()):
    for level in ("easy", "medium", "hard"):
        for seed in range(3):
            print(repr(gen.problem(random.Random(seed), Level(level))))
"""


def test_problems_are_the_same_in_every_process() -> None:
    """Byte-identical per seed whatever the hash seed (no set or dict-of-set order leaks)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import symbolic_mlmath

    root = str(Path(symbolic_mlmath.__file__).resolve().parents[1])  # this checkout's package
    path = os.pathsep.join([root, *filter(None, [os.environ.get("PYTHONPATH")])])
    outs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": path}
        run = subprocess.run([sys.executable, "-c", _DUMP], capture_output=True, text=True,
                             env=env, timeout=300, check=True)
        outs.append(run.stdout)
    assert outs[0] == outs[1] and outs[0].count("Problem(task=") == 9 * len(table("generators"))


@pytest.mark.parametrize("name", NAMES)
def test_the_difficulty_changes_every_problem(name: str) -> None:
    gen = table("generators")[name]
    for seed in range(6):
        easy = gen.problem(random.Random(seed), Level("easy"))
        hard = gen.problem(random.Random(seed), Level("hard"))
        assert easy.inputs != hard.inputs, (seed, easy.inputs)

"""Linear-algebra worksheet generators: every key answer passes check, steps stay nice."""

from __future__ import annotations

import pytest

import symbolic_mlmath as sm
from symbolic_mlmath.core.tasks import all_tasks
from symbolic_mlmath.linalg.worksheets import GENERATORS
from symbolic_mlmath.publish import worksheet as ws

W12 = ("solve_system", "classify_system", "det", "singular", "rank", "ref", "rref")


def test_generators_for_weeks_1_and_2():
    for task in W12:
        assert task in GENERATORS, task
    assert {t for ts in ws.topics_with_generators().values() for t in ts} >= set(W12)


def _registered_generators() -> list[str]:
    return [t for t in GENERATORS if t in all_tasks()]


@pytest.mark.parametrize("task", _registered_generators())
def test_every_key_answer_passes_check_and_steps_are_nice(task):
    gen = GENERATORS[task]
    for k in range(6):
        p = ws.make_problem(task, f"test/{task}/{k}")
        assert p.task == task
        v = sm.check(task, answer=p.answer, **p.inputs)
        assert v.correct is True, (p.inputs, p.answer, v.feedback)
        assert ws.is_nice(p.derivation, gen.max_numerator, gen.max_denominator), p.inputs


def test_backwards_construction_gives_integers():
    from sympy import Matrix

    p = ws.make_problem("det", "int")
    assert Matrix(p.inputs["matrix"]).det().is_Integer
    for k in range(5):
        p = ws.make_problem("solve_system", f"sys/{k}")
        assert all(v.is_Integer for v in p.derivation.result.values() if v.is_number)


def test_subject_table_is_the_merged_table():
    assert set(GENERATORS) <= set(ws.generators())

"""Every relation a rendered page shows is true, re-checked from the step data.

Each derivation of the workbook (``derivations/``) and of the corpus is rendered in
every format at every detail level; every displayed ``lhs = rhs``, ``lhs ~ rhs``,
``lhs ⟹ rhs``, ``lhs ≠ rhs`` and ``name = value`` was recorded by the one function
that shows relations, and is checked here with the objects themselves.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sympy import ImmutableMatrix

import symbolic_mlmath as sm
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.linalg.rules import LinalgRule
from symbolic_mlmath.render import render
from symbolic_mlmath.render.displays import Relation, chain, recording
from symbolic_mlmath.render.formats import TEXT
from tests.render.checks import problem_with, validated
from tests.render.corpus import CORPUS, topic_derivations

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "derivations").glob("c[0-9]w[0-9]_*.py"))
PAGES = [pytest.param(p, id=p.stem) for p in FILES]
FORMATS = ("text", "latex")  # Markdown shows the same displays as LaTeX
DETAILS = ("overview", "standard", "full")


def _check_all(derivations, label: str) -> int:
    """Render each derivation every way; check every distinct relation shown once."""
    bad, seen = [], 0
    for d in derivations:
        validated(d)
        checked: set = set()
        for fmt in FORMATS:
            for detail in DETAILS:
                with recording() as shown:
                    render(d, fmt, detail=detail)
                seen += len(shown)
                for r in shown:
                    key = (r.rel, str(r.lhs), str(r.rhs), id(r.step))
                    if key in checked:
                        continue
                    checked.add(key)
                    problem = problem_with(r, d)
                    if problem:
                        bad.append(f"{label} / {d.title} / {fmt} {detail}: {problem}")
    assert not bad, "\n".join(bad[:20])
    return seen


@pytest.mark.parametrize("path", PAGES)
def test_every_workbook_relation_holds(path):
    ds = topic_derivations(path)
    assert _check_all(ds, path.stem) > 0


@pytest.mark.parametrize(("task", "inputs"), CORPUS, ids=[f"{t}-{k}" for k, (t, _) in
                                                             enumerate(CORPUS)])
def test_every_corpus_relation_holds(task, inputs):
    assert _check_all([sm.solve(task, **inputs)], task) > 0


def test_the_checker_catches_a_false_display():
    """The old eigenspace display showed A = A - λI: the checker must reject it."""
    A = ImmutableMatrix([[2, 1], [1, 2]])
    step = Step(LinalgRule.SHIFT_DIAGONAL, A, ImmutableMatrix([[1, 1], [1, 1]]),
                {"eigenvalue": 1})
    with recording() as shown:
        TEXT.display(chain(step.before, "=", step.after, step=step))
    (r,) = shown
    assert "false" in problem_with(r, None)
    wrong = Relation("~", A, ImmutableMatrix([[1, 0], [0, 0]]), step)
    assert problem_with(wrong, None)
    named = Relation("named", "rank", 5, Step(LinalgRule.READ_RANK, A, 2, {"pivots": 2}))
    assert problem_with(named, None)


def test_the_shift_display_is_true_and_recorded():
    d = sm.solve("eigenvectors", matrix=[[2, 1], [1, 2]])
    with recording() as shown:
        render(d, "markdown", detail="standard")
    shifts = [r for r in shown if r.step is not None
              and r.step.rule == LinalgRule.SHIFT_DIAGONAL and r.rel == "="]
    assert shifts and all(problem_with(r, d) is None for r in shifts)

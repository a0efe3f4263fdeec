"""The references ``validate()`` compares with come from SymPy itself, not from our engines:
with the engine's functions disabled, every reference is still computed."""

from __future__ import annotations

import pytest

import symbolic_mlmath as sm


def _disabled(*args, **kwargs):  # pragma: no cover - called only by a regression
    raise AssertionError("the reference reused the engine")


CASES = [
    ("norm", {"v": "[3, 4]", "ord": "1"}, [("symbolic_mlmath.linalg.vectors", "norm_value"),
                                           ("symbolic_mlmath.linalg.vectors", "VecOp")]),
    ("angle", {"u": "[1, 0]", "v": "[1, 1]"}, [("symbolic_mlmath.linalg.vectors", "VecOp")]),
    ("projection", {"u": "[1, 2]", "v": "[3, 1]"},
     [("symbolic_mlmath.linalg.vectors", "VecOp")]),
    ("eigenvalues", {"matrix": "[[2, 1, 0], [1, 3, 1], [0, 1, 4]]"},
     [("symbolic_mlmath.linalg.eigen", "eigen_roots"),
      ("symbolic_mlmath.linalg.eigen", "_charpoly_reference")]),
    ("diagonalize", {"matrix": "[[2, 1], [1, 2]]"},
     [("symbolic_mlmath.core.exact", "exact_rank"),
      ("symbolic_mlmath.linalg.eigen", "eigen_roots")]),
    ("pca", {"data": "[[2, 0], [0, 2], [3, 1], [1, 3]]"},
     [("symbolic_mlmath.linalg.eigen", "eigen_roots"),
      ("symbolic_mlmath.linalg.eigen", "eigenspace_steps")]),
]


@pytest.mark.parametrize(("task", "inputs", "engine"), CASES, ids=[c[0] for c in CASES])
def test_reference_does_not_reuse_the_engine(task, inputs, engine, monkeypatch) -> None:
    import importlib

    d = sm.solve(task, **inputs)
    for module, name in engine:
        monkeypatch.setattr(importlib.import_module(module), name, _disabled)
    from symbolic_mlmath.core.verify import same_value

    ref = d.reference()
    assert same_value(d.result, ref), (d.result, ref)


def test_references_accept_right_answers() -> None:
    for task, kw, _ in CASES:
        sm.solve(task, **kw).validate()
    sm.solve("diagonalize", matrix="[[a, c], [c, b]]").validate()

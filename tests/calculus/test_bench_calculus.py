"""The differentiation benchmark runs in its quick mode and prints its ratios (no timing asserted)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_calculus.py"


def test_bench_calculus_quick_mode_prints_ratios(capsys):
    spec = importlib.util.spec_from_file_location("bench_calculus", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--quick"]) == 0
    text = capsys.readouterr().out
    for label in ("derivative with steps", "Hessian", "equivalent derivative answer"):
        assert label in text, label
    assert "misjudged 0" in text
    assert len(module.corpus()) == 30

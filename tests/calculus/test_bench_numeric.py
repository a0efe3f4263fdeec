"""The numeric-bridge benchmark runs in its quick mode and prints its ratios (no timing asserted)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_numeric.py"


def test_bench_numeric_quick_mode_prints_ratios(capsys):
    spec = importlib.util.spec_from_file_location("bench_numeric", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--quick"]) == 0
    text = capsys.readouterr().out
    for label in ("log-loss gradient", "gradient descent, 1000 iterations", "exact table"):
        assert label in text, label
    assert text.count("[met") + text.count("[NOT MET") == 3

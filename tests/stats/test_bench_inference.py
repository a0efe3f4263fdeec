"""The inference benchmark runs in its quick mode and prints its ratios (no timing asserted)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_inference.py"


def test_bench_inference_quick_mode_prints_ratios(capsys):
    spec = importlib.util.spec_from_file_location("bench_inference", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--quick"]) == 0
    text = capsys.readouterr().out
    for label in ("NIST StRD", "lls Filip", "anova SmLs09", "Maximum likelihood", "t_test with steps",
                  "every certified value LRE >= 14"):
        assert label in text, label
    assert "LRE >= 14 (1" in text and "NOT MET" not in text.split("Targets")[1].splitlines()[1]

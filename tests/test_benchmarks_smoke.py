"""The benchmark script runs in its quick mode and prints ratios (no timing asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench.py"


def test_benchmark_quick_mode_prints_ratios():
    out = subprocess.run([sys.executable, str(BENCH), "--quick"], capture_output=True,
                         text=True, timeout=240, check=False)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    for op in ("rref solve()", "rref derive_rref", "det solve()", "rank solve()"):
        assert op in text, op
    assert re.search(r"\d+\.\d\dx", text), "no ratio printed"
    assert "check('det'" in text
    assert "mlmath --help" in text
    assert "targets:" in text
    lines = text.split("targets:", 1)[1].strip().splitlines()
    marked = [ln for ln in lines if ln.strip().startswith("[")]
    assert len(marked) >= 3, "too few targets reported"
    for line in marked:  # each target: a verdict, what it asks, and a measured number
        assert re.match(r"\s*\[(met    |NOT MET)\] .+: .*\d", line), line

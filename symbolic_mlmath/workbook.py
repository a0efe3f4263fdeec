"""The workbook: run every derivation in ``derivations/`` and report its self-checks.

Examples
========
>>> from pathlib import Path
>>> files = derivation_files()
>>> all(p.suffix == ".py" for p in files)
True
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

__all__ = ["derivation_files", "main", "run_workbook"]


def _root() -> Path:
    return Path(__file__).resolve().parent.parent


def derivation_files(folder: str | Path | None = None, topics: list[str] | None = None) -> list[Path]:
    """Every derivation file (``c1w1_systems.py`` ...), optionally only the given topics."""
    d = Path(folder) if folder else _root() / "derivations"
    files = sorted(p for p in d.glob("c[0-9]w[0-9]_*.py"))
    if topics:
        want = {t.replace("-", "_") for t in topics}
        files = [p for p in files if p.stem in want or any(p.stem.startswith(w) for w in want)]
    return files


def run_workbook(out: str | Path = "build/workbook", topics: list[str] | None = None,
                 detail: str = "standard", echo: bool = True) -> list[Any]:
    """Build every topic, print its steps and self-checks; return the topics."""
    from .topic import load_topic

    out = Path(out)
    results = []
    for path in derivation_files(topics=topics):
        t0 = time.perf_counter()
        topic = load_topic(path, out_dir=out / "figures")
        if echo:
            print(topic.to_text(detail))
            print(f"({path.stem}: {time.perf_counter() - t0:.2f} s)\n")
        results.append(topic)
    return results


def main(argv: list[str] | None = None) -> int:
    """``mlmath workbook``: exit 1 if any self-check failed."""
    import argparse

    p = argparse.ArgumentParser(prog="mlmath workbook")
    p.add_argument("--out", default="build/workbook")
    p.add_argument("--topics", nargs="*", default=None)
    p.add_argument("--detail", default="standard", choices=("overview", "standard", "full"))
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    topics = run_workbook(args.out, args.topics, args.detail)
    bad = [t.id for t in topics if not t.ok]
    print(f"workbook: {len(topics)} topics in {time.perf_counter() - t0:.1f} s; "
          f"self-checks {'all passed' if not bad else 'FAILED in ' + ', '.join(bad)}")
    return 1 if bad else 0

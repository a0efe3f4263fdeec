"""Every derivation file builds, checks itself, draws a figure and shows its steps."""

from __future__ import annotations

from pathlib import Path

import pytest

from symbolic_mlmath.publish.topic import load_topic

DERIVATIONS = Path(__file__).resolve().parent.parent / "derivations"
FILES = sorted(p for p in DERIVATIONS.glob("*.py") if not p.name.startswith("_"))


def test_there_are_derivation_files():
    assert len(FILES) >= 4


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_derivation_file(path, tmp_path):
    topic = load_topic(path, out_dir=tmp_path)
    failed = [f"{c.label}: {c.detail}" for c in topic.checks if not c.ok]
    assert topic.ok, failed
    assert topic.derivations, "no derivation"
    kinds = {c.kind for c in topic.checks}
    assert {"sympy", "numeric"} <= kinds, kinds
    figures = [b for b in topic.blocks if b.kind == "figure"]
    assert figures, "no figure"
    for b in figures:
        for f in b.files:
            assert Path(f).is_file()
            assert Path(f).stat().st_size > 0
    assert topic.to_text().strip()


def test_derivation_files_run_standalone_protocol():
    """Each file ends with the standard ``run_file`` entry point."""
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        assert "raise SystemExit(run_file(__file__))" in text, path.name
        assert "TOPIC = " in text and "TITLE = " in text, path.name


def test_derivations_use_only_the_packages_the_workbook_installs():
    """The workbook build (README's first command) installs only the base dependencies:
    a derivation importing a test-only package (scipy, statsmodels) breaks it, though the
    test suite, which has them, would not notice."""
    import ast

    test_only = {"scipy", "statsmodels", "hypothesis", "pytest", "nbformat", "nbclient",
                 "distributed", "dask", "latex2sympy2_extended"}
    bad = []
    for path in sorted((Path(__file__).parent.parent / "derivations").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            bad += [f"{path.name}:{node.lineno} {n}" for n in names
                    if n.split(".")[0] in test_only]
    assert not bad, bad

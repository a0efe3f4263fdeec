"""The workbook finds the repository's derivation files without being told where they are."""

from __future__ import annotations

from pathlib import Path

from symbolic_mlmath.publish.workbook import derivation_files

ROOT = Path(__file__).resolve().parents[2]


def test_default_folder_is_the_repository_derivations():
    files = derivation_files()
    assert files, "no derivation files found by default"
    assert all(p.parent == ROOT / "derivations" for p in files)
    assert {p.stem for p in files} >= {"c1w1_systems", "c1w4_eigen"}

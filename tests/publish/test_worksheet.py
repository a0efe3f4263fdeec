"""Worksheets: reproducible from the seed, nice steps, and every key answer passes check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from symbolic_mlmath.cli import main as cli_main
from symbolic_mlmath.publish import worksheet as ws
from tests.conftest import check_golden

GOLDEN = Path(__file__).parent / "golden"


def test_same_seed_byte_identical_and_seed_on_the_sheet(tmp_path):
    a = ws.make_worksheet(["c1w1"], count=3, seed=11).write(tmp_path / "a")
    b = ws.make_worksheet(["c1w1"], count=3, seed=11).write(tmp_path / "b")
    assert [p.name for p in a] == [p.name for p in b] and len(a) == 6
    for x, y in zip(a, b, strict=True):
        assert x.read_bytes() == y.read_bytes(), x.name
    for path in a:
        assert "Seed 11" in path.read_text(encoding="utf-8"), path.name
    key = (tmp_path / "a" / "answers-s11.md").read_text(encoding="utf-8")
    assert key.count("**Answer:**") == 6 and "**Step 1:" in key


def test_different_seed_different_problems():
    one = ws.make_worksheet(["c1w1-singularity", "c1w2"], count=3, seed=1)
    two = ws.make_worksheet(["c1w1-singularity", "c1w2"], count=3, seed=2)
    assert [p.inputs for p in one.problems] != [p.inputs for p in two.problems]
    assert [p.task for p in one.problems] == [p.task for p in two.problems]


def test_golden_sheet_and_key(update_golden):
    from sympy import Matrix

    sheet = ws.make_worksheet(["c1w1-singularity"], count=2, seed=5)
    for p in sheet.problems:  # every key answer, recomputed without our engines
        A = Matrix(p.inputs["matrix"])
        want = A.det() if p.task == "det" else A.det() == 0
        assert p.derivation.result == want, (p.task, p.inputs)
    for name, text in (("worksheet_s5.md", sheet.to_markdown()),
                       ("worksheet_s5.txt", sheet.to_text()),
                       ("answers_s5.md", sheet.to_markdown(answers=True, detail="standard"))):
        check_golden(GOLDEN / name, text, update_golden)


def test_cli_prints_without_out(capsys):
    rc = cli_main(["worksheet", "--topics", "c1w2-echelon-rank", "--count", "2", "--seed", "4"])
    out = capsys.readouterr().out
    assert rc == 0 and "Seed 4" in out and "1. " in out and "2. " in out
    assert "Answer" not in out


def test_cli_writes_sheet_and_key(tmp_path, capsys):
    rc = cli_main(["worksheet", "--topics", "c1w1-systems", "--count", "2", "--seed", "9",
                   "--out", str(tmp_path)])
    assert rc == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(f"{s}-s9.{e}" for s in ("answers", "worksheet")
                           for e in ("html", "md", "tex"))


def test_cli_unknown_topic(capsys):
    rc = cli_main(["worksheet", "--topics", "c9w9-nothing", "--count", "1"])
    assert rc == 2 and "no problem generators" in capsys.readouterr().err


def test_worksheet_tex_compiles(tmp_path):
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex not on PATH: LaTeX output not compiled")
    from symbolic_mlmath.publish.documents import compile_pdf

    files = ws.make_worksheet(["c1w1-systems"], count=2, seed=3).write(tmp_path)
    key = next(p for p in files if p.name == "answers-s3.tex")
    ok, message = compile_pdf(key)
    assert ok, message

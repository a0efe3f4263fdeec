"""The ``mlmath`` command through a subprocess: output, exit status, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

M = "[[2,1,5],[1,2,1],[2,1,3]]"


def mlmath(*args: str, input: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "symbolic_mlmath.cli", *args], capture_output=True,
                          text=True, timeout=120, input=input)


def test_tasks_lists_week_1_2_tasks():
    out = mlmath("tasks").stdout
    for name in ("solve_system", "classify_system", "det", "singular", "rank", "ref", "rref"):
        assert f"\n{name}" in "\n" + out


def test_solve_det_json():
    r = mlmath("solve", "det", "--matrix", M, "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["result"] == -6
    assert data["steps"] and all("rule" in s for s in data["steps"])


@pytest.mark.parametrize("fmt", ["text", "markdown", "latex"])
def test_solve_formats(fmt):
    r = mlmath("solve", "rref", "--matrix", "[[1,2],[3,4]]", "--format", fmt)
    assert r.returncode == 0 and r.stdout.strip()


def test_solve_latex_is_a_document_that_compiles(tmp_path):
    r = mlmath("solve", "eigenvectors", "--matrix", "[[2,1],[1,2]]", "--format", "latex")
    assert r.returncode == 0, r.stderr
    doc = r.stdout
    assert doc.lstrip().startswith(r"\documentclass") and doc.rstrip().endswith(r"\end{document}")
    frag = mlmath("solve", "eigenvectors", "--matrix", "[[2,1],[1,2]]", "--format", "latex",
                  "--fragment").stdout
    assert r"\documentclass" not in frag and frag.lstrip().startswith(r"\subsection*")
    import shutil

    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex not on PATH: the document is not compiled")
    from symbolic_mlmath.publish.documents import compile_pdf

    tex = tmp_path / "eigen.tex"
    tex.write_text(doc, encoding="utf-8")
    ok, message = compile_pdf(tex)
    assert ok, message


def test_check_right_and_wrong():
    r = mlmath("check", "det", "--matrix", M, "--answer", "-6")
    assert r.returncode == 0 and r.stdout.startswith("correct")
    r = mlmath("check", "det", "--matrix", M, "--answer", "7", "--json")
    assert r.returncode == 1
    assert json.loads(r.stdout)["correct"] is False


def test_solve_system_equations_from_the_command_line():
    r = mlmath("solve", "solve_system", "--equations", "x + y = 4; 2x - y = 1", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["result"] == {"x": "5/3", "y": "7/3"}


@pytest.mark.parametrize(("args", "fragment"), [
    (("solve", "nope"), "unknown task"),
    (("solve", "det", "--matrix", "[[1,2],[3]]"), "matrix: row 2 has 1 entries, row 1 has 2"),
    (("solve", "det", "--matrx", M), "unknown input 'matrx'"),
    (("solve", "det"), "missing input --matrix"),
    (("solve", "det", "--matrix", "[[1,2,3],[4,5,6]]"), "square"),
    (("solve", "det", "--matrix", M, "--method", "magic"), "method"),
    (("solve", "det", "--matrix", "__import__('os')"), "matrix"),
    (("check", "det", "--matrix", M), "answer"),
    (("solve", "det", "--matrix", ""), "matrix"),
    (("solve", "det", "--matrix", "[[1/0]]"), "matrix"),
])
def test_errors_are_one_line_with_status_2(args, fragment):
    r = mlmath(*args)
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), r.stderr
    assert fragment in lines[0]
    assert "Traceback" not in r.stderr


def test_help_is_fast_and_does_not_import_sympy():
    code = ("import contextlib, io, sys, symbolic_mlmath.cli as c\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            "    rc = c.main(['--help'])\n"
            "print(rc, 'usage: mlmath' in out.getvalue(), 'sympy' in sys.modules, "
            "'matplotlib' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "0 True False False", r.stdout + r.stderr
    assert mlmath("--help").returncode == 0

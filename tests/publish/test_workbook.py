"""The workbook runner: every format per topic, figures, index, parallel build, progress."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from symbolic_mlmath.cli import main as cli_main
from symbolic_mlmath.publish import workbook

FIXTURES = Path(__file__).parent / "fixtures" / "workbook"
TINY = FIXTURES / "c9w9_tiny.py"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("wb")
    return workbook.build_workbook(out, source=FIXTURES, jobs=1, pdf=False), out


def test_every_format_and_the_figures(built):
    (s,), out = built
    assert s["ok"] and s["error"] == "" and s["passed"] == s["checks"] == 3
    for ext in ("md", "tex", "html", "ipynb"):
        assert (out / f"c9w9_tiny.{ext}").stat().st_size > 500, ext
    for ext in ("png", "svg"):
        assert (out / "figures" / f"c9w9_tiny_lines.{ext}").exists()
    md = (out / "c9w9_tiny.md").read_text(encoding="utf-8")
    assert "![Two lines meet in one point: the unique solution.](figures/c9w9_tiny_lines.svg)" in md
    assert "data:image/svg+xml;base64," in (out / "c9w9_tiny.html").read_text(encoding="utf-8")
    nb = json.loads((out / "c9w9_tiny.ipynb").read_text(encoding="utf-8"))
    assert any("attachments" in c for c in nb["cells"])


def test_index_lists_topics_with_their_checks(built):
    _, out = built
    md = (out / "index.md").read_text(encoding="utf-8")
    assert "`c9w9-tiny`" in md and "3/3 passed" in md and "[html](c9w9_tiny.html)" in md
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="c9w9_tiny.ipynb"' in html and "3/3 passed" in html


def test_detail_levels_come_from_the_same_steps(tmp_path):
    from symbolic_mlmath.publish.documents import topic_markdown
    from symbolic_mlmath.publish.topic import load_topic

    topic = load_topic(TINY, out_dir=tmp_path / "figures")
    texts = {level: topic_markdown(topic, detail=level).split("\n", 3)[3]  # after the header
             for level in ("overview", "standard", "full")}
    assert len(texts["overview"]) < len(texts["standard"]) <= len(texts["full"])


def _bad_folder(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(TINY, src / "c9w9_tiny.py")
    text = TINY.read_text(encoding="utf-8")
    (src / "c9w8_fails.py").write_text(
        text.replace('"c9w9-tiny"', '"c9w8-fails"').replace(
            'Matrix([[1, 2], [3, 4]]).det())', "5)"), encoding="utf-8")
    (src / "c9w7_raises.py").write_text(
        text.replace('"c9w9-tiny"', '"c9w7-raises"').replace(
            "t.solve(\"det\", matrix=[[1, 2], [3, 4]])", "t.solve(\"det\", matrix=[[1, 2]])"),
        encoding="utf-8")
    return src


def test_cli_parallel_build_reports_failures_and_time(tmp_path, capsys):
    src = _bad_folder(tmp_path)
    out = tmp_path / "out"
    rc = cli_main(["workbook", "--out", str(out), "--source", str(src), "--jobs", "2",
                   "--no-pdf", "--detail", "overview"])
    cap = capsys.readouterr()
    assert rc == 1
    assert "workbook: 3 topics in" in cap.out and " s -> " in cap.out
    assert "FAILED in c9w7-raises, c9w8-fails" in cap.out
    assert "\r" not in cap.err  # no progress bar when stderr is not a terminal
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "2/3 passed (FAILED)" in index and "ERROR: TaskError" in index
    assert (out / "c9w9_tiny.html").exists() and (out / "c9w8_fails.html").exists()


def test_topic_selection_and_no_match(tmp_path, capsys):
    assert [p.stem for p in workbook.derivation_files(FIXTURES, ["c9w9"])] == ["c9w9_tiny"]
    assert workbook.derivation_files(FIXTURES, ["c9w9-tiny"])
    assert workbook.derivation_files(FIXTURES, ["c1w1"]) == []
    rc = workbook.main(["--out", str(tmp_path), "--source", str(FIXTURES), "--topics", "c0w0"])
    assert rc == 2 and "no derivation files" in capsys.readouterr().err


def test_progress_bar_only_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        bar = workbook._Progress(2, stream)
        bar.step("a")
        bar.step("b")
        bar.close()
    assert "\r[" in tty.getvalue() and "2/2" in tty.getvalue()
    assert pipe.getvalue() == ""


def test_katex_copy_mode(tmp_path):
    rc = workbook.main(["--out", str(tmp_path), "--source", str(FIXTURES), "--no-pdf",
                        "--katex", "copy"])
    assert rc == 0
    assert (tmp_path / "katex" / "katex.min.js").exists()
    assert 'src="katex/katex.min.js"' in (tmp_path / "c9w9_tiny.html").read_text(encoding="utf-8")

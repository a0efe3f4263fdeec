"""Documents: golden files for each writer, offline HTML, notebooks, LaTeX, headless browser.

Golden files live in tests/publish/golden/; a missing one fails. Regenerate them after an
intended change with ``python -m pytest tests/publish/test_documents.py --update-golden``;
each golden case also asserts its hand-computed value.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import symbolic_mlmath as sm
from symbolic_mlmath.publish import documents
from symbolic_mlmath.render import html as h
from symbolic_mlmath.render import notebook as nbw
from tests.conftest import check_golden

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
TINY = HERE / "fixtures" / "workbook" / "c9w9_tiny.py"


def normalise(text: str) -> str:
    """Drop what golden files must not pin: inlined KaTeX, image bytes, Python version."""
    text = re.sub(r"<style>[^<]{5000,}</style>", "<style>[katex css]</style>", text)
    text = re.sub(r"<script>.{5000,}?</script>", "<script>[katex js]</script>", text, flags=re.S)
    text = re.sub(r"data:image/[\w+]+;base64,[A-Za-z0-9+/=]+", "data:[image]", text)
    text = re.sub(r'("image/png": )"[A-Za-z0-9+/=]+"', r'\1"[png]"', text)
    return re.sub(r'("version": )"3\.\d+"', r'\1"3.x"', text)


@pytest.fixture
def golden(update_golden):
    def check(name: str, text: str) -> None:
        check_golden(GOLDEN / name, normalise(text), update_golden)

    return check


@pytest.fixture(scope="module")
def det22():
    d = sm.solve("det", matrix=[[1, 2], [3, 4]])
    assert d.result == -2  # by hand: 1*4 - 2*3
    return d


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    from symbolic_mlmath.publish.topic import load_topic

    out = tmp_path_factory.mktemp("tiny")
    topic = load_topic(TINY, out_dir=out / "figures")
    return topic, out


# ------------------------------------------------------------------ golden files
@pytest.mark.parametrize("fmt", ["html", "ipynb", "markdown", "latex"])
def test_single_golden(det22, fmt, golden):
    ext = {"markdown": "md", "latex": "tex"}.get(fmt, fmt)
    golden(f"single_det.{ext}", documents.render_single(det22, fmt))


def test_single_detail_levels_differ(det22):
    texts = {lvl: documents.render_single(det22, "html", detail=lvl)
             for lvl in ("overview", "standard", "full")}
    assert len(texts["overview"]) < len(texts["standard"])


def test_topic_golden(tiny, golden):
    from sympy import Rational, symbols

    topic, out = tiny
    x, y = symbols("x y")
    results = [b.derivation.result for b in topic.blocks if b.derivation is not None]
    # by hand: det [[1,2],[3,4]] = 4 - 6; x + y = 4, 2x - y = 1 gives 3x = 5
    assert results == [-2, {x: Rational(5, 3), y: Rational(7, 3)}]
    golden("tiny.md", documents.topic_markdown(topic, base=out))
    golden("tiny.tex", documents.topic_latex(topic, base=out))
    golden("tiny.html", documents.topic_html(topic, katex="copy"))
    golden("tiny.ipynb", documents.topic_notebook(topic))


def test_unknown_format(det22):
    with pytest.raises(ValueError, match="format"):
        documents.render_single(det22, "docx")


# ------------------------------------------------------------------ Jupyter display
def test_derivation_displays_as_markdown(det22):
    assert not hasattr(type(det22), "_repr_html_")
    assert det22._repr_markdown_().startswith("### ")


# ------------------------------------------------------------------ Markdown reader
@pytest.mark.parametrize(("md", "expected"), [
    ("**a** *b* `c`", "<p><strong>a</strong> <em>b</em> <code>c</code></p>"),
    ("$a<b$ and \\$5", '<p><span class="math">a&lt;b</span> and $5</p>'),
    ("$$x^2$$", '<div class="math display">x^2</div>'),
    ("  $$\nx\n$$", '<div class="math display" style="margin-left:1.5em">x</div>'),
    ("## T *i*", "<h2>T <em>i</em></h2>"),
    ("1. a\n2. b", "<ol>\n<li>a</li>\n<li>b</li>\n</ol>"),
    ("[x](javascript:alert(1))", '<p><a href="#">x</a>)</p>'),
    ("snake_case_name", "<p>snake_case_name</p>"),
    ("<script>", "<p>&lt;script&gt;</p>"),
])
def test_markdown_to_html(md, expected):
    assert h.markdown_to_html(md) == expected


@pytest.mark.parametrize(("md", "expected"), [
    ("**a** and *b*", r"\textbf{a} and \emph{b}"),
    ("50% & $x_1$ #", r"50\% \& $x_1$ \#"),
    ("# Head", r"\section*{Head}"),
    ("- a\n  - b", "\\begin{itemize}\n\\item a\n\\begin{itemize}\n\\item b\n"
                   "\\end{itemize}\n\\end{itemize}"),
    ("$$\\det A$$", r"\[ \det A \]"),
    ("a\\_b `c_d`", r"a\_b \texttt{c\_d}"),
])
def test_markdown_to_latex(md, expected):
    assert documents.markdown_to_latex(md).strip() == expected


# ------------------------------------------------------------------ offline pages
_REMOTE = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//"""
                     r"""|@import""", re.I)


def test_html_loads_nothing_from_the_network(det22, tiny):
    topic, _ = tiny
    single, whole = documents.render_single(det22, "html"), documents.topic_html(topic)
    for page in (single, whole):
        assert not _REMOTE.search(page)
        assert "fonts/KaTeX" not in page  # fonts are inlined as data URIs
        assert page.count("data:font/woff2;base64,") == len(list((h.katex_dir() / "fonts")
                                                               .glob("*.woff2")))
    assert "data:image/svg+xml;base64," in whole  # the topic's figure is inlined too


def test_katex_is_vendored_small():
    d = h.katex_dir()
    for name in h.KATEX_FILES:
        assert (d / name).is_file(), name
    fonts = list((d / "fonts").glob("*"))
    assert fonts and all(f.suffix == ".woff2" for f in fonts)
    assert sum(f.stat().st_size for f in d.rglob("*") if f.is_file()) < 1_000_000


def test_copy_katex(tmp_path):
    target = h.copy_katex(tmp_path)
    assert (target / "katex.min.js").exists() and (target / "LICENSE").exists()
    page = h.page("t", "<p>x</p>", katex="copy")
    assert 'href="katex/katex.min.css"' in page and 'src="katex/katex.min.js"' in page


# ------------------------------------------------------------------ notebooks
def _run_code_cells(nb: dict) -> list:
    """Execute the notebook's code cells in one namespace; the value of ``d`` after each."""
    ns: dict = {}
    values = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            exec("".join(cell["source"]), ns)  # the notebook's own code, written by us
            values.append(ns.get("d"))
    return values


def test_notebook_recomputes_each_derivation(tiny):
    topic, _ = tiny
    nb = json.loads(documents.topic_notebook(topic))
    values = _run_code_cells(nb)[1:]
    assert len(values) == len(topic.derivations)
    for got, want in zip(values, topic.derivations, strict=True):
        assert got.result == want.result


@pytest.mark.parametrize("value", [
    [[1, 2], [3, 4]], "x + y = 4", ["x + y = 4", "2x - y = 1"], True, None, 3, 0.5,
])
def test_py_literal_plain_values_round_trip(value):
    assert eval(nbw.py_literal(value)) == value  # our own literal text


def test_notebooks_validate_with_nbformat(det22, tiny):
    nbformat = pytest.importorskip("nbformat", reason="nbformat not installed "
                                   "(pip install 'symbolic_mlmath[notebook]')")
    topic, _ = tiny
    for text in (documents.render_single(det22, "ipynb"), documents.topic_notebook(topic)):
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)


# ------------------------------------------------------------------ LaTeX
def test_tex_compiles_with_pdflatex(tiny, tmp_path):
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex not on PATH: LaTeX output not compiled")
    topic, out = tiny
    tex = out / "tiny.tex"
    tex.write_text(documents.topic_latex(topic, base=out), encoding="utf-8")
    ok, message = documents.compile_pdf(tex)
    assert ok, message
    assert tex.with_suffix(".pdf").stat().st_size > 1000


# ------------------------------------------------------------------ headless browser
def _chromium() -> str | None:
    """A headless browser on PATH (tests never install one; .ci/run does in CI)."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        exe = shutil.which(name)
        if exe:
            return exe
    return None


@pytest.mark.slow
def test_html_typesets_in_headless_chromium_offline(tiny, tmp_path):
    """Open the page with networking disabled: every formula is typeset, no KaTeX error."""
    exe = _chromium()
    if exe is None:
        pytest.skip("chromium is not on PATH (CI installs it in .ci/run; tests never install "
                    "anything)")
    topic, _ = tiny
    page = tmp_path / "tiny.html"
    page.write_text(documents.topic_html(topic, detail="full"), encoding="utf-8")
    profile = tmp_path / "profile"
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-extensions", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
           "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
           "--dump-dom", page.as_uri()]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120,
                       env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": "/dev/null"})
    dom = r.stdout
    assert dom, r.stderr[-2000:]
    n_math = len(re.findall(r'class="math(?: display)?"', dom))
    typeset = re.search(r'data-typeset="(\d+)"', dom)
    assert typeset and int(typeset.group(1)) == n_math > 5
    assert len(re.findall(r'<span class="katex">', dom)) >= n_math
    assert '<span class="katex-error"' not in dom


@pytest.mark.parametrize("fmt", ["html", "ipynb"])
def test_cli_solve_writes_a_document(tmp_path, fmt):
    from symbolic_mlmath.cli import main as cli_main

    out = tmp_path / f"det.{fmt}"
    rc = cli_main(["solve", "det", "--matrix", "[[2,1,5],[1,2,1],[2,1,3]]", "--format", fmt,
                   "--out", str(out)])
    text = out.read_text(encoding="utf-8")
    assert rc == 0 and "Determinant" in text
    if fmt == "ipynb":
        assert json.loads(text)["nbformat"] == 4
    else:
        assert text.startswith("<!DOCTYPE html>") and not _REMOTE.search(text)

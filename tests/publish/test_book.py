"""The workbook reads as a book: course order, navigation, headings, checks on demand,
print and dark-mode styles, figure alt text, figures that keep everything in the axes,
and a build that reports each topic as it finishes."""

from __future__ import annotations

import itertools
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import matplotlib
import pytest

from symbolic_mlmath.publish import workbook
from symbolic_mlmath.publish.figures import artists_outside
from symbolic_mlmath.publish.layout import parts, plain_text, slug
from symbolic_mlmath.publish.syllabus import SYLLABUS, order_key

matplotlib.use("Agg")

FIXTURES = Path(__file__).parent / "fixtures" / "workbook"
TINY = FIXTURES / "c9w9_tiny.py"


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[str, str | None]] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.imgs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append((tag, a.get("id")))
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "img":
            self.imgs.append(a.get("alt", ""))


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    for name in ("c1w1_systems.py", "c1w1_singularity.py"):  # the syllabus order is systems first
        text = TINY.read_text(encoding="utf-8").replace(
            '"c9w9-tiny"', f'"{name[:-3].replace("_", "-")}"')
        (src / name).write_text(text, encoding="utf-8")
    shutil.copy(TINY, src / "c9w9_tiny.py")
    out = tmp_path_factory.mktemp("book")
    return workbook.build_workbook(out, source=src, jobs=1, pdf=False), out


def test_course_order_and_unknown_topics_find_their_place():
    ids = ["c1w2-echelon-rank", "c3w1-probability", "c1w1-singularity", "c2w9-new-topic",
           "c1w1-systems", "c1w2-elimination"]
    assert sorted(ids, key=order_key) == ["c1w1-systems", "c1w1-singularity",
                                          "c1w2-elimination", "c1w2-echelon-rank",
                                          "c2w9-new-topic", "c3w1-probability"]
    assert list(SYLLABUS) == sorted(SYLLABUS, key=order_key)


def test_index_groups_by_course_and_week_in_course_order(book):
    summaries, out = book
    assert [s["id"] for s in summaries] == ["c1w1-systems", "c1w1-singularity", "c9w9-tiny"]
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "Course 1 — Linear algebra" in html and "<h3>Week 1</h3>" in html
    assert html.index("c1w1_systems.html") < html.index("c1w1_singularity.html")
    md = (out / "index.md").read_text(encoding="utf-8")
    assert "## Course 1 — Linear algebra" in md and "### Week 1" in md


def test_topic_page_is_a_chapter(book):
    _, out = book
    page = (out / "c1w1_singularity.html").read_text(encoding="utf-8")
    o = _Outline()
    o.feed(page)
    levels = [int(h[1]) for h, _ in o.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert len(o.ids) == len(set(o.ids)), "duplicate ids"
    for href in (x for x in o.links if x.startswith("#")):
        assert href[1:] in o.ids, href
    assert 'rel="prev" href="c1w1_systems.html"' in page
    assert 'rel="next" href="c9w9_tiny.html"' in page and 'href="index.html"' in page
    assert '<details class="checks">' in page and "✓ verified" in page
    assert '<details class="dev"><summary>Recompute it in Python' in page
    assert all(alt and not re.fullmatch(r"Figure \d+", alt) for alt in o.imgs), o.imgs
    assert "prefers-color-scheme: dark" in page and "@media print" in page
    assert "<noscript>" in page


def test_distinct_headings_and_anchors():
    assert slug("Rank of $\\begin{bmatrix}1\\end{bmatrix}$") == "rank-of-begin-bmatrix-1-end-bmatrix"
    assert plain_text("the lines meet at $(8, 2)$") == "the lines meet at (8, 2)"
    from symbolic_mlmath.publish.topic import Topic

    t = Topic("c0w0-demo", "Demo")
    for rows in ([[1, 2], [2, 4]], [[1, 0], [0, 1]], [[3, 1], [1, 3]]):
        t.solve("rank", matrix=rows)
    t.solve("rank", heading="The house image", matrix=[[1, 1], [1, 1]])
    heads = [p.heading for p in parts(t) if p.kind == "derivation"]
    assert len(set(heads)) == 4 and heads[-1] == "The house image"
    anchors = [p.anchor for p in parts(t) if p.kind == "derivation"]
    assert len(set(anchors)) == 4

    # one title for different functions (Newton's method five times on a page): the
    # function tells them apart, and a repeat of the same function is numbered
    c = Topic("c0w0-calc", "Calc")
    for f, x0 in (("x^2 - 2", "1"), ("x^3 - 2x - 5", "2"), ("x^2 - 2", "3")):
        c.solve("newton_method", f=f, x0=x0, iterations="3")
    heads = [p.heading for p in parts(c) if p.kind == "derivation"]
    assert len(set(heads)) == 3, heads
    assert heads[0].endswith(": $x^{2} - 2$") and heads[2].endswith("(example 2)"), heads


def test_ref_then_rref_says_the_steps_are_shared():
    from symbolic_mlmath.publish.documents import topic_markdown
    from symbolic_mlmath.publish.topic import Topic

    t = Topic("c0w0-demo", "Demo")
    t.solve("ref", matrix=[[2, 4, 6], [1, 3, 5], [3, 1, 2]])
    t.solve("rref", matrix=[[2, 4, 6], [1, 3, 5], [3, 1, 2]])
    md = topic_markdown(t)
    assert "are those of “Row echelon form” above" in md


def test_figures_keep_every_element_inside_the_axes():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.annotate("", xy=(0.5, 0.5), xytext=(0.1, 0.1), arrowprops={"arrowstyle": "->"})
    ax.plot([0.2, 0.3], [0.2, 0.9], "o", ls="none")
    ax.plot([-5, 5], [0.5, 0.5])  # a line through the frame is fine
    assert artists_outside(fig) == []
    ax.annotate("PC1", xy=(1.5, 0.5), xytext=(0.1, 0.1), arrowprops={"arrowstyle": "->"})
    ax.plot([2.0], [0.5], "o", ls="none")
    problems = artists_outside(fig)
    plt.close(fig)
    assert len(problems) == 2 and "(1.5, 0.5)" in problems[0]


def test_a_figure_losing_an_arrow_fails_its_topic(tmp_path):
    import matplotlib.pyplot as plt

    from symbolic_mlmath.publish.topic import Topic

    t = Topic("c0w0-demo", "Demo", out_dir=tmp_path)
    fig, ax = plt.subplots()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.annotate("", xy=(3, 3), xytext=(0, 0), arrowprops={"arrowstyle": "->"})
    t.figure("lost", fig, "An arrow that is not drawn")
    assert not t.ok and t.figure_problems


def test_cli_prints_a_line_per_topic_as_it_finishes_and_notes_once(tmp_path, capsys,
                                                                    monkeypatch):
    from symbolic_mlmath.publish import documents

    monkeypatch.setattr(documents.shutil, "which", lambda name: None)
    rc = workbook.main(["--out", str(tmp_path), "--source", str(FIXTURES)])
    out = capsys.readouterr().out
    assert rc == 0
    assert re.search(r"^c9w9-tiny: 3/3 self-checks passed; \d+ files; [\d.]+ s$", out, re.M)
    assert out.count("pdflatex not found") == 1 and out.startswith("c9w9-tiny")

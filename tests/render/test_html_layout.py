"""The HTML page's layout as a learner sees it: a substep's rule box sits under the
substep's words (indented with its bullet), not at the page margin; no display math is
left open to swallow the prose after it (an iteration table followed by a full stop)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import symbolic_mlmath as sm
from symbolic_mlmath.render.html import markdown_to_html
from symbolic_mlmath.render.markdown import to_markdown
from tests.render.corpus import topic_of

ROOT = Path(__file__).resolve().parents[2]
PAGES = [pytest.param(p, id=p.stem) for p in sorted((ROOT / "derivations").glob("c[0-9]w[0-9]_*.py"))]


def _indent(tag_html: str) -> float:
    m = re.search(r'margin-left:([\d.]+)em', tag_html)
    return float(m.group(1)) if m else 0.0


def test_a_substeps_rule_is_indented_with_its_bullet():
    d = sm.solve("eigenvectors", matrix=[[2, 1], [1, 2]])
    page = markdown_to_html(to_markdown(d, detail="full"))
    blocks = re.findall(r"<(ul|ol|blockquote|p)\b([^>]*)>", page)
    after_item = False
    seen = 0
    for tag, attrs in blocks:
        if tag in ("ul", "ol"):
            after_item, list_indent = True, _indent(attrs)
        elif tag == "blockquote" and after_item:
            # the bullet's words start one list level (2.5em) in from the list
            assert _indent(attrs) == list_indent + 2.5, (attrs, list_indent)
            seen += 1
        elif tag == "p":
            after_item = False
    assert seen >= 2


def test_top_level_rules_and_lists_stay_at_the_margin():
    page = markdown_to_html("**Step 1.** x\n\n> *Rule:* r\n\n  - *Sub.* y\n\n    > *Rule:* s\n\n"
                            "    - *Subsub.* z\n\n      > *Rule:* t\n")
    assert "<blockquote><p><em>Rule:</em> r" in page
    assert '<blockquote style="margin-left:2.5em"><p><em>Rule:</em> s' in page
    assert '<ul style="margin-left:2.5em">' in page
    assert '<blockquote style="margin-left:5em"><p><em>Rule:</em> t' in page


def _runaway_math(md: str) -> list[str]:
    """Display-math blocks that swallowed the prose after them (a ``$$`` left open)."""
    from symbolic_mlmath.render.html import parse_markdown

    return [b.text[:120] for b in parse_markdown(md) if b.kind == "math"
            and ("*Rule:*" in b.text or "**Step" in b.text or "\n\n" in b.text)]


def test_an_iteration_table_is_its_own_display():
    d = sm.solve("newton_method", f="x^2 - 2", x0="1", iterations="3")
    md = to_markdown(d)
    assert "$$." not in md and not _runaway_math(md)
    page = markdown_to_html(md)
    assert "<blockquote><p><em>Rule:</em> Repeat the update" in page
    assert _runaway_math("**Step 1.** x\n\n$$a$$.\n\n> *Rule:* r\n\n$$b$$")  # the old page


@pytest.mark.parametrize("path", PAGES)
def test_no_page_leaves_a_display_open(path):
    from symbolic_mlmath.publish.documents import topic_markdown

    topic = topic_of(path)
    bad = [f"{path.stem} {detail}: {m}" for detail in ("standard", "full")
           for m in _runaway_math(topic_markdown(topic, detail=detail))]
    assert not bad, "\n".join(bad[:10])


def test_a_question_reads_find():
    for d in (sm.solve("derivative", expr="x^3 + 2*x"),
              sm.solve("probability", event="not A", probabilities={"A": "25%"})):
        assert "\nFind:" in "\n" + render_text(d)
    assert "\nGiven:" in "\n" + render_text(sm.solve("rref", matrix=[[1, 2], [3, 4]]))


def render_text(d) -> str:
    from symbolic_mlmath.render import render

    return "\n".join(render(d, "text", detail="overview").splitlines()[1:])


def test_a_result_table_without_headings_has_no_empty_heading_row():
    page = markdown_to_html("|  |  |\n|---|---|\n| point | $1$ |\n")
    assert "<thead>" not in page and "<td>point</td>" in page
    assert "<thead><tr><th>k</th>" in markdown_to_html("| k | x |\n|---|---|\n| 0 | 1 |\n")

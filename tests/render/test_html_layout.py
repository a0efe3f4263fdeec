"""The HTML page's layout as a learner sees it: a substep's rule box sits under the
substep's words (indented with its bullet), not at the page margin."""

from __future__ import annotations

import re

import symbolic_mlmath as sm
from symbolic_mlmath.render.html import markdown_to_html
from symbolic_mlmath.render.markdown import to_markdown


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

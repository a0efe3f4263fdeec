"""Inline Markdown is read in one place (render/inline.py) for HTML and LaTeX alike."""

from __future__ import annotations

import pytest

from symbolic_mlmath.publish.documents import markdown_to_latex
from symbolic_mlmath.render.html import inline_to_html
from symbolic_mlmath.render.inline import InlineWriter, split_inline, write_inline

CASES = [
    # text, HTML, LaTeX (written by hand from the Markdown rules)
    ("**bold** and *it*", "<strong>bold</strong> and <em>it</em>",
     r"\textbf{bold} and \emph{it}"),
    ("__b__ _i_ snake_case_name", "<strong>b</strong> <em>i</em> snake_case_name",
     r"\textbf{b} \emph{i} snake\_case\_name"),
    ("see [the **notes**](n.html)", 'see <a href="n.html">the <strong>notes</strong></a>',
     r"see the \textbf{notes}"),
    ("$a*b*c$ and `x*y*`", '<span class="math">a*b*c</span> and <code>x*y*</code>',
     r"$a*b*c$ and \texttt{x*y*}"),
    (r"\*not it\* 50%", "*not it* 50%", r"*not it* 50\%"),
    ('![a plot](p.png "t")', '<img src="p.png" alt="a plot" title="t">', "[a plot]"),
]


@pytest.mark.parametrize(("text", "html", "latex"), CASES)
def test_one_reader_two_writers(text, html, latex):
    assert inline_to_html(text) == html
    assert markdown_to_latex(text).strip() == latex


def test_alt_text_cannot_end_its_attribute():
    assert inline_to_html('![a "q"](p.png)') == '<img src="p.png" alt="a &quot;q&quot;">'


def test_links_to_scripts_are_dropped():
    assert inline_to_html("[x](javascript:alert(1))").startswith('<a href="#">')


def test_marker_characters_in_the_text_cannot_hang_or_leak():
    out = inline_to_html("a\x00b\x01c\x02 **d**")
    assert "\x00" not in out and out.endswith("<strong>d</strong>")


def test_the_splitter_keeps_math_code_and_escapes_whole():
    assert split_inline(r"$a_1*b$ `c_d` \_") == [("math", "a_1*b"), ("text", " "),
                                                ("code", "c_d"), ("text", " "), ("esc", "_")]


def test_a_writer_only_spells():
    w = InlineWriter(text=str.upper, strong=("[", "]"))
    assert write_inline("a **b** $c$", w) == "A [B] c"

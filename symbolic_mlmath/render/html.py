"""Self-contained HTML: a small Markdown reader and pages typeset offline by KaTeX.

The documents are written in Markdown with ``$...$`` / ``$$...$$`` math (the
format every renderer already speaks); this module turns that Markdown into HTML
in which every formula is an element of class ``math`` holding its TeX source.
KaTeX, shipped as package data (``symbolic_mlmath/_static/katex``), typesets
them when the page loads: inlined into the page (one file, nothing loaded from
anywhere) or copied next to it. No page loads anything from the network.

The Markdown reader covers what the project writes: headings, paragraphs,
bullet and numbered lists (nested by indentation), display math, fenced code,
tables, block quotes, rules, and inline bold, italics, code, links and images,
with backslash escapes.

Examples
========
>>> print(markdown_to_html("**Goal:** $x^2$"))
<p><strong>Goal:</strong> <span class="math">x^2</span></p>
>>> print(markdown_to_html("- one\\n  - two"))
<ul>
<li>one
<ul>
<li>two</li>
</ul>
</li>
</ul>
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from symbolic_mlmath.render.inline import InlineWriter, split_inline, write_inline
from symbolic_mlmath.render.style import CSS as _CSS
from symbolic_mlmath.render.style import NOSCRIPT as _NOSCRIPT
from symbolic_mlmath.render.style import TYPESET as _RENDER

__all__ = [
    "KATEX_FILES",
    "MdBlock",
    "copy_katex",
    "derivation_to_html",
    "inline_to_html",
    "katex_dir",
    "markdown_to_html",
    "page",
    "parse_markdown",
    "split_inline",
]

#: The vendored KaTeX files a page needs (fonts are every ``fonts/*.woff2``).
KATEX_FILES = ("katex.min.js", "katex.min.css", "auto-render.min.js", "LICENSE")


# --------------------------------------------------------------------- blocks
@dataclass
class MdBlock:
    """One block of Markdown: ``kind`` is heading, para, math, list, code, table,
    quote or rule; ``items`` holds list items ``(ordered, depth, text)`` or table rows."""

    kind: str
    text: str = ""
    level: int = 0
    items: list = field(default_factory=list)


_LIST = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def parse_markdown(md: str) -> list[MdBlock]:
    """Split Markdown into blocks (see :class:`MdBlock`).

    Examples
    ========
    >>> [b.kind for b in parse_markdown("# T\\n\\ntext\\n\\n$$x$$\\n\\n1. a\\n2. b")]
    ['heading', 'para', 'math', 'list']
    """
    lines = md.replace("\r\n", "\n").split("\n")
    blocks: list[MdBlock] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        if s.startswith(("```", "~~~")):
            fence = s[:3]
            body = []
            i += 1
            while i < n and not lines[i].strip().startswith(fence):
                body.append(lines[i])
                i += 1
            blocks.append(MdBlock("code", "\n".join(body), items=[s[3:].strip()]))
            i += 1
            continue
        if s.startswith("$$"):
            depth = (len(line) - len(line.lstrip())) // 2
            body = [s]
            while not (len(body[-1]) >= 2 and body[-1].endswith("$$")
                       and (len(body) > 1 or len(s) >= 4)) and i + 1 < n:
                i += 1
                body.append(lines[i].strip())
            tex = "\n".join(body).strip()[2:]
            blocks.append(MdBlock("math", tex[:-2].strip() if tex.endswith("$$") else tex,
                                  level=depth))
            i += 1
            continue
        m = _HEADING.match(s)
        if m:
            blocks.append(MdBlock("heading", m.group(2), level=len(m.group(1))))
            i += 1
            continue
        if _RULE.match(s):
            blocks.append(MdBlock("rule"))
            i += 1
            continue
        if _LIST.match(line):
            items: list[tuple[bool, int, str]] = []
            while i < n and lines[i].strip():
                m = _LIST.match(lines[i])
                if m:
                    indent = len(m.group(1).expandtabs(4))
                    items.append((m.group(2)[0].isdigit(), indent, m.group(3)))
                elif items:  # a continuation line of the item before
                    o, ind, t = items[-1]
                    items[-1] = (o, ind, t + " " + lines[i].strip())
                i += 1
            blocks.append(MdBlock("list", items=_depths(items),
                                  level=min(ind for _, ind, _ in items) // 2))
            continue
        if s.startswith(">"):
            depth = (len(line) - len(line.lstrip())) // 2
            body = []
            while i < n and lines[i].strip().startswith(">"):
                body.append(lines[i].strip()[1:].lstrip())
                i += 1
            blocks.append(MdBlock("quote", "\n".join(body), level=depth))
            continue
        if s.startswith("|") and i + 1 < n and _TABLE_SEP.match(lines[i + 1]):
            rows = []
            while i < n and lines[i].strip().startswith("|"):
                if not _TABLE_SEP.match(lines[i]):
                    rows.append([c.strip() for c in lines[i].strip().strip("|").split("|")])
                i += 1
            blocks.append(MdBlock("table", items=rows))
            continue
        body = []
        while i < n and lines[i].strip():
            t = lines[i].strip()
            if body and (t.startswith(("$$", "```")) or _HEADING.match(t)
                         or (_LIST.match(lines[i]) and not lines[i][:1].isspace())):
                break
            body.append(t)
            i += 1
        blocks.append(MdBlock("para", "\n".join(body)))
    return blocks


def _depths(items: list[tuple[bool, int, str]]) -> list[tuple[bool, int, str]]:
    """Indentation widths -> nesting depths 0, 1, 2, ..."""
    widths: list[int] = []
    out = []
    for ordered, indent, text in items:
        while widths and indent < widths[-1]:
            widths.pop()
        if not widths or indent > widths[-1]:
            widths.append(indent)
        out.append((ordered, len(widths) - 1, text))
    return out


# --------------------------------------------------------------------- inline
def _safe_url(url: str) -> str:
    u = url.strip()
    if re.match(r"^(javascript|vbscript):", u, re.I):
        return "#"
    return html.escape(u, quote=True)


def inline_to_html(text: str, *, images: Any = None) -> str:
    """One line (or paragraph) of Markdown as HTML; ``images`` maps an image path to a
    replacement ``src`` (a data URI), so pages need no files next to them.

    >>> inline_to_html("a < b, **[c](x.html)** ![d](e.png)")
    'a &lt; b, <strong><a href="x.html">c</a></strong> <img src="e.png" alt="d">'
    """
    def image(alt: str, src: str, title: str | None) -> str:
        src = images.get(src, src) if images else src
        tip = f' title="{html.escape(title)}"' if title else ""
        return f'<img src="{_safe_url(src)}" alt="{html.escape(alt)}"{tip}>'

    return write_inline(text, InlineWriter(
        text=lambda s: html.escape(s, quote=False),
        esc=html.escape,
        code=lambda s: f"<code>{html.escape(s)}</code>",
        math=lambda s: f'<span class="math">{html.escape(s)}</span>',
        dmath=lambda s: f'<span class="math display">{html.escape(s)}</span>',
        image=image,
        link=lambda url: (f'<a href="{_safe_url(url)}">', "</a>"),
        strong=("<strong>", "</strong>"),
        em=("<em>", "</em>"),
    ))


def markdown_to_html(md: str, *, images: Any = None) -> str:
    """Markdown (as the renderers write it) -> an HTML fragment; math left for KaTeX."""
    out: list[str] = []
    for b in parse_markdown(md):
        if b.kind == "heading":
            out.append(f"<h{b.level}>{inline_to_html(b.text, images=images)}</h{b.level}>")
        elif b.kind == "para":
            out.append(f"<p>{inline_to_html(b.text, images=images)}</p>")
        elif b.kind == "math":
            style = f' style="margin-left:{1.5 * b.level:g}em"' if b.level else ""
            out.append(f'<div class="math display"{style}>{html.escape(b.text)}</div>')
        elif b.kind == "code":
            out.append(f"<pre><code>{html.escape(b.text)}</code></pre>")
        elif b.kind == "rule":
            out.append("<hr>")
        elif b.kind == "quote":  # a substep's rule lines up with the substep's words
            style = f' style="margin-left:{_INDENT * (b.level - 1):g}em"' if b.level > 1 else ""
            out.append(f"<blockquote{style}>{markdown_to_html(b.text, images=images)}"
                       "</blockquote>")
        elif b.kind == "table":
            rows = b.items
            head = "".join(f"<th>{inline_to_html(c, images=images)}</th>" for c in rows[0])
            body = "\n".join("<tr>" + "".join(f"<td>{inline_to_html(c, images=images)}</td>"
                                              for c in r) + "</tr>" for r in rows[1:])
            thead = f"<thead><tr>{head}</tr></thead>\n" if any(c for c in rows[0]) else ""
            out.append(f"<table>\n{thead}<tbody>\n{body}\n</tbody>\n</table>")
        elif b.kind == "list":
            html_list = _list_html(b.items, images)
            if b.level > 1:  # a deeper substep: one list level further in
                tag = html_list[1:3]  # "<ul>..." or "<ol>..."
                html_list = (f'<{tag} style="margin-left:{_INDENT * (b.level - 1):g}em">'
                             + html_list[4:])
            out.append(html_list)
    return "\n".join(out)


#: The indentation of one list level (the browser's 40px list padding at 16px type).
_INDENT = 2.5


def _list_html(items: list[tuple[bool, int, str]], images: Any) -> str:
    out: list[str] = []
    stack: list[str] = []  # open list tags
    for ordered, depth, text in items:
        tag = "ol" if ordered else "ul"
        if len(stack) > depth + 1:
            while len(stack) > depth + 1:
                out.append("</li>")
                out.append(f"</{stack.pop()}>")
            out.append("</li>")
        elif len(stack) == depth + 1:
            out.append("</li>")
        while len(stack) < depth + 1:
            out.append(f"<{tag}>")
            stack.append(tag)
        out.append(f"<li>{inline_to_html(text, images=images)}")
    while stack:
        out.append("</li>")
        out.append(f"</{stack.pop()}>")
    # join "<li>text" with a following "</li>" onto one line
    joined: list[str] = []
    for piece in out:
        if piece == "</li>" and joined and joined[-1].startswith("<li>") \
                and not joined[-1].endswith("</li>"):
            joined[-1] += "</li>"
        else:
            joined.append(piece)
    return "\n".join(joined)


# ---------------------------------------------------------------------- KaTeX
def katex_dir() -> Path:
    """The folder of the vendored KaTeX distribution (package data)."""
    return Path(__file__).resolve().parent.parent / "_static" / "katex"


@lru_cache(maxsize=1)
def _inline_css() -> str:
    """KaTeX's CSS with every font as a woff2 data URI (other formats dropped)."""
    d = katex_dir()
    css = (d / "katex.min.css").read_text(encoding="utf-8")

    def font(m: re.Match) -> str:
        data = base64.b64encode((d / "fonts" / m.group(1)).read_bytes()).decode("ascii")
        return f"url(data:font/woff2;base64,{data}) format(\"woff2\")"

    css = re.sub(r"url\(fonts/([\w-]+\.woff2)\)\s*format\([\"']woff2[\"']\)", font, css)
    return re.sub(r",\s*url\(fonts/[\w-]+\.(?:woff|ttf)\)\s*format\([\"'][a-z]+[\"']\)", "", css)


@lru_cache(maxsize=1)
def _inline_js() -> str:
    js = (katex_dir() / "katex.min.js").read_text(encoding="utf-8")
    return js.replace("</script", "<\\/script")


def copy_katex(dest: str | Path) -> Path:
    """Copy the vendored KaTeX (JS, CSS, woff2 fonts, licence) into ``dest/katex``."""
    import shutil

    src = katex_dir()
    target = Path(dest) / "katex"
    (target / "fonts").mkdir(parents=True, exist_ok=True)
    for name in KATEX_FILES:
        shutil.copyfile(src / name, target / name)
    for f in sorted((src / "fonts").glob("*.woff2")):
        shutil.copyfile(f, target / "fonts" / f.name)
    return target


def page(title: str, body: str, *, katex: str | None = "inline", prefix: str = "") -> str:
    """A complete HTML page around an HTML ``body``.

    ``katex="inline"`` puts KaTeX (script, CSS, fonts) into the page itself,
    ``"copy"`` links ``{prefix}katex/...`` (see :func:`copy_katex`), ``None``
    leaves math untypeset (pages without formulas).
    """
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{_CSS}</style>",
    ]
    tail = []
    if katex == "inline":
        head.append(f"<style>{_inline_css()}</style>")
        tail.append(f"<script>{_inline_js()}</script>")
    elif katex == "copy":
        head.append(f'<link rel="stylesheet" href="{prefix}katex/katex.min.css">')
        tail.append(f'<script src="{prefix}katex/katex.min.js"></script>')
    elif katex is not None:
        raise ValueError(f"katex: unknown mode {katex!r}; choose inline or copy")
    if katex is not None:
        tail.append(f"<script>{_RENDER}</script>")
        body = _NOSCRIPT + "\n" + body
    return "\n".join([*head, "</head>", "<body>", body, *tail, "</body>", "</html>"]) + "\n"


def derivation_to_html(d: Any, *, detail: str = "standard", heading: str = "###") -> str:
    """A derivation as an HTML fragment (from its Markdown: the same steps)."""
    from symbolic_mlmath.render.markdown import to_markdown

    return markdown_to_html(to_markdown(d, detail=detail, heading=heading))

"""HTML pages of the workbook: a topic as a chapter, and the index in course order.

A topic page has one ``h1``, a table of contents, one ``h2`` per worked example (with
an anchor), the self-checks as a compact "verified" mark with the detail on demand,
figures with their captions as ``alt`` text, and links to the index and to the
previous and next topics. The index groups the topics by course and week.

Examples
========
>>> nav = Nav(index="index.html", prev=("a.html", "Vectors"), place="Course 1 · Week 3")
>>> "rel=\\"prev\\"" in pager(nav)
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from symbolic_mlmath.publish.layout import (
    CHECK_KIND,
    check_summary,
    figure_file,
    parts,
    plain_text,
    solve_line,
)
from symbolic_mlmath.render.html import inline_to_html, markdown_to_html, page
from symbolic_mlmath.text.options import parse_choice, parse_detail

__all__ = ["KATEX", "Nav", "index_html", "index_markdown", "pager", "topic_html"]

#: How a page gets KaTeX: inlined into it, or linked from a copy next to it.
KATEX = ("inline", "copy")


@dataclass(frozen=True)
class Nav:
    """Where a page sits: the index, the previous and next topics ``(href, title)``."""

    index: str = "index.html"
    prev: tuple[str, str] | None = None
    next: tuple[str, str] | None = None
    place: str = ""


def pager(nav: Nav) -> str:
    """Previous / contents / next links."""
    e = html.escape
    left = (f'<a rel="prev" href="{e(nav.prev[0])}">← {e(nav.prev[1])}</a>' if nav.prev
            else "<span></span>")
    right = (f'<a rel="next" href="{e(nav.next[0])}">{e(nav.next[1])} →</a>' if nav.next
             else "<span></span>")
    return (f'<nav class="pager" aria-label="Topics">{left}'
            f'<a href="{e(nav.index)}">Contents</a>{right}</nav>')


def _data_uri(path: Path) -> str:
    import base64

    mime = {"svg": "image/svg+xml", "png": "image/png"}[path.suffix[1:]]
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _checks_html(blocks: list[Any]) -> str:
    checks = [b.check for b in blocks]
    ok, words = check_summary(checks)
    items = []
    for c in checks:
        cls, mark = ("ok", "✓") if c.ok else ("fail", "✗ FAILED")
        items.append(f'<li><span class="{cls}">{mark}</span> {inline_to_html(c.label)} '
                     f'<span class="meta">({html.escape(CHECK_KIND.get(c.kind, c.kind))}: '
                     f"{html.escape(c.detail)})</span></li>")
    mark = '<span class="ok">✓ verified</span>' if ok else '<span class="fail">✗ check failed</span>'
    return (f'<details class="checks"{"" if ok else " open"}><summary>{mark} · '
            f"{html.escape(words)}</summary>\n<ul>\n" + "\n".join(items) + "\n</ul></details>")


def topic_body(topic: Any, *, detail: str = "standard", nav: Nav | None = None) -> str:
    """The HTML body of a topic page (without the page around it)."""
    from symbolic_mlmath.render.markdown import to_markdown

    detail = parse_detail(detail)
    e = html.escape
    ps = parts(topic)
    n_ok = sum(1 for c in topic.checks if c.ok)
    n = len(topic.checks)
    status = (f'<span class="ok">✓ all {n} self-checks passed</span>' if n_ok == n
              else f'<span class="fail">✗ {n - n_ok} of {n} self-checks FAILED</span>')
    body = []
    if nav is not None:
        crumbs = f'<a href="{e(nav.index)}">Workbook</a>'
        if nav.place:
            crumbs += f" › {e(nav.place)}"
        body.append(f'<nav class="crumbs" aria-label="Breadcrumb">{crumbs}</nav>')
    body.append(f"<h1>{e(topic.title)}</h1>")
    examples = [p for p in ps if p.kind == "derivation"]
    body.append(f'<p class="meta">{status} · {len(examples)} worked examples · '
                f"detail: {e(detail)}</p>")
    if examples:
        toc = "\n".join(f'<li><a href="#{p.anchor}">{inline_to_html(p.heading)}</a></li>'
                        for p in examples)
        body.append(f'<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">'
                    f"On this page</h2>\n<ol>\n{toc}\n</ol></nav>")
    for p in ps:
        b = p.block
        if p.kind == "text":
            body.append(markdown_to_html(b.text))
        elif p.kind == "derivation":
            md = to_markdown(b.derivation, detail=detail, heading="", shared=p.shared)
            line = solve_line(b)
            dev = (f'<details class="dev"><summary>Recompute it in Python</summary>'
                   f"<pre><code>{e(line)}</code></pre></details>") if line else ""
            body.append(f'<section class="derivation" id="{p.anchor}">\n'
                        f'<h2><a class="anchor" href="#{p.anchor}">{inline_to_html(p.heading)}'
                        f"</a></h2>\n{markdown_to_html(md)}\n{dev}\n</section>")
        elif p.kind == "checks":
            body.append(_checks_html(p.blocks))
        elif p.kind == "figure":
            path = figure_file(b, "svg") or figure_file(b, "png")
            alt = e(plain_text(b.text), quote=True)
            img = (f'<img src="{_data_uri(path)}" alt="{alt}">'
                   if path is not None and path.exists() else "")
            body.append(f"<figure>{img}<figcaption>Figure {p.number}: "
                        f"{inline_to_html(b.text)}</figcaption></figure>")
    if nav is not None:
        body.append(pager(nav))
    return "\n".join(x for x in body if x)


def topic_html(topic: Any, *, detail: str = "standard", katex: str = "inline",
               nav: Nav | None = None) -> str:
    """The topic as one self-contained HTML page (figures inlined as data URIs)."""
    katex = parse_choice(katex, KATEX, name="katex")
    return page(topic.title, topic_body(topic, detail=detail, nav=nav), katex=katex)


# ------------------------------------------------------------------ the index
def _status(s: dict[str, Any]) -> tuple[str, str]:
    if s.get("error"):
        return "fail", "ERROR: " + " ".join(s["error"].split())[:200]
    if s["ok"]:
        return "ok", f"✓ {s['passed']}/{s['checks']} passed"
    return "fail", f"{s['passed']}/{s['checks']} passed (FAILED)"


def _docs(s: dict[str, Any]) -> list[str]:
    return [f for f in s["files"] if "/" not in f and Path(f).suffix in
            (".md", ".html", ".tex", ".pdf", ".ipynb")]


def _grouped(summaries: list[dict[str, Any]]) -> list[tuple[int, int, list[dict[str, Any]]]]:
    from symbolic_mlmath.publish.syllabus import order_key, place

    out: list[tuple[int, int, list[dict[str, Any]]]] = []
    for s in sorted(summaries, key=lambda s: order_key(s["id"])):
        c, w = place(s["id"])
        if out and out[-1][:2] == (c, w):
            out[-1][2].append(s)
        else:
            out.append((c, w, [s]))
    return out


_INTRO = ("Worked solutions for <em>Mathematics for Machine Learning and Data Science</em>: "
          "every example exact and solved step by step, each step naming the rule it uses "
          "and checked by the computer, with figures and a notebook that recomputes it.")


def index_html(summaries: list[dict[str, Any]], *, detail: str = "standard") -> str:
    """The index page: topics grouped by course and week, in course order."""
    from symbolic_mlmath.publish.syllabus import course_title

    detail = parse_detail(detail)
    e = html.escape
    n_ok = sum(1 for s in summaries if s["ok"])
    body = ["<h1>Workbook</h1>", f"<p>{_INTRO}</p>",
            f'<p class="meta">{len(summaries)} topics; self-checks passed in {n_ok}'
            f"{'' if n_ok == len(summaries) else f', failed in {len(summaries) - n_ok}'}. "
            f"Detail: {e(detail)}.</p>"]
    course = None
    for c, w, group in _grouped(summaries):
        if c != course:
            body.append(f"<h2>{e(course_title(c))}</h2>")
            course = c
        body.append(f"<h3>Week {w}</h3>" if w != 99 else "<h3>Other topics</h3>")
        items = []
        for s in group:
            cls, status = _status(s)
            docs = _docs(s)
            title = e(s["title"])
            if f"{s['stem']}.html" in docs:
                title = f'<a href="{e(s["stem"])}.html">{title}</a>'
            others = " · ".join(f'<a href="{e(f)}">{Path(f).suffix[1:]}</a>' for f in docs
                                if not f.endswith(".html"))
            summary = f'<br><span class="summary">{e(s["summary"])}</span>' \
                if s.get("summary") else ""
            items.append(f"<li>{title}{summary}<br><span class=\"meta\"><span class=\"{cls}\">"
                         f"{e(status)}</span> · {s['derivations']} worked examples · "
                         f"{s['figures']} figures · {others}</span></li>")
        body.append('<ul class="topics">\n' + "\n".join(items) + "\n</ul>")
    return page("Workbook", "\n".join(body), katex=None)


def index_markdown(summaries: list[dict[str, Any]], *, detail: str = "standard") -> str:
    """The index as Markdown, grouped like :func:`index_html`."""
    from symbolic_mlmath.publish.syllabus import course_title

    detail = parse_detail(detail)
    n_ok = sum(1 for s in summaries if s["ok"])
    out = ["# Workbook", "", _INTRO.replace("<em>", "*").replace("</em>", "*"), "",
           f"{len(summaries)} topics; self-checks passed in {n_ok}, failed in "
           f"{len(summaries) - n_ok}. Detail: {detail}.", ""]
    course = None
    for c, w, group in _grouped(summaries):
        if c != course:
            out += [f"## {course_title(c)}", ""]
            course = c
        out += [f"### Week {w}" if w != 99 else "### Other topics", "",
                "| Topic | Self-checks | Examples | Figures | Documents |",
                "|---|---|---|---|---|"]
        for s in group:
            _, status = _status(s)
            links = " ".join(f"[{Path(f).suffix[1:]}]({f})" for f in _docs(s))
            if s["pdf"] not in ("ok", "skipped", "pdflatex not found"):
                links += f" (pdf not built: {s['pdf'][:80]})"
            title = s["title"].replace("|", "/")
            out.append(f"| {title} (`{s['id']}`) | {status} | {s['derivations']} | "
                       f"{s['figures']} | {links} |")
        out.append("")
    return "\n".join(out)

"""Worked-solution documents: a topic (or one derivation) as Markdown, LaTeX, HTML, notebook.

Every document is written from the same blocks of a :class:`~symbolic_mlmath.publish.topic.Topic`
(prose, derivations, self-checks, figures) and the same steps of each derivation;
``detail`` picks how much of the steps to show. HTML typesets its math offline with
the vendored KaTeX; notebooks recompute each derivation with the library.

Examples
========
>>> import symbolic_mlmath as sm
>>> d = sm.solve("det", matrix=[[1, 2], [3, 4]])
>>> page = render_single(d, "html")
>>> page.startswith("<!DOCTYPE html>") and "katex" in page and "http" not in page[:2000]
True
>>> import json
>>> nb = json.loads(render_single(d, "ipynb"))
>>> nb["nbformat"], nb["cells"][2]["source"][0]
(4, 'd = sm.solve("det", matrix=[[1, 2], [3, 4]], method="cofactor")\\n')
>>> print(markdown_to_latex("Some **bold** and $x_1$; 50% of #3_b."), end="")
Some \\textbf{bold} and $x_1$; 50\\% of \\#3\\_b.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from symbolic_mlmath.render.html import inline_to_html, markdown_to_html, page, parse_markdown, split_inline

__all__ = [
    "compile_pdf",
    "latex_text",
    "markdown_to_latex",
    "render_single",
    "topic_html",
    "topic_latex",
    "topic_markdown",
    "topic_notebook",
    "unicode_preamble",
    "write_topic",
]

_CHECK_KIND = {"sympy": "exact, against SymPy", "numeric": "numeric, through lambdify"}


# ------------------------------------------------------------------ helpers
def _groups(blocks: list[Any]) -> list[tuple[str, list[Any]]]:
    """Blocks in order, with runs of consecutive checks grouped together."""
    out: list[tuple[str, list[Any]]] = []
    for b in blocks:
        if b.kind == "check" and out and out[-1][0] == "check":
            out[-1][1].append(b)
        else:
            out.append((b.kind, [b]))
    return out


def _summary(topic: Any) -> tuple[int, int]:
    checks = topic.checks
    return sum(1 for c in checks if c.ok), len(checks)


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _figure_file(block: Any, ext: str) -> Path | None:
    for f in block.files:
        if f.endswith("." + ext):
            return Path(f)
    return None


def _rel(path: Path, base: Path) -> str:
    return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()


def _data_uri(path: Path) -> str:
    mime = {"svg": "image/svg+xml", "png": "image/png"}[path.suffix[1:]]
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _derivation_source(block: Any) -> tuple[str, dict] | None:
    """``(task, inputs)`` that recompute a derivation block, if known."""
    d = block.derivation
    task = block.task or getattr(d, "task", None)
    inputs = block.inputs if block.task else dict(getattr(d, "inputs", {}) or {})
    if not task:
        return None
    return task, dict(inputs)


def _solve_line(block: Any) -> str | None:
    from symbolic_mlmath.render.notebook import solve_source

    src = _derivation_source(block)
    return solve_source(src[0], src[1]) if src else None


# ------------------------------------------------------------------ Markdown
def topic_markdown(topic: Any, *, detail: str = "standard", base: str | Path = ".") -> str:
    """The topic as Markdown; figure links are relative to the folder ``base``."""
    from symbolic_mlmath.render.formats import MARKDOWN as F

    ok, n = _summary(topic)
    out = [f"# {F.prose(topic.title)}", "",
           f"*Topic `{topic.id}` · self-checks: {ok}/{n} passed · "
           f"{len(topic.derivations)} derivations validated · detail: {detail}*", ""]
    fig = 0
    for kind, blocks in _groups(topic.blocks):
        b = blocks[0]
        if kind == "text":
            out += [b.text, ""]
        elif kind == "derivation":
            out.append(b.derivation.to_markdown(detail=detail).rstrip())
            out.append("")
            line = _solve_line(b)
            if line:
                out += [f"*Recompute it:* `{line}`", ""]
        elif kind == "check":
            out += ["**Self-checks**", ""]
            for c in (x.check for x in blocks):
                mark = "✓" if c.ok else "✗ FAILED"
                out.append(f"- {mark} {F.prose(c.label)} "
                           f"({_CHECK_KIND.get(c.kind, c.kind)}: {F.prose(_short(c.detail))})")
            out.append("")
        elif kind == "figure":
            fig += 1
            path = _figure_file(b, "svg") or _figure_file(b, "png")
            if path is not None:
                out += [f"![Figure {fig}]({_rel(path, Path(base))})", ""]
            out += [f"*Figure {fig}: {F.prose(b.text)}*", ""]
    return "\n".join(out).rstrip() + "\n"


# ------------------------------------------------------------------ HTML
def topic_html(topic: Any, *, detail: str = "standard", katex: str = "inline",
               nav: str = "") -> str:
    """The topic as one self-contained HTML page (figures inlined as data URIs)."""
    import html as _h

    ok, n = _summary(topic)
    status = "ok" if ok == n else "fail"
    body = [nav, f"<h1>{_h.escape(topic.title)}</h1>",
            f'<p class="meta">Topic <code>{_h.escape(topic.id)}</code> · '
            f'<span class="{status}">self-checks: {ok}/{n} passed</span> · '
            f"{len(topic.derivations)} derivations validated · detail: {detail}</p>"]
    fig = 0
    for kind, blocks in _groups(topic.blocks):
        b = blocks[0]
        if kind == "text":
            body.append(markdown_to_html(b.text))
        elif kind == "derivation":
            body.append('<section class="derivation">')
            body.append(markdown_to_html(b.derivation.to_markdown(detail=detail)))
            line = _solve_line(b)
            if line:
                body.append(f'<p class="meta">Recompute it: <code>{_h.escape(line)}</code></p>')
            body.append("</section>")
        elif kind == "check":
            items = []
            for c in (x.check for x in blocks):
                cls, mark = ("ok", "✓") if c.ok else ("fail", "✗ FAILED")
                items.append(f'<li><span class="{cls}">{mark}</span> '
                             f"{inline_to_html(c.label)} <span class=\"meta\">("
                             f"{_h.escape(_CHECK_KIND.get(c.kind, c.kind))}: "
                             f"{_h.escape(_short(c.detail))})</span></li>")
            body.append('<div class="checks"><p><strong>Self-checks</strong></p>\n<ul>\n'
                        + "\n".join(items) + "\n</ul></div>")
        elif kind == "figure":
            fig += 1
            path = _figure_file(b, "svg") or _figure_file(b, "png")
            img = (f'<img src="{_data_uri(path)}" alt="Figure {fig}">'
                   if path is not None and path.exists() else "")
            body.append(f"<figure>{img}<figcaption>Figure {fig}: "
                        f"{inline_to_html(b.text)}</figcaption></figure>")
    return page(topic.title, "\n".join(x for x in body if x), katex=katex)


# ------------------------------------------------------------------ LaTeX
_UNICODE = {
    "·": r"\ensuremath{\cdot}", "×": r"\ensuremath{\times}", "−": r"\ensuremath{-}",
    "≠": r"\ensuremath{\neq}", "≤": r"\ensuremath{\leq}", "≥": r"\ensuremath{\geq}",
    "→": r"\ensuremath{\to}", "←": r"\ensuremath{\leftarrow}", "↦": r"\ensuremath{\mapsto}",
    "⟹": r"\ensuremath{\Longrightarrow}", "⇒": r"\ensuremath{\Rightarrow}",
    "⇔": r"\ensuremath{\Leftrightarrow}", "≈": r"\ensuremath{\approx}",
    "∞": r"\ensuremath{\infty}", "∈": r"\ensuremath{\in}", "√": r"\ensuremath{\surd}",
    "∑": r"\ensuremath{\sum}", "∂": r"\ensuremath{\partial}", "∇": r"\ensuremath{\nabla}",
    "λ": r"\ensuremath{\lambda}", "μ": r"\ensuremath{\mu}", "σ": r"\ensuremath{\sigma}",
    "α": r"\ensuremath{\alpha}", "β": r"\ensuremath{\beta}", "γ": r"\ensuremath{\gamma}",
    "θ": r"\ensuremath{\theta}", "π": r"\ensuremath{\pi}", "ε": r"\ensuremath{\varepsilon}",
    "Δ": r"\ensuremath{\Delta}", "Σ": r"\ensuremath{\Sigma}", "±": r"\ensuremath{\pm}",
    "²": r"\ensuremath{^2}", "³": r"\ensuremath{^3}", "½": r"\ensuremath{\tfrac12}",
    "✓": r"\ensuremath{\checkmark}", "✗": r"\ensuremath{\times}", "…": r"\ldots{}",
    "∅": r"\ensuremath{\emptyset}", "∣": r"\ensuremath{\mid}", "⎡": "", "⎤": "", "⎣": "",
    "⎦": "", "⎢": "", "⎥": "",
}


def unicode_preamble(doc: str) -> str:
    """Declare every non-ASCII character pdflatex might not know (after inputenc)."""
    chars = sorted({ch for ch in doc if ord(ch) > 127})
    decls = []
    for ch in chars:
        if ch in _UNICODE:
            decls.append(rf"\DeclareUnicodeCharacter{{{ord(ch):04X}}}{{{_UNICODE[ch]}}}")
        elif ord(ch) > 0xFF and ch not in "–—‘’“”":
            decls.append(rf"\DeclareUnicodeCharacter{{{ord(ch):04X}}}{{?}}")
    if not decls:
        return doc
    anchor = "\\usepackage[utf8]{inputenc}\n"
    if anchor not in doc:
        return doc
    return doc.replace(anchor, anchor + "\n".join(decls) + "\n", 1)


_L_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_L_EM = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\*)|(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?!\w)")
_L_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
_L_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def latex_text(s: str) -> str:
    """Plain text made safe for LaTeX prose (``~`` and ``^`` spelled out)."""
    from symbolic_mlmath.render.formats import LATEX

    s = LATEX.prose(s)
    return s.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def _inline_latex(text: str) -> str:
    keep: list[str] = []

    def hold(s: str) -> str:
        keep.append(s)
        return f"\x00{len(keep) - 1}\x00"

    parts = []
    for kind, value in split_inline(text):
        if kind == "text":
            parts.append(value)
        elif kind == "esc":
            parts.append(hold(latex_text(value)))
        elif kind == "code":
            parts.append(hold(r"\texttt{" + latex_text(value) + "}"))
        elif kind == "math":
            parts.append(hold(f"${value}$"))
        else:
            parts.append(hold(rf"\[ {value} \]"))
    s = "".join(parts)
    s = _L_IMAGE.sub(lambda m: hold(f"[{latex_text(m.group(1))}]"), s)
    s = _L_LINK.sub(lambda m: m.group(1), s)
    s = _L_STRONG.sub(lambda m: "\x01B" + (m.group(1) or m.group(2)) + "\x02", s)
    s = _L_EM.sub(lambda m: "\x01E" + (m.group(1) or m.group(2)) + "\x02", s)
    # escape the plain text between held pieces and markers
    s = re.sub(r"[^\x00\x01\x02]+|\x00\d+\x00|\x01[BE]|\x02",
               lambda m: m.group(0) if m.group(0)[0] in "\x00\x01\x02"
               else latex_text(m.group(0)), s)
    s = s.replace("\x01B", r"\textbf{").replace("\x01E", r"\emph{").replace("\x02", "}")
    while "\x00" in s:
        s = re.sub(r"\x00(\d+)\x00", lambda m: keep[int(m.group(1))], s)
    return s


def markdown_to_latex(md: str) -> str:
    """Markdown with ``$`` math -> a LaTeX fragment (headings, lists, tables, math)."""
    out: list[str] = []
    for b in parse_markdown(md):
        if b.kind == "heading":
            cmd = {1: "section", 2: "subsection", 3: "subsubsection"}.get(b.level, "paragraph")
            out.append(rf"\{cmd}*{{{_inline_latex(b.text)}}}")
        elif b.kind == "para":
            out.append(_inline_latex(b.text))
        elif b.kind == "math":
            out.append(rf"\[ {b.text} \]")
        elif b.kind == "code":
            out.append("\\begin{verbatim}\n" + b.text + "\n\\end{verbatim}")
        elif b.kind == "rule":
            out.append(r"\medskip\hrule\medskip")
        elif b.kind == "quote":
            out.append("\\begin{quote}\n" + markdown_to_latex(b.text) + "\\end{quote}")
        elif b.kind == "table":
            cols = max(len(r) for r in b.items)
            rows = [" & ".join(_inline_latex(c) for c in r) + r" \\" for r in b.items]
            out.append("\\begin{tabular}{" + "l" * cols + "}\n\\hline\n" + rows[0]
                       + "\n\\hline\n" + "\n".join(rows[1:]) + "\n\\hline\n\\end{tabular}")
        elif b.kind == "list":
            out.append(_list_latex(b.items))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _list_latex(items: list[tuple[bool, int, str]]) -> str:
    out: list[str] = []
    stack: list[str] = []
    for ordered, depth, text in items:
        env = "enumerate" if ordered else "itemize"
        while len(stack) > depth + 1:
            out.append(rf"\end{{{stack.pop()}}}")
        while len(stack) < depth + 1:
            out.append(rf"\begin{{{env}}}")
            stack.append(env)
        out.append(r"\item " + _inline_latex(text))
    while stack:
        out.append(rf"\end{{{stack.pop()}}}")
    return "\n".join(out)


def topic_latex(topic: Any, *, detail: str = "standard", base: str | Path = ".") -> str:
    """The topic as a LaTeX document that compiles with pdflatex (figures as PNG,
    paths relative to the folder ``base``)."""
    from symbolic_mlmath.render.latex import to_latex_document

    ok, n = _summary(topic)
    body = [rf"\noindent Topic \texttt{{{latex_text(topic.id)}}}. Self-checks: {ok} of {n} "
            f"passed; {len(topic.derivations)} derivations validated (detail: {detail}).", ""]
    fig = 0
    for kind, blocks in _groups(topic.blocks):
        b = blocks[0]
        if kind == "text":
            body.append(markdown_to_latex(b.text))
        elif kind == "derivation":
            body.append(b.derivation.to_latex(detail=detail))
        elif kind == "check":
            body.append(r"\paragraph*{Self-checks}")
            body.append(r"\begin{itemize}")
            for c in (x.check for x in blocks):
                mark = r"$\checkmark$" if c.ok else r"$\times$ \textbf{FAILED}"
                body.append(rf"\item {mark} {_inline_latex(c.label)} {{\small("
                            f"{latex_text(_CHECK_KIND.get(c.kind, c.kind))}: "
                            f"{latex_text(_short(c.detail))})}}")
            body.append(r"\end{itemize}")
        elif kind == "figure":
            fig += 1
            path = _figure_file(b, "png")
            body.append(r"\begin{center}")
            if path is not None:
                body.append(rf"\includegraphics[width=0.8\linewidth]{{{_rel(path, Path(base))}}}"
                            r"\\")
            body.append(rf"{{\small Figure {fig}: {_inline_latex(b.text)}}}")
            body.append(r"\end{center}")
        body.append("")
    return unicode_preamble(to_latex_document("\n".join(body), topic.title))


def compile_pdf(tex: str | Path, *, timeout: float = 180) -> tuple[bool, str]:
    """Run ``pdflatex`` on a .tex file (in its folder); ``(ok, message)``.

    Returns ``(False, "pdflatex not found")`` when it is not installed.
    """
    exe = shutil.which("pdflatex")
    if exe is None:
        return False, "pdflatex not found"
    tex = Path(tex).resolve()
    try:
        r = subprocess.run([exe, "-interaction=nonstopmode", "-halt-on-error",
                            "-no-shell-escape", tex.name], cwd=tex.parent, timeout=timeout,
                           capture_output=True, text=True, errors="replace",
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return False, f"pdflatex timed out after {timeout:.0f} s"
    ok = r.returncode == 0 and tex.with_suffix(".pdf").exists()
    for ext in (".aux", ".out") + ((".log",) if ok else ()):
        tex.with_suffix(ext).unlink(missing_ok=True)
    if ok:
        return True, "ok"
    err = next((ln for ln in r.stdout.splitlines() if ln.startswith("!")), "")
    return False, f"pdflatex failed: {err or 'see ' + tex.with_suffix('.log').name}"


# ------------------------------------------------------------------ notebooks
_NB_INTRO = ("Each code cell recomputes a worked solution with `symbolic_mlmath`: "
             "change the numbers and rerun the cell to see the steps for your own "
             "problem.")


def topic_notebook(topic: Any, *, detail: str = "standard") -> str:
    """The topic as a Jupyter notebook (JSON text, nbformat 4.5)."""
    from symbolic_mlmath.render.formats import MARKDOWN as F
    from symbolic_mlmath.render.notebook import CellIds, code_cell, dumps, markdown_cell, new_notebook

    ids = CellIds()
    ok, n = _summary(topic)
    cells = [markdown_cell(f"# {F.prose(topic.title)}\n\n*Topic `{topic.id}` · self-checks: "
                           f"{ok}/{n} passed*\n\n{_NB_INTRO}", ids()),
             code_cell("import symbolic_mlmath as sm", ids(), count=1)]
    count = 1
    fig = 0
    for kind, blocks in _groups(topic.blocks):
        b = blocks[0]
        if kind == "text":
            cells.append(markdown_cell(b.text, ids()))
        elif kind == "derivation":
            src = _solve_line(b)
            md = b.derivation.to_markdown(detail=detail)
            if src is None:
                cells.append(markdown_cell(md, ids()))
                continue
            count += 1
            cells.append(code_cell(src + "\nd", ids(), count=count, markdown=md,
                                   plain=repr(b.derivation)))
        elif kind == "check":
            lines = ["**Self-checks**", ""]
            for c in (x.check for x in blocks):
                mark = "✓" if c.ok else "✗ FAILED"
                lines.append(f"- {mark} {F.prose(c.label)} "
                             f"({_CHECK_KIND.get(c.kind, c.kind)}: {F.prose(_short(c.detail))})")
            cells.append(markdown_cell("\n".join(lines), ids()))
        elif kind == "figure":
            fig += 1
            path = _figure_file(b, "png")
            caption = f"*Figure {fig}: {F.prose(b.text)}*"
            if path is not None and path.exists():
                cells.append(markdown_cell(f"![Figure {fig}](attachment:{path.name})\n\n{caption}",
                                           ids(), images={path.name: path.read_bytes()}))
            else:
                cells.append(markdown_cell(caption, ids()))
    return dumps(new_notebook(cells, topic.title))


# ------------------------------------------------------------------ one derivation
def render_single(derivation: Any, fmt: str, *, detail: str = "standard") -> str:
    """One worked solution as a document: ``html`` (self-contained page), ``ipynb``
    (a notebook that recomputes it), ``markdown`` or ``latex`` (a whole document)."""
    from symbolic_mlmath.render.markdown import to_markdown

    d = derivation
    if fmt == "html":
        return page(d.title, markdown_to_html(to_markdown(d, detail=detail, heading="#")))
    if fmt == "markdown":
        return to_markdown(d, detail=detail, heading="#")
    if fmt == "latex":
        from symbolic_mlmath.render.latex import to_latex_document

        return unicode_preamble(to_latex_document(d.to_latex(detail=detail), d.title))
    if fmt == "ipynb":
        from symbolic_mlmath.render.formats import MARKDOWN as F
        from symbolic_mlmath.render.notebook import (
            CellIds,
            code_cell,
            dumps,
            markdown_cell,
            new_notebook,
            solve_source,
        )

        ids = CellIds()
        md = to_markdown(d, detail=detail)
        cells = [markdown_cell(f"# {F.prose(d.title)}\n\n{_NB_INTRO}", ids()),
                 code_cell("import symbolic_mlmath as sm", ids(), count=1)]
        if d.task:
            cells.append(code_cell(solve_source(d.task, dict(d.inputs)) + "\nd", ids(),
                                   count=2, markdown=md, plain=repr(d)))
        else:
            cells.append(markdown_cell(md, ids()))
        return dumps(new_notebook(cells, d.title))
    raise ValueError(f"format: unknown document format {fmt!r}; choose html, ipynb, "
                     "markdown or latex")


# ------------------------------------------------------------------ all formats
def write_topic(topic: Any, out: str | Path, *, detail: str = "standard",
                katex: str = "inline", pdf: bool = True) -> dict[str, Any]:
    """Write ``<stem>.md/.tex/.html/.ipynb`` (and ``.pdf`` when pdflatex is on PATH)
    into ``out``; the figures are already saved (PNG and SVG) by the topic.

    Returns ``{"files": [...], "pdf": message}``.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    stem = topic.stem
    files = []
    for ext, text in (
        ("md", topic_markdown(topic, detail=detail, base=out)),
        ("tex", topic_latex(topic, detail=detail, base=out)),
        ("html", topic_html(topic, detail=detail, katex=katex)),
        ("ipynb", topic_notebook(topic, detail=detail)),
    ):
        path = out / f"{stem}.{ext}"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    message = "skipped"
    if pdf:
        ok, message = compile_pdf(out / f"{stem}.tex")
        if ok:
            files.append(str(out / f"{stem}.pdf"))
    for b in topic.blocks:
        if b.kind == "figure":
            files.extend(b.files)
    return {"files": files, "pdf": message}

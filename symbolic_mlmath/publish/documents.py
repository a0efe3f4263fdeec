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

import shutil
import subprocess
from pathlib import Path
from typing import Any

from symbolic_mlmath.publish.layout import (
    CHECK_KIND,
    check_summary,
    figure_file,
    parts,
    plain_text,
    rel_path,
    solve_line,
)
from symbolic_mlmath.render.html import markdown_to_html, page, parse_markdown
from symbolic_mlmath.render.inline import InlineWriter, write_inline
from symbolic_mlmath.text.options import parse_bool, parse_choice, parse_detail

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

def _summary(topic: Any) -> tuple[int, int]:
    checks = topic.checks
    return sum(1 for c in checks if c.ok), len(checks)


def _checks_markdown(blocks: list[Any]) -> list[str]:
    from symbolic_mlmath.render.formats import MARKDOWN as F

    checks = [b.check for b in blocks]
    ok, words = check_summary(checks)
    mark = "✓ verified" if ok else "✗ check failed"
    out = [f"<details{'' if ok else ' open'}><summary>{mark} · {words}</summary>", ""]
    for c in checks:
        m = "✓" if c.ok else "✗ FAILED"
        out.append(f"- {m} {F.prose(c.label)} ({CHECK_KIND.get(c.kind, c.kind)}: "
                   f"{F.prose(c.detail)})")
    return [*out, "", "</details>", ""]


# ------------------------------------------------------------------ Markdown
def topic_markdown(topic: Any, *, detail: str = "standard", base: str | Path = ".") -> str:
    """The topic as Markdown; figure links are relative to the folder ``base``."""
    from symbolic_mlmath.render.formats import MARKDOWN as F
    from symbolic_mlmath.render.markdown import to_markdown

    detail = parse_detail(detail)
    ok, n = _summary(topic)
    ps = parts(topic)
    examples = [p for p in ps if p.kind == "derivation"]
    status = f"all {n} self-checks passed" if ok == n else f"{n - ok} of {n} self-checks FAILED"
    out = [f"# {F.prose(topic.title)}", "",
           f"*{status} · {len(examples)} worked examples · detail: {detail}*", ""]
    if examples:
        out += ["**On this page**", ""]
        out += [f"{k}. [{p.heading}](#{p.anchor})" for k, p in enumerate(examples, 1)]
        out.append("")
    for p in ps:
        b = p.block
        if p.kind == "text":
            out += [b.text, ""]
        elif p.kind == "derivation":
            out += [f'<a id="{p.anchor}"></a>', "", f"## {p.heading}", ""]
            out.append(to_markdown(b.derivation, detail=detail, heading="",
                                   shared=p.shared).rstrip())
            out.append("")
            line = solve_line(b)
            if line:
                out += ["<details><summary>Recompute it in Python</summary>", "",
                        "```python", line, "```", "", "</details>", ""]
        elif p.kind == "checks":
            out += _checks_markdown(p.blocks)
        elif p.kind == "figure":
            path = figure_file(b, "svg") or figure_file(b, "png")
            if path is not None:
                out += [f"![{plain_text(b.text)}]({rel_path(path, Path(base))})", ""]
            out += [f"*Figure {p.number}: {F.prose(b.text)}*", ""]
    return "\n".join(out).rstrip() + "\n"


# ------------------------------------------------------------------ HTML
def topic_html(topic: Any, *, detail: str = "standard", katex: str = "inline",
               nav: Any = None) -> str:
    """The topic as one self-contained HTML page (see ``publish.pages``)."""
    from symbolic_mlmath.publish.pages import topic_html as page_of

    return page_of(topic, detail=detail, katex=katex, nav=nav or None)


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
    """Declare every non-ASCII character pdflatex might not know (after inputenc); a
    letter with a combining accent becomes math (``x̄`` -> ``\\bar{x}``); ``?`` only for a
    character with no LaTeX spelling at all."""
    from symbolic_mlmath.publish.texchars import accents_tex, char_tex

    doc = accents_tex(doc)
    chars = sorted({ch for ch in doc if ord(ch) > 127})
    decls = []
    for ch in chars:
        if ch in _UNICODE:
            decls.append(rf"\DeclareUnicodeCharacter{{{ord(ch):04X}}}{{{_UNICODE[ch]}}}")
        elif ord(ch) > 0xFF and ch not in "–—‘’“”":
            decls.append(rf"\DeclareUnicodeCharacter{{{ord(ch):04X}}}{{{char_tex(ch) or '?'}}}")
    if not decls:
        return doc
    anchor = "\\usepackage[utf8]{inputenc}\n"
    if anchor not in doc:
        return doc
    return doc.replace(anchor, anchor + "\n".join(decls) + "\n", 1)


def latex_text(s: str) -> str:
    """Plain text made safe for LaTeX prose (``~`` and ``^`` spelled out)."""
    from symbolic_mlmath.render.formats import LATEX

    s = LATEX.prose(s)
    return s.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def _inline_latex(text: str) -> str:
    return write_inline(text, InlineWriter(
        text=latex_text,
        code=lambda s: r"\texttt{" + latex_text(s) + "}",
        math=lambda s: f"${s}$",
        dmath=lambda s: rf"\[ {s} \]",
        image=lambda alt, src, title: f"[{latex_text(alt)}]",
        link=lambda url: ("", ""),
        strong=(r"\textbf{", "}"),
        em=(r"\emph{", "}"),
    ))


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
    paths relative to the folder ``base``): a contents list, one section per example."""
    from symbolic_mlmath.render.latex import to_latex, to_latex_document

    detail = parse_detail(detail)
    ok, n = _summary(topic)
    status = f"All {n} self-checks passed" if ok == n else f"{n - ok} of {n} self-checks FAILED"
    body = [rf"\noindent {status}; detail: {latex_text(detail)}.", "", r"\tableofcontents", ""]
    for p in parts(topic):
        b = p.block
        if p.kind == "text":
            body.append(markdown_to_latex(b.text))
        elif p.kind == "derivation":
            head = _inline_latex(p.heading)
            body += [rf"\section*{{{head}}}", rf"\addcontentsline{{toc}}{{section}}{{{head}}}"]
            body.append(to_latex(b.derivation, detail=detail, heading="", shared=p.shared))
        elif p.kind == "checks":
            good, words = check_summary([x.check for x in p.blocks])
            mark = r"$\checkmark$ verified" if good else r"$\times$ \textbf{check failed}"
            body.append(rf"\noindent{{\small {mark}: {latex_text(words)}.}}")
            if not good:
                body.append(r"\begin{itemize}")
                for c in (x.check for x in p.blocks if not x.check.ok):
                    body.append(rf"\item {_inline_latex(c.label)} {{\small("
                                f"{latex_text(CHECK_KIND.get(c.kind, c.kind))}: "
                                f"{latex_text(c.detail)})}}")
                body.append(r"\end{itemize}")
        elif p.kind == "figure":
            path = figure_file(b, "png")
            body.append(r"\begin{center}")
            if path is not None:
                body.append(rf"\includegraphics[width=0.8\linewidth]{{{rel_path(path, Path(base))}}}"
                            r"\\")
            body.append(rf"{{\small Figure {p.number}: {_inline_latex(b.text)}}}")
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
    # a second run fills in the table of contents
    runs = 2 if "\\tableofcontents" in tex.read_text(encoding="utf-8", errors="replace") else 1
    r = None
    for _ in range(runs):
        try:
            r = subprocess.run([exe, "-interaction=nonstopmode", "-halt-on-error",
                                "-no-shell-escape", tex.name], cwd=tex.parent, timeout=timeout,
                               capture_output=True, text=True, errors="replace",
                               stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return False, f"pdflatex timed out after {timeout:.0f} s"
        if r.returncode != 0:
            break
    ok = r is not None and r.returncode == 0 and tex.with_suffix(".pdf").exists()
    for ext in (".aux", ".out", ".toc") + ((".log",) if ok else ()):
        tex.with_suffix(ext).unlink(missing_ok=True)
    if ok:
        return True, "ok"
    err = next((ln for ln in r.stdout.splitlines() if ln.startswith("!")), "") if r else ""
    return False, f"pdflatex failed: {err or 'see ' + tex.with_suffix('.log').name}"


# ------------------------------------------------------------------ notebooks
_NB_INTRO = ("Each code cell recomputes a worked solution with `symbolic_mlmath`: "
             "change the numbers and rerun the cell to see the steps for your own "
             "problem.")


def topic_notebook(topic: Any, *, detail: str = "standard") -> str:
    """The topic as a Jupyter notebook (JSON text, nbformat 4.5)."""
    from symbolic_mlmath.render.formats import MARKDOWN as F
    from symbolic_mlmath.render.markdown import to_markdown
    from symbolic_mlmath.render.notebook import CellIds, code_cell, dumps, markdown_cell, new_notebook

    detail = parse_detail(detail)
    ids = CellIds()
    ok, n = _summary(topic)
    status = f"all {n} self-checks passed" if ok == n else f"{n - ok} of {n} self-checks FAILED"
    cells = [markdown_cell(f"# {F.prose(topic.title)}\n\n*{status}*\n\n{_NB_INTRO}", ids()),
             code_cell("import symbolic_mlmath as sm", ids(), count=1)]
    count = 1
    for p in parts(topic):
        b = p.block
        if p.kind == "text":
            cells.append(markdown_cell(b.text, ids()))
        elif p.kind == "derivation":
            src = solve_line(b)
            md = to_markdown(b.derivation, detail=detail, heading="", shared=p.shared)
            cells.append(markdown_cell(f"## {p.heading}", ids()))
            if src is None:
                cells.append(markdown_cell(md, ids()))
                continue
            count += 1
            cells.append(code_cell(src + "\nd", ids(), count=count, markdown=md,
                                   plain=repr(b.derivation)))
        elif p.kind == "checks":
            cells.append(markdown_cell("\n".join(_checks_markdown(p.blocks)).rstrip(), ids()))
        elif p.kind == "figure":
            path = figure_file(b, "png")
            caption = f"*Figure {p.number}: {F.prose(b.text)}*"
            if path is not None and path.exists():
                cells.append(markdown_cell(f"![{plain_text(b.text)}](attachment:{path.name})"
                                           f"\n\n{caption}", ids(),
                                           images={path.name: path.read_bytes()}))
            else:
                cells.append(markdown_cell(caption, ids()))
    return dumps(new_notebook(cells, topic.title))


# ------------------------------------------------------------------ one derivation
def render_single(derivation: Any, fmt: str, *, detail: str = "standard") -> str:
    """One worked solution as a document: ``html`` (self-contained page), ``ipynb``
    (a notebook that recomputes it), ``markdown`` or ``latex`` (a whole document).
    Rendering runs under ``Limits.time_budget``."""
    from symbolic_mlmath.text.budget import time_budget

    fmt = parse_choice(fmt, ("html", "ipynb", "markdown", "latex"), name="format")
    detail = parse_detail(detail)
    title = " ".join(str(getattr(derivation, "title", "")).split())[:60]
    with time_budget(what=f"rendering {title}"):  # past it, a one-line LimitError
        return _single(derivation, fmt, detail)


def _single(d: Any, fmt: str, detail: str) -> str:
    from symbolic_mlmath.render.markdown import to_markdown

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
    raise AssertionError(fmt)  # pragma: no cover - parse_choice allows only the four


# ------------------------------------------------------------------ all formats
def write_topic(topic: Any, out: str | Path, *, detail: str = "standard",
                katex: str = "inline", pdf: bool = True, nav: Any = None) -> dict[str, Any]:
    """Write ``<stem>.md/.tex/.html/.ipynb`` (and ``.pdf`` when pdflatex is on PATH)
    into ``out``; the figures are already saved (PNG and SVG) by the topic.

    Returns ``{"files": [...], "pdf": message}``.
    """
    pdf = parse_bool(pdf, name="pdf")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    stem = topic.stem
    files = []
    for ext, text in (
        ("md", topic_markdown(topic, detail=detail, base=out)),
        ("tex", topic_latex(topic, detail=detail, base=out)),
        ("html", topic_html(topic, detail=detail, katex=katex, nav=nav)),
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

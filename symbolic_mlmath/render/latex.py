"""LaTeX (amsmath) fragments and standalone documents from the same steps."""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.render.displays import Shown, where
from symbolic_mlmath.render.formats import LATEX
from symbolic_mlmath.render.present import ResultView, plan
from symbolic_mlmath.render.printers import variable_order
from symbolic_mlmath.render.titles import title_in

__all__ = ["MAX_DEPTH", "PREAMBLE", "result_latex", "to_latex", "to_latex_document"]

#: The deepest substep level given its own list; deeper substeps share it (inside the
#: steps' ``enumerate``, LaTeX allows four levels of ``itemize``).
MAX_DEPTH = 3


def result_latex(r: ResultView) -> str:
    """The result as LaTeX: a display, a tabular of labelled parts, or a sentence."""
    f = LATEX
    if r.rows:
        cols = len(r.rows[0])
        lines = [r"\begin{center}", r"\renewcommand{\arraystretch}{1.6}",
                 r"\begin{tabular}{" + "l" * cols + "}", r"\hline"]
        if any(r.header):
            lines += [" & ".join(r"\textbf{" + f.prose(h) + "}" for h in r.header) + r" \\",
                      r"\hline"]
        for row in r.rows:
            lines.append(" & ".join(f.m(c) if isinstance(c, Shown) else f.prose(str(c))
                                    for c in row) + r" \\")
        lines += [r"\hline", r"\end{tabular}", r"\end{center}"]
        return "\n".join(lines)
    if r.display is not None:
        terms = r.display.terms
        if len(terms) == 1 and terms[0].view == "words" and r.display.name is None:
            from symbolic_mlmath.render.present import sentence
            from symbolic_mlmath.render.views import words

            return sentence(f.prose(words(terms[0].obj)))
        return r"\[ " + f.display(r.display) + r" \]"
    return r.text(f)


def to_latex(d: Any, *, detail: str = "standard", heading: str = "subsection",
             shared: tuple[int, str] | None = None) -> str:
    """The derivation as a LaTeX fragment: a (sub)section with an enumerated list of steps.

    Highlighted rows use the colour ``changed`` (``xcolor``), as :data:`PREAMBLE` defines.
    """
    f = LATEX
    with variable_order(getattr(d, "variables", ()) or ()), where(d.title):
        p = plan(d, detail, shared)
        out = [rf"\{heading}*{{{title_in(f, p.title)}}}"] if heading else []
        if heading == "section":
            out.append(rf"\addcontentsline{{toc}}{{section}}{{{title_in(f, p.title)}}}")
        out += [rf"\textbf{{{p.goal_label}:}} \[ {f.display(p.goal)} \]", ""]
        out.append(r"\begin{enumerate}")
        depth_open = 0
        for s in p.steps:
            depth = min(s.depth, MAX_DEPTH)  # LaTeX nests at most four itemize lists
            while depth > depth_open:
                out.append(r"\begin{itemize}")
                depth_open += 1
            while depth < depth_open:
                out.append(r"\end{itemize}")
                depth_open -= 1
            text = s.text(f)
            if s.conclusion:
                if detail != "overview":
                    out.append(f"{text}:")
                    out += [r"\[ " + f.display(dd) + r" \]" for dd in s.displays]
                continue
            if detail == "overview":
                out.append(rf"\item \textbf{{{f.prose(s.title)}:}} {text}")
                continue
            if s.label:
                out.append(rf"\item[] \textbf{{{f.prose(s.label)}:}} {text}")
                out += [r"\[ " + f.display(dd) + r" \]" for dd in s.displays]
                out.append(rf"\setcounter{{enumi}}{{{s.number}}}")
                continue
            else:
                out.append(rf"\item \textbf{{{f.prose(s.title)}.}} {text}")
            law = s.law(f)
            if law:
                out.append(rf"\\ {{\small\emph{{Rule:}} {law}}}")
            for dd in s.displays:
                out.append(r"\[ " + f.display(dd) + r" \]")
        while depth_open:
            out.append(r"\end{itemize}")
            depth_open -= 1
        out.append(r"\end{enumerate}")
        out.append(r"\textbf{Result:} " + result_latex(p.result))
        return "\n".join(out) + "\n"


PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[utf8]{inputenc}
\usepackage[T1]{fontenc}
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\usepackage{xcolor}
\usepackage[margin=2cm]{geometry}
\definecolor{changed}{HTML}{1565C0}
\setcounter{MaxMatrixCols}{40}
\allowdisplaybreaks
"""


def to_latex_document(body: str, title: str) -> str:
    """A standalone document that compiles with ``pdflatex`` around a LaTeX body."""
    t = LATEX.prose(title)
    return (PREAMBLE + rf"\title{{{t}}}" + "\n\\date{}\n\\begin{document}\n\\maketitle\n"
            + body + "\n\\end{document}\n")

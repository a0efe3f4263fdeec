"""LaTeX (amsmath) fragments and standalone documents from the same steps."""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.render.common import result_as_math, steps_at, template_of
from symbolic_mlmath.render.formats import LATEX, latex_of

__all__ = ["display_pair", "to_latex", "to_latex_document"]

_RELATION = {"=": "=", "~": r"\sim", "=>": r"\;\Longrightarrow\;"}


def display_pair(before: Any, relation: str, after: Any) -> str:
    """The LaTeX body ``before rel after`` (without delimiters)."""
    return f"{latex_of(before)} {_RELATION.get(relation, relation)} {latex_of(after)}"


def to_latex(d: Any, *, detail: str = "standard") -> str:
    """The derivation as a LaTeX fragment: a subsection with an enumerated list of steps."""
    f = LATEX
    out = [rf"\subsection*{{{f.prose(d.title)}}}", rf"\textbf{{Goal:}} ${latex_of(d.goal)}$", ""]
    out.append(r"\begin{enumerate}")
    depth_open = 0
    for depth, step in steps_at(d.steps, detail):
        while depth > depth_open:
            out.append(r"\begin{itemize}")
            depth_open += 1
        while depth < depth_open:
            out.append(r"\end{itemize}")
            depth_open -= 1
        t = template_of(step)
        instance = t.instance(step, f)
        if detail == "overview":
            out.append(rf"\item \textbf{{{f.prose(t.title)}:}} {instance}")
            continue
        out.append(rf"\item \textbf{{{f.prose(t.title)}.}} {t.law(f)}\\")
        out.append(instance)
        if step.before is not None and step.after is not None:
            out.append(r"\[ " + display_pair(step.before, t.relation, step.after) + r" \]")
    while depth_open:
        out.append(r"\end{itemize}")
        depth_open -= 1
    out.append(r"\end{enumerate}")
    out.append(rf"\textbf{{Result:}} ${latex_of(result_as_math(d.result))}$")
    return "\n".join(out) + "\n"


PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[utf8]{inputenc}
\usepackage[T1]{fontenc}
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\usepackage[margin=2cm]{geometry}
\setcounter{MaxMatrixCols}{40}
\allowdisplaybreaks
"""


def to_latex_document(body: str, title: str) -> str:
    """A standalone document that compiles with ``pdflatex`` around a LaTeX body."""
    t = LATEX.prose(title)
    return (PREAMBLE + rf"\title{{{t}}}" + "\n\\date{}\n\\begin{document}\n\\maketitle\n"
            + body + "\n\\end{document}\n")

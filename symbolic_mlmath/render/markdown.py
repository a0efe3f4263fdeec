"""Markdown with ``$...$`` inline and ``$$...$$`` display math (Jupyter, KaTeX, GitHub)."""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.render.displays import Shown, where
from symbolic_mlmath.render.formats import MARKDOWN
from symbolic_mlmath.render.present import Plan, ResultView, plan
from symbolic_mlmath.render.printers import variable_order
from symbolic_mlmath.render.titles import title_in

__all__ = ["result_markdown", "to_markdown"]


def _cell(f: Any, c: Any) -> str:
    if isinstance(c, Shown):
        return f.m(c).replace("|", r"\vert ").replace(r"\vert \vert", "||")
    return f.prose(str(c))


def result_markdown(r: ResultView, f: Any = MARKDOWN) -> list[str]:
    """The result as Markdown lines: a display, a table, or a sentence."""
    if r.rows:
        head = r.header if any(r.header) else ["", ""]
        out = ["| " + " | ".join(f.prose(h) for h in head) + " |",
               "|" + "---|" * len(head)]
        for row in r.rows:
            out.append("| " + " | ".join(_cell(f, c) for c in row) + " |")
        if r.display is not None:
            out += ["", "$$" + f.display(r.display) + "$$"]
        return out
    if r.display is not None:
        terms = r.display.terms
        if len(terms) == 1 and terms[0].view == "words" and r.display.name is None:
            from symbolic_mlmath.render.present import sentence
            from symbolic_mlmath.render.views import words

            return [sentence(f.prose(words(terms[0].obj)))]
        return ["$$" + f.display(r.display) + "$$"]
    return [r.text(f)]


def plan_markdown(p: Plan, detail: str, heading: str = "###") -> str:
    """A plan (see ``render.present``) as Markdown (no heading line when ``heading`` is "")."""
    f = MARKDOWN
    out = [f"{heading} {title_in(f, p.title)}", ""] if heading else []
    out += [f"**{p.goal_label}:**", "", "$$" + f.display(p.goal) + "$$", ""]
    for s in p.steps:
        pad = "  " * s.depth
        text = s.text(f)
        if s.conclusion:
            if detail == "overview":
                continue
            out += [f"{pad}{text}:", ""]
            out += [f"{pad}  $$" + f.display(dd) + "$$" if s.depth else "$$" + f.display(dd) + "$$"
                    for dd in s.displays]
            out.append("")
            continue
        if s.label:
            lead = f"**{s.label}:** {text}"
        elif s.depth == 0:
            lead = f"**Step {s.number}: {f.prose(s.title)}.** {text}"
        else:
            lead = f"- *{f.prose(s.title)}.* {text}"
        if detail == "overview":
            inline = [f.inline(dd) for dd in s.displays if not _has_matrix(dd)]
            out += [f"{pad}{lead}" + (" " + "; ".join(inline) if inline else ""), ""]
            continue
        out += [f"{pad}{lead}", ""]
        law = s.law(f)
        if law:
            out += [f"{pad}  > *Rule:* {law}" if s.depth else f"> *Rule:* {law}", ""]
        for dd in s.displays:
            out += [f"{pad}  $$" + f.display(dd) + "$$" if s.depth else "$$" + f.display(dd) + "$$",
                    ""]
    res = result_markdown(p.result, f)
    if len(res) == 1 and not res[0].startswith("$$"):
        out.append(f"**Result:** {res[0]}")
    else:
        out += ["**Result:**", "", *res]
    return "\n".join(out) + "\n"


def _has_matrix(d: Any) -> bool:
    from sympy import MatrixBase

    return any(isinstance(t.obj, MatrixBase) or t.view in ("system", "solution") for t in d.terms)


def to_markdown(d: Any, *, detail: str = "standard", heading: str = "###",
                shared: tuple[int, str] | None = None) -> str:
    """The derivation as Markdown: a heading, the problem, one paragraph per step, the result.

    ``shared=(n, title)``: the first ``n`` steps repeat an earlier derivation's, summarised.
    """
    with variable_order(getattr(d, "variables", ()) or ()), where(d.title):
        return plan_markdown(plan(d, detail, shared), detail, heading)

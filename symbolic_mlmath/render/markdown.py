"""Markdown with ``$...$`` inline and ``$$...$$`` display math (Jupyter, KaTeX, GitHub)."""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.render.common import result_as_math, steps_at, template_of
from symbolic_mlmath.render.formats import MARKDOWN, latex_of
from symbolic_mlmath.render.latex import display_pair

__all__ = ["to_markdown"]


def to_markdown(d: Any, *, detail: str = "standard", heading: str = "###") -> str:
    """The derivation as Markdown: a heading, the goal, one paragraph per step, the result."""
    f = MARKDOWN
    out = [f"{heading} {f.prose(d.title)}", "", f"**Goal:** ${latex_of(d.goal)}$", ""]
    number = 0
    for depth, step in steps_at(d.steps, detail):
        t = template_of(step)
        pad = "  " * depth
        if depth == 0:
            number += 1
            label = f"**Step {number}: {f.prose(t.title)}.**"
        else:
            label = f"- *{f.prose(t.title)}.*"
        instance = t.instance(step, f)
        if detail == "overview":
            out.append(f"{pad}{label} {instance}")
            out.append("")
            continue
        out.append(f"{pad}{label} {t.law(f)} {instance}")
        out.append("")
        if step.before is not None and step.after is not None:
            out.append(f"{pad}$$" + display_pair(step.before, t.relation, step.after) + "$$")
            out.append("")
    out.append(f"**Result:** ${latex_of(result_as_math(d.result))}$")
    return "\n".join(out) + "\n"

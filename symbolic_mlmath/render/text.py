"""Unicode text: SymPy's pretty printer for the objects, one template per rule."""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.render.common import result_as_math, steps_at, template_of
from symbolic_mlmath.render.formats import TEXT, pretty_of, text_of

__all__ = ["pretty_pair", "to_text"]

_RELATION = {"=": "=", "~": "~", "=>": "⟹"}
_MAX_WIDTH = 110


def pretty_pair(before: Any, relation: str, after: Any) -> str:
    """``before  rel  after`` side by side in pretty print (stacked when too wide)."""
    from sympy.printing.pretty.stringpict import prettyForm, stringPict

    a, b = pretty_of(before), pretty_of(after)
    rel = f"  {_RELATION.get(relation, relation)}  "
    pa, pb = stringPict(a), stringPict(b)
    pa.baseline = pa.height() // 2
    pb.baseline = pb.height() // 2
    joined = prettyForm(*pa.right(rel, pb)).render(wrap_line=False)
    if max((len(line) for line in joined.splitlines()), default=0) <= _MAX_WIDTH:
        return joined
    return f"{a}\n{rel.strip()}\n{b}"


def _indent(block: str, pad: str) -> str:
    return "\n".join(pad + line if line else line for line in block.splitlines())


def to_text(d: Any, *, detail: str = "standard") -> str:
    """The derivation as unicode text."""
    out = [d.title]
    if detail != "overview":
        out.append("=" * len(d.title))
    out.append(f"Goal: {text_of(d.goal)}")
    if detail != "overview":
        out.append("")
    number = 0
    for depth, step in steps_at(d.steps, detail):
        t = template_of(step)
        pad = "  " * (depth + 1)
        if depth == 0:
            number += 1
            label = f"{number}. "
        else:
            label = "- "
        instance = t.instance(step, TEXT)
        if detail == "overview":
            out.append(f"{pad}{label}{t.title}: {instance}")
            continue
        out.append(f"{pad}{label}{t.title}. {t.law(TEXT)}")
        out.append(f"{pad}   {instance}")
        if step.before is not None and step.after is not None:
            out.append(_indent(pretty_pair(step.before, t.relation, step.after), pad + "   "))
        out.append("")
    out.append(f"Result: {text_of(result_as_math(d.result))}")
    return "\n".join(out)

"""Unicode text for the terminal: 2-D matrices with a bar, marked rows and pivots."""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.render.displays import Shown, where
from symbolic_mlmath.render.formats import TEXT
from symbolic_mlmath.render.present import ResultView, plan
from symbolic_mlmath.render.printers import variable_order

__all__ = ["result_text", "to_text"]


def _indent(block: str, pad: str) -> str:
    return "\n".join(pad + line if line else line for line in block.splitlines())


def result_text(r: ResultView) -> str:
    """The result as text: a display, a table of labelled parts, or a sentence."""
    f = TEXT
    if r.rows:
        cells = [[c if isinstance(c, str) else f.display(_single(c)) for c in row]
                 for row in r.rows]
        if any(r.header):
            cells.insert(0, list(r.header))
        widths = [max(max((len(x) for x in str(c[k]).splitlines()), default=0) for c in cells)
                  for k in range(len(cells[0]))]
        lines = []
        for row in cells:
            parts = [str(c).splitlines() or [""] for c in row]
            height = max(len(p) for p in parts)
            for h in range(height):
                lines.append("  ".join((p[h] if h < len(p) else "").ljust(w)
                                       for p, w in zip(parts, widths, strict=True)).rstrip())
        return "\n".join(lines)
    if r.display is not None:
        return f.display(r.display)
    return r.text(f)


def _single(c: Any) -> Any:
    from symbolic_mlmath.render.displays import Display

    return Display((c if isinstance(c, Shown) else Shown(c),))


def to_text(d: Any, *, detail: str = "standard", shared: tuple[int, str] | None = None) -> str:
    """The derivation as unicode text."""
    with variable_order(getattr(d, "variables", ()) or ()), where(d.title):
        p = plan(d, detail, shared)
        f = TEXT
        out = [p.title]
        if detail != "overview":
            out.append("=" * len(p.title))
        goal = f.inline(p.goal) if detail == "overview" else f.display(p.goal)
        if "\n" in goal:
            out += [f"{p.goal_label}:", _indent(goal, "  ")]
        else:
            out.append(f"{p.goal_label}: {goal}")
        if detail != "overview":
            out.append("")
        for s in p.steps:
            pad = "  " * (s.depth + 1)
            label = f"{s.number}. " if s.depth == 0 else "- "
            if s.conclusion:
                if detail != "overview":
                    out.append(f"{pad}{s.text(f)}:")
                    for dd in s.displays:
                        out.append(_indent(f.display(dd), pad + "   "))
                    out.append("")
                continue
            if s.label:
                out.append(f"{pad}{s.label}: {s.text(f)}")
                for dd in s.displays:
                    out.append(_indent(f.display(dd), pad + "   "))
                out.append("")
                continue
            text = s.text(f)
            if detail == "overview":
                inline = [f.inline(dd) for dd in s.displays
                          if all(isinstance(t, Shown) and not hasattr(t.obj, "cols")
                                 and t.view not in ("system", "solution") for t in dd.terms)]
                inline = [x for x in inline if x not in text]  # the sentence says it already
                out.append(f"{pad}{label}{s.title}: {text}" + (" " + "; ".join(inline)
                                                               if inline else ""))
                continue
            out.append(f"{pad}{label}{s.title}: {text}")
            law = s.law(f)
            if law:
                out.append(f"{pad}   Rule: {law}")
            for dd in s.displays:
                out.append(_indent(f.display(dd), pad + "   "))
            out.append("")
        if detail == "overview" and p.result.display is not None and not p.result.rows:
            res = f.inline(p.result.display)
        else:
            res = result_text(p.result)
        if "\n" in res:
            out += ["Result:", _indent(res, "  ")]
        else:
            out.append(f"Result: {res}")
        return "\n".join(out)

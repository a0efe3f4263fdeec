"""The layout of a topic page, shared by every document format.

A topic's blocks are read in order into :class:`Part` objects: prose, a worked
example (with a distinct heading, an anchor, and the number of first steps it shares
with an example shown earlier on the page), the self-checks that follow it, a figure
(with its number and a plain-text description for ``alt``).

Examples
========
>>> slug("Rank of the house image (8×8)")
'rank-of-the-house-image-8x8'
>>> plain_text(r"The lines meet at $(8, 2)$: **one** point.")
'The lines meet at (8, 2): one point.'
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from symbolic_mlmath.render.titles import heading_markdown

__all__ = [
    "CHECK_KIND",
    "Part",
    "check_summary",
    "figure_file",
    "parts",
    "plain_text",
    "rel_path",
    "slug",
    "solve_line",
]

#: How each kind of self-check is described.
CHECK_KIND = {"sympy": "exact, against SymPy", "numeric": "numeric, through lambdify",
              "figure": "figure"}


@dataclass
class Part:
    """One piece of a page: ``kind`` is text, derivation, checks or figure."""

    kind: str
    blocks: list[Any]
    heading: str = ""  # derivations: Markdown heading text (may hold $math$)
    anchor: str = ""  # derivations: the id to link to
    shared: tuple[int, str] | None = None  # derivations: first steps shown earlier
    number: int = 0  # figures: the figure number
    extra: dict = field(default_factory=dict)

    @property
    def block(self) -> Any:
        """The first (for most kinds, the only) block."""
        return self.blocks[0]


def slug(text: str) -> str:
    """An anchor id from a heading: lower case, ASCII letters, digits and hyphens."""
    text = text.replace("×", "x")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text or "section"


def plain_text(markdown: str) -> str:
    """Markdown with ``$math$`` as plain text (for ``alt`` attributes and titles)."""
    s = re.sub(r"\$\$?(.+?)\$\$?", lambda m: _tex_plain(m.group(1)), markdown)
    s = re.sub(r"\*\*(.+?)\*\*|\*(.+?)\*|`(.+?)`", lambda m: next(g for g in m.groups() if g), s)
    return " ".join(s.split())


def _tex_plain(tex: str) -> str:
    out = re.sub(r"\\(operatorname|mathrm|text|mathbf)\{([^}]*)\}", r"\2", tex)
    out = re.sub(r"\\frac\{([^}]*)\}\{([^}]*)\}", r"\1/\2", out)
    out = re.sub(r"\\([A-Za-z]+)", lambda m: _TEX_WORDS.get(m.group(1), m.group(1)), out)
    return out.replace("{", "").replace("}", "").replace("\\", "")


_TEX_WORDS = {"lambda": "λ", "mid": "|", "cdot": "·", "times": "×", "le": "≤", "ge": "≥",
              "neq": "≠", "ne": "≠", "to": "→", "in": "∈", "det": "det", "quad": " ",
              "left": "", "right": "", "alpha": "α", "beta": "β", "sigma": "σ", "mu": "μ"}


def _shared_prefix(d: Any, earlier: list[Any]) -> tuple[int, str] | None:
    """The longest run of first steps ``d`` shares with an earlier derivation (at least 2)."""
    best: tuple[int, str] | None = None
    for e in earlier:
        n = 0
        for a, b in zip(d.steps, e.steps, strict=False):
            if a.rule != b.rule or a.before != b.before or a.after != b.after:
                break
            n += 1
        if n >= 2 and n < len(d.steps) and (best is None or n > best[0]):
            best = (n, e.title)
    return best


def _goal_words(d: Any) -> str:
    from sympy import Expr, MatrixBase

    from symbolic_mlmath.render.formats import MARKDOWN

    goal = d.goal
    inner = goal.arg if hasattr(goal, "arg") and isinstance(goal.arg, MatrixBase) \
        else goal
    if isinstance(inner, MatrixBase):
        if inner.rows * inner.cols > 16:
            return f"a {inner.rows}×{inner.cols} matrix"
        return MARKDOWN.m(inner)
    if isinstance(goal, Expr) and not goal.is_Symbol and not goal.is_Number:
        shown = MARKDOWN.m(goal)  # the function a calculus derivation works on
        return shown if len(shown) <= 80 else ""
    return ""


def parts(topic: Any) -> list[Part]:
    """The topic's blocks as page parts, with distinct headings and anchors."""
    out: list[Part] = []
    fig = 0
    for b in topic.blocks:
        if b.kind == "check" and out and out[-1].kind == "checks":
            out[-1].blocks.append(b)
        elif b.kind == "check":
            out.append(Part("checks", [b]))
        elif b.kind == "figure":
            fig += 1
            out.append(Part("figure", [b], number=fig))
        else:
            out.append(Part(b.kind, [b]))
    derivs = [p for p in out if p.kind == "derivation"]
    titles = [p.block.text or heading_markdown(p.block.derivation.title) for p in derivs]
    seen_ids: set[str] = set()
    headings: dict[str, int] = {}
    earlier: list[Any] = []
    for p, title in zip(derivs, titles, strict=True):
        d = p.block.derivation
        heading = title
        if not p.block.text and titles.count(title) > 1:
            words = _goal_words(d)
            joint = " of " if words.startswith(("$\\begin", "a ")) else ": "
            heading = f"{title}{joint}{words}" if words else title
        if heading in headings:  # the same title and goal again: number the repeats
            headings[heading] += 1
            heading = f"{heading} (example {headings[heading]})"
        headings.setdefault(heading, 1)
        base = slug(plain_text(heading))
        anchor, k = base, 2
        while anchor in seen_ids:
            anchor, k = f"{base}-{k}", k + 1
        seen_ids.add(anchor)
        p.heading, p.anchor = heading, anchor
        p.shared = _shared_prefix(d, earlier)
        earlier.append(d)
    return out


def check_summary(checks: list[Any]) -> tuple[bool, str]:
    """``(all passed, "2 self-checks passed")`` for a group of checks."""
    ok = all(c.ok for c in checks)
    n = len(checks)
    bad = sum(1 for c in checks if not c.ok)
    word = "self-check" if n == 1 else "self-checks"
    return ok, (f"{n} {word} passed" if ok else f"{bad} of {n} {word} FAILED")


def figure_file(block: Any, ext: str) -> Path | None:
    """The figure's file with extension ``ext`` (png, svg), if saved."""
    for f in block.files:
        if f.endswith("." + ext):
            return Path(f)
    return None


def rel_path(path: Path, base: Path) -> str:
    """``path`` relative to the folder ``base`` (POSIX slashes)."""
    return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()


def solve_line(block: Any) -> str | None:
    """The Python line that recomputes a derivation block, if known."""
    from symbolic_mlmath.render.notebook import solve_source

    d = block.derivation
    task = block.task or getattr(d, "task", None)
    inputs = block.inputs if block.task else dict(getattr(d, "inputs", {}) or {})
    return solve_source(task, dict(inputs)) if task else None

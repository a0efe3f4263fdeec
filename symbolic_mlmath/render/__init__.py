"""Renderers: the same steps as text, LaTeX, Markdown, HTML, JSON and notebooks.

Examples
========
>>> from sympy import Matrix
>>> from symbolic_mlmath.linalg.determinants import derive_det
>>> print(render(derive_det(Matrix([[1, 2], [3, 4]])), "text", detail="overview"))
Determinant (cofactor)
Find: det[1 2; 3 4]
  1. 2x2 determinant: Multiply along each diagonal and subtract. det[1 2; 3 4] = 1·4 - 2·3
  2. Arithmetic: Work out the products and sums exactly. 1·4 - 2·3 = -2
Result: det[1 2; 3 4] = -2
"""

from __future__ import annotations

from typing import Any

__all__ = ["DETAILS", "FORMATS", "render"]

from symbolic_mlmath.text.budget import time_budget
from symbolic_mlmath.text.options import DETAILS, parse_choice, parse_detail

FORMATS = ("text", "markdown", "latex", "json")


def render(derivation: Any, fmt: str = "text", *, detail: str = "standard") -> str:
    """Render a derivation in one of :data:`FORMATS` at one of :data:`DETAILS`.

    ``fmt`` and ``detail`` are learner text, read by the text door (one-line InputError).
    """
    fmt = parse_choice(fmt, FORMATS, name="format")
    detail = parse_detail(detail)
    title = " ".join(str(getattr(derivation, "title", "the derivation")).split())
    with time_budget(what=f"rendering {title[:60]}"):  # past it, a one-line LimitError
        return _render(derivation, fmt, detail)


def _render(derivation: Any, fmt: str, detail: str) -> str:
    if fmt == "text":
        from symbolic_mlmath.render.text import to_text

        return to_text(derivation, detail=detail)
    if fmt == "markdown":
        from symbolic_mlmath.render.markdown import to_markdown

        return to_markdown(derivation, detail=detail)
    if fmt == "latex":
        from symbolic_mlmath.render.latex import to_latex

        return to_latex(derivation, detail=detail)
    if fmt == "json":
        import json

        from symbolic_mlmath.render.json import derivation_to_dict

        return json.dumps(derivation_to_dict(derivation, detail=detail), indent=2,
                          ensure_ascii=False)
    raise AssertionError(fmt)  # pragma: no cover - parse_choice allows only FORMATS

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

FORMATS = ("text", "markdown", "latex", "json")
DETAILS = ("overview", "standard", "full")


def render(derivation: Any, fmt: str = "text", *, detail: str = "standard") -> str:
    """Render a derivation in one of :data:`FORMATS` at one of :data:`DETAILS`."""
    if detail not in DETAILS:
        raise ValueError(f"detail: unknown level {detail!r}; choose one of {', '.join(DETAILS)}")
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
    raise ValueError(f"format: unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")

"""Every calculus rule's template: the subject's ``TEMPLATES`` table."""

from __future__ import annotations

from symbolic_mlmath.render.templates import TemplateTable

__all__ = ["TEMPLATES"]

#: Every rule's template.
TEMPLATES = TemplateTable()
template = TEMPLATES.add

# --- differentiation (issue 12) ----------------------------------------------



# --- iterative methods and networks (issue 13) ----------------------------------------------
from symbolic_mlmath.calculus import templates_iter  # noqa: E402

TEMPLATES.update(templates_iter.TEMPLATES)

"""Every probability and statistics rule's template: the subject's ``TEMPLATES`` table."""

from __future__ import annotations

from symbolic_mlmath.render.templates import TemplateTable

__all__ = ["TEMPLATES"]

#: Every rule's template.
TEMPLATES = TemplateTable()
template = TEMPLATES.add

# --- probability, distributions and data (issue 14) ----------------------------------------------



# --- inference (issue 15) ----------------------------------------------

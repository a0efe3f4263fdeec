"""Every linear-algebra rule's template: the subject's ``TEMPLATES`` table.

Examples
========
>>> from symbolic_mlmath.linalg.rules import LinalgRule
>>> all(rule in TEMPLATES for rule in LinalgRule)
True
"""

from __future__ import annotations

from symbolic_mlmath.linalg import (
    templates_det,
    templates_eigen,
    templates_elimination,
    templates_spaces,
    templates_systems,
)
from symbolic_mlmath.render.templates import TemplateTable

__all__ = ["TEMPLATES"]

TEMPLATES = TemplateTable().merge(templates_elimination.TEMPLATES, templates_det.TEMPLATES,
                                  templates_spaces.TEMPLATES, templates_eigen.TEMPLATES,
                                  templates_systems.TEMPLATES)

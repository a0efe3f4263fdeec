"""Every probability and statistics rule's template: the subject's ``TEMPLATES`` table."""

from __future__ import annotations

from symbolic_mlmath.render.templates import TemplateTable

__all__ = ["TEMPLATES"]

#: Every rule's template.
TEMPLATES = TemplateTable()
template = TEMPLATES.add

# --- probability, distributions and data (issue 14) ----------------------------------------------
from symbolic_mlmath.stats.templates_data import DATA_TEMPLATES  # noqa: E402
from symbolic_mlmath.stats.templates_prob import PROB_TEMPLATES  # noqa: E402

TEMPLATES.merge(PROB_TEMPLATES, DATA_TEMPLATES)



# --- inference (issue 15) ----------------------------------------------
from symbolic_mlmath.stats.templates_inference import INFERENCE_TEMPLATES  # noqa: E402
from symbolic_mlmath.stats.templates_intervals import INTERVAL_TEMPLATES  # noqa: E402
from symbolic_mlmath.stats.templates_mle import MLE_TEMPLATES  # noqa: E402

TEMPLATES.merge(INFERENCE_TEMPLATES, MLE_TEMPLATES, INTERVAL_TEMPLATES)

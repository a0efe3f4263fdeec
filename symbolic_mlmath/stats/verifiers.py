"""Independent checks of every probability and statistics rule: the subject's ``VERIFIERS`` table."""

from __future__ import annotations

from symbolic_mlmath.core.verify import VerifierTable

__all__ = ["VERIFIERS"]

#: Every rule's verifier.
VERIFIERS = VerifierTable()

# --- probability, distributions and data (issue 14) ----------------------------------------------
from symbolic_mlmath.stats.verifiers_data import DATA_VERIFIERS  # noqa: E402
from symbolic_mlmath.stats.verifiers_events import EVENT_VERIFIERS  # noqa: E402
from symbolic_mlmath.stats.verifiers_moments import MOMENT_VERIFIERS  # noqa: E402
from symbolic_mlmath.stats.verifiers_prob import PROB_VERIFIERS  # noqa: E402
from symbolic_mlmath.stats.verifiers_sampling import SAMPLING_VERIFIERS  # noqa: E402
from symbolic_mlmath.stats.verifiers_vectors import VECTOR_VERIFIERS  # noqa: E402

VERIFIERS.update(PROB_VERIFIERS)
VERIFIERS.update(DATA_VERIFIERS)
VERIFIERS.update(MOMENT_VERIFIERS)
VERIFIERS.update(EVENT_VERIFIERS)
VERIFIERS.update(VECTOR_VERIFIERS)
VERIFIERS.update(SAMPLING_VERIFIERS)



# --- inference (issue 15) ----------------------------------------------
from symbolic_mlmath.stats.verifiers_inference import INFERENCE_VERIFIERS  # noqa: E402
from symbolic_mlmath.stats.verifiers_mle import MLE_VERIFIERS  # noqa: E402
from symbolic_mlmath.stats.verifiers_power import POWER_VERIFIERS  # noqa: E402

VERIFIERS.update(INFERENCE_VERIFIERS)
VERIFIERS.update(MLE_VERIFIERS)
VERIFIERS.update(POWER_VERIFIERS)

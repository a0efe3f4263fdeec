"""Independent checks of every calculus rule: the subject's ``VERIFIERS`` table."""

from __future__ import annotations

from symbolic_mlmath.core.verify import VerifierTable

__all__ = ["VERIFIERS"]

#: Every rule's verifier.
VERIFIERS = VerifierTable()

# --- differentiation (issue 12) ----------------------------------------------



# --- iterative methods and networks (issue 13) ----------------------------------------------
from symbolic_mlmath.calculus import verifiers_iter  # noqa: E402

VERIFIERS.update(verifiers_iter.VERIFIERS)

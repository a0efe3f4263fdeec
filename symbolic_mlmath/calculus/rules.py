"""The laws of calculus: every rule a step of this subject can name."""

from __future__ import annotations

from enum import Enum

__all__ = ["CalculusRule"]


class CalculusRule(str, Enum):
    """Every law of calculus a derivation step can name."""

    # --- differentiation (issue 12) ----------------------------------------------



    # --- iterative methods and networks (issue 13) ----------------------------------------------

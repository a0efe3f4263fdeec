"""The laws of probability and statistics: every rule a step of this subject can name."""

from __future__ import annotations

from enum import Enum

__all__ = ["StatsRule"]


class StatsRule(str, Enum):
    """Every law of probability and statistics a derivation step can name."""

    # --- probability, distributions and data (issue 14) ----------------------------------------------



    # --- inference (issue 15) ----------------------------------------------

"""Every linear-algebra working judge: the subject's ``JUDGES`` table (task -> Judge).

Examples
========
>>> sorted(JUDGES)
['det', 'ref', 'rref', 'solve_system']
"""

from __future__ import annotations

from symbolic_mlmath.linalg import working_det, working_rows, working_systems

__all__ = ["JUDGES"]

JUDGES = {**working_rows.JUDGES, **working_det.JUDGES, **working_systems.JUDGES}

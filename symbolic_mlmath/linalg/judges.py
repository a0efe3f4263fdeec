"""Every linear-algebra working judge: the subject's ``JUDGES`` table (task -> Judge).

Row reduction in ``judge_elimination``, determinants in ``judge_determinants``, linear
systems in ``judge_systems``.

Examples
========
>>> sorted(JUDGES)
['det', 'ref', 'rref', 'solve_system']
"""

from __future__ import annotations

from symbolic_mlmath.linalg import judge_determinants, judge_elimination, judge_systems

__all__ = ["JUDGES"]

JUDGES = {**judge_elimination.JUDGES, **judge_determinants.JUDGES, **judge_systems.JUDGES}

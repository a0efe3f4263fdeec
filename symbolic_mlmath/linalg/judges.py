"""Every linear-algebra working judge: the subject's ``JUDGES`` table (task -> Judge).

Row reduction in ``judge_elimination``, determinants in ``judge_determinants``, linear
systems in ``judge_systems``, the inverse in ``judge_inverse``, the characteristic
polynomial in ``judge_charpoly``, eigenvectors in ``judge_eigen``.

Examples
========
>>> sorted(JUDGES)
['charpoly', 'det', 'eigenvectors', 'inverse', 'ref', 'rref', 'solve_system']
"""

from __future__ import annotations

from symbolic_mlmath.linalg import (
    judge_charpoly,
    judge_determinants,
    judge_eigen,
    judge_elimination,
    judge_inverse,
    judge_systems,
)

__all__ = ["JUDGES"]

JUDGES = {**judge_elimination.JUDGES, **judge_determinants.JUDGES, **judge_systems.JUDGES,
          **judge_inverse.JUDGES, **judge_charpoly.JUDGES, **judge_eigen.JUDGES}

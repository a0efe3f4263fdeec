"""Independent checks of every linear-algebra rule: the subject's ``VERIFIERS`` table.

Elimination, systems and determinants in ``verifiers_elimination``; vectors, maps,
the inverse, spans, eigen, PCA and Markov chains in ``verifiers_spaces``.

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.linalg.rules import LinalgRule
>>> from symbolic_mlmath.core.verify import verify_step
>>> A = ImmutableMatrix([[2, 1], [1, 2]])
>>> bad = Step(LinalgRule.SHIFT_DIAGONAL, A, ImmutableMatrix([[1, 1], [1, 2]]), {"eigenvalue": 1})
>>> verify_step(bad)
'A - (1) I is Matrix([[1, 1], [1, 1]]), not Matrix([[1, 1], [1, 2]])'
>>> all(rule in VERIFIERS for rule in LinalgRule)
True
"""

from __future__ import annotations

from symbolic_mlmath.core.verify import VerifierTable
from symbolic_mlmath.linalg import verifiers_elimination, verifiers_spaces, verifiers_systems

__all__ = ["VERIFIERS"]

VERIFIERS = VerifierTable({**verifiers_elimination.VERIFIERS, **verifiers_spaces.VERIFIERS,
                           **verifiers_systems.VERIFIERS})

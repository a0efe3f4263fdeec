"""Independent checks of the rules of ``A X = B`` with several right-hand sides.

Examples
========
>>> from sympy import ImmutableMatrix, Integer, symbols
>>> from sympy.core.symbol import Str
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.linalg.rules import LinalgRule
>>> R = ImmutableMatrix([[1, 1, 2, 3], [0, 0, 0, 1]])
>>> s = Step(LinalgRule.BLOCK_INCONSISTENT, R, Str("none"),
...          {"row": Integer(2), "column": Integer(2), "n": Integer(2)})
>>> VERIFIERS[LinalgRule.BLOCK_INCONSISTENT].check(s) is None
True
"""

from __future__ import annotations

from symbolic_mlmath.core.exact import exact_rank, is_zero
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import VerifierTable
from symbolic_mlmath.linalg.rules import LinalgRule

__all__ = ["VERIFIERS"]

VERIFIERS = VerifierTable()


@VERIFIERS.check(LinalgRule.BLOCK_INCONSISTENT, reads=True)
def _v_block_inconsistent(step: Step) -> str | None:
    """The named row is zero left of the bar and non-zero in right-hand side j."""
    R, k, j, n = step.before, int(step.given["row"]), int(step.given["column"]), \
        int(step.given["n"])
    if not (1 <= k <= R.rows and 1 <= j <= R.cols - n):
        return f"there is no row {k} or right-hand side {j}"
    if any(is_zero(x) is not True for x in R[k - 1, :n]) or is_zero(R[k - 1, n + j - 1]) is True:
        return f"row {k} is not [0 ... 0 | c] with c non-zero in right-hand side {j}"
    return None if str(step.after) == "none" else "the conclusion is not 'none'"


@VERIFIERS.check(LinalgRule.READ_BLOCK_FAMILY)
def _v_block_family(step: Step) -> str | None:
    """``X`` solves the reduced system identically, its free entries are its parameters, and
    there are as many as the free unknowns of every column (n - rank per column)."""
    from sympy import Matrix, expand

    R, X, n = step.before, step.after, int(step.given["n"])
    free = list(step.given["free"])
    left, right = Matrix(R[:, :n]), Matrix(R[:, n:])
    if X.shape != (n, right.cols):
        return f"X should be {n}x{right.cols}"
    if any(expand(x) != 0 for x in left * Matrix(X) - right):
        return "X does not solve the reduced system"
    rank = exact_rank(left)
    if len(set(free)) != (n - rank) * right.cols:
        return f"there should be {(n - rank) * right.cols} free parameters, not {len(set(free))}"
    entries = set(Matrix(X))
    if not set(free) <= entries:
        return "a parameter is not a free entry of X"
    jac = Matrix(list(Matrix(X))).jacobian(free) if free else Matrix([])
    if free and (jac.free_symbols & set(free) or jac.rank() != len(free)):
        return "X is not a family with independent parameters"
    return None

"""``A X = B`` for several right-hand sides at once: Gauss-Jordan on ``[A | B]``.

One elimination serves every column of ``B``. Then:

* the left block is ``I`` (A has full column rank, every column consistent): ``X`` is the
  right block (``READ_BLOCK_SOLUTION``);
* some zero row of the left block meets a non-zero entry of column ``j`` of the right block:
  ``A x = b_j`` has no solution, so neither has ``A X = B`` (``BLOCK_INCONSISTENT``; the
  result is ``{}``, as for one inconsistent system);
* otherwise every column has infinitely many solutions: the free unknowns of column ``j``
  get their own parameters ``x{i}{j}`` and each pivot row is read off (``READ_BLOCK_FAMILY``).

Examples
========
>>> from sympy import Matrix
>>> derive_solve_many(Matrix([[1, 1], [1, -1]]), Matrix([[2, 0], [0, 2]])).result
Matrix([
[1,  1],
[1, -1]])
>>> derive_solve_many(Matrix([[1, 1], [2, 2]]), Matrix([[2, 3], [4, 6]])).result
Matrix([
[2 - x21, 3 - x22],
[    x21,     x22]])
>>> derive_solve_many(Matrix([[1, 1], [2, 2]]), Matrix([[2, 3], [4, 7]])).result
{}
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.linalg.elimination import as_immutable, eliminate
from symbolic_mlmath.linalg.rules import LinalgRule

__all__ = ["derive_solve_many", "free_entry"]


def free_entry(row: int, col: int, avoid: Any = ()) -> Any:
    """The parameter of free unknown ``row`` in column ``col`` (1-based): ``x21``."""
    from sympy import Symbol

    name = f"x{row}{col}" if row < 10 and col < 10 else f"x{row}_{col}"
    while Symbol(name) in set(avoid):
        name += "'"
    return Symbol(name)


def _inconsistent(R: Any, n: int, rank: int) -> tuple[int, int] | None:
    for i in range(rank, R.rows):
        for j in range(n, R.cols):
            if R[i, j] != 0:
                return i, j - n
    return None


def derive_solve_many(A: Any, B: Any) -> Derivation:
    """Solve ``A X = B`` by Gauss-Jordan on ``[A | B]``: ``X``, a family of ``X`` with
    parameters for the free unknowns, or ``{}`` when some column has no solution."""
    from sympy import Eq, Integer, MatMul, MatrixSymbol, Tuple, zeros
    from sympy.core.symbol import Str

    A_, B_ = as_immutable(A), as_immutable(B)
    if B_.rows != A_.rows:
        raise TaskError(f"A has {A_.rows} rows but B has {B_.rows}", name="b")
    n, k = A_.cols, B_.cols
    aug = A_.row_join(B_).as_immutable()
    el = eliminate(aug, reduced=True, pivot_cols=n)
    R = el.final.to_sympy()
    rank = len(el.pivots)
    piv = Tuple(*(Tuple(Integer(r + 1), Integer(c + 1)) for r, c in el.pivots))
    steps = [Step(LinalgRule.AUGMENT_COLUMNS, MatMul(A_, MatrixSymbol("X", n, k),
                                                     evaluate=False), aug, {"A": A_, "B": B_}),
             *el.steps, Step(LinalgRule.MARK_PIVOTS, R, R, {"pivots": piv})]
    bad = _inconsistent(R, n, rank)
    result: Any
    if bad is not None:
        steps.append(Step(LinalgRule.BLOCK_INCONSISTENT, R, Str("none"),
                          {"row": Integer(bad[0] + 1), "column": Integer(bad[1] + 1),
                           "n": Integer(n)}))
        result = {}
    elif rank == n:
        result = R[:n, n:].as_immutable()
        steps.append(Step(LinalgRule.READ_BLOCK_SOLUTION, R, result, {"n": Integer(n)}))
    else:
        pivot_of = {c: r for r, c in el.pivots}
        avoid = A_.free_symbols | B_.free_symbols
        X = zeros(n, k)
        free = []
        for j in range(k):
            for c in range(n):
                if c not in pivot_of:
                    X[c, j] = free_entry(c + 1, j + 1, avoid)
                    free.append(X[c, j])
            for c, r in pivot_of.items():
                X[c, j] = R[r, n + j] - sum(R[r, q] * X[q, j] for q in range(n) if q not in pivot_of)
        result = X.as_immutable()
        steps.append(Step(LinalgRule.READ_BLOCK_FAMILY, R, result,
                          {"n": Integer(n), "free": Tuple(*free)}))

    def reference() -> Any:  # SymPy's own solver: its parameters renamed to ours
        try:
            sol, params = A_.as_mutable().gauss_jordan_solve(B_.as_mutable())
        except ValueError:  # "Linear system has no solution"
            return {}
        if not params or isinstance(result, dict):
            return sol.as_immutable()
        return _match_parameters(sol, params, result)

    return Derivation("Solve A X = B for several right-hand sides",
                      goal=Eq(MatMul(A_, MatrixSymbol("X", n, k), evaluate=False), B_,
                              evaluate=False), steps=tuple(steps), result=result,
                      task="solve_system", inputs={"A": A_, "b": B_}, reference=reference)


def _match_parameters(sol: Any, params: Any, ours: Any) -> Any:
    """SymPy's family with its parameters ``tau`` put equal to ours entry by entry (each
    free entry of ours is one of SymPy's parameters in the same place), or SymPy's family
    itself when they do not line up (then validation fails, as it should)."""
    subs = {}
    for i in range(sol.rows):
        for j in range(sol.cols):
            s = sol[i, j]
            if s in set(params) and ours[i, j].is_Symbol:
                subs[s] = ours[i, j]
    return sol.xreplace(subs).as_immutable()

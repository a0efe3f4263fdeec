"""Span, linear independence, basis and dimension, by rank with the row reduction shown.

The vectors become the columns of a matrix; row reduction finds the pivot
columns. The original vectors in the pivot columns are a basis of the span, the
rank is its dimension, the vectors are independent when every column has a
pivot, and they span R^n when the rank is n.

Examples
========
>>> from sympy import Matrix
>>> d = derive_basis_span([Matrix([1, 2, 3]), Matrix([2, 4, 6]), Matrix([0, 1, 1])])
>>> d.result["independent"], d.result["dimension"], d.result["spans"]
(False, 2, False)
>>> derive_independent([Matrix([1, 0]), Matrix([1, 1])]).result
True
"""

from __future__ import annotations

import re
from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.exact import to_dm
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.linalg.elimination import as_immutable, eliminate
from symbolic_mlmath.linalg.rules import LinalgRule

__all__ = ["derive_basis_span", "derive_independent", "null_basis", "space_dimension", "vectors_matrix"]


def space_dimension(space: Any, n: int) -> int:
    """The n of ``R^n`` (``"R^3"``, ``"R3"``, ``"ℝ³"``); it must match the vectors' length.

    Examples
    ========
    >>> space_dimension("R^3", 3), space_dimension(None, 2)
    (3, 2)
    """
    if space is None:
        return n
    text = str(space).strip().replace("ℝ", "R").replace("²", "2").replace("³", "3")
    m = re.fullmatch(r"[Rr]\s*\^?\s*\{?(\d+)\}?", text)
    if not m:
        raise TaskError(f"expected a space like R^3, got {str(space)[:20]!r}", name="space")
    k = int(m.group(1))
    if k != n:
        raise TaskError(f"the vectors have {n} entries, so they live in R^{n}, not R^{k}",
                        name="space")
    return k


def vectors_matrix(vectors: Any) -> tuple[tuple, Any]:
    """The vectors (as columns) and the matrix with them as its columns."""
    from sympy import ImmutableMatrix, MatrixBase

    if isinstance(vectors, MatrixBase):
        vectors = [vectors.row(i).T for i in range(vectors.rows)]
    vs = []
    for v in vectors:
        v = as_immutable(v)
        vs.append(v.T if v.rows == 1 and v.cols > 1 else v)
    if not vs:
        raise TaskError("no vectors given", name="vectors")
    n = vs[0].rows
    for k, v in enumerate(vs, 1):
        if v.cols != 1 or v.rows != n:
            raise TaskError(f"vector {k} has {v.rows} entries, vector 1 has {n}", name="vectors")
    return tuple(vs), ImmutableMatrix.hstack(*vs)


def _reduce(vectors: Any) -> tuple[tuple, Any, list[Step], Any, list[int]]:
    from sympy import Integer, Tuple

    vs, M = vectors_matrix(vectors)
    el = eliminate(M, reduced=True)
    final = el.final
    pivots = [c for _, c in el.pivots]
    piv = Tuple(*(Tuple(Integer(r + 1), Integer(c + 1)) for r, c in el.pivots))
    steps = [Step(LinalgRule.VECTORS_AS_COLUMNS, Tuple(*vs), M, {"count": len(vs)}), *el.steps,
             Step(LinalgRule.MARK_PIVOTS, final, final, {"pivots": piv})]
    return vs, M, steps, final, pivots


def derive_basis_span(vectors: Any, space: Any = None) -> Derivation:
    """Independence, spanning, a basis and the dimension of the span of some vectors.

    The result is a dict: ``independent`` (bool), ``spans`` (bool: they span R^n),
    ``basis`` (list of the original vectors in the pivot columns), ``dimension``.

    Examples
    ========
    >>> from sympy import Matrix
    >>> r = derive_basis_span([Matrix([1, 0]), Matrix([0, 1]), Matrix([1, 1])], "R^2").result
    >>> r["spans"], [list(b) for b in r["basis"]]
    (True, [[1, 0], [0, 1]])
    """
    from sympy import Integer, Tuple

    vs, M, steps, final, pivots = _reduce(vectors)
    n = space_dimension(space, vs[0].rows)
    rank = len(pivots)
    basis = [vs[c] for c in pivots]
    result = {"independent": rank == len(vs), "spans": rank == n, "basis": basis,
              "dimension": Integer(rank)}
    given = {"pivot_columns": tuple(c + 1 for c in pivots), "rank": rank,
             "dimension": rank, "count": len(vs), "n": n,
             "independent": result["independent"], "spans": result["spans"]}
    steps.append(Step(LinalgRule.READ_BASIS, final, Tuple(*basis), given))

    def reference() -> dict:
        r = to_dm(M).to_field().rank()
        cols = list(M.rref()[1])
        return {"independent": r == len(vs), "spans": r == n, "basis": [vs[c] for c in cols],
                "dimension": Integer(r)}

    return Derivation("Basis and dimension of a span", goal=Tuple(*vs), steps=tuple(steps),
                      result=result, task="basis_span", inputs={"vectors": vs, "space": space},
                      reference=reference)


def derive_independent(vectors: Any, space: Any = None) -> Derivation:
    """Whether the vectors are linearly independent (rank = number of vectors).

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_independent([Matrix([1, 2]), Matrix([2, 4])]).result
    False
    """
    from sympy import false, true

    vs, M, steps, final, pivots = _reduce(vectors)
    space_dimension(space, vs[0].rows)
    ok = len(pivots) == len(vs)
    steps.append(Step(LinalgRule.READ_INDEPENDENCE, final, true if ok else false,
                      {"rank": len(pivots), "count": len(vs)}))
    return Derivation("Linear independence", goal=M, steps=tuple(steps), result=ok,
                      task="independent", inputs={"vectors": vs, "space": space},
                      reference=lambda: to_dm(M).to_field().rank() == len(vs))


def null_basis(R: Any, pivots: list[int]) -> list[Any]:
    """A basis of the null space read from a reduced echelon form with the given pivot columns.

    Each free column gives one vector: 1 in its place, minus the pivot rows' entries.

    Examples
    ========
    >>> from sympy import Matrix
    >>> [list(v) for v in null_basis(Matrix([[1, 2, 0], [0, 0, 1]]), [0, 2])]
    [[-2, 1, 0]]
    """
    from sympy import ImmutableMatrix, Integer

    n = R.cols
    free = [c for c in range(n) if c not in pivots]
    out = []
    for f in free:
        v = [Integer(0)] * n
        v[f] = Integer(1)
        for r, c in enumerate(pivots):
            v[c] = -R[r, f]
        out.append(ImmutableMatrix(v))
    return out

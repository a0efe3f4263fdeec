"""SymPy's own check of an eigen task's parameter case (``PARAMETER_CASES`` steps).

Each excluded value is put into the original matrix and the stated result is checked with
SymPy directly, not with our engines: eigenvalues against ``eigenvals``; each eigenspace by
``(M - λI) v = 0`` and its dimension against ``nullspace``; a diagonalisation by
``is_diagonalizable`` and ``M P = P D`` with ``P`` invertible.

Examples
========
>>> from sympy import Eq, Matrix, Tuple, symbols
>>> a = symbols("a")
>>> M = Matrix([[a, 1], [0, 1]])
>>> eigen_case_problem("eigenvalues", M, {a: 1}, Tuple(1, 1), Eq(a, 1)) is None
True
>>> eigen_case_problem("eigenvalues", M, {a: 1}, Tuple(1, 2), Eq(a, 1))
'for Eq(a, 1) the eigenvalues are [1, 1], not [1, 2]'
"""

from __future__ import annotations

from typing import Any

__all__ = ["EIGEN_TASKS", "eigen_case_problem"]

EIGEN_TASKS = ("eigenvalues", "eigenvectors", "diagonalize")


def _zero(expr: Any) -> bool:
    from sympy import simplify

    return simplify(expr) == 0


def _same_multiset(want: list, got: list) -> bool:
    rest = list(got)
    for w in want:
        hit = next((k for k, g in enumerate(rest) if _zero(w - g)), None)
        if hit is None:
            return False
        rest.pop(hit)
    return not rest


def _values(M: Any) -> list:
    return [v for v, m in M.eigenvals().items() for _ in range(m)]


def eigen_case_problem(task: str, original: Any, sub: dict, value: Any, label: Any) -> str | None:
    """What is wrong with ``value`` as the result of ``task`` on ``original`` at ``sub``."""
    from sympy import Matrix, eye

    M = Matrix(original).xreplace(sub)
    want = _values(M)
    if task == "eigenvalues":
        if not _same_multiset(want, list(value)):
            return f"for {label} the eigenvalues are {sorted(want, key=str)}, not {list(value)}"
        return None
    if task == "eigenvectors":  # {eigenvalue: basis}
        distinct = list(M.eigenvals())
        if not _same_multiset(distinct, list(value.keys())):
            return (f"for {label} the eigenvalues are {sorted(distinct, key=str)}, not "
                    f"{list(value.keys())}")
        for lam, vecs in value.items():
            shifted = M - lam * eye(M.rows)
            if len(vecs) != len(shifted.nullspace(simplify=True)):
                return (f"for {label} the eigenspace of {lam} has dimension "
                        f"{len(shifted.nullspace(simplify=True))}, not {len(vecs)}")
            for v in vecs:
                if all(_zero(x) for x in v) or not all(_zero(x) for x in shifted * Matrix(v)):
                    return f"for {label}, {list(v)} is not an eigenvector of {lam}"
        return None
    if str(value) == "not diagonalizable":
        return None if not M.is_diagonalizable() else f"for {label} the matrix is diagonalizable"
    if not M.is_diagonalizable():
        return f"for {label} the matrix is not diagonalizable"
    P, D = (Matrix(x) for x in value)
    if _zero(P.det()) or not all(_zero(x) for x in M * P - P * D) or not D.is_diagonal():
        return f"for {label} P and D do not give A = P D P⁻¹"
    if not _same_multiset(want, [D[k, k] for k in range(D.rows)]):
        return f"for {label} D does not hold the eigenvalues {sorted(want, key=str)}"
    return None

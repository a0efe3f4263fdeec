"""Exact arithmetic every part of the package shares: zero tests, determinants, ranks.

One place for each: :func:`is_zero` (the exact rung of the answer ladder and the
verifier's value comparison), :func:`to_dm` / :func:`exact_det` / :func:`exact_rank`
(SymPy's ``DomainMatrix`` over the smallest domain of the entries), :func:`close`
(numeric agreement to a number of digits, for float parts), :func:`exact_matrix`
(a matrix read through the text door, floats read exactly). Nothing here knows a subject.

Examples
========
>>> from sympy import Matrix, Rational, sqrt, symbols
>>> is_zero(sqrt(8) - 2 * sqrt(2)), is_zero(Rational(1, 3))
(True, False)
>>> exact_det(Matrix([[1, 2], [3, 4]])), exact_rank(Matrix([[1, 2], [2, 4]]))
(-2, 1)
>>> a = symbols("a")
>>> exact_det(Matrix([[a, 1], [1, a]]))
a**2 - 1
"""

from __future__ import annotations

from typing import Any

__all__ = ["close", "exact_det", "exact_matrix", "exact_rank", "has_float", "is_zero", "to_dm"]


def is_zero(diff: Any) -> bool | None:
    """Exact test that ``diff`` is zero: True, False (certainly non-zero), or None (undecided).

    Bounded: an expression too large to expand within the limits is undecided.
    """
    from sympy import cancel, expand

    from symbolic_mlmath.text.limits import get_limits

    if diff == 0:
        return True
    if getattr(diff, "is_number", False):
        if diff.is_Rational:
            return False
        import mpmath

        with mpmath.workdps(60):
            try:
                val = complex(diff.evalf(50))
            except (TypeError, ValueError):
                return None
        if abs(val) > 1e-40:
            return False
        return True if diff.equals(0) else None
    if diff.count_ops() > get_limits().max_expr_nodes // 4:
        return None
    e = expand(diff)
    if e == 0:
        return True
    try:
        if cancel(e) == 0:
            return True
    except Exception:  # cancel refuses some expressions: undecided
        return None
    return None


def to_dm(M: Any) -> Any:
    """A SymPy matrix as a ``DomainMatrix`` over a domain that decides zero exactly.

    Rationals: ZZ/QQ. Algebraic numbers: their number field (``QQ<sqrt(2)>``), so an entry
    that is zero only after simplification (``5 - 5*sqrt(2)/2 - (...)``) is recognised as
    zero. Symbols: a polynomial ring or fraction field (``ZZ[a]``, ``QQ(a, b)``); symbols
    mixed with radicals or functions: ``EX``, whose elements are kept cancelled and
    expanded (never ``EXRAW``, which compares structurally).

    >>> from sympy import Matrix, sqrt, symbols
    >>> to_dm(Matrix([[-5 + 5*sqrt(2), -5], [5 - 5*sqrt(2)/2, -5*sqrt(2)/2]])).domain
    QQ<sqrt(2)>
    >>> a = symbols("a")
    >>> to_dm(Matrix([[a + sqrt(2), 1], [1, a]])).domain
    EX
    """
    from sympy.polys.matrices import DomainMatrix

    rep = getattr(M, "_rep", None)
    if rep is not None and (rep.domain.is_ZZ or rep.domain.is_QQ):
        return rep
    to = getattr(M, "to_DM", None)
    if to is None:
        return DomainMatrix.from_Matrix(M)
    dm = to() if M.free_symbols else to(extension=True)
    if dm.domain.is_EXRAW:
        from sympy.polys.domains import EX

        dm = dm.convert_to(EX)
    return dm


def exact_det(M: Any) -> Any:
    """The exact determinant of an explicit square matrix (expanded when it has symbols)."""
    from sympy import expand

    dm = to_dm(M)
    d = dm.domain.to_sympy(dm.det())
    return expand(d) if getattr(d, "free_symbols", None) else d


def has_float(obj: Any) -> bool:
    """Whether ``obj`` holds a SymPy ``Float`` anywhere."""
    from sympy import Float

    return bool(getattr(obj, "has", lambda *_: False)(Float))


def exact_rank(M: Any) -> int:
    """The rank of a matrix: exact over the entries' field (algebraic entries included);
    a matrix with floats gets the numerical rank of a 30-digit singular value decomposition.

    Examples
    ========
    >>> from sympy import Matrix, sqrt
    >>> exact_rank(Matrix([[1, sqrt(2)], [sqrt(2), 2]]))
    1
    """
    if has_float(M):
        import mpmath

        with mpmath.workdps(30):
            rows = mpmath.matrix(M.evalf(30).tolist())
            s = (mpmath.svd_c(rows, compute_uv=False) if M.has(1j)
                 else mpmath.svd_r(rows, compute_uv=False))
            return sum(1 for x in s if abs(x) > mpmath.mpf(10) ** -15)
    return to_dm(M).to_field().rank()


def close(a: Any, b: Any, digits: int = 20) -> bool:
    """Numeric equality to ``digits`` digits (matrices entry by entry).

    Examples
    ========
    >>> from sympy import Float, sqrt
    >>> close(sqrt(2), Float("1.41421356237309504880168872", 30))
    True
    """
    from sympy import MatrixBase, N

    if isinstance(a, MatrixBase):
        return a.shape == b.shape and all(close(x, y, digits) for x, y in zip(a, b, strict=True))
    x, y = complex(N(a, digits + 10)), complex(N(b, digits + 10))
    return abs(x - y) <= 10.0 ** (-digits + 5) * max(1.0, abs(x), abs(y))


def exact_matrix(M: Any, name: str = "matrix") -> Any:
    """``M`` as an immutable matrix with floats read exactly (0.1 -> 1/10), via the text door.

    Examples
    ========
    >>> exact_matrix([[0.9, 0.5]])
    Matrix([[9/10, 1/2]])
    """
    from symbolic_mlmath.text.parse import parse_matrix

    return parse_matrix(M, name=name)

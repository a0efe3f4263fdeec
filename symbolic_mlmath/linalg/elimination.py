"""Row reduction with steps: REF, RREF, rank and the determinant by elimination.

Every elementary row operation is computed once, on fast exact rows (python-flint
rationals, or the elements of a SymPy domain for symbolic entries), and recorded as
a step at the same time, so the steps can never disagree with the answer. Small
matrices get one step per operation; large ones one step per pivot column (the
operations are listed in the step's ``given``). Matrices reach SymPy form only when
a step is read.

Examples
========
>>> from sympy import Matrix
>>> d = derive_rref(Matrix([[1, 2], [3, 4]]))
>>> [s.rule.value for s in d.steps]
['row_add_multiple', 'row_scale', 'row_add_multiple', 'mark_pivots']
>>> d.result
Matrix([
[1, 0],
[0, 1]])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from symbolic_mlmath.core.exact import to_dm
from symbolic_mlmath.core.steps import Derivation, Lazy, Step
from symbolic_mlmath.linalg.rules import LinalgRule

__all__ = [
    "DetState",
    "Elimination",
    "MatrixState",
    "as_immutable",
    "derive_rank",
    "derive_ref",
    "derive_rref",
    "dm_to_immutable",
    "eliminate",
    "matrix_rows",
]

#: Above this many entries, one step per pivot column instead of one per operation.
FINE_STEPS_MAX_ENTRIES = 156


# ------------------------------------------------------------------ row backends
class _ListRows:
    """Rows as lists of elements of a SymPy field domain."""

    def __init__(self, domain: Any) -> None:
        self.K = domain

    def make(self, entries: Sequence[Any], ncols: int) -> Any:
        return tuple(entries)

    def get(self, row: Any, c: int) -> Any:
        return row[c]

    def scale(self, row: Any, k: Any) -> Any:
        mul = self.K.mul
        return tuple(mul(x, k) for x in row)

    def axpy(self, row: Any, k: Any, prow: Any) -> Any:
        K = self.K
        return tuple(K.add(x, K.mul(k, y)) for x, y in zip(row, prow, strict=True))

    def entries(self, row: Any, ncols: int) -> list[Any]:
        return list(row)

    def to_sympy(self, x: Any) -> Any:
        return self.K.to_sympy(x)

    def is_zero(self, x: Any) -> bool:
        return self.K.is_zero(x)

    def quo(self, a: Any, b: Any) -> Any:
        return self.K.quo(a, b)

    def neg(self, a: Any) -> Any:
        return self.K.neg(a)

    def one(self) -> Any:
        return self.K.one


class _FlintRows(_ListRows):
    """Rational rows as ``fmpq_poly`` coefficient vectors: each operation is one C call."""

    def __init__(self) -> None:
        from sympy import QQ

        super().__init__(QQ)
        import flint

        self.poly = flint.fmpq_poly
        self.fmpq = flint.fmpq

    def make(self, entries: Sequence[Any], ncols: int) -> Any:
        return self.poly(list(entries))

    def get(self, row: Any, c: int) -> Any:
        return row[c]

    def scale(self, row: Any, k: Any) -> Any:
        return row * k

    def axpy(self, row: Any, k: Any, prow: Any) -> Any:
        return row + k * prow

    def entries(self, row: Any, ncols: int) -> list[Any]:
        return [row[c] for c in range(ncols)]

    def to_sympy(self, x: Any) -> Any:
        from sympy import Rational

        return Rational(int(x.p), int(x.q))

    def is_zero(self, x: Any) -> bool:
        return x == 0

    def quo(self, a: Any, b: Any) -> Any:
        return a / b

    def neg(self, a: Any) -> Any:
        return -a

    def one(self) -> Any:
        return self.fmpq(1)


def _backend(domain: Any) -> _ListRows:
    if domain.is_QQ or domain.is_ZZ:
        try:
            return _FlintRows()
        except ImportError:  # pragma: no cover - python-flint is a dependency
            pass
    return _ListRows(domain.get_field())


# ------------------------------------------------------------------ lazy states
class MatrixState(Lazy):
    """A matrix held as backend rows; becomes an ``ImmutableMatrix`` when read."""

    __slots__ = ("backend", "ncols", "rows")

    def __init__(self, backend: _ListRows, rows: tuple, ncols: int) -> None:
        self.backend, self.rows, self.ncols = backend, rows, ncols

    def to_domain_matrix(self) -> Any:
        """The state as a ``DomainMatrix`` over the backend's field."""
        from sympy.polys.matrices import DomainMatrix

        b, n = self.backend, self.ncols
        return DomainMatrix([b.entries(r, n) for r in self.rows], (len(self.rows), n), b.K)

    def to_sympy(self) -> Any:
        b = self.backend
        if isinstance(b, _FlintRows):
            from sympy import QQ, ZZ, ImmutableMatrix
            from sympy.polys.matrices import DomainMatrix

            n = self.ncols
            rows = [b.entries(r, n) for r in self.rows]
            shape = (len(rows), n)
            if all(x.q == 1 for row in rows for x in row):
                dm = DomainMatrix([[x.p for x in row] for row in rows], shape, ZZ)
            else:
                dm = DomainMatrix(rows, shape, QQ)
            return ImmutableMatrix._fromrep(dm.to_sparse())
        return dm_to_immutable(self.to_domain_matrix())


class DetState(Lazy):
    """``coeff * Determinant(M)``: the running form of a determinant by elimination."""

    __slots__ = ("coeff", "matrix")

    def __init__(self, coeff: Any, matrix: MatrixState) -> None:
        self.coeff, self.matrix = coeff, matrix

    def to_sympy(self) -> Any:
        from sympy import Determinant, Mul

        det = Determinant(self.matrix.to_sympy())
        c = self.matrix.backend.to_sympy(self.coeff)
        return det if c == 1 else Mul(c, det, evaluate=False)


class _Value(Lazy):
    __slots__ = ("backend", "x")

    def __init__(self, backend: _ListRows, x: Any) -> None:
        self.backend, self.x = backend, x

    def to_sympy(self) -> Any:
        return self.backend.to_sympy(self.x)


class _Ops(Lazy):
    """A list of operations (kind, target, source, factor) given as a SymPy Tuple."""

    __slots__ = ("backend", "ops")

    def __init__(self, backend: _ListRows, ops: list) -> None:
        self.backend, self.ops = backend, ops

    def to_sympy(self) -> Any:
        from sympy import Integer, Tuple
        from sympy.core.symbol import Str

        conv = self.backend.to_sympy
        return Tuple(
            *(
                Tuple(Str(kind), Integer(t), Integer(s), conv(f) if f is not None else Integer(0))
                for kind, t, s, f in self.ops
            )
        )


def dm_to_immutable(dm: Any) -> Any:
    """A ``DomainMatrix`` as an ``ImmutableMatrix`` without re-parsing its entries."""
    from sympy import QQ, ZZ, ImmutableMatrix

    K = dm.domain
    if K.is_QQ:
        if all(x.denominator == 1 for row in dm.to_list() for x in row):
            dm = dm.convert_to(ZZ)
    elif not K.is_ZZ:
        dm = dm.to_sympy()
    if dm.domain in (ZZ, QQ) or dm.domain.is_EXRAW:
        return ImmutableMatrix._fromrep(dm.to_sparse())
    return ImmutableMatrix(dm.to_Matrix())  # pragma: no cover - defensive


def matrix_rows(M: Any) -> tuple[_ListRows, tuple, int]:
    """Backend and rows of a SymPy matrix, over a field containing its entries."""
    dm = to_dm(M)
    backend = _backend(dm.domain)
    dm = dm.convert_to(backend.K)
    ncols = M.cols
    rows = tuple(backend.make(r, ncols) for r in dm.to_list())
    return backend, rows, ncols


# ------------------------------------------------------------------ the engine
@dataclass
class Elimination:
    """Everything one elimination produced: steps, final rows, pivots, det coefficient."""

    steps: list[Step]
    final: MatrixState
    pivots: list[tuple[int, int]]
    backend: _ListRows
    det_coeff: Any = None
    #: the pivot values divided by (domain elements), in order: with parameters in the
    #: entries, each is a condition "not zero" that the result assumes
    divisors: list = field(default_factory=list)


def eliminate(
    M: Any,
    *,
    reduced: bool,
    for_det: bool = False,
    pivot_cols: int | None = None,
    fine: bool | None = None,
) -> Elimination:
    """Row reduce ``M``, recording each row operation as a step.

    ``reduced`` continues from the row echelon form to the reduced one; ``for_det``
    keeps pivots unscaled and records the determinant's running form
    ``c * Determinant(M_k)`` instead of the matrix; ``pivot_cols`` limits the
    columns searched for pivots (all by default); ``fine`` forces one step per
    operation (default: only for small matrices).
    """
    backend, rows0, ncols = matrix_rows(M)
    m = len(rows0)
    if fine is None:
        fine = m * ncols <= FINE_STEPS_MAX_ENTRIES
    b = backend
    rows = list(rows0)
    steps: list[Step] = []
    pivots: list[tuple[int, int]] = []
    coeff = b.one()
    state: Any = MatrixState(b, rows0, ncols)
    if for_det:
        state = DetState(coeff, state)
    pending: list = []  # ops of the current pivot column (coarse mode)
    divisors: list = []

    def snapshot() -> Any:
        ms = MatrixState(b, tuple(rows), ncols)
        return DetState(coeff, ms) if for_det else ms

    def record(kind: str, target: int, source: int, factor: Any) -> None:
        nonlocal state
        if not fine:
            pending.append((kind, target + 1, source + 1, factor))
            return
        new = snapshot()
        if kind == "swap":
            rule = LinalgRule.DET_ROW_SWAP if for_det else LinalgRule.ROW_SWAP
            given = {"target": target + 1, "source": source + 1}
        elif kind == "scale":
            rule = LinalgRule.DET_ROW_SCALE if for_det else LinalgRule.ROW_SCALE
            given = {"target": target + 1, "factor": _Value(b, factor)}
        else:
            rule = LinalgRule.DET_ROW_ADD if for_det else LinalgRule.ROW_ADD_MULTIPLE
            given = {"target": target + 1, "source": source + 1, "factor": _Value(b, factor)}
        steps.append(Step._trusted(rule, state, new, given))
        state = new

    def flush(pivot: tuple[int, int]) -> None:
        nonlocal state
        if fine or not pending:
            pending.clear()
            return
        new = snapshot()
        rule = LinalgRule.DET_ROW_ADD if for_det else LinalgRule.ELIMINATE_COLUMN
        given = {"pivot_row": pivot[0] + 1, "pivot_col": pivot[1] + 1, "ops": _Ops(b, list(pending))}
        steps.append(Step._trusted(rule, state, new, given))
        state = new
        pending.clear()

    limit = ncols if pivot_cols is None else pivot_cols
    r = 0
    for c in range(limit):
        if r == m:
            break
        p = next((i for i in range(r, m) if not b.is_zero(b.get(rows[i], c))), None)
        if p is None:
            continue
        p = _friendly_pivot(b, rows, r, m, c, p)
        if p != r:
            rows[p], rows[r] = rows[r], rows[p]
            if for_det:
                coeff = b.neg(coeff)
            record("swap", r, p, None)
        prow = rows[r]
        piv = b.get(prow, c)
        if piv != b.one():
            divisors.append(piv)
        if not for_det and piv != b.one():
            k = b.quo(b.one(), piv)
            prow = rows[r] = b.scale(prow, k)
            record("scale", r, r, k)
            piv = b.one()
        for i in range(r + 1, m):
            f = b.get(rows[i], c)
            if not b.is_zero(f):
                k = b.neg(b.quo(f, piv))
                rows[i] = b.axpy(rows[i], k, prow)
                record("add", i, r, k)
        pivots.append((r, c))
        flush((r, c))
        r += 1
    if reduced and not for_det:
        for r, c in reversed(pivots):
            prow = rows[r]
            for i in range(r):
                f = b.get(rows[i], c)
                if not b.is_zero(f):
                    k = b.neg(f)
                    rows[i] = b.axpy(rows[i], k, prow)
                    record("add", i, r, k)
            flush((r, c))
    final = MatrixState(b, tuple(rows), ncols)
    return Elimination(steps, final, pivots, b, coeff if for_det else None, divisors)


def _friendly_pivot(b: Any, rows: list, r: int, m: int, c: int, first: int) -> int:
    """The pivot row a teacher would pick: a row below whose entry is 1 or -1 when the
    first candidate's is not, so the arithmetic stays in whole numbers; else ``first``."""
    one, minus = b.one(), b.neg(b.one())
    if b.get(rows[first], c) in (one, minus):
        return first
    for want in (one, minus):
        found = next((i for i in range(first + 1, m) if b.get(rows[i], c) == want), None)
        if found is not None:
            return found
    return first


# ------------------------------------------------------------------ derivations
def _pivot_steps(el: Elimination) -> list[Step]:
    from sympy import Integer, Tuple

    piv = Tuple(*(Tuple(Integer(r + 1), Integer(c + 1)) for r, c in el.pivots))
    return [Step(LinalgRule.MARK_PIVOTS, el.final, el.final, {"pivots": piv})]


def as_immutable(M: Any) -> Any:
    """``M`` as an ``ImmutableMatrix`` (no copy when it already is one)."""
    from sympy import ImmutableMatrix, MatrixBase

    if isinstance(M, ImmutableMatrix):
        return M
    if isinstance(M, MatrixBase):
        return M.as_immutable()
    return ImmutableMatrix(M)


def _echelon(M: Any, reduced: bool, augmented: bool, title: str, task: str) -> Derivation:
    A = as_immutable(M)
    rhs_only = False
    if augmented and A.cols > 1:
        # pivots in A's columns; the right-hand side gets one only for a non-zero number
        # ([0 ... 0 | 1]), never for a symbolic entry (b - 2a = 0 is a condition)
        el = eliminate(A, reduced=reduced, pivot_cols=A.cols - 1)
        final = el.final.to_sympy()
        rest = [final[i, -1] for i in range(len(el.pivots), A.rows)]
        rhs_only = not any(x != 0 and not x.free_symbols for x in rest)
        if not rhs_only:
            el = eliminate(A, reduced=reduced)
    else:
        el = eliminate(A, reduced=reduced)
    steps = el.steps + _pivot_steps(el)
    result = el.final.to_sympy()
    pivot_cols = A.cols - 1 if rhs_only else None
    from symbolic_mlmath.linalg.cases import with_parameter_cases

    steps = with_parameter_cases(A, el, steps, task, result, lambda B: eliminate(
        B, reduced=reduced, pivot_cols=pivot_cols).final.to_sympy())

    def reference() -> Any:
        if rhs_only:
            R, rhs = A[:, :-1].rref_rhs(A[:, -1])
            return R.row_join(rhs.applyfunc(lambda x: x.expand()))
        return A.rref()[0]

    return Derivation(
        title,
        goal=A,
        steps=tuple(steps),
        result=result,
        task=task,
        inputs={"matrix": A, "augmented": augmented},
        reference=reference if reduced else None,
    )


def derive_rref(M: Any, *, augmented: bool = False) -> Derivation:
    """The reduced row echelon form of ``M``, one row operation per step.

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_rref(Matrix([[2, 4], [1, 3]])).result
    Matrix([
    [1, 0],
    [0, 1]])
    """
    return _echelon(M, True, augmented, "Reduced row echelon form", "rref")


def derive_ref(M: Any, *, augmented: bool = False) -> Derivation:
    """A row echelon form of ``M`` (leading entries scaled to 1), step by step.

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_ref(Matrix([[2, 4], [1, 3]])).result
    Matrix([
    [1, 3],
    [0, 1]])
    """
    return _echelon(M, False, augmented, "Row echelon form", "ref")


def derive_rank(M: Any) -> Derivation:
    """The rank of ``M``: reduce to row echelon form and count the pivots.

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_rank(Matrix([[1, 2], [2, 4]])).result
    1
    """
    from sympy import Integer

    A = as_immutable(M)
    el = eliminate(A, reduced=False)
    rank = Integer(len(el.pivots))
    steps = [*el.steps, *_pivot_steps(el)]
    steps.append(Step(LinalgRule.READ_RANK, el.final, rank, {"pivots": len(el.pivots)}))
    from symbolic_mlmath.linalg.cases import with_parameter_cases

    steps = with_parameter_cases(A, el, steps, "rank", rank,
                                 lambda B: Integer(len(eliminate(B, reduced=False).pivots)))

    def reference() -> Any:
        return Integer(to_dm(A).to_field().rank())

    return Derivation(
        "Rank", goal=A, steps=tuple(steps), result=rank, task="rank",
        inputs={"matrix": A}, reference=reference,
    )

"""The working judge of ``inverse``: Gauss-Jordan on [A | I], or the 2x2 formula.

Each line of a Gauss-Jordan working is the n x 2n matrix [left | right] after one round of
row operations (judged as row reduction is, by :mod:`symbolic_mlmath.linalg.rounds`, with
row-operation notes read); the working is finished when the left half is I, and a last
n x n line reads the inverse off the right half. A slip that leaves the right half as it
was is named (``right half not updated``). A singular matrix is finished when the left
half shows a zero row.

The 2x2 formula is judged too: the adjugate ``[[d, -b], [-c, a]]`` on one line (slips:
the diagonal not swapped, the signs of b and c not changed), then ``A^-1 = adj / det``.

Examples
========
>>> from sympy import ImmutableMatrix as M
>>> from symbolic_mlmath.core.working import check_working
>>> A = M([[2, 1], [1, 1]])
>>> v = check_working("inverse", {"matrix": A}, ["[[1,1,0,1],[2,1,1,0]]",
...     "[[1,1,0,1],[0,-1,1,-2]]", "[[1,0,1,-1],[0,-1,1,-2]]", "[[1,0,1,-1],[0,1,-1,2]]",
...     "A^-1 = [[1,-1],[-1,2]]"])
>>> v.correct, v.lines[0].operation
(True, 'R1 <-> R2')
>>> v = check_working("inverse", {"matrix": A}, ["[[1,1/2,1/2,0],[1,1,0,1]]",
...                                              "[[1,1/2,1/2,0],[0,1/2,0,1]]"])
>>> v.first_wrong_step, v.lines[1].mistake
(1, 'right half not updated')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from symbolic_mlmath.core.mistakes import Slip, differences
from symbolic_mlmath.core.working import Follow, Judge, judges_for
from symbolic_mlmath.linalg.judge_elimination import JUDGES as _ELIMINATION
from symbolic_mlmath.linalg.judge_elimination import read_matrix_line
from symbolic_mlmath.linalg.mistakes_rows import matrix_slip
from symbolic_mlmath.linalg.rounds import fmt_number, rows_of, same
from symbolic_mlmath.linalg.row_notes import row_note

__all__ = ["JUDGES"]

_ROWS = _ELIMINATION["rref"]


@dataclass(frozen=True)
class _Ctx:
    A: Any
    n: int
    given: Any  # [A | I]
    inverse: Any  # None when A is singular
    adjugate: Any  # 2x2 only
    det: Any
    rows_ctx: Any


def _start(task: str, inputs: dict) -> _Ctx:
    from sympy import ImmutableMatrix, eye

    from symbolic_mlmath.core.errors import TaskError
    from symbolic_mlmath.linalg.inverse import exact_inverse

    A = inputs["matrix"]
    if A.rows != A.cols:
        raise TaskError(f"the inverse needs a square matrix, got {A.rows}x{A.cols}",
                        name="matrix")
    n = A.rows
    given = ImmutableMatrix.hstack(A, eye(n))
    det = A.det()
    inv = exact_inverse(A) if det != 0 else None
    adj = ImmutableMatrix([[A[1, 1], -A[0, 1]], [-A[1, 0], A[0, 0]]]) if n == 2 else None
    return _Ctx(A, n, given, inv, adj, det, _ROWS.start("rref", {"matrix": given}))


def _read(ctx: _Ctx, raw: Any) -> Any:
    return read_matrix_line(raw)


def _halves(M: Any, n: int) -> tuple[Any, Any]:
    return M[:, :n], M[:, n:]


def _is_identity(M: Any) -> bool:
    from sympy import eye

    return M.shape[0] == M.shape[1] and eye(M.shape[0]) == M


def _equal(P: Any, Q: Any) -> bool:
    if P.shape != Q.shape:
        return False
    a, b = rows_of(P, Q)
    return all(same(x, y) for r, s in zip(a, b, strict=True) for x, y in zip(r, s, strict=True))


def _follows(ctx: _Ctx, state: Any, obj: Any) -> Follow:
    n = ctx.n
    if obj.shape == (n, 2 * n):
        if state.shape != obj.shape:
            return Follow(False, note=f"the line is {n}x{2 * n}, but the line before is "
                          f"{state.rows}x{state.cols}")
        return _ROWS.follows(ctx.rows_ctx, state, obj)
    if obj.shape != (n, n):
        return Follow(False, note=f"the line is {obj.rows}x{obj.cols}; write [A | I] as an "
                      f"{n}x{2 * n} matrix, or the inverse as an {n}x{n} matrix")
    if state.shape == (n, 2 * n):
        left, right = _halves(state, n)
        if _equal(obj, ctx.A) and _equal(state, ctx.given):
            return Follow(True, "the matrix A", state=state)
        if _is_identity(left) and _equal(obj, right):
            return Follow(True, "the inverse is the right half")
        if ctx.inverse is not None and _equal(obj, ctx.inverse):
            return Follow(True, "A^-1", note="the inverse, not derived from the line before")
        if ctx.adjugate is not None and _equal(state, ctx.given) and _equal(obj, ctx.adjugate):
            return Follow(True, "the adjugate [[d, -b], [-c, a]] (2x2 formula)")
        return Follow(False)
    # the line before is n x n: the adjugate (2x2 formula), or the inverse read off already
    if ctx.adjugate is not None and _equal(state, ctx.adjugate) and ctx.det != 0:
        if _equal(obj, ctx.adjugate / ctx.det):
            return Follow(True, f"A^-1 = adj(A) / det(A) = adj(A) / {ctx.det}")
        return Follow(False)
    return Follow(True, "no change") if _equal(obj, state) else Follow(False)


def _finished(ctx: _Ctx, state: Any) -> tuple[bool, str]:
    n = ctx.n
    if ctx.inverse is None:
        if state.shape == (n, 2 * n):
            left = state[:, :n]
            if any(all(x == 0 for x in left.row(i)) for i in range(n)):
                return True, "and the left half has a zero row: A is not invertible"
        return False, "A is not invertible (det A = 0): reduce until the left half shows a " \
            "zero row"
    if state.shape == (n, n):
        if _equal(state, ctx.inverse):
            return True, "and the last line is A^-1"
        return False, "the last line is not A^-1 yet"
    left, _ = _halves(state, n)
    if _is_identity(left):
        return True, "the left half is I, so the right half is A^-1"
    return False, "the left half is not the identity yet"


def _label(n: int) -> Any:
    def label(i: int, j: int) -> str:
        return f"entry ({i + 1}, {j + 1})" if j < n else \
            f"entry ({i + 1}, {j - n + 1}) of the right half"

    return label


def _explain(ctx: _Ctx, state: Any, obj: Any) -> Slip | None:
    n = ctx.n
    if obj.shape == (n, 2 * n) and state.shape == obj.shape:
        slip = matrix_slip(state, obj, label=_label(n))
        if slip is None or slip.expected is None:
            return slip
        O, E, N = rows_of(state, slip.expected, obj)
        cells = [(i, j) for i in range(n) for j in range(2 * n) if not same(E[i][j], N[i][j])]
        if cells and all(j >= n and same(N[i][j], O[i][j]) for i, j in cells):
            return Slip("right half not updated", "the row operation was applied to the left half "
                        "only: " + differences(E, N, cells, _label(n), fmt_number),
                        slip.expected, slip.operation)
        return slip
    if obj.shape != (n, n):
        return Slip("wrong shape", f"the line is {obj.rows}x{obj.cols}, but [A | I] is "
                    f"{n}x{2 * n} and A^-1 is {n}x{n}")
    if state.shape == (n, 2 * n):
        left, right = _halves(state, n)
        if ctx.adjugate is not None and _equal(state, ctx.given):
            slip = _adjugate_slip(ctx, obj)
            if slip is not None:
                return slip
        target = right if _is_identity(left) else ctx.inverse
        if target is None:
            return None
        return _entry_slip(target, obj, "the inverse is the right half" if _is_identity(left)
                           else "A^-1")
    if ctx.adjugate is not None and _equal(state, ctx.adjugate) and ctx.det != 0:
        if _equal(obj, ctx.adjugate * ctx.det):
            return Slip("multiplied by det instead of divided", f"A^-1 = adj(A) / det(A); "
                        f"det A = {ctx.det}", ctx.adjugate / ctx.det)
        if _equal(obj, -ctx.adjugate / ctx.det):
            return Slip("sign error", f"det A = {ctx.det}: divide by it with its sign",
                        ctx.adjugate / ctx.det)
        return _entry_slip(ctx.adjugate / ctx.det, obj, "A^-1 = adj(A) / det(A)")
    return None


def _adjugate_slip(ctx: _Ctx, obj: Any) -> Slip | None:
    from sympy import ImmutableMatrix

    a, b, c, d = ctx.A
    adj = ctx.adjugate
    if _equal(obj, ImmutableMatrix([[d, b], [c, a]])) and (b != 0 or c != 0):
        return Slip("adjugate signs", "the adjugate of [[a, b], [c, d]] is [[d, -b], [-c, a]]: "
                    "b and c change sign", adj, "the adjugate (2x2 formula)")
    if _equal(obj, ImmutableMatrix([[a, -b], [-c, d]])) and a != d:
        return Slip("adjugate diagonal not swapped", "the adjugate of [[a, b], [c, d]] is "
                    "[[d, -b], [-c, a]]: a and d change places", adj, "the adjugate (2x2 formula)")
    if ctx.det != 0 and (_equal(obj, ImmutableMatrix([[d, b], [c, a]]) / ctx.det)
                         or _equal(obj, ImmutableMatrix([[a, -b], [-c, d]]) / ctx.det)):
        return Slip("adjugate signs", "A^-1 = [[d, -b], [-c, a]] / (ad - bc)", ctx.inverse,
                    "the 2x2 formula")
    return None


def _entry_slip(target: Any, obj: Any, what: str) -> Slip:
    T, N = rows_of(target, obj)
    cells = [(i, j) for i in range(len(T)) for j in range(len(T[0])) if not same(T[i][j], N[i][j])]
    name = "sign error" if all(same(N[i][j], -T[i][j]) for i, j in cells) else "arithmetic slip"
    return Slip(name, differences(T, N, cells, show=fmt_number), target, what)


def _answer(ctx: _Ctx, state: Any, raw: Any) -> Any:
    from symbolic_mlmath.core.tasks import get_task

    t = get_task("inverse")
    return t.check_answer(t.derive(matrix=ctx.A), raw, {"matrix": ctx.A})


def _show(M: Any) -> str:
    return "[" + ", ".join("[" + ", ".join(fmt_number(x) for x in row) + "]"
                           for row in rows_of(M)[0]) + "]"


#: The judge of this module's task.
JUDGES = judges_for(Judge(_start, _read, _follows, _finished, _explain, _answer, _show,
                          given_name="[A | I]", expected=lambda ctx: ctx.inverse, note=row_note),
                    "inverse")

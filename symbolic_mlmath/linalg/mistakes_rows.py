"""Slips in row reduction: the round the learner meant, and how the line differs from it.

The nearest correct line is found by fitting, row by row, the factors that explain most
entries of the learner's line (a robust fit of :mod:`symbolic_mlmath.linalg.rounds`);
the difference is then named: a sign, an arithmetic slip, an operation applied to part
of a row, a right-hand side not carried, a row multiplied by zero, a wrong factor.

Examples
========
>>> from sympy import ImmutableMatrix as M
>>> s = matrix_slip(M([[1, 2, 3], [2, 5, 1]]), M([[1, 2, 3], [0, 1, 5]]))
>>> s.name, s.detail
('sign error', 'entry (2, 3) should be -5, not 5')
>>> s.operation
'R2 <- R2 - 2 R1'
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from typing import Any

from symbolic_mlmath.core.mistakes import Slip, cell, differences
from symbolic_mlmath.linalg.rounds import (
    Round,
    apply_round,
    describe,
    find_round,
    fit_row,
    fmt_number,
    is_zero,
    lead,
    natural_coeffs,
    rows_of,
    same,
    swapped,
    unit_like,
)

__all__ = ["best_fit", "matrix_slip", "near_miss"]


def _as_matrix(rows: list) -> Any:
    from sympy import ImmutableMatrix, Rational

    def s(x: Any) -> Any:
        from fractions import Fraction

        return Rational(x.numerator, x.denominator) if isinstance(x, Fraction) else x

    return ImmutableMatrix([[s(x) for x in row] for row in rows])


def near_miss(O: list, N: list, *, swaps: bool = True) -> Slip | None:
    """A line that only an unnatural round explains, but a natural round explains all but
    one or two entries of: a slip (rows ``O`` -> ``N``, lists of exact numbers)."""

    r, miss = best_fit(O, N, swaps=swaps)
    if not 1 <= miss <= (2 if swaps else 1) or is_zero(r.scale) or any(
            is_zero(a) for a, _c in r.coeffs.values()):
        return None
    return _classify(O, N, r, False, cell)


def _row_candidates(u: list, v: list, w: list) -> list[tuple[Any, Any]]:
    cands: list[tuple[Any, Any]] = [(1, 0)]
    L = lead(v)
    if L is not None:
        cands.append((1, -u[L] / v[L]))
        cands += [(1, (w[j] - u[j]) / v[j]) for j in range(len(v)) if not is_zero(v[j])]
        cands += [(0, w[j] / v[j]) for j in range(len(v)) if not is_zero(v[j])]
        if not is_zero(u[L]):
            cands.append((v[L], -u[L]))
    cands += [(w[j] / u[j], 0) for j in range(len(u)) if not is_zero(u[j])]
    cands.append((0, 0))
    f = fit_row(u, v, w)
    if f is not None:
        cands.append(f)
    return [(a, c) for a, c in cands if is_zero(a) or natural_coeffs(u, v, a, c)]


def _fit_row_robust(u: list, v: list, w: list) -> tuple[tuple[Any, Any], int]:
    """The factors ``(a, c)`` explaining most entries of ``w = a u + c v``, and the misses."""

    m = len(u)
    L = lead(v)
    best, best_key = (1, 0), None
    for a, c in _row_candidates(u, v, w):
        hits = sum(1 for x, y, z in zip(u, v, w, strict=True) if same(a * x + c * y, z))
        if is_zero(a) and hits < m:
            continue
        zeroes = L is not None and is_zero(a * u[L] + c * v[L])
        key = (hits, not is_zero(a), zeroes, same(a, 1))
        if best_key is None or key > best_key:
            best, best_key = (a, c), key
    return best, m - best_key[0]


def _fit_scale(v: list, w: list) -> tuple[Any, int]:
    L = lead(v)

    cands = [1] + [w[j] / v[j] for j in range(len(v)) if not is_zero(v[j])]
    if L is not None:
        cands.append(1 / v[L])
    cands = [s for s in cands if is_zero(s) or unit_like(s, v)]
    best, best_hits = 1, -1
    for s in cands:
        hits = sum(1 for y, z in zip(v, w, strict=True) if same(s * y, z))
        if is_zero(s) and hits < len(v):
            continue
        if hits > best_hits:
            best, best_hits = s, hits
    return best, len(v) - best_hits


def best_fit(O: list, N: list, *, swaps: bool = True) -> tuple[Any, int]:
    """The round (nearest to ``N``) that the learner most likely meant, and its misses."""

    def defects(r: Any, miss: int) -> int:
        return miss + sum(1 for a, _c in r.coeffs.values() if is_zero(a)) + is_zero(r.scale)

    def fit(swap: Any) -> tuple[Any, int, int]:
        S = swapped(O, swap)
        best: tuple[Any, int, int] | None = None
        for p in range(len(S)):
            s, miss = _fit_scale(S[p], N[p])
            coeffs, zeroing = {}, 0
            L = lead(S[p])
            for i in range(len(S)):
                if i != p:
                    (a, c), m = _fit_row_robust(S[i], S[p], N[i])
                    coeffs[i] = (a, c)
                    miss += m
                    zeroing += L is not None and not is_zero(c) and is_zero(a * S[i][L] + c * S[p][L])
            cand = (Round(p, s, coeffs, swap), miss, -zeroing)
            if best is None or (cand[1], cand[2]) < (best[1], best[2]):
                best = cand
        assert best is not None
        return best

    r, miss, _ = fit(None)
    if swaps and defects(r, miss) >= 1:
        for swap in combinations(range(len(O)), 2):
            r2, miss2, _ = fit(swap)
            if defects(r2, miss2) < defects(r, miss):
                r, miss = r2, miss2
    return r, miss


def matrix_slip(prev: Any, got: Any, *, augmented: bool = False,
                label: Callable[[int, int], str] = cell) -> Slip | None:
    """Name the slip that turned a round of row operations on ``prev`` into ``got``."""

    if got.shape != prev.shape:
        if augmented and got.rows == prev.rows and got.cols == prev.cols - 1:
            r = find_round(prev[:, :-1], got)
            if r is not None:
                E = apply_round(rows_of(prev)[0], r)
                return Slip("augmented column not carried", "the last column (the right-hand "
                            "side) was dropped", _as_matrix(E), describe(r))
            return Slip("augmented column not carried", "the last column (the right-hand side) "
                        "was dropped")
        return Slip("wrong shape", f"the line is {got.rows}x{got.cols}, but the matrix is "
                    f"{prev.rows}x{prev.cols}")
    O, N = rows_of(prev, got)
    r, _ = best_fit(O, N)
    return _classify(O, N, r, augmented, label)


def _classify(O: list, N: list, r: Any, augmented: bool, label: Callable) -> Slip | None:
    """Name the difference between ``N`` and the round ``r`` applied to ``O``."""

    E = apply_round(O, r)
    S = swapped(O, r.swap)
    op = describe(r)
    zero_rows = [i for i, (a, _c) in r.coeffs.items() if is_zero(a)]
    if zero_rows or is_zero(r.scale):
        i = zero_rows[0] if zero_rows else r.pivot

        fixed = dict(r.coeffs)
        L = lead(S[r.pivot])
        if zero_rows and L is not None:
            fixed[i] = (1, -S[i][L] / S[r.pivot][L])
        r2 = Round(r.pivot, 1 if is_zero(r.scale) else r.scale, fixed, r.swap)
        E2 = apply_round(O, r2)
        return Slip("row times zero", f"row {i + 1} lost itself (it was multiplied by 0, "
                    "which is not an elementary operation); keep a non-zero multiple of it",
                    _as_matrix(E2), describe(r2))
    cells = [(i, j) for i in range(len(N)) for j in range(len(N[0])) if not same(E[i][j], N[i][j])]
    if not cells:
        return None
    detail = differences(E, N, cells, label, fmt_number)
    expected = _as_matrix(E)
    last = len(N[0]) - 1
    unchanged = all(same(N[i][j], S[i][j]) and not same(E[i][j], S[i][j]) for i, j in cells)
    if unchanged and augmented and all(j == last for _, j in cells):
        return Slip("augmented column not carried", "the last column (the right-hand side) was "
                    "not updated: " + detail, expected, op)
    if unchanged and (len(cells) >= 2 or all(j == last for _, j in cells)):
        return Slip("operation applied to part of a row", "some entries were left as they were: "
                    + detail, expected, op)
    if all(same(N[i][j], -E[i][j]) for i, j in cells):
        return Slip("sign error", detail, expected, op)
    rows = {i for i, _ in cells}
    if len(rows) == 1 and len(cells) >= 2:
        (i,) = rows
        p = r.pivot
        js = [j for _, j in cells]
        if i == p:
            ks = {N[i][j] / S[i][j] for j in js if not is_zero(S[i][j])}
            if len(ks) == 1 and all(not is_zero(S[i][j]) for j in js):
                return Slip("wrong factor", f"entries of row {i + 1} were scaled by a different "
                            "factor: " + detail, expected, op)
        else:
            a, _c = r.coeffs[i]
            if all(not is_zero(S[p][j]) for j in js):
                ks = [(N[i][j] - a * S[i][j]) / S[p][j] for j in js]
                if all(same(k, ks[0]) for k in ks):

                    return Slip("wrong factor", f"in row {i + 1} some entries use "
                                f"{fmt_number(ks[0])} times row {p + 1} instead: " + detail,
                                expected, op)
    return Slip("arithmetic slip", detail, expected, op)

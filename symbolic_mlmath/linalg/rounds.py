"""Rounds of elementary row operations, found exactly: what turned one matrix into the next.

A *round* is a swap of two rows, or one pivot row kept or scaled by a non-zero factor
while every other row becomes a non-zero multiple of itself plus a multiple of the pivot
row (``R2 <- R2 - 2 R1, R3 <- R3 + R1`` on one line). The factors are solved for exactly:
for each row, ``new = a*old + c*pivot`` is a small linear system in ``a, c``.

A round that is valid but *unnatural* (say ``R2 <- 3/2 R2 - 9/2 R1`` on a 2x2 matrix, which
is what a one-entry slip in ``R2 - 3 R1`` looks like when rows have two entries) is not
taken at face value when the natural operation explains every entry but one: a teacher
reads that as a slip, not as a strange operation.

Examples
========
>>> from sympy import ImmutableMatrix as M
>>> r = find_round(M([[1, 2, 3], [2, 5, 1], [-1, 0, 4]]), M([[1, 2, 3], [0, 1, -5], [0, 2, 7]]))
>>> describe(r)
'R2 <- R2 - 2 R1, R3 <- R3 + R1'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations
from typing import Any

__all__ = [
    "Round",
    "apply_round",
    "best_round",
    "combo",
    "describe",
    "find_round",
    "fit_row",
    "fmt_number",
    "is_natural",
    "is_zero",
    "lead",
    "n_changed",
    "natural_coeffs",
    "natural_row",
    "permutation",
    "rounds",
    "rows_of",
    "same",
    "swapped",
    "unit_like",
]


# ------------------------------------------------------------------ exact row arithmetic
def _num(x: Any, symbolic: bool) -> Any:
    if not symbolic:
        return Fraction(int(x.p), int(x.q))
    from sympy.core.sympify import _sympify

    return _sympify(x)


def rows_of(*mats: Any) -> tuple[list[list[Any]], ...]:
    """Matrices as lists of rows of exact numbers (Fractions when every entry is rational)."""
    symbolic = any(not getattr(x, "is_Rational", False) for M in mats for x in M)
    return tuple([[_num(M[i, j], symbolic) for j in range(M.cols)] for i in range(M.rows)]
                 for M in mats)


def is_zero(x: Any) -> bool:
    """Exact zero test (Fractions directly, SymPy expressions after cancelling)."""
    if isinstance(x, Fraction | int):
        return x == 0
    from sympy import cancel, simplify

    c = cancel(x)
    return c == 0 or simplify(c) == 0


def same(x: Any, y: Any) -> bool:
    """Exact equality of two entries."""
    if isinstance(x, Fraction | int) and isinstance(y, Fraction | int):
        return x == y
    return is_zero(x - y)


def combo(a: Any, u: list, c: Any, v: list) -> list:
    """``a*u + c*v`` for rows ``u``, ``v``."""
    return [a * x + c * y for x, y in zip(u, v, strict=True)]


def lead(row: list) -> int | None:
    """Index of the first non-zero entry of ``row`` (None for a zero row)."""
    return next((j for j, x in enumerate(row) if not is_zero(x)), None)


def fit_row(u: list, v: list, w: list) -> tuple[Any, Any] | None:
    """``(a, c)`` with ``w = a*u + c*v`` exactly (``a = 1`` when ``a`` is free), or None."""
    lu, lv = lead(u), lead(v)
    if lv is None:
        if lu is None:
            return (1, 0) if lead(w) is None else None
        a = w[lu] / u[lu]
        return (a, 0) if all(same(a * x, y) for x, y in zip(u, w, strict=True)) else None
    if lu is None:
        c = w[lv] / v[lv]
        return (1, c) if all(same(c * x, y) for x, y in zip(v, w, strict=True)) else None
    k = u[lv] / v[lv]
    if all(same(x, k * y) for x, y in zip(u, v, strict=True)):  # u = k v: w must be m v
        m = w[lv] / v[lv]
        if not all(same(m * y, z) for y, z in zip(v, w, strict=True)):
            return None
        if not is_zero(m) and not natural_coeffs(u, v, 1, m - k) and natural_coeffs(u, v, m / k, 0):
            return (m / k, 0)  # the same row, read as a scaling
        return (1, m - k)
    n = len(u)
    for i, j in combinations(range(n), 2):
        det = u[i] * v[j] - u[j] * v[i]
        if not is_zero(det):
            a = (w[i] * v[j] - w[j] * v[i]) / det
            c = (u[i] * w[j] - u[j] * w[i]) / det
            ok = all(same(a * x + c * y, z) for x, y, z in zip(u, v, w, strict=True))
            return (a, c) if ok else None
    return None  # pragma: no cover (u, v independent always has such a pair)


@dataclass(frozen=True)
class Round:
    """One round: optional swap first, then the pivot row scaled and other rows combined."""

    pivot: int  # 0-based, in the (swapped) matrix
    scale: Any = 1
    coeffs: dict = field(default_factory=dict)  # row -> (a, c): new = a*row + c*pivot
    swap: tuple[int, int] | None = None
    perm: tuple[int, ...] | None = None  # a general reordering (no combination)


def fmt_number(x: Any) -> str:
    """An exact number as a learner writes it (``-3/2``)."""
    if isinstance(x, Fraction):
        return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"
    from symbolic_mlmath.render.formats import text_of

    return text_of(x)


def _times(c: Any, name: str, first: bool) -> str:
    neg = (c < 0) if isinstance(c, Fraction | int) else str(fmt_number(c)).startswith("-")
    mag = -c if neg else c
    body = name if same(mag, 1) else f"{fmt_number(mag)} {name}"
    if " " in fmt_number(mag).strip("-") or ("+" in fmt_number(mag)):
        body = f"({fmt_number(mag)}) {name}"
    if first:
        return f"-{body}" if neg else body
    return f" - {body}" if neg else f" + {body}"


def describe(r: Round | None) -> str:
    """The round in words: ``'R1 <-> R2'``, ``'R2 <- R2 - 2 R1, R3 <- R3 + R1'``."""
    if r is None:
        return "no change"
    parts: list[str] = []
    if r.perm is not None:
        return "reorder rows: " + ", ".join(f"R{i + 1} <- R{j + 1}" for i, j in enumerate(r.perm)
                                            if i != j)
    if r.swap is not None:
        parts.append(f"R{r.swap[0] + 1} <-> R{r.swap[1] + 1}")
    p = r.pivot
    if not same(r.scale, 1):
        parts.append(f"R{p + 1} <- {_times(r.scale, f'R{p + 1}', True)}")
    for i in sorted(r.coeffs):
        a, c = r.coeffs[i]
        if same(a, 1) and is_zero(c):
            continue
        rhs = _times(a, f"R{i + 1}", True) + ("" if is_zero(c) else _times(c, f"R{p + 1}", False))
        parts.append(f"R{i + 1} <- {rhs}")
    return ", ".join(parts) if parts else "no change"


def swapped(O: list, swap: tuple[int, int] | None) -> list:
    """The rows with ``swap`` applied (the same list when None)."""
    if swap is None:
        return O
    S = list(O)
    S[swap[0]], S[swap[1]] = S[swap[1]], S[swap[0]]
    return S


def apply_round(O: list, r: Round) -> list:
    """The rows after round ``r``."""
    if r.perm is not None:
        return [O[j] for j in r.perm]
    S = swapped(O, r.swap)
    out = []
    for i, row in enumerate(S):
        if i == r.pivot:
            out.append([r.scale * x for x in row])
        else:
            a, c = r.coeffs.get(i, (1, 0))
            out.append(combo(a, row, c, S[r.pivot]))
    return out


#: Factors up to this size count as ones a learner would pick without a reason.
_SMALL = 12


def unit_like(s: Any, row: list) -> bool:
    """A scale factor a person would choose: an integer, 1/integer, or one making an entry ±1."""
    s = Fraction(s) if isinstance(s, int) else s
    if not isinstance(s, Fraction):
        return True
    small = (s.denominator == 1 and abs(s) <= _SMALL) or (abs(s.numerator) == 1
                                                            and s.denominator <= _SMALL)
    return small or any(isinstance(x, Fraction) and abs(s * x) == 1 for x in row)


def natural_coeffs(u: list, v: list, a: Any, c: Any) -> bool:
    """Whether ``a*u + c*v`` (row ``u``, pivot row ``v``) is a combination a learner would
    choose: a scaling, ``u + c v`` that clears an entry or uses a simple factor, or a
    cross-multiplication ``a u + c v`` (``0 < a <= |pivot|``) that clears an entry."""
    a = Fraction(a) if isinstance(a, int) else a
    c = Fraction(c) if isinstance(c, int) else c
    if is_zero(c):
        return unit_like(a, u)
    if not isinstance(a, Fraction) or not isinstance(c, Fraction):
        return True
    clears = [j for j in range(len(u)) if not is_zero(u[j]) and is_zero(a * u[j] + c * v[j])]
    if a == 1:
        return bool(clears) or (c.denominator == 1 and abs(c) <= _SMALL) or (
            abs(c.numerator) == 1 and c.denominator <= 4)
    return a > 0 and a.denominator == 1 and any(
        isinstance(v[j], Fraction) and v[j].denominator == 1 and a <= abs(v[j]) for j in clears)


def natural_row(S: list, N: list, p: int, i: int, a: Any, c: Any) -> bool:
    """Whether ``R_i <- a R_i + c R_p`` is an operation a learner would choose."""
    return natural_coeffs(S[i], S[p], a, c)


def _round_for(S: list, N: list, p: int, swap: Any) -> Round | None:
    lp = lead(S[p])
    if lp is None:
        if lead(N[p]) is not None:
            return None
        s: Any = 1
    else:
        s = N[p][lp] / S[p][lp]
        if is_zero(s) or not all(same(s * x, y) for x, y in zip(S[p], N[p], strict=True)):
            return None
    coeffs = {}
    for i in range(len(S)):
        if i == p:
            continue
        f = fit_row(S[i], S[p], N[i])
        if f is None or is_zero(f[0]):
            return None
        coeffs[i] = f
    return Round(p, s, coeffs, swap)


def n_changed(r: Round) -> int:
    """How many rows the round changes."""
    return (0 if same(r.scale, 1) else 1) + sum(
        1 for a, c in r.coeffs.values() if not (same(a, 1) and is_zero(c)))


def rounds(O: list, N: list) -> list[Round]:
    """Every round that turns ``O`` into ``N``: without a swap, and (when no natural round
    without one exists) with one swap first."""
    out: list[Round] = []
    swaps: list[Any] = [None]
    for swap in swaps:
        S = swapped(O, swap)
        for p in range(len(S)) if swap is None else swap:  # a swap brings up the pivot row
            r = _round_for(S, N, p, swap)
            if r is not None:
                out.append(r)
        if swap is None and not any(is_natural(O, N, r) for r in out):
            swaps.extend(combinations(range(len(O)), 2))
    return out


def is_natural(O: list, N: list, r: Round) -> bool:
    """Every factor of the round is one a learner would choose."""
    S = swapped(O, r.swap)
    if not unit_like(r.scale, S[r.pivot]):
        return False
    return all(natural_row(S, N, r.pivot, i, a, c) for i, (a, c) in r.coeffs.items())


def find_round(O: Any, N: Any) -> Round | None:
    """The simplest round turning matrix ``O`` into ``N`` (SymPy matrices), or None."""
    o, n = rows_of(O, N)
    return best_round(o, n, rounds(o, n))


def best_round(O: list, N: list, candidates: list[Round]) -> Round | None:
    """The simplest of ``candidates`` (rounds turning rows ``O`` into ``N``): natural factors
    first, then no swap, then the fewest rows changed."""
    if not candidates:
        return None
    return min(candidates, key=lambda r: (not is_natural(O, N, r), r.swap is not None, n_changed(r)))


def permutation(O: list, N: list) -> tuple[int, ...] | None:
    """The reordering of the rows of ``O`` that gives ``N``, or None."""
    used: set[int] = set()
    perm = []
    for row in N:
        j = next((j for j, old in enumerate(O) if j not in used
                  and all(same(x, y) for x, y in zip(old, row, strict=True))), None)
        if j is None:
            return None
        used.add(j)
        perm.append(j)
    return tuple(perm)

"""The mistake library: common slips, named, found by perturbing the correct step.

When a line of working does not follow, the engine in :mod:`symbolic_mlmath.core.working`
asks this library *which* slip it was. Detectors are registered per family of tasks
(``"matrix"`` for row reduction, ``"det"``, ``"system"``; calculus and statistics add
their own with :func:`register_detector`). Each detector reconstructs the step the
learner most likely meant (the nearest correct line), compares it with what was
written, and names the difference; the first detector that recognises the line wins.

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
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CATALOGUE",
    "DETECTORS",
    "Slip",
    "diagnose",
    "matrix_slip",
    "near_miss",
    "register_detector",
]


@dataclass(frozen=True)
class Slip:
    """A named mistake in one line: what it was, where, and what the line should have been."""

    name: str
    detail: str = ""
    expected: Any = None
    operation: str | None = None  # the step the learner meant, e.g. "R2 <- R2 - 2 R1"


#: Every slip the library can name, with a one-line description (the wording teachers use).
CATALOGUE: dict[str, str] = {
    "sign error": "a sign was lost or flipped in an entry",
    "arithmetic slip": "an entry (or a number) was computed wrongly",
    "operation applied to part of a row": "the row operation was not applied to every entry",
    "augmented column not carried": "the right-hand side (last column) was not updated or dropped",
    "row times zero": "a row was multiplied by 0, which is not an elementary operation",
    "wrong factor": "some entries use a different multiple of the pivot row than the others",
    "rows mixed up": "rows changed places and were combined in a way no round explains",
    "wrong shape": "the line does not have the shape of the matrix",
    "cofactor sign": "the checkerboard sign (-1)^(i+j) of a cofactor is wrong",
    "wrong minor": "the minor does not delete the row and column of its entry",
    "2x2 determinant": "a 2x2 determinant is ad - bc, not ad + bc (or another pairing)",
    "not the same solution set": "the equations do not have the solutions of the system",
    "right-hand side not carried": "an equation was changed on the left but not on the right",
    "unreadable line": "the line could not be read",
}

Detector = Callable[[Any, Any, Any], "Slip | None"]
#: This subject's detectors by mistake family.
DETECTORS: dict[str, list[Detector]] = {}


def register_detector(family: str) -> Callable[[Detector], Detector]:
    """Decorator: add a slip detector ``(ctx, prev, got) -> Slip | None`` to ``family``."""

    def deco(fn: Detector) -> Detector:
        DETECTORS.setdefault(family, []).append(fn)
        return fn

    return deco


def diagnose(family: str, ctx: Any, prev: Any, got: Any) -> Slip | None:
    """The first slip a detector of ``family`` recognises in ``got`` (after ``prev``)."""
    from symbolic_mlmath.core.subjects import table

    for fn in table("detectors").get(family, ()):
        slip = fn(ctx, prev, got)
        if slip is not None:
            return slip
    return None


# ------------------------------------------------------------------ matrices (row reduction)
def _as_matrix(rows: list) -> Any:
    from sympy import ImmutableMatrix, Rational

    def s(x: Any) -> Any:
        from fractions import Fraction

        return Rational(x.numerator, x.denominator) if isinstance(x, Fraction) else x

    return ImmutableMatrix([[s(x) for x in row] for row in rows])


def _cell(i: int, j: int) -> str:
    return f"entry ({i + 1}, {j + 1})"


def _entries(E: list, N: list, cells: list[tuple[int, int]], label: Callable = _cell) -> str:
    from symbolic_mlmath.linalg.working_rows import _fmt

    return "; ".join(f"{label(i, j)} should be {_fmt(E[i][j])}, not {_fmt(N[i][j])}"
                     for i, j in cells[:6]) + ("; ..." if len(cells) > 6 else "")


def near_miss(O: list, N: list, *, swaps: bool = True) -> Slip | None:
    """A line that only an unnatural round explains, but a natural round explains all but
    one or two entries of: a slip (rows ``O`` -> ``N``, lists of exact numbers)."""
    from symbolic_mlmath.linalg.working_rows import is_zero

    r, miss = _best_fit(O, N, swaps=swaps)
    if not 1 <= miss <= (2 if swaps else 1) or is_zero(r.scale) or any(
            is_zero(a) for a, _c in r.coeffs.values()):
        return None
    return _classify(O, N, r, False, _cell)


def _row_candidates(u: list, v: list, w: list) -> list[tuple[Any, Any]]:
    from symbolic_mlmath.linalg.working_rows import fit_row, is_zero, lead, natural_coeffs

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
    from symbolic_mlmath.linalg.working_rows import is_zero, lead, same

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
    from symbolic_mlmath.linalg.working_rows import is_zero, lead, same

    L = lead(v)
    from symbolic_mlmath.linalg.working_rows import _unit_like

    cands = [1] + [w[j] / v[j] for j in range(len(v)) if not is_zero(v[j])]
    if L is not None:
        cands.append(1 / v[L])
    cands = [s for s in cands if is_zero(s) or _unit_like(s, v)]
    best, best_hits = 1, -1
    for s in cands:
        hits = sum(1 for y, z in zip(v, w, strict=True) if same(s * y, z))
        if is_zero(s) and hits < len(v):
            continue
        if hits > best_hits:
            best, best_hits = s, hits
    return best, len(v) - best_hits


def _best_fit(O: list, N: list, *, swaps: bool = True) -> tuple[Any, int]:
    """The round (nearest to ``N``) that the learner most likely meant, and its misses."""
    from itertools import combinations

    from symbolic_mlmath.linalg.working_rows import Round, _swapped, is_zero, lead

    def defects(r: Any, miss: int) -> int:
        return miss + sum(1 for a, _c in r.coeffs.values() if is_zero(a)) + is_zero(r.scale)

    def fit(swap: Any) -> tuple[Any, int, int]:
        S = _swapped(O, swap)
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
                label: Callable[[int, int], str] = _cell) -> Slip | None:
    """Name the slip that turned a round of row operations on ``prev`` into ``got``."""
    from symbolic_mlmath.linalg.working_rows import apply_round, describe, find_round, rows_of

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
    r, _ = _best_fit(O, N)
    return _classify(O, N, r, augmented, label)


def _classify(O: list, N: list, r: Any, augmented: bool, label: Callable) -> Slip | None:
    """Name the difference between ``N`` and the round ``r`` applied to ``O``."""
    from symbolic_mlmath.linalg.working_rows import _swapped, apply_round, describe, is_zero, same

    E = apply_round(O, r)
    S = _swapped(O, r.swap)
    op = describe(r)
    zero_rows = [i for i, (a, _c) in r.coeffs.items() if is_zero(a)]
    if zero_rows or is_zero(r.scale):
        i = zero_rows[0] if zero_rows else r.pivot
        from symbolic_mlmath.linalg.working_rows import Round

        fixed = dict(r.coeffs)
        L = lead_of(S[r.pivot])
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
    detail = _entries(E, N, cells, label)
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
                    from symbolic_mlmath.linalg.working_rows import _fmt

                    return Slip("wrong factor", f"in row {i + 1} some entries use "
                                f"{_fmt(ks[0])} times row {p + 1} instead: " + detail,
                                expected, op)
    return Slip("arithmetic slip", detail, expected, op)


def lead_of(row: list) -> int | None:
    """Index of the first non-zero entry of ``row``."""
    from symbolic_mlmath.linalg.working_rows import lead

    return lead(row)


@register_detector("matrix")
def _matrix_detector(ctx: Any, prev: Any, got: Any) -> Slip | None:
    return matrix_slip(prev, got, augmented=bool(getattr(ctx, "augmented", False)))


# ------------------------------------------------------------------ determinants
def _sum_text(values: list) -> str:
    out = ""
    for k, v in enumerate(values):
        s = str(v)
        if k == 0:
            out = s
        elif s.startswith("-"):
            out += f" - {s[1:]}"
        else:
            out += f" + {s}"
    return out or "0"


def _minor_det(A: Any, i: int, j: int) -> Any:
    from symbolic_mlmath.linalg.determinants import _minor

    M = _minor(A, i, j)
    return M, (M.det() if M.rows else 1)


def _expansions(A: Any) -> list[tuple[str, list[tuple]]]:
    """Every cofactor expansion of ``A`` (by row, by column): ``(i, j, a, sign, minor, |minor|)``."""
    n = A.rows
    out = []
    for along in ("row", "column"):
        for k in range(n):
            items = []
            for m in range(n):
                i, j = (k, m) if along == "row" else (m, k)
                if A[i, j] == 0:
                    continue
                M, d = _minor_det(A, i, j)
                items.append((i, j, A[i, j], (-1) ** (i + j), M, d))
            out.append((f"{along} {k + 1}", items))
    return out


def _term_slip(A: Any, t: Any, e: tuple, label: str) -> tuple[str, str]:
    from symbolic_mlmath.linalg.working_det import equal

    i, j, a, sign, M, d = e
    want = sign * a * d
    where = f"the term for entry ({i + 1}, {j + 1}) = {a}"
    if equal(t.value, -want):
        s = "+" if sign > 0 else "-"
        return "cofactor sign", (f"{where} takes the checkerboard sign (-1)^({i + 1}+{j + 1}) = "
                                 f"{s}: it is {want}, not {t.value}")
    for mat in t.minors:
        if mat != M:
            return "wrong minor", (f"the minor of entry ({i + 1}, {j + 1}) deletes row {i + 1} "
                                   f"and column {j + 1}: it is {M.tolist()}, not {mat.tolist()}")
    n = A.rows
    for k in range(n):
        for m in range(n):
            if (k, m) != (i, j):
                _, d2 = _minor_det(A, k, m)
                if d2 != d and (equal(t.value, sign * a * d2) or equal(t.value, -sign * a * d2)):
                    return "wrong minor", (f"{where} needs the minor that deletes row {i + 1} and "
                                           f"column {j + 1} (determinant {d}); you used the one "
                                           f"of entry ({k + 1}, {m + 1})")
    if M.rows == 2:
        p, q, r, s_ = M
        if equal(t.value, sign * a * (p * s_ + q * r)):
            return "2x2 determinant", (f"the 2x2 minor of entry ({i + 1}, {j + 1}) is "
                                       f"{p}*{s_} - {q}*{r} = {d}, not {p}*{s_} + {q}*{r}")
    return "arithmetic slip", f"{where} is {want}, not {t.value}"


def _cofactor_slip(A: Any, part: Any) -> Slip | None:
    from symbolic_mlmath.linalg.working_det import equal

    terms = [t for t in part.terms if not equal(t.value, 0)]
    v = part.value
    D = A.det()
    best: tuple | None = None
    for label, items in _expansions(A):
        if len(items) < 2 or len(items) != len(terms):
            continue
        plain = sum(a * d for _, _, a, _, _, d in items)
        signed = [sign * a * d for _, _, a, sign, _, d in items]
        if not equal(plain, D) and equal(v, plain) and any(x[3] < 0 for x in items):
            return Slip("cofactor sign", f"expanding along {label} the signs follow the "
                        "checkerboard + - + ...: they are not all +",
                        f"{_sum_text(signed)} = {D}")
        if equal(v, -D) and all(equal(t.value, -w) for t, w in zip(terms, signed, strict=True)):
            first = "+" if items[0][3] > 0 else "-"
            return Slip("cofactor sign", f"expanding along {label} the checkerboard signs start "
                        f"with {first}: every term has the wrong sign", f"{_sum_text(signed)} = {D}")
        wrong = [k for k, (t, w) in enumerate(zip(terms, signed, strict=True)) if not equal(t.value, w)]
        if len(wrong) == 1 and (best is None or best[0] > 1):
            best = (1, label, items, wrong[0], signed)
    if best is None:
        return None
    _, label, items, k, signed = best
    name, detail = _term_slip(A, terms[k], items[k], label)
    return Slip(name, f"expanding along {label}, {detail}", f"{_sum_text(signed)} = {D}")


@register_detector("det")
def _det_detector(ctx: Any, target: Any, line: Any) -> Slip | None:
    from symbolic_mlmath.linalg.working_det import equal

    part = next((p for p in line.parts if not equal(p.value, target)), line.parts[-1])
    A, D = ctx.matrix, ctx.det
    v = part.value
    if equal(target, D) and A.rows >= 3 and not D.free_symbols:
        slip = _cofactor_slip(A, part)
        if slip is not None:
            return slip
    if equal(target, D) and A.rows == 2:
        a, b, c, d = A
        if equal(v, a * d + b * c):
            return Slip("2x2 determinant", f"det = ad - bc = {a}*{d} - {b}*{c}, not ad + bc",
                        f"{a * d} - {b * c} = {D}")
        if equal(v, a * b - c * d) or equal(v, a * c - b * d):
            return Slip("2x2 determinant", "det = ad - bc: multiply along the diagonals "
                        f"({a}*{d} and {b}*{c})", f"{a * d} - {b * c} = {D}")
    terms = part.terms
    if len(terms) > 1:
        for t in terms:
            if not equal(t.value, 0) and equal(v - 2 * t.value, target):
                fixed = [(-x.value if x is t else x.value) for x in terms]
                return Slip("sign error", f"the term {t.text} has the wrong sign",
                            f"{_sum_text(fixed)} = {target}")
    if equal(v, -target) and not equal(v, 0):
        return Slip("sign error", f"this is {v}, the line before is {target}", target)
    return Slip("arithmetic slip", f"this is {v}, but the line before is {target}", target)


# ------------------------------------------------------------------ linear systems
@register_detector("system")
def _system_detector(ctx: Any, state: Any, line: tuple) -> Slip | None:
    import re

    from sympy import Eq

    from symbolic_mlmath.linalg.working_systems import _aug, _consistent, _implied, _pins, _rank

    xs = ctx.xs
    n = len(xs)
    K = _aug(state.eqs, xs)
    P, L = _aug(state.line, xs), _aug(line, xs)

    def label(i: int, j: int) -> str:
        what = "the right-hand side" if j == n else f"the coefficient of {xs[j]}"
        return f"equation {i + 1}: {what}"

    def eqs_of(M: Any) -> tuple:
        return tuple(Eq(sum(M[i, j] * xs[j] for j in range(n)), M[i, n], evaluate=False)
                     for i in range(M.rows))

    if P.shape == L.shape:
        slip = matrix_slip(P, L, augmented=True, label=label)
        E = slip.expected if slip is not None else None
        if E is not None and E.shape == L.shape:
            wrong = sum(1 for a, b in zip(E, L, strict=True) if a != b)
            if wrong <= max(1, L.cols // 2) and _implied(K, E):
                op = re.sub(r"R(\d+)", r"E\1", slip.operation or "") or None
                name = "right-hand side not carried" if slip.name == "augmented column not " \
                    "carried" else slip.name
                return Slip(name, slip.detail, eqs_of(E), op)
    if _consistent(K) and _rank(K) == n:
        from symbolic_mlmath.linalg.elimination import to_dm

        R = to_dm(K).to_field().rref()[0].to_Matrix()
        sol = {x: R[k, n] for k, x in enumerate(xs)}
        pins = _pins(line)
        bad = [(x, v) for x, v in pins.items() if v != sol[x]]
        if bad:
            x, v = bad[0]
            name = "sign error" if v == -sol[x] else "arithmetic slip"
            return Slip(name, f"{x} should be {sol[x]}, not {v}",
                        tuple(Eq(y, sol[y]) for y in pins))
    for k, e in enumerate(line):
        if not _implied(K, _aug((e,), xs)):
            return Slip("not the same solution set", f"equation {k + 1} ({e.lhs} = {e.rhs}) does "
                        "not hold for the solutions of the system")
    return Slip("not the same solution set", "these equations lose or change solutions")

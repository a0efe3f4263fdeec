"""Linear-algebra slips: the subject's ``DETECTORS`` table (matrix, det, system) and catalogue.

- ``"matrix"`` (rref, ref): the round of row operations meant, and how the line differs
  (:mod:`symbolic_mlmath.linalg.mistakes_rows`);
- ``"det"``: cofactor signs, wrong minors, ``ad + bc`` for a 2x2, a term's sign;
- ``"system"``: a slip in one equation, a right-hand side not carried, a wrong value.

Examples
========
>>> from types import SimpleNamespace
>>> from sympy import ImmutableMatrix as M
>>> from symbolic_mlmath.linalg.judge_determinants import read_det_line
>>> ctx = SimpleNamespace(matrix=M([[1, 2], [3, 4]]), det=-2)
>>> slip = DETECTORS["det"][0](ctx, -2, read_det_line("1*4 + 2*3"))
>>> slip.name, slip.detail
('2x2 determinant', 'det = ad - bc = 1*4 - 2*3, not ad + bc')
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.exact import exact_det
from symbolic_mlmath.core.mistakes import CATALOGUE as CORE_CATALOGUE
from symbolic_mlmath.core.mistakes import DetectorTable, Slip, sum_text
from symbolic_mlmath.linalg.determinants import minor
from symbolic_mlmath.linalg.judge_determinants import equal
from symbolic_mlmath.linalg.mistakes_rows import matrix_slip

__all__ = ["CATALOGUE", "DETECTORS"]

#: Every slip the library can name, with a one-line description (the wording teachers use).
CATALOGUE: dict[str, str] = {
    **CORE_CATALOGUE,
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
}

#: The subject's detectors by mistake family.
DETECTORS = DetectorTable()


# ------------------------------------------------------------------ matrices (row reduction)
@DETECTORS.add("matrix")
def _matrix_detector(ctx: Any, prev: Any, got: Any) -> Slip | None:
    return matrix_slip(prev, got, augmented=bool(getattr(ctx, "augmented", False)))


@DETECTORS.add("matrix")
def _no_round(ctx: Any, prev: Any, got: Any) -> Slip | None:
    """The last resort: a line of the right shape that only an unnatural combination of
    operations explains (a swap and then a multiple of the pivot row added below it)."""
    if getattr(got, "shape", None) != getattr(prev, "shape", None):
        return None
    return Slip("not an elimination round", "no round of row operations that clears entries "
                "(a swap, a scaling, a multiple of the pivot row added to clear an entry) "
                "turns the previous line into this one")


# ------------------------------------------------------------------ determinants
def _minor_det(A: Any, i: int, j: int) -> Any:
    M = minor(A, i, j)
    return M, (exact_det(M) if M.rows else 1)


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
                        f"{sum_text(signed)} = {D}")
        if equal(v, -D) and all(equal(t.value, -w) for t, w in zip(terms, signed, strict=True)):
            first = "+" if items[0][3] > 0 else "-"
            return Slip("cofactor sign", f"expanding along {label} the checkerboard signs start "
                        f"with {first}: every term has the wrong sign", f"{sum_text(signed)} = {D}")
        wrong = [k for k, (t, w) in enumerate(zip(terms, signed, strict=True)) if not equal(t.value, w)]
        if len(wrong) == 1 and (best is None or best[0] > 1):
            best = (1, label, items, wrong[0], signed)
    if best is None:
        return None
    _, label, items, k, signed = best
    name, detail = _term_slip(A, terms[k], items[k], label)
    return Slip(name, f"expanding along {label}, {detail}", f"{sum_text(signed)} = {D}")


@DETECTORS.add("det")
def _det_detector(ctx: Any, target: Any, line: Any) -> Slip | None:
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
                            f"{sum_text(fixed)} = {target}")
    if equal(v, -target) and not equal(v, 0):
        return Slip("sign error", f"this is {v}, the line before is {target}", target)
    return Slip("arithmetic slip", f"this is {v}, but the line before is {target}", target)


# ------------------------------------------------------------------ linear systems
@DETECTORS.add("system")
def _system_detector(ctx: Any, state: Any, line: tuple) -> Slip | None:
    import re

    from sympy import Eq

    from symbolic_mlmath.linalg.systems import augmented, consistent, implied, pinned, rank_of

    xs = ctx.xs
    n = len(xs)
    K = augmented(state.eqs, xs)
    P, L = augmented(state.line, xs), augmented(line, xs)

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
            if wrong <= max(1, L.cols // 2) and implied(K, E):
                op = re.sub(r"R(\d+)", r"E\1", slip.operation or "") or None
                name = "right-hand side not carried" if slip.name == "augmented column not " \
                    "carried" else slip.name
                return Slip(name, slip.detail, eqs_of(E), op)
    if consistent(K) and rank_of(K) == n:
        from symbolic_mlmath.core.exact import to_dm

        R = to_dm(K).to_field().rref()[0].to_Matrix()
        sol = {x: R[k, n] for k, x in enumerate(xs)}
        pins = pinned(line)
        bad = [(x, v) for x, v in pins.items() if v != sol[x]]
        if bad:
            x, v = bad[0]
            name = "sign error" if v == -sol[x] else "arithmetic slip"
            return Slip(name, f"{x} should be {sol[x]}, not {v}",
                        tuple(Eq(y, sol[y]) for y in pins))
    for k, e in enumerate(line):
        if not implied(K, augmented((e,), xs)):
            return Slip("not the same solution set", f"equation {k + 1} ({e.lhs} = {e.rhs}) does "
                        "not hold for the solutions of the system")
    return Slip("not the same solution set", "these equations lose or change solutions")

"""The working judge of row reduction (``rref``, ``ref``): each line one round of row operations.

A line follows when one round of elementary row operations (found exactly by
:mod:`symbolic_mlmath.linalg.rounds`) turns the line before into it. A round that is
valid but unnatural, while a natural round explains every entry but one or two, is read
as a slip (:func:`symbolic_mlmath.linalg.mistakes_rows.near_miss`), as a teacher would.

Examples
========
>>> from sympy import ImmutableMatrix as M
>>> from symbolic_mlmath.core.working import check_working
>>> v = check_working("rref", {"matrix": M([[1, 2], [3, 4]])}, ["[[1,2],[0,-2]]", "[[1,2],[0,1]]",
...                                                             "[[1,0],[0,1]]"])
>>> v.correct, v.lines[0].operation
(True, 'R2 <- R2 - 3 R1')
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from symbolic_mlmath.core.errors import ParseError
from symbolic_mlmath.core.mistakes import diagnose
from symbolic_mlmath.core.working import Follow, Judge, judges_for
from symbolic_mlmath.linalg.answers import is_echelon
from symbolic_mlmath.linalg.mistakes_rows import near_miss
from symbolic_mlmath.linalg.rounds import (
    Round,
    best_round,
    describe,
    fmt_number,
    is_natural,
    permutation,
    rounds,
    rows_of,
    same,
)
from symbolic_mlmath.linalg.row_notes import row_note

__all__ = ["JUDGES", "read_matrix_line"]


@dataclass(frozen=True)
class _Ctx:
    task: str
    given: Any
    augmented: bool


def _start(task: str, inputs: dict) -> _Ctx:
    return _Ctx(task, inputs["matrix"], bool(inputs.get("augmented", False)))


def read_matrix_line(raw: Any) -> Any:
    """A matrix line: text (``"[[1,2],[3,4]]"``, ``"1 2 | 3; 4 5 | 6"``, an annotation such as
    ``"R2 <- R2 - 2R1: [[...]]"`` before the matrix) or nested lists."""
    from symbolic_mlmath.text.parse import parse_matrix

    if not isinstance(raw, str):
        return parse_matrix(raw, name="line")
    text = raw.strip()
    candidates = [text]
    if "|" in text:
        candidates.append(text.replace("|", " " if text[:1] not in "[(" else ","))
    k = text.find("[")
    if k > 0:
        body = text[k:]
        candidates.append(body)
        if "|" in body:
            candidates.append(body.replace("|", ","))
    for sep in ("~", "=>", "->", "→", ":", "="):
        if sep in text:
            tail = text.rsplit(sep, 1)[1].strip()
            if tail:
                candidates.append(tail)
                if "|" in tail:
                    candidates.append(tail.replace("|", " " if tail[:1] not in "[(" else ","))
    err: Exception | None = None
    for c in candidates:
        try:
            return parse_matrix(c, name="line")
        except (ParseError, ValueError) as exc:
            err = err or exc
    raise ParseError(str(err).removeprefix("line: ") if err else "expected a matrix", name="line")


def _read(ctx: _Ctx, raw: Any) -> Any:
    return read_matrix_line(raw)


def _follows(ctx: _Ctx, prev: Any, cur: Any) -> Follow:
    if cur.shape != prev.shape:
        return Follow(False, note=f"the line is {cur.rows}x{cur.cols}, the matrix "
                      f"{prev.rows}x{prev.cols}")
    o, n = rows_of(prev, cur)
    if all(same(x, y) for a, b in zip(o, n, strict=True) for x, y in zip(a, b, strict=True)):
        return Follow(True, "no change")
    perm = permutation(o, n)
    if perm is not None:
        moved = [i for i, j in enumerate(perm) if i != j]
        if len(moved) == 2:
            return Follow(True, f"R{moved[0] + 1} <-> R{moved[1] + 1}")
        return Follow(True, describe(Round(0, perm=perm)), note="rows reordered")
    best = best_round(o, n, rounds(o, n))
    if best is None:
        return Follow(False)
    if not is_natural(o, n, best) and near_miss(o, n) is not None:
        return Follow(False, describe(best))
    return Follow(True, describe(best))


def _finished(ctx: _Ctx, last: Any) -> tuple[bool, str]:
    reduced = ctx.task == "rref"
    ok, why = is_echelon(last, reduced=reduced)
    if ok:
        return True, "and the last line is in " + ("reduced " if reduced else "") + \
            "row echelon form"
    form = "reduced row echelon form" if reduced else "row echelon form"
    return False, f"the last line is not in {form} yet ({why})"


def _explain(ctx: _Ctx, prev: Any, cur: Any) -> Any:
    return diagnose("matrix", ctx, prev, cur)


def _answer(ctx: _Ctx, last: Any, raw: Any) -> Any:
    from symbolic_mlmath.core.tasks import get_task

    t = get_task(ctx.task)
    d = t.derive(matrix=ctx.given, augmented=ctx.augmented)
    return t.check_answer(d, raw, {"matrix": ctx.given, "augmented": ctx.augmented})


def _expected(ctx: _Ctx) -> Any:
    from symbolic_mlmath.core.tasks import get_task

    return get_task(ctx.task).derive(matrix=ctx.given, augmented=ctx.augmented).result


def _show(M: Any) -> str:
    if hasattr(M, "tolist"):
        return "[" + ", ".join("[" + ", ".join(fmt_number(x) if isinstance(x, Fraction) else str(x)
                                               for x in row) + "]" for row in M.tolist()) + "]"
    return str(M)


#: The judge of this module's tasks.
JUDGES = judges_for(Judge(_start, _read, _follows, _finished, _explain, _answer, _show,
                     expected=_expected, note=row_note), "rref", "ref")

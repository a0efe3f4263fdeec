"""Row-operation notes on a line of working (``R2 <- R2 - 2R1: [[...]]``), read and checked.

A learner often writes which row operations a line applies. :func:`parse_row_ops` reads
such a note (``R2 <- R2 - 2R1``, ``R2 = R2 - 2*R1``, ``R2 - 2R1 -> R2``, ``R1 <-> R2``,
``swap R1 and R2``, ``R1 <- (1/2) R1``, ``R3/3 -> R3``; several separated by ``,``, ``;`` or
``and``); :func:`row_note` applies it to the line before and compares the result with the
line, for the working engine: a line that is a valid round but not the one its note
names is flagged, and a line that does not follow is measured against what its note
meant (the slip named at the entries where the line and the note differ).

Examples
========
>>> parse_row_ops("R2 <- R2 - 2R1, R1 <-> R3")
(('set', 1, {1: Fraction(1, 1), 0: Fraction(-2, 1)}), ('swap', 0, 2))
>>> from fractions import Fraction as F
>>> apply_ops([[F(1), F(2)], [F(3), F(4)]], parse_row_ops("R2 <- R2 - 3R1"))
[[Fraction(1, 1), Fraction(2, 1)], [Fraction(0, 1), Fraction(-2, 1)]]
>>> parse_row_ops("clear the first column") is None
True
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from symbolic_mlmath.core.mistakes import Slip, differences
from symbolic_mlmath.core.working import Follow, NoteCheck
from symbolic_mlmath.linalg.rounds import fmt_number, rows_of, same

__all__ = ["apply_ops", "describe_ops", "parse_row_ops", "row_note"]

_R = r"R\s*_?\s*(\d+)"
_NUM = r"\(\s*[-+]?\s*\d+(?:\.\d+)?(?:\s*/\s*[-+]?\d+(?:\.\d+)?)?\s*\)|\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)?"
_TERM = re.compile(rf"\s*([+-])?\s*({_NUM})?\s*\*?\s*{_R}(?:\s*/\s*({_NUM}))?\s*")
_SWAP = re.compile(rf"^\s*(?:{_R}\s*(?:<->|↔|<=>)\s*{_R}|swap\s+{_R}\s*(?:,|and|with)\s*{_R})\s*$",
                   re.I)
_SET = re.compile(rf"^\s*{_R}\s*(?:<-|←|:=|=)\s*(.+?)\s*$", re.I)
_TO = re.compile(rf"^\s*(.+?)\s*(?:->|→)\s*{_R}\s*$", re.I)
_MAX_ROW = 1600

Op = tuple


def _number(text: str) -> Fraction:
    t = text.strip().strip("()").replace(" ", "")
    if "/" in t:
        a, b = t.split("/", 1)
        return Fraction(a) / Fraction(b)
    return Fraction(t)


def _combination(text: str) -> dict[int, Fraction] | None:
    out: dict[int, Fraction] = {}
    pos = 0
    first = True
    while pos < len(text):
        m = _TERM.match(text, pos)
        if not m or m.end() == pos or (not first and not m.group(1)):
            return None
        c = _number(m.group(2)) if m.group(2) else Fraction(1)
        if m.group(4):
            d = _number(m.group(4))
            if d == 0:
                return None
            c /= d
        if m.group(1) == "-":
            c = -c
        row = int(m.group(3)) - 1
        if not 0 <= row < _MAX_ROW:
            return None
        out[row] = out.get(row, Fraction(0)) + c
        pos = m.end()
        first = False
    return out or None


def parse_row_ops(note: str) -> tuple[Op, ...] | None:
    """The row operations a note names (0-based rows), or None when it names none.

    Each operation is ``("swap", i, j)`` or ``("set", i, {row: coefficient})``.
    """
    if not isinstance(note, str) or len(note) > 500:
        return None
    ops: list[Op] = []
    for part in re.split(r"\s*(?:,|;|\band\b(?!\s*R\s*_?\s*\d+\s*(?:$|[,;])))\s*", note.strip()):
        if not part:
            continue
        m = _SWAP.match(part)
        if m:
            i, j = (int(g) - 1 for g in m.groups() if g is not None)
            ops.append(("swap", i, j))
            continue
        m = _SET.match(part)
        target, rhs = (int(m.group(1)) - 1, m.group(2)) if m else (None, None)
        if m is None:
            m = _TO.match(part)
            if m is None:
                return None
            target, rhs = int(m.group(2)) - 1, m.group(1)
        combo = _combination(rhs)
        if combo is None or not 0 <= target < _MAX_ROW:
            return None
        ops.append(("set", target, combo))
    return tuple(ops) or None


def _rows_needed(ops: tuple[Op, ...]) -> int:
    rows = [op[1] for op in ops] + [op[2] for op in ops if op[0] == "swap"]
    rows += [k for op in ops if op[0] == "set" for k in op[2]]
    return max(rows) + 1


def apply_ops(rows: list[list[Any]], ops: tuple[Op, ...], *, simultaneous: bool = False
              ) -> list[list[Any]]:
    """The rows after the operations, one after another (or all from the same rows)."""
    cur = [list(r) for r in rows]
    base = [list(r) for r in rows]
    for op in ops:
        src = base if simultaneous else cur
        if op[0] == "swap":
            _, i, j = op
            cur[i], cur[j] = cur[j], cur[i]
            continue
        _, t, combo = op
        new = [0] * len(cur[0])
        for k, c in combo.items():
            new = [x + c * y for x, y in zip(new, src[k], strict=True)]
        cur[t] = new
    return cur


def _term(c: Fraction, k: int, first: bool) -> str:
    neg = c < 0
    mag = -c if neg else c
    body = f"R{k + 1}" if mag == 1 else f"{fmt_number(mag)} R{k + 1}"
    if first:
        return f"-{body}" if neg else body
    return f" - {body}" if neg else f" + {body}"


def describe_ops(ops: tuple[Op, ...]) -> str:
    """The operations in the judge's words: ``'R2 <- R2 - 2 R1, R1 <-> R3'``.

    Examples
    ========
    >>> describe_ops(parse_row_ops("R2 - 2*R1 -> R2; swap R1 and R3"))
    'R2 <- R2 - 2 R1, R1 <-> R3'
    """
    out = []
    for op in ops:
        if op[0] == "swap":
            out.append(f"R{op[1] + 1} <-> R{op[2] + 1}")
        else:
            terms = [(k, c) for k, c in op[2].items() if c != 0]
            terms.sort(key=lambda kc: kc[0] != op[1])
            rhs = "".join(_term(c, k, n == 0) for n, (k, c) in enumerate(terms)) or "0"
            out.append(f"R{op[1] + 1} <- {rhs}")
    return ", ".join(out)


def _as_matrix(rows: list) -> Any:
    from sympy import ImmutableMatrix, Rational

    return ImmutableMatrix([[Rational(x.numerator, x.denominator) if isinstance(x, Fraction)
                             else x for x in r] for r in rows])


def _equal(A: list, B: list) -> bool:
    return all(same(x, y) for a, b in zip(A, B, strict=True) for x, y in zip(a, b, strict=True))


def row_note(ctx: Any, prev: Any, cur: Any, note: str, f: Follow) -> NoteCheck | None:
    """Compare a row-operation note with what the line does (a judge's ``note`` hook)."""
    ops = parse_row_ops(note)
    if ops is None:
        return None
    said = describe_ops(ops)
    if not hasattr(prev, "shape") or not hasattr(cur, "shape"):
        return NoteCheck(None, said)
    if _rows_needed(ops) > prev.rows:
        return NoteCheck(False, said, f"the matrix has only {prev.rows} rows")
    if cur.shape != prev.shape:
        return NoteCheck(None, said)
    O, N = rows_of(prev, cur)
    outcomes = [apply_ops(O, ops), apply_ops(O, ops, simultaneous=True)]
    if any(_equal(E, N) for E in outcomes):
        return NoteCheck(True, said)
    E = outcomes[0]
    if f.ok is not False:
        return NoteCheck(False, said, f"the line does {f.operation or 'something else'}; "
                         f"{said} gives {_show(E)}")
    cells = [(i, j) for i in range(len(N)) for j in range(len(N[0])) if not same(E[i][j], N[i][j])]
    unchanged = all(same(N[i][j], O[i][j]) for i, j in cells)
    if unchanged:
        name = "operation applied to part of a row"
    elif all(same(N[i][j], -E[i][j]) for i, j in cells):
        name = "sign error"
    else:
        name = "arithmetic slip"
    if len(cells) > max(2, len(N[0]) // 2 + 1) and not unchanged:
        return NoteCheck(None, said)  # too far from what the note says: let the judge explain
    detail = differences(E, N, cells, show=fmt_number)
    return NoteCheck(None, said, slip=Slip(name, detail, _as_matrix(E), said))


def _show(rows: list) -> str:
    return "[" + ", ".join("[" + ", ".join(fmt_number(x) for x in r) + "]" for r in rows) + "]"

"""Determinant working (``det``): each line is an expression whose value is the determinant.

A line is a cofactor sum, products, or a number, optionally written ``det(A) = ...`` or as a
chain ``2(5) - 1(1) + 5(-3) = -6`` (every part must have the right value). Minors may be
written ``det([[2, 1], [1, 3]])`` or ``|2 1; 1 3|``. The top-level terms of each part are
kept, so the mistake library can name the term that went wrong (a cofactor sign, a wrong
minor, a 2x2 determinant written ad + bc, an arithmetic slip).

Examples
========
>>> line = read_det_line("det(A) = 2*det([[2,1],[1,3]]) - 1*(1*3 - 1*2) + 5(1 - 4)")
>>> [t.value for t in line.parts[0].terms], line.value
([10, -1, -15], -6)
>>> line.parts[0].terms[0].minors
(Matrix([
[2, 1],
[1, 3]]),)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from symbolic_mlmath.core.errors import ParseError
from symbolic_mlmath.core.exact import exact_det
from symbolic_mlmath.core.mistakes import diagnose
from symbolic_mlmath.core.working import Follow, Judge, judges_for
from symbolic_mlmath.text.tokenize import closing_bracket

__all__ = ["JUDGES", "DetLine", "Part", "Term", "expansions", "read_det_line", "split_terms"]


@dataclass(frozen=True)
class Term:
    """One top-level term of a line: its text, value and any minors written as det(...)."""

    text: str
    value: Any
    minors: tuple = ()


@dataclass(frozen=True)
class Part:
    """One side of a chain of equalities."""

    text: str
    value: Any
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class DetLine:
    """A parsed line of determinant working; its value is that of its last part."""

    text: str
    parts: tuple[Part, ...]

    @property
    def value(self) -> Any:
        return self.parts[-1].value

    def __str__(self) -> str:
        return self.text


_PREFIX = re.compile(r"^\s*(det\s*\(?\s*[A-Za-z]?\s*\)?|\|\s*[A-Z]\s*\||D|Δ)\s*$", re.I)



def _minors(text: str) -> tuple[str, list]:
    """Replace ``det([[...]])``, ``det[[...]]`` and ``|a b; c d|`` by their values."""
    from symbolic_mlmath.text.parse import parse_matrix

    found: list = []

    def value(src: str) -> str:
        M = parse_matrix(src, name="minor")
        if M.rows != M.cols:
            raise ParseError(f"the minor {src.strip()} is not square", name="line")
        found.append(M)
        return f"({exact_det(M)})"

    out, k = [], 0
    while k < len(text):
        m = re.match(r"det\s*", text[k:], re.I)
        if m and k + m.end() < len(text) and text[k + m.end()] in "([":
            start = k + m.end()
            ch = text[start]
            end = closing_bracket(text, start)
            inner = text[start + 1:end] if ch == "(" else text[start:end + 1]
            out.append(value(inner))
            k = end + 1
            continue
        if text[k] == "|":
            end = text.find("|", k + 1)
            inner = text[k + 1:end] if end > 0 else ""
            if end > 0 and (";" in inner or inner.strip().startswith("[")):
                out.append(value(inner))
                k = end + 1
                continue
        out.append(text[k])
        k += 1
    return "".join(out), found


def split_terms(text: str) -> list[str]:
    """Top-level additive terms, each with its sign: ``"2(3-1) - 4"`` -> ``['2(3-1)', '-4']``."""
    terms, depth, cur = [], 0, ""
    prev = ""
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch in "+-−" and depth == 0 and prev not in ("", "*", "/", "^", "(", "e", "E", "+", "-"):
            if cur.strip():
                terms.append(cur.strip())
            cur = "" if ch == "+" else "-"
        else:
            cur += ch
        if not ch.isspace():
            prev = ch if not (ch in "eE" and not cur[:-1].rstrip()[-1:].isdigit()) else "x"
    if cur.strip():
        terms.append(cur.strip())
    return terms


def _read_part(text: str) -> Part:
    from symbolic_mlmath.text.parse import parse_expr

    clean, _ = _minors(text)
    total = parse_expr(clean, name="line")
    terms: list[Term] = []
    try:
        for t in split_terms(text):
            sub, mins = _minors(t)
            terms.append(Term(t, parse_expr(sub, name="line"), tuple(mins)))
        if sum(x.value for x in terms) != total:
            terms = [Term(text, total)]
    except (ParseError, ValueError):
        terms = [Term(text, total)]
    return Part(text, total, tuple(terms))


def read_det_line(raw: Any) -> DetLine:
    """A line of determinant working (see the module docstring)."""
    if not isinstance(raw, str):
        from symbolic_mlmath.text.parse import parse_expr

        v = parse_expr(raw, name="line")
        return DetLine(str(raw), (Part(str(raw), v, (Term(str(raw), v),)),))
    text = raw.strip().rstrip(".")
    if text.startswith("[") and "=" not in text:  # a matrix line: its determinant
        from symbolic_mlmath.text.parse import parse_matrix

        M = parse_matrix(text, name="line")
        if M.rows != M.cols:
            raise ParseError(f"a {M.rows}x{M.cols} matrix has no determinant", name="line")
        v = exact_det(M)
        return DetLine(text, (Part(text, v, (Term(text, v, (M,)),)),))
    pieces = re.split(r"(?<![<>=!])=(?!=)", text)
    while pieces and (not pieces[0].strip() or _PREFIX.match(pieces[0])):
        pieces.pop(0)
    if not pieces or not all(p.strip() for p in pieces):
        raise ParseError("expected an expression", name="line")
    return DetLine(text, tuple(_read_part(p.strip()) for p in pieces))


# ------------------------------------------------------------------ the judge
@dataclass(frozen=True)
class _Ctx:
    matrix: Any
    det: Any
    given: Any  # the value the first line must have


def _start(task: str, inputs: dict) -> _Ctx:
    A = inputs["matrix"]
    if A.rows != A.cols:
        from symbolic_mlmath.core.errors import TaskError

        raise TaskError(f"the determinant needs a square matrix, got {A.rows}x{A.cols}",
                        name="matrix")
    D = exact_det(A)
    return _Ctx(A, D, D)


def equal(a: Any, b: Any) -> bool:
    """Exact equality of two values (expanded when they hold symbols)."""
    from symbolic_mlmath.core.answers import compare_scalar

    if a == b:
        return True
    ok, _, _ = compare_scalar(a, b)
    return ok is True


def _read(ctx: _Ctx, raw: Any) -> DetLine:
    return read_det_line(raw)


def _state_value(state: Any) -> Any:
    return state.value if isinstance(state, DetLine) else state


def _follows(ctx: _Ctx, state: Any, line: DetLine) -> Follow:
    target = _state_value(state)
    bad = [k for k, p in enumerate(line.parts) if not equal(p.value, target)]
    if bad:
        k = bad[0]
        where = f" (part {k + 1} of the chain)" if len(line.parts) > 1 else ""
        return Follow(False, note=f"its value is {line.parts[k].value}, not {target}{where}")
    what = "the same value" if len(line.parts[-1].terms) > 1 else f"= {line.value}"
    return Follow(True, what)


def _finished(ctx: _Ctx, state: Any) -> tuple[bool, str]:
    return True, f"and the determinant is {ctx.det}"


def _explain(ctx: _Ctx, state: Any, line: DetLine) -> Any:
    return diagnose("det", ctx, _state_value(state), line)


def _answer(ctx: _Ctx, state: Any, raw: Any) -> Any:
    from symbolic_mlmath.core.answers import compare
    from symbolic_mlmath.text.parse import parse_answer

    return compare(ctx.det, parse_answer(raw, name="answer"), text=raw)


_ALONG = re.compile(r"\b(row|column|col)\s*(\d+)", re.I)


def expansions(A: Any, values: list) -> list[str]:
    """The expansions (``row 1``, ``column 2``, ``the rule of Sarrus``) whose terms are the
    line's ``values`` (zero terms may be left out).

    Examples
    ========
    >>> from sympy import Matrix
    >>> expansions(Matrix([[2, 1, 5], [1, 2, 1], [2, 1, 3]]), [10, -1, -15])
    ['row 1']
    >>> expansions(Matrix([[1, 2], [3, 4]]), [4, -6])
    ['row 1', 'row 2', 'column 1', 'column 2']
    """
    from collections import Counter

    n = A.rows
    want = Counter(v for v in values if v != 0)
    out = []
    for kind in ("row", "column"):
        for i in range(n):
            cells = [(i, j) if kind == "row" else (j, i) for j in range(n)]
            terms = [(-1) ** (r + c) * A[r, c] * exact_det(A.minor_submatrix(r, c))
                     for r, c in cells]
            if Counter(t for t in terms if t != 0) == want:
                out.append(f"{kind} {i + 1}")
    if n == 3:
        sarrus = [A[0, k] * A[1, (k + 1) % 3] * A[2, (k + 2) % 3] for k in range(3)] + \
            [-A[0, k] * A[1, (k - 1) % 3] * A[2, (k - 2) % 3] for k in range(3)]
        if Counter(t for t in sarrus if t != 0) == want:
            out.append("the rule of Sarrus")
    return out


def _note(ctx: _Ctx, state: Any, line: DetLine, note: str, f: Follow) -> Any:
    """A note naming an expansion (``expand along row 2``, ``by Sarrus``, ``cofactor
    expansion``) compared with the terms the line writes; other notes by the rules named."""
    from symbolic_mlmath.core.working import NoteCheck, rule_note
    from symbolic_mlmath.linalg.row_notes import parse_row_ops, row_note

    if parse_row_ops(note) is not None:  # row operations on a matrix line
        cur = line.parts[0].terms[0].minors
        prev = state.parts[0].terms[0].minors if isinstance(state, DetLine) else (ctx.matrix,)
        if len(line.parts[0].terms) == 1 and len(cur) == 1 and len(prev) == 1 and \
                not line.text.lstrip().startswith("det"):
            return row_note(ctx, prev[0], cur[0], note, f)
        return NoteCheck(None, note)
    low = note.lower()
    m = _ALONG.search(low)
    said = f"{'row' if m.group(1) == 'row' else 'column'} {int(m.group(2))}" if m else \
        "the rule of Sarrus" if "sarrus" in low else \
        "cofactor expansion" if ("cofactor" in low or "expan" in low or "laplace" in low) \
        else None
    if said is None:
        return rule_note(ctx, state, line, note, f)
    if f.ok is not True or ctx.matrix.rows < 2:
        return NoteCheck(None, note)
    terms = line.parts[0].terms
    if len(terms) < 2:
        return NoteCheck(None, note)  # a single value: nothing to compare the note with
    found = expansions(ctx.matrix, [t.value for t in terms])
    if not found:
        return NoteCheck(None, note)
    ok = said in found or (said == "cofactor expansion" and found[0] != "the rule of Sarrus")
    if ok:
        return NoteCheck(True, note)
    did = found[0] if found[0] == "the rule of Sarrus" else f"a cofactor expansion along {found[0]}"
    return NoteCheck(False, note, f"the line is {did}")


#: The judge of this module's tasks.
JUDGES = judges_for(Judge(_start, _read, _follows, _finished, _explain, _answer, str,
                     expected=lambda ctx: ctx.det, note=_note), "det")

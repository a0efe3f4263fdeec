"""The working judge of linear systems (``solve_system``): each line a system, or the final assignments.

A line is a list of equations (``"x + y = 4; 2x - y = 1"``, a JSON list), assignments
(``"x = 5/3, y = 7/3"``), an augmented matrix (``"[[1, 1, 4], [0, -3, -7]]"``), or
``"no solution"``. A line follows when each of its equations holds for every solution of
what is known so far (so an equivalent system, or a consequence such as ``y = 7/3`` during
back substitution); the working is finished when every unknown has its value (or a
contradiction such as ``0 = 1`` shows there is none, or the last line is in solved form
for infinitely many solutions).

Examples
========
>>> from sympy import Eq, symbols
>>> x, y = symbols("x y")
>>> v = _check([Eq(x + y, 4), Eq(2*x - y, 1)], ["x + y = 4; -3y = -7", "y = 7/3", "x = 5/3"])
>>> v.correct, [ln.operation for ln in v.lines]
(True, ['an equivalent system', 'a consequence', 'a consequence'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from symbolic_mlmath.core.errors import ParseError
from symbolic_mlmath.core.mistakes import diagnose
from symbolic_mlmath.core.working import Follow, Judge, check_working, judges_for
from symbolic_mlmath.linalg.answers import is_echelon
from symbolic_mlmath.linalg.systems import augmented, consistent, implied, pinned, rank_of

__all__ = ["JUDGES"]

_NONE = {"no solution", "no solutions", "none", "inconsistent", "0 = 1", "{}", "∅"}


@dataclass(frozen=True)
class _State:
    eqs: tuple  # what is known: equations
    line: tuple  # the equations of the last line
    pinned: dict = field(default_factory=dict)  # explicit values found so far


@dataclass(frozen=True)
class _Ctx:
    xs: tuple
    given: _State
    A: Any
    b: Any


def _start(task: str, inputs: dict) -> _Ctx:
    from symbolic_mlmath.linalg.systems import system_matrices

    A, b, xs, eqs = system_matrices(inputs.get("equations"), inputs.get("variables"),
                                    inputs.get("A"), inputs.get("b"))
    return _Ctx(xs, _State(tuple(eqs), tuple(eqs)), A, b)


def _read(ctx: _Ctx, raw: Any) -> tuple:
    from sympy import Eq, Integer

    from symbolic_mlmath.text.parse import parse_equations, parse_matrix

    if isinstance(raw, str):
        text = raw.strip().rstrip(".")
        if text.lower() in _NONE:
            return (Eq(Integer(0), Integer(1), evaluate=False),)
        if text.startswith("[") and "=" not in text:
            M = parse_matrix(text, name="line")
            n = len(ctx.xs)
            if M.cols != n + 1:
                raise ParseError(f"an augmented matrix for {n} unknowns has {n + 1} columns, "
                                 f"this one {M.cols}", name="line")
            return tuple(Eq(sum(M[i, j] * ctx.xs[j] for j in range(n)), M[i, n],
                            evaluate=False) for i in range(M.rows))
    eqs = parse_equations(_normalise(raw), name="line")
    known = set(ctx.xs)
    for e in eqs:
        extra = sorted(map(str, e.free_symbols - known)) if hasattr(e, "free_symbols") else []
        if extra:
            raise ParseError(f"unknown variable {extra[0]} (the unknowns are "
                             f"{', '.join(map(str, ctx.xs))})", name="line")
    return tuple(eqs)


def _split_top(text: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for ch in text:
        depth += ch in "([{"
        depth -= ch in ")]}"
        if ch in ",;\n" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return [p.strip() for p in [*out, cur] if p.strip()]


def _normalise(raw: Any) -> Any:
    """Learner forms parse_equations does not take: a JSON list of strings, chains
    ``x = 4 - 7/3 = 5/3`` (each link an equation), tuples ``(x, y) = (1, 2)``."""
    import json
    import re
    from itertools import pairwise

    if not isinstance(raw, str):
        return raw
    text = raw.strip()
    if text.startswith("[") and '"' in text:
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, list) and all(isinstance(x, str) for x in data):
            return data
    m = re.fullmatch(r"\(([^()]*)\)\s*=\s*\(([^()]*)\)", text)
    if m:
        names, values = m.group(1).split(","), m.group(2).split(",")
        if len(names) == len(values):
            return [f"{a.strip()} = {b.strip()}" for a, b in zip(names, values, strict=True)]
    if text.count("=") <= 1:
        return raw
    pieces = []
    for piece in _split_top(text):
        links = [x.strip() for x in re.split(r"(?<![<>=!])=(?!=)", piece)]
        pieces += [f"{a} = {b}" for a, b in pairwise(links)] if len(links) > 1 else [piece]
    return pieces


def _merge(line: tuple, old: tuple, xs: tuple) -> tuple:
    """The line's equations plus as many earlier ones as keep the whole consistent."""
    out = list(line)
    M = augmented(tuple(out), xs)
    if not consistent(M):
        return tuple(out)
    for e in old:
        M2 = M.col_join(augmented((e,), xs))
        if rank_of(M2) == rank_of(M):
            continue
        if consistent(M2):
            out.append(e)
            M = M2
    return tuple(out)


def _follows(ctx: _Ctx, state: _State, line: tuple) -> Follow:
    K = augmented(state.eqs, ctx.xs)
    L = augmented(line, ctx.xs)
    if not consistent(K):
        ok = not consistent(L)
        new = _State(line, line)
        return Follow(ok, "an equivalent system" if ok else None,
                      "" if ok else "the system has no solution, so no line can give one",
                      state=new)
    if not implied(K, L):
        return Follow(False, state=_State(_merge(line, state.eqs, ctx.xs), line,
                                          {**state.pinned, **pinned(line)}))
    equivalent = rank_of(L) == rank_of(K)
    new = _State(_merge(line, state.eqs, ctx.xs), line, {**state.pinned, **pinned(line)})
    return Follow(True, "an equivalent system" if equivalent else "a consequence", state=new)


def _finished(ctx: _Ctx, state: _State) -> tuple[bool, str]:
    K = augmented(state.eqs, ctx.xs)
    n = len(ctx.xs)
    if not consistent(K):
        L = augmented(state.line, ctx.xs)
        if any(all(L[i, j] == 0 for j in range(n)) and L[i, n] != 0 for i in range(L.rows)):
            return True, "and the contradiction shows the system has no solution"
        return False, "the contradiction (a line such as 0 = 1) is not written yet"
    if rank_of(K) == n:
        missing = [str(x) for x in ctx.xs if x not in state.pinned]
        if not missing:
            return True, "and every unknown has its value"
        return False, f"no value for {', '.join(missing)} yet"
    L = augmented(state.line, ctx.xs)
    rows = [list(L.row(i)) for i in range(L.rows) if any(L[i, j] != 0 for j in range(n + 1))]
    rows.sort(key=lambda r: next(j for j, x in enumerate(r) if x != 0))
    from sympy import ImmutableMatrix

    R = ImmutableMatrix(rows) if rows else L
    if rank_of(L) == rank_of(K) and is_echelon(R, reduced=True)[0]:
        return True, "and the last line gives the solution set in solved form"
    return False, "the last line is not yet in solved form (each leading unknown alone)"


def _explain(ctx: _Ctx, state: _State, line: tuple) -> Any:
    return diagnose("system", ctx, state, line)


def _answer(ctx: _Ctx, state: _State, raw: Any) -> Any:
    from symbolic_mlmath.core.tasks import get_task

    t = get_task("solve_system")
    eqs = ctx.given.eqs
    d = t.derive(equations=eqs, variables=ctx.xs)
    return t.check_answer(d, raw, {"equations": eqs, "variables": ctx.xs})


def _expected(ctx: _Ctx) -> Any:
    from symbolic_mlmath.linalg.systems import derive_solve_system

    return derive_solve_system(ctx.given.eqs, ctx.xs).result


def _show(obj: Any) -> str:
    if isinstance(obj, tuple):
        return "; ".join(f"{e.lhs} = {e.rhs}" if hasattr(e, "lhs") else str(e) for e in obj)
    return str(obj)


def _check(equations: Any, lines: list) -> Any:
    return check_working("solve_system", {"equations": tuple(equations)}, lines)


def _note(ctx: _Ctx, state: _State, line: tuple, note: str, f: Follow) -> Any:
    """A row-operation note compared on the augmented matrices of the two lines; any other
    note by the rules it names."""
    from symbolic_mlmath.core.working import rule_note
    from symbolic_mlmath.linalg.row_notes import parse_row_ops, row_note

    if parse_row_ops(note) is None:
        return rule_note(ctx, state, line, note, f)
    try:
        prev, cur = augmented(state.line, ctx.xs), augmented(line, ctx.xs)
    except ParseError:
        return None
    return row_note(ctx, prev, cur, note, f)


#: The judge of this module's tasks.
JUDGES = judges_for(Judge(_start, _read, _follows, _finished, _explain, _answer, _show,
                     given_name="the given system", expected=_expected, note=_note),
                    "solve_system")

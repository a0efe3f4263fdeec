"""The working judge of ``eigenvectors``.

For each eigenvalue, a line ``λ = 3`` (or a line ``A - 3I = [[...]]``), then A - λI and its
row reduction (rounds of row operations, notes such as ``R2 <- R2 - R1:`` read), equations of
the null space (``x1 = -x2``) and the eigenvectors (``v = [1, -1]``). Lines may also give
the characteristic polynomial and the list of eigenvalues first. Finished when every
eigenspace has a basis. Slips: not an eigenvalue, λ not subtracted on the diagonal, a row
operation slip, an equation that does not follow, a vector not in the null space (or one
of another eigenvalue, or a sign slip in one entry), the zero vector, wrong eigenvalues.

Examples
========
>>> from sympy import ImmutableMatrix as M
>>> from symbolic_mlmath.core.working import check_working
>>> A = M([[2, 1], [1, 2]])
>>> v = check_working("eigenvectors", {"matrix": A}, ["λ = 1", "[[1,1],[1,1]]", "v = [1, -1]",
...                   "λ = 3", "[[-1,1],[1,-1]]", "x1 = x2", "v = [1, 1]"])
>>> v.correct, v.lines[2].operation
(True, 'an eigenvector for λ = 1')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from symbolic_mlmath.core.errors import ParseError, TaskError
from symbolic_mlmath.core.mistakes import Slip
from symbolic_mlmath.core.working import Follow, Judge
from symbolic_mlmath.linalg.judge_charpoly import (
    LAM,
    PREFIX,
    PolyCtx,
    poly_ctx,
    poly_explain,
    poly_follows,
    read_poly_line,
    shift_slip,
    txt,
    value_of,
)
from symbolic_mlmath.linalg.judge_determinants import equal
from symbolic_mlmath.linalg.judge_elimination import JUDGES as _ELIMINATION
from symbolic_mlmath.linalg.judge_elimination import read_matrix_line
from symbolic_mlmath.linalg.mistakes_rows import matrix_slip
from symbolic_mlmath.linalg.rounds import fmt_number
from symbolic_mlmath.linalg.row_notes import row_note

__all__ = ["JUDGES"]

_ROWS = _ELIMINATION["rref"]
_MAX_N = 4


# ------------------------------------------------------------------ eigenvectors
@dataclass(frozen=True)
class _EigCtx:
    A: Any
    n: int
    poly: PolyCtx
    spaces: dict  # eigenvalue -> basis (column vectors)
    given: Any
    rows_ctx: Any


@dataclass(frozen=True)
class _State:
    value: Any = None  # the eigenvalue being worked on
    matrix: Any = None  # the last matrix line for it
    vectors: tuple = ()  # (eigenvalue, vector)


@dataclass(frozen=True)
class _Item:
    kind: str  # values, poly, eig, matrix, vector, equations
    payload: Any
    rest: Any = None  # "λ = 3: <rest>"


def _eig_start(task: str, inputs: dict) -> _EigCtx:
    A = inputs["matrix"]
    poly = poly_ctx(A)
    if A.rows > _MAX_N:
        raise TaskError(f"eigenvector working is checked for matrices up to {_MAX_N}x{_MAX_N}",
                        name="matrix")
    spaces = {val: [v.as_immutable() for v in vecs] for val, _m, vecs in A.eigenvects()}
    return _EigCtx(A, A.rows, poly, spaces, _State(),
                   _ROWS.start("rref", {"matrix": A}))


_DECL = re.compile(rf"^\s*(?:for\s+)?{LAM}\s*_?\s*\d*\s*=\s*([^:]+?)\s*(?::\s*(.*))?$", re.I)
_VALUES = re.compile(rf"{LAM}\s*_?\s*\d*\s*=\s*([^,;]+)", re.I)
_VEC = re.compile(r"^\s*(?:[A-Za-z]\w*\s*=\s*)?(\[[^\[\]]*\]|\([^()]*\))\s*$")


def _eig_read(c: _EigCtx, raw: Any) -> _Item:
    from symbolic_mlmath.text.parse import parse_equations, parse_number, parse_vector

    if not isinstance(raw, str):
        obj = read_matrix_line(raw)
        return _Item("vector" if obj.cols == 1 else "matrix", obj)
    m = _DECL.match(raw)
    if m:
        head = m.group(1)
        if "," in head or ";" in head or len(_VALUES.findall(raw)) > 1:
            vals = _VALUES.findall(raw) if len(_VALUES.findall(raw)) > 1 else re.split(r"[,;]", head)
            return _Item("values", tuple(parse_number(v, name="line") for v in vals if v.strip()))
        rest = _eig_read(c, m.group(2)) if m.group(2) and m.group(2).strip() else None
        return _Item("eig", parse_number(head, name="line"), rest)
    m = _VEC.match(raw)
    if m:
        v = parse_vector(m.group(1), name="line")
        return _Item("vector", v) if v.rows == c.n else _Item("values", tuple(v))
    if re.fullmatch(r"[^=\[\]();]+(?:,[^=\[\]();]+)+", raw):  # 1, 3: the eigenvalues
        return _Item("values", tuple(parse_number(x, name="line") for x in raw.split(",")))
    if "[[" in raw or (";" in raw and "=" not in raw):
        return _Item("matrix", read_matrix_line(raw))
    body = PREFIX.sub("", raw, count=1)
    if body == raw and "=" in raw:
        try:
            return _Item("equations", _coordinates(parse_equations(raw, name="line"), c.n))
        except ParseError:
            pass
    try:
        return _Item("poly", read_poly_line(raw, c.poly.lam))
    except ParseError:
        v = parse_vector(raw, name="line")
        return _Item("vector" if v.rows == c.n else "values", v if v.rows == c.n else tuple(v))


def _coordinates(eqs: tuple, n: int) -> tuple:
    """Linear equations in the entries of v: rows ``(coefficients, rhs)``."""
    from sympy import Poly, PolynomialError

    syms = sorted(set().union(*(e.free_symbols for e in eqs)), key=str)
    names = [str(s) for s in syms]
    index: dict = {}
    for s, name in zip(syms, names, strict=True):
        m = re.fullmatch(r"[a-z]_?(\d+)", name)
        if m and 1 <= int(m.group(1)) <= n:
            index[s] = int(m.group(1)) - 1
        elif name in "xyz"[:n] and all(q in "xyz" for q in names):
            index[s] = "xyz".index(name)
        else:
            raise ParseError(f"write the equations in x1, ..., x{n} (the entries of v)",
                             name="line")
    rows = []
    for e in eqs:
        expr = e.lhs - e.rhs
        try:
            P = Poly(expr, *syms) if syms else None
        except PolynomialError:
            raise ParseError("the equations must be linear in the entries of v",
                             name="line") from None
        if P is None or P.total_degree() > 1:
            raise ParseError("the equations must be linear in the entries of v", name="line")
        coeffs = [0] * n
        for s in syms:
            coeffs[index[s]] += P.coeff_monomial(s)
        rows.append((tuple(coeffs), -P.coeff_monomial(1)))
    return tuple(rows)


def _vec(v: Any) -> str:
    return "[" + ", ".join(txt(x) for x in v) + "]"


def _minus(mu: Any) -> str:
    """``A - 3I``, ``A - I``, ``A + 2I``."""
    if equal(mu, 0):
        return "A"
    if mu.is_Number and mu < 0:
        return f"A + {'' if equal(mu, -1) else txt(-mu)}I"
    return f"A - {'' if equal(mu, 1) else txt(mu)}I"


def _is_eigenvalue(c: _EigCtx, x: Any) -> Any:
    return next((v for v in c.spaces if equal(v, x)), None)


def _shifted(c: _EigCtx, value: Any) -> Any:
    from sympy import eye

    return (c.A - value * eye(c.n)).as_immutable()


def _in_rowspace(M: Any, row: tuple) -> bool:
    from sympy import Matrix

    return Matrix.vstack(M, Matrix([list(row)])).rank() == M.rank()


def _eig_follows(c: _EigCtx, s: _State, item: _Item) -> Follow:
    k = item.kind
    if k == "values":
        vals = [_is_eigenvalue(c, x) for x in item.payload]
        if all(v is not None for v in vals) and set(vals) == set(c.spaces):
            return Follow(True, "the eigenvalues", state=s)
        return Follow(False, state=s)
    if k == "poly":
        f = poly_follows(c.poly, c.poly.p, item.payload)
        return replace(f, state=s)
    if k == "eig":
        ok = _is_eigenvalue(c, item.payload) is not None
        new = _State(item.payload, None, s.vectors)
        if item.rest is None:
            return Follow(ok, f"λ = {txt(item.payload)}" if ok else None, state=new)
        f = _eig_follows(c, new, item.rest)
        return Follow(ok and f.ok, f.operation, f.note, f.state)
    if k == "matrix":
        M = item.payload
        if M.shape != (c.n, c.n):
            return Follow(False, note=f"the line is {M.rows}x{M.cols}, A is {c.n}x{c.n}", state=s)
        D = M - c.A
        if D.is_diagonal() and all(equal(D[i, i], D[0, 0]) for i in range(c.n)):
            mu = -D[0, 0]
            fresh = s.value is None or (s.matrix is None and equal(mu, s.value)) or (
                s.matrix is not None and not equal(mu, s.value)
                and _is_eigenvalue(c, mu) is not None)
            if fresh:  # A - μI: the start of the work on the eigenvalue μ
                ok = _is_eigenvalue(c, mu) is not None
                return Follow(ok, _minus(mu) if ok else None,
                              state=_State(mu, M, s.vectors))
        if s.value is None:
            return Follow(False, note="say first which eigenvalue (λ = ...)", state=s)
        start = s.matrix if s.matrix is not None else _shifted(c, s.value)
        f = _ROWS.follows(c.rows_ctx, start, M)
        return replace(f, state=replace(s, matrix=M))
    if k == "equations":
        if s.value is None:
            return Follow(False, note="say first which eigenvalue (λ = ...)", state=s)
        M = _shifted(c, s.value)
        ok = all(equal(rhs, 0) and _in_rowspace(M, row) for row, rhs in item.payload)
        return Follow(ok, "equations of the null space of A - λI" if ok else None, state=s)
    v = item.payload
    if all(x == 0 for x in v):
        return Follow(False, state=s)
    value = s.value
    if value is None:
        value = next((lam for lam in c.spaces if (c.A * v - lam * v).is_zero_matrix), None)
        if value is None:
            return Follow(False, state=s)
    ok = bool((_shifted(c, value) * v).is_zero_matrix)
    new = replace(s, value=value, vectors=(*s.vectors, (value, v)))
    return Follow(ok, f"an eigenvector for λ = {txt(value)}" if ok else None, state=new)


def _eig_explain(c: _EigCtx, s: _State, item: _Item) -> Slip | None:
    k = item.kind
    names = ", ".join(txt(v) for v in c.spaces)
    if k == "eig" and _is_eigenvalue(c, item.payload) is None:
        d = _shifted(c, item.payload).det()
        return Slip("not an eigenvalue", f"det({_minus(item.payload)}) = {txt(d)}, not 0; "
                    f"the eigenvalues are {names}")
    if k == "eig":
        return _eig_explain(c, _State(item.payload, None, s.vectors), item.rest)
    if k == "values":
        return Slip("wrong eigenvalues", f"the eigenvalues are {names} (the roots of "
                    f"{txt(c.poly.p)})")
    if k == "poly":
        return poly_explain(c.poly, c.poly.p, item.payload)
    if k == "matrix" and s.value is not None and item.payload.shape == (c.n, c.n):
        if s.matrix is None:
            want = _shifted(c, s.value)
            direct = shift_slip(c.A, s.value, item.payload, want)
            cells = sum(1 for x, y in zip(want, item.payload, strict=True) if not equal(x, y))
            if direct is None or direct.name not in ("arithmetic slip", "sign error") or cells <= 1:
                return direct
            return matrix_slip(want, item.payload) or direct
        return matrix_slip(s.matrix, item.payload)
    if k == "equations":
        return Slip("equation does not follow", "the equations must hold for every vector of the "
                    f"null space of {_minus(s.value)} (a combination of its rows, = 0)")
    if k != "vector":
        return None
    v = item.payload
    if all(x == 0 for x in v):
        return Slip("zero vector", "the zero vector is never an eigenvector")
    if s.value is None:
        return Slip("not an eigenvector", f"A v = {_vec(c.A * v)} is not a multiple of v")
    other = next((lam for lam in c.spaces if (c.A * v - lam * v).is_zero_matrix), None)
    if other is not None:
        return Slip("eigenvector of another eigenvalue", f"A v = {txt(other)} v: this is an "
                    f"eigenvector for λ = {txt(other)}, not {txt(s.value)}")
    M = _shifted(c, s.value)
    for i in range(c.n):
        w = v.as_mutable()
        w[i] = -w[i]
        if w[i] != 0 and (M * w).is_zero_matrix:
            return Slip("sign error", f"entry {i + 1} should be {txt(w[i])}, not {txt(v[i])}",
                        w.as_immutable())
    basis = c.spaces.get(_is_eigenvalue(c, s.value)) or []
    return Slip("not in the null space", f"({_minus(s.value)}) v = {_vec(M * v)}, not 0",
                basis[0] if len(basis) == 1 else None)


def _eig_finished(c: _EigCtx, s: _State) -> tuple[bool, str]:
    from sympy import Matrix

    for value, basis in c.spaces.items():
        mine = [v for lam, v in s.vectors if equal(lam, value)]
        if not mine:
            return False, f"no eigenvector for λ = {txt(value)} yet"
        r = Matrix.hstack(*mine).rank()
        if r < len(basis):
            return False, (f"the eigenspace of λ = {txt(value)} has dimension {len(basis)}; "
                           f"you gave {r} independent vector{'s' if r != 1 else ''}")
        if len(mine) > len(basis):
            return False, (f"{len(mine)} vectors for λ = {txt(value)}, but its eigenspace has "
                           f"dimension {len(basis)}: give a basis")
    return True, "and every eigenspace has a basis"


def _eig_answer(c: _EigCtx, s: _State, raw: Any) -> Any:
    from symbolic_mlmath.core.tasks import get_task

    t = get_task("eigenvectors")
    return t.check_answer(t.derive(matrix=c.A), raw, {"matrix": c.A})


def _eig_note(c: _EigCtx, s: _State, item: _Item, note: str, f: Follow) -> Any:
    if item.kind != "matrix" or s.matrix is None:
        return None
    return row_note(c.rows_ctx, s.matrix, item.payload, note, f)


def _eig_show(x: Any) -> str:
    if hasattr(x, "tolist"):
        rows = x.tolist()
        if x.cols == 1:
            return "[" + ", ".join(txt(r[0]) for r in rows) + "]"
        return "[" + ", ".join("[" + ", ".join(fmt_number(v) if not hasattr(v, "free_symbols")
                                               else txt(v) for v in r) + "]" for r in rows) + "]"
    return txt(value_of(x))


_EIGENVECTORS = Judge(_eig_start, _eig_read, _eig_follows, _eig_finished, _eig_explain,
                      _eig_answer, _eig_show, given_name="the given matrix",
                      expected=lambda c: c.spaces, note=_eig_note)

#: The judge of this module's task.
JUDGES = {"eigenvectors": _EIGENVECTORS}

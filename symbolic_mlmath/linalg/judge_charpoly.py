"""The working judge of ``charpoly``: each line has the value det(A - λI).

A matrix line ``[[2-λ, 1], [2, 3-λ]]`` stands for its determinant; ``det(A - λI) = ...`` and
``p(λ) = ...`` prefixes and chains of equalities are read, and another letter for λ is read
as λ. The slips named are those of determinants (a 2x2 minor as ad + bc, a cofactor sign,
an arithmetic slip) and of the characteristic polynomial: λ missing on part of the
diagonal, subtracted off it or added, the constant term not det A, the λ^(n-1) coefficient
not ±tr A. The other sign convention det(λI - A) (odd sizes) is accepted and said.

Examples
========
>>> from sympy import ImmutableMatrix as M
>>> from symbolic_mlmath.core.working import check_working
>>> A = M([[2, 1], [1, 2]])
>>> v = check_working("charpoly", {"matrix": A}, ["det(A - λI) = (2-λ)(2-λ) - 1*1",
...                                               "λ^2 - 4λ + 3"])
>>> v.correct
True
>>> v = check_working("charpoly", {"matrix": A}, ["(2-λ)(2-λ) - 1", "λ^2 - 4λ + 5"])
>>> v.first_wrong_step, v.lines[1].mistake
(1, 'constant term wrong')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.mistakes import Slip, differences
from symbolic_mlmath.core.working import Follow, Judge
from symbolic_mlmath.linalg.judge_determinants import JUDGES as _DETERMINANTS
from symbolic_mlmath.linalg.judge_determinants import DetLine, Part, Term, equal, read_det_line

__all__ = ["JUDGES", "LAM", "PREFIX", "PolyCtx", "entry_name", "is_matrix_line", "poly_ctx",
           "poly_explain", "poly_follows", "read_poly_line", "shift_slip", "txt", "value_of"]

_DET = _DETERMINANTS["det"]
LAM = r"(?:λ|lambda|l|t)"
PREFIX = re.compile(rf"^\s*(?:det\s*\(\s*(?:A\s*-\s*{LAM}\s*\*?\s*I|{LAM}\s*\*?\s*I\s*-\s*A)\s*\)"
                     rf"|\|\s*A\s*-\s*{LAM}\s*I\s*\||[pχ]\s*_?A?\s*\(\s*{LAM}\s*\))\s*=\s*", re.I)


def txt(x: Any) -> str:
    """A value as feedback shows it (polynomials highest power first, λ as λ)."""
    from symbolic_mlmath.render.formats import text_of

    if getattr(x, "free_symbols", None) and not hasattr(x, "shape"):
        return str(x).replace("**", "^").replace("*", "").replace("lambda", "λ")
    return text_of(x)


# ------------------------------------------------------------------ the characteristic polynomial
@dataclass(frozen=True)
class PolyCtx:
    """What a characteristic-polynomial working is judged against."""

    A: Any
    n: int
    lam: Any
    M: Any  # A - λI
    p: Any
    given: Any
    det_ctx: Any


def poly_ctx(A: Any, variable: Any = None) -> PolyCtx:
    """The context for ``A`` (and the variable, λ by default): A - λI and p(λ)."""
    from sympy import expand, eye

    from symbolic_mlmath.linalg.eigen import lambda_symbol

    if A.rows != A.cols:
        raise TaskError(f"the characteristic polynomial needs a square matrix, got "
                        f"{A.rows}x{A.cols}", name="matrix")
    lam = lambda_symbol(variable, avoid=A.free_symbols)
    M = (A - lam * eye(A.rows)).as_immutable()
    p = expand(M.det())
    return PolyCtx(A, A.rows, lam, M, p, p, _DET.start("det", {"matrix": M}))


def _rename(line: DetLine, old: Any, new: Any) -> DetLine:
    def sub(x: Any) -> Any:
        return x.xreplace({old: new}) if hasattr(x, "xreplace") else x

    parts = tuple(Part(p.text, sub(p.value), tuple(Term(t.text, sub(t.value),
                                                        tuple(sub(m) for m in t.minors))
                                                   for t in p.terms)) for p in line.parts)
    return DetLine(line.text, parts)


def read_poly_line(raw: Any, lam: Any) -> DetLine:
    """A line of characteristic-polynomial working, its variable read as ``lam``.

    Examples
    ========
    >>> from sympy import Symbol
    >>> read_poly_line("det(A - tI) = t^2 - 1", Symbol("lambda")).value
    lambda**2 - 1
    """
    text = PREFIX.sub("", raw, count=1) if isinstance(raw, str) else raw
    line = read_det_line(text)
    free = set().union(*(p.value.free_symbols for p in line.parts if hasattr(p.value, "free_symbols")))
    if lam not in free and len(free) == 1:
        line = _rename(line, next(iter(free)), lam)
    return line


def is_matrix_line(line: DetLine) -> bool:
    """Whether the line is a matrix (standing for its determinant)."""
    t = line.parts[-1].terms
    return len(line.parts) == 1 and len(t) == 1 and bool(t[0].minors) and line.text.startswith("[")


def value_of(state: Any) -> Any:
    """The value of a state (a line, or the given polynomial)."""
    return state.value if isinstance(state, DetLine) else state


def poly_follows(c: PolyCtx, state: Any, line: DetLine) -> Follow:
    """Whether the line has the value of the state (or is det(λI - A) for an odd size)."""
    f = _DET.follows(c.det_ctx, state, line)
    if f.ok is False and c.n % 2 == 1 and equal(value_of(state), c.p) and \
            all(equal(p.value, -c.p) for p in line.parts):
        return Follow(True, "det(λI - A), the other sign convention",
                      note="this course uses det(A - λI), which is its negative for an odd size")
    if f.ok and is_matrix_line(line):
        return Follow(True, "the matrix A - λI" if line.parts[0].terms[0].minors[0] == c.M
                      else "a matrix with the same determinant")
    return f


def entry_name(T: list, N: list, cells: list) -> str:
    """``sign error`` when every wrong entry is the negative of its target, else ``arithmetic slip``."""
    return "sign error" if all(equal(N[i][j], -T[i][j]) for i, j in cells) else "arithmetic slip"


def shift_slip(A: Any, lam_value: Any, got: Any, want: Any) -> Slip | None:
    """Name how a learner's A - λI differs from ``want`` (λ missing on / off the diagonal)."""
    n = A.rows
    if got.shape != want.shape:
        return Slip("wrong shape", f"A - λI is {n}x{n}, not {got.rows}x{got.cols}")
    cells = [(i, j) for i in range(n) for j in range(n) if not equal(got[i, j], want[i, j])]
    if not cells:
        return None
    T, N = want.tolist(), got.tolist()
    detail = differences(T, N, cells, show=txt)
    if all(i == j and equal(got[i, i], A[i, i]) for i, j in cells):
        return Slip("λ not subtracted on the diagonal", f"subtract λ = {txt(lam_value)} from every "
                    f"diagonal entry: {detail}", want)
    if all(i != j and equal(got[i, j], A[i, j] - lam_value) for i, j in cells):
        return Slip("λ subtracted off the diagonal", f"λI has λ on the diagonal only: {detail}",
                    want)
    if all(i == j and equal(got[i, i], A[i, i] + lam_value) for i, j in cells):
        return Slip("λ added instead of subtracted", f"A - λI: {detail}", want)
    return Slip(entry_name(T, N, cells), detail, want)


def poly_explain(c: PolyCtx, state: Any, line: DetLine) -> Slip | None:
    """Name the slip of a line that does not have the value of the state."""
    from sympy import Poly, PolynomialError, eye, ones

    target = value_of(state)
    v = line.value
    first = _DET.explain(c.det_ctx, state, line)
    if first is not None and first.name == "2x2 determinant" and isinstance(state, DetLine) \
            and not is_matrix_line(state):
        first = Slip("arithmetic slip", f"this is {txt(v)}, but the line before is {txt(target)}",
                     target)  # the line before already has ad - bc: the slip is in what follows
    if first is not None and first.name == "2x2 determinant" and c.n == 2:
        a, b, cc, d = (f"({txt(x)})" if getattr(x, "free_symbols", None) else txt(x)
                       for x in c.M)
        return Slip("2x2 determinant", f"det(A - λI) = ad - bc = {a}{d} - {b}·{cc}, not ad + bc",
                    c.p)
    if first is not None and first.name in ("2x2 determinant", "cofactor sign", "wrong minor"):
        return first
    if equal(target, c.p):
        if is_matrix_line(line):
            slip = shift_slip(c.A, c.lam, line.parts[0].terms[0].minors[0], c.M)
            if slip is not None:
                return slip
        for k in range(c.n):
            E = c.M.as_mutable()
            E[k, k] = c.A[k, k]
            if equal(v, E.det()):
                return Slip("λ not subtracted on the diagonal", f"entry ({k + 1}, {k + 1}) of "
                            f"A - λI is {txt(c.M[k, k])}", c.p)
        if equal(v, (c.A - c.lam * ones(c.n, c.n)).det()):
            return Slip("λ subtracted off the diagonal", "λI has λ on the diagonal only", c.p)
        if equal(v, (c.A + c.lam * eye(c.n)).det()):
            return Slip("λ added instead of subtracted", "the polynomial is det(A - λI)", c.p)
        try:
            got, want = Poly(v, c.lam), Poly(c.p, c.lam)
        except PolynomialError:
            got = want = None
        if got is not None and got.degree() == want.degree() == c.n and got != want:
            diff = [k for k in range(c.n + 1) if not equal(got.coeff_monomial(c.lam ** k),
                                                            want.coeff_monomial(c.lam ** k))]
            if diff == [0]:
                return Slip("constant term wrong", f"the constant term of det(A - λI) is det A = "
                            f"{txt(c.A.det())}, not {txt(got.coeff_monomial(1))}", c.p)
            if diff == [c.n - 1]:
                s = "" if c.n % 2 == 1 else "-"
                return Slip("trace term wrong", f"the coefficient of λ^{c.n - 1} is {s}tr A = "
                            f"{txt(want.coeff_monomial(c.lam ** (c.n - 1)))}, not "
                            f"{txt(got.coeff_monomial(c.lam ** (c.n - 1)))}", c.p)
    return first


def _cp_start(task: str, inputs: dict) -> PolyCtx:
    return poly_ctx(inputs["matrix"], inputs.get("variable"))


def _cp_finished(c: PolyCtx, state: Any) -> tuple[bool, str]:
    if isinstance(state, DetLine) and is_matrix_line(state):
        return False, "the last line is a matrix: expand its determinant into a polynomial"
    return True, f"and the characteristic polynomial is {txt(c.p)}"


def _cp_answer(c: PolyCtx, state: Any, raw: Any) -> Any:
    from symbolic_mlmath.core.tasks import get_task

    t = get_task("charpoly")
    return t.check_answer(t.derive(matrix=c.A, variable=c.lam), raw, {"matrix": c.A})


_CHARPOLY = Judge(_cp_start, lambda c, raw: read_poly_line(raw, c.lam), poly_follows,
                  _cp_finished, poly_explain, _cp_answer, lambda x: txt(value_of(x)),
                  given_name="det(A - λI)", expected=lambda c: c.p)



#: The judge of this module's task.
JUDGES = {"charpoly": _CHARPOLY}

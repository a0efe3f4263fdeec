"""Linear-algebra answer checks: numbers, matrices, vectors, echelon forms, spans.

Each ``check_*`` takes ``(derivation, answer, parsed inputs, **tolerances)`` and returns a
:class:`~symbolic_mlmath.core.verdict.Verdict`. Answers unique only up to something are
judged by the property: echelon forms by row-equivalence, bases up to span. Decimal
answers are accepted to the precision typed.

Examples
========
>>> from symbolic_mlmath.api import check
>>> check("ref", answer="[[2,4],[0,1]]", matrix="[[2,4],[1,3]]").method
'property'
>>> yes_no("linearly dependent")
False
"""

from __future__ import annotations

import re
from typing import Any

from symbolic_mlmath.core.answers import compare, compare_scalar, normalize_choice
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.verdict import Verdict
from symbolic_mlmath.text.words import NO_WORDS, YES_WORDS

__all__ = [
    "INDEPENDENT_WORDS",
    "SINGULAR_WORDS",
    "answer_value",
    "as_vector",
    "check_angle",
    "check_basis_span",
    "check_echelon",
    "check_independent",
    "check_matrix",
    "check_projection",
    "check_scalar",
    "check_singular",
    "decimal_tolerance",
    "is_echelon",
    "matrix_verdict",
    "near",
    "same_number",
    "txt",
    "vectors_of",
    "yes_no",
]

_DEC = re.compile(r"\d\.(\d+)")


# ------------------------------------------------------------------ reading answers
def answer_value(answer: Any) -> Any:
    """The learner's answer read through the text door (parse_answer)."""
    from symbolic_mlmath.text.parse import parse_answer

    return parse_answer(answer, name="answer")


def txt(x: Any) -> str:
    """An object as plain text, as the renderers write it."""
    from symbolic_mlmath.render.formats import text_of

    return text_of(x)


def decimal_tolerance(raw: Any) -> Any:
    """The tolerance a learner's decimals ask for (``"0.833"`` -> 1/1000), or None."""
    from sympy import Rational

    if not isinstance(raw, str):
        return None
    found = _DEC.findall(raw)
    return Rational(1, 10 ** min(len(d) for d in found)) if found else None


def near(e: Any, g: Any, tol: Any) -> bool:
    """Whether two numbers differ by at most ``tol`` (numerically, 30 digits)."""
    from sympy import N

    try:
        return abs(complex(N(e - g, 30))) <= float(tol)
    except (TypeError, ValueError):
        return False


def same_number(e: Any, g: Any, tol: Any = None) -> bool:
    """Whether ``g`` is ``e``: exactly, or to the tolerance when decimals are involved."""
    from sympy import Float

    if not hasattr(g, "free_symbols"):
        return False
    if not e.has(Float) and not g.has(Float) and compare_scalar(e, g)[0] is True:
        return True
    if tol is not None or e.has(Float) or g.has(Float):
        return not (e - g).free_symbols and near(e, g, tol if tol is not None else 10**-12)
    return False


def as_vector(got: Any, n: int) -> Any:
    """A list of numbers or a row matrix as a column vector with ``n`` entries."""
    from sympy import ImmutableMatrix, MatrixBase

    if isinstance(got, list | tuple) and all(hasattr(x, "free_symbols") for x in got):
        got = ImmutableMatrix(list(got))
    if isinstance(got, MatrixBase) and got.rows == 1 and got.cols == n and n > 1:
        got = got.T
    return got


def vectors_of(got: Any, n: int) -> list[Any] | None:
    """A learner's list of vectors (rows of a matrix, a list, or one vector)."""
    from sympy import ImmutableMatrix, MatrixBase

    if isinstance(got, MatrixBase):
        if got.cols == 1 and got.rows == n:
            return [got.as_immutable()]
        if got.cols == n:
            return [got.row(i).T.as_immutable() for i in range(got.rows)]
        if got.rows == n:
            return [got.col(j).as_immutable() for j in range(got.cols)]
        return None
    if isinstance(got, list | tuple):
        out = []
        for g in got:
            v = as_vector(g, n)
            if not isinstance(v, MatrixBase) or v.shape != (n, 1):
                return None
            out.append(ImmutableMatrix(v))
        return out
    return None


INDEPENDENT_WORDS = {"true": YES_WORDS | {"independent", "linearly independent"},
                     "false": NO_WORDS | {"dependent", "linearly dependent"}}


def yes_no(answer: Any, words: dict = INDEPENDENT_WORDS) -> bool:
    """A yes/no answer (or a word from ``words``) as a bool; an InputError otherwise."""

    if isinstance(answer, bool):
        return answer
    w = normalize_choice(str(answer), words)
    if w is None:
        raise InputError(f"expected yes/no, got {str(answer)[:40]!r}", name="answer")
    return w == "true"


# ------------------------------------------------------------------ numbers, matrices, vectors
def matrix_verdict(expected: Any, got: Any, raw: Any) -> Verdict:
    """Compare a matrix answer exactly, then to the decimals the learner typed."""
    from sympy import MatrixBase

    got = as_vector(got, expected.rows) if expected.cols == 1 else got
    v = compare(expected, got)
    tol = decimal_tolerance(raw)
    if v.correct is True or tol is None or not isinstance(got, MatrixBase):
        return v
    if got.shape == expected.shape and all(near(e, g, tol) for e, g in zip(expected, got,
                                                                           strict=True)):
        return Verdict(True, "decimal", f"Correct to the decimals given; the exact answer is "
                       f"{txt(expected)}.", expected=expected, got=got)
    return v


def check_matrix(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check a matrix or vector answer."""

    return matrix_verdict(d.result, answer_value(answer), answer)


def check_scalar(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check a number or expression answer."""

    return compare(d.result, answer_value(answer), text=answer, **tol)


def check_angle(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check an angle in radians (an angle in degrees is named as such)."""
    from sympy import pi

    got = answer_value(answer)
    v = compare(d.result, got, text=answer, **tol)
    if v.correct is False and hasattr(got, "free_symbols") and not got.free_symbols:
        deg = d.result * 180 / pi
        if same_number(deg, got, decimal_tolerance(answer) or 10**-9):
            return Verdict(False, "property", f"Not correct: {txt(got)} is the angle in degrees; "
                           f"give it in radians: {txt(d.result)}.", expected=d.result, got=got)
    return v


def check_projection(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check a projection of u onto v (the projection of v onto u is named)."""

    v = matrix_verdict(d.result, answer_value(answer), answer)
    if v.correct is False:
        from symbolic_mlmath.linalg.vectors import derive_projection

        other = derive_projection(parsed["v"], parsed["u"]).result
        if compare(other, as_vector(answer_value(answer), other.rows)).correct:
            return Verdict(False, "property", "Not correct: that is the projection of v onto u; "
                           f"the projection of u onto v is {txt(d.result)}.",
                           expected=d.result, got=answer_value(answer))
    return v


# ------------------------------------------------------------------ determinants, echelon forms
SINGULAR_WORDS = {
    "true": YES_WORDS | {"singular", "it is singular", "1", "degenerate", "not invertible",
                         "non-invertible", "noninvertible", "dependent"},
    "false": NO_WORDS | {"non-singular", "nonsingular", "not singular", "0", "invertible",
                         "regular", "independent"},
}


def check_singular(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check a singular / non-singular answer against det."""

    if isinstance(answer, bool):
        got = answer
    else:
        word = normalize_choice(str(answer), SINGULAR_WORDS)
        if word is None:
            raise InputError(f"expected yes/no (singular or non-singular), got {str(answer)[:40]!r}",
                             name="answer")
        got = word == "true"
    det = d.steps[-1].given["det"]
    ok = got == d.result
    why = f"det = {det}, so the matrix is {'singular' if d.result else 'non-singular'}"
    fb = f"Correct: {why}." if ok else f"Not correct: {why}."
    return Verdict(ok, "structural", fb, expected=d.result, got=got)


def is_echelon(M: Any, reduced: bool = False) -> tuple[bool, str]:
    """Whether ``M`` is in (reduced) row echelon form, and if not, why (one phrase).

    Examples
    ========
    >>> from sympy import Matrix
    >>> is_echelon(Matrix([[1, 2], [0, 3]]))
    (True, '')
    >>> is_echelon(Matrix([[0, 1], [1, 0]]))[1]
    'the leading entry of row 2 is not to the right of the one in row 1'
    """
    last = -1
    seen_zero = False
    for i in range(M.rows):
        row = list(M.row(i))
        lead = next((k for k, x in enumerate(row) if x != 0), None)
        if lead is None:
            seen_zero = True
            continue
        if seen_zero:
            return False, f"row {i + 1} is non-zero but comes after a zero row"
        if lead <= last:
            return False, f"the leading entry of row {i + 1} is not to the right of the one in row {i}"
        if reduced:
            if row[lead] != 1:
                return False, f"the pivot of row {i + 1} is {row[lead]}, not 1"
            others = [r + 1 for r in range(M.rows) if r != i and M[r, lead] != 0]
            if others:
                return False, (f"column {lead + 1} has non-zero entries above or below the pivot "
                               f"of row {i + 1}")
        last = lead
    return True, ""


def check_echelon(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check a (reduced) row echelon form: rref exactly, ref by row-equivalence."""
    from symbolic_mlmath.core.exact import to_dm
    from symbolic_mlmath.text.parse import parse_matrix

    A = parsed["matrix"]
    got = parse_matrix(answer, name="answer")
    if got.shape != A.shape:
        return Verdict(False, "structural", f"Not correct: the answer is {got.rows}x{got.cols}, "
                       f"but the matrix is {A.rows}x{A.cols}.", expected=d.result, got=got)
    reduced = d.task == "rref"
    ok, why = is_echelon(got, reduced=reduced)
    if reduced:
        v = compare(d.result, got)
        if v.correct is True:
            return v
        tail = "" if ok else f" It is not in reduced row echelon form: {why}."
        return Verdict(False, v.method, v.feedback + tail, expected=d.result, got=got,
                       details=v.details)
    if not ok:
        return Verdict(False, "property", f"Not correct: not in row echelon form: {why}.",
                       expected=d.result, got=got)
    same = (to_dm(got).to_field().rref()[0].to_Matrix()
            == to_dm(A).to_field().rref()[0].to_Matrix())
    if not same:
        return Verdict(False, "property", "Not correct: it is an echelon form, but not of this "
                       "matrix (its rows do not span the same space).", expected=d.result, got=got)
    return Verdict(True, "property", "Correct: an echelon form row-equivalent to the matrix "
                   "(echelon forms are not unique).", expected=d.result, got=got)


# ------------------------------------------------------------------ spans and bases
def check_independent(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check an independent / dependent answer against the rank."""

    got = yes_no(answer)
    step = d.steps[-1].given
    why = f"rank {step['rank']} with {step['count']} vectors"
    ok = got == d.result
    word = "independent" if d.result else "dependent"
    return Verdict(ok, "structural", ("Correct: " if ok else "Not correct: ") +
                   f"{why}, so they are linearly {word}.", expected=d.result, got=got)


def _check_basis_list(d: Any, vs: list, M: Any) -> Verdict:
    from sympy import ImmutableMatrix

    from symbolic_mlmath.core.exact import exact_rank

    dim = int(d.result["dimension"])
    rank = exact_rank(M)
    for k, w in enumerate(vs, 1):
        if exact_rank(ImmutableMatrix.hstack(M, w)) != rank:
            return Verdict(False, "property", f"Not correct: vector {k} ({txt(w.T)}) is not in "
                           "the span.", expected=d.result["basis"], got=vs)
    if len(vs) != dim:
        return Verdict(False, "property", f"Not correct: a basis of this span has {dim} "
                       f"vectors, not {len(vs)}.", expected=d.result["basis"], got=vs)
    if exact_rank(ImmutableMatrix.hstack(*vs)) != dim:
        return Verdict(False, "property", "Not correct: your vectors are dependent, so they are "
                       "not a basis.", expected=d.result["basis"], got=vs)
    return Verdict(True, "property", f"Correct: {dim} independent vectors in the span, so a "
                   "basis of it (bases are not unique).", expected=d.result["basis"], got=vs)


def check_basis_span(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check independence, spanning, a basis (up to span) or the dimension."""
    from sympy import ImmutableMatrix

    vs_in = parsed["vectors"]
    M = ImmutableMatrix.hstack(*vs_in)
    n = vs_in[0].rows
    got = answer if isinstance(answer, dict) else answer_value(answer)
    res = d.result
    if isinstance(got, dict):
        notes, ok = [], True
        for key, val in got.items():
            k = str(key).lower()
            if k in ("independent", "spans"):
                good = yes_no(val) == res[k]
            elif k == "dimension":
                good = compare(res[k], answer_value(val)).correct is True
            elif k == "basis":
                vs = vectors_of(answer_value(val), n)
                sub = _check_basis_list(d, vs or [], M) if vs else None
                good = bool(sub and sub.correct)
            else:
                raise InputError(f"unknown part {key!r}; use independent, spans, basis, dimension",
                                 name="answer")
            ok = ok and good
            notes.append(f"{k} {'right' if good else 'wrong'}")
        fb = (("Correct: " if ok else "Not correct: ") + "; ".join(notes)
              + f" (rank {res['dimension']}).")
        return Verdict(ok, "property", fb, expected=res, got=got)
    if isinstance(got, bool):
        ok = got == res["independent"]
        return Verdict(ok, "structural", ("Correct" if ok else "Not correct") +
                       f": the vectors are {'in' if res['independent'] else ''}dependent.",
                       expected=res["independent"], got=got)
    if hasattr(got, "is_Integer") and getattr(got, "is_Integer", False):
        return compare(res["dimension"], got)
    vs = vectors_of(got, n)
    if vs is None:
        return Verdict(False, "structural", f"Not correct: give a basis as a list of vectors "
                       f"with {n} entries, or a dict of independent, spans, basis, dimension.",
                       expected=res, got=got)
    return _check_basis_list(d, vs, M)

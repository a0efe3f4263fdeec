"""Linear-algebra answer checks: numbers, matrices, vectors, echelon forms, spans.

Each ``check_*`` takes ``(derivation, answer, parsed inputs, **tolerances)`` and returns a
:class:`~symbolic_mlmath.core.verdict.Verdict`. Answers unique only up to something are
judged by the property: echelon forms by row-equivalence, bases up to span. Decimals follow
the one decimal rule (``core.decimals``): each is the exact value correctly rounded to the
places written, or within an explicit tolerance.

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
    "is_echelon",
    "matrix_verdict",
    "places_of",
    "same_number",
    "txt",
    "vectors_of",
    "yes_no",
]



# ------------------------------------------------------------------ reading answers
def answer_value(answer: Any) -> Any:
    """The learner's answer read through the text door (parse_answer)."""
    from symbolic_mlmath.text.parse import parse_answer

    return parse_answer(answer, name="answer")


def txt(x: Any) -> str:
    """An object as plain text, as the renderers write it."""
    from symbolic_mlmath.render.formats import text_of

    return text_of(x)


def places_of(raw: Any) -> list[int | None] | None:
    """Decimal places the learner wrote, one per number in reading order (or None)."""
    from symbolic_mlmath.text.precision import written_places

    return written_places(raw)


def same_number(e: Any, g: Any, places: int | None = None, **tol: Any) -> bool:
    """Whether ``g`` is ``e`` by the one rule: exactly, its written decimals, or a tolerance."""
    if not hasattr(g, "free_symbols") or not hasattr(e, "free_symbols"):
        return False
    return compare_scalar(e, g, places=places, **tol)[0] is True


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
def matrix_verdict(expected: Any, got: Any, raw: Any, **tol: Any) -> Verdict:
    """Compare a matrix (or vector) answer entry by entry by the one rule: exactly, each
    decimal as the exact entry correctly rounded to the places written, or to a tolerance."""
    got = as_vector(got, expected.rows) if expected.cols == 1 else got
    return compare(expected, got, places=places_of(raw), **tol)


def check_matrix(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check a matrix or vector answer ("not invertible" for an inverse is named wrong)."""
    from symbolic_mlmath.linalg.answer_forms import says_not_invertible

    if d.task == "inverse" and says_not_invertible(answer):
        from symbolic_mlmath.core.exact import exact_det

        return Verdict(False, "property", f"Not correct: det A = {txt(exact_det(parsed['matrix']))}"
                       f" ≠ 0, so A is invertible: A^-1 = {txt(d.result)}.",
                       expected=d.result, got=answer)
    return matrix_verdict(d.result, answer_value(answer), answer, **tol)


def unlabel(answer: Any) -> Any:
    """``det(A) = 49``, ``|A| = 49``, ``rank = 2`` ... -> the value after the label."""
    from symbolic_mlmath.text.notation import SCALAR_LABELS, strip_label

    return strip_label(answer, SCALAR_LABELS) if isinstance(answer, str) else answer


def check_scalar(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check a number or expression answer (a label such as ``det(A) =`` may lead)."""
    from symbolic_mlmath.linalg.answer_forms import says_not_invertible

    if d.task == "det_inverse" and says_not_invertible(answer):
        return Verdict(False, "property", f"Not correct: det A ≠ 0, so A is invertible and "
                       f"det(A^-1) = {txt(d.result)}.", expected=d.result, got=answer)
    answer = unlabel(answer)
    return compare(d.result, answer_value(answer), text=answer, **tol)


def check_angle(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check an angle in radians, or in degrees when the unit is written (``135°``); a bare
    number that is the angle in degrees is named as such."""
    from sympy import pi

    from symbolic_mlmath.text.notation import degrees

    answer = unlabel(answer)
    in_degrees = degrees(answer) if isinstance(answer, str) else None
    if in_degrees is not None:
        got = answer_value(in_degrees)
        v = compare(d.result * 180 / pi, got, text=in_degrees, **tol)
        shown = f"{in_degrees}° = {txt(got * pi / 180)} rad" if hasattr(got, "free_symbols") \
            else in_degrees
        if v.correct is True:
            return Verdict(True, v.method, f"Correct: {shown}; in radians {txt(d.result)}."
                           + (f" {v.feedback.split('. ', 1)[-1]}" if v.method == "decimal"
                              else ""), expected=d.result, got=got)
        return Verdict(v.correct, v.method, f"Not correct: the angle is {txt(d.result)} rad = "
                       f"{txt(d.result * 180 / pi)}°, not {in_degrees}°.",
                       expected=d.result, got=got)
    got = answer_value(answer)
    v = compare(d.result, got, text=answer, **tol)
    if v.correct is False and hasattr(got, "free_symbols") and not got.free_symbols:
        deg = d.result * 180 / pi
        if compare_scalar(deg, got, text=answer, **tol)[0] is True:
            return Verdict(False, "property", f"Not correct: {txt(got)} is the angle in degrees; "
                           f"give it in radians: {txt(d.result)}.", expected=d.result, got=got)
    return v


def check_projection(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check a projection of u onto v (the projection of v onto u is named)."""

    v = matrix_verdict(d.result, answer_value(answer), answer, **tol)
    if v.correct is False:
        from symbolic_mlmath.linalg.vectors import derive_projection

        other = derive_projection(parsed["v"], parsed["u"]).result
        if matrix_verdict(other, answer_value(answer), answer, **tol).correct:
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


_DET_CLAIM = re.compile(r"^\s*(?:det\s*(?:\(\s*A\s*\)|A)?|\|\s*A\s*\|)\s*(=|!=|≠|<>)\s*(.+)$",
                        re.IGNORECASE)


def _check_singular_cases(d: Any, answer: Any) -> Verdict:
    """A matrix with a parameter: singular exactly for the listed values."""
    from sympy import Eq, cancel, fraction

    res = d.result
    det, conds = res["det"], res["singular_when"]
    params = sorted(det.free_symbols, key=str)
    where = " or ".join(f"{txt(c.lhs)} = {txt(c.rhs)}" for c in conds) or (
        f"no real value of {params[0]}")
    why = f"det = {txt(det)}, so the matrix is singular exactly when {where}"
    got = None
    if isinstance(answer, str) and len(params) == 1:
        from symbolic_mlmath.linalg.cases import parameter_values

        got = parameter_values(answer, params[0])
        if got is not None:
            want = {c.rhs for c in conds}
            ok = set(got) == want
            return Verdict(ok, "property", ("Correct: " if ok else "Not correct: ") + why + ".",
                           expected=res, got=got)
    if isinstance(answer, str) and len(params) > 1 and "=" in answer:
        claims = _zero_claims(answer, params)
        if claims is not None and len(claims) > 1:  # "a = b or a = -b"
            ok = _factor_set(det, params) == set().union(*(_factor_set(c, params)
                                                           for c in claims))
            return Verdict(ok, "property", ("Correct: " if ok else "Not correct: ") + why + ".",
                           expected=res, got=claims)
        claim = answer_value(answer.split("when")[-1].split("if")[-1])
        claim = claim if isinstance(claim, Eq) else (
            Eq(*next(iter(claim.items()))) if isinstance(claim, dict) and len(claim) == 1
            else None)
        if claim is not None:
            zero = fraction(cancel(claim.lhs - claim.rhs))[0]  # a = 1/b: a b - 1 = 0
            ratio = cancel(det / zero) if zero != 0 else None
            ok = ratio is not None and not ratio.free_symbols and ratio != 0
            return Verdict(ok, "property", ("Correct: " if ok else "Not correct: ") + why + ".",
                           expected=res, got=claim)
    return Verdict(False, "property", f"Not correct: it depends on the parameters: {why}; give "
                   "the values (e.g. k = ±2).", expected=res, got=answer)


def _zero_claims(answer: str, params: list) -> list | None:
    """``a = b or a = -b`` (also ``,`` ``;`` ``and``-free lists) -> ``[a - b, a + b]``."""
    from sympy import Eq, cancel, fraction

    from symbolic_mlmath.core.errors import InputError
    from symbolic_mlmath.text.notation import split_top

    text = re.sub(r"^.*\b(?:when|if|where)\b", "", answer, flags=re.IGNORECASE)
    out = []
    for item in split_top(re.sub(r"\s+or\s+", ";", text), ",;"):
        if not item.strip():
            continue
        try:
            value = answer_value(item)
        except InputError:
            return None
        if isinstance(value, dict) and len(value) == 1:
            value = Eq(*next(iter(value.items())))
        if not isinstance(value, Eq) or not (value.lhs - value.rhs).free_symbols & set(params):
            return None
        out.append(fraction(cancel(value.lhs - value.rhs))[0])
    return out


def _factor_set(expr: Any, params: list) -> set:
    """The irreducible factors of a polynomial in ``params``, each made monic."""
    from sympy import Poly, factor_list

    return {Poly(f, *params, domain="QQ").monic().as_expr()
            for f, _k in factor_list(expr)[1] if f.free_symbols & set(params)}


def check_singular(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check a singular / non-singular answer against det (with a parameter: the values
    where det = 0, e.g. ``k = ±2``)."""
    if isinstance(d.result, dict):
        return _check_singular_cases(d, answer)

    if isinstance(answer, str) and _DET_CLAIM.match(answer):
        claim = _DET_CLAIM.match(answer)
        value = answer_value(claim.group(2))
        answer = "yes" if (claim.group(1) == "=") == (value == 0) else "no"
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
    """Check a (reduced) row echelon form: rref entry by entry (exact, or decimals correctly
    rounded to the places written, or within a tolerance), ref exactly by row-equivalence."""
    from symbolic_mlmath.core.exact import to_dm
    from symbolic_mlmath.text.parse import parse_matrix

    A = parsed["matrix"]
    got = parse_matrix(answer, name="answer")
    if got.shape != A.shape:
        return Verdict(False, "structural", f"Not correct: the answer is {got.rows}x{got.cols}, "
                       f"but the matrix is {A.rows}x{A.cols}.", expected=d.result, got=got)
    reduced = d.task == "rref"
    ok, why = is_echelon(got, reduced=reduced)
    if reduced:  # the rref is unique: entry by entry, decimals by the one rounding rule
        v = compare(d.result, got, places=places_of(answer), **tol)
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

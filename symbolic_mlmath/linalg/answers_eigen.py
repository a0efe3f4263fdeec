"""Answer checks for eigenvalues, eigenvectors, diagonalisation, PCA and Markov chains.

Answers unique only up to something are judged by the property: eigenvectors up to a
non-zero scale (any basis of each eigenspace), eigenvalues as a multiset, the
characteristic polynomial up to the sign convention det(λI - A), P and D by A P = P D,
principal components up to sign.

Examples
========
>>> from symbolic_mlmath.api import check
>>> check("eigenvectors", answer="[[1, 1], [-2, 2]]", matrix="[[2, 1], [1, 2]]").correct
True
>>> check("charpoly", answer="l^3", matrix="[[0,1,0],[0,0,1],[0,0,0]]").method
'property'
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from symbolic_mlmath.core.answers import compare, decimal_note, normalize_choice
from symbolic_mlmath.core.answers import match_multiset as _match
from symbolic_mlmath.core.verdict import Verdict
from symbolic_mlmath.linalg.answers import (
    answer_value,
    as_vector,
    matrix_verdict,
    places_of,
    same_number,
    txt,
    vectors_of,
)
from symbolic_mlmath.linalg.scaled_decimals import rounds_from_space

__all__ = [
    "check_charpoly",
    "check_diagonalize",
    "check_eigenvalues",
    "check_eigenvectors",
    "check_steady",
    "match_multiset",
    "values_of",
    "vectors_with_places",
]

def check_charpoly(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check a characteristic polynomial (either sign convention is explained)."""
    from sympy import expand

    from symbolic_mlmath.linalg.answers import unlabel

    p, lam = d.result, d.variables[0]
    answer = unlabel(answer)
    got = answer_value(answer)
    if isinstance(got, dict) and len(got) == 1:  # "p(l) = ..." with a letter of its own
        got = next(iter(got.values()))
    if hasattr(got, "lhs") and hasattr(got, "rhs"):  # "λ^2 - 4λ + 4 = 0"
        got = got.lhs - got.rhs
    if not hasattr(got, "free_symbols"):
        return compare(p, got)
    note = ""
    others = got.free_symbols - {lam}
    if len(others) == 1 and lam not in got.free_symbols:
        x = next(iter(others))
        got = got.xreplace({x: lam})
        note = f" (reading {x} as {lam})"
    v = compare(p, got)
    if v.correct is True:
        return Verdict(True, v.method, v.feedback + note, expected=p, got=got)
    n = parsed["matrix"].rows
    if compare(expand(-p), got).correct is True:
        if n % 2 == 1:
            return Verdict(True, "property", "Correct in the other convention: you gave "
                           "det(λI - A), which is -det(A - λI) for an odd size; this course "
                           f"uses det(A - λI) = {txt(p)}. Both have the same roots." + note,
                           expected=p, got=got)
        return Verdict(False, "property", f"Not correct: that is -p(λ); for a {n}x{n} matrix "
                       f"det(A - λI) and det(λI - A) are both {txt(p)}." + note,
                       expected=p, got=got)
    return Verdict(False, v.method, v.feedback + note, expected=p, got=got, details=v.details)


def values_of(got: Any) -> tuple[list, bool]:
    """A learner's list of values, and whether it was written as a set."""
    from sympy import FiniteSet, MatrixBase

    if isinstance(got, FiniteSet):
        return list(got), True
    if isinstance(got, MatrixBase):
        return list(got), False
    if isinstance(got, list | tuple):
        return list(got), False
    return [got], False


def match_multiset(expected: list, got: list, places: Any = None, **tol: Any
                   ) -> tuple[list, list]:
    """Match values one to one by the one rule: (expected ones missing, given ones left over)."""
    missing, extra, _ = _match(expected, got, places=places, **tol)
    return missing, extra


_MULTIPLICITY = re.compile(r"^(.*?)\s*\(\s*(?:(?:algebraic\s+)?multiplicity|mult\.?|m)\s*"
                          r"(?:=|:)?\s*(\d{1,2})\s*\)\s*$|^(.*?)\s*\(\s*(twice|double|"
                          r"repeated|thrice|triple)\s*\)\s*$", re.IGNORECASE)
_WITH_MULTIPLICITY = re.compile(r"^(.*?)\s+with\s+(?:algebraic\s+)?multiplicity\s+(\d{1,2})\s*$",
                                re.IGNORECASE)
_TIMES = {"twice": 2, "double": 2, "repeated": 2, "thrice": 3, "triple": 3}
_NO_REAL = {"true": {"no real eigenvalues", "no real eigenvalue", "there are no real eigenvalues",
                     "it has no real eigenvalues", "none are real", "no real roots",
                     "no real solutions"}}


def eigenvalue_text(answer: Any) -> Any:
    """``λ₁ = 1, λ₂ = 3``, ``λ = 1, 3``, ``1 and 3``, ``2 (multiplicity 2)`` -> ``1, 3`` ..."""
    from symbolic_mlmath.text.notation import EIGEN_LABEL, and_to_commas, split_top, strip_label

    if not isinstance(answer, str) or "\\" in answer:
        return answer
    out: list[str] = []
    for item in split_top(and_to_commas(answer), ",;"):
        item = strip_label(item, EIGEN_LABEL)
        item = _WITH_MULTIPLICITY.sub(r"\1 (multiplicity \2)", item)  # "2 with multiplicity 2"
        m = _MULTIPLICITY.match(item)
        if m:
            value = m.group(1) if m.group(1) is not None else m.group(3)
            k = int(m.group(2)) if m.group(2) else _TIMES[m.group(4).lower()]
            out += [value] * max(1, min(k, 50))
        else:
            out.append(item)
    return ", ".join(out)


def imaginary_unit(got: list, expected: list) -> tuple[list, str]:
    """Read ``i`` (or ``j``) as the imaginary unit when the expected values are numbers."""
    from sympy import I, Symbol

    letters = {Symbol("i"), Symbol("j")}
    free = set().union(*(getattr(g, "free_symbols", set()) for g in got))
    if not free or not free <= letters or any(getattr(e, "free_symbols", None)
                                              for e in expected):
        return got, ""
    used = ", ".join(sorted(str(x) for x in free))
    return [g.xreplace(dict.fromkeys(letters, I)) for g in got], \
        f" (reading {used} as the imaginary unit I)"


def check_eigenvalues(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check eigenvalues as a multiset: exactly, each decimal correctly rounded to the places
    written, or within a tolerance. Labels (λ₁ =), ``and``, ``±``, ``(multiplicity 2)`` and
    ``i``/``j`` for the imaginary unit are read; "no real eigenvalues" is judged."""
    exp = list(d.result)
    if normalize_choice(answer, _NO_REAL) == "true":
        ok = all(e.is_extended_real is False for e in exp)
        shown = ", ".join(txt(e) for e in exp)
        return Verdict(ok, "property", (f"Correct: no eigenvalue is real ({shown})." if ok else
                       f"Not correct: the eigenvalues are {shown}."), expected=exp, got=answer)
    answer = eigenvalue_text(answer)
    got, was_set = values_of(answer_value(answer))
    got, unit_note = imaginary_unit(got, exp)
    places = places_of(answer)
    missing, extra, methods = _match(exp, got, places=places, **tol)
    if not missing and not extra:
        method = next((m for m in ("decimal", "tolerance", "numeric") if m in methods), "exact")
        note = decimal_note(methods, places)
        fb = "Correct" + (f" ({note})" if note else "") + ": " + ", ".join(
            txt(e) for e in exp) + "." + unit_note
        return Verdict(True, method, fb, expected=exp, got=got)
    if (was_set or {str(m) for m in missing} <= {str(g) for g in got}) and not extra \
            and set(missing) <= set(exp):  # "2" for the double eigenvalue 2
        repeated = sorted({txt(m) for m in missing})
        return Verdict(False, "property", "Not correct: list the eigenvalues with multiplicity: "
                       + ", ".join(txt(e) for e in exp) + f" ({', '.join(repeated)} repeated; "
                       "or write e.g. 2 (multiplicity 2)).", expected=exp, got=got)
    bits = ([f"missing {', '.join(txt(m) for m in missing)}"] if missing else []) + (
        [f"not eigenvalues: {', '.join(txt(x) for x in extra)}"] if extra else [])
    return Verdict(False, "exact", "Not correct: " + "; ".join(bits) + ".", expected=exp, got=got)


def _eigen_of(A: Any, v: Any, values: list) -> Any:
    """The eigenvalue (among ``values``) that the exact vector ``v`` belongs to, or None."""
    for lam in values:
        if all(same_number(x, lam * y) or same_number(x - lam * y, 0 * x)
               for x, y in zip(A * v, v, strict=True)):
            return lam
    return None


def vectors_with_places(got: Any, n: int, places: Any) -> list[tuple[Any, list]] | None:
    """The learner's vectors (as ``vectors_of``) each with the places of its entries."""
    from sympy import MatrixBase

    vs = vectors_of(got, n)
    if vs is None:
        return None
    if places is None or len(places) != sum(len(v) for v in vs):
        return [(v, [None] * n) for v in vs]
    if isinstance(got, MatrixBase) and got.rows == n and got.cols != n and got.cols > 1:
        k = got.cols  # vectors are the columns of what was written row by row
        return [(v, [places[i * k + j] for i in range(n)]) for j, v in enumerate(vs)]
    return [(v, places[j * n:(j + 1) * n]) for j, v in enumerate(vs)]


def check_eigenvectors(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check eigenvectors: each satisfies A v = λ v (decimals: some exact eigenvector rounds
    to it), and together they give a basis of each eigenspace. A decimal vector that rounds
    from two eigenspaces may be read as either (all readings are tried)."""
    from sympy import ImmutableMatrix

    from symbolic_mlmath.core.exact import exact_rank



    A = parsed["matrix"]
    n = A.rows
    got = answer if isinstance(answer, dict) else answer_value(answer)
    raws = list(answer.values()) if isinstance(answer, dict) else [answer]
    items = list(got.values()) if isinstance(got, dict) else [got]
    vs: list = []
    for raw, item in zip(raws, items, strict=True):
        part = vectors_with_places(answer_value(item) if isinstance(item, str) else item, n,
                                    places_of(raw))
        if part is None:
            return Verdict(False, "structural", f"Not correct: give eigenvectors as vectors with "
                           f"{n} entries, e.g. [[1, 1], [1, -1]].", expected=d.result, got=got)
        vs += part
    tolerance = tol.get("abs_tol") is not None or tol.get("rel_tol") is not None
    values = [e["eigenvalue"] for e in d.result]
    exact: list = []  # the eigenvalue each vector belongs to exactly (or None)
    options: list[list] = []  # the eigenvalues each vector may belong to
    for v, pl in vs:
        if all(x == 0 for x in v):
            return Verdict(False, "property", "Not correct: the zero vector is never an "
                           "eigenvector.", expected=d.result, got=got)
        lam = _eigen_of(A, v, values)
        mine = [lam] if lam is not None else []
        if tolerance or any(p is not None for p in pl):  # a decimal may round from others too
            mine += [e["eigenvalue"] for e in d.result if e["eigenvalue"] != lam
                     and rounds_from_space(v, pl, e["vectors"], **tol)]
        if not mine:
            return Verdict(False, "property", f"Not correct: {txt(v.T)} is not an eigenvector "
                           f"(A v = {txt((A * v).T)} is not a multiple of v"
                           + (", nor is it an eigenvector rounded to the places written"
                              if any(p is not None for p in pl) else "") + ").",
                           expected=d.result, got=got)
        exact.append(lam)
        options.append(mine)
    first = None  # what is wrong with the first reading, if no reading gives every basis
    for choice in itertools.islice(itertools.product(*options), 4096):
        wrong = _not_a_basis(d.result, [v for v, _ in vs], choice)
        if wrong is None:
            decimal = any(c != x for c, x in zip(choice, exact, strict=True))
            if decimal and exact_rank(ImmutableMatrix.hstack(*(v for v, _ in vs))) < len(vs):
                return Verdict(False, "property", "Not correct: the vectors are not linearly "
                               "independent, but eigenvectors of different eigenvalues always "
                               "are (give more decimal places).", expected=d.result, got=got)
            how = (" to the decimal places written (each entry is an exact eigenvector's "
                   "entry rounded)" if decimal and not tolerance
                   else " within the tolerance" if decimal else "")
            return Verdict(True, "decimal" if decimal and not tolerance else "property",
                           f"Correct{how}: every vector satisfies A v = λ v and they give a "
                           "basis of each eigenspace (eigenvectors are unique only up to "
                           "scale).", expected=d.result, got=got)
        first = first or wrong
    return Verdict(False, "property", f"Not correct: {first}", expected=d.result, got=got)


def _not_a_basis(spaces: list, vectors: list, eigenvalues: tuple) -> str | None:
    """What is wrong when ``vectors[i]`` is read as an eigenvector of ``eigenvalues[i]``
    (None: they give a basis of every eigenspace)."""
    from sympy import ImmutableMatrix

    from symbolic_mlmath.core.exact import exact_rank

    for e in spaces:
        mine = [v for v, lam in zip(vectors, eigenvalues, strict=True) if lam == e["eigenvalue"]]
        need = len(e["vectors"])
        have = exact_rank(ImmutableMatrix.hstack(*mine)) if mine else 0
        if have < need:
            return (f"the eigenspace of λ = {txt(e['eigenvalue'])} has dimension {need}; you "
                    f"gave {have} independent eigenvector(s) for it.")
        if len(mine) > need:
            return (f"{len(mine)} vectors for λ = {txt(e['eigenvalue'])}, but its eigenspace "
                    f"has dimension {need}; give a basis.")
    return None


_NOT_DIAG = {"true": {"not diagonalizable", "not diagonalisable", "no", "defective", "none",
                      "false", "it is not diagonalizable", "not possible",
                      "non diagonalizable", "non diagonalisable", "cannot be diagonalized",
                      "cannot be diagonalised", "can not be diagonalized",
                      "it cannot be diagonalized", "it is defective"}}


def _places_in(raw: Any, count: int) -> list:
    """The places written for ``count`` numbers of ``raw`` (None for each when unknown)."""
    pl = places_of(raw) if raw is not None else None
    return pl if pl is not None and len(pl) == count else [None] * count


def check_diagonalize(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check P and D (A P = P D, P invertible) or that A is not diagonalisable. Decimals follow
    the one rule: D's entries are the eigenvalues rounded, each column of P an eigenvector for
    its D entry rounded (some scale of it, strictly inside the rounding intervals)."""
    from sympy import MatrixBase

    from symbolic_mlmath.core.exact import exact_rank

    A, res = parsed["matrix"], d.result
    n = A.rows
    defective = res.get("diagonalizable") is False
    if isinstance(answer, str) and normalize_choice(answer, _NOT_DIAG) == "true":
        if defective:
            return Verdict(True, "property", f"Correct: λ = {txt(res['eigenvalue'])} has "
                           f"multiplicity {res['algebraic_multiplicity']} but only "
                           f"{res['geometric_multiplicity']} independent eigenvector(s).",
                           expected=res, got=answer)
        return Verdict(False, "property", "Not correct: it is diagonalisable, e.g. with "
                       f"P = {txt(res['P'])}, D = {txt(res['D'])}.", expected=res, got=answer)
    if isinstance(answer, str):
        from symbolic_mlmath.text.notation import assignments

        parts = assignments(answer)
        if parts and set(parts) <= {"P", "D", "p", "d"}:
            answer = parts
    got = answer if isinstance(answer, dict) else answer_value(answer)
    if isinstance(got, dict):
        raws = {str(k).upper(): v for k, v in got.items()}
        got = {k: (answer_value(v) if isinstance(v, str) else v) for k, v in raws.items()}
        P, D = got.get("P"), got.get("D")
        p_places, d_places = (_places_in(raws.get(k), n * n) for k in ("P", "D"))
    elif isinstance(got, list | tuple) and len(got) == 2:
        P, D = got
        both = _places_in(answer, 2 * n * n)
        p_places, d_places = both[:n * n], both[n * n:]
    else:
        P, D = None, got
        p_places, d_places = [None] * (n * n), _places_in(answer, n * n)
    if defective:
        return Verdict(False, "property", f"Not correct: A is not diagonalisable: "
                       f"λ = {txt(res['eigenvalue'])} has multiplicity "
                       f"{res['algebraic_multiplicity']} but only "
                       f"{res['geometric_multiplicity']} independent eigenvector(s).",
                       expected=res, got=got)
    if not isinstance(D, MatrixBase) or D.shape != A.shape or not D.is_diagonal():
        return Verdict(False, "structural", f"Not correct: D must be a diagonal "
                       f"{A.rows}x{A.cols} matrix (give P and D).", expected=res, got=got)
    diag_places = [d_places[i * n + i] for i in range(n)]
    missing, extra = match_multiset(list(res["D"].diagonal()), list(D.diagonal()),
                                    diag_places, **tol)
    if missing or extra:
        return Verdict(False, "property", "Not correct: the diagonal of D must hold the "
                       "eigenvalues " + ", ".join(txt(x) for x in res["D"].diagonal()) + ".",
                       expected=res, got=got)
    if P is None:
        return Verdict(True, "property", "Correct D (P not given, so not checked).",
                       expected=res, got=got)
    if not isinstance(P, MatrixBase) or P.shape != A.shape or exact_rank(P) < A.rows:
        return Verdict(False, "property", "Not correct: P must be an invertible matrix of "
                       "eigenvectors.", expected=res, got=got)
    tolerance = tol.get("abs_tol") is not None or tol.get("rel_tol") is not None
    rounded = tolerance or any(p is not None for p in p_places + diag_places)
    bad = _bad_column(A, P, D, res, p_places, diag_places, **tol)
    if bad is not None:
        return Verdict(False, "property", f"Not correct: column {bad + 1} of P is not an "
                       f"eigenvector for D's entry {txt(D[bad, bad])} (A P ≠ P D"
                       + (", nor does it round from one to the places written"
                          if rounded and not tolerance else "") + ").", expected=res, got=got)
    if rounded:
        how = "within the tolerance" if tolerance else "to the decimal places written"
        return Verdict(True, "tolerance" if tolerance else "decimal",
                       f"Correct {how}: D holds the eigenvalues, each column of P is an "
                       "eigenvector for its D entry, and P is invertible (P and D are not "
                       "unique).", expected=res, got=got)
    return Verdict(True, "property", "Correct: P is invertible and A P = P D, so A = P D P^-1 "
                   "(P and D are not unique).", expected=res, got=got)


def _bad_column(A: Any, P: Any, D: Any, res: dict, p_places: list, diag_places: list,
                **tol: Any) -> int | None:
    """The first column j of P that is not an eigenvector for D[j, j] by the one rule."""
    from symbolic_mlmath.core.exact import is_zero

    n = A.rows
    values = list(dict.fromkeys(res["D"].diagonal()))
    for j in range(n):
        col, d = P.col(j), D[j, j]
        places = [p_places[i * n + j] for i in range(n)]
        if all(is_zero(x) is True for x in A * col - d * col):
            continue
        basis = {lam: [res["P"].col(c) for c in range(n) if res["D"][c, c] == lam]
                 for lam in values if same_number(lam, d, diag_places[j], **tol)}
        if not any(_eigen_of(A, col, [lam]) is not None
                   or rounds_from_space(col, places, b, **tol) for lam, b in basis.items()):
            return j
    return None


def check_steady(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check a steady state of a Markov matrix (an unnormalised one is named)."""

    P = parsed["matrix"]
    got = answer_value(answer)
    v = matrix_verdict(d.result, got, answer, **tol)
    if v.correct is not False:
        return v
    g = as_vector(got, P.rows)
    if (hasattr(g, "shape") and g.shape == (P.rows, 1) and any(x != 0 for x in g)
            and compare(P * g, g).correct is True):
        return Verdict(False, "property", f"Not correct: P v = v holds, but the entries sum "
                       f"to {txt(sum(g))}; scale to sum 1: {txt(d.result.T)}.",
                       expected=d.result, got=g)
    return v

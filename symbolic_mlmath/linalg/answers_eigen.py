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

from typing import Any

from symbolic_mlmath.core.answers import compare, normalize_choice
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.verdict import Verdict
from symbolic_mlmath.linalg.answers import (
    answer_value,
    as_vector,
    decimal_tolerance,
    matrix_verdict,
    same_number,
    txt,
    vectors_of,
)

__all__ = [
    "check_charpoly",
    "check_diagonalize",
    "check_eigenvalues",
    "check_eigenvectors",
    "check_pca",
    "check_steady",
    "match_multiset",
    "values_of",
]

def check_charpoly(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check a characteristic polynomial (either sign convention is explained)."""
    from sympy import expand

    p, lam = d.result, d.variables[0]
    got = answer_value(answer)
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


def match_multiset(expected: list, got: list, tol: Any) -> tuple[list, list]:
    """Match values one to one: (expected ones missing, given ones left over)."""

    rest, missing = list(got), []
    for e in expected:
        k = next((i for i, g in enumerate(rest) if same_number(e, g, tol)), None)
        if k is None:
            missing.append(e)
        else:
            del rest[k]
    return missing, rest


def check_eigenvalues(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check eigenvalues as a multiset, exactly or to the decimals typed."""

    exp = list(d.result)
    got, was_set = values_of(answer_value(answer))
    t = decimal_tolerance(answer)
    missing, extra = match_multiset(exp, got, t)
    if not missing and not extra:
        fb = "Correct" + (" to the decimals given" if t else "") + ": " + ", ".join(
            txt(e) for e in exp) + "."
        return Verdict(True, "exact" if t is None else "decimal", fb, expected=exp, got=got)
    if was_set and not extra and set(missing) <= set(exp):
        return Verdict(False, "property", "Not correct: list the eigenvalues with multiplicity: "
                       + ", ".join(txt(e) for e in exp) + ".", expected=exp, got=got)
    bits = ([f"missing {', '.join(txt(m) for m in missing)}"] if missing else []) + (
        [f"not eigenvalues: {', '.join(txt(x) for x in extra)}"] if extra else [])
    return Verdict(False, "exact", "Not correct: " + "; ".join(bits) + ".", expected=exp, got=got)


def _eigen_of(A: Any, v: Any, values: list, tol: Any) -> Any:
    """The eigenvalue (among ``values``) that ``v`` belongs to, or None."""
    for lam in values:
        if all(same_number(x, lam * y, tol) or same_number(x - lam * y, 0 * x, tol)
               for x, y in zip(A * v, v, strict=True)):
            return lam
    return None


def check_eigenvectors(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check eigenvectors: each satisfies A v = λ v, and they span each eigenspace."""
    from sympy import ImmutableMatrix

    from symbolic_mlmath.core.exact import exact_rank

    A = parsed["matrix"]
    n = A.rows
    got = answer if isinstance(answer, dict) else answer_value(answer)
    t = decimal_tolerance(answer)
    items = list(got.values()) if isinstance(got, dict) else [got]
    vs: list = []
    for item in items:
        part = vectors_of(answer_value(item) if isinstance(item, str) else item, n)
        if part is None:
            return Verdict(False, "structural", f"Not correct: give eigenvectors as vectors with "
                           f"{n} entries, e.g. [[1, 1], [1, -1]].", expected=d.result, got=got)
        vs += part
    values = [e["eigenvalue"] for e in d.result]
    groups: dict = {}
    for v in vs:
        if all(x == 0 for x in v):
            return Verdict(False, "property", "Not correct: the zero vector is never an "
                           "eigenvector.", expected=d.result, got=got)
        lam = _eigen_of(A, v, values, t)
        if lam is None:
            return Verdict(False, "property", f"Not correct: {txt(v.T)} is not an eigenvector "
                           f"(A v = {txt((A * v).T)} is not a multiple of v).",
                           expected=d.result, got=got)
        groups.setdefault(lam, []).append(v)
    for e in d.result:
        mine = groups.get(e["eigenvalue"], [])
        need = len(e["vectors"])
        have = exact_rank(ImmutableMatrix.hstack(*mine)) if mine and t is None else len(mine)
        if have < need:
            return Verdict(False, "property", f"Not correct: the eigenspace of "
                           f"λ = {txt(e['eigenvalue'])} has dimension {need}; you gave {have} "
                           "independent eigenvector(s) for it.", expected=d.result, got=got)
        if len(mine) > need:
            return Verdict(False, "property", f"Not correct: {len(mine)} vectors for "
                           f"λ = {txt(e['eigenvalue'])}, but its eigenspace has dimension "
                           f"{need}; give a basis.", expected=d.result, got=got)
    return Verdict(True, "property", "Correct: every vector satisfies A v = λ v and they give a "
                   "basis of each eigenspace (eigenvectors are unique only up to scale).",
                   expected=d.result, got=got)


_NOT_DIAG = {"true": {"not diagonalizable", "not diagonalisable", "no", "defective", "none",
                      "false", "it is not diagonalizable", "not possible"}}


def check_diagonalize(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check P and D (A P = P D, P invertible) or that A is not diagonalisable."""
    from sympy import MatrixBase

    from symbolic_mlmath.core.exact import exact_rank

    A, res = parsed["matrix"], d.result
    defective = res.get("diagonalizable") is False
    if isinstance(answer, str) and normalize_choice(answer, _NOT_DIAG) == "true":
        if defective:
            return Verdict(True, "property", f"Correct: λ = {txt(res['eigenvalue'])} has "
                           f"multiplicity {res['algebraic_multiplicity']} but only "
                           f"{res['geometric_multiplicity']} independent eigenvector(s).",
                           expected=res, got=answer)
        return Verdict(False, "property", "Not correct: it is diagonalisable, e.g. with "
                       f"P = {txt(res['P'])}, D = {txt(res['D'])}.", expected=res, got=answer)
    got = answer if isinstance(answer, dict) else answer_value(answer)
    if isinstance(got, dict):
        got = {str(k).upper(): (answer_value(v) if isinstance(v, str) else v) for k, v in got.items()}
        P, D = got.get("P"), got.get("D")
    elif isinstance(got, list | tuple) and len(got) == 2:
        P, D = got
    else:
        P, D = None, got
    if defective:
        return Verdict(False, "property", f"Not correct: A is not diagonalisable: "
                       f"λ = {txt(res['eigenvalue'])} has multiplicity "
                       f"{res['algebraic_multiplicity']} but only "
                       f"{res['geometric_multiplicity']} independent eigenvector(s).",
                       expected=res, got=got)
    if not isinstance(D, MatrixBase) or D.shape != A.shape or not D.is_diagonal():
        return Verdict(False, "structural", f"Not correct: D must be a diagonal "
                       f"{A.rows}x{A.cols} matrix (give P and D).", expected=res, got=got)
    missing, extra = match_multiset(list(res["D"].diagonal()), list(D.diagonal()), decimal_tolerance(answer))
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
    R = (A * P - P * D).applyfunc(lambda x: x.expand())
    bad = [j + 1 for j in range(A.cols) if any(x != 0 for x in R.col(j))]
    if bad:
        return Verdict(False, "property", f"Not correct: column {bad[0]} of P is not an "
                       f"eigenvector for D's entry {txt(D[bad[0] - 1, bad[0] - 1])} "
                       "(A P ≠ P D).", expected=res, got=got)
    return Verdict(True, "property", "Correct: P is invertible and A P = P D, so A = P D P^-1 "
                   "(P and D are not unique).", expected=res, got=got)


def check_pca(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check parts of a PCA (covariance, eigenvalues, components up to sign, ...)."""
    from sympy import MatrixBase

    res = d.result
    got = answer if isinstance(answer, dict) else answer_value(answer)
    t = decimal_tolerance(answer) if isinstance(answer, str) else None
    n = res["covariance"].rows
    if not isinstance(got, dict):
        if isinstance(got, MatrixBase) and got.shape == (n, n):
            got = {"covariance": got}
        elif isinstance(got, MatrixBase) and got.shape == (n, 1):
            got = {"components": [got]}
        else:
            got = {"eigenvalues": got}
    notes, ok = [], True
    for key, val in got.items():
        k = str(key).lower()
        raw = val
        val = answer_value(val) if isinstance(val, str) else val
        tk = decimal_tolerance(raw) or t
        if k == "covariance":
            good = matrix_verdict(res[k], val, raw).correct is True
        elif k in ("eigenvalues", "explained_variance"):
            vals, _ = values_of(val)
            m, e = match_multiset(res[k][:len(vals)], vals, tk)
            good = not m and not e and len(vals) == len(res[k])
        elif k == "components":
            vs = vectors_of(val, n) or []
            good = len(vs) == len(res[k]) and all(
                all(same_number(a, b, tk) for a, b in zip(w, v, strict=True))
                or all(same_number(a, -b, tk) for a, b in zip(w, v, strict=True))
                for w, v in zip(vs, res[k], strict=True))
        elif k == "projected":
            P = res[k]
            good = isinstance(val, MatrixBase) and val.shape == P.shape and all(
                any(all(same_number(a, s * b, tk) for a, b in zip(val.col(j), P.col(j), strict=True))
                    for s in (1, -1))
                for j in range(P.cols))
        else:
            raise InputError(f"unknown part {key!r}; use covariance, eigenvalues, components, "
                             "explained_variance, projected", name="answer")
        ok = ok and good
        notes.append(f"{k} {'right' if good else 'wrong'}")
    tail = " (components are unique only up to sign)" if "components" in got else ""
    return Verdict(ok, "property", ("Correct: " if ok else "Not correct: ") + "; ".join(notes)
                   + tail + ".", expected=res, got=got)


def check_steady(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check a steady state of a Markov matrix (an unnormalised one is named)."""

    P = parsed["matrix"]
    got = answer_value(answer)
    v = matrix_verdict(d.result, got, answer)
    if v.correct is not False:
        return v
    g = as_vector(got, P.rows)
    if (hasattr(g, "shape") and g.shape == (P.rows, 1) and any(x != 0 for x in g)
            and compare(P * g, g).correct is True):
        return Verdict(False, "property", f"Not correct: P v = v holds, but the entries sum "
                       f"to {txt(sum(g))}; scale to sum 1: {txt(d.result.T)}.",
                       expected=d.result, got=g)
    return v

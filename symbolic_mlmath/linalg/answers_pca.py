"""Answer checks for principal component analysis: each part told apart by name or form.

Examples
========
>>> from symbolic_mlmath.api import check
>>> check("pca", answer="8/3, 2/3", data="[[2,0],[0,2],[3,1],[1,3]]").correct
True
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.answers import compare
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.verdict import Verdict
from symbolic_mlmath.linalg.answers import (
    answer_value,
    matrix_verdict,
    places_of,
    same_number,
    txt,
)
from symbolic_mlmath.linalg.answers_eigen import match_multiset, values_of, vectors_with_places

__all__ = ["PCA_PARTS", "check_pca"]


PCA_PARTS = {
    "covariance": ("covariance", "cov", "covariance matrix", "c", "s"),
    "eigenvalues": ("eigenvalues", "eigenvalue", "variances", "lambda", "lambdas", "values"),
    "components": ("components", "component", "pc", "pcs", "pc1", "first component",
                   "principal components", "principal component", "directions", "vectors",
                   "eigenvectors", "w"),
    "explained_variance": ("explained_variance", "explained variance", "explained",
                           "variance ratio", "ratios", "shares", "proportions"),
    "projected": ("projected", "projection", "scores", "z"),
}
_PART_OF = {w: k for k, ws in PCA_PARTS.items() for w in ws}


def _pca_part(key: Any) -> str:
    word = " ".join(str(key).strip().lower().replace("_", " ").replace("-", " ").split())
    part = _PART_OF.get(word) or _PART_OF.get(word.replace(" ", "_"))
    if part is None:
        raise InputError(f"unknown part {str(key)[:30]!r}; use covariance, eigenvalues, "
                         "components, explained_variance, projected", name="answer")
    return part


def _pca_judge(res: Any, part: str, val: Any, raw: Any, n: int, **tol: Any) -> bool:
    from sympy import MatrixBase

    places = places_of(raw)
    if part == "covariance":
        return isinstance(val, MatrixBase) and matrix_verdict(res[part], val, raw,
                                                              **tol).correct is True
    if part in ("eigenvalues", "explained_variance"):
        vals, _ = values_of(val)
        m, e = match_multiset(res[part], vals, places, **tol)
        return not m and not e
    if part == "components":
        return _components_right(res, vectors_with_places(val, n, places) or [], **tol)
    P = res[part]
    if not isinstance(val, MatrixBase) or val.shape != P.shape:
        return False
    each = places if places is not None and len(places) == len(val) else [None] * len(val)
    return all(any(compare(s * P.col(j), val.col(j), places=[each[i * P.cols + j]
                                                             for i in range(P.rows)],
                           **tol).correct is True for s in (1, -1)) for j in range(P.cols))


def _components_right(res: Any, pairs: list, **tol: Any) -> bool:
    """Whether the given vectors are the first principal components: orthonormal, the i-th in
    the eigenspace of the i-th variance (any such vector where a variance repeats, else the
    component up to sign), each entry exact or correctly rounded by the one decimal rule.

    Each is judged against the exact unit vector of its eigenspace nearest to it (the
    projection, made orthogonal to the ones before it in the same space, then normalised).
    """
    from sympy import ImmutableMatrix, sqrt

    from symbolic_mlmath.core.exact import is_zero

    comps, lams = res["components"], res["eigenvalues"]
    if not 0 < len(pairs) <= len(comps):
        return False
    chosen: dict = {}
    for (v, pl), lam in zip(pairs, lams, strict=False):
        B = ImmutableMatrix.hstack(*(c for c, mu in zip(comps, lams, strict=True) if mu == lam))
        w = B * (B.T * B).inv() * B.T * v
        for u in chosen.get(lam, []):
            w = w - (u.T * w)[0] * u
        norm2 = (w.T * w)[0]
        if is_zero(norm2) is not False:
            return False
        w = (w / sqrt(norm2)).applyfunc(lambda x: x.expand())
        chosen.setdefault(lam, []).append(w)
        if not all(same_number(w[i], v[i], pl[i], **tol) for i in range(len(v))):
            return False
    return True


def check_pca(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check parts of a PCA, told apart by name or by form.

    A dict names its parts (``{"eigenvalues": "8/3, 2/3", "components": "[1,1]/sqrt(2)"}``;
    ``mlmath tasks pca`` lists the names). Without names: an n x n matrix is the covariance;
    one vector in brackets (``[1, -1]/sqrt(2)``) is the first principal component (up to sign;
    several vectors are the first few); numbers without brackets (``8/3, 2/3``) are the
    eigenvalues (variances), or, if they are not, the explained-variance shares.
    """
    from sympy import MatrixBase

    res = d.result
    n = res["covariance"].rows
    if isinstance(answer, dict):
        items = [(_pca_part(k), v) for k, v in answer.items()]
    else:
        val = answer_value(answer)
        bracketed = isinstance(answer, str) and answer.strip()[:1] in "[("
        if isinstance(val, MatrixBase) and val.shape == (n, n):
            forms = ("covariance", "components", "projected")
        elif bracketed or (isinstance(val, list | tuple) and all(isinstance(x, MatrixBase)
                                                                 for x in val)):
            forms = ("components", "eigenvalues", "explained_variance", "projected")
        else:
            forms = ("eigenvalues", "explained_variance", "components")
        part = next((p for p in forms if _pca_judge(res, p, val, answer, n, **tol)), forms[0])
        items = [(part, answer)]
    notes, ok = [], True
    for part, raw in items:
        val = answer_value(raw) if isinstance(raw, str) else raw
        good = _pca_judge(res, part, val, raw, n, **tol)
        ok = ok and good
        name = part.replace("_", " ")
        notes.append(f"{name} right" if good else
                     f"{name} wrong (expected {_pca_expected(res, part)})")
    tail = " (components are unique only up to sign)" if any(
        p == "components" for p, _ in items) else ""
    return Verdict(ok, "property", ("Correct: " if ok else "Not correct: ") + "; ".join(notes)
                   + tail + ".", expected=res, got=answer)


def _pca_expected(res: Any, part: str) -> str:
    value = res[part]
    if part == "components":
        return "±" + ", ±".join(txt(v.T) for v in value)
    if isinstance(value, list | tuple):
        return ", ".join(txt(x) for x in value)
    return txt(value)

"""Course 1, weeks 3-4 tasks: vectors, products, maps, inverse, spaces, eigen, PCA, Markov.

Answers unique only up to something are judged by the property: eigenvectors up
to a non-zero scale (any basis of each eigenspace), bases up to span, eigenvalues
as a multiset, the characteristic polynomial up to the sign convention
det(λI - A), P and D by A P = P D, principal components up to sign. Decimal
answers are accepted to the precision typed.

Examples
========
>>> from symbolic_mlmath.api import check
>>> check("eigenvectors", answer="[[1, 1], [-2, 2]]", matrix="[[2, 1], [1, 2]]").correct
True
>>> check("charpoly", answer="l^3", matrix="[[0,1,0],[0,0,1],[0,0,0]]").method
'property'
"""

from __future__ import annotations

import re
from typing import Any

from symbolic_mlmath.core.answers import compare, compare_scalar, normalize_choice
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.tasks import Input, Task, TaskList
from symbolic_mlmath.core.verdict import Verdict

__all__ = ["TASKS"]

#: The tasks declared here, in listing order.
TASKS = TaskList()
register = TASKS.register

_M = Input("matrix", "matrix", "the matrix")
_U = Input("u", "vector", "the first vector")
_V = Input("v", "vector", "the second vector")
_DEC = re.compile(r"\d\.(\d+)")


def _answer(answer: Any) -> Any:
    from symbolic_mlmath.text.parse import parse_answer

    return parse_answer(answer, name="answer")


def _txt(x: Any) -> str:
    from symbolic_mlmath.render.formats import text_of

    return text_of(x)


def _tol(raw: Any) -> Any:
    """The tolerance a learner's decimals ask for (``"0.833"`` -> 1/1000), or None."""
    from sympy import Rational

    if not isinstance(raw, str):
        return None
    found = _DEC.findall(raw)
    return Rational(1, 10 ** min(len(d) for d in found)) if found else None


def _near(e: Any, g: Any, tol: Any) -> bool:
    from sympy import N

    try:
        return abs(complex(N(e - g, 30))) <= float(tol)
    except (TypeError, ValueError):
        return False


def _same(e: Any, g: Any, tol: Any = None) -> bool:
    from sympy import Float

    if not hasattr(g, "free_symbols"):
        return False
    if not e.has(Float) and not g.has(Float) and compare_scalar(e, g)[0] is True:
        return True
    if tol is not None or e.has(Float) or g.has(Float):
        return not (e - g).free_symbols and _near(e, g, tol if tol is not None else 10**-12)
    return False


def _as_vector(got: Any, n: int) -> Any:
    from sympy import ImmutableMatrix, MatrixBase

    if isinstance(got, list | tuple) and all(hasattr(x, "free_symbols") for x in got):
        got = ImmutableMatrix(list(got))
    if isinstance(got, MatrixBase) and got.rows == 1 and got.cols == n and n > 1:
        got = got.T
    return got


def _vectors(got: Any, n: int) -> list[Any] | None:
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
            v = _as_vector(g, n)
            if not isinstance(v, MatrixBase) or v.shape != (n, 1):
                return None
            out.append(ImmutableMatrix(v))
        return out
    return None


def _matrix_verdict(expected: Any, got: Any, raw: Any) -> Verdict:
    from sympy import MatrixBase

    got = _as_vector(got, expected.rows) if expected.cols == 1 else got
    v = compare(expected, got)
    tol = _tol(raw)
    if v.correct is True or tol is None or not isinstance(got, MatrixBase):
        return v
    if got.shape == expected.shape and all(_near(e, g, tol) for e, g in zip(expected, got,
                                                                           strict=True)):
        return Verdict(True, "decimal", f"Correct to the decimals given; the exact answer is "
                       f"{_txt(expected)}.", expected=expected, got=got)
    return v


def _check_matrix(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    return _matrix_verdict(d.result, _answer(answer), answer)


def _check_scalar(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    return compare(d.result, _answer(answer), text=answer, **tol)


def _check_angle(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from sympy import pi

    got = _answer(answer)
    v = compare(d.result, got, text=answer, **tol)
    if v.correct is False and hasattr(got, "free_symbols") and not got.free_symbols:
        deg = d.result * 180 / pi
        if _same(deg, got, _tol(answer) or 10**-9):
            return Verdict(False, "property", f"Not correct: {_txt(got)} is the angle in degrees; "
                           f"give it in radians: {_txt(d.result)}.", expected=d.result, got=got)
    return v


def _check_projection(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    v = _matrix_verdict(d.result, _answer(answer), answer)
    if v.correct is False:
        from symbolic_mlmath.linalg.vectors import derive_projection

        other = derive_projection(parsed["v"], parsed["u"]).result
        if compare(other, _as_vector(_answer(answer), other.rows)).correct:
            return Verdict(False, "property", "Not correct: that is the projection of v onto u; "
                           f"the projection of u onto v is {_txt(d.result)}.",
                           expected=d.result, got=_answer(answer))
    return v


_BOOL = {"true": {"true", "yes", "independent", "linearly independent", "y"},
         "false": {"false", "no", "dependent", "linearly dependent", "n"}}


def _bool(answer: Any, words: dict = _BOOL) -> bool:
    if isinstance(answer, bool):
        return answer
    w = normalize_choice(str(answer), words)
    if w is None:
        raise InputError(f"expected yes/no, got {str(answer)[:40]!r}", name="answer")
    return w == "true"


def _check_independent(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    got = _bool(answer)
    step = d.steps[-1].given
    why = f"rank {step['rank']} with {step['count']} vectors"
    ok = got == d.result
    word = "independent" if d.result else "dependent"
    return Verdict(ok, "structural", ("Correct: " if ok else "Not correct: ") +
                   f"{why}, so they are linearly {word}.", expected=d.result, got=got)


def _check_basis_list(d: Any, vs: list, M: Any) -> Verdict:
    from sympy import ImmutableMatrix

    from symbolic_mlmath.linalg.verifiers import exact_rank

    dim = int(d.result["dimension"])
    rank = exact_rank(M)
    for k, w in enumerate(vs, 1):
        if exact_rank(ImmutableMatrix.hstack(M, w)) != rank:
            return Verdict(False, "property", f"Not correct: vector {k} ({_txt(w.T)}) is not in "
                           "the span.", expected=d.result["basis"], got=vs)
    if len(vs) != dim:
        return Verdict(False, "property", f"Not correct: a basis of this span has {dim} "
                       f"vectors, not {len(vs)}.", expected=d.result["basis"], got=vs)
    if exact_rank(ImmutableMatrix.hstack(*vs)) != dim:
        return Verdict(False, "property", "Not correct: your vectors are dependent, so they are "
                       "not a basis.", expected=d.result["basis"], got=vs)
    return Verdict(True, "property", f"Correct: {dim} independent vectors in the span, so a "
                   "basis of it (bases are not unique).", expected=d.result["basis"], got=vs)


def _check_basis_span(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from sympy import ImmutableMatrix

    vs_in = parsed["vectors"]
    M = ImmutableMatrix.hstack(*vs_in)
    n = vs_in[0].rows
    got = answer if isinstance(answer, dict) else _answer(answer)
    res = d.result
    if isinstance(got, dict):
        notes, ok = [], True
        for key, val in got.items():
            k = str(key).lower()
            if k in ("independent", "spans"):
                good = _bool(val) == res[k]
            elif k == "dimension":
                good = compare(res[k], _answer(val)).correct is True
            elif k == "basis":
                vs = _vectors(_answer(val), n)
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
    vs = _vectors(got, n)
    if vs is None:
        return Verdict(False, "structural", f"Not correct: give a basis as a list of vectors "
                       f"with {n} entries, or a dict of independent, spans, basis, dimension.",
                       expected=res, got=got)
    return _check_basis_list(d, vs, M)


def _check_charpoly(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from sympy import expand

    p, lam = d.result, d.variables[0]
    got = _answer(answer)
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
                           f"uses det(A - λI) = {_txt(p)}. Both have the same roots." + note,
                           expected=p, got=got)
        return Verdict(False, "property", f"Not correct: that is -p(λ); for a {n}x{n} matrix "
                       f"det(A - λI) and det(λI - A) are both {_txt(p)}." + note,
                       expected=p, got=got)
    return Verdict(False, v.method, v.feedback + note, expected=p, got=got, details=v.details)


def _values(got: Any) -> tuple[list, bool]:
    from sympy import FiniteSet, MatrixBase

    if isinstance(got, FiniteSet):
        return list(got), True
    if isinstance(got, MatrixBase):
        return list(got), False
    if isinstance(got, list | tuple):
        return list(got), False
    return [got], False


def _multiset(expected: list, got: list, tol: Any) -> tuple[list, list]:
    rest, missing = list(got), []
    for e in expected:
        k = next((i for i, g in enumerate(rest) if _same(e, g, tol)), None)
        if k is None:
            missing.append(e)
        else:
            del rest[k]
    return missing, rest


def _check_eigenvalues(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    exp = list(d.result)
    got, was_set = _values(_answer(answer))
    t = _tol(answer)
    missing, extra = _multiset(exp, got, t)
    if not missing and not extra:
        fb = "Correct" + (" to the decimals given" if t else "") + ": " + ", ".join(
            _txt(e) for e in exp) + "."
        return Verdict(True, "exact" if t is None else "decimal", fb, expected=exp, got=got)
    if was_set and not extra and set(missing) <= set(exp):
        return Verdict(False, "property", "Not correct: list the eigenvalues with multiplicity: "
                       + ", ".join(_txt(e) for e in exp) + ".", expected=exp, got=got)
    bits = ([f"missing {', '.join(_txt(m) for m in missing)}"] if missing else []) + (
        [f"not eigenvalues: {', '.join(_txt(x) for x in extra)}"] if extra else [])
    return Verdict(False, "exact", "Not correct: " + "; ".join(bits) + ".", expected=exp, got=got)


def _eigen_of(A: Any, v: Any, values: list, tol: Any) -> Any:
    """The eigenvalue (among ``values``) that ``v`` belongs to, or None."""
    for lam in values:
        if all(_same(x, lam * y, tol) or _same(x - lam * y, 0 * x, tol)
               for x, y in zip(A * v, v, strict=True)):
            return lam
    return None


def _check_eigenvectors(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from sympy import ImmutableMatrix

    from symbolic_mlmath.linalg.verifiers import exact_rank

    A = parsed["matrix"]
    n = A.rows
    got = answer if isinstance(answer, dict) else _answer(answer)
    t = _tol(answer)
    items = list(got.values()) if isinstance(got, dict) else [got]
    vs: list = []
    for item in items:
        part = _vectors(_answer(item) if isinstance(item, str) else item, n)
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
            return Verdict(False, "property", f"Not correct: {_txt(v.T)} is not an eigenvector "
                           f"(A v = {_txt((A * v).T)} is not a multiple of v).",
                           expected=d.result, got=got)
        groups.setdefault(lam, []).append(v)
    for e in d.result:
        mine = groups.get(e["eigenvalue"], [])
        need = len(e["vectors"])
        have = exact_rank(ImmutableMatrix.hstack(*mine)) if mine and t is None else len(mine)
        if have < need:
            return Verdict(False, "property", f"Not correct: the eigenspace of "
                           f"λ = {_txt(e['eigenvalue'])} has dimension {need}; you gave {have} "
                           "independent eigenvector(s) for it.", expected=d.result, got=got)
        if len(mine) > need:
            return Verdict(False, "property", f"Not correct: {len(mine)} vectors for "
                           f"λ = {_txt(e['eigenvalue'])}, but its eigenspace has dimension "
                           f"{need}; give a basis.", expected=d.result, got=got)
    return Verdict(True, "property", "Correct: every vector satisfies A v = λ v and they give a "
                   "basis of each eigenspace (eigenvectors are unique only up to scale).",
                   expected=d.result, got=got)


_NOT_DIAG = {"true": {"not diagonalizable", "not diagonalisable", "no", "defective", "none",
                      "false", "it is not diagonalizable", "not possible"}}


def _check_diagonalize(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from sympy import MatrixBase

    from symbolic_mlmath.linalg.verifiers import exact_rank

    A, res = parsed["matrix"], d.result
    defective = res.get("diagonalizable") is False
    if isinstance(answer, str) and normalize_choice(answer, _NOT_DIAG) == "true":
        if defective:
            return Verdict(True, "property", f"Correct: λ = {_txt(res['eigenvalue'])} has "
                           f"multiplicity {res['algebraic_multiplicity']} but only "
                           f"{res['geometric_multiplicity']} independent eigenvector(s).",
                           expected=res, got=answer)
        return Verdict(False, "property", "Not correct: it is diagonalisable, e.g. with "
                       f"P = {_txt(res['P'])}, D = {_txt(res['D'])}.", expected=res, got=answer)
    got = answer if isinstance(answer, dict) else _answer(answer)
    if isinstance(got, dict):
        got = {str(k).upper(): (_answer(v) if isinstance(v, str) else v) for k, v in got.items()}
        P, D = got.get("P"), got.get("D")
    elif isinstance(got, list | tuple) and len(got) == 2:
        P, D = got
    else:
        P, D = None, got
    if defective:
        return Verdict(False, "property", f"Not correct: A is not diagonalisable: "
                       f"λ = {_txt(res['eigenvalue'])} has multiplicity "
                       f"{res['algebraic_multiplicity']} but only "
                       f"{res['geometric_multiplicity']} independent eigenvector(s).",
                       expected=res, got=got)
    if not isinstance(D, MatrixBase) or D.shape != A.shape or not D.is_diagonal():
        return Verdict(False, "structural", f"Not correct: D must be a diagonal "
                       f"{A.rows}x{A.cols} matrix (give P and D).", expected=res, got=got)
    missing, extra = _multiset(list(res["D"].diagonal()), list(D.diagonal()), _tol(answer))
    if missing or extra:
        return Verdict(False, "property", "Not correct: the diagonal of D must hold the "
                       "eigenvalues " + ", ".join(_txt(x) for x in res["D"].diagonal()) + ".",
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
                       f"eigenvector for D's entry {_txt(D[bad[0] - 1, bad[0] - 1])} "
                       "(A P ≠ P D).", expected=res, got=got)
    return Verdict(True, "property", "Correct: P is invertible and A P = P D, so A = P D P^-1 "
                   "(P and D are not unique).", expected=res, got=got)


def _check_pca(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from sympy import MatrixBase

    res = d.result
    got = answer if isinstance(answer, dict) else _answer(answer)
    t = _tol(answer) if isinstance(answer, str) else None
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
        val = _answer(val) if isinstance(val, str) else val
        tk = _tol(raw) or t
        if k == "covariance":
            good = _matrix_verdict(res[k], val, raw).correct is True
        elif k in ("eigenvalues", "explained_variance"):
            vals, _ = _values(val)
            m, e = _multiset(res[k][:len(vals)], vals, tk)
            good = not m and not e and len(vals) == len(res[k])
        elif k == "components":
            vs = _vectors(val, n) or []
            good = len(vs) == len(res[k]) and all(
                all(_same(a, b, tk) for a, b in zip(w, v, strict=True))
                or all(_same(a, -b, tk) for a, b in zip(w, v, strict=True))
                for w, v in zip(vs, res[k], strict=True))
        elif k == "projected":
            P = res[k]
            good = isinstance(val, MatrixBase) and val.shape == P.shape and all(
                any(all(_same(a, s * b, tk) for a, b in zip(val.col(j), P.col(j), strict=True))
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


def _check_steady(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    P = parsed["matrix"]
    got = _answer(answer)
    v = _matrix_verdict(d.result, got, answer)
    if v.correct is not False:
        return v
    g = _as_vector(got, P.rows)
    if (hasattr(g, "shape") and g.shape == (P.rows, 1) and any(x != 0 for x in g)
            and compare(P * g, g).correct is True):
        return Verdict(False, "property", f"Not correct: P v = v holds, but the entries sum "
                       f"to {_txt(sum(g))}; scale to sum 1: {_txt(d.result.T)}.",
                       expected=d.result, got=g)
    return v


# ------------------------------------------------------------------ derive adapters
def _e(name: str, fn: str) -> Any:
    def run(**kw: Any) -> Any:
        import importlib

        mod = importlib.import_module(f"symbolic_mlmath.linalg.{name}")
        return getattr(mod, fn)(**kw)

    return run


def _inverse(matrix: Any, method: Any = None) -> Any:
    from symbolic_mlmath.linalg.inverse import derive_inverse

    return derive_inverse(matrix, method=method)


def _charpoly(matrix: Any, variable: Any = None) -> Any:
    from symbolic_mlmath.linalg.eigen import derive_charpoly

    return derive_charpoly(matrix, variable)


_W3V, _W3T, _W3I = "c1w3-vectors", "c1w3-transformations", "c1w3-inverse"
_W4D, _W4B, _W4E = "c1w4-determinants", "c1w4-basis-span", "c1w4-eigen"
_VECS = (Input("vectors", "vectors", "the vectors, e.g. [[1,0,1],[0,1,1]]"),
         Input("space", "text", "the space, e.g. R^3", required=False))

register(Task("matmul", "Matrix product, each entry as row · column",
              (Input("A", "matrix", "left matrix"), Input("B", "matrix", "right matrix")),
              lambda A, B: _e("transforms", "derive_matmul")(A=A, B=B), _check_matrix,
              topic=_W3T))
register(Task("vector_add", "Sum, difference or linear combination (e.g. 2u-3v) of vectors",
              (_U, _V, Input("op", "text", "u+v, u-v or a combination like 2u-3v",
                             required=False, default="u+v")),
              _e("vectors", "derive_vector_add"), _check_matrix, topic=_W3V))
register(Task("dot", "Dot product: multiply entries and add", (_U, _V),
              _e("vectors", "derive_dot"), _check_scalar, topic=_W3V))
register(Task("angle", "Angle between two vectors, in radians", (_U, _V),
              _e("vectors", "derive_angle"), _check_angle, topic=_W3V))
register(Task("projection", "Projection of u onto v", (_U, _V),
              _e("vectors", "derive_projection"), _check_projection, topic=_W3V))
register(Task("norm", "L1, L2 or infinity norm of a vector",
              (Input("v", "vector", "the vector"),
               Input("ord", "text", "1, 2 or inf", required=False, default="2")),
              _e("vectors", "derive_norm"), _check_scalar, topic=_W3V))
register(Task("linear_transform", "Image A v of a vector, or the standard matrix from formulas",
              (Input("matrix", "matrix", "the matrix of the map", required=False),
               Input("v", "vector", "the vector to map", required=False),
               Input("transform", "value", 'formulas, e.g. ["3*v1", "0", "-2*v2"]',
                     required=False),
               Input("vars", "symbols", "the variables of the formulas", required=False)),
              _e("transforms", "derive_linear_transform"), _check_matrix, topic=_W3T,
              one_of=(("matrix", "v"), ("transform", "vars"))))
register(Task("inverse", "Inverse by Gauss-Jordan on [A | I] (or the 2x2 formula)",
              (_M, Input("method", "choice", "gauss-jordan or formula", required=False,
                         choices=("gauss-jordan", "formula"))),
              _inverse, _check_matrix, topic=_W3I))
register(Task("det_product", "det(AB) = det(A) det(B), shown on the matrices",
              (Input("A", "matrix", "first matrix"), Input("B", "matrix", "second matrix")),
              _e("inverse", "derive_det_product"), _check_scalar, topic=_W4D))
register(Task("det_inverse", "det(A^-1) = 1/det(A), shown on the matrix", (_M,),
              lambda matrix: _e("inverse", "derive_det_inverse")(M=matrix), _check_scalar,
              topic=_W4D))
register(Task("basis_span", "Independence, spanning, a basis and the dimension of a span",
              _VECS, _e("spaces", "derive_basis_span"), _check_basis_span, topic=_W4B))
register(Task("independent", "Whether vectors are linearly independent (by rank)", _VECS,
              _e("spaces", "derive_independent"), _check_independent, topic=_W4B))
register(Task("charpoly", "Characteristic polynomial det(A - λI), by cofactors",
              (_M, Input("variable", "symbols", "its variable (default lambda)",
                         required=False)),
              _charpoly, _check_charpoly, topic=_W4E))
register(Task("eigenvalues", "Eigenvalues with multiplicity: the roots of det(A - λI)", (_M,),
              lambda matrix: _e("eigen", "derive_eigenvalues")(M=matrix), _check_eigenvalues,
              topic=_W4E))
register(Task("eigenvectors", "A basis of each eigenspace: the null space of A - λI", (_M,),
              lambda matrix: _e("eigen", "derive_eigenvectors")(M=matrix), _check_eigenvectors,
              topic=_W4E))
register(Task("diagonalize", "A = P D P^-1 from the eigenvectors (or why not)", (_M,),
              lambda matrix: _e("eigen", "derive_diagonalize")(M=matrix), _check_diagonalize,
              topic=_W4E, aliases=("diagonalise",)))
register(Task("pca", "Principal component analysis: covariance, eigenvectors, projection",
              (Input("data", "matrix", "the data, one observation per row"),
               Input("components", "int", "how many components to keep", required=False)),
              _e("pca", "derive_pca"), _check_pca, topic=_W4E))
register(Task("steady_state", "Steady state of a column-stochastic (Markov) matrix", (_M,),
              lambda matrix: _e("pca", "derive_steady_state")(M=matrix), _check_steady,
              topic=_W4E, aliases=("markov", "pagerank")))

"""Every linear-algebra task: its name, inputs, one-line doc, engine and answer check.

Declarations only: the engines live in the concept modules (``determinants``,
``elimination``, ``systems``, ``vectors``, ``transforms``, ``inverse``, ``spaces``,
``eigen``, ``pca``), the answer checks in ``answers``, ``answers_systems`` and
``answers_eigen``, the working judges in ``judges``. Engines are imported on first use,
so listing the tasks stays fast.

Examples
========
>>> from symbolic_mlmath.core.tasks import get_task
>>> get_task("row_reduce").name
'rref'
>>> [i.name for i in get_task("det").inputs]
['matrix', 'method']
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.tasks import Input, Task, TaskList
from symbolic_mlmath.core.verdict import Verdict
from symbolic_mlmath.linalg.answers import (
    check_angle,
    check_basis_span,
    check_echelon,
    check_independent,
    check_matrix,
    check_projection,
    check_scalar,
    check_singular,
)
from symbolic_mlmath.linalg.answers_eigen import (
    check_charpoly,
    check_diagonalize,
    check_eigenvalues,
    check_eigenvectors,
    check_steady,
)
from symbolic_mlmath.linalg.answers_pca import check_pca
from symbolic_mlmath.linalg.answers_systems import check_classify, check_solve

__all__ = ["TASKS"]

#: The tasks declared here, in listing order.
TASKS = TaskList()
register = TASKS.register

_MATRIX = Input("matrix", "matrix", "the matrix")
_M = _MATRIX
_U = Input("u", "vector", "the first vector")
_V = Input("v", "vector", "the second vector")
_SYSTEM_INPUTS = (
    Input("equations", "equations", "the equations", required=False),
    Input("variables", "symbols", "the unknowns, in order", required=False),
    Input("A", "matrix", "coefficient matrix", required=False),
    Input("b", "matrix", "right-hand side: a vector, or a matrix of several columns",
          required=False),
)
_SYSTEM_GROUPS = (("equations",), ("A", "b"))


# ------------------------------------------------------------------ derive adapters
def _derive_det(matrix: Any, method: str | None = None) -> Any:
    from symbolic_mlmath.linalg.determinants import derive_det

    return derive_det(matrix, method=method)


def _derive_singular(matrix: Any) -> Any:
    from symbolic_mlmath.linalg.determinants import derive_singular

    return derive_singular(matrix)


def _derive_rref(matrix: Any, augmented: bool = False) -> Any:
    from symbolic_mlmath.linalg.elimination import derive_rref

    return derive_rref(matrix, augmented=augmented)


def _derive_ref(matrix: Any, augmented: bool = False) -> Any:
    from symbolic_mlmath.linalg.elimination import derive_ref

    return derive_ref(matrix, augmented=augmented)


def _derive_rank(matrix: Any) -> Any:
    from symbolic_mlmath.linalg.elimination import derive_rank

    return derive_rank(matrix)


def _derive_solve(equations: Any = None, variables: Any = None, A: Any = None, b: Any = None) -> Any:
    from symbolic_mlmath.linalg.systems import derive_solve_system

    return derive_solve_system(equations, variables, A=A, b=b)


def _derive_classify(equations: Any = None, variables: Any = None, A: Any = None,
                     b: Any = None) -> Any:
    from symbolic_mlmath.linalg.systems import derive_classify_system

    return derive_classify_system(equations, variables, A=A, b=b)


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


def _working(name: str) -> Any:
    def run(parsed: dict, lines: list, answer: Any) -> Verdict:
        from symbolic_mlmath.core.working import check_working

        return check_working(name, parsed, lines, answer)

    return run


# ------------------------------------------------------------------ systems, determinants, echelon forms
register(Task("solve_system", "Solve a linear system by elimination on the augmented matrix",
              _SYSTEM_INPUTS, _derive_solve, check_solve, _working("solve_system"),
              topic="c1w1-systems", one_of=_SYSTEM_GROUPS))
register(Task("classify_system", "Unique solution, infinitely many, or none (by ranks)",
              _SYSTEM_INPUTS, _derive_classify, check_classify, topic="c1w1-systems",
              one_of=_SYSTEM_GROUPS))
register(Task("det", "Determinant by cofactors, Sarrus or elimination, step by step",
              (_MATRIX, Input("method", "choice", "how to compute it", required=False,
                              choices=("cofactor", "sarrus", "elimination"))),
              _derive_det, check_scalar, _working("det"),
              topic="c1w1-singularity"))
register(Task("singular", "Whether a square matrix is singular (det = 0)", (_MATRIX,),
              _derive_singular, check_singular, topic="c1w1-singularity"))
register(Task("rank", "Rank: row reduce and count the pivots", (_MATRIX,), _derive_rank,
              check_scalar, topic="c1w2-echelon-rank"))
_AUG = Input("augmented", "bool", "the last column is a right-hand side", required=False,
             default=False)
register(Task("ref", "A row echelon form, one row operation per step", (_MATRIX, _AUG),
              _derive_ref, check_echelon, _working("ref"),
              topic="c1w2-echelon-rank"))
register(Task("rref", "The reduced row echelon form, one row operation per step", (_MATRIX, _AUG),
              _derive_rref, check_echelon, _working("rref"),
              topic="c1w2-echelon-rank", aliases=("row_reduce",)))


# ------------------------------------------------------------------ vectors, maps, inverse, spaces, eigen
_W3V, _W3T, _W3I = "c1w3-vectors", "c1w3-transformations", "c1w3-inverse"
_W4D, _W4B, _W4E = "c1w4-determinants", "c1w4-basis-span", "c1w4-eigen"
_VECS = (Input("vectors", "vectors", "the vectors, e.g. [[1,0,1],[0,1,1]]"),
         Input("space", "text", "the space, e.g. R^3", required=False))

register(Task("matmul", "Matrix product, each entry as row · column",
              (Input("A", "matrix", "left matrix"), Input("B", "matrix", "right matrix")),
              lambda A, B: _e("transforms", "derive_matmul")(A=A, B=B), check_matrix,
              topic=_W3T))
register(Task("vector_add", "Sum, difference or linear combination (e.g. 2u-3v) of vectors",
              (_U, _V, Input("op", "text", "u+v, u-v or a combination like 2u-3v",
                             required=False, default="u+v")),
              _e("vectors", "derive_vector_add"), check_matrix, topic=_W3V))
register(Task("dot", "Dot product: multiply entries and add", (_U, _V),
              _e("vectors", "derive_dot"), check_scalar, topic=_W3V))
register(Task("angle", "Angle between two vectors, in radians", (_U, _V),
              _e("vectors", "derive_angle"), check_angle, topic=_W3V))
register(Task("projection", "Projection of u onto v", (_U, _V),
              _e("vectors", "derive_projection"), check_projection, topic=_W3V))
register(Task("norm", "L1, L2 or infinity norm of a vector",
              (Input("v", "vector", "the vector"),
               Input("ord", "text", "1, 2 or inf", required=False, default="2")),
              _e("vectors", "derive_norm"), check_scalar, topic=_W3V))
register(Task("linear_transform", "Image A v of a vector, or the standard matrix from formulas",
              (Input("matrix", "matrix", "the matrix of the map", required=False),
               Input("v", "vector", "the vector to map", required=False),
               Input("transform", "value", 'formulas, e.g. ["3*v1", "0", "-2*v2"]',
                     required=False),
               Input("vars", "symbols", "the variables of the formulas", required=False)),
              _e("transforms", "derive_linear_transform"), check_matrix, topic=_W3T,
              one_of=(("matrix", "v"), ("transform", "vars"))))
register(Task("inverse", "Inverse by Gauss-Jordan on [A | I] (or the 2x2 formula)",
              (_M, Input("method", "choice", "gauss-jordan or formula", required=False,
                         choices=("gauss-jordan", "formula"))),
              _inverse, check_matrix, topic=_W3I))
register(Task("det_product", "det(AB) = det(A) det(B), shown on the matrices",
              (Input("A", "matrix", "first matrix"), Input("B", "matrix", "second matrix")),
              _e("inverse", "derive_det_product"), check_scalar, topic=_W4D))
register(Task("det_inverse", "det(A^-1) = 1/det(A), shown on the matrix", (_M,),
              lambda matrix: _e("inverse", "derive_det_inverse")(M=matrix), check_scalar,
              topic=_W4D))
register(Task("basis_span", "Independence, spanning, a basis and the dimension of a span",
              _VECS, _e("spaces", "derive_basis_span"), check_basis_span, topic=_W4B))
register(Task("independent", "Whether vectors are linearly independent (by rank)", _VECS,
              _e("spaces", "derive_independent"), check_independent, topic=_W4B))
register(Task("charpoly", "Characteristic polynomial det(A - λI), by cofactors",
              (_M, Input("variable", "symbols", "its variable (default lambda)",
                         required=False)),
              _charpoly, check_charpoly, topic=_W4E))
register(Task("eigenvalues", "Eigenvalues with multiplicity: the roots of det(A - λI)", (_M,),
              lambda matrix: _e("eigen", "derive_eigenvalues")(M=matrix), check_eigenvalues,
              topic=_W4E))
register(Task("eigenvectors", "A basis of each eigenspace: the null space of A - λI", (_M,),
              lambda matrix: _e("eigen", "derive_eigenvectors")(M=matrix), check_eigenvectors,
              topic=_W4E))
register(Task("diagonalize", "A = P D P^-1 from the eigenvectors (or why not)", (_M,),
              lambda matrix: _e("eigen", "derive_diagonalize")(M=matrix), check_diagonalize,
              topic=_W4E, aliases=("diagonalise",)))
register(Task("pca", "Principal component analysis: covariance, eigenvectors, projection",
              (Input("data", "matrix", "the data, one observation per row"),
               Input("components", "int", "how many components to keep", required=False)),
              _e("pca", "derive_pca"), check_pca, topic=_W4E))
register(Task("steady_state", "Steady state of a column-stochastic (Markov) matrix", (_M,),
              lambda matrix: _e("pca", "derive_steady_state")(M=matrix), check_steady,
              topic=_W4E, aliases=("markov", "pagerank")))


def _with_answer_forms() -> None:
    from dataclasses import replace

    from symbolic_mlmath.linalg.answer_forms import ANSWER_FORMS, UNSOLVABLE

    TASKS[:] = [replace(t, answers=ANSWER_FORMS.get(t.name, t.answers),
                        check_unsolvable=UNSOLVABLE.get(t.name, t.check_unsolvable))
                for t in TASKS]


_with_answer_forms()

"""Matrix products and linear transformations with steps.

Each entry of a product is shown as row · column; a transformation given by
formulas becomes its standard matrix, whose columns are the images of the
standard basis vectors.

Examples
========
>>> from sympy import Matrix
>>> derive_matmul(Matrix([[1, 2], [3, 4]]), Matrix([[5], [6]])).result.T
Matrix([[17, 39]])
>>> derive_standard_matrix(["3*v1", "0", "-2*v2"], ["v1", "v2"]).result
Matrix([
[3,  0],
[0,  0],
[0, -2]])
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.linalg.elimination import as_immutable
from symbolic_mlmath.linalg.rules import LinalgRule
from symbolic_mlmath.linalg.vectors import dot_substep, dot_sum

__all__ = ["derive_image", "derive_linear_transform", "derive_matmul", "derive_standard_matrix",
           "matmul_steps"]

#: Products with at most this many entries get one substep per entry (row · column).
ENTRY_SUBSTEPS_MAX = 36


def matmul_steps(A: Any, B: Any) -> list[Step]:
    """The steps of ``A B``: every entry as row · column, then the arithmetic.

    Examples
    ========
    >>> from sympy import Matrix
    >>> s = matmul_steps(Matrix([[1, 2]]), Matrix([[3], [4]]))
    >>> s[0].after, s[1].after
    (Matrix([[1*3 + 2*4]]), Matrix([[11]]))
    """
    from sympy import ImmutableMatrix, MatMul

    A, B = as_immutable(A), as_immutable(B)
    if A.cols != B.rows:
        raise TaskError(
            f"cannot multiply A ({A.rows}x{A.cols}) by B ({B.rows}x{B.cols}): A has {A.cols} "
            f"columns but B has {B.rows} rows", name="B")
    written = ImmutableMatrix([[dot_sum(A.row(i), B.col(j)) for j in range(B.cols)]
                               for i in range(A.rows)])
    subs = ()
    if A.rows * B.cols <= ENTRY_SUBSTEPS_MAX and A.cols > 1:
        subs = tuple(dot_substep(A.row(i).T, B.col(j))
                     for i in range(A.rows) for j in range(B.cols))
    value = (A * B).applyfunc(lambda x: x.expand() if x.free_symbols else x).as_immutable()
    given = {"shape_A": (A.rows, A.cols), "shape_B": (B.rows, B.cols)}
    return [Step(LinalgRule.MATRIX_PRODUCT, MatMul(A, B, evaluate=False), written, given, subs),
            Step(Rule.ARITHMETIC, written, value)]


def derive_matmul(A: Any, B: Any) -> Derivation:
    """The product ``A B``, each entry as row i of A · column j of B.

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_matmul(Matrix([[1, 0], [0, 2]]), Matrix([[1, 1], [1, 1]])).result
    Matrix([
    [1, 1],
    [2, 2]])
    """
    from sympy import MatMul

    A, B = as_immutable(A), as_immutable(B)
    steps = matmul_steps(A, B)
    return Derivation("Matrix product", goal=MatMul(A, B, evaluate=False), steps=tuple(steps),
                      result=steps[-1].after, task="matmul", inputs={"A": A, "B": B},
                      reference=lambda: (A * B).expand().as_immutable())


def derive_image(matrix: Any, v: Any) -> Derivation:
    """The image ``T(v) = A v`` of a vector under the transformation of ``A``.

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_image(Matrix([[0, -1], [1, 0]]), Matrix([1, 0])).result.T
    Matrix([[0, 1]])
    """
    from sympy import MatMul

    A, v = as_immutable(matrix), as_immutable(v)
    if v.cols != 1 and v.rows == 1:
        v = v.T
    if A.cols != v.rows:
        raise TaskError(f"the matrix is {A.rows}x{A.cols}, so v needs {A.cols} entries, "
                        f"not {v.rows}", name="v")
    steps = matmul_steps(A, v)
    return Derivation("Image of a vector", goal=MatMul(A, v, evaluate=False), steps=tuple(steps),
                      result=steps[-1].after, task="linear_transform",
                      inputs={"matrix": A, "v": v},
                      reference=lambda: (A * v).expand().as_immutable())


def _formulas(transform: Any) -> list[Any]:
    from sympy import MatrixBase

    from symbolic_mlmath.text.parse import parse_expr

    if isinstance(transform, MatrixBase):
        return list(transform)
    if isinstance(transform, str):
        transform = [transform]
    return [parse_expr(t, name="transform") for t in transform]


def _check_linear(exprs: list[Any], xs: tuple) -> None:
    from sympy import Poly, PolynomialError

    for e in exprs:
        extra = e.free_symbols - set(xs)
        if extra:
            names = ", ".join(sorted(map(str, extra)))
            raise TaskError(f"{e} uses {names}, which is not among vars "
                            f"{', '.join(map(str, xs))}", name="transform")
        try:
            p = Poly(e, *xs)
        except PolynomialError:
            p = None
        ok = p is not None and p.total_degree() <= 1 and p.coeff_monomial(1) == 0
        if not ok:
            raise TaskError(f"{e} is not linear in {', '.join(map(str, xs))} (a linear map "
                            "has only terms c*x: no constants, products or powers)",
                            name="transform")


def derive_standard_matrix(transform: Any, vars: Any) -> Derivation:
    """The standard matrix of a linear map given by formulas: column j is T(e_j).

    Examples
    ========
    >>> derive_standard_matrix(["x + y", "x - y"], ["x", "y"]).result
    Matrix([
    [1,  1],
    [1, -1]])
    """
    from sympy import ImmutableMatrix, Symbol

    from symbolic_mlmath.text.parse import parse_symbols

    xs = tuple(vars) if all(isinstance(x, Symbol) for x in vars) else parse_symbols(vars)
    exprs = _formulas(transform)
    _check_linear(exprs, xs)
    T = ImmutableMatrix(exprs)
    n = len(xs)
    subs, cols = [], []
    for j in range(n):
        e = ImmutableMatrix([1 if k == j else 0 for k in range(n)])
        image = T.xreplace(dict(zip(xs, e, strict=True)))
        cols.append(image)
        subs.append(Step(LinalgRule.IMAGE_OF_BASIS, T, image,
                         {"basis": e, "index": j + 1, "vars": tuple(xs)}))
    A = ImmutableMatrix.hstack(*cols)
    steps = [Step(LinalgRule.STANDARD_MATRIX, T, A, {"vars": tuple(xs)}, substeps=subs)]
    return Derivation("Standard matrix of a linear transformation", goal=T, steps=tuple(steps),
                      result=A, variables=xs, task="linear_transform",
                      inputs={"transform": T, "vars": xs},
                      reference=lambda: T.jacobian(list(xs)).as_immutable())


def derive_linear_transform(matrix: Any = None, v: Any = None, transform: Any = None,
                            vars: Any = None) -> Derivation:
    """The image ``A v`` (``matrix`` and ``v``) or the standard matrix (``transform``, ``vars``).

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_linear_transform(matrix=Matrix([[2, 0], [0, 3]]), v=Matrix([1, 1])).result.T
    Matrix([[2, 3]])
    """
    if transform is not None:
        if matrix is not None:
            raise TaskError("give either matrix or transform, not both", name="input")
        if vars is None:
            raise TaskError("give vars, the names of the variables of the formulas", name="vars")
        standard = derive_standard_matrix(transform, vars)
        if v is None:
            return standard
        return _image_by_formulas(standard, v)
    if matrix is None or v is None:
        raise TaskError("give matrix and v, or transform and vars", name="input")
    return derive_image(matrix, v)


def _image_by_formulas(standard: Derivation, v: Any) -> Derivation:
    """T(v): the standard matrix A (its derivation shown as the first substep), then A v."""
    image = derive_image(standard.result, v)
    first = image.steps[0]
    first = Step(first.rule, first.before, first.after, first.given,
                 substeps=(*standard.steps, *first.substeps))
    T, xs = standard.inputs["transform"], standard.inputs["vars"]
    vv = image.inputs["v"]
    return Derivation("Image of a vector under a linear map", goal=image.goal,
                      steps=(first, *image.steps[1:]), result=image.result,
                      variables=xs, task="linear_transform",
                      inputs={"transform": T, "vars": xs, "v": vv},
                      reference=lambda: T.xreplace(dict(zip(xs, vv, strict=True))))

"""The inverse with steps (Gauss-Jordan on [A | I], or the 2x2 formula), and the
determinant laws det(AB) = det(A) det(B) and det(A^-1) = 1/det(A) on an instance.

Examples
========
>>> from sympy import Matrix
>>> d = derive_inverse(Matrix([[2, 1], [1, 1]]))
>>> d.result
Matrix([
[ 1, -1],
[-1,  2]])
>>> [s.rule.value for s in d.steps][:2]
['augment_identity', 'row_swap']
>>> try:
...     derive_inverse(Matrix([[1, 2], [2, 4]]))
... except TaskError as e:
...     print(str(e)[:45])
matrix: not invertible: det A = 1*4 - 2*2 = 0
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.exact import exact_det, exact_matrix, to_dm
from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.linalg.elimination import as_immutable, eliminate
from symbolic_mlmath.linalg.rules import LinalgRule

__all__ = ["INVERSE_METHODS", "derive_det_inverse", "derive_det_product", "derive_inverse",
           "exact_inverse", "wrap_steps"]

INVERSE_METHODS = ("gauss-jordan", "formula")


def wrap_steps(steps: list[Step]) -> Step:
    """A value's steps shown as one step (first ``before`` to last ``after``) with substeps."""
    if len(steps) == 1:
        return steps[0]
    return Step(steps[0].rule, steps[0].before, steps[-1].after, steps[0].given, substeps=steps)


def exact_inverse(A: Any) -> Any:
    """The exact inverse through ``DomainMatrix`` (entries simplified by ``cancel``).

    Examples
    ========
    >>> from sympy import Matrix
    >>> exact_inverse(Matrix([[1, 1], [0, 1]]))
    Matrix([
    [1, -1],
    [0,  1]])
    """
    from sympy import cancel

    from symbolic_mlmath.linalg.elimination import dm_to_immutable

    inv = dm_to_immutable(to_dm(as_immutable(A)).to_field().inv())
    return inv.applyfunc(lambda x: cancel(x) if x.free_symbols else x).as_immutable()


def _square(A: Any, what: str, name: str = "matrix") -> None:
    if A.rows != A.cols:
        raise TaskError(f"{what} needs a square matrix, got {A.rows}x{A.cols}", name=name)


def _singular_error(A: Any, name: str = "matrix") -> TaskError:
    from symbolic_mlmath.render.formats import text_of

    shown = ""
    if A.rows == 2:
        a, b, c, d = A
        shown = f" = {text_of(a)}*{text_of(d)} - {text_of(b)}*{text_of(c)}"
    return TaskError(f"not invertible: det A{shown} = 0, so the rows are linearly dependent "
                     "and [A | I] cannot be reduced to [I | B]", name=name)


def _gauss_jordan(A: Any) -> list[Step]:
    from sympy import ImmutableMatrix, cancel, eye

    n = A.rows
    aug = ImmutableMatrix(A.row_join(eye(n)))
    el = eliminate(aug, reduced=True, pivot_cols=n)
    if len(el.pivots) < n or any(c != r for r, c in el.pivots):
        raise _singular_error(A)
    final = el.final.to_sympy()
    B = final[:, n:].applyfunc(lambda x: cancel(x) if x.free_symbols else x).as_immutable()
    steps = [Step(LinalgRule.AUGMENT_IDENTITY, A, aug, {"n": n}), *el.steps]
    steps.append(Step(LinalgRule.READ_INVERSE, final, B, {"n": n}))
    from symbolic_mlmath.linalg.cases import with_parameter_cases

    return with_parameter_cases(A, el, steps, "inverse", B, _case_inverse)


def _case_inverse(A: Any) -> Any:
    """The inverse of a matrix with a parameter value put in, or "not invertible"."""
    if exact_det(A) == 0:
        return "not invertible"
    return exact_inverse(A)


def _formula_2x2(A: Any) -> list[Step]:
    from sympy import ImmutableMatrix, Inverse, MatMul, Pow

    from symbolic_mlmath.linalg.determinants import derive_det

    a, b, c, d = A
    det_d = derive_det(A)
    det_written = det_d.steps[0].after
    adj = ImmutableMatrix([[d, -b], [-c, a]])
    formula = MatMul(Pow(det_written, -1, evaluate=False), adj, evaluate=False)
    det = det_d.result
    value = exact_inverse(A)
    steps = [
        Step(LinalgRule.INVERSE_2X2, Inverse(A), formula, {"det": det},
             substeps=(wrap_steps(list(det_d.steps)),)),
        Step(Rule.ARITHMETIC, formula, value),
    ]
    params = sorted(A.free_symbols, key=str)
    if params and getattr(det, "free_symbols", None):
        from symbolic_mlmath.linalg.cases import assume_step, cases_step, conditions_and_cases

        conds, cases = conditions_and_cases([det], params)
        if conds:
            steps.insert(0, assume_step(Inverse(A), conds, cases))
        if cases:
            steps.append(cases_step(value, "inverse", A,
                                    [(c, _case_inverse(A.xreplace(c))) for c in cases]))
    return steps


def derive_inverse(M: Any, *, method: str | None = None) -> Derivation:
    """The inverse of a square matrix by Gauss-Jordan on [A | I] (or the 2x2 formula).

    A singular matrix is a one-line :class:`TaskError` showing det A = 0. Symbolic
    entries are reduced over their field of fractions (pivots assumed non-zero).

    Examples
    ========
    >>> from sympy import Matrix, symbols
    >>> x, y, z = symbols("x y z")
    >>> derive_inverse(Matrix([[1, x, z], [0, 1, y], [0, 0, 1]])).result
    Matrix([
    [1, -x, x*y - z],
    [0,  1,      -y],
    [0,  0,       1]])
    >>> derive_inverse(Matrix([[1, 2], [3, 4]]), method="formula").result
    Matrix([
    [ -2,    1],
    [3/2, -1/2]])
    """
    from sympy import Inverse

    A = exact_matrix(M)
    _square(A, "an inverse")
    method = str(method or "gauss-jordan").lower().replace("_", "-")
    if method in {"gauss", "gaussjordan", "gauss jordan", "row-reduction", "elimination"}:
        method = "gauss-jordan"
    if method in {"adjugate", "2x2"}:
        method = "formula"
    if method not in INVERSE_METHODS:
        raise TaskError(f"unknown method {method!r}; choose gauss-jordan or formula",
                        name="method")
    if exact_det(A) == 0:
        raise _singular_error(A)
    if method == "formula":
        if A.rows != 2:
            raise TaskError(f"the formula method is for 2x2 matrices, not {A.rows}x{A.cols}; "
                            "use gauss-jordan", name="method")
        steps = _formula_2x2(A)
    else:
        steps = _gauss_jordan(A)
    return Derivation(f"Inverse ({method})", goal=Inverse(A), steps=tuple(steps),
                      result=steps[-1].after, task="inverse",
                      inputs={"matrix": A, "method": method},
                      reference=lambda: exact_inverse(A))


def derive_det_product(A: Any, B: Any) -> Derivation:
    """``det(AB) = det(A) det(B)`` on an instance; det(AB) is also computed directly.

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_det_product(Matrix([[1, 2], [3, 4]]), Matrix([[0, 1], [1, 0]])).result
    2
    """
    from sympy import Determinant, ImmutableMatrix, MatMul, Mul

    from symbolic_mlmath.linalg.determinants import derive_det
    from symbolic_mlmath.linalg.transforms import matmul_steps

    A, B = as_immutable(A), as_immutable(B)
    _square(A, "a determinant", "A")
    _square(B, "a determinant", "B")
    if A.shape != B.shape:
        raise TaskError(f"A is {A.rows}x{A.cols} but B is {B.rows}x{B.cols}; det(AB) = "
                        "det(A) det(B) needs square matrices of one size", name="B")
    goal = Determinant(MatMul(A, B, evaluate=False))
    prod_steps = matmul_steps(A, B)
    AB = ImmutableMatrix(prod_steps[-1].after)
    dA, dB, dAB = derive_det(A), derive_det(B), derive_det(AB)
    law = Mul(Determinant(A), Determinant(B), evaluate=False)
    values = Mul(dA.result, dB.result, evaluate=False)
    value = exact_det(AB)
    direct = (wrap_steps(prod_steps), wrap_steps(list(dAB.steps)))
    steps = [
        Step(LinalgRule.DET_PRODUCT, goal, law, {"det_AB": dAB.result}, substeps=direct),
        Step(Rule.SUBSTITUTE, law, values,
             substeps=(wrap_steps(list(dA.steps)), wrap_steps(list(dB.steps)))),
        Step(Rule.ARITHMETIC, values, value),
    ]
    return Derivation("det(AB) = det(A) det(B)", goal=goal, steps=tuple(steps), result=value,
                      task="det_product", inputs={"A": A, "B": B},
                      reference=lambda: exact_det(AB))


def derive_det_inverse(M: Any) -> Derivation:
    """``det(A^-1) = 1 / det(A)`` on an instance (A^-1 computed exactly).

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_det_inverse(Matrix([[2, 1], [1, 3]])).result
    1/5
    """
    from sympy import Determinant, Pow, cancel

    from symbolic_mlmath.linalg.determinants import derive_det

    A = exact_matrix(M)
    _square(A, "a determinant")
    dA = derive_det(A)
    if dA.result == 0:
        raise _singular_error(A)
    Ainv = exact_inverse(A)
    goal = Determinant(Ainv)
    law = Pow(Determinant(A), -1, evaluate=False)
    values = Pow(dA.result, -1, evaluate=False)
    value = cancel(1 / dA.result)
    steps = [
        Step(LinalgRule.DET_INVERSE, goal, law, {"inverse": Ainv}),
        Step(Rule.SUBSTITUTE, law, values, substeps=(wrap_steps(list(dA.steps)),)),
        Step(Rule.ARITHMETIC, values, value),
    ]
    return Derivation("det(A^-1) = 1/det(A)", goal=goal, steps=tuple(steps), result=value,
                      task="det_inverse", inputs={"matrix": A},
                      reference=lambda: cancel(exact_det(Ainv)))

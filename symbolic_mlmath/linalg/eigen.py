"""Eigenvalues and eigenvectors with steps: det(A - λI) by cofactors, its roots, null spaces.

The characteristic polynomial is ``det(A - λI)`` (the course's convention),
expanded by cofactors on the symbolic matrix. Its factors give the eigenvalues with
multiplicity (complex ones included). Each eigenspace is the null space of
``A - λI``, found by row reduction over the number field of λ. When a factor of
degree 3 or more has no rational roots, the roots stay exact as ``CRootOf`` and
the derivation says so and computes them (and their eigenvectors) to 30 digits
with mpmath (a ``NUMERIC_FALLBACK`` step). When SymPy cannot even isolate those
roots within a short share of the time budget, the eigenvalues themselves are given
as 30-digit numbers (mpmath ``polyroots``), under the same declared step.

A defective matrix is not an error for ``diagonalize``: the result says
``{"diagonalizable": False, ...}`` and names the eigenvalue that lacks eigenvectors,
so a learner's "not diagonalizable" can be judged.

Examples
========
>>> from sympy import Matrix
>>> A = Matrix([[2, 1], [1, 2]])
>>> derive_charpoly(A).result
lambda**2 - 4*lambda + 3
>>> derive_eigenvalues(A).result
[1, 3]
>>> [(e["eigenvalue"], [list(v) for v in e["vectors"]]) for e in derive_eigenvectors(A).result]
[(1, [[-1, 1]]), (3, [[1, 1]])]
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.exact import exact_matrix, to_dm
from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.linalg.elimination import eliminate
from symbolic_mlmath.linalg.roots import (
    NUMERIC_DIGITS,
    eigen_key,
    eigen_roots,
    numeric_root,
    numeric_value,
)
from symbolic_mlmath.linalg.rules import LinalgRule
from symbolic_mlmath.linalg.spaces import null_basis

__all__ = [
    "CHARPOLY_STEPS_MAX_SIZE",
    "NUMERIC_DIGITS",
    "derive_charpoly",
    "derive_diagonalize",
    "derive_eigenvalues",
    "derive_eigenvectors",
    "eigen_key",
    "eigen_roots",
    "eigenspace_steps",
    "eigenvalue_steps",
    "lambda_symbol",
    "numeric_eigenvectors",
    "numeric_root",
]

#: Above this size det(A - λI) is computed in one exact step (Berkowitz), not row by row
#: (elimination over rational functions of λ takes seconds past 10x10).
CHARPOLY_STEPS_MAX_SIZE = 10


def lambda_symbol(variable: Any = None, avoid: Any = ()) -> Any:
    """The polynomial's variable: ``lambda`` unless another name is given, or a fresh name
    (``mu``, ``t``, ``s``, ``lambda_0`` ...) when ``lambda`` is among the symbols to ``avoid``
    (a ridge matrix with λ in its entries)."""
    from sympy import Symbol

    if variable is None:
        taken = {str(x) for x in avoid}
        for name in ("lambda", "mu", "t", "s", "z", *(f"lambda_{k}" for k in range(100))):
            if name not in taken:
                return Symbol(name)
    if isinstance(variable, tuple | list):
        if len(variable) != 1:
            raise TaskError(f"give one variable, got {len(variable)}", name="variable")
        variable = variable[0]
    return variable if isinstance(variable, Symbol) else Symbol(str(variable))


def _square(A: Any) -> None:
    if A.rows != A.cols:
        raise TaskError(f"eigenvalues need a square matrix, got {A.rows}x{A.cols}", name="matrix")


# ------------------------------------------------------------------ characteristic polynomial
def _charpoly_steps(A: Any, lam: Any) -> list[Step]:
    from sympy import Determinant, cancel, expand, eye

    from symbolic_mlmath.linalg.determinants import COFACTOR_MAX_SIZE, derive_det

    n = A.rows
    shifted = (A - lam * eye(n)).as_immutable()
    if n > CHARPOLY_STEPS_MAX_SIZE:
        # a large matrix: the determinant of A - λI in one exact step (SymPy's
        # division-free Berkowitz algorithm over the entries' domain), not row by row
        return [Step(LinalgRule.CHARPOLY_DEFINITION, A, Determinant(shifted), {"variable": lam}),
                Step(Rule.ARITHMETIC, Determinant(shifted), _charpoly_reference(A, lam),
                     {"method": "Berkowitz"})]
    method = "cofactor" if n <= COFACTOR_MAX_SIZE else "elimination"
    det_steps = list(derive_det(shifted, method=method).steps)
    steps = [Step(LinalgRule.CHARPOLY_DEFINITION, A, Determinant(shifted), {"variable": lam}),
             *det_steps]
    last = steps[-1].after
    poly = expand(cancel(last))
    if poly != last:
        steps.append(Step(Rule.EXPAND, last, poly))
    return steps


def _charpoly_reference(A: Any, lam: Any) -> Any:
    from sympy import expand

    dm = to_dm(A)
    coeffs = [dm.domain.to_sympy(c) for c in dm.charpoly()]
    n = len(coeffs) - 1
    return expand((-1) ** n * sum(c * lam ** (n - k) for k, c in enumerate(coeffs)))


def derive_charpoly(M: Any, variable: Any = None) -> Derivation:
    """The characteristic polynomial ``det(A - λI)``, expanded by cofactors step by step.

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_charpoly(Matrix([[1, 2], [3, 4]])).result
    lambda**2 - 5*lambda - 2
    """
    from sympy import Determinant, eye

    A = exact_matrix(M)
    _square(A)
    lam = lambda_symbol(variable, avoid=A.free_symbols)
    if variable is not None and lam in A.free_symbols:
        raise TaskError(f"the matrix already holds {lam}; name another variable",
                        name="variable")
    steps = _charpoly_steps(A, lam)
    return Derivation("Characteristic polynomial",
                      goal=Determinant((A - lam * eye(A.rows)).as_immutable()),
                      steps=tuple(steps), result=steps[-1].after, variables=(lam,),
                      task="charpoly", inputs={"matrix": A, "variable": lam},
                      reference=lambda: _charpoly_reference(A, lam))


# ------------------------------------------------------------------ eigenvalues
def _cases(A: Any, steps: list, task: str, roots: list, derive: Any,
           divisors: list | None = None) -> list:
    """Steps with the parameter cases of an eigen task (see ``linalg.eigen_cases``), worked
    within a share of the time budget (at most 3 s); past it the steps are left as they are."""
    if not A.free_symbols:
        return steps
    from symbolic_mlmath.linalg.eigen_cases import with_eigen_cases
    from symbolic_mlmath.text.budget import remaining, time_budget
    from symbolic_mlmath.text.limits import TimeBudgetExceeded

    left = remaining()
    share = 3.0 if left is None else min(3.0, left / 3)
    try:
        with time_budget(share, what="the parameter cases"):
            return with_eigen_cases(A, steps, task, roots, derive, divisors)
    except TimeBudgetExceeded:
        return steps


def eigenvalue_steps(A: Any, lam: Any) -> tuple[list[Step], list[Any], bool]:
    """Steps from ``A`` to its eigenvalues (charpoly, factor, roots), the roots, and whether
    they fell back to numbers."""
    from sympy import Tuple, factor

    steps = _charpoly_steps(A, lam)
    p = steps[-1].after
    fac = factor(p)
    if fac != p:
        steps.append(Step(Rule.FACTOR, p, fac))
    rs, fallback = eigen_roots(p, lam)
    steps.append(Step(LinalgRule.SOLVE_ROOTS, fac, Tuple(*rs), {"variable": lam}))
    if fallback:
        steps.append(Step(Rule.NUMERIC_FALLBACK, Tuple(*rs), Tuple(*(numeric_value(r) for r in rs)),
                          {"digits": NUMERIC_DIGITS}))
    return steps, rs, fallback


def derive_eigenvalues(M: Any) -> Derivation:
    """The eigenvalues with multiplicity: factor ``det(A - λI)`` and read its roots.

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_eigenvalues(Matrix([[0, -1], [1, 0]])).result
    [-I, I]
    >>> derive_eigenvalues(Matrix([[2, 1], [0, 2]])).result
    [2, 2]
    """
    from sympy import Determinant, Float, eye

    A = exact_matrix(M)
    _square(A)
    lam = lambda_symbol(avoid=A.free_symbols)
    steps, rs, _ = eigenvalue_steps(A, lam)
    steps = _cases(A, steps, "eigenvalues", rs, derive_eigenvalues)

    def reference() -> list:  # SymPy's own eigenvalues, not our roots
        theirs = sorted(A.as_mutable().eigenvals(multiple=True), key=eigen_key)
        if A.free_symbols:  # symbolic: no common order (cos t ± i sin t vs ± sqrt(-sin² t))
            from symbolic_mlmath.linalg.eigen_cases import same_multiset_at_points

            return rs if same_multiset_at_points(rs, theirs) else theirs
        return theirs

    numeric = any(r.has(Float) for r in rs)  # the roots verifier rebuilds p from them
    return Derivation("Eigenvalues", goal=Determinant((A - lam * eye(A.rows)).as_immutable()),
                      steps=tuple(steps), result=rs, variables=(lam,), task="eigenvalues",
                      inputs={"matrix": A}, reference=None if numeric else reference)


# ------------------------------------------------------------------ eigenvectors
def numeric_eigenvectors(A: Any, value: Any, count: int = 1) -> list[Any]:
    """Eigenvectors of ``value`` to 30 digits (mpmath), scaled so the largest entry is 1."""
    import mpmath
    from sympy import Float, I, ImmutableMatrix

    with mpmath.workdps(NUMERIC_DIGITS + 10):
        M = mpmath.matrix([[mpmath.mpmathify(complex(x.evalf(NUMERIC_DIGITS + 10))) if x.is_real
                            is False else mpmath.mpf(str(x.evalf(NUMERIC_DIGITS + 10)))
                            for x in A.row(i)] for i in range(A.rows)])
        E, ER = mpmath.eig(M)
        target = complex(value.evalf(NUMERIC_DIGITS))
        order = sorted(range(len(E)), key=lambda k: abs(complex(E[k]) - target))[:count]
        out = []
        for k in order:
            col = [ER[i, k] for i in range(A.rows)]
            big = max(col, key=abs)
            col = [c / big for c in col]

            def num(z: Any) -> Any:
                re_, im_ = Float(str(mpmath.re(z)), NUMERIC_DIGITS), mpmath.im(z)
                small = abs(im_) < mpmath.mpf(10) ** -(NUMERIC_DIGITS - 5)
                return re_ if small else re_ + I * Float(str(im_), NUMERIC_DIGITS)

            out.append(ImmutableMatrix([num(c) for c in col]))
    return out


def eigenspace_steps(A: Any, value: Any, divisors: list | None = None) -> tuple[list[Step], list[Any]]:
    """Substeps of one eigenspace (A - λI, its row reduction, the null space) and its basis;
    the pivot expressions the reduction divided by are added to ``divisors`` when given."""
    from sympy import CRootOf, Float, Tuple, eye

    shifted = (A - value * eye(A.rows)).as_immutable()
    steps = [Step(LinalgRule.SHIFT_DIAGONAL, A, shifted, {"eigenvalue": value})]
    if value.has(CRootOf, Float):
        vs = numeric_eigenvectors(A, value)
        steps.append(Step(Rule.NUMERIC_FALLBACK, shifted, Tuple(*vs), {"digits": NUMERIC_DIGITS}))
        return steps, vs
    el = eliminate(shifted, reduced=True)
    if divisors is not None:
        divisors += [el.backend.to_sympy(d) for d in el.divisors]
    final = el.final.to_sympy()
    basis = null_basis(final, [c for _, c in el.pivots])
    steps += el.steps
    steps.append(Step(LinalgRule.NULL_SPACE, final, Tuple(*basis)))
    return steps, basis


def _distinct(rs: list[Any]) -> list[tuple[Any, int]]:
    out: list[tuple[Any, int]] = []
    for r in rs:
        if out and out[-1][0] == r:
            out[-1] = (r, out[-1][1] + 1)
        else:
            out.append((r, 1))
    return out


def _eigenvector_steps(A: Any, divisors: list | None = None) -> tuple[list[Step], list[dict]]:
    from sympy import Integer, Tuple

    lam = lambda_symbol(avoid=A.free_symbols)
    steps, rs, _ = eigenvalue_steps(A, lam)
    roots_obj = steps[-1].after
    result = []
    for value, mult in _distinct(rs):
        subs, basis = eigenspace_steps(A, value, divisors)
        given = {"eigenvalue": value, "multiplicity": mult, "matrix": A}
        steps.append(Step(LinalgRule.EIGENSPACE, roots_obj, Tuple(*basis), given, substeps=subs))
        result.append({"eigenvalue": value, "multiplicity": Integer(mult), "vectors": basis})
    return steps, result


def derive_eigenvectors(M: Any) -> Derivation:
    """Each eigenvalue with its multiplicity and a basis of its eigenspace.

    Examples
    ========
    >>> from sympy import Matrix
    >>> r = derive_eigenvectors(Matrix([[2, 0], [0, 2]])).result
    >>> r[0]["multiplicity"], [list(v) for v in r[0]["vectors"]]
    (2, [[1, 0], [0, 1]])
    """
    from sympy import CRootOf, Float, Integer

    A = exact_matrix(M)
    _square(A)
    divisors: list = []
    steps, result = _eigenvector_steps(A, divisors)
    numeric = any(e["eigenvalue"].has(CRootOf, Float) for e in result)
    steps = _cases(A, steps, "eigenvectors", [e["eigenvalue"] for e in result],
                   derive_eigenvectors, divisors)

    def reference() -> list:
        out = []
        for value, mult, vecs in A.eigenvects():
            out.append({"eigenvalue": value, "multiplicity": Integer(mult),
                        "vectors": [v.as_immutable() for v in vecs]})
        return sorted(out, key=lambda e: eigen_key(e["eigenvalue"]))

    return Derivation("Eigenvalues and eigenvectors", goal=A, steps=tuple(steps), result=result,
                      task="eigenvectors", inputs={"matrix": A},
                      reference=None if numeric or A.free_symbols else reference)


def derive_diagonalize(M: Any) -> Derivation:
    """``A = P D P^-1``: eigenvectors as the columns of P, eigenvalues on D's diagonal.

    A defective matrix (an eigenvalue with fewer independent eigenvectors than its
    multiplicity) gives ``{"diagonalizable": False, "eigenvalue": ..., ...}``.

    Examples
    ========
    >>> from sympy import Matrix
    >>> r = derive_diagonalize(Matrix([[2, 1], [1, 2]])).result
    >>> r["P"], r["D"]
    (Matrix([
    [-1, 1],
    [ 1, 1]]), Matrix([
    [1, 0],
    [0, 3]]))
    >>> derive_diagonalize(Matrix([[2, 1], [0, 2]])).result["diagonalizable"]
    False
    """
    from sympy import (
        CRootOf,
        Float,
        ImmutableMatrix,
        Integer,
        Inverse,
        MatMul,
        Tuple,
        diag,
        false,
    )

    A = exact_matrix(M)
    _square(A)
    divisors: list = []
    steps, eig = _eigenvector_steps(A, divisors)
    roots_obj = steps[-1].before
    short = next((e for e in eig if len(e["vectors"]) < e["multiplicity"]), None)
    if short is not None:
        g = {"eigenvalue": short["eigenvalue"], "algebraic": short["multiplicity"],
             "geometric": len(short["vectors"]), "matrix": A}
        steps.append(Step(LinalgRule.NOT_DIAGONALIZABLE, roots_obj, false, g))
        steps = _cases(A, steps, "diagonalize", [e["eigenvalue"] for e in eig], derive_diagonalize,
                       divisors)
        result: dict = {"diagonalizable": False, "eigenvalue": short["eigenvalue"],
                        "algebraic_multiplicity": short["multiplicity"],
                        "geometric_multiplicity": Integer(len(short["vectors"]))}
        return Derivation("Diagonalisation", goal=A, steps=tuple(steps), result=result,
                          task="diagonalize", inputs={"matrix": A})
    P = ImmutableMatrix.hstack(*(v for e in eig for v in e["vectors"]))
    D = diag(*(e["eigenvalue"] for e in eig for _ in e["vectors"])).as_immutable()
    numeric = any(e["eigenvalue"].has(CRootOf, Float) for e in eig)
    subs = () if numeric else (
        Step(LinalgRule.MATRIX_PRODUCT, MatMul(P, D, Inverse(P), evaluate=False), A),)
    steps.append(Step(LinalgRule.DIAGONALIZE, roots_obj, Tuple(P, D), {"matrix": A}, substeps=subs))
    steps = _cases(A, steps, "diagonalize", [e["eigenvalue"] for e in eig], derive_diagonalize,
                       divisors)

    def reference() -> dict:
        """SymPy's eigenvalues for D; P is not unique, so SymPy checks the property instead
        (its own rank and simplification, not our engine): A P = P D with P invertible."""
        from sympy import simplify

        vals = sorted(A.as_mutable().eigenvals(multiple=True), key=eigen_key)
        Pm = P.as_mutable()
        ok = Pm.rank(simplify=True) == P.rows and (A * P - P * D).applyfunc(
            simplify).is_zero_matrix
        return {"P": P if ok else None, "D": diag(*vals).as_immutable()}

    return Derivation("Diagonalisation", goal=A, steps=tuple(steps), result={"P": P, "D": D},
                      task="diagonalize", inputs={"matrix": A},
                      reference=None if numeric else reference)

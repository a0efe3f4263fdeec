"""Determinants with steps: the 2x2 formula, Sarrus, cofactor expansion, elimination.

Examples
========
>>> from sympy import Matrix
>>> d = derive_det(Matrix([[2, 1, 5], [1, 2, 1], [2, 1, 3]]), method="sarrus")
>>> d.result
-6
>>> [s.rule.value for s in d.steps]
['det_sarrus', 'arithmetic']
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.exact import exact_det, to_dm
from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.linalg.elimination import as_immutable, eliminate
from symbolic_mlmath.linalg.rules import LinalgRule

__all__ = ["COFACTOR_MAX_SIZE", "METHODS", "derive_det", "derive_singular", "minor"]

METHODS = ("cofactor", "sarrus", "elimination")
#: Cofactor expansion of an n x n matrix has up to n! terms: refuse beyond this size.
COFACTOR_MAX_SIZE = 6


def _mul(*factors: Any) -> Any:
    from sympy import Mul

    return Mul(*factors, evaluate=False)


def _minus(product: Any) -> Any:
    """``-(product)`` kept as written: the sign apart from the factors (a factor may be -1)."""
    from sympy import Mul

    return Mul(-1, product, evaluate=False)


def _add(*terms: Any) -> Any:
    from sympy import Add, Integer

    if not terms:
        return Integer(0)
    if len(terms) == 1:
        return terms[0]
    return Add(*terms, evaluate=False)


def _simplify(value: Any) -> Any:
    from symbolic_mlmath.text.budget import bounded_expand

    return bounded_expand(value, "matrix") if value.free_symbols else value


def _reference(A: Any):
    def reference() -> Any:
        return exact_det(A)

    return reference


def _det2_steps(A: Any) -> list[Step]:
    from sympy import Determinant

    a, b, c, d = A[0, 0], A[0, 1], A[1, 0], A[1, 1]
    products = _add(_mul(a, d), _minus(_mul(b, c)))
    value = _simplify(a * d - b * c)
    return [
        Step(LinalgRule.DET_2X2, Determinant(A), products, {"ad": a * d, "bc": b * c}),
        Step(Rule.ARITHMETIC, products, value),
    ]


def _sarrus_steps(A: Any) -> list[Step]:
    from sympy import Determinant, Tuple

    a = [[A[i, j] for j in range(3)] for i in range(3)]
    down = [a[0][k] * a[1][(k + 1) % 3] * a[2][(k + 2) % 3] for k in range(3)]
    up = [a[0][k] * a[1][(k - 1) % 3] * a[2][(k - 2) % 3] for k in range(3)]
    down_terms = [_mul(a[0][k], a[1][(k + 1) % 3], a[2][(k + 2) % 3]) for k in range(3)]
    up_terms = [_minus(_mul(a[0][k], a[1][(k - 1) % 3], a[2][(k - 2) % 3])) for k in range(3)]
    expr = _add(*down_terms, *up_terms)
    value = _simplify(sum(down) - sum(up))
    given = {"down": Tuple(*down), "up": Tuple(*up)}
    return [Step(LinalgRule.DET_SARRUS, Determinant(A), expr, given), Step(Rule.ARITHMETIC, expr, value)]


def minor(A: Any, i: int, j: int) -> Any:
    """``A`` without row ``i`` and column ``j`` (0-based).

    Examples
    ========
    >>> from sympy import Matrix
    >>> minor(Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), 0, 1)
    Matrix([
    [4, 6],
    [7, 9]])
    """
    from sympy import ImmutableMatrix

    rows = [r for r in range(A.rows) if r != i]
    cols = [c for c in range(A.cols) if c != j]
    return ImmutableMatrix([[A[r, c] for c in cols] for r in rows])


def _cofactor_steps(A: Any) -> tuple[list[Step], Any]:
    """Steps of det(A) by Laplace expansion, and the value."""
    from sympy import Determinant, Integer, Tuple
    from sympy.core.symbol import Str

    n = A.rows
    if n == 1:
        return [Step(Rule.DEFINITION, Determinant(A), A[0, 0])], A[0, 0]
    if n == 2:
        steps = _det2_steps(A)
        return steps, steps[-1].after
    # expand along the line with most zeros (the first row on ties)
    lines = [("row", i, [A[i, k] for k in range(n)]) for i in range(n)]
    lines += [("column", j, [A[k, j] for k in range(n)]) for j in range(n)]
    along, idx, entries = max(lines, key=lambda t: (sum(1 for e in t[2] if e == 0), -lines.index(t)))
    terms, values, signs, subs, total = [], [], [], [], Integer(0)
    for k, entry in enumerate(entries):
        i, j = (idx, k) if along == "row" else (k, idx)
        sign = Integer((-1) ** (i + j))
        signs.append(sign)
        if entry == 0:
            continue
        M = minor(A, i, j)
        msteps, mvalue = _cofactor_steps(M)
        coeff = _simplify(sign * entry)
        terms.append(_mul(coeff, Determinant(M)))
        values.append(_mul(coeff, mvalue))
        total += coeff * mvalue
        if len(msteps) == 1:
            subs.append(msteps[0])
        else:
            where = {"row": i + 1, "column": j + 1}
            subs.append(Step(msteps[0].rule, Determinant(M), mvalue, where, substeps=msteps))
    expansion = _add(*terms)
    evaluated = _add(*values)
    value = _simplify(total)
    given = {
        "along": Str(along),
        "index": idx + 1,
        "signs": Tuple(*signs),
        "entries": Tuple(*entries),
    }
    steps = [
        Step(LinalgRule.COFACTOR_EXPANSION, Determinant(A), expansion, given),
        Step(Rule.SUBSTITUTE, expansion, evaluated, substeps=subs),
        Step(Rule.ARITHMETIC, evaluated, value),
    ]
    return steps, value


def _elimination_steps(A: Any) -> list[Step]:
    from sympy import Determinant, Mul

    el = eliminate(A, reduced=False, for_det=True)
    steps = list(el.steps)
    U = el.final.to_sympy()
    c = el.backend.to_sympy(el.det_coeff)
    start = steps[-1].after if steps else Determinant(A)
    diag = [U[i, i] for i in range(U.rows)]
    product = _mul(*([c] if c != 1 else []), *diag) if len(diag) > 1 or c != 1 else diag[0]
    b = el.backend
    if b.K.is_QQ or not diag:
        value = _simplify(Mul(c, *diag))
    else:  # multiply in the domain (a fraction field cancels as it goes), not as expressions
        prod = el.det_coeff
        for r, row in enumerate(el.final.rows):
            prod = b.K.mul(prod, b.get(row, r))
        value = _simplify(b.to_sympy(prod)) if b.K.is_Exact else b.to_sympy(prod)
    steps.append(Step(LinalgRule.DET_TRIANGULAR, start, product, {"diagonal": tuple(diag), "sign": c}))
    steps.append(Step(Rule.ARITHMETIC, product, value))
    return steps


def derive_det(M: Any, *, method: str | None = None) -> Derivation:
    """The determinant of a square matrix, by the named method, step by step.

    Methods: ``cofactor`` (Laplace expansion along the line with most zeros, minors
    as substeps; the 2x2 formula at the bottom), ``sarrus`` (3x3 only) and
    ``elimination`` (row operations to triangular form, tracking how each changes
    the determinant). The default is ``cofactor`` up to 3x3, ``elimination`` above.

    Examples
    ========
    >>> from sympy import Matrix, symbols
    >>> derive_det(Matrix([[1, 2], [3, 4]])).result
    -2
    >>> derive_det(Matrix([[2, 1, 5], [1, 2, 1], [2, 1, 3]]), method="elimination").result
    -6
    >>> a = symbols("a")
    >>> derive_det(Matrix([[a, 1], [1, a]])).result
    a**2 - 1
    """
    from sympy import Determinant

    A = as_immutable(M)
    if A.rows != A.cols:
        raise TaskError(f"a determinant needs a square matrix, got {A.rows}x{A.cols}", name="matrix")
    n = A.rows
    if method is None:
        method = "cofactor" if n <= 3 else "elimination"
    from symbolic_mlmath.text.options import parse_choice

    method = parse_choice(method, METHODS, name="method")
    if n == 0:  # the empty product: det of the 0x0 matrix is 1
        from sympy import Integer

        steps = [Step(Rule.DEFINITION, Determinant(A), Integer(1))]
    elif method == "sarrus":
        if n != 3:
            raise TaskError(f"the rule of Sarrus works only for 3x3 matrices, not {n}x{n}", name="method")
        steps = _sarrus_steps(A)
    elif method == "cofactor":
        if n > COFACTOR_MAX_SIZE:
            raise TaskError(
                f"cofactor expansion of a {n}x{n} matrix is too long to show (up to {n}! terms); "
                "use method elimination",
                name="method",
            )
        steps, _ = _cofactor_steps(A)
    else:
        steps = _elimination_steps(A)
    return Derivation(
        f"Determinant ({method})",
        goal=Determinant(A),
        steps=tuple(steps),
        result=steps[-1].after,
        task="det",
        inputs={"matrix": A, "method": method},
        reference=_reference(A),
    )


def derive_singular(M: Any) -> Derivation:
    """Whether a square matrix is singular: its determinant is zero.

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_singular(Matrix([[1, 2], [2, 4]])).result
    True
    """
    from sympy import Eq, false, true

    d = derive_det(M)
    det = d.result
    singular = det == 0
    A = d.inputs["matrix"]
    steps = [*d.steps, Step(LinalgRule.SINGULAR_TEST, det, true if singular else false,
                            {"det": det, "matrix": A})]
    result: Any = bool(singular)
    params = sorted(getattr(det, "free_symbols", set()), key=str)
    if params and not singular:
        # never silently generic: det = k^2 - 4 is zero exactly for k = -2 and k = 2
        from sympy import factor_list

        from symbolic_mlmath.linalg.cases import case_label, cases_step, real_zeros, split_zero

        if len(params) == 1:
            worked = [({params[0]: v}, True) for v in real_zeros(det, params[0])]
            when = [case_label(c) for c, _ in worked]
        else:  # det = (a - b)(a + b): singular when a = b or a = -b; a b - 1 = 0 stays as is
            worked, when = [], []
            for f, _k in factor_list(det)[1]:
                split = split_zero(f, params)
                worked += [(c, True) for c in split if (c, True) not in worked]
                when += [case_label(c) for c in split] or [Eq(f, 0)]
        if worked:
            steps.append(cases_step(false, "singular", A, worked))
        result = {"det": det, "singular_when": when}

    def reference() -> Any:
        if isinstance(result, dict):
            return {**result, "det": exact_det(A)}
        return to_dm(A).to_field().rank() < A.rows

    return Derivation(
        "Singular or not", goal=d.goal, steps=tuple(steps), result=result,
        task="singular", inputs={"matrix": A}, reference=reference,
    )

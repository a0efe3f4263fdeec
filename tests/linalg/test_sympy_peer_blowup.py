"""SymPy's expression-blowup tests (test_matrices.py::test_issue_17247_expression_blowup_*,
test_issue_16823; SymPy 1.14) as a peer suite: symbolic 8x8 and complex-rational matrices
whose literals SymPy asserts (determinants, characteristic polynomial, rref, eigenvalues,
bases, null space, inverse, ranks, diagonalisability). Complex literals are read through
our text door exactly as SymPy's ``S('...')`` would give them.
"""

from __future__ import annotations

import pytest
from sympy import I, Matrix, expand, symbols

import symbolic_mlmath as sm
from symbolic_mlmath.text import parse_matrix

x = symbols("x")
M8 = Matrix(8, 8, [x + i for i in range(64)])
C6 = Matrix(6, 6, lambda i, j: 1 + (-1) ** (i + j) * I)
W8 = Matrix(8, 8, ([1 + x, 1 - x] * 4 + [1 - x, 1 + x] * 4) * 4)
B4 = parse_matrix("[[-3/4, 45/32 - 37*I/16, 0, 0],"
                  " [-149/64 + 49*I/32, -177/128 - 1369*I/128, 0, -2063/256 + 541*I/128],"
                  " [0, 9/4 + 55*I/16, 2473/256 + 137*I/64, 0],"
                  " [0, 0, 0, -177/128 - 1369*I/128]]")


@pytest.mark.parametrize(("name", "M"), [("blowup_6/8", M8), ("blowup_7", C6)])
def test_singular_blowup_determinants(name, M) -> None:
    d = sm.solve("det", matrix=M, method="elimination")
    assert expand(d.result) == 0


def test_blowup_5_charpoly() -> None:
    d = sm.solve("charpoly", matrix=C6)
    (lam,) = d.variables
    assert expand(d.result - (lam**6 + (-6 - 6 * I) * lam**5 + 36 * I * lam**4)) == 0


def test_blowup_9_rref() -> None:
    want = Matrix(8, 8, [0] * 64)
    want[0, :] = Matrix([[1, 0, -1, -2, -3, -4, -5, -6]])
    want[1, :] = Matrix([[0, 1, 2, 3, 4, 5, 6, 7]])
    assert sm.solve("rref", matrix=M8).result == want


def test_blowup_12_eigenvalues() -> None:
    d = sm.solve("eigenvalues", matrix=C6)
    assert sorted(d.result, key=str) == sorted([6, 6 * I, 0, 0, 0, 0], key=str)


def test_blowup_14_echelon_form_is_accepted() -> None:
    row1 = [x + 1, 1 - x] * 4
    row2 = [0, 4 * x] * 4
    E = Matrix([row1, row2, *[[0] * 8] * 6])
    assert sm.check("ref", answer=str(E.tolist()), matrix=W8).correct is True


def test_blowup_15_16_bases_are_accepted() -> None:
    rows = str(W8.tolist())
    cols = str(W8.T.tolist())
    rowspace = [[x + 1, 1 - x] * 4, [0, 4 * x] * 4]
    colspace = [[x + 1, 1 - x] * 4, [1 - x, x + 1] * 4]
    assert sm.check("basis_span", answer=str(rowspace), vectors=rows).correct is True
    assert sm.check("basis_span", answer=str(colspace), vectors=cols).correct is True


def test_blowup_17_nullspace() -> None:
    basis = [[q, -q - 1] + [0] * 6 for q in range(1, 7)]
    for q in range(6):
        basis[q][q + 2] = 1
    params = "pqrstu"
    answer = "[0,0,0,0,0,0,0,0] + " + " + ".join(f"{p}{v}" for p, v in zip(params, basis,
                                                                              strict=True))
    v = sm.check("solve_system", answer=answer, A=M8, b=Matrix.zeros(8, 1))
    assert v.correct is True, v.feedback


def test_blowup_19_not_diagonalizable() -> None:
    M = parse_matrix("[[-3/4, 0, 1/4 + I/2, 0], [0, -177/128 - 1369*I/128, 0, "
                     "-2063/256 + 541*I/128], [1/2 - I, 0, 0, 0], [0, 0, 0, -177/128 - 1369*I/128]]")
    assert sm.solve("diagonalize", matrix=M).result["diagonalizable"] is False


def test_blowup_21_inverse() -> None:
    want = parse_matrix(
        "[[-26194832/3470993 - 31733264*I/3470993, 156352/3470993 + 10325632*I/3470993, 0,"
        " -7741283181072/3306971225785 + 2999007604624*I/3306971225785],"
        " [4408224/3470993 - 9675328*I/3470993, -2422272/3470993 + 1523712*I/3470993, 0,"
        " -1824666489984/3306971225785 - 1401091949952*I/3306971225785],"
        " [-26406945676288/22270005630769 + 10245925485056*I/22270005630769,"
        " 7453523312640/22270005630769 + 1601616519168*I/22270005630769,"
        " 633088/6416033 - 140288*I/6416033,"
        " 872209227109521408/21217636514687010905 + 6066405081802389504*I/21217636514687010905],"
        " [0, 0, 0, -11328/952745 + 87616*I/952745]]")
    d = sm.solve("inverse", matrix=B4)
    assert (d.result - want).applyfunc(expand) == Matrix.zeros(4, 4)


def test_blowup_13_double_zero_eigenvalue_has_one_eigenvector() -> None:
    M = Matrix([[0, 1 - x, x + 1, 1 - x], [1 - x, x + 1, 0, x + 1], [0, 1 - x, x + 1, 1 - x],
                [0, 0, 1 - x, 0]])
    d = sm.solve("eigenvectors", matrix=M)
    zero = next(e for e in d.result if e["eigenvalue"] == 0)
    assert zero["multiplicity"] == 2 and len(zero["vectors"]) == 1
    v = zero["vectors"][0]
    assert Matrix.hstack(v, Matrix([0, -1, 0, 1])).rank() == 1

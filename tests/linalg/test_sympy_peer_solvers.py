"""SymPy's solver and subspace tests as a peer suite (sympy/matrices/tests/test_solvers.py,
test_subspaces.py, test_matrices.py::test_inverse; SymPy 1.14).

Every reference is what SymPy's test asserts: a literal solution (its ``b`` built there as
``A*x`` from the literal ``x``), a parametrised family written with SymPy's own ``tau``
parameters, "no solution" where SymPy raises, a basis SymPy returns, or an asserted property
(``A*Ainv == eye(3)``, ``simplify(A*x) == b``). Our checker must accept SymPy's answer and
each derivation must validate.
"""

from __future__ import annotations

import pytest
from sympy import I, Matrix, Rational, eye, simplify, symbols

import symbolic_mlmath as sm

R = Rational


def _text(M: Matrix) -> str:
    return str(M.tolist()).replace("I", "i") if M.cols > 1 else str(list(M)).replace("I", "i")


UNIQUE = [  # (id, A, x): SymPy builds b = A*x and asserts the solver returns x
    ("LUsolve-3x3", Matrix([[2, 3, 5], [3, 6, 2], [8, 3, 6]]), Matrix([3, 7, 5])),
    ("LUsolve-3x3-zero-pivot", Matrix([[0, -1, 2], [5, 10, 7], [8, 3, 4]]), Matrix([-1, 2, 5])),
    ("LUsolve-14548", Matrix([[2, 1], [1, 0], [1, 0]]), Matrix([1, 1])),
    ("LUsolve-tall-6x3", Matrix([[0, -1, 2], [5, 10, 7], [8, 3, 4], [2, 3, 5], [3, 6, 2],
                                 [8, 3, 6]]), Matrix([2, 1, -4])),
    ("QRsolve-2cols", Matrix([[2, 3, 5], [3, 6, 2], [8, 3, 6]]), Matrix([[1, 2], [3, 4], [5, 6]])),
    ("QRsolve-2cols-b", Matrix([[0, -1, 2], [5, 10, 7], [8, 3, 4]]),
     Matrix([[7, 8], [9, 10], [11, 12]])),
    ("cholesky-[1,5;5,1]", Matrix([[1, 5], [5, 1]]), Matrix([4, -3])),
    ("cholesky-hermitian", Matrix([[9, 3 * I], [-3 * I, 5]]), Matrix([-2, 1])),
    ("cholesky-complex", Matrix([[9 * I, 3], [-3 + I, 5]]), Matrix([2 + 3 * I, -1])),
    ("gj-tall-unique", Matrix([[1, 5, 3], [2, 1, 6], [1, 7, 9], [1, 4, 3]]),
     Matrix([R(-1, 2), 0, R(1, 6)])),
    ("gj-immutable-eye", eye(2), Matrix([1, 2])),
]


@pytest.mark.parametrize(("name", "A", "x"), UNIQUE, ids=[u[0] for u in UNIQUE])
def test_unique_solutions(name, A, x) -> None:
    b = (A * x).expand()
    answer = _text(x) if x.cols > 1 else ", ".join(f"x{k + 1} = {v}" for k, v in
                                                   enumerate(x)).replace("I", "i")
    v = sm.check("solve_system", answer=answer, A=A, b=b)
    assert v.correct is True, v.feedback
    d = sm.solve("solve_system", A=A, b=b)
    d.validate()


FAMILIES = [  # test_gauss_jordan_solve: SymPy's parametrised solutions (tau0, tau1, ...)
    ("gj-tall-reduced", "[[1,5,3],[2,10,6],[3,15,9],[1,4,3]]", "[0,0,0,1]",
     "x1 = -3tau0 + 5, x2 = -1, x3 = tau0"),
    ("gj-wide-full", "[[1,2,3,4],[5,6,7,8],[9,10,1,12]]", "[1,1,1]",
     "x1 = 2tau0 - 1, x2 = -3tau0 + 1, x3 = 0, x4 = tau0"),
    ("gj-wide-reduced", "[[1,2,3,4],[5,6,7,8],[2,4,6,8]]", "[0,1,0]",
     "x1 = tau0 + 2tau1 + 1/2, x2 = -2tau0 - 3tau1 - 1/4, x3 = tau0, x4 = tau1"),
    ("gj-free-placement", "[[1,0,0,0],[0,0,0,1]]", "[1,1]",
     "x1 = 1, x2 = tau0, x3 = tau1, x4 = 1"),
    ("gj-clashing-symbols", "[[0,1,0,0,0],[0,0,0,1,0]]", "[0,tau1]",  # SymPy's _tau0.. renamed
     "x1 = p, x2 = 0, x3 = q, x4 = tau1, x5 = r"),
    ("linsolve-20046", "[[1,1,1,1,1,1,1,1],[0,-1,0,-1,0,-1,0,-1],[0,0,0,0,1,1,1,1]]",
     "[1,-j,f]",
     "x1 = -f - j - tau0 + tau2 + tau4 + 1, x2 = j - tau1 - tau2 - tau4, x3 = tau0, "
     "x4 = tau1, x5 = f - tau2 - tau3 - tau4, x6 = tau2, x7 = tau3, x8 = tau4"),
]


@pytest.mark.parametrize(("name", "A", "b", "answer"), FAMILIES, ids=[f[0] for f in FAMILIES])
def test_parametrised_families(name, A, b, answer) -> None:
    v = sm.check("solve_system", answer=answer, A=A, b=b)
    assert v.correct is True, v.feedback
    sm.solve("solve_system", A=A, b=b).validate()


NONE = [  # SymPy raises ValueError("Linear system has no solution")
    ("gj-square-reduced-none", "[[1,2,3],[2,4,6],[3,6,9]]", "[0,0,1]"),
    ("gj-tall-full-none", "[[1,5,3],[2,1,6],[1,7,9],[1,4,3]]", "[0,0,0,1]"),
    ("gj-tall-reduced-none", "[[1,5,3],[2,10,6],[3,15,9],[1,4,3]]", "[0,0,1,1]"),
    ("gj-wide-reduced-none", "[[1,2,3,4],[5,6,7,8],[2,4,6,8]]", "[1,1,1]"),
    ("LUsolve-14548-inconsistent", "[[2,1],[1,0],[1,0]]", "[3,1,2]"),
]


@pytest.mark.parametrize(("name", "A", "b"), NONE, ids=[n[0] for n in NONE])
def test_no_solution(name, A, b) -> None:
    assert sm.check("solve_system", answer="no solution", A=A, b=b).correct is True
    d = sm.solve("solve_system", A=A, b=b)
    assert d.result == {}
    d.validate()
    assert sm.solve("classify_system", A=A, b=b).result == "none"


def test_symbolic_system_solution_satisfies_A_x_equals_b() -> None:  # test_cholesky_solve
    a00, a01, a11, b0, b1 = symbols("a00 a01 a11 b0 b1")
    A, b = Matrix([[a00, a01], [a01, a11]]), Matrix([b0, b1])
    d = sm.solve("solve_system", A=A, b=b)
    x = Matrix([d.result[v] for v in d.variables])
    assert simplify(A * x - b) == Matrix([0, 0])


M4x5 = Matrix([[1, 2, 0, 2, 5], [-2, -5, 1, -1, -8], [0, -3, 3, 4, 1], [3, 6, 0, -7, 2]])


def test_columnspace_basis_is_accepted() -> None:  # test_columnspace_one/second
    cols = [list(M4x5.col(q)) for q in range(M4x5.cols)]
    basis = "[[1, -2, 0, 3], [2, -5, -3, 6], [2, -1, 4, -7]]"
    assert sm.check("basis_span", answer=basis, vectors=str(cols)).correct is True
    assert sm.check("basis_span", answer="3", vectors=str(cols)).correct is True
    assert sm.solve("rank", matrix=M4x5).result == 3  # M.rank() == len(basis)


def test_rowspace_basis_is_accepted() -> None:  # test_rowspace
    basis = "[[1, 2, 0, 2, 5], [0, -1, 1, 3, 2], [0, 0, 0, 5, 5]]"
    rows = str(M4x5.tolist())
    assert sm.check("basis_span", answer=basis, vectors=rows).correct is True
    assert sm.check("independent", answer="no", vectors=rows).correct is True


@pytest.mark.parametrize(("name", "M", "answer"), [
    ("nullspace-one", M4x5, "[0,0,0,0,0] + s[-2, 1, 1, 0, 0] + t[-1, -1, 0, -1, 1]"),
    ("nullspace-second", Matrix([[1, 3, 0, 2, 6, 3, 1], [-2, -6, 0, -2, -8, 3, 1],
                                 [3, 9, 0, 0, 6, 6, 2], [-1, -3, 0, 1, 0, 9, 3]]),
     "[0,0,0,0,0,0,0] + p[-3, 1, 0, 0, 0, 0, 0] + q[0, 0, 1, 0, 0, 0, 0] "
     "+ r[-2, 0, 0, -2, 1, 0, 0] + s[0, 0, 0, 0, 0, -1/3, 1]"),
])
def test_nullspace_as_the_homogeneous_solution_set(name, M, answer) -> None:
    b = Matrix.zeros(M.rows, 1)
    v = sm.check("solve_system", answer=answer, A=M, b=b)
    assert v.correct is True, v.feedback
    sm.solve("solve_system", A=M, b=b).validate()


@pytest.mark.parametrize(("M", "value"), [  # test_nullspace_second: rref literals
    (Matrix([[5, 7, 2, 1], [1, 6, 2, -1]]),
     Matrix([[1, 0, R(-2, 23), R(13, 23)], [0, 1, R(8, 23), R(-6, 23)]])),
    (Matrix([[1, 3, 0, 2, 6, 3, 1], [-2, -6, 0, -2, -8, 3, 1], [3, 9, 0, 0, 6, 6, 2],
             [-1, -3, 0, 1, 0, 9, 3]]),
     Matrix([[1, 3, 0, 0, 2, 0, 0], [0, 0, 0, 1, 2, 0, 0], [0, 0, 0, 0, 0, 1, R(1, 3)],
             [0, 0, 0, 0, 0, 0, 0]])),
])
def test_rref_literals_of_the_nullspace_tests(M, value) -> None:
    d = sm.solve("rref", matrix=M)
    assert d.result == value
    d.validate()
    assert sm.check("rref", answer=_text(value), matrix=M).correct is True


def test_inverse_as_sympy_asserts() -> None:  # test_matrices.py::test_inverse
    d = sm.solve("inverse", matrix=eye(4))
    assert d.result == eye(4)
    A = Matrix([[2, 3, 5], [3, 6, 2], [8, 3, 6]])
    d = sm.solve("inverse", matrix=A)
    assert A * d.result == eye(3)  # SymPy asserts A*Ainv == eye(3)
    d.validate()

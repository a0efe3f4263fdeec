"""SymPy's own matrix tests as a peer suite (sympy/matrices/tests, SymPy 1.14).

Every literal below is what SymPy's test suite asserts (the test is named in each case id);
our engines must agree wherever the task contract can express the question: determinants by
every method, characteristic polynomials (ours is det(A - λI) = (-1)^n det(λI - A)),
eigenvalues as a multiset, eigenvectors and diagonalisations judged by our checker on
SymPy's own answers, ranks, reduced row echelon forms and solutions of systems. Each
derivation also validates (its steps and SymPy's reference agree).
"""

from __future__ import annotations

import pytest
from sympy import (
    Abs,
    I,
    Matrix,
    Rational,
    S,
    eye,
    simplify,
    sqrt,
    symbols,
    zeros,
)

import symbolic_mlmath as sm

x, y, z, a, b, c, t = symbols("x y z a b c t")
i, j, k, l, m, n = symbols("i j k l m n")
eps = symbols("eps", real=True)
R = Rational

DET = [  # test_determinant.py: test_determinant / test_det
    ("det[-3,2;8,-5]", Matrix([[-3, 2], [8, -5]]), -1),
    ("det[x,1;y,2y]", Matrix([[x, 1], [y, 2 * y]]), 2 * x * y - y),
    ("det[1,1,1;1,2,3;1,3,6]", Matrix([[1, 1, 1], [1, 2, 3], [1, 3, 6]]), 1),
    ("det4-289", Matrix([[3, -2, 0, 5], [-2, 1, -2, 2], [0, -2, 5, 0], [5, 0, 3, 4]]), -289),
    ("det4-0", Matrix(4, 4, range(1, 17)), 0),
    ("det5-275", Matrix([[3, 2, 0, 0, 0], [0, 3, 2, 0, 0], [0, 0, 3, 2, 0], [0, 0, 0, 3, 2],
                         [2, 0, 0, 0, 3]]), 275),
    ("det4-60", Matrix([[3, 0, 0, 0], [-2, 1, 0, 0], [0, -2, 5, 0], [5, 0, 3, 4]]), 60),
    ("det4-zero-col", Matrix([[1, 0, 0, 0], [5, 0, 0, 0], [9, 10, 11, 0], [13, 14, 15, 16]]), 0),
    ("det5-243", Matrix([[3, 2, 0, 0, 0], [0, 3, 2, 0, 0], [0, 0, 3, 2, 0], [0, 0, 0, 3, 2],
                         [0, 0, 0, 0, 3]]), 243),
    ("det5--55", Matrix([[1, 0, 1, 2, 12], [2, 0, 1, 1, 4], [2, 1, 1, -1, 3],
                         [3, 2, -1, 1, 8], [1, 1, 1, 0, 6]]), -55),
    ("det5-11664", Matrix([[-5, 2, 3, 4, 5], [1, -4, 3, 4, 5], [1, 2, -3, 4, 5],
                           [1, 2, 3, -2, 5], [1, 2, 3, 4, -1]]), 11664),
    ("det5-123", Matrix([[2, 7, -1, 3, 2], [0, 0, 1, 0, 1], [-2, 0, 7, 0, 2],
                         [-3, -2, 4, 5, 3], [1, 0, 0, 0, 1]]), 123),
    ("det[x,y,z;1,0,0;y,z,x]", Matrix([[x, y, z], [1, 0, 0], [y, z, x]]), z**2 - x * y),
    ("det-0x0", Matrix(0, 0, []), 1),
    ("det[5]", Matrix([[5]]), 5),
    ("det[1,2;3,4]", Matrix([[1, 2], [3, 4]]), -2),
    ("det3-3", Matrix(3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 8]), 3),
    ("det4-4x-24", Matrix(4, 4, [x, 1, 2, 3, 4, 5, 6, 7, 2, 9, 10, 11, 12, 13, 14, 14]),
     4 * x - 24),
    ("det-upper-ijk", Matrix(3, 3, [i, l, m, 0, j, n, 0, 0, k]), i * j * k),
    ("det-lower-ijk", Matrix(3, 3, [i, 0, 0, l, j, 0, m, n, k]), i * j * k),
    ("det-x^3,1/x,x^-2", Matrix(3, 3, [x**3, 0, 0, i, x**-1, 0, j, k, x**-2]), 1),
    ("det-zeros", zeros(2), 0),
    ("det-eye", eye(2), 1),
]


def _methods(M: Matrix) -> list[str]:
    n = M.rows
    out = ["elimination"] if n > 0 else ["cofactor"]
    if 0 < n <= 6:
        out.append("cofactor")
    if n == 3:
        out.append("sarrus")
    return out


@pytest.mark.parametrize(("name", "M", "value"), DET, ids=[d[0] for d in DET])
def test_determinants(name, M, value) -> None:
    for method in _methods(M):
        d = sm.solve("det", matrix=M, method=method)
        assert simplify(d.result - value) == 0, (method, d.result)
        if M.rows:
            d.validate()


lam = symbols("lambda")
CHARPOLY = [  # test_determinant.py: test_charpoly (SymPy's is det(xI - A))
    ("charpoly-eye3", eye(3), (lam - 1) ** 3),
    ("charpoly-1..9", Matrix(3, 3, range(1, 10)), lam**3 - 15 * lam**2 - 18 * lam),
    ("charpoly-zero4", zeros(4), lam**4),
    ("charpoly-diag", Matrix(4, 4, [45, 0, 0, 0, 0, 23, 0, 0, 0, 0, 87, 0, 0, 0, 0, 12]),
     lam**4 - 167 * lam**3 + 8811 * lam**2 - 173457 * lam + 1080540),
    ("charpoly-lower-xyz", Matrix(3, 3, [x, 0, 0, a, y, 0, b, c, z]),
     lam**3 - (x + y + z) * lam**2 + lam * (x * y + y * z + x * z) - x * y * z),
]


@pytest.mark.parametrize(("name", "M", "theirs"), CHARPOLY, ids=[c[0] for c in CHARPOLY])
def test_characteristic_polynomials(name, M, theirs) -> None:
    d = sm.solve("charpoly", matrix=M)
    (v,) = d.variables
    assert (d.result - (-1) ** M.rows * theirs.subs(lam, v)).expand() == 0
    d.validate()
    assert sm.check("charpoly", answer=str(((-1) ** M.rows * theirs).expand()),
                    matrix=M).correct


EIGENVALUES = [  # test_eigen.py
    ("eigen-eye3", eye(3), [1, 1, 1]),
    ("eigen-3x3", Matrix([[0, 1, 1], [1, 0, 0], [1, 1, 1]]), [2, -1, 0]),
    ("eigen-[a,0;0,1]", Matrix([[a, 0], [0, 1]]), [a, 1]),
    ("eigen-defective", Matrix([[1, -1], [1, 3]]), [2, 2]),
    ("eigen-sqrt73", Matrix([[R(1, 4), 1], [1, 1]]), [R(5, 8) - sqrt(73) / 8,
                                                       R(5, 8) + sqrt(73) / 8]),
    ("eigen-8240", Matrix([[x, 0, 0], [1, y, 0], [2, 3, x]]), [x, x, y]),
    ("eigen-rotation", Matrix([[0, -1], [1, 0]]), [-I, I]),
    ("eigen-eps", Matrix([[Abs(eps), I * eps], [-I * eps, Abs(eps)]]), [0, 2 * Abs(eps)]),
    ("eigen-blowup13", Matrix([[0, 1 - x, x + 1, 1 - x], [1 - x, x + 1, 0, x + 1],
                               [0, 1 - x, x + 1, 1 - x], [0, 0, 1 - x, 0]]),
     [0, 0, x - sqrt(2) * (x - 1) + 1, x + sqrt(2) * (x - 1) + 1]),
]


def _same_multiset(ours: list, theirs: list) -> bool:
    """Equal as multisets: term by term, or else at sample values of the symbols (|eps| ± eps
    and 0, 2|eps| are the same pair for every real eps, in an order that depends on its sign)."""
    rest = list(theirs)
    for e in ours:
        hit = next((q for q, g in enumerate(rest) if simplify(e - g) == 0), None)
        if hit is None:
            break
        del rest[hit]
    else:
        return not rest
    syms = set().union(*(getattr(v, "free_symbols", set()) for v in [*ours, *theirs]))
    for point in (R(3, 7), R(-5, 3), R(11, 2)):
        sub = dict.fromkeys(syms, point)
        mine = sorted(complex(v.xreplace(sub)).__repr__() for v in ours)
        other = sorted(complex(v.xreplace(sub)).__repr__() for v in theirs)
        if mine != other:
            return False
    return True


@pytest.mark.parametrize(("name", "M", "theirs"), EIGENVALUES,
                         ids=[e[0] for e in EIGENVALUES])
def test_eigenvalues(name, M, theirs) -> None:
    d = sm.solve("eigenvalues", matrix=M)
    assert _same_multiset(list(d.result), theirs), d.result
    d.validate()


EIGENVECTORS = [  # (name, matrix, SymPy's eigenvectors, asserted in test_eigen/test_matrices)
    ("evec-3x3", Matrix([[0, 1, 1], [1, 0, 0], [1, 1, 1]]),
     [Matrix([-1, 1, 0]), Matrix([0, -1, 1]), Matrix([R(2, 3), R(1, 3), 1])]),
    ("evec-defective", Matrix([[1, -1], [1, 3]]), [Matrix([-1, 1])]),
    ("evec-sqrt73", Matrix([[R(1, 4), 1], [1, 1]]),
     [Matrix([-sqrt(73) / 8 - R(3, 8), 1]), Matrix([R(-3, 8) + sqrt(73) / 8, 1])]),
    ("evec-eye3", eye(3), [Matrix([1, 0, 0]), Matrix([0, 1, 0]), Matrix([0, 0, 1])]),
    ("evec-eps", Matrix([[Abs(eps), I * eps], [-I * eps, Abs(eps)]]),
     [Matrix([-I * eps / Abs(eps), 1]), Matrix([I * eps / Abs(eps), 1])]),
    ("evec-dft3", Matrix([[1, 1, 1], [1, -R(1, 2) - sqrt(3) * I / 2, -R(1, 2) + sqrt(3) * I / 2],
                          [1, -R(1, 2) + sqrt(3) * I / 2, -R(1, 2) - sqrt(3) * I / 2]])
     / sqrt(3), [Matrix([1 - sqrt(3), 1, 1]), Matrix([1 + sqrt(3), 1, 1]),
                 Matrix([0, -1, 1])]),
]


@pytest.mark.parametrize(("name", "M", "vectors"), EIGENVECTORS,
                         ids=[e[0] for e in EIGENVECTORS])
def test_sympys_eigenvectors_are_accepted(name, M, vectors) -> None:
    answer = {str(q): v for q, v in enumerate(vectors)}
    v = sm.check("eigenvectors", answer=answer, matrix=M)
    assert v.correct is True, v.feedback
    d = sm.solve("eigenvectors", matrix=M)
    assert sum(len(e["vectors"]) for e in d.result) == len(vectors)


DIAGONALIZE = [  # (name, matrix, SymPy's P, D or None when SymPy says not diagonalizable)
    ("diag-rotation", Matrix([[0, -1], [1, 0]])),
    ("diag-sym-acb", Matrix([[a, c], [c, b]])),
    ("diag-shear", Matrix([[1, 1], [0, 1]])),
    ("diag-19210", -I * Matrix([[3, 0, 0, 0], [0, 1, 2, 0], [0, 2, 2, 0], [0, 0, 0, 4]]) * t),
    ("diag-blowup20", Matrix([[x + 1, 1 - x, 0, 0], [1 - x, x + 1, 0, x + 1],
                              [0, 1 - x, x + 1, 0], [0, 0, 0, x + 1]])),
]


@pytest.mark.parametrize(("name", "M"), DIAGONALIZE, ids=[d[0] for d in DIAGONALIZE])
def test_sympys_diagonalisations_are_accepted(name, M) -> None:
    ours = sm.solve("diagonalize", matrix=M).result
    if not M.is_diagonalizable():
        assert ours.get("diagonalizable") is False
        assert sm.check("diagonalize", answer="not diagonalizable", matrix=M).correct
        return
    assert ours.get("diagonalizable", True) is not False
    P, D = M.diagonalize()
    v = sm.check("diagonalize", answer={"P": P, "D": D}, matrix=M)
    assert v.correct is True, v.feedback


RANK = [  # test_reductions.py: test_rank; test_matrices.py: test_opportunistic_simplification
    ("rank-x", Matrix([[1, 2], [x, 1 - 1 / x]]), 2),
    ("rank-1..9", Matrix(3, 3, range(1, 10)), 2),
    ("rank-zeros", zeros(3), 0),
    ("rank-9480", Matrix([[-5 + 5 * sqrt(2), -5], [-5 * sqrt(2) / 2 + 5, -5 * sqrt(2) / 2]]), 1),
    ("rank-11434", Matrix([[a, b, a * t, b * t, 0], [c, x, c * t, x * t, 0],
                           [y, z, y * t, z * t, 1], [i, j, i * t, j * t, 1],
                           [k, l, 2 * k * m - k * t, 2 * l * m - l * t, 0]]), 4),
]


@pytest.mark.parametrize(("name", "M", "value"), RANK, ids=[r[0] for r in RANK])
def test_ranks(name, M, value) -> None:
    d = sm.solve("rank", matrix=M)
    assert d.result == value
    d.validate()


RREF = [  # test_reductions.py: test_rref; test_matrices.py: 10781, 18531
    ("rref-col", Matrix(3, 1, [1, 2, 3]), Matrix([[1], [0], [0]])),
    ("rref-row", Matrix(1, 3, [1, 2, 3]), Matrix([[1, 2, 3]])),
    ("rref-1..9", Matrix(3, 3, range(1, 10)), Matrix([[1, 0, -1], [0, 1, 2], [0, 0, 0]])),
    ("rref-repeated-row", Matrix(3, 3, [1, 2, 3, 1, 2, 3, 1, 2, 3]),
     Matrix(3, 3, [1, 2, 3, 0, 0, 0, 0, 0, 0])),
    ("rref-zero-rows-first", Matrix(3, 3, [0, 0, 0, 0, 0, 0, 1, 2, 3]),
     Matrix(3, 3, [1, 2, 3, 0, 0, 0, 0, 0, 0])),
    ("rref-eye", eye(3), eye(3)),
    ("rref-zeros", zeros(3), zeros(3)),
    ("rref-4x7", Matrix([[0, 0, 1, 2, 2, -5, 3], [-1, 5, 2, 2, 1, -7, 5],
                         [0, 0, -2, -3, -3, 8, -5], [-1, 5, 0, -1, -2, 1, 0]]),
     Matrix([[1, -5, 0, 0, 1, 1, -1], [0, 0, 1, 0, 0, -1, 1], [0, 0, 0, 1, 1, -2, 1],
             [0, 0, 0, 0, 0, 0, 0]])),
    ("rref-1/19", Matrix([[R(1, 19), R(1, 5), 2, 3], [4, 5, 6, 7], [8, 9, 10, 11],
                          [12, 13, 14, 15]]),
     Matrix([[1, 0, 0, R(-76, 157)], [0, 1, 0, R(-5, 157)], [0, 0, 1, R(238, 157)],
             [0, 0, 0, 0]])),
    ("rref-sqrt-x", Matrix(2, 3, [x, 1, 1, sqrt(x), x, 1]),
     Matrix([[1, 0, sqrt(x) * (-x + 1) / (-x**R(5, 2) + x)], [0, 1, 1 / (sqrt(x) + x + 1)]])),
    ("rref-10781", Matrix([[3 + 3 * sqrt(3) * I, -9], [4, -3 + 3 * sqrt(3) * I]]),
     Matrix([[1, -9 / (3 + 3 * sqrt(3) * I)], [0, 0]])),
    ("rref-18531", Matrix([
        [1, 1, 1, 1, 1, 0, 1, 0, 0],
        [1 + sqrt(2), -1 + sqrt(2), 1 - sqrt(2), -sqrt(2) - 1, 1, 1, -1, 1, 1],
        [-5 + 2 * sqrt(2), -5 - 2 * sqrt(2), -5 - 2 * sqrt(2), -5 + 2 * sqrt(2), -7, 2, -7,
         -2, 0],
        [-3 * sqrt(2) - 1, 1 - 3 * sqrt(2), -1 + 3 * sqrt(2), 1 + 3 * sqrt(2), -7, -5, 7, -5,
         3],
        [7 - 4 * sqrt(2), 4 * sqrt(2) + 7, 4 * sqrt(2) + 7, 7 - 4 * sqrt(2), 7, -12, 7, 12, 0],
        [-1 + 3 * sqrt(2), 1 + 3 * sqrt(2), -3 * sqrt(2) - 1, 1 - 3 * sqrt(2), 7, -5, -7, -5,
         3],
        [-3 + 2 * sqrt(2), -3 - 2 * sqrt(2), -3 - 2 * sqrt(2), -3 + 2 * sqrt(2), -1, 2, -1, -2,
         0],
        [1 - sqrt(2), -sqrt(2) - 1, 1 + sqrt(2), -1 + sqrt(2), -1, 1, 1, 1, 1]]),
     Matrix([[1, 0, 0, 0, 0, 0, 0, 0, S(1) / 2], [0, 1, 0, 0, 0, 0, 0, 0, -S(1) / 2],
             [0, 0, 1, 0, 0, 0, 0, 0, S(1) / 2], [0, 0, 0, 1, 0, 0, 0, 0, -S(1) / 2],
             [0, 0, 0, 0, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 1, 0, 0, -S(1) / 2],
             [0, 0, 0, 0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 0, 0, 0, 1, -S(1) / 2]])),
]


@pytest.mark.parametrize(("name", "M", "value"), RREF, ids=[r[0] for r in RREF])
def test_reduced_row_echelon_forms(name, M, value) -> None:
    d = sm.solve("rref", matrix=M)
    assert (d.result - value).applyfunc(simplify) == zeros(*value.shape), d.result
    if not M.free_symbols:
        d.validate()


SYSTEMS = [  # test_solvers.py: test_gauss_jordan_solve (SymPy's free parameters tau0, tau1)
    ("gj-unique", "[[1,2,3],[4,5,6],[7,8,10]]", "[3,6,9]", "x1 = -1, x2 = 2, x3 = 0"),
    ("gj-one-param", "[[1,2,3],[4,5,6],[7,8,9]]", "[3,6,9]",
     "x1 = tau0 - 1, x2 = -2tau0 + 2, x3 = tau0"),
    ("gj-two-params", "[[1,2,3],[2,4,6],[3,6,9]]", "[0,0,0]",
     "x1 = -2tau0 - 3tau1, x2 = tau0, x3 = tau1"),
    ("gj-zero", "[[0,0,0],[0,0,0],[0,0,0]]", "[0,0,0]", "x1 = tau0, x2 = tau1, x3 = tau2"),
    ("gj-inconsistent", "[[1,2,3],[4,5,6],[7,8,9]]", "[3,6,10]", "no solution"),
    ("gj-rhs-symbol", "[[0,1]]", "[c]", "x1 = tau0, x2 = c"),
]


@pytest.mark.parametrize(("name", "A", "b", "answer"), SYSTEMS, ids=[s[0] for s in SYSTEMS])
def test_systems(name, A, b, answer) -> None:
    v = sm.check("solve_system", answer=answer, A=A, b=b)
    assert v.correct is True, v.feedback
    sm.solve("solve_system", A=A, b=b).validate()


def _issue_25282() -> Matrix:
    dd = sd = [0] * 11 + [1]
    ds = [2, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0]
    ss = ds.copy()
    ss[8] = 2
    rows = [ss[q:] + ss[:q] + sd[q:] + sd[:q] for q in range(12)]
    rows += [ds[q:] + ds[:q] + dd[q:] + dd[:q] for q in range(12)]
    return Matrix(rows)


@pytest.mark.parametrize(("name", "M", "count"), [
    ("eigenvals-crootof5", Matrix([[3, 0, 0, 0, -3], [0, -3, -3, 0, 3], [0, 3, 0, 3, 0],
                                   [0, 0, 3, 0, 3], [3, 0, 0, 3, 0]]), 5),  # test_eigenvals
    ("eigenvects-20582", Matrix([[5, -5, -3, 2, -7], [-2, -5, 0, 2, 1], [-2, -7, -5, -2, -6],
                                 [7, 10, 3, 9, -2], [4, -10, 3, -8, -4]]), 5),
    ("eigenvals-25282", _issue_25282(), 24),  # sum of multiplicities is 24
])
def test_eigenvalues_past_radicals(name, M, count) -> None:
    d = sm.solve("eigenvalues", matrix=M)
    assert len(d.result) == count
    d.validate()
    if M.rows <= 5:
        e = sm.solve("eigenvectors", matrix=M)
        assert sum(len(x["vectors"]) for x in e.result) == count


def test_several_right_hand_sides_as_sympy() -> None:  # test_gauss_jordan_solve
    B = "[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]"
    assert sm.check("solve_system", answer=B, A="[[1,0,0],[0,1,0],[0,0,1]]", b=B).correct
    sm.solve("solve_system", A="[[1,0,0],[0,1,0],[0,0,1]]", b=B).validate()


GJ_MANY = [  # test_solvers.py: test_gauss_jordan_solve, B with several columns
    ("gj-2cols-params", "[[1,2,3],[4,5,6],[7,8,9]]", "[[3,4],[6,8],[9,12]]",
     "[[tau0 - 1, tau1 - 4/3], [-2tau0 + 2, -2tau1 + 8/3], [tau0, tau1]]"),
    ("gj-tall-2cols", "[[1,5,3],[2,1,6],[1,7,9],[1,4,3]]", "[[0,0],[0,0],[1,2],[0,0]]",
     "[[-1/2, -2/2], [0, 0], [1/6, 2/6]]"),
    ("gj-tall-2nd-none", "[[1,5,3],[2,1,6],[1,7,9],[1,4,3]]", "[[0,0],[0,0],[1,0],[0,1]]",
     "no solution"),
    ("gj-tall-1st-none", "[[1,5,3],[2,1,6],[1,7,9],[1,4,3]]", "[[0,0],[0,0],[0,1],[1,0]]",
     "no solution"),
]


@pytest.mark.parametrize(("name", "A", "B", "answer"), GJ_MANY, ids=[g[0] for g in GJ_MANY])
def test_several_right_hand_sides_every_kind(name, A, B, answer) -> None:
    v = sm.check("solve_system", answer=answer, A=A, b=B)
    assert v.correct is True, v.feedback
    sm.solve("solve_system", A=A, b=B).validate()

"""SymPy's eigen tests as a peer suite (sympy/matrices/tests/test_eigen.py, SymPy 1.14).

References are SymPy's asserted literals: eigenvalues with multiplicity and eigenvectors
(``eigenvects()`` triples), Jordan forms (``m == J``: a matrix already in Jordan form has one
eigenvector per block, the first column of each), and ``jordan_form`` of issue 19210 whose
P, J literals give each eigenvalue with its eigenvector. Our eigenspaces must be the spans
SymPy gives (compared by rank with SymPy's vectors), with the same multiplicities.
"""

from __future__ import annotations

import pytest
from sympy import Abs, I, Matrix, Rational, S, eye, simplify, sqrt, symbols
from sympy.matrices.expressions.fourier import DFT

import symbolic_mlmath as sm

R = Rational
eps = symbols("eps", real=True)
t = symbols("t")
_a, _b = R(15, 2), 3 * sqrt(33)
_c, _d, _e = R(13, 2), R(33, 8) + 3 * _b / 8, R(33, 8) - 3 * _b / 8


def _col(*xs) -> Matrix:
    return Matrix(list(xs))


JCF1 = Matrix(4, 4, [2, 1, 0, 0, 0, 2, 1, 0, 0, 0, 2, 0, 0, 0, 0, 2])
JCF2 = Matrix(4, 4, [2, 1, 0, 0, 0, 2, 0, 0, 0, 0, 2, 1, 0, 0, 0, 2])
H19210 = Matrix([[3, 0, 0, 0], [0, 1, 2, 0], [0, 2, 2, 0], [0, 0, 0, 4]])

SPACES = [  # (id, matrix, [(eigenvalue, algebraic multiplicity, SymPy's eigenvectors)])
    ("eye3", eye(3), [(1, 3, [_col(1, 0, 0), _col(0, 1, 0), _col(0, 0, 1)])]),
    ("3x3", Matrix([[0, 1, 1], [1, 0, 0], [1, 1, 1]]),
     [(-1, 1, [_col(-1, 1, 0)]), (0, 1, [_col(0, -1, 1)]), (2, 1, [_col(R(2, 3), R(1, 3), 1)])]),
    ("defective", Matrix([[1, -1], [1, 3]]), [(2, 2, [_col(-1, 1)])]),
    ("1..9", Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]]),
     [(_a - _b / 2, 1, [_col((12 + 24 / (_c - _b / 2)) / ((_c - _b / 2) * _e) + 3 / (_c - _b / 2),
                             (6 + 12 / (_c - _b / 2)) / _e, 1)]),
      (0, 1, [_col(1, -2, 1)]),
      (_a + _b / 2, 1, [_col((12 + 24 / (_c + _b / 2)) / ((_c + _b / 2) * _d) + 3 / (_c + _b / 2),
                             (6 + 12 / (_c + _b / 2)) / _d, 1)])]),
    ("eps", Matrix([[Abs(eps), I * eps], [-I * eps, Abs(eps)]]),
     [(0, 1, [_col(-I * eps / Abs(eps), 1)]), (2 * Abs(eps), 1, [_col(I * eps / Abs(eps), 1)])]),
    ("sqrt73", Matrix([[R(1, 4), 1], [1, 1]]),
     [(R(5, 8) - sqrt(73) / 8, 1, [_col(-sqrt(73) / 8 - R(3, 8), 1)]),
      (R(5, 8) + sqrt(73) / 8, 1, [_col(R(-3, 8) + sqrt(73) / 8, 1)])]),
    ("dft3-20275", DFT(3).as_explicit().expand(complex=True),
     [(-1, 1, [_col(1 - sqrt(3), 1, 1)]), (1, 1, [_col(1 + sqrt(3), 1, 1)]),
      (-I, 1, [_col(0, -1, 1)])]),
    ("dft4-20275", DFT(4).as_explicit().expand(complex=True),
     [(-1, 1, [_col(-1, 1, 1, 1)]), (1, 2, [_col(1, 0, 1, 0), _col(2, 1, 0, 1)]),
      (-I, 1, [_col(0, -1, 0, 1)])]),
    ("jordan-one-block-of-3", JCF1, [(2, 4, [_col(1, 0, 0, 0), _col(0, 0, 0, 1)])]),
    ("jordan-two-blocks-of-2", JCF2, [(2, 4, [_col(1, 0, 0, 0), _col(0, 0, 1, 0)])]),
    ("jordan-1x1", Matrix([[1]]), [(1, 1, [_col(1)])]),
    ("jordan-19210", -I * H19210 * t,
     [(-4 * I * t, 1, [_col(0, 0, 0, 1)]), (-3 * I * t, 1, [_col(1, 0, 0, 0)]),
      (t * (-3 * I / 2 + sqrt(17) * I / 2), 1, [_col(0, -4 / (-1 + sqrt(17)), 1, 0)]),
      (t * (-sqrt(17) * I / 2 - 3 * I / 2), 1, [_col(0, 4 / (1 + sqrt(17)), 1, 0)])]),
]


def _match(ours: list[dict], value) -> dict | None:
    return next((e for e in ours if simplify(e["eigenvalue"] - value) == 0), None)


def _same_span(mine: list, theirs: list) -> bool:
    if len(mine) != len(theirs):
        return False
    both = Matrix.hstack(*mine, *theirs).applyfunc(simplify)
    own = Matrix.hstack(*mine).applyfunc(simplify)
    return both.rank(simplify=True) == len(theirs) == own.rank(simplify=True)


@pytest.mark.parametrize(("name", "M", "spaces"), SPACES, ids=[s[0] for s in SPACES])
def test_eigenspaces_are_sympys(name, M, spaces) -> None:
    d = sm.solve("eigenvectors", matrix=M)
    for value, mult, vectors in spaces:
        e = _match(d.result, value)
        assert e is not None, (value, [x["eigenvalue"] for x in d.result])
        assert e["multiplicity"] == mult
        assert _same_span(list(e["vectors"]), vectors), (value, e["vectors"])


@pytest.mark.parametrize(("name", "M", "spaces"),
                         [s for s in SPACES if sum(m for _, m, _ in s[2]) == s[1].rows],
                         ids=[s[0] for s in SPACES if sum(m for _, m, _ in s[2]) == s[1].rows])
def test_eigenvalues_are_sympys(name, M, spaces) -> None:
    d = sm.solve("eigenvalues", matrix=M)
    theirs = [v for v, m, _ in spaces for _ in range(m)]
    rest = list(theirs)
    for v in d.result:
        hit = next((q for q, w in enumerate(rest) if simplify(v - w) == 0), None)
        assert hit is not None, (v, theirs)
        rest.pop(hit)
    assert not rest


@pytest.mark.parametrize(("name", "M", "diagonalizable"), [
    ("jordan-one-block-of-3", JCF1, False),  # m == J with a 3x3 block
    ("jordan-two-blocks-of-2", JCF2, False),
    ("jordan-1x1", Matrix([[1]]), True),
    ("eye3", eye(3), True),
    ("3x3", Matrix([[0, 1, 1], [1, 0, 0], [1, 1, 1]]), True),
    ("defective", Matrix([[1, -1], [1, 3]]), False),  # one eigenvector for the double 2
])
def test_diagonalisable_as_sympy_says(name, M, diagonalizable) -> None:
    ours = sm.solve("diagonalize", matrix=M).result
    assert (ours.get("diagonalizable", True) is not False) is diagonalizable
    if diagonalizable:
        P, D = M.diagonalize()
        assert sm.check("diagonalize", answer={"P": P, "D": D}, matrix=M).correct is True
    else:
        assert sm.check("diagonalize", answer="not diagonalizable", matrix=M).correct is True


def test_jordan_19210_diagonal_form_is_accepted() -> None:
    P = Matrix([[0, 1, 0, 0], [0, 0, -4 / (-1 + sqrt(17)), 4 / (1 + sqrt(17))], [0, 0, 1, 1],
                [1, 0, 0, 0]])
    D = Matrix.diag(-4 * I * t, -3 * I * t, t * (-3 * I / 2 + sqrt(17) * I / 2),
                    t * (-sqrt(17) * I / 2 - 3 * I / 2))
    v = sm.check("diagonalize", answer={"P": P, "D": D}, matrix=-I * H19210 * t)
    assert v.correct is True, v.feedback
    assert S.Zero == simplify((P * D * P.inv() - (-I * H19210 * t)).norm())

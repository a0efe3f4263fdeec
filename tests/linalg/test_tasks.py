"""Linear-algebra tasks by table: each solves (validated) to a hand value and checks answers.

Reference values are worked by hand or computed here by SymPy / numpy directly.
(The derivation files run in tests/test_derivations.py, which loads every file.)
"""

from __future__ import annotations

import pytest
from sympy import I, ImmutableMatrix, Matrix, Rational, Symbol, pi, sqrt

import symbolic_mlmath as sm
from symbolic_mlmath.core.errors import InputError, TaskError
from symbolic_mlmath.core.tasks import all_tasks

A2 = "[[2,1],[1,2]]"

# (task, inputs, expected result) -- expected by hand
SOLVE = [
    ("matmul", {"A": "[[1,2],[3,4]]", "B": "[[5,6],[7,8]]"}, Matrix([[19, 22], [43, 50]])),
    ("matmul", {"A": "[[1,2,3]]", "B": "[4,5,6]"}, Matrix([[32]])),
    ("vector_add", {"u": "[1,2]", "v": "[3,-4]"}, Matrix([4, -2])),
    ("vector_add", {"u": "[1,2]", "v": "[3,-4]", "op": "u-v"}, Matrix([-2, 6])),
    ("vector_add", {"u": "[1,2]", "v": "[3,-4]", "op": "2u-3v"}, Matrix([-7, 16])),
    ("vector_add", {"u": "[1,2]", "v": "[3,-4]", "op": "0.5u + v/2"}, Matrix([2, -1])),
    ("dot", {"u": "[1,2,3]", "v": "[4,-5,6]"}, 12),
    ("angle", {"u": "[1,0]", "v": "[1,1]"}, pi / 4),
    ("angle", {"u": "[1,2]", "v": "[-2,1]"}, pi / 2),
    ("projection", {"u": "[2,3]", "v": "[1,1]"}, Matrix([Rational(5, 2), Rational(5, 2)])),
    ("norm", {"v": "[3,-4]"}, 5),
    ("norm", {"v": "[3,-4]", "ord": "1"}, 7),
    ("norm", {"v": "[3,-4]", "ord": "inf"}, 4),
    ("linear_transform", {"matrix": "[[0,-1],[1,0]]", "v": "[2,1]"}, Matrix([-1, 2])),
    ("linear_transform", {"transform": ["3*v1", "0", "-2*v2"], "vars": ["v1", "v2"]},
     Matrix([[3, 0], [0, 0], [0, -2]])),
    ("inverse", {"matrix": "[[2,1],[5,3]]"}, Matrix([[3, -1], [-5, 2]])),
    ("inverse", {"matrix": "[[2,1],[5,3]]", "method": "formula"}, Matrix([[3, -1], [-5, 2]])),
    ("inverse", {"matrix": "[[0.5, 0], [0, 0.25]]"}, Matrix([[2, 0], [0, 4]])),
    ("inverse", {"matrix": "[[1,x,z],[0,1,y],[0,0,1]]"},
     Matrix([[1, -Symbol("x"), Symbol("x") * Symbol("y") - Symbol("z")],
             [0, 1, -Symbol("y")], [0, 0, 1]])),
    ("det_product", {"A": "[[1,2],[3,4]]", "B": "[[2,0],[1,1]]"}, -4),
    ("det_inverse", {"matrix": "[[1,2],[3,4]]"}, Rational(-1, 2)),
    ("independent", {"vectors": "[[1,0,1],[0,1,1]]"}, True),
    ("independent", {"vectors": "[[1,2],[2,4]]"}, False),
    ("charpoly", {"matrix": A2}, Symbol("lambda") ** 2 - 4 * Symbol("lambda") + 3),
    ("charpoly", {"matrix": "[[1,2,0],[0,1,0],[0,0,3]]"},
     -(Symbol("lambda") - 1) ** 2 * (Symbol("lambda") - 3)),
    ("eigenvalues", {"matrix": A2}, [1, 3]),
    ("eigenvalues", {"matrix": "[[2,1],[0,2]]"}, [2, 2]),
    ("eigenvalues", {"matrix": "[[1,-2],[2,1]]"}, [1 - 2 * I, 1 + 2 * I]),
    ("eigenvalues", {"matrix": "[[1,1],[1,0]]"}, [(1 - sqrt(5)) / 2, (1 + sqrt(5)) / 2]),
    ("steady_state", {"matrix": "[[0.9,0.5],[0.1,0.5]]"}, Matrix([Rational(5, 6),
                                                               Rational(1, 6)])),
]


@pytest.mark.parametrize(("task", "inputs", "expected"), SOLVE,
                         ids=[f"{t}-{k}" for k, (t, _, _) in enumerate(SOLVE)])
def test_solve(task, inputs, expected):
    from symbolic_mlmath.core.verify import same_value

    d = sm.solve(task, **inputs)
    d.validate()
    got = d.result
    if isinstance(expected, Matrix):
        expected = ImmutableMatrix(expected)
    if isinstance(expected, list):
        expected = [x if hasattr(x, "free_symbols") else Rational(x) for x in expected]
    elif not isinstance(expected, bool | ImmutableMatrix):
        expected = expected.expand() if hasattr(expected, "expand") else Rational(expected)
    assert same_value(got, expected), (got, expected)
    for fmt in ("to_text", "to_markdown", "to_latex", "to_json"):
        assert getattr(d, fmt)()


# (task, inputs, answer, correct?) -- answers as a learner would type them
CHECK = [
    ("matmul", {"A": "[[1,2],[3,4]]", "B": "[[5,6],[7,8]]"}, "[[19,22],[43,50]]", True),
    ("matmul", {"A": "[[1,2],[3,4]]", "B": "[[5,6],[7,8]]"}, "[[5,12],[21,32]]", False),
    ("vector_add", {"u": "[1,2]", "v": "[3,-4]", "op": "2u-3v"}, "[-7, 16]", True),
    ("vector_add", {"u": "[1,2]", "v": "[3,-4]", "op": "2u-3v"}, "(-7, 16)", True),
    ("vector_add", {"u": "[1,2]", "v": "[3,-4]", "op": "2u-3v"}, "[-7, -8]", False),
    ("dot", {"u": "[1,2,3]", "v": "[4,-5,6]"}, "12", True),
    ("dot", {"u": "[1,2,3]", "v": "[4,-5,6]"}, "32", False),
    ("angle", {"u": "[1,0]", "v": "[1,1]"}, "pi/4", True),
    ("angle", {"u": "[1,0]", "v": "[1,1]"}, "0.785", True),
    ("angle", {"u": "[1,0]", "v": "[1,1]"}, "45", False),
    ("projection", {"u": "[1,2]", "v": "[3,4]"}, "[33/25, 44/25]", True),
    ("projection", {"u": "[1,2]", "v": "[3,4]"}, "[11/5, 22/5]", False),
    ("norm", {"v": "[1,1]"}, "sqrt(2)", True),
    ("norm", {"v": "[1,1]"}, "1.414", True),
    ("norm", {"v": "[1,1]"}, "2", False),
    ("linear_transform", {"transform": "[x + y, x - y]", "vars": "x, y"}, "[[1,1],[1,-1]]",
     True),
    ("linear_transform", {"transform": "[x + y, x - y]", "vars": "x, y"}, "[[1,1],[-1,1]]",
     False),
    ("inverse", {"matrix": "[[1,2],[3,4]]"}, "[[-2,1],[1.5,-0.5]]", True),
    ("inverse", {"matrix": "[[1,2],[3,4]]"}, "[[4,-2],[-3,1]]", False),
    ("det_product", {"A": "[[1,2],[3,4]]", "B": "[[2,0],[1,1]]"}, "-4", True),
    ("det_product", {"A": "[[1,2],[3,4]]", "B": "[[2,0],[1,1]]"}, "4", False),
    ("det_inverse", {"matrix": "[[1,2],[3,4]]"}, "-0.5", True),
    ("det_inverse", {"matrix": "[[1,2],[3,4]]"}, "-2", False),
    ("independent", {"vectors": "[[1,2,3],[2,4,6],[0,1,1]]"}, "no", True),
    ("independent", {"vectors": "[[1,2,3],[2,4,6],[0,1,1]]"}, "independent", False),
    ("basis_span", {"vectors": "[[1,2,3],[2,4,6],[0,1,1]]"}, "[[2,4,6],[1,3,4]]", True),
    ("basis_span", {"vectors": "[[1,2,3],[2,4,6],[0,1,1]]"}, "[[1,2,3],[2,4,6]]", False),
    ("basis_span", {"vectors": "[[1,2,3],[2,4,6],[0,1,1]]"}, "[[1,0,0],[0,1,0]]", False),
    ("basis_span", {"vectors": "[[1,2,3],[2,4,6],[0,1,1]]"}, "2", True),
    ("charpoly", {"matrix": A2}, "λ^2 - 4λ + 3", True),
    ("charpoly", {"matrix": A2}, "(lambda-1)(lambda-3)", True),
    ("charpoly", {"matrix": A2}, "x^2 - 4x + 3", True),
    ("charpoly", {"matrix": A2}, "λ^2 + 4λ + 3", False),
    ("charpoly", {"matrix": "[[1,0,0],[0,2,0],[0,0,3]]"}, "(l-1)(l-2)(l-3)", True),
    ("eigenvalues", {"matrix": A2}, "3, 1", True),
    ("eigenvalues", {"matrix": A2}, "[1, 2]", False),
    ("eigenvalues", {"matrix": "[[2,1],[0,2]]"}, "2, 2", True),
    ("eigenvalues", {"matrix": "[[2,1],[0,2]]"}, "{2}", False),
    ("eigenvalues", {"matrix": "[[1,-2],[2,1]]"}, "1+2i, 1-2i".replace("i", "I"), True),
    ("eigenvalues", {"matrix": "[[1,1],[1,0]]"}, "1.618, -0.618", True),
    ("eigenvectors", {"matrix": A2}, "[[1,1],[-2,2]]", True),
    ("eigenvectors", {"matrix": A2}, "[[1,1],[1,-1]]", True),
    ("eigenvectors", {"matrix": A2}, "[[1,1],[2,2]]", False),
    ("eigenvectors", {"matrix": A2}, "[[1,2],[1,1]]", False),
    ("eigenvectors", {"matrix": A2}, "[[0,0],[1,1]]", False),
    ("eigenvectors", {"matrix": "[[2,0],[0,2]]"}, "[[1,1],[1,-1]]", True),
    ("eigenvectors", {"matrix": "[[2,0],[0,2]]"}, "[[1,1]]", False),
    ("diagonalize", {"matrix": A2}, {"P": "[[1,1],[1,-1]]", "D": "[[3,0],[0,1]]"}, True),
    ("diagonalize", {"matrix": A2}, {"P": "[[1,1],[1,-1]]", "D": "[[1,0],[0,3]]"}, False),
    ("diagonalize", {"matrix": "[[2,1],[0,2]]"}, "not diagonalizable", True),
    ("diagonalize", {"matrix": A2}, "not diagonalizable", False),
    ("pca", {"data": "[[1,2],[3,4],[5,0]]"}, {"covariance": "[[4,-2],[-2,4]]"}, True),
    ("pca", {"data": "[[1,2],[3,4],[5,0]]"}, {"eigenvalues": "[6, 2]"}, True),
    ("pca", {"data": "[[1,2],[3,4],[5,0]]"}, {"eigenvalues": "[6, 4]"}, False),
    ("pca", {"data": "[[1,2],[3,4],[5,0]]"},
     {"components": "[[0.7071,-0.7071],[0.7071,0.7071]]"}, True),
    ("pca", {"data": "[[1,2],[3,4],[5,0]]"}, {"explained_variance": "[3/4, 1/4]"}, True),
    ("pca", {"data": "[[1,2],[3,4],[5,0]]"}, {"covariance": "[[6,-3],[-3,6]]"}, False),
    ("steady_state", {"matrix": "[[0.9,0.5],[0.1,0.5]]"}, "[5/6, 1/6]", True),
    ("steady_state", {"matrix": "[[0.9,0.5],[0.1,0.5]]"}, "[0.833, 0.167]", True),
    ("steady_state", {"matrix": "[[0.9,0.5],[0.1,0.5]]"}, "[5, 1]", False),
    ("steady_state", {"matrix": "[[0.9,0.5],[0.1,0.5]]"}, "[1/2, 1/2]", False),
]


@pytest.mark.parametrize(("task", "inputs", "answer", "ok"), CHECK,
                         ids=[f"{t}-{k}" for k, (t, _, _, _) in enumerate(CHECK)])
def test_check(task, inputs, answer, ok):
    v = sm.check(task, answer=answer, **inputs)
    assert v.correct is ok, v.feedback
    assert v.feedback


def test_charpoly_other_convention_is_explained():
    v = sm.check("charpoly", answer="λ^3 - 6λ^2 + 11λ - 6", matrix="[[1,0,0],[0,2,0],[0,0,3]]")
    assert v.correct is True
    assert "det(λI - A)" in v.feedback
    w = sm.check("charpoly", answer="-(λ^2 - 4λ + 3)", matrix=A2)
    assert w.correct is False
    assert "-p" in w.feedback


def test_angle_in_degrees_is_named():
    v = sm.check("angle", answer="45", u="[1,0]", v="[1,1]")
    assert "degrees" in v.feedback


ERRORS = [
    ("matmul", {"A": "[[1,2,3]]", "B": "[[1,2]]"}, "A (1x3) by B (1x2)"),
    ("vector_add", {"u": "[1,2]", "v": "[3,4]", "op": "u*v"}, "linear combination"),
    ("vector_add", {"u": "[1,2]", "v": "[3,4,5]"}, "same length"),
    ("linear_transform", {"transform": ["x*y", "x"], "vars": ["x", "y"]}, "not linear"),
    ("linear_transform", {"transform": ["x + 1", "x"], "vars": ["x", "y"]}, "not linear"),
    ("inverse", {"matrix": "[[1,2],[2,4]]"}, "det A = 1*4 - 2*2 = 0"),
    ("inverse", {"matrix": "[[1,2,3],[4,5,6],[7,8,9]]"}, "det A = 0"),
    ("inverse", {"matrix": "[[1,2,3],[4,5,6]]"}, "square"),
    ("det_inverse", {"matrix": "[[1,2],[2,4]]"}, "det A"),
    ("angle", {"u": "[0,0]", "v": "[1,1]"}, "zero vector"),
    ("projection", {"u": "[1,1]", "v": "[0,0]"}, "zero vector"),
    ("charpoly", {"matrix": "[[1,2,3]]"}, "square"),
    ("steady_state", {"matrix": "[[0.9,0.1],[0.5,0.5]]"}, "column 1 sums to 7/5"),
    ("steady_state", {"matrix": "[[1,-0.5],[0,1.5]]"}, "negative"),
    ("steady_state", {"matrix": "[[1,0],[0,1]]"}, "not unique"),
    ("basis_span", {"vectors": "[[1,2],[3,4]]", "space": "R^3"}, "R^2"),
    ("norm", {"v": "[1,2]", "ord": "7"}, "1, 2 or inf"),
    ("pca", {"data": "[[1,2]]"}, "at least 2"),
]


@pytest.mark.parametrize(("task", "inputs", "needle"), ERRORS,
                         ids=[f"{t}-{k}" for k, (t, _, _) in enumerate(ERRORS)])
def test_errors_are_one_line(task, inputs, needle):
    with pytest.raises(InputError) as exc:
        sm.solve(task, **inputs)
    msg = str(exc.value)
    assert needle in msg
    assert "\n" not in msg


def test_every_vector_matrix_eigen_task_registered():
    names = set(all_tasks())
    want = {"matmul", "vector_add", "dot", "angle", "projection", "norm", "linear_transform",
            "inverse", "det_product", "det_inverse", "basis_span", "independent", "charpoly",
            "eigenvalues", "eigenvectors", "diagonalize", "pca", "steady_state"}
    assert want <= names


def test_matmul_shows_row_times_column():
    d = sm.solve("matmul", A="[[1,2],[3,4]]", B="[[5,6],[7,8]]")
    text = d.to_text()
    assert "1·5 + 2·7" in text
    assert len(d.steps[0].substeps) == 4


def test_basis_span_result_shape():
    r = sm.solve("basis_span", vectors="[[1,0,1],[0,1,1],[1,1,2]]", space="R^3").result
    assert set(r) == {"independent", "spans", "basis", "dimension"}
    assert (r["independent"], r["spans"], r["dimension"]) == (False, False, 2)


def test_unknown_answer_part_is_an_error():
    with pytest.raises(InputError):
        sm.check("pca", answer={"nonsense": "1"}, data="[[1,2],[3,4],[5,0]]")
    with pytest.raises(TaskError):
        sm.solve("linear_transform", transform=["x"])



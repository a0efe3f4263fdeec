"""Answers written the way textbooks write them: parametric families compared as sets,
vector form, word answers, labels (det(A) =, |A| =, rank =, λ₁ =), ±, i as the imaginary
unit, degrees, "and", a scalar times a matrix; an unreadable word is reported, never turned
into a symbol. Expected values are worked by hand in the comments."""

from __future__ import annotations

import pytest

import symbolic_mlmath as sm
from symbolic_mlmath.core.errors import InputError

LINE = "x + y = 1"
PLANE3 = "x + 2y - z = 3; 2x + 4y - 2z = 6; x - y + z = 0"  # x = 1 - z/3, y = 1 + 2z/3
DET49 = "[[2,-3,1],[2,0,-1],[1,4,5]]"  # 2(0+4) + 3(10+1) + 1(8-0) = 49


@pytest.mark.parametrize(("inputs", "answer", "right"), [
    ({"equations": LINE}, "x = 1 - t^2, y = t^2", False),  # only y >= 0
    ({"equations": LINE}, "x = sin(t), y = 1 - sin(t)", False),  # only |x| <= 1
    ({"equations": LINE}, "x = 1 - t, y = t", True),
    ({"equations": LINE}, "x = s, y = 1 - s", True),
    ({"equations": LINE}, "x = 1 - 2u, y = 2u", True),
    ({"equations": LINE}, "x = 1 - t, y = 2t", False),  # x + y = 1 + t
    ({"equations": PLANE3}, "[1, 1, 0] + t[-1, 2, 3]", True),  # (-1,2,3) solves both rows
    ({"equations": PLANE3}, "[1, 1, 0] + t[1, 2, 3]", False),
    ({"equations": PLANE3}, "(1, 1, 0) + s(-1, 2, 3)", True),
    ({"A": "[[0,1]]", "b": "[c]"}, "x1 = s, x2 = c", True),  # c belongs to the problem
    ({"A": "[[0,1]]", "b": "[c]"}, "x1 = s, x2 = 2c", False),
    ({"A": "[[2,1,0],[0,0,0],[0,0,1]]", "b": "[0,0,0]"}, "x1 = -t/2, x2 = t, x3 = 0", True),
    ({"A": "[[2,1,0],[0,0,0],[0,0,1]]", "b": "[0,0,0]"}, "x1 = t, x2 = t, x3 = 0", False),
    ({"equations": "x + y = 4; 2x - y = 1"}, "x = 5/3 and y = 7/3", True),
    ({"equations": "x + y + z = 1; x + y + z = 2"}, "The system has no solution", True),
    ({"equations": "x + y + z = 1; x + y + z = 2"}, "There are no solutions.", True),
    ({"equations": "x + y = 1; x - y = 1"}, "The system has no solution", False),
])
def test_solution_sets(inputs, answer, right) -> None:
    v = sm.check("solve_system", answer=answer, **inputs)
    assert v.correct is right, v.feedback


@pytest.mark.parametrize(("equations", "answer", "right"), [
    ("x + y = 1; x + y = 2", "The system has no solution", True),
    ("x + y = 1; 2x + 2y = 2", "There are infinitely many solutions", True),
    ("x + y = 1; x - y = 2", "it has exactly one solution", True),
    ("x + y = 1; x - y = 2", "The system has no solution", False),
])
def test_classification_sentences(equations, answer, right) -> None:
    assert sm.check("classify_system", answer=answer, equations=equations).correct is right


@pytest.mark.parametrize(("task", "inputs", "answer", "right"), [
    ("inverse", {"matrix": "[[1,2],[2,4]]"}, "not invertible", True),
    ("inverse", {"matrix": "[[1,2],[2,4]]"}, "singular", True),
    ("inverse", {"matrix": "[[1,2],[2,4]]"}, "no inverse", True),
    ("inverse", {"matrix": "[[1,2],[2,4]]"}, "does not exist", True),
    ("inverse", {"matrix": "[[1,2],[2,4]]"}, "[[1,0],[0,1]]", False),
    ("inverse", {"matrix": "[[1,2],[3,4]]"}, "not invertible", False),
    ("det_inverse", {"matrix": "[[1,2],[2,4]]"}, "not invertible", True),
    ("det_inverse", {"matrix": "[[1,2],[2,4]]"}, "0", False),
    ("inverse", {"matrix": "[[4,7],[2,6]]"}, "1/10 [[6,-7],[-2,4]]", True),
    ("inverse", {"matrix": "[[4,7],[2,6]]"}, "(1/10)*[[6,-7],[-2,4]]", True),
    ("inverse", {"matrix": "[[4,7],[2,6]]"}, "1/10 [[6,7],[-2,4]]", False),
    ("projection", {"u": "[2,3]", "v": "[1,1]"}, "5/2 [1,1]", True),  # (5/2) v
    ("diagonalize", {"matrix": "[[2,1],[0,2]]"}, "not diagonalizable", True),
    ("diagonalize", {"matrix": "[[2,1],[0,2]]"}, "The matrix is not diagonalisable.", True),
    ("diagonalize", {"matrix": "[[2,1],[1,2]]"}, "not diagonalizable", False),
    ("diagonalize", {"matrix": "[[2,1],[1,2]]"}, "P = [[1,1],[-1,1]], D = [[1,0],[0,3]]", True),
    ("diagonalize", {"matrix": "[[2,1],[1,2]]"}, "P = [[1,1],[-1,1]], D = [[3,0],[0,1]]", False),
    ("det", {"matrix": DET49}, "det(A) = 49", True),
    ("det", {"matrix": DET49}, "|A| = 49", True),
    ("det", {"matrix": DET49}, "det A = 49", True),
    ("det", {"matrix": DET49}, "det = 49", True),
    ("det", {"matrix": DET49}, "det(A) = 48", False),
    ("det", {"matrix": "[[a,1],[1,a]]"}, "det = a^2 - 1", True),
    ("rank", {"matrix": "[[1,2],[3,4]]"}, "rank = 2", True),
    ("rank", {"matrix": "[[1,2],[3,4]]"}, "rank(A) = 2", True),
    ("rank", {"matrix": "[[1,2],[2,4]]"}, "rank = 2", False),
    ("singular", {"matrix": "[[1,2],[2,4]]"}, "det = 0", True),
    ("singular", {"matrix": "[[1,2],[3,4]]"}, "det = 0", False),
    ("charpoly", {"matrix": "[[2,0],[0,2]]"}, "lambda^2 - 4 lambda + 4 = 0", True),
    ("eigenvalues", {"matrix": "[[2,1],[1,2]]"}, "lambda_1 = 1, lambda_2 = 3", True),
    ("eigenvalues", {"matrix": "[[2,1],[1,2]]"}, "λ = 1, 3", True),
    ("eigenvalues", {"matrix": "[[2,1],[1,2]]"}, "lambda = 1, lambda = 3", True),
    ("eigenvalues", {"matrix": "[[2,1],[1,2]]"}, "λ1 = 1, λ2 = 4", False),
    ("eigenvalues", {"matrix": "[[2,1],[1,2]]"}, "1 and 3", True),
    ("eigenvalues", {"matrix": "[[0,-1],[1,0]]"}, "i, -i", True),
    ("eigenvalues", {"matrix": "[[0,-1],[1,0]]"}, "j, -j", True),
    ("eigenvalues", {"matrix": "[[0,-1],[1,0]]"}, "±i", True),
    ("eigenvalues", {"matrix": "[[0,-1],[1,0]]"}, "±I", True),
    ("eigenvalues", {"matrix": "[[0,-1],[1,0]]"}, "±2i", False),
    ("eigenvalues", {"matrix": "[[1,2],[3,4]]"}, "(5 ± sqrt(33))/2", True),
    ("eigenvalues", {"matrix": "[[2,0],[0,2]]"}, "2 (multiplicity 2)", True),
    ("angle", {"u": "[1,0]", "v": "[-1,1]"}, "135°", True),  # 3pi/4
    ("angle", {"u": "[1,0]", "v": "[-1,1]"}, "135 degrees", True),
    ("angle", {"u": "[1,0]", "v": "[-1,1]"}, "3pi/4", True),
    ("angle", {"u": "[1,0]", "v": "[-1,1]"}, "90°", False),
    ("pca", {"data": "[[2,0],[0,2],[3,1],[1,3]]"}, "8/3, 2/3", True),  # cov = [[5,-3],[-3,5]]/3
    ("pca", {"data": "[[2,0],[0,2],[3,1],[1,3]]"}, "[-sqrt(2)/2, sqrt(2)/2]", True),
    ("pca", {"data": "[[2,0],[0,2],[3,1],[1,3]]"}, "[1,-1]/sqrt(2)", True),
    ("pca", {"data": "[[2,0],[0,2],[3,1],[1,3]]"}, "[1,1]/sqrt(2)", False),  # second PC
    ("pca", {"data": "[[2,0],[0,2],[3,1],[1,3]]"}, "4/5, 1/5", True),  # explained shares
])
def test_textbook_notations(task, inputs, answer, right) -> None:
    v = sm.check(task, answer=answer, **inputs)
    assert v.correct is right, v.feedback


@pytest.mark.parametrize(("task", "inputs", "answer", "word"), [
    ("rank", {"matrix": "[[1,2],[3,4]]"}, "two", "two"),
    ("rank", {"matrix": "[[1,2],[3,4]]"}, "full rank", "full"),
    ("det", {"matrix": "[[1,2],[3,4]]"}, "minus two", "minus"),
    ("eigenvalues", {"matrix": "[[2,1],[1,2]]"}, "one, three", "one"),
])
def test_unreadable_words_are_reported(task, inputs, answer, word) -> None:
    with pytest.raises(InputError) as info:
        sm.check(task, answer=answer, **inputs)
    msg = str(info.value)
    assert f"'{word}'" in msg and "\n" not in msg and "differ at" not in msg


def test_no_real_eigenvalues_is_a_right_answer_for_a_rotation() -> None:
    assert sm.check("eigenvalues", answer="no real eigenvalues", matrix="[[0,-1],[1,0]]").correct
    assert not sm.check("eigenvalues", answer="no real eigenvalues",
                        matrix="[[2,1],[1,2]]").correct


def test_linear_transform_with_v_gives_the_image() -> None:
    d = sm.solve("linear_transform", transform="[x + 2y, 3x - y, x]", vars="x y", v="[1, 1]")
    assert list(d.result) == [3, 2, 1]
    d = sm.solve("linear_transform", matrix="[[1,2],[3,-1],[1,0]]", v="[1, 1]")
    assert list(d.result) == [3, 2, 1]
    d = sm.solve("linear_transform", transform="[3*v1, 0, -2*v2]", vars="v1 v2")
    assert d.result.shape == (3, 2)


def test_multi_part_answer_forms_are_documented() -> None:
    import contextlib
    import io

    from symbolic_mlmath.cli import main

    for task, words in [("pca", ("eigenvalues", "components", "explained_variance")),
                        ("diagonalize", ("P =", "D =")), ("eigenvectors", ("[",)),
                        ("basis_span", ("basis", "dimension")), ("solve_system", ("t",))]:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["tasks", task]) == 0
        text = out.getvalue()
        assert "Answer forms" in text, task
        for w in words:
            assert w in text, (task, w)

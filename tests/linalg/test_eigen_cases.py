"""Eigen tasks with a parameter work every value where the structure changes. Hand values:
[[a,1],[0,1]] has eigenvalues 1, a; at a = 1 it is [[1,1],[0,1]], a Jordan block (one
eigenvector (1,0) for the double eigenvalue 1), so it is diagonalizable iff a ≠ 1.
[[1,a],[a,1]] has eigenvalues 1 ± a; at a = 0 it is I (eigenspace R^2). [[0,-a],[a,0]] has
±ia; at a = 0 it is the zero matrix. [[a,1],[1,0]] has (a ± sqrt(a^2+4))/2, never equal for
real a. [[a,1],[0,a]] is a Jordan block for every a (no case changes that). [[1,a,0],[0,1,0],
[0,0,2]] is defective for a ≠ 0 and diagonal at a = 0."""

from __future__ import annotations

import dataclasses

import pytest
from sympy import Matrix, Tuple, symbols

import symbolic_mlmath as sm
from symbolic_mlmath.core.steps import DerivationError, Step

a = symbols("a")


def _cases(d) -> dict[str, object]:
    last = d.steps[-1]
    if last.rule.value != "parameter_cases":
        return {}
    return {str(label): value for label, value in last.given["cases"]}


def test_jordan_block_case_of_diagonalize() -> None:
    d = sm.solve("diagonalize", matrix="[[a,1],[0,1]]")
    assert d.steps[0].rule.value == "assume_nonzero"
    assert {str(c) for c in d.steps[0].given["conditions"]} == {"Ne(a - 1, 0)"}
    assert {str(k): str(v) for k, v in _cases(d).items()} == {"Eq(a, 1)": "not diagonalizable"}
    P, D = d.result["P"], d.result["D"]
    A = Matrix([[a, 1], [0, 1]])
    assert (A * P - P * D).applyfunc(lambda x: x.simplify()) == Matrix.zeros(2, 2)
    d.validate()
    assert "a = 1: not diagonalizable" in d.to_text("overview")


@pytest.mark.parametrize(("matrix", "case", "values"), [
    ("[[a,1],[0,1]]", "Eq(a, 1)", [1, 1]),
    ("[[1,a],[a,1]]", "Eq(a, 0)", [1, 1]),
    ("[[0,-a],[a,0]]", "Eq(a, 0)", [0, 0]),
    ("[[2,1,0],[0,a,0],[0,0,2]]", "Eq(a, 2)", [2, 2, 2]),
])
def test_eigenvalues_that_coincide_are_a_case(matrix, case, values) -> None:
    d = sm.solve("eigenvalues", matrix=matrix)
    cases = _cases(d)
    assert list(cases) == [case] and list(cases[case]) == values
    d.validate()


def test_eigenvectors_case_has_the_larger_eigenspace() -> None:
    d = sm.solve("eigenvectors", matrix="[[1,a],[a,1]]")
    space = _cases(d)["Eq(a, 0)"]
    assert list(space.keys()) == [1] and len(space[1]) == 2  # I: all of R^2
    d.validate()
    d = sm.solve("eigenvectors", matrix="[[a,1],[0,1]]")
    space = _cases(d)["Eq(a, 1)"]
    assert list(space.keys()) == [1] and [list(v) for v in space[1]] == [[1, 0]]
    d.validate()


def test_defective_generically_diagonal_at_one_value() -> None:
    d = sm.solve("diagonalize", matrix="[[1,a,0],[0,1,0],[0,0,2]]")
    assert d.result["diagonalizable"] is False
    P, D = _cases(d)["Eq(a, 0)"]
    assert sorted(D[k, k] for k in range(3)) == [1, 1, 2] and P.det() != 0
    d.validate()


@pytest.mark.parametrize("matrix", ["[[a,1],[1,0]]", "[[a,1],[0,a]]", "[[k,2],[2,k]]",
                                    "[[2,1],[1,2]]"])
@pytest.mark.parametrize("task", ["eigenvalues", "eigenvectors", "diagonalize"])
def test_no_case_where_nothing_changes(matrix, task) -> None:
    d = sm.solve(task, matrix=matrix)
    assert not _cases(d)
    d.validate()


def test_a_wrong_case_is_caught_by_validate() -> None:
    d = sm.solve("diagonalize", matrix="[[a,1],[0,1]]")
    last = d.steps[-1]
    (label, _), = last.given["cases"]
    P = Matrix([[1, 0], [0, 1]])
    bad = Step(last.rule, last.before, last.after,
               {**last.given, "cases": Tuple(Tuple(label, Tuple(P, P)))})
    tampered = dataclasses.replace(d, steps=(*d.steps[:-1], bad))
    with pytest.raises(DerivationError, match="not diagonalizable"):
        tampered.validate()
    d = sm.solve("eigenvalues", matrix="[[a,1],[0,1]]")
    last = d.steps[-1]
    bad = Step(last.rule, last.before, last.after,
               {**last.given, "cases": Tuple(Tuple(label, Tuple(1, 2)))})
    with pytest.raises(DerivationError, match="eigenvalues are"):
        dataclasses.replace(d, steps=(*d.steps[:-1], bad)).validate()


def test_rotation_eigenvalues_validate_against_sympys_other_form() -> None:
    # SymPy writes cos t ± sqrt(cos² t - 1); ours cos t ± i sin t: the same pair for every t
    d = sm.solve("eigenvalues", matrix="[[cos(t),-sin(t)],[sin(t),cos(t)]]")
    d.validate()
    wrong = dataclasses.replace(d, result=[d.result[0], d.result[0]])
    with pytest.raises(DerivationError):
        wrong.validate()

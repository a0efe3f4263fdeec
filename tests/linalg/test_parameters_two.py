"""Two parameters: a condition is split where that is exact, otherwise stated. Hand values:
det [[a,b],[b,a]] = a^2 - b^2 = (a - b)(a + b): singular iff a = b or a = -b;
det [[a,1],[1,b]] = ab - 1: singular iff ab = 1 (no split into a = ... with a constant
coefficient); x + y = a, x + y = b: none unless a = b (then infinite); a x + y = 1,
x + y = b: det a - 1, a = 1 gives x + y = 1 and x + y = b (none, infinite for b = 1);
x + a y = 1, x + b y = 2: (a - b) y = 1 after R2 - R1, none for a = b;
[[a,0],[0,b]] has eigenvalues a, b, equal (and still diagonal) for a = b."""

from __future__ import annotations

import pytest

import symbolic_mlmath as sm


def _cases(d) -> dict[str, object]:
    last = d.steps[-1]
    if last.rule.value != "parameter_cases":
        return {}
    return {str(label): value for label, value in last.given["cases"]}


def test_singular_splits_a_difference_of_squares() -> None:
    d = sm.solve("singular", matrix="[[a,b],[b,a]]")
    assert {str(e) for e in d.result["singular_when"]} == {"Eq(a, b)", "Eq(a, -b)"}
    d.validate()


def test_singular_states_a_factor_it_cannot_split() -> None:
    d = sm.solve("singular", matrix="[[a,1],[1,b]]")
    assert [str(e) for e in d.result["singular_when"]] == ["Eq(a*b - 1, 0)"]
    d.validate()


@pytest.mark.parametrize(("matrix", "answer", "right"), [
    ("[[a,b],[b,a]]", "a = b or a = -b", True), ("[[a,b],[b,a]]", "a = -b, a = b", True),
    ("[[a,b],[b,a]]", "singular when a = b or a = -b", True),
    ("[[a,b],[b,a]]", "a^2 = b^2", True), ("[[a,b],[b,a]]", "a = b", False),
    ("[[a,b],[b,a]]", "a = b or a = 2b", False), ("[[a,0],[0,b]]", "a = 0 or b = 0", True),
    ("[[a,0],[0,b]]", "a = 0", False), ("[[a,1],[1,b]]", "a = 1/b", True),
    ("[[a,1],[1,b]]", "a = 2/b", False),
])
def test_singular_answers_in_two_parameters(matrix, answer, right) -> None:
    assert sm.check("singular", answer=answer, matrix=matrix).correct is right


@pytest.mark.parametrize(("equations", "expected"), [
    ("x + y = a; x + y = b", {"generic": "none", "a = b": "infinite"}),
    ("a x + y = 1; x + y = b", {"generic": "unique", "a = 1": "none",
                                "a = 1, b = 1": "infinite"}),
    ("x + a y = 1; x + b y = 2", {"generic": "unique", "a = b": "none"}),
])
def test_classify_with_two_parameters(equations, expected) -> None:
    d = sm.solve("classify_system", equations=equations)
    assert d.result == expected
    d.validate()


def test_classify_answers_in_two_parameters_are_undecided_not_wrong() -> None:
    v = sm.check("classify_system", answer="none if a ≠ b; infinite if a = b",
                 equations="x + y = a; x + y = b")
    assert v.correct is None and "a = b" in v.feedback


def test_eigen_cases_in_two_parameters() -> None:
    d = sm.solve("eigenvalues", matrix="[[a,0],[0,b]]")
    assert {k: list(v) for k, v in _cases(d).items()} == {"Eq(a, b)": [sm.parse.parse_expr("b")] * 2}
    d.validate()
    d = sm.solve("diagonalize", matrix="[[a,0],[0,b]]")
    assert list(_cases(d)) == ["Eq(a, b)"]
    d.validate()


@pytest.mark.parametrize("task", ["rref", "rank", "inverse", "ref"])
def test_elimination_splits_two_parameters(task) -> None:
    d = sm.solve(task, matrix="[[a,b],[b,a]]")
    assert {"Eq(a, b)", "Eq(a, -b)"} <= set(_cases(d))
    d.validate()

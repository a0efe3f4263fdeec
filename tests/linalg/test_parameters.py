"""Parameters are never silently generic: the derivation states what it divides by and works
each excluded value; checks judge answers against the case split. Hand values:
det [[k,2],[2,k]] = k^2 - 4 = 0 iff k = ±2; a x + y = 1, x + a y = 1 has det a^2 - 1: unique
for a ≠ ±1, a = 1 gives x + y = 1 twice (infinite), a = -1 gives -x + y = 1, x - y = 1
(none); x + y = 1, x + y = k is none for k ≠ 1 and infinite for k = 1."""

from __future__ import annotations

import pytest
from sympy import Matrix, symbols

import symbolic_mlmath as sm

a, k = symbols("a k")


def test_singular_with_a_parameter_is_a_case_split() -> None:
    d = sm.solve("singular", matrix="[[k,2],[2,k]]")
    assert isinstance(d.result, dict)
    assert {str(e) for e in d.result["singular_when"]} == {"Eq(k, -2)", "Eq(k, 2)"}
    d.validate()
    text = d.to_text("overview")
    assert "non-singular" not in text.split("Result")[0].split("Singularity test")[1].split(
        "\n")[0].replace("and non-singular elsewhere", "")


@pytest.mark.parametrize(("answer", "right"), [
    ("no", False), ("yes", False), ("k = ±2", True), ("k = 2 or k = -2", True),
    ("k = -2, k = 2", True), ("{-2, 2}", True), ("±2", True), ("k = 2", False),
    ("singular when k = 2 or k = -2", True), ("k = 4", False),
])
def test_singular_answers_against_the_cases(answer, right) -> None:
    v = sm.check("singular", answer=answer, matrix="[[k,2],[2,k]]")
    assert v.correct is right, v.feedback
    if answer in ("no", "yes"):
        assert "k = -2" in v.feedback and "k = 2" in v.feedback


def test_classify_with_a_parameter() -> None:
    d = sm.solve("classify_system", equations="a x + y = 1; x + a y = 1")
    assert d.result["generic"] == "unique"
    assert d.result["a = 1"] == "infinite" and d.result["a = -1"] == "none"
    d.validate()
    d = sm.solve("classify_system", equations="x + y = 1; x + y = k")
    assert d.result["generic"] == "none" and d.result["k = 1"] == "infinite"
    d.validate()


@pytest.mark.parametrize(("equations", "answer", "right"), [
    ("a x + y = 1; x + a y = 1", "unique", False),
    ("a x + y = 1; x + a y = 1",
     "unique if a ≠ ±1; infinite if a = 1; none if a = -1", True),
    ("a x + y = 1; x + a y = 1", "a = 1: infinite; a = -1: none; otherwise unique", True),
    ("a x + y = 1; x + a y = 1", "a = 1: none; a = -1: infinite; otherwise unique", False),
    ("a x + y = 1; x + a y = 1", "infinite if a = 1; otherwise unique", False),
    ("x + y = 1; x + y = k", "none", False),
    ("x + y = 1; x + y = k", "none if k ≠ 1, infinite if k = 1", True),
])
def test_classify_answers_against_the_cases(equations, answer, right) -> None:
    v = sm.check("classify_system", answer=answer, equations=equations)
    assert v.correct is right, v.feedback


@pytest.mark.parametrize("task", ["rref", "rank", "inverse"])
def test_pivots_are_assumed_non_zero_and_excluded_values_worked(task) -> None:
    d = sm.solve(task, matrix="[[a,1],[1,a]]")
    rules = [s.rule.value for s in d.steps]
    assert rules[0] == "assume_nonzero" and rules[-1] == "parameter_cases"
    # which pivots are divided by depends on the pivot rows chosen (a, or 1 after a swap);
    # det = a^2 - 1, so a = ±1 must always be set apart
    conds = {str(c) for c in d.steps[0].given["conditions"]}
    assert {"Ne(a - 1, 0)", "Ne(a + 1, 0)"} <= conds <= {"Ne(a, 0)", "Ne(a - 1, 0)",
                                                        "Ne(a + 1, 0)"}
    cases = {str(lbl): v for lbl, v in d.steps[-1].given["cases"]}
    assert {"Eq(a, -1)", "Eq(a, 1)"} <= set(cases)
    if task == "rref":
        assert cases["Eq(a, 1)"] == Matrix([[1, 1], [0, 0]])
    if task == "rank":
        assert cases["Eq(a, 1)"] == 1 and cases["Eq(a, -1)"] == 1
    if task == "inverse":
        assert str(cases["Eq(a, 1)"]) == "not invertible"
    d.validate()
    assert "assuming" in d.to_text("overview").lower()


def test_solve_system_states_its_assumptions() -> None:
    d = sm.solve("solve_system", equations="a x + y = 1; x + a y = 1")
    assert d.steps[1].rule.value == "assume_nonzero"
    assert d.steps[-1].rule.value == "parameter_cases"
    d.validate()
    assert sm.check("solve_system", answer="x = 1/(a+1), y = 1/(a+1)",
                    equations="a x + y = 1; x + a y = 1").correct is True


def test_no_parameters_no_assumption_steps() -> None:
    d = sm.solve("rref", matrix="[[2,1],[1,2]]")
    assert all(s.rule.value not in ("assume_nonzero", "parameter_cases") for s in d.steps)

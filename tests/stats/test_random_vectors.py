"""Random vectors: marginals, conditionals, independence, covariance, correlation, MVN."""

from __future__ import annotations

import pytest
from sympy import Rational

from symbolic_mlmath.api import check, solve
from symbolic_mlmath.core.errors import InputError

np = pytest.importorskip("numpy")
scipy_stats = pytest.importorskip("scipy.stats", reason="scipy is the test-only reference")
R = Rational
JOINT = {"(0, 0)": "0.1", "(0, 1)": "0.2", "(1, 0)": "0.3", "(1, 1)": "0.4"}


def test_marginals_and_conditionals():
    d = solve("marginal", joint_pmf=JOINT, variable="X")
    assert d.result == {0: R(3, 10), 1: R(7, 10)}
    d.validate()
    c = solve("marginal", joint_pmf=JOINT, variable="X", given="Y = 1")
    assert c.result == {0: R(1, 3), 1: R(2, 3)}
    c.validate()
    nested = solve("marginal", joint_pmf="{0: {0: 0.1, 1: 0.2}, 1: {0: 0.3, 1: 0.4}}",
                   variable="Y")
    assert nested.result == {0: R(2, 5), 1: R(3, 5)}


def test_independence_names_the_first_failing_cell():
    d = solve("marginal", joint_pmf=JOINT)
    last = d.steps[-1]
    assert last.rule.value == "independence_test" and not bool(last.after)
    assert tuple(last.given["cell"]) == (0, 0)
    indep = {"(0, 0)": "1/6", "(0, 1)": "1/3", "(1, 0)": "1/6", "(1, 1)": "1/3"}
    assert bool(solve("marginal", joint_pmf=indep).steps[-1].after)


def _table_moments():
    xs = np.array([0, 0, 1, 1])
    ys = np.array([0, 1, 0, 1])
    p = np.array([0.1, 0.2, 0.3, 0.4])
    ex, ey, exy = (xs * p).sum(), (ys * p).sum(), (xs * ys * p).sum()
    vx, vy = (xs**2 * p).sum() - ex**2, (ys**2 * p).sum() - ey**2
    return exy - ex * ey, (exy - ex * ey) / np.sqrt(vx * vy)


def test_joint_covariance_and_correlation():
    cov, corr = _table_moments()
    d = solve("covariance", joint_pmf=JOINT)
    assert d.result == R(-1, 50) and abs(float(d.result) - cov) < 1e-15
    d.validate()
    c = solve("correlation", joint_pmf=JOINT)
    assert abs(float(c.result) - corr) < 1e-14
    c.validate()
    names = [s.rule.value for s in c.steps]
    assert names[:2] == ["correlation_formula", "variance_shortcut"]


def test_data_covariance_correlation_and_matrix():
    x, y = "1 2 3 4 5", "2.1 3.9 6.2 7.8 10.1"
    fx, fy = [1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1]
    d = solve("covariance", x=x, y=y)
    assert abs(float(d.result) - np.cov(fx, fy)[0, 1]) < 1e-13
    d.validate()
    r = solve("correlation", x=x, y=y)
    assert abs(float(r.result) - scipy_stats.pearsonr(fx, fy)[0]) < 1e-14
    r.validate()
    rows = [[1, 2, 3], [2, 4, 1], [3, 5, 0], [4, 9, 2]]
    m = solve("covariance", data=rows)
    assert np.allclose(np.array(m.result.tolist(), dtype=float), np.cov(np.array(rows).T))
    m.validate()


def test_mvn_density_against_scipy():
    d = solve("mvn_density", mean="[1, 0]", cov="[[2, 1], [1, 3]]", x="[2, 1]")
    ref = scipy_stats.multivariate_normal([1, 0], [[2, 1], [1, 3]]).pdf([2, 1])
    assert abs(float(d.result) - ref) < 1e-15
    d.validate()
    with pytest.raises(InputError, match="positive definite"):
        solve("mvn_density", mean="[0, 0]", cov="[[1, 2], [2, 1]]", x="[0, 0]")


@pytest.mark.parametrize(
    ("task", "inputs", "answer", "correct", "phrase"),
    [
        ("covariance", {"joint_pmf": JOINT}, "-0.02", True, ""),
        ("covariance", {"x": "1 2 3", "y": "2 4 7"}, "5/2", True, ""),
        ("covariance", {"x": "1 2 3", "y": "2 4 7"}, "5/3", False, "divisor"),
        ("correlation", {"x": "1 2 3", "y": "2 4 7"}, "0.9934", True, ""),
        ("correlation", {"x": "1 2 3", "y": "2 4 7"}, "0.9868", False, "r squared"),
        ("marginal", {"joint_pmf": JOINT}, "{0: 0.3, 1: 0.7}", True, ""),
        ("marginal", {"joint_pmf": JOINT}, "{0: 0.3, 1: 0.6}", False, "P = 1"),
    ],
)
def test_checks(task, inputs, answer, correct, phrase):
    v = check(task, answer=answer, **inputs)
    assert v.correct is correct, v.feedback
    assert phrase in v.feedback


@pytest.mark.parametrize(
    ("joint", "message"),
    [({"(0, 0)": "0.5"}, "add up to"), ({"0": "1"}, "pair"), ({"(0, 0)": "1.5"}, "between 0 and 1")],
)
def test_bad_tables(joint, message):
    with pytest.raises(InputError, match=message):
        solve("marginal", joint_pmf=joint)

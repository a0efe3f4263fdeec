"""Partial derivatives, gradients (through named intermediates too) and Hessians.

References: SymPy's ``diff`` and ``hessian`` (independent of the rule tree), numpy's
``eigvalsh`` for definiteness, and hand values.
"""

from __future__ import annotations

import numpy as np
import pytest
from sympy import (
    ImmutableMatrix,
    Matrix,
    Rational,
    Symbol,
    diff,
    exp,
    hessian,
    log,
    sin,
    symbols,
)

import symbolic_mlmath as sm
from symbolic_mlmath.calculus.definiteness import eigen_verdict, minors_verdict
from symbolic_mlmath.calculus.equality import same_function
from symbolic_mlmath.calculus.functions import sigmoid, to_elementary
from symbolic_mlmath.calculus.multivariable import derive_gradient, derive_hessian, derive_partial
from symbolic_mlmath.calculus.rules import CalculusRule as R
from symbolic_mlmath.core.errors import InputError

x, y, z, w, b = symbols("x y z w b")


@pytest.mark.parametrize("f", [x**2 * y + y**3, exp(x * y) + sin(x), log(x**2 + y**2),
                               sigmoid(w * x + b) * y])
def test_gradient_components_equal_sympy(f):
    vs = tuple(sorted(f.free_symbols, key=str))
    d = derive_gradient(f, vs)
    d.validate()
    for k, v in enumerate(vs):
        assert same_function(d.result[k], diff(to_elementary(f), v)) is True
    assert len(d.steps[1].substeps) == len(vs)
    assert all(s.rule is R.PARTIAL_DERIVATIVE for s in d.steps[1].substeps)


def test_gradient_at_a_point():
    d = sm.solve("gradient", expr="x^2 y + sin(y)", vars="x, y", at="x = 1, y = 0")
    assert d.result == ImmutableMatrix([0, 2])
    d.validate()


def test_hessian_equals_sympy_and_is_symmetric():
    f = x**3 * y + exp(x - y) + x * y**2
    d = derive_hessian(f, (x, y))
    d.validate()
    H = hessian(f, (x, y))
    assert all(same_function(a, e) is True for a, e in zip(d.result, H, strict=True))
    assert any(s.rule is R.HESSIAN_SYMMETRY for s in d.steps)


@pytest.mark.parametrize(("f", "at", "verdict"), [
    (x**2 + y**2, None, "positive definite"),           # a bowl
    (x**2 - y**2, None, "indefinite"),                  # a saddle
    (-x**2 - 2 * y**2 + x * y, None, "negative definite"),
    ((x + y) ** 2, None, "positive semidefinite"),
    (x**3 - 3 * x + y**2, {x: 1, y: 0}, "positive definite"),
    (x**3 - 3 * x + y**2, {x: -1, y: 0}, "indefinite"),
])
def test_definiteness_two_ways_agrees_with_numpy(f, at, verdict):
    d = derive_hessian(f, (x, y), at=at)
    d.validate()
    eig = d.steps[-1]
    assert eig.rule is R.EIGENVALUE_TEST and str(eig.given["verdict"]) == verdict
    Hn = np.array(d.result.tolist(), dtype=float)
    ev = np.linalg.eigvalsh(Hn)
    assert np.allclose(sorted(float(v) for v in eig.given["eigenvalues"]), ev)
    minors = d.steps[-2]
    assert minors.rule is R.LEADING_MINORS
    assert float(minors.given["minors"][-1]) == pytest.approx(np.linalg.det(Hn))


def test_minors_and_eigenvalues_on_a_3x3():
    H = Matrix([[2, -1, 0], [-1, 2, -1], [0, -1, 2]])
    assert minors_verdict(H) == ((2, 3, 4), "positive definite")
    vals, word, numeric = eigen_verdict(H)
    assert word == "positive definite" and not numeric
    assert np.allclose([float(v) for v in vals], np.linalg.eigvalsh(np.array(H.tolist(), float)))


def test_large_matrix_eigenvalues_are_numeric_and_marked():
    H = Matrix(5, 5, lambda i, j: 2 if i == j else (-1 if abs(i - j) == 1 else 0))
    vals, word, numeric = eigen_verdict(H)
    assert numeric and word == "positive definite"
    assert np.allclose([float(v) for v in vals], np.linalg.eigvalsh(np.array(H.tolist(), float)))


def test_partial_through_named_intermediates_is_backprop():
    a, L = Symbol("a"), Symbol("L")
    ys = Symbol("y")
    where = {"z": w * x + b, "a": sigmoid(z), "L": (a - ys) ** 2}
    d = derive_partial(L, w, where=where)
    d.validate()
    full = (1 / (1 + exp(-(w * x + b))) - ys) ** 2
    assert same_function(d.result, diff(full, w)) is True
    chain = d.steps[1]
    assert chain.rule is R.GRAPH_CHAIN_RULE
    assert [tuple(map(str, p)) for p in chain.given["paths"]] == [("L", "a", "z", "w")]
    assert len(chain.substeps) == 3  # dL/da, da/dz, dz/dw, each derived


def test_partial_with_two_paths_adds_them():
    u, v = Symbol("u"), Symbol("v")
    d = derive_partial(u * v, x, where={"u": x**2, "v": x + y})
    d.validate()
    assert same_function(d.result, diff(x**2 * (x + y), x)) is True
    assert len(d.steps[1].given["paths"]) == 2


def test_partial_from_text_and_checks():
    kw = {"expr": "L", "var": "w", "where": "z = w x + b, a = sigma(z), L = (a - y)^2"}
    assert sm.check("partial_derivative", answer="2(a - y) sigma(z)(1 - sigma(z)) x", **kw).correct
    assert sm.check("partial_derivative", answer="2(a - y) x", **kw).correct is False


def test_circular_names_are_a_clear_error():
    with pytest.raises(InputError, match=r"circle|itself"):
        derive_partial(Symbol("p"), x, where={"p": Symbol("q") + x, "q": Symbol("p")})


def test_gradient_and_hessian_answers_entry_by_entry():
    v = sm.check("gradient", answer="[2x y, x^2 + cos y]", expr="x^2 y + sin(y)", vars="x, y")
    assert v.correct is True
    v = sm.check("gradient", answer="[2x, x^2 + cos y]", expr="x^2 y + sin(y)", vars="x, y")
    assert v.correct is False and "∂f/∂x" in v.feedback and "∂f/∂y" not in v.feedback
    v = sm.check("hessian", answer="[[6x, 1], [1, 3]]", expr="x^3 - 3x + y^2 + x y", vars="x, y")
    assert v.correct is False and "entry (2, 2)" in v.feedback
    v = sm.check("gradient", answer="[2xy, x^2 + cos y]", expr="x^2 y + sin(y)", vars="x, y")
    assert v.correct is False and "several letters" in v.feedback


def test_softmax_cross_entropy_hessian_is_tidy():
    z1, z2, z3 = symbols("z1 z2 z3")
    f = -log(exp(z1) / (exp(z1) + exp(z2) + exp(z3)))
    d = derive_hessian(f, (z1, z2, z3))
    d.validate()
    s = exp(z1) + exp(z2) + exp(z3)
    assert same_function(d.result[0, 1], -exp(z1) * exp(z2) / s**2) is True
    assert same_function(d.result[1, 1], exp(z2) * (exp(z1) + exp(z3)) / s**2) is True


def test_rational_point():
    d = derive_gradient(x**2 * y, (x, y), at={x: Rational(1, 2), y: 3})
    assert d.result == ImmutableMatrix([3, Rational(1, 4)])

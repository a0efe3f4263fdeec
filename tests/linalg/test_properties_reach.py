"""Property tests that reach past the easy cases: algebraic and symbolic entries, matrices
past the coarse-step threshold (more than FINE_STEPS_MAX_ENTRIES entries), characteristic
polynomials beyond 2x2. References: SymPy's own functions and numpy, never our engines."""

from __future__ import annotations

import numpy as np
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import I, Matrix, Rational, Symbol, sqrt

import symbolic_mlmath as sm
from symbolic_mlmath.linalg.elimination import FINE_STEPS_MAX_ENTRIES

a, b = sympy.symbols("a b")
algebraic = st.sampled_from([0, 1, -2, Rational(1, 2), sqrt(2), 1 + sqrt(2), -sqrt(3) / 2,
                             2 * sqrt(2) - 1, I, 1 - I, sqrt(3) * I])
symbolic = st.sampled_from([0, 1, -1, 2, a, b, a + 1, 2 * a - b, a * b, Rational(1, 3)])


def _matrix(entries, n_min=2, n_max=4, square=True):
    @st.composite
    def build(draw):
        m = draw(st.integers(n_min, n_max))
        n = m if square else draw(st.integers(n_min, n_max))
        return Matrix(m, n, [draw(entries) for _ in range(m * n)])

    return build()


@settings(max_examples=10)
@given(_matrix(algebraic, n_max=3, square=False))
def test_rref_and_rank_with_algebraic_entries(M) -> None:
    d = sm.solve("rref", matrix=M)
    R = M.rref(iszerofunc=lambda x: sympy.simplify(x) == 0, simplify=True)[0]
    assert all(sympy.simplify(x - y) == 0 for x, y in zip(d.result, R, strict=True))
    assert sm.solve("rank", matrix=M).result == M.rank(iszerofunc=lambda x:
                                                         sympy.simplify(x) == 0)


@settings(max_examples=12)
@given(_matrix(algebraic, n_max=3))
def test_det_with_algebraic_entries(M) -> None:
    for method in ("cofactor", "elimination"):
        d = sm.solve("det", matrix=M, method=method)
        assert sympy.simplify(d.result - M.det()) == 0


@settings(max_examples=20)
@given(_matrix(symbolic, n_max=3))
def test_det_and_singular_with_symbols(M) -> None:
    d = sm.solve("det", matrix=M)
    assert (d.result - M.det()).expand() == 0
    s = sm.solve("singular", matrix=M).result
    det = M.det().expand()
    if det == 0:
        assert s is True
    elif not det.free_symbols:
        assert s is False
    else:  # a case split, never a generic yes/no
        assert isinstance(s, dict) and (s["det"] - det).expand() == 0


@settings(max_examples=10)
@given(st.integers(13, 15), st.integers(0, 10**6))
def test_rank_past_the_coarse_step_threshold(n, seed) -> None:
    rng = np.random.default_rng(seed)
    r = int(rng.integers(1, n))
    low = rng.integers(-3, 4, size=(n, r)) @ rng.integers(-3, 4, size=(r, n))
    assert n * n > FINE_STEPS_MAX_ENTRIES
    M = Matrix(low.tolist())
    d = sm.solve("rank", matrix=M)
    assert d.result == np.linalg.matrix_rank(low.astype(float))
    assert any(s.rule.value == "eliminate_column" for s in d.steps)  # coarse steps used
    rr = sm.solve("rref", matrix=M)
    assert rr.result == M.rref()[0]
    rr.validate()


@settings(max_examples=20)
@given(st.integers(3, 5).flatmap(
    lambda n: st.lists(st.integers(-4, 4), min_size=n * n, max_size=n * n).map(
        lambda xs: Matrix(n, n, xs))))
def test_charpoly_beyond_2x2_matches_numpy(A) -> None:
    n = A.rows
    d = sm.solve("charpoly", matrix=A)
    (lam,) = d.variables
    ours = [float(c) for c in sympy.Poly(d.result, lam).all_coeffs()]
    theirs = (-1) ** n * np.poly(np.array(A.tolist(), dtype=float))  # det(A - λI)
    assert np.allclose(ours, theirs, atol=1e-6 * max(1, np.abs(theirs).max()))
    d.validate()


@settings(max_examples=10)
@given(_matrix(st.sampled_from([0, 1, 2, -1, sqrt(2)]), n_min=2, n_max=3))
def test_eigenvalues_with_algebraic_entries_match_numpy(A) -> None:
    vals = sm.solve("eigenvalues", matrix=A).result
    got = [complex(sympy.N(x, 20)) for x in vals]
    want = list(np.linalg.eigvals(np.array(A.evalf(20).tolist(), dtype=complex)))
    for z in got:  # a multiset match, robust to the order numpy happens to give
        k = min(range(len(want)), key=lambda q: abs(want[q] - z))
        assert abs(want.pop(k) - z) < 1e-6, (got, want)


@settings(max_examples=15)
@given(st.sampled_from([Symbol("a"), Symbol("k")]), st.integers(-3, 3), st.integers(1, 3))
def test_parameter_cases_agree_with_substitution(p, shift, c) -> None:
    A = Matrix([[p + shift, c], [c, p - shift]])
    d = sm.solve("rank", matrix=A)
    cases = d.steps[-1].given.get("cases", ()) if d.steps[-1].rule.value == \
        "parameter_cases" else ()
    for label, value in cases:
        assert A.xreplace({label.lhs: label.rhs}).rank() == value
    d.validate()

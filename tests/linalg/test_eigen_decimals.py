"""Eigenvectors, diagonalisations and PCA parts written in decimals, judged by the one decimal
rule of ``core.decimals``: an entry is right when it is an exact answer's entry correctly
rounded to the places written (both neighbours at an exact tie), or within a tolerance.

Answers unique only up to scale are right when *some* exact answer rounds to what was written.
Every reference below is worked by hand:

* SYM = [[2,1],[1,2]]: eigenvalues 1, 3 with eigenvectors t[1,-1], t[1,1].
* EIG = [[1,2],[3,4]]: eigenvalues (5 ± sqrt(33))/2 = 5.3722.., -0.3722.., eigenvectors
  t[2, λ - 1] (from (1 - λ) x + 2 y = 0) = t[2, 4.3722..], t[2, -1.3722..].
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import symbolic_mlmath as sm

SYM = "[[2,1],[1,2]]"
EIG = "[[1,2],[3,4]]"


@pytest.mark.parametrize(("answer", "right"), [
    ("[0.71,-0.71],[1,1]", True),  # t = 1/sqrt(2) = 0.7071..: strictly inside [0.705, 0.715]
    ("[0.7,-0.7],[0.3,0.3]", True),
    ("[5,-5],[0.3,0.3]", True),  # exact entries
    ("[1.0,-1.3],[1,1]", False),  # t in [0.95, 1.05] and in [1.25, 1.35]: impossible
    ("[0.71,-0.69],[1,1]", False),  # t in [0.705, 0.715] and in [0.685, 0.695]
    ("[2,-2.1],[1,1]", False),  # 2 is exact: t = 2 pins -2.1 to -2
    # the scale is free, so it may not sit on a tie: [1.0, -1.1] would need t = 1.05 exactly
    # (1.05 rounds to 1.0 or 1.1), [0.71, -0.70] would need t = 0.705
    ("[1.0,-1.1],[1,1]", False),
    ("[1.1,-1.0],[1,1]", False),
    ("[0.71,-0.70],[1,1]", False),
])
def test_eigenvectors_round_from_an_eigenspace(answer, right) -> None:
    v = sm.check("eigenvectors", answer=answer, matrix=SYM)
    assert v.correct is right, v.feedback


@pytest.mark.parametrize(("answer", "right"), [
    ("[2, 4.37], [2, -1.37]", True),  # t = 1: 4.3722.. -> 4.37, -1.3722.. -> -1.37
    ("[1, 2.19], [1, -0.69]", True),  # t = 1/2: 2.1861.. -> 2.19, -0.6861.. -> -0.69
    ("[0.42, 0.92], [0.82, -0.57]", True),  # unit vectors: [0.4160.., 0.9093..] ...
    ("[2, 4.38], [2, -1.37]", False),
    ("[1, 2.18], [1, -0.69]", False),
    ("[2, 4.4], [2, -1.4]", True),
])
def test_irrational_eigenvectors_in_decimals(answer, right) -> None:
    v = sm.check("eigenvectors", answer=answer, matrix=EIG)
    assert v.correct is right, v.feedback
    if right:
        assert v.method == "decimal", v.feedback


def test_eigenvector_tolerance_is_the_core_one() -> None:
    # [1, 1.2] is within 0.1 of t[1, 1] for t = 1.1; not within 0.05 of any t[1, 1]
    assert sm.check("eigenvectors", answer="[1,-1],[1.0,1.2]", matrix=SYM,
                    abs_tol="0.1").correct is True
    assert sm.check("eigenvectors", answer="[1,-1],[1.0,1.2]", matrix=SYM,
                    abs_tol="0.05").correct is False


def test_a_two_dimensional_eigenspace_with_exact_and_decimal_entries() -> None:
    # A = diag(2, 2, 5): eigenspace of 2 is span(e1, e2); [1, 0.33, 0] lies in it exactly,
    # [1, 0.33, 0.1] does not round from it (the third entry of any w in it is 0)
    A = "[[2,0,0],[0,2,0],[0,0,5]]"
    ok = sm.check("eigenvectors", answer="[1,0.33,0],[0.5,1,0],[0,0,1]", matrix=A)
    assert ok.correct is True, ok.feedback
    bad = sm.check("eigenvectors", answer="[1,0.33,0.1],[0.5,1,0],[0,0,1]", matrix=A)
    assert bad.correct is False, bad.feedback


@pytest.mark.parametrize(("answer", "right"), [
    ("P = [[2,2],[4.37,-1.37]], D = [[5.37,0],[0,-0.37]]", True),
    ("P = [[2,2],[-1.37,4.37]], D = [[-0.37,0],[0,5.37]]", True),
    ("P = [[2,2],[4.4,-1.4]], D = [[5.4,0],[0,-0.4]]", True),
    ("P = [[2,2],[4.37,-1.38]], D = [[5.37,0],[0,-0.37]]", False),  # -1.3722.. -> -1.37
    ("P = [[2,2],[4.37,-1.37]], D = [[5.3,0],[0,-0.3]]", False),  # 5.3722.. -> 5.4
    ("P = [[2,2],[4.37,-1.37]], D = [[-0.37,0],[0,5.37]]", False),  # columns swapped in P only
    ("D = [[5.37,0],[0,-0.37]]", True),
    ("D = [[5.38,0],[0,-0.37]]", False),
    ("P = [[0.71,0.71],[-0.71,0.71]], D = [[1,0],[0,3]]", None),  # SYM, see below
])
def test_diagonalisation_in_decimals(answer, right) -> None:
    if right is None:
        v = sm.check("diagonalize", answer=answer, matrix=SYM)
        assert v.correct is True, v.feedback
        return
    v = sm.check("diagonalize", answer=answer, matrix=EIG)
    assert v.correct is right, v.feedback


def test_diagonalisation_tolerance() -> None:
    ans = "P = [[2,2],[4.3,-1.3]], D = [[5.3,0],[0,-0.3]]"
    assert sm.check("diagonalize", answer=ans, matrix=EIG).correct is False
    assert sm.check("diagonalize", answer=ans, matrix=EIG, abs_tol="0.1").correct is True
    assert sm.check("diagonalize", answer=ans, matrix=EIG, abs_tol="0.01").correct is False


# centred data (±1/2, ∓3/2), (∓3/2, ±1/2): covariance [[5/3, -1], [-1, 5/3]], eigenvalues 8/3
# (component ±[1, -1]/√2) and 2/3 (±[1, 1]/√2); explained 4/5, 1/5
DATA = "[[2,0],[0,2],[3,1],[1,3]]"


@pytest.mark.parametrize(("answer", "right"), [
    ({"components": "[0.71, -0.71]"}, True),  # 1/sqrt(2) = 0.7071..
    ({"components": "[-0.71, 0.71]"}, True),
    ({"components": "[0.70, -0.70]"}, False),
    ({"components": "[0.71, 0.71]"}, False),  # the second component, not the first
    ({"eigenvalues": "2.67, 0.67"}, True),  # 8/3, 2/3
    ({"eigenvalues": "2.66, 0.67"}, False),
    ({"explained_variance": "0.8, 0.2"}, True),  # 4/5, 1/5
])
def test_pca_parts_in_decimals(answer, right) -> None:
    v = sm.check("pca", answer=answer, data=DATA)
    assert v.correct is right, v.feedback


# [[122, -110], [132, -119]] = P diag(1, 2) P^-1 with P = [[10, 11], [11, 12]] (det -1): its
# eigenvectors t[10, 11] (λ = 1) and t[11, 12] (λ = 2) are so close that, to one place,
# [1.4, 1.5] and [1.3, 1.4] each round from both eigenspaces (worked by hand: [1.4, 1.5] is
# s[10, 11] for s in [0.1318, 0.1409] and t[11, 12] for t in [0.1227, 0.1292]).
CLOSE = "[[122,-110],[132,-119]]"


@pytest.mark.parametrize(("answer", "right"), [
    ("[1.4, 1.5], [1.3, 1.4]", True),  # one reading gives each eigenspace its vector
    ("[1.3, 1.4], [1.4, 1.5]", True),
    ("[1.4, 1.5], [1.4, 1.5]", False),  # each rounds from an eigenvector, but not independent
    ("[1.4, 1.7], [1.3, 1.4]", False),  # s in [0.150, 0.159] and in [0.135, 0.145]: no
    ("[10, 11], [11, 12]", True),
])
def test_a_vector_rounding_from_two_eigenspaces_may_be_read_as_either(answer, right) -> None:
    v = sm.check("eigenvectors", answer=answer, matrix=CLOSE)
    assert v.correct is right, v.feedback


def _rounded(x: Fraction, places: int) -> str:
    """x correctly rounded, by Python's decimal module (an independent reference)."""
    q = Decimal(1).scaleb(-places)
    return str((Decimal(x.numerator) / Decimal(x.denominator)).quantize(q, ROUND_HALF_EVEN))


def _tie(x: Fraction, places: int) -> bool:
    y = 2 * x * 10**places
    return y.denominator == 1 and y.numerator % 2 == 1


@settings(max_examples=25)
@given(p=st.lists(st.integers(-6, 6), min_size=4, max_size=4),
       d=st.lists(st.integers(-4, 4), min_size=2, max_size=2, unique=True),
       scales=st.lists(st.tuples(st.integers(-40, 40).filter(bool), st.integers(1, 9)),
                       min_size=2, max_size=2),
       places=st.integers(1, 3))
def test_rounded_eigenvectors_and_diagonalisations_are_accepted(p, d, scales, places) -> None:
    a, b, c, e = (Fraction(x) for x in p)
    det = a * e - b * c
    assume(det != 0)
    P = [[a, b], [c, e]]
    inv = [[e / det, -b / det], [-c / det, a / det]]
    A = [[sum(P[i][k] * d[k] * inv[k][j] for k in range(2)) for j in range(2)]
         for i in range(2)]
    cols = []
    for j, (num, den) in enumerate(scales):
        exact = [Fraction(num, den) * P[i][j] for i in range(2)]
        assume(not any(_tie(x, places) for x in exact))
        cols.append([_rounded(x, places) for x in exact])
    w = [[Fraction(x) for x in col] for col in cols]
    assume(w[0][0] * w[1][1] - w[0][1] * w[1][0] != 0)  # the written vectors independent
    matrix = "[" + ", ".join("[" + ", ".join(str(x) for x in row) + "]" for row in A) + "]"
    answer = ", ".join("[" + ", ".join(col) + "]" for col in cols)
    v = sm.check("eigenvectors", answer=answer, matrix=matrix)
    assert v.correct is True, (matrix, answer, v.feedback)
    written_p = "[" + ", ".join(f"[{cols[0][i]}, {cols[1][i]}]" for i in range(2)) + "]"
    v = sm.check("diagonalize", answer=f"P = {written_p}, D = [[{d[0]}, 0], [0, {d[1]}]]",
                 matrix=matrix)
    assert v.correct is True, (matrix, written_p, v.feedback)


# Four points (±1, 0), (0, ±1): covariance (2/3) I, so both variances are 2/3 and every unit
# vector is a first principal component (any orthonormal pair is a pair of components).
ROUND = "[[1,0],[-1,0],[0,1],[0,-1]]"


@pytest.mark.parametrize(("answer", "right"), [
    ("[0, 1]", True),
    ("[0.6, 0.8]", True),  # exactly unit
    ("[0.71, 0.71]", True),  # (1, 1)/sqrt(2) rounded
    ("[[0.6, 0.8], [-0.8, 0.6]]", True),
    ("[[0.6, 0.8], [0.8, 0.6]]", False),  # not orthogonal
    ("[1, 1]", False),  # not a unit vector
    ("[0.71, 0.72]", False),  # x >= 0.705, y >= 0.715 give x^2 + y^2 >= 1.008
])
def test_repeated_variances_leave_the_components_free(answer, right) -> None:
    v = sm.check("pca", answer={"components": answer}, data=ROUND)
    assert v.correct is right, v.feedback

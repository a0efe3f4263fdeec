"""Hypothesis strategies for linear-algebra tests: small exact matrices."""

from __future__ import annotations

from hypothesis import strategies as st
from sympy import Matrix, Rational

__all__ = ["fractions", "matrices", "small", "square_matrices"]

small = st.integers(-6, 6)
fractions = st.builds(Rational, st.integers(-5, 5), st.integers(1, 4))


def matrices(entries=small, min_n=1, max_n=4, square=False):
    @st.composite
    def build(draw):
        m = draw(st.integers(min_n, max_n))
        n = m if square else draw(st.integers(min_n, max_n))
        return Matrix(m, n, [draw(entries) for _ in range(m * n)])

    return build()


def square_matrices(n):
    """Square ``n x n`` matrices of integers in [-4, 4]."""
    return st.lists(st.lists(st.integers(-4, 4), min_size=n, max_size=n), min_size=n, max_size=n).map(Matrix)

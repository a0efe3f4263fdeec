"""Worksheet generators for eigenvectors, diagonalisation, PCA and Markov steady states.

Built backwards: a matrix with eigenvectors P and eigenvalues D is A = P D P^-1 with P
unimodular (det ±1), so A and its eigenvectors are integers; a defective matrix (hard
diagonalisation) is P J P^-1 with a Jordan block J. PCA data are a mean plus Y R, where
the columns of Y are orthogonal contrasts (zero sum, so the mean is the chosen integer one)
and R an axis permutation or a 45° rotation: the covariance eigenvalues are then rational and
the components (1, 1)/√2-like (3 to 7 data points). Markov matrices are [[1-p, q], [p, 1-q]] (steady state
(q, p)/(p + q)) or columns of quarters and thirds whose steady state has small denominators.

Examples
========
>>> import random
>>> from symbolic_mlmath.core.problems import Level
>>> p = GENERATORS["eigenvectors"].problem(random.Random(5), Level("easy"))
>>> p.task, len(p.inputs["matrix"])
('eigenvectors', 2)
"""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

from symbolic_mlmath.core.problems import GeneratorTable, Level, Problem

__all__ = ["GENERATORS", "diagonal_key", "eigen_key", "pca_key"]

#: The generators of this module.
GENERATORS = GeneratorTable()


def _unimodular(rng: random.Random, n: int, bound: int = 2) -> Any:
    from sympy import eye

    M = eye(n)
    for _ in range(2 * n):
        i, j = rng.sample(range(n), 2)
        trial = M.copy()
        trial[i, :] = trial[i, :] + rng.choice((-1, 1, 2, -2)) * trial[j, :]
        if max(abs(x) for x in trial) <= bound:
            M = trial
    return M


def _rows(M: Any) -> list[list[Any]]:
    return [[int(x) if x.is_Integer else str(x) for x in M.row(i)] for i in range(M.rows)]


def _similar(rng: random.Random, n: int, values: list[int], jordan: bool = False) -> Any:
    """P D P^-1 (or P J P^-1) with integer entries at most 9 in size, when one is found."""
    from sympy import diag

    A = None
    for _ in range(60):
        P = _unimodular(rng, n)
        J = diag(*values)
        if jordan:
            J[0, 1] = 1
        A = (P * J * P.inv()).as_immutable()
        if max(abs(x) for x in A) <= 9 and sum(1 for x in A if x == 0) < n * n - n:
            return A
    return A


def _values(rng: random.Random, n: int, level: Level) -> list[int]:
    if level.difficulty == "hard" and n >= 3 and rng.random() < 0.5:
        a, b = rng.sample(range(-2, 5), 2)
        return [a, a, b][:n] + [b] * max(0, n - 3)
    return rng.sample(range(-3, 5), n)


def _shown(A: Any) -> tuple:
    return ("matrices", (("A", A),))


def eigen_key(d: Any) -> str:
    """The eigenvectors of a derivation as a learner writes them: a list of vectors.

    Examples
    ========
    >>> from symbolic_mlmath.core.tasks import get_task
    >>> eigen_key(get_task("eigenvectors").solve({"matrix": [[2, 1], [1, 2]]}))
    '[[-1, 1], [1, 1]]'
    """
    from symbolic_mlmath.core.problems import answer_text

    return answer_text([list(v) for e in d.result for v in e["vectors"]])


def pca_key(d: Any) -> str:
    """The covariance eigenvalues of a PCA, the key's checkable part: written as a set when
    they are distinct (a list of n numbers would read as one component)."""
    from symbolic_mlmath.core.problems import answer_text

    vals = list(d.result["eigenvalues"])
    text = answer_text(vals)
    return "{" + text[1:-1] + "}" if len(set(vals)) == len(vals) else text


def diagonal_key(d: Any) -> str:
    """``[P, D]`` as nested lists, or ``not diagonalizable``."""
    from symbolic_mlmath.core.problems import answer_text

    r = d.result
    if r.get("diagonalizable") is False:
        return "not diagonalizable"
    return "[" + answer_text(r["P"]) + ", " + answer_text(r["D"]) + "]"


@GENERATORS.add("eigenvectors", answer=eigen_key)
def _gen_eigenvectors(rng: random.Random, level: Level) -> Problem:
    n = max(2, level.size_or(2, rng.choice((2, 3)), 3))
    A = _similar(rng, n, _values(rng, n, level))
    return Problem("eigenvectors", {"matrix": _rows(A)},
                   "Find the eigenvalues of $A$ and a basis of each eigenspace.", _shown(A))


@GENERATORS.add("diagonalize", answer=diagonal_key)
def _gen_diagonalize(rng: random.Random, level: Level) -> Problem:
    n = max(2, level.size_or(2, rng.choice((2, 3)), 3))
    values = _values(rng, n, level)
    defective = level.difficulty == "hard" and rng.random() < 0.3
    if defective:
        values[1] = values[0]
    A = _similar(rng, n, values, jordan=defective)
    return Problem("diagonalize", {"matrix": _rows(A)},
                   "Diagonalise $A$: find $P$ and $D$ with $A = P D P^{-1}$, or show that it "
                   "cannot be done.", _shown(A))


def _contrast(m: int, k: int) -> list[int]:
    """The k-th Helmert contrast of length m: k ones, then -k, then zeros (zero sum)."""
    return [1] * k + [-k] + [0] * (m - k - 1)


@GENERATORS.add("pca", answer=pca_key, max_numerator=120, max_denominator=12)
def _gen_pca(rng: random.Random, level: Level) -> Problem:
    from sympy import ImmutableMatrix, Matrix

    f = level.pick(2, 2, 3)
    m = max(f + 1, level.size_or(3, 4, rng.choice((4, 5))))
    X = None
    m = min(m, 7)
    good = [k for k in range(1, m) if 2 * (k + k * k) % (m - 1) == 0]  # variances in halves
    if len(good) < f:
        f = max(2, min(f, len(good)))
    pool = good if len(good) >= f else list(range(1, m))
    for _ in range(30):
        ks = rng.sample(pool, f)
        choices = (1,) if m >= 6 else level.pick((1, 2), (1, 2), (1, 1, 2))
        scales = [rng.choice(choices) for _ in range(f)]
        Y = Matrix([[scales[j] * _contrast(m, ks[j])[i] for j in range(f)] for i in range(m)])
        R = Matrix.eye(f)
        if level.difficulty != "easy":  # a 45° rotation of two features: rows (1, 1), (-1, 1)
            a, b = rng.sample(range(f), 2)
            R[a, a], R[a, b], R[b, a], R[b, b] = 1, 1, -1, 1
        order = list(range(f))
        rng.shuffle(order)
        R = R.extract(order, list(range(f)))
        Z = Y * R
        if len(set((Z.T * Z).eigenvals())) == f:  # distinct variances: components unique
            break
    mean = Matrix([[rng.randint(-3, 6) for _ in range(f)]])
    X = ImmutableMatrix(Z + Matrix.ones(m, 1) * mean)
    return Problem("pca", {"data": _rows(X)},
                   "Principal component analysis of the data (one observation per row): find "
                   "the covariance matrix, its eigenvalues and the principal components.",
                   ("matrices", (("X", X),)))


def _steady(M: list[list[Fraction]]) -> list[Fraction] | None:
    """The steady state of a column-stochastic matrix by exact elimination (None unless it is
    unique and positive)."""
    from sympy import Matrix, Rational, eye

    A = Matrix([[Rational(x.numerator, x.denominator) for x in r] for r in M])
    n = A.rows
    ns = (A - eye(n)).nullspace()
    if len(ns) != 1:
        return None
    v = ns[0] / sum(ns[0])
    if any(x <= 0 for x in v):  # a regular chain: every state visited
        return None
    return [Fraction(int(x.p), int(x.q)) for x in v]


@GENERATORS.add("steady_state", max_denominator=12)
def _gen_steady_state(rng: random.Random, level: Level) -> Problem:
    from sympy import ImmutableMatrix, Rational

    n = max(2, level.size_or(2, rng.choice((2, 3)), 3))
    grains = level.pick((2, 4), (2, 3, 4), (3, 4, 5))
    M = None
    for _ in range(200):
        if n == 2:
            p = Fraction(rng.randint(1, 4), rng.choice(grains))
            q = Fraction(rng.randint(1, 4), rng.choice(grains))
            if not (0 < p < 1 and 0 < q < 1) or (p == q and level.difficulty != "easy"):
                continue
            M = [[1 - p, q], [p, 1 - q]]
        else:
            cols = []
            for _ in range(n):
                g = rng.choice(grains)
                cuts = sorted(rng.randint(0, g) for _ in range(n - 1))
                parts = [b - a for a, b in zip([0, *cuts], [*cuts, g], strict=True)]
                cols.append([Fraction(x, g) for x in parts])
            M = [[cols[j][i] for j in range(n)] for i in range(n)]
        pi = _steady(M)
        if pi is not None and all(x.denominator <= 12 for x in pi):
            break
    A = ImmutableMatrix([[Rational(x.numerator, x.denominator) for x in r] for r in M])
    return Problem("steady_state", {"matrix": [[str(x) for x in r] for r in M]},
                   "The column-stochastic matrix $M$ moves a probability vector one step: "
                   "$x_{k+1} = M x_k$. Find the steady state ($M x = x$, entries adding to 1).",
                   ("matrices", (("M", A),)))

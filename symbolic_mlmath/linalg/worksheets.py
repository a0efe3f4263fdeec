"""Linear-algebra worksheet generators: the subject's ``GENERATORS`` table (task -> Generator).

Each problem is built backwards from its answer: matrices are products of elementary
matrices (or L times U) with small entries, systems get an integer solution first and
their right-hand side from it, singular matrices get a row that is a combination of the
others, diagonalisable matrices are P D P^-1 with P unimodular. The publishing layer
solves each candidate and keeps it only if every number in every step stays small.
Every generator takes a :class:`~symbolic_mlmath.core.problems.Level`: easy problems are
2 × 2 (or 2-vectors), hard ones 3 × 3 to 4 × 4; ``size`` sets the matrix size (or vector
length); medium keeps the mix it always had (2 × 2 and 3 × 3).

Examples
========
>>> import random
>>> from symbolic_mlmath.core.problems import Level
>>> p = GENERATORS["det"].problem(random.Random(1), Level("easy"))
>>> p.task, sorted(p.inputs), len(p.inputs["matrix"])
('det', ['matrix'], 2)
>>> len(GENERATORS["det"].problem(random.Random(1), Level("hard", size=4)).inputs["matrix"])
4
>>> _unimodular(random.Random(3), 3).det() in (1, -1)
True
"""

from __future__ import annotations

import random
from typing import Any

from symbolic_mlmath.core.problems import GeneratorTable, Level, Problem, linear_text

__all__ = ["GENERATORS"]

#: The subject's problem generators.
GENERATORS = GeneratorTable()


# ------------------------------------------------------------------ building blocks
def _mat(rows: list[list[int]]) -> Any:
    from sympy import ImmutableMatrix

    return ImmutableMatrix(rows)


def _rows(M: Any) -> list[list[int]]:
    return [[int(x) for x in M.row(i)] for i in range(M.rows)]


def _unimodular(rng: random.Random, n: int, ops: int | None = None, bound: int = 4) -> Any:
    """A product of elementary row-addition matrices: integer, det 1, entries <= bound."""
    from sympy import eye

    M = eye(n)
    for _ in range(ops if ops is not None else 2 * n):
        i, j = rng.sample(range(n), 2)
        c = rng.choice((-2, -1, 1, 1, 2))
        trial = M.copy()
        trial[i, :] = trial[i, :] + c * trial[j, :]
        if max(abs(x) for x in trial) <= bound:
            M = trial
    if rng.random() < 0.5:
        i, j = rng.sample(range(n), 2)
        M.row_swap(i, j)
    return M.as_immutable()


def _lu(rng: random.Random, n: int, diag: tuple[int, ...] = (1, -1, 2, -2, 3),
        bound: int = 9) -> Any:
    """L (unit lower) times U (upper, small pivots), rows shuffled: a moderate det."""
    from sympy import Matrix

    for _ in range(50):
        L = Matrix.eye(n)
        U = Matrix.zeros(n, n)
        for i in range(n):
            U[i, i] = rng.choice(diag)
            for j in range(n):
                if j < i:
                    L[i, j] = rng.randint(-2, 2)
                elif j > i:
                    U[i, j] = rng.randint(-3, 3)
        A = L * U
        order = list(range(n))
        rng.shuffle(order)
        A = A.extract(order, list(range(n)))
        if max(abs(x) for x in A) <= bound and sum(1 for x in A if x == 0) <= n:
            return A.as_immutable()
    return A.as_immutable()


def _dependent(rng: random.Random, n: int, cols: int | None = None, bound: int = 9) -> Any:
    """An n x cols integer matrix whose last row (moved to a random place) is a
    combination of two others: singular when square."""
    from sympy import Matrix

    cols = cols or n
    for _ in range(50):
        rows = [[rng.randint(-4, 4) for _ in range(cols)] for _ in range(n - 1)]
        picks = rng.sample(range(n - 1), min(2, n - 1))
        coefs = [rng.choice((-2, -1, 1, 2)) for _ in picks]
        last = [sum(c * rows[i][k] for c, i in zip(coefs, picks, strict=True))
                for k in range(cols)]
        rows.insert(rng.randint(0, n - 1), last)
        A = Matrix(rows)
        if max(abs(x) for x in A) <= bound and all(any(r) for r in rows):
            return A.as_immutable()
    return A.as_immutable()


def _echelon_matrix(rng: random.Random, m: int, n: int, r: int) -> Any:
    """An m x n integer matrix of rank r: P (unimodular) times an echelon matrix."""
    from sympy import Matrix

    for _ in range(50):
        cols = sorted(rng.sample(range(n), r))
        if r and rng.random() < 0.8:
            cols[0] = 0
            cols = sorted(set(cols)) if len(set(cols)) == r else cols
        if len(set(cols)) < r:
            continue
        R = Matrix.zeros(m, n)
        for i, c in enumerate(cols):
            R[i, c] = rng.choice((1, 1, -1, 2))
            for k in range(c + 1, n):
                if k not in cols:
                    R[i, k] = rng.randint(-3, 3)
                elif k in cols[i + 1:]:
                    R[i, k] = rng.randint(-2, 2)
        A = _unimodular(rng, m, bound=3) * R
        if max(abs(x) for x in A) <= 9 and sum(1 for x in A if x == 0) <= m * n // 2:
            return A.as_immutable()
    return A.as_immutable()


_NAMES = ("x", "y", "z", "w")


def _choose(rng: random.Random, level: Level, easy: tuple, medium: tuple, hard: tuple,
            sized: Any = None) -> Any:
    """One of the options of the level's difficulty; ``sized(size)`` when a size is set."""
    if level.size is not None and sized is not None:
        return sized(max(2, min(5, level.size)))
    return rng.choice(level.pick(easy, medium, hard))


def _square(n: int) -> int:
    return n


def _system(rng: random.Random, kind: str, n: int | None = None) -> tuple[dict, tuple]:
    """Equations (as text) and their display, with a unique integer solution, a
    one-parameter family, or none."""
    from sympy import Matrix

    n = n or rng.choice((2, 3, 3))
    names = _NAMES[:n]
    x0 = Matrix([rng.randint(-4, 4) for _ in range(n)])
    A = (_lu(rng, n, diag=(1, -1, 1, 2, -1), bound=6) if kind == "unique"
         else _dependent(rng, n, bound=6))
    b = (A * x0).as_mutable()
    if kind == "none":  # break the dependence: change the right-hand side of a dependent row
        dep = _dependent_row(A)
        b[dep if dep is not None else n - 1] += rng.choice((-3, -2, -1, 1, 2, 3))
    rows = _rows(A)
    rhs = [int(v) for v in b]
    eqs = [f"{linear_text(r, names)} = {v}" for r, v in zip(rows, rhs, strict=True)]
    return {"equations": eqs}, ("system", rows, rhs, names)


def _dependent_row(A: Any) -> int | None:
    """A row that is a combination of the others (removing it keeps the rank)."""
    r = A.rank()
    for i in range(A.rows):
        rest = A.extract([k for k in range(A.rows) if k != i], list(range(A.cols)))
        if rest.rank() == r:
            return i
    return None


# ------------------------------------------------------------------ generators
@GENERATORS.add("det")
def _gen_det(rng: random.Random, level: Level) -> Problem:
    n = _choose(rng, level, (2,), (2, 3, 3), (3, 4), _square)
    A = _lu(rng, n)
    method = rng.choice((None, "cofactor", "sarrus", "elimination")) if n == 3 else None
    inputs: dict[str, Any] = {"matrix": _rows(A)}
    how = ""
    if method:
        inputs["method"] = method
        how = {"cofactor": " by cofactor expansion", "sarrus": " by the rule of Sarrus",
               "elimination": " by elimination"}[method]
    return Problem("det", inputs, f"Compute $\\det A${how}.", ("matrices", (("A", A),)))


@GENERATORS.add("singular")
def _gen_singular(rng: random.Random, level: Level) -> Problem:
    n = _choose(rng, level, (2,), (2, 3, 3), (3, 4), _square)
    A = _dependent(rng, n) if rng.random() < 0.5 else _lu(rng, n)
    return Problem("singular", {"matrix": _rows(A)},
                   "Is $A$ singular? Justify your answer with its determinant.",
                   ("matrices", (("A", A),)))


@GENERATORS.add("rank")
def _gen_rank(rng: random.Random, level: Level) -> Problem:
    m, n = _choose(rng, level, ((2, 2), (2, 3), (3, 2)), ((3, 3), (3, 4), (4, 3), (3, 3)),
                   ((4, 4), (4, 5), (5, 4)), lambda k: (k, k))
    r = rng.randint(1, min(m, n))
    A = _echelon_matrix(rng, m, n, r)
    return Problem("rank", {"matrix": _rows(A)}, "Find the rank of $A$.",
                   ("matrices", (("A", A),)))


@GENERATORS.add("ref")
def _gen_ref(rng: random.Random, level: Level) -> Problem:
    m, n = _choose(rng, level, ((2, 2), (2, 3)), ((3, 3), (3, 4), (2, 3)),
                   ((3, 4), (4, 4), (4, 5)), lambda k: (k, k))
    A = _echelon_matrix(rng, m, n, rng.randint(max(1, min(m, n) - 1), min(m, n)))
    return Problem("ref", {"matrix": _rows(A)},
                   "Bring $A$ to a row echelon form by row operations.",
                   ("matrices", (("A", A),)))


@GENERATORS.add("rref")
def _gen_rref(rng: random.Random, level: Level) -> Problem:
    m, n = _choose(rng, level, ((2, 2), (2, 3)), ((3, 3), (3, 4), (2, 3)),
                   ((3, 4), (4, 4), (4, 5)), lambda k: (k, k))
    A = _echelon_matrix(rng, m, n, rng.randint(max(1, min(m, n) - 1), min(m, n)))
    return Problem("rref", {"matrix": _rows(A)},
                   "Find the reduced row echelon form of $A$.", ("matrices", (("A", A),)))


def _system_size(rng: random.Random, level: Level) -> int | None:
    """Unknowns: 2 when easy, 3 or 4 when hard, the size (2 to 4) when set; None (the
    system's own 2-or-3 mix) at medium."""
    if level.size is not None:
        return max(2, min(4, level.size))
    if level.difficulty == "medium":
        return None
    return 2 if level.difficulty == "easy" else rng.choice((3, 4))


@GENERATORS.add("solve_system")
def _gen_solve(rng: random.Random, level: Level) -> Problem:
    kind = "unique" if rng.random() < 0.8 else "infinite"
    inputs, shown = _system(rng, kind, _system_size(rng, level))
    return Problem("solve_system", inputs, "Solve the system by elimination.", shown)


@GENERATORS.add("classify_system")
def _gen_classify(rng: random.Random, level: Level) -> Problem:
    kind = rng.choice(("unique", "infinite", "none"))
    inputs, shown = _system(rng, kind, _system_size(rng, level))
    return Problem("classify_system", inputs,
                   "Does the system have a unique solution, infinitely many, or none?", shown)


@GENERATORS.add("inverse")
def _gen_inverse(rng: random.Random, level: Level) -> Problem:
    n = _choose(rng, level, (2,), (2, 2, 3), (3, 3, 4), _square)
    A = _unimodular(rng, n, bound=4) if rng.random() < 0.6 else _lu(rng, n, diag=(1, -1, 2))
    return Problem("inverse", {"matrix": _rows(A)}, "Find $A^{-1}$ by row reduction of "
                   "$[A \\mid I]$.", ("matrices", (("A", A),)))


@GENERATORS.add("matmul")
def _gen_matmul(rng: random.Random, level: Level) -> Problem:
    m, k, n = _choose(rng, level, ((2, 2, 2), (1, 2, 2), (2, 2, 1)),
                      ((2, 2, 2), (2, 3, 2), (3, 2, 3), (2, 3, 3)),
                      ((3, 3, 3), (2, 4, 3), (3, 4, 2)), lambda s: (s, s, s))
    A = _mat([[rng.randint(-3, 3) for _ in range(k)] for _ in range(m)])
    B = _mat([[rng.randint(-3, 3) for _ in range(n)] for _ in range(k)])
    return Problem("matmul", {"A": _rows(A), "B": _rows(B)}, "Compute the product $AB$.",
                   ("matrices", (("A", A), ("B", B))))


@GENERATORS.add("eigenvalues")
def _gen_eigenvalues(rng: random.Random, level: Level) -> Problem:
    A = _diagonalizable(rng, _choose(rng, level, (2,), (2, 2, 3), (3,), _square))
    return Problem("eigenvalues", {"matrix": _rows(A)}, "Find the eigenvalues of $A$.",
                   ("matrices", (("A", A),)))


def _diagonalizable(rng: random.Random, n: int) -> Any:
    """P D P^-1 with P unimodular and D distinct small integers: integer entries."""
    from sympy import diag

    for _ in range(50):
        P = _unimodular(rng, n, bound=2)
        values = rng.sample(range(-3, 5), n)
        A = (P * diag(*values) * P.inv()).as_immutable()
        if max(abs(x) for x in A) <= 9:
            return A
    return A


@GENERATORS.add("charpoly")
def _gen_charpoly(rng: random.Random, level: Level) -> Problem:
    A = _diagonalizable(rng, _choose(rng, level, (2,), (2, 2, 3), (3,), _square))
    return Problem("charpoly", {"matrix": _rows(A)},
                   "Find the characteristic polynomial $\\det(A - \\lambda I)$.",
                   ("matrices", (("A", A),)))


def _vector(rng: random.Random, n: int, lo: int = -5, hi: int = 5) -> list[int]:
    v = [rng.randint(lo, hi) for _ in range(n)]
    return v if any(v) else [1, *v[1:]]


def _col(v: list[int]) -> Any:
    return _mat([[x] for x in v])


@GENERATORS.add("vector_add")
def _gen_vector_add(rng: random.Random, level: Level) -> Problem:
    n = _choose(rng, level, (2,), (2, 3, 3), (3, 4), _square)
    u, v = _vector(rng, n), _vector(rng, n)
    a, b = rng.choice((1, 2, 3, -1, -2)), rng.choice((1, 2, 3, -1, -2, -3))
    op = {1: "u", -1: "-u"}.get(a, f"{a}u") + ("+" if b > 0 else "-") + (
        "v" if abs(b) == 1 else f"{abs(b)}v")
    return Problem("vector_add", {"u": u, "v": v, "op": op}, f"Compute ${op}$.",
                   ("matrices", (("u", _col(u)), ("v", _col(v)))))


@GENERATORS.add("dot")
def _gen_dot(rng: random.Random, level: Level) -> Problem:
    n = _choose(rng, level, (2,), (2, 3, 3, 4), (4, 5), _square)
    u, v = _vector(rng, n), _vector(rng, n)
    return Problem("dot", {"u": u, "v": v}, "Compute the dot product $u \\cdot v$.",
                   ("matrices", (("u", _col(u)), ("v", _col(v)))))


@GENERATORS.add("linear_transform")
def _gen_linear_transform(rng: random.Random, level: Level) -> Problem:
    m, n = _choose(rng, level, ((2, 2),), ((2, 2), (2, 2), (3, 3), (2, 3)),
                   ((3, 3), (3, 2), (2, 3)), lambda k: (k, k))
    A = _mat([[rng.randint(-3, 3) for _ in range(n)] for _ in range(m)])
    v = _vector(rng, n, -3, 3)
    return Problem("linear_transform", {"matrix": _rows(A), "v": v},
                   "Find the image of $v$ under the linear transformation $T(v) = Av$.",
                   ("matrices", (("A", A), ("v", _col(v)))))


@GENERATORS.add("det_product")
def _gen_det_product(rng: random.Random, level: Level) -> Problem:
    n = _choose(rng, level, (2,), (2, 3), (3,), _square)
    A, B = _lu(rng, n, diag=(1, -1, 2)), _lu(rng, n, diag=(1, -1, 2))
    return Problem("det_product", {"A": _rows(A), "B": _rows(B)},
                   "Compute $\\det(AB)$ without multiplying the matrices.",
                   ("matrices", (("A", A), ("B", B))))


@GENERATORS.add("det_inverse")
def _gen_det_inverse(rng: random.Random, level: Level) -> Problem:
    A = _lu(rng, _choose(rng, level, (2,), (2, 3), (3, 4), _square), diag=(1, -1, 2, -2, 3))
    return Problem("det_inverse", {"matrix": _rows(A)}, "Compute $\\det(A^{-1})$.",
                   ("matrices", (("A", A),)))


@GENERATORS.add("independent")
def _gen_independent(rng: random.Random, level: Level) -> Problem:
    n = max(2, min(5, level.size)) if level.size is not None else level.pick(2, 3, 4)
    k = rng.choice(level.pick((2,), (2, 3, 3), (3, 4, 4)))
    if rng.random() < 0.5:
        M = _unimodular(rng, n, bound=3)
        rows = _rows(M)[:k]
    else:
        rows = _rows(_dependent(rng, k, cols=n, bound=6))
    vecs = tuple((f"v_{i + 1}", _col(r)) for i, r in enumerate(rows))
    return Problem("independent", {"vectors": rows},
                   "Are the vectors linearly independent?", ("matrices", vecs))

"""Worksheet generators for vectors and spans: ``angle``, ``projection``, ``norm``, ``basis_span``.

Built backwards so the answer is nice: angles from pairs whose angle is a special one
(π/4, π/3, π/2, 2π/3, 3π/4, π; a rational cosine when hard), moved by a random signed
permutation of the coordinates and scaled (which keeps the angle); norms from Pythagorean
pairs, triples and quadruples (so the L2 norm is an integer); projections onto vectors
with a small v·v; spans from the rows of a unimodular matrix and combinations of them
(so the rank is chosen first). Each takes a :class:`~symbolic_mlmath.core.problems.Level`:
the difficulty picks the dimension and the kind of numbers, ``size`` sets the dimension.

Examples
========
>>> import random
>>> from symbolic_mlmath.core.problems import Level
>>> p = GENERATORS["angle"].problem(random.Random(2), Level("easy"))
>>> p.task, len(p.inputs["u"])
('angle', 2)
"""

from __future__ import annotations

import random
from typing import Any

from symbolic_mlmath.core.problems import GeneratorTable, Level, Problem

__all__ = ["GENERATORS", "basis_key", "col", "signed_permutation"]

#: The generators of this module.
GENERATORS = GeneratorTable()

# pairs (u, v) with a special angle between them
_SPECIAL = {
    2: [((1, 0), (1, 1)), ((1, 0), (0, 1)), ((1, 0), (-1, 1)), ((1, 1), (1, -1)),
        ((1, 0), (-1, 0)), ((2, 1), (-1, 2))],
    3: [((1, 1, 0), (0, 1, 1)), ((1, 1, 0), (0, -1, 1)), ((1, 0, 0), (1, 1, 0)),
        ((1, 0, 1), (0, 1, 0)), ((1, 0, 0), (-1, 0, 1)), ((1, 2, 2), (2, 1, -2))],
}
# pairs with a rational cosine (hard)
_RATIONAL = {
    2: [((3, 4), (4, 3)), ((3, 4), (0, 1)), ((5, 12), (12, 5)), ((3, 4), (-4, 3))],
    3: [((1, 2, 2), (2, 1, 2)), ((1, 2, 2), (0, 0, 1)), ((2, 3, 6), (6, 2, 3)),
        ((1, 2, 2), (2, -2, 1))],
}
# vectors with an integer L2 norm
_PYTHAGOREAN = {
    2: [(3, 4), (6, 8), (5, 12), (8, 15), (1, 0), (0, 2)],
    3: [(1, 2, 2), (2, 3, 6), (2, 6, 9), (4, 4, 7), (1, 4, 8), (2, 1, 2)],
    4: [(1, 1, 1, 1), (1, 2, 2, 4), (2, 4, 5, 6), (1, 1, 3, 5), (2, 2, 2, 2)],
}


def col(v: list[int]) -> Any:
    """A column vector (for display under a problem)."""
    from sympy import ImmutableMatrix

    return ImmutableMatrix([[x] for x in v])


def signed_permutation(rng: random.Random, n: int) -> tuple[list[int], list[int]]:
    """A random reordering of n coordinates and a sign for each (an isometry)."""
    order = list(range(n))
    rng.shuffle(order)
    return order, [rng.choice((1, -1)) for _ in range(n)]


def _move(v: tuple[int, ...], n: int, iso: tuple[list[int], list[int]], k: int = 1) -> list[int]:
    w = list(v) + [0] * (n - len(v))
    order, signs = iso
    return [k * signs[i] * w[order[i]] for i in range(n)]


def _shown(**vecs: list[int]) -> tuple:
    return ("matrices", tuple((name, col(v)) for name, v in vecs.items()))


@GENERATORS.add("angle")
def _gen_angle(rng: random.Random, level: Level) -> Problem:
    n = max(2, level.size_or(2, rng.choice((2, 3)), 3))
    base = min(n, 3)
    pool = _RATIONAL[base] if level.difficulty == "hard" and rng.random() < 0.6 else _SPECIAL[base]
    u, v = rng.choice(pool)
    if rng.random() < 0.5:
        u, v = v, u
    iso = signed_permutation(rng, n)
    ku, kv = level.pick((1, 1), (rng.randint(1, 2), rng.randint(1, 2)),
                        (rng.randint(1, 3), rng.randint(1, 3)))
    uu, vv = _move(u, n, iso, ku), _move(v, n, iso, kv)
    return Problem("angle", {"u": uu, "v": vv},
                   "Find the angle between $u$ and $v$ (in radians).", _shown(u=uu, v=vv))


@GENERATORS.add("projection")
def _gen_projection(rng: random.Random, level: Level) -> Problem:
    n = max(2, level.size_or(2, rng.choice((2, 3)), rng.choice((3, 4))))
    bound = level.pick(1, 2, 2)
    while True:
        v = [rng.randint(-bound, bound) for _ in range(n)]
        vv = sum(x * x for x in v)
        if vv and vv <= level.pick(2, 6, 9):
            break
    u = [rng.randint(-4, 4) for _ in range(n)]
    if not any(u):
        u[0] = 1
    return Problem("projection", {"u": u, "v": v},
                   "Find the projection of $u$ onto $v$.", _shown(u=u, v=v))


@GENERATORS.add("norm")
def _gen_norm(rng: random.Random, level: Level) -> Problem:
    n = max(2, level.size_or(2, rng.choice((2, 3)), rng.choice((3, 4))))
    ord_ = level.pick("2", rng.choice(("1", "2", "2", "inf")), rng.choice(("1", "2", "inf")))
    if ord_ == "2":
        base = rng.choice(_PYTHAGOREAN[min(n, 4)])
        v = _move(base, n, signed_permutation(rng, n), level.pick(1, rng.randint(1, 2), 1))
    else:
        v = [rng.randint(-6, 6) for _ in range(n)]
        if not any(v):
            v[0] = 3
    name = {"1": "L_1", "2": "L_2", "inf": "L_\\infty"}[ord_]
    return Problem("norm", {"v": v, "ord": ord_}, f"Compute the ${name}$ norm of $v$.",
                   _shown(v=v))


def _unimodular_rows(rng: random.Random, n: int, bound: int = 3) -> list[list[int]]:
    rows = [[int(i == j) for j in range(n)] for i in range(n)]
    for _ in range(3 * n):
        i, j = rng.sample(range(n), 2)
        c = rng.choice((-1, 1, 2))
        trial = [x + c * y for x, y in zip(rows[i], rows[j], strict=True)]
        if max(abs(x) for x in trial) <= bound:
            rows[i] = trial
    return rows


def basis_key(d: Any) -> str:
    """A basis of the span as a learner types it (the key's checkable part)."""
    return "[" + ", ".join("[" + ", ".join(str(x) for x in v) + "]" for v in d.result["basis"]) + "]"


@GENERATORS.add("basis_span", answer=basis_key)
def _gen_basis_span(rng: random.Random, level: Level) -> Problem:
    n = max(2, level.size_or(2, 3, rng.choice((3, 4))))
    k = level.pick(2, rng.choice((2, 3, 3)), rng.choice((3, 4)))
    r = rng.randint(max(1, min(k, n) - 1), min(k, n))
    for _ in range(50):
        basis = _unimodular_rows(rng, n)[:r]
        vecs = [list(b) for b in basis]
        while len(vecs) < k:
            cs = [rng.choice((-1, 1, 2)) for _ in basis]
            vecs.append([sum(c * b[j] for c, b in zip(cs, basis, strict=True)) for j in range(n)])
        rng.shuffle(vecs)
        if all(any(v) for v in vecs) and max(abs(x) for v in vecs for x in v) <= 9:
            break
    names = {f"v_{i + 1}": v for i, v in enumerate(vecs)}
    return Problem("basis_span", {"vectors": vecs, "space": f"R^{n}"},
                   f"For the vectors below: are they linearly independent, do they span "
                   f"$\\mathbb{{R}}^{n}$, and what are a basis and the dimension of their span?",
                   _shown(**names))

"""Difficulty and size for the course-1 generators of ``linalg/worksheets.py``: easy problems
are 2 × 2 (or 2-vectors), hard ones 3 × 3 to 4 × 4 (or longer vectors), ``size`` sets the
size; every key at every level is judged by SymPy computed directly here (det, rank, rref,
inv, eigenvals, linsolve), never by our engines; problems are byte-identical per seed."""

from __future__ import annotations

import random
import re

import pytest
from sympy import Matrix, Symbol, eye, linsolve, symbols
from sympy.parsing.sympy_parser import (
    implicit_multiplication_application,
    parse_expr,
    standard_transformations,
)

from symbolic_mlmath.core.problems import Level
from symbolic_mlmath.core.tasks import get_task
from symbolic_mlmath.linalg.worksheets import GENERATORS

TASKS = ("det", "singular", "rank", "ref", "rref", "solve_system", "classify_system", "inverse",
         "matmul", "eigenvalues", "charpoly", "vector_add", "dot", "linear_transform",
         "det_product", "det_inverse", "independent")
CASES = [(t, lv, s) for t in TASKS for lv in ("easy", "hard") for s in range(4)]
_T = (*standard_transformations, implicit_multiplication_application)
_XYZW = symbols("x y z w")


def _problem(task: str, level: str, seed: int, size: int | None = None):
    return GENERATORS[task].problem(random.Random(seed), Level(level, size))


def _size(task: str, i: dict) -> int:
    """The size a problem is about: matrix rows, vector length or number of unknowns."""
    if "equations" in i:
        return len(i["equations"])
    if "vectors" in i:
        return len(i["vectors"][0])
    for key in ("matrix", "A", "u"):
        if key in i:
            return len(i[key]) if key != "A" else max(len(i["A"]), len(i["A"][0]))
    raise AssertionError(task)


def _system(i: dict) -> tuple[Matrix, Matrix, tuple]:
    names = _XYZW[: len(i["equations"])]
    local = {str(s): s for s in names}
    rows, rhs = [], []
    for eq in i["equations"]:
        left, right = eq.split("=")
        e = parse_expr(left, local_dict=local, transformations=_T)
        rows.append([e.coeff(s) for s in names])
        rhs.append(parse_expr(right, local_dict=local, transformations=_T))
    return Matrix(rows), Matrix(rhs), names


def _reference(task: str, i: dict):
    if task in ("solve_system", "classify_system"):
        A, b, names = _system(i)
        sols = linsolve((A, b), *names)
        if task == "classify_system":
            if not sols:
                return "none"
            (sol,) = sols
            return "infinite" if any(v.free_symbols for v in sol) else "unique"
        assert sols, i
        return A, b, names
    if task == "vector_add":
        u, v = Matrix(i["u"]), Matrix(i["v"])
        a, sign, b = re.fullmatch(r"(-?\d*)u([+-])(\d*)v", i["op"]).groups()
        a = {"": 1, "-": -1}.get(a) or int(a)
        b = (1 if sign == "+" else -1) * (int(b) if b else 1)
        return a * u + b * v
    if task == "dot":
        return Matrix(i["u"]).dot(Matrix(i["v"]))
    if task == "matmul":
        return Matrix(i["A"]) * Matrix(i["B"])
    if task == "det_product":
        return Matrix(i["A"]).det() * Matrix(i["B"]).det()
    if task == "independent":
        return Matrix(i["vectors"]).rank() == len(i["vectors"])
    A = Matrix(i["matrix"])
    if task == "linear_transform":
        return A * Matrix(i["v"])
    lam = Symbol("lambda")
    return {"det": A.det, "singular": lambda: A.det() == 0, "rank": A.rank,
            "rref": lambda: A.rref()[0], "inverse": A.inv,
            "eigenvalues": lambda: sorted(v for v, m in A.eigenvals().items() for _ in range(m)),
            "charpoly": lambda: (A - lam * eye(A.rows)).det().expand(),
            "det_inverse": lambda: 1 / A.det(), "ref": lambda: A.rref()[0]}[task]()


def _same(task: str, got, want) -> bool:
    if task == "ref":  # any echelon form of A: the same row space, so the same rref
        return Matrix(got).rref()[0] == want and Matrix(got).is_echelon
    if task == "eigenvalues":
        return sorted(got) == want
    if task == "charpoly":
        return (got.subs(next(iter(got.free_symbols)), Symbol("lambda")) - want).expand() == 0
    if task == "solve_system":  # the same solution set, whatever the free variables chosen
        A, b, names = want
        by_name = {str(k): v for k, v in got.items()}
        x = Matrix([by_name[str(s)] for s in names])
        free = set().union(*(v.free_symbols for v in x))
        return (A * x - b).expand() == Matrix.zeros(A.rows, 1) and \
            len(free) == A.cols - A.rank()
    if isinstance(want, Matrix):
        return Matrix(got) == want
    return got == want


@pytest.mark.parametrize(("task", "level", "seed"), CASES)
def test_key_matches_sympy(task: str, level: str, seed: int) -> None:
    p = _problem(task, level, seed)
    got = get_task(task).solve(p.inputs).result
    assert _same(task, got, _reference(task, p.inputs)), (p.inputs, got)


@pytest.mark.parametrize("task", TASKS)
def test_easy_is_small_and_hard_is_larger(task: str) -> None:
    easy = {_size(task, _problem(task, "easy", s).inputs) for s in range(6)}
    hard = {_size(task, _problem(task, "hard", s).inputs) for s in range(6)}
    assert easy <= {1, 2, 3} and max(easy) <= min(hard) and max(hard) >= 3, (easy, hard)


@pytest.mark.parametrize("task", TASKS)
def test_size_sets_the_size_and_the_key_stays_right(task: str) -> None:
    for seed in range(2):
        p = _problem(task, "medium", seed, size=4)
        assert _size(task, p.inputs) == 4, p.inputs
        got = get_task(task).solve(p.inputs).result
        assert _same(task, got, _reference(task, p.inputs)), (p.inputs, got)


@pytest.mark.parametrize("task", TASKS)
def test_byte_identical_per_seed(task: str) -> None:
    for level in ("easy", "hard"):
        a, b = _problem(task, level, 7), _problem(task, level, 7)
        assert repr(a) == repr(b)

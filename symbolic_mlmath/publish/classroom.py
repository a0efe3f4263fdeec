"""A realistic class, generated: students answering a problem sheet, with the usual slips.

The items: determinants (answered, and worked by cofactors), row reductions worked, linear
systems answered, derivatives worked (functions from the calculus worksheet generator,
slips from the rule tree with one law changed) and one-sample t tests worked (σ/n, n for
n - 1, a one-sided p-value, a contradicting decision).

:func:`make_class` builds ``students`` x items submissions from one seed: each item is
a problem (a few variants of the sheet are handed out) answered right, or with one
typical slip planted at a known line (a cofactor sign, a 2x2 determinant written
ad + bc, an arithmetic slip carried forward, a sign lost in row reduction, ...), and a
small share of broken submissions (a task name mistyped, an unreadable answer). Each
:class:`Planted` submission carries the truth the grader should find, so a test can
count what ``mlmath grade`` reports against what was planted. The same seed gives the
same class.

Examples
========
>>> cls = make_class(3, seed=1, items=("det_answer", "det_working"))
>>> len(cls), cls[0].submission["student"], cls[0].submission["task"]
(6, 's001', 'det')
>>> make_class(3, seed=1, items=("det_answer", "det_working")) == cls
True
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_ITEMS", "ITEMS", "MIXED_ITEMS", "TASK_OF", "Item", "Planted", "make_class",
           "write_class"]


@dataclass(frozen=True)
class Planted:
    """One generated submission and what grading it should find.

    ``status`` is the record status expected (``graded`` unless the submission was broken
    on purpose); ``correct`` whether the answer/working is right; ``mistake`` the slip
    planted (None when right, or when only a final answer is given); ``line`` the 0-based
    line of the working where the slip is.
    """

    submission: dict
    correct: bool | None
    mistake: str | None = None
    line: int | None = None
    status: str = "graded"


@dataclass(frozen=True)
class Item:
    """One problem of the sheet: its task and inputs, the correct response, and slips.

    ``right`` is ``{"answer": ...}`` and/or ``{"working": [...]}``; each slip is
    ``(response, mistake name or None, 0-based line or None)``.
    """

    task: str
    inputs: dict
    right: dict
    slips: tuple = field(default=())


# ------------------------------------------------------------------ small exact helpers
def _det(M: list[list[int]]) -> int:
    if len(M) == 1:
        return M[0][0]
    if len(M) == 2:
        return M[0][0] * M[1][1] - M[0][1] * M[1][0]
    return sum((-1) ** j * M[0][j] * _det(_minor(M, 0, j)) for j in range(len(M)))


def _minor(M: list[list[int]], i: int, j: int) -> list[list[int]]:
    return [[x for c, x in enumerate(r) if c != j] for k, r in enumerate(M) if k != i]


def _num(x: Any) -> str:
    x = Fraction(x)
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


def _p(x: int) -> str:
    """A factor in a product as a learner writes it: ``3`` or ``(-3)``."""
    return f"({x})" if x < 0 else str(x)


def _matrix(rows: Iterable[Iterable[Any]]) -> str:
    return "[" + ", ".join("[" + ", ".join(_num(x) for x in r) + "]" for r in rows) + "]"


def _rand_matrix(rng: random.Random, n: int, m: int | None = None, lo: int = -4,
                 hi: int = 5) -> list[list[int]]:
    return [[rng.randint(lo, hi) for _ in range(m or n)] for _ in range(n)]


# ------------------------------------------------------------------ det
def _det_problem(rng: random.Random) -> list[list[int]]:
    while True:
        A = _rand_matrix(rng, rng.choice((2, 3, 3)))
        if _det(A) != 0 and sum(1 for r in A for x in r if x == 0) <= 2:
            return A


def _item_det_answer(rng: random.Random) -> Item:
    A = _det_problem(rng)
    d = _det(A)
    slips = [(str(-d), None, None), (str(d + rng.choice((-2, -1, 1, 2))), None, None)]
    if len(A) == 3:  # the middle cofactor added instead of subtracted
        slips.append((str(d + 2 * A[0][1] * _det(_minor(A, 0, 1))), None, None))
    slips = [s for s in slips if s[0] != str(d)]
    return Item("det", {"matrix": _matrix(A)}, {"answer": str(d)}, tuple(slips))


def _minor_text(B: list[list[int]], plus: bool = False) -> str:
    return f"{_p(B[0][0])}*{_p(B[1][1])} {'+' if plus else '-'} {_p(B[0][1])}*{_p(B[1][0])}"


def _all_minors(A: list[list[int]]) -> set[int]:
    n = len(A)
    return {_det(_minor(A, i, j)) for i in range(n) for j in range(n)}


def _item_det_working(rng: random.Random) -> Item:
    A = _det_problem(rng)
    d = _det(A)
    inputs = {"matrix": _matrix(A)}
    if len(A) == 2:
        right = [f"{_p(A[0][0])}*{_p(A[1][1])} - {_p(A[0][1])}*{_p(A[1][0])}", str(d)]
        wrong = A[0][0] * A[1][1] + A[0][1] * A[1][0]
        slips = []
        if wrong != d:
            slips.append(([f"{_p(A[0][0])}*{_p(A[1][1])} + {_p(A[0][1])}*{_p(A[1][0])}",
                           str(wrong)], "2x2 determinant", 0))
        slips.append(([right[0], str(d + rng.choice((-1, 1)))], "arithmetic slip", 1))
        return Item("det", inputs, {"working": right}, tuple(slips))
    minors = [_minor(A, 0, j) for j in range(3)]
    vals = [_det(B) for B in minors]
    signs = (" ", " - ", " + ")

    def line1(sign_flip: int | None = None, plus_minor: int | None = None) -> str:
        out = ""
        for j in range(3):
            s = signs[j] if j != sign_flip else {" - ": " + ", " + ": " - "}[signs[j]]
            out += ("" if j == 0 else s) + f"{_p(A[0][j])}*({_minor_text(minors[j], j == plus_minor)})"
        return out

    def line2(v: list[int], sign_flip: int | None = None) -> str:
        out = ""
        for j in range(3):
            s = signs[j] if j != sign_flip else {" - ": " + ", " + ": " - "}[signs[j]]
            out += ("" if j == 0 else s) + f"{_p(A[0][j])}*{_p(v[j])}"
        return out

    def total(v: list[int], sign_flip: int | None = None) -> int:
        return sum((-1) ** j * (-1 if j == sign_flip else 1) * A[0][j] * v[j] for j in range(3))

    right = [line1(), line2(vals), str(d)]
    slips: list = []
    if A[0][1] * vals[1] != 0:  # the middle cofactor's sign: + b(di - fg)
        slips.append(([line1(sign_flip=1), line2(vals, sign_flip=1), str(total(vals, 1))],
                      "cofactor sign", 0))
    j = rng.randrange(3)
    wrong = minors[j][0][0] * minors[j][1][1] + minors[j][0][1] * minors[j][1][0]
    seen = _all_minors(A)
    if A[0][j] != 0 and 0 not in vals and wrong not in seen and -wrong not in seen:
        v = list(vals)
        v[j] = wrong
        slips.append(([line1(plus_minor=j), line2(v), str(total(v))], "2x2 determinant", 0))
    slips.append(([right[0], right[1], str(d + rng.choice((-2, -1, 1, 2)))], "arithmetic slip", 2))
    return Item("det", inputs, {"working": right}, tuple(slips))


# ------------------------------------------------------------------ rref
def _gauss_jordan(M: list[list[Fraction]]) -> list[list[list[Fraction]]]:
    """One line per pivot column: the pivot row scaled to 1 and its column cleared."""
    rows = [list(r) for r in M]
    lines: list[list[list[Fraction]]] = []
    top = 0
    for col in range(len(rows[0])):
        p = next((i for i in range(top, len(rows)) if rows[i][col] != 0), None)
        if p is None:
            continue
        rows[top], rows[p] = rows[p], rows[top]
        piv = rows[top][col]
        rows[top] = [x / piv for x in rows[top]]
        for i in range(len(rows)):
            if i != top and rows[i][col] != 0:
                f = rows[i][col]
                rows[i] = [x - f * y for x, y in zip(rows[i], rows[top], strict=True)]
        if not lines or rows != lines[-1]:
            lines.append([list(r) for r in rows])
        top += 1
        if top == len(rows):
            break
    return lines


def _nice(lines: list) -> bool:
    return all(abs(x.numerator) <= 30 and x.denominator <= 6 for L in lines for r in L for x in r)


def _rref_follows(prev: list, cur: list) -> bool | None:
    from symbolic_mlmath.core.working import get_judge
    from symbolic_mlmath.text.parse import parse_matrix

    judge = get_judge("rref")
    if judge is None:  # pragma: no cover - the linalg subject is always there
        return None
    P, C = parse_matrix(_matrix(prev), name="m"), parse_matrix(_matrix(cur), name="m")
    return judge.follows(judge.start("rref", {"matrix": P}), P, C).ok


def _item_rref_working(rng: random.Random) -> Item:
    while True:
        n, m = rng.choice(((2, 2), (2, 3), (3, 3), (3, 3)))
        A = [[Fraction(x) for x in r] for r in _rand_matrix(rng, n, m, -3, 4)]
        lines = _gauss_jordan(A)
        if len(lines) >= 2 and _nice(lines):
            break
    right = [_matrix(L) for L in lines]
    slips = []
    for name, change in (("arithmetic slip", lambda x: x + rng.choice((-1, 1))),
                         ("sign error", lambda x: -x)):
        for _ in range(20):
            k = rng.randrange(len(lines) - 1) if len(lines) > 1 else 0
            bad = [list(r) for r in lines[k]]
            i, j = rng.randrange(n), rng.randrange(m)
            if bad[i][j] == 0:
                continue
            bad[i][j] = change(bad[i][j])
            prev = A if k == 0 else lines[k - 1]
            if bad[i][j] == prev[i][j]:  # that reads as the row operation not applied there
                continue
            rest = _gauss_jordan(bad)
            if _rref_follows(prev, bad) is False and _nice(rest):
                work = right[:k] + [_matrix(bad)] + [_matrix(m) for m in rest if m != bad]
                slips.append((work, name, k))
                break
    return Item("rref", {"matrix": _matrix(A)}, {"working": right}, tuple(slips))


# ------------------------------------------------------------------ linear systems
def _item_system_answer(rng: random.Random) -> Item:
    names = ("x", "y", "z")
    while True:
        n = rng.choice((2, 3))
        A = _rand_matrix(rng, n, n, -3, 4)
        if _det(A) != 0:
            break
    sol = [rng.randint(-4, 5) for _ in range(n)]
    eqs = []
    for r in A:
        lhs = " + ".join(f"{c}{v}" for c, v in zip(r, names, strict=False) if c)
        eqs.append(f"{lhs.replace('+ -', '- ')} = {sum(c * s for c, s in zip(r, sol, strict=False))}")
    right = ", ".join(f"{v} = {s}" for v, s in zip(names, sol, strict=False))
    k = rng.randrange(n)
    bad = list(sol)
    bad[k] = -bad[k] if bad[k] else 1
    wrong = ", ".join(f"{v} = {s}" for v, s in zip(names, bad, strict=False))
    return Item("solve_system", {"equations": "; ".join(eqs)}, {"answer": right},
                ((wrong, None, None),))


# ------------------------------------------------------------------ derivatives
_FUNCTIONS = ("x^{n} sin(x)", "x^{n} e^({a}x)", "sin({a}x^2)", "ln({a}x)", "x^{n}/(x + {a})",
              "cos({a}x) x", "e^(-{a}x^2)", "(x^2 + {a})^{n}", "x^{n} ln(x)", "sqrt(x^2 + {a})")


def _item_derivative_working(rng: random.Random) -> Item:
    from sympy import expand

    from symbolic_mlmath.calculus.difftree import diff_tree
    from symbolic_mlmath.calculus.mistakes import name_slip, slip_variants
    from symbolic_mlmath.text.parse import parse_expr

    for attempt in range(20):
        text = _derivative_problem(rng) if attempt < 19 else _FUNCTIONS[0].format(n=2, a=2)
        f = parse_expr(text, name="expr")
        x = next(iter(f.free_symbols))
        tree = diff_tree(f, x)
        d = tree.result
        slips = []
        seen: set = set()
        for slip in slip_variants(tree):  # slips injected by changing one law of the tree
            if slip.name in seen or slip.result == d:
                continue
            again = name_slip(tree, slip.result)  # a slip two laws would explain is left out
            if again is None or again.name != slip.name:
                continue
            seen.add(slip.name)
            slips.append(([_expr_text(slip.result), _expr_text(expand(slip.result))], slip.name,
                          0))
        if slips:
            break
    right = [_expr_text(d), _expr_text(expand(d))]
    if right[0] == right[1]:
        right = right[:1]
    return Item("derivative", {"expr": text, "var": str(x)}, {"working": right}, tuple(slips))


def _derivative_problem(rng: random.Random) -> str:
    """A function to differentiate, from the calculus worksheet generator (medium or hard;
    none with a point to evaluate at, none with σ, whose slips would be planted in the
    ``exp`` form no learner writes); from :data:`_FUNCTIONS` when there is no generator."""
    from symbolic_mlmath.core.problems import Level
    from symbolic_mlmath.core.subjects import table

    gen = table("generators").get("derivative")
    for _ in range(20 if gen is not None else 0):
        p = gen.problem(rng, Level(rng.choice(("medium", "hard"))))
        text = p.inputs.get("expr")
        if set(p.inputs) == {"expr", "var"} and isinstance(text, str) and "sigma" not in text:
            return text
    return rng.choice(_FUNCTIONS).format(n=rng.choice((2, 3, 4)), a=rng.choice((2, 3, 5)))


def _expr_text(e: Any) -> str:
    return str(e).replace("**", "^")


# ------------------------------------------------------------------ t tests
def _item_t_test_working(rng: random.Random) -> Item:
    from sympy import Rational

    from symbolic_mlmath.stats import critical

    n = rng.choice((16, 25, 36))
    s = rng.choice((2, 4, 6))
    se = Rational(s, int(n ** 0.5))
    mu0 = rng.randint(40, 60)
    t = Rational(rng.choice((-5, -4, -3, -2, 2, 3, 4, 5)), 2)
    xbar = mu0 + t * se
    df = n - 1
    p = critical.p_value("t", t, "two-sided", df=df)
    decision = "reject H0" if p <= Rational(1, 20) else "fail to reject H0"

    def num(v: Any) -> str:
        return _num(v) if v.is_Rational else f"{float(v):.4f}"

    right = [f"SE = {s}/√{n} = {num(se)}", f"t = ({num(xbar)} - {mu0})/({num(se)}) = {num(t)}",
             f"df = {df}", f"p = {num(p)}", decision]
    wrong_se = Rational(s, n)
    t_wrong = (xbar - mu0) / wrong_se
    p_wrong = critical.p_value("t", t_wrong, "two-sided", df=df)
    slips = [
        ([f"SE = {s}/{n} = {num(wrong_se)}", f"t = {num(t_wrong)}", f"df = {df}",
          f"p = {num(p_wrong)}", "reject H0" if p_wrong <= Rational(1, 20) else
          "fail to reject H0"], "σ/n instead of σ/√n", 0),
        ([*right[:2], f"df = {n}", f"p = {num(critical.p_value('t', t, 'two-sided', df=n))}",
          decision], "n instead of n − 1", 2),
        ([*right[:3], f"p = {num(p / 2)}", "reject H0" if p / 2 <= Rational(1, 20) else
          "fail to reject H0"], "a one-sided p-value for a two-sided test", 3),
        ([*right[:4], "fail to reject H0" if decision == "reject H0" else "reject H0"],
         "a decision that contradicts your own p-value", 4),
    ]
    inputs = {"xbar": num(xbar), "n": str(n), "s": str(s), "mu0": str(mu0)}
    return Item("t_test", inputs, {"working": right}, tuple(slips))


#: Item makers by name: what :func:`make_class` can put on the sheet.
ITEMS: dict[str, Callable[[random.Random], Item]] = {
    "det_answer": _item_det_answer,
    "det_working": _item_det_working,
    "rref_working": _item_rref_working,
    "system_answer": _item_system_answer,
    "derivative_working": _item_derivative_working,
    "t_test_working": _item_t_test_working,
}

#: The task each item poses (an item is offered only when its task exists).
TASK_OF: dict[str, str] = {
    "det_answer": "det",
    "det_working": "det",
    "rref_working": "rref",
    "system_answer": "solve_system",
    "derivative_working": "derivative",
    "t_test_working": "t_test",
}

#: The default sheet: determinants, row reduction and a system.
DEFAULT_ITEMS = ("det_answer", "det_working", "rref_working", "system_answer")

#: A sheet across the courses (the benchmark's mix): determinants answered and worked,
#: a row reduction, a derivative and a t test worked.
MIXED_ITEMS = ("det_answer", "det_working", "rref_working", "derivative_working",
               "t_test_working")


def _broken(rng: random.Random, sub: dict) -> tuple[dict, str]:
    kind = rng.choice(("typo", "unreadable", "empty"))
    sub = dict(sub)
    if kind == "typo":
        sub["task"] = sub["task"][:-1] + sub["task"][-1] * 2
        return sub, "unknown task"
    if kind == "unreadable":
        sub.pop("working", None)
        sub["answer"] = "[[1, 2], [3"
        return sub, "bad input"
    sub.pop("working", None)
    sub.pop("answer", None)
    return sub, "bad input"


def make_class(
    students: int = 200,
    *,
    seed: int = 0,
    items: Iterable[str] = DEFAULT_ITEMS,
    variants: int = 4,
    slip_rate: float = 0.3,
    broken_rate: float = 0.01,
) -> list[Planted]:
    """``students`` x ``items`` submissions from ``seed``; see the module docstring."""
    from symbolic_mlmath.core.errors import InputError
    from symbolic_mlmath.text.options import parse_count, parse_name, parse_seed, parse_tolerance

    students = parse_count(students, name="students", low=1, high=10**6)
    seed = parse_seed(seed)
    variants = parse_count(variants, name="variants", low=1, high=1000)
    rates = {}
    for name, value in (("slip_rate", slip_rate), ("broken_rate", broken_rate)):
        rate = parse_tolerance(value, name=name)
        if rate is None or rate > 1:
            raise InputError("must be a number from 0 to 1", name=name)
        rates[name] = float(rate)
    slip_rate, broken_rate = rates["slip_rate"], rates["broken_rate"]
    items = tuple(parse_name(i, name="items") for i in ([items] if isinstance(items, str)
                                                        else items))
    unknown = [i for i in items if i not in ITEMS]
    if unknown:
        raise InputError(f"unknown item {unknown[0]!r}; items are {', '.join(ITEMS)}",
                         name="items")
    sheet = {(name, v): ITEMS[name](random.Random(f"{seed}/{name}/{v}"))
             for name in items for v in range(variants)}
    rng = random.Random(f"{seed}/class")
    out: list[Planted] = []
    for s in range(students):
        student = f"s{s + 1:03d}"
        for name in items:
            item = sheet[(name, s % variants)]
            sub: dict[str, Any] = {"id": f"{student}-{name}", "student": student,
                                   "task": item.task, "inputs": dict(item.inputs)}
            if item.slips and rng.random() < slip_rate:
                response, mistake, line = rng.choice(item.slips)
                planted = Planted(sub, False, mistake, line)
            else:
                response = next(iter(item.right.values()))
                planted = Planted(sub, True)
            sub["working" if "working" in item.right else "answer"] = response
            if rng.random() < broken_rate:
                broken, status = _broken(rng, sub)
                planted = Planted(broken, None, status=status)
            out.append(planted)
    return out


def write_class(planted: Iterable[Planted], path: str | Path) -> Path:
    """Write the submissions (not the truth) as JSONL, one per line."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as fh:
        for p in planted:
            fh.write(json.dumps(p.submission, ensure_ascii=False) + "\n")
    return path

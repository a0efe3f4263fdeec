"""Seeded worksheets: fresh problems built backwards so every step stays nice, and a key.

A *generator* makes one problem for one task from a seeded random source. It
builds the problem backwards from its answer: matrices are products of
elementary matrices (or L times U) with small entries, systems get an integer
solution first and their right-hand side from it, singular matrices get a row
that is a combination of the others. Every candidate is then solved with steps,
and it is kept only if every number in every step stays small (small integers,
fractions with small denominators); otherwise the next candidate is drawn.

Generators live in a registry keyed by task name (:func:`generator`), so a topic
adds its own; a topic's worksheet uses every registered task of that topic that
has one. The same seed gives byte-identical sheets; the seed is printed on them.

Examples
========
>>> sheet = make_worksheet(["c1w1-singularity"], count=2, seed=7)
>>> [p.task for p in sheet.problems]
['det', 'singular']
>>> make_worksheet(["c1w1-singularity"], count=2, seed=7).to_text() == sheet.to_text()
True
>>> import symbolic_mlmath as sm
>>> all(sm.check(p.task, answer=p.answer, **p.inputs).correct for p in sheet.problems)
True
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "GENERATORS",
    "Generator",
    "Problem",
    "Worksheet",
    "answer_text",
    "generator",
    "generators",
    "main",
    "make_problem",
    "make_worksheet",
    "topics_with_generators",
]

#: Bounds that make a step "nice": |numerator| and denominator of every number.
MAX_NUMERATOR = 40
MAX_DENOMINATOR = 6
ATTEMPTS = 200


# ------------------------------------------------------------------ problems
@dataclass(frozen=True)
class Problem:
    """One generated problem: the task and inputs that pose it, and how to show it.

    ``words`` is the instruction (Markdown, with ``$`` math); ``shown`` the objects
    displayed under it: ``("matrices", ((name, Matrix), ...))`` or
    ``("system", rows, rhs, names)``. ``derivation`` is its worked solution and
    ``answer`` the answer as a learner would type it.
    """

    task: str
    inputs: dict
    words: str
    shown: tuple
    derivation: Any = field(default=None, compare=False, repr=False)
    answer: str = ""

    # -------------------------------------------------------------- display
    def statement(self, fmt: str = "markdown") -> str:
        """The problem in ``text``, ``markdown`` or ``latex``."""
        words = self.words
        if fmt == "text":
            for tex, uni in _TEXT_SYMBOLS:
                words = words.replace(tex, uni)
            words = re.sub(r"\\(?:operatorname\{(\w+)\}|(\w+))", lambda m: m.group(1) or m.group(2),
                           words.replace("$", "")).replace("{", "").replace("}", "")
            return words + "\n" + _indent(_shown_text(self.shown), "    ")
        tex = _shown_tex(self.shown)
        if fmt == "latex":
            from symbolic_mlmath.publish.documents import markdown_to_latex

            return markdown_to_latex(words).rstrip() + "\n\\[ " + tex + " \\]"
        return f"{words}\n\n$${tex}$$"


_TEXT_SYMBOLS = ((r"\cdot", "·"), (r"\lambda", "λ"), (r"\mid", "|"), (r"^{-1}", "⁻¹"))


def _indent(text: str, pad: str) -> str:
    return "\n".join(pad + ln if ln else ln for ln in text.split("\n"))


def _term(c: int, name: str, first: bool) -> str:
    sign = "-" if c < 0 else ("" if first else "+")
    mag = abs(c)
    body = name if mag == 1 else f"{mag}{name}"
    return f"{sign}{body}" if first else f" {sign} {body}"


def _lhs(row: list[int], names: tuple[str, ...]) -> str:
    out = ""
    for c, v in zip(row, names, strict=True):
        if c:
            out += _term(c, v, not out)
    return out or "0"


def _shown_text(shown: tuple) -> str:
    from sympy import Eq, Symbol

    from symbolic_mlmath.render.formats import pretty_of

    if shown[0] == "system":
        _, rows, rhs, names = shown
        return "\n".join(f"{_lhs(r, names)} = {b}" for r, b in zip(rows, rhs, strict=True))
    return "\n\n".join(pretty_of(Eq(Symbol(n), M, evaluate=False)) for n, M in shown[1])


def _shown_tex(shown: tuple) -> str:
    from symbolic_mlmath.render.formats import latex_of

    if shown[0] == "system":
        _, rows, rhs, names = shown
        lines = [f"{_lhs(r, names)} &= {b}" for r, b in zip(rows, rhs, strict=True)]
        return r"\begin{aligned}" + r" \\ ".join(lines) + r"\end{aligned}"
    return r", \qquad ".join(f"{n} = {latex_of(M)}" for n, M in shown[1])


def answer_text(result: Any) -> str:
    """A result as the text a learner would type as the answer.

    Examples
    ========
    >>> from sympy import Rational, Symbol, Matrix
    >>> answer_text(True), answer_text("unique"), answer_text(Matrix([[1, Rational(1, 2)]]))
    ('yes', 'unique', '[[1, 1/2]]')
    >>> x, y = Symbol("x"), Symbol("y")
    >>> answer_text({x: 1, y: 2 - x}), answer_text({})
    ('x = 1, y = 2 - x', 'none')
    """
    from symbolic_mlmath.render.formats import text_of

    if isinstance(result, bool):
        return "yes" if result else "no"
    if isinstance(result, str):
        return result
    if isinstance(result, dict):
        if not result:
            return "none"
        return ", ".join(f"{k} = {answer_text(v)}" for k, v in result.items())
    if isinstance(result, list | tuple):
        return "[" + ", ".join(answer_text(v) for v in result) + "]"
    from sympy import Expr, MatrixBase

    if isinstance(result, MatrixBase) and result.cols == 1:  # a vector
        return answer_text(list(result))
    if isinstance(result, Expr) and result.free_symbols:
        return str(result)  # SymPy's order: highest powers first
    return text_of(result)


# ------------------------------------------------------------------ the registry
@dataclass(frozen=True)
class Generator:
    """How to make problems for one task: ``make(rng) -> Problem`` (without its
    solution); ``answer(derivation) -> str``; ``nice`` bounds for every step."""

    task: str
    make: Callable[[random.Random], Problem]
    answer: Callable[[Any], str]
    max_numerator: int = MAX_NUMERATOR
    max_denominator: int = MAX_DENOMINATOR


GENERATORS: dict[str, Generator] = {}


def generators() -> dict[str, Generator]:
    """Every worksheet generator: this module's and each subject's ``generators`` table."""
    from symbolic_mlmath.core.subjects import table

    return {**GENERATORS, **table("generators")}


def generator(task: str, *, answer: Callable[[Any], str] | None = None,
              max_numerator: int = MAX_NUMERATOR, max_denominator: int = MAX_DENOMINATOR
              ) -> Callable[[Callable[[random.Random], Problem]], Callable[[random.Random], Problem]]:
    """Register the problem generator of ``task`` (a decorator)."""

    def deco(fn: Callable[[random.Random], Problem]) -> Callable[[random.Random], Problem]:
        GENERATORS[task] = Generator(task, fn, answer or (lambda d: answer_text(d.result)),
                                     max_numerator, max_denominator)
        return fn

    return deco


def _numbers(obj: Any) -> Any:
    """Every Rational inside a SymPy object (matrices, tuples, expressions)."""
    from sympy import Basic, MatrixBase, Rational

    if isinstance(obj, MatrixBase):
        for x in obj:
            yield from _numbers(x)
    elif isinstance(obj, Basic):
        yield from obj.atoms(Rational)
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _numbers(v)
    elif isinstance(obj, list | tuple):
        for v in obj:
            yield from _numbers(v)


def is_nice(derivation: Any, max_numerator: int = MAX_NUMERATOR,
            max_denominator: int = MAX_DENOMINATOR) -> bool:
    """Whether every number in every step (and substep) of a derivation is small."""
    for top in derivation.steps:
        for s in top.walk():
            for obj in (s.before, s.after, *s.given.values()):
                for q in _numbers(obj):
                    if abs(q.p) > max_numerator or q.q > max_denominator:
                        return False
    return True


def _task_registered(name: str) -> bool:
    from symbolic_mlmath.core.tasks import all_tasks

    return name in all_tasks()


def make_problem(task: str, rng_key: str) -> Problem:
    """A nice problem for ``task`` from the random stream named ``rng_key``, solved.

    Candidates are drawn until one whose every step is nice is found.
    """
    import dataclasses

    from symbolic_mlmath.api import solve

    gen = generators()[task]
    best = None
    for attempt in range(ATTEMPTS):
        rng = random.Random(f"{rng_key}/{attempt}")
        p = gen.make(rng)
        d = solve(p.task, **p.inputs)
        best = (p, d)
        if is_nice(d, gen.max_numerator, gen.max_denominator):
            break
    p, d = best  # type: ignore[misc]
    return dataclasses.replace(p, derivation=d, answer=gen.answer(d))


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
    eqs = [f"{_lhs(r, names)} = {v}" for r, v in zip(rows, rhs, strict=True)]
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
@generator("det")
def _gen_det(rng: random.Random) -> Problem:
    n = rng.choice((2, 3, 3))
    A = _lu(rng, n)
    method = rng.choice((None, "cofactor", "sarrus", "elimination")) if n == 3 else None
    inputs: dict[str, Any] = {"matrix": _rows(A)}
    how = ""
    if method:
        inputs["method"] = method
        how = {"cofactor": " by cofactor expansion", "sarrus": " by the rule of Sarrus",
               "elimination": " by elimination"}[method]
    return Problem("det", inputs, f"Compute $\\det A${how}.", ("matrices", (("A", A),)))


@generator("singular")
def _gen_singular(rng: random.Random) -> Problem:
    n = rng.choice((2, 3, 3))
    A = _dependent(rng, n) if rng.random() < 0.5 else _lu(rng, n)
    return Problem("singular", {"matrix": _rows(A)},
                   "Is $A$ singular? Justify your answer with its determinant.",
                   ("matrices", (("A", A),)))


@generator("rank")
def _gen_rank(rng: random.Random) -> Problem:
    m, n = rng.choice(((3, 3), (3, 4), (4, 3), (3, 3)))
    r = rng.randint(1, min(m, n))
    A = _echelon_matrix(rng, m, n, r)
    return Problem("rank", {"matrix": _rows(A)}, "Find the rank of $A$.",
                   ("matrices", (("A", A),)))


@generator("ref")
def _gen_ref(rng: random.Random) -> Problem:
    m, n = rng.choice(((3, 3), (3, 4), (2, 3)))
    A = _echelon_matrix(rng, m, n, rng.randint(max(1, min(m, n) - 1), min(m, n)))
    return Problem("ref", {"matrix": _rows(A)},
                   "Bring $A$ to a row echelon form by row operations.",
                   ("matrices", (("A", A),)))


@generator("rref")
def _gen_rref(rng: random.Random) -> Problem:
    m, n = rng.choice(((3, 3), (3, 4), (2, 3)))
    A = _echelon_matrix(rng, m, n, rng.randint(max(1, min(m, n) - 1), min(m, n)))
    return Problem("rref", {"matrix": _rows(A)},
                   "Find the reduced row echelon form of $A$.", ("matrices", (("A", A),)))


@generator("solve_system")
def _gen_solve(rng: random.Random) -> Problem:
    kind = "unique" if rng.random() < 0.8 else "infinite"
    inputs, shown = _system(rng, kind)
    return Problem("solve_system", inputs, "Solve the system by elimination.", shown)


@generator("classify_system")
def _gen_classify(rng: random.Random) -> Problem:
    kind = rng.choice(("unique", "infinite", "none"))
    inputs, shown = _system(rng, kind)
    return Problem("classify_system", inputs,
                   "Does the system have a unique solution, infinitely many, or none?", shown)


# weeks 3-4: used only when their tasks are registered (linalg/tasks_w34.py)
@generator("inverse")
def _gen_inverse(rng: random.Random) -> Problem:
    n = rng.choice((2, 2, 3))
    A = _unimodular(rng, n, bound=4) if rng.random() < 0.6 else _lu(rng, n, diag=(1, -1, 2))
    return Problem("inverse", {"matrix": _rows(A)}, "Find $A^{-1}$ by row reduction of "
                   "$[A \\mid I]$.", ("matrices", (("A", A),)))


@generator("matmul")
def _gen_matmul(rng: random.Random) -> Problem:
    m, k, n = rng.choice(((2, 2, 2), (2, 3, 2), (3, 2, 3), (2, 3, 3)))
    A = _mat([[rng.randint(-3, 3) for _ in range(k)] for _ in range(m)])
    B = _mat([[rng.randint(-3, 3) for _ in range(n)] for _ in range(k)])
    return Problem("matmul", {"A": _rows(A), "B": _rows(B)}, "Compute the product $AB$.",
                   ("matrices", (("A", A), ("B", B))))


@generator("eigenvalues")
def _gen_eigenvalues(rng: random.Random) -> Problem:
    A = _diagonalizable(rng, rng.choice((2, 2, 3)))
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


@generator("charpoly")
def _gen_charpoly(rng: random.Random) -> Problem:
    A = _diagonalizable(rng, rng.choice((2, 2, 3)))
    return Problem("charpoly", {"matrix": _rows(A)},
                   "Find the characteristic polynomial $\\det(A - \\lambda I)$.",
                   ("matrices", (("A", A),)))


def _vector(rng: random.Random, n: int, lo: int = -5, hi: int = 5) -> list[int]:
    v = [rng.randint(lo, hi) for _ in range(n)]
    return v if any(v) else [1, *v[1:]]


def _col(v: list[int]) -> Any:
    return _mat([[x] for x in v])


@generator("vector_add")
def _gen_vector_add(rng: random.Random) -> Problem:
    n = rng.choice((2, 3, 3))
    u, v = _vector(rng, n), _vector(rng, n)
    a, b = rng.choice((1, 2, 3, -1, -2)), rng.choice((1, 2, 3, -1, -2, -3))
    op = {1: "u", -1: "-u"}.get(a, f"{a}u") + ("+" if b > 0 else "-") + (
        "v" if abs(b) == 1 else f"{abs(b)}v")
    return Problem("vector_add", {"u": u, "v": v, "op": op}, f"Compute ${op}$.",
                   ("matrices", (("u", _col(u)), ("v", _col(v)))))


@generator("dot")
def _gen_dot(rng: random.Random) -> Problem:
    n = rng.choice((2, 3, 3, 4))
    u, v = _vector(rng, n), _vector(rng, n)
    return Problem("dot", {"u": u, "v": v}, "Compute the dot product $u \\cdot v$.",
                   ("matrices", (("u", _col(u)), ("v", _col(v)))))


@generator("linear_transform")
def _gen_linear_transform(rng: random.Random) -> Problem:
    m, n = rng.choice(((2, 2), (2, 2), (3, 3), (2, 3)))
    A = _mat([[rng.randint(-3, 3) for _ in range(n)] for _ in range(m)])
    v = _vector(rng, n, -3, 3)
    return Problem("linear_transform", {"matrix": _rows(A), "v": v},
                   "Find the image of $v$ under the linear transformation $T(v) = Av$.",
                   ("matrices", (("A", A), ("v", _col(v)))))


@generator("det_product")
def _gen_det_product(rng: random.Random) -> Problem:
    n = rng.choice((2, 3))
    A, B = _lu(rng, n, diag=(1, -1, 2)), _lu(rng, n, diag=(1, -1, 2))
    return Problem("det_product", {"A": _rows(A), "B": _rows(B)},
                   "Compute $\\det(AB)$ without multiplying the matrices.",
                   ("matrices", (("A", A), ("B", B))))


@generator("det_inverse")
def _gen_det_inverse(rng: random.Random) -> Problem:
    A = _lu(rng, rng.choice((2, 3)), diag=(1, -1, 2, -2, 3))
    return Problem("det_inverse", {"matrix": _rows(A)}, "Compute $\\det(A^{-1})$.",
                   ("matrices", (("A", A),)))


@generator("independent")
def _gen_independent(rng: random.Random) -> Problem:
    n = 3
    k = rng.choice((2, 3, 3))
    if rng.random() < 0.5:
        M = _unimodular(rng, n, bound=3)
        rows = _rows(M)[:k]
    else:
        rows = _rows(_dependent(rng, k, cols=n, bound=6))
    vecs = tuple((f"v_{i + 1}", _col(r)) for i, r in enumerate(rows))
    return Problem("independent", {"vectors": rows},
                   "Are the vectors linearly independent?", ("matrices", vecs))


# ------------------------------------------------------------------ sheets
def topics_with_generators() -> dict[str, list[str]]:
    """Topic id -> its registered tasks that have a generator, in registry order."""
    from symbolic_mlmath.core.tasks import all_tasks

    out: dict[str, list[str]] = {}
    for t in all_tasks().values():
        if t.name in generators() and t.topic:
            out.setdefault(t.topic, []).append(t.name)
    return out


@dataclass(frozen=True)
class Worksheet:
    """Problems for some topics, from one seed; render the sheet or its answer key."""

    topics: tuple[str, ...]
    count: int
    seed: int
    problems: tuple[Problem, ...]
    by_topic: tuple[tuple[str, tuple[int, ...]], ...]

    def _command(self) -> str:
        return (f"mlmath worksheet --topics {' '.join(self.topics)} --count {self.count} "
                f"--seed {self.seed}")

    def to_text(self, *, answers: bool = False, detail: str = "full") -> str:
        """The sheet (or its key) as terminal text."""
        title = "Answer key" if answers else "Worksheet"
        out = [f"{title}: {', '.join(self.topics)}", f"Seed {self.seed} (regenerate: "
               f"{self._command()})", ""]
        for topic, idx in self.by_topic:
            out += [f"== {topic} ==", ""]
            for k in idx:
                p = self.problems[k]
                out.append(f"{k + 1}. " + _indent(p.statement("text"), "   ").lstrip())
                if answers:
                    out += ["", f"   Answer: {p.answer}", "",
                            _indent(p.derivation.to_text(detail=detail), "   ")]
                out.append("")
        return "\n".join(out).rstrip() + "\n"

    def to_markdown(self, *, answers: bool = False, detail: str = "full") -> str:
        """The sheet (or its key) as Markdown with ``$`` math."""
        from symbolic_mlmath.render.markdown import to_markdown

        title = "Answer key" if answers else "Worksheet"
        out = [f"# {title}: {', '.join(self.topics)}", "",
               f"*Seed {self.seed} · {self.count} problems per topic · regenerate with "
               f"`{self._command()}`*", ""]
        for topic, idx in self.by_topic:
            out += [f"## {topic}", ""]
            for k in idx:
                p = self.problems[k]
                out += [f"**Problem {k + 1}.** {p.statement('markdown')}", ""]
                if answers:
                    out += [f"**Answer:** `{p.answer}`", "",
                            to_markdown(p.derivation, detail=detail, heading="####").rstrip(),
                            ""]
        return "\n".join(out).rstrip() + "\n"

    def to_latex(self, *, answers: bool = False, detail: str = "full") -> str:
        """The sheet (or its key) as a LaTeX document."""
        from symbolic_mlmath.publish.documents import _unicode_preamble
        from symbolic_mlmath.render.latex import to_latex_document

        body = [rf"\noindent Seed {self.seed}; {self.count} problems per topic. Regenerate with "
                rf"\texttt{{{_tex_escape(self._command())}}}.", ""]
        for topic, idx in self.by_topic:
            body += [rf"\section*{{{_tex_escape(topic)}}}", ""]
            for k in idx:
                p = self.problems[k]
                body += [rf"\paragraph{{Problem {k + 1}.}} " + p.statement("latex"), ""]
                if answers:
                    body += [rf"\noindent\textbf{{Answer:}} \texttt{{{_tex_escape(p.answer)}}}",
                             "", p.derivation.to_latex(detail=detail), ""]
                else:
                    body += [r"\vspace{4cm}", ""]
        title = ("Answer key: " if answers else "Worksheet: ") + ", ".join(self.topics)
        return _unicode_preamble(to_latex_document("\n".join(body), title))

    def to_html(self, *, answers: bool = False, detail: str = "full") -> str:
        """The sheet (or its key) as a self-contained HTML page."""
        from symbolic_mlmath.render.html import markdown_to_html, page

        title = ("Answer key: " if answers else "Worksheet: ") + ", ".join(self.topics)
        return page(title, markdown_to_html(self.to_markdown(answers=answers, detail=detail)))

    def write(self, out: str | Path, *, detail: str = "full") -> list[Path]:
        """Write ``worksheet-s<seed>`` and ``answers-s<seed>`` as .md, .html and .tex."""
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        files = []
        for stem, answers in ((f"worksheet-s{self.seed}", False), (f"answers-s{self.seed}", True)):
            for ext, fn in (("md", self.to_markdown), ("html", self.to_html),
                            ("tex", self.to_latex)):
                path = out / f"{stem}.{ext}"
                path.write_text(fn(answers=answers, detail=detail), encoding="utf-8")
                files.append(path)
        return files


def _tex_escape(s: str) -> str:
    from symbolic_mlmath.publish.documents import _latex_text

    return _latex_text(s)


def make_worksheet(topics: list[str] | None, count: int = 5, seed: int = 0) -> Worksheet:
    """``count`` problems for each topic (ids like ``c1w1-systems`` or prefixes like
    ``c1w1``), from the tasks of each topic in turn. All topics when ``topics`` is empty."""
    from symbolic_mlmath.core.errors import TaskError

    if count < 1 or count > 200:
        raise TaskError("count must be between 1 and 200", name="count")
    avail = topics_with_generators()
    chosen: list[str] = []
    for want in topics or list(avail):
        w = want.strip().replace("_", "-")
        hits = [t for t in avail if t == w or t.startswith(w)]
        if not hits:
            raise TaskError(f"no problem generators for topic {want!r}; topics with "
                            f"generators: {', '.join(avail) or 'none'}", name="topics")
        chosen += [t for t in hits if t not in chosen]
    problems: list[Problem] = []
    by_topic = []
    for topic in chosen:
        tasks = avail[topic]
        idx = []
        for k in range(count):
            task = tasks[k % len(tasks)]
            idx.append(len(problems))
            problems.append(make_problem(task, f"{seed}/{topic}/{k}/{task}"))
        by_topic.append((topic, tuple(idx)))
    return Worksheet(tuple(chosen), count, seed, tuple(problems), tuple(by_topic))


def main(argv: list[str] | None = None) -> int:
    """``mlmath worksheet``: print a seeded worksheet, or write it and its answer key."""
    import argparse

    p = argparse.ArgumentParser(prog="mlmath worksheet",
                                description="Seeded problem sheets with a worked answer key.")
    p.add_argument("--topics", nargs="*", default=None, metavar="ID",
                   help="topic ids or prefixes (default: every topic with generators)")
    p.add_argument("--count", default="5", metavar="N", help="problems per topic (1-100)")
    p.add_argument("--seed", default="0", metavar="S", help="a whole number from 0 to 10^100")
    p.add_argument("--out", default=None, metavar="DIR",
                   help="write worksheet and answer key (.md, .html, .tex) here")
    p.add_argument("--answers", action="store_true",
                   help="without --out: print the answer key after the problems")
    p.add_argument("--detail", default="full", choices=("overview", "standard", "full"),
                   help="how much of each worked solution the key shows")
    args = p.parse_args(argv)
    from symbolic_mlmath.text.options import parse_count, parse_name, parse_seed

    topics = None if args.topics is None else [parse_name(t, name="topics") for t in args.topics]
    count = parse_count(args.count, name="count", low=1, high=100)
    seed = parse_seed(args.seed, name="seed")
    sheet = make_worksheet(topics, count, seed)
    if args.out:
        files = sheet.write(args.out, detail=args.detail)
        print(f"worksheet: {len(sheet.problems)} problems, seed {seed} -> "
              + ", ".join(str(f) for f in files))
        return 0
    sys.stdout.write(sheet.to_text())
    if args.answers:
        sys.stdout.write("\n" + sheet.to_text(answers=True, detail=args.detail))
    return 0

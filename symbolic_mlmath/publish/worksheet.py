"""Seeded worksheets: fresh problems built backwards so every step stays nice, and a key.

A *generator* makes one problem for one task from a seeded random source. It
builds the problem backwards from its answer: matrices are products of
elementary matrices (or L times U) with small entries, systems get an integer
solution first and their right-hand side from it, singular matrices get a row
that is a combination of the others. Every candidate is then solved with steps,
and it is kept only if every number in every step stays small (small integers,
fractions with small denominators); otherwise the next candidate is drawn.

Each subject declares its generators in its ``generators`` table (the data model is
:mod:`symbolic_mlmath.core.problems`; linear algebra's are in
:mod:`symbolic_mlmath.linalg.worksheets`); a topic's worksheet uses every task of that
topic that has one. The same seed gives byte-identical sheets; the seed is printed on them.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from symbolic_mlmath.core.problems import (
    DIFFICULTIES,
    MAX_DENOMINATOR,
    MAX_NUMERATOR,
    Generator,
    Level,
    Problem,
    answer_text,
    linear_text,
)
from symbolic_mlmath.text.options import parse_bool, parse_detail

__all__ = [
    "TOPIC_TITLES",
    "Worksheet",
    "generators",
    "is_nice",
    "main",
    "make_problem",
    "make_worksheet",
    "statement",
    "topic_title",
    "topics_with_generators",
]

ATTEMPTS = 200

#: Each syllabus topic in words (the worksheet's titles and headings).
TOPIC_TITLES: dict[str, str] = {
    "c1w1-systems": "Systems of linear equations",
    "c1w1-singularity": "Singularity and the determinant",
    "c1w2-elimination": "Elimination",
    "c1w2-echelon-rank": "Row echelon form and rank",
    "c1w3-vectors": "Vectors",
    "c1w3-transformations": "Linear transformations and matrix multiplication",
    "c1w3-inverse": "The inverse of a matrix",
    "c1w4-determinants": "Determinants in depth",
    "c1w4-basis-span": "Bases and span",
    "c1w4-eigen": "Eigenvalues and eigenvectors",
    "c2w1-derivatives": "Derivatives",
    "c2w1-optimization": "Optimisation with derivatives",
    "c2w2-gradients": "Gradients",
    "c2w2-gradient-descent": "Gradient descent",
    "c2w3-neural-networks": "Optimisation in neural networks",
    "c2w3-newton": "Newton's method",
    "c3w1-probability": "Probability",
    "c3w1-random-variables": "Random variables and distributions",
    "c3w2-describing": "Describing distributions",
    "c3w2-random-vectors": "Random vectors",
    "c3w3-sampling": "Sampling and point estimates",
    "c3w3-mle": "Maximum likelihood",
    "c3w3-bayesian": "Bayesian statistics",
    "c3w4-confidence": "Confidence intervals",
    "c3w4-hypothesis": "Hypothesis testing",
}


def topic_title(topic: str) -> str:
    """A topic id in words (the id itself when it has no title).

    Examples
    ========
    >>> topic_title("c1w4-eigen"), topic_title("c9w9-new")
    ('Eigenvalues and eigenvectors', 'c9w9-new')
    """
    return TOPIC_TITLES.get(topic, topic)


def _joined(words: list[str]) -> str:
    return "; ".join(words)


# ------------------------------------------------------------------ problems
def statement(problem: Problem, fmt: str = "markdown") -> str:
    """The problem in ``text``, ``markdown`` or ``latex``."""
    from symbolic_mlmath.text.options import parse_choice

    fmt = parse_choice(fmt, ("text", "markdown", "latex"), name="format")
    words = problem.words
    if fmt == "text":
        for tex, uni in _TEXT_SYMBOLS:
            words = words.replace(tex, uni)
        words = re.sub(r"\\(?:operatorname\{(\w+)\}|(\w+))", lambda m: m.group(1) or m.group(2),
                       words.replace("$", "")).replace("{", "").replace("}", "")
        return words + "\n" + _indent(_shown_text(problem.shown), "    ")
    tex = _shown_tex(problem.shown)
    if fmt == "latex":
        from symbolic_mlmath.publish.documents import markdown_to_latex

        return markdown_to_latex(words).rstrip() + "\n\\[ " + tex + " \\]"
    return f"{words}\n\n$${tex}$$"


_TEXT_SYMBOLS = ((r"\cdot", "·"), (r"\lambda", "λ"), (r"\mid", "|"), (r"^{-1}", "⁻¹"))


def _indent(text: str, pad: str) -> str:
    return "\n".join(pad + ln if ln else ln for ln in text.split("\n"))


def _shown_text(shown: tuple) -> str:
    from sympy import Eq, Symbol

    from symbolic_mlmath.render.formats import pretty_of

    if shown[0] == "system":
        _, rows, rhs, names = shown
        return "\n".join(f"{linear_text(r, names)} = {b}" for r, b in zip(rows, rhs, strict=True))
    return "\n\n".join(pretty_of(Eq(Symbol(n), M, evaluate=False)) for n, M in shown[1])


def _shown_tex(shown: tuple) -> str:
    from symbolic_mlmath.render.formats import latex_of

    if shown[0] == "system":
        _, rows, rhs, names = shown
        lines = [f"{linear_text(r, names)} &= {b}" for r, b in zip(rows, rhs, strict=True)]
        return r"\begin{aligned}" + r" \\ ".join(lines) + r"\end{aligned}"
    return r", \qquad ".join(f"{n} = {latex_of(M)}" for n, M in shown[1])


# ------------------------------------------------------------------ generators and problems
def generators() -> dict[str, Generator]:
    """Every worksheet generator, merged from each subject's ``generators`` table."""
    from symbolic_mlmath.core.subjects import table

    return dict(table("generators"))


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


def _bounds(gen: Generator, level: Level) -> tuple[int, int]:
    """The nice bounds of a generator at a difficulty (tighter when easy, looser when hard)."""
    num, den = gen.max_numerator, gen.max_denominator
    return level.pick((max(12, num // 2), max(4, den // 2)), (num, den), (2 * num, 2 * den))


def make_problem(task: str, rng_key: str, level: Level | None = None) -> Problem:
    """A nice problem for ``task`` from the random stream named ``rng_key``, solved.

    Candidates are drawn until one whose every step is nice (at the ``level``'s
    difficulty) is found.
    """
    import dataclasses

    from symbolic_mlmath.core.errors import TaskError
    from symbolic_mlmath.core.tasks import get_task
    from symbolic_mlmath.text.options import parse_name

    task = parse_name(task, name="task")
    if task not in generators():
        raise TaskError(f"no worksheet generator for task {task!r}", name="task")
    gen = generators()[task]
    level = level or Level()
    num, den = _bounds(gen, level)
    best = None
    for attempt in range(ATTEMPTS):
        rng = random.Random(f"{rng_key}/{attempt}")
        p = gen.problem(rng, level)
        d = get_task(p.task).solve(p.inputs)
        best = (p, d)
        if is_nice(d, num, den):
            break
    p, d = best  # type: ignore[misc]
    answer = gen.answer(d) if gen.answer is not None else answer_text(d.result)
    return dataclasses.replace(p, derivation=d, answer=answer)


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
    level: Level = field(default_factory=Level)
    title: str = ""  # the sheet's title in words (from the topics when empty)

    def _command(self) -> str:
        extra = "" if self.level.difficulty == "medium" else f" --difficulty {self.level.difficulty}"
        extra += "" if self.level.size is None else f" --size {self.level.size}"
        return (f"mlmath worksheet --topics {' '.join(self.topics)} --count {self.count} "
                f"--seed {self.seed}{extra}")

    def heading(self, answers: bool = False) -> str:
        """``Worksheet: <title in words>`` (or ``Answer key: ...``)."""
        answers = parse_bool(answers, name="answers")
        name = self.title or _joined([topic_title(t) for t in self.topics])
        level = "" if self.level.difficulty == "medium" else f" ({self.level.difficulty})"
        return ("Answer key: " if answers else "Worksheet: ") + name + level

    def _section(self, topic: str) -> str:
        return f"{topic_title(topic)} ({topic})" if topic in TOPIC_TITLES else topic

    def to_text(self, *, answers: bool = False, detail: str = "full") -> str:
        """The sheet (or its key) as terminal text."""
        answers, detail = parse_bool(answers, name="answers"), parse_detail(detail)
        out = [self.heading(answers), f"Seed {self.seed} (regenerate: {self._command()})", ""]
        for topic, idx in self.by_topic:
            out += [f"== {self._section(topic)} ==", ""]
            for k in idx:
                p = self.problems[k]
                out.append(f"{k + 1}. " + _indent(statement(p, "text"), "   ").lstrip())
                if answers:
                    out += ["", f"   Answer: {p.answer}", "",
                            _indent(p.derivation.to_text(detail=detail), "   ")]
                out.append("")
        return "\n".join(out).rstrip() + "\n"

    def to_markdown(self, *, answers: bool = False, detail: str = "full") -> str:
        """The sheet (or its key) as Markdown with ``$`` math."""
        answers, detail = parse_bool(answers, name="answers"), parse_detail(detail)
        from symbolic_mlmath.render.markdown import to_markdown

        out = [f"# {self.heading(answers)}", "",
               f"*Seed {self.seed} · {self.count} problems per topic · regenerate with "
               f"`{self._command()}`*", ""]
        for topic, idx in self.by_topic:
            out += [f"## {self._section(topic)}", ""]
            for k in idx:
                p = self.problems[k]
                out += [f"**Problem {k + 1}.** {statement(p, 'markdown')}", ""]
                if answers:
                    out += [f"**Answer:** `{p.answer}`", "",
                            to_markdown(p.derivation, detail=detail, heading="####").rstrip(),
                            ""]
        return "\n".join(out).rstrip() + "\n"

    def to_latex(self, *, answers: bool = False, detail: str = "full") -> str:
        """The sheet (or its key) as a LaTeX document."""
        answers, detail = parse_bool(answers, name="answers"), parse_detail(detail)
        from symbolic_mlmath.publish.documents import unicode_preamble
        from symbolic_mlmath.render.latex import to_latex_document

        body = [rf"\noindent Seed {self.seed}; {self.count} problems per topic. Regenerate with "
                rf"\texttt{{{_tex_escape(self._command())}}}.", ""]
        for topic, idx in self.by_topic:
            body += [rf"\section*{{{_tex_escape(self._section(topic))}}}", ""]
            for k in idx:
                p = self.problems[k]
                body += [rf"\paragraph{{Problem {k + 1}.}} " + statement(p, "latex"), ""]
                if answers:
                    body += [rf"\noindent\textbf{{Answer:}} \texttt{{{_tex_escape(p.answer)}}}",
                             "", p.derivation.to_latex(detail=detail), ""]
                else:
                    body += [r"\vspace{4cm}", ""]
        return unicode_preamble(to_latex_document("\n".join(body), self.heading(answers)))

    def to_html(self, *, answers: bool = False, detail: str = "full") -> str:
        """The sheet (or its key) as a self-contained HTML page."""
        from symbolic_mlmath.render.html import markdown_to_html, page

        return page(self.heading(answers),
                    markdown_to_html(self.to_markdown(answers=answers, detail=detail)))

    def write(self, out: str | Path, *, detail: str = "full") -> list[Path]:
        """Write ``worksheet-s<seed>`` and ``answers-s<seed>`` as .md, .html and .tex."""
        detail = parse_detail(detail)
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
    from symbolic_mlmath.publish.documents import latex_text

    return latex_text(s)


def make_worksheet(topics: list[str] | None, count: int = 5, seed: int = 0, *,
                   difficulty: str = "medium", size: int | None = None,
                   title: str = "") -> Worksheet:
    """``count`` problems for each topic (ids like ``c1w1-systems`` or prefixes like
    ``c1w1``), from the tasks of each topic in turn. All topics when ``topics`` is empty.
    ``difficulty`` (easy, medium, hard) and ``size`` (matrix size, vector length, number of
    data points) shape the problems of generators that take them; ``title`` names the sheet
    (from the topics' titles when empty)."""
    from symbolic_mlmath.core.errors import TaskError
    from symbolic_mlmath.text.options import (
        parse_choice,
        parse_count,
        parse_name,
        parse_seed,
        parse_text,
    )

    count = parse_count(count, name="count", low=1, high=200)
    seed = parse_seed(seed)
    difficulty = parse_choice(difficulty, DIFFICULTIES, name="difficulty")
    size = None if size is None else parse_count(size, name="size", low=1, high=12)
    title = parse_text(title, name="title")
    topics = None if topics is None else [
        parse_name(t, name="topics") for t in (topics.split() if isinstance(topics, str) else topics)]
    level = Level(difficulty, size)
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
            key = f"{seed}/{topic}/{k}/{task}"
            if level != Level():
                key += f"/{difficulty}/{size}"
            problems.append(make_problem(task, key, level))
        by_topic.append((topic, tuple(idx)))
    return Worksheet(tuple(chosen), count, seed, tuple(problems), tuple(by_topic), level,
                     " ".join(title.split())[:200])


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
    p.add_argument("--difficulty", default="medium", metavar="LEVEL",
                   help="easy, medium or hard (default medium)")
    p.add_argument("--size", default=None, metavar="N",
                   help="matrix size, vector length or number of data points")
    p.add_argument("--title", default="", metavar="TEXT", help="the sheet's title")
    args = p.parse_args(argv)
    from symbolic_mlmath.core.tasks import Input, parse_input
    from symbolic_mlmath.text.options import parse_count, parse_name, parse_seed

    topics = None if args.topics is None else [parse_name(t, name="topics") for t in args.topics]
    count = parse_count(args.count, name="count", low=1, high=100)
    seed = parse_seed(args.seed, name="seed")
    difficulty = parse_input(Input("difficulty", "choice", choices=DIFFICULTIES), args.difficulty)
    size = None if args.size is None else parse_input(Input("size", "int"), args.size)
    title = parse_input(Input("title", "text"), args.title)
    sheet = make_worksheet(topics, count, seed, difficulty=difficulty, size=size, title=title)
    if args.out:
        files = sheet.write(args.out, detail=args.detail)
        print(f"worksheet: {len(sheet.problems)} problems, seed {seed} -> "
              + ", ".join(str(f) for f in files))
        return 0
    sys.stdout.write(sheet.to_text())
    if args.answers:
        sys.stdout.write("\n" + sheet.to_text(answers=True, detail=args.detail))
    return 0

"""The task registry: every capability by name, with its inputs and a one-line doc.

A :class:`Task` ties a name to a ``derive`` function (inputs -> Derivation), an
answer check (derivation, parsed answer -> Verdict) and, where written, a working
check (lines of a learner's working -> Verdict). Inputs are declared with a kind
that names the parser used for learner text.

Each subject lists its tasks in a :class:`TaskList` named by its ``subject.py``;
:func:`all_tasks` gathers them from every subject in ``core.subjects.SUBJECTS``.

Examples
========
>>> t = get_task("det")
>>> [i.name for i in t.inputs]
['matrix', 'method']
>>> get_task("nope")
Traceback (most recent call last):
...
symbolic_mlmath.core.errors.TaskError: task: unknown task 'nope'; run `mlmath tasks` to list them
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from symbolic_mlmath.core.errors import ParseError, TaskError

__all__ = [
    "Input",
    "Task",
    "TaskList",
    "all_tasks",
    "get_task",
    "parse_input",
    "working_lines",
]

_REGISTRY: dict[str, Task] = {}
_ALIASES: dict[str, str] = {}
_LOADED = False

#: Input kinds and what they accept.
KINDS = {
    "matrix": "a matrix, e.g. [[1,2],[3,4]]",
    "vector": "a vector, e.g. [1,2,3]",
    "vectors": "a list of vectors, e.g. [[1,0],[0,1]]",
    "expr": "an expression, e.g. 3x^2 + 2x",
    "number": "a number, e.g. 3, -1/2, 0.25, sqrt(2)",
    "equations": 'a list of equations, e.g. ["x + y = 4", "2x - y = 1"]',
    "symbols": "variable names, e.g. x, y",
    "choice": "one of the listed words",
    "bool": "true or false",
    "int": "a whole number",
    "value": "a number, expression, vector or matrix",
    "data": "a list of numbers or rows of numbers",
    "dict": "a mapping, e.g. {x: 1, y: 2}",
    "assignments": "name = value pairs, e.g. x = 2, y = -1 (or a dict; one bare value for one name)",
    "text": "free text",
    "raw": "read by the task's own reader (data, distributions, tables, events)",
}


@dataclass(frozen=True)
class Input:
    """One named input of a task."""

    name: str
    kind: str
    doc: str = ""
    required: bool = True
    default: Any = None
    choices: tuple[str, ...] = ()

    def describe(self) -> str:
        """``name`` with its kind and whether it is optional."""
        opt = "" if self.required else " (optional"
        if not self.required:
            opt += f", default {self.default})" if self.default is not None else ")"
        what = f"one of {', '.join(self.choices)}" if self.choices else self.kind
        return f"--{self.name} <{what}>{opt}"


@dataclass(frozen=True)
class Task:
    """A named capability: inputs, how to derive, how to check answers and working."""

    name: str
    doc: str
    inputs: tuple[Input, ...]
    derive: Callable[..., Any]
    check_answer: Callable[..., Any] | None = None
    check_working: Callable[..., Any] | None = None
    answer_kind: str = "value"
    topic: str = ""
    aliases: tuple[str, ...] = ()
    one_of: tuple[tuple[str, ...], ...] = field(default=())  # alternative input groups
    answers: str = ""  # the answer forms a learner may write (``mlmath tasks TASK``)
    #: judges an answer when ``derive`` refuses the inputs with a TaskError (e.g. the
    #: inverse of a singular matrix: "not invertible" is then the right answer)
    check_unsolvable: Callable[..., Any] | None = None

    def solve(self, raw: Mapping[str, Any]) -> Any:
        """Parse ``raw`` inputs (Python objects or learner text) and derive: a Derivation.

        The work runs under ``Limits.time_budget``: past it, a one-line ``LimitError`` (or
        the engine's declared numeric fallback), never a hang.
        """
        from symbolic_mlmath.text.budget import time_budget

        with time_budget(what=f"solving {self.name}"):
            return self.derive(**self.parse_inputs(raw))

    def check(self, raw: Mapping[str, Any], answer: Any = None, working: Any = None,
              abs_tol: Any = None, rel_tol: Any = None) -> Any:
        """Judge an ``answer`` and/or a ``working`` (lines) on ``raw`` inputs: a Verdict.

        ``abs_tol``/``rel_tol`` are learner text like any option (read by the text door);
        the work runs under ``Limits.time_budget``.
        """
        from symbolic_mlmath.text.budget import time_budget
        from symbolic_mlmath.text.options import parse_tolerance

        abs_tol = parse_tolerance(abs_tol, name="abs_tol")
        rel_tol = parse_tolerance(rel_tol, name="rel_tol")
        with time_budget(what=f"checking {self.name}"):
            return self._check(raw, answer, working, abs_tol, rel_tol)

    def _check(self, raw: Mapping[str, Any], answer: Any, working: Any, abs_tol: Any,
               rel_tol: Any) -> Any:
        from symbolic_mlmath.core.verdict import Verdict

        if answer is None and working is None:
            raise TaskError("give an answer (--answer) or a working (--working)", name="answer")
        parsed = self.parse_inputs(raw)
        if working is not None:
            if self.check_working is not None:
                return self.check_working(parsed, working_lines(working), answer)
            from symbolic_mlmath.core.working import check_working, get_judge

            if get_judge(self.name) is None:
                return Verdict(None, "undecided",
                               f"Checking working is not available for task {self.name} yet.")
            return check_working(self.name, parsed, working_lines(working), answer)
        try:
            derivation = self.derive(**parsed)
        except TaskError as exc:
            if self.check_unsolvable is None:
                raise
            return self.check_unsolvable(parsed, answer, exc, abs_tol=abs_tol, rel_tol=rel_tol)
        if self.check_answer is None:
            from symbolic_mlmath.core.answers import compare
            from symbolic_mlmath.text.parse import parse_answer

            got = parse_answer(answer, name="answer")
            verdict = compare(derivation.result, got, text=answer, abs_tol=abs_tol,
                              rel_tol=rel_tol)
        else:
            verdict = self.check_answer(derivation, answer, parsed, abs_tol=abs_tol,
                                        rel_tol=rel_tol)
        if verdict.correct is not True:
            _refuse_unreadable_words(verdict.got, parsed, derivation)
        return verdict

    def parse_inputs(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """Parse learner inputs by their declared kinds; one-line errors name the input."""
        known = {i.name: i for i in self.inputs}
        unknown = [k for k in raw if k not in known]
        if unknown:
            names = ", ".join(known) or "none"
            raise TaskError(f"unknown input {unknown[0]!r} for task {self.name}; "
                            f"its inputs are {names}", name="input")
        out: dict[str, Any] = {}
        for spec in self.inputs:
            if spec.name in raw and raw[spec.name] is not None:
                out[spec.name] = parse_input(spec, raw[spec.name])
            elif spec.required:
                raise TaskError(f"missing input --{spec.name} for task {self.name} "
                                f"({KINDS.get(spec.kind, spec.kind)})", name=spec.name)
            elif spec.default is not None:
                out[spec.name] = spec.default
        if self.one_of and not any(all(k in out for k in grp) for grp in self.one_of):
            alts = " or ".join("+".join(grp) for grp in self.one_of)
            raise TaskError(f"task {self.name} needs {alts}", name="input")
        return out


#: Names of several letters a learner may use in an answer without being asked to.
_KNOWN_WORDS = frozenset({
    "lambda", "alpha", "beta", "gamma", "delta", "epsilon", "theta", "mu", "sigma", "tau",
    "phi", "psi", "omega", "rho", "eta", "kappa", "nu", "xi", "zeta", "chi", "iota",
})


def _symbols_in(value: Any) -> set[str]:
    out: set[str] = set()
    if isinstance(value, dict):
        for k, v in value.items():
            out |= _symbols_in(k) | _symbols_in(v)
    elif isinstance(value, list | tuple):
        for v in value:
            out |= _symbols_in(v)
    elif hasattr(value, "free_symbols"):
        out |= {str(x) for x in value.free_symbols}
    return out


def _refuse_unreadable_words(got: Any, parsed: Mapping[str, Any], derivation: Any) -> None:
    """A wrong-looking answer whose reading (``got``) holds words we cannot read: say so, never
    judge the word as a symbol (``two`` for a rank would be compared at random points)."""
    if isinstance(got, str) or got is None:
        return
    allowed = _symbols_in(dict(parsed)) | _symbols_in(getattr(derivation, "result", None)) \
        | {str(v) for v in getattr(derivation, "variables", ()) or ()}
    letters = {w for w in allowed if len(w) == 1}
    words = sorted(w for w in _symbols_in(got) - allowed
                   if len(w) > 1 and w.isalpha() and w.lower() not in _KNOWN_WORDS
                   and not set(w) <= letters)  # "xy" for x*y: the checker's own hint applies
    if words:
        raise ParseError(f"cannot read '{words[0]}' (a word, not a number or a symbol of the "
                         "problem); write the answer with numbers and symbols", name="answer")


def _exact_matrix(value: Any, name: str) -> Any:
    """A SymPy matrix of integers/rationals within the limits, taken as it is (or None)."""
    from symbolic_mlmath.core.errors import LimitError
    from symbolic_mlmath.text.limits import get_limits

    rep = getattr(value, "_rep", None)
    if rep is None or not (rep.domain.is_ZZ or rep.domain.is_QQ):
        return None
    lim = get_limits()
    rows, cols = value.shape
    if rows * cols > lim.max_matrix_entries or rows > lim.max_matrix_rows or cols > lim.max_matrix_cols:
        raise LimitError(f"{rows}x{cols} matrix is too large (limit {lim.max_matrix_entries} entries)",
                         name=name)
    bits = 3.33 * lim.max_literal_digits
    for row in rep.to_sdm().values():
        for v in row.values():
            if int(v.numerator).bit_length() > bits or int(v.denominator).bit_length() > bits:
                raise LimitError(f"an entry has more than {lim.max_literal_digits} digits", name=name)
    if rows == 0 or cols == 0:
        return None
    return value.as_immutable()


def parse_input(spec: Input, value: Any) -> Any:
    """Parse one input value by its kind (learner text goes through ``parse``)."""
    from symbolic_mlmath.text import options, parse

    kind, name = spec.kind, spec.name
    if kind == "matrix":
        fast = _exact_matrix(value, name)
        if fast is not None:
            return fast
        m = parse.parse_matrix(value, name=name)
        if m.free_symbols:  # matrix engines expand entries: refuse runaway growth up front
            from symbolic_mlmath.text.budget import check_expansion

            check_expansion(m, name)
        return m
    if kind == "vector":
        return parse.parse_vector(value, name=name)
    if kind == "vectors":
        m = parse.parse_matrix(value, name=name)
        return tuple(m.row(i).T for i in range(m.rows))
    if kind == "expr":
        return parse.parse_expr(value, name=name)
    if kind == "number":
        return parse.parse_number(value, name=name)
    if kind == "equations":
        return parse.parse_equations(value, name=name)
    if kind == "symbols":
        return parse.parse_symbols(value, name=name)
    if kind == "bool":
        return options.parse_bool(value, name=name)
    if kind == "int":
        return options.parse_count(value, name=name, low=0, high=10**6)
    if kind == "choice":
        return options.parse_choice(value, spec.choices, name=name)
    if kind == "text":
        return options.parse_text(value, name=name)
    if kind == "raw":  # the task's own reader (built on the text door) reads it
        return value
    if kind == "assignments":
        return parse.parse_answer(value, name=name)
    return parse.parse_value(value, name=name)


def working_lines(working: Any) -> list[Any]:
    """A working as a list of lines: text split at line breaks (one bracketed line kept whole).

    Examples
    ========
    >>> working_lines("[[1,2],[0,1]]\\n[[1,0],[0,1]]")
    ['[[1,2],[0,1]]', '[[1,0],[0,1]]']
    """
    if isinstance(working, str):
        text = working.strip()
        if text.startswith("[") and text.endswith("]") and "\n" not in text:
            return [text]
        return [ln for ln in (s.strip() for s in text.splitlines()) if ln]
    if isinstance(working, list | tuple):
        return list(working)
    raise TaskError("working must be a list of lines", name="working")


class TaskList(list):
    """A subject's tasks, in the order ``mlmath tasks`` lists them."""

    def register(self, task: Task) -> Task:
        """Append ``task`` and return it."""
        self.append(task)
        return task


def _load() -> None:
    global _LOADED
    if not _LOADED:
        from symbolic_mlmath.core.subjects import contributions

        for _subject, tasks in contributions("tasks"):
            for task in tasks:
                if task.name in _REGISTRY:
                    raise RuntimeError(f"task {task.name!r} is declared twice")
                _REGISTRY[task.name] = task
                for a in task.aliases:
                    _ALIASES[a] = task.name
        _LOADED = True


def all_tasks() -> dict[str, Task]:
    """Every registered task by name, in registration order."""
    _load()
    return dict(_REGISTRY)


def get_task(name: Any) -> Task:
    """The task called ``name`` (or one of its aliases); a TaskError if there is none.

    ``name`` is learner text, read by the text door (normalised, bounded).
    """
    from symbolic_mlmath.text.options import parse_text

    _load()
    text = parse_text(name, name="task")
    key = text.lower().replace("-", "_").replace(" ", "_")
    key = _ALIASES.get(key, key)
    if key not in _REGISTRY:
        raise TaskError(f"unknown task {text[:60]!r}; run `mlmath tasks` to list them",
                        name="task")
    return _REGISTRY[key]

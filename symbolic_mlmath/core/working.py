"""Checking a learner's working line by line: the first wrong line, named.

One engine walks the lines of a working for every task. Each task registers a
:class:`Judge` that knows how to read a line (through ``parse.py``), whether a line
*follows* from the state before it (and by which operation), when the working is
*finished*, and how to name a slip (through :mod:`symbolic_mlmath.core.mistakes`). The
engine parses each line (an unreadable line is itself the wrong line), asks the
judge about each transition (given -> line 1, line k -> line k+1), names the first
wrong line, then goes on checking whether the later lines follow from the learner's
own wrong line ("error carried forward"), as a teacher giving partial credit would.

Each subject declares its judges (task name -> :class:`Judge`) in its ``judges`` table.

Examples
========
>>> from sympy import ImmutableMatrix
>>> A = ImmutableMatrix([[1, 2], [3, 4]])
>>> v = check_working("rref", {"matrix": A}, ["[[1,2],[0,-2]]", "[[1,2],[0,1]]", "[[1,0],[0,1]]"])
>>> v.correct, v.first_wrong_step, v.lines[0].operation
(True, None, 'R2 <- R2 - 3 R1')
>>> v = check_working("rref", {"matrix": A}, ["[[1,2],[0,-3]]", "[[1,2],[0,1]]", "[[1,0],[0,1]]"])
>>> v.correct, v.first_wrong_step, v.lines[0].mistake
(False, 0, 'arithmetic slip')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.notes import rules_named, split_note, trailing_words, working_lines
from symbolic_mlmath.core.verdict import LineVerdict, Verdict

__all__ = ["NOTE_MISMATCH", "Follow", "Judge", "NoteCheck", "check_working", "get_judge",
           "judges_for", "rule_note"]

#: The mistake named when a line's note says one thing and the line does another.
NOTE_MISMATCH = "note does not match the line"


@dataclass(frozen=True)
class Follow:
    """Whether one line follows from the state before it.

    ``ok`` is True, False or None (undecided); ``operation`` names what the line did
    ("R3 <- R3 + 4 R1"); ``note`` is extra feedback; ``state`` is what the next line
    must follow from (the line itself when None).
    """

    ok: bool | None
    operation: str | None = None
    note: str = ""
    state: Any = None


@dataclass(frozen=True)
class NoteCheck:
    """A line's note compared with what the line does.

    ``agrees``: True, False, or None (the note could not be checked); ``said`` the note
    in the judge's words; ``detail`` what the line does instead; ``slip`` (for a line that
    does not follow) the slip measured against what the note says the line meant to do.
    """

    agrees: bool | None
    said: str
    detail: str = ""
    slip: Any = None


@dataclass(frozen=True)
class Judge:
    """What the engine needs to know about one kind of working.

    ``start(task, inputs) -> ctx`` (with ``ctx.given``: the state line 1 follows from);
    ``read(ctx, raw) -> obj`` (raises InputError); ``follows(ctx, state, obj) -> Follow``;
    ``finished(ctx, state) -> (bool, why)``; ``explain(ctx, state, obj) -> Slip | None``;
    ``answer(ctx, state, raw) -> Verdict | None``; ``show(obj) -> str``;
    ``note(ctx, state, obj, note, follow) -> NoteCheck | None`` reads a line's note (None:
    the note is not understood, and is ignored); by default the rules a note names are
    compared with the rules named in ``follow.operation``.
    """

    start: Callable[[str, dict], Any]
    read: Callable[[Any, Any], Any]
    follows: Callable[[Any, Any, Any], Follow]
    finished: Callable[[Any, Any], tuple[bool, str]]
    explain: Callable[[Any, Any, Any], Any]
    answer: Callable[[Any, Any, Any], Verdict | None] | None = None
    show: Callable[[Any], str] = str
    given_name: str = "the given matrix"
    expected: Callable[[Any], Any] | None = None  # the correct final result, for the verdict
    note: Callable[[Any, Any, Any, str, Follow], NoteCheck | None] | None = None


def judges_for(judge: Judge, *tasks: str) -> dict[str, Judge]:
    """The table entries ``{task: judge}`` for the named tasks."""
    return dict.fromkeys(tasks, judge)


def get_judge(task: str) -> Judge | None:
    """The judge a subject declares for ``task``, or None."""
    from symbolic_mlmath.core.subjects import table

    return table("judges").get(task)


def _ranges(idx: list[int]) -> str:
    """1-based human ranges: [2, 3, 4, 6] -> 'lines 3–5 and 7'."""
    runs: list[list[int]] = []
    for i in idx:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    parts = [f"{r[0] + 1}" if len(r) == 1 else f"{r[0] + 1}–{r[-1] + 1}" for r in runs]
    word = "line" if len(idx) == 1 else "lines"
    return f"{word} {' and '.join(parts) if len(parts) <= 2 else ', '.join(parts)}"


def _slip_text(slip: Any, show: Callable[[Any], str]) -> str:
    text = slip.name
    if slip.operation and slip.operation != "no change":
        text += f" in {slip.operation}"
    if slip.detail:
        text += f": {slip.detail}"
    if slip.expected is not None:
        text += f". It should have been {show(slip.expected)}"
    return text


def rule_note(ctx: Any, state: Any, obj: Any, note: str, f: Follow) -> NoteCheck | None:
    """Compare the rules a note names with the rules the judge says the line used (named in
    ``follow.operation``, else in ``follow.note``).

    Examples
    ========
    >>> rule_note(None, None, None, "by the chain rule", Follow(True, "product rule")).agrees
    False
    >>> rule_note(None, None, None, "chain rule", Follow(True, "chain rule: u = x^2")).agrees
    True
    >>> rule_note(None, None, None, "tidy up", Follow(True, "chain rule")) is None
    True
    >>> rule_note(None, None, None, "by the quotient rule", Follow(True, "∂f/∂x",
    ...           "rules: product rule; power rule")).agrees
    False
    """
    said, did = rules_named(note), rules_named(f.operation) or rules_named(f.note)
    if not said:
        return None
    if not did or f.ok is not True:
        return NoteCheck(None, note)
    if said & did or (said == {"power rule"} and "constant multiple rule" in did):
        return NoteCheck(True, note)  # d/dx(c x) = c: the power rule with n = 1
    return NoteCheck(False, note, f"the line uses the {' and the '.join(sorted(did))}, "
                     f"not the {' and the '.join(sorted(said))}")


def _read_line(judge: Judge, ctx: Any, raw: Any) -> tuple[Any, str | None]:
    """The line read by the judge, and its note (None when it has none)."""
    if not isinstance(raw, str):
        return judge.read(ctx, raw), None
    note, body = split_note(raw)
    if note is None:
        try:
            return judge.read(ctx, raw), None
        except InputError:
            words = trailing_words(raw)  # "x1 = 0.8 (one step)": a note of words only
            if words is None:
                raise
        try:
            return judge.read(ctx, words[1]), words[0]
        except InputError:
            return judge.read(ctx, raw), None  # the error of the whole line
    try:
        return judge.read(ctx, body), note
    except InputError:
        return judge.read(ctx, raw), None  # what looked like a note is part of the line


def check_working(task: str, inputs: dict, lines: list, answer: Any = None) -> Verdict:
    """Judge a learner's working for ``task``: each line must follow from the one before.

    ``inputs`` are the parsed task inputs; ``lines`` the raw lines (text or objects);
    ``answer`` an optional final answer, checked too. Blank lines and ``#`` comments are
    skipped; a note on a line (``R2 <- R2 - 2R1: ...``, ``by the chain rule: ...``) is
    compared with what the line does. Returns a :class:`Verdict` with
    ``method="working"``, ``first_wrong_step`` (0-based, in the learner's numbering) and
    one ``LineVerdict`` per line of mathematics.
    """
    judge = get_judge(task)
    if judge is None:
        return Verdict(None, "undecided", f"Checking working is not available for {task} yet.")
    kept = working_lines(list(lines))
    if not kept:
        return Verdict(None, "undecided", "No working to check: give at least one line.")
    ctx = judge.start(task, inputs)
    state = ctx.given
    first: int | None = None
    first_fb = ""
    verdicts: list[LineVerdict] = []
    carried: list[int] = []
    broken: list[int] = []
    last_obj: Any = None
    prev: int | None = None  # the learner's number of the last readable line
    for k, raw in kept:
        where = judge.given_name if prev is None else f"line {prev + 1}"
        try:
            obj, note = _read_line(judge, ctx, raw)
        except InputError as exc:
            fb = f"cannot read this line: {exc}"
            verdicts.append(LineVerdict(k, False, fb, mistake="unreadable line"))
            if first is None:
                first, first_fb = k, f"line {k + 1} cannot be read ({exc})"
            else:
                broken.append(k)
            continue  # the next line is compared with the last readable state
        last_obj = obj
        f = judge.follows(ctx, state, obj)
        nc = None
        if note is not None:
            nc = (judge.note or rule_note)(ctx, state, obj, note, f)
        if f.ok is not False and not (nc is not None and nc.agrees is False):
            tag = "follows" if first is None or prev is None else \
                f"follows from your line {prev + 1}"
            fb = f"{tag}: {f.operation}" if f.operation else tag
            if f.ok is None:
                fb = f"could not decide whether this follows from {where}"
            if f.note:
                fb += f" ({f.note})"
            if nc is not None and nc.agrees:
                fb += f", as your note says ({nc.said})"
            verdicts.append(LineVerdict(k, f.ok, fb, operation=f.operation, note=note))
            if first is not None and f.ok:
                carried.append(k)
            state = obj if f.state is None else f.state
            prev = k
            continue
        if f.ok is not False:  # the line follows, but not as its note says
            fb = (f"does not do what its note says ({nc.said}): {nc.detail}" if nc.detail
                  else f"does not do what its note says ({nc.said})")
            lv = LineVerdict(k, False, fb, operation=f.operation, mistake=NOTE_MISMATCH,
                             note=note)
        else:
            slip = nc.slip if nc is not None and nc.slip is not None else \
                judge.explain(ctx, state, obj)
            if slip is not None:
                fb = f"does not follow from {where}: {_slip_text(slip, judge.show)}"
                lv = LineVerdict(k, False, fb, operation=slip.operation, mistake=slip.name,
                                 expected=slip.expected, note=note)
            else:
                fb = f"does not follow from {where}" + (f": {f.note}" if f.note else "")
                if nc is not None and nc.agrees is False and nc.detail:
                    fb += f"; {nc.detail}"
                lv = LineVerdict(k, False, fb, note=note)
        verdicts.append(lv)
        if first is None:
            first, first_fb = k, f"line {k + 1} {fb}"
        else:
            broken.append(k)
        state = obj if f.state is None else f.state
        prev = k
    expected = judge.expected(ctx) if judge.expected else None
    got = last_obj
    ans: Verdict | None = None
    if answer is not None and judge.answer is not None:
        ans = judge.answer(ctx, state, answer)
    details: list[str] = []
    if first is not None:
        tail = ""
        if carried:
            tail = f" {_ranges(carried).capitalize()} follow{'s' if len(carried) == 1 else ''} " \
                   f"correctly from your line {first + 1} (error carried forward)."
        if broken:
            tail += f" {_ranges(broken).capitalize()} also do{'es' if len(broken) == 1 else ''} " \
                    "not follow."
        fb = f"Not correct: {first_fb}.{tail}"
        if ans is not None and ans.correct is not True:
            details.append(f"answer: {ans.feedback}")
        return Verdict(False, "working", fb, expected=expected, got=got, first_wrong_step=first,
                       details=tuple(details), lines=tuple(verdicts))
    if any(v.follows is None for v in verdicts):
        return Verdict(None, "working", "Undecided: some lines could not be checked.",
                       expected=expected, got=got, lines=tuple(verdicts))
    done, why = judge.finished(ctx, state)
    if not done:
        fb = f"Not finished: every line follows, but {why}."
        return Verdict(False, "working", fb, expected=expected, got=got, lines=tuple(verdicts))
    if ans is not None and ans.correct is not True:
        return Verdict(ans.correct, "working", f"Every line follows, but the answer: {ans.feedback}",
                       expected=expected, got=got, lines=tuple(verdicts))
    fb = f"Correct: every line follows{', ' + why if why else ''}."
    return Verdict(True, "working", fb, expected=expected, got=got, lines=tuple(verdicts))

"""Grading a whole class: one verdict per submission, a summary per student, task and mistake.

A *submission* is one JSON object per line of a ``.jsonl`` file::

    {"id": "s01-q3", "student": "s01", "task": "det",
     "inputs": {"matrix": "[[2,1],[1,3]]"}, "answer": "5", "working": ["2*3 - 1*1", "5"]}

:func:`grade_submission` is a pure function from one submission to one verdict record
(``id``, ``student``, ``task``, ``status``, ``correct``, ``method``, ``feedback``,
``first_wrong_step``, ``mistake``); every field of the submission is learner text and goes
through the task's input parsers and the working judges, never through ``eval``.
A submission that cannot be graded gets a record too, whose ``status`` says why
(``unknown task``, ``bad input``, ``internal error``, ``time limit``): one bad line never
stops the batch. :func:`grade_file` runs the batch serially, on local processes
(``jobs``) or on a Dask cluster (``scheduler``), appends to ``verdicts.jsonl`` (a rerun
skips the ids already graded) and rewrites ``summary.csv`` (see :func:`write_summary`).

Examples
========
>>> r = grade_submission({"id": "a1", "student": "ann", "task": "det",
...                       "inputs": {"matrix": "[[2,1],[1,3]]"}, "answer": "5"})
>>> r["status"], r["correct"], r["method"]
('graded', True, 'structural')
>>> r = grade_submission({"id": "a2", "task": "det", "inputs": {"matrix": "[[2,1],[1,3]]"},
...                       "working": ["2*3 + 1*1", "7"]})
>>> r["correct"], r["first_wrong_step"], r["mistake"]
(False, 0, '2x2 determinant')
>>> grade_submission({"id": "a3", "task": "dett", "inputs": {}, "answer": "1"})["status"]
'unknown task'
>>> grade_line('{"id": 1, "task": "det", ', 7)["feedback"]
'line 7 is not a JSON object: Expecting property name enclosed in double quotes'
"""

from __future__ import annotations

import contextlib
import json
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

__all__ = [
    "STATUSES",
    "GradeReport",
    "grade_chunk",
    "grade_file",
    "grade_line",
    "grade_submission",
    "main",
    "read_verdicts",
    "summarize",
    "write_summary",
]

#: Why a submission got the record it got.
STATUSES = ("graded", "unknown task", "bad input", "internal error", "time limit")
#: Statuses that a rerun grades again (the others are final).
RETRY = ("internal error", "time limit")
#: Longest accepted line of the submissions file, in characters.
MAX_LINE = 1_000_000
#: Longest id or student name kept.
MAX_NAME = 200
#: Default time limit for one submission, in seconds.
TIME_LIMIT = 30.0
#: The fields of a verdict record, in the order they are written.
FIELDS = ("id", "student", "task", "status", "correct", "method", "feedback",
          "first_wrong_step", "mistake", "line")


class _TimeLimit(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_TimeLimit` after ``seconds`` (only in a main thread with SIGALRM)."""
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def _alarm(signum: int, frame: Any) -> None:
        raise _TimeLimit

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _one_line(text: Any, limit: int = 500) -> str:
    return " ".join(str(text).split())[:limit]


def _name(value: Any, field: str) -> str | None:
    """An id or student name: a string or an integer, short, on one line."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _Bad(f"{field} must be a string or a whole number, got {type(value).__name__}")
    text = _one_line(value, MAX_NAME + 1)
    if not text:
        raise _Bad(f"{field} is empty")
    if len(text) > MAX_NAME:
        raise _Bad(f"{field} is longer than {MAX_NAME} characters")
    return text


class _Bad(Exception):
    """A submission that is not shaped as one (missing fields, wrong types)."""


def _record(sub_id: Any, student: Any, task: Any, status: str, feedback: str, **rest: Any) -> dict:
    out = dict.fromkeys(FIELDS)
    out.update(id=sub_id, student=student, task=task, status=status, feedback=feedback)
    out.update(rest)
    return out


def _first_mistake(v: Any) -> str | None:
    if v.first_wrong_step is not None and v.first_wrong_step < len(v.lines):
        name = v.lines[v.first_wrong_step].mistake
        if name:
            return name
    return getattr(v, "mistake", None)


def grade_submission(sub: Any, *, time_limit: float | None = TIME_LIMIT) -> dict:
    """Grade one submission (a mapping) -> a verdict record (a dict of :data:`FIELDS`).

    Never raises for anything a submission can contain: the record's ``status`` and
    ``feedback`` say what went wrong.
    """
    from symbolic_mlmath.core.errors import InputError, TaskError

    sub_id = student = task_name = None
    try:
        if not isinstance(sub, Mapping):
            raise _Bad(f"a submission is a JSON object, got {type(sub).__name__}")
        sub_id = _name(sub.get("id"), "id")
        if sub_id is None:
            raise _Bad("missing id")
        student = _name(sub.get("student"), "student")
        raw_task = sub.get("task")
        if not isinstance(raw_task, str) or not raw_task.strip():
            raise _Bad("missing task (a task name such as det or rref)")
        task_name = _one_line(raw_task, 80)
        inputs = sub.get("inputs", {})
        if not isinstance(inputs, Mapping):
            raise _Bad("inputs must be a JSON object of input name -> value")
        if any(not isinstance(k, str) for k in inputs):
            raise _Bad("input names must be strings")
        answer, working = sub.get("answer"), sub.get("working")
        if answer is None and working is None:
            raise _Bad("give an answer or a working (or both)")
        if working is not None and not isinstance(working, str | list):
            raise _Bad("working must be a list of lines (or one string)")
        if isinstance(answer, dict | bool):
            raise _Bad("answer must be text, a number or a list")
    except _Bad as exc:
        return _record(sub_id, student, task_name, "bad input", str(exc))
    from symbolic_mlmath.core.tasks import get_task

    try:
        task = get_task(task_name)
    except TaskError as exc:
        return _record(sub_id, student, task_name, "unknown task", str(exc))
    rec = {"id": sub_id, "student": student, "task": task.name}
    try:
        with _deadline(time_limit):
            v = task.check(dict(inputs), answer, working)
    except _TimeLimit:
        return _record(*rec.values(), "time limit",
                       f"grading took longer than {time_limit:g} s; not graded")
    except InputError as exc:
        return _record(*rec.values(), "bad input", _one_line(exc))
    except RecursionError:
        return _record(*rec.values(), "bad input", "input nested too deeply")
    except Exception as exc:  # a bug of ours: named, and the batch goes on
        return _record(*rec.values(), "internal error", _one_line(f"{type(exc).__name__}: {exc}"))
    return _record(*rec.values(), "graded", _one_line(v.feedback, 2000), correct=v.correct,
                   method=v.method, first_wrong_step=v.first_wrong_step,
                   mistake=_first_mistake(v))


def grade_line(text: str, lineno: int, *, time_limit: float | None = TIME_LIMIT) -> dict:
    """Grade one line of a submissions file (JSON text); ``lineno`` is 1-based."""
    if len(text) > MAX_LINE:
        rec = _record(None, None, None, "bad input",
                      f"line {lineno} is longer than {MAX_LINE} characters")
    else:
        try:
            sub = json.loads(text)
        except RecursionError:
            sub, err = None, "nested too deeply"
        except ValueError as exc:
            sub, err = None, getattr(exc, "msg", str(exc))
        if sub is None or not isinstance(sub, dict):
            err = err if sub is None else f"got a JSON {type(sub).__name__}"
            rec = _record(None, None, None, "bad input",
                          f"line {lineno} is not a JSON object: {_one_line(err, 200)}")
        else:
            rec = grade_submission(sub, time_limit=time_limit)
    rec["line"] = lineno
    return rec


def grade_chunk(chunk: list[tuple[int, str]], time_limit: float | None = TIME_LIMIT) -> list[dict]:
    """Grade ``(lineno, text)`` pairs: the unit of work sent to a process or a Dask worker."""
    return [grade_line(text, n, time_limit=time_limit) for n, text in chunk]


# ------------------------------------------------------------------ the batch
@dataclass(frozen=True)
class GradeReport:
    """What one run of :func:`grade_file` did."""

    graded: int  # records written in this run
    skipped: int  # ids already graded by an earlier run
    seconds: float
    verdicts: Path
    summary: Path
    by_status: dict

    def __str__(self) -> str:
        rate = self.graded / self.seconds if self.seconds > 0 else 0.0
        statuses = ", ".join(f"{v} {k}" for k, v in self.by_status.items())
        return (f"graded {self.graded} submissions in {self.seconds:.1f} s ({rate:.1f}/s)"
                f"{'; ' + statuses if statuses else ''}; skipped {self.skipped} already graded"
                f" -> {self.verdicts}, {self.summary}")


def _key(rec: Mapping) -> str:
    """What identifies a record across runs: its id, or its line when it has none."""
    return f"id:{rec['id']}" if rec.get("id") is not None else f"line:{rec.get('line')}"


def read_verdicts(path: str | Path) -> dict[str, dict]:
    """The records of a verdicts file by key (the last record of an id wins); a
    damaged line (a run stopped mid-write) is ignored."""
    out: dict[str, dict] = {}
    p = Path(path)
    if not p.exists():
        return out
    with p.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if isinstance(rec, dict) and "status" in rec:
                out[_key(rec)] = rec
    return out


def _read_submissions(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                yield n, line.strip()


def _peek_key(n: int, text: str) -> tuple[str, str | None]:
    """The key a line will be recorded under, read cheaply (for skipping and duplicates)."""
    try:
        sub = json.loads(text) if len(text) <= MAX_LINE else None
        sid = _name(sub.get("id"), "id") if isinstance(sub, dict) else None
    except (ValueError, RecursionError, _Bad):
        sid = None
    return (f"id:{sid}", sid) if sid is not None else (f"line:{n}", None)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    buf: list[Any] = []
    for it in items:
        buf.append(it)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def _ordered(submit: Callable[[list], Any], result: Callable[[Any], list], chunks: Iterable[list],
             window: int) -> Iterator[list[dict]]:
    """Results of every chunk in order, with at most ``window`` chunks in flight."""
    pending: deque = deque()
    for ch in chunks:
        pending.append(submit(ch))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def _warm() -> None:
    """Load every subject's tasks in a fresh worker."""
    from symbolic_mlmath.core.tasks import all_tasks

    all_tasks()


def _run_local(chunks: Iterable[list], jobs: int, time_limit: float | None) -> Iterator[list[dict]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if sys.platform == "win32":  # pragma: no cover
        ctx = multiprocessing.get_context("spawn")
    else:  # forked from a server that has SymPy and this module loaded: a fast start
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["sympy", __name__])
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_warm) as ex:
        yield from _ordered(lambda ch: ex.submit(grade_chunk, ch, time_limit),
                            lambda f: f.result(), chunks, 4 * jobs)


def _run_dask(chunks: Iterable[list], scheduler: Any, time_limit: float | None) -> Iterator[list[dict]]:
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - the optional extra is absent
        from symbolic_mlmath.core.errors import InputError

        raise InputError("--scheduler needs the dask extra: pip install "
                         "'symbolic_mlmath[dask]'", name="scheduler") from None
    own = not isinstance(scheduler, Client)
    client = Client(scheduler, timeout="20s") if own else scheduler
    try:
        nthreads = sum(client.nthreads().values()) or 1
        yield from _ordered(lambda ch: client.submit(grade_chunk, ch, time_limit, pure=False),
                            lambda f: f.result(), chunks, 4 * nthreads)
    finally:
        if own:
            client.close()


def grade_file(
    path: str | Path,
    out: str | Path,
    *,
    jobs: int = 1,
    scheduler: Any = None,
    chunk: int = 16,
    progress: int = 100,
    time_limit: float | None = TIME_LIMIT,
    log: TextIO | None = None,
) -> GradeReport:
    """Grade every submission of the JSONL file ``path`` into the directory ``out``.

    Appends one record per new submission to ``out/verdicts.jsonl`` (ids graded by an
    earlier run are skipped) and rewrites ``out/summary.csv`` from all records. ``jobs``
    local processes, or a Dask ``scheduler`` (an address or a ``distributed.Client``),
    grade chunks of ``chunk`` submissions; every ``progress`` records a line goes to
    ``log`` (stderr by default).
    """
    from symbolic_mlmath.core.errors import InputError

    path, out = Path(path), Path(out)
    if not path.is_file():
        raise InputError(f"cannot read {path}: no such file", name="submissions")
    out.mkdir(parents=True, exist_ok=True)
    vpath, spath = out / "verdicts.jsonl", out / "summary.csv"
    log = sys.stderr if log is None else log
    done = {k for k, r in read_verdicts(vpath).items() if r.get("status") not in RETRY}
    seen: dict[str, int] = {}
    todo: list[tuple[int, str]] = []
    dup: list[dict] = []
    skipped = 0
    for n, text in _read_submissions(path):
        key, sid = _peek_key(n, text)
        if key in seen and sid is not None:
            if f"line:{n}" in done:
                skipped += 1
                continue
            dup.append(_record(None, None, None, "bad input",
                               f"duplicate id {sid!r} (first on line {seen[key]}); not graded")
                       | {"line": n})
            continue
        seen.setdefault(key, n)
        if key in done:
            skipped += 1
            continue
        todo.append((n, text))
    total = len(todo)
    counts: dict[str, int] = {}
    t0 = time.perf_counter()
    written = 0
    chunks = _chunks(todo, max(1, chunk))
    if scheduler is not None:
        results = _run_dask(chunks, scheduler, time_limit)
    elif jobs > 1 and total > chunk:
        results = _run_local(chunks, jobs, time_limit)
    else:
        results = (grade_chunk(ch, time_limit) for ch in chunks)
    _ensure_newline(vpath)
    with vpath.open("a", encoding="utf-8") as fh:
        for records in results:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                counts[rec["status"]] = counts.get(rec["status"], 0) + 1
                written += 1
                if progress and written % progress == 0:
                    dt = time.perf_counter() - t0
                    log.write(f"grade: {written}/{total} ({100 * written / total:.0f}%), "
                              f"{written / dt:.1f}/s, "
                              f"{written - counts.get('graded', 0)} not graded\n")
                    log.flush()
            fh.flush()
        for rec in dup:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            counts["bad input"] = counts.get("bad input", 0) + 1
    dt = time.perf_counter() - t0
    write_summary(read_verdicts(vpath).values(), spath)
    return GradeReport(written + len(dup), skipped, dt, vpath, spath, dict(sorted(counts.items())))


def _ensure_newline(p: Path) -> None:
    """A run stopped mid-write leaves a partial last line: end it before appending."""
    if p.exists() and p.stat().st_size:
        with p.open("rb") as fh:
            fh.seek(-1, 2)
            last = fh.read(1)
        if last != b"\n":
            with p.open("a", encoding="utf-8") as fh:
                fh.write("\n")


# ------------------------------------------------------------------ the summary
_COLUMNS = ("scope", "key", "submissions", "correct", "not_correct", "undecided",
            "not_graded", "percent_correct", "mistakes")


def summarize(records: Iterable[Mapping]) -> list[dict]:
    """Summary rows: the whole class, then each task, each student, each named mistake.

    A ``mistake`` row counts the submissions whose first wrong line (or answer) was that
    mistake, most frequent first; its ``mistakes`` column lists the tasks where it occurred.
    The other rows list their most frequent mistakes as ``name (count)``.

    Examples
    ========
    >>> rows = summarize([{"student": "a", "task": "det", "status": "graded", "correct": True},
    ...                   {"student": "a", "task": "det", "status": "graded", "correct": False,
    ...                    "mistake": "cofactor sign"}])
    >>> [(r["scope"], r["key"], r["submissions"], r["percent_correct"]) for r in rows]
    [('all', '', 2, '50.0'), ('task', 'det', 2, '50.0'), ('student', 'a', 2, '50.0'), \
('mistake', 'cofactor sign', 1, '')]
    """
    groups: dict[tuple[str, str], dict] = {}
    mistakes: dict[str, dict[str, int]] = {}

    def add(scope: str, key: str, rec: Mapping) -> None:
        g = groups.setdefault((scope, key), {"n": 0, True: 0, False: 0, None: 0, "ng": 0,
                                             "m": {}})
        g["n"] += 1
        if rec.get("status") != "graded":
            g["ng"] += 1
        else:
            g[rec.get("correct")] += 1
        if rec.get("mistake"):
            g["m"][rec["mistake"]] = g["m"].get(rec["mistake"], 0) + 1

    recs = list(records)
    for rec in recs:
        add("all", "", rec)
    for scope, field in (("task", "task"), ("student", "student")):
        for rec in recs:
            add(scope, str(rec.get(field) or "(none)"), rec)
    for rec in recs:
        if rec.get("mistake"):
            per = mistakes.setdefault(str(rec["mistake"]), {})
            task = str(rec.get("task") or "(none)")
            per[task] = per.get(task, 0) + 1

    def top(m: dict[str, int], k: int = 5) -> str:
        items = sorted(m.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        return "; ".join(f"{name} ({c})" for name, c in items)

    rows = []
    for (scope, key), g in groups.items():
        graded = g[True] + g[False] + g[None]
        pct = f"{100 * g[True] / graded:.1f}" if graded else ""
        rows.append({"scope": scope, "key": key, "submissions": g["n"], "correct": g[True],
                     "not_correct": g[False], "undecided": g[None], "not_graded": g["ng"],
                     "percent_correct": pct, "mistakes": top(g["m"])})
    order = {"all": 0, "task": 1, "student": 2}
    rows.sort(key=lambda r: (order[r["scope"]], r["key"]))
    for name, per in sorted(mistakes.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        rows.append({"scope": "mistake", "key": name, "submissions": sum(per.values()),
                     "correct": "", "not_correct": "", "undecided": "", "not_graded": "",
                     "percent_correct": "", "mistakes": top(per, 20)})
    return rows


def write_summary(records: Iterable[Mapping], path: str | Path) -> list[dict]:
    """Write :func:`summarize` of ``records`` as CSV to ``path``; return the rows."""
    import csv

    rows = summarize(records)
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    return rows


# ------------------------------------------------------------------ the command
def main(argv: list[str] | None = None) -> int:
    """``mlmath grade FILE.jsonl --out DIR [--jobs N] [--scheduler ADDRESS]``."""
    import argparse

    from symbolic_mlmath.core.tasks import Input, parse_input

    p = argparse.ArgumentParser(
        prog="mlmath grade",
        description="Grade a class: one submission per line of a JSONL file "
        '({"id", "student", "task", "inputs": {...}, "answer"?, "working"?: [lines]}).')
    p.add_argument("submissions", help="the JSONL file of submissions")
    p.add_argument("--out", default="grades", metavar="DIR",
                   help="where verdicts.jsonl and summary.csv go (default: grades)")
    p.add_argument("--jobs", default="1", metavar="N", help="local processes (default 1)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="grade on a Dask cluster (needs the dask extra)")
    p.add_argument("--chunk", default="16", metavar="N", help="submissions per unit of work")
    p.add_argument("--progress", default="100", metavar="N",
                   help="a progress line every N submissions (0: none)")
    p.add_argument("--time-limit", dest="time_limit", default=str(TIME_LIMIT), metavar="S",
                   help=f"seconds for one submission (default {TIME_LIMIT:g})")
    args = p.parse_args(argv)

    def whole(name: str, value: str, lo: int, hi: int) -> int:
        n = parse_input(Input(name, "int"), value)
        if not lo <= n <= hi:
            from symbolic_mlmath.core.errors import InputError

            raise InputError(f"must be between {lo} and {hi}, got {n}", name=name)
        return n

    jobs = whole("jobs", args.jobs, 1, 256)
    chunk = whole("chunk", args.chunk, 1, 10_000)
    progress = whole("progress", args.progress, 0, 10**9)
    limit = parse_input(Input("time_limit", "number"), args.time_limit)
    if not (limit.is_Rational and 0 < limit <= 3600):
        from symbolic_mlmath.core.errors import InputError

        raise InputError("must be a number of seconds between 0 and 3600", name="time_limit")
    report = grade_file(args.submissions, args.out, jobs=jobs, scheduler=args.scheduler,
                        chunk=chunk, progress=progress, time_limit=float(limit))
    sys.stdout.write(f"{report}\n")
    return 0

"""Grading a submissions file: serially, on local processes or on a Dask cluster, appending to
``verdicts.jsonl`` (a rerun skips the ids already graded) and rewriting ``summary.csv``.

Examples
========
>>> list(_chunks(range(5), 2))
[[0, 1], [2, 3], [4]]
"""

from __future__ import annotations

import json
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from symbolic_mlmath.publish.grading.summary import write_summary
from symbolic_mlmath.publish.grading.verdict import (
    RETRY,
    TIME_LIMIT,
    grade_chunk,
    peek_key,
    record,
)

__all__ = ["GradeReport", "grade_file", "read_verdicts"]


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


def _run_local(chunks: Iterable[list], jobs: int, time_limit: float | None,
               fn: Callable[..., list[dict]] = grade_chunk) -> Iterator[list[dict]]:
    """Results of ``fn`` on every chunk, in order, on ``jobs`` local processes.

    A process that dies (killed, out of memory) breaks the pool: the chunks in flight are
    graded again on a fresh pool one at a time, and the one that breaks it alone is recorded
    as not graded (``internal error``, so a rerun tries it again); the batch goes on.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if sys.platform == "win32":  # pragma: no cover
        ctx = multiprocessing.get_context("spawn")
    else:  # forked from a server that has SymPy and this module loaded: a fast start
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["sympy", __name__])
    todo: Iterator[list] = iter(chunks)
    suspects: deque = deque()  # in flight when a pool broke: graded one at a time
    window = 4 * jobs
    while True:
        pending: deque = deque()  # (chunk, future), in order
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_warm) as ex:
            try:
                while suspects:
                    res = ex.submit(fn, suspects[0], time_limit).result()
                    suspects.popleft()
                    yield res
                for ch in todo:
                    pending.append((ch, None))  # kept even if the submit finds the pool broken
                    pending[-1] = (ch, ex.submit(fn, ch, time_limit))
                    if len(pending) >= window:
                        res = pending[0][1].result()
                        pending.popleft()
                        yield res
                while pending:
                    res = pending[0][1].result()
                    pending.popleft()
                    yield res
                return
            except BrokenProcessPool:
                pass
        if suspects:  # it broke the pool on its own
            yield [_died(n, text) for n, text in suspects.popleft()]
        else:
            suspects.extend(ch for ch, _ in pending)


def _died(n: int, text: str) -> dict:
    _, sid = peek_key(n, text)
    try:
        sub = json.loads(text)
    except (ValueError, RecursionError):
        sub = None
    who = [sub.get(k) if isinstance(sub, dict) and isinstance(sub.get(k), str) else None
           for k in ("student", "task")]
    return record(sid, *(w[:200] if w else None for w in who), "internal error",
                  "the grading process stopped (killed, or out of memory) while this "
                  "submission was in its chunk; a rerun grades it again") | {"line": n}


def _dask_client(scheduler: Any) -> tuple[Any, bool]:
    """A ``distributed.Client`` for ``scheduler`` (an address, or a client used as is), its
    workers warmed (every task loaded once per worker); and whether it is ours to close."""
    from symbolic_mlmath.core.errors import InputError

    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - the optional extra is absent
        raise InputError("--scheduler needs the dask extra: pip install "
                         "'symbolic_mlmath[dask]'", name="scheduler") from None
    if isinstance(scheduler, Client):
        client, own = scheduler, False
    else:
        try:
            client, own = Client(scheduler, timeout="20s"), True
        except (OSError, ValueError, TypeError) as exc:  # unreachable, or not an address
            text = " ".join(str(exc).split())[:200]
            raise InputError(f"cannot connect to the Dask scheduler {str(scheduler)[:100]!r}: "
                             f"{text}", name="scheduler") from None
    try:
        client.run(_warm)
    except Exception:
        if own:
            client.close()
        raise
    return client, own


def _run_dask(chunks: Iterable[list], client: Any, own: bool, time_limit: float | None,
              fn: Callable[..., list[dict]] = grade_chunk) -> Iterator[list[dict]]:
    """Results of ``fn`` on every chunk, in order, on the cluster. A chunk given up with
    ``KilledWorker`` (its workers died, Dask's retries used) is sent once more on its own
    (it may have only shared a worker with the culprit); if it kills again it is recorded
    as not graded (``internal error``); the batch goes on."""
    from distributed import KilledWorker

    def result(pair: tuple) -> list[dict]:
        ch, fut = pair
        try:
            return fut.result()
        except KilledWorker:
            pass
        try:
            return client.submit(fn, ch, time_limit, pure=False).result()
        except KilledWorker:
            return [_died(n, text) for n, text in ch]

    try:
        nthreads = sum(client.nthreads().values()) or 1
        yield from _ordered(lambda ch: (ch, client.submit(fn, ch, time_limit, pure=False)),
                            result, chunks, 4 * nthreads)
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
    from symbolic_mlmath.text.options import parse_count

    jobs = parse_count(jobs, name="jobs", low=1, high=512)
    chunk = parse_count(chunk, name="chunk", low=1, high=10**6)
    progress = parse_count(progress, name="progress", low=0, high=10**9)  # 0: no lines
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
        key, sid = peek_key(n, text)
        if key in seen and sid is not None:
            if f"line:{n}" in done:
                skipped += 1
                continue
            dup.append(record(None, None, None, "bad input",
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
        client, own = _dask_client(scheduler)
        if any(k > 1 for k in client.nthreads().values()):
            log.write("grade: warning: some Dask workers run several threads; mpmath's "
                      "precision is per process, start them with --nthreads 1\n")
        results = _run_dask(chunks, client, own, time_limit)
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


"""Benchmark: grading a class, submissions per second on local processes and on Dask.

Run ``python benchmarks/bench_grading.py`` (``--quick`` for a small smoke run).

A seeded class of 400 students x 5 items = 2,000 submissions
(``symbolic_mlmath.publish.classroom``, the mix of issue 16: a determinant answered, a
determinant worked by cofactors, a row reduction worked, a derivative worked (slips
injected by perturbing the rule tree) and a one-sample t test worked; about 30% with a
planted slip, 1% broken on purpose) is written to a JSONL file and graded by
``grade_file`` three ways, each from a fresh output directory:

* serially in this process (the task registry loaded; the problem caches cold);
* ``--jobs 2`` local processes (the pool is started inside the timed run, as it is by
  ``mlmath grade``);
* a Dask ``LocalCluster`` of 2 worker processes x 1 thread (started before the timed
  run, as a cluster is; its workers restarted and warmed up on a small class of *another*
  seed, so their imports are loaded but none of this class's values are cached).

The two parallel ways run ``--repeat`` times (default 2), interleaved, and the best time of
each is kept: on a shared machine a burst of someone else's load then hits both ways.

It prints the load average (the machine may be shared: read the numbers with it),
submissions per second for each way, the serial rate per CPU-second (what one free core
does, less sensitive to other load), the Dask/processes time ratio, and the two targets
of issue 16: >= 100 submissions/s on 2 cores, Dask within 1.5x of local processes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATE = 100.0
TARGET_DASK = 1.5


def _load() -> str:
    try:
        return "load average %.2f %.2f %.2f" % os.getloadavg()
    except OSError:  # pragma: no cover - not on this platform
        return "load average unknown"


def _found(planted: list, verdicts: Path) -> tuple[int, int]:
    """How many planted slips the verdicts name at their line, of how many planted."""
    import json

    recs = {r["id"]: r for r in map(json.loads, verdicts.read_text(encoding="utf-8").splitlines())}
    slips = [p for p in planted if p.mistake]
    hit = sum(1 for p in slips if (recs[p.submission["id"]]["mistake"],
                                   recs[p.submission["id"]]["first_wrong_step"]) == (p.mistake, p.line))
    return hit, len(slips)


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="a small class, no Dask")
    p.add_argument("--students", type=int, default=None)
    p.add_argument("--repeat", type=int, default=None,
                   help="interleaved runs of each parallel way; the best is kept "
                   "(default 2, 1 with --quick)")
    p.add_argument("--variants", type=int, default=4,
                   help="versions of each problem handed out (default 4; more versions, "
                   "fewer repeated right answers for the caches)")
    args = p.parse_args(argv)

    from symbolic_mlmath.core.tasks import all_tasks
    from symbolic_mlmath.publish.classroom import MIXED_ITEMS, make_class, write_class
    from symbolic_mlmath.publish.grading import grade_file

    all_tasks()
    items = MIXED_ITEMS
    students = args.students or (25 if args.quick else 400)
    tmp = Path(tempfile.mkdtemp(prefix="bench_grading_"))
    try:
        planted = make_class(students, seed=7, items=items, variants=args.variants)
        path = write_class(planted, tmp / "class.jsonl")
        n = len(planted)
        print(f"class: {students} students x {len(items)} items = {n} submissions "
              f"({', '.join(items)}; {args.variants} versions of each); "
              f"{os.cpu_count()} cores, {_load()}")
        rows: list[tuple[str, float]] = []
        cpu0 = time.process_time()
        t = _time(lambda: grade_file(path, tmp / "serial", progress=0))
        cpu = time.process_time() - cpu0
        rows.append(("serial (this process)", t))
        cluster = None
        if not args.quick:
            try:
                from distributed import Client, LocalCluster
            except ImportError:
                print("dask: skipped (the distributed package is not installed)")
            else:
                cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
        warm = write_class(make_class(8, seed=99, items=items), tmp / "warm.jsonl")
        locals_, dasks = [], []
        try:
            # interleaved, so a burst of load hits both ways
            for r in range(args.repeat or (1 if args.quick else 2)):
                locals_.append(_time(lambda r=r: grade_file(path, tmp / f"jobs2-{r}", jobs=2,
                                                            progress=0)))
                if cluster is None:
                    continue
                with Client(cluster) as client:
                    client.restart()  # fresh workers: no values cached from the last run
                    grade_file(warm, tmp / f"dask-warm-{r}", scheduler=client, progress=0)
                dasks.append(_time(lambda r=r: grade_file(
                    path, tmp / f"dask-{r}", scheduler=cluster.scheduler_address, progress=0)))
        finally:
            if cluster is not None:
                cluster.close()
        t_local = min(locals_)
        rows.append((f"--jobs 2 (local processes), best of {len(locals_)}", t_local))
        t_dask = min(dasks) if dasks else None
        if t_dask is not None:
            rows.append((f"--scheduler (Dask, 2 workers), best of {len(dasks)}", t_dask))
        print(f"{'how':<44}{'seconds':>10}{'per second':>12}")
        for name, secs in rows:
            print(f"{name:<44}{secs:10.2f}{n / secs:12.1f}")
        rate = n / t_local
        print(f"serial: {n / cpu:.1f} submissions per CPU-second (less sensitive to the "
              "load than the wall-clock rates above)")
        found = _found(planted, tmp / "jobs2-0" / "verdicts.jsonl")
        print(f"\nplanted slips found at their line with their name: {found[0]} of {found[1]}")
        print(f"after the runs: {_load()}")
        print("targets:")
        print(f"  [{'met    ' if rate >= TARGET_RATE else 'NOT MET'}] >= {TARGET_RATE:g} "
              f"submissions/s on 2 cores (--jobs 2): {rate:.1f}/s")
        if t_dask is not None:
            ratio = t_dask / t_local
            print(f"  [{'met    ' if ratio <= TARGET_DASK else 'NOT MET'}] Dask within "
                  f"{TARGET_DASK}x of local processes: {ratio:.2f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The command ``mlmath grade``: a submissions file in, verdicts and a summary out."""

from __future__ import annotations

import sys

from symbolic_mlmath.publish.grading.batch import grade_file
from symbolic_mlmath.publish.grading.verdict import TIME_LIMIT

__all__ = ["main"]


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

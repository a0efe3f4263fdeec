"""Benchmarks: the step-recording engines against plain SymPy, as ratios in one run.

Run ``python benchmarks/bench.py`` (``--quick`` for a small smoke run).

For n = 3, 6, 10, 20, 32 and seeded random integer and rational matrices it times,
best of several repeats with ``time.perf_counter``:

* rref with steps (``solve("rref", matrix=M)`` and the engine ``derive_rref``)
  against plain ``Matrix.rref()``;
* the determinant with steps (``solve("det", matrix=M)``; elimination for n >= 4)
  against ``Matrix.det()``;
* the rank with steps (``solve("rank", matrix=M)``) against ``Matrix.rank()``;
  plain ``Matrix.rank()`` only up to n = 16 (it takes tens of seconds beyond);
* the latency of ``check("det", answer=..., matrix=<4x4>)`` after import;
* the wall time of ``mlmath --help`` in a fresh process.

A ratio is (time with steps) / (plain SymPy time): below 1 means faster than plain
SymPy. "solve" includes parsing the input and recording every step; the steps'
matrices are materialised as SymPy objects only when read (a separate column,
"+read", times reading every step's ``before``/``after`` too).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

SIZES = (3, 6, 10, 20, 32)
RANK_SIZES = (3, 6, 10, 16, 20, 32)
PLAIN_RANK_MAX = 16
QUICK_SIZES = (3, 6)


# ------------------------------------------------------------------ inputs
def random_matrix(n: int, kind: str, seed: int) -> list[list[Any]]:
    """A seeded random n x n matrix: integers in [-9, 9], or rationals p/q, q in 1..9."""
    rng = random.Random(f"{kind}-{n}-{seed}")
    if kind == "int":
        return [[rng.randint(-9, 9) for _ in range(n)] for _ in range(n)]
    return [[Fraction(rng.randint(-9, 9), rng.randint(1, 9)) for _ in range(n)]
            for _ in range(n)]


def to_sympy(rows: list[list[Any]]) -> Any:
    from sympy import Matrix, Rational

    return Matrix([[Rational(x.numerator, x.denominator) if isinstance(x, Fraction) else x
                    for x in r] for r in rows])


# ------------------------------------------------------------------ timing
def best_of(fn: Callable[[], Any], repeats: int, budget: float) -> float:
    """Best wall time of ``fn`` over up to ``repeats`` runs (fewer if over ``budget`` s)."""
    best = float("inf")
    spent = 0.0
    for k in range(repeats):
        t0 = time.perf_counter()
        fn()
        dt = time.perf_counter() - t0
        best = min(best, dt)
        spent += dt
        if spent > budget and k >= 0:
            break
    return best


def _read_steps(d: Any) -> Any:
    for s in d.steps:
        _ = s.before, s.after, s.given
    return d


# ------------------------------------------------------------------ the table
class Table:
    def __init__(self) -> None:
        self.rows: list[tuple] = []
        self.cells: dict[tuple, float] = {}

    def add(self, op: str, kind: str, n: int, plain: float | None, ours: float,
            read: float | None = None) -> None:
        ratio = ours / plain if plain else None
        self.rows.append((op, kind, n, plain, ours, ratio, read))
        self.cells[(op, kind, n)] = ratio if ratio is not None else float("nan")

    def print(self) -> None:
        head = (f"{'operation':<22}{'kind':<6}{'n':>4}{'plain ms':>12}{'ours ms':>11}"
                f"{'ratio':>9}{'+read ms':>11}")
        print(head)
        print("-" * len(head))
        for op, kind, n, plain, ours, ratio, read in self.rows:
            p = f"{plain * 1e3:12.3f}" if plain else f"{'(skipped)':>12}"
            r = f"{ratio:8.2f}x" if ratio is not None else f"{'-':>9}"
            rd = f"{read * 1e3:11.2f}" if read is not None else f"{'':>11}"
            print(f"{op:<22}{kind:<6}{n:>4}{p}{ours * 1e3:11.3f}{r}{rd}")
        print()


def warm_up() -> None:
    """Run every timed operation once on a small matrix, so lazy imports are not timed."""
    import symbolic_mlmath as sm
    from symbolic_mlmath.linalg.elimination import derive_rref

    for kind in ("int", "rat"):
        for n in (3, 6):
            M = to_sympy(random_matrix(n, kind, 1))
            M.rref(), M.det(), M.rank(), derive_rref(M)
            for task in ("rref", "det", "rank"):
                _read_steps(sm.solve(task, matrix=M))


def bench_matrices(table: Table, sizes: tuple, rank_sizes: tuple, repeats: int,
                   budget: float, kinds: tuple = ("int", "rat")) -> None:
    import symbolic_mlmath as sm
    from symbolic_mlmath.linalg.elimination import derive_rref

    warm_up()

    for kind in kinds:
        for n in sizes:
            M = to_sympy(random_matrix(n, kind, 0))
            plain = best_of(lambda M=M: M.rref(), repeats, budget)
            ours = best_of(lambda M=M: sm.solve("rref", matrix=M), repeats, budget)
            read = best_of(lambda M=M: _read_steps(sm.solve("rref", matrix=M)), 1, budget)
            table.add("rref solve()", kind, n, plain, ours, read)
            eng = best_of(lambda M=M: derive_rref(M), repeats, budget)
            table.add("rref derive_rref", kind, n, plain, eng)
        for n in sizes:
            M = to_sympy(random_matrix(n, kind, 0))
            plain = best_of(lambda M=M: M.det(), repeats, budget)
            ours = best_of(lambda M=M: sm.solve("det", matrix=M), repeats, budget)
            read = best_of(lambda M=M: _read_steps(sm.solve("det", matrix=M)), 1, budget)
            table.add("det solve()", kind, n, plain, ours, read)
        for n in rank_sizes:
            M = to_sympy(random_matrix(n, kind, 0))
            plain = (best_of(lambda M=M: M.rank(), max(1, repeats // 2), budget)
                     if n <= PLAIN_RANK_MAX else None)
            ours = best_of(lambda M=M: sm.solve("rank", matrix=M), repeats, budget)
            read = best_of(lambda M=M: _read_steps(sm.solve("rank", matrix=M)), 1, budget)
            table.add("rank solve()", kind, n, plain, ours, read)


def bench_check(repeats: int) -> tuple[float, float]:
    """(first call, best warm call) of a 4x4 det check, in seconds, after import."""
    from sympy import Matrix

    import symbolic_mlmath as sm

    A = [[2, 1, 0, 3], [1, 3, 2, 1], [0, 2, 4, 1], [3, 1, 1, 2]]
    answer = str(Matrix(A).det())
    text = str(A)

    def run() -> None:
        v = sm.check("det", answer=answer, matrix=text)
        assert v.correct is True, v.feedback

    t0 = time.perf_counter()
    run()
    first = time.perf_counter() - t0
    return first, best_of(run, repeats, 5.0)


def bench_check_cold(prelude: str) -> float:
    """The first 4x4 det check in a fresh process, timed after ``prelude`` (the imports)."""
    code = (
        f"import time\n{prelude}\n"
        "t0 = time.perf_counter()\n"
        "v = sm.check('det', answer='-41', matrix='[[2,1,0,3],[1,3,2,1],[0,2,4,1],[3,1,1,2]]')\n"
        "assert v.correct is True\n"
        "print(time.perf_counter() - t0)\n"
    )
    best = float("inf")
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True)
        best = min(best, float(out.stdout.strip().splitlines()[-1]))
    return best


def bench_help(repeats: int) -> float:
    """Best wall time of ``mlmath --help`` in a fresh process."""
    exe = shutil.which("mlmath")
    cmd = [exe, "--help"] if exe else [sys.executable, "-c",
                                       "from symbolic_mlmath.cli import main; main(['--help'])"]
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        best = min(best, time.perf_counter() - t0)
    return best


# ------------------------------------------------------------------ targets
def targets(table: Table, check_warm: float, check_cold: dict, help_s: float,
            sizes: tuple) -> list[tuple[str, bool | None, str, tuple | None]]:
    """(target, met?, detail, what to profile if not met: (callable name, kind, n))."""
    out: list[tuple[str, bool | None, str, tuple | None]] = []
    small = [n for n in sizes if n <= 10 or n == 32]
    for op in ("rref solve()", "rref derive_rref"):
        worst = max((table.cells[(op, k, n)], k, n) for k in ("int", "rat") for n in small
                    if (op, k, n) in table.cells)
        out.append((f"{op} with steps <= 3x plain Matrix.rref() for n <= 10 and n = 32",
                    worst[0] <= 3.0, f"worst {worst[0]:.2f}x ({worst[1]}, n={worst[2]})",
                    (op, worst[1], worst[2])))
    key = ("det solve()", "rat", 32)
    if key in table.cells:
        r = table.cells[key]
        out.append(("solve('det') 32x32 rational >= 3x faster than Matrix.det()",
                    r <= 1 / 3, f"{1 / r:.1f}x faster (ratio {r:.3f})", ("det solve()", "rat", 32)))
    key = ("rank solve()", "rat", 16)
    if key in table.cells:
        r = table.cells[key]
        out.append(("solve('rank') 16x16 rational >= 3x faster than Matrix.rank()",
                    r <= 1 / 3, f"{1 / r:.1f}x faster (ratio {r:.4f})",
                    ("rank solve()", "rat", 16)))
    out.append(("check('det') of a 4x4 answer < 50 ms after import (warm call)",
                check_warm < 0.050, f"{check_warm * 1e3:.2f} ms", ("check", "int", 4)))
    for prelude, secs in check_cold.items():
        out.append((f"check('det') of a 4x4 answer < 50 ms: first call after `{prelude}`",
                    secs < 0.050, f"{secs * 1e3:.1f} ms (includes the lazy imports)", None))
    out.append(("mlmath --help < 0.5 s", help_s < 0.5, f"{help_s:.3f} s", None))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="tiny smoke run (n = 3, 6; 3 repeats)")
    p.add_argument("--repeats", type=int, default=5, help="repeats per measurement (best of)")
    p.add_argument("--profile", action="store_true",
                   help="after the table, cProfile the targets that were not met")
    args = p.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    import sympy

    try:
        import flint

        flint_v = flint.__version__
    except ImportError:  # pragma: no cover
        flint_v = "not installed"
    if args.quick:
        sizes, rank_sizes, repeats, budget = QUICK_SIZES, QUICK_SIZES, 3, 1.0
    else:
        sizes, rank_sizes, repeats, budget = SIZES, RANK_SIZES, args.repeats, 3.0
    print(f"symbolic_mlmath benchmarks: Python {sys.version.split()[0]}, SymPy {sympy.__version__}, "
          f"python-flint {flint_v}; best of {repeats}; ratio = ours / plain SymPy")
    print("plain Matrix.rank() is timed only up to n = 16 (it takes tens of seconds beyond)\n")
    t0 = time.perf_counter()
    table = Table()
    bench_matrices(table, sizes, rank_sizes, repeats, budget)
    table.print()
    check_first, check_warm = bench_check(repeats)
    preludes = (() if args.quick else
                ("import symbolic_mlmath as sm", "import symbolic_mlmath as sm, sympy"))
    check_cold = {p: bench_check_cold(p) for p in preludes}
    help_s = bench_help(1 if args.quick else 3)
    print(f"check('det', 4x4) after import: warm {check_warm * 1e3:.2f} ms; first call in "
          f"this process {check_first * 1e3:.1f} ms (after the warm-up above)")
    for p_, secs in check_cold.items():
        print(f"check('det', 4x4) first call in a fresh process after `{p_}`: "
              f"{secs * 1e3:.1f} ms")
    print(f"mlmath --help: {help_s:.3f} s\n")
    print("targets:")
    results = targets(table, check_warm, check_cold, help_s, sizes)
    for line, ok, detail, _ in results:
        mark = "met    " if ok else "NOT MET"
        print(f"  [{mark}] {line}: {detail}")
    print(f"\n(total {time.perf_counter() - t0:.1f} s)")
    if args.profile:
        _profile_misses(results)
    return 0


def _profile_misses(results: list) -> None:
    """cProfile the operations behind targets that were not met."""
    import cProfile
    import pstats

    import symbolic_mlmath as sm
    from symbolic_mlmath.linalg.elimination import derive_rref

    for line, ok, _, key in results:
        if ok or key is None:
            continue
        op, kind, n = key
        M = to_sympy(random_matrix(n, kind, 0))
        if op == "rref derive_rref":
            fn = lambda M=M: derive_rref(M)  # noqa: E731
        elif op == "check":
            fn = lambda: sm.check("det", answer="-41",  # noqa: E731
                                  matrix="[[2,1,0,3],[1,3,2,1],[0,2,4,1],[3,1,1,2]]")
        else:
            task = op.split()[0]
            fn = lambda M=M, task=task: sm.solve(task, matrix=M)  # noqa: E731
        fn()
        print(f"\nprofile of {op} ({kind}, n={n}), 20 calls: {line}")
        pr = cProfile.Profile()
        pr.enable()
        for _ in range(20):
            fn()
        pr.disable()
        pstats.Stats(pr, stream=sys.stdout).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    raise SystemExit(main())

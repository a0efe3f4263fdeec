"""Resource limits for everything a learner can type, and a time budget for heavy SymPy work.

The defaults (``Limits()``), all adjustable:

=========================  =========  ====================================================
field                      default    what it bounds
=========================  =========  ====================================================
max_input_length           2000       characters in one expression, equation or answer
max_structured_length      100_000    characters in a matrix, vector or list written as text
max_matrix_rows/cols       1600       rows, columns of a matrix (a vector may be long)
max_matrix_entries         1600       entries of a matrix (so at most 40x40 when square),
                                      items of a list
max_depth                  50         nesting depth (brackets, function calls, powers)
max_literal_digits         1000       digits of an integer literal
max_result_digits          4000       digits of any exact number built (Python prints at most 4300)
max_symbolic_exponent      1000       |n| in ``expr**n`` when ``expr`` is not a number
max_root_digits            1000       digits of a number under a root (``sqrt``, ``**(1/3)``)
max_factorial_arg          1000       n in ``factorial(n)``
max_expr_nodes             20_000     nodes of one expression (``check_expr_size``)
time_budget                10.0       seconds for ``run_bounded`` when none is given, and for
                                      solving, checking and rendering one task
check_time_budget          60.0       seconds for a derivation's self-check (``validate``:
                                      every step re-verified and SymPy's own answer computed)
parse_time_budget          3.0        seconds for reading one input whose numeric value SymPy
                                      would evaluate (towers like ``floor(e^(e^(e^e)))``)
memory_bytes               1 GiB      memory a ``run_bounded`` worker may add to what it inherits
=========================  =========  ====================================================

Change them for a block of code with ``with limits(max_depth=10): ...`` (per thread/context),
or for the whole process with ``set_limits(...)``.

This module does not import SymPy at import time.
"""

from __future__ import annotations

import atexit
import contextlib
import contextvars
import dataclasses
import math
import multiprocessing
import os
import pickle
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from symbolic_mlmath.core.errors import LimitError
from symbolic_mlmath.text import memory

__all__ = [
    "Limits",
    "TimeBudgetExceeded",
    "check_binomial",
    "check_expr_size",
    "check_factorial",
    "check_integer_digits",
    "check_power",
    "get_limits",
    "integer_digits",
    "limits",
    "run_bounded",
    "set_limits",
    "short",
    "shutdown_workers",
]


@dataclass(frozen=True)
class Limits:
    """The resource limits in force (see the module docstring for the meaning of each)."""

    max_input_length: int = 2000
    max_structured_length: int = 100_000
    max_matrix_rows: int = 1600
    max_matrix_cols: int = 1600
    max_matrix_entries: int = 1600
    max_depth: int = 50
    max_literal_digits: int = 1000
    max_result_digits: int = 4000
    max_symbolic_exponent: int = 1000
    max_root_digits: int = 1000
    max_factorial_arg: int = 1000
    max_expr_nodes: int = 20_000
    time_budget: float = 10.0
    check_time_budget: float = 60.0
    parse_time_budget: float = 3.0
    memory_bytes: int = 1 << 30


class TimeBudgetExceeded(LimitError):
    """Work that did not finish within its time budget (the worker was stopped)."""


_DEFAULT = Limits()
_CURRENT: contextvars.ContextVar[Limits | None] = contextvars.ContextVar(
    "symbolic_mlmath_limits", default=None
)


def get_limits() -> Limits:
    """The limits in force for the calling context.

    >>> get_limits().max_depth
    50
    """
    current = _CURRENT.get()
    return _DEFAULT if current is None else current


def set_limits(**overrides: Any) -> Limits:
    """Change the process-wide default limits; returns the new defaults.

    >>> old = get_limits()
    >>> set_limits(max_depth=60).max_depth
    60
    >>> set_limits(**dataclasses.asdict(old)).max_depth
    50
    """
    global _DEFAULT
    _DEFAULT = dataclasses.replace(_DEFAULT, **overrides)
    return _DEFAULT


@contextlib.contextmanager
def limits(**overrides: Any) -> Iterator[Limits]:
    """Use changed limits inside a ``with`` block (only in the current thread/context).

    >>> with limits(max_input_length=10) as lim:
    ...     lim.max_input_length
    10
    >>> get_limits().max_input_length
    2000
    """
    new = dataclasses.replace(get_limits(), **overrides)
    token = _CURRENT.set(new)
    try:
        yield new
    finally:
        _CURRENT.reset(token)


# ---------------------------------------------------------------- size estimates and checks

_LOG10_2 = math.log10(2)


def integer_digits(n: int) -> int:
    """The number of decimal digits of an integer (or one more), computed cheaply.

    >>> integer_digits(10**50)
    51
    """
    return int(abs(int(n)).bit_length() * _LOG10_2) + 1


def short(value: Any) -> str:
    """A short text for a number in a message: long numbers are described, not printed.

    >>> short(10**30), short(7)
    ('a 31-digit number', '7')
    """
    try:
        if isinstance(value, int) or getattr(value, "is_Integer", False):
            n = int(value)
            return str(n) if abs(n) < 10**20 else f"a {integer_digits(n)}-digit number"
        if getattr(value, "is_Rational", False):
            return f"{short(value.p)}/{short(value.q)}" if value.q != 1 else short(value.p)
    except (TypeError, ValueError):
        pass
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def check_integer_digits(n: int, name: str = "value", *, literal: bool = False) -> None:
    """Refuse an integer with more digits than the limits allow.

    >>> check_integer_digits(10**20000)
    Traceback (most recent call last):
    ...
    symbolic_mlmath.core.errors.LimitError: value: number too large (about 20001 digits, limit 4000)
    """
    lim = get_limits()
    cap = lim.max_literal_digits if literal else lim.max_result_digits
    digits = integer_digits(n)
    if digits > cap:
        raise LimitError(f"number too large (about {digits} digits, limit {cap})", name=name)


def _log10_abs(p: int) -> float:
    p = abs(int(p))
    if p == 0:
        return 0.0
    bits = p.bit_length()
    if bits < 1000:
        return math.log10(p)
    return math.log10(p >> (bits - 60)) + (bits - 60) * _LOG10_2


def check_power(base: Any, exponent: Any, name: str = "expr") -> None:
    """Refuse ``base**exponent`` before it is built when the result would be huge.

    Numeric bases: the result's digits are estimated from ``|exponent| * log10|base|``.
    Other bases: a numeric exponent may not exceed ``max_symbolic_exponent`` in size.

    >>> import sympy
    >>> check_power(sympy.Integer(9), sympy.Integer(9**9))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symbolic_mlmath.core.errors.LimitError: expr: power too large (9^387420489 has about ... digits)
    >>> check_power(sympy.Integer(2), sympy.Integer(100))  # fine: returns None
    """
    import sympy

    if not (isinstance(exponent, sympy.Basic) and exponent.is_Rational):
        return
    exp_p, exp_q = int(exponent.p), int(exponent.q)
    if isinstance(base, sympy.Basic) and base.is_Rational:
        if base.q == 1 and abs(base.p) <= 1:
            return
        size = max(_log10_abs(base.p), _log10_abs(base.q))
        if exp_q != 1 and size > get_limits().max_root_digits:
            raise LimitError(
                f"root of a number with {int(size) + 1} digits (limit "
                f"{get_limits().max_root_digits})",
                name=name,
            )
        digits = abs(exp_p) / exp_q * size
        if digits > get_limits().max_result_digits:
            raise LimitError(
                f"power too large ({short(base)}^{short(exponent)} has about {int(digits)} digits)", name=name
            )
        return
    cap = get_limits().max_symbolic_exponent
    if isinstance(base, sympy.Basic) and base.is_Number:  # a float: treat like a rational
        cap = max(cap, get_limits().max_result_digits)
    if abs(exp_p) > cap * exp_q:
        raise LimitError(f"exponent {short(exponent)} too large (limit {cap})", name=name)


def check_factorial(n: Any, name: str = "expr") -> None:
    """Refuse ``factorial(n)`` for integers ``n`` above ``max_factorial_arg``.

    >>> import sympy
    >>> check_factorial(sympy.Integer(10**9))
    Traceback (most recent call last):
    ...
    symbolic_mlmath.core.errors.LimitError: expr: factorial(1000000000) is too large (limit n <= 1000)
    """
    import sympy

    if isinstance(n, sympy.Basic) and n.is_Integer:
        cap = get_limits().max_factorial_arg
        if int(n) > cap:
            raise LimitError(f"factorial({short(n)}) is too large (limit n <= {cap})", name=name)


def check_binomial(n: Any, k: Any, name: str = "expr") -> None:
    """Refuse ``binomial(n, k)`` for integers whose result would have too many digits.

    >>> import sympy
    >>> check_binomial(sympy.Integer(10**9), sympy.Integer(5 * 10**8))
    Traceback (most recent call last):
    ...
    symbolic_mlmath.core.errors.LimitError: expr: binomial(1000000000, 500000000) is too large
    """
    import sympy

    if not (isinstance(n, sympy.Basic) and isinstance(k, sympy.Basic)):
        return
    if n.is_Integer and k.is_Integer:
        nn, kk = int(n), int(k)
        if nn < 0 or kk < 0 or kk > nn:
            if abs(nn) > 10**6 or abs(kk) > 10**6:
                raise LimitError(f"binomial({short(n)}, {short(k)}) is too large", name=name)
            return
        kk = min(kk, nn - kk)
        ln10 = math.log(10)
        digits = (math.lgamma(nn + 1) - math.lgamma(kk + 1) - math.lgamma(nn - kk + 1)) / ln10
        if digits > get_limits().max_result_digits or kk > 10 * get_limits().max_factorial_arg:
            raise LimitError(f"binomial({short(n)}, {short(k)}) is too large", name=name)
    elif k.is_Integer and abs(int(k)) > get_limits().max_factorial_arg:
        raise LimitError(f"binomial(..., {short(k)}) is too large", name=name)


def check_expr_size(expr: Any, name: str = "expr") -> None:
    """Refuse a SymPy object (expression or matrix) that is too big to work with safely.

    Counts nodes (capped at ``max_expr_nodes``) and the digits of every integer and rational.

    >>> import sympy
    >>> check_expr_size(sympy.Symbol("x") + 1)
    >>> with limits(max_expr_nodes=3):
    ...     check_expr_size(sympy.Symbol("x") + sympy.Symbol("y") + 1)
    Traceback (most recent call last):
    ...
    symbolic_mlmath.core.errors.LimitError: expr: expression too large (more than 3 nodes)
    """
    import sympy

    lim = get_limits()
    if isinstance(expr, sympy.MatrixBase):
        rows, cols = expr.shape
        if rows > lim.max_matrix_rows or cols > lim.max_matrix_cols or rows * cols > (
            lim.max_matrix_entries
        ):
            raise LimitError(
                f"matrix too large ({rows}x{cols}, limit {lim.max_matrix_rows}x"
                f"{lim.max_matrix_cols})",
                name=name,
            )
        items = list(expr)
    else:
        items = [expr]
    cap = lim.max_expr_nodes
    count = 0
    for item in items:
        if not isinstance(item, sympy.Basic):
            continue
        for node in sympy.preorder_traversal(item):
            count += 1
            if count > cap:
                raise LimitError(f"expression too large (more than {cap} nodes)", name=name)
            if isinstance(node, sympy.Rational):
                check_integer_digits(node.p, name)
                check_integer_digits(node.q, name)


# ---------------------------------------------------------------- time budget: worker processes


def _mp_context() -> Any:
    """How workers start: fork on Linux, spawn elsewhere.

    Measured on Linux: a forked worker is ready in ~10 ms, a spawned or forkserver one needs
    ~1 s (it imports SymPy again) and re-imports the caller's ``__main__``. Workers are kept and
    reused, so the start cost is paid once and again after each timeout.
    """
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _worker_main(conn: Any, memory_bytes: int) -> None:  # pragma: no cover - runs in a child
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    problem = memory.apply_limit(memory_bytes)
    conn.send(("ready", problem))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        fn, args, kwargs = job
        try:
            result = ("ok", fn(*args, **kwargs))
        except MemoryError:
            result = ("memory", None)
        except BaseException as exc:
            result = ("error", exc)
        try:
            conn.send(result)
        except MemoryError:
            conn.send(("memory", None))
        except Exception as exc:  # unpicklable result or exception
            conn.send(("unpicklable", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, memory_bytes: int) -> None:
        ctx = _mp_context()
        self.memory_bytes = memory_bytes
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, memory_bytes), daemon=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads (3.12+)
            self.process.start()
        child.close()
        self.memory_problem: str | None = None
        if self.conn.poll(30):
            with contextlib.suppress(EOFError, OSError):
                _tag, self.memory_problem = self.conn.recv()
        else:
            self.memory_problem = "the worker did not report whether the limit was applied"
        memory.report(memory_bytes, self.memory_problem)

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.process.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()
        with contextlib.suppress(Exception):
            self.process.close()


_IDLE: list[_Worker] = []
_IDLE_LOCK = threading.Lock()
_MAX_IDLE = 2


def _take_worker(memory_bytes: int) -> _Worker:
    with _IDLE_LOCK:
        while _IDLE:
            worker = _IDLE.pop()
            if worker.memory_bytes == memory_bytes and worker.process.is_alive():
                return worker
            worker.kill()
    return _Worker(memory_bytes)


def _give_back(worker: _Worker) -> None:
    with _IDLE_LOCK:
        if len(_IDLE) < _MAX_IDLE:
            _IDLE.append(worker)
            return
    worker.kill()


def shutdown_workers() -> None:
    """Stop the idle worker processes (they are also stopped when Python exits)."""
    with _IDLE_LOCK:
        workers = list(_IDLE)
        _IDLE.clear()
    for worker in workers:
        worker.kill()


def run_bounded(
    fn: Callable[..., Any], *args: Any, seconds: float | None = None, **kwargs: Any
) -> Any:
    """Run ``fn(*args, **kwargs)`` in a worker process with a time budget and a memory cap.

    Returns the result, re-raises the function's own exception, or raises
    ``TimeBudgetExceeded`` when ``seconds`` (default ``time_budget``) pass first, after which
    the worker is killed. ``fn``, its arguments and its result must be picklable (a module-level
    function and SymPy objects are). Works from any thread. Each call costs a few milliseconds
    once a worker is warm, so callers keep tiny work in-process.

    >>> import sympy
    >>> run_bounded(sympy.expand, (sympy.Symbol("x") + 1) ** 2, seconds=30)
    x**2 + 2*x + 1
    """
    lim = get_limits()
    budget = lim.time_budget if seconds is None else float(seconds)
    try:
        payload = pickle.dumps((fn, args, kwargs))
    except Exception as exc:
        raise TypeError(f"run_bounded: cannot send the work to a worker ({exc})") from None
    del payload
    worker = _take_worker(lim.memory_bytes)
    try:
        worker.conn.send((fn, args, kwargs))
        ready = worker.conn.poll(budget)
        if not ready:
            raise TimeBudgetExceeded(f"gave up after {budget:g} s", name="time budget")
        status, value = worker.conn.recv()
    except TimeBudgetExceeded:
        worker.kill()
        raise
    except (EOFError, OSError, BrokenPipeError):
        worker.kill()
        raise LimitError("the worker stopped (out of memory?)", name="time budget") from None
    except BaseException:
        worker.kill()
        raise
    _give_back(worker)
    if status == "ok":
        return value
    if status == "memory":
        raise LimitError(
            f"ran out of memory (limit {lim.memory_bytes // 2**20} MiB)", name="memory budget"
        )
    if status == "unpicklable":
        raise RuntimeError(f"run_bounded: {value}")
    raise value


atexit.register(shutdown_workers)

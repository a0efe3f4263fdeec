"""Budgets for work done in-process: a time budget for engines and a bound on expansion.

``time_budget(seconds)`` stops the Python work inside its block when the time is up and
raises :class:`~symbolic_mlmath.text.limits.TimeBudgetExceeded` (a one-line ``LimitError``).
It works in any thread: a timer thread asks the interpreter to raise a private exception in
the working thread at its next bytecode (``PyThreadState_SetAsyncExc``), so pure-Python SymPy
stops promptly; a single long C call (a huge integer product, one FLINT call) finishes first.
The private exception derives from ``BaseException`` so no ``except Exception`` inside SymPy
can swallow it. Budgets nest: an inner budget never outlives the outer one, and an inner
budget that expires can be caught (an engine then takes its declared numeric fallback).

``bounded_expand(expr)`` estimates how many terms ``expand`` would produce (multinomial
counts, before any work) and refuses growth beyond ``Limits.max_expr_nodes``.

Examples
========
>>> from sympy import symbols
>>> x, y = symbols("x y")
>>> expansion_terms((x + y + 1)**2)
6
>>> bounded_expand((x + y)**2)
x**2 + 2*x*y + y**2
>>> bounded_expand((x + y + 1)**500)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
symbolic_mlmath.core.errors.LimitError: expr: ... about 125751 terms when expanded (limit 20000)
>>> with time_budget(5):
...     sum(range(10))
45
"""

from __future__ import annotations

import ctypes
import math
import sys
import threading
import time
from typing import Any

from symbolic_mlmath.core.errors import LimitError
from symbolic_mlmath.text.limits import TimeBudgetExceeded, get_limits

__all__ = [
    "bounded_expand",
    "check_expansion",
    "expansion_terms",
    "remaining",
    "time_budget",
]

_set_async_exc = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.py_object)(
    ("PyThreadState_SetAsyncExc", ctypes.pythonapi))
_clear_async_exc = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p)(
    ("PyThreadState_SetAsyncExc", ctypes.pythonapi))  # NULL withdraws a pending exception
#: Seconds between repeated deliveries (one delivered inside a destructor or a weakref
#: callback is swallowed by the interpreter, so it is sent again until the block ends).
_REPEAT = 0.2
_local = threading.local()


class _Expired(BaseException):
    """Delivered asynchronously into the working thread; converted at the budget's edge."""


def _quiet_expiry(hook: Any) -> Any:
    """``sys.unraisablehook`` that drops a swallowed expiry (it is sent again; printing
    "Exception ignored in ..." would put a traceback on a learner's terminal)."""

    def unraisable(info: Any) -> None:
        if not isinstance(info.exc_value, _Expired):
            hook(info)

    unraisable.quiet_expiry = True  # type: ignore[attr-defined]
    return unraisable


if not getattr(sys.unraisablehook, "quiet_expiry", False):
    sys.unraisablehook = _quiet_expiry(sys.unraisablehook)


def _stack() -> list[time_budget]:
    stack = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = []
    return stack


def remaining() -> float | None:
    """Seconds left in the innermost time budget of this thread (None outside any budget)."""
    stack = _stack()
    if not stack:
        return None
    return max(0.0, min(b.deadline for b in stack) - time.monotonic())


class time_budget:
    """Stop the work in this block after ``seconds`` (default ``Limits.time_budget``)."""

    def __init__(self, seconds: float | None = None, *, what: str = "the computation") -> None:
        self.seconds = get_limits().time_budget if seconds is None else float(seconds)
        self.what = what
        self.armed = False

    def __enter__(self) -> time_budget:
        stack = _stack()
        self.deadline = time.monotonic() + max(self.seconds, 0.0)
        outer = min((b.deadline for b in stack), default=math.inf)
        self.armed = self.deadline < outer
        if self.armed:
            self.cls = type("_Expired", (_Expired,), {})
            self.tid = threading.get_ident()
            self.lock = threading.Lock()
            self.fired = self.done = False
            self.timer = threading.Timer(max(self.seconds, 0.0), self._fire)
            self.timer.daemon = True
            self.timer.start()
        stack.append(self)
        return self

    def _fire(self) -> None:
        with self.lock:
            if self.done:
                return
            self.fired = True
            _set_async_exc(self.tid, self.cls)
            self.timer = threading.Timer(_REPEAT, self._fire)
            self.timer.daemon = True
            self.timer.start()

    def _error(self) -> TimeBudgetExceeded:
        return TimeBudgetExceeded(f"{self.what} took longer than {self.seconds:g} s and was "
                                  "stopped", name="time budget")

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> bool:
        try:
            stack = _stack()
            if stack and stack[-1] is self:
                stack.pop()
            if not self.armed:
                return False
            with self.lock:
                self.done = True
                self.timer.cancel()
                if self.fired and not (exc_type is not None and issubclass(exc_type, self.cls)):
                    _clear_async_exc(self.tid, None)  # fired, not delivered: withdraw it
        except _Expired as late:  # delivered while leaving the block
            if not isinstance(late, self.cls) or exc_type is not None:
                raise
            return False
        if exc_type is not None and issubclass(exc_type, self.cls):
            raise self._error() from None
        return False


# ------------------------------------------------------------------ expansion size
def expansion_terms(expr: Any, cap: int | None = None) -> int:
    """An upper bound on the number of terms of ``expand(expr)`` (stops counting past ``cap``).

    >>> from sympy import symbols
    >>> a, b = symbols("a b")
    >>> expansion_terms((a + b)**10 * (a - 1))
    22
    """
    from sympy import Add, Basic, MatrixBase, Mul, Pow

    limit = get_limits().max_expr_nodes if cap is None else cap

    def terms(e: Any) -> int:
        if isinstance(e, MatrixBase):
            return sum(terms(x) for x in e)
        if not isinstance(e, Basic) or e.is_Atom:
            return 1
        if isinstance(e, Add):
            return min(limit + 1, sum(terms(a) for a in e.args))
        if isinstance(e, Mul):
            out = 1
            for a in e.args:
                out = min(limit + 1, out * terms(a))
            return out
        if isinstance(e, Pow) and e.exp.is_Integer and e.exp > 1:
            k, n = terms(e.base), int(e.exp)
            if k == 1:
                return 1
            return _multiset_count(k, n, limit)
        if any(terms(a) > limit for a in e.args):  # a function: its arguments expand too
            raise _Over
        return 1

    try:
        return terms(expr)
    except _Over:
        return limit + 1


class _Over(Exception):
    pass


def _multiset_count(k: int, n: int, limit: int) -> int:
    """C(k + n - 1, n): monomials of degree n in k terms, capped at limit + 1."""
    out = 1
    for i in range(1, min(n, k - 1) + 1):
        out = out * (n + i) // i if k - 1 <= n else out * (k - 1 + i) // i
        if out > limit:
            return limit + 1
    return out


def check_expansion(expr: Any, name: str = "expr") -> None:
    """Refuse ``expr`` when expanding it would give more than ``max_expr_nodes`` terms."""
    limit = get_limits().max_expr_nodes
    n = expansion_terms(expr, cap=10**9)
    if n > limit:
        raise LimitError(f"the expression would have about {n} terms when expanded "
                         f"(limit {limit})", name=name)


def bounded_expand(expr: Any, name: str = "expr", **hints: Any) -> Any:
    """``expand(expr)`` after checking that the result stays within the size limit."""
    from sympy import expand

    check_expansion(expr, name)
    return expand(expr, **hints)

"""Whether the memory cap of a ``run_bounded`` worker is really in force.

A worker applies ``Limits.memory_bytes`` to itself and reports back; a limit that could not
be applied (no ``resource`` module, ``setrlimit`` refused) is recorded and warned about once
(``RuntimeWarning``), never silently dropped.

>>> memory_limit_status() == "no worker started yet" or "memory" in memory_limit_status()
True
"""

from __future__ import annotations

import os
import warnings

__all__ = ["apply_limit", "memory_limit_status", "report"]

_STATUS = "no worker started yet"


def _address_space() -> int:
    """Bytes of address space this process already holds (0 when it cannot be read)."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0


def apply_limit(memory_bytes: int) -> str | None:
    """Let this process grow by at most ``memory_bytes``; None when applied, else why not.

    The cap is what a forked worker inherited plus ``memory_bytes``: a parent that has
    loaded SciPy, Dask or many threads may already hold more than a GiB of address space,
    and an absolute cap below that would starve the worker before it starts.
    """
    if memory_bytes <= 0:
        return None
    try:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        want = _address_space() + memory_bytes
        cap = want if hard == resource.RLIM_INFINITY else min(want, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except ImportError:
        return "the resource module is not available on this platform"
    except (ValueError, OSError) as exc:
        return f"setrlimit failed ({exc})"
    return None


def report(memory_bytes: int, problem: str | None) -> None:
    """Record (and warn once per new problem) whether a worker's memory limit holds."""
    global _STATUS
    mib = memory_bytes // 2**20
    if problem is None:
        _STATUS = f"memory limit of {mib} MiB applied" if memory_bytes > 0 else (
            "no memory limit requested (memory_bytes = 0)")
        return
    status = f"memory limit of {mib} MiB not applied: {problem}"
    if status != _STATUS:
        warnings.warn(status, RuntimeWarning, stacklevel=4)
    _STATUS = status


def memory_limit_status() -> str:
    """Whether the last worker started by ``run_bounded`` runs under its memory limit."""
    return _STATUS

"""Whether the memory cap of a ``run_bounded`` worker is really in force.

A worker applies ``Limits.memory_bytes`` to itself and reports back; a limit that could not
be applied (no ``resource`` module, ``setrlimit`` refused) is recorded and warned about once
(``RuntimeWarning``), never silently dropped.

>>> memory_limit_status() == "no worker started yet" or "memory" in memory_limit_status()
True
"""

from __future__ import annotations

import warnings

__all__ = ["apply_limit", "memory_limit_status", "report"]

_STATUS = "no worker started yet"


def apply_limit(memory_bytes: int) -> str | None:
    """Cap this process's address space; None when applied, else why it was not."""
    if memory_bytes <= 0:
        return None
    try:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
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

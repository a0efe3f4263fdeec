"""symbolic_mlmath: exact, step-by-step mathematics for machine learning.

``solve(task, **inputs)`` gives a :class:`Derivation` (steps as data, rendered to
text, LaTeX, Markdown, JSON); ``check(task, answer=..., **inputs)`` gives a
:class:`Verdict`. Heavy modules (SymPy, matplotlib) load on first use.

Examples
========
>>> import symbolic_mlmath as sm
>>> sm.solve("rank", matrix="[[1, 2], [2, 4]]").result
1
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "Derivation",
    "InputError",
    "LimitError",
    "ParseError",
    "Rule",
    "Step",
    "TaskError",
    "Verdict",
    "check",
    "parse",
    "solve",
]
__version__ = "0.1.0"

from symbolic_mlmath.api import check, solve

_LAZY = {
    "Derivation": ("core.steps", "Derivation"),
    "Step": ("core.steps", "Step"),
    "Rule": ("core.rules", "Rule"),
    "Verdict": ("core.verdict", "Verdict"),
    "InputError": ("core.errors", "InputError"),
    "ParseError": ("core.errors", "ParseError"),
    "LimitError": ("core.errors", "LimitError"),
    "TaskError": ("core.errors", "TaskError"),
}


def __getattr__(name: str) -> Any:
    if name == "parse":
        import importlib

        return importlib.import_module(".text", __name__)
    if name in _LAZY:
        import importlib

        mod, attr = _LAZY[name]
        value = getattr(importlib.import_module(f".{mod}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)

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

# The module ``symbolic_mlmath.check`` (the answer ladder) is imported first so that
# the name ``check`` on the package is the API function, not the submodule. Neither
# import loads SymPy.
from . import check as _check_module  # noqa: F401
from .api import check, solve

_LAZY = {
    "Derivation": ("steps", "Derivation"),
    "Step": ("steps", "Step"),
    "Rule": ("rules", "Rule"),
    "Verdict": ("verdict", "Verdict"),
    "InputError": ("errors", "InputError"),
    "ParseError": ("errors", "ParseError"),
    "LimitError": ("errors", "LimitError"),
    "TaskError": ("errors", "TaskError"),
}


def __getattr__(name: str) -> Any:
    if name == "parse":
        import importlib

        return importlib.import_module(".parse", __name__)
    if name in _LAZY:
        import importlib

        mod, attr = _LAZY[name]
        value = getattr(importlib.import_module(f".{mod}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)

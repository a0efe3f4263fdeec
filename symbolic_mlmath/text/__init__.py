"""The one door for learner text: tokenizer, grammar, evaluator, LaTeX reader and limits.

Every string a learner types (answers, inputs, options, working lines) is read here:
``tokenize`` splits it, ``syntax`` checks it against a whitelist grammar, ``evaluate``
builds SymPy objects without ``eval``, ``latex`` reads LaTeX, and ``limits`` bounds sizes
and time. The public readers (``parse_expr``, ``parse_matrix``, ``parse_answer``, ...)
are re-exported here and load SymPy on first use.

Examples
========
>>> from symbolic_mlmath import text
>>> text.parse_expr("3x^2 + 2x")
3*x**2 + 2*x
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "as_sympy",
    "parse_answer",
    "parse_bool",
    "parse_choice",
    "parse_count",
    "parse_detail",
    "parse_equation",
    "parse_equations",
    "parse_expr",
    "parse_matrix",
    "parse_name",
    "parse_number",
    "parse_seed",
    "parse_symbols",
    "parse_text",
    "parse_tolerance",
    "parse_value",
    "parse_vector",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from symbolic_mlmath.text import convert, options, parse

        module = next(m for m in (options, convert, parse) if hasattr(m, name))
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)

"""Pieces every renderer shares: templates looked up, results as math, depth walks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from symbolic_mlmath.render.templates import template_of

if TYPE_CHECKING:  # steps use these modules at run time, not the other way round
    from symbolic_mlmath.core.steps import Step

__all__ = ["result_as_math", "steps_at", "template_of"]


def steps_at(steps: tuple[Step, ...], detail: str, depth: int = 0) -> Iterator[tuple[int, Step]]:
    """``(depth, step)`` pairs of every step and, at ``full``, every substep."""
    for s in steps:
        yield depth, s
        if detail == "full" and s.substeps:
            yield from steps_at(s.substeps, detail, depth + 1)


def result_as_math(result: Any) -> Any:
    """A result as one SymPy object (dicts become tuples of equations) for machine output.

    Learner pages show results through ``render.present.result_view`` instead.
    """
    from sympy import Eq, Symbol, Tuple, sympify
    from sympy.core.symbol import Str

    if isinstance(result, dict):
        if not result:
            return Str("no solution")
        items = []
        for k, v in result.items():
            key = k if hasattr(k, "free_symbols") else Symbol(str(k))
            items.append(Eq(key, result_as_math(v), evaluate=False)
                         if not isinstance(v, dict | list | tuple) else Tuple(key, result_as_math(v)))
        return Tuple(*items)
    if isinstance(result, bool):
        return Str("true" if result else "false")
    if isinstance(result, str):
        return Str(result)
    if isinstance(result, list | tuple):
        return Tuple(*(result_as_math(x) for x in result))
    return sympify(result) if not hasattr(result, "free_symbols") else result

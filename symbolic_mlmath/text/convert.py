"""SymPy values from whatever a caller hands an engine, never through ``sympify``.

Engines are public functions: a Python caller may pass SymPy objects, Python numbers, or
text. :func:`as_sympy` keeps SymPy objects as they are, reads Python numbers exactly
(``0.1`` -> 1/10, like the text door; mpmath numbers at their full precision) and reads text
through the text door (``parse_expr``), so no string ever reaches SymPy's ``eval``-based
parser.

>>> as_sympy(3), as_sympy(0.25), as_sympy("2x + 1"), as_sympy(None, default=0)
(3, 1/4, 2*x + 1, 0)
>>> as_sympy("__import__('os')")
Traceback (most recent call last):
...
symbolic_mlmath.core.errors.ParseError: value: '__import__' is not allowed
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import ParseError

__all__ = ["as_sympy"]

_MISSING = object()


def as_sympy(value: Any, *, name: str = "value", default: Any = _MISSING) -> Any:
    """``value`` as a SymPy object: SymPy objects unchanged, numbers exact, text via the door.

    ``None`` gives ``default`` when one is given (else a ParseError).
    """
    from sympy import Basic

    if isinstance(value, Basic):
        return value
    if value is None:
        if default is _MISSING:
            raise ParseError("expected a value, got nothing", name=name)
        return as_sympy(default, name=name)
    kind = type(value).__name__
    if type(value).__module__.startswith("mpmath") and kind in ("mpf", "mpc"):
        from sympy import Float, I

        # an mpmath number keeps its full working precision (a float would cut it to 53 bits)
        if kind == "mpf":
            return Float(value, value.context.dps)
        return Float(value.real, value.context.dps) + I * Float(value.imag, value.context.dps)
    from symbolic_mlmath.text.parse import parse_expr

    return parse_expr(value, name=name)

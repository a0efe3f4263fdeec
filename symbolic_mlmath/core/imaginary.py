"""``i`` and ``j`` in an answer as the imaginary unit, where nothing else can be meant.

Examples
========
>>> from sympy import I, symbols
>>> imaginary_unit(1 + I, 1 + symbols("i"))
1 + I
"""

from __future__ import annotations

from typing import Any

__all__ = ["imaginary_unit"]


def _leaves(value: Any) -> list:
    if isinstance(value, dict):
        return [*_leaves(list(value.keys())), *_leaves(list(value.values()))]
    if isinstance(value, list | tuple):
        return [x for v in value for x in _leaves(v)]
    return [value]


def imaginary_unit(expected: Any, got: Any) -> Any:
    """``i`` (or ``j``) in an answer is the imaginary unit when the expected value is complex
    and has no symbol of that name (``2 + 3i`` for 2 + 3*I); otherwise ``got`` as it is.

    >>> from sympy import I, symbols
    >>> i, j = symbols("i j")
    >>> imaginary_unit(2 + 3*I, 2 + 3*i), imaginary_unit(2 + 3*I, 2 - j)
    (2 + 3*I, 2 - I)
    >>> imaginary_unit(2 + 3*i, 2 + 3*i)  # i is the problem's own symbol
    3*i + 2
    """
    from sympy import Basic, I, Symbol

    exp = [x for x in _leaves(expected) if isinstance(x, Basic)]
    if not any(x.has(I) for x in exp):
        return got
    names = {str(s) for x in exp for s in x.free_symbols}
    subs = {Symbol(n): I for n in ("i", "j") if n not in names}
    if not subs:
        return got

    def swap(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: swap(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return type(v)(swap(x) for x in v)
        return v.xreplace(subs) if isinstance(v, Basic) else v

    return swap(got)

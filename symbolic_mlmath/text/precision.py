"""How many decimal places a learner wrote, number by number.

The text door reads ``0.75`` exactly as 3/4, so the precision a learner wrote would be lost.
:func:`written_places` reads the same text with the same tokenizer and grammar and reports,
for every leaf of the answer in reading order (the entries of a matrix row by row, the items
of a list, the right-hand side of each ``x = ...``, or the one value), the number of decimal
places written when that leaf is a single decimal literal (``-0.70`` -> 2, ``1.667e-2`` -> 5,
``2e-3`` -> 3), and ``None`` for anything else (``1/3``, ``sqrt(2)``, ``5``).

Python floats count as written with the places of their shortest repr (``0.33`` -> 2).

Examples
========
>>> written_places("[[0.6, -0.70], [1/5, 2]]")
[1, 2, None, None]
>>> written_places("x = 1.67, y = 2.3"), written_places("1.667e-2"), written_places(0.25)
([2, 1], [5], [2])
>>> written_places("nonsense = (") is None
True
"""

from __future__ import annotations

import ast
from typing import Any

from symbolic_mlmath.core.errors import InputError

__all__ = ["written_places"]


def _places_of_node(node: ast.AST) -> int | None:
    while isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        node = node.operand
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "RAT"
            and len(node.args) == 2 and all(isinstance(a, ast.Constant) for a in node.args)):
        den = node.args[1].value  # type: ignore[attr-defined]
        text = str(den)
        if isinstance(den, int) and den > 0 and text == "1" + "0" * (len(text) - 1):
            return len(text) - 1
    return None


def _leaves(node: ast.AST, out: list[int | None]) -> None:
    if isinstance(node, ast.Expression):
        _leaves(node.body, out)
    elif isinstance(node, ast.Tuple | ast.List):
        for elt in node.elts:
            _leaves(elt, out)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
            node.func.id in ("EQ", "SET"):
        for arg in (node.args[1:] if node.func.id == "EQ" else node.args):
            _leaves(arg, out)
    else:
        out.append(_places_of_node(node))


def _float_places(x: float) -> int | None:
    text = repr(float(x)).lower()
    if text in ("nan", "inf", "-inf"):
        return None
    mantissa, _, exponent = text.partition("e")
    frac = mantissa.partition(".")[2]
    places = len(frac.rstrip("0") if frac == "0" else frac) - (int(exponent) if exponent else 0)
    return max(places, 0)


def written_places(value: Any) -> list[int | None] | None:
    """Decimal places written for each leaf of an answer, in reading order (None if unreadable)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return [_float_places(value)]
    if isinstance(value, dict):
        return _join(value.values())
    if isinstance(value, list | tuple):
        return _join(value)
    if hasattr(value, "tolist") and not isinstance(value, str):
        return written_places(value.tolist())
    if not isinstance(value, str) or "\\" in value:
        return None
    from symbolic_mlmath.text.notation import answer_notation
    from symbolic_mlmath.text.syntax import to_source
    from symbolic_mlmath.text.tokenize import normalise, tokenize

    try:
        tokens = tokenize(normalise(answer_notation(value), "answer"), "answer",
                          keep_newlines=True)
        while tokens and tokens[0].text in (",", ";", "\n"):
            tokens.pop(0)
        if not tokens:
            return None
        tree = ast.parse(to_source(tokens, "answer", allow_equations=True), mode="eval")
    except (InputError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    out: list[int | None] = []
    _leaves(tree, out)
    return out


def _join(items: Any) -> list[int | None] | None:
    out: list[int | None] = []
    for item in items:
        if isinstance(item, list | tuple | dict) or hasattr(item, "tolist"):
            sub = written_places(item)
        elif isinstance(item, str | float):
            sub = written_places(item)
            if sub is not None and len(sub) != 1:
                sub = [None] * len(sub)
        else:
            sub = [None]
        if sub is None:
            return None
        out += sub
    return out

"""Reading equations and variable names: ``"x + y = 4; 2x - y = 1"``, ``"x, y, z"``."""

from __future__ import annotations

from typing import Any

import sympy
from sympy import Eq, Symbol

from symbolic_mlmath.core.errors import LimitError, ParseError
from symbolic_mlmath.text.expressions import finish, from_object, kind_of, read_many, read_text
from symbolic_mlmath.text.limits import get_limits
from symbolic_mlmath.text.syntax import CONSTANTS, FUNCTIONS
from symbolic_mlmath.text.tokenize import normalise, tokenize

__all__ = ["parse_equation", "parse_equations", "parse_symbols"]


def _as_equation(value: Any, name: str) -> Eq:
    if isinstance(value, sympy.Equality):
        return finish(value, name)
    if isinstance(value, sympy.Expr) and not isinstance(value, sympy.MatrixBase):
        return Eq(finish(value, name), 0, evaluate=False)
    raise ParseError(f"expected an equation, got {kind_of(value)}", name=name)


def parse_equation(text: Any, *, name: str = "equation") -> Eq:
    """``"x + y = 4"`` -> ``Eq(x + y, 4)`` (unevaluated); ``==`` works too; ``expr`` means expr = 0.

    >>> parse_equation("2x - y = 1")
    Eq(2*x - y, 1)
    """
    if isinstance(text, str):
        value = read_text(text, name, equations=True)
    elif isinstance(text, sympy.Equality):
        value = text
    else:
        value = from_object(text, name)
    return _as_equation(value, name)


def parse_equations(value: Any, *, name: str = "equations") -> tuple[Eq, ...]:
    """Several equations: a list of strings, or one string split by ``;``, newlines or commas.

    >>> parse_equations("x + y = 4; 2x - y = 1")
    (Eq(x + y, 4), Eq(2*x - y, 1))
    """
    if isinstance(value, str):
        lim = get_limits()
        if len(value) > lim.max_structured_length:
            raise LimitError(f"input too long ({len(value)} characters)", name=name)
        if "\\" in value:
            return (parse_equation(value, name=name),)
        parsed = read_many(value, name)
        return tuple(_as_equation(v, name) for v in parsed)
    if isinstance(value, sympy.Equality):
        return (value,)
    if isinstance(value, (list, tuple)):
        if not value:
            raise ParseError("no equations given", name=name)
        if len(value) > get_limits().max_matrix_entries:
            raise LimitError("too many equations", name=name)
        return tuple(
            parse_equation(v, name=f"{name}, item {i}") for i, v in enumerate(value, 1)
        )
    raise ParseError(f"expected equations, got {type(value).__name__}", name=name)


def parse_symbols(value: Any, *, name: str = "variables") -> tuple[Symbol, ...]:
    """Variable names: ``"x,y,z"``, ``"x y z"``, ``["x1", "x2"]`` or Symbols.

    >>> parse_symbols("x1, x_2, λ")
    (x1, x_2, lambda)
    """
    if isinstance(value, Symbol):
        return (value,)
    if isinstance(value, str):
        if len(value) > get_limits().max_input_length:
            raise LimitError("input too long", name=name)
        tokens = [t for t in tokenize(normalise(value, name), name) if t.text != ","]
        words: list[Any] = []
        for tok in tokens:
            if tok.kind != "NAME":
                raise ParseError(f"'{tok.text}' is not a variable name", name=name)
            words.append(tok.text)
    elif isinstance(value, (list, tuple)):
        words = []
        for item in value:
            if isinstance(item, Symbol):
                words.append(item.name)
            elif isinstance(item, str):
                words.extend(s.name for s in parse_symbols(item, name=name))
            else:
                raise ParseError(f"{item!r} is not a variable name", name=name)
    else:
        raise ParseError(f"expected variable names, got {type(value).__name__}", name=name)
    if not words:
        raise ParseError("no variables given", name=name)
    result: list[Symbol] = []
    for word in words:
        if word in CONSTANTS or word in FUNCTIONS or word in ("nan", "zoo"):
            raise ParseError(f"'{word}' is a constant or function, not a variable", name=name)
        sym = value if isinstance(value, Symbol) else Symbol(word)
        if sym in result:
            raise ParseError(f"'{word}' is given twice", name=name)
        result.append(sym)
    return tuple(result)

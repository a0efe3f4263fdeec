"""Reading learner text into exact SymPy: the pipeline every reader shares, and one expression.

``read_text`` runs normalise -> tokenize -> grammar -> evaluate (or the LaTeX reader for text
with a backslash); ``finish`` makes any result exact, bounded and defined; ``from_object``
does the same for Python and SymPy values. The notation is described in
:mod:`symbolic_mlmath.text.parse`, the door that re-exports every reader.

Examples
========
>>> read_text("[1, 0.5]", "v", structured=True), read_many("x = 1; 2", "a")
([1, 1/2], (Eq(x, 1), 2))
>>> from_object(0.1, "p"), kind_of({1}), finish(parse_expr("x/2"), "e")
(1/10, 'set', x/2)
"""

from __future__ import annotations

import math
import numbers
from decimal import Decimal
from fractions import Fraction
from typing import Any

import sympy
from sympy import Basic

from symbolic_mlmath.core.errors import LimitError, ParseError
from symbolic_mlmath.text.evaluate import evaluate_source
from symbolic_mlmath.text.limits import check_expr_size, get_limits
from symbolic_mlmath.text.syntax import to_source
from symbolic_mlmath.text.tokenize import normalise, tokenize

__all__ = [
    "finish",
    "from_object",
    "kind_of",
    "parse_expr",
    "parse_number",
    "read_many",
    "read_text",
]


def read_text(text: str, name: str, *, structured: bool = False, equations: bool = False) -> Any:
    """Learner text -> whatever it writes (an expression, list, tuple, equation, set)."""
    lim = get_limits()
    cap = lim.max_structured_length if structured else lim.max_input_length
    if len(text) > cap:
        raise LimitError(f"input too long ({len(text)} characters, limit {cap})", name=name)
    if "\\" in text:
        from symbolic_mlmath.text.latex import parse_latex

        return parse_latex(text, name=name)
    clean = normalise(text, name)
    tokens = tokenize(clean, name, keep_newlines=equations)
    if not tokens:
        raise ParseError("empty input", name=name)
    source = to_source(tokens, name, allow_equations=equations)
    return evaluate_source(source, name)


def finish(value: Any, name: str) -> Any:
    """Exactness, size and definedness checks for any SymPy result."""
    if isinstance(value, Basic):
        floats = value.atoms(sympy.Float)
        if floats:
            value = value.xreplace({f: _exact_float(f, name) for f in floats})
        if value.has(sympy.zoo):
            raise ParseError("undefined value (division by zero)", name=name)
        if value.has(sympy.nan):
            raise ParseError("undefined value (nan)", name=name)
        check_expr_size(value, name)
    return value


def _exact_float(f: Any, name: str) -> sympy.Rational:
    text = repr(f) if isinstance(f, float) else str(f)
    if text in ("nan", "inf", "-inf"):
        if text == "nan":
            raise ParseError("undefined value (nan)", name=name)
        return sympy.oo if text == "inf" else -sympy.oo
    return sympy.Rational(text)


def from_object(value: Any, name: str) -> Basic:
    """A Python or SymPy scalar as an exact SymPy object."""
    if isinstance(value, bool):
        raise ParseError(f"expected an expression, got {value}", name=name)
    if isinstance(value, Basic):
        return finish(value, name)
    if isinstance(value, numbers.Integral):
        return finish(sympy.Integer(int(value)), name)
    if isinstance(value, Fraction | numbers.Rational):
        return finish(sympy.Rational(int(value.numerator), int(value.denominator)), name)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ParseError(f"undefined value ({value})", name=name)
        return finish(sympy.Rational(str(value)), name)
    if isinstance(value, numbers.Real):
        f = float(value)
        if math.isnan(f):
            raise ParseError("undefined value (nan)", name=name)
        if math.isinf(f):
            return sympy.oo if f > 0 else -sympy.oo
        return finish(sympy.Rational(repr(f)), name)
    raise ParseError(f"expected a number or an expression, got {type(value).__name__}", name=name)


def kind_of(value: Any) -> str:
    """What a value is, in words for an error message (``a list or matrix``, ``a set``)."""
    if isinstance(value, (list, tuple, sympy.MatrixBase)):
        return "a list or matrix"
    if isinstance(value, sympy.Eq | sympy.core.relational.Relational):
        return "an equation"
    if isinstance(value, sympy.Set):
        return "a set"
    return type(value).__name__


def read_many(text: str, name: str) -> tuple[Any, ...]:
    """Learner text of several items (separated by commas, ``;`` or lines) -> a tuple."""
    clean = normalise(text, name)
    tokens = tokenize(clean, name, keep_newlines=True)
    while tokens and tokens[0].text in (",", ";", "\n"):
        tokens.pop(0)
    if not tokens:
        raise ParseError("empty input", name=name)
    value = evaluate_source(to_source(tokens, name, allow_equations=True), name)
    return value if isinstance(value, tuple) else (value,)


def parse_expr(text: str | int | sympy.Rational | Basic, *, name: str = "expr") -> sympy.Expr:
    """One expression in learner notation, as an exact SymPy expression.

    >>> parse_expr("2x^2 + 3x")
    2*x**2 + 3*x
    >>> parse_expr("e^(-x) + ln x + 0.75")
    log(x) + 3/4 + exp(-x)
    >>> parse_expr("1/0")
    Traceback (most recent call last):
    ...
    symbolic_mlmath.core.errors.ParseError: expr: division by zero
    """
    value = read_text(text, name) if isinstance(text, str) else from_object(text, name)
    if not isinstance(value, sympy.Expr) or isinstance(value, sympy.MatrixBase):
        raise ParseError(f"expected one expression, got {kind_of(value)}", name=name)
    return finish(value, name)


def parse_number(text: Any, *, name: str = "value") -> sympy.Expr:
    """A constant (no variables), exact: ``"0.25"`` -> 1/4, ``"sqrt(2)/2"``, ``"pi"``.

    >>> parse_number("-1/2"), parse_number(0.1), parse_number("2 sqrt(2)")
    (-1/2, 1/10, 2*sqrt(2))
    """
    value = parse_expr(text, name=name)
    if value.free_symbols or value.atoms(sympy.core.function.AppliedUndef):
        names = ", ".join(sorted(str(s) for s in value.free_symbols)) or "a function"
        raise ParseError(f"expected a number, got an expression in {names}", name=name)
    return value

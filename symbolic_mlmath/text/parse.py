"""The only door for learner text: numbers, expressions, matrices, vectors, equations, answers.

Pipeline: normalise (NFKC, unicode maths symbols, refuse control/bidi characters and non-ASCII
digits) -> own tokenizer -> own grammar that writes Python source in a tiny vocabulary ->
``ast.parse`` -> a whitelist walker that builds SymPy objects directly (no ``eval``, no
``sympify``). Resource limits (``limits.get_limits()``) are checked before anything big is built.
Strings containing a backslash are LaTeX and go to ``latex_input`` (optional extra ``latex``).

Notation (decisions others can rely on):

* ``2x^2+3x``, ``**`` or ``^``, implicit multiplication (``2x``, ``3(x+1)``, ``(x+1)(x-1)``,
  ``2 sqrt(3)``, ``x y``); it binds like ``*``, so ``1/2x`` is ``x/2``. ``2 3`` is an error.
* ``e`` is Euler's number (``e^(-x)``, ``exp(-x)``); ``E`` is a plain symbol. ``pi``/``π``;
  ``oo``/``inf``/``∞``. ``I`` is the imaginary unit; ``i`` and ``j`` are plain symbols.
  ``N``, ``Q``, ``S``, ``O`` are plain symbols. ``nan`` and ``zoo`` are refused.
* ``ln x``, ``ln(x)``, ``log(x)`` are natural logs; ``log(x, 2)`` has base 2. A function without
  brackets takes the next power term (``ln x^2`` is ``ln(x^2)``); ``sin^2 x`` is ``sin(x)^2``.
* ``x1`` -> ``Symbol('x1')`` and ``x_1`` -> ``Symbol('x_1')``: both one symbol, kept distinct
  (``x₁`` reads as ``x1``). Names of several letters are one symbol (``xy`` is not ``x*y``).
* ``lambda``/``λ`` -> ``Symbol('lambda')``; Greek letters are symbols named in English.
  ``sigma(x)`` is the sigmoid ``1/(1+exp(-x))``, ``sigma`` alone a symbol; ``relu(x)`` is
  ``Max(0, x)``. Allowed functions: sin cos tan cot sec csc asin acos atan (arc...), sinh cosh
  tanh (and inverses), exp ln log sqrt cbrt abs factorial binomial floor ceil min max sigmoid
  relu sign. ``f(x)``, ``g(x)``, ``h(x)`` (and ``F G H``) are undefined functions; any other
  name followed by brackets multiplies (``x(x+1)`` is ``x*(x+1)``, ``lambda(x)`` too).
* ``|x|`` is ``Abs(x)``; ``n!`` is ``factorial(n)``; ``x²``, ``x⁻¹`` are powers; ``−·×÷``
  work. Decimals are exact (``0.75`` -> ``3/4``, ``1e-3`` -> ``1/1000``; ``2e-3`` is a number,
  write ``2e - 3`` or ``2*e-3`` for Euler's number). Python floats are read from their
  shortest repr (``0.1`` -> ``1/10``). Non-ASCII digits (e.g. Arabic-Indic) are refused.
* Matrices: ``"[[1,2],[3,4]]"``, ``"1 2; 3 4"``, ``"[1 2; 3 4]"``, nested lists (entries may
  be strings like ``"1/2"``). A flat list is a column (as in SymPy's ``Matrix([1, 2])``).
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy import Basic, Symbol

from symbolic_mlmath.core.errors import LimitError, ParseError
from symbolic_mlmath.text.equations import parse_equation, parse_equations, parse_symbols
from symbolic_mlmath.text.expressions import (
    finish,
    from_object,
    parse_expr,
    parse_number,
    read_many,
    read_text,
)
from symbolic_mlmath.text.limits import get_limits
from symbolic_mlmath.text.matrices import parse_matrix, parse_vector
from symbolic_mlmath.text.words import NO_WORDS, YES_WORDS

__all__ = [
    "parse_answer",
    "parse_equation",
    "parse_equations",
    "parse_expr",
    "parse_matrix",
    "parse_number",
    "parse_symbols",
    "parse_value",
    "parse_vector",
]


def _shape(items: list[Any], name: str) -> Any:
    """Parsed items -> column vector, matrix (rows of equal length) or a plain list."""
    if not items:
        return []
    if all(isinstance(v, sympy.Expr) and not isinstance(v, sympy.MatrixBase) for v in items):
        return parse_matrix(items, name=name)
    vecs = [v for v in items if isinstance(v, sympy.MatrixBase) and v.cols == 1]
    if len(vecs) == len(items) and len({v.rows for v in vecs}) == 1:
        return parse_matrix([list(v) for v in vecs], name=name)
    return list(items)


def _value(value: Any, name: str, *, answer: bool) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, dict):
        if len(value) > get_limits().max_matrix_entries:
            raise LimitError("too many items", name=name)
        return {k: _value(v, f"{name}[{k}]", answer=answer) for k, v in value.items()}
    if isinstance(value, sympy.MatrixBase):
        return parse_matrix(value, name=name)
    if isinstance(value, (sympy.Set, sympy.Equality)):
        return finish(value, name)
    if hasattr(value, "tolist") and not isinstance(value, (str, Basic)):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        if len(value) > get_limits().max_matrix_entries:
            raise LimitError("too many items", name=name)
        return _shape([_value(v, f"{name}, item {i}", answer=answer)
                       for i, v in enumerate(value, 1)], name)  # fmt: skip
    if isinstance(value, str):
        if answer and value.strip().lower() in YES_WORDS | NO_WORDS:
            return value.strip().lower() in YES_WORDS
        if answer:
            from symbolic_mlmath.text.notation import answer_notation

            value = answer_notation(value)
            parsed = read_many(value, name) if len(value) <= get_limits().max_structured_length \
                else read_text(value, name, structured=True)
            if isinstance(parsed, tuple) and len(parsed) == 1:
                parsed = parsed[0]
        else:
            parsed = read_text(value, name, structured=True)
        return _tree(parsed, name, answer=answer)
    return from_object(value, name)


def _tree(value: Any, name: str, *, answer: bool) -> Any:
    if isinstance(value, (list, tuple)):
        if answer and value and all(isinstance(v, sympy.Equality) for v in value):
            return _solution_dict(value, name)
        return _shape([_tree(v, name, answer=answer) for v in value], name)
    if isinstance(value, sympy.Equality):
        if answer:
            return _solution_dict([value], name)
        raise ParseError("expected a value, got an equation", name=name)
    if isinstance(value, sympy.Set) and not answer:
        raise ParseError("expected a value, got a set", name=name)
    if isinstance(value, sympy.MatrixBase):
        return parse_matrix(value, name=name)
    return finish(value, name)


def _solution_dict(eqs: Any, name: str) -> Any:
    if not all(isinstance(e.lhs, Symbol) for e in eqs):
        return eqs[0] if len(eqs) == 1 else tuple(eqs)
    out: dict[Symbol, Any] = {}
    for eq in eqs:
        if eq.lhs in out:
            raise ParseError(f"'{eq.lhs}' is given twice", name=name)
        out[eq.lhs] = finish(eq.rhs, name)
    return out


def parse_value(value: Any, *, name: str = "value") -> Any:
    """Any input value: expression, vector/matrix by shape, list of values, dict, bool/None.

    >>> parse_value("[1, 2.5]").T, parse_value({"a": "1/2"}), parse_value(None)
    (Matrix([[1, 5/2]]), {'a': 1/2}, None)
    """
    return _value(value, name, answer=False)


def parse_answer(value: Any, *, name: str = "answer") -> Any:
    """A learner's answer: like ``parse_value``, plus sets, ``x = 3`` / ``x=1, y=2`` and yes/no.

    >>> parse_answer("{2, 1}"), parse_answer("x=1, y=2"), parse_answer("yes")
    ({1, 2}, {x: 1, y: 2}, True)
    """
    return _value(value, name, answer=True)

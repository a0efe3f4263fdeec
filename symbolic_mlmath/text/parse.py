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

import math
import numbers
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import sympy
from sympy import Basic, Eq, ImmutableMatrix, Symbol

from symbolic_mlmath.core.errors import InputError, LimitError, ParseError
from symbolic_mlmath.text.evaluate import evaluate_source
from symbolic_mlmath.text.limits import check_expr_size, get_limits
from symbolic_mlmath.text.syntax import CONSTANTS, FUNCTIONS, to_source
from symbolic_mlmath.text.tokenize import normalise, tokenize
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



# ------------------------------------------------------------------ the text pipeline


def _read(text: str, name: str, *, structured: bool = False, equations: bool = False) -> Any:
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


def _finish(value: Any, name: str) -> Any:
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


def _from_object(value: Any, name: str) -> Basic:
    """A Python or SymPy scalar as an exact SymPy object."""
    if isinstance(value, bool):
        raise ParseError(f"expected an expression, got {value}", name=name)
    if isinstance(value, Basic):
        return _finish(value, name)
    if isinstance(value, numbers.Integral):
        return _finish(sympy.Integer(int(value)), name)
    if isinstance(value, Fraction | numbers.Rational):
        return _finish(sympy.Rational(int(value.numerator), int(value.denominator)), name)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ParseError(f"undefined value ({value})", name=name)
        return _finish(sympy.Rational(str(value)), name)
    if isinstance(value, numbers.Real):
        f = float(value)
        if math.isnan(f):
            raise ParseError("undefined value (nan)", name=name)
        if math.isinf(f):
            return sympy.oo if f > 0 else -sympy.oo
        return _finish(sympy.Rational(repr(f)), name)
    raise ParseError(f"expected a number or an expression, got {type(value).__name__}", name=name)


def _kind(value: Any) -> str:
    if isinstance(value, (list, tuple, sympy.MatrixBase)):
        return "a list or matrix"
    if isinstance(value, sympy.Eq | sympy.core.relational.Relational):
        return "an equation"
    if isinstance(value, sympy.Set):
        return "a set"
    return type(value).__name__


# ------------------------------------------------------------------ scalars


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
    value = _read(text, name) if isinstance(text, str) else _from_object(text, name)
    if not isinstance(value, sympy.Expr) or isinstance(value, sympy.MatrixBase):
        raise ParseError(f"expected one expression, got {_kind(value)}", name=name)
    return _finish(value, name)


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


# ------------------------------------------------------------------ matrices and vectors


def _split_entries(row: str) -> list[str]:
    """Entries of a row: by commas if any, else by spaces (``1 -2`` is two, ``1 - 2`` one)."""
    if "," in row:
        return [s.strip() for s in row.split(",")]
    out: list[str] = []
    for piece in row.split():
        if out and (out[-1][-1] in "+-*/^(" or piece[0] in "*/^)" or piece in ("+", "-")):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def _split_rows(text: str) -> list[list[str]]:
    return [_split_entries(r) for r in re.split(r"[;\n]", text) if r.strip()]


def _check_shape(rows: int, cols: int, name: str) -> None:
    lim = get_limits()
    if rows > lim.max_matrix_rows or cols > lim.max_matrix_cols or rows * cols > (
        lim.max_matrix_entries
    ):
        raise LimitError(
            f"matrix too large ({rows}x{cols}; at most {lim.max_matrix_entries} entries)",
            name=name,
        )


def _rows_of(value: Any, name: str) -> list[list[Any]]:
    """Nested Python sequences -> a rectangular list of rows (entries unparsed)."""
    items = list(value)
    if not items:
        raise ParseError("empty matrix", name=name)
    lim = get_limits()
    if len(items) > lim.max_matrix_entries:
        _check_shape(len(items), 1, name)
    seqs = [isinstance(r, (list, tuple, sympy.MatrixBase)) for r in items]
    if not any(seqs):
        return [[x] for x in items]  # a flat list is a column
    if not all(seqs):
        raise ParseError("mixes rows (lists) and single entries", name=name)
    rows = [list(r) for r in items]
    width = len(rows[0])
    _check_shape(len(rows), max(len(r) for r in rows), name)
    for i, row in enumerate(rows, 1):
        if len(row) != width:
            raise ParseError(f"row {i} has {len(row)} entries, row 1 has {width}", name=name)
        for entry in row:
            if isinstance(entry, (list, tuple, sympy.MatrixBase)):
                raise ParseError(f"row {i} holds a list where a number belongs", name=name)
    if width == 0:
        raise ParseError("empty matrix", name=name)
    return rows


def _entry(value: Any, name: str, i: int, j: int) -> sympy.Expr:
    where = f"{name}, row {i}, column {j}"
    try:
        return parse_expr(value, name=where)
    except InputError as exc:
        raise type(exc)(str(exc)) from None


def parse_matrix(value: Any, *, name: str = "matrix") -> ImmutableMatrix:
    """A matrix from ``"[[1,2],[3,4]]"``, ``"1 2; 3 4"``, nested lists or a SymPy matrix.

    >>> parse_matrix("[[1, 1/2], [0.5, x]]")
    Matrix([
    [  1, 1/2],
    [1/2,   x]])
    >>> parse_matrix([[1, 2], [3]])
    Traceback (most recent call last):
    ...
    symbolic_mlmath.core.errors.ParseError: matrix: row 2 has 1 entries, row 1 has 2
    """
    if isinstance(value, sympy.MatrixBase):
        _check_shape(*value.shape, name)
        return ImmutableMatrix(value.shape[0], value.shape[1], [
            _entry(x, name, k // value.shape[1] + 1, k % value.shape[1] + 1)
            for k, x in enumerate(value)
        ])  # fmt: skip
    if hasattr(value, "tolist") and not isinstance(value, (str, Basic)):
        value = value.tolist()
    if isinstance(value, str):
        text = value.strip()
        lim = get_limits()
        if len(text) > lim.max_structured_length:
            raise LimitError(
                f"input too long ({len(text)} characters, limit {lim.max_structured_length})",
                name=name,
            )
        if not text:
            raise ParseError("empty input", name=name)
        if "\\" in text:
            from symbolic_mlmath.text.latex import parse_latex

            value = parse_latex(text, name=name)
            if isinstance(value, sympy.MatrixBase):
                return parse_matrix(value, name=name)
            raise ParseError(f"expected a matrix, got {_kind(value)}", name=name)
        if text[0] == "[" and text[-1] == "]" and ";" in text and text.count("[") == 1:
            text = text[1:-1]
        if text[0] in "[(":
            value = _read(text, name, structured=True)
            if not isinstance(value, (list, tuple)):
                raise ParseError(f"expected a matrix, got {_kind(value)}", name=name)
        else:
            value = _split_rows(text)
            if len(value) == 1:
                value = [value[0]]
    if isinstance(value, (list, tuple)):
        rows = _rows_of(value, name)
        entries = [_entry(x, name, i, j) for i, row in enumerate(rows, 1)
                   for j, x in enumerate(row, 1)]  # fmt: skip
        return ImmutableMatrix(len(rows), len(rows[0]), entries)
    raise ParseError(f"expected a matrix, got {_kind(value)}", name=name)


def parse_vector(value: Any, *, name: str = "v") -> ImmutableMatrix:
    """A column vector (n x 1) from ``"[1,2,3]"``, ``"(1, 2, 3)"``, ``"1 2 3"``, lists or matrices.

    >>> parse_vector("(1, 2, 3)").T
    Matrix([[1, 2, 3]])
    """
    if isinstance(value, str) and value.strip()[:1] not in ("[", "(", "\\"):
        text = value.strip()
        if ";" in text or "\n" in text:
            value = [p.strip() for p in re.split(r"[;\n]", text) if p.strip()]
        else:
            value = _split_entries(text)
    if isinstance(value, tuple | list) and len(value) == 1 and isinstance(value[0], list | tuple):
        value = list(value[0])
    matrix = parse_matrix(value, name=name)
    if matrix.cols == 1:
        return matrix
    if matrix.rows == 1:
        return matrix.T
    raise ParseError(f"expected a vector, got a {matrix.rows}x{matrix.cols} matrix", name=name)


# ------------------------------------------------------------------ equations and symbols


def _as_equation(value: Any, name: str) -> Eq:
    if isinstance(value, sympy.Equality):
        return _finish(value, name)
    if isinstance(value, sympy.Expr) and not isinstance(value, sympy.MatrixBase):
        return Eq(_finish(value, name), 0, evaluate=False)
    raise ParseError(f"expected an equation, got {_kind(value)}", name=name)


def parse_equation(text: Any, *, name: str = "equation") -> Eq:
    """``"x + y = 4"`` -> ``Eq(x + y, 4)`` (unevaluated); ``==`` works too; ``expr`` means expr = 0.

    >>> parse_equation("2x - y = 1")
    Eq(2*x - y, 1)
    """
    if isinstance(text, str):
        value = _read(text, name, equations=True)
    elif isinstance(text, sympy.Equality):
        value = text
    else:
        value = _from_object(text, name)
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
        parsed = _read_many(value, name)
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


def _read_many(text: str, name: str) -> tuple[Any, ...]:
    clean = normalise(text, name)
    tokens = tokenize(clean, name, keep_newlines=True)
    while tokens and tokens[0].text in (",", ";", "\n"):
        tokens.pop(0)
    if not tokens:
        raise ParseError("empty input", name=name)
    value = evaluate_source(to_source(tokens, name, allow_equations=True), name)
    return value if isinstance(value, tuple) else (value,)


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


# ------------------------------------------------------------------ general values and answers


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
        return _finish(value, name)
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
            parsed = _read_many(value, name) if len(value) <= get_limits().max_structured_length \
                else _read(value, name, structured=True)
            if isinstance(parsed, tuple) and len(parsed) == 1:
                parsed = parsed[0]
        else:
            parsed = _read(value, name, structured=True)
        return _tree(parsed, name, answer=answer)
    return _from_object(value, name)


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
    return _finish(value, name)


def _solution_dict(eqs: Any, name: str) -> Any:
    if not all(isinstance(e.lhs, Symbol) for e in eqs):
        return eqs[0] if len(eqs) == 1 else tuple(eqs)
    out: dict[Symbol, Any] = {}
    for eq in eqs:
        if eq.lhs in out:
            raise ParseError(f"'{eq.lhs}' is given twice", name=name)
        out[eq.lhs] = _finish(eq.rhs, name)
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

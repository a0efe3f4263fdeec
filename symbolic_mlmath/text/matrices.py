"""Reading matrices and vectors: ``"[[1,2],[3,4]]"``, ``"1 2; 3 4"``, nested lists, SymPy
matrices; every entry read as one expression."""

from __future__ import annotations

import re
from typing import Any

import sympy
from sympy import Basic, ImmutableMatrix

from symbolic_mlmath.core.errors import InputError, LimitError, ParseError
from symbolic_mlmath.text.expressions import kind_of, parse_expr, read_text
from symbolic_mlmath.text.limits import get_limits

__all__ = ["parse_matrix", "parse_vector"]


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
            raise ParseError(f"expected a matrix, got {kind_of(value)}", name=name)
        if text[0] == "[" and text[-1] == "]" and ";" in text and text.count("[") == 1:
            text = text[1:-1]
        if text[0] in "[(":
            value = read_text(text, name, structured=True)
            if not isinstance(value, (list, tuple)):
                raise ParseError(f"expected a matrix, got {kind_of(value)}", name=name)
        else:
            value = _split_rows(text)
            if len(value) == 1:
                value = [value[0]]
    if isinstance(value, (list, tuple)):
        rows = _rows_of(value, name)
        entries = [_entry(x, name, i, j) for i, row in enumerate(rows, 1)
                   for j, x in enumerate(row, 1)]  # fmt: skip
        return ImmutableMatrix(len(rows), len(rows[0]), entries)
    raise ParseError(f"expected a matrix, got {kind_of(value)}", name=name)


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

"""Jupyter notebooks (nbformat v4) written with the standard library.

A worked derivation becomes a code cell that recomputes it with the library,
``d = sm.solve("det", matrix=[[1, 2], [3, 4]]); d``, with its Markdown rendering
stored as the cell's output, so the notebook reads well unexecuted and a learner
can change the numbers and rerun. The JSON is written here (no dependency on
``nbformat``); the tests validate it with ``nbformat`` when it is installed.

Examples
========
>>> print(py_literal({"matrix": [[1, 2], [3, 4]], "method": "cofactor"}))
{"matrix": [[1, 2], [3, 4]], "method": "cofactor"}
>>> solve_source("det", {"matrix": [[1, 2], [3, 4]]})
'd = sm.solve("det", matrix=[[1, 2], [3, 4]])'
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from typing import Any

__all__ = [
    "CellIds",
    "code_cell",
    "dumps",
    "markdown_cell",
    "new_notebook",
    "py_literal",
    "solve_source",
]

NBFORMAT, NBFORMAT_MINOR = 4, 5


def _str(s: str) -> str:
    """A double-quoted Python string literal."""
    return json.dumps(s, ensure_ascii=False)


def _sympy_literal(value: Any) -> str | None:
    """Python source for a SymPy value, or None if it is not one."""
    try:
        from sympy import Basic, Eq, MatrixBase, Symbol, Tuple
        from sympy.core.symbol import Str
        from sympy.logic.boolalg import BooleanFalse, BooleanTrue
    except ImportError:  # pragma: no cover - sympy is a dependency
        return None
    from symbolic_mlmath.render.formats import text_of

    if isinstance(value, MatrixBase):
        if all(x.is_Integer for x in value):
            return repr([[int(x) for x in value.row(i)] for i in range(value.rows)])
        return _str(text_of(value))
    if not isinstance(value, Basic):
        return None
    if isinstance(value, BooleanTrue | BooleanFalse):
        return repr(bool(value))
    if isinstance(value, Str):
        return _str(value.name)
    if isinstance(value, Tuple):
        return py_literal(list(value))
    if getattr(value, "is_Integer", False):
        return repr(int(value))
    if isinstance(value, Symbol | Eq) or hasattr(value, "free_symbols"):
        return _str(text_of(value))
    return _str(str(value))


def py_literal(value: Any) -> str:
    """Python source that rebuilds an input value as the library accepts it.

    Integers stay numbers; fractions, expressions, equations and matrices with
    non-integer entries become the text a learner would type (``"1/2"``,
    ``"x + y = 4"``, ``"[[a, b], [c, d]]"``), which the task's parser reads back.

    Examples
    ========
    >>> from sympy import Eq, Matrix, Rational, symbols
    >>> x, y = symbols("x y")
    >>> print(py_literal([Eq(x + y, 4), Eq(x, 1)]))
    ["x + y = 4", "x = 1"]
    >>> print(py_literal(Matrix([[1, Rational(1, 2)]])), py_literal((x, y)))
    "[[1, 1/2]]" ["x", "y"]
    """
    if isinstance(value, str):
        return _str(value)
    if value is None or isinstance(value, bool | int | float):
        return repr(value)
    if hasattr(value, "tolist") and type(value).__module__.startswith("numpy"):
        return py_literal(value.tolist())
    s = _sympy_literal(value)
    if s is not None:
        return s
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{py_literal(str(k))}: {py_literal(v)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if isinstance(value, set | frozenset):
        return py_literal(sorted(value, key=str))
    return _str(str(value))


def solve_source(task: str, inputs: Mapping[str, Any], var: str = "d") -> str:
    """The line that recomputes a derivation: ``d = sm.solve("task", name=value, ...)``."""
    args = "".join(f", {k}={py_literal(v)}" for k, v in inputs.items() if v is not None)
    return f"{var} = sm.solve({json.dumps(task)}{args})"


def _lines(text: str) -> list[str]:
    """Notebook JSON stores text as a list of lines, each keeping its newline."""
    if not text:
        return []
    parts = text.split("\n")
    out = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


class CellIds:
    """Deterministic cell ids ``cell-1``, ``cell-2``, ... (nbformat 4.5 requires ids)."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return f"cell-{self.n}"


def markdown_cell(source: str, cell_id: str, *, images: Mapping[str, bytes] | None = None
                  ) -> dict:
    """A Markdown cell; ``images`` (name -> PNG bytes) become cell attachments,
    referred to in ``source`` as ``attachment:name``."""
    cell: dict[str, Any] = {"cell_type": "markdown", "id": cell_id, "metadata": {},
                            "source": _lines(source)}
    if images:
        cell["attachments"] = {
            name: {"image/png": base64.b64encode(data).decode("ascii")}
            for name, data in images.items()
        }
    return cell


def code_cell(source: str, cell_id: str, *, count: int | None = None,
              markdown: str | None = None, plain: str | None = None) -> dict:
    """A code cell; ``markdown``/``plain`` give the stored result of running it."""
    outputs = []
    if markdown is not None or plain is not None:
        data: dict[str, Any] = {}
        if markdown is not None:
            data["text/markdown"] = _lines(markdown)
        data["text/plain"] = _lines(plain if plain is not None else "")
        outputs.append({"output_type": "execute_result", "execution_count": count,
                        "data": data, "metadata": {}})
    return {"cell_type": "code", "id": cell_id, "execution_count": count, "metadata": {},
            "outputs": outputs, "source": _lines(source)}


def new_notebook(cells: list[dict], title: str = "") -> dict:
    """A notebook dict (nbformat 4.5) with a Python 3 kernel."""
    import sys

    meta: dict[str, Any] = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python", "version": f"{sys.version_info[0]}."
                                                       f"{sys.version_info[1]}"},
    }
    if title:
        meta["title"] = title
    return {"cells": cells, "metadata": meta, "nbformat": NBFORMAT,
            "nbformat_minor": NBFORMAT_MINOR}


def dumps(nb: Mapping[str, Any]) -> str:
    """The notebook as JSON, formatted as Jupyter writes it (stable byte for byte)."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


"""Math formatting hooks: the only place where output formats differ.

A template writes prose and asks a :class:`MathFormat` for the math, so one
template serves text, LaTeX, Markdown and HTML alike.

Examples
========
>>> from sympy import Rational
>>> TEXT.m(Rational(1, 2)), LATEX.m(Rational(1, 2)), MARKDOWN.m(Rational(1, 2))
('1/2', '$\\\\frac{1}{2}$', '$\\\\frac{1}{2}$')
>>> TEXT.row(2), LATEX.row(2)
('R2', '$R_{2}$')
"""

from __future__ import annotations

from typing import Any

__all__ = ["LATEX", "MARKDOWN", "TEXT", "MathFormat", "latex_of", "text_of"]


_LATEX_PRINTER: Any = None


def _latex_printer() -> Any:
    global _LATEX_PRINTER
    if _LATEX_PRINTER is None:
        from sympy import MatrixBase
        from sympy.printing.latex import LatexPrinter

        class Printer(LatexPrinter):
            """SymPy's LaTeX printer: determinants of explicit matrices as ``vmatrix``."""

            def _print_Determinant(self, e: Any) -> str:
                M = e.arg
                if isinstance(M, MatrixBase):
                    rows = [" & ".join(self._print(x) for x in M.row(i)) for i in range(M.rows)]
                    return r"\begin{vmatrix}" + r"\\".join(rows) + r"\end{vmatrix}"
                return r"\det\left(" + self._print(M) + r"\right)"

            def _print_Str(self, e: Any) -> str:
                return r"\text{%s}" % e.name.replace("_", r"\_")

        _LATEX_PRINTER = Printer({"mat_delim": "", "mat_str": "bmatrix", "order": "none"})
    return _LATEX_PRINTER


def latex_of(obj: Any) -> str:
    """LaTeX for a SymPy object; matrices as ``bmatrix``, terms kept in their order."""
    if isinstance(obj, bool):
        return r"\text{%s}" % obj
    if isinstance(obj, str):
        return r"\text{%s}" % obj.replace("_", r"\_")
    return _latex_printer().doprint(obj)


_PRINTER: Any = None


def _text_printer() -> Any:
    global _PRINTER
    if _PRINTER is None:
        from sympy.printing.str import StrPrinter

        class TextPrinter(StrPrinter):
            """SymPy's str printer with learner notation: det(...), x = 1, [[1, 2]]."""

            def _print_MatrixBase(self, M: Any) -> str:
                rows = (", ".join(self._print(x) for x in M.row(i)) for i in range(M.rows))
                return "[" + ", ".join(f"[{r}]" for r in rows) + "]"

            _print_ImmutableDenseMatrix = _print_MatrixBase
            _print_MutableDenseMatrix = _print_MatrixBase
            _print_ImmutableSparseMatrix = _print_MatrixBase

            def _print_Determinant(self, e: Any) -> str:
                return f"det({self._print(e.arg)})"

            def _print_Mul(self, e: Any) -> str:
                args = e.args
                if (len(args) > 2 and args[0] == -1  # unevaluated -1*b*c: "-b*c"
                        and not any(a.is_Pow and a.exp.is_negative for a in args)):
                    return "-" + "*".join(self.parenthesize(a, 40) for a in args[1:])
                return super()._print_Mul(e)

            def _print_Equality(self, e: Any) -> str:
                return f"{self._print(e.lhs)} = {self._print(e.rhs)}"

            def _print_Str(self, e: Any) -> str:
                return e.name

            def _print_Tuple(self, e: Any) -> str:
                return "(" + ", ".join(self._print(x) for x in e) + ")"

        _PRINTER = TextPrinter({"order": "none"})
    return _PRINTER


def text_of(obj: Any) -> str:
    """One-line text for a SymPy object, in learner notation, terms kept in their order.

    Examples
    ========
    >>> from sympy import Determinant, ImmutableMatrix, Eq, Symbol
    >>> text_of(Determinant(ImmutableMatrix([[1, 2], [3, 4]])))
    'det([[1, 2], [3, 4]])'
    >>> text_of(Eq(Symbol("x"), 3))
    'x = 3'
    """
    if isinstance(obj, str | bool):
        return str(obj)
    return _text_printer().doprint(obj)


def pretty_of(obj: Any) -> str:
    """Multi-line unicode for a SymPy object (SymPy's pretty printer)."""
    from sympy import pretty
    from sympy.core.symbol import Str

    if isinstance(obj, Str):
        return obj.name
    if isinstance(obj, str | bool):
        return str(obj)
    return pretty(obj, use_unicode=True, order="none", wrap_line=False)


class MathFormat:
    """How one output format writes math, prose and structure."""

    name = "text"

    def m(self, obj: Any) -> str:
        """Inline math for a SymPy object."""
        return text_of(obj)

    def raw(self, tex: str, text: str) -> str:
        """Inline math given both ways: LaTeX source and its unicode text."""
        return text

    def row(self, i: Any) -> str:
        """The name of row ``i`` (1-based)."""
        return f"R{i}"

    def prose(self, s: str) -> str:
        """Plain words, escaped for the format."""
        return s


_LATEX_ESCAPES = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "{": r"\{",
    "}": r"\}", "$": r"\$", "^": r"\^{}", "~": r"\textasciitilde{}", "<": r"\textless{}",
    ">": r"\textgreater{}",
}


class _Latex(MathFormat):
    name = "latex"

    def m(self, obj: Any) -> str:
        return f"${latex_of(obj)}$"

    def raw(self, tex: str, text: str) -> str:
        return f"${tex}$"

    def row(self, i: Any) -> str:
        return f"$R_{{{i}}}$"

    def prose(self, s: str) -> str:
        out = []
        for ch in s:
            out.append(_LATEX_ESCAPES.get(ch, ch))
        return "".join(out)


class _Markdown(_Latex):
    name = "markdown"

    def prose(self, s: str) -> str:
        for ch in ("\\", "*", "_", "`", "<", ">", "[", "]", "$"):
            s = s.replace(ch, "\\" + ch)
        return s


TEXT = MathFormat()
LATEX = _Latex()
MARKDOWN = _Markdown()

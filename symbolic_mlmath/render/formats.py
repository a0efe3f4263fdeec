"""Math formatting hooks: the only place where output formats differ.

A template writes prose and asks a :class:`MathFormat` for the math, so one
template serves text, LaTeX, Markdown and HTML alike. Relations between objects
are written only through :meth:`MathFormat.display`, :meth:`MathFormat.rel` and
:meth:`MathFormat.named`, which record what they show (see ``render.displays``).

Examples
========
>>> from sympy import Rational
>>> TEXT.m(Rational(1, 2)), LATEX.m(Rational(1, 2)), MARKDOWN.m(Rational(1, 2))
('1/2', '$\\\\frac{1}{2}$', '$\\\\frac{1}{2}$')
>>> TEXT.row(2), LATEX.row(2)
('R₂', '$R_{2}$')
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.render import views
from symbolic_mlmath.render.displays import Display, Shown, chain, emit
from symbolic_mlmath.render.printers import latex_line
from symbolic_mlmath.render.unicode import pretty_printer, subscript, text_line

__all__ = ["LATEX", "MARKDOWN", "TEXT", "MathFormat", "augmented", "latex_of", "pretty_of",
           "text_of"]

#: How each relation is written: (LaTeX, text).
REL = {"=": ("=", "="), "~": (r"\sim", "~"), "=>": (r"\;\Longrightarrow\;", "⟹"),
       "!=": (r"\neq", "≠")}

augmented = views.augmented


# ------------------------------------------------------------------ compatibility
def latex_of(obj: Any) -> str:
    """LaTeX for a SymPy object in the learner's notation (matrices as ``bmatrix``)."""
    if isinstance(obj, bool):
        return r"\text{%s}" % ("yes" if obj else "no")
    if isinstance(obj, str):
        return r"\text{%s}" % obj.replace("_", r"\_")
    return latex_line(obj)


_PRINTER: Any = None


def _plain_text_printer() -> Any:
    global _PRINTER
    if _PRINTER is None:
        from sympy.printing.str import StrPrinter

        class TextPrinter(StrPrinter):
            """SymPy's str printer: det(...), x = 1, [[1, 2]] (for messages and JSON)."""

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
    """One-line plain text for a SymPy object (Python-like; for messages and JSON).

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
    return _plain_text_printer().doprint(obj)


def pretty_of(obj: Any) -> str:
    """Multi-line unicode for a SymPy object (SymPy's pretty printer, learner's order)."""
    from sympy.core.symbol import Str

    if isinstance(obj, Str):
        return obj.name
    if isinstance(obj, str | bool):
        return str(obj)
    return pretty_printer().doprint(obj)


# ------------------------------------------------------------------ formats
class MathFormat:
    """How one output format writes math, prose and structure (unicode text here)."""

    name = "text"

    def m(self, obj: Any) -> str:
        """Inline math for a SymPy object (learner notation)."""
        if isinstance(obj, Shown):
            return self.shown(obj, inline=True)
        if isinstance(obj, str | bool):
            return self.prose(views.words(obj))
        return text_line(obj)

    def raw(self, tex: str, text: str) -> str:
        """Inline math given both ways: LaTeX source and its unicode text."""
        return text

    def row(self, i: Any) -> str:
        """The name of row ``i`` (1-based)."""
        return f"R{subscript(i)}"

    def prose(self, s: str) -> str:
        """Plain words, escaped for the format."""
        return s

    # -------------------------------------------------------------- displays
    def shown(self, s: Shown, *, inline: bool = False) -> str:
        """One shown object (one line in this format)."""
        return views.text_view(s)

    def display(self, disp: Display) -> str:
        """A display (multi-line text block); records its relations."""
        return emit(disp, lambda d: views.text_display(d, REL))

    def inline(self, disp: Display) -> str:
        """A display written inline; records its relations."""
        def write(d: Display) -> str:
            parts = [self.m(d.terms[0])]
            for rel, term in zip(d.rels, d.terms[1:], strict=True):
                parts.append(self._rel_symbol(rel))
                parts.append(self.m(term))
            body = " ".join(parts)
            if d.name is not None:
                body = f"{self.raw(d.name[0], d.name[1])} = {body}"
            return body
        return emit(disp, write)

    def _rel_symbol(self, rel: str) -> str:
        return REL[rel][1]

    def rel(self, lhs: Any, rel: str, rhs: Any, *, step: Any = None) -> str:
        """``lhs rel rhs`` inline (recorded)."""
        return self.inline(chain(lhs, rel, rhs, step=step))

    def named(self, tex: str, text: str, value: Any, *, step: Any = None) -> str:
        """``name = value`` inline, the value taken from ``step``'s data (recorded)."""
        return self.inline(chain(value, name=(tex, text), step=step))


class _Latex(MathFormat):
    name = "latex"

    def m(self, obj: Any) -> str:
        if isinstance(obj, Shown):
            return f"${self.shown(obj, inline=True)}$"
        if isinstance(obj, str | bool):
            return self.prose(views.words(obj))
        return f"${latex_of(obj)}$"

    def raw(self, tex: str, text: str) -> str:
        return f"${tex}$"

    def row(self, i: Any) -> str:
        return f"$R_{{{i}}}$"

    def prose(self, s: str) -> str:
        return "".join(_LATEX_ESCAPES.get(ch, ch) for ch in s)

    def shown(self, s: Shown, *, inline: bool = False) -> str:
        return views.tex_view(s, self.highlight)

    def highlight(self, tex: str) -> str:
        """Mark a changed entry (the preamble defines the colour ``changed``)."""
        return rf"\textcolor{{changed}}{{{tex}}}"

    def display(self, disp: Display) -> str:
        """The LaTeX body of a display (without delimiters); records its relations."""
        return emit(disp, lambda d: views.tex_display(d, REL, self.highlight))

    def inline(self, disp: Display) -> str:
        def write(d: Display) -> str:
            return f"${views.tex_display(d, REL, self.highlight)}$"
        return emit(disp, write)


class _Markdown(_Latex):
    name = "markdown"

    def highlight(self, tex: str) -> str:
        return rf"\textcolor{{{CHANGED_COLOUR}}}{{{tex}}}"

    def prose(self, s: str) -> str:
        for ch in ("\\", "*", "_", "`", "<", ">", "[", "]", "$"):
            s = s.replace(ch, "\\" + ch)
        return s


#: The colour of a changed row (Markdown/HTML; LaTeX names it ``changed``).
CHANGED_COLOUR = "#1565c0"

_LATEX_ESCAPES = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "{": r"\{",
    "}": r"\}", "$": r"\$", "^": r"\^{}", "~": r"\textasciitilde{}", "<": r"\textless{}",
    ">": r"\textgreater{}",
}

TEXT = MathFormat()
LATEX = _Latex()
MARKDOWN = _Markdown()

"""Probability notation as unevaluated SymPy objects: P(A | B), E[X], Var(X), Cov(X, Y), F⁻¹(q).

These are the ``before`` sides of steps (``P(X > 2)`` before the complement rule is
applied); they never evaluate themselves and print in the usual notation in text, pretty
print and LaTeX. Events inside ``P`` are SymPy relations (``Eq(X, 3)``, ``X > 2``) joined
by ``And``/``Or``/``Not``, or plain symbols naming events (``A``).

Examples
========
>>> from sympy import Eq, Symbol, latex
>>> X = Symbol("X")
>>> str(Prob(Eq(X, 3))), latex(Prob(X > 2, Symbol("B")))
('P(X = 3)', 'P\\\\left(X > 2 \\\\mid B\\\\right)')
>>> str(Expect(X**2)), str(Var(2*X + 1)), str(Quantile(Symbol("q")))
('E[X**2]', 'Var(2*X + 1)', 'F^-1(q)')
"""

from __future__ import annotations

from typing import Any

from sympy import Function, Subs

__all__ = ["SD", "Corr", "Cov", "Expect", "Plug", "Prob", "Quantile", "Var", "event_text"]


def event_text(event: Any, printer: Any) -> str:
    """An event in words-and-symbols: ``X = 3``, ``A and B``, ``not A``."""
    from sympy import And, Eq, Not, Or

    if isinstance(event, Eq):
        return f"{printer._print(event.lhs)} = {printer._print(event.rhs)}"
    if isinstance(event, And | Or):
        word = " and " if isinstance(event, And) else " or "
        parts = []
        for a in event.args:
            t = event_text(a, printer)
            parts.append(f"({t})" if isinstance(a, And | Or) else t)
        return word.join(parts)
    if isinstance(event, Not):
        inner = event_text(event.args[0], printer)
        return f"not {inner}" if event.args[0].is_Atom else f"not ({inner})"
    return printer._print(event)


def _event_latex(event: Any, printer: Any) -> str:
    from sympy import And, Not, Or

    if isinstance(event, And | Or):
        op = r" \cap " if isinstance(event, And) else r" \cup "
        return op.join(
            rf"\left({_event_latex(a, printer)}\right)" if isinstance(a, And | Or) else
            _event_latex(a, printer) for a in event.args)
    if isinstance(event, Not):
        inner = _event_latex(event.args[0], printer)
        return f"{inner}^{{c}}" if event.args[0].is_Atom else rf"\left({inner}\right)^{{c}}"
    return printer._print(event)


class _Notation(Function):
    """An unevaluated piece of notation (never evaluates, never simplifies away)."""

    is_commutative = True
    is_real = True

    @classmethod
    def eval(cls, *args: Any) -> None:
        return None

    def doit(self, **hints: Any) -> Any:
        return self

    def _pretty(self, printer: Any) -> Any:
        from sympy.printing.pretty.stringpict import prettyForm
        from sympy.printing.str import StrPrinter

        text = self._sympystr(StrPrinter({"order": "none"}))
        return prettyForm(text.replace("<=", "≤").replace(">=", "≥").replace("!=", "≠"))


class Prob(_Notation):
    """``P(event)`` or ``P(event | given)``."""

    nargs = (1, 2)

    def _sympystr(self, printer: Any) -> str:
        text = event_text(self.args[0], printer)
        if len(self.args) == 2:
            text += " | " + event_text(self.args[1], printer)
        return f"P({text})"

    def _latex(self, printer: Any) -> str:
        text = _event_latex(self.args[0], printer)
        if len(self.args) == 2:
            text += r" \mid " + _event_latex(self.args[1], printer)
        return rf"P\left({text}\right)"


class Expect(_Notation):
    """``E[X]`` (the expected value)."""

    nargs = 1

    def _sympystr(self, printer: Any) -> str:
        return f"E[{printer._print(self.args[0])}]"

    def _latex(self, printer: Any) -> str:
        return rf"\mathbb{{E}}\left[{printer._print(self.args[0])}\right]"


class Var(_Notation):
    """``Var(X)`` (the variance)."""

    nargs = 1

    def _sympystr(self, printer: Any) -> str:
        return f"Var({printer._print(self.args[0])})"

    def _latex(self, printer: Any) -> str:
        return rf"\operatorname{{Var}}\left({printer._print(self.args[0])}\right)"


class SD(_Notation):
    """``SD(X)`` (the standard deviation)."""

    nargs = 1

    def _sympystr(self, printer: Any) -> str:
        return f"SD({printer._print(self.args[0])})"

    def _latex(self, printer: Any) -> str:
        return rf"\operatorname{{SD}}\left({printer._print(self.args[0])}\right)"


class Cov(_Notation):
    """``Cov(X, Y)`` (the covariance)."""

    nargs = 2

    def _sympystr(self, printer: Any) -> str:
        return f"Cov({printer._print(self.args[0])}, {printer._print(self.args[1])})"

    def _latex(self, printer: Any) -> str:
        a, b = (printer._print(x) for x in self.args)
        return rf"\operatorname{{Cov}}\left({a}, {b}\right)"


class Corr(_Notation):
    """``ρ(X, Y)`` (the correlation coefficient)."""

    nargs = 2

    def _sympystr(self, printer: Any) -> str:
        return f"rho({printer._print(self.args[0])}, {printer._print(self.args[1])})"

    def _latex(self, printer: Any) -> str:
        a, b = (printer._print(x) for x in self.args)
        return rf"\rho\left({a}, {b}\right)"


class Quantile(_Notation):
    """``F⁻¹(q)``: the q-quantile (the inverse of the CDF)."""

    nargs = 1

    def _sympystr(self, printer: Any) -> str:
        return f"F^-1({printer._print(self.args[0])})"

    def _latex(self, printer: Any) -> str:
        return rf"F^{{-1}}\left({printer._print(self.args[0])}\right)"


class Plug(Subs):
    """A formula with values put in: ``[law] at n = 10, p = 3/10`` (SymPy's ``Subs``).

    Examples
    ========
    >>> from sympy import Rational, Symbol
    >>> p, x = Symbol("p"), Symbol("x")
    >>> e = Plug(p**x, (p, x), (Rational(1, 2), 3))
    >>> str(e), e.doit()
    ('[p**x] at p = 1/2, x = 3', 1/8)
    """

    def _sympystr(self, printer: Any) -> str:
        expr, variables, point = self.args
        pairs = ", ".join(f"{printer._print(v)} = {printer._print(p)}"
                          for v, p in zip(variables, point, strict=True))
        return f"[{printer._print(expr)}] at {pairs}"

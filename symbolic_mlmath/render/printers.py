"""SymPy printers with a textbook's notation: the learner's order, bracketed negative factors.

Three printers share the same rules (LaTeX, one-line unicode text, 2-D unicode):

* a sum SymPy built itself (canonical) is written in the order of the problem's variables,
  highest power first (``5a + b``, ``λ² - 4λ + 3``, ``a² - 1``); a linear sum whose only
  positive part is a constant starts with it (``10 - b``, ``2 - λ``);
* a sum or product an engine wrote on purpose (unevaluated, kept as written) keeps its
  order, and its negative factors are bracketed: ``1·(-4) - 3·(-1)``, ``4·5/2·(-6)``;
* the one-line text uses ``·``, superscripts, subscripts and Greek letters, never ``**``.

The variable order comes from :func:`variable_order` (the renderers set it from a
derivation's variables); without it symbols are ordered by name.

Examples
========
>>> from sympy import Add, Mul, Symbol, symbols
>>> a, b, lam = symbols("a b lambda")
>>> text_line(lam**2 - 4*lam + 3), text_line(10 - b), text_line(5*a + b)
('λ² - 4λ + 3', '10 - b', '5a + b')
>>> text_line(Add(Mul(1, -4, evaluate=False), Mul(-3, -1, evaluate=False), evaluate=False))
'1·(-4) - 3·(-1)'
>>> latex_line(Add(Mul(1, -4, evaluate=False), Mul(-3, -1, evaluate=False), evaluate=False))
'1 \\\\cdot \\\\left(-4\\\\right) - 3 \\\\cdot \\\\left(-1\\\\right)'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

__all__ = [
    "is_literal",
    "latex_line",
    "latex_printer",
    "negated",
    "ordered_terms",
    "pretty_printer",
    "text_line",
    "variable_order",
]

_GENS: ContextVar[tuple] = ContextVar("symbolic_mlmath_variable_order", default=())


@contextmanager
def variable_order(variables: Any) -> Iterator[None]:
    """Print sums in the order of ``variables`` (a problem's unknowns) inside the block."""
    token = _GENS.set(tuple(variables or ()))
    try:
        yield
    finally:
        _GENS.reset(token)


def _natural(name: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name))


def is_literal(e: Any) -> bool:
    """True for a sum or product kept as written (SymPy would rebuild it differently)."""
    try:
        return e.func(*e.args) != e
    except Exception:  # pragma: no cover - exotic objects
        return True


def _gens(expr: Any) -> list:
    given = [g for g in _GENS.get() if getattr(g, "is_Symbol", False)]
    rest = sorted((s for s in getattr(expr, "free_symbols", ()) if s not in given),
                  key=lambda s: _natural(s.name))
    return given + rest


def _degrees(term: Any, gens: list) -> tuple:
    powers = term.as_powers_dict()
    out = []
    for g in gens:
        e = powers.get(g, 0)
        out.append(e if getattr(e, "is_Number", False) or isinstance(e, int) else 0)
    return tuple(out)


def ordered_terms(expr: Any) -> list:
    """The terms of a sum in the order to print them (see the module docstring)."""
    args = list(expr.args)
    if is_literal(expr):
        return args
    gens = _gens(expr)
    if not gens:
        return args
    keyed = [(_degrees(t, gens), t) for t in args]
    keyed.sort(key=lambda kt: tuple(-d for d in kt[0]))
    terms = [t for _, t in keyed]
    if max((sum(d) for d, _ in keyed), default=0) <= 1 and terms[0].could_extract_minus_sign():
        consts = [t for d, t in keyed if not any(d) and not t.could_extract_minus_sign()]
        if consts:
            terms = consts + [t for t in terms if t not in consts]
    return terms


def negated(term: Any) -> Any:
    """``-term`` for printing after a minus sign, keeping a written product as written."""
    from sympy import Mul

    if term.is_Mul and is_literal(term):
        first, rest = term.args[0], term.args[1:]
        if first == -1 and rest:
            return rest[0] if len(rest) == 1 else Mul(*rest, evaluate=False)
        if first.is_Number and first < 0:
            return Mul(-first, *rest, evaluate=False)
    return -term


def _leads_negative(term: Any) -> bool:
    if term.is_Mul and is_literal(term):
        first = term.args[0]
        return bool(first.is_Number and first < 0)
    return bool(term.could_extract_minus_sign())


def _written_fraction(e: Any) -> tuple | None:
    """``(numerator, denominator)`` of a written product ``x · d⁻¹`` (else None)."""
    from sympy import Mul

    if not e.is_Mul or len(e.args) < 2:
        return None
    last = e.args[-1]
    if last.is_Pow and last.exp == -1:
        rest = e.args[:-1]
        top = rest[0] if len(rest) == 1 else Mul(*rest, evaluate=False)
        return top, last.base
    return None


def _factor_key(f: Any) -> tuple:
    """Order linear factors by their root: ``(λ - 1)(λ - 3)``, ``(a - 1)(a + 1)``."""
    if not f.is_Add:
        return (0, 0, 0)
    const = f.as_coeff_Add()[0]
    try:
        return (1, abs(float(const)), float(const) >= 0)
    except TypeError:
        return (1, 0, 0)


def ordered_factors(expr: Any) -> list:
    """The factors of a product SymPy built, linear factors ordered by their roots."""
    return sorted(expr.args, key=_factor_key)


def _needs_brackets(factor: Any, position: int) -> bool:
    """Whether a factor of a written product needs brackets."""
    if factor.is_Add:
        return True
    if factor.is_Number and factor < 0:
        return True
    if position > 0 and factor.could_extract_minus_sign():
        return True
    return False


# ------------------------------------------------------------------ LaTeX
_LATEX: Any = None


def latex_printer() -> Any:
    """The LaTeX printer (cached)."""
    global _LATEX
    if _LATEX is not None:
        return _LATEX
    from sympy import MatrixBase
    from sympy.printing.latex import LatexPrinter

    class Printer(LatexPrinter):
        """SymPy's LaTeX printer with the learner's order and written products."""

        def _as_ordered_terms(self, expr: Any, order: Any = None) -> list:
            return ordered_terms(expr)

        def _print_Add(self, expr: Any, order: Any = None) -> str:
            terms = ordered_terms(expr)
            tex = ""
            for i, term in enumerate(terms):
                if i and _leads_negative(term):
                    tex += " - "
                    term = negated(term)
                elif i:
                    tex += " + "
                t = self._print(term)
                if term.is_Add or (i and t.startswith("-")):
                    t = rf"\left({t}\right)"
                tex += t
            return tex

        def _print_Mul(self, expr: Any) -> str:
            if not is_literal(expr):
                adds = [a for a in expr.args if a.is_Add]
                if len(adds) < 2 or any(a.is_Pow and a.exp.is_negative for a in expr.args):
                    return super()._print_Mul(expr)
                coeff, _ = expr.as_coeff_Mul()
                head = "-" if coeff == -1 else ("" if coeff == 1 else self._print(coeff) + " ")
                parts = [a for a in ordered_factors(expr) if not a.is_Number]
                return head + " ".join(
                    rf"\left({self._print(a)}\right)" if a.is_Add else self._print(a)
                    for a in parts)
            over = _written_fraction(expr)
            if over is not None:
                return rf"\frac{{{self._print(over[0])}}}{{{self._print(over[1])}}}"
            args = list(expr.args)
            prefix = ""
            if args[0] == -1 and len(args) > 1:
                prefix, args = "-", args[1:]
            parts = []
            for k, f in enumerate(args):
                t = self._print(f)
                if _needs_brackets(f, k + (1 if prefix else 0)):
                    t = rf"\left({t}\right)"
                parts.append(t)
            return prefix + r" \cdot ".join(parts)

        def _print_Determinant(self, e: Any) -> str:
            M = e.arg
            if isinstance(M, MatrixBase):
                rows = [" & ".join(self._print(x) for x in M.row(i)) for i in range(M.rows)]
                return r"\begin{vmatrix}" + r"\\".join(rows) + r"\end{vmatrix}"
            return r"\det\left(" + self._print(M) + r"\right)"

        def _print_Str(self, e: Any) -> str:
            return r"\text{%s}" % e.name.replace("_", r"\_")

        def _print_BooleanTrue(self, e: Any) -> str:
            return r"\text{yes}"

        def _print_BooleanFalse(self, e: Any) -> str:
            return r"\text{no}"

    _LATEX = Printer({"mat_delim": "", "mat_str": "bmatrix", "order": "none",
                      "inv_trig_style": "full"})
    return _LATEX


def _cached(kind: str, obj: Any, make: Any) -> str:
    """Printing is pure given the variable order: remember recent results."""
    try:
        key = (kind, obj, _GENS.get())
        hit = _CACHE.get(key)
    except TypeError:  # unhashable
        return make(obj)
    if hit is None:
        hit = make(obj)
        if len(_CACHE) > 20000:
            _CACHE.clear()
        _CACHE[key] = hit
    return hit


_CACHE: dict = {}


def latex_line(obj: Any) -> str:
    """LaTeX for one SymPy object with the learner's notation."""
    return _cached("tex", obj, latex_printer().doprint)


# ------------------------------------------------------------------ one-line text
_SUP = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "theta": "θ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ",
    "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Sigma": "Σ", "Delta": "Δ",
}
_FUNCS = {"acos": "arccos", "asin": "arcsin", "atan": "arctan", "log": "ln"}


def symbol_text(name: str) -> str:
    """A symbol's name as a learner writes it: ``lambda`` -> ``λ``, ``x1`` -> ``x₁``.

    >>> symbol_text("lambda"), symbol_text("x12"), symbol_text("x_2")
    ('λ', 'x₁₂', 'x₂')
    """
    m = re.fullmatch(r"([A-Za-z]+)_?(\d*)", name)
    if not m:
        return name
    base, digits = m.groups()
    return _GREEK.get(base, base) + digits.translate(_SUB)


_TEXT: Any = None


def _text_printer() -> Any:
    global _TEXT
    if _TEXT is not None:
        return _TEXT
    from sympy.printing.precedence import PRECEDENCE, precedence
    from sympy.printing.str import StrPrinter

    class Printer(StrPrinter):
        """One line of unicode: ``λ² - 4λ + 3``, ``1·(-4)``, ``[1 2; 3 4]``, ``√2``."""

        def _as_ordered_terms(self, expr: Any, order: Any = None) -> list:
            return ordered_terms(expr)

        def _print_Symbol(self, e: Any) -> str:
            return symbol_text(e.name)

        _print_Dummy = _print_Symbol

        def _print_MatrixSymbol(self, e: Any) -> str:
            return symbol_text(e.name)

        def _print_Add(self, expr: Any, order: Any = None) -> str:
            out = ""
            for i, term in enumerate(ordered_terms(expr)):
                if i and _leads_negative(term):
                    out += " - "
                    term = negated(term)
                elif i:
                    out += " + "
                t = self._print(term)
                if term.is_Add or (i and t.startswith("-")):
                    t = f"({t})"
                out += t
            return out

        def _factor(self, f: Any, bracket: bool) -> str:
            t = self._print(f)
            return f"({t})" if bracket else t

        def _print_Mul(self, expr: Any) -> str:
            from sympy import Integer

            args = list(expr.args)
            over = _written_fraction(expr) if is_literal(expr) else None
            if over is not None:
                top, bottom = (self._print(x) for x in over)
                if over[0].is_Add or over[0].is_Mul:
                    top = f"({top})"
                if not over[1].is_Atom:
                    bottom = f"({bottom})"
                return f"{top}/{bottom}"
            if is_literal(expr):
                prefix = ""
                if args[0] == -1 and len(args) > 1:
                    prefix, args = "-", args[1:]
                parts = []
                for k, f in enumerate(args):
                    frac = f.is_Rational and not f.is_Integer and len(args) > 1
                    parts.append(self._factor(f, _needs_brackets(f, k + bool(prefix)) or frac))
                return prefix + "·".join(parts)
            coeff, rest = expr.as_coeff_Mul()
            sign = ""
            if coeff < 0:
                sign, coeff = "-", -coeff
            num, den = [], []
            factors = ordered_factors(rest) if rest.is_Mul else ([] if rest == 1 else [rest])
            for f in factors:
                if f.is_Pow and f.exp.is_Rational and f.exp.is_negative:
                    den.append(f.base ** (-f.exp))
                else:
                    num.append(f)
            if coeff.is_Rational and coeff.q != 1:
                den.insert(0, Integer(coeff.q))
                coeff = Integer(coeff.p)
            pieces = []
            for f in num:
                t = self._print(f)
                if precedence(f) < PRECEDENCE["Mul"]:
                    t = f"({t})"
                pieces.append(t)
            body = ""
            for k, p in enumerate(pieces):
                if k == 0:
                    body = p
                    continue
                prev = pieces[k - 1]
                glue = p[:1] == "(" or (p[:1].isalpha() and not (
                    len(p) > 1 and p[1:2].isalpha() and len(prev) > 1 and prev[-2:-1].isalpha()))
                body += p if glue else "·" + p
            head = "" if coeff == 1 and pieces else self._print(coeff)
            if head and pieces and not (pieces[0][:1] in ("(", "√") or (
                    pieces[0][:1].isalpha() and (num[0].is_Symbol or num[0].is_Pow))):
                head += "·"
            top = head + body or "1"
            if den:
                d = "·".join(self._print(x) for x in den)
                if len(den) > 1 or not (den[0].is_Atom):
                    d = f"({d})"
                top = f"{top}/{d}"
            return sign + top

        def _print_Pow(self, e: Any, rational: bool = False) -> str:
            from sympy import S

            b, x = e.base, e.exp
            bt = self._print(b)
            if precedence(b) < PRECEDENCE["Pow"] or b.is_Rational and not b.is_Integer \
                    or bt.startswith("-"):
                bt = f"({bt})"
            if x == S.Half:
                inner = self._print(b)
                return f"√{inner}" if b.is_Atom else f"√({inner})"
            if x == -1:
                return f"1/{bt}"
            if x.is_Integer:
                return bt + str(x).translate(_SUP)
            return f"{bt}^({self._print(x)})"

        def _print_Rational(self, e: Any) -> str:
            return f"{e.p}/{e.q}" if e.q != 1 else str(e.p)

        def _print_MatrixBase(self, M: Any) -> str:
            if M.cols == 1 and M.rows > 1:
                return "(" + ", ".join(self._print(x) for x in M) + ")"
            rows = (" ".join(self._print(x) for x in M.row(i)) for i in range(M.rows))
            return "[" + "; ".join(rows) + "]"

        _print_ImmutableDenseMatrix = _print_MatrixBase
        _print_MutableDenseMatrix = _print_MatrixBase
        _print_ImmutableSparseMatrix = _print_MatrixBase

        def _print_Determinant(self, e: Any) -> str:
            return f"det{self._print(e.arg)}"

        def _print_Equality(self, e: Any) -> str:
            return f"{self._print(e.lhs)} = {self._print(e.rhs)}"

        def _print_Unequality(self, e: Any) -> str:
            return f"{self._print(e.lhs)} ≠ {self._print(e.rhs)}"

        def _print_Str(self, e: Any) -> str:
            return e.name

        def _print_Tuple(self, e: Any) -> str:
            return "(" + ", ".join(self._print(x) for x in e) + ")"

        def _print_BooleanTrue(self, e: Any) -> str:
            return "yes"

        def _print_BooleanFalse(self, e: Any) -> str:
            return "no"

        def _print_Abs(self, e: Any) -> str:
            return f"|{self._print(e.args[0])}|"

        def _print_Function(self, e: Any) -> str:
            name = _FUNCS.get(e.func.__name__, e.func.__name__)
            return f"{name}({', '.join(self._print(a) for a in e.args)})"

        def _print_ImaginaryUnit(self, e: Any) -> str:
            return "i"

        def _print_Infinity(self, e: Any) -> str:
            return "∞"

        def _print_Pi(self, e: Any) -> str:
            return "π"

        def _print_Identity(self, e: Any) -> str:
            return "I"

    _TEXT = Printer({"order": "none"})
    return _TEXT


def text_line(obj: Any) -> str:
    """One line of unicode for a SymPy object, in a learner's notation."""
    return _cached("text", obj, _text_printer().doprint)


# ------------------------------------------------------------------ 2-D text
_PRETTY: Any = None


def pretty_printer() -> Any:
    """The 2-D unicode printer (cached): SymPy's, with the learner's order and products."""
    global _PRETTY
    if _PRETTY is not None:
        return _PRETTY
    from sympy.printing.pretty.pretty import PrettyPrinter
    from sympy.printing.pretty.stringpict import prettyForm, stringPict

    class Printer(PrettyPrinter):
        def _as_ordered_terms(self, expr: Any, order: Any = None) -> list:
            return ordered_terms(expr)

        def _print_Add(self, expr: Any, order: Any = None) -> Any:
            pieces: list[Any] = []
            for i, term in enumerate(ordered_terms(expr)):
                if i and _leads_negative(term):
                    pieces.append(" - ")
                    term = negated(term)
                elif i:
                    pieces.append(" + ")
                p = self._print(term)
                if term.is_Add or (i and p.s.startswith("-")):
                    p = prettyForm(*p.parens())
                pieces.append(p)
            return prettyForm(*stringPict.next(*pieces), binding=prettyForm.ADD)

        def _print_Mul(self, expr: Any) -> Any:
            if not is_literal(expr):
                return super()._print_Mul(expr)
            args = list(expr.args)
            prefix = ""
            if args[0] == -1 and len(args) > 1:
                prefix, args = "-", args[1:]
            pieces: list[Any] = [prefix] if prefix else []
            for k, f in enumerate(args):
                p = self._print(f)
                frac = f.is_Rational and not f.is_Integer
                if _needs_brackets(f, k + bool(prefix)) or frac:
                    p = prettyForm(*p.parens())
                if k:
                    pieces.append("·")
                pieces.append(p)
            return prettyForm(*stringPict.next(*pieces), binding=prettyForm.MUL)

        def _print_Rational(self, e: Any) -> Any:
            return prettyForm(f"{e.p}/{e.q}" if e.q != 1 else str(e.p))

        def _print_Str(self, e: Any) -> Any:
            return prettyForm(e.name)

    _PRETTY = Printer({"use_unicode": True, "order": "none", "wrap_line": False})
    return _PRETTY

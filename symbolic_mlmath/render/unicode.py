"""Unicode printers for text pages: one line (``λ² - 4λ + 3``, ``1·(-4)``) and 2-D.

The same rules as the LaTeX printer in ``render.printers``: the learner's order, written
products kept with their negative factors bracketed, ``·`` and superscripts, never ``**``.

Examples
========
>>> from sympy import symbols
>>> a, lam = symbols("a lambda")
>>> text_line(lam**2 - 4*lam + 3), text_line((a - 1) * (a + 1))
('λ² - 4λ + 3', '(a - 1)(a + 1)')
"""

from __future__ import annotations

import re
from typing import Any

from symbolic_mlmath.render.printers import (
    cached,
    is_literal,
    is_negation,
    leads_negative,
    needs_brackets,
    negated,
    ordered_factors,
    ordered_terms,
    short_float,
    written_fraction,
)

__all__ = ["float_text", "pretty_printer", "subscript", "symbol_text", "text_line"]

_SUP = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SIGNED_SUB = str.maketrans("0123456789-", "₀₁₂₃₄₅₆₇₈₉₋")
_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "theta": "θ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ",
    "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Sigma": "Σ", "Delta": "Δ",
}
_SUB_LETTERS = str.maketrans("ijklmnx", "ᵢⱼₖₗₘₙₓ")
_FUNCS = {"acos": "arccos", "asin": "arcsin", "atan": "arctan", "log": "ln"}


def subscript(value: Any) -> str:
    """Digits (and a minus sign) as unicode subscripts: ``subscript(12)`` -> ``"₁₂"``.

    >>> "x" + subscript(12), "R" + subscript(-1)
    ('x₁₂', 'R₋₁')
    """
    return str(value).translate(_SIGNED_SUB)


def _words(name: str) -> str:
    """A word result such as ``local_max`` in words (``local max``); other names as they are."""
    if "_" not in name:
        return name
    from symbolic_mlmath.render.labels import label

    return label(name)


def symbol_text(name: str) -> str:
    """A symbol's name as a learner writes it: ``lambda`` -> ``λ``, ``x1`` -> ``x₁``.

    >>> symbol_text("lambda"), symbol_text("x12"), symbol_text("x_2"), symbol_text("sigma^2")
    ('λ', 'x₁₂', 'x₂', 'σ²')
    >>> symbol_text("xbar"), symbol_text("phat"), symbol_text("mu_0"), symbol_text("ybar_2")
    ('x̄', 'p̂', 'μ₀', 'ȳ₂')
    """
    m = re.fullmatch(r"([A-Za-z]+)_?(\d*)(?:\^(\d+))?", name)
    if not m:
        return name
    base, digits, power = m.groups()
    if power and base not in _GREEK:  # only a Greek name with a power (σ²) is written raised
        return name
    mark = ""
    for word, accent in (("bar", "\u0304"), ("hat", "\u0302")):  # xbar -> x̄, phat -> p̂
        stem = base.removesuffix(word)
        if stem != base and (len(stem) == 1 or stem in _GREEK):
            base, mark = stem, accent
    return (_GREEK.get(base, base) + mark + digits.translate(_SUB)
            + (power or "").translate(_SUP))


_TEXT: Any = None


def float_text(e: Any) -> str:
    """A decimal at most :data:`~symbolic_mlmath.render.printers.LEARNER_DIGITS` significant
    digits long, without trailing zeros: ``4.90629515086``, ``3.5``, ``1.5e-20``.

    >>> from sympy import Float
    >>> float_text(Float("3.50000000000000", 15)), float_text(Float(1) / 3)
    ('3.5', '0.333333333333')
    """
    from sympy.printing.str import StrPrinter

    return StrPrinter({"full_prec": False})._print_Float(short_float(e))


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
                if i and leads_negative(term):
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
            over = written_fraction(expr) if is_literal(expr) else None
            if over is not None:
                top, bottom = (self._print(x) for x in over)
                if over[0].is_Add or over[0].is_Mul:
                    top = f"({top})"
                if not over[1].is_Atom:
                    bottom = f"({bottom})"
                return f"{top}/{bottom}"
            if is_literal(expr):
                prefix = ""
                if is_negation(expr):
                    prefix, args = "-", args[1:]
                parts = []
                for k, f in enumerate(args):
                    frac = f.is_Rational and not f.is_Integer and len(args) > 1
                    parts.append(self._factor(f, needs_brackets(f, k + bool(prefix)) or frac))
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
            called = [f.is_Function or (f.is_Pow and f.base.is_Function) for f in num]
            body = ""
            for k, p in enumerate(pieces):
                if k == 0:
                    body = p
                    continue
                prev = pieces[k - 1]
                long_prev = len(prev) > 1 and prev[-1].isalpha() and prev[-2].isalpha()
                long_next = len(p) > 1 and p[0].isalpha() and p[1].isalpha()
                # xy and 2x glue; a name of several letters never does (SE·c, not SEc)
                glue = p[:1] == "(" or (p[:1].isalpha() and not (long_prev or long_next))
                glue = glue and not (called[k] or called[k - 1])  # 2x·sin(x), not 2xsin(x)
                glue = glue and not prev.startswith("√")  # √2·x, not √2x
                body += p if glue else "·" + p
            head = "" if coeff == 1 and pieces else self._print(coeff)
            if head and pieces and not (pieces[0][:1] in ("(", "√") or (
                    pieces[0][:1].isalpha() and (num[0].is_Symbol or num[0].is_Pow))):
                head += "·"
            top = head + body or "1"
            if den:
                parts = [f"({self._print(x)})" if len(den) > 1 and precedence(x) < PRECEDENCE["Mul"]
                         else self._print(x) for x in den]  # 1/((a + b)c) is not 1/(a + b·c)
                d = parts[0]
                for prev, x, p in zip(den, den[1:], parts[1:], strict=False):
                    glue = prev.is_Integer and (x.is_Symbol or (x.is_Pow and x.base.is_Symbol))
                    d += p if glue else "·" + p  # 2x, as in the numerator; √2·x, x·y stay
                if len(den) > 1 or not (den[0].is_Atom):
                    d = f"({d})"
                top = f"{top}/{d}"
            return sign + top

        def _print_Pow(self, e: Any, rational: bool = False) -> str:
            from sympy import S

            b, x = e.base, e.exp
            bt = self._print(b)
            if precedence(b) < PRECEDENCE["Pow"] or (b.is_Rational and not b.is_Integer) \
                    or bt.startswith("-") or (b.is_Symbol and bt[-1:] in "⁰¹²³⁴⁵⁶⁷⁸⁹"):
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

        def _print_Float(self, e: Any) -> str:
            return float_text(e)

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
            return _words(e.name)

        def _print_Tuple(self, e: Any) -> str:
            return "(" + ", ".join(self._print(x) for x in e) + ")"

        def _print_Not(self, e: Any) -> str:
            inner = self._print(e.args[0])
            return f"not {inner}" if e.args[0].is_Atom else f"not ({inner})"

        def _print_BooleanTrue(self, e: Any) -> str:
            return "yes"

        def _print_BooleanFalse(self, e: Any) -> str:
            return "no"

        def _print_Abs(self, e: Any) -> str:
            return f"|{self._print(e.args[0])}|"

        def _print_Function(self, e: Any) -> str:
            name = _FUNCS.get(e.func.__name__, e.func.__name__)
            return f"{name}({', '.join(self._print(a) for a in e.args)})"

        def _print_Derivative(self, e: Any) -> str:
            inner = self._print(e.expr)
            if not (e.expr.is_Atom or e.expr.is_Function):
                inner = f"({inner})"
            n = sum(c for _, c in e.variable_count)
            up = "" if n == 1 else str(n).translate(_SUP)
            if len(e.variable_count) == 1 and len(e.expr.free_symbols) <= 1:
                (v, _), = e.variable_count
                return f"d{up}/d{self._print(v)}{up} {inner}"
            below = "".join(f"∂{self._print(v)}" + ("" if c == 1 else str(c).translate(_SUP))
                            for v, c in reversed(e.variable_count))
            return f"∂{up}/{below} {inner}"

        def _print_Limit(self, e: Any) -> str:
            expr, var, to = e.args[:3]
            inner = self._print(expr)
            if not (expr.is_Atom or expr.is_Function):
                inner = f"({inner})"
            side = {"+": "⁺", "-": "⁻"}.get(str(e.args[3]), "")
            return f"lim_({self._print(var)}→{self._print(to)}{side}) {inner}"

        def _print_dict(self, d: dict) -> str:
            return ", ".join(f"{self._print(k)} = {self._print(v)}" for k, v in d.items())

        _print_Dict = _print_dict

        def _print_Max(self, e: Any) -> str:
            return f"{type(e).__name__.lower()}({', '.join(self._print(a) for a in e.args)})"

        _print_Min = _print_Max

        def _print_Piecewise(self, e: Any) -> str:
            from sympy import true

            pieces = [f"{self._print(v)} otherwise" if c is true else f"{self._print(v)} if {self._print(c)}"
                      for v, c in e.args]
            return "{" + "; ".join(pieces) + "}"

        def _print_NegativeInfinity(self, e: Any) -> str:
            return "-∞"

        def _print_ImaginaryUnit(self, e: Any) -> str:
            return "i"

        def _print_Infinity(self, e: Any) -> str:
            return "∞"

        def _print_Pi(self, e: Any) -> str:
            return "π"

        def _print_Identity(self, e: Any) -> str:
            return "I"

        def _print_Max(self, e: Any) -> str:
            return "max(" + ", ".join(self._print(a) for a in e.args) + ")"

        def _print_Min(self, e: Any) -> str:
            return "min(" + ", ".join(self._print(a) for a in e.args) + ")"

        def _print_Inverse(self, e: Any) -> str:
            return self._wrap(e.arg) + "⁻¹"

        def _print_Transpose(self, e: Any) -> str:
            return self._wrap(e.arg) + "ᵀ"

        def _print_MatMul(self, e: Any) -> str:
            return "·".join(self._wrap(a) if a.is_Add or getattr(a, "is_MatAdd", False)
                            else self._print(a) for a in e.args)

        def _print_MatPow(self, e: Any) -> str:
            return self._wrap(e.base) + str(e.exp).translate(_SUP)

        def _print(self, expr: Any, **kwargs: Any) -> str:
            from sympy import Indexed

            if isinstance(expr, Indexed):  # its own _sympystr would win otherwise
                return self._print_Indexed(expr)
            return super()._print(expr, **kwargs)

        def _print_Indexed(self, e: Any) -> str:  # x[i] -> xᵢ
            idx = ",".join(self._print(i) for i in e.indices)
            sub = idx.translate(_SUB_LETTERS) if idx.isalpha() else idx.translate(_SUB)
            return self._print(e.base.label) + sub

        def _print_factorial(self, e: Any) -> str:
            a = e.args[0]
            return (self._print(a) if a.is_Symbol or a.is_Integer or a.is_Indexed
                    else f"({self._print(a)})") + "!"

        def _sum_like(self, e: Any, sign: str) -> str:  # Σ xᵢ over i = 1..n
            parts = []
            for i, a, b in e.limits:
                parts.append(f"{self._print(i)}={self._print(a)}..{self._print(b)}")
            body = e.function
            text = self._print(body)
            if body.is_Add or (body.is_Mul and not body.args[0].is_number):
                text = f"({text})"
            return f"({sign}[{'; '.join(parts)}] {text})"

        def _print_Sum(self, e: Any) -> str:
            return self._sum_like(e, "Σ")

        def _print_Product(self, e: Any) -> str:
            return self._sum_like(e, "Π")

        def _wrap(self, a: Any) -> str:
            t = self._print(a)
            simple = getattr(a, "is_Symbol", False) or t.startswith(("[", "(")) \
                or a.__class__.__name__ == "MatrixSymbol"
            return t if simple else f"({t})"

    _TEXT = Printer({"order": "none"})
    return _TEXT


def text_line(obj: Any) -> str:
    """One line of unicode for a SymPy object, in a learner's notation."""
    return cached("text", obj, _text_printer().doprint)


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
                if i and leads_negative(term):
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
            if is_negation(expr):
                prefix, args = "-", args[1:]
            pieces: list[Any] = [prefix] if prefix else []
            for k, f in enumerate(args):
                p = self._print(f)
                frac = f.is_Rational and not f.is_Integer
                if needs_brackets(f, k + bool(prefix)) or frac:
                    p = prettyForm(*p.parens())
                if k:
                    pieces.append("·")
                pieces.append(p)
            return prettyForm(*stringPict.next(*pieces), binding=prettyForm.MUL)

        def _print_Rational(self, e: Any) -> Any:
            return prettyForm(f"{e.p}/{e.q}" if e.q != 1 else str(e.p))

        def _print_Float(self, e: Any) -> Any:
            return prettyForm(float_text(e))

        def _print_Str(self, e: Any) -> Any:
            return prettyForm(_words(e.name))

        def _print_Max(self, e: Any) -> Any:
            return prettyForm(*self._print_seq(e.args, "(", ")").left("max"))

        def _print_Min(self, e: Any) -> Any:
            return prettyForm(*self._print_seq(e.args, "(", ")").left("min"))

        def _print_acos(self, e: Any) -> Any:
            return prettyForm(*self._print_seq(e.args, "(", ")").left("arccos"))

    _PRETTY = Printer({"use_unicode": True, "order": "none", "wrap_line": False})
    return _PRETTY

r"""SymPy printers with a textbook's notation: the learner's order, bracketed negative factors.

Three printers share the same rules (LaTeX, one-line unicode text, 2-D unicode):

* a sum SymPy built itself (canonical) is written in the order of the problem's variables,
  highest power first (``5a + b``, ``λ² - 4λ + 3``, ``a² - 1``); a linear sum whose only
  positive part is a constant starts with it (``10 - b``, ``2 - λ``), and a linear sum
  that would start with a minus sign starts with its first positive term (``x̄ - μ₀``);
* a sum or product an engine wrote on purpose (unevaluated, kept as written) keeps its
  order, and its negative factors are bracketed: ``1·(-4) - 3·(-1)``, ``4·5/2·(-6)``;
* the one-line text uses ``·``, superscripts, subscripts and Greek letters, never ``**``.

The variable order comes from :func:`variable_order` (the renderers set it from a
derivation's variables); without it symbols are ordered by name.

Examples
========
>>> from sympy import Add, Mul, symbols
>>> a, b, lam = symbols("a b lambda")
>>> latex_line(lam**2 - 4*lam + 3), latex_line(10 - b), latex_line(5*a + b)
('\\lambda^{2} - 4 \\lambda + 3', '10 - b', '5 a + b')
>>> latex_line(Add(Mul(1, -4, evaluate=False), Mul(-3, -1, evaluate=False), evaluate=False))
'1 \\cdot \\left(-4\\right) - 3 \\cdot \\left(-1\\right)'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

__all__ = [
    "LEARNER_DIGITS",
    "cached",
    "is_literal",
    "is_negation",
    "latex_line",
    "latex_printer",
    "leads_negative",
    "needs_brackets",
    "negated",
    "ordered_factors",
    "ordered_terms",
    "short_float",
    "variable_order",
    "written_fraction",
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
        else:  # a linear sum leads with a positive term: x̄ - μ₀, not -μ₀ + x̄
            plus = next((t for t in terms if not t.could_extract_minus_sign()), None)
            if plus is not None:
                terms = [plus] + [t for t in terms if t is not plus]
    return terms


def is_negation(term: Any) -> bool:
    """A written ``-(x)``: ``Mul(-1, x)`` with exactly two factors (engines' convention);
    in a longer written product a leading -1 is a factor like any other."""
    return bool(term.is_Mul and len(term.args) == 2 and term.args[0] == -1 and is_literal(term))


def negated(term: Any) -> Any:
    """``-term`` for printing after a minus sign, keeping a written product as written."""
    from sympy import Mul

    if is_negation(term):
        return term.args[1]
    if term.is_Mul and is_literal(term):
        first, rest = term.args[0], term.args[1:]
        if first.is_Number and first < 0 and first != -1:
            return Mul(-first, *rest, evaluate=False)
    return -term


def leads_negative(term: Any) -> bool:
    """Whether a term is written after a minus sign in a sum."""
    if is_negation(term):
        return True
    if term.is_Mul and is_literal(term):
        first = term.args[0]
        return bool(first.is_Number and first < 0 and first != -1)
    return bool(term.could_extract_minus_sign())


def written_fraction(e: Any) -> tuple | None:
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
    """The factors of a product SymPy built in a textbook's order: the number, then powers
    of the variables in alphabetical order (``x²y``, not ``yx²``, whatever the variable of
    the problem), then other factors as SymPy has them, then brackets, linear factors
    ordered by their roots.

    >>> from sympy import symbols
    >>> x, y = symbols("x y")
    >>> ordered_factors(x**2 * y * (x - 1) * 3)
    [3, x**2, y, x - 1]
    """
    args = list(expr.args)
    if not all(a.is_commutative for a in args):
        return args
    gens = sorted(expr.free_symbols, key=lambda s: _natural(s.name))

    def key(f: Any) -> tuple:
        if f.is_Number:
            return (0, 0, (0, 0, 0))
        if not f.free_symbols:  # √2, π: with the number in front
            return (0, 1, (0, 0, 0))
        if f.is_Add:
            return (3, 0, _factor_key(f))
        base = f.as_base_exp()[0]
        if base.is_Symbol:
            return (1, gens.index(base) if base in gens else len(gens), (0, 0, 0))
        return (2, 0, (0, 0, 0))

    return sorted(args, key=key)


#: Significant digits of a decimal on a learner's page (the exact value is kept in the step).
LEARNER_DIGITS = 12


def short_float(e: Any, digits: int = LEARNER_DIGITS) -> Any:
    """A Float rounded to at most ``digits`` significant digits, for printing.

    >>> from sympy import Float
    >>> short_float(Float("4.90629515085637568001348857798", 30))
    4.90629515086
    """
    from sympy import Float
    from sympy.core.numbers import prec_to_dps

    if e._prec < 5:
        return e
    return Float(e, min(digits, prec_to_dps(e._prec)))


def needs_brackets(factor: Any, position: int) -> bool:
    """Whether a factor of a written product needs brackets."""
    if factor.is_Add:
        return True
    if factor.is_Number and factor < 0:
        return True
    return bool(position > 0 and factor.could_extract_minus_sign())


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

        def _print(self, expr: Any, **kwargs: Any) -> str:
            if not kwargs:
                return super()._print(expr)
            try:
                return super()._print(expr, **kwargs)
            except TypeError:  # an object's own _latex that takes no options (exp=...)
                base = super()._print(expr)
                exp = kwargs.get("exp")
                return rf"\left({base}\right)^{{{exp}}}" if exp is not None else base

        def _as_ordered_terms(self, expr: Any, order: Any = None) -> list:
            return ordered_terms(expr)

        def _print_Add(self, expr: Any, order: Any = None) -> str:
            terms = ordered_terms(expr)
            tex = ""
            for i, term in enumerate(terms):
                if i and leads_negative(term):
                    tex += " - "
                    term = negated(term)
                elif i:
                    tex += " + "
                t = self._print(term)
                if term.is_Add or (i and t.startswith("-")):
                    t = rf"\left({t}\right)"
                tex += t
            return tex

        def _product(self, factors: list) -> str:
            """Factors side by side (``\\cdot`` between two numbers), SymPy's brackets."""
            from sympy.printing.latex import _between_two_numbers_p

            tex = last = ""
            for i, term in enumerate(factors):
                t = self._print(term)
                if self._needs_mul_brackets(term, first=i == 0, last=i == len(factors) - 1):
                    t = rf"\left({t}\right)"
                if tex:
                    two_numbers = (_between_two_numbers_p[0].search(last)
                                   and _between_two_numbers_p[1].match(t))
                    tex += self._settings["mul_symbol_latex_numbers"] if two_numbers else " "
                tex += t
                last = t
            return tex

        def _ordered_mul(self, expr: Any) -> str:
            """A product SymPy built, its factors in the textbook's order."""
            from sympy import Mul, S
            from sympy.simplify import fraction

            if not all(a.is_commutative for a in expr.args):
                return super()._print_Mul(expr)
            tex = ""
            if expr.could_extract_minus_sign():
                expr, tex = -expr, "- "
                if not expr.is_Mul:
                    inner = self._print(expr)
                    return tex + (rf"\left({inner}\right)" if expr.is_Add else inner)
            numer, denom = fraction(expr, exact=True)

            def side(e: Any) -> str:
                return self._product(ordered_factors(e)) if e.is_Mul else self._print(e)

            if denom is S.One:
                return tex + side(Mul(*expr.args))
            return tex + rf"\frac{{{side(numer)}}}{{{side(denom)}}}"

        def _print_Mul(self, expr: Any) -> str:
            if not is_literal(expr):
                from sympy import S

                adds = [a for a in expr.args if a.is_Add]
                if len(adds) < 2 or any(a.is_Pow and a.exp.is_negative for a in expr.args):
                    if expr.args[0] is S.One or S.One in expr.args or any(
                            a.is_Pow and a.base == 1 for a in expr.args):
                        return super()._print_Mul(expr)
                    return self._ordered_mul(expr)
                coeff, _ = expr.as_coeff_Mul()
                head = "-" if coeff == -1 else ("" if coeff == 1 else self._print(coeff) + " ")
                parts = [a for a in ordered_factors(expr) if not a.is_Number]
                return head + " ".join(
                    rf"\left({self._print(a)}\right)" if a.is_Add else self._print(a)
                    for a in parts)
            over = written_fraction(expr)
            if over is not None:
                return rf"\frac{{{self._print(over[0])}}}{{{self._print(over[1])}}}"
            args = list(expr.args)
            prefix = ""
            if is_negation(expr):
                prefix, args = "-", args[1:]
            parts = []
            for k, f in enumerate(args):
                t = self._print(f)
                if needs_brackets(f, k + (1 if prefix else 0)):
                    t = rf"\left({t}\right)"
                parts.append(t)
            return prefix + r" \cdot ".join(parts)

        def _print_Float(self, e: Any) -> str:
            return super()._print_Float(short_float(e))

        def _needs_mul_brackets(self, expr: Any, first: bool = False, last: bool = False
                                ) -> bool:
            from sympy import Integral, Product, Sum

            if expr.is_Pow and isinstance(expr.base, Sum | Product | Integral) \
                    and expr.exp.is_Integer and expr.exp > 0:
                return False  # already \left(\sum ...\right)^{k}: no second bracket
            return super()._needs_mul_brackets(expr, first=first, last=last)

        def _print_Determinant(self, e: Any) -> str:
            M = e.arg
            if isinstance(M, MatrixBase):
                rows = [" & ".join(self._print(x) for x in M.row(i)) for i in range(M.rows)]
                return r"\begin{vmatrix}" + r"\\".join(rows) + r"\end{vmatrix}"
            return r"\det\left(" + self._print(M) + r"\right)"

        def _print_Derivative(self, expr: Any) -> str:
            tex = super()._print_Derivative(expr)
            inner = self._print(expr.expr)
            wrapped = rf"\left({inner}\right)"
            if inner.startswith(r"\left(") and tex.endswith(wrapped):  # no "((": square outside
                tex = tex[: -len(wrapped)] + rf"\left[{inner}\right]"
            return tex

        def _print_dict(self, d: dict) -> str:
            return ", ".join(f"{self._print(k)} = {self._print(v)}" for k, v in d.items())

        _print_Dict = _print_dict

        def _print_Str(self, e: Any) -> str:
            from symbolic_mlmath.render.labels import label

            name = label(e.name) if "_" in e.name else e.name
            return r"\text{%s}" % name.replace("_", r"\_")

        def _print_tuple(self, e: Any) -> str:
            return r"\left(" + ", ".join(self._print(x) for x in e) + r"\right)"

        _print_Tuple = _print_tuple

        def _print_Not(self, e: Any) -> str:
            inner = self._print(e.args[0])
            return f"{inner}^{{c}}" if e.args[0].is_Atom else rf"\left({inner}\right)^{{c}}"

        def _print_BooleanTrue(self, e: Any) -> str:
            return r"\text{yes}"

        def _print_BooleanFalse(self, e: Any) -> str:
            return r"\text{no}"

    _LATEX = Printer({"mat_delim": "", "mat_str": "bmatrix", "order": "none",
                      "inv_trig_style": "full"})
    return _LATEX


def cached(kind: str, obj: Any, make: Any) -> str:
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
    return cached("tex", obj, latex_printer().doprint)


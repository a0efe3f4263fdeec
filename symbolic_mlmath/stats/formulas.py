"""Quantities computed by a formula: the step form every inference derivation uses.

A statistical derivation computes a sequence of named quantities (a standard error,
a statistic, degrees of freedom, a p-value) each from a formula and values found
before. Such a step has no ``before`` object: its ``given`` pieces are the quantity's
``name``, the ``formula`` (a SymPy expression in named symbols, kept as written), the
``values`` put into it, and ``approx`` (a decimal of the exact ``after``). Its verifier
puts the values into the formula again and compares with ``after``.

Examples
========
>>> from sympy import Rational, symbols, sqrt
>>> from symbolic_mlmath.stats.rules import StatsRule
>>> s, n = symbols("s n", positive=True)
>>> step = quantity_step(StatsRule.TEST_STATISTIC, "z", s / sqrt(n), {s: 4, n: 15})
>>> step.after, step.given["approx"]
(4*sqrt(15)/15, 1.03279555898864)
>>> check_formula(step) is None
True
>>> exact_sqrt(Rational(8, 9)), exact_sqrt(Rational(49, 4))
(2*sqrt(2)/3, 7/2)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Lazy, Step

__all__ = [
    "APPROX_DIGITS",
    "DMLazy",
    "approx",
    "check_formula",
    "exact_number",
    "exact_sqrt",
    "huge",
    "minus",
    "numeric_equal",
    "quantity_step",
    "substitute",
    "sym",
]

#: Significant digits of the decimal shown next to an exact value.
APPROX_DIGITS = 15

#: Above this many digits (numerator plus denominator) an exact number is "huge": SymPy's
#: surd simplification is skipped and comparisons go through 60-digit arithmetic.
HUGE_DIGITS = 120


def sym(name: str, **assumptions: Any) -> Any:
    """A named symbol (positive unless told otherwise)."""
    from sympy import Symbol

    if not assumptions:
        assumptions = {"real": True}
    return Symbol(name, **assumptions)


def exact_number(value: Any, name: str = "data") -> Any:
    """A number given by a program (int, Fraction, Decimal, float, SymPy) as an exact SymPy
    number; floats are read from their shortest decimal (``0.1`` is 1/10).

    Examples
    ========
    >>> exact_number(0.1), exact_number("2")
    (1/10, 2)
    """
    import numbers
    from decimal import Decimal
    from fractions import Fraction

    from sympy import Basic, Float, Integer, Rational

    if isinstance(value, bool):
        raise TaskError(f"expected a number, got {value}", name=name)
    if isinstance(value, Float):
        return Rational(str(value))
    if isinstance(value, Basic):
        return value
    if isinstance(value, numbers.Integral):
        return Integer(int(value))
    if isinstance(value, Fraction):
        return Rational(value.numerator, value.denominator)
    if isinstance(value, Decimal):
        return Rational(str(value))
    if isinstance(value, float):
        import math

        if not math.isfinite(value):
            raise TaskError(f"expected a finite number, got {value}", name=name)
        return Rational(repr(value))
    if isinstance(value, str):
        from symbolic_mlmath.text import parse_number

        return parse_number(value, name=name)
    raise TaskError(f"expected a number, got {type(value).__name__}", name=name)


def minus(*terms: Any) -> Any:
    """``terms[0] + terms[1] + ... - last`` kept in the written order (``n - 1``, not ``-1 + n``).

    Examples
    ========
    >>> from sympy import Symbol
    >>> minus(Symbol("n"), 1), minus(Symbol("n_1"), Symbol("n_2"), 2)
    (n - 1, n_1 + n_2 - 2)
    """
    from sympy import Add, Mul, S

    from symbolic_mlmath.text.convert import as_sympy

    *first, last = terms
    neg = -as_sympy(last) if as_sympy(last).is_number else Mul(S.NegativeOne, last, evaluate=False)
    return Add(*first, neg, evaluate=False)


def huge(value: Any) -> bool:
    """True for a rational whose digits exceed ``HUGE_DIGITS`` (or any expression holding one)."""
    from sympy import Basic, Rational

    if isinstance(value, Rational):
        return int(value.p).bit_length() + int(value.q).bit_length() > 3.33 * HUGE_DIGITS
    if isinstance(value, Basic):
        return any(huge(a) for a in value.atoms(Rational))
    return False


def exact_sqrt(q: Any) -> Any:
    """The exact square root of a non-negative rational: a rational, a surd, or for
    huge numbers an unevaluated root (SymPy's surd simplification would factor them).
    """
    from sympy import Integer, Pow, Rational, S, sqrt

    q = Rational(q)
    if q < 0:
        raise ValueError("square root of a negative number")
    if q == 0:
        return Integer(0)
    import flint

    p_, q_ = flint.fmpz(int(q.p)), flint.fmpz(int(q.q))
    rp, ep = p_.sqrtrem()
    rq, eq = q_.sqrtrem()
    if ep == 0 and eq == 0:
        return Rational(int(rp), int(rq))
    if not huge(q):
        return sqrt(q)
    return Pow(q, S.Half, evaluate=False)


def approx(value: Any, digits: int = APPROX_DIGITS) -> Any:
    """A decimal (SymPy Float) of an exact number, or ``None`` when it is not a number."""
    from sympy import Basic, Float, MatrixBase

    if isinstance(value, MatrixBase):
        return value.applyfunc(lambda v: approx(v, digits))
    if not isinstance(value, Basic) or not value.is_number or value.is_infinite:
        return None
    if isinstance(value, Float):
        return Float(value, digits)
    try:
        return Float(value.evalf(digits + 5), digits)
    except (TypeError, ValueError):  # pragma: no cover - not a real number
        return None


def substitute(formula: Any, values: Mapping[Any, Any]) -> Any:
    """Put the values into the formula and evaluate (exact)."""
    from sympy import Basic

    if not isinstance(formula, Basic):
        return formula
    out = formula.xreplace(dict(values))
    return out.doit() if hasattr(out, "doit") else out


def quantity_step(rule: Any, name: Any, formula: Any, values: Mapping[Any, Any],
                  value: Any = None, **extra: Any) -> Step:
    """A step computing quantity ``name`` from ``formula`` with ``values`` (``after`` = value).

    ``value`` defaults to the formula evaluated at the values; pass it when it was computed
    faster another way (the verifier still recomputes it from the formula).
    """
    from sympy import Basic, Dict, Symbol

    from symbolic_mlmath.text.convert import as_sympy

    vals = {k: (as_sympy(v) if not isinstance(v, Basic | Lazy) else v) for k, v in values.items()}
    if value is None:
        value = substitute(formula, vals)
    label = Symbol(name) if isinstance(name, str) else name
    given = {"name": label, "formula": formula, "values": Dict(vals), **extra}
    if "approx" not in given:
        a = approx(value) if isinstance(value, Basic) and not value.is_Integer else None
        if a is not None:
            given["approx"] = a
    return Step(rule, None, value, given=given)


def numeric_equal(a: Any, b: Any, digits: int = 40) -> bool:
    """True when two numbers (or matrices) agree to ``digits`` significant digits."""
    from sympy import Abs, MatrixBase

    if isinstance(a, MatrixBase) or isinstance(b, MatrixBase):
        if not (isinstance(a, MatrixBase) and isinstance(b, MatrixBase)) or a.shape != b.shape:
            return False
        return all(numeric_equal(x, y, digits) for x, y in zip(a, b, strict=True))
    if a == b:
        return True
    try:
        da, db = a.evalf(digits + 10), b.evalf(digits + 10)
        scale = max(Abs(da), Abs(db), 1)
        return bool(Abs(da - db) <= scale * 10 ** (-digits))
    except (TypeError, AttributeError):
        return False


def check_formula(step: Step) -> str | None:
    """The verifier of a quantity step: the formula at the values gives ``after``."""
    from sympy import Float

    from symbolic_mlmath.core.verify import same_value

    g = step.given
    if "formula" not in g:
        return "a quantity step needs its formula"
    want = substitute(g["formula"], g["values"])
    got = step.after
    floats = bool(getattr(want, "atoms", lambda *a: ())(Float)) or bool(
        getattr(got, "atoms", lambda *a: ())(Float))
    if floats:
        ok = numeric_equal(want, got, 25)
    elif huge(want) or huge(got):
        ok = numeric_equal(want, got)
    else:
        ok = same_value(want, got)
    if not ok:
        return f"{g['name']} = {g['formula']} gives {want}, not {got}"
    return None


class DMLazy(Lazy):
    """A DomainMatrix (python-flint rationals) turned into an ImmutableMatrix when read."""

    __slots__ = ("dm",)

    def __init__(self, dm: Any) -> None:
        self.dm = dm

    def to_sympy(self) -> Any:
        return self.dm.to_Matrix().as_immutable()

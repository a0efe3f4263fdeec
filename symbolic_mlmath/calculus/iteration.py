"""Shared pieces of the iterative methods (gradient descent, Newton): precision and tables.

An iteration is carried exactly (rationals) while the numbers stay small, then in
high-precision decimals whose precision is stated (:class:`Precision`); every table
row is kept as exact SymPy numbers or SymPy ``Float`` s of the stated precision.

Examples
========
>>> from sympy import Rational
>>> p = Precision.read("auto")
>>> p.keeps_exact([Rational(1, 3), Rational(22, 7)]), p.keeps_exact([Rational(1, 10**20)])
(True, False)
>>> Precision.read("15").digits, Precision.read("exact").mode
(15, 'exact')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sympy import Tuple

from symbolic_mlmath.core.errors import InputError

__all__ = [
    "MAX_ITERATIONS",
    "Iterates",
    "Precision",
    "as_sympy_number",
    "decimal",
    "read_iterations",
    "read_point",
    "read_tolerance",
]

#: Iterations carried in exact or high-precision arithmetic at most (floats beyond).
MAX_ITERATIONS = 1000
_SMALL_DIGITS = 12  # "small" exact numbers: numerator and denominator below 10**12
_DEFAULT_DIGITS = 30


@dataclass(frozen=True)
class Precision:
    """How an iteration is carried: ``auto`` (exact while small, then decimals),
    ``exact`` (always exact), or ``decimal`` (decimals of ``digits`` significant digits)."""

    mode: str = "auto"
    digits: int = _DEFAULT_DIGITS

    @classmethod
    def read(cls, value: Any, name: str = "precision") -> Precision:
        """Read the learner's option: ``auto``, ``exact`` or a number of digits (5-100)."""
        if value is None or isinstance(value, Precision):
            return value or cls()
        text = str(value).strip().lower()
        if text in {"auto", ""}:
            return cls()
        if text in {"exact", "rational", "fractions"}:
            return cls("exact")
        if text.isdigit() and 5 <= int(text) <= 100:
            return cls("decimal", int(text))
        raise InputError(f"expected auto, exact or a number of digits from 5 to 100, got "
                         f"{str(value)[:30]!r}", name=name)

    def keeps_exact(self, values: Iterable[Any]) -> bool:
        """Whether exact values may stay exact under this policy."""
        if self.mode == "decimal":
            return False
        vals = list(values)
        if not all(getattr(v, "is_Rational", False) for v in vals):
            return False
        if self.mode == "exact":
            return True
        bound = 10**_SMALL_DIGITS
        return all(abs(v.p) < bound and v.q < bound for v in vals)

    def describe(self) -> str:
        """The precision as a phrase for the derivation."""
        if self.mode == "exact":
            return "exact rationals"
        if self.mode == "decimal":
            return f"decimals with {self.digits} significant digits"
        power = str(_SMALL_DIGITS).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
        return (f"exact rationals while numerator and denominator stay below 10{power}, "
                f"then decimals with {self.digits} significant digits")


def decimal(value: Any, digits: int) -> Any:
    """``value`` (SymPy, mpmath or float) as a SymPy ``Float`` of ``digits`` digits.

    Examples
    ========
    >>> from sympy import Rational
    >>> decimal(Rational(1, 3), 5)
    0.33333
    """
    import mpmath
    from sympy import Float

    if isinstance(value, mpmath.mpf):
        return Float(value, digits)
    if hasattr(value, "evalf"):
        return Float(value.evalf(digits + 5), digits)
    return Float(value, digits)


def as_sympy_number(value: Any) -> Any:
    """A ``Fraction`` or int as a SymPy Rational (other values through the text door)."""
    from fractions import Fraction

    from sympy import Integer, Rational

    from symbolic_mlmath.text.convert import as_sympy

    if isinstance(value, Fraction):
        return Rational(value.numerator, value.denominator)
    if isinstance(value, int):
        return Integer(value)
    return as_sympy(value)


def read_iterations(value: Any, name: str = "iterations", cap: int = 10_000) -> int:
    """A whole number of iterations from 1 to ``cap``."""
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise InputError(f"expected a whole number of iterations, got {str(value)[:30]!r}",
                         name=name) from None
    if not 1 <= n <= cap or (hasattr(value, "is_Integer") and not value.is_Integer):
        raise InputError(f"expected a whole number from 1 to {cap}, got {value}", name=name)
    return n


def read_tolerance(value: Any, name: str = "tolerance") -> Any:
    """A positive exact number (or None)."""
    from symbolic_mlmath.text.convert import as_sympy

    if value is None:
        return None
    v = as_sympy(value)
    if not v.is_number or not v.is_positive:
        raise InputError(f"expected a positive number, got {value}", name=name)
    return v


def read_point(value: Any, variables: Sequence[Any], name: str = "x0") -> Any:
    """A starting point as a column vector with one number per variable."""
    from sympy import ImmutableMatrix, MatrixBase

    from symbolic_mlmath.text.convert import as_sympy

    if isinstance(value, MatrixBase):
        entries = list(value)
    elif isinstance(value, list | tuple):
        entries = [as_sympy(v) for v in value]
    else:
        entries = [as_sympy(value)]
    if len(entries) != len(variables):
        raise InputError(f"expected {len(variables)} coordinate"
                         f"{'s' if len(variables) > 1 else ''} (one per variable "
                         f"{', '.join(map(str, variables))}), got {len(entries)}", name=name)
    for e in entries:
        if not getattr(e, "is_number", False) or e.is_real is False:
            raise InputError(f"coordinates must be real numbers, got {e}", name=name)
    return ImmutableMatrix(entries)


class Iterates(Tuple):
    """The iterates ``x_0, ..., x_K`` of a method (a SymPy tuple of points).

    Printed in full when short; long runs print their first two and last iterates (the
    iteration table shows them all, and JSON keeps every one).

    Examples
    ========
    >>> from sympy import Integer
    >>> str(Iterates(*[Integer(k) for k in range(10)]))
    '[0, 1, ..., 9] (10 iterates)'
    >>> list(Iterates(Integer(1), Integer(2)))
    [1, 2]
    """

    _SHOW = 6

    def _parts(self, show: Any) -> str:
        items = list(self.args)
        if len(items) <= self._SHOW:
            return "[" + ", ".join(show(i) for i in items) + "]"
        head = ", ".join(show(i) for i in items[:2])
        return f"[{head}, ..., {show(items[-1])}] ({len(items)} iterates)"

    def _sympystr(self, printer: Any) -> str:
        return self._parts(printer._print)

    def _latex(self, printer: Any) -> str:
        items = list(self.args)
        if len(items) <= self._SHOW:
            return r"\left[" + ", ".join(printer._print(i) for i in items) + r"\right]"
        head = ", ".join(printer._print(i) for i in items[:2])
        last = printer._print(items[-1])
        return rf"\left[{head}, \ldots, {last}\right]\ \text{{({len(items)} iterates)}}"

    def _pretty(self, printer: Any) -> Any:
        from sympy.printing.pretty.stringpict import prettyForm
        from sympy.printing.str import sstr

        return prettyForm(self._parts(sstr))

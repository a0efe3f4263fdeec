"""Reading data and tables exactly: decimals are fractions (``0.1`` is 1/10).

:func:`read_data` reads a list of numbers (Python numbers, strings, numpy arrays, or one
string separated by commas, semicolons, spaces or newlines, with or without brackets) into
a :class:`Data`: integers ``nums`` over one common denominator ``den``, so sums, means and
variances of 10^5 values are exact integer arithmetic. Plain decimals (``-12.5``,
``0.429796848199937E-03``, Fortran ``1.5D+02``) are read by a strict pattern; anything else
(``1/3``) goes through the text door and must be a rational number. Python floats are read
from their shortest repr, as everywhere in the package (``0.1`` -> 1/10).

:func:`read_mapping` reads a dict given as a Python mapping, JSON text or ``key: value``
text (``"spam: 0.4, ham: 0.6"``, nested with braces); its values stay as given for the
caller to read (with ``read_probability`` or the text door). :func:`read_key` reads a key
such as ``"(0, 1)"`` into a tuple of exact numbers.

Examples
========
>>> d = read_data("0.1, 0.2, 0.3")
>>> d.nums, d.den, d.values()
((1, 2, 3), 10, (1/10, 1/5, 3/10))
>>> sum(read_data([0.1, 0.2]).values())
3/10
>>> read_data("1/3 2/3").values()
(1/3, 2/3)
>>> read_data("1, two")
Traceback (most recent call last):
...
symbolic_mlmath.core.errors.ParseError: data, item 2: expected a number, got an expression in two
>>> read_mapping("spam: 0.4, ham: 0.6")
{'spam': '0.4', 'ham': '0.6'}
>>> read_mapping('{"free": {"spam": 0.3, "ham": 0.05}}')
{'free': {'spam': 0.3, 'ham': 0.05}}
>>> read_key("(0, 1/2)")
(0, 1/2)
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from symbolic_mlmath.core.errors import InputError, LimitError, ParseError

__all__ = [
    "MAX_DATA_CHARACTERS",
    "MAX_DATA_ITEMS",
    "Data",
    "read_data",
    "read_key",
    "read_mapping",
    "read_probability",
]

#: At most this many values in one data set.
MAX_DATA_ITEMS = 1_000_000
#: At most this many characters of data text.
MAX_DATA_CHARACTERS = 20_000_000
_MAX_DEN_DIGITS = 2000

_DECIMAL = re.compile(r"^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eEdD]([+-]?[0-9]{1,6}))?$")
_SEPARATORS = re.compile(r"[,;\s]+")
_PLAIN_CHARS = re.compile(r"[0-9.+-]*")


@dataclass(frozen=True)
class Data:
    """Exact data: value ``i`` is ``nums[i] / den`` (Python integers, ``den > 0``).

    Examples
    ========
    >>> d = read_data([1.5, 2, "-0.25"])
    >>> len(d), d[0], d.den
    (3, 3/2, 4)
    """

    nums: tuple[int, ...]
    den: int

    def __len__(self) -> int:
        return len(self.nums)

    def __getitem__(self, i: int) -> Any:
        from sympy import Rational

        return Rational(self.nums[i], self.den)

    def values(self) -> tuple:
        """The values as SymPy Rationals."""
        from sympy import Rational

        d = self.den
        return tuple(Rational(n, d) for n in self.nums)

    def fractions(self) -> list[Fraction]:
        """The values as Python Fractions (fast exact arithmetic)."""
        d = self.den
        return [Fraction(n, d) for n in self.nums]

    def floats(self) -> list[float]:
        """The values as floats (for plots and numeric cross-checks)."""
        d = self.den
        return [n / d for n in self.nums]


def _limit_text(text: str, name: str) -> None:
    if len(text) > MAX_DATA_CHARACTERS:
        raise LimitError(f"data too long ({len(text)} characters, limit {MAX_DATA_CHARACTERS})",
                         name=name)


def _decimal(text: str, name: str) -> Fraction | None:
    """A plain decimal literal as a Fraction, or None when ``text`` is not one."""
    from symbolic_mlmath.text.limits import get_limits

    m = _DECIMAL.match(text)
    if not m or not (m.group(2) or m.group(3)):
        return None
    sign, whole, frac, exp = m.group(1), m.group(2), m.group(3) or "", m.group(4)
    digits = (whole + frac).lstrip("0") or "0"
    lim = get_limits().max_literal_digits
    e = int(exp) if exp else 0
    if len(digits) > lim or abs(e) > lim:
        raise LimitError(f"number {text[:30]} has too many digits (limit {lim})", name=name)
    e -= len(frac)
    n = int(digits)
    value = Fraction(n * 10**e) if e >= 0 else Fraction(n, 10**-e)
    return -value if sign == "-" else value


def _item(value: Any, name: str) -> Fraction:
    if isinstance(value, bool):
        raise ParseError(f"expected a number, got {value}", name=name)
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, Fraction):
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ParseError(f"expected a finite number, got {value}", name=name)
        return Fraction(value)
    if isinstance(value, numbers.Real) and not hasattr(value, "free_symbols"):
        f = float(value)
        if not math.isfinite(f):
            raise ParseError(f"expected a finite number, got {f}", name=name)
        return _decimal(repr(f), name) or Fraction(f)
    if isinstance(value, str):
        text = value.strip()
        fast = _decimal(text, name)
        if fast is not None:
            return fast
    from symbolic_mlmath.text import parse_number

    got = parse_number(value, name=name)
    if not got.is_Rational:
        raise ParseError(f"data values must be rational numbers, got {got}", name=name)
    return Fraction(int(got.p), int(got.q))


def _items(value: Any, name: str) -> list[Any]:
    if isinstance(value, Data):
        return list(value.fractions())
    if isinstance(value, str):
        _limit_text(value, name)
        text = value.strip()
        if text[:1] in "[(" and text[-1:] in "])":
            text = text[1:-1]
        return [t for t in _SEPARATORS.split(text) if t]
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if hasattr(value, "free_symbols") and hasattr(value, "shape"):  # a SymPy matrix
        value = list(value)
    if isinstance(value, list | tuple):
        if value and all(isinstance(v, list | tuple) for v in value) and all(
                len(v) == 1 for v in value):
            value = [v[0] for v in value]
        return list(value)
    raise ParseError(f"expected a list of numbers, got {type(value).__name__}", name=name)


def _scaled(text: str, lim: int) -> tuple[int, int] | None:
    """A plain decimal literal as ``(n, e)`` meaning ``n * 10**e``, or None."""
    m = _DECIMAL.match(text)
    if not m or not (m.group(2) or m.group(3)):
        return None
    whole, frac, exp = m.group(2), m.group(3) or "", m.group(4)
    if len(whole) + len(frac) > lim or (exp and abs(int(exp)) > lim):
        return None  # the slow path names the limit
    n = int(whole + frac) if whole or frac else 0
    return (-n if m.group(1) == "-" else n), (int(exp) if exp else 0) - len(frac)


def _plain(items: list[str], lim: int) -> list[tuple[int, int]]:
    """Decimals without exponents as ``(n, -places)``; ValueError for anything else."""
    joined = "".join(items)
    if not _PLAIN_CHARS.fullmatch(joined) or max(map(len, items)) > lim:
        raise ValueError("not plain decimals")
    out = []
    for v in items:  # int() refuses "1.2.3" (-> "12.3"), "", "+", "--1"
        whole, _, frac = v.partition(".")
        if frac[:1] in ("+", "-"):
            raise ValueError(v)
        out.append((int(whole + frac), -len(frac)))
    return out


def read_data(value: Any, *, name: str = "data", min_items: int = 1) -> Data:
    """Read a list of numbers exactly into :class:`Data` (one line errors name the item).

    Examples
    ========
    >>> read_data("[2, 4.5, 1e-3]").values()
    (2, 9/2, 1/1000)
    >>> read_data([])
    Traceback (most recent call last):
    ...
    symbolic_mlmath.core.errors.InputError: data: needs at least 1 value, got 0
    """
    from symbolic_mlmath.text.limits import get_limits

    items = _items(value, name)
    if len(items) > MAX_DATA_ITEMS:
        raise LimitError(f"too many values ({len(items)}, limit {MAX_DATA_ITEMS})", name=name)
    if len(items) < min_items:
        raise InputError(f"needs at least {min_items} value{'s' if min_items > 1 else ''}, "
                         f"got {len(items)}", name=name)
    lim = get_limits().max_literal_digits
    if all(isinstance(v, str) for v in items):  # fast path: decimals as n * 10^e
        try:
            scaled = _plain(items, lim)
        except ValueError:
            scaled = [_scaled(v, lim) for v in items]
        if all(s is not None for s in scaled):
            low = min(0, *(e for _, e in scaled))
            if -low <= _MAX_DEN_DIGITS:
                return Data(tuple(n * 10 ** (e - low) for n, e in scaled), 10**-low)
    fracs = [_item(v, f"{name}, item {i}") for i, v in enumerate(items, 1)]
    den = 1
    for f in fracs:
        if den % f.denominator:
            den = den * f.denominator // math.gcd(den, f.denominator)
            if den.bit_length() > 3.33 * _MAX_DEN_DIGITS:
                raise LimitError(f"the values need a common denominator of more than "
                                 f"{_MAX_DEN_DIGITS} digits", name=name)
    return Data(tuple(f.numerator * (den // f.denominator) for f in fracs), den)


def read_probability(value: Any, *, name: str = "probability") -> Any:
    """One probability, exact, between 0 and 1: ``"0.3"``, ``"1/6"``, ``"30%"``.

    Examples
    ========
    >>> read_probability("30%"), read_probability(0.25)
    (3/10, 1/4)
    """
    from sympy import Rational

    from symbolic_mlmath.text import parse_number

    percent = isinstance(value, str) and value.strip().endswith("%")
    raw = value.strip()[:-1] if percent else value
    p = parse_number(raw, name=name)
    if percent:
        p = p / 100
    if p.is_Rational is not True and not p.is_number:
        raise ParseError(f"expected a probability, got {p}", name=name)
    if not (0 <= p <= 1):
        raise InputError(f"a probability is between 0 and 1, got {p}", name=name)
    return p if not p.is_Rational else Rational(p)


# ------------------------------------------------------------------ mappings
def _split_top(text: str, sep: str, name: str) -> list[str]:
    parts, depth, cur, quote = [], 0, [], ""
    for ch in text:
        if quote:
            cur.append(ch)
            if ch == quote:
                quote = ""
            continue
        if ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth < 0:
                raise ParseError("unbalanced brackets", name=name)
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if depth or quote:
        raise ParseError("unbalanced brackets or quotes", name=name)
    parts.append("".join(cur))
    return parts


def _unquote(text: str) -> str:
    t = text.strip()
    if len(t) >= 2 and t[0] == t[-1] and t[0] in "\"'":
        return t[1:-1]
    return t


def _lenient(text: str, name: str, depth: int = 0) -> dict:
    if depth > 5:
        raise LimitError("mapping nested too deeply", name=name)
    t = text.strip()
    if t.startswith("{") and t.endswith("}"):
        t = t[1:-1]
    out: dict[str, Any] = {}
    for part in _split_top(t, ",", name):
        if not part.strip():
            continue
        kv = _split_top(part, ":", name)
        if len(kv) != 2:
            raise ParseError(f"expected key: value, got {part.strip()[:40]!r}", name=name)
        key, val = _unquote(kv[0]), kv[1].strip()
        if not key:
            raise ParseError("an empty key", name=name)
        if key in out:
            raise ParseError(f"{key!r} is given twice", name=name)
        out[key] = _lenient(val, f"{name}[{key}]", depth + 1) if val.startswith("{") else \
            _unquote(val)
    if not out:
        raise ParseError("an empty mapping", name=name)
    return out


def read_mapping(value: Any, *, name: str = "value") -> dict:
    """A dict from a Python mapping, JSON text, or ``key: value`` text (values as given)."""
    import json

    from symbolic_mlmath.text.limits import get_limits

    if isinstance(value, Mapping):
        if len(value) > get_limits().max_matrix_entries * 10:
            raise LimitError("too many entries", name=name)
        return dict(value)
    if not isinstance(value, str):
        raise ParseError(f"expected a mapping such as {{a: 1/2, b: 1/2}}, got "
                         f"{type(value).__name__}", name=name)
    if len(value) > get_limits().max_structured_length:
        raise LimitError(f"input too long ({len(value)} characters)", name=name)
    text = value.strip()
    if text.startswith("{"):
        try:
            loaded = json.loads(text)
        except ValueError:
            loaded = None
        if isinstance(loaded, dict):
            if not loaded:
                raise ParseError("an empty mapping", name=name)
            return loaded
    return _lenient(text, name)


def read_key(key: Any, *, name: str = "key") -> Any:
    """A mapping key as exact numbers: ``"(0, 1)"`` or ``(0, 1)`` -> a tuple, ``"2"`` -> 2.

    Words (``"spam"``) stay strings.
    """
    from symbolic_mlmath.text import parse_number

    if isinstance(key, tuple | list):
        return tuple(read_key(k, name=name) for k in key)
    if isinstance(key, str):
        t = key.strip()
        if t[:1] in "([" and t[-1:] in ")]":
            return tuple(read_key(p, name=name) for p in _split_top(t[1:-1], ",", name))
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_ ]*", t):
            return t
        return parse_number(t, name=name)
    return parse_number(key, name=name)

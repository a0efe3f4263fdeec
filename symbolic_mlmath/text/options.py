"""Options are learner text too: tolerances, choices, counts, seeds, names and free text.

Every option a task, the API or the command line takes is read here, through the same
normaliser, tokenizer and limits as any answer (``parse``), so an option can never run code,
hang, or reach SymPy's string parser. Each reader returns a plain, bounded value or raises a
one-line :class:`~symbolic_mlmath.core.errors.InputError` naming the option.

Examples
========
>>> parse_tolerance("1e-3"), parse_tolerance("1/100"), parse_tolerance(None)
(1/1000, 1/100, None)
>>> parse_choice(" Cofactor ", ("cofactor", "sarrus"), name="method")
'cofactor'
>>> parse_count("12", name="count", low=1, high=100)
12
>>> parse_tolerance("10**10**10", name="abs_tol")
Traceback (most recent call last):
...
symbolic_mlmath.core.errors.LimitError: abs_tol: power too large (10^10000000000 has about 10000000000 digits)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from symbolic_mlmath.core.errors import InputError, LimitError, ParseError
from symbolic_mlmath.text.words import NO_WORDS, YES_WORDS

__all__ = [
    "DETAILS",
    "MAX_OPTION_LENGTH",
    "parse_bool",
    "parse_choice",
    "parse_count",
    "parse_detail",
    "parse_name",
    "parse_seed",
    "parse_text",
    "parse_tolerance",
]

#: How much of a derivation's steps to show (``render``, ``to_text``, ``--detail``).
DETAILS = ("overview", "standard", "full")
#: Characters in a choice, a name or a short free-text option.
MAX_OPTION_LENGTH = 200
_NAME = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
_TRUE = YES_WORDS | {"1", "on"}
_FALSE = NO_WORDS | {"0", "off"}


def _shown(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def parse_text(value: Any, *, name: str = "option", max_length: int = MAX_OPTION_LENGTH) -> str:
    """Short free text: normalised (NFKC, no control or bidi characters), bounded in length.

    >>> parse_text("  R^3 ", name="space"), parse_text(2, name="ord")
    ('R^3', '2')
    """
    import numbers

    from symbolic_mlmath.text.tokenize import normalise

    if (isinstance(value, numbers.Number) and not isinstance(value, bool)) or (
            type(value).__module__.startswith("sympy") and hasattr(value, "free_symbols")):
        value = str(value)  # a Python or SymPy number given for a word option (ord=2)
    if not isinstance(value, str):
        raise ParseError(f"expected text, got {type(value).__name__}", name=name)
    if len(value) > max_length:
        raise LimitError(f"too long ({len(value)} characters, limit {max_length})", name=name)
    return " ".join(normalise(value, name).split())


def parse_choice(
    value: Any,
    choices: Iterable[str],
    *,
    name: str = "option",
    aliases: Mapping[str, str] | None = None,
) -> str:
    """One of ``choices`` (case, spacing, ``_``/``-`` and full-width forms do not matter).

    >>> parse_choice("Gauss_Jordan", ("gauss-jordan", "formula"), name="method")
    'gauss-jordan'
    """
    options = tuple(choices)
    text = parse_text(value if isinstance(value, str) else str(value), name=name)
    key = text.lower().replace("_", "-").replace(" ", "-")
    table = {c.lower().replace("_", "-").replace(" ", "-"): c for c in options}
    for alias, target in (aliases or {}).items():
        table[alias.lower().replace("_", "-").replace(" ", "-")] = target
    if key in table:
        return table[key]
    raise InputError(f"unknown value {_shown(value)}; choose one of {', '.join(options)}",
                     name=name)


def parse_detail(value: Any, *, name: str = "detail") -> str:
    """A detail level, one of :data:`DETAILS` (learner spelling read as by ``parse_choice``).

    >>> parse_detail(" Full "), parse_detail("OVERVIEW")
    ('full', 'overview')
    >>> parse_detail("all")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symbolic_mlmath.core.errors.InputError: detail: unknown value 'all'; choose one of ...
    """
    return parse_choice(value, DETAILS, name=name)


def parse_bool(value: Any, *, name: str = "option") -> bool:
    """``true``/``false`` (also yes/no, 1/0, on/off) or a Python bool.

    >>> parse_bool("Yes"), parse_bool(False)
    (True, False)
    """
    if isinstance(value, bool):
        return value
    text = parse_text(value if isinstance(value, str) else str(value), name=name).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError(f"expected true or false, got {_shown(value)}", name=name)


def _number(value: Any, name: str) -> Any:
    from symbolic_mlmath.text.parse import parse_number

    if isinstance(value, str) and not value.strip():
        raise ParseError("empty input", name=name)
    return parse_number(value, name=name)


def parse_count(value: Any, *, name: str = "count", low: int = 0, high: int = 10**6) -> int:
    """A whole number between ``low`` and ``high`` (both included).

    >>> parse_count("1e2", name="count", high=1000)
    100
    """
    if isinstance(value, bool):
        raise ParseError(f"expected a whole number, got {value}", name=name)
    n = _number(value, name)
    if not n.is_Integer:
        raise ParseError(f"expected a whole number, got {_shown(value)}", name=name)
    if n < low:
        raise InputError(f"must be at least {low}, got {n}", name=name)
    if n > high:
        raise InputError(f"must be at most {high}", name=name)
    return int(n)


def parse_seed(value: Any, *, name: str = "seed") -> int:
    """A random seed: a whole number from 0 to 10^100.

    >>> parse_seed("2024")
    2024
    """
    return parse_count(value, name=name, low=0, high=10**100)


def parse_name(value: Any, *, name: str = "name") -> str:
    """An identifier such as a topic id (``c1w1-systems``): letters, digits, ``-`` and ``_``.

    >>> parse_name("C1W1-Systems", name="topic")
    'c1w1-systems'
    """
    text = parse_text(value if isinstance(value, str) else str(value), name=name,
                      max_length=80).lower()
    if not _NAME.match(text):
        raise ParseError(f"{_shown(value)} is not a valid name (letters, digits, - and _)",
                         name=name)
    return text


def parse_tolerance(value: Any, *, name: str = "tolerance") -> Any:
    """A tolerance: a non-negative, finite, exact number (``0.01``, ``1e-3``, ``1/100``).

    ``None`` means no tolerance. Floats are read from their shortest repr.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ParseError(f"expected a number such as 0.01, got {value}", name=name)
    try:
        tol = _number(value, name)
    except LimitError:
        raise
    except ParseError as exc:
        reason = str(exc).removeprefix(f"{name}: ")
        if reason == "empty input":
            raise
        raise ParseError(f"expected a number such as 0.01, 1e-3 or 1/100, got {_shown(value)} "
                         f"({reason})", name=name) from None
    if tol.is_extended_real is False or tol.has(*_imaginary()):
        raise ParseError(f"a tolerance must be a real number, got {_shown(value)}", name=name)
    if tol.is_finite is False or tol.is_infinite:
        raise ParseError(f"a tolerance must be finite, got {_shown(value)}", name=name)
    if not tol.is_Rational:
        raise ParseError(f"expected a number such as 0.01, 1e-3 or 1/100, got {_shown(value)}",
                         name=name)
    if tol < 0:
        raise ParseError(f"a tolerance must not be negative, got {_shown(value)}", name=name)
    return tol


def _imaginary() -> tuple:
    from sympy import I

    return (I,)

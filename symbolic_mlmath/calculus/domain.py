"""Domains of optimisation problems: ``x > 0``, ``0 <= x <= 5``, ``[0, 5]``, ``x in (0, 1)``.

The text door reads expressions but not inequalities, so a domain is split here at its
comparison signs, commas and the word ``in``, and every piece (a bound, a variable name)
goes through the text door; nothing is evaluated. The result maps each variable to a
SymPy ``Interval``; variables not named range over the real line.

Examples
========
>>> from sympy import Symbol
>>> x, y = Symbol("x"), Symbol("y")
>>> read_domain("x > 0", (x,))
{x: Interval.open(0, oo)}
>>> read_domain("0 <= x <= 5, y < 1", (x, y))
{x: Interval(0, 5), y: Interval.open(-oo, 1)}
>>> read_domain("[0, 2 pi)", (x,))
{x: Interval.Ropen(0, 2*pi)}
>>> read_domain("x in (0, 1)", (x,))
{x: Interval.open(0, 1)}
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from symbolic_mlmath.core.errors import InputError

__all__ = ["in_domain", "read_domain"]

_CMP = re.compile(r"(<=|>=|≤|≥|<|>)")
_INTERVAL = re.compile(r"^\s*([\[(])(.*),(.*)([\])])\s*$", re.S)
_MAX = 400


def _number(text: str) -> Any:
    from symbolic_mlmath.text import parse_number

    return parse_number(text.strip(), name="domain")


def _interval(text: str) -> Any:
    from sympy import Interval

    m = _INTERVAL.match(text)
    if not m:
        return None
    lo, hi = _number(m.group(2)), _number(m.group(3))
    if not (lo < hi):
        raise InputError(f"the interval {text.strip()} is empty", name="domain")
    return Interval(lo, hi, left_open=m.group(1) == "(", right_open=m.group(4) == ")")


def _symbol(text: str, variables: tuple) -> Any:
    names = {str(v): v for v in variables}
    key = text.strip()
    if key not in names:
        raise InputError(f"{key!r} is not one of the variables ({', '.join(names)})",
                         name="domain")
    return names[key]


def _chain(text: str, variables: tuple) -> tuple[Any, Any]:
    """``a < x <= b``, ``x > a``, ``b >= x``: the variable and its interval."""
    from sympy import Interval, oo

    parts = _CMP.split(text)
    terms, ops = parts[::2], parts[1::2]
    if len(terms) not in (2, 3):
        raise InputError(f"cannot read {text.strip()!r}; write e.g. x > 0 or 0 <= x <= 5",
                         name="domain")
    idx = [k for k, t in enumerate(terms) if t.strip() in {str(v) for v in variables}]
    if len(idx) != 1:
        raise InputError(f"{text.strip()!r} must name exactly one variable", name="domain")
    k = idx[0]
    var = _symbol(terms[k], variables)
    lo, hi, lo_open, hi_open = -oo, oo, True, True
    for j, op in enumerate(ops):
        other = terms[j] if j != k else terms[j + 1]
        bound = _number(other)
        less = op in ("<", "<=", "≤")
        strict = op in ("<", ">")
        var_left = j == k  # the variable is on the left of this sign
        upper = less if var_left else not less
        if upper:
            hi, hi_open = bound, strict
        else:
            lo, lo_open = bound, strict
    if not (lo < hi):
        raise InputError(f"{text.strip()!r} describes an empty set", name="domain")
    return var, Interval(lo, hi, left_open=lo_open or lo == -oo, right_open=hi_open or hi == oo)


def read_domain(domain: Any, variables: tuple) -> dict:
    """``{variable: Interval}`` from learner text, an Interval, a mapping or a relational."""
    from sympy import Interval, Set
    from sympy.core.relational import Relational

    if domain is None or domain == "":
        return {}
    if isinstance(domain, Mapping):
        return {_symbol(str(k), variables): v if isinstance(v, Set) else read_domain(v, (k,))[k]
                for k, v in domain.items()}
    if isinstance(domain, Interval):
        if len(variables) != 1:
            raise InputError("name the variable of each interval, e.g. x in [0, 1]",
                             name="domain")
        return {variables[0]: domain}
    if isinstance(domain, Relational):
        domain = str(domain)
    if isinstance(domain, list | tuple):
        out: dict = {}
        for piece in domain:
            out.update(read_domain(piece, variables))
        return out
    text = str(domain)
    if len(text) > _MAX:
        raise InputError(f"domain too long ({len(text)} characters)", name="domain")
    whole = _interval(text)
    if whole is not None:
        if len(variables) != 1:
            raise InputError("name the variable of each interval, e.g. x in [0, 1]",
                             name="domain")
        return {variables[0]: whole}
    out = {}
    for piece in _split(text):
        if " in " in f" {piece} ":
            name, _, rest = piece.partition(" in ")
            iv = _interval(rest)
            if iv is None:
                raise InputError(f"cannot read the interval in {piece.strip()!r}", name="domain")
            var = _symbol(name, variables)
        else:
            var, iv = _chain(piece, variables)
        out[var] = out[var].intersect(iv) if var in out else iv
        if out[var].is_empty:
            raise InputError(f"the conditions on {var} leave no values", name="domain")
    return out


def _split(text: str) -> list[str]:
    """Split at commas/semicolons/'and' that are not inside brackets."""
    pieces, depth, cur = [], 0, ""
    for ch in text.replace(" and ", ";"):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch in ",;" and depth == 0:
            pieces.append(cur)
            cur = ""
        else:
            cur += ch
    pieces.append(cur)
    return [p for p in pieces if p.strip()]


def in_domain(point: Mapping, domain: Mapping) -> bool | None:
    """Whether every coordinate of ``point`` lies in its interval (None: cannot tell, as
    for a point with symbolic parameters)."""
    from sympy import false, true

    answer: bool | None = True
    for var, iv in domain.items():
        v = point.get(var)
        if v is None:
            continue
        inside = iv.contains(v)
        if inside is false:
            return False
        if inside is not true:
            answer = None
    return answer

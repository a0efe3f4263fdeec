"""Reading distributions from learner text: family names, parameters, keywords, tables.

The grammar is small and fixed: a family name (or an alias such as ``N``, ``Bin``,
``chi^2``), then parameters in brackets, positional or ``name=value``; every value is read
by the text door (``symbolic_mlmath.text.parse_expr``), so ``0.3`` is 3/10 and ``mu`` a
symbol. :func:`~.distributions.parse_distribution` is the public entry point.

Examples
========
>>> family_name("Chi-squared", "d"), split_args("10, p=0.3", "d")
('chi2', ['10', ' p=0.3'])
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .families import ALIASES, FAMILIES

__all__ = ["CALL", "KEY", "assign_params", "family_name", "finite_table", "read_param",
           "split_args"]


def _err(message: str, name: str) -> Exception:
    from symbolic_mlmath.core.errors import InputError

    return InputError(message, name=name)


CALL = re.compile(r"^\s*([^\W\d][\w\s^²\-]*?)\s*(?:\((.*)\))?\s*$", re.DOTALL)
KEY = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_^]*)\s*=(?!=)(.*)$", re.DOTALL)

_KEYWORDS: dict[str, dict[str, str]] = {
    "bernoulli": {"p": "p", "prob": "p"},
    "coin": {"p": "p", "prob": "p"},
    "binomial": {"n": "n", "trials": "n", "size": "n", "p": "p", "prob": "p"},
    "poisson": {"lam": "lam", "lambda": "lam", "mu": "lam", "mean": "lam", "rate": "lam"},
    "geometric": {"p": "p", "prob": "p"},
    "die": {"n": "n", "sides": "n", "faces": "n"},
    "uniform": {"a": "a", "low": "a", "lower": "a", "min": "a", "b": "b", "high": "b",
                "upper": "b", "max": "b"},
    "normal": {"mu": "mu", "mean": "mu", "m": "mu", "loc": "mu", "sigma": "sigma", "sd": "sigma",
               "std": "sigma", "s": "sigma", "scale": "sigma", "var": "var",
               "variance": "var", "sigma2": "var", "sigma^2": "var", "sigma_sq": "var"},
    "exponential": {"lam": "lam", "lambda": "lam", "rate": "lam", "scale": "scale",
                    "beta": "scale", "mean": "scale"},
    "chi2": {"k": "k", "df": "k", "nu": "k", "n": "k"},
    "t": {"nu": "nu", "df": "nu", "v": "nu", "n": "nu", "k": "nu"},
    "f": {"d1": "d1", "df1": "d1", "m": "d1", "n1": "d1", "dfn": "d1", "d2": "d2",
          "df2": "d2", "n2": "d2", "dfd": "d2"},
    "beta": {"a": "a", "alpha": "a", "b": "b", "beta": "b"},
    "gamma": {"k": "k", "shape": "k", "alpha": "k", "a": "k", "theta": "theta",
              "scale": "theta", "rate": "rate", "beta": "rate"},
}


def family_name(word: str, name: str) -> str:
    key = word.strip().lower().replace(" ", "").replace("-", "").replace("_", "")
    key = key.replace("^2", "2").replace("²", "2").replace("χ", "chi")
    key = ALIASES.get(key, key)
    if key not in FAMILIES:
        known = ", ".join(f for f in FAMILIES)
        raise _err(f"unknown distribution {word.strip()[:30]!r}; known: {known}", name)
    return key


def split_args(text: str, name: str) -> list[str]:
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth < 0:
                raise _err("unbalanced brackets", name)
        if ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if depth:
        raise _err("unbalanced brackets", name)
    parts.append("".join(cur))
    if len(parts) == 1 and not parts[0].strip():
        return []
    if any(not p.strip() for p in parts):
        raise _err("an empty parameter between commas", name)
    return parts


def read_param(raw: Any, name: str) -> Any:
    from symbolic_mlmath.text import parse_expr

    return parse_expr(raw, name=name)


def assign_params(fam: str, positional: list, keyword: dict, name: str) -> tuple:
    from sympy import sqrt

    from symbolic_mlmath.text.convert import as_sympy

    family = FAMILIES[fam]
    want = family.params
    if len(positional) > len(want):
        raise _err(f"{fam} takes {len(want)} parameter{'s' if len(want) > 1 else ''} "
                   f"({', '.join(want)}), got {len(positional)}", name)
    values: dict[str, Any] = dict(zip(want, positional, strict=False))
    table = _KEYWORDS.get(fam, {})
    for key, v in keyword.items():
        canon = table.get(key.lower(), table.get(key))
        if canon is None:
            raise _err(f"{fam} has no parameter {key!r}; its parameters are {', '.join(want)}",
                       name)
        if canon == "var":
            canon, v = "sigma", sqrt(v)
        elif canon == "scale" and fam == "exponential":
            canon, v = "lam", 1 / v
        elif canon == "rate":
            canon, v = "theta", 1 / v
        if canon in values:
            raise _err(f"{canon} is given twice", name)
        values[canon] = v
    for k, v in family.defaults.items():
        values.setdefault(k, as_sympy(v))
    missing = [p for p in want if p not in values]
    if missing:
        raise _err(f"{fam} needs {len(want)} parameter{'s' if len(want) > 1 else ''} "
                   f"({', '.join(want)}); missing {', '.join(missing)}", name)
    ps = tuple(values[p] for p in want)
    problem = family.check(ps)
    if problem:
        raise _err(problem, name)
    return ps


def finite_table(table: Mapping, name: str) -> Any:
    from sympy import Integer

    if not table:
        raise _err("an empty table of probabilities", name)
    pairs = []
    for k, v in table.items():
        value = read_param(k, f"{name}, value {k}")
        prob = read_param(v, f"{name}[{k}]")
        if value.free_symbols or prob.free_symbols:
            raise _err("a table needs numbers", name)
        if not 0 <= prob <= 1:
            raise _err(f"P(X = {value}) = {prob} is not between 0 and 1", name)
        pairs.append((value, prob))
    pairs.sort(key=lambda vp: vp[0])
    if len({v for v, _ in pairs}) != len(pairs):
        raise _err("a value is listed twice", name)
    total = sum((p for _, p in pairs), start=Integer(0))
    if total != 1:
        raise _err(f"the probabilities add up to {total}, not 1", name)
    return tuple(pairs)

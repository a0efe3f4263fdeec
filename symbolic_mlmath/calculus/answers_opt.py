"""Checking optimisation answers: critical points as a set with their kinds, extremes.

A critical-points answer lists points with kinds, separated by ``;`` or new lines:
``x = -1: max; x = 1: min`` or ``(-1, 0): saddle; (1, 0): local min`` (a list of
``{"point": ..., "kind": ...}`` dicts works too). Points compare as a set, exactly (to
25 digits for numeric ones); each kind is checked. A minimize answer is the point
(``x = 7/10``, or a bare value in one variable), optionally with the value
(``x = 7/10, min = 3/5``), or ``none`` when no extreme is attained.

Examples
========
>>> from sympy import Symbol
>>> from symbolic_mlmath.calculus.optimization import derive_critical_points
>>> x = Symbol("x")
>>> d = derive_critical_points(x**3 - 3*x, (x,))
>>> check_critical_points(d, "x = -1: max; x = 1: min").correct
True
>>> print(check_critical_points(d, "x = -1: min; x = 1: min").feedback)
Not correct: x = -1 is a local max, not a local min.
"""

from __future__ import annotations

import re
from typing import Any

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.verdict import Verdict

__all__ = ["check_critical_points", "check_extreme", "read_kind"]

_KIND_WORDS = {
    "local_min": {"min", "minimum", "local min", "local minimum", "local_min", "relative min",
                  "relative minimum", "minimiser", "minimizer"},
    "local_max": {"max", "maximum", "local max", "local maximum", "local_max", "relative max",
                  "relative maximum", "maximiser", "maximizer"},
    "saddle": {"saddle", "saddle point", "neither", "inflection", "point of inflection",
               "inflection point", "stationary inflection"},
    "inconclusive": {"inconclusive", "unknown", "undecided", "test fails", "no conclusion"},
}
_KIND_RE = re.compile(r"(?:[:,]|\bis\b|\ba\b|\s)*\s*(" + "|".join(sorted(
    (re.escape(w) for ws in _KIND_WORDS.values() for w in ws), key=len, reverse=True))
    + r")\s*[.!]?\s*$", re.I)


def read_kind(text: str) -> str | None:
    """The canonical kind for a learner's word (``"relative max"`` -> ``local_max``)."""
    t = " ".join(str(text).strip().lower().replace("-", " ").split())
    for kind, words in _KIND_WORDS.items():
        if t in words:
            return kind
    return None


def _show(e: Any) -> str:
    from symbolic_mlmath.render.formats import text_of

    return text_of(e)


def _point_of(value: Any, variables: tuple) -> dict:
    """A parsed point (dict, number, vector) as ``{variable: value}``."""
    from sympy import MatrixBase

    if isinstance(value, dict):
        out = {}
        names = {str(v): v for v in variables}
        for k, v in value.items():
            if str(k) not in names:
                raise InputError(f"{k} is not a variable of the problem", name="answer")
            out[names[str(k)]] = v
        return out
    items = list(value) if isinstance(value, MatrixBase | list | tuple) else [value]
    if len(items) != len(variables):
        raise InputError(f"a point has {len(variables)} coordinates", name="answer")
    return dict(zip(variables, items, strict=True))


def _items(answer: Any, variables: tuple) -> list[tuple[dict, str | None]]:
    from symbolic_mlmath.text import parse_answer

    if isinstance(answer, list | tuple) and answer and all(isinstance(a, dict) for a in answer):
        return [(_point_of(parse_answer(a["point"], name="answer") if isinstance(a["point"], str)
                           else a["point"], variables), read_kind(a.get("kind", "")))
                for a in answer]
    text = str(answer)
    if text.strip().lower() in {"none", "no critical points", "{}", "[]", "no points"}:
        return []
    out = []
    for piece in re.split(r"[;\n]", text):
        if not piece.strip():
            continue
        m = _KIND_RE.search(piece)
        kind = None
        if m:
            kind = read_kind(m.group(1))
            piece = piece[: m.start()]
        point = parse_answer(piece.strip().rstrip(":,"), name="answer")
        out.append((_point_of(point, variables), kind))
    return out


def _same_point(p: dict, q: dict) -> bool:
    """Same coordinates: exactly, or to 9 digits where the expected value is numeric."""
    from sympy import Float

    from .equality import same_function

    for v, a in p.items():
        b = q.get(v)
        if b is None:
            return False
        if a.atoms(Float) and not (a.free_symbols or b.free_symbols):
            if abs((a - b).evalf(30)) > 1e-9 * max(1, abs(a.evalf(30))):
                return False
        elif same_function(a, b) is not True:
            return False
    return True


def check_critical_points(d: Any, answer: Any) -> Verdict:
    """Judge a list of critical points with kinds against the derivation's result."""
    variables = tuple(d.variables)
    got = _items(answer, variables)
    want = [(r["point"], r["kind"]) for r in d.result]
    fmt = lambda p: ", ".join(f"{_show(v)} = {_show(c)}" for v, c in p.items())  # noqa: E731
    missing, wrong_kind, unclassified = [], [], []
    used = set()
    for p, kind in want:
        k = next((i for i, (q, _) in enumerate(got) if i not in used and _same_point(p, q)), None)
        if k is None:
            missing.append(p)
            continue
        used.add(k)
        if got[k][1] is None:
            unclassified.append(p)
        elif got[k][1] != kind:
            wrong_kind.append(f"{fmt(p)} is a {kind.replace('_', ' ')}, not a "
                              f"{got[k][1].replace('_', ' ')}")
    extra = [q for i, (q, _) in enumerate(got) if i not in used]
    bits = []
    if missing:
        bits.append("missing " + "; ".join(fmt(p) for p in missing))
    if extra:
        bits.append("not critical points: " + "; ".join(fmt(q) for q in extra))
    bits += wrong_kind
    if unclassified and not (missing or extra or wrong_kind):
        bits.append("the points are right; say what kind each is (min, max, saddle)")
    if bits:
        return Verdict(False, "exact", "Not correct: " + "; ".join(bits) + ".",
                       expected=d.result, got=answer, details=tuple(bits))
    return Verdict(True, "exact", f"Correct: {len(want)} critical point"
                   f"{'s' if len(want) != 1 else ''}, each classified.", expected=d.result,
                   got=answer)


def check_extreme(d: Any, answer: Any) -> Verdict:
    """Judge a minimize/maximize answer: the point, and the value when given."""
    from symbolic_mlmath.text import parse_answer

    variables = tuple(d.variables)
    arg = "argmin" if "argmin" in d.result else "argmax"
    val = "min" if arg == "argmin" else "max"
    want_pt, want_val = d.result[arg], d.result[val]
    text = str(answer).strip().lower()
    if want_pt is None:
        ok = text in {"none", "no minimum", "no maximum", "not attained", "does not exist"}
        return Verdict(ok, "structural", "Correct: no extreme is attained." if ok else
                       f"Not correct: the {val}imum is not attained.", expected=d.result,
                       got=answer)
    value = None
    if isinstance(answer, str):
        m = re.search(r"\b(?:min|max|minimum|maximum|value)\s*=\s*([^,;]+)", answer, re.I)
        if m:
            value = parse_answer(m.group(1), name="answer")
            answer = (answer[: m.start()] + answer[m.end():]).strip(" ,;")
    parsed = parse_answer(answer, name="answer") if isinstance(answer, str) else answer
    if isinstance(parsed, dict):
        parsed = dict(parsed)
        for key in list(parsed):
            if str(key).lower() in (val, f"{val}imum", "value", "f"):
                value = parsed.pop(key)
    point = _point_of(parsed, variables)
    if not _same_point(want_pt, point):
        where = ", ".join(f"{_show(v)} = {_show(c)}" for v, c in want_pt.items())
        return Verdict(False, "exact", f"Not correct: the {val}imum is at {where} (value "
                       f"{_show(want_val)}).", expected=d.result, got=answer)
    if value is not None and not _same_point({variables[0]: want_val}, {variables[0]: value}):
        return Verdict(False, "exact", f"Not correct: the point is right, but the {val}imum "
                       f"value is {_show(want_val)}, not {_show(value)}.", expected=d.result,
                       got=answer)
    return Verdict(True, "exact", f"Correct: the {val}imum {_show(want_val)} is at the point "
                   "given.", expected=d.result, got=answer)

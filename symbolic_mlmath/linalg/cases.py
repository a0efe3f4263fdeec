"""Parameters are never silently generic: what elimination assumed, and the excluded cases.

When a matrix or a system holds parameters (``[[a, 1], [1, a]]``, ``x + y = k``), row
reduction divides by pivot expressions such as ``a`` and ``a^2 - 1``. The derivation then
states that assumption first (an ``ASSUME_NONZERO`` step: "assume a ≠ 0, a² - 1 ≠ 0") and,
for one parameter, works every excluded value (``a = 0``, ``a = 1``, ``a = -1``) exactly as
its own case (a ``PARAMETER_CASES`` step at the end). Real excluded values are listed;
with several parameters a condition is split where that is exact (``a - b ≠ 0``: the case
``a = b``; see :func:`split_zero`) and otherwise only stated.

Examples
========
>>> from sympy import Matrix, symbols
>>> a = symbols("a")
>>> conds, cases = conditions_and_cases([a, (a**2 - 1) / a], [a])
>>> conds, cases
([a, a - 1, a + 1], [{a: -1}, {a: 0}, {a: 1}])
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.linalg.rules import LinalgRule

__all__ = [
    "assume_step",
    "case_label",
    "cases_step",
    "conditions_and_cases",
    "divisor_conditions",
    "parameter_values",
    "read_case_kinds",
    "real_zeros",
    "split_zero",
    "with_parameter_cases",
]

#: At most this many excluded values are worked as cases.
MAX_CASES = 8


def _factors(expr: Any, params: list) -> list[Any]:
    """The non-constant irreducible factors of the numerator of ``expr`` (over QQ)."""
    from sympy import cancel, factor_list, fraction

    num, _ = fraction(cancel(expr))
    if not num.free_symbols & set(params):
        return []
    _, facs = factor_list(num)
    return [f for f, _k in facs if f.free_symbols & set(params)]


def real_zeros(expr: Any, param: Any) -> list[Any]:
    """The real values of ``param`` where the polynomial ``expr`` is zero (exact, sorted)."""
    from sympy import Poly, PolynomialError, roots

    try:
        poly = Poly(expr, param)
    except PolynomialError:
        return []
    if poly.free_symbols - {param}:
        return []
    found = roots(poly, multiple=False, cubics=True, quartics=False)
    return sorted((r for r in found if r.is_extended_real), key=lambda r: float(r))


def conditions_and_cases(exprs: list[Any], params: list) -> tuple[list[Any], list[dict]]:
    """The conditions ``e ≠ 0`` that dividing by ``exprs`` assumes (distinct factors), and
    for a single parameter the real values that break one of them (each a case)."""
    conds: list[Any] = []
    for e in exprs:
        for f in _factors(e, params):
            if not any((f - c).expand() == 0 or (f + c).expand() == 0 for c in conds):
                conds.append(f)
    cases: list[dict] = []
    if len(params) == 1:
        (p,) = params
        values = sorted({v for c in conds for v in real_zeros(c, p)}, key=lambda r: float(r))
        cases = [{p: v} for v in values[:MAX_CASES]]
    else:
        for c in conds:
            cases += [s for s in split_zero(c, params) if s not in cases]
        cases = cases[:MAX_CASES]
    return conds, cases


def split_zero(factor: Any, params: list) -> list[dict]:
    """Where an irreducible ``factor`` of several parameters is zero, as substitutions, when
    that is exact and complete: the real zeros of a factor in one parameter (``b - 1``:
    ``{b: 1}``), or a factor of degree 1 with a constant coefficient in some parameter
    (``a - b``: ``{a: b}``). Otherwise ``[]`` (``a b - 1 ≠ 0`` is then stated, not split).

    >>> from sympy import symbols
    >>> a, b = symbols("a b")
    >>> split_zero(a - b, [a, b]), split_zero(2*b + a + 1, [a, b]), split_zero(a*b - 1, [a, b])
    ([{a: b}], [{a: -2*b - 1}], [])
    >>> split_zero(b**2 - 4, [a, b])
    [{b: -2}, {b: 2}]
    """
    from sympy import Poly, PolynomialError

    present = sorted(factor.free_symbols & set(params), key=str)
    if len(present) == 1:
        (p,) = present
        return [{p: v} for v in real_zeros(factor, p)]
    for p in present:
        try:
            poly = Poly(factor, p)
        except PolynomialError:
            return []
        lead = poly.LC()
        if poly.degree() == 1 and not getattr(lead, "free_symbols", None) and lead != 0:
            return [{p: (-poly.nth(0) / lead).expand()}]
    return []


def divisor_conditions(el: Any, params: list) -> tuple[list[Any], list[dict]]:
    """Conditions and cases of an elimination's divisors (see :func:`conditions_and_cases`)."""
    exprs = [el.backend.to_sympy(d) for d in el.divisors]
    return conditions_and_cases([e for e in exprs if getattr(e, "free_symbols", None)],
                                params)


def case_label(case: dict) -> Any:
    """``{a: 1}`` -> ``Eq(a, 1)`` (one parameter) or a tuple of equations."""
    from sympy import Eq, Tuple

    eqs = [Eq(k, v, evaluate=False) for k, v in case.items()]
    return eqs[0] if len(eqs) == 1 else Tuple(*eqs)


def assume_step(state: Any, conditions: list[Any], cases: list[dict]) -> Step:
    """The step stating what the row operations divide by, and which values are set apart."""
    from sympy import Ne, Tuple

    return Step(LinalgRule.ASSUME_NONZERO, state, state,
                {"conditions": Tuple(*(Ne(c, 0, evaluate=False) for c in conditions)),
                 "excluded": Tuple(*(case_label(c) for c in cases))})


def cases_step(state: Any, task: str, original: Any, cases: list[tuple[dict, Any]]) -> Step:
    """The step listing each excluded value with its own exact result.

    ``original`` is what the task was given (a matrix, or ``(A, b)`` for a system) so the
    verifier can recompute every case.
    """
    from sympy import Tuple
    from sympy.core.symbol import Str

    from symbolic_mlmath.core.steps import to_sympy

    rows = Tuple(*(Tuple(case_label(c), _as_sympy(value)) for c, value in cases))
    return Step(LinalgRule.PARAMETER_CASES, state, state,
                {"task": Str(task), "original": to_sympy(original), "cases": rows})


def _as_sympy(value: Any) -> Any:
    from sympy import Dict, Tuple, false, true
    from sympy.core.symbol import Str

    if isinstance(value, bool):
        return true if value else false
    if isinstance(value, str):
        return Str(value)
    if isinstance(value, dict):  # text keys as Str: Dict would hand a str to SymPy's parser
        return Dict({(Str(k) if isinstance(k, str) else k): _as_sympy(v)
                     for k, v in value.items()})
    if isinstance(value, list | tuple):
        return Tuple(*(_as_sympy(v) for v in value))
    return value


def with_parameter_cases(A: Any, el: Any, steps: list, task: str, result: Any,
                         solve_case: Any, params: Any = None) -> list:
    """``steps`` with the assumption its pivots make stated first and, for one parameter,
    each excluded value worked at the end (``solve_case(A with the value put in)``)."""
    params = sorted(A.free_symbols if params is None else params, key=str)
    if not params:
        return steps
    conds, cases = divisor_conditions(el, params)
    if not conds:
        return steps
    first = steps[0].before if steps else A
    out = [assume_step(first, conds, cases), *steps]
    if cases:
        worked = [(c, solve_case(A.xreplace(c))) for c in cases]
        out.append(cases_step(result, task, A, worked))
    return out


# ------------------------------------------------------------------ reading case answers
_FILLER = ("singular", "the matrix is", "it is", "a is", "when", "if", "for", "where",
           "exactly", "only")
_KINDS = (("infinite", r"infinite(?:ly many)?|many|dependent"),
          ("none", r"no solutions?|none|inconsistent|no\b"),
          ("unique", r"unique|exactly one|one solution|a single solution|single"))


def parameter_values(answer: str, param: Any) -> list[Any] | None:
    """The values of ``param`` a learner lists: ``k = ±2``, ``k = 2 or k = -2``, ``{-2, 2}``,
    ``±2`` (None when the text is not such a list)."""
    import re

    from symbolic_mlmath.core.errors import InputError
    from symbolic_mlmath.text.notation import answer_notation, split_top
    from symbolic_mlmath.text.parse import parse_number

    text = answer.strip().lower()
    for word in _FILLER:
        text = re.sub(rf"^\s*{re.escape(word)}\b", "", text).strip()
    text = re.sub(r"\s+or\s+", ", ", text).strip().strip("{}[]() ")
    name = re.escape(str(param).lower())
    out: list[Any] = []
    for item in split_top(answer_notation(text), ",;"):
        item = re.sub(rf"^\s*{name}\s*=\s*", "", item).strip().strip("{}")
        if not item:
            continue
        try:
            out.append(parse_number(item, name="answer"))
        except InputError:
            return None
    return out or None


def read_case_kinds(answer: str, param: Any) -> dict[Any, str] | None:
    """A classification with cases: ``unique if a ≠ ±1; infinite if a = 1; none if a = -1``
    or ``a = 1: infinite, otherwise unique`` -> ``{"generic": "unique", 1: "infinite", ...}``."""
    import re

    from symbolic_mlmath.text.notation import split_top

    items = split_top(answer, ";")
    if len(items) == 1:
        items = split_top(answer, ",")
    out: dict[Any, str] = {}
    for item in items:
        low = item.lower()
        kind = next((k for k, pat in _KINDS if re.search(rf"\b(?:{pat})", low)), None)
        if kind is None:
            return None
        cond = re.sub(r"\b(?:" + "|".join(p for _, p in _KINDS) + r")\b", " ", low)
        cond = re.sub(r"\b(?:solutions?|if|when|for|where|is|are|there|has|have|the|system)\b",
                      " ", cond).replace(":", " ").strip()
        if (not cond or re.search(r"≠|!=|<>|\bnot\b|otherwise|else|other|generic|all", cond)):
            out["generic"] = kind
            continue
        values = parameter_values(cond, param)
        if values is None:
            return None
        for v in values:
            out[v] = kind
    return out or None

"""Independent checks of single steps: does a step really apply its law?

Each rule either keeps the value of its object (``before`` and ``after`` are equal
once unevaluated parts such as ``Determinant(A)`` are evaluated), or has its own
verifier registered here (a row operation must turn ``before`` into ``after``
exactly as its ``given`` pieces say). Engines of later topics register verifiers
for their own rules with :func:`register_verifier`.

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.steps import Step
>>> from symbolic_mlmath.rules import Rule
>>> A = ImmutableMatrix([[1, 2], [3, 4]])
>>> bad = Step(Rule.ROW_ADD_MULTIPLE, A, ImmutableMatrix([[1, 2], [0, -3]]),
...            given={"target": 2, "source": 1, "factor": -3})
>>> verify_step(bad)
'R2 <- R2 + (-3) R1 gives Matrix([[1, 2], [0, -2]]), not Matrix([[1, 2], [0, -3]])'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .rules import Rule
from .steps import Step

__all__ = [
    "READS",
    "VALUE_PRESERVING",
    "evaluate",
    "register_verifier",
    "same_value",
    "verify_step",
]

#: Rules whose ``after`` must have the same value as ``before``.
VALUE_PRESERVING: set[Rule] = {
    Rule.DEFINITION,
    Rule.ARITHMETIC,
    Rule.SIMPLIFY,
    Rule.EXPAND,
    Rule.FACTOR,
    Rule.SUBSTITUTE,
    Rule.DET_2X2,
    Rule.DET_SARRUS,
    Rule.COFACTOR_EXPANSION,
    Rule.DET_ROW_SWAP,
    Rule.DET_ROW_ADD,
    Rule.DET_ROW_SCALE,
    Rule.DET_TRIANGULAR,
    Rule.DET_ZERO_ROW,
}

#: Rules that read a fact off their object; the next step may read the same object.
READS: set[Rule] = {
    Rule.MARK_PIVOTS,
    Rule.READ_RANK,
    Rule.CLASSIFY_SYSTEM,
    Rule.READ_SOLUTION,
    Rule.INCONSISTENT_ROW,
    Rule.SINGULAR_TEST,
}

_VERIFIERS: dict[Rule, Callable[[Step], str | None]] = {}


def register_verifier(rule: Rule) -> Callable:
    """Register ``fn(step) -> problem or None`` as the check of ``rule``."""

    def deco(fn: Callable[[Step], str | None]) -> Callable[[Step], str | None]:
        _VERIFIERS[rule] = fn
        return fn

    return deco


def fast_det(M: Any) -> Any:
    """Exact determinant of an explicit matrix through ``DomainMatrix``."""
    from sympy.polys.matrices import DomainMatrix

    dm = DomainMatrix.from_Matrix(M)
    return dm.domain.to_sympy(dm.det())


def evaluate(obj: Any) -> Any:
    """Evaluate unevaluated parts (``Determinant`` of explicit matrices, sums)."""
    from sympy import Basic, Determinant, MatrixBase

    if not isinstance(obj, Basic) or isinstance(obj, MatrixBase):
        return obj
    if obj.has(Determinant):
        obj = obj.replace(
            lambda e: isinstance(e, Determinant) and isinstance(e.arg, MatrixBase),
            lambda e: fast_det(e.arg),
        )
    return obj.doit()


def _zero(expr: Any) -> bool:
    from sympy import cancel, expand, nsimplify  # noqa: F401

    if expr == 0:
        return True
    e = expand(expr)
    if e == 0:
        return True
    if e.free_symbols:
        try:
            return cancel(e) == 0
        except Exception:  # pragma: no cover - cancel refuses some expressions
            return False
    return e.equals(0) is True


def same_value(a: Any, b: Any) -> bool:
    """True when ``a`` and ``b`` are the same exact value (matrices, dicts, lists...).

    Examples
    ========
    >>> from sympy import Rational, sqrt
    >>> same_value(Rational(1, 2), Rational(2, 4)), same_value(sqrt(8), 2 * sqrt(2))
    (True, True)
    >>> same_value({"x": 1}, {"x": 2})
    False
    """
    from sympy import Basic, MatrixBase

    if isinstance(a, dict) or isinstance(b, dict):
        if not (isinstance(a, dict) and isinstance(b, dict)):
            return False
        ka = {str(k): v for k, v in a.items()}
        kb = {str(k): v for k, v in b.items()}
        return ka.keys() == kb.keys() and all(same_value(ka[k], kb[k]) for k in ka)
    if isinstance(a, bool | str) or isinstance(b, bool | str):
        return type(a) is type(b) and a == b
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, MatrixBase) or isinstance(b, MatrixBase):
        if not (isinstance(a, MatrixBase) and isinstance(b, MatrixBase)):
            return False
        return a.shape == b.shape and all(_zero(x - y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Basic) and isinstance(b, Basic):
        if a == b:
            return True
        if a.is_Relational or b.is_Relational:
            return a == b
        try:
            return _zero(a - b)
        except TypeError:
            return a == b
    return a == b


def verify_step(step: Step) -> str | None:
    """Return what is wrong with ``step`` (one line), or ``None`` if it checks out."""
    fn = _VERIFIERS.get(step.rule)
    if fn is not None:
        return fn(step)
    if step.rule in VALUE_PRESERVING:
        before, after = evaluate(step.before), evaluate(step.after)
        if not same_value(before, after):
            return f"changes the value: {before} before, {after} after"
    return None


# ------------------------------------------------------------------ row operations
def _rows(M: Any) -> list[list[Any]]:
    return [list(M.row(i)) for i in range(M.rows)]


def _int(step: Step, key: str) -> int:
    return int(step.given[key])


@register_verifier(Rule.ROW_SWAP)
def _verify_swap(step: Step) -> str | None:
    from sympy import ImmutableMatrix

    i, j = _int(step, "target") - 1, _int(step, "source") - 1
    rows = _rows(step.before)
    rows[i], rows[j] = rows[j], rows[i]
    want = ImmutableMatrix(rows)
    if want != step.after:
        return f"R{i + 1} <-> R{j + 1} gives {want}, not {step.after}"
    return None


@register_verifier(Rule.ROW_SCALE)
def _verify_scale(step: Step) -> str | None:
    from sympy import ImmutableMatrix, cancel

    i, c = _int(step, "target") - 1, step.given["factor"]
    if c == 0:
        return "scaling a row by 0 is not an elementary operation"
    rows = _rows(step.before)
    rows[i] = [cancel(c * x) for x in rows[i]]
    want = ImmutableMatrix(rows)
    if not same_value(want, step.after):
        return f"R{i + 1} <- ({c}) R{i + 1} gives {want}, not {step.after}"
    return None


@register_verifier(Rule.ROW_ADD_MULTIPLE)
def _verify_add(step: Step) -> str | None:
    from sympy import ImmutableMatrix, cancel

    i, j, c = _int(step, "target") - 1, _int(step, "source") - 1, step.given["factor"]
    if i == j:
        return "a row cannot be added to itself"
    rows = _rows(step.before)
    rows[i] = [cancel(x + c * y) for x, y in zip(rows[i], rows[j], strict=True)]
    want = ImmutableMatrix(rows)
    if not same_value(want, step.after):
        return f"R{i + 1} <- R{i + 1} + ({c}) R{j + 1} gives {want}, not {step.after}"
    return None


def _row_equivalent(step: Step) -> str | None:
    from sympy.polys.matrices import DomainMatrix

    a, b = step.before, step.after
    if a.shape != b.shape:
        return f"shape changes from {a.shape} to {b.shape}"
    ra = DomainMatrix.from_Matrix(a).to_field().rref()[0]
    rb = DomainMatrix.from_Matrix(b).to_field().rref()[0]
    if ra.to_Matrix() != rb.to_Matrix():
        return "the matrices are not row-equivalent"
    return None


register_verifier(Rule.ROW_COMBINE)(_row_equivalent)
register_verifier(Rule.ELIMINATE_COLUMN)(_row_equivalent)


@register_verifier(Rule.MARK_PIVOTS)
def _verify_pivots(step: Step) -> str | None:
    M = step.after
    if step.before != M:
        return "marking pivots must not change the matrix"
    for r, c in step.given["pivots"]:
        row = list(M.row(int(r) - 1))
        lead = next((k for k, x in enumerate(row) if x != 0), None)
        if lead != int(c) - 1:
            return f"({r}, {c}) is not the leading entry of row {r}"
    return None


@register_verifier(Rule.READ_RANK)
def _verify_rank(step: Step) -> str | None:
    M = step.before
    nonzero = sum(1 for i in range(M.rows) if any(x != 0 for x in M.row(i)))
    if nonzero != step.after:
        return f"the echelon form has {nonzero} non-zero rows, not {step.after}"
    return None

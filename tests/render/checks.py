"""Re-checking displayed relations from the objects a renderer showed (not from the text)."""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.verify import evaluate, same_value, verify_step
from symbolic_mlmath.render.displays import Relation

__all__ = ["problem_with", "step_data", "validated"]


def _value(obj: Any) -> Any:
    from sympy import Basic, MatrixBase
    from sympy.matrices.expressions import MatrixExpr

    if isinstance(obj, MatrixBase):
        return obj.applyfunc(lambda x: evaluate(x) if isinstance(x, Basic) else x)
    value = evaluate(obj)
    if isinstance(value, MatrixExpr):
        value = value.as_explicit()
    return value


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(same_value(_value(a), _value(b)))
    except Exception:
        return False


def _row_equivalent(a: Any, b: Any) -> bool:
    from sympy import Matrix, MatrixBase

    from symbolic_mlmath.linalg.templates_elimination import matrix_of

    A, B = matrix_of(a), matrix_of(b)
    if not (isinstance(A, MatrixBase) and isinstance(B, MatrixBase)) or A.shape != B.shape:
        return False
    def zero(x: Any) -> bool:
        return x == 0 or x.expand() == 0 or x.equals(0) is True

    ra = Matrix(A).rref(iszerofunc=zero, simplify=True)[0]
    rb = Matrix(B).rref(iszerofunc=zero, simplify=True)[0]
    return all(zero((x - y).expand()) for x, y in zip(ra, rb, strict=True))


def step_data(step: Any) -> list[Any]:
    """Every object a step holds: before, after, their parts, its given values."""
    from sympy import Tuple

    out = [step.before, step.after, *step.given.values()]
    for obj in (step.before, step.after):
        if isinstance(obj, Tuple):
            out += list(obj)
    return [x for x in out if x is not None]


def _parts(result: Any) -> list[Any]:
    out = [result]
    if isinstance(result, dict):
        for v in result.values():
            out += _parts(v)
    elif isinstance(result, list | tuple):
        for v in result:
            out += _parts(v)
    return out


_VERIFIED: dict[int, tuple[Any, str | None]] = {}


def validated(derivation: Any) -> None:
    """Validate ``derivation`` (every step and substep by its verifier) and remember its
    steps as verified, so each relation need not verify its step again."""
    derivation.validate()
    for top in derivation.steps:
        for step in top.walk():
            _VERIFIED[id(step)] = (step, None)


def _verify(step: Any) -> str | None:
    """``verify_step``, once per step (a step shows several relations)."""
    hit = _VERIFIED.get(id(step))
    if hit is None or hit[0] is not step:
        hit = (step, verify_step(step))
        _VERIFIED[id(step)] = hit
    return hit[1]


def _is(a: Any, b: Any) -> bool:
    try:
        return a is b or bool(a == b)
    except Exception:
        return False


def problem_with(r: Relation, derivation: Any) -> str | None:
    """What is wrong with one displayed relation, or None when it holds."""
    step = r.step
    if step is not None:
        bad = _verify(step)
        if bad:
            return f"shown from a step that does not verify: {bad}"
    raw_pair = step is not None and r.lhs is step.before and r.rhs is step.after
    if r.rel == "=":
        from symbolic_mlmath.core.verify import verifier_of

        v = verifier_of(step.rule) if raw_pair else None
        if v is not None and v.same_value:
            return None  # exactly what the step's SAME_VALUE verifier checked
        if not _same(r.lhs, r.rhs):
            return f"displayed '=' is false: {r.lhs} vs {r.rhs}"
    elif r.rel == "!=":
        if _same(r.lhs, r.rhs):
            return f"displayed '≠' is false: {r.lhs} equals {r.rhs}"
    elif r.rel == "~":
        if step is None or not _row_equivalent(r.lhs, r.rhs):
            return f"displayed '~' does not hold: {r.lhs} vs {r.rhs}"
    elif r.rel == "=>":
        if step is None:
            return "a conclusion '⟹' shown without the step that draws it"
        from sympy import Eq

        before_ok = _is(r.lhs, step.before) or _same(r.lhs, step.before) or (
            isinstance(r.lhs, Eq) and r.lhs.rhs == 0 and _same(r.lhs.lhs, step.before))
        if not before_ok:
            return f"'⟹' starts from {r.lhs}, not from the step's object {step.before}"
        if not (_is(r.rhs, step.after) or _same(r.rhs, step.after)):
            return f"'⟹' ends at {r.rhs}, not at the step's result {step.after}"
    elif r.rel == "named":
        pool = step_data(step) if step is not None else _parts(derivation.result)
        if not (any(_is(r.rhs, x) for x in pool) or any(_same(r.rhs, x) for x in pool)):
            return f"'{r.lhs} = {r.rhs}': the value is not one the step holds"
    return None

"""JSON: every step with its rule id, wording, objects (text and LaTeX) and given pieces."""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.render.common import template_of
from symbolic_mlmath.render.formats import LATEX, TEXT, latex_of, text_of

__all__ = ["derivation_to_dict", "step_to_dict", "to_jsonable"]


def to_jsonable(obj: Any) -> Any:
    """Exact values as JSON: integers as numbers, rationals as ``"p/q"``, matrices as lists.

    Examples
    ========
    >>> from sympy import Rational, Matrix
    >>> to_jsonable(Rational(-6)), to_jsonable(Rational(1, 2)), to_jsonable(Matrix([[1, 2]]))
    (-6, '1/2', [[1, 2]])
    """
    from sympy import Basic, Float, Integer, MatrixBase, Rational, Tuple
    from sympy.core.symbol import Str
    from sympy.logic.boolalg import BooleanFalse, BooleanTrue

    if obj is None or isinstance(obj, bool | int | str):
        return obj
    if isinstance(obj, float):
        return obj
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | Tuple):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, MatrixBase):
        return [[to_jsonable(x) for x in obj.row(i)] for i in range(obj.rows)]
    if isinstance(obj, BooleanTrue | BooleanFalse):
        return bool(obj)
    if isinstance(obj, Integer):
        return int(obj)
    if isinstance(obj, Rational):
        return f"{obj.p}/{obj.q}"
    if isinstance(obj, Float):
        return float(obj)
    if isinstance(obj, Str):
        return obj.name
    if isinstance(obj, Basic):
        return text_of(obj)
    return str(obj)


def _obj(obj: Any) -> dict | None:
    if obj is None:
        return None
    return {"text": text_of(obj), "latex": latex_of(obj)}


def step_to_dict(step: Any, detail: str = "full") -> dict:
    """One step (and, at ``full``, its substeps) as JSON-ready data."""
    t = template_of(step)
    out = {
        "rule": step.rule.value,
        "title": t.title,
        "law": t.law(TEXT),
        "law_latex": t.law(LATEX),
        "instance": t.instance(step, TEXT),
        "relation": t.relation,
        "before": _obj(step.before),
        "after": _obj(step.after),
        "given": {k: to_jsonable(v) for k, v in step.given.items()},
    }
    if detail == "full":
        out["substeps"] = [step_to_dict(s, detail) for s in step.substeps]
    return out


def derivation_to_dict(d: Any, *, detail: str = "full") -> dict:
    """A derivation as JSON-ready data: title, task, inputs, goal, steps and result."""
    from symbolic_mlmath.render.common import result_as_math

    return {
        "title": d.title,
        "task": d.task,
        "inputs": {k: to_jsonable(v) for k, v in d.inputs.items()},
        "goal": _obj(d.goal),
        "result": to_jsonable(d.result),
        "result_latex": latex_of(result_as_math(d.result)),
        "steps": [step_to_dict(s, detail) for s in d.steps],
    }

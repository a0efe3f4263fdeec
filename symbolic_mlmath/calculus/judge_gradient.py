"""The working judges of ``gradient`` and ``hessian``: a line per component.

A line gives one component, labelled (``∂f/∂x = 2xy``, ``f_x = 2xy``, ``df/dy = x^2``,
``f_xy = 2x``, ``∂²f/∂x∂y = 2x``) or not (the next component in order), possibly as a chain
with ``d/dx(...)`` still to work out; or the whole vector / matrix at once (``∇f = [2xy, x^2]``,
``H = [[2y, 2x], [2x, 0]]``). Each component is judged like a derivative: the rules named,
and a slip named by the rule tree with one law changed (the inner derivative missing, the
exponent not lowered, ...), by the wrong variable, or by another variable not held
constant. Second derivatives are judged from the learner's own first partials when they
were written (error carried forward). Finished when every component is there.

Examples
========
>>> from sympy import symbols
>>> from symbolic_mlmath.core.working import check_working
>>> x, y = symbols("x y")
>>> v = check_working("gradient", {"expr": x**2 * y, "vars": (x, y)},
...                   ["f_x = 2xy", "f_y = x^2"])
>>> v.correct, [ln.operation for ln in v.lines]
(True, ['∂f/∂x', '∂f/∂y'])
>>> v = check_working("gradient", {"expr": x**2 * y, "vars": (x, y)}, ["2xy + x^2", "x^2"])
>>> v.first_wrong_step, v.lines[0].mistake
(0, 'other variable not held constant')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from symbolic_mlmath.core.errors import ParseError, TaskError
from symbolic_mlmath.core.mistakes import Slip
from symbolic_mlmath.core.working import Follow, Judge

from .judge_derivative import (
    expand_derivatives,
    finite_parts,
    partial_slip,
    rule_names,
    split_names,
    split_text,
)

__all__ = ["JUDGES"]

_V = r"([A-Za-z]\w*)"
_FIRST = re.compile(rf"^\s*(?:∂\s*f?\s*/\s*∂\s*{_V}|d\s*f\s*/\s*d\s*{_V}"
                    rf"|f_\{{?([A-Za-z]\d*)\}}?)\s*$")
_SECOND = re.compile(rf"^\s*(?:∂\s*(?:²|\^2|2)\s*f?\s*/\s*∂\s*{_V}\s*(?:(?:²|\^2)|∂\s*{_V})"
                     rf"|f_\{{?([A-Za-z])([A-Za-z])\}}?)\s*$")
_WHOLE = re.compile(r"^\s*(?:∇\s*f|grad\s*f|nabla\s*f|H|H_?f|Hessian|∇\s*²\s*f)\s*$", re.I)


@dataclass(frozen=True)
class _Ctx:
    task: str
    f: Any
    vars: tuple
    targets: dict  # label -> exact component
    order: tuple  # labels in order
    given: Any


@dataclass(frozen=True)
class _State:
    done: dict  # label -> the learner's value
    last: Any = None  # the label of the last line


@dataclass(frozen=True)
class _Line:
    label: Any  # a label, None (the next component), or "all"
    parts: tuple  # values (for "all": a tuple of (label, value))
    text: str


def _start(task: str, inputs: dict) -> _Ctx:
    from sympy import diff

    f = inputs["expr"]
    vs = inputs.get("vars") or tuple(sorted(f.free_symbols, key=str))
    if not vs:
        raise TaskError("the expression has no variables", name="vars")
    if task == "gradient":
        targets = {(v,): diff(f, v) for v in vs}
    else:
        targets = {(a, b): diff(f, a, b) for i, a in enumerate(vs) for b in vs[i:]}
    return _Ctx(task, f, tuple(vs), targets, tuple(targets), _State({}))


def _var(ctx: _Ctx, name: str | None) -> Any:
    hit = next((v for v in ctx.vars if str(v) == name), None)
    if hit is None:
        raise ParseError(f"{name} is not a variable of f ({', '.join(map(str, ctx.vars))})",
                         name="line")
    return hit


def _label(ctx: _Ctx, head: str) -> Any:
    if _WHOLE.match(head):
        return "all"
    m = _SECOND.match(head)
    if m:
        g = m.groups()
        a, b = (g[0], g[1] or g[0]) if g[0] else (g[2], g[3])
        return tuple(sorted((_var(ctx, a), _var(ctx, b)), key=ctx.vars.index))
    m = _FIRST.match(head)
    if m:
        return (_var(ctx, next(g for g in m.groups() if g)),)
    return None


def _read(ctx: _Ctx, raw: Any) -> _Line:
    from symbolic_mlmath.text.parse import parse_expr, parse_value

    text = str(raw).strip().rstrip(".")
    same = text.startswith("=")
    pieces = re.split(r"(?<![<>=!])=(?!=)", text.lstrip("=").strip())
    label = _label(ctx, pieces[0]) if len(pieces) > 1 else None
    if label is not None:
        pieces = pieces[1:]
    elif same:
        label = "same"
    names = {str(n) for n in set(ctx.vars) | ctx.f.free_symbols if len(str(n)) == 1}
    pieces = [split_text(p, names) for p in pieces]
    if label == "all" or (label is None and pieces[-1].strip().startswith("[")):
        M = parse_value(pieces[-1], name="line")
        entries = [split_names(e, set(ctx.vars) | ctx.f.free_symbols)
                   for e in (list(M) if hasattr(M, "shape") else [M])]
        if hasattr(M, "shape"):
            M = M.__class__(M.rows, M.cols, entries)
        if len(entries) == len(ctx.order) or len(entries) != len(ctx.vars) ** 2:
            pairs = tuple(zip(ctx.order, entries, strict=False))
        else:  # a full symmetric matrix
            n = len(ctx.vars)
            pairs = tuple(((ctx.vars[i], ctx.vars[j]), M[i, j]) for i in range(n)
                          for j in range(i, n))
        finite_parts([v for _, v in pairs])
        if len(pairs) != len(ctx.order):
            raise ParseError(f"expected {len(ctx.order)} components, got {len(entries)}",
                             name="line")
        return _Line("all", pairs, text)
    wrt = label[-1] if isinstance(label, tuple) else ctx.vars[0]
    parts = []
    for p in pieces:
        body, values = expand_derivatives(p, wrt)
        parts.append(split_names(parse_expr(body, name="line").xreplace(values),
                                 set(ctx.vars) | ctx.f.free_symbols))
    finite_parts(parts)
    extra = set().union(*(q.free_symbols for q in parts)) - set(ctx.vars) - ctx.f.free_symbols
    if extra:
        raise ParseError(f"the line uses {', '.join(sorted(map(str, extra)))}, which f does not "
                         "have (write x*y or x y for a product)", name="line")
    return _Line(label, tuple(parts), text)


def _name(label: tuple) -> str:
    if len(label) == 1:
        return f"∂f/∂{label[0]}"
    a, b = label
    return f"∂²f/∂{a}²" if a == b else f"∂²f/∂{a}∂{b}"


def _target(ctx: _Ctx, s: _State, label: tuple) -> Any:
    from sympy import diff

    if len(label) == 2 and (label[0],) in s.done:  # from the learner's own first partial
        return diff(s.done[(label[0],)], label[1])
    return ctx.targets.get(label)


def _same(a: Any, b: Any) -> bool | None:
    from .judge_derivative import same

    return same(a, b)


def _next_label(ctx: _Ctx, s: _State) -> Any:
    return next((lab for lab in ctx.order if lab not in s.done), None)


def _follows(ctx: _Ctx, s: _State, line: _Line) -> Follow:
    if line.label == "all":
        bad = [lab for lab, v in line.parts if _same(v, _target(ctx, s, lab)) is False]
        done = {**s.done, **dict(line.parts)}
        if bad:
            return Follow(False, note="wrong: " + ", ".join(_name(b) for b in bad),
                          state=_State(done, "all"))
        return Follow(True, "every component", state=_State(done, "all"))
    label = _line_label(ctx, s, line)
    if label is None:
        return Follow(False, note="every component is already there", state=s)
    first = len(label) == 1 and ctx.task == "hessian"  # a first partial on the way to H
    want = diff_first(ctx, label[0]) if first else _target(ctx, s, label)
    if want is None:
        return Follow(False, note=f"{_name(label)} is not a component here", state=s)
    oks = [_same(p, want) for p in line.parts]
    new = _State({**s.done, label: line.parts[-1]}, label)
    if False in oks:
        return Follow(False, _name(label), state=new)
    if None in oks:
        return Follow(None, _name(label), state=new)
    from .difftree import diff_tree

    try:
        wrt = label[-1]
        base = ctx.f if len(label) == 1 else (s.done.get((label[0],)) or
                                              diff_first(ctx, label[0]))
        names = rule_names(diff_tree(base, wrt))
    except Exception:  # no rule tree: the component is still judged by value
        names = ""
    return Follow(True, _name(label), note=f"rules: {names}" if names else "", state=new)


def diff_first(ctx: _Ctx, v: Any) -> Any:
    """∂f/∂v."""
    from sympy import diff

    return diff(ctx.f, v)


def _line_label(ctx: _Ctx, s: _State, line: _Line) -> Any:
    """The component a line gives: its label, the last one (a line starting with ``=``), or
    the next one missing."""
    if line.label == "same":
        return s.last if s.last not in (None, "all") else _next_label(ctx, s)
    return line.label or _next_label(ctx, s)


def _explain(ctx: _Ctx, s: _State, line: _Line) -> Slip | None:
    if line.label == "all":
        bad = [(lab, v) for lab, v in line.parts if _same(v, _target(ctx, s, lab)) is False]
        if not bad:
            return None
        lab, v = bad[0]
        slip = _component_slip(ctx, s, lab, v)
        return replace(slip, detail=f"{_name(lab)}: {slip.detail}")
    label = _line_label(ctx, s, line)
    if label is None:
        return None
    v = next((p for p in line.parts if _same(p, _target(ctx, s, label)) is False), line.parts[-1])
    return _component_slip(ctx, s, label, v)


def _component_slip(ctx: _Ctx, s: _State, label: tuple, v: Any) -> Slip:
    from sympy import diff

    from .difftree import diff_tree
    from .mistakes import name_slip

    want = _target(ctx, s, label) if len(label) == 2 or ctx.task == "gradient" else \
        diff_first(ctx, label[0])
    wrt = label[-1]
    base = ctx.f if len(label) == 1 else (s.done.get((label[0],)) or diff_first(ctx, label[0]))
    slip = partial_slip(base, wrt, [o for o in ctx.vars if o != wrt], want, v)
    if slip is not None:
        return replace(slip, detail=f"{_name(label)}: {slip.detail}")
    try:
        slip = name_slip(diff_tree(base, wrt), v)
    except Exception:  # no rule tree for this part
        slip = None
    if slip is not None:
        return Slip(slip.name, slip.detail, want)
    if len(label) == 2 and label[0] != label[1]:
        swapped = diff(ctx.f, label[1], label[0])
        if _same(v, swapped) is False and _same(v, -want) is True:
            return Slip("sign error", f"{_name(label)} is {_txt(want)}", want)
    name = "sign error" if _same(v, -want) is True else "arithmetic slip"
    return Slip(name, f"{_name(label)} is {_txt(want)}, not {_txt(v)}", want)


def _txt(x: Any) -> str:
    from symbolic_mlmath.render.formats import text_of

    return text_of(x)


def _finished(ctx: _Ctx, s: _State) -> tuple[bool, str]:
    missing = [lab for lab in ctx.order if lab not in s.done]
    if missing:
        return False, "no line for " + ", ".join(_name(m) for m in missing[:4])
    return True, f"and every component of the {ctx.task} is there"


def _answer(ctx: _Ctx, s: _State, raw: Any) -> Any:
    from symbolic_mlmath.core.tasks import get_task

    t = get_task(ctx.task)
    inputs = {"expr": ctx.f, "vars": ctx.vars}
    return t.check_answer(t.derive(**inputs), raw, inputs)


def _expected(ctx: _Ctx) -> Any:
    return dict(zip(map(_name, ctx.order), ctx.targets.values(), strict=True))


_JUDGE = Judge(_start, _read, _follows, _finished, _explain, _answer,
               lambda s: _txt(s) if not isinstance(s, _State) else "", given_name="f",
               expected=_expected)

#: The judges of this module's tasks.
JUDGES = {"gradient": _JUDGE, "hessian": _JUDGE}

"""The working judges of ``gradient_descent`` and ``newton_method``: a table of iterates.

Each line gives the next iterate, labelled (``x1 = 0.8``, ``x_2 = (0.64, 0.16)``, ``k = 3:
0.512``) or not, possibly as a chain (``x1 = 1 - 0.1*2 = 0.8``). Each iterate is computed
exactly from the learner's own previous one (x - η∇f(x) for gradient descent; x - f/f' for a
root and x - f'/f'' for an optimum in Newton's method, with the Jacobian or Hessian for
several variables) and compared entry by entry, exactly or to the decimals written. So the
first wrong iterate is named, and the later ones are judged from the learner's value (error
carried forward). Lines may also state the gradient or derivative (``f'(x) = 2x``), checked
as formulas. Slips named: a step uphill (+ instead of -), the learning rate left out, the
gradient taken at the start point, Newton's fraction upside down or the root formula used
for an optimum, an arithmetic slip.

Examples
========
>>> from sympy import Rational, Symbol, Matrix
>>> from symbolic_mlmath.core.working import check_working
>>> x = Symbol("x")
>>> inputs = {"expr": x**2, "vars": (x,), "x0": Rational(1), "learning_rate": Rational(1, 10),
...           "iterations": 3}
>>> v = check_working("gradient_descent", inputs, ["x1 = 0.8", "x2 = 0.64", "x3 = 0.512"])
>>> v.correct
True
>>> v = check_working("gradient_descent", inputs, ["x1 = 1.2", "x2 = 0.96", "x3 = 0.768"])
>>> v.first_wrong_step, v.lines[0].mistake, [ln.follows for ln in v.lines]
(0, 'step uphill', [False, True, True])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from symbolic_mlmath.core.errors import ParseError, TaskError
from symbolic_mlmath.core.mistakes import Slip
from symbolic_mlmath.core.working import Follow, Judge

__all__ = ["JUDGES"]

_LABEL = re.compile(r"^\s*(?:[A-Za-zθ]\w*?\s*_?\s*\{?\(?(\d+)\)?\}?|\(?[A-Za-z]\s*\^\s*\(?(\d+)\)?"
                    r"|k\s*=\s*(\d+)|(?:iteration|step)\s*(\d+))\s*$", re.I)
_NAMES = re.compile(r"^\s*\(?\s*[A-Za-z]\w*(?:\s*,\s*[A-Za-z]\w*)*\s*\)?\s*$")
_FORMULA_HEAD = re.compile(r"^\s*(?:[A-Za-z]\s*'+\s*\([^()]*\)|∇\s*f(?:\([^()]*\))?|grad\s*f"
                           r"|d\s*f\s*/\s*d\s*[A-Za-z]\w*|[A-Za-z]\w*_\{?k\s*\+\s*1\}?)\s*$")
_AT_K = re.compile(r"([A-Za-z])_\{?k\}?(?![\w+])")
_MAX_EXPECTED = 40


@dataclass(frozen=True)
class _Ctx:
    task: str
    vars: tuple
    x0: tuple
    step: Any  # point (tuple) -> next point (tuple), exact
    slips: tuple  # (name, detail, point -> point)
    formulas: tuple  # expressions a formula line may equal (gradient, derivatives, update)
    iterations: int
    given: Any
    inputs: dict


@dataclass(frozen=True)
class _State:
    k: int
    point: tuple


@dataclass(frozen=True)
class _Line:
    index: int | None
    values: tuple  # the iterate (last part of a chain), exact
    texts: tuple  # what the learner typed for each entry (for decimals)
    chain: tuple = ()  # earlier parts of a chain, each a tuple of values
    formula: Any = None  # a formula line (holds the variables)


def _vec(x: Any) -> tuple:
    if hasattr(x, "shape"):
        return tuple(x)
    if isinstance(x, list | tuple):
        return tuple(x)
    return (x,)


def _gd(inputs: dict) -> tuple:
    from sympy import Matrix, diff

    f = inputs.get("expr")
    if f is None:
        raise TaskError("the working is checked for gradient descent on a function (expr)",
                        name="expr")
    vs = tuple(inputs.get("vars") or sorted(f.free_symbols, key=str))
    eta = inputs["learning_rate"]
    grad = [diff(f, v) for v in vs]

    def g(p: tuple) -> tuple:
        sub = dict(zip(vs, p, strict=True))
        return tuple(e.subs(sub) for e in grad)

    x0 = _vec(inputs["x0"])

    def step(p: tuple) -> tuple:
        return tuple(a - eta * b for a, b in zip(p, g(p), strict=True))

    slips = (
        ("step uphill", "gradient descent subtracts η∇f: x - η∇f(x), not x + η∇f(x)",
         lambda p: tuple(a + eta * b for a, b in zip(p, g(p), strict=True))),
        ("learning rate missing", f"the step is η∇f(x) with η = {eta}",
         lambda p: tuple(a - b for a, b in zip(p, g(p), strict=True))),
        ("gradient at the start point", "each step uses the gradient at the current point",
         lambda p: tuple(a - eta * b for a, b in zip(p, g(x0), strict=True))),
    )
    formulas = (*grad, *[v - eta * e for v, e in zip(vs, grad, strict=True)])
    if len(vs) > 1:
        formulas += (Matrix(grad),)
    return vs, x0, step, slips, formulas


def _newton(inputs: dict) -> tuple:
    from sympy import Matrix, diff

    f = inputs["f"]
    fs = list(f) if isinstance(f, list | tuple) or hasattr(f, "shape") else [f]
    fs = [e.lhs - e.rhs if getattr(e, "is_Equality", False) else e for e in fs]
    vs = inputs.get("vars") or inputs.get("var") or tuple(
        sorted(set().union(*(e.free_symbols for e in fs)), key=str))
    vs = tuple(vs)
    optimum = inputs.get("mode") == "optimize"
    F = [diff(fs[0], v) for v in vs] if optimum else fs
    J = Matrix([[diff(e, v) for v in vs] for e in F])
    Fm = Matrix(F)

    def at(M: Any, p: tuple) -> Any:
        return M.subs(dict(zip(vs, p, strict=True)))

    def step(p: tuple) -> tuple:
        return tuple(Matrix(p) - at(J, p).solve(at(Fm, p)))

    def flipped(p: tuple) -> tuple:  # F'/F (one variable)
        return (p[0] - at(J, p)[0] / at(Fm, p)[0],)

    def root_for_optimum(p: tuple) -> tuple:  # f/f' for an optimum
        return (p[0] - fs[0].subs(vs[0], p[0]) / at(Fm, p)[0],)

    slips = [("step uphill", "Newton's step is subtracted: x - F/F'",
              lambda p: tuple(Matrix(p) + at(J, p).solve(at(Fm, p))))]
    if len(vs) == 1:
        slips.append(("fraction upside down", "the step is F/F', not F'/F", flipped))
        if optimum:
            slips.append(("root formula for an optimum", "for an optimum Newton's step is "
                          "f'/f'', not f/f'", root_for_optimum))
    formulas = (*F, *J, *(v - e for v, e in zip(vs, list(J.solve(Fm)), strict=False)))
    return vs, _vec(inputs["x0"]), step, tuple(slips), formulas


def _start(task: str, inputs: dict) -> _Ctx:
    vs, x0, step, slips, formulas = _gd(inputs) if task == "gradient_descent" else _newton(inputs)
    if len(x0) != len(vs):
        raise TaskError(f"x0 has {len(x0)} entries for {len(vs)} variables", name="x0")
    n = int(inputs.get("iterations") or (10 if task == "gradient_descent" else 5))
    return _Ctx(task, vs, x0, step, slips, formulas, n, _State(0, x0), dict(inputs))


def _entries(text: str) -> tuple:
    body = text.strip().strip("()[]")
    return tuple(p.strip() for p in body.split(","))


def _read(ctx: _Ctx, raw: Any) -> _Line:
    from symbolic_mlmath.text.parse import parse_value

    text = str(raw).strip().rstrip(".")
    head, colon, rest = text.partition(":")
    labelled = bool(colon and _LABEL.match(head))
    pieces = re.split(r"(?<![<>=!])=(?!=)", rest if labelled else text)
    index = None
    m = _LABEL.match(head) if labelled else (_LABEL.match(pieces[0]) if len(pieces) > 1 else None)
    if m:
        index = int(next(g for g in m.groups() if g))
        if not labelled:
            pieces = pieces[1:]
    elif len(pieces) > 1 and (_NAMES.match(pieces[0]) or _FORMULA_HEAD.match(pieces[0])):
        pieces = pieces[1:]
    pieces = [_AT_K.sub(r"\1", p) for p in pieces]
    values = [parse_value(p, name="line") for p in pieces]
    free = set().union(*(getattr(v, "free_symbols", set()) for v in values))
    if free:
        if free - set(ctx.vars):
            raise ParseError(f"the line uses {', '.join(sorted(map(str, free - set(ctx.vars))))}"
                             ", which the problem does not have", name="line")
        return _Line(index, (), (), formula=values[-1])
    last = _vec(values[-1])
    if len(last) != len(ctx.vars):
        raise ParseError(f"an iterate has {len(ctx.vars)} entr{'y' if len(ctx.vars) == 1 else 'ies'}"
                         f", this line has {len(last)}", name="line")
    texts = _entries(pieces[-1])
    if len(texts) != len(last):
        texts = ("",) * len(last)
    return _Line(index, last, texts, tuple(_vec(v) for v in values[:-1]))


def _close(want: tuple, got: tuple, texts: tuple) -> bool | None:
    from symbolic_mlmath.core.answers import compare_scalar

    verdicts = [compare_scalar(w, g, text=t or None)[0]
                for w, g, t in zip(want, got, texts, strict=True)]
    if False in verdicts:
        return False
    return None if None in verdicts else True


def _rounds_to(want: tuple, got: tuple, texts: tuple) -> bool:
    """Every entry of ``got`` is ``want`` exactly or rounded to the decimals written."""
    from fractions import Fraction

    from symbolic_mlmath.core.answers import decimal_places

    for w, g, t in zip(want, got, texts, strict=True):
        if not (w.is_number and g.is_number):
            return False
        places = decimal_places(t) if t else None
        diff = abs(Fraction(str(w.evalf(40))) - Fraction(str(g.evalf(40)))) if places else None
        if places is None:
            if w != g:
                return False
        elif diff > Fraction(1, 2 * 10**places):
            return False
    return True


def _txt(p: tuple) -> str:
    from symbolic_mlmath.render.formats import text_of

    items = ", ".join(text_of(x) for x in p)
    return items if len(p) == 1 else f"({items})"


def _rules_of(ctx: _Ctx, formula: Any) -> str:
    """``rules: ...`` when a formula line is a derivative of f (or of f'), for notes."""
    from sympy import diff

    from .difftree import diff_tree
    from .judge_derivative import rule_names
    from .judge_derivative import same as _same

    f = ctx.inputs.get("expr", ctx.inputs.get("f"))
    if not hasattr(f, "free_symbols"):
        return ""
    if hasattr(formula, "shape"):  # ∇f = [..]: every component a partial of f
        if len(formula) != len(ctx.vars) or not all(
                _same(e, diff(f, v)) is True for e, v in zip(formula, ctx.vars, strict=True)):
            return ""
        try:
            found = [n for v in ctx.vars for n in rule_names(diff_tree(f, v)).split("; ")]
            names = "; ".join(dict.fromkeys(n for n in found if n))
        except Exception:  # no rule tree: nothing to name
            return ""
        return f"rules: {names}" if names.strip("; ") else ""
    bases = [f, *(diff(f, v) for v in ctx.vars)]
    for b in bases:
        for v in ctx.vars:
            if _same(formula, diff(b, v)) is True:
                try:
                    names = rule_names(diff_tree(b, v))
                except Exception:  # no rule tree: nothing to name
                    return ""
                return f"rules: {names}" if names else ""
    return ""


#: The mistake named when Newton's step is taken from a point where the derivative is zero.
NO_STEP = "no Newton step (the derivative is zero)"


def _follows(ctx: _Ctx, s: _State, line: _Line) -> Follow:
    if line.formula is not None:
        from .judge_derivative import same as _same

        ok = any(_same(line.formula, e) is True for e in ctx.formulas
                 if not hasattr(e, "shape") and not hasattr(line.formula, "shape"))
        if hasattr(line.formula, "shape"):
            ok = any(hasattr(e, "shape") and e.shape == line.formula.shape and
                     all(_same(a, b) is True for a, b in zip(e, line.formula, strict=True))
                     for e in ctx.formulas)
        return Follow(ok, "the formula" if ok else None,
                      note=_rules_of(ctx, line.formula) if ok else "", state=s)
    k = line.index if line.index is not None else s.k + 1
    if k <= s.k and k != s.k:
        return Follow(False, note=f"iterate {k} comes before iterate {s.k}", state=s)
    point = s.point
    try:
        for _ in range(k - s.k):
            point = ctx.step(point)
    except (ValueError, ZeroDivisionError):  # a singular derivative: no Newton step
        return Follow(False, note=f"there is no Newton step from x_{k - 1} = {_txt(point)} "
                      "(the derivative there is zero)", state=_State(k, line.values))
    for part in line.chain:
        if len(part) == len(point) and _close(point, part, ("",) * len(point)) is False:
            return Follow(False, state=_State(k, line.values))
    ok = _close(point, line.values, line.texts)
    skipped = k - s.k - 1
    note = f"{skipped} iterate{'s' if skipped != 1 else ''} skipped" if skipped > 0 else ""
    op = f"x_{k} = {'update' if ctx.task == 'gradient_descent' else 'Newton step'} of x_{k - 1}"
    if k == s.k:
        op = f"x_{k} again"
    return Follow(ok, op, note=note, state=_State(k, line.values))


def _explain(ctx: _Ctx, s: _State, line: _Line) -> Slip | None:
    if line.formula is not None:
        return Slip("wrong formula", "this is not the gradient, derivative or update rule of "
                    "the problem")
    k = line.index if line.index is not None else s.k + 1
    if k < s.k:
        return None
    point = s.point
    try:
        for _ in range(max(0, k - s.k - 1)):
            point = ctx.step(point)
        want = ctx.step(point)
    except (ValueError, ZeroDivisionError):  # a singular derivative: no Newton step
        return Slip(NO_STEP, f"the derivative is zero at x_{k - 1} = {_txt(point)}")
    for name, detail, fn in ctx.slips:
        try:
            alt = fn(point)
        except (ZeroDivisionError, ValueError, TypeError):
            continue
        if _rounds_to(alt, line.values, line.texts) and _close(want, alt, ("",) * len(want)) \
                is False:
            return Slip(name, f"{detail}; from x_{k - 1} = {_txt(point)} the step gives "
                        f"{_txt(want)}", want)
    return Slip("arithmetic slip", f"from x_{k - 1} = {_txt(point)} the next iterate is "
                f"{_txt(want)}, not {_txt(line.values)}", want)


def _finished(ctx: _Ctx, s: _State) -> tuple[bool, str]:
    if s.k < ctx.iterations:
        return False, f"there are {s.k} iterates of {ctx.iterations}"
    return True, f"and all {ctx.iterations} iterates are there"


def _answer(ctx: _Ctx, s: _State, raw: Any) -> Any:
    from symbolic_mlmath.core.tasks import get_task

    t = get_task(ctx.task)
    return t.check_answer(t.derive(**ctx.inputs), raw, ctx.inputs)


def _expected(ctx: _Ctx) -> Any:
    if ctx.iterations > _MAX_EXPECTED:
        return None  # exact iterates grow; the lines are judged one step at a time
    p = ctx.x0
    try:
        for _ in range(ctx.iterations):
            p = ctx.step(p)
    except (ValueError, ZeroDivisionError):  # a singular derivative on the way
        return None
    return p


_JUDGE = Judge(_start, _read, _follows, _finished, _explain, _answer,
               lambda s: _txt(s.point) if isinstance(s, _State) else
               _txt(s) if isinstance(s, tuple) else str(s),
               given_name="x_0", expected=_expected)

#: The judges of this module's tasks.
JUDGES = {"gradient_descent": _JUDGE, "newton_method": _JUDGE}

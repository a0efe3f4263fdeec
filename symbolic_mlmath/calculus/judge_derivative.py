"""The working judge of ``derivative`` and ``partial_derivative``: each line has the value of f'.

A line is an expression, or a chain ``d/dx(x^2 sin x) = 2x sin x + x^2 cos x`` (every part
must have the value), with a prefix such as ``f'(x) =``, ``dy/dx =`` or ``∂f/∂x =`` read and
dropped; derivatives still to be worked out may be written ``d/dx(...)``, ``∂/∂x(...)`` or
``(...)'``. Each line must equal the line before in value (numerically at seeded points first,
then by exact algebra); the step between two lines is named where it can be recognised
(the differentiation rules of the first line, then expand, factor, simplify, substitute).
A first line that is not f' is measured against the rule tree with one law changed at one
node (:mod:`symbolic_mlmath.calculus.mistakes`: inner derivative missing, exponent not
lowered, a product-rule term missing, the quotient rule's sign, ...); a later line against
the line before (a sign, a dropped term, a coefficient). With ``at``, a last line may be the
value at the point. For ``partial_derivative`` with ``where``, the named quantities may appear
in lines and are read through their definitions.

Examples
========
>>> from symbolic_mlmath.core.working import check_working
>>> from sympy import Symbol, sin
>>> x = Symbol("x")
>>> v = check_working("derivative", {"expr": x**2 * sin(x), "var": (x,)},
...                   ["d/dx(x^2) sin(x) + x^2 d/dx(sin x)", "2x sin(x) + x^2 cos(x)"])
>>> v.correct, v.lines[0].operation
(True, 'product rule')
>>> v = check_working("derivative", {"expr": sin(x**2), "var": (x,)}, ["cos(x^2)"])
>>> v.first_wrong_step, v.lines[0].mistake
(0, 'inner derivative missing')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from symbolic_mlmath.core.errors import ParseError, TaskError
from symbolic_mlmath.core.mistakes import Slip
from symbolic_mlmath.core.working import Follow, Judge
from symbolic_mlmath.text.tokenize import closing_bracket

__all__ = ["JUDGES", "DLine", "expand_derivatives", "finite_parts", "partial_slip", "rule_names",
           "same", "split_names", "split_text"]

_PREFIX = re.compile(r"^\s*(?:[A-Za-z]\s*'+\s*(?:\([^()]*\))?|d\s*[A-Za-z]?\s*/\s*d\s*[A-Za-z]\w*"
                     r"|∂\s*[A-Za-z]?\s*/\s*∂\s*[A-Za-z]\w*|[A-Za-z]_\{?[A-Za-z]+\}?)\s*$")
_AT_PREFIX = re.compile(r"^\s*[A-Za-z]\s*'+\s*\(\s*[-+]?[\d./\s]+\)\s*$")
_OPERATOR = re.compile(r"(?:d|∂)\s*/\s*(?:d|∂)\s*([A-Za-z]\w*)\s*(?=[(\[])")
_MAX_DERIVS = 20

_RULE_WORDS = {
    "power_rule": "power rule", "constant_multiple": "constant multiple rule",
    "sum_rule": "sum rule", "product_rule": "product rule", "quotient_rule": "quotient rule",
    "chain_rule": "chain rule", "exp_rule": "exponential rule", "exp_base_rule": "exponential rule",
    "log_rule": "logarithm rule", "log_base_rule": "logarithm rule", "trig_rule": "trig derivative",
    "inverse_trig_rule": "inverse trig derivative", "hyperbolic_rule": "hyperbolic derivative",
    "log_differentiation": "logarithmic differentiation", "sigmoid_rule": "sigmoid derivative",
    "softplus_rule": "softplus derivative",
}



def expand_derivatives(text: str, var: Any) -> tuple[str, dict]:
    """Replace ``d/dx(...)``, ``∂/∂x(...)`` and ``(...)'`` by placeholders; return the text and
    ``{placeholder: derivative}`` (each inner part read through the text door).

    Examples
    ========
    >>> from sympy import Symbol
    >>> t, vals = expand_derivatives("d/dx(x^2) + (sin(x))'", Symbol("x"))
    >>> t, sorted(map(str, vals.values()))
    ('(Dd_0) + (Dd_1)', ['2*x', 'cos(x)'])
    """
    from sympy import Symbol, diff

    from symbolic_mlmath.text.parse import parse_expr

    if "Dd_" in text:
        raise ParseError("the name Dd_ is reserved", name="line")
    values: dict = {}
    out = text
    while len(values) <= _MAX_DERIVS:
        m = _OPERATOR.search(out)
        prime = None
        if m is None:
            prime = re.search(r"[)\]]\s*'", out)
            if prime is None:
                break
            end = prime.start()
            close = out[end]
            opener = "(" if close == ")" else "["
            depth, start = 0, None
            for k in range(end, -1, -1):
                if out[k] == close:
                    depth += 1
                elif out[k] == opener:
                    depth -= 1
                    if depth == 0:
                        start = k
                        break
            if start is None:
                raise ParseError("unbalanced brackets before '", name="line")
            inner, wrt, a, b = out[start + 1:end], var, start, prime.end()
        else:
            k = m.end()
            end = closing_bracket(out, k)
            inner, wrt, a, b = out[k + 1:end], Symbol(m.group(1)), m.start(), end + 1
            if str(wrt) == str(var):
                wrt = var
        name = f"Dd_{len(values)}"
        values[Symbol(name)] = diff(parse_expr(inner, name="line"), wrt)
        out = f"{out[:a]}({name}){out[b:]}"
    else:
        raise ParseError(f"more than {_MAX_DERIVS} derivatives on one line", name="line")
    return out, values


@dataclass(frozen=True)
class DLine:
    """A line of derivative working: its text, the value of each side, and whether it still
    holds derivatives to work out."""

    text: str
    parts: tuple
    pending: bool = False
    at_point: bool = False

    @property
    def value(self) -> Any:
        return self.parts[-1]

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class _Ctx:
    task: str
    f: Any
    var: Any
    tree: Any
    fprime: Any
    at: dict
    where: dict
    given: Any


def rule_names(tree: Any) -> str:
    """The laws used in a rule tree, top first, as a learner names them.

    Examples
    ========
    >>> from sympy import Symbol, sin
    >>> from symbolic_mlmath.calculus.difftree import diff_tree
    >>> x = Symbol("x")
    >>> rule_names(diff_tree(x**2 * sin(3*x), x))
    'product rule; power rule; chain rule; trig derivative; constant multiple rule'
    """
    names: list[str] = []
    for node in tree.walk():
        w = _RULE_WORDS.get(node.rule.value)
        if w and w not in names:
            names.append(w)
    return "; ".join(names)


def _resolve(expr: Any, where: dict) -> Any:
    for _ in range(len(where) + 1):
        new = expr.xreplace(where)
        if new == expr:
            break
        expr = new
    return expr


def _start(task: str, inputs: dict) -> _Ctx:
    from sympy import diff

    from .differentiation import pick_variable, read_point
    from .difftree import diff_tree
    from .functions import recognize

    where = dict((inputs.get("where") or {}).items())
    f = _resolve(inputs["expr"], where)
    var = pick_variable(f, inputs.get("var"))
    if getattr(f, "is_Relational", False) or not hasattr(f, "free_symbols"):
        raise TaskError("the working of a derivative needs an expression", name="expr")
    try:
        tree = diff_tree(recognize(f), var)
        fprime = tree.result
    except Exception:  # no rule tree for it: SymPy's derivative, rules unnamed
        tree, fprime = None, diff(f, var)
    at = read_point(inputs["at"], tuple(sorted(f.free_symbols | {var}, key=str))) \
        if inputs.get("at") else {}
    return _Ctx(task, f, var, tree, fprime, at, where, fprime)


def _read(ctx: _Ctx, raw: Any) -> DLine:
    from symbolic_mlmath.text.parse import parse_expr

    if not isinstance(raw, str):
        v = parse_expr(raw, name="line")
        return DLine(str(raw), (_resolve(v, ctx.where),))
    text = raw.strip().rstrip(".")
    pieces = re.split(r"(?<![<>=!])=(?!=)", text.lstrip("=").strip())
    at_point = False
    if len(pieces) > 1 and _AT_PREFIX.match(pieces[0]):
        at_point = True
        pieces = pieces[1:]
    elif len(pieces) > 1 and _PREFIX.match(pieces[0]):
        pieces = pieces[1:]
    if not pieces or not all(p.strip() for p in pieces):
        raise ParseError("expected an expression", name="line")
    parts, pending = [], False
    names = {str(n) for n in ctx.f.free_symbols | {ctx.var} | set(ctx.where) if len(str(n)) == 1}
    for p in pieces:
        body, values = expand_derivatives(split_text(p, names), ctx.var)
        pending = bool(values)
        v = parse_expr(body, name="line").xreplace(values)
        v = split_names(v, ctx.f.free_symbols | {ctx.var} | set(ctx.where))
        parts.append(_resolve(v, ctx.where))
    _known_names(ctx, parts)
    finite_parts(parts)
    return DLine(text, tuple(parts), pending, at_point)


def finite_parts(parts: list) -> None:
    """A line with ∞ or an undefined value (oo, zoo, nan) cannot be read (raises ParseError).

    Examples
    ========
    >>> from sympy import Symbol, oo
    >>> finite_parts([2 * Symbol("x")]) is None
    True
    >>> finite_parts([oo])
    Traceback (most recent call last):
    ...
    symbolic_mlmath.core.errors.ParseError: line: the line holds an infinite or undefined value
    """
    from sympy import nan, oo, zoo

    if any(getattr(p, "has", None) and p.has(oo, -oo, zoo, nan) for p in parts):
        raise ParseError("the line holds an infinite or undefined value", name="line")


_FUNCTIONS = {"sin", "cos", "tan", "cot", "sec", "csc", "exp", "log", "ln", "sqrt", "sigma",
              "sigmoid", "tanh", "sinh", "cosh", "relu", "softplus", "abs", "pi", "asin", "acos",
              "atan", "arcsin", "arccos", "arctan", "max", "min", "lambda", "theta", "mu"}


def split_text(text: str, names: set) -> str:
    """Spaces between the letters of a run such as ``yx`` when each letter is a variable of the
    problem and the run is not a function (``2yx^3`` -> ``2y x^3``, as a teacher reads it).

    Examples
    ========
    >>> split_text("2yx^3 + sin(xy)", {"x", "y"})
    '2y x^3 + sin(x y)'
    """
    def fix(m: re.Match) -> str:
        run = m.group(0)
        if run.lower() in _FUNCTIONS or run in names or not all(c in names for c in run):
            return run
        return " ".join(run)

    return re.sub(r"(?<![A-Za-z_])[A-Za-z]{2,}(?![A-Za-z_\d(])", fix, text)


def split_names(expr: Any, allowed: set) -> Any:
    """A name the problem does not have, made of letters that are its variables, read as their
    product (``xy`` -> ``x*y``), as a teacher reads ``2xy``.

    Examples
    ========
    >>> from sympy import symbols
    >>> x, y, xy = symbols("x y xy")
    >>> split_names(2 * xy + x, {x, y})
    2*x*y + x
    """
    from sympy import Mul

    names = {str(s): s for s in allowed if len(str(s)) == 1}
    swap = {}
    for s in getattr(expr, "free_symbols", ()):
        t = str(s)
        if s not in allowed and len(t) > 1 and t.isalpha() and all(c in names for c in t):
            swap[s] = Mul(*(names[c] for c in t))
    return expr.xreplace(swap) if swap else expr


def _known_names(ctx: _Ctx, parts: list) -> None:
    allowed = ctx.f.free_symbols | {ctx.var} | set(ctx.where)
    extra = set().union(*(p.free_symbols for p in parts)) - allowed
    if extra:
        names = ", ".join(sorted(str(s) for s in extra))
        hint = (" (a name of several letters is one symbol: write x*y or x y for a product)"
                if any(len(str(s)) > 1 and str(s).isalpha() for s in extra) else "")
        raise ParseError(f"the line uses {names}, which the problem does not have{hint}",
                         name="line")


def _value(state: Any) -> Any:
    return state.value if isinstance(state, DLine) else state


def same(a: Any, b: Any) -> bool | None:
    """Whether two expressions are equal: numerically at seeded points first, then by exact
    algebra (None: undecided)."""
    return _same(a, b)


def partial_slip(base: Any, wrt: Any, others: list, want: Any, v: Any) -> Slip | None:
    """The slips of a partial derivative: the wrong variable, another variable not held
    constant, a constant factor dropped."""
    from sympy import Mul, cancel, diff

    from symbolic_mlmath.render.formats import text_of

    for other in others:
        if _same(v, diff(base, other)) is True and _same(want, v) is False:
            return Slip("wrong variable", f"this is the derivative with respect to {other}, "
                        f"not {wrt}", want)
    if others and _same(v, diff(base, wrt) + sum((diff(base, o) for o in others), 0)) is True:
        names = ", ".join(map(str, others))
        return Slip("other variable not held constant", f"for ∂/∂{wrt} the other variables "
                    f"({names}) are constants", want)
    if v != 0 and others:
        ratio = cancel(want / v)
        monomial = all(b in others and e.is_Integer and e > 0 for b, e in
                       (f.as_base_exp() for f in Mul.make_args(ratio)))
        if ratio.free_symbols and monomial:
            return Slip("constant factor dropped", f"for ∂/∂{wrt} the factor {text_of(ratio)} is "
                        "a constant and stays", want)
    return None


def _same(a: Any, b: Any) -> bool | None:
    from .equality import exact_equal, numeric_equal

    ok, _ = numeric_equal(a, b)
    if ok is True:
        return True
    # exact algebra (cheap cases only) outranks an ill-conditioned evaluation
    exact = exact_equal(a, b, max_ops=80 if ok is False else 200)
    return True if exact is True else ok


def _algebra(prev: Any, cur: Any) -> str:
    from sympy import cancel, count_ops, expand, factor, together

    if count_ops(prev) > 40:  # naming the step is cosmetic: not worth a slow factorisation
        return "the same value, rewritten"
    for name, fn in (("expand", expand), ("factor", factor), ("simplify", cancel),
                     ("common denominator", together)):
        try:
            if fn(prev) == cur:
                return name
        except Exception:  # an expression SymPy's algebra refuses
            continue
    return "the same value, rewritten"


def _follows(ctx: _Ctx, state: Any, line: DLine) -> Follow:
    target = _value(state)
    at_value = ctx.at and line.value.free_symbols.isdisjoint(ctx.at) and not \
        target.free_symbols.isdisjoint(ctx.at)
    if at_value:
        target = target.subs(ctx.at)
    undecided = False
    for part in line.parts:
        ok = _same(part, target)
        if ok is False:
            return Follow(False)
        undecided = undecided or ok is None
    if undecided:
        return Follow(None)
    if at_value:
        where = ", ".join(f"{k} = {v}" for k, v in ctx.at.items())
        return Follow(True, f"substitute {where}")
    if state is ctx.given or state == ctx.given:
        names = rule_names(ctx.tree) if ctx.tree is not None else ""
        first = names.split("; ")[0] if names else "differentiate"
        return Follow(True, first, note=f"rules: {names}" if "; " in names else "")
    if isinstance(state, DLine) and state.pending and not line.pending:
        return Follow(True, "the derivatives worked out")
    return Follow(True, _algebra(target, line.value))


def _finished(ctx: _Ctx, state: Any) -> tuple[bool, str]:
    if isinstance(state, DLine) and state.pending:
        return False, "the last line still has derivatives to work out"
    v = _value(state)
    if ctx.at and not v.free_symbols.isdisjoint(ctx.at):
        where = ", ".join(f"{k} = {val}" for k, val in ctx.at.items())
        return False, f"the derivative is not evaluated at {where} yet"
    return True, f"and the derivative is {_txt(v)}"


def _txt(x: Any) -> str:
    from symbolic_mlmath.render.formats import text_of

    from .functions import recognize

    try:
        return text_of(recognize(x))
    except Exception:  # recognising σ is cosmetic
        return text_of(x)


def _algebra_slip(target: Any, v: Any) -> Slip:
    from sympy import Add, expand

    if _same(v, -target) is True:
        return Slip("sign error", f"this is the negative of the line before ({_txt(target)})", target)
    from .equality import numeric_equal

    terms = Add.make_args(expand(target))
    if 1 < len(terms) <= 12:
        gap = target - v  # a dropped term t leaves t; a flipped sign leaves 2t
        for t in terms:
            if numeric_equal(gap, t, count=4)[0] is True:
                return Slip("term dropped", f"the term {_txt(t)} is missing", target)
            if numeric_equal(gap, 2 * t, count=4)[0] is True:
                return Slip("sign error", f"the term {_txt(t)} has the wrong sign", target)
    return Slip("algebra slip", f"this is not equal to the line before, {_txt(target)}", target)


def _explain(ctx: _Ctx, state: Any, line: DLine) -> Slip | None:
    target = _value(state)
    v = next((p for p in line.parts if _same(p, target) is False), line.value)
    if ctx.at and v.free_symbols.isdisjoint(ctx.at) and not target.free_symbols.isdisjoint(ctx.at):
        want = target.subs(ctx.at)
        where = ", ".join(f"{k} = {val}" for k, val in ctx.at.items())
        name = "sign error" if _same(v, -want) is True else "arithmetic slip"
        return Slip(name, f"at {where} the line before is {_txt(want)}, not {_txt(v)}", want)
    fresh = state is ctx.given or (isinstance(state, DLine) and state.pending)
    if fresh and ctx.tree is not None and _same(target, ctx.fprime) is True:
        from .mistakes import name_slip

        slip = name_slip(ctx.tree, v)
        if slip is not None:
            return Slip(slip.name, slip.detail, ctx.fprime)
        if _same(v, ctx.f) is True:
            return Slip("not differentiated", f"this is f itself, {_txt(ctx.f)}", ctx.fprime)
    if fresh and _same(target, ctx.fprime) is True:
        others = sorted(ctx.f.free_symbols - {ctx.var}, key=str)
        slip = partial_slip(ctx.f, ctx.var, others, ctx.fprime, v) if ctx.task != "derivative" \
            else None
        if slip is not None:
            return slip
        if state is ctx.given:
            return Slip("wrong derivative", f"the derivative is {_txt(ctx.fprime)}, not {_txt(v)}",
                        ctx.fprime)
    return _algebra_slip(target, v)


def _answer(ctx: _Ctx, state: Any, raw: Any) -> Any:
    from symbolic_mlmath.core.tasks import get_task

    t = get_task(ctx.task)
    inputs = {"expr": ctx.f, "var": (ctx.var,)}
    if ctx.at:
        inputs["at"] = ctx.at
    d = t.derive(**inputs)
    return t.check_answer(d, raw, inputs)


def _expected(ctx: _Ctx) -> Any:
    return ctx.fprime.subs(ctx.at) if ctx.at else ctx.fprime


_JUDGE = Judge(_start, _read, _follows, _finished, _explain, _answer, lambda s: _txt(_value(s)),
               given_name="f'", expected=_expected)

#: The judges of this module's tasks.
JUDGES = {"derivative": _JUDGE, "partial_derivative": _JUDGE}

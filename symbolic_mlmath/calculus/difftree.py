"""The differentiation rule tree: which law applies to each part of an expression.

:func:`diff_tree` searches for the rules (the shape of SymPy's ``manualintegrate``):
every node names one law, holds the expression it differentiates, its pieces (``n`` of
the power rule, ``f`` and ``g`` of the product rule, ``u`` of the chain rule) and the
nodes of its parts. A node's result is computed from its children's results by the law
itself (:data:`LAWS`), so the steps printed are the computation, not a story told after
it. SymPy's ``diff`` is never called while building (except in the honest fallback leaf
for functions without a rule); verifiers compare each node with ``diff`` afterwards.

Examples
========
>>> from sympy import Symbol, sin
>>> x = Symbol("x")
>>> t = diff_tree(x**2 * sin(x), x)
>>> t.rule.value, [c.rule.value for c in t.children]
('product_rule', ['power_rule', 'trig_rule'])
>>> t.result
x**2*cos(x) + 2*x*sin(x)
>>> c = diff_tree(sin(x**2), x)
>>> c.rule.value, c.given["u"], c.result
('chain_rule', x**2, 2*x*cos(x**2))
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sympy import (
    Abs,
    Add,
    Max,
    Mul,
    Piecewise,
    Pow,
    S,
    Symbol,
    acos,
    acosh,
    acot,
    asin,
    asinh,
    atan,
    atanh,
    cos,
    cosh,
    cot,
    coth,
    csc,
    csch,
    exp,
    log,
    sec,
    sech,
    sin,
    sinh,
    sqrt,
    tan,
    tanh,
)

from .functions import sigmoid, softplus
from .rules import CalculusRule as R

__all__ = ["LAWS", "DiffNode", "diff_tree", "recompute"]

_U_NAMES = ("u", "v", "w", "t", "s", "r", "q")


@dataclass(frozen=True, eq=False)
class DiffNode:
    """One law applied to ``d/d var expr``: its pieces, its parts' nodes and its result."""

    rule: R
    expr: Any
    var: Any
    given: Mapping[str, Any]
    children: tuple[DiffNode, ...] = ()
    result: Any = field(default=None)

    def walk(self) -> Iterator[DiffNode]:
        """This node and every node below it, depth first."""
        yield self
        for c in self.children:
            yield from c.walk()


# ------------------------------------------------------------------ the laws
Law = Callable[[Mapping[str, Any], tuple, Any], Any]


def _table(name: str, table: Mapping[str, Callable[[Any], Any]]) -> Law:
    return lambda g, kids, x: table[str(g["function"])](x)


_TRIG: dict[str, Callable[[Any], Any]] = {
    "sin": cos,
    "cos": lambda x: -sin(x),
    "tan": lambda x: sec(x) ** 2,
    "cot": lambda x: -csc(x) ** 2,
    "sec": lambda x: sec(x) * tan(x),
    "csc": lambda x: -csc(x) * cot(x),
}
_INVERSE_TRIG: dict[str, Callable[[Any], Any]] = {
    "asin": lambda x: 1 / sqrt(1 - x**2),
    "acos": lambda x: -1 / sqrt(1 - x**2),
    "atan": lambda x: 1 / (1 + x**2),
    "acot": lambda x: -1 / (1 + x**2),
}
_HYPERBOLIC: dict[str, Callable[[Any], Any]] = {
    "sinh": cosh,
    "cosh": sinh,
    "tanh": lambda x: 1 - tanh(x) ** 2,
    "coth": lambda x: 1 - coth(x) ** 2,
    "sech": lambda x: -sech(x) * tanh(x),
    "csch": lambda x: -csch(x) * coth(x),
    "asinh": lambda x: 1 / sqrt(x**2 + 1),
    "acosh": lambda x: 1 / sqrt(x**2 - 1),
    "atanh": lambda x: 1 / (1 - x**2),
}
_FUNCS_TRIG = {f.__name__: f for f in (sin, cos, tan, cot, sec, csc)}
_FUNCS_INV = {f.__name__: f for f in (asin, acos, atan, acot)}
_FUNCS_HYP = {f.__name__: f for f in (sinh, cosh, tanh, coth, sech, csch, asinh, acosh, atanh)}


def _chain(g: Mapping[str, Any], kids: tuple, x: Any) -> Any:
    return kids[0].xreplace({g["U"]: g["u"]}) * kids[1]


def _log_diff(g: Mapping[str, Any], kids: tuple, x: Any) -> Any:
    return g["f"] ** g["g"] * kids[0]


#: Each rule's law: ``law(given, child results, var) -> derivative``.
LAWS: dict[R, Law] = {
    R.DIFF_CONSTANT: lambda g, kids, x: S.Zero,
    R.DIFF_VARIABLE: lambda g, kids, x: S.One,
    R.POWER_RULE: lambda g, kids, x: g["n"] * x ** (g["n"] - 1),
    R.CONSTANT_MULTIPLE: lambda g, kids, x: g["c"] * kids[0],
    R.SUM_RULE: lambda g, kids, x: Add(*kids),
    R.PRODUCT_RULE: lambda g, kids, x: kids[0] * g["g"] + g["f"] * kids[1],
    R.QUOTIENT_RULE: lambda g, kids, x: (kids[0] * g["g"] - g["f"] * kids[1]) / g["g"] ** 2,
    R.CHAIN_RULE: _chain,
    R.EXP_RULE: lambda g, kids, x: exp(x),
    R.EXP_BASE_RULE: lambda g, kids, x: g["a"] ** x * log(g["a"]),
    R.LOG_RULE: lambda g, kids, x: 1 / x,
    R.LOG_BASE_RULE: lambda g, kids, x: 1 / (x * log(g["b"])),
    R.TRIG_RULE: _table("trig", _TRIG),
    R.INVERSE_TRIG_RULE: _table("inverse trig", _INVERSE_TRIG),
    R.HYPERBOLIC_RULE: _table("hyperbolic", _HYPERBOLIC),
    R.LOG_DIFFERENTIATION: _log_diff,
    R.SIGMOID_RULE: lambda g, kids, x: sigmoid(x) * (1 - sigmoid(x)),
    R.SOFTPLUS_RULE: lambda g, kids, x: sigmoid(x),
    R.RELU_RULE: lambda g, kids, x: Piecewise((0, x < 0), (1, x > 0)),
    R.ABS_RULE: lambda g, kids, x: Piecewise((-1, x < 0), (1, x > 0)),
    R.LOG_SUM_EXP_RULE: lambda g, kids, x: Add(*(exp(u) / g["sum"] * k
                                                  for u, k in zip(g["terms"], kids, strict=True))),
    R.DIFF_FALLBACK: lambda g, kids, x: g["sympy"],
}


def _node(rule: R, expr: Any, var: Any, given: dict, children: tuple = ()) -> DiffNode:
    result = LAWS[rule](given, tuple(c.result for c in children), var)
    return DiffNode(rule, expr, var, given, children, result)


def recompute(node: DiffNode, replace: Mapping[int, Law]) -> Any:
    """The result of ``node`` when the nodes ``replace`` names (by ``id``) use other laws.

    Used to see what a slip in one place (a missing inner derivative) gives overall.
    """
    if not replace:
        return node.result
    kids = tuple(recompute(c, replace) for c in node.children)
    law = replace.get(id(node), LAWS[node.rule])
    return law(node.given, kids, node.var)


# ------------------------------------------------------------------ the search
def _fresh(expr: Any, var: Any, depth: int) -> Symbol:
    taken = {s.name for s in expr.free_symbols} | {str(var)}
    names = _U_NAMES[depth % len(_U_NAMES):] + _U_NAMES[: depth % len(_U_NAMES)]
    for name in names:
        if name not in taken:
            return Symbol(name)
    k = 1
    while f"u{k}" in taken:
        k += 1
    return Symbol(f"u{k}")


class _Builder:
    def __init__(self, var: Any) -> None:
        self.var = var

    def build(self, expr: Any, depth: int = 0) -> DiffNode:
        x = self.var
        if not expr.has(x):
            return _node(R.DIFF_CONSTANT, expr, x, {})
        if expr == x:
            return _node(R.DIFF_VARIABLE, expr, x, {})
        if isinstance(expr, Add):
            kids = tuple(self.build(t, depth) for t in expr.args)
            return _node(R.SUM_RULE, expr, x, {"terms": len(kids)}, kids)
        if isinstance(expr, Mul):
            return self._mul(expr, depth)
        if isinstance(expr, Pow):
            return self._pow(expr, depth)
        return self._function(expr, depth)

    # ------------------------------------------------------------ products
    def _mul(self, expr: Any, depth: int) -> DiffNode:
        x = self.var
        const = [f for f in expr.args if not f.has(x)]
        rest = [f for f in expr.args if f.has(x)]
        logb = self._log_base(const, rest, expr, depth)
        if logb is not None:
            return logb
        if const:
            c, inner = Mul(*const), Mul(*rest)
            return _node(R.CONSTANT_MULTIPLE, expr, x, {"c": c, "f": inner},
                         (self.build(inner, depth),))
        den = [f for f in rest if isinstance(f, Pow) and f.exp.is_number and f.exp.is_negative]
        num = [f for f in rest if f not in den]
        if den and num:
            f, g = Mul(*num), Mul(*(1 / d for d in den))
            return _node(R.QUOTIENT_RULE, expr, x, {"f": f, "g": g},
                         (self.build(f, depth), self.build(g, depth)))
        f, g = rest[0], Mul(*rest[1:])
        return _node(R.PRODUCT_RULE, expr, x, {"f": f, "g": g},
                     (self.build(f, depth), self.build(g, depth)))

    def _log_base(self, const: list, rest: list, expr: Any, depth: int) -> DiffNode | None:
        """``log(u)/log(b)`` (SymPy's form of log_b u), b a number."""
        if len(rest) != 1 or not isinstance(rest[0], log) or len(const) != 1:
            return None
        c = const[0]
        if not (isinstance(c, Pow) and c.exp == -1 and isinstance(c.base, log)
                and c.base.args[0].is_number and c.base.args[0].is_positive):
            return None
        b, u = c.base.args[0], rest[0].args[0]
        return self._outer(R.LOG_BASE_RULE, expr, u, depth, {"b": b},
                           lambda U: log(U) / log(b))

    # ------------------------------------------------------------ powers
    def _pow(self, expr: Any, depth: int) -> DiffNode:
        x = self.var
        base, n = expr.args
        if not n.has(x):
            if base == x:
                return _node(R.POWER_RULE, expr, x, {"n": n})
            return self._outer(R.POWER_RULE, expr, base, depth, {"n": n}, lambda U: U**n)
        if not base.has(x):
            if base is S.Exp1:
                return self._outer(R.EXP_RULE, expr, n, depth, {}, exp)
            return self._outer(R.EXP_BASE_RULE, expr, n, depth, {"a": base}, lambda U: base**U)
        inner = n * log(base)
        return _node(R.LOG_DIFFERENTIATION, expr, x, {"f": base, "g": n, "ln": inner},
                     (self.build(inner, depth),))

    # ------------------------------------------------------------ functions
    def _function(self, expr: Any, depth: int) -> DiffNode:
        name = type(expr).__name__
        args = expr.args
        if len(args) == 1:
            u = args[0]
            if isinstance(expr, exp):
                return self._outer(R.EXP_RULE, expr, u, depth, {}, exp)
            if isinstance(expr, log):
                if isinstance(u, Add) and len(u.args) > 1 and all(
                        isinstance(t, exp) for t in u.args):
                    terms = tuple(t.args[0] for t in u.args)
                    return _node(R.LOG_SUM_EXP_RULE, expr, self.var,
                                 {"terms": terms, "sum": u},
                                 tuple(self.build(t, depth) for t in terms))
                return self._outer(R.LOG_RULE, expr, u, depth, {}, log)
            table = ((R.TRIG_RULE, _FUNCS_TRIG), (R.INVERSE_TRIG_RULE, _FUNCS_INV),
                     (R.HYPERBOLIC_RULE, _FUNCS_HYP))
            for rule, funcs in table:
                if name in funcs:
                    return self._outer(rule, expr, u, depth, {"function": name}, funcs[name])
            if isinstance(expr, sigmoid):
                return self._outer(R.SIGMOID_RULE, expr, u, depth, {}, sigmoid)
            if isinstance(expr, softplus):
                return self._outer(R.SOFTPLUS_RULE, expr, u, depth, {}, softplus)
            if isinstance(expr, Abs):
                return self._outer(R.ABS_RULE, expr, u, depth, {}, Abs)
        if isinstance(expr, Max) and len(args) == 2 and S.Zero in args:
            u = args[1] if args[0] is S.Zero else args[0]
            return self._outer(R.RELU_RULE, expr, u, depth, {}, lambda U: Max(0, U))
        from sympy import diff

        return _node(R.DIFF_FALLBACK, expr, self.var, {"sympy": diff(expr, self.var)})

    def _outer(self, rule: R, expr: Any, u: Any, depth: int, given: dict,
               make: Callable[[Any], Any]) -> DiffNode:
        """``f(u)``: the law itself when u is the variable, else the chain rule."""
        x = self.var
        if u == x:
            return _node(rule, expr, x, given)
        U = _fresh(expr, x, depth)
        outer_expr = make(U)
        outer = _node(rule, outer_expr, U, given)
        inner = self.build(u, depth + 1)
        return _node(R.CHAIN_RULE, expr, x, {"u": u, "U": U, "outer": outer_expr},
                     (outer, inner))


def diff_tree(expr: Any, var: Any) -> DiffNode:
    """The rule tree of ``d/d var expr`` (its root's ``result`` is the raw derivative)."""
    return _Builder(var).build(expr)

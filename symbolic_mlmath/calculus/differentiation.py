"""Derivatives with every step: the rule tree as steps, a tidy-up, evaluation at a point.

:func:`derive_derivative` is the engine's public door (other calculus engines call it):
the rule tree of :mod:`.difftree` becomes one step per law (substeps are the parts'
derivatives), a separate tidy-up step rewrites the raw result by a targeted strategy
(:mod:`.tidy`), and ``at`` substitutes a point with the substitution shown before the
arithmetic. :func:`derive_second_derivative` differentiates twice and reads concavity.

Examples
========
>>> from sympy import Symbol, sin, exp
>>> x = Symbol("x")
>>> d = derive_derivative(x**2 * sin(x), x)
>>> d.result
x**2*cos(x) + 2*x*sin(x)
>>> [s.rule.value for s in d.steps]
['given', 'product_rule']
>>> d.validate() is d
True
>>> derive_derivative(1 / (1 + exp(-x)), x).result
(1 - σ(x))*σ(x)
>>> derive_derivative(x**3, x, at={x: 2}).result
12
>>> derive_second_derivative(x**3, x, at={x: -1}).steps[-1].given["concavity"]
concave down
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.render.titles import titled

from .difftree import DiffNode, diff_tree
from .functions import recognize
from .rules import CalculusRule as R
from .tidy import tidy

__all__ = [
    "check_defined",
    "derivative_steps",
    "derive_derivative",
    "derive_second_derivative",
    "evaluate_steps",
    "node_step",
    "pick_variable",
    "read_point",
]

_CHILD_NAMES: dict[R, tuple[str, ...]] = {
    R.CONSTANT_MULTIPLE: ("df",),
    R.PRODUCT_RULE: ("df", "dg"),
    R.QUOTIENT_RULE: ("df", "dg"),
    R.CHAIN_RULE: ("douter", "du"),
    R.LOG_DIFFERENTIATION: ("dln",),
}
_HIDDEN = {"U", "sympy"}


def node_step(node: DiffNode) -> Step:
    """One step per node of the rule tree: ``d/dx expr -> result``, parts as substeps."""
    from sympy import Derivative

    given = {k: v for k, v in node.given.items() if k not in _HIDDEN}
    for name, child in zip(_CHILD_NAMES.get(node.rule, ()), node.children, strict=False):
        given[name] = child.result
    if node.rule is R.CHAIN_RULE:
        given["outer"] = node.given["outer"]
        given["U"] = node.given["U"]
        where = _not_differentiable(node)
        if where is not None:
            given["not_differentiable"] = where
    elif node.rule in (R.ABS_RULE, R.RELU_RULE):
        given["not_differentiable"] = node.var
    return Step(node.rule, Derivative(node.expr, node.var), node.result, given,
                tuple(node_step(c) for c in node.children))


def _not_differentiable(node: DiffNode) -> Any:
    """For |u| and max(0, u): the equation u = 0 where the derivative does not exist."""
    from sympy import Eq

    outer = node.children[0]
    if outer.rule in (R.ABS_RULE, R.RELU_RULE):
        return Eq(node.given["u"], 0)
    return None


def check_defined(expr: Any) -> None:
    """A one-line error for an expression holding an undefined value (1/0, nan, oo)."""
    from sympy import nan, oo, zoo

    if getattr(expr, "has", None) and expr.has(zoo, nan, oo, -oo):
        raise InputError("the expression holds an undefined or infinite value", name="expr")


def pick_variable(expr: Any, var: Any, name: str = "var") -> Any:
    """``var``, or the only free symbol of ``expr`` when ``var`` is None."""
    if var is not None:
        if isinstance(var, tuple | list):
            if len(var) != 1:
                raise InputError("give one variable", name=name)
            var = var[0]
        return var
    syms = sorted(expr.free_symbols, key=str)
    if len(syms) == 1:
        return syms[0]
    if not syms:
        from sympy import Symbol

        return Symbol("x")
    raise InputError(f"the expression has several variables ({', '.join(map(str, syms))}); "
                     "say which one", name=name)


def derivative_steps(expr: Any, var: Any) -> tuple[list[Step], Any, DiffNode]:
    """The steps of ``d/d var expr`` from ``Derivative(expr, var)`` to the tidy result.

    Returns ``(steps, tidy result, rule tree)``; the first step starts at
    ``Derivative(expr, var)`` (a σ-recognition step first when the input hides σ).
    """
    from sympy import Derivative

    steps: list[Step] = []
    seen = recognize(expr)
    if seen != expr:
        steps.append(Step(R.RECOGNIZE_FUNCTIONS, Derivative(expr, var), Derivative(seen, var)))
    tree = diff_tree(seen, var)
    steps.append(node_step(tree))
    tidied, strategy = tidy(tree.result)
    if tidied != tree.result:
        steps.append(Step(R.TIDY_DERIVATIVE, tree.result, tidied, {"strategy": strategy}))
    return steps, tidied, tree


def read_point(at: Any, variables: tuple, name: str = "at") -> dict:
    """``at`` as ``{Symbol: exact value}`` (a bare value for one variable)."""
    from sympy import Symbol

    if at is None:
        return {}
    if not isinstance(at, Mapping):
        if isinstance(at, tuple | list) and len(at) == len(variables):
            return dict(zip(variables, at, strict=True))
        if len(variables) != 1:
            raise InputError("give the point as {x: 1, y: 2}", name=name)
        return {variables[0]: at}
    out = {}
    by_name = {str(v): v for v in variables}
    for k, v in at.items():
        key = by_name.get(str(k), k if isinstance(k, Symbol) else Symbol(str(k)))
        out[key] = v
    for k, v in out.items():
        if getattr(v, "free_symbols", None):
            raise InputError(f"the value of {k} must be a number", name=name)
    return out


def evaluate_steps(expr: Any, point: Mapping) -> tuple[list[Step], Any]:
    """Substitute ``point`` showing the substitution, then do the arithmetic."""
    from sympy import ImmutableMatrix, evaluate, nan, zoo

    if not point:
        return [], expr
    with evaluate(False):
        shown = expr.xreplace(dict(point))
    value = expr.xreplace(dict(point))
    value = value.applyfunc(lambda e: e.doit()) if isinstance(value, ImmutableMatrix) else value.doit()
    if value.has(nan, zoo):
        where = ", ".join(f"{k} = {v}" for k, v in point.items())
        raise InputError(f"the derivative is not defined at {where}", name="at")
    steps = [Step(R.EVALUATE_AT, expr, shown, {"at": dict(point)})]
    if shown != value:
        steps.append(Step(Rule.ARITHMETIC, shown, value))
    return steps, value


def derive_derivative(expr: Any, var: Any = None, *, at: Any = None, method: str | None = None,
                      title: str | None = None) -> Derivation:
    """The derivative of ``expr`` with respect to ``var``, every law a step.

    Explanation
    ===========
    Each part of the expression is differentiated by its law (constant, power, constant
    multiple, sum, product, quotient, chain with ``u`` named, exp and aˣ, ln and log_b,
    trig, inverse trig, hyperbolic, xˣ by logarithmic differentiation, σ, softplus, tanh,
    ReLU and |u| with the point where no derivative exists); the raw result is tidied
    in its own step; ``at`` (``{x: 2}`` or a value) evaluates it with the substitution
    shown. ``method="definition"`` derives polynomials, 1/x and √x from the limit of the
    difference quotient instead.

    Examples
    ========
    >>> from sympy import Symbol, sqrt
    >>> x = Symbol("x")
    >>> derive_derivative(sqrt(x), x, method="definition").result
    1/(2*sqrt(x))
    >>> derive_derivative(x**x, x).steps[1].rule.value
    'log_differentiation'

    Parameters
    ==========
    expr : SymPy expression
    var : Symbol (optional when ``expr`` has one free symbol)
    at : dict or value, optional
    method : ``"rules"`` (default) or ``"definition"``

    See Also
    ========
    derive_second_derivative, symbolic_mlmath.calculus.multivariable.derive_gradient
    """
    from sympy import Derivative

    var = pick_variable(expr, var)
    check_defined(expr)
    point = read_point(at, (var,))
    if method in (None, "rules", "rule"):
        steps, result, _tree = derivative_steps(expr, var)
    elif method == "definition":
        from .limitdef import definition_steps

        steps, result = definition_steps(expr, var)
    else:
        raise InputError(f"unknown method {method!r}; use rules or definition", name="method")
    goal = Derivative(expr, var)
    steps.insert(0, Step(Rule.GIVEN, None, goal))
    more, value = evaluate_steps(result, point)
    steps += more
    seen = recognize(expr)

    def reference() -> Any:
        from .equality import confirmed, sympy_derivative

        ref = sympy_derivative(seen, var)
        return confirmed(value, ref.xreplace(point).doit() if point else ref)

    return Derivation(title or titled("Derivative", expr, " with respect to ", var), goal, tuple(steps),
                      value, (var,), task="derivative",
                      inputs={"expr": expr, "var": var, "at": point or None},
                      reference=reference)


def derive_second_derivative(expr: Any, var: Any = None, *, at: Any = None) -> Derivation:
    """The second derivative: differentiate, tidy, differentiate again; read concavity.

    Explanation
    ===========
    At a point the sign of f'' says concave up (> 0), concave down (< 0) or that the
    test says nothing (= 0); without a point, for a rational f'' the real line is split
    at the zeros and poles of f'' and the sign read on each piece.

    Examples
    ========
    >>> from sympy import Symbol
    >>> x = Symbol("x")
    >>> d = derive_second_derivative(x**3 - 3*x, x)
    >>> d.result
    6*x
    >>> d.steps[-1].given["up"], d.steps[-1].given["down"]
    (Interval.open(0, oo), Interval.open(-oo, 0))
    """
    from sympy import Derivative

    from .concavity import concavity_step

    var = pick_variable(expr, var)
    point = read_point(at, (var,))
    goal = Derivative(expr, (var, 2))
    steps1, first, _ = derivative_steps(expr, var)
    inside = Step(R.DIFFERENTIATE_INSIDE, goal, Derivative(first, var), {"first": first},
                  tuple(steps1))
    steps2, second, _ = derivative_steps(first, var)
    steps = [Step(Rule.GIVEN, None, goal), inside, *steps2]
    more, value = evaluate_steps(second, point)
    steps += more
    steps.append(concavity_step(second, var, value if point else None, point))
    seen = recognize(expr)

    def reference() -> Any:
        from .equality import confirmed, sympy_derivative

        ref = sympy_derivative(seen, var, 2)
        return confirmed(value, ref.xreplace(point).doit() if point else ref)

    return Derivation(titled("Second derivative", expr, " with respect to ", var), goal, tuple(steps),
                      value, (var,), task="second_derivative",
                      inputs={"expr": expr, "var": var, "at": point or None},
                      reference=reference)

"""Several variables: partial derivatives (through named intermediates), gradient, Hessian.

Every component is a derivative of the rule-tree engine (:mod:`.differentiation`) with
the other variables held constant, shown as a substep; the Hessian's symmetry is noted
and its definiteness read two ways, by the leading principal minors and by the
eigenvalues (:mod:`.definiteness`).

:func:`derive_partial` with ``where`` (``z = w x + b``, ``a = σ(z)``, ``L = (a - y)²``)
applies the chain rule through the graph of named quantities: ∂L/∂w is the sum over
the paths from L down to w of the products of the partials along each edge
(∂L/∂a · ∂a/∂z · ∂z/∂w), each edge derived on its own — backpropagation in miniature.

Examples
========
>>> from sympy import Symbol, exp
>>> x, y = Symbol("x"), Symbol("y")
>>> derive_gradient(x**2 * y + y**3, (x, y)).result.T
Matrix([[2*x*y, x**2 + 3*y**2]])
>>> h = derive_hessian(x**2 + 3*x*y + y**2, (x, y))
>>> h.result, h.steps[-1].given["verdict"]
(Matrix([
[2, 3],
[3, 2]]), indefinite)
>>> w, b, z, a = (Symbol(n) for n in "wbza")
>>> d = derive_partial(Symbol("L"), w, where={"z": w*x + b, "a": 1/(1 + exp(-z)),
...                                            "L": (a - y)**2})
>>> d.steps[1].given["named"]
x*(1 - σ(z))*(2*a - 2*y)*σ(z)
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.render.titles import titled

from .differentiation import derivative_steps, evaluate_steps, read_point
from .functions import recognize
from .rules import CalculusRule as R
from .tidy import tidy

__all__ = ["derive_gradient", "derive_hessian", "derive_partial", "expand_names", "partial_step",
           "pick_variables"]


def pick_variables(expr: Any, variables: Any) -> tuple:
    """``variables`` as a tuple, or the free symbols of ``expr`` sorted by name."""
    if variables is None:
        syms = tuple(sorted(expr.free_symbols, key=str))
        if not syms:
            raise InputError("the expression has no variables", name="vars")
        return syms
    if not isinstance(variables, tuple | list):
        variables = (variables,)
    if len(set(variables)) != len(variables):
        raise InputError("a variable is listed twice", name="vars")
    return tuple(variables)


def partial_step(expr: Any, var: Any) -> Step:
    """∂expr/∂var as one step (the other symbols held constant), its derivation as substeps."""
    from sympy import Derivative

    steps, result, _ = derivative_steps(expr, var)
    return Step(R.PARTIAL_DERIVATIVE, Derivative(expr, var), result, {"var": var}, tuple(steps))


def _reference(value: Any, ref: Any, point: Mapping) -> Any:
    from .equality import confirmed

    if point:
        ref = ref.xreplace(dict(point))
        ref = ref.applyfunc(lambda e: e.doit()) if hasattr(ref, "applyfunc") else ref.doit()
    return confirmed(value, ref)


# ------------------------------------------------------------------ gradient
def gradient_step(expr: Any, variables: tuple) -> Step:
    """∇f: one partial derivative per variable, each a substep."""
    from sympy import Derivative, ImmutableMatrix

    parts = [partial_step(expr, v) for v in variables]
    goal = ImmutableMatrix([Derivative(expr, v) for v in variables])
    value = ImmutableMatrix([p.after for p in parts])
    return Step(R.GRADIENT_VECTOR, goal, value, {"variables": variables}, parts)


def derive_gradient(expr: Any, variables: Any = None, *, at: Any = None) -> Derivation:
    """The gradient ∇f: each partial derivative derived by its rules, then evaluated at ``at``.

    Examples
    ========
    >>> from sympy import Symbol
    >>> x, y = Symbol("x"), Symbol("y")
    >>> derive_gradient(x**2 + x*y, (x, y), at={x: 1, y: 2}).result.T
    Matrix([[4, 1]])
    """
    from .equality import sympy_derivative

    variables = pick_variables(expr, variables)
    point = read_point(at, variables)
    step = gradient_step(expr, variables)
    more, value = evaluate_steps(step.after, point)
    steps = (Step(Rule.GIVEN, None, step.before), step, *more)

    def reference() -> Any:
        from sympy import ImmutableMatrix

        ref = ImmutableMatrix([sympy_derivative(expr, v) for v in variables])
        return _reference(value, ref, point)

    return Derivation(titled("Gradient", expr, variables=variables), step.before, steps, value, variables,
                      task="gradient", inputs={"expr": expr, "vars": variables,
                                               "at": point or None}, reference=reference)


# ------------------------------------------------------------------ Hessian
def hessian_step(expr: Any, variables: tuple) -> Step:
    """H: the gradient first, then each entry on and above the diagonal as a substep."""
    from sympy import Derivative, ImmutableMatrix

    grad = gradient_step(expr, variables)
    n = len(variables)
    entries: dict[tuple[int, int], Any] = {}
    subs = [grad]
    for i in range(n):
        for j in range(i, n):
            s = partial_step(grad.after[i], variables[j])
            subs.append(s)
            entries[i, j] = entries[j, i] = s.after
    goal = ImmutableMatrix(n, n, lambda i, j: Derivative(expr, variables[i], variables[j]))
    H = ImmutableMatrix(n, n, lambda i, j: entries[i, j])
    return Step(R.HESSIAN_MATRIX, goal, H, {"variables": variables}, subs)


def derive_hessian(expr: Any, variables: Any = None, *, at: Any = None) -> Derivation:
    """The Hessian: second partial derivatives, symmetry, and definiteness two ways.

    Explanation
    ===========
    Entries on and above the diagonal are derived (each the partial derivative of a
    gradient component); those below are the same by symmetry (Schwarz), which is
    stated as its own step. When the Hessian is a constant matrix (or ``at`` is given)
    its definiteness is read from the leading principal minors and from the eigenvalues.

    Examples
    ========
    >>> from sympy import Symbol
    >>> x, y = Symbol("x"), Symbol("y")
    >>> d = derive_hessian(x**3 - 3*x + y**2, (x, y), at={x: 1, y: 0})
    >>> d.result, str(d.steps[-1].given["verdict"])
    (Matrix([
    [6, 0],
    [0, 2]]), 'positive definite')
    """
    from .definiteness import definiteness_steps
    from .equality import sympy_derivative

    variables = pick_variables(expr, variables)
    point = read_point(at, variables)
    step = hessian_step(expr, variables)
    H = step.after
    from sympy import Tuple

    pairs = Tuple(*(Tuple(i + 1, j + 1) for i in range(H.rows) for j in range(i + 1, H.cols)))
    sym = Step(R.HESSIAN_SYMMETRY, H, H, {"pairs": pairs})
    more, value = evaluate_steps(H, point)
    steps = [Step(Rule.GIVEN, None, step.before), step, sym, *more]
    if not value.free_symbols:
        steps += definiteness_steps(value)

    def reference() -> Any:
        from sympy import ImmutableMatrix

        n = len(variables)
        ref = ImmutableMatrix(n, n, lambda i, j: sympy_derivative(
            sympy_derivative(expr, variables[i]), variables[j]))
        return _reference(value, ref, point)

    return Derivation(titled("Hessian", expr, variables=variables),
                      step.before, tuple(steps), value, variables,
                      task="hessian", inputs={"expr": expr, "vars": variables,
                                              "at": point or None}, reference=reference)


# ------------------------------------------------------------------ named intermediates
def _graph(where: Mapping) -> dict:
    """``{Symbol: expr}`` from a mapping with str or Symbol keys (text already parsed)."""
    from sympy import Symbol

    out = {}
    for k, v in where.items():
        key = k if isinstance(k, Symbol) else Symbol(str(k))
        if not hasattr(v, "free_symbols"):
            raise InputError(f"{key} must be an expression", name="where")
        out[key] = recognize(v)
    for k, v in out.items():
        if k in v.free_symbols:
            raise InputError(f"{k} is defined in terms of itself", name="where")
    return out


def expand_names(expr: Any, where: Mapping, limit: int = 50) -> Any:
    """``expr`` with the named quantities of ``where`` replaced until none is left."""
    graph = _graph(where)
    for _ in range(limit):
        names = expr.free_symbols & set(graph)
        if not names:
            return expr
        expr = expr.xreplace({n: graph[n] for n in names})
    raise InputError("the named quantities refer to each other in a circle", name="where")


def _paths(node: Any, var: Any, graph: Mapping, trail: tuple = ()) -> list[tuple]:
    """Every path of names from ``node`` down to ``var``."""
    if node == var:
        return [(*trail, var)]
    if node in trail:
        raise InputError("the named quantities refer to each other in a circle", name="where")
    e = graph.get(node)
    if e is None:
        return []
    out = []
    for child in sorted(e.free_symbols, key=str):
        if child == var or child in graph:
            out += _paths(child, var, graph, (*trail, node))
    return out


def derive_partial(expr: Any, var: Any, *, where: Mapping | None = None,
                   at: Any = None) -> Derivation:
    """∂f/∂var, the other variables constant; through named intermediates when ``where``.

    Explanation
    ===========
    ``where`` maps names to expressions (``{"z": w*x + b, "a": σ(z)}``). ``expr`` may be
    one of the names. Each edge of the graph (``a`` depends on ``z``) is differentiated
    on its own; the chain rule multiplies the edges of each path from ``expr`` to ``var``
    and adds the paths. The result is written in the base variables (and, in the step,
    in the named ones, as backpropagation keeps it).

    Examples
    ========
    >>> from sympy import Symbol
    >>> x, y = Symbol("x"), Symbol("y")
    >>> derive_partial(x**2 * y + y, x).result
    2*x*y
    """
    from sympy import Add, Derivative, Eq, Mul, Tuple

    from .equality import sympy_derivative

    point = read_point(at, tuple(sorted(expr.free_symbols | {var}, key=str)))
    if not where:
        steps, result, _ = derivative_steps(expr, var)
        goal = Derivative(expr, var)
        steps.insert(0, Step(Rule.GIVEN, None, goal))
        full = recognize(expr)
    else:
        graph = _graph(where)
        if var in graph:
            raise InputError(f"{var} is a named quantity; differentiate with respect to a "
                             "variable", name="var")
        full = expand_names(expr, graph)
        goal = Derivative(full, var)
        root = expr if expr in graph else None
        top = expr if root is None else graph[root]
        paths = _direct_paths(top, var, graph)
        edges: dict[tuple, Step] = {}
        products = []
        for path in paths:
            factors = []
            for parent, child in itertools.pairwise(path):
                if (parent, child) not in edges:
                    body = top if parent is None else graph[parent]
                    edges[parent, child] = partial_step(body, child)
                factors.append(edges[parent, child].after)
            products.append(Mul(*factors))
        named = Add(*products)
        value = expand_names(named, graph)
        given = {"where": Tuple(*(Eq(k, v) for k, v in graph.items())),
                 "paths": Tuple(*(Tuple(*(expr if p is None else p for p in path))
                                  for path in paths)),
                 "named": named}
        chain = Step(R.GRAPH_CHAIN_RULE, goal, value, given, tuple(edges.values()))
        steps = [Step(Rule.GIVEN, None, goal), chain]
        result, strategy = tidy(value)
        if result != value:
            steps.append(Step(R.TIDY_DERIVATIVE, value, result, {"strategy": strategy}))
    more, final = evaluate_steps(result, point)
    steps += more

    def reference() -> Any:
        return _reference(final, sympy_derivative(full, var), point)

    return Derivation(titled("Partial derivative", goal.expr, " with respect to ", var), goal, tuple(steps),
                      final, (var,), task="partial_derivative",
                      inputs={"expr": expr, "var": var, "where": where, "at": point or None},
                      reference=reference)


def _direct_paths(top: Any, var: Any, graph: Mapping) -> list[tuple]:
    """Paths from the top expression (marked None) through names down to ``var``."""
    out = []
    for child in sorted(top.free_symbols, key=str):
        if child == var:
            out.append((None, var))
        elif child in graph:
            out += [(None, *p) for p in _paths(child, var, graph)]
    if not out:
        out.append((None, var))  # does not depend on var: the derivative is 0
    return out

"""PMF, PDF and CDF with steps: the family's law, the values put in, the arithmetic.

:func:`derive_density` writes ``P(X = x)`` (or ``f(x)``) as the family's general law,
puts ``x`` and the parameters in, and evaluates exactly; for a symbolic ``x`` it gives the
formula and checks that it sums or integrates to 1. :func:`event_steps` turns the
probability of an event about one variable (``X > 2``, ``1 < X <= 3``) into CDF values by
the complement, interval and endpoint rules, each CDF value a sum of PMF terms or an
integral of the PDF evaluated with its antiderivative (the normal one after standardising).

Examples
========
>>> from sympy import Integer, Rational
>>> from symbolic_mlmath.stats.distributions import parse_distribution
>>> d = derive_density(parse_distribution("binomial(10, 0.3)"), Integer(3))
>>> [s.rule.value for s in d.steps], d.result
(['pmf_formula', 'plug_in', 'arithmetic'], 66706983/250000000)
>>> d = derive_cdf(parse_distribution("normal(15, 5)"), Integer(20))
>>> [s.rule.value for s in d.steps]
['standardize', 'cdf_integral', 'evaluate_integral']
>>> d.result
erf(sqrt(2)/2)/2 + 1/2
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.rules import StatsRule as S

__all__ = ["Chain", "derive_cdf", "derive_density", "event_steps", "rv_symbol", "value_symbol"]

_WRITE_OUT = 12  # at most this many terms are written out one by one


def rv_symbol(name: str = "X") -> Any:
    """The random variable's symbol."""
    from sympy import Symbol

    return Symbol(name)


def value_symbol(name: str = "x") -> Any:
    """The symbol of a value of the variable in a law."""
    from sympy import Symbol

    return Symbol(name)


class Chain:
    """Steps that rewrite one expression: each replaces a part (or the whole) of it."""

    def __init__(self, start: Any) -> None:
        self.cur = start
        self.steps: list[Step] = []

    def replace(self, node: Any, new: Any, rule: Any, given: dict | None = None,
                substeps: tuple = ()) -> None:
        """Replace ``node`` inside the current expression by ``new`` (a step of ``rule``)."""
        given = dict(given or {})
        if node == self.cur:
            after = new
        else:
            after = self.cur.xreplace({node: new})
            given.update(part=node, becomes=new)
        self.steps.append(Step(rule, self.cur, after, given, substeps))
        self.cur = after

    def finish(self, value: Any, rule: Any = Rule.ARITHMETIC, given: dict | None = None) -> None:
        """A last step to ``value`` when the expression is not already it."""
        if self.cur != value:
            self.replace(self.cur, value, rule, given)


def _describe(dist: Any) -> dict:
    from sympy import Tuple
    from sympy.core.symbol import Str

    return {"distribution": Str(str(dist)), "support": Tuple(*dist.support())}


def _law(dist: Any, x: Any) -> Any:
    """The general law with symbolic parameters (a finite table: the value itself)."""
    if dist.family == "finite":
        return dist.density(x)
    return dist.general().density(x)


def _plug(law: Any, dist: Any, x: Any, value: Any) -> Any:
    from .notation import Plug

    names = list(dist.symbols)
    values = list(dist.params)
    if value is not None and law.has(x):
        names.append(x)
        values.append(value)
    pairs = [(n, v) for n, v in zip(names, values, strict=True) if law.has(n)]
    if not pairs:
        return law
    return Plug(law, tuple(n for n, _ in pairs), tuple(v for _, v in pairs))


def _head(dist: Any, X: Any, x: Any) -> Any:
    from sympy import Eq, Function

    from .notation import Prob

    return Prob(Eq(X, x)) if dist.discrete else Function("f")(x)


def _decimal_step(chain: Chain, digits: Any) -> None:
    from .distributions import decimal

    if digits is None or not chain.cur.is_number or (chain.cur.is_Rational and chain.cur.q == 1):
        return
    chain.replace(chain.cur, decimal(chain.cur, int(digits)), S.DECIMAL_VALUE,
                  {"digits": int(digits)})


def derive_density(dist: Any, x: Any = None, digits: Any = None) -> Derivation:
    """``P(X = x)`` (discrete) or ``f(x)`` (continuous) with steps; a symbol ``x`` gives the law.

    Examples
    ========
    >>> from sympy import Symbol
    >>> from symbolic_mlmath.stats.distributions import parse_distribution
    >>> d = derive_density(parse_distribution("exponential(2)"), Symbol("x"))
    >>> d.result, d.steps[-1].rule.value
    (2*exp(-2*x), 'normalization')
    """
    from sympy import Symbol

    from symbolic_mlmath.text.convert import as_sympy

    x = value_symbol() if x is None else as_sympy(x)
    X = rv_symbol()
    symbolic = bool(x.free_symbols)
    xs = x if isinstance(x, Symbol) else value_symbol()
    law = _law(dist, xs)
    kind = S.PMF_FORMULA if dist.discrete else S.PDF_FORMULA
    chain = Chain(_head(dist, X, xs))
    chain.replace(chain.cur, law, kind, _describe(dist))
    if symbolic:
        plugged = _plug(law, dist, xs, None)
        if plugged != law:
            chain.replace(law, plugged, S.PLUG_IN, _describe(dist))
        value = dist.density(xs).subs(xs, x) if x != xs else dist.density(xs)
        chain.finish(value, Rule.SIMPLIFY)
        if dist.is_numeric:
            lo, hi = dist.support()
            from sympy import Integral, Sum

            total = (Sum if dist.discrete else Integral)(value, (xs, lo, hi))
            chain.steps.append(Step(S.NORMALIZATION, value, value, {**_describe(dist),
                                                                     "total": total}))
    elif dist._in_support(x) is False:
        from sympy import Integer

        chain.replace(law, Integer(0), S.OUTSIDE_SUPPORT, {**_describe(dist), "x": x})
        value = Integer(0)
    else:
        plugged = _plug(law, dist, xs, x)
        if plugged != law:
            chain.replace(law, plugged, S.PLUG_IN, _describe(dist))
        value = dist.density(x)
        chain.finish(value)
        _decimal_step(chain, digits)
    kind_name = "pmf" if dist.discrete else "pdf"

    def reference() -> Any:
        from sympy import expand_func
        from sympy.stats import density

        return expand_func(density(dist.sympy_rv())(x))

    return Derivation(f"{'PMF' if dist.discrete else 'PDF'} of {dist}", goal=_head(dist, X, x),
                      steps=tuple(chain.steps), result=value, task=kind_name,
                      inputs={"distribution": str(dist), "x": x},
                      reference=reference if dist.family != "finite" and not symbolic else None)


# ------------------------------------------------------------------ CDF values
def _t() -> Any:
    from sympy import Symbol

    return Symbol("t")


def _discrete_cdf_steps(chain: Chain, node: Any, dist: Any, b: Any) -> None:
    from sympy import Add, Integer, Le, Sum, Symbol, floor

    from .notation import Prob

    X = node.args[0].lhs
    k = floor(b)
    if k != b:
        new = Prob(Le(X, k))
        chain.replace(node, new, S.ENDPOINT_RULE, {"discrete": True, "bound": b})
        node = new
    lo, hi = dist.support()
    if k < lo:
        chain.replace(node, Integer(0), S.OUTSIDE_SUPPORT, {**_describe(dist), "x": k})
        return
    top = min(k, hi) if not hi.is_infinite else k
    j = Symbol("k", integer=True)
    if dist.family == "finite":
        terms = [p for v, p in dist.table if v <= k]
        chain.replace(node, Add(*terms, evaluate=False) if len(terms) > 1 else terms[0],
                      S.CDF_SUM, {**_describe(dist), "x": k})
        chain.finish(dist.cdf(k))
        return
    total = Sum(dist.density(j), (j, lo, top))
    chain.replace(node, total, S.CDF_SUM, {**_describe(dist), "x": k})
    value = dist.cdf(k)
    count = int(top - lo) + 1
    if count <= _WRITE_OUT:
        terms = [dist.density(Integer(i)) for i in range(int(lo), int(top) + 1)]
        written = Add(*terms, evaluate=False) if count > 1 else terms[0]
        chain.replace(total, written, S.WRITE_OUT_SUM)
        if count > 1:
            chain.replace(written, value, Rule.ARITHMETIC)
    else:
        chain.replace(total, value, S.SUM_INTEGRAL_VALUE,
                      {"method": "exact", "terms": count, **_describe(dist)})


def _continuous_cdf_steps(chain: Chain, node: Any, dist: Any, b: Any) -> None:
    from sympy import Integer, Integral, Le, Symbol

    from .distributions import Distribution
    from .notation import Prob

    lo, hi = dist.support()
    if bool(b <= lo):
        chain.replace(node, Integer(0), S.OUTSIDE_SUPPORT, {**_describe(dist), "x": b})
        return
    t = _t()
    if bool(b >= hi):
        integral = Integral(dist.density(t), (t, lo, hi))
        chain.replace(node, integral, S.CDF_INTEGRAL, {**_describe(dist), "x": b})
        chain.replace(integral, Integer(1), S.SUM_INTEGRAL_VALUE, {"method": "normalization"})
        return
    if dist.family == "normal":
        mu, sigma = dist.params
        if (mu, sigma) != (0, 1):
            Z = Symbol("Z")
            z = (b - mu) / sigma
            new = Prob(Le(Z, z))
            chain.replace(node, new, S.STANDARDIZE, {"mu": mu, "sigma": sigma, "x": b, "z": z})
            node, dist, b = new, Distribution("normal", (Integer(0), Integer(1))), z
    integral = Integral(dist.density(t), (t, lo, b))
    chain.replace(node, integral, S.CDF_INTEGRAL, {**_describe(dist), "x": b})
    chain.replace(integral, dist.cdf(b), S.EVALUATE_INTEGRAL,
                  {"antiderivative": _antiderivative(dist, t), "variable": t, **_describe(dist)})


def _antiderivative(dist: Any, t: Any) -> Any:
    """F(t) on the support, as a formula (special functions where needed)."""
    try:
        return dist.fam.cdf(t, dist.params)
    except (TypeError, ValueError):  # pragma: no cover - a family without a symbolic CDF
        from sympy.core.symbol import Str

        return Str("the regularised incomplete beta/gamma function")


def cdf_steps(chain: Chain, node: Any, dist: Any) -> None:
    """Rewrite the node ``P(X <= b)`` inside ``chain`` down to its exact value."""
    b = node.args[0].rhs
    if dist.discrete:
        _discrete_cdf_steps(chain, node, dist, b)
    else:
        _continuous_cdf_steps(chain, node, dist, b)


def derive_cdf(dist: Any, x: Any, digits: Any = None) -> Derivation:
    """``F(x) = P(X <= x)`` with steps (a sum of PMF terms, or the integral of the PDF).

    A symbolic ``x`` gives the CDF formula.
    """
    from sympy import Function, Integral, Le, Sum, Symbol

    from symbolic_mlmath.text.convert import as_sympy

    from .notation import Prob

    x = as_sympy(x)
    X = rv_symbol()
    goal = Prob(Le(X, x))
    if x.free_symbols:
        chain = Chain(Function("F")(x))
        lo = dist.support()[0]
        j = Symbol("k", integer=True)
        t = _t()
        if dist.discrete:
            form = Sum(dist.density(j), (j, lo, Function("floor")(x)))
            chain.replace(chain.cur, form, S.CDF_SUM, {**_describe(dist), "x": x})
            value = dist.cdf(x) if dist.family == "geometric" else form
        else:
            form = Integral(dist.density(t), (t, lo, x))
            chain.replace(chain.cur, form, S.CDF_INTEGRAL, {**_describe(dist), "x": x})
            value = dist.cdf(x)
            chain.replace(form, value, S.EVALUATE_INTEGRAL,
                          {"antiderivative": _antiderivative(dist, t), "variable": t,
                           **_describe(dist)})
        if dist.family == "geometric":
            chain.finish(value, S.SUM_INTEGRAL_VALUE)
        result = chain.cur
        reference = None
    else:
        chain = Chain(goal)
        cdf_steps(chain, goal, dist)
        chain.finish(dist.cdf(x))
        _decimal_step(chain, digits)
        result = dist.cdf(x)

        def reference() -> Any:
            from sympy import Integer
            from sympy.stats import cdf

            table = cdf(dist.sympy_rv())
            if isinstance(table, dict):  # finite: the cumulative value at each support point
                below = [v for v in table if v <= x]
                return table[max(below)] if below else Integer(0)
            return table(x)

        if dist.family in ("finite", "t", "f", "beta", "gamma", "chi2", "poisson", "geometric"):
            reference = None  # SymPy's own CDFs of these are slow or unevaluated: checked numerically
    return Derivation(f"CDF of {dist}", goal=goal, steps=tuple(chain.steps), result=result,
                      task="cdf", inputs={"distribution": str(dist), "x": x}, reference=reference)


# ------------------------------------------------------------------ events about one variable
def event_steps(chain: Chain, node: Any, dist: Any) -> None:
    """Rewrite ``P(event about X)`` (a relation or an interval) inside ``chain`` to its value."""
    from sympy import And, Eq, GreaterThan, Integer, Le, LessThan, Lt, StrictGreaterThan, StrictLessThan

    from .notation import Prob

    event = node.args[0]
    if isinstance(event, Eq):
        X, a = event.lhs, event.rhs
        if not dist.discrete:
            chain.replace(node, Integer(0), S.ENDPOINT_RULE, {"point": a, "discrete": False})
            return
        if not dist._in_support(a):
            chain.replace(node, Integer(0), S.OUTSIDE_SUPPORT, {**_describe(dist), "x": a})
            return
        xs = value_symbol()
        plugged = _plug(_law(dist, xs), dist, xs, a)
        chain.replace(node, plugged, S.PMF_FORMULA, _describe(dist))
        chain.replace(plugged, dist.density(a), Rule.ARITHMETIC)
        return
    if isinstance(event, LessThan):
        cdf_steps(chain, node, dist)
        return
    if isinstance(event, StrictLessThan):
        X, b = event.lhs, event.rhs
        if dist.discrete:
            from sympy import ceiling

            new = Prob(Le(X, ceiling(b) - 1))
        else:
            new = Prob(Le(X, b))
        chain.replace(node, new, S.ENDPOINT_RULE, {"discrete": dist.discrete, "bound": b})
        cdf_steps(chain, new, dist)
        return
    if isinstance(event, GreaterThan | StrictGreaterThan):
        X, a = event.lhs, event.rhs
        inner = Prob(Lt(X, a)) if isinstance(event, GreaterThan) else Prob(Le(X, a))
        chain.replace(node, 1 - inner, S.COMPLEMENT_RULE, {"event": event})
        event_steps(chain, inner, dist)
        return
    if isinstance(event, And) and len(event.args) == 2:
        upper = next(a for a in event.args if isinstance(a, LessThan | StrictLessThan))
        lower = next(a for a in event.args if a is not upper)
        X = upper.lhs
        a = lower.rhs
        below = Prob(Lt(X, a)) if isinstance(lower, GreaterThan) else Prob(Le(X, a))
        top = Prob(upper)
        chain.replace(node, top - below, S.INTERVAL_RULE, {"event": event})
        event_steps(chain, top, dist)
        event_steps(chain, below, dist)
        return
    raise ValueError(f"unsupported event {event}")  # the reader never produces one

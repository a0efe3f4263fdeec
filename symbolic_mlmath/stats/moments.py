"""Expected value, variance and standard deviation of a distribution, with steps.

Both routes are shown where both apply: the family's formula (E[X] = np, Var X = np(1-p))
read off first, then the definition (a sum over the support or an integral of x f(x)),
written out term by term for small finite supports. ``E[aX + b]`` uses linearity and
``Var(aX + b) = a^2 Var X``; any other ``g(X)`` goes by the law of the unconscious
statistician, ``E[g(X)] = sum g(x) P(X = x)`` or ``integral g(x) f(x) dx``, and the variance
by the shortcut ``E[X^2] - E[X]^2``.

Examples
========
>>> from symbolic_mlmath.stats.distributions import parse_distribution
>>> d = derive_expectation(parse_distribution("binomial(10, 0.3)"))
>>> [s.rule.value for s in d.steps], d.result
(['moment_formula', 'expectation_definition', 'write_out_sum', 'arithmetic'], 3)
>>> derive_variance(parse_distribution("die(6)")).result
35/12
>>> from sympy import Symbol
>>> derive_expectation(parse_distribution("normal(1, 2)"), 3 * Symbol("X") + 1).result
4
>>> derive_std(parse_distribution("exponential(2)")).result
1/2
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation
from symbolic_mlmath.stats.densities import Chain, rv_symbol
from symbolic_mlmath.stats.rules import StatsRule as S

__all__ = ["derive_expectation", "derive_std", "derive_variance", "expectation_value"]

_WRITE_OUT = 12


def _given(dist: Any, **more: Any) -> dict:
    from sympy.core.symbol import Str

    return {"distribution": Str(str(dist)), "variable": rv_symbol(), **more}


def _as_g(g: Any) -> Any:
    """``g`` written in X (a single other symbol is read as X)."""
    from symbolic_mlmath.text.convert import as_sympy

    X = rv_symbol()
    if g is None:
        return X
    g = as_sympy(g)
    free = g.free_symbols - {X}
    if len(free) == 1 and X not in g.free_symbols:
        g = g.xreplace({free.pop(): X})
    elif free:
        from symbolic_mlmath.core.errors import InputError

        raise InputError(f"expr must be written in X only, got {g}", name="expr")
    return g


def _affine(g: Any) -> tuple[Any, Any] | None:
    from sympy import Poly, PolynomialError

    X = rv_symbol()
    try:
        p = Poly(g, X)
    except PolynomialError:
        return None
    if p.degree() > 1:
        return None
    return p.coeff_monomial(X), p.coeff_monomial(1)


def expectation_value(dist: Any, g: Any) -> Any:
    """E[g(X)] exactly: from the moments for polynomials of degree <= 2, else sum/integral."""
    from sympy import Poly, PolynomialError

    X = rv_symbol()
    try:
        p = Poly(g, X)
        if p.degree() <= 2:
            m, v = dist.mean(), (dist.variance() if p.degree() == 2 else 0)
            return (p.coeff_monomial(X**2) * (v + m**2) + p.coeff_monomial(X) * m
                    + p.coeff_monomial(1))
    except PolynomialError:
        pass
    return _definition_value(dist, g)


def _definition_value(dist: Any, g: Any) -> Any:
    from sympy import Add, Integral, Sum, integrate, summation

    from symbolic_mlmath.text.limits import TimeBudgetExceeded, run_bounded

    X = rv_symbol()
    if dist.finite_support():
        return Add(*[g.xreplace({X: v}) * dist.density(v) for v in dist.values()])
    lo, hi = dist.support()
    x = _var(dist)
    body = g.xreplace({X: x}) * dist.density(x)
    try:
        fn = summation if dist.discrete else integrate
        value = run_bounded(fn, body, (x, lo, hi), seconds=8)
    except TimeBudgetExceeded:
        value = None
    if value is None or value.has(Integral, Sum):
        from symbolic_mlmath.core.errors import InputError

        raise InputError(f"E[{g}] has no closed form SymPy finds in time; ask for it "
                         "numerically", name="expr")
    return value


def _var(dist: Any) -> Any:
    from sympy import Symbol

    return Symbol("k", integer=True) if dist.discrete else Symbol("x", real=True)


def _definition_form(dist: Any, g: Any) -> Any:
    from sympy import Integral, Sum

    X = rv_symbol()
    x = _var(dist)
    lo, hi = dist.support()
    if dist.family == "finite":
        from sympy import Add

        return Add(*[g.xreplace({X: v}) * p for v, p in dist.table], evaluate=False)
    from sympy import powsimp

    body = powsimp(g.xreplace({X: x}) * dist.density(x))  # 2^-k 2^(k - 4) is 2^-4
    return (Sum if dist.discrete else Integral)(body, (x, lo, hi))


def _expectation_steps(chain: Chain, node: Any, dist: Any, g: Any) -> None:
    """Rewrite the node E[g(X)] inside ``chain`` down to its exact value."""
    from sympy import Add

    from .notation import Expect

    X = rv_symbol()
    value = expectation_value(dist, g)
    aff = _affine(g)
    if aff is not None and g != X:
        a, b = aff
        new = a * Expect(X) + b
        chain.replace(node, new, S.LINEARITY, _given(dist))
        _expectation_steps(chain, Expect(X), dist, X)
        return
    form = _definition_form(dist, g)
    chain.replace(node, form, S.EXPECTATION_DEFINITION, _given(dist, g=g))
    if dist.finite_support() and dist.family != "finite" and int(dist.support()[1]
                                                                 - dist.support()[0]) < _WRITE_OUT:
        terms = [g.xreplace({X: v}) * dist.density(v) for v in dist.values()]
        written = Add(*terms, evaluate=False)
        chain.replace(form, written, S.WRITE_OUT_SUM)
        chain.replace(written, value, Rule.ARITHMETIC)
    elif dist.family == "finite":
        chain.replace(form, value, Rule.ARITHMETIC)
    else:
        chain.replace(form, value, S.SUM_INTEGRAL_VALUE, _given(dist))


def _formula_step(chain: Chain, dist: Any, which: str) -> None:
    """Read the family's formula off first (a reading step: the definition follows)."""
    from symbolic_mlmath.core.steps import Step

    if dist.family == "finite":
        return
    gen = dist.general()
    formula = gen.mean() if which == "mean" else gen.variance()
    value = dist.mean() if which == "mean" else dist.variance()
    chain.steps.append(Step(S.MOMENT_FORMULA, chain.cur, value,
                            _given(dist, which=which, formula=formula)))


def derive_expectation(dist: Any, g: Any = None) -> Derivation:
    """E[g(X)] (default E[X]) with steps."""
    from .notation import Expect

    g = _as_g(g)
    X = rv_symbol()
    goal = Expect(g)
    chain = Chain(goal)
    if g == X:
        _formula_step(chain, dist, "mean")
    _expectation_steps(chain, goal, dist, g)
    result = expectation_value(dist, g)
    chain.finish(result)
    return Derivation(f"Expected value under {dist}", goal=goal, steps=tuple(chain.steps),
                      result=result, task="expectation",
                      inputs={"distribution": str(dist), "expr": g})


def _variance_steps(chain: Chain, node: Any, dist: Any, g: Any) -> Any:
    from .notation import Expect, Var

    X = rv_symbol()
    aff = _affine(g)
    if aff is not None and g != X:
        a, _ = aff
        new = a**2 * Var(X)
        chain.replace(node, new, S.VARIANCE_AFFINE, _given(dist))
        return _variance_steps(chain, Var(X), dist, X)
    new = Expect(g**2) - Expect(g) ** 2
    chain.replace(node, new, S.VARIANCE_SHORTCUT, _given(dist))
    _expectation_steps(chain, Expect(g**2), dist, g**2)
    _expectation_steps(chain, Expect(g), dist, g)
    return None


def derive_variance(dist: Any, g: Any = None) -> Derivation:
    """Var g(X) (default Var X) with steps: formula, then the shortcut E[X^2] - E[X]^2."""
    from .notation import Var

    g = _as_g(g)
    X = rv_symbol()
    goal = Var(g)
    chain = Chain(goal)
    if g == X:
        _formula_step(chain, dist, "variance")
    _variance_steps(chain, goal, dist, g)
    result = expectation_value(dist, g**2) - expectation_value(dist, g) ** 2
    chain.finish(result.expand() if result.is_Rational is False else result)
    result = chain.cur
    return Derivation(f"Variance under {dist}", goal=goal, steps=tuple(chain.steps),
                      result=result, task="variance",
                      inputs={"distribution": str(dist), "expr": g})


def derive_std(dist: Any, g: Any = None) -> Derivation:
    """SD g(X) = sqrt(Var g(X)) with the variance's steps inside."""
    from sympy import sqrt

    from .notation import SD, Var

    g = _as_g(g)
    goal = SD(g)
    chain = Chain(goal)
    chain.replace(goal, sqrt(Var(g)), S.STD_FROM_VARIANCE, _given(dist))
    _variance_steps(chain, Var(g), dist, g)
    var = expectation_value(dist, g**2) - expectation_value(dist, g) ** 2
    result = sqrt(var)
    chain.finish(result)
    return Derivation(f"Standard deviation under {dist}", goal=goal, steps=tuple(chain.steps),
                      result=result, task="std", inputs={"distribution": str(dist), "expr": g})

"""Independent checks of the moment rules (issue 14): numerical sums and integrals of g f.

Examples
========
>>> from sympy import Symbol
>>> from symbolic_mlmath.stats.distributions import parse_distribution
>>> X = Symbol("X")
>>> print(numeric_expectation(parse_distribution("exponential(2)"), X**2, X, 15))
0.5
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import Verifier, VerifierTable
from symbolic_mlmath.stats.rules import StatsRule as S
from symbolic_mlmath.stats.verifiers_prob import close, dist_of, num, pair

__all__ = ["MOMENT_VERIFIERS", "numeric_expectation"]

MOMENT_VERIFIERS = VerifierTable()


def numeric_expectation(D: Any, g: Any, X: Any, digits: int = 20) -> Any:
    """E[g(X)] by mpmath summation or quadrature of g(x) times the PMF/PDF (independent check).

    Examples
    ========
    >>> from sympy import Symbol
    >>> from symbolic_mlmath.stats.distributions import parse_distribution
    >>> X = Symbol("X")
    >>> print(numeric_expectation(parse_distribution("exponential(2)"), X**2, X, 15))
    0.5
    """
    import mpmath
    from sympy import Integer, lambdify

    from .highprec import ContinuousMP, to_mp

    with mpmath.workdps(digits + 10):
        fg = lambdify(X, g, modules="mpmath")
        lo, hi = D.support()
        if D.discrete:
            if D.family == "finite":
                return mpmath.fsum(fg(to_mp(v)) * to_mp(p) for v, p in D.table)
            if not hi.is_infinite:
                return mpmath.fsum(fg(k) * to_mp(D.density(Integer(k)))
                                   for k in range(int(lo), int(hi) + 1))
            pmf = _pmf_function(D)
            return mpmath.nsum(lambda k: fg(k) * pmf(k), [int(lo), mpmath.inf])
        f = ContinuousMP(D)
        a, b = to_mp(lo), to_mp(hi)
        pts = [a, b] if not (mpmath.isinf(a) or mpmath.isinf(b)) else (
            [a, to_mp(D.mean()) if D.family != "t" else 0, b])
        return mpmath.quad(lambda t: fg(t) * f("pdf", t), pts)


def _pmf_function(D: Any) -> Any:
    import mpmath

    from .highprec import to_mp

    ps = [to_mp(p) for p in D.params]
    if D.family == "poisson":
        return lambda k: mpmath.exp(k * mpmath.log(ps[0]) - ps[0] - mpmath.loggamma(k + 1))
    if D.family == "geometric":
        return lambda k: (1 - ps[0]) ** (k - 1) * ps[0]
    raise ValueError(D.family)  # pragma: no cover


@MOMENT_VERIFIERS.check(S.EXPECTATION_DEFINITION)
def _check_expectation_definition(step: Step) -> str | None:
    D = dist_of(step)
    g, X = step.given["g"], step.given["variable"]
    got = num(pair(step)[1], 25) if not pair(step)[1].free_symbols else None
    if got is None:
        return None
    want = numeric_expectation(D, g, X)
    if not close(got, want, 14):
        return f"the sum or integral is {got}, but E[{g}] = {want}"
    return None


def _check_moment(step: Step) -> str | None:
    D = dist_of(step)
    X = step.given["variable"]
    which = str(step.given["which"])
    mean = numeric_expectation(D, X, X)
    value = mean if which == "mean" else numeric_expectation(D, X**2, X) - mean**2
    if not close(num(step.after), value, 12):
        return f"the {which} is {value}, not {step.after}"
    return None


MOMENT_VERIFIERS[S.MOMENT_FORMULA] = Verifier(check=_check_moment, reads=True)


@MOMENT_VERIFIERS.check(S.LINEARITY)
def _check_linearity(step: Step) -> str | None:
    from sympy import expand

    from .notation import Expect

    before, after = pair(step)
    g = before.args[0] if isinstance(before, Expect) else None
    if g is None:
        return "linearity applies to E[...]"
    X = step.given["variable"]
    a, b = expand(g).coeff(X, 1), expand(g).coeff(X, 0)
    if expand(g - a * X - b) != 0:
        return f"{g} is not of the form aX + b"
    return None if after == a * Expect(X) + b else f"E[{g}] = {a * Expect(X) + b}"


@MOMENT_VERIFIERS.check(S.VARIANCE_SHORTCUT)
def _check_var_shortcut(step: Step) -> str | None:
    from .notation import Expect, Var

    before, after = pair(step)
    if not isinstance(before, Var):
        return "the shortcut applies to Var(X)"
    X = before.args[0]
    want = Expect(X**2) - Expect(X) ** 2
    return None if after == want else f"Var({X}) = {want}"


@MOMENT_VERIFIERS.check(S.VARIANCE_AFFINE)
def _check_var_affine(step: Step) -> str | None:
    from sympy import expand

    from .notation import Var

    before, after = pair(step)
    g = before.args[0]
    X = step.given["variable"]
    a = expand(g).coeff(X, 1)
    if expand(g - a * X).has(X):
        return f"{g} is not of the form aX + b"
    return None if after == a**2 * Var(X) else f"Var({g}) = {a**2 * Var(X)}"


@MOMENT_VERIFIERS.check(S.STD_FROM_VARIANCE)
def _check_std(step: Step) -> str | None:
    from sympy import sqrt

    from .notation import SD, Var

    var = step.given.get("variance")
    if var is not None:  # read off data: the root of the variance found before
        return None if step.after == sqrt(var) else f"sqrt({var}) is {sqrt(var)}"
    if isinstance(step.before, SD):
        want = sqrt(Var(step.before.args[0]))
        return None if step.after == want else f"SD = {want}"
    if step.after != sqrt(step.before):
        return f"sqrt({step.before}) is {sqrt(step.before)}"
    return None

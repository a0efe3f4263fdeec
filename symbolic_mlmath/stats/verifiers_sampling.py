"""Independent checks of the sampling rules (issue 14): a concrete case and a re-run.

The steps of the bias derivation are checked at n = 3 draws of a fair die: every
expectation is the average over all 216 equally likely outcomes, mu = 7/2 and
sigma^2 = 35/12, so a step that changes the value is caught exactly. A simulation step
is re-run from its seed and must give the same numbers.

Examples
========
>>> from symbolic_mlmath.stats.sampling import derive_variance_bias
>>> s = derive_variance_bias().steps[2]
>>> SAMPLING_VERIFIERS[S.BIAS_IDENTITY].check(s) is None
True
"""

from __future__ import annotations

import itertools
from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import Verifier, VerifierTable
from symbolic_mlmath.stats.rules import StatsRule as S

__all__ = ["SAMPLING_VERIFIERS", "at_three_dice"]

SAMPLING_VERIFIERS = VerifierTable()
_N = 3


def at_three_dice(expr: Any) -> Any:
    """The value of an expression of the bias derivation for n = 3 rolls of a fair die."""
    from sympy import Integer, Rational, sqrt

    from .notation import Expect
    from .sampling import bias_symbols

    X, i, n, Xbar, mu, sigma = bias_symbols()
    base = {n: _N, mu: Rational(7, 2), sigma: sqrt(Rational(35, 12))}
    outcomes = list(itertools.product(range(1, 7), repeat=_N))

    def expect(node: Any) -> Any:
        inner = node.args[0].subs(base).doit().xreplace({i: 1})
        xs = [X[k] for k in range(1, _N + 1)]
        total = sum((inner.xreplace({**dict(zip(xs, map(Integer, o), strict=True)),
                                     Xbar: Rational(sum(o), _N)}) for o in outcomes),
                    start=Integer(0))
        return total / len(outcomes)

    filled = expr.subs(base)
    filled = filled.replace(lambda e: isinstance(e, Expect), expect)
    return filled.doit()


def _same_at_instance(step: Step) -> str | None:
    a, b = at_three_dice(step.before), at_three_dice(step.after)
    if (a - b).simplify() != 0:
        return f"for three dice the two sides are {a} and {b}"
    return None


def _rerun(step: Step) -> str | None:
    from .distributions import parse_distribution
    from .sampling import derive_lln

    g = step.given
    again = derive_lln(parse_distribution(str(g["distribution"])), int(g["draws"]),
                       int(g["seed"]))
    return None if again.result == step.after else "a re-run with the same seed differs"


for _rule in (S.SUM_OF_SQUARES_IDENTITY, S.LINEARITY_OVER_SUMS, S.BIAS_IDENTITY):
    SAMPLING_VERIFIERS[_rule] = Verifier(check=_same_at_instance)
SAMPLING_VERIFIERS[S.SIMULATION] = Verifier(check=_rerun, reads=True)


# ------------------------------------------------------------------ sums and means of draws
def _stats_moments(text: Any) -> tuple[Any, Any]:
    """sympy.stats' own mean and variance of a distribution written as text."""
    from sympy.core.symbol import Str
    from sympy.stats import E, variance

    from .combinations import as_distribution
    from .distributions import parse_distribution

    D = parse_distribution(str(text)) if isinstance(text, Str) else as_distribution(text)
    rv = D.sympy_rv("V")
    return E(rv), variance(rv)


@SAMPLING_VERIFIERS.check(S.COMBINATION_MOMENTS)
def _combination(step: Step) -> str | None:
    """The mean and variance recomputed by sympy.stats (of each variable, then combined)."""
    from sympy import simplify

    g = step.given
    moments = [_stats_moments(t) for t in g["distributions"]]
    if "n" in g:
        (m, v), n = moments[0], g["n"]
        want = (m, v / n) if str(g["statistic"]) == "mean" else (n * m, n * v)
    else:
        want = (sum((a * m for a, (m, _) in zip(g["coefficients"], moments, strict=True)),
                    g["constant"]),
                sum(a**2 * v for a, (_, v) in zip(g["coefficients"], moments, strict=True)))
    got = tuple(step.after)
    if any(simplify(w - x) != 0 for w, x in zip(want, got, strict=True)):
        return f"the mean and variance are {want[0]} and {want[1]}"
    return None


_CLOSED = {"normal": {"normal"}, "poisson": {"poisson"}, "chi2": {"chi2"},
           "binomial": {"binomial", "bernoulli", "coin"}, "gamma": {"gamma", "exponential"},
           "exponential": {"exponential"}, "uniform": {"uniform"}}


@SAMPLING_VERIFIERS.check(S.CLOSED_FAMILY, S.CLT_APPROXIMATION)
def _closed(step: Step) -> str | None:
    """The named distribution has the mean and variance found (sympy.stats), and its family
    is one the inputs' families close into (the CLT: a normal)."""
    from sympy import simplify

    from .combinations import as_distribution
    from .distributions import parse_distribution

    res = as_distribution(step.after)
    m, v = _stats_moments(step.after)
    if simplify(m - step.given["mean"]) != 0 or simplify(v - step.given["variance"]) != 0:
        return f"{res} has mean {m} and variance {v}"
    if step.rule == S.CLT_APPROXIMATION:
        return None if res.family == "normal" else "the central limit theorem gives a normal"
    fams = {parse_distribution(str(t)).family for t in step.given["distributions"]}
    if not fams <= _CLOSED.get(res.family, set()):
        return f"{', '.join(sorted(fams))} do not combine into a {res.family}"
    return None

"""Power and sample size of a one-sample t test, through the noncentral t law.

Under H1 (true standardised effect d = (μ1 − μ0)/σ) the t statistic of a sample of n
follows a noncentral t law with n − 1 degrees of freedom and noncentrality δ = d√n. The
power at level α is 1 − F(t*; n − 1, δ) for H1: μ > μ0 (t* the upper α point), and
1 − F(t*; n − 1, δ) + F(−t*; n − 1, δ) two-sided (t* the upper α/2 point). F is summed
here by the series of Lenth (1989, AS 243) in mpmath to 30 digits:

F(t; ν, δ) = Φ(−δ) + ½ Σⱼ [pⱼ I_x(j + ½, ν/2) + qⱼ I_x(j + 1, ν/2)],  x = t²/(t² + ν),

pⱼ = e^(−δ²/2) (δ²/2)ʲ / j!,  qⱼ = δ e^(−δ²/2) (δ²/2)ʲ / (√2 Γ(j + 3/2)),  for t ≥ 0, and
F(t; ν, δ) = 1 − F(−t; ν, −δ) for t < 0. The power grows with n, so the smallest n with
power ≥ the target is found by stepping n from the z-test estimate ((z_α + z_β)/d)².

Examples
========
>>> print(nct_cdf(2, 10, 0).evalf(12))
0.963305982615
>>> d = derive_t_sample_size(power="0.8", effect="0.5", alpha="0.05")
>>> d.result
34
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.rules import StatsRule as R

__all__ = ["MAX_SEARCH", "derive_t_sample_size", "nct_cdf", "t_law", "t_power"]

#: At most this many values of n are stepped through in a search.
MAX_SEARCH = 400
_DIGITS = 30


def nct_cdf(x: Any, df: Any, delta: Any, *, digits: int = _DIGITS) -> Any:
    """P(T ≤ x) for T noncentral t with ``df`` degrees of freedom and noncentrality
    ``delta``, by the incomplete-beta series (a SymPy Float of ``digits`` digits)."""
    import mpmath as mp
    from sympy import Float

    from symbolic_mlmath.stats.critical import to_mpf

    with mp.workdps(digits + 15):
        v = _series(to_mpf(x), to_mpf(df), to_mpf(delta), digits + 5)
        return Float(min(max(v, mp.mpf(0)), mp.mpf(1)), digits)


def _series(t: Any, nu: Any, delta: Any, digits: int) -> Any:
    import mpmath as mp

    if t < 0:
        return 1 - _series(-t, nu, -delta, digits)
    base = mp.ncdf(-delta)
    if t == 0:
        return base
    x = t * t / (t * t + nu)
    lam = delta * delta / 2
    half = mp.mpf(1) / 2
    p = mp.exp(-lam)
    q = delta * p / (mp.sqrt(2) * mp.gamma(mp.mpf(3) / 2))
    tol = mp.mpf(10) ** (-digits)
    total, j = mp.mpf(0), 0
    while True:
        total += p * mp.betainc(j + half, nu / 2, 0, x, regularized=True) \
            + q * mp.betainc(j + 1, nu / 2, 0, x, regularized=True)
        j += 1
        if j > lam and abs(p) + abs(q) < tol:  # the Poisson weights past their mode, tiny
            break
        p, q = p * lam / j, q * lam / (j + half)
    return base + total / 2


def t_power(n: int, effect: Any, alpha: Any, alternative: str, samples: int = 1
            ) -> tuple[Any, Any, Any]:
    """(t*, δ, power) of the one-sample t test of size ``n`` (δ = effect·√n, n − 1 degrees
    of freedom), or with ``samples=2`` of the pooled two-sample t test with n in each group
    (δ = effect·√(n/2), 2n − 2 degrees of freedom).

    >>> c, d, p = t_power(20, 1, "0.05", "greater")
    >>> print(c.evalf(10), d, p.evalf(10))
    1.729132812 2*sqrt(5) 0.9961028636
    """
    from sympy import Float, Rational

    from symbolic_mlmath.stats.critical import critical_value

    a = Rational(alpha) if isinstance(alpha, str) else alpha
    df, delta = t_law(n, effect, samples)
    crit = critical_value("t", a, alternative, df=df)
    if alternative == "greater":
        pw = 1 - nct_cdf(crit, df, delta)
    elif alternative == "less":
        pw = nct_cdf(crit, df, delta)
    else:
        pw = 1 - nct_cdf(crit, df, delta) + nct_cdf(-crit, df, delta)
    return crit, delta, Float(pw, _DIGITS)


def t_law(n: int, effect: Any, samples: int = 1) -> tuple[int, Any]:
    """(degrees of freedom, noncentrality) of a t test with n (per group) observations.

    >>> t_law(8, 1), t_law(8, 1, samples=2)
    ((7, 2*sqrt(2)), (14, 2))
    """
    from sympy import Integer, sqrt

    if samples == 2:
        return 2 * n - 2, effect * sqrt(Integer(n) / 2)
    return n - 1, effect * sqrt(n)


def derive_t_sample_size(*, power: Any, effect: Any, alpha: Any = None,
                         alternative: Any = None, samples: Any = None) -> Derivation:
    """The smallest n whose t test reaches ``power`` at the standardised ``effect``: the
    z estimate, then n stepped with the noncentral t power. ``samples=2``: n per group of
    a pooled two-sample t test (two equal groups)."""
    from sympy import Float, Integer, Rational, Symbol, Tuple, ceiling

    from symbolic_mlmath.stats.formulas import exact_number, sym
    from symbolic_mlmath.stats.testing import (
        check_alpha,
        check_alternative,
        critical_value_step,
    )

    if power is None or effect is None:
        raise TaskError("a sample size for power needs both power and effect", name="power")
    target = check_alpha(exact_number(power, "power"), "power")
    d = exact_number(effect, "effect")
    if not d.is_number or d == 0:
        raise TaskError("the effect size must be a non-zero number", name="effect")
    a = check_alpha(Rational(5, 100) if alpha is None else exact_number(alpha, "alpha"))
    if target <= a:
        raise TaskError("the power wanted must exceed alpha (the power when H0 holds)",
                        name="power")
    alt = check_alternative(alternative)
    k = 1 if samples is None else int(exact_number(samples, "samples"))
    if k not in (1, 2):
        raise TaskError("samples must be 1 (one sample or paired) or 2 (two groups)",
                        name="samples")
    # one-sided: the effect taken in the direction of H1 (by symmetry, as for "greater")
    side = "two-sided" if alt == "two-sided" else "greater"
    d = abs(d)
    ca = critical_value_step("z", a, side)
    cb = critical_value_step("z", 1 - target, "greater")
    za, zb, dd = sym("z_alpha"), sym("z_power"), sym("d")
    formula = k * ((za + zb) / dd) ** 2
    vals = {za: ca.given["exact"], zb: cb.given["exact"], dd: d}
    raw = formula.xreplace(vals)
    n_z = int(ceiling(raw.evalf(60)))
    z_step = Step(R.SAMPLE_SIZE, None, Integer(n_z),
                  {"formula": formula, "values": vals, "unrounded": Float(raw.evalf(40), 30),
                   "kind": "power", "assumed_p": False, "power": target,
                   "start_only": True})
    rows = _search(max(2, n_z), d, a, side, target, k)
    n = rows[-1][0]
    table = Tuple(*(Tuple(Integer(m), Integer(t_law(int(m), d, k)[0]), c, dl, pw)
                    for m, c, dl, pw in rows))
    step = Step(R.POWER_SEARCH, None, n,
                {"rows": table, "target": target, "effect": d, "alpha": a, "alternative": side,
                 "start": Integer(n_z), "mirrored": alt == "less", "samples": Integer(k)})
    title = "Sample size for the power of a t test" + (" (n per group)" if k == 2 else "")
    return Derivation(title, Symbol("n"),
                      (ca, cb, z_step, step), n, task="sample_size")


def _search(start: int, d: Any, a: Any, side: str, target: Any, samples: int) -> list[tuple]:
    """Rows (n, t*, δ, power) around the smallest n with power ≥ target, ascending."""
    from sympy import Integer

    seen: dict[int, tuple] = {}

    def row(m: int) -> tuple:
        if m not in seen:
            seen[m] = (Integer(m), *t_power(m, d, a, side, samples))
        return seen[m]

    m = start
    for _ in range(MAX_SEARCH):
        if row(m)[3] >= target:
            if m == 2 or row(m - 1)[3] < target:
                break
            m -= 1
        else:
            m += 1
    else:
        raise TaskError(f"no n within {MAX_SEARCH} steps of the z estimate reaches that power",
                        name="power")
    return [seen[k] for k in sorted(seen) if k <= m]

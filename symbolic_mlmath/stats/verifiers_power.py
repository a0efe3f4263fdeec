"""Independent checks of the t-test sample-size search (the noncentral t power).

Every row of the search is recomputed (critical value, noncentrality, power by the
series); the two rows that decide the answer (n − 1 below the target, n at or above it)
are recomputed again by a different method, the integral of Φ(t√(v/ν) − δ) against the
chi-squared density (:func:`..critical.noncentral_t_cdf`).

Examples
========
>>> from symbolic_mlmath.stats.power_t import derive_t_sample_size
>>> d = derive_t_sample_size(power="0.8", effect="1.5", alpha="0.05")
>>> POWER_VERIFIERS[d.steps[-1].rule].check(d.steps[-1]) is None
True
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import VerifierTable
from symbolic_mlmath.stats.rules import StatsRule as R

__all__ = ["POWER_VERIFIERS"]

#: The verifiers of the power-search rule (merged into the subject's table).
POWER_VERIFIERS = VerifierTable()


def _integral_power(crit: Any, df: int, delta: Any, side: str) -> Any:
    from symbolic_mlmath.stats.critical import noncentral_t_cdf

    F = noncentral_t_cdf
    if side == "greater":
        return 1 - F(crit, df, delta, digits=20)
    return 1 - F(crit, df, delta, digits=20) + F(-crit, df, delta, digits=20)


def _close(a: Any, b: Any, tol: float) -> bool:
    return bool(abs(a - b) <= tol)


@POWER_VERIFIERS.check(R.POWER_SEARCH, reads=True)
def _search(step: Step) -> str | None:
    from sympy import sqrt

    from symbolic_mlmath.stats.critical import critical_value
    from symbolic_mlmath.stats.power_t import nct_cdf

    g = step.given
    side, a, d, target = str(g["alternative"]), g["alpha"], g["effect"], g["target"]
    rows = list(g["rows"])
    if not rows or rows[-1][0] != step.after:
        return "the answer is not the last n of the search"
    if any(r2[0] != r1[0] + 1 for r1, r2 in pairwise(rows)):
        return "the n of the search are not consecutive"
    k = int(g.get("samples", 1))
    for n, df, crit, delta, pw in rows:
        want_df, want_delta = (2 * n - 2, d * sqrt(n / 2)) if k == 2 else (n - 1, d * sqrt(n))
        if df != want_df or (delta - want_delta).expand() != 0:
            return (f"n = {n}: the degrees of freedom are "
                    + ("2n - 2 and δ = d√(n/2)" if k == 2 else "n - 1 and δ = d√n"))
        c = critical_value("t", a, side, df=int(df))
        if not _close(c, crit, 10**-25):
            return f"n = {n}: the critical value is {c.evalf(12)}"
        want = 1 - nct_cdf(c, df, delta)
        if side == "two-sided":
            want += nct_cdf(-c, df, delta)
        if not _close(want, pw, 10**-25):
            return f"n = {n}: the power is {want.evalf(12)}, not {pw.evalf(12)}"
    for n, df, crit, delta, pw in rows[-2:]:
        if not _close(_integral_power(crit, int(df), delta, side), pw, 10**-15):
            return f"n = {n}: the power disagrees with the noncentral t integral"
    n, pw = rows[-1][0], rows[-1][4]
    if pw < target:
        return f"the power at n = {n} is below {target}"
    if n > 2 and (len(rows) < 2 or rows[-2][4] >= target):
        return f"n = {n} is not the smallest: show that n - 1 falls short of the target"
    return None

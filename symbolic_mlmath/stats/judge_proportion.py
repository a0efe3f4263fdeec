"""The working judge of ``ci_proportion``: the Wald interval p̂ ± z·√(p̂(1 − p̂)/n) and
(``method = wilson``) Wilson's score interval: p̂, the critical value, the centre, the
half-width and the interval, each with the usual slips (the variance for the SE, σ/n, α not
split; for Wilson: the Wald interval given, the centre not shifted, z where z² is needed,
the factor 1/(1 + z²/n) left out).

Examples
========
>>> from symbolic_mlmath.core.working import check_working
>>> inputs = {"x": "40", "n": "100", "method": "wilson"}
>>> v = check_working("ci_proportion", inputs, ["phat = 0.4", "z = 1.96", "centre = 0.4037",
...                   "half = 0.0943", "CI = (0.3094, 0.4980)"])
>>> v.correct
True
>>> v = check_working("ci_proportion", inputs, ["phat = 0.4", "z = 1.96", "CI = (0.304, 0.496)"])
>>> v.first_wrong_step, v.lines[2].mistake
(2, "the Wald interval where Wilson's is asked")
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.working import judges_for
from symbolic_mlmath.stats.judge_tests import (
    NO_ROOT_N,
    NO_SQRT,
    S_OVER_N,
    WALD_FOR_WILSON,
    WILSON_DENOMINATOR,
    WILSON_NOT_SHIFTED,
    Z_NOT_SQUARED,
    Q,
    WorkCtx,
    crit_q,
    interval_qs,
    make_ctx,
    make_judge,
    val,
)

__all__ = ["JUDGES", "prop_quantities", "wilson_quantities"]


def wilson_quantities() -> dict:
    """Wilson's score interval: centre (p̂ + z²/2n)/(1 + z²/n), half-width
    z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)."""
    from sympy import sqrt

    def parts(c: WorkCtx, s: dict) -> tuple:
        return val(c, s, "est"), val(c, s, "n"), abs(val(c, s, "crit"))

    def center(c: WorkCtx, s: dict) -> Any:
        p, n, z = parts(c, s)
        return (p + z**2 / (2 * n)) / (1 + z**2 / n)

    def half(c: WorkCtx, s: dict, sq: bool = True) -> Any:
        p, n, z = parts(c, s)
        zz = z**2 if sq else z
        return z / (1 + zz / n) * sqrt(p * (1 - p) / n + zz / (4 * n**2))

    def center_slips(c: WorkCtx, s: dict) -> list:
        p, n, z = parts(c, s)
        return [(WILSON_NOT_SHIFTED, p), (Z_NOT_SQUARED, (p + z / (2 * n)) / (1 + z / n)),
                (WILSON_DENOMINATOR, p + z**2 / (2 * n))]

    def half_slips(c: WorkCtx, s: dict) -> list:
        p, n, z = parts(c, s)
        return [(WALD_FOR_WILSON, z * sqrt(p * (1 - p) / n)), (Z_NOT_SQUARED, half(c, s, False)),
                (WILSON_DENOMINATOR, z * sqrt(p * (1 - p) / n + z**2 / (4 * n**2)))]

    def ci(c: WorkCtx, s: dict) -> tuple:
        m, h = val(c, s, "center"), val(c, s, "ME")
        return (m - h, m + h)

    def ci_slips(c: WorkCtx, s: dict) -> list:
        p, n, z = parts(c, s)
        wald = z * sqrt(p * (1 - p) / n)
        out = [(WALD_FOR_WILSON, (p - wald, p + wald))]
        m = val(c, s, "center")
        out += [(name, (m - h, m + h)) for name, h in half_slips(c, s)[1:]]
        h = val(c, s, "ME")
        out.append((WILSON_NOT_SHIFTED, (p - h, p + h)))
        return out

    qs = prop_quantities()
    qs.update({"center": Q("(p̂ + z²/2n)/(1 + z²/n)", center, center_slips),
               "ME": Q("z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)", half, half_slips),
               "CI": Q("centre ± half-width", ci, ci_slips)})
    return qs


def prop_quantities() -> dict:
    from sympy import sqrt

    def se(c: WorkCtx, s: dict) -> Any:
        p = val(c, s, "est")
        return sqrt(p * (1 - p) / val(c, s, "n"))

    def se_slips(c: WorkCtx, s: dict) -> list:
        p, n = val(c, s, "est"), val(c, s, "n")
        return [(NO_SQRT, p * (1 - p) / n), (S_OVER_N, sqrt(p * (1 - p)) / n),
                (NO_ROOT_N, sqrt(p * (1 - p)))]

    return {"est": Q("x/n", lambda c, s: c.facts["x"] / val(c, s, "n"),
                     lambda c, s: [("n/x instead of x/n", val(c, s, "n") / c.facts["x"])]),
            "n": Q("the number of trials", lambda c, s: c.facts["n"]),
            "SE": Q("√(p̂(1 − p̂)/n)", se, se_slips), "crit": crit_q(True), **interval_qs()}


def _start_prop(task: str, inputs: dict) -> WorkCtx:
    from sympy import Integer

    from symbolic_mlmath.core.errors import InputError
    from symbolic_mlmath.stats.intervals import confidence_level
    from symbolic_mlmath.text import parse_count

    method = str(inputs.get("method") or "wald").strip().lower()
    if method not in ("wald", "wilson"):
        raise InputError("working is checked for the Wald (p̂ ± z·SE) and Wilson score "
                         "intervals", name="method")
    x = Integer(parse_count(str(inputs.get("x")), name="x"))
    n = Integer(parse_count(str(inputs.get("n")), name="n"))
    if n < 1 or x > n:
        raise InputError("need 0 <= x <= n and n >= 1", name="x")
    alpha = 1 - confidence_level(inputs.get("confidence"))
    names = {"phat": "est", "p̂": "est", "p_hat": "est", "p": "est", "z": "crit"}
    if method == "wilson":
        names.update({"center": "center", "centre": "center", "mid": "center",
                      "midpoint": "center", "p~": "center", "p̃": "center",
                      "p_tilde": "center", "half": "ME", "halfwidth": "ME",
                      "half_width": "ME", "w": "ME"})
    return make_ctx(task, {"n": n}, {"x": x, "n": n}, "z", "two-sided", alpha,
                    wilson_quantities() if method == "wilson" else prop_quantities(), "CI",
                    names)


JUDGES = judges_for(make_judge(_start_prop), "ci_proportion")

"""The steps every test shares: hypotheses, p-value, critical value and decision.

The p-value and the critical value are computed with mpmath to 30 significant digits
(:mod:`symbolic_mlmath.stats.critical`); for the normal law the exact ``erfc`` /
``erfinv`` form is kept next to the decimal.

Examples
========
>>> from sympy import Rational, Symbol
>>> s = p_value_step("z", Rational(2), "two-sided")
>>> s.given["exact"], s.after.evalf(10)
(erfc(sqrt(2)), 0.04550026390)
>>> decision_step(s.after, Rational(5, 100), "z", Rational(2), "two-sided",
...               critical_value_step("z", Rational(5, 100), "two-sided").after).after
reject
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.stats import critical
from symbolic_mlmath.stats.formulas import approx
from symbolic_mlmath.stats.rules import StatsRule as R

__all__ = [
    "LAW_NAMES",
    "check_alpha",
    "check_alternative",
    "critical_value_step",
    "decision_of",
    "decision_step",
    "hypotheses_step",
    "in_rejection_region",
    "law_df",
    "p_value_step",
]

#: How each law is named in words.
LAW_NAMES = {"z": "standard normal", "t": "Student t", "chi2": "chi-squared", "f": "F"}

_ALT_WORDS = {
    "two-sided": "two-sided", "two_sided": "two-sided", "two sided": "two-sided", "!=": "two-sided",
    "≠": "two-sided", "ne": "two-sided", "not equal": "two-sided", "two-tailed": "two-sided",
    "greater": "greater", ">": "greater", "right": "greater", "upper": "greater",
    "right-tailed": "greater", "less": "less", "<": "less", "left": "less", "lower": "less",
    "left-tailed": "less",
}


def check_alternative(alternative: Any) -> str:
    """The alternative's canonical name: ``two-sided``, ``greater`` or ``less``.

    Examples
    ========
    >>> check_alternative("Two-Sided"), check_alternative(">")
    ('two-sided', 'greater')
    """
    if alternative is None:
        return "two-sided"
    key = " ".join(str(alternative).strip().lower().split())
    if key not in _ALT_WORDS:
        raise TaskError(f"unknown alternative {str(alternative)[:30]!r}; use two-sided, greater "
                        f"or less", name="alternative")
    return _ALT_WORDS[key]


def check_alpha(alpha: Any, name: str = "alpha") -> Any:
    """A significance level (or 1 - confidence) strictly between 0 and 1, exact."""
    from sympy import Rational

    from symbolic_mlmath.text.convert import as_sympy

    a = as_sympy(alpha)
    if a.is_Float:
        a = Rational(str(a))
    if not a.is_number or a.free_symbols or not (0 < a < 1):
        raise TaskError(f"must be strictly between 0 and 1, got {a}", name=name)
    return a


def law_df(law: str, df: Any) -> Any:
    """Degrees of freedom as the critical-value module wants them."""
    if law == "f":
        return tuple(df)
    return df


def hypotheses_step(parameter: Any, null: Any, alternative: str) -> Step:
    """H0: parameter = null against H1 for the alternative (as SymPy relations)."""
    from sympy import Eq, Gt, Lt, Ne, Tuple

    rel = {"two-sided": Ne, "greater": Gt, "less": Lt}[alternative]
    after = Tuple(Eq(parameter, null, evaluate=False), rel(parameter, null, evaluate=False))
    return Step(R.HYPOTHESES, None, after,
                {"parameter": parameter, "null": null, "alternative": alternative})


def _exact_normal_p(z: Any, alternative: str) -> Any:
    from sympy import Abs, erfc, sqrt

    if alternative == "two-sided":
        return erfc(Abs(z) / sqrt(2))
    if alternative == "greater":
        return erfc(z / sqrt(2)) / 2
    return erfc(-z / sqrt(2)) / 2


def p_value_step(law: str, statistic: Any, alternative: str, df: Any = None) -> Step:
    """The p-value of ``statistic`` under the null law, to 30 significant digits."""
    from sympy import Tuple

    if law in ("chi2", "f"):
        alternative = "greater" if alternative == "two-sided" else alternative
    p = critical.p_value(law, statistic, alternative, df=law_df(law, df))
    given: dict[str, Any] = {"law": law, "statistic": statistic, "alternative": alternative,
                             "approx": approx(p)}
    if df is not None:
        given["df"] = Tuple(*df) if law == "f" else df
    if law == "z" and statistic.is_number and not statistic.is_Float:
        given["exact"] = _exact_normal_p(statistic, alternative)
    return Step(R.P_VALUE, None, p, given)


def critical_value_step(law: str, alpha: Any, alternative: str, df: Any = None) -> Step:
    """The critical value of a level-``alpha`` test for the alternative (30 digits)."""
    from sympy import Tuple, erfinv, sqrt

    if law in ("chi2", "f"):
        alternative = "greater" if alternative == "two-sided" else alternative
    c = critical.critical_value(law, alpha, alternative, df=law_df(law, df))
    tail = alpha / 2 if alternative == "two-sided" else alpha
    given: dict[str, Any] = {"law": law, "alpha": alpha, "alternative": alternative,
                             "tail": tail, "approx": approx(c)}
    if df is not None:
        given["df"] = Tuple(*df) if law == "f" else df
    if law == "z":
        level = 1 - tail
        exact = sqrt(2) * erfinv(2 * level - 1)
        given["exact"] = -exact if alternative == "less" else exact
    return Step(R.CRITICAL_VALUE, None, c, given)


def decision_of(p: Any, alpha: Any) -> str:
    """``reject`` when p <= alpha, else ``fail_to_reject``."""
    return "reject" if p <= alpha else "fail_to_reject"


def decision_step(p: Any, alpha: Any, law: str, statistic: Any, alternative: str,
                  critical_value: Any = None) -> Step:
    """Reject H0 when p <= alpha (equivalently: the statistic in the rejection region)."""
    from sympy.core.symbol import Str

    d = decision_of(p, alpha)
    given: dict[str, Any] = {"p_value": p, "alpha": alpha, "law": law, "statistic": statistic,
                             "alternative": alternative}
    if critical_value is not None:
        given["critical_value"] = critical_value
    return Step(R.DECISION, None, Str(d), given)


def in_rejection_region(statistic: Any, critical_value: Any, alternative: str, law: str) -> bool:
    """Whether the statistic falls in the rejection region bounded by the critical value."""
    from sympy import Abs

    if law in ("chi2", "f") or alternative == "greater":
        return bool(statistic > critical_value)
    if alternative == "less":
        return bool(statistic < critical_value)
    return bool(Abs(statistic) > critical_value)

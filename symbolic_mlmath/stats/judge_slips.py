"""The usual slips in a test or interval working, each recomputed from the learner's values.

:func:`name_slip` takes the quantity a line gives, the value it should have and the value
written, and tries each slip of that quantity (σ/n for σ/√n, n for n - 1, α not halved, the
z law where t is needed, a one-sided p-value for a two-sided test, ...): the first whose
value matches what was written (exactly, or rounded to the decimals typed) is named.

Examples
========
>>> from types import SimpleNamespace as NS
>>> from sympy import Integer, sqrt
>>> ctx = NS(law="t", xbar=Integer(52), s=Integer(4), n=16, mu0=Integer(50),
...          alternative="two-sided", alpha=Integer(5) / 100)
>>> state = NS(values={})
>>> name_slip(ctx, state, "df", Integer(15), Integer(16), "16").name
'n instead of n - 1 degrees of freedom'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from symbolic_mlmath.core.mistakes import Slip

__all__ = ["matches", "name_slip"]


def matches(want: Any, got: Any, text: Any) -> bool:
    """``got`` is ``want`` exactly, or ``want`` rounded to the decimals in ``text``."""
    from fractions import Fraction

    from symbolic_mlmath.core.answers import decimal_places

    if isinstance(want, tuple) or isinstance(got, tuple):
        if not (isinstance(want, tuple) and isinstance(got, tuple) and len(want) == len(got)):
            return False
        texts = text if isinstance(text, tuple) and len(text) == len(want) else ("",) * len(want)
        return all(matches(w, g, t) for w, g, t in zip(want, got, texts, strict=True))
    try:
        places = decimal_places(text) if isinstance(text, str) else None
        if places is None:
            return bool(abs((want - got).evalf(30)) < 1e-25)
        diff = abs(Fraction(str(want.evalf(40))) - Fraction(str(got.evalf(40))))
        return diff <= Fraction(1, 2 * 10**places)
    except (TypeError, ValueError, AttributeError):
        return False


def _candidates(ctx: Any, s: Any, kind: str) -> list[tuple[str, str, Callable[[], Any]]]:
    from sympy import sqrt

    from symbolic_mlmath.stats import critical

    v = s.values
    xbar, sd, n = v.get("xbar", ctx.xbar), v.get("s", ctx.s), v.get("n", ctx.n)
    df = v.get("df", n - 1) if ctx.law == "t" else None
    se = v.get("se", sd / sqrt(n))
    alt = ctx.alternative
    stat = v.get("statistic", (xbar - ctx.mu0) / se)
    law = ctx.law
    one_sided = "greater" if alt == "two-sided" else alt
    out: list[tuple[str, str, Callable[[], Any]]] = []
    if kind == "se":
        out += [("σ/n instead of σ/√n", "the standard error is σ/√n", lambda: sd / n),
                ("n - 1 in the standard error", "the standard error divides by √n",
                 lambda: sd / sqrt(n - 1)),
                ("standard error not divided by √n", "the standard error is σ/√n", lambda: sd)]
    elif kind == "statistic":
        out += [("sign of the statistic", "the statistic is (x̄ - μ0)/SE",
                 lambda: (ctx.mu0 - xbar) / se),
                ("standard deviation instead of the standard error",
                 "the statistic divides by SE = σ/√n", lambda: (xbar - ctx.mu0) / sd),
                ("σ/n instead of σ/√n", "the standard error is σ/√n",
                 lambda: (xbar - ctx.mu0) / (sd / n))]
    elif kind == "df":
        out += [("n instead of n - 1 degrees of freedom", f"df = n - 1 = {n - 1}", lambda: n)]
    elif kind == "critical":
        two = alt == "two-sided"
        out += [("α not halved for a two-sided test" if two else "α halved for a one-sided test",
                 f"a {'two' if two else 'one'}-sided test at α = {ctx.alpha} puts "
                 f"{'α/2' if two else 'α'} in {'each tail' if two else 'one tail'}",
                 lambda: critical.critical_value(law, ctx.alpha, one_sided if two else
                                                 "two-sided", df=df))]
        if law == "t":
            out += [("the z critical value where t is needed", f"σ is estimated by s: t with "
                     f"{df} degrees of freedom", lambda: critical.critical_value(
                         "z", ctx.alpha, alt)),
                    ("n instead of n - 1 degrees of freedom", f"df = n - 1 = {n - 1}",
                     lambda: critical.critical_value("t", ctx.alpha, alt, df=n))]
    elif kind == "p":
        p_right = critical.p_value(law, stat, alt, df=df)
        if alt == "two-sided":
            out.append(("one-sided p-value for a two-sided test", "a two-sided test doubles "
                        "the tail", lambda: p_right / 2))
        else:
            out.append(("two-sided p-value for a one-sided test", "a one-sided test takes one "
                        "tail", lambda: critical.p_value(law, stat, "two-sided", df=df)))
        out.append(("the other tail", "the p-value is the tail beyond the statistic in the "
                    "direction of H1", lambda: 1 - p_right))
        if law == "t":
            out += [("the z distribution where t is needed", f"σ is estimated by s: t with "
                     f"{df} degrees of freedom", lambda: critical.p_value("z", stat, alt)),
                    ("n instead of n - 1 degrees of freedom", f"df = n - 1 = {n - 1}",
                     lambda: critical.p_value("t", stat, alt, df=n))]
    elif kind in ("margin", "lower", "upper", "interval"):
        crit = v.get("critical") or critical.critical_value(law, ctx.alpha, "two-sided", df=df)

        def shaped(margin: Any) -> Any:
            return {"margin": margin, "lower": xbar - margin, "upper": xbar + margin,
                    "interval": (xbar - margin, xbar + margin)}[kind]

        out += [("σ/n instead of σ/√n", "the standard error is σ/√n",
                 lambda: shaped(crit * sd / n)),
                ("standard deviation instead of the standard error",
                 "the margin is critical value × σ/√n", lambda: shaped(crit * sd)),
                ("α not halved for a two-sided interval", "a two-sided interval puts α/2 in "
                 "each tail", lambda: shaped(critical.critical_value(law, ctx.alpha, "greater",
                                                                     df=df) * se))]
        if law == "t":
            out.append(("the z critical value where t is needed", f"σ is estimated by s: t "
                        f"with {df} degrees of freedom", lambda: shaped(
                            critical.critical_value("z", ctx.alpha, "two-sided") * se)))
    return out


def name_slip(ctx: Any, s: Any, kind: str, want: Any, got: Any, text: Any) -> Slip:
    """The slip that explains ``got`` for ``kind`` (an arithmetic slip when none does)."""
    from symbolic_mlmath.render.formats import text_of

    def show(x: Any) -> str:
        if isinstance(x, tuple):
            return "(" + ", ".join(show(v) for v in x) + ")"
        return text_of(x.evalf(6) if getattr(x, "is_Float", False) or not x.is_Rational
                       else x) if hasattr(x, "is_Rational") else str(x)

    for name, detail, value in _candidates(ctx, s, kind):
        try:
            alt = value()
        except (ValueError, ZeroDivisionError, TypeError):
            continue
        if matches(alt, got, text) and not matches(want, alt, ""):
            return Slip(name, detail, want)
    if not isinstance(want, tuple) and not isinstance(got, tuple) and matches(-want, got, text) \
            and want != 0:
        return Slip("sign error", f"it is {show(want)}, not {show(got)}", want)
    return Slip("arithmetic slip", f"it is {show(want)}, not {show(got)}", want)

"""Independent checks of the distribution, quantile and moment rules (issue 14).

Each check recomputes the step another way: a law against ``sympy.stats``' own density, a
CDF sum or integral by mpmath summation or quadrature against the closed form, a quantile
by putting it back into the CDF, a moment by numerical integration of ``g(x) f(x)``.

Examples
========
>>> from sympy import Eq, Integer, Rational, Symbol
>>> from symbolic_mlmath.core.steps import Step
>>> s = Step(S.INVERT_CDF, Eq(Symbol("F"), Rational(1, 2)), Integer(3),
...          {"distribution": "uniform(2, 4)", "q": Rational(1, 2)})
>>> PROB_VERIFIERS[S.INVERT_CDF].check(s) is None
True
>>> s = Step(S.INVERT_CDF, Eq(Symbol("F"), Rational(1, 2)), Integer(4),
...          {"distribution": "uniform(2, 4)", "q": Rational(1, 2)})
>>> PROB_VERIFIERS[S.INVERT_CDF].check(s)
'F(4) = 1.0, not q = 1/2'
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import SAME_VALUE, Verifier, VerifierTable
from symbolic_mlmath.stats.rules import StatsRule as S

__all__ = ["PROB_VERIFIERS", "close", "complementary", "dist_of", "num", "pair"]

PROB_VERIFIERS = VerifierTable()
_DPS = 30


def dist_of(step: Step) -> Any:
    from .distributions import parse_distribution

    return parse_distribution(str(step.given["distribution"]))


def _limit(v: Any) -> Any:
    import mpmath

    from .highprec import to_mp

    return mpmath.inf if v.is_infinite and v > 0 else -mpmath.inf if v.is_infinite else to_mp(v)


def _numeric_part(e: Any) -> Any:
    """An Integral by mpmath quadrature, a Sum by mpmath summation (never symbolically)."""
    import mpmath
    from sympy import Float, Integral, lambdify

    (var, lo, hi), = e.limits
    f = lambdify(var, e.function, modules="mpmath")
    a, b = _limit(lo), _limit(hi)
    if isinstance(e, Integral):
        pts = [a, b] if not (mpmath.isinf(a) and mpmath.isinf(b)) else [a, 0, b]
        value = mpmath.quad(f, pts)
    elif not mpmath.isinf(b) and b - a <= 2000:
        value = mpmath.fsum(f(mpmath.mpf(k)) for k in range(int(a), int(b) + 1))
    else:
        value = mpmath.nsum(f, [a, b])
    return Float(mpmath.nstr(value, mpmath.mp.dps), mpmath.mp.dps)


def num(expr: Any, dps: int = _DPS) -> Any:
    """``expr`` as an mpmath number; integrals and sums inside it are done numerically."""
    import mpmath
    from sympy import Integral, Sum

    from .highprec import to_mp

    with mpmath.workdps(dps):
        if hasattr(expr, "atoms") and expr.has(Integral, Sum):
            expr = expr.replace(lambda e: isinstance(e, Integral | Sum), _numeric_part)
        return to_mp(expr.doit() if hasattr(expr, "doit") else expr)


def close(a: Any, b: Any, digits: int = 20) -> bool:
    import mpmath

    with mpmath.workdps(digits + 10):
        a, b = mpmath.mpf(a), mpmath.mpf(b)
        return abs(a - b) <= mpmath.mpf(10) ** -digits * max(1, abs(a), abs(b))


def pair(step: Step) -> tuple[Any, Any]:
    """The part of ``before`` a step rewrote and what it became (the whole, by default)."""
    g = step.given
    if "part" in g:
        return g["part"], g["becomes"]
    return step.before, step.after


def _consistent(step: Step) -> str | None:
    g = step.given
    if "part" in g and step.before.xreplace({g["part"]: g["becomes"]}) != step.after:
        return "the rest of the expression changed"
    return None


def _sample_points(D: Any) -> list:
    from sympy import Integer, Rational

    lo, hi = D.support()
    if D.discrete:
        if D.family == "finite":
            return [v for v, _ in D.table][:4]
        start = int(lo)
        return [Integer(k) for k in range(start, start + 4) if hi.is_infinite or k <= hi]
    if lo.is_infinite:
        return [Rational(-3, 2), Rational(1, 3), Rational(5, 2)]
    if hi.is_infinite:
        return [lo + Rational(1, 3), lo + Rational(3, 2), lo + 4]
    return [lo + (hi - lo) * r for r in (Rational(1, 5), Rational(1, 2), Rational(7, 8))]


def _law_variable(before: Any) -> Any:
    return before.args[0].rhs if hasattr(before.args[0], "rhs") else before.args[0]


@PROB_VERIFIERS.check(S.PMF_FORMULA, S.PDF_FORMULA)
def _check_law(step: Step) -> str | None:
    """The law, with the parameters put in, equals sympy.stats' density at sample points."""
    D = dist_of(step)
    before, law = pair(step)
    x = _law_variable(before)
    if not getattr(x, "free_symbols", True):  # the law already at a value: compare values
        from sympy.stats import density

        ref = D.density(x) if D.family == "finite" else density(D.sympy_rv())(x)
        if not close(num(law), num(ref)):
            return f"P(X = {x}) is {ref}, not {law.doit()}"
        return None
    if D.family == "finite":
        return None if law == D.density(x) else f"the table gives {D.density(x)}, not {law}"
    if not D.is_numeric:
        return None if law == D.general().density(x) else "not the family's law"
    from sympy.stats import density

    rv = D.sympy_rv()
    filled = law.xreplace(dict(zip(D.symbols, D.params, strict=True)))
    for pt in _sample_points(D):
        ours = filled.xreplace({x: pt}) if x.free_symbols else filled
        ref = density(rv)(pt)
        if not close(num(ours), num(ref)):
            return f"at {x} = {pt} the law gives {ours.evalf(12)}, sympy.stats {ref.evalf(12)}"
    return None


@PROB_VERIFIERS.check(S.PLUG_IN)
def _check_plug(step: Step) -> str | None:
    """The formula is kept and the parameters put in are the distribution's."""
    after = step.after
    if not hasattr(after, "variables"):
        return "expected the formula with values put in"
    if after.expr != step.before:
        return "the formula changed while values were put in"
    D = dist_of(step)
    names = dict(zip(D.symbols, D.params, strict=True))
    for v, p in zip(after.variables, after.point, strict=True):
        if v in names and names[v] != p:
            return f"{v} should be {names[v]}, not {p}"
    return None


@PROB_VERIFIERS.check(S.OUTSIDE_SUPPORT)
def _check_outside(step: Step) -> str | None:
    D = dist_of(step)
    x = step.given["x"]
    if pair(step)[1] != 0:
        return f"outside the support the value is 0, not {pair(step)[1]}"
    lo, _ = D.support()
    if D._in_support(x) and not (x < lo):
        return f"{x} is in the support of {D}"
    return None


def _total_is_one(step: Step) -> str | None:
    total = step.given["total"]
    value = num(total, 25)
    if not close(value, 1, 15):
        return f"the total is {value}, not 1"
    return None


PROB_VERIFIERS[S.NORMALIZATION] = Verifier(check=_total_is_one, reads=True)


def _node_x(before: Any) -> Any:
    from .notation import Prob

    if isinstance(before, Prob):
        return before.args[0].rhs
    return before.args[0]


@PROB_VERIFIERS.check(S.CDF_SUM, S.CDF_INTEGRAL)
def _check_cdf_form(step: Step) -> str | None:
    """The sum or integral, evaluated numerically, is the CDF at x (mpmath)."""
    D = dist_of(step)
    x = step.given["x"]
    form = pair(step)[1]
    if x.free_symbols:
        return None if form.has(x) else "the sum or integral should run up to x"
    got = num(form, 25)
    want = D.cdf_numeric(x, 25)
    if not close(got, want, 15):
        return f"the sum or integral is {got}, but F({x}) = {want}"
    return None


@PROB_VERIFIERS.check(S.EVALUATE_INTEGRAL, S.SUM_INTEGRAL_VALUE)
def _check_integral_value(step: Step) -> str | None:
    """Quadrature (or summation) of ``before`` agrees with the closed form ``after``."""
    before, after = pair(step)
    if getattr(before, "free_symbols", None) or getattr(after, "free_symbols", None):
        t = step.given.get("variable")
        anti = step.given.get("antiderivative")
        if anti is None or t is None:
            return None
        from sympy import diff

        D = dist_of(step)
        for pt in _sample_points(D):
            slope = diff(anti, t).xreplace({t: pt})
            if not close(num(slope), D.pdf_numeric(pt, 25), 15):
                return f"F' is not the density at {pt}"
        return None
    got, want = num(before, 40), num(after, 40)
    if not close(got, want, 18):
        return f"the value is {want}, not {after}"
    return None


PROB_VERIFIERS[S.WRITE_OUT_SUM] = SAME_VALUE


@PROB_VERIFIERS.check(S.STANDARDIZE)
def _check_standardize(step: Step) -> str | None:
    g = step.given
    if g["z"] != (g["x"] - g["mu"]) / g["sigma"]:
        return f"z = ({g['x']} - {g['mu']})/{g['sigma']} is {(g['x'] - g['mu']) / g['sigma']}"
    if pair(step)[1].args[0].rhs != g["z"]:
        return "the standardised bound is not z"
    return None


def _literal(r: Any) -> Any:
    from sympy import Ge, Gt, Ne, Not, Symbol

    if isinstance(r, Ge | Gt | Ne):
        return ~Symbol(str(Not(r)))
    return Symbol(str(r))


def _as_boolean(e: Any) -> Any:
    from sympy import And, Not, Or
    from sympy.core.relational import Relational

    if isinstance(e, Relational):
        return _literal(e)
    if isinstance(e, And | Or):
        return e.func(*[_as_boolean(a) for a in e.args])
    if isinstance(e, Not):
        return ~_as_boolean(e.args[0])
    return e


def complementary(a: Any, b: Any) -> bool:
    """True when event ``b`` is the complement of event ``a`` (as logic on their parts)."""
    from sympy import Not, Xor
    from sympy.logic.inference import satisfiable

    if Not(a) == b:
        return True
    return satisfiable(Xor(~_as_boolean(a), _as_boolean(b))) is False


@PROB_VERIFIERS.check(S.COMPLEMENT_RULE)
def _check_complement(step: Step) -> str | None:
    from .notation import Prob

    before, after = pair(step)
    probs = list(after.atoms(Prob)) if hasattr(after, "atoms") else []
    if not isinstance(before, Prob) or len(probs) != 1 or after != 1 - probs[0]:
        return "the complement rule gives 1 - P(complement)"
    if len(before.args) != len(probs[0].args) or not complementary(before.args[0],
                                                                   probs[0].args[0]):
        return f"{probs[0].args[0]} is not the complement of {before.args[0]}"
    return None


@PROB_VERIFIERS.check(S.EVENT_SIMPLIFY)
def _check_event_simplify(step: Step) -> str | None:
    """Both events are the same set of real values (SymPy solves each)."""
    from sympy import Dummy

    before, after = pair(step)
    a, b = before.args[0], after.args[0]
    names = a.free_symbols | b.free_symbols
    if len(names) != 1:
        return "an event about one variable"
    x = Dummy("x", real=True)
    X = next(iter(names))
    if a.xreplace({X: x}).as_set() != b.xreplace({X: x}).as_set():
        return f"{b} is not the same event as {a}"
    return None


@PROB_VERIFIERS.check(S.INTERVAL_RULE)
def _check_interval(step: Step) -> str | None:
    from sympy import And, LessThan, Not, StrictLessThan

    from .notation import Prob

    before, after = pair(step)
    event = before.args[0]
    if not isinstance(event, And) or len(event.args) != 2:
        return "an interval is two bounds joined by and"
    upper = next((a for a in event.args if isinstance(a, LessThan | StrictLessThan)), None)
    if upper is None:
        return "an interval needs an upper bound"
    lower = next(a for a in event.args if a is not upper)
    want = Prob(upper) - Prob(Not(lower))
    return None if after == want else f"P({event}) is {want}"


@PROB_VERIFIERS.check(S.ENDPOINT_RULE)
def _check_endpoint(step: Step) -> str | None:
    from sympy import LessThan, StrictLessThan, ceiling, floor

    g = step.given
    before, after = pair(step)
    if g.get("point") is not None:
        return None if after == 0 and not g["discrete"] else "a point has probability 0"
    rel = before.args[0]
    new = after.args[0]
    if not isinstance(new, LessThan):
        return "expected P(X <= c)"
    b = rel.rhs
    if not g["discrete"]:
        want = b
    elif isinstance(rel, StrictLessThan):
        want = ceiling(b) - 1
    else:
        want = floor(b)
    return None if new.rhs == want else f"the bound should be {want}, not {new.rhs}"


@PROB_VERIFIERS.check(S.DECIMAL_VALUE)
def _check_decimal(step: Step) -> str | None:
    digits = int(step.given["digits"])
    if not close(num(step.before, digits + 10), num(step.after, digits + 10), digits - 1):
        return f"{step.after} is not {step.before} to {digits} digits"
    return None


@PROB_VERIFIERS.check(S.QUANTILE_DEFINITION)
def _check_quantile_definition(step: Step) -> str | None:
    from sympy import Eq

    g = step.given
    q = g["q"]
    after = step.after
    if after.rhs != q:
        return f"the level should be q = {q}"
    if not isinstance(after, Eq):
        return None  # the discrete convention F(x) >= q states a rule, not a formula
    D = dist_of(step)
    x = next(iter(after.lhs.free_symbols), None)
    if x is None:
        return "F(x) should depend on x"
    for pt in _sample_points(D):
        if not close(num(after.lhs.xreplace({x: pt})), D.cdf_numeric(pt, 25), 15):
            return f"the left side is not F at {pt}"
    return None


@PROB_VERIFIERS.check(S.INVERT_CDF, S.ROOT_FIND)
def _check_inverse(step: Step) -> str | None:
    D = dist_of(step)
    q = step.given["q"]
    digits = int(step.given.get("digits", 25))
    x = step.after
    import mpmath

    with mpmath.workdps(digits + 15):
        from sympy import Rational

        xv = Rational(mpmath.nstr(num(x, digits + 15), digits + 10)) if not x.is_Rational else x
        back = D.cdf_numeric(xv, digits + 5)
        if not close(back, num(q, digits + 10), digits - 3):
            return f"F({x}) = {mpmath.nstr(back, 12)}, not q = {q}"
    return None


@PROB_VERIFIERS.check(S.CUMULATIVE_TABLE)
def _check_cumulative(step: Step) -> str | None:
    D = dist_of(step)
    q = step.given["q"]
    k = step.after
    lo = D.support()[0]
    if D.cdf_numeric(k, 40) < num(q, 40) - 1e-35:
        return f"F({k}) < q = {q}"
    if k > lo and D.cdf(k - 1) >= q:
        return f"F({k - 1}) already reaches q = {q}: the answer is smaller"
    return None

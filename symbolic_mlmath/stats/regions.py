"""Events about two independent continuous variables, by exact double integration.

P((X, Y) in A) is the integral of the joint density f_X(x) f_Y(y) (independent: the
product of the marginal densities) over the region A. The region comes from the event's
relations, each solved for the inner variable (linear in it, e.g. ``X + Y < 1`` is
``y < 1 - x``), clipped to the supports; where the bounds change which one is active the
outer range is split at the crossing points, so every piece has plain bounds. SymPy then
does the inner integral (a function of the outer variable) and the outer one, exactly.
Independent normals (any number) with one linear inequality skip the integral: the
combination W = a1 X1 + a2 X2 + ... is normal, and P(W < c) is a one-variable question.

Examples
========
>>> from symbolic_mlmath.stats.probability import derive_probability
>>> d = derive_probability({"X": "uniform(0, 1)", "Y": "uniform(0, 1)"}, "X + Y < 1")
>>> d.result, [s.rule.value for s in d.steps]
(1/2, ['region_integral', 'inner_integral', 'sum_integral_value'])
>>> derive_probability({"X": "exponential(1)", "Y": "exponential(2)"}, "X < Y").result
1/3
"""

from __future__ import annotations

import itertools
from typing import Any

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.stats.rules import StatsRule as S

__all__ = ["dummy_of", "linear_coefficients", "normal_combination", "region_pieces",
           "region_steps"]

_REL = ("StrictLessThan", "LessThan", "StrictGreaterThan", "GreaterThan")


def dummy_of(name: str) -> Any:
    """The integration variable of a random variable: ``x`` for ``X`` (``t_x`` for ``x``)."""
    from sympy import Symbol

    low = name.lower()
    return Symbol(low if low != name else f"t_{name}", real=True)


def _relations(event: Any) -> list:
    from sympy import Abs, And

    parts = []
    for p in list(event.args) if isinstance(event, And) else [event]:
        name = type(p).__name__
        if name in ("StrictLessThan", "LessThan") and isinstance(p.lhs, Abs) and p.rhs.is_number:
            e = p.lhs.args[0]  # |e| < c: -c < e < c
            parts += [type(p)(e, p.rhs), type(p)(-p.rhs, e)]
        else:
            parts.append(p)
    for p in parts:
        if type(p).__name__ not in _REL:
            raise InputError("for two continuous variables the event must be inequalities "
                             "joined by and (e.g. X + Y < 1, X < Y); an equality has "
                             "probability 0", name="event")
    return parts


def _solve_for(rel: Any, v: Any) -> tuple[str, Any] | None:
    """``("lower" | "upper", bound)`` for ``v`` from a relation linear in ``v``; None when
    ``v`` is absent."""
    from sympy import expand

    e = expand(rel.lhs - rel.rhs)  # e op 0
    a = e.coeff(v)
    rest = expand(e - a * v)
    if a == 0:
        return None
    if v in rest.free_symbols or v in a.free_symbols or not a.is_number:
        raise InputError(f"the event {rel} is not linear in {v}: cannot find the region",
                         name="event")
    bound = -rest / a
    less = type(rel).__name__ in ("StrictLessThan", "LessThan")
    upper = less if a > 0 else not less
    return ("upper" if upper else "lower"), bound


def region_pieces(event: Any, u: Any, v: Any, su: tuple, sv: tuple) -> list[tuple]:
    """Pieces ``(u_lo, u_hi, v_lo, v_hi)`` of the region ``event`` (in the dummies u, v)
    within the supports ``su`` x ``sv``; the v bounds are expressions in u.

    >>> from sympy import Symbol, oo
    >>> x, y = Symbol("x", real=True), Symbol("y", real=True)
    >>> region_pieces(x + y < 1, x, y, (0, 1), (0, 1))
    [(0, 1, 0, 1 - x)]
    >>> region_pieces(x < y, x, y, (0, oo), (0, oo))
    [(0, oo, x, oo)]
    """
    from sympy import Integer, Max, Min, Rational, S, oo, solve

    def exact(b: Any) -> Any:
        return Integer(b) if isinstance(b, int) else b

    lowers, uppers = [exact(sv[0])], [exact(sv[1])]
    ulo, uhi = [exact(su[0])], [exact(su[1])]
    for rel in _relations(event):
        found = _solve_for(rel, v)
        if found is None:
            side = _solve_for(rel, u)
            if side is None or side[1].free_symbols:
                raise InputError(f"cannot read {rel} as a bound", name="event")
            (ulo if side[0] == "lower" else uhi).append(side[1])
            continue
        (lowers if found[0] == "lower" else uppers).append(found[1])
    a, b = Max(*ulo), Min(*uhi)
    if not a < b:
        return []
    cuts = {a, b}
    bounds = lowers + uppers
    for i, p in enumerate(bounds):
        for q in bounds[i + 1:]:
            diff = p - q
            if diff.free_symbols:
                for r in solve(diff, u):
                    if r.is_real and a < r < b:
                        cuts.add(r)
    cuts_sorted = sorted(cuts, key=lambda c: float(c) if c.is_finite else
                         (float("-inf") if c < 0 else float("inf")))
    pieces = []
    for s, t in itertools.pairwise(cuts_sorted):
        if s == -oo and t == oo:
            m = S.Zero
        elif s == -oo:
            m = t - 1
        elif t == oo:
            m = s + 1
        else:
            m = (s + t) * Rational(1, 2)
        lo = max(lowers, key=lambda e: e.subs(u, m))
        hi = min(uppers, key=lambda e: e.subs(u, m))
        if lo.subs(u, m) < hi.subs(u, m):
            pieces.append((s, t, lo, hi))
    return pieces


def linear_coefficients(expr: Any, names: list[str]) -> tuple[dict[str, Any], Any]:
    """``({name: coefficient}, constant)`` of an expression linear in the variables.

    >>> from sympy import Symbol
    >>> X, Y = Symbol("X"), Symbol("Y")
    >>> linear_coefficients(2*X - Y + 1, ["X", "Y"])
    ({'X': 2, 'Y': -1}, 1)
    """
    from sympy import Symbol, expand

    e = expand(expr)
    syms = {n: Symbol(n) for n in names}
    extra = {s.name for s in e.free_symbols} - set(names)
    if extra:
        raise InputError(f"{sorted(extra)[0]} is not among the variables", name="expression")
    coeffs = {}
    rest = e
    for n, s in syms.items():
        a = e.coeff(s, 1)
        if a.free_symbols or e.coeff(s, 2) != 0:
            raise InputError(f"the expression is not linear in {n}: only a1 X1 + a2 X2 + ... + "
                             "b has a named distribution here", name="expression")
        coeffs[n] = a
        rest -= a * s
    rest = expand(rest)
    if rest.free_symbols:
        raise InputError("the expression is not linear in the variables", name="expression")
    return coeffs, rest


def normal_combination(chain: Any, node: Any, event: Any, dists: dict, names: list[str]) -> bool:
    """For independent normals and one inequality linear in them, P(a1 X1 + ... < c) is
    P(W < c) with W = a1 X1 + ... normal (mean and variance by linearity): rewrite and let
    the one-variable steps finish. False (nothing done) otherwise."""
    from sympy import Add, Symbol, Tuple, expand, sqrt
    from sympy.core.symbol import Str

    from .densities import event_steps
    from .distributions import Distribution
    from .notation import Prob

    if type(event).__name__ not in _REL or not all(dists[n].family == "normal" and
                                                    dists[n].is_numeric for n in names):
        return False
    try:
        coeffs, const = linear_coefficients(expand(event.lhs - event.rhs), names)
    except InputError:
        return False
    coeffs = {n: a for n, a in coeffs.items() if a != 0}
    if len(coeffs) < 2:
        return False
    comb = Add(*(a * Symbol(n) for n, a in coeffs.items()))
    mean = sum(a * dists[n].params[0] for n, a in coeffs.items())
    sd = sqrt(sum(a**2 * dists[n].params[1] ** 2 for n, a in coeffs.items()))
    W = Symbol("W")
    new = Prob(type(event)(W, -const))
    law = Distribution("normal", (mean, sd))
    chain.replace(node, new, S.NORMAL_COMBINATION,
                  {"combination": comb, "symbol": W, "distribution": Str(str(law)),
                   "variables": Tuple(*(Symbol(n) for n in coeffs)),
                   "distributions": Tuple(*(Str(str(dists[n])) for n in coeffs))})
    event_steps(chain, new, law)
    return True


def region_steps(chain: Any, node: Any, event: Any, dists: dict, names: list[str]) -> None:
    """Rewrite ``P(event)`` in ``chain`` by the double integral of the joint density (or, for
    normals and one linear inequality, by the distribution of the combination)."""
    from sympy import Add, Integral, Symbol, Tuple, integrate, simplify
    from sympy.core.symbol import Str

    if all(not dists[n].discrete for n in names) and normal_combination(chain, node, event,
                                                                        dists, names):
        return
    if len(names) != 2 or any(dists[n].discrete for n in names):
        raise InputError("events about several variables need finite ones (dice, coins, "
                         "binomials) to count, or two continuous ones to integrate",
                         name="event")
    if not all(dists[n].is_numeric for n in names):
        raise InputError("give numeric parameters for an event about two variables",
                         name="variables")
    un, vn = names
    U, V = Symbol(un), Symbol(vn)
    u, v = dummy_of(un), dummy_of(vn)
    ev = event.xreplace({U: u, V: v})
    fu, fv = (dists[un].fam.density(u, dists[un].params),
              dists[vn].fam.density(v, dists[vn].params))
    try:
        pieces = region_pieces(ev, u, v, dists[un].support(), dists[vn].support())
    except InputError:
        pieces = None
    if pieces is None:  # not linear in the second variable: try the first one inside
        pieces = region_pieces(ev, v, u, dists[vn].support(), dists[un].support())
        u, v, fu, fv, un, vn = v, u, fv, fu, vn, un
    doubles = [Integral(Integral(fu * fv, (v, lo, hi)), (u, s, t)) for s, t, lo, hi in pieces]
    region = Add(*doubles)
    given = {"variables": Tuple(Symbol(un), Symbol(vn)), "dummies": Tuple(u, v),
             "distributions": Tuple(Str(str(dists[un])), Str(str(dists[vn]))),
             "event": ev, "joint": fu * fv, "independent": True}
    chain.replace(node, region, S.REGION_INTEGRAL, given)
    if not doubles:
        return
    singles = {}
    for d in doubles:
        (_, lo, hi), outer = d.limits
        singles[d] = Integral(fu * simplify(integrate(fv, (v, lo, hi))), outer)
    _step(chain, singles, S.INNER_INTEGRAL, {"variable": v, "outer": u})
    values = {s: simplify(integrate(s.function, s.limits[0])) for s in singles.values()}
    if any(x.has(Integral) for x in values.values()):
        raise InputError("SymPy cannot do this integral exactly (try a different form of "
                         "the event)", name="event")
    _step(chain, values, S.SUM_INTEGRAL_VALUE, {})


def _step(chain: Any, mapping: dict, rule: Any, given: dict) -> None:
    from symbolic_mlmath.core.steps import Step

    after = chain.cur.xreplace(mapping)
    chain.steps.append(Step(rule, chain.cur, after, given))
    chain.cur = after

"""Independent checks of the sample-space and event rules (issue 14).

Counting is re-done by ``sympy.stats`` on the same finite variables (its own enumeration),
and each law is checked for its shape: the addition rule gives P(A) + P(B) - P(A and B),
the product rule multiplies the parts of an ``and`` (independent parts share no
variable), the conditional rule divides P(A and B) by P(B).

Examples
========
>>> from sympy import And, Symbol
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.stats.notation import Prob
>>> A, B = Symbol("A"), Symbol("B")
>>> good = Step(S.CONDITIONAL_RULE, Prob(A, B), Prob(And(A, B)) / Prob(B))
>>> EVENT_VERIFIERS[S.CONDITIONAL_RULE].check(good) is None
True
>>> bad = Step(S.CONDITIONAL_RULE, Prob(A, B), Prob(And(A, B)) / Prob(A))
>>> EVENT_VERIFIERS[S.CONDITIONAL_RULE].check(bad)
'P(A | B) = P(A and B)/P(B)'
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import Verifier, VerifierTable
from symbolic_mlmath.stats.rules import StatsRule as S
from symbolic_mlmath.stats.verifiers_prob import close, pair

__all__ = ["EVENT_VERIFIERS"]

EVENT_VERIFIERS = VerifierTable()
_SYMPY_LIMIT = 5000
_CARD_LIMIT = 200_000  # every card space the engine counts (three cards: 132600)


def _space_size(step: Step) -> str | None:
    from .distributions import parse_distribution

    if "deck" in step.given:
        return _deck_size(step)
    size = 1
    for text in step.given["distributions"]:
        D = parse_distribution(str(text))
        lo, hi = D.support()
        size *= len(D.table) if D.family == "finite" else int(hi - lo) + 1
    if size != step.after or size != step.given["size"]:
        return f"the sample space has {size} outcomes, not {step.after}"
    return None


EVENT_VERIFIERS[S.SAMPLE_SPACE] = Verifier(check=_space_size, reads=True)


@EVENT_VERIFIERS.check(S.COUNT_OUTCOMES)
def _count(step: Step) -> str | None:
    """sympy.stats' own P(event) over the same variables."""
    from sympy import simplify
    from sympy.stats import P

    from .distributions import parse_distribution

    g = step.given
    if "deck" in g:
        return _recount_cards(step)
    if int(g["size"]) > _SYMPY_LIMIT:
        return None
    _, value = pair(step)
    rvs = {}
    for sym, text in zip(g["variables"], g["distributions"], strict=True):
        rvs[sym] = parse_distribution(str(text)).sympy_rv(sym.name)
    event = g["event"].xreplace(rvs)
    want = P(event)
    if simplify(want - value) != 0:
        return f"sympy.stats gives P = {want}, not {value}"
    return None


def _deck_size(step: Step) -> str | None:
    """52^k ordered outcomes with replacement, the falling factorial 52^(k) without."""
    from sympy import ff

    k = int(step.given["draws"])
    size = 52**k if step.given["replacement"] else ff(52, k)
    if size != step.after or size != step.given["size"]:
        return f"{k} cards have {size} ordered outcomes, not {step.after}"
    return None


_RANK_WORDS = ["ace", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "jack", "queen", "king"]


def _card_truth(word: str, code: int) -> bool:
    """A card coded 0..51 (suit = code // 13: hearts, diamonds, clubs, spades)."""
    rank, suit = code % 13 + 1, code // 13
    if word in _RANK_WORDS:
        return rank == _RANK_WORDS.index(word) + 1
    return {"heart": suit == 0, "diamond": suit == 1, "club": suit == 2, "spade": suit == 3,
            "red": suit < 2, "black": suit >= 2, "face": rank > 10}[word]


def _recount_cards(step: Step) -> str | None:
    """Recount on integer-coded cards with SymPy's own lambdify of the event."""
    import itertools
    import re

    from sympy import And, Rational, lambdify

    g = step.given
    k, repl = int(g["draws"]), bool(g["replacement"])
    if (52**k if repl else 52 * 51 ** (k - 1)) > _CARD_LIMIT:
        return None
    cond = g.get("condition")
    syms = sorted((g["event"].free_symbols | (cond.free_symbols if cond is not None else set())),
                  key=str)
    parsed = [re.match(r"^([a-z]+?)(\d*)$", s.name) for s in syms]
    test = lambdify(syms, g["event"] if cond is None else And(g["event"], cond))
    ctest = lambdify(syms, cond) if cond is not None else None
    hits = total = 0
    codes = itertools.product(range(52), repeat=k) if repl else itertools.permutations(range(52), k)
    for o in codes:
        vals = [_card_truth(m.group(1), o[int(m.group(2) or 1) - 1]) for m in parsed]
        if ctest is not None and not ctest(*vals):
            continue
        total += 1
        hits += bool(test(*vals))
    _, value = pair(step)
    want = Rational(hits, total) if total else None
    if want != value or hits != g["favourable"] or total != g["size"]:
        return f"recounting gives {hits} of {total} outcomes, not {value}"
    return None


def _grid(support: tuple) -> list:
    """Points spread over a support, off any simple boundary (offsets by 1/97)."""
    from sympy import Rational

    lo, hi = support
    off = Rational(1, 97)
    if lo.is_finite and hi.is_finite:
        pts = [lo + (hi - lo) * (Rational(k, 9) + off) for k in range(9)]
    elif lo.is_finite:
        pts = [lo + Rational(k, 3) + off for k in range(12)]
    elif hi.is_finite:
        pts = [hi - Rational(k, 3) - off for k in range(12)]
    else:
        pts = [Rational(k, 3) + off for k in range(-9, 10)]
    return [float(p) for p in pts]


@EVENT_VERIFIERS.check(S.REGION_INTEGRAL)
def _region(step: Step) -> str | None:
    """The integrand is sympy.stats' joint density; the pieces cover exactly the event
    (checked on a grid of points)."""
    from sympy import Add, Integral, lambdify
    from sympy.stats import density

    from .distributions import parse_distribution

    g = step.given
    _, after = pair(step)
    u, v = g["dummies"]
    du, dv = (parse_distribution(str(t)) for t in g["distributions"])
    fu = lambdify(u, density(du.sympy_rv("U"))(u), modules="mpmath")
    fv = lambdify(v, density(dv.sympy_rv("V"))(v), modules="mpmath")
    pieces = []
    for term in Add.make_args(after):
        if term == 0:
            continue
        if not isinstance(term, Integral) or len(term.limits) != 2 or \
                term.limits[0][0] != v or term.limits[1][0] != u:
            return f"expected double integrals over {v} then {u}, got {term}"
        (_, lo, hi), (_, s, t) = term.limits
        pieces.append((s, t, lambdify(u, lo, modules="mpmath"),
                       lambdify(u, hi, modules="mpmath"),
                       lambdify((u, v), term.function, modules="mpmath")))
    event = lambdify((u, v), g["event"], modules="mpmath")
    for pu in _grid(du.support()):
        for pv in _grid(dv.support()):
            inside = [p for p in pieces if p[0] < pu < p[1] and
                      p[2](pu) < pv < p[3](pu)]
            if bool(event(pu, pv)) != bool(inside):
                return f"the region is wrong at ({u}, {v}) = ({pu}, {pv})"
            for p in inside:
                if not close(p[4](pu, pv), fu(pu) * fv(pv), 15):
                    return f"the integrand is not the joint density at ({pu}, {pv})"
    return None


@EVENT_VERIFIERS.check(S.NORMAL_COMBINATION)
def _normal_combination(step: Step) -> str | None:
    """sympy.stats' mean and variance of the combination are W's; the event is the same."""
    from sympy import expand, simplify, sqrt
    from sympy.stats import E, variance

    from .distributions import parse_distribution

    g = step.given
    before, after = pair(step)
    rvs = {v: parse_distribution(str(t)).sympy_rv(v.name)
           for v, t in zip(g["variables"], g["distributions"], strict=True)}
    comb = g["combination"].xreplace(rvs)
    law = parse_distribution(str(g["distribution"]))
    if law.family != "normal" or simplify(E(comb) - law.params[0]) != 0 or \
            simplify(sqrt(variance(comb)) - law.params[1]) != 0:
        return f"{g['combination']} has mean {E(comb)} and variance {variance(comb)}"
    old, new = before.args[0], after.args[0]
    if type(old) is not type(new) or new.lhs != g["symbol"] or \
            expand(old.lhs - old.rhs) != expand(g["combination"] - new.rhs):
        return f"{old} is not {g['combination']} compared with {new.rhs}"
    return None


@EVENT_VERIFIERS.check(S.INNER_INTEGRAL)
def _inner(step: Step) -> str | None:
    """At points of each outer range, mpmath quadrature of the inner integral agrees with
    the closed form."""
    import mpmath
    from sympy import Integral, Rational, lambdify

    def _limit(b: Any) -> Any:
        return mpmath.mpf(str(b.evalf(40))) if b.is_finite else (mpmath.inf if b > 0
                                                                 else -mpmath.inf)

    u, v = step.given["outer"], step.given["variable"]
    doubles = [i for i in step.before.atoms(Integral) if len(i.limits) == 2]
    singles = {i.limits[0]: i for i in step.after.atoms(Integral) if len(i.limits) == 1}
    for d in doubles:
        (_, lo, hi), outer = d.limits
        if outer not in singles:
            return f"no integral over {outer} in the result"
        _, s, t = outer
        f = lambdify((u, v), d.function, modules="mpmath")
        h = lambdify(u, singles[outer].function, modules="mpmath")
        a = s if s.is_finite else (t - 5 if t.is_finite else -5)
        b = t if t.is_finite else a + 5
        for k in (1, 2, 3):
            pu = a + (b - a) * Rational(k, 4)
            with mpmath.workdps(30):
                want = mpmath.quad(lambda y, pu=pu, f=f: f(pu, y),
                                   [_limit(lo.subs(u, pu)), _limit(hi.subs(u, pu))])
                if not close(want, h(pu), 15):
                    return f"the inner integral at {u} = {pu} is {want}"
    return None


@EVENT_VERIFIERS.check(S.ADDITION_RULE)
def _addition(step: Step) -> str | None:
    from sympy import And, Or

    from .notation import Prob

    before, after = pair(step)
    ev = before.args[0]
    if not isinstance(ev, Or) or len(ev.args) != 2:
        return "the addition rule applies to A or B"
    a, b = ev.args
    want = Prob(a) + Prob(b) - Prob(And(a, b))
    return None if after == want else f"P(A or B) = {want}"


@EVENT_VERIFIERS.check(S.PRODUCT_RULE)
def _product(step: Step) -> str | None:
    from sympy import And

    from .notation import Prob

    before, after = pair(step)
    ev = before.args[0]
    factors = after.as_ordered_factors()
    if len(factors) != 2 or not all(isinstance(f, Prob) for f in factors):
        return "the product rule gives a product of two probabilities"
    p, q = factors
    if step.given.get("independent"):
        if And(p.args[0], q.args[0]) != ev or len(p.args) + len(q.args) != 2:
            return "the factors must be the parts of the event"
        if p.args[0].free_symbols & q.args[0].free_symbols:
            return "independent parts must not share a variable"
        return None
    cond = p if len(p.args) == 2 else q
    other = q if cond is p else p
    if len(cond.args) != 2 or cond.args[1] != other.args[0] or \
            And(cond.args[0], cond.args[1]) != ev:
        return "P(A and B) = P(A | B) P(B)"
    return None


@EVENT_VERIFIERS.check(S.CONDITIONAL_RULE)
def _conditional(step: Step) -> str | None:
    from sympy import And

    from .notation import Prob

    before, after = pair(step)
    if len(before.args) != 2:
        return "the conditional rule applies to P(A | B)"
    a, b = before.args
    want = Prob(And(a, b)) / Prob(b)
    return None if after == want else "P(A | B) = P(A and B)/P(B)"


@EVENT_VERIFIERS.check(S.TOTAL_PROBABILITY)
def _total(step: Step) -> str | None:
    from sympy import Not

    from .notation import Prob

    before, after = pair(step)
    if "hypotheses" in step.given:  # Bayes: P(E) = sum over the hypotheses
        from sympy import Add

        e = before.args[0]
        if "likelihoods" in step.given:  # naive Bayes: each likelihood already a number
            want = Add(*(v * Prob(h) for v, h in zip(step.given["likelihoods"],
                                                     step.given["hypotheses"], strict=True)))
            return None if after == want else f"P({e}) = {want}"
        want = Add(*(_likelihood_of(after, e, h) * Prob(h) for h in step.given["hypotheses"]))
        return None if after == want else f"P({e}) = {want}"
    e, h = before.args[0], step.given["hypothesis"]
    want = Prob(e, h) * Prob(h) + Prob(e, Not(h)) * Prob(Not(h))
    return None if after == want else f"P(E) = {want}"


def _likelihood_of(total: Any, e: Any, h: Any) -> Any:
    """P(e | h), or the product that replaced it (naive Bayes), as it appears in ``total``."""
    from .notation import Prob

    for term in total.args if total.is_Add else (total,):
        factors = term.as_ordered_factors()
        if Prob(h) in factors:
            rest = [f for f in factors if f != Prob(h)]
            from sympy import Mul

            return Mul(*rest)
    return Prob(e, h)


@EVENT_VERIFIERS.check(S.BAYES_RULE)
def _bayes(step: Step) -> str | None:
    from .notation import Prob

    e = step.given["evidence"]
    for post, rewritten in zip(step.before, step.after, strict=True):
        h = post.args[0]
        if post != Prob(h, e) or rewritten != Prob(e, h) * Prob(h) / Prob(e):
            return f"P({h} | {e}) = P({e} | {h}) P({h}) / P({e})"
    return None


@EVENT_VERIFIERS.check(S.LIKELIHOOD_PRODUCT)
def _naive(step: Step) -> str | None:
    from sympy import Mul

    from .notation import Prob

    _, after = pair(step)
    c = step.given["class"]
    want = Mul(*(Prob(w, c) for w in step.given["words"]))
    if "factors" in step.given:  # the product grouped into its value
        if step.given["product"] != want:
            return f"the naive likelihood is {want}"
        value = Mul(*step.given["factors"])
        return None if after == value else f"the product of the factors is {value}"
    return None if after == want else f"the naive likelihood is {want}"


@EVENT_VERIFIERS.check(S.NORMALIZE_POSTERIOR)
def _normalize(step: Step) -> str | None:
    values = dict(step.given["values"])
    filled = step.before.xreplace(values)
    if filled != step.after:
        return f"with the values put in the posteriors are {filled}"
    if sum(step.after) != 1:
        return f"the posteriors add up to {sum(step.after)}, not 1"
    if sum(step.given["products"]) != step.given["evidence"]:
        return "the evidence is the sum of the products"
    return None


def _log_space(step: Step) -> str | None:
    import math

    scores = [float(s) for s in step.given["scores"]]
    shown = [float(v) for v in step.after]
    if any(abs(a - b) > 1e-9 * max(1.0, abs(a)) for a, b in zip(scores, shown, strict=True)):
        return "the log scores do not match"
    top = max(scores)
    lse = top + math.log(sum(math.exp(s - top) for s in scores))
    posts = [math.exp(s - lse) for s in scores]
    if abs(sum(posts) - 1) > 1e-12:
        return "the log-sum-exp does not normalise"
    return None


EVENT_VERIFIERS[S.LOG_SPACE] = Verifier(check=_log_space, reads=True)


@EVENT_VERIFIERS.check(S.KNOWN_PROBABILITY)
def _known(step: Step) -> str | None:
    _, after = pair(step)
    value = step.given["value"]
    if after != value:
        return f"the given probability is {value}, not {after}"
    if not 0 <= value <= 1:
        return f"{value} is not a probability"
    return None

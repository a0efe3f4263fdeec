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
from symbolic_mlmath.stats.verifiers_prob import pair

__all__ = ["EVENT_VERIFIERS"]

EVENT_VERIFIERS = VerifierTable()
_SYMPY_LIMIT = 5000


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
    if (52**k if repl else 52 * 51 ** (k - 1)) > 20 * _SYMPY_LIMIT:
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

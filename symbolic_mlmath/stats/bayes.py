"""Bayes' theorem and naive Bayes, exactly, with the normalisation shown.

``derive_bayes(prior, likelihood)``: for hypotheses H with P(H) and P(E | H), the
posterior P(H | E) = P(E | H) P(H) / P(E) with P(E) by total probability. ``derive_naive_bayes``
does the spam example: each class's likelihood of the words is the product of the words'
likelihoods (the naive independence assumption); with many words the scores are also
shown in log space (sums of logs, then the log-sum-exp), where floating point does not
underflow. The posteriors themselves stay exact rationals.

Examples
========
>>> d = derive_bayes({"sick": "0.01", "healthy": "0.99"}, {"sick": "0.9", "healthy": "0.05"})
>>> d.result
{'sick': 2/13, 'healthy': 11/13}
>>> d = derive_naive_bayes({"spam": "0.4", "ham": "0.6"},
...                        {"free": {"spam": "0.3", "ham": "0.05"},
...                         "meeting": {"spam": "0.01", "ham": "0.2"}}, ["free", "meeting"])
>>> d.result
{'spam': 1/6, 'ham': 5/6}
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import Derivation
from symbolic_mlmath.stats.densities import Chain
from symbolic_mlmath.stats.rules import StatsRule as S

__all__ = ["LOG_SPACE_WORDS", "derive_bayes", "derive_naive_bayes"]

#: With at least this many words the scores are also shown in log space.
LOG_SPACE_WORDS = 5


def _probs(raw: Any, name: str) -> dict[str, Any]:
    from .data import read_mapping, read_probability

    table = read_mapping(raw, name=name)
    return {str(k): read_probability(v, name=f"{name}[{k}]") for k, v in table.items()}


def _symbol(name: str) -> Any:
    from sympy import Symbol

    return Symbol(name.replace(" ", "_"))


def _check_prior(prior: dict[str, Any]) -> None:
    total = sum(prior.values())
    if total != 1:
        raise InputError(f"the prior probabilities add up to {total}, not 1", name="prior")


def _finish(chain: Chain, goal: Any, hyps: list[str], products: list[Any], evidence_node: Any,
            values: dict) -> dict[str, Any]:
    from sympy import Tuple

    total = sum(products)
    if total == 0:
        raise InputError("the evidence has probability 0 under every hypothesis", name="likelihood")
    posts = [p / total for p in products]
    chain.replace(chain.cur, Tuple(*posts), S.NORMALIZE_POSTERIOR,
                  {"products": Tuple(*products), "evidence": total,
                   "values": Tuple(*(Tuple(k, v) for k, v in values.items())),
                   "hypotheses": Tuple(*(_symbol(h) for h in hyps))})
    return dict(zip(hyps, posts, strict=True))


def derive_bayes(prior: Any, likelihood: Any, evidence: Any = None) -> Derivation:
    """Posterior probabilities of hypotheses after evidence E (Bayes' theorem)."""
    from sympy import Add, Tuple

    from .notation import Prob

    pri = _probs(prior, "prior")
    lik = _probs(likelihood, "likelihood")
    _check_prior(pri)
    if set(pri) != set(lik):
        raise InputError(f"prior and likelihood must name the same hypotheses ({', '.join(pri)})",
                         name="likelihood")
    hyps = list(pri)
    E = _symbol(str(evidence) if evidence else "E")
    Hs = [_symbol(h) for h in hyps]
    goal = Tuple(*(Prob(H, E) for H in Hs))
    chain = Chain(goal)
    bayes = Tuple(*(Prob(E, H) * Prob(H) / Prob(E) for H in Hs))
    chain.replace(goal, bayes, S.BAYES_RULE, {"evidence": E})
    total = Add(*(Prob(E, H) * Prob(H) for H in Hs))
    chain.replace(Prob(E), total, S.TOTAL_PROBABILITY, {"hypotheses": Tuple(*Hs), "evidence": E})
    values = {}
    for h, H in zip(hyps, Hs, strict=True):
        values[Prob(E, H)] = lik[h]
        values[Prob(H)] = pri[h]
    products = [lik[h] * pri[h] for h in hyps]
    result = _finish(chain, goal, hyps, products, Prob(E), values)
    return Derivation("Bayes' theorem", goal=goal, steps=tuple(chain.steps), result=result,
                      task="bayes", inputs={"prior": pri, "likelihood": lik})


def derive_naive_bayes(prior: Any, likelihoods: Any, words: Any) -> Derivation:
    """Posterior of each class given words, assuming the words independent given the class."""
    from sympy import Add, Mul, N, Tuple, log

    from symbolic_mlmath.core.steps import Step

    from .data import read_mapping, read_probability
    from .notation import Prob

    pri = _probs(prior, "prior")
    _check_prior(pri)
    table = read_mapping(likelihoods, name="likelihoods")
    ws = _words(words)
    classes = list(pri)
    lik: dict[str, dict[str, Any]] = {}
    for w in ws:
        if w not in table:
            raise InputError(f"the word {w!r} has no likelihoods; known words: "
                             f"{', '.join(map(str, table))}", name="words")
        row = read_mapping(table[w], name=f"likelihoods[{w}]")
        missing = [c for c in classes if c not in row]
        if missing:
            raise InputError(f"P({w} | {missing[0]}) is missing", name="likelihoods")
        lik[w] = {c: read_probability(row[c], name=f"likelihoods[{w}][{c}]") for c in classes}
    Cs = [_symbol(c) for c in classes]
    Ws = [_symbol(w) for w in ws]
    from sympy import And

    words_event = And(*Ws) if len(Ws) > 1 else Ws[0]
    goal = Tuple(*(Prob(C, words_event) for C in Cs))
    chain = Chain(goal)
    chain.replace(goal, Tuple(*(Prob(words_event, C) * Prob(C) / Prob(words_event) for C in Cs)),
                  S.BAYES_RULE, {"evidence": words_event})
    liks = {}
    for c, C in zip(classes, Cs, strict=True):  # each class's product, grouped into its value
        factors = Tuple(*(lik[w][c] for w in ws))
        liks[C] = Mul(*factors)
        chain.replace(Prob(words_event, C), liks[C], S.LIKELIHOOD_PRODUCT,
                      {"class": C, "words": Tuple(*Ws), "factors": factors,
                       "product": Mul(*(Prob(W, C) for W in Ws))})
    total = Add(*(liks[C] * Prob(C) for C in Cs))
    chain.replace(Prob(words_event), total, S.TOTAL_PROBABILITY,
                  {"hypotheses": Tuple(*Cs), "evidence": words_event,
                   "likelihoods": Tuple(*(liks[C] for C in Cs))})
    values = {}
    products = []
    for c, C in zip(classes, Cs, strict=True):
        values[Prob(C)] = pri[c]
        p = pri[c]
        for w, W in zip(ws, Ws, strict=True):
            values[Prob(W, C)] = lik[w][c]
            p *= lik[w][c]
        products.append(p)
    if len(ws) >= LOG_SPACE_WORDS:
        scores = [log(pri[c]) + Add(*(log(lik[w][c]) for w in ws)) for c in classes]
        decimals = Tuple(*(N(s, 15) for s in scores))
        chain.steps.append(Step(S.LOG_SPACE, chain.cur, decimals,
                                {"classes": Tuple(*Cs), "scores": Tuple(*scores)}))
    result = _finish(chain, goal, classes, products, None, values)
    return Derivation("Naive Bayes", goal=goal, steps=tuple(chain.steps), result=result,
                      task="naive_bayes", inputs={"prior": pri, "words": ws})


def _words(words: Any) -> list[str]:
    import re

    if isinstance(words, str):
        items = [w for w in re.split(r"[,;\s]+", words.strip().strip("[]")) if w]
    elif isinstance(words, list | tuple):
        items = [str(w) for w in words]
    else:
        raise InputError("words must be a list such as [free, meeting]", name="words")
    items = [w.strip().strip("'\"") for w in items]
    if not items:
        raise InputError("no words given", name="words")
    bad = [w for w in items if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", w)]
    if bad:
        raise InputError(f"{bad[0]!r} is not a word (letters, digits and _)", name="words")
    return items

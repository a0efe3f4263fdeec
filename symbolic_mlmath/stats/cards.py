"""Playing cards as a sample space: one or more draws from a 52-card deck, exactly.

Events are named by words: a rank (``ace``, ``two`` ... ``ten``, ``jack``, ``queen``,
``king``), a suit (``heart``, ``diamond``, ``club``, ``spade``), a colour (``red``,
``black``) or ``face`` (jack, queen, king); plurals are accepted. With several draws the
draw is numbered (``ace1``, ``heart2``) and ``both aces``, ``all hearts``, ``at least one
ace``, ``exactly one ace`` and ``no aces`` are read as the events they abbreviate. The
laws are named as for dice (complement, addition, conditional); an ``and`` across draws
is the product rule: independent draws multiply (with replacement), otherwise
P(A and B) = P(B | A) P(A) with P(B | A) counted on the outcomes where A holds. Every
remaining part is counted on the ordered outcomes (52 x 51 for two cards without
replacement), all equally likely.

Examples
========
>>> d = derive_card_probability("heart or king")
>>> d.result, [s.rule.value for s in d.steps][:2]
(4/13, ['sample_space', 'probability_addition_rule'])
>>> derive_card_probability("both aces", draws=2).result
1/221
>>> derive_card_probability("both aces", draws=2, replacement=True).result
1/169
>>> derive_card_probability("ace2 given ace1", draws=2).result
1/17
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from symbolic_mlmath.core.errors import InputError, LimitError
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.densities import Chain
from symbolic_mlmath.stats.probability import EventSolver
from symbolic_mlmath.stats.rules import StatsRule as S

__all__ = ["CARD_WORDS", "DECK", "MAX_CARD_OUTCOMES", "card_test", "count_cards",
           "derive_card_probability", "is_card_space"]

#: The largest number of ordered outcomes enumerated (three cards: 132600).
MAX_CARD_OUTCOMES = 200_000
_RANKS = ("ace", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "jack", "queen", "king")
_SUITS = ("heart", "diamond", "club", "spade")
_SHORT = ["A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K"]
_PIPS = {"heart": "H", "diamond": "D", "club": "C", "spade": "S"}
#: The deck: (rank 1..13, suit) for every card.
DECK = tuple((r, s) for s in _SUITS for r in range(1, 14))

#: Event word -> the cards (rank, suit) it holds for.
CARD_WORDS: dict[str, Callable[[tuple[int, str]], bool]] = {
    **{name: (lambda c, r=r: c[0] == r) for r, name in enumerate(_RANKS, 1)},
    **{s: (lambda c, s=s: c[1] == s) for s in _SUITS},
    "red": lambda c: c[1] in ("heart", "diamond"),
    "black": lambda c: c[1] in ("club", "spade"),
    "face": lambda c: c[0] >= 11,
}
_ALIAS = {"picture": "face", "deuce": "two", "sixes": "six"}
_NAME = re.compile(r"^([a-z]+?)_?(\d*)$")
_SPACE_WORDS = ("cards", "card", "deck", "52 cards", "playing cards", "deck of cards")


def is_card_space(variables: Any) -> bool:
    """True when ``variables`` names the deck (``"cards"``, ``"deck"``, ``"52 cards"``)."""
    return isinstance(variables, str) and variables.strip().lower() in _SPACE_WORDS


def _word(text: str) -> str | None:
    t = _ALIAS.get(text, text)
    if t in CARD_WORDS:
        return t
    if t.endswith("s") and t[:-1] in CARD_WORDS:
        return t[:-1]
    return None


def _quantifiers(text: str, draws: int) -> str:
    """``both aces`` -> ``(ace1 and ace2)``; also all, at least one, exactly one, no."""
    def names(w: str) -> list[str]:
        base = _word(w.lower())
        if base is None:
            raise InputError(f"unknown card word {w!r}; use a rank, suit, colour or face",
                             name="event")
        return [f"{base}{i}" for i in range(1, draws + 1)]

    def both(m: re.Match) -> str:
        return "(" + " and ".join(names(m.group(2))) + ")"

    def least(m: re.Match) -> str:
        return "(" + " or ".join(names(m.group(1))) + ")"

    def none(m: re.Match) -> str:
        return "(" + " and ".join(f"not {n}" for n in names(m.group(2))) + ")"

    def exactly(m: re.Match) -> str:
        ns = names(m.group(1))
        return "(" + " or ".join(
            "(" + " and ".join(n if j == i else f"not {n}" for j, n in enumerate(ns)) + ")"
            for i in range(len(ns))) + ")"

    flags = re.IGNORECASE
    text = re.sub(r"\b(both|all)\s+([a-z]+)\b", both, text, flags=flags)
    text = re.sub(r"\bat\s+least\s+one\s+([a-z]+)\b", least, text, flags=flags)
    text = re.sub(r"\bexactly\s+one\s+([a-z]+)\b", exactly, text, flags=flags)
    return re.sub(r"\b(no|none of the)\s+([a-z]+)\b", none, text, flags=flags)


def _canonical(event: Any, draws: int) -> Any:
    """Event symbols renamed to ``word`` (one draw) or ``word<draw>``; unknown words refused."""
    from sympy import Symbol

    if getattr(event, "is_Relational", False) or (event.free_symbols and any(
            getattr(a, "is_Relational", False) for a in event.atoms())):
        raise InputError("card events are words (heart, king, ace1), not relations",
                         name="event")
    out = {}
    for s in event.free_symbols:
        m = _NAME.match(s.name.lower())
        base = _word(m.group(1)) if m else None
        if base is None:
            raise InputError(f"unknown card event {s.name!r}; use a rank (ace, king, seven), "
                             "a suit (heart), a colour (red) or face", name="event")
        draw = int(m.group(2)) if m.group(2) else None
        if draw is None and draws > 1:
            raise InputError(f"with {draws} draws, number the draw: {base}1, or say both "
                             f"{base}s / at least one {base}", name="event")
        if draw is not None and not 1 <= draw <= draws:
            raise InputError(f"{s.name}: there are {draws} draws", name="event")
        out[s] = Symbol(base if draws == 1 else f"{base}{draw}")
    return event.xreplace(out)


def _draw_of(sym: Any) -> int:
    m = _NAME.match(sym.name)
    return int(m.group(2)) if m and m.group(2) else 1


def card_test(event: Any) -> Callable[[tuple], bool]:
    """A Python predicate on a tuple of drawn cards for a canonical card event."""
    from sympy import And, Not, Or, Symbol
    from sympy.logic.boolalg import BooleanFalse, BooleanTrue

    if isinstance(event, Symbol):
        m = _NAME.match(event.name)
        word, k = CARD_WORDS[m.group(1)], _draw_of(event) - 1
        return lambda cards: word(cards[k])
    parts = [card_test(a) for a in event.args]
    if isinstance(event, And):
        return lambda cards: all(p(cards) for p in parts)
    if isinstance(event, Or):
        return lambda cards: any(p(cards) for p in parts)
    if isinstance(event, Not):
        return lambda cards: not parts[0](cards)
    if isinstance(event, BooleanTrue | BooleanFalse):
        return lambda cards: bool(event)
    raise InputError(f"cannot read the card event {event}", name="event")


def _outcomes(draws: int, replacement: bool) -> Any:
    return (itertools.product(DECK, repeat=draws) if replacement
            else itertools.permutations(DECK, draws))


def space_size(draws: int, replacement: bool) -> int:
    """52^k ordered outcomes with replacement, 52 x 51 x ... without."""
    size = 1
    for i in range(draws):
        size *= 52 if replacement else 52 - i
    return size


def count_cards(event: Any, draws: int, replacement: bool,
                condition: Any = None) -> tuple[int, int, list]:
    """``(favourable, size, examples)``: outcomes with the event among those with the
    condition (all outcomes without one)."""
    test = card_test(event)
    cond = card_test(condition) if condition is not None else None
    hits, size, examples = 0, 0, []
    for o in _outcomes(draws, replacement):
        if cond is not None and not cond(o):
            continue
        size += 1
        if test(o):
            hits += 1
            if len(examples) < 4:
                examples.append(o)
    return hits, size, examples


def _show(card: tuple[int, str]) -> str:
    return _SHORT[card[0] - 1] + _PIPS[card[1]]


class _CardSolver(EventSolver):
    def __init__(self, draws: int, replacement: bool) -> None:
        super().__init__(None, {}, False)
        self.draws, self.replacement = draws, replacement

    def rewrite(self, chain: Chain, node: Any) -> None:
        from sympy import And

        from .notation import Prob

        event = node.args[0]
        if len(node.args) == 2:  # P(A | B) = P(A and B) / P(B), each counted
            joint, marginal = Prob(And(event, node.args[1])), Prob(node.args[1])
            chain.replace(node, joint / marginal, S.CONDITIONAL_RULE)
            self._count(chain, joint)
            self.rewrite(chain, marginal)
            return
        if isinstance(event, And):
            groups: dict[int, list] = {}
            for part in event.args:
                draws = {_draw_of(s) for s in part.free_symbols}
                groups.setdefault(min(draws) if len(draws) == 1 else 0, []).append(part)
            first = min(groups)
            a = And(*groups[first])
            b = And(*(p for k, ps in groups.items() if k != first for p in ps))
            if 0 not in groups and len(groups) > 1 and self._possible(a):
                if self.replacement:
                    chain.replace(node, Prob(a) * Prob(b), S.PRODUCT_RULE, {"independent": True})
                    self.rewrite(chain, Prob(a))
                    self.rewrite(chain, Prob(b))
                else:
                    chain.replace(node, Prob(b, a) * Prob(a), S.PRODUCT_RULE,
                                  {"independent": False})
                    self._count(chain, Prob(b, a))
                    self.rewrite(chain, Prob(a))
                return
            self._count(chain, node)
            return
        super().rewrite(chain, node)

    def _possible(self, event: Any) -> bool:
        return count_cards(event, self.draws, self.replacement)[0] > 0

    def _total(self, chain: Chain, node: Any, event: Any) -> None:
        self._count(chain, node)

    def _count(self, chain: Chain, node: Any) -> None:
        from sympy import Integer, Rational, Tuple
        from sympy.core.symbol import Str

        event = node.args[0]
        cond = node.args[1] if len(node.args) == 2 else None
        hits, size, examples = count_cards(event, self.draws, self.replacement, cond)
        if size == 0:
            raise InputError(f"the condition {cond} never happens", name="given")
        given = {"favourable": Integer(hits), "size": Integer(size), "equally_likely": True,
                 "deck": Str("52 cards"), "draws": Integer(self.draws),
                 "replacement": self.replacement, "event": event,
                 "examples": Tuple(*(Tuple(*(Str(_show(c)) for c in o)) for o in examples))}
        if cond is not None:
            given["condition"] = cond
        chain.replace(node, Rational(hits, size), S.COUNT_OUTCOMES, given)


def derive_card_probability(event: Any, draws: Any = 1, replacement: Any = False,
                            given: Any = None) -> Derivation:
    """P(event [| given]) for ``draws`` cards from a 52-card deck (see the module)."""
    from sympy import Integer, Rational
    from sympy.core.symbol import Str

    from symbolic_mlmath.text.events import parse_event

    from .notation import Prob

    k = 1 if draws is None else int(draws)
    if not 1 <= k <= 52:
        raise InputError("draws must be between 1 and 52", name="draws")
    replacement = bool(replacement)
    size = space_size(k, replacement)
    if size > MAX_CARD_OUTCOMES:
        raise LimitError(f"{k} cards have {size} ordered outcomes (limit {MAX_CARD_OUTCOMES})",
                         name="draws")
    ev, cond = (parse_event(_quantifiers(event, k), name="event") if isinstance(event, str)
                else (event, None))
    if given is not None:
        if cond is not None:
            raise InputError("the condition is given twice (in the event and in given)",
                             name="given")
        cond = (parse_event(_quantifiers(given, k), name="given")[0] if isinstance(given, str)
                else given)
    ev = _canonical(ev, k)
    cond = _canonical(cond, k) if cond is not None else None
    goal = Prob(ev) if cond is None else Prob(ev, cond)
    chain = Chain(goal)
    chain.steps.append(Step(S.SAMPLE_SPACE, goal, Integer(size),
                            {"size": Integer(size), "deck": Str("52 cards"),
                             "draws": Integer(k), "replacement": replacement,
                             "each": Rational(1, size)}))
    _CardSolver(k, replacement).rewrite(chain, goal)
    return Derivation("Probability of an event", goal=goal, steps=tuple(chain.steps),
                      result=chain.cur, task="probability",
                      inputs={"variables": "cards", "event": ev, "given": cond,
                              "draws": k, "replacement": replacement,
                              "probabilities": None, "independent": False})

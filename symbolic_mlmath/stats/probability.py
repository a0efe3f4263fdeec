"""Probabilities of events, exactly, with the rules named.

With ``variables`` (name -> distribution: dice ``die(6)``, coins ``coin``, named
distributions), an event such as ``X1 + X2 = 7`` is split by the laws where they apply
(complement for ``not``, the addition rule for ``or``, the product rule for ``and`` of
events about different independent variables, the conditional rule for ``given``) and
each remaining part is counted on the sample space (finite variables), computed from
the CDF (one named distribution) or integrated over the region of the event (two
independent continuous variables, :mod:`.regions`; cards: :mod:`.cards`). With
``probabilities`` of named events
(``{"A": 0.3, "B": 0.5, "A and B": 0.1}``) the same laws combine them; ``independent``
lets the product rule multiply.

Examples
========
>>> from sympy import Rational
>>> d = derive_probability({"X1": "die(6)", "X2": "die(6)"}, "X1 + X2 = 7")
>>> [s.rule.value for s in d.steps], d.result
(['sample_space', 'count_outcomes'], 1/6)
>>> derive_probability({"X": "binomial(10, 0.3)"}, "X > 2").result
771521517/1250000000
>>> derive_probability(None, "A or B", probabilities={"A": "0.3", "B": "0.5", "A and B": "0.1"}).result
7/10
>>> derive_probability(None, "A and B", probabilities={"A": "1/2", "B": "1/3"},
...                    independent=True).result
1/6
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import Derivation
from symbolic_mlmath.stats.densities import Chain
from symbolic_mlmath.stats.rules import StatsRule as S

__all__ = ["MAX_OUTCOMES", "EventSolver", "derive_probability", "read_variables"]

#: The largest joint sample space enumerated.
MAX_OUTCOMES = 1_000_000
_EXAMPLES = 6


def read_variables(variables: Any) -> dict[str, Any]:
    """``{name: Distribution}`` from a dict (or ``"X1: die(6), X2: die(6)"`` text)."""
    from symbolic_mlmath.text import parse_symbols

    from .data import read_mapping
    from .distributions import parse_distribution

    raw = read_mapping(variables, name="variables")
    out = {}
    for key, value in raw.items():
        (sym,) = parse_symbols(str(key), name="variables")
        out[sym.name] = parse_distribution(value, name=f"variables[{key}]")
    return out


def _vars_of(event: Any) -> set[str]:
    return {s.name for s in event.free_symbols}


def _space(dists: dict[str, Any], names: list[str]) -> list[list[tuple[Any, Fraction]]]:
    out = []
    for n in names:
        D = dists[n]
        vals = [(v, Fraction(int(D.density(v).p), int(D.density(v).q))) for v in D.values()]
        out.append(vals)
    return out


class EventSolver:
    """The laws of probability applied to P(...) nodes of a chain (subclassed for cards)."""

    def __init__(self, dists: dict[str, Any] | None, known: dict[Any, Any],
                 independent: bool) -> None:
        self.dists = dists or {}
        self.known = known
        self.independent = independent

    # -------------------------------------------------------------- the laws
    def rewrite(self, chain: Chain, node: Any) -> None:
        """Rewrite the node P(event [| condition]) inside ``chain`` to its value."""
        from sympy import And, Not, Or

        from .notation import Prob

        event = node.args[0]
        if len(node.args) == 2:
            cond = node.args[1]
            joint, marginal = Prob(And(event, cond)), Prob(cond)
            if node in self.known:
                chain.replace(node, self.known[node], S.KNOWN_PROBABILITY, {"value": self.known[node]})
                return
            chain.replace(node, joint / marginal, S.CONDITIONAL_RULE)
            self.rewrite(chain, joint)
            self.rewrite(chain, marginal)
            return
        if node in self.known:
            chain.replace(node, self.known[node], S.KNOWN_PROBABILITY, {"value": self.known[node]})
            return
        if isinstance(event, Not) and not self.dists:
            inner = Prob(event.args[0])
            chain.replace(node, 1 - inner, S.COMPLEMENT_RULE, {"event": event})
            self.rewrite(chain, inner)
            return
        if isinstance(event, Or) and len(event.args) == 2 and (not self.dists or
                                                              self._separable(event)):
            a, b = event.args
            new = Prob(a) + Prob(b) - Prob(And(a, b))
            chain.replace(node, new, S.ADDITION_RULE)
            for part in (Prob(a), Prob(b), Prob(And(a, b))):
                self.rewrite(chain, part)
            return
        if isinstance(event, And) and len(event.args) >= 2:
            split = self._split(event)
            if split is not None:
                a, b = split
                chain.replace(node, Prob(a) * Prob(b), S.PRODUCT_RULE, {"independent": True})
                self.rewrite(chain, Prob(a))
                self.rewrite(chain, Prob(b))
                return
            if not self.dists:
                self._product_by_condition(chain, node, event)
                return
        if not self.dists:
            self._total(chain, node, event)
            return
        self._direct(chain, node, event)

    def _separable(self, event: Any) -> bool:
        """A or B about different variables: finite ones, or only continuous ones (whose
        parts are then intervals, integrals or products of them)."""
        a, b = event.args
        names = _vars_of(event)
        continuous = all(n in self.dists and not self.dists[n].discrete for n in names)
        return bool(self.dists) and not (_vars_of(a) & _vars_of(b)) and (
            self._finite(event) or continuous)

    def _finite(self, event: Any) -> bool:
        return all(self.dists[n].finite_support() for n in _vars_of(event))

    def _split(self, event: Any) -> tuple[Any, Any] | None:
        """Two groups of the parts of an ``and`` with no variable (or event) in common."""
        from sympy import And

        parts = list(event.args)
        if not self.dists and not self.independent:
            return None
        first = {parts[0]}
        names = _vars_of(parts[0])
        changed = True
        while changed:
            changed = False
            for p in parts:
                if p not in first and _vars_of(p) & names:
                    first.add(p)
                    names |= _vars_of(p)
                    changed = True
        rest = [p for p in parts if p not in first]
        if not rest:
            return None
        return And(*first), And(*rest)

    def _product_by_condition(self, chain: Chain, node: Any, event: Any) -> None:
        from .notation import Prob

        for a, b in itertools.permutations(event.args, 2):
            cond = Prob(a, b)
            if cond in self.known:
                chain.replace(node, cond * Prob(b), S.PRODUCT_RULE, {"independent": False})
                self.rewrite(chain, cond)
                self.rewrite(chain, Prob(b))
                return
        raise InputError(f"P({event}) cannot be found from what is given (give it, a "
                         "conditional probability, or independent: true)", name="probabilities")

    def _total(self, chain: Chain, node: Any, event: Any) -> None:
        from sympy import Not, Symbol

        from .notation import Prob

        for key in list(self.known):
            if len(key.args) == 2 and key.args[0] == event and isinstance(key.args[1], Symbol):
                h = key.args[1]
                other = Prob(event, Not(h))
                if other in self.known:
                    new = Prob(event, h) * Prob(h) + other * Prob(Not(h))
                    chain.replace(node, new, S.TOTAL_PROBABILITY, {"hypothesis": h})
                    for part in (Prob(event, h), Prob(h), other, Prob(Not(h))):
                        self.rewrite(chain, part)
                    return
        raise InputError(f"P({event}) is not given and cannot be found from the probabilities "
                         "given", name="probabilities")

    # -------------------------------------------------------------- counting
    def _direct(self, chain: Chain, node: Any, event: Any) -> None:
        names = sorted(_vars_of(event))
        unknown = [n for n in names if n not in self.dists]
        if unknown:
            raise InputError(f"the event uses {unknown[0]}, which is not among the variables",
                             name="event")
        if len(names) == 1 and not self.dists[names[0]].finite_support():
            self._one_variable(chain, node, event, names[0])
            return
        if not self._finite(event):
            from .regions import region_steps

            region_steps(chain, node, event, self.dists, names)
            return
        self._count(chain, node, event, names)

    def _one_variable(self, chain: Chain, node: Any, event: Any, name: str) -> None:
        from sympy import Symbol

        from .densities import event_steps
        from .notation import Prob

        X = Symbol(name)
        if X not in event.free_symbols:
            raise InputError("the event does not involve the variable", name="event")
        if not _simple(event, X):
            simpler, complement = interval_event(event, X)
            if complement:
                chain.replace(node, 1 - Prob(simpler), S.COMPLEMENT_RULE, {"event": event})
                node = Prob(simpler)
            else:
                chain.replace(node, Prob(simpler), S.EVENT_SIMPLIFY, {"event": event})
                node = Prob(simpler)
            event = simpler
        event_steps(chain, node if node.args[0] == event else Prob(event), self.dists[name])

    def _count(self, chain: Chain, node: Any, event: Any, names: list[str]) -> None:
        from sympy import Rational, Symbol, Tuple, lambdify
        from sympy.core.symbol import Str

        space = _space(self.dists, names)
        size = 1
        for s in space:
            size *= len(s)
        if size > MAX_OUTCOMES:
            from symbolic_mlmath.core.errors import LimitError

            raise LimitError(f"the sample space has {size} outcomes (limit {MAX_OUTCOMES})",
                             name="variables")
        equal = all(len({p for _, p in s}) == 1 for s in space)
        test = lambdify([Symbol(n) for n in names], event, modules=[{}])
        total, hits, examples = Fraction(0), 0, []
        for outcome in itertools.product(*space):
            vals = [Fraction(int(v.p), int(v.q)) for v, _ in outcome]
            if test(*vals):
                hits += 1
                p = Fraction(1)
                for _, q in outcome:
                    p *= q
                total += p
                if len(examples) < _EXAMPLES:
                    examples.append(Tuple(*(v for v, _ in outcome)))
        value = Rational(total.numerator, total.denominator)
        given = {"favourable": hits, "size": size, "examples": Tuple(*examples),
                 "variables": Tuple(*(Symbol(n) for n in names)), "equally_likely": equal,
                 "distributions": Tuple(*(Str(str(self.dists[n])) for n in names)),
                 "event": event}
        chain.replace(node, value, S.COUNT_OUTCOMES, given)


def interval_event(event: Any, X: Any) -> tuple[Any, bool]:
    """An event about X as one interval (``a < X <= b``, ``X > a``, ``X = a``), or the
    complement of one (``(event, True)``): SymPy solves the inequalities."""
    from sympy import (
        Complement,
        Dummy,
        Eq,
        FiniteSet,
        Ge,
        Gt,
        Interval,
        Le,
        Lt,
        Reals,
        Union,
    )

    x = Dummy("x", real=True)
    try:
        found = event.xreplace({X: x}).as_set()
    except (NotImplementedError, TypeError, ValueError):
        found = None
    complement = False
    if found is not None and found.is_empty:
        raise InputError("no value satisfies the event: it is impossible (probability 0)",
                         name="event")
    if isinstance(found, Union):
        found, complement = Complement(Reals, found), True

    def relation(s: Any) -> Any:
        from sympy import And

        if isinstance(s, FiniteSet) and len(s) == 1:
            return Eq(X, next(iter(s)), evaluate=False)
        if not isinstance(s, Interval):
            return None
        parts = []
        if s.start.is_finite:
            parts.append((Gt if s.left_open else Ge)(X, s.start))
        if s.end.is_finite:
            parts.append((Lt if s.right_open else Le)(X, s.end))
        if s.start == s.end:
            return Eq(X, s.start, evaluate=False)
        return And(*parts) if len(parts) == 2 else parts[0] if parts else None

    rel = relation(found) if found is not None else None
    if rel is None:
        raise InputError("for an infinite or continuous variable the event must come down to "
                         "an interval of values, e.g. X > 2 or 1 < X <= 3", name="event")
    return rel, complement


def _joint_size(dists: dict) -> int:
    size = 1
    for d in dists.values():
        if not d.finite_support():
            return MAX_OUTCOMES + 1
        lo, hi = d.support()
        size *= len(d.table) if d.family == "finite" else int(hi - lo) + 1
    return size


def _simple(event: Any, X: Any) -> bool:
    """One relation X op a (not !=), or a lower and an upper bound on X."""
    from sympy import And, Ge, Gt, Le, Lt, Ne

    parts = event.args if isinstance(event, And) else (event,)
    if not all(getattr(p, "lhs", None) == X and p.rhs.is_number and not isinstance(p, Ne)
               for p in parts) or len(parts) > 2:
        return False
    if len(parts) == 2:
        kinds = {isinstance(p, Le | Lt) for p in parts}
        if kinds != {True, False} or not all(isinstance(p, Le | Lt | Ge | Gt) for p in parts):
            return False
        upper = next(p for p in parts if isinstance(p, Le | Lt))
        lower = next(p for p in parts if p is not upper)
        return bool(lower.rhs < upper.rhs)
    return True


def _space_step(cur: Any, dists: dict) -> Any:
    """The joint sample space of finite independent variables (None when too large)."""
    from sympy import Rational, Symbol, Tuple
    from sympy.core.symbol import Str

    from symbolic_mlmath.core.steps import Step

    names = sorted(dists)
    if not names or not all(d.finite_support() for d in dists.values()):
        return None
    space = _space(dists, names)
    size = 1
    for s in space:
        size *= len(s)
    given = {"size": size, "variables": Tuple(*(Symbol(n) for n in names)),
             "distributions": Tuple(*(Str(str(dists[n])) for n in names))}
    if all(len({p for _, p in s}) == 1 for s in space):
        given["each"] = Rational(1, size)
    return Step(S.SAMPLE_SPACE, cur, size, given)


def _known(probabilities: Any) -> dict[Any, Any]:
    from .data import read_mapping, read_probability
    from .notation import Prob

    if probabilities is None:
        return {}
    from symbolic_mlmath.text.events import parse_event

    out = {}
    for key, value in read_mapping(probabilities, name="probabilities").items():
        event, cond = parse_event(str(key), name=f"probabilities[{key}]")
        node = Prob(event) if cond is None else Prob(event, cond)
        out[node] = read_probability(value, name=f"probabilities[{key}]")
    return out


def derive_probability(variables: Any, event: Any, given: Any = None, probabilities: Any = None,
                       independent: Any = None) -> Derivation:
    """P(event [| given]) exactly, by the laws of probability and counting (see the module)."""
    from symbolic_mlmath.text.events import parse_event

    from .notation import Prob

    ev, cond = parse_event(event, name="event") if isinstance(event, str) else (event, None)
    if given is not None:
        if cond is not None:
            raise InputError("the condition is given twice (in the event and in given)",
                             name="given")
        cond = parse_event(given, name="given")[0] if isinstance(given, str) else given
    dists = read_variables(variables) if variables is not None else {}
    known = _known(probabilities)
    if not dists and not known:
        raise InputError("give variables (e.g. {X1: die(6)}) or probabilities of events",
                         name="variables")
    goal = Prob(ev) if cond is None else Prob(ev, cond)
    chain = Chain(goal)
    if dists and len(dists) <= 8 and _joint_size(dists) <= MAX_OUTCOMES:
        first = _space_step(goal, dists)
        if first is not None:
            chain.steps.append(first)
    EventSolver(dists, known, bool(independent)).rewrite(chain, goal)
    return Derivation("Probability of an event", goal=goal, steps=tuple(chain.steps),
                      result=chain.cur, task="probability",
                      inputs={"variables": {k: str(v) for k, v in dists.items()},
                              "event": ev, "given": cond, "probabilities": probabilities,
                              "independent": bool(independent)})

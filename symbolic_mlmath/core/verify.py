"""Independent checks of single steps: does a step really apply its law?

Every rule of the core and of each subject has a :class:`Verifier`: a function that
recomputes the step from its ``before`` and ``given`` pieces and names what is wrong,
or ``SAME_VALUE`` (``after`` equals ``before`` once unevaluated parts such as
``Determinant(A)`` are evaluated), marked ``reads`` when the rule reads a fact off
its object, or an explicit exemption with its reason. Subjects declare their tables
in their ``verifiers`` module; :func:`verify_step` looks rules up in the merged table,
so what is checked never depends on what was imported before.

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.linalg.rules import LinalgRule
>>> A = ImmutableMatrix([[1, 2], [3, 4]])
>>> bad = Step(LinalgRule.ROW_ADD_MULTIPLE, A, ImmutableMatrix([[1, 2], [0, -3]]),
...            given={"target": 2, "source": 1, "factor": -3})
>>> verify_step(bad)
'R2 <- R2 + (-3) R1 gives Matrix([[1, 2], [0, -2]]), not Matrix([[1, 2], [0, -3]])'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from symbolic_mlmath.core.exact import exact_det, is_zero
from symbolic_mlmath.core.rules import Rule

if TYPE_CHECKING:  # steps use these modules at run time, not the other way round
    from symbolic_mlmath.core.steps import Step

__all__ = [
    "SAME_VALUE",
    "VERIFIERS",
    "Verifier",
    "VerifierTable",
    "evaluate",
    "exempt",
    "reads",
    "reads_fact",
    "same_value",
    "verifier_of",
    "verify_step",
]

Check = Callable[["Step"], "str | None"]


@dataclass(frozen=True)
class Verifier:
    """How a rule's steps are checked.

    ``check(step)`` returns a one-line problem or ``None``; ``same_value`` compares
    ``before`` and ``after`` by value; ``reads`` marks a rule that reads a fact off its
    object (the next step may start from the same object); ``exempt`` is the reason a
    rule needs no check (only where no check is meaningful).
    """

    check: Check | None = None
    same_value: bool = False
    reads: bool = False
    exempt: str = ""


#: The verifier of a value-preserving rule.
SAME_VALUE = Verifier(same_value=True)


def reads_fact(check: Check | None = None) -> Verifier:
    """The verifier of a rule that reads a fact off its object (checked by ``check``)."""
    return Verifier(check=check, reads=True)


def exempt(reason: str) -> Verifier:
    """A declared exemption: the rule needs no check, for ``reason``."""
    return Verifier(exempt=reason)


class VerifierTable(dict):
    """A subject's verifiers: ``rule -> Verifier``, filled by decorators and helpers."""

    def check(self, *rules: Any, reads: bool = False) -> Callable[[Check], Check]:
        """Decorator: ``fn(step) -> problem | None`` checks every rule in ``rules``."""

        def deco(fn: Check) -> Check:
            for r in rules:
                self[r] = Verifier(check=fn, reads=reads)
            return fn

        return deco

    def same_value(self, *rules: Any) -> None:
        """Declare value-preserving rules."""
        for r in rules:
            self[r] = SAME_VALUE


#: The verifiers of the core's own rules.
VERIFIERS = VerifierTable()
VERIFIERS.same_value(Rule.DEFINITION, Rule.ARITHMETIC, Rule.SIMPLIFY, Rule.EXPAND, Rule.FACTOR,
                     Rule.SUBSTITUTE)
VERIFIERS[Rule.GIVEN] = exempt("states the problem's object as given")  # TODO(issue 9): real check
VERIFIERS[Rule.NUMERIC_FALLBACK] = exempt("numeric values are checked by the derivation's reference")


def verifier_of(rule: Any) -> Verifier | None:
    """The verifier of ``rule`` from the core's table and every subject's."""
    found = VERIFIERS.get(rule)
    if found is None:
        from symbolic_mlmath.core.subjects import table

        found = table("verifiers").get(rule)
    return found


def evaluate(obj: Any) -> Any:
    """Evaluate unevaluated parts (``Determinant`` of explicit matrices, sums)."""
    from sympy import Basic, Determinant, MatrixBase

    if not isinstance(obj, Basic) or isinstance(obj, MatrixBase):
        return obj
    if obj.has(Determinant):
        obj = obj.replace(
            lambda e: isinstance(e, Determinant) and isinstance(e.arg, MatrixBase),
            lambda e: exact_det(e.arg),
        )
    return obj.doit()


def same_value(a: Any, b: Any) -> bool:
    """True when ``a`` and ``b`` are the same exact value (matrices, dicts, lists...).

    Examples
    ========
    >>> from sympy import Rational, sqrt
    >>> same_value(Rational(1, 2), Rational(2, 4)), same_value(sqrt(8), 2 * sqrt(2))
    (True, True)
    >>> same_value({"x": 1}, {"x": 2})
    False
    """
    from sympy import Basic, MatrixBase

    if isinstance(a, dict) or isinstance(b, dict):
        if not (isinstance(a, dict) and isinstance(b, dict)):
            return False
        ka = {str(k): v for k, v in a.items()}
        kb = {str(k): v for k, v in b.items()}
        return ka.keys() == kb.keys() and all(same_value(ka[k], kb[k]) for k in ka)
    if isinstance(a, bool | str) or isinstance(b, bool | str):
        return type(a) is type(b) and a == b
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, MatrixBase) or isinstance(b, MatrixBase):
        if not (isinstance(a, MatrixBase) and isinstance(b, MatrixBase)):
            return False
        return a.shape == b.shape and all(is_zero(x - y) is True for x, y in zip(a, b, strict=True))
    if isinstance(a, Basic) and isinstance(b, Basic):
        if a == b:
            return True
        if a.is_Relational or b.is_Relational:
            return a == b
        try:
            return is_zero(a - b) is True
        except TypeError:
            return a == b
    return a == b


def verify_step(step: Step) -> str | None:
    """Return what is wrong with ``step`` (one line), or ``None`` if it checks out."""
    v = verifier_of(step.rule)
    if v is None:
        return f"rule {step.rule.value!r} has no verifier"
    if v.check is not None:
        return v.check(step)
    if v.same_value:
        before, after = evaluate(step.before), evaluate(step.after)
        if not same_value(before, after):
            return f"changes the value: {before} before, {after} after"
    return None


def reads(rule: Any) -> bool:
    """True when ``rule`` reads a fact off its object."""
    v = verifier_of(rule)
    return bool(v and v.reads)

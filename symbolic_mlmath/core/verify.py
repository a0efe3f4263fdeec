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
#: A check that needs the derivation the step belongs to (its goal and inputs).
ContextCheck = Callable[["Step", Any], "str | None"]


@dataclass(frozen=True)
class Verifier:
    """How a rule's steps are checked.

    ``check(step)`` returns a one-line problem or ``None``; ``same_value`` compares
    ``before`` and ``after`` by value; ``in_context(step, derivation)`` checks a step
    against the derivation it belongs to (run by ``validate()``); ``reads`` marks a rule
    that reads a fact off its object (the next step may start from the same object);
    ``exempt`` is the reason a rule needs no check (only where no check is meaningful).
    """

    check: Check | None = None
    same_value: bool = False
    reads: bool = False
    exempt: str = ""
    in_context: ContextCheck | None = None

    @property
    def checks(self) -> bool:
        """Whether the verifier checks anything (or declares why it need not)."""
        return bool(self.check or self.same_value or self.in_context or self.exempt)


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

    Expressions are compared by bounded exact algebra first; when that cannot tell, by
    their values at seeded real points to 30 digits (:mod:`symbolic_mlmath.core.numeq`),
    so identities such as sec² x = 1 + tan² x hold and a false one still fails.

    Examples
    ========
    >>> from sympy import Rational, sqrt
    >>> same_value(Rational(1, 2), Rational(2, 4)), same_value(sqrt(8), 2 * sqrt(2))
    (True, True)
    >>> same_value({"x": 1}, {"x": 2})
    False
    >>> from sympy import Symbol, sec, tan
    >>> x = Symbol("x")
    >>> same_value(sec(x) ** 2, 1 + tan(x) ** 2), same_value(sec(x) ** 2, tan(x) ** 2)
    (True, False)
    """
    from sympy import Basic, MatrixBase
    from sympy.matrices.expressions import MatrixExpr

    a, b = (_explicit(x) if isinstance(x, MatrixExpr) and not isinstance(x, MatrixBase) else x
            for x in (a, b))
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
        return a.shape == b.shape and all(_same_expr(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Basic) and isinstance(b, Basic):
        if a == b:
            return True
        if a.is_Relational or b.is_Relational:
            return a == b
        return _same_expr(a, b)
    return a == b


def _explicit(x: Any) -> Any:
    """A matrix expression of explicit matrices (``1/(a^2 - 1) * M``) as one matrix."""
    try:
        return x.as_explicit()
    except (ValueError, TypeError, AttributeError, NotImplementedError):
        return x


def _same_expr(a: Any, b: Any) -> bool:
    """Two expressions: exact algebra first (bounded), then the numeric rung
    (:func:`symbolic_mlmath.core.numeq.numeric_same`) when exact algebra cannot tell."""
    if a == b:
        return True
    try:
        exact = is_zero(a - b)
    except TypeError:
        return a == b
    if exact is not None:
        return exact
    if not (getattr(a, "free_symbols", None) or getattr(b, "free_symbols", None)):
        return False  # numbers: is_zero already compared them to 50 digits
    from symbolic_mlmath.core.numeq import numeric_same

    return numeric_same(a, b) is True


def verify_step(step: Step, derivation: Any = None) -> str | None:
    """Return what is wrong with ``step`` (one line), or ``None`` if it checks out.

    ``derivation`` (the one the step belongs to) lets context checks run, such as a
    ``GIVEN`` step stating the problem's own object.
    """
    v = verifier_of(step.rule)
    if v is None:
        return f"rule {step.rule.value!r} has no verifier"
    if not v.checks:
        return f"rule {step.rule.value!r} has a verifier that checks nothing"
    if v.in_context is not None and derivation is not None:
        problem = v.in_context(step, derivation)
        if problem:
            return problem
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


# ------------------------------------------------------------------ GIVEN, NUMERIC_FALLBACK
def _given_in_context(step: Step, derivation: Any) -> str | None:
    """A ``GIVEN`` step states the problem's object: the goal, an input, or a part of the goal."""
    from sympy import Basic

    obj = step.after
    if step.before is not None and not same_value(step.before, obj):
        return f"states {obj}, but starts from {step.before}"
    goal = derivation.goal
    for candidate in (goal, *dict(derivation.inputs).values()):
        try:
            if candidate is not None and same_value(candidate, obj):
                return None
        except (TypeError, ValueError):  # an input of another kind (text, a number type)
            continue
    if isinstance(goal, Basic) and isinstance(obj, Basic) and goal.has(obj):
        return None
    return f"states {obj}, which is not the problem's object {goal}"


def _given(step: Step) -> str | None:
    if step.before is not None and not same_value(step.before, step.after):
        return f"states {step.after}, but starts from {step.before}"
    return None


VERIFIERS[Rule.GIVEN] = Verifier(check=_given, in_context=_given_in_context)


def _numbers(obj: Any) -> list[Any] | None:
    from sympy import MatrixBase, Tuple

    if isinstance(obj, Tuple | list | tuple) and all(getattr(x, "is_number", False) for x in obj):
        return list(obj)
    if isinstance(obj, MatrixBase):
        return None
    return [obj] if getattr(obj, "is_number", False) else None


def _magnitude(values: Any, digits: int) -> Any:
    from sympy import N

    return max((abs(complex(N(x, digits))) for x in values), default=0.0)


@VERIFIERS.check(Rule.NUMERIC_FALLBACK)
def _numeric_fallback(step: Step) -> str | None:
    """Numbers agree with an independent high-precision (mpmath) evaluation to the digits
    claimed: exact values -> their decimals; a matrix -> vectors it sends to 0 (its null
    space, or the eigenvectors of ``given["eigenvalue"]``)."""
    from sympy import MatrixBase, N, eye

    digits = int(step.given.get("digits", 15))
    work = digits + 10
    tol = 10.0 ** -(digits - 5)
    before, after = step.before, step.after
    exact, approx = _numbers(before), _numbers(after)
    if exact is not None and approx is not None:
        if len(exact) != len(approx):
            return f"{len(exact)} exact values but {len(approx)} numbers"
        for k, (e, a) in enumerate(zip(exact, approx, strict=True)):
            err = abs(complex(N(e - a, work)))
            if err > tol * max(1.0, abs(complex(N(e, work)))):
                return f"value {k + 1} is {N(e, 12)}, not {N(a, 12)} (to {digits} digits)"
        return None
    if isinstance(before, MatrixBase) and approx is None:
        M = before
        if "eigenvalue" in step.given:
            M = M - step.given["eigenvalue"] * eye(M.rows)
        scale = max(1.0, _magnitude(list(M), work))
        vectors = list(after)
        if not vectors:
            return "no vectors given"
        for k, v in enumerate(vectors):
            if not isinstance(v, MatrixBase) or v.shape != (M.cols, 1):
                return f"item {k + 1} is not a vector with {M.cols} entries"
            size = _magnitude(list(v), work)
            if size == 0:
                return f"vector {k + 1} is the zero vector"
            residual = _magnitude(list((M * v).evalf(work)), work)
            if residual > tol * scale * size:
                return f"vector {k + 1} is not sent to 0 (residual {residual:.3g}) to {digits} digits"
        return None
    return "a numeric fallback needs exact values, or a matrix and the vectors it sends to 0"

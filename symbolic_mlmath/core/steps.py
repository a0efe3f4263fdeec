"""Steps and derivations: the data every renderer, checker and document reads.

A :class:`Step` is one application of a law (a :class:`~symbolic_mlmath.core.rules.Rule`)
to an exact SymPy object: ``before`` and ``after`` are SymPy objects (matrices
immutable), ``given`` holds the named pieces of the instance (a row operation's
factor, a cofactor's sign), ``substeps`` the finer work. A :class:`Derivation` is
a titled chain of steps ending at a result.

Examples
========
>>> from sympy import ImmutableMatrix, Rational
>>> from symbolic_mlmath.core.steps import Step, Derivation
>>> from symbolic_mlmath.linalg.rules import LinalgRule
>>> A = ImmutableMatrix([[1, 2], [3, 4]])
>>> B = ImmutableMatrix([[1, 2], [0, -2]])
>>> s = Step(LinalgRule.ROW_ADD_MULTIPLE, A, B, given={"target": 2, "source": 1, "factor": -3})
>>> s.given["factor"]
-3
>>> d = Derivation("Row reduce", goal=A, steps=(s,), result=B)
>>> d.validate() is d
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from symbolic_mlmath.core.rules import Rule, is_rule

__all__ = ["Derivation", "DerivationError", "Lazy", "Step", "to_sympy"]


class DerivationError(AssertionError):
    """A derivation that contradicts itself: a broken chain, a wrong step or result."""


class Lazy:
    """An exact object held in a fast form (domain elements, flint matrices).

    Subclasses implement :meth:`to_sympy`; a :class:`Step` converts on first read.
    """

    __slots__ = ()

    def to_sympy(self) -> Any:  # pragma: no cover - interface
        raise NotImplementedError


def to_sympy(obj: Any) -> Any:
    """Return ``obj`` as an immutable SymPy object (``None`` stays ``None``).

    Examples
    ========
    >>> to_sympy(3), type(to_sympy([[1, 2]])).__name__
    (3, 'ImmutableDenseMatrix')
    """
    from sympy import Basic, ImmutableMatrix, MatrixBase, Tuple
    from sympy.core.symbol import Str
    from sympy.core.sympify import _sympify

    if obj is None or (isinstance(obj, Basic) and not isinstance(obj, MatrixBase)):
        return obj
    if isinstance(obj, Lazy):
        return obj.to_sympy()
    if isinstance(obj, MatrixBase):
        return obj.as_immutable()
    if isinstance(obj, str):
        return Str(obj)
    if isinstance(obj, bool):
        from sympy import false, true

        return true if obj else false
    if isinstance(obj, list | tuple):
        if obj and all(isinstance(r, list | tuple) for r in obj):
            return ImmutableMatrix(obj)
        return Tuple(*(to_sympy(x) for x in obj))
    return _sympify(obj)


class Step:
    """One application of a law to an exact object.

    Parameters
    ==========
    rule : Rule
        The law applied.
    before, after :
        The object before and after (SymPy objects; lists become immutable matrices;
        :class:`Lazy` values are converted when first read).
    given : mapping of str to SymPy objects
        The named pieces of this instance of the law.
    substeps : iterable of Step
        The finer work inside this step.
    """

    __slots__ = ("_after", "_before", "_given", "rule", "substeps")

    def __init__(
        self,
        rule: Rule,
        before: Any,
        after: Any,
        given: Mapping[str, Any] | None = None,
        substeps: Iterable[Step] = (),
    ) -> None:
        if not is_rule(rule):
            raise TypeError(f"rule must be a rule enum member, not {type(rule).__name__}")
        subs = tuple(substeps)
        if not all(isinstance(s, Step) for s in subs):
            raise TypeError("substeps must be Steps")
        setter = object.__setattr__
        setter(self, "rule", rule)
        setter(self, "_before", before if isinstance(before, Lazy) else to_sympy(before))
        setter(self, "_after", after if isinstance(after, Lazy) else to_sympy(after))
        setter(self, "_given", given or {})
        setter(self, "substeps", subs)

    @classmethod
    def _trusted(cls, rule: Rule, before: Any, after: Any, given: Mapping[str, Any]) -> Step:
        """A step built by an engine from values it already holds in the right form."""
        step = object.__new__(cls)
        setter = object.__setattr__
        setter(step, "rule", rule)
        setter(step, "_before", before)
        setter(step, "_after", after)
        setter(step, "_given", given)
        setter(step, "substeps", ())
        return step

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Step is immutable")

    def _read(self, slot: str) -> Any:
        value = object.__getattribute__(self, slot)
        if isinstance(value, Lazy):
            value = value.to_sympy()
            object.__setattr__(self, slot, value)
        return value

    @property
    def before(self) -> Any:
        """The object before the law is applied."""
        return self._read("_before")

    @property
    def after(self) -> Any:
        """The object after the law is applied."""
        return self._read("_after")

    @property
    def given(self) -> Mapping[str, Any]:
        """The named pieces of the instance (read-only, SymPy values)."""
        g = self._given
        if not isinstance(g, MappingProxyType):
            g = MappingProxyType({str(k): to_sympy(v) for k, v in g.items()})
            object.__setattr__(self, "_given", g)
        return g

    def _key(self) -> tuple:
        return (self.rule, self.before, self.after, tuple(self.given.items()), self.substeps)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Step) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Step({self.rule.name}, given={dict(self.given)}, substeps={len(self.substeps)})"

    def walk(self) -> Iterator[Step]:
        """This step and all its substeps, depth first."""
        yield self
        for s in self.substeps:
            yield from s.walk()


@dataclass(frozen=True, eq=False)
class Derivation:
    """A titled chain of steps from a goal to an exact result.

    ``goal`` is the unevaluated object asked for (``Determinant(A)``, the matrix to
    reduce); ``result`` the exact answer (a SymPy object, or a dict / bool / str for
    multi-part answers). ``task`` and ``inputs`` record how to recompute it, and
    ``reference`` computes SymPy's own direct answer for :meth:`validate`. ``goal_label``
    says what the goal is when neither "Find" nor "Given" fits (a test's "Parameter").
    """

    title: str
    goal: Any
    steps: tuple[Step, ...]
    result: Any
    variables: tuple = ()
    task: str | None = None
    inputs: Mapping[str, Any] = field(default_factory=dict)
    reference: Callable[[], Any] | None = None
    goal_label: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", tuple(self.steps))
        object.__setattr__(self, "goal", to_sympy(self.goal))

    # ----------------------------------------------------------------- checking
    def validate(self) -> Derivation:
        """Check the steps chain, each step keeps its law, and the result is SymPy's.

        Each step starts where the one before ended, except that a step may read the
        same object as a reading step before it (pivots, then the rank, of one matrix).

        Returns ``self``; raises :class:`DerivationError` naming the first problem. The
        checking runs under ``Limits.check_time_budget``: past it, a one-line ``LimitError``.
        """
        from symbolic_mlmath.text.budget import time_budget
        from symbolic_mlmath.text.limits import get_limits

        with time_budget(get_limits().check_time_budget, what=f"validating {_short(self.title)}"):
            return self._validate()

    def _validate(self) -> Derivation:
        from symbolic_mlmath.core.verify import reads, same_value, verify_step

        for k, (a, b) in enumerate(zip(self.steps, self.steps[1:], strict=False)):
            if a.after != b.before and not (reads(a.rule) and a.before == b.before):
                raise DerivationError(
                    f"{self.title}: step {k + 2} ({b.rule.value}) does not start where "
                    f"step {k + 1} ({a.rule.value}) ended"
                )
        for k, step in enumerate(self.steps):
            for sub in step.walk():
                problem = verify_step(sub, self)
                if problem:
                    raise DerivationError(
                        f"{self.title}: step {k + 1} ({sub.rule.value}): {problem}"
                    )
        if self.reference is not None:
            expected = self.reference()
            if not same_value(expected, self.result):
                raise DerivationError(
                    f"{self.title}: result {self.result!r} differs from SymPy's {expected!r}"
                )
        return self

    # ---------------------------------------------------------------- rendering
    def to_text(self, detail: str = "standard") -> str:
        """The derivation as unicode text (SymPy's pretty printer for the math)."""
        from symbolic_mlmath.render import render

        return render(self, "text", detail=detail)

    def to_latex(self, detail: str = "standard") -> str:
        """The derivation as a LaTeX fragment (amsmath)."""
        from symbolic_mlmath.render import render

        return render(self, "latex", detail=detail)

    def to_markdown(self, detail: str = "standard") -> str:
        """The derivation as Markdown with ``$...$`` and ``$$...$$`` math."""
        from symbolic_mlmath.render import render

        return render(self, "markdown", detail=detail)

    def to_json(self, detail: str = "full") -> str:
        """The derivation as JSON: every step with its rule, objects and given pieces."""
        from symbolic_mlmath.render import render

        return render(self, "json", detail=detail)

    def to_dict(self, detail: str = "full") -> dict:
        """The derivation as plain JSON-ready Python data."""
        from symbolic_mlmath.render.json import derivation_to_dict
        from symbolic_mlmath.text.budget import time_budget
        from symbolic_mlmath.text.options import parse_detail

        detail = parse_detail(detail)
        with time_budget(what=f"rendering {_short(self.title)}"):
            return derivation_to_dict(self, detail=detail)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        return f"<Derivation {self.title!r}: {len(self.steps)} steps, result {self.result!r}>"


def _short(title: Any) -> str:
    text = " ".join(str(title).split())
    return text if len(text) <= 60 else text[:57] + "..."

"""One template per rule: its name, the general law, the instance at hand, why, and what
to display.

The core's own rules are worded here; each subject words its rules in its own
``templates`` module, a :class:`TemplateTable` (a test enforces a template for every
rule of every subject). A template's ``law`` states the law in general; its
``instance`` is a clause naming the pieces of this step (``R₂ ← R₂ - 3R₁``); ``why``
(optional) says what the step is for (``to clear the entry below the pivot in column
1``); ``relation`` says how ``after`` relates to ``before`` (``=``, row-equivalent
``~``, or a conclusion ``=>``); ``display`` (optional) builds the displayed math from
the step's data when ``before relation after`` is not what to show; ``teach`` shows the
step's substeps at the standard detail; ``sets`` passes facts to the following steps
(the columns of an augmented matrix, the unknowns).

A table may also carry ``labels`` (words for result keys and word results) and
``results`` (task name -> a function presenting that task's result).

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.core.rules import Rule
>>> from symbolic_mlmath.render.formats import TEXT
>>> s = Step(Rule.ARITHMETIC, ImmutableMatrix([[1, 2]]) * 2, ImmutableMatrix([[2, 4]]))
>>> template_of(s).title
'Arithmetic'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.render.displays import Display, chain
from symbolic_mlmath.render.formats import MathFormat

if TYPE_CHECKING:  # steps use these modules at run time, not the other way round
    from symbolic_mlmath.core.steps import Step

__all__ = ["TEMPLATES", "Template", "TemplateTable", "default_displays", "result_presenter",
           "template", "template_of"]


@dataclass(frozen=True)
class Template:
    """How every renderer words and shows one rule."""

    title: str
    law: Callable[[MathFormat], str]
    instance: Callable[[Step, MathFormat], str]
    relation: str = "="  # "=", "~" (row-equivalent) or "=>" (conclusion)
    why: Callable[[Step, MathFormat], str | None] | None = None
    display: Callable[[Step], list[Display]] | None = None
    teach: bool = False
    sets: Callable[[Step], dict] | None = None

    def displays(self, step: Step) -> list[Display]:
        """What to display for ``step`` (``before relation after`` unless overridden)."""
        if self.display is not None:
            return list(self.display(step))
        return default_displays(step, self.relation)


def default_displays(step: Step, relation: str) -> list[Display]:
    """``before relation after`` when both exist.

    ``=`` is shown only for a rule whose verifier checks that the value is kept; a step
    checked some other way (it computes something new from ``before``) reads ``⟹``.
    """
    if step.before is None or step.after is None:
        return []
    if relation == "=":
        from symbolic_mlmath.core.verify import verifier_of

        v = verifier_of(step.rule)
        if v is None or not v.same_value:
            relation = "=>"
    return [chain(step.before, relation, step.after, step=step)]


class TemplateTable(dict):
    """A table ``rule -> Template``; :meth:`add` is the decorator that fills it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.labels: dict[str, str] = {}
        self.results: dict[str, Callable[..., Any]] = {}
        for part in args:
            self.labels.update(getattr(part, "labels", {}))
            self.results.update(getattr(part, "results", {}))

    def add(
        self, rule: Any, title: str, law: Callable[[MathFormat], str] | str, relation: str = "=",
        *, why: Callable[[Step, MathFormat], str | None] | None = None,
        display: Callable[[Step], list[Display]] | None = None, teach: bool = False,
        sets: Callable[[Step], dict] | None = None,
    ) -> Callable[[Callable[[Step, MathFormat], str]], Callable[[Step, MathFormat], str]]:
        """Register the template of ``rule``; decorates its instance function."""

        def deco(fn: Callable[[Step, MathFormat], str]) -> Callable[[Step, MathFormat], str]:
            law_fn = (lambda f, _s=law: f.prose(_s)) if isinstance(law, str) else law
            self[rule] = Template(title, law_fn, fn, relation, why, display, teach, sets)
            return fn

        return deco

    def merge(self, *tables: TemplateTable) -> TemplateTable:
        """Add the templates, labels and result presenters of other tables."""
        for t in tables:
            self.update(t)
            self.labels.update(getattr(t, "labels", {}))
            self.results.update(getattr(t, "results", {}))
        return self


#: The templates of the core's own rules.
TEMPLATES = TemplateTable()
template = TEMPLATES.add


def template_of(step: Step) -> Template:
    """The template of ``step``'s rule (core or subject); a KeyError names a missing one."""
    found = TEMPLATES.get(step.rule)
    if found is None:
        from symbolic_mlmath.core.subjects import table

        found = table("templates").get(step.rule)
    if found is None:
        raise KeyError(f"no template for rule {step.rule.value!r}")
    return found


def result_presenter(task: str | None) -> Callable[..., Any] | None:
    """The function a subject registered to present ``task``'s result, if any."""
    if not task:
        return None
    from symbolic_mlmath.core.subjects import contributions

    for _subject, table in contributions("templates"):
        fn = getattr(table, "results", {}).get(task)
        if fn is not None:
            return fn
    return None


# ------------------------------------------------------------------------ general
def _given_display(step: Step) -> list[Display]:
    return [chain(step.after, step=step)] if step.after is not None else []


@template(Rule.GIVEN, "Given", "Start from the object given in the problem.", "=>",
          display=_given_display)
def _given(step: Step, f: MathFormat) -> str:
    return f.prose("the problem gives")


@template(Rule.DEFINITION, "Definition", "Rewrite the object by its definition.")
def _definition(step: Step, f: MathFormat) -> str:
    return f.prose("write out the definition")


@template(Rule.ARITHMETIC, "Arithmetic", "Carry out the exact arithmetic.")
def _arithmetic(step: Step, f: MathFormat) -> str:
    return f.prose("work out the products and sums exactly")


@template(Rule.SIMPLIFY, "Simplify", "Simplify; the value does not change.")
def _simplify(step: Step, f: MathFormat) -> str:
    return f.prose("simplify")


@template(Rule.EXPAND, "Expand", "Multiply out products and powers.")
def _expand(step: Step, f: MathFormat) -> str:
    return f.prose("multiply out and collect like terms")


@template(Rule.FACTOR, "Factor", "Write the expression as a product of factors.")
def _factor(step: Step, f: MathFormat) -> str:
    return f.prose("write it as a product of factors")


@template(Rule.SUBSTITUTE, "Substitute", "Replace each part by the value computed for it.",
          teach=True)
def _substitute(step: Step, f: MathFormat) -> str:
    if step.substeps:
        return f.prose("work out each part, then put the values in")
    return f.prose("put in the values computed for each part")


@template(
    Rule.NUMERIC_FALLBACK,
    "Numerical values",
    "An exact closed form is impractical here, so compute to high precision instead.",
    "=>",
)
def _numeric(step: Step, f: MathFormat) -> str:
    digits = step.given.get("digits")
    tail = f" {f.prose(f'to {digits} significant digits')}" if digits is not None else ""
    return f.prose("compute numerically") + tail

"""One template per rule: its name, the general law, and the instance at hand.

The core's own rules are worded here; each subject words its rules in its own
``templates`` module, a :class:`TemplateTable` (a test enforces a template for every
rule of every subject). A template's ``law`` states the law in
general; its ``instance`` names the pieces of this step (``R2 <- R2 - 3 R1``);
``relation`` says how ``after`` relates to ``before`` (``=``, row-equivalent
``~``, or a conclusion ``=>``).

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
from symbolic_mlmath.render.formats import MathFormat

if TYPE_CHECKING:  # steps use these modules at run time, not the other way round
    from symbolic_mlmath.core.steps import Step

__all__ = ["TEMPLATES", "Template", "TemplateTable", "template", "template_of"]


@dataclass(frozen=True)
class Template:
    """How every renderer words one rule."""

    title: str
    law: Callable[[MathFormat], str]
    instance: Callable[[Step, MathFormat], str]
    relation: str = "="  # "=", "~" (row-equivalent) or "=>" (conclusion)


class TemplateTable(dict):
    """A table ``rule -> Template``; :meth:`add` is the decorator that fills it."""

    def add(
        self, rule: Any, title: str, law: Callable[[MathFormat], str] | str, relation: str = "="
    ) -> Callable[[Callable[[Step, MathFormat], str]], Callable[[Step, MathFormat], str]]:
        """Register the template of ``rule``; decorates its instance function."""

        def deco(fn: Callable[[Step, MathFormat], str]) -> Callable[[Step, MathFormat], str]:
            law_fn = (lambda f, _s=law: f.prose(_s)) if isinstance(law, str) else law
            self[rule] = Template(title, law_fn, fn, relation)
            return fn

        return deco


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


def _g(step: Step, key: str) -> Any:
    return step.given[key]


# ------------------------------------------------------------------------ general
@template(Rule.GIVEN, "Given", "Start from the object given in the problem.", "=>")
def _given(step: Step, f: MathFormat) -> str:
    return f"{f.prose('We are given')} {f.m(step.after)}."


@template(Rule.DEFINITION, "Definition", "Rewrite the object by its definition.")
def _definition(step: Step, f: MathFormat) -> str:
    return f"{f.m(step.before)} = {f.m(step.after)}"


@template(Rule.ARITHMETIC, "Arithmetic", "Carry out the exact arithmetic.")
def _arithmetic(step: Step, f: MathFormat) -> str:
    return f"{f.prose('which gives')} {f.m(step.after)}"


@template(Rule.SIMPLIFY, "Simplify", "Simplify; the value does not change.")
def _simplify(step: Step, f: MathFormat) -> str:
    return f"{f.prose('simplifies to')} {f.m(step.after)}"


@template(Rule.EXPAND, "Expand", "Multiply out products and powers.")
def _expand(step: Step, f: MathFormat) -> str:
    return f"{f.prose('expands to')} {f.m(step.after)}"


@template(Rule.FACTOR, "Factor", "Write the expression as a product of factors.")
def _factor(step: Step, f: MathFormat) -> str:
    return f"{f.prose('factors as')} {f.m(step.after)}"


@template(Rule.SUBSTITUTE, "Substitute", "Replace each part by the value computed for it.")
def _substitute(step: Step, f: MathFormat) -> str:
    return f"{f.prose('with the computed values:')} {f.m(step.after)}"


@template(
    Rule.NUMERIC_FALLBACK,
    "Numerical values",
    "An exact closed form is impractical here, so compute to high precision instead.",
    "=>",
)
def _numeric(step: Step, f: MathFormat) -> str:
    digits = step.given.get("digits")
    tail = f" ({digits} {f.prose('significant digits')})" if digits is not None else ""
    return f"{f.prose('numerically')} {f.m(step.after)}{tail}"

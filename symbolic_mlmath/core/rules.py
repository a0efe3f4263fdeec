"""The vocabulary of steps every subject shares: the general laws (given, arithmetic, ...).

Each subject names its own laws in its own enum (``linalg.rules.LinalgRule``,
``calculus.rules.CalculusRule``, ...); a step's ``rule`` is a member of one of them.
Engines emit these ids and never sentences; the renderers own all wording (one template
per rule, enforced by a test), and every rule has a verifier or a declared reason for none.

Examples
========
>>> from symbolic_mlmath.core.rules import Rule, is_rule
>>> Rule.ARITHMETIC.value
'arithmetic'
>>> is_rule(Rule.GIVEN), is_rule("given")
(True, False)
"""

from __future__ import annotations

from enum import Enum

__all__ = ["Rule", "is_rule"]


class Rule(str, Enum):
    """The general laws, owned by no subject."""

    # --- general -------------------------------------------------------------------
    GIVEN = "given"  # state the problem object (before is None-like, after the object)
    DEFINITION = "definition"  # rewrite a named object by its definition
    ARITHMETIC = "arithmetic"  # evaluate exact arithmetic
    SIMPLIFY = "simplify"  # algebraic simplification (value unchanged)
    EXPAND = "expand"  # multiply out products and powers
    FACTOR = "factor"  # write as a product of factors
    SUBSTITUTE = "substitute"  # replace sub-expressions by their computed values
    NUMERIC_FALLBACK = "numeric_fallback"  # exact form impractical: high-precision numerics


def is_rule(obj: object) -> bool:
    """True for a member of a rule enum (``str``-valued ``Enum``) of the core or a subject."""
    return isinstance(obj, Enum) and isinstance(obj, str)

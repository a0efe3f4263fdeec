"""The usual slips in differentiating, found by changing one law in one node of the rule tree.

A slip is a wrong law applied in one place: the inner derivative of a chain left out,
the exponent of a power not lowered, one term of the product rule missing, the quotient
rule's numerator subtracted the wrong way round. :func:`slip_variants` recomputes the
rule tree with one node's law replaced (the rest of the work done right) and
:func:`name_slip` says which variant a learner's wrong answer matches.

Examples
========
>>> from sympy import Symbol, sin
>>> from symbolic_mlmath.calculus.difftree import diff_tree
>>> x = Symbol("x")
>>> slip = name_slip(diff_tree(sin(x**2), x), sin(x**2).diff(x) / (2 * x))
>>> slip.name, slip.detail
('inner derivative missing', 'd/dx sin(x**2): the chain rule needs the factor du/dx = 2*x')
>>> name_slip(diff_tree(x**3, x), 3 * x**3).name
'exponent not lowered'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .difftree import DiffNode, Law, recompute
from .rules import CalculusRule as R

__all__ = ["CATALOGUE", "DerivativeSlip", "name_slip", "slip_variants"]

#: Every slip this module can name, with the sentence teachers use.
CATALOGUE: dict[str, str] = {
    "inner derivative missing": "the chain rule was used without multiplying by the inner derivative",
    "exponent not lowered": "the power rule brought n down but did not lower the exponent to n - 1",
    "coefficient not brought down": "the power rule lowered the exponent but dropped the factor n",
    "product rule term missing": "only one of the two terms f' g and f g' of the product rule",
    "product of derivatives": "(f g)' was taken as f' g' instead of f' g + f g'",
    "quotient rule sign": "the quotient rule's numerator was written f g' - f' g",
    "quotient denominator not squared": "the quotient rule's denominator was g instead of g²",
    "ln a missing": "(aˣ)' was written aˣ without the factor ln a",
    "power rule on an exponential": "(aˣ)' was taken as x aˣ⁻¹, as if x were the base",
    "cosine sign": "(cos x)' was written sin x instead of -sin x",
}


@dataclass(frozen=True)
class DerivativeSlip:
    """A named slip: which one, where, and what the whole derivative then becomes."""

    name: str
    detail: str
    result: Any = None


def _text(e: Any) -> str:
    from symbolic_mlmath.render.formats import text_of

    return text_of(e)


def _where(node: DiffNode) -> str:
    return f"d/d{_text(node.var)} {_text(node.expr)}"


_SlipLaw = tuple[str, Law, Callable[[DiffNode], str]]


def _laws(node: DiffNode) -> list[_SlipLaw]:
    """The wrong laws a learner might apply at ``node``."""
    r = node.rule
    if r is R.CHAIN_RULE:
        return [("inner derivative missing",
                 lambda g, kids, x: kids[0].xreplace({g["U"]: g["u"]}),
                 lambda n: f"{_where(n)}: the chain rule needs the factor du/dx = "
                           f"{_text(n.children[1].result)}")]
    if r is R.POWER_RULE:
        return [("exponent not lowered", lambda g, kids, x: g["n"] * x ** g["n"],
                 lambda n: f"{_where(n)} = {_text(n.result)}: the exponent drops by one"),
                ("coefficient not brought down", lambda g, kids, x: x ** (g["n"] - 1),
                 lambda n: f"{_where(n)} = {_text(n.result)}: the factor n = "
                           f"{_text(n.given['n'])} comes down")]
    if r is R.PRODUCT_RULE:
        return [("product rule term missing", lambda g, kids, x: kids[0] * g["g"],
                 lambda n: f"{_where(n)}: the term f g' = {_text(n.given['f'] * n.children[1].result)}"
                           " is missing"),
                ("product rule term missing", lambda g, kids, x: g["f"] * kids[1],
                 lambda n: f"{_where(n)}: the term f' g = {_text(n.children[0].result * n.given['g'])}"
                           " is missing"),
                ("product of derivatives", lambda g, kids, x: kids[0] * kids[1],
                 lambda n: f"{_where(n)}: (f g)' = f' g + f g', not f' g'")]
    if r is R.QUOTIENT_RULE:
        return [("quotient rule sign",
                 lambda g, kids, x: (g["f"] * kids[1] - kids[0] * g["g"]) / g["g"] ** 2,
                 lambda n: f"{_where(n)}: the numerator is f' g - f g', not f g' - f' g"),
                ("quotient denominator not squared",
                 lambda g, kids, x: (kids[0] * g["g"] - g["f"] * kids[1]) / g["g"],
                 lambda n: f"{_where(n)}: the denominator is g² = {_text(n.given['g'] ** 2)}")]
    if r is R.EXP_BASE_RULE:
        return [("ln a missing", lambda g, kids, x: g["a"] ** x,
                 lambda n: f"{_where(n)}: (aˣ)' = aˣ ln a"),
                ("power rule on an exponential", lambda g, kids, x: x * g["a"] ** (x - 1),
                 lambda n: f"{_where(n)}: the variable is the exponent, so (aˣ)' = aˣ ln a")]
    if r is R.TRIG_RULE and str(node.given["function"]) == "cos":
        from sympy import sin

        return [("cosine sign", lambda g, kids, x: sin(x),
                 lambda n: f"{_where(n)}: (cos x)' = -sin x")]
    return []


def slip_variants(tree: DiffNode, limit: int = 40) -> Iterator[DerivativeSlip]:
    """Each slip at each node, with the whole derivative it leads to (at most ``limit``)."""
    count = 0
    for node in tree.walk():
        for name, law, detail in _laws(node):
            if count >= limit:
                return
            count += 1
            try:
                result = recompute(tree, {id(node): law})
            except (TypeError, ValueError, ZeroDivisionError):
                continue
            yield DerivativeSlip(name, detail(node), result)


def name_slip(tree: DiffNode, got: Any) -> DerivativeSlip | None:
    """The slip whose whole derivative equals ``got`` (numerically), if any."""
    from .equality import numeric_equal

    for slip in slip_variants(tree):
        if slip.result == tree.result:
            continue
        ok, _ = numeric_equal(slip.result, got, count=4)
        if ok is True:
            return slip
    return None

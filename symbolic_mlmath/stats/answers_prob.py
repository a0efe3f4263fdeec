"""Answer checks for probabilities, distribution values, moments and data summaries.

A learner may write a probability as a fraction (``3/8``), a decimal rounded to the places
written (``0.375``, ``0.38``) or a percentage (``37.5%``). A wrong answer is compared with
the usual slips of the task (the complement forgotten, an endpoint included, n instead of
n - 1, the variance given for the standard deviation, ...) and the slip is named.
:func:`compare_distribution` judges an answer such as ``Binomial(10, 0.3)`` or
``N(0, 1)`` by its family and parameters, and names a variance written where the normal's
standard deviation belongs.

Examples
========
>>> from sympy import Rational
>>> check_number(Rational(3, 8), "37.5%").correct
True
>>> check_number(Rational(3, 8), "0.38").method
'decimal'
>>> v = check_number(Rational(3, 8), "5/8", {"the complement, 1 - P": Rational(5, 8)})
>>> v.correct, v.feedback
(False, 'Not correct: 5/8 is the complement, 1 - P; the answer is 3/8.')
>>> compare_distribution(parse_dist("binomial(10, 0.3)"), "Bin(n=10, p=3/10)").correct
True
>>> compare_distribution(parse_dist("normal(0, 2)"), "N(0, 4)").feedback
'Not correct: N(0, 4) reads 4 as the standard deviation; 4 is the variance, so write normal(0, 2).'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from symbolic_mlmath.core.answers import compare
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.verdict import Verdict

__all__ = ["check_number", "compare_distribution", "parse_dist", "read_number_answer"]

_PERCENT = re.compile(r"^\s*([-+]?\d*\.?\d+)\s*%\s*$")


def parse_dist(text: Any) -> Any:
    """A distribution read from learner text (see :func:`~.distributions.parse_distribution`)."""
    from .distributions import parse_distribution

    return parse_distribution(text, name="answer")


def read_number_answer(answer: Any) -> tuple[Any, Any]:
    """``(value, text for the decimal rung)``: percentages become fractions of 1.

    Examples
    ========
    >>> read_number_answer("12.5%")
    (1/8, '0.125')
    >>> read_number_answer("1/3")
    (1/3, '1/3')
    """
    from symbolic_mlmath.text import parse_answer

    if isinstance(answer, str):
        m = _PERCENT.match(answer)
        if m:
            from .data import read_data

            value = read_data([m.group(1)], name="answer")[0] / 100
            frac = m.group(1).partition(".")[2]
            places = len(frac) + 2
            text = f"{value.evalf(places + 20):.{places}f}" if places else str(value)
            return value, text
    return parse_answer(answer, name="answer"), answer


def check_number(expected: Any, answer: Any, slips: Mapping[str, Any] | None = None,
                 **tol: Any) -> Verdict:
    """Judge a number (fraction, rounded decimal, percentage); name a matching slip."""
    from sympy import Basic

    got, text = read_number_answer(answer)
    if isinstance(got, list | tuple) and len(got) == 1:
        got = got[0]
    if not isinstance(got, Basic) or getattr(got, "is_Matrix", False):
        raise InputError("expected one number", name="answer")
    v = compare(expected, got, text=text, **tol)
    if v.correct is not False:
        return v
    if isinstance(answer, str) and _PERCENT.match(answer.strip() + "%") and 1 < abs(got) <= 100 \
            and compare(expected, got / 100, text=read_number_answer(answer.strip() + "%")[1]
                        ).correct:
        return Verdict(False, v.method, f"Not correct as written: {answer.strip()} looks like a "
                       f"percentage; write {answer.strip()}% or {expected}.",
                       expected=expected, got=got)
    for name, value in (slips or {}).items():
        if value is None or value == expected:
            continue
        if compare(value, got, text=text).correct:
            shown = answer.strip() if isinstance(answer, str) else _t(got)
            return Verdict(False, v.method, f"Not correct: {shown} is {name}; the answer "
                           f"is {_t(expected)}.", expected=expected, got=got,
                           details=(str(name),))
    return v


def _t(x: Any) -> str:
    from symbolic_mlmath.render.formats import text_of

    return text_of(x)


def compare_distribution(expected: Any, answer: Any,
                         slips: Mapping[str, Any] | None = None) -> Verdict:
    """Judge a distribution answer by its family and parameters (exactly); ``slips`` maps a
    named slip to the distribution it gives (e.g. σ for σ/√n), checked first when wrong.

    The answer is a family name with its parameters in the package's order (``normal(mu,
    sigma)`` with the standard deviation, ``exponential(rate)``, ``gamma(shape, scale)``,
    ``binomial(n, p)``, ``poisson(lambda)``, ``beta(a, b)``); named parameters
    (``N(mu=0, variance=4)``, ``gamma(shape=2, rate=3)``) and the short names (``N``,
    ``Bin``, ``Exp``, ``Pois``) are read too.

    >>> compare_distribution(parse_dist("gamma(2, 1/3)"), "gamma(2, 3)").feedback
    'Not correct: gamma(k, theta) takes the scale; 3 is the rate (1/scale). Write gamma(2, 1/3).'
    """
    try:
        got = parse_dist(answer)
    except InputError as exc:
        return Verdict(False, "structural", f"Not correct: could not read a distribution "
                       f"({exc}).", expected=expected, got=answer)
    shown = str(answer).strip()
    if got.family != expected.family and {got.family, expected.family} != {"bernoulli", "coin"}:
        return Verdict(False, "structural", f"Not correct: {shown} is a {got.title} "
                       f"distribution; expected {expected.title.lower()} ({expected}).",
                       expected=expected, got=got)
    if got.params == expected.params and got.table == expected.table:
        return Verdict(True, "exact", f"Correct: {expected}.", expected=expected, got=got)
    for name, value in (slips or {}).items():
        if value.family == got.family and value.params == got.params:
            return Verdict(False, "exact", f"Not correct: {shown} uses {name}; the answer is "
                           f"{expected}.", expected=expected, got=got, details=(str(name),))
    if expected.family == "gamma" and got.params[0] == expected.params[0] \
            and got.params[1] == 1 / expected.params[1]:
        return Verdict(False, "exact", f"Not correct: gamma(k, theta) takes the scale; "
                       f"{got.params[1]} is the rate (1/scale). Write {expected}.",
                       expected=expected, got=got, details=("rate for scale",))
    if expected.family == "normal" and got.params[0] == expected.params[0] \
            and got.params[1] == expected.params[1] ** 2:
        return Verdict(False, "exact", f"Not correct: {shown} reads {got.params[1]} as the "
                       f"standard deviation; {got.params[1]} is the variance, so write "
                       f"{expected}.", expected=expected, got=got,
                       details=("variance for standard deviation",))
    if expected.family == "exponential" and got.params[0] == 1 / expected.params[0]:
        return Verdict(False, "exact", f"Not correct: exponential(lam) takes the rate; "
                       f"{got.params[0]} is the mean (scale). Write {expected}.",
                       expected=expected, got=got, details=("scale for rate",))
    if len(got.params) == 2 and got.params[::-1] == expected.params:
        return Verdict(False, "exact", f"Not correct: the parameters are swapped; expected "
                       f"{expected}.", expected=expected, got=got, details=("swapped",))
    wrong = [f"{n} should be {e}, not {g}" for n, e, g in
             zip(expected.names, expected.params, got.params, strict=False) if e != g]
    return Verdict(False, "exact", "Not correct: " + "; ".join(wrong) + f" (the answer is "
                   f"{expected}).", expected=expected, got=got)

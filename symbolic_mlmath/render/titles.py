"""Titles that carry math: words and SymPy objects, printed by each format's learner printer.

A :class:`Title` is a ``str`` (its plain learner text, for messages, anchors and page
titles) that keeps its parts, so a heading shows ``x²·sin(x)`` in text and
``$x^{2} \\cdot \\sin{\\left(x \\right)}$`` in LaTeX and Markdown, never ``x**2*sin(x)``.

Examples
========
>>> from sympy import Symbol, sin
>>> from symbolic_mlmath.render.formats import MARKDOWN, TEXT
>>> x = Symbol("x")
>>> t = Title("Derivative of ", x**2 * sin(x), " with respect to ", x)
>>> str(t)
'Derivative of x²·sin(x) with respect to x'
>>> title_in(TEXT, t) == t, title_in(MARKDOWN, "a_b")
(True, 'a\\\\_b')
>>> title_in(MARKDOWN, t)
'Derivative of $x^{2} \\\\sin{\\\\left(x \\\\right)}$ with respect to $x$'
"""

from __future__ import annotations

from typing import Any

__all__ = ["Title", "heading_markdown", "title_in", "titled"]


class Title(str):
    """Words and SymPy objects; the string value is the plain learner text."""

    parts: tuple

    def __new__(cls, *parts: Any, variables: Any = ()) -> Title:
        from symbolic_mlmath.render.printers import variable_order
        from symbolic_mlmath.render.unicode import text_line

        with variable_order(variables or ()):
            text = "".join(p if isinstance(p, str) else text_line(p) for p in parts)
        self = super().__new__(cls, text)
        self.parts = parts
        return self


def title_in(f: Any, title: str) -> str:
    """``title`` in format ``f``: words as prose, objects as inline math."""
    parts = getattr(title, "parts", None)
    if not parts:
        return f.prose(title)
    return "".join(f.prose(p) if isinstance(p, str) else f.m(p) for p in parts)


def heading_markdown(title: str) -> str:
    """A Markdown heading for ``title`` (a plain title is returned as it is)."""
    from symbolic_mlmath.render.formats import MARKDOWN

    return title_in(MARKDOWN, title) if getattr(title, "parts", None) else title


def titled(words: str, obj: Any, *tail: Any, variables: Any = (), limit: int = 60) -> Title:
    """``words of obj`` followed by ``tail`` (``obj`` left out when it prints longer than
    ``limit`` characters: a heading stays one line), in the order of ``variables``.

    >>> from sympy import Symbol
    >>> x = Symbol("x1")
    >>> str(titled("Derivative", x**3, " with respect to ", x))
    'Derivative of x₁³ with respect to x₁'
    """
    from symbolic_mlmath.render.unicode import text_line

    if obj is None or len(text_line(obj)) > limit:
        return Title(words, *tail, variables=variables)
    return Title(words, " of ", obj, *tail, variables=variables)

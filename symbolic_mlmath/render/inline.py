"""Inline Markdown, read once for every output: math, code, escapes, images, links, bold and
italics, handed to a writer that spells each piece in its own format (HTML, LaTeX).

:func:`split_inline` cuts a line into the pieces nothing else may touch (code, ``$...$`` and
``$$...$$`` math, backslash escapes) and the text between them; :func:`write_inline` then
reads images, links, ``**bold**`` / ``__bold__`` and ``*italics*`` / ``_italics_`` in that
text, and asks an :class:`InlineWriter` for every piece; plain text goes through
``writer.text`` (escaping) exactly once.

Examples
========
>>> split_inline(r"a $x_1$ b \\$ `c`")
[('text', 'a '), ('math', 'x_1'), ('text', ' b '), ('esc', '$'), ('text', ' '), ('code', 'c')]
>>> w = InlineWriter(text=str.upper, strong=("<b>", "</b>"), link=lambda url: ("<", f">{url}"))
>>> write_inline("see **the [note](n.md)** and $x$", w)
'SEE <b>THE <NOTE>n.md</b> AND x'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["InlineWriter", "split_inline", "write_inline"]

_INLINE = re.compile(
    r"(?P<code>`+)(?P<codebody>.+?)(?P=code)"
    r"|\$\$(?P<dmath>.+?)\$\$"
    r"|\$(?P<math>(?:\\.|[^$\\])+?)\$"
    r"|\\(?P<esc>[\\`*_{}\[\]()#+\-.!$<>|~\"'])",
    re.S,
)
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_EM = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\*)|(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?!\w)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)(?:\s+\"([^\"]*)\")?\)")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_MARKERS = dict.fromkeys(range(3), "\ufffd")
_PIECE = re.compile(r"\x00(\d+)\x00|\x01(\d+)\x01|\x02(\d+)\x02")


def split_inline(text: str) -> list[tuple[str, str]]:
    """Split a Markdown line into ``(kind, value)`` parts: text, math, dmath, code, esc."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            out.append(("text", text[pos:m.start()]))
        if m.group("code"):
            out.append(("code", m.group("codebody").strip()))
        elif m.group("dmath") is not None:
            out.append(("dmath", m.group("dmath").strip()))
        elif m.group("math") is not None:
            out.append(("math", m.group("math").strip()))
        else:
            out.append(("esc", m.group("esc")))
        pos = m.end()
    if pos < len(text):
        out.append(("text", text[pos:]))
    return out


def _same(s: str) -> str:
    return s


@dataclass(frozen=True)
class InlineWriter:
    """How one output format spells each inline piece (plain text comes in unescaped).

    ``image(alt, src, title)`` and ``link(url) -> (open, close)`` get the raw Markdown
    (``title`` may be ``None``); the label of a link is written as inline text between
    ``open`` and ``close``."""

    text: Callable[[str], str] = _same
    esc: Callable[[str], str] | None = None  # default: the character as text
    code: Callable[[str], str] = _same
    math: Callable[[str], str] = _same
    dmath: Callable[[str], str] = _same
    image: Callable[[str, str, str | None], str] = lambda alt, src, title: alt
    link: Callable[[str], tuple[str, str]] = lambda url: ("", "")
    strong: tuple[str, str] = ("", "")
    em: tuple[str, str] = ("", "")


def write_inline(text: str, writer: InlineWriter) -> str:
    """One line (or paragraph) of Markdown written by ``writer``."""
    pieces: list[str] = []  # finished output, kept out of reach of the other rules
    marks: list[str] = []  # the opening and closing strings of bold, italics, links

    def hold(s: str) -> str:
        pieces.append(s)
        return f"\x00{len(pieces) - 1}\x00"

    def span(pair: tuple[str, str], inner: str) -> str:
        marks.extend(pair)
        return f"\x01{len(marks) - 2}\x01{inner}\x02{len(marks) - 1}\x02"

    text = text.translate(_MARKERS)  # the characters used as markers below
    esc = writer.esc or writer.text
    spell = {"esc": esc, "code": writer.code, "math": writer.math, "dmath": writer.dmath}
    s = "".join(value if kind == "text" else hold(spell[kind](value))
                for kind, value in split_inline(text))
    s = _IMAGE.sub(lambda m: hold(writer.image(m.group(1), m.group(2), m.group(3))), s)

    def spans(s: str) -> str:  # bold and italics in s, its plain text written
        s = _STRONG.sub(lambda m: span(writer.strong, m.group(1) or m.group(2)), s)
        s = _EM.sub(lambda m: span(writer.em, m.group(1) or m.group(2)), s)
        out, pos = [], 0
        for m in _PIECE.finditer(s):
            out.append(writer.text(s[pos:m.start()]))
            out.append(m.group(0) if m.group(1) else marks[int(m.group(2) or m.group(3))])
            pos = m.end()
        out.append(writer.text(s[pos:]))
        return "".join(out)

    def link(m: re.Match) -> str:  # a link is one piece: nothing spans its ends
        start, end = writer.link(m.group(2))
        return hold(start + spans(m.group(1)) + end)

    s = spans(_LINK.sub(link, s))
    while True:  # a piece may hold earlier ones (math in an image's alt text)
        done, s = s, re.sub(r"\x00(\d+)\x00", lambda m: pieces[int(m.group(1))], s)
        if s == done:
            return s

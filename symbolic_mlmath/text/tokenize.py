"""Normalising and tokenizing learner text (internal to ``parse``).

Normalisation: superscripts become powers (``x²`` -> ``x^(2)``, ``x⁻¹`` -> ``x^(-1)``), then
NFKC (fullwidth forms, ``x₁`` -> ``x1``), then math symbols are mapped (``−·×÷√∞``). Null bytes,
control characters, bidi/zero-width marks and non-ASCII digits (e.g. Arabic-Indic) are refused
with a one-line error; Greek letters become their names (``λ`` -> ``lambda``); any other
non-ASCII letter is refused (no homoglyph can pass as an ASCII name).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from symbolic_mlmath.core.errors import LimitError, ParseError
from symbolic_mlmath.text.limits import get_limits

__all__ = ["Token", "closing_bracket", "normalise", "tokenize"]

#: ``x_{1}`` (a LaTeX-style subscript typed as text) is the name ``x_1``.
_BRACED_SUBSCRIPT = re.compile(r"(?<![A-Za-z0-9_\\])([A-Za-z][A-Za-z0-9]*)_\{([A-Za-z0-9]+)\}")

_SUPERSCRIPTS = {
    "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7",
    "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+",
}  # fmt: skip

_SYMBOLS = {
    "−": "-", "–": "-", "‐": "-", "‑": "-", "·": "*", "⋅": "*", "×": "*", "∗": "*", "•": "*",
    "÷": "/", "∕": "/", "√": " sqrt ", "∞": " oo ", "≠": "!=", "ℯ": "e", "⁄": "/",
    "\u2009": " ", "\u00a0": " ", "\u202f": " ",
}  # fmt: skip

# Greek letters keep their usual names; 'lambda' is a Python keyword but never reaches Python.
_GREEK_FIXES = {"lamda": "lambda", "LAMDA": "Lambda"}

_OPERATORS = ("**", "==", "!=", "<=", ">=", "+", "-", "*", "/", "^", "(", ")", "[", "]", "{",
              "}", ",", ";", "|", "=", "!", "<", ">", "\n")  # fmt: skip


@dataclass(frozen=True)
class Token:
    """One token: kind is NUM, NAME or OP; pos is the 1-based column in the normalised text."""

    kind: str
    text: str
    pos: int


def _describe(ch: str) -> str:
    return f"'{ch}' (U+{ord(ch):04X})" if ch.isprintable() else f"U+{ord(ch):04X}"


def normalise(text: str, name: str) -> str:
    """Normalised text, or a ParseError for characters that have no place in maths input."""
    if "\x00" in text:
        raise ParseError(f"null byte at position {text.index(chr(0)) + 1}", name=name)
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _SUPERSCRIPTS:
            j = i
            while j < len(text) and text[j] in _SUPERSCRIPTS:
                j += 1
            out.append("^(" + "".join(_SUPERSCRIPTS[c] for c in text[i:j]) + ")")
            i = j
            continue
        out.append(ch)
        i += 1
    text = unicodedata.normalize("NFKC", "".join(out))
    text = _BRACED_SUBSCRIPT.sub(r"\1_\2", text)
    result: list[str] = []
    for pos, ch in enumerate(text, 1):
        if ch in _SYMBOLS:
            result.append(_SYMBOLS[ch])
            continue
        if ch in "\t\r\n" or " " <= ch <= "~":
            result.append(ch)
            continue
        cat = unicodedata.category(ch)
        if cat.startswith("C") or cat in ("Zl", "Zp"):
            raise ParseError(
                f"invisible or control character {_describe(ch)} at position {pos}", name=name
            )
        if cat == "Zs":
            result.append(" ")
            continue
        if cat == "Nd":
            raise ParseError(
                f"non-ASCII digit {_describe(ch)} at position {pos}; use the digits 0-9",
                name=name,
            )
        uname = unicodedata.name(ch, "")
        if uname.startswith(("GREEK SMALL LETTER ", "GREEK CAPITAL LETTER ")):
            greek = uname.split("LETTER ", 1)[1]
            if " " not in greek:
                word = greek.lower() if "SMALL" in uname else greek.capitalize()
                word = _GREEK_FIXES.get(word, word)
                result.append(f"\x01{word}\x02")  # marks a Greek-letter name
                continue
        raise ParseError(f"unexpected character {_describe(ch)} at position {pos}", name=name)
    return "".join(result)


def tokenize(text: str, name: str, *, keep_newlines: bool = False,
             relations: bool = False) -> list[Token]:
    """Tokens of normalised text; brackets are checked for balance and nesting depth."""
    max_depth = get_limits().max_depth
    max_digits = get_limits().max_literal_digits
    tokens: list[Token] = []
    stack: list[tuple[str, int]] = []
    pairs = {")": "(", "]": "[", "}": "{"}
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        pos = i + 1
        if ch in " \t\r" or (ch == "\n" and (not keep_newlines or stack)):
            i += 1
            continue
        if ch.isascii() and (ch.isdigit() or (ch == "." and i + 1 < n and text[i + 1].isdigit())):
            j = i
            while j < n and text[j].isascii() and text[j].isdigit():
                j += 1
            if j < n and text[j] == ".":
                j += 1
                while j < n and text[j].isascii() and text[j].isdigit():
                    j += 1
            if j < n and text[j] in "eE":  # exponent only when digits follow: 2e-3, not 2e
                k = j + 1
                if k < n and text[k] in "+-":
                    k += 1
                if k < n and text[k].isascii() and text[k].isdigit():
                    while k < n and text[k].isascii() and text[k].isdigit():
                        k += 1
                    j = k
            literal = text[i:j]
            if sum(c.isdigit() for c in literal) > max_digits:
                raise LimitError(
                    f"number at position {pos} has more than {max_digits} digits", name=name
                )
            tokens.append(Token("NUM", literal, pos))
            i = j
            continue
        if ch == "\x01":  # Greek letter name, may take a digit / _suffix: θ1, θ_1
            j = text.index("\x02", i)
            word = text[i + 1 : j]
            j += 1
            k = j
            while k < n and text[k].isascii() and (text[k].isdigit() or text[k] == "_"):
                k += 1
            if k > j and text[j] == "_":
                while k < n and text[k].isascii() and text[k].isalnum():
                    k += 1
            tokens.append(Token("NAME", word + text[j:k], pos))
            i = k
            continue
        if ch.isascii() and (ch.isalpha() or ch == "_"):
            j = i
            while j < n and text[j].isascii() and (text[j].isalnum() or text[j] == "_"):
                j += 1
            word = text[i:j]
            if "__" in word:
                raise ParseError(f"'{word}' is not allowed", name=name)
            tokens.append(Token("NAME", word, pos))
            i = j
            continue
        for op in _OPERATORS:
            if text.startswith(op, i):
                break
        else:
            raise ParseError(f"unexpected character {_describe(ch)} at position {pos}", name=name)
        if op in ("<", ">", "<=", ">=", "!=") and not relations:
            raise ParseError(f"'{op}' (inequalities) is not supported here", name=name)
        if op in "([{":
            stack.append((op, pos))
            if len(stack) > max_depth:
                raise LimitError(f"nesting deeper than {max_depth} levels", name=name)
        elif op in ")]}":
            if not stack:
                raise ParseError(f"unbalanced '{op}' at position {pos}", name=name)
            opener, where = stack.pop()
            if opener != pairs[op]:
                raise ParseError(
                    f"'{opener}' at position {where} is closed by '{op}' at position {pos}",
                    name=name,
                )
        tokens.append(Token("OP", "**" if op == "^" else op, pos))
        i += len(op)
    if stack:
        opener, where = stack[-1]
        raise ParseError(f"unbalanced '{opener}' at position {where}", name=name)
    return tokens


def closing_bracket(text: str, k: int, *, name: str = "line") -> int:
    """The index of the bracket that closes the ``(`` or ``[`` at ``text[k]``.

    >>> closing_bracket("d/dx(x*(x+1)) + 2", 4)
    12
    >>> closing_bracket("[1, (2]", 4)
    Traceback (most recent call last):
    ...
    symbolic_mlmath.core.errors.ParseError: line: unbalanced '('
    """
    open_ = text[k]
    close = ")" if open_ == "(" else "]"
    depth = 0
    for n in range(k, len(text)):
        if text[n] == open_:
            depth += 1
        elif text[n] == close:
            depth -= 1
            if depth == 0:
                return n
    raise ParseError(f"unbalanced '{open_}'", name=name)

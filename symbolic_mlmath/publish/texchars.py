"""Unicode a template wrote as text, spelled for pdflatex: Greek letters, sub- and
superscripts, modifier letters and combining accents (``x̄``, ``p̂``).

``publish.documents.unicode_preamble`` declares every non-ASCII character of a document;
:func:`char_tex` gives the declaration of a character its table does not list, and
:func:`accents_tex` rewrites a letter with a combining accent (which a declaration cannot
reach) before that.

Examples
========
>>> char_tex("η"), char_tex("Ω"), char_tex("Β")
('\\\\ensuremath{\\\\eta}', '\\\\ensuremath{\\\\Omega}', '\\\\ensuremath{\\\\mathrm{B}}')
>>> char_tex("₀"), char_tex("ᵀ")
('\\\\ensuremath{_{0}}', '\\\\ensuremath{^{T}}')
>>> accents_tex("x̄ = 3, p̂")
'\\\\ensuremath{\\\\bar{x}} = 3, \\\\ensuremath{\\\\hat{p}}'
>>> char_tex("☃") is None
True
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["accents_tex", "char_tex"]

_ACCENTS = {"\u0302": "hat", "\u0303": "tilde", "\u0304": "bar", "\u0305": "bar",
            "\u0307": "dot", "\u0308": "ddot", "\u20d7": "vec"}
_ACCENTED = re.compile("([^\\s\\\\{}$])([" + "".join(_ACCENTS) + "])")
#: Capital Greek letters with their own glyph (the others look like Latin letters).
_GREEK_CAPITALS = {"Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi",
                   "Psi", "Omega"}
_GREEK_NAMES = {"lamda": "lambda", "final sigma": "varsigma", "omicron": "o"}
_SCRIPTS = {"SUPERSCRIPT": "^", "SUBSCRIPT": "_", "MODIFIER LETTER": "^"}
_SCRIPT_CHARS = {"ZERO": "0", "ONE": "1", "TWO": "2", "THREE": "3", "FOUR": "4", "FIVE": "5",
                 "SIX": "6", "SEVEN": "7", "EIGHT": "8", "NINE": "9", "MINUS": "-", "PLUS": "+",
                 "EQUALS SIGN": "=", "LEFT PARENTHESIS": "(", "RIGHT PARENTHESIS": ")"}
_OTHER = {"ℓ": r"\ell", "ℝ": r"\mathbb{R}", "ℕ": r"\mathbb{N}", "ℤ": r"\mathbb{Z}",
          "∀": r"\forall", "∃": r"\exists", "∉": r"\notin", "⊂": r"\subset", "⊆": r"\subseteq",
          "∩": r"\cap", "∪": r"\cup", "∧": r"\wedge", "∨": r"\vee", "¬": r"\neg",
          "⟨": r"\langle", "⟩": r"\rangle", "‖": r"\|", "⌈": r"\lceil", "⌉": r"\rceil",
          "⌊": r"\lfloor", "⌋": r"\rfloor", "∘": r"\circ", "⊙": r"\odot", "⊗": r"\otimes",
          "↔": r"\leftrightarrow", "⟶": r"\longrightarrow", "∝": r"\propto", "≡": r"\equiv",
          "∼": r"\sim", "≅": r"\cong", "≪": r"\ll", "≫": r"\gg", "∓": r"\mp", "∫": r"\int",
          "∏": r"\prod", "ŷ": r"\hat{y}", "ĉ": r"\hat{c}"}


def _script(name: str) -> str | None:
    for head, mark in _SCRIPTS.items():
        if not name.startswith(head + " "):
            continue
        rest = name[len(head) + 1:]
        if rest in _SCRIPT_CHARS:
            return f"{mark}{{{_SCRIPT_CHARS[rest]}}}"
        m = re.fullmatch(r"(?:LATIN )?(SMALL|CAPITAL) (?:LETTER )?([A-Z])", rest)
        if m:
            letter = m.group(2).lower() if m.group(1) == "SMALL" else m.group(2)
            return f"{mark}{{{letter}}}"
    m = re.fullmatch(r"LATIN SUBSCRIPT SMALL LETTER ([A-Z])", name)
    if m:
        return f"_{{{m.group(1).lower()}}}"
    return None


def _greek(name: str) -> str | None:
    m = re.fullmatch(r"GREEK (SMALL|CAPITAL) LETTER ([A-Z ]+)", name)
    if not m:
        return None
    word = m.group(2).lower()
    word = _GREEK_NAMES.get(word, word)
    if " " in word:
        return None
    if m.group(1) == "SMALL":
        return "o" if word == "o" else "\\" + word
    cap = word.capitalize()
    if cap in _GREEK_CAPITALS:
        return "\\" + cap
    return r"\mathrm{" + unicodedata.lookup(f"GREEK CAPITAL LETTER {m.group(2)}").translate(
        str.maketrans("ΑΒΕΖΗΙΚΜΝΟΡΤΧ", "ABEZHIKMNOPTX")) + "}"


def char_tex(ch: str) -> str | None:
    """The LaTeX for one character pdflatex does not know, or None when there is none."""
    if ch in _OTHER:
        return rf"\ensuremath{{{_OTHER[ch]}}}"
    name = unicodedata.name(ch, "")
    tex = _greek(name) or _script(name)
    return rf"\ensuremath{{{tex}}}" if tex else None


def accents_tex(doc: str) -> str:
    """Rewrite each letter with a combining accent as math: ``x̄`` -> ``\\bar{x}``."""
    return _ACCENTED.sub(lambda m: rf"\ensuremath{{\{_ACCENTS[m.group(2)]}{{{m.group(1)}}}}}",
                         doc)

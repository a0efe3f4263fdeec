"""How shown objects look: matrices with a bar, marked rows and boxed pivots; systems;
solutions in parametric form; lists, spans and roots. LaTeX and unicode text.

Examples
========
>>> from sympy import ImmutableMatrix, symbols
>>> from symbolic_mlmath.render.displays import MatrixStyle, Shown
>>> M = ImmutableMatrix([[1, 1, 10], [0, 1, 2]])
>>> lines = text_matrix(M, MatrixStyle(bar=2, rows=frozenset({1}),
...                                   pivots=frozenset({(0, 0), (1, 1)})))
>>> print("\\n".join(x.rstrip() for x in lines))
⎡[1]   1   │  10⎤
⎣ 0   [1]  │   2⎦ ◀
>>> tex_matrix(M, MatrixStyle(bar=2), lambda t: t)
'\\\\left[\\\\begin{array}{cc|c}1 & 1 & 10\\\\\\\\0 & 1 & 2\\\\end{array}\\\\right]'
>>> a, b = symbols("a b")
>>> text_view(Shown({a: 10 - b, b: b}, view="solution", extra={"variables": (a, b)}))
'a = 10 - t, b = t (t ∈ ℝ)'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from symbolic_mlmath.render.displays import Display, MatrixStyle, Shown
from symbolic_mlmath.render.printers import latex_line
from symbolic_mlmath.render.unicode import pretty_printer, subscript, symbol_text, text_line

__all__ = [
    "augmented",
    "parametric",
    "tex_display",
    "tex_matrix",
    "tex_view",
    "text_display",
    "text_matrix",
    "text_view",
    "words",
]

_AUGMENT: ContextVar[tuple | None] = ContextVar("symbolic_mlmath_augment", default=None)
_MAX_WIDTH = 110


@contextmanager
def augmented(cols: int, left: int) -> Iterator[None]:
    """Inside the block, matrices with ``cols`` columns get a bar after column ``left``."""
    token = _AUGMENT.set((int(cols), int(left)))
    try:
        yield
    finally:
        _AUGMENT.reset(token)


def style_of(M: Any, style: MatrixStyle | None) -> MatrixStyle:
    """``style`` completed with the augmented bar of the current context."""
    style = style or MatrixStyle()
    aug = _AUGMENT.get()
    if style.bar is None and aug is not None and M.cols == aug[0] and 0 < aug[1] < M.cols:
        style = MatrixStyle(aug[1], style.rows, style.pivots)
    return style


def _is_matrix(obj: Any) -> bool:
    from sympy import MatrixBase

    return isinstance(obj, MatrixBase)


def words(obj: Any) -> str:
    """A word result (``'unique'``, True) as the phrase a learner reads."""
    from sympy.core.symbol import Str
    from sympy.logic.boolalg import BooleanFalse, BooleanTrue

    from symbolic_mlmath.render.labels import label

    if isinstance(obj, Str):
        obj = obj.name
    if isinstance(obj, bool | BooleanTrue | BooleanFalse):
        return "yes" if bool(obj) else "no"
    return label(str(obj))


# ------------------------------------------------------------------ solutions
def parametric(solution: Any, variables: Any = ()) -> dict:
    """A system's solution with free unknowns as parameters.

    ``solution`` maps unknowns to values (a free unknown maps to itself) or is a tuple
    of equations ``x = value`` (a free unknown may be missing or ``True``). Returns
    ``{"values": [(x, value in parameters)], "params": [t...], "point": [...],
    "directions": [[...] per parameter], "variables": [...]}``.

    >>> from sympy import symbols
    >>> a, b = symbols("a b")
    >>> p = parametric({a: 10 - b, b: b}, (a, b))
    >>> p["values"], p["point"], p["directions"]
    ([(a, 10 - t), (b, t)], [10, 0], [[-1, 1]])
    """
    from sympy import Eq, Symbol, diff

    if isinstance(solution, dict):
        sol = dict(solution)
    else:
        sol = {e.lhs: e.rhs for e in solution if isinstance(e, Eq)}
    xs = list(variables) or list(sol)
    for x in sol:
        if x not in xs:
            xs.append(x)
    free = [x for x in xs if x not in sol or sol[x] == x]
    names = ["t"] if len(free) == 1 else (["s", "t"] if len(free) == 2 else
                                          [f"t{k + 1}" for k in range(len(free))])
    params = [Symbol(n) for n in names]
    sub = dict(zip(free, params, strict=True))
    values = [(x, sub[x] if x in sub else sol[x].xreplace(sub)) for x in xs]
    point = [v.xreplace(dict.fromkeys(params, 0)) for _, v in values]
    directions = [[diff(v, t) for _, v in values] for t in params]
    return {"values": values, "params": params, "point": point, "directions": directions,
            "variables": xs}


def _solution_parts(s: Shown) -> dict | None:
    obj = s.obj
    if isinstance(obj, dict) and not obj:
        return None
    return parametric(obj, s.extra.get("variables", ()))


# ------------------------------------------------------------------ LaTeX
def det_parts(obj: Any) -> tuple | None:
    """``(c, M)`` for ``det M`` or ``c·det M`` of an explicit matrix (else None)."""
    from sympy import Determinant, MatrixBase, Mul

    if isinstance(obj, Determinant) and isinstance(obj.arg, MatrixBase):
        return 1, obj.arg
    if isinstance(obj, Mul) and len(obj.args) == 2 and isinstance(obj.args[1], Determinant) \
            and isinstance(obj.args[1].arg, MatrixBase) and obj.args[0].is_Number:
        return obj.args[0], obj.args[1].arg
    return None


def tex_matrix(M: Any, style: MatrixStyle | None, hl: Callable[[str], str],
               delim: str = "b") -> str:
    """A matrix as LaTeX: bar, highlighted rows, boxed pivots, spaced rows of fractions;
    ``delim="v"`` writes it as a determinant."""
    style = style_of(M, style)
    frac = False
    rows = []
    for i in range(M.rows):
        cells = []
        for j in range(M.cols):
            t = latex_line(M[i, j])
            frac = frac or r"\frac" in t
            if (i, j) in style.pivots:
                t = rf"\boxed{{\textstyle {t}}}"
            if i in style.rows:
                t = hl(t)
            cells.append(t)
        rows.append(" & ".join(cells))
    sep = r"\\[4pt]" if frac else r"\\"
    body = sep.join(rows)
    if delim == "v":
        return rf"\begin{{vmatrix}}{body}\end{{vmatrix}}"
    if style.bar is not None:
        spec = "c" * style.bar + "|" + "c" * (M.cols - style.bar)
        return rf"\left[\begin{{array}}{{{spec}}}{body}\end{{array}}\right]"
    return rf"\begin{{bmatrix}}{body}\end{{bmatrix}}"


def _tex_items(items: Any, hl: Callable[[str], str]) -> list[str]:
    return [tex_view(x if isinstance(x, Shown) else Shown(x), hl) for x in items]


def tex_view(s: Shown, hl: Callable[[str], str] = lambda t: t) -> str:
    """One shown object as LaTeX."""
    obj, view = s.obj, s.view
    if view == "words" or isinstance(obj, str | bool):
        return r"\text{%s}" % words(obj).replace("_", r"\_")
    if view == "system":
        rows = [rf"{latex_line(e.lhs)} &= {latex_line(e.rhs)}" for e in obj]
        return r"\left\{\begin{aligned}" + r"\\".join(rows) + r"\end{aligned}\right."
    if view == "solution":
        parts = _solution_parts(s)
        if parts is None:
            return r"\text{no solution}"
        eqs = [f"{latex_line(x)} = {latex_line(v)}" for x, v in parts["values"]]
        text = r",\ ".join(eqs)
        if parts["params"]:
            text += r",\quad " + ", ".join(latex_line(t) for t in parts["params"]) \
                + r" \in \mathbb{R}"
            if not s.extra.get("inline"):
                from sympy import ImmutableMatrix

                xs = ImmutableMatrix(parts["variables"])
                vec = tex_matrix(ImmutableMatrix(parts["point"]), None, hl)
                for t, d in zip(parts["params"], parts["directions"], strict=True):
                    vec += f" + {latex_line(t)}" + tex_matrix(ImmutableMatrix(d), None, hl)
                text += r",\quad\text{that is}\quad " + tex_matrix(xs, None, hl) + " = " + vec
        return text
    if view == "list":
        return r",\ ".join(_tex_items(obj, hl)) if len(obj) else r"\text{none}"
    if view == "span":
        if not len(obj):
            return r"\{\mathbf{0}\}"
        return r"\operatorname{span}\left\{" + ", ".join(_tex_items(obj, hl)) + r"\right\}"
    if view == "scalar":  # a 1x1 matrix in a one-variable method: its entry
        return latex_line(obj[0]) if _is_matrix(obj) and obj.shape == (1, 1) else latex_line(obj)
    if view == "roots":
        var = s.extra.get("variable")
        name = latex_line(var) if var is not None else "x"
        vals = list(obj)
        if len(vals) == 1:
            return f"{name} = {latex_line(vals[0])}"
        return r",\ ".join(f"{name}_{{{k + 1}}} = {latex_line(v)}" for k, v in enumerate(vals))
    if _is_matrix(obj):
        return tex_matrix(obj, s.style, hl)
    det = det_parts(obj)
    if det is not None:
        c, M = det
        head = "" if c == 1 else ("-" if c == -1 else latex_line(c) + " ")
        return head + tex_matrix(M, s.style, hl, delim="v")
    return latex_line(obj)


def tex_display(d: Display, rel: dict, hl: Callable[[str], str] = lambda t: t) -> str:
    """A display chain as LaTeX (no delimiters)."""
    terms = d.terms
    out = [tex_view(terms[0], hl)]
    for r, t in zip(d.rels, terms[1:], strict=True):
        out.append(rel[r][0])
        out.append(tex_view(t, hl))
    body = " ".join(out)
    if d.name is not None:
        body = f"{d.name[0]} = {body}"
    return body


# ------------------------------------------------------------------ text
class _Block:
    """Lines of text with a baseline (the row that lines up with neighbours)."""

    def __init__(self, lines: list[str], baseline: int = 0) -> None:
        width = max((len(x) for x in lines), default=0)
        self.lines = [x.ljust(width) for x in lines] or [""]
        self.baseline = baseline
        self.width = width

    @classmethod
    def join(cls, blocks: list[_Block]) -> _Block:
        above = max(b.baseline for b in blocks)
        below = max(len(b.lines) - b.baseline for b in blocks)
        rows = []
        for k in range(-above, below):
            rows.append("".join(
                (b.lines[b.baseline + k] if 0 <= b.baseline + k < len(b.lines) else " " * b.width)
                for b in blocks))
        return cls([r.rstrip() for r in rows], above)


def text_matrix(M: Any, style: MatrixStyle | None = None, delim: str = "b") -> list[str]:
    """A matrix as lines of text: ``│`` before the right-hand side, ``[p]`` around a
    pivot, ``◀`` after a changed row; ``delim="v"`` writes a determinant."""
    style = style_of(M, style)
    plain = [[text_line(M[i, j]) for j in range(M.cols)] for i in range(M.rows)]
    piv_cols = {j for _, j in style.pivots}
    raw = [max(len(plain[i][j]) for i in range(M.rows)) for j in range(M.cols)]
    lines = []
    for i in range(M.rows):
        parts = []
        for j in range(M.cols):
            c = plain[i][j].rjust(raw[j])
            if j in piv_cols:
                c = f"[{c}]" if (i, j) in style.pivots else f" {c} "
            parts.append(c)
            if style.bar is not None and j == style.bar - 1:
                parts.append("│")
        body = "  ".join(parts)
        if delim == "v":
            left = right = "│"
        elif M.rows == 1:
            left, right = "[", "]"
        else:
            left = "⎡" if i == 0 else ("⎣" if i == M.rows - 1 else "⎢")
            right = "⎤" if i == 0 else ("⎦" if i == M.rows - 1 else "⎥")
        lines.append(f"{left}{body}{right}" + (" ◀" if i in style.rows else ""))
    width = max(len(x) for x in lines)
    return [x.ljust(width) for x in lines]


def _has_2d(obj: Any) -> bool:
    from sympy import Basic, Determinant, MatrixBase

    if isinstance(obj, MatrixBase):
        return True
    return isinstance(obj, Basic) and (obj.has(Determinant) or any(
        isinstance(a, MatrixBase) for a in obj.atoms(MatrixBase)))


def text_view(s: Shown) -> str:
    """One shown object on one line of text."""
    obj, view = s.obj, s.view
    if view == "words" or isinstance(obj, str | bool):
        return words(obj)
    if view == "system":
        return ", ".join(f"{text_line(e.lhs)} = {text_line(e.rhs)}" for e in obj)
    if view == "solution":
        parts = _solution_parts(s)
        if parts is None:
            return "no solution"
        text = ", ".join(f"{text_line(x)} = {text_line(v)}" for x, v in parts["values"])
        if parts["params"]:
            text += f" ({', '.join(text_line(t) for t in parts['params'])} ∈ ℝ)"
        return text
    if view == "list":
        return ", ".join(text_view(x if isinstance(x, Shown) else Shown(x)) for x in obj) \
            if len(obj) else "none"
    if view == "span":
        if not len(obj):
            return "{0}"
        return "span{" + ", ".join(text_line(v) for v in obj) + "}"
    if view == "scalar":
        return text_line(obj[0]) if _is_matrix(obj) and obj.shape == (1, 1) else text_line(obj)
    if view == "roots":
        var = s.extra.get("variable")
        name = text_line(var) if var is not None else "x"
        vals = list(obj)
        if len(vals) == 1:
            return f"{name} = {text_line(vals[0])}"
        return ", ".join(f"{name}{subscript(k + 1)} = {text_line(v)}"
                         for k, v in enumerate(vals))
    return text_line(obj)



def _text_block(s: Shown) -> _Block:
    obj, view = s.obj, s.view
    if view == "" and _is_matrix(obj):
        lines = text_matrix(obj, s.style)
        return _Block(lines, len(lines) // 2)
    if view == "system":
        eqs = [(text_line(e.lhs), text_line(e.rhs)) for e in obj]
        w = max(len(a) for a, _ in eqs)
        lines = [f"{a.rjust(w)} = {b}" for a, b in eqs]
        return _Block(lines, len(lines) // 2)
    if view == "solution" and not s.extra.get("inline"):
        line = text_view(s)
        parts = _solution_parts(s)
        if parts and parts["params"]:
            vec = "(" + ", ".join(text_line(p) for p in parts["point"]) + ")"
            for t, d in zip(parts["params"], parts["directions"], strict=True):
                vec += f" + {text_line(t)}·(" + ", ".join(text_line(x) for x in d) + ")"
            xs = "(" + ", ".join(text_line(x) for x in parts["variables"]) + ")"
            return _Block([line, f"that is {xs} = {vec}"], 0)
        return _Block([line], 0)
    det = det_parts(obj) if view == "" else None
    if det is not None:
        c, M = det
        lines = text_matrix(M, s.style, delim="v")
        if c != 1:
            head = "-" if c == -1 else text_line(c) + "·"
            lines = [(head if k == len(lines) // 2 else " " * len(head)) + x
                     for k, x in enumerate(lines)]
        return _Block(lines, len(lines) // 2)
    if view == "" and _has_2d(obj):
        form = pretty_printer()._print(obj)
        return _Block(form.render(wrap_line=False).split("\n"), form.baseline)
    return _Block([text_view(s)], 0)


def text_display(d: Display, rel: dict) -> str:
    """A display chain as a block of text (stacked when wider than the page)."""
    blocks = [_text_block(t) for t in d.terms]
    pieces: list[_Block] = []
    if d.name is not None:
        pieces += [_Block([d.name[1]]), _Block(["  =  "])]
    pieces.append(blocks[0])
    for r, b in zip(d.rels, blocks[1:], strict=True):
        pieces += [_Block([f"  {rel[r][1]}  "]), b]
    joined = _Block.join(pieces)
    if joined.width <= _MAX_WIDTH:
        return "\n".join(x.rstrip() for x in joined.lines)
    out: list[str] = []
    if d.name is not None:
        out.append(f"{d.name[1]} =")
    out += [x.rstrip() for x in blocks[0].lines]
    for r, b in zip(d.rels, blocks[1:], strict=True):
        out.append(rel[r][1])
        out += [x.rstrip() for x in b.lines]
    return "\n".join(out)


def symbol_name(x: Any) -> str:
    """A symbol as text (``x1`` -> ``x₁``)."""
    return symbol_text(str(x))

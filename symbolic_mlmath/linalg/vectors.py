"""Vectors with steps: linear combinations, dot product, norms, angle, projection.

Each derivation starts from an unevaluated operation (:class:`VecOp`: ``u · v``,
``‖v‖₂``, ``angle(u, v)``, ``proj_v u``), writes out its definition on the
entries, and then does the arithmetic; ``VecOp.doit()`` computes the value, so
every step is checked by value.

Examples
========
>>> from sympy import Matrix
>>> u, v = Matrix([1, 2]), Matrix([3, 4])
>>> derive_dot(u, v).result
11
>>> derive_norm(v, 2).result
5
>>> derive_projection(u, v).result.T
Matrix([[33/25, 44/25]])
"""

from __future__ import annotations

from typing import Any

from sympy import Expr

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.linalg.elimination import as_immutable
from symbolic_mlmath.linalg.rules import LinalgRule

__all__ = [
    "VecOp",
    "derive_angle",
    "derive_dot",
    "derive_norm",
    "derive_projection",
    "derive_vector_add",
    "dot_substep",
    "dot_sum",
    "norm_value",
    "parse_combination",
]


def _vec_text(p: Any, v: Any) -> str:
    return "(" + ", ".join(p._print(x) for x in v) + ")"


class VecOp(Expr):
    """An unevaluated vector operation; ``doit()`` computes it exactly.

    ``VecOp("dot", u, v)`` is u · v, ``VecOp("norm", v, p)`` the p-norm (p = 1, 2
    or oo), ``VecOp("angle", u, v)`` the angle in radians and ``VecOp("proj", u, v)``
    the projection of u onto v (a vector).

    Examples
    ========
    >>> from sympy import Matrix, oo
    >>> VecOp("dot", Matrix([1, 2]), Matrix([3, 4])).doit()
    11
    >>> str(VecOp("norm", Matrix([3, -4]), oo)), VecOp("norm", Matrix([3, -4]), oo).doit()
    ('‖(3, -4)‖∞', 4)
    """

    is_commutative = True

    def __new__(cls, op: str, *args: Any) -> VecOp:
        from sympy.core.symbol import Str
        from sympy.core.sympify import _sympify

        return Expr.__new__(cls, Str(op), *(as_immutable(a) if isinstance(a, list) else _sympify(a)
                                             for a in args))

    @property
    def op(self) -> str:
        """The operation's name: dot, norm, angle or proj."""
        return self.args[0].name

    @property
    def operands(self) -> tuple:
        """The vectors (and the norm's order)."""
        return self.args[1:]

    def doit(self, **hints: Any) -> Any:
        from sympy import Abs, Max, Rational, acos, oo, sqrt

        a = self.operands
        if self.op == "dot":
            return (a[0].T * a[1])[0, 0]
        if self.op == "norm":
            v, p = a
            if p == 1:
                return sum((Abs(x) for x in v), Rational(0))
            if p == oo:
                return Max(*(Abs(x) for x in v))
            return sqrt(sum((x**2 for x in v), Rational(0)))
        if self.op == "angle":
            u, v = a
            d = (u.T * v)[0, 0]
            return acos(d / (sqrt((u.T * u)[0, 0]) * sqrt((v.T * v)[0, 0])))
        if self.op == "proj":
            u, v = a
            return (v * ((u.T * v)[0, 0] / (v.T * v)[0, 0])).as_immutable()
        if self.op == "comb":
            return (a[0] * a[1] + a[2] * a[3]).as_immutable()
        raise ValueError(f"unknown vector operation {self.op}")  # pragma: no cover

    def _comb(self, p: Any, vec: Any, dot: str) -> str:
        a = self.operands
        out = ""
        for c, w in ((a[0], a[1]), (a[2], a[3])):
            if c == 0:
                continue
            sign = "-" if c < 0 else "+"
            mag = "" if abs(c) == 1 else p._print(abs(c)) + dot
            out += f" {sign} {mag}{vec(w)}" if out else f"{'-' if c < 0 else ''}{mag}{vec(w)}"
        return out

    def _sympystr(self, p: Any) -> str:
        a = self.operands
        if self.op == "comb":
            return self._comb(p, lambda w: _vec_text(p, w), "*")
        if self.op == "dot":
            return f"{_vec_text(p, a[0])}·{_vec_text(p, a[1])}"
        if self.op == "norm":
            return f"‖{_vec_text(p, a[0])}‖{_norm_sub(p._print(a[1]))}"
        if self.op == "angle":
            return f"angle({_vec_text(p, a[0])}, {_vec_text(p, a[1])})"
        return f"proj_{_vec_text(p, a[1])}{_vec_text(p, a[0])}"

    def _latex(self, p: Any) -> str:
        a = self.operands
        if self.op == "comb":
            return self._comb(p, p._print, r" \, ")
        if self.op == "dot":
            return rf"{p._print(a[0])} \cdot {p._print(a[1])}"
        if self.op == "norm":
            return rf"\left\lVert {p._print(a[0])} \right\rVert_{{{p._print(a[1])}}}"
        if self.op == "angle":
            return rf"\angle\left({p._print(a[0])}, {p._print(a[1])}\right)"
        return rf"\operatorname{{proj}}_{{{p._print(a[1])}}} {p._print(a[0])}"

    def _pretty(self, p: Any) -> Any:
        from sympy.printing.pretty.stringpict import prettyForm

        a = self.operands
        if self.op == "comb":
            out = None
            for c, w in ((a[0], a[1]), (a[2], a[3])):
                if c == 0:
                    continue
                mag = "" if abs(c) == 1 else f"{abs(c)}·"
                sign = ("-" if c < 0 else "") if out is None else (" - " if c < 0 else " + ")
                piece = prettyForm(*p._print(w).left(sign + mag))
                out = piece if out is None else prettyForm(*out.right(piece))
            return out
        if self.op == "dot":
            left = p._print(a[0])
            return prettyForm(*left.right(" · ", p._print(a[1])))
        if self.op == "norm":
            body = p._print(a[0])
            body = prettyForm(*body.left("‖"))
            return prettyForm(*body.right("‖" + _norm_sub(a[1])))
        if self.op == "angle":
            body = prettyForm(*p._print(a[0]).right(", ", p._print(a[1])))
            return prettyForm(*prettyForm(*body.parens()).left("angle"))
        body = prettyForm(*p._print(a[0]).left("proj_v "))
        return body


# ------------------------------------------------------------------ helpers
def _norm_sub(p: Any) -> str:
    """The subscript of a norm as a learner writes it: ₁, ₂, ∞."""
    return {"1": "₁", "2": "₂", "oo": "∞", "∞": "∞"}.get(str(p), f"_{p}")


def _add(*terms: Any) -> Any:
    from sympy import Add, Integer

    if not terms:
        return Integer(0)
    return terms[0] if len(terms) == 1 else Add(*terms, evaluate=False)


def _mul(*factors: Any) -> Any:
    from sympy import Mul

    return factors[0] if len(factors) == 1 else Mul(*factors, evaluate=False)


def _simp(x: Any) -> Any:
    from sympy import expand, radsimp

    return expand(x) if x.free_symbols else radsimp(x)


def _vector(v: Any, name: str) -> Any:
    v = as_immutable(v)
    if v.cols != 1:
        if v.rows == 1:
            return v.T
        raise TaskError(f"expected a vector, got a {v.rows}x{v.cols} matrix", name=name)
    return v


def _same_length(u: Any, v: Any) -> None:
    if u.rows != v.rows:
        raise TaskError(f"u has {u.rows} entries but v has {v.rows}; they must have the same "
                        "length", name="v")


def _term(c: Any, x: Any) -> Any:
    """``c·x`` unevaluated, a negative ``c`` written as ``-(|c|·x)`` (prints as ``- 3·4``)."""
    from sympy import Mul

    if c.is_number and c.is_negative:
        return Mul(-1, _mul(-c, x), evaluate=False)
    return _mul(c, x)


def dot_sum(a: Any, b: Any) -> Any:
    """``a_1 b_1 + ... + a_n b_n`` written out, unevaluated.

    Examples
    ========
    >>> from sympy import Matrix
    >>> dot_sum(Matrix([1, 2]), Matrix([3, 4]))
    1*3 + 2*4
    """
    return _add(*(_term(x, y) for x, y in zip(a, b, strict=True)))


def dot_substep(a: Any, b: Any) -> Step:
    """One step ``a · b = sum of products`` (a substep of products and projections)."""
    return Step(LinalgRule.DOT_PRODUCT, VecOp("dot", a, b), dot_sum(a, b))


def norm_value(v: Any, p: Any = 2) -> Any:
    """The exact p-norm of a vector (p = 1, 2 or oo).

    Examples
    ========
    >>> from sympy import Matrix
    >>> norm_value(Matrix([1, 1])), norm_value(Matrix([1, -2]), 1)
    (sqrt(2), 3)
    """
    return _simp(VecOp("norm", as_immutable(v), p).doit())


def _dot_steps(u: Any, v: Any) -> list[Step]:
    written = dot_sum(u, v)
    value = _simp((u.T * v)[0, 0])
    return [Step(LinalgRule.DOT_PRODUCT, VecOp("dot", u, v), written),
            Step(Rule.ARITHMETIC, written, value)]


def _wrap(steps: list[Step]) -> Step:
    """Several steps shown as one: the first's ``before`` to the last's ``after``."""
    if len(steps) == 1:
        return steps[0]
    return Step(steps[0].rule, steps[0].before, steps[-1].after, steps[0].given, substeps=steps)


# ------------------------------------------------------------------ derivations
def parse_combination(op: Any) -> tuple[Any, Any]:
    """The coefficients ``(a, b)`` of ``op`` = a u + b v (learner text, parsed safely).

    Examples
    ========
    >>> parse_combination("2u-3v"), parse_combination("u - v")
    ((2, -3), (1, -1))
    >>> try:
    ...     parse_combination("u*v")
    ... except ValueError as e:
    ...     print(e)
    op: expected a linear combination of u and v such as 2u - 3v, got u*v
    """
    from sympy import Symbol, expand

    from symbolic_mlmath.text.parse import parse_expr

    expr = expand(parse_expr(op if op is not None else "u+v", name="op"))
    u, v = Symbol("u"), Symbol("v")
    a, b = expr.coeff(u), expr.coeff(v)
    rest = expand(expr - a * u - b * v)
    if rest != 0 or a.free_symbols or b.free_symbols or expr.free_symbols - {u, v}:
        raise TaskError(f"expected a linear combination of u and v such as 2u - 3v, got {expr}",
                        name="op")
    return a, b


def derive_vector_add(u: Any, v: Any, op: Any = "u+v") -> Derivation:
    """A linear combination ``a u + b v`` entry by entry (``op`` like ``u+v``, ``2u-3v``).

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_vector_add(Matrix([1, 2]), Matrix([3, -1]), "2u-3v").result.T
    Matrix([[-7, 7]])
    """
    from sympy import ImmutableMatrix

    u, v = _vector(u, "u"), _vector(v, "v")
    _same_length(u, v)
    a, b = parse_combination(op)
    if a == 0 and b == 0:
        raise TaskError("the combination is 0·u + 0·v", name="op")
    goal = VecOp("comb", a, u, b, v)
    written = ImmutableMatrix([[_add(*([_term(a, x)] if a != 0 else []),
                                     *([_term(b, y)] if b != 0 else []))]
                               for x, y in zip(u, v, strict=True)])
    value = (a * u + b * v).as_immutable()
    steps = [Step(LinalgRule.VECTOR_COMBINATION, goal, written, {"a": a, "b": b}),
             Step(Rule.ARITHMETIC, written, value)]
    return Derivation("Linear combination of vectors", goal=goal, steps=tuple(steps),
                      result=value, task="vector_add", inputs={"u": u, "v": v, "op": op},
                      reference=lambda: (a * u + b * v).as_immutable())


def derive_dot(u: Any, v: Any) -> Derivation:
    """The dot product ``u · v``: multiply entry by entry and add.

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_dot(Matrix([1, -1]), Matrix([1, 1])).result
    0
    """
    u, v = _vector(u, "u"), _vector(v, "v")
    _same_length(u, v)
    steps = _dot_steps(u, v)
    return Derivation("Dot product", goal=VecOp("dot", u, v), steps=tuple(steps),
                      result=steps[-1].after, task="dot", inputs={"u": u, "v": v},
                      reference=lambda: _simp(u.dot(v)))


def _norm_order(p: Any) -> Any:
    from sympy import Integer, oo

    if p is None:
        return Integer(2)
    t = str(p).strip().lower()
    if t in {"inf", "oo", "infinity", "∞", "max"}:
        return oo
    if t in {"1", "l1"}:
        return Integer(1)
    if t in {"2", "l2"}:
        return Integer(2)
    raise TaskError(f"unknown norm {str(p)[:20]!r}; choose 1, 2 or inf", name="ord")


def _norm_steps(v: Any, p: Any) -> list[Step]:
    from sympy import Abs, Max, Pow, S, oo

    if p == 1:
        written = _add(*(Abs(x, evaluate=False) for x in v))
    elif p == oo:
        written = Max(*(Abs(x, evaluate=False) for x in v), evaluate=False)
    else:
        written = Pow(_add(*(Pow(x, 2, evaluate=False) for x in v)), S.Half, evaluate=False)
    value = norm_value(v, p)
    return [Step(LinalgRule.VECTOR_NORM, VecOp("norm", v, p), written, {"ord": p}),
            Step(Rule.ARITHMETIC, written, value)]


def _real_norm(v: Any, p: Any) -> Any:
    """SymPy's ``Matrix.norm`` with the symbols taken as real (as the course does)."""
    from sympy import Dummy

    real = {x: Dummy(x.name, real=True) for x in v.free_symbols}
    back = {d: x for x, d in real.items()}
    return _simp(v.xreplace(real).norm(p).xreplace(back))


def _real_angle(u: Any, v: Any) -> Any:
    """SymPy's angle acos(u·v / (|u| |v|)) with the symbols taken as real."""
    from sympy import Dummy, acos

    real = {x: Dummy(x.name, real=True) for x in u.free_symbols | v.free_symbols}
    back = {d: x for x, d in real.items()}
    ur, vr = u.xreplace(real), v.xreplace(real)
    return _simp(acos(ur.dot(vr) / (ur.norm() * vr.norm())).xreplace(back))


def derive_norm(v: Any, ord: Any = 2) -> Derivation:
    """The L1, L2 or infinity norm of a vector, written out on its entries.

    Examples
    ========
    >>> from sympy import Matrix
    >>> [derive_norm(Matrix([3, -4]), p).result for p in (1, 2, "inf")]
    [7, 5, 4]
    """
    v = _vector(v, "v")
    p = _norm_order(ord)
    steps = _norm_steps(v, p)
    return Derivation("Norm of a vector", goal=VecOp("norm", v, p), steps=tuple(steps),
                      result=steps[-1].after, task="norm", inputs={"v": v, "ord": p},
                      reference=lambda: _real_norm(v, p))


def derive_angle(u: Any, v: Any) -> Derivation:
    """The angle between two non-zero vectors, in radians: acos(u·v / (‖u‖ ‖v‖)).

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_angle(Matrix([1, 0]), Matrix([1, 1])).result
    pi/4
    """
    from sympy import Mul, Pow, acos, simplify

    u, v = _vector(u, "u"), _vector(v, "v")
    _same_length(u, v)
    for w, name in ((u, "u"), (v, "v")):
        if all(x == 0 for x in w):
            raise TaskError("the angle with the zero vector is undefined (its norm is 0)",
                            name=name)
    two = 2
    formula = acos(VecOp("dot", u, v) / (VecOp("norm", u, two) * VecOp("norm", v, two)))
    d, nu, nv = _dot_steps(u, v), _norm_steps(u, two), _norm_steps(v, two)
    frac = Mul(d[-1].after, Pow(Mul(nu[-1].after, nv[-1].after, evaluate=False), -1,
                                evaluate=False), evaluate=False)
    substituted = acos(frac, evaluate=False)
    value = acos(_simp(d[-1].after / (nu[-1].after * nv[-1].after)))
    if value.free_symbols:
        value = simplify(value)
    steps = [
        Step(LinalgRule.ANGLE_FORMULA, VecOp("angle", u, v), formula),
        Step(Rule.SUBSTITUTE, formula, substituted, substeps=(_wrap(d), _wrap(nu), _wrap(nv))),
        Step(Rule.ARITHMETIC, substituted, value),
    ]
    return Derivation("Angle between two vectors", goal=VecOp("angle", u, v), steps=tuple(steps),
                      result=value, task="angle", inputs={"u": u, "v": v},
                      reference=lambda: _real_angle(u, v))


def derive_projection(u: Any, v: Any) -> Derivation:
    """The projection of u onto v: ``(u·v / v·v) v``.

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_projection(Matrix([2, 3]), Matrix([1, 0])).result.T
    Matrix([[2, 0]])
    """
    from sympy import MatMul, Mul, Pow

    u, v = _vector(u, "u"), _vector(v, "v")
    _same_length(u, v)
    if all(x == 0 for x in v):
        raise TaskError("cannot project onto the zero vector (v · v = 0)", name="v")
    goal = VecOp("proj", u, v)
    formula = MatMul(VecOp("dot", u, v) / VecOp("dot", v, v), v, evaluate=False)
    uv, vv = _dot_steps(u, v), _dot_steps(v, v)
    coeff = Mul(uv[-1].after, Pow(vv[-1].after, -1, evaluate=False), evaluate=False)
    substituted = MatMul(coeff, v, evaluate=False)
    value = (v * _simp(uv[-1].after / vv[-1].after)).applyfunc(_simp).as_immutable()
    steps = [
        Step(LinalgRule.PROJECTION_FORMULA, goal, formula),
        Step(Rule.SUBSTITUTE, formula, substituted, substeps=(_wrap(uv), _wrap(vv))),
        Step(Rule.ARITHMETIC, substituted, value),
    ]
    return Derivation("Projection of u onto v", goal=goal, steps=tuple(steps), result=value,
                      task="projection", inputs={"u": u, "v": v},
                      reference=lambda: u.project(v).applyfunc(_simp).as_immutable())

"""The numeric bridge: exact results compiled to fast float64 code (numpy or plain floats).

A derivation's result (a derivative, a gradient, an update rule) is first put in a form
that is cheap to evaluate (:func:`numeric_form`: each ``exp(u)`` named once, the rational
function in those names cancelled, and the cheapest of a few equivalent forms kept, its
value checked at seeded points), then compiled once with common subexpressions shared
(:func:`as_numeric`). Plots, iteration tables and numeric self-checks all go through it.

Examples
========
>>> from sympy import symbols, exp, log, diff
>>> w, x, y = symbols("w x y")
>>> s = 1 / (1 + exp(-w * x))
>>> loss = -y * log(s) - (1 - y) * log(1 - s)
>>> numeric_form(diff(loss, w))
x*(-y + 1 - 1/(exp(w*x) + 1))
>>> f = as_numeric([diff(loss, w)], [w, x, y])
>>> [round(float(v), 6) for v in f(0.5, 2.0, 1.0)]
[-0.537883]
>>> path, why = descent_path([2 * x], [x], [1.0], 0.25, 3)
>>> path.tolist(), why
([[1.0], [0.5], [0.25], [0.125]], 'iterations')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

__all__ = [
    "NumericFunction",
    "as_numeric",
    "descent_path",
    "is_rational_function",
    "numeric_form",
]

_MODES = ("numpy", "math", "mpmath", "exact")
_TIDY_MAX_OPS = 400  # larger expressions are compiled as they are
_SEED = 20260613


# ------------------------------------------------------------------ cheaper forms
def _cost(e: Any) -> int:
    """Float operations to evaluate ``e`` (transcendental functions count 8)."""
    from sympy import Add, Mul, Pow

    if e.is_Atom:
        return 0
    c = sum(_cost(a) for a in e.args)
    if isinstance(e, Add | Mul):
        return c + len(e.args) - 1
    if isinstance(e, Pow):
        return c + (min(abs(int(e.exp)), 4) if e.exp.is_Integer else 8)
    return c + 8


def _name_exponentials(expr: Any) -> tuple[Any, dict]:
    """``expr`` with each ``exp(u)`` a positive symbol E (``exp(-u)`` becomes ``1/E``)."""
    from sympy import Dummy, exp, expand

    names: dict[Any, Any] = {}
    reps = {}
    for t in expr.atoms(exp):
        a = expand(t.args[0])
        sign = -1 if a.could_extract_minus_sign() else 1
        key = -a if sign < 0 else a
        if key not in names:
            names[key] = Dummy(f"E{len(names)}", positive=True)
        reps[t] = names[key] if sign > 0 else 1 / names[key]
    back = {E: exp(a) for a, E in names.items()}
    return expr.xreplace(reps), back


def _candidates(expr: Any) -> list[Any]:
    from sympy import apart, cancel, factor_terms

    out = [expr]
    named, back = _name_exponentials(expr)
    try:
        c = cancel(named)
    except Exception:
        return out
    out += [c.xreplace(back), factor_terms(c).xreplace(back)]
    if len(back) == 1:
        E = next(iter(back))
        try:
            a = apart(c, E)
        except Exception:
            return out
        out += [a.xreplace(back), factor_terms(a).xreplace(back)]
    return out


def _agree(a: Any, b: Any, n: int = 3) -> bool:
    """Whether ``a`` and ``b`` agree at seeded points (30 digits; undefined points skipped)."""
    import random

    import mpmath
    from sympy import lambdify

    syms = sorted(a.free_symbols | b.free_symbols, key=str)
    if not syms:
        return abs(complex((a - b).evalf(30))) < 1e-20
    fa, fb = (lambdify(syms, e, "mpmath") for e in (a, b))
    rng = random.Random(_SEED)
    seen = 0
    with mpmath.workdps(30):
        for _ in range(4 * n):
            pt = [mpmath.mpf(rng.randint(-3000, 3000)) / 1000 for _ in syms]
            try:
                va, vb = mpmath.mpmathify(fa(*pt)), mpmath.mpmathify(fb(*pt))
            except (ZeroDivisionError, ValueError, TypeError, OverflowError):
                continue
            if abs(va - vb) > mpmath.mpf(10) ** -20 * max(1, abs(va)):
                return False
            seen += 1
            if seen >= n:
                return True
    return seen > 0


def _worth_tidying(expr: Any) -> bool:
    """Exponentials or quotients: the raw forms that cancelling makes cheaper."""
    from sympy import Pow, exp

    return expr.has(exp) or any(p.exp.is_negative for p in expr.atoms(Pow))


def numeric_form(expr: Any) -> Any:
    """An equal form of ``expr`` that is cheaper to evaluate in floating point.

    Raw derivatives repeat the same exponential and nest quotients; this names each
    ``exp(u)``, cancels the rational function in those names, and keeps the cheapest
    of the equal forms found (checked equal at seeded points, else ``expr`` itself).

    Examples
    ========
    >>> from sympy import symbols, exp
    >>> z = symbols("z")
    >>> s = 1 / (1 + exp(-z))
    >>> numeric_form(s.diff(z) / (s * (1 - s)))
    1
    """
    from symbolic_mlmath.text.convert import as_sympy

    expr = as_sympy(expr)
    if not hasattr(expr, "free_symbols") or expr.is_Atom or expr.count_ops() > _TIDY_MAX_OPS:
        return expr
    if not _worth_tidying(expr):
        return expr
    best, cost = expr, _cost(expr)
    for cand in _candidates(expr)[1:]:
        k = _cost(cand)
        if k < cost and _agree(expr, cand):
            best, cost = cand, k
    return best


# ------------------------------------------------------------------ code generation
def _printer(mode: str) -> Any:
    from sympy import S
    from sympy.printing.numpy import NumPyPrinter
    from sympy.printing.pycode import MpmathPrinter, PythonCodePrinter

    base = {"numpy": NumPyPrinter, "mpmath": MpmathPrinter}.get(mode, PythonCodePrinter)
    sqrt = {"numpy": "numpy.sqrt", "mpmath": "mpmath.sqrt"}.get(mode, "math.sqrt")
    one = "1" if mode == "exact" else "1.0"

    class Printer(base):  # type: ignore[misc, valid-type]
        """Code for one mode: small integer powers as products, reciprocals as divisions."""

        def _print_Pow(self, e: Any, rational: bool = False) -> str:
            b, x = e.base, e.exp
            pb = self.parenthesize(b, 60)
            if x.is_Integer and 2 <= abs(int(x)) <= 4:
                n = abs(int(x))
                prod = "(" + "*".join([pb] * n) + ")" if b.is_Symbol else f"{pb}**{n}"
                return prod if x > 0 else f"{one}/({prod})"
            if x == -1:
                return f"{one}/{pb}"
            if mode != "exact" and x == S.Half:
                return f"{sqrt}({self._print(b)})"
            if mode != "exact" and x == -S.Half:
                return f"{one}/{sqrt}({self._print(b)})"
            return super()._print_Pow(e, rational=rational)

        def _print_Rational(self, e: Any) -> str:
            if mode == "exact":
                return f"_F({e.p}, {e.q})"
            if mode == "mpmath":
                return super()._print_Rational(e)
            return repr(float(e))

        _print_Half = _print_Rational

    return Printer({"fully_qualified_modules": True})


def is_rational_function(expr: Any) -> bool:
    """Whether ``expr`` uses only + - * / and integer powers of symbols and rationals.

    Examples
    ========
    >>> from sympy import symbols, exp, Rational
    >>> x = symbols("x")
    >>> is_rational_function(Rational(1, 3) * x**2 - 1 / x), is_rational_function(exp(x))
    (True, False)
    """
    from sympy import Add, Mul, Pow

    if expr.is_Symbol or expr.is_Rational:
        return True
    if isinstance(expr, Add | Mul):
        return all(is_rational_function(a) for a in expr.args)
    if isinstance(expr, Pow):
        return expr.exp.is_Integer and is_rational_function(expr.base)
    return False


class NumericFunction:
    """Exact expressions compiled to one float64 function of their arguments.

    Calling it with numbers or numpy arrays (broadcast together) returns a tuple with
    one value per expression. ``source`` is the generated code.
    """

    __slots__ = ("args", "exprs", "fn", "mode", "source")

    def __init__(self, args: tuple, exprs: tuple, fn: Callable, source: str, mode: str) -> None:
        self.args, self.exprs, self.fn, self.source, self.mode = args, exprs, fn, source, mode

    def __call__(self, *values: Any) -> tuple:
        return self.fn(*values)

    def __repr__(self) -> str:
        return f"<NumericFunction of {', '.join(map(str, self.args))}: {len(self.exprs)} values>"


def _compile(exprs: Sequence[Any], args: Sequence[Any], mode: str, body: str = "",
             extra: Sequence[str] = ()) -> tuple[Callable, str]:
    """Generate ``def _f(args, *extra)`` computing the shared subexpressions and ``exprs``."""
    import functools
    import math
    from fractions import Fraction

    import mpmath
    import numpy
    from sympy import Symbol, cse, numbered_symbols

    from symbolic_mlmath.calculus.functions import to_elementary

    names = [Symbol(f"_a{i}") for i in range(len(args))]
    sub = dict(zip(args, names, strict=True))
    exprs = [to_elementary(e).xreplace(sub) for e in exprs]
    reps, reduced = cse(exprs, symbols=numbered_symbols("_t"), optimizations=None)
    p = _printer(mode)
    pad = " " * 12 if body else "    "
    lines = [f"{pad}{s} = {p.doprint(e)}" for s, e in reps]
    values = ", ".join(p.doprint(e) for e in reduced)
    params = ", ".join([str(n) for n in names] + list(extra))
    if body:
        src = body.format(params=params, lines="\n".join(lines), values=values)
    else:
        src = "\n".join([f"def _f({params}):", *lines, f"    return ({values},)"])
    ns: dict[str, Any] = {"numpy": numpy, "math": math, "mpmath": mpmath, "functools": functools,
                          "_F": Fraction}
    exec(compile(src, "<symbolic_mlmath.bridge>", "exec"), ns)  # our own generated code
    return ns["_f"], src


def as_numeric(exprs: Any, args: Sequence[Any], *, mode: str = "numpy",
               tidy: bool = True) -> NumericFunction:
    """Compile exact expressions (a list, a vector or one expression) to float64 code.

    ``mode="numpy"`` gives a vectorised function (numpy arrays broadcast together);
    ``mode="math"`` a faster one for plain Python floats (iteration loops);
    ``mode="mpmath"`` one for mpmath numbers at the working precision in force;
    ``mode="exact"`` one on ``fractions.Fraction`` for rational functions (exact tables).

    Examples
    ========
    >>> from sympy import symbols, exp
    >>> x, y = symbols("x y")
    >>> import numpy as np
    >>> f = as_numeric([x * exp(y), exp(y)], [x, y])
    >>> [v.tolist() for v in f(np.array([1.0, 2.0]), 0.0)]
    [[1.0, 2.0], 1.0]
    """
    from sympy import MatrixBase

    from symbolic_mlmath.calculus.functions import to_elementary
    from symbolic_mlmath.text.convert import as_sympy

    if mode not in _MODES:
        raise ValueError(f"mode must be one of {', '.join(_MODES)}, not {mode!r}")
    items = list(exprs) if isinstance(exprs, list | tuple | MatrixBase) else [exprs]
    items = [to_elementary(as_sympy(e)) for e in items]
    if mode == "exact" and not all(is_rational_function(e) for e in items):
        raise ValueError("exact mode needs rational functions (+ - * / and integer powers)")
    if tidy and mode in {"numpy", "math"}:
        items = [numeric_form(e) for e in items]
    fn, src = _compile(items, list(args), mode)
    return NumericFunction(tuple(args), tuple(items), fn, src, mode)


_LOOP = """def _f({params}):
    import math
    path = [({point},)]
    try:
        for _k in range(_n):
{lines}
            ({grads},) = ({values},)
            if {norm2} <= _tol2:
                return path, "tolerance"
{updates}
            path.append(({point},))
            if not ({finite}):
                return path, "diverged"
    except (OverflowError, ValueError, ZeroDivisionError):
        return path, "diverged"
    return path, "iterations"
"""


def descent_path(gradient: Sequence[Any], variables: Sequence[Any], x0: Sequence[float],
                 learning_rate: float, iterations: int, *, tolerance: float = 0.0) -> tuple:
    """Float gradient descent compiled to one Python loop: ``(path array, why it stopped)``.

    ``why`` is ``"iterations"``, ``"tolerance"`` (‖∇f‖ <= tolerance) or ``"diverged"``
    (an iterate overflowed or left the domain).
    """
    import numpy as np

    n = len(variables)
    pts = [f"_a{i}" for i in range(n)]
    grads = [f"_g{i}" for i in range(n)]
    from symbolic_mlmath.calculus.functions import to_elementary

    items = [numeric_form(to_elementary(g)) for g in gradient]
    body = _LOOP.replace("{point}", ", ".join(pts)).replace("{grads}", ", ".join(grads))
    body = body.replace("{norm2}", " + ".join(f"{g}*{g}" for g in grads))
    body = body.replace("{updates}", "\n".join(
        f"            {p} = {p} - _eta*{g}" for p, g in zip(pts, grads, strict=True)))
    body = body.replace("{finite}", " and ".join(f"abs({p}) < 1e150" for p in pts))
    fn, _src = _compile(items, list(variables), "math", body=body,
                        extra=("_eta", "_n", "_tol2"))
    path, why = fn(*[float(v) for v in x0], float(learning_rate), int(iterations),
                   float(tolerance) ** 2)
    return np.array(path, dtype=float), why

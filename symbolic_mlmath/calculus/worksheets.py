"""Calculus worksheet generators: the subject's ``GENERATORS`` table (task -> Generator).

Built backwards so every number is nice: derivatives of products, quotients and chains of
small integer pieces; critical points chosen first (f' = 6(x - a)(x - b) gives
f = 2x^3 - 3(a + b)x^2 + 6abx, so the points are the integers a, b; two-variable quadratics
are written around an integer centre); minima of parabolas with an integer vertex; gradient
descent on a x^2 + b y^2 with a learning rate making 1 - 2aη a simple fraction (iterates
with small denominators); Newton's method on x^2 - c from an integer start. Each takes a
:class:`~symbolic_mlmath.core.problems.Level`: easy problems have one rule or one variable,
hard ones nest rules or add a variable.

Examples
========
>>> import random
>>> from symbolic_mlmath.core.problems import Level
>>> p = GENERATORS["critical_points"].problem(random.Random(3), Level("easy"))
>>> p.task, sorted(p.inputs)
('critical_points', ['expr'])
"""

from __future__ import annotations

import random
from typing import Any

from symbolic_mlmath.core.problems import GeneratorTable, Level, Problem

__all__ = ["GENERATORS", "critical_key", "matrix_key", "minimize_key", "point_key"]

#: The subject's problem generators.
GENERATORS = GeneratorTable()

_EASY = ("x^{n}", "{a}x^{n} + {b}x", "sin({a}x)", "e^({a}x)", "ln({a}x)", "{a}/x")
_MEDIUM = ("x^{n} sin(x)", "x^{n} e^({a}x)", "sin({a}x^2)", "ln(x^2 + {a})", "x/(x + {a})",
           "(x^2 + {a})^{n}", "sqrt({a}x + 1)", "x e^(-x)")
_HARD = ("x^{n} e^(-{a}x) sin(x)", "ln(x^2 + {a})/x", "e^(sin({a}x))", "sigma({a}x)",
         "(x^2 + {a})^{n} cos(x)", "sqrt(x^2 + {a}) e^x", "x^x", "tanh({a}x)")


def _fill(rng: random.Random, pattern: str) -> str:
    return _tidy(pattern.format(n=rng.choice((2, 3, 4)), a=rng.choice((2, 3, 5)),
                                b=rng.choice((-3, -1, 1, 2, 4))))


def _function(rng: random.Random, level: Level) -> str:
    return _fill(rng, rng.choice(level.pick(_EASY, _MEDIUM, _HARD)))


_NONE: tuple = ("matrices", ())


def _words(text: str) -> str:
    """A function typed as a learner types it, in LaTeX (σ kept as σ)."""
    from symbolic_mlmath.render.formats import latex_of
    from symbolic_mlmath.text.parse import parse_expr

    from .functions import recognize

    return latex_of(recognize(parse_expr(text, name="expr")))


@GENERATORS.add("derivative")
def _gen_derivative(rng: random.Random, level: Level) -> Problem:
    f = _function(rng, level)
    inputs: dict[str, Any] = {"expr": f, "var": "x"}
    words = f"Differentiate $f(x) = {_words(f)}$, naming each rule you use."
    if level.difficulty == "hard" and rng.random() < 0.4:
        inputs["at"] = f"x = {rng.choice((1, 2))}"
        words = f"Find $f'({inputs['at'][4:]})$ for $f(x) = {_words(f)}$."
    return Problem("derivative", inputs, words, _NONE)


@GENERATORS.add("second_derivative")
def _gen_second(rng: random.Random, level: Level) -> Problem:
    a, b = rng.sample(range(-3, 4), 2)
    f = level.pick(_terms([(1, "x^3"), (-3 * (a + b), "x^2"), (2, "x")]),
                   f"x^4 - {rng.choice((2, 4, 6))}x^2", _tidy(f"x e^({rng.choice((-1, 2))}x)"))
    return Problem("second_derivative", {"expr": f, "var": "x"},
                   f"Find $f''(x)$ for $f(x) = {_words(f)}$ and say where $f$ is concave up.",
                   _NONE)


@GENERATORS.add("partial_derivative")
def _gen_partial(rng: random.Random, level: Level) -> Problem:
    a, n = rng.choice((2, 3)), rng.choice((2, 3))
    f = level.pick(f"x^{n} y + {a}y^2", f"x^{n} y^2 + e^({a}x y)", f"sin(x y^{n}) + x ln(y)")
    var = rng.choice(("x", "y"))
    return Problem("partial_derivative", {"expr": f, "var": var},
                   f"Find $\\partial f/\\partial {var}$ for $f(x, y) = {_words(f)}$.",
                   _NONE)


@GENERATORS.add("gradient")
def _gen_gradient(rng: random.Random, level: Level) -> Problem:
    a, b = rng.choice((2, 3)), rng.choice((1, 2, 4))
    f = level.pick(f"x^2 + {a}y^2 - {b}x y", f"x^2 y + {a}x y^2 - {b}y",
                   f"e^(x y) + {a}x^2 z + y z^2")
    vars_ = "x, y, z" if "z" in f else "x, y"
    return Problem("gradient", {"expr": f, "vars": vars_},
                   f"Find the gradient $\\nabla f$ of $f = {_words(f)}$, one partial derivative "
                   "per line.", _NONE)


def matrix_key(d: Any) -> str:
    """A matrix result as nested lists."""
    M = d.result
    return "[" + ", ".join("[" + ", ".join(str(x) for x in M.row(i)) + "]"
                           for i in range(M.rows)) + "]"


@GENERATORS.add("hessian", answer=matrix_key)
def _gen_hessian(rng: random.Random, level: Level) -> Problem:
    a, b = rng.choice((2, 3)), rng.choice((1, 2, 4))
    f = level.pick(f"{a}x^2 + {b}x y + y^2", f"x^3 + {a}x y^2 - {b}y", f"x^2 y^2 + {a}x z + y^3")
    vars_ = "x, y, z" if "z" in f else "x, y"
    return Problem("hessian", {"expr": f, "vars": vars_},
                   f"Find the Hessian of $f = {_words(f)}$.", _NONE)


def critical_key(d: Any) -> str:
    """Critical points with their kinds, ``x = 1: min; x = 2: max`` or ``(1, 2): saddle``."""
    kinds = {"local_min": "min", "local_max": "max", "saddle": "saddle",
             "inconclusive": "inconclusive"}
    out = []
    for r in d.result:
        p = r["point"]
        values = list(p.values()) if isinstance(p, dict) else list(p)
        where = f"{next(iter(p))} = {values[0]}" if isinstance(p, dict) and len(values) == 1 \
            else "(" + ", ".join(str(v) for v in values) + ")"
        out.append(f"{where}: {kinds.get(r['kind'], r['kind'])}")
    return "; ".join(out)


def _terms(pairs: list[tuple[int, str]]) -> str:
    """``c * body`` terms as a learner writes them: ``2x^3 - 6x^2 + x`` (zero terms dropped)."""
    out = ""
    for c, body in pairs:
        if c == 0:
            continue
        mag = abs(c)
        text = body if mag == 1 and body else f"{mag}{body}"
        if not out:
            out = f"-{text}" if c < 0 else text
        else:
            out += f" - {text}" if c < 0 else f" + {text}"
    return out or "0"


def _shift(v: str, a: int) -> str:
    return v if a == 0 else f"({v} - {a})" if a > 0 else f"({v} + {-a})"


@GENERATORS.add("critical_points", answer=critical_key)
def _gen_critical(rng: random.Random, level: Level) -> Problem:
    a, b = sorted(rng.sample(range(-3, 4), 2))
    if level.difficulty == "easy" or (level.difficulty == "medium" and rng.random() < 0.5):
        c = rng.choice((1, -1))  # f' = 6c(x - a)(x - b): critical points a and b
        f = _terms([(2 * c, "x^3"), (-3 * c * (a + b), "x^2"), (6 * c * a * b, "x")])
        inputs: dict[str, Any] = {"expr": f}
    else:  # a quadratic in two variables around (a, b): a minimum, maximum or saddle
        p, q = rng.choice(((1, 1), (1, -1), (2, 1), (1, 3), (-1, -2)))
        r = rng.choice((0, 1)) if p * q > 0 and abs(p * q) > 1 else 0
        X, Y = _shift("x", a), _shift("y", b)
        sq = lambda t: f"{t}^2"  # noqa: E731
        f = _terms([(p, sq(X)), (q, sq(Y)), (r, f"{X}{Y}" if X[0] == "(" or Y[0] == "(" else
                                            f"{X} {Y}")])
        inputs = {"expr": f, "vars": "x, y"}
    return Problem("critical_points", inputs,
                   f"Find the critical points of $f = {_words(inputs['expr'])}$ and classify each.",
                   _NONE)


def _tidy(text: str) -> str:
    """``+ -3`` as ``- 3``; a coefficient 1 dropped."""
    import re

    text = text.replace("+ -", "- ").replace("- -", "+ ")
    return re.sub(r"(?<![\d./^])1(?=[a-z(])", "", text)


def minimize_key(d: Any) -> str:
    """``x = 2, min = -3`` (or max)."""
    arg = "argmin" if "argmin" in d.result else "argmax"
    val = "min" if arg == "argmin" else "max"
    point = d.result[arg]
    if point is None:
        return "none"
    where = ", ".join(f"{k} = {v}" for k, v in point.items()) if isinstance(point, dict) \
        else f"x = {point}"
    return f"{where}, {val} = {d.result[val]}"


@GENERATORS.add("minimize", answer=minimize_key)
def _gen_minimize(rng: random.Random, level: Level) -> Problem:
    a, k = rng.randint(-4, 4), rng.randint(-5, 5)
    c = level.pick(1, rng.choice((1, 2)), rng.choice((2, 3)))
    f = _terms([(c, "x^2"), (-2 * c * a, "x"), (c * a * a + k, "")])
    inputs: dict[str, Any] = {"expr": f}
    words = f"Find the global minimum of $f(x) = {_words(f)}$ and where it is attained."
    if level.difficulty == "hard":
        lo, hi = sorted(rng.sample(range(-5, 6), 2))
        inputs["domain"] = f"{lo} <= x <= {hi}"
        words = f"Find the minimum of $f(x) = {_words(f)}$ on ${lo} \\le x \\le {hi}$."
    return Problem("minimize", inputs, words, _NONE)


def point_key(d: Any) -> str:
    """The final point of an iteration, ``(a, b)`` or ``a``."""
    p = d.result["point"]
    values = list(p) if hasattr(p, "shape") else [p]
    return str(values[0]) if len(values) == 1 else "(" + ", ".join(str(v) for v in values) + ")"


@GENERATORS.add("gradient_descent", answer=point_key, max_denominator=64)
def _gen_descent(rng: random.Random, level: Level) -> Problem:
    a, b = rng.choice((1, 2)), rng.choice((1, 2, 4))
    eta = rng.choice(("1/8", "1/4")) if max(a, b) <= 2 else "1/16"
    x0 = [rng.choice((-4, -2, 2, 4)), rng.choice((-4, 4, 8))]
    steps = level.size_or(2, 3, 4)
    if level.difficulty == "easy":
        f, inputs = f"{a}x^2", {"x0": str(x0[0])}
    else:
        f, inputs = f"{a}x^2 + {b}y^2", {"vars": "x, y", "x0": str(x0)}
    f = f.replace("1x", "x").replace("1y", "y")
    inputs.update(expr=f, learning_rate=eta, iterations=str(steps))
    return Problem("gradient_descent", inputs,
                   f"Run {steps} steps of gradient descent on $f = {_words(f)}$ from "
                   f"${inputs['x0']}$ with learning rate $\\eta = {eta}$; give the iterates.",
                   _NONE)


@GENERATORS.add("newton_method", answer=point_key, max_numerator=2000, max_denominator=2000)
def _gen_newton(rng: random.Random, level: Level) -> Problem:
    c = rng.choice(level.pick((4, 9, 2), (2, 3, 5, 10), (2, 3, 5, 7)))
    x0 = rng.choice((1, 2, 3))
    steps = level.size_or(1, 2, 3)
    mode = "optimize" if level.difficulty == "hard" and rng.random() < 0.4 else "root"
    f = f"x^2 - {c}" if mode == "root" else f"x^3/3 - {c}x"
    return Problem("newton_method", {"f": f, "x0": str(x0), "iterations": str(steps),
                                     "mode": mode},
                   f"Apply {steps} step{'s' if steps > 1 else ''} of Newton's method "
                   f"{'for a root of' if mode == 'root' else 'for a critical point of'} "
                   f"$f(x) = {_words(f)}$ from $x_0 = {x0}$.", _NONE)


def backprop_key(d: Any) -> str:
    """The loss and every gradient as matrices: ``loss = 1/2, dL/dW1 = [[-1, -2]], ...``."""
    from sympy import MatrixBase

    from symbolic_mlmath.core.problems import answer_text

    loss = d.result["loss"]
    loss_text = f"{float(loss):.4f}" if getattr(loss, "is_Float", False) else answer_text(loss)
    parts = [f"loss = {loss_text}"]
    parts += [f"{k} = {answer_text(v)}" for k, v in d.result.items()
              if isinstance(v, MatrixBase)]
    return ", ".join(parts)


def _bracket(M: list[list[int]]) -> str:
    return "[" + ", ".join("[" + ", ".join(str(v) for v in row) + "]" for row in M) + "]"


def _affine(W: list[list[int]], b: list[int], a: list[Any]) -> list[Any]:
    return [sum(w * v for w, v in zip(row, a, strict=True)) + bi for row, bi in zip(W, b,
                                                                                  strict=True)]


@GENERATORS.add("backprop", answer=backprop_key, max_numerator=200, max_denominator=4)
def _gen_backprop(rng: random.Random, level: Level) -> Problem:
    """Built backwards: the output error δ is chosen (±1, ±2; ±1/2 for a sigmoid output
    with z = 0) and the target set from it; hidden ReLU pre-activations are never 0."""
    n_in = level.size_or(2, 2, 2) if level.difficulty == "easy" else 2
    hidden = 0 if level.difficulty == "easy" else max(1, min(3, level.size_or(2, 2, 2)))
    x = [rng.choice((-2, -1, 1, 2, 3)) for _ in range(n_in)]
    layers, params, a = [], [], list(x)
    if hidden:
        for _ in range(50):  # ReLU pre-activations away from the kink, one unit alive
            W1 = [[rng.choice((-2, -1, 1, 2)) for _ in range(n_in)] for _ in range(hidden)]
            b1 = [rng.randint(-1, 1) for _ in range(hidden)]
            z1 = _affine(W1, b1, x)
            if all(z1) and any(z > 0 for z in z1) and max(map(abs, z1)) <= 6:
                break
        layers.append(f"{hidden} relu")
        params.append(f"W1 = {_bracket(W1)}; b1 = [{', '.join(map(str, b1))}]")
        a = [max(0, z) for z in z1]
    k = len(params) + 1
    W = [[rng.choice((-2, -1, 1, 2)) for _ in a]]
    if level.difficulty == "hard":  # sigmoid output at z = 0: a = 1/2, delta = 1/2 - y
        b = [-_affine(W, [0], a)[0]]
        y, loss, layers = [rng.choice((0, 1))], "bce", [*layers, "1 sigmoid"]
        what = "binary cross-entropy loss"
    else:
        b = [rng.randint(-2, 2)]
        out = _affine(W, b, a)[0]
        y, loss, layers = [out - rng.choice((-2, -1, 1, 2))], "squared", [*layers, "1 linear"]
        what = "loss $L = \\tfrac12 (\\hat y - y)^2$"
    params.append(f"W{k} = {_bracket(W)}; b{k} = [{b[0]}]")
    network = " -> ".join([str(n_in), *layers])
    inputs = {"network": network, "x": str(x), "y": str(y), "loss": loss,
              "params": "; ".join(params)}
    return Problem("backprop", inputs,
                   f"The network {network} has parameters {inputs['params']}. For the input "
                   f"$x = {x}$ with target $y = {y[0]}$ and the {what}, run the forward pass "
                   "and give every partial derivative of the loss, one per line.", _NONE)

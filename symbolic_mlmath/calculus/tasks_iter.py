"""Tasks of the iterative methods and networks: gradient_descent, newton_method, backprop.

Every input is learner text read through the text door (``symbolic_mlmath.text``);
answers are judged with the answer ladder, entry by entry for points and vectors
(exact, then to the decimals the learner typed, then a tolerance if one is given),
and the usual slips are named (a step uphill, one iteration too many or too few).

Examples
========
>>> from symbolic_mlmath.api import check, solve
>>> d = solve("gradient_descent", expr="x^2 + 3y^2", vars="x, y", x0="[1, 1]",
...           learning_rate="0.1", iterations="2")
>>> d.result["point"].T
Matrix([[16/25, 4/25]])
>>> check("gradient_descent", answer="(0.64, 0.16)", expr="x^2 + 3y^2", vars="x, y",
...       x0="[1, 1]", learning_rate="0.1", iterations="2").correct
True
"""

from __future__ import annotations

import re
from typing import Any

from symbolic_mlmath.core.answers import compare_scalar
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.tasks import Input, Task, TaskList
from symbolic_mlmath.core.verdict import Verdict

__all__ = ["TASKS", "answer_entries", "judge_vector"]

#: The tasks of issue 13, in listing order.
TASKS = TaskList()
register = TASKS.register

_TOPIC_GD = "c2w2-gradient-descent"
_TOPIC_NEWTON = "c2w3-newton"
_TOPIC_NN = "c2w3-neural-networks"


def _txt(x: Any) -> str:
    from symbolic_mlmath.render.formats import text_of

    return text_of(x)


def answer_entries(answer: Any, names: list[str]) -> list[tuple[Any, str | None]]:
    """A learner's vector answer as ``(value, text typed)`` per entry, in variable order.

    Accepts ``[0.8, 0.4]``, ``(0.8, 0.4)``, ``0.8, 0.4``, ``x = 0.8, y = 0.4`` and, for
    one variable, a single number; values are read through the text door.

    Examples
    ========
    >>> answer_entries("(0.8, 1/2)", ["x", "y"])
    [(4/5, '0.8'), (1/2, '1/2')]
    >>> answer_entries("y = 2, x = 1", ["x", "y"])
    [(1, '1'), (2, '2')]
    """
    from sympy import MatrixBase

    from symbolic_mlmath.text.parse import parse_answer, parse_number

    if not isinstance(answer, str):
        got = parse_answer(answer, name="answer")
        if isinstance(got, MatrixBase):
            return [(v, None) for v in got]
        if isinstance(got, dict):
            keyed = {str(k): v for k, v in got.items()}
            return [(keyed.get(n), None) for n in names]
        if isinstance(got, list | tuple):
            return [(v, None) for v in got]
        return [(got, None)]
    text = answer.strip()
    inner = text[1:-1] if text[:1] in "[(" and text[-1:] in ")]" else text
    if "[" in inner or ("(" in inner and inner.count(",") == 0):
        got = parse_answer(text, name="answer")
        values = list(got) if isinstance(got, MatrixBase) else [got]
        return [(v, None) for v in values]
    parts = [p.strip() for p in re.split(r"[,;]", inner) if p.strip()]
    if len(parts) > 50:
        raise InputError("too many entries", name="answer")
    if parts and all("=" in p for p in parts):
        keyed: dict[str, tuple[Any, str]] = {}
        for p in parts:
            key, _, val = p.partition("=")
            key = key.strip().replace("_", "")
            keyed[key] = (parse_number(val.strip(), name="answer"), val.strip())
        return [keyed.get(n.replace("_", ""), (None, None)) for n in names]
    return [(parse_number(p, name="answer"), p) for p in parts]


def judge_vector(expected: Any, answer: Any, names: list[str], *, abs_tol: Any = None,
                 rel_tol: Any = None, what: str = "the point") -> Verdict:
    """Judge a vector answer entry by entry with the ladder; name the wrong entries."""
    entries = answer_entries(answer, names)
    exp = list(expected)
    got = [v for v, _ in entries]
    if len(entries) != len(exp) or any(v is None for v in got):
        return Verdict(False, "structural", f"Not correct: {what} has {len(exp)} coordinate"
                       f"{'s' if len(exp) > 1 else ''} ({', '.join(names)}).",
                       expected=expected, got=got)
    wrong, methods, undecided, notes = [], set(), False, []
    for name, e, (g, text) in zip(names, exp, entries, strict=True):
        ok, method, note = compare_scalar(e, g, text=text, abs_tol=abs_tol, rel_tol=rel_tol)
        methods.add(method)
        if ok is False:
            wrong.append(f"{name}: expected {_txt(e)}, got {_txt(g)}")
        elif ok is None:
            undecided = True
        elif note:
            notes.append(note)
    method = "exact" if methods <= {"structural", "exact"} else (
        "tolerance" if "tolerance" in methods else "decimal" if "decimal" in methods else "numeric")
    if wrong:
        return Verdict(False, method, "Not correct: " + "; ".join(wrong) + ".",
                       expected=expected, got=got, details=tuple(wrong))
    if undecided:
        return Verdict(None, "undecided", "Undecided: some coordinates could not be decided.",
                       expected=expected, got=got)
    tail = f" ({notes[0]})" if notes and method == "decimal" else ""
    return Verdict(True, method, f"Correct: {what} is {_show(expected)}{tail}.",
                   expected=expected, got=got)


def _show(values: Any) -> str:
    """A point as text: the number itself in one variable, else the list."""
    items = list(values)
    return _txt(items[0]) if len(items) == 1 else _txt(items)


def _matches(expected: Any, got: list) -> bool:
    try:
        return all(compare_scalar(e, g)[0] is True or (
            g is not None and abs(float(e) - float(g)) <= 1e-9 * max(1, abs(float(e))))
                   for e, g in zip(expected, got, strict=True))
    except (TypeError, ValueError):
        return False


# ------------------------------------------------------------------ gradient descent
def _derive_gd(expr: Any = None, vars: Any = None, x0: Any = None, learning_rate: Any = None,
               iterations: Any = 10, tolerance: Any = None, precision: Any = None,
               x: Any = None, y: Any = None) -> Any:
    from symbolic_mlmath.calculus.descent import (
        derive_gradient_descent,
        derive_regression_descent,
    )

    if learning_rate is None:
        raise InputError("give the learning rate", name="learning_rate")
    if x is not None or y is not None:
        if x is None or y is None:
            raise InputError("linear regression needs both x and y data", name="x" if x is None
                             else "y")
        return derive_regression_descent(list(x), list(y), learning_rate, iterations, x0=x0,
                                         tolerance=tolerance, precision=precision or "auto")
    if expr is None or x0 is None:
        raise InputError("give expr, vars and x0 (or x and y data)", name="expr")
    variables = vars if vars is not None else tuple(sorted(expr.free_symbols, key=str))
    start = list(x0) if hasattr(x0, "shape") else [x0]
    return derive_gradient_descent(expr, variables, start, learning_rate, iterations,
                                   tolerance=tolerance, precision=precision or "auto")


def _check_gd(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from sympy import ImmutableMatrix

    names = [str(v) for v in d.variables]
    expected = d.result["point"]
    v = judge_vector(expected, answer, names, **tol)
    if v.correct is not False:
        return v
    got = v.got
    its = d.result["iterates"]
    for k, p in enumerate(its[:-1]):
        if _matches(p, got):
            return Verdict(False, v.method, f"Not correct: that is x_{k}, the point after {k} "
                           f"update{'s' if k != 1 else ''}; after {len(its) - 1} it is "
                           f"{_show(expected)}.", expected=expected, got=got,
                           details=v.details)
    first = next((s for s in d.steps if getattr(s.rule, "value", "") == "gd_step"), None)
    if first is not None and len(its) == 2:
        uphill = ImmutableMatrix(first.given["point"]) + first.given["eta"] * first.given["gradient"]
        if _matches(uphill, got):
            return Verdict(False, v.method, "Not correct: the step went uphill (x + η∇f); "
                           f"gradient descent subtracts: {_show(expected)}.",
                           expected=expected, got=got, details=v.details)
    return v


register(Task(
    "gradient_descent",
    "Gradient descent: gradient, update rule, iteration table, convergence verdict",
    (
        Input("expr", "expr", "the function to minimise", required=False),
        Input("vars", "symbols", "its variables, in order", required=False),
        Input("x0", "value", "the starting point, e.g. [1, 1]", required=False),
        Input("learning_rate", "number", "the learning rate η, e.g. 0.1"),
        Input("iterations", "int", "how many updates (1 to 1000)", required=False, default=10),
        Input("tolerance", "number", "stop when ‖∇f‖ <= tolerance", required=False),
        Input("precision", "text", "auto, exact or a number of digits", required=False),
        Input("x", "data", "regression: the x data", required=False),
        Input("y", "data", "regression: the y data", required=False),
    ),
    _derive_gd, _check_gd, topic=_TOPIC_GD, aliases=("gd", "descent"),
    one_of=(("expr", "x0"), ("x", "y")),
))


# ------------------------------------------------------------------ Newton's method
def _derive_newton(f: Any, x0: Any, var: Any = None, vars: Any = None, iterations: Any = 5,
                   mode: Any = "root", tolerance: Any = None, precision: Any = None) -> Any:
    from sympy import MatrixBase

    from symbolic_mlmath.calculus.newton import derive_newton

    variables = vars or var
    if variables is None:
        free = f.free_symbols
        variables = tuple(sorted(free, key=str))
    start = list(x0) if isinstance(x0, MatrixBase) else [x0]
    return derive_newton(f, variables, start, iterations, mode=mode or "root",
                         tolerance=tolerance, precision=precision or "auto")


def _check_newton(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from sympy import ImmutableMatrix, MatrixBase

    names = [str(v) for v in d.variables]
    point = d.result["point"]
    expected = point if isinstance(point, MatrixBase) else ImmutableMatrix([point])
    v = judge_vector(expected, answer, names, what="the iterate", **tol)
    if v.correct is not False:
        return v
    got = v.got
    its = [p if isinstance(p, MatrixBase) else ImmutableMatrix([p]) for p in
           d.result["iterates"]]
    for k, p in enumerate(its[:-1]):
        if _matches(p, got):
            return Verdict(False, v.method, f"Not correct: that is x_{k}, after {k} Newton "
                           f"step{'s' if k != 1 else ''}; after {len(its) - 1} it is "
                           f"{_show(expected)}.", expected=expected, got=got,
                           details=v.details)
    first = next((s for s in d.steps if getattr(s.rule, "value", "") == "newton_step"), None)
    if first is not None and len(its) == 2:
        g = first.given
        if _matches(g["point"] + g["delta"], got):
            return Verdict(False, v.method, "Not correct: the step was added (x + F/F'); "
                           f"Newton subtracts it: {_show(expected)}.", expected=expected,
                           got=got, details=v.details)
        if len(names) == 1 and g["F_value"][0] != 0 and _matches(
                g["point"] - ImmutableMatrix([g["J_value"][0] / g["F_value"][0]]), got):
            return Verdict(False, v.method, "Not correct: the fraction is upside down "
                           "(F'/F); Newton's step is F/F'.", expected=expected, got=got,
                           details=v.details)
    return v


register(Task(
    "newton_method",
    "Newton's method for a root (x - f/f') or an optimum (x - f'/f''), with the error column",
    (
        Input("f", "value", "the function, or a list of equations for a system"),
        Input("x0", "value", "the starting point, e.g. 1 or [1, 1]"),
        Input("var", "symbols", "the variable (one)", required=False),
        Input("vars", "symbols", "the variables (several)", required=False),
        Input("iterations", "int", "how many steps (1 to 1000)", required=False, default=5),
        Input("mode", "choice", "root or optimize", required=False, default="root",
              choices=("root", "optimize")),
        Input("tolerance", "number", "stop when the step is at most this", required=False),
        Input("precision", "text", "auto, exact or a number of digits", required=False),
    ),
    _derive_newton, _check_newton, topic=_TOPIC_NEWTON, aliases=("newton",),
))


# ------------------------------------------------------------------ backpropagation
def _derive_backprop(network: Any, x: Any, y: Any, loss: Any = "squared", params: Any = None,
                     precision: Any = None, wrt: Any = None) -> Any:
    from symbolic_mlmath.calculus.backprop import derive_backprop

    d = derive_backprop(network, loss, params, list(x), list(y), precision=precision or "auto")
    if wrt is not None:
        _wrt_key(d, wrt)
    return d


def _wrt_key(d: Any, wrt: Any) -> str:
    """The result key a learner means: ``w1_12``, ``dL/dw1_12``, ``W1[1,2]``, ``W1``, ``loss``."""
    text = re.sub(r"\s+", "", str(wrt))
    text = re.sub(r"^(?:dL/d|∂L/∂)", "", text)
    m = re.fullmatch(r"([Wb])(\d+)\[(\d+)(?:,(\d+))?\]", text)
    if m:
        kind, layer, j, k = m.group(1).lower(), m.group(2), m.group(3), m.group(4)
        text = f"{kind}{layer}_{j}{k or ''}" if int(j) < 10 and int(k or 0) < 10 else \
            f"{kind}{layer}_{j}_{k}" if k else f"{kind}{layer}_{j}"
    key = "loss" if text.lower() == "loss" else f"dL/d{text}"
    if key not in d.result:
        names = [k[4:] for k in d.result if k.startswith("dL/d")]
        raise InputError(f"unknown parameter {str(wrt)[:20]!r}; this network has "
                         f"{', '.join(names[:12])}{' ...' if len(names) > 12 else ''}",
                         name="wrt")
    return key


def _check_backprop(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from sympy import MatrixBase

    from symbolic_mlmath.text.parse import parse_answer

    wrt = parsed.get("wrt")
    if wrt is None:
        raise InputError("say which partial derivative the answer is, e.g. --wrt w1_12",
                         name="wrt")
    key = _wrt_key(d, wrt)
    expected = d.result[key]
    if isinstance(expected, MatrixBase):
        return _matrix_verdict(expected, parse_answer(answer, name="answer"), answer, tol)
    from symbolic_mlmath.calculus.functions import to_elementary

    got = parse_answer(answer, name="answer")
    ok, method, note = compare_scalar(to_elementary(expected), to_elementary(got),
                                      text=answer if isinstance(answer, str) else None, **tol)
    what = key.replace("dL/d", "∂L/∂")
    shown = _txt(_short(expected))
    if ok is True:
        return Verdict(True, method, f"Correct: {what} = {shown}.", expected=expected, got=got)
    if ok is None:
        return Verdict(None, method, f"Undecided: {note}.", expected=expected, got=got)
    text = answer if isinstance(answer, str) else None
    hint = _backprop_slip(d, key, got, text)
    typed = text.strip() if text else _txt(got)
    return Verdict(False, method, f"Not correct: {what} = {shown}, not {typed}."
                   + (f" {hint}" if hint else ""), expected=expected, got=got)


def _matrix_verdict(expected: Any, got: Any, text: Any, tol: dict) -> Verdict:
    """Entry by entry; decimals typed set the tolerance (half a unit of the fewest places)."""
    from sympy import MatrixBase, Rational

    from symbolic_mlmath.core.answers import compare

    if not isinstance(got, MatrixBase) or got.shape != expected.shape:
        return compare(expected, got, **tol)
    found = re.findall(r"\d\.(\d+)", text) if isinstance(text, str) else []
    abs_tol = tol.get("abs_tol")
    if abs_tol is None and found:
        abs_tol = Rational(1, 2 * 10 ** min(len(d) for d in found))
    if abs_tol is None:
        return compare(expected, got, **tol)
    wrong = [f"entry ({i + 1}, {j + 1}): expected {_txt(_short(expected[i, j]))}, got "
             f"{_txt(got[i, j])}" for i in range(expected.rows) for j in range(expected.cols)
             if compare_scalar(expected[i, j], got[i, j], abs_tol=abs_tol)[0] is not True]
    if wrong:
        return Verdict(False, "tolerance", "Not correct: " + "; ".join(wrong[:6]) + ".",
                       expected=expected, got=got, details=tuple(wrong))
    return Verdict(True, "tolerance", f"Correct: every entry within {abs_tol}.",
                   expected=expected, got=got)


def _short(v: Any) -> Any:
    from sympy import Float

    return Float(v, 12) if isinstance(v, Float) else v


def _near(value: Any, got: Any, text: str | None) -> bool:
    """``got`` is ``value`` to the decimals the learner typed (or to 1e-9)."""
    from symbolic_mlmath.core.answers import decimal_places

    try:
        v, g = float(value), float(got)
    except (TypeError, ValueError):
        return False
    places = decimal_places(text)
    tol = 0.5 * 10.0 ** -places + 1e-12 if places is not None else 1e-9 * max(1.0, abs(v))
    return abs(v - g) <= tol


def _backprop_slip(d: Any, key: str, got: Any, text: str | None = None) -> str:
    """Name the usual slip: the activation's derivative left out of δ, or the wrong a."""
    steps = list(d.steps[-1].substeps)
    name = key[4:]
    for s in steps:
        if getattr(s.rule, "value", "") != "weight_gradient":
            continue
        for i in range(s.after.rows):
            for j in range(s.after.cols):
                if str(s.given["names"][i, j]) != name:
                    continue
                delta, a_prev = s.given["delta"][i], s.given["a_prev"][j]
                layer = int(s.given["layer"])
                up = next((t for t in steps if getattr(t.rule, "value", "").endswith("_delta")
                           and int(t.given["layer"]) == layer), None)
                if up is not None and up.given.get("upstream") is not None:
                    raw = up.given["upstream"][i] * a_prev
                    if _near(raw, got, text) and not _near(delta * a_prev, got, text):
                        return ("That leaves out the activation's derivative g'(z) in δ "
                                "(upstream × local needs both).")
                if _near(-delta * a_prev, got, text):
                    return "The sign is flipped: ∂L/∂w = δ a, with δ = ∂L/∂z."
    return ""


register(Task(
    "backprop",
    "Backpropagation: forward pass, loss, every partial derivative by the chain rule",
    (
        Input("network", "text", "layers, e.g. 2 -> 2 sigmoid -> 1 sigmoid"),
        Input("x", "vector", "the input"),
        Input("y", "vector", "the target"),
        Input("loss", "text", "squared, mse, bce (log loss) or cross_entropy",
              required=False, default="squared"),
        Input("params", "text", "symbolic, or W1 = [[...]]; b1 = [...]; ...", required=False),
        Input("precision", "text", "auto, exact or a number of digits", required=False),
        Input("wrt", "text", "the partial derivative an answer gives, e.g. w1_12 or W1",
              required=False),
    ),
    _derive_backprop, _check_backprop, topic=_TOPIC_NN, aliases=("backpropagation",),
))

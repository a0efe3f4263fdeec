"""Independent checks of the backpropagation rules: each δ by SymPy's ``diff`` of the loss
through the activation, each product and sum recomputed.

Examples
========
>>> from sympy import Matrix, Rational
>>> from sympy.core.symbol import Str
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.calculus.rules import CalculusRule as R
>>> s = Step(R.ACTIVATE, Matrix([-1, 2]), Matrix([0, 2]), {"activation": Str("relu"),
...          "layer": 1, "names": Matrix([1, 2])})
>>> VERIFIERS[R.ACTIVATE].check(s) is None
True
"""

from __future__ import annotations

import random
from typing import Any

from symbolic_mlmath.calculus.rules import CalculusRule as R
from symbolic_mlmath.calculus.verifiers_iter import close_enough
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import VerifierTable

__all__ = ["VERIFIERS", "agree"]

#: The verifiers of the network rules.
VERIFIERS = VerifierTable()


def _txt(obj: Any) -> str:
    from symbolic_mlmath.render.formats import text_of

    return text_of(obj)


def agree(a: Any, b: Any) -> bool:
    """Equal as numbers (to their precision) or, with symbols, at seeded random points."""
    import mpmath
    from sympy import ImmutableMatrix, MatrixBase, lambdify

    from symbolic_mlmath.calculus.functions import to_elementary

    A = ImmutableMatrix(a) if isinstance(a, MatrixBase) else ImmutableMatrix([a])
    B = ImmutableMatrix(b) if isinstance(b, MatrixBase) else ImmutableMatrix([b])
    A, B = A.applyfunc(to_elementary), B.applyfunc(to_elementary)
    if A.shape != B.shape:
        return False
    free = sorted(A.free_symbols | B.free_symbols, key=str)
    if not free:
        return close_enough(A, B)
    fa, fb = lambdify(free, list(A), "mpmath"), lambdify(free, list(B), "mpmath")
    rng = random.Random(7)
    with mpmath.workdps(40):
        for _ in range(3):
            pt = [mpmath.mpf(rng.randint(-900, 900)) / 1000 for _ in free]
            try:
                va, vb = fa(*pt), fb(*pt)
            except (ZeroDivisionError, ValueError, TypeError):
                continue
            for x, y in zip(va, vb, strict=True):
                x, y = mpmath.mpmathify(x), mpmath.mpmathify(y)
                if abs(x - y) > mpmath.mpf(10) ** -20 * max(1, abs(x)):
                    return False
    return True


def _act(name: str, z: Any) -> Any:
    from symbolic_mlmath.calculus.network import activate

    return activate(name, z)


def _zsyms(n: int) -> Any:
    from sympy import ImmutableMatrix, Symbol

    return ImmutableMatrix([Symbol(f"_z{j}", real=True) for j in range(n)])


def _at_z(expr_m: Any, Z: Any, z: Any) -> Any:
    """Expressions in Z evaluated at z (Heaviside(0) = 0: the ReLU convention)."""
    from sympy import Heaviside, ImmutableMatrix

    sub = dict(zip(Z, z, strict=True))
    out = []
    for e in expr_m:
        e = e.replace(Heaviside, lambda arg, *rest: Heaviside(arg, 0))
        v = e.xreplace(sub)
        out.append(v.doit())
    return ImmutableMatrix(expr_m.rows, expr_m.cols, out)


@VERIFIERS.check(R.LINEAR_LAYER)
def _check_linear(step: Step) -> str | None:
    g = step.given
    want = g["W"] * g["a_prev"] + g["b"]
    if not agree(want, step.after):
        return f"W a + b is {_txt(want)}, not {_txt(step.after)}"
    return None


@VERIFIERS.check(R.ACTIVATE)
def _check_activate(step: Step) -> str | None:
    want = _act(str(step.given["activation"]), step.before)
    if not agree(want, step.after):
        return f"{step.given['activation']}(z) is {_txt(want)}, not {_txt(step.after)}"
    return None


@VERIFIERS.check(R.FORWARD_PASS)
def _check_forward(step: Step) -> str | None:
    subs = step.substeps
    if not subs or subs[0].given["a_prev"] != step.before or subs[-1].after != step.after:
        return "the forward pass must run from x through every layer to the output"
    return None


@VERIFIERS.check(R.LOSS_VALUE)
def _check_loss(step: Step) -> str | None:
    from symbolic_mlmath.calculus.network import loss_value

    want = loss_value(str(step.given["loss"]), step.before, step.given["y"])
    if not agree(want, step.after):
        return f"the loss is {_txt(want)}, not {_txt(step.after)}"
    return None


@VERIFIERS.check(R.OUTPUT_DELTA)
def _check_output_delta(step: Step) -> str | None:
    from sympy import ImmutableMatrix, diff

    from symbolic_mlmath.calculus.network import loss_value

    g = step.given
    z = g["z"]
    Z = _zsyms(len(z))
    Lz = loss_value(str(g["loss"]), _act(str(g["activation"]), Z), g["y"])
    want = _at_z(ImmutableMatrix([diff(Lz, v) for v in Z]), Z, z)
    if not agree(want, step.after):
        return f"∂L/∂z at the output is {_txt(want)}, not {_txt(step.after)}"
    return None


@VERIFIERS.check(R.HIDDEN_DELTA)
def _check_hidden_delta(step: Step) -> str | None:
    from sympy import ImmutableMatrix, diff

    g = step.given
    z = g["z"]
    Z = _zsyms(len(z))
    A = _act(str(g["activation"]), Z)
    J = _at_z(ImmutableMatrix(len(z), len(z), lambda i, j: diff(A[i], Z[j])), Z, z)
    want = J.T * (g["W_next"].T * g["delta_next"])
    if not agree(want, step.after):
        return f"(Wᵀ δ) times g'(z) is {_txt(want)}, not {_txt(step.after)}"
    return None


@VERIFIERS.check(R.WEIGHT_GRADIENT)
def _check_weight_gradient(step: Step) -> str | None:
    g = step.given
    want = g["delta"] * g["a_prev"].T
    if not agree(want, step.after):
        return f"δ aᵀ is {_txt(want)}, not {_txt(step.after)}"
    return None


@VERIFIERS.check(R.BIAS_GRADIENT)
def _check_bias_gradient(step: Step) -> str | None:
    if not agree(step.given["delta"], step.after):
        return f"∂L/∂b is δ = {_txt(step.given['delta'])}, not {_txt(step.after)}"
    return None


@VERIFIERS.check(R.BACKWARD_PASS)
def _check_backward(step: Step) -> str | None:
    by_name = {}
    for s in step.substeps:
        if s.rule in (R.WEIGHT_GRADIENT, R.BIAS_GRADIENT):
            by_name.update(zip(s.given["names"], s.after, strict=True))
    names = list(step.given["names"])
    if set(names) != set(by_name) or len(names) != len(step.after):
        return "the backward pass must give every parameter's partial derivative"
    for name, v in zip(names, step.after, strict=True):
        if by_name[name] != v:
            return f"∂L/∂{name} is {_txt(by_name[name])}, not {_txt(v)}"
    return None

"""Templates of the backpropagation rules: the chain rule worded as upstream × local.

Small layers are written entry by entry (scalar form: ``∂L/∂w2_11 = δ2_1 · a1_1 = ...``);
larger ones as matrices with their shapes (``∂L/∂W² = δ² a¹ᵀ: (2×1)(1×3) = 2×3``).

Examples
========
>>> from sympy import Matrix, Mul, symbols
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.calculus.rules import CalculusRule as R
>>> from symbolic_mlmath.render.formats import TEXT
>>> d, a, w = symbols("δ2_1 a1_1 w2_11")
>>> s = Step(R.WEIGHT_GRADIENT, Matrix([[Mul(d, a, evaluate=False)]]), Matrix([[6]]),
...          {"layer": 2, "delta": Matrix([2]), "a_prev": Matrix([3]), "names": Matrix([[w]])})
>>> TEMPLATES[R.WEIGHT_GRADIENT].instance(s, TEXT)
'∂L/∂w2_11 = δ2_1·a1_1 = 2·3 = 6'
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.calculus.rules import CalculusRule as R
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.render.formats import MathFormat
from symbolic_mlmath.render.templates import TemplateTable

__all__ = ["TEMPLATES"]

#: Templates of the network rules.
TEMPLATES = TemplateTable()
template = TEMPLATES.add

_SCALAR_MAX = 12  # at most this many entries: written one by one
_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _shown(v: Any) -> Any:
    from symbolic_mlmath.calculus.templates_iter import shown_value

    return shown_value(v)


def _m(f: MathFormat, obj: Any) -> str:
    """Math with decimals shown to 12 digits."""
    if hasattr(obj, "applyfunc"):
        return f.m(obj.applyfunc(_shown))
    return f.m(_shown(obj))


def _sym(f: MathFormat, kind: str, layer: Any) -> str:
    return f.raw(f"{kind}^{{{layer}}}", f"{kind}{str(layer).translate(_SUP)}")


def _mul(f: MathFormat, a: Any, b: Any) -> str:
    return f.raw(rf"{_tex(a)} \cdot {_tex(b)}", f"{_t(a)}·{_t(b)}")


def _tex(v: Any) -> str:
    from symbolic_mlmath.render.formats import latex_of

    return latex_of(_shown(v))


def _t(v: Any) -> str:
    from symbolic_mlmath.render.formats import TEXT

    s = TEXT.m(_shown(v))
    return f"({s})" if any(c in s[1:] for c in "+-") or s.startswith("-") else s


def _formula(f: MathFormat, e: Any) -> str:
    """A product kept in its written order (upstream · local) as one piece of math."""
    from sympy import Mul

    from symbolic_mlmath.render.formats import TEXT, latex_of

    if isinstance(e, Mul) and len(e.args) == 2:
        a, b = e.args
        return f.raw(rf"{latex_of(a)} \cdot {latex_of(b)}", f"{TEXT.m(a)}·{TEXT.m(b)}")
    return f.m(e)


def _dname(f: MathFormat, n: Any) -> str:
    """``∂L/∂b2_1``."""
    return f.raw(rf"\partial L/\partial {_tex(n)}", f"∂L/∂{n}")


def _shape(M: Any) -> str:
    return f"{M.rows}×{M.cols}"


def _entries(step: Step, f: MathFormat, lhs: Any) -> str:
    """``name = formula = value`` for each entry."""
    parts = []
    for name, formula, value in zip(lhs, step.before, step.after, strict=True):
        parts.append(f"{f.m(name)} = {_formula(f, formula)} = {_m(f, value)}")
    return "; ".join(parts)


# ------------------------------------------------------------------ forward
@template(R.FORWARD_PASS, "Forward pass",
          lambda f: f.prose("Feed the input through each layer: ")
          + f.raw(r"z^{l} = W^{l} a^{l-1} + b^{l},\ a^{l} = g(z^{l})",
                  "zˡ = Wˡ aˡ⁻¹ + bˡ, aˡ = g(zˡ)")
          + f.prose(", with ") + f.raw("a^{0} = x", "a⁰ = x")
          + f.prose("; every intermediate gets a name."), "=>")
def _forward(step: Step, f: MathFormat) -> str:
    return f"{f.prose('network')} {f.prose(str(step.given['network']))}: " \
           f"{f.raw('a^{L}', 'output')} = {_m(f, step.after)}"


@template(R.LINEAR_LAYER, "Weighted sum",
          lambda f: f.raw(r"z^{l} = W^{l} a^{l-1} + b^{l}", "zˡ = Wˡ aˡ⁻¹ + bˡ")
          + f.prose(": each unit adds its weighted inputs and its bias."))
def _linear(step: Step, f: MathFormat) -> str:
    g = step.given
    layer = int(g["layer"])
    if len(step.after) <= _SCALAR_MAX:
        return _entries(step, f, g["names"])
    return (f"{_sym(f, 'z', layer)} = {_sym(f, 'W', layer)} {_sym(f, 'a', layer - 1)} + "
            f"{_sym(f, 'b', layer)}: ({_shape(g['W'])})({_shape(g['a_prev'])}) + "
            f"{_shape(g['b'])} = {_m(f, step.after)}")


_ACT_LAW = {"identity": "a = z", "sigmoid": "a = σ(z) = 1/(1 + e^(-z))", "tanh": "a = tanh z",
            "relu": "a = max(0, z)", "softmax": "a_i = e^(z_i) / Σ_j e^(z_j)"}


@template(R.ACTIVATE, "Activation",
          "Apply the layer's activation to each weighted sum (softmax to the whole vector).")
def _activate(step: Step, f: MathFormat) -> str:
    g = step.given
    act = str(g["activation"])
    if len(step.after) <= _SCALAR_MAX:
        parts = [f"{f.m(n)} = {f.prose(act)}({_m(f, z)}) = {_m(f, a)}"
                 for n, z, a in zip(g["names"], step.before, step.after, strict=True)]
        return f"{f.prose(_ACT_LAW[act])}: " + "; ".join(parts)
    return f"{f.prose(_ACT_LAW[act])}: {_sym(f, 'a', int(g['layer']))} = {_m(f, step.after)}"


_LOSS_LAW = {"squared": "L = ½ Σ (a_j - y_j)²", "mse": "L = (1/n) Σ (a_j - y_j)²",
             "bce": "L = -Σ [y ln a + (1 - y) ln(1 - a)] (log loss)",
             "cross_entropy": "L = -Σ y_j ln a_j (cross-entropy)"}


@template(R.LOSS_VALUE, "Loss", "Compare the output with the target y.")
def _loss(step: Step, f: MathFormat) -> str:
    g = step.given
    return (f"{f.prose(_LOSS_LAW[str(g['loss'])])}: L = {f.m(g['formula'])}, y = "
            f"{_m(f, g['y'])}: L = {_m(f, step.after)}")


# ------------------------------------------------------------------ backward
@template(R.BACKWARD_PASS, "Backward pass",
          lambda f: f.prose("Apply the chain rule from the loss back to every parameter: each "
                            "partial derivative is the upstream derivative times the local one, ")
          + f.raw(r"\delta^{l} = \partial L/\partial z^{l}", "δˡ = ∂L/∂zˡ")
          + f.prose(" passed back layer by layer."), "=>")
def _backward(step: Step, f: MathFormat) -> str:
    n = len(step.after)
    return f"{n} {f.prose('partial derivatives')}, {f.prose('output layer first')}"


_LOCAL = {"identity": "1", "sigmoid": "σ'(z) = a(1 - a)", "tanh": "tanh'(z) = 1 - a²",
          "relu": "relu'(z) = 1 if z > 0 else 0 (0 at z = 0)",
          "softmax": "∂a_i/∂z_j = a_i(δ_ij - a_j)"}


@template(R.OUTPUT_DELTA, "Output error δ",
          lambda f: f.raw(r"\delta^{L} = \frac{\partial L}{\partial a^{L}} \odot g'(z^{L})",
                          "δᴸ = ∂L/∂aᴸ ⊙ g′(zᴸ)")
          + f.prose(": upstream (the loss) times local (the activation)."))
def _output_delta(step: Step, f: MathFormat) -> str:
    g = step.given
    act, loss = str(g["activation"]), str(g["loss"])
    if g["combined"]:
        head = f.prose(f"{loss} with {act}: the factors cancel to δ = a - y")
    else:
        head = f.prose(f"local {_LOCAL[act]}")
    if len(step.after) <= _SCALAR_MAX:
        return f"{head}; " + _entries(step, f, g["names"])
    return f"{head}; δ = {_m(f, step.after)} ({_shape(step.after)})"


@template(R.HIDDEN_DELTA, "Hidden error δ",
          lambda f: f.raw(r"\delta^{l} = \left(W^{l+1}\right)^{\top} \delta^{l+1} \odot g'(z^{l})",
                          "δˡ = (Wˡ⁺¹)ᵀ δˡ⁺¹ ⊙ g′(zˡ)")
          + f.prose(": the error flows back along the weights (upstream), times the local "
                    "slope of the activation."))
def _hidden_delta(step: Step, f: MathFormat) -> str:
    g = step.given
    head = f.prose(f"local {_LOCAL[str(g['activation'])]}")
    if len(step.after) <= _SCALAR_MAX:
        return f"{head}; " + _entries(step, f, g["names"])
    layer = int(g["layer"])
    return (f"{head}; ({_shape(g['W_next'].T)})({_shape(g['delta_next'])}) ⊙ "
            f"{_shape(step.after)}: {_sym(f, 'δ', layer)} = {_m(f, step.after)}")


@template(R.WEIGHT_GRADIENT, "Weight gradient",
          lambda f: f.raw(r"\frac{\partial L}{\partial w^{l}_{jk}} = \frac{\partial L}"
                          r"{\partial z^{l}_{j}} \cdot \frac{\partial z^{l}_{j}}{\partial "
                          r"w^{l}_{jk}} = \delta^{l}_{j}\, a^{l-1}_{k}",
                          "∂L/∂wˡⱼₖ = ∂L/∂zˡⱼ · ∂zˡⱼ/∂wˡⱼₖ = δˡⱼ aˡ⁻¹ₖ")
          + f.prose(", so ") + f.raw(r"\partial L/\partial W^{l} = \delta^{l} (a^{l-1})^{\top}",
                                     "∂L/∂Wˡ = δˡ (aˡ⁻¹)ᵀ") + ".")
def _weight_gradient(step: Step, f: MathFormat) -> str:
    g = step.given
    M = step.after
    if len(M) <= _SCALAR_MAX:
        parts = []
        for i in range(M.rows):
            for j in range(M.cols):
                name = f.raw(rf"\frac{{\partial L}}{{\partial {_tex(g['names'][i, j])}}}",
                             f"∂L/∂{g['names'][i, j]}")
                parts.append(f"{name} = {_formula(f, step.before[i, j])} = "
                             f"{_mul(f, g['delta'][i], g['a_prev'][j])} = {_m(f, M[i, j])}")
        return "; ".join(parts)
    layer = int(g["layer"])
    name = f.raw(rf"\partial L/\partial W^{{{layer}}}", f"∂L/∂W{layer}")
    return (f"{name} = ({_shape(g['delta'])})({_shape(g['a_prev'].T)}) = {_shape(M)}: "
            f"{_m(f, M)}")


@template(R.BIAS_GRADIENT, "Bias gradient",
          lambda f: f.raw(r"\frac{\partial L}{\partial b^{l}_{j}} = \delta^{l}_{j} \cdot 1",
                          "∂L/∂bˡⱼ = δˡⱼ · 1")
          + f.prose(": the bias enters z with slope 1."))
def _bias_gradient(step: Step, f: MathFormat) -> str:
    g = step.given
    parts = [f"{_dname(f, n)} = {_m(f, v)}" for n, v in zip(g["names"], step.after, strict=True)]
    return "; ".join(parts) if len(parts) <= _SCALAR_MAX else _m(f, step.after)

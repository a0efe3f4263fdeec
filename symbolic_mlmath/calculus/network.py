"""Networks for backpropagation: the layer specification, activations, losses, parameters.

A network is read from learner text by a small grammar of its own (no ``eval``): the
input size, then each layer's size and activation, e.g. ``"2 -> 3 tanh -> 1 sigmoid"``,
``"2-2-1"`` (hidden layers sigmoid, the output chosen by the loss), ``"[2, 3, 1]"``, or
a Python list ``[2, (3, "tanh"), (1, "sigmoid")]``. Parameters are symbolic names
(``w1_12`` is row 1, column 2 of W¹) or values given as ``{"W1": [[...]], "b1": [...]}``
(or the text ``"W1 = [[1, 2]]; b1 = [0]"``), every value read through the text door.

Examples
========
>>> net = read_network("2 -> 2 sigmoid -> 1 sigmoid")
>>> net.sizes, net.activations
((2, 2, 1), ('sigmoid', 'sigmoid'))
>>> read_network("2-3-1", loss="squared").activations
('sigmoid', 'identity')
>>> read_loss("log-loss")
'bce'
>>> weight_symbol(1, 1, 2), weight_symbol(2, 10, 3)
(w1_12, w2_10_3)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from symbolic_mlmath.core.errors import InputError

__all__ = [
    "ACTIVATIONS",
    "LOSSES",
    "Network",
    "activate",
    "bias_symbol",
    "loss_gradient",
    "loss_value",
    "read_loss",
    "read_network",
    "read_params",
    "symbolic_params",
    "weight_symbol",
]

ACTIVATIONS = ("identity", "sigmoid", "tanh", "relu", "softmax")
_ACT = {
    "identity": "identity", "linear": "identity", "id": "identity", "none": "identity",
    "sigmoid": "sigmoid", "sigma": "sigmoid", "logistic": "sigmoid", "σ": "sigmoid",
    "tanh": "tanh", "relu": "relu", "softmax": "softmax",
}
LOSSES = ("squared", "mse", "bce", "cross_entropy")
_LOSS = {
    "squared": "squared", "half_squared": "squared", "squared_error": "squared",
    "sse": "squared", "l2": "squared",
    "mse": "mse", "mean_squared_error": "mse",
    "bce": "bce", "log_loss": "bce", "logloss": "bce", "binary_cross_entropy": "bce",
    "log": "bce", "logistic": "bce",
    "cross_entropy": "cross_entropy", "ce": "cross_entropy", "crossentropy": "cross_entropy",
    "categorical_cross_entropy": "cross_entropy", "softmax_cross_entropy": "cross_entropy",
}
_MAX_UNITS = 64
_MAX_LAYERS = 8
_MAX_PARAMS = 400
_ITEM = re.compile(r"^(\d{1,3})\s*(?:\(\s*([a-zσ_]+)\s*\)|([a-zσ_]+))?$")


@dataclass(frozen=True)
class Network:
    """Layer sizes ``(n0, n1, ..., nL)`` and the activation of each layer 1..L."""

    sizes: tuple[int, ...]
    activations: tuple[str, ...]

    @property
    def depth(self) -> int:
        """The number of layers with weights (L)."""
        return len(self.activations)

    @property
    def n_params(self) -> int:
        """How many weights and biases."""
        return sum(self.sizes[k] * self.sizes[k - 1] + self.sizes[k]
                   for k in range(1, len(self.sizes)))

    def describe(self) -> str:
        """``2 → 2 (sigmoid) → 1 (sigmoid)``."""
        parts = [str(self.sizes[0])] + [f"{n} ({a})" for n, a in
                                        zip(self.sizes[1:], self.activations, strict=True)]
        return " → ".join(parts)


def _norm(word: str) -> str:
    return word.strip().lower().replace("-", "_").replace(" ", "_")


def read_loss(value: Any, name: str = "loss") -> str:
    """The loss by any of its usual names: squared, mse, bce (log loss), cross_entropy."""
    key = _norm(str(value or ""))
    if key not in _LOSS:
        raise InputError(f"unknown loss {str(value)[:30]!r}; use squared (½Σ(a - y)²), mse, "
                         "bce (log loss) or cross_entropy", name=name)
    return _LOSS[key]


def _activation(word: str, name: str) -> str:
    key = _norm(word)
    if key not in _ACT:
        raise InputError(f"unknown activation {word[:20]!r}; use one of "
                         f"{', '.join(ACTIVATIONS)}", name=name)
    return _ACT[key]


def _items(value: Any, name: str) -> list[tuple[int, str | None]]:
    """The layers as ``(size, activation or None)`` from text or a Python list."""
    if isinstance(value, str):
        text = value.strip()
        if len(text) > 300:
            raise InputError("network description too long", name=name)
        text = text.strip("[]")
        parts = [p.strip() for p in re.split(r"->|→|,|;|(?<=[\d)a-z])\s*-\s*(?=\d)", text)
                 if p and p.strip()]
        out = []
        for p in parts:
            m = _ITEM.match(p.lower())
            if not m:
                raise InputError(f"cannot read layer {p[:20]!r}; write e.g. 2 -> 3 tanh -> "
                                 "1 sigmoid", name=name)
            out.append((int(m.group(1)), m.group(2) or m.group(3)))
        return out
    if isinstance(value, list | tuple):
        out = []
        for item in value:
            if isinstance(item, list | tuple) and len(item) == 2:
                out.append((int(item[0]), str(item[1])))
            else:
                out.append((int(item), None))
        return out
    raise InputError("expected a network such as 2 -> 3 tanh -> 1 sigmoid", name=name)


def read_network(value: Any, *, loss: str | None = None, name: str = "network") -> Network:
    """Read a network; missing activations are sigmoid (hidden) and, for the output, the
    one that matches the loss (identity for squared/mse, sigmoid for bce, softmax for
    cross_entropy)."""
    if isinstance(value, Network):
        return value
    items = _items(value, name)
    if len(items) < 2:
        raise InputError("give the input size and at least one layer, e.g. 2 -> 1 sigmoid",
                         name=name)
    if len(items) - 1 > _MAX_LAYERS:
        raise InputError(f"at most {_MAX_LAYERS} layers", name=name)
    sizes = tuple(n for n, _ in items)
    if any(not 1 <= n <= _MAX_UNITS for n in sizes):
        raise InputError(f"layer sizes must be from 1 to {_MAX_UNITS}", name=name)
    if items[0][1] is not None:
        raise InputError("the first number is the input size; it has no activation", name=name)
    out_default = {"squared": "identity", "mse": "identity", "bce": "sigmoid",
                   "cross_entropy": "softmax"}.get(loss or "squared", "identity")
    acts = []
    for k, (_, act) in enumerate(items[1:], start=1):
        default = out_default if k == len(items) - 1 else "sigmoid"
        acts.append(_activation(act, name) if act else default)
    net = Network(sizes, tuple(acts))
    if net.n_params > _MAX_PARAMS:
        raise InputError(f"{net.n_params} parameters; at most {_MAX_PARAMS}", name=name)
    return net


# ------------------------------------------------------------------ parameters
def weight_symbol(layer: int, j: int, k: int) -> Any:
    """The symbol of W^layer[j, k] (1-based): ``w1_12``, or ``w1_10_3`` past 9."""
    from sympy import Symbol

    idx = f"{j}{k}" if j < 10 and k < 10 else f"{j}_{k}"
    return Symbol(f"w{layer}_{idx}")


def bias_symbol(layer: int, j: int) -> Any:
    """The symbol of b^layer[j]: ``b2_1``."""
    from sympy import Symbol

    return Symbol(f"b{layer}_{j}")


def symbolic_params(net: Network) -> dict[str, Any]:
    """``{"W1": matrix of w1_jk, "b1": vector of b1_j, ...}``."""
    from sympy import ImmutableMatrix

    out: dict[str, Any] = {}
    for layer in range(1, net.depth + 1):
        rows, cols = net.sizes[layer], net.sizes[layer - 1]
        out[f"W{layer}"] = ImmutableMatrix(rows, cols, lambda j, k, _l=layer:
                                           weight_symbol(_l, j + 1, k + 1))
        out[f"b{layer}"] = ImmutableMatrix([bias_symbol(layer, j + 1) for j in range(rows)])
    return out


def _split_params(text: str, name: str) -> dict[str, str]:
    """``"W1 = [[1, 2]]; b1 = [0]"`` -> ``{"W1": "[[1, 2]]", "b1": "[0]"}`` (no eval)."""
    out: dict[str, str] = {}
    for m in re.finditer(r"([A-Za-z]\w{0,5})\s*=\s*(\[[^=]*?\](?=\s*[,;]?\s*(?:[A-Za-z]\w{0,5}"
                         r"\s*=|$))|[^,;=\[\]]+)", text.strip()):
        out[m.group(1)] = m.group(2).strip()
    if not out:
        raise InputError("write the parameters as W1 = [[...]], b1 = [...], ...", name=name)
    return out


def read_params(value: Any, net: Network, name: str = "params") -> dict[str, Any]:
    """The parameters: ``symbolic`` (the default) or values of W1, b1, ... of the right
    shapes; any parameter not given stays symbolic."""
    from sympy import ImmutableMatrix, MatrixBase

    from symbolic_mlmath.text.parse import parse_matrix

    params = symbolic_params(net)
    if value is None or (isinstance(value, str) and value.strip().lower() in
                         {"", "symbolic", "symbols", "names"}):
        return params
    raw = _split_params(value, name) if isinstance(value, str) else dict(value)
    for key, v in raw.items():
        k = str(key).strip()
        if k not in params:
            raise InputError(f"unknown parameter {k!r}; this network has "
                             f"{', '.join(params)}", name=name)
        want = params[k].shape
        m = v if isinstance(v, MatrixBase) else parse_matrix(v, name=f"{name}[{k}]")
        if m.shape != want and k.startswith("b") and m.T.shape == want:
            m = m.T
        if m.shape != want:
            raise InputError(f"{k} must be {want[0]}x{want[1]}, got {m.rows}x{m.cols}",
                             name=name)
        params[k] = ImmutableMatrix(m)
    return params


# ------------------------------------------------------------------ activations and losses
def activate(name: str, z: Any) -> Any:
    """The activation applied to a column vector ``z`` (softmax acts on the whole vector).

    Examples
    ========
    >>> from sympy import Matrix, Rational
    >>> activate("relu", Matrix([-1, 2])).T, activate("identity", Matrix([Rational(1, 2)]))
    (Matrix([[0, 2]]), Matrix([[1/2]]))
    """
    from sympy import ImmutableMatrix, Max, exp, tanh

    if name == "identity":
        return ImmutableMatrix(z)
    if name == "sigmoid":
        return ImmutableMatrix([1 / (1 + exp(-v)) for v in z])
    if name == "tanh":
        return ImmutableMatrix([tanh(v) for v in z])
    if name == "relu":
        return ImmutableMatrix([Max(0, v) for v in z])
    if name == "softmax":
        m = max(z, key=lambda v: float(v)) if all(v.is_number for v in z) else 0
        e = [exp(v - m) for v in z]
        s = sum(e)
        return ImmutableMatrix([v / s for v in e])
    raise ValueError(name)  # pragma: no cover - names are checked when read


def local_jacobian(name: str, z: Any, a: Any) -> Any:
    """∂a/∂z of a layer: diagonal for elementwise activations, full for softmax.

    ReLU'(0) is taken as 0 (the convention of most libraries; there is no derivative).
    """
    from sympy import Heaviside, ImmutableMatrix, KroneckerDelta, diag

    n = len(z)
    if name == "identity":
        return ImmutableMatrix(diag(*[1] * n))
    if name == "sigmoid":
        return ImmutableMatrix(diag(*[v * (1 - v) for v in a]))
    if name == "tanh":
        return ImmutableMatrix(diag(*[1 - v**2 for v in a]))
    if name == "relu":
        return ImmutableMatrix(diag(*[Heaviside(v, 0) for v in z]))
    return ImmutableMatrix(n, n, lambda i, j: a[i] * (KroneckerDelta(i, j) - a[j]))


def loss_value(loss: str, a: Any, y: Any) -> Any:
    """L(a, y) for the loss by name."""
    from sympy import Rational, log

    pairs = list(zip(a, y, strict=True))
    if loss == "squared":
        return Rational(1, 2) * sum((ai - yi) ** 2 for ai, yi in pairs)
    if loss == "mse":
        return Rational(1, len(pairs)) * sum((ai - yi) ** 2 for ai, yi in pairs)
    if loss == "bce":
        return -sum(yi * log(ai) + (1 - yi) * log(1 - ai) for ai, yi in pairs)
    return -sum(yi * log(ai) for ai, yi in pairs)


def loss_gradient(loss: str, a: Any, y: Any) -> Any:
    """∂L/∂a as a column vector."""
    from sympy import ImmutableMatrix, Rational

    pairs = list(zip(a, y, strict=True))
    if loss == "squared":
        return ImmutableMatrix([ai - yi for ai, yi in pairs])
    if loss == "mse":
        return ImmutableMatrix([Rational(2, len(pairs)) * (ai - yi) for ai, yi in pairs])
    if loss == "bce":
        return ImmutableMatrix([-yi / ai + (1 - yi) / (1 - ai) for ai, yi in pairs])
    return ImmutableMatrix([-yi / ai for ai, yi in pairs])

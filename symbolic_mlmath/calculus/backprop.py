"""Backpropagation as the chain rule, every number shown.

The forward pass computes and names every intermediate, ``z^l = W^l a^(l-1) + b^l`` and
``a^l = g(z^l)``, symbolically (in named quantities) and at the given values; the loss
follows; the backward pass starts from ``δ^L = ∂L/∂z^L`` and sends it back through the
layers, ``δ^l = (W^(l+1)ᵀ δ^(l+1)) ⊙ g'(z^l)``, each partial derivative being upstream
times local: ``∂L/∂w^l_jk = δ^l_j a^(l-1)_k`` and ``∂L/∂b^l_j = δ^l_j``. Values stay exact
while they are rational, else become decimals of a stated precision; symbolic
parameters give symbolic partial derivatives.

Examples
========
>>> d = derive_backprop("1 -> 1 identity", "squared", {"W1": [[2]], "b1": [1]}, [3], [5])
>>> d.result["loss"], d.result["dL/dw1_11"], d.result["dL/db1_1"]
(2, 6, 2)
>>> d.validate() is d
True
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.calculus.iteration import Precision, decimal
from symbolic_mlmath.calculus.network import (
    Network,
    activate,
    local_jacobian,
    loss_gradient,
    loss_value,
    read_loss,
    read_network,
    read_params,
    symbolic_params,
)
from symbolic_mlmath.calculus.rules import CalculusRule as R
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.rules import Rule
from symbolic_mlmath.core.steps import Derivation, Step

__all__ = ["derive_backprop", "explicit_loss", "named"]


def named(kind: str, layer: int, n: int) -> Any:
    """The named quantities of one layer as a column: ``z1_1, z1_2``, ``a2_1``, ``δ2_1``;
    layer 0 of ``a`` is the input ``x1, x2, ...``.

    Examples
    ========
    >>> named("a", 0, 2).T, named("δ", 2, 1).T
    (Matrix([[x1, x2]]), Matrix([[δ2_1]]))
    """
    from sympy import ImmutableMatrix, Symbol

    if kind == "a" and layer == 0:
        return ImmutableMatrix([Symbol(f"x{j + 1}") for j in range(n)])
    if kind == "y":
        return ImmutableMatrix([Symbol(f"y{j + 1}") for j in range(n)])
    return ImmutableMatrix([Symbol(f"{kind}{layer}_{j + 1}") for j in range(n)])


def _valuer(prec: Precision) -> Any:
    """Exact while rational, else a decimal of the stated precision; symbolic values with
    the sigmoid written as σ."""

    def value(e: Any) -> Any:
        from sympy import Float, nan

        from symbolic_mlmath.calculus.functions import recognize

        if e.free_symbols:
            return recognize(e)
        if e.is_Rational or prec.mode == "exact":
            return e
        if e.has(nan):
            return e
        if isinstance(e, Float) and e._prec <= int((prec.digits + 1) * 3.33) + 1:
            return e
        return decimal(e, prec.digits)

    return value


def _vec(values: Any, fn: Any) -> Any:
    from sympy import ImmutableMatrix

    return ImmutableMatrix(values.shape[0], values.shape[1], [fn(v) for v in values])


def _combined(loss: str, act: str, y: Any) -> bool:
    """σ with the log loss, and softmax with cross-entropy on a distribution y: δ = a - y."""
    return (loss == "bce" and act == "sigmoid") or (
        loss == "cross_entropy" and act == "softmax" and sum(y) == 1)


def _delta_formula(net: Network, layer: int, loss: str, y: Any) -> Any:
    """δ of a layer in named quantities (upstream times local)."""
    from sympy import Heaviside, ImmutableMatrix, Mul, Rational, Symbol

    L = net.depth
    n = net.sizes[layer]
    act = net.activations[layer - 1]
    a, z = named("a", layer, n), named("z", layer, n)
    if layer == L:
        ys = named("y", 0, n)
        if _combined(loss, act, y):
            return ImmutableMatrix([a[j] - ys[j] for j in range(n)])
        up = loss_gradient(loss, a, ys)
        if loss == "mse":
            up = ImmutableMatrix([Rational(2, n) * (a[j] - ys[j]) for j in range(n)])
    else:
        W = symbolic_params(net)[f"W{layer + 1}"]
        dn = named("δ", layer + 1, net.sizes[layer + 1])
        up = W.T * dn
    if act == "softmax":
        D = local_jacobian("softmax", z, a)
        return ImmutableMatrix(D.T * up)
    local = {"identity": lambda j: 1, "sigmoid": lambda j: a[j] * (1 - a[j]),
             "tanh": lambda j: 1 - a[j] ** 2,
             "relu": lambda j: Heaviside(z[j], 0)}[act]
    if act == "identity":
        return ImmutableMatrix([up[j] for j in range(n)])
    return ImmutableMatrix([Mul(up[j], local(j), evaluate=False) for j in range(n)]) if n \
        else Symbol("none")


def derive_backprop(network: Any, loss: Any, params: Any, x: Any, y: Any, *,
                    precision: Any = "auto") -> Derivation:
    """Forward pass, loss and backward pass of a network, every partial derivative a step.

    ``result`` holds ``loss``, every scalar partial ``dL/dw1_12``, ``dL/db2_1``, ... and
    the matrices ``dL/dW1``, ``dL/db1``, ...

    Examples
    ========
    >>> d = derive_backprop("2 -> 1 sigmoid", "bce", "symbolic", [1, 2], [1])
    >>> print(d.result["dL/dw1_12"])
    2*σ(b1_1 + w1_11 + 2*w1_12) - 2
    """
    from sympy import ImmutableMatrix, Mul, Tuple
    from sympy.core.symbol import Str

    loss = read_loss(loss)
    net = read_network(network, loss=loss)
    prec = Precision.read(precision)
    P = read_params(params, net)
    xv, yv = _column(x, "x"), _column(y, "y")
    if xv.rows != net.sizes[0]:
        raise InputError(f"the network takes {net.sizes[0]} inputs, x has {xv.rows}", name="x")
    if yv.rows != net.sizes[-1]:
        raise InputError(f"the network has {net.sizes[-1]} outputs, y has {yv.rows}", name="y")
    if loss in {"bce", "cross_entropy"} and net.activations[-1] not in {"sigmoid", "softmax"}:
        raise InputError(f"{loss} needs outputs in (0, 1): end with a sigmoid or softmax layer",
                         name="loss")
    if net.activations[-1] == "softmax" and loss == "bce":
        raise InputError("use cross_entropy with a softmax output", name="loss")
    val = _valuer(prec)
    names = symbolic_params(net)
    L = net.depth
    # ---- forward
    fwd, zs, acts = [], [None], [xv]
    for layer in range(1, L + 1):
        W, b = P[f"W{layer}"], P[f"b{layer}"]
        n = net.sizes[layer]
        formula = ImmutableMatrix(names[f"W{layer}"] * named("a", layer - 1, net.sizes[layer - 1])
                                  + names[f"b{layer}"])
        z = _vec(W * acts[-1] + b, val)
        fwd.append(Step(R.LINEAR_LAYER, formula, z, {
            "layer": layer, "W": W, "b": b, "a_prev": acts[-1], "names": named("z", layer, n)}))
        a = _vec(activate(net.activations[layer - 1], z), val)
        fwd.append(Step(R.ACTIVATE, z, a, {"layer": layer,
                                           "activation": Str(net.activations[layer - 1]),
                                           "names": named("a", layer, n)}))
        zs.append(z)
        acts.append(a)
    info = {"network": Str(net.describe()), "sizes": Tuple(*net.sizes),
            "activations": Tuple(*(Str(a) for a in net.activations))}
    aL = acts[-1]
    Lval = val(loss_value(loss, aL, yv))
    steps = [Step(Rule.GIVEN, None, xv),
             Step(R.FORWARD_PASS, xv, aL, info, substeps=fwd),
             Step(R.LOSS_VALUE, aL, Lval, {"loss": Str(loss), "y": yv, "formula": loss_value(
                 loss, named("a", L, net.sizes[L]), named("y", 0, net.sizes[L]))})]
    # ---- backward
    back, deltas, grads = [], {}, {}
    for layer in range(L, 0, -1):
        act = net.activations[layer - 1]
        z, a = zs[layer], acts[layer]
        D = _vec(local_jacobian(act, z, a), val)
        formula = _delta_formula(net, layer, loss, yv)
        common = {"layer": layer, "activation": Str(act), "z": z, "a": a, "local": D,
                  "names": named("δ", layer, net.sizes[layer])}
        if layer == L:
            up = _vec(loss_gradient(loss, a, yv), val) if not _combined(loss, act, yv) else None
            delta = (_vec(a - yv, val) if up is None else _vec(D.T * up, val))
            back.append(Step(R.OUTPUT_DELTA, formula, delta, {
                **common, "loss": Str(loss), "y": yv, "combined": up is None,
                "upstream": up if up is not None else _vec(loss_gradient(loss, a, yv), val)}))
        else:
            Wn = P[f"W{layer + 1}"]
            up = _vec(Wn.T * deltas[layer + 1], val)
            delta = _vec(D.T * up, val)
            back.append(Step(R.HIDDEN_DELTA, formula, delta, {
                **common, "W_next": Wn, "delta_next": deltas[layer + 1], "upstream": up}))
        deltas[layer] = delta
        dW = _vec(delta * acts[layer - 1].T, val)
        dn, an = named("δ", layer, net.sizes[layer]), named("a", layer - 1, net.sizes[layer - 1])
        wf = ImmutableMatrix(dn.rows, an.rows,
                             lambda i, j, dn=dn, an=an: Mul(dn[i], an[j], evaluate=False))
        back.append(Step(R.WEIGHT_GRADIENT, wf, dW, {
            "layer": layer, "delta": delta, "a_prev": acts[layer - 1],
            "names": names[f"W{layer}"]}))
        back.append(Step(R.BIAS_GRADIENT, named("δ", layer, net.sizes[layer]), delta, {
            "layer": layer, "delta": delta, "names": names[f"b{layer}"]}))
        grads[layer] = (dW, delta)
    flat_names, flat_vals, result = [], [], {"loss": Lval}
    for layer in range(1, L + 1):
        dW, db = grads[layer]
        for sym_m, val_m in ((names[f"W{layer}"], dW), (names[f"b{layer}"], db)):
            for s, v in zip(sym_m, val_m, strict=True):
                flat_names.append(s)
                flat_vals.append(v)
                result[f"dL/d{s}"] = v
        result[f"dL/dW{layer}"] = dW
        result[f"dL/db{layer}"] = db
    steps.append(Step(R.BACKWARD_PASS, Lval, ImmutableMatrix(flat_vals),
                      {"names": Tuple(*flat_names), **info}, substeps=back))
    return Derivation(
        f"Backpropagation: {net.describe()}, {loss} loss", goal=Tuple(Str(net.describe()), xv),
        steps=tuple(steps), result=result, variables=tuple(flat_names), task="backprop",
        inputs={"network": net, "loss": loss, "params": P, "x": xv, "y": yv},
        reference=lambda: _reference(net, loss, P, xv, yv, result, prec),
    )


def _column(value: Any, name: str) -> Any:
    """An input or target vector: text through the text door, items exactly."""
    from sympy import ImmutableMatrix

    from symbolic_mlmath.text.convert import as_sympy
    from symbolic_mlmath.text.parse import parse_vector

    if isinstance(value, str):
        return parse_vector(value, name=name)
    items = list(value) if hasattr(value, "__iter__") else [value]
    return ImmutableMatrix([as_sympy(v, name=name) for v in items])


def explicit_loss(net: Network, loss: str, x: Any, y: Any) -> tuple[Any, dict]:
    """The loss as one expression in the symbolic parameters (no named intermediates),
    for SymPy's ``diff`` to check every partial derivative independently."""
    P = symbolic_params(net)
    a = x
    for layer in range(1, net.depth + 1):
        a = activate(net.activations[layer - 1], P[f"W{layer}"] * a + P[f"b{layer}"])
    return loss_value(loss, a, y), P


def _reference(net: Network, loss: str, P: dict, x: Any, y: Any, result: dict,
               prec: Precision) -> dict:
    """Every partial derivative by SymPy's ``diff`` of the explicit loss, compared at the
    given values (or, for symbolic parameters, at seeded random values) to 20 digits;
    ReLU's derivative at 0 is taken as 0 on both sides.

    Returns ``result`` when all agree, else the independent values (so ``validate`` fails).
    """
    import random

    import mpmath
    from sympy import Heaviside, diff, lambdify

    if net.n_params > 60:
        return result
    from symbolic_mlmath.calculus.functions import to_elementary

    Lx, S = explicit_loss(net, loss, x, y)
    syms = [s for k in S for s in S[k]]
    values = {s: v for k in S for s, v in zip(S[k], P[k], strict=True)}
    free = sorted(set().union(*(v.free_symbols for v in values.values())) if values else set(),
                  key=str)
    rng = random.Random(13)
    pts = [{s: mpmath.mpf(rng.randint(-900, 900)) / 1000 for s in free} for _ in range(3)] \
        if free else [{}]
    out = dict(result)
    ok = True
    with mpmath.workdps(prec.digits + 20):
        for s in syms:
            ref = diff(Lx, s).replace(Heaviside, lambda a, *_: Heaviside(a, 0)).xreplace(values)
            ours = to_elementary(result[f"dL/d{s}"])
            fr = lambdify(free, ref, "mpmath")
            fo = lambdify(free, ours, "mpmath")
            for pt in pts:
                args = [pt[v] for v in free]
                try:
                    a, b = mpmath.mpmathify(fr(*args)), mpmath.mpmathify(fo(*args))
                except (ZeroDivisionError, ValueError, TypeError):
                    continue
                if abs(a - b) > mpmath.mpf(10) ** (5 - prec.digits) * max(1, abs(a)):
                    out[f"dL/d{s}"] = ref
                    ok = False
    return result if ok else out

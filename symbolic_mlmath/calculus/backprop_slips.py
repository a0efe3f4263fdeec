"""The forward and backward pass of a small network in mpmath, with one law changed: the
slips a backprop working is measured against.

:func:`run_network` computes every named quantity (``z``, ``a``, ``L``, ``∂L/∂a``, ``δ``,
``∂L/∂w``, ``∂L/∂b``) from the given parameters, using the learner's own values where they
wrote them (error carried forward), optionally with one law changed (the activation
derivative left out or replaced by a usual wrong one, the input to the weight or the next
layer's weight left out, the weights not transposed, the loss derivative wrong);
:func:`one_law_changes` lists those changes with the mistake each one names.

Examples
========
>>> from types import SimpleNamespace
>>> from mpmath import mpf
>>> from symbolic_mlmath.calculus.network import read_network
>>> ctx = SimpleNamespace(net=read_network("1 -> 1 identity"), loss="squared",
...                       W={1: [[mpf(2)]]}, b={1: [mpf(1)]}, x=[mpf(3)], y=[mpf(5)])
>>> v = run_network(ctx, {})
>>> v[("z", 1, 1)], v[("L",)], v[("w", 1, 1, 1)]
(mpf('7.0'), mpf('2.0'), mpf('6.0'))
>>> run_network(ctx, {}, ("input", 1))[("w", 1, 1, 1)]
mpf('2.0')
"""

from __future__ import annotations

from typing import Any

__all__ = ["ACT_WRONG", "CHAIN", "LOSS_WRONG", "NO_TRANSPOSE", "one_law_changes",
           "run_network"]

CHAIN = "chain-rule factor missing"
ACT_WRONG = "activation derivative wrong"
NO_TRANSPOSE = "weights not transposed"
LOSS_WRONG = "loss derivative wrong"


def _local(act: str, z: list, a: list, j: int, wrong: int) -> Any:
    """g'(z_j) (``wrong`` > 0: the ``wrong``-th usual wrong version, None when none)."""
    if act == "sigmoid":
        return [a[j] * (1 - a[j]), a[j], 1 - a[j], z[j] * (1 - z[j])][wrong] if wrong < 4 \
            else None
    if act == "tanh":
        return [1 - a[j] ** 2, 1 - a[j], 1 - z[j] ** 2][wrong] if wrong < 3 else None
    if act == "relu":
        return (1 if z[j] > 0 else 0) if wrong == 0 else None
    if act == "identity":
        return 1 if wrong == 0 else None
    return None


def run_network(ctx: Any, known: dict, change: tuple = ()) -> dict:
    """Every quantity of the forward and backward pass (mpmath), the learner's ``known``
    values used where written, with one law ``change``d: ``("local", l)`` g' left out,
    ``("act", l, k)`` the k-th wrong g', ``("input", l)`` the input to the weight left out,
    ``("weight", l)`` the next layer's weight left out, ``("transpose", l)``, ``("loss", k)``."""
    import mpmath

    out: dict = {}
    net = ctx.net

    def put(key: Any, v: Any) -> Any:
        out[key] = known.get(key, v)
        return out[key]

    acts = {0: list(ctx.x)}
    deltas: list = []
    zs: dict = {}
    for la in range(1, net.depth + 1):
        n, prev = net.sizes[la], acts[la - 1]
        z = [put(("z", la, j + 1), mpmath.fsum(ctx.W[la][j][k] * prev[k]
                                               for k in range(len(prev))) + ctx.b[la][j])
             for j in range(n)]
        act = net.activations[la - 1]
        if act == "softmax":
            m = max(z)
            e = [mpmath.exp(v - m) for v in z]
            raw = [v / mpmath.fsum(e) for v in e]
        else:
            f = {"identity": lambda v: v, "sigmoid": lambda v: 1 / (1 + mpmath.exp(-v)),
                 "tanh": mpmath.tanh, "relu": lambda v: max(v, 0)}[act]
            raw = [f(v) for v in z]
        zs[la] = z
        acts[la] = [put(("a", la, j + 1), raw[j]) for j in range(n)]
    a, y = acts[net.depth], ctx.y
    if ctx.loss in ("squared", "mse"):
        c = mpmath.mpf(1) / 2 if ctx.loss == "squared" else mpmath.mpf(1) / len(y)
        put(("L",), c * mpmath.fsum((ai - yi) ** 2 for ai, yi in zip(a, y, strict=True)))
        k = 2 * c
        if change[:1] == ("loss",):
            k = {0: 4 * c, 1: c}.get(change[1], k) if ctx.loss == "squared" else \
                {0: 1, 1: 2}.get(change[1], k)
        up = [k * (ai - yi) for ai, yi in zip(a, y, strict=True)]
    elif ctx.loss == "bce":
        put(("L",), -mpmath.fsum(yi * mpmath.log(ai) + (1 - yi) * mpmath.log(1 - ai)
                                 for ai, yi in zip(a, y, strict=True)))
        s = -1 if change == ("loss", 0) else 1
        up = [-yi / ai + s * (1 - yi) / (1 - ai) for ai, yi in zip(a, y, strict=True)]
    else:
        put(("L",), -mpmath.fsum(yi * mpmath.log(ai) for ai, yi in zip(a, y, strict=True)))
        up = [-yi / ai for ai, yi in zip(a, y, strict=True)]
    for la in range(net.depth, 0, -1):
        n, act = net.sizes[la], net.activations[la - 1]
        if la < net.depth:
            Wn, dn = ctx.W[la + 1], deltas
            if change == ("weight", la + 1):
                up = [mpmath.fsum(dn) for _ in range(n)]
            elif change == ("transpose", la + 1):
                if len(Wn) != len(Wn[0]):
                    return out
                up = [mpmath.fsum(Wn[j][i] * dn[i] for i in range(len(dn))) for j in range(n)]
            else:
                up = [mpmath.fsum(Wn[i][j] * dn[i] for i in range(len(dn))) for j in range(n)]
        up = [put(("u", la, j + 1), up[j]) for j in range(n)]
        z, av = zs[la], acts[la]
        if act == "softmax":
            diag_only = change == ("act", la, 1)
            if change == ("local", la):
                d = list(up)
            else:
                d = [mpmath.fsum(av[i] * ((1 if i == j else 0) - av[j]) * up[i]
                                 for i in range(n) if not diag_only or i == j) for j in range(n)]
        else:
            wrong = change[2] if change[:2] == ("act", la) else 0
            loc = [1 if change == ("local", la) else _local(act, z, av, j, wrong)
                   for j in range(n)]
            if any(v is None for v in loc):
                return out
            d = [up[j] * loc[j] for j in range(n)]
        deltas = [put(("d", la, j + 1), d[j]) for j in range(n)]
        prev = acts[la - 1]
        for j in range(n):
            put(("b", la, j + 1), deltas[j])
            for k in range(len(prev)):
                put(("w", la, j + 1, k + 1),
                    deltas[j] * (1 if change == ("input", la) else prev[k]))
    return out


def one_law_changes(ctx: Any) -> list[tuple[tuple, str, str]]:
    """Every one-law change of the backward pass: (change, mistake, detail)."""
    out: list = []
    for la in range(ctx.net.depth, 0, -1):
        act = ctx.net.activations[la - 1]
        if act != "identity":
            out.append((("local", la), CHAIN, f"the activation derivative of layer {la} "
                        f"({act}'(z{la})) is left out"))
        nwrong = {"sigmoid": 3, "tanh": 2, "softmax": 1}.get(act, 0)
        for k in range(1, nwrong + 1):
            what = {"sigmoid": ["σ(z) for σ(z)(1 − σ(z))", "1 − σ(z) for σ(z)(1 − σ(z))",
                                "z(1 − z) for σ(z)(1 − σ(z))"],
                    "tanh": ["1 − tanh for 1 − tanh²", "1 − z² for 1 − tanh²(z)"],
                    "softmax": ["the softmax Jacobian's diagonal only"]}[act][k - 1]
            out.append((("act", la, k), ACT_WRONG, f"layer {la}: {what}"))
        inp = "x" if la == 1 else f"a{la - 1}"
        out.append((("input", la), CHAIN, f"the input {inp} to the weight of layer {la} "
                    "is left out"))
        if la > 1:
            out.append((("weight", la), CHAIN, f"the weights of layer {la} are left out of "
                        f"δ{la - 1}"))
            out.append((("transpose", la), NO_TRANSPOSE, f"W{la} used where W{la}ᵀ is needed"))
    for k in range(2):
        out.append((("loss", k), LOSS_WRONG, "∂L/∂a is not the derivative of the "
                    f"{ctx.loss} loss"))
    return out

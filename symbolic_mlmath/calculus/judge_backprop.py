"""The working judge of ``backprop``: a line per partial derivative, judged against the exact
partial of the loss.

A line names what it gives on the left and ends with its value; the parts between may show
how it was computed, in the named quantities of the network (``x1``, ``y1``, ``w2_11``,
``b1_1``, ``z1_1``, ``a1_1``, ``δ2_1``; ``σ(...)`` and ``tanh(...)`` allowed)::

    z1_1 = w1_11 x1 + b1_1 = 0.5
    a1_1 = σ(0.5) = 0.6225
    δ2_1 = (a2_1 - y1) = 0.12
    ∂L/∂w2_11 = δ2_1 a1_1 = 0.0747
    dL/dW1 = [[0.01, 0.02]]

Each partial ``∂L/∂w`` / ``∂L/∂b`` is judged against SymPy's ``diff`` of the loss written
out in the parameters (no named intermediates), at the given values, to the decimal places
written; intermediates (``z``, ``a``, ``L``, ``δ`` = ∂L/∂z, ``∂L/∂a``) against the forward and
backward pass. A line may also follow from the learner's own earlier values (error carried
forward): every quantity is recomputed from what the learner wrote. A line that does not
follow is matched against the backward pass with one law changed: a chain-rule factor left
out (the activation derivative, the input to the weight, the next layer's weight), the
activation derivative wrong (σ(z) or 1 − σ(z) for σ(z)(1 − σ(z)), 1 − tanh for 1 − tanh²,
the softmax Jacobian's diagonal only), the weights not transposed, the loss derivative
wrong, or the sign flipped. Finished when every partial is there (or the one ``wrt`` asks).

Examples
========
>>> from symbolic_mlmath.core.working import check_working
>>> inputs = {"network": "1 -> 1 identity", "params": "W1 = [[2]]; b1 = [1]", "x": [3],
...           "y": [5]}
>>> v = check_working("backprop", inputs, ["z1_1 = 2*3 + 1 = 7", "δ1_1 = a1_1 - y1 = 2",
...                                        "∂L/∂w1_11 = δ1_1 x1 = 6", "∂L/∂b1_1 = 2"])
>>> v.correct
True
>>> v = check_working("backprop", inputs, ["∂L/∂w1_11 = 2", "∂L/∂b1_1 = 2"])
>>> v.first_wrong_step, v.lines[0].mistake
(0, 'chain-rule factor missing')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from symbolic_mlmath.core.errors import InputError, TaskError
from symbolic_mlmath.core.mistakes import Slip
from symbolic_mlmath.core.working import Follow, Judge

from .backprop_slips import one_law_changes, run_network

__all__ = ["JUDGES"]

SIGN = "sign error"
ARITH = "arithmetic slip"
NOT_ACTIVATED = "activation not applied"
_DPS = 30
_MAX_PARAMS = 60
_PARAM = re.compile(r"^(?:(w)(\d+)_(?:(\d)(\d)|(\d+)_(\d+))|(b)(\d+)_(\d+)"
                    r"|([Wb])(\d+)(?:\[(\d+)(?:,(\d+))?\])?)$")
_INTER = re.compile(r"^(?:(z|a|δ|delta)(\d+)(?:_(\d+))?|(L|loss))$")
_DIFF = re.compile(r"^(?:∂|d)L/(?:∂|d)(.+)$")
_RATIO = re.compile(r"(?:∂|d)\s*[A-Za-zδσ]\w*\s*/\s*(?:∂|d)\s*[A-Za-zδσ][\w\[\],]*")


@dataclass(frozen=True)
class _Ctx:
    net: Any
    loss: str
    W: dict  # layer -> rows of mpf
    b: dict  # layer -> list of mpf
    x: list
    y: list
    grads: dict  # key -> exact SymPy value of the partial
    exact: dict  # key -> mpf (every quantity, the exact pass)
    wanted: tuple  # the keys that must be there
    given: Any


@dataclass(frozen=True)
class _Line:
    keys: tuple  # the quantities the line gives
    values: tuple  # mpf per key
    places: int | None
    parts: tuple  # the middle parts: (expression, free-named) to check against the value
    text: str


def _mpf(v: Any) -> Any:
    import mpmath

    return mpmath.mpf(str(v.evalf(_DPS))) if not isinstance(v, mpmath.mpf) else v


def _start(task: str, inputs: dict) -> _Ctx:
    import mpmath
    from sympy import diff

    from .backprop import explicit_loss
    from .network import read_loss, read_network, read_params

    loss = read_loss(inputs.get("loss") or "squared")
    net = read_network(inputs.get("network"), loss=loss)
    P = read_params(inputs.get("params"), net)
    if any(m.free_symbols for m in P.values()):
        raise TaskError("working for backprop is checked with numeric parameters "
                        "(give params: W1 = [[...]]; b1 = [...]; ...)", name="params")
    if net.n_params > _MAX_PARAMS:
        raise TaskError(f"working is checked for networks of at most {_MAX_PARAMS} parameters",
                        name="network")
    xv, yv = _vector(inputs.get("x"), "x"), _vector(inputs.get("y"), "y")
    if xv.rows != net.sizes[0] or yv.rows != net.sizes[-1]:
        raise TaskError("x and y must match the network's input and output sizes", name="x")
    Lx, S = explicit_loss(net, loss, xv, yv)
    values = {s: v for k in S for s, v in zip(S[k], P[k], strict=True)}
    grads = {}
    for layer in range(1, net.depth + 1):
        for j in range(net.sizes[layer]):
            grads[("b", layer, j + 1)] = _at(diff(Lx, S[f"b{layer}"][j]), values)
            for k in range(net.sizes[layer - 1]):
                grads[("w", layer, j + 1, k + 1)] = _at(diff(Lx, S[f"W{layer}"][j, k]), values)
    with mpmath.workdps(_DPS):
        W = {la: [[_mpf(P[f"W{la}"][j, k]) for k in range(net.sizes[la - 1])]
                  for j in range(net.sizes[la])] for la in range(1, net.depth + 1)}
        b = {la: [_mpf(v) for v in P[f"b{la}"]] for la in range(1, net.depth + 1)}
        ctx = _Ctx(net, loss, W, b, [_mpf(v) for v in xv], [_mpf(v) for v in yv], grads, {},
                   (), {})
        exact = run_network(ctx, {})
        exact.update({k: _mpf(v) for k, v in grads.items()})
    wanted = tuple(grads)
    wrt = inputs.get("wrt")
    if wrt is not None:
        key = _key(ctx, "dL/d" + re.sub(r"^(?:∂|d)L/(?:∂|d)", "", re.sub(r"\s+", "", str(wrt))))
        wanted = tuple(k for k in _expand(ctx, key) if k in grads)
    return _Ctx(net, loss, W, b, ctx.x, ctx.y, grads, exact, wanted, {})


def _vector(value: Any, name: str) -> Any:
    """An input or target vector: text through the text door, items exactly."""
    from sympy import ImmutableMatrix

    from symbolic_mlmath.text.convert import as_sympy
    from symbolic_mlmath.text.parse import parse_vector

    if value is None:
        raise TaskError(f"give {name}", name=name)
    if isinstance(value, str):
        return parse_vector(value, name=name)
    items = list(value) if hasattr(value, "__iter__") else [value]
    return ImmutableMatrix([as_sympy(v, name=name) for v in items])


def _at(d: Any, values: dict) -> Any:
    """A derivative at the parameter values, ReLU'(0) taken as 0."""
    from sympy import Heaviside

    return d.replace(Heaviside, lambda a, *_: Heaviside(a, 0)).xreplace(values)


# ------------------------------------------------------------------ reading a line
def _key(ctx: Any, name: str) -> tuple:
    """A quantity's key from its name on the left of a line."""
    m = _DIFF.match(name)
    if m:
        inner = m.group(1)
        p = _PARAM.match(inner)
        if p:
            g = p.groups()
            if g[0]:
                return ("w", int(g[1]), int(g[2] or g[4]), int(g[3] or g[5]))
            if g[6]:
                return ("b", int(g[7]), int(g[8]))
            kind, layer = g[9].lower(), int(g[10])
            if g[11] is None:
                return (kind.upper() if kind == "w" else "B", layer)
            if kind == "w":
                if g[12] is None:
                    raise InputError("write W1[j,k] with two indices", name="line")
                return ("w", layer, int(g[11]), int(g[12]))
            return ("b", layer, int(g[11]))
        q = _INTER.match(inner)
        if q and q.group(1) in ("z", "a") and q.group(3):
            return ("d" if q.group(1) == "z" else "u", int(q.group(2)), int(q.group(3)))
        if q and q.group(1) in ("z", "a"):
            return ("D" if q.group(1) == "z" else "U", int(q.group(2)))
    q = _INTER.match(name)
    if q:
        if q.group(4):
            return ("L",)
        kind = {"z": "z", "a": "a", "δ": "d", "delta": "d"}[q.group(1)]
        layer = int(q.group(2))
        return (kind, layer, int(q.group(3))) if q.group(3) else (kind.upper(), layer)
    raise InputError(f"cannot tell which quantity {name[:20]!r} is (write ∂L/∂w1_11 =, "
                     "∂L/∂b1_1 =, dL/dW1 =, z1_1 =, a1_1 =, δ2_1 = or L =)", name="line")


def _expand(ctx: Any, key: tuple) -> list[tuple]:
    """A vector or matrix key as its entries (row by row)."""
    sizes = ctx.net.sizes
    kind = key[0]
    if kind in ("w", "b", "z", "a", "d", "u", "L"):
        la = key[1] if len(key) > 1 else 1
        if not 1 <= la <= ctx.net.depth or any(i < 1 for i in key[2:]) or \
                (len(key) > 2 and key[2] > sizes[la]) or \
                (len(key) > 3 and key[3] > sizes[la - 1]):
            raise InputError("this network has no such quantity", name="line")
        return [key]
    la = key[1]
    if not 1 <= la <= ctx.net.depth:
        raise InputError(f"this network has layers 1 to {ctx.net.depth}", name="line")
    if kind == "W":
        return [("w", la, j, k) for j in range(1, sizes[la] + 1)
                for k in range(1, sizes[la - 1] + 1)]
    return [(kind.lower() if kind != "B" else "b", la, j) for j in range(1, sizes[la] + 1)]


def _symbol_key(name: str) -> tuple | None:
    m = re.fullmatch(r"(z|a|delta)(\d+)_(\d+)", name)
    if m:
        return ({"delta": "d"}.get(m.group(1), m.group(1)), int(m.group(2)), int(m.group(3)))
    return ("L",) if name == "L" else None


def _read(ctx: _Ctx, raw: Any) -> _Line:
    from symbolic_mlmath.core.answers import decimal_places
    from symbolic_mlmath.text.parse import parse_expr, parse_value

    if not isinstance(raw, str) or len(raw) > 400:
        raise InputError("a line is text of at most 400 characters", name="line")
    text = str(raw).strip().rstrip(".")
    pieces = [p.strip() for p in re.split(r"(?<![<>=!])=(?!=)", text)]
    same = not pieces[0] and len(pieces) > 1  # "= -0.0693": the quantity of the line before
    if same:
        pieces[0] = "L"
    if len(pieces) < 2 or not all(pieces):
        raise InputError("write the line as name = value (e.g. ∂L/∂w1_11 = 0.12)", name="line")
    keys = [k for k0 in [_key(ctx, re.sub(r"\s+", "", pieces[0]))] for k in _expand(ctx, k0)]
    if same:
        keys = [("same",)]
    last = pieces[-1]
    if len(keys) > 1 or last.lstrip().startswith("["):
        M = parse_value(last, name="line")
        entries = list(M) if hasattr(M, "shape") else [M]
        if len(entries) != len(keys):
            raise InputError(f"expected {len(keys)} entries, got {len(entries)}", name="line")
        values = tuple(_value(ctx, e, {}) for e in entries)
        if any(v is None for v in values) and not any(getattr(e, "free_symbols", None)
                                                      for e in entries):
            raise InputError("every entry must be a real number", name="line")
        places = [decimal_places(t) for t in re.split(r"[\[\],;\s]+", last) if "." in t]
        return _Line(tuple(keys), values, min((p for p in places if p is not None),
                                              default=None), (), text)
    parts = []
    for mid in pieces[1:-1]:
        if not _RATIO.sub("", mid).strip(" *·⋅×()"):
            continue  # ∂L/∂a · ∂a/∂z · ∂z/∂w: the chain written in words
        parts.append(_checked(ctx, parse_expr(mid, name="line")))
    value = _checked(ctx, parse_expr(last, name="line"))
    for e in (value, *parts):
        if not e.free_symbols and _value(ctx, e, {}) is None:
            raise InputError(f"{e} is not a real number", name="line")
    return _Line(tuple(keys), (value,), decimal_places(last), tuple(parts), text)


def _checked(ctx: _Ctx, e: Any) -> Any:
    unknown = sorted(str(s) for s in e.free_symbols if str(s) not in _known_symbols(ctx))
    if unknown:
        raise InputError(f"unknown name(s) {', '.join(unknown[:4])} (the network's "
                         "quantities are x1, w1_11, b1_1, z1_1, a1_1, δ1_1, y1, L)", name="line")
    return e


def _known_symbols(ctx: Any) -> set:
    names = {f"x{k}" for k in range(1, ctx.net.sizes[0] + 1)} | \
        {f"y{k}" for k in range(1, ctx.net.sizes[-1] + 1)} | {"L"}
    for la in range(1, ctx.net.depth + 1):
        for j in range(1, ctx.net.sizes[la] + 1):
            names |= {f"z{la}_{j}", f"a{la}_{j}", f"delta{la}_{j}", f"b{la}_{j}"}
            for k in range(1, ctx.net.sizes[la - 1] + 1):
                names.add(f"w{la}_{j}{k}" if j < 10 and k < 10 else f"w{la}_{j}_{k}")
    return names


def _value(ctx: _Ctx, e: Any, own: dict) -> Any:
    """An expression's value: named quantities by the learner's own values."""
    from sympy import Float

    from symbolic_mlmath.calculus.functions import to_elementary

    e = to_elementary(e) if hasattr(e, "free_symbols") else e
    free = getattr(e, "free_symbols", set())
    if free:
        _checked(ctx, e)
        sub = {}
        for s in free:
            n = str(s)
            if n[0] == "x":
                v = ctx.x[int(n[1:]) - 1]
            elif n[0] == "y":
                v = ctx.y[int(n[1:]) - 1]
            elif n[0] == "w":
                la, rest = n[1:].split("_", 1)
                j, k = rest.split("_") if "_" in rest else (rest[0], rest[1])
                v = ctx.W[int(la)][int(j) - 1][int(k) - 1]
            elif n[0] == "b":
                la, j = n[1:].split("_")
                v = ctx.b[int(la)][int(j) - 1]
            else:
                v = own.get(_symbol_key(n))
                if v is None:
                    return None
            sub[s] = Float(str(v), _DPS)
        e = e.xreplace(sub)
    try:
        return _mpf(e)
    except (TypeError, ValueError):  # not a real number (log of a negative, ...)
        return None


# ------------------------------------------------------------------ judging
def _close(expected: Any, got: Any, places: int | None, slack: float = 1) -> bool:
    import mpmath

    if expected is None or got is None:
        return False
    with mpmath.workdps(_DPS):
        if places is None:
            return abs(expected - got) <= mpmath.mpf(10) ** -15 * max(1, abs(expected))
        slack = slack if places >= 3 else 0  # rounded earlier values, from 3 places on
        return abs(expected - got) <= (mpmath.mpf(1) / 2 + slack) * mpmath.mpf(10) ** -places


def _name(key: tuple) -> str:
    kind = key[0]
    if kind == "L":
        return "L"
    if kind == "w":
        j, k = key[2], key[3]
        return f"∂L/∂w{key[1]}_{j}{k}" if j < 10 and k < 10 else f"∂L/∂w{key[1]}_{j}_{k}"
    if kind == "b":
        return f"∂L/∂b{key[1]}_{key[2]}"
    return f"{ {'d': 'δ', 'u': '∂L/∂a'}.get(kind, kind)}{key[1]}_{key[2]}".strip()


def _own(ctx: _Ctx, state: dict, line: _Line, key: tuple) -> Any:
    import mpmath

    with mpmath.workdps(_DPS):
        known = {k: v for k, v in state.items() if k != key}
        return run_network(ctx, known).get(key)


def _line_values(ctx: _Ctx, state: dict, line: _Line) -> tuple:
    import mpmath

    with mpmath.workdps(_DPS):
        own = run_network(ctx, state)
        if len(line.keys) == 1 and not isinstance(line.values[0], mpmath.mpf):
            v = _value(ctx, line.values[0], own)
            return (v,), tuple(_value(ctx, p, own) for p in line.parts)
        return line.values, ()


def _resolve(state: dict, line: _Line) -> _Line:
    """A line starting with ``=`` gives the quantity of the line before."""
    if line.keys != (("same",),):
        return line
    last = state.get("_last")
    if not last or len(last) != 1:
        raise InputError("a line starting with = continues a line of one quantity",
                         name="line")
    return replace(line, keys=last)


def _bad(ctx: _Ctx, state: dict, line: _Line) -> tuple[list, dict]:
    """The entries that follow neither from the exact values nor the learner's own ones."""
    line = _resolve(state, line)
    values, parts = _line_values(ctx, state, line)
    new = {**state, "_last": line.keys}
    bad = []
    for key, v in zip(line.keys, values, strict=True):
        own = _own(ctx, state, line, key)
        if not (_close(ctx.exact.get(key), v, line.places) or _close(own, v, line.places)):
            bad.append((key, v, own))
        new[key] = v
    for p in parts:
        if not _close(values[0], p, line.places, 2) and \
                not _close(ctx.exact.get(line.keys[0]), p, line.places):
            bad.append((line.keys[0], p, _own(ctx, state, line, line.keys[0])))
            break
    return bad, new


def _follows(ctx: _Ctx, state: dict, line: _Line) -> Follow:
    try:
        line = _resolve(state, line)
    except InputError as exc:
        return Follow(False, note=str(exc), state=state)
    bad, new = _bad(ctx, state, line)
    op = _name(line.keys[0]) if len(line.keys) == 1 else \
        f"{_name(line.keys[0])} … {_name(line.keys[-1])}"
    if line.keys[0][0] in "wbdu":
        op += " by the chain rule"
    if bad:
        return Follow(False, op, state=new)
    return Follow(True, op, note="upstream × local" if line.keys[0][0] in "wbdu" else "",
                  state=new)


def _explain(ctx: _Ctx, state: dict, line: _Line) -> Slip | None:
    import mpmath

    try:
        line = _resolve(state, line)
    except InputError:
        return None
    bad, _ = _bad(ctx, state, line)
    if not bad:
        return None
    key, _, own = bad[0]
    want = ctx.exact.get(key) if own is None else own
    where = _name(key)
    keys = set(line.keys)
    written = dict(zip(line.keys, _line_values(ctx, state, line)[0], strict=True))
    with mpmath.workdps(_DPS):
        known = {k: v for k, v in state.items() if k not in keys}

        def explains(values: dict) -> bool:
            """The changed pass gives every entry of the line, and differs from the learner's
            own pass where the line is wrong."""
            if not all(_close(values.get(k), g, line.places) for k, g in written.items()):
                return False
            return not any(_close(o if o is not None else ctx.exact.get(k), values.get(k),
                                  line.places) for k, _, o in bad)

        base = run_network(ctx, known)
        if explains({k: -v for k, v in base.items() if k in keys}):
            return Slip(SIGN, "the sign is flipped", want, where)
        if key[0] == "a" and explains({k: base.get(("z", *k[1:])) for k in keys}):
            return Slip(NOT_ACTIVATED, "a = g(z), not z", want, where)
        for change, mistake, detail in one_law_changes(ctx):
            if explains(run_network(ctx, known, change)):
                return Slip(mistake, detail, want, where)
    return Slip(ARITH, "", want, where)


def _num(v: Any) -> str:
    import mpmath

    if v is None:
        return "?"
    return str(int(v)) if v == int(v) else mpmath.nstr(v, 6)


def _finished(ctx: _Ctx, state: dict) -> tuple[bool, str]:
    missing = [k for k in ctx.wanted if k not in state]
    if missing:
        return False, "no line for " + ", ".join(_name(k) for k in missing[:4]) + \
            (" ..." if len(missing) > 4 else "")
    return True, "and every partial derivative is there"


def _show(v: Any) -> str:
    return _num(v) if v is not None and not isinstance(v, dict) else ""


JUDGES = {"backprop": Judge(_start, _read, _follows, _finished, _explain, None, _show,
                            given_name="the network",
                            expected=lambda c: {_name(k): c.grads[k] for k in c.wanted})}

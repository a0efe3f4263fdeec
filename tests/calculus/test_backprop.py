"""Backpropagation checked two independent ways: central finite differences of a forward
pass written here (mpmath, 30 digits) and a hand-written numpy backpropagation; plus hand
values, symbolic partials against SymPy's diff, answers, errors and tampering."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import ImmutableMatrix, Rational, diff, symbols

import symbolic_mlmath as sm
from symbolic_mlmath.calculus.backprop import derive_backprop, explicit_loss
from symbolic_mlmath.calculus.network import read_network
from symbolic_mlmath.calculus.rules import CalculusRule as R
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import verify_step


# ------------------------------------------------------------------ independent references
def _act(name, z, lib):
    if name == "identity":
        return z
    if name == "sigmoid":
        return [1 / (1 + lib.exp(-v)) for v in z]
    if name == "tanh":
        return [lib.tanh(v) for v in z]
    if name == "relu":
        return [v if v > 0 else 0 * v for v in z]
    m = max(z)
    e = [lib.exp(v - m) for v in z]
    s = sum(e)
    return [v / s for v in e]


def _loss(name, a, y, lib):
    if name == "squared":
        return sum((ai - yi) ** 2 for ai, yi in zip(a, y, strict=True)) / 2
    if name == "mse":
        return sum((ai - yi) ** 2 for ai, yi in zip(a, y, strict=True)) / len(a)
    if name == "bce":
        return -sum(yi * lib.log(ai) + (1 - yi) * lib.log(1 - ai) for ai, yi in zip(a, y, strict=True))
    return -sum(yi * lib.log(ai) for ai, yi in zip(a, y, strict=True))


def mp_loss(net, loss, Ws, bs, x, y):
    """The loss by a plain forward pass in mpmath (no SymPy)."""
    a = [mpmath.mpf(v) for v in x]
    for W, b, act in zip(Ws, bs, net.activations, strict=True):
        z = [sum(W[j][k] * a[k] for k in range(len(a))) + b[j] for j in range(len(b))]
        a = _act(act, z, mpmath)
    return _loss(loss, a, [mpmath.mpf(v) for v in y], mpmath)


def finite_differences(net, loss, Ws, bs, x, y):
    """Central differences of every weight and bias, at 40 digits (h = 1e-12)."""
    out = []
    with mpmath.workdps(40):
        h = mpmath.mpf(10) ** -12
        for layer in range(len(Ws)):
            for M in (Ws[layer], None):
                if M is not None:
                    cells = [(j, k) for j in range(len(M)) for k in range(len(M[0]))]
                else:
                    cells = [(j, None) for j in range(len(bs[layer]))]
                for j, k in cells:
                    def at(t, j=j, k=k, M=M, layer=layer):
                        W2 = [[[mpmath.mpf(v) for v in r] for r in W] for W in Ws]
                        b2 = [[mpmath.mpf(v) for v in b] for b in bs]
                        if M is not None:
                            W2[layer][j][k] += t
                        else:
                            b2[layer][j] += t
                        return mp_loss(net, loss, W2, b2, x, y)
                    out.append((at(h) - at(-h)) / (2 * h))
    return out


def numpy_backprop(net, loss, Ws, bs, x, y):
    """The textbook algorithm in numpy, written independently of the package."""
    Ws = [np.array(W, dtype=float) for W in Ws]
    bs = [np.array(b, dtype=float) for b in bs]
    a, zs, As = np.array(x, dtype=float), [], [np.array(x, dtype=float)]
    for W, b, act in zip(Ws, bs, net.activations, strict=True):
        z = W @ a + b
        a = np.array(_act(act, list(z), np)) if act != "identity" else z
        zs.append(z)
        As.append(a)
    y = np.array(y, dtype=float)
    aL, act = As[-1], net.activations[-1]
    if loss == "squared":
        dA = aL - y
    elif loss == "mse":
        dA = 2 * (aL - y) / len(y)
    elif loss == "bce":
        dA = -y / aL + (1 - y) / (1 - aL)
    else:
        dA = -y / aL
    grads = []
    for layer in range(len(Ws) - 1, -1, -1):
        act, z, a = net.activations[layer], zs[layer], As[layer + 1]
        if act == "softmax":
            J = np.diag(a) - np.outer(a, a)
            delta = J.T @ dA
        else:
            local = {"identity": np.ones_like(z), "sigmoid": a * (1 - a), "tanh": 1 - a * a,
                     "relu": (z > 0).astype(float)}[act]
            delta = dA * local
        grads.append((np.outer(delta, As[layer]), delta))
        dA = Ws[layer].T @ delta
    flat = []
    for dW, db in reversed(grads):
        flat += list(dW.ravel()) + list(db)
    return flat


def ours_flat(d, net):
    out = []
    for layer in range(1, net.depth + 1):
        out += [float(v) for v in d.result[f"dL/dW{layer}"]] + \
               [float(v) for v in d.result[f"dL/db{layer}"]]
    return out


# ------------------------------------------------------------------ random small networks
_OUTPUTS = {"squared": ["identity", "sigmoid", "tanh"], "mse": ["identity", "tanh"],
            "bce": ["sigmoid"], "cross_entropy": ["softmax"]}


@st.composite
def networks(draw):
    loss = draw(st.sampled_from(sorted(_OUTPUTS)))
    depth = draw(st.integers(1, 2))
    sizes = [draw(st.integers(1, 3)) for _ in range(depth + 1)]
    if loss == "cross_entropy":
        sizes[-1] = draw(st.integers(2, 3))
    acts = [draw(st.sampled_from(["sigmoid", "tanh", "relu", "identity"]))
            for _ in range(depth - 1)] + [draw(st.sampled_from(_OUTPUTS[loss]))]
    spec = [sizes[0]] + [(n, a) for n, a in zip(sizes[1:], acts, strict=True)]
    net = read_network(spec, loss=loss)
    num = st.integers(-20, 20).map(lambda v: Rational(v, 10) + Rational(1, 1009))
    Ws = [[[draw(num) for _ in range(sizes[k - 1])] for _ in range(sizes[k])]
          for k in range(1, depth + 1)]
    bs = [[draw(num) for _ in range(sizes[k])] for k in range(1, depth + 1)]
    x = [draw(num) for _ in range(sizes[0])]
    if loss == "bce":
        y = [draw(st.sampled_from([Rational(0), Rational(1), Rational(1, 4)])) for _ in range(sizes[-1])]
    elif loss == "cross_entropy":
        hot = draw(st.integers(0, sizes[-1] - 1))
        y = [Rational(int(j == hot)) for j in range(sizes[-1])]
    else:
        y = [draw(num) for _ in range(sizes[-1])]
    return net, loss, Ws, bs, x, y


def _params(Ws, bs):
    out = {}
    for k, (W, b) in enumerate(zip(Ws, bs, strict=True), start=1):
        out[f"W{k}"] = ImmutableMatrix(W)
        out[f"b{k}"] = ImmutableMatrix(b)
    return out


@settings(max_examples=40, deadline=None)
@given(networks())
def test_every_partial_matches_finite_differences_and_numpy(case):
    net, loss, Ws, bs, x, y = case
    d = derive_backprop(net, loss, _params(Ws, bs), x, y)
    ours = ours_flat(d, net)
    fd = finite_differences(net, loss, Ws, bs, x, y)
    for o, f in zip(ours, fd, strict=True):
        assert abs(o - float(f)) <= 1e-7 * max(abs(float(f)), 1e-3), (o, f)
    ref = numpy_backprop(net, loss, Ws, bs, x, y)
    assert np.allclose(ours, ref, rtol=1e-10, atol=1e-12)


def test_validate_uses_sympy_diff_of_the_explicit_loss():
    P = {"W1": [[Rational(1, 10), Rational(1, 5)], [Rational(3, 10), Rational(2, 5)]],
         "b1": [Rational(1, 2), Rational(-1, 2)], "W2": [[1, -1]], "b2": [Rational(1, 4)]}
    d = derive_backprop("2 -> 2 sigmoid -> 1 sigmoid", "bce", P, [1, 2], [1]).validate()
    net = read_network("2 -> 2 sigmoid -> 1 sigmoid")
    L, S = explicit_loss(net, "bce", ImmutableMatrix([1, 2]), ImmutableMatrix([1]))
    vals = {s: v for k in S for s, v in zip(S[k], ImmutableMatrix(P[k]), strict=True)}
    for s in (S["W1"][0, 1], S["b2"][0]):
        assert float(d.result[f"dL/d{s}"]) == pytest.approx(float(diff(L, s).subs(vals)),
                                                             rel=1e-14)


# ------------------------------------------------------------------ hand values and forms
def test_single_neuron_hand_values():
    # z = 2*3 + 1 = 7, L = (7 - 5)^2 / 2 = 2, dL/dw = (z - y) x = 6, dL/db = 2
    d = derive_backprop("1 -> 1 identity", "squared", {"W1": [[2]], "b1": [1]}, [3], [5])
    assert (d.result["loss"], d.result["dL/dw1_11"], d.result["dL/db1_1"]) == (2, 6, 2)


def test_perceptron_regression_symbolic():
    w1, w2, b = symbols("w1_11 w1_12 b1_1")
    d = sm.solve("backprop", network="2 -> 1 identity", loss="squared", x="[1, 2]", y="[3]")
    yhat = w1 + 2 * w2 + b
    assert (d.result["dL/dw1_12"] - 2 * (yhat - 3)).expand() == 0
    assert (d.result["dL/db1_1"] - (yhat - 3)).expand() == 0


def test_perceptron_classification_delta_is_a_minus_y():
    d = sm.solve("backprop", network="2 -> 1 sigmoid", loss="log loss", x="[1, 2]", y="[1]",
                 params="W1 = [[0, 0]]; b1 = [0]")
    out = next(s for s in d.steps[-1].substeps if s.rule is R.OUTPUT_DELTA)
    assert out.given["combined"] is True or bool(out.given["combined"])
    assert d.result["dL/db1_1"] == Rational(-1, 2)  # σ(0) - 1
    assert d.result["dL/dw1_12"] == -1


def test_relu_at_zero_uses_the_stated_convention():
    d = derive_backprop("1 -> 1 relu -> 1 identity", "squared",
                        {"W1": [[1]], "b1": [0], "W2": [[1]], "b2": [0]}, [0], [1]).validate()
    assert d.result["dL/dw1_11"] == 0 and d.result["dL/db1_1"] == 0
    assert "0 at z = 0" in d.to_text(detail="full")


def test_large_network_uses_matrix_form_with_shapes():
    import random

    rng = random.Random(2)
    sizes = (4, 5, 3)
    P = {"W1": [[Rational(rng.randint(-9, 9), 10) for _ in range(4)] for _ in range(5)],
         "b1": [Rational(rng.randint(-9, 9), 10) for _ in range(5)],
         "W2": [[Rational(rng.randint(-9, 9), 10) for _ in range(5)] for _ in range(3)],
         "b2": [0, 0, 0]}
    d = derive_backprop("4 -> 5 tanh -> 3 softmax", "cross_entropy", P, [1, 0, -1, 2],
                        [0, 1, 0]).validate()
    text = d.to_text(detail="full")
    assert "(5×1)(1×4) = 5×4" in text
    assert len(d.result) == 1 + sum(sizes[k] * sizes[k - 1] + sizes[k] for k in (1, 2)) + 4


def test_renders_in_every_format():
    d = derive_backprop("2 -> 2 tanh -> 1 identity", "mse", None, [1, -1], [2])
    assert "Backward pass" in d.to_text(detail="full")
    assert r"\delta" in d.to_latex(detail="full")
    assert "Hidden error" in d.to_markdown(detail="full")
    assert '"output_delta"' in d.to_json()


# ------------------------------------------------------------------ answers
_NET = {"network": "2 -> 2 sigmoid -> 1 sigmoid", "loss": "bce", "x": "[1, 2]", "y": "[1]",
        "params": "W1 = [[0.1, 0.2], [0.3, 0.4]]; b1 = [0.5, -0.5]; W2 = [[1, -1]]; b2 = [0.25]"}


@pytest.mark.parametrize(("answer", "wrt", "correct", "words"), [
    ("-0.3048", "w2_11", True, ""),
    ("-0.30", "dL/dw2_11", True, ""),
    ("0.3048", "W2[1,1]", False, "sign"),
    ("-0.0820", "w1_11", True, ""),
    ("-0.0819727744514", "b1_1", True, ""),
    ("0.5", "b2_1", False, ""),
])
def test_check_one_partial(answer, wrt, correct, words):
    v = sm.check("backprop", answer=answer, wrt=wrt, **_NET)
    assert v.correct is correct, v.feedback
    assert words in v.feedback


def test_check_names_a_missing_activation_derivative():
    kw = {"network": "2 -> 1 sigmoid", "loss": "squared", "params": "W1=[[1, 1]]; b1=[0]",
          "x": "[1, 0]", "y": "[0]"}
    v = sm.check("backprop", answer="0.7311", wrt="w1_11", **kw)
    assert v.correct is False and "activation's derivative" in v.feedback


def test_check_whole_matrix_and_symbolic_answers():
    v = sm.check("backprop", answer="(w1_11 + 2 w1_12 + b1_1 - 3)*2", wrt="w1_12",
                 network="2 -> 1 identity", x="[1, 2]", y="[3]")
    assert v.correct is True
    d = sm.solve("backprop", **_NET)
    W2 = d.result["dL/dW2"]
    v = sm.check("backprop", answer=str([[float(c) for c in W2]]), wrt="W2", **_NET)
    assert v.correct is True


@pytest.mark.parametrize(("inputs", "name"), [
    ({**_NET, "network": "2 -> banana"}, "network"),
    ({**_NET, "x": "[1, 2, 3]"}, "x"),
    ({**_NET, "y": "[1, 0]"}, "y"),
    ({**_NET, "loss": "hinge"}, "loss"),
    ({**_NET, "params": "W2 = [[1, 2, 3]]"}, "params"),
    ({**_NET, "params": "W7 = [[1]]"}, "params"),
    ({**_NET, "network": "2 -> 1 identity", "params": None}, "loss"),
    ({**_NET, "params": "W1 = [[__import__('os')]]"}, "params[W1]"),
])
def test_bad_input_is_one_line(inputs, name):
    inputs = {k: v for k, v in inputs.items() if v is not None}
    with pytest.raises(InputError) as err:
        sm.solve("backprop", **inputs)
    assert "\n" not in str(err.value) and str(err.value).startswith(f"{name}:"), str(err.value)


def test_check_needs_wrt_and_a_known_name():
    with pytest.raises(InputError, match="wrt"):
        sm.check("backprop", answer="1", **_NET)
    with pytest.raises(InputError, match="unknown parameter"):
        sm.check("backprop", answer="1", wrt="w9_99", **_NET)


# ------------------------------------------------------------------ the checks can fail
def test_tampered_steps_are_caught():
    d = sm.solve("backprop", **_NET)
    back = d.steps[-1].substeps
    for rule in (R.OUTPUT_DELTA, R.HIDDEN_DELTA, R.WEIGHT_GRADIENT, R.BIAS_GRADIENT):
        s = next(t for t in back if t.rule is rule)
        bad = Step(rule, s.before, s.after + s.after.applyfunc(lambda v: Rational(1, 1000)),
                   s.given)
        assert verify_step(bad), rule
    fwd = d.steps[1].substeps
    for rule in (R.LINEAR_LAYER, R.ACTIVATE):
        s = next(t for t in fwd if t.rule is rule)
        bad = Step(rule, s.before, s.after.applyfunc(lambda v: v * 2), s.given)
        assert verify_step(bad), rule


def test_engine_reads_vectors_given_as_text():
    d = derive_backprop("2 -> 1 identity", "squared", {"W1": "[[1, 2]]", "b1": "[0]"}, "[1, 1/2]",
                        "[3]")
    assert d.result["loss"] == Rational(1, 2)
    with pytest.raises(InputError):
        derive_backprop("2 -> 1 identity", "squared", None, "[__import__('os'), 1]", "[3]")

"""Working checks for backprop: a line per partial derivative, judged against the exact partial
of the loss; slips named (a chain-rule factor missing, the activation derivative wrong, the
sign), error carried forward.

Reference values are numpy's (forward and backward pass written out by hand in
``test_reference_values_are_numpy``) and central finite differences of the loss, never the
engine's own output."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import symbolic_mlmath as sm
from symbolic_mlmath.core.working import NOTE_MISMATCH, check_working

# 2 -> 2 sigmoid -> 1 sigmoid, squared loss; numpy: z1 = [0.5, 0.1], a1 = [0.62246, 0.52498],
# z2 = 0.20124, a2 = 0.55014, L = 0.10119, δ2 = -0.11133, δ1 = [-0.013082, 0.011106],
# dW2 = [[-0.069301, -0.058448]], dW1 = [[-0.013082, -0.026164], [0.011106, 0.022211]]
NET = {"network": "2 -> 2 sigmoid -> 1 sigmoid", "loss": "squared", "x": "[1, 2]", "y": "[1]",
       "params": "W1 = [[0.1, 0.2], [0.3, -0.1]]; b1 = [0, 0]; W2 = [[0.5, -0.4]]; b2 = [0.1]"}
OUT = {**NET, "wrt": "W2"}
ONE = {"network": "1 -> 1 identity", "params": "W1 = [[2]]; b1 = [1]", "x": "[3]", "y": "[5]"}
TANH = {"network": "1 -> 1 tanh", "params": "W1 = [[1]]; b1 = [0]", "x": "[1]", "y": "[0]"}
# 2 -> 3 relu -> 2 softmax, cross-entropy, y = [1, 0]: numpy: z1 = [1, -1.5, 2], a1 = [1, 0, 2],
# z2 = [3, -2], a2 = [0.993307, 0.006693], δ2 = a2 - y = [-0.006693, 0.006693],
# δ1 = (W2ᵀ δ2) ⊙ relu'(z1) = [-0.006693, 0, -0.013386], L = 0.006715
SOFT = {"network": "2 -> 3 relu -> 2 softmax", "loss": "cross_entropy", "x": "[1, 2]",
        "y": "[1, 0]", "wrt": "W1",
        "params": "W1 = [[1,0],[0,-1],[1,1]]; b1 = [0,0.5,-1]; W2 = [[1,0,1],[0,1,-1]]; b2 = [0,0]"}
BCE = {"network": "2 -> 1 sigmoid", "loss": "bce", "params": "W1 = [[1, -1]]; b1 = [0]",
       "x": "[2, 1]", "y": "[1]"}  # z = 1, a = 0.731059, δ = a - y = -0.268941

FULL = ["z1 = [0.5, 0.1]", "a1 = [0.6225, 0.5250]", "z2_1 = 0.5*0.6225 - 0.4*0.5250 + 0.1 = 0.2013",
        "a2_1 = σ(0.2013) = 0.5501", "L = 0.1012",
        "δ2_1 = (a2_1 - y1) a2_1 (1 - a2_1) = -0.1113",
        "∂L/∂w2_11 = δ2_1 a1_1 = -0.0693", "∂L/∂w2_12 = δ2_1 a1_2 = -0.0584", "∂L/∂b2_1 = -0.1113",
        "δ1 = [-0.01308, 0.01111]", "dL/dW1 = [[-0.01308, -0.02616], [0.01111, 0.02221]]",
        "dL/db1 = [-0.01308, 0.01111]"]

# inputs, working, correct, first wrong line, mistake at that line
CASES = [
    (NET, FULL, True, None, None),
    (OUT, ["δ2_1 = -0.1113", "∂L/∂w2_11 = -0.0693", "∂L/∂w2_12 = -0.0584"], True, None, None),
    (OUT, ["dL/dW2 = [[-0.0693, -0.0584]]"], True, None, None),
    (OUT, ["∂L/∂w2_11 = ∂L/∂a2 · ∂a2/∂z2 · ∂z2/∂w2_11 = (a2_1 - y1) a2_1 (1 - a2_1) a1_1",
           "= -0.0693", "∂L/∂w2_12 = -0.0584"], True, None, None),
    (ONE, ["z1_1 = 2*3 + 1 = 7", "δ1_1 = a1_1 - y1 = 2", "∂L/∂w1_11 = δ1_1 x1 = 6",
           "∂L/∂b1_1 = 2"], True, None, None),
    (ONE, ["# squared loss: L = (a - y)^2 / 2", "dL/dw1_11 = 6", "", "dL/db1_1 = 2"],
     True, None, None),
    (BCE, ["z1_1 = 1", "a1_1 = 0.7311", "δ1_1 = a1_1 - y1 = -0.2689", "∂L/∂w1_11 = -0.5379",
           "∂L/∂w1_12 = -0.2689", "∂L/∂b1_1 = -0.2689"], True, None, None),
    (SOFT, ["z1 = [1, -1.5, 2]", "a1 = [1, 0, 2]", "L = 0.0067", "δ2 = [-0.00669, 0.00669]",
            "δ1 = [-0.00669, 0, -0.01339]",
            "dL/dW1 = [[-0.00669, -0.01339], [0, 0], [-0.01339, -0.02677]]"], True, None, None),
    # slips
    (SOFT, ["δ2 = [-0.00669, 0]"], False, 0, "activation derivative wrong"),
    (SOFT, ["δ2 = [-0.00669, 0.00669]", "δ1 = [-0.00669, 0.00669, -0.01339]"], False, 1,
     "chain-rule factor missing"),
    (OUT, ["∂L/∂w2_11 = (a2_1 - y1) a1_1 = -0.2800"], False, 0, "chain-rule factor missing"),
    (OUT, ["δ2_1 = (a2_1 - y1) a2_1 = -0.2475"], False, 0, "activation derivative wrong"),
    (OUT, ["δ2_1 = -0.1113", "∂L/∂w2_11 = -0.1113"], False, 1, "chain-rule factor missing"),
    (OUT, ["δ2_1 = 0.1113"], False, 0, "sign error"),
    (OUT, ["∂L/∂w2_11 = 0.0693", "∂L/∂w2_12 = -0.0584"], False, 0, "sign error"),
    (NET, ["δ2_1 = -0.1113", "δ1_1 = w2_11 δ2_1 = -0.0557"], False, 1,
     "chain-rule factor missing"),
    (NET, ["δ2_1 = -0.1113", "dL/dW1 = [[-0.0261, -0.0523], [-0.0278, -0.0555]]"], False, 1,
     "chain-rule factor missing"),
    (NET, ["z1 = [0.5, 0.1]", "a1 = [0.5, 0.1]"], False, 1, "activation not applied"),
    (NET, ["z1_1 = 0.5", "z1_2 = 0.2"], False, 1, "arithmetic slip"),
    (ONE, ["dL/dw1_11 = 12", "dL/db1_1 = 4"], False, 0, "loss derivative wrong"),
    (ONE, ["dL/dw1_11 = 6"], False, None, None),
    (TANH, ["a1_1 = 0.7616", "δ1_1 = a1_1 (1 - a1_1) = 0.1816"], False, 1,
     "activation derivative wrong"),
    (TANH, ["a1_1 = 0.7616", "δ1_1 = a1_1 (1 - a1_1^2) = 0.3199", "∂L/∂w1_11 = 0.3199",
            "∂L/∂b1_1 = δ1_1 = 0.3199"], True, None, None),
    (ONE, ["dL/dw1_11 = 7"], False, 0, "arithmetic slip"),
]


@pytest.mark.parametrize(("inputs", "working", "correct", "first", "mistake"), CASES)
def test_backprop_working_table(inputs, working, correct, first, mistake):
    v = sm.check("backprop", working=working, **inputs)
    assert v.method == "working"
    assert v.correct is correct, v.to_text()
    assert v.first_wrong_step == first, v.to_text()
    if first is not None:
        line = next(ln for ln in v.lines if ln.index == first)
        assert line.follows is False
        assert line.mistake == mistake, v.to_text()
        assert all(ln.follows for ln in v.lines if ln.index < first)


def test_ten_cases():
    assert len(CASES) >= 10


def _sig(z):
    return 1 / (1 + np.exp(-z))


def test_reference_values_are_numpy():
    x, y = np.array([1.0, 2.0]), np.array([1.0])
    W1, b1 = np.array([[0.1, 0.2], [0.3, -0.1]]), np.zeros(2)
    W2, b2 = np.array([[0.5, -0.4]]), np.array([0.1])
    a1 = _sig(W1 @ x + b1)
    a2 = _sig(W2 @ a1 + b2)
    d2 = (a2 - y) * a2 * (1 - a2)
    d1 = (W2.T @ d2) * a1 * (1 - a1)
    assert np.allclose(np.outer(d2, a1), [[-0.0693, -0.0584]], atol=5e-5)
    assert np.allclose(np.outer(d1, x), [[-0.01308, -0.02616], [0.01111, 0.02221]], atol=5e-6)
    assert round(float(0.5 * np.sum((a2 - y) ** 2)), 4) == 0.1012
    assert round(float(np.tanh(1.0) * (1 - np.tanh(1.0) ** 2)), 4) == 0.3199
    W1, b1 = np.array([[1.0, 0], [0, -1], [1, 1]]), np.array([0, 0.5, -1])
    W2 = np.array([[1.0, 0, 1], [0, 1, -1]])
    z1 = W1 @ x + b1
    a1 = np.maximum(z1, 0)
    e = np.exp(W2 @ a1)
    a2 = e / e.sum()
    d2 = a2 - np.array([1.0, 0])
    d1 = (W2.T @ d2) * (z1 > 0)
    assert np.allclose(np.outer(d1, x), [[-0.00669, -0.01339], [0, 0], [-0.01339, -0.02677]],
                       atol=5e-6)
    assert round(float(-np.log(a2[0])), 4) == 0.0067


def test_error_carried_forward_and_the_chain_named():
    v = sm.check("backprop", working=["δ2_1 = -0.2475", "∂L/∂w2_11 = δ2_1 a1_1 = -0.1541"], **OUT)
    assert [ln.follows for ln in v.lines] == [False, True], v.to_text()
    assert "error carried forward" in v.feedback
    v = sm.check("backprop", working=["δ2_1 = -0.1113 (product rule)"], **OUT)
    assert v.lines[0].mistake == NOTE_MISMATCH, v.to_text()


@pytest.mark.parametrize("line", ["q = 3", "∂L/∂w9_11 = 1", "∂L/∂w2_11 = foo", "x" * 500,
                                  "∂L/∂w2_11 = __import__('os')", "dL/dW2 = [[1, 2, 3]]",
                                  "∂L/∂w2_11 = log(-1)", "dL/dW2 = [[log(-1), 0]]"])
def test_bad_lines_are_named_not_raised(line):
    v = sm.check("backprop", working=[line], **OUT)
    assert v.correct is False and v.lines[0].mistake == "unreadable line", v.to_text()


def test_symbolic_parameters_are_a_clear_error():
    from symbolic_mlmath.core.errors import InputError

    with pytest.raises(InputError):
        check_working("backprop", {"network": "1 -> 1", "x": [1], "y": [0]}, ["dL/dw1_11 = 1"])


# ------------------------------------------------------------------ generated workings
_ACT = {"sigmoid": (_sig, lambda a: a * (1 - a)), "tanh": (np.tanh, lambda a: 1 - a**2)}


def _forward_backward(W1, b1, W2, b2, x, y, act="sigmoid"):
    """numpy: one hidden layer (sigmoid or tanh), an identity output, squared loss."""
    g, dg = _ACT[act]
    a1 = g(W1 @ x + b1)
    a2 = W2 @ a1 + b2
    d2 = a2 - y
    d1 = (W2.T @ d2) * dg(a1)
    return a1, d2, d1, np.outer(d2, a1), np.outer(d1, x)


def _numeric_grad(W1, b1, W2, b2, x, y, j, k, act="sigmoid", h=1e-6):
    def loss(W):
        a1 = _ACT[act][0](W @ x + b1)
        return 0.5 * float(np.sum((W2 @ a1 + b2 - y) ** 2))
    E = np.zeros_like(W1)
    E[j, k] = h
    return (loss(W1 + E) - loss(W1 - E)) / (2 * h)


def _fmt(v):
    return "[" + ", ".join(f"{t:.6f}" for t in v) + "]"


@st.composite
def networks(draw):
    n0, n1 = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    ints = st.integers(-9, 9)
    W1 = np.array([[draw(ints) / 10 for _ in range(n0)] for _ in range(n1)])
    W2 = np.array([[draw(ints.filter(bool)) / 10 for _ in range(n1)]])
    b1 = np.array([draw(ints) / 10 for _ in range(n1)])
    b2 = np.array([draw(ints) / 10])
    x = np.array([float(draw(st.integers(-3, 3))) for _ in range(n0)])
    y = np.array([float(draw(st.integers(-2, 2)))])
    return W1, b1, W2, b2, x, y, draw(st.sampled_from(["sigmoid", "tanh"]))


def _short(v):
    return "[" + ",".join(f"{t:g}" for t in v) + "]"


def _inputs(W1, b1, W2, b2, x, y, act):
    rows = lambda M: "[" + ",".join(_short(r) for r in M) + "]"  # noqa: E731
    return {"network": f"{len(x)} -> {len(b1)} {act} -> 1 identity",
            "x": str([int(t) for t in x]), "y": str([int(t) for t in y]),
            "params": f"W1={rows(W1)};b1={_short(b1)};W2={rows(W2)};b2={_short(b2)}"}


_SETTINGS = settings(max_examples=15, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@_SETTINGS
@given(networks(), st.integers(0, 10**6))
def test_generated_backprop_workings_pass_and_slips_are_caught(net, seed):
    W1, b1, W2, b2, x, y, act = net
    a1, d2, d1, dW2, dW1 = _forward_backward(W1, b1, W2, b2, x, y, act)
    fd = _numeric_grad(W1, b1, W2, b2, x, y, 0, 0, act)
    assert abs(fd - dW1[0, 0]) < 1e-6  # numpy's backward pass agrees with finite differences
    lines = [f"a1 = {_fmt(a1)}", f"δ2_1 = {d2[0]:.6f}", f"dL/dW2 = [{_fmt(dW2[0])}]",
             f"dL/db2_1 = {d2[0]:.6f}", f"δ1 = {_fmt(d1)}",
             "dL/dW1 = [" + ", ".join(_fmt(r) for r in dW1) + "]", f"dL/db1 = {_fmt(d1)}"]
    inputs = _inputs(W1, b1, W2, b2, x, y, act)
    v = sm.check("backprop", working=lines, **inputs)
    assert v.correct is True, v.to_text()
    rng = random.Random(seed)
    k = rng.choice([1, 2, 4, 5])  # one slip: the sign of δ2, or a factor left out
    bad = list(lines)
    if k == 1:
        if abs(d2[0]) < 1e-3:
            return
        bad[1], name = f"δ2_1 = {-d2[0]:.6f}", "sign error"
    elif k == 2:
        if np.allclose(a1, 1, atol=1e-4) or abs(d2[0]) < 1e-3:
            return
        bad[2], name = f"dL/dW2 = [{_fmt(d2[0] * np.ones_like(a1))}]", "chain-rule factor missing"
    elif k == 4:
        raw = W2[0] * d2[0]
        if np.allclose(raw, d1, atol=1e-5):
            return
        bad[4], name = f"δ1 = {_fmt(raw)}", "chain-rule factor missing"
    else:
        wrong = np.outer(d1, x) * 2 + 0.01
        bad[5], name = "dL/dW1 = [" + ", ".join(_fmt(r) for r in wrong) + "]", None
    v = sm.check("backprop", working=bad, **inputs)
    assert v.first_wrong_step == k, v.to_text()
    assert v.lines[k].mistake is not None
    if name:
        assert v.lines[k].mistake == name, v.to_text()


def test_a_non_real_value_from_named_quantities_does_not_follow():
    v = sm.check("backprop", working=["∂L/∂w2_11 = sqrt(-a1_1)"], **OUT)
    assert v.lines[0].follows is False and v.lines[0].mistake == "arithmetic slip", v.to_text()

"""Course 2, week 3: optimisation in neural networks.

The perceptron for regression (squared loss) and for classification (sigmoid and log
loss) with symbolic parameters, a two-layer network with every partial derivative by
backpropagation (the chain rule, upstream times local), checked against SymPy's diff,
central finite differences and a numpy implementation; then the perceptron trained by
gradient descent on data, its gradient compiled by the numeric bridge.
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c2w3-neural-networks"
TITLE = "Optimisation in neural networks"

_PARAMS = "W1 = [[0.1, 0.2], [0.3, 0.4]]; b1 = [0.5, -0.5]; W2 = [[1, -1]]; b2 = [0.25]"


def _numpy_net(W1, b1, W2, b2, x, y):
    """Forward pass and backpropagation written directly in numpy."""
    import numpy as np

    z1 = W1 @ x + b1
    a1 = 1 / (1 + np.exp(-z1))
    z2 = W2 @ a1 + b2
    a2 = 1 / (1 + np.exp(-z2))
    loss = float(-(y * np.log(a2) + (1 - y) * np.log(1 - a2)).sum())
    d2 = a2 - y
    d1 = (W2.T @ d2) * a1 * (1 - a1)
    return loss, [np.outer(d1, x), d1, np.outer(d2, a1), d2]


def _boundary_figure(X, Y, w, b, losses):
    import numpy as np

    from symbolic_mlmath.calculus.iterplots import plot_loss_curve
    from symbolic_mlmath.core.plot import new_figure

    fig = new_figure(size=(10, 4.2))
    fig.clf()
    a1, a2 = fig.subplots(1, 2)
    plot_loss_curve({"mean log loss": losses}, ax=a1, ylabel="mean log loss")
    a1.set_title("training by gradient descent", fontsize=10)
    for label, color in ((0, "C0"), (1, "C3")):
        pts = X[label == Y]
        a2.scatter(pts[:, 0], pts[:, 1], color=color, s=18, label=f"y = {label}")
    xs = np.linspace(X[:, 0].min() - 0.5, X[:, 0].max() + 0.5, 50)
    a2.plot(xs, -(w[0] * xs + b) / w[1], "k--", label="σ(w·x + b) = 1/2")
    a2.set_ylim(X[:, 1].min() - 0.5, X[:, 1].max() + 0.5)
    a2.legend(fontsize=8)
    a2.set_title("the trained perceptron's decision boundary", fontsize=10)
    fig.tight_layout()
    return fig


def build(t: Topic) -> None:
    import numpy as np
    from sympy import ImmutableMatrix, Rational, diff, symbols

    from symbolic_mlmath.calculus.backprop import explicit_loss
    from symbolic_mlmath.calculus.bridge import as_numeric
    from symbolic_mlmath.calculus.iterplots import plot_network
    from symbolic_mlmath.calculus.network import read_network

    w1, w2, b = symbols("w1_11 w1_12 b1_1")
    t.text(r"""
        A **perceptron for regression** predicts $\hat y = w_1 x_1 + w_2 x_2 + b$ and is
        scored by the squared loss $L = \tfrac12(\hat y - y)^2$. The chain rule through the
        named intermediate $z = \hat y$ gives $\partial L/\partial w_k = (\hat y - y)\,x_k$ and
        $\partial L/\partial b = \hat y - y$: upstream $\partial L/\partial z$ times local
        $\partial z/\partial w_k = x_k$.
    """)
    d1 = t.solve("backprop", network="2 -> 1 identity", loss="squared", x="[2, 3]", y="[7]")
    yhat = 2 * w1 + 3 * w2 + b
    t.cross_check("∂L/∂w1_12 = (ŷ - y)·x2", d1.result["dL/dw1_12"], 3 * (yhat - 7))
    net1 = read_network("2 -> 1 identity")
    L1, _ = explicit_loss(net1, "squared", ImmutableMatrix([2, 3]), ImmutableMatrix([7]))
    t.cross_check("∂L/∂b1_1 against SymPy's diff of the explicit loss", d1.result["dL/db1_1"],
                  diff(L1, b))

    t.text(r"""
        A **perceptron for classification** squashes $z$ with the sigmoid,
        $\hat y = \sigma(z)$, and uses the log loss
        $L = -y\ln\hat y - (1 - y)\ln(1 - \hat y)$. Upstream
        $\partial L/\partial\hat y = (\hat y - y)/(\hat y(1 - \hat y))$ meets the local
        $\sigma'(z) = \hat y(1 - \hat y)$ and the factors cancel: $\delta = \hat y - y$.
    """)
    d2 = t.solve("backprop", network="2 -> 1 sigmoid", loss="log loss", x="[1, -1]", y="[1]")
    net2 = read_network("2 -> 1 sigmoid", loss="bce")
    L2, _ = explicit_loss(net2, "bce", ImmutableMatrix([1, -1]), ImmutableMatrix([1]))
    point = {w1: Rational(1, 3), w2: Rational(-1, 2), b: Rational(1, 5)}
    from symbolic_mlmath.calculus.functions import to_elementary

    t.numeric_check("∂L/∂w1_11 against SymPy's diff at a point",
                    float(to_elementary(d2.result["dL/dw1_11"]).subs(point)),
                    float(diff(L2, w1).subs(point)))

    t.text(r"""
        A **two-layer network** $2 \to 2\ (\sigma) \to 1\ (\sigma)$ with the log loss.
        The forward pass names every $z$ and $a$; the backward pass starts from
        $\delta^2 = a^2 - y$ and sends it back along the weights,
        $\delta^1 = (W^2)^\top\delta^2 \odot a^1(1 - a^1)$; every weight's partial derivative
        is $\delta^l_j\,a^{l-1}_k$. Values carry 30 significant digits.
    """)
    d3 = t.solve("backprop", network="2 -> 2 sigmoid -> 1 sigmoid", loss="bce",
                 params=_PARAMS, x="[1, 2]", y="[1]")
    W1 = np.array([[0.1, 0.2], [0.3, 0.4]])
    b1 = np.array([0.5, -0.5])
    W2 = np.array([[1.0, -1.0]])
    b2 = np.array([0.25])
    x, y = np.array([1.0, 2.0]), np.array([1.0])
    loss, grads = _numpy_net(W1, b1, W2, b2, x, y)
    t.numeric_check("the loss against a numpy forward pass", d3.result["loss"], loss)
    t.numeric_check("∂L/∂W1 against numpy backpropagation", d3.result["dL/dW1"], grads[0])
    t.numeric_check("∂L/∂W2 against numpy backpropagation", d3.result["dL/dW2"], grads[2])
    h = 1e-6
    fd = []
    for k in range(2):
        Wp, Wm = W1.copy(), W1.copy()
        Wp[0, k] += h
        Wm[0, k] -= h
        fd.append((_numpy_net(Wp, b1, W2, b2, x, y)[0] - _numpy_net(Wm, b1, W2, b2, x, y)[0])
                  / (2 * h))
    t.numeric_check("∂L/∂w1_11, ∂L/∂w1_12 against central finite differences",
                    [d3.result["dL/dw1_11"], d3.result["dL/dw1_12"]], fd, rtol=1e-7)
    t.figure("network", plot_network(d3),
             "Every activation, δ, weight and ∂L/∂w of the two-layer network.")

    t.text(r"""
        **Training.** With symbolic inputs the backward pass gives the gradient of one
        example's loss as a formula in $w, b, x, y$; the numeric bridge compiles it once to
        numpy, and gradient descent averages it over the data set.
    """)
    xs = symbols("x1 x2")
    ysym = symbols("y1")
    d4 = t.solve("backprop", network="2 -> 1 sigmoid", loss="bce", x=list(xs), y=[ysym])
    names = [w1, w2, b]
    grad = as_numeric([d4.result[f"dL/d{n}"] for n in names], [*names, *xs, ysym])
    lossf = as_numeric([d4.result["loss"]], [*names, *xs, ysym])
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal([-1, -1], 0.7, (30, 2)), rng.normal([1.5, 1], 0.7, (30, 2))])
    Y = np.array([0] * 30 + [1] * 30, dtype=float)
    p = np.zeros(3)
    losses = []
    for _ in range(200):
        losses.append(float(np.mean(lossf(*p, X[:, 0], X[:, 1], Y)[0])))
        g = np.array([np.mean(v) for v in grad(*p, X[:, 0], X[:, 1], Y)])
        p = p - 0.5 * g
    s = 1 / (1 + np.exp(-(X @ p[:2] + p[2])))
    hand = np.array([np.mean((s - Y) * X[:, 0]), np.mean((s - Y) * X[:, 1]), np.mean(s - Y)])
    ours = np.array([np.mean(v) for v in grad(*p, X[:, 0], X[:, 1], Y)])
    t.numeric_check("the compiled gradient against the hand-written mean((σ - y) x)",
                    [float(v) for v in ours], hand, rtol=1e-10, atol=1e-12)
    t.cross_check("the loss decreased during training", bool(losses[-1] < losses[0] / 2), True)
    t.figure("training", _boundary_figure(X, Y, p[:2], p[2], losses),
             "Log loss during training, and the learned decision boundary.")


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

"""Course 2, week 1: derivatives.

The derivative as the limit of the difference quotient (polynomials, 1/x, √x); every rule
by name (constant, power, constant multiple, sum, product, quotient, chain, exponentials,
logarithms, trigonometric, inverse trigonometric, hyperbolic, xˣ); the activation functions
of machine learning (σ, tanh, softplus, ReLU with its corner); the derivative of an
inverse function; the second derivative and concavity; the tangent line. Every result is
checked against SymPy's ``diff`` and numerically (mpmath's numerical differentiation).
"""

from __future__ import annotations

from symbolic_mlmath.publish.topic import Topic, run_file

TOPIC = "c2w1-derivatives"
TITLE = "Derivatives"


def _numeric(t: Topic, label: str, result, expr, x, at) -> None:
    """Check f'(at) against mpmath's numerical derivative of f (an independent route)."""
    import mpmath
    from sympy import lambdify

    from symbolic_mlmath.calculus.functions import to_elementary

    f = lambdify(x, to_elementary(expr), "mpmath")
    with mpmath.workdps(30):
        approx = float(mpmath.diff(f, mpmath.mpf(at)))
    t.numeric_check(label, float(to_elementary(result).subs(x, at).evalf(30)), approx,
                    rtol=1e-9, atol=1e-12)


def build(t: Topic) -> None:
    from sympy import (
        Abs,
        Rational,
        Symbol,
        asin,
        atan,
        cos,
        cosh,
        diff,
        exp,
        log,
        simplify,
        sin,
        sqrt,
        tan,
        tanh,
    )

    from symbolic_mlmath.calculus.functions import sigmoid, to_elementary
    from symbolic_mlmath.calculus.plots import plot_marked, plot_tangent_line

    x = Symbol("x")
    t.text(r"""
        The **derivative** of $f$ at $x$ is the slope of the tangent line, the limit of the
        slopes of secant lines:
        $f'(x) = \lim_{h \to 0} \frac{f(x + h) - f(x)}{h}$.
        For polynomials the $f(x)$ terms cancel and $h$ divides out; for $1/x$ the
        fractions are combined first; for $\sqrt{x}$ the numerator is multiplied by its
        conjugate.
    """)
    for text, expr in (("x^3 + 2x", x**3 + 2 * x), ("1/x", 1 / x), ("sqrt(x)", sqrt(x))):
        d = t.solve("derivative", expr=text, method="definition")
        t.cross_check(f"d/dx {text} by the definition = SymPy's diff", d.result, diff(expr, x))
        _numeric(t, f"d/dx {text} at x = 2 against mpmath.diff", d.result, expr, x, 2)

    t.text(r"""
        **The rules.** In practice we use the rules, each proved once from the definition.
        Every step below names its rule and shows its pieces ($f$, $g$, $u$ and their
        derivatives); each step is checked against SymPy's `diff` of its own input.
    """)
    rules = [
        ("7x^5 - 3x + 2", 7 * x**5 - 3 * x + 2, "constant, power, constant multiple, sum"),
        ("x^(2/3) + 1/x^2", x ** Rational(2, 3) + x**-2, "power rule with rational exponents"),
        ("x^2 sin(x)", x**2 * sin(x), "product rule"),
        ("(x^2 + 1)/(x - 3)", (x**2 + 1) / (x - 3), "quotient rule"),
        ("sin(x^2)", sin(x**2), "chain rule, u = x²"),
        ("(3x + 1)^10", (3 * x + 1) ** 10, "chain rule with the power rule"),
        ("e^(-x^2/2)", exp(-x**2 / 2), "exponential with the chain rule"),
        ("2^x", 2**x, "a^x = e^(x ln a)"),
        ("ln(x^2 + 1)", log(x**2 + 1), "logarithm with the chain rule"),
        ("log(x, 10)", log(x, 10), "logarithm with base b"),
        ("tan(x) + cos(3x)", tan(x) + cos(3 * x), "trigonometric"),
        ("asin(x) + atan(x)", asin(x) + atan(x), "inverse trigonometric"),
        ("cosh(x)", cosh(x), "hyperbolic"),
        ("x^x", x**x, "logarithmic differentiation"),
    ]
    for text, expr, _rule in rules:
        d = t.solve("derivative", expr=text)
        t.cross_check(f"d/dx {text} ({_rule}) minus SymPy's diff simplifies to 0",
                      simplify(to_elementary(d.result) - diff(expr, x)), 0)
        _numeric(t, f"d/dx {text} at x = 1/2 against mpmath.diff", d.result, expr, x,
                 Rational(1, 2))

    t.text(r"""
        **Activation functions.** The sigmoid $\sigma(x) = 1/(1 + e^{-x})$ has the famous
        derivative $\sigma'(x) = \sigma(x)(1 - \sigma(x))$, which is why it is cheap to
        backpropagate; $\tanh' = 1 - \tanh^2$; softplus $\ln(1 + e^x)$ is a smooth ReLU whose
        derivative is $\sigma$. ReLU $\max(0, x)$ has slope 0 on the left and 1 on the right:
        at $x = 0$ the graph has a corner and there is no derivative (in practice a
        subgradient, 0 or 1, is used).
    """)
    for text, expr in (("sigma(x)", sigmoid(x)), ("tanh(x)", tanh(x)),
                       ("ln(1 + e^x)", log(1 + exp(x))), ("sigma(3x - 1)", sigmoid(3 * x - 1))):
        d = t.solve("derivative", expr=text)
        t.cross_check(f"d/dx {text} = SymPy's diff", to_elementary(d.result),
                      diff(to_elementary(expr), x))
        _numeric(t, f"d/dx {text} at x = 0.3 against mpmath.diff", d.result, expr, x,
                 Rational(3, 10))
    dr = t.solve("derivative", expr="relu(x)")
    t.cross_check("relu' = 0 left of the corner", dr.result.subs(x, -1), 0)
    t.cross_check("relu' = 1 right of the corner", dr.result.subs(x, 1), 1)
    da = t.solve("derivative", expr="|x^2 - 1|")
    t.cross_check("|x² - 1|' at x = 2 (SymPy, x real)", da.result.subs(x, 2),
                  diff(Abs(Symbol("r", real=True) ** 2 - 1), Symbol("r", real=True)).subs(
                      Symbol("r", real=True), 2))
    t.figure("activations", plot_marked(
        [("σ(x)", sigmoid(x)), ("σ'(x) = σ(1 − σ)", sigmoid(x) * (1 - sigmoid(x))),
         ("tanh'(x)", 1 - tanh(x) ** 2), ("relu'(x)", dr.result)], x, (-5, 5),
        title="Activations' derivatives; relu' jumps at its corner x = 0"),
        "Derivatives of σ, tanh and ReLU: the ReLU derivative is undefined at 0.")

    t.text(r"""
        **The derivative of an inverse function.** If $y = f(x)$ and $x = f^{-1}(y)$, then
        $(f^{-1})'(y) = 1 / f'(f^{-1}(y))$. For $f = e^x$: $(\ln)'(y) = 1/e^{\ln y} = 1/y$;
        for $f = \sin$ on $[-\pi/2, \pi/2]$: $\arcsin'(y) = 1/\cos(\arcsin y) = 1/\sqrt{1-y^2}$.
    """)
    y = Symbol("y", positive=True)
    de = t.solve("derivative", expr="e^x")
    t.cross_check("1 / f'(ln y) = derivative of ln y", 1 / de.result.subs(x, log(y)),
                  diff(log(y), y))
    ds = t.solve("derivative", expr="sin(x)")
    t.cross_check("1 / cos(asin y) = derivative of asin y", 1 / ds.result.subs(x, asin(y)),
                  diff(asin(y), y))

    t.text(r"""
        **Second derivative and concavity.** $f''$ is the derivative of $f'$. Where
        $f'' > 0$ the graph bends upwards (concave up, convex); where $f'' < 0$ it bends
        down; a sign change of $f''$ is an inflection point.
    """)
    d2 = t.solve("second_derivative", expr="x^4 - 6x^2")
    t.cross_check("f'' = SymPy's diff(f, x, 2)", d2.result, diff(x**4 - 6 * x**2, x, 2))
    t.cross_check("inflection points where f'' changes sign", list(d2.steps[-1].given["inflection"]),
                  [-1, 1])

    t.text(r"""
        **The tangent line** at $x = a$ is $y = f(a) + f'(a)(x - a)$: the best straight-line
        approximation of $f$ near $a$.
    """)
    f = x**3 - 3 * x
    dt = t.solve("derivative", expr="x^3 - 3x", at="x = 2")
    t.cross_check("f'(2) = 9", dt.result, 9)
    t.figure("tangent", plot_tangent_line(f, x, 2),
             "f(x) = x³ − 3x and its tangent line at x = 2, slope f'(2) = 9.")


if __name__ == "__main__":
    raise SystemExit(run_file(__file__))

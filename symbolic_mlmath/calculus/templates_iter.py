"""Templates of the iterative-method and network rules (issue 13): all their wording.

Examples
========
>>> from sympy import Matrix, Rational, symbols, Tuple
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.calculus.rules import CalculusRule as R
>>> from symbolic_mlmath.render.formats import TEXT
>>> x = symbols("x")
>>> s = Step(R.GD_STEP, Matrix([1]), Matrix([Rational(1, 2)]),
...          {"variables": Tuple(x), "eta": Rational(1, 4), "f": x**2, "k": 1,
...           "point": Matrix([1]), "gradient": Matrix([2])})
>>> TEMPLATES[R.GD_STEP].instance(s, TEXT)
'x₂ = x₁ - η f′(x₁) = 1 - 1/4 · 2 = 1/2'
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.calculus.rules import CalculusRule as R
from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.render.formats import MathFormat
from symbolic_mlmath.render.templates import TemplateTable
from symbolic_mlmath.render.unicode import subscript

__all__ = ["TEMPLATES", "iteration_result", "shown_value", "table_text"]

#: Templates of the iterative-method and network rules.
TEMPLATES = TemplateTable()
template = TEMPLATES.add

_SHOWN_DIGITS = 12


def _x(f: MathFormat, k: Any, n: int = 2) -> str:
    """The iterate ``x_k`` (bold, a vector, when there are several variables)."""
    return f.raw(*_x_pair(k, n))


def _x_pair(k: Any, n: int = 2) -> tuple[str, str]:
    tex = rf"\mathbf{{x}}_{{{k}}}" if n > 1 else rf"x_{{{k}}}"
    return tex, f"x{subscript(k)}"


def _scalar(v: Any) -> Any:
    """The entry of a 1x1 matrix (one variable), else ``v``."""
    from sympy import MatrixBase

    return v[0] if isinstance(v, MatrixBase) and v.shape == (1, 1) else v


def _vec(f: MathFormat, v: Any) -> str:
    """A column vector inline: ``[1, 2]`` in text, a bmatrix column in LaTeX; one
    variable's value as a number."""
    return f.raw(*_pair(v))


def _pair(v: Any, bracket: bool = False) -> tuple[str, str]:
    """``(tex, text)`` of an iterate's value (a number in one variable, else a column);
    ``bracket`` puts a negative number in brackets (after a minus sign or a factor)."""
    from sympy import ImmutableMatrix, MatrixBase

    from symbolic_mlmath.render.formats import latex_of
    from symbolic_mlmath.render.unicode import text_line

    v = _scalar(v)
    if isinstance(v, MatrixBase):
        return (latex_of(ImmutableMatrix(v).applyfunc(shown_value)),
                "[" + ", ".join(text_line(shown_value(c)) for c in v) + "]")
    v = shown_value(v)
    tex, text = latex_of(v), text_line(v)
    if bracket and (getattr(v, "is_Add", False) or (
            getattr(v, "could_extract_minus_sign", None) and v.could_extract_minus_sign())):
        tex, text = rf"\left({tex}\right)", f"({text})"
    return tex, text


def _math(f: MathFormat, *parts: Any) -> str:
    """One inline formula from pieces: ``(tex, text)`` pairs and operators (``=``, ``-``)."""
    tex = " ".join(p[0] if isinstance(p, tuple) else p for p in parts)
    text = " ".join(p[1] if isinstance(p, tuple) else p for p in parts)
    return f.raw(tex, text)


def shown_value(v: Any) -> Any:
    """A table entry as shown: exact values as they are, decimals to 12 digits."""
    from sympy import Float, S, Symbol

    if v is S.NaN:
        return Symbol("—")
    if isinstance(v, Float):
        return Float(v, min(_SHOWN_DIGITS, max(1, int(v._prec * 0.30103))))
    return v


def table_text(T: Any, columns: list[str], f: MathFormat) -> str:
    """An iteration table: aligned text columns, or a LaTeX array in display math.

    Examples
    ========
    >>> from sympy import Matrix
    >>> from symbolic_mlmath.render.formats import TEXT
    >>> print(table_text(Matrix([[0, 1], [1, 2]]), ["k", "x"], TEXT).lstrip())
    k | x
         --+--
         0 | 1
         1 | 2
    """
    from symbolic_mlmath.render.formats import TEXT, latex_of

    rows = [[shown_value(v) for v in T.row(i)] for i in range(T.rows)]
    if f.name == "text":
        cells = [columns] + [[TEXT.m(v) for v in r] for r in rows]
        widths = [max(len(c[j]) for c in cells) for j in range(len(columns))]
        lines = [" | ".join(c[j].rjust(widths[j]) for j in range(len(columns))) for c in cells]
        lines.insert(1, "-+-".join("-" * w for w in widths))
        return "\n" + "\n".join("     " + ln.rstrip() for ln in lines)
    head = " & ".join(columns)
    fractions = any(getattr(v, "is_Rational", False) and not v.is_Integer for r in rows for v in r)
    sep = r" \\[6pt] " if fractions else r" \\ "  # stacked fractions never touch
    body = sep.join(" & ".join(latex_of(v) for v in r) for r in rows)
    arr = (r"\begin{array}{" + "r" * len(columns) + "}" + head + r" \\ \hline " + body
           + r"\end{array}")
    if f.name == "latex":
        return "\n" + r"\[" + arr + r"\]" + "\n"
    return "\n\n$$" + arr + "$$\n"


_COLUMNS = {
    "|grad f|": (r"\lVert\nabla f\rVert", "‖∇f‖"),
    "F(x_k)": (r"F(x_k)", "F(x_k)"),
    "max|F(x_k)|": (r"\max|F(\mathbf{x}_k)|", "max|F(x_k)|"),
    "error |x_k - x*|": (r"|x_k - x^*|", "|x_k − x*|"),
    "|Δ_k|": (r"|\Delta_k|", "|Δ_k|"),
}


def _column(name: str, f: MathFormat) -> str:
    tex, text = _COLUMNS.get(name, (name, name))
    return text if f.name == "text" else tex


def _eta(f: MathFormat) -> str:
    return f.raw(r"\eta", "η")


def _grad(f: MathFormat) -> str:
    return f.raw(r"\nabla f", "∇f")


# ------------------------------------------------------------------ shared
_NAMES = {"H": (r"H_f", "H"), "J": (r"J_F", "J"), "grad": (r"\nabla f", "∇f"),
          "f'": ("f'", "f′"), "f''": ("f''", "f″")}


@template(R.METHOD_DERIVATIVE, "The derivative the method needs",
          "Differentiate the function; the method evaluates this derivative at every iterate.")
def _method_derivative(step: Step, f: MathFormat) -> str:
    from sympy import MatrixBase

    after = step.after
    if "name" in step.given:
        name = f.raw(*_NAMES[str(step.given["name"])])
    elif isinstance(step.before, MatrixBase) or (isinstance(after, MatrixBase) and after.cols > 1):
        name = f.raw(r"H_f", "H")
    elif isinstance(after, MatrixBase) and after.shape == (1, 1):
        name, after = f.raw("f'", "f′"), after[0]
    elif isinstance(after, MatrixBase):
        name = _grad(f)
    else:
        name = f.raw(r"\frac{d}{dx}", "d/dx") + f" {f.m(step.before)}"
    return f"{name} = {f.m(after)}"


# ------------------------------------------------------------------ gradient descent
@template(R.GD_UPDATE_RULE, "Update rule",
          lambda f: f.prose("Step against the gradient, scaled by the learning rate: ")
          + f.raw(r"\mathbf{x}_{k+1} = \mathbf{x}_k - \eta\,\nabla f(\mathbf{x}_k)",
                  "x_{k+1} = x_k − η ∇f(x_k)") + ".")
def _gd_update_rule(step: Step, f: MathFormat) -> str:
    from sympy import MatrixBase

    one = not isinstance(step.before, MatrixBase) or step.before.shape == (1, 1)
    x = ("x", "x") if one else (r"\mathbf{x}", "x")
    return (f"{_eta(f)} = {f.m(step.given['eta'])}: "
            + _math(f, x, "-", _pair(step.given["eta"]), (r"\cdot", "·"),
                    _pair(step.before, bracket=True), "=", _pair(step.after)))


@template(R.LEARNING_RATE_BOUND, "Convergence test",
          lambda f: f.prose("For a quadratic the Hessian H is constant; descent converges "
                            "from every start exactly when H is positive definite and ")
          + f.raw(r"0 < \eta < 2/\lambda_{\max}", "0 < η < 2/λ_max") + ".", "=>")
def _rate_bound(step: Step, f: MathFormat) -> str:
    g = step.given
    verdict = {
        "converges": "so the iterates converge to the minimum",
        "oscillates": "η equals the bound: the iterates oscillate and do not converge",
        "diverges": "η is above the bound: the iterates diverge",
        "no_minimum": "H is not positive definite: there is no minimum to converge to",
    }[str(g["verdict"])]
    lam = f.raw(r"\lambda", "λ")
    rel = {"converges": "<", "oscillates": "=", "diverges": ">"}.get(str(g["verdict"]), "vs")
    bound = f.raw(r"2/\lambda_{\max}", "2/λ_max")
    lams = ", ".join(f.m(v) for v in g["eigenvalues"])
    return (f"H = {_vec(f, g['hessian']) if g['hessian'].shape == (1, 1) else f.m(g['hessian'])}, "
            f"{lam} = {lams}, {bound} = "
            f"{f.m(step.after)}; {_eta(f)} = {f.m(g['eta'])} {rel} {f.m(step.after)}: "
            f"{f.prose(verdict)}.")


@template(R.GD_STEP, "One update",
          lambda f: f.raw(r"\mathbf{x}_{k+1} = \mathbf{x}_k - \eta\,\nabla f(\mathbf{x}_k)",
                          "x_{k+1} = x_k − η ∇f(x_k)") + f.prose(", evaluated at the iterate."))
def _gd_step(step: Step, f: MathFormat) -> str:
    g = step.given
    k = int(g["k"])
    if k < 0:
        return f.prose("no update was asked for; the point stays ") + _vec(f, g["point"])
    n = len(g["variables"]) if "variables" in g else 2
    xk, xk1 = _x_pair(k, n), _x_pair(k + 1, n)
    at = ((rf"\nabla f({xk[0]})", f"∇f({xk[1]})") if n > 1 else
          (rf"f'({xk[0]})", f"f′({xk[1]})"))
    eta = _pair(g["eta"])
    return _math(f, xk1, "=", xk, "-", (r"\eta", "η"), at, "=", _pair(g["point"]), "-", eta,
                 (r"\cdot", "·"), _pair(g["gradient"], bracket=True), "=", _pair(step.after))


_STOPPED = {
    "iterations": "stopped after the number of iterations asked for",
    "tolerance": "stopped because the gradient norm fell below the tolerance",
    "diverged": "stopped because the iterates diverged",
    "converged": "stopped because the iterates stopped changing",
    "stationary": "stopped because the gradient is exactly zero: a stationary point",
    "derivative_zero": "stopped because the derivative is zero",
    "cycle": "stopped because the iterates cycle",
}


@template(R.ITERATION_TABLE, "Iteration table",
          "Repeat the update; each row is one iterate, computed from the row before.", "=>")
def _iteration_table(step: Step, f: MathFormat) -> str:
    g = step.given
    cols = [str(c) for c in g["columns"]]
    shown = [_column(c, f) for c in cols]
    note = (f"{f.prose('Arithmetic: ' + str(g['precision']))}"
            f"{f.prose(' (decimals shown to 12 digits)') if int(g['exact_rows']) < g['table'].rows else ''}"
            f"; {f.prose(_STOPPED.get(str(g['stopped']), str(g['stopped'])))}.")
    return note + table_text(g["table"], shown, f)


@template(R.DIVERGENCE, "Divergence",
          "When the step overshoots, each update lands farther from the minimum: the values "
          "of f grow instead of shrinking.", "=>")
def _divergence(step: Step, f: MathFormat) -> str:
    g = step.given
    why = (f.prose("the iterates grow without bound") if str(g["reason"]) == "overflow"
           else f.prose("f rises at each of the last iterates: ") + f.m(g["values"]))
    bound = g.get("bound")
    tail = ""
    if bound is not None and getattr(bound, "is_number", False):
        two = f.raw(r"2/\lambda_{\max}", "2/λ_max")
        tail = (f"; {f.prose('the learning rate')} {_eta(f)} = {f.m(g['eta'])} "
                f"{f.prose('is not below')} {two} = {f.m(bound)}")
    return f"{why}{tail}."


@template(R.MSE_LOSS, "Mean squared error",
          lambda f: f.prose("The loss of the line ŷ = w x + b on the data is the mean squared "
                            "error ")
          + f.raw(r"L(w, b) = \frac{1}{n}\sum_i (y_i - (w x_i + b))^2",
                  "L(w, b) = (1/n) Σ (yᵢ − (w xᵢ + b))²") + ".")
def _mse(step: Step, f: MathFormat) -> str:
    return f"n = {step.given['n']}: L(w, b) = {f.m(step.after)}"


@template(R.NORMAL_EQUATIONS, "Compare with the normal equations",
          lambda f: f.prose("The exact minimiser solves ")
          + f.raw(r"X^\top X \beta = X^\top y", "XᵀX β = Xᵀy")
          + f.prose(" (X has rows (x_i, 1)); gradient descent should approach it."), "=>")
def _normal(step: Step, f: MathFormat) -> str:
    g = step.given
    xtx = f.raw(r"X^\top X", "XᵀX")
    xty = f.raw(r"X^\top y", "Xᵀy")
    beta = f.raw(r"\beta", "β")
    return (f"{xtx} = {f.m(g['XtX'])}, {xty} = {_vec(f, g['Xty'])}, {beta} = "
            f"{_vec(f, step.after)}; {f.prose('gradient descent reached')} "
            f"{_vec(f, g['gd_point'])}")


# ------------------------------------------------------------------ Newton's method
def _newton_law(f: MathFormat) -> str:
    return (f.prose("Replace F by its tangent line at the iterate and jump to the tangent's "
                    "zero: ")
            + f.raw(r"x_{k+1} = x_k - \frac{F(x_k)}{F'(x_k)}", "x_{k+1} = x_k − F(x_k)/F′(x_k)")
            + f.prose("; F = f finds a root, F = f' an optimum; in several variables solve ")
            + f.raw(r"J(\mathbf{x}_k)\,\Delta_k = F(\mathbf{x}_k)", "J(x_k) Δ_k = F(x_k)")
            + f.prose(" (the Hessian system when optimising) and set ")
            + f.raw(r"\mathbf{x}_{k+1} = \mathbf{x}_k - \Delta_k", "x_{k+1} = x_k − Δ_k") + ".")


@template(R.NEWTON_UPDATE_RULE, "Newton's update rule", _newton_law)
def _newton_rule(step: Step, f: MathFormat) -> str:
    from sympy import MatrixBase

    g = step.given
    if isinstance(g["F"], MatrixBase):
        system = f.raw(r"J\,\Delta = F", "J Δ = F")
        return (f"J = {f.m(g['J'])}; {f.prose('at each iterate solve')} {system} "
                f"{f.prose('with')} F = {_vec(f, g['F'])}: {_vec(f, step.after)}")
    from symbolic_mlmath.render.formats import latex_of
    from symbolic_mlmath.render.unicode import text_line

    F, J, N = g["F"], g["J"], step.after  # one formula, its relation signs inside the math
    return f.raw(rf"F(x) = {latex_of(F)},\quad F'(x) = {latex_of(J)}:\quad N(x) = {latex_of(N)}",
                 f"F(x) = {text_line(F)}, F'(x) = {text_line(J)}: N(x) = {text_line(N)}")


@template(R.NEWTON_STEP, "One Newton step",
          lambda f: f.prose("Evaluate F and its derivative at the iterate, then step: ")
          + f.raw(r"x_{k+1} = x_k - \Delta_k", "x_{k+1} = x_k − Δ_k") + ".")
def _newton_step(step: Step, f: MathFormat) -> str:
    g = step.given
    k = int(g["k"])
    if g["J_value"].shape == (1, 1):
        Fv, Jv = _pair(g["F_value"]), _pair(g["J_value"])
        neg = Fv[0].startswith("-") or Jv[0].startswith("-")
        frac = (rf"\frac{{{Fv[0]}}}{{{Jv[0]}}}",
                f"{_p(Fv[1])}/{_p(Jv[1])}")
        if neg:
            frac = (rf"\left({frac[0]}\right)", frac[1])
        xk, xk1 = _x_pair(k, 1), _x_pair(k + 1, 1)
        at = (rf"\frac{{F({xk[0]})}}{{F'({xk[0]})}}", f"F({xk[1]})/F′({xk[1]})")
        return _math(f, xk1, "=", xk, "-", at, "=", _pair(g["point"]), "-", frac, "=",
                     _pair(step.after))
    return (f"F({_x(f, k)}) = {_vec(f, g['F_value'])}, J({_x(f, k)}) = "
            f"{f.m(g['J_value'].applyfunc(shown_value))}, "
            f"Δ = {_vec(f, g['delta'])}: {_x(f, k + 1)} = {_vec(f, step.after)}")


@template(R.NEWTON_SOLVE, "Solve the linear system",
          lambda f: f.prose("The step is the solution of ")
          + f.raw(r"H\,\Delta = \nabla f", "H Δ = ∇f")
          + f.prose(" (J Δ = F for equations), found by elimination, not by inverting H."))
def _newton_solve(step: Step, f: MathFormat) -> str:
    return (f"{f.m(step.before)} Δ = {_vec(f, step.given['rhs'])} "
            f"{f.prose('gives')} Δ = {_vec(f, step.after)}")


_BREAKDOWN = {
    "derivative_zero": "the derivative is zero (singular) at this iterate: the tangent is "
                       "flat and has no zero, so Newton's step is undefined",
    "cycle": "the iterate repeats the one {period} steps earlier: Newton's method cycles "
             "with period {period} and never converges from this start",
    "diverged": "the iterates grow without bound: from this start the tangent lines lead "
                "away from the root",
    "undefined": "the function is not defined (or not real) at this iterate",
}


@template(R.NEWTON_BREAKDOWN, "Newton's method stops",
          "Newton's method needs a non-zero derivative and a start close enough to the "
          "answer; otherwise it can stall, cycle or diverge.", "=>")
def _newton_breakdown(step: Step, f: MathFormat) -> str:
    k = int(step.given["k"])
    return (f"{_x(f, k)} = {_vec(f, step.given['point'])}: "
            f"{f.prose(_BREAKDOWN[str(step.after)].format(period=_period(step)))}.")


def _p(text: str) -> str:
    """A number in brackets when it is not a single term (in a text fraction)."""
    return text if text.lstrip("-").replace(".", "").isalnum() and not text.startswith("-") \
        else f"({text})"


def _period(step: Step) -> str:
    """The cycle's period in words ("two", "three", ...), for the breakdown sentence."""
    p = int(step.given.get("period", 2))
    words = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}
    return words.get(p, str(p))


# ------------------------------------------------------------------ one variable
def _scalar_view(d: Any) -> Any:
    """A display with each 1x1 matrix shown as its entry (the relation keeps the object)."""
    from dataclasses import replace

    from sympy import MatrixBase

    from symbolic_mlmath.render.displays import Shown

    parts = tuple(
        replace(p, view="scalar") if k % 2 == 0 and isinstance(p, Shown) and p.view == ""
        and isinstance(p.obj, MatrixBase) and p.obj.shape == (1, 1) else p
        for k, p in enumerate(d.chain))
    return replace(d, chain=parts)


def _one_variable(t: Any) -> Any:
    """The template ``t`` with one variable's 1x1 matrices displayed as numbers."""
    from dataclasses import replace

    from symbolic_mlmath.render.templates import default_displays

    own = t.display

    def display(step: Step) -> list:
        shown = own(step) if own is not None else default_displays(step, t.relation)
        return [_scalar_view(d) for d in shown]

    return replace(t, display=display)


for _rule, _t in list(TEMPLATES.items()):
    TEMPLATES[_rule] = _one_variable(_t)


def iteration_result(d: Any) -> Any:
    """The result table of an iterative method, one variable's values as numbers."""
    from sympy import MatrixBase, Tuple

    from symbolic_mlmath.render.present import generic_result

    r = d.result
    if not isinstance(r, dict):
        return None

    def plain(v: Any) -> Any:
        if isinstance(v, MatrixBase):
            return shown_value(v[0]) if v.shape == (1, 1) else v.applyfunc(shown_value)
        if isinstance(v, list | tuple | Tuple):
            return [plain(x) for x in v]
        return shown_value(v)

    return generic_result({k: plain(v) for k, v in r.items()}, d)


for _task in ("gradient_descent", "newton_method"):
    TEMPLATES.results[_task] = iteration_result

"""Every calculus rule's template: the subject's ``TEMPLATES`` table."""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.render.formats import MathFormat, latex_of
from symbolic_mlmath.render.templates import TemplateTable

from .rules import CalculusRule as R

__all__ = ["TEMPLATES"]

#: Every rule's template.
TEMPLATES = TemplateTable()
template = TEMPLATES.add

# --- differentiation (issue 12) ----------------------------------------------
def _law(tex: str, text: str, words: str = "", after: str = "") -> Any:
    """A law written as prose + math: ``words`` then the formula (both forms) then ``after``."""

    def law(f: MathFormat) -> str:
        head = f.prose(words) if words else ""
        tail = f.prose(after) if after else ""
        return f"{head}{f.raw(tex, text)}{tail}"

    return law


def _d(f: MathFormat, expr: Any, var: Any, partial: bool = False) -> str:
    """``d/dx (expr)`` (``∂/∂x`` for a partial derivative), as math."""
    from sympy import Add, Mul

    from symbolic_mlmath.render.unicode import text_line

    tv, xv = latex_of(var), text_line(var)
    inner_t, inner_x = latex_of(expr), text_line(expr)
    if isinstance(expr, Add | Mul):
        inner_t, inner_x = rf"\left[{inner_t}\right]", f"({inner_x})"
    if partial:
        return f.raw(rf"\frac{{\partial}}{{\partial {tv}}} {inner_t}", f"∂/∂{xv} {inner_x}")
    return f.raw(rf"\frac{{d}}{{d{tv}}} {inner_t}", f"d/d{xv} {inner_x}")


def _dstep(step: Step, f: MathFormat) -> str:
    """``d/dx (expr) = result`` for a step of the rule tree (``∂/∂x`` when other variables
    are held constant)."""
    b = step.before
    var = b.variables[0]
    partial = bool(getattr(b.expr, "free_symbols", set()) - {var})
    return f"{_d(f, b.expr, var, partial)} = {f.m(step.after)}"


def _pieces(step: Step, f: MathFormat, *names: str) -> str:
    return ", ".join(f"{f.raw(_TEX_NAMES.get(n, n), _TEXT_NAMES.get(n, n))} = {f.m(step.given[n])}"
                     for n in names if n in step.given)


_TEX_NAMES = {"df": "f'", "dg": "g'", "du": "u'", "dln": r"(\ln y)'", "douter": "f'(u)"}
_TEXT_NAMES = {"df": "f'", "dg": "g'", "du": "u'", "dln": "(ln y)'", "douter": "f'(u)"}


@template(R.DIFF_CONSTANT, "Constant rule",
          _law(r"\frac{d}{dx}\,c = 0", "d/dx c = 0", "The derivative of a constant is zero: ", "."))
def _t_constant(step: Step, f: MathFormat) -> str:
    return _dstep(step, f)


@template(R.DIFF_VARIABLE, "Derivative of the variable",
          _law(r"\frac{d}{dx}\,x = 1", "d/dx x = 1", "", "."))
def _t_variable(step: Step, f: MathFormat) -> str:
    return _dstep(step, f)


@template(R.POWER_RULE, "Power rule",
          _law(r"\frac{d}{dx}\,x^n = n\,x^{n-1}", "d/dx xⁿ = n xⁿ⁻¹", "",
               " for any rational n (roots and 1/x included)."))
def _t_power(step: Step, f: MathFormat) -> str:
    return f"n = {f.m(step.given['n'])}: {_dstep(step, f)}"


@template(R.CONSTANT_MULTIPLE, "Constant multiple rule",
          _law(r"(c\,f)' = c\,f'", "(c f)' = c f'", "A constant factor stays: ", "."))
def _t_cmul(step: Step, f: MathFormat) -> str:
    return f"c = {f.m(step.given['c'])}, {_pieces(step, f, 'f', 'df')}: {_dstep(step, f)}"


@template(R.SUM_RULE, "Sum rule",
          _law(r"(f + g)' = f' + g'", "(f + g)' = f' + g'", "Differentiate term by term: ", "."))
def _t_sum(step: Step, f: MathFormat) -> str:
    return _dstep(step, f)


@template(R.PRODUCT_RULE, "Product rule",
          _law(r"(f\,g)' = f'\,g + f\,g'", "(f g)' = f' g + f g'", "", "."))
def _t_product(step: Step, f: MathFormat) -> str:
    return f"{_pieces(step, f, 'f', 'df', 'g', 'dg')}: {_dstep(step, f)}"


@template(R.QUOTIENT_RULE, "Quotient rule",
          _law(r"\left(\frac{f}{g}\right)' = \frac{f'\,g - f\,g'}{g^2}", "(f/g)' = (f' g − f g')/g²",
               "", "."))
def _t_quotient(step: Step, f: MathFormat) -> str:
    return f"{_pieces(step, f, 'f', 'df', 'g', 'dg')}: {_dstep(step, f)}"


@template(R.CHAIN_RULE, "Chain rule",
          _law(r"\frac{d}{dx} f(u) = f'(u)\,\frac{du}{dx}", "d/dx f(u) = f'(u) · du/dx",
               "Differentiate the outer function at the inner one u, times the inner derivative: ",
               "."))
def _t_chain(step: Step, f: MathFormat) -> str:
    g = step.given
    U = g["U"]
    head = (f"{f.m(U)} = {f.m(g['u'])}, {f.m(g['outer'])} ⟶ "
            if f.name == "text" else f"{f.m(U)} = {f.m(g['u'])}, ")
    text = (f"{head}{_d(f, g['outer'], U)} = {f.m(g['douter'])}, "
            f"{f.raw('u', 'u')}' = {f.m(g['du'])}: {_dstep(step, f)}")
    if "not_differentiable" in g:
        text += f"; {f.prose('no derivative where')} {f.m(g['not_differentiable'])}"
    return text


def _leaf(title: str, tex: str, text: str, words: str = "", after: str = ".") -> Any:
    def deco(rule: R) -> None:
        @template(rule, title, _law(tex, text, words, after))
        def _t(step: Step, f: MathFormat) -> str:
            return _dstep(step, f)

    return deco


_leaf("Exponential rule", r"(e^x)' = e^x", "(eˣ)' = eˣ")(R.EXP_RULE)
_leaf("Exponential with base a", r"(a^x)' = a^x \ln a", "(aˣ)' = aˣ ln a")(R.EXP_BASE_RULE)
_leaf("Logarithm rule", r"(\ln x)' = \frac{1}{x}", "(ln x)' = 1/x")(R.LOG_RULE)
_leaf("Logarithm with base b", r"(\log_b x)' = \frac{1}{x \ln b}", "(log_b x)' = 1/(x ln b)")(
    R.LOG_BASE_RULE)
_leaf("Trigonometric derivative",
      r"\sin' = \cos,\ \cos' = -\sin,\ \tan' = \sec^2,\ \cot' = -\csc^2,\ \sec' = \sec\tan,"
      r"\ \csc' = -\csc\cot",
      "sin' = cos, cos' = −sin, tan' = sec², cot' = −csc², sec' = sec tan, csc' = −csc cot")(
    R.TRIG_RULE)
_leaf("Inverse trigonometric derivative",
      r"\arcsin' x = \frac{1}{\sqrt{1-x^2}},\ \arccos' x = -\frac{1}{\sqrt{1-x^2}},"
      r"\ \arctan' x = \frac{1}{1+x^2}",
      "asin'(x) = 1/√(1 − x²), acos'(x) = −1/√(1 − x²), atan'(x) = 1/(1 + x²)")(
    R.INVERSE_TRIG_RULE)
_leaf("Hyperbolic derivative",
      r"\sinh' = \cosh,\ \cosh' = \sinh,\ \tanh' = 1 - \tanh^2,\ "
      r"\operatorname{asinh}' x = \frac{1}{\sqrt{x^2+1}}",
      "sinh' = cosh, cosh' = sinh, tanh' = 1 − tanh², asinh'(x) = 1/√(x² + 1)")(
    R.HYPERBOLIC_RULE)
_leaf("Sigmoid derivative", r"\sigma'(x) = \sigma(x)\,(1 - \sigma(x))", "σ'(x) = σ(x)(1 − σ(x))",
      "The logistic sigmoid σ(x) = 1/(1 + e^(−x)) has ")(R.SIGMOID_RULE)
_leaf("Softplus derivative", r"\operatorname{softplus}'(x) = \sigma(x)", "softplus'(x) = σ(x)",
      "softplus(x) = ln(1 + eˣ) has ")(R.SOFTPLUS_RULE)


@template(R.RELU_RULE, "ReLU derivative",
          _law(r"\operatorname{relu}'(x) = \begin{cases}0 & x < 0\\ 1 & x > 0\end{cases}",
               "relu'(x) = 0 for x < 0, 1 for x > 0",
               "", "; at x = 0 the graph has a corner and there is no derivative."))
def _t_relu(step: Step, f: MathFormat) -> str:
    return f"{_dstep(step, f)}; {f.prose('no derivative at')} {f.m(step.given['not_differentiable'])} = 0"


@template(R.ABS_RULE, "Absolute value derivative",
          _law(r"|x|' = \begin{cases}-1 & x < 0\\ 1 & x > 0\end{cases}",
               "|x|' = −1 for x < 0, 1 for x > 0",
               "", "; at x = 0 the graph has a corner and there is no derivative."))
def _t_abs(step: Step, f: MathFormat) -> str:
    return f"{_dstep(step, f)}; {f.prose('no derivative at')} {f.m(step.given['not_differentiable'])} = 0"


@template(R.LOG_DIFFERENTIATION, "Logarithmic differentiation",
          _law(r"y = f^g:\ \ln y = g \ln f,\ \ y' = y\,(g \ln f)'",
               "y = f^g: ln y = g ln f, y' = y (g ln f)'",
               "A variable base to a variable power: take logarithms, ", "."))
def _t_logdiff(step: Step, f: MathFormat) -> str:
    g = step.given
    lny, dlny = f.raw(r"\ln y", "ln y"), f.raw(r"(\ln y)'", "(ln y)'")
    return f"{lny} = {f.m(g['ln'])}, {dlny} = {f.m(g['dln'])}: {_dstep(step, f)}"


@template(R.LOG_SUM_EXP_RULE, "Log-sum-exp rule",
          _law(r"\frac{d}{dx} \ln \sum_i e^{u_i} = \sum_i \operatorname{softmax}_i(u)\, u_i',"
               r"\ \operatorname{softmax}_i(u) = \frac{e^{u_i}}{\sum_j e^{u_j}}",
               "d/dx ln Σ e^(uᵢ) = Σ softmaxᵢ(u) uᵢ', softmaxᵢ(u) = e^(uᵢ)/Σ e^(uⱼ)",
               "The gradient of log-sum-exp is the softmax: ", "."))
def _t_lse(step: Step, f: MathFormat) -> str:
    return _dstep(step, f)


@template(R.DIFF_FALLBACK, "Derivative by SymPy",
          "No rule of this workbook covers this function; SymPy's diff gives its derivative.")
def _t_fallback(step: Step, f: MathFormat) -> str:
    return _dstep(step, f)


@template(R.RECOGNIZE_FUNCTIONS, "Name the ML functions",
          _law(r"\frac{1}{1 + e^{-u}} = \sigma(u),\ \ \ln(1 + e^{u}) = \operatorname{softplus}(u)",
               "1/(1 + e^(−u)) = σ(u), ln(1 + eᵘ) = softplus(u)", "", "."))
def _t_recognize(step: Step, f: MathFormat) -> str:
    return f"{f.m(step.before.expr)} = {f.m(step.after.expr)}"


@template(R.TIDY_DERIVATIVE, "Tidy up",
          "Write the raw result more simply; the value does not change.")
def _t_tidy(step: Step, f: MathFormat) -> str:
    return f"{f.prose('by ' + str(step.given['strategy']))}: {f.m(step.after)}"


@template(R.EVALUATE_AT, "Evaluate at the point", "Substitute the point into the expression.")
def _t_at(step: Step, f: MathFormat) -> str:
    at = step.given["at"]
    where = ", ".join(f"{f.m(k)} = {f.m(v)}" for k, v in at.items())
    return f"{where}: {f.m(step.after)}"


@template(R.DIFFERENTIATE_INSIDE, "First derivative first",
          _law(r"f'' = (f')'", "f'' = (f')'", "The second derivative is the derivative of the first: ",
               "."))
def _t_inside(step: Step, f: MathFormat) -> str:
    return f"f' = {f.m(step.given['first'])}"


@template(R.CONCAVITY, "Concavity",
          _law(r"f'' > 0 \Rightarrow \text{concave up},\ f'' < 0 \Rightarrow \text{concave down}",
               "f'' > 0: concave up (convex); f'' < 0: concave down",
               "", "; f'' = 0 says nothing by itself."), "=>")
def _t_concavity(step: Step, f: MathFormat) -> str:
    g = step.given
    if "at" in g:
        where = ", ".join(f"{f.m(k)} = {f.m(v)}" for k, v in g["at"].items())
        return f"f'' = {f.m(step.before)} {f.prose('at')} {where}: {f.prose(str(g['concavity']))}"
    if "up" not in g:
        return f.prose("the sign of f'' is not determined here")
    out = f"{f.prose('concave up on')} {f.m(g['up'])}, {f.prose('concave down on')} {f.m(g['down'])}"
    if g.get("inflection"):
        out += f"; {f.prose('inflection at')} x = " + ", ".join(f.m(c) for c in g["inflection"])
    return out


@template(R.LIMIT_DEFINITION, "Definition of the derivative",
          _law(r"f'(x) = \lim_{h \to 0} \frac{f(x+h) - f(x)}{h}", "f'(x) = lim_(h→0) (f(x+h) − f(x))/h",
               "", "."))
def _t_limdef(step: Step, f: MathFormat) -> str:
    return f"{f.m(step.after)}"


def _lim_step(title: str, law: str) -> None:
    def deco(rule: R) -> None:
        @template(rule, title, law)
        def _t(step: Step, f: MathFormat) -> str:
            return f.m(step.after)

    return deco


_lim_step("Expand the numerator", "Multiply out f(x + h) − f(x); the f(x) terms cancel.")(
    R.EXPAND_NUMERATOR)
_lim_step("Combine the fractions", "Write the numerator over one common denominator.")(
    R.COMBINE_FRACTIONS)
_lim_step("Multiply by the conjugate",
          "Multiply top and bottom by √(x + h) + √x, so the roots leave the numerator.")(
    R.RATIONALIZE_NUMERATOR)
_lim_step("Cancel h", "Inside the limit h ≠ 0, so the common factor h cancels.")(R.CANCEL_H)


@template(R.TAKE_LIMIT, "Let h → 0",
          "The expression is now continuous at h = 0: substitute h = 0.")
def _t_take_limit(step: Step, f: MathFormat) -> str:
    return f.m(step.after)


@template(R.PARTIAL_DERIVATIVE, "Partial derivative",
          "Differentiate with respect to one variable, holding the others constant.")
def _t_partial(step: Step, f: MathFormat) -> str:
    b = step.before
    return f"{_d(f, b.expr, b.variables[0], partial=True)} = {f.m(step.after)}"


@template(R.GRAPH_CHAIN_RULE, "Chain rule through the named quantities",
          _law(r"\frac{\partial L}{\partial w} = \sum_{\text{paths}} \prod"
               r" \frac{\partial (\text{parent})}{\partial (\text{child})}",
               "∂L/∂w = Σ over paths of the product of ∂parent/∂child",
               "Multiply the partial derivatives along each path from the top down to the "
               "variable, and add the paths: ", "."))
def _t_graph(step: Step, f: MathFormat) -> str:
    g = step.given
    where = "; ".join(f.m(e) for e in g["where"])
    paths = "; ".join(" → ".join(f.m(p) for p in path) for path in g["paths"])
    return (f"{where}. {f.prose('Paths')}: {paths}. {f.prose('Product of the partials')}: "
            f"{f.m(g['named'])} = {f.m(step.after)}")


@template(R.GRADIENT_VECTOR, "Gradient",
          _law(r"\nabla f = \left(\frac{\partial f}{\partial x_1}, \dots, "
               r"\frac{\partial f}{\partial x_n}\right)", "∇f = (∂f/∂x₁, …, ∂f/∂xₙ)",
               "One partial derivative per variable: ", "."))
def _t_gradient(step: Step, f: MathFormat) -> str:
    return f"∇f = {f.m(step.after.T)}" if f.name == "text" else f"$\\nabla f$ = {f.m(step.after)}"


@template(R.HESSIAN_MATRIX, "Hessian",
          _law(r"H_{ij} = \frac{\partial^2 f}{\partial x_i\,\partial x_j}",
               "Hᵢⱼ = ∂²f/∂xᵢ∂xⱼ", "The matrix of second partial derivatives: ", "."))
def _t_hessian(step: Step, f: MathFormat) -> str:
    return f"H = {f.m(step.after)}"


@template(R.HESSIAN_SYMMETRY, "Symmetry of the Hessian",
          _law(r"\frac{\partial^2 f}{\partial x_i \partial x_j} = "
               r"\frac{\partial^2 f}{\partial x_j \partial x_i}", "∂²f/∂xᵢ∂xⱼ = ∂²f/∂xⱼ∂xᵢ",
               "For smooth f the mixed partials agree (Schwarz): ", "; H is symmetric."), "=>")
def _t_symmetry(step: Step, f: MathFormat) -> str:
    pairs = step.given["pairs"]
    if not pairs:
        return f.prose("a 1x1 matrix is symmetric")
    return f.prose("equal pairs: ") + ", ".join(f"H{i}{j} = H{j}{i}" for i, j in pairs)


@template(R.LEADING_MINORS, "Leading principal minors",
          "Sylvester: all leading minors > 0 means positive definite; signs -, +, -, ... "
          "negative definite; a non-zero determinant otherwise indefinite.", "=>")
def _t_minors(step: Step, f: MathFormat) -> str:
    ms = ", ".join(f"D{k + 1} = {f.m(m)}" for k, m in enumerate(step.given["minors"]))
    return f"{ms}: {f.prose(str(step.given['verdict']))}"


@template(R.EIGENVALUE_TEST, "Eigenvalues",
          "All eigenvalues > 0: positive definite; all < 0: negative definite; both signs: "
          "indefinite; zeros among one sign: semidefinite.", "=>")
def _t_eigen(step: Step, f: MathFormat) -> str:
    g = step.given
    vals = ", ".join(f.m(v) for v in g["eigenvalues"])
    tail = f" ({f.prose('numerically')})" if g.get("numeric") else ""
    return f"λ = {vals}{tail}: {f.prose(str(g['verdict']))}"


def _point_text(f: MathFormat, variables: Any, pt: Any) -> str:
    from sympy import Tuple

    coords = pt if isinstance(pt, Tuple | tuple) else (pt,)
    return ", ".join(f"{f.m(v)} = {f.m(c)}" for v, c in zip(variables, coords, strict=True))


@template(R.SET_GRADIENT_ZERO, "Set the gradient to zero",
          _law(r"\nabla f = 0", "∇f = 0",
               "At an interior extreme the tangent is flat: critical points solve ", "."))
def _t_set_zero(step: Step, f: MathFormat) -> str:
    from sympy import Eq

    eqs = (step.after,) if isinstance(step.after, Eq) else step.after
    return "; ".join(f.m(e) for e in eqs)


@template(R.SOLVE_CRITICAL, "Solve for the critical points",
          "Solve the equations; every real solution is a critical point.")
def _t_solve_critical(step: Step, f: MathFormat) -> str:
    g = step.given
    if not step.after:
        return f.prose("no real solutions: no critical points")
    pts = "; ".join(_point_text(f, g["variables"], p) for p in step.after)
    return f"{pts} ({f.prose(str(g['method']))})"


@template(R.RESTRICT_DOMAIN, "Keep the points in the domain",
          "Only points inside the domain (where f is defined) count.")
def _t_restrict(step: Step, f: MathFormat) -> str:
    g = step.given
    dom = ", ".join(f"{f.m(v)} ∈ {f.m(iv)}" if f.name == "text" else
                    f"{f.m(v)} $\\in$ {f.m(iv)}" for v, iv in g["domain"])
    out = f"{f.prose('domain')}: {dom}"
    if g["dropped"]:
        out += "; " + f.prose("dropped: ") + "; ".join(
            _point_text(f, g["variables"], p) for p in g["dropped"])
    if g["assumed"]:
        out += "; " + f.prose("inside when the parameters allow: ") + "; ".join(
            _point_text(f, g["variables"], p) for p in g["assumed"])
    return out


def _kind(step: Step, f: MathFormat) -> str:
    return f.prose(str(step.given["kind"]).replace("_", " "))


@template(R.SECOND_DERIVATIVE_TEST, "Second-derivative test",
          "f''(p) > 0: a local minimum; f''(p) < 0: a local maximum; f''(p) = 0: no verdict.",
          "=>")
def _t_second_test(step: Step, f: MathFormat) -> str:
    g = step.given
    return f"{_point_text(f, g['variables'], g['point'])}: f'' = {f.m(g['second'])}, {_kind(step, f)}"


@template(R.FIRST_DERIVATIVE_TEST, "First-derivative test",
          "f'' = 0 decides nothing: look at the sign of f' just left and right of the point "
          "(- to +: minimum, + to -: maximum, no change: not an extremum).", "=>")
def _t_first_test(step: Step, f: MathFormat) -> str:
    g = step.given
    return (f"{_point_text(f, g['variables'], g['point'])}: f'' = {f.m(g['second'])}; "
            f"f' = {f.m(g['left'])} {f.prose('on the left')}, {f.m(g['right'])} "
            f"{f.prose('on the right')} (±{f.m(g['delta'])}): {_kind(step, f)}")


@template(R.DISCRIMINANT_TEST, "Second-derivative test in two variables",
          lambda f: f.raw(r"D = f_{xx} f_{yy} - f_{xy}^2", "D = f_xx f_yy − f_xy²") + ": "
          + f.raw(r"D > 0", "D > 0") + f.prose(" and ") + f.raw(r"f_{xx} > 0", "f_xx > 0")
          + f.prose(" minimum, ") + f.raw(r"D > 0", "D > 0") + f.prose(" and ")
          + f.raw(r"f_{xx} < 0", "f_xx < 0") + f.prose(" maximum, ") + f.raw(r"D < 0", "D < 0")
          + f.prose(" saddle, ") + f.raw(r"D = 0", "D = 0") + f.prose(" inconclusive."), "=>")
def _t_discriminant(step: Step, f: MathFormat) -> str:
    g = step.given
    fxx, fyy, fxy = (f.raw(f"f_{{{v}}}", f"f_{v}") for v in ("xx", "yy", "xy"))
    return (f"{_point_text(f, g['variables'], g['point'])}: {fxx} = {f.m(g['fxx'])}, "
            f"{fyy} = {f.m(g['fyy'])}, {fxy} = {f.m(g['fxy'])}, D = {f.m(g['D'])}: {_kind(step, f)}")


@template(R.HESSIAN_TEST, "Hessian test",
          "Positive definite Hessian: local minimum; negative definite: local maximum; "
          "indefinite: saddle; semidefinite: inconclusive.", "=>")
def _t_hessian_test(step: Step, f: MathFormat) -> str:
    g = step.given
    vals = ", ".join(f.m(v) for v in g["eigenvalues"])
    return (f"{_point_text(f, g['variables'], g['point'])}: λ = {vals}, "
            f"{f.prose(str(g['verdict']))}: {_kind(step, f)}")


@template(R.BOUNDARY_VALUES, "The ends of the domain",
          "A global extreme can also sit at an end of the interval: take f there, or its "
          "limit at an open or infinite end.", "=>")
def _t_boundary(step: Step, f: MathFormat) -> str:
    x = step.given["variables"][0]
    bits = []
    for end, value, is_limit in step.given["ends"]:
        if is_limit:
            bits.append(f"{f.prose('as')} {f.m(x)} → {f.m(end)}: f → {f.m(value)}")
        else:
            bits.append(f"f({f.m(end)}) = {f.m(value)}")
    return "; ".join(bits)


def _best_display(step: Step) -> list:
    """``f(point) = value`` of the best candidate (nothing when it is not attained)."""
    from sympy import Tuple

    from symbolic_mlmath.render.displays import chain
    from symbolic_mlmath.render.unicode import text_line

    if not step.given.get("attained", True) or not isinstance(step.after, Tuple | tuple):
        return []
    pt, v = step.after
    coords = list(pt) if isinstance(pt, Tuple | tuple) else [pt]
    tex = r"f\left(" + ", ".join(latex_of(c) for c in coords) + r"\right)"
    text = "f(" + ", ".join(text_line(c) for c in coords) + ")"
    return [chain(v, name=(tex, text), step=step)]


@template(R.COMPARE_CANDIDATES, "Compare the candidates",
          "The global extreme is the best value among the critical points and the ends.",
          display=_best_display)
def _t_compare(step: Step, f: MathFormat) -> str:
    g = step.given
    rows = "; ".join(f"{f.m(pt)} → {f.m(v)}"
                     + (f" {f.prose('(limit)')}" if lim else "")
                     for pt, v, lim in g["candidates"])
    word = "smallest" if str(g["goal"]) == "minimize" else "largest"
    if not g["attained"]:
        return f"{rows}: {f.prose('the ' + word + ' value is only approached, never attained')}"
    pt, v = step.after
    return f"{rows}: {f.prose(word)} {f.m(v)} {f.prose('at')} {_point_text(f, g['variables'], pt)}"


# --- iterative methods and networks (issue 13) ----------------------------------------------
from symbolic_mlmath.calculus import templates_iter  # noqa: E402

TEMPLATES.merge(templates_iter.TEMPLATES)
from symbolic_mlmath.calculus import templates_net  # noqa: E402

TEMPLATES.update(templates_net.TEMPLATES)

"""Independent checks of every calculus rule: the subject's ``VERIFIERS`` table."""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import VerifierTable

from .rules import CalculusRule as R

__all__ = ["VERIFIERS"]

#: Every rule's verifier.
VERIFIERS = VerifierTable()

# --- differentiation (issue 12) ----------------------------------------------
_TREE_RULES = (
    R.DIFF_CONSTANT, R.DIFF_VARIABLE, R.POWER_RULE, R.CONSTANT_MULTIPLE, R.SUM_RULE,
    R.PRODUCT_RULE, R.QUOTIENT_RULE, R.CHAIN_RULE, R.EXP_RULE, R.EXP_BASE_RULE, R.LOG_RULE,
    R.LOG_BASE_RULE, R.TRIG_RULE, R.INVERSE_TRIG_RULE, R.HYPERBOLIC_RULE,
    R.LOG_DIFFERENTIATION, R.SIGMOID_RULE, R.SOFTPLUS_RULE, R.RELU_RULE, R.ABS_RULE,
    R.LOG_SUM_EXP_RULE, R.DIFF_FALLBACK,
)


def _same(a: Any, b: Any) -> bool | None:
    from .equality import real_symbols, same_function

    (a, b), _ = real_symbols(a, b)
    return same_function(a, b)


def _show(e: Any) -> str:
    from symbolic_mlmath.render.formats import text_of

    return text_of(e)


def _shape(step: Step) -> str | None:
    """The pieces in ``given`` must make up the expression differentiated."""
    g, expr = step.given, step.before.expr
    rule = step.rule
    if rule is R.PRODUCT_RULE and g["f"] * g["g"] != expr:
        return f"f g = {_show(g['f'] * g['g'])} is not {_show(expr)}"
    if rule is R.QUOTIENT_RULE and g["f"] / g["g"] != expr:
        return f"f/g = {_show(g['f'] / g['g'])} is not {_show(expr)}"
    if rule is R.CHAIN_RULE and g["outer"].xreplace({g["U"]: g["u"]}) != expr:
        return f"f(u) with u = {_show(g['u'])} is not {_show(expr)}"
    if rule is R.CONSTANT_MULTIPLE and g["c"].has(*step.before.variables):
        return f"the factor {_show(g['c'])} is not a constant"
    return None


@VERIFIERS.check(*_TREE_RULES)
def _diff_node(step: Step) -> str | None:
    """A node's result equals SymPy's ``diff`` of its own input (variables taken real)."""
    from sympy import Derivative, diff

    before = step.before
    if not isinstance(before, Derivative) or len(before.variables) != 1:
        return "a differentiation step starts from d/dx of an expression"
    problem = _shape(step)
    if problem:
        return problem
    from .equality import real_symbols

    (expr, after), _back = real_symbols(before.expr, step.after)
    var = next((s for s in expr.free_symbols if s.name == before.variables[0].name),
               before.variables[0])
    ok = _same(diff(expr, var), after)
    if ok is True:
        return None
    word = "is not" if ok is False else "could not be confirmed to be"
    return f"{_show(step.after)} {word} the derivative of {_show(before.expr)}"


@VERIFIERS.check(R.RECOGNIZE_FUNCTIONS)
def _recognize(step: Step) -> str | None:
    from .functions import to_elementary

    a, b = step.before, step.after
    if a.variables != b.variables:
        return "naming the functions must not change the variable"
    if _same(to_elementary(a.expr), to_elementary(b.expr)) is not True:
        return f"{_show(b.expr)} is not {_show(a.expr)}"
    return None


@VERIFIERS.check(R.TIDY_DERIVATIVE)
def _tidy(step: Step) -> str | None:
    if _same(step.before, step.after) is not True:
        return f"changes the value: {_show(step.before)} is not {_show(step.after)}"
    return None


@VERIFIERS.check(R.EVALUATE_AT)
def _evaluate_at(step: Step) -> str | None:
    from sympy import MatrixBase

    from symbolic_mlmath.core.verify import same_value

    point = dict(step.given["at"])
    want = step.before.xreplace(point)
    got = step.after
    if isinstance(want, MatrixBase):
        want, got = want.doit(), got.doit()
    else:
        want, got = want.doit(), got.doit()
    if not same_value(want, got):
        return f"substituting gives {_show(want)}, not {_show(got)}"
    return None


@VERIFIERS.check(R.DIFFERENTIATE_INSIDE)
def _inside(step: Step) -> str | None:
    from sympy import Derivative, diff

    b, a = step.before, step.after
    if not (isinstance(b, Derivative) and isinstance(a, Derivative)
            and len(b.variables) == 2 and b.variables[0] == b.variables[1]
            and a.variables == b.variables[:1]):
        return "expected f'' -> d/dx f'"
    f, x = b.expr, b.variables[0]
    if _same(diff(f, x), a.expr) is not True:
        return f"{_show(a.expr)} is not the first derivative of {_show(f)}"
    return None


@VERIFIERS.check(R.CONCAVITY, reads=True)
def _concavity(step: Step) -> str | None:
    from .concavity import check_concavity

    return check_concavity(step)


@VERIFIERS.check(R.LIMIT_DEFINITION)
def _limit_definition(step: Step) -> str | None:
    from sympy import Derivative, Limit, cancel

    b, a = step.before, step.after
    h = step.given["h"]
    if not (isinstance(b, Derivative) and isinstance(a, Limit)):
        return "expected d/dx f -> a limit"
    f, x = b.expr, b.variables[0]
    inner, var, to = a.args[0], a.args[1], a.args[2]
    if var != h or to != 0 or h in f.free_symbols:
        return "the limit must be h -> 0 for an increment h not in f"
    want = (f.xreplace({x: x + h}) - f) / h
    if cancel(inner - want) != 0:
        return f"{_show(inner)} is not the difference quotient of {_show(f)}"
    return None


@VERIFIERS.check(R.EXPAND_NUMERATOR, R.COMBINE_FRACTIONS, R.RATIONALIZE_NUMERATOR, R.CANCEL_H)
def _limit_algebra(step: Step) -> str | None:
    from sympy import Limit

    b, a = step.before, step.after
    if not (isinstance(b, Limit) and isinstance(a, Limit)) or b.args[1:] != a.args[1:]:
        return "the algebra must keep the same limit"
    if _same(b.args[0], a.args[0]) is not True:
        return f"{_show(a.args[0])} is not {_show(b.args[0])} for h != 0"
    return None


@VERIFIERS.check(R.TAKE_LIMIT)
def _take_limit(step: Step) -> str | None:
    from sympy import Limit, nan, zoo

    b = step.before
    if not isinstance(b, Limit):
        return "expected a limit"
    inner, h, to = b.args[0], b.args[1], b.args[2]
    _num, den = inner.as_numer_denom()
    if den.xreplace({h: to}) == 0 or inner.xreplace({h: to}).has(nan, zoo):
        return "the expression is not continuous at h = 0 yet"
    if _same(inner.xreplace({h: to}), step.after) is not True:
        return f"h -> 0 gives {_show(inner.xreplace({h: to}))}, not {_show(step.after)}"
    return None


@VERIFIERS.check(R.PARTIAL_DERIVATIVE)
def _partial(step: Step) -> str | None:
    from .equality import sympy_derivative

    b = step.before
    if _same(sympy_derivative(b.expr, b.variables[0]), step.after) is not True:
        return f"{_show(step.after)} is not the partial derivative of {_show(b.expr)}"
    return None


@VERIFIERS.check(R.GRADIENT_VECTOR, R.HESSIAN_MATRIX)
def _matrix_of_derivatives(step: Step) -> str | None:
    """Each entry equals SymPy's derivative of the unevaluated entry before it."""
    from .equality import sympy_derivative

    b, a = step.before, step.after
    if b.shape != a.shape:
        return f"shape changes from {b.shape} to {a.shape}"
    for k, (d, got) in enumerate(zip(b, a, strict=True)):
        want = d.expr
        for v in d.variables:
            want = sympy_derivative(want, v)
        if _same(want, got) is not True:
            return f"entry {k + 1}: {_show(got)} is not {_show(d)}"
    return None


@VERIFIERS.check(R.GRAPH_CHAIN_RULE)
def _graph_chain(step: Step) -> str | None:
    from .equality import sympy_derivative

    b, g = step.before, step.given
    if _same(sympy_derivative(b.expr, b.variables[0]), step.after) is not True:
        return f"{_show(step.after)} is not the derivative of {_show(b.expr)}"
    names = {eq.lhs: eq.rhs for eq in g["where"]}
    named = g["named"]
    for _ in range(len(names) + 1):
        named = named.xreplace(names)
    if _same(named, step.after) is not True:
        return "the product of the partials along the paths is not the result"
    return None


@VERIFIERS.check(R.HESSIAN_SYMMETRY, reads=True)
def _symmetry(step: Step) -> str | None:
    H = step.before
    if step.after != H:
        return "noting symmetry must not change the matrix"
    for i in range(H.rows):
        for j in range(i + 1, H.cols):
            if _same(H[i, j], H[j, i]) is not True:
                return f"H[{i + 1},{j + 1}] and H[{j + 1},{i + 1}] differ"
    return None


@VERIFIERS.check(R.LEADING_MINORS, reads=True)
def _minors(step: Step) -> str | None:
    from .definiteness import check_minors

    return check_minors(step)


@VERIFIERS.check(R.EIGENVALUE_TEST, reads=True)
def _eigen(step: Step) -> str | None:
    from .definiteness import check_eigen

    return check_eigen(step)


@VERIFIERS.check(R.SET_GRADIENT_ZERO)
def _set_zero(step: Step) -> str | None:
    from sympy import Eq

    from .equality import sympy_derivative

    f, eqs, variables = step.before, step.after, tuple(step.given["variables"])
    if isinstance(eqs, Eq):
        eqs = (eqs,)
    if len(eqs) != len(variables):
        return f"{len(variables)} variables need {len(variables)} equations"
    for eq, v in zip(eqs, variables, strict=True):
        if eq.rhs != 0 or _same(sympy_derivative(f, v), eq.lhs) is not True:
            return f"{_show(eq)} is not ∂f/∂{v} = 0"
    return None


@VERIFIERS.check(R.SOLVE_CRITICAL)
def _solve_critical(step: Step) -> str | None:
    """Each point found makes every equation hold (to 25 digits for numeric roots)."""
    from sympy import Eq

    from .functions import to_elementary
    from .optimization import coords

    variables = tuple(step.given["variables"])
    eqs = (step.before,) if isinstance(step.before, Eq) else step.before
    for pt in step.after:
        sub = coords(pt, variables)
        for eq in eqs:
            val = to_elementary(eq.lhs).xreplace(sub)
            ok = _same(val, 0) if val.free_symbols else bool(abs(val.evalf(40)) < 1e-25)
            if ok is not True:
                return f"{_show(pt)} does not solve {_show(eq)}"
    return None


@VERIFIERS.check(R.RESTRICT_DOMAIN)
def _restrict(step: Step) -> str | None:
    from .domain import in_domain
    from .optimization import coords

    variables = tuple(step.given["variables"])
    box = dict(step.given["domain"])
    kept, dropped = list(step.after), list(step.given["dropped"])
    if sorted(map(str, kept + dropped)) != sorted(map(str, step.before)):
        return "the points kept and dropped are not the points found"
    for pt in kept:
        if in_domain(coords(pt, variables), box) is False:
            return f"{_show(pt)} is outside the domain"
    for pt in dropped:
        p = coords(pt, variables)
        if in_domain(p, box) is not False and _defined_at(step.given["f"], p) is not False:
            return f"{_show(pt)} is inside the domain"
    return None


def _defined_at(f: Any, p: Any) -> bool | None:
    from .optimization import defined_at

    return defined_at(f, p)


@VERIFIERS.check(R.SECOND_DERIVATIVE_TEST, R.FIRST_DERIVATIVE_TEST, R.DISCRIMINANT_TEST,
                 R.HESSIAN_TEST, reads=True)
def _classify(step: Step) -> str | None:
    from .classify import check_test

    return check_test(step)


@VERIFIERS.check(R.BOUNDARY_VALUES, reads=True)
def _boundary(step: Step) -> str | None:
    from .extremes import check_boundary

    return check_boundary(step)


@VERIFIERS.check(R.COMPARE_CANDIDATES)
def _compare(step: Step) -> str | None:
    from .extremes import check_compare

    return check_compare(step)


def _value_preserving(*rules: Any) -> None:
    """These rules' steps keep the value (after = before once the derivative is taken): their
    own checks decide, and renderers may write ``=`` between before and after."""
    from symbolic_mlmath.core.verify import Verifier

    for r in rules:
        VERIFIERS[r] = Verifier(check=VERIFIERS[r].check, same_value=True)


_value_preserving(*_TREE_RULES, R.RECOGNIZE_FUNCTIONS, R.TIDY_DERIVATIVE, R.DIFFERENTIATE_INSIDE,
                  R.LIMIT_DEFINITION, R.EXPAND_NUMERATOR, R.COMBINE_FRACTIONS,
                  R.RATIONALIZE_NUMERATOR, R.CANCEL_H, R.TAKE_LIMIT, R.PARTIAL_DERIVATIVE,
                  R.GRADIENT_VECTOR, R.HESSIAN_MATRIX, R.GRAPH_CHAIN_RULE)


# --- iterative methods and networks (issue 13) ----------------------------------------------
from symbolic_mlmath.calculus import verifiers_iter  # noqa: E402

VERIFIERS.update(verifiers_iter.VERIFIERS)
from symbolic_mlmath.calculus import verifiers_net  # noqa: E402

VERIFIERS.update(verifiers_net.VERIFIERS)

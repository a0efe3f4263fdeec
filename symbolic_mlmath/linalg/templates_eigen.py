"""Templates of the eigen, PCA and Markov rules, and the presenters of multi-part results
(eigenvector tables, P and D with the check, eigenvalues as a list).

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.render.formats import TEXT
>>> A = ImmutableMatrix([[2, 1], [1, 2]])
>>> s = Step(LinalgRule.SHIFT_DIAGONAL, A, ImmutableMatrix([[-1, 1], [1, -1]]), {"eigenvalue": 3})
>>> print(TEXT.display(TEMPLATES[LinalgRule.SHIFT_DIAGONAL].displays(s)[0]))
           ⎡2 - 3      1⎤     ⎡-1   1⎤
A - λI  =  ⎣    1  2 - 3⎦  =  ⎣ 1  -1⎦
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from symbolic_mlmath.linalg.rules import LinalgRule
from symbolic_mlmath.linalg.template_parts import boxed, lam, named
from symbolic_mlmath.linalg.templates_elimination import echelon_pivots
from symbolic_mlmath.render.displays import Display, Shown, chain
from symbolic_mlmath.render.formats import MathFormat
from symbolic_mlmath.render.present import ResultView
from symbolic_mlmath.render.templates import TemplateTable
from symbolic_mlmath.render.unicode import subscript

if TYPE_CHECKING:
    from symbolic_mlmath.core.steps import Step

__all__ = ["TEMPLATES", "shifted_entries"]

#: Templates of the eigen, PCA and Markov rules.
TEMPLATES = TemplateTable()
template = TEMPLATES.add


# ------------------------------------------------------------------ eigen
def shifted_entries(A: Any, lam: Any) -> Any:
    """``A`` with ``- λ`` written (not yet worked out) on its diagonal.

    >>> from sympy import ImmutableMatrix
    >>> from symbolic_mlmath.render.unicode import text_line
    >>> text_line(shifted_entries(ImmutableMatrix([[2, 1], [1, 2]]), -1))
    '[2 - (-1) 1; 1 2 - (-1)]'
    """
    from sympy import Add, ImmutableMatrix, Mul

    return ImmutableMatrix(A.rows, A.cols, lambda i, j: Add(
        A[i, j], Mul(-1, lam, evaluate=False), evaluate=False) if i == j else A[i, j])


def _shift_display(step: Step) -> list[Display]:
    lam = step.given["eigenvalue"]
    written = shifted_entries(step.before, lam)
    return [chain(written, "=", step.after, name=(r"A - \lambda I", "A - λI"), step=step)]


@template(
    LinalgRule.SHIFT_DIAGONAL,
    "Subtract λ from the diagonal",
    lambda f: f.raw(r"A - \lambda I", "A − λI") + f.prose(" subtracts ") + lam(f)
    + f.prose(" from every diagonal entry."),
    display=_shift_display,
)
def _shift(step: Step, f: MathFormat) -> str:
    lam = step.given["eigenvalue"]
    return f.prose("with ") + f.named(r"\lambda", "λ", lam, step=step) \
        + f.prose(", subtract it from each diagonal entry")


@template(
    LinalgRule.CHARPOLY_DEFINITION,
    "Characteristic polynomial",
    lambda f: f.prose("The eigenvalues are the roots of ")
    + f.raw(r"p(\lambda) = \det(A - \lambda I)", "p(λ) = det(A − λI)")
    + f.prose(" (some books use ") + f.raw(r"\det(\lambda I - A)", "det(λI − A)")
    + f.prose(", which differs by the sign ") + f.raw("(-1)^n", "(−1)ⁿ") + ").",
    "=>",
    display=named(r"p(\lambda) = \det(A - \lambda I)", "p(λ) = det(A - λI)"),
)
def _charpoly(step: Step, f: MathFormat) -> str:
    return f.prose("subtract ") + lam(f) + f.prose(" from the diagonal and take the determinant")


def _quadratic_displays(step: Step) -> list[Display]:
    """For a quadratic with rational coefficients: the quadratic formula, worked out."""
    from sympy import Add, Mul, Poly, Pow, Rational, sqrt

    lam = step.given.get("variable")
    if lam is None:
        return []
    try:
        p = Poly(step.before, lam)
    except Exception:
        return []
    if p.degree() != 2 or not all(c.is_Rational for c in p.all_coeffs()):
        return []
    a, b, c = p.all_coeffs()
    disc = Add(Pow(b, 2, evaluate=False), Mul(-4, a, c, evaluate=False), evaluate=False)
    root_of = Pow(disc, Rational(1, 2), evaluate=False)
    out = []
    for k, value in enumerate(step.after):
        plus = (-b + sqrt(b**2 - 4 * a * c)) / (2 * a)
        term = root_of if (value - plus).expand() == 0 else Mul(-1, root_of, evaluate=False)
        top = Add(-b, term, evaluate=False)
        written = Mul(top, Pow(2 * a, -1, evaluate=False), evaluate=False)
        out.append(chain(written, "=", value, name=(rf"\lambda_{{{k + 1}}}", f"λ{subscript(k + 1)}"),
                         step=step))
    if len(out) == 1:  # a double root
        out = [chain(out[0].terms[0], "=", out[0].terms[1], name=(r"\lambda", "λ"), step=step)]
    return out


def _roots_display(step: Step) -> list[Display]:
    from sympy import Eq

    lam = step.given.get("variable")
    eq = Eq(step.before, 0, evaluate=False)
    roots = Shown(step.after, view="roots", extra={"variable": lam})
    return [*_quadratic_displays(step), chain(eq, "=>", roots, step=step)]


@template(
    LinalgRule.SOLVE_ROOTS,
    "Roots",
    "Set each factor to zero; a factor repeated k times gives a root of multiplicity k. "
    "A quadratic's roots also follow from the quadratic formula.",
    "=>",
    display=_roots_display,
)
def _roots(step: Step, f: MathFormat) -> str:
    return f.prose("set each factor to zero")


def _free_columns(M: Any) -> list[int]:
    piv = {c for _, c in echelon_pivots(M)}
    return [j + 1 for j in range(M.cols) if j not in piv]


@template(
    LinalgRule.NULL_SPACE,
    "Null space",
    "Solve M x = 0 from the reduced form: each free unknown set to 1 (the others 0) gives "
    "one basis vector.",
    "=>",
    display=lambda s: [chain(boxed(s.before), "=>", Shown(s.after, view="span"), step=s)],
)
def _null(step: Step, f: MathFormat) -> str:
    free = _free_columns(step.before)
    if not free:
        return f.prose("every column has a pivot, so only the zero vector solves it")
    names = ", ".join(f.raw(f"x_{{{j}}}", f"x{subscript(j)}") for j in free)
    return (f.prose("no pivot in column" + ("s " if len(free) > 1 else " ")
                    + ", ".join(str(j) for j in free) + ": ") + names
            + f.prose(" free; set each free unknown to 1 in turn and read the others off"))


def _eigenspace_display(step: Step) -> list[Display]:
    from symbolic_mlmath.render.printers import latex_line
    from symbolic_mlmath.render.unicode import text_line

    lam = step.given["eigenvalue"]
    name = (rf"E_{{{latex_line(lam)}}}", f"E(λ = {text_line(lam)})")
    return [chain(Shown(step.after, view="span"), name=name, step=step)]


@template(
    LinalgRule.EIGENSPACE,
    "Eigenspace",
    lambda f: f.prose("The eigenvectors of ") + lam(f)
    + f.prose(" are the non-zero solutions of ") + f.raw(r"(A - \lambda I)\mathbf{x} = 0",
                                                         "(A − λI)x = 0") + ".",
    "=>",
    display=_eigenspace_display,
    teach=True,
)
def _eigenspace(step: Step, f: MathFormat) -> str:
    g = step.given
    lam = f.named(r"\lambda", "λ", g["eigenvalue"], step=step)
    return (f.prose("for ") + lam + f.prose(f" (algebraic multiplicity {g['multiplicity']}) "
                                           "solve ")
            + f.raw(r"(A - \lambda I)\mathbf{x} = 0", "(A − λI)x = 0"))


@template(
    LinalgRule.DIAGONALIZE,
    "Diagonalise",
    lambda f: f.prose("With the eigenvectors as the columns of P and the eigenvalues on the "
                      "diagonal of D in the same order, ")
    + f.raw("A = P D P^{-1}", "A = PDP⁻¹") + ".",
    "=>",
    display=lambda s: [chain(s.after[0], name=("P", "P"), step=s),
                       chain(s.after[1], name=("D", "D"), step=s)],
    teach=True,
)
def _diagonalize(step: Step, f: MathFormat) -> str:
    return f.prose("put the eigenvectors side by side and the eigenvalues on a diagonal")


@template(
    LinalgRule.NOT_DIAGONALIZABLE,
    "Not diagonalisable",
    "A matrix is diagonalisable exactly when every eigenvalue has as many independent "
    "eigenvectors as its multiplicity.",
    "=>",
    display=lambda s: [],
)
def _defective(step: Step, f: MathFormat) -> str:
    g = step.given
    lam = f.named(r"\lambda", "λ", g["eigenvalue"], step=step)
    return (f.prose("for ") + lam + f.prose(f" the algebraic multiplicity is {g['algebraic']} "
                                           f"but there {'is' if int(g['geometric']) == 1 else 'are'}"
                                           f" only {g['geometric']} independent eigenvector"
                                           f"{'' if int(g['geometric']) == 1 else 's'}, so A is "
                                           "not diagonalisable"))


# ------------------------------------------------------------------ PCA and Markov
@template(
    LinalgRule.CENTER_DATA,
    "Centre the data",
    "Subtract each column's mean, so every variable has mean 0.",
    display=named("X_c", "X_c"),
)
def _center(step: Step, f: MathFormat) -> str:
    return f.prose("subtract the column means ") + f.m(step.given["mean"])


@template(
    LinalgRule.COVARIANCE_MATRIX,
    "Covariance matrix",
    lambda f: f.raw(r"C = \frac{1}{n-1} X_c^{\mathsf{T}} X_c", "C = X_cᵀX_c / (n − 1)")
    + f.prose(" for n observations (rows)."),
    display=named("C", "C"),
)
def _cov(step: Step, f: MathFormat) -> str:
    n = int(step.given["n"])
    return f.prose(f"{n} observations, so divide ") + f.raw(r"X_c^{\mathsf{T}} X_c", "X_cᵀX_c") \
        + f.prose(f" by {n - 1}")


def _scaled(scale: Any, v: Any) -> Any:
    from sympy import MatMul

    return MatMul(scale, v, evaluate=False)


def _unit_display(step: Step) -> list[Display]:
    from sympy import sqrt

    w = step.before
    n2 = (w.T * w)[0, 0]
    if n2 == 1:
        return []
    return [chain(_scaled(1 / sqrt(n2), w), "=", step.after, step=step)]


@template(
    LinalgRule.NORMALIZE_VECTOR,
    "Unit vector",
    lambda f: f.prose("Divide by the length: ")
    + f.raw(r"\hat{\mathbf{v}} = \mathbf{v} / \lVert\mathbf{v}\rVert", "v̂ = v / ‖v‖") + ".",
    display=_unit_display,
)
def _unit(step: Step, f: MathFormat) -> str:
    return f.prose("divide by the length so the component has length 1")


@template(
    LinalgRule.EXPLAINED_VARIANCE,
    "Explained variance",
    lambda f: f.prose("Component i explains the share ")
    + f.raw(r"\lambda_i / \sum_j \lambda_j", "λᵢ / Σ λⱼ") + f.prose(" of the total variance."),
    "=>",
    display=lambda s: [chain(Shown(s.after, view="list"),
                             name=(r"\lambda_i / \textstyle\sum_j \lambda_j", "λᵢ / Σⱼ λⱼ"),
                             step=s)],
)
def _explained(step: Step, f: MathFormat) -> str:
    return f.prose("divide each kept eigenvalue by the sum of all eigenvalues")


@template(
    LinalgRule.PROJECT_DATA,
    "Project the data",
    lambda f: f.prose("The coordinates along the principal components are ")
    + f.raw(r"X_c W", "X_c W") + f.prose(" (W has the components as columns)."),
    "=>",
    display=named("X_c W", "X_c W"),
)
def _project(step: Step, f: MathFormat) -> str:
    return f.prose("multiply the centred data by the matrix of components")


@template(
    LinalgRule.STOCHASTIC_CHECK,
    "Column-stochastic",
    "A transition matrix has non-negative entries and every column sums to 1.",
    "=>",
    display=lambda s: [],
)
def _stochastic(step: Step, f: MathFormat) -> str:
    sums = ", ".join(f.m(s) for s in step.given["sums"])
    return f.prose("the entries are non-negative and the column sums are ") + sums


def _probability_display(step: Step) -> list[Display]:
    from sympy import Add

    v = step.before[0]
    total = Add(*v)
    return [chain(_scaled(1 / total, v), "=", step.after, step=step)]


@template(
    LinalgRule.NORMALIZE_PROBABILITY,
    "Scale to a probability vector",
    "Divide by the sum of the entries so they add up to 1.",
    display=_probability_display,
)
def _probability(step: Step, f: MathFormat) -> str:
    return f.prose("divide by the sum of the entries")


# ------------------------------------------------------------------ results
def _eigen_table(d: Any) -> ResultView:
    from sympy import Tuple

    rows = []
    for e in d.result:
        vs = list(e["vectors"])
        rows.append([Shown(e["eigenvalue"]), Shown(e["multiplicity"]), Shown(len(vs)),
                     Shown(Tuple(*vs), view="span")])
    return ResultView(header=["eigenvalue λ", "algebraic multiplicity",
                              "geometric multiplicity", "eigenspace"], rows=rows)


def _diagonal_result(d: Any) -> ResultView | None:
    from sympy import Inverse, MatMul

    r = d.result
    if "P" not in r:
        last = d.steps[-1]
        return ResultView(step=last)
    P, D = r["P"], r["D"]
    check = chain(MatMul(P, D, Inverse(P), evaluate=False), "=", d.goal)
    return ResultView(header=["", ""], rows=[["P (eigenvectors)", Shown(P)],
                                              ["D (eigenvalues)", Shown(D)]], display=check)


def _eigenvalues(d: Any) -> ResultView:
    from sympy import Symbol, Tuple

    return ResultView(display=chain(Shown(Tuple(*d.result), view="roots",
                                          extra={"variable": Symbol("lambda")})))


def _word_result(d: Any) -> ResultView:
    return ResultView(step=d.steps[-1])


TEMPLATES.results.update({
    "eigenvectors": _eigen_table,
    "diagonalize": _diagonal_result,
    "eigenvalues": _eigenvalues,
    "singular": _word_result,
    "independent": _word_result,
})
TEMPLATES.labels.update({
    "covariance": "covariance matrix C",
    "eigenvalues": "eigenvalues (largest first)",
    "components": "principal components (unit vectors)",
    "explained_variance": "share of the variance explained",
    "projected": "projected data",
    "independent": "independent",
    "spans": "spans the whole space",
    "basis": "a basis of the span",
    "dimension": "dimension of the span",
    "diagonalizable": "diagonalisable",
    "eigenvalue": "eigenvalue λ",
    "algebraic_multiplicity": "algebraic multiplicity",
    "geometric_multiplicity": "geometric multiplicity",
    "multiplicity": "algebraic multiplicity",
    "vectors": "basis of the eigenspace",
})


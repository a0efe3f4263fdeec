"""Templates of the linear-algebra rules of vectors, products, inverse, spaces, eigen, PCA,
and the presenters of multi-part results (eigenvector tables, P and D, PCA parts).

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.linalg.rules import LinalgRule
>>> from symbolic_mlmath.render.formats import TEXT
>>> A = ImmutableMatrix([[2, 1], [1, 2]])
>>> s = Step(LinalgRule.SHIFT_DIAGONAL, A, ImmutableMatrix([[-1, 1], [1, -1]]), {"eigenvalue": 3})
>>> print(TEXT.display(TEMPLATES[LinalgRule.SHIFT_DIAGONAL].displays(s)[0]))
         ⎡2 - 3    1  ⎤     ⎡-1   1⎤
A - λI = ⎣  1    2 - 3⎦  =  ⎣ 1  -1⎦
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.linalg.rules import LinalgRule
from symbolic_mlmath.linalg.templates_elimination import echelon_pivots
from symbolic_mlmath.render.displays import Display, MatrixStyle, Shown, chain
from symbolic_mlmath.render.formats import MathFormat
from symbolic_mlmath.render.present import ResultView
from symbolic_mlmath.render.templates import TemplateTable

__all__ = ["TEMPLATES", "shifted_entries"]

#: Templates of the vector, inverse, space and eigen rules.
TEMPLATES = TemplateTable()
template = TEMPLATES.add


def _lam(f: MathFormat) -> str:
    return f.raw(r"\lambda", "λ")


def _named(tex: str, text: str) -> Any:
    return lambda s: [chain(s.after, name=(tex, text), step=s)]


def _boxed(M: Any) -> Shown:
    return Shown(M, style=MatrixStyle(pivots=frozenset(echelon_pivots(M))))


# ------------------------------------------------------------------ vectors
@template(
    LinalgRule.VECTOR_COMBINATION,
    "Linear combination",
    lambda f: f.prose("Scale and add entry by entry: ")
    + f.raw(r"(a\mathbf{u} + b\mathbf{v})_i = a u_i + b v_i", "(au + bv)ᵢ = auᵢ + bvᵢ") + ".",
)
def _combination(step: Step, f: MathFormat) -> str:
    return f.prose("scale each vector and add entry by entry")


@template(
    LinalgRule.DOT_PRODUCT,
    "Dot product",
    lambda f: f.prose("Multiply matching entries and add: ")
    + f.raw(r"\mathbf{u}\cdot\mathbf{v} = \sum_i u_i v_i", "u · v = Σᵢ uᵢvᵢ") + ".",
)
def _dot(step: Step, f: MathFormat) -> str:
    return f.prose("multiply matching entries and add")


@template(
    LinalgRule.VECTOR_NORM,
    "Norm",
    lambda f: f.raw(r"\lVert v\rVert_1 = \sum_i |v_i|,\ \lVert v\rVert_2 = \sqrt{\sum_i v_i^2},"
                    r"\ \lVert v\rVert_\infty = \max_i |v_i|",
                    "‖v‖₁ = Σ|vᵢ|, ‖v‖₂ = √(Σ vᵢ²), ‖v‖∞ = max |vᵢ|") + ".",
)
def _norm(step: Step, f: MathFormat) -> str:
    p = str(step.given["ord"])
    return f.prose({"1": "the L1 norm adds the absolute values",
                    "2": "the L2 (Euclidean) norm is the square root of the sum of squares"}
                   .get(p, "the infinity (max) norm is the largest absolute value"))


@template(
    LinalgRule.ANGLE_FORMULA,
    "Angle between vectors",
    lambda f: f.raw(r"\cos\theta = \frac{\mathbf{u}\cdot\mathbf{v}}{\lVert\mathbf{u}\rVert\,"
                    r"\lVert\mathbf{v}\rVert}", "cos θ = u·v / (‖u‖ ‖v‖)")
    + f.prose(", so the angle is the arccosine of that ratio (in radians)."),
)
def _angle(step: Step, f: MathFormat) -> str:
    return f.prose("divide the dot product by the two lengths and take the arccosine")


@template(
    LinalgRule.PROJECTION_FORMULA,
    "Projection",
    lambda f: f.raw(r"\operatorname{proj}_{\mathbf{v}}\mathbf{u} = \frac{\mathbf{u}\cdot\mathbf{v}}"
                    r"{\mathbf{v}\cdot\mathbf{v}}\,\mathbf{v}", "proj_v u = (u·v / v·v) v") + ".",
)
def _projection(step: Step, f: MathFormat) -> str:
    return f.prose("scale v by the ratio of the two dot products")


# ------------------------------------------------------------------ products and maps
@template(
    LinalgRule.MATRIX_PRODUCT,
    "Matrix product",
    lambda f: f.prose("Entry (i, j) of AB is row i of A times column j of B: ")
    + f.raw(r"(AB)_{ij} = \sum_k a_{ik} b_{kj}", "(AB)ᵢⱼ = Σₖ aᵢₖbₖⱼ") + ".",
)
def _product(step: Step, f: MathFormat) -> str:
    g = step.given
    if "shape_A" not in g:
        return f.prose("multiply out")
    (m, n), (_, p) = g["shape_A"], g["shape_B"]
    return f.prose(f"a {m}×{n} matrix times a {n}×{p} matrix gives a {m}×{p} matrix; each entry "
                   "is a row times a column")


def _image_display(step: Step) -> list[Display]:
    j = step.given["index"]
    return [chain(step.after, name=(rf"T(\mathbf{{e}}_{{{j}}})", f"T(e{_sub(j)})"), step=step)]


def _sub(j: Any) -> str:
    return str(j).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


@template(
    LinalgRule.IMAGE_OF_BASIS,
    "Image of a basis vector",
    lambda f: f.prose("Put the standard basis vector into the formulas: ")
    + f.raw(r"T(\mathbf{e}_j)", "T(eⱼ)") + f.prose(" is column j of the standard matrix."),
    display=_image_display,
)
def _image(step: Step, f: MathFormat) -> str:
    j = int(step.given["index"])
    xs = list(step.given.get("vars", ()))
    if xs:
        sets = ", ".join(f.m(x) for x in xs)
        return (f.prose("put ") + sets + f.prose(f" = {', '.join('1' if k == j - 1 else '0' for k in range(len(xs)))}"
                                                 " into the formulas"))
    return f.prose(f"apply T to the standard basis vector e{j}")


@template(
    LinalgRule.STANDARD_MATRIX,
    "Standard matrix",
    "A linear map is multiplication by the matrix whose columns are the images of the "
    "standard basis vectors.",
    "=>",
    display=_named("A", "A"),
    teach=True,
)
def _standard(step: Step, f: MathFormat) -> str:
    n = len(step.given.get("vars", ())) or step.after.cols
    imgs = ", ".join(f.raw(rf"T(\mathbf{{e}}_{{{j}}})", f"T(e{_sub(j)})") for j in range(1, n + 1))
    return f.prose("the images ") + imgs + f.prose(" are the columns")


# ------------------------------------------------------------------ inverse
@template(
    LinalgRule.AUGMENT_IDENTITY,
    "Augment with the identity",
    lambda f: f.prose("Write ") + f.raw(r"[A \mid I]", "[A | I]")
    + f.prose("; row operations that turn A into I turn I into ")
    + f.raw("A^{-1}", "A⁻¹") + ".",
    "=>",
    sets=lambda s: {"augment": (2 * int(s.given["n"]), int(s.given["n"]))},
)
def _augment(step: Step, f: MathFormat) -> str:
    return f.prose("put the identity matrix to the right of A")


@template(
    LinalgRule.READ_INVERSE,
    "Read off the inverse",
    lambda f: f.prose("Once the left block is I, the right block is the inverse: ")
    + f.raw(r"[I \mid A^{-1}]", "[I | A⁻¹]") + ".",
    "=>",
    display=_named("A^{-1}", "A⁻¹"),
)
def _read_inverse(step: Step, f: MathFormat) -> str:
    return f.prose("the left block is now I, so the right block is the inverse")


@template(
    LinalgRule.INVERSE_2X2,
    "2x2 inverse formula",
    lambda f: f.raw(r"\begin{bmatrix} a & b \\ c & d\end{bmatrix}^{-1} = \frac{1}{ad - bc}"
                    r"\begin{bmatrix} d & -b \\ -c & a\end{bmatrix}",
                    "[a b; c d]⁻¹ = 1/(ad − bc) [d −b; −c a]")
    + f.prose(", defined when ad - bc is not 0."),
)
def _inv2(step: Step, f: MathFormat) -> str:
    return (f.prose("swap the diagonal, negate the other two entries, divide by ")
            + f.named(r"\det A", "det A", step.given["det"], step=step))


@template(
    LinalgRule.NOT_INVERTIBLE,
    "No inverse",
    "A square matrix has an inverse exactly when its determinant is not 0.",
    "=>",
    display=lambda s: [],
)
def _not_invertible(step: Step, f: MathFormat) -> str:
    return f.prose("the determinant is 0, so A has no inverse")


@template(
    LinalgRule.DET_PRODUCT,
    "Determinant of a product",
    lambda f: f.raw(r"\det(AB) = \det(A)\,\det(B)", "det(AB) = det(A) det(B)") + ".",
)
def _det_product(step: Step, f: MathFormat) -> str:
    return (f.prose("the determinant of a product is the product of the determinants "
                    "(computed directly, ")
            + f.named(r"\det(AB)", "det(AB)", step.given["det_AB"], step=step) + ")")


@template(
    LinalgRule.DET_INVERSE,
    "Determinant of the inverse",
    lambda f: f.raw(r"\det(A^{-1}) = \frac{1}{\det A}", "det(A⁻¹) = 1/det(A)")
    + f.prose(", because ") + f.raw(r"A A^{-1} = I", "AA⁻¹ = I")
    + f.prose(" and ") + f.raw(r"\det I = 1", "det I = 1") + ".",
)
def _det_inverse(step: Step, f: MathFormat) -> str:
    return f.prose("with ") + f.named("A^{-1}", "A⁻¹", step.given["inverse"], step=step)


# ------------------------------------------------------------------ spaces
@template(
    LinalgRule.VECTORS_AS_COLUMNS,
    "Vectors as columns",
    "Put the vectors side by side as the columns of one matrix; row operations keep the "
    "linear relations between its columns.",
    "=>",
    display=lambda s: [chain(Shown(s.before, view="list"), "=>", s.after, step=s)],
)
def _columns(step: Step, f: MathFormat) -> str:
    return f.prose(f"{int(step.given.get('count', len(step.before)))} vectors become the columns")


@template(
    LinalgRule.READ_INDEPENDENCE,
    "Linear independence",
    "The vectors are independent exactly when every column has a pivot "
    "(rank = number of vectors).",
    "=>",
    display=lambda s: [],
)
def _independence(step: Step, f: MathFormat) -> str:
    g = step.given
    rank = f.named(r"\operatorname{rank}", "rank", g["rank"], step=step)
    n = int(g["count"])
    if step.after:
        return rank + f.prose(f", one pivot for each of the {n} vectors: they are independent")
    return rank + f.prose(f" is less than the {n} vectors: they are dependent")


@template(
    LinalgRule.READ_BASIS,
    "Basis of the span",
    "The original vectors in the pivot columns form a basis of the span; its size is the "
    "dimension. They span the whole space when the rank equals its dimension.",
    "=>",
    display=lambda s: [chain(_boxed(s.before), "=>", Shown(s.after, view="list"), step=s)],
)
def _basis(step: Step, f: MathFormat) -> str:
    g = step.given
    cols = [int(c) for c in g["pivot_columns"]]
    listed = " and ".join(str(c) for c in cols) if len(cols) <= 2 else \
        ", ".join(str(c) for c in cols[:-1]) + f" and {cols[-1]}"
    word = "column" if len(cols) == 1 else "columns"
    return f.prose(f"the pivots are in {word} {listed}, so the original vectors there form a "
                   f"basis; the dimension is {g['dimension']}")


# ------------------------------------------------------------------ eigen
def shifted_entries(A: Any, lam: Any) -> Any:
    """``A`` with ``- λ`` written (not yet worked out) on its diagonal.

    >>> from sympy import ImmutableMatrix
    >>> from symbolic_mlmath.render.printers import text_line
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
    lambda f: f.raw(r"A - \lambda I", "A − λI") + f.prose(" subtracts ") + _lam(f)
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
    display=_named(r"p(\lambda) = \det(A - \lambda I)", "p(λ) = det(A - λI)"),
)
def _charpoly(step: Step, f: MathFormat) -> str:
    return f.prose("subtract ") + _lam(f) + f.prose(" from the diagonal and take the determinant")


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
        out.append(chain(written, "=", value, name=(rf"\lambda_{{{k + 1}}}", f"λ{_sub(k + 1)}"),
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
    display=lambda s: [chain(_boxed(s.before), "=>", Shown(s.after, view="span"), step=s)],
)
def _null(step: Step, f: MathFormat) -> str:
    free = _free_columns(step.before)
    if not free:
        return f.prose("every column has a pivot, so only the zero vector solves it")
    names = ", ".join(f.raw(f"x_{{{j}}}", f"x{_sub(j)}") for j in free)
    return (f.prose("no pivot in column" + ("s " if len(free) > 1 else " ")
                    + ", ".join(str(j) for j in free) + ": ") + names
            + f.prose(" free; set each free unknown to 1 in turn and read the others off"))


def _eigenspace_display(step: Step) -> list[Display]:
    from symbolic_mlmath.render.printers import latex_line, text_line

    lam = step.given["eigenvalue"]
    name = (rf"E_{{{latex_line(lam)}}}", f"E(λ = {text_line(lam)})")
    return [chain(Shown(step.after, view="span"), name=name, step=step)]


@template(
    LinalgRule.EIGENSPACE,
    "Eigenspace",
    lambda f: f.prose("The eigenvectors of ") + _lam(f)
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
    display=_named("X_c", "X_c"),
)
def _center(step: Step, f: MathFormat) -> str:
    return f.prose("subtract the column means ") + f.m(step.given["mean"])


@template(
    LinalgRule.COVARIANCE_MATRIX,
    "Covariance matrix",
    lambda f: f.raw(r"C = \frac{1}{n-1} X_c^{\mathsf{T}} X_c", "C = X_cᵀX_c / (n − 1)")
    + f.prose(" for n observations (rows)."),
    display=_named("C", "C"),
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
    display=_named("X_c W", "X_c W"),
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


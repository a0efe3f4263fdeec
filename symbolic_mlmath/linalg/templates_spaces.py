"""Templates of the linear-algebra rules of vectors, products, inverse, spaces, eigen, PCA.

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.linalg.rules import LinalgRule
>>> from symbolic_mlmath.render.formats import TEXT
>>> A = ImmutableMatrix([[2, 1], [1, 2]])
>>> s = Step(LinalgRule.SHIFT_DIAGONAL, A, ImmutableMatrix([[-1, 1], [1, -1]]), {"eigenvalue": 3})
>>> TEMPLATES[LinalgRule.SHIFT_DIAGONAL].instance(s, TEXT)
'λ = 3: A - 3 I = [[-1, 1], [1, -1]]'
"""

from __future__ import annotations

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.linalg.rules import LinalgRule
from symbolic_mlmath.render.formats import MathFormat
from symbolic_mlmath.render.templates import TemplateTable

__all__ = ["TEMPLATES"]

#: Templates of the vector, inverse, space and eigen rules.
TEMPLATES = TemplateTable()
template = TEMPLATES.add


def _lam(f: MathFormat) -> str:
    return f.raw(r"\lambda", "λ")


# ------------------------------------------------------------------ vectors
@template(
    LinalgRule.VECTOR_COMBINATION,
    "Linear combination",
    lambda f: f.prose("Scale and add entry by entry: ")
    + f.raw(r"(a\mathbf{u} + b\mathbf{v})_i = a u_i + b v_i", "(a u + b v)ᵢ = a uᵢ + b vᵢ") + ".",
)
def _combination(step: Step, f: MathFormat) -> str:
    return f"a = {f.m(step.given['a'])}, b = {f.m(step.given['b'])}: {f.m(step.after)}"


@template(
    LinalgRule.DOT_PRODUCT,
    "Dot product",
    lambda f: f.prose("Multiply matching entries and add: ")
    + f.raw(r"\mathbf{u}\cdot\mathbf{v} = \sum_i u_i v_i", "u · v = Σᵢ uᵢ vᵢ") + ".",
)
def _dot(step: Step, f: MathFormat) -> str:
    return f"{f.m(step.before)} = {f.m(step.after)}"


@template(
    LinalgRule.VECTOR_NORM,
    "Norm",
    lambda f: f.raw(r"\lVert v\rVert_1 = \sum_i |v_i|,\ \lVert v\rVert_2 = \sqrt{\sum_i v_i^2},"
                    r"\ \lVert v\rVert_\infty = \max_i |v_i|",
                    "‖v‖₁ = Σ|vᵢ|, ‖v‖₂ = √(Σ vᵢ²), ‖v‖∞ = max |vᵢ|") + ".",
)
def _norm(step: Step, f: MathFormat) -> str:
    p = step.given["ord"]
    name = {"1": "L1 norm", "2": "L2 (Euclidean) norm"}.get(str(p), "infinity (max) norm")
    return f"{f.prose(name)}: {f.m(step.after)}"


@template(
    LinalgRule.ANGLE_FORMULA,
    "Angle between vectors",
    lambda f: f.raw(r"\cos\theta = \frac{\mathbf{u}\cdot\mathbf{v}}{\lVert\mathbf{u}\rVert\,"
                    r"\lVert\mathbf{v}\rVert}", "cos θ = u·v / (‖u‖ ‖v‖)")
    + f.prose(", so the angle is the arccosine of that ratio (in radians)."),
)
def _angle(step: Step, f: MathFormat) -> str:
    theta = f.raw(r"\theta", "θ")
    return f"{theta} = {f.m(step.after)}"


@template(
    LinalgRule.PROJECTION_FORMULA,
    "Projection",
    lambda f: f.raw(r"\operatorname{proj}_{\mathbf{v}}\mathbf{u} = \frac{\mathbf{u}\cdot\mathbf{v}}"
                    r"{\mathbf{v}\cdot\mathbf{v}}\,\mathbf{v}", "proj_v u = (u·v / v·v) v") + ".",
)
def _projection(step: Step, f: MathFormat) -> str:
    return f"{f.m(step.after)}"


# ------------------------------------------------------------------ products and maps
@template(
    LinalgRule.MATRIX_PRODUCT,
    "Matrix product",
    lambda f: f.prose("Entry (i, j) of AB is row i of A · column j of B: ")
    + f.raw(r"(AB)_{ij} = \sum_k a_{ik} b_{kj}", "(AB)ᵢⱼ = Σₖ aᵢₖ bₖⱼ") + ".",
)
def _product(step: Step, f: MathFormat) -> str:
    g = step.given
    if "shape_A" not in g:
        return f.m(step.after)
    (m, n), (_, p) = g["shape_A"], g["shape_B"]
    return (f"({m}x{n}) · ({n}x{p}) {f.prose('gives')} {m}x{p}; "
            f"{f.prose('each entry is a row times a column:')} {f.m(step.after)}")


@template(
    LinalgRule.IMAGE_OF_BASIS,
    "Image of a basis vector",
    lambda f: f.prose("Put the standard basis vector into the formulas: ")
    + f.raw(r"T(\mathbf{e}_j)", "T(e_j)") + f.prose(" is column j of the standard matrix."),
)
def _image(step: Step, f: MathFormat) -> str:
    j = step.given["index"]
    e = f.raw(rf"T(\mathbf{{e}}_{{{j}}})", f"T(e{j})")
    return f"{e} = {f.m(step.after)}"


@template(
    LinalgRule.STANDARD_MATRIX,
    "Standard matrix",
    "A linear map is multiplication by the matrix whose columns are the images of the "
    "standard basis vectors.",
    "=>",
)
def _standard(step: Step, f: MathFormat) -> str:
    return f"A = {f.m(step.after)}"


# ------------------------------------------------------------------ inverse
@template(
    LinalgRule.AUGMENT_IDENTITY,
    "Augment with the identity",
    lambda f: f.prose("Write ") + f.raw(r"[A \mid I]", "[A | I]")
    + f.prose("; row operations that turn A into I turn I into ")
    + f.raw("A^{-1}", "A⁻¹") + ".",
    "=>",
)
def _augment(step: Step, f: MathFormat) -> str:
    aug = f.raw(r"[A \mid I]", "[A | I]")
    return f"{aug} = {f.m(step.after)}"


@template(
    LinalgRule.READ_INVERSE,
    "Read off the inverse",
    lambda f: f.prose("Once the left block is I, the right block is the inverse: ")
    + f.raw(r"[I \mid A^{-1}]", "[I | A⁻¹]") + ".",
    "=>",
)
def _read_inverse(step: Step, f: MathFormat) -> str:
    return f"{f.raw('A^{-1}', 'A⁻¹')} = {f.m(step.after)}"


@template(
    LinalgRule.INVERSE_2X2,
    "2x2 inverse formula",
    lambda f: f.raw(r"\begin{bmatrix} a & b \\ c & d\end{bmatrix}^{-1} = \frac{1}{ad - bc}"
                    r"\begin{bmatrix} d & -b \\ -c & a\end{bmatrix}",
                    "[[a, b], [c, d]]⁻¹ = 1/(ad − bc) [[d, −b], [−c, a]]")
    + f.prose(", defined when ad - bc is not 0."),
)
def _inv2(step: Step, f: MathFormat) -> str:
    return f"det = {f.m(step.given['det'])}: {f.m(step.after)}"


@template(
    LinalgRule.NOT_INVERTIBLE,
    "No inverse",
    "A square matrix has an inverse exactly when its determinant is not 0.",
    "=>",
)
def _not_invertible(step: Step, f: MathFormat) -> str:
    eq = f.raw(r"\det A = 0", "det A = 0")
    return f"{eq}: {f.prose('no inverse')}"


@template(
    LinalgRule.DET_PRODUCT,
    "Determinant of a product",
    lambda f: f.raw(r"\det(AB) = \det(A)\,\det(B)", "det(AB) = det(A) det(B)") + ".",
)
def _det_product(step: Step, f: MathFormat) -> str:
    dab = f.raw(r"\det(AB)", "det(AB)")
    return (f"{f.m(step.after)}; {f.prose('computed directly')}, "
            f"{dab} = {f.m(step.given['det_AB'])}")


@template(
    LinalgRule.DET_INVERSE,
    "Determinant of the inverse",
    lambda f: f.raw(r"\det(A^{-1}) = \frac{1}{\det A}", "det(A⁻¹) = 1/det(A)")
    + f.prose(", because A A^-1 = I and det I = 1."),
)
def _det_inverse(step: Step, f: MathFormat) -> str:
    return f"{f.raw('A^{-1}', 'A⁻¹')} = {f.m(step.given['inverse'])}"


# ------------------------------------------------------------------ spaces
@template(
    LinalgRule.VECTORS_AS_COLUMNS,
    "Vectors as columns",
    "Put the vectors side by side as the columns of one matrix; row operations keep the "
    "linear relations between its columns.",
    "=>",
)
def _columns(step: Step, f: MathFormat) -> str:
    return f.m(step.after)


@template(
    LinalgRule.READ_INDEPENDENCE,
    "Linear independence",
    "The vectors are independent exactly when every column has a pivot "
    "(rank = number of vectors).",
    "=>",
)
def _independence(step: Step, f: MathFormat) -> str:
    g = step.given
    verdict = "independent" if step.after else "dependent"
    return f"{f.prose('rank')} {g['rank']}, {g['count']} {f.prose('vectors: ' + verdict)}"


@template(
    LinalgRule.READ_BASIS,
    "Basis of the span",
    "The original vectors in the pivot columns form a basis of the span; its size is the "
    "dimension. They span the whole space when the rank equals its dimension.",
    "=>",
)
def _basis(step: Step, f: MathFormat) -> str:
    g = step.given
    cols = ", ".join(str(c) for c in g["pivot_columns"])
    vecs = ", ".join(f.m(v.T) for v in step.after)
    return (f"{f.prose('pivot columns')} {cols}: {f.prose('basis')} {vecs}; "
            f"{f.prose('dimension')} {g['dimension']}")


# ------------------------------------------------------------------ eigen
@template(
    LinalgRule.SHIFT_DIAGONAL,
    "Subtract λ from the diagonal",
    lambda f: f.raw(r"A - \lambda I", "A − λI") + f.prose(" subtracts ") + _lam(f)
    + f.prose(" from every diagonal entry."),
)
def _shift(step: Step, f: MathFormat) -> str:
    lam = step.given["eigenvalue"]
    return f"{_lam(f)} = {f.m(lam)}: A - {f.m(lam)} I = {f.m(step.after)}"


@template(
    LinalgRule.CHARPOLY_DEFINITION,
    "Characteristic polynomial",
    lambda f: f.prose("The eigenvalues are the roots of ")
    + f.raw(r"p(\lambda) = \det(A - \lambda I)", "p(λ) = det(A − λI)")
    + f.prose(" (some books use det(λI - A), which differs by the sign (-1)^n)."),
    "=>",
)
def _charpoly(step: Step, f: MathFormat) -> str:
    return f"p({_lam(f)}) = {f.m(step.after)}"


@template(
    LinalgRule.SOLVE_ROOTS,
    "Roots",
    "Set each factor to zero; a factor repeated k times gives a root of multiplicity k.",
    "=>",
)
def _roots(step: Step, f: MathFormat) -> str:
    return f"{_lam(f)} = " + ", ".join(f.m(r) for r in step.after)


@template(
    LinalgRule.NULL_SPACE,
    "Null space",
    "Solve M x = 0 from the reduced form: each free variable set to 1 (the others 0) gives "
    "one basis vector.",
    "=>",
)
def _null(step: Step, f: MathFormat) -> str:
    if not step.after:
        return f.prose("only the zero vector")
    return f.prose("basis") + " " + ", ".join(f.m(v.T) for v in step.after)


@template(
    LinalgRule.EIGENSPACE,
    "Eigenspace",
    lambda f: f.prose("The eigenvectors of ") + _lam(f)
    + f.prose(" are the non-zero solutions of ") + f.raw(r"(A - \lambda I)\mathbf{x} = 0",
                                                         "(A − λI) x = 0") + ".",
    "=>",
)
def _eigenspace(step: Step, f: MathFormat) -> str:
    g = step.given
    vecs = ", ".join(f.m(v.T) for v in step.after)
    return (f"{_lam(f)} = {f.m(g['eigenvalue'])} ({f.prose('multiplicity')} "
            f"{g['multiplicity']}): {vecs}")


@template(
    LinalgRule.DIAGONALIZE,
    "Diagonalise",
    lambda f: f.prose("With the eigenvectors as the columns of P and the eigenvalues on the "
                      "diagonal of D in the same order, ")
    + f.raw("A = P D P^{-1}", "A = P D P⁻¹") + ".",
    "=>",
)
def _diagonalize(step: Step, f: MathFormat) -> str:
    P, D = step.after
    return f"P = {f.m(P)}, D = {f.m(D)}"


@template(
    LinalgRule.NOT_DIAGONALIZABLE,
    "Not diagonalisable",
    "A matrix is diagonalisable exactly when every eigenvalue has as many independent "
    "eigenvectors as its multiplicity.",
    "=>",
)
def _defective(step: Step, f: MathFormat) -> str:
    g = step.given
    return (f"{_lam(f)} = {f.m(g['eigenvalue'])}: {f.prose('multiplicity')} {g['algebraic']}, "
            f"{f.prose('but only')} {g['geometric']} {f.prose('independent eigenvector(s)')}")


# ------------------------------------------------------------------ PCA and Markov
@template(
    LinalgRule.CENTER_DATA,
    "Centre the data",
    "Subtract each column's mean, so every variable has mean 0.",
)
def _center(step: Step, f: MathFormat) -> str:
    return f"{f.prose('means')} {f.m(step.given['mean'])}: {f.m(step.after)}"


@template(
    LinalgRule.COVARIANCE_MATRIX,
    "Covariance matrix",
    lambda f: f.raw(r"C = \frac{1}{n-1} X_c^{\mathsf{T}} X_c", "C = Xcᵀ Xc / (n − 1)")
    + f.prose(" for n observations (rows)."),
)
def _cov(step: Step, f: MathFormat) -> str:
    return f"C = {f.m(step.after)}"


@template(
    LinalgRule.NORMALIZE_VECTOR,
    "Unit vector",
    lambda f: f.prose("Divide by the length: ")
    + f.raw(r"\hat{\mathbf{v}} = \mathbf{v} / \lVert\mathbf{v}\rVert", "v̂ = v / ‖v‖") + ".",
)
def _unit(step: Step, f: MathFormat) -> str:
    return f.m(step.after.T)


@template(
    LinalgRule.EXPLAINED_VARIANCE,
    "Explained variance",
    lambda f: f.prose("Component i explains the share ")
    + f.raw(r"\lambda_i / \sum_j \lambda_j", "λᵢ / Σ λⱼ") + f.prose(" of the total variance."),
    "=>",
)
def _explained(step: Step, f: MathFormat) -> str:
    return ", ".join(f.m(r) for r in step.after)


@template(
    LinalgRule.PROJECT_DATA,
    "Project the data",
    lambda f: f.prose("The coordinates along the principal components are ")
    + f.raw(r"X_c W", "Xc W") + f.prose(" (W has the components as columns)."),
    "=>",
)
def _project(step: Step, f: MathFormat) -> str:
    return f.m(step.after)


@template(
    LinalgRule.STOCHASTIC_CHECK,
    "Column-stochastic",
    "A transition matrix has non-negative entries and every column sums to 1.",
    "=>",
)
def _stochastic(step: Step, f: MathFormat) -> str:
    return f.prose("column sums") + " " + ", ".join(f.m(s) for s in step.given["sums"])


@template(
    LinalgRule.NORMALIZE_PROBABILITY,
    "Scale to a probability vector",
    "Divide by the sum of the entries so they add up to 1.",
)
def _probability(step: Step, f: MathFormat) -> str:
    return f"{f.m(step.after.T)}"

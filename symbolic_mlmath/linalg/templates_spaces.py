"""Templates of the linear-algebra rules of vectors, products, linear maps, inverse and spaces.

Examples
========
>>> from sympy import ImmutableMatrix
>>> from symbolic_mlmath.core.steps import Step
>>> from symbolic_mlmath.linalg.rules import LinalgRule
>>> from symbolic_mlmath.render.formats import TEXT
>>> s = Step(LinalgRule.IMAGE_OF_BASIS, ImmutableMatrix([1, 2]), ImmutableMatrix([3, 0]),
...          {"index": 1})
>>> print(TEXT.display(TEMPLATES[LinalgRule.IMAGE_OF_BASIS].displays(s)[0]))
          ⎡3⎤
T(e₁)  =  ⎣0⎦
"""

from __future__ import annotations

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.linalg.rules import LinalgRule
from symbolic_mlmath.linalg.template_parts import boxed, named
from symbolic_mlmath.render.displays import Display, Shown, chain
from symbolic_mlmath.render.formats import MathFormat
from symbolic_mlmath.render.templates import TemplateTable
from symbolic_mlmath.render.unicode import subscript

__all__ = ["TEMPLATES"]

#: Templates of the vector, inverse, space and eigen rules.
TEMPLATES = TemplateTable()
template = TEMPLATES.add


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
    return [chain(step.after, name=(rf"T(\mathbf{{e}}_{{{j}}})", f"T(e{subscript(j)})"), step=step)]


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
        values = ", ".join("1" if k == j - 1 else "0" for k in range(len(xs)))
        return f.prose("put ") + sets + f.prose(f" = {values} into the formulas")
    return f.prose(f"apply T to the standard basis vector e{j}")


@template(
    LinalgRule.STANDARD_MATRIX,
    "Standard matrix",
    "A linear map is multiplication by the matrix whose columns are the images of the "
    "standard basis vectors.",
    "=>",
    display=named("A", "A"),
    teach=True,
)
def _standard(step: Step, f: MathFormat) -> str:
    n = len(step.given.get("vars", ())) or step.after.cols
    imgs = ", ".join(f.raw(rf"T(\mathbf{{e}}_{{{j}}})", f"T(e{subscript(j)})") for j in range(1, n + 1))
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
    display=named("A^{-1}", "A⁻¹"),
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
    display=lambda s: [chain(boxed(s.before), "=>", Shown(s.after, view="list"), step=s)],
)
def _basis(step: Step, f: MathFormat) -> str:
    g = step.given
    cols = [int(c) for c in g["pivot_columns"]]
    listed = " and ".join(str(c) for c in cols) if len(cols) <= 2 else \
        ", ".join(str(c) for c in cols[:-1]) + f" and {cols[-1]}"
    word = "column" if len(cols) == 1 else "columns"
    return f.prose(f"the pivots are in {word} {listed}, so the original vectors there form a "
                   f"basis; the dimension is {g['dimension']}")

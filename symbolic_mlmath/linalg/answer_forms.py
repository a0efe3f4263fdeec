"""What a learner may write as an answer, task by task, and the answers to impossible asks.

``ANSWER_FORMS`` is printed by ``mlmath tasks TASK`` (and kept in step with the checks in
``answers``, ``answers_eigen`` and ``answers_systems`` by the tests). ``UNSOLVABLE`` judges
an answer when the engine refuses the inputs: the inverse of a singular matrix does not
exist, so "not invertible" is the right answer and any matrix is wrong.

Examples
========
>>> from symbolic_mlmath.api import check
>>> check("inverse", answer="not invertible", matrix="[[1,2],[2,4]]").correct
True
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.answers import normalize_choice
from symbolic_mlmath.core.verdict import Verdict

__all__ = ["ANSWER_FORMS", "NOT_INVERTIBLE_WORDS", "UNSOLVABLE", "check_not_invertible",
           "says_not_invertible"]

_DECIMALS = ("Decimals are right when they are the exact value correctly rounded to the places "
             "written (at an exact tie both neighbours); --abs-tol/--rel-tol replace that rule.")
_SCALAR = ("a number or expression: -6, 1/60, 2 sqrt(2), a^2 - 1; a label is fine: det(A) = 49, "
           "|A| = 49, det A = 49, rank = 2.\n" + _DECIMALS)
_MATRIX = ("a matrix [[1, 2], [3, 4]] (or 1 2; 3 4), a vector [1, 2]; a number times a matrix "
           "or vector: 1/10 [[6, -7], [-2, 4]], [1, -1]/sqrt(2).\n" + _DECIMALS)

#: The answer forms of every linear-algebra task (``mlmath tasks TASK``).
ANSWER_FORMS: dict[str, str] = {
    "solve_system": (
        "values for every unknown: x = 5/3, y = 7/3 (also 'x = 5/3 and y = 7/3', (5/3, 7/3));\n"
        "a family for infinitely many: x = 1 - t, y = t (any parameter names, or leave an "
        "unknown free: x = 1 - y), or the vector form [1, 1, 0] + t[-1, 2, 3];\n"
        "the family must be affine in its parameters and cover the whole solution set;\n"
        "'no solution' (or a sentence: 'The system has no solution') when inconsistent;\n"
        "given as A and b the unknowns are x1 ... xn (one per column): x_1 or x₁ are the same,\n"
        "and x, y, z, w are read as x1, x2, x3, x4 (up to four unknowns).\n"
        + _DECIMALS),
    "classify_system": "unique, infinite or none; also sentences such as 'There are "
                       "infinitely many solutions' or 'The system has no solution'.",
    "det": _SCALAR, "rank": _SCALAR, "dot": _SCALAR, "norm": _SCALAR, "det_product": _SCALAR,
    "det_inverse": _SCALAR + "\n'not invertible' (or 'undefined') when det A = 0.",
    "singular": "yes/no, singular/non-singular, invertible/not invertible, or det = 0 / "
                "det ≠ 0.",
    "ref": "a matrix in row echelon form, row-equivalent to the given one (not unique).",
    "rref": "the reduced row echelon form as a matrix.",
    "matmul": _MATRIX, "vector_add": _MATRIX, "steady_state": _MATRIX,
    "linear_transform": _MATRIX,
    "projection": _MATRIX,
    "inverse": _MATRIX + "\n'not invertible' (or 'singular', 'no inverse', 'does not exist') "
                         "when det A = 0.",
    "angle": "radians (3pi/4, acos(-sqrt(2)/2), 2.356) or degrees with a unit (135°, "
             "135 degrees).\n" + _DECIMALS,
    "basis_span": "a basis as a list of vectors [[1, 0, 1], [0, 1, 1]] (any basis of the span), "
                  "the dimension as a number, yes/no for independence, or a dict of parts: "
                  "{independent: ..., spans: ..., basis: ..., dimension: ...}.",
    "independent": "yes/no, independent/dependent.",
    "charpoly": "a polynomial in lambda (λ) or another letter: lambda^2 - 4 lambda + 3, or "
                "with '= 0'; det(λI - A) is accepted for odd sizes (the sign convention).",
    "eigenvalues": (
        "the eigenvalues with multiplicity, any order: 1, 3; also λ = 1, 3; lambda_1 = 1, "
        "lambda_2 = 3; 1 and 3; 2 (multiplicity 2); ±; i or j as the imaginary unit (i, -i); "
        "'no real eigenvalues' when none is real.\n" + _DECIMALS),
    "eigenvectors": (
        "a basis of each eigenspace, any scale: [1, -1], [1, 1] or [[1, -1], [1, 1]] (rows are "
        "vectors), or a dict {eigenvalue: vectors}. Decimal entries are right when some exact "
        "eigenvector, rounded to the places written, gives them."),
    "diagonalize": (
        "P = [[1, 1], [-1, 1]], D = [[1, 0], [0, 3]] (columns of P are eigenvectors in the "
        "order of D's diagonal; any valid P and D), D alone, [P, D], or 'not diagonalizable' "
        "when an eigenvalue lacks eigenvectors."),
    "pca": (
        "one part, told apart by form: numbers without brackets are the eigenvalues "
        "(variances), else the explained_variance shares; one vector in brackets is the first "
        "principal component (up to sign; several vectors are the first few); an n x n matrix "
        "is the covariance. Or name the parts: {eigenvalues: 8/3, 2/3; components: "
        "[1, -1]/sqrt(2); explained_variance: 4/5, 1/5; covariance: ...; projected: ...}.\n"
        + _DECIMALS),
}

#: Words that say a matrix has no inverse.
NOT_INVERTIBLE_WORDS = {"true": {
    "not invertible", "non invertible", "noninvertible", "singular", "no inverse",
    "does not exist", "doesn't exist", "dne", "none", "undefined", "not defined",
    "it does not exist", "no inverse exists", "the inverse does not exist", "not possible",
    "it is singular", "it is not invertible", "a is singular", "a is not invertible",
    "the matrix is singular", "the matrix is not invertible", "not invertible (det = 0)",
}}


def says_not_invertible(answer: Any) -> bool:
    """Whether a learner's answer says "this matrix has no inverse"."""
    return isinstance(answer, str) and normalize_choice(answer, NOT_INVERTIBLE_WORDS) == "true"


def check_not_invertible(parsed: dict, answer: Any, exc: Exception, **tol: Any) -> Verdict:
    """The engine found A singular: "not invertible" is right, any value is wrong."""
    from symbolic_mlmath.core.errors import InputError

    reason = str(exc).split(": ", 1)[-1]
    if "not invertible" not in reason:
        raise exc if isinstance(exc, InputError) else InputError(str(exc), name="matrix")
    if says_not_invertible(answer):
        return Verdict(True, "property", f"Correct: A has no inverse ({reason}).",
                       expected="not invertible", got=answer)
    return Verdict(False, "property", f"Not correct: A has no inverse ({reason}).",
                   expected="not invertible", got=answer)


#: Judges for answers when the engine refuses the inputs.
UNSOLVABLE = {"inverse": check_not_invertible, "det_inverse": check_not_invertible}

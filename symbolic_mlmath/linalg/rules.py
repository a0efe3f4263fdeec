"""The laws of linear algebra: every rule a linear-algebra step can name.

Examples
========
>>> from symbolic_mlmath.linalg.rules import LinalgRule
>>> LinalgRule.ROW_ADD_MULTIPLE.value
'row_add_multiple'
>>> LinalgRule("det_sarrus") is LinalgRule.DET_SARRUS
True
"""

from __future__ import annotations

from enum import Enum

__all__ = ["LinalgRule"]


class LinalgRule(str, Enum):
    """Every law of linear algebra a derivation step can name."""

    # --- systems, elimination, echelon forms, determinants -----
    WRITE_AUGMENTED = "write_augmented"  # equations -> augmented matrix [A | b]
    ROW_SWAP = "row_swap"  # Ri <-> Rj
    ROW_SCALE = "row_scale"  # Ri <- c Ri, c != 0
    ROW_ADD_MULTIPLE = "row_add_multiple"  # Ri <- Ri + c Rj
    ROW_COMBINE = "row_combine"  # one pivot row used on several rows at once
    ELIMINATE_COLUMN = "eliminate_column"  # every operation of one pivot column at once
    MARK_PIVOTS = "mark_pivots"  # locate the pivots of an echelon form
    READ_RANK = "read_rank"  # rank = number of pivots
    CLASSIFY_SYSTEM = "classify_system"  # rank test: unique / infinite / none
    READ_SOLUTION = "read_solution"  # read the solution off the reduced augmented matrix
    INCONSISTENT_ROW = "inconsistent_row"  # a row [0 ... 0 | c], c != 0: no solution
    DET_2X2 = "det_2x2"  # det [[a, b], [c, d]] = ad - bc
    DET_SARRUS = "det_sarrus"  # rule of Sarrus for 3x3
    COFACTOR_EXPANSION = "cofactor_expansion"  # Laplace expansion along a row/column
    DET_ROW_SWAP = "det_row_swap"  # swapping two rows negates the determinant
    DET_ROW_ADD = "det_row_add"  # adding a multiple of a row keeps the determinant
    DET_ROW_SCALE = "det_row_scale"  # factoring a constant out of a row
    DET_TRIANGULAR = "det_triangular"  # det of a triangular matrix = product of diagonal
    DET_ZERO_ROW = "det_zero_row"  # a zero row (or column) makes the determinant 0
    SINGULAR_TEST = "singular_test"  # A singular <=> det A = 0
    ASSUME_NONZERO = "assume_nonzero"  # the pivot expressions divided by are assumed non-zero
    PARAMETER_CASES = "parameter_cases"  # each excluded parameter value worked on its own
    AUGMENT_COLUMNS = "augment_columns"  # A X = B -> [A | B] (several right-hand sides)
    READ_BLOCK_SOLUTION = "read_block_solution"  # [I | X] -> X, the solution of A X = B
    READ_BLOCK_FAMILY = "read_block_family"  # [R | C], rank < n: X with free parameters
    BLOCK_INCONSISTENT = "block_inconsistent"  # a row [0 ... 0 | c] in column j: no X

    # --- (vectors, transformations, inverse, spaces, eigen) ----
    VECTOR_COMBINATION = "vector_combination"  # a u + b v, entry by entry
    DOT_PRODUCT = "dot_product"  # u · v = sum of u_i v_i
    VECTOR_NORM = "vector_norm"  # L1, L2 and infinity norms
    ANGLE_FORMULA = "angle_formula"  # theta = acos(u · v / (|u| |v|))
    PROJECTION_FORMULA = "projection_formula"  # proj_v u = (u · v / v · v) v
    MATRIX_PRODUCT = "matrix_product"  # (AB)_ij = row i of A · column j of B
    IMAGE_OF_BASIS = "image_of_basis"  # T(e_j) is column j of the standard matrix
    STANDARD_MATRIX = "standard_matrix"  # the images of the basis vectors as columns
    AUGMENT_IDENTITY = "augment_identity"  # A -> [A | I]
    READ_INVERSE = "read_inverse"  # [I | B] -> A^-1 = B
    INVERSE_2X2 = "inverse_2x2"  # [[a, b], [c, d]]^-1 = 1/(ad - bc) [[d, -b], [-c, a]]
    NOT_INVERTIBLE = "not_invertible"  # det A = 0: no inverse
    DET_PRODUCT = "det_product"  # det(AB) = det(A) det(B)
    DET_INVERSE = "det_inverse"  # det(A^-1) = 1 / det(A)
    VECTORS_AS_COLUMNS = "vectors_as_columns"  # vectors -> the matrix with them as columns
    READ_INDEPENDENCE = "read_independence"  # independent <=> rank = number of vectors
    READ_BASIS = "read_basis"  # the pivot columns are a basis of the span
    SHIFT_DIAGONAL = "shift_diagonal"  # A -> A - lambda I
    CHARPOLY_DEFINITION = "charpoly_definition"  # p(lambda) = det(A - lambda I)
    SOLVE_ROOTS = "solve_roots"  # the roots of p(lambda) with multiplicity
    NULL_SPACE = "null_space"  # a basis of {x : M x = 0} from the reduced form
    EIGENSPACE = "eigenspace"  # the eigenvectors of lambda: null space of A - lambda I
    DIAGONALIZE = "diagonalize"  # P of eigenvectors, D of eigenvalues, A = P D P^-1
    NOT_DIAGONALIZABLE = "not_diagonalizable"  # too few independent eigenvectors
    CENTER_DATA = "center_data"  # subtract the column means
    COVARIANCE_MATRIX = "covariance_matrix"  # C = Xc^T Xc / (n - 1)
    NORMALIZE_VECTOR = "normalize_vector"  # v -> v / |v|
    EXPLAINED_VARIANCE = "explained_variance"  # lambda_i / sum of the lambdas
    PROJECT_DATA = "project_data"  # Xc W: the coordinates along the components
    STOCHASTIC_CHECK = "stochastic_check"  # entries >= 0, every column sums to 1
    NORMALIZE_PROBABILITY = "normalize_probability"  # v -> v / sum(v)

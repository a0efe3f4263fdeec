"""Least squares, exactly: the normal equations XᵀXβ = Xᵀy solved over the rationals.

The design matrix, the normal equations, their exact solution, the residuals, the sums
of squares, the residual standard deviation, the standard errors of the coefficients,
R² and the regression ANOVA table are each one step. Decimals such as ``0.1`` are read
as the exact rationals they name, and every operation is exact (python-flint rationals
through ``DomainMatrix``), so the certified values of NIST's hardest least-squares
problems (Filip, a degree-10 polynomial on which floating-point solvers lose every
digit) come out right to the last digit.

Examples
========
>>> from sympy import Matrix
>>> d = derive_linear_regression(Matrix([1, 2, 3, 4]), Matrix([2, 3, 5, 6]))
>>> d.result["coefficients"].T
Matrix([[1/2, 7/5]])
>>> d.result["r_squared"], d.result["residual_sd"]
(49/50, sqrt(10)/10)
>>> d.result["anova"]["F"]
98
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.formulas import DMLazy, exact_number, exact_sqrt, quantity_step, sym
from symbolic_mlmath.stats.rules import StatsRule as R

__all__ = [
    "Fit",
    "derive_linear_regression",
    "design_rows",
    "fit_least_squares",
    "regression_steps",
]


@dataclass(frozen=True)
class Fit:
    """An exact least-squares fit (DomainMatrix values over a field, usually QQ)."""

    X: Any  # n x p design matrix
    y: Any  # n x 1
    XtX: Any
    Xty: Any
    beta: Any
    inverse: Any  # (XᵀX)^-1
    residuals: Any
    rss: Any  # SymPy exact
    tss: Any  # centred (with intercept) or uncentred total sum of squares
    ybar: Any
    n: int
    p: int
    intercept: bool
    columns: tuple

    @property
    def df_residual(self) -> int:
        """n - p."""
        return self.n - self.p

    @property
    def df_regression(self) -> int:
        """p - 1 with an intercept, p without (the uncentred table)."""
        return self.p - 1 if self.intercept else self.p

    def s2(self) -> Any:
        """The residual variance RSS / (n - p)."""
        return self.rss / self.df_residual


def _rows(value: Any, name: str) -> list[list[Any]]:
    """A vector or a matrix (SymPy or nested sequences) as a list of rows."""
    from sympy import MatrixBase

    if isinstance(value, MatrixBase):
        return [list(value.row(i)) for i in range(value.rows)]
    if isinstance(value, Sequence) and not isinstance(value, str):
        rows = []
        for v in value:
            if isinstance(v, MatrixBase):
                rows.append(list(v))
            elif isinstance(v, Sequence) and not isinstance(v, str):
                rows.append([exact_number(a, name) for a in v])
            else:
                rows.append([exact_number(v, name)])
        return rows
    raise TaskError(f"expected a list of numbers, got {type(value).__name__}", name=name)


def _power(v: Any, d: int) -> Any:
    """v**d; for a rational, straight from the integers (no SymPy power machinery)."""
    from sympy import Rational

    if getattr(v, "is_Rational", False):
        return Rational(int(v.p) ** d, int(v.q) ** d)
    return v**d


def _design(x: Any, degree: int | None, intercept: bool) -> tuple[list[list[Any]], tuple]:
    from sympy import Integer, Symbol

    rows = _rows(x, "x")
    k = len(rows[0]) if rows else 0
    if any(len(r) != k for r in rows):
        raise TaskError("x: rows of different lengths", name="x")
    if k == 1 and degree is not None:
        if degree < 1:
            raise TaskError("degree must be at least 1", name="degree")
        X = [[_power(r[0], d) for d in range(0 if intercept else 1, degree + 1)] for r in rows]
        xs = Symbol("x")
        cols = tuple(xs**d for d in range(0 if intercept else 1, degree + 1))
        return X, cols
    if degree not in (None, 1):
        raise TaskError("a polynomial degree needs x as one column", name="degree")
    names = (Symbol("x"),) if k == 1 else tuple(Symbol(f"x{j + 1}") for j in range(k))
    X = [([Integer(1)] if intercept else []) + list(r) for r in rows]
    cols = ((Integer(1),) if intercept else ()) + names
    return X, cols


def design_rows(x: Any, y: Any, degree: int | None = None,
                intercept: bool = True) -> tuple[list[list[Any]], tuple, list[Any]]:
    """(design-matrix rows, column terms, responses), exact, with the shapes checked."""
    X, cols = _design(x, degree, intercept)
    yrows = _rows(y, "y")
    if any(len(r) != 1 for r in yrows):
        raise TaskError("y must be one column of numbers", name="y")
    if len(yrows) != len(X):
        raise TaskError(f"x has {len(X)} observations but y has {len(yrows)}", name="y")
    return X, cols, [r[0] for r in yrows]


def fit_least_squares(x: Any, y: Any, *, degree: int | None = None,
                      intercept: bool = True) -> Fit:
    """The exact least-squares fit of ``y`` on ``x`` (no steps: the numbers only).

    Examples
    ========
    >>> f = fit_least_squares([0, 1, 2, 3], [1, 3, 7, 13], degree=2)
    >>> f.beta.to_Matrix().T, f.rss
    (Matrix([[1, 1, 1]]), 0)
    """
    from sympy.polys.matrices import DomainMatrix

    X, cols = _design(x, degree, intercept)
    yrows = _rows(y, "y")
    if any(len(r) != 1 for r in yrows):
        raise TaskError("y must be one column of numbers", name="y")
    n, p = len(X), len(cols)
    if len(yrows) != n:
        raise TaskError(f"x has {n} observations but y has {len(yrows)}", name="y")
    if p == 0:
        raise TaskError("the model has no coefficients", name="x")
    for name, rows in (("x", X), ("y", yrows)):
        bad = next((v for r in rows for v in r if not getattr(v, "is_Rational", False)), None)
        if bad is not None:
            raise TaskError(f"data must be numbers (decimals or fractions), got {bad}",
                            name=name)
    if n <= p:
        raise TaskError(f"{n} observations cannot estimate {p} coefficients and an error "
                        f"variance: need more than {p}", name="y")
    M = DomainMatrix.from_list_sympy(n, p + 1, [r + yr for r, yr in zip(X, yrows, strict=True)])
    M = M.to_field()
    K = M.domain
    Xd, yd = M[:, :p], M[:, p:]
    Xt = Xd.transpose()
    XtX, Xty = Xt.matmul(Xd), Xt.matmul(yd)
    if XtX.rank() < p:
        raise TaskError("the columns of the design matrix are linearly dependent "
                        "(XᵀX is singular), so the coefficients are not unique", name="x")
    inv = XtX.inv()
    beta = inv.matmul(Xty)
    resid = yd - Xd.matmul(beta)
    rss = K.to_sympy(resid.transpose().matmul(resid)[0, 0].element)
    ysum = K.zero
    for i in range(n):
        ysum = K.add(ysum, yd[i, 0].element)
    ybar = K.to_sympy(ysum) / n
    if intercept:
        yb = K.from_sympy(ybar)
        dev = [K.sub(yd[i, 0].element, yb) for i in range(n)]
    else:
        dev = [yd[i, 0].element for i in range(n)]
    tss = K.zero
    for d in dev:
        tss = K.add(tss, K.mul(d, d))
    return Fit(Xd, yd, XtX, Xty, beta, inv, resid, rss, K.to_sympy(tss), ybar, n, p,
               intercept, cols)


def _coef_names(fit: Fit) -> tuple:
    from sympy import Symbol

    start = 0 if fit.intercept else 1
    return tuple(Symbol(f"b{j + start}") for j in range(fit.p))


def regression_steps(fit: Fit) -> tuple[list[Step], dict]:
    """The steps of a fit and its result dict (coefficients, errors, R², ANOVA)."""
    from sympy import ImmutableMatrix, Integer, S, Tuple

    K = fit.XtX.domain
    steps: list[Step] = []
    aug = fit.XtX.hstack(fit.Xty)
    names = _coef_names(fit)
    steps.append(Step(R.DESIGN_MATRIX, None, DMLazy(fit.X),
                      {"columns": Tuple(*fit.columns), "n": fit.n, "p": fit.p,
                       "intercept": fit.intercept}))
    steps.append(Step(R.NORMAL_EQUATIONS, None, DMLazy(aug),
                      {"X": DMLazy(fit.X), "y": DMLazy(fit.y)}))
    beta = DMLazy(fit.beta)
    steps.append(Step(R.SOLVE_NORMAL_EQUATIONS, None, beta,
                      {"augmented": DMLazy(aug), "names": Tuple(*names)}))
    steps.append(Step(R.RESIDUALS, None, DMLazy(fit.residuals),
                      {"X": DMLazy(fit.X), "y": DMLazy(fit.y), "beta": beta}))
    rss_sym, tss_sym = sym("RSS"), sym("TSS")
    steps.append(Step(R.SUM_OF_SQUARES, None, fit.rss,
                      {"name": rss_sym, "kind": "residual", "vector": DMLazy(fit.residuals),
                       "center": Integer(0)}))
    steps.append(Step(R.SUM_OF_SQUARES, None, fit.tss,
                      {"name": tss_sym, "kind": "total" if fit.intercept else "uncentred",
                       "vector": DMLazy(fit.y), "center": fit.ybar if fit.intercept else Integer(0)}))
    n_, p_ = sym("n", integer=True, positive=True), sym("p", integer=True, positive=True)
    s2 = fit.s2()
    s = exact_sqrt(s2)
    steps.append(quantity_step(R.RESIDUAL_SD, "s", (rss_sym / (n_ - p_)) ** S.Half,
                               {rss_sym: fit.rss, n_: fit.n, p_: fit.p}, s))
    diag = [K.to_sympy(fit.inverse[j, j].element) for j in range(fit.p)]
    se = ImmutableMatrix([exact_sqrt(s2 * c) for c in diag])
    steps.append(Step(R.COEFFICIENT_STD_ERRORS, None, se,
                      {"s2": s2, "inverse_diagonal": Tuple(*diag), "names": Tuple(*names)}))
    if fit.tss == 0:
        raise TaskError("y is constant (zero total sum of squares): R² is undefined", name="y")
    r2 = 1 - fit.rss / fit.tss
    steps.append(quantity_step(R.R_SQUARED, "R^2", 1 - rss_sym / tss_sym,
                               {rss_sym: fit.rss, tss_sym: fit.tss}, r2,
                               centred=fit.intercept))
    ssr = fit.tss - fit.rss
    df1, df2 = fit.df_regression, fit.df_residual
    msr, mse = ssr / df1, s2
    F = msr / mse if mse != 0 else S.Infinity
    steps.append(Step(R.REGRESSION_ANOVA, None, F,
                      {"SS_regression": ssr, "SS_residual": fit.rss, "df_regression": df1,
                       "df_residual": df2, "MS_regression": msr, "MS_residual": mse}))
    anova = {"SS_regression": ssr, "SS_residual": fit.rss, "df_regression": Integer(df1),
             "df_residual": Integer(df2), "MS_regression": msr, "MS_residual": mse, "F": F}
    result = {"coefficients": beta.to_sympy(), "std_errors": se, "residual_sd": s,
              "r_squared": r2, "anova": anova}
    return steps, result


def _reference(x: Any, y: Any, degree: int | None, intercept: bool) -> Any:
    """SymPy's own least squares (Matrix.solve_least_squares) for :meth:`Derivation.validate`."""

    def ref() -> dict:
        from sympy import Matrix

        X, _ = _design(x, degree, intercept)
        Xm, ym = Matrix(X), Matrix(_rows(y, "y"))
        beta = Xm.solve_least_squares(ym)
        return {"coefficients": beta.as_immutable()}

    return ref


def derive_linear_regression(x: Any, y: Any, *, degree: int | None = None,
                             intercept: bool = True) -> Derivation:
    """Fit y = Xβ + e by least squares, exactly, with every quantity as a step.

    ``x`` is one column (with ``degree`` for a polynomial) or the rows of several
    predictors; an intercept column of ones comes first unless ``intercept`` is False
    (then R² and the ANOVA table are the uncentred ones, as NIST certifies them).

    Examples
    ========
    >>> d = derive_linear_regression([0, 1, 2, 3], [1, 2, 5, 10], degree=2)
    >>> d.result["coefficients"].T, d.result["residual_sd"]
    (Matrix([[1, 0, 1]]), 0)
    >>> [s.rule.value for s in d.steps][:3]
    ['design_matrix', 'regression_normal_equations', 'solve_normal_equations']
    """
    from sympy import Add, Eq, Symbol

    fit = fit_least_squares(x, y, degree=degree, intercept=intercept)
    steps, result = regression_steps(fit)
    names = _coef_names(fit)
    goal = Eq(Symbol("y"), Add(*(b * c for b, c in zip(names, fit.columns, strict=True))),
              evaluate=False)
    small = fit.n * fit.p <= 400 and not any(
        len(str(v)) > 40 for v in fit.X.to_Matrix())
    ref = None
    if small:
        inner = _reference(x, y, degree, intercept)

        def ref() -> dict:
            return {**result, **inner()}

    return Derivation("Least squares regression", goal, tuple(steps), result,
                      task="linear_regression", reference=ref)

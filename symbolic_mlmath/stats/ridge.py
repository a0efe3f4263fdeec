"""MAP as regularisation: a Gaussian prior on the weights turns least squares into ridge.

With y_i = x_iᵀw + noise, noise ~ N(0, σ²), and a prior w_j ~ N(0, τ²), the negative log
posterior is (1/2σ²)·Σ(y_i - x_iᵀw)² + (1/2τ²)·Σ w_j² + const, so the MAP weights
minimise RSS(w) + λ‖w‖² with λ = σ²/τ²: they solve (XᵀX + λI)w = Xᵀy, exactly.

Examples
========
>>> d = derive_map_ridge([1, 2, 3], [2, 3, 5], sigma=1, tau=1)
>>> d.result["lambda"], d.result["weights"].T
(1, Matrix([[1/2, 4/3]]))
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.rules import StatsRule as R

__all__ = ["derive_map_ridge"]


def derive_map_ridge(x: Any, y: Any, *, sigma: Any, tau: Any, degree: Any = None,
                     intercept: bool = True) -> Derivation:
    """The MAP weights of a linear model with Gaussian noise (sd ``sigma``) and a Gaussian
    prior N(0, ``tau``²) on every weight: ridge regression with λ = σ²/τ²."""
    from sympy import (
        Add,
        ImmutableMatrix,
        Mul,
        Symbol,
        Tuple,
        exp,
        eye,
        pi,
        sqrt,
    )
    from sympy.polys.matrices import DomainMatrix

    from symbolic_mlmath.stats.formulas import exact_number
    from symbolic_mlmath.stats.regression import design_rows

    s, t = exact_number(sigma, "sigma"), exact_number(tau, "tau")
    if not (s.is_number and s > 0 and t.is_number and t > 0):
        raise TaskError("sigma and tau must be positive numbers", name="sigma")
    X, cols, yv = design_rows(x, y, degree, intercept)
    p = len(cols)
    start = 0 if intercept else 1
    w = [Symbol(f"w{j + start}", real=True) for j in range(p)]
    fits = [Add(*(a * b for a, b in zip(row, w, strict=True))) for row in X]
    like = Mul(*(exp(-(yi - fi) ** 2 / (2 * s**2)) / (sqrt(2 * pi) * s)
                 for yi, fi in zip(yv, fits, strict=True)))
    prior = Mul(*(exp(-wj**2 / (2 * t**2)) / (sqrt(2 * pi) * t) for wj in w))
    lam = s**2 / t**2
    objective = Add(*((yi - fi) ** 2 for yi, fi in zip(yv, fits, strict=True))) / (2 * s**2) \
        + Add(*(wj**2 for wj in w)) / (2 * t**2)
    steps = [Step(R.NEGATIVE_LOG_POSTERIOR, like * prior, objective,
                  {"weights": Tuple(*w), "sigma": s, "tau": t, "lambda": lam,
                   "ridge": Add(*((yi - fi) ** 2 for yi, fi in zip(yv, fits, strict=True)))
                   + lam * Add(*(wj**2 for wj in w))})]
    Xm = ImmutableMatrix(X)
    A = (Xm.T * Xm + lam * eye(p)).as_immutable()
    b = (Xm.T * ImmutableMatrix(yv)).as_immutable()
    dm = DomainMatrix.from_Matrix(A).to_field()
    sol = dm.lu_solve(DomainMatrix.from_Matrix(b).convert_to(dm.domain)).to_Matrix()
    wv = ImmutableMatrix(sol)
    steps.append(Step(R.RIDGE_SOLUTION, objective, wv,
                      {"weights": Tuple(*w), "system": A.row_join(b), "lambda": lam}))
    result = {"weights": wv, "lambda": lam, **{str(wj): v for wj, v in zip(w, wv, strict=True)}}
    return Derivation("MAP estimate with a Gaussian prior: ridge regression", Symbol("w_MAP"),
                      tuple(steps), result, task="map_estimate")

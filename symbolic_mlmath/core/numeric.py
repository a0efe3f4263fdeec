"""Lambdify bridges: exact objects as numeric functions, and numeric agreement checks.

Examples
========
>>> from sympy import symbols, Matrix, Rational
>>> x = symbols("x")
>>> f = as_function(x**2 + 1, [x])
>>> float(f(2.0))
5.0
>>> to_numpy(Matrix([[1, Rational(1, 2)]])).tolist()
[[1.0, 0.5]]
>>> agree(Rational(1, 3), 0.3333333333333333)[0]
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["agree", "as_function", "to_numpy"]


def as_function(expr: Any, variables: Sequence[Any], modules: str = "numpy") -> Callable:
    """``expr`` as a fast numeric function of ``variables`` (SymPy's ``lambdify``)."""
    from sympy import lambdify

    return lambdify(list(variables), expr, modules=modules)


def to_numpy(obj: Any) -> Any:
    """An exact number, vector or matrix as a float numpy array (through lambdify)."""
    import numpy as np
    from sympy import MatrixBase, lambdify

    if isinstance(obj, MatrixBase):
        return np.array(lambdify([], obj, modules="numpy")(), dtype=float)
    return np.array(float(obj))


def agree(exact: Any, approx: Any, *, rtol: float = 1e-9, atol: float = 1e-9) -> tuple[bool, str]:
    """Whether an exact value and a float computation agree; with a one-line detail."""
    import numpy as np

    if isinstance(exact, dict):
        keys = list(exact)
        exact = [exact[k] for k in keys]
        approx = [approx[k] for k in keys] if isinstance(approx, dict) else approx
    if isinstance(exact, bool | str):
        ok = exact == approx
        return ok, f"exact {exact}, numeric {approx}"
    try:
        e = np.asarray(to_numpy(exact) if hasattr(exact, "is_Matrix") or not isinstance(
            exact, list | tuple) else [float(x) for x in exact], dtype=complex)
    except (TypeError, ValueError):
        return False, f"cannot evaluate {exact} numerically"
    a = np.asarray(approx, dtype=complex)
    if e.shape != a.shape and e.size == a.size:
        a = a.reshape(e.shape)
    if e.shape != a.shape:
        return False, f"shapes differ: {e.shape} vs {a.shape}"
    ok = bool(np.allclose(e, a, rtol=rtol, atol=atol))
    err = float(np.max(np.abs(e - a))) if e.size else 0.0
    return ok, f"max difference {err:.2e}"

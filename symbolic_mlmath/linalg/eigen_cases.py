"""Parameter cases of the eigen tasks: the values where the eigen structure changes.

A matrix with one parameter (``[[a, 1], [0, 1]]``) has generic eigenvalues ``1, a``; at
``a = 1`` they coincide and the matrix is no longer diagonalizable. Two things change the
structure, and both are worked as their own cases:

* two distinct eigenvalues become equal: the zeros of the discriminant of the square-free
  part of ``det(A - λI)`` (in λ), a polynomial in the parameter;
* a pivot of an eigenspace's row reduction becomes zero (the eigenvector ``(-1/(a - 1), 1)``
  divides by ``a - 1``): these are stated as an assumption first (``ASSUME_NONZERO``).

Each excluded real value is put into the matrix and the task is worked again exactly (a
``PARAMETER_CASES`` step at the end). With several parameters a value is split off where
that is exact (``a - b``: the case ``a = b``, see ``cases.split_zero``).

Examples
========
>>> from sympy import I, Matrix, S, symbols
>>> a = symbols("a")
>>> conds, cases = eigen_cases(Matrix([[a, 1], [0, 1]]), [S.One, a], spaces=True)
>>> conds, cases
([a - 1], [{a: 1}])
>>> eigen_cases(Matrix([[0, -a], [a, 0]]), [-I*a, I*a], spaces=False)
([], [{a: 0}])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from symbolic_mlmath.linalg.cases import (
    MAX_CASES,
    assume_step,
    cases_step,
    conditions_and_cases,
    split_zero,
)

__all__ = ["case_value", "eigen_cases", "same_multiset_at_points", "with_eigen_cases"]


def _polynomial(expr: Any, params: list) -> bool:
    from sympy import Poly, PolynomialError

    try:
        Poly(expr, *params)
    except PolynomialError:
        return False
    return True


def _coincidences(A: Any, params: list) -> list[dict]:
    """Where two distinct eigenvalues of ``A`` become equal: the zeros of the discriminant
    (in λ) of the square-free part of det(A - λI), split where exact (``split_zero``)."""
    from sympy import Dummy, Poly, discriminant, eye, factor_list, sqf_part

    lam = Dummy("lambda")
    p = (A - lam * eye(A.rows)).det(method="berkowitz").expand()
    sq = sqf_part(p, lam, *params)
    if Poly(sq, lam).degree() < 2:
        return []
    disc = discriminant(sq, lam)
    if not disc.free_symbols & set(params):
        return []
    out: list[dict] = []
    for f, _k in factor_list(disc)[1]:
        out += [c for c in split_zero(f, params) if c not in out]
    return out


def eigen_cases(A: Any, roots: list, *, spaces: bool,
                divisors: list | None = None) -> tuple[list[Any], list[dict]]:
    """The pivot conditions (``spaces``: the eigenspaces were row reduced; ``divisors``: what
    those reductions divided by, else they are redone) and the excluded values (pivot zeros
    and eigenvalue coincidences)."""
    from sympy import CRootOf, Float, eye

    from symbolic_mlmath.linalg.elimination import eliminate

    params = sorted(A.free_symbols, key=str)
    if not params or any(r.has(CRootOf, Float) for r in roots) \
            or not all(x.is_rational_function(*params) for x in A):  # cos(t): no split
        return [], []
    exprs: list[Any] = [e for e in divisors or () if getattr(e, "free_symbols", None)]
    if spaces and divisors is None:
        for r in dict.fromkeys(roots):
            el = eliminate((A - r * eye(A.rows)).as_immutable(), reduced=True)
            exprs += [e for e in (el.backend.to_sympy(d) for d in el.divisors)
                      if getattr(e, "free_symbols", None)]
    conds, cases = conditions_and_cases(exprs, params)
    conds = [c for c in conds if _polynomial(c, params)]
    cases += [c for c in _coincidences(A, params) if c not in cases]
    if len(params) == 1:
        (p,) = params
        cases = sorted(cases, key=lambda c: float(c[p]))
    return conds, cases[:MAX_CASES]


def case_value(task: str, result: Any) -> Any:
    """An eigen task's result as one SymPy object for the cases step."""
    from sympy import Dict, Tuple
    from sympy.core.symbol import Str

    if task == "eigenvalues":
        return Tuple(*result)
    if task == "eigenvectors":  # {eigenvalue: a basis of its eigenspace}
        return Dict({e["eigenvalue"]: Tuple(*e["vectors"]) for e in result})
    if result.get("diagonalizable") is False:
        return Str("not diagonalizable")
    return Tuple(result["P"], result["D"])


def with_eigen_cases(A: Any, steps: list, task: str, roots: list,
                     derive: Callable[[Any], Any], divisors: list | None = None) -> list:
    """``steps`` with the pivots' assumption first and each excluded value worked at the end
    (``derive(A with the value put in).result``)."""
    conds, cases = eigen_cases(A, roots, spaces=task != "eigenvalues", divisors=divisors)
    if not conds and not cases:
        return steps
    out = list(steps)
    if conds:
        broken = [c for c in cases if any(f.xreplace(c).expand() == 0 for f in conds)]
        out.insert(0, assume_step(steps[0].before, conds, broken))
    if cases:
        worked = [(c, case_value(task, derive(A.xreplace(c)).result)) for c in cases]
        out.append(cases_step(out[-1].after, task, A, worked))
    return out


def same_multiset_at_points(ours: list, theirs: list, points: int = 3) -> bool:
    """Whether two lists of expressions are the same multiset of values at several real
    points of their symbols (to 1e-9): SymPy may write the pair cos t ± i sin t as
    cos t ± sqrt(-sin² t), equal as a pair for every t but not term by term.

    >>> from sympy import I, cos, sin, sqrt, symbols
    >>> t = symbols("t")
    >>> same_multiset_at_points([cos(t) - I*sin(t), cos(t) + I*sin(t)],
    ...                         [cos(t) - sqrt(cos(t)**2 - 1), cos(t) + sqrt(cos(t)**2 - 1)])
    True
    >>> same_multiset_at_points([t, t], [t, 2*t])
    False
    """
    from sympy import Rational

    if len(ours) != len(theirs):
        return False
    syms = sorted(set().union(*(getattr(v, "free_symbols", set()) for v in [*ours, *theirs])),
                  key=str)
    for k in range(points):
        sub = {s: Rational(3 + 2 * k + q, 7 + k) for q, s in enumerate(syms)}
        try:
            mine = sorted((complex(v.xreplace(sub).evalf(30)) for v in ours),
                          key=lambda z: (round(z.real, 9), round(z.imag, 9)))
            other = sorted((complex(v.xreplace(sub).evalf(30)) for v in theirs),
                           key=lambda z: (round(z.real, 9), round(z.imag, 9)))
        except (TypeError, ValueError, ZeroDivisionError):
            return False
        if any(abs(p - q) > 1e-9 * (1 + abs(q)) for p, q in zip(mine, other, strict=True)):
            return False
    return True

"""The roots of a characteristic polynomial: exact where SymPy has them, else ``CRootOf``
(isolated within a share of the time budget), else 30-digit numbers (the declared numeric
fallback). Sorting and numeric values of ``CRootOf`` are cached (isolating is slow).

Examples
========
>>> from sympy import symbols
>>> lam = symbols("lambda")
>>> eigen_roots((lam - 1)**2 * (lam**2 - 2), lam)
([-sqrt(2), 1, 1, sqrt(2)], False)
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import TaskError

__all__ = [
    "ISOLATE_SECONDS",
    "NUMERIC_DIGITS",
    "SPECIAL_ROOTS_SECONDS",
    "eigen_key",
    "eigen_roots",
    "numeric_root",
    "numeric_value",
]

#: Digits of the high-precision fallback.
NUMERIC_DIGITS = 30


#: Numeric values (mpmath, 45 digits) of ``CRootOf`` eigenvalues computed once (isolating
#: them again is slow).
_VALUES: dict[Any, Any] = {}


def numeric_root(r: Any) -> Any:
    """A ``CRootOf`` as an mpmath complex to 45 digits (computed once, then cached)."""
    import mpmath
    from sympy import N

    z = _VALUES.get(r)
    if z is None:
        if len(_VALUES) > 10_000:
            _VALUES.clear()
        re_, im_ = N(r, 50).as_real_imag()
        with mpmath.workdps(50):
            z = _VALUES[r] = mpmath.mpc(mpmath.mpf(str(re_)), mpmath.mpf(str(im_)))
    return z


def eigen_key(x: Any) -> tuple:
    """Sort key: numbers first by real part, then imaginary part; symbolic ones by their text.

    >>> from sympy import I, Symbol
    >>> sorted([Symbol("a"), 0, 2 + I, 2 - I], key=eigen_key)
    [0, 2 - I, 2 + I, a]
    """
    from sympy import N, default_sort_key

    if getattr(x, "free_symbols", None):
        return (1, 0.0, 0.0, default_sort_key(x))
    z = complex(_VALUES[x]) if x in _VALUES else complex(N(x, 30))
    return (0, round(z.real, 12), round(z.imag, 12), ())


def eigen_roots(p: Any, lam: Any) -> tuple[list[Any], bool]:
    """The roots of ``p`` with multiplicity (sorted) and whether some are only ``CRootOf``.

    Factors of degree at most 2 are solved exactly (the quadratic formula, complex
    roots included); higher factors without rational roots stay ``CRootOf``.

    Examples
    ========
    >>> from sympy import symbols
    >>> lam = symbols("lambda")
    >>> eigen_roots(lam**2 + 1, lam)
    ([-I, I], False)
    >>> eigen_roots((lam - 2)**2 * (lam**3 - lam - 1), lam)[1]
    True
    """
    from sympy import Float, Poly, roots

    P = Poly(p, lam)
    if not (P.domain.is_ZZ or P.domain.is_QQ) and not P.free_symbols - {lam}:
        P = Poly(p, lam, extension=True)  # algebraic coefficients: factor over their field
    _, factors = P.factor_list()
    out, fallback, slow = [], False, False
    for f, k in factors:
        if f.degree() <= 2:
            rs = roots(f, multiple=True)
        else:
            # radical roots are looked for only where SymPy has a formula (x^n - a, degree
            # 3 or 4 such as biquadratics); an irreducible factor otherwise has none
            rs = _special_roots(f) if len(f.terms()) == 2 or f.degree() <= 4 else []
            if len(rs) < f.degree():
                if P.free_symbols - {lam}:
                    raise TaskError("the characteristic polynomial has a factor of degree "
                                    f"{f.degree()} with symbolic coefficients; its roots cannot "
                                    "be given", name="matrix")
                rational = f.domain.is_ZZ or f.domain.is_QQ
                rs = _irreducible_roots(f, lam) if rational and not slow else _polyroots(f)
                slow = slow or any(r.has(Float) for r in rs)
                fallback = True
        out += list(rs) * k
    return sorted(out, key=eigen_key), fallback


#: Seconds spent looking for radical roots of an irreducible factor of degree 3 or more
#: (binomials like x^3 - 2, cyclotomic and biquadratic forms) before keeping ``CRootOf``.
SPECIAL_ROOTS_SECONDS = 0.5
#: Seconds spent isolating ``CRootOf`` roots before giving 30-digit numbers instead.
ISOLATE_SECONDS = 1.5


def _share(seconds: float) -> float:
    from symbolic_mlmath.text.budget import remaining

    left = remaining()
    return seconds if left is None else min(seconds, left / 4)


def _roots_worker(expr: Any, lam: Any) -> list[Any]:
    from sympy import Poly, roots

    return roots(Poly(expr, lam), cubics=False, quartics=False, multiple=True)


def _special_roots(f: Any) -> list[Any]:
    """Radical roots of a factor of degree >= 3 where SymPy finds them quickly, else [].

    The search runs in a worker process (``run_bounded``) and is simply abandoned past its
    share of the time budget: no exception is injected into this process's work.
    """
    from symbolic_mlmath.text.limits import LimitError, run_bounded

    try:
        return run_bounded(_roots_worker, f.as_expr(), f.gen,
                           seconds=_share(SPECIAL_ROOTS_SECONDS))
    except LimitError:  # out of time or memory: no radical roots then
        return []


def _polyroots(f: Any) -> list[Any]:
    """The roots of a rational polynomial to NUMERIC_DIGITS digits (mpmath), as SymPy numbers."""
    import mpmath
    from sympy import Float, I

    def exact(c: Any) -> Any:
        if c.is_Rational:
            return mpmath.mpf(int(c.p)) / int(c.q)
        re_, im_ = c.evalf(NUMERIC_DIGITS + 25).as_real_imag()
        return mpmath.mpc(mpmath.mpf(str(re_)), mpmath.mpf(str(im_)))

    with mpmath.workdps(NUMERIC_DIGITS + 25):
        coeffs = [exact(c) for c in f.all_coeffs()]
    with mpmath.workdps(NUMERIC_DIGITS + 20):
        zs = mpmath.polyroots(coeffs, maxsteps=400, extraprec=400)
        out = []
        for z in zs:
            z = mpmath.mpc(z)
            re_ = Float(mpmath.nstr(z.real, NUMERIC_DIGITS + 5), NUMERIC_DIGITS)
            small = abs(z.imag) < mpmath.mpf(10) ** -(NUMERIC_DIGITS - 5) * max(1, abs(z))
            out.append(re_ if small else
                       re_ + I * Float(mpmath.nstr(z.imag, NUMERIC_DIGITS + 5), NUMERIC_DIGITS))
    return out


def _isolate_worker(expr: Any, lam: Any, degree: int) -> tuple[list, list]:
    from sympy import CRootOf, N

    rs = [CRootOf(expr, lam, i) for i in range(degree)]
    values = [tuple(str(part) for part in N(r, 50).as_real_imag()) for r in rs]
    return rs, values


def _irreducible_roots(f: Any, lam: Any) -> list[Any]:
    """Exact ``CRootOf`` roots of an irreducible factor when SymPy isolates them within
    ``ISOLATE_SECONDS`` (in a worker process), else its roots as 30-digit numbers (the
    declared numeric fallback)."""
    import mpmath

    from symbolic_mlmath.text.limits import LimitError, run_bounded

    try:
        rs, values = run_bounded(_isolate_worker, f.as_expr(), lam, f.degree(),
                                 seconds=_share(ISOLATE_SECONDS))
    except LimitError:
        return _polyroots(f)
    with mpmath.workdps(50):
        for r, (re_, im_) in zip(rs, values, strict=True):
            if len(_VALUES) > 10_000:
                _VALUES.clear()
            _VALUES[r] = mpmath.mpc(mpmath.mpf(re_), mpmath.mpf(im_))
    return rs


def numeric_value(x: Any) -> Any:
    """A root as a 30-digit SymPy number (``CRootOf`` from the cache)."""
    from sympy import Float, I, N, im, re

    if x.has(Float):
        return x
    if x in _VALUES:
        import mpmath

        z = _VALUES[x]
        r = Float(mpmath.nstr(z.real, NUMERIC_DIGITS + 5), NUMERIC_DIGITS)
        i = Float(mpmath.nstr(z.imag, NUMERIC_DIGITS + 5), NUMERIC_DIGITS)
        return r + (I * i if abs(z.imag) > mpmath.mpf(10) ** -(NUMERIC_DIGITS - 5) else 0)
    v = N(x, NUMERIC_DIGITS)
    r, i = re(v), im(v)
    return Float(r, NUMERIC_DIGITS) + (I * Float(i, NUMERIC_DIGITS) if i != 0 else 0)



"""Regularised incomplete beta and gamma functions: exact closed forms and mpmath numerics.

The CDFs of the chi-squared, gamma, t, F and beta distributions are regularised incomplete
gamma ``P(a, z)`` and beta ``I_x(a, b)`` functions. For integer and half-integer parameters
(every integer number of degrees of freedom) they have exact finite forms, written here:

* ``P(n, z) = 1 - e^(-z) Σ_{j<n} z^j / j!`` and ``P(n + 1/2, z) = erf(√z) - e^(-z) Σ ...``;
* ``I_x(a, n) = x^a Σ_{j<n} (a)_j / j! (1 - x)^j`` (and the mirror image for integer ``a``);
  both half-integers start from ``I_x(1/2, 1/2) = (2/π) asin(√x)`` and step up.

Other parameters keep SymPy's exact special functions. :func:`mp_inverse` inverts a CDF to
any precision: bisection brackets the root, then Newton steps at full precision.

Examples
========
>>> from sympy import Rational, Symbol
>>> beta_reg(Rational(2), Rational(3), Rational(1, 2))
11/16
>>> gamma_reg(Rational(1), Rational(2))
1 - exp(-2)
>>> gamma_reg(Rational(3, 2), Rational(1))
-2*exp(-1)/sqrt(pi) + erf(1)
>>> import mpmath
>>> with mpmath.workdps(30):
...     print(mp_inverse(lambda y: mpmath.gammainc(3, 0, y, regularized=True),
...                      lambda y: y**2 * mpmath.exp(-y) / 2, mpmath.mpf("0.5"), 0, mpmath.inf))
2.67406031372356031791345726459
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = [
    "EXACT_PARAMETER_LIMIT",
    "beta_reg",
    "gamma_reg",
    "hill_t_start",
    "is_half_integer",
    "mp_gamma_quantile",
    "mp_inverse",
    "mp_t_quantile",
    "t_upper_tail",
]

#: Largest parameter for which the finite sums are written out (beyond it: special functions).
EXACT_PARAMETER_LIMIT = 200


def is_half_integer(a: Any) -> bool:
    """True for 1/2, 3/2, 5/2, ... (positive half-integers that are not integers).

    >>> from sympy import Rational
    >>> is_half_integer(Rational(5, 2)), is_half_integer(Rational(2))
    (True, False)
    """
    return bool(getattr(a, "is_Rational", False) and a.q == 2 and a > 0)


def _positive_integer(a: Any) -> bool:
    return bool(getattr(a, "is_Integer", False) and a > 0)


def _small(a: Any) -> bool:
    return bool(a.is_number and a <= EXACT_PARAMETER_LIMIT)


def gamma_reg(a: Any, z: Any) -> Any:
    """The regularised lower incomplete gamma ``P(a, z) = γ(a, z)/Γ(a)``, exactly.

    Finite forms for integer and half-integer ``a``; SymPy's ``lowergamma`` otherwise.

    Examples
    ========
    >>> from sympy import Rational, Symbol
    >>> gamma_reg(Rational(2), Symbol("z"))
    -z*exp(-z) + 1 - exp(-z)
    """
    from sympy import Add, Integer, erf, exp, factorial, gamma, lowergamma, sqrt

    if z == 0:
        return Integer(0)
    if _positive_integer(a) and _small(a):
        n = int(a)
        return 1 - Add(*[z**j * exp(-z) / factorial(j) for j in range(n)])
    if is_half_integer(a) and _small(a):
        m = int(a - Integer(1) / 2)
        terms = [z ** (j + Integer(1) / 2) * exp(-z) / gamma(j + Integer(3) / 2) for j in range(m)]
        return erf(sqrt(z)) - Add(*terms)
    return lowergamma(a, z) / gamma(a)


def _rising(a: Any, j: int) -> Any:
    from sympy import Integer

    out = Integer(1)
    for i in range(j):
        out *= a + i
    return out


def beta_reg(a: Any, b: Any, x: Any) -> Any:
    """The regularised incomplete beta ``I_x(a, b)``, exactly.

    Finite sums when ``a`` or ``b`` is a positive integer, the arcsine ladder when both
    are half-integers, SymPy's ``betainc_regularized`` otherwise.

    Examples
    ========
    >>> from sympy import Rational
    >>> beta_reg(Rational(1, 2), Rational(1, 2), Rational(1, 2))
    1/2
    >>> beta_reg(Rational(3, 2), Rational(1, 2), Rational(1, 2))
    1/2 - 1/pi
    """
    from sympy import Add, Integer, asin, betainc_regularized, factorial, pi, sqrt
    from sympy import beta as B

    if x == 0:
        return Integer(0)
    if x == 1:
        return Integer(1)
    if _positive_integer(b) and _small(b):
        n = int(b)
        return x**a * Add(*[_rising(a, j) / factorial(j) * (1 - x) ** j for j in range(n)])
    if _positive_integer(a) and _small(a):
        n = int(a)
        return 1 - (1 - x) ** b * Add(*[_rising(b, j) / factorial(j) * x**j for j in range(n)])
    if is_half_integer(a) and is_half_integer(b) and _small(a) and _small(b):
        half = Integer(1) / 2
        value = 2 * asin(sqrt(x)) / pi
        ca, cb = half, half
        while cb < b:  # I_x(a, b + 1) = I_x(a, b) + x^a (1 - x)^b / (b B(a, b))
            value += x**ca * (1 - x) ** cb / (cb * B(ca, cb).rewrite("gamma"))
            cb += 1
        while ca < a:  # I_x(a + 1, b) = I_x(a, b) - x^a (1 - x)^b / (a B(a, b))
            value -= x**ca * (1 - x) ** cb / (ca * B(ca, cb).rewrite("gamma"))
            ca += 1
        return value
    return betainc_regularized(a, b, 0, x)


def mp_inverse(
    cdf: Callable[[Any], Any],
    pdf: Callable[[Any], Any],
    q: Any,
    lo: Any,
    hi: Any,
) -> Any:
    """The ``x`` in ``(lo, hi)`` with ``cdf(x) = q``, at the working precision of mpmath.

    ``cdf`` must increase on ``(lo, hi)`` and ``pdf`` be its derivative (a survival
    function ``sf`` works as ``cdf = -sf`` with ``q`` negated, for accurate upper tails).
    Infinite ends are bracketed by quadrupling, a zero lower end by quartering; bisection
    (geometric on the positive axis) at low precision narrows the bracket to about 1e-4,
    then Newton steps, kept inside the bracket, refine at the full precision.
    """
    import mpmath

    mp = mpmath.mp
    target = mp.prec
    q = mp.mpf(q)
    lo, hi = mp.mpf(lo), mp.mpf(hi)
    with mpmath.workprec(64):
        if mpmath.isinf(hi):
            hi = max(mp.mpf(1), 4 * lo)
            while cdf(hi) < q:
                lo, hi = hi, 4 * hi
        if mpmath.isinf(lo):
            lo = min(mp.mpf(-1), 4 * hi)
            while cdf(lo) > q:
                lo, hi = 4 * lo, lo
        if lo == 0:
            probe = hi / 4
            while cdf(probe) > q and probe > mp.mpf(10) ** -4000:
                hi, probe = probe, probe / 4
            lo = probe if cdf(probe) <= q else lo
        for _ in range(300):
            if hi - lo <= mp.mpf(10) ** -2 * max(abs(lo), abs(hi)):
                break
            mid = mpmath.sqrt(lo * hi) if lo > 0 else (lo + hi) / 2
            if cdf(mid) < q:
                lo = mid
            else:
                hi = mid
    x = (lo + hi) / 2
    with mpmath.workprec(64):  # Newton to about 1e-15 first, cheaply; its bracket is not kept
        x = _newton(cdf, pdf, q, x, lo, hi, mp.mpf(2) ** -50)[0]  # (64-bit signs may be noise)
    return _newton(cdf, pdf, q, x, lo, hi, mp.mpf(2) ** (24 - target))[0]


def _newton(cdf: Callable[[Any], Any], pdf: Callable[[Any], Any], q: Any, x: Any, lo: Any,
            hi: Any, tol: Any) -> tuple[Any, Any, Any]:
    """Newton steps kept inside [lo, hi] until a step is below ``tol`` relative."""
    for _ in range(100):
        err = cdf(x) - q
        if err == 0:
            break
        if err < 0:
            lo = x
        else:
            hi = x
        f = pdf(x)
        if f and abs(err / f) <= tol * abs(x):  # converged (the step is below the guard bits)
            x -= err / f
            break
        new = x - err / f if f else (lo + hi) / 2
        x = new if lo < new < hi else (lo + hi) / 2
    return x, lo, hi


def hill_t_start(p: float, nu: float) -> float:
    """A float start for the t quantile with upper tail ``p`` (Hill 1970, CACM algorithm
    396: accurate to about 6 digits), from the two-tailed probability 2p.

    >>> round(hill_t_start(0.025, 10), 5)
    2.22814
    """
    import math
    from statistics import NormalDist

    P = 2 * p
    n = nu
    if n == 1:
        return math.cos(P * math.pi / 2) / math.sin(P * math.pi / 2)
    if n == 2:
        return math.sqrt(2 / (P * (2 - P)) - 2)
    a = 1 / (n - 0.5)
    b = 48 / (a * a)
    c = ((20700 * a / b - 98) * a - 16) * a + 96.36
    d = ((94.5 / (b + c) - 3) / b + 1) * math.sqrt(a * math.pi / 2) * n
    x = d * P
    y = x ** (2 / n)
    if y > 0.05 + a:
        x = -NormalDist().inv_cdf(P / 2)
        y = x * x
        if n < 5:
            c += 0.3 * (n - 4.5) * (x + 0.6)
        c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c
        y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x
        y = math.expm1(a * y * y)
    else:
        y = ((1 / (((n + 6) / (n * y) - 0.089 * d - 0.822) * (n + 2) * 3) + 0.5 / (n + 4)) * y
             - 1) * (n + 1) / (n + 2) + 1 / y
    return math.sqrt(n * y)


def t_upper_tail(x: Any, nu: Any) -> Any:
    """P(T > x) for x >= 0 at mpmath's precision: the regularised incomplete beta at whichever
    of x²/(ν + x²) and ν/(ν + x²) is below 1/2 (its series converges fastest there)."""
    import mpmath

    w = x * x / (nu + x * x)
    half = mpmath.mpf(1) / 2
    if w < half:
        return (1 - mpmath.betainc(half, nu / 2, 0, w, regularized=True)) / 2
    return mpmath.betainc(nu / 2, half, 0, nu / (nu + x * x), regularized=True) / 2


def mp_t_quantile(nu: Any, p: Any) -> Any | None:
    """The x > 0 with P(T > x) = p (0 < p < 1/2), at mpmath's working precision: Hill's start,
    Halley steps at 64 bits, then at the full precision until the step is below the square
    root of the tolerance (the cubic step then leaves far less). None when the start fails
    (the caller falls back to bracketing).

    >>> import mpmath
    >>> with mpmath.workdps(30):
    ...     print(mpmath.nstr(mp_t_quantile(mpmath.mpf(10), mpmath.mpf("0.025")), 25))
    2.228138851986274748395491
    """
    import mpmath

    mp = mpmath.mp
    target = mp.prec
    nu_full, p_full = mpmath.mpf(nu), mpmath.mpf(p)
    try:
        pf = float(p_full)
        if not 1e-290 < pf < 0.5:
            return None
        x = mpmath.mpf(hill_t_start(pf, float(nu_full)))
    except (ValueError, OverflowError, ZeroDivisionError):
        return None
    if not (x > 0 and mpmath.isfinite(x)):
        return None

    def step(x: Any, nu: Any, p: Any) -> Any:
        lead = mpmath.loggamma((nu + 1) / 2) - mpmath.loggamma(nu / 2) \
            - mpmath.log(nu * mpmath.pi) / 2
        f = mpmath.exp(lead - (nu + 1) / 2 * mpmath.log1p(x * x / nu))
        n = -(t_upper_tail(x, nu) - p) / f  # Newton step of g(x) = sf(x) - p, g' = -f
        return n / (1 + n * (nu + 1) * x / (2 * (nu + x * x)))  # Halley: g''/g' = f'/f

    with mpmath.workprec(64):
        nu64, p64 = +nu_full, +p_full
        for _ in range(8):
            s = step(x, nu64, p64)
            x -= s
            if not x > 0:
                return None
            if abs(s) <= mpmath.mpf(10) ** -12 * x:
                break
        else:
            return None
    tol = mpmath.mpf(2) ** (24 - target)
    for _ in range(6):
        s = step(x, nu_full, p_full)
        x -= s
        if s * s <= tol * x * x:
            return x
    return None


def mp_gamma_quantile(k: Any, q: Any) -> Any | None:
    """The z > 0 with P(G <= z) = q for G ~ gamma(k, 1), at mpmath's working precision:
    the Wilson-Hilferty start (chi-square with 2k degrees of freedom, halved), Halley steps at
    64 bits, then at the full precision as :func:`mp_t_quantile`. None when the start fails.

    >>> import mpmath
    >>> with mpmath.workdps(30):
    ...     print(mpmath.nstr(2 * mp_gamma_quantile(mpmath.mpf(3) / 2, mpmath.mpf("0.95")), 25))
    7.814727903251179955268995
    """
    import math
    from statistics import NormalDist

    import mpmath

    mp = mpmath.mp
    target = mp.prec
    k_full, q_full = mpmath.mpf(k), mpmath.mpf(q)
    upper = q_full > mpmath.mpf(1) / 2
    try:
        qf = float(q_full)
        tail = float(1 - q_full) if upper else qf
        if not 1e-290 < tail <= 0.5:
            return None
        z = NormalDist().inv_cdf(qf) if not upper else -NormalDist().inv_cdf(tail)
        nu = 2 * float(k_full)
        c = 1 - 2 / (9 * nu) + z * math.sqrt(2 / (9 * nu))
        # far in the lower tail P(k, z) ~ z^k / Gamma(k + 1): the better start there
        small = math.exp((math.log(qf) + math.lgamma(nu / 2 + 1)) / (nu / 2)) if not upper \
            else math.inf
        if c <= 0 or small < 0.3 * nu / 2:
            if not math.isfinite(small):
                return None
            x = mpmath.mpf(small)
        else:
            x = mpmath.mpf(nu * c**3 / 2)
    except (ValueError, OverflowError, ZeroDivisionError):
        return None

    def step(x: Any, k: Any, q: Any) -> Any:
        f = mpmath.exp((k - 1) * mpmath.log(x) - x - mpmath.loggamma(k))
        if upper:
            g, slope = mpmath.gammainc(k, x, mpmath.inf, regularized=True) - (1 - q), -f
        else:
            g, slope = mpmath.gammainc(k, 0, x, regularized=True) - q, f
        n = g / slope
        return n / (1 - n * ((k - 1) / x - 1) / 2)  # Halley: g''/g' = f'/f = (k - 1)/x - 1

    with mpmath.workprec(64):
        k64, q64 = +k_full, +q_full
        for _ in range(10):
            s = step(x, k64, q64)
            x -= s
            if not x > 0:
                return None
            if abs(s) <= mpmath.mpf(10) ** -12 * x:
                break
        else:
            return None
    tol = mpmath.mpf(2) ** (24 - target)
    for _ in range(6):
        s = step(x, k_full, q_full)
        x -= s
        if s * s <= tol * x * x:
            return x
    return None

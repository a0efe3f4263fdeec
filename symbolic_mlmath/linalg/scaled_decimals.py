"""Decimals for answers unique only up to scale: some exact answer must round to what was
written.

An eigenvector (a column of P in P D P^-1) may be any non-zero vector of its eigenspace, so a
decimal one is right when some vector of the space gives it by the one decimal rule of
``core.decimals``. The scale is the learner's free choice, so it may not sit on a rounding
tie: the vector must lie strictly inside every entry's rounding interval.

Examples
========
>>> from sympy import Matrix, Rational
>>> rounds_from_space(Matrix([Rational(7, 10), Rational(-7, 10)]), [1, 1], [Matrix([1, -1])])
True
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.linalg.answers import same_number

__all__ = ["rounds_from_space"]


def rounds_from_space(v: Any, places: list, basis: list, abs_tol: Any = None,
                      rel_tol: Any = None) -> bool:
    """Whether some non-zero vector w of span(basis) gives ``v`` by the one decimal rule
    (``core.decimals``): each decimal entry is w's entry correctly rounded to the places
    written, each exact entry is w's entry, or (with a tolerance) each entry is within it.

    The scale of w is the learner's free choice, so it may not sit on a rounding tie: a w is
    searched with 50-digit arithmetic strictly inside every entry's rounding interval (for a
    space of dimension above 1, the weighted least-squares w), made exact through the entries
    that fix it, and then judged exactly, entry by entry, by the one rule (never a false yes).

    >>> from sympy import Matrix, Rational
    >>> rounds_from_space(Matrix([Rational(71, 100), Rational(-71, 100)]), [2, 2],
    ...                   [Matrix([1, -1])])
    True
    >>> rounds_from_space(Matrix([1, Rational(-11, 10)]), [1, 1], [Matrix([1, -1])])
    False
    """
    import mpmath

    from symbolic_mlmath.core.decimals import half_unit, tolerance_radius

    if not basis or any(not x.is_number or x.is_extended_real is False
                        for b in basis for x in b) or any(x.free_symbols for x in v):
        return False
    tol = {"abs_tol": abs_tol, "rel_tol": rel_tol}
    tolerance = abs_tol is not None or rel_tol is not None
    n = len(v)
    with mpmath.workdps(50):
        # how far each entry may move in the search (None: an exact entry, met exactly)
        half = [_mp(tolerance_radius(x, abs_tol, rel_tol)) if tolerance else
                None if places[i] is None else _mp(half_unit(places[i]))
                for i, x in enumerate(v)]
        B = [[_mp(b[i]) for b in basis] for i in range(n)]
        fit = _search(B, [_mp(x) for x in v], half)
        if fit is None:
            return False
        w = _exact_through(basis, v, half, fit)
    if w is None or all(x.is_zero for x in w):
        return False
    return all(same_number(w[i], v[i], None if tolerance else places[i], **tol)
               for i in range(n))


def _mp(x: Any) -> Any:
    import mpmath

    return mpmath.mpf(int(x.p)) / int(x.q) if x.is_Rational else mpmath.mpf(str(x.evalf(60)))


def _search(B: list, vv: list, half: list) -> list | None:
    """Approximate entries of a w in the span (columns of B) strictly inside every interval."""
    import mpmath

    n, k = len(B), len(B[0])
    tiny = mpmath.mpf(10) ** -40
    if k == 1:
        lo, hi, pins = -mpmath.inf, mpmath.inf, []
        for i in range(n):
            u, x, h = B[i][0], vv[i], half[i]
            if abs(u) < tiny:
                if (h is None and abs(x) > tiny) or (h is not None and abs(x) >= h):
                    return None
                continue
            if h is None:
                pins.append(x / u)
                continue
            a, b = sorted(((x - h) / u, (x + h) / u))
            lo, hi = max(lo, a), min(hi, b)
        if pins:
            t = pins[0]
            ok = all(abs(p - t) < tiny for p in pins) and abs(t) > tiny and lo < t < hi
        else:
            t = (lo + hi) / 2
            ok = lo < hi and abs(t) > tiny
        return [B[i][0] * t for i in range(n)] if ok else None
    w = [1 / (h if h is not None else tiny) ** 2 for h in half]
    M = mpmath.matrix([[sum(w[i] * B[i][a] * B[i][c] for i in range(n)) for c in range(k)]
                       for a in range(k)])
    r = mpmath.matrix([sum(w[i] * B[i][a] * vv[i] for i in range(n)) for a in range(k)])
    try:
        t = mpmath.lu_solve(M, r)
    except ZeroDivisionError:
        return None
    fit = [sum(B[i][a] * t[a] for a in range(k)) for i in range(n)]
    if all(abs(x) < tiny for x in fit) or not all(
            abs(fit[i] - vv[i]) < (half[i] if half[i] is not None else tiny) for i in range(n)):
        return None
    return fit


def _exact_through(basis: list, v: Any, half: list, fit: list) -> Any:
    """The exact w of span(basis) through as many entries as the span has dimensions: the
    exact entries as written, the others at the (rationalised) search values."""
    import mpmath
    from sympy import ImmutableMatrix, Rational, zeros

    from symbolic_mlmath.core.exact import exact_rank

    k, n = len(basis), len(v)
    rows: list[int] = []
    for i in sorted(range(n), key=lambda i: (half[i] is not None, -abs(fit[i]))):
        trial = ImmutableMatrix([[b[j] for b in basis] for j in [*rows, i]])
        if exact_rank(trial) > len(rows):
            rows.append(i)
        if len(rows) == k:
            break
    if len(rows) < k:
        return None
    M = ImmutableMatrix([[b[j] for b in basis] for j in rows])
    target = ImmutableMatrix([v[j] if half[j] is None else Rational(mpmath.nstr(fit[j], 45))
                              for j in rows])
    t = M.LUsolve(target)
    w = zeros(n, 1)
    for a in range(k):
        w += t[a] * ImmutableMatrix(basis[a])
    return w

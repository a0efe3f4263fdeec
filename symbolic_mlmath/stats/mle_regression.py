"""Linear regression as maximum likelihood: least squares under Gaussian noise.

The model yᵢ = a + b xᵢ + εᵢ with independent εᵢ ~ N(0, σ²) has the likelihood
Π N(yᵢ; a + b xᵢ, σ²). Its logarithm is a constant minus S(a, b)/(2σ²) with
S(a, b) = Σ(yᵢ − a − b xᵢ)², so for every σ² maximising the likelihood in (a, b) is
minimising the sum of squared residuals: the score equations in a and b are the normal
equations of least squares. The σ² equation then gives σ̂² = S(â, b̂)/n (divided by n,
not by n − 2). Decimal data are read as the exact rationals they name, so the estimates
are exact; the Hessian at the root is negative definite (a maximum).

Examples
========
>>> d = derive_regression_mle("1 2 3 4", "2 3 5 6")
>>> d.result
{'a': 1/2, 'b': 7/5, 'sigma^2': 1/20}
>>> derive_regression_mle("1 2 3", "1 3 2", known={"sigma": 2}).result
{'a': 1, 'b': 1/2}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.rules import StatsRule as R

__all__ = ["CHECK_SAMPLES", "REGRESSION_NAMES", "SAMPLE_PAIRS", "derive_regression_mle",
           "regression_density", "regression_sums", "same_regression_estimate"]

#: The names of the family accepted by ``mle`` (``distribution=...``).
REGRESSION_NAMES = ("linear_regression", "linear regression", "regression", "least_squares",
                    "gaussian_regression")

_ASSUME = ("σ² > 0, the noise terms independent N(0, σ²), and the xᵢ fixed (not all equal)")


def _symbols() -> tuple:
    from sympy import IndexedBase, Symbol

    a, b = Symbol("a", real=True), Symbol("b", real=True)
    v = Symbol("sigma^2", positive=True)
    x, y = Symbol("x", real=True), Symbol("y", real=True)
    i = Symbol("i", integer=True, positive=True)
    return a, b, v, x, y, i, IndexedBase("x", real=True), IndexedBase("y", real=True)


def regression_density(x: Any, y: Any, a: Any, b: Any, var: Any) -> Any:
    """N(y; a + b x, var): the density of one response given its predictor.

    >>> from sympy import symbols
    >>> regression_density(*symbols("x y a b v", positive=True))
    sqrt(2)*exp(-(-a - b*x + y)**2/(2*v))/(2*sqrt(pi)*sqrt(v))
    """
    from sympy import exp, pi, sqrt

    return exp(-(y - a - b * x) ** 2 / (2 * var)) / sqrt(2 * pi * var)


def regression_sums(xs: Any, ys: Any) -> dict[str, Any]:
    """The statistics of the normal equations: n, Σx, Σx², Σy, Σxy (exact).

    >>> regression_sums((1, 2, 3), (1, 3, 2))
    {'n': 3, 'Sx': 6, 'Sxx': 14, 'Sy': 6, 'Sxy': 13}
    """
    from sympy import Add, Integer

    return {"n": Integer(len(xs)), "Sx": Add(*xs), "Sxx": Add(*(v * v for v in xs)),
            "Sy": Add(*ys), "Sxy": Add(*(u * v for u, v in zip(xs, ys, strict=True)))}


def _read(value: Any, name: str) -> tuple:
    from symbolic_mlmath.stats.data import read_data

    if value is None:
        raise TaskError(f"linear regression by maximum likelihood needs {name} data "
                        f"(x = predictors, y = responses)", name=name)
    return read_data(value, name=name).values()


def _known_variance(known: Mapping[str, Any] | None) -> Any:
    from symbolic_mlmath.stats.formulas import exact_number

    if not known:
        return None
    fixed = {str(k).strip().lower(): v for k, v in known.items()}
    unknown = set(fixed) - {"sigma", "sigma^2", "sigma2", "variance"}
    if unknown:
        raise TaskError(f"only the noise sigma (or sigma^2) can be known, not "
                        f"{', '.join(sorted(unknown))}", name="known")
    if "sigma" in fixed:
        s = exact_number(fixed["sigma"], "known")
        if not s > 0:
            raise TaskError("sigma must be positive", name="known")
        return s**2
    v = exact_number(next(iter(fixed.values())), "known")
    if not v > 0:
        raise TaskError("sigma^2 must be positive", name="known")
    return v


def _solve(xs: tuple, ys: tuple, sums: dict) -> tuple[Any, Any, Any]:
    """â, b̂ by Cramer's rule on the normal equations, and S(â, b̂) (exact, in Fractions)."""
    from fractions import Fraction

    from sympy import Rational

    def fr(q: Any) -> Fraction:
        return Fraction(int(q.p), int(q.q))

    n, sx, sxx, sy, sxy = (fr(sums[k]) for k in ("n", "Sx", "Sxx", "Sy", "Sxy"))
    det = n * sxx - sx**2
    if det == 0:
        raise TaskError("the x values must not all be equal (the slope is not determined)",
                        name="x")
    b = (n * sxy - sx * sy) / det
    a = (sy - b * sx) / n
    rss = sum(((fr(v) - a - b * fr(u)) ** 2 for u, v in zip(xs, ys, strict=True)), Fraction(0))
    return tuple(Rational(q.numerator, q.denominator) for q in (a, b, rss))


#: The sample of pairs on which steps over a symbolic sample are instantiated and checked.
SAMPLE_PAIRS = ((1, 2), (2, 3), (3, 5), (4, 4), (5, 7))


def _symbolic_sums(i: Any, X: Any, Y: Any, n: Any) -> dict[str, Any]:
    from sympy import Sum

    return {"n": n, "Sx": Sum(X[i], (i, 1, n)), "Sxx": Sum(X[i] ** 2, (i, 1, n)),
            "Sy": Sum(Y[i], (i, 1, n)), "Syy": Sum(Y[i] ** 2, (i, 1, n)),
            "Sxy": Sum(X[i] * Y[i], (i, 1, n))}


def _symbolic_solution(sums: dict) -> tuple[Any, Any, Any]:
    """b̂ = (nΣxy − ΣxΣy)/(nΣx² − (Σx)²), â = (Σy − b̂Σx)/n, S(â, b̂) = Σy² − âΣy − b̂Σxy."""
    from symbolic_mlmath.stats.mle_steps import simplify_sums

    n, sx, sxx, sy, syy, sxy = (sums[k] for k in ("n", "Sx", "Sxx", "Sy", "Syy", "Sxy"))
    b = (n * sxy - sx * sy) / (n * sxx - sx**2)
    a = simplify_sums((sy - b * sx) / n)
    return a, b, simplify_sums(syy - a * sy - b * sxy)


def derive_regression_mle(x: Any, y: Any, *, known: Mapping[str, Any] | None = None
                          ) -> Derivation:
    """The maximum likelihood estimates of a, b (and σ²) in yᵢ = a + b xᵢ + N(0, σ²).

    ``known={"sigma": 2}`` fixes the noise; otherwise σ² is estimated too. Without x and y
    the sample is (x₁, y₁), ..., (xₙ, yₙ) of symbolic size n (Σ notation).
    """
    from sympy import Eq, ImmutableMatrix, Integer, Product, Sum, Symbol, Tuple, log, pi
    from sympy.core.symbol import Str

    fixed = _known_variance(known)
    a, b, v, xsym, ysym, i, X, Y = _symbols()
    if x is None and y is None:
        n: Any = Symbol("n", integer=True, positive=True)
        pairs = tuple((Integer(u), Integer(w)) for u, w in SAMPLE_PAIRS)
        sums = _symbolic_sums(i, X, Y, n)
        ahat, bhat, rss = _symbolic_solution(sums)
    else:
        xs, ys = _read(x, "x"), _read(y, "y")
        if len(xs) != len(ys):
            raise TaskError(f"x has {len(xs)} values and y has {len(ys)}", name="y")
        n, pairs = Integer(len(xs)), tuple(zip(xs, ys, strict=True))
        sums = regression_sums(xs, ys)
        ahat, bhat, rss = _solve(xs, ys, sums)
        if fixed is None and rss == 0:
            raise TaskError("the points lie on one line: the likelihood has no maximum with "
                            "σ² > 0 (give known={sigma: ...} or more scattered data)", name="y")
    var = v if fixed is None else fixed
    params = (a, b) if fixed is not None else (a, b, v)
    density = regression_density(xsym, ysym, a, b, var)
    g: dict[str, Any] = {"family": Str("linear_regression"), "parameters": Tuple(*params),
                         "density": density, "x": xsym, "y": ysym, "n": n,
                         "instance": Tuple(*(Tuple(u, w) for u, w in pairs))}
    if fixed is not None:
        g["variance"] = fixed
    resid = Y[i] - a - b * X[i]
    L = Product(regression_density(X[i], Y[i], a, b, var), (i, 1, n))
    S = Sum(resid**2, (i, 1, n))
    ell = -n / 2 * log(2 * pi * var) - S / (2 * var)
    steps = [Step(R.REGRESSION_LIKELIHOOD, density, L, g),
             Step(R.LOG_LIKELIHOOD, L, ell, {**g, "assumptions": Str(_ASSUME)})]
    grad = [Sum(resid, (i, 1, n)) / var, Sum(X[i] * resid, (i, 1, n)) / var]
    if fixed is None:
        grad.append(-n / (2 * v) + S / (2 * v**2))
    score = ImmutableMatrix(grad)
    steps.append(Step(R.SCORE, ell, score, g))
    normal = Tuple(Eq(n * a + sums["Sx"] * b, sums["Sy"], evaluate=False),
                   Eq(sums["Sx"] * a + sums["Sxx"] * b, sums["Sxy"], evaluate=False))
    steps.append(Step(R.MLE_NORMAL_EQUATIONS, score, normal,
                      {**g, "sums": Tuple(*(sums[k] for k in ("n", "Sx", "Sxx", "Sy", "Sxy"))),
                       "objective": S}))
    sol = {a: ahat, b: bhat}
    if fixed is None:
        sol[v] = rss / n
    eqs = Tuple(*(Eq(p, sol[p], evaluate=False) for p in params))
    steps.append(Step(R.SET_SCORE_TO_ZERO, score, eqs, {**g, "solution": eqs, "rss": rss}))
    H = _hessian(n, sums, Sum(resid, (i, 1, n)), Sum(X[i] * resid, (i, 1, n)), S, var,
                 fixed is None)
    # at the root the score equations hold: Σ rᵢ = Σ xᵢ rᵢ = 0 and Σ rᵢ² = n σ̂²
    at_root = {Sum(resid, (i, 1, n)): 0, Sum(X[i] * resid, (i, 1, n)): 0}
    if fixed is None:
        at_root[S] = n * v
    Hat = _at_root(H.xreplace(at_root), g["instance"], n, sol)
    cond = "negative definite (n > 0, Σ(xᵢ − x̄)² > 0 and σ̂² > 0): a maximum"
    steps.append(Step(R.HESSIAN_CHECK, score, Hat,
                      {**g, "hessian": H, "solution": eqs, "condition": Str(cond)}))
    result = {str(p): sol[p] for p in params}
    return Derivation("Maximum likelihood: linear regression", Symbol("L"), tuple(steps),
                      result, task="mle")


def _hessian(n: Any, sums: dict, r: Any, xr: Any, S: Any, var: Any, with_var: bool) -> Any:
    """The Hessian of ℓ in (a, b[, σ²]), written with the sums (r = Σ rᵢ, xr = Σ xᵢ rᵢ)."""
    from sympy import ImmutableMatrix

    sx, sxx = sums["Sx"], sums["Sxx"]
    if not with_var:
        return ImmutableMatrix([[-n / var, -sx / var], [-sx / var, -sxx / var]])
    return ImmutableMatrix([[-n / var, -sx / var, -r / var**2],
                            [-sx / var, -sxx / var, -xr / var**2],
                            [-r / var**2, -xr / var**2, n / (2 * var**2) - S / var**3]])


def _at_root(H: Any, instance: Any, n: Any, sol: dict) -> Any:
    """The Hessian at the estimates: numbers for data; for a symbolic sample, the
    entries with their sums of constants done and simplified (the sums held as symbols)."""
    from sympy import ImmutableMatrix

    from symbolic_mlmath.stats.mle_steps import instantiate, simplify_sums

    if n.is_number:
        return ImmutableMatrix(H.rows, H.cols,
                               [instantiate(h, n, tuple(instance)).xreplace(sol) for h in H])

    return ImmutableMatrix(H.rows, H.cols, [simplify_sums(h.xreplace(sol)) for h in H])


# ------------------------------------------------------------------ answers over a symbolic sample
_NOTATION = (  # learner notation -> the sums, in this order (longest first)
    (r"(?:sum|Σ)\s*\(?\s*x_?i?\s*\*?\s*y_?i?\s*\)?", " Sxy "),
    (r"(?:sum|Σ)\s*\(?\s*x_?i?\s*(?:\^|\*\*)\s*2\s*\)?", " Sxx "),
    (r"(?:sum|Σ)\s*\(?\s*y_?i?\s*(?:\^|\*\*)\s*2\s*\)?", " Syy "),
    (r"(?:sum|Σ)\s*\(?\s*x_?i?\s*\)?", " Sx "),
    (r"(?:sum|Σ)\s*\(?\s*y_?i?\s*\)?", " Sy "),
    (r"x̄|xbar|mean\s*\(\s*x\s*\)", " (Sx/n) "),
    (r"ȳ|ybar|mean\s*\(\s*y\s*\)", " (Sy/n) "),
)

#: Samples of pairs at which a learner's formula and the estimate are compared.
CHECK_SAMPLES = (((1, 2), (2, 3), (3, 5), (4, 4), (5, 7)), ((0, 1), (1, 3), (3, 2), (4, 6)),
                 ((-1, 2), (2, 0), (3, 5), (5, 4), (6, 8), (7, 7)))


def same_regression_estimate(want: Any, text: str, others: dict | None = None
                             ) -> tuple[bool, str]:
    """A learner's formula over a symbolic sample of pairs (``sum(x_i y_i)``, ``sum(x_i^2)``,
    ``xbar``, ``ybar``, ``n``, ...) against the estimate, on three samples. ``others`` names
    the other estimates a formula may use (``a = ybar - b xbar``).

    >>> from sympy import IndexedBase, Sum, Symbol
    >>> i, n = Symbol("i", integer=True, positive=True), Symbol("n", integer=True, positive=True)
    >>> x, y = IndexedBase("x", real=True), IndexedBase("y", real=True)
    >>> sxy, sx, sy = Sum(x[i] * y[i], (i, 1, n)), Sum(x[i], (i, 1, n)), Sum(y[i], (i, 1, n))
    >>> sxx = Sum(x[i] ** 2, (i, 1, n))
    >>> same_regression_estimate((n * sxy - sx * sy) / (n * sxx - sx**2),
    ...                          "(sum(x_i y_i) - n xbar ybar)/(sum(x_i^2) - n xbar^2)")
    (True, '')
    """
    import re

    from sympy import Abs, Integer, Symbol

    from symbolic_mlmath.stats.mle_steps import instantiate
    from symbolic_mlmath.text import parse_expr

    t = text
    for pattern, name in _NOTATION:
        t = re.sub(pattern, name, t)
    got = parse_expr(t, name="answer")
    names = {s.name: s for s in got.free_symbols}
    others = {k.replace("^", ""): v for k, v in (others or {}).items()}
    for k in list(names):
        base = k.removesuffix("hat").removesuffix("_")
        if base in others and k not in others:
            others[k] = others[base]
    unknown = set(names) - {"n", "Sx", "Sxx", "Sy", "Syy", "Sxy"} - set(others)
    if unknown:
        return False, f"{', '.join(sorted(unknown))} is not a statistic of the sample"
    n = next((s for s in want.free_symbols if s.name == "n"), Symbol("n"))
    for sample in CHECK_SAMPLES:
        xs = [Integer(u) for u, _ in sample]
        ys = [Integer(w) for _, w in sample]
        stats = {"n": len(xs), "Sx": sum(xs), "Sxx": sum(u * u for u in xs), "Sy": sum(ys),
                 "Syy": sum(w * w for w in ys),
                 "Sxy": sum(u * w for u, w in zip(xs, ys, strict=True))}
        a = instantiate(want, n, sample).evalf(30)
        vals = {s: Integer(stats[k]) if k in stats else instantiate(others[k], n, sample)
                for k, s in names.items()}
        b = got.xreplace(vals).evalf(30)
        if not (a.is_number and b.is_number) or Abs(a - b) > 10**-20 * max(1, Abs(a)):
            return False, f"they differ on the sample {sample}"
    return True, ""

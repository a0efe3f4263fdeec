"""Random vectors: joint PMF tables, marginals, conditionals, independence, covariance, MVN.

A joint PMF is a table ``{(x, y): p}`` (or nested ``{x: {y: p}}``); it is held as a matrix
with rows for the values of X and columns for the values of Y. The marginals add the
table along a direction, the conditional divides a column (or row) by its marginal, and
the independence test compares every cell with the product of its marginals, naming the
first cell that fails. Covariance and correlation go by E[XY] - E[X]E[Y]; for data they
use the deviations from the means (n - 1). The multivariate normal density is written
with the determinant and the quadratic form of the inverse covariance.

Examples
========
>>> joint = {(0, 0): "0.1", (0, 1): "0.2", (1, 0): "0.3", (1, 1): "0.4"}
>>> derive_marginal(joint, "X").result
{0: 3/10, 1: 7/10}
>>> derive_marginal(joint, "X", given=1).result
{0: 1/3, 1: 2/3}
>>> derive_joint_moment(joint, "covariance").result
-1/50
>>> derive_data_covariance("1 2 3 4", "2 4 5 9", "correlation").result
11*sqrt(130)/130
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.densities import Chain
from symbolic_mlmath.stats.rules import StatsRule as S

__all__ = ["JointTable", "derive_covariance_matrix", "derive_data_covariance",
           "derive_joint_moment", "derive_marginal", "derive_mvn_density", "read_joint"]


class JointTable:
    """A joint PMF: values of X (rows), values of Y (columns), the matrix of probabilities."""

    def __init__(self, xs: list, ys: list, P: Any) -> None:
        self.xs, self.ys, self.P = xs, ys, P

    def given(self) -> dict:
        """The table's pieces as step ``given`` entries."""
        from sympy import Tuple

        return {"joint": self.P, "x_values": Tuple(*self.xs), "y_values": Tuple(*self.ys)}

    def marginal_x(self) -> list:
        """p_X(x) for each x."""
        return [sum(self.P.row(i)) for i in range(len(self.xs))]

    def marginal_y(self) -> list:
        """p_Y(y) for each y."""
        return [sum(self.P.col(j)) for j in range(len(self.ys))]

    def expect(self, g: Any) -> Any:
        """E[g(X, Y)] = sum over the cells of g(x, y) p(x, y)."""
        from sympy import Symbol

        X, Y = Symbol("X"), Symbol("Y")
        return sum((g.xreplace({X: x, Y: y}) * self.P[i, j] for i, x in enumerate(self.xs)
                    for j, y in enumerate(self.ys)), start=0)


def read_joint(joint: Any) -> JointTable:
    """A :class:`JointTable` from ``{(x, y): p}``, ``{x: {y: p}}`` (dicts or text)."""
    from sympy import ImmutableMatrix, Integer

    from .data import read_key, read_mapping, read_probability

    raw = read_mapping(joint, name="joint_pmf")
    cells: dict[tuple, Any] = {}
    for k, v in raw.items():
        if isinstance(v, dict) or (isinstance(v, str) and v.strip().startswith("{")):
            x = read_key(k, name="joint_pmf")
            for k2, v2 in read_mapping(v, name=f"joint_pmf[{k}]").items():
                cells[(x, read_key(k2, name="joint_pmf"))] = read_probability(
                    v2, name=f"joint_pmf[{k}][{k2}]")
        else:
            key = read_key(k, name="joint_pmf")
            if not (isinstance(key, tuple) and len(key) == 2):
                raise InputError(f"a joint PMF key is a pair (x, y), got {k!r}", name="joint_pmf")
            cells[key] = read_probability(v, name=f"joint_pmf[{k}]")
    xs = sorted({x for x, _ in cells}, key=_order)
    ys = sorted({y for _, y in cells}, key=_order)
    if len(xs) * len(ys) > 400:
        raise InputError("the joint table is too large (at most 400 cells)", name="joint_pmf")
    P = ImmutableMatrix(len(xs), len(ys), lambda i, j: cells.get((xs[i], ys[j]), Integer(0)))
    total = sum(P)
    if total != 1:
        raise InputError(f"the joint probabilities add up to {total}, not 1", name="joint_pmf")
    return JointTable(xs, ys, P)


def _order(v: Any) -> Any:
    return (0, float(v), str(v)) if getattr(v, "is_number", False) else (1, 0.0, str(v))


def _which(variable: Any) -> str:
    v = str(variable or "X").strip().upper()
    if v not in ("X", "Y"):
        raise InputError("variable must be X (rows) or Y (columns)", name="variable")
    return v


def _independence_step(t: JointTable) -> Step:
    from sympy import Tuple, false, true

    px, py = t.marginal_x(), t.marginal_y()
    for i, x in enumerate(t.xs):
        for j, y in enumerate(t.ys):
            if t.P[i, j] != px[i] * py[j]:
                return Step(S.INDEPENDENCE_TEST, t.P, false,
                            {**t.given(), "cell": Tuple(x, y), "cell_joint": t.P[i, j],
                             "product": px[i] * py[j]})
    return Step(S.INDEPENDENCE_TEST, t.P, true, t.given())


def derive_marginal(joint: Any, variable: Any = "X", given: Any = None) -> Derivation:
    """The marginal PMF of X or Y (or the conditional PMF given a value of the other)."""
    from sympy import Tuple

    t = read_joint(joint)
    v = _which(variable)
    vals, probs = (t.xs, t.marginal_x()) if v == "X" else (t.ys, t.marginal_y())
    other_vals, other_probs = (t.ys, t.marginal_y()) if v == "X" else (t.xs, t.marginal_x())
    steps = [Step(S.MARGINAL_SUM, t.P, Tuple(*probs), {**t.given(), "variable": v})]
    result = dict(zip(vals, probs, strict=True))
    if given is not None:
        g = _given_value(given if isinstance(given, str) else str(given))
        if g not in other_vals:
            raise InputError(f"{g} is not a value of the other variable ({', '.join(map(str, other_vals))})",
                             name="given")
        k = other_vals.index(g)
        if other_probs[k] == 0:
            raise InputError(f"the other variable never equals {g}: no conditional", name="given")
        cells = t.P.col(k) if v == "X" else t.P.row(k).T
        cond = [c / other_probs[k] for c in cells]
        steps.append(Step(S.CONDITIONAL_PMF, t.P, Tuple(*cond),
                          {**t.given(), "variable": v, "given": g, "marginal": other_probs[k]}))
        result = dict(zip(vals, cond, strict=True))
    steps.append(_independence_step(t))
    return Derivation(f"{'Conditional' if given is not None else 'Marginal'} PMF of {v}",
                      goal=t.P, steps=tuple(steps), result=result, task="marginal",
                      inputs={"variable": v, "given": given})


def _given_value(text: str) -> Any:
    from symbolic_mlmath.text import parse_number

    t = text.strip()
    if "=" in t:
        t = t.split("=", 1)[1]
    return parse_number(t, name="given")


def derive_joint_moment(joint: Any, which: str = "covariance") -> Derivation:
    """Cov(X, Y) or the correlation of a joint PMF, by E[XY] - E[X]E[Y]."""
    from sympy import Symbol, sqrt

    from .notation import Corr, Cov, Expect, Var

    t = read_joint(joint)
    X, Y = Symbol("X"), Symbol("Y")
    goal = Cov(X, Y) if which == "covariance" else Corr(X, Y)
    chain = Chain(goal)
    if which != "covariance":
        chain.replace(goal, Cov(X, Y) / (sqrt(Var(X)) * sqrt(Var(Y))), S.CORRELATION_FORMULA)
        for V in (X, Y):
            chain.replace(Var(V), Expect(V**2) - Expect(V) ** 2, S.VARIANCE_SHORTCUT)
    chain.replace(Cov(X, Y), Expect(X * Y) - Expect(X) * Expect(Y), S.COVARIANCE_SHORTCUT)
    for g in (X * Y, X, Y, X**2, Y**2):
        if chain.cur.has(Expect(g)):
            chain.replace(Expect(g), t.expect(g), S.JOINT_EXPECTATION, {**t.given(), "g": g})
    return Derivation("Covariance" if which == "covariance" else "Correlation", goal=goal,
                      steps=tuple(chain.steps), result=chain.cur, task=which, inputs={})


def _pairs(x: Any, y: Any) -> tuple[Any, Any]:
    from .data import read_data
    from .summary import Summary

    sx, sy = Summary(read_data(x, name="x", min_items=2)), Summary(read_data(y, name="y",
                                                                              min_items=2))
    if sx.n != sy.n:
        raise InputError(f"x has {sx.n} values and y has {sy.n}", name="y")
    return sx, sy


def derive_data_covariance(x: Any, y: Any, which: str = "covariance", ddof: Any = 1) -> Derivation:
    """Sample covariance (n - ddof) or correlation r of paired data, exactly."""
    from sympy import ImmutableMatrix, Rational, Symbol, sqrt

    from .notation import Corr, Cov

    sx, sy = _pairs(x, y)
    k = 1 if ddof is None else int(ddof)
    n = sx.n
    sxy_num = sum(a * b for a, b in zip(sx.devs, sy.devs, strict=True))
    sxy = Rational(sxy_num, n * n * sx.den * sy.den)
    obj = ImmutableMatrix([[a, b] for a, b in zip(sx.data.values(), sy.data.values(),
                                                  strict=True)]) if n <= 30 else Symbol("data")
    cov = sxy / (n - k)
    steps = [Step(S.COVARIANCE_DEFINITION, obj, cov,
                  {"sxy": sxy, "divisor": n - k, "mean_x": sx.mean, "mean_y": sy.mean,
                   **_dec(cov)})]
    result = cov
    goal = Cov(Symbol("x"), Symbol("y"))
    if which == "correlation":
        r = sxy / sqrt(sx.sum_of_squares() * sy.sum_of_squares())
        steps.append(Step(S.CORRELATION_FORMULA, obj, r,
                          {"sxy": sxy, "sxx": sx.sum_of_squares(), "syy": sy.sum_of_squares(),
                           **_dec(r)}))
        result, goal = r, Corr(Symbol("x"), Symbol("y"))
    return Derivation("Sample " + which, goal=goal, steps=tuple(steps), result=result,
                      task=which, inputs={"ddof": k})


def _dec(v: Any) -> dict:
    from sympy import N

    return {} if v.is_Integer else {"decimal": N(v, 15)}


def derive_covariance_matrix(data: Any, ddof: Any = 1) -> Derivation:
    """The covariance matrix of data (rows are observations), exactly, divisor n - ddof."""
    from sympy import ImmutableMatrix

    from symbolic_mlmath.text import parse_matrix

    M = parse_matrix(data, name="data")
    n, m = M.shape
    k = 1 if ddof is None else int(ddof)
    if n - k <= 0:
        raise InputError("too few observations for the covariance matrix", name="data")
    means = [sum(M.col(j)) / n for j in range(m)]
    C = ImmutableMatrix(m, m, lambda i, j: sum((M[r, i] - means[i]) * (M[r, j] - means[j])
                                               for r in range(n)) / (n - k))
    from sympy import Tuple

    steps = [Step(S.VECTOR_COVARIANCE_MATRIX, M, C, {"means": Tuple(*means), "divisor": n - k})]
    return Derivation("Covariance matrix", goal=M, steps=tuple(steps), result=C,
                      task="covariance", inputs={"ddof": k})


def derive_mvn_density(mean: Any, cov: Any, x: Any) -> Derivation:
    """The multivariate normal density at ``x``: exp(-Q/2) / sqrt((2 pi)^k det Sigma)."""
    from sympy import Function, exp, pi, sqrt

    from symbolic_mlmath.text import parse_matrix, parse_vector

    mu, xv = parse_vector(mean, name="mean"), parse_vector(x, name="x")
    Sigma = parse_matrix(cov, name="cov")
    k = mu.rows
    if Sigma.shape != (k, k) or xv.rows != k:
        raise InputError(f"mean and x need {k} entries and cov must be {k}x{k}", name="cov")
    if Sigma != Sigma.T:
        raise InputError("a covariance matrix is symmetric", name="cov")
    det = Sigma.det()
    if not det.is_positive or any(not m.is_positive for m in
                                  (Sigma[:i, :i].det() for i in range(1, k + 1))):
        raise InputError("the covariance matrix must be positive definite", name="cov")
    d = xv - mu
    Q = (d.T * Sigma.inv() * d)[0, 0]
    value = exp(-Q / 2) / sqrt((2 * pi) ** k * det)
    goal = Function("f")(*xv)
    steps = [Step(S.MVN_DENSITY, goal, value, {"quadratic_form": Q, "det": det, "mean": mu,
                                                "cov": Sigma, "x": xv})]
    return Derivation("Multivariate normal density", goal=goal, steps=tuple(steps), result=value,
                      task="mvn_density", inputs={})


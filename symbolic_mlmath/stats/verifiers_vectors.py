"""Independent checks of the random-vector rules (issue 14): the table recomputed cell by cell.

Examples
========
>>> from sympy import ImmutableMatrix, Rational, Tuple
>>> from symbolic_mlmath.core.steps import Step
>>> P = ImmutableMatrix([[Rational(1, 4), Rational(1, 4)], [Rational(1, 4), Rational(1, 4)]])
>>> g = {"joint": P, "x_values": Tuple(0, 1), "y_values": Tuple(0, 1), "variable": "X"}
>>> VECTOR_VERIFIERS[S.MARGINAL_SUM].check(Step(S.MARGINAL_SUM, P, Tuple(Rational(1, 2),
...                                               Rational(1, 2)), g)) is None
True
"""

from __future__ import annotations

from fractions import Fraction

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import Verifier, VerifierTable
from symbolic_mlmath.stats.rules import StatsRule as S
from symbolic_mlmath.stats.verifiers_prob import close, num, pair

__all__ = ["VECTOR_VERIFIERS"]

VECTOR_VERIFIERS = VerifierTable()


def _cells(step: Step) -> tuple[list, list, list[list[Fraction]]]:
    g = step.given
    P = g["joint"]
    rows = [[Fraction(int(P[i, j].p), int(P[i, j].q)) for j in range(P.cols)]
            for i in range(P.rows)]
    return list(g["x_values"]), list(g["y_values"]), rows


def _marginal(step: Step) -> str | None:
    _, _, rows = _cells(step)
    if str(step.given["variable"]) == "X":
        want = [sum(r) for r in rows]
    else:
        want = [sum(col) for col in zip(*rows, strict=True)]
    got = [Fraction(int(v.p), int(v.q)) for v in step.after]
    return None if got == want else f"the marginal is {want}"


def _conditional(step: Step) -> str | None:
    xs, ys, rows = _cells(step)
    g = step.given["given"]
    if str(step.given["variable"]) == "X":
        k = ys.index(g)
        cells = [r[k] for r in rows]
    else:
        cells = rows[xs.index(g)]
    total = sum(cells)
    want = [c / total for c in cells]
    got = [Fraction(int(v.p), int(v.q)) for v in step.after]
    return None if got == want else f"the conditional PMF is {want}"


def _independence(step: Step) -> str | None:
    _, _, rows = _cells(step)
    px = [sum(r) for r in rows]
    py = [sum(c) for c in zip(*rows, strict=True)]
    ok = all(rows[i][j] == px[i] * py[j] for i in range(len(px)) for j in range(len(py)))
    if bool(step.after) != ok:
        return f"the variables are {'independent' if ok else 'not independent'}"
    return None


def _joint_expectation(step: Step) -> str | None:
    from sympy import Symbol, lambdify

    xs, ys, rows = _cells(step)
    fn = lambdify((Symbol("X"), Symbol("Y")), step.given["g"], modules=[{}])
    want = sum(fn(Fraction(int(x.p), int(x.q)), Fraction(int(y.p), int(y.q))) * rows[i][j]
               for i, x in enumerate(xs) for j, y in enumerate(ys))
    _, got = pair(step)
    return None if Fraction(int(got.p), int(got.q)) == want else f"the sum is {want}"


def _shortcut(step: Step) -> str | None:
    from .notation import Cov, Expect

    before, after = pair(step)
    if not isinstance(before, Cov):
        return "the shortcut applies to Cov(X, Y)"
    X, Y = before.args
    want = Expect(X * Y) - Expect(X) * Expect(Y)
    return None if after == want else f"Cov(X, Y) = {want}"


def _correlation(step: Step) -> str | None:
    from sympy import sqrt

    from .notation import Corr, Cov, Var

    before, after = pair(step)
    if isinstance(before, Corr):
        X, Y = before.args
        want = Cov(X, Y) / (sqrt(Var(X)) * sqrt(Var(Y)))
        return None if after == want else f"rho = {want}"
    g = step.given
    want = g["sxy"] / sqrt(g["sxx"] * g["syy"])
    if not close(num(want), num(after), 25):
        return f"r = {want}"
    rows = step.before
    if hasattr(rows, "shape"):
        import numpy as np

        data = np.array([[float(v) for v in rows.row(i)] for i in range(rows.rows)])
        if abs(float(np.corrcoef(data[:, 0], data[:, 1])[0, 1]) - float(after)) > 1e-9:
            return "numpy's corrcoef disagrees"
    return None


def _data_covariance(step: Step) -> str | None:
    rows = step.before
    g = step.given
    if step.after != g["sxy"] / g["divisor"]:
        return f"{g['sxy']}/{g['divisor']} is {g['sxy'] / g['divisor']}"
    if hasattr(rows, "shape"):
        xs = [Fraction(int(v.p), int(v.q)) for v in rows.col(0)]
        ys = [Fraction(int(v.p), int(v.q)) for v in rows.col(1)]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        sxy = sum((a - mx) * (b - my) for a, b in zip(xs, ys, strict=True))
        if Fraction(int(g["sxy"].p), int(g["sxy"].q)) != sxy:
            return f"the sum of products of deviations is {sxy}"
    return None


def _cov_matrix(step: Step) -> str | None:
    import numpy as np

    M = step.before
    data = np.array([[float(v) for v in M.row(i)] for i in range(M.rows)])
    ddof = M.rows - int(step.given["divisor"])
    want = np.atleast_2d(np.cov(data, rowvar=False, ddof=ddof))
    got = np.array([[float(v) for v in step.after.row(i)] for i in range(step.after.rows)])
    return None if np.allclose(want, got, rtol=1e-12, atol=1e-12) else "numpy's cov disagrees"


def _mvn(step: Step) -> str | None:
    from sympy import Matrix
    from sympy.stats import density
    from sympy.stats.joint_rv_types import MultivariateNormal

    g = step.given
    rv = MultivariateNormal("N", list(g["mean"]), Matrix(g["cov"]))
    want = density(rv)(*list(g["x"]))
    if not close(num(want), num(step.after), 25):
        return f"sympy.stats gives {want}"
    return None


for _rule, _fn in ((S.MARGINAL_SUM, _marginal), (S.CONDITIONAL_PMF, _conditional),
                   (S.INDEPENDENCE_TEST, _independence), (S.COVARIANCE_DEFINITION, _data_covariance),
                   (S.VECTOR_COVARIANCE_MATRIX, _cov_matrix)):
    VECTOR_VERIFIERS[_rule] = Verifier(check=_fn, reads=True)
VECTOR_VERIFIERS[S.JOINT_EXPECTATION] = Verifier(check=_joint_expectation)
VECTOR_VERIFIERS[S.COVARIANCE_SHORTCUT] = Verifier(check=_shortcut)
VECTOR_VERIFIERS[S.CORRELATION_FORMULA] = Verifier(check=_correlation, reads=True)
VECTOR_VERIFIERS[S.MVN_DENSITY] = Verifier(check=_mvn)


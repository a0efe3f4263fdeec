"""Independent checks of the maximum likelihood steps, by instantiation and numbers.

A step over a symbolic sample is instantiated on the small sample the step carries
(``instance``); both sides are then compared at three points of the parameters' domain
with 30-digit arithmetic. A derivative step is checked by differentiating again.

Examples
========
>>> from symbolic_mlmath.stats.mle import derive_mle
>>> d = derive_mle("poisson")
>>> all(MLE_VERIFIERS[s.rule].check(s) is None for s in d.steps)
True
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import Verifier, VerifierTable
from symbolic_mlmath.stats.rules import StatsRule as R

__all__ = ["MLE_VERIFIERS"]

#: The verifiers of the maximum likelihood rules (merged into the subject's table).
MLE_VERIFIERS = VerifierTable()
_check = MLE_VERIFIERS.check


def _inst(step: Step, expr: Any) -> Any:
    from symbolic_mlmath.stats.mle_steps import instantiate

    sample = step.given.get("instance")
    if sample is None:
        return expr
    return instantiate(expr, step.given["n"], tuple(sample))


def _points(step: Step) -> list[dict]:
    from sympy import Rational

    from symbolic_mlmath.stats.mle_steps import POINTS

    params = list(step.given["parameters"])
    pts = []
    top = step.given.get("maximum")
    for k in range(3):
        pt = {}
        for p in params:
            if str(p) == "theta":
                base = _inst(step, top) if top is not None else Rational(1)
                base = max(base, Rational(3)) if base.is_number else Rational(3)
                pt[p] = base + Rational(k + 1, 2)
            else:
                pt[p] = Rational(POINTS.get(str(p), ("1/2", "3/2", "5/2"))[k])
        pts.append(pt)
    return pts


def _same(step: Step, a: Any, b: Any, *, log_a: bool = False) -> bool:
    from sympy import Abs, log

    for pt in _points(step):  # the parameters first: the sample then fills plain numbers
        va = _inst(step, a.xreplace(pt)).doit().evalf(40)
        vb = _inst(step, b.xreplace(pt)).doit().evalf(40)
        if log_a:
            va = log(va).evalf(40)
        if not (va.is_number and vb.is_number):
            return False
        if Abs(va - vb) > 10**-25 * max(1, Abs(va), Abs(vb)):
            return False
    return True


@_check(R.LIKELIHOOD)
def _likelihood(step: Step) -> str | None:
    from sympy import Mul, Piecewise, Product

    g = step.given
    f, x, L = g["density"], g["x"], step.after
    if isinstance(L, Piecewise):  # uniform: the product on the support
        L = L.args[0][0]
    if isinstance(L, Product):
        from sympy import Indexed

        idx = next(iter(L.function.atoms(Indexed)), None)
        if idx is None or L.function != f.subs(x, idx):
            return "the likelihood is not the product of the density over the sample"
        return None
    data = g.get("data")
    if data is not None:
        want = Mul(*(f.subs(x, v) for v in data))
        return None if _same(step, want, L) else "the likelihood is not the product of f(x_i)"
    return None


@_check(R.LOG_LIKELIHOOD)
def _log_likelihood(step: Step) -> str | None:
    from sympy import Piecewise, Product, Sum, expand_log, log

    L = step.before
    if isinstance(L, Piecewise):
        L = L.args[0][0]
    if isinstance(L, Product) and "y" in step.given:  # log Π f = Σ log f (every f > 0)
        log_f = expand_log(log(L.function), force=True)
        if not _same(step, Sum(log_f, *L.limits), step.after):
            return "the log-likelihood is not the logarithm of the likelihood"
        return None
    if not _same(step, L, step.after, log_a=True):
        return "the log-likelihood is not the logarithm of the likelihood"
    return None


def _params(step: Step) -> list:
    return list(step.given["parameters"])


@_check(R.SCORE)
def _score(step: Step) -> str | None:
    from sympy import ImmutableMatrix

    ps = _params(step)
    grad = [step.before.diff(p) for p in ps]
    want = grad[0] if len(ps) == 1 else ImmutableMatrix(grad)
    after = step.after
    pairs = [(want, after)] if len(ps) == 1 else list(zip(want, after, strict=True))
    if not all(_same(step, a, b) for a, b in pairs):
        return "the score is not the derivative of the log-likelihood"
    return None


def _solution(step: Step) -> dict:
    sol = step.given.get("solution", step.after)
    return {eq.lhs: eq.rhs for eq in (sol if not hasattr(sol, "lhs") else (sol,))}


@_check(R.SET_SCORE_TO_ZERO, reads=True)
def _root(step: Step) -> str | None:
    from sympy import Abs

    sol = {k: _inst(step, v) for k, v in _solution(step).items()}
    score = step.before
    parts = [score] if not hasattr(score, "shape") else list(score)
    for part in parts:
        v = _inst(step, part).xreplace(sol).doit().evalf(40)
        if not v.is_number or Abs(v) > 10**-25:
            return "the estimate does not make the score zero"
    return None


def _negative_definite(H: Any) -> bool:
    """Leading principal minors alternate in sign, starting negative."""
    minors = [H[:j, :j].det() for j in range(1, H.rows + 1)]
    return all((-1) ** j * m > 0 for j, m in enumerate(minors, 1))


@_check(R.SECOND_DERIVATIVE_CHECK, reads=True)
def _second(step: Step) -> str | None:
    (p,) = _params(step)
    sol = {k: _inst(step, v) for k, v in _solution(step).items()}
    want = _inst(step, step.before.diff(p)).xreplace(sol).doit().evalf(40)
    got = _inst(step, step.after).doit().evalf(40)
    if not (want.is_number and got.is_number) or abs(want - got) > 10**-25 * max(1, abs(want)):
        return "the second derivative at the estimate is wrong"
    if not got < 0:
        return "the second derivative is not negative: not a maximum"
    return None


@_check(R.HESSIAN_CHECK, reads=True)
def _hessian(step: Step) -> str | None:
    from sympy import ImmutableMatrix

    ps = _params(step)
    sol = {k: _inst(step, v) for k, v in _solution(step).items()}
    grad = list(step.before)
    shown = step.given.get("hessian")
    if shown is not None and not all(_same(step, gk.diff(q), shown[r, c])
                                     for r, gk in enumerate(grad) for c, q in enumerate(ps)):
        return "the Hessian shown is not the derivative of the score"
    want = ImmutableMatrix([[_inst(step, gk.diff(q)).xreplace(sol).doit() for q in ps]
                            for gk in grad]).evalf(40)
    got = _inst(step, step.after).doit().evalf(40)
    if any(abs(a - b) > 10**-25 * max(1, abs(a)) for a, b in zip(want, got, strict=True)):
        return "the Hessian at the estimate is wrong"
    if not _negative_definite(got):
        return "the Hessian is not negative definite: not a maximum"
    return None


@_check(R.BOUNDARY_MAXIMUM, reads=True)
def _boundary(step: Step) -> str | None:
    eq = step.after
    if eq.rhs != step.given["maximum"]:
        return "the estimate must be the largest observation"
    for pt in _points(step):
        v = _inst(step, step.before).xreplace(pt).evalf(30)
        if not v < 0:
            return "the score is not negative: the likelihood does not decrease"
    return None


# ------------------------------------------------------------------ regression as MLE
def _variance(step: Step) -> Any:
    g = step.given
    return g["variance"] if "variance" in g else g["parameters"][2]


@_check(R.REGRESSION_LIKELIHOOD)
def _regression_likelihood(step: Step) -> str | None:
    from sympy import Indexed, Product, exp, pi, sqrt

    g = step.given
    a, b = g["parameters"][0], g["parameters"][1]
    var, x, y = _variance(step), g["x"], g["y"]
    law = exp(-(y - a - b * x) ** 2 / (2 * var)) / sqrt(2 * pi * var)
    pairs = list(g["instance"])
    for u, w in pairs[:2]:
        if not _same(step, step.before.xreplace({x: u, y: w}), law.xreplace({x: u, y: w})):
            return "the density is not N(y; a + b x, σ²)"
    L = step.after
    if not isinstance(L, Product) or L.limits[0][1:] != (1, g["n"]):
        return "the likelihood is not the product over the n observations"
    j = L.limits[0][0]
    bases = {str(t.base): t.base for t in L.function.atoms(Indexed)}
    if set(bases) != {"x", "y"} or L.function != law.xreplace({x: bases["x"][j],
                                                              y: bases["y"][j]}):
        return "the likelihood is not the product of N(y_i; a + b x_i, σ²)"
    return None


@_check(R.MLE_NORMAL_EQUATIONS, reads=True)
def _mle_normal_equations(step: Step) -> str | None:
    from sympy import Add, expand

    g = step.given
    a, b = g["parameters"][0], g["parameters"][1]
    pairs = list(g["instance"])
    xs, ys = [p[0] for p in pairs], [p[1] for p in pairs]
    want = (len(xs) * a + Add(*xs) * b - Add(*ys),
            Add(*xs) * a + Add(*(u * u for u in xs)) * b - Add(*(u * w for u, w in pairs)))
    eqs = list(step.after)
    if len(eqs) != 2 or any(expand(_inst(step, e.lhs - e.rhs) - k) != 0
                            for e, k in zip(eqs, want, strict=True)):
        return "the normal equations are not n a + Σx b = Σy, Σx a + Σx² b = Σxy for the data"
    var = _variance(step)
    for part, e in zip(list(step.before)[:2], eqs, strict=True):
        if not _same(step, var * part, e.rhs - e.lhs):
            return "the normal equations are not the score in a and b times σ²"
    return None


for _rule in (R.SET_SCORE_TO_ZERO, R.SECOND_DERIVATIVE_CHECK, R.HESSIAN_CHECK,
              R.BOUNDARY_MAXIMUM):
    _v = MLE_VERIFIERS[_rule]
    MLE_VERIFIERS[_rule] = Verifier(check=_v.check, reads=True)


# ------------------------------------------------------------------ Bayesian updating
def _theta_points(step: Step) -> list:
    from sympy import Rational

    fam = str(step.given.get("family", ""))
    th = step.given["parameter"]
    if fam == "beta" or str(th) == "p":
        vals = ("1/5", "1/2", "3/4")
    elif str(th) == "mu":
        vals = ("-1", "1/2", "2")
    else:
        vals = ("1/3", "1", "5/2")
    return [{th: Rational(v)} for v in vals]


def _constant_ratio(step: Step, a: Any, b: Any) -> bool:
    from sympy import Abs

    ratios = []
    for pt in _theta_points(step):
        va, vb = a.xreplace(pt).evalf(40), b.xreplace(pt).evalf(40)
        if vb == 0:
            return False
        ratios.append(va / vb)
    return all(Abs(r - ratios[0]) <= 10**-25 * Abs(ratios[0]) for r in ratios)


@_check(R.PRIOR)
def _prior(step: Step) -> str | None:
    from symbolic_mlmath.core.verify import same_value
    from symbolic_mlmath.stats.conjugate import evaluated_density

    g = step.given
    want = evaluated_density(str(g["family"]), g["parameter"], tuple(g["params"]))
    return None if same_value(want, step.after) else f"the {g['distribution']} density is {want}"


@_check(R.POSTERIOR_PROPORTIONAL)
def _proportional(step: Step) -> str | None:
    if not _constant_ratio(step, step.after, step.before * step.given["likelihood"]):
        return "the kernel is not proportional to prior x likelihood"
    return None


@_check(R.RECOGNIZE_KERNEL)
def _recognize(step: Step) -> str | None:
    from symbolic_mlmath.core.verify import same_value
    from symbolic_mlmath.stats.conjugate import evaluated_density

    g = step.given
    want = evaluated_density(str(g["family"]), g["parameter"], tuple(g["params"]))
    if not same_value(want, step.after):
        return "the posterior is not the named family's density"
    if not _constant_ratio(step, step.after, step.before):
        return "the named density is not proportional to the kernel"
    return None


@_check(R.POSTERIOR_SUMMARY, reads=True)
def _summary(step: Step) -> str | None:
    from sympy import Rational

    from symbolic_mlmath.core.verify import same_value
    from symbolic_mlmath.stats.conjugate import posterior_mode
    from symbolic_mlmath.stats.distributions import parse_distribution

    g = step.given
    post = parse_distribution(str(g["family"]), list(g["params"]))
    mean, median, mode = step.after
    if not same_value(mean, post.mean()):
        return f"the posterior mean is {post.mean()}"
    if not same_value(mode, posterior_mode(str(g["family"]), tuple(g["params"]))):
        return "the posterior mode is wrong"
    c = post.cdf_numeric(median)
    if abs(c - Rational(1, 2)) > 10**-20:
        return "the median does not split the posterior in halves"
    return None


@_check(R.DISCRETE_POSTERIOR, reads=True)
def _discrete(step: Step) -> str | None:
    from sympy import Add

    g = step.given
    joint = [a * b for a, b in zip(g["prior"], g["likelihood"], strict=True)]
    ev = Add(*joint)
    if ev != g["evidence"] or any(j / ev != p for j, p in zip(joint, step.after, strict=True)):
        return "the posterior is not likelihood x prior over the evidence"
    return None


@_check(R.NEGATIVE_LOG_POSTERIOR)
def _neg_log(step: Step) -> str | None:
    from sympy import Abs, Rational, log

    ws = list(step.given["weights"])
    diffs = []
    for k in range(3):
        pt = {w: Rational(2 * j + k + 1, 3) - 1 for j, w in enumerate(ws)}
        diffs.append((-log(step.before.xreplace(pt)) - step.after.xreplace(pt)).evalf(40))
    if any(Abs(d - diffs[0]) > 10**-25 * max(1, Abs(diffs[0])) for d in diffs):
        return "the objective is not -log posterior up to a constant"
    return None


@_check(R.RIDGE_SOLUTION)
def _ridge(step: Step) -> str | None:
    from sympy import simplify

    ws = list(step.given["weights"])
    at = dict(zip(ws, step.after, strict=True))
    if any(simplify(step.before.diff(w).xreplace(at)) != 0 for w in ws):
        return "the gradient of the objective is not zero at the weights"
    return None

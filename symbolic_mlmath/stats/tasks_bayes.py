"""The estimation tasks: maximum likelihood, posterior and MAP, with their answer checks.

Learners may answer an estimate with a number (``p = 0.7``) or, for a symbolic sample, in
the usual notation: ``xbar``, ``sum(x_i)/n``, ``n/sum(x_i)``, ``sqrt(sum(x_i^2)/n - xbar^2)``.

Examples
========
>>> import symbolic_mlmath as sm
>>> sm.check("mle", answer="p = 0.7", distribution="bernoulli", data="1 0 1 1 0 1 1 1 0 1").correct
True
>>> sm.check("mle", answer="lambda = 1/xbar", distribution="exponential").correct
True
>>> v = sm.check("mle", answer="lambda = xbar", distribution="exponential")
>>> v.correct, "mean" in v.feedback
(False, True)
"""

from __future__ import annotations

import re
from typing import Any

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.tasks import Input, Task
from symbolic_mlmath.core.verdict import Verdict
from symbolic_mlmath.stats.answers_inference import Part, judge, split_top

__all__ = ["BAYES_TASKS", "read_estimate", "same_estimate"]

#: The estimation tasks, in listing order.
BAYES_TASKS: list[Task] = []

_SUM2 = re.compile(r"(?:sum|Σ)\s*\(?\s*x(?:_?i)?\s*(?:\^|\*\*)\s*2\s*\)?")
_SUM1 = re.compile(r"(?:sum|Σ)\s*\(?\s*x(?:_?i)?\s*\)?")
_XBAR = re.compile(r"x̄|xbar|mean\s*\(\s*x\s*\)")


def read_estimate(text: str) -> Any:
    """A learner's estimate, with ``sum(x_i)``, ``sum(x_i^2)`` and ``xbar`` read as the
    statistics S1 = Σxᵢ, S2 = Σxᵢ² and S1/n (through the text door)."""
    from sympy import Symbol

    from symbolic_mlmath.text import parse_expr

    t = _SUM2.sub(" S2 ", text)
    t = _SUM1.sub(" S1 ", t)
    t = _XBAR.sub(" xbar ", t)
    e = parse_expr(t, name="answer")
    names = {s.name: s for s in e.free_symbols}
    if "xbar" in names:
        e = e.xreplace({names["xbar"]: Symbol("S1") / Symbol("n")})
    return _canonical(e)


def _canonical(e: Any) -> Any:
    """Symbols by name, with the sample's assumptions: n and Σxᵢ² positive, Σxᵢ real."""
    from sympy import Symbol

    def sym(name: str) -> Any:
        if name in ("n", "S2", "m"):
            return Symbol(name, positive=True)
        return Symbol(name, real=True)

    return e.xreplace({s: sym(s.name) for s in e.free_symbols})


def _plain(expr: Any) -> Any:
    """An estimate over a symbolic sample with its Sums as S1, S2 and plain symbols."""
    from sympy import Indexed, Sum, Symbol

    def name(s: Any) -> Any:
        body = s.function
        return Symbol("S2") if body.is_Pow and body.exp == 2 and isinstance(body.base, Indexed) \
            else Symbol("S1") if isinstance(body, Indexed) else Symbol(str(s))

    return _canonical(expr.xreplace({s: name(s) for s in expr.atoms(Sum)}))


def _labelled(answer: Any, keys: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for piece in split_top(str(answer)):
        m = re.match(r"^\s*([A-Za-zλμσθβ²₀₁^\d_ ]{1,20}?)\s*(?:hat)?\s*=\s*(.+)$", piece)
        if m:
            label = m.group(1).strip().lower().replace(" ", "")
            label = {"λ": "lambda", "μ": "mu", "σ": "sigma", "θ": "theta", "σ^2": "sigma^2",
                     "variance": "sigma^2", "var": "sigma^2", "sigma2": "sigma^2",
                     "σ²": "sigma^2", "sigma²": "sigma^2", "s^2": "sigma^2",
                     "β_0": "a", "β_1": "b", "beta_0": "a", "beta_1": "b",
                     "b_0": "a", "b_1": "b", "β₀": "a", "β₁": "b", "b₀": "a", "b₁": "b",
                     "intercept": "a", "b0": "a", "beta0": "a", "β0": "a",
                     "slope": "b", "b1": "b", "beta1": "b", "β1": "b"}.get(label, label)
            label = label.removesuffix("hat").removesuffix("_")
            out[label] = m.group(2).strip()
        elif len(keys) == 1 and keys[0] not in out:
            out[keys[0]] = piece
        else:
            raise InputError(f"label each estimate, e.g. {keys[0]} = ...", name="answer")
    return out


def same_estimate(want: Any, got: Any) -> tuple[bool, str]:
    """Two estimates over a symbolic sample agree: exactly, or at valid sample statistics
    (n >= 2, Σxᵢ² >= (Σxᵢ)²/n, positive sums where the family needs them)."""
    from sympy import Abs, Rational, Symbol, cancel, expand

    try:
        if cancel(expand(want - got)) == 0:
            return True, ""
    except Exception:  # pragma: no cover - cancel refuses some expressions
        pass
    syms = {s.name: s for s in want.free_symbols | got.free_symbols}
    unknown = set(syms) - {"n", "S1", "S2", "m"}
    if unknown:
        return False, f"{', '.join(sorted(unknown))} is not a statistic of the sample"
    n, s1, s2 = Symbol("n", positive=True), Symbol("S1", real=True), Symbol("S2", positive=True)
    for nv, s1v, extra in ((3, Rational(13, 10), 2), (5, Rational(47, 10), Rational(7, 3)),
                           (8, Rational(21, 10), 5)):
        pt = {n: nv, s1: s1v, s2: s1v**2 / nv + extra, Symbol("m", positive=True): 10}
        a, b = want.xreplace(pt).evalf(30), got.xreplace(pt).evalf(30)
        if not (a.is_number and b.is_number) or Abs(a - b) > 10**-20 * max(1, Abs(a)):
            return False, f"they differ at n = {nv}, Σxᵢ = {s1v}"
    return True, ""


def _has_sum(e: Any) -> bool:
    from sympy import Sum

    return bool(e.free_symbols) or e.has(Sum)


def _check_mle(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from symbolic_mlmath.stats.answers_inference import judge_number

    result = dict(d.result)
    if "sigma" in result:
        result["sigma^2"] = result["sigma"] ** 2
    elif "sigma^2" in result:
        from sympy import sqrt

        from symbolic_mlmath.stats.formulas import exact_sqrt

        v = result["sigma^2"]
        result["sigma"] = exact_sqrt(v) if v.is_Rational else sqrt(v)
    given = _labelled(answer, list(d.result))
    lines, wrong = [], []
    slips = _mle_slips(d, result)
    same = _same_symbolic
    if d.title.endswith("linear regression"):
        def same(want: Any, text: str) -> tuple[bool, str]:
            from symbolic_mlmath.stats.mle_regression import same_regression_estimate

            return same_regression_estimate(want, text, others=d.result)
    for key, text in given.items():
        if key not in result:
            raise InputError(f"unknown parameter '{key}'; estimate {', '.join(d.result)}",
                             name="answer")
        want = result[key]
        if _has_sum(want):
            ok, note = same(want, text)
        else:
            ok, note = judge_number(want, text)
        if ok:
            lines.append(f"{key}: {text} is right")
            continue
        wrong.append(key)
        lines.append(f"{key}: {text} is not right" + (f"; {note}" if note else ""))
        for what, value in slips.get(key, ()):
            try:
                hit = (same(value, text)[0]
                       if _has_sum(value)
                       else judge_number(value, text)[0])
            except InputError:
                hit = False
            if hit:
                lines.append(f"{key} looks like {what}")
                break
    ok = not wrong
    return Verdict(ok, "exact", ("Correct: " if ok else "Not correct: ") + "; ".join(lines) + ".",
                   expected=d.result, got=answer, details=tuple(lines))


def _same_symbolic(want: Any, text: str) -> tuple[bool, str]:
    return same_estimate(_plain(want), read_estimate(text))


def _mle_slips(d: Any, result: dict) -> dict:
    from sympy import sqrt

    fam = d.title.split(": ")[-1]
    out: dict[str, list] = {}
    if fam == "normal" and "sigma" in result and "mu" in result:
        n = d.steps[0].given["n"]
        var = result["sigma"] ** 2
        s2 = var * n / (n - 1)
        out["sigma"] = [("the sample standard deviation with n - 1 (the MLE divides by n)",
                         sqrt(s2)), ("the variance, not the standard deviation", var)]
        out["sigma^2"] = [("the sample variance with n - 1 (the MLE divides by n)", s2),
                          ("the standard deviation, not the variance", result["sigma"])]
    if fam == "linear regression" and "sigma^2" in result:
        n = d.steps[0].given["n"]
        s2 = result["sigma^2"] * n / (n - 2)
        out["sigma^2"] = [("the residual variance with n - 2 (the MLE divides by n)", s2),
                          ("the standard deviation, not the variance", result["sigma"])]
        out["sigma"] = [("the residual standard deviation with n - 2 (the MLE divides by n)",
                         sqrt(s2)), ("the variance, not the standard deviation",
                                     result["sigma^2"])]
        out["a"] = [("the slope: a is the intercept", result["b"])]
        out["b"] = [("the intercept: b is the slope", result["a"])]
    if fam in ("exponential", "geometric"):
        key = "lambda" if fam == "exponential" else "p"
        if key in result:
            out[key] = [("the sample mean, not its reciprocal", 1 / result[key])]
    if fam in ("poisson", "bernoulli") and result:
        key = next(iter(result))
        out[key] = [("the reciprocal of the sample mean", 1 / result[key])]
    return out


def _mle(distribution: Any, data: Any = None, n: Any = None, known: Any = None,
         x: Any = None, y: Any = None) -> Any:
    from symbolic_mlmath.stats.mle import derive_mle

    return derive_mle(distribution, data, n=n, known=_mapping(known), x=x, y=y)


def _mapping(value: Any) -> Any:
    if value is None or isinstance(value, dict):
        return value
    from symbolic_mlmath.stats.data import read_mapping

    return read_mapping(value, name="known")


_MLE_ANSWERS = """\
each estimate labelled: p = 0.7, lambda = 2, mu = 5, sigma = 2 (or sigma^2 = 4), theta = 2.5
with data: numbers or exact fractions, right when the exact value rounded to the places written
symbolic sample: xbar, sum(x_i)/n, n/sum(x_i), sqrt(sum(x_i^2)/n - xbar^2)
linear_regression: a = intercept, b = slope, sigma^2 = RSS/n (also intercept =, slope =, sigma =);
  without x and y: sum(x_i y_i), sum(x_i^2), sum(y_i^2), sum(x_i), sum(y_i), xbar, ybar, n, b
slips named: n - 1 (or n - 2) instead of n, the variance for the SD, 1/xbar for xbar, a and b swapped"""

BAYES_TASKS.append(Task(
    "mle", "Maximum likelihood by calculus: likelihood, log-likelihood, score, root, second "
    "derivative (or Hessian); Uniform(0, θ) on the boundary; linear regression = least "
    "squares under Gaussian noise",
    (Input("distribution", "raw", "bernoulli, binomial, poisson, geometric, exponential, "
           "normal, uniform, or linear_regression (with x and y)"),
     Input("data", "raw", "the observations (omit for a symbolic sample x_1..x_n)",
           required=False),
     Input("n", "number", "sample size of a symbolic sample", required=False),
     Input("known", "raw", "known parameters, e.g. {n: 10} (binomial), {sigma: 2}",
           required=False),
     Input("x", "raw", "linear_regression: the predictor values (omit x and y for a "
           "symbolic sample of n pairs)", required=False),
     Input("y", "raw", "linear_regression: the responses (answer a = intercept, b = slope, "
           "sigma^2)", required=False)),
    _mle, _check_mle, topic="c3w3-mle", answers=_MLE_ANSWERS))


# ------------------------------------------------------------------ posterior and MAP
def _is_table(value: Any) -> bool:
    if isinstance(value, dict):
        return True
    return isinstance(value, str) and ":" in value and "(" not in value.split(":")[0]


def _posterior(prior: Any, likelihood: Any, data: Any = None, known: Any = None) -> Any:
    from symbolic_mlmath.stats.conjugate import derive_discrete_posterior, derive_posterior
    from symbolic_mlmath.stats.data import read_mapping

    if _is_table(prior):
        return derive_discrete_posterior(read_mapping(prior, name="prior"),
                                         read_mapping(likelihood, name="likelihood"))
    return derive_posterior(prior, likelihood, data, known=_mapping(known))


_POST_SPEC = (Part("mean", ("mean", "posterior mean", "E")),
              Part("mode", ("mode", "map", "posterior mode")),
              Part("median", ("median", "posterior median")))


def _check_posterior(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    r = d.result
    if "distribution" not in r:
        spec = tuple(Part(k, (k,)) for k in r)
        return judge(r, answer, spec)
    text = str(answer).strip()
    if re.match(r"^[A-Za-z]+\w*\s*\(", text) and not re.match(r"^\s*(mean|mode|median|map)\b",
                                                             text, re.IGNORECASE):
        from symbolic_mlmath.stats.answers_prob import compare_distribution
        from symbolic_mlmath.stats.distributions import parse_distribution

        return compare_distribution(parse_distribution(r["distribution"]), text)

    def slips() -> dict:
        return {"the posterior mode (MAP), not the mean": {"mean": r["mode"]},
                "the posterior mean, not the mode": {"mode": r["mean"]}}

    return judge(r, answer, _POST_SPEC, slips=slips)


_PRIOR_INPUTS = (
    Input("prior", "raw", "the prior: beta(a, b), gamma(k, theta), normal(mu0, tau), or a "
          "table {H1: 0.5, H2: 0.5}"),
    Input("likelihood", "raw", "bernoulli, binomial, poisson, exponential, geometric, normal "
          "(sigma known), or a table of P(data | H)"),
    Input("data", "raw", "the observations", required=False),
    Input("known", "raw", "known parameters, e.g. {sigma: 2} or {n: 10}", required=False))

BAYES_TASKS.append(Task(
    "posterior", "Posterior by recognising the kernel (Beta-Binomial, Gamma-Poisson, "
    "Normal-Normal) or over finitely many hypotheses", _PRIOR_INPUTS,
    _posterior, _check_posterior, topic="c3w3-bayesian",
    answers="the posterior distribution, e.g. beta(7, 4), gamma(8, 1/4) (shape, scale; or "
            "gamma(shape=8, rate=4)), normal(3/2, 1/2) (mean, standard deviation); or labelled "
            "summaries mean = 7/11, mode = 2/3, median = ...; over hypotheses {H1: 0.2, ...}"))


def _map(prior: Any = None, likelihood: Any = None, data: Any = None, known: Any = None,
         x: Any = None, y: Any = None, sigma: Any = None, tau: Any = None) -> Any:
    from symbolic_mlmath.core.errors import TaskError
    from symbolic_mlmath.core.steps import Derivation

    if x is not None or y is not None:
        from symbolic_mlmath.stats.ridge import derive_map_ridge

        if x is None or y is None or sigma is None or tau is None:
            raise TaskError("ridge MAP needs x, y, sigma (noise) and tau (prior sd)", name="x")
        return derive_map_ridge(x, y, sigma=sigma, tau=tau)
    if prior is None or likelihood is None:
        raise TaskError("give prior and likelihood (and data), or x, y, sigma and tau",
                        name="prior")
    d = _posterior(prior, likelihood, data, known)
    if "mode" not in d.result:
        best = max(d.result, key=lambda k: d.result[k])
        return Derivation(d.title, d.goal, d.steps, {"hypothesis": best}, task="map_estimate")
    theta = d.steps[0].given["parameter"]
    return Derivation(d.title, d.goal, d.steps, {str(theta): d.result["mode"]},
                      task="map_estimate")


def _check_map(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    r = d.result
    if "weights" in r:
        spec = (Part("weights", ("w", "weights"), "vector"),
                *(Part(k, (k,)) for k in r if k.startswith("w") and k != "weights"),
                Part("lambda", ("lambda", "λ")))
        return judge(r, answer, spec)
    key = next(iter(r))
    if key == "hypothesis":
        ok = str(answer).strip() == r[key]
        return Verdict(ok, "structural", ("Correct" if ok else "Not correct") +
                       f": the most probable hypothesis is {r[key]}.", expected=r[key], got=answer)

    def slips() -> dict:
        mean = next(s for s in d.steps if s.rule.value == "posterior_summary").after[0]
        return {"the posterior mean (the MAP is the mode)": {key: mean}}

    return judge(r, answer, (Part(key, (key, "map", "mode")),), slips=slips)


BAYES_TASKS.append(Task(
    "map_estimate", "MAP estimate: the posterior mode; with a Gaussian prior on regression "
    "weights, ridge regression derived",
    (*(Input(i.name, i.kind, i.doc, required=False) for i in _PRIOR_INPUTS),
     Input("x", "value", "predictors (ridge MAP)", required=False),
     Input("y", "vector", "responses (ridge MAP)", required=False),
     Input("sigma", "number", "noise standard deviation (ridge MAP)", required=False),
     Input("tau", "number", "prior standard deviation of each weight (ridge MAP)",
           required=False)),
    _map, _check_map, topic="c3w3-bayesian"))

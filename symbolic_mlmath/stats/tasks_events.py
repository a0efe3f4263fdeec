"""The tasks of events, Bayes and random vectors (issue 14): inputs, engines, answer checks.

Examples
========
>>> from symbolic_mlmath.api import solve
>>> solve("probability", variables={"X1": "die(6)", "X2": "die(6)"}, event="X1 + X2 = 7").result
1/6
>>> solve("marginal", joint_pmf={"(0, 0)": "0.1", "(0, 1)": "0.2", "(1, 0)": "0.3",
...                              "(1, 1)": "0.4"}, variable="Y").result
{0: 2/5, 1: 3/5}
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.tasks import Input, Task, TaskList
from symbolic_mlmath.core.verdict import Verdict

__all__ = ["EVENT_TASKS"]

EVENT_TASKS = TaskList()
register = EVENT_TASKS.register

_DDOF = Input("ddof", "int", "1 for a sample (divide by n - 1, the default), 0 for a population",
              required=False)


# ------------------------------------------------------------------ probability and Bayes
_C3W1 = "c3w1-probability"


def _derive_probability(event: Any, variables: Any = None, given: Any = None,
                        probabilities: Any = None, independent: Any = None,
                        draws: Any = None, replacement: Any = None) -> Any:
    from .cards import derive_card_probability, is_card_space
    from .probability import derive_probability

    if is_card_space(variables):
        return derive_card_probability(event, draws, replacement, given)
    if draws is not None or replacement is not None:
        from symbolic_mlmath.core.errors import InputError

        raise InputError("draws and replacement are for cards (variables: cards)", name="draws")
    return derive_probability(variables, event, given, probabilities, independent)


def _solver(d: Any) -> Any:
    """P(event [| given]) on the same sample space as ``d`` (its value only)."""
    inputs = d.inputs
    if inputs.get("variables") == "cards":
        from .cards import derive_card_probability

        return lambda ev, given=None, independent=False: derive_card_probability(
            ev, inputs["draws"], inputs["replacement"], given).result

    from .probability import derive_probability

    def solve(ev: Any, given: Any = None, independent: Any = None) -> Any:
        return derive_probability(inputs.get("variables") or None, ev, given=given,
                                  probabilities=inputs.get("probabilities"),
                                  independent=inputs.get("independent") if independent is None
                                  else independent).result

    return solve


def _probability_slips(d: Any) -> dict:
    from sympy import And

    from .notation import Prob

    slips: dict[str, Any] = {"the complement, 1 - P (complement forgotten or used twice)":
                             1 - d.result}
    goal, solve = d.goal, _solver(d)
    if isinstance(goal, Prob) and len(goal.args) == 2:
        a, b = goal.args
        try:
            slips["P(A and B) instead of P(A | B): divide by P(B)"] = solve(And(a, b))
            slips["P(B | A) instead of P(A | B): the condition is swapped"] = solve(b, given=a)
        except Exception:  # the swapped form may not be computable from what is given
            pass
    if isinstance(goal, Prob) and len(goal.args) == 1 and isinstance(goal.args[0], And):
        try:
            from sympy import Mul

            parts = [solve(p, independent=False) for p in goal.args[0].args]
            slips["independence assumed: the probabilities were multiplied"] = Mul(*parts)
        except Exception:
            pass
    return slips


def _check_probability(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers_prob import check_number

    return check_number(d.result, answer, _probability_slips(d), **tol)


def _check_posterior(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers_prob import check_number
    from .data import read_mapping

    got = read_mapping(answer, name="answer") if not isinstance(answer, int | float) else None
    if not got:
        return Verdict(False, "structural", "Not correct: give a posterior for each of "
                       f"{', '.join(d.result)}, e.g. {{{next(iter(d.result))}: 0.5, ...}}.",
                       expected=d.result, got=answer)
    wrong = []
    for key, value in got.items():
        if key not in d.result:
            return Verdict(False, "structural", f"Not correct: unknown hypothesis {key!r}.",
                           expected=d.result, got=got)
        slips = {}
        lik = d.inputs.get("likelihood")
        if lik and key in lik:
            slips["the likelihood P(E | H), not the posterior P(H | E)"] = lik[key]
            slips["prior × likelihood without dividing by P(E)"] = (
                lik[key] * d.inputs["prior"][key])
        v = check_number(d.result[key], str(value), slips, **tol)
        if v.correct is not True:
            wrong.append(f"{key}: {v.feedback}")
    if wrong:
        return Verdict(False, "exact", "Not correct: " + " ".join(wrong), expected=d.result,
                       got=got, details=tuple(wrong))
    return Verdict(True, "exact", f"Correct: {', '.join(got)}.", expected=d.result, got=got)


def _derive_bayes(prior: Any, likelihood: Any, evidence: Any = None) -> Any:
    from .bayes import derive_bayes

    return derive_bayes(prior, likelihood, evidence)


def _derive_naive_bayes(prior: Any, likelihoods: Any, words: Any) -> Any:
    from .bayes import derive_naive_bayes

    return derive_naive_bayes(prior, likelihoods, words)


register(Task("probability", "P(event) on a sample space (dice, coins, cards, named "
              "distributions) or from given probabilities, with the complement, addition, product and "
              "conditional rules named",
              (Input("event", "raw", "the event, e.g. X1 + X2 = 7, X > 2, A and B, A given B"),
               Input("variables", "raw", 'the variables, e.g. {"X1": "die(6)", "X2": "die(6)"}, '
                     "or cards (events: heart, king, ace1, both aces)", required=False),
               Input("given", "raw", "a condition, e.g. X1 = 3", required=False),
               Input("probabilities", "raw", 'known probabilities, e.g. {"A": 0.3, "A and B": '
                     "0.1}", required=False),
               Input("independent", "bool", "treat the named events as independent",
                     required=False),
               Input("draws", "int", "cards: how many are drawn (default 1)", required=False),
               Input("replacement", "bool", "cards: drawn with replacement (default false)",
                     required=False)),
              _derive_probability, _check_probability, topic=_C3W1))
register(Task("bayes", "Posterior P(H | E) = P(E | H) P(H) / P(E), P(E) by total probability",
              (Input("prior", "raw", 'P(H) per hypothesis, e.g. {"sick": 0.01, "healthy": 0.99}'),
               Input("likelihood", "raw", "P(E | H) per hypothesis"),
               Input("evidence", "text", "a name for the evidence (default E)", required=False)),
              _derive_bayes, _check_posterior, topic=_C3W1))
register(Task("naive_bayes", "Naive Bayes: per class, prior times the product of word "
              "likelihoods, normalised (log space for many words)",
              (Input("prior", "raw", 'P(class), e.g. {"spam": 0.4, "ham": 0.6}'),
               Input("likelihoods", "raw", 'word -> class -> P(word | class), e.g. {"free": '
                     '{"spam": 0.3, "ham": 0.05}}'),
               Input("words", "raw", "the words of the message, e.g. [free, meeting]")),
              _derive_naive_bayes, _check_posterior, topic=_C3W1))


# ------------------------------------------------------------------ random vectors
_C3W2V = "c3w2-random-vectors"
_JOINT = Input("joint_pmf", "raw", 'the joint PMF, e.g. {"(0, 0)": 0.1, "(0, 1)": 0.2, ...} or '
               "{x: {y: p}}", required=False)


def _derive_pair_moment(which: str) -> Any:
    def derive(joint_pmf: Any = None, x: Any = None, y: Any = None, data: Any = None,
               ddof: Any = None) -> Any:
        from symbolic_mlmath.core.errors import TaskError

        from . import vectors

        if joint_pmf is not None:
            return vectors.derive_joint_moment(joint_pmf, which)
        if x is not None and y is not None:
            return vectors.derive_data_covariance(x, y, which, ddof)
        if data is not None and which == "covariance":
            return vectors.derive_covariance_matrix(data, ddof)
        raise TaskError(f"task {which} needs joint_pmf, or x and y"
                        + (", or data (rows)" if which == "covariance" else ""), name="input")

    return derive


def _pair_slips(d: Any) -> dict:
    from sympy import sqrt

    slips: dict[str, Any] = {}
    if d.task == "covariance" and "ddof" in d.inputs and d.steps[0].given.get("sxy") is not None:
        g = d.steps[0].given
        n = g["divisor"] + d.inputs["ddof"]
        other = n if d.inputs["ddof"] == 1 else n - 1
        slips["the wrong divisor (n versus n - 1)"] = g["sxy"] / other
    if d.task == "correlation" and d.steps[-1].given.get("sxy") is not None:
        g = d.steps[-1].given
        slips["r squared"] = d.result**2
        slips["the covariance, not divided by the standard deviations"] = g["sxy"]
        del sqrt
    return slips


def _check_pair(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from sympy import MatrixBase

    from symbolic_mlmath.core.answers import compare

    from .answers_prob import check_number

    if isinstance(d.result, MatrixBase):
        from symbolic_mlmath.text import parse_matrix

        return compare(d.result, parse_matrix(answer, name="answer"))
    return check_number(d.result, answer, _pair_slips(d), **tol)


def _derive_marginal(joint_pmf: Any, variable: Any = None, given: Any = None) -> Any:
    from .vectors import derive_marginal

    return derive_marginal(joint_pmf, variable or "X", given)


def _check_marginal(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers_prob import check_number
    from .data import read_key, read_mapping

    got = read_mapping(answer, name="answer")
    wrong = []
    keys = {read_key(k, name="answer"): v for k, v in got.items()}
    missing = [k for k in d.result if k not in keys]
    for k, v in keys.items():
        if k not in d.result:
            wrong.append(f"{k} is not a value of the variable")
            continue
        verdict = check_number(d.result[k], str(v), **tol)
        if verdict.correct is not True:
            wrong.append(f"P = {k}: {verdict.feedback}")
    if missing:
        wrong.append(f"missing {', '.join(map(str, missing))}")
    if wrong:
        return Verdict(False, "exact", "Not correct: " + "; ".join(wrong), expected=d.result,
                       got=got, details=tuple(wrong))
    return Verdict(True, "exact", "Correct.", expected=d.result, got=got)


def _derive_mvn(mean: Any, cov: Any, x: Any) -> Any:
    from .vectors import derive_mvn_density

    return derive_mvn_density(mean, cov, x)


_PAIR_INPUTS = (_JOINT, Input("x", "raw", "data of the first variable", required=False),
                Input("y", "raw", "data of the second variable", required=False))
register(Task("covariance", "Cov(X, Y) = E[XY] - E[X]E[Y] from a joint PMF; the sample "
              "covariance of data (n - 1); the covariance matrix of data rows",
              (*_PAIR_INPUTS, Input("data", "raw", "data rows (one observation per row) for the "
                                    "covariance matrix", required=False), _DDOF),
              _derive_pair_moment("covariance"), _check_pair, topic=_C3W2V))
register(Task("correlation", "Correlation Cov(X, Y) / (SD X SD Y), from a joint PMF or data",
              _PAIR_INPUTS, _derive_pair_moment("correlation"), _check_pair, topic=_C3W2V))
register(Task("marginal", "Marginal PMF (add the joint table) or conditional PMF given a value; "
              "the independence test with the first failing cell",
              (Input("joint_pmf", "raw", _JOINT.doc),
               Input("variable", "text", "X (rows) or Y (columns)", required=False),
               Input("given", "raw", "a value of the other variable, for the conditional PMF",
                     required=False)),
              _derive_marginal, _check_marginal, topic=_C3W2V))
register(Task("mvn_density", "Multivariate normal density at a point (determinant and quadratic "
              "form shown)",
              (Input("mean", "vector", "the mean vector"), Input("cov", "matrix", "the covariance "
                                                                  "matrix"),
               Input("x", "vector", "the point")),
              _derive_mvn, None, topic=_C3W2V))


# ------------------------------------------------------------------ distributions as answers
_C3W3 = "c3w3-sampling"
_DIST_ANSWERS = ("a distribution with its parameters, e.g. normal(3, 5) (mean, standard "
                 "deviation), N(mu=3, variance=25), poisson(5), binomial(10, 0.3), gamma(2, 1/2) "
                 "(shape, scale) or gamma(shape=2, rate=2)")


def _derive_distribution_of(variables: Any, expression: Any) -> Any:
    from .combinations import derive_distribution_of

    return derive_distribution_of(variables, expression)


def _derive_sampling(distribution: Any, n: Any, statistic: Any = None) -> Any:
    from .combinations import derive_sampling_distribution

    return derive_sampling_distribution(distribution, n, statistic)


def _check_distribution(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from .answers_prob import compare_distribution
    from .combinations import as_distribution, combination_slips

    return compare_distribution(as_distribution(d.result), answer, combination_slips(d))


register(Task("distribution_of", "The distribution of a1 X1 + a2 X2 + ... + b for independent "
              "variables: mean and variance, then the family (normals combine linearly; "
              "Poisson, binomial, gamma and chi-square add)",
              (Input("variables", "raw", 'the variables, e.g. {"X": "normal(1, 3)", "Y": '
                     '"normal(2, 4)"}'),
               Input("expression", "expr", "the combination, e.g. X + Y, 2X - Y + 1")),
              _derive_distribution_of, _check_distribution, topic=_C3W3,
              aliases=("sum_distribution",), answers=_DIST_ANSWERS))
register(Task("sampling_distribution", "The distribution of the mean (or sum) of n independent "
              "draws: N(mu, sigma/sqrt(n)) exactly for a normal, approximately (central limit "
              "theorem) otherwise",
              (Input("distribution", "raw", 'the population, e.g. "normal(100, 15)"'),
               Input("n", "int", "the number of draws"),
               Input("statistic", "choice", "mean (default) or sum", required=False,
                     choices=("mean", "sum"))),
              _derive_sampling, _check_distribution, topic=_C3W3, answers=_DIST_ANSWERS))

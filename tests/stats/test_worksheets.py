"""Statistics worksheet generators: every key checked by an independent reference
(scipy.stats, numpy, statistics, fractions), never by our own engine; byte-identical per
seed; the numbers built to be nice (whole means, clean t and z)."""

from __future__ import annotations

import random
import re
import statistics
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

from symbolic_mlmath.core.problems import Level
from symbolic_mlmath.core.tasks import get_task
from symbolic_mlmath.stats.worksheets import GENERATORS

TASKS = ("pmf", "cdf", "expectation", "variance", "describe", "sample_mean", "sample_variance",
         "bayes", "t_test", "z_test", "ci_mean", "ci_proportion", "linear_regression", "mle",
         "two_sample_test", "std", "pdf", "quantile", "proportion_test", "margin_of_error",
         "sample_size", "covariance")
LEVELS = ("easy", "medium", "hard")
SEEDS = range(4)


def _data(text: str) -> list[Fraction]:
    return [Fraction(x) for x in re.split(r"[,\s\[\]]+", text) if x]


def _binom(dist: str) -> tuple[int, float]:
    m = re.fullmatch(r"binomial\((\d+), ([\d.]+)\)", dist)
    assert m, dist
    return int(m.group(1)), float(m.group(2))


def _cases() -> list:
    return [(t, lv, seed) for t in TASKS for lv in LEVELS for seed in SEEDS]


def _close(a: object, b: float, tol: float = 1e-9) -> bool:
    return abs(float(a) - float(b)) <= tol * max(1.0, abs(float(b)))


def test_every_required_task_has_a_generator() -> None:
    assert set(TASKS) <= set(GENERATORS)


@pytest.mark.parametrize(("task", "level", "seed"), _cases())
def test_byte_identical_per_seed(task: str, level: str, seed: int) -> None:
    g = GENERATORS[task]
    a = g.problem(random.Random(seed), Level(level))
    b = g.problem(random.Random(seed), Level(level))
    assert repr(a) == repr(b) and a.words == b.words


@pytest.mark.parametrize(("task", "level", "seed"), _cases())
def test_key_matches_an_independent_reference(task: str, level: str, seed: int) -> None:
    p = GENERATORS[task].problem(random.Random(seed), Level(level))
    r = get_task(task).solve(p.inputs).result
    i = p.inputs
    if task in ("pmf", "cdf"):
        n, q = _binom(i["distribution"])
        ref = (stats.binom.pmf if task == "pmf" else stats.binom.cdf)(int(i["x"]), n, q)
        assert _close(r, ref)
    elif task in ("expectation", "variance"):
        if i["distribution"] == "die(6)":
            a, sign, b = re.fullmatch(r"(-?\d+)X ([+-]) (\d+)", i["expr"]).groups()
            faces = [int(a) * k + (int(b) if sign == "+" else -int(b)) for k in range(1, 7)]
            ref = np.mean(faces) if task == "expectation" else np.var(faces)
        else:
            n, q = _binom(i["distribution"])
            ref = stats.binom.mean(n, q) if task == "expectation" else stats.binom.var(n, q)
            assert float(ref).is_integer() or task == "variance"
        assert _close(r, ref)
    elif task == "sample_mean":
        ref = statistics.mean(_data(i["data"]))
        assert r == ref and ref.denominator == 1
    elif task == "sample_variance":
        assert r == statistics.variance(_data(i["data"]))
    elif task == "describe":
        d = _data(i["data"])
        assert r["mean"] == statistics.mean(d) and statistics.mean(d).denominator == 1
        assert r["median"] == statistics.median(d)
        assert r["variance"] == statistics.variance(d)
    elif task == "bayes":
        prior = {k: Fraction(v) for k, v in i["prior"].items()}
        lik = {k: Fraction(v) for k, v in i["likelihood"].items()}
        z = sum(prior[k] * lik[k] for k in prior)
        assert {str(k): v for k, v in r.items()} == {k: prior[k] * lik[k] / z for k in prior}
    elif task == "t_test":
        d = [float(x) for x in _data(i["data"])]
        ref = stats.ttest_1samp(d, float(i["mu0"]))
        assert _close(r["statistic"], ref.statistic) and _close(r["p_value"], ref.pvalue, 1e-7)
        assert abs(2 * ref.statistic - round(2 * ref.statistic)) < 1e-9  # t is a half-integer
    elif task == "z_test":
        z = (float(i["xbar"]) - float(i["mu0"])) / (float(i["sigma"]) / float(i["n"]) ** 0.5)
        alt = i.get("alternative", "two-sided")
        ref = {"two-sided": 2 * stats.norm.sf(abs(z)), "greater": stats.norm.sf(z),
               "less": stats.norm.cdf(z)}[alt]
        assert _close(r["statistic"], z) and (2 * z).is_integer()
        assert _close(r["p_value"], ref, 1e-7)
    elif task == "ci_mean":
        conf = float(i.get("confidence", "0.95"))
        if "data" in i:
            d = [float(x) for x in _data(i["data"])]
            lo, hi = stats.t.interval(conf, len(d) - 1, loc=np.mean(d), scale=stats.sem(d))
        else:
            se = float(i["sigma"]) / float(i["n"]) ** 0.5
            lo, hi = stats.norm.interval(conf, loc=float(i["xbar"]), scale=se)
        assert _close(r["interval"][0], lo, 1e-8) and _close(r["interval"][1], hi, 1e-8)
    elif task == "ci_proportion":
        x, n, conf = int(i["x"]), int(i["n"]), float(i["confidence"])
        ph = x / n
        lo, hi = stats.norm.interval(conf, loc=ph, scale=(ph * (1 - ph) / n) ** 0.5)
        assert _close(r["interval"][0], lo, 1e-8) and _close(r["interval"][1], hi, 1e-8)
        var = Fraction(x, n) * (1 - Fraction(x, n)) / n  # SE is a short decimal
        assert round(float(var) ** 0.5 * 10**4) ** 2 == var * 10**8
    elif task == "linear_regression":
        x, y = _data(i["x"]), _data(i["y"])
        b1, b0 = np.polyfit([float(v) for v in x], [float(v) for v in y], 1)
        got = [float(c) for c in r["coefficients"]]
        assert _close(got[0], b0, 1e-8) and _close(got[1], b1, 1e-8)
        assert abs(b0 - round(b0)) < 1e-9 and abs(b1 - round(b1)) < 1e-9
    elif task == "two_sample_test":
        if i["test"] == "paired":
            ref = stats.ttest_rel([float(v) for v in _data(i["sample1"])],
                                  [float(v) for v in _data(i["sample2"])])
        else:
            a, b = ([float(v) for v in re.findall(r"[\d.]+", i[k])] for k in ("sample1", "sample2"))
            ref = stats.ttest_ind_from_stats(a[1], a[2], int(a[0]), b[1], b[2], int(b[0]))
        assert _close(r["statistic"], ref.statistic) and _close(r["p_value"], ref.pvalue, 1e-7)
        assert abs(2 * ref.statistic - round(2 * ref.statistic)) < 1e-9
    elif task == "std":
        n, q = _binom(i["distribution"])
        sd = stats.binom.std(n, q)
        assert _close(r, sd) and abs(sd - round(sd)) < 1e-9
    elif task in ("pdf", "quantile"):
        kind, a, b = re.fullmatch(r"(\w+)\((-?\d+)(?:, (-?\d+))?\)", i["distribution"]).groups()
        law = stats.uniform(int(a), int(b) - int(a)) if kind == "uniform" else \
            stats.expon(scale=1 / int(a))
        ref = law.pdf(float(i["x"])) if task == "pdf" else law.ppf(float(i["q"]))
        assert _close(r, ref)
    elif task == "proportion_test":
        x, n = int(i["x"]), int(i["n"])
        z = (x / n - 0.5) / (0.25 / n) ** 0.5
        assert _close(r["statistic"], z) and abs(2 * z - round(2 * z)) < 1e-9
        assert _close(r["p_value"], 2 * stats.norm.sf(abs(z)), 1e-7)
    elif task == "margin_of_error":
        c = float(i["confidence"])
        ref = stats.norm.ppf((1 + c) / 2) * float(i["sigma"]) / float(i["n"]) ** 0.5
        assert _close(r, ref, 1e-8)
    elif task == "sample_size":
        c = float(i["confidence"])
        ref = np.ceil((stats.norm.ppf((1 + c) / 2) * float(i["sigma"]) / float(i["margin"])) ** 2)
        assert int(r) == int(ref)
    elif task == "covariance":
        x, y = _data(i["x"]), _data(i["y"])
        assert _close(r, np.cov([float(v) for v in x], [float(v) for v in y])[0, 1])
        assert statistics.mean(x).denominator == 1 and statistics.mean(y).denominator == 1
    elif task == "mle":
        d = _data(i["data"])
        est = statistics.mean(d)
        ref = 1 / est if i["distribution"] == "exponential" else est
        (val,) = r.values()
        assert val == ref


def test_keys_read_as_a_learner_writes_them() -> None:
    from symbolic_mlmath.publish.worksheet import make_problem

    p = make_problem("t_test", "seed-1", Level("easy"))
    q = make_problem("t_test", "seed-1", Level("easy"))
    assert p.answer == q.answer and p.inputs == q.inputs
    assert re.fullmatch(r"t = -?\d+(\.\d{4})?, df = \d+, p = 0\.\d{4}, (reject|fail to reject) H0",
                        p.answer), p.answer
    c = make_problem("ci_proportion", "seed-2", Level("medium"))
    assert re.fullmatch(r"\(0\.\d{4}, [01]\.\d{4}\)", c.answer), c.answer

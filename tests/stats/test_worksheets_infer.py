"""Worksheet generators for inference (anova, regression_ci, prediction_interval, power,
ab_test, posterior, map_estimate): every key judged right by an independent reference
(scipy.stats, statsmodels, numerical integration and optimisation with scipy), the numbers
built nice (whole coefficients and s², clean F, z and noncentrality, whole posterior
parameters), byte-identical per seed, and the difficulty changing the problem."""

from __future__ import annotations

import random
import re
from fractions import Fraction

import numpy as np
import pytest
import statsmodels.api as sm
from scipy import integrate, optimize, stats
from statsmodels.stats.proportion import proportions_ztest

from symbolic_mlmath.core.problems import Level
from symbolic_mlmath.core.tasks import get_task
from symbolic_mlmath.stats.worksheets import GENERATORS

TASKS = ("anova", "regression_ci", "prediction_interval", "power", "ab_test", "posterior",
         "map_estimate")
LEVELS = ("easy", "medium", "hard")
SEEDS = range(5)
CASES = [(t, lv, s) for t in TASKS for lv in LEVELS for s in SEEDS]


def _problem(task: str, level: str, seed: int, size: int | None = None):
    return GENERATORS[task].problem(random.Random(seed), Level(level, size))


def _nums(text: str) -> list[float]:
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", text)]


def _close(a: object, b: float, tol: float = 1e-8) -> bool:
    return abs(float(a) - float(b)) <= tol * max(1.0, abs(float(b)))


def _fields(text: str) -> dict[str, float]:
    return {k: float(v) for k, v in re.findall(r"(\w+): (-?[\d.]+)", text)}


def _ols(i: dict):
    x, y = np.array(_nums(i["x"])), np.array(_nums(i["y"]))
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    assert np.allclose(fit.params, np.round(fit.params), atol=1e-9)  # whole b0, b1
    s2 = fit.ssr / fit.df_resid
    assert abs(s2 - round(s2)) < 1e-9 and float(np.mean(x)).is_integer()  # whole s², x̄
    return fit


def _anova(i: dict, r: dict) -> None:
    if "{" in i["groups"]:  # summaries: n, mean, variance
        g = [_fields(part) for part in re.findall(r"\{[^}]*\}", i["groups"])]
        n = np.array([v["n"] for v in g])
        m = np.array([v["mean"] for v in g])
        var = np.array([v["variance"] for v in g])
        grand = n @ m / n.sum()
        ssb, ssw = n @ (m - grand) ** 2, (n - 1) @ var
        dfb, dfw = len(g) - 1, n.sum() - len(g)
        f = (ssb / dfb) / (ssw / dfw)
        p = stats.f.sf(f, dfb, dfw)
    else:
        groups = [_nums(part) for part in re.findall(r"\[([^\[\]]*)\]", i["groups"])]
        assert all(float(np.mean(g)).is_integer() for g in groups)
        f, p = stats.f_oneway(*groups)
    assert _close(r["F"], f) and _close(r["p_value"], p, 1e-7)
    assert Fraction(str(r["F"])).denominator <= 16  # F a small fraction
    assert r["decision"] == ("reject" if p < 0.05 else "fail_to_reject")


def _power(i: dict, r: dict) -> None:
    n, sigma = float(i["n"]), float(i["sigma"])
    d = (float(i["mu1"]) - float(i["mu0"])) / (sigma / n**0.5)
    assert (2 * d).is_integer()  # a half-integer number of standard errors
    alt = i.get("alternative", "two-sided")
    if i.get("test") == "t":
        df = n - 1
        law, crit = stats.nct(df, d), (stats.t.ppf(0.975, df) if alt == "two-sided"
                                       else stats.t.ppf(0.95, df))
    else:
        law, crit = stats.norm(d), (stats.norm.ppf(0.975) if alt == "two-sided"
                                    else stats.norm.ppf(0.95))
    want = {"two-sided": law.sf(crit) + law.cdf(-crit), "greater": law.sf(crit),
            "less": law.cdf(-crit)}[alt]
    assert _close(r["power"], want, 1e-7) and _close(r["beta"], 1 - want, 1e-7)


def _ab(i: dict, r: dict) -> None:
    c, v = _fields(i["control"]), _fields(i["variation"])
    if "x" in c:
        z, p = proportions_ztest([v["x"], c["x"]], [v["n"], c["n"]])
        lift = (v["x"] / v["n"]) / (c["x"] / c["n"]) - 1
        assert (2 * z).is_integer() or abs(2 * z - round(2 * z)) < 1e-9
    else:
        z, p = stats.ttest_ind_from_stats(v["mean"], v["s"], int(v["n"]), c["mean"], c["s"],
                                          int(c["n"]), equal_var=False)
        lift = v["mean"] / c["mean"] - 1
        assert abs(2 * z - round(2 * z)) < 1e-9
    assert _close(r["statistic"], z) and _close(r["p_value"], p, 1e-7)
    assert _close(r["lift"], lift)


def _law(i: dict):
    """The prior's density, the log-likelihood and the parameter's range, from scipy."""
    kind, *par = re.fullmatch(r"(\w+)\(([^,]+), ([^)]+)\)", i["prior"]).groups()
    a, b = (float(Fraction(v)) for v in par)
    data = np.array(_nums(i["data"]))
    if kind == "beta":
        return stats.beta(a, b), lambda t: stats.bernoulli.logpmf(data, t).sum(), (0, 1)
    if kind == "gamma":
        return (stats.gamma(a, scale=b), lambda t: stats.poisson.logpmf(data, t).sum(),
                (0, 60))
    sigma = _fields(i["known"])["sigma"]
    return (stats.norm(a, b), lambda t: stats.norm.logpdf(data, t, sigma).sum(),
            (a - 10 * b, a + 10 * b + data.mean()))


def _posterior(i: dict, r: dict) -> None:
    prior, loglik, (lo, hi) = _law(i)
    top = max(loglik(t) for t in np.linspace(lo + 1e-6, hi - 1e-6, 801))
    dens = lambda t: prior.pdf(t) * np.exp(loglik(t) - top)  # noqa: E731
    z = integrate.quad(dens, lo, hi, limit=200)[0]
    mean = integrate.quad(lambda t: t * dens(t), lo, hi, limit=200)[0] / z
    assert _close(r["mean"], mean, 1e-6)
    params = [Fraction(str(v)) for v in r["parameters"]]
    if i["prior"].startswith("normal"):
        assert params[1] in (1, Fraction(1, 2)) and params[0].denominator <= 16  # sd 1 or 1/2
    else:
        assert params[0].denominator == 1 and (params[1].denominator == 1
                                               or params[1].numerator == 1)


def _ridge(i: dict, r: dict) -> None:
    """Ridge MAP as least squares on the data stacked with √λ I (λ = σ²/τ²)."""
    x, y = np.array(_nums(i["x"])), np.array(_nums(i["y"]))
    X = np.column_stack([np.ones_like(x), x])
    lam = (float(i["sigma"]) / float(i["tau"])) ** 2
    A = np.vstack([X, np.sqrt(lam) * np.eye(2)])
    want = np.linalg.lstsq(A, np.concatenate([y, np.zeros(2)]), rcond=None)[0]
    got = np.array([float(v) for v in r["weights"]])
    assert np.allclose(got, want, atol=1e-9) and np.allclose(want, np.round(want), atol=1e-9)


def _map(i: dict, r: dict) -> None:
    if "x" in i:
        _ridge(i, r)
        return
    prior, loglik, (lo, hi) = _law(i)
    res = optimize.minimize_scalar(lambda t: -(prior.logpdf(t) + loglik(t)),
                                   bounds=(lo + 1e-9, hi - 1e-9), method="bounded",
                                   options={"xatol": 1e-10})
    (got,) = r.values()
    assert abs(float(got) - res.x) < 1e-6
    assert Fraction(str(got)).denominator <= 30


def _check(task: str, i: dict, r: dict) -> None:
    if task == "anova":
        _anova(i, r)
    elif task == "regression_ci":
        fit = _ols(i)
        ci = fit.conf_int(1 - float(i["confidence"]))
        for k, row in zip(("b0", "b1"), ci, strict=True):
            assert _close(r[k][0], row[0]) and _close(r[k][1], row[1])
    elif task == "prediction_interval":
        fit = _ols(i)
        frame = fit.get_prediction(np.array([[1.0, float(i["x_new"])]])).summary_frame(
            alpha=1 - float(i["confidence"]))
        assert _close(r["fit"], frame["mean"][0]) and float(r["fit"]).is_integer()
        assert _close(r["mean_interval"][0], frame["mean_ci_lower"][0])
        assert _close(r["mean_interval"][1], frame["mean_ci_upper"][0])
        assert _close(r["prediction"][0], frame["obs_ci_lower"][0])
        assert _close(r["prediction"][1], frame["obs_ci_upper"][0])
    elif task == "power":
        _power(i, r)
    elif task == "ab_test":
        _ab(i, r)
    elif task == "posterior":
        _posterior(i, r)
    elif task == "map_estimate":
        _map(i, r)
    else:  # pragma: no cover
        raise AssertionError(task)


@pytest.mark.parametrize(("task", "level", "seed"), CASES)
def test_key_matches_an_independent_reference(task: str, level: str, seed: int) -> None:
    p = _problem(task, level, seed)
    _check(task, p.inputs, get_task(task).solve(p.inputs).result)


@pytest.mark.parametrize(("task", "level", "seed"), CASES)
def test_byte_identical_per_seed(task: str, level: str, seed: int) -> None:
    a, b = _problem(task, level, seed), _problem(task, level, seed)
    assert repr(a) == repr(b) and a.words == b.words


@pytest.mark.parametrize("task", TASKS)
def test_difficulty_changes_the_problem(task: str) -> None:
    for seed in SEEDS:
        assert _problem(task, "easy", seed).inputs != _problem(task, "hard", seed).inputs


@pytest.mark.parametrize(("task", "size", "probe"), [
    ("anova", 7, lambda i: i["groups"].count(",") + 1 >= 3 * 7),
    ("regression_ci", 8, lambda i: len(_nums(i["x"])) == 8),
    ("prediction_interval", 4, lambda i: len(_nums(i["x"])) == 4),
    ("posterior", 12, lambda i: len(_nums(i["data"])) == 12),
    ("map_estimate", 5, lambda i: len(_nums(i["data"])) == 5),
])
def test_size_sets_the_number_of_data(task: str, size: int, probe) -> None:
    for seed in range(3):
        p = _problem(task, "easy", seed, size)
        assert probe(p.inputs), p.inputs
        _check(task, p.inputs, get_task(task).solve(p.inputs).result)


def test_keys_read_as_a_learner_writes_them() -> None:
    from symbolic_mlmath.publish.worksheet import make_problem

    a = make_problem("anova", "seed-1", Level("easy"))
    assert re.fullmatch(r"F = [\d.]+, df_between = \d+, df_within = \d+, p = 0\.\d{4}, "
                        r"(reject|fail to reject) H0", a.answer), a.answer
    ab = make_problem("ab_test", "seed-1", Level("medium"))
    assert re.fullmatch(r"z = -?[\d.]+, p = [01]\.\d{4}, (reject|fail to reject) H0, "
                        r"lift = -?\d\.\d{4}", ab.answer), ab.answer
    ridge = [p for p in (GENERATORS["map_estimate"].problem(random.Random(s), Level("hard"))
                         for s in range(12)) if "x" in p.inputs]
    assert len(ridge) >= 2  # the hard sheet has ridge problems
    post = make_problem("posterior", "seed-3", Level("easy"))
    assert re.fullmatch(r"beta\(\d+, \d+\)", post.answer), post.answer
    assert make_problem("posterior", "seed-3", Level("easy")).answer == post.answer

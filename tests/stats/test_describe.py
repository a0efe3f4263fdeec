"""describe, sample_mean and sample_variance: exact values against numpy/scipy/statistics."""

from __future__ import annotations

import random
import statistics
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Rational, sqrt

from symbolic_mlmath.api import check, solve
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.stats.data import read_data
from symbolic_mlmath.stats.summary import QUANTILE_METHODS, Summary

np = pytest.importorskip("numpy")
scipy_stats = pytest.importorskip("scipy.stats", reason="scipy is the test-only reference")
R = Rational


def test_small_example_every_value():
    d = solve("describe", data="2 4 4 4 5 5 7 9")
    d.validate()
    r = d.result
    assert (r["n"], r["mean"], r["median"], r["mode"]) == (8, 5, R(9, 2), (4,))
    assert (r["variance"], r["std"]) == (R(32, 7), 4 * sqrt(14) / 7)
    assert (r["min"], r["q1"], r["q3"], r["max"], r["iqr"]) == (2, 4, R(11, 2), 9, R(3, 2))
    assert (r["skewness"], r["kurtosis"]) == (R(21, 32), R(-7, 32))
    assert r["lag1_autocorrelation"] == R(13, 32)


def test_decimals_are_exact():
    r = solve("describe", data="0.1 0.2 0.3 0.4").result
    assert r["mean"] == R(1, 4) and r["variance"] == R(1, 60)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False,
                            allow_infinity=False), min_size=3, max_size=40))
def test_against_statistics_numpy_scipy(values):
    xs = [str(v) for v in values]
    fr = [Fraction(x) for x in xs]
    r = solve("describe", data=" ".join(xs)).result
    assert r["mean"] == R(statistics.mean(fr)) and r["median"] == R(statistics.median(fr))
    assert r["variance"] == R(statistics.variance(fr))
    fl = [float(x) for x in xs]
    if statistics.pvariance(fr) > 0:
        assert abs(float(r["skewness"]) - scipy_stats.skew(fl)) < 1e-8 * max(1, abs(scipy_stats.skew(fl)))
        assert abs(float(r["kurtosis"]) - scipy_stats.kurtosis(fl)) < 1e-8 * max(
            1, abs(scipy_stats.kurtosis(fl)))
    assert abs(float(r["q1"]) - np.quantile(fl, 0.25)) < 1e-9 * max(1, abs(np.quantile(fl, 0.25)))


@pytest.mark.parametrize("method", QUANTILE_METHODS)
def test_every_quantile_method_matches_numpy(method):
    rng = random.Random(7)
    for _ in range(40):
        xs = [rng.randint(-20, 20) for _ in range(rng.randint(1, 11))]
        s = Summary(read_data(xs))
        for q in (0, 0.1, 0.25, 0.5, 0.75, 0.9, 1, 0.125, 0.375):
            assert float(s.quantile(q, method)) == pytest.approx(np.quantile(xs, q, method=method))


def test_method_is_named_in_steps_and_aliases_work():
    d = solve("describe", data="1 2 3 4 5 6", quantile_method="exclusive")
    assert d.inputs["quantile_method"] == "weibull"
    assert any(s.rule.value == "data_quantile" and str(s.given["method"]) == "weibull"
               for s in d.steps)
    with pytest.raises(InputError, match="quantile method"):
        solve("describe", data="1 2 3", quantile_method="magic")


def test_large_data_exact_and_shown_by_sums():
    rng = random.Random(1)
    xs = [f"{rng.uniform(0, 1000):.4f}" for _ in range(3000)]
    d = solve("describe", data=xs)
    assert d.result["mean"] == R(statistics.mean(Fraction(x) for x in xs))
    assert "3000 values" in str(d.goal)
    d.validate()


def test_sample_tasks_and_checks():
    assert solve("sample_mean", data=[0.1, 0.2, 0.3]).result == R(1, 5)
    v = solve("sample_variance", data="1.5 2.5 4")
    v.validate()
    assert v.result == R(19, 12)
    assert "n instead of n - 1" in check("sample_variance", answer="19/18", data="1.5 2.5 4").feedback
    c = check("describe", answer="{mean: 5, median: 4}", data="2 4 4 4 5 5 7 9")
    assert c.correct is False and "median" in c.feedback


def test_one_value_cannot_have_a_sample_variance():
    with pytest.raises(InputError, match="at least 2"):
        solve("sample_variance", data="3")

"""Power and sample size of a t test through the noncentral t law: references are
scipy.stats.nct and statsmodels' TTestPower (>= 10 significant digits); the smallest n is
confirmed with scipy (n - 1 falls short); tampered searches are caught by validate()."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Integer, Rational, Tuple

import symbolic_mlmath as sm
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import Derivation, DerivationError, Step
from symbolic_mlmath.stats.critical import noncentral_t_cdf
from symbolic_mlmath.stats.power_t import derive_t_sample_size, nct_cdf, t_power

stats = pytest.importorskip("scipy.stats")
power_mod = pytest.importorskip("statsmodels.stats.power")


def _digits(value, ref) -> float:
    err = abs(float(value) - ref)
    return 99.0 if err == 0 else -math.log10(err / abs(ref))


@pytest.mark.parametrize(("x", "df", "delta"), [
    (2, 10, 0), (1.7, 33, 2.9), (2.03, 34, -1.5), (-2.0, 5, 1.0), (1.3, 200, 4.0),
    (0.5, 3, 0.25), (-1.1, 60, -2.2), (2.5, 1, 3.0), (4.0, 12, 6.5),
])
def test_cdf_matches_scipy_nct(x, df, delta):
    assert _digits(nct_cdf(x, df, delta), stats.nct.cdf(x, df, delta)) >= 10


@pytest.mark.parametrize(("x", "df", "delta"), [(1.7, 33, 2.9), (-2.0, 5, 1.0)])
def test_series_equals_the_integral(x, df, delta):
    from sympy import Float

    a = nct_cdf(Float(x, 30), df, delta)
    b = noncentral_t_cdf(Float(x, 30), df, delta)
    assert abs(a - b) < 1e-25


@pytest.mark.parametrize(("n", "effect", "alt", "sm_alt"), [
    (20, 0.5, "two-sided", "two-sided"), (36, Rational(1, 3), "greater", "larger"),
    (8, 1.2, "two-sided", "two-sided"), (50, 0.25, "greater", "larger"),
])
def test_power_matches_statsmodels(n, effect, alt, sm_alt):
    ref = power_mod.TTestPower().power(effect_size=float(effect), nobs=n, alpha=0.05,
                                       alternative=sm_alt)
    _c, _d, pw = t_power(n, Rational(str(effect)), Rational(1, 20), alt)
    assert _digits(pw, ref) >= 10
    r = sm.solve("power", n=n, effect=str(effect), test="t", alternative=alt).result
    assert _digits(r["power"], ref) >= 10


def _scipy_power(n, d, alt, alpha=0.05):
    df = n - 1
    if alt == "two-sided":
        c = stats.t.isf(alpha / 2, df)
        law = stats.nct(df, d * math.sqrt(n))
        return law.sf(c) + law.cdf(-c)
    return stats.nct(df, d * math.sqrt(n)).sf(stats.t.isf(alpha, df))


@pytest.mark.parametrize(("power", "effect", "alt", "sm_alt", "want"), [
    ("0.8", "0.5", "two-sided", "two-sided", 34), ("0.9", "0.3", "two-sided", "two-sided", 119),
    ("0.8", "1.5", "two-sided", "two-sided", 6), ("0.8", "0.5", "greater", "larger", 27),
    ("0.95", "0.25", "greater", "larger", 175),
])
def test_sample_size_matches_statsmodels(power, effect, alt, sm_alt, want):
    ref = power_mod.TTestPower().solve_power(effect_size=float(effect), alpha=0.05,
                                             power=float(power), alternative=sm_alt)
    assert want == math.ceil(ref)
    d = sm.solve("sample_size", power=power, effect=effect, test="t", alternative=alt)
    assert d.result == want
    assert _scipy_power(want, float(effect), alt) >= float(power)
    assert _scipy_power(want - 1, float(effect), alt) < float(power)


@settings(max_examples=8, deadline=None)
@given(st.integers(3, 20), st.integers(10, 19), st.sampled_from(["two-sided", "greater"]))
def test_smallest_n_reaching_the_power(effect10, power20, alt):
    d, target = effect10 / 10, power20 / 20
    n = derive_t_sample_size(power=Rational(power20, 20), effect=Rational(effect10, 10),
                             alternative=alt).result
    hi, lo = _scipy_power(int(n), d, alt), _scipy_power(int(n) - 1, d, alt)
    assert hi >= target - 1e-12
    assert n == 2 or lo < target + 1e-12


def _with_last(d, after=None, rows=None):
    s = d.steps[-1]
    g = dict(s.given)
    if rows is not None:
        g["rows"] = Tuple(*rows)
    last = Step(s.rule, s.before, s.after if after is None else after, g)
    return Derivation(d.title, d.goal, (*d.steps[:-1], last), d.result)


def test_validates_and_tampering_is_caught():
    d = derive_t_sample_size(power="0.8", effect="1.5", alpha="0.05").validate()
    rows = list(d.steps[-1].given["rows"])
    with pytest.raises(DerivationError, match="last n"):
        _with_last(d, after=Integer(7)).validate()
    with pytest.raises(DerivationError, match="smallest"):
        _with_last(d, rows=rows[-1:]).validate()
    n, df, c, dl, pw = rows[-1]
    with pytest.raises(DerivationError, match="power"):
        _with_last(d, rows=[*rows[:-1], Tuple(n, df, c, dl, pw + Rational(1, 10**6))]).validate()
    with pytest.raises(DerivationError, match="degrees of freedom"):
        _with_last(d, rows=[*rows[:-1], Tuple(n, df, c, dl * 2, pw)]).validate()


def test_rendering_and_checking():
    d = sm.solve("sample_size", power="0.8", effect="0.5", test="t")
    text = d.to_text()
    assert "noncentral t" in text and "n = 33" in text and "so n = 34" in text
    v = sm.check("sample_size", answer="32", power="0.8", effect="0.5", test="t")
    assert not v.correct and "z-test size" in v.feedback
    v = sm.check("sample_size", answer="33", power="0.8", effect="0.5", test="t")
    assert not v.correct and "0.795" in v.feedback
    assert sm.check("sample_size", answer="34", power="0.8", effect="0.5", test="t").correct


@pytest.mark.parametrize(("inputs", "message"), [
    ({"power": "0.04", "effect": "0.5"}, "exceed alpha"),
    ({"margin": "0.1", "sigma": 1}, "power and effect"),
    ({"power": "0.8"}, "both power and effect"),
    ({"power": "0.8", "effect": "0"}, "non-zero"),
])
def test_bad_input(inputs, message):
    with pytest.raises(InputError, match=message):
        sm.solve("sample_size", test="t", **inputs)


@pytest.mark.parametrize(("power", "effect", "alt", "sm_alt"), [
    ("0.8", "0.5", "two-sided", "two-sided"), ("0.9", "0.3", "greater", "larger"),
    ("0.8", "1.2", "two-sided", "two-sided"),
])
def test_two_sample_size_matches_statsmodels(power, effect, alt, sm_alt):
    ref = power_mod.TTestIndPower().solve_power(effect_size=float(effect), alpha=0.05,
                                                power=float(power), ratio=1, alternative=sm_alt)
    d = sm.solve("sample_size", power=power, effect=effect, test="t", samples=2, alternative=alt)
    assert d.result == math.ceil(ref)
    n = int(d.result)
    for m, short in ((n, False), (n - 1, True)):
        got = power_mod.TTestIndPower().power(effect_size=float(effect), nobs1=m, alpha=0.05,
                                              ratio=1, alternative=sm_alt)
        assert bool(got < float(power)) is short
    _c, _d, pw = t_power(n, Rational(effect), Rational(1, 20), alt, samples=2)
    ref_pw = power_mod.TTestIndPower().power(effect_size=float(effect), nobs1=n, alpha=0.05,
                                             ratio=1, alternative=sm_alt)
    assert _digits(pw, ref_pw) >= 10


def test_two_sample_rows_are_checked():
    d = derive_t_sample_size(power="0.8", effect="1.2", samples=2).validate()
    rows = list(d.steps[-1].given["rows"])
    n, _df, c, dl, pw = rows[-1]
    with pytest.raises(DerivationError, match="2n - 2"):
        _with_last(d, rows=[*rows[:-1], Tuple(n, n - 1, c, dl, pw)]).validate()
    with pytest.raises(InputError, match="test=t"):
        sm.solve("sample_size", power="0.8", effect="0.5", samples=2)

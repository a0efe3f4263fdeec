"""Distributions against scipy.stats (>= 14 significant digits), mpmath at 50 digits as judge.

scipy is a test-only reference. Where scipy and we differ by more than 1e-14 relative,
an independent 50-digit value (mpmath quadrature of the density, or a direct sum) decides,
and we must agree with it to 25 digits.
"""

from __future__ import annotations

import mpmath
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Integer, Rational, Symbol, oo

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.stats.distributions import Distribution, decimal, parse_distribution

scipy_stats = pytest.importorskip("scipy.stats", reason="scipy is the test-only reference")

R = Rational

# (text, scipy frozen distribution builder, points)
CASES = [
    ("binomial(10, 0.3)", lambda s: s.binom(10, 0.3), [0, 2, 3, 7, 10]),
    ("binomial(200, 0.05)", lambda s: s.binom(200, 0.05), [0, 5, 10, 30]),
    ("poisson(3.5)", lambda s: s.poisson(3.5), [0, 1, 3, 8, 20]),
    ("geometric(0.2)", lambda s: s.geom(0.2), [1, 2, 5, 30]),
    ("bernoulli(0.3)", lambda s: s.bernoulli(0.3), [0, 1]),
    ("uniform(2, 7)", lambda s: s.uniform(2, 5), [R(5, 2), 3, R(69, 10)]),
    ("normal(15, 5)", lambda s: s.norm(15, 5), [-5, 10, 20, R(473, 10), 60]),
    ("exponential(2)", lambda s: s.expon(scale=0.5), [R(1, 10), 1, 10]),
    ("chi2(3)", lambda s: s.chi2(3), [R(1, 10), 2, 7, 30]),
    ("chi2(10)", lambda s: s.chi2(10), [R(1, 2), 10, 25]),
    ("t(5)", lambda s: s.t(5), [-3, R(-1, 2), 0, 1, R(2571, 1000), 40]),
    ("t(1)", lambda s: s.t(1), [-2, 1, 100]),
    ("t(30)", lambda s: s.t(30), [R(-21, 10), 2, 6]),
    ("t(7/2)", lambda s: s.t(3.5), [1, 3]),
    ("f(3, 10)", lambda s: s.f(3, 10), [R(1, 10), 1, 5, 20]),
    ("f(5, 7)", lambda s: s.f(5, 7), [R(1, 2), 3]),
    ("beta(2, 3)", lambda s: s.beta(2, 3), [R(1, 10), R(1, 2), R(9, 10)]),
    ("beta(5/2, 1/2)", lambda s: s.beta(2.5, 0.5), [R(1, 10), R(99, 100)]),
    ("gamma(2, 3)", lambda s: s.gamma(2, scale=3), [R(1, 2), 6, 30]),
    ("gamma(7/3, 2)", lambda s: s.gamma(7 / 3, scale=2), [1, 5]),
]
LEVELS = [R(1, 1000), R(1, 10), R(1, 2), R(95, 100), R(999, 1000)]


def _lre(ours, ref) -> float:
    ours, ref = mpmath.mpf(ours), mpmath.mpf(ref)
    if ours == ref:
        return 99.0
    if ref == 0:
        return float(-mpmath.log10(abs(ours)))
    return float(-mpmath.log10(abs(ours - ref) / abs(ref)))


def _judge(D: Distribution, kind: str, x) -> mpmath.mpf:
    """An independent 50-digit value: quadrature of the density, or a direct sum."""
    with mpmath.workdps(50):
        if kind == "pdf":
            return mpmath.mpf(D.density(x).evalf(50))
        lo, hi = D.support()
        if D.discrete:
            k = int(mpmath.floor(mpmath.mpf(x.p) / x.q)) if hasattr(x, "p") else int(x)
            total = mpmath.fsum(mpmath.mpf(D.density(Integer(j)).evalf(50))
                                for j in range(int(lo), k + 1))
            return total if kind == "cdf" else 1 - total
        f = lambda t: mpmath.mpf(D.density(Rational(str(t))).evalf(50))  # noqa: E731
        a = mpmath.mpf(lo.evalf(50)) if lo.is_finite else -mpmath.inf
        b = mpmath.mpf(hi.evalf(50)) if hi.is_finite else mpmath.inf
        xv = mpmath.mpf(Rational(x).evalf(50))
        return mpmath.quad(f, [a, xv]) if kind == "cdf" else mpmath.quad(f, [xv, b])


@pytest.mark.parametrize(("text", "make", "points"), CASES, ids=[c[0] for c in CASES])
def test_pdf_cdf_sf_agree_with_scipy(text, make, points):
    D = parse_distribution(text)
    ref = make(scipy_stats)
    for x in points:
        x = Rational(x)
        fx = float(x)
        pairs = (("pdf", D.pdf_numeric(x), (ref.pmf if D.discrete else ref.pdf)(fx)),
                 ("cdf", D.cdf_numeric(x), ref.cdf(fx)),
                 ("sf", D.sf_numeric(x), ref.sf(fx)))
        for kind, ours, theirs in pairs:
            if _lre(ours, theirs) < 14:
                judge = _judge(D, kind, x)
                assert _lre(ours, judge) >= 25, (text, kind, x, ours, theirs, judge)


@pytest.mark.parametrize(("text", "make", "points"), CASES, ids=[c[0] for c in CASES])
def test_quantiles_agree_with_scipy_and_invert_the_cdf(text, make, points):
    D = parse_distribution(text)
    ref = make(scipy_stats)
    for q in LEVELS:
        ours = D.quantile_numeric(q)
        theirs = ref.ppf(float(q))
        if D.discrete:
            assert ours == theirs, (text, q)
            k = Integer(int(ours))
            assert D.cdf(k) >= q or D.cdf_numeric(k, 50) >= mpmath.mpf(q.p) / q.q
            continue
        assert _lre(ours, theirs) >= 14 or abs(ours - theirs) < 1e-14, (text, q, ours, theirs)
        with mpmath.workdps(40):  # F(Q(q)) = q to 28 digits
            back = D.cdf_numeric(Rational(mpmath.nstr(ours, 40)), 35)
            assert abs(back - mpmath.mpf(q.p) / q.q) < mpmath.mpf(10) ** -28, (text, q)


@pytest.mark.parametrize(("text", "make", "points"), CASES, ids=[c[0] for c in CASES])
def test_exact_cdf_equals_numeric_to_30_digits(text, make, points):
    D = parse_distribution(text)
    for x in points:
        exact = D.cdf(x)
        num = D.cdf_numeric(x, 30)
        assert _lre(mpmath.mpf(str(exact.evalf(40))), num) >= 29, (text, x, exact)


@pytest.mark.parametrize(("text", "make", "points"), CASES, ids=[c[0] for c in CASES])
def test_moments_agree_with_scipy(text, make, points):
    D = parse_distribution(text)
    ref = make(scipy_stats)
    mean, var = ref.stats(moments="mv")
    if not mpmath.isfinite(float(mean)):
        with pytest.raises(InputError):
            D.mean()
        return
    assert _lre(D.mean().evalf(30), float(mean)) >= 14 or float(mean) == 0
    if mpmath.isfinite(float(var)):
        assert _lre(D.variance().evalf(30), float(var)) >= 14
    else:
        assert D.variance() == oo


def _closed(name):
    from sympy import erfinv, log, sqrt

    return {"exp": log(2) / 2, "normal": 15 + 5 * sqrt(2) * erfinv(R(19, 20)),
            "chi2": 2 * log(4)}[name]


@pytest.mark.parametrize(
    ("text", "q", "closed"),
    [
        ("uniform(2, 7)", R(1, 4), R(13, 4)),
        ("exponential(2)", R(1, 2), "exp"),
        ("normal(15, 5)", R(975, 1000), "normal"),
        ("t(1)", R(3, 4), 1),
        ("beta(3, 1)", R(1, 8), R(1, 2)),
        ("chi2(2)", R(3, 4), "chi2"),
    ],
)
def test_closed_form_quantiles(text, q, closed):
    want = _closed(closed) if isinstance(closed, str) else Rational(closed)
    got = parse_distribution(text).quantile(q)
    assert abs((got - want).evalf(40)) < 1e-35


def test_t2_quantile_closed_form_matches_scipy():
    D = parse_distribution("t(2)")
    got = D.quantile(R(9, 10))
    assert got is not None and not got.has(Symbol)
    assert _lre(got.evalf(30), scipy_stats.t.ppf(0.9, 2)) >= 14


def test_discrete_quantile_convention_is_smallest_x_with_cdf_at_least_q():
    D = parse_distribution("binomial(4, 1/2)")  # F: 1/16, 5/16, 11/16, 15/16, 1
    assert D.quantile(R(5, 16)) == 1  # F(1) = 5/16 exactly reaches q
    assert D.quantile(R(5, 16) + R(1, 10**9)) == 2
    assert parse_distribution("die(6)").quantile(R(1, 2)) == 3


@pytest.mark.parametrize(
    ("text", "family", "params"),
    [
        ("normal(15, 5)", "normal", (15, 5)),
        ("N(0, 1)", "normal", (0, 1)),
        ("Normal(mu=0, variance=4)", "normal", (0, 2)),
        ("Binomial(10, 0.3)", "binomial", (10, R(3, 10))),
        ("B(n=10, p=30/100)", "binomial", (10, R(3, 10))),
        ("chi^2(3)", "chi2", (3,)),
        ("Chi-squared(df=4)", "chi2", (4,)),
        ("Exp(rate=2)", "exponential", (2,)),
        ("exponential(scale=2)", "exponential", (R(1, 2),)),
        ("gamma(shape=2, rate=1/2)", "gamma", (2, 2)),
        ("t(df=5)", "t", (5,)),
        ("F(3, 10)", "f", (3, 10)),
        ("die", "die", (6,)),
        ("coin", "coin", (R(1, 2),)),
        ("Geom(0.25)", "geometric", (R(1, 4),)),
    ],
)
def test_reading_distributions(text, family, params):
    D = parse_distribution(text)
    assert D.family == family
    assert D.params == tuple(Rational(p) for p in params)


def test_name_plus_params_dict_and_symbols():
    assert parse_distribution("normal", {"mu": 15, "sigma": "5"}) == parse_distribution(
        "normal(15, 5)")
    D = parse_distribution("binomial(n, p)")
    x = Symbol("x")
    assert D.pmf(x).has(Symbol("p")) and not D.is_numeric


@pytest.mark.parametrize(
    ("text", "params", "message"),
    [
        ("binomial(10, 1.5)", None, "between 0 and 1"),
        ("normal(0, -1)", None, "sigma must be positive"),
        ("poisson(1, 2)", None, "takes 1 parameter"),
        ("binomial(10)", None, "missing p"),
        ("zipf(2)", None, "unknown distribution"),
        ("normal(0, 1", None, "expected a distribution"),
        ("normal(0, 1)", {"mu": 1}, "given twice"),
        ("normal(mu=1, mu=2)", None, "given twice"),
        ("normal(nonsense=1, sigma=2)", None, "no parameter 'nonsense'"),
        ("binomial(2.5, 0.5)", None, "whole number"),
        ("normal(__import__('os'), 1)", None, "not allowed"),
        ("uniform(3, 1)", None, "a < b"),
    ],
)
def test_bad_distributions_give_one_line_errors(text, params, message):
    with pytest.raises(InputError) as err:
        parse_distribution(text, params)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_pmf_of_continuous_is_a_named_error():
    with pytest.raises(InputError, match="continuous"):
        parse_distribution("normal(0, 1)").pmf(0)
    with pytest.raises(InputError, match="discrete"):
        parse_distribution("poisson(2)").pdf(0)


def test_normal_cdf_is_in_erf_form_and_binomial_cdf_rational():
    from sympy import erf

    assert parse_distribution("normal(15, 5)").cdf(20).has(erf)
    assert parse_distribution("binomial(10, 0.3)").cdf(2).is_Rational


def test_thirty_digit_values_by_decimal():
    Z = parse_distribution("normal(0, 1)")
    with mpmath.workdps(60):
        judge = mpmath.ncdf(-3)
    got = decimal(Z.cdf_numeric(-3, 30), 30)
    assert _lre(mpmath.mpf(str(got)), judge) >= 29


def test_p_values_keep_their_digits_far_in_the_tail():
    with mpmath.workdps(60):
        judge = mpmath.ncdf(-20)  # P(Z > 20), about 2.75e-89
    ours = parse_distribution("normal(0, 1)").sf_numeric(20, 30)
    assert _lre(ours, judge) >= 29
    t_tail = parse_distribution("t(10)").sf_numeric(30, 20)
    assert _lre(t_tail, scipy_stats.t.sf(30, 10)) >= 13


# ------------------------------------------------------------------ properties
_FAMILIES = st.sampled_from(["normal(1, 2)", "t(4)", "chi2(5)", "f(4, 9)", "beta(3, 2)",
                             "gamma(3/2, 2)", "exponential(3)", "t(5/2)"])


@settings(max_examples=30, deadline=None)
@given(_FAMILIES, st.fractions(min_value=0.001, max_value=0.999))
def test_quantile_inverts_cdf(text, qf):
    D = parse_distribution(text)
    q = Rational(qf.numerator, qf.denominator)
    x = D.quantile_numeric(q, 30)
    with mpmath.workdps(40):
        back = D.cdf_numeric(Rational(mpmath.nstr(x, 45)), 35)
        assert abs(back - mpmath.mpf(q.p) / q.q) < mpmath.mpf(10) ** -27


@settings(max_examples=30, deadline=None)
@given(_FAMILIES, st.fractions(min_value=-5, max_value=30), st.fractions(min_value=0, max_value=5))
def test_cdf_is_monotone_and_sf_complements(text, a, h):
    D = parse_distribution(text)
    x1 = Rational(a.numerator, a.denominator)
    x2 = x1 + Rational(h.numerator, h.denominator)
    with mpmath.workdps(40):
        f1, f2 = D.cdf_numeric(x1, 30), D.cdf_numeric(x2, 30)
        assert f1 <= f2 + mpmath.mpf(10) ** -35
        assert abs(f1 + D.sf_numeric(x1, 30) - 1) < mpmath.mpf(10) ** -30


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 40), st.fractions(min_value=0, max_value=1, max_denominator=50))
def test_binomial_pmf_sums_to_one_exactly(n, pf):
    D = parse_distribution("binomial", {"n": n, "p": Rational(pf.numerator, pf.denominator)})
    assert sum(D.pmf(Integer(k)) for k in range(n + 1)) == 1
    assert D.cdf(n - 1) + D.pmf(n) == 1

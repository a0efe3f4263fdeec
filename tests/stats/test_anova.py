"""anova: exact one-way ANOVA against scipy, summaries, errors and checking."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Rational

import symbolic_mlmath as sm
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.stats.anova import derive_anova


def test_hand_example():
    d = sm.solve("anova", groups="[[1,2,3],[2,3,4],[5,6,7]]")
    d.validate()
    r = d.result
    # means 2, 3, 6; grand mean 11/3; SSB = 3 (25 + 4 + 49)/9 = 26; SSW = 2 + 2 + 2
    assert (r["SS_between"], r["SS_within"], r["F"]) == (26, 6, 13)
    assert r["decision"] == "reject"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.integers(-99, 99), min_size=2, max_size=7), min_size=2, max_size=5))
def test_matches_scipy(groups):
    stats = pytest.importorskip("scipy.stats")
    data = [[Rational(v, 10) for v in g] for g in groups]
    ref = stats.f_oneway(*[[float(v) for v in g] for g in data])
    if not all(len(set(g)) > 1 for g in groups):
        return  # scipy warns on constant groups
    r = derive_anova(data).result
    assert abs(float(r["F"]) - ref.statistic) <= 1e-9 * max(1, ref.statistic)
    if r["F"] == 0:  # equal group means: exactly F = 0, p = 1 (scipy's float F is ~ -1e-32,
        assert float(r["p_value"]) == 1.0  # its p-value nan)
        return
    assert abs(float(r["p_value"]) - ref.pvalue) <= 1e-9 * max(ref.pvalue, 1e-300) + 1e-300


def test_summaries_give_the_same_table():
    g = [[3, 5, 4, 6], [7, 9, 8], [1, 2, 2, 3, 2]]
    from statistics import mean, variance

    summ = [{"n": len(x), "mean": Rational(mean(x)).limit_denominator(),
             "variance": Rational(variance(x)).limit_denominator()} for x in g]
    a, b = derive_anova(g).result, derive_anova(summ).result
    for key in ("SS_between", "SS_within", "F", "df_between", "df_within"):
        assert a[key] == b[key]


@pytest.mark.parametrize(("groups", "message"), [
    ("[[1, 2, 3]]", "two groups"),
    ("[[1], [2]]", "more observations"),
    ('[{"n": 3, "mean": 1}, {"n": 3, "mean": 2, "variance": 1}]', "needs"),
])
def test_bad_input(groups, message):
    import json

    value = json.loads(groups) if groups.startswith('[{') else groups
    with pytest.raises(InputError, match=message):
        sm.solve("anova", groups=value)


@pytest.mark.parametrize(("answer", "ok", "named"), [
    ("F = 13, p = 0.0066, reject", True, ""),
    ("13", True, ""),
    ("F = 1/13", False, "upside down"),
    ("F = 13, p = 0.0066, fail to reject", False, "contradicts your own p-value"),
    ("SSB = 26, SSW = 6, df_between = 2, df_within = 6", True, ""),
    ("df_within = 8", False, "N - 1"),
    ("p = 0.66%", True, ""),
])
def test_checking(answer, ok, named):
    v = sm.check("anova", answer=answer, groups="[[1,2,3],[2,3,4],[5,6,7]]")
    assert v.correct is ok, v.feedback
    assert named in v.feedback

"""NIST StRD one-way ANOVA: every certified value with LRE >= 14, exactly computed."""

from __future__ import annotations

import pytest

from tests.stats.nist_inference import ANOVA_SETS, NIST, lre, read_anova

pytestmark = pytest.mark.skipif(not (NIST / "anova").is_dir(),
                                reason=f"NIST StRD files not found at {NIST}")

MIN_LRE = 14


@pytest.mark.parametrize("name", ANOVA_SETS)
def test_certified_values(name):
    from sympy import Rational

    from symbolic_mlmath.stats.anova import derive_anova

    cert, groups = read_anova(name)
    data = [[Rational(v.numerator, v.denominator) for v in g] for g in groups]
    r = derive_anova(data).result
    df_b, ss_b, ms_b, f = cert["between"]
    df_w, ss_w, ms_w = cert["within"]
    assert int(r["df_between"]) == int(df_b)
    assert int(r["df_within"]) == int(df_w)
    lres = {
        "SS between": lre(r["SS_between"], ss_b), "MS between": lre(r["MS_between"], ms_b),
        "F": lre(r["F"], f), "SS within": lre(r["SS_within"], ss_w),
        "MS within": lre(r["MS_within"], ms_w), "R^2": lre(r["r_squared"], cert["r_squared"]),
        "residual SD": lre(r["residual_sd"], cert["residual_sd"]),
    }
    bad = {k: round(v, 2) for k, v in lres.items() if v < MIN_LRE}
    assert not bad, f"{name}: LRE below {MIN_LRE}: {bad}"

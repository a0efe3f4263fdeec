"""NIST StRD linear least squares: every certified value with LRE >= 14, exactly computed."""

from __future__ import annotations

import pytest

from tests.stats.nist_inference import LLS_SETS, NIST, lre, read_lls

pytestmark = pytest.mark.skipif(not (NIST / "lls").is_dir(),
                                reason=f"NIST StRD files not found at {NIST}")

MIN_LRE = 14


def _check(name: str) -> list[tuple[str, float]]:
    from sympy import Rational

    from symbolic_mlmath.stats.regression import derive_linear_regression

    degree, intercept = LLS_SETS[name]
    cert, rows = read_lls(name)
    y = [Rational(r[0].numerator, r[0].denominator) for r in rows]
    xs = [[Rational(v.numerator, v.denominator) for v in r[1:]] for r in rows]
    x = [r[0] for r in xs] if degree is not None else xs
    d = derive_linear_regression(x, y, degree=degree, intercept=intercept)
    res = d.result
    out = []
    coef, se = res["coefficients"], res["std_errors"]
    assert len(coef) == len(cert["B"])
    for j, (b, s) in enumerate(zip(cert["B"], cert["SD"], strict=True)):
        out.append((f"B{j}", lre(coef[j], b)))
        out.append((f"SD(B{j})", lre(se[j], s)))
    out.append(("residual SD", lre(res["residual_sd"], cert["residual_sd"])))
    out.append(("R^2", lre(res["r_squared"], cert["r_squared"])))
    a = res["anova"]
    df_reg, ss_reg, ms_reg, f = cert["regression"]
    df_res, ss_res, ms_res = cert["residual"]
    assert int(a["df_regression"]) == int(df_reg)
    assert int(a["df_residual"]) == int(df_res)
    out += [("SS reg", lre(a["SS_regression"], ss_reg)), ("MS reg", lre(a["MS_regression"], ms_reg)),
            ("SS res", lre(a["SS_residual"], ss_res)), ("MS res", lre(a["MS_residual"], ms_res))]
    if f == "Infinity":
        assert a["F"].is_infinite
    else:
        out.append(("F", lre(a["F"], f)))
    return out


@pytest.mark.parametrize("name", list(LLS_SETS))
def test_certified_values(name):
    lres = _check(name)
    bad = [(what, round(v, 2)) for what, v in lres if v < MIN_LRE]
    assert not bad, f"{name}: LRE below {MIN_LRE}: {bad}"


def test_float_least_squares_fails_on_filip():
    """The reason for exactness: numpy's lstsq loses the Filip coefficients."""
    np = pytest.importorskip("numpy")
    cert, rows = read_lls("Filip")
    x = np.array([float(r[1]) for r in rows])
    y = np.array([float(r[0]) for r in rows])
    X = np.vander(x, 11, increasing=True)
    beta = np.linalg.lstsq(X, y, rcond=None)[0]
    worst = min(lre(float(b), c) for b, c in zip(beta, cert["B"], strict=True))
    assert worst < 8

"""mle, distribution=linear_regression: least squares as maximum likelihood under Gaussian
noise. References are independent: NIST's certified Norris values, numpy.polyfit,
statsmodels OLS and hand values; a tampered step is caught by validate()."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Eq, ImmutableMatrix, Rational, Sum, Tuple

import symbolic_mlmath as sm
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.steps import Derivation, DerivationError, Step
from symbolic_mlmath.stats.mle import derive_mle
from tests.stats.nist_inference import lre, read_lls

X4, Y4 = "1 2 3 4", "2 3 5 6"


def _mle(x, y, **kw):
    return derive_mle("linear_regression", x=x, y=y, **kw)


def test_hand_example_steps_and_values():
    d = _mle(X4, Y4).validate()
    # by hand: b = (4*47 - 10*16)/(4*30 - 100) = 28/20, a = (16 - 14)/4, residuals ±0.1, ±0.3
    assert d.result == {"a": Rational(1, 2), "b": Rational(7, 5), "sigma^2": Rational(1, 20)}
    assert [s.rule.value for s in d.steps] == [
        "regression_likelihood", "log_likelihood", "score", "mle_normal_equations",
        "set_score_to_zero", "hessian_check"]
    a, b = d.steps[0].given["parameters"][:2]
    assert set(d.steps[3].after) == {Eq(4 * a + 10 * b, 16), Eq(10 * a + 30 * b, 47)}
    # Hessian at the root: -(1/σ̂²) XᵀX and -n/(2σ̂⁴) = -4/(2/400)
    assert d.steps[-1].after == ImmutableMatrix([[-80, -200, 0], [-200, -600, 0], [0, 0, -800]])


def test_known_sigma_estimates_the_line_only():
    d = _mle("1 2 3", "1 3 2", known={"sigma": 2}).validate()
    assert d.result == {"a": 1, "b": Rational(1, 2)}
    # -(1/4) XᵀX with XᵀX = [[3, 6], [6, 14]]
    assert d.steps[-1].after == ImmutableMatrix([[Rational(-3, 4), Rational(-3, 2)],
                                                 [Rational(-3, 2), Rational(-7, 2)]])


def test_norris_certified_values():
    cert, rows = read_lls("Norris")
    ys = " ".join(str(float(r[0])) for r in rows)  # NIST's one-decimal numbers, as text
    xs = " ".join(str(float(r[1])) for r in rows)
    d = _mle(xs, ys)
    assert all(isinstance(v, Rational) for v in d.result.values())  # exact for decimals
    assert lre(d.result["a"], cert["B"][0]) >= 14
    assert lre(d.result["b"], cert["B"][1]) >= 14
    # the MLE of σ² is RSS/n (n = 36), RSS certified in the ANOVA table
    rss = d.result["sigma^2"] * len(rows)
    assert lre(rss, cert["residual"][1]) >= 14


def test_norris_against_numpy_polyfit():
    np = pytest.importorskip("numpy")
    _cert, rows = read_lls("Norris")
    y = np.array([float(r[0]) for r in rows])
    x = np.array([float(r[1]) for r in rows])
    slope, intercept = np.polyfit(x, y, 1)
    d = _mle(" ".join(str(float(v)) for v in x), " ".join(str(float(v)) for v in y))
    assert float(d.result["b"]) == pytest.approx(slope, rel=1e-10)
    assert float(d.result["a"]) == pytest.approx(intercept, rel=1e-8)
    resid = y - (intercept + slope * x)
    assert float(d.result["sigma^2"]) == pytest.approx(float(resid @ resid) / len(x), rel=1e-6)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(st.integers(-50, 50), st.integers(-90, 90)), min_size=3, max_size=8)
       .filter(lambda ps: len({p[0] for p in ps}) > 1))
def test_matches_statsmodels_ols(pairs):
    sm_api = pytest.importorskip("statsmodels.api")
    np = pytest.importorskip("numpy")
    x = np.array([p[0] / 10 for p in pairs])
    y = np.array([p[1] / 10 for p in pairs])
    fit = sm_api.OLS(y, sm_api.add_constant(x)).fit()
    xs, ys = [str(Rational(p[0], 10)) for p in pairs], [str(Rational(p[1], 10)) for p in pairs]
    if fit.ssr < 1e-12:  # collinear points: no maximum with σ² > 0
        with pytest.raises(InputError, match="one line"):
            sm.solve("mle", distribution="linear_regression", x=xs, y=ys)
        return
    d = sm.solve("mle", distribution="linear_regression", x=xs, y=ys)
    a, b = fit.params
    assert abs(float(d.result["a"]) - a) <= 1e-8 * max(1, abs(a))
    assert abs(float(d.result["b"]) - b) <= 1e-8 * max(1, abs(b))
    assert abs(float(d.result["sigma^2"]) - fit.ssr / fit.nobs) <= 1e-8 * max(1, fit.ssr)


def _tampered(d, k, **change):
    steps = list(d.steps)
    s = steps[k]
    steps[k] = Step(s.rule, change.get("before", s.before), change.get("after", s.after),
                    {**s.given, **change.get("given", {})})
    if k + 1 < len(steps) and "after" in change and steps[k + 1].before == s.after:
        n = steps[k + 1]
        steps[k + 1] = Step(n.rule, change["after"], n.after, n.given)
    return Derivation(d.title, d.goal, tuple(steps), d.result)


def test_wrong_steps_are_caught():
    d = _mle(X4, Y4)
    a, b, v = d.steps[0].given["parameters"]
    cases = []
    # likelihood with σ in place of σ² (a classic slip)
    L = d.steps[0].after
    cases.append((0, {"after": L.func(L.function.xreplace({v: v**2}), *L.limits)},
                  "regression_likelihood"))
    # log-likelihood missing the 1/2 of the Gaussian exponent
    ell = d.steps[1].after
    S = next(iter(ell.atoms(Sum)))
    cases.append((1, {"after": ell.xreplace({S: 2 * S})}, "log_likelihood"))
    # normal equations with Σx² replaced by (Σx)²
    cases.append((3, {"after": Tuple(Eq(4 * a + 10 * b, 16), Eq(10 * a + 100 * b, 47))},
                  "mle_normal_equations"))
    # σ² divided by n - 2 instead of n
    wrong = Tuple(Eq(a, Rational(1, 2)), Eq(b, Rational(7, 5)), Eq(v, Rational(1, 10)))
    cases.append((4, {"after": wrong, "given": {"solution": wrong}}, "set_score_to_zero"))
    # a wrong slope
    wrong = Tuple(Eq(a, Rational(1, 2)), Eq(b, Rational(3, 2)), Eq(v, Rational(1, 20)))
    cases.append((4, {"after": wrong, "given": {"solution": wrong}}, "set_score_to_zero"))
    # Hessian with a sign flipped
    H = d.steps[5].after
    cases.append((5, {"after": H.subs(H[2, 2], -H[2, 2])}, "hessian_check"))
    for k, change, rule in cases:
        t = _tampered(d, k, **change)
        with pytest.raises(DerivationError, match=rule):
            t.validate()


def test_wrong_score_is_caught():
    d = _mle(X4, Y4)
    s = d.steps[2]
    bad = ImmutableMatrix([s.after[0] * 2, s.after[1], s.after[2]])
    steps = list(d.steps)
    steps[2] = Step(s.rule, s.before, bad, s.given)
    steps[3:] = [Step(t.rule, bad, t.after, t.given) for t in d.steps[3:]]
    with pytest.raises(DerivationError, match="score"):
        Derivation(d.title, d.goal, tuple(steps), d.result).validate()


def test_renders_the_least_squares_link():
    d = sm.solve("mle", distribution="linear_regression", x=X4, y=Y4)
    text = d.to_text()
    assert "minimising the sum of squared residuals" in text
    assert "σ²" in text and "sigma^2" not in text
    assert "n − 2" in text
    assert r"X^{\mathsf T}X\beta" in d.to_latex()


@pytest.mark.parametrize(("answer", "ok", "named"), [
    ("a = 0.5, b = 1.4, sigma^2 = 0.05", True, ""),
    ("intercept = 1/2, slope = 7/5", True, ""),
    ("a = 0.5, b = 1.4, sigma^2 = 0.10", False, "n - 2"),
    ("a = 1.4, b = 0.5", False, "intercept"),
    ("sigma = 0.2236", True, ""),
])
def test_checking(answer, ok, named):
    v = sm.check("mle", answer=answer, distribution="linear_regression", x=X4, y=Y4)
    assert v.correct is ok, v.feedback
    assert named in v.feedback


@pytest.mark.parametrize(("inputs", "message"), [
    ({"x": "1 1 1", "y": "1 2 3"}, "not all be equal"),
    ({"x": "1 2 3", "y": "1 2 3"}, "one line"),
    ({"x": "1 2 3"}, "needs y"),
    ({"x": "1 2 3", "y": "1 2"}, "x has 3 values"),
    ({"x": "1 2 3", "y": "1 3 2", "known": "{mu: 1}"}, "only the noise"),
])
def test_bad_input(inputs, message):
    with pytest.raises(InputError, match=message):
        sm.solve("mle", distribution="linear_regression", **inputs)


def test_symbolic_sample_gives_the_textbook_formulas():
    from sympy import IndexedBase, Symbol, cancel

    d = _mle(None, None).validate()
    n = Symbol("n", integer=True, positive=True)
    i = Symbol("i", integer=True, positive=True)
    x, y = IndexedBase("x", real=True), IndexedBase("y", real=True)
    Sx, Sy = Sum(x[i], (i, 1, n)), Sum(y[i], (i, 1, n))
    Sxx, Sxy, Syy = Sum(x[i] ** 2, (i, 1, n)), Sum(x[i] * y[i], (i, 1, n)), Sum(y[i] ** 2, (i, 1, n))
    b = (n * Sxy - Sx * Sy) / (n * Sxx - Sx**2)
    assert cancel(d.result["b"] - b) == 0
    assert cancel(d.result["a"] - (Sy - b * Sx) / n) == 0
    assert cancel(d.result["sigma^2"] - (Syy - (Sy - b * Sx) / n * Sy - b * Sxy) / n) == 0
    assert _mle(None, None, known={"sigma": 2}).validate().result["b"] == d.result["b"]


def test_symbolic_wrong_normal_equation_is_caught():
    d = _mle(None, None)
    n = d.steps[0].given["n"]
    e1, e2 = d.steps[3].after
    bad = Tuple(e1, Eq(e2.lhs, e2.rhs + n))  # Σxy + n instead of Σxy
    with pytest.raises(DerivationError, match="mle_normal_equations"):
        _tampered(d, 3, after=bad).validate()


@pytest.mark.parametrize(("answer", "ok", "named"), [
    ("b = (n sum(x_i y_i) - sum(x_i) sum(y_i))/(n sum(x_i^2) - sum(x_i)^2), a = ybar - b xbar",
     True, ""),
    ("b = (sum(x_i y_i) - n xbar ybar)/(sum(x_i^2) - n xbar^2)", True, ""),
    ("sigma^2 = (sum(y_i^2) - n ybar^2 - (sum(x_i y_i) - n xbar ybar)^2/(sum(x_i^2) - n xbar^2))/n",
     True, ""),
    ("sigma^2 = (sum(y_i^2) - n ybar^2 - (sum(x_i y_i) - n xbar ybar)^2/(sum(x_i^2) - n xbar^2))"
     "/(n - 2)", False, "n - 2"),
    ("b = sum(x_i y_i)/sum(x_i^2)", False, "differ"),
    ("a = ybar - c xbar", False, "not a statistic"),
])
def test_checking_symbolic(answer, ok, named):
    v = sm.check("mle", answer=answer, distribution="linear_regression")
    assert v.correct is ok, v.feedback
    assert named in v.feedback


@pytest.mark.parametrize("answer", ["σ² = 0.05", "β₀ = 0.5, β₁ = 1.4", "b_0 = 1/2, b_1 = 7/5",
                                    "beta0 = 0.5, slope = 1.4, sigma^2 = 1/20"])
def test_label_spellings(answer):
    assert sm.check("mle", answer=answer, distribution="linear_regression", x=X4, y=Y4).correct

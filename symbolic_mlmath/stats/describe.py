"""Describing data exactly, with steps: mean, median, mode, quantiles, spread, shape.

Data are read exactly (``0.1`` is 1/10), so every statistic is an exact rational (or an
exact surd for standard deviations and skewness) with its decimal value alongside. Each
step reads one fact off the data; small data sets are shown in full (sorted, with the
table of deviations and the z-scores), large ones by their sums.

Examples
========
>>> d = derive_describe("2 4 4 4 5 5 7 9")
>>> r = d.result
>>> r["mean"], r["median"], r["mode"], r["variance"], r["std"]
(5, 9/2, (4,), 32/7, 4*sqrt(14)/7)
>>> r["q1"], r["q3"], r["iqr"], r["lag1_autocorrelation"]
(4, 11/2, 3/2, 13/32)
>>> derive_sample_variance("1.5 2.5 4", ddof=1).result
19/12
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.stats.rules import StatsRule as S

__all__ = ["SHOW_LIMIT", "data_object", "derive_describe", "derive_sample_mean",
           "derive_sample_std", "derive_sample_variance"]

#: Data sets up to this size are shown (and checked) value by value.
SHOW_LIMIT = 30
_TABLE_LIMIT = 20
_DIGITS = 15


def _read(data: Any, min_items: int = 1) -> Any:
    from .data import Data, read_data
    from .summary import Summary

    if isinstance(data, Summary):
        return data
    return Summary(data if isinstance(data, Data) else read_data(data, min_items=min_items))


def data_object(s: Any) -> Any:
    """The data as a step object: the values (small data) or a description (large)."""
    from sympy import Tuple
    from sympy.core.symbol import Str

    if s.n <= SHOW_LIMIT:
        return Tuple(*(s.value(a) for a in s.data.nums))
    return Str(f"the {s.n} values")


def _dec(value: Any) -> Any:
    from sympy import N

    return N(value, _DIGITS) if value.is_number and not value.is_Integer else None


def _with_dec(given: dict, value: Any) -> dict:
    d = _dec(value)
    if d is not None:
        given["decimal"] = d
    return given


def _ddof(ddof: Any) -> int:
    from symbolic_mlmath.core.errors import InputError

    k = 1 if ddof is None else int(ddof)
    if k < 0:
        raise InputError("ddof must be 0 (population) or 1 (sample)", name="ddof")
    return k


def _mean_steps(s: Any, obj: Any) -> list[Step]:
    return [Step(S.COUNT_VALUES, obj, s.n),
            Step(S.SAMPLE_MEAN_FORMULA, obj, s.mean, _with_dec({"sum": s.sum, "n": s.n},
                                                                s.mean))]


def _spread_steps(s: Any, obj: Any, ddof: int, std: bool) -> list[Step]:
    from sympy import ImmutableMatrix

    ss = s.sum_of_squares()
    if s.n <= _TABLE_LIMIT:
        rows = [[s.value(a), s.value(a) - s.mean, (s.value(a) - s.mean) ** 2]
                for a in s.data.nums]
        table = ImmutableMatrix(rows)
    else:
        table = ss
    var = s.variance(ddof)
    out = [Step(S.DEVIATIONS, obj, table, {"ss": ss, "mean": s.mean}),
           Step(S.SAMPLE_VARIANCE_FORMULA, obj, var,
                _with_dec({"ss": ss, "divisor": s.n - ddof, "ddof": ddof}, var))]
    if std:
        sd = s.std(ddof)
        out.append(Step(S.SAMPLE_STD, obj, sd, _with_dec({"variance": var}, sd)))
    return out


def derive_sample_mean(data: Any) -> Derivation:
    """The mean of the data: the sum over the count."""
    s = _read(data)
    obj = data_object(s)
    return Derivation("Mean of the data", goal=obj, steps=tuple(_mean_steps(s, obj)),
                      result=s.mean, task="sample_mean", inputs={"data": obj},
                      reference=_reference("mean", s))


def derive_sample_variance(data: Any, ddof: Any = 1) -> Derivation:
    """The variance: squared deviations from the mean over n - ddof (1 for a sample)."""
    k = _ddof(ddof)
    s = _read(data, min_items=k + 1)
    obj = data_object(s)
    steps = _mean_steps(s, obj) + _spread_steps(s, obj, k, std=False)
    return Derivation("Variance of the data", goal=obj, steps=tuple(steps),
                      result=s.variance(k), task="sample_variance",
                      inputs={"data": obj, "ddof": k}, reference=_reference("var", s, k))


def derive_sample_std(data: Any, ddof: Any = 1) -> Derivation:
    """The standard deviation: the square root of the variance (an exact surd)."""
    k = _ddof(ddof)
    s = _read(data, min_items=k + 1)
    obj = data_object(s)
    steps = _mean_steps(s, obj) + _spread_steps(s, obj, k, std=True)
    return Derivation("Standard deviation of the data", goal=obj, steps=tuple(steps),
                      result=s.std(k), task="std", inputs={"data": obj, "ddof": k},
                      reference=_reference("std", s, k))


def _reference(which: str, s: Any, ddof: int = 1) -> Any:
    """Python's ``statistics`` on Fractions: an independent exact computation."""
    if s.n > 5000:
        return None

    def ref() -> Any:
        import statistics

        from sympy import Rational, sqrt

        xs = s.data.fractions()
        if which == "mean":
            v = statistics.mean(xs)
        else:
            v = statistics.variance(xs) if ddof == 1 else statistics.pvariance(xs) if ddof == 0 \
                else sum((x - statistics.mean(xs)) ** 2 for x in xs) / (len(xs) - ddof)
        r = Rational(v.numerator, v.denominator)
        return sqrt(r) if which == "std" else r

    return ref


def derive_describe(data: Any, quantile_method: Any = None, ddof: Any = 1) -> Derivation:
    """Every summary of the data (see the module docstring); the result is a dict."""
    from sympy import Rational, Tuple

    from .summary import quantile_method as canonical

    method = canonical(quantile_method)
    k = _ddof(ddof)
    s = _read(data, min_items=max(2, k + 1))
    obj = data_object(s)
    steps = _mean_steps(s, obj)
    if s.n <= SHOW_LIMIT:
        steps.append(Step(S.SORT_DATA, obj, Tuple(*(s.value(a) for a in s.sorted_nums))))
    steps.append(Step(S.MEDIAN_RULE, obj, s.median, _with_dec({}, s.median)))
    modes, count = s.modes()
    steps.append(Step(S.MODE_RULE, obj, Tuple(*modes), {"count": count}))
    q1, q3 = s.quantile(Rational(1, 4), method), s.quantile(Rational(3, 4), method)
    for q, v in ((Rational(1, 4), q1), (Rational(3, 4), q3)):
        steps.append(Step(S.DATA_QUANTILE, obj, v, _with_dec({"q": q, "method": method}, v)))
    lo, hi, outliers = s.fences(method)
    steps.append(Step(S.IQR_RULE, obj, q3 - q1, {"q1": q1, "q3": q3, "fences": Tuple(lo, hi),
                                                  "outliers": Tuple(*outliers)}))
    steps += _spread_steps(s, obj, k, std=True)
    g1, g2, r1 = s.skewness(), s.kurtosis(), s.lag1()
    steps.append(Step(S.SKEWNESS_RULE, obj, g1, _with_dec({}, g1)))
    steps.append(Step(S.KURTOSIS_RULE, obj, g2, _with_dec({}, g2)))
    z = s.z_scores(k) if s.n <= SHOW_LIMIT and s.power_sums[0] else None
    if z is not None:
        steps.append(Step(S.Z_SCORES, obj, Tuple(*z), {"ddof": k}))
    steps.append(Step(S.LAG1_AUTOCORRELATION, obj, r1, _with_dec({}, r1)))
    result = {"n": s.n, "mean": s.mean, "median": s.median, "mode": modes,
              "variance": s.variance(k), "std": s.std(k), "min": s.minimum, "q1": q1,
              "q3": q3, "max": s.maximum, "iqr": q3 - q1, "skewness": g1, "kurtosis": g2,
              "lag1_autocorrelation": r1}
    if z is not None:
        result["z_scores"] = z
    return Derivation("Describing the data", goal=obj, steps=tuple(steps), result=result,
                      task="describe", inputs={"data": obj, "quantile_method": method,
                                               "ddof": k})

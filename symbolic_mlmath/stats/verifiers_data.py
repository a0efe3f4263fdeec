"""Independent checks of the data rules (issue 14): Python's ``statistics`` on Fractions.

When a step shows the data (small data sets), its fact is recomputed from the values
with the standard library (``statistics.mean``, ``median``, ``multimode``, ``variance``)
or a direct formula on Fractions, and numpy for the quantile methods; for large data sets
the step's arithmetic is checked from its given sums.

Examples
========
>>> from sympy import Rational, Tuple
>>> from symbolic_mlmath.core.steps import Step
>>> data = Tuple(1, 2, 6)
>>> DATA_VERIFIERS[S.SAMPLE_MEAN_FORMULA].check(Step(S.SAMPLE_MEAN_FORMULA, data, 3,
...                                                  {"sum": 9, "n": 3})) is None
True
>>> DATA_VERIFIERS[S.MEDIAN_RULE].check(Step(S.MEDIAN_RULE, data, 3))
'the median is 2, not 3'
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.core.verify import Verifier, VerifierTable
from symbolic_mlmath.stats.rules import StatsRule as S

__all__ = ["DATA_VERIFIERS"]

DATA_VERIFIERS = VerifierTable()


def _values(step: Step) -> list[Fraction] | None:
    from sympy import Tuple

    obj = step.before
    if not isinstance(obj, Tuple):
        return None
    return [Fraction(int(v.p), int(v.q)) for v in obj]


def _sym(f: Fraction) -> Any:
    from sympy import Rational

    return Rational(f.numerator, f.denominator)


def _reads(fn: Any) -> Verifier:
    return Verifier(check=fn, reads=True)


def _count(step: Step) -> str | None:
    xs = _values(step)
    if xs is not None and len(xs) != step.after:
        return f"there are {len(xs)} values, not {step.after}"
    return None


def _mean(step: Step) -> str | None:
    import statistics

    g = step.given
    if step.after != g["sum"] / g["n"]:
        return f"{g['sum']}/{g['n']} is {g['sum'] / g['n']}, not {step.after}"
    xs = _values(step)
    if xs is not None and _sym(statistics.mean(xs)) != step.after:
        return f"the mean is {_sym(statistics.mean(xs))}, not {step.after}"
    return None


def _deviations(step: Step) -> str | None:
    xs = _values(step)
    if xs is None:
        return None
    m = sum(xs) / len(xs)
    ss = _sym(sum((x - m) ** 2 for x in xs))
    return None if ss == step.given["ss"] else f"the sum of squares is {ss}, not {step.given['ss']}"


def _variance(step: Step) -> str | None:
    g = step.given
    if step.after != g["ss"] / g["divisor"]:
        return f"{g['ss']}/{g['divisor']} is {g['ss'] / g['divisor']}, not {step.after}"
    xs = _values(step)
    if xs is not None and g["divisor"] != len(xs) - g["ddof"]:
        return f"the divisor should be n - {g['ddof']} = {len(xs) - g['ddof']}"
    return None


def _sort(step: Step) -> str | None:
    from sympy import Tuple

    xs = _values(step)
    return None if xs is None or Tuple(*map(_sym, sorted(xs))) == step.after else "not sorted"


def _median(step: Step) -> str | None:
    import statistics

    xs = _values(step)
    if xs is None:
        return None
    m = _sym(statistics.median(xs))
    return None if m == step.after else f"the median is {m}, not {step.after}"


def _mode(step: Step) -> str | None:
    import statistics

    xs = _values(step)
    if xs is None:
        return None
    modes = sorted(statistics.multimode(xs))
    return None if [_sym(m) for m in modes] == list(step.after) else f"the modes are {modes}"


def _quantile(step: Step) -> str | None:
    import numpy as np

    xs = _values(step)
    if xs is None:
        return None
    q, method = float(step.given["q"]), str(step.given["method"])
    want = float(np.quantile([float(x) for x in xs], q, method=method))
    got = float(step.after)
    if abs(got - want) > 1e-9 * max(1.0, abs(want)):
        return f"numpy's {method} quantile is {want}, not {got}"
    return None


def _iqr(step: Step) -> str | None:
    g = step.given
    if step.after != g["q3"] - g["q1"]:
        return f"Q3 - Q1 is {g['q3'] - g['q1']}"
    lo, hi = g["fences"]
    if lo != g["q1"] - step.after * 3 / 2 or hi != g["q3"] + step.after * 3 / 2:
        return "the fences are Q1 - 1.5 IQR and Q3 + 1.5 IQR"
    return None


def _std(step: Step) -> str | None:
    from sympy import sqrt

    var = step.given["variance"]
    return None if step.after == sqrt(var) else f"sqrt({var}) is {sqrt(var)}"


def _moments(xs: list[Fraction]) -> tuple[Fraction, Fraction, Fraction, list[Fraction]]:
    n = len(xs)
    m = sum(xs) / n
    d = [x - m for x in xs]
    return (sum(t**2 for t in d) / n, sum(t**3 for t in d) / n, sum(t**4 for t in d) / n, d)


def _skew(step: Step) -> str | None:
    from sympy import sqrt

    xs = _values(step)
    if xs is None:
        return None
    m2, m3, _, _ = _moments(xs)
    want = _sym(m3) / (_sym(m2) * sqrt(_sym(m2)))
    return None if (want - step.after).equals(0) else f"g1 is {want}"


def _kurt(step: Step) -> str | None:
    xs = _values(step)
    if xs is None:
        return None
    m2, _, m4, _ = _moments(xs)
    want = _sym(m4 / m2**2 - 3)
    return None if want == step.after else f"g2 is {want}"


def _r1(step: Step) -> str | None:
    xs = _values(step)
    if xs is None:
        return None
    _, _, _, d = _moments(xs)
    want = _sym(sum(d[i] * d[i + 1] for i in range(len(d) - 1)) / sum(t * t for t in d))
    return None if want == step.after else f"r1 is {want}"


def _z(step: Step) -> str | None:
    import statistics

    from sympy import sqrt

    xs = _values(step)
    if xs is None:
        return None
    ddof = int(step.given["ddof"])
    var = statistics.variance(xs) if ddof == 1 else statistics.pvariance(xs)
    s = sqrt(_sym(var))
    m = statistics.mean(xs)
    for x, z in zip(xs, step.after, strict=True):
        if not ((_sym(x - m) / s) - z).equals(0):
            return f"the z-score of {_sym(x)} is {_sym(x - m) / s}"
    return None


for _rule, _fn in ((S.COUNT_VALUES, _count), (S.SAMPLE_MEAN_FORMULA, _mean),
                   (S.DEVIATIONS, _deviations), (S.SAMPLE_VARIANCE_FORMULA, _variance), (S.SAMPLE_STD, _std),
                   (S.SORT_DATA, _sort), (S.MEDIAN_RULE, _median), (S.MODE_RULE, _mode),
                   (S.DATA_QUANTILE, _quantile), (S.IQR_RULE, _iqr),
                   (S.SKEWNESS_RULE, _skew), (S.KURTOSIS_RULE, _kurt), (S.Z_SCORES, _z),
                   (S.LAG1_AUTOCORRELATION, _r1)):
    DATA_VERIFIERS[_rule] = _reads(_fn)

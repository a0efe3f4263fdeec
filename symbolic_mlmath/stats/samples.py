"""A sample for inference: data read exactly, or its summary (n, mean, s), with its step.

Examples
========
>>> s = sample_from(data="2, 4, 4, 4, 5, 5, 7, 9")
>>> s.n, s.mean, s.variance, s.sd
(8, 5, 32/7, 4*sqrt(14)/7)
>>> s.steps[0].rule.value
'sample_summary'
>>> sample_from(xbar="5.1", n=30, s="1.2").sd
6/5
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Lazy, Step
from symbolic_mlmath.stats.formulas import approx, exact_number, exact_sqrt
from symbolic_mlmath.stats.rules import StatsRule as R

__all__ = ["Sample", "differences", "read_values", "sample_from", "summary_of"]


class _Values(Lazy):
    """Data values held as integers over one denominator; a SymPy tuple when a step is read."""

    __slots__ = ("data",)

    def __init__(self, data: Any) -> None:
        self.data = data

    def to_sympy(self) -> Any:
        from sympy import Tuple

        return Tuple(*self.data.values())


@dataclass(frozen=True)
class Sample:
    """n, mean, variance (n - 1 divisor) and sd of a sample, exact; the steps that found them."""

    n: int
    mean: Any
    variance: Any
    sd: Any
    sigma: Any = None  # a known population standard deviation (z procedures)
    steps: tuple[Step, ...] = field(default=())
    data: Any = None


def read_values(value: Any, name: str = "data", min_items: int = 2) -> Any:
    """Data read exactly (the subject's data door)."""
    from symbolic_mlmath.stats.data import read_data

    return read_data(value, name=name, min_items=min_items)


def summary_of(data: Any) -> tuple[Any, Any]:
    """(mean, variance with n - 1) of :class:`~symbolic_mlmath.stats.data.Data`, exact."""
    from sympy import Rational

    n, den = len(data), data.den
    s1 = sum(data.nums)
    s2 = sum(v * v for v in data.nums)
    mean = Rational(s1, n * den)
    ss = Rational(n * s2 - s1 * s1, n * den * den)  # sum of squared deviations
    return mean, ss / (n - 1)


def _summary_step(data: Any, name: str) -> tuple[Step, Any, Any]:
    from sympy import Integer, Tuple

    mean, var = summary_of(data)
    sd = exact_sqrt(var)
    step = Step(R.SAMPLE_SUMMARY, None, Tuple(Integer(len(data)), mean, sd),
                {"data": _Values(data), "variance": var, "which": name,
                 "approx": Tuple(approx(mean), approx(sd))})
    return step, mean, var


def sample_from(data: Any = None, *, xbar: Any = None, n: Any = None, s: Any = None,
                sigma: Any = None, name: str = "data", need_sd: bool = True) -> Sample:
    """The sample of a test or interval: from ``data``, or from ``xbar``, ``n`` and ``s``
    (or a known ``sigma``)."""
    sig = None
    if sigma is not None:
        sig = exact_number(sigma, "sigma")
        if not sig.is_number or sig <= 0:
            raise TaskError("sigma must be a positive number", name="sigma")
    if data is not None:
        d = read_values(data, name)
        step, mean, var = _summary_step(d, name)
        return Sample(len(d), mean, var, exact_sqrt(var), sig, (step,), d)
    if xbar is None or n is None:
        raise TaskError(f"give the {name}, or its summary xbar and n", name=name)
    m = exact_number(xbar, "xbar")
    nn = exact_number(n, "n")
    if not nn.is_Integer or nn < 2:
        raise TaskError("n must be a whole number of at least 2", name="n")
    if s is None:
        if sig is None and need_sd:
            raise TaskError("give s (the sample standard deviation) or sigma (known)", name="s")
        return Sample(int(nn), m, None, None, sig)
    sd = exact_number(s, "s")
    if not sd.is_number or sd < 0:
        raise TaskError("s must be a non-negative number", name="s")
    return Sample(int(nn), m, sd**2, sd, sig)


def differences(first: Any, second: Any) -> tuple[Any, Step]:
    """The paired differences x_i - y_i as data, and the step that forms them."""
    from symbolic_mlmath.stats.data import Data

    a, b = read_values(first, "sample1"), read_values(second, "sample2")
    if len(a) != len(b):
        raise TaskError(f"paired samples need the same length ({len(a)} and {len(b)})",
                        name="sample2")
    den = a.den * b.den
    d = Data(tuple(x * b.den - y * a.den for x, y in zip(a.nums, b.nums, strict=True)), den)
    step = Step(R.PAIRED_DIFFERENCES, None, _Values(d),
                {"first": _Values(a), "second": _Values(b)})
    return d, step

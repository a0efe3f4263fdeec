"""One-way analysis of variance, exactly: group means, sums of squares, the F table.

Data are read as exact rationals, so the sums of squares are exact even when the data
share thirteen leading digits (NIST's SmLs09, where a floating-point ANOVA keeps about
two correct digits); the p-value of F comes from the regularised incomplete beta
function to 30 digits.

Examples
========
>>> d = derive_anova([[1, 2, 3], [2, 3, 4], [5, 6, 7]])
>>> r = d.result
>>> r["SS_between"], r["SS_within"], r["df_between"], r["df_within"], r["F"]
(26, 6, 2, 6, 13)
>>> r["decision"]
'reject'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from symbolic_mlmath.core.errors import TaskError
from symbolic_mlmath.core.steps import Derivation, Lazy, Step
from symbolic_mlmath.stats.formulas import exact_number, exact_sqrt
from symbolic_mlmath.stats.rules import StatsRule as R
from symbolic_mlmath.stats.testing import check_alpha, decision_step, p_value_step

__all__ = ["OneWay", "derive_anova", "one_way"]


@dataclass(frozen=True)
class OneWay:
    """The exact pieces of a one-way ANOVA (SymPy rationals)."""

    sizes: tuple[int, ...]
    means: tuple[Any, ...]
    grand_mean: Any
    ss_between: Any
    ss_within: Any
    within_parts: tuple[Any, ...]  # each group's sum of squared deviations

    @property
    def k(self) -> int:
        """The number of groups."""
        return len(self.sizes)

    @property
    def N(self) -> int:
        """The number of observations."""
        return sum(self.sizes)


class _Groups(Lazy):
    """The raw data of the groups, as SymPy tuples only when a step is read."""

    __slots__ = ("groups",)

    def __init__(self, groups: list[list[Any]]) -> None:
        self.groups = groups

    def to_sympy(self) -> Any:
        from sympy import Tuple

        return Tuple(*(Tuple(*g) for g in self.groups))


def _summary(g: Mapping[str, Any], j: int) -> tuple[int, Any, Any]:
    keys = {str(k).lower(): v for k, v in g.items()}
    try:
        n = exact_number(keys["n"], "groups")
        mean = exact_number(keys.get("mean", keys.get("xbar")), "groups")
    except KeyError:
        raise TaskError(f"group {j}: a summary needs n, mean and variance (or sd)",
                        name="groups") from None
    if "variance" in keys or "var" in keys:
        var = exact_number(keys.get("variance", keys.get("var")), "groups")
    elif any(k in keys for k in ("sd", "s", "std")):
        sd = exact_number(keys.get("sd", keys.get("s", keys.get("std"))), "groups")
        var = sd**2
    else:
        raise TaskError(f"group {j}: a summary needs a variance or sd", name="groups")
    if mean is None or not n.is_Integer or n < 1:
        raise TaskError(f"group {j}: n must be a whole number >= 1", name="groups")
    if var < 0:
        raise TaskError(f"group {j}: a variance cannot be negative", name="groups")
    return int(n), mean, var


def _split_groups(text: str) -> list[Any]:
    """Groups written as text: ``[[1, 2], [3, 4, 5]]``, ``1 2; 3 4 5`` or summaries in braces."""
    from symbolic_mlmath.stats.answers_inference import split_top
    from symbolic_mlmath.stats.data import read_data, read_mapping

    t = text.strip()
    if t[:1] == "[" and t[1:].lstrip()[:1] in "[({":
        pieces = split_top(t[1:-1].strip(), ",")
    elif t[:1] == "{" and ";" not in t and t.count("{") > 1:
        pieces = split_top(t, ",")
    else:
        pieces = split_top(t, ";\n")
    out: list[Any] = []
    for j, piece in enumerate(pieces, 1):
        if piece.startswith("{"):
            out.append(read_mapping(piece, name=f"groups, group {j}"))
        else:
            out.append(list(read_data(piece, name=f"groups, group {j}").values()))
    return out


def _group_lists(groups: Any) -> list[Any]:
    from sympy import MatrixBase

    if isinstance(groups, str):
        return _split_groups(groups)
    if isinstance(groups, MatrixBase):
        return [list(groups.row(i)) for i in range(groups.rows)]
    if isinstance(groups, Mapping):
        return list(groups.values())
    if isinstance(groups, Sequence) and not isinstance(groups, str):
        out = []
        for j, g in enumerate(groups, 1):
            if isinstance(g, MatrixBase):
                out.append(list(g))
            elif isinstance(g, str):
                out.extend(_split_groups(g) if g.strip()[:1] == "{" else
                           [list(_read(g, j))])
            else:
                out.append(g)
        return out
    raise TaskError("expected a list of groups", name="groups")


def _read(text: str, j: int) -> Any:
    from symbolic_mlmath.stats.data import read_data

    return read_data(text, name=f"groups, group {j}").values()


def one_way(groups: Any) -> tuple[OneWay, Any]:
    """The exact one-way ANOVA pieces of ``groups`` (data lists, or n/mean/variance summaries).

    Returns the pieces and the raw data (``None`` for summaries).
    """
    from sympy import QQ, Rational

    gl = _group_lists(groups)
    if len(gl) < 2:
        raise TaskError("ANOVA needs at least two groups", name="groups")
    if all(isinstance(g, Mapping) for g in gl):
        summ = [_summary(g, j + 1) for j, g in enumerate(gl)]
        sizes = tuple(n for n, _, _ in summ)
        means = tuple(m for _, m, _ in summ)
        N = sum(sizes)
        grand = sum((n * m for n, m, _ in summ), Rational(0)) / N
        parts = tuple((n - 1) * v for n, _, v in summ)
        raw = None
    elif any(isinstance(g, Mapping) for g in gl):
        raise TaskError("give every group as data, or every group as n, mean and variance",
                        name="groups")
    else:
        data = []
        for j, g in enumerate(gl, 1):
            vals = [exact_number(v, "groups") for v in g] if isinstance(g, Sequence) else None
            if not vals:
                raise TaskError(f"group {j} is empty", name="groups")
            if not all(v.is_Rational for v in vals):
                raise TaskError(f"group {j}: data must be numbers", name="groups")
            data.append(vals)
        qs = [[QQ(int(v.p), int(v.q)) for v in g] for g in data]
        sizes = tuple(len(g) for g in qs)
        N = sum(sizes)
        sums = [sum(g, QQ(0)) for g in qs]
        qmeans = [s / len(g) for s, g in zip(sums, qs, strict=True)]
        qgrand = sum(sums, QQ(0)) / N
        qparts = [sum(((v - m) ** 2 for v in g), QQ(0)) for g, m in zip(qs, qmeans, strict=True)]
        means = tuple(QQ.to_sympy(m) for m in qmeans)
        grand = QQ.to_sympy(qgrand)
        parts = tuple(QQ.to_sympy(p) for p in qparts)
        raw = data
    ssb = sum((n * (m - grand) ** 2 for n, m in zip(sizes, means, strict=True)), Rational(0))
    ssw = sum(parts, Rational(0))
    if N - len(sizes) < 1:
        raise TaskError("ANOVA needs more observations than groups", name="groups")
    return OneWay(sizes, means, grand, ssb, ssw, parts), raw


def derive_anova(groups: Any, alpha: Any = None) -> Derivation:
    """One-way ANOVA of ``groups`` with the sum-of-squares table, F, p-value and decision.

    Examples
    ========
    >>> d = derive_anova([{"n": 5, "mean": 10, "variance": 4}, {"n": 5, "mean": 12, "sd": 2}])
    >>> d.result["F"], d.result["df_within"]
    (5/2, 8)
    """
    from sympy import Integer, Rational, S, Symbol, Tuple
    from sympy.core.symbol import Str

    a = check_alpha(Rational(5, 100) if alpha is None else alpha)
    ow, raw = one_way(groups)
    k, N = ow.k, ow.N
    df1, df2 = k - 1, N - k
    msb, msw = ow.ss_between / df1, ow.ss_within / df2
    F = msb / msw if msw != 0 else S.Infinity
    steps = [
        Step(R.GROUP_MEANS, None, Tuple(*ow.means),
             {"sizes": Tuple(*ow.sizes), "grand_mean": ow.grand_mean, "N": N,
              **({"groups": _Groups(raw)} if raw is not None else {})}),
        Step(R.SS_BETWEEN, None, ow.ss_between,
             {"sizes": Tuple(*ow.sizes), "means": Tuple(*ow.means), "grand_mean": ow.grand_mean}),
        Step(R.SS_WITHIN, None, ow.ss_within,
             {"parts": Tuple(*ow.within_parts), "means": Tuple(*ow.means),
              **({"groups": _Groups(raw)} if raw is not None else {})}),
        Step(R.ANOVA_TABLE, None, F,
             {"SS_between": ow.ss_between, "SS_within": ow.ss_within, "df_between": df1,
              "df_within": df2, "MS_between": msb, "MS_within": msw}),
    ]
    result: dict[str, Any] = {
        "SS_between": ow.ss_between, "SS_within": ow.ss_within,
        "SS_total": ow.ss_between + ow.ss_within, "df_between": Integer(df1),
        "df_within": Integer(df2), "MS_between": msb, "MS_within": msw, "F": F,
    }
    if F is S.Infinity:
        result["p_value"] = Integer(0)
        steps.append(Step(R.DECISION, None, Str("reject"),
                          {"p_value": Integer(0), "alpha": a, "law": "f", "statistic": F,
                           "alternative": "greater"}))
    else:
        ps = p_value_step("f", F, "greater", (df1, df2))
        steps.append(ps)
        steps.append(decision_step(ps.after, a, "f", F, "greater"))
        result["p_value"] = ps.after
    result["decision"] = str(steps[-1].after)
    total = ow.ss_between + ow.ss_within
    result["r_squared"] = ow.ss_between / total if total != 0 else S.NaN
    result["residual_sd"] = exact_sqrt(msw)
    goal = Symbol("F")
    return Derivation("One-way ANOVA", goal, tuple(steps), result, task="anova")

"""Readers of NIST StRD linear-regression and ANOVA files (certified values and data, exact).

Independent of the package: numbers are read with Python's ``decimal`` into exact
``fractions.Fraction`` values, certified values are kept as the strings NIST printed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

__all__ = ["ANOVA_SETS", "LLS_SETS", "NIST", "exact", "lre", "read_anova", "read_lls"]

def _find() -> Path:
    for up in Path(__file__).resolve().parents:
        cand = up / "shared" / "reference" / "nist-strd"
        if cand.is_dir():
            return cand
    return Path("/work/shared/reference/nist-strd")


#: The folder of the NIST files (found upwards from this file).
NIST = _find()

#: name -> (polynomial degree or None for several predictors, intercept)
LLS_SETS = {
    "Norris": (1, True), "Pontius": (2, True), "NoInt1": (1, False), "NoInt2": (1, False),
    "Filip": (10, True), "Longley": (None, True),
    **{f"Wampler{i}": (5, True) for i in range(1, 6)},
}
ANOVA_SETS = ("SiRstv", *(f"SmLs0{i}" for i in range(1, 10)), "AtmWtAg")

_NUM = r"[-+]?\d*\.?\d+(?:[Ee][-+]?\d+)?"


def exact(text: str) -> Fraction:
    """A decimal string (Fortran E notation too) as an exact fraction."""
    return Fraction(Decimal(text))


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines()


def read_lls(name: str) -> tuple[dict, list[list[Fraction]]]:
    """(certified values, data rows ``[y, x1, ...]``) of a linear least squares file."""
    lines = _lines(NIST / "lls" / f"{name}.dat")
    cert: dict = {"B": [], "SD": []}
    for ln in lines[28:60]:
        if m := re.match(rf"\s*B(\d+)\s+({_NUM})\s+({_NUM})", ln):
            cert["B"].append(m.group(2))
            cert["SD"].append(m.group(3))
        elif m := re.match(rf"\s*Standard Deviation\s+({_NUM})", ln):
            cert["residual_sd"] = m.group(1)
        elif m := re.match(rf"\s*R-Squared\s+({_NUM})", ln):
            cert["r_squared"] = m.group(1)
        elif m := re.match(rf"\s*Regression\s+(\d+)\s+({_NUM})\s+({_NUM})\s+(\S+)", ln):
            cert["regression"] = m.groups()
        elif m := re.match(rf"\s*Residual\s+(\d+)\s+({_NUM})\s+({_NUM})", ln):
            cert["residual"] = m.groups()
    rows = [[exact(t) for t in ln.split()] for ln in lines[60:] if ln.strip()]
    return cert, rows


def read_anova(name: str) -> tuple[dict, list[list[Fraction]]]:
    """(certified values, groups of responses in treatment order) of a one-way ANOVA file."""
    lines = _lines(NIST / "anova" / f"{name}.dat")
    cert: dict = {}
    for ln in lines[38:52]:  # AtmWtAg's block sits one line lower than its header says
        if m := re.match(rf"\s*Between \w+\s+(\d+)\s+({_NUM})\s+({_NUM})\s+({_NUM})", ln):
            cert["between"] = m.groups()
        elif m := re.match(rf"\s*Within \w+\s+(\d+)\s+({_NUM})\s+({_NUM})", ln):
            cert["within"] = m.groups()
        elif m := re.search(rf"R-Squared\s+({_NUM})", ln):
            cert["r_squared"] = m.group(1)
        elif m := re.search(rf"Standard Deviation\s+({_NUM})", ln):
            cert["residual_sd"] = m.group(1)
    groups: dict[int, list[Fraction]] = {}
    for ln in lines[60:]:
        if ln.strip():
            g, v = ln.split()
            groups.setdefault(int(g), []).append(exact(v))
    return cert, [groups[k] for k in sorted(groups)]


def lre(value, certified: str) -> float:
    """NIST's log relative error of an exact SymPy value against a certified string
    (the log absolute error where the certified value is 0); 99 for an exact match."""
    import mpmath

    with mpmath.workdps(50):
        c = mpmath.mpf(certified)
        v = mpmath.mpf(str(value.evalf(60))) if hasattr(value, "evalf") else mpmath.mpf(value)
        if c == 0:
            return 99.0 if v == 0 else float(-mpmath.log10(abs(v)))
        err = abs(v - c) / abs(c)
        return 99.0 if err == 0 else float(-mpmath.log10(err))

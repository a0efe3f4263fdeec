"""The mistake library's core: a named slip, the detector tables, and the diagnosis.

When a line of working does not follow, a working judge asks :func:`diagnose` *which*
slip it was. Each subject declares its detectors by family of tasks in its
``detectors`` table (a :class:`DetectorTable`; linear algebra has ``"matrix"``, ``"det"``
and ``"system"``); :func:`diagnose` runs the detectors of one family, merged over every
subject, and the first that recognises the line wins. A detector reconstructs the step
the learner most likely meant (the nearest correct line), compares it with what was
written, and names the difference. Nothing here knows a subject.

Examples
========
>>> T = DetectorTable()
>>> @T.add("demo")
... def odd(ctx, prev, got):
...     return Slip("sign error", f"{got} should be {prev}") if got == -prev else None
>>> T["demo"][0](None, 3, -3).name
'sign error'
>>> differences([[1, 2]], [[1, 3]], [(0, 1)])
'entry (1, 2) should be 2, not 3'
>>> sum_text([3, -2, 5])
'3 - 2 + 5'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CATALOGUE",
    "Detector",
    "DetectorTable",
    "Slip",
    "cell",
    "diagnose",
    "differences",
    "sum_text",
]


@dataclass(frozen=True)
class Slip:
    """A named mistake in one line: what it was, where, and what the line should have been."""

    name: str
    detail: str = ""
    expected: Any = None
    operation: str | None = None  # the step the learner meant, e.g. "R2 <- R2 - 2 R1"


#: The slips every subject may name (subjects add their own in their catalogues).
CATALOGUE: dict[str, str] = {
    "sign error": "a sign was lost or flipped",
    "arithmetic slip": "a number was computed wrongly",
    "wrong shape": "the line does not have the shape of the object",
    "unreadable line": "the line could not be read",
}

#: A detector: ``(ctx, previous state, learner's line) -> Slip | None``.
Detector = Callable[[Any, Any, Any], "Slip | None"]


class DetectorTable(dict):
    """A subject's detectors by mistake family: ``family -> [detector, ...]``."""

    def add(self, family: str) -> Callable[[Detector], Detector]:
        """Decorator: append the detector to ``family`` (earlier ones are tried first)."""

        def deco(fn: Detector) -> Detector:
            self.setdefault(family, []).append(fn)
            return fn

        return deco


def diagnose(family: str, ctx: Any, prev: Any, got: Any) -> Slip | None:
    """The first slip a detector of ``family`` (from any subject) recognises in ``got``."""
    from symbolic_mlmath.core.subjects import table

    for fn in table("detectors").get(family, ()):
        slip = fn(ctx, prev, got)
        if slip is not None:
            return slip
    return None


def cell(i: int, j: int) -> str:
    """A 0-based grid position as a learner counts it: ``entry (i+1, j+1)``."""
    return f"entry ({i + 1}, {j + 1})"


def differences(expected: Sequence[Sequence[Any]], got: Sequence[Sequence[Any]],
                cells: list[tuple[int, int]], label: Callable[[int, int], str] = cell,
                show: Callable[[Any], str] = str, most: int = 6) -> str:
    """``"entry (2, 3) should be -5, not 5; ..."`` for the listed cells (at most ``most``)."""
    out = "; ".join(f"{label(i, j)} should be {show(expected[i][j])}, not {show(got[i][j])}"
                    for i, j in cells[:most])
    return out + ("; ..." if len(cells) > most else "")


def sum_text(values: list) -> str:
    """Terms written as a sum, minus signs folded in: ``[3, -2, 5]`` -> ``'3 - 2 + 5'``."""
    out = ""
    for k, v in enumerate(values):
        s = str(v)
        if k == 0:
            out = s
        elif s.startswith("-"):
            out += f" - {s[1:]}"
        else:
            out += f" + {s}"
    return out or "0"

"""The verdict on a learner's answer or working.

Examples
========
>>> v = Verdict(True, "exact", "Correct: -6.", expected=-6, got=-6)
>>> bool(v), v.correct
(True, True)
>>> Verdict(None, "undecided", "Could not decide.").to_dict()["correct"] is None
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["LineVerdict", "Verdict"]


@dataclass(frozen=True)
class LineVerdict:
    """The judgement of one line of a learner's working."""

    index: int
    follows: bool | None
    feedback: str
    operation: str | None = None  # what the line did, e.g. "R3 <- R3 + 4 R1"
    mistake: str | None = None  # the named slip, e.g. "sign error"
    expected: Any = None  # what the line should have been
    note: str | None = None  # the learner's note on the line ("R2 <- R2 - 2R1")

    def to_dict(self) -> dict:
        """JSON-ready data."""
        from symbolic_mlmath.render.json import to_jsonable

        return {
            "index": self.index,
            "follows": self.follows,
            "feedback": self.feedback,
            "operation": self.operation,
            "mistake": self.mistake,
            "expected": to_jsonable(self.expected),
            "note": self.note,
        }


@dataclass(frozen=True)
class Verdict:
    """Whether an answer (or a working) is right, how that was decided, and why.

    ``correct`` is True, False, or None when it could not be decided; ``method``
    names the rung of the checking ladder that decided (``structural``, ``exact``,
    ``decimal``, ``numeric``, ``property``, ``working``, ``undecided``);
    ``first_wrong_step`` is the 0-based index of the first wrong line of a working.
    """

    correct: bool | None
    method: str
    feedback: str
    expected: Any = None
    got: Any = None
    first_wrong_step: int | None = None
    details: tuple[str, ...] = ()
    lines: tuple[LineVerdict, ...] = field(default=())

    def __bool__(self) -> bool:
        return self.correct is True

    def to_dict(self) -> dict:
        """JSON-ready data."""
        from symbolic_mlmath.render.json import to_jsonable

        return {
            "correct": self.correct,
            "method": self.method,
            "feedback": self.feedback,
            "expected": to_jsonable(self.expected),
            "got": to_jsonable(self.got),
            "first_wrong_step": self.first_wrong_step,
            "details": list(self.details),
            "lines": [ln.to_dict() for ln in self.lines],
        }

    def to_json(self) -> str:
        """The verdict as JSON."""
        import json

        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        """The verdict as lines of text: the outcome, the feedback, then each working line."""
        mark = {True: "correct", False: "not correct", None: "undecided"}[self.correct]
        out = [f"{mark} ({self.method}): {self.feedback}"]
        out += [f"  {d}" for d in self.details]
        for ln in self.lines:
            tag = {True: "ok", False: "WRONG", None: "??"}[ln.follows]
            out.append(f"  line {ln.index + 1} [{tag}] {ln.feedback}")
        return "\n".join(out)

    def __str__(self) -> str:
        return self.to_text()

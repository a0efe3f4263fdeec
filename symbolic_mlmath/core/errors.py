"""The public exception family: every failure a learner can cause is one of these.

Each message is one line that names the input and the problem, e.g.
``matrix: row 2 has 3 entries, row 1 has 2``.
"""

from __future__ import annotations

__all__ = ["InputError", "LimitError", "ParseError", "TaskError"]


class InputError(ValueError):
    """Bad input from a user: the message is one line naming the input and the problem."""

    def __init__(self, message: str, *, name: str | None = None) -> None:
        text = " ".join(str(message).split())  # one line, always
        if name and not text.startswith(f"{name}:"):
            text = f"{name}: {text}"
        super().__init__(text)
        self.name = name


class ParseError(InputError):
    """Text that cannot be read as the value it should be."""


class LimitError(InputError):
    """Input that would exceed a resource limit (size, depth, huge powers, time)."""


class TaskError(InputError):
    """An unknown task, an unknown or missing input, or inputs the task cannot work with."""

"""The probability and statistics tasks: names, inputs, engines and answer checks."""

from __future__ import annotations

from symbolic_mlmath.core.tasks import TaskList

__all__ = ["TASKS"]

#: The tasks of this subject, in listing order.
TASKS = TaskList()
register = TASKS.register

# --- probability, distributions and data (issue 14) ----------------------------------------------
from symbolic_mlmath.stats.tasks_events import EVENT_TASKS  # noqa: E402
from symbolic_mlmath.stats.tasks_prob import PROB_TASKS  # noqa: E402

TASKS.extend(PROB_TASKS)
TASKS.extend(EVENT_TASKS)



# --- inference (issue 15) ----------------------------------------------
from symbolic_mlmath.stats.tasks_bayes import BAYES_TASKS  # noqa: E402
from symbolic_mlmath.stats.tasks_inference import INFERENCE_TASKS  # noqa: E402
from symbolic_mlmath.stats.tasks_intervals import INTERVAL_TASKS  # noqa: E402
from symbolic_mlmath.stats.tasks_tests import TEST_TASKS  # noqa: E402

TASKS.extend(INFERENCE_TASKS + TEST_TASKS + INTERVAL_TASKS + BAYES_TASKS)

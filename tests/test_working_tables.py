"""Every judged task has a table of at least ten real-looking workings, correct and slipped,
with the first wrong line and the mistake named (the tables live next to each subject's
tests); every task with a working judge is in this list, so a new judge needs its table."""

from __future__ import annotations

from collections import Counter

from symbolic_mlmath.core.subjects import table

from .calculus import test_judge_backprop as bp
from .calculus import test_judges as calc
from .linalg import test_judges as lin
from .linalg import test_judges_course1 as lin1
from .linalg import test_judges_more as lin2
from .stats import test_judges as st

JUDGED = {"derivative", "partial_derivative", "gradient", "hessian", "gradient_descent",
          "newton_method", "backprop", "mle", "t_test", "z_test", "two_sample_test", "ci_mean",
          "ci_proportion", "inverse", "charpoly", "eigenvectors", "rref", "ref", "det",
          "solve_system"}


def _rows() -> list[tuple[str, object, object]]:
    """(task, first wrong line, mistake) of every table row."""
    rows = [(c[0], c[4], c[5]) for c in calc.CASES + lin.CASES + lin1.CASES + lin2.CASES]
    rows += [("backprop", c[3], c[4]) for c in bp.CASES]
    for task, tab in (("t_test", st.T_TABLE), ("z_test", st.Z_TABLE), ("ci_mean", st.CI_TABLE),
                      ("ci_proportion", st.PROP_TABLE + st.WILSON_TABLE),
                      ("two_sample_test", st.TWO_TABLE),
                      ("mle", st.MLE_TABLE + st.NORMAL_TABLE)):
        rows += [(task, c[2], c[3]) for c in tab]
    return rows


def test_every_judged_task_is_listed():
    assert set(table("judges")) == JUDGED


def test_every_judged_task_has_ten_workings_with_slips_named():
    rows = _rows()
    count = Counter(task for task, _, _ in rows)
    slipped = Counter(task for task, first, mistake in rows
                      if isinstance(first, int) and mistake)
    for task in JUDGED:
        assert count[task] >= 10, (task, count[task])
        assert slipped[task] >= 4, (task, slipped[task])
    named = {mistake for _, first, mistake in rows if isinstance(first, int) and mistake}
    assert len(named) >= 40

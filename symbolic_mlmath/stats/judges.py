"""Every statistics working judge: the subject's ``JUDGES`` table (task -> Judge).

Tests and intervals for a mean in ``judge_tests`` (slips in ``judge_slips``), maximum
likelihood in ``judge_mle``.

Examples
========
>>> sorted(JUDGES)
['ci_mean', 'mle', 't_test', 'z_test']
"""

from __future__ import annotations

from symbolic_mlmath.stats import judge_mle, judge_tests

__all__ = ["JUDGES"]

JUDGES = {**judge_tests.JUDGES, **judge_mle.JUDGES}

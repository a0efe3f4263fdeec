"""Every statistics working judge: the subject's ``JUDGES`` table (task -> Judge).

Tests and intervals (t_test, z_test, two_sample_test, ci_mean, ci_proportion) in
``judge_tests``.

Examples
========
>>> sorted(JUDGES)
['ci_mean', 't_test', 'z_test']
"""

from __future__ import annotations

from symbolic_mlmath.stats import judge_tests

__all__ = ["JUDGES"]

JUDGES = {**judge_tests.JUDGES}

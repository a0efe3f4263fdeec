"""Every statistics working judge: the subject's ``JUDGES`` table (task -> Judge).

Tests and intervals (t_test, z_test, ci_mean) in ``judge_tests``; ci_proportion (Wald and
Wilson) in ``judge_proportion``; two_sample_test in ``judge_two_sample``; mle in ``judge_mle``.

Examples
========
>>> sorted(JUDGES)
['ci_mean', 'ci_proportion', 'mle', 't_test', 'two_sample_test', 'z_test']
"""

from __future__ import annotations

from symbolic_mlmath.stats import judge_mle, judge_proportion, judge_tests, judge_two_sample

__all__ = ["JUDGES"]

JUDGES = {**judge_tests.JUDGES, **judge_proportion.JUDGES, **judge_two_sample.JUDGES,
          **judge_mle.JUDGES}

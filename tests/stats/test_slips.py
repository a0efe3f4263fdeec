"""The usual slips are named in the feedback, task by task (issue 14, "Checking").

Each wrong answer is the hand value of the slip: the complement forgotten, independence
assumed, n instead of n - 1, the variance given for the standard deviation."""

from __future__ import annotations

import pytest

from symbolic_mlmath.api import check

DATA = "2 4 4 4 5 5 7 9"  # sum of squares 32: n - 1 = 7 gives 32/7, n = 8 gives 4
DICE = {"X1": "die(6)", "X2": "die(6)"}


@pytest.mark.parametrize(("task", "kw", "answer", "named"), [
    # complement forgotten
    ("probability", {"variables": DICE, "event": "X1 + X2 = 7"}, "5/6", "complement"),
    ("probability", {"variables": {"X": "binomial(10, 0.5)"}, "event": "X > 8"}, "1013/1024",
     "complement"),
    ("probability", {"variables": "cards", "event": "heart or king"}, "9/13", "complement"),
    ("cdf", {"distribution": "binomial(4, 0.5)", "x": 1}, "11/16", "upper tail"),
    # independence assumed
    ("probability", {"event": "A and B", "probabilities": {"A": "1/2", "B": "3/10",
                                                           "A given B": "3/5"}},
     "3/20", "independence assumed"),
    ("probability", {"variables": "cards", "event": "both aces", "draws": 2}, "1/169",
     "independence assumed"),
    # n instead of n - 1
    ("sample_variance", {"data": DATA}, "4", "n instead of n - 1"),
    ("std", {"data": DATA}, "2", "n instead of n - 1"),
    ("describe", {"data": DATA}, {"variance": "4"}, "n instead of n - 1"),
    ("describe", {"data": DATA}, {"std": "2"}, "n instead of n - 1"),
    ("covariance", {"x": "1 2 3 4", "y": "2 4 5 4"}, "7/8", "n versus n - 1"),
    # the variance given for the standard deviation
    ("std", {"data": DATA}, "32/7", "variance instead of the standard deviation"),
    ("std", {"distribution": "die(6)"}, "35/12", "variance instead of the standard deviation"),
    ("describe", {"data": DATA}, {"std": "32/7"}, "variance instead of the standard deviation"),
    ("sampling_distribution", {"distribution": "normal(100, 15)", "n": 25}, "N(100, 9)",
     "variance"),
])
def test_slip_is_named(task, kw, answer, named):
    v = check(task, answer=answer, **kw)
    assert v.correct is False
    assert named in v.feedback, v.feedback

"""Inference pages write names as a learner does: x̄, p̂, μ₀ (never xbar, phat, mu_0), a
product of a long name keeps its dot (SE·c, not SEc), and a test's goal is the parameter
tested, not "Given: μ"."""

from __future__ import annotations

import re

import pytest

import symbolic_mlmath as sm

CASES = [
    ("t_test", {"data": "5.1 4.9 5.3 5.2 4.8 5.0", "mu0": "5"}),
    ("z_test", {"xbar": "5.2", "mu0": "5", "sigma": "0.5", "n": "25"}),
    ("ci_proportion", {"x": "40", "n": "100"}),
    ("ci_mean", {"xbar": "10", "s": "2", "n": "16"}),
    ("two_sample_test", {"sample1": "[5,6,7,8]", "sample2": "[1,2,3,4]"}),
]
RAW = re.compile(r"\b(xbar|ybar|phat|mu_?0|mu|sigma|SEc|Df)\b")


@pytest.mark.parametrize(("task", "inputs"), CASES, ids=[c[0] for c in CASES])
def test_inference_pages_use_learner_names(task, inputs):
    d = sm.solve(task, **inputs)
    for detail in ("overview", "standard", "full"):
        text = d.to_text(detail=detail)
        assert not RAW.search(text), (detail, RAW.search(text).group(0), text[:400])
        assert "Given: μ" not in text and "Given: p\n" not in text
    assert re.search(r"^(Parameter tested|Parameter estimated): ", d.to_text(), re.M)

"""Shared test settings: hypothesis profiles, and golden files written only on request.

Hypothesis: locally the ``project`` profile is deterministic (``derandomize``). CI sets
``MLMATH_HYPOTHESIS_PROFILE=ci`` (``.ci/run`` does): a fresh random seed each run, printed in
the report header so a failure can be replayed with ``--hypothesis-seed=N``.

Golden files: a missing or different golden file fails. They are (re)written only with
``pytest --update-golden``, after reading the new output; every golden case also asserts a
hand-computed value, so an update cannot silently pin a wrong answer.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "project",
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = os.environ.get("MLMATH_HYPOTHESIS_PROFILE", "project")
settings.load_profile(PROFILE)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite golden files from the current output (read the diff first)")


def pytest_configure(config: pytest.Config) -> None:
    if PROFILE == "ci" and getattr(config.option, "hypothesis_seed", None) is None:
        seed = os.environ.get("MLMATH_HYPOTHESIS_SEED") or str(random.SystemRandom().getrandbits(
            32))
        config.option.hypothesis_seed = int(seed)


def pytest_report_header(config: pytest.Config) -> str:
    seed = getattr(config.option, "hypothesis_seed", None)
    if PROFILE == "ci":
        return (f"hypothesis profile ci, seed {seed} (replay: MLMATH_HYPOTHESIS_PROFILE=ci "
                f"pytest --hypothesis-seed={seed})")
    return f"hypothesis profile {PROFILE} (deterministic)"


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether this run may rewrite golden files (``--update-golden``)."""
    return bool(request.config.getoption("--update-golden"))


def check_golden(path: Path, text: str, update: bool) -> None:
    """Compare ``text`` with the golden file ``path``; write it only when ``update``."""
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"golden file {path.name} is missing: check the output, then run "
                    "pytest --update-golden")
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.name} differs from its golden file (if the change is right: pytest "
        "--update-golden)")

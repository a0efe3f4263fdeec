"""Renderers: every rule has a template in every format; golden output for each renderer.

Golden files were reviewed by hand when written; a missing one fails. Regenerate them with
``pytest tests/render/test_render.py --update-golden`` only after checking the change; the
golden derivations' values are asserted against hand computations.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sympy import ImmutableMatrix, Matrix

import symbolic_mlmath as sm
from symbolic_mlmath.core.subjects import all_rules, table
from symbolic_mlmath.render import render
from symbolic_mlmath.render.formats import LATEX, MARKDOWN, TEXT
from symbolic_mlmath.render.templates import TEMPLATES as CORE_TEMPLATES
from tests.conftest import check_golden

TEMPLATES = {**CORE_TEMPLATES, **table("templates")}

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def golden(update_golden):
    def check(name: str, text: str) -> None:
        check_golden(GOLDEN / name, text, update_golden)

    return check


def test_every_rule_has_a_template_in_every_format():
    import symbolic_mlmath.core.tasks as tasks

    tasks.all_tasks()  # loads every topic's templates
    missing = [r.name for r in all_rules() if r not in TEMPLATES]
    assert not missing, f"rules without a template: {missing}"
    for rule, t in TEMPLATES.items():
        assert t.title, rule
        for f in (TEXT, LATEX, MARKDOWN):
            assert t.law(f).strip(), (rule, f.name)
        assert t.relation in {"=", "~", "=>"}, rule


SAMPLES = [
    ("det", {"matrix": [[2, 1, 5], [1, 2, 1], [2, 1, 3]], "method": "cofactor"}),
    ("det", {"matrix": [[2, 1, 5], [1, 2, 1], [2, 1, 3]], "method": "sarrus"}),
    ("det", {"matrix": [[0, 1, 2], [1, 0, 3], [4, -3, 8]], "method": "elimination"}),
    ("singular", {"matrix": [[1, 2], [2, 4]]}),
    ("rank", {"matrix": [[1, 2, 3], [2, 4, 6], [1, 0, 1]]}),
    ("ref", {"matrix": [[0, 2, 4], [1, 1, 1]]}),
    ("rref", {"matrix": Matrix(13, 13, lambda i, j: (i + 2 * j) % 5 + (i == j))}),
    ("solve_system", {"equations": ["x + y = 1", "x + y = 2"]}),
    ("solve_system", {"equations": ["x1 + 4x3 = 1", "x2 - 3x3 = 1"]}),
    ("classify_system", {"equations": ["x + y = 4", "2x - y = 1"]}),
]


@pytest.mark.parametrize(("task", "inputs"), SAMPLES)
@pytest.mark.parametrize("fmt", ["text", "markdown", "latex", "json"])
@pytest.mark.parametrize("detail", ["overview", "standard", "full"])
def test_every_format_renders_every_sample(task, inputs, fmt, detail):
    d = sm.solve(task, **inputs)
    out = render(d, fmt, detail=detail)
    assert out.strip()
    if fmt == "json":
        data = json.loads(out)
        assert all("rule" in s for s in data["steps"])
    if fmt in ("latex", "markdown"):
        assert out.count("$") % 2 == 0


def _det():
    d = sm.solve("det", matrix=[[2, 1, 5], [1, 2, 1], [2, 1, 3]], method="cofactor")
    assert d.result == -6  # by hand: 2(6 - 1) - 1(3 - 2) + 5(1 - 4) = 10 - 1 - 15
    return d


def _rref():
    d = sm.solve("rref", matrix=[[1, 2], [3, 4]])
    assert d.result == Matrix([[1, 0], [0, 1]])  # by hand: det = -2 != 0, so full rank
    return d


def test_golden_text(golden):
    golden("det_cofactor.txt", _det().to_text("full"))
    golden("rref.txt", _rref().to_text())


def test_golden_markdown(golden):
    golden("det_cofactor.md", _det().to_markdown())
    golden("rref.md", _rref().to_markdown())


def test_golden_latex(golden):
    golden("det_cofactor.tex", _det().to_latex())
    golden("rref.tex", _rref().to_latex())


def test_golden_json(golden):
    golden("rref.json", _rref().to_json())


def test_instances_state_the_operation():
    d = _rref()
    first = d.steps[0]
    assert TEMPLATES[first.rule].instance(first, TEXT) == "R₂ ← R₂ - 3R₁"
    assert TEMPLATES[first.rule].instance(first, LATEX) == r"$R_{2} \leftarrow R_{2} - 3\,R_{1}$"


def test_json_result_and_rules():
    data = json.loads(_det().to_json())
    assert data["result"] == -6
    assert [s["rule"] for s in data["steps"]] == ["cofactor_expansion", "substitute", "arithmetic"]
    assert data["steps"][1]["substeps"], "minors are substeps"


def test_jupyter_displays_markdown_not_html():
    d = _rref()
    assert d._repr_markdown_().startswith("### ")
    assert not hasattr(d, "_repr_html_")


def test_lazy_matrices_materialise_as_immutable():
    d = _rref()
    assert isinstance(d.steps[0].before, ImmutableMatrix)
    assert isinstance(d.result, ImmutableMatrix)

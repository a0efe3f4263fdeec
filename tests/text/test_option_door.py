"""Every option is learner text: tolerances, methods, seeds, counts and topic names go
through the one door (``symbolic_mlmath.text``), never through ``eval``/``sympify``."""

from __future__ import annotations

import contextlib
import io
import os
import time

import pytest

import symbolic_mlmath as sm
from symbolic_mlmath.cli import main
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.text import parse_choice, parse_count, parse_tolerance

M = "[[1,2],[3,4]]"
HOSTILE = [
    "__import__('os').system('touch {f}')",
    "exec('import os; os.system(\"touch {f}\")')",
    "lambda: open('{f}', 'w')",
    "().__class__.__base__.__subclasses__()",
]
BOMBS = ["10**10**10", "10^10^10", "factorial(10^9)", "9^9^9^9", "(10**9)!"]


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(list(args))
    return rc, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("template", HOSTILE)
@pytest.mark.parametrize("option", ["--abs-tol", "--rel-tol"])
def test_tolerance_text_never_runs_code(tmp_path, template, option) -> None:
    flag = tmp_path / "f"
    rc, out, err = run_cli("check", "det", "--matrix", M, "--answer", "-2.5", option,
                           template.format(f=flag))
    assert not flag.exists()
    assert rc == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ")


@pytest.mark.parametrize("template", HOSTILE)
def test_api_tolerance_text_never_runs_code(tmp_path, template) -> None:
    flag = tmp_path / "f"
    with pytest.raises(InputError):
        sm.check("det", answer="-2.5", matrix=M, abs_tol=template.format(f=flag))
    with pytest.raises(InputError):
        sm.check("eigenvalues", answer="1, 3", matrix="[[2,1],[1,2]]",
                 rel_tol=template.format(f=flag))
    assert not flag.exists()


@pytest.mark.parametrize("bomb", BOMBS)
def test_tolerance_bombs_are_refused_within_a_second(bomb) -> None:
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        sm.check("det", answer="-2.5", matrix=M, abs_tol=bomb)
    assert time.perf_counter() - start < 1.0
    assert "\n" not in str(info.value) and str(info.value).startswith("abs_tol:")
    start = time.perf_counter()
    rc, _, err = run_cli("check", "det", "--matrix", M, "--answer", "-2.5", "--rel-tol", bomb)
    assert rc == 2 and time.perf_counter() - start < 1.0
    assert err.startswith("error: rel_tol:") and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(("raw", "fragment"), [
    ("", "empty"), ("   ", "empty"), ("1e", "number"), ("abc", "number"), ("-0.1", "negative"),
    ("I", "real"), ("oo", "finite"), ("x + 1", "number"), ("[1, 2]", "number"),
    ("1/0", "division by zero"), ("0.1; 0.2", "number"),
])
def test_malformed_tolerances_give_one_line_errors(raw, fragment) -> None:
    with pytest.raises(InputError) as info:
        parse_tolerance(raw, name="abs_tol")
    msg = str(info.value)
    assert msg.startswith("abs_tol:") and "\n" not in msg and fragment in msg
    rc, out, err = run_cli("check", "det", "--matrix", M, "--answer", "-2", "--abs-tol", raw)
    assert rc == 2 and out == "" and err.startswith("error: abs_tol:")


def test_tolerances_are_exact_numbers() -> None:
    from sympy import Rational

    assert parse_tolerance("0.01") == Rational(1, 100)
    assert parse_tolerance(0.01) == Rational(1, 100)
    assert parse_tolerance("1e-3") == Rational(1, 1000)
    assert parse_tolerance("1/8") == Rational(1, 8)
    assert parse_tolerance(None) is None


def test_tolerances_are_honoured() -> None:
    assert sm.check("det", answer="-2.05", matrix=M, abs_tol="0.1").correct is True
    assert sm.check("det", answer="-2.05", matrix=M, abs_tol="0.01").correct is False
    assert sm.check("det", answer="-2.05", matrix=M, rel_tol="0.05").correct is True


@pytest.mark.parametrize("value", [
    "__import__('os').system('true')", "cofactor; rm -rf /", "x" * 5000, "cofactor\x00",
    "cofa\u202ector",
])
def test_method_text_is_refused_in_one_line(value) -> None:
    with pytest.raises(InputError) as info:
        sm.solve("det", matrix=M, method=value)
    assert str(info.value).startswith("method:") and "\n" not in str(info.value)
    assert len(str(info.value)) < 300


def test_choice_reads_learner_spelling() -> None:
    assert parse_choice(" Cofactor ", ("cofactor", "sarrus"), name="method") == "cofactor"
    assert parse_choice("ＳＡＲＲＵＳ", ("cofactor", "sarrus"), name="method") == "sarrus"
    with pytest.raises(InputError, match="choose one of cofactor, sarrus"):
        parse_choice("magic", ("cofactor", "sarrus"), name="method")


@pytest.mark.parametrize(("raw", "fragment"), [
    ("10**10**10", "too large"), ("1e9", "at most"), ("-1", "at least"), ("2.5", "whole"),
    ("", "empty"), ("__import__('os')", "not allowed"),
])
def test_counts_and_seeds_are_bounded(raw, fragment) -> None:
    with pytest.raises(InputError) as info:
        parse_count(raw, name="count", low=1, high=100)
    assert fragment in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("args", [
    ("--count", "100000000"), ("--seed", "10**10**10"), ("--seed", "1" * 6000),
    ("--count", "__import__('os')"), ("--topics", "__import__('os').system('true')"),
    ("--topics", "c1w1\x00"),
])
def test_worksheet_options_are_learner_text(args) -> None:
    start = time.perf_counter()
    rc, out, err = run_cli("worksheet", *args)
    assert time.perf_counter() - start < 5
    assert rc == 2, (out, err)
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1


def test_worksheet_seed_may_be_large_but_bounded() -> None:
    rc, out, _ = run_cli("worksheet", "--topics", "c1w1-singularity", "--count", "1",
                         "--seed", "123456789012345678901234567890")
    assert rc == 0 and "123456789012345678901234567890" in out


def test_no_string_reaches_sympys_parser(monkeypatch, tmp_path) -> None:
    """Run hostile text through every kind of option with SymPy's string parser booby-trapped."""
    import sympy.parsing.sympy_parser as sp

    calls: list[str] = []

    def trap(s, *a, **k):  # pragma: no cover - reached only by a regression
        calls.append(str(s))
        raise AssertionError(f"SymPy's parser was given {s!r}")

    monkeypatch.setattr(sp, "parse_expr", trap)
    flag = tmp_path / "f"
    evil = f"__import__('os').system('touch {flag}')"
    attempts = [
        {"task": "det", "answer": "-2", "matrix": M, "abs_tol": evil},
        {"task": "det", "answer": "-2", "matrix": M, "rel_tol": evil},
        {"task": "det", "answer": "-2", "matrix": M, "method": evil},
        {"task": "det", "answer": evil, "matrix": M},
        {"task": "det", "answer": "-2", "matrix": evil},
        {"task": "norm", "answer": "5", "v": "[3,4]", "ord": evil},
        {"task": "vector_add", "answer": "[1,1]", "u": "[1,0]", "v": "[0,1]", "op": evil},
        {"task": "eigenvalues", "answer": evil, "matrix": "[[2,1],[1,2]]"},
        {"task": "charpoly", "answer": "x^2", "matrix": "[[0,1],[0,0]]", "variable": evil},
        {"task": "basis_span", "answer": "2", "vectors": "[[1,0],[0,1]]", "space": evil},
        {"task": "solve_system", "answer": "x=1", "equations": "x = 1", "variables": evil},
        {"task": "pca", "answer": evil, "data": "[[1,2],[3,4],[5,7]]"},
        {"task": "rref", "answer": "[[1,0],[0,1]]", "matrix": M, "augmented": evil},
    ]
    for kw in attempts:
        task = kw.pop("task")
        with contextlib.suppress(InputError):
            sm.check(task, **kw)
    assert not calls and not flag.exists()
    assert not os.path.exists(flag)


@pytest.mark.parametrize("method", ["to_text", "to_markdown", "to_latex", "to_json", "to_dict"])
def test_detail_is_learner_text_in_the_api(method) -> None:
    d = sm.solve("det", matrix=M)
    render = getattr(d, method)
    assert render(detail=" Full ") == render(detail="full")
    assert render(detail="OVERVIEW") == render(detail="overview")
    for bad in ["__import__('os')", "x" * 5000, "ful\u202el", ["full"], None, "all"]:
        with pytest.raises(InputError) as info:
            render(detail=bad)
        msg = str(info.value)
        assert msg.startswith("detail:") and "\n" not in msg and len(msg) < 300


def test_render_format_and_publish_options_are_learner_text() -> None:
    from symbolic_mlmath.publish.documents import render_single
    from symbolic_mlmath.render import render

    d = sm.solve("det", matrix=M)
    assert render(d, " Markdown ", detail="Standard") == d.to_markdown()
    assert render_single(d, "LaTeX", detail="FULL") == render_single(d, "latex", detail="full")
    for kw in [{"fmt": "pdf"}, {"fmt": "text", "detail": 3}]:
        with pytest.raises(InputError):
            render(d, **kw)
    with pytest.raises(InputError, match=r"^format:"):
        render_single(d, "exec('1')")


def test_task_names_are_learner_text() -> None:
    assert sm.solve(" DET ", matrix=M).result == -2
    for bad in ["x" * 5000, "de\x00t", None]:
        with pytest.raises(InputError) as info:
            sm.solve(bad, matrix=M)
        assert str(info.value).startswith("task:") and "\n" not in str(info.value)


@pytest.mark.parametrize(("option", "value", "ok"), [
    ("--detail", "FULL", True), ("--detail", " overview", True), ("--format", "Markdown", True),
    ("--detail", "everything", False), ("--format", "__import__('os')", False),
    ("--detail", "x" * 3000, False),
])
def test_cli_detail_and_format_are_read_by_the_door(option, value, ok) -> None:
    rc, out, err = run_cli("solve", "det", "--matrix", M, option, value)
    if ok:
        assert rc == 0 and out and not err
    else:
        assert rc == 2 and out == "" and len(err.strip().splitlines()) == 1
        assert err.startswith(f"error: {option[2:]}:")

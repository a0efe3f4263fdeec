"""No SymPy or Python on a learner's page, and the notation a textbook uses.

Every derivation of the workbook and of the corpus is rendered as text, Markdown and
LaTeX at every detail level and scanned for Python and SymPy spellings (``True``,
``Matrix(``, ``**``, ``lambda``, tuples); the notation checks pin the learner's order,
bracketed negative factors, the augmented bar and parametric solutions.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import symbolic_mlmath as sm
from symbolic_mlmath.render import render
from tests.render.corpus import CORPUS, topic_derivations

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "derivations").glob("c[0-9]w[0-9]_*.py"))
PAGES = [pytest.param(p, id=p.stem) for p in FILES]

RAW_TEXT = re.compile(
    r"\bTrue\b|\bFalse\b|\bNone\b|Matrix\(|ImmutableMatrix|\*\*|\blambda\b|,\)|"
    r"\bsqrt\(|\bacos\(|\bStr\(|\bTuple\(|\bEq\(|\bRational\(|\w\*\w|\bdet\(\[\[|\[\[|"
    r"(?:^|[\s(])~[A-Za-z]|(?<![\d.])(?:0\.0*[1-9]|[1-9]\d*\.)\d{13,}")
RAW_TEX = re.compile(r"\\text\{(True|False|None)\}|Matrix\(|(?<!\\)\blambda\b|\\mathtt|"
                     r"\\left\(\\left\(|,\s*\\right\)|\\text\{[a-z]+_[a-z]+\}")


def _scan(text: str, pattern: re.Pattern, where: str) -> list[str]:
    return [f"{where}: {m.group(0)!r} in …{text[max(0, m.start() - 50):m.end() + 30]}…"
            for m in pattern.finditer(text)]


def _check(derivations, label: str) -> None:
    bad = []
    for d in derivations:
        for detail in ("overview", "standard", "full"):
            bad += _scan(render(d, "text", detail=detail), RAW_TEXT, f"{label} text {detail}")
            for fmt in ("latex", "markdown"):
                bad += _scan(render(d, fmt, detail=detail), RAW_TEX, f"{label} {fmt} {detail}")
    assert not bad, "\n".join(bad[:15])


@pytest.mark.parametrize("path", PAGES)
def test_no_python_on_workbook_pages(path):
    _check(topic_derivations(path), path.stem)


@pytest.mark.parametrize(("task", "inputs"), CORPUS, ids=[f"{t}-{k}" for k, (t, _) in
                                                             enumerate(CORPUS)])
def test_no_python_on_corpus_pages(task, inputs):
    _check([sm.solve(task, **inputs)], task)


def test_the_scan_can_fail():
    assert _scan("a = 10 - b, True (free: b)", RAW_TEXT, "x")
    assert _scan("lambda**2 - 4*lambda + 3", RAW_TEXT, "x")
    assert _scan(r"\text{True}", RAW_TEX, "x")
    assert _scan("The complement of ~A is A", RAW_TEXT, "x")
    assert _scan(r"Mode \left( \frac{141}{10},\right)", RAW_TEX, "x")
    assert not _scan("A ~ B and X ~ N(0, 1)", RAW_TEXT, "x")
    assert _scan("x ≈ 1.41421356237309504880168872421", RAW_TEXT, "x")
    assert not _scan("x ≈ 1.41421356237, 1/393146012008229658338304, 0.000611018539241",
                     RAW_TEXT, "x")


def test_products_in_the_variables_order():
    from sympy import exp, sqrt, symbols

    from symbolic_mlmath.render.printers import latex_line
    from symbolic_mlmath.render.unicode import text_line

    x, y = symbols("x y")
    assert latex_line(x**2 * y) == "x^{2} y" and text_line(x**2 * y) == "x²y"
    assert latex_line(-3 * y * x**2 / 5) == r"- \frac{3 x^{2} y}{5}"
    assert latex_line(2 * sqrt(2) * x) == r"2 \sqrt{2} x" and text_line(2 * sqrt(2) * x) == "2√2·x"
    assert latex_line(y * exp(x)) == "y e^{x}"
    grad = render(sm.solve("gradient", expr="x^2*y + sin(y)"), "latex")
    assert "y x^{2}" not in grad and "x^{2} y" in grad


def test_one_variable_methods_show_numbers_to_twelve_digits():
    newton = sm.solve("newton_method", f="x^2 - 2", x0="1", iterations="6")
    text, tex = render(newton, "text"), render(newton, "latex")
    assert "x₁ = x₀ - F(x₀)/F′(x₀) = 1 - (-1)/2 = 3/2" in text
    assert "[3/2]" not in text and r"\begin{bmatrix}\frac{3}{2}\end{bmatrix}" not in tex
    assert "1.41421356237" in text and "1.414213562373" not in text  # sqrt 2 = 1.41421356237|31
    assert "The problem gives" not in text
    gd = render(sm.solve("gradient_descent", expr="x^2 - 2*x", x0="3", learning_rate="1/4",
                         iterations="3"), "text", detail="overview")
    assert "f′ = 2x - 2" in gd and "x - 1/4 · (2x - 2) = x/2 + 1/2" in gd
    assert "x₁ = x₀ - η f′(x₀) = 3 - 1/4 · 4 = 2" in gd and "[" not in gd.split("Result")[1]


def test_complements_and_lists_of_values_read_as_in_a_textbook():
    comp = sm.solve("probability", event="not A", probabilities={"A": "25%"})
    text, tex = render(comp, "text"), render(comp, "latex")
    assert "P(not A)" in text and "~A" not in text
    assert "P\\left(A^{c}\\right)" in tex and r"\neg" not in tex
    desc = render(sm.solve("describe", data=[12, 14.1, 14.1, 13, 18.9, 13.5, 14, 12.7]),
                  "text", detail="overview")
    assert "Mode 141/10 (count 2)" in desc and "outliers 189/10" in desc
    two = render(sm.solve("describe", data=[1, 1, 2, 2, 3]), "text", detail="overview")
    assert "Modes 1, 2 (each with count 2)" in two and "outliers none" in two


# ------------------------------------------------------------------ notation
def _text(task: str, detail: str = "standard", **inputs) -> str:
    return render(sm.solve(task, **inputs), "text", detail=detail)


def test_learners_order_is_kept():
    out = _text("solve_system", equations=["5a + b = 17", "4a - 3b = 6"])
    assert "5a + b = 17" in out and "4a - 3b = 6" in out
    assert "b + 5a" not in out
    lab = _text("solve_system", equations=["2x1 - x2 + x3 + x4 = 6", "x1 + 2x2 - x3 - x4 = 3",
                                           "-x1 + 2x2 + 2x3 + 2x4 = 14",
                                           "x1 - x2 + 2x3 + x4 = 8"])
    assert "2x₁ - x₂ + x₃ + x₄ = 6" in lab


def test_polynomials_in_descending_powers():
    out = _text("eigenvectors", matrix=[[2, 1], [1, 2]])
    assert "λ² - 4λ + 3  =  (λ - 1)(λ - 3)" in out
    sym = _text("det", matrix=[["a", 1], [1, "a"]])
    assert "a² - 1" in sym and "(a - 1)(a + 1)" in sym


def test_negative_factors_are_bracketed():
    out = _text("det", matrix=[[1, 0, 2, -1], [3, 0, 0, 5], [2, 1, 4, -3], [1, 0, 5, 0]])
    assert not re.search(r"[·⋅]-\d", out), "a negative factor without brackets"
    assert "- -" not in out
    sarrus = _text("det", matrix=[[4, -3, 1], [2, 1, 3], [-1, 2, -5]], method="sarrus")
    assert "4·1·(-5)" in sarrus and "(-3)·2·(-5)" in sarrus


def test_scaling_by_minus_one_reads_minus_r():
    out = _text("rref", matrix=[[-1, 2], [0, 1]])
    assert "R₁ ← -R₁" in out and "-1R" not in out and "(-1)" not in out.split("Result")[0]


def test_augmented_matrices_carry_the_bar_in_every_format():
    d = sm.solve("solve_system", equations=["a + b = 10", "a + 2b = 12"])
    assert "│" in render(d, "text")
    for fmt in ("latex", "markdown"):
        assert r"\begin{array}{cc|c}" in render(d, fmt)
    inv = sm.solve("inverse", matrix=[[2, 1, 0], [1, 1, 0], [1, 0, 1]])
    assert r"\begin{array}{ccc|ccc}" in render(inv, "latex")


def test_infinitely_many_solutions_in_parametric_and_vector_form():
    out = _text("solve_system", equations=["a + b = 10", "2a + 2b = 20"])
    assert "a = 10 - t, b = t (t ∈ ℝ)" in out
    assert "(a, b) = (10, 0) + t·(-1, 1)" in out
    tex = render(sm.solve("solve_system", equations=["a + b = 10", "2a + 2b = 20"]), "latex")
    assert r"t \in \mathbb{R}" in tex


def test_operator_names_are_upright():
    d = sm.solve("classify_system", equations=["x + y = 4", "2x - y = 1"])
    tex = render(d, "latex")
    assert r"\operatorname{rank} A" in tex and "rank A" not in tex.replace(
        r"\operatorname{rank} A", "")


def test_fraction_matrices_get_row_spacing():
    d = sm.solve("det", matrix=[[2, 1, 5], [3, 2, 1], [4, 1, 3]], method="elimination")
    assert r"\\[4pt]" in render(d, "latex")


def test_pivoting_keeps_whole_numbers_when_a_swap_can():
    d = sm.solve("inverse", matrix=[[2, 1, 1], [1, 3, 2], [1, 0, 0]])
    first = render(d, "text").split("2. ")[1].splitlines()[0]
    assert "R₁ ↔ R₂" in first and "whole numbers" in first
    lab = sm.solve("det", matrix=[[4, -3, 1], [2, 1, 3], [-1, 2, -5]], method="elimination")
    assert "/" not in render(lab, "text"), "a teacher swaps up the -1 and stays in integers"


def test_multi_part_results_are_labelled_tables():
    md = render(sm.solve("eigenvectors", matrix=[[2, 1], [1, 2]]), "markdown")
    assert "| eigenvalue λ | algebraic multiplicity | geometric multiplicity | eigenspace |" in md
    pca = render(sm.solve("pca", data=[[1, 2], [3, 3], [4, 6], [6, 7], [6, 9]]), "markdown")
    for part in ("covariance matrix C", "principal components", "share of the variance",
                 "projected data"):
        assert part in pca
    dia = render(sm.solve("diagonalize", matrix=[[4, 1], [2, 3]]), "markdown")
    assert "P (eigenvectors)" in dia and "D (eigenvalues)" in dia and r"^{-1}" in dia


def test_no_empty_steps_and_no_fragments():
    d = sm.solve("det_inverse", matrix=[[1, 2], [3, 1]])
    for detail in ("standard", "full"):
        out = render(d, "text", detail=detail)
        assert not re.search(r"^\s*(\S+)\s+=\s+\1\s*$", out, re.M), out
    sing = render(sm.solve("det", matrix=[["a", "b"], ["c", "d"]]), "text")
    assert "ad - bc  =  ad - bc" not in sing
    md = render(sm.solve("det", matrix=[[2, 1, 5], [1, 2, 1], [2, 1, 3]]), "markdown")
    assert ". which" not in md and "arithmetic. which" not in md


def test_a_linear_sum_starts_with_a_positive_term():
    """x̄ − μ₀, b − a, y − 2x as a textbook writes them (SymPy's order is −μ₀ + x̄)."""
    from sympy import Symbol, symbols

    from symbolic_mlmath.render.formats import MARKDOWN, TEXT

    xbar, mu0, se = Symbol("xbar"), Symbol("mu_0"), Symbol("SE")
    a, b, x, y = symbols("a b x y")
    assert MARKDOWN.m((xbar - mu0) / se) == r"$\frac{\bar{x} - \mu_{0}}{SE}$"
    assert [TEXT.m(e) for e in (b - a, y - 2 * x, 1 - x, -x - y)] == [
        "b - a", "y - 2x", "1 - x", "-x - y"]

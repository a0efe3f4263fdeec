"""Every workbook page's LaTeX is well formed and compiles with pdflatex.

A template that writes math as prose (``f_xx``, ``95%``) breaks pdflatex or silently
loses the rest of a line (``%`` starts a comment). The scan below finds ``_ ^ # %``
outside math (and inside ``\\text{}``) at every detail level, without TeX; the compile
test runs pdflatex on each page at the full detail (skipped, with the reason shown,
when pdflatex is not installed).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import symbolic_mlmath as sm
from symbolic_mlmath.publish.documents import compile_pdf, topic_latex, unicode_preamble
from symbolic_mlmath.render.latex import to_latex_document
from tests.render.corpus import CORPUS, topic_of

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "derivations").glob("c[0-9]w[0-9]_*.py"))
PAGES = [pytest.param(p, id=p.stem) for p in FILES]

_MATH = re.compile(r"\\\[.*?\\\]|(?<!\\)\$.*?(?<!\\)\$|\\\(.*?\\\)", re.S)
_TEXT_IN_MATH = re.compile(r"\\text\{((?:[^{}]|\{[^{}]*\})*)\}")
_REFS = re.compile(r"\\(?:includegraphics(?:\[[^\]]*\])?|label|ref|href|url)\{[^}]*\}")
_SPECIAL = re.compile(r"(?<!\\)[_^#%]")


def prose_problems(tex: str) -> list[str]:
    """``_ ^ # %`` where TeX reads prose: outside math, or inside ``\\text{...}``.

    >>> prose_problems(r"at $x = 1$: f_xx = $2$")
    ["'_' in …at  MATH : f_xx =  MATH …"]
    >>> prose_problems(r"$95$\\% interval, $\\text{a\\_b} + x_1$")
    []
    """
    body = tex.split(r"\begin{document}", 1)[-1]
    inner = [t for m in _MATH.finditer(body) for t in _TEXT_IN_MATH.findall(m.group(0))]
    prose = _REFS.sub("", _MATH.sub(" MATH ", body))
    out = []
    for where in (prose, *inner):
        for m in _SPECIAL.finditer(where):
            out.append(f"{m.group(0)!r} in …{where[max(0, m.start() - 40):m.end() + 30]}…")
    return out


def test_unknown_characters_are_spelled_for_pdflatex():
    doc = unicode_preamble(to_latex_document("x̄ = 3, ŷ, ℓ(θ), ηᵢ, xᵀ, p̂", "t"))
    assert r"\ensuremath{\bar{x}}" in doc and r"\ensuremath{\hat{p}}" in doc
    assert "}{?}" not in doc


def test_the_scan_can_fail():
    assert prose_problems(r"\item at $x$: f_xx = $-6$")
    assert prose_problems(r"$95$% interval for $\mu$")
    assert prose_problems(r"\[ \text{running_mean} \]")
    assert not prose_problems(r"\[ x_{1}^{2} \] and $a_b$ \% \#")


@pytest.mark.parametrize("path", PAGES)
def test_page_latex_has_no_math_written_as_prose(path):
    topic = topic_of(path)
    bad = []
    for detail in ("overview", "standard", "full"):
        doc = topic_latex(topic, detail=detail)
        bad += [f"{path.stem} {detail}: {p}" for p in prose_problems(doc)]
        bad += [f"{path.stem} {detail}: {line} (printed as '?')"
                for line in doc.splitlines() if line.endswith("}{?}")]
    assert not bad, "\n".join(bad[:15])


@pytest.mark.parametrize(("task", "inputs"), CORPUS, ids=[f"{t}-{k}" for k, (t, _) in
                                                             enumerate(CORPUS)])
def test_corpus_latex_has_no_math_written_as_prose(task, inputs):
    d = sm.solve(task, **inputs)
    bad = [p for detail in ("overview", "full") for p in prose_problems(
        r"\begin{document}" + d.to_latex(detail=detail))]
    assert not bad, "\n".join(bad[:15])


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdflatex") is None,
                    reason="pdflatex not on PATH: the pages' LaTeX is not compiled")
@pytest.mark.parametrize("path", PAGES)
def test_page_latex_compiles_with_pdflatex(path, tmp_path):
    topic = topic_of(path)
    tex = tmp_path / f"{path.stem}.tex"
    doc = topic_latex(topic, detail="full", base=tmp_path)
    # one pdflatex run is enough here: without the contents list no second run is needed
    tex.write_text(doc.replace("\\tableofcontents", ""), encoding="utf-8")
    ok, message = compile_pdf(tex)
    assert ok, f"{path.stem}: {message}"
    assert tex.with_suffix(".pdf").stat().st_size > 1000

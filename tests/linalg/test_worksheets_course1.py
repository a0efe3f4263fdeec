"""Course-1 worksheet generators added for issue 16 (angle, projection, norm, basis_span,
eigenvectors, diagonalize, pca, steady_state): at every difficulty, each key is judged right by
an independent reference (numpy, or SymPy's own eigen routines), every step is nice, sheets are
byte-identical per seed, and difficulty, size and the title in words reach the sheet."""

from __future__ import annotations

import numpy as np
import pytest
from sympy import Matrix, Rational, sympify

from symbolic_mlmath.cli import main as cli_main
from symbolic_mlmath.core.problems import Level
from symbolic_mlmath.publish import worksheet as ws

NEW = ("angle", "projection", "norm", "basis_span", "eigenvectors", "diagonalize", "pca",
       "steady_state")


def _num(text: str) -> float:
    return float(sympify(text).evalf(30))  # our own generated key text, test-only


def _vec(obj) -> np.ndarray:
    return np.array([float(sympify(x)) for x in obj], dtype=float)


def _ref_angle(p):
    u, v = np.array(p.inputs["u"], float), np.array(p.inputs["v"], float)
    want = np.arccos(np.clip(u @ v / np.linalg.norm(u) / np.linalg.norm(v), -1, 1))
    assert _num(p.answer) == pytest.approx(want, abs=1e-12)


def _ref_projection(p):
    u, v = np.array(p.inputs["u"], float), np.array(p.inputs["v"], float)
    got = _vec(sympify(p.answer))
    assert np.allclose(got, (u @ v) / (v @ v) * v)


def _ref_norm(p):
    v = np.array(p.inputs["v"], float)
    o = {"1": 1, "2": 2, "inf": np.inf}[p.inputs["ord"]]
    assert _num(p.answer) == pytest.approx(np.linalg.norm(v, o))


def _ref_basis_span(p):
    V = np.array(p.inputs["vectors"], float)
    B = np.array([[float(x) for x in b] for b in sympify(p.answer)], float)
    r = np.linalg.matrix_rank(V)
    assert len(B) == r == np.linalg.matrix_rank(B) == np.linalg.matrix_rank(np.vstack([V, B]))


def _ref_eigenvectors(p):
    A = Matrix(p.inputs["matrix"])
    vecs = [Matrix(v) for v in sympify(p.answer)]
    dims = {val: len(basis) for val, _m, basis in A.eigenvects()}  # SymPy, not our engine
    got: dict = {}
    for v in vecs:
        assert any(v)
        lam = next(val for val in dims if (A * v - val * v).is_zero_matrix)
        got.setdefault(lam, []).append(v)
    for lam, k in dims.items():
        assert Matrix.hstack(*got[lam]).rank() == k == len(got[lam])


def _ref_diagonalize(p):
    A = Matrix(p.inputs["matrix"])
    if p.answer == "not diagonalizable":
        assert not A.is_diagonalizable()
        return
    P, D = (Matrix(m) for m in sympify(p.answer))
    assert D.is_diagonal() and P.det() != 0
    assert P * D * P.inv() == A


def _ref_pca(p):
    X = np.array(p.inputs["data"], float)
    want = np.sort(np.linalg.eigvalsh(np.cov(X, rowvar=False)))
    got = np.sort([float(sympify(x)) for x in p.answer.strip("{}[]").split(",")])
    assert np.allclose(got, want)


def _ref_steady_state(p):
    M = np.array([[float(Rational(x)) for x in r] for r in p.inputs["matrix"]])
    pi = _vec(sympify(p.answer))
    assert np.allclose(M @ pi, pi) and pi.sum() == pytest.approx(1) and (pi > 0).all()
    w = np.linalg.eigvals(M)
    assert np.sum(np.isclose(w, 1)) == 1  # the steady state is unique


REFS = {name: globals()[f"_ref_{name}"] for name in NEW}


@pytest.mark.parametrize("difficulty", ["easy", "medium", "hard"])
@pytest.mark.parametrize("task", NEW)
def test_keys_right_by_an_independent_reference(task, difficulty):
    gen = ws.generators()[task]
    assert gen.levelled
    for k in range(4):
        p = ws.make_problem(task, f"ref/{task}/{k}", Level(difficulty))
        REFS[task](p)
        assert ws.is_nice(p.derivation, *ws._bounds(gen, Level(difficulty))), p.inputs


def test_difficulty_and_size_shape_the_problems():
    sizes = {d: len(ws.make_problem("norm", "sz", Level(d)).inputs["v"]) for d in
             ("easy", "hard")}
    assert sizes["easy"] == 2 and sizes["hard"] >= 3
    assert len(ws.make_problem("angle", "sz", Level("easy", size=4)).inputs["u"]) == 4
    assert len(ws.make_problem("eigenvectors", "sz", Level("medium", size=3)).inputs["matrix"]) == 3
    assert len(ws.make_problem("pca", "sz", Level("medium", size=6)).inputs["data"]) == 6
    hard = [ws.make_problem("diagonalize", f"h/{k}", Level("hard")).answer for k in range(12)]
    assert "not diagonalizable" in hard


def test_sheet_byte_identical_per_seed_with_title_in_words(tmp_path):
    one = ws.make_worksheet(["c1w4-eigen", "c1w3-vectors"], count=3, seed=8, difficulty="hard")
    two = ws.make_worksheet(["c1w4-eigen", "c1w3-vectors"], count=3, seed=8, difficulty="hard")
    assert one.to_markdown(answers=True) == two.to_markdown(answers=True)
    text = one.to_text()
    assert text.startswith("Worksheet: Eigenvalues and eigenvectors; Vectors (hard)")
    assert "== Eigenvalues and eigenvectors (c1w4-eigen) ==" in text
    assert "--difficulty hard" in text
    easy = ws.make_worksheet(["c1w4-eigen"], count=3, seed=8, difficulty="easy")
    assert [p.inputs for p in easy.problems] != [p.inputs for p in one.problems[:3]]
    quiz = ws.make_worksheet(["c1w3-vectors"], count=2, seed=1, title="Quiz 4:  vectors")
    assert quiz.to_markdown().startswith("# Worksheet: Quiz 4: vectors\n")


def test_cli_difficulty_size_title(capsys):
    rc = cli_main(["worksheet", "--topics", "c1w3-vectors", "--count", "2", "--seed", "3",
                   "--difficulty", "easy", "--size", "3", "--title", "Vectors quiz"])
    out = capsys.readouterr().out
    assert rc == 0 and out.startswith("Worksheet: Vectors quiz (easy)")
    rc = cli_main(["worksheet", "--topics", "c1w3", "--difficulty", "impossible"])
    err = capsys.readouterr().err
    assert rc == 2 and err.startswith("error: difficulty:") and err.count("\n") == 1
    rc = cli_main(["worksheet", "--topics", "c1w3", "--size", "__import__('os')"])
    assert rc == 2 and capsys.readouterr().err.startswith("error: size:")

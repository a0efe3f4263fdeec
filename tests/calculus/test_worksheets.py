"""Calculus worksheet generators: at every difficulty each key is right by an independent
reference (SymPy's own diff, solve and hessian, and exact iteration with Fractions, on the
problem text read by SymPy's parser, not by our text door or engines), every step is nice,
and a sheet is byte-identical per seed."""

from __future__ import annotations

from fractions import Fraction

import pytest
from sympy import E, Matrix, Symbol, diff, exp, expand, hessian, log, solve, sympify
from sympy.parsing.sympy_parser import (
    convert_xor,
    implicit_multiplication_application,
    parse_expr,
    standard_transformations,
)

from symbolic_mlmath.core.problems import Level
from symbolic_mlmath.publish import worksheet as ws

TASKS = ("derivative", "second_derivative", "partial_derivative", "gradient", "hessian",
         "critical_points", "minimize", "gradient_descent", "newton_method")
_T = (*standard_transformations, implicit_multiplication_application, convert_xor)
x, y, z = Symbol("x"), Symbol("y"), Symbol("z")


def ref(text: str):
    """The problem text read by SymPy's own parser (test-only: the text is ours)."""
    local = {"e": E, "ln": log, "sigma": lambda u: 1 / (1 + exp(-u)), "x": x, "y": y, "z": z}
    return parse_expr(text, local_dict=local, transformations=_T)


def key(text: str):
    return sympify(text.replace("^", "**"), locals={"x": x, "y": y, "z": z})


def _vars(p):
    return [Symbol(v.strip()) for v in p.inputs.get("vars", "x").split(",")]


def _check(p):
    t, i = p.task, p.inputs
    if t in ("derivative", "second_derivative", "partial_derivative"):
        var = Symbol(i.get("var", "x"))
        want = diff(ref(i["expr"]), var, 2 if t == "second_derivative" else 1)
        if "at" in i:
            want = want.subs(var, int(i["at"].split("=")[1]))
        assert (want - key(p.answer)).equals(0), (i, p.answer)
    elif t == "gradient":
        f = ref(i["expr"])
        d = Matrix([diff(f, v) for v in _vars(p)]) - Matrix(key(p.answer))
        assert d.applyfunc(expand).is_zero_matrix, (i, p.answer)
    elif t == "hessian":
        d = hessian(ref(i["expr"]), _vars(p)) - Matrix(key(p.answer))
        assert d.applyfunc(expand).is_zero_matrix, (i, p.answer)
    elif t == "critical_points":
        vs = _vars(p)
        f = ref(i["expr"])
        pts = solve([diff(f, v) for v in vs], vs, dict=True)
        assert len(pts) == p.answer.count(":")
        for pt in pts:
            H = hessian(f, vs).subs(pt)
            ev = list(H.eigenvals())
            kind = "min" if all(e > 0 for e in ev) else "max" if all(e < 0 for e in ev) else \
                "saddle"
            where = f"x = {pt[x]}" if len(vs) == 1 else "(" + ", ".join(str(pt[v]) for v in vs) + ")"
            assert f"{where}: {kind}" in p.answer, (i, p.answer)
    elif t == "minimize":
        f = ref(i["expr"])
        cands = list(solve(diff(f, x), x))
        if "domain" in i:
            lo, hi = (int(v) for v in i["domain"].replace("<= x <=", ",").split(","))
            cands = [c for c in cands if lo <= c <= hi] + [lo, hi]
        best = min(cands, key=lambda c: f.subs(x, c))
        assert p.answer == f"x = {best}, min = {f.subs(x, best)}", (i, p.answer)
    elif t == "gradient_descent":
        f = ref(i["expr"])
        vs = _vars(p)
        pt = [Fraction(int(v)) for v in str(i["x0"]).strip("[]").split(",")]
        eta = Fraction(i["learning_rate"])
        for _ in range(int(i["iterations"])):
            g = [Fraction(str(diff(f, v).subs(dict(zip(vs, pt, strict=True))))) for v in vs]
            pt = [a - eta * b for a, b in zip(pt, g, strict=True)]
        got = [Fraction(str(v)) for v in str(key(p.answer)).strip("()").split(",")] \
            if "," in p.answer else [Fraction(str(key(p.answer)))]
        assert got == pt
    elif t == "newton_method":
        f = ref(i["f"])
        g = diff(f, x) if i["mode"] == "optimize" else f
        xk = Fraction(int(i["x0"]))
        for _ in range(int(i["iterations"])):
            xk = xk - Fraction(str(g.subs(x, xk))) / Fraction(str(diff(g, x).subs(x, xk)))
        assert Fraction(str(key(p.answer))) == xk


@pytest.mark.parametrize("difficulty", ["easy", "medium", "hard"])
@pytest.mark.parametrize("task", TASKS)
def test_keys_right_by_sympy_and_steps_nice(task, difficulty):
    gen = ws.generators()[task]
    for k in range(3):
        p = ws.make_problem(task, f"calc/{task}/{k}", Level(difficulty))
        _check(p)
        assert ws.is_nice(p.derivation, *ws._bounds(gen, Level(difficulty))), p.inputs


def test_calculus_sheet_byte_identical_per_seed():
    one = ws.make_worksheet(["c2w1", "c2w2"], count=2, seed=4, difficulty="hard")
    two = ws.make_worksheet(["c2w1", "c2w2"], count=2, seed=4, difficulty="hard")
    assert one.to_markdown(answers=True) == two.to_markdown(answers=True)
    assert one.to_text().startswith("Worksheet: Derivatives; Optimisation with derivatives")
    assert {p.task for p in one.problems} >= {"derivative", "critical_points", "gradient"}

"""No code path can hand learner text to ``eval`` or SymPy's string parser.

The package's source is scanned (AST, every module): a call to ``eval``, ``exec``,
``compile``, ``__import__``, ``ast.literal_eval``, SymPy's ``sympify`` / ``nsimplify`` /
``parse_expr`` / ``parse_latex`` / ``S(...)``, or any import of ``sympy.parsing``, is a
failure unless it is listed in ``AUDITED`` with the reason its argument is built by us.
(``_sympify`` is SymPy's strict converter: it refuses strings, so it is allowed.)
"""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

import symbolic_mlmath

ROOT = Path(symbolic_mlmath.__file__).parent
FORBIDDEN_BUILTINS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_SYMPY = {"sympify", "nsimplify", "parse_expr", "parse_latex", "S", "parse_mathematica",
                   "parse_maxima"}

#: (module, function that contains the call, callee) -> why its argument is never user text.
AUDITED: dict[tuple[str, str, str], str] = {
    ("calculus/bridge.py", "_compile", "compile"):
        "source printed by our own printer from SymPy objects whose symbols were renamed to "
        "_a0, _a1, ... and subexpressions to _t0, ... (numbered_symbols); no caller text",
    ("calculus/bridge.py", "_compile", "exec"):
        "runs the code compile() built just above (see that entry)",
    ("render/common.py", "result_as_math", "sympify"):
        "a derivation result that is not a str (strings become Str above) nor a SymPy object: "
        "int/float/bool built by an engine",
}


def _modules() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if "_static" not in p.parts)


class _Scan(ast.NodeVisitor):
    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.origin: dict[str, str] = {}  # local name -> "module:name" or "module"
        self.stack: list[str] = ["<module>"]
        self.hits: list[tuple[str, str, str, int]] = []

    def visit_Import(self, node: ast.Import) -> None:
        for a in node.names:
            if a.name.startswith("sympy.parsing"):
                self.hits.append((self.rel, self.stack[-1], f"import {a.name}", node.lineno))
            self.origin[(a.asname or a.name).split(".")[0]] = a.name.split(".")[0] \
                if a.asname is None else a.name

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        mod = node.module or ""
        if mod.startswith("sympy.parsing"):
            self.hits.append((self.rel, self.stack[-1], f"from {mod} import", node.lineno))
        for a in node.names:
            self.origin[a.asname or a.name] = f"{mod}:{a.name}"

    def _func(self, node: ast.AST) -> None:
        self.stack.append(node.name)  # type: ignore[attr-defined]
        self.generic_visit(node)
        self.stack.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _func

    def visit_Call(self, node: ast.Call) -> None:
        f = node.func
        callee = None
        if isinstance(f, ast.Name):
            origin = self.origin.get(f.id, "")
            if f.id in FORBIDDEN_BUILTINS and not origin and hasattr(builtins, f.id):
                callee = f.id
            elif origin.startswith("sympy") and origin.split(":")[-1] in FORBIDDEN_SYMPY:
                callee = origin.split(":")[-1]
            elif f.id == "literal_eval":
                callee = "literal_eval"
        elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
            base = self.origin.get(f.value.id, "")
            if base.startswith("sympy") and f.attr in FORBIDDEN_SYMPY:
                callee = f.attr
            if f.value.id == "ast" and f.attr == "literal_eval":
                callee = "literal_eval"
            if f.value.id == "builtins" and f.attr in FORBIDDEN_BUILTINS:
                callee = f.attr
        if callee:
            self.hits.append((self.rel, self.stack[-1], callee, node.lineno))
        self.generic_visit(node)


def scan(path: Path) -> list[tuple[str, str, str, int]]:
    rel = path.relative_to(ROOT).as_posix()
    s = _Scan(rel)
    s.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return s.hits


def test_the_scanner_finds_what_it_should() -> None:
    src = ("import sympy as sp\nfrom sympy import nsimplify as ns, S\nimport ast\n"
           "def f(t):\n    eval(t); sp.sympify(t); ns(t); S(t); ast.literal_eval(t)\n"
           "from sympy.parsing.sympy_parser import parse_expr\n")
    s = _Scan("x.py")
    s.visit(ast.parse(src))
    assert sorted(h[2] for h in s.hits) == sorted(
        ["eval", "sympify", "nsimplify", "S", "literal_eval", "from sympy.parsing.sympy_parser import"])


def test_no_unaudited_eval_or_sympify_in_the_package() -> None:
    hits = [h for p in _modules() for h in scan(p)]
    unaudited = [h for h in hits if h[:3] not in AUDITED]
    assert not unaudited, "calls that could read user text as code:\n" + "\n".join(
        f"  {rel}:{line} in {fn}: {callee}" for rel, fn, callee, line in unaudited)


def test_every_audited_site_still_exists() -> None:
    found = {h[:3] for p in _modules() for h in scan(p)}
    stale = [k for k in AUDITED if k not in found]
    assert not stale, f"remove stale audit entries: {stale}"

"""The architecture holds: layers point one way, no import cycles, no private names shared.

The import-linter contracts live in pyproject.toml ([tool.importlinter]): cli > api >
publish > the subjects (linalg | calculus | stats, independent of each other) > the core
layer (core, render, text). The cycle test below reads the same import graph (grimp),
counting imports inside functions and leaving out ``if TYPE_CHECKING:`` imports.
"""

from __future__ import annotations

import ast
import itertools
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "symbolic_mlmath"

#: Modules allowed over MAX_LINES for now, each with why (and a hard cap of HARD_MAX).
MAX_LINES = 500
HARD_MAX = 600
OVER_THE_LIMIT: dict[str, str] = {}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "_static" not in p.parts)


def _graph():
    grimp = pytest.importorskip("grimp", reason="grimp (shipped with import-linter) is not installed")
    return grimp.build_graph("symbolic_mlmath", exclude_type_checking_imports=True, cache_dir=None)


def test_import_linter_contracts_hold(capsys):
    pytest.importorskip("importlinter", reason="import-linter is not installed")
    from importlinter import configuration
    from importlinter.application import use_cases

    configuration.configure()
    ok = use_cases.lint_imports(config_filename=str(ROOT / "pyproject.toml"), cache_dir=None,
                                no_logo=True)
    out = capsys.readouterr().out
    assert ok, out
    assert "broken" not in out.split("Contracts:")[-1].replace("0 broken", ""), out


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = itertools.count()

    def visit(v: str) -> None:
        index[v] = low[v] = next(counter)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.find_modules_directly_imported_by(v)):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for m in sorted(graph.modules):
            if m not in index:
                visit(m)
    finally:
        sys.setrecursionlimit(limit)
    return out


def test_no_import_cycles_between_modules():
    graph = _graph()
    cycles = _cycles(graph)
    report = []
    for comp in cycles:
        members = set(comp)
        edges = [f"{a} -> {b}" for a in comp
                 for b in sorted(graph.find_modules_directly_imported_by(a) & members)]
        report.append(", ".join(comp) + "\n    " + "\n    ".join(edges))
    assert not cycles, "import cycles (function-level imports count):\n" + "\n".join(report)


def test_the_cycle_finder_can_fail():
    edges = {"a": {"b"}, "b": {"a"}, "c": {"a"}}
    tiny = SimpleNamespace(modules=set(edges), find_modules_directly_imported_by=edges.__getitem__)
    assert _cycles(tiny) == [["a", "b"]]


def _private_imports(path: Path, root: Path = ROOT) -> list[str]:
    """``from symbolic_mlmath.x import _name`` anywhere in the file (inside functions too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = ".".join(path.relative_to(root).with_suffix("").parts)
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and (
                node.module.startswith("symbolic_mlmath") or node.level):
            source = node.module if not node.level else f"(relative) {node.module}"
            if source == here:
                continue
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    bad.append(f"{path.relative_to(root).as_posix()}:{node.lineno} imports {alias.name} "
                               f"from {source}")
    return bad


def test_no_private_name_is_imported_across_modules():
    bad = [b for p in _modules() for b in _private_imports(p)]
    assert not bad, "\n".join(bad)


def test_the_private_import_check_can_fail(tmp_path):
    pkg = tmp_path / "symbolic_mlmath"
    pkg.mkdir()
    f = pkg / "m.py"
    f.write_text("def g():\n    from symbolic_mlmath.core.verify import _zero\n")
    assert _private_imports(f, tmp_path) == ["symbolic_mlmath/m.py:2 imports _zero from "
                                             "symbolic_mlmath.core.verify"]


def test_modules_are_short():
    over = {}
    for p in _modules():
        n = len(p.read_text(encoding="utf-8").splitlines())
        rel = p.relative_to(PACKAGE).as_posix()
        if n > (HARD_MAX if rel in OVER_THE_LIMIT else MAX_LINES):
            over[rel] = n
    assert not over, f"modules over {MAX_LINES} lines (split them by concept): {over}"


def test_every_module_declares_all():
    missing = [p.relative_to(PACKAGE).as_posix() for p in _modules()
               if "__all__" not in p.read_text(encoding="utf-8")]
    assert not missing, f"modules without __all__: {missing}"

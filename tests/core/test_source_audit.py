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


# ------------------------------------------------------------------ options at the entry points
#: The public surface a learner or teacher reaches (``sm.solve``/``sm.check``, a derivation's
#: ``to_*``, ``render``, the publish functions and the command lines).
ENTRY_MODULES = ("api.py", "cli.py", "core/steps.py", "core/tasks.py", "core/verdict.py",
                 "render/__init__.py", *sorted(p.relative_to(ROOT).as_posix()
                                               for p in (ROOT / "publish").rglob("*.py")))
#: Parameters that carry an option a user types (every option is learner text).
OPTION_NAMES = {"detail", "fmt", "format", "katex", "method", "seed", "count", "topics",
                "abs_tol", "rel_tol", "task", "difficulty", "size", "answers", "jobs", "pdf"}
#: Readers of the text door outside ``symbolic_mlmath.text`` (they call it themselves).
DOOR_OUTSIDE_TEXT = {"get_task", "parse_input"}
#: (module, function, parameter) whose value is never user text, with the reason.
NOT_OPTIONS: dict[tuple[str, str, str], str] = {
    ("core/tasks.py", "TaskList.register", "task"): "a Task object a subject builds",
    ("publish/grading/verdict.py", "record", "task"): "copied into a verdict record as data, "
        "never compared or looked up",
}
#: Raw options known and not yet fixed, each with its owner; remove an entry when it is fixed.
KNOWN_GAPS: dict[tuple[str, str, str], str] = {
}


def _origins(tree: ast.AST) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for a in node.names:
                out[a.asname or a.name] = f"{node.module}:{a.name}"
    return out


def _entry_functions(trees: dict[str, ast.Module]) -> dict[str, tuple[str, ast.FunctionDef, str | None]]:
    """``module:qualname`` -> (module, function, class) for every public entry function."""
    out = {}
    for rel, tree in trees.items():
        mod = "symbolic_mlmath." + rel.removesuffix(".py").replace("/", ".").removesuffix(
            ".__init__")
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and (not node.name.startswith("_")
                                                      or node.name == "__init__"):
                out[f"{mod}:{node.name}"] = (rel, node, None)
            elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                for f in node.body:
                    if isinstance(f, ast.FunctionDef) and not f.name.startswith("_"):
                        out[f"{mod}:{node.name}.{f.name}"] = (rel, f, node.name)
    return out


class _Targets:
    """Where the calls of one entry function go (``module:name``), and which are door readers."""

    def __init__(self, key: str, fn: ast.FunctionDef, cls: str | None, tree: ast.Module) -> None:
        self.mod = key.split(":")[0]
        self.cls = cls
        self.origin = _origins(tree)
        self.origin.update(_origins(fn))

    def of(self, call: ast.Call) -> str:
        f = call.func
        if isinstance(f, ast.Name):
            o = self.origin.get(f.id)
            return f"{self.mod}:{f.id}" if o is None else o
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and \
                f.value.id == "self" and self.cls:
            return f"{self.mod}:{self.cls}.{f.attr}"
        return ""

    def is_door(self, call: ast.Call) -> bool:
        t = self.of(call)
        return t.startswith("symbolic_mlmath.text") or t.split(":")[-1] in DOOR_OUTSIDE_TEXT

    def reads(self, value: ast.AST) -> bool:
        """The value holds a door reader's call (``x = None if x is None else read(x)``)."""
        return any(isinstance(c, ast.Call) and self.is_door(c) for c in ast.walk(value))


def _raw_uses(key: str, rel: str, fn: ast.FunctionDef, cls: str | None, tree: ast.Module,
              entries: dict) -> list[str]:
    params = [a.arg for a in fn.args.args + fn.args.kwonlyargs if a.arg in OPTION_NAMES]
    if not params:
        return []
    calls = _Targets(key, fn, cls, tree)
    rebound: dict[str, int] = {}
    allowed: set[int] = set()
    for node in ast.walk(fn):
        if isinstance(node, ast.Assign) and calls.reads(node.value):
            for n in (n for t in node.targets for n in ast.walk(t)):
                if isinstance(n, ast.Name) and n.id in params:
                    rebound[n.id] = min(rebound.get(n.id, 10**9), node.lineno)
            allowed |= {id(n) for t in [*node.targets, node.value] for n in ast.walk(t)}
        if isinstance(node, ast.Call) and (calls.is_door(node) or calls.of(node) in entries):
            allowed |= {id(a) for a in [*node.args, *(k.value for k in node.keywords)]
                        if isinstance(a, ast.Name)}
    name = key.split(":")[1]
    return [f"{rel}:{node.lineno} {name}: {node.id}" for node in ast.walk(fn)
            if isinstance(node, ast.Name) and node.id in params and id(node) not in allowed
            and node.lineno <= rebound.get(node.id, 10**9)
            and (rel, name, node.id) not in NOT_OPTIONS]


def option_violations(sources: dict[str, str] | None = None) -> list[str]:
    """Raw uses of an option parameter in an entry function before the text door read it.

    A use is fine when it is the argument of a door reader (anything imported from
    ``symbolic_mlmath.text``, or ``get_task``/``parse_input``), when it comes after the
    parameter was re-bound to such a reader's value, or when it is handed unchanged to
    another entry function (which is checked in turn). Anything else - a comparison, a
    lookup, a format string, a call into a renderer that is not an entry point - is raw.
    """
    if sources is None:
        sources = {rel: (ROOT / rel).read_text(encoding="utf-8") for rel in ENTRY_MODULES}
    trees = {rel: ast.parse(src) for rel, src in sources.items()}
    entries = _entry_functions(trees)
    bad: list[str] = []
    for key, (rel, fn, cls) in entries.items():
        bad += _raw_uses(key, rel, fn, cls, trees[rel], entries)
    return sorted(set(bad))


def test_the_option_scanner_finds_raw_options() -> None:
    src = ("from symbolic_mlmath.text.options import parse_choice\n"
           "from symbolic_mlmath.render.text import to_text\n"
           "def bad(detail='x'):\n    if detail not in ('a', 'b'):\n        raise ValueError\n"
           "def leaks(d, detail='x'):\n    return to_text(d, detail=detail)\n"
           "def late(detail='x'):\n    y = detail.lower()\n"
           "    detail = parse_choice(detail, ('a',), name='detail')\n    return y\n"
           "def good(detail='x'):\n    detail = parse_choice(detail, ('a',), name='detail')\n"
           "    return detail == 'a'\n"
           "def forwards(detail='x'):\n    return good(detail=detail)\n"
           "class T:\n    def show(self, detail='x'):\n        return self.render(detail)\n"
           "    def render(self, detail='x'):\n        return f'{detail}'\n")
    got = {v.split(" ", 1)[1] for v in option_violations({"m.py": src})}
    assert got == {"bad: detail", "leaks: detail", "late: detail", "T.render: detail"}, got


def _key(violation: str) -> tuple[str, str, str]:
    where, fn, param = violation.split(" ")
    return where.split(":")[0], fn.rstrip(":"), param


def test_every_option_at_an_entry_point_goes_through_the_door() -> None:
    bad = [v for v in option_violations() if _key(v) not in KNOWN_GAPS]
    assert not bad, "options used before the text door read them:\n  " + "\n  ".join(bad)


def test_known_option_gaps_are_still_gaps() -> None:
    found = {_key(v) for v in option_violations()}
    fixed = [k for k in KNOWN_GAPS if k not in found]
    assert not fixed, f"fixed, so remove from KNOWN_GAPS: {fixed}"

"""A worked topic: prose, solved tasks, self-checks and figures, in order.

Every file in ``derivations/`` builds one :class:`Topic`; the workbook renders
its blocks into documents, and running the file on its own prints them.

A derivation file looks like::

    TOPIC = "c1w1-singularity"
    TITLE = "Singularity and the determinant"

    def build(t):
        t.text("A square matrix is singular when its determinant is zero.")
        d = t.solve("det", matrix=[[1, 2], [3, 4]])          # validated on the spot
        t.cross_check("det by SymPy", d.result, Matrix([[1, 2], [3, 4]]).det())
        t.numeric_check("det by numpy", d.result, numpy.linalg.det(...))
        t.figure("area", fig)                                  # saved as PNG and SVG

    if __name__ == "__main__":
        run_file(__file__)

Examples
========
>>> t = Topic("demo", "Demo")
>>> d = t.solve("det", matrix=[[1, 2], [3, 4]])
>>> t.cross_check("det", d.result, -2)
True
>>> [b.kind for b in t.blocks], t.ok
(['derivation', 'check'], True)
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Block", "Check", "Topic", "load_topic", "plain", "run_file"]


@dataclass(frozen=True)
class Check:
    """One self-check: what was compared, whether it held, and the values."""

    label: str
    ok: bool
    kind: str  # "sympy" (exact, against SymPy's direct answer) or "numeric" (lambdify)
    detail: str = ""


@dataclass(frozen=True)
class Block:
    """One block of a topic, in reading order."""

    kind: str  # "text", "derivation", "check", "figure"
    text: str = ""
    derivation: Any = None
    task: str | None = None
    inputs: dict = field(default_factory=dict)
    check: Check | None = None
    files: tuple[str, ...] = ()


class Topic:
    """Collects a topic's blocks while its derivation file builds it."""

    def __init__(self, id: str, title: str, *, out_dir: str | Path | None = None,
                 stem: str | None = None) -> None:
        self.id = id
        self.title = title
        self.stem = stem or id.replace("-", "_")
        self.out_dir = Path(out_dir) if out_dir is not None else None
        self.blocks: list[Block] = []
        self.figure_problems: list[str] = []

    # ------------------------------------------------------------------ content
    def text(self, markdown: str) -> None:
        """A paragraph of prose (Markdown with ``$...$`` math)."""
        self.blocks.append(Block("text", text=_dedent(markdown)))

    def solve(self, task: str, *, heading: str | None = None, **inputs: Any) -> Any:
        """Solve a task with steps, validate it (chain + SymPy's answer), and add it.

        ``heading`` (Markdown, may hold ``$math$``) names the example on the page; by
        default the derivation's title is used.
        """
        from symbolic_mlmath.core.tasks import get_task
        from symbolic_mlmath.text.options import parse_text

        task = parse_text(task, name="task")
        d = get_task(task).solve(inputs)
        _validate(d)
        self.blocks.append(Block("derivation", text=heading or "", derivation=d, task=task,
                                 inputs=dict(inputs)))
        return d

    def add(self, derivation: Any, *, heading: str | None = None) -> Any:
        """Add a derivation built directly by an engine (validated here)."""
        _validate(derivation)
        self.blocks.append(Block("derivation", text=heading or "", derivation=derivation,
                                 task=derivation.task, inputs={}))
        return derivation

    def cross_check(self, label: str, ours: Any, reference: Any) -> bool:
        """Record an exact comparison of our result with SymPy's direct computation."""
        from symbolic_mlmath.core.verify import same_value

        ok = bool(same_value(ours, reference))
        detail = f"ours {plain(ours)}; SymPy {plain(reference)}"
        self.blocks.append(Block("check", check=Check(label, ok, "sympy", detail)))
        return ok

    def numeric_check(self, label: str, exact: Any, approx: Any, *, rtol: float = 1e-9,
                      atol: float = 1e-9) -> bool:
        """Record a numeric comparison of an exact value with a float computation."""
        from symbolic_mlmath.core.numeric import agree

        ok, detail = agree(exact, approx, rtol=rtol, atol=atol)
        self.blocks.append(Block("check", check=Check(label, ok, "numeric", detail)))
        return ok

    def figure(self, name: str, fig: Any, caption: str = "") -> tuple[str, ...]:
        """Save a matplotlib figure as PNG and SVG (into ``out_dir``) and add it."""
        import matplotlib.pyplot as plt

        from symbolic_mlmath.publish.figures import artists_outside

        problems = artists_outside(fig)
        if problems:
            self.figure_problems.append(f"{name}: " + "; ".join(problems))
            self.blocks.append(Block("check", check=Check(
                f"figure {name}: every drawn element inside the axes", False, "figure",
                "; ".join(problems))))
        out = self.out_dir or Path("build") / "figures"
        out.mkdir(parents=True, exist_ok=True)
        files = []
        for ext in ("png", "svg"):
            path = out / f"{self.stem}_{name}.{ext}"
            kw = {"dpi": 110} if ext == "png" else {"metadata": {"Date": None}}
            fig.savefig(path, bbox_inches="tight", **kw)
            files.append(str(path))
        plt.close(fig)
        self.blocks.append(Block("figure", text=caption or name, files=tuple(files)))
        return tuple(files)

    # ------------------------------------------------------------------ outcome
    @property
    def checks(self) -> list[Check]:
        """Every self-check recorded so far."""
        return [b.check for b in self.blocks if b.check is not None]

    @property
    def derivations(self) -> list[Any]:
        """Every derivation in the topic."""
        return [b.derivation for b in self.blocks if b.kind == "derivation"]

    @property
    def ok(self) -> bool:
        """True when every self-check held (derivations were validated when added)."""
        return all(c.ok for c in self.checks)

    def to_text(self, detail: str = "standard") -> str:
        """The whole topic as terminal text."""
        from symbolic_mlmath.text.options import parse_detail

        detail = parse_detail(detail)
        out = [f"# {self.title} ({self.id})", ""]
        for b in self.blocks:
            if b.kind == "text":
                out += [b.text, ""]
            elif b.kind == "derivation":
                out += [b.derivation.to_text(detail), ""]
            elif b.kind == "check":
                c = b.check
                mark = "ok " if c.ok else "FAIL"
                out.append(f"[{mark}] {c.kind} check: {c.label} ({c.detail})")
            elif b.kind == "figure":
                out += [f"[figure] {b.text}: {', '.join(b.files)}", ""]
        n = len(self.checks)
        bad = sum(1 for c in self.checks if not c.ok)
        out.append(f"self-checks: {n - bad}/{n} passed; {len(self.derivations)} derivations "
                   "validated")
        return "\n".join(out)


def plain(value: Any) -> str:
    """A value in a learner's notation for a check's detail (``a = 8, b = 2``, ``[1 2; 3 4]``).

    >>> from sympy import symbols, Matrix
    >>> a, b = symbols("a b")
    >>> plain({a: 8, b: 2}), plain(Matrix([[1, 2]])), plain(True), plain([1, 2])
    ('a = 8, b = 2', '[1 2]', 'yes', '1, 2')
    """
    from symbolic_mlmath.render.unicode import text_line

    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        if not value:
            return "no solution"
        return ", ".join(f"{k if isinstance(k, str) else text_line(k)} = {plain(v)}"
                         for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(plain(v) for v in value)
    try:
        return text_line(value)
    except Exception:  # pragma: no cover - a check's detail must never fail the build
        return str(value)


def _dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text).strip()


def load_topic(path: str | Path, *, out_dir: str | Path | None = None) -> Topic:
    """Import a derivation file and build its topic."""
    import matplotlib

    matplotlib.use("Agg")
    path = Path(path)
    name = f"_mlmath_derivation_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(name, None)
    topic = Topic(module.TOPIC, module.TITLE, out_dir=out_dir, stem=path.stem)
    module.build(topic)
    return topic


def run_file(path: str | Path, argv: list[str] | None = None) -> int:
    """Run one derivation file: print its topic; exit status 1 if a self-check failed."""
    import argparse

    p = argparse.ArgumentParser(description=f"Run the derivation {Path(path).stem}")
    p.add_argument("--out", default=None, help="folder for figures (default build/figures)")
    p.add_argument("--detail", default="standard", choices=("overview", "standard", "full"))
    args = p.parse_args(argv)
    topic = load_topic(path, out_dir=args.out)
    print(topic.to_text(args.detail))
    return 0 if topic.ok else 1


#: Seconds for validating one of the workbook's own derivations (not learner input: a long
#: worked example, e.g. 30 gradient-descent iterates, may take longer than a learner's budget).
WORKBOOK_VALIDATE_SECONDS = 120.0


def _validate(derivation: Any) -> None:
    from symbolic_mlmath.text.limits import get_limits, limits

    with limits(check_time_budget=max(WORKBOOK_VALIDATE_SECONDS,
                                      get_limits().check_time_budget)):
        derivation.validate()

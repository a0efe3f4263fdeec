"""The workbook: build every derivation in ``derivations/`` into worked-solution documents.

For each derivation file (``c1w2_echelon_rank.py``) it writes, named after the
file's stem, ``.md`` (Markdown with ``$`` math), ``.tex`` (and ``.pdf`` when
``pdflatex`` is on PATH), a self-contained ``.html`` typeset offline by the
vendored KaTeX, and a ``.ipynb`` notebook that recomputes each derivation; the
figures go to ``figures/`` as PNG and SVG. ``index.html`` and ``index.md`` list
every topic in course order (course, week, topic) with the outcome of its
self-checks; each page links to the index and to the previous and next topics.
Topics build in parallel processes; ``mlmath workbook`` prints one line per topic
as it finishes, and a progress bar on a terminal.

Examples
========
>>> files = derivation_files()
>>> all(p.suffix == ".py" for p in files)
True
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from symbolic_mlmath.text.options import (
    DETAILS,
    parse_bool,
    parse_choice,
    parse_count,
    parse_detail,
    parse_name,
)

__all__ = ["build_one", "build_workbook", "derivation_files", "main", "run_workbook",
           "write_index"]

_QUIET_PDF = ("ok", "skipped", "pdflatex not found")


def _root() -> Path:
    """The repository root (``derivations/`` sits next to the package)."""
    return Path(__file__).resolve().parent.parent.parent


def derivation_files(folder: str | Path | None = None, topics: list[str] | None = None) -> list[Path]:
    """Every derivation file (``c1w1_systems.py`` ...), optionally only the given topics.

    A topic is named by its id (``c1w1-systems``), its file stem, or a prefix (``c1w1``).
    """
    d = Path(folder) if folder else _root() / "derivations"
    files = sorted(p for p in d.glob("c[0-9]w[0-9]_*.py"))
    topics = None if topics is None else [parse_name(t, name="topics") for t in topics]
    if topics:
        want = {t.replace("-", "_") for t in topics}
        files = [p for p in files if p.stem in want or any(p.stem.startswith(w) for w in want)]
    return files


def topic_meta(path: str | Path) -> dict[str, str]:
    """``id``, ``title`` and a one-paragraph ``summary`` of a derivation file, read from
    its source (``TOPIC``, ``TITLE`` and the docstring) without running it."""
    import ast

    path = Path(path)
    meta = {"id": path.stem.replace("_", "-"), "title": path.stem, "summary": ""}
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return meta
    doc = ast.get_docstring(tree) or ""
    paras = [" ".join(p.split()) for p in doc.split("\n\n") if p.strip()]
    if len(paras) > 1:
        meta["summary"] = paras[1].replace("``", "")
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                node.targets[0], ast.Name) and isinstance(node.value, ast.Constant):
            name = node.targets[0].id
            if name in ("TOPIC", "TITLE") and isinstance(node.value.value, str):
                meta["id" if name == "TOPIC" else "title"] = node.value.value
    return meta


def in_course_order(files: list[Path]) -> list[Path]:
    """Derivation files in the order of the courses (course, week, syllabus position)."""
    from symbolic_mlmath.publish.syllabus import order_key

    return sorted(files, key=lambda p: order_key(topic_meta(p)["id"]))


def _navs(files: list[Path]) -> dict[Path, Any]:
    from symbolic_mlmath.publish.pages import Nav
    from symbolic_mlmath.publish.syllabus import course_title, place

    metas = [topic_meta(p) for p in files]
    out = {}
    for k, p in enumerate(files):
        c, w = place(metas[k]["id"])
        prev = (f"{files[k - 1].stem}.html", metas[k - 1]["title"]) if k else None
        nxt = (f"{files[k + 1].stem}.html", metas[k + 1]["title"]) if k + 1 < len(files) \
            else None
        where = f"{course_title(c)} › Week {w}" if c != 99 else ""
        out[p] = Nav("index.html", prev, nxt, where)
    return out


def build_one(path: str | Path, out: str | Path, detail: str = "standard",
              katex: str = "inline", pdf: bool = True, nav: Any = None) -> dict[str, Any]:
    """Build one derivation file into every format; a summary dict (never raises)."""
    import traceback

    path, out = Path(path), Path(out)
    t0 = time.perf_counter()
    meta = topic_meta(path)
    summary: dict[str, Any] = {"stem": path.stem, "id": meta["id"], "title": meta["title"],
                               "summary": meta["summary"], "ok": False, "passed": 0,
                               "checks": 0, "derivations": 0, "figures": 0, "files": [],
                               "pdf": "skipped", "error": ""}
    try:
        from symbolic_mlmath.publish.documents import write_topic
        from symbolic_mlmath.publish.topic import load_topic

        topic = load_topic(path, out_dir=out / "figures")
        summary.update(id=topic.id, title=topic.title, ok=topic.ok,
                       passed=sum(1 for c in topic.checks if c.ok), checks=len(topic.checks),
                       derivations=len(topic.derivations),
                       figures=sum(1 for b in topic.blocks if b.kind == "figure"),
                       failed=[c.label for c in topic.checks if not c.ok])
        written = write_topic(topic, out, detail=detail, katex=katex, pdf=pdf, nav=nav)
        summary.update(files=[Path(f).name for f in written["files"]], pdf=written["pdf"])
    except Exception as exc:  # one broken topic must not stop the others
        summary.update(ok=False, error=f"{type(exc).__name__}: {exc}",
                       traceback=traceback.format_exc(limit=8))
    summary["seconds"] = round(time.perf_counter() - t0, 2)
    return summary


class _Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int, stream: Any = None) -> None:
        self.total, self.done = total, 0
        self.stream = stream if stream is not None else sys.stderr
        self.on = bool(getattr(self.stream, "isatty", lambda: False)())

    def step(self, label: str) -> None:
        self.done += 1
        if not self.on:
            return
        width = 28
        fill = int(width * self.done / max(self.total, 1))
        self.stream.write(f"\r[{'#' * fill}{'.' * (width - fill)}] {self.done}/{self.total} "
                          f"{label[:40]:<40}")
        self.stream.flush()

    def close(self) -> None:
        if self.on:
            self.stream.write("\n")
            self.stream.flush()


def build_workbook(out: str | Path = "build/workbook", topics: list[str] | None = None, *,
                   jobs: int | None = None, detail: str = "standard", katex: str = "inline",
                   pdf: bool = True, source: str | Path | None = None,
                   progress: Any = None, on_done: Any = None) -> list[dict[str, Any]]:
    """Build every (selected) derivation file into ``out`` and write the index.

    Returns one summary dict per topic (``ok``, ``passed``, ``checks``, ``files``,
    ``error``, ``seconds`` ...), in course order; ``on_done(summary)`` is called as each
    topic finishes.
    """
    from symbolic_mlmath.publish.pages import KATEX

    detail = parse_detail(detail)  # every option is user text: read by the text door
    katex = parse_choice(katex, KATEX, name="katex")
    pdf = parse_bool(pdf, name="pdf")
    jobs = None if jobs is None else parse_count(jobs, name="jobs", low=1, high=64)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = in_course_order(derivation_files(source, topics))
    navs = _navs(files)
    jobs = max(1, jobs if jobs else min(2, os.cpu_count() or 1))
    bar = _Progress(len(files), progress)
    results: dict[Path, dict[str, Any]] = {}

    def done(p: Path, summary: dict[str, Any]) -> None:
        results[p] = summary
        bar.step(p.stem)
        if on_done is not None:
            on_done(summary)

    if jobs == 1 or len(files) <= 1:
        for p in files:
            done(p, build_one(p, out, detail, katex, pdf, navs[p]))
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
            futures = {pool.submit(build_one, p, out, detail, katex, pdf, navs[p]): p
                       for p in files}
            for fut in as_completed(futures):
                done(futures[fut], fut.result())
    bar.close()
    summaries = [results[p] for p in files]
    write_index(out, summaries, detail=detail)
    return summaries


def _status(s: dict[str, Any]) -> str:
    if s.get("error"):
        return "ERROR: " + " ".join(s["error"].split())[:200]
    if s["ok"]:
        return f"{s['passed']}/{s['checks']} self-checks passed"
    return f"{s['passed']}/{s['checks']} passed (FAILED)"


def write_index(out: str | Path, summaries: list[dict[str, Any]], *,
                detail: str = "standard") -> tuple[Path, Path]:
    """``index.md`` and ``index.html``: every topic in course order, grouped by course and
    week, with its documents and the outcome of its self-checks."""
    from symbolic_mlmath.publish.pages import index_html, index_markdown

    out = Path(out)
    p_md, p_html = out / "index.md", out / "index.html"
    p_md.write_text(index_markdown(summaries, detail=detail), encoding="utf-8")
    p_html.write_text(index_html(summaries, detail=detail), encoding="utf-8")
    return p_md, p_html


def run_workbook(out: str | Path = "build/workbook", topics: list[str] | None = None,
                 detail: str = "standard", echo: bool = True) -> list[Any]:
    """Build every topic in this process, print its steps and self-checks; return the topics."""
    from symbolic_mlmath.publish.topic import load_topic

    detail = parse_detail(detail)
    out = Path(out)
    results = []
    for path in derivation_files(topics=topics):
        t0 = time.perf_counter()
        topic = load_topic(path, out_dir=out / "figures")
        if echo:
            print(topic.to_text(detail))
            print(f"({path.stem}: {time.perf_counter() - t0:.2f} s)\n")
        results.append(topic)
    return results


def main(argv: list[str] | None = None) -> int:
    """``mlmath workbook``: exit 1 if any self-check failed or a topic did not build."""
    import argparse

    p = argparse.ArgumentParser(prog="mlmath workbook",
                                description="Build every derivation into worked-solution "
                                "documents (md, tex/pdf, html, ipynb, plots) and an index.")
    p.add_argument("--out", default="build/workbook", help="output folder (default %(default)s)")
    p.add_argument("--topics", nargs="*", default=None, metavar="ID",
                   help="only these topics (ids like c1w1-systems, or prefixes like c1w1)")
    p.add_argument("--jobs", default=None, metavar="N",
                   help="parallel processes (default min(2, CPUs))")
    p.add_argument("--detail", default="standard", metavar="{" + ",".join(DETAILS) + "}")
    p.add_argument("--katex", default="inline", metavar="{inline,copy}",
                   help="inline KaTeX into every page (default) or copy it to OUT/katex")
    p.add_argument("--no-pdf", dest="pdf", action="store_false",
                   help="do not run pdflatex even when it is installed")
    p.add_argument("--source", default=None, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    from symbolic_mlmath.publish.pages import KATEX

    katex = parse_choice(args.katex, KATEX, name="katex")  # options are learner text
    detail = parse_detail(args.detail)
    jobs = None if args.jobs is None else parse_count(args.jobs, name="jobs", low=1, high=64)
    t0 = time.perf_counter()
    files = derivation_files(args.source, args.topics)
    if not files:
        sys.stderr.write("error: workbook: no derivation files match "
                         f"{' '.join(args.topics or []) or 'derivations/'}\n")
        return 2
    if katex == "copy":
        from symbolic_mlmath.render.html import copy_katex

        copy_katex(args.out)
    def line(s: dict[str, Any]) -> None:
        pdf = "" if s["pdf"] in _QUIET_PDF else f"; pdf: {s['pdf']}"
        print(f"{s['id']}: {_status(s)}; {len(s['files'])} files{pdf}; {s['seconds']:.1f} s",
              flush=True)
        if s.get("error") and s.get("traceback"):
            sys.stderr.write(s["traceback"])

    summaries = build_workbook(args.out, args.topics, jobs=jobs, detail=detail,
                               katex=katex, pdf=args.pdf, source=args.source,
                               on_done=line)
    notes = sorted({s["pdf"] for s in summaries if s["pdf"] in _QUIET_PDF and s["pdf"] != "ok"
                    and s["pdf"] != "skipped"})
    for note in notes:
        print(f"note: {note}, so no PDFs were built (the .tex files are written)")
    bad = [s["id"] for s in summaries if not s["ok"]]
    print(f"workbook: {len(summaries)} topics in {time.perf_counter() - t0:.1f} s -> "
          f"{Path(args.out) / 'index.html'}; self-checks "
          f"{'all passed' if not bad else 'FAILED in ' + ', '.join(bad)}")
    return 1 if bad else 0

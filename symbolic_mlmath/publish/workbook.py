"""The workbook: build every derivation in ``derivations/`` into worked-solution documents.

For each derivation file (``c1w2_echelon_rank.py``) it writes, named after the
file's stem, ``.md`` (Markdown with ``$`` math), ``.tex`` (and ``.pdf`` when
``pdflatex`` is on PATH), a self-contained ``.html`` typeset offline by the
vendored KaTeX, and a ``.ipynb`` notebook that recomputes each derivation; the
figures go to ``figures/`` as PNG and SVG. ``index.html`` and ``index.md`` list
every topic with the outcome of its self-checks. Topics build in parallel
processes; a progress bar shows on a terminal only.

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

__all__ = ["build_one", "build_workbook", "derivation_files", "main", "run_workbook",
           "write_index"]

DETAILS = ("overview", "standard", "full")


def _root() -> Path:
    """The repository root (``derivations/`` sits next to the package)."""
    return Path(__file__).resolve().parent.parent.parent


def derivation_files(folder: str | Path | None = None, topics: list[str] | None = None) -> list[Path]:
    """Every derivation file (``c1w1_systems.py`` ...), optionally only the given topics.

    A topic is named by its id (``c1w1-systems``), its file stem, or a prefix (``c1w1``).
    """
    d = Path(folder) if folder else _root() / "derivations"
    files = sorted(p for p in d.glob("c[0-9]w[0-9]_*.py"))
    if topics:
        want = {t.replace("-", "_") for t in topics}
        files = [p for p in files if p.stem in want or any(p.stem.startswith(w) for w in want)]
    return files


def build_one(path: str | Path, out: str | Path, detail: str = "standard",
              katex: str = "inline", pdf: bool = True) -> dict[str, Any]:
    """Build one derivation file into every format; a summary dict (never raises)."""
    import traceback

    path, out = Path(path), Path(out)
    t0 = time.perf_counter()
    summary: dict[str, Any] = {"stem": path.stem, "id": path.stem.replace("_", "-"),
                               "title": path.stem, "ok": False, "passed": 0, "checks": 0,
                               "derivations": 0, "figures": 0, "files": [], "pdf": "skipped",
                               "error": ""}
    try:
        from symbolic_mlmath.publish.documents import write_topic
        from symbolic_mlmath.publish.topic import load_topic

        topic = load_topic(path, out_dir=out / "figures")
        summary.update(id=topic.id, title=topic.title, ok=topic.ok,
                       passed=sum(1 for c in topic.checks if c.ok), checks=len(topic.checks),
                       derivations=len(topic.derivations),
                       figures=sum(1 for b in topic.blocks if b.kind == "figure"),
                       failed=[c.label for c in topic.checks if not c.ok])
        written = write_topic(topic, out, detail=detail, katex=katex, pdf=pdf)
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
                   progress: Any = None) -> list[dict[str, Any]]:
    """Build every (selected) derivation file into ``out`` and write the index.

    Returns one summary dict per topic (``ok``, ``passed``, ``checks``, ``files``,
    ``error``, ``seconds`` ...), in file order.
    """
    if detail not in DETAILS:
        raise ValueError(f"detail: unknown level {detail!r}; choose one of {', '.join(DETAILS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = derivation_files(source, topics)
    jobs = max(1, jobs if jobs else min(2, os.cpu_count() or 1))
    bar = _Progress(len(files), progress)
    results: dict[Path, dict[str, Any]] = {}
    if jobs == 1 or len(files) <= 1:
        for p in files:
            results[p] = build_one(p, out, detail, katex, pdf)
            bar.step(p.stem)
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
            futures = {pool.submit(build_one, p, out, detail, katex, pdf): p for p in files}
            for fut in as_completed(futures):
                p = futures[fut]
                results[p] = fut.result()
                bar.step(p.stem)
    bar.close()
    summaries = [results[p] for p in files]
    write_index(out, summaries, detail=detail)
    return summaries


def _status(s: dict[str, Any]) -> str:
    if s.get("error"):
        return "ERROR: " + " ".join(s["error"].split())[:200]
    mark = "all passed" if s["ok"] else "FAILED"
    return f"{s['passed']}/{s['checks']} passed ({mark})"


def write_index(out: str | Path, summaries: list[dict[str, Any]], *,
                detail: str = "standard") -> tuple[Path, Path]:
    """``index.md`` and ``index.html``: every topic, its documents and its self-checks."""
    import html as _h

    from symbolic_mlmath.render.html import page

    out = Path(out)
    n_ok = sum(1 for s in summaries if s["ok"])
    head = (f"{len(summaries)} topics; self-checks passed in {n_ok}, "
            f"failed in {len(summaries) - n_ok}. Detail: {detail}.")
    md = ["# Workbook", "", head, "",
          "| Topic | Title | Self-checks | Derivations | Figures | Documents |",
          "|---|---|---|---|---|---|"]
    rows = []
    for s in summaries:
        docs = [f for f in s["files"] if not f.startswith("figures") and "/" not in f
                and Path(f).suffix in (".md", ".html", ".tex", ".pdf", ".ipynb")]
        pdf_note = ("" if s["pdf"] in ("ok", "skipped", "pdflatex not found")
                    else f" (pdf not built: {s['pdf'][:80]})")
        links_md = " ".join(f"[{Path(f).suffix[1:]}]({f})" for f in docs) + pdf_note
        title = s["title"].replace("|", "/")
        md.append(f"| `{s['id']}` | {title} | {_status(s)} | {s['derivations']} | "
                  f"{s['figures']} | {links_md} |")
        links = " ".join(f'<a href="{_h.escape(f)}">{Path(f).suffix[1:]}</a>'
                         for f in docs) + _h.escape(pdf_note)
        cls = "ok" if s["ok"] else "fail"
        title_html = (f'<a href="{_h.escape(s["stem"])}.html">{_h.escape(s["title"])}</a>'
                      if f"{s['stem']}.html" in docs else _h.escape(s["title"]))
        rows.append(f"<tr><td><code>{_h.escape(s['id'])}</code></td><td>{title_html}</td>"
                    f'<td class="{cls}">{_h.escape(_status(s))}</td><td>{s["derivations"]}</td>'
                    f"<td>{s['figures']}</td><td>{links}</td></tr>")
    md.append("")
    body = (f"<h1>Workbook</h1>\n<p>{_h.escape(head)}</p>\n<table>\n<thead><tr><th>Topic</th>"
            "<th>Title</th><th>Self-checks</th><th>Derivations</th><th>Figures</th>"
            "<th>Documents</th></tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody>\n</table>")
    p_md, p_html = out / "index.md", out / "index.html"
    p_md.write_text("\n".join(md), encoding="utf-8")
    p_html.write_text(page("Workbook", body, katex=None), encoding="utf-8")
    return p_md, p_html


def run_workbook(out: str | Path = "build/workbook", topics: list[str] | None = None,
                 detail: str = "standard", echo: bool = True) -> list[Any]:
    """Build every topic in this process, print its steps and self-checks; return the topics."""
    from symbolic_mlmath.publish.topic import load_topic

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
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="parallel processes (default min(2, CPUs))")
    p.add_argument("--detail", default="standard", choices=DETAILS)
    p.add_argument("--katex", default="inline", choices=("inline", "copy"),
                   help="inline KaTeX into every page (default) or copy it to OUT/katex")
    p.add_argument("--no-pdf", dest="pdf", action="store_false",
                   help="do not run pdflatex even when it is installed")
    p.add_argument("--source", default=None, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    files = derivation_files(args.source, args.topics)
    if not files:
        sys.stderr.write("error: workbook: no derivation files match "
                         f"{' '.join(args.topics or []) or 'derivations/'}\n")
        return 2
    if args.katex == "copy":
        from symbolic_mlmath.render.html import copy_katex

        copy_katex(args.out)
    summaries = build_workbook(args.out, args.topics, jobs=args.jobs, detail=args.detail,
                               katex=args.katex, pdf=args.pdf, source=args.source)
    for s in summaries:
        print(f"{s['stem']}: {_status(s)}; {len(s['files'])} files; pdf {s['pdf']}; "
              f"{s['seconds']:.1f} s")
        if s.get("error") and s.get("traceback"):
            sys.stderr.write(s["traceback"])
    bad = [s["id"] for s in summaries if not s["ok"]]
    print(f"workbook: {len(summaries)} topics in {time.perf_counter() - t0:.1f} s -> "
          f"{Path(args.out) / 'index.html'}; self-checks "
          f"{'all passed' if not bad else 'FAILED in ' + ', '.join(bad)}")
    return 1 if bad else 0

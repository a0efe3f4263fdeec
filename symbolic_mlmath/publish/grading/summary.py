"""The class summary: one row for the whole class, each task, each student and each mistake.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = ["summarize", "write_summary"]

_COLUMNS = ("scope", "key", "submissions", "correct", "not_correct", "undecided",
            "not_graded", "percent_correct", "mistakes")


def summarize(records: Iterable[Mapping]) -> list[dict]:
    """Summary rows: the whole class, then each task, each student, each named mistake.

    A ``mistake`` row counts the submissions whose first wrong line (or answer) was that
    mistake, most frequent first; its ``mistakes`` column lists the tasks where it occurred.
    The other rows list their most frequent mistakes as ``name (count)``.

    Examples
    ========
    >>> rows = summarize([{"student": "a", "task": "det", "status": "graded", "correct": True},
    ...                   {"student": "a", "task": "det", "status": "graded", "correct": False,
    ...                    "mistake": "cofactor sign"}])
    >>> [(r["scope"], r["key"], r["submissions"], r["percent_correct"]) for r in rows]
    [('all', '', 2, '50.0'), ('task', 'det', 2, '50.0'), ('student', 'a', 2, '50.0'), \
('mistake', 'cofactor sign', 1, '')]
    """
    groups: dict[tuple[str, str], dict] = {}
    mistakes: dict[str, dict[str, int]] = {}

    def add(scope: str, key: str, rec: Mapping) -> None:
        g = groups.setdefault((scope, key), {"n": 0, True: 0, False: 0, None: 0, "ng": 0,
                                             "m": {}})
        g["n"] += 1
        if rec.get("status") != "graded":
            g["ng"] += 1
        else:
            g[rec.get("correct")] += 1
        if rec.get("mistake"):
            g["m"][rec["mistake"]] = g["m"].get(rec["mistake"], 0) + 1

    recs = list(records)
    for rec in recs:
        add("all", "", rec)
    for scope, field in (("task", "task"), ("student", "student")):
        for rec in recs:
            add(scope, str(rec.get(field) or "(none)"), rec)
    for rec in recs:
        if rec.get("mistake"):
            per = mistakes.setdefault(str(rec["mistake"]), {})
            task = str(rec.get("task") or "(none)")
            per[task] = per.get(task, 0) + 1

    def top(m: dict[str, int], k: int = 5) -> str:
        items = sorted(m.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        return "; ".join(f"{name} ({c})" for name, c in items)

    rows = []
    for (scope, key), g in groups.items():
        graded = g[True] + g[False] + g[None]
        pct = f"{100 * g[True] / graded:.1f}" if graded else ""
        rows.append({"scope": scope, "key": key, "submissions": g["n"], "correct": g[True],
                     "not_correct": g[False], "undecided": g[None], "not_graded": g["ng"],
                     "percent_correct": pct, "mistakes": top(g["m"])})
    order = {"all": 0, "task": 1, "student": 2}
    rows.sort(key=lambda r: (order[r["scope"]], r["key"]))
    for name, per in sorted(mistakes.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        rows.append({"scope": "mistake", "key": name, "submissions": sum(per.values()),
                     "correct": "", "not_correct": "", "undecided": "", "not_graded": "",
                     "percent_correct": "", "mistakes": top(per, 20)})
    return rows


def write_summary(records: Iterable[Mapping], path: str | Path) -> list[dict]:
    """Write :func:`summarize` of ``records`` as CSV to ``path``; return the rows."""
    import csv

    rows = summarize(records)
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    return rows


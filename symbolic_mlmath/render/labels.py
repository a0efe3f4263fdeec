"""Words for result keys and word results: ``explained_variance`` -> "explained variance".

Subjects add their own words in their template tables (``TemplateTable.labels``); a key
nobody names is written with spaces for underscores, so no identifier reaches a page.

Examples
========
>>> label("unique"), label("some_new_part")
('exactly one solution', 'some new part')
"""

from __future__ import annotations

from functools import cache

__all__ = ["LABELS", "label"]

#: Words the core knows.
LABELS: dict[str, str] = {
    "unique": "exactly one solution",
    "infinite": "infinitely many solutions",
    "none": "no solution",
    "true": "yes",
    "false": "no",
}


@cache
def _subject_labels() -> dict[str, str]:
    from symbolic_mlmath.core.subjects import contributions

    out: dict[str, str] = {}
    for _subject, table in contributions("templates"):
        out.update(getattr(table, "labels", {}) or {})
    return out


def label(key: str) -> str:
    """The words for ``key`` (a result part or a word result)."""
    if key in LABELS:
        return LABELS[key]
    try:
        found = _subject_labels().get(key)
    except Exception:  # pragma: no cover - a broken subject must not break rendering
        found = None
    return found or key.replace("_", " ")

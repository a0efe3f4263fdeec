"""The subjects the core serves, from ONE list, and what each contributes.

A subject (linear algebra, calculus, statistics) is a package with a ``subject.py``
declaring one :class:`Subject`: where its rule enum, tasks, step verifiers, templates,
working judges, mistake detectors and worksheet generators live, each as
``"module:attribute"``. The core reads those tables lazily through :func:`table` and
:func:`contributions`, so nothing depends on what happened to be imported before, and
adding a subject means adding its package name to :data:`SUBJECTS` and nothing else.

Examples
========
>>> [s.name for s in subjects()][:1]
['linalg']
>>> from symbolic_mlmath.linalg.rules import LinalgRule
>>> LinalgRule.ROW_SWAP in table("verifiers")
True
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

__all__ = ["ROLES", "SUBJECTS", "Subject", "Table", "all_rules", "contributions", "subjects", "table"]

#: The subject packages, in course order: the ONE list a new subject is added to.
SUBJECTS: tuple[str, ...] = (
    "symbolic_mlmath.linalg",
    "symbolic_mlmath.calculus",
    "symbolic_mlmath.stats",
)

Ref = str | tuple[str, ...]

#: The roles a subject may contribute, and the kind of object each names.
ROLES: dict[str, str] = {
    "rules": "an Enum of the subject's laws (str-valued members)",
    "tasks": "a tuple of core.tasks.Task",
    "verifiers": "a mapping rule -> core.verify.Verifier (every rule of the subject)",
    "templates": "a mapping rule -> render.templates.Template (every rule of the subject)",
    "judges": "a mapping task name -> core.working.Judge",
    "detectors": "a mapping mistake family -> list of detectors",
    "generators": "a mapping task name -> worksheet generator",
}


@dataclass(frozen=True)
class Subject:
    """What one subject contributes: each role as ``"module:attribute"`` (or a tuple of them)."""

    name: str
    title: str
    course: int
    rules: Ref
    tasks: Ref
    verifiers: Ref
    templates: Ref
    judges: Ref = ()
    detectors: Ref = ()
    generators: Ref = ()

    def refs(self, role: str) -> tuple[str, ...]:
        """The ``module:attribute`` references of ``role``."""
        ref = getattr(self, role)
        return (ref,) if isinstance(ref, str) else tuple(ref)


class Table(dict):
    """A dict filled by a decorator: ``@TABLE.add(key)`` stores the decorated function.

    Examples
    ========
    >>> T = Table()
    >>> @T.add("a", "b")
    ... def f(): return 1
    >>> sorted(T), T["a"] is f
    (['a', 'b'], True)
    """

    def add(self, *keys: Any) -> Callable[[Callable], Callable]:
        """Decorator: store the function under every key in ``keys``."""

        def deco(fn: Callable) -> Callable:
            for k in keys:
                self[k] = fn
            return fn

        return deco


def _resolve(ref: str) -> Any:
    module, _, attr = ref.partition(":")
    obj = importlib.import_module(module)
    return getattr(obj, attr) if attr else obj


@cache
def subjects() -> tuple[Subject, ...]:
    """Every subject of :data:`SUBJECTS`, loaded from its ``subject`` module."""
    out = []
    for pkg in SUBJECTS:
        subj = importlib.import_module(f"{pkg}.subject").SUBJECT
        if not isinstance(subj, Subject):  # pragma: no cover - a broken declaration
            raise TypeError(f"{pkg}.subject.SUBJECT is not a Subject")
        out.append(subj)
    return tuple(out)


def contributions(role: str) -> Iterator[tuple[Subject, Any]]:
    """``(subject, object)`` for every object the subjects contribute to ``role``."""
    if role not in ROLES:
        raise KeyError(f"unknown role {role!r}; roles are {', '.join(ROLES)}")
    for subj in subjects():
        for ref in subj.refs(role):
            yield subj, _resolve(ref)


@cache
def table(role: str) -> Mapping[str, Any]:
    """One mapping merged over every subject for a mapping role (a key may appear once).

    ``detectors`` map a family to a list; lists of the same family are concatenated.
    """
    merged: dict[Any, Any] = {}
    for subj, part in contributions(role):
        for key, value in part.items():
            if role == "detectors":
                merged.setdefault(key, []).extend(value)
            elif key in merged:
                raise RuntimeError(f"{subj.name} contributes {role} {key!r} twice")
            else:
                merged[key] = value
    return merged



def all_rules() -> tuple[Any, ...]:
    """Every rule: the core's, then each subject's, in declaration order.

    Examples
    ========
    >>> rules = all_rules()
    >>> rules[0].value, len({r.value for r in rules}) == len(rules)
    ('given', True)
    """
    from symbolic_mlmath.core.rules import Rule

    out: list[Any] = list(Rule)
    for _subject, enum in contributions("rules"):
        out.extend(enum)
    return tuple(out)

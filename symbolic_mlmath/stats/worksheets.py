"""Worksheet generators for statistics tasks: the subject's ``GENERATORS`` table."""

from __future__ import annotations

from symbolic_mlmath.core.problems import GeneratorTable

__all__ = ["GENERATORS"]

GENERATORS = GeneratorTable()

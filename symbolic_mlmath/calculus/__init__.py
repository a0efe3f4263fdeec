"""Calculus (course 2): engines, tasks, checks, templates and worksheets."""

__all__: list[str] = []

"""Probability and statistics (course 3): engines, tasks, checks, templates and worksheets."""

__all__: list[str] = []

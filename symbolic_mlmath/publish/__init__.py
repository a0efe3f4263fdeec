"""Publishing: topics, the workbook, worksheets and grading (assembly only, no maths)."""

__all__: list[str] = []

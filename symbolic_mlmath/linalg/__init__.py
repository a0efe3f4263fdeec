"""Linear algebra (course 1): engines by concept, tasks, answer checks, verifiers, templates,
working judges, mistake detectors and worksheet generators (declared in ``subject.py``)."""

__all__: list[str] = []

"""The core that knows no subject: steps, rules, verification, answers, tasks, subjects."""

__all__: list[str] = []

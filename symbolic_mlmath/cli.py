"""The ``mlmath`` command: the task registry on the command line.

``mlmath solve TASK --name value ...``, ``mlmath check TASK --answer X ...``,
``mlmath tasks``, ``mlmath grade FILE.jsonl``. Bad input prints ``error: <one line>`` and
exits with 2; a bug in the package prints ``internal error: <one line>`` and exits with 3
(``--debug``, anywhere on the line, or ``MLMATH_DEBUG=1`` prints the traceback too). SymPy is
imported only when a command needs it, so ``mlmath --help`` is instant.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

__all__ = ["main"]

FORMATS = ("text", "markdown", "latex", "json", "html", "ipynb")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mlmath",
        description="Exact, step-by-step mathematics for machine learning.",
        epilog="Task inputs are given as --name value, e.g. "
        'mlmath solve det --matrix "[[2,1,5],[1,2,1],[2,1,3]]"',
    )
    p.add_argument("--debug", action="store_true",
                   help="print the traceback of an internal error (exit status 3)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    s = sub.add_parser("solve", help="solve a task and print its steps")
    s.add_argument("task")
    s.add_argument("--format", default="text", metavar="{" + ",".join(FORMATS) + "}")
    s.add_argument("--detail", default="standard", metavar="{overview,standard,full}")
    s.add_argument("--out", default=None, help="write to this file instead of printing")
    s.add_argument("--fragment", action="store_true",
                   help="with --format latex: only the body (a subsection to \\input), not a "
                        "standalone document")
    c = sub.add_parser("check", help="check an answer or a working")
    c.add_argument("task")
    c.add_argument("--answer", default=None)
    c.add_argument("--working", default=None, help="a file: one line per row, or a JSON list")
    c.add_argument("--abs-tol", dest="abs_tol", default=None)
    c.add_argument("--rel-tol", dest="rel_tol", default=None)
    c.add_argument("--json", action="store_true", help="print the verdict as JSON")
    sub.add_parser("tasks", help="list every task with its inputs (mlmath tasks TASK: "
                   "its inputs and answer forms)")
    sub.add_parser("workbook", help="build the workbook (mlmath workbook --help)", add_help=False)
    sub.add_parser("worksheet", help="seeded problem sheets with an answer key "
                   "(mlmath worksheet --help)", add_help=False)
    sub.add_parser("grade", help="grade a class: a JSONL file of submissions "
                   "(mlmath grade --help)", add_help=False)
    return p


def _task_inputs(extra: Sequence[str]) -> dict[str, Any]:
    """``--name value`` pairs (``--name=value`` too) as a dict of strings."""
    from symbolic_mlmath.core.errors import TaskError

    out: dict[str, Any] = {}
    k = 0
    while k < len(extra):
        tok = extra[k]
        if not tok.startswith("--") or len(tok) == 2:
            raise TaskError(f"unexpected argument {tok[:40]!r}; inputs are --name value",
                            name="input")
        name, eq, value = tok[2:].partition("=")
        name = name.replace("-", "_")
        if not eq:
            if k + 1 >= len(extra):
                raise TaskError(f"--{name} needs a value", name="input")
            value = extra[k + 1]
            k += 1
        out[name] = value
        k += 1
    return out


def _read_working(path: str) -> list[Any]:
    import json

    from symbolic_mlmath.core.errors import InputError

    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read(1_000_000)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}", name="working") from None
    stripped = text.strip()
    if stripped.startswith("[") and stripped.endswith("]"):
        try:
            data = json.loads(stripped)
        except ValueError:
            data = None
        one_matrix = isinstance(data, list) and all(  # a single line holding one matrix
            isinstance(r, list) and all(isinstance(x, int | float) for x in r) for r in data)
        if isinstance(data, list) and not all(isinstance(x, int | float) for x in data) \
                and not one_matrix:
            return data
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def _cmd_tasks() -> str:
    from symbolic_mlmath.core.tasks import all_tasks

    out = []
    for t in all_tasks().values():
        alias = f" (also: {', '.join(t.aliases)})" if t.aliases else ""
        out.append(f"{t.name}{alias} - {t.doc}")
        for i in t.inputs:
            out.append(f"    {i.describe()}  {i.doc}")
    return "\n".join(out)


def _cmd_task(name: str) -> str:
    """One task in full: what it does, its inputs, and the answer forms it reads."""
    from symbolic_mlmath.core.tasks import get_task
    from symbolic_mlmath.text.options import parse_text

    t = get_task(parse_text(name, name="task"))
    alias = f" (also: {', '.join(t.aliases)})" if t.aliases else ""
    out = [f"{t.name}{alias} - {t.doc}", "Inputs:"]
    out += [f"    {i.describe()}  {i.doc}" for i in t.inputs]
    out.append("Answer forms (mlmath check " + t.name + " --answer ...):")
    forms = t.answers or ("a value written like the result (a number, an expression, a "
                          "vector [1, 2] or a matrix [[1, 2], [3, 4]]); decimals are right when "
                          "they are the exact value correctly rounded to the places written")
    out += [f"    {line}" for line in forms.strip().splitlines()]
    return "\n".join(out)


def _emit(text: str, out: str | None) -> None:
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text if text.endswith("\n") else text + "\n")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _run(argv: Sequence[str]) -> int:
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    if args.command == "workbook":
        from symbolic_mlmath.publish.workbook import main as workbook_main

        return workbook_main(list(extra))
    if args.command == "worksheet":
        from symbolic_mlmath.publish.worksheet import main as worksheet_main

        return worksheet_main(list(extra))
    if args.command == "grade":
        from symbolic_mlmath.publish.grading import main as grade_main

        return grade_main(list(extra))
    if args.command == "tasks":
        if len(extra) > 1 or (extra and extra[0].startswith("-")):
            from symbolic_mlmath.core.errors import TaskError

            raise TaskError(f"unexpected argument {extra[-1][:40]!r}; use mlmath tasks [TASK]",
                            name="tasks")
        _emit(_cmd_task(extra[0]) if extra else _cmd_tasks(), None)
        return 0
    inputs = _task_inputs(extra)
    if args.command == "solve":
        from symbolic_mlmath import api
        from symbolic_mlmath.text.options import parse_choice, parse_detail

        fmt = parse_choice(args.format, FORMATS, name="format")  # options are learner text
        detail = parse_detail(args.detail)
        d = api.solve(args.task, **inputs)
        if fmt in ("html", "ipynb") or (fmt == "latex" and not args.fragment):
            from symbolic_mlmath.publish import documents

            text = documents.render_single(d, fmt, detail=detail)
        else:
            text = d.to_json() if fmt == "json" else {
                "text": d.to_text, "markdown": d.to_markdown, "latex": d.to_latex,
            }[fmt](detail=detail)
        _emit(text, args.out)
        return 0
    from symbolic_mlmath import api

    working = _read_working(args.working) if args.working else None
    v = api.check(args.task, answer=args.answer, working=working, abs_tol=args.abs_tol,
                  rel_tol=args.rel_tol, **inputs)
    _emit(v.to_json() if args.json else v.to_text(), None)
    return 0 if v.correct is True else 1


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``mlmath``; return the exit status.

    0: done (or the answer is correct); 1: the answer is not correct (or undecided);
    2: bad input, one line ``error: ...``; 3: a bug in the package, one line
    ``internal error: ...`` (the traceback too with ``--debug``).
    """
    import os

    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv or os.environ.get("MLMATH_DEBUG", "") not in ("", "0")
    argv = [a for a in argv if a != "--debug"]
    try:
        return _run(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0) if isinstance(exc.code, int | None) else 2
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        return 2
    except MemoryError:
        sys.stderr.write("error: out of memory\n")
        return 2
    except Exception as exc:
        from symbolic_mlmath.core.errors import InputError

        if isinstance(exc, InputError):  # the learner's input: one line, never a traceback
            sys.stderr.write(f"error: {_one_line(str(exc)) or type(exc).__name__}\n")
            return 2
        if debug:
            import traceback

            traceback.print_exc(file=sys.stderr)
        msg = _one_line(f"{type(exc).__name__}: {exc}")
        hint = "" if debug else " (run with --debug for the traceback)"
        sys.stderr.write(f"internal error: {msg}{hint}\n")
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

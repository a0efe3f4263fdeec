"""What a derivation shows at each detail level: the one plan every renderer follows.

:func:`plan` turns a derivation into numbered steps, each with its title, one sentence
(what is done and why), the law (the first time the rule appears), and the displays
built from the step's data; then the result, as one display or a labelled table.
Steps that show nothing new (``1/5 = 1/5``) are left out; a step whose substeps go
from its ``before`` to its ``after`` by equalities is shown as one chain
(``|1 3; 2 -5| = 1·(-5) - 3·2 = -11``); substeps that teach (the minors of a cofactor
expansion, solving ``(A - λI)x = 0``) are shown at the standard detail.

Examples
========
>>> import symbolic_mlmath as sm
>>> p = plan(sm.solve("det", matrix=[[1, 2], [3, 4]]), "standard")
>>> [s.title for s in p.steps]
['2x2 determinant', 'Arithmetic']
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from symbolic_mlmath.render.displays import Display, MatrixStyle, Shown, chain
from symbolic_mlmath.render.formats import MathFormat
from symbolic_mlmath.render.templates import template_of
from symbolic_mlmath.render.views import tex_view

if TYPE_CHECKING:  # steps use these modules at run time, not the other way round
    from symbolic_mlmath.core.steps import Step

__all__ = ["Plan", "ResultView", "StepView", "plan", "sentence"]


@dataclass
class StepView:
    """One step as shown: ``depth`` 0 is numbered, deeper steps are bullets under it."""

    step: Step
    depth: int
    number: int
    title: str
    displays: list[Display]
    law_shown: bool
    summary: str = ""  # replaces the sentence when steps are summarised
    label: str = ""  # replaces "Step k" (a summary of several steps)
    conclusion: bool = False  # the result of a step, shown after the substeps that teach it

    def text(self, f: MathFormat) -> str:
        """The step's sentence in format ``f``: what is done, and why."""
        if self.summary:
            return self.summary
        t = template_of(self.step)
        why = t.why(self.step, f) if t.why else None
        return sentence(t.instance(self.step, f), why)

    def law(self, f: MathFormat) -> str | None:
        """The law, the first time its rule appears in the derivation."""
        return template_of(self.step).law(f) if self.law_shown else None


@dataclass
class ResultView:
    """The result: one display, a table (``header``, ``rows`` of shown objects or
    words), or the sentence of the step that decides it (``step``)."""

    display: Display | None = None
    header: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    step: Step | None = None
    note: str = ""

    def text(self, f: MathFormat) -> str:
        """The deciding step's sentence (for word results)."""
        if self.step is None:
            return ""
        t = template_of(self.step)
        return sentence(t.instance(self.step, f))


@dataclass
class Plan:
    """Everything a renderer writes for one derivation."""

    title: str
    goal: Display
    goal_label: str
    steps: list[StepView]
    result: ResultView
    variables: tuple


_MATH_WORDS = {"det", "rank", "span", "dim", "tr", "proj", "max", "min", "cos", "sin", "arccos",
               "df"}


def sentence(instance: str, why: str | None = None) -> str:
    """``instance, why.`` with a capital letter and one full stop.

    >>> sentence("R₂ ← R₂ - R₁", "to clear the entry below the pivot in column 1")
    'R₂ ← R₂ - R₁, to clear the entry below the pivot in column 1.'

    A block after the sentence (an iteration table) gets no full stop of its own:

    >>> sentence("the iterates\\n\\nk | x")
    'The iterates.\\n\\nk | x'
    """
    text, sep, block = instance.strip().partition("\n")  # a table after the sentence
    if sep:
        return sentence(text, why) + "\n" + block
    if why:
        text = f"{text}, {why.strip()}" if text else why.strip()
    first = text.split(" ", 1)[0] if text else ""
    if first.isalpha() and first.islower() and len(first) > 1 and first not in _MATH_WORDS:
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".?!":
        text += "."
    return text


# ------------------------------------------------------------------ building
def _same_text(a: Any, b: Any) -> bool:
    try:
        return tex_view(Shown(a)) == tex_view(Shown(b))
    except Exception:  # pragma: no cover - printing never decides correctness
        return False


def _with_bar(disp: Display, aug: tuple | None) -> Display:
    if aug is None:
        return disp
    from sympy import MatrixBase

    cols, left = aug
    out = []
    for k, part in enumerate(disp.chain):
        if k % 2 == 0 and isinstance(part.obj, MatrixBase) and part.view == "" \
                and part.obj.cols == cols and (part.style is None or part.style.bar is None):
            st = part.style or MatrixStyle()
            part = replace(part, style=MatrixStyle(left, st.rows, st.pivots))
        out.append(part)
    return replace(disp, chain=tuple(out))


def _empty(disp: Display) -> bool:
    """A display that shows an object equal to itself in print (``M ⟹ M``)."""
    terms = disp.terms
    return len(terms) > 1 and disp.name is None and all(
        _same_text(terms[0].obj, t.obj) and t.view == terms[0].view for t in terms[1:])


def _chainable(step: Step) -> bool:
    """Substeps that lead from ``before`` to ``after`` by equalities, with no substeps."""
    subs = step.substeps
    if not subs or template_of(step).relation != "=" or template_of(step).display is not None:
        return False
    if any(s.substeps or template_of(s).relation != "=" for s in subs):
        return False
    if subs[0].before != step.before or subs[-1].after != step.after:
        return False
    return all(a.after == b.before for a, b in itertools.pairwise(subs))


class _Builder:
    def __init__(self, detail: str) -> None:
        self.detail = detail
        self.laws: set = set()
        self.aug: tuple | None = None
        self.out: list[StepView] = []
        self.number = 0
        self.last: Any = None  # the object the last display ended with
        self.goal: Any = None  # shown under "Given:" already

    def _repeats(self, d: Display) -> bool:
        """A lone object the display just before ended with (a pivots step after RREF)."""
        return (len(d.terms) == 1 and d.name is None and self.last is not None
                and d.terms[0].view == "" and _same_text(d.terms[0].obj, self.last))

    def walk(self, steps: tuple[Step, ...], depth: int) -> None:
        for s in steps:
            self.add(s, depth)

    def add(self, step: Step, depth: int) -> None:
        from symbolic_mlmath.core.rules import Rule

        if (step.rule is Rule.GIVEN and self.goal is not None and step.after is not None
                and _same_text(step.after, self.goal)):
            return  # "The problem gives x² - 2" right under "Given: x² - 2"
        t = template_of(step)
        if t.sets is not None:
            facts = t.sets(step) or {}
            if "augment" in facts:
                self.aug = facts["augment"]
        if _chainable(step):
            objs: list[Any] = [step.before]
            for s in step.substeps:
                if not _same_text(objs[-1], s.after):
                    objs.append(s.after)
            parts: list[Any] = [objs[0]]
            for o in objs[1:]:
                parts += ["=", o]
            displays = [chain(*parts, step=step)] if len(objs) > 1 else []
            substeps: tuple[Step, ...] = ()
        else:
            displays = t.displays(step)
            substeps = step.substeps
        displays = [_with_bar(d, self.aug) for d in displays]
        kept = [d for d in displays if not _empty(d) and not self._repeats(d)]
        if displays and all(_empty(d) for d in displays) and not t.why:
            return  # a step that shows nothing new (1/5 = 1/5)
        if kept:
            self.last = kept[-1].terms[-1].obj
        if depth == 0:
            self.number += 1
        law = step.rule not in self.laws
        self.laws.add(step.rule)
        show_subs = self.detail == "full" or (self.detail == "standard" and t.teach and depth == 0)
        if substeps and show_subs and t.teach and kept:
            # the work first, then what it gives: "So ..."
            self.out.append(StepView(step, depth, self.number, t.title, [], law))
            self.walk(substeps, depth + 1)
            self.out.append(StepView(step, depth, self.number, "", kept, False, summary="So",
                                     conclusion=True))
            return
        self.out.append(StepView(step, depth, self.number, t.title, kept, law))
        if substeps and show_subs:
            self.walk(substeps, depth + 1)


def plan(d: Any, detail: str = "standard", shared: tuple[int, str] | None = None) -> Plan:
    """The plan of what to show for derivation ``d`` at ``detail``.

    ``shared=(n, title)`` says the first ``n`` steps are those of the derivation
    ``title`` shown earlier on the page: they are summarised in one line.
    """
    b = _Builder(detail)
    b.goal = d.goal
    goal_aug = None
    inputs = getattr(d, "inputs", {}) or {}
    if inputs.get("augmented") is True and hasattr(d.goal, "cols"):
        goal_aug = (d.goal.cols, d.goal.cols - 1)
        b.aug = goal_aug
    b.walk(d.steps, 0)
    if detail == "overview":
        b.out = [s for s in b.out if s.depth == 0]
    if shared is not None and 0 < shared[0] < len(d.steps):
        b.out = _summarise(d, b.out, shared, goal_aug)
    goal = _with_bar(_goal_display(d), goal_aug)
    label = getattr(d, "goal_label", None) or (
        "Find" if _unevaluated(d.goal) or type(d.goal).__name__ in _ASKED else "Given")
    result = result_view(d)
    if result.display is not None and goal_aug is not None:
        result.display = _with_bar(result.display, goal_aug)
    return Plan(d.title, goal, label, b.out, result, tuple(d.variables or ()))


#: Goals that name what is asked (an unevaluated derivative, E[X], P(A), Var(X)): "Find".
_ASKED = {"Derivative", "Expect", "Prob", "Var", "SD", "Cov", "Corr", "Quantile"}


def _summarise(d: Any, views: list[StepView], shared: tuple[int, str],
               aug: tuple | None) -> list[StepView]:
    n, title = shared
    last = d.steps[n - 1]
    rest = [v for v in views if v.number > n]
    shown = _with_bar(chain(Shown(last.after, style=_pivot_style(last.after)), step=last), aug)
    text = f"The first {n} steps are those of “{title}” above; they end at"
    head = StepView(last, 0, n, "", [shown], False, summary=text,
                    label=f"Steps 1–{n}" if n > 1 else "Step 1")
    return [head, *rest]


def _pivot_style(obj: Any) -> MatrixStyle | None:
    from sympy import MatrixBase

    if not isinstance(obj, MatrixBase):
        return None
    piv = set()
    prev = -1
    for i in range(obj.rows):
        c = next((j for j in range(obj.cols) if obj[i, j] != 0), None)
        if c is None or c <= prev or any(obj[k, c] != 0 for k in range(i + 1, obj.rows)):
            break
        piv.add((i, c))
        prev = c
    return MatrixStyle(pivots=frozenset(piv))


def _unevaluated(obj: Any) -> bool:
    from sympy import Basic, MatrixBase, Tuple

    return isinstance(obj, Basic) and not isinstance(obj, MatrixBase | Tuple) \
        and not obj.is_Atom and obj.func.__name__ in {
            "Determinant", "VecOp", "Inverse", "MatMul", "MatAdd", "Transpose", "Trace"}


def _goal_display(d: Any) -> Display:
    from sympy import Eq, Tuple

    goal = d.goal
    if isinstance(goal, Tuple) and goal and all(isinstance(e, Eq) for e in goal):
        return chain(Shown(goal, view="system"))
    if isinstance(goal, Tuple):
        return chain(Shown(goal, view="list"))
    return chain(goal)


# ------------------------------------------------------------------ results
def result_view(d: Any) -> ResultView:
    """How to show ``d.result``: a subject's presenter for its task, or by its shape."""
    from symbolic_mlmath.render.templates import result_presenter

    fn = result_presenter(getattr(d, "task", None))
    if fn is not None:
        shown = fn(d)
        if shown is not None:
            return shown
    return generic_result(d.result, d)


def _factored(expr: Any) -> Any:
    from sympy import Expr, factor

    if not isinstance(expr, Expr) or not expr.free_symbols or not expr.is_polynomial():
        return None
    try:
        f = factor(expr)
    except Exception:  # pragma: no cover - factor refuses some expressions
        return None
    return f if (f.is_Mul or f.is_Pow) and f != expr else None


def generic_result(result: Any, d: Any = None) -> ResultView:
    """A result by its shape: solutions, named parts, lists, words, values."""
    from sympy import Basic, Symbol, Tuple
    from sympy.core.symbol import Str

    from symbolic_mlmath.render.labels import label

    variables = tuple(getattr(d, "variables", ()) or ())
    if isinstance(result, dict):
        keys = list(result)
        if not keys or all(isinstance(k, Symbol) for k in keys):
            return ResultView(display=chain(Shown(result, view="solution",
                                                  extra={"variables": variables})))
        rows = [[label(str(k)), _cell(v)] for k, v in result.items()]
        return ResultView(header=["", ""], rows=rows)
    if isinstance(result, list | tuple) and result and all(isinstance(x, dict) for x in result):
        keys = list(result[0])
        rows = [[_cell(x.get(k)) for k in keys] for x in result]
        return ResultView(header=[label(str(k)) for k in keys], rows=rows)
    if isinstance(result, list | tuple | Tuple):
        return ResultView(display=chain(Shown(Tuple(*result), view="list")))
    if isinstance(result, str | Str):  # a word result ("unique"): its words
        return ResultView(display=chain(Shown(result, view="words")))
    if isinstance(result, bool) or (isinstance(result, Basic) and result.is_Boolean):
        last = d.steps[-1] if d is not None and d.steps else None
        if last is not None:  # yes / no alone says too little: the deciding sentence
            return ResultView(step=last)
        return ResultView(display=chain(Shown(result, view="words")))
    parts: list[Any] = []
    goal = getattr(d, "goal", None)
    if goal is not None and _unevaluated(goal) and goal != result:
        parts += [goal, "="]
    parts.append(result)
    fac = _factored(result)
    if fac is not None:
        parts += ["=", fac]
    return ResultView(display=chain(*parts))


def _cell(v: Any) -> Any:
    from collections.abc import Sequence

    from sympy import Basic, MatrixBase, Tuple
    from sympy.core.symbol import Str

    if isinstance(v, str | bool):
        return Shown(v, view="words")
    if isinstance(v, list | tuple | Tuple) or (isinstance(v, Sequence) and not isinstance(v, Basic)
                                        and not isinstance(v, MatrixBase)):
        items = list(v)
        if len(items) > 8:
            items = [*items[:3], Str("…"), *items[-2:]]
        return Shown(Tuple(*items), view="list")
    return Shown(v)


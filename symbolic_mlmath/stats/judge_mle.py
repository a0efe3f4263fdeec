"""The working judge of ``mle`` (one parameter, with data): likelihood, log-likelihood, score,
estimate, second-derivative check, each line judged from the learner's line before.

Lines are labelled: ``L(p) = p^3 (1 - p)^2``, ``ℓ(p) = 3 ln p + 2 ln(1 - p)`` (also ``l(p)``,
``log L``), ``ℓ'(p) = 3/p - 2/(1 - p)`` (also ``dℓ/dp``, ``score``, or the equation
``3/p - 2/(1 - p) = 0``), ``p̂ = 3/5``, ``ℓ''(p) = -3/p^2 - 2/(1 - p)^2``, ``ℓ''(3/5) = -125/6 < 0``.
Each is compared, as a function of the parameter, with what the learner's earlier line gives
(the log of their likelihood, the derivative of their log-likelihood, a root of their score,
...), so an error is carried forward; a log-likelihood that drops an additive constant is
accepted and said. Slips named: the likelihood as a sum, a wrong log-likelihood, a wrong
derivative, an estimate that is not a root of the score, a second derivative or a sign claim
that is wrong.

Examples
========
>>> from symbolic_mlmath.core.tasks import get_task
>>> from symbolic_mlmath.core.working import check_working
>>> inputs = get_task("mle").parse_inputs({"distribution": "bernoulli", "data": "1,0,1,1,0"})
>>> v = check_working("mle", inputs, ["L(p) = p^3 (1 - p)^2", "ℓ(p) = 3 ln(p) + 2 ln(1 - p)",
...     "ℓ'(p) = 3/p - 2/(1 - p)", "p̂ = 3/5", "ℓ''(p) = -3/p^2 - 2/(1 - p)^2 < 0"])
>>> v.correct
True
>>> v = check_working("mle", inputs, ["ℓ(p) = 3 ln(p) + 2 ln(1 - p)", "ℓ'(p) = 3/p + 2/(1 - p)"])
>>> v.first_wrong_step, v.lines[1].mistake
(1, 'wrong derivative')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from symbolic_mlmath.core.errors import ParseError, TaskError
from symbolic_mlmath.core.mistakes import Slip
from symbolic_mlmath.core.working import Follow, Judge

__all__ = ["JUDGES"]

_P = r"\(\s*[^()]*\)"
_LABELS = (
    ("second", re.compile(rf"^\s*(?:[ℓl]\s*''\s*(?:{_P})?"
                          rf"|d\s*(?:²|\^2|2)\s*[ℓl]\s*/\s*d\s*\w+\s*(?:²|\^2|2))\s*$")),
    ("score", re.compile(rf"^\s*(?:[ℓl]\s*'\s*(?:{_P})?|d\s*[ℓl]\s*/\s*d\s*\w+|[Ss]core"
                         rf"|S\s*(?:{_P})?|U\s*(?:{_P})?)\s*$")),
    ("loglik", re.compile(rf"^\s*(?:[ℓl]\s*(?:{_P})?|(?:log|ln|Log|Ln)\s*L\s*(?:{_P})?"
                          rf"|[Ll]og-likelihood|loglik)\s*$")),
    ("lik", re.compile(rf"^\s*(?:L\s*(?:{_P})?|likelihood)\s*$")),
)
_HAT = re.compile(r"^\s*(\w+?)\s*(?:̂|\^|_?hat|_mle|_MLE)?\s*$")


@dataclass(frozen=True)
class _Ctx:
    theta: Any
    lik: Any
    loglik: Any
    score: Any
    second: Any
    estimate: Any
    given: Any
    inputs: dict


@dataclass(frozen=True)
class _State:
    values: dict  # what the learner wrote: lik, loglik, score, estimate, second


@dataclass(frozen=True)
class _Line:
    kind: str  # lik, loglik, score, estimate, second, claim
    value: Any
    claim: str | None = None  # "< 0" or "> 0" after a second derivative
    at_estimate: bool = False


def _start(task: str, inputs: dict) -> _Ctx:
    from symbolic_mlmath.core.tasks import get_task

    d = get_task("mle").derive(**inputs)
    steps = {s.rule.value: s for s in d.steps}
    if "score" not in steps or len(d.result) != 1 or hasattr(steps["score"].after, "shape"):
        raise TaskError("the working of an MLE is checked for one parameter with data",
                        name="distribution")
    theta = next(iter(steps["likelihood"].given["parameters"]))
    est = next(iter(d.result.values()))
    second = steps["second_derivative_check"].given.get("second") \
        if "second_derivative_check" in steps else None
    return _Ctx(theta, steps["likelihood"].after, steps["log_likelihood"].after,
                steps["score"].after, second, est, _State({}), dict(inputs))


def _read(ctx: _Ctx, raw: Any) -> _Line:
    from symbolic_mlmath.text.parse import parse_expr

    text = str(raw).strip().rstrip(".")
    claim = None
    m = re.search(r"\s*(<|>)\s*0\s*(?:[,;:].*|\s+so\s.*|\s*\(.*\))?$", text)
    if m:
        claim, text = m.group(1) + " 0", text[:m.start()]
    pieces = re.split(r"(?<![<>=!])=(?!=)", text)
    name = str(ctx.theta)
    if len(pieces) >= 2 and pieces[-1].strip() == "0":  # the score set to zero
        pieces = pieces[:-1]
        if len(pieces) == 1:
            return _Line("score", _expr(pieces[0], ctx))
    if len(pieces) < 2:
        raise ParseError("label the line: L(p) = ..., ℓ(p) = ..., ℓ'(p) = ..., p̂ = ..., ℓ''(p) = ...",
                         name="line")
    head = pieces[0].strip().replace("λ", "lambda").replace("θ", "theta").replace("μ", "mu")
    for kind, rx in _LABELS:
        if rx.match(head):
            at = re.search(r"\(\s*([^()]*)\)", head)
            at_est = bool(at and at.group(1).strip() not in (name, "λ", "θ", "μ", ""))
            value = parse_expr(pieces[-1], name="line")
            return _Line(kind, _check_names(value, ctx), claim, at_est)
    m = _HAT.match(head.replace("\u0302", ""))
    if m and m.group(1) in (name, "lambda", "theta", "mu", "p", "q") and m.group(1) == name:
        return _Line("estimate", parse_expr(pieces[-1], name="line"))
    raise ParseError(f"unknown quantity {pieces[0].strip()[:30]!r}", name="line")


def _expr(text: str, ctx: _Ctx) -> Any:
    from symbolic_mlmath.text.parse import parse_expr

    return _check_names(parse_expr(text, name="line"), ctx)


def _check_names(value: Any, ctx: _Ctx) -> Any:
    """The line's value with the parameter read as the problem's (its name, not its
    assumptions, is what the learner wrote); other names are an error."""
    free = getattr(value, "free_symbols", set())
    value = value.xreplace({v: ctx.theta for v in free if str(v) == str(ctx.theta)})
    extra = getattr(value, "free_symbols", set()) - {ctx.theta}
    if extra:
        raise ParseError(f"the line uses {', '.join(sorted(map(str, extra)))}; the parameter is "
                         f"{ctx.theta}", name="line")
    return value


def _same(a: Any, b: Any) -> bool | None:
    from symbolic_mlmath.core.answers import compare_scalar

    return compare_scalar(a, b)[0]


def expected(ctx: _Ctx, s: _State, kind: str) -> Any:
    """What a line of ``kind`` should be, from the learner's earlier lines."""
    from sympy import diff, expand_log, log

    v = s.values
    if kind == "lik":
        return ctx.lik
    if kind == "loglik":
        return expand_log(log(v["lik"]), force=True) if "lik" in v else ctx.loglik
    if kind == "score":
        return diff(v["loglik"], ctx.theta) if "loglik" in v else ctx.score
    if kind == "second":
        return diff(v["score"], ctx.theta) if "score" in v else (ctx.second if ctx.second is not None
                                                                else diff(ctx.score, ctx.theta))
    return ctx.estimate


def _follows(ctx: _Ctx, s: _State, line: _Line) -> Follow:
    from sympy import diff

    want = expected(ctx, s, line.kind)
    new = _State({**s.values, line.kind: line.value})
    if line.kind == "estimate":
        score = s.values.get("score", ctx.score)
        ok = _same(score.subs(ctx.theta, line.value), 0) if line.value.is_number else False
        return Follow(ok, "a root of the score", state=new)
    if line.at_estimate:
        est = s.values.get("estimate", ctx.estimate)
        ok = _same(want.subs(ctx.theta, est), line.value)
        return Follow(ok and _claim_ok(line, line.value), f"at {ctx.theta} = {est}",
                      state=replace(new, values={**s.values, "second_at": line.value}))
    ok = _same(want, line.value)
    note = ""
    if ok is False and line.kind == "loglik" and _same(diff(want, ctx.theta),
                                                       diff(line.value, ctx.theta)) is True:
        ok, note = True, "up to an additive constant, which does not change the maximiser"
    if ok and line.kind == "second" and line.claim:
        est = s.values.get("estimate", ctx.estimate)
        ok = _claim_ok(line, line.value.subs(ctx.theta, est))
    words = {"lik": "the likelihood", "loglik": "the log-likelihood", "score": "the score",
             "second": "the second derivative"}[line.kind]
    return Follow(ok, words, note=note, state=new)


def _claim_ok(line: _Line, value: Any) -> bool:
    if not line.claim or not value.is_number:
        return True
    return bool(value < 0) if line.claim == "< 0" else bool(value > 0)


def _explain(ctx: _Ctx, s: _State, line: _Line) -> Slip | None:
    from sympy import Add, Mul, log

    from symbolic_mlmath.render.formats import text_of

    want = expected(ctx, s, line.kind)
    if line.kind == "estimate":
        return Slip("not a root of the score", f"the score at {ctx.theta} = {text_of(line.value)} "
                    f"is not 0; the estimate is {text_of(ctx.estimate)}", ctx.estimate)
    if line.kind == "lik":
        if _same(Add(*Mul.make_args(want)), line.value) is True:
            return Slip("likelihood as a sum", "the likelihood multiplies the densities of the "
                        "observations", want)
        return Slip("wrong likelihood", "the likelihood is the product of the densities",
                    want)
    est = s.values.get("estimate", ctx.estimate)
    value_ok = _same(want.subs(ctx.theta, est), line.value) if line.at_estimate else \
        _same(want, line.value)
    if line.claim and value_ok is True:
        return Slip("sign claim wrong", f"at {ctx.theta} = {text_of(est)} the second derivative "
                    f"is {text_of(want.subs(ctx.theta, est))}, not {line.claim}", want)
    if line.kind == "loglik" and "lik" in s.values and _same(log(want), line.value) is not True:
        return Slip("wrong log-likelihood", "ℓ = ln L, the logs of the factors added", want)
    name, detail = {"score": ("wrong derivative", "the score is the derivative of ℓ"),
                    "second": ("wrong second derivative", "ℓ'' is the derivative of the score"),
                    "loglik": ("wrong log-likelihood", "ℓ = ln L")}[line.kind]
    return Slip(name, detail, want)


def _finished(ctx: _Ctx, s: _State) -> tuple[bool, str]:
    if "estimate" not in s.values:
        return False, f"the estimate {ctx.theta}̂ is not given yet"
    return True, f"and the estimate is {ctx.estimate}"


def _answer(ctx: _Ctx, s: _State, raw: Any) -> Any:
    from symbolic_mlmath.core.tasks import get_task

    t = get_task("mle")
    return t.check_answer(t.derive(**ctx.inputs), raw, ctx.inputs)


def _show(x: Any) -> str:
    from symbolic_mlmath.render.formats import text_of

    return text_of(x) if hasattr(x, "free_symbols") else str(x)


_JUDGE = Judge(_start, _read, _follows, _finished, _explain, _answer, _show,
               given_name="the data", expected=lambda c: c.estimate)

#: The judge of this module's task.
JUDGES = {"mle": _JUDGE}

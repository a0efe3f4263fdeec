"""The working judge of ``mle`` (one-parameter families with data, and the normal family with
μ and σ both unknown in ``judge_mle_multi``): likelihood,
log-likelihood, score, solution and the second-derivative check, a line each.

Lines are named on the left (``L(p) =``, ``l(p) =`` or ``log L =``, ``l'(p) =`` or
``score =``, ``p =`` or ``p_hat =``, ``l''(p) =`` or ``l''(0.7) =``). Each line is judged
from the learner's own previous line: the log-likelihood against the log of their
likelihood, the score against the derivative of their log-likelihood, the solution against
a root of their score (to the places written: the score changes sign within the rounding),
the second derivative against the derivative of their score. Constant factors of the
likelihood and constant terms of the log-likelihood are accepted (they do not move the
maximum). Slips named: the inner derivative of log(1 − p) missing, the likelihood
differentiated instead of the log-likelihood, a sign error, the reciprocal of the estimate.

Examples
========
>>> from symbolic_mlmath.core.working import check_working
>>> inputs = {"distribution": "bernoulli", "data": "1 1 0 1 1 0 1 1 0 1"}
>>> v = check_working("mle", inputs, ["L(p) = p^7 (1-p)^3", "l(p) = 7 log(p) + 3 log(1-p)",
...                   "l'(p) = 7/p - 3/(1-p)", "p = 0.7", "l''(0.7) = -47.62"])
>>> v.correct
True
>>> v = check_working("mle", inputs, ["l(p) = 7 log(p) + 3 log(1-p)", "l'(p) = 7/p + 3/(1-p)"])
>>> v.first_wrong_step, v.lines[1].mistake
(1, 'inner derivative missing')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.mistakes import Slip
from symbolic_mlmath.core.working import Follow, Judge, judges_for
from symbolic_mlmath.stats import judge_mle_multi as multi

__all__ = ["JUDGES", "MleCtx"]

INNER = "inner derivative missing"
LIKELIHOOD_DIFF = "the likelihood differentiated, not the log-likelihood"
RECIPROCAL = "the reciprocal of the estimate"
SIGN = "sign error"
_ROLES = ("likelihood", "loglik", "score", "root", "second")
_POINTS = {"p": (0.23, 0.61, 0.87), "lambda": (0.37, 1.3, 2.9)}


@dataclass
class MleCtx:
    """The exact functions of the parameter from the data, and the first state."""

    param: Any
    name: str
    exact: dict
    given: dict = field(default_factory=dict)


@dataclass(frozen=True)
class MleLine:
    """One line: its role, the value (an expression or a number), places written, text."""

    role: str
    value: Any
    places: int | None
    at: Any = None
    text: str = ""


def _start(task: str, inputs: dict) -> MleCtx:
    from symbolic_mlmath.stats.mle import derive_mle, model_of

    dist = inputs.get("distribution")
    if inputs.get("data") is None:
        raise InputError("working is checked for an MLE from data (give data)", name="data")
    model = model_of(dist, inputs.get("known"))
    if model.family == "normal" and len(model.params) == 2:
        return multi.start(inputs.get("data"))
    if len(model.params) != 1 or model.family == "uniform":
        raise InputError("working is checked for one-parameter families solved by calculus "
                         "(bernoulli, binomial, poisson, geometric, exponential)",
                         name="distribution")
    d = derive_mle(dist, data=inputs.get("data"), known=inputs.get("known"))
    steps = {s.rule.value: s.after for s in d.steps}
    param = model.params[0]
    score = steps["score"]
    exact = {"likelihood": steps["likelihood"], "loglik": steps["log_likelihood"],
             "score": score, "root": steps["set_score_to_zero"][0].rhs,
             "second": score.diff(param)}
    return MleCtx(param, model.names[0], exact)


def _left_role(ctx: MleCtx, left: str) -> tuple[str, str | None]:
    key = left.replace(" ", "").replace("’", "'").replace("λ", "lambda").replace("ℓ", "l") \
        .replace("\u0302", "_hat")
    low = key.lower()
    if low in (ctx.name, f"{ctx.name}_hat", f"{ctx.name}hat", "p̂", "mle", "lambdâ") or \
            low.startswith(f"{ctx.name}_"):
        return "root", None
    m = re.fullmatch(r"l''\((?P<a>[^)]*)\)", low)
    if "''" in low or low.startswith(("d2", "d^2", "second")):
        return "second", m.group("a") if m else None
    if "'" in low or low.startswith(("dl/d", "dlogl/d", "score", "s(", "u(")):
        return "score", None
    if re.fullmatch(r"L(\(\w*\))?", key) or re.fullmatch(r"likelihood(\(\w*\))?", low):
        return "likelihood", None
    if re.fullmatch(r"(l|logl|lnl|log-?likelihood|loglik)(\(\w*\))?", low):
        return "loglik", None
    raise InputError(f"cannot tell which quantity {left!r} is (write L(p) =, l(p) =, "
                     f"l'(p) =, {ctx.name} = or l''(p) =)", name="line")


def _read(ctx: MleCtx, raw: Any) -> MleLine:
    from sympy import Symbol

    from symbolic_mlmath.core.answers import decimal_places
    from symbolic_mlmath.text import parse_expr, parse_text

    parse_text(raw, name="line", max_length=400)  # checks type, length and characters
    text = str(raw).strip()
    text = re.sub(r"\s*(<|>)\s*0\s*(\(.*\))?\s*$", "", text)
    left, sep, right = text.partition("=")
    if not sep or not right.strip():
        raise InputError("write the line as name = expression (e.g. l(p) = 7 log(p))",
                         name="line")
    role, arg = _left_role(ctx, left.strip())
    last = right.split("=")[-1].strip()
    value = parse_expr(last, name="line")
    subs = {s: ctx.param for s in value.free_symbols if s.name in (ctx.name, "λ")}
    value = value.xreplace(subs)
    if not value.free_symbols and not (value.is_real and value.is_finite):
        raise InputError(f"{last} is not a real number", name="line")
    extra = value.free_symbols - {ctx.param}
    if extra:
        raise InputError(f"unknown name(s) {sorted(str(s) for s in extra)} (the parameter "
                         f"is {ctx.name})", name="line")
    at = None
    if arg and arg.strip() and arg.strip() != ctx.name:
        at = parse_expr(arg.strip(), name="line").xreplace({Symbol(ctx.name): ctx.param})
    return MleLine(role, value, decimal_places(last), at, text)


def _num(e: Any, param: Any, x: float) -> complex | None:
    try:
        v = complex(e.subs(param, x).evalf(30))
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return v


def _same(ctx: MleCtx, a: Any, b: Any, mode: str = "exact") -> bool:
    """Equal (``factor``: up to a constant factor, ``shift``: up to a constant term) at
    points inside the parameter's range."""
    pts = _POINTS["p" if ctx.name == "p" else "lambda"]
    vals = []
    for x in pts:
        u, v = _num(a, ctx.param, x), _num(b, ctx.param, x)
        if u is None or v is None:
            return False
        vals.append((u, v))
    if mode == "exact":
        return all(abs(u - v) <= 1e-9 * max(1, abs(u)) for u, v in vals)
    if mode == "factor":
        if any(abs(v) == 0 for _, v in vals):
            return False
        r = [u / v for u, v in vals]
        return all(abs(x - r[0]) <= 1e-9 * max(1, abs(r[0])) for x in r)
    d = [u - v for u, v in vals]
    return all(abs(x - d[0]) <= 1e-9 * max(1, abs(d[0])) for x in d)


def _value_ok(expected: Any, line: MleLine) -> bool:
    from symbolic_mlmath.stats.judge_lines import Line, matches

    return matches(expected, Line(line.role, line.value, line.places), slack=1)


def _root_ok(ctx: MleCtx, score: Any, line: MleLine) -> bool:
    """Whether the line's value is a root of ``score`` to the places written."""
    from sympy import Rational

    g = line.value
    if line.places is None:
        v = _num(score, ctx.param, float(g))
        return v is not None and abs(v) <= 1e-9
    h = Rational(1, 2 * 10**line.places)
    lo, hi = _num(score, ctx.param, float(g - h)), _num(score, ctx.param, float(g + h))
    return lo is not None and hi is not None and (lo.real * hi.real <= 0)


def _inner_missing(ctx: MleCtx, ell: Any) -> Any:
    from sympy import Add, log

    out = 0
    for term in Add.make_args(ell):
        logs = list(term.atoms(log))
        if len(logs) == 1:
            c = term / logs[0]
            out += c / logs[0].args[0] if not c.has(ctx.param) else term.diff(ctx.param)
        else:
            out += term.diff(ctx.param)
    return out


def _expected(ctx: MleCtx, state: dict, line: MleLine) -> tuple[Any, str]:
    """What the line should be from the learner's state (and how it is compared)."""
    from sympy import log

    p = ctx.param
    if line.role == "likelihood":
        return ctx.exact["likelihood"], "factor"
    if line.role == "loglik":
        return (log(state["likelihood"]) if "likelihood" in state else ctx.exact["loglik"]), \
            "shift"
    if line.role == "score":
        return (state["loglik"].diff(p) if "loglik" in state else ctx.exact["score"]), "exact"
    if line.role == "second":
        e = state["score"].diff(p) if "score" in state else ctx.exact["second"]
        if line.value.free_symbols:
            return e, "exact"
        at = line.at if line.at is not None else state.get("root", ctx.exact["root"])
        return e.subs(p, at), "value"
    return state.get("score", ctx.exact["score"]), "root"


def _ok(ctx: MleCtx, expected: Any, mode: str, line: MleLine) -> bool:
    if mode == "value":
        return _value_ok(expected, line)
    if mode == "root":
        return _root_ok(ctx, expected, line) or _value_ok(ctx.exact["root"], line)
    return _same(ctx, expected, line.value, mode)


_OPS = {"likelihood": "L = Π f(x_i; θ)", "loglik": "ℓ = log L", "score": "ℓ' = dℓ/dθ",
        "root": "solve ℓ'(θ) = 0", "second": "ℓ'' < 0 at the root: a maximum"}


def _follows(ctx: MleCtx, state: dict, line: MleLine) -> Follow:
    new = {**state, line.role: line.value}
    if line.role == "score" and line.value == 0:
        return Follow(True, "set the score to zero", state=state)
    exp, mode = _expected(ctx, state, line)
    ok = _ok(ctx, exp, mode, line)
    note = ""
    if ok and mode == "factor" and not _same(ctx, exp, line.value):
        note = "up to a constant factor, which does not move the maximum"
    if ok and mode == "shift" and not _same(ctx, exp, line.value):
        note = "up to a constant term, which does not move the maximum"
    if ok and line.role == "second" and not line.value.free_symbols and line.value >= 0:
        note = "the second derivative is not negative: not a maximum"
    return Follow(ok, _OPS[line.role], note, state=new)


def _explain(ctx: MleCtx, state: dict, line: MleLine) -> Slip | None:
    exp, mode = _expected(ctx, state, line)
    cands: list[tuple[str, Any]] = []
    if line.role == "score":
        base = state.get("loglik", ctx.exact["loglik"])
        cands = [(INNER, _inner_missing(ctx, base)), (SIGN, -exp),
                 (LIKELIHOOD_DIFF, state.get("likelihood", ctx.exact["likelihood"])
                  .diff(ctx.param))]
    elif line.role == "loglik" or line.role == "second":
        cands = [(SIGN, -exp)]
    for name, c in cands:
        if (mode == "value" and _value_ok(c, line)) or \
                (mode != "value" and _same(ctx, c, line.value, "exact")):
            return Slip(name, "", exp, _OPS[line.role])
    if line.role == "root":
        r = ctx.exact["root"]
        if r != 0 and _value_ok(1 / r, line):
            return Slip(RECIPROCAL, "", r, _OPS["root"])
        return Slip("arithmetic slip", "the value is not a root of the score", r, _OPS["root"])
    return Slip("arithmetic slip", "", exp if mode != "root" else None, _OPS[line.role])


def _finished(ctx: MleCtx, state: dict) -> tuple[bool, str]:
    if "root" in state:
        return True, "" if "second" in state else "(no second-derivative check was written)"
    return False, f"the estimate ({ctx.name} = ...) was not reached"


def _show(v: Any) -> str:
    from symbolic_mlmath.stats.judge_lines import show_line

    return str(v) if getattr(v, "free_symbols", None) else show_line(v)


def _either(one: Any, two: Any) -> Any:
    """``one`` for a one-parameter working, ``two`` for the normal family's (μ, σ)."""
    def call(ctx: Any, *args: Any) -> Any:
        return (two if isinstance(ctx, multi.NormalCtx) else one)(ctx, *args)

    return call


def _estimate(ctx: Any) -> Any:
    if isinstance(ctx, multi.NormalCtx):
        return {"mu": ctx.exact["mu"], "sigma^2": ctx.exact["sigma2"]}
    return ctx.exact["root"]


JUDGES = judges_for(Judge(start=_start, read=_either(_read, multi.read),
                          follows=_either(_follows, multi.follows),
                          finished=_either(_finished, multi.finished),
                          explain=_either(_explain, multi.explain), show=_show,
                          given_name="the data", expected=_estimate), "mle")

"""The working judge of ``mle`` for the normal family with μ and σ both unknown: likelihood,
log-likelihood, the two score equations, the solution and the second-derivative check.

Lines are named on the left: ``L(μ, σ) =``, ``l(μ, σ) =`` (or ``log L =``), ``∂l/∂μ =``,
``∂l/∂σ =`` or ``∂l/∂σ² =`` (the score in either parametrisation), ``μ =``, ``σ² =`` or
``σ =`` (hats allowed: ``mu_hat``, ``sigma2_hat``), ``∂²l/∂μ² =``, ``∂²l/∂μ∂σ =``,
``∂²l/∂σ² =`` (as an expression, or its value at the estimate) or ``H = [[..], [..]]``.
Each line is judged from the learner's own earlier lines (the log-likelihood against the
log of their likelihood, a score against the derivative of their log-likelihood, an
estimate against a root of their score), up to a constant factor of the likelihood and a
constant term of the log-likelihood. Slips named: a sign error, the likelihood
differentiated instead of its log, the log σ term dropped, the derivative taken for σ² where
σ is written (or the other way), n − 1 instead of n in σ̂², σ and σ² confused.

Examples
========
>>> from symbolic_mlmath.core.working import check_working
>>> inputs = {"distribution": "normal", "data": "2 4 6 8"}
>>> v = check_working("mle", inputs, ["l(mu, sigma) = -4 log(sigma) - ((2-mu)^2 + (4-mu)^2 "
...     "+ (6-mu)^2 + (8-mu)^2)/(2 sigma^2)", "∂l/∂mu = (20 - 4 mu)/sigma^2", "mu = 5",
...     "sigma^2 = 5", "∂²l/∂mu² = -4/sigma^2 = -0.8"])
>>> v.correct
True
>>> v = check_working("mle", inputs, ["mu = 5", "sigma^2 = 20/3"])
>>> v.first_wrong_step, v.lines[1].mistake
(1, 'n − 1 instead of n')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.mistakes import Slip
from symbolic_mlmath.core.working import Follow

__all__ = ["NormalCtx", "explain", "finished", "follows", "read", "start"]

SIGN = "sign error"
LIKELIHOOD_DIFF = "the likelihood differentiated, not the log-likelihood"
LOG_DROPPED = "the log σ term dropped"
WRONG_PARAM = "derivative for σ² where σ is written (or the other way)"
N_MINUS_1 = "n − 1 instead of n"
SIGMA_SQUARED = "σ and σ² confused"
ARITH = "arithmetic slip"
_POINTS = ((0.7, 1.3), (2.1, 0.8), (-1.4, 2.6))
_OPS = {"likelihood": "L = Π f(x_i; μ, σ)", "loglik": "ℓ = log L",
        "score": "the score: ∂ℓ/∂θ", "root": "solve the score equations",
        "second": "the second derivatives at the estimate: a maximum when negative definite"}


@dataclass
class NormalCtx:
    """The exact functions of (μ, σ) from the data, the estimates, the first state."""

    mu: Any
    sigma: Any
    n: int
    exact: dict
    given: dict


@dataclass(frozen=True)
class NLine:
    """One line: its role, the parameter(s) it is about, its value, the places written."""

    role: str
    wrt: tuple
    value: Any
    places: int | None
    text: str = ""


def start(data: Any) -> NormalCtx:
    """The exact log-likelihood, scores, estimates and second derivatives of a sample."""
    from sympy import Rational, Symbol, log, pi, sqrt

    from symbolic_mlmath.stats.samples import sample_from

    smp = sample_from(data)
    xs = list(smp.data)
    mu, sigma = Symbol("mu"), Symbol("sigma")
    n = len(xs)
    ell = -Rational(n, 2) * log(2 * pi) - n * log(sigma) - \
        sum((x - mu) ** 2 for x in xs) / (2 * sigma**2)
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / n
    exact = {"loglik": ell, "mu": mean, "sigma2": var, "sigma": sqrt(var),
             "var_n1": sum((x - mean) ** 2 for x in xs) / (n - 1) if n > 1 else None}
    return NormalCtx(mu, sigma, n, exact, {})


def _score(ctx: NormalCtx, ell: Any, wrt: str) -> Any:
    if wrt == "mu":
        return ell.diff(ctx.mu)
    d = ell.diff(ctx.sigma)
    return d if wrt == "sigma" else d / (2 * ctx.sigma)


def _second(ctx: NormalCtx, ell: Any, wrt: tuple) -> list:
    """The second derivative(s) a label may mean (σ² and σ both, where ambiguous)."""
    s = ctx.sigma

    def d(e: Any, v: str) -> Any:
        return e.diff(ctx.mu) if v == "mu" else (e.diff(s) if v == "sigma" else e.diff(s) / (2 * s))

    outs = [d(d(ell, wrt[0]), wrt[1])]
    if "sigma" in wrt:  # ∂²l/∂σ² is read both ways
        alt = tuple("sigma2" if w == "sigma" else w for w in wrt)
        outs.append(d(d(ell, alt[0]), alt[1]))
    return outs


# ------------------------------------------------------------------ reading
def _norm(left: str) -> str:
    t = left.replace(" ", "").replace("’", "'").replace("μ", "mu").replace("σ", "sigma") \
        .replace("ℓ", "l").replace("∂", "d").replace("²", "^2").replace("\u0302", "_hat")
    return t.replace("(sigma^2)", "sigma^2").replace("sigma^2", "sigma2").lower()


def _label(left: str) -> tuple[str, tuple]:
    t = _norm(left)
    root = re.fullmatch(r"(mu|sigma2|sigma|s2|var)(?:_?hat)?(?:_?mle)?", t)
    if root:
        return "root", ({"s2": "sigma2", "var": "sigma2"}.get(root.group(1), root.group(1)),)
    if t in ("h", "hessian", "h(mu,sigma)", "h(mu,sigma2)"):
        return "second", ("H",)
    m = re.fullmatch(r"d\^?2l/((?:d(?:mu|sigma2|sigma)(?:\^2|2)?)+)(?:\(.*\))?", t)
    if m:
        vs = []
        for v, sq in re.findall(r"d(mu|sigma2|sigma)(\^2|2)?", m.group(1)):
            vs += [v, v] if sq else [v]
        if vs == ["sigma2"]:  # ∂²l/∂σ²: twice in σ (σ² read too when judged)
            vs = ["sigma", "sigma"]
        if len(vs) == 2:
            return "second", tuple(vs)
    m = re.fullmatch(r"dl/d(mu|sigma2|sigma)(?:\(.*\))?|score_?(mu|sigma2|sigma)", t)
    if m:
        return "score", (m.group(1) or m.group(2),)
    if re.fullmatch(r"likelihood(\(.*\))?", t) or (re.fullmatch(r"l(\(.*\))?", t) and
                                                     left.strip()[0] == "L"):
        return "likelihood", ()
    if re.fullmatch(r"(l|logl|lnl|log-?likelihood|loglik)(\(.*\))?", t):
        return "loglik", ()
    raise InputError(f"cannot tell which quantity {left.strip()[:20]!r} is (write L(μ, σ) =, "
                     "l(μ, σ) =, ∂l/∂μ =, ∂l/∂σ² =, μ =, σ² = or ∂²l/∂μ² =)", name="line")


def read(ctx: NormalCtx, raw: Any) -> NLine:
    """One line read through the text door (raises InputError)."""
    from symbolic_mlmath.core.answers import decimal_places
    from symbolic_mlmath.text import parse_expr, parse_value

    if not isinstance(raw, str) or len(raw) > 400:
        raise InputError("a line is text of at most 400 characters", name="line")
    text = re.sub(r"\s*(<|>)\s*0\s*(\(.*\))?\s*$", "", raw.strip())
    left, sep, right = text.partition("=")
    if not sep or not right.strip():
        raise InputError("write the line as name = expression (e.g. mu = 5)", name="line")
    role, wrt = _label(left)
    last = right.split("=")[-1].strip()
    if wrt == ("H",):
        value = parse_value(last, name="line")
        if getattr(value, "shape", None) != (2, 2) or value.free_symbols:
            raise InputError("write the Hessian at the estimate as [[a, b], [c, d]]",
                             name="line")
    else:
        value = parse_expr(last, name="line")
        extra = {str(s) for s in value.free_symbols} - {"mu", "sigma"}
        if extra:
            raise InputError(f"unknown name(s) {sorted(extra)} (the parameters are mu and "
                             "sigma)", name="line")
        value = value.xreplace({s: ctx.mu if str(s) == "mu" else ctx.sigma
                                for s in value.free_symbols})
        if role == "root" and value.free_symbols:
            raise InputError("an estimate is a number", name="line")
        if not value.free_symbols and not (value.is_real and value.is_finite):
            raise InputError(f"{last} is not a real number", name="line")
    places = decimal_places(last)
    if wrt == ("H",):
        found = [decimal_places(t) for t in re.split(r"[\[\],;\s]+", last) if "." in t]
        places = min((p for p in found if p is not None), default=None)
    return NLine(role, wrt, value, places, text)


# ------------------------------------------------------------------ judging
def _num(ctx: NormalCtx, e: Any, m: float, s: float) -> complex | None:
    from sympy import Float, N

    try:
        return complex(N(e.xreplace({ctx.mu: Float(m), ctx.sigma: Float(s)}), 30))
    except (TypeError, ValueError, ZeroDivisionError, AttributeError):
        return None


def _same(ctx: NormalCtx, a: Any, b: Any, mode: str = "exact") -> bool:
    """Equal (``factor``: up to a constant factor, ``shift``: up to a constant term)."""
    vals = [(_num(ctx, a, m, s), _num(ctx, b, m, s)) for m, s in _POINTS]
    if any(u is None or v is None for u, v in vals):
        return False
    if mode == "factor":
        if any(v == 0 for _, v in vals):
            return False
        r = [u / v for u, v in vals]
        return all(abs(x - r[0]) <= 1e-9 * max(1, abs(r[0])) for x in r)
    d = [u - v for u, v in vals]
    ref = d[0] if mode == "shift" else 0
    return all(abs(x - ref) <= 1e-9 * max(1, abs(u)) for x, (u, _) in zip(d, vals, strict=True))


def _value_ok(expected: Any, line: NLine) -> bool:
    from symbolic_mlmath.stats.judge_lines import Line, matches

    return matches(expected, Line(line.role, line.value, line.places), slack=1)


def _ell(ctx: NormalCtx, state: dict) -> Any:
    from sympy import log

    if "loglik" in state:
        return state["loglik"]
    if "likelihood" in state:
        return log(state["likelihood"])
    return ctx.exact["loglik"]


def _estimates(ctx: NormalCtx, state: dict) -> tuple:
    from sympy import sqrt

    m = state.get(("root", "mu"), ctx.exact["mu"])
    if ("root", "sigma") in state:
        s = state[("root", "sigma")]
    elif ("root", "sigma2") in state:
        s = sqrt(state[("root", "sigma2")])
    else:
        s = ctx.exact["sigma"]
    return m, s


def _root_ok(ctx: NormalCtx, state: dict, line: NLine) -> bool:
    from sympy import Rational, sqrt

    v = line.wrt[0]
    if _value_ok(ctx.exact[v], line):
        return True
    score = state.get(("score", "mu" if v == "mu" else "sigma"))
    if score is None:
        return False
    m, s = _estimates(ctx, state)
    h = Rational(1, 2 * 10**line.places) if line.places is not None else Rational(1, 10**9)
    ends = [line.value - h, line.value + h]
    if v == "sigma2":
        if ends[0] <= 0:
            return False
        ends = [sqrt(e) for e in ends]
    vals = [_num(ctx, score, float(e), float(s)) if v == "mu" else
            _num(ctx, score, float(m), float(e)) for e in ends]
    return all(x is not None for x in vals) and vals[0].real * vals[1].real <= 0


def _expected(ctx: NormalCtx, state: dict, line: NLine) -> tuple[list, str]:
    """The value(s) the line may have, and how they are compared."""
    from sympy import exp

    ell = _ell(ctx, state)
    if line.role == "likelihood":
        return [exp(ctx.exact["loglik"])], "factor"
    if line.role == "loglik":
        from sympy import log

        return [log(state["likelihood"]) if "likelihood" in state else ctx.exact["loglik"]], \
            "shift"
    if line.role == "score":
        w = line.wrt[0]
        own = state.get(("score", w))
        return [_score(ctx, ell, w)] + ([own] if own is not None else []), "exact"
    if line.role == "second":
        m, s = _estimates(ctx, state)
        if line.wrt == ("H",):
            from sympy import Matrix

            hs = []
            for p in ("sigma", "sigma2"):
                ps = ("mu", p)
                H = Matrix(2, 2, [_second(ctx, ell, (ps[i], ps[j]))[0] for i in range(2)
                                  for j in range(2)])
                hs.append(H.xreplace({ctx.mu: m, ctx.sigma: s}))
            return hs, "matrix"
        es = _second(ctx, ell, line.wrt)
        if line.value.free_symbols:
            return es, "exact"
        return [e.xreplace({ctx.mu: m, ctx.sigma: s}) for e in es], "value"
    return [], "root"


def _ok(ctx: NormalCtx, state: dict, line: NLine, cands: list, mode: str) -> bool:
    if mode == "root":
        return _root_ok(ctx, state, line)
    if mode == "value":
        return any(_value_ok(c, line) for c in cands)
    if mode == "matrix":
        from symbolic_mlmath.stats.judge_lines import Line, matches

        return any(all(matches(c[k], Line("H", line.value[k], line.places), slack=1)
                       for k in range(4)) for c in cands)
    return any(_same(ctx, c, line.value, mode) for c in cands)


def follows(ctx: NormalCtx, state: dict, line: NLine) -> Follow:
    """Whether a line follows from the learner's state (or the exact values)."""
    key = line.role if line.role in ("likelihood", "loglik") else (line.role, *line.wrt)
    new = {**state, key: line.value}
    if line.role == "score" and line.value == 0:
        return Follow(True, "set the score to zero", state=state)
    cands, mode = _expected(ctx, state, line)
    ok = _ok(ctx, state, line, cands, mode)
    note = ""
    if ok and mode == "factor" and not _same(ctx, cands[0], line.value):
        note = "up to a constant factor, which does not move the maximum"
    if ok and mode == "shift" and not _same(ctx, cands[0], line.value):
        note = "up to a constant term, which does not move the maximum"
    if ok and mode == "value" and line.value >= 0:
        note = "the second derivative is not negative: not a maximum"
    return Follow(ok, _OPS[line.role], note, state=new)


def explain(ctx: NormalCtx, state: dict, line: NLine) -> Slip | None:
    """The slip a line that does not follow most likely is."""
    from sympy import exp, log, sqrt

    cands, mode = _expected(ctx, state, line)
    op = _OPS[line.role]
    want = cands[0] if cands else None
    if line.role == "root":
        v = line.wrt[0]
        if v == "sigma2" and ctx.exact["var_n1"] is not None and _value_ok(ctx.exact["var_n1"],
                                                                          line):
            return Slip(N_MINUS_1, "the MLE of σ² divides by n", ctx.exact[v], op)
        if v == "sigma" and ctx.exact["var_n1"] is not None and \
                _value_ok(sqrt(ctx.exact["var_n1"]), line):
            return Slip(N_MINUS_1, "the MLE of σ² divides by n", ctx.exact[v], op)
        other = {"sigma": ctx.exact["sigma2"], "sigma2": ctx.exact["sigma"]}.get(v)
        if other is not None and _value_ok(other, line):
            return Slip(SIGMA_SQUARED, f"σ̂² = {ctx.exact['sigma2']}", ctx.exact[v], op)
        return Slip(ARITH, "the value is not a root of the score", ctx.exact[v], op)
    slips: list[tuple[str, Any]] = []
    if line.role == "score":
        w = line.wrt[0]
        ell = _ell(ctx, state)
        slips = [(SIGN, -want), (LIKELIHOOD_DIFF, _score(ctx, exp(ell), w))]
        if w != "mu":
            slips += [(WRONG_PARAM, _score(ctx, ell, "sigma2" if w == "sigma" else "sigma")),
                      (LOG_DROPPED, _score(ctx, ell.subs(log(ctx.sigma), 0), w))]
    elif line.role in ("loglik", "second") and mode != "matrix":
        slips = [(SIGN, -c) for c in cands]
    for name, c in slips:
        if (mode == "value" and _value_ok(c, line)) or \
                (mode != "value" and _same(ctx, c, line.value)):
            return Slip(name, "", want, op)
    return Slip(ARITH, "", want if mode not in ("matrix",) else None, op)


def finished(ctx: NormalCtx, state: dict) -> tuple[bool, str]:
    """Finished when both estimates are there."""
    have_mu = ("root", "mu") in state
    have_s = ("root", "sigma") in state or ("root", "sigma2") in state
    if have_mu and have_s:
        second = any(isinstance(k, tuple) and k[0] == "second" for k in state)
        return True, "" if second else "(no second-derivative check was written)"
    missing = [w for w, h in (("μ", have_mu), ("σ²", have_s)) if not h]
    return False, f"the estimate of {' and '.join(missing)} was not reached"

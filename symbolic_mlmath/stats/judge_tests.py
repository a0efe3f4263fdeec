"""The working judges of ``t_test``, ``z_test`` and ``ci_mean``: one quantity per line.

A line names a quantity and gives its value, possibly as a chain with the formula put in:
``SE = s/√n = 4/√15 = 1.033``, ``t = (52 - 50)/1.033 = 1.936``, ``df = 14``,
``t_crit = 2.145``, ``p = 0.073``, ``fail to reject H0``, ``H0: μ = 50``,
``CI = 52 ± 2.145 · 1.033 = (49.78, 54.22)``. Every quantity is computed from the learner's
own earlier quantities (the statistic from their standard error, the p-value from their
statistic and df, the decision from their p-value), so the first wrong line is named and
later lines are judged from the learner's values (error carried forward); decimals are
accepted to the places written. Slips named: σ/n instead of σ/√n, the standard error not
used, the sign of the statistic, n instead of n - 1 degrees of freedom, α not halved (or
halved) for the alternative, the z critical value or p-value where t is needed, a one-sided
p-value for a two-sided test, the other tail, a decision that contradicts the p-value,
wrong hypotheses.

Examples
========
>>> from symbolic_mlmath.core.tasks import get_task
>>> from symbolic_mlmath.core.working import check_working
>>> t = get_task("t_test")
>>> inputs = t.parse_inputs({"xbar": "52", "n": "16", "s": "4", "mu0": "50"})
>>> v = check_working("t_test", inputs, ["SE = 4/√16 = 1", "t = (52 - 50)/1 = 2", "df = 15",
...                                      "p = 0.064", "fail to reject H0"])
>>> v.correct
True
>>> v = check_working("t_test", inputs, ["SE = 4/16 = 0.25", "t = 2/0.25 = 8"])
>>> v.first_wrong_step, v.lines[0].mistake, v.lines[1].follows
(0, 'σ/n instead of σ/√n', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from symbolic_mlmath.core.errors import ParseError, TaskError
from symbolic_mlmath.core.mistakes import Slip
from symbolic_mlmath.core.working import Follow, Judge

__all__ = ["JUDGES", "QUANTITIES", "quantity_of"]

#: The quantities a line may give, and the words for each (lower case, spaces removed).
QUANTITIES: dict[str, tuple[str, ...]] = {
    "xbar": ("x̄", "xbar", "x-bar", "mean", "samplemean", "m"),
    "s": ("s", "sd", "samplesd", "std", "σ", "sigma", "standarddeviation"),
    "n": ("n", "samplesize"),
    "se": ("se", "standarderror", "σ_x̄", "s_x̄", "sigma_xbar", "s/√n", "σ/√n", "sem"),
    "statistic": ("t", "z", "teststatistic", "statistic", "tstat", "zstat", "t_stat", "z_stat"),
    "df": ("df", "degreesoffreedom", "ν", "nu", "dof"),
    "critical": ("tcrit", "zcrit", "t_crit", "z_crit", "criticalvalue", "t*", "z*", "c", "crit",
                 "t_c", "z_c"),
    "p": ("p", "p-value", "pvalue", "p_value"),
    "margin": ("e", "me", "margin", "marginoferror", "moe"),
    "lower": ("lower", "l", "lowerbound", "lowerlimit"),
    "upper": ("upper", "u", "upperbound", "upperlimit"),
    "interval": ("ci", "interval", "confidenceinterval"),
}
_ORDER = ("xbar", "s", "n", "se", "statistic", "df", "critical", "p", "margin", "lower", "upper",
          "interval")


def quantity_of(head: str) -> str | None:
    """The quantity a line's left side names, or None.

    Examples
    ========
    >>> quantity_of("p-value"), quantity_of("t_crit"), quantity_of("Standard error")
    ('p', 'critical', 'se')
    """
    key = re.sub(r"\s+", "", head.strip().lower())
    key = re.sub(r"_\{?0?\.\d+.*$|_\{?\d+.*$", "", key) if key.startswith(("t_", "z_")) and \
        key not in QUANTITIES["critical"] else key
    if re.fullmatch(r"[tz]_?\{?\(?0?\.\d+", key) or re.fullmatch(r"[tz]_?\{?\d+(,\d+)?\}?", key):
        return "critical"
    for name, words in QUANTITIES.items():
        if key in words:
            return name
    return None


@dataclass(frozen=True)
class _Ctx:
    task: str
    law: str  # "t" or "z"
    xbar: Any
    s: Any
    n: int
    mu0: Any
    alternative: str
    alpha: Any
    given: Any
    inputs: dict


@dataclass(frozen=True)
class _State:
    values: dict  # quantity -> the learner's value
    decision: str | None = None
    hypotheses: bool = False


@dataclass(frozen=True)
class _Line:
    kind: str  # a quantity, "decision", "hypothesis"
    parts: tuple  # values of the chain (the last is the value)
    texts: tuple  # the typed text of each value part
    extra: Any = None  # decision word, or (mu0, direction) of a hypothesis


def _start(task: str, inputs: dict) -> _Ctx:
    from sympy import Rational, sqrt

    from symbolic_mlmath.core.tasks import get_task

    d = get_task(task).derive(**inputs)
    r = d.result
    alt = "two-sided"
    if task != "ci_mean":
        from symbolic_mlmath.stats.testing import check_alternative

        alt = check_alternative(inputs.get("alternative"))
    law = "t" if "df" in r and r.get("df") is not None else "z"
    se = r["standard_error"]
    summary = next((s.after for s in d.steps if s.rule.value == "sample_summary"), None)
    if summary is not None:
        n = int(summary[0])
    elif inputs.get("n") is not None:
        n = int(inputs["n"])
    else:
        raise TaskError("the working needs the sample size n", name="n")
    s = inputs.get("s") if law == "t" else inputs.get("sigma")
    if s is None:
        s = se * sqrt(n)
    alpha = inputs.get("alpha") if task != "ci_mean" else 1 - (inputs.get("confidence") or
                                                                Rational(95, 100))
    if alpha is None:
        alpha = Rational(5, 100)
    return _Ctx(task, law, r["estimate"], s, n, inputs.get("mu0") or 0, alt, alpha,
                _State({}), dict(inputs))


_DECISION = re.compile(r"^\s*(?:we\s+)?(do\s+not\s+reject|don'?t\s+reject|fail\s+to\s+reject|"
                       r"not\s+reject|retain|accept|reject)\s*(?:h\s*_?\s*0|the\s+null.*)?\s*\.?$",
                       re.I)
_HYP = re.compile(r"^\s*H\s*_?\s*([01a])\s*:\s*(?:μ|mu)\s*(=|!=|≠|<>|>|<|>=|<=|≥|≤)\s*(.+)$", re.I)


def _read(ctx: _Ctx, raw: Any) -> _Line:
    from symbolic_mlmath.text.parse import parse_number, parse_value

    text = str(raw).strip().rstrip(".")
    m = _DECISION.match(text)
    if m:
        word = m.group(1).lower()
        return _Line("decision", (), (), "reject" if word == "reject" else "fail_to_reject")
    m = _HYP.match(text)
    if m:
        return _Line("hypothesis", (), (), (m.group(1).lower(), m.group(2),
                                            parse_number(m.group(3), name="line")))
    pieces = re.split(r"(?<![<>=!])=(?!=)", text)
    if len(pieces) < 2:
        raise ParseError("name the quantity: e.g. t = 1.94, p = 0.073, SE = 1.03, df = 14",
                         name="line")
    kind = quantity_of(pieces[0])
    if kind is None:
        raise ParseError(f"unknown quantity {pieces[0].strip()[:30]!r}; use SE, t (or z), df, "
                         "critical value, p, margin, CI", name="line")
    parts, texts = [], []
    for p in pieces[1:]:
        body = p.strip()
        pm = re.fullmatch(r"(.+?)\s*(?:±|\+/-|\+-)\s*(.+)", body)
        if kind in ("interval", "lower", "upper") and pm:
            c, e = parse_value(pm.group(1), name="line"), parse_value(pm.group(2), name="line")
            parts.append((c - e, c + e))
            texts.append(("~", "~") if "." in body else ("", ""))
            continue
        v = parse_value(body, name="line")
        if hasattr(v, "shape"):
            v = tuple(v)
            texts.append(tuple(x.strip() for x in body.strip("()[]").split(",")))
        else:
            texts.append(body)
        parts.append(v)
    # earlier parts of a chain that hold rounded numbers are compared approximately
    texts = [t if k == len(texts) - 1 else _approx_text(t) for k, t in enumerate(texts)]
    return _Line(kind, tuple(parts), tuple(texts))


def _approx_text(t: Any) -> Any:
    if isinstance(t, tuple):
        return tuple(_approx_text(x) for x in t)
    return "~" if isinstance(t, str) and ("." in t or t == "~") else t


def _known(ctx: _Ctx, s: _State, name: str) -> Any:
    """The learner's value of a quantity, or the true one."""
    return s.values.get(name, getattr(ctx, name, None))


def expected(ctx: _Ctx, s: _State, kind: str) -> Any:
    """The value of a quantity from the learner's own earlier values."""
    from sympy import sqrt

    from symbolic_mlmath.stats import critical

    xbar, sd, n = _known(ctx, s, "xbar"), _known(ctx, s, "s"), _known(ctx, s, "n")
    df = s.values.get("df", n - 1) if ctx.law == "t" else None
    se = s.values.get("se", sd / sqrt(n))
    if kind in ("xbar", "s", "n"):
        return getattr(ctx, kind)
    if kind == "se":
        return sd / sqrt(n)
    if kind == "df":
        return n - 1
    if kind == "statistic":
        return (xbar - ctx.mu0) / se
    if kind == "critical":
        return critical.critical_value(ctx.law, ctx.alpha, ctx.alternative, df=df)
    if kind == "p":
        stat = s.values.get("statistic", (xbar - ctx.mu0) / se)
        return critical.p_value(ctx.law, stat, ctx.alternative, df=df)
    crit = s.values.get("critical") or critical.critical_value(ctx.law, ctx.alpha, "two-sided",
                                                                df=df)
    margin = s.values.get("margin", crit * se)
    if kind == "margin":
        return crit * se
    if kind == "lower":
        return xbar - margin
    if kind == "upper":
        return xbar + margin
    return (xbar - margin, xbar + margin)


def _close(want: Any, got: Any, text: Any) -> bool | None:
    from symbolic_mlmath.core.answers import compare_scalar

    if isinstance(want, tuple):
        if not isinstance(got, tuple) or len(got) != len(want):
            return False
        texts = text if isinstance(text, tuple) and len(text) == len(want) else ("",) * len(want)
        oks = [_close(w, g, t) for w, g, t in zip(want, got, texts, strict=True)]
        return False if False in oks else (None if None in oks else True)
    if isinstance(got, tuple):
        return False
    if text == "~":  # a formula with rounded numbers in it: agree to 2 parts in 1000
        try:
            return bool(abs((want - got).evalf(20)) <= 2e-3 * max(1, abs(want.evalf(20))))
        except TypeError:
            return None
    return compare_scalar(want, got, text=text or None)[0]


def _decide(ctx: _Ctx, s: _State) -> str:
    p = s.values.get("p")
    if p is None:
        p = expected(ctx, s, "p")
    return "reject" if p <= ctx.alpha else "fail_to_reject"


def _follows(ctx: _Ctx, s: _State, line: _Line) -> Follow:
    if line.kind == "decision":
        want = _decide(ctx, s)
        words = "reject H0" if line.extra == "reject" else "fail to reject H0"
        return Follow(line.extra == want, words, state=replace(s, decision=line.extra))
    if line.kind == "hypothesis":
        which, rel, mu = line.extra
        ok = mu == ctx.mu0
        if which != "0":
            rel_alt = {"=": None, "!=": "two-sided", "≠": "two-sided", "<>": "two-sided",
                       ">": "greater", "<": "less", ">=": None, "<=": None, "≥": None, "≤": None}
            ok = ok and rel_alt.get(rel) == ctx.alternative
        return Follow(ok, "the hypotheses" if ok else None, state=replace(s, hypotheses=True))
    want = expected(ctx, s, line.kind)
    exact = expected(ctx, replace(s, values={}), line.kind)  # from unrounded earlier values
    oks = [True if _close(exact, p, t) is True else _close(want, p, t)
           for p, t in zip(line.parts, line.texts, strict=True)]
    value = line.parts[-1]
    new = replace(s, values={**s.values, line.kind: value})
    if line.kind == "interval" and isinstance(value, tuple):
        new = replace(new, values={**new.values, "lower": value[0], "upper": value[1]})
    if False in oks:
        return Follow(False, state=new)
    return Follow(None if None in oks else True, _words(line.kind), state=new)


def _words(kind: str) -> str:
    return {"xbar": "the sample mean", "s": "the standard deviation", "n": "the sample size",
            "se": "the standard error", "statistic": "the test statistic",
            "df": "the degrees of freedom", "critical": "the critical value", "p": "the p-value",
            "margin": "the margin of error", "lower": "the lower end", "upper": "the upper end",
            "interval": "the interval"}[kind]


def _explain(ctx: _Ctx, s: _State, line: _Line) -> Slip | None:
    from symbolic_mlmath.stats.judge_slips import name_slip

    if line.kind == "decision":
        want = _decide(ctx, s)
        p = s.values.get("p")
        why = f"p = {p} {'<=' if want == 'reject' else '>'} α = {ctx.alpha}" if p is not None \
            else f"at α = {ctx.alpha}"
        return Slip("decision contradicts the p-value", f"{why}, so "
                    f"{'reject H0' if want == 'reject' else 'fail to reject H0'}", want)
    if line.kind == "hypothesis":
        return Slip("wrong hypotheses", f"H0: μ = {ctx.mu0}; H1: μ "
                    f"{ {'two-sided': '≠', 'greater': '>', 'less': '<'}[ctx.alternative]} "
                    f"{ctx.mu0}")
    want = expected(ctx, s, line.kind)
    k = len(line.parts) - 1
    if _close(want, line.parts[k], line.texts[k]) is not False:
        k = next((i for i, (p, t) in enumerate(zip(line.parts, line.texts, strict=True))
                  if _close(want, p, t) is False), k)
    text = line.texts[k] if line.texts[k] != "~" else ""
    return name_slip(ctx, s, line.kind, want, line.parts[k], text)


def _finished(ctx: _Ctx, s: _State) -> tuple[bool, str]:
    if ctx.task == "ci_mean":
        if "interval" in s.values or ("lower" in s.values and "upper" in s.values):
            return True, "and the interval is there"
        return False, "the interval (both ends) is not there yet"
    missing = [w for w, ok in (("the test statistic", "statistic" in s.values),
                               ("a p-value or critical value",
                                "p" in s.values or "critical" in s.values),
                               ("the decision", s.decision is not None)) if not ok]
    if missing:
        return False, "no line for " + ", ".join(missing)
    return True, "and the test is decided"


def _answer(ctx: _Ctx, s: _State, raw: Any) -> Any:
    from symbolic_mlmath.core.tasks import get_task

    t = get_task(ctx.task)
    return t.check_answer(t.derive(**ctx.inputs), raw, ctx.inputs)


def _show(x: Any) -> str:
    from symbolic_mlmath.render.formats import text_of

    if isinstance(x, tuple):
        return "(" + ", ".join(_show(v) for v in x) + ")"
    if isinstance(x, str):
        return "reject H0" if x == "reject" else "fail to reject H0"
    return text_of(x.evalf(6) if getattr(x, "is_Float", False) else x)


_JUDGE = Judge(_start, _read, _follows, _finished, _explain, _answer, _show,
               given_name="the data", expected=lambda c: None)

#: The judges of this module's tasks.
JUDGES = {"t_test": _JUDGE, "z_test": _JUDGE, "ci_mean": _JUDGE}

"""Judging multi-part inference answers: estimates, intervals, statistics, p-values, decisions.

A learner writes the parts they computed, labelled or not::

    t = 2.31, df = 14, p = 0.037, reject
    (4.21, 5.87)
    b0 = 0.5, b1 = 1.4

Each part goes through the text door and is compared with the exact result: decimals
to the places written (``0.037`` is right for 0.03694...), intervals endpoint by
endpoint. Wrong parts are matched against the usual slips of the task (the values a
known mistake produces), and a decision that contradicts the learner's own p-value is
named even when the decision happens to be right.

Examples
========
>>> from sympy import Float, Rational
>>> spec = (Part("statistic", ("t", "statistic")), Part("p_value", ("p", "p-value")),
...         Part("decision", ("decision",), kind="decision"))
>>> result = {"statistic": Rational(231, 100), "p_value": Float("0.0369", 30),
...           "decision": "reject"}
>>> v = judge(result, "t = 2.31, p = 0.037, reject", spec, alpha=Rational(1, 20))
>>> v.correct
True
>>> v = judge(result, "t = 2.31, p = 0.037, fail to reject", spec, alpha=Rational(1, 20))
>>> v.correct, "contradicts your own p-value" in v.feedback
(False, True)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from symbolic_mlmath.core.answers import compare_scalar, decimal_places
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.verdict import Verdict

__all__ = ["DECISION_WORDS", "Part", "judge", "judge_number", "read_decision", "split_top"]

#: How learners word the two decisions.
DECISION_WORDS = {
    "reject": {"reject", "reject h0", "reject the null", "reject the null hypothesis", "rejected",
               "significant", "yes", "h1", "accept h1", "reject null"},
    "fail_to_reject": {"fail to reject", "fail_to_reject", "do not reject", "don't reject",
                       "not reject", "fail to reject h0", "fail to reject the null",
                       "retain h0", "accept h0", "not significant", "no", "h0",
                       "do not reject h0", "failed to reject", "keep h0", "fail"},
}


@dataclass(frozen=True)
class Part:
    """One part of a multi-part answer: its result key, the labels learners use, its kind."""

    key: str
    labels: tuple[str, ...]
    kind: str = "number"  # number, interval, decision, vector
    description: str = ""
    bare: bool = True  # may an unlabelled piece answer this part?

    def title(self) -> str:
        """How feedback names the part."""
        return self.description or self.labels[0]


def split_top(text: str, seps: str = ",;\n") -> list[str]:
    """Split at separators outside brackets.

    Examples
    ========
    >>> split_top("t = 2, (1, 2); reject")
    ['t = 2', '(1, 2)', 'reject']
    """
    out, depth, cur = [], 0, []
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch in seps and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur).strip())
    return [p for p in out if p]


def _norm_label(s: str) -> str:
    return re.sub(r"[\s_\-]+", "", s.strip().lower()).replace("^", "")


def read_decision(text: str) -> str | None:
    """``reject`` / ``fail_to_reject`` from a learner's words, or None."""
    t = " ".join(text.strip().lower().replace("_", " ").replace("-", " ").split()).rstrip(".!")
    for name, words in DECISION_WORDS.items():
        if t in {" ".join(w.split()) for w in words}:
            return name
    return None


def _percent(text: str) -> tuple[str, bool]:
    t = text.strip()
    if t.endswith("%"):
        return t[:-1].strip(), True
    return t, False


def judge_number(expected: Any, text: str) -> tuple[bool | None, str]:
    """Judge one number typed as ``text``: exact, decimal to the places written, or
    scientific notation to the significant digits written. Returns (ok, note)."""
    from sympy import Abs, Float, Rational

    from symbolic_mlmath.text import parse_number

    if getattr(expected, "is_Float", False):
        expected = Float(expected, 15)  # the learner's decimals are far coarser; reads better
    body, pct = _percent(text)
    got = parse_number(body, name="answer")
    if pct:
        got = got / 100
    m = re.fullmatch(r"\s*[-+]?(\d+)(?:\.(\d*))?\s*[eE]\s*([-+]?\d+)\s*", body)
    if m and not pct:
        digits = len((m.group(1) + (m.group(2) or "")).lstrip("0")) or 1
        exp = int(m.group(3)) - len(m.group(2) or "")
        unit = Rational(10) ** exp
        err = Abs(expected - got).evalf(40)
        ok = bool(err <= unit / 2 or (err < unit and Abs(got) < Abs(expected.evalf(40))))
        return ok, f"{'agrees' if ok else 'does not agree'} with {expected.evalf(digits + 2)} " \
                   f"to the {digits} significant digits written"
    if pct:
        places = decimal_places(body)
        body_text = None if places is None else f"{float(got):.{places + 2}f}"
        ok, _, note = compare_scalar(expected, got, text=body_text)
        return ok, note
    ok, _, note = compare_scalar(expected, got, text=text)
    return ok, note


def _interval_texts(text: str) -> list[str] | None:
    t = text.strip()
    if len(t) >= 2 and t[0] in "([" and t[-1] in ")]":
        inner = split_top(t[1:-1], ",;")
        if len(inner) == 2:
            return inner
    return None


def _vector_texts(text: str) -> list[str]:
    t = text.strip()
    if len(t) >= 2 and t[0] in "([" and t[-1] in ")]":
        t = t[1:-1]
    return [s.strip(" []()") for s in split_top(t, ",;")]


def _judge_part(part: Part, expected: Any, text: str) -> tuple[bool | None, str]:
    if part.kind == "decision":
        got = read_decision(text)
        if got is None:
            return False, f"'{text}' is not a decision (reject / fail to reject)"
        ok = got == str(expected)
        return ok, "" if ok else f"the decision is {str(expected).replace('_', ' ')}"
    if part.kind == "interval":
        ends = _interval_texts(text)
        if ends is None:
            return False, "write the interval as (lower, upper)"
        lo, hi = expected
        oks = [judge_number(lo, ends[0])[0], judge_number(hi, ends[1])[0]]
        if all(ok is True for ok in oks):
            return True, ""
        if False not in oks:
            return None, "the endpoints could not be decided"
        bad = [f"the {w} end should be {e.evalf(6)}" for w, e, ok in
               (("lower", lo, oks[0]), ("upper", hi, oks[1])) if ok is False]
        return False, " and ".join(bad)
    if part.kind == "vector":
        items = _vector_texts(text)
        exp = list(expected)
        if len(items) != len(exp):
            return False, f"expected {len(exp)} values, got {len(items)}"
        bad = []
        for k, (e, t) in enumerate(zip(exp, items, strict=True)):
            ok, _ = judge_number(e, t)
            if not ok:
                bad.append(f"entry {k + 1} should be {e.evalf(8)}")
        return (not bad), "; ".join(bad)
    return judge_number(expected, text)


def _match_label(label: str, spec: Sequence[Part]) -> Part | None:
    key = _norm_label(label)
    for part in spec:
        if key in {_norm_label(x) for x in (part.key, *part.labels)}:
            return part
    return None


def _read(answer: Any, spec: Sequence[Part]) -> tuple[dict[str, str], list[str]]:
    """Learner text -> {part key: text}, and the unlabelled pieces in order."""
    text = answer if isinstance(answer, str) else str(answer)
    if len(text) > 4000:
        raise InputError("answer too long", name="answer")
    labelled: dict[str, str] = {}
    bare: list[str] = []
    for piece in split_top(text):
        m = re.match(r"^\s*([A-Za-z][\w\s\-\^\*\(\)']{0,30}?)\s*[=:]\s*(.+)$", piece)
        if m and _interval_texts(piece) is None:
            part = _match_label(m.group(1), spec)
            if part is None:
                raise InputError(f"unknown part '{m.group(1).strip()}'; label parts as "
                                 f"{', '.join(p.labels[0] for p in spec)}", name="answer")
            labelled[part.key] = m.group(2).strip()
        else:
            bare.append(piece)
    return labelled, bare


def _assign_bare(bare: list[str], labelled: dict[str, str], spec: Sequence[Part],
                 result: Mapping[str, Any]) -> list[str]:
    """Give unlabelled pieces a part: words are decisions, brackets intervals or vectors, and
    a number goes to the first free numeric part it matches (else the first free one)."""
    problems = []
    for piece in bare:
        if read_decision(piece) is not None:
            part = next((p for p in spec if p.kind == "decision"), None)
            if part is not None and part.key not in labelled:
                labelled[part.key] = piece
                continue
        shaped = piece.strip()[:1] in "([" and piece.strip()[-1:] in ")]"
        kinds = ("interval", "vector") if shaped else ("number",)
        free = [p for p in spec if p.kind in kinds and p.bare and p.key not in labelled
                and p.key in result]
        if not free:
            problems.append(f"could not tell which part '{piece}' answers; label it, e.g. "
                            f"'{spec[0].labels[0]} = {piece}'")
            continue
        chosen = free[0]
        if len(free) > 1:
            for p in free:
                try:
                    if _judge_part(p, result[p.key], piece)[0]:
                        chosen = p
                        break
                except InputError:
                    break
        labelled[chosen.key] = piece
    return problems


def judge(result: Mapping[str, Any], answer: Any, spec: Sequence[Part], *,
          alpha: Any = None, slips: Callable[[], Mapping[str, Mapping[str, Any]]] | None = None,
          ) -> Verdict:
    """Judge a multi-part answer against ``result`` (a task's result dict).

    ``slips`` returns ``{description: {part key: value}}``: the values the usual
    mistakes of the task produce; a wrong part equal to one of them is named.
    """
    labelled, bare = _read(answer, spec)
    problems = _assign_bare(bare, labelled, spec, result)
    if not labelled:
        return Verdict(False, "structural", "Not correct: no part of the answer could be read. "
                       + " ".join(problems), expected=result, got=answer)
    lines, wrong, undecided = [], [], False
    for part in spec:
        if part.key not in labelled:
            continue
        if part.key not in result:
            problems.append(f"{part.title()} is not part of this task's answer")
            continue
        ok, note = _judge_part(part, result[part.key], labelled[part.key])
        if ok is True:
            lines.append(f"{part.title()}: {labelled[part.key]} is right")
        elif ok is None:
            undecided = True
            lines.append(f"{part.title()}: could not decide ({note})")
        else:
            wrong.append(part)
            lines.append(f"{part.title()}: {labelled[part.key]} is not right"
                         + (f"; {note}" if note else ""))
    named = _name_slips(wrong, labelled, spec, slips)
    lines += named
    contradiction = _own_p_contradiction(labelled, alpha)
    if contradiction:
        lines.append(contradiction)
    lines += problems
    correct: bool | None = not wrong and not contradiction and not problems
    if correct and undecided:
        correct = None
    head = {True: "Correct", False: "Not correct", None: "Undecided"}[correct]
    fb = f"{head}: " + "; ".join(lines) + "."
    return Verdict(correct, "decimal" if correct is not None else "undecided", fb,
                   expected=dict(result), got=answer, details=tuple(lines))


def _own_p_contradiction(labelled: Mapping[str, str], alpha: Any) -> str:
    if alpha is None or "p_value" not in labelled or "decision" not in labelled:
        return ""
    from symbolic_mlmath.text import parse_number

    try:
        body, pct = _percent(labelled["p_value"])
        p = parse_number(body, name="answer")
        p = p / 100 if pct else p
    except InputError:
        return ""
    said = read_decision(labelled["decision"])
    if said is None or not p.is_number:
        return ""
    follows = "reject" if p <= alpha else "fail_to_reject"
    if said != follows:
        rel = "≤" if follows == "reject" else ">"
        return (f"your decision contradicts your own p-value: p = {labelled['p_value']} {rel} "
                f"alpha = {alpha} means {follows.replace('_', ' ')}")
    return ""


def _name_slips(wrong: list[Part], labelled: Mapping[str, str], spec: Sequence[Part],
                slips: Callable[[], Mapping[str, Mapping[str, Any]]] | None) -> list[str]:
    if not wrong or slips is None:
        return []
    out = []
    table = slips()
    for part in wrong:
        for description, values in table.items():
            if part.key in values and values[part.key] is not None:
                try:
                    ok, _ = _judge_part(part, values[part.key], labelled[part.key])
                except (InputError, TypeError, ValueError):
                    ok = False
                if ok:
                    out.append(f"{part.title()} looks like {description}")
                    break
    return out

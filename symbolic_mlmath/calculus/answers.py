"""Checking calculus answers: any equivalent form is right; wrong ones get their slip named.

:func:`check_expression` judges one expression: values at seeded points first (30 digits,
skipping points outside either side's real domain), then a cheap exact confirmation;
undecided rather than a guess. A wrong derivative is matched against the usual slips
(:mod:`.mistakes`). :func:`check_vector` and :func:`check_matrix` judge gradients and
Hessians entry by entry.

Examples
========
>>> from sympy import Symbol, exp, cosh
>>> from symbolic_mlmath.calculus.functions import sigmoid
>>> x = Symbol("x")
>>> check_expression(sigmoid(x) * (1 - sigmoid(x)), 1 / (4 * cosh(x / 2) ** 2)).correct
True
>>> v = check_expression(2 * x, x**2)
>>> v.correct, v.method
(False, 'numeric')
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.verdict import Verdict

__all__ = ["check_derivative_answer", "check_expression", "check_matrix", "check_vector",
           "read_expression", "unknown_names"]


def _text(e: Any) -> str:
    from symbolic_mlmath.render.formats import text_of

    from .functions import recognize

    return text_of(recognize(e))


def read_expression(answer: Any, name: str = "answer") -> Any:
    """A learner's answer as one expression (through the text door)."""
    from symbolic_mlmath.text import parse_answer

    return parse_answer(answer, name=name)


def unknown_names(got: Any, allowed: Any) -> Verdict | None:
    """A not-correct verdict when ``got`` uses names the problem does not have (``xy``)."""
    from sympy import MatrixBase

    items = list(got) if isinstance(got, MatrixBase | list | tuple) else [got]
    extra: set = set()
    for g in items:
        extra |= set(getattr(g, "free_symbols", set())) - set(allowed)
    if not extra:
        return None
    names = ", ".join(sorted(str(s) for s in extra))
    hint = ""
    if any(len(str(s)) > 1 and str(s).isalpha() for s in extra):
        hint = " (a name of several letters is one symbol: write x*y or x y for a product)"
    return Verdict(False, "structural", f"Not correct: the answer uses {names}, which the problem "
                   f"does not have{hint}.", got=got)


def _judge(expected: Any, got: Any) -> tuple[bool | None, str, Any]:
    """(correct, method, point where they differ)."""
    from .equality import exact_equal, numeric_equal

    if expected == got:
        return True, "structural", None
    if not hasattr(got, "free_symbols"):
        return False, "structural", None
    ok, point = numeric_equal(expected, got)
    if ok is False:
        return False, "numeric", point
    exact = exact_equal(expected, got, max_ops=120)
    if exact is True:
        return True, "exact", None
    if ok is True:
        return True, "numeric", None
    return None, "undecided", None


def check_expression(expected: Any, got: Any, *, what: str = "the answer") -> Verdict:
    """Judge ``got`` against ``expected`` as functions: True, False, or None (undecided)."""
    ok, method, point = _judge(expected, got)
    if ok is True:
        note = " (equal at seeded points to 30 digits)" if method == "numeric" else ""
        return Verdict(True, method, f"Correct: {_text(got)}{note}.", expected=expected, got=got)
    if ok is False:
        where = ""
        if point:
            where = " (they differ at " + ", ".join(f"{k} = {v}" for k, v in point.items()) + ")"
        return Verdict(False, method, f"Not correct: {what} is {_text(expected)}, not "
                       f"{_text(got)}{where}.", expected=expected, got=got)
    return Verdict(None, "undecided", f"Undecided: could not tell whether {_text(got)} equals "
                   f"{_text(expected)}.", expected=expected, got=got)


def check_derivative_answer(derivation: Any, answer: Any, tree: Any = None) -> Verdict:
    """Judge a derivative answer; a wrong one is matched against the usual slips."""
    from dataclasses import replace

    from .mistakes import name_slip

    got = read_expression(answer)
    expected = derivation.result
    allowed = set(getattr(derivation.inputs.get("expr"), "free_symbols", set()))
    allowed |= set(getattr(expected, "free_symbols", set())) | set(derivation.variables)
    where = derivation.inputs.get("where") or {}
    from sympy import Symbol

    for k, v in where.items():
        allowed |= set(getattr(v, "free_symbols", set())) | {Symbol(str(k))}
    bad = unknown_names(got, allowed)
    if bad is not None:
        return bad
    if where:
        from .multivariable import expand_names

        got = expand_names(got, where)
    if hasattr(expected, "free_symbols") and not expected.free_symbols:
        from symbolic_mlmath.core.answers import compare

        from .functions import to_elementary

        return compare(to_elementary(expected), got, text=answer)
    v = check_expression(expected, got, what="the derivative")
    if v.correct is False and tree is not None and got.free_symbols:
        slip = name_slip(tree, got)
        if slip is not None:
            return replace(v, feedback=f"Not correct ({slip.name}): {slip.detail}. The derivative "
                           f"is {_text(derivation.result)}.", details=(slip.name,))
    return v


def check_vector(expected: Any, got: Any, names: tuple = ()) -> Verdict:
    """Judge a gradient (a column) entry by entry; the wrong entries are named."""
    from sympy import MatrixBase

    exp_list = list(expected)
    if isinstance(got, MatrixBase | list | tuple):
        got_list = list(got)
    else:
        return Verdict(False, "structural", f"Not correct: expected a vector of {len(exp_list)} "
                       "entries.", expected=expected, got=got)
    if len(got_list) != len(exp_list):
        return Verdict(False, "structural", f"Not correct: expected {len(exp_list)} entries, got "
                       f"{len(got_list)}.", expected=expected, got=got)
    wrong, undecided, methods = [], False, set()
    for k, (e, g) in enumerate(zip(exp_list, got_list, strict=True)):
        ok, method, _ = _judge(e, g)
        methods.add(method)
        label = f"∂f/∂{names[k]}" if k < len(names) else f"entry {k + 1}"
        if ok is False:
            wrong.append(f"{label}: expected {_text(e)}, got {_text(g)}")
        elif ok is None:
            undecided = True
    method = "exact" if methods <= {"structural", "exact"} else "numeric"
    if wrong:
        return Verdict(False, method, f"Not correct: {len(wrong)} of {len(exp_list)} entries "
                       "are wrong: " + "; ".join(wrong) + ".", expected=expected, got=got,
                       details=tuple(wrong))
    if undecided:
        return Verdict(None, "undecided", "Undecided: some entries could not be decided.",
                       expected=expected, got=got)
    return Verdict(True, method, "Correct: every entry is right.", expected=expected, got=got)


def check_matrix(expected: Any, got: Any) -> Verdict:
    """Judge a Hessian entry by entry; the wrong entries are named by position."""
    from sympy import MatrixBase

    if not isinstance(got, MatrixBase) or got.shape != expected.shape:
        shape = "x".join(map(str, expected.shape))
        return Verdict(False, "structural", f"Not correct: expected a {shape} matrix.",
                       expected=expected, got=got)
    wrong, undecided, methods = [], False, set()
    for i in range(expected.rows):
        for j in range(expected.cols):
            ok, method, _ = _judge(expected[i, j], got[i, j])
            methods.add(method)
            if ok is False:
                wrong.append(f"entry ({i + 1}, {j + 1}): expected {_text(expected[i, j])}, got "
                             f"{_text(got[i, j])}")
            elif ok is None:
                undecided = True
    method = "exact" if methods <= {"structural", "exact"} else "numeric"
    if wrong:
        return Verdict(False, method, f"Not correct: {len(wrong)} entr"
                       f"{'y is' if len(wrong) == 1 else 'ies are'} wrong: " + "; ".join(wrong)
                       + ".", expected=expected, got=got, details=tuple(wrong))
    if undecided:
        return Verdict(None, "undecided", "Undecided: some entries could not be decided.",
                       expected=expected, got=got)
    return Verdict(True, method, "Correct: every entry is right.", expected=expected, got=got)

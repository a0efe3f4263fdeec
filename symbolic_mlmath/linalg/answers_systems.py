"""Answer checks for linear systems: a solution (unique or a parametrised family), a kind.

Examples
========
>>> from symbolic_mlmath.api import check
>>> check("solve_system", answer="x = t, y = 2 - t", equations=["x + y = 2", "2x + 2y = 4"]).correct
True
"""

from __future__ import annotations

import re
from typing import Any

from symbolic_mlmath.core.answers import compare, compare_scalar, normalize_choice
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.verdict import Verdict
from symbolic_mlmath.linalg.answers import answer_value, places_of, txt

__all__ = ["check_classify", "check_solve"]

_NONE_WORDS = {"none", "no solution", "no solutions", "{}", "∅", "empty", "inconsistent",
               "emptyset", "[]", "()"}


def _assignments(got: Any, xs: tuple) -> dict | None:
    """A learner's solution as {variable: value}, from a dict or an ordered list."""
    from sympy import FiniteSet, MatrixBase, Tuple

    if isinstance(got, dict):
        return {str(k): v for k, v in got.items()}
    if isinstance(got, FiniteSet) and len(got) == 1:
        got = next(iter(got))
    if isinstance(got, MatrixBase):
        got = list(got)
    if isinstance(got, list | tuple | Tuple) and len(got) == len(xs):
        return {str(x): v for x, v in zip(xs, got, strict=True)}
    if len(xs) == 1 and hasattr(got, "free_symbols"):
        return {str(xs[0]): got}
    return None


_USUAL = ("x", "y", "z", "w")


def _canonical(name: str) -> str:
    return name.replace("_", "").replace("{", "").replace("}", "")


def _names_as_unknowns(got: dict, xs: tuple) -> tuple[dict, str]:
    """The learner's names read as the unknowns: ``x_1`` is ``x1``; and when the unknowns are
    the columns' ``x1 ... xn`` (n <= 4), the usual ``x, y, z, w`` in that order.

    Returns the renamed assignments and a note saying how names were read ("" when as written).
    """
    from sympy import Symbol

    names = [str(x) for x in xs]
    by_canon = {_canonical(n): n for n in names}
    rename = {k: by_canon[_canonical(k)] for k in got
              if k not in names and _canonical(k) in by_canon}
    note = ""
    rest = [k for k in got if k not in names and k not in rename]
    if rest and names == [f"x{k + 1}" for k in range(len(names))] and len(names) <= len(_USUAL) \
            and not any(k in names or k in rename for k in got) \
            and set(got) <= set(_USUAL[:len(names)]):
        rename = {k: names[_USUAL.index(k)] for k in got}
        mine = sorted(got, key=_USUAL.index)
        note = (f" (read {', '.join(mine)} as {', '.join(rename[k] for k in mine)}, the "
                "unknowns in column order)")
    if not rename:
        return got, note
    subs = {Symbol(old): Symbol(new) for old, new in rename.items()}
    return {rename.get(k, k): (v.xreplace(subs) if hasattr(v, "xreplace") else v)
            for k, v in got.items()}, note


def check_solve(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check a solution: unique values, a parametrised family, or none."""
    notes: list[str] = []
    verdict = _check_solve(d, answer, notes, **tol)
    if any(notes):
        from dataclasses import replace

        verdict = replace(verdict, feedback=verdict.feedback.rstrip(".") + "".join(notes) + ".")
    return verdict


def _check_solve(d: Any, answer: Any, notes: list[str], **tol: Any) -> Verdict:
    """Check a solution: unique values, a parametrised family, or none."""
    from sympy import Matrix, MatrixBase

    if isinstance(d.result, MatrixBase):  # several right-hand sides: X with A X = B
        from symbolic_mlmath.linalg.answers import matrix_verdict

        if isinstance(answer, str) and (answer.strip().lower().rstrip(".") in _NONE_WORDS
                                        or normalize_choice(answer) == "none"):
            return Verdict(False, "structural", "Not correct: A X = B has solutions (every "
                           "right-hand side is consistent).", expected=d.result, got={})
        if _family_of_X(d):
            return _check_family_X(d, answer_value(answer))
        return matrix_verdict(d.result, answer_value(answer), answer, **tol)
    xs = d.variables
    expected = d.result
    if expected == {} and not xs and not (isinstance(answer, str) and (
            answer.strip().lower().rstrip(".") in _NONE_WORDS
            or normalize_choice(answer) == "none")):  # A X = B with no X
        return Verdict(False, "structural", "Not correct: some right-hand side has no "
                       "solution, so A X = B has none.", expected={}, got=answer)
    if isinstance(answer, str) and (answer.strip().lower().rstrip(".") in _NONE_WORDS
                                    or normalize_choice(answer) == "none"):
        ok = expected == {}
        fb = ("Correct: the system is inconsistent." if ok
              else "Not correct: the system has solutions.")
        return Verdict(ok, "structural", fb, expected=expected, got={})
    if isinstance(answer, str):
        from symbolic_mlmath.text.notation import and_to_commas

        # "x=2 y=1": assignments separated by spaces only
        answer = and_to_commas(answer)
        answer = re.sub(r"(?<=[\w)])\s+(?=[A-Za-z_][\w]*\s*=)", ", ", answer.strip())
        if normalize_choice(answer) in ("infinite", "unique"):
            kind = "infinite" if any(expected.get(x) == x for x in xs) else (
                "none" if not expected else "unique")
            return Verdict(False, "structural", f"Not complete: the system has "
                           f"{'infinitely many solutions' if kind == 'infinite' else kind + ' solution'}"
                           f"; give the value of each unknown "
                           f"({', '.join(map(str, xs))}), using free variables where needed.",
                           expected=expected, got=answer)
    got = _assignments(answer_value(answer), xs)
    if got is not None:
        got, note = _names_as_unknowns(got, xs)
        notes.append(note)
    places = places_of(answer)
    if got is not None and (places is None or len(places) != len(got)):
        places = None
    written = dict(zip(got, places, strict=True)) if got is not None and places else {}
    if got is None:
        return Verdict(False, "structural", "Not correct: give a value for each of "
                       f"{', '.join(map(str, xs))} (e.g. x = 1, y = 2).", expected=expected,
                       got=answer)
    if expected == {}:
        return Verdict(False, "structural", "Not correct: the system has no solution "
                       "(elimination gives a row 0 = c with c non-zero).", expected={}, got=got)
    names = {str(x) for x in xs}
    used = {str(sym) for v in got.values() if hasattr(v, "free_symbols") for sym in v.free_symbols}
    for n in names - got.keys():
        if n in used:  # "x = (5 - 2y)/3": y is left free
            got[n] = next(x for x in xs if str(x) == n)
    missing = [n for n in names if n not in got]
    if missing:
        strange = sorted(k for k in got if k not in names)
        hint = (f" (the unknowns are {', '.join(map(str, xs))}; {', '.join(strange)} "
                f"{'is' if len(strange) == 1 else 'are'} not among them)" if strange else "")
        return Verdict(False, "structural", f"Not correct: no value for "
                       f"{', '.join(sorted(missing))}{hint}.", expected=expected, got=got)
    free = [x for x in xs if expected[x] == x]
    if not free:
        return compare({str(k): v for k, v in expected.items()}, got,
                       places=[written.get(k) for k in got], **tol)
    # infinitely many: the learner's family must be affine in its parameters, satisfy every
    # equation identically and have as many free parameters as ours (then it is the whole set)
    own = set().union(*(eq.free_symbols for eq in d.inputs["equations"])) - set(xs)
    params = sorted(set().union(*(v.free_symbols for v in got.values()
                                  if hasattr(v, "free_symbols"))) - own, key=str)
    for x in xs:
        value = got[str(x)]
        if not _affine(value, params):
            names = ", ".join(map(str, params)) or "its parameters"
            return Verdict(False, "property", f"Not correct: {x} = {txt(value)} is not of the "
                           f"form a + b·{names} (affine in the parameters), so the family does "
                           "not describe the whole solution set (e.g. x = 1 - t, y = t).",
                           expected=expected, got=got)
    subs = {x: got[str(x)] for x in xs}
    for eq in d.inputs["equations"]:
        ok, _, _ = compare_scalar((eq.lhs - eq.rhs).xreplace(subs), 0 * eq.lhs)
        if ok is not True:
            return Verdict(False, "property", f"Not correct: your values do not satisfy {eq}.",
                           expected=expected, got=got)
    vals = Matrix([got[str(x)] for x in xs])
    dim = vals.jacobian(params).rank() if params else 0
    if dim != len(free):
        return Verdict(False, "property", f"Not correct: your solutions satisfy the equations, "
                       f"but the solution set has {len(free)} free parameter(s), yours {dim}.",
                       expected=expected, got=got)
    return Verdict(True, "property", "Correct: your parametrisation describes the whole "
                   "solution set.", expected=expected, got=got)


def _family_of_X(d: Any) -> bool:
    return any(s.rule.value == "read_block_family" for s in d.steps)


def _check_family_X(d: Any, got: Any) -> Verdict:
    """A learner's family of X for A X = B: right shape, solves A X = B identically, affine in
    its parameters, with as many independent parameters as ours (then it is every X)."""
    from sympy import Matrix, MatrixBase, expand

    expected = d.result
    A, B = d.inputs["A"], d.inputs["b"]
    if not isinstance(got, MatrixBase) or got.shape != expected.shape:
        return Verdict(False, "structural", f"Not correct: give X as a {expected.rows}x"
                       f"{expected.cols} matrix, with parameters for the free entries.",
                       expected=expected, got=got)
    own = A.free_symbols | B.free_symbols
    params = sorted(got.free_symbols - own, key=str)
    if any(expand(x) != 0 for x in Matrix(A) * Matrix(got) - Matrix(B)):
        return Verdict(False, "property", "Not correct: A X is not B for your X.",
                       expected=expected, got=got)
    want = len(expected.free_symbols - own)
    if not all(_affine(x, params) for x in got):
        return Verdict(False, "property", "Not correct: X is not affine in its parameters, so "
                       "it does not describe every solution.", expected=expected, got=got)
    dim = Matrix(list(got)).jacobian(params).rank() if params else 0
    if dim != want:
        return Verdict(False, "property", f"Not correct: every X has {want} free "
                       f"parameter(s), yours {dim}.", expected=expected, got=got)
    return Verdict(True, "property", "Correct: your X solves A X = B and describes every "
                   "solution.", expected=expected, got=got)


def _affine(value: Any, params: list) -> bool:
    """Whether ``value`` is c0 + c1 p1 + ... with constants c (no products of parameters)."""
    from sympy import Poly, PolynomialError

    if not params or not hasattr(value, "free_symbols") or not value.free_symbols & set(params):
        return True
    try:
        poly = Poly(value, *params)
    except PolynomialError:
        return False
    return poly.total_degree() <= 1 and not any(c.free_symbols & set(params)
                                                for c in poly.coeffs())


def _check_classify_cases(d: Any, answer: Any) -> Verdict:
    """A system with a parameter: the generic kind and every value where the kind changes."""
    from symbolic_mlmath.linalg.cases import read_case_kinds
    from symbolic_mlmath.linalg.systems import derive_classify_system

    res = d.result
    eqs = d.inputs["equations"]
    params = sorted(set().union(*(e.free_symbols for e in eqs)) - set(d.variables), key=str)
    special = {k: v for k, v in res.items() if k != "generic" and v != res["generic"]}
    why = f"{res['generic']} in general" + "".join(f"; {v} for {k}" for k, v in special.items())
    if len(params) > 1:
        return Verdict(None, "undecided", f"It depends on the parameters: {why}. Answers "
                       "with cases in several parameters are not checked yet.", expected=res,
                       got=answer)
    got = read_case_kinds(str(answer), params[0])
    if got is None or "generic" not in got:
        return Verdict(False, "property", f"Not correct: it depends on the parameter: {why}.",
                       expected=res, got=answer)
    problems = []
    if got["generic"] != res["generic"]:
        problems.append(f"in general the system has {res['generic']}, not {got['generic']}")
    for key, kind in special.items():
        value = next(v for k, v in _values(key, params[0]))
        if value not in got:
            problems.append(f"{key} is a special case ({kind})")
    for value, kind in got.items():
        if value == "generic":
            continue
        A, b = (m.xreplace({params[0]: value}) for m in _system(d))
        want = derive_classify_system(A=A, b=b, variables=d.variables).result
        want = want["generic"] if isinstance(want, dict) else want
        if kind != want:
            problems.append(f"for {params[0]} = {txt(value)} it is {want}, not {kind}")
    ok = not problems
    return Verdict(ok, "property", ("Correct: " + why if ok else "Not correct: "
                                    + "; ".join(problems)) + ".", expected=res, got=got)


def _values(key: str, param: Any) -> Any:
    from symbolic_mlmath.text.parse import parse_number

    yield param, parse_number(key.split("=", 1)[1], name="case")


def _system(d: Any) -> tuple:
    from symbolic_mlmath.linalg.systems import system_matrices

    A, b, _, _ = system_matrices(d.inputs["equations"], d.variables)
    return A, b


def check_classify(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    """Check unique / infinite / none against the ranks (with a parameter: against the
    generic kind and each special value, e.g. ``unique if a ≠ ±1; none if a = -1``)."""
    if isinstance(d.result, dict):
        return _check_classify_cases(d, answer)

    word = normalize_choice(str(answer))
    if word is None:
        raise InputError(f"expected unique, infinite or none, got {str(answer)[:40]!r}",
                         name="answer")
    ok = word == d.result
    ranks = next(s.given for s in d.steps if s.rule.value == "classify_system")
    why = (f"rank A = {ranks['rank_A']}, rank [A|b] = {ranks['rank_Ab']}, "
           f"{ranks['unknowns']} unknowns: {d.result}")
    return Verdict(ok, "structural", ("Correct: " if ok else "Not correct: ") + why + ".",
                   expected=d.result, got=word)

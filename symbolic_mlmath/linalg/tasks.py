"""Course 1, weeks 1-2 tasks: systems, determinants, singularity, echelon forms, rank.

Examples
========
>>> from symbolic_mlmath.core.tasks import get_task
>>> get_task("row_reduce").name
'rref'
"""

from __future__ import annotations

import re
from typing import Any

from symbolic_mlmath.core.answers import compare, compare_scalar, normalize_choice
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.core.tasks import Input, Task, TaskList
from symbolic_mlmath.core.verdict import Verdict

__all__ = ["TASKS"]

#: The tasks declared here, in listing order.
TASKS = TaskList()
register = TASKS.register

_MATRIX = Input("matrix", "matrix", "the matrix")
_SYSTEM_INPUTS = (
    Input("equations", "equations", "the equations", required=False),
    Input("variables", "symbols", "the unknowns, in order", required=False),
    Input("A", "matrix", "coefficient matrix", required=False),
    Input("b", "vector", "right-hand side", required=False),
)
_SYSTEM_GROUPS = (("equations",), ("A", "b"))


def _answer(answer: Any) -> Any:
    from symbolic_mlmath.text.parse import parse_answer

    return parse_answer(answer, name="answer")


# ------------------------------------------------------------------ determinants
def _derive_det(matrix: Any, method: str | None = None) -> Any:
    from symbolic_mlmath.linalg.determinants import derive_det

    return derive_det(matrix, method=method)


def _check_scalar(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    return compare(d.result, _answer(answer), text=answer, **tol)


def _derive_singular(matrix: Any) -> Any:
    from symbolic_mlmath.linalg.determinants import derive_singular

    return derive_singular(matrix)


_SINGULAR_WORDS = {
    "true": {"true", "yes", "singular", "it is singular", "y", "1", "degenerate",
             "not invertible", "non-invertible", "noninvertible", "dependent"},
    "false": {"false", "no", "non-singular", "nonsingular", "not singular", "n", "0",
              "invertible", "regular", "independent"},
}


def _check_singular(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    if isinstance(answer, bool):
        got = answer
    else:
        word = normalize_choice(str(answer), _SINGULAR_WORDS)
        if word is None:
            raise InputError(f"expected yes/no (singular or non-singular), got {str(answer)[:40]!r}",
                             name="answer")
        got = word == "true"
    det = d.steps[-1].given["det"]
    ok = got == d.result
    why = f"det = {det}, so the matrix is {'singular' if d.result else 'non-singular'}"
    fb = f"Correct: {why}." if ok else f"Not correct: {why}."
    return Verdict(ok, "structural", fb, expected=d.result, got=got)


# ------------------------------------------------------------------ echelon forms
def _derive_rref(matrix: Any, augmented: bool = False) -> Any:
    from symbolic_mlmath.linalg.elimination import derive_rref

    return derive_rref(matrix, augmented=augmented)


def _derive_ref(matrix: Any, augmented: bool = False) -> Any:
    from symbolic_mlmath.linalg.elimination import derive_ref

    return derive_ref(matrix, augmented=augmented)


def is_echelon(M: Any, reduced: bool = False) -> tuple[bool, str]:
    """Whether ``M`` is in (reduced) row echelon form, and if not, why (one phrase).

    Examples
    ========
    >>> from sympy import Matrix
    >>> is_echelon(Matrix([[1, 2], [0, 3]]))
    (True, '')
    >>> is_echelon(Matrix([[0, 1], [1, 0]]))[1]
    'the leading entry of row 2 is not to the right of the one in row 1'
    """
    last = -1
    seen_zero = False
    for i in range(M.rows):
        row = list(M.row(i))
        lead = next((k for k, x in enumerate(row) if x != 0), None)
        if lead is None:
            seen_zero = True
            continue
        if seen_zero:
            return False, f"row {i + 1} is non-zero but comes after a zero row"
        if lead <= last:
            return False, f"the leading entry of row {i + 1} is not to the right of the one in row {i}"
        if reduced:
            if row[lead] != 1:
                return False, f"the pivot of row {i + 1} is {row[lead]}, not 1"
            others = [r + 1 for r in range(M.rows) if r != i and M[r, lead] != 0]
            if others:
                return False, (f"column {lead + 1} has non-zero entries above or below the pivot "
                               f"of row {i + 1}")
        last = lead
    return True, ""


def _check_echelon(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from symbolic_mlmath.linalg.elimination import to_dm
    from symbolic_mlmath.text.parse import parse_matrix

    A = parsed["matrix"]
    got = parse_matrix(answer, name="answer")
    if got.shape != A.shape:
        return Verdict(False, "structural", f"Not correct: the answer is {got.rows}x{got.cols}, "
                       f"but the matrix is {A.rows}x{A.cols}.", expected=d.result, got=got)
    reduced = d.task == "rref"
    ok, why = is_echelon(got, reduced=reduced)
    if reduced:
        v = compare(d.result, got)
        if v.correct is True:
            return v
        tail = "" if ok else f" It is not in reduced row echelon form: {why}."
        return Verdict(False, v.method, v.feedback + tail, expected=d.result, got=got,
                       details=v.details)
    if not ok:
        return Verdict(False, "property", f"Not correct: not in row echelon form: {why}.",
                       expected=d.result, got=got)
    same = (to_dm(got).to_field().rref()[0].to_Matrix()
            == to_dm(A).to_field().rref()[0].to_Matrix())
    if not same:
        return Verdict(False, "property", "Not correct: it is an echelon form, but not of this "
                       "matrix (its rows do not span the same space).", expected=d.result, got=got)
    return Verdict(True, "property", "Correct: an echelon form row-equivalent to the matrix "
                   "(echelon forms are not unique).", expected=d.result, got=got)


def _derive_rank(matrix: Any) -> Any:
    from symbolic_mlmath.linalg.elimination import derive_rank

    return derive_rank(matrix)


# ------------------------------------------------------------------ systems
def _derive_solve(equations: Any = None, variables: Any = None, A: Any = None, b: Any = None) -> Any:
    from symbolic_mlmath.linalg.systems import derive_solve_system

    return derive_solve_system(equations, variables, A=A, b=b)


def _derive_classify(equations: Any = None, variables: Any = None, A: Any = None,
                     b: Any = None) -> Any:
    from symbolic_mlmath.linalg.systems import derive_classify_system

    return derive_classify_system(equations, variables, A=A, b=b)


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


def _check_solve(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
    from sympy import Matrix

    xs = d.variables
    expected = d.result
    if isinstance(answer, str) and answer.strip().lower().rstrip(".") in _NONE_WORDS:
        ok = expected == {}
        fb = ("Correct: the system is inconsistent." if ok
              else "Not correct: the system has solutions.")
        return Verdict(ok, "structural", fb, expected=expected, got={})
    if isinstance(answer, str):
        # "x=2 y=1": assignments separated by spaces only
        answer = re.sub(r"(?<=[\w)])\s+(?=[A-Za-z_][\w]*\s*=)", ", ", answer.strip())
        if normalize_choice(answer) in ("infinite", "unique"):
            kind = "infinite" if any(expected.get(x) == x for x in xs) else (
                "none" if not expected else "unique")
            return Verdict(False, "structural", f"Not complete: the system has "
                           f"{'infinitely many solutions' if kind == 'infinite' else kind + ' solution'}"
                           f"; give the value of each unknown "
                           f"({', '.join(map(str, xs))}), using free variables where needed.",
                           expected=expected, got=answer)
    got = _assignments(_answer(answer), xs)
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
        return Verdict(False, "structural", f"Not correct: no value for {', '.join(sorted(missing))}.",
                       expected=expected, got=got)
    free = [x for x in xs if expected[x] == x]
    if not free:
        return compare({str(k): v for k, v in expected.items()}, got)
    # infinitely many: the learner's family must satisfy every equation identically
    # and have as many free parameters as ours
    subs = {x: got[str(x)] for x in xs}
    for eq in d.inputs["equations"]:
        ok, _, _ = compare_scalar((eq.lhs - eq.rhs).xreplace(subs), 0 * eq.lhs)
        if ok is not True:
            return Verdict(False, "property", f"Not correct: your values do not satisfy {eq}.",
                           expected=expected, got=got)
    params = sorted(set().union(*(v.free_symbols for v in got.values() if hasattr(v, "free_symbols"))),
                    key=str)
    vals = Matrix([got[str(x)] for x in xs])
    dim = vals.jacobian(params).rank() if params else 0
    if dim != len(free):
        return Verdict(False, "property", f"Not correct: your solutions satisfy the equations, "
                       f"but the solution set has {len(free)} free parameter(s), yours {dim}.",
                       expected=expected, got=got)
    return Verdict(True, "property", "Correct: your parametrisation describes the whole "
                   "solution set.", expected=expected, got=got)


def _check_classify(d: Any, answer: Any, parsed: dict, **tol: Any) -> Verdict:
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


def _working(name: str) -> Any:
    def run(parsed: dict, lines: list, answer: Any) -> Verdict:
        try:
            from symbolic_mlmath.core.working import check_working
        except ImportError:
            return Verdict(None, "undecided", f"Checking working is not available for {name} yet.")
        return check_working(name, parsed, lines, answer)

    return run

register(Task("solve_system", "Solve a linear system by elimination on the augmented matrix",
              _SYSTEM_INPUTS, _derive_solve, _check_solve, _working("solve_system"),
              topic="c1w1-systems", one_of=_SYSTEM_GROUPS))
register(Task("classify_system", "Unique solution, infinitely many, or none (by ranks)",
              _SYSTEM_INPUTS, _derive_classify, _check_classify, topic="c1w1-systems",
              one_of=_SYSTEM_GROUPS))
register(Task("det", "Determinant by cofactors, Sarrus or elimination, step by step",
              (_MATRIX, Input("method", "choice", "how to compute it", required=False,
                              choices=("cofactor", "sarrus", "elimination"))),
              _derive_det, _check_scalar, _working("det"),
              topic="c1w1-singularity"))
register(Task("singular", "Whether a square matrix is singular (det = 0)", (_MATRIX,),
              _derive_singular, _check_singular, topic="c1w1-singularity"))
register(Task("rank", "Rank: row reduce and count the pivots", (_MATRIX,), _derive_rank,
              _check_scalar, topic="c1w2-echelon-rank"))
_AUG = Input("augmented", "bool", "the last column is a right-hand side", required=False,
             default=False)
register(Task("ref", "A row echelon form, one row operation per step", (_MATRIX, _AUG),
              _derive_ref, _check_echelon, _working("ref"),
              topic="c1w2-echelon-rank"))
register(Task("rref", "The reduced row echelon form, one row operation per step", (_MATRIX, _AUG),
              _derive_rref, _check_echelon, _working("rref"),
              topic="c1w2-echelon-rank", aliases=("row_reduce",)))

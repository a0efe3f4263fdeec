"""Systems of linear equations: the augmented matrix, elimination, and the answer read off.

Examples
========
>>> from sympy import Eq, symbols
>>> x, y = symbols("x y")
>>> d = derive_solve_system([Eq(x + y, 4), Eq(2*x - y, 1)])
>>> d.result
{x: 5/3, y: 7/3}
>>> derive_classify_system([Eq(x + y, 1), Eq(2*x + 2*y, 3)]).result
'none'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from symbolic_mlmath.core.errors import ParseError, TaskError
from symbolic_mlmath.core.steps import Derivation, Step
from symbolic_mlmath.linalg.elimination import as_immutable, eliminate
from symbolic_mlmath.linalg.rules import LinalgRule

__all__ = [
    "augmented",
    "consistent",
    "derive_classify_system",
    "derive_solve_many",
    "derive_solve_system",
    "implied",
    "pinned",
    "rank_of",
    "system_matrices",
]


#: Names read as unknowns when the equations are not linear in all their symbols (the
#: others are then parameters): a x + y = 1 has unknowns x, y and the parameter a.
_UNKNOWN_NAME = re.compile(r"^(?:[xyzwuv]|[xyz]_?\d+)$")


def _natural_key(sym: Any) -> tuple:
    name = str(sym)
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name))


def system_matrices(
    equations: Sequence[Any] | None = None,
    variables: Sequence[Any] | None = None,
    A: Any = None,
    b: Any = None,
) -> tuple[Any, Any, tuple, tuple]:
    """``(A, b, variables, equations)`` of a linear system given either way.

    Variables default to the free symbols of the equations in natural order
    (``x1, x2, ..., x10``), but when some are named like unknowns (x, y, z, w, u, v, x1, x_1)
    and others are not, only those are unknowns and the rest are parameters
    (``a x + y = 1``: unknowns x, y; parameter a). From ``A`` and ``b`` they are ``x1 ... xn``.
    """
    from sympy import Eq, ImmutableMatrix, Symbol, linear_eq_to_matrix
    from sympy.solvers.solveset import NonlinearError

    if equations is not None and (A is not None or b is not None):
        raise TaskError("give either equations, or A and b, not both", name="equations")
    if equations is not None:
        eqs = tuple(e if isinstance(e, Eq) else Eq(e, 0) for e in equations)
        if not eqs:
            raise TaskError("no equations given", name="equations")
        if variables is None:
            syms: set = set()
            for e in eqs:
                syms |= e.free_symbols
            variables = sorted(syms, key=_natural_key)
            usual = [x for x in variables if _UNKNOWN_NAME.match(str(x))]
            if usual and len(usual) < len(variables):  # x + y = k: k is a parameter
                variables = usual
        variables = tuple(variables)
        if not variables:
            raise TaskError("the equations have no unknowns", name="equations")
        try:
            A_, b_ = linear_eq_to_matrix([e.lhs - e.rhs for e in eqs], list(variables))
        except NonlinearError as exc:
            raise TaskError(f"not a linear system in {', '.join(map(str, variables))}: {exc}",
                            name="equations") from None
        return A_.as_immutable(), b_.as_immutable(), variables, eqs
    if A is None or b is None:
        raise TaskError("give either equations, or A and b", name="equations")
    A_ = as_immutable(A)
    b_ = as_immutable(b)
    if b_.cols != 1 and b_.rows == 1:
        b_ = b_.T
    if b_.shape != (A_.rows, 1):
        raise TaskError(f"A is {A_.rows}x{A_.cols} but b has {b_.rows * b_.cols} entries", name="b")
    if variables is None:
        variables = tuple(Symbol(f"x{k + 1}") for k in range(A_.cols))
    variables = tuple(variables)
    if len(variables) != A_.cols:
        raise TaskError(f"{len(variables)} variables for {A_.cols} columns", name="variables")
    X = ImmutableMatrix(variables)
    eqs = tuple(Eq(lhs, rhs, evaluate=False) for lhs, rhs in zip(A_ * X, b_, strict=True))
    return A_, b_, variables, eqs


def _eliminate_system(
    equations: Sequence[Any] | None, variables: Sequence[Any] | None, A: Any, b: Any
) -> dict:
    from sympy import Integer, Tuple
    from sympy.core.symbol import Str

    A_, b_, xs, eqs = system_matrices(equations, variables, A, b)
    aug = A_.row_join(b_)
    n = A_.cols
    steps = [Step(LinalgRule.WRITE_AUGMENTED, Tuple(*eqs), aug, {"variables": Tuple(*xs)})]
    el = eliminate(aug, reduced=True)
    steps += el.steps
    R = el.final.to_sympy()
    pivots = el.pivots
    piv = Tuple(*(Tuple(Integer(r + 1), Integer(c + 1)) for r, c in pivots))
    steps.append(Step(LinalgRule.MARK_PIVOTS, R, R, {"pivots": piv}))
    rank_A = sum(1 for _, c in pivots if c < n)
    rank_Ab = len(pivots)
    kind = "none" if rank_Ab > rank_A else ("unique" if rank_A == n else "infinite")
    given = {"rank_A": rank_A, "rank_Ab": rank_Ab, "unknowns": n}
    steps.append(Step(LinalgRule.CLASSIFY_SYSTEM, R, Str(kind), given))
    params = sorted(aug.free_symbols, key=str)
    cases: list = []
    if params:
        from symbolic_mlmath.linalg.cases import assume_step, divisor_conditions

        conds, cases = divisor_conditions(el, params)
        if conds:
            steps.insert(1, assume_step(aug, conds, cases))
    return {"A": A_, "b": b_, "vars": xs, "eqs": eqs, "R": R, "pivots": pivots,
            "kind": kind, "steps": steps, "cases": cases}


def _case_systems(s: dict, solve: bool) -> list:
    """Each excluded parameter value: the system with it put in, classified (and solved)."""
    out: list = []
    for case in s["cases"]:
        A_, b_ = s["A"].xreplace(case), s["b"].xreplace(case)
        if solve:
            d = derive_solve_system(A=A_, b=b_, variables=s["vars"])
            kind = next(st.after for st in d.steps if st.rule == LinalgRule.CLASSIFY_SYSTEM)
            out.append((case, (str(kind), d.result)))
        else:
            d = derive_classify_system(A=A_, b=b_, variables=s["vars"])
            out.append((case, d.result["generic"] if isinstance(d.result, dict) else d.result))
        # a case that still holds a parameter (a = b) has cases of its own (b = 1): flattened
        last = d.steps[-1]
        if last.rule == LinalgRule.PARAMETER_CASES:
            for label, value in last.given["cases"]:
                eqs = label if hasattr(label, "__iter__") and not hasattr(label, "lhs") else (label,)
                inner = {e.lhs: e.rhs for e in eqs}
                both = {**{k: v.xreplace(inner) for k, v in case.items()}, **inner}
                if all(both != c for c, _ in out):
                    out.append((both, str(value) if not solve else (str(value[0]), value[1])))
    return out


def _cases_step(s: dict, task: str, state: Any, worked: list) -> Any:
    from symbolic_mlmath.linalg.cases import cases_step

    return cases_step(state, task, (s["A"], s["b"]), worked)


def _case_key(case: dict) -> str:
    """``{a: -1}`` -> ``"a = -1"`` (the key of an excluded case in a result)."""
    from symbolic_mlmath.render.formats import text_of

    return ", ".join(f"{k} = {text_of(v)}" for k, v in case.items())


def _reference(A: Any, b: Any, xs: tuple):
    def reference() -> dict:
        from sympy import linsolve

        sol = linsolve((A, b), list(xs))
        if not sol:
            return {}
        (point,) = sol
        return dict(zip(xs, point, strict=True))

    return reference


def derive_solve_system(
    equations: Sequence[Any] | None = None,
    variables: Sequence[Any] | None = None,
    *,
    A: Any = None,
    b: Any = None,
) -> Derivation:
    """Solve a linear system by Gauss-Jordan elimination on ``[A | b]``.

    The result maps each variable to its value; free variables map to themselves;
    an inconsistent system gives ``{}`` (its classification step says "none").

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_solve_system(A=Matrix([[1, 1], [2, 2]]), b=Matrix([2, 4])).result
    {x1: 2 - x2, x2: x2}
    """
    from sympy import Eq, Tuple
    from sympy.core.symbol import Str

    if equations is None and b is not None and A is not None:
        B = as_immutable(b)
        if B.cols > 1 and B.rows > 1:
            return derive_solve_many(A, B)
    s = _eliminate_system(equations, variables, A, b)
    steps, R, xs, n = s["steps"], s["R"], s["vars"], len(s["vars"])
    if s["kind"] == "none":
        bad = next(i for i in range(R.rows) if all(R[i, c] == 0 for c in range(n)) and R[i, n] != 0)
        steps.append(Step(LinalgRule.INCONSISTENT_ROW, R, Str("none"), {"row": bad + 1}))
        result: dict = {}
    else:
        pivot_cols = {c: r for r, c in s["pivots"]}
        result = {}
        for c, x in enumerate(xs):
            if c in pivot_cols:
                r = pivot_cols[c]
                value = R[r, n] - sum(R[r, k] * xs[k] for k in range(n) if k != c and k not in pivot_cols)
                result[x] = value
            else:
                result[x] = x
        free = Tuple(*(x for c, x in enumerate(xs) if c not in pivot_cols))
        answer = Tuple(*(Eq(x, v, evaluate=False) for x, v in result.items()))
        steps.append(Step(LinalgRule.READ_SOLUTION, R, answer, {"free": free}))
    if s["cases"]:
        steps.append(_cases_step(s, "solve_system", steps[-1].after, _case_systems(s, True)))
    return Derivation(
        "Solve a linear system by elimination",
        goal=Tuple(*s["eqs"]),
        steps=tuple(steps),
        result=result,
        variables=xs,
        task="solve_system",
        inputs={"equations": s["eqs"], "variables": xs},
        reference=_reference(s["A"], s["b"], xs),
    )


def derive_solve_many(A: Any, B: Any) -> Derivation:
    """``A X = B`` for several right-hand sides (see ``linalg.systems_many``).

    >>> from sympy import Matrix
    >>> derive_solve_many(Matrix([[1, 1], [2, 2]]), Matrix([[2, 3], [4, 7]])).result
    {}
    """
    from symbolic_mlmath.linalg.systems_many import derive_solve_many as solve_many

    return solve_many(A, B)


def derive_classify_system(
    equations: Sequence[Any] | None = None,
    variables: Sequence[Any] | None = None,
    *,
    A: Any = None,
    b: Any = None,
) -> Derivation:
    """Whether a linear system has a unique solution, infinitely many, or none.

    Examples
    ========
    >>> from sympy import Matrix
    >>> derive_classify_system(A=Matrix([[1, 2], [2, 4]]), b=Matrix([3, 6])).result
    'infinite'
    """
    from sympy import Tuple

    s = _eliminate_system(equations, variables, A, b)
    A_, b_ = s["A"], s["b"]
    steps, result = list(s["steps"]), s["kind"]
    if s["cases"]:
        worked = _case_systems(s, False)
        steps.append(_cases_step(s, "classify_system", steps[-1].after, worked))
        result = {"generic": s["kind"], **{_case_key(c): kind for c, kind in worked}}

    def reference() -> Any:
        rA, rAb = A_.rank(), A_.row_join(b_).rank()
        kind = "none" if rAb > rA else ("unique" if rA == A_.cols else "infinite")
        return {**result, "generic": kind} if isinstance(result, dict) else kind

    return Derivation(
        "Classify a linear system",
        goal=Tuple(*s["eqs"]),
        steps=tuple(steps),
        result=result,
        variables=s["vars"],
        task="classify_system",
        inputs={"equations": s["eqs"], "variables": s["vars"]},
        reference=reference,
    )


# ------------------------------------------------------------------ equations as augmented rows
def augmented(eqs: tuple, xs: tuple, name: str = "line") -> Any:
    """The augmented matrix ``[A | b]`` of equations in ``xs`` (``True``/``False`` as ``0 = 0``/``0 = 1``)."""
    from sympy import Eq, ImmutableMatrix, linear_eq_to_matrix
    from sympy.solvers.solveset import NonlinearError

    rows = []
    for e in eqs:
        if e is True or e is False or not isinstance(e, Eq):
            rows.append([0] * len(xs) + [0 if e else 1])
            continue
        try:
            A, b = linear_eq_to_matrix([e.lhs - e.rhs], list(xs))
        except NonlinearError:
            raise ParseError(f"{e} is not linear in {', '.join(map(str, xs))}",
                             name=name) from None
        rows.append([*list(A), b[0]])
    return ImmutableMatrix(rows)


def rank_of(M: Any) -> int:
    """The exact rank of ``M`` (0 for no rows)."""
    from symbolic_mlmath.core.exact import to_dm

    return to_dm(M).to_field().rank() if M.rows else 0


def consistent(M: Any) -> bool:
    """Whether the augmented matrix ``M`` has a solution (rank A = rank [A | b])."""
    return rank_of(M) == rank_of(M[:, :-1])


def implied(known: Any, line: Any) -> bool:
    """Every equation of ``line`` holds wherever ``known`` holds (``known`` consistent)."""
    return rank_of(known.col_join(line)) == rank_of(known)


def pinned(eqs: tuple) -> dict:
    """The values the equations fix outright (``x = 3``, ``2 = y``)."""
    from sympy import Eq, Symbol

    out = {}
    for e in eqs:
        if isinstance(e, Eq):
            for s, v in ((e.lhs, e.rhs), (e.rhs, e.lhs)):
                if isinstance(s, Symbol) and not getattr(v, "free_symbols", {1}):
                    out[s] = v
    return out

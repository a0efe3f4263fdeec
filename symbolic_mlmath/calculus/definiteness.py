"""Definiteness of a symmetric matrix, read two ways: leading principal minors and eigenvalues.

Sylvester's criterion: all leading principal minors positive means positive definite;
signs alternating from negative means negative definite; a non-zero determinant with
any other pattern means indefinite; a zero minor leaves the minors undecided (then the
eigenvalues decide: all ≥ 0 is positive semidefinite, mixed signs indefinite).

Examples
========
>>> from sympy import Matrix
>>> minors_verdict(Matrix([[2, 1], [1, 2]]))
((2, 3), 'positive definite')
>>> minors_verdict(Matrix([[1, 2], [2, 1]]))[1]
'indefinite'
>>> eigen_verdict(Matrix([[1, 1], [1, 1]]))
((0, 2), 'positive semidefinite', False)
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.steps import Step

from .rules import CalculusRule as R

__all__ = ["definiteness_steps", "eigen_verdict", "minors_verdict", "sign_of"]

#: Largest size whose eigenvalues are found exactly (larger: mpmath, marked numeric).
EXACT_EIGEN_MAX = 4


def sign_of(v: Any) -> int:
    """-1, 0 or 1 for a real constant (exact where SymPy knows, else to 30 digits)."""
    if v.is_zero:
        return 0
    if v.is_positive:
        return 1
    if v.is_negative:
        return -1
    val = v.evalf(30)
    if abs(val) < 1e-25:
        return 0
    return 1 if val > 0 else -1


def minors_verdict(H: Any) -> tuple[tuple, str]:
    """The leading principal minors and what they say."""
    n = H.rows
    minors = tuple(H[:k, :k].det() for k in range(1, n + 1))
    signs = [sign_of(m) for m in minors]
    if all(s > 0 for s in signs):
        return minors, "positive definite"
    if all(s == (-1) ** (k + 1) for k, s in enumerate(signs)):
        return minors, "negative definite"
    if 0 in signs:
        return minors, "undecided by the minors"
    return minors, "indefinite"


def eigen_verdict(H: Any) -> tuple[tuple, str, bool]:
    """``(eigenvalues, verdict, numeric)``: exact for small matrices, else mpmath."""
    numeric = False
    if H.rows <= EXACT_EIGEN_MAX:
        vals: list = []
        for lam, mult in H.eigenvals().items():
            vals += [lam] * mult
    else:
        import mpmath
        from sympy import Float

        with mpmath.workdps(30):
            ev = mpmath.eigsy(mpmath.matrix([[mpmath.mpf(str(H[i, j].evalf(40)))
                                              for j in range(H.cols)] for i in range(H.rows)]))[0]
            vals = [Float(str(e), 30) for e in ev]
        numeric = True
    vals.sort(key=lambda v: v.evalf(30))
    signs = [sign_of(v) for v in vals]
    if all(s > 0 for s in signs):
        word = "positive definite"
    elif all(s < 0 for s in signs):
        word = "negative definite"
    elif all(s >= 0 for s in signs):
        word = "positive semidefinite"
    elif all(s <= 0 for s in signs):
        word = "negative semidefinite"
    else:
        word = "indefinite"
    return tuple(vals), word, numeric


def definiteness_steps(H: Any) -> list[Step]:
    """The two readings of a constant symmetric matrix, as steps that read ``H``."""
    minors, by_minors = minors_verdict(H)
    vals, by_eigen, numeric = eigen_verdict(H)
    return [Step(R.LEADING_MINORS, H, H, {"minors": minors, "verdict": by_minors}),
            Step(R.EIGENVALUE_TEST, H, H, {"eigenvalues": vals, "verdict": by_eigen,
                                           "numeric": numeric})]


def check_minors(step: Step) -> str | None:
    """Verifier: the minors are the leading principal minors and the verdict follows."""
    from sympy import expand

    H = step.before
    if step.after != H:
        return "reading the minors must not change the matrix"
    want, word = minors_verdict(H)
    got = tuple(step.given["minors"])
    if len(got) != len(want) or any(expand(a - b) != 0 for a, b in zip(got, want, strict=True)):
        return f"the leading principal minors are {want}, not {got}"
    if str(step.given["verdict"]) != word:
        return f"minors {want} say {word}, not {step.given['verdict']}"
    return None


def check_eigen(step: Step) -> str | None:
    """Verifier: each eigenvalue makes det(H - λI) vanish, and the verdict follows."""
    from sympy import eye

    H = step.before
    if step.after != H:
        return "reading the eigenvalues must not change the matrix"
    vals = tuple(step.given["eigenvalues"])
    if len(vals) != H.rows:
        return f"a {H.rows}x{H.rows} matrix has {H.rows} eigenvalues, not {len(vals)}"
    scale = max([abs(x.evalf(30)) for x in H] + [1])
    for lam in vals:
        d = (H - lam * eye(H.rows)).det().evalf(30)
        if abs(d) > 1e-15 * scale**H.rows:
            return f"{lam} is not an eigenvalue (det(H - λI) = {d.evalf(6)})"
    if abs(sum(vals).evalf(30) - H.trace().evalf(30)) > 1e-15 * scale * H.rows:
        return "the eigenvalues do not add up to the trace"
    signs = [sign_of(v) for v in vals]
    word = ("positive definite" if all(s > 0 for s in signs) else
            "negative definite" if all(s < 0 for s in signs) else
            "positive semidefinite" if all(s >= 0 for s in signs) else
            "negative semidefinite" if all(s <= 0 for s in signs) else "indefinite")
    if str(step.given["verdict"]) != word:
        return f"eigenvalues {vals} say {word}, not {step.given['verdict']}"
    return None

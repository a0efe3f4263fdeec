"""Optional LaTeX input (``\\frac{1}{2}``, ``\\begin{bmatrix}...``) via ``latex2sympy2_extended``.

Install with ``pip install symbolic_mlmath[latex]``. Settings: symbols keep their case (``X`` and
``x`` stay distinct), ``\\log`` without a base is the natural log (``\\log_{2}`` keeps its base),
decimals become exact rationals. The conversion runs in a worker process under the time and
memory budget of ``limits.run_bounded`` (the converter evaluates powers and matrix operations),
and its result goes through the same size and definedness checks as plain text.
"""

from __future__ import annotations

import re
from typing import Any

from symbolic_mlmath.core.errors import LimitError, ParseError
from symbolic_mlmath.text.limits import TimeBudgetExceeded, check_expr_size, get_limits, run_bounded

__all__ = ["LATEX_BUDGET_SECONDS", "latex_available", "parse_latex"]

LATEX_BUDGET_SECONDS = 5.0
_LOG = re.compile(r"\\log(?![A-Za-z])(?!\s*_)")


def latex_available() -> bool:
    """Whether the optional LaTeX parser is installed.

    >>> isinstance(latex_available(), bool)
    True
    """
    try:
        import latex2sympy2_extended  # noqa: F401
    except ImportError:
        return False
    return True


def _convert(text: str) -> Any:  # runs in the worker process
    import sympy
    from latex2sympy2_extended.latex2sympy2 import ConversionConfig, latex2sympy

    config = ConversionConfig(
        interpret_as_mixed_fractions=False,
        interpret_simple_eq_as_assignment=False,
        interpret_contains_as_eq=False,
        lowercase_symbols=False,
    )
    value = latex2sympy(text, conversion_config=config)
    if isinstance(value, sympy.MatrixBase):
        return sympy.ImmutableMatrix(value)
    if isinstance(value, sympy.Basic):
        floats = value.atoms(sympy.Float)
        if floats:
            value = value.xreplace({f: sympy.Rational(str(f)) for f in floats})
        return value
    raise TypeError(f"unsupported LaTeX result {type(value).__name__}")


def parse_latex(text: str, *, name: str = "expr") -> Any:
    """A SymPy expression, equation or matrix from LaTeX (needs the ``latex`` extra).

    >>> str(parse_latex(r"\\frac{1}{2} + \\log{x}")) if latex_available() else "log(x) + 1/2"
    'log(x) + 1/2'
    """
    import sympy

    lim = get_limits()
    if len(text) > lim.max_structured_length:
        raise LimitError(f"input too long ({len(text)} characters)", name=name)
    if "\x00" in text:
        raise ParseError("null byte in input", name=name)
    if not text.strip():
        raise ParseError("empty input", name=name)
    if not latex_available():
        raise ParseError(
            "LaTeX input needs an optional extra: install symbolic_mlmath[latex]", name=name
        )
    prepared = _LOG.sub(r"\\ln", text)
    try:
        value = run_bounded(_convert, prepared, seconds=LATEX_BUDGET_SECONDS)
    except TimeBudgetExceeded:
        raise LimitError(
            f"LaTeX took longer than {LATEX_BUDGET_SECONDS:g} s to read", name=name
        ) from None
    except LimitError as exc:
        raise LimitError(f"LaTeX could not be read ({str(exc).split(': ', 1)[-1]})",
                         name=name) from None  # fmt: skip
    except Exception as exc:
        message = (str(exc).splitlines() or [type(exc).__name__])[0][:120]
        raise ParseError(f"could not read the LaTeX ({message})", name=name) from None
    if not isinstance(value, sympy.Basic):
        raise ParseError("could not read the LaTeX", name=name)
    if value.has(sympy.zoo):
        raise ParseError("undefined value (division by zero)", name=name)
    if value.has(sympy.nan):
        raise ParseError("undefined value (nan)", name=name)
    check_expr_size(value, name)
    return value

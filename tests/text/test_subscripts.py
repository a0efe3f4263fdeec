"""A subscript typed LaTeX-style, ``x_{1}``, is the name ``x_1`` (as ``x_1`` and ``x₁`` are)."""

from __future__ import annotations

import pytest

import symbolic_mlmath as sm
from symbolic_mlmath.core.errors import InputError
from symbolic_mlmath.text import parse_answer, parse_expr


def test_braced_subscripts_are_names() -> None:
    assert parse_expr("x_{1} + 2*x_{12}") == parse_expr("x_1 + 2*x_12")
    assert parse_expr("theta_{0} - 1") == parse_expr("theta_0 - 1")
    assert parse_answer("x_{1} = 5, x_{2} = 3") == parse_answer("x_1 = 5, x_2 = 3")


def test_braced_subscripts_in_a_system_answer() -> None:
    v = sm.check("solve_system", answer="x_{1} = 5, x_{2} = 3, x_{3} = -2",
                 A="[[1,1,1],[0,2,5],[2,5,-1]]", b="[6,-4,27]")
    assert v.correct is True, v.feedback


def test_equations_and_A_b_together_are_refused() -> None:  # D31: A was silently ignored
    with pytest.raises(InputError, match="not both"):
        sm.solve("solve_system", equations="x + y = 1", A="[[1]]")
    with pytest.raises(InputError, match="not both"):
        sm.solve("classify_system", equations="x + y = 1", A="[[1, 1]]", b="[1]")

"""Learner notation -> SymPy objects (expected values built by hand, never by our parser)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from sympy import (
    Abs,
    E,
    Eq,
    FiniteSet,
    Function,
    I,
    ImmutableMatrix,
    Integer,
    Max,
    Min,
    Rational,
    Symbol,
    binomial,
    ceiling,
    cos,
    exp,
    factorial,
    floor,
    log,
    oo,
    pi,
    sin,
    sqrt,
    tanh,
)

from symbolic_mlmath.core.errors import InputError, LimitError, ParseError
from symbolic_mlmath.text.parse import (
    parse_answer,
    parse_equation,
    parse_equations,
    parse_expr,
    parse_matrix,
    parse_number,
    parse_symbols,
    parse_value,
    parse_vector,
)

x, y, z, r = (Symbol(n) for n in "xyzr")
lam, mu, sigma, theta = (Symbol(n) for n in ("lambda", "mu", "sigma", "theta"))

NOTATION = [
    ("2x^2+3x", 2 * x**2 + 3 * x),
    ("3*x**2+2*x", 3 * x**2 + 2 * x),
    ("x^2", x**2),
    ("e^(-x)", exp(-x)),
    ("exp(-x)", exp(-x)),
    ("e^-x", exp(-x)),
    ("e^-x^2", exp(-(x**2))),
    ("ln x", log(x)),
    ("ln(x)", log(x)),
    ("log(x)", log(x)),
    ("log(x, 2)", log(x, 2)),
    ("ln x^2", log(x**2)),
    ("sqrt(2)", sqrt(2)),
    ("sqrt 2", sqrt(2)),
    ("√2", sqrt(2)),
    ("pi", pi),
    ("π", pi),
    ("2π r", 2 * pi * r),
    ("|x|", Abs(x)),
    ("|x - |y||", Abs(x - Abs(y))),
    ("|x||y|", Abs(x) * Abs(y)),
    ("2|x|", 2 * Abs(x)),
    ("2x", 2 * x),
    ("3(x+1)", 3 * (x + 1)),
    ("(x+1)(x-1)", (x + 1) * (x - 1)),
    ("2 sqrt(3)", 2 * sqrt(3)),
    ("x y", x * y),
    ("x(x+1)", x * (x + 1)),
    ("1/2x", x / 2),
    ("-x^2", -(x**2)),
    ("2^-1", Rational(1, 2)),
    ("--x", x),
    ("x − 1", x - 1),
    ("2·x", 2 * x),
    ("3×4", Integer(12)),
    ("6÷4", Rational(3, 2)),
    ("x²", x**2),
    ("x⁻¹", 1 / x),
    ("x1", Symbol("x1")),
    ("x_1", Symbol("x_1")),
    ("x₁", Symbol("x1")),
    ("2x1", 2 * Symbol("x1")),
    ("xy", Symbol("xy")),
    ("lambda", lam),
    ("λ", lam),
    ("λ^2 - 1", lam**2 - 1),
    ("lambda(x+1)", lam * (x + 1)),
    ("mu + sigma theta", mu + sigma * theta),
    ("θ_1 + θ1", Symbol("theta_1") + Symbol("theta1")),
    ("sigma(x)", 1 / (1 + exp(-x))),
    ("σ(x)", 1 / (1 + exp(-x))),
    ("relu(x)", Max(0, x)),
    ("tanh(x)", tanh(x)),
    ("sin x cos x", sin(x) * cos(x)),
    ("sin^2 x + cos^2 x", sin(x) ** 2 + cos(x) ** 2),
    ("factorial(5)", Integer(120)),
    ("5!", Integer(120)),
    ("x!", factorial(x)),
    ("binomial(5, 2)", Integer(10)),
    ("binomial(n, 2)", binomial(Symbol("n"), 2)),
    ("floor(2.5)", Integer(2)),
    ("floor(x)", floor(x)),
    ("ceil(x)", ceiling(x)),
    ("min(x, y)", Min(x, y)),
    ("max(1, 2)", Integer(2)),
    ("abs(-3)", Integer(3)),
    ("inf", oo),
    ("oo", oo),
    ("∞", oo),
    ("-inf", -oo),
    ("I", I),
    ("i", Symbol("i")),
    ("E", Symbol("E")),
    ("e", E),
    ("N", Symbol("N")),
    ("Q", Symbol("Q")),
    ("S", Symbol("S")),
    ("O", Symbol("O")),
    ("X + x", Symbol("X") + x),
    ("f(x)", Function("f")(x)),
    ("g(x, y)", Function("g")(x, y)),
    ("0.75", Rational(3, 4)),
    ("2.5", Rational(5, 2)),
    ("1e-3", Rational(1, 1000)),
    ("2.5e3", Integer(2500)),
    (".5", Rational(1, 2)),
    ("2e^x", 2 * exp(x)),
    ("x**2", x**2),
    ("ｘ＋１", x + 1),
]


@pytest.mark.parametrize(("text", "expected"), NOTATION)
def test_notation(text: str, expected: sympy.Expr) -> None:
    got = parse_expr(text)
    assert got == expected, (text, got)


@pytest.mark.parametrize("text", ["0.1", "2.5", "1e-3", "0.333"])
def test_decimals_are_exact(text: str) -> None:
    assert not parse_expr(text).atoms(sympy.Float)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.1, Rational(1, 10)),
        (2.5, Rational(5, 2)),
        (3, Integer(3)),
        (Fraction(1, 3), Rational(1, 3)),
        (Rational(2, 7), Rational(2, 7)),
        (x + 1, x + 1),
        (sympy.Float("0.25"), Rational(1, 4)),
        (float("inf"), oo),
    ],
)
def test_python_objects(value: object, expected: sympy.Expr) -> None:
    assert parse_expr(value) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expr: empty input"),
        ("   ", "expr: empty input"),
        ("(x+1", "expr: unbalanced '(' at position 1"),
        ("x+1)", "expr: unbalanced ')' at position 4"),
        ("1/0", "expr: division by zero"),
        ("0^-1", "expr: division by zero"),
        ("__import__('os')", "expr: '__import__' is not allowed"),
        ("2 3", "expr: missing operator between '2' and '3' at position 3"),
        ("x = 1", "expr: '=' at position 3 is not allowed here"),
        ("[1, 2]", "expr: expected one expression, got a list or matrix"),
        ("zoo", "expr: 'zoo' is not allowed (it is not a number)"),
        ("nan", "expr: 'nan' is not allowed (it is not a number)"),
        ("sin()", "expr: sin() needs an argument"),
        ("ln", "expr: ln needs an argument at position 1"),
        ("log(x, 2, 3)", "expr: log() takes 1 or 2 arguments"),
        ("binomial(5)", "expr: binomial() takes 2 arguments"),
        ("x < 1", "expr: '<' (inequalities) is not supported here"),
    ],
)
def test_errors(text: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse_expr(text)
    assert str(info.value) == message


def test_error_names_the_input() -> None:
    with pytest.raises(ParseError, match=r"^learning_rate: division by zero$"):
        parse_expr("1/0", name="learning_rate")


def test_undefined_results_are_errors() -> None:
    with pytest.raises(ParseError, match="undefined"):
        parse_expr("tan(pi/2)")
    with pytest.raises(ParseError, match="undefined"):
        parse_expr("oo - oo")
    with pytest.raises(ParseError, match="nan"):
        parse_expr(float("nan"))


def test_parse_number() -> None:
    assert parse_number("-1/2") == Rational(-1, 2)
    assert parse_number("0.25") == Rational(1, 4)
    assert parse_number("sqrt(2)/2") == sqrt(2) / 2
    with pytest.raises(ParseError, match=r"^value: expected a number, got an expression in x$"):
        parse_number("x + 1")
    with pytest.raises(ParseError, match="expected a number"):
        parse_number("f(2)")


M22 = ImmutableMatrix([[1, 2], [3, 4]])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("[[1,2],[3,4]]", M22),
        ("1 2; 3 4", M22),
        ("1, 2; 3, 4", M22),
        ("1 2\n3 4", M22),
        ("[1 2; 3 4]", M22),
        ("((1, 2), (3, 4))", M22),
        ([[1, 2], [3, 4]], M22),
        (((1, 2), (3, 4)), M22),
        (sympy.Matrix([[1, 2], [3, 4]]), M22),
        ([[1, "1/2"], [0.5, "x"]], ImmutableMatrix([[1, Rational(1, 2)], [Rational(1, 2), x]])),
        ("[[2x, -1], [0, x^2]]", ImmutableMatrix([[2 * x, -1], [0, x**2]])),
        ("1 2 3", ImmutableMatrix([[1, 2, 3]])),
        ("x + 1   -2", ImmutableMatrix([[x + 1, -2]])),
        ([1, 2, 3], ImmutableMatrix([1, 2, 3])),
    ],
)
def test_parse_matrix(value: object, expected: ImmutableMatrix) -> None:
    got = parse_matrix(value)
    assert isinstance(got, ImmutableMatrix)
    assert got == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[[1,2],[3,4,5]]", "matrix: row 2 has 3 entries, row 1 has 2"),
        ([[1, 2], [3]], "matrix: row 2 has 1 entries, row 1 has 2"),
        ("1 2; 3 4 5", "matrix: row 2 has 3 entries, row 1 has 2"),
        ("", "matrix: empty input"),
        ([], "matrix: empty matrix"),
        ("[[1,2],[3,4]", "matrix: unbalanced '[' at position 1"),
        ([[1, "1/0"], [1, 2]], "matrix, row 1, column 2: division by zero"),
        ("[1, 2] + 1", "matrix: a number cannot be added to a list or vector"),
    ],
)
def test_parse_matrix_errors(value: object, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse_matrix(value)
    assert str(info.value) == message


@pytest.mark.parametrize(
    "value",
    ["[1,2,3]", "(1, 2, 3)", "1 2 3", "1, 2, 3", [1, 2, 3], (1, 2, 3), [[1, 2, 3]],
     [[1], [2], [3]], "[[1],[2],[3]]", sympy.Matrix([[1, 2, 3]])],
)
def test_parse_vector(value: object) -> None:
    assert parse_vector(value) == ImmutableMatrix([1, 2, 3])


def test_parse_vector_rejects_matrices() -> None:
    with pytest.raises(ParseError, match=r"^v: expected a vector, got a 2x2 matrix$"):
        parse_vector("[[1,2],[3,4]]")


def test_equations() -> None:
    assert parse_equation("x + y = 4") == Eq(x + y, 4, evaluate=False)
    assert parse_equation("x == 2") == Eq(x, 2, evaluate=False)
    assert parse_equation("x^2 - 1") == Eq(x**2 - 1, 0, evaluate=False)
    assert parse_equation("1 = 1") == Eq(1, 1, evaluate=False)
    expected = (Eq(x + y, 4, evaluate=False), Eq(2 * x - y, 1, evaluate=False))
    assert parse_equations(["x + y = 4", "2x - y = 1"]) == expected
    assert parse_equations("x + y = 4; 2x - y = 1") == expected
    assert parse_equations("x + y = 4, 2x - y = 1") == expected
    assert parse_equations("x + y = 4\n2x - y = 1\n") == expected
    assert parse_equations("log(x, 2) = 1, y = 2")[0] == Eq(log(x, 2), 1, evaluate=False)
    with pytest.raises(ParseError, match="a second '='"):
        parse_equation("x = 1 = 2")
    with pytest.raises(InputError, match=r"^equations, item 2: unbalanced"):
        parse_equations(["x = 1", "(y = 2"])


def test_symbols() -> None:
    assert parse_symbols("x,y,z") == (x, y, z)
    assert parse_symbols("x y z") == (x, y, z)
    assert parse_symbols(["x1", "x2"]) == (Symbol("x1"), Symbol("x2"))
    assert parse_symbols("λ") == (lam,)
    assert parse_symbols(x) == (x,)
    for bad in ("x, x", "sin", "e", "", "1"):
        with pytest.raises(ParseError):
            parse_symbols(bad)


def test_parse_value_and_answer() -> None:
    assert parse_value("3/4") == Rational(3, 4)
    assert parse_value([1, 2]) == ImmutableMatrix([1, 2])
    assert parse_value("[[1,2],[3,4]]") == M22
    assert parse_value({"a": "x^2", "b": True}) == {"a": x**2, "b": True}
    assert parse_value(None) is None
    assert parse_value(False) is False
    assert parse_value([[1, 2], [3]]) == [ImmutableMatrix([1, 2]), ImmutableMatrix([3])]
    assert parse_answer("{2, 1}") == FiniteSet(1, 2)
    assert parse_answer("x = 3") == {x: 3}
    assert parse_answer("x=1, y=2") == {x: 1, y: 2}
    assert parse_answer("x=1; y=-1/2") == {x: 1, y: Rational(-1, 2)}
    assert parse_answer("1, 2, 2") == ImmutableMatrix([1, 2, 2])
    assert parse_answer("yes") is True
    assert parse_answer("False") is False
    assert parse_answer("2.5") == Rational(5, 2)
    assert parse_answer("2x = 4") == Eq(2 * x, 4, evaluate=False)
    with pytest.raises(ParseError, match=r"^answer: division by zero$"):
        parse_answer("1/0")


def test_latex_input() -> None:
    pytest.importorskip("latex2sympy2_extended")
    assert parse_expr(r"\frac{1}{2} + x") == x + Rational(1, 2)
    assert parse_expr(r"\log x") == log(x)
    assert parse_expr(r"X + x") == Symbol("X") + x
    assert parse_expr(r"X \cdot x") == Symbol("X") * x
    assert parse_expr(r"\log_{2} 8") == 3
    assert parse_expr(r"0.5 \cdot x") == x / 2
    assert parse_matrix(r"\begin{bmatrix}1 & 2\\ 3 & 4\end{bmatrix}") == M22
    with pytest.raises(InputError, match=r"^expr: "):
        parse_expr(r"\frac{1}{0}")


def test_latex_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import symbolic_mlmath.text.latex as li

    monkeypatch.setattr(li, "latex_available", lambda: False)
    with pytest.raises(ParseError, match=r"install symbolic_mlmath\[latex\]"):
        parse_expr(r"\frac{1}{2}")


def test_limits_apply_to_python_objects() -> None:
    with pytest.raises(LimitError):
        parse_expr(10**5000)
    with pytest.raises(LimitError):
        parse_matrix([[0] * 41] * 41)

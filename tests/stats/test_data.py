"""Reading data exactly: decimals as fractions, one-line errors, mappings and keys."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from sympy import Rational

from symbolic_mlmath.core.errors import InputError, LimitError
from symbolic_mlmath.stats import data as D

R = Rational


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("0.1, 0.2, 0.3", [R(1, 10), R(2, 10), R(3, 10)]),
        ("[1 2 3]", [1, 2, 3]),
        ("1;2\n3", [1, 2, 3]),
        ("-.5 5. +2", [R(-1, 2), 5, 2]),
        ("0.429796848199937E-03", [R(429796848199937, 10**18)]),
        ("1.5D+02", [150]),
        ("1/3, 2/3", [R(1, 3), R(2, 3)]),
        ([0.1, 0.2], [R(1, 10), R(1, 5)]),
        ([Fraction(1, 3), Decimal("0.25"), 2], [R(1, 3), R(1, 4), 2]),
        ([[1], [2]], [1, 2]),
        ((R(1, 7), "2.5"), [R(1, 7), R(5, 2)]),
    ],
)
def test_values_are_exact(raw, want):
    assert list(D.read_data(raw).values()) == [Rational(w) for w in want]


def test_numpy_arrays_read_from_shortest_repr():
    np = pytest.importorskip("numpy")
    assert D.read_data(np.array([0.1, 0.7])).values() == (R(1, 10), R(7, 10))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("1, two", "item 2"),
        ("1, sqrt(2)", "rational"),
        ("٣", "non-ASCII digit"),
        ("1.2.3", "item 1"),
        ([], "at least 1"),
        ([float("nan")], "finite"),
        ([True], "expected a number"),
        ("1e99999999", "item 1"),
        (object(), "expected a list"),
    ],
)
def test_bad_data_one_line_errors(raw, message):
    with pytest.raises(InputError) as err:
        D.read_data(raw)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_limits_are_named():
    with pytest.raises(LimitError):
        D.read_data("1 " * (D.MAX_DATA_ITEMS + 1))


def test_common_denominator_keeps_integers():
    d = D.read_data("0.5 0.25 1.125")
    assert d.den == 1000 and d.nums == (500, 250, 1125)


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("spam: 0.4, ham: 0.6", {"spam": "0.4", "ham": "0.6"}),
        ('{"spam": 0.4}', {"spam": 0.4}),
        ("{free: {spam: 0.3, ham: 0.05}}", {"free": {"spam": "0.3", "ham": "0.05"}}),
        ("{(0, 0): 1/4, (0, 1): 3/4}", {"(0, 0)": "1/4", "(0, 1)": "3/4"}),
        ({"a": 1}, {"a": 1}),
    ],
)
def test_mappings(raw, want):
    assert D.read_mapping(raw) == want


@pytest.mark.parametrize("raw", ["spam 0.4", "a: 1, a: 2", "{a: 1", 7, "{}"])
def test_bad_mappings(raw):
    with pytest.raises(InputError):
        D.read_mapping(raw)


def test_keys_and_probabilities():
    assert D.read_key("(0, 1/2)") == (0, R(1, 2))
    assert D.read_key("spam") == "spam"
    assert D.read_key(3) == 3
    assert D.read_probability("30%") == R(3, 10)
    with pytest.raises(InputError, match="between 0 and 1"):
        D.read_probability("1.2")

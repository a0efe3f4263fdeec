"""Whitelist evaluation of the generated source (internal to ``parse``).

The source is parsed with ``ast.parse(mode="eval")`` and walked node by node; only the node
types below are accepted and SymPy objects are built directly (there is no ``eval``). Before each
power, factorial and binomial is built, ``limits`` checks that its result stays small.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Callable
from typing import Any

import sympy

from symbolic_mlmath.core.errors import LimitError, ParseError
from symbolic_mlmath.text.limits import (
    TimeBudgetExceeded,
    check_binomial,
    check_factorial,
    check_integer_digits,
    check_power,
    get_limits,
    limits,
    run_bounded,
)
from symbolic_mlmath.text.syntax import CONSTANT_TABLE, FUNCTION_TABLE

__all__ = ["evaluate_source"]

_NAME_RE = re.compile(r"^(S|C|F|U)_([A-Za-z][A-Za-z0-9_]*|_[A-Za-z0-9][A-Za-z0-9_]*)$")

def _sigmoid(x: sympy.Expr) -> sympy.Expr:
    return 1 / (1 + sympy.exp(-x))


def _relu(x: sympy.Expr) -> sympy.Expr:
    return sympy.Max(0, x)


_BUILT_HERE: dict[str, Callable[..., Any]] = {"sigmoid": _sigmoid, "relu": _relu}

# name -> (callable, minimum args, maximum args or None), from the one table in ``syntax``
_FUNCTIONS: dict[str, tuple[Callable[..., Any], int, int | None]] = {
    name: (_BUILT_HERE.get(target) or getattr(sympy, target), low, high)
    for name, (target, low, high) in FUNCTION_TABLE.items()
}
_CONSTANTS: dict[str, sympy.Basic] = {name: getattr(sympy, target)
                                      for name, target in CONSTANT_TABLE.items()}

_MAX_VISIT_DEPTH = 400


class _Risky(Exception):
    """SymPy may spend unbounded time on this (numeric evaluation of towers): use a worker."""


def _tame(value: sympy.Basic) -> bool:
    """Constants SymPy evaluates quickly: rationals, pi, e, I, oo and their sums, products and
    rational powers. Anything with free symbols is tame as long as its constant parts are."""
    if value.is_Rational or value.is_NumberSymbol or value in (sympy.I, sympy.oo, -sympy.oo):
        return True
    if value.is_Atom:
        return True
    if isinstance(value, sympy.Pow):
        return _tame(value.base) and (value.exp.is_Rational or (bool(value.exp.free_symbols)
                                      and _tame(value.exp)))  # fmt: skip
    if isinstance(value, (sympy.Add, sympy.Mul)):
        return all(_tame(a) for a in value.args)
    if not value.free_symbols:
        return False  # a function of a constant: sin(2), log(3), exp(e^e) ...
    return all(_tame(a) for a in value.args)


class _Evaluator:
    def __init__(self, name: str, *, in_worker: bool = False) -> None:
        self.name = name
        self.in_worker = in_worker
        self.symbols: dict[str, sympy.Symbol] = {}

    def guard(self, *values: Any) -> None:
        if not self.in_worker and not all(
            _tame(v) for v in values if isinstance(v, sympy.Basic)
        ):
            raise _Risky

    def fail(self, message: str) -> ParseError:
        return ParseError(message, name=self.name)

    def visit(self, node: ast.AST, depth: int = 0) -> Any:
        if depth > _MAX_VISIT_DEPTH:
            raise LimitError("expression nested too deeply", name=self.name)
        d = depth + 1
        if isinstance(node, ast.Expression):
            return self.visit(node.body, d)
        if isinstance(node, ast.Constant):
            if type(node.value) is not int:
                raise self.fail(f"{type(node.value).__name__} constants are not allowed")
            check_integer_digits(node.value, self.name, literal=True)
            return sympy.Integer(node.value)
        if isinstance(node, ast.Name):
            return self.name_value(node.id)
        if isinstance(node, ast.BinOp):
            return self.binop(node, d)
        if isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, (ast.USub, ast.UAdd)):
                raise self.fail(f"'{type(node.op).__name__}' is not allowed")
            operand = self.visit(node.operand, d)
            if isinstance(operand, (list, tuple)):
                return self.vector_op(ast.Mult(), sympy.Integer(-1 if isinstance(
                    node.op, ast.USub) else 1), operand)
            value = self.expr_operand(operand, "a sign")
            return -value if isinstance(node.op, ast.USub) else value
        if isinstance(node, ast.Call):
            return self.call(node, d)
        if isinstance(node, (ast.Tuple, ast.List)):
            if not isinstance(node.ctx, ast.Load):
                raise self.fail("assignment is not allowed")
            items = [self.visit(elt, d) for elt in node.elts]
            return tuple(items) if isinstance(node, ast.Tuple) else items
        raise self.fail(f"'{type(node).__name__}' is not allowed")

    def name_value(self, ident: str) -> Any:
        match = _NAME_RE.match(ident)
        if "__" in ident or match is None:
            raise self.fail(f"'{ident}' is not allowed")
        kind, word = match.groups()
        if kind == "S":
            if word not in self.symbols:
                self.symbols[word] = sympy.Symbol(word)
            return self.symbols[word]
        if kind == "C" and word in _CONSTANTS:
            return _CONSTANTS[word]
        if kind in ("F", "U"):
            raise self.fail(f"{word} needs an argument")
        raise self.fail(f"'{word}' is not allowed")

    def expr_operand(self, value: Any, what: str) -> sympy.Expr:
        if isinstance(value, sympy.Expr):
            return value
        if isinstance(value, (list, tuple)):
            raise self.fail(f"a list or vector cannot be used in {what}")
        if isinstance(value, sympy.Basic):
            raise self.fail(f"{type(value).__name__} cannot be used in {what}")
        raise self.fail(f"unexpected value in {what}")

    def binop(self, node: ast.BinOp, depth: int) -> sympy.Expr:
        op = node.op
        if not isinstance(op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)):
            raise self.fail(f"'{type(op).__name__}' is not allowed")
        left_value, right_value = self.visit(node.left, depth), self.visit(node.right, depth)
        if isinstance(left_value, (list, tuple)) or isinstance(right_value, (list, tuple)):
            return self.vector_op(op, left_value, right_value)
        left = self.expr_operand(left_value, "arithmetic")
        right = self.expr_operand(right_value, "arithmetic")
        return self.apply(op, left, right)

    def apply(self, op: ast.operator, left: sympy.Expr, right: sympy.Expr) -> sympy.Expr:
        if isinstance(op, ast.Add):
            result = left + right
        elif isinstance(op, ast.Sub):
            result = left - right
        elif isinstance(op, ast.Mult):
            result = left * right
        elif isinstance(op, ast.Div):
            if right == 0:
                raise self.fail("division by zero")
            result = left / right
        else:
            if left == 0 and right.is_Number and right < 0:
                raise self.fail("division by zero")
            check_power(left, right, self.name)
            if not right.is_Rational:
                self.guard(left, right)
            result = left**right
            if isinstance(result, sympy.Pow):
                check_power(result.base, result.exp, self.name)
        if isinstance(result, sympy.Rational):
            check_integer_digits(result.p, self.name)
            check_integer_digits(result.q, self.name)
        return result

    def vector_op(self, op: ast.operator, left: Any, right: Any) -> Any:
        """Entrywise arithmetic on vectors and matrices written as lists: ``[1, 1, 0] +
        t[-1, 2, 3]``, ``1/10 [[6, -7], [-2, 4]]``, ``[1, -1]/sqrt(2)``, ``-[1, 2]``."""
        seq_l, seq_r = isinstance(left, (list, tuple)), isinstance(right, (list, tuple))
        if isinstance(op, (ast.Add, ast.Sub)):
            if not (seq_l and seq_r):
                raise self.fail("a number cannot be added to a list or vector")
            if len(left) != len(right):
                raise self.fail(f"cannot add vectors of lengths {len(left)} and {len(right)}")
            sign = ast.Add() if isinstance(op, ast.Add) else ast.Sub()
            out = [self.entry(sign, a, b) for a, b in zip(left, right, strict=True)]
            return tuple(out) if isinstance(left, tuple) else out
        if isinstance(op, ast.Mult) and seq_l != seq_r:
            scalar, seq = (right, left) if seq_l else (left, right)
            self.expr_operand(scalar, "a product with a vector")
            out = [self.entry(ast.Mult(), scalar, x) for x in seq]
            return tuple(out) if isinstance(seq, tuple) else out
        if isinstance(op, ast.Div) and seq_l and not seq_r:
            self.expr_operand(right, "a division of a vector")
            out = [self.entry(ast.Div(), x, right) for x in left]
            return tuple(out) if isinstance(left, tuple) else out
        what = {ast.Mult: "a product of two lists", ast.Div: "division by a list",
                ast.Pow: "a power of a list"}.get(type(op), "this operation on lists")
        raise self.fail(f"{what} is not defined here")

    def entry(self, op: ast.operator, a: Any, b: Any) -> Any:
        if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
            return self.vector_op(op, a, b)
        return self.apply(op, self.expr_operand(a, "arithmetic"),
                          self.expr_operand(b, "arithmetic"))

    def call(self, node: ast.Call, depth: int) -> Any:
        if node.keywords:
            raise self.fail("keyword arguments are not allowed")
        if not isinstance(node.func, ast.Name):
            raise self.fail("only named functions can be called")
        if any(isinstance(a, ast.Starred) for a in node.args):
            raise self.fail("'*' arguments are not allowed")
        ident = node.func.id
        args = [self.visit(a, depth) for a in node.args]
        if ident == "RAT":
            if len(args) != 2 or not all(isinstance(a, sympy.Integer) for a in args):
                raise self.fail("malformed number")
            return sympy.Rational(args[0], args[1])
        if ident == "SET":
            return sympy.FiniteSet(*[self.expr_operand(a, "a set") for a in args])
        if ident == "EQ":
            if len(args) != 2:
                raise self.fail("malformed equation")
            lhs, rhs = (self.expr_operand(a, "an equation") for a in args)
            return sympy.Eq(lhs, rhs, evaluate=False)
        match = _NAME_RE.match(ident)
        if "__" in ident or match is None or match.group(1) not in ("F", "U"):
            raise self.fail(f"'{ident}' is not allowed")
        kind, word = match.groups()
        exprs = [self.expr_operand(a, f"{word}()") for a in args]
        if kind == "U":
            return sympy.Function(word)(*exprs)
        if word not in _FUNCTIONS:
            raise self.fail(f"'{word}' is not allowed")
        fn, low, high = _FUNCTIONS[word]
        if len(exprs) < low or (high is not None and len(exprs) > high):
            count = str(low) if high == low else f"{low} or {high}" if high else f"{low} or more"
            raise self.fail(f"{word}() takes {count} argument{'s' if count != '1' else ''}")
        self.guard(*exprs)
        if word == "factorial":
            check_factorial(exprs[0], self.name)
        elif word == "binomial":
            check_binomial(exprs[0], exprs[1], self.name)
        elif word in ("sqrt", "cbrt"):
            check_power(exprs[0], sympy.Rational(1, 2 if word == "sqrt" else 3), self.name)
        elif word in ("log", "ln") and exprs[0] == 0:
            raise self.fail("log(0) is undefined")
        return fn(*exprs)


def _evaluate_tree(source: str, name: str, in_worker: bool) -> Any:
    try:
        tree = ast.parse(source, mode="eval")
    except (SyntaxError, ValueError) as exc:
        if "nested" in str(exc):
            raise LimitError("expression nested too deeply", name=name) from None
        raise ParseError("could not read the expression", name=name) from None
    except (RecursionError, MemoryError):
        raise LimitError("expression nested too deeply", name=name) from None
    evaluator = _Evaluator(name, in_worker=in_worker)
    try:
        return evaluator.visit(tree)
    except (LimitError, ParseError, _Risky):
        raise
    except RecursionError:
        raise LimitError("expression nested too deeply", name=name) from None
    except (TypeError, ValueError, ArithmeticError, AttributeError) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ParseError(f"cannot evaluate ({message[:120]})", name=name) from None


def _evaluate_in_worker(source: str, name: str, settings: dict[str, Any]) -> Any:
    with limits(**settings):
        return _evaluate_tree(source, name, True)


def evaluate_source(source: str, name: str) -> Any:
    """The SymPy value of generated source: an Expr, Eq, FiniteSet, or (nested) list/tuple.

    Values SymPy might evaluate for unbounded time (numeric towers like ``floor(e^(e^(e^e)))``)
    are built in a worker process under ``Limits.parse_time_budget``.
    """
    try:
        return _evaluate_tree(source, name, False)
    except _Risky:
        pass
    lim = get_limits()
    try:
        return run_bounded(
            _evaluate_in_worker, source, name, dataclasses.asdict(lim),
            seconds=lim.parse_time_budget,
        )  # fmt: skip
    except TimeBudgetExceeded:
        raise LimitError(
            f"too expensive to evaluate (gave up after {lim.parse_time_budget:g} s)", name=name
        ) from None

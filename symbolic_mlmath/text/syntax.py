"""Learner tokens -> Python source in a tiny, fixed vocabulary (internal to ``parse``).

The source it writes uses only: int literals, ``+ - * / **``, unary ``-``, calls, ``[...]`` and
``(...)``, and these names: ``S_<name>`` (a symbol), ``C_<name>`` (a constant), ``F_<name>``
(an allow-listed function), ``U_<name>`` (an undefined function ``f, g, h``) and the internal
helpers ``RAT``, ``SET``, ``EQ``. Learner names can only ever appear behind a prefix.

Notation decisions (see ``parse`` for the full list): implicit multiplication binds like ``*``
(``1/2x`` is ``x/2``); a function name without brackets takes the next power term
(``ln x^2`` is ``ln(x^2)``, ``sin 2x`` is ``sin(2)*x``); ``sin^2 x`` is ``sin(x)^2``;
``|x|`` is ``Abs(x)``; ``n!`` is ``factorial(n)``.
"""

from __future__ import annotations

from symbolic_mlmath.core.errors import LimitError, ParseError
from symbolic_mlmath.text.limits import get_limits

__all__ = ["CONSTANTS", "CONSTANT_TABLE", "FUNCTIONS", "FUNCTION_TABLE", "UNDEFINED_FUNCTIONS", "to_source"]

from symbolic_mlmath.text.tokenize import Token

#: Every function a learner may call: name -> (what it builds, fewest and most arguments).
#: What it builds is a SymPy function name, or ``sigmoid`` / ``relu`` (built by ``evaluate``).
FUNCTION_TABLE: dict[str, tuple[str, int, int | None]] = {
    "sin": ("sin", 1, 1), "cos": ("cos", 1, 1), "tan": ("tan", 1, 1),
    "cot": ("cot", 1, 1), "sec": ("sec", 1, 1), "csc": ("csc", 1, 1),
    "asin": ("asin", 1, 1), "acos": ("acos", 1, 1), "atan": ("atan", 1, 1),
    "acot": ("acot", 1, 1), "arcsin": ("asin", 1, 1), "arccos": ("acos", 1, 1),
    "arctan": ("atan", 1, 1), "sinh": ("sinh", 1, 1), "cosh": ("cosh", 1, 1),
    "tanh": ("tanh", 1, 1), "asinh": ("asinh", 1, 1), "acosh": ("acosh", 1, 1),
    "atanh": ("atanh", 1, 1), "arsinh": ("asinh", 1, 1),
    "arcosh": ("acosh", 1, 1), "artanh": ("atanh", 1, 1),
    "exp": ("exp", 1, 1), "ln": ("log", 1, 1), "log": ("log", 1, 2),
    "sqrt": ("sqrt", 1, 1), "cbrt": ("cbrt", 1, 1), "abs": ("Abs", 1, 1),
    "Abs": ("Abs", 1, 1), "factorial": ("factorial", 1, 1),
    "binomial": ("binomial", 2, 2), "floor": ("floor", 1, 1),
    "ceil": ("ceiling", 1, 1), "ceiling": ("ceiling", 1, 1),
    "min": ("Min", 1, None), "max": ("Max", 1, None), "Min": ("Min", 1, None),
    "Max": ("Max", 1, None), "sigmoid": ("sigmoid", 1, 1), "relu": ("relu", 1, 1),
    "sign": ("sign", 1, 1), "sgn": ("sign", 1, 1),
}  # fmt: skip
FUNCTIONS = frozenset(FUNCTION_TABLE)
CALL_ONLY_FUNCTIONS = frozenset({"sigma"})  # a symbol unless followed by '('
NO_PAREN_FUNCTIONS = FUNCTIONS - {"binomial", "min", "max", "Min", "Max"}
#: Every constant a learner may write: name -> the SymPy constant it means.
CONSTANT_TABLE: dict[str, str] = {"e": "E", "pi": "pi", "oo": "oo", "inf": "oo", "infinity": "oo",
                                  "Infinity": "oo", "I": "I"}
CONSTANTS = frozenset(CONSTANT_TABLE)
UNDEFINED_FUNCTIONS = frozenset({"f", "g", "h", "F", "G", "H"})
FORBIDDEN_NAMES = frozenset({"nan", "NaN", "zoo"})


def _balanced(items: list[str], op: str) -> str:
    """Join with a binary operator as a balanced tree (keeps Python's AST shallow)."""
    while len(items) > 1:
        paired = [f"({items[i]} {op} {items[i + 1]})" for i in range(0, len(items) - 1, 2)]
        if len(items) % 2:
            paired.append(items[-1])
        items = paired
    return items[0]


def _number(text: str, name: str) -> str:
    mantissa, _, exponent = text.lower().partition("e")
    whole, _, frac = mantissa.partition(".")
    exp = int(exponent) if exponent else 0
    if abs(exp) > get_limits().max_literal_digits:
        raise LimitError(f"number {text} is too large", name=name)
    digits = (whole + frac).lstrip("0") or "0"
    exp -= len(frac)
    if exp >= 0:
        return digits + "0" * exp if not frac and not exponent else f"RAT({digits}{'0' * exp}, 1)"
    return f"RAT({digits}, 1{'0' * -exp})"


class _Parser:
    def __init__(self, tokens: list[Token], name: str) -> None:
        self.toks = tokens
        self.i = 0
        self.name = name
        self.depth = 0
        self.bars = 0
        self.items = 0
        self.max_depth = get_limits().max_depth

    # -- helpers
    def peek(self, offset: int = 0) -> Token | None:
        j = self.i + offset
        return self.toks[j] if j < len(self.toks) else None

    def at_op(self, *ops: str) -> bool:
        t = self.peek()
        return t is not None and t.kind == "OP" and t.text in ops

    def error(self, message: str) -> ParseError:
        return ParseError(message, name=self.name)

    def where(self, tok: Token | None) -> str:
        return "at the end" if tok is None else f"at position {tok.pos}"

    def expect(self, op: str) -> None:
        if not self.at_op(op):
            tok = self.peek()
            got = "the end" if tok is None else f"'{tok.text}'"
            raise self.error(f"expected '{op}' but found {got} {self.where(tok)}")
        self.i += 1

    def enter(self) -> None:
        self.depth += 1
        if self.depth > self.max_depth:
            raise LimitError(f"nesting deeper than {self.max_depth} levels", name=self.name)

    # -- grammar
    def top(self, allow_equations: bool) -> str:
        if not self.toks:
            raise self.error("empty input")
        items = [self.item(allow_equations)]
        while self.at_op(",", ";", "\n"):
            self.i += 1
            if self.peek() is None:
                break
            items.append(self.item(allow_equations))
        tok = self.peek()
        if tok is not None:
            if tok.text in ")]}":
                raise self.error(f"unbalanced '{tok.text}' at position {tok.pos}")
            raise self.error(f"unexpected '{tok.text}' at position {tok.pos}")
        return items[0] if len(items) == 1 else "(" + ", ".join(items) + ",)"

    def item(self, allow_equations: bool) -> str:
        lhs = self.expr()
        if self.at_op("=", "=="):
            tok = self.peek()
            if not allow_equations:
                raise self.error(f"'=' at position {tok.pos} is not allowed here")
            self.i += 1
            rhs = self.expr()
            if self.at_op("=", "=="):
                raise self.error(f"a second '=' at position {self.peek().pos}")
            return f"EQ({lhs}, {rhs})"
        return lhs

    def expr(self) -> str:
        terms = [self.signed_term()]
        while self.at_op("+", "-"):
            terms.append(self.signed_term())
        return _balanced(terms, "+")

    def signed_term(self) -> str:
        negative = False
        while self.at_op("+", "-"):
            negative ^= self.peek().text == "-"
            self.i += 1
        term = self.term()
        return f"(-{term})" if negative else term

    def starts_atom(self) -> bool:
        tok = self.peek()
        if tok is None:
            return False
        if tok.kind in ("NUM", "NAME"):
            return True
        if tok.text == "|":
            return self.bars == 0
        return tok.text in ("(", "[", "{")

    def term(self) -> str:
        factors = [self.unary()]
        while True:
            if self.at_op("*", "/"):
                op = self.peek().text
                self.i += 1
                if self.at_op("*", "/"):
                    tok = self.peek()
                    raise self.error(f"unexpected '{tok.text}' at position {tok.pos}")
                factor = self.unary()
                factors.append(f"(1/{factor})" if op == "/" else factor)
            elif self.starts_atom():
                prev, tok = self.toks[self.i - 1], self.peek()
                if prev.kind == "NUM" and tok.kind == "NUM":
                    raise self.error(
                        f"missing operator between '{prev.text}' and '{tok.text}' "
                        f"at position {tok.pos}"
                    )
                factors.append(self.unary())
            else:
                return _balanced(factors, "*")

    def unary(self) -> str:
        negative = False
        while self.at_op("+", "-"):
            negative ^= self.peek().text == "-"
            self.i += 1
        base = self.power()
        return f"(-{base})" if negative else base

    def power(self) -> str:
        base = self.postfix()
        if self.at_op("**"):
            self.i += 1
            self.enter()
            exponent = self.unary()
            self.depth -= 1
            return f"({base})**({exponent})"
        return base

    def postfix(self) -> str:
        src = self.atom()
        while self.at_op("!"):
            self.i += 1
            src = f"F_factorial({src})"
        return src

    def atom(self) -> str:
        tok = self.peek()
        if tok is None:
            raise self.error("unexpected end of input")
        self.enter()
        try:
            if tok.kind == "NUM":
                self.i += 1
                return _number(tok.text, self.name)
            if tok.kind == "NAME":
                return self.name_atom(tok)
            if tok.text == "(":
                self.i += 1
                if self.at_op(")"):
                    raise self.error(f"empty brackets at position {tok.pos}")
                inner = self.sequence(")")
                return inner
            if tok.text == "[":
                self.i += 1
                return "[" + ", ".join(self.elements("]")) + "]"
            if tok.text == "{":
                self.i += 1
                return "SET(" + ", ".join(self.elements("}")) + ")"
            if tok.text == "|":
                self.i += 1
                self.bars += 1
                inner = self.expr()
                self.bars -= 1
                if not self.at_op("|"):
                    raise self.error(f"unbalanced '|' at position {tok.pos}")
                self.i += 1
                return f"F_Abs({inner})"
            if tok.text in ")]}":
                raise self.error(f"unexpected '{tok.text}' at position {tok.pos}")
            raise self.error(f"expected a number or a name at position {tok.pos}, found "
                             f"'{tok.text}'")
        finally:
            self.depth -= 1

    def sequence(self, closer: str) -> str:
        """Inside '(': one expression (a group) or several (a tuple)."""
        saved, self.bars = self.bars, 0
        items = [self.expr()]
        trailing = False
        while self.at_op(","):
            self.i += 1
            if self.at_op(closer):
                trailing = True
                break
            items.append(self.expr())
        self.bars = saved
        self.expect(closer)
        if len(items) == 1 and not trailing:
            return f"({items[0]})"
        return "(" + ", ".join(items) + ",)"

    def elements(self, closer: str) -> list[str]:
        saved, self.bars = self.bars, 0
        items: list[str] = []
        cap = get_limits().max_matrix_entries
        while not self.at_op(closer):
            items.append(self.expr())
            self.items += 1
            if len(items) > cap or self.items > 2 * cap:
                raise LimitError(f"more than {cap} items in a list or matrix", name=self.name)
            if not self.at_op(closer):
                self.expect(",")
        self.bars = saved
        self.expect(closer)
        return items

    def args(self, fname: str) -> list[str]:
        self.expect("(")
        if self.at_op(")"):
            raise self.error(f"{fname}() needs an argument")
        saved, self.bars = self.bars, 0
        items = [self.expr()]
        while self.at_op(","):
            self.i += 1
            items.append(self.expr())
        self.bars = saved
        self.expect(")")
        return items

    def name_atom(self, tok: Token) -> str:
        word = tok.text
        self.i += 1
        nxt = self.peek()
        paren = nxt is not None and nxt.kind == "OP" and nxt.text == "("
        if word in FORBIDDEN_NAMES:
            raise self.error(f"'{word}' is not allowed (it is not a number)")
        if word in FUNCTIONS or (word in CALL_ONLY_FUNCTIONS and paren):
            fname = "sigmoid" if word == "sigma" else word
            if paren:
                return f"F_{fname}(" + ", ".join(self.args(word)) + ")"
            if self.at_op("**"):  # sin^2 x  ->  sin(x)**2
                self.i += 1
                exponent = self.postfix_exponent()
                arg = self.function_operand(word, tok)
                return f"(F_{fname}({arg}))**({exponent})"
            return f"F_{fname}({self.function_operand(word, tok)})"
        if word in UNDEFINED_FUNCTIONS and paren:
            return f"U_{word}(" + ", ".join(self.args(word)) + ")"
        if word in CONSTANTS:
            return f"C_{word}"
        return f"S_{word}"

    def postfix_exponent(self) -> str:
        negative = False
        while self.at_op("+", "-"):
            negative ^= self.peek().text == "-"
            self.i += 1
        src = self.postfix()
        return f"(-{src})" if negative else src

    def function_operand(self, word: str, tok: Token) -> str:
        if word not in NO_PAREN_FUNCTIONS:
            raise self.error(f"{word} needs brackets: {word}(...) at position {tok.pos}")
        if self.peek() is None or not (self.starts_atom() or self.at_op("-", "+")):
            raise self.error(f"{word} needs an argument at position {tok.pos}")
        self.enter()
        try:
            return self.unary()
        finally:
            self.depth -= 1


def to_source(tokens: list[Token], name: str, *, allow_equations: bool = False) -> str:
    """Python source (restricted vocabulary) for a token list; ParseError when it is malformed."""
    return _Parser(tokens, name).top(allow_equations)

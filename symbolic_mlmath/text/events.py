"""Reading events: relations joined by and / or / not, with an optional ``given`` condition.

The grammar extends the expression door, never ``eval``::

    event     := condition [("given" | "|") condition]
    condition := conj ("or" conj)*              (also "∪")
    conj      := neg ("and" neg)*               (also "∩", "&", ",")
    neg       := "not" neg | "(" condition ")" | relation | NAME
    relation  := expr relop expr [relop expr]   (relop: = == != < <= > >= ≤ ≥ ≠)

Each ``expr`` is an arithmetic expression read by the usual grammar (``X1 + X2``,
``2X - 1``); a chained relation ``1 < X <= 3`` is the two relations joined by and; a bare
name (``A``) is a named event. Results are SymPy relations (``Eq``, ``StrictGreaterThan``
...) and ``And`` / ``Or`` / ``Not``; event names are ``Symbol``s.

Examples
========
>>> parse_event("X1 + X2 = 7")
(Eq(X1 + X2, 7), None)
>>> parse_event("X > 2 and not (Y <= 1)")
((X > 2) & (Y > 1), None)
>>> parse_event("1 < X <= 3")
((X <= 3) & (X > 1), None)
>>> parse_event("A and B given C")
(A & B, C)
>>> parse_event("not (A) or (B)")
(B | ~A, None)
>>> parse_event("X > ")
Traceback (most recent call last):
...
symbolic_mlmath.core.errors.ParseError: event: expected an expression after '>'
"""

from __future__ import annotations

from typing import Any

from symbolic_mlmath.core.errors import LimitError, ParseError

__all__ = ["parse_event"]

_RELOPS = ("=", "==", "!=", "<", "<=", ">", ">=")
_WORDS = {"and", "or", "not", "given"}
_MAP = {"≤": "<=", "≥": ">=", "∩": " and ", "∪": " or ", "¬": " not ", "∣": " | ", "&": " and "}


class _Reader:
    def __init__(self, tokens: list[Any], name: str) -> None:
        self.toks = tokens
        self.i = 0
        self.name = name
        self.depth = 0

    def peek(self) -> Any:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def word(self, *words: str) -> bool:
        t = self.peek()
        return t is not None and t.kind == "NAME" and t.text.lower() in words

    def op(self, *ops: str) -> bool:
        t = self.peek()
        return t is not None and t.kind == "OP" and t.text in ops

    def fail(self, message: str) -> ParseError:
        return ParseError(message, name=self.name)

    # -------------------------------------------------------------- logic
    def condition(self) -> Any:
        from sympy import Or

        parts = [self.conj()]
        while self.word("or"):
            self.i += 1
            parts.append(self.conj())
        return parts[0] if len(parts) == 1 else Or(*parts)

    def conj(self) -> Any:
        from sympy import And

        parts = [self.neg()]
        while self.word("and") or self.op(","):
            self.i += 1
            parts.append(self.neg())
        return parts[0] if len(parts) == 1 else And(*parts)

    def neg(self) -> Any:
        from sympy import Not

        self.depth += 1
        if self.depth > 50:
            raise LimitError("event nested too deeply", name=self.name)
        try:
            if self.word("not"):
                self.i += 1
                return Not(self.neg())
            if self.op("(") and self.logical_group():
                self.i += 1
                inner = self.condition()
                if not self.op(")"):
                    raise self.fail("expected ')'")
                self.i += 1
                return inner
            return self.relation()
        finally:
            self.depth -= 1

    def logical_group(self) -> bool:
        """Does the bracket opening here hold a condition (not just arithmetic)?"""
        depth = 0
        for tok in self.toks[self.i:]:
            if tok.kind == "OP" and tok.text in "([{":
                depth += 1
            elif tok.kind == "OP" and tok.text in ")]}":
                depth -= 1
                if depth == 0:
                    return False
            elif depth == 1 and ((tok.kind == "OP" and tok.text in _RELOPS) or (
                    tok.kind == "NAME" and tok.text.lower() in _WORDS)):
                return True
        return False

    # -------------------------------------------------------------- relations
    def span(self) -> list[Any]:
        """Tokens of one arithmetic expression: up to a relation, a logic word or ')'."""
        out: list[Any] = []
        depth = 0
        while True:
            t = self.peek()
            if t is None:
                break
            if t.kind == "OP" and t.text in "([{":
                depth += 1
            elif t.kind == "OP" and t.text in ")]}":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and ((t.kind == "OP" and t.text in (*_RELOPS, "|", ",")) or (
                    t.kind == "NAME" and t.text.lower() in _WORDS)):
                break
            out.append(t)
            self.i += 1
        return out

    def expr(self, tokens: list[Any], after: str | None) -> Any:
        from symbolic_mlmath.text.evaluate import evaluate_source
        from symbolic_mlmath.text.syntax import to_source

        if not tokens:
            where = f"after '{after}'" if after else "at the start"
            raise self.fail(f"expected an expression {where}")
        value = evaluate_source(to_source(tokens, self.name), self.name)
        import sympy

        if not isinstance(value, sympy.Expr):
            raise self.fail("expected a number or an expression in an event")
        return value

    def relation(self) -> Any:
        from sympy import And, Eq, Ge, Gt, Le, Lt, Ne, Symbol

        make = {"=": Eq, "==": Eq, "!=": Ne, "<": Lt, "<=": Le, ">": Gt, ">=": Ge}
        start = self.peek()
        left_tokens = self.span()
        if not self.op(*_RELOPS):
            inner = left_tokens
            while len(inner) >= 3 and inner[0].kind == "OP" and inner[0].text == "(" \
                    and inner[-1].kind == "OP" and inner[-1].text == ")":
                inner = inner[1:-1]  # (A) is the named event A
            if len(inner) == 1 and inner[0].kind == "NAME":
                return Symbol(inner[0].text)  # a named event
            if not left_tokens:
                got = "the end" if start is None else f"'{start.text}'"
                raise self.fail(f"expected an event, found {got}")
            raise self.fail("an event needs a relation such as X = 3 or X > 2, or an event name")
        left = self.expr(left_tokens, None)
        parts = []
        while self.op(*_RELOPS):
            rel = self.peek().text
            self.i += 1
            right = self.expr(self.span(), rel)
            r = make[rel](left, right, evaluate=False) if rel in ("=", "==") else \
                make[rel](left, right)
            if getattr(r, "lhs", None) is not None and r.lhs.is_number and not r.rhs.is_number:
                r = r.reversed  # the variable on the left: 1 < X is X > 1
            parts.append(r)
            left = right
        if len(parts) > 2:
            raise self.fail("at most two relations in a chain (a < X <= b)")
        return parts[0] if len(parts) == 1 else And(*parts)


def parse_event(text: Any, *, name: str = "event") -> tuple[Any, Any]:
    """``(event, condition or None)`` from learner text (see the module docstring)."""
    from symbolic_mlmath.text.limits import get_limits
    from symbolic_mlmath.text.tokenize import normalise, tokenize

    if not isinstance(text, str):
        raise ParseError(f"expected an event as text, got {type(text).__name__}", name=name)
    if len(text) > get_limits().max_input_length:
        raise LimitError(f"input too long ({len(text)} characters)", name=name)
    for k, v in _MAP.items():
        text = text.replace(k, v)
    tokens = tokenize(normalise(text, name), name, relations=True)
    if not tokens:
        raise ParseError("empty event", name=name)
    bars = [k for k, t in enumerate(tokens) if t.kind == "OP" and t.text == "|"]
    givens = [k for k, t in enumerate(tokens) if t.kind == "NAME" and t.text.lower() == "given"]
    cuts = givens or (bars if len(bars) == 1 else [])
    if len(cuts) > 1:
        raise ParseError("at most one 'given'", name=name)
    if cuts:
        k = cuts[0]
        event = _whole(tokens[:k], name)
        condition = _whole(tokens[k + 1:], name)
        return event, condition
    return _whole(tokens, name), None


def _whole(tokens: list[Any], name: str) -> Any:
    r = _Reader(tokens, name)
    if not tokens:
        raise ParseError("expected an event before and after 'given'", name=name)
    value = r.condition()
    t = r.peek()
    if t is not None:
        raise ParseError(f"unexpected '{t.text}' at position {t.pos}", name=name)
    return value

"""The expression grammar: a hand-written recursive-descent parser, no ``eval``.

    statement  := conjunction ("or" conjunction)*
    conjunction:= part ("and" part)*
    part       := "(" statement ")" | comparison
    comparison := amount OP amount          OP: < <= > >= == != ≈ (also ~= ≤ ≥ ≠), rounds to
    amount     := sum ("in" CUR ("at" YYYY-MM-DD)?)*
    sum        := product (("+" | "-") product)*
    product    := unary (("*" | "/") unary)*
    unary      := "-" unary | primary
    primary    := "(" amount ")" | "stated" "(" (NAME | QUANTITY) ")"
                | FUNCTION "(" amount ("," amount)* ")" | NAME | QUANTITY

From loosest to tightest: ``or``, ``and``, the comparisons, ``in``, ``+ -``, ``* /``,
unary minus. FUNCTION is one of abs, max, min, sum; CUR an ISO 4217 code (``KRW``).
QUANTITY is anything the quantity grammar reads (``1600억 위안``, ``RMB 100 billion``,
``50%``); NAME a dotted fact name. Lexing depends on the position: where an operand
is expected a known fact name wins, then the longest quantity, then an (unknown)
name, so ``USD 3.5 million`` is a quantity while ``usd_total`` is a fact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, KeysView
from typing import TypeVar

from factcheck import limits
from factcheck.errors import ExpressionError, FactcheckError, LimitError
from factcheck.expr.nodes import (
    FUNCTIONS,
    ROUNDS_TO,
    Call,
    Chain,
    Comparison,
    Convert,
    Literal,
    Logic,
    Name,
    Negate,
    Node,
    Stated,
    Statement,
)
from factcheck.quantity import units
from factcheck.quantity.grammar import match_quantity

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_SPACE = re.compile(r"\s*")
# Longest spellings first so that "<=" is not read as "<".
_COMPARISON_SPELLINGS = (
    ("<=", "<="),
    (">=", ">="),
    ("==", "=="),
    ("!=", "!="),
    ("~=", "≈"),
    ("≤", "<="),
    ("≥", ">="),
    ("≠", "!="),
    ("≈", "≈"),
    ("<", "<"),
    (">", ">"),
)
# Typographic signs people paste from articles mean the ASCII operators.
_ARITHMETIC = {"+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "/": "/", "÷": "/"}
_ALLOWED = ", ".join(f"{f}()" for f in (*FUNCTIONS, "stated"))
_ROUNDS_TO = re.compile(r"rounds\s+to\b")
_LOGIC = re.compile(r"(and|or)\b")
# " in KRW" ends a quantity: the quantity grammar would read "in" as inches.
_IN_KEYWORD = re.compile(r"\s+in\s+[A-Z]{3}\b")
_IN = re.compile(r"in\b\s*")
_CURRENCY = re.compile(r"[A-Za-z]{3}\b")
_AT = re.compile(r"\s*at\b\s*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\b")


def parse_comparison(text: str, names: Collection[str] = ()) -> Comparison:
    """Parse a claim expression with exactly one top-level comparison.

    ``names`` are the known fact names; they decide whether text such as ``RMB``
    is a fact or the start of a quantity.
    """
    parser = _Parser(text, names)
    return parser.comparison()


def parse_statement(text: str, names: Collection[str] = ()) -> Statement:
    """Parse a claim expression: comparisons joined by ``and``/``or``, or just one."""
    parser = _Parser(text, names)
    return parser.statement()


def parse_expression(text: str, names: Collection[str] = ()) -> Node:
    """Parse an expression without a comparison (an amount)."""
    parser = _Parser(text, names)
    return parser.whole_expression()


def column_error(message: str, text: str, start: int, hint: str = "") -> ExpressionError:
    """An ExpressionError at 1-based column ``start + 1`` of ``text``."""
    err = ExpressionError(f"{message} at column {start + 1} of {_clip(text)!r}", hint=hint)
    err.column = start + 1
    return err


def _clip(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class _Parser:
    def __init__(self, text: str, names: Collection[str]) -> None:
        if not isinstance(text, str):
            raise ExpressionError(
                f"the expression must be text, not {type(text).__name__}",
                hint="write it as a string, e.g. expr: a + b > 100억 위안",
            )
        if len(text) > limits.MAX_EXPR_CHARS:
            err = LimitError(
                f"the expression is {len(text):,} characters long, over the limit of "
                f"{limits.MAX_EXPR_CHARS:,} (MAX_EXPR_CHARS)",
                hint="split the claim or move parts of it into facts",
            )
            err.column = limits.MAX_EXPR_CHARS + 1
            raise err
        self.text = text
        # Sets and dict views answer ``in`` as they are: a claim's parser must not copy
        # every fact name of an archive (hundreds) just to look up a few.
        self.names = names if isinstance(names, (set, frozenset, KeysView)) else frozenset(names)
        self.pos = 0
        self.depth = 0
        self.nested = 0  # inside a statement: and/or/")" may follow a comparison

    # -- helpers ------------------------------------------------------------
    def fail(self, message: str, start: int | None = None, hint: str = "") -> ExpressionError:
        return column_error(message, self.text, self.pos if start is None else start, hint)

    def skip(self) -> None:
        text, pos = self.text, self.pos
        # Most calls stand on a non-space already (a parse asks two dozen times).
        if pos < len(text) and text[pos].isspace():
            pos += 1
            while pos < len(text) and text[pos].isspace():
                pos += 1
            self.pos = pos

    def at_end(self) -> bool:
        self.skip()
        return self.pos >= len(self.text)

    def found(self, start: int | None = None) -> str:
        """The offending text at ``start``: a word or a run of non-space characters."""
        start = self.pos if start is None else start
        if start >= len(self.text):
            return "the end of the expression"
        m = _IDENT.match(self.text, start)
        if m:
            return repr(m.group())
        chunk = re.match(r"\S{1,20}", self.text[start:])
        return repr(chunk.group() if chunk else self.text[start])

    def comparison_here(self) -> tuple[str, int] | None:
        for spelling, op in _COMPARISON_SPELLINGS:
            if self.text.startswith(spelling, self.pos):
                return op, len(spelling)
        m = _ROUNDS_TO.match(self.text, self.pos)
        if m:
            return ROUNDS_TO, m.end() - self.pos
        return None

    def logic_here(self) -> str | None:
        m = _LOGIC.match(self.text, self.pos)
        return m.group(1) if m else None

    # -- grammar ------------------------------------------------------------
    def comparison(self) -> Comparison:
        if self.at_end():
            raise self.fail(
                "the expression is empty", hint="write a comparison such as a + b > 1600억 위안"
            )
        left = self.amount()
        self.skip()
        found = self.comparison_here()
        if found is None:
            if self.pos >= len(self.text):
                raise self.fail(
                    "the expression has no comparison",
                    hint="a compare claim needs one of < <= > >= == != ≈, e.g. a + b > 1600억 위안",
                )
            raise self.unexpected()
        op, length = found
        op_start = self.pos
        self.pos += length
        if self.at_end():
            raise self.fail(f"nothing after the comparison {op!r}", hint="write the other side")
        right = self.amount()
        self.skip()
        if self.pos < len(self.text) and self.comparison_here() is not None:
            raise self.fail(
                f"a second comparison {self.found()}",
                hint="join comparisons with 'and' or 'or' (a > b and b > c), "
                "not as a chain",
            )
        if not self.nested and self.pos < len(self.text):
            raise self.unexpected()
        return Comparison(left, op, right, left.start, right.end, op_start)

    def statement(self) -> Statement:
        """Comparisons joined by ``or`` (loosest), each side ``and``s of parts."""
        if self.at_end():
            raise self.fail(
                "the expression is empty", hint="write a comparison such as a + b > 1600억 위안"
            )
        self.nested += 1
        tree = self.joined("or")
        self.nested -= 1
        if not self.at_end():
            raise self.unexpected()
        return tree

    def joined(self, op: str) -> Statement:
        part = self.part if op == "and" else (lambda: self.joined("and"))
        parts = [part()]
        while True:
            self.skip()
            if self.logic_here() != op:
                break
            self.pos += len(op)
            if self.at_end():
                raise self.fail(f"nothing after {op!r}", hint="write another comparison")
            parts.append(part())
        if len(parts) == 1:
            return parts[0]
        return Logic(op, tuple(parts), parts[0].start, parts[-1].end)

    def part(self) -> Statement:
        """A parenthesised statement, or else one comparison (parentheses may also
        group an amount, as in ``(a + b) * 2 > c``: the parser tries both)."""
        self.skip()
        start = self.pos
        if self.text.startswith("(", start):
            depth = self.depth
            try:
                self.enter(start)
                self.pos += 1
                inner = self.joined("or")
                self.close(start, "(")
                self.depth -= 1
                self.skip()
                if self.pos >= len(self.text) or self.logic_here() or self.text.startswith(
                    ")", self.pos
                ):
                    return _respan(inner, start, self.pos)
            except LimitError:
                raise
            except ExpressionError:
                pass
            self.pos, self.depth = start, depth
        return self.comparison()

    def whole_expression(self) -> Node:
        if self.at_end():
            raise self.fail("the expression is empty", hint="write an amount such as a + b")
        node = self.amount()
        if not self.at_end():
            if self.comparison_here() is not None:
                raise self.fail(
                    f"a comparison {self.found()} where an amount was expected",
                    hint="this field takes an amount, not a comparison",
                )
            raise self.unexpected()
        return node

    def amount(self) -> Node:
        """A sum, converted by ``in CUR [at DATE]`` as often as written."""
        node = self.sum()
        while True:
            self.skip()
            m = _IN.match(self.text, self.pos)
            if m is None:
                return node
            self.pos = m.end()
            code = _CURRENCY.match(self.text, self.pos)
            if code is None or not units.is_currency_code(code.group().upper()) \
                    or code.group() != code.group().upper():
                raise self.fail(
                    f"{self.found()} after 'in' is not a currency code",
                    hint="write an ISO 4217 code in capitals, as in a + b in KRW",
                )
            currency_start, self.pos = self.pos, code.end()
            day = None
            at = _AT.match(self.text, self.pos)
            if at is not None:
                self.pos = at.end()
                day = self.day()
            node = Convert(node, code.group(), day, node.start, self.pos, currency_start)

    def day(self) -> dt.date:
        m = _DATE.match(self.text, self.pos)
        if m is None:
            raise self.fail(f"{self.found()} after 'at' is not a date",
                            hint="write the day as YYYY-MM-DD, as in a in KRW at 2017-11-23")
        try:
            day = dt.date.fromisoformat(m.group())
        except ValueError:
            raise self.fail(f"{m.group()!r} after 'at' is not a day of the calendar",
                            hint="write an existing day as YYYY-MM-DD") from None
        self.pos = m.end()
        return day

    def sum(self) -> Node:
        first = self.product()
        rest: list[tuple[str, Node]] = []
        while True:
            op = self.operator(("+", "-"))
            if op is None:
                break
            rest.append((op, self.product()))
        if not rest:
            return first
        return Chain(first, tuple(rest), first.start, rest[-1][1].end)

    def product(self) -> Node:
        first = self.unary()
        rest: list[tuple[str, Node]] = []
        while True:
            op = self.operator(("*", "/"))
            if op is None:
                break
            rest.append((op, self.unary()))
        if not rest:
            return first
        return Chain(first, tuple(rest), first.start, rest[-1][1].end)

    def operator(self, wanted: tuple[str, ...]) -> str | None:
        """Consume an arithmetic operator of ``wanted`` or return None; refuse ** and ^."""
        self.skip()
        text, pos = self.text, self.pos
        if text.startswith("**", pos) or text.startswith("^", pos):
            raise self.fail(
                f"exponentiation {self.found()} is not supported",
                hint="write the product out, or put the computed value in a fact",
            )
        char = text[pos : pos + 1]
        op = _ARITHMETIC.get(char)
        if op is not None and op in wanted:
            self.pos += 1
            return op
        return None

    def enter(self, start: int) -> None:
        self.depth += 1
        if self.depth > limits.MAX_EXPR_DEPTH:
            err = LimitError(
                f"the expression nests deeper than {limits.MAX_EXPR_DEPTH} levels "
                f"(MAX_EXPR_DEPTH) at column {start + 1}",
                hint="flatten the expression or move parts of it into facts",
            )
            err.column = start + 1
            raise err

    def unary(self) -> Node:
        self.skip()
        start = self.pos
        if _ARITHMETIC.get(self.text[start : start + 1]) == "-":
            self.enter(start)
            self.pos += 1
            operand = self.unary()
            self.depth -= 1
            return Negate(operand, start, operand.end)
        node = self.primary()
        self.skip()
        if self.text.startswith(".", self.pos):
            raise self.fail(
                f"attribute access {self.found()} is not allowed",
                hint="fact names are written whole, like shanghai.core_2020",
            )
        if self.text.startswith("(", self.pos):
            raise self.fail(
                "only the functions " + _ALLOWED + " can be called",
                hint="write an operator between an amount and a parenthesis",
            )
        return node

    def primary(self) -> Node:
        # Called by unary() only, which has just skipped the spaces.
        text, start = self.text, self.pos
        if start >= len(text):
            raise self.fail(
                "the expression ends where an amount was expected",
                hint="complete the expression with a fact name or a quantity",
            )
        char = text[start]
        if char == "(":
            self.enter(start)
            self.pos += 1
            if self.at_end():
                raise self.fail("unclosed '('", start, hint="add the missing ')'")
            inner = self.amount()
            self.close(start, "(")
            self.depth -= 1
            # Parentheses leave no node; the span grows to cover them for messages.
            return _respan(inner, start, self.pos)
        ident = _IDENT.match(text, start)
        if ident:
            return self.word(ident.group(), start)
        literal = self.literal(start)
        if literal is not None:
            return literal
        raise self.cannot_read(start)

    def word(self, word: str, start: int) -> Node:
        """An identifier where an operand is expected: call, fact name or quantity."""
        end = start + len(word)
        after = _SPACE.match(self.text, end)
        assert after is not None
        if self.text.startswith("(", after.end()):
            if word == "stated":
                return self.stated(start, after.end())
            if word not in FUNCTIONS:
                raise self.fail(
                    f"unknown function {word!r}; the allowed functions are {_ALLOWED}",
                    start,
                    hint="no other calls are possible in a claim expression",
                )
            return self.call(word, start, after.end())
        for offset, segment in _segments(word) if "__" in word else ():
            if segment.startswith("__"):
                raise self.fail(
                    f"the name {segment!r} is not allowed (names may not start with '__')",
                    start + offset,
                    hint="fact names are letters, digits and '_', like shanghai.core_2020; "
                    f"the only functions are {_ALLOWED}",
                )
        if word in self.names:
            self.pos = end
            return Name(word, start, end)
        literal = self.literal(start)
        if literal is not None:
            return literal
        self.pos = end
        return Name(word, start, end)

    def call(self, function: str, start: int, paren: int) -> Node:
        self.enter(start)
        self.pos = paren + 1
        args: list[Node] = []
        if self.at_end():
            raise self.fail(f"unclosed '(' of {function}()", paren, hint="add the missing ')'")
        if self.text.startswith(")", self.pos):
            raise self.fail(
                f"{function}() needs at least one argument", start, hint=f"write {function}(a, b)"
            )
        while True:
            args.append(self.amount())
            self.skip()
            if self.text.startswith(",", self.pos):
                self.pos += 1
                continue
            break
        self.close(paren, f"{function}(")
        self.depth -= 1
        if function == "abs" and len(args) != 1:
            raise self.fail(
                f"abs() takes exactly one argument, not {len(args)}", start, hint="write abs(a - b)"
            )
        return Call(function, tuple(args), start, self.pos)

    def stated(self, start: int, paren: int) -> Node:
        self.enter(start)
        self.pos = paren + 1
        self.skip()
        inner_start = self.pos
        empty = self.at_end() or self.text.startswith(")", self.pos)
        operand = None if empty else self.amount()
        if not isinstance(operand, (Name, Literal)):
            raise self.fail(
                "stated() takes one fact name or one written quantity",
                inner_start,
                hint="write stated(beijing.related_2020) or stated(超过5000亿元)",
            )
        self.close(paren, "stated(")
        self.depth -= 1
        return Stated(operand, start, self.pos)

    def close(self, opened: int, what: str) -> None:
        self.skip()
        if self.text.startswith(")", self.pos):
            self.pos += 1
            return
        if self.pos >= len(self.text):
            raise self.fail(f"unclosed {what!r}", opened, hint="add the missing ')'")
        if self.comparison_here() is not None:
            raise self.fail(
                f"a comparison {self.found()} inside parentheses or a function call",
                hint="write exactly one comparison, at the top level",
            )
        raise self.unexpected(f"expected ')' or an operator to close {what!r}")

    def literal(self, start: int) -> Literal | None:
        text = self.text
        keyword = _IN_KEYWORD.search(text, start)
        if keyword is not None:
            text = text[: keyword.start()]
        try:
            matched = match_quantity(text, start)
        except FactcheckError as exc:
            exc.message = f"{exc.message} (at column {start + 1} of the expression)"
            exc.column = start + 1
            raise
        if matched is None:
            return None
        quantity, end = matched
        if end <= start:
            return None
        # The quantity grammar may take trailing spaces; spans end at the last character.
        while end > start and self.text[end - 1].isspace():
            end -= 1
        self.pos = end
        return Literal(quantity, start, end)

    def cannot_read(self, start: int) -> ExpressionError:
        char = self.text[start]
        if char in "'\"`":
            return self.fail(
                f"strings such as {self.found(start)} are not allowed",
                start,
                hint="write fact names and quantities without quotes",
            )
        if _ARITHMETIC.get(char) is not None or self.comparison_here() is not None:
            return self.fail(
                f"an operator {self.found(start)} where an amount was expected",
                start,
                hint="write a fact name or a quantity on each side of an operator",
            )
        if char == ")":
            return self.fail("unmatched ')'", start, hint="remove it or add the matching '('")
        return self.fail(
            f"cannot read {self.found(start)} as a quantity or a fact name",
            start,
            hint="write a fact name (like shanghai.core_2020) or a quantity "
            "(like 1600억 위안, RMB 100 billion, 50%)",
        )

    def unexpected(self, what: str = "expected an operator") -> ExpressionError:
        char = self.text[self.pos]
        if char == "=":
            return self.fail("a single '=' is not an operator", hint="write '==' to compare")
        if char == ")":
            return self.fail("unmatched ')'", hint="remove it or add the matching '('")
        if self.logic_here() and not self.nested:
            return self.fail(
                f"{self.found()} joins comparisons, but this field takes one",
                hint="write a single comparison here",
            )
        if char == ",":
            return self.fail(
                "a ',' outside a function call", hint=f"commas separate arguments of {_ALLOWED}"
            )
        return self.fail(
            f"{what} (+ - * /, in, a comparison, and, or), found {self.found()}",
            hint="write an operator between two amounts",
        )


_Spanned = TypeVar("_Spanned", Node, Statement)


def _segments(word: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for segment in word.split("."):
        out.append((offset, segment))
        offset += len(segment) + 1
    return out


def _respan(node: _Spanned, start: int, end: int) -> _Spanned:
    from dataclasses import replace

    return replace(node, start=start, end=end)

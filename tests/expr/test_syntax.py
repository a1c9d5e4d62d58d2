"""The expression grammar: what it reads, and a table of what it refuses and where."""

from __future__ import annotations

import pytest

from factcheck import limits
from factcheck.errors import ExpressionError, FactcheckError, LimitError
from factcheck.expr.nodes import Call, Chain, Comparison, Literal, Name, Negate, names
from factcheck.expr.syntax import parse_comparison, parse_expression

NAMES = {"a", "b", "c", "shanghai.core_2020", "x.y"}

# (expression, exact fragment of the message, 1-based column)
BAD = [
    ("", "the expression is empty", 1),
    ("   ", "the expression is empty", 4),
    ("a + b", "the expression has no comparison", 6),
    ("a >", "nothing after the comparison '>'", 4),
    ("> a", "an operator '>' where an amount was expected", 1),
    ("a > b > c", "a second comparison '>'", 7),
    ("a == b != c", "a second comparison '!='", 8),
    ("(a > b)", "a comparison '>' inside parentheses or a function call", 4),
    ("sum(a > b) > c", "a comparison '>' inside parentheses or a function call", 7),
    ("a ** 2 > b", "exponentiation '**' is not supported", 3),
    ("a ^ 2 > b", "exponentiation '^' is not supported", 3),
    ("a = b", "a single '=' is not an operator", 3),
    (
        "open(a) > b",
        "unknown function 'open'; the allowed functions are abs(), max(), min(), sum(), stated()",
        1,
    ),
    ("__import__(a) > b", "unknown function '__import__'; the allowed functions are", 1),
    ("eval (a) > b", "unknown function 'eval'", 1),
    ("x.__class__ > b", "the name '__class__' is not allowed", 3),
    ("__builtins__ > b", "the name '__builtins__' is not allowed", 1),
    ("sum(a).real > b", "attribute access '.real' is not allowed", 7),
    ("(a).b > c", "attribute access '.b' is not allowed", 4),
    ("a(b) > c", "unknown function 'a'", 1),
    ("(a)(b) > c", "only the functions abs(), max(), min(), sum(), stated() can be called", 4),
    ("sum(a)(b) > c", "only the functions abs(), max(), min(), sum(), stated() can be called", 7),
    ("'os' > a", "strings such as \"'os'\" are not allowed", 1),
    ('"x" > a', "strings such as '\"x\"' are not allowed", 1),
    ("a > (b", "unclosed '('", 5),
    ("a > sum(b", "unclosed 'sum('", 8),
    ("a > sum()", "sum() needs at least one argument", 5),
    ("abs(a, b) > c", "abs() takes exactly one argument, not 2", 1),
    ("a > b)", "unmatched ')'", 6),
    ("a, b > c", "a ',' outside a function call", 2),
    ("a b > c", "expected an operator (+ - * /, in, a comparison, and, or), found 'b'", 3),
    ("a > b;", "found ';'", 6),
    ("a + > b", "an operator '>' where an amount was expected", 5),
    ("a > @b", "cannot read '@b' as a quantity or a fact name", 5),
    ("a > $", "cannot read '$' as a quantity or a fact name", 5),
    ("a > b +", "the expression ends where an amount was expected", 8),
    ("a. > b", "attribute access '.' is not allowed", 2),
]


@pytest.mark.parametrize(("text", "fragment", "column"), BAD, ids=[b[0] or "<empty>" for b in BAD])
def test_refused(text, fragment, column):
    with pytest.raises(ExpressionError) as info:
        parse_comparison(text, NAMES)
    message = str(info.value)
    assert fragment in message
    assert f"at column {column} " in message
    assert info.value.column == column


def test_error_quotes_the_expression():
    with pytest.raises(ExpressionError, match=r"of 'a \*\* 2 > b'"):
        parse_comparison("a ** 2 > b", NAMES)


def test_error_gives_a_hint():
    with pytest.raises(ExpressionError) as info:
        parse_comparison("a ^ 2 > b", NAMES)
    assert info.value.hint == "write the product out, or put the computed value in a fact"


def test_too_long():
    text = "a + " * (limits.MAX_EXPR_CHARS // 4) + "a > b"
    with pytest.raises(LimitError, match="over the limit of 2,000 \\(MAX_EXPR_CHARS\\)"):
        parse_comparison(text, NAMES)


def test_longest_allowed_parses_flat():
    body = "a + " * ((limits.MAX_EXPR_CHARS - 5) // 4)
    text = body + "a > b"
    assert len(text) <= limits.MAX_EXPR_CHARS
    tree = parse_comparison(text, NAMES)
    assert isinstance(tree.left, Chain) and len(tree.left.rest) > 400


@pytest.mark.parametrize("opener", ["(", "-", "sum(", "abs(-"])
def test_too_deep(opener):
    closer = {"(": ")", "-": "", "sum(": ")", "abs(-": ")"}[opener]
    text = opener * 60 + "a" + closer * 60 + " > b"
    with pytest.raises(LimitError, match="nests deeper than 50 levels \\(MAX_EXPR_DEPTH\\)"):
        parse_comparison(text, NAMES)


def test_depth_at_limit_is_fine():
    text = "(" * limits.MAX_EXPR_DEPTH + "a" + ")" * limits.MAX_EXPR_DEPTH + " > b"
    assert isinstance(parse_comparison(text, NAMES), Comparison)


def test_not_text():
    with pytest.raises(ExpressionError, match="must be text, not int"):
        parse_comparison(5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("spelling", "op"),
    [
        ("<", "<"),
        ("<=", "<="),
        ("≤", "<="),
        (">", ">"),
        (">=", ">="),
        ("≥", ">="),
        ("==", "=="),
        ("!=", "!="),
        ("≠", "!="),
        ("≈", "≈"),
        ("~=", "≈"),
    ],
)
def test_comparison_spellings(spelling, op):
    tree = parse_comparison(f"a {spelling} b", NAMES)
    assert tree.op == op
    assert tree.op_start == 2


def test_precedence_and_structure():
    tree = parse_comparison("a + b * c - -a >= sum(a, b) / max(c)", NAMES)
    assert isinstance(tree.left, Chain)
    assert [op for op, _ in tree.left.rest] == ["+", "-"]
    product = tree.left.rest[0][1]
    assert isinstance(product, Chain) and product.rest[0][0] == "*"
    assert isinstance(tree.left.rest[1][1], Negate)
    right = tree.right
    assert isinstance(right, Chain) and right.rest[0][0] == "/"
    assert isinstance(right.first, Call) and right.first.function == "sum"
    assert names(tree) == ["a", "b", "c"]


def test_parentheses_group_and_span():
    text = "(a + b) * c > a"
    tree = parse_comparison(text, NAMES)
    group = tree.left.first
    assert isinstance(group, Chain) and text[group.start : group.end] == "(a + b)"


def test_dotted_names_and_columns():
    tree = parse_comparison("  shanghai.core_2020 > x.y", NAMES)
    assert tree.left == Name("shanghai.core_2020", 2, 20)
    assert tree.right == Name("x.y", 23, 26)


def test_unknown_names_still_parse():
    # Unknown names are the evaluator's business: it knows the facts and suggests one.
    tree = parse_comparison("nobody > somebody.else")
    assert names(tree) == ["nobody", "somebody.else"]


def test_parse_expression_refuses_comparison():
    with pytest.raises(ExpressionError, match="a comparison '<' where an amount was expected"):
        parse_expression("a < b", NAMES)
    assert isinstance(parse_expression("a - b", NAMES), Chain)


def test_errors_are_factcheck_errors():
    assert issubclass(ExpressionError, FactcheckError) and issubclass(ExpressionError, ValueError)


# -- written quantities ----------------------------------------------------------
def test_literal_spans_exclude_trailing_space():
    text = "a + 1600억 위안  > 超过1500亿元"
    tree = parse_comparison(text, NAMES)
    literal = tree.left.rest[0][1]
    assert isinstance(literal, Literal)
    assert text[literal.start : literal.end] == "1600억 위안"
    assert isinstance(tree.right, Literal) and tree.right.quantity.qualifier == "more_than"


def test_words_that_start_a_quantity_are_quantities():
    tree = parse_comparison("a > RMB 100 billion", NAMES)
    assert isinstance(tree.right, Literal)
    assert tree.right.quantity.unit_name == "CNY"


def test_a_known_fact_name_wins_over_a_quantity():
    tree = parse_comparison("RMB > a", NAMES | {"RMB"})
    assert tree.left == Name("RMB", 0, 3)


def test_one_half_is_a_division_of_two_numbers():
    tree = parse_comparison("a == 1T yuan * 1/2", NAMES)
    assert isinstance(tree.right, Chain)
    assert [op for op, _ in tree.right.rest] == ["*", "/"]


def test_bad_number_is_located():
    with pytest.raises(FactcheckError) as info:
        parse_comparison("a > 1e999999 위안", NAMES)
    assert info.value.column == 5
    assert "'1e999999'" in str(info.value)

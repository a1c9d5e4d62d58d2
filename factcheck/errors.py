"""The one exception tree of factcheck: every error we raise is a FactcheckError.

Each class also inherits the builtin it resembles (as pint does), so callers that
catch ``ValueError`` keep working. Messages are built in ``__str__`` from structured
fields, and carry a location (``file:line:col``) once the boundary that knows it
adds one with :meth:`FactcheckError.at`.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.formats.escape import terminal


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is: a file and a 1-based line and column (0 when unknown)."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        # A file name is shown exactly: a newline in one as \n, not as a space.
        name = terminal(self.file.translate(_WHITE_ESCAPES))
        if self.line <= 0:
            return name
        return f"{name}:{self.line}:{max(self.col, 1)}"


_WHITE_ESCAPES = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


class FactcheckError(Exception):
    """Base of every error factcheck raises on purpose.

    ``message`` says what is wrong (quoting the offending value), ``hint`` says what
    to do, ``code`` is a stable dotted name used in every report format.
    """

    code = "factcheck.error"
    # 1-based column within a claim expression, set by factcheck.expr when known.
    column: int | None = None

    def __init__(
        self,
        message: str,
        *,
        hint: str = "",
        location: Location | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.location = location
        if code is not None:
            self.code = code

    def at(self, location: Location | None) -> FactcheckError:
        """Return this error with a location, unless it already has one."""
        if self.location is None and location is not None:
            self.location = location
        return self

    def describe(self) -> str:
        """The message and the hint, without the location."""
        if self.hint:
            return f"{self.message}; {self.hint}"
        return self.message

    def __str__(self) -> str:
        if self.location is not None:
            return f"{self.location}: {self.describe()}"
        return self.describe()


class QuantityError(FactcheckError, ValueError):
    """A written quantity that the grammar cannot read."""

    code = "quantity.syntax"


class DateError(QuantityError):
    """A written date that cannot be read, or names a day that does not exist."""

    code = "date.invalid"


class UnitError(FactcheckError, TypeError):
    """Units that do not agree (adding CNY to KRW) or an unknown unit."""

    code = "quantity.unit"


class ArithmeticDomainError(FactcheckError, ArithmeticError):
    """Arithmetic that has no answer, such as division by exactly zero."""

    code = "quantity.arithmetic"


class ExpressionError(FactcheckError, ValueError):
    """A claim expression that the expression grammar rejects."""

    code = "expr.syntax"


class ClaimFileError(FactcheckError, ValueError):
    """A claim file that cannot be loaded or is not a valid claim file."""

    code = "claims.invalid"


class RateError(FactcheckError, LookupError):
    """No reference exchange rate for a currency pair and date."""

    code = "rates.missing"


class LimitError(FactcheckError, ValueError):
    """Input beyond a documented safety limit (size, depth, number of digits)."""

    code = "input.limit"


class InputErrors(FactcheckError):
    """Several problems collected in one run, reported together."""

    code = "input.invalid"

    def __init__(self, problems: list[FactcheckError]) -> None:
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the input")

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

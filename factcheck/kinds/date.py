"""The ``date`` kind: does a written date (지난 14일) name the day a source gives?

The stated text is resolved against the article's publication date into a span of
days (``지난 7월`` is all of July); the expected date is a day, a month, a range
or a source's publication date. The claim holds when every expected day lies in
the stated span, is contradicted when none does, and is undetermined when only
some do (the source is vaguer than the article: stated 10-18, expected 2017-10).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.claims.fields import NO, REQUIRED, claim_spec, day, optional, text
from factcheck.dates.relative import parse_iso_span, resolve_date
from factcheck.dates.span import day_span
from factcheck.errors import ClaimFileError, DateError
from factcheck.kinds import lazy_model
from factcheck.kinds.base import Context, Outcome, Reading, Verdict, source_ref

if TYPE_CHECKING:
    from factcheck.dates.span import DateSpan
    from factcheck.kinds.models.date import Claim

KIND = "date"
ERROR_FIELD = "stated"  # where an error that names no field points
MISSING_EXPECTED = ("expected: is missing; write the date the facts give (2017-11-14, "
                    "2017-07, a range or a source id), or mark the claim 'status: todo' "
                    "until someone does")


def possible_date(value: str | None) -> str | None:
    """``expected`` as the model checks it: an impossible written date (2017-13-45) is a
    problem of the file, reported when loading at the field, not only when evaluating."""
    if value is None or day(value) is not NO:
        return value  # nothing written, or a day that exists (the usual case, read quickly)
    try:
        parse_iso_span(value)
    except DateError as err:
        raise ValueError(err.describe()) from None
    return value


def _expected_unless_todo(values: dict[str, Any]) -> bool:
    return values["expected"] is not None or values["status"] == "todo"


# The model's rules (factcheck.kinds.models.date) for reading valid claims without it.
FIELDS = claim_spec(KIND, {
    "stated": (text(1, 100), REQUIRED),
    "expected": (optional(text(1, 200, check=possible_date)), None),
}, _expected_unless_todo)
__getattr__ = lazy_model(KIND)


def evaluate(claim: Claim, context: Context) -> Outcome:
    published = context.published
    stated = resolve_date(claim.stated, published, context.article.language)
    if claim.expected is None:  # the model requires it unless the claim is todo
        raise ClaimFileError("the date claim has no expected date", code="claims.schema",
                             hint="write expected: (2017-11-14, 2017-07, a source id)")
    expected, source = _expected(claim.expected, context)

    verdict: Verdict
    if stated.contains(expected):
        verdict, why = "holds", _agreement(stated, expected)
    elif not stated.overlaps(expected):
        gap = stated.gap_days(expected)
        verdict, why = "contradicted", f"they are {gap} day{'s' * (gap != 1)} apart"
    else:
        verdict = "undetermined"
        why = "only part of the expected dates lies within the stated one"
        why += ", so the data cannot decide"
    origin = f" (source: {source})" if source else ""
    message = (
        f"{claim.stated!r} resolves to {stated.describe()} (published {published.isoformat()}); "
        f"expected {expected.describe()}{origin}; {why}"
    )
    warnings = []
    if expected.start > published:
        warnings.append(
            f"the expected date {expected.describe()} is after the article's publication "
            f"({published.isoformat()})"
        )
    if stated.start > published:
        warnings.append(
            f"{claim.stated!r} resolves to {stated.describe()}, after the article's "
            f"publication ({published.isoformat()}); is it a planned date?"
        )
    details = {
        "stated": claim.stated,
        "resolved": stated.to_json(),
        "expected": {"text": claim.expected, **expected.to_json(), "source": source},
        "published": published.isoformat(),
    }
    reading = Reading(
        said=claim.stated,
        data_says=expected.describe() + (f" ({source})" if source else ""),
        difference=why if verdict == "contradicted" else "",
        sources=(source_ref(source, context),) if source else (),
    )
    return Outcome(verdict, message, warnings, details, reading)


def _agreement(stated: DateSpan, expected: DateSpan) -> str:
    if (stated.start, stated.end) == (expected.start, expected.end):
        return "they agree"
    return "the stated date contains the expected one"


def _expected(text: str, context: Context) -> tuple[DateSpan, str | None]:
    """The expected span and, when it came from a source, that source's id."""
    span = parse_iso_span(text)
    if span is not None:
        return span, None
    source = context.sources.get(text.strip())
    if source is None:
        import difflib

        close = difflib.get_close_matches(text.strip(), sorted(context.sources), n=3)
        hint = (
            f"did you mean {' or '.join(repr(c) for c in close)}?"
            if close
            else "write a date (2017-11-14, 2017-07, 2017-09-20/2017-09-30) or a source id"
        )
        raise ClaimFileError(
            f"expected {text!r} is neither a date nor a known source id", hint=hint
        )
    if source.published is None:
        raise ClaimFileError(
            f"source {text.strip()!r} has no published date, so it cannot be the expected date",
            hint="add 'published:' to the source, or write the date itself",
        )
    return day_span(source.published, text), text.strip()

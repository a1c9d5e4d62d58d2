"""The ``convert`` kind: does a written currency conversion match the rate of the day?

The implied rate is an exact interval from the precision of both written amounts
(see ``factcheck.rates.implied``). It is checked against the reference rate for
the article's publication date (or a rate written in the claim) widened by the
tolerance: holds when the whole interval lies within reference * (1 ± tolerance),
contradicted when none of it does, undetermined when it straddles the edge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.claims.fields import (
    REQUIRED,
    claim_spec,
    optional,
    optional_tolerance,
    text,
)
from factcheck.errors import FactcheckError
from factcheck.kinds import lazy_model
from factcheck.kinds.base import Context, Outcome, Reading
from factcheck.quantity.decimals import exact_string
from factcheck.quantity.grammar import parse_quantity
from factcheck.quantity.rational import Fraction
from factcheck.quantity.readable import language_of, percent_text, readable_value
from factcheck.quantity.tolerance import relative_tolerance
from factcheck.rates.implied import (
    currency_of,
    deviation,
    implied_json,
    implied_rate,
    parse_rate,
    precision_interval,
    verdict,
)
from factcheck.rates.numbers import display, fixed, percent, significant

if TYPE_CHECKING:
    from factcheck.kinds.models.convert import Claim
    from factcheck.quantity.quantity import Quantity
    from factcheck.rates.implied import ImpliedRate

KIND = "convert"
ERROR_FIELD = "stated"  # where an error that names no field points
# The model's rules (factcheck.kinds.models.convert) for reading valid claims without it.
FIELDS = claim_spec(KIND, {
    "amount": (text(1, 200), REQUIRED),
    "stated": (text(1, 200), REQUIRED),
    "rate": (optional(text(max_length=100)), None),
    "tolerance": optional_tolerance(50),
})
__getattr__ = lazy_model(KIND)


def _parse(text: str) -> Quantity:
    return parse_quantity(text)


class _field:  # noqa: N801 - used as a function: ``with _field("amount"):``
    """Name the claim field an error is about, so the runner can point at it (a class,
    not a generator: it is entered three times for every convert claim)."""

    __slots__ = ("name",)

    def __init__(self, name: str | None) -> None:
        self.name = name

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, FactcheckError) and self.name and not getattr(exc, "field", None):
            exc.field = self.name  # type: ignore[attr-defined]


def implied(claim: Claim) -> ImpliedRate:
    """The claim's implied rate alone (no reference needed), for ``factcheck rates``."""
    return _read(claim)[2]


def _read(claim: Claim) -> tuple[Quantity, Quantity, ImpliedRate]:
    """The written amount, the stated one and the rate they imply, each read once."""
    with _field("amount"):
        amount = _parse(claim.amount)
        currency_of(amount, "amount")
        precision_interval(amount)
    with _field("stated"):
        stated = _parse(claim.stated)
        rate = implied_rate(claim.id, amount, stated)
    return amount, stated, rate


def evaluate(claim: Claim, context: Context) -> Outcome:
    amount, stated, conversion = _read(claim)
    with _field("tolerance" if claim.tolerance else None):
        tolerance = relative_tolerance(claim.tolerance or context.article.tolerance)
    src, dst = conversion.from_code, conversion.to_code
    if claim.rate is not None:
        with _field("rate"):
            ref_rate: Fraction = parse_rate(claim.rate, src, dst)
        ref_source, ref_date = f"the rate given in the claim ({claim.rate})", None
        where = "the claim's rate"
    else:
        provider = context.rates
        if provider is None:
            from factcheck.rates import provider_for

            provider = provider_for(context.article, context.article_file)
        ref = provider.rate(src, dst, context.published)
        ref_rate, ref_source, ref_date = ref.rate, ref.source, ref.date_used
        on = ref.date_used.isoformat()
        if ref.fell_back:
            on += f", the last before {ref.date_asked.isoformat()}"
        where = f"the reference of {on}, {ref_source}"

    iv = conversion.interval
    shown = conversion.shown
    assert iv.lo is not None and iv.hi is not None
    result = verdict(iv, ref_rate, tolerance)
    # The rate and deviation a reader gets from the printed figures; the verdict uses
    # the whole interval those figures stand for, shown beside it.
    dev = deviation(shown, ref_rate)
    rate_text = f"{display(shown, 8)} {dst}/{src}"
    if not iv.is_point:
        rate_text += f" (interval {display(iv.lo, 8)} to {display(iv.hi, 8)})"
    allowed = percent(tolerance)
    judgement = {
        "holds": f"within {allowed} of",
        "contradicted": f"more than {allowed} from",
        "undetermined": f"partly within {allowed} of",
    }[result]
    message = (
        f"{claim.amount} -> {claim.stated} implies {rate_text}: {judgement} "
        f"{display(ref_rate)} {dst}/{src} ({percent_text(dev * 100)}; {where})"
    )
    details = {
        "amount": claim.amount,
        "stated": claim.stated,
        "from": src,
        "to": dst,
        "implied_rate": implied_json(conversion),
        "reference": {
            "source": ref_source,
            "date": None if ref_date is None else ref_date.isoformat(),
            "rate": exact_string(ref_rate),
            "rate_display": significant(ref_rate),
        },
        "deviation_pct": fixed(dev * 100, 6),
        "tolerance_pct": exact_string(tolerance * 100),
    }
    return Outcome(result, message, [], details,
                   _reading(claim, (amount, stated), conversion, ref_rate, ref_source, ref_date,
                            context))


def _reading(claim: Claim, read: tuple[Quantity, Quantity], conversion: ImpliedRate,
             ref_rate: Fraction, ref_source: str, ref_date: Any, context: Context) -> Reading:
    """The stated amount, what the reference rate gives, and the rate the written
    figures imply (stated / amount as written, not the middle of its interval)."""
    from factcheck.rates.reference import ECB_SOURCE, ECB_URL

    lang = language_of(context.article.language)
    amount, stated = read
    src, dst = conversion.from_code, conversion.to_code
    iv = conversion.interval
    on = "" if ref_date is None else f", {ref_date.isoformat()}"
    name = "ECB" if ref_source == ECB_SOURCE else ref_source
    data = f"{display(ref_rate)} {dst}/{src} ({name}{on})"
    if amount.value is not None:
        data = f"{readable_value(amount.value * ref_rate, stated.unit, lang)} at {data}"
    gap, pct = "", ""
    if conversion.written is not None:
        written = conversion.written
        assert iv.lo is not None and iv.hi is not None
        gap = (f"the written figures imply {display(written, 8)} {dst}/{src} "
               f"(interval {display(iv.lo, 8)} to {display(iv.hi, 8)})")
        pct = percent_text(deviation(written, ref_rate) * 100)
    url = ECB_URL if ref_source == ECB_SOURCE else ""
    return Reading(said=claim.stated, data_says=data, difference=gap, difference_pct=pct,
                   sources=((name, ref_source, url),))

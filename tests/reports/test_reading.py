"""The reading for people: rounded figures in the article's notation, one percent precision."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.quantity import units
from factcheck.quantity.grammar import parse_quantity
from factcheck.quantity.rational import Fraction
from factcheck.quantity.readable import percent_text, readable_value
from factcheck.report.merge import report_from_json
from factcheck.report.runner import run_check

_VALUES = st.one_of(
    st.integers(min_value=0, max_value=10**16).map(Fraction),
    st.fractions(min_value=0, max_value=10**9, max_denominator=10**6),
    st.sampled_from([Fraction(0), Fraction(1), Fraction(10**8), Fraction(16478 * 10**8),
                     Fraction(99999), Fraction(999995), Fraction(1, 3)]),
)


@settings(deadline=None)  # the first example loads the unit registry
@given(_VALUES, st.sampled_from(["ko", "zh", "en"]))
def test_a_rounded_figure_reads_back_as_an_interval_holding_the_value(
        value: Fraction, language: str) -> None:
    text = readable_value(value, units.unit("KRW"), language)
    quantity = parse_quantity(text)
    assert value in quantity.interval, (value, text, quantity.interval)


@given(st.fractions(min_value=-10**6, max_value=10**6))
def test_every_percentage_has_two_places_and_the_sign_of_its_rounding(value: Fraction) -> None:
    text = percent_text(value)
    assert re.fullmatch(r"[+-]?\d+\.\d\d%", text), text
    shown = Fraction(text.rstrip("%"))
    assert abs(shown - value) <= Fraction(1, 200)
    assert text.startswith("+") == (shown > 0) and text.startswith("-") == (shown < 0)


def test_the_seed_reading_is_in_korean_notation_with_the_note() -> None:
    report = run_check(["claims"])
    wuhan = next(f for f in report.findings if f.claim_id == "wuhan-8-jo-won-ai-industry")
    assert wuhan.verdict == "contradicted"
    assert "related-industries target" in wuhan.note
    assert wuhan.said == "8조 원"
    assert wuhan.data_says == "약 1조6,494억 원"
    assert wuhan.difference == "약 6조3,506억 원 less"
    assert wuhan.difference_pct == "-79.38%"
    assert [s[0] for s in wuhan.sources] == ["wuhan-hubei-daily-2017", "ECB"]  # ECB: the rate
    shanghai = next(f for f in report.findings if f.claim_id == "shanghai-1000-eok-yuan-in-won")
    assert shanghai.said == "약 16조4천780억 원"
    assert "164.78 KRW/CNY" in shanghai.difference and shanghai.difference_pct == "-0.10%"



def test_facts_against_facts_read_as_the_quote_and_each_sides_data() -> None:
    """No side of 'a > max(b, c)' is a figure the article wrote: the article says its
    quote, and the data says what each side comes to."""
    report = run_check(["claims"])
    pie = next(f for f in report.findings if f.claim_id == "shanghai-biggest-pie")
    assert pie.said == pie.quote
    assert pie.data_says == ("shanghai.key_2020: 1,000억 위안 초과; "
                             "max(beijing.core_2020, wuhan.core_2020): 500억 위안 초과")


def test_a_count_is_written_with_the_articles_counter() -> None:
    report = run_check(["claims"])
    staff = next(f for f in report.findings if f.claim_id == "wuhan-100-rd-staff")
    assert (staff.said, staff.data_says) == ("100명", "100명")
    for language, counter in (("ko", "명"), ("zh", "家"), ("ko", None)):
        text = readable_value(Fraction(450), units.unit("count"), language, counter)
        assert text == "450" + (counter or "개"), text

def test_json_carries_the_reading_and_merge_reads_it_back() -> None:
    report = run_check(["claims"])
    data = json.loads(json.dumps(report.to_json()))
    again = report_from_json(data, "report.json")
    assert again.findings == report.findings
    entry = data["claims"][0]
    for key in ("note", "said", "data_says", "difference", "difference_pct", "sources"):
        assert key in entry

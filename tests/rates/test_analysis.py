"""The per-article rate analysis: blocks for the seed article, warnings, directions."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from factcheck.claims.model import Article
from factcheck.quantity.decimals import exact_string
from factcheck.quantity.interval import Interval
from factcheck.rates.analysis import analyse, analyse_rates, implied_from_findings
from factcheck.rates.implied import ImpliedRate, implied_rate
from factcheck.rates.reference import ECB_SOURCE, ecb_provider

from .helpers import SEED, approx_krw, cny

ARTICLE = Article(id="seed", title="t", published=dt.date(2017, 11, 23))


@dataclass
class FakeFinding:
    claim_id: str
    kind: str
    details: dict[str, Any] = field(default_factory=dict)


def seed_rates() -> list[ImpliedRate]:
    return [implied_rate(c, cny(y), approx_krw(w, r)) for c, y, w, r, _ in SEED]


def test_seed_article_block() -> None:
    blocks, warnings = analyse(ARTICLE, seed_rates(), ecb_provider())
    assert len(blocks) == 1
    block = blocks[0]
    assert (block["from"], block["to"]) == ("CNY", "KRW")
    assert block["reference"] == {"source": ECB_SOURCE, "date": "2017-11-23", "rate": 164.938}
    rates = [c["rate"] for c in block["clusters"]]
    assert rates == [164.78, 164.84, 165.03, 165.04, 165.12, 165.19]
    main = block["clusters"][1]
    assert main["claims"] == ["c100b", "c1500", "c1jo", "c500b"]
    assert (main["low"], main["high"]) == (164.83995, 164.84005)
    # (164.84 - 1293.09/7.8239... on 2017-11-23) / reference, in percent, 3 places.
    ref = ecb_provider().rate("CNY", "KRW", dt.date(2017, 11, 23)).rate
    assert main["deviation_pct"] == round(float((Fraction("164.84") - ref) / ref * 100), 3)
    assert block["spread_pct"] == round(float((Fraction("165.19") - Fraction("164.78"))
                                              / Fraction("164.78") * 100), 3)
    # Each cluster is tied to an ECB day of the 30 days up to and including publication.
    for c in block["clusters"]:
        day = dt.date.fromisoformat(c["nearest_reference"]["date"])
        assert dt.date(2017, 10, 25) <= day <= dt.date(2017, 11, 23)
    assert block["series"][0][0] >= "2017-10-25"
    assert block["series"][-1][0] == "2017-11-23"
    # Everyone outside the main cluster is warned, naming the main rate.
    assert sorted(warnings) == ["c1000", "c1000man", "c100a", "c1eok", "c30", "c500a"]
    assert warnings["c1000"] == [
        "implies about 164.78 KRW/CNY, 0.04% below the 164.84 KRW/CNY that the 4 other "
        "conversions use (claims c100b, c1500, c1jo, c500b)"
    ]
    json.dumps(blocks)  # JSON-ready


def test_nearest_reference_is_the_closest_day() -> None:
    block = analyse_rates(ARTICLE, seed_rates(), ecb_provider())[0]
    series = ecb_provider().series("CNY", "KRW", dt.date(2017, 10, 25), dt.date(2017, 11, 23))
    for c in block["clusters"]:
        rate = Fraction(str(c["rate"]))
        best = min(abs(r - rate) for _, r in series)
        chosen = dict(series)[dt.date.fromisoformat(c["nearest_reference"]["date"])]
        assert abs(chosen - rate) == best


def test_reverse_conversions_join_the_same_pair() -> None:
    # 1조6484억 원 (100억 위안) says 164.84 KRW/CNY the other way round.
    from .helpers import EOK, money

    back = implied_rate("back", money(16484 * EOK, "KRW"), money(100 * EOK, "CNY"))
    assert (back.from_code, back.to_code) == ("KRW", "CNY")
    blocks = analyse_rates(ARTICLE, [*seed_rates(), back], ecb_provider())
    assert [(b["from"], b["to"]) for b in blocks] == [("CNY", "KRW")]
    assert "back" in blocks[0]["clusters"][1]["claims"]


def test_cross_pairs_get_their_own_block() -> None:
    usd = ImpliedRate("usd", "CNY", "USD", Interval.closed(Fraction("0.15"), Fraction("0.152")))
    blocks = analyse_rates(ARTICLE, [*seed_rates(), usd], ecb_provider())
    # The article converts yuan to dollars: the block stays CNY->USD, below 1 or not.
    assert [(b["from"], b["to"]) for b in blocks] == [("CNY", "KRW"), ("CNY", "USD")]
    assert blocks[1]["clusters"][0]["claims"] == ["usd"]
    assert blocks[1]["reference"]["rate"] < 1


def test_a_pair_reads_as_most_conversions_go() -> None:
    def usd(claim: str, back: bool) -> ImpliedRate:
        item = ImpliedRate(claim, "CNY", "USD", Interval.closed(Fraction("0.15"),
                                                                  Fraction("0.152")))
        return item.inverted() if back else item

    two_back = [usd("a", False), usd("b", True), usd("c", True)]
    assert [(b["from"], b["to"]) for b in analyse_rates(ARTICLE, two_back, ecb_provider())] \
        == [("USD", "CNY")]
    one_each = [usd("a", False), usd("b", True)]
    # A tie reads in the direction whose reference rate is at least 1.
    block = analyse_rates(ARTICLE, one_each, ecb_provider())[0]
    assert (block["from"], block["to"]) == ("USD", "CNY")
    assert block["reference"]["rate"] > 6
    assert analyse_rates(ARTICLE, list(reversed(one_each)), ecb_provider()) == [block]


def test_a_cluster_shows_its_written_rate_not_the_middle() -> None:
    # 1.8억 달러 (약 13억 위안): the printed figures give 13/1.8 = 7.2222. An interval
    # whose middle is elsewhere (as when both sides are rounded) must not move it.
    from .helpers import EOK, money

    amount = money(18 * EOK // 10, "USD")
    stated = money(13 * EOK, "CNY", qualifier="approx", resolution=EOK)
    item = implied_rate("usd", amount, stated)
    assert item.written == Fraction(13, Fraction(18, 10))
    lopsided = ImpliedRate("usd", "USD", "CNY",
                           Interval.closed(Fraction(125, 18), Fraction(135, 17)), item.written)
    assert lopsided.interval.midpoint != item.written
    block = analyse_rates(ARTICLE, [lopsided], ecb_provider())[0]
    assert block["clusters"][0]["rate"] == 7.2222222
    ref = Fraction(str(block["reference"]["rate"]))
    assert block["clusters"][0]["deviation_pct"] == round(
        float((Fraction(65, 9) - ref) / ref * 100), 3)


def test_findings_round_trip_and_errors_are_skipped() -> None:
    iv = Interval.closed(Fraction("164.7795"), Fraction("164.7805"))
    good = FakeFinding("a", "convert", {"from": "CNY", "to": "KRW", "implied_rate": {
        "rate": "164.78", "low": exact_string(iv.lo), "high": exact_string(iv.hi)}})
    broken = FakeFinding("b", "convert", {})
    other = FakeFinding("c", "compare", {"implied_rate": {"low": "1", "high": "2"}})
    assert implied_from_findings([good, broken, other]) == [
        ImpliedRate("a", "CNY", "KRW", iv, Fraction("164.78"))]


def test_output_is_deterministic() -> None:
    items = seed_rates()
    a = json.dumps(analyse(ARTICLE, items, ecb_provider()), sort_keys=False)
    b = json.dumps(analyse(ARTICLE, list(reversed(items)), ecb_provider()), sort_keys=False)
    assert a == b


def test_the_window_is_thirty_days_with_both_ends() -> None:
    from factcheck.rates.analysis import NEAREST_WINDOW_DAYS
    from factcheck.rates.ratesfile import PairTable
    from factcheck.rates.reference import RateProvider

    day = ARTICLE.published
    first = day - dt.timedelta(days=NEAREST_WINDOW_DAYS - 1)
    before = first - dt.timedelta(days=1)
    rates = {(before.isoformat(), "CNY", "KRW"): Fraction("164.78"),
             (first.isoformat(), "CNY", "KRW"): Fraction("160"),
             (day.isoformat(), "CNY", "KRW"): Fraction("170")}
    provider = RateProvider(PairTable(rates), "test rates")
    block = analyse_rates(ARTICLE, seed_rates()[:1], provider)[0]
    assert NEAREST_WINDOW_DAYS == 30
    assert [d for d, _ in block["series"]] == [first.isoformat(), day.isoformat()]
    # The day before the window has the exact rate, and is not looked at.
    assert block["clusters"][0]["nearest_reference"] == {"date": first.isoformat(),
                                                         "rate": 160.0}

"""The convert kind: verdicts, messages and details, with and without the grammar."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from pathlib import Path

import pytest

from factcheck.claims.model import Article
from factcheck.errors import QuantityError, RateError
from factcheck.kinds import convert
from factcheck.kinds.base import Context
from factcheck.quantity.quantity import Quantity
from factcheck.rates.reference import ECB_SOURCE, ecb_provider

from .helpers import EOK, JO, approx_krw, cny

# What the grammar gives for the texts these tests use.
PARSED: dict[str, Quantity] = {
    "1000억 위안": cny(1000 * EOK, "1000억 위안"),
    "약 16조4천780억 원": approx_krw(16 * JO + 4780 * EOK, EOK, "약 16조4천780억 원"),
    "약 17조 원": approx_krw(17 * JO, JO, "약 17조 원"),
    "약 16조5천억 원": approx_krw(16 * JO + 5000 * EOK, 1000 * EOK, "약 16조5천억 원"),
    "약 20조 원": approx_krw(20 * JO, JO, "약 20조 원"),
}


@pytest.fixture
def fake_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "_parse", lambda text: PARSED[text])


def context(tolerance: str | None = "1%", rates: str | None = None, file: str = "a.yaml",
            provider: object = None) -> Context:
    article = Article(id="a", title="t", published=dt.date(2017, 11, 23),
                      tolerance=tolerance, rates=rates)
    return Context(article, file, {}, {}, provider)


def claim(stated: str, **extra: str) -> convert.Claim:
    return convert.Claim(id="c", quote="q", kind="convert", amount="1000억 위안",
                         stated=stated, **extra)


@pytest.mark.usefixtures("fake_grammar")
def test_seed_conversion_holds_against_the_ecb() -> None:
    out = convert.evaluate(claim("약 16조4천780억 원"), context())
    assert out.verdict == "holds"
    assert out.message == (
        "1000억 위안 -> 약 16조4천780억 원 implies 164.78 KRW/CNY (interval 164.7795 to 164.7805): "
        "within 1% of "
        "164.938 KRW/CNY (-0.10%; the reference of 2017-11-23, " + ECB_SOURCE + ")"
    )
    d = out.details
    assert d["implied_rate"] == {"rate": "164.78", "low": "164.7795", "high": "164.7805",
                                 "low_open": False, "high_open": False}
    assert d["reference"]["date"] == "2017-11-23"
    assert Fraction(d["reference"]["rate"]) == ecb_provider().rate(
        "CNY", "KRW", dt.date(2017, 11, 23)).rate
    assert d["tolerance_pct"] == "1"
    assert d["deviation_pct"].startswith("-0.09")
    json.dumps(d)


@pytest.mark.usefixtures("fake_grammar")
@pytest.mark.parametrize(
    ("stated", "tolerance", "verdict"),
    [
        ("약 16조4천780억 원", "1%", "holds"),
        ("약 20조 원", "1%", "contradicted"),   # [195, 205] is far from 164.9
        ("약 17조 원", "1%", "undetermined"),   # [165, 175] straddles 164.9 * 1.01
        ("약 16조5천억 원", "0.01%", "undetermined"),  # [160, 170]
        ("약 16조5천억 원", "5%", "holds"),
    ],
)
def test_verdicts(stated: str, tolerance: str, verdict: str) -> None:
    assert convert.evaluate(claim(stated), context(tolerance)).verdict == verdict


@pytest.mark.usefixtures("fake_grammar")
def test_claim_tolerance_overrides_the_article() -> None:
    out = convert.evaluate(claim("약 16조5천억 원", tolerance="5%"), context("0.01%"))
    assert out.verdict == "holds"


@pytest.mark.usefixtures("fake_grammar")
def test_rate_in_the_claim_replaces_the_reference() -> None:
    out = convert.evaluate(claim("약 16조4천780억 원", rate="164.78 KRW/CNY", tolerance="0.001%"),
                           context())
    assert out.verdict == "holds"
    assert out.details["reference"] == {"source": "the rate given in the claim (164.78 KRW/CNY)",
                                        "date": None, "rate": "164.78", "rate_display": 164.78}


@pytest.mark.usefixtures("fake_grammar")
def test_article_rates_file_is_relative_to_the_claim_file(tmp_path: Path) -> None:
    (tmp_path / "bank.csv").write_text("Date,From,To,Rate\n2017-11-22,CNY,KRW,164.78\n",
                                       encoding="utf-8")
    ctx = context("0.001%", rates="bank.csv", file=str(tmp_path / "a.yaml"))
    out = convert.evaluate(claim("약 16조4천780억 원"), ctx)
    assert out.verdict == "holds"
    assert out.details["reference"]["source"].endswith("bank.csv")
    assert "the reference of 2017-11-22, the last before 2017-11-23" in out.message


@pytest.mark.usefixtures("fake_grammar")
def test_missing_rate_is_a_rate_error(tmp_path: Path) -> None:
    (tmp_path / "bank.csv").write_text("Date,From,To,Rate\n2017-10-01,CNY,KRW,164.78\n",
                                       encoding="utf-8")
    with pytest.raises(RateError, match="no CNY->KRW rate"):
        convert.evaluate(claim("약 16조4천780억 원"),
                         context(rates="bank.csv", file=str(tmp_path / "a.yaml")))


@pytest.mark.usefixtures("fake_grammar")
def test_bad_tolerance_is_reported() -> None:
    with pytest.raises(QuantityError, match="the tolerance: 'lots'"):
        convert.evaluate(claim("약 16조4천780억 원", tolerance="lots"), context())


def test_claim_model_rejects_unknown_fields() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        convert.Claim(id="c", quote="q", kind="convert", amount="1", stated="2", rates="x")


def test_with_the_real_grammar() -> None:
    from factcheck.quantity import grammar

    assert grammar.parse_quantity("약 16조4천780억 원").resolution == EOK
    out = convert.evaluate(claim("약 16조4천780억 원"), context())
    assert out.verdict == "holds"
    assert out.details["implied_rate"]["low"] == "164.7795"


@pytest.mark.usefixtures("fake_grammar")
@pytest.mark.parametrize(
    ("extra", "field"),
    [({"tolerance": "lots"}, "tolerance"), ({"rate": "6.6 USD/CNY"}, "rate")],
)
def test_errors_name_their_field(extra: dict[str, str], field: str) -> None:
    from factcheck.errors import FactcheckError

    with pytest.raises(FactcheckError) as info:
        convert.evaluate(claim("약 16조4천780억 원", **extra), context())
    assert info.value.field == field  # type: ignore[attr-defined]


def test_unreadable_amount_names_the_amount_field(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse(text: str) -> Quantity:
        raise QuantityError(f"cannot read {text!r}")

    monkeypatch.setattr(convert, "_parse", parse)
    with pytest.raises(QuantityError) as info:
        convert.evaluate(claim("약 16조4천780억 원"), context())
    assert info.value.field == "amount"  # type: ignore[attr-defined]

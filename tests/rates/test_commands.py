"""``factcheck rate`` and ``factcheck rates`` end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.kinds import convert

from .test_convert import PARSED


def test_rate_weekend_uses_friday(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rate", "CNY", "KRW", "2017-11-18"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["from", "to", "date_asked", "date_used", "rate", "rate_exact", "source"]
    assert (out["date_asked"], out["date_used"]) == ("2017-11-18", "2017-11-17")
    assert out["rate_exact"] == "12930900/78239"
    assert out["rate"] == pytest.approx(165.2743517)


def test_rate_exact_decimal_when_it_terminates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rate", "eur", "krw", "2017-11-17"]) == 0
    assert json.loads(capsys.readouterr().out)["rate_exact"] == "1293.09"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["XYZ", "KRW", "2017-11-18"], "factcheck: unknown currency 'XYZ'"),
        (["CNY", "KRW", "2017-13-01"], "factcheck: date '2017-13-01' is not an ISO date"),
        (["CNY", "KRW", "1990-01-01"], "factcheck: no CNY->KRW rate"),
    ],
)
def test_rate_errors_exit_2(args: list[str], message: str,
                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rate", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_rate_with_a_rates_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bank.csv"
    path.write_text("Date,From,To,Rate\n2017-11-22,CNY,KRW,164.84\n", encoding="utf-8")
    assert main(["rate", "KRW", "CNY", "2017-11-23", "--rates", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["source"] == str(path)
    assert out["rate_exact"] == "25/4121"  # 1/164.84


CLAIMS = """\
article:
  id: a
  title: t
  published: 2017-11-23
claims:
  - id: ok
    quote: q
    kind: convert
    amount: 1000억 위안
    stated: 약 16조4천780억 원
  - id: off
    quote: q
    kind: convert
    amount: 1000억 위안
    stated: 약 20조 원
"""


def test_rates_command(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "_parse", lambda text: PARSED[text])
    path = tmp_path / "a.yaml"
    path.write_text(CLAIMS, encoding="utf-8")
    assert main(["rates", str(path)]) == 0
    blocks = json.loads(capsys.readouterr().out)
    assert [b["from"] + b["to"] for b in blocks] == ["CNYKRW"]
    assert [c["claims"] for c in blocks[0]["clusters"]] == [["ok"], ["off"]]
    assert main(["rates", str(path), "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert "CNY -> KRW (KRW/CNY), article a" in text
    assert "164.7795" in text and "spread between clusters" in text


def test_rates_command_reports_bad_claims_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(CLAIMS.replace("stated: 약 20조 원", "stated: 약 20조 개"), encoding="utf-8")
    assert main(["rates", str(path)]) == 2
    captured = capsys.readouterr()
    assert [c["claims"] for c in json.loads(captured.out)[0]["clusters"]] == [["ok"]]
    # Located at the stated field of claim 'off'.
    assert f"{path}:15:13: " in captured.err and "not a currency" in captured.err

"""The draft command, and check/rates on a plain text drafted in memory (no YAML written)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml

from factcheck.cli import main

KO = ("광저우는 100억 위안(약 1조6천484억 원) 규모의 펀드를 조성했다. "
      "바이두, 알리바바, 텐센트 3곳이 참여했다. 지난 5월 발표했다.\n")
HTML = ("<html><head><title>t</title><script>var x = '1000억 위안(약 9조 원)';</script></head>"
        "<body><h1>Fund &amp; parks</h1><p>광저우는 100억 위안(약 1조6천484억 원) 규모의 "
        "펀드를 조성했다.</p></body></html>")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "gz.txt"
    path.write_text(KO, encoding="utf-8")
    return path


def test_draft_writes_a_claim_file_that_names_the_text(article, tmp_path, capsys):
    out = tmp_path / "claims" / "gz.yaml"
    out.parent.mkdir()
    assert main(["draft", str(article), "--published", "2017-11-23", "-o", str(out)]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["article"] == {"id": "gz", "title": KO.strip(), "language": "ko",
                               "published": dt.date(2017, 11, 23), "text": "../gz.txt"}
    kinds = sorted((c["kind"], c.get("status", "")) for c in data["claims"])
    assert kinds == [("convert", ""), ("count", ""), ("date", "todo")]
    assert "drafted 3 claims (1 to write)" in capsys.readouterr().err
    assert main(["check", str(out)]) == 0


def test_draft_refuses_to_overwrite_without_force(article, tmp_path, capsys):
    out = tmp_path / "gz.yaml"
    out.write_text("keep\n", encoding="utf-8")
    assert main(["draft", str(article), "--published", "2017-11-23", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "keep\n"
    assert "exists" in capsys.readouterr().err
    assert main(["draft", str(article), "--published", "2017-11-23", "-o", str(out),
                 "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Drafted by factcheck draft")


def test_draft_of_html_saves_the_body_text_beside_the_claim_file(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    out = tmp_path / "out" / "page.yaml"
    out.parent.mkdir()
    assert main(["draft", str(page), "--published", "2017-11-23", "-o", str(out)]) == 0
    text = (tmp_path / "out" / "page.txt").read_text(encoding="utf-8")
    body = "광저우는 100억 위안(약 1조6천484억 원) 규모의 펀드를 조성했다."
    assert text == f"Fund & parks\n\n{body}\n"
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["article"]["text"] == "page.txt" and data["article"]["title"] == "Fund & parks"
    assert [c["amount"] for c in data["claims"] if c["kind"] == "convert"] == ["100억 위안"]
    assert main(["check", str(out)]) == 0


def test_check_of_a_text_drafts_in_memory(article, tmp_path, capsys):
    assert main(["check", str(article), "--published", "2017-11-23", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["todo"] == 1 and report["summary"]["holds"] == 2
    assert report["claims"][0]["file"] == f"{article}.draft.yaml"
    assert not list(tmp_path.glob("*.yaml")), "nothing is written"
    assert main(["check", str(article), "--published", "2017-11-23", "--strict"]) == 1


def test_check_of_a_text_finds_its_inconsistent_arithmetic(tmp_path, capsys):
    path = tmp_path / "sum.txt"
    path.write_text("Sales were 3 billion yuan and 4 billion yuan, a total of 8 billion yuan "
                    "combined.\n", encoding="utf-8")
    assert main(["check", str(path), "--published", "2020-01-02", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    sums = [c for c in report["claims"] if c["kind"] == "compare" and c["verdict"] != "todo"]
    assert [(c["verdict"], c["details"]["expr"]) for c in sums] == [
        ("contradicted", "3 billion yuan + 4 billion yuan == 8 billion yuan")]


def test_rates_of_a_text_drafts_in_memory(article, capsys):
    assert main(["rates", str(article), "--published", "2017-11-23"]) == 0
    blocks = json.loads(capsys.readouterr().out)
    assert [(b["from"], b["to"], len(b["clusters"])) for b in blocks] == [("CNY", "KRW", 1)]
    assert blocks[0]["clusters"][0]["claims"] == ["10bn-cny-in-krw"]


@pytest.mark.parametrize("command", ["check", "rates", "draft"])
def test_a_bad_publication_date_is_invalid_input(article, command, capsys):
    assert main([command, str(article), "--published", "2017-13-01"]) == 2
    err = capsys.readouterr().err
    assert "'2017-13-01' is not a date" in err and "Traceback" not in err


def test_a_text_the_claim_file_may_not_name_is_refused(tmp_path, capsys):
    hidden = tmp_path / ".private" / "a.txt"
    hidden.parent.mkdir()
    hidden.write_text(KO, encoding="utf-8")
    out = tmp_path / "a.yaml"
    assert main(["draft", str(hidden), "--published", "2017-11-23", "-o", str(out)]) == 2
    assert "hidden name '.private'" in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize("command", ["check", "rates"])
def test_a_text_without_published_gets_a_hint(article, command, capsys):
    assert main([command, str(article)]) == 2
    assert "give --published YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["a.html", "a.HTM", "a.xhtml"])
def test_an_html_text_without_published_gets_a_hint(tmp_path, name, capsys):
    page = tmp_path / name
    page.write_text(f"<p>{KO}</p>", encoding="utf-8")
    main(["check", str(page)])
    assert "give --published YYYY-MM-DD" in capsys.readouterr().err


def test_a_claim_file_gets_no_hint(tmp_path, capsys):
    main(["check", str(tmp_path / "a.yaml")])
    assert "--published" not in capsys.readouterr().err


def test_an_invalid_article_id_is_refused(article, capsys):
    assert main(["draft", str(article), "--published", "2017-11-23", "--id", "../x"]) == 2
    assert "not a valid article id" in capsys.readouterr().err


def test_a_sentence_longer_than_a_quote_may_be_is_quoted_around_its_figures(tmp_path, capsys):
    filler = "그리고 " * 600
    path = tmp_path / "long.txt"
    path.write_text(f"{filler}두 도시의 예산 300억 원과 200억 원을 합산하면 500억 원이고 {filler}"
                    f"또 100억 위안(약 1조6천519억 원)이며 50개 기업이 {filler}있다.\n",
                    encoding="utf-8")
    assert main(["check", str(path), "--published", "2017-11-23", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert "problems" not in report
    quotes = {c["kind"] + ("-todo" if c["verdict"] == "todo" else ""): c["quote"]
              for c in report["claims"]}
    assert set(quotes) == {"compare", "convert", "compare-todo"}
    assert all(len(q) <= 2000 for q in quotes.values())
    assert "300억 원과 200억 원을 합산하면 500억 원" in quotes["compare"]
    assert report["coverage"]["covered"] == 5

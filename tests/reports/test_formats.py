"""Every report format on one hand-made Report: snapshots, structure, and hostile strings."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.formats import FORMATS, RenderOptions, render
from factcheck.formats.escape import visible, workflow_data, workflow_property
from factcheck.report.record import Finding, Report

from .snapshot_outputs import SAMPLE_FORMATS, sample_output

MINE = SAMPLE_FORMATS


@pytest.mark.parametrize("name", MINE)
def test_snapshot(name: str, report: Report, snapshot) -> None:  # type: ignore[no-untyped-def]
    snapshot(*sample_output(name, report))


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_byte_identical_across_runs(name: str, report_factory) -> None:  # type: ignore[no-untyped-def]
    assert render(report_factory(), name) == render(report_factory(), name)


@pytest.mark.parametrize("name", MINE)
def test_no_raw_hostile_characters(name: str, report: Report) -> None:
    out = render(report, name)
    assert "\u202e" not in out
    assert "\x00" not in out and "\x07" not in out and "\x1b" not in out
    if name in ("html",):
        assert "<script" not in out.lower()
        assert "javascript:alert" not in out.replace("javascript:alert(1)</p>", "")


def test_empty_report_renders_in_every_format() -> None:
    for name in sorted(FORMATS):
        assert render(Report(), name).endswith("\n")


def test_text_colour_only_when_asked(report: Report) -> None:
    assert "\x1b[" not in render(report, "text", RenderOptions(color=False))
    coloured = render(report, "text", RenderOptions(color=True))
    assert "\x1b[31m" in coloured
    # the hostile ESC in a quote still never reaches the terminal raw
    assert "\x1b[31mevil" not in coloured and "\\u001b" in coloured


def test_text_worst_first_and_summary(report: Report) -> None:
    lines = render(report, "text").splitlines()
    first_claim = next(line for line in lines if line.startswith(("!", " ")) and "claims/" in line)
    assert "ERROR" in first_claim and "broken-fact" in first_claim
    assert lines[-1] == ("7 claims: 4 unexpected, 1 error, 3 contradicted, 1 undetermined, "
                         "2 hold, 2 input problems")


def test_visible_shows_controls_and_bidi() -> None:
    assert visible("a\u202eb\x00c\td\ne") == "a\\u202eb\\u0000c d e"
    assert visible("x\ny", newlines=True) == "x\ny"
    assert visible("\U000e0001") == "\\U000e0001"


def _cells(row: str) -> list[str]:
    # split on pipes that are not escaped
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


def test_markdown_tables_keep_their_shape(report: Report) -> None:
    out = render(report, "markdown")
    rows = [line for line in out.splitlines() if line.startswith("|")]
    assert rows
    widths = {}
    table = 0
    for line in out.splitlines():
        if not line.startswith("|"):
            table += 1
            continue
        widths.setdefault(table, set()).add(len(_cells(line)))
    assert all(len(w) == 1 for w in widths.values()), widths
    assert "\\`tick\\`" in out and "&lt;/script&gt;" in out and "<script" not in out


def test_junit_parses_and_counts(report: Report) -> None:
    root = ET.fromstring(render(report, "junit").encode("utf-8"))
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == len(report.findings) + len(report.problems)
    by_name = {c.get("name"): c for c in cases}
    assert by_name["wuhan-core-krw"].find("failure") is not None
    assert by_name["wuhan-core-krw"].get("file") == "claims/sample.yaml"
    assert by_name["wuhan-core-krw"].get("line") == "20"
    assert by_name["three-platforms"].find("failure") is None  # contradicted as expected
    assert by_name["broken-fact"].find("error") is not None
    assert suite.get("failures") == str(sum(1 for c in cases if c.find("failure") is not None))
    assert suite.get("errors") == str(sum(1 for c in cases if c.find("error") is not None))


def test_sarif_structure(report: Report) -> None:
    log = json.loads(render(report, "sarif"))
    assert log["version"] == "2.1.0" and log["$schema"].startswith("https://")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["informationUri"].startswith("https://")
    assert driver["version"]
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    assert {"factcheck/contradicted", "factcheck/undetermined", "factcheck/error"} <= set(rule_ids)
    for rule in driver["rules"]:
        assert rule["help"]["text"] and rule["shortDescription"]["text"]
    assert run["results"]
    for result in run["results"]:
        assert result["ruleId"] in rule_ids
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"]
        assert result["locations"], "GitHub code scanning needs a location on every result"
        for loc in result["locations"] + result.get("relatedLocations", []):
            phys = loc["physicalLocation"]
            uri = phys["artifactLocation"]["uri"]
            assert "\\" not in uri and not uri.startswith("/") and "://" not in uri
            assert phys["region"]["startLine"] >= 1 and phys["region"]["startColumn"] >= 1
    wuhan = next(r for r in run["results"]
                 if r.get("properties", {}).get("claim") == "wuhan-core-krw")
    (related,) = wuhan["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "articles/sample.txt"
    assert related["physicalLocation"]["region"]["startLine"] == 2
    assert related["physicalLocation"]["region"]["endLine"] == 3  # the quote spans a line break


def test_github_commands_are_one_line_each(report: Report) -> None:
    out = render(report, "github")
    lines = out.splitlines()
    assert all(line.startswith("::") for line in lines)
    assert lines[0].startswith("::error file=claims/bad.yaml,line=4,col=7,")
    kinds = [line.split(" ", 1)[0].split("::")[1] for line in lines[:-1]]
    assert kinds == sorted(kinds, key=["error", "warning", "notice"].index)
    hostile = next(line for line in lines if "hostile" in line)
    assert "file=claims/hostile|`x`.yaml" in hostile
    assert "%0Asecond line" in hostile


def test_github_escaping() -> None:
    # A CR LF pair is one line break in the annotation; other controls are shown.
    assert workflow_data("100% a\r\nb\x1b") == "100%25 a%0Ab\\u001b"
    assert workflow_property("a:b,c%") == "a%3Ab%2Cc%25"
    assert workflow_data("x ##[warning]y") == "x #\\u0023[warning]y"


def test_claimreview_scale_and_fields(report: Report) -> None:
    reviews = json.loads(render(report, "claimreview", RenderOptions(author="Desk")))
    assert all(r["@type"] == "ClaimReview" for r in reviews)
    ids = [r["identifier"] for r in reviews]
    assert "broken-fact" not in ids  # an error cannot be rated
    by_id = {r["identifier"]: r for r in reviews}
    rating = by_id["wuhan-core-krw"]["reviewRating"]
    assert (rating["ratingValue"], rating["alternateName"]) == (1, "False")
    assert (rating["worstRating"], rating["bestRating"]) == (1, 3)
    assert by_id["shanghai-core-krw"]["reviewRating"]["ratingValue"] == 3
    assert by_id["staff-growth"]["reviewRating"]["ratingValue"] == 2
    item = by_id["shanghai-core-krw"]["itemReviewed"]
    assert item["appearance"]["url"] == "https://example.org/news/1"
    assert item["appearance"]["headline"] == "AI plans of Chinese cities"
    assert by_id["shanghai-core-krw"]["author"] == {"@type": "Organization", "name": "Desk"}
    assert by_id["shanghai-core-krw"]["claimReviewed"] == "1000억 위안(약 16조4천780억 원)"
    assert "datePublished" not in by_id["shanghai-core-krw"]  # determinism: no run date
    # hostile strings survive decoding unchanged but are escaped in the file
    hostile = next(r for r in reviews if r["identifier"].startswith("hostile"))
    assert "\u202e" in hostile["claimReviewed"]


def test_html_is_self_contained_and_marks_quotes(report: Report) -> None:
    out = render(report, "html")
    assert re.search(r"<(script|link|img|iframe|object|embed)\b", out, re.I) is None
    assert re.search(r"""(src|href)=["'](?!#)""", out) is None  # only in-page links
    assert "Content-Security-Policy" in out
    assert out.count('<mark class="holds"') >= 1
    assert '<mark class="contradicted unexpected"' in out
    assert "<svg" in out and "<polyline" in out
    assert "&lt;/script&gt;" in out


_ANY = st.text(st.characters(codec="utf-8"), max_size=40)


@given(_ANY)
def test_visible_leaves_nothing_invisible(text: str) -> None:
    import unicodedata

    out = visible(text)
    assert all(unicodedata.category(ch) not in {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}
               for ch in out)


@settings(max_examples=60, deadline=None)
@given(_ANY, _ANY, _ANY)
def test_any_strings_render_safely(cid: str, quote: str, message: str) -> None:
    f = Finding(cid, "claims/" + cid + ".yaml", 2, 3, "compare", quote, "contradicted",
                "holds", message, warnings=(message,), details={"x": quote},
                article_id="a")
    report = Report(findings=[f], articles=[{"id": "a", "title": cid, "text": quote + message}])
    ET.fromstring(render(report, "junit").encode("utf-8"))
    json.loads(render(report, "sarif"))
    json.loads(render(report, "claimreview"))
    assert len(render(report, "github").splitlines()) == 2
    html_out = render(report, "html")
    assert "<script" not in html_out.lower().replace("&lt;script", "")
    md_items = [r for r in render(report, "markdown").splitlines() if r.startswith("- 🚨")]
    assert len(md_items) == 1 and "**contradicted, expected holds**" in md_items[0]
    text_out = render(report, "text")
    assert "\x1b" not in text_out and "\u202e" not in text_out


@pytest.mark.parametrize(("raw", "shown"), [
    ("1/3", "~0.3333333"), ("10/2", "5"), ("-1/8", "-0.125"), ("100000000000", "100,000,000,000"),
    ("2017", "2017"), ("12845500/77881", "~164.93753"), ("abc", "abc"),
])
def test_show_number_for_people(raw: str, shown: str) -> None:
    from factcheck.formats.text import show_number

    assert show_number(raw) == shown


def test_show_value_of_intervals_and_dates() -> None:
    from factcheck.formats.text import show_value

    half_open = {"low": "1", "high": None, "low_open": True, "unit": "KRW"}
    assert show_value(half_open) == "(1, +inf) KRW"
    assert show_value({"low": "5", "high": "5", "unit": "count"}) == "5 count"
    assert show_value({"start": "2017-11-14", "end": "2017-11-14"}) == "2017-11-14"
    assert show_value([{"id": "s", "title": "T"}, None]) == "T, "

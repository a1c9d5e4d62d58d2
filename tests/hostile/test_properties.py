"""Hypothesis: untrusted text gives a result or our own error, never anything else.

The loader's random YAML and bytes are in tests/claims/test_robust.py and random
expressions in tests/expr/test_properties.py; these cover what they do not: written
quantities (with long runs of digits), any value in any field of a claim of each kind
carried through evaluation and every report format, JSON reports given to merge, and
a failed write that must leave an existing report whole.
"""

from __future__ import annotations

import json
import os
import xml.dom.minidom

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import FactcheckError

FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

_NUMBERISH = st.lists(
    st.sampled_from(["0", "1", "9", "00000", "0" * 120, ".", ",", "e", "e-", "억", "조", "万",
                     "亿", "원", "위안", "元", "약 ", "~", "%", " ", "이상", "超过", "여"]),
    max_size=30,
).map("".join)
# Values each field accepts, so that generated claims also get past parsing.
_GOOD = st.sampled_from(["약 1조6천484억 원", "100억 위안", "약 0억 원", "0원", "0", "3", "1%",
                         "a.x > 1 CNY", "a.x / 0 > 1", "a.x * a.x > 0", "지난 14일", "지난달 18일",
                         "내년", "2017-11-14", "164.84 원/위안", "0 KRW/CNY", "1e30 위안"])
_TEXT = st.one_of(_GOOD, _NUMBERISH, st.text(max_size=80))


@FAST
@given(_TEXT)
def test_a_written_quantity_is_read_or_refused_with_our_error(text):
    from factcheck.quantity.grammar import parse_quantity

    try:
        quantity = parse_quantity(text)
    except FactcheckError as exc:
        assert str(exc)
        return
    assert quantity.describe()


@FAST
@given(_TEXT)
def test_extracting_quantities_never_raises(text):
    from factcheck.quantity.grammar import extract_quantities

    for found in extract_quantities(text):
        assert text[found.start:found.end] == found.text


_HEADER = """article:
  id: prop
  title: Property
  published: {published}
sources:
  src:
    title: A source
facts:
  a.x:
    value: 100억 위안
    source: src
claims:
  - id: c1
    quote: q
"""
# A claim of each kind with one field left open for the generated value.
_SLOTS = [
    "    kind: compare\n    expr: {v}\n",
    "    kind: compare\n    expr: a.x == 100억 위안\n    tolerance: {v}\n",
    "    kind: convert\n    amount: 100억 위안\n    stated: {v}\n",
    "    kind: convert\n    amount: {v}\n    stated: 약 1조6천484억 원\n",
    "    kind: convert\n    amount: 100억 위안\n    stated: 약 1조6천484억 원\n    rate: {v}\n",
    "    kind: count\n    items: [a, b]\n    stated: {v}\n",
    "    kind: date\n    stated: {v}\n    expected: 2017-11-14\n",
    "    kind: date\n    stated: 지난 14일\n    expected: {v}\n",
]
_PUBLISHED = st.sampled_from(["2017-11-23", "0001-01-01", "0001-01-31", "9999-12-31", "2017-02-28"])


def _render_everything(text: str) -> None:
    from factcheck.claims.load import load_text
    from factcheck.formats import FORMATS, render
    from factcheck.report.runner import CheckOptions, check_catalog

    report = check_catalog(load_text(text, "prop.yaml"), CheckOptions(jobs=1))
    for name in FORMATS:
        out = render(report, name)
        if name in ("json", "sarif", "claimreview"):
            json.loads(out)
        elif name == "junit":
            xml.dom.minidom.parseString(out.encode("utf-8"))


@pytest.mark.parametrize("slot", _SLOTS, ids=[s.split("\n")[0].split()[-1] + str(i)
                                              for i, s in enumerate(_SLOTS)])
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=st.one_of(_GOOD, _GOOD, _NUMBERISH, st.text(max_size=80)), published=_PUBLISHED)
def test_any_field_value_gives_a_report(slot, value, published):
    # A JSON string is a YAML double-quoted scalar: the value arrives as generated.
    text = _HEADER.format(published=published) + slot.format(v=json.dumps(value))
    try:
        _render_everything(text)
    except FactcheckError as exc:
        assert str(exc)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=4),
    max_leaves=20,
)


@FAST
@given(claims=_JSON, rates=_JSON, coverage=_JSON, problems=_JSON)
def test_merge_refuses_malformed_reports_with_our_error(claims, rates, coverage, problems):
    from factcheck.formats import FORMATS, render
    from factcheck.report.merge import merge_reports, report_from_json

    data = {"summary": {}, "claims": claims, "rates": rates, "coverage": coverage,
            "problems": problems}
    try:
        merged = merge_reports([("r.json", report_from_json(data, "r.json"))])
    except FactcheckError as exc:
        assert str(exc)
        return
    for name in FORMATS:
        render(merged, name)


def test_a_failed_write_leaves_the_old_report_whole(tmp_path, monkeypatch):
    from factcheck import fileio

    target = tmp_path / "report.json"
    target.write_text("the previous report\n", "utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", disk_full)
    with pytest.raises(FactcheckError, match="cannot write the report: No space left"):
        fileio.write_output("a new report that will not fit\n", str(target))
    assert target.read_text("utf-8") == "the previous report\n"
    assert os.listdir(tmp_path) == ["report.json"]


def test_a_crash_in_a_worker_process_is_one_line_without_debug():
    from factcheck.report import parallel

    class CrashedWorker:
        def recv(self):
            return ("crash", "Traceback (most recent call last):\n  File \"x.py\", line 1\n"
                             "OverflowError: date value out of range\n")

    with pytest.raises(RuntimeError) as caught:
        parallel._receive(CrashedWorker())
    assert str(caught.value) == "in a worker process: OverflowError: date value out of range"
    assert "Traceback" in "".join(caught.value.__notes__)  # shown with --debug


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null on this system")
def test_output_to_a_device_writes_to_it_and_never_renames_over_it(monkeypatch):
    # `--output /dev/null` run as root once replaced /dev/null by a regular file.
    import stat

    from factcheck import fileio

    def refuse(*args, **kwargs):
        raise AssertionError("a temporary file and a rename for a device")

    monkeypatch.setattr(fileio.tempfile, "mkstemp", refuse)
    monkeypatch.setattr(fileio.os, "replace", refuse)
    fileio.write_output("a report nobody keeps\n", "/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)

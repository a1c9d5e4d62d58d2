"""Whatever the text, a draft loads as a valid claim file and every quote is in the text."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.load import load_text
from factcheck.draft.article import draft_claims
from factcheck.draft.yamlout import Header, render

TOKENS = ["100억 위안", "(약 1조6천519억 원)", "1000억 위안", "약", "(", ")", "（", "）", "约合",
          "15亿美元", "人民币103亿元", "$4.5 billion", "30.6 billion yuan", ", ", "、", "。", ". ",
          "\n", " ", "합산하면", "의 절반", "3배", "20%", "에서", "로", "증가", "지난 14일", "1일",
          "on Thursday", "바이두", "알리바바", "3곳", "4대", "three cities:", "Beijing", "and",
          "a total of", "of which", "half of the", "이상", "을 넘어", "\u202e", "::error", "#",
          '"', "'", "\\", "0", "-5%", "5~10년", "수십억 원"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map("".join))
def test_any_text_drafts_a_loadable_file_with_verbatim_quotes(text):
    claims = draft_claims(text, dt.date(2017, 11, 23))
    assert all(c.quote and text[c.start:c.end] == c.quote for c in claims)
    assert len({c.claim_id for c in claims}) == len(claims)
    yaml = render(Header("a", "T", dt.date(2017, 11, 23), None, None, "t"), claims)
    catalog = load_text(yaml, "a.yaml")
    assert catalog.problems == []
    assert [c.id for b in catalog.articles for c in b.claims] == [c.claim_id for c in claims]
    assert all(not line.startswith("::") for line in yaml.splitlines())

"""The seed's HTML report in a real browser (headless Chromium driven by Playwright).

Skipped, with the reason printed, when Playwright or a Chromium is missing; CI sets
FACTCHECK_REQUIRE_BROWSER=1, which turns that skip into a failure. Screenshots at
360, 390 and 1280 px are kept in FACTCHECK_ARTEFACTS (default: a temporary folder) for a
person to look at.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import seedtext

from factcheck.formats import render

from .snapshot_outputs import seed_report

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def _browser_or_reason() -> tuple[str | None, str]:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return None, "Playwright for Python is not installed (pip install playwright)"
    path = os.environ.get("FACTCHECK_CHROMIUM") or next(
        (p for p in map(shutil.which, _CANDIDATES) if p), None)
    if not path:
        return None, "no Chromium found (apt-get install chromium, or set FACTCHECK_CHROMIUM)"
    return path, ""


@pytest.fixture(scope="module")
def page_of(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path, reason = _browser_or_reason()
    if path is None:
        if os.environ.get("FACTCHECK_REQUIRE_BROWSER") == "1":
            pytest.fail(f"FACTCHECK_REQUIRE_BROWSER=1 but {reason}")
        print(f"skipping the browser tests: {reason}")
        pytest.skip(reason)
    report = seed_report(seedtext.seed_path())  # skips, or fails in CI, without the text
    assert any(isinstance(a.get("text"), str) for a in report.articles)
    folder = tmp_path_factory.mktemp("html")
    (folder / "seed.html").write_text(render(report, "html"), "utf-8")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=["--no-sandbox"])

        def open_at(width: int) -> Any:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto((folder / "seed.html").as_uri())
            return page

        yield open_at, report
        browser.close()


def _artefacts() -> Path:
    folder = Path(os.environ.get("FACTCHECK_ARTEFACTS") or "/tmp/factcheck-artefacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_no_horizontal_scroll_and_a_screenshot(page_of: Any, width: int) -> None:
    open_at, _ = page_of
    page = open_at(width)
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"the page is {scroll} px wide at {width} px"
    shot = _artefacts() / f"seed-report-{width}px.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")


def test_dark_mode_and_print_artefacts(page_of: Any) -> None:
    open_at, _ = page_of
    page = open_at(1280)
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.emulate_media(color_scheme="dark")
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert light == "rgb(255, 255, 255)" and dark != light, (light, dark)
    shot = _artefacts() / "seed-report-1280px-dark.png"
    page.screenshot(path=str(shot), full_page=True)
    page.emulate_media(color_scheme="light")
    pdf = page.pdf()  # Chromium prints with the print media
    assert pdf.startswith(b"%PDF-")
    (_artefacts() / "seed-report-print.pdf").write_bytes(pdf)
    print(f"screenshot: {shot}; printed: {_artefacts() / 'seed-report-print.pdf'}")


def test_every_contradiction_is_explained_in_view(page_of: Any) -> None:
    open_at, report = page_of
    page = open_at(1280)
    reasons = page.locator(".article .reason.contradicted")
    wanted = sum(1 for f in report.findings if f.verdict == "contradicted")
    assert reasons.count() == wanted
    for k in range(wanted):
        assert reasons.nth(k).is_visible()
    # ... and in the claim list, whose wrong claims are open.
    for k in range(wanted):
        assert page.locator("details.contradicted p").nth(k).is_visible()


_NOTES = (
    "(() => { const art = document.querySelector('.article').getBoundingClientRect();"
    " return [[art.left, art.right], [...document.querySelectorAll('.article .reason')].map(n => {"
    " const b = n.getBoundingClientRect(), s = n.previousElementSibling.getBoundingClientRect();"
    " return [b.left, b.top, b.right, b.bottom, getComputedStyle(n).float, s.top, s.bottom];"
    " })]; })()"
)


def test_reasons_are_margin_notes_on_a_wide_screen(page_of: Any) -> None:
    open_at, report = page_of
    page = open_at(1280)
    (_, art_right), notes = page.evaluate(_NOTES)
    wanted = sum(1 for f in report.findings if f.verdict != "holds" or f.unexpected)
    assert len(notes) == wanted > 0
    for left, top, right, _, float_, mark_top, _ in notes:
        assert float_ == "right"
        assert art_right < left and right <= 1280, (left, right, art_right)
        # beside its sentence: it starts on the quote's line, or below notes before it
        assert top >= mark_top - 30, (top, mark_top)
    ordered = sorted(notes, key=lambda n: n[1])
    for above, below in zip(ordered, ordered[1:], strict=False):
        assert above[3] <= below[1], f"margin notes overlap: {above[:4]} and {below[:4]}"
    # the first note sits on the line of its quote, not pushed down the page
    assert abs(ordered[0][1] - ordered[0][5]) < 30


@pytest.mark.parametrize("width", [390, 360])
def test_reasons_are_inline_on_a_phone(page_of: Any, width: int) -> None:
    open_at, _ = page_of
    page = open_at(width)
    (art_left, art_right), notes = page.evaluate(_NOTES)
    assert notes
    for left, top, right, _, float_, _, mark_bottom in notes:
        assert float_ == "none"
        assert art_left < left and right < art_right <= width, (left, right, art_right)
        assert top >= mark_bottom - 1, "an inline note starts below its quote"


def test_print_shows_each_verdict_in_words(page_of: Any) -> None:
    open_at, _ = page_of
    page = open_at(1280)
    page.emulate_media(media="print")
    after = page.evaluate(
        "[...document.querySelectorAll('.article mark')].map("
        "m => getComputedStyle(m, '::after').content)")
    assert after and all(any(v in c for v in ("holds", "contradicted", "undetermined"))
                         for c in after), after[:5]
    hidden = page.evaluate(
        "[...document.querySelectorAll('details')].filter("
        "d => d.querySelector('blockquote') && !d.querySelector('blockquote').checkVisibility())"
        ".length")
    assert hidden == 0, f"{hidden} claims print without their quote"
    shown = page.evaluate(
        "[...document.querySelectorAll('#claims details')].map(d => [d.className,"
        " [...d.querySelectorAll(':scope > .sources, :scope > p.muted')]"
        ".filter(e => e.checkVisibility()).length])")
    for cls, visible in shown:
        if cls == "holds":  # as expected: sources and computation stay on screen only
            assert visible == 0, cls
        elif cls in ("contradicted", "undetermined"):
            assert visible >= 1, cls


def test_chart_labels_do_not_overlap_and_stay_inside(page_of: Any) -> None:
    open_at, _ = page_of
    page = open_at(1280)
    charts = page.evaluate(
        "[...document.querySelectorAll('svg')].map(s => { const c = s.getBoundingClientRect();"
        " return [[c.left, c.top, c.right, c.bottom], [...s.querySelectorAll('text')]"
        ".map(t => { const b = t.getBoundingClientRect();"
        " return [b.left, b.top, b.right, b.bottom, t.textContent]; })]; })")
    assert len(charts) >= 2
    for (left, top, right, bottom), texts in charts:
        assert texts
        for i, a in enumerate(texts):
            assert left <= a[0] and a[2] <= right and top <= a[1] and a[3] <= bottom, (
                f"label {a[4]!r} leaves its chart")
            for b in texts[i + 1:]:
                apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                assert apart, f"labels {a[4]!r} and {b[4]!r} overlap"


@pytest.mark.parametrize("width", [360, 1280])
def test_chart_text_is_12_px_on_every_screen(page_of: Any, width: int) -> None:
    open_at, _ = page_of
    page = open_at(width)
    sizes = page.evaluate(
        "[...document.querySelectorAll('svg')].map(s => [s.getBoundingClientRect().width"
        " / s.viewBox.baseVal.width, [...new Set([...s.querySelectorAll('text')]"
        ".map(t => getComputedStyle(t).fontSize))]])")
    assert sizes
    for scale, fonts in sizes:
        # drawn at its own size (a narrow screen scrolls the chart), so 12 px stays 12 px
        assert scale == 1 and fonts == ["12px"], (width, scale, fonts)
    hints = page.evaluate("[...document.querySelectorAll('figcaption .narrow')]"
                          ".map(h => h.checkVisibility())")
    # a chart wider than the screen says that it scrolls
    assert hints and set(hints) == {width < 704}


# The WCAG 2 contrast ratio of each text's colour (an SVG text's fill) against what is
# behind it: the backgrounds of its ancestors, composited until one is opaque.
_CONTRAST = """() => {
  const rgba = c => { const m = c.match(/[\\d.]+/g).map(Number);
    return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const lum = ([r, g, b]) => { const f = v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const behind = el => { const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] === 1) break; } }
    let out = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse())
      out = [r * a + out[0] * (1 - a), g * a + out[1] * (1 - a), b * a + out[2] * (1 - a)];
    return out; };
  for (const d of document.querySelectorAll('details')) d.open = true;
  const seen = [];
  for (const el of document.querySelectorAll('body *')) {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    if (!el.checkVisibility()) continue;
    const style = getComputedStyle(el);
    const fg = rgba(el instanceof SVGElement ? style.fill : style.color);
    const bg = behind(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    seen.push([el.tagName, el.className.baseVal ?? el.className,
               el.textContent.trim().slice(0, 30), (hi + 0.05) / (lo + 0.05),
               parseFloat(style.fontSize)]);
  }
  return seen; }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_meets_wcag_aa(page_of: Any, scheme: str) -> None:
    open_at, _ = page_of
    page = open_at(1280)
    page.emulate_media(color_scheme=scheme)
    seen = page.evaluate(_CONTRAST)
    assert len(seen) > 100
    assert any(tag == "text" for tag, *_ in seen), "no chart text was measured"
    low = [s for s in seen if s[3] < 4.5]
    assert not low, f"{len(low)} texts under 4.5:1 in {scheme} mode, e.g. {low[:5]}"
    small = [s for s in seen if s[4] < 12]
    assert not small, f"text under 12 px: {small[:5]}"


def test_keyboard_order_is_one_tab_stop_per_claim(page_of: Any) -> None:
    open_at, report = page_of
    page = open_at(1280)
    stops = []
    for _ in range(len(report.findings) + 2):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(
            "(e => e.tagName === 'SUMMARY' ? e.parentElement.id : e.id || e.className)"
            "(document.activeElement)"))
    order = sorted(enumerate(report.findings, 1), key=lambda it: (it[1].sort_key(), it[0]))
    # the skip link, the filter (one stop for the radio group), then each claim once,
    # the worst first, in the list's order
    assert stops == ["skip", "f-all"] + [f"claim-{i}" for i, _ in order]


def test_a_claims_body_is_not_underlined(page_of: Any) -> None:
    open_at, _ = page_of
    page = open_at(1280)
    lines = page.evaluate("[...document.querySelectorAll('#claims details')]"
                          ".map(d => getComputedStyle(d).textDecorationLine)")
    assert lines and set(lines) == {"none"}
    marks = page.evaluate("[...document.querySelectorAll('.article mark')]"
                          ".map(m => getComputedStyle(m).textDecorationLine)")
    assert marks and set(marks) == {"underline"}

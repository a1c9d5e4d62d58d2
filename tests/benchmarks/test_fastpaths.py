"""Fast paths taken for speed give exactly what the slow general code gives."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.formats import escape


def _slow_visible(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\n\t\r":
            out.append(" ")
        elif unicodedata.category(ch) in escape._HIDDEN:
            out.append(escape._escape_char(ch))
        else:
            out.append(ch)
    return "".join(out)


@given(st.text(st.characters()))  # any character, NUL and controls too: they must be escaped
def test_visible_fast_path_changes_nothing(text):
    assert escape.visible(text) == _slow_visible(text)


@given(st.text(st.sampled_from("&<>\"'a&#;x\u00e9\U0001f600") | st.characters()))
def test_html_escape_is_the_standard_librarys(text):
    """The HTML escape replaces what html.escape(quote=True) does, without importing html."""
    import html

    assert escape.html(text) == escape._break_commands(
        html.escape(escape.visible(text), quote=True), "&#58;", "&#35;")


def _parsed(argv: list[str], every: bool, capsys) -> tuple[object, str, str]:
    """What the command line makes of ``argv``: its arguments or its exit, and the output."""
    from factcheck import cli

    parser, _ = cli._build_parser(argv, every=every)
    try:
        outcome: object = ("arguments", vars(parser.parse_args(argv)))
    except SystemExit as exc:
        outcome = ("exit", exc.code)
    out = capsys.readouterr()
    return outcome, out.out, out.err


@pytest.mark.parametrize("argv", [
    ["check"], ["check", "claims", "-f", "json", "--jobs", "2"], ["check", "--bogus"],
    ["check", "-h"], ["check", "--format", "nope"], ["check", "claims", "--debug"],
    ["check", "parse"], ["parse", "1", "-3.9%"], ["parse", "--help"], ["merge"],
    ["rates", "--jobs"], ["schema", "extra"], ["draft", "--help"], ["new"],
    ["--debug", "check", "claims"], ["claims", "check"], [], ["--help"], ["-h", "check"],
    ["--version"], ["nope"],
])
def test_a_command_line_parses_as_with_every_commands_parser(argv, capsys, monkeypatch):
    """Without the parsers of the commands not given: the same arguments, help, usage and
    errors, byte for byte."""
    from factcheck import cli

    monkeypatch.setenv("COLUMNS", "100")
    if argv and argv[0] == "parse":
        argv = cli._numbers_are_not_options(argv)
    assert _parsed(argv, False, capsys) == _parsed(argv, True, capsys)
    parser, chosen = cli._build_parser(argv)
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert list(commands) == ([chosen] if argv and argv[0] == chosen else list(cli.COMMANDS))


def _kinship(old: str, new: str) -> tuple[int, str]:
    """The candidate order as first written: shared leading entity segments, then name."""
    shared = 0
    for a, b in zip(old.split(".")[:-1], new.split(".")[:-1], strict=False):
        if a != b:
            break
        shared += 1
    return (-shared, new)


def _naive_substitute(tree, decision, quantities, text, tolerance, rates=None):
    """The search as first written: a full decide on a fresh copy for every candidate."""
    from factcheck.errors import FactcheckError
    from factcheck.expr.decide import decide
    from factcheck.kinds.compare import MAX_SUBSTITUTION_CHARS, MAX_SUBSTITUTIONS
    from factcheck.quantity import units
    from factcheck.quantity.interval import Truth

    tries = 0
    allowed = min(MAX_SUBSTITUTIONS, MAX_SUBSTITUTION_CHARS // max(len(text), 1))
    for old in decision.facts:
        original = quantities[old]
        for new in sorted(quantities, key=lambda name: _kinship(old, name)):
            if new in decision.facts or not units.same_dimension(
                    quantities[new].unit, original.unit):
                continue
            tries += 1
            if tries > allowed:
                return None
            swapped = dict(quantities)
            swapped[old] = quantities[new]
            try:
                if decide(tree, swapped, text, tolerance, rates=rates).truth is Truth.TRUE:
                    return old, new
            except FactcheckError:
                continue
    return None


def _compare_claims(paths):
    from factcheck.claims.load import load_paths
    from factcheck.kinds import compare

    catalog = load_paths(paths)
    # The run's shared view, so that the search's caches are used as in a real run.
    quantities = compare._quantities(catalog.facts)
    # A claim resting on a fact written 'value: unknown' is undetermined without a
    # decision, so there is no search to compare for it.
    claims = [c.claim for _, c in catalog.claims()
              if c.kind == "compare" and not any(n in c.claim.expr for n in catalog.unknown)]
    return quantities, claims


def _seed_rates():
    """The ECB rates of the seed article's day, as ``in KRW`` asks for them."""
    import datetime as dt

    from factcheck.rates import ecb_provider

    provider = ecb_provider()
    return lambda src, dst, day: provider.rate(src, dst, day or dt.date(2017, 11, 23))


def _check_search(paths, limit=None):
    from factcheck.expr.decide import decide, parse_tolerance
    from factcheck.expr.syntax import parse_comparison
    from factcheck.kinds import compare

    quantities, claims = _compare_claims(paths)
    rates = _seed_rates()
    checked = found = 0
    for claim in claims[:limit]:
        tree = parse_comparison(claim.expr, quantities.keys())
        tolerance = parse_tolerance(claim.tolerance) if claim.tolerance else None
        decision = decide(tree, quantities, claim.expr, tolerance, rates=rates)
        expected = _naive_substitute(tree, decision, quantities, claim.expr, tolerance, rates)
        assert compare._substitute(tree, decision, quantities, claim.expr, tolerance,
                                   rates) == expected
        checked += 1
        found += expected is not None
    return checked, found


def test_the_fact_search_finds_what_the_naive_search_finds_on_the_seed():
    import os

    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    checked, found = _check_search([os.path.join(root, "claims")])
    assert checked > 20 and found >= 1


@pytest.mark.parametrize("kept", [512, 2])
def test_the_fact_search_finds_what_the_naive_search_finds_on_a_corpus(generated_corpus,
                                                                       monkeypatch, kept):
    """Also when the kept candidate orders are evicted all the time (kept=2)."""
    from factcheck.kinds import compare

    monkeypatch.setattr(compare, "MAX_KEPT_ORDERS", kept)
    compare._SHARED[:] = [None, {}, {}]  # a fresh fact view, so the bound applies from the start
    checked, found = _check_search([generated_corpus(400)])
    assert checked >= 150 and found >= 1


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    | st.dictionaries(st.integers(), inner, max_size=2),
    max_leaves=20,
)


@given(_json_values)
def test_fast_json_writes_what_the_standard_encoder_writes(value):
    import json

    from factcheck.formats import json as json_format

    assert json_format.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


_rates = st.fractions(min_value=0, max_value=10**6, max_denominator=10**6).filter(lambda r: r > 0)


@given(values=st.lists(_rates, min_size=1, max_size=30), rate=_rates, tie=st.booleans())
def test_nearest_rate_prefilter_keeps_the_exact_answer(values, rate, tie):
    from factcheck.rates import analysis

    if tie:  # an exact tie between two days, around the rate
        values = [*values, rate + (rate - values[0])] if rate > values[0] else values
    series = tuple((dt.date(2017, 1, 1) + dt.timedelta(days=i), v) for i, v in enumerate(values))
    floats = tuple(float(v) for _, v in series)

    def key(s):
        return (abs(s[1] - rate), -s[0].toordinal())

    kept = [series[i] for i in analysis._near(floats, rate)]
    assert min(kept, key=key) == min(series, key=key)


_ends = st.none() | st.fractions(min_value=-1000, max_value=1000, max_denominator=50)


@st.composite
def _intervals(draw):
    from factcheck.quantity.interval import Interval

    a, b = draw(_ends), draw(_ends)
    if a is not None and b is not None and a > b:
        a, b = b, a
    lo_open, hi_open = draw(st.booleans()), draw(st.booleans())
    if a is not None and a == b:
        lo_open = hi_open = False
    return Interval(a, b, lo_open, hi_open)


@given(_intervals(), st.fractions(min_value=-1000, max_value=1000, max_denominator=50)
       | st.sampled_from([0]))
def test_product_with_a_point_is_the_general_product(interval, factor):
    from fractions import Fraction

    from factcheck.quantity.interval import Interval

    point = Interval.point(Fraction(factor))
    assert interval * point == interval._product(point)
    assert interval.scale(factor) == interval._product(point)


# -- caches and the folder walk ---------------------------------------------------------

_EXPR_CHARS = st.sampled_from(
    list("0123456789.,억조만亿万元원 +-*/()<>=ax$%约") + ["USD", "약", "위안", "RMB", "多"])


def _match_uncached(text, pos):
    from factcheck.quantity.grammar import FORMS
    from factcheck.quantity.numerals import Bad
    from factcheck.quantity.scanner import Scanner

    try:
        return ("ok", Scanner(text, "match").quantity(pos))
    except Bad as exc:
        return ("error", str(exc), FORMS)


def _match_cached(text, pos):
    from factcheck.errors import QuantityError
    from factcheck.quantity.grammar import FORMS, match_quantity

    try:
        return ("ok", match_quantity(text, pos))
    except QuantityError as exc:
        return ("error", exc.message, exc.hint or FORMS)


# No deadline: the first example builds the scanner's tables, which on a busy machine
# takes longer than Hypothesis's 200 ms; what is tested is agreement, not time.
@settings(max_examples=500, deadline=None)
@given(st.lists(_EXPR_CHARS, max_size=25).map("".join), st.data())
def test_cached_quantity_match_is_the_scan_at_that_position(text, data):
    """match_quantity caches on (previous character, rest): the scan must agree anywhere."""
    if not text:
        return
    pos = data.draw(st.integers(0, len(text) - 1))
    assert _match_cached(text, pos) == _match_uncached(text, pos)
    # Asked twice (the second answer comes from the cache), the answer is the same.
    assert _match_cached(text, pos) == _match_uncached(text, pos)


@given(lo=st.fractions(max_denominator=10**6) | st.none(),
       width=st.fractions(min_value=0, max_value=10**9, max_denominator=1000),
       lo_open=st.booleans(), hi_open=st.booleans(),
       unit=st.sampled_from(["CNY", "KRW", "percent", "dimensionless", "hectare"]))
def test_cached_interval_format_is_the_plain_format(lo, width, lo_open, hi_open, unit):
    from factcheck.expr.display import _format_interval, format_interval
    from factcheck.quantity import units
    from factcheck.quantity.interval import Interval

    hi = None if lo is None else lo + width
    if lo is not None and width == 0:
        lo_open = hi_open = False
    interval = Interval(lo, hi, lo_open, hi_open)
    u = units.unit(unit)
    assert format_interval(interval, u) == _format_interval.__wrapped__(interval, u)
    assert format_interval(interval, u) == _format_interval.__wrapped__(interval, u)


@given(st.dates(min_value=dt.date(1999, 1, 1), max_value=dt.date(2024, 12, 31)),
       st.sampled_from([("CNY", "KRW"), ("KRW", "CNY"), ("USD", "EUR"), ("EUR", "EUR")]))
def test_rate_window_from_year_slices_is_the_series_read_afresh(day, pair):
    """A window is cut from cached years of rates; read day by day it is the same."""
    from factcheck.rates import analysis
    from factcheck.rates.numbers import significant
    from factcheck.rates.reference import ecb_provider

    provider = ecb_provider()
    start = analysis.window_start(day)
    assert (day - start).days + 1 == analysis.NEAREST_WINDOW_DAYS
    expected = tuple(provider.series(*pair, start, day))
    series, rows, floats = analysis._window(provider, *pair, day)
    assert series == expected
    assert rows == tuple((d.isoformat(), significant(r)) for d, r in expected)
    assert floats == (tuple(float(r) for _, r in expected) if expected else None)


def _slow_expand(paths):
    """The walk as first written: os.walk, then a realpath per file."""
    import os

    files, seen = [], set()
    for path in paths:
        found = []
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(os.path.join(root, n) for n in names if n.endswith((".yaml", ".yml")))
        inside = os.path.realpath(path)
        for f in sorted(found):
            real = os.path.realpath(f)
            if os.path.commonpath([inside, real]) != inside or not os.path.isfile(f):
                continue
            if real not in seen:
                seen.add(real)
                files.append(f)
    return files


def test_folder_walk_finds_what_a_realpath_per_file_finds(tmp_path):
    import os

    from factcheck.claims.load import expand_paths

    real = tmp_path / "real"
    (real / "b" / "deep").mkdir(parents=True)
    (real / ".git").mkdir()
    for name in ("a.yaml", "b/c.yml", "b/deep/d.yaml", ".git/e.yaml", "b/notes.txt"):
        (real / name).write_text("facts: {}\n")
    os.symlink(real / "a.yaml", real / "b" / "same-as-a.yaml")  # a duplicate through a link
    os.symlink(real / "b", real / "linked-folder")  # not followed
    os.symlink(real / "missing.yaml", real / "broken.yaml")
    os.symlink(real, tmp_path / "via-link")  # the folder itself given through a link
    for folder in (str(real), str(tmp_path / "via-link"), str(tmp_path)):
        files, _ = expand_paths([folder])
        assert files == _slow_expand([folder])
    files, problems = expand_paths([str(tmp_path / "via-link"), str(real)])
    assert files == _slow_expand([str(tmp_path / "via-link"), str(real)])
    assert [os.path.basename(f) for f in files] == ["a.yaml", "c.yml", "d.yaml"]
    assert [(p.code, os.path.basename(p.file)) for p in problems] == [
        ("io.not-regular", "broken.yaml"), ("io.not-regular", "broken.yaml")]


@settings(max_examples=60)
@given(size=st.integers(0, 200_000), limit=st.integers(0, 200_000))
def test_bounded_read_asks_for_the_file_size_and_keeps_the_limit(tmp_path_factory, size, limit):
    import io

    from factcheck import fileio
    from factcheck.errors import FactcheckError

    data = (b"abc\n" * (size // 4 + 1))[:size]
    path = tmp_path_factory.mktemp("read") / "f.yaml"
    path.write_bytes(data)
    if size <= limit:
        assert fileio.read_text(str(path), limit=limit) == data.decode()
    else:
        with pytest.raises(FactcheckError, match="larger than the limit"):
            fileio.read_text(str(path), limit=limit)
    # Without a size to ask for (a pipe), chunks up to the bound.
    assert fileio._read_at_most(io.BytesIO(data).read, 0, limit + 1) == data[: limit + 1]


def test_folder_walk_reports_a_link_loop(tmp_path):
    import os

    from factcheck.claims.load import expand_paths

    loop = tmp_path / "loops"
    loop.mkdir()
    os.symlink(loop / "self.yaml", loop / "self.yaml")  # a link to itself
    files, problems = expand_paths([str(loop)])
    assert files == []
    assert [(p.code, os.path.basename(p.file)) for p in problems] == [
        ("io.not-regular", "self.yaml")]


def test_folder_walk_reports_a_tree_deeper_than_the_limit_without_recursing(tmp_path):
    import os

    from factcheck.claims.load import expand_paths

    deep = tmp_path / "deep"
    levels = [str(deep)]
    for _ in range(1_100):  # one level at a time: pathlib's mkdir(parents=True) recurses too
        levels.append(os.path.join(levels[-1], "d"))
    try:
        for level in levels:
            os.mkdir(level)
        with open(os.path.join(levels[-1], "x.yaml"), "w") as fh:
            fh.write("facts: {}\n")
        files, problems = expand_paths([str(deep)])
        # Walked without recursion to the depth limit, and the deeper folder reported.
        assert files == []
        assert [(p.code, p.file) for p in problems] == [
            ("input.limit", levels[101]), ("io.no-files", str(deep))]
    finally:
        # Bottom up, iteratively: pytest's own clean-up (shutil.rmtree) recurses.
        if os.path.exists(os.path.join(levels[-1], "x.yaml")):
            os.remove(os.path.join(levels[-1], "x.yaml"))
        for level in reversed(levels):
            if os.path.isdir(level):
                os.rmdir(level)

"""The --jobs path: same report as one process, for clean input and for input with problems."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.formats import RenderOptions, render
from factcheck.report import parallel
from factcheck.report.runner import CheckOptions, run_check

needs_fork = pytest.mark.skipif(
    not parallel.fork_available(), reason="no 'fork' start method here: --jobs uses one process"
)

FACTS = """\
sources:
  plan: {title: A plan, published: 2017-07-20}
facts:
  city.core_2020: {value: 500亿元, source: plan}
  city.firms: {value: 300家, source: plan}
"""


def article(n: int, claim_ids: list[str], source_line: str = "") -> str:
    lines = ["article:", f"  id: art{n}", "  title: T", "  published: 2017-11-23",
             "  language: ko", "claims:"]
    for cid in claim_ids:
        lines += [f"  - id: {cid}", "    quote: q", "    kind: compare",
                  '    expr: "city.core_2020 >= 400억 위안"']
    lines += [
        f"  - id: conv-{n}", "    quote: q", "    kind: convert", "    amount: 100억 위안",
        "    stated: 약 1조6519억 원",
    ]
    return "\n".join(lines) + "\n" + source_line


def write(tmp_path, files: dict[str, str]) -> str:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return str(tmp_path)


def both(folder: str, monkeypatch) -> tuple[str, str, list[object]]:
    """Text and JSON of --jobs 1 and --jobs 2, and what the parallel path returned."""
    seen: list[object] = []
    real = parallel.check_parallel

    def spy(*args, **kwargs):
        result = real(*args, **kwargs)
        seen.append(result)
        return result

    monkeypatch.setattr(parallel, "check_parallel", spy)
    one = run_check([folder], CheckOptions(jobs=1))
    two = run_check([folder], CheckOptions(jobs=2))
    for fmt in ("text", "json"):
        assert render(one, fmt, RenderOptions()) == render(two, fmt, RenderOptions())
    return render(one, "text", RenderOptions()), render(two, "json", RenderOptions()), seen


@needs_fork
def test_clean_input_is_checked_in_parallel(tmp_path, monkeypatch):
    files = {"a/facts.yaml": FACTS}
    files.update({f"b/art{n}.yaml": article(n, [f"c{n}-{i}" for i in range(3)])
                  for n in range(6)})
    text, _, seen = both(write(tmp_path, files), monkeypatch)
    assert len(seen) == 1 and seen[0] is not None, "the parallel path must have been used"
    assert "24 claims: 0 unexpected, 0 contradicted, 0 undetermined, 24 hold" in text


@needs_fork
def test_facts_citing_a_source_in_another_shard(tmp_path, monkeypatch):
    # The source is defined in the last file, the fact citing it in the first: each
    # shard alone sees an unknown source; together the run is clean.
    files = {"a/facts.yaml": FACTS.split("facts:\n")[0].replace("sources:\n", "")
             .replace("  plan: {title: A plan, published: 2017-07-20}\n", "")
             + "facts:\n" + FACTS.split("facts:\n")[1]}
    files.update({f"b/art{n}.yaml": article(n, [f"c{n}"]) for n in range(4)})
    files["c/source.yaml"] = "sources:\n  plan: {title: A plan, published: 2017-07-20}\n"
    text, _, seen = both(write(tmp_path, files), monkeypatch)
    assert seen and seen[0] is not None
    assert "unknown" not in text


@needs_fork
@pytest.mark.parametrize("case", ["duplicate-claim", "bad-yaml", "unknown-source",
                                  "duplicate-fact"])
def test_input_with_problems_gives_the_same_report(tmp_path, monkeypatch, case):
    files = {"a/facts.yaml": FACTS}
    files.update({f"b/art{n}.yaml": article(n, [f"c{n}"]) for n in range(4)})
    if case == "duplicate-claim":
        files["b/art3.yaml"] = article(3, ["c0"])  # c0 is first used in art0, another shard
    elif case == "bad-yaml":
        files["b/art2.yaml"] = "article: [unclosed\n"
    elif case == "unknown-source":
        files["b/art3.yaml"] += "facts:\n  x.y: {value: 1家, source: nowhere}\n"
    else:
        files["b/art3.yaml"] += "facts:\n  city.firms: {value: 2家, source: plan}\n"
    text, data, seen = both(write(tmp_path, files), monkeypatch)
    assert seen == [None], "input with problems must fall back to one process"
    assert "PROBLEM" in text and '"problems"' in data


def test_jobs_must_be_positive():
    with pytest.raises(FactcheckError, match="--jobs must be at least 1, got 0"):
        parallel.wanted_jobs(0, ["a.yaml", "b.yaml"])


def test_default_jobs_stay_one_for_small_input(tmp_path):
    paths = []
    for n in range(3):
        path = tmp_path / f"f{n}.yaml"
        path.write_text("x: 1\n")
        paths.append(str(path))
    assert parallel.wanted_jobs(None, paths) == 1
    assert parallel.wanted_jobs(2, paths) == 2
    assert parallel.wanted_jobs(8, paths) == 3  # never more processes than files
    assert parallel.wanted_jobs(4, paths[:1]) == 1


@given(sizes=st.lists(st.integers(0, 5000), min_size=1, max_size=40),
       count=st.integers(1, 8))
def test_shards_are_contiguous_and_cover_every_file(tmp_path_factory, sizes, count):
    folder = tmp_path_factory.mktemp("shards")
    files = []
    for i, size in enumerate(sizes):
        path = os.path.join(folder, f"f{i:03d}.yaml")
        with open(path, "wb") as fh:
            fh.write(b"x" * size)
        files.append(path)
    parts = parallel.shards(files, count)
    assert [f for part in parts for f in part] == files
    assert all(parts) and len(parts) <= count


@given(sizes=st.lists(st.integers(1, 50), min_size=1, max_size=60),
       count=st.integers(1, 5), first=st.fractions(0, 3))
def test_a_weighted_first_shard_gets_its_share_give_or_take_a_file(sizes, count, first):
    index = parallel.shard_of(sizes, count, first)
    assert index == sorted(index) and index[0] >= 0 and index[-1] < count  # contiguous
    # The first shard ends where the middle of a file passes its share of the input,
    # so it holds first / (first + count - 1) of the bytes, give or take half a file.
    first_bytes = sum(size for size, i in zip(sizes, index, strict=True) if i == 0)
    target = first / (first + count - 1) * sum(sizes) if count > 1 else sum(sizes)
    assert abs(first_bytes - target) <= max(sizes) / 2


@given(sizes=st.lists(st.integers(1, 5000), min_size=1, max_size=40), count=st.integers(1, 8))
def test_equal_weights_cut_as_an_even_split(sizes, count):
    total, seen, even = sum(sizes), 0, []
    for size in sizes:
        even.append(min(count - 1, (2 * seen + size) * count // (2 * total)))
        seen += size
    assert parallel.shard_of(sizes, count) == even


def test_this_process_takes_less_by_the_work_it_does_alone():
    share = parallel.own_share(2)
    assert 0 < share < 1
    # This process's shard plus its tail equals a worker's shard.
    tail = parallel.SERIAL_TAIL * (share + 1)
    assert share + tail == 1
    assert parallel.own_share(1) == (1 - 0) / (1 + parallel.SERIAL_TAIL)
    assert parallel.own_share(100) == 0  # never below nothing


@needs_fork
@pytest.mark.parametrize("jobs", [2, 3])
def test_many_batches_taken_between_own_articles_merge_in_file_order(generated_corpus,
                                                                    monkeypatch, jobs):
    """This process checks the first shard and takes the workers' batches as they come;
    small batches make many messages arrive while it works. Same report as one process."""

    folder = generated_corpus(2000)
    monkeypatch.setattr(parallel, "BATCH_ARTICLES", 3)
    taken = []
    real_take = parallel._Inbox._take

    def counting_take(self, i):
        taken.append(i)
        return real_take(self, i)

    monkeypatch.setattr(parallel._Inbox, "_take", counting_take)
    one = run_check([folder], CheckOptions(jobs=1))
    many = run_check([folder], CheckOptions(jobs=jobs))
    for fmt in ("text", "json"):
        assert render(one, fmt, RenderOptions()) == render(many, fmt, RenderOptions())
    assert set(taken) == set(range(jobs - 1)), "every worker sent its results"
    assert len(taken) > 20, "the results came in many messages"


@needs_fork
def test_an_error_in_this_process_stops_the_workers_at_once(generated_corpus, monkeypatch):
    """No waiting on workers whose results are of no use (before: 5 s per worker), and
    none left behind: they close their copies of this process's pipe ends."""
    import multiprocessing
    import time

    folder = generated_corpus(3000)
    monkeypatch.setattr(parallel, "BATCH_ARTICLES", 1)  # workers have much to send

    def broken(self):
        raise RuntimeError("a bug while checking this process's own shard")

    monkeypatch.setattr(parallel._Inbox, "take_ready", broken)
    start = time.monotonic()
    with pytest.raises(RuntimeError, match="own shard"):
        run_check([folder], CheckOptions(jobs=3))
    # A bound for a hang, not a speed target: the old clean-up took over 10 s here.
    assert time.monotonic() - start < 6
    assert multiprocessing.active_children() == []

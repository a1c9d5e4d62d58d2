"""Measure factcheck's performance targets side by side and print every one as a table.

Usage: ``python benchmarks/run.py`` (about 20 minutes on two free cores: it checks
100,000 and 300,000 claims in every format, each between runs of text) or ``python
benchmarks/run.py --smoke`` (small corpora, under a minute; no verdict on the targets,
it only keeps this script working).

Every figure is a ratio or a budget measured in this one run, so a slow or busy
machine shifts both sides alike: start-up against importing pint and pydantic (in
a virtual environment of a plain install, made for the purpose), the loader against
PyYAML's C event parser alone, CPU time and peak memory of every format against
text (in the order of ``interleave.schedule``, so that the machine's drift cancels),
growth from 100,000 to 300,000 claims, throughput with ``--jobs``, and
parse_quantity against cn2an. Every ``factcheck`` run must exit 0: a generated
corpus that does not is a failure of the generator or of the checker.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import bench_parse  # noqa: E402  (the cn2an comparison, reused here)
import generate  # noqa: E402
import interleave  # noqa: E402


@dataclass
class Row:
    target: str
    measured: str
    goal: str
    met: bool | None  # None: not judged (smoke run)


def factcheck_command() -> list[str]:
    """The installed console script next to this Python, else ``python -m factcheck``."""
    script = os.path.join(os.path.dirname(sys.executable), "factcheck")
    if os.path.exists(script):
        return [script]
    return [sys.executable, "-m", "factcheck"]


# Start-up is measured as an installed package starts: from compiled .pyc files.
# (Some environments set PYTHONDONTWRITEBYTECODE, which makes every start compile
# factcheck from source while pint and pydantic come precompiled from site-packages.)
# The .pyc files go to a folder of their own, not into the source tree.
_ENV: dict[str, str] = {}


def bytecode_env(folder: str) -> None:
    _ENV.clear()
    _ENV.update(os.environ)
    _ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    _ENV["PYTHONPYCACHEPREFIX"] = os.path.join(folder, "pycache")
    # Every run measures checking, not the result cache (which has a row of its own).
    _ENV["FACTCHECK_NO_CACHE"] = "1"
    # The growth runs check three times --claims in one run: past the default run limit
    # (150,000 claims), which the operator of a run may raise.
    _ENV["FACTCHECK_MAX_RUN_CLAIMS"] = "1000000"
    # ... and their JSON reports (about 1.7 KB a claim) are read back by merge whole.
    _ENV["FACTCHECK_MAX_REPORT_BYTES"] = str(4 * 1024**3)


def _run(cmd: list[str], *, expect_ok: bool = True, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          check=False, env=env or _ENV or None)
    elapsed = time.perf_counter() - start
    if expect_ok and done.returncode != 0:
        raise SystemExit(f"run.py: {' '.join(cmd)} exited {done.returncode}:\n"
                         f"{done.stderr.decode(errors='replace')[-2000:]}")
    return elapsed


def cpu_run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(CPU seconds, peak resident MB) of one command that runs in one process."""
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env or _ENV or None)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"run.py: {' '.join(cmd)} exited {proc.returncode}:\n"
                         f"{err.decode(errors='replace')[-2000:]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def source_digest() -> str:
    """A digest of what a plain install copies: factcheck's files and pyproject.toml."""
    digest = hashlib.sha256()
    paths = [os.path.join(ROOT, "pyproject.toml")]
    for folder, dirs, names in os.walk(os.path.join(ROOT, "factcheck")):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        paths.extend(os.path.join(folder, n) for n in sorted(names))
    for path in paths:
        digest.update(os.path.relpath(path, ROOT).encode() + b"\0")
        with open(path, "rb") as fh:
            digest.update(hashlib.sha256(fh.read()).digest())
    return digest.hexdigest()


def stamped(stamp: str, content: str, make: Callable[[], None]) -> None:
    """Run ``make`` unless ``stamp`` holds ``content`` (what made it last), then stamp it.

    What was just made is flushed to disk before anything is measured, so that the
    kernel's write-back of it does not run alongside the first runs.
    """
    try:
        with open(stamp, encoding="utf-8") as fh:
            if fh.read() == content:
                return
    except OSError:
        pass
    make()
    with open(stamp, "w", encoding="utf-8") as fh:
        fh.write(content)
    os.sync()


def plain_python(workdir: str, smoke: bool) -> str:
    """The Python of a virtual environment with factcheck installed plainly (no extras).

    Start-up is compared on such an install: numpy (which a development environment
    may have) makes ``import pint`` slower and so the ratio look better than it is.
    """
    if smoke:
        return sys.executable
    venv = os.path.join(workdir, "plain-venv")
    python = os.path.join(venv, "bin", "python")
    stamp = os.path.join(venv, ".complete")

    def install() -> None:
        subprocess.run([sys.executable, "-m", "venv", "--clear", venv], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", ROOT], check=True)

    # made anew whenever factcheck's files change
    stamped(stamp, f"plain install of {source_digest()}\n", install)
    has_numpy = subprocess.run([python, "-c", "import numpy"], capture_output=True).returncode
    if has_numpy == 0:
        raise SystemExit(f"run.py: {venv} has numpy; start-up is measured without it")
    return python


def startup(rounds: int, python: str,
            workdir: str) -> tuple[list[float], list[float], list[float]]:
    """Seconds of (import pint and pydantic, factcheck check claims without the result
    cache, factcheck check claims as it runs by default: a warm cache), one of each per
    round, interleaved."""
    base_cmd = [python, "-c", "import pint, pydantic"]
    check_cmd = [os.path.join(os.path.dirname(python), "factcheck"), "check", "claims"]
    if python == sys.executable:
        check_cmd = factcheck_command() + ["check", "claims"]
    cached_env = {k: v for k, v in (_ENV or os.environ).items() if k != "FACTCHECK_NO_CACHE"}
    cached_env["FACTCHECK_CACHE_DIR"] = os.path.join(workdir, "startup-cache")
    cached_env["XDG_CACHE_HOME"] = os.path.join(workdir, "startup-home")
    _run(base_cmd)
    _run(check_cmd)  # warm the file cache and the .pyc files for both
    _run(check_cmd, env=cached_env)  # and the result cache
    base, check, cached = [], [], []
    for _ in range(rounds):
        base.append(_run(base_cmd))
        check.append(_run(check_cmd))
        cached.append(_run(check_cmd, env=cached_env))
    return base, check, cached


class TreeMemory:
    """Peak memory of a process and its descendants, sampled from /proc.

    Proportional set size (Pss) counts pages shared after fork once, split among the
    processes sharing them; where it is unavailable, resident set size is summed.
    """

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _tree(self) -> list[int]:
        pids, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children") as fh:
                        todo.extend(int(c) for c in fh.read().split())
            except OSError:
                continue
        return pids

    @staticmethod
    def _kb(pid: int) -> int:
        for path, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
            try:
                with open(path) as fh:
                    for line in fh:
                        if line.startswith(key):
                            return int(line.split()[1])
            except OSError:
                continue
        return 0

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(self._kb(p) for p in self._tree()))
            self._stop.wait(self.interval)


def check_corpus(folder: str, jobs: int | None, out: str) -> tuple[float, float]:
    """(wall seconds, peak MB of the process tree) of one ``factcheck check`` run."""
    cmd = factcheck_command() + ["check", folder, "--output", out]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=_ENV or None)
    with TreeMemory(proc.pid) as memory:
        _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"run.py: {' '.join(cmd)} exited {proc.returncode}:\n"
                         f"{err.decode(errors='replace')[-2000:]}")
    return elapsed, memory.peak_kb / 1024


def corpus(claims: int, root: str) -> str:
    """A generated corpus of ``claims`` claims, reused when the same generator wrote it."""
    import shutil

    folder = os.path.join(root, f"claims-{claims}")
    with open(generate.__file__, "rb") as fh:
        made_by = f"{claims} claims by generate.py {hashlib.sha256(fh.read()).hexdigest()}\n"

    def write() -> None:
        shutil.rmtree(folder, ignore_errors=True)
        generate.generate(claims, folder)

    stamped(os.path.join(folder, ".complete"), made_by, write)
    return folder


def warm(folder: str) -> None:
    """Read every file of ``folder`` once, so that no run is the one that reads the disk."""
    for where, _, names in os.walk(folder):
        for name in names:
            with open(os.path.join(where, name), "rb") as fh:
                while fh.read(1 << 20):
                    pass


_LOADER = """
import sys, time
import yaml
from factcheck.claims.load import expand_paths, load_files
# Both sides are timed with what they import already imported: the kind modules and
# pint's units, which loading the first claims would import, are start-up (its own row).
load_files(expand_paths([sys.argv[2]])[0])
files, _ = expand_paths([sys.argv[1]])
texts = []
for path in files:
    with open(path, encoding="utf-8") as fh:
        texts.append(fh.read())
start = time.process_time()
for text in texts:
    for _ in yaml.parse(text, Loader=yaml.CSafeLoader):
        pass
floor = time.process_time() - start
start = time.process_time()
catalog = load_files(files)
loader = time.process_time() - start
assert not catalog.problems, catalog.problems[:3]
print(floor, loader)
"""


def loader(folder: str, warm: str) -> tuple[float, float]:
    """(CPU seconds of PyYAML's C events alone, of factcheck's loader) on the same files,
    after loading the small corpus ``warm`` once, so that imports are not counted."""
    done = subprocess.run([sys.executable, "-c", _LOADER, folder, warm], cwd=ROOT,
                          capture_output=True, check=False, env=_ENV or None, text=True)
    if done.returncode != 0:
        raise SystemExit(f"run.py: the loader benchmark failed:\n{done.stderr[-2000:]}")
    floor, ours = (float(x) for x in done.stdout.split())
    return floor, ours


FORMATS = ("text", "json", "markdown", "html", "junit", "sarif", "github", "claimreview")


def series(n: int, huge: int | None, workdir: str, out: str,
           formats: tuple[str, ...]) -> dict[str, interleave.Figures]:
    """CPU seconds and peak MB of ``check --jobs 1`` in each format at ``n`` claims (and at
    ``huge``), and of ``merge`` on the JSON reports, in the order of ``interleave.schedule``."""
    folders = {size: corpus(size, workdir) for size in (n, huge) if size is not None}
    for folder in folders.values():
        warm(folder)
    steps = interleave.schedule(list(formats), n, huge, merge="json" in formats)
    samples = []
    for k, step in enumerate(steps, 1):
        base = os.path.basename(folders[step.claims])
        if step.name == interleave.MERGE:
            cmd = ["merge", os.path.join(out, f"{base}.json"),
                   "--output", os.path.join(out, f"merged-{step.claims}.json")]
        else:
            cmd = ["check", folders[step.claims], "--jobs", "1", "--format", step.name,
                   "--output", os.path.join(out, f"{base}.{step.name}")]
        cpu, peak = cpu_run(factcheck_command() + cmd)
        samples.append(interleave.Sample(cpu, peak))
        print(f"run.py: {k}/{len(steps)} {step.name} at {step.claims:,} claims: CPU {cpu:.2f} s",
              file=sys.stderr, flush=True)
    return interleave.figures(steps, samples, n, huge)


def format_rows(args: argparse.Namespace, workdir: str, small: int, judge: bool) -> list[Row]:
    """The rows of the format series, and a last one saying its corpora all exited 0."""
    # text is every format's yardstick, so it is always run
    formats = tuple(f for f in FORMATS if f == "text" or f in args.formats.split(","))
    # the smoke run keeps to its smallest corpus: it checks the script, not the speed
    n = small if args.smoke else args.claims
    huge = 3 * n
    out = os.path.join(workdir, "out")
    os.makedirs(out, exist_ok=True)
    measured = series(n, huge if args.linear else None, workdir, out, formats)
    rows = [format_row(name, fig, n, huge, judge) for name, fig in measured.items()]
    sizes = [n, huge] if args.linear else [n]
    rows.append(Row("every generated corpus checks with exit 0 (" +
                    ", ".join(f"{c:,}" for c in sizes) + " claims)", "exit 0", "exit 0", True))
    return rows


def format_row(name: str, fig: interleave.Figures, n: int, huge: int, judge: bool) -> Row:
    """A format's (or merge's) row: CPU against text, peak memory, and their growth."""
    parts, goals, met = [], [], []
    if name == interleave.TEXT:
        parts.append(f"CPU {fig.cpu:.2f} s = 1.00x text (median of its {len(fig.runs)} runs, "
                     f"{min(fig.runs):.2f}-{max(fig.runs):.2f} s)")
        goals.append("<= 1.15x")
        met.append(True)
    elif fig.to_text is not None:
        parts.append(f"CPU {fig.cpu:.2f} s = {fig.to_text:.2f}x the text runs beside it "
                     f"(pairs {interleave.spread(fig.to_text_pairs)})")
        goals.append("<= 1.15x")
        met.append(fig.to_text <= 1.15)
    else:
        parts.append(f"CPU {fig.cpu:.2f} s")
    parts.append(f"peak {fig.peak:.0f} MB")
    goals.append("<= 600 MB")
    met.append(fig.peak <= 600)
    if fig.growth is not None and fig.peak_huge is not None:
        per_claim = (fig.peak_huge - fig.peak) * 1024 / (huge - n)
        parts.append(f"CPU per claim at {huge:,} / at {n:,} beside it = {fig.growth:.2f}x "
                     f"(pairs {interleave.spread(fig.growth_pairs)})")
        parts.append(f"{per_claim:.1f} KB more per claim")
        goals += ["<= 1.1x", "<= 3 KB"]
        met += [fig.growth <= 1.1, per_claim <= 3]
    what = "`merge` of the JSON report" if name == interleave.MERGE else f"format {name}"
    return Row(f"{what}, {n:,} claims, --jobs 1", "; ".join(parts), "; ".join(goals),
               all(met) if judge else None)


def incremental(folder: str, workdir: str) -> tuple[list[float], float, float, bool]:
    """CPU seconds of ``check --jobs 1`` (text) on a copy of ``folder``: cold (filling the
    cache), without the cache just before and just after the run with one article file
    changed, and that run; and whether its report is byte for byte the one a run
    without the cache writes."""
    import shutil

    copy = os.path.join(workdir, "incremental")
    cache = os.path.join(workdir, "incremental-cache")
    for path in (copy, cache):
        shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(folder, copy)
    os.sync()  # the copy's write-back, done before the runs rather than during them
    out = os.path.join(workdir, "out")
    cmd = factcheck_command() + ["check", copy, "--jobs", "1"]  # the default format, text
    cached = cmd + ["--cache-dir", cache]
    env = {k: v for k, v in (_ENV or os.environ).items() if k != "FACTCHECK_NO_CACHE"}
    cold, _ = cpu_run(cached + ["--output", os.path.join(out, "incremental-cold.txt")], env)
    # The changed run sits between two runs without the cache, to which it is compared.
    before, _ = cpu_run(cmd + ["--no-cache", "--output", os.path.join(out, "plain-before.txt")])
    articles = sorted(os.path.join(d, f) for d, _, files in os.walk(copy) for f in files
                      if f.endswith(".yaml") and os.path.basename(d) != "facts")
    article = articles[len(articles) // 2]
    with open(article, "a", encoding="utf-8") as fh:
        fh.write("# edited: the cache must check this file again\n")
    changed, _ = cpu_run(cached + ["--output", os.path.join(out, "incremental.txt")], env)
    after, _ = cpu_run(cmd + ["--no-cache", "--output", os.path.join(out, "plain.txt")])
    with open(os.path.join(out, "incremental.txt"), "rb") as a, \
            open(os.path.join(out, "plain.txt"), "rb") as b:
        same = a.read() == b.read()
    shutil.rmtree(copy, ignore_errors=True)
    return [before, after], cold, changed, same


def parsing(rounds: int, repeat: int) -> list[tuple[float, float]] | None:
    """CPU seconds per call of parse_quantity and of cn2an, one pair per interleaved round."""
    try:
        import cn2an
    except ImportError:
        return None
    # timed without the cache of repeated texts, which would make repeats free
    from factcheck.quantity.grammar import parse_quantity_uncached as parse_quantity

    texts = bench_parse.NUMERALS
    for text in texts:
        if parse_quantity(text).value != cn2an.cn2an(text, "smart"):
            raise SystemExit(f"run.py: parse_quantity and cn2an disagree on {text!r}")
    return bench_parse.interleaved(parse_quantity, lambda s: cn2an.cn2an(s, "smart"), texts,
                                   repeat, rounds)


def machine() -> str:
    return (f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
            f"Python {platform.python_version()}, {platform.platform()}")


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def parallel_capacity(n: int = 20_000_000) -> float:
    """How many cores' worth of work ``cpu_count`` busy processes got (ideal: cpu_count).

    A shared or virtual machine may list cores it cannot run at once; this says how
    much of the parallel speed-up the throughput figure could show at the time.
    """
    import multiprocessing

    cores = os.cpu_count() or 1
    start = time.perf_counter()
    _spin(n)
    one = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(cores) as pool:
        start = time.perf_counter()
        pool.map(_spin, [n] * cores)
        many = time.perf_counter() - start
    return cores * one / many


def measure(args: argparse.Namespace) -> list[Row]:
    judge = not args.smoke
    rows: list[Row] = []
    big = 1_000 if args.smoke else args.claims
    small = 1_000 if not args.smoke else 100
    rounds = 3 if args.smoke else args.rounds

    workdir = args.workdir or tempfile.mkdtemp(prefix="factcheck-bench-")
    bytecode_env(workdir)
    if args.only_formats:
        return format_rows(args, workdir, small, judge)
    python = plain_python(workdir, args.smoke)
    bases, checks, cacheds = startup(rounds, python, workdir)
    base = statistics.median(bases)
    where = "this Python" if args.smoke else "a plain install without numpy"
    for runs, how in ((checks, "--no-cache"), (cacheds, "the default: a warm result cache")):
        took = statistics.median(runs)
        pairs = [t / b for t, b in zip(runs, bases, strict=True)]
        rows.append(Row(f"start-up: `factcheck check claims` ({how}) / `import pint, pydantic` "
                        f"({where}; medians of {rounds} interleaved rounds)",
                        f"{took:.3f} s / {base:.3f} s = {took / base:.2f}x (rounds "
                        f"{interleave.spread(pairs)})",
                        "<= 1.3x", took / base <= 1.3 if judge else None))

    big_dir = corpus(big, workdir)
    small_dir = corpus(small, workdir)
    tiny_dir = corpus(10, workdir)
    out = os.path.join(workdir, "out")
    os.makedirs(out, exist_ok=True)

    # Three processes, each timing both sides one after the other: the median of their
    # ratios, with their range, rather than one process's minute.
    warm(big_dir)
    loads = [loader(big_dir, tiny_dir) for _ in range(3)]
    ratios = [ours / floor for floor, ours in loads]
    floor, ours = min(loads, key=lambda fl: abs(fl[1] / fl[0] - statistics.median(ratios)))
    rows.append(Row(f"loader: `load_files` / PyYAML's C events alone ({big:,} claims, CPU, "
                    "median of 3 processes)",
                    f"{ours:.2f} s / {floor:.2f} s = {statistics.median(ratios):.2f}x "
                    f"(processes {interleave.spread(ratios)})", "<= 1.6x",
                    statistics.median(ratios) <= 1.6 if judge else None))

    rows += format_rows(args, workdir, small, judge)[:-1]
    n = small if args.smoke else big
    huge = 3 * n

    plains, cold, changed, same = incremental(corpus(n, workdir), workdir)
    plain = statistics.fmean(plains)
    pairs = [changed / p for p in plains]
    rows.append(Row(f"incremental: re-check of {n:,} claims, one file changed / runs without "
                    "the cache just before and after it (--jobs 1, text, CPU)",
                    f"{changed:.2f} s / {plain:.2f} s = {changed / plain:.3f}x (pairs "
                    f"{min(pairs):.3f}-{max(pairs):.3f}x; the cold run that fills the cache: "
                    f"{cold:.2f} s = {cold / plain:.2f}x); "
                    "report " + ("identical" if same else "DIFFERENT"), "<= 0.15x; identical",
                    same and changed / plain <= 0.15 if judge else None))

    jobs = os.cpu_count() or 1
    capacity = parallel_capacity(2_000_000 if args.smoke else 10_000_000)
    # --jobs given, so that the smoke run's small corpus takes the parallel path too.
    # Three runs, since wall time on a shared machine is the least steady figure here.
    parallel = [check_corpus(big_dir, jobs, os.path.join(out, "parallel.txt"))
                for _ in range(3)]
    wall = statistics.median(w for w, _ in parallel)
    peak_tree = max(p for _, p in parallel)
    rows.append(Row(f"throughput: {big:,} claims, --jobs {jobs} (= the number of cores; "
                    "median of 3 runs)",
                    f"{wall:.2f} s ({wall / big * 1e6:.0f} us/claim; runs "
                    f"{min(w for w, _ in parallel):.2f}-{max(w for w, _ in parallel):.2f} s; "
                    f"{jobs} busy processes got {capacity:.1f} cores just before)", "<= 10 s",
                    wall <= 10 if judge else None))
    rows.append(Row(f"peak memory (Pss of the process tree), {big:,} claims, --jobs {jobs}",
                    f"{peak_tree:.0f} MB", "<= 1024 MB", peak_tree <= 1024 if judge else None))

    # Growth: cost per claim in one process, net of the fixed cost (start-up, rates
    # data) that a 10-claim run also pays, so that only per-claim work is compared.
    # The small runs alternate, and the big run sits in the middle of them, so that all
    # three medians describe the same minutes of the machine.
    tiny_runs: list[float] = []
    small_runs: list[float] = []
    big_t = 0.0
    for k in range(rounds):
        if k == rounds // 2:
            big_t, _ = check_corpus(big_dir, 1, os.path.join(out, "serial.txt"))
        tiny_runs.append(check_corpus(tiny_dir, 1, os.path.join(out, "tiny.txt"))[0])
        small_runs.append(check_corpus(small_dir, 1, os.path.join(out, "small.txt"))[0])
    fixed, small_t = statistics.median(tiny_runs), statistics.median(small_runs)
    rows.append(Row(f"(for comparison) {big:,} claims, --jobs 1", f"{big_t:.2f} s", "-", None))
    per_small = (small_t - fixed) / (small - 10)
    per_big = (big_t - fixed) / (big - 10)
    growth = per_big / per_small
    each = [per_big / ((t - fixed) / (small - 10)) for t in small_runs if t > fixed]
    rows.append(Row(f"growth: cost per claim at {big:,} / at {small:,} (--jobs 1)",
                    f"{per_big * 1e6:.0f} us / {per_small * 1e6:.0f} us = {growth:.2f}x"
                    + (f" (against each run at {small:,}: {interleave.spread(each)})"
                       if each else ""),
                    "<= 1.3x", per_small > 0 and growth <= 1.3 if judge else None))
    with open(os.path.join(out, "parallel.txt"), "rb") as a, \
            open(os.path.join(out, "serial.txt"), "rb") as b:
        same = a.read() == b.read()
    rows.append(Row(f"--jobs {jobs} report identical to --jobs 1 ({big:,} claims)",
                    "identical" if same else "DIFFERENT", "identical", same))

    timed = parsing(rounds, 50 if args.smoke else args.repeat)
    if timed is None:
        rows.append(Row("parsing: parse_quantity / cn2an", "cn2an not installed",
                        "<= 1.0", None))
    else:
        ours_p = statistics.median(a for a, _ in timed)
        theirs = statistics.median(b for _, b in timed)
        ratios = [a / b for a, b in timed]
        ratio = statistics.median(ratios)
        rows.append(Row("parsing: parse_quantity / cn2an.cn2an(s, 'smart') (CPU, median of "
                        f"{len(ratios)} interleaved rounds)",
                        f"{ours_p * 1e6:.1f} us / {theirs * 1e6:.1f} us = {ratio:.2f}x "
                        f"(rounds {interleave.spread(ratios)})",
                        "<= 1.0x", ratio <= 1.0 if judge else None))
    sizes = sorted({10, small, big, *([huge] if args.linear else [])})
    rows.append(Row("every generated corpus checks with exit 0 (" +
                    ", ".join(f"{n:,}" for n in sizes) + " claims)", "exit 0", "exit 0", True))
    return rows


def table(rows: list[Row]) -> str:
    lines = ["| target | measured | goal | met |", "|---|---|---|---|"]
    for r in rows:
        met = "-" if r.met is None else ("yes" if r.met else "**no**")
        lines.append(f"| {r.target} | {r.measured} | {r.goal} | {met} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true",
                        help="1,000 claims and few rounds: checks the script, judges nothing")
    parser.add_argument("--claims", type=int, default=100_000,
                        help="claims in the throughput corpus (default 100000)")
    parser.add_argument("--rounds", type=int, default=7,
                        help="runs per median (default 7)")
    parser.add_argument("--repeat", type=int, default=500,
                        help="parse calls per numeral and round (default 500)")
    parser.add_argument("--workdir", help="where to keep generated corpora (reused if present)")
    parser.add_argument("--formats", default=",".join(FORMATS),
                        help="comma-separated formats to time (default: all)")
    parser.add_argument("--no-linear", dest="linear", action="store_false",
                        help="skip the runs at three times the claims (growth per format)")
    parser.add_argument("--only-formats", action="store_true",
                        help="only the format rows (with --formats: re-measure a few of them)")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.repeat < 1 or args.claims < 1_000:
        parser.error("--rounds and --repeat must be at least 1, --claims at least 1000")
    rows = measure(args)
    print(f"Machine: {machine()}\n")
    print(table(rows))
    judged = [r.met for r in rows if r.met is not None]
    return 0 if all(judged) else 1


if __name__ == "__main__":
    sys.exit(main())

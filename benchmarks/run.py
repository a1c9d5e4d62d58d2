"""Measure factcheck's four performance targets side by side and print them as a table.

Usage: ``python benchmarks/run.py`` (about two minutes on two cores) or
``python benchmarks/run.py --smoke`` (1,000 claims, a few seconds; no verdict on
the targets, it only keeps this script working).

Every figure is a ratio or a budget measured in this one run, so a slow or busy
machine shifts both sides alike: start-up against importing pint and pydantic,
throughput and memory of ``factcheck check`` on a generated corpus, growth of the
cost per claim from 1,000 to 100,000 claims, and parse_quantity against cn2an.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import bench_parse  # noqa: E402  (the cn2an comparison, reused here)
import generate  # noqa: E402


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


def _run(cmd: list[str], *, expect_ok: bool = True) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          check=False, env=_ENV or None)
    elapsed = time.perf_counter() - start
    if expect_ok and done.returncode != 0:
        raise SystemExit(f"run.py: {' '.join(cmd)} exited {done.returncode}:\n"
                         f"{done.stderr.decode(errors='replace')[-2000:]}")
    return elapsed


def startup(rounds: int) -> tuple[float, float]:
    """Medians of (import pint and pydantic, factcheck check claims), interleaved."""
    base_cmd = [sys.executable, "-c", "import pint, pydantic"]
    check_cmd = factcheck_command() + ["check", "claims"]
    _run(base_cmd)
    _run(check_cmd)  # warm the file cache and the .pyc files for both
    base, check = [], []
    for _ in range(rounds):
        base.append(_run(base_cmd))
        check.append(_run(check_cmd))
    return statistics.median(base), statistics.median(check)


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
    """A generated corpus of ``claims`` claims, reused when already written."""
    folder = os.path.join(root, f"claims-{claims}")
    stamp = os.path.join(folder, ".complete")
    if not os.path.exists(stamp):
        generate.generate(claims, folder)
        with open(stamp, "w") as fh:
            fh.write(f"{claims}\n")
    return folder


def parsing(rounds: int, repeat: int) -> tuple[float, float] | None:
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
    ours = bench_parse._time(parse_quantity, texts, repeat, rounds)
    theirs = bench_parse._time(lambda s: cn2an.cn2an(s, "smart"), texts, repeat, rounds)
    return ours, theirs


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
    base, check = startup(rounds)
    ratio = check / base
    rows.append(Row("start-up: `factcheck check claims` / `import pint, pydantic`",
                    f"{check:.3f} s / {base:.3f} s = {ratio:.2f}x", "<= 1.5x",
                    ratio <= 1.5 if judge else None))

    big_dir = corpus(big, workdir)
    small_dir = corpus(small, workdir)
    tiny_dir = corpus(10, workdir)
    out = os.path.join(workdir, "out")
    os.makedirs(out, exist_ok=True)

    jobs = os.cpu_count() or 1
    capacity = parallel_capacity(2_000_000 if args.smoke else 10_000_000)
    # --jobs given, so that the smoke run's small corpus takes the parallel path too.
    wall, peak = check_corpus(big_dir, jobs, os.path.join(out, "parallel.txt"))
    rows.append(Row(f"throughput: {big:,} claims, --jobs {jobs} (= the number of cores)",
                    f"{wall:.2f} s ({wall / big * 1e6:.0f} us/claim; {jobs} busy processes "
                    f"got {capacity:.1f} cores just before)", "<= 10 s",
                    wall <= 10 if judge else None))
    rows.append(Row(f"peak memory (Pss of the process tree), {big:,} claims",
                    f"{peak:.0f} MB", "<= 1024 MB", peak <= 1024 if judge else None))

    # Growth: cost per claim in one process, net of the fixed cost (start-up, rates
    # data) that a 10-claim run also pays, so that only per-claim work is compared.
    fixed = statistics.median(check_corpus(tiny_dir, 1, os.path.join(out, "tiny.txt"))[0]
                              for _ in range(rounds))
    small_t = statistics.median(
        check_corpus(small_dir, 1, os.path.join(out, "small.txt"))[0] for _ in range(rounds))
    big_t, _ = check_corpus(big_dir, 1, os.path.join(out, "serial.txt"))
    rows.append(Row(f"(for comparison) {big:,} claims, --jobs 1", f"{big_t:.2f} s", "-", None))
    per_small = (small_t - fixed) / (small - 10)
    per_big = (big_t - fixed) / (big - 10)
    growth = per_big / per_small
    rows.append(Row(f"growth: cost per claim at {big:,} / at {small:,} (--jobs 1)",
                    f"{per_big * 1e6:.0f} us / {per_small * 1e6:.0f} us = {growth:.2f}x",
                    "<= 1.3x", growth <= 1.3 if judge else None))
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
        ours, theirs = timed
        rows.append(Row("parsing: parse_quantity / cn2an.cn2an(s, 'smart')",
                        f"{ours * 1e6:.1f} us / {theirs * 1e6:.1f} us = {ours / theirs:.2f}x",
                        "<= 1.0x", ours / theirs <= 1.0 if judge else None))
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
    args = parser.parse_args(argv)
    rows = measure(args)
    print(f"Machine: {machine()}\n")
    print(table(rows))
    judged = [r.met for r in rows if r.met is not None]
    return 0 if all(judged) else 1


if __name__ == "__main__":
    sys.exit(main())

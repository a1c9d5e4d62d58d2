"""pytest plugin (opt-in): ``pytest --claims PATH`` makes every claim a test item named by its id.

Without ``--claims`` or the ini option ``factcheck_claims`` it does nothing and imports
nothing heavy. ``expect: contradicted`` claims that are contradicted are expected
failures (xfail). PATH may also be a JSON report written by ``factcheck check --format
json``, so CI can check once and show the results as tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from factcheck.report.record import Finding, Problem, Report


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factcheck", "factcheck claims as tests")
    group.addoption(
        "--claims", action="append", default=[], metavar="PATH",
        help="check the claim files under PATH (repeatable), one test per claim",
    )
    parser.addini(
        "factcheck_claims", type="paths", default=[],
        help="claim files or folders to check as tests (like --claims)",
    )


def _paths(config: pytest.Config) -> list[str]:
    given = [str(p) for p in config.getoption("claims") or []]
    return given or [str(p) for p in config.getini("factcheck_claims") or []]


def _from_json(paths: list[str]) -> Report:
    """The findings and problems of JSON reports, read as strictly as ``factcheck merge``."""
    from factcheck.report.merge import report_from_json
    from factcheck.report.record import Report
    from factcheck.report.reportschema import load_json, read_report

    report = Report()
    for path in paths:
        one = report_from_json(load_json(read_report(path), path), path)
        report.findings.extend(one.findings)
        report.problems.extend(one.problems)
    return report


def _load(paths: list[str]) -> Report:
    if all(p.endswith(".json") for p in paths):
        return _from_json(paths)
    from factcheck.report.runner import CheckOptions, run_check

    return run_check(paths, CheckOptions())


_REPORT = pytest.StashKey["Report"]()
_ROOTS = pytest.StashKey[list[Path]]()


def pytest_configure(config: pytest.Config) -> None:
    paths = _paths(config)
    if not paths:
        return
    roots = [Path(p).resolve() for p in paths]
    missing = [p for p, r in zip(paths, roots, strict=True) if not r.exists()]
    from factcheck.formats.escape import terminal

    if missing:
        raise pytest.UsageError(
            terminal(f"factcheck: claims path not found: {', '.join(missing)} ")
            + "(check --claims or the factcheck_claims ini option)"
        )
    _refuse_deep_trees(paths)
    unsafe = [str(f) for root in roots for f in _claim_files(root) if not _safe_name(str(f))]
    if unsafe:
        # pytest prints each file's path at the start of a line, where a CI runner reads
        # '::' as a command: such a file is refused, not collected.
        raise pytest.UsageError(
            terminal(f"factcheck: claim file names that a CI log would read as commands "
                     f"('::', '##[' or control characters): {', '.join(sorted(unsafe)[:5])}")
            + "; rename them"
        )
    config.stash[_ROOTS] = roots
    # Collect the claim paths like test paths, unless a path given already holds them.
    given = [Path(a.split("::")[0]).resolve() for a in config.args]
    for path, root in zip(paths, roots, strict=True):
        if not any(root == g or g in root.parents for g in given):
            config.args.append(path)


def _claim_files(root: Path) -> list[Path]:
    """The files under ``root`` that may be collected, down to the loader's depth limit,
    walked with a stack: ``Path.rglob`` recurses once per level and a pull request can
    add a tree a thousand folders deep."""
    import os

    from factcheck.limits import MAX_TREE_DEPTH

    if root.is_file():
        return [root]
    found: list[Path] = []
    todo = [(root, 0)]
    while todo:
        here, depth = todo.pop()
        try:
            entries = list(os.scandir(here))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if depth < MAX_TREE_DEPTH:
                    todo.append((Path(entry.path), depth + 1))
            elif entry.name.endswith((".yaml", ".yml", ".json")):
                found.append(Path(entry.path))
    return found


def _safe_name(name: str) -> bool:
    return "::" not in name and "##[" not in name and name.isprintable()


def _refuse_deep_trees(paths: list[str]) -> None:
    """Stop, with the loader's message, when a claim tree is deeper than it reads: its
    deepest files would have no test item to show the problem on."""
    from factcheck.claims.load import expand_paths

    deep = [p for p in expand_paths(paths)[1] if p.code == "input.limit"]
    if deep:
        raise pytest.UsageError("factcheck: " + "; ".join(str(p) for p in deep))


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Folders deeper below a claim path than the loader reads (it reports them):
    pytest collects one level per nested call and would run out of stack."""
    from factcheck.limits import MAX_TREE_DEPTH

    roots = config.stash.get(_ROOTS, None)
    if not roots:
        return None
    if not collection_path.is_dir():
        return None
    resolved = collection_path.resolve()
    for root in roots:
        if root in resolved.parents and len(resolved.parts) - len(root.parts) > MAX_TREE_DEPTH:
            return True
    return None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> ClaimFile | None:
    roots = parent.config.stash.get(_ROOTS, None)
    if not roots or file_path.suffix not in (".yaml", ".yml", ".json"):
        return None
    resolved = file_path.resolve()
    if any(resolved == r or r in resolved.parents for r in roots):
        return ClaimFile.from_parent(parent, path=file_path)
    return None


def _owner(config: pytest.Config, file: str) -> Path:
    """The claim file whose node shows a problem: its own, else the first one collected
    (a problem about a folder or a missing file must not vanish)."""
    if _FILES not in config.stash:
        found = {
            f.resolve()
            for root in config.stash[_ROOTS]
            for f in _claim_files(root)
            if f.suffix in (".yaml", ".yml")
        }
        config.stash[_FILES] = sorted(found)
    files = config.stash[_FILES]
    path = Path(file).resolve()
    return path if path in files or not files else files[0]


_FILES = pytest.StashKey[list[Path]]()


def _report(config: pytest.Config) -> Report:
    if _REPORT not in config.stash:
        config.stash[_REPORT] = _load(_paths(config))
    return config.stash[_REPORT]


class ClaimFile(pytest.File):
    """A claim file (or a JSON report): one item per claim and per input problem in it."""

    def collect(self) -> list[pytest.Item]:
        from factcheck.errors import FactcheckError

        try:
            report = _report(self.config)
        except FactcheckError as exc:
            from factcheck.formats.escape import terminal_lines

            raise self.CollectError(terminal_lines(str(exc))) from None
        here = self.path.resolve()
        whole = self.path.suffix == ".json"

        def mine(file: str) -> bool:
            return whole or Path(file).resolve() == here

        items: list[pytest.Item] = [
            ProblemItem.from_parent(self, name=f"input:{p.code}:{max(p.line, 0)}", problem=p)
            for p in report.problems if whole or _owner(self.config, p.file) == here
        ]
        items += [
            ClaimItem.from_parent(self, name=f.claim_id, finding=f)
            for f in report.findings if mine(f.file)
        ]
        return items

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None) -> str:  # type: ignore[no-untyped-def,override]
        if isinstance(excinfo.value, self.CollectError):
            return str(excinfo.value.args[0])
        return str(super().repr_failure(excinfo))


def discrepancy_text(f: Finding) -> str:
    """What a failing claim item prints: located, every piece of input escaped for a log."""
    from factcheck.formats.escape import terminal

    lines = [f"{terminal(f.file)}:{f.line}:{max(f.col, 1)}: {terminal(f.claim_id)}: "
             f"{terminal(f.verdict)} (expected {terminal(f.expect)}): {terminal(f.message)}",
             f"quote: {terminal(f.quote)}"]
    lines += [f"warning: {terminal(w)}" for w in f.warnings]
    return "\n".join(lines)


class ClaimDiscrepancy(AssertionError):
    """A claim whose verdict is not the one its file expects."""


class ClaimItem(pytest.Item):
    """One claim: passes when its verdict is the expected one."""

    def __init__(self, *, finding: Finding, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.finding = finding

    def runtest(self) -> None:
        from factcheck.formats.escape import terminal

        f = self.finding
        if f.verdict == "todo":
            pytest.skip(f"to write: {f.claim_id} is marked status: todo")
        if f.verdict == f.expect == "contradicted":
            pytest.xfail(f"contradicted, as the claim file expects: {terminal(f.message)}")
        if f.verdict != f.expect:
            raise ClaimDiscrepancy(self._text())

    def _text(self) -> str:
        return discrepancy_text(self.finding)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None) -> str:  # type: ignore[no-untyped-def,override]
        if isinstance(excinfo.value, ClaimDiscrepancy):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.finding.line - 1, f"claim {self.finding.claim_id}"


class ProblemItem(pytest.Item):
    """An input problem (invalid file): always fails, with the located message."""

    def __init__(self, *, problem: Problem, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problem = problem

    def runtest(self) -> None:
        from factcheck.formats.escape import terminal

        raise ClaimDiscrepancy(terminal(str(self.problem)))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None) -> str:  # type: ignore[no-untyped-def,override]
        return str(excinfo.value)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, max(self.problem.line - 1, 0), f"input problem {self.problem.code}"

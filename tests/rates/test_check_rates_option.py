"""``check --rates FILE`` reads FILE before any work, whether or not a claim needs a rate."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.errors import RateError

# No convert claim: nothing in the run asks for a rate.
NO_CONVERT = """\
article:
  id: {id}
  title: t
  published: 2017-11-23{rates}
claims:
  - id: {id}-sum
    quote: q
    kind: compare
    expr: 1 + 2 == 3
"""
GOOD = "Date,From,To,Rate\n2017-11-22,CNY,KRW,164.84\n"
MALFORMED = "Date,From,To,Rate\n2017-11-22,CNY,KRW,abc\n"


def claims(tmp_path: Path, count: int = 1, rates: str = "") -> Path:
    """A folder of ``count`` claim files with compare claims only."""
    folder = tmp_path / "claims"
    folder.mkdir()
    for n in range(count):
        line = f"\n  rates: {rates}" if rates else ""
        (folder / f"a{n}.yaml").write_text(NO_CONVERT.format(id=f"a{n}", rates=line), "utf-8")
    return folder


def factcheck(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "factcheck", *argv], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=60, check=False)


def test_a_missing_rates_file_fails_the_run_without_a_convert_claim(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    run = factcheck("check", str(claims(tmp_path)), "--rates", str(missing))
    assert run.returncode == 2, run.stderr
    assert run.stderr == f"factcheck: rates file {str(missing)!r}: file not found; check the path\n"
    assert "Traceback" not in run.stderr
    assert run.stdout == ""  # no report: the run stopped before any work


def test_a_malformed_rates_file_is_reported_at_its_line(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    rates = tmp_path / "bank.csv"
    rates.write_text(MALFORMED, "utf-8")
    assert main(["check", str(claims(tmp_path)), "--rates", str(rates)]) == 2
    captured = capsys.readouterr()
    assert captured.err == (f"factcheck: {rates}:2:1: rate 'abc' is not a positive decimal; "
                            "write it as 164.84\n")
    assert captured.out == "" and "Traceback" not in captured.err


def test_every_bad_line_of_the_rates_file_is_reported(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    rates = tmp_path / "bank.csv"
    rates.write_text(MALFORMED + "2017-11-23,CNY,KRW,0\n", "utf-8")
    assert main(["check", str(claims(tmp_path)), "--rates", str(rates)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines == [f"factcheck: {rates}:2:1: rate 'abc' is not a positive decimal; "
                     "write it as 164.84",
                     f"{rates}:3:1: rate '0' is not a positive decimal; write it as 164.84"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "factcheck: the rates file path is empty; give the path of a rates file\n"),
        ("folder", "is not a regular file (a device, pipe or socket)"),
        ("empty.csv", "is empty; start it with a header"),
    ],
)
def test_other_unusable_rates_files_fail_the_run(tmp_path: Path, name: str, message: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "empty.csv").write_text("# nothing yet\n", "utf-8")
    path = str(tmp_path / name) if name else ""
    assert main(["check", str(claims(tmp_path)), "--rates", path]) == 2
    err = capsys.readouterr().err
    assert message in err and err.startswith("factcheck: ") and err.count("\n") == 1


def test_a_good_rates_file_without_a_convert_claim_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rates = tmp_path / "bank.csv"
    rates.write_text(GOOD, "utf-8")
    folder = claims(tmp_path)
    assert main(["check", str(folder), "--rates", str(rates)]) == 0
    with_rates = capsys.readouterr()
    assert main(["check", str(folder)]) == 0
    assert capsys.readouterr() == with_rates
    totals = "1 claims: 0 unexpected, 0 contradicted, 0 undetermined, 1 hold"
    assert totals in with_rates.out and with_rates.err == ""


def test_with_several_jobs_the_rates_file_is_read_once_before_any_work(tmp_path: Path) -> None:
    rates = tmp_path / "bank.csv"
    rates.write_text(MALFORMED, "utf-8")
    run = factcheck("check", str(claims(tmp_path, count=4)), "--jobs", "2", "--rates", str(rates))
    assert run.returncode == 2, run.stderr
    # One error, not one per worker process, and no report.
    assert run.stderr == (f"factcheck: {rates}:2:1: rate 'abc' is not a positive decimal; "
                          "write it as 164.84\n")
    assert run.stdout == ""


def test_run_check_raises_before_loading_or_forking(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.claims import load
    from factcheck.report import parallel
    from factcheck.report.runner import CheckOptions, run_check

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("work began before the rates file was read")

    monkeypatch.setattr(load, "expand_paths", no_work)
    monkeypatch.setattr(parallel, "check_parallel", no_work)
    with pytest.raises(RateError, match="file not found"):
        run_check([str(tmp_path)], CheckOptions(rates_file=str(tmp_path / "nope.csv"), jobs=2))


def test_the_good_rates_file_is_read_once_for_every_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.rates import ratesfile
    from factcheck.report.runner import CheckOptions, run_check

    rates = tmp_path / "bank.csv"
    rates.write_text(GOOD, "utf-8")
    reads: list[str] = []
    real = ratesfile.load_rates_file

    def counted(path: str, display: str | None = None):  # type: ignore[no-untyped-def]
        reads.append(path)
        return real(path, display)

    monkeypatch.setattr(ratesfile, "load_rates_file", counted)
    report = run_check([str(claims(tmp_path, count=3))],
                       CheckOptions(rates_file=str(rates), jobs=1))
    assert reads == [str(rates)]
    assert report.exit_code == 0


def test_an_article_rates_file_is_still_read_only_when_a_rate_is_needed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `rates:` in a claim file is reported per convert claim, as before: none here.
    assert main(["check", str(claims(tmp_path, rates="missing.csv"))]) == 0
    assert "missing.csv" not in capsys.readouterr().err


def test_without_rates_nothing_of_the_rates_package_is_imported(tmp_path: Path) -> None:
    folder = claims(tmp_path)
    code = ("import sys\nfrom factcheck.cli import main\n"
            f"assert main(['check', {str(folder)!r}]) == 0\n"
            "print(sorted(m for m in sys.modules if m.startswith('factcheck.rates')))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         encoding="utf-8", timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1] == "[]"


def test_the_rates_command_reads_its_rates_file_once_before_anything(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``factcheck rates --rates FILE`` too: one error, not one per article, and exit 2."""
    rates = tmp_path / "bank.csv"
    rates.write_text(MALFORMED, "utf-8")
    assert main(["rates", str(claims(tmp_path, count=3)), "--rates", str(rates)]) == 2
    err = capsys.readouterr().err
    assert err.count("bank.csv:2:") == 1, err
    missing = tmp_path / "nope.csv"
    assert main(["rates", str(tmp_path / "claims"), "--rates", str(missing)]) == 2
    assert "file not found" in capsys.readouterr().err

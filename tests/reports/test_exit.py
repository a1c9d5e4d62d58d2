"""The command ends with os._exit after flushing: output and exit statuses must survive it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# Buffered output, as a user's shell gives it (this environment may set PYTHONUNBUFFERED).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def factcheck(*argv: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *argv], cwd=ROOT, env=ENV,
                          capture_output=True, text=True, timeout=60, check=False, **kwargs)


def test_buffered_output_is_written_before_the_process_ends():
    run = factcheck("parse", "1000억 위안", "약 16조4천780억 원")
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("\n") >= 2 and "16" in run.stdout


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_output_that_cannot_be_written_fails_the_run():
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "factcheck", "parse", "1000억 위안"],
                             cwd=ROOT, env=ENV, stdout=full, stderr=subprocess.PIPE,
                             text=True, timeout=60, check=False)
    assert run.returncode == 2
    assert run.stderr == ("factcheck: cannot write the output: [Errno 28] "
                          "No space left on device\n")


@pytest.mark.skipif(os.name != "posix", reason="closing a descriptor before exec is POSIX")
def test_a_closed_stdout_keeps_the_exit_status(tmp_path):
    report = tmp_path / "r.json"
    run = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "claims", "--format", "json",
         "--output", str(report)],
        cwd=ROOT, env=ENV, stderr=subprocess.PIPE, text=True, timeout=60, check=False,
        preexec_fn=lambda: os.close(1),  # the child starts with no stdout at all
    )
    assert "Traceback" not in run.stderr
    assert run.returncode == 0, run.stderr
    assert report.read_text(encoding="utf-8").startswith("{")

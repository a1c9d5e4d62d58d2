"""Reading input text strictly (UTF-8, located errors) and writing output atomically."""

from __future__ import annotations

import os
import sys
import tempfile

from factcheck.errors import ClaimFileError, Location


def read_text(path: str, *, limit: int | None = None) -> str:
    """Read a UTF-8 file; undecodable bytes are an error naming their byte offset."""
    try:
        with open(path, "rb") as fh:
            data = fh.read() if limit is None else fh.read(limit + 1)
    except FileNotFoundError:
        raise ClaimFileError(
            "file not found", hint="check the path", location=Location(path), code="io.missing"
        ) from None
    except IsADirectoryError:
        raise ClaimFileError(
            "is a directory, not a file", location=Location(path), code="io.directory"
        ) from None
    except OSError as exc:
        raise ClaimFileError(
            f"cannot read: {exc.strerror}", location=Location(path), code="io.unreadable"
        ) from None
    if limit is not None and len(data) > limit:
        raise ClaimFileError(
            f"file is larger than the limit of {limit} bytes",
            hint="split it into several files",
            location=Location(path),
            code="input.limit",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ClaimFileError(
            f"byte 0x{data[exc.start]:02x} at byte offset {exc.start} is not valid UTF-8",
            hint="save the file as UTF-8",
            location=Location(path, line, col),
            code="io.encoding",
        ) from None


def write_output(text: str, path: str | None) -> None:
    """Write to ``path`` atomically (temporary file, then rename), or to stdout."""
    if path is None or path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".factcheck-", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private (0600); a report gets the mode a plain
        # write would give: the old file's, else the default under the umask.
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(path: str) -> int:
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask

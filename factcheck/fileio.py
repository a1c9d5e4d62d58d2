"""Reading input text strictly (UTF-8, located errors) and writing output atomically."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO, TextIO

from factcheck.errors import ClaimFileError, Location

if TYPE_CHECKING:
    import argparse


def read_text(path: str, *, limit: int | None = None, regular_only: bool = False) -> str:
    """Read a UTF-8 file; undecodable bytes are an error naming their byte offset.

    ``regular_only`` refuses devices, pipes and sockets: for paths written in claim
    files, where ``/dev/zero`` or a FIFO would eat memory or wait for ever.
    """
    try:
        # Plain descriptor reads: a buffered file object per claim file was a quarter
        # of reading one (an archive has ten thousand files).
        fd = _open_fd(path, regular_only)
        try:
            try:
                size = os.fstat(fd).st_size
            except OSError:
                size = 0
            data = _read_at_most(functools.partial(os.read, fd), size,
                                 sys.maxsize if limit is None else limit + 1)
        finally:
            os.close(fd)
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


def _read_at_most(read: Callable[[int], bytes], size: int, most: int) -> bytes:
    """Up to ``most`` bytes from ``read``, asking for ``size`` (what the file holds)
    rather than for ``most``.

    ``read(most)`` makes a buffer of ``most`` bytes (2 MiB for a claim file) and
    shrinks it: per file of an archive, that allocation was most of the reading time.
    Pipes and devices report no size and are read in chunks, still bounded.
    """
    want = size + 1 if size > 0 else 1 << 16  # one more byte notices a growing file
    chunks: list[bytes] = []
    total = 0
    while total < most:
        chunk = read(min(want, most - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = 1 << 16
    return b"".join(chunks)


def open_binary(path: str, *, regular_only: bool = False) -> BinaryIO:
    """``path`` opened to read bytes; ``regular_only`` as for ``read_text`` (a device,
    pipe or socket is a ClaimFileError, and opening a FIFO never waits)."""
    return _open(path, regular_only)


def _open(path: str, regular_only: bool) -> BinaryIO:
    return os.fdopen(_open_fd(path, regular_only), "rb")


def _open_fd(path: str, regular_only: bool) -> int:
    if not regular_only:
        return os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    # Non-blocking, so that opening a FIFO returns at once instead of waiting for a writer.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ClaimFileError(
                "is not a regular file (a device, pipe or socket)",
                hint="give the path of a text file",
                location=Location(path),
                code="io.not-regular",
            )
        return fd
    except BaseException:
        os.close(fd)
        raise


FOLLOW_LINKS_HELP = ("write through a symbolic link at the output path (refused by default: "
                     "a link committed in a pull request could lead anywhere)")


def add_output_options(p: argparse.ArgumentParser, help_text: str) -> None:
    """``--output FILE`` and ``--follow-links``, the same for every command that writes."""
    p.add_argument("--output", "-o", metavar="FILE", help=help_text)
    p.add_argument("--follow-links", action="store_true", help=FOLLOW_LINKS_HELP)


def write_output(text: str, path: str | None, *, follow_links: bool = False,
                 what: str = "the report") -> None:
    """Write to ``path`` atomically (temporary file, then rename), or to stdout.

    A symbolic link at ``path``, or in a folder of it inside the working folder (the
    checkout, where a pull request can commit links), is refused unless
    ``follow_links``: the report would land wherever the link leads.
    """
    stream_output(lambda fh: fh.write(text), path, follow_links=follow_links, what=what)


def stream_output(write: Callable[[TextIO], object], path: str | None, *,
                  follow_links: bool = False, what: str = "the report") -> None:
    """``write(fh)`` as ``write_output`` writes a text: the writer may write piece by piece,
    so that a report need not exist whole in memory. ``what`` names the output in errors."""
    if path is None or path == "-":
        write(sys.stdout)
        sys.stdout.flush()
        return
    if not path:
        raise ClaimFileError("the output path is empty", hint="give a file name",
                             code="io.output")
    if not follow_links:
        _refuse_links(path)
    try:
        if os.path.isdir(path):
            raise IsADirectoryError(21, "is a folder, not a file")
        if os.path.exists(path) and not os.path.isfile(path):
            # A device or a pipe (/dev/null, /dev/stdout): renaming over it would
            # replace it (as root, /dev/null itself), so write to it.
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                write(fh)
            return
        # A regular file, or none yet: through a link, the file it leads to.
        target = _link_target(path)
        directory = os.path.dirname(os.path.abspath(target))
        if not os.path.isdir(directory):
            raise _no_folder(path, target, directory, what)
        fd, tmp = tempfile.mkstemp(prefix=".factcheck-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise _cannot_write(path, exc, what) from None
    try:
        # mkstemp makes the file private (0600); a report gets the mode a plain
        # write would give: the old file's, else the default under the umask.
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            _large_chunks(fh)
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc, what) from None
        raise


def _large_chunks(fh: TextIO) -> None:
    """Have ``fh`` encode and write what it is given 256 KiB at a time, not 8 KiB.

    A report of a few hundred megabytes was written in tens of thousands of
    ``write`` calls; in large chunks it takes about half the system time, and a
    fifth less of the process's own (measured on a 221 MB HTML report). The chunk
    size is an attribute of CPython's text files; elsewhere it is left as it is.
    """
    with contextlib.suppress(AttributeError, TypeError):
        fh._CHUNK_SIZE = _WRITE_CHUNK  # type: ignore[attr-defined]


_WRITE_CHUNK = 1 << 18


def refuse_links(path: str, what: str = "the report") -> None:
    """Refuse a link at ``path`` or at a folder of it below the working folder.

    Folders above the working folder are the system's (``/tmp`` is a link on macOS)
    and not the checkout's, so they are left alone.
    """
    full = os.path.abspath(path)
    here = os.getcwd()
    checked = [full]
    if os.path.commonpath([full, here]) == here:
        parent = os.path.dirname(full)
        while parent != here and len(parent) > len(here):
            checked.append(parent)
            parent = os.path.dirname(parent)
    if os.path.islink(full) and _is_stream(full):
        checked.remove(full)  # /dev/stdout: a terminal or a pipe, written to, never replaced
    for candidate in checked:
        if os.path.islink(candidate):
            shown = path if candidate == full else os.path.relpath(candidate, here)
            raise ClaimFileError(
                f"{shown!r} is a symbolic link (to {os.readlink(candidate)!r}); {what} "
                "is not written through it",
                hint="write to a path without links (in CI, under $RUNNER_TEMP), or give "
                     "--follow-links if the link is yours",
                location=Location(path),
                code="io.output-link",
            )


_refuse_links = refuse_links


def _is_stream(path: str) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _link_target(path: str) -> str:
    """The file a link at ``path`` leads to, through a chain, even if it does not exist yet:
    as a shell redirect does, the report replaces that file and the link stays a link."""
    if not os.path.islink(path):
        return path
    target = os.path.realpath(path)
    if os.path.islink(target):
        # realpath gives up on a loop and returns one of its links.
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), path)
    return target


def require_folder(path: str, what: str = "the report") -> None:
    """Raise the error ``write_output`` would give when ``path``'s folder is missing
    (or is a file): to check before long work whose result goes there."""
    target = _link_target(path) if os.path.islink(path) else path
    directory = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(directory):
        raise _no_folder(path, target, directory, what)


def _no_folder(path: str, target: str, directory: str, what: str) -> ClaimFileError:
    """The folder to write in is missing (or is a file): say which, and what to do."""
    shown = os.path.dirname(target) or "."
    if os.path.exists(directory):
        problem, hint = (f"{shown!r} is a file, not a folder",
                         "give a path in a folder, or move the file out of the way")
    else:
        import shlex

        problem, hint = (f"the folder {shown!r} does not exist",
                         f"create it first (mkdir -p {shlex.quote(shown)}), or give a path "
                         "in a folder that exists")
    return ClaimFileError(f"cannot write {what}: {problem}", hint=hint,
                          location=Location(path), code="io.output")


def _cannot_write(path: str, exc: OSError, what: str = "the report") -> ClaimFileError:
    # Raised before the rename: a report already at ``path`` stays as it was.
    return ClaimFileError(
        f"cannot write {what}: {exc.strerror or exc}",
        hint="check that the folder exists and is writable, and that the path is a file",
        location=Location(path),
        code="io.output",
    )


def _mode_for(path: str) -> int:
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# Kernel and device trees: their "regular files" (/proc/self/environ) hold the
# process's secrets or never end, so no claim file may name them, whatever --root says.
SYSTEM_TREES = ("/proc", "/sys", "/dev")


def read_roots(paths: list[str], extra: tuple[str, ...] | list[str] = ()) -> tuple[str, ...]:
    """The folders whose files claim files may name: the folder of each claim path given
    (a folder itself, or a file's folder) and every ``--root`` folder, resolved."""
    roots = []
    for path in [*paths, *extra]:
        real = os.path.realpath(path or ".")
        roots.append(real if os.path.isdir(real) or path in extra else os.path.dirname(real))
    return tuple(dict.fromkeys(roots))


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def claim_relative_path(claim_file: str, written: str,
                        roots: tuple[str, ...] | None = None) -> str:
    """The file a claim file names (``text:``, ``rates:``, a table), refused unless it
    resolves, through any links, to a place inside ``roots`` (default: the claim file's
    own folder) and outside the system trees; the model already refuses absolute paths
    and hidden names as written. Whether it is a regular file is checked when it is read.
    """
    from factcheck.claims.fields import path_problem

    base = os.path.dirname(claim_file)
    path = os.path.normpath(os.path.join(base, written))
    real = os.path.realpath(path)
    allowed = [os.path.realpath(r) for r in (roots or (base or ".",))]
    shown = _shown(written)
    tree = next((t for t in SYSTEM_TREES if _inside(real, t)), None)
    if tree is not None:
        raise ClaimFileError(
            f"{shown} leads into the system folder {tree!r}, which claim files may not read",
            hint="name the article's text file",
            location=Location(claim_file),
            code="io.outside",
        )
    inside = next((r for r in allowed if _inside(real, r)), None)
    if inside is None:
        raise ClaimFileError(
            f"{shown} leads outside the folders of the claim files "
            f"({', '.join(_shown(os.path.relpath(r)) for r in allowed)})",
            hint="move the file beside the claim files, or name its folder with --root DIR",
            location=Location(claim_file),
            code="io.outside",
        )
    resolved = os.path.relpath(real, inside)
    problem = path_problem(resolved) if resolved != "." else "write a path to a file"
    if problem is not None:
        raise ClaimFileError(
            f"{shown} leads through a link to {_shown(resolved)}, which claim files may "
            "not read",
            hint="name the file itself, not a link to a hidden file",
            location=Location(claim_file),
            code="io.outside",
        )
    return path


def _shown(path: str, width: int = 120) -> str:
    """A path for a message: escaped (repr), and cut short."""
    return repr(path if len(path) <= width else path[: width - 1] + "…")

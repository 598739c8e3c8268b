"""Write output files atomically and portably: a failure never leaves half a document.

A document is written to a hidden temporary file beside its target and renamed
into place. The temporary file is created with the mode any new file gets
(0666 less the umask, applied by the operating system), so nothing reads or
changes the process's umask, and nothing calls `os.fchmod` (which Windows has
only from Python 3.13). Temporary files left by a run killed in its write
phase are swept by later runs.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from .errors import JobdocsError, UsageError

#: The suffix of jobdocs' temporary files; a sweep removes only files that end so.
TMP_SUFFIX = ".jobdocs-tmp"
#: A temporary file untouched for this long belongs to a run that died.
STALE_AFTER = 600.0
#: A build's staging folder (DOCX files waiting to be printed as PDF) is named so.
STAGING_PREFIX, STAGING_SUFFIX = ".jobdocs-", ".staging"
#: A staging folder in which nothing changed for this long belongs to a build that died.
STAGING_STALE_AFTER = 3600.0
#: `-o -` names standard output.
STDOUT = "-"


#: What the machine refuses, whatever the command asked: a full disk, a missing
#: permission, a read-only folder, too many open files. Exit 1 with one line.
ENVIRONMENT = frozenset(getattr(errno, name) for name in (
    "ENOSPC", "EDQUOT", "EACCES", "EPERM", "EROFS", "EIO", "EMFILE", "ENFILE", "ETXTBSY")
    if hasattr(errno, name))


def refused(e: OSError) -> str:
    """Return the one line that says what the machine refused and what to check."""
    where = f"{shown(e.filename)}: " if e.filename else ""
    return f"{where}{e.strerror or e}; check the folder's permissions and free space"


class FileChanged(JobdocsError):
    """The file changed on disk while its new content was being prepared."""


def write_atomic(path: Path, data: bytes, unchanged: Callable[[], bool] | None = None,
                 *, sync_folder: bool = True) -> None:
    """Write `data` to `path` through a temporary file renamed into place.

    With `unchanged`, it is asked once the new content is on disk, just before the
    rename: when it answers False (another program changed the file meanwhile),
    nothing is replaced and FileChanged is raised. `sync_folder=False` leaves making
    the rename durable to the caller, who writes many files to one folder and calls
    `sync_folders` once at the end (a build: one sync per folder, not per document).
    """
    _sweep_once(path.parent)
    tmp, fd = _create_tmp(path)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if unchanged is not None and not unchanged():
            raise FileChanged(f"{path}: changed on disk meanwhile; nothing was replaced")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if sync_folder:
        _sync_dir(path.parent)


def holds(path: Path, data: bytes) -> bool:
    """Whether the file at `path` holds exactly `data` (one look when there is none):
    a file that would be written with the bytes it has is left alone."""
    try:
        found = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISREG(found.st_mode) or found.st_size != len(data):
        return False
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte to the file `fd` (a write may take fewer than it is given)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def sync_folders(paths: Iterable[Path]) -> None:
    """Make durable the renames `write_atomic(..., sync_folder=False)` did in the
    folders of `paths`: one sync per folder."""
    for folder in dict.fromkeys(Path(p).parent for p in paths):
        _sync_dir(folder)


#: The folders this process swept, and when: a build writing thousands of documents
#: to one folder reads the folder once, not once per document.
_swept: dict[Path, float] = {}


def _sweep_once(directory: Path) -> None:
    now = time.time()
    if now - _swept.get(directory, -STALE_AFTER) >= STALE_AFTER:
        sweep(directory, now=now)
        _swept[directory] = now


def _create_tmp(path: Path) -> tuple[Path, int]:
    """Create and open the temporary file beside `path`, and the folders it needs."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}{TMP_SUFFIX}")
        try:
            # 0o666: the OS takes the umask off, as for any file a program creates.
            return tmp, os.open(tmp, flags, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits collided
            continue
        except FileNotFoundError:  # the first file of a folder (and not one per file)
            if path.parent.is_dir():
                raise
            path.parent.mkdir(parents=True, exist_ok=True)


def _sync_dir(directory: Path) -> None:
    """Make the rename durable; Windows cannot open a directory, and needs no such step."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a directory; the data is written
    finally:
        os.close(fd)


def sweep(directory: Path, prefix: str = ".", now: float | None = None) -> list[Path]:
    """Remove jobdocs' temporary files older than STALE_AFTER from `directory`:
    what runs killed in their write phase left behind. Return what was removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(TMP_SUFFIX)):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and \
                    now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # another run swept it first, or it is not ours to remove
    return removed


def sweep_staging(directory: Path, now: float | None = None) -> list[Path]:
    """Remove the staging folders of builds that died (nothing in them changed for
    STAGING_STALE_AFTER) from `directory`; return what was removed."""
    import shutil

    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(STAGING_PREFIX) and entry.name.endswith(STAGING_SUFFIX)
                and entry.is_dir(follow_symlinks=False)):
            continue
        if now - _newest(Path(entry.path)) > STAGING_STALE_AFTER:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed


def _newest(folder: Path) -> float:
    """Return the latest modification time of a folder and everything in it."""
    newest = 0.0
    for top, dirs, names in os.walk(folder):
        for name in (top, *(os.path.join(top, n) for n in dirs + names)):
            try:
                newest = max(newest, os.lstat(name).st_mtime)
            except OSError:
                continue
    return newest


def write_output(target: str | Path, data: bytes, what: str = "output",
                 stdout: BinaryIO | None = None) -> None:
    """Write one output: to standard output for `-`, else atomically to the file.

    Raise UsageError when the place cannot be written (a directory, a missing
    permission), naming it.
    """
    if str(target) == STDOUT:
        out = stdout or sys.stdout.buffer
        out.write(data)
        out.flush()
        return
    path = Path(target)
    try:
        if path.is_dir():
            raise UsageError(f"-o {target}: is a directory; name the {what}'s file")
        write_atomic(path, data)
    except OSError as e:
        # A full disk or a missing permission is the machine's (exit 1); a place that
        # cannot be a file (a missing folder, a file as a folder, a name too long) is
        # the option's (2).
        error = JobdocsError if e.errno in ENVIRONMENT else UsageError
        raise error(f"-o {target}: cannot write the {what}: {e.strerror or e}") from e
    except ValueError as e:  # a NUL in the name
        raise UsageError(f"-o {target}: cannot write the {what}: {e}") from e


def ensure_dir(path: Path) -> Path:
    """Return `path` as an output directory, creating it; fail clearly when it is a file,
    or a place the file system cannot reach (a folder that may not be searched, a name
    too long)."""
    try:
        if path.exists() and not path.is_dir():
            raise JobdocsError(f"{path}: exists and is not a directory; choose another -o")
        path.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as e:
        why = getattr(e, "strerror", None) or str(e)
        raise JobdocsError(f"{path}: cannot create the output directory: {why}") from e
    sweep(path)
    return path


def shown(path: Path | str) -> str:
    """Return a path as a person reads it in a report or an output line: relative to
    the current folder when it lies inside it (as git and ruff print them), else as
    it is."""
    text = str(path)
    if not os.path.isabs(text):
        return text
    try:
        relative = os.path.relpath(text)
    except ValueError:  # another drive on Windows
        return text
    return text if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative

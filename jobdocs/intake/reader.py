"""The one reader of a user's files: a regular file, inside its project, under a cap.

Every file jobdocs reads from a user (a role, a profile, the project file, a
reference document, a document to import, a staff list, a sheet, a build
manifest, a catalog) comes in here, so that each is refused the same way:

- only a regular file is read: a FIFO, a device (`/dev/zero`) or a socket is
  refused without blocking (the file is opened non-blocking and checked on the
  open descriptor, so nothing swapped in after a check is read);
- where a project applies, the path's links are resolved first and the file
  must then lie inside the project's folder (a link out of it is refused);
- each kind of file has its own size cap, checked before anything is read and
  again while reading (a file may grow meanwhile).

A refusal is an `Unreadable` error: one Problem (file, what is wrong, how to fix),
exit code 1, rule `io`, `size`, `outside-project` or `encoding`.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidInput, Problem

MB = 1024 * 1024


@dataclass(frozen=True)
class Kind:
    """A kind of input file: what a person calls it and the most bytes it may hold."""

    name: str
    limit: int

    @property
    def a(self) -> str:
        """The name with its article: "a role file", "an organization profile"."""
        return f"{'an' if self.name[0] in 'aeiou' else 'a'} {self.name}"


ROLE = Kind("role file", 2 * MB)
PROFILE = Kind("organization profile", 2 * MB)
PROJECT = Kind("project file", 2 * MB)
REGISTER = Kind("number register", 2 * MB)
REFERENCE = Kind("reference document", 20 * MB)
DOCUMENT = Kind("document to import", 20 * MB)
TEXT = Kind("text to import", 5 * MB)
#: A staff list of 200,000 employees (the register's `ack due`) is about 16 MB.
STAFF = Kind("staff list", 64 * MB)
SHEET = Kind("sheet", 20 * MB)
#: A build of 200,000 copies (one per employee) keeps about 100 MB of entries.
MANIFEST = Kind("build manifest", 256 * MB)
CATALOG = Kind("catalog", 5 * MB)
TEMPLATE = Kind("template", 1 * MB)
#: Any other YAML file read with the role loader (a role or a profile is not known yet).
YAML = Kind("YAML file", 2 * MB)


class Unreadable(InvalidInput):
    """A file the reader refused; its one problem says why and how to fix it."""

    def __init__(self, path: Path | str, message: str, rule: str = "io",
                 line: int | None = None, column: int | None = None) -> None:
        super().__init__(Problem(str(path), line, column, message, rule))


def confine(path: Path | str, root: Path | str, kind: Kind | None = None) -> Path:
    """Return `path` with every link resolved; refuse it unless it lies inside `root`
    (whose links are resolved too)."""
    base = Path(root).resolve()
    try:
        target = Path(path).resolve()
    except (OSError, RuntimeError) as e:  # a loop of links
        raise Unreadable(path, f"cannot follow its links: {e}") from None
    if not target.is_relative_to(base):
        what = kind.name if kind else "file"
        shown = f"{path} (a link to {target})" if Path(path).absolute() != target else path
        raise Unreadable(path, f"the {what} {shown} is outside the project folder {base}; "
                         "keep the project's files inside it", "outside-project")
    return target


def read_bytes(path: Path | str, kind: Kind, *, within: Path | str | None = None) -> bytes:
    """Return the bytes of the regular file at `path`, at most `kind.limit` of them;
    with `within`, the file (links resolved) must lie inside that folder."""
    target = confine(path, within, kind) if within is not None else Path(path)
    fd = _open(path, target, kind)
    try:
        st = os.fstat(fd)  # the file opened, not whatever the name points at now
        if stat.S_ISDIR(st.st_mode):
            raise Unreadable(path, f"is a directory, not {kind.a}")
        if not stat.S_ISREG(st.st_mode):
            raise Unreadable(path, f"is not a regular file (a FIFO, a device or a socket); "
                             f"give {kind.a}")
        if st.st_size > kind.limit:
            raise _too_big(path, kind, f"{st.st_size:,}")
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as f:
        try:
            # As much as the file holds (a read of the whole cap would take the cap in
            # memory for every small file), then on to the cap if it has grown since.
            want = min(st.st_size, kind.limit) + 1
            data = f.read(want)
            if len(data) == want and want <= kind.limit:
                data += f.read(kind.limit + 1 - want)
        except OSError as e:
            raise Unreadable(path, f"cannot read the {kind.name}: {e.strerror or e}") from None
    if len(data) > kind.limit:
        raise _too_big(path, kind, f"over {kind.limit:,}")
    return data


def read_text(path: Path | str, kind: Kind, *, within: Path | str | None = None) -> str:
    """Return the file at `path` (see read_bytes) as UTF-8 text."""
    return decode(read_bytes(path, kind, within=within), str(path))


_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
          | getattr(os, "O_NOCTTY", 0))


def _open(shown: Path | str, target: Path, kind: Kind) -> int:
    try:
        if os.name == "nt" and target.is_dir():  # Windows cannot open a folder at all
            raise Unreadable(shown, f"is a directory, not {kind.a}")
        return os.open(target, _FLAGS)
    except FileNotFoundError:
        raise Unreadable(shown, "no such file") from None
    except IsADirectoryError:
        raise Unreadable(shown, f"is a directory, not {kind.a}") from None
    except OSError as e:  # a socket (ENXIO), a missing permission, a loop of links
        raise Unreadable(shown, f"cannot read the {kind.name}: {e.strerror or e}") from None


def _too_big(path: Path | str, kind: Kind, size: str) -> Unreadable:
    return Unreadable(path, f"the {kind.name} is {size} bytes; {kind.a} may be at most "
                      f"{kind.limit:,} bytes", "size")


#: The most bytes `fingerprint` hashes: more is no input of a job description.
FINGERPRINT_LIMIT = 256 * MB


def fingerprint(path: Path | str, *, within: Path | str | None = None) -> str:
    """Return the SHA-256 of the regular file at `path` (inside `within`, when given),
    read in pieces; "" when it is missing, not a regular file, outside, or too large."""
    try:
        target = confine(path, within) if within is not None else Path(path)
        fd = os.open(target, _FLAGS)
    except (Unreadable, OSError):
        return ""
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or st.st_size > FINGERPRINT_LIMIT:
        os.close(fd)
        return ""
    digest = hashlib.sha256()
    with os.fdopen(fd, "rb") as f:
        try:
            for chunk in iter(lambda: f.read(MB), b""):
                digest.update(chunk)
        except OSError:
            return ""
    return digest.hexdigest()


def is_regular(path: Path) -> bool:
    """Return whether `path` is a regular file (links followed), without opening it."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def decode(raw: bytes, name: str, what: str = "text") -> str:
    """Decode UTF-8 bytes, naming the encoding a file seems to be in when it is not
    (`what` the file should hold: "binary file, not YAML text")."""
    other = _other_encoding(raw, what)
    if other:
        raise Unreadable(name, other, "encoding", 1, 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        column = len(raw[raw.rfind(b"\n", 0, e.start) + 1: e.start].decode("utf-8", "replace"))
        raise Unreadable(name, "not UTF-8 (Latin-1 or Windows-1251?); save the file as UTF-8",
                         "encoding", line, column + 1) from None
    return text.removeprefix("\ufeff")


def _other_encoding(raw: bytes, what: str) -> str | None:
    """Return why `raw` is not UTF-8 text when its first bytes already tell."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "file is UTF-32; save it as UTF-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "file is UTF-16; save it as UTF-8"
    head = raw[:8192]
    if b"\x00" not in head:
        return None
    # UTF-16 without a byte order mark: ASCII text with a NUL in every other byte.
    if len(head) >= 4 and (head[1::2].count(0) > len(head) // 4
                           or head[0::2].count(0) > len(head) // 4):
        return "file is UTF-16; save it as UTF-8"
    return f"binary file, not {what}"

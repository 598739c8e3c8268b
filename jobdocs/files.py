"""Write output files atomically: a failure never leaves half a document."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import JobdocsError


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the permissions any new file
        # gets here, so the documents can be shared like the rest of the directory.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def ensure_dir(path: Path) -> Path:
    """Return `path` as an output directory, creating it; fail clearly when it is a file."""
    if path.exists() and not path.is_dir():
        raise JobdocsError(f"{path}: exists and is not a directory; choose another -o")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise JobdocsError(f"{path}: cannot create the output directory: {e.strerror}") from e
    return path

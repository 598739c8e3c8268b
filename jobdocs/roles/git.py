"""Read role files as they were at a git revision: `HEAD~3:roles/kam.yaml`."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidInput, Problem, RoleNotFound, UsageError
from ..model import Role
from . import loader
from .library import SUFFIXES, Library, find_role, load_role_with


def _git(*args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed; REV:PATH inputs need it") from None


def is_revision(rev: str) -> bool:
    """Return whether `rev` names a commit in the repository around the current directory."""
    return bool(rev) and _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"
                              ).returncode == 0


@dataclass(frozen=True)
class Revision:
    """A git revision role files are read from."""

    rev: str
    library: Library | None = None  # where parent roles missing at the revision are found

    def spec(self, path: Path) -> str:
        # "./" makes the path relative to the current directory, as on the command line;
        # git refuses an absolute one (a role id found in the project's library).
        if path.is_absolute():
            try:
                path = Path(os.path.relpath(path))
            except ValueError:  # another drive on Windows: git cannot read it either
                pass
        return f"{self.rev}:./{path.as_posix()}"

    def exists(self, path: Path) -> bool:
        return _git("cat-file", "-e", self.spec(path)).returncode == 0

    def read(self, path: Path) -> loader.Loaded:
        result = _git("show", self.spec(path))
        name = f"{self.rev}:{path.as_posix()}"
        if result.returncode != 0:
            raise InvalidInput(Problem(name, None, None, "no such file at that revision",
                                              "io"))
        if len(result.stdout) > loader.MAX_BYTES:
            raise InvalidInput(Problem(name, None, None, "file too large", "size"))
        return loader.parse(loader.decode(result.stdout, name), name)

    def find(self, ref: str, near: Path) -> Path:
        for suffix in SUFFIXES:
            candidate = near / f"{ref}{suffix}"
            if self.exists(candidate):
                return candidate
        return find_role(ref, library=self.library)  # the library as it is now

    def author_and_date(self, path: Path) -> tuple[str, dt.datetime | None]:
        """Return who last changed `path` at this revision, and when."""
        out = _git("log", "-1", "--format=%an%n%aI", self.rev, "--", path.as_posix())
        lines = out.stdout.decode("utf-8", "replace").splitlines()
        if out.returncode != 0 or len(lines) < 2:
            return "", None
        return lines[0], dt.datetime.fromisoformat(lines[1])


def load_at(rev: str, path: str, library: Library | None = None) -> Role:
    """Return the role at `path` as it was at git revision `rev`."""
    revision = Revision(rev, library)
    p = Path(path)
    if not revision.exists(p):
        raise RoleNotFound(f"{rev}:{path}: no such file at that revision")

    def read(q: Path) -> loader.Loaded:
        return revision.read(q) if revision.exists(q) else loader.load(q)

    return load_role_with(p, read, revision.find)


def split_spec(spec: str) -> tuple[str, str] | None:
    """Return (rev, path) when `spec` is `REV:PATH` naming a git revision, else None."""
    rev, sep, path = spec.partition(":")
    if not sep or not path or Path(spec).exists() or not is_revision(rev):
        return None
    return rev, path

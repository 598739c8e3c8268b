"""Load the two sides of `jobdocs diff`: files, role ids, or `REV:path` from git."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..files import shown
from ..model import Role
from ..roles import git as gitsource
from ..roles.library import Library, find_role, load_role


@dataclass(frozen=True)
class Side:
    """One side of a comparison: the role, and who changed it when (for a redline)."""

    role: Role
    label: str
    author: str = ""
    date: dt.datetime | None = None


def load_side(spec: str, library: Library | None = None) -> Side:
    """Return the role a spec names: a file, a role id (in `library`), or `REV:path`."""
    git = gitsource.split_spec(spec)
    if git:
        rev, path = git
        author, date = gitsource.Revision(rev).author_and_date(Path(path))
        return Side(gitsource.load_at(rev, path, library), spec, author, date)
    role = load_role(spec, library)
    return Side(role, spec)


def specs(old: str | None, new: str | None, from_rev: str | None, to_rev: str | None,
          library: Library | None = None) -> tuple[str, str]:
    """Return the OLD and NEW specs from the arguments and --from/--to."""
    if from_rev is None:
        if to_rev is not None:
            raise UsageError("--to needs --from")
        if old is None or new is None:
            raise UsageError("give OLD and NEW, or one FILE with --from REV [--to REV]")
        return old, new
    if new is not None or old is None:
        raise UsageError("with --from, give one FILE: jobdocs diff --from REV [--to REV] FILE")
    path = Path(shown(find_role(old, library=library))).as_posix()
    for rev in (from_rev, to_rev):
        if rev is not None and not gitsource.is_revision(rev):
            raise UsageError(f"'{rev}' is not a git revision here")
    return f"{from_rev}:{path}", (f"{to_rev}:{path}" if to_rev else path)

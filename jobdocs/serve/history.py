"""A role's history in the project's git repository: each save a commit with the
editor's name, the versions of a role file, and its last approved version (a tag).

Nothing here runs unless the project folder is inside a git repository; git is
called with a list of arguments (never a shell), inside the project folder, with
a time limit, and only on the role file a save wrote.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

#: How long one git command may take.
TIMEOUT = 30
#: How many versions of a role the history page shows.
VERSIONS = 20
#: The tags that mark a role's approved versions, unless jobdocs.yaml names others
#: (`approved:`; `{role}` stands for the role's id).
APPROVED = "approved/{role}/*"
#: What an editor's name may hold in a commit (no angle brackets, no new lines).
_NAME = re.compile(r"[^<>\n\r\t\x00]{1,100}")


class HistoryError(Exception):
    """A git command that failed, with git's own words."""


@dataclass(frozen=True)
class Version:
    """One commit of a role file."""

    rev: str  # the full hash
    short: str
    author: str
    date: dt.datetime
    subject: str


def _git(folder: Path, *args: str, env: dict[str, str] | None = None) -> str:
    try:
        out = subprocess.run(["git", "-C", str(folder), *args], capture_output=True,
                             check=False, timeout=TIMEOUT, env=env)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise HistoryError(str(e)) from None
    if out.returncode != 0:
        lines = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HistoryError(lines[-1] if lines else f"git {args[0]} failed")
    return out.stdout.decode("utf-8", "replace")


def repository(folder: Path) -> Path | None:
    """Return the top of the git repository holding `folder`, or None outside one."""
    try:
        top = _git(folder, "rev-parse", "--show-toplevel").strip()
    except HistoryError:
        return None
    return Path(top) if top else None


def valid_name(name: str) -> str:
    """Return an editor's name fit for a commit ('' when it is not)."""
    name = " ".join(name.split())
    return name if _NAME.fullmatch(name) else ""


def commit(folder: Path, path: Path, author: str, subject: str) -> str:
    """Commit the role file at `path` (only it) with `author` as the commit's author;
    return the new commit's short hash."""
    rel = os.path.relpath(path, folder)
    env = dict(os.environ)
    env["GIT_AUTHOR_NAME"] = author
    env["GIT_AUTHOR_EMAIL"] = ""
    if not _configured(folder):  # git refuses to commit without a committer
        env.setdefault("GIT_COMMITTER_NAME", "jobdocs serve")
        env.setdefault("GIT_COMMITTER_EMAIL", "")
    _git(folder, "add", "--", rel)
    _git(folder, "commit", "-q", "--no-verify", "-m", subject, "--", rel, env=env)
    return _git(folder, "rev-parse", "--short", "HEAD").strip()


def record(folder: Path, path: Path, author: str, subject: str) -> str:
    """Commit a file a page wrote when the project is kept in git: the commit's short
    hash, "-" when git refused, "" outside a repository (nothing is committed)."""
    if repository(folder) is None:
        return ""
    try:
        return commit(folder, path, author or "jobdocs serve", " ".join(subject.split())[:200])
    except HistoryError:
        return "-"


def _configured(folder: Path) -> bool:
    return bool(configured_name(folder))


def configured_name(folder: Path) -> str:
    """Return the user name git is configured with for the repository ('' for none)."""
    try:
        return valid_name(_git(folder, "config", "user.name").strip())
    except HistoryError:
        return ""


def clean(folder: Path, path: Path) -> bool:
    """Return whether the role file is as its last commit holds it."""
    try:
        return not _git(folder, "status", "--porcelain", "--", os.path.relpath(path, folder))
    except HistoryError:
        return False


def versions(folder: Path, path: Path, limit: int = VERSIONS) -> list[Version]:
    """Return the latest commits that changed the role file, newest first."""
    rel = os.path.relpath(path, folder)
    try:
        out = _git(folder, "log", f"-n{limit}", "--format=%H%x09%h%x09%an%x09%aI%x09%s",
                   "--", rel)
    except HistoryError:
        return []
    found = []
    for line in out.splitlines():
        parts = line.split("\t", 4)
        if len(parts) == 5:
            found.append(Version(parts[0], parts[1], parts[2],
                                 dt.datetime.fromisoformat(parts[3]), parts[4]))
    return found


def approved(folder: Path, path: Path, role_id: str, pattern: str = "") -> str:
    """Return the newest tag marking an approved version of the role (one that holds
    its file and that HEAD descends from), '' when there is none."""
    want = (pattern or APPROVED).replace("{role}", role_id)
    rel = Path(os.path.relpath(path, folder)).as_posix()
    try:
        tags = _git(folder, "tag", "--list", "--merged", "HEAD", "--sort=-creatordate",
                    want).split()
    except HistoryError:
        return ""
    for tag in tags:
        if fnmatchcase(tag, want) and _holds(folder, tag, rel):
            return tag
    return ""


def _holds(folder: Path, tag: str, rel: str) -> bool:
    try:
        _git(folder, "cat-file", "-e", f"{tag}:./{rel}")
    except HistoryError:
        return False
    return True


def approve(folder: Path, role_id: str, version: str, pattern: str = "") -> str:
    """Tag HEAD as the approved version of a role; return the tag."""
    base = (pattern or APPROVED).replace("{role}", role_id)
    stem = base.rstrip("*") if base.endswith("*") else base + "-"
    first = f"{stem}{re.sub(r'[^A-Za-z0-9._-]+', '-', version)}-{dt.date.today().isoformat()}"
    tag, n = first, 2
    while _exists(folder, tag):
        tag, n = f"{first}-{n}", n + 1
    _git(folder, "tag", tag, "HEAD")
    return tag


def _exists(folder: Path, tag: str) -> bool:
    try:
        _git(folder, "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}")
    except HistoryError:
        return False
    return True

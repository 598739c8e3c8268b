"""Which content a version of a role is: the role now, the register's copies, git's history.

A version is named on a sheet by its label (`1.1`) and known to the register
by the content hash of its document: the hash `jobdocs render ROLE` prints
for the organization, without a staff list (each employee's copy prints the
same clauses and frame, only with their name in it).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from ..config.organization import Organization
from ..errors import JobdocsError
from ..model import Role
from ..resolve.hash import content_hash
from ..roles import loader
from ..roles.library import Library
from .cache import RoleCache
from .register import Register

#: How far back git's history of a role file is searched for a version label.
HISTORY = 200


def version_hash(role: Role, org: Organization) -> str:
    """Return the content hash that names this version of the role in the register."""
    issued = replace(org, employee=None, staff=(), number=org.number.assign([role.id]))
    return content_hash(role, issued)


class Version:
    """A version of a role: its label and content hash, and the role itself (loaded when
    first asked for, when the label and hash came from the cache)."""

    def __init__(self, label: str, content_hash: str, role: Role | None = None,
                 load: Callable[[], Role] | None = None) -> None:
        self.label = label
        self.content_hash = content_hash
        self._role = role
        self._load = load

    @property
    def role(self) -> Role:
        if self._role is None:
            assert self._load is not None
            self._role = self._load()
        return self._role


class Versions:
    """The versions of the roles of a library, for one organization."""

    def __init__(self, library: Library, org: Organization,
                 register: Register | None = None, cache: Path | None = None) -> None:
        self.library = library
        self.org = org
        self.register = register
        self.cache = RoleCache(cache, org)
        self._current: dict[str, Version] = {}
        self._found: dict[tuple[str, str], Version | None] = {}

    def current(self, role_id: str) -> Version:
        """Return the role as it is now; raise JobdocsError when it cannot be loaded."""
        if role_id not in self._current:
            path = self.library.find(role_id)
            known = self.cache.get(role_id, path)
            if known is not None:
                self._current[role_id] = Version(*known, load=lambda: self._read(path)[0])
            else:
                role, files = self._read(path)
                digest = version_hash(role, self.org)
                self.cache.put(role_id, files, role.version, digest)
                self._current[role_id] = Version(role.version, digest, role)
        return self._current[role_id]

    def _read(self, path: Path) -> tuple[Role, list[Path]]:
        """Load the role at `path`; return it and the files it was read from."""
        files: list[Path] = []

        def read(p: Path) -> loader.Loaded:
            files.append(p)
            return loader.load(p)

        return self.library.load_with(path, read), files

    def save(self) -> None:
        """Remember the current versions for the next run."""
        self.cache.save()

    def labelled(self, role_id: str, label: str) -> Version | None:
        """Return the version of a role a sheet names by its label: the current one when
        the labels match, else the latest the register holds, else the latest commit
        of the role file that had that label; None when none did."""
        key = (role_id, label)
        if key not in self._found:
            self._found[key] = self._find(role_id, label)
        return self._found[key]

    def _find(self, role_id: str, label: str) -> Version | None:
        now = self.current(role_id)
        if now.label == label:
            return now
        if self.register is not None:
            for digest in self.register.hashes_of(role_id, label):
                role = self.register.version(role_id, digest)
                if role is not None:
                    return Version(label, digest, role)
        for role in _history(self.library.find(role_id)):
            if role.version == label:
                return Version(label, version_hash(role, self.org), role)
        return None


def _history(path: Path) -> Iterator[Role]:
    """Yield the role file at each commit that changed it, newest first (none outside git)."""
    from ..roles import git

    try:
        relative = os.path.relpath(path)
        out = subprocess.run(["git", "log", f"-n{HISTORY}", "--format=%H", "--", relative],
                             capture_output=True, check=False, timeout=60)
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return
    if out.returncode != 0:
        return
    for rev in out.stdout.decode("ascii", "replace").split():
        try:
            yield git.load_at(rev, relative)
        except JobdocsError:
            continue  # the file was invalid at that commit: no version to find there

"""The project a server shows: its role library, organizations and git, with caches.

Everything a URL names is looked up here by key (a role id, an organization's
relative path), never joined onto a path, so no request reaches a file outside
the library. Loaded roles and their check results are kept until one of the
files they were read from changes.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import intake
from ..config.organization import Organization, localized
from ..config.project import Project
from ..errors import InvalidInput, JobdocsError, Problem
from ..model import Role
from ..resources import shipped_roles
from ..roles import library, loader
from ..roles.memo import Within
from ..settings import Settings, load_settings

#: What a role id in a URL may look like: a file stem, no separators, no leading dot.
ROLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")


@dataclass(frozen=True)
class Entry:
    """A role of the library as its page and the library page show it."""

    id: str
    path: Path
    editable: bool
    role: Role | None = None
    problems: tuple[Problem, ...] = ()
    deps: tuple[Path, ...] = ()

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)


def _stamp(paths: tuple[Path, ...]) -> tuple[tuple[int, int], ...]:
    out = []
    for p in paths:
        try:
            st = p.stat()
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((-1, -1))
    return tuple(out)


@dataclass
class Site:
    """The library of one project folder, as the server sees it, with the settings every
    command would have there (jobdocs.settings): the same profile, wording, letterhead."""

    root: Path
    settings: Settings
    _cache: dict[Path, tuple[Any, Entry]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _profile: tuple[Any, Organization] | None = None
    _locks: dict[Path, threading.Lock] = field(default_factory=dict)
    _orgs: dict[Path, tuple[Any, Organization | None]] = field(default_factory=dict)

    @classmethod
    def here(cls, start: Path | None = None) -> Site:
        """Return the site of the current folder, or of `start` (its jobdocs.yaml, or
        ./roles); a broken profile leaves the documents blank and its page says why."""
        root = (start or Path.cwd()).resolve()
        return cls(root, load_settings(start=root, keep_going=True))

    @property
    def project(self) -> Project | None:
        return self.settings.project

    @property
    def folder(self) -> Path:
        """The project's folder: no file the server reads or writes lies outside it
        (the roles jobdocs ships aside)."""
        return (self.project.path.parent if self.project else self.root).resolve()

    def read(self, entry: Entry) -> str:
        """Return the text of a role file through the one reader (confined to the project
        unless it is a shipped role); raise JobdocsError when it cannot be read."""
        return intake.read_text(entry.path, intake.ROLE,
                                within=self.folder if entry.editable else None)

    def lock(self, path: Path) -> threading.Lock:
        """Return the lock a save of `path` holds from reading the file to replacing it."""
        with self._lock:
            return self._locks.setdefault(path, threading.Lock())

    @property
    def local_dir(self) -> Path:
        """The project's own roles folder (editable), whether or not it exists."""
        return (self.project.roles if self.project else self.root / "roles").resolve()

    def role_files(self) -> dict[str, tuple[Path, bool]]:
        """Return every role id with its file and whether the server may edit it."""
        out: dict[str, tuple[Path, bool]] = {}
        local = self.local_dir
        dirs = [(local, True)] if local.is_dir() else []
        packaged = shipped_roles()
        if packaged.is_dir() and packaged != local:
            dirs.append((packaged, False))
        for d, editable in dirs:
            for name in sorted(os.listdir(d)):
                stem, dot, suffix = name.rpartition(".")
                if dot and f".{suffix}" in library.SUFFIXES and ROLE_ID.fullmatch(stem):
                    out.setdefault(stem, (d / name, editable))
        return out

    def entries(self) -> list[Entry]:
        """Return every role of the library, checked (cached until a file changes).

        The roles not checked yet are checked together, as `jobdocs validate`
        checks them: what the checks' cache holds is not checked again, the
        rest is shared by worker processes."""
        files = list(self.role_files().values())
        stale = [(path, editable) for path, editable in files if self._kept(path) is None]
        if len(stale) > 1:
            self._check_all(stale)
        return [self.entry_at(path, editable) for path, editable in files]

    def _kept(self, path: Path) -> Entry | None:
        with self._lock:
            cached = self._cache.get(path)
        if cached and cached[0] == _stamp(cached[1].deps):
            return cached[1]
        return None

    def _check_all(self, files: list[tuple[Path, bool]]) -> None:
        from ..check.many import check_many

        org = self.profile()
        read = Within(self.folder)
        found = check_many([path for path, _ in files], org, read=read)
        for (path, editable), (problems, _) in zip(files, found, strict=True):
            self._keep(path, _entry(path, editable, tuple(problems), read))

    def entry(self, role_id: str) -> Entry | None:
        """Return the role a URL names, or None when the library has no such id."""
        if not ROLE_ID.fullmatch(role_id):
            return None
        found = self.role_files().get(role_id)
        return self.entry_at(*found) if found else None

    def entry_at(self, path: Path, editable: bool) -> Entry:
        kept = self._kept(path)
        if kept is not None:
            return kept
        return self._keep(path, _check(path, editable, self.profile(), self.folder))

    def _keep(self, path: Path, entry: Entry) -> Entry:
        if self.project:  # its sections, house style and profile decide validity too
            more = (self.project.path, self.project.organization)
            entry = replace(entry, deps=(*entry.deps, *(p for p in more if p)))
        with self._lock:
            self._cache[path] = (_stamp(entry.deps), entry)
        return entry

    def profile(self) -> Organization:
        """Return the profile checks use, as `jobdocs validate` does (the settings'
        finished profile), read again when its file changes."""
        path = self.settings.profile
        stamp = _stamp((path,)) if path else ()
        if self._profile is None or self._profile[0] != stamp:
            try:
                org = self.settings.organization(path)
            except JobdocsError:  # reported by the validation of the profile itself
                org = self.settings.finish(Organization())
            self._profile = (stamp, org)
        return self._profile[1]

    def organizations(self) -> dict[str, Path]:
        """Return the organization profiles of the project, by their path from its root:
        its profile, the ones jobdocs.yaml names (`organizations:`), then the ones
        `jobdocs import` wrote beside the roles (`roles/organizations/`) that are
        profiles (a number register or any other YAML there is not offered)."""
        project = self.project
        declared = [p for p in ((self.settings.profile, *project.organizations) if project
                                else (self.settings.profile,)) if p]
        imported = self.local_dir / "organizations"
        found = sorted(imported.glob("*.yaml")) if imported.is_dir() else []
        out: dict[str, Path] = {}
        for p in declared + [p for p in found if self.named(p) is not None]:
            out.setdefault(self.relative(p), p)
        return out

    def named(self, path: Path) -> Organization | None:
        """Return the finished profile at `path` (cached until its file changes), None
        when it is not one a page may offer."""
        stamp = _stamp((path,))
        with self._lock:
            cached = self._orgs.get(path)
        if cached and cached[0] == stamp:
            return cached[1]
        try:
            org: Organization | None = self.settings.organization(path)
        except JobdocsError:
            org = None
        with self._lock:
            self._orgs[path] = (stamp, org)
        return org

    def organization_names(self, lang: str) -> dict[str, str]:
        """Return each organization's key with its company name in `lang` (in another
        language, or its file's name, when it gives none in that one)."""
        out = {}
        for key, path in self.organizations().items():
            org = self.named(path)
            name = (localized(org.name, lang) or next(iter(org.name.values()), "")) if org else ""
            out[key] = name or path.stem
        return out

    def organization(self, key: str) -> Organization:
        """Return the profile a URL names ('' for none), finished as every command
        finishes one (its wording included); raise JobdocsError when invalid."""
        path = self.organizations().get(key) if key else None
        return self.settings.organization(path)

    def letterhead(self, org: Organization) -> Path | None:
        """Return the reference document of a profile's DOCX and PDF, as render takes it."""
        return self.settings.letterhead_of(org)

    def default_organization(self) -> str:
        org = self.project.organization if self.project else None
        if not org:
            return ""
        return next((k for k, p in self.organizations().items() if p == org), "")

    def relative(self, path: Path | str) -> str:
        """Return a path as a person reads it: from the project folder when inside it."""
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except (ValueError, OSError):
            return str(path)


def _check(path: Path, editable: bool, org: Organization | None, folder: Path) -> Entry:
    """Load and check one role file as `jobdocs validate` does; the project's files are
    read only inside its folder (a link out of it is a finding, its target never read)."""
    from ..check import check_file

    read = Within(folder)
    try:
        problems, _ = check_file(path, org, read=read)
    except JobdocsError as e:
        problems = list(getattr(e, "problems", ())) or [Problem(str(path), None, None, str(e))]
    return _entry(path, editable, tuple(problems), read)


def _entry(path: Path, editable: bool, problems: tuple[Problem, ...],
           read: library.Reader) -> Entry:
    """Return the entry of a checked role file: the role loaded through `read` (each file
    of its chain parsed once per content: roles/memo.py) and the files it was read from."""
    deps: list[Path] = [path]

    def reading(p: Path) -> loader.Loaded:
        deps.append(p)
        return read(p)

    role: Role | None = None
    try:
        role = library.load_role_with(path, reading, _finder())
    except JobdocsError:
        pass
    return Entry(path.stem, path, editable, role, problems, tuple(dict.fromkeys(deps)))


def _finder() -> Callable[[str, Path], Path]:
    return lambda ref, near: library.find_role(ref, near=near)


def check_candidate(path: Path, text: str, org: Organization | None = None) -> list[Problem]:
    """Return every finding about `text` as the new content of the role file at `path`."""
    from ..check import check_file

    try:
        loaded = loader.parse(text, str(path))
    except InvalidInput as e:
        return list(e.problems)
    return check_file(path, org, loaded=loaded)[0]

"""The findings of a role file, kept on disk by the hash of everything they depend on.

`jobdocs validate` and `jobdocs serve` check a file once for given contents:
the same bytes, the same parent roles (found where they were found, with the
same bytes), the same organization profile and wording, the same jobdocs
code, templates and catalogs give the findings kept last time, without
loading anything. An entry, in one SQLite database, is keyed by the hash of
the file's path and bytes and of the rest of that context; it lists the
parent files and their hashes, and each is hashed again before the entry is
believed. Entries are written in one transaction per run (SQLite takes care
of processes that write at once), and one that cannot be read is ignored.

The folder: `$JOBDOCS_CACHE`, else the user's cache folder (`~/.cache/jobdocs`
on Linux, `~/Library/Caches/jobdocs` on macOS, `%LOCALAPPDATA%\\jobdocs\\Cache`
on Windows). `JOBDOCS_CACHE=off` turns it off. Deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable
from dataclasses import astuple
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import __version__, intake
from ..errors import JobdocsError, Problem
from ..resources import data_dir

FORMAT = 2  # 2: each finding keeps its args
#: Entries kept at most (a few hundred bytes each).
MAX_ENTRIES = 200_000
Found = tuple[list[Problem], tuple[str, ...]]  # findings, declared languages


def folder() -> Path | None:
    """Return the cache folder, or None when `JOBDOCS_CACHE=off`."""
    given = os.environ.get("JOBDOCS_CACHE")
    if given:
        return None if given.lower() in ("off", "0", "no") else Path(given)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "jobdocs" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "jobdocs"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jobdocs"


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


@lru_cache(maxsize=64)  # keyed by input: bounded
def _tree(*roots: str) -> str:
    """Return one hash of every file under `roots`: names and bytes."""
    h = hashlib.sha256()
    for root in map(Path, roots):
        for path in sorted(p for p in root.rglob("*") if p.is_file()
                           and "__pycache__" not in p.parts):
            h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def context(org: Any, libraries: Iterable[Path] = ()) -> str:
    """Return the hash of what every check depends on besides the role files: jobdocs'
    code, templates and catalogs, the profile (and its wording folders), the libraries."""
    code = Path(__file__).resolve().parent.parent
    wording = tuple(str(w) for w in getattr(org, "wording", ()) or () if Path(w).is_dir())
    return _digest(__version__, _tree(str(code), str(data_dir("templates")),
                                      str(data_dir("locales"))),
                   _tree(*wording) if wording else "", repr(org),
                   repr([str(p) for p in libraries]))


def _bytes(path: Path | str) -> bytes | None:
    """Return a role file's bytes through the one reader (a regular file under the size
    cap: a FIFO never blocks the cache), or None."""
    try:
        return intake.read_bytes(path, intake.ROLE)
    except JobdocsError:
        return None


def _file_hash(path: str) -> str:
    raw = _bytes(path)
    return "" if raw is None else hashlib.sha256(raw).hexdigest()


def _problem(path: str, line: int | None, column: int | None, message: str, rule: str,
             severity: str, args: list[list[str]]) -> Problem:
    """Return a finding as `Cache.put` kept it (a JSON row of its fields)."""
    return Problem(path, line, column, message, rule, severity,
                   tuple((str(k), str(v)) for k, v in args))


def _found(find: Callable[[str, Path], Path], ref: str, near: Path) -> str:
    """Return where a parent role is found now ("" for nowhere)."""
    try:
        return str(find(ref, near))
    except JobdocsError:
        return ""


class Cache:
    """The kept findings of one kind of check (one profile, one library): a SQLite
    database in the cache folder, shared by every process that checks."""

    def __init__(self, where: Path, context: str) -> None:
        self.context = context
        self.db: sqlite3.Connection | None = None
        try:
            where.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(where / f"checks-{FORMAT}.sqlite", timeout=10,
                                      isolation_level=None)
            self.db.execute("CREATE TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY, "
                            "entry TEXT NOT NULL)")
        except (sqlite3.Error, OSError):
            self.close()  # a read-only or damaged cache folder: checking works without it

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def _key(self, path: Path) -> str | None:
        raw = _bytes(path)
        return None if raw is None else _digest(self.context, str(path), raw)

    def get(self, path: Path, find: Callable[[str, Path], Path],
            allows: Callable[[Path | str], bool] | None = None) -> Found | None:
        """Return the findings kept for `path`, if every file they came from is unchanged
        (and `allows` them: a server confined to its project) and every parent role is
        still found where it was."""
        key = self._key(path) if self.db is not None else None
        if key is None or self.db is None or (allows and not allows(path)):
            return None
        try:
            row = self.db.execute("SELECT entry FROM kept WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            kept = json.loads(row[0])
            if any(_file_hash(dep) != digest or (allows and not allows(dep))
                   for dep, digest in kept["deps"]):
                return None
            for ref, near, found in kept["finds"]:
                if _found(find, ref, Path(near)) != found:
                    return None
            return ([_problem(*p) for p in kept["problems"]], tuple(kept["languages"]))
        except Exception:  # an entry half-understood is no entry: check the file again
            return None

    def put(self, checked: Iterable[tuple[Path, Found, Any]]) -> None:
        """Keep the findings of files just checked: (path, findings, Record of what was
        read), in one transaction."""
        if self.db is None:
            return
        rows = []
        for path, (problems, languages), record in checked:
            key = self._key(path)
            if key is None or not record.role:
                continue
            rows.append((key, json.dumps({
                "deps": [[str(d), _file_hash(str(d))] for d in dict.fromkeys(record.files)
                         if Path(d) != Path(path)],
                "finds": [[ref, str(near), str(f) if f else ""]
                          for ref, near, f in record.finds],
                "problems": [list(astuple(p)) for p in problems],
                "languages": list(languages)}, ensure_ascii=False)))
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany("INSERT OR REPLACE INTO kept VALUES (?, ?)", rows)
                # Bounded: the entries written longest ago go first.
                self.db.execute("DELETE FROM kept WHERE rowid <= (SELECT MAX(rowid) FROM kept)"
                                " - ?", (MAX_ENTRIES,))
        except sqlite3.Error:
            pass  # a locked or full cache: the next run checks these files again

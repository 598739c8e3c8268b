"""What a built document depends on, hashed, and the manifest that remembers it.

A document is rebuilt only when one of its inputs changed: the files of its
role chain (the role and every role it extends), its organization profile,
the reference document, the project's own settings (house style, declared
sections), the templates and catalogs, and the jobdocs version. The
manifest, `.jobdocs-manifest.json` in the output folder, keeps the hash of
those inputs for every document written, and the size, time and hash of the
file, so that a document edited or deleted by hand is written again, and one
copied from another machine (a shard's, an artifact) is known by its bytes.
The files of a role chain are named relative to the project's folder, so a
manifest holds wherever the project is checked out.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..config.project import Project
from ..errors import InvalidInput
from ..files import holds, write_atomic
from ..intake import MANIFEST as MANIFEST_KIND
from ..intake import PROJECT, fingerprint, read_text
from ..resources import data_dir, is_shipped
from ..roles import loader

MANIFEST = ".jobdocs-manifest.json"
MANIFEST_FORMAT = 2
#: Writes the manifest's JSON, with json's C encoder (an indented dump does not use it).
_ENCODER = json.JSONEncoder(ensure_ascii=False)
#: Project keys that choose what is built and where, not what a document says.
NOT_CONTENT = frozenset({"format", "roles", "organization", "organizations", "languages",
                         "formats", "output", "reference_doc", "approved"})


def file_hash(path: Path, within: Path | None = None) -> str:
    """Return the SHA-256 of a regular file's bytes (inside `within`, when given), read
    through the one reader; "" when it is none (a FIFO, a device, a link out)."""
    return fingerprint(path, within=within)


def tree_hash(roots: Iterable[Path]) -> str:
    """Return one hash of every regular file under `roots` (none followed out), names
    and bytes."""
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(file_hash(path, root).encode())
    return digest.hexdigest()


def combine(*parts: str) -> str:
    """Return one hash of several strings."""
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def settings_hash(data: Mapping[str, Any] | None) -> str:
    """Return the hash of the project settings that change what documents say."""
    content = {k: v for k, v in (data or {}).items() if k not in NOT_CONTENT}
    return combine(json.dumps(content, sort_keys=True, default=str, ensure_ascii=False))


def shared(project: Project) -> str:
    """Return the hash of what every document of a project depends on: jobdocs, its
    templates and catalogs, and the project's content settings (each organization's
    letterhead is in its own digest)."""
    data = loader.load(project.path, PROJECT).data
    return combine(__version__, tree_hash([data_dir("templates"), data_dir("locales")]),
                   settings_hash(data if isinstance(data, dict) else {}))


def stamp(path: Path) -> list[int] | None:
    """Return a file's size and modification time, or None when it is missing."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def data_hash(data: bytes) -> str:
    """Return the hash a manifest keeps of a document's bytes."""
    return hashlib.sha256(data).hexdigest()


@dataclass
class Manifest:
    """What the last build of an output folder wrote, and from which inputs.

    `units` maps a unit (an organization and a role file) to the files its
    role chain was read from ({path: hash}; a path relative to the project's
    folder, or absolute for a role jobdocs ships), the role's languages, and its
    documents ({file name relative to the output: [input key, size, mtime, hash
    of the bytes]}).
    """

    path: Path
    inputs: str = ""
    units: dict[str, dict[str, Any]] = field(default_factory=dict)
    folder: Path | None = None  # the project's: only its files (and shipped roles) are hashed

    @classmethod
    def load(cls, out_dir: Path, inputs: str, folder: Path | None = None,
             name: str = MANIFEST) -> Manifest:
        """Return the manifest `name` of `out_dir`, read through the one reader and
        checked entry by entry; an unreadable one, one of another shape, or one from
        other shared inputs (templates, version), counts as empty."""
        path = out_dir / name
        try:
            data = json.loads(read_text(path, MANIFEST_KIND))
        except (InvalidInput, ValueError, RecursionError):
            return cls(path, inputs, folder=folder)
        if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT \
                or data.get("inputs") != inputs or not isinstance(data.get("units"), dict):
            return cls(path, inputs, folder=folder)
        units = {unit: entry for unit, entry in data["units"].items() if _valid(entry)}
        return cls(path, inputs, units, folder)

    def save(self) -> None:
        """Write the manifest atomically, so an interrupted build leaves the old one, and
        not at all when the file already says the same (a rebuild with nothing changed).

        A unit a line: a change shows as the lines of the units it touched. Each line is
        written by json's C encoder, which an indented dump does not use: that dump took
        a tenth of a rebuild of 4,000 documents with nothing changed.
        """
        lines = [f"{_ENCODER.encode(unit)}: {_ENCODER.encode(entry)}"
                 for unit, entry in sorted(self.units.items())]
        units = "{\n" + ",\n".join(lines) + "\n}" if lines else "{}"
        data = (f'{{"format": {MANIFEST_FORMAT}, "inputs": {_ENCODER.encode(self.inputs)}, '
                f'"units": {units}}}\n').encode()
        if not holds(self.path, data):
            write_atomic(self.path, data)

    def fold(self, other: Manifest) -> None:
        """Take in what another manifest of the same output knows (a shard's): its
        entry of a unit replaces ours, keeping our documents it does not name."""
        for unit, entry in other.units.items():
            mine = self.units.get(unit)
            if mine is not None:
                entry = {**entry, "docs": {**mine["docs"], **entry["docs"]}}
            self.units[unit] = entry

    def forget(self, units: set[str]) -> None:
        """Keep only `units`: a role file removed from the library leaves no entry."""
        self.units = {unit: entry for unit, entry in self.units.items() if unit in units}

    def chain_hash(self, unit: str, hashes: dict[Path, str]) -> str | None:
        """Return the hash of a unit's role chain as its files are now, or None when
        the last build did not record it; `hashes` caches file hashes across units."""
        entry = self.units.get(unit)
        if not entry or not entry.get("files"):
            return None
        now = {}
        for name in entry["files"]:
            path = self.folder / name if self.folder is not None else Path(name)
            if path not in hashes:
                hashes[path] = file_hash(path, self._within(path))
            now[name] = hashes[path]
        return chain_digest(now)

    def _within(self, path: Path) -> Path | None:
        """The folder a recorded file must lie in to be hashed: a role shipped with
        jobdocs is read where it is installed, anything else in the project."""
        return None if self.folder is None or is_shipped(path) else self.folder

    def current(self, unit: str, out_dir: Path, keys: Mapping[str, str]) -> bool:
        """Whether every document in `keys` ({name: input key}) was written from those
        inputs and its file still holds what the build wrote: as the build left it, or
        with the same bytes (a copy, whose time is its own, is stamped again)."""
        docs = self.units.get(unit, {}).get("docs", {})
        for name, key in keys.items():
            recorded = docs.get(name)
            if not recorded or recorded[0] != key:
                return False
            now = stamp(out_dir / name)
            if now is None or now[0] != recorded[1]:
                return False
            if now[1] != recorded[2]:
                if file_hash(out_dir / name) != recorded[3]:
                    return False
                recorded[2] = now[1]
        return True


def _valid(entry: Any) -> bool:
    """Whether a manifest entry has the shape a build writes (anything else is forgotten)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        return False
    files, langs, docs = entry.get("files"), entry.get("languages"), entry.get("docs")
    return (isinstance(files, dict) and all(isinstance(k, str) and isinstance(v, str)
                                            for k, v in files.items())
            and isinstance(langs, list) and all(isinstance(x, str) for x in langs)
            and isinstance(docs, dict) and all(
                isinstance(k, str) and isinstance(v, list) and len(v) == 4
                and isinstance(v[0], str) and isinstance(v[3], str)
                and all(isinstance(n, int) for n in v[1:3])
                for k, v in docs.items())
            and isinstance(entry.get("chain", ""), str))


def chain_files(files: Iterable[Path], folder: Path | None = None) -> dict[str, str]:
    """Return {path: hash} of the files a role chain was read from: each path relative
    to the project's `folder` when it lies there (else absolute), in `/` form."""
    found = {}
    for p in files:
        path = Path(os.path.abspath(p))
        name = path.as_posix()
        if folder is not None and path.is_relative_to(folder):
            name = path.relative_to(folder).as_posix()
        found[name] = file_hash(path)
    return found


def chain_digest(files: Mapping[str, str]) -> str:
    """Return one hash of a role chain's {file: hash}."""
    return combine(*(f"{n}={h}" for n, h in sorted(files.items())))


def doc_key(shared: str, org: str, chain: str, lang: str, fmt: str, number: str,
            copy: str = "") -> str:
    """Return the input key of one document (`number`: its registration number; `copy`:
    the hash of the employee whose copy it is, if it is one)."""
    return combine(shared, org, chain, lang, fmt, number, *((copy,) if copy else ()))

"""What a built document depends on, hashed, and the manifest that remembers it.

A document is rebuilt only when one of its inputs changed: the files of its
role chain (the role and every role it extends), its organization profile,
the reference document, the project's own settings (house style, declared
sections), the templates and catalogs, and the jobdocs version. The
manifest, `.jobdocs-manifest.json` in the output folder, keeps the hash of
those inputs for every document written, and the size and time of the file,
so that a document edited or deleted by hand is written again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files import write_atomic

MANIFEST = ".jobdocs-manifest.json"
MANIFEST_FORMAT = 1
#: Project keys that choose what is built and where, not what a document says.
NOT_CONTENT = frozenset({"format", "roles", "organization", "organizations", "languages",
                         "formats", "output", "reference_doc"})


def file_hash(path: Path) -> str:
    """Return the SHA-256 of a file's bytes ("" when it cannot be read)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def tree_hash(roots: Iterable[Path]) -> str:
    """Return one hash of every file under `roots`, names and bytes."""
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(file_hash(path).encode())
    return digest.hexdigest()


def combine(*parts: str) -> str:
    """Return one hash of several strings."""
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def settings_hash(data: Mapping[str, Any] | None) -> str:
    """Return the hash of the project settings that change what documents say."""
    content = {k: v for k, v in (data or {}).items() if k not in NOT_CONTENT}
    return combine(json.dumps(content, sort_keys=True, default=str, ensure_ascii=False))


def stamp(path: Path) -> list[int] | None:
    """Return a file's size and modification time, or None when it is missing."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


@dataclass
class Manifest:
    """What the last build of an output folder wrote, and from which inputs.

    `units` maps a unit (an organization and a role file) to the files its
    role chain was read from ({path: hash}), the role's languages, and its
    documents ({file name relative to the output: [input key, size, mtime]}).
    """

    path: Path
    inputs: str = ""
    units: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, out_dir: Path, inputs: str) -> Manifest:
        """Return the manifest of `out_dir`; an unreadable one, or one from other
        shared inputs (templates, version), counts as empty."""
        path = out_dir / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == MANIFEST_FORMAT and data.get("inputs") == inputs:
                return cls(path, inputs, dict(data["units"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
        return cls(path, inputs)

    def save(self) -> None:
        """Write the manifest atomically, so an interrupted build leaves the old one."""
        data = {"format": MANIFEST_FORMAT, "inputs": self.inputs,
                "units": dict(sorted(self.units.items()))}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode())

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
            path = Path(name)
            if path not in hashes:
                hashes[path] = file_hash(path)
            now[name] = hashes[path]
        return chain_digest(now)

    def current(self, unit: str, out_dir: Path, keys: Mapping[str, str]) -> bool:
        """Whether every document in `keys` ({name: input key}) was written from those
        inputs and its file is still as the build left it."""
        docs = self.units.get(unit, {}).get("docs", {})
        for name, key in keys.items():
            recorded = docs.get(name)
            if not recorded or recorded[0] != key or recorded[1:] != stamp(out_dir / name):
                return False
        return True


def chain_files(files: Iterable[Path]) -> dict[str, str]:
    """Return {absolute path: hash} of the files a role chain was read from."""
    return {os.path.abspath(p): file_hash(Path(p)) for p in files}


def chain_digest(files: Mapping[str, str]) -> str:
    """Return one hash of a role chain's {file: hash}."""
    return combine(*(f"{n}={h}" for n, h in sorted(files.items())))


def doc_key(shared: str, org: str, chain: str, lang: str, fmt: str, number: str) -> str:
    """Return the input key of one document (`number`: its registration number)."""
    return combine(shared, org, chain, lang, fmt, number)

"""The current version of each role, remembered between runs of `ack due`.

Loading a role (YAML, schema, inheritance) is most of what `ack due` costs for
a library of thousands of roles, and after a change only a few roles differ.
The cache keeps, per role id, the files the role was read from (with their
size and modification time), its version label and content hash, under a
fingerprint of the organization profile and of jobdocs itself: a role whose
files are unchanged is not loaded again until its version is needed whole (to
compare, or to print). A damaged or foreign cache is ignored and rewritten.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from ..config.organization import Organization
from ..files import write_atomic

FILE = ".jobdocs-ack-cache.json"
FORMAT = 1
#: How recent a file's modification may be for its role to be remembered.
RACY_NS = 2_000_000_000


def fingerprint(org: Organization) -> str:
    """Return what the hashes depend on besides the role files: the profile and jobdocs."""
    from .. import __version__

    data = json.dumps([FORMAT, __version__, dataclasses.asdict(org)], sort_keys=True,
                      default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def _stamp(path: str) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size]


class RoleCache:
    """The cache file of one project and organization (`path` None: remember nothing)."""

    def __init__(self, path: Path | None, org: Organization) -> None:
        self.path = path
        self.key = fingerprint(org)
        self.roles: dict[str, Any] = {}
        self.changed = False
        if path is None:
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("key") == self.key and \
                isinstance(data.get("roles"), dict):
            self.roles = data["roles"]

    def get(self, role_id: str, path: Path) -> tuple[str, str] | None:
        """Return (version label, content hash) of a role whose files are unchanged."""
        entry: Any = self.roles.get(role_id)
        try:
            files = entry["files"]
            if files[0][0] != str(path) or any(_stamp(f) != [t, s] for f, t, s in files):
                return None
            return str(entry["version"]), str(entry["hash"])
        except (TypeError, KeyError, IndexError, ValueError):
            return None

    def put(self, role_id: str, files: list[Path], version: str, digest: str) -> None:
        stamps = [(str(f), _stamp(str(f))) for f in files]
        now = time.time_ns()
        # A file changed within the clock's granularity of now could change again
        # unseen (same size, same time): such a role is not remembered.
        if any(s is None or now - s[0] < RACY_NS for _, s in stamps):
            return
        self.roles[role_id] = {"files": [[f, *s] for f, s in stamps],  # type: ignore[misc]
                               "version": version, "hash": digest}
        self.changed = True

    def save(self) -> None:
        """Write the cache when it learned something (never failing the command for it)."""
        if self.path is None or not self.changed:
            return
        data = json.dumps({"format": FORMAT, "key": self.key, "roles": self.roles},
                          ensure_ascii=False, separators=(",", ":"))
        try:
            write_atomic(self.path, data.encode("utf-8"))
            self.changed = False
        except OSError:
            pass  # a read-only project: the next run loads the roles again

"""A deterministic share of a build (`jobdocs build --shard K/N`), and the manifests of
the shares folded into one.

A document belongs to share K of N when the SHA-256 of its name without the
language and the format (`<organization folder>/<role file>`, and for an
employee's copy `.<copy>` after it) is K - 1 modulo N: the languages and
formats of a role (a DOCX and the PDF printed from it) stay together, copies
for 200,000 employees spread evenly, and no share needs to know of another.
Each share writes its own manifest, `.jobdocs-manifest.K-of-N.json`; a build
(or `jobdocs build --merge`) over a folder holding them folds them into the
one manifest.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from .inputs import Manifest

_SHARD = re.compile(r"\s*(\d{1,9})\s*/\s*(\d{1,9})\s*")
_MANIFEST = re.compile(r"\.jobdocs-manifest\.(\d+)-of-(\d+)\.json")


@dataclass(frozen=True)
class Shard:
    """Share `index` (from 1) of `count`."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """Return the share `K/N` names; a usage error for anything else."""
        found = _SHARD.fullmatch(text)
        if found is None:
            raise UsageError(f"--shard {text!r}: write K/N, share K of N (1/4, 2/4, 3/4, 4/4)")
        index, count = int(found[1]), int(found[2])
        if count < 1 or not 1 <= index <= count:
            raise UsageError(f"--shard {text}: K must be from 1 to N ({count or 'N ≥ 1'})")
        return cls(index, count)

    def holds(self, key: str) -> bool:
        """Whether the documents named `key` (see the module's docstring) are this share's."""
        digest = hashlib.sha256(key.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1

    @property
    def manifest(self) -> str:
        """The name of this share's manifest in the output folder."""
        return f".jobdocs-manifest.{self.index}-of-{self.count}.json"

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def shard_manifests(out_dir: Path) -> list[str]:
    """Return the names of the shares' manifests in an output folder, in order."""
    try:
        names = [p.name for p in out_dir.iterdir() if _MANIFEST.fullmatch(p.name)]
    except OSError:
        return []
    return sorted(names, key=lambda n: tuple(int(x) for x in _MANIFEST.fullmatch(n).groups()))  # type: ignore[union-attr]


def fold_shards(manifest: Manifest, out_dir: Path) -> list[str]:
    """Fold the manifest of every share in `out_dir` into `manifest`; return their names."""
    names = shard_manifests(out_dir)
    for name in names:
        manifest.fold(Manifest.load(out_dir, manifest.inputs, manifest.folder, name))
    return names

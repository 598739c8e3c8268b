"""Which translations follow which version of the reference text.

A role names the language legal reviews (`reference: ru`); each clause records,
in `follows:`, the hash of the reference text its translations were written
from. When the reference text changes, its hash no longer matches and the
translations are due for review: `jobdocs validate` reports them, the editor
and the Word round trip mark them. Reviewing a translation means writing the
current hash into `follows:` again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import NamedTuple

from ..model import Clause, Role


def text_hash(source: str) -> str:
    """Return the hash `follows:` records for a reference text: the source as written
    (template tags and all), blanks collapsed, so re-wrapping a line changes nothing."""
    return hashlib.sha256(" ".join(source.split()).encode()).hexdigest()[:8]


def as_yaml(digest: str) -> str:
    """Return a hash as `follows:` must write it: quoted when YAML would read it as a
    number (`12345678`, `1234e567`)."""
    return digest if any(c in "abcdf" for c in digest) else f'"{digest}"'


class Due(NamedTuple):
    """A translation due for review: the clause, its language, the hash it follows
    (None when it records none) and the hash of the reference text now."""

    clause: Clause
    lang: str
    follows: str | None
    now: str


def due(role: Role) -> Iterator[Due]:
    """Yield every translation of `role` whose reference text changed since it was written,
    or that records no reference text at all; nothing when the role names no reference."""
    if not role.reference:
        return
    for clauses in role.sections.values():
        for top in clauses:
            for clause in top.walk():
                yield from clause_due(clause, role.reference)


def clause_due(clause: Clause, reference: str) -> Iterator[Due]:
    """Yield the translations of one clause that are due for review."""
    source = clause.text.get(reference)
    if source is None:
        return  # a clause for another law only: no reference text to follow
    now = text_hash(source)
    for lang in clause.text:
        if lang == reference:
            continue
        stamp = clause.follows.get(lang, clause.follows.get("*"))
        if stamp != now:
            yield Due(clause, lang, stamp, now)

"""The records a diff is made of: what happened to each clause, field and language.

`align` makes them; the reports (`formats`, `labels`) and the redline read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import DocClause, DocSection, Document, Role
from .words import Segment


@dataclass(frozen=True)
class ItemChange:
    """A dashed item of a clause's list: kept, added, removed, moved or reworded."""

    id: str
    kind: str  # same | added | removed | changed | moved
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class ClauseChange:
    """What happened to one clause id between the two versions."""

    id: str
    kind: str  # added | removed | changed | moved | references | renumbered | same
    old: DocClause | None  # the clause (or dashed item) in the old version
    new: DocClause | None
    old_section: str = ""
    new_section: str = ""
    segments: tuple[Segment, ...] = ()
    items: tuple[ItemChange, ...] = ()
    reworded: bool = False  # the wording changed (besides a move)
    old_parent: str = ""  # the id of the clause it stood under ("" at a section's top)
    new_parent: str = ""

    @property
    def section(self) -> str:
        return self.new_section or self.old_section

    @property
    def pair(self) -> tuple[DocClause, DocClause]:
        """Return the old and the new clause of one that is in both versions."""
        if self.old is None or self.new is None:
            raise ValueError(f"clause '{self.id}' is in one version only")
        return self.old, self.new

    @property
    def counts(self) -> bool:
        """Whether this is a change a reviewer must read (not a mere renumbering)."""
        return self.kind not in ("same", "renumbered")


@dataclass(frozen=True)
class Row:
    """One clause of the aligned documents, in order, with the rows under it.

    `op` is "keep" (in both versions at this place), "delete" (only the old
    version has it here) or "insert" (only the new one has it here).
    """

    op: str
    change: ClauseChange
    children: tuple[Row, ...] = ()

    @property
    def clause(self) -> Any:
        """The clause as this row shows it: the new one, or the old one for a deletion."""
        return self.change.old if self.op == "delete" else self.change.new


@dataclass(frozen=True)
class SectionRows:
    """A section of either version, with its aligned clauses."""

    key: str
    old: DocSection | None
    new: DocSection | None
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class FieldChange:
    """A change outside the clauses: title, version, languages, headings."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class LangDiff:
    """The difference of one role between two versions, in one language."""

    lang: str
    old: Document | None
    new: Document | None
    clauses: tuple[ClauseChange, ...] = ()
    fields: tuple[FieldChange, ...] = ()
    sections: tuple[SectionRows, ...] = ()

    @property
    def changes(self) -> list[ClauseChange]:
        return [c for c in self.clauses if c.counts]

    @property
    def renumbered(self) -> list[ClauseChange]:
        return [c for c in self.clauses if c.kind == "renumbered"]


@dataclass(frozen=True)
class RoleDiff:
    """Every language's difference, and the clauses whose translations drifted."""

    old_role: Role
    new_role: Role
    langs: tuple[LangDiff, ...]
    drift: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = field(default=())

    @property
    def has_changes(self) -> bool:
        return any(d.changes or d.fields for d in self.langs)

"""Compare two versions of a role, clause by clause and word by word.

Clauses are matched by id on the resolved documents, so a clause that only
got a new number because another was inserted is *renumbered*, never
*changed*; a reference whose printed number moved is a *reference* change,
not new wording.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..config.organization import Organization
from ..model import DocClause, Document, Role
from ..resolve import resolve
from .words import Segment, word_diff


@dataclass(frozen=True)
class ItemChange:
    """An item of a clause's list: kept, added, removed or reworded."""

    id: str
    kind: str  # same | added | removed | changed
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class ClauseChange:
    """What happened to one clause id between the two versions."""

    id: str
    kind: str  # added | removed | changed | moved | references | renumbered | same
    old: DocClause | None
    new: DocClause | None
    old_section: str = ""
    new_section: str = ""
    segments: tuple[Segment, ...] = ()
    items: tuple[ItemChange, ...] = ()
    reworded: bool = False  # the wording changed (besides a move)

    @property
    def section(self) -> str:
        return self.new_section or self.old_section

    @property
    def counts(self) -> bool:
        """Whether this is a change a reviewer must read (not a mere renumbering)."""
        return self.kind not in ("same", "renumbered")


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


def _texts(doc: Document) -> dict[str, DocClause]:
    return {c.id: c for c in doc.clauses()}


def _sections(doc: Document) -> dict[str, str]:
    return {c.id: s.key for s in doc.sections for c in s.clauses}


def _moved(old_ids: Sequence[str], new_ids: Sequence[str]) -> set[str]:
    """Return the ids whose order changed: those outside the longest common run."""
    common_old = [i for i in old_ids if i in set(new_ids)]
    common_new = [i for i in new_ids if i in set(old_ids)]
    matcher = difflib.SequenceMatcher(None, common_old, common_new, autojunk=False)
    kept = {common_old[b.a + k] for b in matcher.get_matching_blocks() for k in range(b.size)}
    return set(common_old) - kept


def _items(old: DocClause, new: DocClause) -> tuple[ItemChange, ...]:
    old_items = {i.id: i for i in old.children}
    new_ids = {i.id for i in new.children}
    out = []
    for item in new.children:
        before = old_items.get(item.id)
        if before is None:
            out.append(ItemChange(item.id, "added", (Segment("insert", item.text),)))
        elif before.text != item.text:
            out.append(ItemChange(item.id, "changed", word_diff(before.text, item.text)))
        else:
            out.append(ItemChange(item.id, "same", (Segment("equal", item.text),)))
    # Removed items go where they stood, after the item that preceded them.
    for pos, item in enumerate(old.children):
        if item.id not in new_ids:
            after = old.children[pos - 1].id if pos else None
            at = next((k + 1 for k, c in enumerate(out) if c.id == after), 0 if pos == 0
                      else len(out))
            out.insert(at, ItemChange(item.id, "removed", (Segment("delete", item.text),)))
    return tuple(out)


def diff_documents(old: Document, new: Document, old_sym: Document,
                   new_sym: Document) -> LangDiff:
    """Compare two documents of one language (with their symbolic-reference twins)."""
    a, b = _texts(old), _texts(new)
    a_sym, b_sym = _texts(old_sym), _texts(new_sym)
    sec_a, sec_b = _sections(old), _sections(new)
    moved = _moved(list(a), list(b)) | {i for i in a if i in b and sec_a[i] != sec_b[i]}
    changes: list[ClauseChange] = []
    for cid, clause in b.items():
        before = a.get(cid)
        if before is None:
            items = tuple(ItemChange(i.id, "added", (Segment("insert", i.text),))
                          for i in clause.children)
            changes.append(ClauseChange(cid, "added", None, clause, "", sec_b[cid],
                                        (Segment("insert", clause.text),), items))
            continue
        items = _items(before, clause)
        reworded = a_sym[cid].text != b_sym[cid].text or any(
            i.kind != "same" for i in items)
        refs_only = not reworded and before.text != clause.text
        if cid in moved:
            kind = "moved"
        elif reworded:
            kind = "changed"
        elif refs_only:
            kind = "references"
        elif before.number != clause.number:
            kind = "renumbered"
        else:
            kind = "same"
        changes.append(ClauseChange(cid, kind, before, clause, sec_a[cid], sec_b[cid],
                                    word_diff(before.text, clause.text), items, reworded))
    _insert_removed(changes, old, b, sec_a)
    return LangDiff(new.lang, old, new, tuple(changes), tuple(_fields(old, new)))


def _insert_removed(changes: list[ClauseChange], old: Document, new_ids: dict[str, DocClause],
                    sec_a: dict[str, str]) -> None:
    """Place each removed clause after the clause that preceded it in the old version."""
    previous: str | None = None
    for clause in old.clauses():
        if clause.id not in new_ids:
            at = next((k + 1 for k, c in enumerate(changes) if c.id == previous), None)
            if at is None:  # first of its section: before the section's first clause
                at = next((k for k, c in enumerate(changes) if c.section == sec_a[clause.id]),
                          len(changes))
            removed = ClauseChange(
                clause.id, "removed", clause, None, sec_a[clause.id], "",
                (Segment("delete", clause.text),),
                tuple(ItemChange(i.id, "removed", (Segment("delete", i.text),))
                      for i in clause.children))
            changes.insert(at, removed)
        previous = clause.id


def _cased(doc: Document) -> bool:
    """Whether the document's title has cases of its own (Russian), not one form."""
    return len(set(doc.title.forms.values())) > 1


def _fields(old: Document, new: Document) -> list[FieldChange]:
    out = []
    if _cased(old) or _cased(new):
        for case in sorted(set(old.title.forms) | set(new.title.forms)):
            a, b = old.title.forms.get(case, ""), new.title.forms.get(case, "")
            if a != b:
                out.append(FieldChange(f"title.{case}", a, b))
    elif str(old.title) != str(new.title):
        out.append(FieldChange("title", str(old.title), str(new.title)))
    if old.role_version != new.role_version:
        out.append(FieldChange("version", old.role_version, new.role_version))
    if old.role_id != new.role_id:
        out.append(FieldChange("id", old.role_id, new.role_id))
    for s_old in old.sections:
        s_new = next((s for s in new.sections if s.key == s_old.key), None)
        if s_new is None:
            out.append(FieldChange(f"section.{s_old.key}", s_old.heading, ""))
    for s_new in new.sections:
        if not any(s.key == s_new.key for s in old.sections):
            out.append(FieldChange(f"section.{s_new.key}", "", s_new.heading))
    return out


def diff_roles(old: Role, new: Role, langs: Sequence[str] = (),
               org: Organization | None = None) -> RoleDiff:
    """Compare two versions of a role in each language both declare (or `langs`)."""
    common = [lang for lang in new.languages if lang in old.languages]
    chosen = list(langs) or common
    role_fields = [FieldChange(name, ", ".join(a) if isinstance(a, tuple) else a or "",
                               ", ".join(b) if isinstance(b, tuple) else b or "")
                   for name, a, b in (("languages", old.languages, new.languages),
                                      ("extends", old.extends, new.extends)) if a != b]
    out = []
    for lang in chosen:
        d = diff_documents(resolve(old, lang, org), resolve(new, lang, org),
                           resolve(old, lang, org, symbolic_refs=True),
                           resolve(new, lang, org, symbolic_refs=True))
        out.append(replace(d, fields=(*d.fields, *role_fields)))
    return RoleDiff(old, new, tuple(out), _drift(out, common, chosen))


def _drift(diffs: list[LangDiff], common: list[str], chosen: list[str]
           ) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """Return clauses reworded in some languages but not in others."""
    if len(diffs) < 2 or set(chosen) != set(common):
        return ()
    reworded: dict[str, set[str]] = {}
    for d in diffs:
        for c in d.clauses:
            if c.reworded and c.kind not in ("added", "removed"):
                reworded.setdefault(c.id, set()).add(d.lang)
    return tuple(
        (cid, tuple(sorted(langs)), tuple(sorted(set(chosen) - langs)))
        for cid, langs in reworded.items() if langs != set(chosen))

"""Compare two versions of a role, clause by clause and word by word: the one alignment.

Clauses are matched by id at every level of the resolved documents. A clause
keeps its *place* when it stands under the same parent (or, at the top, in
the same section) and in the same order among the clauses kept there; any
other clause found in both versions has *moved*. The alignment is a tree of
rows, section by section: a clause in both versions at its place, or one
only in the old version (removed, or moved away) or only in the new one
(added, or moved here). The reports list its change records; the Word
redline lays its rows out, so nothing matches clauses twice.

A clause that only got a new number because another was inserted is
*renumbered*, never *changed*; a reference whose printed number moved is a
*reference* change, not new wording.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..config.organization import Organization
from ..model import Document, Role
from ..resolve import resolve
from .changes import ClauseChange as ClauseChange
from .changes import FieldChange as FieldChange
from .changes import ItemChange as ItemChange
from .changes import LangDiff as LangDiff
from .changes import RoleDiff as RoleDiff
from .changes import Row as Row
from .changes import SectionRows as SectionRows
from .words import Segment, word_diff

# -- the tree of either version -------------------------------------------------------------


def kids(node: Any) -> tuple[Any, ...]:
    """Return the clauses under a clause: its sub-clauses, or the dashed items of its list."""
    return tuple(node.children)


def numbered(node: Any) -> bool:
    """Whether a clause prints with a number (a dashed item does not)."""
    return bool(node.number)


@dataclass
class _Side:
    """Every clause of one version by id, with the section and parent it stands in."""

    nodes: dict[str, Any] = field(default_factory=dict)
    section: dict[str, str] = field(default_factory=dict)
    parent: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document) -> _Side:
        side = cls()

        def add(node: Any, key: str, parent: str) -> None:
            side.nodes[node.id] = node
            side.section[node.id] = key
            side.parent[node.id] = parent
            for kid in kids(node):
                add(kid, key, node.id)

        for sec in doc.sections:
            for clause in sec.clauses:
                add(clause, sec.key, "")
        return side

    def place(self, cid: str) -> tuple[str, str]:
        parent = self.parent[cid]
        return ("clause", parent) if parent else ("section", self.section[cid])


def _kept(old: Sequence[Any], new: Sequence[Any]) -> set[str]:
    """Return the ids of a sibling list that keep their order: the longest common run."""
    new_ids = {n.id for n in new}
    old_ids = {n.id for n in old}
    a = [n.id for n in old if n.id in new_ids]
    b = [n.id for n in new if n.id in old_ids]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return {a[m.a + k] for m in matcher.get_matching_blocks() for k in range(m.size)}


class _Aligner:
    """Align two documents of one language (with their symbolic-reference twins)."""

    def __init__(self, old: Document, new: Document, old_sym: Document, new_sym: Document):
        self.a, self.b = _Side.of(old), _Side.of(new)
        self.a_sym, self.b_sym = _Side.of(old_sym), _Side.of(new_sym)
        self.moved: set[str] = set()  # out of order among the clauses kept in their list
        self.records: dict[str, ClauseChange] = {}
        self.under: dict[str, tuple[Row, ...]] = {}  # the rows of a clause's own list

    def rows(self, old: Sequence[Any], new: Sequence[Any]) -> tuple[Row, ...]:
        """Merge two sibling lists: between kept clauses, the old ones first, then the new."""
        kept = _kept(old, new)
        self.moved |= {n.id for n in new if n.id in self.a.nodes and n.id not in kept
                       and self.a.place(n.id) == self.b.place(n.id)}
        out: list[Row] = []
        i = j = 0
        while i < len(old) or j < len(new):
            if i < len(old) and old[i].id not in kept:
                out.append(self.whole("delete", old[i]))
                i += 1
            elif j < len(new) and new[j].id not in kept:
                out.append(self.whole("insert", new[j]))
                j += 1
            else:
                under = self.under[new[j].id] = self.rows(kids(old[i]), kids(new[j]))
                out.append(Row("keep", self.change(new[j].id), under))
                i += 1
                j += 1
        return tuple(out)

    def whole(self, op: str, node: Any) -> Row:
        """Return a row deleting (or inserting) a clause with everything under it."""
        change = self.change(node.id)  # parents first
        under = tuple(self.whole(op, kid) for kid in kids(node))
        if node.id not in (self.b.nodes if op == "delete" else self.a.nodes):
            self.under[node.id] = under  # added or removed, with everything under it
        return Row(op, change, under)

    def change(self, cid: str) -> ClauseChange:
        """Return the change record of an id, made once (its kind is settled in `finish`)."""
        if cid not in self.records:
            a, b = self.a.nodes.get(cid), self.b.nodes.get(cid)
            self.records[cid] = ClauseChange(
                cid, "", a, b, self.a.section.get(cid, ""), self.b.section.get(cid, ""),
                word_diff(a.text if a else "", b.text if b else ""),
                old_parent=self.a.parent.get(cid, ""), new_parent=self.b.parent.get(cid, ""))
        return self.records[cid]

    def kind(self, c: ClauseChange) -> ClauseChange:
        """Settle a record's kind and items once every row is known."""
        if c.old is None or c.new is None:
            kind, op, clause = (("added", "insert", c.new) if c.old is None
                                else ("removed", "delete", c.old))
            assert clause is not None  # a record is made for a clause in either version
            return replace(c, kind=kind, segments=(Segment(op, clause.text),),
                           items=_items(self.under[c.id]))
        old, new = c.pair
        items = _items(self.under[c.id])
        reworded = (self.a_sym.nodes[c.id].text != self.b_sym.nodes[c.id].text
                    or any(i.kind != "same" for i in items))
        if c.id in self.moved or self.a.place(c.id) != self.b.place(c.id):
            kind = "moved"
        elif reworded:
            kind = "changed"
        elif old.text != new.text:
            kind = "references"
        elif old.number != new.number:
            kind = "renumbered"
        else:
            kind = "same"
        return replace(c, kind=kind, items=items, reworded=reworded)


def _items(rows: Sequence[Row]) -> tuple[ItemChange, ...]:
    """Return the changes of a clause's dashed items, from the rows under the clause."""
    out = []
    for r in rows:
        c = r.change
        if numbered(r.clause):
            continue
        if r.op == "keep":
            old, new = c.pair
            same = old.text == new.text
            out.append(ItemChange(c.id, "same" if same else "changed",
                                  (Segment("equal", new.text),) if same else c.segments))
        elif r.op == "insert":
            out.append(ItemChange(c.id, "added", (Segment("insert", c.new.text),))
                       if c.old is None and c.new is not None
                       else ItemChange(c.id, "moved", c.segments))
        elif c.new is None and c.old is not None:
            # An item moved elsewhere is told where it went.
            out.append(ItemChange(c.id, "removed", (Segment("delete", c.old.text),)))
    return tuple(out)


def _merged_keys(old: list[str], new: list[str]) -> list[str]:
    """Return the section keys of both versions in document order."""
    out = list(new)
    for i, key in enumerate(old):
        if key not in out:
            before = next((k for k in reversed(old[:i]) if k in out), None)
            out.insert(out.index(before) + 1 if before else 0, key)
    return out


def _flat(rows: Sequence[Row], final: dict[str, ClauseChange]) -> list[ClauseChange]:
    """Return the change records of numbered clauses in reading order; one per id."""
    out: list[ClauseChange] = []
    for r in rows:
        c = final[r.change.id]
        if numbered(r.clause) and (r.op != "delete" or c.new is None):
            out.append(c)
        out += _flat(r.children, final)
    return out


def _final_rows(rows: Sequence[Row], final: dict[str, ClauseChange]) -> tuple[Row, ...]:
    return tuple(Row(r.op, final[r.change.id], _final_rows(r.children, final)) for r in rows)


def diff_documents(old: Document, new: Document, old_sym: Document,
                   new_sym: Document) -> LangDiff:
    """Compare two documents of one language (with their symbolic-reference twins)."""
    al = _Aligner(old, new, old_sym, new_sym)
    olds = {sec.key: sec for sec in old.sections}
    news = {sec.key: sec for sec in new.sections}
    keys = _merged_keys(list(olds), list(news))
    rows = {k: al.rows(olds[k].clauses if k in olds else (), news[k].clauses if k in news else ())
            for k in keys}
    # A clause that moved has no row of its own in both versions: align its list as it
    # would stand, so its items and sub-clauses are compared too (parents first).
    for cid in list(al.records):
        c = al.records[cid]
        if cid not in al.under and c.old is not None and c.new is not None:
            al.under[cid] = al.rows(kids(c.old), kids(c.new))
    final = {cid: al.kind(c) for cid, c in al.records.items()}
    sections = tuple(SectionRows(k, olds.get(k), news.get(k), _final_rows(rows[k], final))
                     for k in keys)
    clauses = [c for sec in sections for c in _flat(sec.rows, final)]
    return LangDiff(new.lang, old, new, tuple(clauses), tuple(_fields(old, new)), sections)


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
        if not any(s.key == s_old.key for s in new.sections):
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

"""The editor's one form: every clause of a role (or of one section) as a draft.

The form holds the whole tree: each clause's key (its id, or `new-N` for a
clause not saved yet), the clause above it, its id and its text per language.
Moving, adding and removing change the draft (in the page with a script, or by
a round trip without one) and nothing is written until the person saves; then
the draft is written into the role file, keeping each clause's other keys,
comments and styles, and new clauses get ids as `jobdocs import` makes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..importer import ids
from ..roles.reference import text_hash
from ..roles.yamledit import CHILDREN, EditError, RoleFile, put, styled
from .ui import tr

#: A clause id as the role format allows it (and a draft's key for a new clause).
CLAUSE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
SECTION_KEY = re.compile(r"[a-z][a-z0-9-]{0,63}")
#: What a button of the form asks for besides saving, with the clause or section it names.
OPS = ("up", "down", "remove", "sub", "add")


@dataclass
class Node:
    """A clause of the draft."""

    key: str  # the id it has in the file, or new-N
    id: str  # the id to save ('' for a new clause: made from its text)
    texts: dict[str, str]
    children: list[Node] = field(default_factory=list)
    new: bool = False
    reviewed: set[str] = field(default_factory=set)  # translations checked against the reference

    def walk(self) -> Iterator[Node]:
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass
class Draft:
    """The sections a form edits, each an ordered tree of clauses."""

    sections: dict[str, list[Node]]
    langs: tuple[str, ...]

    def nodes(self) -> Iterator[Node]:
        for top in self.sections.values():
            for n in top:
                yield from n.walk()

    def find(self, key: str) -> tuple[list[Node], int] | None:
        def look(seq: list[Node]) -> tuple[list[Node], int] | None:
            for i, n in enumerate(seq):
                if n.key == key:
                    return seq, i
                found = look(n.children)
                if found:
                    return found
            return None

        for seq in self.sections.values():
            found = look(seq)
            if found:
                return found
        return None

    def new_key(self) -> str:
        taken = {n.key for n in self.nodes()}
        n = 1
        while f"new-{n}" in taken:
            n += 1
        return f"new-{n}"

    def apply(self, op: str, target: str) -> str:
        """Make a change a button asks for; return the key of the clause to show."""
        if op == "add":
            if target not in self.sections:
                raise EditError(tr("Unknown section."))
            node = Node(self.new_key(), "", dict.fromkeys(self.langs, ""), new=True)
            self.sections[target].append(node)
            return node.key
        found = self.find(target)
        if found is None:
            raise EditError(tr("Unknown clause."))
        seq, i = found
        if op == "remove":
            del seq[i]
            return seq[i - 1].key if i else ""
        if op == "sub":
            node = Node(self.new_key(), "", dict.fromkeys(self.langs, ""), new=True)
            seq[i].children.append(node)
            return node.key
        to = i + (-1 if op == "up" else 1)
        if 0 <= to < len(seq):
            seq.insert(to, seq.pop(i))
        return target


def from_file(rf: RoleFile, langs: tuple[str, ...], only: str = "") -> Draft:
    """Return the draft of a role file (of one section when `only` names it)."""
    sections = rf.sections()
    return Draft({str(k): _nodes(v, langs) for k, v in sections.items()
                  if not only or str(k) == only}, langs)


def _nodes(seq: Any, langs: tuple[str, ...]) -> list[Node]:
    out = []
    for node in seq if isinstance(seq, list) else ():
        if not isinstance(node, Mapping) or not isinstance(node.get("id"), str):
            continue
        text = node.get("text")
        texts = {lang: str(text.get(lang, "")) if isinstance(text, Mapping) else str(text or "")
                 for lang in langs}
        kids = [n for k in CHILDREN for n in _nodes(node.get(k), langs)]
        out.append(Node(node["id"], node["id"], texts, kids))
    return out


def from_form(fields: Mapping[str, list[str]], langs: tuple[str, ...]) -> Draft:
    """Return the draft a submitted form holds.

    `section` lists the sections the form edits; `node` is "SECTION/PARENT/KEY" for
    every clause in document order; `id.KEY` and `text.KEY.LANG` are its fields.
    """
    one = {k: v[-1] for k, v in fields.items() if v}
    sections = [s for s in fields.get("section", []) if SECTION_KEY.fullmatch(s)]
    draft = Draft({s: [] for s in dict.fromkeys(sections)}, langs)
    by_key: dict[str, Node] = {}
    for value in fields.get("node", []):
        section, _, rest = value.partition("/")
        parent, _, key = rest.partition("/")
        if section not in draft.sections or not CLAUSE_ID.fullmatch(key) or key in by_key:
            raise EditError(tr("The form is damaged; reload the page."))
        node = Node(key, one.get(f"id.{key}", "").strip(),
                    {lang: one.get(f"text.{key}.{lang}", "") for lang in langs},
                    new=one.get(f"new.{key}") == "1",
                    reviewed={lang for lang in langs if one.get(f"reviewed.{key}.{lang}")})
        by_key[key] = node
        if parent:
            if parent not in by_key:
                raise EditError(tr("The form is damaged; reload the page."))
            by_key[parent].children.append(node)
        else:
            draft.sections[section].append(node)
    return draft


def write(rf: RoleFile, draft: Draft, titles: Mapping[str, Any], inherited: set[str],
          reference: str = "") -> None:
    """Write the draft's sections into the role file: texts changed in their style,
    clauses moved, added (with new ids) and removed, every other key kept.

    With a `reference` language (law's `follows:`), a new clause's translations follow
    its reference text, a translation marked reviewed follows the reference text as
    saved, and a changed reference text leaves the other languages due for review."""
    taken = (rf.ids() | inherited) - {n.key for n in draft.nodes() if not n.new}
    for node in draft.nodes():
        if node.id and not CLAUSE_ID.fullmatch(node.id):
            raise EditError(tr("A clause id is lowercase letters, digits and hyphens, "
                               "like 'handle-complaints'."))
        if node.id in taken:
            raise EditError(tr("Two clauses cannot have the same id: %(id)s."), {"id": node.id})
        if node.id:
            taken.add(node.id)
    for node in draft.nodes():
        if not node.id:
            if not any(t.strip() for t in node.texts.values()):
                raise EditError(tr("A new clause needs its text."))
            node.id = ids.clause_id(node.texts, taken, titles)
    existing = _maps(rf)
    sections = rf.sections()
    for key, nodes in draft.sections.items():
        seq = sections.get(key)
        if not isinstance(seq, CommentedSeq):
            if not nodes:
                continue
            seq = sections[key] = CommentedSeq()
        _sync(seq, nodes, existing, reference)


def _maps(rf: RoleFile) -> dict[str, CommentedMap]:
    out: dict[str, CommentedMap] = {}

    def walk(seq: Any) -> None:
        for node in seq if isinstance(seq, list) else ():
            if isinstance(node, CommentedMap) and isinstance(node.get("id"), str):
                out[node["id"]] = node
                for k in CHILDREN:
                    walk(node.get(k))

    for clauses in rf.sections().values():
        walk(clauses)
    return out


def _sync(seq: CommentedSeq, nodes: list[Node], existing: dict[str, CommentedMap],
          reference: str = "") -> None:
    """Make `seq` hold the maps of `nodes` in order, each updated from its node."""
    want = [_updated(n, existing, reference) for n in nodes]
    keep = {id(m) for m in want}
    for i in reversed(range(len(seq))):
        if id(seq[i]) not in keep:
            _take(seq, i)
    for i, m in enumerate(want):
        if i < len(seq) and seq[i] is m:
            continue
        at = next((j for j in range(i, len(seq)) if seq[j] is m), None)
        comment = None
        if at is not None:
            m, comment = _take(seq, at)
        _put(seq, i, m, comment)


def _updated(node: Node, existing: dict[str, CommentedMap], reference: str) -> CommentedMap:
    m = existing.get(node.key) if not node.new else None
    if m is None:
        m = CommentedMap()
        m["id"] = node.id
        m["text"] = CommentedMap((lang, styled(t, None)) for lang, t in node.texts.items()
                                 if t.strip())
    else:
        if node.id != m["id"]:
            m["id"] = node.id
        text = m.get("text")
        if not isinstance(text, CommentedMap):
            text = CommentedMap() if not isinstance(text, str) else CommentedMap(
                (lang, text) for lang in node.texts)
            m["text"] = text
        for lang, new in node.texts.items():
            old = text.get(lang)
            if old is None and not new.strip():
                continue
            if str(old if old is not None else "").strip() != new.replace("\r\n", "\n").strip():
                put(text, lang, new)
    held = next((k for k in CHILDREN if k in m), None)
    if node.children or held:
        key = held or "clauses"
        if not node.children:
            del m[key]
        else:
            if not isinstance(m.get(key), CommentedSeq):
                m[key] = CommentedSeq()
            _sync(m[key], node.children, existing, reference)
    if reference:
        _follow(m, node, reference)
    return m


def _follow(m: CommentedMap, node: Node, reference: str) -> None:
    """Record which reference text the clause's translations follow (`follows:`)."""
    text = m.get("text")
    source = text.get(reference) if isinstance(text, Mapping) else None
    if source is None or not (node.new or node.reviewed):
        return
    now = text_hash(str(source))
    langs = [lang for lang in text if lang != reference]
    if node.new:
        m["follows"] = now
        return
    old = m.get("follows")
    stamps = {lang: (old.get(lang, old.get("*")) if isinstance(old, Mapping) else old)
              for lang in langs}
    stamps.update({lang: now for lang in node.reviewed if lang in stamps})
    values = set(stamps.values())
    if len(values) == 1 and None not in values:
        m["follows"] = values.pop()
    else:
        m["follows"] = CommentedMap((lang, v) for lang, v in stamps.items() if v)


def _take(seq: CommentedSeq, i: int) -> tuple[Any, Any]:
    """Remove item `i` with the comment that follows it; later comments move up."""
    item = list.pop(seq, i)
    comment = seq.ca.items.pop(i, None)
    for k in sorted(k for k in seq.ca.items if k > i):
        seq.ca.items[k - 1] = seq.ca.items.pop(k)
    return item, comment


def _put(seq: CommentedSeq, i: int, item: Any, comment: Any) -> None:
    for k in sorted((k for k in seq.ca.items if k >= i), reverse=True):
        seq.ca.items[k + 1] = seq.ca.items.pop(k)
    list.insert(seq, i, item)
    if comment is not None:
        seq.ca.items[i] = comment

"""Write a plan into role files, through the one round-trip YAML editor (roles/yamledit.py).

Only what the plan changes is touched: a clause's text in the document's
language, a clause moved, added or removed, a declared section's heading.
Comments, key order, the other languages and every other clause keep their
bytes. Clauses the document does not show (held under another law) keep
their place among the ones that move around them.

In a role that `extends` another, a change to an inherited clause is written
into the derived role: a new text as an override of that clause (listing its
parents down to it), a removal under `remove:`, a move or a new clause with
`after:`/`before:`. With `parent=True`, a new text of an inherited clause goes
into the role file it comes from instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..model import Clause, Role
from ..roles.reference import text_hash
from ..roles.yamledit import CHILDREN, RoleFile, put, styled
from .changes import Plan, Tree


@dataclass
class Written:
    """What the plan did to the role files: the new text of each, and translations."""

    texts: dict[str, str] = field(default_factory=dict)  # path → new file text
    due: dict[str, list[str]] = field(default_factory=dict)  # clause → languages due
    reviewed: dict[str, str] = field(default_factory=dict)  # clause → language stamped
    untracked: dict[str, list[str]] = field(default_factory=dict)  # no `reference:`


class Writer:
    """Apply a plan to one role file (the role's own) and, on request, its parents'."""

    def __init__(self, role: Role, files: Mapping[str, RoleFile], plan: Plan,
                 visible: set[str], parent_ids: AbstractSet[str] = frozenset()) -> None:
        self.role = role
        self.files = files
        self.rf = files[role.path]
        self.plan = plan
        self.lang = plan.lang
        self.visible = visible  # the ids the document shows
        self.parent_ids = parent_ids  # the ids of the role it extends
        self.merged = {c.id: c for top in _tops(role) for c in top.walk()}
        self.derived = bool(role.extends)
        self.out = Written()
        self.index: dict[str, CommentedMap] = {}
        self.holder: dict[int, CommentedSeq] = {}  # id(node) → the list holding it
        for seq in self.rf.sections().values():
            self._index(seq)

    def _index(self, seq: Any) -> None:
        if not isinstance(seq, CommentedSeq):
            return
        for node in seq:
            if isinstance(node, CommentedMap) and isinstance(node.get("id"), str):
                self.index.setdefault(node["id"], node)
                self.holder[id(node)] = seq
                for kind in CHILDREN:
                    self._index(node.get(kind))

    def inherited(self, cid: str) -> bool:
        """Whether the clause comes from the role this one extends."""
        return cid in self.parent_ids

    # -- the steps ------------------------------------------------------------------

    def write(self, parent: bool = False) -> Written:
        for cid, source in self.plan.texts.items():
            self.set_text(cid, source, parent)
        if self.derived:
            self.derived_structure()
        else:
            self.structure()
        for key, heading in self.plan.headings.items():
            declared = self.rf.data["declare_sections"][key]
            put(declared["heading"], self.lang, heading)
        for path, rf in self.files.items():
            text = rf.dump()
            if text != rf.original:
                self.out.texts[path] = text
        return self.out

    def set_text(self, cid: str, source: str, parent: bool) -> None:
        clause = self.merged[cid]
        if parent and self.inherited(cid):
            node = self.files[_origin_path(clause, self.role)].find(cid).node
        elif cid in self.index:
            node = self.index[cid]
        else:
            node = self.override(cid)
        text = node.get("text")
        if not isinstance(text, CommentedMap):
            text = CommentedMap((lang, styled(v, None)) for lang, v in clause.text.items())
            node.insert(_after(node, "id"), "text", text)
            if clause.follows and "follows" not in node:
                follows = clause.follows
                value = follows["*"] if set(follows) == {"*"} else CommentedMap(follows)
                node.insert(_after(node, "text"), "follows", value)
        put(text, self.lang, source)
        self.translations(node, clause, source)

    def translations(self, node: CommentedMap, clause: Clause, source: str | None) -> None:
        """Mark the other languages of a changed clause due (see roles/reference.py): an
        edit of the reference text leaves `follows:` as it is, so they no longer follow
        it; an edit of a translation follows the reference text as it stands."""
        others = [lang for lang in self.role.languages if lang != self.lang]
        if not others:
            return
        reference = self.role.reference
        if not reference:
            self.out.untracked[clause.id] = others
            return
        if reference == self.lang:
            self.out.due[clause.id] = [lang for lang in others if lang in clause.text]
            return
        ref_text = clause.text.get(reference)
        if ref_text is None:
            return
        stamp = text_hash(ref_text)
        follows = node.get("follows")
        if isinstance(follows, str):
            mapping = CommentedMap((lang, follows) for lang in self.role.languages
                                   if lang != reference)
            node["follows"] = mapping
            follows = mapping
        if not isinstance(follows, CommentedMap):
            follows = CommentedMap()
            node.insert(_after(node, "text"), "follows", follows)
        follows[self.lang] = stamp
        self.out.reviewed[clause.id] = self.lang

    # -- a role of its own: move the nodes -------------------------------------------

    def structure(self) -> None:
        for key, tops in self.plan.tree.items():
            sections = self.rf.sections()
            if key not in sections or not isinstance(sections[key], CommentedSeq):
                if not tops:
                    continue
                sections[key] = CommentedSeq()
            self.arrange(sections[key], tops, None)
            for top in tops:
                self.subtree(top)
        for key in list(self.rf.sections()):
            seq = self.rf.sections()[key]
            if isinstance(seq, CommentedSeq) and not seq and key in self.plan.tree:
                del self.rf.sections()[key]
        for cid in self.plan.removed:
            node = self.index.get(cid)
            seq = self.holder.get(id(node)) if node is not None else None
            if seq is not None and any(n is node for n in seq):
                del seq[next(i for i, n in enumerate(seq) if n is node)]

    def subtree(self, tree: Tree) -> None:
        node = self.index[tree.id]
        kind = "items" if tree.children and all(c.item for c in tree.children) else "clauses"
        other = "clauses" if kind == "items" else "items"
        seq = node.get(kind)
        if tree.children and not isinstance(seq, CommentedSeq):
            seq = node.pop(other) if isinstance(node.get(other), CommentedSeq) else CommentedSeq()
            node[kind] = seq
        if isinstance(seq, CommentedSeq):
            self.arrange(seq, tree.children, node)
            if not seq:
                del node[kind]
        for child in tree.children:
            self.subtree(child)

    def arrange(self, seq: CommentedSeq, wanted: list[Tree], parent: Any) -> None:
        """Make `seq` hold the wanted clauses in order, keeping the hidden ones in place."""
        current = [n.get("id") for n in seq]
        desired = _with_hidden(current, [t.id for t in wanted], self.visible)
        if current == desired:
            return
        for i, cid in enumerate(desired):
            if i < len(seq) and seq[i].get("id") == cid:
                continue
            node = self.index.get(cid)
            if node is None:
                node = self.new_node(cid)
            else:
                self.detach(node)
            seq.insert(i, node)
            self.holder[id(node)] = seq
        while len(seq) > len(desired):
            seq.pop()

    def detach(self, node: CommentedMap) -> None:
        seq = self.holder.get(id(node))
        if seq is not None:
            for i, n in enumerate(seq):
                if n is node:
                    del seq[i]
                    break

    def new_node(self, cid: str) -> CommentedMap:
        source = self.plan.new[cid]
        node = CommentedMap()
        node["id"] = cid
        node["text"] = CommentedMap((lang, styled(source, None))
                                    for lang in self.role.languages)
        self.index[cid] = node
        clause = Clause(id=cid, text={lang: source for lang in self.role.languages})
        self.translations(node, clause, None)
        return node

    # -- a derived role: overrides, after:/before:, remove: ----------------------------

    def override(self, cid: str) -> CommentedMap:
        """Return the derived role's entry for an inherited clause, listing its parents."""
        path = _path(self.role, cid)
        key = next(k for k, tops in self.role.sections.items() if any(t.id == path[0].id
                                                                       for t in tops))
        sections = self.rf.sections()
        if key not in sections or not isinstance(sections[key], CommentedSeq):
            sections[key] = CommentedSeq()
        seq: CommentedSeq = sections[key]
        node = None
        for depth, clause in enumerate(path):
            node = next((n for n in seq if isinstance(n, CommentedMap)
                         and n.get("id") == clause.id), None)
            if node is None:
                node = CommentedMap()
                node["id"] = clause.id
                seq.append(node)
                self.index.setdefault(clause.id, node)
                self.holder[id(node)] = seq
            if depth + 1 < len(path):
                kind = "clauses" if clause.numbered else "items"
                if not isinstance(node.get(kind), CommentedSeq):
                    node[kind] = CommentedSeq()
                seq = node[kind]
        assert node is not None
        return node

    def derived_structure(self) -> None:
        from .derived import place

        place(self)


def _with_hidden(current: list[Any], wanted: list[str], visible: set[str]) -> list[str]:
    """Return `wanted` with the clauses of `current` the document does not show put back
    after the clause they followed."""
    out = list(wanted)
    for n, cid in enumerate(current):
        if cid in visible or not isinstance(cid, str):
            continue
        before = [c for c in current[:n] if c in out]
        out.insert(out.index(before[-1]) + 1 if before else 0, cid)
    return out


def _after(node: CommentedMap, key: str) -> int:
    keys = list(node)
    return keys.index(key) + 1 if key in keys else len(keys)


def _tops(role: Role) -> list[Clause]:
    return [c for tops in role.sections.values() for c in tops]


def _path(role: Role, cid: str) -> list[Clause]:
    def walk(clause: Clause, trail: list[Clause]) -> list[Clause] | None:
        trail = [*trail, clause]
        if clause.id == cid:
            return trail
        for child in clause.children:
            found = walk(child, trail)
            if found:
                return found
        return None

    for top in _tops(role):
        found = walk(top, [])
        if found:
            return found
    raise KeyError(cid)


def _origin_path(clause: Clause, role: Role) -> str:
    return clause.mark.path if clause.mark is not None else role.path

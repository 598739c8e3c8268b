"""Write a plan's structure into a role that extends another: what the derived file can say.

A removed inherited clause goes under `remove:`; a new clause, and a clause
that moved, is listed where it now stands with `after:` the clause before it
(or `before:` the one after it, when it comes first); an inherited parent is
listed by id down to it (docs/role-format.md, "Deriving a role").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .changes import Tree

if TYPE_CHECKING:
    from .writeback import Writer


def place(w: Writer) -> None:
    """Apply the plan's removals, moves and new clauses to the derived role file."""
    for cid in w.plan.removed:
        node = w.index.get(cid)
        if node is not None:
            w.detach(node)
        if w.inherited(cid):
            _remove(w, cid)
    moved = set(w.plan.moved)
    for key, tops in w.plan.tree.items():
        _siblings(w, key, tops, moved)


def _siblings(w: Writer, parent: str, trees: list[Tree], moved: set[str]) -> None:
    ids = [t.id for t in trees]
    for n, tree in enumerate(trees):
        cid = tree.id
        if cid in w.plan.new or cid in moved:
            node = w.new_node(cid) if cid in w.plan.new else _entry(w, cid)
            seq = _container(w, parent, tree.item)
            if not any(x is node for x in seq):
                w.detach(node)
                seq.append(node)
                w.holder[id(node)] = seq
            _anchor(node, ids[n - 1] if n else None, ids[n + 1] if n + 1 < len(ids) else None)
        _siblings(w, cid, tree.children, moved)


def _entry(w: Writer, cid: str) -> CommentedMap:
    node = w.index.get(cid)
    if node is None:
        node = CommentedMap()
        node["id"] = cid
        w.index[cid] = node
    return node


def _container(w: Writer, parent: str, item: bool) -> CommentedSeq:
    """Return the list a clause under `parent` (a section key or a clause id) is listed in."""
    if parent in w.plan.tree:
        sections = w.rf.sections()
        if not isinstance(sections.get(parent), CommentedSeq):
            sections[parent] = CommentedSeq()
        seq: CommentedSeq = sections[parent]
        return seq
    node = w.override(parent) if w.inherited(parent) else w.index[parent]
    kind = "items" if item else "clauses"
    if not isinstance(node.get(kind), CommentedSeq):
        node[kind] = CommentedSeq()
    children: CommentedSeq = node[kind]
    return children


def _anchor(node: CommentedMap, after: str | None, before: str | None) -> None:
    for key in ("after", "before"):
        node.pop(key, None)
    keys = list(node)
    at = keys.index("id") + 1 if "id" in keys else 0
    if after:
        node.insert(at, "after", after)
    elif before:
        node.insert(at, "before", before)


def _remove(w: Writer, cid: str) -> None:
    data: Any = w.rf.data
    removed = data.get("remove")
    if not isinstance(removed, CommentedSeq):
        removed = CommentedSeq()
        keys = list(data)
        at = keys.index("sections") if "sections" in keys else len(keys)
        data.insert(at, "remove", removed)
    if cid not in removed:
        removed.append(cid)

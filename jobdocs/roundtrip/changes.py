"""What the reviewer changed: the placed document against the document it was rendered as.

The result is a plan for the role file: the clause tree as the document now
has it (sections, clauses, sub-clauses, items, in order), the new source text
of every clause whose words changed, the new clauses with their ids, the
removed ones, and a record of each change for the report.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from ..importer import ids
from ..model import DocClause, Document, Role
from .edited import normal
from .placing import Node, Outline
from .untemplate import Result, escape, untemplate


@dataclass
class Tree:
    """A clause in the plan: its id, whether it is a dashed item, what stands under it."""

    id: str
    item: bool
    children: list[Tree] = field(default_factory=list)


@dataclass
class Record:
    """One change, as the report lists it."""

    kind: str  # changed, added, removed, moved, heading
    id: str
    number: str  # as the reviewed document prints it (the old number for a removed clause)
    paragraph: int  # where it is in the document (0: not in it)
    text: str = ""  # the new wording (added, changed, heading)
    where: str = ""  # added/moved: «after 2.3 take-orders», «first in duties»


@dataclass
class Plan:
    """What to write into the role: see the module's docstring."""

    lang: str
    tree: dict[str, list[Tree]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # id → new source (lang)
    new: dict[str, str] = field(default_factory=dict)  # id → source of a new clause
    removed: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)  # declared section → heading
    records: list[Record] = field(default_factory=list)
    findings: list[Problem] = field(default_factory=list)
    paragraphs: dict[str, int] = field(default_factory=dict)  # id → its paragraph

    @property
    def empty(self) -> bool:
        return not (self.texts or self.new or self.removed or self.moved or self.headings)


def plan(outline: Outline, base: Document, role: Role, context: Mapping[str, Any],
         path: str) -> Plan:
    """Return the plan that makes `role` print the reviewed document in `base.lang`."""
    lang = base.lang
    out = Plan(lang, findings=list(outline.findings))
    sources = {c.id: c for top in _clauses(role) for c in top.walk()}
    taken = set(sources) | set(role.sections) | {d.key for d in role.declared}
    skip = [w for t in role.title[lang].forms.values() for w in str(t).split()]
    nodes = outline.nodes()
    for node in nodes:  # ids for the new clauses, in document order
        if node.id:
            continue
        wanted = node.suggested
        if wanted and wanted not in taken:
            node.id = wanted
            taken.add(wanted)
        else:
            node.id = ids.make_id(node.text, taken, lang, skip=skip)
    labels = {number: node.id for number, node in outline.labels.items()}
    for node in nodes:
        out.paragraphs[node.id] = node.para.index
        if node.base is None:
            result = untemplate("", node.text, lang, context, labels)
            out.new[node.id] = result.text
            _notes(out, node, result, path)
        elif normal(node.base.text) != node.text and node.id not in outline.kept:
            source = sources[node.id].text.get(lang, "")
            result = untemplate(source, node.text, lang, context, labels)
            if result.logic:
                out.findings.append(Problem(path, node.para.index, None, f"clause "
                                            f"'{node.id}' holds template logic ({{% if %}}): "
                                            f"its new wording is not written; change it in the "
                                            f"role by hand: «{node.text}»", "template-logic"))
                outline.kept.add(node.id)
                continue
            out.texts[node.id] = result.text
            _notes(out, node, result, path)
    out.tree = _tree(outline, base)
    _structure(out, outline, base)
    for key, (heading, para) in outline.headings.items():
        section = next(s for s in base.sections if s.key == key)
        if normal(heading) == normal(section.heading):
            continue
        declared = next((d for d in role.declared if d.key == key), None)
        if declared is None or declared.source != "role":
            where = "jobdocs' wording" if declared is None else f"the {declared.source}"
            out.findings.append(Problem(path, para.index, None, f"the heading of section "
                                        f"{section.number} «{section.heading}» comes from "
                                        f"{where}, not from the role: change it there",
                                        "frame-edit"))
            continue
        out.headings[key] = escape(normal(heading))
        out.records.append(Record("heading", key, str(section.number), para.index, heading))
    for key, (intro, para) in outline.intros.items():
        section = next(s for s in base.sections if s.key == key)
        if normal(intro) != normal(section.intro):
            out.findings.append(Problem(path, para.index, None, f"the opening sentence of "
                                        f"section {section.number} is not a clause: change it "
                                        "in the role's declare_sections (or jobdocs' wording)",
                                        "frame-edit"))
    return out


def _clauses(role: Role) -> list[Any]:
    return [c for clauses in role.sections.values() for c in clauses]


def _notes(out: Plan, node: Node, result: Result, path: str) -> None:
    for expr in result.dropped:
        out.findings.append(Problem(path, node.para.index, None, f"clause '{node.id}': "
                                    f"{expr} is typed words now (the edit changed what it "
                                    "printed)", "template-dropped", "info"))
    for number in result.dangling:
        out.findings.append(Problem(path, node.para.index, None, f"clause '{node.id}': clause "
                                    f"number {number} names no clause of the document: left "
                                    "as typed", "dangling-reference", "warning"))


def _tree(outline: Outline, base: Document) -> dict[str, list[Tree]]:
    """Return the clause tree of the plan; a clause left alone (--partial) keeps its place."""

    def convert(node: Node) -> Tree:
        return Tree(node.id, node.item, [convert(c) for c in node.children])

    tree = {s.key: [convert(n) for n in outline.sections.get(s.key, [])]
            for s in base.sections}
    present = {t.id for clauses in tree.values() for top in clauses for t in _walk(top)}
    for section in base.sections:  # what --partial leaves alone goes back where it was
        _restore(tree, section.key, None, section.clauses, outline.kept, present)
    return tree


def _restore(tree: dict[str, list[Tree]], key: str, parent: Tree | None,
             clauses: tuple[DocClause, ...], kept: set[str], present: set[str]) -> None:
    siblings = parent.children if parent is not None else tree[key]
    for n, clause in enumerate(clauses):
        if clause.id in kept and clause.id not in present:
            before = [c.id for c in clauses[:n]]
            at = max((i + 1 for i, t in enumerate(siblings) if t.id in before), default=0)
            siblings.insert(at, _from_doc(clause))
            present |= {c.id for c in clause.walk()}
        found = next((t for t in siblings if t.id == clause.id), None)
        if found is not None:
            _restore(tree, key, found, clause.children, kept, present)


def _from_doc(clause: DocClause) -> Tree:
    return Tree(clause.id, not clause.number, [_from_doc(c) for c in clause.children])


def _walk(tree: Tree) -> list[Tree]:
    return [tree, *(d for c in tree.children for d in _walk(c))]


def _structure(out: Plan, outline: Outline, base: Document) -> None:
    """Record what was added, removed and moved, and where."""
    old_parent: dict[str, str] = {}
    old_siblings: dict[str, list[str]] = {}
    for section in base.sections:
        old_siblings[section.key] = [c.id for c in section.clauses]
        for top in section.clauses:
            old_parent[top.id] = section.key
            for c in top.walk():
                old_siblings[c.id] = [k.id for k in c.children]
                for k in c.children:
                    old_parent[k.id] = c.id
    new_parent: dict[str, str] = {}
    new_siblings: dict[str, list[str]] = {}
    numbers = {n.id: n.label for n in outline.nodes()}
    for key, clauses in out.tree.items():
        new_siblings[key] = [c.id for c in clauses]
        for tree in clauses:
            new_parent[tree.id] = key
            for sub in _walk(tree):
                new_siblings[sub.id] = [kid.id for kid in sub.children]
                for kid in sub.children:
                    new_parent[kid.id] = sub.id
    base_numbers = {c.id: c.number for c in base.all_clauses()}
    moved = set()
    for parent, ids_now in new_siblings.items():
        kept = [i for i in ids_now if old_parent.get(i) == parent]
        before = [i for i in old_siblings.get(parent, []) if i in kept]
        matcher = difflib.SequenceMatcher(None, before, kept, autojunk=False)
        in_order = {before[m.a + k] for m in matcher.get_matching_blocks() for k in range(m.size)}
        moved |= {i for i in kept if i not in in_order}
        moved |= {i for i in ids_now if i in old_parent and old_parent[i] != parent}

    def where(cid: str) -> str:
        parent = new_parent[cid]
        siblings = new_siblings[parent]
        at = siblings.index(cid)
        if at:
            prev = siblings[at - 1]
            return f"after {_shown(numbers.get(prev) or base_numbers.get(prev, ''), prev)}"
        if parent in out.tree:
            return f"first in section '{parent}'"
        return f"first under {_shown(numbers.get(parent) or base_numbers.get(parent, ''), parent)}"

    index = {n.id: n for n in outline.nodes()}
    for cid in new_parent:
        node = index.get(cid)
        paragraph = node.para.index if node else 0
        number = numbers.get(cid) or ""
        if cid in out.new:
            out.records.append(Record("added", cid, number, paragraph, node.text if node else "",
                                      where(cid)))
        if cid in out.texts:
            out.records.append(Record("changed", cid, number or base_numbers.get(cid, ""),
                                      paragraph, node.text if node else ""))
        if cid in moved:
            out.moved.append(cid)
            out.records.append(Record("moved", cid, number or base_numbers.get(cid, ""),
                                      paragraph, "", where(cid)))
    for cid, number in base_numbers.items():
        if cid not in new_parent and cid not in outline.kept:
            out.removed.append(cid)
            into = outline.merged.get(cid)
            out.records.append(Record("removed", cid, number, 0, "",
                                      f"merged into '{into}'" if into else ""))


def _shown(number: str, cid: str) -> str:
    return f"{number} {cid}" if number else f"'{cid}'"

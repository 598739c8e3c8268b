"""Place the paragraphs of a reviewed document: which clause each one is, and where it stands.

A paragraph is the clause whose mark (a hidden bookmark, render/docx/marks.py) it
carries; a paragraph that carries the marks of two clauses is the first of them,
the second merged into it. A copy of a mark (LibreOffice's «NAME_Copy_1») is its
clause when the original is gone in this view (a tracked move). A paragraph
without a mark is a clause that was there only when its text is the clause's,
word for word (a move that lost its mark); a document without any mark (rendered
before marks existed) is matched by printed number and text. The rest is new.

Then the outline: sections by their headings, clauses by the number typed at
their start (`2.3.1.` is a sub-clause of 2.3), or by their paragraph style
(«Clause 2», «Clause Item»), or as the clause they are; a dashed paragraph is an
item of the clause above it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from ..errors import Problem
from ..model import DocClause, Document
from ..render.docx import marks
from .edited import Para, normal, short
from .kinds import HEADING, label_of, style_kind

#: How alike a paragraph must be to a clause to be taken for it without a mark.
SIMILAR = 0.75


@dataclass
class Node:
    """A clause of the reviewed document: an existing one (by id) or a new one."""

    id: str  # "" for a new clause until it gets one
    text: str  # its text as the reviewer left it, without the number
    item: bool
    level: int
    para: Para
    base: DocClause | None = None
    label: str = ""
    suggested: str = ""  # the id a mark from elsewhere gives a new clause (a redline's)
    children: list[Node] = field(default_factory=list)

    def walk(self) -> list[Node]:
        return [self, *(d for c in self.children for d in c.walk())]


@dataclass
class Outline:
    """The reviewed document's sections and clauses, with what could not be placed."""

    sections: dict[str, list[Node]] = field(default_factory=dict)
    headings: dict[str, tuple[str, Para]] = field(default_factory=dict)  # key → heading text
    intros: dict[str, tuple[str, Para]] = field(default_factory=dict)
    labels: dict[str, Node] = field(default_factory=dict)  # printed number → its clause
    kept: set[str] = field(default_factory=set)  # clauses to leave as they are (--partial)
    merged: dict[str, str] = field(default_factory=dict)  # id → the clause it merged into
    findings: list[Problem] = field(default_factory=list)
    marked: bool = False  # whether the document carries marks at all

    def nodes(self) -> list[Node]:
        return [n for clauses in self.sections.values() for c in clauses for n in c.walk()]


class Placer:
    """Identify and outline the body paragraphs of one view against the base document."""

    def __init__(self, path: str, base: Document, body: list[Para]) -> None:
        self.path = path
        self.base = base
        self.body = body
        self.clauses = {c.id: c for c in base.all_clauses()}
        self.keys = [s.key for s in base.sections]
        self.out = Outline()
        self.ids: dict[int, str] = {}  # id(para) → clause id
        self.suggested: dict[int, str] = {}
        self.claimed: set[str] = set()
        self.skipped: set[int] = set()  # paragraphs a finding leaves out

    def find(self, para: Para, message: str, rule: str, severity: str = "error") -> None:
        if severity == "error" and id(para) in self.ids:
            self.out.kept.add(self.ids[id(para)])  # --partial leaves that clause alone
        self.out.findings.append(Problem(self.path, para.index, None,
                                         f"paragraph {para.index} «{short(para.text)}»: "
                                         f"{message}", rule, severity))

    def place(self) -> Outline:
        self.out.marked = any(m.startswith(marks.CLAUSE) for p in self.body for m in p.marks)
        self.identify()
        self.outline()
        return self.out

    # -- which clause each paragraph is ---------------------------------------------

    def identify(self) -> None:
        clauses = [p for p in self.body if style_kind(p.style)[0] not in ("heading", "intro")]
        known = list(self.clauses)
        for para in clauses:  # marks, first come first served
            for name in para.marks:
                cid = marks.decode(name, known)
                if cid is None or name.startswith(marks.SECTION):
                    continue
                if cid not in self.clauses:
                    self.suggested.setdefault(id(para), cid)
                elif cid not in self.claimed:
                    self.claimed.add(cid)
                    if id(para) in self.ids:
                        self.out.merged[cid] = self.ids[id(para)]
                    else:
                        self.ids[id(para)] = cid
        for para in clauses:  # a pasted copy whose original is gone: a move
            if id(para) in self.ids:
                continue
            for name in para.marks:
                original = marks.copied(name)
                cid = marks.decode(original, known) if original else None
                if cid in self.clauses and cid not in self.claimed:
                    self.claimed.add(cid)
                    self.ids[id(para)] = cid
                    break
        by_text: dict[str, list[str]] = {}
        for cid, clause in self.clauses.items():
            if cid not in self.claimed:
                by_text.setdefault(normal(clause.text), []).append(cid)
        rest = [p for p in clauses if id(p) not in self.ids and normal(label_of(p.text)[1])]
        for para in rest:  # the same words: the clause, moved without its mark
            same = by_text.get(normal(label_of(para.text)[1]), [])
            free = [c for c in same if c not in self.claimed]
            if free:
                self.claimed.add(free[0])
                self.ids[id(para)] = free[0]
        rest = [p for p in rest if id(p) not in self.ids]
        if not self.out.marked:
            self.match_unmarked(rest)
            return
        for para in rest:  # marks elsewhere, none here: a clause retyped, or a new one?
            text = label_of(para.text)[1]
            free = [cid for cid in self.clauses if cid not in self.claimed]
            best = max(free, key=lambda cid: _ratio(text, self.clauses[cid].text), default="")
            if best and _ratio(text, self.clauses[best].text) >= SIMILAR:
                clause = self.clauses[best]
                where = f"{clause.number} " if clause.number else ""
                self.find(para, f"reads like clause {where}'{best}', whose mark is gone from "
                          "the document: was it rewritten, or is it new? Type the change into "
                          "the role, or import a copy where the clause kept its mark",
                          "lost-mark")
                self.out.kept.add(best)
                self.claimed.add(best)
                self.skipped.add(id(para))

    def match_unmarked(self, rest: list[Para]) -> None:
        """Take a paragraph of a document without marks for the clause of its printed
        number whose text it resembles, then for the most alike clause left."""
        numbers = {c.number: cid for cid, c in self.clauses.items() if c.number}
        for para in rest:
            number, text, _ = label_of(para.text)
            cid = numbers.get(number)
            if cid and cid not in self.claimed and _ratio(text, self.clauses[cid].text) >= 0.5:
                self.claimed.add(cid)
                self.ids[id(para)] = cid
        for para in [p for p in rest if id(p) not in self.ids]:
            text = label_of(para.text)[1]
            free = [cid for cid in self.clauses if cid not in self.claimed]
            best = max(free, key=lambda cid: _ratio(text, self.clauses[cid].text), default="")
            if best and _ratio(text, self.clauses[best].text) >= SIMILAR:
                self.claimed.add(best)
                self.ids[id(para)] = best

    # -- the outline -------------------------------------------------------------------

    def outline(self) -> None:
        key = ""
        stack: list[Node] = []
        headings = {normal(f"{s.number}. {s.heading}"): s.key for s in self.base.sections}
        for para in self.body:
            kind, level = style_kind(para.style)
            section_marks = [marks.decode(m, self.keys, marks.SECTION) for m in para.marks
                             if m.startswith(marks.SECTION)]
            if kind == "heading" or section_marks:
                key = self.heading(para, section_marks, headings)
                stack = []
                continue
            if not key:
                self.find(para, "stands before the first section heading: move it under a "
                          "section", "unplaced-text")
                continue
            if kind == "intro" and id(para) not in self.ids:
                self.out.intros[key] = (normal(para.text), para)
                continue
            if id(para) in self.skipped:
                continue
            node = self.node(para, kind, level)
            if node is None:
                continue
            if node.label and (node.label not in self.out.labels or node.base is not None
                               and node.base.number == node.label):
                self.out.labels[node.label] = node  # an old clause's own number first
            self.attach(key, node, stack)

    def heading(self, para: Para, found: list[str | None], headings: dict[str, str]) -> str:
        m = HEADING.match(normal(para.text))
        key = next((k for k in found if k in self.keys), None) or \
            headings.get(normal(para.text))
        if key is None and m:
            number = int(m.group(1))
            if 0 < number <= len(self.keys):
                key = self.keys[number - 1]
        if key is None:
            self.find(para, "is a section heading jobdocs cannot place (a new section is "
                      "declared in the role file, not in the document)", "unplaced-section")
            return ""
        self.out.sections.setdefault(key, [])
        self.out.headings[key] = (m.group(2) if m else normal(para.text), para)
        return key

    def node(self, para: Para, kind: str, level: int) -> Node | None:
        number, text, dashed = label_of(para.text)
        text = normal(text)
        cid = self.ids.get(id(para), "")
        base = self.clauses.get(cid) if cid else None
        if not text:
            if para.first.objects:
                self.find(para, "holds a picture or an object and no text: a clause is "
                          "text only", "unplaced-object")
            return None  # an empty paragraph; an emptied clause is a deleted one
        if para.first.objects:
            self.find(para, "holds a picture or an object besides its text, which the role "
                      "cannot hold: remove it", "unplaced-object")
        # A clause the document had stays what it was (a frame may print clauses with
        # bullets); a new paragraph is an item when it has a dash or the item style.
        item = not base.number if base is not None else dashed or kind == "item"
        if number:
            depth = number.count(".")
        elif kind == "clause":
            depth = level
        elif base is not None:
            depth = base.level
        else:
            depth = 0  # as the clause before it
        node = Node(cid, text, item, depth, para, base, number,
                    self.suggested.get(id(para), ""))
        return node

    def attach(self, key: str, node: Node, stack: list[Node]) -> None:
        if node.item:
            parents = [n for n in stack if not n.item]
            if not parents:
                self.find(node.para, "is a dashed item with no clause above it", "orphan-item")
                return
            parent = parents[-1]
            if any(not c.item for c in parent.children):
                self.find(node.para, "is a dashed item of a clause that has numbered "
                          "sub-clauses: a clause holds one or the other", "clauses-and-items")
                return
            node.level = parent.level + 1
            parent.children.append(node)
            stack[:] = [n for n in stack if n.level <= parent.level] + [node]
            return
        clauses = [n for n in stack if not n.item]
        if node.level <= 0:
            node.level = clauses[-1].level if clauses else 1
        node.level = min(node.level, (clauses[-1].level + 1) if clauses else 1)
        while clauses and clauses[-1].level >= node.level:
            clauses.pop()
        if clauses:
            parent = clauses[-1]
            if any(c.item for c in parent.children):
                self.find(node.para, "is a numbered sub-clause of a clause with a dashed "
                          "list: a clause holds one or the other", "clauses-and-items")
                return
            parent.children.append(node)
        else:
            self.out.sections[key].append(node)
        stack[:] = [*clauses, node]


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, normal(a), normal(b), autojunk=False).ratio()


"""Write a Word redline: the new document with native tracked changes.

Laid out by the same writer as the job description itself. Clauses are
aligned by id section by section: a clause in both versions gets its number
and wording changes as `w:del`/`w:ins` runs; a clause only in the old version
(removed, or moved away) is a deleted paragraph, one only in the new version
(added, or moved here) an inserted paragraph, paragraph mark included. So in
Word or LibreOffice "accept all" gives the new document and "reject all" the
old one.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..errors import UsageError
from ..model import DocClause, DocSection, Document
from ..render.docx import package as docx_package
from ..render.docx import styles as s
from ..render.docx.writer import ITEM_MARK, Writer, compose, open_reference, plain
from .align import RoleDiff
from .words import Segment, word_diff

Parts = Sequence[Segment]


class RedlineWriter(Writer):
    """A Writer whose clauses carry the changes from an old version as revisions."""

    def __init__(self, document: Any, old: Document, new: Document, author: str,
                 date: dt.datetime | None) -> None:
        super().__init__(document, new)
        self.old = old
        self.author = author
        self.when = (date or dt.datetime(2000, 1, 1, tzinfo=dt.UTC)).astimezone(dt.UTC)
        self.ids = itertools.count(1)
        # Frame paragraphs whose text depends on the title: (style, new text) → old text.
        self.reworded = {
            (s.DOCUMENT_TITLE, plain(new.frame.heading.title)): plain(old.frame.heading.title),
            **{(s.SHEET_SUBTITLE, plain(b)): plain(a) for a, b in
               zip(old.frame.sheet.subtitle, new.frame.sheet.subtitle, strict=False)},
        }

    # -- revisions ---------------------------------------------------------------------

    def _mark(self, tag: str) -> Any:
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(next(self.ids)))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.when.strftime("%Y-%m-%dT%H:%M:%SZ"))
        return element

    def tracked(self, style: str, segments: Parts, whole: str = "") -> Any:
        """Add a paragraph of segments; `whole` ("insert"/"delete") tracks its mark too."""
        paragraph = self.document.add_paragraph(style=style)
        p = paragraph._p
        for seg in segments:
            if not seg.text:
                continue
            run = OxmlElement("w:r")
            for n, piece in enumerate(seg.text.split("\t")):
                if n:
                    run.append(OxmlElement("w:tab"))
                if piece:
                    text = OxmlElement("w:delText" if seg.op == "delete" else "w:t")
                    text.set(qn("xml:space"), "preserve")
                    text.text = piece
                    run.append(text)
            if seg.op == "equal":
                p.append(run)
            else:
                wrapper = self._mark("w:ins" if seg.op == "insert" else "w:del")
                wrapper.append(run)
                p.append(wrapper)
        if whole:
            r_pr = OxmlElement("w:rPr")
            r_pr.append(self._mark("w:ins" if whole == "insert" else "w:del"))
            p.get_or_add_pPr().append(r_pr)
        return paragraph

    def para(self, style: str, *parts: str) -> Any:
        text = "".join(parts)
        old = self.reworded.get((style, text))
        if old is not None and old != text:
            return self.tracked(style, word_diff(old, text))
        return super().para(style, *parts)

    # -- the clauses -------------------------------------------------------------------

    def sections(self) -> None:
        old = {sec.key: sec for sec in self.old.sections}
        new = {sec.key: sec for sec in self.doc.sections}
        for key in _merged(list(old), list(new)):
            a, b = old.get(key), new.get(key)
            if a and b:
                self.tracked(s.HEADING, word_diff(_heading(a), _heading(b)))
                if a.intro or b.intro:
                    self.tracked(s.INTRO, word_diff(plain(a.intro), plain(b.intro)))
            else:
                section = a or b
                assert section is not None
                op = "delete" if a else "insert"
                self.tracked(s.HEADING, [Segment(op, _heading(section))], op)
                if section.intro:
                    self.tracked(s.INTRO, [Segment(op, plain(section.intro))], op)
            self._clauses(a.clauses if a else (), b.clauses if b else ())

    def _clauses(self, old: Sequence[DocClause], new: Sequence[DocClause]) -> None:
        for op, a, b in _align(old, new):
            if op == "equal":
                self._clause_both(a, b)
            else:
                clause = a if op == "delete" else b
                self.tracked(s.CLAUSE, [Segment(op, f"{clause.number}.\t{plain(clause.text)}")],
                             op)
                for item in clause.children:
                    self.tracked(s.ITEM, [Segment(op, f"{ITEM_MARK}\t{plain(item.text)}")], op)

    def _clause_both(self, a: DocClause, b: DocClause) -> None:
        number = word_diff(f"{a.number}.", f"{b.number}.")
        self.tracked(s.CLAUSE, [*number, Segment("equal", "\t"),
                                *word_diff(plain(a.text), plain(b.text))])
        for op, x, y in _align(a.children, b.children):
            if op == "equal":
                self.tracked(s.ITEM, [Segment("equal", f"{ITEM_MARK}\t"),
                                      *word_diff(plain(x.text), plain(y.text))])
            else:
                item = x if op == "delete" else y
                self.tracked(s.ITEM, [Segment(op, f"{ITEM_MARK}\t{plain(item.text)}")], op)


def _heading(section: DocSection) -> str:
    return f"{section.number}. {plain(section.heading)}"


def _merged(old: list[str], new: list[str]) -> list[str]:
    """Return the section keys of both versions in document order."""
    out = list(new)
    for i, key in enumerate(old):
        if key not in out:
            before = next((k for k in reversed(old[:i]) if k in out), None)
            out.insert(out.index(before) + 1 if before else 0, key)
    return out


def _align(old: Sequence[Any], new: Sequence[Any]
           ) -> Iterable[tuple[str, Any, Any]]:
    """Pair clauses (or items) by id in order: ("equal", a, b), ("delete", a, None) or
    ("insert", None, b); a clause out of order is deleted where it was and inserted
    where it is."""
    matcher = difflib.SequenceMatcher(None, [c.id for c in old], [c.id for c in new],
                                      autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            yield from (("equal", a, b) for a, b in zip(old[i1:i2], new[j1:j2], strict=True))
            continue
        yield from (("delete", a, None) for a in old[i1:i2])
        yield from (("insert", None, b) for b in new[j1:j2])


def redline(diff: RoleDiff, author: str, date: dt.datetime | None = None, lang: str = "",
            reference_doc: Path | None = None) -> bytes:
    """Return a DOCX redline of one language of a diff (default: the first)."""
    chosen = [d for d in diff.langs if not lang or d.lang == lang]
    if not chosen:
        raise UsageError(f"the diff has no language '{lang}'")
    d = chosen[0]
    assert d.old is not None and d.new is not None
    document = open_reference(reference_doc)
    compose(RedlineWriter(document, d.old, d.new, author, date))
    docx_package.set_language(document, docx_package.language_tag(d.new.lang, d.new.locale))
    docx_package.set_core_properties(
        document, d.new, title=plain(str(d.new.title)), subject="redline",
        comments=f"{d.old.role_id} {d.old.role_version} → {d.new.role_id} {d.new.role_version}")
    return docx_package.save(document)


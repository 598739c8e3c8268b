"""Write a Word redline: the new document with native tracked changes.

Laid out by the same writer, with the same styles, as the job description
itself, from the rows of the diff's one alignment: a clause in both versions
gets its number and wording changes as `w:del`/`w:ins` runs; a clause only in
the old version (removed, or moved away) is a deleted paragraph, one only in
the new version (added, or moved here) an inserted paragraph, paragraph mark
included. The footer's trace line is tracked too. So in Word or LibreOffice
"accept all" gives the new document and "reject all" the old one. What
changed, in the document's language, stands in a comment on the title.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from ..errors import UsageError
from ..model import DocClause
from ..render.docx import package as docx_package
from ..render.docx import styles as s
from ..render.docx.ooxml import DELETE, INSERT, Revisions
from ..render.docx.page import open_reference
from ..render.docx.writer import (
    ITEM_MARK,
    Writer,
    compose,
    hang,
    keep_with_next,
    plain,
)
from ..resolve.sandbox import upfirst
from . import labels
from .align import LangDiff, RoleDiff, Row, numbered
from .words import Segment, word_diff

Parts = Sequence[Segment]


class RedlineWriter(Writer):
    """A Writer whose clauses carry the changes from an old version as revisions."""

    def __init__(self, document: Any, diff: LangDiff, revisions: Revisions) -> None:
        assert diff.old is not None and diff.new is not None
        super().__init__(document, diff.new)
        self.diff = diff
        self.old = diff.old
        self.revisions = revisions
        self.title_paragraph: Any = None
        self.marked = True  # the clauses of the section being written carry marks
        old, new = diff.old.frame, diff.new.frame
        # Frame paragraphs whose text depends on the version: (style, new text) → old text.
        self.reworded = {
            (s.DOCUMENT_TITLE, plain(new.heading.title)): plain(old.heading.title),
            **{(s.SHEET_SUBTITLE, plain(b)): plain(a) for a, b in
               zip(old.sheet.subtitle if old.sheet else (),
                   new.sheet.subtitle if new.sheet else (), strict=False)},
        }

    def tracked(self, style: str, segments: Parts, whole: str = "") -> Any:
        """Add a paragraph of segments; `whole` ("insert"/"delete") tracks its mark too."""
        paragraph = self.document.add_paragraph(style=style)
        self.revisions.append(paragraph._p, segments)
        if whole:
            self.revisions.paragraph_mark(paragraph._p, whole)
        return paragraph

    def para(self, style: str, *parts: str) -> Any:
        text = "".join(parts)
        old = self.reworded.get((style, text))
        if old is not None and old != text:
            paragraph = self.tracked(style, word_diff(old, text))
        else:
            paragraph = super().para(style, *parts)
        title = s.DOCUMENT_TITLE if self.frame.heading_form == "gost" else s.DOCUMENT_TYPE
        if style == title and self.title_paragraph is None:
            self.title_paragraph = paragraph
        return paragraph

    def footer_line(self, paragraph: Any) -> None:
        """Track the trace line, so a rejected redline names the old version and hash."""
        self.revisions.append(paragraph._p, word_diff(plain(self.old.frame.trace),
                                                      plain(self.doc.frame.trace)))

    # -- the clauses -------------------------------------------------------------------

    def sections(self) -> None:
        frame = self.frame
        for sec in self.diff.sections:
            a, b = sec.old, sec.new
            self.marked = frame.listed(b or a)  # type: ignore[arg-type]
            if a and b:
                self.marks.section(self.tracked(
                    s.HEADING, word_diff(_heading(a, frame), _heading(b, frame))), b.key)
                if a.intro or b.intro:
                    keep_with_next(self.tracked(s.INTRO, word_diff(plain(a.intro), plain(b.intro)),
                                 "" if a.intro and b.intro else DELETE if a.intro else INSERT))
            else:
                section = a or b
                assert section is not None
                op = DELETE if a else INSERT
                self.marks.section(self.tracked(
                    s.HEADING, [Segment(op, _heading(section, frame))], op), section.key)
                if section.intro:
                    keep_with_next(self.tracked(s.INTRO, [Segment(op, plain(section.intro))], op))
            self.rows(sec.rows)

    def rows(self, rows: Sequence[Row]) -> None:
        for n, row in enumerate(rows, start=1):
            for paragraph in self.row(row):
                # As the writer keeps them: a lead-in with its list, the list together.
                if row.children or (not numbered(row.clause) and n < len(rows)):
                    keep_with_next(paragraph)
            self.rows(row.children)

    def row(self, row: Row) -> list[Any]:
        c = row.change
        if row.op == "keep":
            old, new = c.pair
            if numbered(old) == numbered(new) and old.level == new.level:
                tab = [Segment("equal", "\t")] if self.marked else []
                return [self.laid_out(new, [*self.mark(old, new), *tab,
                                            *_text(c.segments, old, new)])]
        out = []
        # A clause that became an item (or back) is replaced.
        if row.op != INSERT and c.old is not None:
            out.append(self.laid_out(c.old, [Segment(DELETE, self.whole_line(c.old))], DELETE))
        if row.op != DELETE and c.new is not None:
            out.append(self.laid_out(c.new, [Segment(INSERT, self.whole_line(c.new))], INSERT))
        return out

    def mark(self, old: DocClause, new: DocClause) -> list[Segment]:
        """Return what stands before a kept clause: its number as it changed, or (in a
        headed list) its bullet."""
        if not self.marked:
            return []
        if numbered(new) and not self.frame.numbered:
            return [Segment("equal", self.frame.mark(new))]
        return _mark(old, new)

    def whole_line(self, node: DocClause) -> str:
        """Return a removed or added clause's whole line: its mark, a tab, its text."""
        if not self.marked:
            return plain(node.text)
        mark = self.frame.mark(node) if numbered(node) else ITEM_MARK
        return f"{mark}\t{plain(node.text)}"

    def laid_out(self, clause: DocClause, segments: Parts, whole: str = "") -> Any:
        """Add a clause's paragraph in the style and at the indent the document gives it,
        with the clause's mark (marks.py); the old place of a clause the new version has
        elsewhere carries none: a mark names one paragraph."""
        if not self.marked:  # a headed list's section of one paragraph
            paragraph = self.tracked(s.CLAUSE, segments, whole)
            hang(paragraph, 0, 0, s.INDENT)
        elif numbered(clause):
            at = 0 if self.frame.numbered else s.BULLET_INDENT * (clause.level - 1)
            paragraph = self.tracked(s.clause_style(clause.level), segments, whole)
            hang(paragraph, at, self.indents.get(clause.level, s.INDENT), s.INDENT)
        else:  # a dashed item hangs under its parent's text
            paragraph = self.tracked(s.ITEM, segments, whole)
            at = (self.indents.get(clause.level - 1, s.INDENT) if self.frame.numbered
                  else s.BULLET_INDENT * (clause.level - 1))
            hang(paragraph, at, s.ITEM_INDENT, s.INDENT + s.ITEM_INDENT)
        if whole != DELETE or clause.id not in self.new_ids:
            self.marks.clause(paragraph, clause.id)
        return paragraph

    @cached_property
    def new_ids(self) -> set[str]:
        """The ids of the new version's clauses."""
        return {c.id for c in self.doc.all_clauses()}

    @cached_property
    def indents(self) -> dict[int, float]:
        """Return each level's hanging indent, fitting every number the redline shows:
        either version's, and a renumbered clause's old and new number side by side,
        so that no number pushes its text to another tab stop."""
        if not self.frame.numbered:
            return {level: s.BULLET_INDENT for level in range(1, s.CLAUSE_LEVELS + 1)}
        numbers: dict[int, list[str]] = {}
        for c in _changes(self.diff):
            for node in (c.old, c.new):
                if node is not None and numbered(node):
                    numbers.setdefault(node.level, []).append(f"{node.number}.")
            if c.old is not None and c.new is not None and numbered(c.old) and numbered(c.new):
                shown = "".join(seg.text for seg in _mark(c.old, c.new))
                numbers.setdefault(c.new.level, []).append(shown)
        size = s.font_size(self.document, s.CLAUSE)
        return {level: s.number_indent(found, size) for level, found in numbers.items()}

    # -- the summary -------------------------------------------------------------------

    def summary(self, diff: RoleDiff) -> None:
        """Put what changed, in the document's language, in a comment on the title."""
        if self.title_paragraph is None or not self.title_paragraph.runs:
            return
        lines = labels.summary_lines(diff, self.diff)
        comment = self.document.add_comment(self.title_paragraph.runs, text=lines[0],
                                            author=self.revisions.author, initials="")
        for line in lines[1:]:
            comment.add_paragraph(line)
        element = comment._comment_elm  # python-docx dates it now: give the changes' date
        if self.revisions.date:
            element.set(qn("w:date"), self.revisions.date)
        else:
            element.attrib.pop(qn("w:date"), None)


def _mark(old: DocClause, new: DocClause) -> list[Segment]:
    """Return a clause's number (or dash); where it changed, the parts that differ are
    replaced as one (2.[-15-]{+16+}.): a single change, a number's width apart."""
    if not numbered(new):
        return [Segment("equal", ITEM_MARK)]
    if old.number == new.number:
        return [Segment("equal", f"{new.number}.")]
    a, b = old.number.split("."), new.number.split(".")
    keep = 0
    while keep < min(len(a), len(b)) - 1 and a[keep] == b[keep]:
        keep += 1
    head = "".join(f"{part}." for part in b[:keep])
    return [Segment("equal", head), Segment(DELETE, ".".join(a[keep:])),
            Segment(INSERT, ".".join(b[keep:])), Segment("equal", ".")]


def _changes(diff: LangDiff) -> list[Any]:
    """Return the change record of every clause either version has, items included."""
    out = []

    def walk(rows: Sequence[Row]) -> None:
        for row in rows:
            out.append(row.change)
            walk(row.children)

    for sec in diff.sections:
        walk(sec.rows)
    return out


def _text(segments: Parts, old: Any, new: Any) -> Parts:
    """Return a clause's word changes as plain text (no tabs or breaks), as the writer prints."""
    out = [Segment(seg.op, plain(seg.text)) for seg in segments]
    before = "".join(seg.text for seg in out if seg.op != INSERT)
    after = "".join(seg.text for seg in out if seg.op != DELETE)
    if before == plain(old.text) and after == plain(new.text):
        return out
    return word_diff(plain(old.text), plain(new.text))  # a break fell between two words


def _heading(section: Any, frame: Any) -> str:
    return plain(frame.section_heading(section))


def redline(diff: RoleDiff, author: str, date: dt.date | dt.datetime | None = None,
            lang: str = "", reference_doc: Path | None = None) -> bytes:
    """Return a DOCX redline of one language of a diff.

    `lang` may be left out when the diff has one language. `date` is the date
    of the changes (a calendar date, or a moment such as a git commit); with
    none, the changes carry no date. `reference_doc` gives the styles and the
    letterhead, as for the document itself.
    """
    if not lang and len(diff.langs) > 1:
        have = ", ".join(d.lang for d in diff.langs)
        raise UsageError(f"a redline shows one language and this diff has {have}: "
                         f"give one --lang (one redline per language)")
    chosen = [d for d in diff.langs if not lang or d.lang == lang]
    if not chosen:
        raise UsageError(f"the diff has no language '{lang}'")
    d = chosen[0]
    assert d.old is not None and d.new is not None
    document = open_reference(reference_doc)
    writer = RedlineWriter(document, d, Revisions(author, date))
    compose(writer, reference_doc=reference_doc)
    writer.summary(diff)
    docx_package.set_language(document, docx_package.language_tag(d.new.lang, d.new.locale))
    old, new = d.old, d.new
    docx_package.set_core_properties(
        document, new, title=plain(upfirst(new.frame.heading.full_title)),
        subject=plain(labels.redline_subject(d)),
        comments=f"{plain(old.frame.trace)} → {plain(new.frame.trace)}")
    _versions(document, d, date)
    return docx_package.save(document)


def _versions(document: Any, d: LangDiff, date: dt.date | dt.datetime | None) -> None:
    """Make the properties name both versions and carry the date of the changes, or none."""
    assert d.old is not None and d.new is not None
    props = document.core_properties
    old, new = d.old, d.new
    props.identifier = docx_package.fit(f"{old.role_id} {old.role_version} {old.content_hash} → "
                                        f"{new.role_id} {new.role_version} {new.content_hash}")
    props.version = docx_package.fit(f"{old.role_version} → {new.role_version}")
    if date is None:
        _drop_dates(props)
        return
    when = date if isinstance(date, dt.datetime) else dt.datetime.combine(date, dt.time())
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    props.created = when
    props.modified = when


def _drop_dates(props: Any) -> None:
    """Leave the created and modified dates out: none is known, and none is invented."""
    element = props._element
    for tag in ("created", "modified"):
        for child in element.findall(
                f"{{http://purl.org/dc/terms/}}{tag}"):
            element.remove(child)

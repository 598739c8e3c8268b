"""Write a Document as a Word job description, laid out after ГОСТ Р 7.0.97-2025.

The styles, page size, margins, header and footer come from a reference
document (like pandoc's --reference-doc); its body is dropped. Every text
comes from the Document model and goes into runs as plain text, so nothing
in a role can become markup or a field.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm
from lxml import etree

from ...model import DocClause, Document, Line
from ...resolve.sandbox import upfirst
from . import package as docx_package
from . import signatures
from . import styles as s
from .marks import Marks
from .page import fresh_paragraph, prepare, prepared_reference
from .paragraphs import Body, Stamp, keep_next
from .tables import Table
from .text import plain

__all__ = ["ITEM_MARK", "Writer", "compose", "hang", "keep_with_next", "plain", "render"]

#: Column widths of the acknowledgement sheet, as shares of the text width.
SHEET_COLUMNS = (0.07, 0.30, 0.22, 0.23, 0.18)
SHEET_ROW_HEIGHT = 1.0  # cm: room for a handwritten name and signature
ITEM_MARK = "–"
#: The date and the registration number share a line: each its half of it.
DATE_COLUMNS = (0.5, 0.5)
#: What python-docx made once, copied for the next document that asks the same.
_INDENTS = Stamp(256)


class Writer:
    """Append the blocks of one job description to a document.

    Every text comes resolved from the Document (its frame included): the
    writer lays it out and translates nothing.
    """

    def __init__(self, document: Any, doc: Document) -> None:
        self.document = document
        self.doc = doc
        self.frame = doc.frame
        self.marks = Marks()  # each clause's id on its paragraph (marks.py)

    @cached_property
    def body(self) -> Body:
        """The document's body, once every style is in place (see `compose`)."""
        return Body(self.document)

    def para(self, style: str, *parts: str) -> Any:
        """Add a paragraph; `parts` are frame text in which "\\t" is a tab stop."""
        return self.body.add(style, *parts)

    # The blocks, top to bottom.

    @cached_property
    def text_width(self) -> float:
        """The width (cm) of the text area of the page being written (the page is laid
        out before the writer writes)."""
        return s.text_width(self.document.sections[-1])

    def approval(self) -> None:
        signatures.approval(self.body, self.frame.approval, self.text_width)

    def heading(self) -> None:
        heading = self.frame.heading
        names = [plain(line.text) for line in heading.organization if line.text]
        if names:  # the full name, and the short one under it, in one requisite
            paragraph = self.para(s.ORGANIZATION, names[0])
            for name in names[1:]:
                run = paragraph.add_run()
                run.add_break()
                run.add_text(name)
        else:
            for line in heading.organization:
                self.line(s.ORGANIZATION, line, blank=s.HEADING_BLANK)
        self.para(s.DOCUMENT_TYPE, plain(heading.kind))
        table = Table(self.body.end, DATE_COLUMNS, self.text_width, gap=0)
        date, number = table.row()
        self.body.add(s.DOCUMENT_DATE, plain(heading.date), into=date)
        self.body.add(f"{s.DOCUMENT_DATE} Number", plain(heading.number), into=number)
        self.line(s.PLACE, heading.place, blank=s.HEADING_BLANK)
        self.para(s.DOCUMENT_TITLE, plain(heading.title))

    def sections(self) -> None:
        for section in self.doc.sections:
            heading = self.para(s.HEADING, f"{section.number}. {plain(section.heading)}")
            self.marks.section(heading, section.key)
            if section.intro:  # a lead-in keeps with what it leads in
                keep_with_next(self.para(s.INTRO, plain(section.intro)))
            for clause in section.clauses:
                self.clause(clause)

    def clause(self, clause: DocClause) -> None:
        """Add a numbered clause and everything under it, each level at its own indent."""
        indent = self.indents.get(clause.level, s.INDENT)
        paragraph = self.para(s.clause_style(clause.level), f"{clause.number}.", "\t",
                              plain(clause.text))
        hang(paragraph, 0, indent, s.INDENT)
        self.marks.clause(paragraph, clause.id)
        if clause.children:  # a lead-in («… руководствуется:») never ends a page alone
            keep_with_next(paragraph)
        for child in clause.children:
            if clause.numbered:
                self.clause(child)
            else:
                item = self.para(s.ITEM, ITEM_MARK, "\t", plain(child.text))
                hang(item, indent, s.ITEM_INDENT, s.INDENT + s.ITEM_INDENT)
                self.marks.clause(item, child.id)

    @cached_property
    def indents(self) -> dict[int, float]:
        """Return the hanging indent of each level, fitting the longest number of that level
        in the document (2.10.12 and 2.9.1 put their text at one place)."""
        numbers: dict[int, list[str]] = {}
        for clause in self.doc.all_clauses():
            if clause.number:
                numbers.setdefault(clause.level, []).append(f"{clause.number}.")
        size = s.font_size(self.document, s.CLAUSE)
        return {level: s.number_indent(found, size) for level, found in numbers.items()}

    def signatures(self) -> None:
        """Write the author's signature and the visas, a row each, then the acknowledgement:
        the body's last paragraph keeps with the first row, so signatures never open a
        page; a long list of visas continues on the next page."""
        frame = self.frame
        last = self.body.last_paragraph()
        if last is not None:
            keep_next(last)
        signatures.rows(self.body, (frame.author, *frame.agreements), self.text_width)
        self.para(s.ACKNOWLEDGEMENT, plain(frame.acknowledgement.title))
        signatures.signed_by(self.body, frame.acknowledgement, self.text_width)

    def acknowledgement_sheet(self) -> None:
        sheet = self.frame.sheet
        self.para(s.SHEET_TITLE, plain(sheet.title))
        for line in sheet.subtitle:
            self.para(s.SHEET_SUBTITLE, plain(line))
        table = Table(self.body.end, SHEET_COLUMNS, self.text_width, borders=True,
                      style_id=self.body.any_style_id(s.TABLE), align="center")
        for r, texts in enumerate([sheet.columns, *sheet.rows]):
            cells = table.row(header=not r, height_cm=SHEET_ROW_HEIGHT if r else None,
                              valign=["center"] * len(texts))
            for cell, text in zip(cells, texts, strict=True):
                self.body.add(s.TABLE_TEXT if r else s.TABLE_HEADING, plain(text), into=cell)

    # Parts of blocks.

    def line(self, style: str, line: Line, blank: str) -> None:
        """Add a line's text in `style`, or a line to fill in (`blank` style) with its caption."""
        if line.text:
            self.para(style, plain(line.text))
        else:
            self.para(blank)
            self.para(f"{blank} Caption", plain(line.caption))

    def page_frame(self) -> None:
        """Trace every page to its inputs, in both footers (the pages are numbered by
        `number_pages`, when the page is prepared)."""
        section = self.document.sections[-1]
        for footer in (section.footer, section.first_page_footer):
            self.footer_line(fresh_paragraph(footer, self.body.style_id(s.FOOTER)))

    def footer_line(self, paragraph: Any) -> None:
        """Write the trace line into a footer paragraph."""
        paragraph.add_run(self.trace())

    def trace(self) -> str:
        """Return the line that matches a printed page to the exact inputs."""
        return plain(self.frame.trace)


def keep_with_next(paragraph: Any) -> None:
    """Keep a paragraph on the page of the one after it (Word and LibreOffice honour it)."""
    keep_next(paragraph._p)


def hang(paragraph: Any, at: float, indent: float, style_tab: float) -> None:
    """Hang a paragraph's mark at `at` cm and its text `indent` cm further, where that
    differs from its style, whose tab stop (at `style_tab` cm) is then cleared: a short
    number must not stop at it while a long one goes past."""
    if at + indent == style_tab:
        return
    ppr = paragraph._p.pPr
    key = (None if ppr is None else etree.tostring(ppr), at, indent, style_tab)
    made = _INDENTS.get(key)
    if made is not None:
        if ppr is not None:
            paragraph._p.remove(ppr)
        paragraph._p.insert(0, made)
        return
    fmt = paragraph.paragraph_format
    fmt.left_indent = Cm(at + indent)
    fmt.first_line_indent = Cm(-indent)
    fmt.tab_stops.add_tab_stop(Cm(style_tab), WD_TAB_ALIGNMENT.CLEAR)
    fmt.tab_stops.add_tab_stop(Cm(at + indent))
    _INDENTS.keep(key, paragraph._p.pPr)


def compose(writer: Writer, prepared: bool = False) -> None:
    """Write every block of a job description, top to bottom (on a document not yet
    `prepared`, prepare it first)."""
    if not prepared:
        prepare(writer.document, writer.doc.house_style)
    writer.approval()
    writer.heading()
    writer.sections()
    writer.signatures()
    writer.acknowledgement_sheet()
    writer.page_frame()


def render(doc: Document, reference_doc: Path | None = None) -> bytes:
    """Return the DOCX bytes of a document, styled by `reference_doc` (default: jobdocs')."""
    from .xmlsafe import clean

    doc = clean(doc)  # a control character in a version or a name: dropped, with a warning
    document = prepared_reference(reference_doc, doc.house_style)
    writer = Writer(document, doc)
    compose(writer, prepared=True)
    docx_package.set_language(document, docx_package.language_tag(doc.lang, doc.locale))
    docx_package.set_core_properties(
        document, doc,
        title=plain(upfirst(doc.frame.heading.full_title)),
        subject=plain(upfirst(str(doc.title))),
        comments=writer.trace(),
    )
    return docx_package.save(document)

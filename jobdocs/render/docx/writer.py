"""Write a Document as a Word job description, laid out after ГОСТ Р 7.0.97-2025.

The styles, page size, margins, header and footer come from a reference
document (like pandoc's --reference-doc); its body is dropped. Every text
comes from the Document model and goes into runs as plain text, so nothing
in a role can become markup or a field.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm
from lxml import etree

from ...model import BLANK, DocClause, Document, Line, SignedBlock
from ...resolve.sandbox import upfirst
from ...resolve.typography import nbsp
from . import ooxml
from . import package as docx_package
from . import styles as s
from .page import copy_story, fresh_paragraph, prepare, prepared_reference
from .paragraphs import Body, Stamp, keep_next
from .together import keep_on_one_page

#: Column widths of the acknowledgement sheet, as shares of the text width.
SHEET_COLUMNS = (0.07, 0.30, 0.22, 0.23, 0.18)
SHEET_ROW_HEIGHT = 1.0  # cm: room for a handwritten name and signature
ITEM_MARK = "–"
#: Lines to write on in the signature blocks, drawn with underscores: LibreOffice draws
#: no tab leader that ends a paragraph in a table cell (and the signatures stand in one).
BLOCK_BLANK = "_" * 32  # across the 8 cm block
SIGNATURE_BLANK = "_" * 14  # before the name
#: The longest author's position (in characters) that ends before the signature line.
AUTHOR_SHORT = 30
#: What python-docx made once, copied for the next document that asks the same.
_TABLES = Stamp(8)
_INDENTS = Stamp(256)

# Characters XML 1.0 cannot carry, and whitespace that would act as layout (a tab
# would jump to a signature line): a role's text is plain text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LAYOUT_SPACE = re.compile(r"[\t\r\n]+")


def plain(text: str) -> str:
    """Return model text as one run of plain text: no tabs, breaks or control characters,
    and no-break spaces where a line must not break (between initials and surname ...)."""
    return nbsp(_LAYOUT_SPACE.sub(" ", _CONTROL.sub("", text)))


class Writer:
    """Append the blocks of one job description to a document.

    Every text comes resolved from the Document (its frame included): the
    writer lays it out and translates nothing.
    """

    def __init__(self, document: Any, doc: Document) -> None:
        self.document = document
        self.doc = doc
        self.frame = doc.frame

    @cached_property
    def body(self) -> Body:
        """The document's body, once every style is in place (see `compose`)."""
        return Body(self.document)

    def para(self, style: str, *parts: str) -> Any:
        """Add a paragraph; `parts` are frame text in which "\\t" is a tab stop."""
        return self.body.add(style, *parts)

    # The blocks, top to bottom.

    def approval(self) -> None:
        self.signed_block(s.APPROVAL, self.frame.approval)

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
        self.para(s.DOCUMENT_DATE, plain(heading.date), "\t", plain(heading.number))
        self.line(s.PLACE, heading.place, blank=s.HEADING_BLANK)
        self.para(s.DOCUMENT_TITLE, plain(heading.title))

    def sections(self) -> None:
        for section in self.doc.sections:
            start = len(self.body.paragraphs())
            self.para(s.HEADING, f"{section.number}. {plain(section.heading)}")
            if section.intro:  # a lead-in keeps with what it leads in
                keep_with_next(self.para(s.INTRO, plain(section.intro)))
            for clause in section.clauses:
                self.clause(clause)
            if section.intro and section.clauses:
                # LibreOffice keeps two paragraphs together, never a chain of three: the
                # heading, its lead-in and the first clause (and its first item) stand in
                # one row that does not break across pages.
                count = 3 + bool(section.clauses[0].children)
                keep_on_one_page(self.body.paragraphs()[start:start + count],
                                 s.text_width(self.document.sections[-1]))

    def clause(self, clause: DocClause) -> None:
        """Add a numbered clause and everything under it, each level at its own indent."""
        indent = self.indents.get(clause.level, s.INDENT)
        paragraph = self.para(s.clause_style(clause.level), f"{clause.number}.", "\t",
                              plain(clause.text))
        hang(paragraph, 0, indent, s.INDENT)
        if clause.children:  # a lead-in («… руководствуется:») never ends a page alone
            keep_with_next(paragraph)
        for child in clause.children:
            if clause.numbered:
                self.clause(child)
            else:
                item = self.para(s.ITEM, ITEM_MARK, "\t", plain(child.text))
                hang(item, indent, s.ITEM_INDENT, s.INDENT + s.ITEM_INDENT)

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
        frame = self.frame
        before = len(self.body.paragraphs())
        self.author_signature(frame.author)
        for block in frame.agreements:
            self.signed_block(s.SIGNATURE, block)
        self.para(s.ACKNOWLEDGEMENT, plain(frame.acknowledgement.title))
        self.signed(s.SIGNATURE, frame.acknowledgement)
        # The signatures and the acknowledgement stand together, with the last lines of
        # the body: never on a page of their own.
        paragraphs = self.body.paragraphs()
        if before:
            keep_next(paragraphs[before - 1])
        keep_on_one_page(paragraphs[before:], s.text_width(self.document.sections[-1]))

    def acknowledgement_sheet(self) -> None:
        sheet = self.frame.sheet
        self.para(s.SHEET_TITLE, plain(sheet.title))
        for line in sheet.subtitle:
            self.para(s.SHEET_SUBTITLE, plain(line))
        width = s.text_width(self.document.sections[-1])
        key = (sheet.columns, sheet.rows, width, *(self.body.style_id(name) for name in
                                                   (s.TABLE_TEXT, s.TABLE_HEADING)),
               self.body.any_style_id(s.TABLE))
        table = _TABLES.get(key)
        if table is None:
            table = self.sheet_table(sheet, width)
            _TABLES.keep(key, table)
        else:
            self.body.end.addprevious(table)

    def sheet_table(self, sheet: Any, width: float) -> Any:
        """Add the acknowledgement table through python-docx; return its element."""
        rows = [sheet.columns, *sheet.rows]
        table = self.document.add_table(rows=len(rows), cols=len(sheet.columns))
        table.style = self.document.styles[s.TABLE]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for column, share in zip(table.columns, SHEET_COLUMNS, strict=True):
            column.width = Cm(width * share)  # the grid, which LibreOffice lays out by
            for cell in column.cells:
                cell.width = Cm(width * share)
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for r, (row, texts) in enumerate(zip(table.rows, rows, strict=True)):
            row.height = Cm(SHEET_ROW_HEIGHT) if r else None
            for cell, text in zip(row.cells, texts, strict=True):
                paragraph = cell.paragraphs[0]
                paragraph.style = self.document.styles[s.TABLE_TEXT if r else s.TABLE_HEADING]
                if text:
                    paragraph.add_run(plain(text))
        ooxml.repeat_as_header(table.rows[0])
        return table._tbl

    # Parts of blocks.

    def line(self, style: str, line: Line, blank: str = "") -> None:
        """Add a line's text in `style`, or a line to write on (`blank` style) with its caption."""
        if line.text:
            self.para(style, plain(line.text))
        else:
            self.para(blank, "\t") if blank else self.para(style, BLOCK_BLANK)
            self.para(f"{blank or style} Caption", plain(line.caption))

    def author_signature(self, block: SignedBlock) -> None:
        """Add the head of the unit's signature: position, line and name on one line."""
        # A position longer than the room before the signature line ends past its start.
        tabs = "\t\t\t" if len(block.title) <= AUTHOR_SHORT else "\t\t"
        self.para(s.AUTHOR, plain(block.title) + " ", tabs, plain(block.name) or BLANK)
        captions = ["\t", plain(block.sign_caption)]
        if not block.name:
            captions += ["\t", plain(block.name_caption)]
        self.para(f"{s.AUTHOR} Caption", *captions)
        self.para(f"{s.SIGNATURE} Date", plain(block.date))

    def signed_block(self, style: str, block: SignedBlock) -> None:
        """Add a block's title, its lines, the signature and the date."""
        self.para(f"{style} Title", plain(block.title))
        for line in block.lines:
            self.line(style, line)
        self.signed(style, block)

    def signed(self, style: str, block: SignedBlock) -> None:
        """Add the signature line (with the name, or a blank and its caption) and the date."""
        if block.name:
            self.para(f"{style} Line", "\t\t", plain(block.name))
            self.para(f"{style} Line Caption", "\t", plain(block.sign_caption))
        else:
            self.para(f"{style} Line", SIGNATURE_BLANK, "\t\t", BLANK)
            self.para(f"{style} Line Caption", "\t", plain(block.sign_caption), "\t",
                      plain(block.name_caption))
        self.para(f"{style} Date", plain(block.date))

    def page_frame(self) -> None:
        """Number the pages from page 2 (centred at the top) and trace every page to its inputs."""
        section = self.document.sections[-1]
        section.different_first_page_header_footer = True
        for first, rest in ((section.first_page_header, section.header),
                            (section.first_page_footer, section.footer)):
            if first.is_linked_to_previous:  # page 1 shows the letterhead the other pages have
                first.is_linked_to_previous = False
                if not rest.is_linked_to_previous:
                    copy_story(rest, first)
        if not any(ooxml.has_page_field(part) for part in (section.header, section.footer)):
            ooxml.page_number(fresh_paragraph(section.header, self.body.style_id(s.HEADER)))
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

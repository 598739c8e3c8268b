"""Write a Document as a Word job description, block by block as its frame says.

The ГОСТ frame is laid out after ГОСТ Р 7.0.97-2025; the others (en-gb,
en-us, de, sv, or a company's) choose their blocks and their order. The
styles, page size, margins, header and footer come from a reference
document (like pandoc's --reference-doc); its body is dropped. Every text
comes from the Document model and goes into runs as plain text, so nothing
in a role can become markup or a field. Section headings and clauses are body
paragraphs (a clause is one paragraph); tables hold only what is a form:
signatures, the table of fields, the acknowledgement sheet.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

from ...frame.printed import Line
from ...model import DocClause, Document
from ...resolve.sandbox import upfirst
from . import package as docx_package
from . import signatures
from . import styles as s
from .clauses import hang, number_indents
from .marks import Marks, clause_name, section_name
from .page import fresh_paragraph, house_style_of, prepare, prepared_reference, release
from .paragraphs import Body, add_run, keep_next, refill
from .tables import Table
from .text import noting, plain

__all__ = ["ITEM_MARK", "Writer", "compose", "hang", "keep_with_next", "plain", "render"]

#: Column widths of the acknowledgement sheet, as shares of the text width.
SHEET_COLUMNS = (0.07, 0.30, 0.22, 0.23, 0.18)
SHEET_ROW_HEIGHT = 1.0  # cm: room for a handwritten name and signature
ITEM_MARK = "–"
#: The date and the registration number share a line: each its half of it.
DATE_COLUMNS = (0.5, 0.5)
#: The heading's table of fields: the label, the value.
FIELD_COLUMNS = (0.32, 0.68)
#: Acknowledgement sheets made, by width, styles and texts, to copy: the documents of a
#: library (one profile, one language) have the same sheet, and a copy costs a fraction
#: of making its rows.
_SHEETS: dict[tuple[Any, ...], Any] = {}
KEPT_SHEETS = 16


class Writer:
    """Append the blocks of one job description to a document.

    Every text comes resolved from the Document (its frame included): the
    writer lays it out and translates nothing.
    """

    def __init__(self, document: Any, doc: Document, trace_into: list[Any] | None = None,
                 text_width: float | None = None) -> None:
        """`trace_into`: the footer paragraphs to write the trace line into (default: a
        paragraph of the last section's first-page footer and of its other pages');
        `text_width`: the page's, when known (default: measured on the document)."""
        self.document = document
        self.trace_into = trace_into
        self.doc = doc
        self.frame = doc.frame
        self.marks = Marks()  # each clause's id on its paragraph (marks.py)
        self.written: set[str] = set()
        if text_width is not None:
            self.text_width = text_width

    @cached_property
    def body(self) -> Body:
        """The document's body, once every style is in place (see `compose`)."""
        return Body(self.document)

    def para(self, style: str, *parts: str) -> Any:
        """Add a paragraph; `parts` are frame text in which "\\t" is a tab stop."""
        return self.body.add(style, *parts)

    @cached_property
    def text_width(self) -> float:
        """The width (cm) of the text area of the page being written (the page is laid
        out before the writer writes)."""
        return s.text_width(self.document.sections[-1])

    # The blocks, in the order the frame gives them.

    def approval(self) -> None:
        assert self.frame.approval is not None
        block = self.frame.approval
        signatures.copied(self.body, [block], signatures.approval, block, self.text_width,
                          self.frame.approval_align)

    def letterhead(self) -> None:
        lines = self.frame.heading.organization
        names = [plain(line.text) for line in lines if line.text]
        if names:  # the full name, and the short one under it, in one requisite
            paragraph = self.para(s.ORGANIZATION, names[0])
            for name in names[1:]:
                run = paragraph.add_run()
                run.add_break()
                run.add_text(name)
        else:
            for line in lines:
                self.line(s.ORGANIZATION, line, blank=s.HEADING_BLANK)

    def heading(self) -> None:
        heading = self.frame.heading
        if self.frame.heading_form == "fields":
            self.para(s.DOCUMENT_TYPE, plain(heading.kind))
            self.fields()
            return
        self.para(s.DOCUMENT_TYPE, plain(heading.kind))
        table = Table(self.body.end, DATE_COLUMNS, self.text_width, gap=0)
        date, number = table.row()
        self.body.add(s.DOCUMENT_DATE, plain(heading.date), into=date)
        self.body.add(f"{s.DOCUMENT_DATE} Number", plain(heading.number), into=number)
        self.line(s.PLACE, heading.place, blank=s.HEADING_BLANK)
        self.para(s.DOCUMENT_TITLE, plain(heading.title))

    def fields(self) -> None:
        """Write the table of the position's facts: a label and a value a row."""
        if not self.frame.fields:
            return
        table = Table(self.body.end, FIELD_COLUMNS, self.text_width, borders=True,
                      style_id=self.body.any_style_id(s.TABLE), gap=0.4, row_space=2)
        for field in self.frame.fields:
            label, value = table.row()
            self.body.add(s.FIELD_LABEL, plain(field.label), into=label)
            self.body.add(s.FIELD_VALUE, plain(field.value), into=value)

    def sections(self) -> None:
        for section in self.doc.sections:
            self.body.add(s.HEADING, plain(self.frame.section_heading(section)),
                          mark=self.marks.take(section_name(section.key)))
            if section.intro:  # a lead-in keeps with what it leads in
                keep_with_next(self.para(s.INTRO, plain(section.intro)))
            if not self.frame.listed(section):  # a headed list's paragraph (a Summary)
                [clause] = section.clauses
                self.body.add(s.CLAUSE, plain(clause.text),
                              mark=self.marks.take(clause_name(clause.id)),
                              hanging=(0, 0, s.INDENT))
                continue
            for clause in section.clauses:
                self.clause(clause)

    def clause(self, clause: DocClause, at: float = 0) -> None:
        """Add a clause and everything under it, each level at its own indent: numbered
        (2.7, 2.7.1), or bulleted in a headed list."""
        indent = self.indents.get(clause.level, s.INDENT)
        paragraph = self.body.add(s.clause_style(clause.level), self.frame.mark(clause), "\t",
                                  plain(clause.text), mark=self.marks.take(clause_name(clause.id)),
                                  hanging=(at, indent, s.INDENT))
        if clause.children:  # a lead-in («… руководствуется:») never ends a page alone
            keep_with_next(paragraph)
        for child in clause.children:
            if clause.numbered:
                self.clause(child, 0 if self.frame.numbered else at + indent)
            else:
                self.body.add(s.ITEM, ITEM_MARK, "\t", plain(child.text),
                              mark=self.marks.take(clause_name(child.id)),
                              hanging=(at + indent, s.ITEM_INDENT, s.INDENT + s.ITEM_INDENT))

    @cached_property
    def indents(self) -> dict[int, float]:
        """Return the hanging indent of each level: fitting the longest number of that level
        in the document (2.10.12 and 2.9.1 put their text at one place), or a bullet's."""
        if not self.frame.numbered:
            return {level: s.BULLET_INDENT for level in range(1, s.CLAUSE_LEVELS + 1)}
        return number_indents(self.document, [c for c in self.doc.all_clauses() if c.number])

    def statements(self) -> None:
        """Write the paragraphs after the sections, each under its heading, if it has one."""
        for statement in self.frame.statements:
            if statement.heading:
                self.para(s.HEADING, plain(statement.heading))
            self.para(s.STATEMENT, plain(statement.text))

    def author(self) -> None:
        """Write the author's signature and (when they follow) the visas, a row each: the
        body's last paragraph keeps with the first row, so signatures never open a page;
        a long list of visas continues on the next page."""
        blocks = [self.frame.author] if self.frame.author else []
        if self._next("author") == "agreements":
            blocks += self.frame.agreements
            self.written.add("agreements")
        self._keep_body()
        signatures.copied(self.body, blocks, signatures.rows, tuple(blocks), self.text_width)

    def agreements(self) -> None:
        if "agreements" in self.written or not self.frame.agreements:
            return
        self._keep_body()
        signatures.rows(self.body, self.frame.agreements, self.text_width)

    def signatures(self) -> None:
        """Write the lines to sign on (employee, manager ...), each set after its statement."""
        self._keep_body()
        for lines in self.frame.signatures:
            if lines.statement:
                self.para(s.ACKNOWLEDGEMENT, plain(lines.statement))
            signatures.lines(self.body, lines.rows, self.text_width)

    def acknowledgement(self) -> None:
        block = self.frame.acknowledgement
        assert block is not None
        self.para(s.ACKNOWLEDGEMENT, plain(block.title))
        signatures.signed_by(self.body, block, self.text_width)

    def sheet(self) -> None:
        sheet = self.frame.sheet
        assert sheet is not None
        self.para(s.SHEET_TITLE, plain(sheet.title))
        for line in sheet.subtitle:
            self.para(s.SHEET_SUBTITLE, plain(line))
        rows = [tuple(map(plain, texts)) for texts in (sheet.columns, *sheet.rows)]
        styles = self.body.styles
        key = (self.text_width, styles, len(styles), tuple(rows))
        made = _SHEETS.get(key)
        if made is not None:  # the same sheet as a document's before (a library's are)
            self.body.end.addprevious(made.__copy__())  # (lxml copies the whole element)
            return
        table = Table(self.body.end, SHEET_COLUMNS, self.text_width, borders=True,
                      style_id=self.body.any_style_id(s.TABLE), align="center")
        last: tuple[bool, ...] = ()
        for r, texts in enumerate(rows):
            filled = tuple(map(bool, texts))
            if r > 1 and filled == last:  # a row like the one before: a copy, refilled
                for cell, text in zip(table.repeat(), texts, strict=True):
                    if text:
                        refill(cell, text)
                continue
            last = filled
            cells = table.row(header=not r, height_cm=SHEET_ROW_HEIGHT if r else None,
                              valign=["center"] * len(texts))
            for cell, text in zip(cells, texts, strict=True):
                self.body.add(s.TABLE_TEXT if r else s.TABLE_HEADING, text, into=cell)
        if len(_SHEETS) >= KEPT_SHEETS:
            _SHEETS.pop(next(iter(_SHEETS)))
        _SHEETS[key] = table.element.__copy__()

    # Parts of blocks.

    def _next(self, block: str) -> str:
        blocks = self.frame.blocks
        at = blocks.index(block)
        return blocks[at + 1] if at + 1 < len(blocks) else ""

    def _keep_body(self) -> None:
        """Keep the body's last paragraph with what follows: signatures never open a page."""
        last = self.body.last_paragraph()
        if last is not None:
            keep_next(last)

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
        if not self.frame.trace:
            return
        if self.trace_into is not None:
            for paragraph in self.trace_into:
                self.footer_line(paragraph)
            return
        style_id = self.body.style_id(s.FOOTER)
        section = self.document.sections[-1]
        for footer in (section.footer, section.first_page_footer):
            self.footer_line(fresh_paragraph(footer, style_id))

    def footer_line(self, paragraph: Any) -> None:
        """Write the trace line into a footer paragraph (a run as python-docx's
        `add_run(text)` makes it, without its walk over every character)."""
        add_run(paragraph._p, self.trace())

    def trace(self) -> str:
        """Return the line that matches a printed page to the exact inputs."""
        return plain(self.frame.trace)


def keep_with_next(paragraph: Any) -> None:
    """Keep a paragraph on the page of the one after it (Word and LibreOffice honour it)."""
    keep_next(paragraph._p)


def compose(writer: Writer, prepared: bool = False, reference_doc: Path | None = None) -> None:
    """Write every block of a job description, in the frame's order (on a document not yet
    `prepared`, from `reference_doc`, prepare it first)."""
    if not prepared:
        prepare(writer.document, house_style_of(writer.doc, reference_doc))
    for block in writer.frame.blocks:
        getattr(writer, block)()
    writer.page_frame()


def render(doc: Document, reference_doc: Path | None = None) -> bytes:
    """Return the DOCX bytes of a document, styled by `reference_doc` (default: jobdocs')."""
    with noting() as found:
        try:
            data = _write(doc, reference_doc)
        except ValueError:  # lxml refused a text that came in without plain(): a version...
            found.append("")
    if found:  # written again from the model cleaned of them, with one warning
        from .xmlsafe import clean

        data = _write(clean(doc), reference_doc)
    return data


def _write(doc: Document, reference_doc: Path | None) -> bytes:
    from .skeleton import skeleton

    house_style = house_style_of(doc, reference_doc)
    language = docx_package.language_tag(doc.lang, doc.locale)
    shared = skeleton(reference_doc, house_style, language, bool(doc.frame.trace))
    if shared is not None:  # the parts every document shares, made once
        page = shared.page()
        writer = Writer(page.document, doc, page.trace_into, page.text_width)
        compose(writer, prepared=True)
        shared.describe(page, doc, **_description(doc, writer))
        data = shared.save(page)
        release(page.document)
        return data
    document = prepared_reference(reference_doc, house_style)
    writer = Writer(document, doc)
    compose(writer, prepared=True)
    docx_package.set_language(document, language)
    docx_package.describe(document.core_properties, doc, **_description(doc, writer))
    return docx_package.save(document)  # (a whole package: python-docx's cycles, freed by gc)


def _description(doc: Document, writer: Writer) -> dict[str, str]:
    """The texts of a document's core properties (package.describe)."""
    return {"title": plain(upfirst(doc.frame.heading.full_title)),
            "subject": plain(upfirst(str(doc.title))), "comments": writer.trace()}

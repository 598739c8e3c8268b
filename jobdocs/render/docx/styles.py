"""The named styles of a DOCX job description, defined once as data.

`tools/make_reference_docx.py` writes them into the shipped reference
document; the writer adds the ones a company's own reference document lacks
(stylesheet.py writes them). Every paragraph the writer makes uses one of
them, so restyling in Word works.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.shared import Emu

FONT = "Times New Roman"  # LibreOffice lays it out in the metric-compatible Liberation Serif
SIZE = 14.0  # pt: ГОСТ Р 7.0.97-2025 recommends 12, 13 or 14
CAPTION_SIZE = 9.0
TABLE_SIZE = 12.0
BLOCK = 8.0  # cm: the corner requisite block is at most 8 cm wide
INDENT = 1.25  # cm: paragraph indent

# Names the writer uses.
APPROVAL = "Approval"
SIGNATURE = "Signature"
ORGANIZATION = "Organization"
DOCUMENT_TYPE = "Document Type"
DOCUMENT_DATE = "Document Date"
PLACE = "Place"
DOCUMENT_TITLE = "Document Title"
HEADING_BLANK = "Heading Blank"  # a line to fill in by hand, and its caption under it
HEADING = "Heading 1"
INTRO = "Body Text"
CLAUSE = "Clause"
ITEM = "Clause Item"
CLAUSE_LEVELS = 6  # "Clause" for 1.1, "Clause 2" for 1.1.1 ... "Clause 6"
ITEM_INDENT = 0.5  # cm from a dashed item's mark to its text
ACKNOWLEDGEMENT = "Acknowledgement"
SHEET_TITLE = "Sheet Title"
SHEET_SUBTITLE = "Sheet Subtitle"
TABLE_HEADING = "Table Heading"
TABLE_TEXT = "Table Text"
TABLE = "Acknowledgement Table"
FIELD_LABEL = "Field Label"  # the heading's table of fields: Job Title, Reports To ...
FIELD_VALUE = "Field Value"
STATEMENT = "Statement"  # a paragraph after the sections: equal opportunity, at-will ...
BULLET_INDENT = 0.63  # cm from a bullet to its text, each level (Word's default)
HEADER = "Header"
FOOTER = "Footer"


@dataclass(frozen=True)
class Tab:
    """A tab stop, in cm from the left margin; a leader of underscores draws a line to sign on."""

    at: float
    align: str = "left"
    line: bool = False


@dataclass(frozen=True)
class Style:
    """A paragraph style; None leaves a property to the style it is based on."""

    name: str
    base: str | None = "Normal"
    size: float | None = None
    bold: bool | None = None
    align: str | None = None
    left: float | None = None
    right: float | None = None
    first_line: float | None = None  # cm; negative for a hanging indent
    before: float | None = None  # pt
    after: float | None = None  # pt
    keep_next: bool | None = None
    page_break_before: bool | None = None
    tabs: tuple[Tab, ...] = ()
    outline: int | None = None  # 0 for a heading Word's navigation pane lists
    hyphenate: bool | None = None  # automatic hyphenation (the justified text has it)
    line: bool = False  # a rule under the paragraph: a line to sign on or fill in


def text_width(section: Any) -> float:
    """Return the width of a section's text area, in cm."""
    return float(Emu(section.page_width - section.left_margin - section.right_margin).cm)


def clause_style(level: int) -> str:
    """Return the style of a numbered clause at `level` (1 for 2.7, 2 for 2.7.1 ...)."""
    return CLAUSE if level <= 1 else f"{CLAUSE} {min(level, CLAUSE_LEVELS)}"


#: Advance widths in em of what a clause number is made of, in Times New Roman (and
#: the metric-compatible Liberation Serif LibreOffice uses): digits 0.5, the point 0.25.
_DIGIT_EM, _POINT_EM, _GAP = 0.5, 0.25, 0.25  # the gap, in cm, from the number to the text
_PT_CM = 2.54 / 72


def number_indent(numbers: list[str], size: float = SIZE) -> float:
    """Return the hanging indent (cm) that fits the longest of `numbers` ("2.10.12."):
    at least the paragraph indent, in steps of 0.05 cm."""
    widest = max(map(_width, numbers), default=0)
    needed = widest * size * _PT_CM + _GAP
    return max(INDENT, round(-(-needed // 0.05) * 0.05, 2))


def _width(number: str) -> float:
    """Return the advance width (em) of a clause number: digits and points (exact: each a
    multiple of a quarter em)."""
    digits = sum(map(str.isdigit, number))
    return digits * _DIGIT_EM + (len(number) - digits) * _POINT_EM


def font_size(document: Any, name: str) -> float:
    """Return the font size (pt) a paragraph style prints in, following its base styles."""
    try:
        style = document.styles[name]
    except KeyError:
        return SIZE
    while style is not None:
        if style.font.size is not None:
            return float(style.font.size.pt)
        style = style.base_style
    return SIZE


def block(name: str) -> list[Style]:
    """Return the styles of a block someone signs, laid out in a table's cells.

    `name Title` opens it, `name` holds its lines of text, `name Line` is an empty
    paragraph ruled underneath (a line to sign on, or a blank to fill in) with
    `name Caption` under it, `name Name` the signatory's name, `name Date` the
    date. Every line is as high as the others, so a signature line stands level
    with the text it belongs to.
    """
    return [
        Style(name, align="left", left=0, first_line=0),
        Style(f"{name} Title", base=name),
        Style(f"{name} Line", base=name, line=True),
        Style(f"{name} Caption", base=name, size=CAPTION_SIZE, align="center"),
        Style(f"{name} Name", base=name),
        Style(f"{name} Date", base=name, before=6),
        Style(f"{name} Space", base=name, before=6),  # between two signers in one row
    ]


def styles(text_width: float) -> list[Style]:
    """Return every paragraph style, laid out for a text area `text_width` cm wide."""
    return [
        Style("Normal", base=None, size=SIZE, align="left", left=0, first_line=0, before=0,
              after=0, hyphenate=False),
        *block(APPROVAL),
        Style(ORGANIZATION, align="center", bold=True, before=24),
        Style(HEADING_BLANK, before=12, left=(text_width - BLOCK) / 2,
              right=(text_width - BLOCK) / 2, line=True),
        Style(f"{HEADING_BLANK} Caption", size=CAPTION_SIZE, align="center",
              left=(text_width - BLOCK) / 2, right=(text_width - BLOCK) / 2),
        Style(DOCUMENT_TYPE, align="center", bold=True, before=12),
        Style(DOCUMENT_DATE, before=6),
        Style(f"{DOCUMENT_DATE} Number", base=DOCUMENT_DATE, align="right"),
        Style(PLACE, align="center", before=6),
        Style(DOCUMENT_TITLE, align="center", bold=True, before=12, after=12),
        Style(HEADING, align="center", bold=True, size=SIZE, before=12, after=6,
              keep_next=True, outline=0),
        Style(INTRO, align="justify", first_line=INDENT, after=0, keep_next=True,
              hyphenate=True),
        Style(CLAUSE, align="justify", left=INDENT, first_line=-INDENT, tabs=(Tab(INDENT),),
              hyphenate=True),
        *(Style(clause_style(level), base=CLAUSE) for level in range(2, CLAUSE_LEVELS + 1)),
        Style(ITEM, align="justify", left=INDENT + ITEM_INDENT, first_line=-ITEM_INDENT,
              tabs=(Tab(INDENT + ITEM_INDENT),), hyphenate=True),
        *block(SIGNATURE),
        Style(STATEMENT, align="justify", first_line=INDENT, before=6, hyphenate=True),
        Style(FIELD_LABEL, bold=True, align="left", left=0, first_line=0),
        Style(FIELD_VALUE, align="left", left=0, first_line=0),
        Style(ACKNOWLEDGEMENT, align="justify", before=24, keep_next=True, hyphenate=True),
        Style(SHEET_TITLE, align="center", bold=True, page_break_before=True),
        Style(SHEET_SUBTITLE, align="center", after=12),
        Style(TABLE_HEADING, align="center", bold=True, size=TABLE_SIZE),
        Style(TABLE_TEXT, align="center", size=TABLE_SIZE),
        Style(HEADER, align="center", size=TABLE_SIZE),
        Style(FOOTER, align="left", size=8),
    ]


#: Styles of text in table cells, laid out by the table: indents and tab stops a reference
#: document gives them (jobdocs' own before tables held the signatures had a 10 cm
#: indent) would push their text out of the cell.
IN_CELLS = frozenset({*(style.name for name in (APPROVAL, SIGNATURE) for style in block(name)),
                      FIELD_LABEL, FIELD_VALUE})

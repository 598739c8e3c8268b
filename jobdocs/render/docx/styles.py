"""The named styles of a DOCX job description, defined once.

`tools/make_reference_docx.py` writes them into the shipped reference
document; the writer adds the ones a company's own reference document lacks.
Every paragraph the writer makes uses one of them, so restyling in Word works.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt

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

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
_TAB_ALIGN = {"left": WD_TAB_ALIGNMENT.LEFT, "center": WD_TAB_ALIGNMENT.CENTER,
              "right": WD_TAB_ALIGNMENT.RIGHT}


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
    widest = max((sum(_DIGIT_EM if ch.isdigit() else _POINT_EM for ch in n) for n in numbers),
                 default=0)
    needed = widest * size * _PT_CM + _GAP
    return max(INDENT, round(-(-needed // 0.05) * 0.05, 2))


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


def apply(document: Any, style: Style) -> None:
    """Create `style` in `document`, or redefine it from scratch when it exists."""
    try:
        target = document.styles[style.name]
    except KeyError:
        target = document.styles.add_style(style.name, WD_STYLE_TYPE.PARAGRAPH)
    element = target.element
    for tag in ("w:pPr", "w:rPr", "w:link", "w:next", "w:rsid", "w:basedOn"):
        for child in element.findall(qn(tag)):
            element.remove(child)
    target.base_style = document.styles[style.base] if style.base else None
    target.quick_style = True
    target.hidden = False
    target.unhide_when_used = False
    font, fmt = target.font, target.paragraph_format
    if style.size is not None:
        font.size = Pt(style.size)
    if style.bold is not None:
        font.bold = style.bold
    if style.align is not None:
        fmt.alignment = _ALIGN[style.align]
    if style.left is not None:
        fmt.left_indent = Cm(style.left)
    if style.right is not None:
        fmt.right_indent = Cm(style.right)
    if style.first_line is not None:
        fmt.first_line_indent = Cm(style.first_line)
    if style.before is not None:
        fmt.space_before = Pt(style.before)
    if style.after is not None:
        fmt.space_after = Pt(style.after)
    if style.keep_next is not None:
        fmt.keep_with_next = style.keep_next
    if style.page_break_before is not None:
        fmt.page_break_before = style.page_break_before
    for tab in style.tabs:
        fmt.tab_stops.add_tab_stop(Cm(tab.at), _TAB_ALIGN[tab.align],
                                   WD_TAB_LEADER.LINES if tab.line else WD_TAB_LEADER.SPACES)
    if style.base is None:
        fmt.widow_control = True
    if style.hyphenate is not None:
        ppr = element.get_or_add_pPr()
        suppress = OxmlElement("w:suppressAutoHyphens")
        suppress.set(qn("w:val"), "0" if style.hyphenate else "1")
        ppr.insert_element_before(suppress, *_AFTER_SUPPRESS_AUTO_HYPHENS)
    if style.line:
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for attr, value in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "auto")):
            bottom.set(qn(f"w:{attr}"), value)
        borders.append(bottom)
        element.get_or_add_pPr().insert_element_before(borders, *_AFTER_PBDR)
    if style.outline is not None:
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(style.outline))
        element.get_or_add_pPr().insert_element_before(
            level, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def apply_table_style(document: Any) -> None:
    """Create the acknowledgement table's style: thin black borders round every cell."""
    try:
        target = document.styles[TABLE]
    except KeyError:
        target = document.styles.add_style(TABLE, WD_STYLE_TYPE.TABLE)
    target.base_style = document.styles["Normal Table"]
    target.quick_style = True
    element = target.element
    for child in element.findall(qn("w:tblPr")):
        element.remove(child)
    tbl_pr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{edge}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), "4")
        border.set(qn("w:space"), "0")
        border.set(qn("w:color"), "000000")
        borders.append(border)
    tbl_pr.append(borders)
    element.append(tbl_pr)


#: What may follow w:pBdr in a paragraph's properties (ECMA-376 order).
_AFTER_PBDR = tuple(f"w:{t}" for t in (
    "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId "
    "cnfStyle rPr sectPr pPrChange").split())
#: What may follow w:suppressAutoHyphens in a paragraph's properties (ECMA-376 order).
_AFTER_SUPPRESS_AUTO_HYPHENS = tuple(f"w:{t}" for t in (
    "kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
    "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split())
#: What may follow w:autoHyphenation in a document's settings (ECMA-376 order).
SETTINGS_AFTER_AUTO_HYPHENATION = (
    "consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope summaryLength "
    "clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting bookFoldPrinting "
    "bookFoldPrintingSheets drawingGridHorizontalSpacing drawingGridVerticalSpacing "
    "displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
    "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin "
    "doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne "
    "strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture "
    "doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText "
    "doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags "
    "alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat "
    "docVars rsids mathPr attachedSchema themeFontLang clrSchemeMapping "
    "doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions "
    "readModeInkLockDown smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags "
    "decimalSymbol listSeparator").split()


def refit(document: Any, old_width: float, new_width: float) -> None:
    """Redefine the styles laid out by the text width (blocks, tab stops) for a new width."""
    before = {style.name: style for style in styles(old_width)}
    have = {s.name for s in document.styles}
    for style in styles(new_width):
        if style.name in have and before.get(style.name) != style:
            apply(document, style)


def set_font(document: Any, name: str | None, size: float | None) -> None:
    """Make `name` at `size` pt the body font (headings take the size too)."""
    for style_name in ("Normal", HEADING):
        try:
            font = document.styles[style_name].font
        except KeyError:
            continue
        if size is not None:
            font.size = Pt(size)
        if name is not None and style_name == "Normal":
            font.name = name
            r_fonts = font.element.rPr.find(qn("w:rFonts"))
            for attr in ("w:cs", "w:eastAsia"):
                r_fonts.set(qn(attr), name)


#: Styles of text in table cells, laid out by the table: indents and tab stops a reference
#: document gives them (jobdocs' own before tables held the signatures had a 10 cm
#: indent) would push their text out of the cell.
IN_CELLS = frozenset({*(style.name for name in (APPROVAL, SIGNATURE) for style in block(name)),
                      FIELD_LABEL, FIELD_VALUE})


def set_paragraphs(document: Any, look: Any) -> None:
    """Set how body text sits (a frame's `paragraphs:`): the alignment of headings, lead-ins
    and clauses, and whether lead-ins and statements have a first-line indent."""
    text = [INTRO, STATEMENT, CLAUSE, ITEM, ACKNOWLEDGEMENT,
            *(clause_style(level) for level in range(2, CLAUSE_LEVELS + 1))]
    changes: list[tuple[str, str, Any]] = []
    if look.align is not None:
        changes += [(name, "alignment", _ALIGN[look.align]) for name in text]
    if look.headings is not None:
        changes.append((HEADING, "alignment", _ALIGN[look.headings]))
    if look.indent is False:
        changes += [(name, "first_line_indent", Cm(0)) for name in (INTRO, STATEMENT)]
    for name, attribute, value in changes:
        try:
            style = document.styles[name]
        except KeyError:
            continue
        if getattr(style.paragraph_format, attribute) != value:
            setattr(style.paragraph_format, attribute, value)
    if look.align == "left":  # ragged text is not hyphenated
        for name in text:
            try:
                ppr = document.styles[name].element.get_or_add_pPr()
            except KeyError:
                continue
            found = ppr.find(qn("w:suppressAutoHyphens"))
            if found is None:
                found = OxmlElement("w:suppressAutoHyphens")
                ppr.insert_element_before(found, *_AFTER_SUPPRESS_AUTO_HYPHENS)
            found.set(qn("w:val"), "1")


def ensure(document: Any, text_width: float) -> None:
    """Add every style the writer uses that `document` lacks, keeping the ones it has
    (less the indents and tab stops of the styles of table cells)."""
    have = {s.name for s in document.styles}
    for style in styles(text_width):
        if style.name not in have:
            apply(document, style)
        elif style.name in IN_CELLS:
            ppr = document.styles[style.name].element.pPr
            for tag in ("w:ind", "w:tabs"):
                for child in [] if ppr is None else ppr.findall(qn(tag)):
                    ppr.remove(child)
    if TABLE not in have:
        apply_table_style(document)

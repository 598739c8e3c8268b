"""Writing the named styles (styles.py) into a document's style sheet: each style
created or redefined from scratch, the acknowledgement table's style, the styles a
company's reference document lacks, and the changes a house style or a frame makes
to them (text width, body font, how body text sits).
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .styles import (
    ACKNOWLEDGEMENT,
    CLAUSE,
    CLAUSE_LEVELS,
    HEADING,
    IN_CELLS,
    INTRO,
    ITEM,
    STATEMENT,
    TABLE,
    Style,
    clause_style,
    styles,
)

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
_TAB_ALIGN = {"left": WD_TAB_ALIGNMENT.LEFT, "center": WD_TAB_ALIGNMENT.CENTER,
              "right": WD_TAB_ALIGNMENT.RIGHT}


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

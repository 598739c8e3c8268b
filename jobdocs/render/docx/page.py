"""The page a job description is written on: the reference document, emptied, laid out
by the house style, with every style the writer uses; and its headers and footers."""

from __future__ import annotations

import io
from copy import deepcopy
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.shared import Mm

from ...errors import JobdocsError
from ...house_style import SIZES, HouseStyle
from ...model import Document
from ...resources import data_dir
from . import ooxml, stylesheet
from . import styles as s
from .paragraphs import Body
from .stamp import Stamp

_DRAWING, _PICT = qn("w:drawing"), qn("w:pict")
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: What was parsed or prepared once, copied for the next document that asks the same.
_REFERENCES = Stamp(4)
_PREPARED = Stamp(8)


@cache  # where the package lies does not change while it runs
def default_reference() -> Path:
    """Return the reference document that ships with jobdocs."""
    return data_dir("templates") / "docx" / "reference.docx"


def open_reference(path: Path | None) -> Any:
    """Open a reference document with its body emptied; fail in one line when it is no .docx.

    The document is read and parsed once per process (while the file stays as
    it was); each call returns a copy of it, which costs a third of parsing.
    """
    path = path or default_reference()
    key = _file_key(path)
    document = _REFERENCES.get(key)
    if document is None:
        document = _parse_reference(path)
        _REFERENCES.keep(key, document)
    return document


def prepared_reference(path: Path | None, house_style: HouseStyle) -> Any:
    """Return the emptied reference document laid out by a house style, with every
    style the writer uses: a copy of one prepared once per process."""
    key = (reference_key(path), repr(house_style))
    document = _PREPARED.get(key)
    if document is None:
        document = open_reference(path)
        prepare(document, house_style)
        _PREPARED.keep(key, document)
    return document


def release(document: Any) -> None:
    """Drop the cycle python-docx makes between a document and its body (the body names
    the document as its parent), so that a written document's tree, ~0.4 MB of lxml's
    memory, is freed at once rather than at the next full garbage collection: a build
    kept hundreds of them, growing by that much a document."""
    vars(document).pop("_Document__body", None)  # (python-docx's; absent: nothing to do)


def reference_key(path: Path | None) -> tuple[str, int, int]:
    """Return what tells a reference document (default: jobdocs') from another, and from
    itself once changed."""
    return _file_key(path or default_reference())


def _file_key(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError as e:
        raise JobdocsError(f"{path}: cannot read the reference document: "
                           f"{e.strerror or e}") from e
    return _resolved(path), stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=64)  # a few letterheads; resolving costs a look at every folder
def _resolved(path: Path) -> str:
    return str(path.resolve())


def _parse_reference(path: Path) -> Any:
    from .reference import load  # checked and cleaned: see reference.py

    try:
        document = docx.Document(io.BytesIO(load(path)))
    except JobdocsError:
        raise
    except Exception as e:  # python-docx has no one error for a package it cannot read
        raise JobdocsError(f"{path}: not a Word document python-docx can read "
                           f"({type(e).__name__}: {e}); open it in Word and save it as .docx"
                           ) from e
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def fresh_paragraph(part: Any, style_id: str | None) -> Any:
    """Return the header or footer's only paragraph when it is empty, else a new one after
    it, in the style of that id."""
    part.is_linked_to_previous = False
    return story_paragraph(part, style_id)


def story_paragraph(story: Any, style_id: str | None) -> Any:
    """Return a story's only paragraph when it is empty, else a new one after it, in the
    style of that id."""
    paragraphs = story.paragraphs
    if len(paragraphs) == 1 and not paragraphs[0].text and next(
            paragraphs[0]._p.iter(_DRAWING, _PICT), None) is None:
        paragraph = paragraphs[0]
    else:
        paragraph = story.add_paragraph()
    paragraph._p.style = style_id
    return paragraph


def copy_story(source: Any, target: Any) -> None:
    """Make a header or footer the copy of another, with the pictures it refers to."""
    story = target._element
    for child in list(story):
        story.remove(child)
    for child in source._element:
        copy = deepcopy(child)
        for element in copy.iter():
            for name, value in element.attrib.items():
                if name.startswith(f"{{{_R}}}") and value in source.part.rels:
                    rel = source.part.rels[value]
                    target_ref = rel.target_ref if rel.is_external else rel.target_part
                    element.set(name, target.part.relate_to(target_ref, rel.reltype,
                                                            is_external=rel.is_external))
        story.append(copy)


def apply_house_style(document: Any, style: HouseStyle) -> None:
    """Set the page size, margins and font a house style gives, over the reference
    document's."""
    section = document.sections[-1]
    before = s.text_width(section)
    page = style.page
    if page.size is not None:
        section.page_width, section.page_height = (Mm(side) for side in SIZES[page.size])
    for name, value in (("left_margin", page.left_mm), ("right_margin", page.right_mm),
                        ("top_margin", page.top_mm), ("bottom_margin", page.bottom_mm)):
        if value is not None:
            setattr(section, name, Mm(value))
    stylesheet.refit(document, before, s.text_width(section))
    stylesheet.set_font(document, style.font.name, style.font.size)


def prepare(document: Any, house_style: HouseStyle) -> None:
    """Lay a reference document out by a house style, add the styles it lacks, and
    number its pages."""
    apply_house_style(document, house_style)
    stylesheet.ensure(document, s.text_width(document.sections[-1]))
    stylesheet.set_paragraphs(document, house_style.paragraphs)
    ooxml.hyphenate(document, stylesheet.SETTINGS_AFTER_AUTO_HYPHENATION)
    number_pages(document)


def number_pages(document: Any) -> None:
    """Number the pages from page 2 (centred at the top); page 1 shows the letterhead the
    other pages have."""
    section = document.sections[-1]
    section.different_first_page_header_footer = True
    for first, rest in ((section.first_page_header, section.header),
                        (section.first_page_footer, section.footer)):
        if first.is_linked_to_previous:
            first.is_linked_to_previous = False
            if not rest.is_linked_to_previous:
                copy_story(rest, first)
    if not any(ooxml.has_page_field(part) for part in (section.header, section.footer)):
        ooxml.page_number(fresh_paragraph(section.header, Body(document).style_id(s.HEADER)))


def house_style_of(doc: Document, reference_doc: Path | None) -> HouseStyle:
    """Return how a document looks: its house style, over its frame's paper, font and
    paragraphs when it is written on jobdocs' own reference document (a company's
    letterhead keeps its own)."""
    if reference_doc is not None:
        return doc.house_style
    return doc.house_style.over(doc.frame.look)



"""The parts every job description written on one page shares, made once.

A document written on a prepared reference changes three of its parts: the
body (word/document.xml), the footers that carry the trace line, and the
core properties. Styles, numbering, settings, theme, fonts, headers and the
package's listings are the same for every document of a house style and a
language: they are serialized and compressed once per process, and each
document copies only the small elements it writes into (copying the whole
prepared package cost more than writing the document's clauses).
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.blkcntnr import BlockItemContainer
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.text.paragraph import Paragraph

from ...house_style import HouseStyle
from ...model import Document
from . import package
from . import styles as s
from .page import prepared_reference, reference_key, story_paragraph
from .paragraphs import Body

#: How many skeletons a process keeps: a build writes a few house styles and languages.
KEPT = 16
_MADE: dict[Any, Skeleton] = {}


@dataclass
class Page:
    """One document being written on a skeleton: its own body, footers and properties."""

    document: Any  # a python-docx Document over the skeleton's (read-only) parts
    footers: list[Any]  # the footer elements written into
    trace_into: list[Any]  # a paragraph of each, for the trace line
    properties: Any  # the core properties
    text_width: float  # cm: the skeleton's, the same on every page


class Skeleton:
    """A prepared reference document as the bytes it shares with every document written
    on it, and the pristine elements a document copies and writes into."""

    def __init__(self, document: Any, language: str, traced: bool) -> None:
        package.set_language(document, language)
        self.lines: list[int] = []  # where the trace line goes in each footer
        section = document.sections[-1]
        self.text_width = s.text_width(section)
        footers = []
        if traced:  # the trace line goes into both footers: each a part of its own
            style_id = Body(document).style_id(s.FOOTER)
            for footer in (section.footer, section.first_page_footer):
                footer.is_linked_to_previous = False
                footers.append(footer.part)
                line = story_paragraph(BlockItemContainer(footer.part.element, document),
                                       style_id)
                self.lines.append(footer.part.element.index(line._p))
        document.core_properties  # noqa: B018 (a package without them gets them here)
        core = document.part.package.part_related_by(RT.CORE_PROPERTIES)
        self.part = document.part
        self.element = document.element
        self.footers = [(part.partname.membername, part.element) for part in footers]
        self.core = (core.partname.membername, core.element)
        self.dated: Any = None  # the core properties of a dated document (describe)
        self.name = document.part.partname.membername
        written = {self.name, self.core[0], *(name for name, _ in self.footers)}
        #: Whether the parts can be told apart (both footers one part: no).
        self.usable = len(written) == 2 + len(footers)
        blobs = package.members(document) if self.usable else None
        self.usable = blobs is not None
        self.shared = {name: package.deflate(blob) for name, blob in (blobs or {}).items()
                       if name not in written}

    def page(self) -> Page:
        """Return a fresh page: the body and footers empty as prepared, to write into."""
        document = WordDocument(deepcopy(self.element), self.part)
        footers = [deepcopy(element) for _, element in self.footers]
        lines = [Paragraph(footer[at], BlockItemContainer(footer, document))
                 for footer, at in zip(footers, self.lines, strict=True)]
        return Page(document, footers, lines, CoreProperties(deepcopy(self.core[1])),
                    self.text_width)

    def describe(self, page: Page, doc: Document, *, title: str, subject: str,
                 comments: str) -> None:
        """Describe the page's document in its core properties (package.describe). A dated
        document is described on a copy of an earlier dated one's: every property is
        there already, in its place, and setting a text costs far less than making its
        element (an undated one is not: its dates go, but not the namespace they need)."""
        if doc.date and self.dated is not None:
            page.properties = CoreProperties(deepcopy(self.dated))
        package.describe(page.properties, doc, title=title, subject=subject, comments=comments)
        if doc.date and self.dated is None:
            self.dated = deepcopy(page.properties._element)

    def save(self, page: Page) -> bytes:
        """Return the DOCX bytes of a page written on this skeleton."""
        members: dict[str, bytes | package.Deflated] = dict(self.shared)
        members[self.name] = serialize_part_xml(page.document.element)
        for (name, _), footer in zip(self.footers, page.footers, strict=True):
            members[name] = serialize_part_xml(footer)
        members[self.core[0]] = serialize_part_xml(page.properties._element)
        return package.zip_members(members)


def skeleton(reference_doc: Path | None, house_style: HouseStyle, language: str,
             traced: bool) -> Skeleton | None:
    """Return the skeleton of a reference document laid out by a house style, for a
    language, with or without a trace line in its footers (None when python-docx's
    package cannot be taken apart, or the reference's two footers are one part: write
    the whole document then)."""
    key = (reference_key(reference_doc), repr(house_style), language, traced)
    if key not in _MADE:
        made = Skeleton(prepared_reference(reference_doc, house_style), language, traced)
        if len(_MADE) >= KEPT:
            _MADE.pop(next(iter(_MADE)))
        _MADE[key] = made
    found = _MADE[key]
    return found if found.usable else None

"""The raw WordprocessingML jobdocs writes itself: tracked changes, page fields, table headers.

python-docx has no API for these, so every element built by hand lives
here. Text goes in as element text only: nothing from a role ever becomes a
field instruction or markup.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable
from typing import Any, Protocol

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

INSERT, DELETE, EQUAL = "insert", "delete", "equal"


class Piece(Protocol):
    """A piece of text kept (`equal`), deleted or inserted (a diff Segment)."""

    @property
    def op(self) -> str: ...

    @property
    def text(self) -> str: ...


def page_number(paragraph: Any) -> None:
    """Add a PAGE field (a fixed instruction: no text from a role ever becomes a field)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def has_page_field(part: Any) -> bool:
    """Whether a header or footer of its own already prints the page number."""
    if part.is_linked_to_previous:
        return False
    xml = part._element.xml
    return bool(re.search(r'w:instr="\s*PAGE\b|<w:instrText[^>]*>\s*PAGE\b', xml))


def repeat_as_header(row: Any) -> None:
    """Make a table row repeat at the top of every page the table runs onto."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def hyphenate(document: Any, after: Iterable[str]) -> None:
    """Turn on automatic hyphenation: justified styles use it, in each run's w:lang.

    `after` are the settings elements (without "w:") that must follow it.
    """
    settings = document.settings.element
    if settings.find(qn("w:autoHyphenation")) is None:
        settings.insert_element_before(OxmlElement("w:autoHyphenation"),
                                       *[f"w:{t}" for t in after])


def revision_date(when: dt.date | dt.datetime | None) -> str:
    """Return a w:date value, or "" for none.

    A calendar date is stored as that day at 00:00 with no conversion, so it
    reads as the same day in every time zone; a moment (a git commit) in UTC.
    """
    if when is None:
        return ""
    if isinstance(when, dt.datetime):
        if when.tzinfo is not None:
            when = when.astimezone(dt.UTC).replace(tzinfo=None)
        return when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{when.isoformat()}T00:00:00Z"


class Revisions:
    """Tracked changes by one author on one date, with ids unique in the package."""

    def __init__(self, author: str, when: dt.date | dt.datetime | None) -> None:
        self.author = author
        self.date = revision_date(when)
        self.ids = itertools.count(1)

    def mark(self, op: str) -> Any:
        """Return an empty w:ins (op "insert") or w:del ("delete") with author and date."""
        element = OxmlElement("w:ins" if op == INSERT else "w:del")
        element.set(qn("w:id"), str(next(self.ids)))
        element.set(qn("w:author"), self.author)
        if self.date:  # optional in OOXML: better none than an invented one
            element.set(qn("w:date"), self.date)
        return element

    def append(self, p: Any, pieces: Iterable[Piece]) -> None:
        """Append runs to a w:p; a deleted or inserted piece is wrapped as a revision.

        A tab ("\\t") in a piece becomes a w:tab, as the writer's tab stops expect.
        """
        for piece in pieces:
            if not piece.text:
                continue
            run = OxmlElement("w:r")
            for n, text in enumerate(piece.text.split("\t")):
                if n:
                    run.append(OxmlElement("w:tab"))
                if text:
                    element = OxmlElement("w:delText" if piece.op == DELETE else "w:t")
                    element.set(qn("xml:space"), "preserve")
                    element.text = text
                    run.append(element)
            if piece.op == EQUAL:
                p.append(run)
            else:
                wrapper = self.mark(piece.op)
                wrapper.append(run)
                p.append(wrapper)

    def paragraph_mark(self, p: Any, op: str) -> None:
        """Track the paragraph mark itself, so a whole paragraph is inserted or deleted."""
        p_pr = p.get_or_add_pPr()
        r_pr = p_pr.find(qn("w:rPr"))
        if r_pr is None:
            r_pr = OxmlElement("w:rPr")
            # w:rPr comes last in w:pPr but before w:sectPr and w:pPrChange.
            tail = p_pr.find(qn("w:sectPr"))
            if tail is None:
                tail = p_pr.find(qn("w:pPrChange"))
            if tail is not None:
                tail.addprevious(r_pr)
            else:
                p_pr.append(r_pr)
        r_pr.insert(0, self.mark(op))

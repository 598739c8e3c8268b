"""The frame one document prints, resolved: every block around the clauses (approval,
heading, signatures, acknowledgement, sheet) with its final texts. The frame as a
company defines it is spec.py; resolve/frame.py turns that into this."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..house_style import HouseStyle

if TYPE_CHECKING:
    from ..model import DocClause, DocSection


@dataclass(frozen=True)
class Line:
    """A line of a frame block: its text, or (empty text) a blank to fill by hand with
    the caption printed under it."""

    text: str = ""
    caption: str = ""


@dataclass(frozen=True)
class SignedBlock:
    """A block someone signs: the approval, the author's signature, a visa, the
    acknowledgement. Every text is final (translated, dated, agreed in gender)."""

    title: str  # УТВЕРЖДАЮ, СОГЛАСОВАНО, the author's position, the acknowledgement sentence
    lines: tuple[Line, ...]  # position, organization ...
    name: str  # initials and surname; empty: a blank with `name_caption` under it
    sign_caption: str  # «(подпись)»
    name_caption: str  # «(расшифровка подписи)»
    date: str  # the date as printed, or the blank form «__» __________ 20__ г.
    date_caption: str = ""  # under a line to sign on: the date line's caption (Date)


@dataclass(frozen=True)
class SignedLines:
    """Rows of lines to sign on (employee, manager ...), after a statement or none: each
    row a SignedBlock whose title is who signs, with a line for the signature, the
    printed name and the date."""

    statement: str
    rows: tuple[SignedBlock, ...]


@dataclass(frozen=True)
class Field:
    """A row of the heading's table of fields: Job Title, Reports To, Location ..."""

    key: str
    label: str
    value: str


@dataclass(frozen=True)
class Statement:
    """A paragraph after the sections (other duties, equal opportunity, at-will), with its
    heading ("" for none)."""

    key: str
    heading: str
    text: str


@dataclass(frozen=True)
class DocHeading:
    """The requisites under the approval block: organization, document type, date and
    number, place, and the title of the text."""

    organization: tuple[Line, ...]  # the full name, then the short one in brackets
    kind: str  # ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ
    date: str
    number: str  # «№ 15-ДИ», «№ ________», or "" where the language prints none
    place: Line
    title: str  # the title in the genitive: менеджера по работе с ключевыми клиентами
    full_title: str  # Должностная инструкция менеджера ... (a Markdown heading, properties)


@dataclass(frozen=True)
class Sheet:
    """The лист ознакомления: its title, the document it belongs to, the table."""

    title: str
    subtitle: tuple[str, ...]  # the lines naming the document
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # one tuple of cell texts per row


#: The blocks of the ГОСТ frame, in its order (jobdocs/frame: BLOCKS).
GOST_BLOCKS = ("approval", "letterhead", "heading", "sections", "author", "agreements",
               "acknowledgement", "sheet")


@dataclass(frozen=True)
class Frame:
    """Everything around the clauses, resolved once; the writers only lay it out.

    `blocks` names the blocks the document prints, in order (approval, letterhead,
    heading, sections, statements, author, agreements, signatures, acknowledgement,
    sheet); a block it leaves out is None or empty here. The heading's requisites are
    resolved in every frame (the title names the document everywhere); `heading_form`
    says whether they print as ГОСТ's requisites ("gost") or as a title line over a table
    of `fields` ("fields").
    """

    approval: SignedBlock | None
    heading: DocHeading
    author: SignedBlock | None
    agreements: tuple[SignedBlock, ...]
    acknowledgement: SignedBlock | None
    sheet: Sheet | None
    trace: str  # the footer line: role, version, content hash ("" for none)
    generated: str  # the same as a sentence (the Markdown comment)
    name: str = "ru-gost"  # the preset it is, or extends
    blocks: tuple[str, ...] = GOST_BLOCKS
    approval_align: str = "right"
    heading_form: str = "gost"
    fields: tuple[Field, ...] = ()
    numbered: bool = True  # legal numbering (1.1, 1.1.1); else headed bulleted lists
    statements: tuple[Statement, ...] = ()
    signatures: tuple[SignedLines, ...] = ()
    # The paper, margins and font the frame prints on where the house style and a
    # company's reference document give none (US Letter for en-us).
    look: HouseStyle = field(default_factory=HouseStyle)

    def section_heading(self, section: DocSection) -> str:
        """Return a section's heading as printed: numbered ("2. Rights") or not."""
        return f"{section.number}. {section.heading}" if self.numbered else section.heading

    def listed(self, section: DocSection) -> bool:
        """Whether a section's clauses print marked: numbered, or as the items of a headed
        list; in a headed list, a section of one clause with nothing under it is a
        paragraph (a US job description's Summary)."""
        return (self.numbered or len(section.clauses) > 1
                or any(c.children for c in section.clauses))

    def mark(self, clause: DocClause) -> str:
        """Return what stands before a clause's text in a marked section: its number
        ("2.7.") under legal numbering, a bullet in a headed list (a dash below it)."""
        if self.numbered and clause.number:
            return f"{clause.number}."
        return BULLETS[0] if clause.level == 1 and not self.numbered else BULLETS[1]


#: A clause's mark in a headed list, by level (deeper levels take the second).
BULLETS = ("•", "–")

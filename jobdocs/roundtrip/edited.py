"""A reviewed Word document as jobdocs reads it: its paragraphs in the view of its
tracked changes taken as accepted (or as rejected), with their marks, revisions and
comments. The XML is read in wordml.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACCEPT, REJECT = "accept", "reject"


@dataclass(frozen=True)
class Revision:
    """A tracked change: what was done, by whom, when, and the text it touched."""

    kind: str  # insert, delete, move, format
    author: str
    date: str
    text: str


@dataclass(frozen=True)
class Comment:
    """A comment of the document, with the paragraph it is anchored in."""

    id: str
    author: str
    date: str
    text: str
    paragraph: int  # the index of the source paragraph it is anchored in (-1: none)


@dataclass
class Source:
    """One w:p of the document, as it stands in the file."""

    index: int  # 1-based, in document order (table cells included)
    table: int  # the number of the table it stands in (0: the body)
    style: str  # its style's name
    old_style: str  # its style before a tracked formatting change
    marks: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # view → text
    joins: dict[str, bool] = field(default_factory=dict)  # view → mark removed in it
    revisions: list[Revision] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    objects: int = 0  # pictures, drawings, embedded objects
    level: int | None = None  # a Word list level (w:numPr/w:ilvl), 0-based


@dataclass
class Para:
    """A paragraph as the reviewer sees it in one view: one or more source paragraphs."""

    sources: list[Source]
    text: str
    view: str

    @property
    def first(self) -> Source:
        return self.sources[0]

    @property
    def style(self) -> str:
        return self.first.old_style if self.view == REJECT else self.first.style

    @property
    def index(self) -> int:
        return self.first.index

    @property
    def table(self) -> int:
        return self.first.table

    @property
    def marks(self) -> list[str]:
        """The marks of the sources that still show text in this view, in order."""
        out = []
        for s in self.sources:
            if s.texts.get(self.view, "").strip() or s is self.sources[-1]:
                out += s.marks
        return out


@dataclass
class Edited:
    """A reviewed document: its paragraphs, comments and properties."""

    path: str
    sources: list[Source]
    comments: list[Comment]
    identifier: str  # the core properties' identifier (role, version, content hash)
    language: str
    description: str  # the core properties' description (the trace line)
    story_texts: dict[str, list[str]]  # view → the texts of the headers and footers

    def paragraphs(self, view: str) -> list[Para]:
        """Return the paragraphs of `view` (ACCEPT or REJECT), joined where a paragraph
        mark is removed in it and left out where nothing of them is left."""
        out: list[Para] = []
        pending: list[Source] = []
        for n, s in enumerate(self.sources):
            pending.append(s)
            if s.joins.get(view) and n + 1 < len(self.sources) and \
                    self.sources[n + 1].table == s.table:
                continue
            text = "".join(p.texts.get(view, "") for p in pending)
            shown = [p for p in pending if p.texts.get(view, "").strip()]
            if any(p.joins.get(view) for p in pending[:-1]) and not shown:
                pending = []
                continue  # a paragraph deleted (or inserted) whole: nothing of it is left
            out.append(Para(shown or pending[-1:], text, view))
            pending = []
        return out


def normal(text: str) -> str:
    """Return text as a comparison sees it: no-break spaces as spaces, blanks collapsed,
    soft hyphens out, a non-breaking hyphen as a hyphen."""
    text = text.replace("\u00ad", "").replace("\u2011", "-")
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def short(text: str, width: int = 60) -> str:
    """Return a paragraph's text for a message: normalized, cut at `width` characters."""
    text = normal(text)
    return text if len(text) <= width else text[:width - 1] + "…"

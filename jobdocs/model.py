"""The plain objects jobdocs passes between its stages: no I/O here.

A role as its file says it, and a document as resolved; the frame a document
prints around its clauses is in frame/printed.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from .errors import UsageError
from .frame.printed import Frame
from .house_style import HouseStyle


class Mark(NamedTuple):
    """A position in a file; line and column count from 1."""

    path: str
    line: int
    column: int


#: The built-in sections in their default order; the first five are required unless a
#: house style says otherwise.
SECTIONS = ("general", "duties", "rights", "responsibility", "evaluation", "relationships", "final")
REQUIRED_SECTIONS = SECTIONS[:5]

#: What a document prints where a value is to be filled in by hand.
BLANK = "________________"

#: Grammatical cases a title may be given in. Which ones a language requires, its
#: catalog declares (resolve.i18n.title_forms).
CASES = ("nominative", "genitive", "dative", "accusative", "instrumental", "prepositional")


@dataclass(frozen=True)
class Title:
    """A job title with its grammatical forms; `str()` gives the nominative.

    In clause text `{{ title.genitive }}` prints the genitive; languages
    without cases give the same form for every case.
    """

    forms: Mapping[str, str]
    mark: Mark | None = field(default=None, compare=False)  # where the role file gives it

    def __str__(self) -> str:
        return self.forms["nominative"]

    def __getattr__(self, case: str) -> str:
        if case.startswith("_"):
            raise AttributeError(case)
        try:
            return self.forms[case]
        except KeyError:
            if len(set(self.forms.values())) == 1 and case in CASES:
                return self.forms["nominative"]
            raise AttributeError(f"the title has no {case} form") from None

    @classmethod
    def plain(cls, text: str) -> Title:
        """Return a title that reads the same in every case (English, German, Swedish)."""
        return cls({case: text for case in CASES})


#: Clauses nest at most this many levels (1.1 is level 1, 1.1.1.1.1.1.1 level 6).
MAX_DEPTH = 6

_T = TypeVar("_T")


def made(cls: type[_T], **fields: Any) -> _T:
    """Return `cls(**fields)` for a frozen dataclass given every field, without the
    generated `__init__`'s `object.__setattr__` a field: building and resolving a role
    makes a Clause and two DocClauses per clause, and that was a twentieth of checking
    it. The fields are not checked: only a caller that names each one uses this."""
    made = object.__new__(cls)
    made.__dict__.update(fields)
    return made


@dataclass(frozen=True)
class Clause:
    """One clause of a role, as the author wrote it, with its sub-clauses.

    `children` are numbered sub-clauses (`clauses:`) when `numbered`, else
    the dashed items of a list (`items:`); a clause has one kind or the other.
    """

    id: str
    text: Mapping[str, str]
    children: tuple[Clause, ...] = ()
    numbered: bool = False
    mark: Mark | None = None
    text_marks: Mapping[str, Mark] = field(default_factory=dict)
    text_styles: Mapping[str, str | None] = field(default_factory=dict)
    origin: str = ""  # the role id the clause was written in (after inheritance)
    law: tuple[str, ...] = ()  # the jurisdictions it holds under; () everywhere
    # The hash of the reference text each translation follows, per language (`follows:`).
    follows: Mapping[str, str] = field(default_factory=dict)
    silence: Mapping[str, str] = field(default_factory=dict)  # lint rule → the reason

    def walk(self) -> Iterator[Clause]:
        """Yield this clause and every clause under it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class SectionDecl:
    """A section a role, a profile or jobdocs.yaml declares beside the built-in ones."""

    key: str
    heading: Mapping[str, str]  # per language
    after: str | None = None  # the section it follows ...
    before: str | None = None  # ... or precedes
    intro: Mapping[str, str] = field(default_factory=dict)  # a lead-in sentence per language
    mark: Mark | None = None  # where it is declared
    source: str = ""  # "role", "profile" or "project"
    law: tuple[str, ...] = ()  # the jurisdictions it is printed under; () everywhere


@dataclass(frozen=True)
class SectionRules:
    """A house style's rules for sections (`house_style: {sections: ...}`): the order they
    print in and which ones every role must fill."""

    order: tuple[str, ...] = SECTIONS
    required: tuple[str, ...] = REQUIRED_SECTIONS
    mark: Mark | None = None  # where it is given (None: the default)


@dataclass(frozen=True)
class Role:
    """A validated role: what a role file says, before numbering and rendering."""

    id: str
    version: str
    languages: tuple[str, ...]
    title: Mapping[str, Title]
    sections: Mapping[str, tuple[Clause, ...]]
    vars: Mapping[str, Any] = field(default_factory=dict)
    path: str = ""
    extends: str | None = None
    chain: tuple[str, ...] = ()  # the roles it derives from, its parent first
    declared: tuple[SectionDecl, ...] = ()  # its own and inherited section declarations
    section_marks: Mapping[str, Mark] = field(default_factory=dict)  # section key → its key
    # The jurisdictions it is written for, each with the languages it is written in there;
    # empty: every jurisdiction, in every language.
    law: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    reference: str = ""  # the language legal reviews; translations follow its texts
    # Officers clause text names (`officers.line_manager`): the role's defaults, by name
    # and language; a profile's win.
    officers: Mapping[str, Mapping[str, Title]] = field(default_factory=dict)
    reports_to: str = ""  # the profile's officer who is its line manager ("": line_manager)
    # Facts a frame's table of fields prints (department, location, grade, flsa, deputy,
    # responsible_for): a text, or a text per language; flsa is exempt or non-exempt.
    details: Mapping[str, Any] = field(default_factory=dict)

    def require_language(self, lang: str) -> None:
        """Raise UsageError unless the role is written in `lang`: every command and the
        server say it in these words."""
        if lang not in self.languages:
            raise UsageError(f"role '{self.id}' is written in {', '.join(self.languages)}, "
                             f"not '{lang}'")


@dataclass(frozen=True)
class Signatory:
    """A person who signs a block: position, name (initials and surname) and date."""

    position: str = ""
    name: str = ""
    date: dt.date | None = None


@dataclass(frozen=True)
class DocClause:
    """A rendered clause with its computed number (`2.7`, `1.6.1`) and its children.

    A dashed item of a list is a DocClause too, with number "". `numbered`
    says whether the children print as numbered sub-clauses or as a dashed
    list; `level` is 1 for a section's clauses, 2 for their children, and so on.
    """

    id: str
    number: str
    text: str
    children: tuple[DocClause, ...] = ()
    numbered: bool = False
    origin: str = ""
    level: int = 1

    def walk(self) -> Iterator[DocClause]:
        """Yield this clause and every clause under it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class DocSection:
    """A rendered section: number, localized heading, opening sentence, clauses."""

    key: str
    number: int
    heading: str
    intro: str
    clauses: tuple[DocClause, ...]


@dataclass(frozen=True)
class Document:
    """One job description in one language, ready for any writer.

    Every text in it is final: numbers computed, references resolved, frame
    wording translated. Writers only lay it out.
    """

    role_id: str
    role_version: str
    lang: str
    locale: str
    title: Title
    organization: str
    place: str
    number: str
    date: dt.date | None
    approver: Signatory
    author: Signatory
    agreements: tuple[Signatory, ...]
    sections: tuple[DocSection, ...]
    acknowledgement_rows: int
    content_hash: str
    frame: Frame
    house_style: HouseStyle = field(default_factory=HouseStyle)  # margins and font
    wording: tuple[str, ...] = ()  # a company's folders of templates, searched first
    law: str = ""  # the jurisdiction it follows (jurisdictions.py), "" for none
    officers: Mapping[str, Title] = field(default_factory=dict)  # approver, line_manager ...

    def clauses(self) -> list[DocClause]:
        """Return the clauses of every section (the top level), in document order."""
        return [c for s in self.sections for c in s.clauses]

    def all_clauses(self) -> list[DocClause]:
        """Return every clause at every level, dashed items included, in document order."""
        out: list[DocClause] = []
        for s in self.sections:
            _every(s.clauses, out)
        return out


def _every(clauses: tuple[DocClause, ...], out: list[DocClause]) -> None:
    """Add `clauses` and every clause under them to `out`, in document order (walk()'s
    order, without a generator per clause: checking lists each document's clauses)."""
    for c in clauses:
        out.append(c)
        if c.children:
            _every(c.children, out)

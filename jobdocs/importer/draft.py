"""What an import recognizes in a document, before it becomes a role file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem


@dataclass
class DraftClause:
    """A clause as the document numbered it; `path` is its number inside the section
    ((6, 1) for 1.6.1), empty for a dashed item."""

    text: str
    line: int
    path: tuple[int, ...] = ()
    label: str = ""  # the number as typed: "1.6.1"
    children: list[DraftClause] = field(default_factory=list)
    numbered: bool = False  # the children are numbered sub-clauses, not dashed items
    id: str = ""
    texts: dict[str, str] = field(default_factory=dict)  # per language, once built

    def walk(self) -> Iterator[DraftClause]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class DraftSection:
    """A section: a built-in key, or a heading jobdocs does not know (declared)."""

    key: str
    heading: str
    line: int
    number: int | None = None
    declared: bool = False
    intro: str = ""
    intro_line: int = 0
    clauses: list[DraftClause] = field(default_factory=list)
    prefixed: bool | None = None  # clauses numbered "2.4" (True) or "4" (False)
    headings: dict[str, str] = field(default_factory=dict)  # per language, once built
    intros: dict[str, str] = field(default_factory=dict)

    def walk(self) -> Iterator[DraftClause]:
        for c in self.clauses:
            yield from c.walk()


@dataclass
class Draft:
    """A document read into sections and clauses, with what the frame held."""

    path: str
    lang: str
    title: str = ""  # as the heading gave it (the genitive in Russian)
    title_line: int = 0
    sections: list[DraftSection] = field(default_factory=list)
    profile: dict[str, Any] = field(default_factory=dict)  # organization, approver, ...
    findings: list[Problem] = field(default_factory=list)
    targets: list[DraftClause] = field(default_factory=list)  # what each reference names
    role_id: str = ""

    def find(self, line: int, message: str, rule: str, severity: str = "warning") -> None:
        """Record a finding at a line of the source."""
        self.findings.append(Problem(self.path, line or None, None, message, rule, severity))

    def clauses(self) -> Iterator[DraftClause]:
        for s in self.sections:
            yield from s.walk()

"""The review a document carries: its comments and tracked changes, at their clauses.

A comment or a tracked change belongs to the clause of the paragraph it is
anchored in; one in a paragraph the chosen view drops (a deleted clause) to the
clause its mark names; one in the frame to the document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..render.docx import marks
from .edited import Edited, normal
from .placing import Outline


@dataclass(frozen=True)
class Note:
    """A comment or a tracked change at a clause ("" for the frame, or a section key)."""

    kind: str  # comment, insert, delete, move, format
    clause: str
    number: str
    paragraph: int
    author: str
    date: str
    text: str


def notes(edited: Edited, outline: Outline, numbers: dict[str, str],
          known: Iterable[str]) -> list[Note]:
    """Return every comment and tracked change of the document, at its clause."""
    at: dict[int, tuple[str, str]] = {}
    known = list(known)
    for source in edited.sources:  # a paragraph's own mark names its clause, even deleted
        for name in source.marks:
            cid = marks.decode(name, known)
            if cid and not name.startswith(marks.SECTION):
                at.setdefault(source.index, (cid, numbers.get(cid, "")))
                break
    for key, (_, para) in outline.headings.items():
        for source in para.sources:
            at[source.index] = (key, "")
    for node in outline.nodes():
        for source in node.para.sources:
            at[source.index] = (node.id, node.label or numbers.get(node.id, ""))
    out = []
    for c in edited.comments:
        cid, number = at.get(c.paragraph, ("", ""))
        out.append(Note("comment", cid, number, max(c.paragraph, 0), c.author, _day(c.date),
                        c.text))
    for source in edited.sources:
        cid, number = at.get(source.index, ("", ""))
        for r in source.revisions:
            if r.text == "¶":
                continue  # a paragraph mark: part of the paragraph inserted or deleted
            out.append(Note(r.kind, cid, number, source.index, r.author, _day(r.date),
                            normal(r.text)))
    return out


def _day(date: str) -> str:
    """Return a w:date as a reader wants it: 2026-11-30 14:05 (UTC, as Word stores it)."""
    if not date[:4].isdigit() or date.startswith("0"):
        return ""  # none, or LibreOffice's «0-00-00» for none
    if "T" not in date:
        return date
    day, time = date.split("T", 1)
    return f"{day} {time[:5]}" if time[:5] not in ("00:00", "") else day

"""The marks that tie a DOCX paragraph to its clause: one hidden bookmark per paragraph.

Each clause, sub-clause and item paragraph carries a bookmark around its whole
content named after the clause id (`_jd_advise_on_orders`), and each section
heading one named after the section key (`_jds_duties`). A bookmark prints
nothing; a name starting with "_" is hidden from Word's Bookmark dialog, so a
reviewer never sees them. Word keeps names of at most 40 characters, letters,
digits and "_" only: a hyphen becomes "_" (ids have no "_", so the name reads
back), and an id too long for that ends in a hash of itself instead, which
reads back against the ids a role has. Why bookmarks and not content controls:
docs/review-in-word.md, "How a clause keeps its identity".
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

CLAUSE = "_jd_"
SECTION = "_jds_"
#: The longest bookmark name Word keeps.
MAX_NAME = 40
_HASHED = 8
_START, _END, _PPR = qn("w:bookmarkStart"), qn("w:bookmarkEnd"), qn("w:pPr")
_ID, _NAME_ATTR = qn("w:id"), qn("w:name")
_NAME = re.compile(r"_jds?_[a-z0-9_]+")
#: What LibreOffice appends to a bookmark it pastes while the original is still there.
_COPY = re.compile(r"(_jds?_[a-z0-9_]+?)_Copy_\d+")


def clause_name(clause_id: str) -> str:
    """Return the bookmark name of a clause id."""
    return _name(CLAUSE, clause_id)


def section_name(key: str) -> str:
    """Return the bookmark name of a section key."""
    return _name(SECTION, key)


def _name(prefix: str, key: str) -> str:
    readable = prefix + key.replace("-", "_")
    if len(readable) <= MAX_NAME:
        return readable
    digest = hashlib.sha256(key.encode()).hexdigest()[:_HASHED]
    return f"{readable[:MAX_NAME - _HASHED - 1]}_{digest}"


def is_mark(name: str) -> bool:
    """Whether a bookmark name is one of ours (or a copy of one)."""
    return bool(_NAME.fullmatch(name) or _COPY.fullmatch(name))


def copied(name: str) -> str | None:
    """Return the name a pasted copy of a bookmark was made from (LibreOffice names a
    copy «NAME_Copy_1»), or None for a name that is no copy."""
    m = _COPY.fullmatch(name)
    return m.group(1) if m else None


def decode(name: str, known: Iterable[str] = (), prefix: str = CLAUSE) -> str | None:
    """Return the clause id (or section key, with `prefix` SECTION) a bookmark name
    stands for: one of `known` whose name it is, else the id it spells out, else None."""
    for key in known:
        if _name(prefix, key) == name:
            return key
    if not name.startswith(prefix) or not _NAME.fullmatch(name):
        return None
    key = name[len(prefix):]
    if len(name) == MAX_NAME and re.search(r"_[0-9a-f]{8}$", key):
        return None  # a long id's name: only the role's own ids read it back
    return key.replace("_", "-")


def bookmark(p: Any, name: str, number: int) -> None:
    """Wrap a paragraph element's content (after its properties) in a bookmark."""
    start, end = _MADE.__copy__()  # (lxml copies the whole element)
    number_text = str(number)
    start.set(_ID, number_text)
    start.set(_NAME_ATTR, name)
    end.set(_ID, number_text)
    ppr = p.find(_PPR)
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def rename(p: Any, name: str, number: int, at: int) -> None:
    """Give the bookmark of a paragraph element (a copy of a marked one, its start the
    child at `at`) a name and id."""
    start = p[at]
    start.set(_ID, str(number))
    start.set(_NAME_ATTR, name)
    p[-1].set(_ID, str(number))


#: A bookmark's two elements, to copy (a copy costs a third of making them).
_MADE = OxmlElement("w:p")
_MADE.append(_MADE.makeelement(_START, {_ID: "0", _NAME_ATTR: ""}))
_MADE.append(_MADE.makeelement(_END, {_ID: "0"}))


class Marks:
    """Bookmark the paragraphs of one document, with ids unique in it."""

    def __init__(self) -> None:
        self.count = 0

    def clause(self, paragraph: Any, clause_id: str) -> None:
        """Mark a clause's paragraph (a python-docx Paragraph or a w:p element)."""
        self._mark(paragraph, clause_name(clause_id))

    def section(self, paragraph: Any, key: str) -> None:
        """Mark a section heading's paragraph."""
        self._mark(paragraph, section_name(key))

    def take(self, name: str) -> tuple[str, int]:
        """Return a bookmark's name with the next id, for a paragraph made with its mark
        (`Body.add(..., mark=...)`): the id each mark takes in the order they are taken."""
        self.count += 1
        return name, self.count - 1

    def _mark(self, paragraph: Any, name: str) -> None:
        bookmark(getattr(paragraph, "_p", paragraph), *self.take(name))

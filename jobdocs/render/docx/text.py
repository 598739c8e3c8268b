"""Text from the Document model as Word runs take it: plain text, one line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ...resolve.typography import nbsp
from .xmlsafe import INVALID

# Whitespace that would act as layout (a tab would jump to a tab stop): a role's text is
# plain text.
_LAYOUT_SPACE = re.compile(r"[\t\r\n]+")
#: The texts `plain` took characters XML cannot hold from, while someone is `noting`.
_NOTED: ContextVar[list[str] | None] = ContextVar("jobdocs_docx_noted", default=None)


def plain(text: str) -> str:
    """Return model text as one run of plain text: no tabs, breaks or characters XML
    cannot hold, and no-break spaces where a line must not break (between initials and
    surname ...)."""
    found = _PLAIN.get(text)
    if found is not None:
        return found
    if INVALID.search(text):
        noted = _NOTED.get()
        if noted is not None:
            noted.append(text)
        return _plain(INVALID.sub("", text))  # (never kept: it is noted each time)
    made = _plain(text)
    if len(text) <= SHORT:
        if len(_PLAIN) >= KEPT:
            _PLAIN.clear()
        _PLAIN[text] = made
    return made


def _plain(text: str) -> str:
    if "\t" in text or "\n" in text or "\r" in text:  # (rare: three looks cost less)
        text = _LAYOUT_SPACE.sub(" ", text)
    return nbsp(text)


#: The short texts made plain before, as made: the documents of a library share most of
#: their frame's (captions, headings, the sheet's columns, signatories), and most of the
#: ~190 texts of a job description are those. Long texts (clauses) are the documents'
#: own; the kept ones are bounded, and forgotten all at once when full.
_PLAIN: dict[str, str] = {}
SHORT = 100
KEPT = 2048


@contextmanager
def noting() -> Iterator[list[str]]:
    """Collect the texts `plain` drops characters from, in this thread, while open."""
    noted: list[str] = []
    token = _NOTED.set(noted)
    try:
        yield noted
    finally:
        _NOTED.reset(token)

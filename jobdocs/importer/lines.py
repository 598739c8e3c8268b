"""What a document to import is read into: numbered lines with what their markup said
(`Line`, `Source`), and the error of a file that cannot be imported at all."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import JobdocsError

#: The first bytes of an old .doc, or of an encrypted DOCX.
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Line:
    """One paragraph of the source, with what its markup said about it.

    `text` is the paragraph with its whitespace collapsed, a typed or Word
    list number included ("1.6.1. ..."); `line` is the line (text, Markdown)
    or paragraph (DOCX) it came from, counting from 1.
    """

    text: str
    line: int
    heading: int = 0  # heading level from markup (Markdown '#', Word Heading N); 0: none
    bullet: int = 0  # dashed list level from markup (Word bullets); 0: none
    style: str = ""  # the Word paragraph style


@dataclass(frozen=True)
class Source:
    """A document read into lines, and what could not be read into them (line, why)."""

    path: str
    lines: tuple[Line, ...]
    notes: tuple[tuple[int, str], ...] = ()


class BadInput(JobdocsError):
    """A file that cannot be imported at all: nothing is written for it."""


#: What YAML cannot hold (control characters, a lone surrogate, U+FFFE): no text either.
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """Collapse the whitespace of a paragraph (tabs, no-break spaces, line breaks) and drop
    the characters no text holds (a terminal's escape codes among them)."""
    return " ".join(_UNPRINTABLE.sub("", text.replace("\u00ad", "")).split())

"""Read a document to import into numbered lines: plain text and Markdown here,
DOCX in `docx_source`. Bad input is one clear error; nothing is guessed."""

from __future__ import annotations

import re
from pathlib import Path

from ..intake import DOCUMENT, TEXT, read_bytes
from .lines import OLE, BadInput, Line, Source, clean

#: The suffixes `jobdocs import` reads, and how.
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
DOCX_SUFFIXES = (".docx", ".docm")


def read_source(path: Path) -> Source:
    """Return the lines of a DOCX, Markdown or plain-text file, read through the one
    reader: a regular file under the cap of its kind (a FIFO, /dev/zero or a 130 MB
    text is one clear error)."""
    suffix = path.suffix.lower()
    if path.is_dir():
        raise BadInput(f"{path}: is a directory; give the documents in it ({path}/*.docx)")
    kind = TEXT if suffix in TEXT_SUFFIXES + MARKDOWN_SUFFIXES else DOCUMENT
    data = read_bytes(path, kind)
    notes: list[tuple[int, str]] = []
    if suffix in DOCX_SUFFIXES or data[:4] == b"PK\x03\x04" or data[:8] == OLE:
        from .docx_source import read_docx

        lines, notes = read_docx(path, data)
    elif suffix in TEXT_SUFFIXES + MARKDOWN_SUFFIXES or not suffix:
        text = decode(path, data)
        lines = markdown_lines(text) if suffix in MARKDOWN_SUFFIXES else text_lines(text)
    else:
        raise BadInput(f"{path}: cannot import a '{suffix}' file; give a .docx, .md or .txt "
                       "(save other formats as .docx from Word or LibreOffice)")
    found = tuple(x for x in lines if x.text)
    if not found:
        raise BadInput(f"{path}: the document has no text to import"
                       + (" (only images or empty paragraphs)" if suffix in DOCX_SUFFIXES
                          else ""))
    return Source(str(path), found, tuple(notes))


def decode(path: Path, data: bytes) -> str:
    """Return the text of a UTF-8 (or BOM-marked UTF-16) file, or fail naming the line."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise BadInput(f"{path}:{line}: the text is not UTF-8 (byte {data[e.start]:#04x}); "
                       "save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)") from None


def text_lines(text: str) -> list[Line]:
    """Return one Line per non-empty line of plain text."""
    if "\x00" in text:
        raise BadInput("the file holds NUL bytes: it is not a text file")
    return [Line(clean(t), n) for n, t in enumerate(text.splitlines(), start=1)]


_MD_HEADING = re.compile(r"(#{1,6})\s+")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: any ASCII punctuation
_MD_STRONG = re.compile(r"(\*\*)(.+?)\1")
_MD_TABLE = re.compile(r"^\|.*\|$")


def markdown_lines(text: str) -> list[Line]:
    """Return the paragraphs of a Markdown file, markup removed; `---` stays a line."""
    lines = []
    in_comment = False
    for n, raw in enumerate(text.splitlines(), start=1):
        t = raw.strip()
        if in_comment or t.startswith("<!--"):
            in_comment = "-->" not in t
            continue
        if _MD_TABLE.match(t):
            cells = [c.strip() for c in t.strip("|").split("|")]
            t = " | ".join(c for c in cells if c and not set(c) <= set("-: "))
            if not t or t.isdigit() or all(c.isdigit() for c in t.split(" | ")):
                continue
            lines.append(Line(_unescape(t), n, style="table"))
            continue
        level = 0
        m = _MD_HEADING.match(t)
        if m:
            level, t = len(m.group(1)), _heading_text(t[m.end():])
        if t.endswith("\\"):  # a hard line break: the next line is a paragraph of its own
            t = t[:-1]
        lines.append(Line(_unescape(clean(t)), n, heading=level))
    return lines


def _heading_text(rest: str) -> str:
    """Return an ATX heading's text without its closing #s (CommonMark), in linear time
    (a pattern such as `(.*?)\\s*#*\\s*$` takes cubic time over inner spaces)."""
    rest = rest.strip()
    bare = rest.rstrip("#")
    if bare != rest and (not bare or bare[-1] in " \t"):
        rest = bare.rstrip()
    return rest


def _unescape(text: str) -> str:
    return _MD_ESCAPE.sub(r"\1", _MD_STRONG.sub(r"\2", text))

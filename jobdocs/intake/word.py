"""The one opener of Word packages, their XML parsed safely, and numbers read from them.

A reference document, a document to import or any other .docx a user gives is a
zip of XML parts; before python-docx (or anything else) sees it, it must be:

- at most MAX_PARTS parts and MAX_UNPACKED bytes unpacked, as they declare and as
  they really unpack (a part that unpacks to more than it declares is refused);
- no part of over RATIO_FROM bytes packed more tightly than MAX_RATIO to one
  (a zip bomb: a 1.5 MB file whose image is 1.5 GB of zeros);
- well-formed XML in every XML part, parsed without entities, DTDs or network.

Every number read from such a document (a list level, a start value, an outline
level) goes through `word_int`, which reads ASCII digits only and clamps the
value to the range Word itself allows: a level of 10**9 or a start of `²` is
not a reason to loop for ever, build gigabytes or crash.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from . import reader
from .reader import Kind, Unreadable

MAX_PARTS = 1000
MAX_UNPACKED = 100 * reader.MB
MAX_RATIO = 100
#: Parts smaller than this may be packed as tightly as they like (XML repeats itself).
RATIO_FROM = reader.MB

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                         load_dtd=False)

#: The ranges Word keeps these numbers in (ECMA-376 and Word's own dialogs).
LEVELS = (0, 8)  # w:ilvl
STARTS = (0, 32767)  # w:start, w:startOverride
OUTLINE = (0, 9)  # w:outlineLvl (9: body text)
HEADINGS = (1, 9)  # "Heading N"

_INT = re.compile(r"[+-]?[0-9]{1,15}")


def word_int(value: object, bounds: tuple[int, int], default: int) -> int:
    """Return a number of a foreign document as an int inside `bounds`, or `default`
    when it is not a number written with ASCII digits."""
    text = str(value).strip() if value is not None else ""
    if not _INT.fullmatch(text):
        return default
    lo, hi = bounds
    return min(max(int(text), lo), hi)


@dataclass
class Package:
    """The checked parts of a Word package, by name."""

    path: str
    kind: Kind
    parts: dict[str, bytes]

    def xml(self, name: str) -> etree._Element | None:
        """Return part `name` parsed safely, or None when the package has no such part."""
        content = self.parts.get(name)
        return None if content is None else parse_xml(content, self.path, name)

    def xml_parts(self) -> Iterator[tuple[str, etree._Element]]:
        """Yield every XML part, parsed safely (one clear error for a broken one)."""
        for name, content in self.parts.items():
            if name.endswith((".xml", ".rels")):
                yield name, parse_xml(content, self.path, name)

    def to_bytes(self, compress: bool = True) -> bytes:
        """Return the parts as a zip again (stored, for a reader in this process, is fastest)."""
        buf = io.BytesIO()
        method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        with zipfile.ZipFile(buf, "w", method) as out:
            for name, content in self.parts.items():
                out.writestr(name, content)
        return buf.getvalue()


def read_package(path: Path | str, kind: Kind, *, within: Path | str | None = None,
                 text_only: bool = False) -> Package:
    """Read the Word package at `path` through the one reader and open it (see open_package)."""
    return open_package(reader.read_bytes(path, kind, within=within), path, kind, text_only)


def open_package(data: bytes, path: Path | str, kind: Kind, text_only: bool = False) -> Package:
    """Return the parts of the Word package `data` (read from `path`), checked.

    With `text_only` (a document read for its text), parts that are not XML
    (images, embedded files) are not unpacked at all: they stay empty, so a
    zip bomb in an image costs nothing and stops nothing."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        raise Unreadable(path, f"not a Word document (.docx); give the {kind.name} as a .docx "
                         "file") from None
    with archive:
        package = Package(str(path), kind, _unpack(path, archive, kind, text_only))
    for name, content in package.parts.items():
        if _is_xml(name):
            parse_xml(content, str(path), name)  # one clear error for a broken part, now
    return package


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


def _unpack(path: Path | str, archive: zipfile.ZipFile, kind: Kind,
            text_only: bool) -> dict[str, bytes]:
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise Unreadable(path, f"the {kind.name} has {len(infos):,} parts; a Word document "
                         f"has far fewer (at most {MAX_PARTS:,} are read)", "size")
    parts: dict[str, bytes] = {}
    if text_only:
        parts = {i.filename: b"" for i in infos if not _is_xml(i.filename)}
        infos = [i for i in infos if _is_xml(i.filename)]
    if sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise _unpacks_to_more(path, kind)
    total = 0
    for info in infos:
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size,
                                                                             1):
            raise Unreadable(path, f"part {info.filename} is packed more than {MAX_RATIO} "
                             "times tighter than a Word file's parts are (a zip bomb?)", "size")
        try:
            with archive.open(info) as member:
                content = member.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError,
                ValueError) as e:
            raise Unreadable(path, f"part {info.filename} cannot be unpacked ({e}); open the "
                             "document in Word and save it again") from None
        if len(content) != info.file_size:
            raise Unreadable(path, f"part {info.filename} is not the size it declares; open "
                             "the document in Word and save it again")
        total += len(content)
        if total > MAX_UNPACKED:
            raise _unpacks_to_more(path, kind)
        parts[info.filename] = content
    return parts


def _unpacks_to_more(path: Path | str, kind: Kind) -> Unreadable:
    return Unreadable(path, f"the {kind.name} unpacks to more than "
                      f"{MAX_UNPACKED // reader.MB} MB; it is not a plain Word document", "size")


def parse_xml(content: bytes, path: Path | str, part: str) -> etree._Element:
    """Return an XML part parsed without entities, DTDs or network access."""
    try:
        return etree.fromstring(content, PARSER)
    except etree.XMLSyntaxError as e:
        raise Unreadable(path, f"part {part} is not well-formed XML (line {e.lineno}); open the "
                         "document in Word and save it again") from None

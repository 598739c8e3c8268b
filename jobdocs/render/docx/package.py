"""Save a DOCX package so that the same inputs give the same bytes.

python-docx stamps zip entries with the clock; here every entry gets the
same timestamp and a fixed order, and the core properties take their dates
from the document, not from the day it was rendered.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from babel.core import get_global
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ...model import Document

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
FIRST = "[Content_Types].xml"  # readers expect it first


@lru_cache(maxsize=64)  # asked twice per document; Babel's table look-ups are not free
def language_tag(lang: str, locale: str = "") -> str:
    """Return the BCP 47 tag Word's spell-checker wants: `ru` → `ru-RU`, `en_GB` → `en-GB`."""
    parts = (locale or lang).replace("-", "_").split("_")
    if len(parts) == 1:
        parts = str(get_global("likely_subtags").get(parts[0], parts[0])).split("_")
    territory = [p for p in parts[1:] if len(p) == 2 or p.isdigit()]
    return "-".join([parts[0], *territory[:1]])


def set_language(document: Any, tag: str) -> None:
    """Make `tag` the language of every run that does not say otherwise."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        document.styles.element.insert(0, defaults)
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = OxmlElement("w:rPrDefault")
            defaults.insert(0, rpr_default)
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


def revision(version: str) -> int:
    """Return the whole-number revision a role version gives: '3' → 3, '2.1' → 2, 'draft' → 1."""
    head = version.split(".", 1)[0]
    return int(head) if head.isdigit() and len(head) <= 9 and int(head) > 0 else 1


#: The most characters a core property holds (Word's limit, which python-docx enforces).
PROPERTY_LIMIT = 255


def fit(text: str) -> str:
    """Return `text` cut to what a core property holds (the document itself keeps it all)."""
    return text if len(text) <= PROPERTY_LIMIT else text[:PROPERTY_LIMIT - 1] + "…"


def set_core_properties(document: Any, doc: Document, *, title: str, subject: str,
                        comments: str) -> None:
    """Describe the document in its core properties, dated from its inputs only."""
    describe(document.core_properties, doc, title=title, subject=subject, comments=comments)


def describe(props: Any, doc: Document, *, title: str, subject: str, comments: str) -> None:
    """Describe a document in core properties (python-docx's), dated from its inputs only."""
    props.title = fit(title)
    props.subject = fit(subject)
    props.comments = fit(comments)
    props.keywords = fit(doc.role_id)
    props.identifier = fit(f"{doc.role_id} {doc.role_version} {doc.content_hash}")
    props.version = fit(doc.role_version)
    props.revision = revision(doc.role_version)
    props.language = fit(language_tag(doc.lang, doc.locale))
    props.author = fit(doc.author.name or "jobdocs")
    props.last_modified_by = "jobdocs"
    props.category = ""
    if doc.date:
        props.created = props.modified = dt.datetime.combine(doc.date, dt.time())
    else:  # no date is known: say none, rather than invent one
        props._element._remove_created()
        props._element._remove_modified()


def save(document: Any) -> bytes:
    """Return the bytes of `document`, the same for the same content.

    The parts go straight into one zip with fixed timestamps and order
    (python-docx would write a zip to be rewritten: twice the work).
    """
    found = members(document)
    if found is None:  # a python-docx whose package writer is laid out otherwise
        raw = io.BytesIO()
        document.save(raw)
        return normalize(raw.getvalue())
    return zip_members(found)


def members(document: Any) -> dict[str, bytes] | None:
    """Return what python-docx would put in the package's zip: {member name: bytes}
    (None when its package writer is laid out otherwise)."""
    package = document.part.package
    try:
        from docx.opc import pkgwriter

        # Its private steps, called on our collector: typed for a physical zip writer.
        writer: Any = pkgwriter.PackageWriter
        parts = list(package.parts)
        for part in parts:
            part.before_marshal()
        found = _Members()
        writer._write_content_types_stream(found, parts)
        writer._write_pkg_rels(found, package.rels)
        writer._write_parts(found, parts)
    except AttributeError:
        return None
    return found.blobs


class _Members:
    """Collect what python-docx's package writer would put in a zip: {member name: bytes}."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.blobs[pack_uri.membername] = blob


def normalize(data: bytes) -> bytes:
    """Rewrite a zip package with fixed timestamps, attributes and entry order."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return zip_members({name: src.read(name) for name in src.namelist()})


class Deflated(NamedTuple):
    """A zip member's bytes compressed once, to be written into many zips."""

    crc: int
    size: int
    data: bytes


def deflate(data: bytes) -> Deflated:
    """Compress a member as zipfile does (default level, raw deflate)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return Deflated(zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())


_DOS_TIME = ((ZIP_TIME[3] << 11 | ZIP_TIME[4] << 5 | ZIP_TIME[5] // 2),
             ((ZIP_TIME[0] - 1980) << 9 | ZIP_TIME[1] << 5 | ZIP_TIME[2]))
_VERSION = 20  # deflate
_ATTRIBUTES = 0o600 << 16  # what zipfile gives a member that says none


def zip_members(members: Mapping[str, bytes | Deflated]) -> bytes:
    """Return a zip of `members` (bytes, or compressed once already) with fixed
    timestamps and attributes, [Content_Types] first and the rest by name: the bytes
    Python's zipfile writes for them, without compressing a member twice."""
    out: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for name in sorted(members, key=lambda n: (n != FIRST, n)):
        member = members[name]
        packed = member if isinstance(member, Deflated) else deflate(member)
        encoded, flags = _name(name)
        fields = (_VERSION, 0, flags, zipfile.ZIP_DEFLATED, *_DOS_TIME, packed.crc,
                  len(packed.data), packed.size, len(encoded))
        out += [struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", *fields, 0), encoded, packed.data]
        directory += [struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", _VERSION, 0, *fields,
                                  0, 0, 0, 0, _ATTRIBUTES, offset), encoded]
        offset += 30 + len(encoded) + len(packed.data)
    listing = b"".join(directory)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members),
                      len(listing), offset, 0)
    return b"".join(out) + listing + end


def _name(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), 0x800

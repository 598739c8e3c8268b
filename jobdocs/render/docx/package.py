"""Save a DOCX package so that the same inputs give the same bytes.

python-docx stamps zip entries with the clock; here every entry gets the
same timestamp and a fixed order, and the core properties take their dates
from the document, not from the day it was rendered.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from babel.core import get_global
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ...model import Document

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
FIRST = "[Content_Types].xml"  # readers expect it first


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
    props = document.core_properties
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
    package = document.part.package
    try:
        from docx.opc import pkgwriter

        # Its private steps, called on our collector: typed for a physical zip writer.
        writer: Any = pkgwriter.PackageWriter
        parts = list(package.parts)
        for part in parts:
            part.before_marshal()
        members = _Members()
        writer._write_content_types_stream(members, parts)
        writer._write_pkg_rels(members, package.rels)
        writer._write_parts(members, parts)
    except AttributeError:  # a python-docx whose package writer is laid out otherwise
        raw = io.BytesIO()
        document.save(raw)
        return normalize(raw.getvalue())
    return _zip(members.blobs)


class _Members:
    """Collect what python-docx's package writer would put in a zip: {member name: bytes}."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.blobs[pack_uri.membername] = blob


def normalize(data: bytes) -> bytes:
    """Rewrite a zip package with fixed timestamps, attributes and entry order."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return _zip({name: src.read(name) for name in src.namelist()})


def _zip(members: dict[str, bytes]) -> bytes:
    """Return a zip of `members` with fixed timestamps and attributes, [Content_Types]
    first and the rest by name."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(members, key=lambda n: (n != FIRST, n)):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, members[name])
    return out.getvalue()

"""Read a company's reference document safely: it comes from another department.

A reference document gives every output DOCX its styles, page and letterhead, so
whatever it carries is copied into every document jobdocs writes. It is read and
opened through the one door (jobdocs.intake): a regular file of at most 20 MB, a
zip within the limits of every Word package, well-formed XML in every part.

What a job description must not carry is dropped, each with a warning: macros
(`vbaProject.bin`, a `.docm`), ActiveX controls, the attached template (a remote
`attachedTemplate` makes Word fetch it when the document opens) and every other
external relationship (linked headers, remote images).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from lxml import etree

from ...errors import JobdocsWarning
from ...intake import reader, word

_MACRO_PART = re.compile(r"(?i)(^|/)(vbaProject\.bin|vbaData\.xml|activeX/.*)$")
_MACRO_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
_DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def load(path: Path, within: Path | None = None) -> bytes:
    """Return the reference document at `path` checked and cleaned, as .docx bytes;
    with `within` (a project folder), it must lie inside that folder.

    Raise Unreadable (one line: the file, what is wrong, what to do) when it
    cannot be used; warn (JobdocsWarning) for each thing dropped from it.
    """
    package = word.read_package(path, reader.REFERENCE, within=within)
    package.parts = _clean(path, package)
    return package.to_bytes()


def _clean(path: Path, package: word.Package) -> dict[str, bytes]:
    parts = package.parts
    trees = dict(package.xml_parts())
    dropped_parts = [n for n in parts if _MACRO_PART.search(n)]
    external: list[str] = []
    template = ""
    for name, tree in trees.items():
        if not name.endswith(".rels"):
            continue
        for rel in list(tree):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                if rel.get("Type", "").endswith("/attachedTemplate"):
                    template = target
                else:
                    external.append(target)
                tree.remove(rel)
            elif _MACRO_PART.search(target) or rel.get("Type", "").endswith("/vbaProject"):
                tree.remove(rel)
    settings = trees.get("word/settings.xml")
    if settings is not None:
        for el in settings.findall(f"{{{_W}}}attachedTemplate"):
            settings.remove(el)
    types = trees.get("[Content_Types].xml")
    if types is not None:
        for el in list(types):
            part = el.get("PartName", "").lstrip("/")
            if part in dropped_parts or el.get("Extension", "").lower() == "bin" and dropped_parts:
                types.remove(el)
            elif el.get("ContentType") == _MACRO_TYPE:
                el.set("ContentType", _DOCX_TYPE)
    if dropped_parts:
        _warn(f"{path}: dropped the macros and controls ({', '.join(dropped_parts)}); "
              "job descriptions carry none")
    if template:
        _warn(f"{path}: dropped the attached template {template}")
    if external:
        _warn(f"{path}: dropped {len(external)} external link(s) ({', '.join(external[:3])}); "
              "put what they show into the document itself")
    out = {n: c for n, c in parts.items() if n not in dropped_parts}
    for name, tree in trees.items():
        if name in out and (name.endswith(".rels") or name in _EDITED):
            out[name] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                                       standalone=True)
    return out


_EDITED = ("word/settings.xml", "[Content_Types].xml")


def _warn(message: str) -> None:
    warnings.warn(message, JobdocsWarning, stacklevel=4)


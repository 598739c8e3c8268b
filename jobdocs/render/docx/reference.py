"""Read a company's reference document safely: it comes from another department.

A reference document gives every output DOCX its styles, page and letterhead, so
whatever it carries is copied into every document jobdocs writes. Before python-docx
sees it, it must be:

- a regular file (not a FIFO that blocks for ever, not /dev/zero) of at most
  MAX_BYTES;
- a zip of at most MAX_MEMBERS parts, MAX_UNPACKED bytes unpacked, and no part
  packed more tightly than MAX_RATIO to one (a zip bomb);
- well-formed XML in every part (one clear error, naming the part, otherwise).

What a job description must not carry is dropped, each with a warning: macros
(`vbaProject.bin`, a `.docm`), ActiveX controls, the attached template (a remote
`attachedTemplate` makes Word fetch it when the document opens) and every other
external relationship (linked headers, remote images).
"""

from __future__ import annotations

import io
import os
import re
import stat
import warnings
import zipfile
from pathlib import Path

from lxml import etree

from ...errors import JobdocsError, JobdocsWarning

MAX_BYTES = 20 * 1024 * 1024
MAX_MEMBERS = 1000
MAX_UNPACKED = 100 * 1024 * 1024
MAX_RATIO = 100
#: Parts smaller than this may be packed as tightly as they like (XML repeats itself).
_RATIO_FROM = 1024 * 1024

_MACRO_PART = re.compile(r"(?i)(^|/)(vbaProject\.bin|vbaData\.xml|activeX/.*)$")
_MACRO_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
_DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          load_dtd=False)


def load(path: Path) -> bytes:
    """Return the reference document at `path` checked and cleaned, as .docx bytes.

    Raise JobdocsError (one line: the file, what is wrong, what to do) when it
    cannot be used; warn (JobdocsWarning) for each thing dropped from it.
    """
    data = _read(path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise JobdocsError(f"{path}: not a Word document (.docx); give --reference-doc a "
                           ".docx file") from None
    with archive:
        parts = _unpack(path, archive)
    return _repack(path, _clean(path, parts))


def _read(path: Path) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise JobdocsError(f"{path}: not a regular file; give --reference-doc a .docx file")
        fd = os.open(path, flags)  # O_NONBLOCK: a FIFO swapped in now cannot block us
    except OSError as e:
        raise JobdocsError(f"{path}: cannot read the reference document: "
                           f"{e.strerror or e}") from e
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise JobdocsError(f"{path}: not a regular file; give --reference-doc a .docx file")
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise JobdocsError(f"{path}: the reference document is larger than "
                           f"{MAX_BYTES // (1024 * 1024)} MB; a letterhead needs far less")
    return data


def _unpack(path: Path, archive: zipfile.ZipFile) -> dict[str, bytes]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise JobdocsError(f"{path}: the reference document has {len(infos)} parts; "
                           f"at most {MAX_MEMBERS}")
    if sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise JobdocsError(f"{path}: the reference document unpacks to more than "
                           f"{MAX_UNPACKED // (1024 * 1024)} MB; it is not a plain Word file")
    parts: dict[str, bytes] = {}
    for info in infos:
        if info.file_size > _RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size,
                                                                              1):
            raise JobdocsError(f"{path}: part {info.filename} is packed {MAX_RATIO} times "
                               "tighter than a Word file's parts are (a zip bomb?)")
        try:
            with archive.open(info) as member:
                content = member.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as e:
            raise JobdocsError(f"{path}: part {info.filename} cannot be unpacked: {e}") from e
        if len(content) != info.file_size:
            raise JobdocsError(f"{path}: part {info.filename} is not the size it declares")
        parts[info.filename] = content
    return parts


def _xml(path: Path, name: str, content: bytes) -> etree._Element:
    try:
        return etree.fromstring(content, _PARSER)
    except etree.XMLSyntaxError as e:
        raise JobdocsError(f"{path}: part {name} is not well-formed XML (line {e.lineno}); "
                           "open the document in Word and save it again") from None


def _clean(path: Path, parts: dict[str, bytes]) -> dict[str, bytes]:
    trees = {n: _xml(path, n, c) for n, c in parts.items() if n.endswith((".xml", ".rels"))}
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


def _repack(path: Path, parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name, content in parts.items():
            out.writestr(name, content)
    return buf.getvalue()

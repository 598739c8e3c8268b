"""Read a reviewed Word document's XML into edited.py's paragraphs, in both views of
its tracked changes, with their marks, revisions and comments.

The XML is read as Word and LibreOffice write it, not as jobdocs did: runs split
by w:rsid, w:proofErr and w:smartTag around words, bookmarks between paragraphs,
fields, content controls, hyperlinks. A tracked change is `w:ins`/`w:del` (and
`w:moveTo`/`w:moveFrom` for a move); a paragraph mark inserted or deleted
(`w:pPr/w:rPr/w:ins|w:del`) joins the paragraph to the next one in the view
that drops it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import Any

from .. import intake
from ..intake.word import LEVELS, read_package, word_int
from ..render.docx import marks
from .edited import ACCEPT, REJECT, Comment, Edited, Revision, Source, normal

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"

#: Containers whose content is read as if they were not there.
_TRANSPARENT = {"hyperlink", "smartTag", "customXml", "sdtContent", "fldSimple", "dir", "bdo",
                "r"}
#: Elements whose content is never text of the paragraph.
_SKIP = {"pPr", "rPr", "sdtPr", "sdtEndPr", "instrText", "delInstrText", "txbxContent",
         "AlternateContent", "footnoteReference", "endnoteReference", "smartTagPr",
         "customXmlPr", "oMath", "oMathPara", "fldData"}
_OBJECTS = {"drawing", "pict", "object"}
_REVISION = {"ins": "insert", "del": "delete", "moveTo": "move", "moveFrom": "move"}


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def read(path: Any) -> Edited:
    """Read the Word document at `path` (through the one door for user files)."""
    return of_package(read_package(path, intake.DOCUMENT))


def of_package(package: Any) -> Edited:
    """Read an opened Word package (intake.Package)."""
    path = package.path
    main = _main_part(package)
    root = package.xml(main)
    if root is None or root.find(_w("body")) is None:
        raise intake.Unreadable(path, "not a Word document (no main document part); save it "
                                "as .docx in Word and import again")
    if root.tag.startswith(f"{{{_STRICT}}}"):
        raise intake.Unreadable(path, "the document is saved as Strict Open XML; save it as "
                                "a Word Document (.docx) in Word and import again")
    styles = _style_names(package, main)
    reader = _Reader(styles)
    sources = reader.body(root.find(_w("body")))
    props = package.xml("docProps/core.xml")

    def prop(name: str) -> str:
        if props is None:
            return ""
        found = props.find(f"{{http://purl.org/dc/elements/1.1/}}{name}")
        return (found.text or "").strip() if found is not None else ""

    stories: dict[str, list[str]] = {ACCEPT: [], REJECT: []}
    for name in sorted(package.parts):
        if re.fullmatch(r"word/(header|footer)\d*\.xml", name):
            story = package.xml(name)
            if story is not None:
                for s in _Reader(styles).story(story):
                    for view in stories:
                        if s.texts.get(view, "").strip():
                            stories[view].append(normal(s.texts[view]))
    return Edited(str(path), sources, _comments(package, main, reader.anchors),
                  prop("identifier"), prop("language"), prop("description"), stories)


def _main_part(package: Any) -> str:
    rels = package.xml("_rels/.rels")
    if rels is not None:
        for rel in rels.iter(f"{{{_R}}}Relationship"):
            if rel.get("Type") == _DOC_REL:
                return posixpath.normpath(str(rel.get("Target", "")).lstrip("/"))
    return "word/document.xml"


def _related(package: Any, main: str, kind: str) -> str | None:
    folder, name = posixpath.split(main)
    rels = package.xml(posixpath.join(folder, "_rels", f"{name}.rels"))
    if rels is None:
        return None
    for rel in rels.iter(f"{{{_R}}}Relationship"):
        if rel.get("Type") == kind and rel.get("TargetMode") != "External":
            return posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
    return None


def _style_names(package: Any, main: str) -> dict[str, str]:
    folder = posixpath.dirname(main)
    root = package.xml(posixpath.join(folder, "styles.xml"))
    names: dict[str, str] = {}
    if root is not None:
        for style in root.iter(_w("style")):
            name = style.find(_w("name"))
            if name is not None:
                names[style.get(_w("styleId"), "")] = name.get(_w("val"), "")
    return names


def _comments(package: Any, main: str, anchors: dict[str, int]) -> list[Comment]:
    name = _related(package, main, _COMMENTS_REL)
    root = package.xml(name) if name else None
    out = []
    for c in root.iter(_w("comment")) if root is not None else ():
        cid = c.get(_w("id"), "")
        paragraphs = []
        for p in c.iter(_w("p")):
            texts = _Reader({}).paragraph(p, 0)
            paragraphs.append(normal(texts.texts.get(ACCEPT, "")))
        out.append(Comment(cid, c.get(_w("author"), ""), c.get(_w("date"), ""),
                           "\n".join(t for t in paragraphs if t), anchors.get(cid, -1)))
    return out


class _Reader:
    """Walk WordprocessingML into source paragraphs."""

    def __init__(self, styles: dict[str, str]) -> None:
        self.styles = styles
        self.count = 0
        self.tables = 0
        self.anchors: dict[str, int] = {}  # comment id → source paragraph index
        self.waiting: list[str] = []  # bookmarks between paragraphs, for the next one

    def body(self, body: Any) -> list[Source]:
        return list(self._blocks(body, 0))

    def story(self, root: Any) -> list[Source]:
        return list(self._blocks(root, 0))

    def _blocks(self, parent: Any, table: int) -> Iterator[Source]:
        for child in parent.iterchildren():
            tag = _tag(child)
            if tag == "p":
                yield self.paragraph(child, table)
            elif tag == "tbl":
                self.tables += 1
                number = self.tables
                for row in child.iter(_w("tr")):
                    for cell in row.iterchildren(_w("tc")):
                        yield from self._blocks(cell, number)
            elif tag in ("sdt", "customXml"):
                content = child.find(_w("sdtContent")) if tag == "sdt" else child
                if content is not None:
                    yield from self._blocks(content, table)
            elif tag == "bookmarkStart":  # Word moves a bookmark between paragraphs
                name = child.get(_w("name"), "")
                if marks.is_mark(name):
                    self.waiting.append(name)

    def paragraph(self, p: Any, table: int) -> Source:
        self.count += 1
        ppr = p.find(_w("pPr"))
        style = _style(ppr, self.styles)
        old = style
        source = Source(self.count, table, style, old, marks=self.waiting)
        self.waiting = []
        if ppr is not None:
            change = ppr.find(_w("pPrChange"))
            if change is not None:
                old = _style(change.find(_w("pPr")), self.styles) or "Normal"
                source.old_style = old
                source.revisions.append(_revision(change, "format", ""))
            num = ppr.find(_w("numPr"))
            if num is not None and num.find(_w("ilvl")) is not None:
                source.level = word_int(num.find(_w("ilvl")).get(_w("val")), LEVELS, 0)
            rpr = ppr.find(_w("rPr"))
            for kind, view in (("ins", REJECT), ("del", ACCEPT), ("moveTo", REJECT),
                               ("moveFrom", ACCEPT)):
                found = rpr.find(_w(kind)) if rpr is not None else None
                if found is not None:
                    source.joins[view] = True
                    source.revisions.append(_revision(found, _REVISION[kind], "¶"))
        texts: dict[str, list[str]] = {ACCEPT: [], REJECT: []}
        self._walk(p, source, texts, hidden=set(), fields=[])
        source.texts = {view: "".join(parts) for view, parts in texts.items()}
        return source

    def _walk(self, element: Any, source: Source, texts: dict[str, list[str]],
              hidden: set[str], fields: list[str]) -> None:
        """Add the text under `element` to the views it shows in."""
        for child in element.iterchildren():
            tag = _tag(child)
            if tag in _SKIP:
                continue
            if tag in _REVISION:
                drop = {REJECT} if tag in ("ins", "moveTo") else {ACCEPT}
                before = {v: len("".join(texts[v])) for v in texts}
                self._walk(child, source, texts, hidden | drop, fields)
                changed = "".join(texts[ACCEPT if tag in ("ins", "moveTo") else REJECT])
                view = ACCEPT if tag in ("ins", "moveTo") else REJECT
                source.revisions.append(_revision(child, _REVISION[tag],
                                                  changed[before[view]:]))
            elif tag == "fldChar":
                kind = child.get(_w("fldCharType"), "")
                if kind == "begin":
                    fields.append("code")
                elif kind == "separate" and fields:
                    fields[-1] = "result"
                elif kind == "end" and fields:
                    fields.pop()
            elif "code" in fields:
                continue  # a field's instruction, not its result
            elif tag in ("t", "delText"):
                self._text(texts, hidden, child.text or "")
            elif tag in ("tab", "ptab"):
                self._text(texts, hidden, "\t")
            elif tag in ("br", "cr"):
                self._text(texts, hidden, "\n")
            elif tag == "noBreakHyphen":
                self._text(texts, hidden, "-")
            elif tag == "bookmarkStart":
                name = child.get(_w("name"), "")
                if marks.is_mark(name):
                    source.marks.append(name)
            elif tag in ("commentRangeStart", "commentReference"):
                self.anchors.setdefault(child.get(_w("id"), ""), source.index)
            elif tag in _OBJECTS:
                source.objects += 1
            elif tag in _TRANSPARENT or tag == "sdt":
                self._walk(child, source, texts, hidden, fields)

    @staticmethod
    def _text(texts: dict[str, list[str]], hidden: set[str], text: str) -> None:
        for view in texts:
            if view not in hidden:
                texts[view].append(text)


def _style(ppr: Any, styles: dict[str, str]) -> str:
    found = ppr.find(_w("pStyle")) if ppr is not None else None
    if found is None:
        return styles.get("Normal", "Normal")
    value = str(found.get(_w("val"), ""))
    return styles.get(value, value)


def _revision(element: Any, kind: str, text: str) -> Revision:
    return Revision(kind, element.get(_w("author"), ""), element.get(_w("date"), ""), text)

"""Keep a heading, a lead-in and what they lead in on one printed page, where LibreOffice
falls short.

The DOCX says what keeps with what through paragraph properties (w:keepNext
on headings, lead-ins, and the body's last paragraph before the signatures),
and Word honours every chain. LibreOffice keeps a paragraph with the next one,
but not a chain of three (a heading, its lead-in, the first clause), and in
some positions on a page not even two. So the DOCX is printed as a copy with a
bookmark at the end of every paragraph that keeps with the next and at the start
of the block after it; LibreOffice's PDF export turns bookmarks into named
destinations, and their pages (read without reading any page's text) show each
chain that a page left stranded. Such a chain begins the next page
(w:pageBreakBefore on its first paragraph) in a copy that is printed again; only
documents that need it are. A LibreOffice that makes no destinations has the
printed lines read back instead (`printed_lines`, `Body.stranded`). The DOCX
jobdocs writes never carries these breaks or marks: its structure is the same
for every reader, and a margin changed in Word moves the pages as Word lays
them out.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from copy import deepcopy
from pathlib import Path
from typing import Any

from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _PPR, _TBL, _STYLE = f"{{{_W}}}p", f"{{{_W}}}pPr", f"{{{_W}}}tbl", f"{{{_W}}}style"
_VAL = f"{{{_W}}}val"
#: What may come before w:pageBreakBefore in a paragraph's properties (ECMA-376 order).
_BEFORE_BREAK = {f"{{{_W}}}{tag}" for tag in ("pStyle", "keepNext", "keepLines")}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_SPACE = re.compile(r"[\s\u00ad\u2010\u2011-]+")
#: How many times a document is printed again at most (each break moves what follows).
ROUNDS = 3
#: The bookmarks of the copy that is printed: where a paragraph that keeps with the next
#: ends (`jdkeepe12`) and where the block after it begins (`jdkeeps13`). Letters and
#: digits only: LibreOffice names the PDF's destinations after them.
_END, _BEGIN = "jdkeepe", "jdkeeps"
_FIRST_ID = 900000  # far above the ids of the document's own bookmarks
#: LibreOffice's PDF export, asked to turn every bookmark into a named destination.
PDF_FILTER = ('pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":'
              '{"type":"boolean","value":"true"}}')


def _norm(text: str) -> str:
    """Return text without spaces and hyphens: a printed line and its paragraph compare
    equal whatever the line breaks and hyphenation."""
    return _SPACE.sub("", text)


class Body:
    """The body paragraphs of a DOCX and what keeps each with the next."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self.names = package.namelist()
            self.parts = {name: package.read(name) for name in self.names}
            self.infos = {info.filename: info for info in package.infolist()}
        self.root = etree.fromstring(self.parts["word/document.xml"], _PARSER)
        self.keeping = _keeping_styles(self.parts.get("word/styles.xml"))
        body = self.root.find(f"{{{_W}}}body")
        self.blocks = [child for child in body if child.tag in (_P, _TBL)]
        self.texts = [_norm("".join(b.itertext())) if b.tag == _P else "" for b in self.blocks]
        self.margins = {_norm(text) for name, part in self.parts.items()
                        if re.match(r"word/(header|footer)\d*\.xml$", name)
                        for text in _paragraph_texts(part)}

    def keeps(self, n: int) -> bool:
        """Whether body block `n` is a paragraph that keeps with the next block."""
        block = self.blocks[n]
        if block.tag != _P:
            return False
        ppr = block.find(_PPR)
        own = None if ppr is None else ppr.find(f"{{{_W}}}keepNext")
        if own is not None:
            return own.get(_VAL, "1") not in ("0", "false", "off")
        style = None if ppr is None else ppr.find(f"{{{_W}}}pStyle")
        return style is not None and style.get(_VAL) in self.keeping

    def stranded(self, pages: Sequence[Sequence[str]]) -> list[int]:
        """Return the first block of every chain whose keeping paragraph ends a page
        (`pages`: the printed lines of each page, top to bottom)."""
        starts, cursor = [], 0
        for lines in pages[:-1]:
            body = [_norm(line) for line in lines if _norm(line)
                    and _norm(line) not in self.margins and not _norm(line).isdigit()]
            if not body:
                continue
            ends = self._ending(body, cursor)
            if ends is None:
                continue
            cursor = ends + 1
            if self.keeps(ends):
                starts.append(self.chain_start(ends))
        return sorted({n for n in starts if n > 0})

    def chain_start(self, n: int) -> int:
        """Return the first block of the chain of keeping paragraphs that block `n` ends."""
        while n > 0 and self.keeps(n - 1):
            n -= 1
        return n

    def _ending(self, lines: list[str], cursor: int) -> int | None:
        """Return the block whose text a page's last lines end, from `cursor` on."""
        for tail in ("".join(lines[-2:]), lines[-1]):
            if len(tail) < 4:
                continue
            for n in range(cursor, len(self.blocks)):
                if self.texts[n] and self.texts[n].endswith(tail):
                    return n
        return None

    def marked(self) -> bytes | None:
        """Return a copy of the DOCX with a bookmark where each paragraph that keeps with
        the next ends and where the block after it begins (None: nothing keeps): printed
        with `PDF_FILTER`, the PDF says on which page each lies."""
        root = deepcopy(self.root)
        body = root.find(f"{{{_W}}}body")
        blocks = [child for child in body if child.tag in (_P, _TBL)]
        ident = _FIRST_ID
        for n in range(len(blocks) - 1):
            if not self.keeps(n):
                continue
            _bookmark(blocks[n], f"{_END}{n}", ident, at_end=True)
            after = blocks[n + 1] if blocks[n + 1].tag == _P else next(blocks[n + 1].iter(_P),
                                                                         None)
            if after is not None:
                _bookmark(after, f"{_BEGIN}{n + 1}", ident + 1, at_end=False)
            ident += 2
        if ident == _FIRST_ID:
            return None
        return self._package(root)

    def stranded_on(self, pages: dict[str, int]) -> list[int]:
        """Return the first block of every chain whose keeping paragraph ends a page, from
        the pages the marks of `marked()` were printed on ({mark: page})."""
        starts = []
        for n in range(len(self.blocks) - 1):
            end, begin = pages.get(f"{_END}{n}"), pages.get(f"{_BEGIN}{n + 1}")
            if end is not None and begin is not None and begin > end and self.keeps(n):
                starts.append(self.chain_start(n))
        return sorted({n for n in starts if n > 0})

    def break_before(self, starts: Sequence[int]) -> bytes:
        """Return the DOCX with each of these blocks beginning a new page."""
        for n in starts:
            p = self.blocks[n]
            ppr = p.find(_PPR)
            if ppr is None:
                ppr = etree.SubElement(p, _PPR)
                p.insert(0, ppr)
            at = sum(1 for child in ppr if child.tag in _BEFORE_BREAK)
            ppr.insert(at, ppr.makeelement(f"{{{_W}}}pageBreakBefore", {}))
        return self._package(self.root)

    def _package(self, root: Any) -> bytes:
        """Return the DOCX with `root` as its document part."""
        parts = {**self.parts, "word/document.xml": etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True)}
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            for name in self.names:
                package.writestr(self.infos[name], parts[name])
        return out.getvalue()


def _bookmark(p: Any, name: str, ident: int, *, at_end: bool) -> None:
    """Put an empty bookmark at the end of a paragraph, or at its start (after its
    properties)."""
    start = p.makeelement(f"{{{_W}}}bookmarkStart", {f"{{{_W}}}id": str(ident),
                                                     f"{{{_W}}}name": name})
    end = p.makeelement(f"{{{_W}}}bookmarkEnd", {f"{{{_W}}}id": str(ident)})
    if at_end:
        p.extend([start, end])
    else:
        at = 1 if len(p) and p[0].tag == _PPR else 0
        p.insert(at, end)
        p.insert(at, start)


def _keeping_styles(xml: bytes | None) -> set[str]:
    """Return the ids of the paragraph styles that keep with the next (through their bases)."""
    if not xml:
        return set()
    root = etree.fromstring(xml, _PARSER)
    own, base = {}, {}
    for style in root.iter(_STYLE):
        sid = style.get(f"{{{_W}}}styleId")
        keep = style.find(f"{_PPR}/{{{_W}}}keepNext")
        if keep is not None:
            own[sid] = keep.get(_VAL, "1") not in ("0", "false", "off")
        based = style.find(f"{{{_W}}}basedOn")
        if based is not None:
            base[sid] = based.get(_VAL)

    def keeps(sid: str | None, depth: int = 0) -> bool:
        if sid is None or depth > 20:
            return False
        return own[sid] if sid in own else keeps(base.get(sid), depth + 1)

    return {sid for sid in {*own, *base} if keeps(sid)}


def _paragraph_texts(xml: bytes) -> list[str]:
    root = etree.fromstring(xml, _PARSER)
    return ["".join(p.itertext()) for p in root.iter(_P)]


def printed_lines(pdf: Path) -> list[list[str]]:
    """Return the lines of every page of a PDF, top to bottom."""
    from pypdf import PdfReader

    return [page.extract_text().splitlines() for page in PdfReader(str(pdf)).pages]


def marks_printed(pdf: Path) -> dict[str, int]:
    """Return the page (from 0) of every mark of `Body.marked()` in a PDF printed with
    `PDF_FILTER`: its named destinations, read without reading a page."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    pages = {}
    for name, destination in reader.named_destinations.items():
        key = str(name).lstrip("/")
        if key.startswith((_END, _BEGIN)):
            page = reader.get_destination_page_number(destination)
            if page is not None:
                pages[key] = page
    return pages


def print_kept(sources: Sequence[Path], out_dir: Path, convert: Any, work: Path) -> str:
    """Print each DOCX of `sources` as `out_dir/<its stem>.pdf`, a chain a page would
    strand moved to the next; `convert(sources, out_dir)` prints (one LibreOffice run,
    with `PDF_FILTER`; it returns the last line LibreOffice said, which is returned),
    `work` holds the copies printed.

    Each document is printed as a copy with marks (`Body.marked`): the PDF's named
    destinations tell where each keeping paragraph ended, so only a document with a
    stranded chain is printed again (with a break before the chain). A LibreOffice that
    made no destinations has the PDF's lines read instead (`printed_lines`)."""
    printed: list[Path] = []
    bodies: dict[Path, tuple[Body, bool]] = {}
    for n, source in enumerate(sources):
        try:
            body = Body(Path(source).read_bytes())
        except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
            printed.append(Path(source))  # LibreOffice says what it makes of it
            continue
        marked = body.marked()
        if marked is None:  # nothing keeps with the next: printed as it is
            printed.append(Path(source))
            continue
        copy = work / "0" / str(n) / Path(source).name
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(marked)
        printed.append(copy)
        bodies[copy] = (body, True)
    said: str = convert(printed, out_dir)
    for round_ in range(1, ROUNDS + 1):
        again: dict[Path, tuple[Body, bool]] = {}
        for copy, (body, with_marks) in bodies.items():
            pdf = out_dir / f"{copy.stem}.pdf"
            if not pdf.is_file():
                continue
            pages = marks_printed(pdf) if with_marks else {}
            starts = body.stranded_on(pages) if pages else body.stranded(printed_lines(pdf))
            if not starts:
                continue
            broken = body.break_before(starts)
            moved = Body(broken)
            target = work / str(round_) / str(len(again)) / copy.name
            target.parent.mkdir(parents=True, exist_ok=True)
            marked = moved.marked() if pages else None
            target.write_bytes(broken if marked is None else marked)
            again[target] = (moved, marked is not None)
        if not again:
            break
        convert(list(again), out_dir)
        bodies = again
    return said
